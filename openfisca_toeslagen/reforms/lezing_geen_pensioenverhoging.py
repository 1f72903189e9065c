"""Hervorming lezing_geen_pensioenverhoging: a legal reading as a parameter change, described and sourced in lezing_geen_pensioenverhoging.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

lezing_geen_pensioenverhoging = uit_bestand(Path(__file__).with_suffix(".yaml"))
