"""Hervorming kosten_van_bestaan_95: a parameter change, described and sourced in kosten_van_bestaan_95.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

kosten_van_bestaan_95 = uit_bestand(Path(__file__).with_suffix(".yaml"))
