"""The debt, the standaardregeling (Leidraad 79.7) and the decision on a persoonlijke regeling (79.8–79.9)."""

from datetime import date

import numpy
from openfisca_core import periods
from openfisca_core.model_api import ETERNITY, MONTH, Enum, Variable, where

from openfisca_toeslagen import geld, geldigheid, wetten, zekerheid
from openfisca_toeslagen.motor import fouten, snel_lezen
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.motor.keuze import een_van, indien_nodig, kies, kies_lid
from openfisca_toeslagen.variables.persoon import ONBEKENDE_DATUM, maand_van
from openfisca_toeslagen.zekerheid import LEZING, TEKST


EEUWIG = periods.period("ETERNITY")
TERUGVORDERING = """
Het bedrag van de terugvordering; meerdere beschikkingen voor dezelfde toeslag worden samengevoegd (Leidraad 79.7).
Tot en met de drempel van Awir art. 26a op de dagtekening van de beschikking wordt het niet teruggevorderd. Dit model
leest het ingevulde bedrag als het bedrag van de beschikking: op een beschikking boven de drempel waarop al zoveel is
betaald dat het restant onder de drempel ligt, zou het de drempel ten onrechte toepassen.
"""
TOESLAGEN = ("huurtoeslag", "zorgtoeslag", "kinderopvangtoeslag", "kindgebonden_budget")
PERSOONLIJK = (UitkomstVerzoek.geen_invorderingsmaatregelen, UitkomstVerzoek.volledige_aflossing,
               UitkomstVerzoek.gedeeltelijke_aflossing)
AFGEWEZEN = (UitkomstVerzoek.afgewezen_vermogen, UitkomstVerzoek.standaardregeling,
             UitkomstVerzoek.afgewezen_opzet_of_grove_schuld)


class terugvordering_huurtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Terugvordering huurtoeslag: het bedrag van de terugvorderingsbeschikking (nog niets op betaald)"
    reference = [wetten.leidraad("79.7"), wetten.awir("26a")]
    documentation = TERUGVORDERING


class terugvordering_zorgtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Terugvordering zorgtoeslag: het bedrag van de terugvorderingsbeschikking (nog niets op betaald)"
    reference = [wetten.leidraad("79.7"), wetten.awir("26a")]
    documentation = TERUGVORDERING


class terugvordering_kinderopvangtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Terugvordering kinderopvangtoeslag: het bedrag van de terugvorderingsbeschikking (nog niets op betaald)"
    reference = [wetten.leidraad("79.7"), wetten.awir("26a")]
    documentation = TERUGVORDERING


class terugvordering_kindgebonden_budget(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Terugvordering kindgebonden budget: het bedrag van de terugvorderingsbeschikking (nog niets op betaald)"
    reference = [wetten.leidraad("79.7"), wetten.awir("26a")]
    documentation = TERUGVORDERING


BESCHIKKINGSDATUM = """
Bepaalt de drempel van Awir art. 26a (het bedrag van het jaar van de dagtekening) en, in de routes, de vervaldag
(zes weken later, Awir art. 28). Zonder datum: de drempel van de maand van het verzoek. Niet na de maand van het verzoek.
"""


class beschikkingsdatum_huurtoeslag(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = ETERNITY
    label = "Dagtekening van de terugvorderingsbeschikking huurtoeslag (vervaldag zes weken later)"
    reference = [wetten.awir("26a"), wetten.awir(28), wetten.leidraad("79.7")]
    documentation = BESCHIKKINGSDATUM


class beschikkingsdatum_zorgtoeslag(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = ETERNITY
    label = "Dagtekening van de terugvorderingsbeschikking zorgtoeslag (vervaldag zes weken later)"
    reference = [wetten.awir("26a"), wetten.awir(28), wetten.leidraad("79.7")]
    documentation = BESCHIKKINGSDATUM


class beschikkingsdatum_kinderopvangtoeslag(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = ETERNITY
    label = "Dagtekening van de terugvorderingsbeschikking kinderopvangtoeslag (vervaldag zes weken later)"
    reference = [wetten.awir("26a"), wetten.awir(28), wetten.leidraad("79.7")]
    documentation = BESCHIKKINGSDATUM


class beschikkingsdatum_kindgebonden_budget(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = ETERNITY
    label = "Dagtekening van de terugvorderingsbeschikking kindgebonden budget (vervaldag zes weken later)"
    reference = [wetten.awir("26a"), wetten.awir(28), wetten.leidraad("79.7")]
    documentation = BESCHIKKINGSDATUM


class opzet_of_grove_schuld(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De terugvordering is te wijten aan opzet of grove schuld"
    reference = wetten.leidraad("79.8a")
    documentation = "Dan wordt het verzoek afgewezen als de regeling de schuld niet binnen 24 maanden aflost (Leidraad 79.8a)."


def terugvorderingen(huishouden, period):
    """(amounts, set on nil) per toeslag as rows, amounts in cents: Awir art. 26a sets a terugvordering no larger than the
    threshold on the date of its beschikking (the request month when that date is not given) on nil."""
    return snel_lezen.eenmaal(huishouden, ("terugvorderingen", str(period)), lambda: _terugvorderingen(huishouden, period))


def dagtekening(huishouden, period, toeslag):
    """The date of the beschikking on the terugvordering of `toeslag` (ONBEKENDE_DATUM when not given); a beschikking
    dated after the request month cannot be part of the request and is refused."""
    datum = huishouden(f"beschikkingsdatum_{toeslag}", EEUWIG)
    later = datum > numpy.datetime64(period.stop.date)  # an unknown date (ONBEKENDE_DATUM) is never later
    if later.any():
        raise ValueError(f"beschikkingsdatum_{toeslag} ligt na de maand van het verzoek {period}: {fouten.namen(huishouden, later)}")
    return datum


def _terugvorderingen(huishouden, period):
    bedragen = geld.centen(geld.invoeren(huishouden, (f"terugvordering_{t}" for t in TOESLAGEN), period))
    drempels = numpy.zeros_like(bedragen)
    for i, t in enumerate(TOESLAGEN):
        if not (bedragen[i] > 0).any():
            continue
        datum = dagtekening(huishouden, period, t)
        datum = numpy.where(datum == numpy.datetime64(ONBEKENDE_DATUM), maand_van(period).astype("datetime64[D]"), datum)
        # Before the first threshold known (2022: € 100) only a claim above it can be judged: the threshold is indexed
        # upwards, so it was lower before; a smaller claim of such a date is refused with the parameter's own message.
        vanaf, eerste_drempel = geldigheid.eerste(huishouden, "awir.art_26a.drempel")
        geldigheid.gelezen(huishouden, period, "awir.art_26a.drempel")  # its first value is read here
        boven = (datum < vanaf) & (bedragen[i] > geld.centen(eerste_drempel))
        drempel = geldigheid.waarden_op(huishouden, period, "awir.art_26a.drempel", numpy.where(boven, vanaf, datum), (bedragen[i] > 0) & ~boven)
        drempels[i] = numpy.where(boven, 0, geld.centen(drempel))
    return bedragen, (bedragen > 0) & (bedragen <= drempels)


@zekerheid.volgt(LEZING, wetten.AWIR_TEKSTEN, "Awir art. 26a gaat over één beschikking: wij lezen het bedrag per toeslag als het "
                 "bedrag van de beschikking en nemen de drempel op haar dagtekening, of op de maand van het verzoek als die "
                 "dagtekening niet is gegeven; vóór 2022 is de drempel niet bekend en wordt alleen een bedrag boven € 100 "
                 "(de drempel van 2022) ingevorderd")
class op_nihil_gestelde_terugvorderingen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Terugvorderingen die niet worden teruggevorderd (Awir art. 26a)"
    reference = wetten.awir("26a")
    documentation = """
    "... wordt dit bedrag niet teruggevorderd indien dat niet meer bedraagt dan € 121" (2026; € 100 in 2022, € 106 in
    2023, € 116 in 2024, € 118 in 2025): de beschikking wordt op nihil vastgesteld (Awir art. 26a lid 1).
    """

    def formula(huishouden, period, parameters):
        """Awir art. 26a: the terugvorderingen up to the threshold, which are set on nil."""
        bedragen, nihil = terugvorderingen(huishouden, period)
        return numpy.add.reduce(numpy.where(nihil, bedragen, 0)) / 100


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class schuld(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Totale openstaande toeslagschuld"
    reference = [wetten.leidraad("79.7"), wetten.awir("26a")]
    documentation = "Alle terugvorderingen samen (het totaaloverzicht), zonder die Awir art. 26a op nihil stelt."

    def formula(huishouden, period, parameters):
        """The open amount of all terugvorderingen together, except those set on nil (Awir art. 26a)."""
        bedragen, nihil = terugvorderingen(huishouden, period)
        return numpy.add.reduce(numpy.where(nihil, 0, bedragen)) / 100


def standaardregeling(d, art_79_7):
    """(termijnbedrag, looptijd) in cents and months of the standaardregeling of one terugvordering of d cents.

    Leidraad 79.7: EUR 20 a month per terugvordering, at most 24 months; above EUR 480 the monthly
    amount is raised so the debt is paid within 24 months (d / 24, rounded up to the cent).
    Works on arrays and on single amounts.
    """
    verhoogd = geld.centen(geld.naar_boven_op_cent(d / art_79_7.maximale_looptijd))
    termijn = where(d > geld.centen(art_79_7.drempel), verhoogd, numpy.minimum(d, geld.centen(art_79_7.minimum_termijnbedrag)))
    looptijd = where(d > 0, numpy.ceil(d / numpy.maximum(termijn, 1)), 0)
    return termijn, looptijd


def _standaardregelingen(huishouden, period, parameters):
    """(termijnbedragen, looptijden) of the standaardregeling of each toeslag: cents and months, a row per toeslag."""
    bedragen, nihil = terugvorderingen(huishouden, period)
    return standaardregeling(numpy.where(nihil, 0, bedragen), parameters(period).leidraad_invordering.art_79_7)


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class standaard_termijnbedrag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Maandbedrag van de standaardregelingen samen"
    reference = wetten.leidraad("79.7")
    documentation = """
    Per toeslag met een schuld: € 20 per maand, of de schuld gedeeld door 24 (naar boven afgerond op centen) als dat
    meer is, en nooit meer dan de schuld zelf; opgeteld over de toeslagen ("€ 20 per maand voor iedere terugvordering
    afzonderlijk"; meerdere beschikkingen voor dezelfde toeslag worden samengevoegd). € 480 geeft € 20, € 480,01 geeft € 20,01, € 600 geeft € 25.
    """

    def formula(huishouden, period, parameters):
        """Leidraad 79.7: the standaardregeling of every terugvordering, summed."""
        termijnen, _ = _standaardregelingen(huishouden, period, parameters)
        return numpy.add.reduce(termijnen) / 100


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class standaard_looptijd(Variable):
    value_type = int
    unit = "month"
    entity = Huishouden
    definition_period = MONTH
    label = "Looptijd in maanden van de langste standaardregeling"
    reference = wetten.leidraad("79.7")
    documentation = """
    Elke terugvordering heeft haar eigen standaardregeling (Leidraad 79.7): het aantal maanden tot zij met haar eigen
    termijnbedrag is afgelost. Het huishouden is klaar na de langste daarvan.
    """

    def formula(huishouden, period, parameters):
        """Leidraad 79.7: months until each terugvordering is paid at its standard amount; the longest."""
        _, looptijden = _standaardregelingen(huishouden, period, parameters)
        return numpy.maximum.reduce(looptijden)


@zekerheid.volgt(TEKST, wetten.URI_2015)
class schuld_na_vermogen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Schuld die na aanwending van het vermogen resteert"
    reference = [wetten.uri("11"), wetten.leidraad("79.8")]
    documentation = """
    De schuld min wat direct uit het vermogen wordt betaald (URI art. 11: eerst het vermogen, dan de
    betalingscapaciteit). Over dit deel gaat de persoonlijke betalingsregeling.
    """

    def formula(huishouden, period, parameters):
        """URI art. 11 b 1°: first the vermogen is used for the debt."""
        return numpy.maximum(0, geld.aftrekken(huishouden("schuld", period), huishouden("vermogen", period)))


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class uitkomst_verzoek(Variable):
    value_type = Enum
    possible_values = UitkomstVerzoek
    default_value = UitkomstVerzoek.geen_schuld
    entity = Huishouden
    definition_period = MONTH
    label = "Beslissing op het verzoek om een persoonlijke betalingsregeling"
    reference = [wetten.leidraad("79.7"), wetten.leidraad("79.8"), wetten.leidraad("79.8a"), wetten.leidraad("79.9")]
    documentation = """
    In deze volgorde: geen schuld; afgewezen als het vermogen de schuld dekt (79.8); afgewezen als de
    standaardregeling op te brengen is (79.8); bij opzet of grove schuld afgewezen als 24 maanden niet tot
    volledige betaling leiden (79.8a); geen invorderingsmaatregelen zonder betalingscapaciteit (79.9);
    volledige aflossing als 24 maanden genoeg zijn; anders 24 maanden en de rest niet invorderen (79.8, 79.9).
    """

    def formula(huishouden, period, parameters):
        """Leidraad 79.7–79.9: the decision on the request."""
        looptijd = parameters(period).leidraad_invordering.art_79_8.maximale_looptijd
        schuld_ = geld.centen(huishouden("schuld", period))
        rest = geld.centen(huishouden("schuld_na_vermogen", period))
        termijn = geld.centen(huishouden("capaciteitstermijn", period))
        in_looptijd = termijn * looptijd
        return kies_lid(
            [
                schuld_ <= 0,
                rest <= 0,
                termijn >= geld.centen(huishouden("standaard_termijnbedrag", period)),
                huishouden("opzet_of_grove_schuld", period) & (in_looptijd < rest),
                termijn <= 0,
                in_looptijd >= rest,
            ],
            [
                UitkomstVerzoek.geen_schuld,
                UitkomstVerzoek.afgewezen_vermogen,
                UitkomstVerzoek.standaardregeling,
                UitkomstVerzoek.afgewezen_opzet_of_grove_schuld,
                UitkomstVerzoek.geen_invorderingsmaatregelen,
                UitkomstVerzoek.volledige_aflossing,
            ],
            UitkomstVerzoek.gedeeltelijke_aflossing,
        )


def _per_uitkomst(huishouden, period, persoonlijk, afgewezen):
    """`persoonlijk` under the three persoonlijke outcomes, the variable `afgewezen` under the three refusals, else 0."""
    uitkomst = huishouden("uitkomst_verzoek", period)
    geweigerd = een_van(uitkomst, AFGEWEZEN)
    return kies([een_van(uitkomst, PERSOONLIJK), geweigerd], [persoonlijk, indien_nodig(geweigerd, lambda: huishouden(afgewezen, period))], 0)


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class termijnbedrag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Maandbedrag dat Toeslagen vraagt"
    reference = [wetten.leidraad("79.7"), wetten.leidraad("79.8")]
    documentation = "Bij een persoonlijke regeling de capaciteitstermijn; bij een afwijzing blijft de standaardregeling staan."

    def formula(huishouden, period, parameters):
        """Leidraad 79.7 and 79.8: the persoonlijke amount, or the standaardregeling when the request is refused."""
        return _per_uitkomst(huishouden, period, huishouden("capaciteitstermijn", period), "standaard_termijnbedrag")


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class looptijd_maanden(Variable):
    value_type = int
    unit = "month"
    entity = Huishouden
    definition_period = MONTH
    label = "Looptijd van de regeling in maanden"
    reference = [wetten.leidraad("79.7"), wetten.leidraad("79.8")]
    documentation = ("Bij een persoonlijke regeling: zoveel maanden als nodig zijn om de schuld na vermogen met het termijnbedrag "
                     "af te lossen (naar boven afgerond), ten hoogste 24; zonder termijnbedrag 0. Bij een afwijzing: de "
                     "looptijd van de langste standaardregeling.")

    def formula(huishouden, period, parameters):
        """Leidraad 79.8: at most 24 months; 79.7 for the standaardregeling."""
        maximaal = parameters(period).leidraad_invordering.art_79_8.maximale_looptijd
        termijn = geld.centen(huishouden("capaciteitstermijn", period))
        rest = geld.centen(huishouden("schuld_na_vermogen", period))
        persoonlijk = where(termijn > 0, numpy.minimum(maximaal, numpy.ceil(rest / numpy.maximum(termijn, 1))), 0)
        return _per_uitkomst(huishouden, period, persoonlijk, "standaard_looptijd")


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class totaal_af_te_lossen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Totaal dat met de regeling wordt afgelost"
    reference = [wetten.leidraad("79.7"), wetten.leidraad("79.8")]
    documentation = """
    Bij een persoonlijke betalingsregeling het termijnbedrag maal de looptijd, ten hoogste de schuld na vermogen
    (Leidraad 79.8); wat daarna nog openstaat, wordt niet ingevorderd (79.9). Bij een afgewezen verzoek of de
    standaardregeling wordt de hele schuld afgelost (79.7).
    """

    def formula(huishouden, period, parameters):
        """Persoonlijk: min(schuld na vermogen, termijnbedrag × looptijd); afgewezen: de hele schuld."""
        afgelost = numpy.minimum(
            geld.centen(huishouden("schuld_na_vermogen", period)),
            geld.centen(huishouden("termijnbedrag", period)) * huishouden("looptijd_maanden", period))
        return _per_uitkomst(huishouden, period, afgelost / 100, "schuld")


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_79_TEKST)
class restschuld_buiten_invordering(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Deel van de schuld dat na de regeling niet meer wordt ingevorderd"
    reference = wetten.leidraad("79.9")
    documentation = """
    "zal Belastingdienst/Toeslagen na afloop van die regeling de belanghebbende meedelen geen
    invorderingsmaatregelen te zullen nemen voor de nog openstaande schuld" (79.9), onder de voorwaarde dat
    toeslagen en teruggaven drie jaar lang worden verrekend. Alleen bij een persoonlijke regeling.
    """

    def formula(huishouden, period, parameters):
        """Leidraad 79.9: schuld na vermogen minus what the arrangement collects."""
        persoonlijk = een_van(huishouden("uitkomst_verzoek", period), PERSOONLIJK)
        rest = geld.aftrekken(huishouden("schuld_na_vermogen", period), huishouden("totaal_af_te_lossen", period))
        return where(persoonlijk, rest, 0)


@zekerheid.volgt(TEKST, wetten.URI_2015)
class direct_te_betalen_uit_vermogen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Deel van de schuld dat uit het vermogen moet worden betaald"
    reference = [wetten.uri("11"), wetten.leidraad("79.8")]
    documentation = "Bij een persoonlijke regeling: schuld min schuld na vermogen. Zo geldt: schuld = dit + totaal + restschuld."

    def formula(huishouden, period, parameters):
        """URI art. 11 b 1°: the vermogen is used for the debt first."""
        persoonlijk = een_van(huishouden("uitkomst_verzoek", period), PERSOONLIJK)
        return where(persoonlijk, geld.aftrekken(huishouden("schuld", period), huishouden("schuld_na_vermogen", period)), 0)
