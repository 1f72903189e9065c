"""The ledger of one route: what is open per claim, and how a payment is booked (Awir art. 34, invorderingsrente)."""

from dataclasses import dataclass, field
from datetime import date

from openfisca_toeslagen.toepassingen.routes.regels import maandnummer, rente_in_centen


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
        return maandnummer(self.vervaldag)


@dataclass
class Maand:
    """One month of a schedule, in cents."""

    maand: str
    betaald: int = 0
    kosten: int = 0
    rente: int = 0
    openstaand: int = 0
    verrekend: int = 0  # part of `betaald` withheld from a running advance
    gebeurtenissen: list = field(default_factory=list)
    per_vordering: dict = field(default_factory=dict)  # toeslag: paid this month


class Boek:
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

    def boek_kosten(self, t, kosten, regel):
        """Costs of a step of the dwanginvordering, charged to claim t."""
        self.kosten[t] += kosten
        regel.kosten += kosten

    def schrap(self):
        """Everything open is no longer collected (Leidraad 79.9): returns what was open."""
        open_ = self.totaal_open()
        for post in (self.hoofdsom, self.kosten, self.rente, self.opgebouwd):
            post.update(dict.fromkeys(post, 0))
        return open_

    def rente_over(self, bedrag, t, maand):
        """Interest on `bedrag` cents of principal of claim t paid in `maand`, rounded down to whole euros."""
        return rente_in_centen(bedrag, self.regels.rentevoeten(self.vervalmaand[t], maand))

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
