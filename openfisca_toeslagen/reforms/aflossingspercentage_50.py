"""Hervorming aflossingspercentage_50: a parameter change, described and sourced in aflossingspercentage_50.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

aflossingspercentage_50 = uit_bestand(Path(__file__).with_suffix(".yaml"))
