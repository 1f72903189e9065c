"""Hervorming verlenging_na_gemiste_betaling: a parameter change, described and sourced in verlenging_na_gemiste_betaling.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

verlenging_na_gemiste_betaling = uit_bestand(Path(__file__).with_suffix(".yaml"))
