"""What the routes need from the law: the vervaldag (Awir art. 28) and the beslagvrije voet (Rv art. 475da)."""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_toeslagen import geld, geldigheid, wetten, zekerheid
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.variables.betalingsregeling import dagtekening
from openfisca_toeslagen.variables.persoon import ONBEKENDE_DATUM
from openfisca_toeslagen.zekerheid import LEZING, TEKST

VERVALDAG = """
"... binnen zes weken na de dagtekening van de ... beschikking" (Awir art. 28): de dagtekening plus de
betalingstermijn die op die dagtekening geldt. De Algemene termijnenwet is niet van toepassing: een vervaldag in het
weekend schuift niet op. Zonder terugvordering in de maand, of zonder dagtekening, is er geen vervaldag (de
standaardwaarde 0001-01-01).
"""


def vervaldag(huishouden, period, toeslag):
    """Awir art. 28: due `betalingstermijn_weken` after the date of the beschikking, at the term of that date."""
    datum = dagtekening(huishouden, period, toeslag)
    bekend = (datum != numpy.datetime64(ONBEKENDE_DATUM)) & (geld.invoer(huishouden, f"terugvordering_{toeslag}", period) > 0)
    vanaf, _ = geldigheid.eerste(huishouden, "awir.art_28.betalingstermijn_weken")
    te_vroeg = bekend & (datum < vanaf)
    if te_vroeg.any():
        raise ValueError(f"beschikkingsdatum_{toeslag} ligt vóór {vanaf}: de betalingstermijn van Awir art. 28 is pas vanaf "
                         f"die datum vastgelegd ({fouten.namen(huishouden, te_vroeg)})")
    weken = geldigheid.waarden_op(huishouden, period, "awir.art_28.betalingstermijn_weken", datum, bekend)
    return numpy.where(bekend, datum + (weken * 7).astype("timedelta64[D]"), numpy.datetime64(ONBEKENDE_DATUM))


@zekerheid.volgt(TEKST, wetten.AWIR_TEKSTEN)
class vervaldag_huurtoeslag(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = MONTH
    label = "Vervaldag van de terugvordering huurtoeslag"
    reference = wetten.awir(28)
    documentation = VERVALDAG

    def formula(huishouden, period, parameters):
        """Awir art. 28: six weeks after the date of the beschikking huurtoeslag."""
        return vervaldag(huishouden, period, "huurtoeslag")


@zekerheid.volgt(TEKST, wetten.AWIR_TEKSTEN)
class vervaldag_zorgtoeslag(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = MONTH
    label = "Vervaldag van de terugvordering zorgtoeslag"
    reference = wetten.awir(28)
    documentation = VERVALDAG

    def formula(huishouden, period, parameters):
        """Awir art. 28: six weeks after the date of the beschikking zorgtoeslag."""
        return vervaldag(huishouden, period, "zorgtoeslag")


@zekerheid.volgt(TEKST, wetten.AWIR_TEKSTEN)
class vervaldag_kinderopvangtoeslag(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = MONTH
    label = "Vervaldag van de terugvordering kinderopvangtoeslag"
    reference = wetten.awir(28)
    documentation = VERVALDAG

    def formula(huishouden, period, parameters):
        """Awir art. 28: six weeks after the date of the beschikking kinderopvangtoeslag."""
        return vervaldag(huishouden, period, "kinderopvangtoeslag")


@zekerheid.volgt(TEKST, wetten.AWIR_TEKSTEN)
class vervaldag_kindgebonden_budget(Variable):
    value_type = date
    default_value = ONBEKENDE_DATUM
    entity = Huishouden
    definition_period = MONTH
    label = "Vervaldag van de terugvordering kindgebonden budget"
    reference = wetten.awir(28)
    documentation = VERVALDAG

    def formula(huishouden, period, parameters):
        """Awir art. 28: six weeks after the date of the beschikking kindgebonden budget."""
        return vervaldag(huishouden, period, "kindgebonden_budget")


@zekerheid.volgt(LEZING, wetten.RV_TEKST, "95 % van de toepasselijke bijstandsnorm, zonder de correcties voor woonlasten "
                 "en zorgpremie (lid 3–5) en zonder de maxima (lid 1): een vereenvoudiging")
class beslagvrije_voet(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Beslagvrije voet per maand"
    reference = wetten.rv("475da")
    documentation = """
    Het deel van het inkomen waarop geen beslag kan worden gelegd: "95% x A" voor een alleenstaande, "95% x B" voor
    gehuwden, met A en B de normen van Pw art. 21 (Rv art. 475da lid 2), afgerond op de cent (half naar boven).
    """

    def formula(huishouden, period, parameters):
        """Rv art. 475da lid 2: the percentage of the bijstandsnorm."""
        percentage = geldigheid.waarde(huishouden, period, "wetboek_van_burgerlijke_rechtsvordering.art_475da.percentage")
        return geld.half_naar_boven_op_cent(geld.maal(huishouden("bijstandsnorm", period), percentage))


@zekerheid.volgt(LEZING, wetten.RV_TEKST, "beslag treft het inkomen dat de Uitvoeringsregeling meetelt (art. 13 en 14), "
                 "in de maand van het verzoek; de wet legt beslag per inkomensbron, dit model op het inkomen als geheel")
class beslagruimte(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Inkomen boven de beslagvrije voet: wat beslag per maand kan innen"
    reference = [wetten.rv("475d"), wetten.rv("475da")]
    documentation = """
    Bij beslag op inkomen blijft de beslagvrije voet over (Rv art. 475d lid 1); het deel van het inkomen daarboven kan
    per maand worden ingehouden. Nooit minder dan nul.
    """

    def formula(huishouden, period, parameters):
        """Rv art. 475d: what the income exceeds the beslagvrije voet by, at least nil."""
        return numpy.maximum(0, geld.aftrekken(huishouden("inkomen", period), huishouden("beslagvrije_voet", period)))


@zekerheid.volgt(LEZING, wetten.LEIDRAAD_79_TEKST, "Leidraad 79.5a vraagt bij verrekening rekening te houden met de "
                 "beslagvrije voet; wij laten alle inkomsten van het huishouden (ook de toeslagen) boven die voet voor "
                 "verrekening beschikbaar")
class verrekenruimte(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Inkomsten boven de beslagvrije voet: wat verrekening per maand hoogstens inhoudt (Leidraad 79.5a)"
    reference = [wetten.leidraad("79.5a"), wetten.rv("475da")]
    documentation = """
    Alleen gebruikt als verrekening met respect voor de beslagvrije voet gebeurt (Leidraad 79.5a): alle inkomsten van
    het huishouden min de beslagvrije voet, nooit minder dan nul.
    """

    def formula(huishouden, period, parameters):
        """Leidraad 79.5a: the household's income above the beslagvrije voet, at least nil."""
        return numpy.maximum(0, geld.aftrekken(huishouden("inkomsten_totaal", period), huishouden("beslagvrije_voet", period)))
