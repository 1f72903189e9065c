"""Income counted for the betalingscapaciteit (URI art. 14; Leidraad 26.2.11 and 79.8)."""

from openfisca_core.model_api import MONTH, Variable, where

from openfisca_toeslagen import geld, wetten
from openfisca_toeslagen.entities import Huishouden, Persoon


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


class vakantiegeld_bekend(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Het werkelijke vakantiegeld is bekend"
    reference = wetten.leidraad("26.2.11")


class werkelijk_vakantiegeld(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Persoon
    definition_period = MONTH
    label = "Werkelijk vakantiegeld, omgerekend per maand"
    reference = wetten.leidraad("26.2.11")
    documentation = "Telt alleen als vakantiegeld_bekend waar is."


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
    documentation = "Overige inkomsten die URI art. 14 lid 1 c meetelt (niet: kinderbijslag, die heeft een eigen invoer)."


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


class ontvangen_huurtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Ontvangen huurtoeslag per maand"
    reference = wetten.uri("15")
    documentation = "Geen inkomen: wordt in mindering gebracht op de woonlasten (URI art. 15 onderdeel b)."


class ontvangen_zorgtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Ontvangen zorgtoeslag per maand"
    reference = wetten.uri("14")
    documentation = "Telt als overige inkomsten (URI art. 14 lid 1 c)."


class ontvangen_kindgebonden_budget(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Ontvangen kindgebonden budget per maand"
    reference = wetten.uri("14")
    documentation = "Telt als overige inkomsten (URI art. 14 lid 1 c): alleen kinderbijslag is uitgezonderd."


class inkomen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Gezamenlijk inkomen vóór aftrek van uitgaven"
    reference = [wetten.uri("13"), wetten.uri("14"), wetten.leidraad("79.8")]
    documentation = """
    Het inkomen van de aanvrager, dat van de partner als die partner was in de periode van de schuld
    (Leidraad 79.8; URI art. 13 lid 2), en de ontvangen zorgtoeslag en het kindgebonden budget. Inkomen
    van kinderen telt niet mee: URI art. 13 noemt alleen de belastingschuldige en de echtgenoot.
    """

    def formula(huishouden, period, parameters):
        """URI art. 13 lid 1 en 2, art. 14; Leidraad 79.8 for the partner's income."""
        aanvrager = huishouden.sum(huishouden.members("meegeteld_inkomen", period), role=Huishouden.AANVRAGER)
        partner = huishouden.sum(huishouden.members("meegeteld_inkomen", period), role=Huishouden.PARTNER)
        partner = where(huishouden("partner_in_schuldperiode", period), partner, 0)
        return geld.optellen(aanvrager, partner, geld.invoer(huishouden, "ontvangen_zorgtoeslag", period),
                             geld.invoer(huishouden, "ontvangen_kindgebonden_budget", period))
