"""Income counted for the betalingscapaciteit (URI art. 14; Leidraad 26.2.11 and 79.8)."""

from openfisca_core.model_api import MONTH, Variable, where

from openfisca_toeslagen import geld, wetten, zekerheid
from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.entities import Huishouden, Persoon
from openfisca_toeslagen.motor.keuze import aanvrager_of_partner
from openfisca_toeslagen.zekerheid import LEZING, TEKST


class netto_inkomen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Netto inkomen uit loon en uitkeringen per maand"
    reference = wetten.uri("14")
    documentation = "Aan loonheffing onderworpen inkomsten na wettelijke inhoudingen (URI art. 14 lid 1 a)."


class aanspraak_op_vakantiegeld(Variable):
    value_type = bool
    default_value = True
    entity = Persoon
    definition_period = MONTH
    label = "Heeft aanspraak op vakantiegeld over het netto inkomen"
    reference = wetten.leidraad("26.2.11")
    documentation = "Dan telt 7 % vakantiegeld mee (Leidraad 26.2.11), tenzij het werkelijke vakantiegeld bekend is."


class vakantiegeld_bekend(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Het werkelijke vakantiegeld is bekend"
    reference = wetten.leidraad("26.2.11")
    documentation = "Dan telt het werkelijke vakantiegeld in plaats van 7 % van het netto inkomen (Leidraad 26.2.11)."


class werkelijk_vakantiegeld(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Werkelijk vakantiegeld, omgerekend per maand"
    reference = wetten.leidraad("26.2.11")
    documentation = "Telt alleen als het werkelijke vakantiegeld bekend is; anders telt 7 % van het netto inkomen (Leidraad 26.2.11)."


@zekerheid.volgt(LEZING, wetten.LEIDRAAD_2026_TEKST, "de Leidraad noemt 7 % van 'de aan loonheffingen onderworpen "
                 "inkomsten'; wij nemen 7 % van het netto inkomen, zoals Toeslagen bij Mark doet (IBTD-rapportage 2025)")
class vakantiegeld(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Vakantiegeld per maand"
    reference = wetten.leidraad("26.2.11")
    documentation = """
    "Het vakantiegeld wordt gesteld op 7% van de aan loonheffingen onderworpen inkomsten waarbij aanspraak
    bestaat op vakantiegeld." Is het werkelijke vakantiegeld bekend, dan telt dat. Wij passen de 7 % toe op
    het netto inkomen en ronden half naar boven af op centen.
    """

    def formula(persoon, period, parameters):
        """Leidraad 26.2.11: the real amount when known, else 7 % of income with a vakantiegeld entitlement."""
        percentage = parameters(period).leidraad_invordering.art_26_2_11.vakantiegeld_percentage
        forfaitair = geld.half_naar_boven_op_cent(geld.maal(geld.invoer(persoon, "netto_inkomen", period), percentage))
        forfaitair = where(persoon("aanspraak_op_vakantiegeld", period), forfaitair, 0)
        return where(persoon("vakantiegeld_bekend", period), geld.invoer(persoon, "werkelijk_vakantiegeld", period), forfaitair)


class ontvangen_alimentatie(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Ontvangen alimentatie per maand"
    reference = wetten.uri("14")
    documentation = "Uitkeringen voor levensonderhoud op grond van Boek 1 BW art. 157, 158 of 404 (URI art. 14 lid 1 b)."


class overige_inkomsten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Overige inkomsten per maand"
    reference = wetten.uri("14")
    documentation = """
    Overige inkomsten die URI art. 14 lid 1 c meetelt, ook wat kostgangers betalen. Niet invullen, want het telt niet:
    kinderbijslag (eigen invoer), kindgebonden budget, huurtoeslag en zorgtoeslag (eigen invoer op het huishouden),
    kinderopvangtoeslag, de individuele inkomenstoeslag en premies van de Participatiewet, een pleegvergoeding en een
    vrijwilligersvergoeding tot het fiscale maximum (art. 14 lid 1 c 1°–10°).
    """


class kinderbijslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Ontvangen kinderbijslag per maand"
    reference = wetten.uri("14")
    documentation = "Telt nooit mee voor de betalingscapaciteit (URI art. 14 lid 1 c, uitzondering AKW); wel voor het vrij besteedbare bedrag."


class voorlopige_teruggaaf(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Voorlopige teruggaaf inkomstenbelasting per maand, zonder kinderkorting"
    reference = wetten.uri("14")
    documentation = """
    Telt als overige inkomsten (URI art. 14 lid 2), met uitzondering van de daarin begrepen kinderkorting,
    aanvullende kinderkorting of toetrederskorting: vul het bedrag zonder die kortingen in (lid 3).
    """


@zekerheid.volgt(TEKST, wetten.URI_2015)
class meegeteld_inkomen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Inkomen van deze persoon dat meetelt voor het netto-besteedbare inkomen"
    reference = [wetten.uri("14"), wetten.leidraad("26.2.11")]
    documentation = "Netto inkomen, vakantiegeld, ontvangen alimentatie, overige inkomsten en voorlopige teruggaaf; geen kinderbijslag."

    def formula(persoon, period, parameters):
        """URI art. 14 lid 1 a, b, c and lid 2, with vakantiegeld (Leidraad 26.2.11)."""
        return geld.som(persoon, (
            "netto_inkomen", "vakantiegeld", "ontvangen_alimentatie", "overige_inkomsten", "voorlopige_teruggaaf"), period)


class partner_in_schuldperiode(Variable):
    value_type = bool
    default_value = True
    entity = Huishouden
    definition_period = MONTH
    label = "De partner was partner in de periode waarop de toeslagschuld betrekking heeft"
    reference = wetten.leidraad("79.8")
    documentation = "Zo niet, dan telt het inkomen van de partner niet mee (Leidraad 79.8); het huishouden blijft echtgenoten."


class ontvangen_huurtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Ontvangen huurtoeslag per maand"
    reference = [wetten.uri("14"), wetten.uri("15")]
    documentation = "Geen inkomen (URI art. 14 lid 1 c 8°): gaat af van de woonlasten (art. 15 lid 3)."


class ontvangen_zorgtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Ontvangen zorgtoeslag per maand"
    reference = [wetten.uri("14"), wetten.uri("15")]
    documentation = "Geen inkomen (URI art. 14 lid 1 c 8°): gaat af van de zorgpremie (art. 15 lid 1 c)."


class ontvangen_kindgebonden_budget(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Ontvangen kindgebonden budget per maand"
    reference = [wetten.uri("14"), wetten.uri("15")]
    documentation = "Geen inkomen (URI art. 14 lid 1 c 7°): gaat af van de kosten van de kinderen (art. 15 lid 1 g)."


@zekerheid.volgt(TEKST, wetten.URI_2015)
class inkomen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Gezamenlijk inkomen vóór aftrek van uitgaven"
    reference = [wetten.uri("13"), wetten.uri("14"), wetten.leidraad("79.8")]
    documentation = """
    Het inkomen van de aanvrager en dat van de partner als die partner was in de periode van de schuld
    (Leidraad 79.8; URI art. 13 lid 2). Inkomen van kinderen en medebewoners telt niet mee: URI art. 13 noemt
    alleen de belastingschuldige en de echtgenoot. Kinderbijslag, kindgebonden budget, huurtoeslag en
    zorgtoeslag zijn geen inkomen (art. 14 lid 1 c 1°, 7° en 8°).
    """

    def formula(huishouden, period, parameters):
        """URI art. 13 lid 1 en 2, art. 14; Leidraad 79.8 for the partner's income."""
        student = aanvrager_of_partner(huishouden, huishouden.members("volgt_onderwijs_met_studiefinanciering", period))
        if student.any():
            raise ValueError("aanvrager of partner volgt onderwijs met studiefinanciering: de forfaitaire studie-inkomsten van "
                             f"Leidraad 26.2.12 rekent dit model niet: {fouten.namen(huishouden, student)}")
        aanvrager = huishouden.sum(huishouden.members("meegeteld_inkomen", period), role=Huishouden.AANVRAGER)
        partner = huishouden.sum(huishouden.members("meegeteld_inkomen", period), role=Huishouden.PARTNER)
        return geld.optellen(aanvrager, where(huishouden("partner_in_schuldperiode", period), partner, 0))
