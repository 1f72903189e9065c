"""Hervorming kosten_van_bestaan_100: a parameter change, described and sourced in kosten_van_bestaan_100.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

kosten_van_bestaan_100 = uit_bestand(Path(__file__).with_suffix(".yaml"))
