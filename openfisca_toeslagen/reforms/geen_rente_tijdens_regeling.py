"""Hervorming geen_rente_tijdens_regeling: a parameter change, described and sourced in geen_rente_tijdens_regeling.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

geen_rente_tijdens_regeling = uit_bestand(Path(__file__).with_suffix(".yaml"))
