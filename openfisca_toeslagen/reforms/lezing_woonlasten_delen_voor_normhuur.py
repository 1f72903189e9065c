"""Hervorming lezing_woonlasten_delen_voor_normhuur: a legal reading as a parameter change, described and sourced in lezing_woonlasten_delen_voor_normhuur.yaml."""

from pathlib import Path

from openfisca_toeslagen.reforms.uit_data import uit_bestand

lezing_woonlasten_delen_voor_normhuur = uit_bestand(Path(__file__).with_suffix(".yaml"))
