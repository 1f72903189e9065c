"""Beleidsalternatieven: OpenFisca reforms placed next to current law.

One module per reform, each exposing a `Reform` class of the same name, so that
``openfisca serve --reforms openfisca_toeslagen.reforms.kosten_van_bestaan_95.kosten_van_bestaan_95``
and ``reforms:`` in a YAML test work. Reforms combine: ``pas_toe(tbs, ["a", "b"])`` applies a, then b.
A parameter change needs no Python: see `uit_data.parameterhervorming` and `uit_data.uit_bestand`.
"""

import importlib
from pathlib import Path

from openfisca_core.reforms import Reform

from openfisca_toeslagen.reforms.uit_data import OngeldigeHervorming, uit_bestand

HERVORMINGEN = (
    "inflatie_geindexeerde_norm",
    "kosten_van_bestaan_95",
    "kosten_van_bestaan_100",
    "werkelijke_lasten",
    "aflossingspercentage_50",
    "andere_betalingsregelingen_aftrekbaar",
)


def hervorming(naam_of_bestand):
    """The Reform class of a named reform, or the parameterhervorming in a .yaml/.yml/.json file."""
    if isinstance(naam_of_bestand, type) and issubclass(naam_of_bestand, Reform):
        return naam_of_bestand
    tekst = str(naam_of_bestand)
    if tekst.endswith((".yaml", ".yml", ".json")):
        return uit_bestand(Path(tekst))
    if tekst not in HERVORMINGEN:
        raise OngeldigeHervorming(f"onbekende hervorming {tekst!r}; kies uit {', '.join(HERVORMINGEN)} of geef een .yaml/.json-bestand")
    return getattr(importlib.import_module(f"{__name__}.{tekst}"), tekst)


def pas_toe(tbs, hervormingen):
    """`tbs` with the reforms applied in order (names, files or Reform classes)."""
    for h in hervormingen:
        tbs = hervorming(h)(tbs)
    return tbs


def beschrijving(naam_of_bestand):
    """The Dutch description of a reform (its docstring, on one line)."""
    return " ".join((hervorming(naam_of_bestand).__doc__ or "").split())
