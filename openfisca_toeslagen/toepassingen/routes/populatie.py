"""The five routes for a whole table of households at once: arrays over households, a loop over months.

    uitkomst = populatie.bereken(tabel, "2025-01", hervormingen=["verlenging_na_gemiste_betaling"])
    uitkomst.naar_csv("routes.csv"); uitkomst.samenvatting()

The rules are those of `huishouden.routes` for one household (direct betalen, standaardregeling, persoonlijke regeling,
verrekening, dwanginvordering; the same parameters, readings and review option), computed for every household of
a table together: the decision from one OpenFisca simulation per block of households, then the claims of every
household side by side (one column per claim, the one due first first) and one pass over the months in which
every household's books move at once. The month-by-month events are not kept; per household, policy and route the
totals are: paid, interest, costs, left uncollected, still open at the end, and the months from the first
beschikking to the end (empty while something is still open). `tests/python/test_routes_populatie.py` checks that
every figure equals the one-household routes to the cent, for hundreds of random households.
"""

import csv
from dataclasses import dataclass, field

import numpy
from openfisca_core import periods

from openfisca_toeslagen import geld, reforms
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.invoer.bestanden import lees
from openfisca_toeslagen.invoer.huishoudens import Huishoudens, OngeldigBestand, simulatie
from openfisca_toeslagen.motor.keuze import een_van
from openfisca_toeslagen.toepassingen.routes.regels import (DOORGETROKKEN, GELIJK, TE_VROEG, VOORSCHOTTEN, Regels,
                                                          controleer_betalingstermijn, controleer_herziening, eerste_routedatum,
                                                          maandnummer, rente_in_centen)
from openfisca_toeslagen.toepassingen.routes.regels import maand as maand_tekst
from openfisca_toeslagen.toepassingen.routes.verloop import MAXIMUM_MAANDEN, ROUTES
from openfisca_toeslagen.variables.persoon import ONBEKENDE_DATUM
from openfisca_toeslagen.variables.betalingsregeling import EEUWIG, PERSOONLIJK, TOESLAGEN, standaardregeling, terugvorderingen
from openfisca_toeslagen.invoer.bestanden import veilige_cel
from openfisca_toeslagen.toepassingen.vergelijking import BLOK, GELDEND_RECHT, beleidssystemen

KOLOMMEN = ("betaald", "rente", "kosten", "niet_ingevorderd", "nog_open", "maanden")
GEEN = numpy.iinfo(numpy.int64).max // 4  # a month that never comes: an empty claim column, a reminder not sent
EERSTE_MAAND = 1970 * 12  # month numbers as regels.maandnummer counts them: year × 12 + month − 1
VOLGORDE = numpy.argsort(numpy.argsort(TOESLAGEN))  # a toeslag's rank by name: the tie-break of boek.Boek.volgorde


def _maandnummers(datums):
    """datetime64[D] → month numbers (year × 12 + month − 1)."""
    return datums.astype("datetime64[M]").astype(numpy.int64) + EERSTE_MAAND


@dataclass
class _Huishoudens:
    """Per household, in cents and month numbers; the claims as columns in the order they fell due."""

    bedrag: numpy.ndarray  # (n, 4) principal of each claim collected (0: no claim, or set on nil by Awir art. 26a)
    verval: numpy.ndarray  # (n, 4) month of the vervaldag (GEEN for an empty column)
    standaard: numpy.ndarray  # (n, 4) term of the standaardregeling
    voorschot: numpy.ndarray  # (n, 4) running advance of the same toeslag
    eerste: numpy.ndarray  # first month of the schedule: the earliest beschikking
    start: numpy.ndarray  # first month of a persoonlijke regeling
    uitkomst: numpy.ndarray  # UitkomstVerzoek index
    termijn: numpy.ndarray  # the persoonlijke regeling's monthly amount
    termijn_na_herziening: numpy.ndarray
    uit_vermogen: numpy.ndarray
    beslag: numpy.ndarray  # income above the beslagvrije voet
    termijnbedrag: numpy.ndarray  # the decided monthly amount (persoonlijke regeling or standaardregeling)
    vrij: numpy.ndarray  # what is really left each month after all costs and the decided term (vrij_besteedbaar_na_regeling)
    personen: numpy.ndarray  # aanvrager, partner and children


def _gegevens(tbs, tabel, periode, herziening):
    """The decision and the claims of every household of `tabel` under `tbs`, as `_Huishoudens`."""
    sim = simulatie(tbs, tabel, periode)
    hh = sim.populations[Huishouden.key]
    n = hh.count
    period = periods.period(periode)
    bedragen, nihil = terugvorderingen(hh, period)  # (4, n) cents
    datums = numpy.stack([hh(f"beschikkingsdatum_{t}", EEUWIG) for t in TOESLAGEN])
    zonder = (bedragen > 0) & (datums == numpy.datetime64(ONBEKENDE_DATUM))
    if zonder.any():
        t, rij = (i[0] for i in numpy.nonzero(zonder))
        raise OngeldigBestand(f"{int(zonder.any(axis=0).sum())} huishoudens met een terugvordering zonder beschikkingsdatum, "
                              f"bijvoorbeeld {tabel.ids[rij]} (beschikkingsdatum_{TOESLAGEN[t]}): nodig voor de routes")
    te_vroeg = (bedragen > 0) & (datums < numpy.datetime64(eerste_routedatum(tbs)))
    if te_vroeg.any():
        t, rij = (i[0] for i in numpy.nonzero(te_vroeg))
        raise OngeldigBestand(f"{int(te_vroeg.any(axis=0).sum())} huishoudens met een beschikking van vóór "
                              f"{eerste_routedatum(tbs).isoformat()}, bijvoorbeeld {tabel.ids[rij]} (beschikkingsdatum_{TOESLAGEN[t]}): "
                              + TE_VROEG.format(vanaf=eerste_routedatum(tbs).isoformat()))
    controleer_betalingstermijn(tbs)
    vervaldag = numpy.stack([hh(f"vervaldag_{t}", period) for t in TOESLAGEN])  # Awir art. 28
    maand = _maandnummers(numpy.datetime64(periode, "M").astype("datetime64[D]"))
    geind = (bedragen > 0) & ~nihil
    # the claims collected, in the order they fell due (by name on the same day), as columns
    sleutel = numpy.where(geind, vervaldag.astype(numpy.int64) * len(TOESLAGEN) + VOLGORDE[:, None], GEEN)
    orde = numpy.argsort(sleutel, axis=0, kind="stable")
    kies = lambda a: numpy.take_along_axis(a, orde, axis=0).T  # noqa: E731 - (4, n) → (n, 4) in due order
    bezet = kies(geind)
    art_79_7 = tbs.parameters(periode).leidraad_invordering.art_79_7
    bedrag = numpy.where(bezet, kies(bedragen), 0).astype(numpy.int64)
    standaard = standaardregeling(bedrag, art_79_7)[0].astype(numpy.int64)
    voorschot = numpy.stack([geld.centen(hh(VOORSCHOTTEN[t], period)) if t in VOORSCHOTTEN else numpy.zeros(n)
                             for t in TOESLAGEN]).astype(numpy.int64)
    verval = numpy.where(bezet, kies(_maandnummers(vervaldag)), GEEN)
    beschikking = numpy.where(bedragen > 0, _maandnummers(datums), GEEN).min(axis=0)
    start = numpy.maximum(maand, numpy.where(bezet, verval, maand).max(axis=1))

    centen = lambda naam, op=periode: geld.centen(hh(naam, op)).astype(numpy.int64)  # noqa: E731
    termijn = centen("capaciteitstermijn")
    uitkomst = numpy.asarray(hh("uitkomst_verzoek", period))
    na_herziening = termijn.copy()
    if herziening == DOORGETROKKEN:  # the request month's inputs with the norms of each household's review month
        herzieningsmaand = start + Regels(tbs, periode).herziening
        for m in numpy.unique(herzieningsmaand[een_van(uitkomst, PERSOONLIJK)]):
            naam = maand_tekst(m)
            wie = herzieningsmaand == m
            try:
                na_herziening[wie] = geld.centen(simulatie(tbs, tabel, naam).calculate("capaciteitstermijn", naam))[wie]
            except ValueError:  # e.g. strict mode past the verified norms: the amount stays, as huishouden.routes does
                pass
    return _Huishoudens(
        bedrag=bedrag, verval=verval, standaard=numpy.where(bezet, standaard, 0), voorschot=numpy.where(bezet, kies(voorschot), 0),
        eerste=numpy.where(beschikking == GEEN, maand, beschikking), start=start, uitkomst=uitkomst, termijn=termijn,
        termijn_na_herziening=na_herziening, uit_vermogen=centen("direct_te_betalen_uit_vermogen"),
        beslag=centen("beslagruimte"),  # Rv art. 475d–475da
        termijnbedrag=centen("termijnbedrag"), vrij=centen("vrij_besteedbaar_na_regeling"),
        personen=1 + hh.nb_persons(Huishouden.PARTNER) + hh.nb_persons(Huishouden.KIND))


class _Maand:
    """What happens to every household in one month: paid, costs, interest billed, and whether anything happened."""

    def __init__(self, n):
        self.betaald = numpy.zeros(n, dtype=numpy.int64)
        self.kosten = numpy.zeros(n, dtype=numpy.int64)
        self.rente = numpy.zeros(n, dtype=numpy.int64)
        self.gebeurtenis = numpy.zeros(n, dtype=bool)  # an event without money (a reminder, a lapse, a term moved, ...)

    @property
    def actief(self):
        return self.gebeurtenis | (self.betaald > 0) | (self.kosten > 0) | (self.rente > 0)


class _Kalender:
    """Per month number: the summed interest rates before it (exact, in millionths) and the Kostenwet amounts."""

    def __init__(self, regels, van, tot):
        self.van = van
        self.som = numpy.array([regels.rentevoeten(van, m) for m in range(van, tot + 1)], dtype=numpy.int64)
        self.regels, self._kostenwet = regels, {}

    def rente(self, bedrag, verval, maand):
        """boek.Boek.rente_over for each household: interest on `bedrag` from the vervaldag's month to `maand`."""
        vanaf = numpy.where(verval == GEEN, maand, verval) - self.van
        return rente_in_centen(bedrag, self.som[maand - self.van] - self.som[vanaf])

    def kostenwet(self, maand):
        """The Kostenwet amounts of a month in cents, or None when they are not verified for it (the schedule stops)."""
        if maand not in self._kostenwet:
            try:
                k = self.regels.kostenwet(maand)
            except ValueError:
                self._kostenwet[maand] = None
            else:
                self._kostenwet[maand] = {naam: int(geld.centen(waarde)) for naam, waarde in (
                    ("grens", k.art_2.grens), ("hoog", k.art_2.aanmaning_hoog), ("laag", k.art_2.aanmaning_laag),
                    ("stap", k.art_3.dwangbevel_stap), ("basis", k.art_3.dwangbevel_basis),
                    ("verhoging", k.art_3.dwangbevel_verhoging), ("maximum", k.art_3.dwangbevel_maximum))}
        return self._kostenwet[maand]


class _Boeken:
    """What is open per household and claim: principal, costs, interest billed, interest built up (boek.Boek)."""

    def __init__(self, h, regels, kalender):
        self.h, self.regels, self.kalender = h, regels, kalender
        self.hoofdsom = h.bedrag.copy()
        self.kosten = numpy.zeros_like(self.hoofdsom)
        self.rente = numpy.zeros_like(self.hoofdsom)
        self.opgebouwd = numpy.zeros_like(self.hoofdsom)

    def open(self, k=None):
        if k is None:
            return self.hoofdsom + self.kosten + self.rente
        return self.hoofdsom[:, k] + self.kosten[:, k] + self.rente[:, k]

    def totaal_open(self):
        return self.open().sum(axis=1)

    def betaal(self, k, bedrag, wie, maand, m, rente_loopt):
        """Pay up to `bedrag` on claim column k for the households `wie`: costs, billed interest, principal (Awir art.
        34); interest on the principal paid is built up and billed once the principal is paid, if above the minimum.
        Returns what each household paid (the work is done on the households `wie` only)."""
        i = numpy.flatnonzero(wie)
        over = bedrag[i]
        betaald = numpy.zeros_like(over)
        for post in (self.kosten, self.rente, self.hoofdsom):
            stand = post[i, k]
            deel = numpy.minimum(over - betaald, stand)
            post[i, k] = stand - deel
            betaald += deel
        opgebouwd = self.opgebouwd[i, k]
        if rente_loopt:
            opgebouwd += self.kalender.rente(deel, self.h.verval[i, k], maand)
        afgelost = (self.hoofdsom[i, k] == 0) & (opgebouwd > 0)
        if afgelost.any():
            rente = numpy.where(afgelost & (opgebouwd > self.regels.minimum_rente), opgebouwd, 0)
            opgebouwd = numpy.where(afgelost, 0, opgebouwd)
            self.rente[i, k] += rente
            m.rente[i] += rente
            m.gebeurtenis[i] |= afgelost  # billed, or said not to be billed (URI art. 33)
        self.opgebouwd[i, k] = opgebouwd
        m.betaald[i] += betaald
        uit = numpy.zeros(len(wie), dtype=numpy.int64)
        uit[i] = betaald
        return uit

    def betaal_oudste_eerst(self, bedrag, wie, maand, m, rente_loopt, kolommen, alleen=None):
        """Spread `bedrag` over the claims that are due (of `alleen`), the one due longest first."""
        betaald = numpy.zeros_like(bedrag)
        for k in range(kolommen):
            mag = wie & (self.h.verval[:, k] <= maand) & (betaald < bedrag)
            if alleen is not None:
                mag &= alleen[:, k]
            if mag.any():
                betaald += self.betaal(k, bedrag - betaald, mag, maand, m, rente_loopt)
        return betaald


class _Dwang:
    """Herinnering, aanmaning, dwangbevel and beslag per claim from its month of herinnering (dwang.Dwang)."""

    def __init__(self, boek):
        self.boek = boek
        self.herinnering = numpy.full_like(boek.hoofdsom, GEEN)

    def start(self, wie, maanden):
        """Set the month of herinnering of the claims `wie` (n, 4) that have none yet."""
        self.herinnering = numpy.where(wie & (self.herinnering == GEEN), maanden, self.herinnering)

    def stap(self, maand, wie, m, kolommen):
        """One month for the households `wie`; returns those stopped because the costs of the month are not verified."""
        boek, h = self.boek, self.herinnering
        open_ = boek.open()
        nodig = wie & ((open_ > 0) & ((h + 1 == maand) | (h + 2 == maand))).any(axis=1)
        kosten = boek.kalender.kostenwet(maand) if nodig.any() else {}
        gestopt = nodig if kosten is None else numpy.zeros_like(wie)
        wie = wie & ~gestopt
        m.gebeurtenis |= gestopt
        for k in range(kolommen):
            loopt = wie & (open_[:, k] > 0)
            m.gebeurtenis |= loopt & (h[:, k] == maand)  # herinnering (kosteloos)
            aanmaning, dwangbevel = loopt & (h[:, k] + 1 == maand), loopt & (h[:, k] + 2 == maand)
            if aanmaning.any():
                bedrag = numpy.where(aanmaning, numpy.where(open_[:, k] >= kosten["grens"], kosten["hoog"], kosten["laag"]), 0)
                boek.kosten[:, k] += bedrag
                m.kosten += bedrag
                m.gebeurtenis |= aanmaning
            if dwangbevel.any():
                stappen = numpy.maximum(0, open_[:, k] - kosten["stap"]) // kosten["stap"]
                bedrag = numpy.minimum(kosten["basis"] + stappen * kosten["verhoging"], kosten["maximum"])
                bedrag = numpy.where(dwangbevel, bedrag, 0)
                boek.kosten[:, k] += bedrag
                m.kosten += bedrag
                m.gebeurtenis |= dwangbevel
        onder_beslag = (h != GEEN) & (maand >= h + 3)
        beslag = wie & onder_beslag.any(axis=1) & (boek.h.beslag > 0)
        if beslag.any():
            boek.betaal_oudste_eerst(boek.h.beslag, beslag, maand, m, True, kolommen, onder_beslag)
        return gestopt


def _deel(h, houd):
    """The households `houd` (a mask) of a `_Huishoudens`."""
    return _Huishoudens(**{k: (None if v is None else v[houd]) for k, v in vars(h).items()})


class _Stand:
    """The state of one route for the households still running; finished ones are written out and dropped, so a
    month costs in proportion to the households whose books still move."""

    PER_HUISHOUDEN = ("index", "laatste", "loopt", "onderbroken", "vervallen", "verlenging", "volgnummer", "persoonlijk",
                      "gedeeltelijk", "betaald", "rente", "kosten", "niet_ingevorderd", "verzoek", "herstart")

    def __init__(self, naam, h, regels, kalender):
        n = len(h.eerste)
        h = _deel(h, numpy.ones(n, dtype=bool))  # a copy: a new regeling in the scenario moves its start
        self.h, self.boek = h, _Boeken(h, regels, kalender)
        self.verzoek = numpy.full(n, GEEN, dtype=numpy.int64)  # scenario: month of a new request after a lapse
        self.herstart = numpy.full(n, GEEN, dtype=numpy.int64)  # scenario: month its decision starts a new regeling
        self.dwang = _Dwang(self.boek)
        self.index = numpy.arange(n)
        self.laatste = numpy.full(n, -1, dtype=numpy.int64)
        self.loopt = numpy.ones(n, dtype=bool)
        self.onderbroken = numpy.zeros(n, dtype=bool)
        self.vervallen = numpy.zeros(n, dtype=bool)
        self.verlenging = numpy.full(n, regels.verlenging, dtype=numpy.int64)
        self.volgnummer = numpy.zeros(n, dtype=numpy.int64)
        self.persoonlijk = een_van(h.uitkomst, PERSOONLIJK) & (naam == "persoonlijke_regeling")
        self.gedeeltelijk = self.persoonlijk & (h.uitkomst != UitkomstVerzoek.volledige_aflossing.index)
        for k in ("betaald", "rente", "kosten", "niet_ingevorderd"):
            setattr(self, k, numpy.zeros(n, dtype=numpy.int64))
        self.uit = {k: numpy.zeros(n, dtype=numpy.int64) for k in KOLOMMEN}
        self.uit_onderbroken = numpy.zeros(n, dtype=bool)
        self.kolommen = self._kolommen()

    def _kolommen(self):
        """Claim columns in use (they are filled from the left)."""
        return int((self.h.verval != GEEN).sum(axis=1).max(initial=0))

    def schrijf(self, wie):
        """Write the totals of the households `wie` to the output, at their place in the table."""
        plaats = self.index[wie]
        nog_open = self.boek.totaal_open()[wie]
        for k in ("betaald", "rente", "kosten", "niet_ingevorderd"):
            self.uit[k][plaats] = getattr(self, k)[wie]
        self.uit["nog_open"][plaats] = nog_open
        laatste = self.laatste[wie]
        self.uit["maanden"][plaats] = numpy.where((nog_open == 0) & (laatste >= 0), laatste - self.h.eerste[wie] + 1, -1)
        self.uit_onderbroken[plaats] = self.onderbroken[wie]

    def houd(self, houd):
        """Keep only the households `houd` (the others have been written)."""
        for k in self.PER_HUISHOUDEN:
            setattr(self, k, getattr(self, k)[houd])
        self.h = self.boek.h = _deel(self.h, houd)
        for post in ("hoofdsom", "kosten", "rente", "opgebouwd"):
            setattr(self.boek, post, getattr(self.boek, post)[houd])
        self.dwang.herinnering = self.dwang.herinnering[houd]
        self.kolommen = self._kolommen()


@dataclass
class Kringloop:
    """The scenario's process after a lapse (kringloop.py): who asks again, when, and how long a decision takes."""

    opnieuw: numpy.ndarray  # per household: asks again after a lapse
    nieuw_verzoek_na: int  # months from the lapse to the new request
    beslistermijn: int  # months from the request to the new regeling
    invordering_tijdens_verzoek: bool
    van: int  # first month counted (the request month)
    tellingen: dict = field(default_factory=dict)  # counter: array over months from `van`

    TELLINGEN = ("termijnen_gemist", "intrekkingen", "nieuwe_verzoeken", "nieuwe_regelingen", "in_dwanginvordering",
                 "betaald", "kosten", "rente", "gestopt")

    def tel(self, naam, maand, aantal):
        if maand >= self.van:
            self.tellingen[naam][maand - self.van] += aantal


def _route(naam, h, regels, kalender, gemist, kringloop=None):
    """One route for every household: (totals per KOLOMMEN, stopped early) as arrays over the households of `h`.

    `kringloop` (persoonlijke_regeling only): after a lapse a household in `kringloop.opnieuw` asks again; while the
    request is handled collection waits (unless the assumption says otherwise), and the decision starts a new regeling
    with the same amount, from which it may miss again. The counters per month are kept in `kringloop.tellingen`.
    """
    s = _Stand(naam, h, regels, kalender)
    if kringloop is not None:
        kringloop.tellingen = {k: numpy.zeros(int(h.eerste.max()) + MAXIMUM_MAANDEN - kringloop.van + 1) for k in Kringloop.TELLINGEN}
    rente_tijdens = regels.rente_tijdens_regeling
    if naam == "dwanginvordering":
        s.dwang.start(h.verval != GEEN, h.verval + 1)
    if naam == "persoonlijke_regeling":  # a refused request keeps the standaardregeling, and says so in the first month
        afgewezen = ~s.persoonlijk & (h.uitkomst != UitkomstVerzoek.geen_schuld.index)
        s.laatste = numpy.where(afgewezen, h.eerste, s.laatste)

    for maand in range(int(h.eerste.min()), int(h.eerste.max()) + MAXIMUM_MAANDEN):
        s.loopt &= maand < s.h.eerste + MAXIMUM_MAANDEN  # the schedule shows at most MAXIMUM_MAANDEN months
        if (~s.loopt).sum() * 3 > len(s.loopt):  # drop the households that are done (a third or more)
            s.schrijf(~s.loopt)
            s.houd(s.loopt)
        if not len(s.loopt):
            break
        h, boek, dwang, n = s.h, s.boek, s.dwang, len(s.loopt)
        wie = s.loopt & (maand >= h.eerste)
        if not wie.any():
            continue
        m = _Maand(n)
        gestopt = numpy.zeros(n, dtype=bool)
        wacht = numpy.zeros(n, dtype=bool)
        if kringloop is not None:  # a decision on a new request starts a new regeling; until then collection waits
            nieuw = wie & (s.herstart == maand)
            if nieuw.any():
                s.vervallen &= ~nieuw
                s.volgnummer[nieuw], s.verlenging[nieuw] = 0, regels.verlenging
                dwang.herinnering[nieuw] = GEEN
                h.start[nieuw] = maand
                s.verzoek[nieuw] = s.herstart[nieuw] = GEEN
                kringloop.tel("nieuwe_regelingen", maand, int(nieuw.sum()))
            kringloop.tel("nieuwe_verzoeken", maand, int((wie & (s.verzoek == maand)).sum()))
            if not kringloop.invordering_tijdens_verzoek:
                wacht = wie & (s.verzoek < maand) & (maand < s.herstart)  # from the month after the request
        if naam == "direct_betalen":
            for k in range(s.kolommen):
                nu = wie & (h.verval[:, k] == maand)
                if nu.any():
                    boek.betaal(k, boek.open(k), nu, maand, m, False)
        elif naam == "dwanginvordering":
            gestopt = dwang.stap(maand, wie, m, s.kolommen)
        else:
            if (wie & s.vervallen & ~wacht).any():
                gestopt = dwang.stap(maand, wie & s.vervallen & ~wacht, m, s.kolommen)
            r = wie & ~s.vervallen
            open_ = boek.open()
            # the terms of the month (routes: termijnen), and the events that count only when the term is paid
            sleutels = r[:, None] & ~s.persoonlijk[:, None] & (h.verval <= maand) & (open_ > 0)
            termijnen = numpy.where(sleutels, h.standaard, 0)
            heeft, positief = sleutels.any(axis=1), (termijnen > 0).any(axis=1)
            gebeurtenis = numpy.zeros(n, dtype=bool)
            if naam == "verrekening":
                gebeurtenis |= (s.volgnummer == 0) & (sleutels & (h.voorschot == 0)).any(axis=1)  # no advance to withhold from
            bedrag_p = numpy.zeros(n, dtype=numpy.int64)
            persoonlijk = r & s.persoonlijk
            if persoonlijk.any():
                p = persoonlijk & (maand >= h.start) & (boek.totaal_open() + boek.opgebouwd.sum(axis=1) > 0)
                rest = p & ((s.gedeeltelijk & (s.volgnummer >= regels.maximale_looptijd)) | ((s.volgnummer > 0) & (h.termijn == 0)))
                if rest.any():  # Leidraad 79.9: the rest is not collected
                    s.niet_ingevorderd = numpy.where(rest, boek.totaal_open(), s.niet_ingevorderd)
                    for post in (boek.hoofdsom, boek.kosten, boek.rente, boek.opgebouwd):
                        post[rest] = 0
                    gebeurtenis |= rest
                p &= ~rest
                bedrag_p = numpy.where(p, h.termijn + numpy.where(s.volgnummer == 0, h.uit_vermogen, 0), 0)
                gebeurtenis |= p & (s.volgnummer == 0)  # the regeling starts
                herzien = p & s.gedeeltelijk & (s.volgnummer >= regels.herziening)
                gebeurtenis |= herzien & (s.volgnummer == regels.herziening)
                bedrag_p = numpy.where(herzien, h.termijn_na_herziening, bedrag_p)
                heeft |= p
                positief |= bedrag_p > 0
            betaalt = r.copy()
            if gemist is not None and naam != "verrekening":
                mis = r & gemist(maand)[s.index] & positief
                schuift = mis & (s.verlenging > 0)
                s.verlenging -= schuift
                vervalt = mis & ~schuift
                s.vervallen |= vervalt
                m.gebeurtenis |= mis
                if vervalt.any():
                    dwang.start(vervalt[:, None] & (boek.open() > 0), numpy.maximum(maand, h.verval) + 1)
                betaalt &= ~mis
                if kringloop is not None:
                    kringloop.tel("termijnen_gemist", maand, int(mis.sum()))
                    kringloop.tel("intrekkingen", maand, int(vervalt.sum()))
                    vraagt = vervalt & kringloop.opnieuw[s.index]
                    s.verzoek = numpy.where(vraagt, maand + kringloop.nieuw_verzoek_na, s.verzoek)
                    s.herstart = numpy.where(vraagt, maand + kringloop.nieuw_verzoek_na + kringloop.beslistermijn, s.herstart)
            m.gebeurtenis |= betaalt & gebeurtenis
            s.volgnummer += betaalt & heeft
            for k in range(s.kolommen):
                nu = betaalt & sleutels[:, k]
                if nu.any():
                    boek.betaal(k, termijnen[:, k], nu, maand, m, rente_tijdens)
            nu = betaalt & persoonlijk & (bedrag_p > 0)
            if nu.any():
                boek.betaal_oudste_eerst(bedrag_p, nu, maand, m, rente_tijdens, kolommen=s.kolommen)
        s.betaald += m.betaald
        s.rente += m.rente
        s.kosten += m.kosten
        if kringloop is not None:
            for teller in ("betaald", "kosten", "rente"):
                kringloop.tel(teller, maand, int(getattr(m, teller).sum()))
            gestart = (dwang.herinnering <= maand).any(axis=1)  # from the herinnering after the lapse
            kringloop.tel("in_dwanginvordering", maand, int((wie & s.vervallen & ~wacht & gestart & (boek.totaal_open() > 0)).sum()))
            kringloop.tel("gestopt", maand, int(gestopt.sum()))  # a figure of this month not verified: their course ends
        s.laatste = numpy.where(wie & m.actief, maand, s.laatste)
        s.onderbroken |= gestopt
        s.loopt &= ~gestopt & ~((boek.totaal_open() == 0) & (boek.opgebouwd.sum(axis=1) == 0))
    s.schrijf(numpy.ones(len(s.loopt), dtype=bool))
    return s.uit, s.uit_onderbroken


@dataclass
class RoutesPopulatie:
    """Per policy and route, the totals of every household (cents; `maanden` −1 while something is still open)."""

    periode: str
    huishoudens: numpy.ndarray
    herziening: str = GELIJK
    titels: dict = field(default_factory=dict)  # policy name: short Dutch title
    uitkomsten: dict = field(default_factory=dict)  # policy: route: column: array
    onderbroken: dict = field(default_factory=dict)  # policy: route: households whose schedule stopped at an unverified figure
    synthetisch: bool = False

    @property
    def beleid(self):
        return list(self.uitkomsten)

    def rijen(self):
        """One dict per household × policy × route, in euros (as in the CSV)."""
        for beleid, per_route in self.uitkomsten.items():
            for route, k in per_route.items():
                for i, huishouden in enumerate(self.huishoudens):
                    rij = {"huishouden": str(huishouden), "beleid": beleid, "route": route}
                    for kolom in KOLOMMEN:
                        waarde = int(k[kolom][i])
                        rij[kolom] = (waarde if waarde >= 0 else "") if kolom == "maanden" else waarde / 100
                    yield rij

    def naar_csv(self, pad):
        """One row per household × policy × route: huishouden, beleid, route, betaald, rente, kosten, niet_ingevorderd,
        nog_open, maanden (empty while something is still open)."""
        with open(pad, "w", newline="", encoding="utf-8") as bestand:
            schrijver = csv.DictWriter(bestand, fieldnames=["huishouden", "beleid", "route", *KOLOMMEN])
            schrijver.writeheader()
            schrijver.writerows({k: veilige_cel(v) for k, v in rij.items()} for rij in self.rijen())

    def samenvatting(self):
        """Per policy and route: households with a debt, totals in euros (paid, interest, costs, not collected, still
        open), the mean paid per household with a debt, and the mean months to the end of those settled."""
        uit = {}
        for beleid, per_route in self.uitkomsten.items():
            uit[beleid] = {}
            for route, k in per_route.items():
                schuld = (k["betaald"] + k["niet_ingevorderd"] + k["nog_open"] - k["rente"] - k["kosten"]) > 0
                klaar = schuld & (k["maanden"] >= 0)
                uit[beleid][route] = {
                    "met_schuld": int(schuld.sum()),
                    **{kolom: int(k[kolom].sum()) / 100 for kolom in KOLOMMEN if kolom != "maanden"},
                    "betaald_gemiddeld": float(k["betaald"][schuld].mean()) / 100 if schuld.any() else 0.0,
                    "maanden_gemiddeld": float(k["maanden"][klaar].mean()) if klaar.any() else None,
                    "nog_niet_klaar": int((schuld & ~klaar).sum()),
                    "onderbroken": int(self.onderbroken[beleid][route].sum()),
                }
        return uit


def _gemist(gemiste_maanden, n):
    """`gemiste_maanden` as a function month → households that miss it: None, a list of months for everyone, or
    {household index: [months]}."""
    if not gemiste_maanden:
        return None
    if isinstance(gemiste_maanden, dict):
        per_maand = {}
        for i, maanden in gemiste_maanden.items():
            for maand in maanden:
                per_maand.setdefault(maandnummer(str(maand)), []).append(i)
        leeg = numpy.zeros(n, dtype=bool)

        def gemist(maand):
            if maand not in per_maand:
                return leeg
            wie = numpy.zeros(n, dtype=bool)
            wie[per_maand[maand]] = True
            return wie
        return gemist
    alle = {maandnummer(str(m)) for m in gemiste_maanden}
    ja, nee = numpy.ones(n, dtype=bool), numpy.zeros(n, dtype=bool)
    return lambda maand: ja if maand in alle else nee


def bereken(tabel, periode, hervormingen=(), systemen=None, gemiste_maanden=None, beslagvrije_voet_bij_verrekening=False,
            herziening=GELIJK, voortgang=None):
    """The five routes of every household in `tabel` (a `Huishoudens` table or a CSV path) under current law and each
    policy (`hervormingen` as for `vergelijk`, or built `systemen`).

    `gemiste_maanden`: months in which a term is not paid, for every household (a list) or per household index (a
    dict); `voortgang(stappen)` is called after each block of households and policy. `beslagvrije_voet_bij_verrekening`
    (Leidraad 79.5a) changes only how much of a term is withheld from an advance, which these totals do not show: it
    is taken for the one-household routes' parity and has no effect here.
    """
    controleer_herziening(herziening)
    systemen = systemen or beleidssystemen(hervormingen)
    if not isinstance(tabel, Huishoudens):
        tabel = lees(tabel, systemen[GELDEND_RECHT])
    uitkomst = RoutesPopulatie(periode, tabel.ids, herziening, {naam: reforms.titel(tbs) for naam, tbs in systemen.items()},
                               synthetisch=tabel.synthetisch)
    for naam, tbs in systemen.items():
        regels = Regels(tbs, periode)
        delen = {route: [] for route in ROUTES}
        gestopt = {route: [] for route in ROUTES}
        for begin in range(0, len(tabel), BLOK):
            blok = tabel.deel(begin, begin + BLOK)
            h = _gegevens(tbs, blok, periode, herziening)
            kalender = _Kalender(regels, int(h.eerste.min()), int(h.eerste.max()) + MAXIMUM_MAANDEN)
            gemist = _gemist({i - begin: m for i, m in gemiste_maanden.items() if begin <= i < begin + BLOK}
                             if isinstance(gemiste_maanden, dict) else gemiste_maanden, len(blok))
            for route in ROUTES:
                totalen, onderbroken = _route(route, h, regels, kalender, gemist)
                delen[route].append(totalen)
                gestopt[route].append(onderbroken)
            if voortgang:
                voortgang(1)
        uitkomst.uitkomsten[naam] = {route: {k: numpy.concatenate([d[k] for d in delen[route]]) for k in KOLOMMEN} for route in ROUTES}
        uitkomst.onderbroken[naam] = {route: numpy.concatenate(gestopt[route]) for route in ROUTES}
    return uitkomst
