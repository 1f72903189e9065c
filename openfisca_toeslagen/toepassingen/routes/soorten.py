"""The five routes, each a unit with its own ledger and state; `verloop.leg_uit` runs one month by month."""

from abc import ABC, abstractmethod

from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.toepassingen.routes.boek import Boek, Maand
from openfisca_toeslagen.toepassingen.routes.dwang import Dwang
from openfisca_toeslagen.toepassingen.routes.verloop import leg_uit
from openfisca_toeslagen.variables.betalingsregeling import PERSOONLIJK


class DirectBetalen:
    """Awir art. 28: every claim paid in full in the month of its vervaldag."""

    naam, niet_ingevorderd = "direct_betalen", 0

    def __init__(self, vorderingen, regels):
        self.boek = Boek(vorderingen, regels)

    def stap(self, maand, regel):
        for v in self.boek.volgorde:
            if v.vervalmaand == maand:
                self.boek.betaal(v.toeslag, self.boek.open(v.toeslag), maand, regel, False)


class Dwanginvordering:
    """No response: every claim follows the dwanginvordering from the month after its vervaldag."""

    naam, niet_ingevorderd = "dwanginvordering", 0

    def __init__(self, vorderingen, regels, beslagruimte):
        self.boek = Boek(vorderingen, regels)
        self.dwang = Dwang(self.boek, regels, beslagruimte)
        for v in self.boek.volgorde:
            self.dwang.start(v.toeslag, v.vervalmaand + 1)

    def stap(self, maand, regel):
        self.dwang.stap(maand, regel)


class Regeling(ABC):
    """An arrangement paid in monthly terms.

    `volgnummer` counts the months the arrangement has run (a month it moved on after a missed payment does not
    count). A missed month uses a month of verlenging if the rules grant one; otherwise the arrangement lapses
    and the rest follows the dwanginvordering.
    """

    niet_ingevorderd = 0

    def __init__(self, naam, vorderingen, regels, gemist, beslagruimte):
        self.naam, self.regels, self.gemist = naam, regels, gemist
        self.boek = Boek(vorderingen, regels)
        self.dwang = Dwang(self.boek, regels, beslagruimte)
        self.verlenging, self.vervallen, self.volgnummer = regels.verlenging, False, 0

    @abstractmethod
    def termijnen(self, maand, regel):
        """{claim, or None for the claims due, oldest first: amount} of this month's term; events go to `regel`."""

    def stap(self, maand, regel):
        if self.vervallen:
            self.dwang.stap(maand, regel)
            return
        voorlopig = Maand(regel.maand)  # the term's events count only if the term is not missed
        bedragen = self.termijnen(maand, voorlopig)
        if maand in self.gemist and any(bedragen.values()):  # only a term that is due can be missed
            self._gemist(maand, regel)
            return
        regel.gebeurtenissen += voorlopig.gebeurtenissen
        regel.verrekend += voorlopig.verrekend
        if bedragen:
            self.volgnummer += 1
        rente_loopt = self.regels.rente_tijdens_regeling
        for t, bedrag in bedragen.items():
            if t is None:
                self.boek.betaal_oudste_eerst(bedrag, maand, regel, rente_loopt)
            elif self.boek.open(t):
                self.boek.betaal(t, bedrag, maand, regel, rente_loopt)

    def _gemist(self, maand, regel):
        if self.verlenging:
            self.verlenging -= 1
            regel.gebeurtenissen.append("betaling gemist: de regeling schuift een maand op")
            return
        self.vervallen = True
        regel.gebeurtenissen.append("betaling gemist: de regeling vervalt, het restant is ineens verschuldigd")
        for t in self.boek.hoofdsom:
            if self.boek.open(t):
                self.dwang.start(t, max(maand, self.boek.vervalmaand[t]) + 1)


class Standaardregeling(Regeling):
    """Leidraad 79.7: each claim its own term from its vervaldag until paid."""

    def __init__(self, vorderingen, regels, gemist, beslagruimte, naam="standaardregeling"):
        super().__init__(naam, vorderingen, regels, gemist, beslagruimte)

    def termijnen(self, maand, regel):
        return {v.toeslag: v.standaard_termijn for v in self.boek.volgorde if v.vervalmaand <= maand and self.boek.open(v.toeslag)}


class PersoonlijkeRegeling(Regeling):
    """Leidraad 79.8–79.9: the vermogen part at once, the monthly amount, the review, and the rest left after 24 months."""

    def __init__(self, vorderingen, regels, gemist, beslagruimte, beslissing):
        super().__init__("persoonlijke_regeling", vorderingen, regels, gemist, beslagruimte)
        self.beslissing = beslissing
        self.gedeeltelijk = UitkomstVerzoek[beslissing["uitkomst"]] != UitkomstVerzoek.volledige_aflossing

    def termijnen(self, maand, regel):
        b, boek, regels = self.beslissing, self.boek, self.regels
        if maand < b["start"] or not (boek.totaal_open() + boek.opgebouwde_rente()):
            return {}
        if self.gedeeltelijk and self.volgnummer >= regels.maximale_looptijd or self.volgnummer > 0 and b["termijn"] == 0:
            regel.gebeurtenissen.append("geen verdere invordering van het restant (Leidraad 79.9)")
            if boek.opgebouwde_rente():
                regel.gebeurtenissen.append(f"opgebouwde invorderingsrente ({boek.opgebouwde_rente() // 100} euro) wordt niet meer berekend")
            self.niet_ingevorderd = boek.schrap()
            return {}
        bedrag = b["termijn"]
        if self.volgnummer == 0:
            regel.gebeurtenissen.append(f"persoonlijke regeling ({b['uitkomst']})")
            bedrag += b["uit_vermogen"]
        if self.gedeeltelijk and self.volgnummer >= regels.herziening:
            if self.volgnummer == regels.herziening:
                regel.gebeurtenissen.append(b["herziening"])
            bedrag = b["termijn_na_herziening"]
        return {None: bedrag}


class Verrekening(Regeling):
    """Leidraad 79.7 (2): the term is withheld from the running advance of the same toeslag, never more than that
    advance; with Leidraad 79.5a no more than the household has above the beslagvrije voet (`ruimte`, None = no
    limit). What the advance does not cover of the term the person pays, so at least the standard term is paid
    each month; a claim without such an advance (kinderopvangtoeslag here) is paid as in the standaardregeling."""

    def __init__(self, vorderingen, regels, beslagruimte, ruimte):
        super().__init__("verrekening", vorderingen, regels, (), beslagruimte)
        self.ruimte = ruimte

    def termijnen(self, maand, regel):
        over, bedragen = self.ruimte, {}
        for v in self.boek.volgorde:
            if v.vervalmaand > maand or not self.boek.open(v.toeslag):
                continue
            verrekend = min(v.standaard_termijn, v.voorschot, self.boek.open(v.toeslag))
            if over is not None:
                verrekend = min(verrekend, over)
                over -= verrekend
            if self.volgnummer == 0 and not v.voorschot:
                regel.gebeurtenissen.append(f"geen voorschot {v.toeslag} om mee te verrekenen: de termijn wordt betaald")
            regel.verrekend += verrekend
            bedragen[v.toeslag] = v.standaard_termijn
        return bedragen


def alle_routes(vorderingen, regels, eerste, gemist, beslagruimte, ruimte, beslissing):
    """The five routes from the month `eerste` on, in cents (see the package's docstring for the readings)."""
    uitkomst = beslissing["uitkomst"]
    if UitkomstVerzoek[uitkomst] in PERSOONLIJK:
        persoonlijk = leg_uit(PersoonlijkeRegeling(vorderingen, regels, gemist, beslagruimte, beslissing), eerste)
    else:  # refused, or no debt: the standaardregeling stays
        persoonlijk = leg_uit(Standaardregeling(vorderingen, regels, gemist, beslagruimte, "persoonlijke_regeling"), eerste)
        if UitkomstVerzoek[uitkomst] != UitkomstVerzoek.geen_schuld:
            persoonlijk.maanden[0].gebeurtenissen.insert(0, f"verzoek afgewezen ({uitkomst}): de standaardregeling blijft")
    return {
        "direct_betalen": leg_uit(DirectBetalen(vorderingen, regels), eerste),
        "standaardregeling": leg_uit(Standaardregeling(vorderingen, regels, gemist, beslagruimte), eerste),
        "persoonlijke_regeling": persoonlijk,
        "verrekening": leg_uit(Verrekening(vorderingen, regels, beslagruimte, ruimte), eerste),
        "dwanginvordering": leg_uit(Dwanginvordering(vorderingen, regels, beslagruimte), eerste),
    }
