"""The process rules the routes read: which parameters they are, and their values month by month (in cents)."""

from openfisca_core import periods

from openfisca_toeslagen import geld, geldigheid, reforms
from openfisca_toeslagen.invoer.huishoudens import OngeldigBestand

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
VOORSCHOTTEN = {"huurtoeslag": "ontvangen_huurtoeslag", "zorgtoeslag": "ontvangen_zorgtoeslag",
                "kindgebonden_budget": "ontvangen_kindgebonden_budget"}  # no advance of kinderopvangtoeslag is modelled
# The routes read Awir art. 28 and the invorderingsrente at each beschikking's date and from its vervaldag on.
ROUTEPARAMETERS = ("awir.art_28.betalingstermijn_weken", "besluit_belasting_en_invorderingsrente.art_2.invorderingsrente")
TE_VROEG = ("de routes rekenen met de betalingstermijn (Awir art. 28) en de invorderingsrente vanaf {vanaf}; een "
            "beschikking van daarvoor rekenen ze niet (de beslissing zelf wel)")
MAX_BETALINGSTERMIJN_WEKEN = 520  # a sanity bound on a policy's parameter (a policy may change it): ten years
MILJOENSTE = 1_000_000  # interest rates are kept as whole millionths, so the interest is computed exactly


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


def eerste_routedatum(tbs):
    """The first date from which every parameter the routes read at a beschikking's date has a value."""
    return max(geldigheid.eerste_datum(tbs.parameters, pad) for pad in ROUTEPARAMETERS)


def controleer_betalingstermijn(tbs):
    """Refuse a policy whose betalingstermijn (Awir art. 28) is no term: below 0 or above ten years, at any date."""
    for waarde in tbs.parameters.awir.art_28.betalingstermijn_weken.values_list:
        weken = waarde.value
        if not 0 <= weken <= MAX_BETALINGSTERMIJN_WEKEN:
            raise OngeldigBestand(f"awir.art_28.betalingstermijn_weken: {weken:.12g} weken is geen betalingstermijn (0 tot en "
                                  f"met {MAX_BETALINGSTERMIJN_WEKEN})")


def maandnummer(datum):
    """A date's month (a date, or text 'YYYY-MM') as a number: year × 12 + month − 1."""
    if isinstance(datum, str):
        jaar, m = (int(d) for d in datum.split("-"))
        return jaar * 12 + m - 1
    return datum.year * 12 + datum.month - 1


def controleer_herziening(herziening):
    """Refuse a review option that is not one of HERZIENINGEN."""
    if herziening not in HERZIENINGEN:
        raise OngeldigBestand(f"herziening {str(herziening)[:40]!r}: kies uit {', '.join(HERZIENINGEN)}")


def maand(nummer):
    """A month number as 'YYYY-MM'."""
    return f"{nummer // 12}-{nummer % 12 + 1:02d}"


def rente_in_centen(bedrag, som_rentevoeten):
    """Invorderingsrente over `bedrag` cents for months whose rates (in millionths a year) add up to `som_rentevoeten`:
    30 days a month in a year of 360, so a twelfth of the yearly rate per month; rounded down to whole euros (URI art. 29–33).
    Works on integers and on integer arrays alike."""
    return bedrag * som_rentevoeten // (12 * MILJOENSTE * 100) * 100


def centen(bedrag):
    return int(geld.centen(bedrag))


class Regels:
    """The dated process parameters of a policy, read from the request month (`periode`) or per month."""

    def __init__(self, tbs, periode):
        self.tbs = tbs
        p = tbs.parameters(periode)
        self.rente_tijdens_regeling = bool(p.awir.art_29.rente_tijdens_betalingsregeling)
        self.verlenging = int(p.leidraad_invordering.art_79_7.verlenging_na_gemiste_betaling)
        self.herziening = int(p.leidraad_invordering.art_79_8.herziening_na_maanden)
        self.maximale_looptijd = int(p.leidraad_invordering.art_79_8.maximale_looptijd)
        self.minimum_rente = centen(p.uitvoeringsregeling_invorderingswet.art_33.minimum_invorderingsrente)
        self._awir_47b = tbs.parameters.awir.art_47b.invorderingsrente
        self._rentevoet, self._sommen = {}, {}

    def rentevoet(self, nummer):
        """The invorderingsrente of a month in millionths (exact): Awir art. 47b from 2026, else the Besluit's rate."""
        if nummer not in self._rentevoet:
            begin = f"{maand(nummer)}-01"
            if begin >= self._awir_47b.values_list[-1].instant_str:
                voet = self._awir_47b(begin)
            else:
                voet = self.tbs.parameters(begin).besluit_belasting_en_invorderingsrente.art_2.invorderingsrente
            self._rentevoet[nummer] = round(float(voet) * MILJOENSTE)
        return self._rentevoet[nummer]

    def rentevoeten(self, van, tot):
        """The rates of the months `van` up to `tot` added up (exact, in millionths), kept as running totals per `van`."""
        sommen = self._sommen.setdefault(van, [0])
        while len(sommen) <= tot - van:
            sommen.append(sommen[-1] + self.rentevoet(van + len(sommen) - 1))
        return sommen[tot - van] if tot > van else 0

    def kostenwet(self, nummer):
        """The Kostenwet's amounts of a month, refused (ValueError) where they are not verified."""
        geldigheid.controleer_parameters(self.tbs.parameters, periods.period(maand(nummer)), "kostenwet_invordering_rijksbelastingen")
        return self.tbs.parameters(f"{maand(nummer)}-01").kostenwet_invordering_rijksbelastingen

    def aanmaningskosten(self, som, nummer):
        """Kostenwet art. 2: the low or high amount by the sum claimed."""
        art_2 = self.kostenwet(nummer).art_2
        return centen(art_2.aanmaning_hoog if som >= centen(art_2.grens) else art_2.aanmaning_laag)

    def dwangbevelkosten(self, som, nummer):
        """Kostenwet art. 3 lid 1: basis + verhoging for every whole step by which the sum exceeds the step, at most the maximum."""
        art_3 = self.kostenwet(nummer).art_3
        stap = centen(art_3.dwangbevel_stap)
        stappen = max(0, som - stap) // stap
        return min(centen(art_3.dwangbevel_basis) + stappen * centen(art_3.dwangbevel_verhoging), centen(art_3.dwangbevel_maximum))
