"""Hervorming lezing_zorgpremie_onder_nul: a legal reading as a parameter change, described and sourced in lezing_zorgpremie_onder_nul.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

lezing_zorgpremie_onder_nul = uit_bestand(Path(__file__).with_suffix(".yaml"))
