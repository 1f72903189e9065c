"""The month-by-month loop that lays a route out over time, and the route it gives."""

from dataclasses import dataclass

from openfisca_toeslagen.toepassingen.routes.boek import Maand
from openfisca_toeslagen.toepassingen.routes.regels import maand

ROUTES = ("direct_betalen", "standaardregeling", "persoonlijke_regeling", "verrekening", "dwanginvordering")
MINIMUM_MAANDEN, MAXIMUM_MAANDEN = 36, 120  # the schedule shown: at least three years, at most ten


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


def leg_uit(verloop, eerste):
    """Run `verloop.stap(maand, regel)` month by month from `eerste` until nothing is open in `verloop.boek` (at least
    36, at most 120 months), and give the Route.

    A month that needs a figure not verified for it (e.g. Kostenwet amounts of 2027) ends the schedule there, with
    the reason in the route and in that month's events; what is open is then reported as open.
    """
    boek, maanden, onderbroken = verloop.boek, [], ""
    for nummer in range(eerste, eerste + MAXIMUM_MAANDEN):
        regel = Maand(maand(nummer))
        try:
            verloop.stap(nummer, regel)
        except ValueError as fout:
            onderbroken = f"schema gestopt in {regel.maand}: {fout}"
            regel.gebeurtenissen.append(onderbroken)
        regel.openstaand = boek.totaal_open()
        maanden.append(regel)
        if onderbroken or boek.totaal_open() + boek.opgebouwde_rente() == 0 and nummer >= eerste + MINIMUM_MAANDEN - 1:
            break
    route = Route(verloop.naam, maanden, niet_ingevorderd=verloop.niet_ingevorderd, open_aan_het_eind=boek.totaal_open(),
                  opgebouwde_rente=boek.opgebouwde_rente(), onderbroken=onderbroken)
    if route.opgebouwde_rente:
        maanden[-1].gebeurtenissen.append(f"opgebouwde invorderingsrente {route.opgebouwde_rente // 100} euro: pas in rekening "
                                          "gebracht als de hoofdsom betaald is")
    return route
