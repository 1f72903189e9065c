"""Hervorming lezing_geen_kostendelersnorm: a legal reading as a parameter change, described and sourced in lezing_geen_kostendelersnorm.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

lezing_geen_kostendelersnorm = uit_bestand(Path(__file__).with_suffix(".yaml"))
