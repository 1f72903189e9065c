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
    # process reforms: they change the routes (openfisca_toeslagen.toepassingen.routes), not the decision
    "verlenging_na_gemiste_betaling",
    "geen_rente_tijdens_regeling",
)
# The other reading where the law is unclear or could not be verified: each the alternative to a default reading.
LEZINGEN = (
    "lezing_geen_kostendelersnorm",
    "lezing_geen_pensioenverhoging",
    "lezing_woonlasten_delen_voor_normhuur",
    "lezing_zorgpremie_onder_nul",
    "lezing_toeslagschulden_niet_aftrekbaar",
    "lezing_inboedel_volle_waarde",
    "lezing_kostgangers_per_kostganger",
)
HERVORMINGEN = HERVORMINGEN + LEZINGEN


def hervorming(naam_of_bestand):
    """The Reform class of a named reform, or the parameterhervorming in a .yaml/.yml/.json file."""
    if isinstance(naam_of_bestand, type) and issubclass(naam_of_bestand, Reform):
        return naam_of_bestand
    tekst = str(naam_of_bestand)
    if tekst.endswith((".yaml", ".yml", ".json")):
        klasse = uit_bestand(Path(tekst))
        if klasse.__name__ in HERVORMINGEN:
            raise OngeldigeHervorming(f"{tekst}: de naam {klasse.__name__!r} is die van een ingebouwde hervorming; kies een andere")
        return klasse
    if tekst not in HERVORMINGEN:
        raise OngeldigeHervorming(f"onbekende hervorming {tekst!r}; kies uit {', '.join(HERVORMINGEN)} of geef een .yaml/.json-bestand")
    return getattr(importlib.import_module(f"{__name__}.{tekst}"), tekst)


def pas_toe(tbs, hervormingen):
    """`tbs` with the reforms applied in order (names, files or Reform classes); each at most once."""
    klassen = [hervorming(h) for h in hervormingen]
    namen = [k.__name__ for k in klassen]
    dubbel = sorted({n for n in namen if namen.count(n) > 1})
    if dubbel:
        raise OngeldigeHervorming(f"hervorming {', '.join(dubbel)} staat meer dan eens in {'+'.join(namen)}")
    for klasse in klassen:
        tbs = klasse(tbs)
    return tbs


def beschrijving(naam_of_bestand):
    """The Dutch description of a reform (its docstring, on one line)."""
    return " ".join((hervorming(naam_of_bestand).__doc__ or "").split())


def titel(tbs):
    """Short Dutch name of the policy a system applies: 'Geldend recht', or its reforms' titles joined by ' + '.

    A reform's title is its description up to the first ':' (or its name when there is none).
    """
    titels = []
    while isinstance(tbs, Reform):
        tekst = " ".join((type(tbs).__doc__ or "").split())
        kop = tekst.split(":")[0]
        titels.insert(0, kop if ":" in tekst and len(kop) <= 60 else type(tbs).__name__.replace("_", " "))
        tbs = tbs.baseline
    return " + ".join(titels) or "Geldend recht"
