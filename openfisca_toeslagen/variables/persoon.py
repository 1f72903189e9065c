"""Age-dependent facts about a person: pensioengerechtigd (AOW art. 7a) and younger than 21 (Pw art. 20)."""

from datetime import date

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Variable

from openfisca_toeslagen import fouten, geldigheid, wetten
from openfisca_toeslagen.entities import Huishouden, Persoon

ONBEKENDE_DATUM = date(1, 1, 1)


class geboortedatum(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortedatum"
    documentation = "Verplicht voor de aanvrager en de partner: de norm hangt af van de leeftijd."


class geboortemaand(Variable):
    value_type = int
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortemaand (maanden sinds januari 1970), afgeleid van de geboortedatum"
    reference = [f"{wetten.AOW}#Artikel7a", wetten.pw(20)]
    documentation = "Een leeftijd geldt als bereikt in de kalendermaand van de verjaardag. Verplicht voor aanvrager en partner."

    def formula(persoon, period, parameters):
        """The birth month; a clear error for an applicant or partner without a birth date."""
        geboorte = persoon("geboortedatum", period)
        nodig = persoon.has_role(Huishouden.AANVRAGER) + persoon.has_role(Huishouden.PARTNER)
        ontbreekt = nodig & (geboorte == numpy.datetime64(ONBEKENDE_DATUM))
        if ontbreekt.any():
            namen = fouten.namen(persoon, ontbreekt)
            raise ValueError(f"geboortedatum ontbreekt voor aanvrager of partner: {namen}")
        return geboorte.astype("datetime64[M]").astype(int)


def _geboortemaand(persoon, period):
    """Birth months; nobody in the household can be born after the month computed."""
    maanden = persoon("geboortemaand", period).astype("datetime64[M]")
    later = maanden > numpy.datetime64(str(period.start)[:7], "M")
    if later.any():
        raise ValueError(f"geboortedatum ligt na {period}: {fouten.namen(persoon, later)}")
    return maanden


def _bereikt(geboortemaand, maanden, uiterlijk):
    """Whether the age of `maanden` months is reached in or before month `uiterlijk` (datetime64[M])."""
    return geboortemaand + numpy.asarray(maanden, dtype="timedelta64[M]") <= uiterlijk


class pensioengerechtigd(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Heeft de pensioengerechtigde leeftijd (AOW-leeftijd) bereikt"
    reference = [f"{wetten.AOW}#Artikel7a", wetten.pw(22)]
    documentation = """
    Wie in een kalenderjaar de voor dat jaar geldende pensioengerechtigde leeftijd bereikt, is vanaf dan
    pensioengerechtigd; latere verhogingen gelden niet voor hem (AOW art. 7a lid 1, slotzin). De leeftijd
    geldt als bereikt in de kalendermaand waarin de verjaardag valt (de peildatum binnen de maand is
    onbekend; deze lezing geeft de hogere norm van Pw art. 22).
    """

    def formula(persoon, period, parameters):
        """AOW art. 7a: the age set for the calendar year in which it is reached."""
        geldigheid.controleer(persoon, period, "algemene_ouderdomswet")
        geboortemaand = _geboortemaand(persoon, period)
        maand = numpy.datetime64(str(period.start)[:7], "M")
        leeftijd = persoon.simulation.tax_benefit_system.parameters.algemene_ouderdomswet.art_7a.pensioengerechtigde_leeftijd
        per_jaar = {int(v.instant_str[:4]): v.value for v in leeftijd.values_list}  # one value per 1 January
        jaren = range(min(per_jaar), period.start.year + 1)
        geldend = [per_jaar[max(j for j in per_jaar if j <= jaar)] for jaar in jaren]  # the age set for each year
        uiterlijk = numpy.minimum(numpy.array([f"{jaar}-12" for jaar in jaren], dtype="datetime64[M]"), maand)
        return _bereikt(geboortemaand[:, numpy.newaxis], geldend, uiterlijk).any(axis=1)  # reached in one of them


class jonger_dan_21(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is jonger dan 21 jaar (jongerennorm)"
    reference = [wetten.pw(20), wetten.pw(21)]
    documentation = """
    Pw art. 20 geldt voor belanghebbenden jonger dan 21 jaar. De leeftijd geldt als bereikt in de
    kalendermaand waarin de verjaardag valt. Wie jonger is dan 18 (de Pw kent geen norm) krijgt de norm
    voor 18, 19 of 20 jaar; een toeslag vraagt men pas vanaf 18 jaar aan.
    """

    def formula(persoon, period, parameters):
        """Pw art. 20: younger than 21 in this month."""
        grens = parameters(period).participatiewet.art_20.leeftijdsgrens
        maand = numpy.datetime64(str(period.start)[:7], "M")
        return ~_bereikt(_geboortemaand(persoon, period), grens * 12, maand)
