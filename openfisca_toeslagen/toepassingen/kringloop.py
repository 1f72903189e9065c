"""The vicious circle of the persoonlijke betalingsregeling, as a scenario over a population of requests.

    uitkomst = kringloop.bereken(tabel, "2025-01", hervormingen=["verlenging_na_gemiste_betaling"])
    uitkomst.per_jaar()  # per policy and year: terms missed, withdrawals, new requests, objections, ...

Every household of the table asks for a persoonlijke betalingsregeling in the request month and gets the decision of
the rules (under current law and under each policy). From then on it follows the persoonlijke_regeling route of
`routes.populatie` (the same books, interest, costs and forced collection as the routes), with one addition: a
household misses every term when what it really has left after the term (`vrij_besteedbaar_na_regeling`) is below
what it needs for food and daily costs (the assumption `leefgeld`). Under current law a missed term lapses the
regeling (a free herinnering, then the rest is due at once) and forced collection starts; the household asks again
after a while, collection waits while the request is handled, and the decision — after the decision time — gives a
new regeling with the same amount, which it misses again. Under `verlenging_na_gemiste_betaling` the first miss moves
the regeling a month instead. A share of withdrawals is objected to (it does not stop collection, Awb art. 6:16).

Every assumption is a dated value with its source or labelled as an assumption in `kringloop.yaml` and can be changed
per run (`aannames={"beslistermijn_weken": 8}`). These are scenario results, not forecasts: they show what the rules
and the assumptions together do, not what will happen.
"""

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from openfisca_core.parameters import load_parameter_file

from openfisca_toeslagen import reforms
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.invoer.bestanden import lees
from openfisca_toeslagen.invoer.huishoudens import Huishoudens, OngeldigBestand
from openfisca_toeslagen.toepassingen.routes import GELIJK, MAXIMUM_MAANDEN, Regels
from openfisca_toeslagen.toepassingen.routes.regels import maandnummer
from openfisca_toeslagen.toepassingen.routes.populatie import BLOK, Kringloop, _gegevens, _Kalender, _route
from openfisca_toeslagen.invoer.bestanden import veilige_cel
from openfisca_toeslagen.toepassingen.vergelijking import GELDEND_RECHT, beleidssystemen

AANNAMES = Path(__file__).with_name("kringloop.yaml")
WEKEN_PER_MAAND = 52 / 12
MAXIMUM_HORIZON = 60  # a household's route runs ten years from its first beschikking; five from the request stays within
SEED = 2025  # who asks again, when not everyone does (aandeel_opnieuw_verzoek < 1)
KOLOMMEN = ("verzoeken", "termijnen_gemist", "intrekkingen", "nieuwe_verzoeken", "bezwaren", "nieuwe_regelingen",
            "maanden_dwanginvordering", "kosten", "rente", "ingevorderd", "gestopt")
OMSCHRIJVING = {
    "verzoeken": "verzoeken om een persoonlijke betalingsregeling (het eerste en de nieuwe)",
    "termijnen_gemist": "termijnen niet betaald",
    "intrekkingen": "regelingen vervallen na een gemiste termijn",
    "nieuwe_verzoeken": "nieuwe verzoeken na een intrekking",
    "bezwaren": "bezwaren tegen een intrekking (verwacht aantal)",
    "nieuwe_regelingen": "nieuwe regelingen na een nieuw verzoek",
    "maanden_dwanginvordering": "huishoudmaanden in dwanginvordering",
    "kosten": "invorderingskosten in rekening gebracht (euro)",
    "rente": "invorderingsrente in rekening gebracht (euro)",
    "ingevorderd": "ingevorderd: termijnen en beslag (euro)",
    "gestopt": "huishoudens gestopt: een bedrag van die maand is niet geverifieerd",
}


def aannames(periode, wijzigingen=None):
    """{name: (value, zekerheid, bron)} of the scenario's assumptions in `periode`, with `wijzigingen` applied."""
    knoop = load_parameter_file(str(AANNAMES), "kringloop")
    uit = {}
    for naam, parameter in knoop.children.items():
        uit[naam] = (parameter(f"{periode}-01"), parameter.metadata["zekerheid"], parameter.metadata["bron"])
    for naam, waarde in (wijzigingen or {}).items():
        if naam not in uit:
            raise OngeldigBestand(f"onbekende aanname {naam!r}; kies uit {', '.join(uit)}")
        oud = uit[naam][0]
        ja_nee = isinstance(oud, (bool, numpy.bool_))
        goed = isinstance(waarde, bool) if ja_nee else (
            isinstance(waarde, (int, float)) and not isinstance(waarde, bool) and math.isfinite(waarde) and waarde >= 0)
        if not goed:
            raise OngeldigBestand(f"aanname {naam}: {waarde!r} is geen geldige waarde (nu {oud!r})")
        uit[naam] = (waarde, "aanname", f"gewijzigd voor deze berekening (was {oud})")
    return uit


def _maanden(weken):
    """Weeks as whole calendar months, rounded up (12 weeks: 3 months; 8 weeks: 2)."""
    return math.ceil(weken / WEKEN_PER_MAAND - 1e-9)


@dataclass
class Scenario:
    """Per policy and month from the request month, the counters of the circle; and who misses."""

    periode: str
    aantal: int  # households with a debt: each asks in the request month
    aannames: dict
    titels: dict = field(default_factory=dict)
    tellingen: dict = field(default_factory=dict)  # policy: counter: array over months (euros in cents)
    missen: dict = field(default_factory=dict)  # policy: households with a term they cannot pay and keep the leefgeld
    synthetisch: bool = False

    @property
    def beleid(self):
        return list(self.tellingen)

    def per_jaar(self):
        """{policy: {year: {column: number}}} over the horizon, by calendar year."""
        horizon = int(self.aannames["horizon_maanden"][0])
        eerste = maandnummer(self.periode)
        bezwaar = self.aannames["aandeel_bezwaar"][0]
        uit = {}
        for beleid, t in self.tellingen.items():
            uit[beleid] = {}
            for i in range(horizon):
                jaar = (eerste + i) // 12
                rij = uit[beleid].setdefault(jaar, dict.fromkeys(KOLOMMEN, 0))
                rij["verzoeken"] += (self.aantal if i == 0 else 0) + t["nieuwe_verzoeken"][i]
                for k in ("termijnen_gemist", "intrekkingen", "nieuwe_verzoeken", "nieuwe_regelingen"):
                    rij[k] += t[k][i]
                rij["bezwaren"] += bezwaar * t["intrekkingen"][i]
                rij["maanden_dwanginvordering"] += t["in_dwanginvordering"][i]
                rij["gestopt"] += t["gestopt"][i]
                rij["kosten"] += t["kosten"][i] / 100
                rij["rente"] += t["rente"][i] / 100
                rij["ingevorderd"] += t["betaald"][i] / 100
        return uit

    def rijen(self):
        for beleid, jaren in self.per_jaar().items():
            for jaar, rij in jaren.items():
                yield {"beleid": beleid, "jaar": jaar, **{k: round(v, 2) for k, v in rij.items()}}

    def naar_csv(self, pad):
        with open(pad, "w", newline="", encoding="utf-8") as bestand:
            schrijver = csv.DictWriter(bestand, fieldnames=["beleid", "jaar", *KOLOMMEN])
            schrijver.writeheader()
            schrijver.writerows({k: veilige_cel(v) for k, v in rij.items()} for rij in self.rijen())


def bereken(tabel, periode, hervormingen=(), systemen=None, wijzigingen=None, voortgang=None):
    """The scenario for every household of `tabel` (a `Huishoudens` table or a CSV path), under current law and each
    policy; `wijzigingen` changes assumptions by name for this run."""
    systemen = systemen or beleidssystemen(hervormingen)
    if not isinstance(tabel, Huishoudens):
        tabel = lees(tabel, systemen[GELDEND_RECHT])
    a = aannames(periode, wijzigingen)
    waarde = {naam: w[0] for naam, w in a.items()}
    horizon = int(waarde["horizon_maanden"])
    if not 1 <= horizon <= MAXIMUM_HORIZON:
        raise OngeldigBestand(f"aanname horizon_maanden: 1 tot en met {MAXIMUM_HORIZON} (een route volgt een huishouden tien jaar "
                              "vanaf de eerste beschikking)")
    if waarde["nieuw_verzoek_na_maanden"] < 1 or _maanden(waarde["beslistermijn_weken"]) < 1:
        raise OngeldigBestand("aannames nieuw_verzoek_na_maanden en beslistermijn_weken: ten minste een maand (een week); "
                              "een verzoek en een beslissing vallen in een volgende maand")
    if waarde["aandeel_opnieuw_verzoek"] > 1 or waarde["aandeel_bezwaar"] > 1:
        raise OngeldigBestand("een aandeel (aandeel_opnieuw_verzoek, aandeel_bezwaar) ligt tussen 0 en 1")
    opnieuw = numpy.random.default_rng(SEED).random(len(tabel)) < waarde["aandeel_opnieuw_verzoek"]
    van = maandnummer(periode)
    uitkomst = Scenario(periode, 0, a, {naam: reforms.titel(tbs) for naam, tbs in systemen.items()},
                        synthetisch=tabel.synthetisch)
    for naam, tbs in systemen.items():
        regels = Regels(tbs, periode)
        tellingen, missen = {}, 0
        for begin in range(0, len(tabel), BLOK):
            blok = tabel.deel(begin, begin + BLOK)
            h = _gegevens(tbs, blok, periode, GELIJK)
            drempel = numpy.round((waarde["leefgeld_basis"] + waarde["leefgeld_per_persoon"] * h.personen) * 100).astype(numpy.int64)
            # cannot pay the monthly term and keep enough for food and daily costs (without a monthly term, nothing to
            # miss: a part from savings alone is paid)
            mist = (h.vrij < drempel) & (h.termijnbedrag > 0)
            missen += int(mist.sum())
            if naam == GELDEND_RECHT:
                uitkomst.aantal += int((h.uitkomst != UitkomstVerzoek.geen_schuld.index).sum())
            k = Kringloop(opnieuw[begin:begin + BLOK], int(waarde["nieuw_verzoek_na_maanden"]),
                          _maanden(waarde["beslistermijn_weken"]), bool(waarde["invordering_tijdens_verzoek"]), van)
            kalender = _Kalender(regels, int(h.eerste.min()), int(h.eerste.max()) + MAXIMUM_MAANDEN)
            geen = numpy.zeros_like(mist)
            # from the request month: before it, the scenario does not follow anyone (their standaardregeling runs)
            _route("persoonlijke_regeling", h, regels, kalender, lambda maand, mist=mist, geen=geen: mist if maand >= van else geen, k)
            for teller, reeks in k.tellingen.items():
                reeks = numpy.pad(reeks, (0, max(0, horizon - len(reeks))))[:horizon]
                tellingen[teller] = tellingen.get(teller, 0) + reeks
            if voortgang:
                voortgang(1)
        uitkomst.tellingen[naam] = tellingen
        uitkomst.missen[naam] = missen
    return uitkomst
