"""Facts about a person: age limits (AOW art. 7a, Pw art. 19a and 22a), kostendelende medebewoner (Pw art. 19a)."""

from datetime import date

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Variable

from openfisca_toeslagen import geldigheid, wetten, zekerheid
from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.entities import Huishouden, Persoon
from openfisca_toeslagen.zekerheid import LEZING, TEKST

ONBEKENDE_DATUM = date(1, 1, 1)  # the default of every date input: "not given" (the one constant for it)
LEEFTIJD_BEREIKT = ("een leeftijd geldt als bereikt in de kalendermaand van de verjaardag (de peildatum binnen de maand "
                    "is onbekend; voor de eigen leeftijd geeft dat de hogere norm)")


class geboortedatum(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortedatum"
    documentation = ("Verplicht voor iedereen in het huishouden: de norm, de kostendelers en het kindgebonden budget "
                     "hangen af van de leeftijd.")


@zekerheid.volgt(TEKST, wetten.PW_TEKSTEN)
class geboortemaand(Variable):
    value_type = int
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortemaand (maanden sinds januari 1970), afgeleid van de geboortedatum"
    reference = [wetten.aow("7a"), wetten.pw("19a"), wetten.pw("22a")]
    documentation = "Een leeftijd geldt als bereikt in de kalendermaand van de verjaardag. Verplicht voor iedereen."

    def formula(persoon, period, parameters):
        """The birth month; a clear error for a member without a birth date."""
        geboorte = persoon("geboortedatum", period)
        ontbreekt = geboorte == numpy.datetime64(ONBEKENDE_DATUM)
        if ontbreekt.any():
            raise ValueError(f"geboortedatum ontbreekt: {fouten.namen(persoon, ontbreekt)}")
        return geboorte.astype("datetime64[M]").astype(int)


def maand_van(period):
    """The month of `period` as numpy datetime64[M]."""
    return numpy.datetime64(str(period.start)[:7], "M")


def geboortemaanden(persoon, period):
    """Birth months (datetime64[M]); nobody in the household can be born after the month computed."""
    maanden = persoon("geboortemaand", period).astype("datetime64[M]")
    later = maanden > maand_van(period)
    if later.any():
        raise ValueError(f"geboortedatum ligt na {period}: {fouten.namen(persoon, later)}")
    return maanden


def leeftijd_in_maanden(persoon, period):
    """Whole months since the birth month: 12 × the age reached in this calendar month."""
    return (maand_van(period) - geboortemaanden(persoon, period)).astype(int)


def aanvrager_of_partner_lid(persoon):
    """Per person whether it is the aanvrager or the partner of its household."""
    return persoon.has_role(Huishouden.AANVRAGER) | persoon.has_role(Huishouden.PARTNER)


def _aow_leeftijd_bereikt(persoon, period, maand):
    """AOW art. 7a: whether the age set for the calendar year in which it is reached was reached by `maand`."""
    leeftijd = persoon.simulation.tax_benefit_system.parameters.algemene_ouderdomswet.art_7a.pensioengerechtigde_leeftijd
    per_jaar = {int(v.instant_str[:4]): v.value for v in leeftijd.values_list}  # one value per 1 January
    jaren = range(min(per_jaar), period.start.year + 1)
    geldend = [per_jaar[max(j for j in per_jaar if j <= jaar)] for jaar in jaren]  # the age set for each year
    uiterlijk = numpy.minimum(numpy.array([f"{jaar}-12" for jaar in jaren], dtype="datetime64[M]"), maand)
    geboren = geboortemaanden(persoon, period)[:, numpy.newaxis]
    return (geboren + numpy.asarray(geldend, dtype="timedelta64[M]") <= uiterlijk).any(axis=1)  # reached in one year


def _aow_leeftijd_deze_maand(persoon, period):
    """Where the birthday-month reading decides: the applicant or partner reaches pensionable age in this month."""
    maand = maand_van(period)
    return (aanvrager_of_partner_lid(persoon) & _aow_leeftijd_bereikt(persoon, period, maand)
            & ~_aow_leeftijd_bereikt(persoon, period, maand - 1))


@zekerheid.volgt(LEZING, wetten.AOW_TEKST, LEEFTIJD_BEREIKT, beslist=_aow_leeftijd_deze_maand)
class pensioengerechtigd(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Heeft de pensioengerechtigde leeftijd (AOW-leeftijd) bereikt"
    reference = [wetten.aow("7a"), wetten.pw(22)]
    documentation = """
    Wie in een kalenderjaar de voor dat jaar geldende pensioengerechtigde leeftijd bereikt, is vanaf dan
    pensioengerechtigd; latere verhogingen gelden niet voor hem (AOW art. 7a lid 1, slotzin).
    """

    def formula(persoon, period, parameters):
        """AOW art. 7a: the age set for the calendar year in which it is reached."""
        pad = "algemene_ouderdomswet.art_7a.pensioengerechtigde_leeftijd"
        leeftijd = persoon.simulation.tax_benefit_system.parameters.algemene_ouderdomswet.art_7a.pensioengerechtigde_leeftijd
        leeftijd_nu = leeftijd_in_maanden(persoon, period)
        # The age only rises (art. 7a lid 2): who is younger than the last value reaches it under no later value.
        # Only the applicant's and partner's ages decide a norm.
        geldigheid.waarde(persoon, period, pad, lambda: (leeftijd_nu >= leeftijd.values_list[0].value)
                          & aanvrager_of_partner_lid(persoon))
        geldigheid.gelezen(persoon, period, pad)  # the ages of every year are read below
        return _aow_leeftijd_bereikt(persoon, period, maand_van(period))


def _wordt_21_deze_maand(persoon, period):
    """Where the birthday-month reading decides: the applicant or partner turns 21 in this month."""
    grens = geldigheid.stil(persoon, period, "participatiewet.art_22a.leeftijd")
    return aanvrager_of_partner_lid(persoon) & (leeftijd_in_maanden(persoon, period) == grens * 12)


@zekerheid.volgt(LEZING, wetten.PW_TEKSTEN, LEEFTIJD_BEREIKT, beslist=_wordt_21_deze_maand)
class jonger_dan_21(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is jonger dan 21 jaar (de kostendelersnorm geldt vanaf 21 jaar)"
    reference = wetten.pw("22a")
    documentation = """
    Pw art. 22a lid 1: de kostendelersnorm geldt voor "de belanghebbende van 21 jaar of ouder", en A telt "zijn
    echtgenoot van 21 jaar of ouder". URI art. 16 kent geen jongerennormen (Pw art. 20): wie jonger is dan 21
    krijgt zonder kostendelers de norm van art. 21.
    """

    def formula(persoon, period, parameters):
        """Pw art. 22a lid 1: younger than 21 in this month."""
        grens = parameters(period).participatiewet.art_22a.leeftijd
        return leeftijd_in_maanden(persoon, period) < grens * 12


class volgt_onderwijs_met_studiefinanciering(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Volgt onderwijs met (recht op) studiefinanciering of een WTOS-tegemoetkoming, of een bbl-opleiding"
    reference = [wetten.pw("19a"), wetten.leidraad("26.2.12")]
    documentation = """
    Een medebewoner die zo'n opleiding volgt, is geen kostendelende medebewoner (Pw art. 19a lid 1 d). Voor een
    aanvrager of partner die studeert gelden de forfaitaire studie-inkomsten van Leidraad 26.2.12: die rekent dit
    model niet, zo'n huishouden wordt geweigerd.
    """


class commerciele_overeenkomst(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Woont er als huurder, verhuurder, kostganger of kostgever op grond van een schriftelijke overeenkomst tegen een commerciële prijs"
    reference = wetten.pw("19a")
    documentation = """
    Pw art. 19a lid 1 b en c: zo'n medebewoner is geen kostendelende medebewoner, tenzij hij een bloed- of
    aanverwant in de eerste of tweede graad is (met een kind, ouder, broer of zus kan men geen commerciële
    overeenkomst hebben). Een kostganger levert wel de aftrek van URI art. 15 lid 1 f op (invoer op het huishouden).
    """


class opgenomen_in_inrichting(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is ter verzorging of verpleging opgenomen in een inrichting"
    reference = wetten.uri(16)
    documentation = """
    URI art. 16 lid 4 stelt de kosten van bestaan dan op de prijs van de verzorging plus twee derde van de norm van
    Pw art. 23. Dit model rekent dat niet: een huishouden met zo'n aanvrager of partner wordt geweigerd. Een
    medebewoner die is opgenomen, heeft geen hoofdverblijf in de woning en is geen kostendelende medebewoner.
    """


def _medebewoner_op_de_grens(persoon, period):
    """Where the reading decides: a housemate reaches the 19a age limit in this month, or is in an institution."""
    grens = geldigheid.stil(persoon, period, "participatiewet.art_19a.leeftijd")
    return persoon.has_role(Huishouden.KOSTENDELER) & (
        (leeftijd_in_maanden(persoon, period) == grens * 12) | persoon("opgenomen_in_inrichting", period))


@zekerheid.volgt(LEZING, wetten.PW_TEKSTEN, "een medebewoner telt als 27 (tot 2023: 21) vanaf de kalendermaand van zijn "
                 "verjaardag, zoals elke leeftijd in dit model; voor de belastingschuldige geeft dat in die maand de lagere norm. "
                 "Wie in een inrichting is opgenomen, heeft geen hoofdverblijf in de woning en telt niet",
                 beslist=_medebewoner_op_de_grens)
class kostendelende_medebewoner(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is kostendelende medebewoner (Pw art. 19a)"
    reference = wetten.pw("19a")
    documentation = """
    "de persoon van 27 jaar of ouder (tot en met 2022: 21 jaar) die in dezelfde woning als de belanghebbende zijn
    hoofdverblijf heeft en niet: a. de echtgenoot ... b. [en c.] ... op basis van een schriftelijke overeenkomst ...
    waarbij een commerciële prijs is overeengekomen ... d. ... onderwijs volgt waarvoor aanspraak op
    studiefinanciering ... kan bestaan" (Pw art. 19a lid 1). Alleen medebewoners, geen aanvrager, partner of kind.
    """

    def formula(persoon, period, parameters):
        """Pw art. 19a lid 1: a housemate of the age limit or older, not on commercial terms, not studying."""
        grens = parameters(period).participatiewet.art_19a.leeftijd
        oud_genoeg = leeftijd_in_maanden(persoon, period) >= grens * 12
        uitgezonderd = (persoon("commerciele_overeenkomst", period) | persoon("volgt_onderwijs_met_studiefinanciering", period)
                        | persoon("opgenomen_in_inrichting", period))  # no hoofdverblijf in the home
        return persoon.has_role(Huishouden.KOSTENDELER) & oud_genoeg & ~uitgezonderd
