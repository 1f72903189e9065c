"""Hervorming lezing_inboedel_volle_waarde: a legal reading as a parameter change, described and sourced in lezing_inboedel_volle_waarde.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

lezing_inboedel_volle_waarde = uit_bestand(Path(__file__).with_suffix(".yaml"))
