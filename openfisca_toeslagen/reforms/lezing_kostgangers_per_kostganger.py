"""Hervorming lezing_kostgangers_per_kostganger: a legal reading as a parameter change, described and sourced in lezing_kostgangers_per_kostganger.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

lezing_kostgangers_per_kostganger = uit_bestand(Path(__file__).with_suffix(".yaml"))
