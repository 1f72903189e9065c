"""The routes a household can take with its terugvorderingen, month by month.

    routes(situatie, periode="2025-01", gemiste_maanden=["2025-06"], hervormingen=["verlenging_na_gemiste_betaling"])

`situatie` is an OpenFisca situation with one household: its inputs for `periode` (the month of the request)
and per claim `terugvordering_<toeslag>` (the open amount) and `beschikkingsdatum_<toeslag>`. The core rules
decide the standaardregeling and the persoonlijke regeling; this module lays the five routes out over time:
direct_betalen (Awir art. 28), standaardregeling (Leidraad 79.7), persoonlijke_regeling (79.8–79.9, with the
review after twelve months), verrekening (79.7 and 79.5a) and dwanginvordering (Awir art. 29–34, Kostenwet).

Where the sources are silent we chose, and the README says so:
- payments fall in calendar months; a claim can first be paid in the month of its vervaldag (six weeks after
  the beschikking), and a payment in that month is on time;
- invorderingsrente (Invorderingswet art. 28 with URI art. 29–33): over every payment of principal separately,
  simple, 30 days for each month from the vervaldag's month to the payment's month at that month's rate, a year
  of 360 days, rounded down to whole euros; billed per claim once its principal is paid, not billed if € 23 or
  less; during an arrangement only when awir.art_29.rente_tijdens_betalingsregeling holds;
- a payment goes to costs, then interest, then principal (Awir art. 34), and over the claims to the one that
  fell due first (the claim that has been due longest, so that the least interest runs);
- dwanginvordering: a free herinnering the month after the vervaldag, the aanmaning the month after that
  (Awir art. 32: two weeks), the dwangbevel the month after, then monthly beslag on the income above the
  beslagvrije voet (Rv art. 475da) of the request month until everything is paid;
- a missed payment in an arrangement: under current law a herinnering, then the arrangement lapses and the
  rest follows the dwanginvordering; the months of verlenging_na_gemiste_betaling are granted first;
- incomes and norms stay those of the request month, except at the review of a persoonlijke regeling (Leidraad
  79.8, twelve terms after it starts), which uses the inputs given for that month; where none are given, the option
  `herziening` decides: "gelijk" (default: the amount stays, so the route follows the decision) or "doorgetrokken"
  (the request month's inputs carried forward with that month's norms). `Overzicht.verschil_met_beslissing` says in
  one sentence whether and why the route differs from the decision.
"""

import copy
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from openfisca_core import periods
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem, geld, geldigheid, reforms
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.invoer.huishoudens import OngeldigBestand
from openfisca_toeslagen.invoer.situaties import controleer_invoer, een_huishouden
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.variables.persoon import ONBEKENDE_DATUM
from openfisca_toeslagen.variables.betalingsregeling import PERSOONLIJK, TOESLAGEN, standaardregeling, terugvorderingen

MAAND = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
# The parameters only the routes read, never the decision (tests/python/test_routes.py checks it on traced decisions):
# a policy that changes nothing else is a process reform, which changes the routes and leaves the decision alone.
PROCESPARAMETERS = ("awir.art_28.", "awir.art_29.", "awir.art_47b.", "kostenwet_invordering_rijksbelastingen.",
                    "besluit_belasting_en_invorderingsrente.", "uitvoeringsregeling_invorderingswet.art_33.",
                    "wetboek_van_burgerlijke_rechtsvordering.", "leidraad_invordering.art_79_7.verlenging_na_gemiste_betaling",
                    "leidraad_invordering.art_79_8.herziening_na_maanden")
GELIJK, DOORGETROKKEN = "gelijk", "doorgetrokken"
HERZIENINGEN = {  # what the review of a persoonlijke regeling uses when no inputs are given for its month
    GELIJK: "zonder invoer voor de maand van de herziening blijft het bedrag gelijk",
    DOORGETROKKEN: "zonder invoer voor de maand van de herziening gelden de invoer van de verzoekmaand en de normen van die maand",
}
ROUTES = ("direct_betalen", "standaardregeling", "persoonlijke_regeling", "verrekening", "dwanginvordering")
MINIMUM_MAANDEN, MAXIMUM_MAANDEN = 36, 120  # the schedule shown: at least three years, at most ten
VOORSCHOTTEN = {"huurtoeslag": "ontvangen_huurtoeslag", "zorgtoeslag": "ontvangen_zorgtoeslag",
                "kindgebonden_budget": "ontvangen_kindgebonden_budget"}  # no advance of kinderopvangtoeslag is modelled


def alleen_routes(tbs):
    """Whether a policy (a system with reforms) changes only process parameters: its decision is current law's."""
    if not isinstance(tbs, reforms.Reform):
        return False
    while isinstance(tbs, reforms.Reform):
        paden = getattr(type(tbs), "wijzigingen", None)
        if not paden or not all(pad.startswith(PROCESPARAMETERS) for pad in paden):
            return False
        tbs = tbs.baseline
    return True


# The routes read Awir art. 28 and the invorderingsrente at each beschikking's date and from its vervaldag on.
ROUTEPARAMETERS = ("awir.art_28.betalingstermijn_weken", "besluit_belasting_en_invorderingsrente.art_2.invorderingsrente")
TE_VROEG = ("de routes rekenen met de betalingstermijn (Awir art. 28) en de invorderingsrente vanaf {vanaf}; een "
            "beschikking van daarvoor rekenen ze niet (de beslissing zelf wel)")
MAX_BETALINGSTERMIJN_WEKEN = 520  # a sanity bound on a policy's parameter (a policy may change it): ten years


def eerste_routedatum(tbs):
    """The first date from which every parameter the routes read at a beschikking's date has a value."""
    return max(geldigheid.eerste_datum(tbs.parameters, pad) for pad in ROUTEPARAMETERS)


def betalingstermijn_weken(tbs, datum):
    """Awir art. 28: weeks from the beschikking to the vervaldag, refused when a policy makes it absurd."""
    weken = tbs.parameters(datum.isoformat()).awir.art_28.betalingstermijn_weken
    if not 0 <= weken <= MAX_BETALINGSTERMIJN_WEKEN:
        raise OngeldigBestand(f"awir.art_28.betalingstermijn_weken: {weken:.12g} weken is geen betalingstermijn (0 tot en met "
                              f"{MAX_BETALINGSTERMIJN_WEKEN})")
    return int(weken)


def _maandnummer(tekst_of_datum):
    d = tekst_of_datum if isinstance(tekst_of_datum, date) else date.fromisoformat(f"{tekst_of_datum}-01")
    return d.year * 12 + d.month - 1


def _maand(nummer):
    return f"{nummer // 12}-{nummer % 12 + 1:02d}"


MILJOENSTE = 1_000_000  # interest rates are kept as whole millionths, so the interest is computed exactly


def rente_in_centen(bedrag, som_rentevoeten):
    """Invorderingsrente over `bedrag` cents for months whose rates (in millionths a year) add up to `som_rentevoeten`:
    30 days a month in a year of 360, so a twelfth of the yearly rate per month; rounded down to whole euros (URI art. 29–33).
    Works on integers and on integer arrays alike."""
    return bedrag * som_rentevoeten // (12 * MILJOENSTE * 100) * 100


def _centen(bedrag):
    return int(geld.centen(bedrag))


@dataclass
class Vordering:
    """One terugvordering: amounts in cents."""

    toeslag: str
    bedrag: int
    beschikkingsdatum: date
    vervaldag: date
    niet_teruggevorderd: bool
    standaard_termijn: int = 0
    standaard_looptijd: int = 0
    voorschot: int = 0

    @property
    def vervalmaand(self):
        return _maandnummer(self.vervaldag)


@dataclass
class Maand:
    maand: str
    betaald: int = 0
    kosten: int = 0
    rente: int = 0
    openstaand: int = 0
    verrekend: int = 0  # part of `betaald` withheld from a running advance
    gebeurtenissen: list = field(default_factory=list)
    per_vordering: dict = field(default_factory=dict)  # toeslag: paid this month


@dataclass
class Route:
    """A schedule; `niet_ingevorderd` is what the rules leave uncollected, `open_aan_het_eind` what is still owed.

    Always: totaal_betaald + niet_ingevorderd + open_aan_het_eind = schuld + totaal_rente + totaal_kosten (interest
    counts once billed; interest built up on payments of a claim whose principal is never paid off is not billed).
    """

    naam: str
    maanden: list
    niet_ingevorderd: int = 0
    open_aan_het_eind: int = 0
    opgebouwde_rente: int = 0  # interest built up on payments, not billed because a principal is still open
    onderbroken: str = ""  # why the schedule stops early (a figure that has not been verified), else ""

    @property
    def totaal_betaald(self):
        return sum(m.betaald for m in self.maanden)

    @property
    def totaal_kosten(self):
        return sum(m.kosten for m in self.maanden)

    @property
    def totaal_rente(self):
        return sum(m.rente for m in self.maanden)

    @property
    def afgerond_in(self):
        """The month the route ends, paid off or left uncollected; None while something is still owed."""
        if self.open_aan_het_eind:
            return None
        actief = [m.maand for m in self.maanden if m.betaald or m.kosten or m.rente or m.gebeurtenissen]
        return actief[-1] if actief else None

    @property
    def maanden_tot_einde(self):
        """Months from the first month of the schedule (the first beschikking) up to and including `afgerond_in`."""
        einde = self.afgerond_in
        return None if einde is None else [m.maand for m in self.maanden].index(einde) + 1


@dataclass
class Overzicht:
    """The totaaloverzicht and the routes of one household."""

    periode: str
    vorderingen: list
    uitkomst: str
    persoonlijk_termijnbedrag: int
    verdeling: dict
    routes: dict
    voorlopig: list = field(default_factory=list)  # amounts of the decision carried past their verified date
    beslissing: dict = field(default_factory=dict)  # the decision in cents, and the review (month, amount, basis)
    herziening: str = GELIJK

    @property
    def waarschuwing(self):
        return geldigheid.waarschuwing(self.periode, self.voorlopig)

    @property
    def schuld(self):
        return sum(v.bedrag for v in self.vorderingen if not v.niet_teruggevorderd)

    @property
    def standaard_per_maand(self):
        return sum(v.standaard_termijn for v in self.vorderingen if not v.niet_teruggevorderd)

    def verschil_met_beslissing(self):
        """One Dutch sentence: does the persoonlijke_regeling route pay what the decision says, and if not, why not."""
        b, route = self.beslissing, self.routes["persoonlijke_regeling"]
        if UitkomstVerzoek[self.uitkomst] == UitkomstVerzoek.geen_schuld:
            return "Er is geen schuld om in te vorderen: de route persoonlijke_regeling is leeg."
        if UitkomstVerzoek[self.uitkomst] not in PERSOONLIJK:
            return (f"Het verzoek leidt niet tot een persoonlijke regeling ({self.uitkomst}): de route persoonlijke_regeling "
                    "is de standaardregeling.")
        besloten = b["totaal_af_te_lossen"] + b["uit_vermogen"]
        beslissing = (f"{_euro(b['termijn'])} per maand, {b['looptijd']} maanden, {_euro(besloten)} betaald en "
                      f"{_euro(b['restschuld'])} niet ingevorderd")
        gebeurtenissen = [(i, g) for i, m in enumerate(route.maanden) for g in m.gebeurtenissen]
        herzien = any(g == b.get("herziening") for _, g in gebeurtenissen)  # the route reached the review and applied it
        vervallen = [i for i, g in gebeurtenissen if "de regeling vervalt" in g]
        beslag = bool(vervallen) and any(m.betaald for m in route.maanden[vervallen[0] + 1:])
        redenen = []  # each in main-clause order, after "Waarom:"
        if herzien and b["termijn_na_herziening"] != b["termijn"]:
            redenen.append(f"bij de herziening in {b['herziening_maand']} (Leidraad 79.8) wordt het maandbedrag "
                           f"{_euro(b['termijn_na_herziening'])} in plaats van {_euro(b['termijn'])} ({b['herziening_basis']})")
        if vervallen:
            gevolgen = [f"{_euro(route.totaal_kosten)} invorderingskosten"] if route.totaal_kosten else []
            gevolgen += ["beslag"] if beslag else []
            redenen.append("na een gemiste betaling vervalt de regeling" + (f" en volgen {' en '.join(gevolgen)}" if gevolgen else ""))
        if any("schuift een maand op" in g for _, g in gebeurtenissen):
            redenen.append("een gemiste betaling schuift de regeling een maand op")
        if route.totaal_rente:
            redenen.append(f"er komt {_euro(route.totaal_rente)} invorderingsrente bij (Awir art. 29), die de beslissing niet noemt")
        if route.onderbroken:
            redenen.append(route.onderbroken)
        if route.open_aan_het_eind:
            redenen.append(f"aan het eind staat nog {_euro(route.open_aan_het_eind)} open")
        zelfde = route.totaal_betaald == besloten and route.niet_ingevorderd == b["restschuld"]
        if zelfde and not redenen:
            herziening = (f"; bij de herziening in {b['herziening_maand']} blijft het bedrag gelijk ({b['herziening_basis']})"
                          if herzien else "")
            return f"De route persoonlijke_regeling volgt de beslissing: {beslissing}{herziening}."
        waarom = " Waarom: " + "; ".join(redenen) + "."
        if zelfde:
            return f"De route persoonlijke_regeling betaalt wat de beslissing zegt ({beslissing}), maar later.{waarom}"
        return (f"De route persoonlijke_regeling betaalt {_euro(route.totaal_betaald)} en laat {_euro(route.niet_ingevorderd)} "
                f"liggen, anders dan de beslissing ({beslissing}).{waarom}")


def _euro(centen):
    """Cents as a Dutch amount: € 2.784 or € 83,34."""
    euro, cent = divmod(abs(int(centen)), 100)
    tekst = f"{euro:,}".replace(",", ".") + (f",{cent:02d}" if cent else "")
    return ("€ -" if centen < 0 else "€ ") + tekst


class _Regels:
    """The dated process parameters the routes need."""

    def __init__(self, tbs, periode):
        self.tbs = tbs
        p = tbs.parameters(periode)
        self.rente_tijdens_regeling = bool(p.awir.art_29.rente_tijdens_betalingsregeling)
        self.verlenging = int(p.leidraad_invordering.art_79_7.verlenging_na_gemiste_betaling)
        self.herziening = int(p.leidraad_invordering.art_79_8.herziening_na_maanden)
        self.maximale_looptijd = int(p.leidraad_invordering.art_79_8.maximale_looptijd)
        self.minimum_rente = _centen(p.uitvoeringsregeling_invorderingswet.art_33.minimum_invorderingsrente)
        self._awir_47b = tbs.parameters.awir.art_47b.invorderingsrente
        self._rentevoet = {}

    def rentevoet(self, maand):
        """The invorderingsrente of a month in millionths (exact): Awir art. 47b from 2026, else the Besluit's rate."""
        if maand not in self._rentevoet:
            begin = f"{_maand(maand)}-01"
            if begin >= self._awir_47b.values_list[-1].instant_str:
                voet = self._awir_47b(begin)
            else:
                voet = self.tbs.parameters(begin).besluit_belasting_en_invorderingsrente.art_2.invorderingsrente
            self._rentevoet[maand] = round(float(voet) * MILJOENSTE)
        return self._rentevoet[maand]

    def kostenwet(self, maand):
        geldigheid.controleer_parameters(self.tbs.parameters, periods.period(_maand(maand)), "kostenwet_invordering_rijksbelastingen")
        return self.tbs.parameters(f"{_maand(maand)}-01").kostenwet_invordering_rijksbelastingen

    def aanmaningskosten(self, som, maand):
        """Kostenwet art. 2: the low or high amount by the sum claimed."""
        art_2 = self.kostenwet(maand).art_2
        return _centen(art_2.aanmaning_hoog if som >= _centen(art_2.grens) else art_2.aanmaning_laag)

    def dwangbevelkosten(self, som, maand):
        """Kostenwet art. 3 lid 1: basis + verhoging for every whole step by which the sum exceeds the step, at most the maximum."""
        art_3 = self.kostenwet(maand).art_3
        stap = _centen(art_3.dwangbevel_stap)
        stappen = max(0, som - stap) // stap
        return min(_centen(art_3.dwangbevel_basis) + stappen * _centen(art_3.dwangbevel_verhoging), _centen(art_3.dwangbevel_maximum))


class _Boek:
    """What is open per claim: principal, costs, interest billed, interest built up (not yet billed)."""

    def __init__(self, vorderingen, regels):
        self.regels = regels
        self.volgorde = sorted((v for v in vorderingen if not v.niet_teruggevorderd), key=lambda v: (v.vervaldag, v.toeslag))
        self.hoofdsom = {v.toeslag: v.bedrag for v in self.volgorde}
        self.kosten = {v.toeslag: 0 for v in self.volgorde}
        self.rente = {v.toeslag: 0 for v in self.volgorde}
        self.opgebouwd = {v.toeslag: 0 for v in self.volgorde}
        self.vervalmaand = {v.toeslag: v.vervalmaand for v in self.volgorde}

    def open(self, t):
        return self.hoofdsom[t] + self.kosten[t] + self.rente[t]

    def totaal_open(self):
        return sum(self.open(t) for t in self.hoofdsom)

    def opgebouwde_rente(self):
        return sum(self.opgebouwd.values())

    def rente_over(self, bedrag, t, maand):
        """Interest on `bedrag` cents of principal of claim t paid in `maand`, rounded down to whole euros."""
        return rente_in_centen(bedrag, sum(self.regels.rentevoet(m) for m in range(self.vervalmaand[t], maand)))

    def betaal(self, t, bedrag, maand, regel, rente_loopt):
        """Pay up to `bedrag` on claim t: costs, billed interest, principal (Awir art. 34). Returns the amount paid."""
        betaald = 0
        for post in (self.kosten, self.rente, self.hoofdsom):
            deel = min(bedrag - betaald, post[t])
            post[t] -= deel
            betaald += deel
            if post is self.hoofdsom and deel and rente_loopt:
                self.opgebouwd[t] += self.rente_over(deel, t, maand)
        if self.hoofdsom[t] == 0 and self.opgebouwd[t]:
            rente, self.opgebouwd[t] = self.opgebouwd[t], 0
            if rente > self.regels.minimum_rente:
                self.rente[t] += rente
                regel.rente += rente
                regel.gebeurtenissen.append(f"invorderingsrente {t} in rekening gebracht")
            else:
                regel.gebeurtenissen.append(f"invorderingsrente {t} van {rente // 100} euro niet in rekening gebracht (URI art. 33)")
        regel.betaald += betaald
        if betaald:
            regel.per_vordering[t] = regel.per_vordering.get(t, 0) + betaald
        return betaald

    def betaal_oudste_eerst(self, bedrag, maand, regel, rente_loopt, vorderingen=None):
        """Spread a payment over the claims that are due, the one due longest first."""
        betaald = 0
        for v in self.volgorde:
            if (vorderingen is None or v.toeslag in vorderingen) and v.vervalmaand <= maand and betaald < bedrag:
                betaald += self.betaal(v.toeslag, bedrag - betaald, maand, regel, rente_loopt)
        return betaald


def _schema(naam, boek, eerste, stap):
    """Run `stap(maand, regel)` month by month from `eerste` until nothing is open (at least 36, at most 120 months).

    A month that needs a figure not verified for it (e.g. Kostenwet amounts of 2027) ends the schedule there, with
    the reason in the route and in that month's events; what is open is then reported as open.
    """
    maanden, onderbroken = [], ""
    for nummer in range(eerste, eerste + MAXIMUM_MAANDEN):
        regel = Maand(_maand(nummer))
        try:
            stap(nummer, regel)
        except ValueError as fout:
            onderbroken = f"schema gestopt in {regel.maand}: {fout}"
            regel.gebeurtenissen.append(onderbroken)
        regel.openstaand = boek.totaal_open()
        maanden.append(regel)
        if onderbroken or boek.totaal_open() + boek.opgebouwde_rente() == 0 and nummer >= eerste + MINIMUM_MAANDEN - 1:
            break
    route = Route(naam, maanden, open_aan_het_eind=boek.totaal_open(), opgebouwde_rente=boek.opgebouwde_rente(),
                  onderbroken=onderbroken)
    if route.opgebouwde_rente:
        maanden[-1].gebeurtenissen.append(f"opgebouwde invorderingsrente {route.opgebouwde_rente // 100} euro: pas in rekening "
                                          "gebracht als de hoofdsom betaald is")
    return route


class _Dwang:
    """Herinnering, aanmaning, dwangbevel and beslag per claim, from a month of herinnering per claim."""

    def __init__(self, boek, regels, beslag):
        self.boek, self.regels, self.beslag = boek, regels, beslag
        self.herinnering = {}

    def start(self, t, maand):
        self.herinnering.setdefault(t, maand)

    def stap(self, maand, regel):
        boek = self.boek
        if any(boek.open(t) and maand in (h + 1, h + 2) for t, h in self.herinnering.items()):
            self.regels.kostenwet(maand)  # a month whose costs are not verified stops the schedule before anything happens
        for t, h in self.herinnering.items():
            if not boek.open(t):
                continue
            if maand == h:
                regel.gebeurtenissen.append(f"herinnering {t} (kosteloos)")
            elif maand == h + 1:
                kosten = self.regels.aanmaningskosten(boek.open(t), maand)
                boek.kosten[t] += kosten
                regel.kosten += kosten
                regel.gebeurtenissen.append(f"aanmaning {t} (Awir art. 32)")
            elif maand == h + 2:
                kosten = self.regels.dwangbevelkosten(boek.open(t), maand)
                boek.kosten[t] += kosten
                regel.kosten += kosten
                regel.gebeurtenissen.append(f"dwangbevel {t}")
        onder_beslag = [t for t, h in self.herinnering.items() if maand >= h + 3]
        if onder_beslag and self.beslag:
            boek.betaal_oudste_eerst(self.beslag, maand, regel, True, onder_beslag)


def _direct(vorderingen, regels, eerste):
    boek = _Boek(vorderingen, regels)

    def stap(maand, regel):
        for v in boek.volgorde:
            if v.vervalmaand == maand:
                boek.betaal(v.toeslag, boek.open(v.toeslag), maand, regel, False)

    return _schema("direct_betalen", boek, eerste, stap)


def _regeling(naam, vorderingen, regels, eerste, termijnen, gemist, beslag):
    """An arrangement: `termijnen(volgnummer, maand, boek)` gives {claim, or None for oldest first: amount}.

    `volgnummer` counts the months the arrangement has run (a month it moved on after a missed payment does not
    count). A missed month uses a month of verlenging if the rules grant one; otherwise the arrangement lapses
    and the rest follows the dwanginvordering.
    """
    boek = _Boek(vorderingen, regels)
    dwang = _Dwang(boek, regels, beslag)
    toestand = {"verlenging": regels.verlenging, "vervallen": False, "volgnummer": 0}

    def stap(maand, regel):
        if toestand["vervallen"]:
            dwang.stap(maand, regel)
            return False
        voorlopig = Maand(regel.maand)  # the term's events count only if the term is not missed
        bedragen = termijnen(toestand["volgnummer"], maand, boek, voorlopig)
        if maand in gemist and any(bedragen.values()):  # only a term that is due can be missed
            if toestand["verlenging"]:
                toestand["verlenging"] -= 1
                regel.gebeurtenissen.append("betaling gemist: de regeling schuift een maand op")
                return False
            toestand["vervallen"] = True
            regel.gebeurtenissen.append("betaling gemist: de regeling vervalt, het restant is ineens verschuldigd")
            for t in boek.hoofdsom:
                if boek.open(t):
                    dwang.start(t, max(maand, boek.vervalmaand[t]) + 1)
            return False
        regel.gebeurtenissen += voorlopig.gebeurtenissen
        regel.verrekend += voorlopig.verrekend
        if bedragen:
            toestand["volgnummer"] += 1
        for t, bedrag in bedragen.items():
            if t is None:
                boek.betaal_oudste_eerst(bedrag, maand, regel, regels.rente_tijdens_regeling)
            elif boek.open(t):
                boek.betaal(t, bedrag, maand, regel, regels.rente_tijdens_regeling)
        return False

    return _schema(naam, boek, eerste, stap)


def _standaard(vorderingen, regels, eerste, gemist, beslag, naam="standaardregeling"):
    """Leidraad 79.7: each claim its own term from its vervaldag until paid."""
    def termijnen(volgnummer, maand, boek, regel):
        return {v.toeslag: v.standaard_termijn for v in boek.volgorde if v.vervalmaand <= maand and boek.open(v.toeslag)}

    return _regeling(naam, vorderingen, regels, eerste, termijnen, gemist, beslag)


def _persoonlijk(vorderingen, regels, eerste, gemist, beslag, beslissing):
    """Leidraad 79.8–79.9: the vermogen part at once, the monthly amount, the review, and the rest left after 24 months."""
    uitkomst = beslissing["uitkomst"]
    if UitkomstVerzoek[uitkomst] not in PERSOONLIJK:
        route = _standaard(vorderingen, regels, eerste, gemist, beslag, "persoonlijke_regeling")
        if UitkomstVerzoek[uitkomst] != UitkomstVerzoek.geen_schuld:
            route.maanden[0].gebeurtenissen.insert(0, f"verzoek afgewezen ({uitkomst}): de standaardregeling blijft")
        return route
    gedeeltelijk = UitkomstVerzoek[uitkomst] != UitkomstVerzoek.volledige_aflossing
    niet_ingevorderd = [0]

    def termijnen(volgnummer, maand, boek, regel):
        if maand < beslissing["start"] or not (boek.totaal_open() + boek.opgebouwde_rente()):
            return {}
        if gedeeltelijk and volgnummer >= regels.maximale_looptijd or volgnummer > 0 and beslissing["termijn"] == 0:
            niet_ingevorderd[0] = boek.totaal_open()
            regel.gebeurtenissen.append("geen verdere invordering van het restant (Leidraad 79.9)")
            if boek.opgebouwde_rente():
                regel.gebeurtenissen.append(f"opgebouwde invorderingsrente ({boek.opgebouwde_rente() // 100} euro) wordt niet meer berekend")
            for post in (boek.hoofdsom, boek.kosten, boek.rente, boek.opgebouwd):
                post.update(dict.fromkeys(post, 0))
            return {}
        bedrag = beslissing["termijn"]
        if volgnummer == 0:
            regel.gebeurtenissen.append(f"persoonlijke regeling ({uitkomst})")
            bedrag += beslissing["uit_vermogen"]
        if gedeeltelijk and volgnummer >= regels.herziening:
            if volgnummer == regels.herziening:
                regel.gebeurtenissen.append(beslissing["herziening"])
            bedrag = beslissing["termijn_na_herziening"]
        return {None: bedrag}

    route = _regeling("persoonlijke_regeling", vorderingen, regels, eerste, termijnen, gemist, beslag)
    route.niet_ingevorderd = niet_ingevorderd[0]
    return route


def _verrekening(vorderingen, regels, eerste, beslag, ruimte):
    """Leidraad 79.7 (2): the term is withheld from the running advance of the same toeslag, never more than that
    advance; with Leidraad 79.5a no more than the household has above the beslagvrije voet (`ruimte`, None = no
    limit). What the advance does not cover of the term the person pays, so at least the standard term is paid
    each month; a claim without such an advance (kinderopvangtoeslag here) is paid as in the standaardregeling."""
    def termijnen(volgnummer, maand, boek, regel):
        over = ruimte
        bedragen = {}
        for v in boek.volgorde:
            if v.vervalmaand > maand or not boek.open(v.toeslag):
                continue
            verrekend = min(v.standaard_termijn, v.voorschot, boek.open(v.toeslag))
            if over is not None:
                verrekend = min(verrekend, over)
                over -= verrekend
            if volgnummer == 0 and not v.voorschot:
                regel.gebeurtenissen.append(f"geen voorschot {v.toeslag} om mee te verrekenen: de termijn wordt betaald")
            regel.verrekend += verrekend
            bedragen[v.toeslag] = v.standaard_termijn
        return bedragen

    return _regeling("verrekening", vorderingen, regels, eerste, termijnen, (), beslag)


def _dwanginvordering(vorderingen, regels, eerste, beslag):
    """No response: herinnering, aanmaning (Awir art. 32, Kostenwet art. 2), dwangbevel (art. 3), beslag."""
    boek = _Boek(vorderingen, regels)
    dwang = _Dwang(boek, regels, beslag)
    for v in boek.volgorde:
        dwang.start(v.toeslag, v.vervalmaand + 1)
    return _schema("dwanginvordering", boek, eerste, dwang.stap)


def _met_invoer_in(situatie, van, naar):
    """A copy in which every input given for `van` and not for `naar` is given for `naar` too."""
    kopie = copy.deepcopy(situatie)
    for groep in kopie.values():
        for leden in (groep.values() if isinstance(groep, dict) else []):
            for waarden in (leden.values() if isinstance(leden, dict) else []):
                if isinstance(waarden, dict) and van in waarden and naar not in waarden:
                    waarden[naar] = waarden[van]
    return kopie


def _eerste(sim, variabele, periode):
    return sim.calculate(variabele, periode)[0]


def _heeft_invoer(situatie, maand):
    """Whether any input of the situation is given for `maand`."""
    return any(isinstance(waarden, dict) and maand in map(str, waarden)
               for groep in situatie.values() if isinstance(groep, dict)
               for leden in groep.values() if isinstance(leden, dict)
               for waarden in leden.values())


def routes(situatie, periode=None, gemiste_maanden=(), hervormingen=(), beslagvrije_voet_bij_verrekening=False, tbs=None,
           herziening=GELIJK):
    """The overview of one household's claims and its five routes (amounts in cents).

    `tbs`: the system to use (with its reforms applied) instead of current law with `hervormingen`.
    `herziening`: what the review uses when no inputs are given for its month (`HERZIENINGEN`).
    """
    if herziening not in HERZIENINGEN:
        raise OngeldigBestand(f"herziening {str(herziening)[:40]!r}: kies uit {', '.join(HERZIENINGEN)}")
    situatie, periode = een_huishouden(situatie, periode, "de routes")
    tbs = tbs or reforms.pas_toe(CountryTaxBenefitSystem(), hervormingen)
    controleer_invoer(situatie, tbs)
    for maand in gemiste_maanden:
        if not isinstance(maand, str) or not MAAND.fullmatch(maand):
            raise OngeldigBestand(f"gemiste maand {maand!r} is geen maand van de vorm JJJJ-MM")
    huishouden_invoer = next(iter(situatie["huishoudens"].values()))
    for t in TOESLAGEN:
        bedragen, datum = huishouden_invoer.get(f"terugvordering_{t}"), huishouden_invoer.get(f"beschikkingsdatum_{t}")
        if isinstance(bedragen, dict) and bedragen and periode not in map(str, bedragen):
            raise OngeldigBestand(f"terugvordering_{t} is gegeven voor {', '.join(map(str, bedragen))}, niet voor de maand van het verzoek {periode}")
        if datum and not bedragen:
            raise OngeldigBestand(f"beschikkingsdatum_{t} is gegeven zonder terugvordering_{t}")
    regels = _Regels(tbs, periode)
    p = tbs.parameters(periode)
    sim = SimulationBuilder().build_from_entities(tbs, situatie)

    vorderingen = []
    bedragen, nihil = terugvorderingen(sim.populations[Huishouden.key], periods.period(periode))  # Awir art. 26a
    for i, t in enumerate(TOESLAGEN):
        bedrag = int(bedragen[i][0])
        if not bedrag:
            continue
        datum = _eerste(sim, f"beschikkingsdatum_{t}", periode).astype(object)
        if datum == ONBEKENDE_DATUM:
            raise OngeldigBestand(f"beschikkingsdatum_{t} ontbreekt: nodig voor de routes van de terugvordering {t}")
        vanaf = eerste_routedatum(tbs)
        if datum < vanaf:
            raise OngeldigBestand(f"beschikkingsdatum_{t} {datum.isoformat()}: {TE_VROEG.format(vanaf=vanaf.isoformat())}")
        termijn = betalingstermijn_weken(tbs, datum)
        vorderingen.append(Vordering(t, bedrag, datum, datum + timedelta(weeks=termijn), bool(nihil[i][0])))

    huishouden = next(iter(situatie["huishoudens"].values()))
    for v in vorderingen:
        if v.niet_teruggevorderd:
            huishouden[f"terugvordering_{v.toeslag}"] = {periode: 0}
    start = max([_maandnummer(periode)] + [v.vervalmaand for v in vorderingen if not v.niet_teruggevorderd])
    herzieningsmaand = _maand(start + regels.herziening)  # the review falls twelve terms after the regeling starts
    eigen_invoer = _heeft_invoer(situatie, herzieningsmaand)
    herberekend = eigen_invoer or herziening == DOORGETROKKEN
    sim = SimulationBuilder().build_from_entities(tbs, _met_invoer_in(situatie, periode, herzieningsmaand) if herberekend else situatie)
    for v in vorderingen:
        if not v.niet_teruggevorderd:
            v.standaard_termijn, v.standaard_looptijd = (int(x) for x in standaardregeling(v.bedrag, p.leidraad_invordering.art_79_7))
            v.voorschot = _centen(_eerste(sim, VOORSCHOTTEN[v.toeslag], periode)) if v.toeslag in VOORSCHOTTEN else 0

    uitkomst = sim.calculate("uitkomst_verzoek", periode).decode_to_str()[0]
    voorlopig = geldigheid.voorlopig_voor(sim, periode, 0)
    termijn = _centen(_eerste(sim, "capaciteitstermijn", periode))
    beslissing = {"uitkomst": uitkomst, "termijn": termijn, "termijn_na_herziening": termijn,
                  "uit_vermogen": _centen(_eerste(sim, "direct_te_betalen_uit_vermogen", periode)), "start": start,
                  "looptijd": int(_eerste(sim, "looptijd_maanden", periode)),
                  "totaal_af_te_lossen": _centen(_eerste(sim, "totaal_af_te_lossen", periode)),
                  "restschuld": _centen(_eerste(sim, "restschuld_buiten_invordering", periode)),
                  "herziening_maand": herzieningsmaand, "herziening_na": regels.herziening}
    kop = f"herziening na {regels.herziening} maanden (Leidraad 79.8)"
    if eigen_invoer:
        beslissing["herziening_basis"] = f"op de invoer van {herzieningsmaand}"
    elif herziening == DOORGETROKKEN:
        beslissing["herziening_basis"] = f"geen invoer voor {herzieningsmaand} gegeven: de invoer van {periode} met de normen van {herzieningsmaand}"
    else:
        beslissing["herziening_basis"] = f"geen invoer voor {herzieningsmaand} gegeven"
    if herberekend:
        try:
            beslissing["termijn_na_herziening"] = _centen(_eerste(sim, "capaciteitstermijn", herzieningsmaand))
        except ValueError as fout:
            beslissing["herziening_basis"] = f"niet te berekenen ({fout})"
    beslissing["herziening"] = f"{kop}: {_euro(beslissing['termijn_na_herziening'])} per maand, {beslissing['herziening_basis']}"

    bvv = math.floor(_centen(_eerste(sim, "bijstandsnorm", periode)) * p.wetboek_van_burgerlijke_rechtsvordering.art_475da.percentage + 0.5)
    beslag = max(0, _centen(_eerste(sim, "inkomen", periode)) - bvv)
    ruimte = max(0, _centen(_eerste(sim, "inkomsten_totaal", periode)) - bvv) if beslagvrije_voet_bij_verrekening else None
    gemist = {_maandnummer(m) for m in gemiste_maanden}
    eerste = min([_maandnummer(v.beschikkingsdatum) for v in vorderingen] or [_maandnummer(periode)])

    verdeling, over = {}, termijn
    for v in sorted((v for v in vorderingen if not v.niet_teruggevorderd), key=lambda v: (v.vervaldag, v.toeslag)):
        if UitkomstVerzoek[uitkomst] in PERSOONLIJK:
            verdeling[v.toeslag] = min(over, v.bedrag)
            over -= verdeling[v.toeslag]
    resultaat = {
        "direct_betalen": _direct(vorderingen, regels, eerste),
        "standaardregeling": _standaard(vorderingen, regels, eerste, gemist, beslag),
        "persoonlijke_regeling": _persoonlijk(vorderingen, regels, eerste, gemist, beslag, beslissing),
        "verrekening": _verrekening(vorderingen, regels, eerste, beslag, ruimte),
        "dwanginvordering": _dwanginvordering(vorderingen, regels, eerste, beslag),
    }
    return Overzicht(periode, vorderingen, uitkomst, termijn if UitkomstVerzoek[uitkomst] in PERSOONLIJK else 0, verdeling, resultaat,
                     voorlopig, beslissing, herziening)
