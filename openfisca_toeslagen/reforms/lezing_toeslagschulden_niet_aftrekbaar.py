"""Hervorming lezing_toeslagschulden_niet_aftrekbaar: a legal reading as a parameter change, described and sourced in lezing_toeslagschulden_niet_aftrekbaar.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

lezing_toeslagschulden_niet_aftrekbaar = uit_bestand(Path(__file__).with_suffix(".yaml"))
