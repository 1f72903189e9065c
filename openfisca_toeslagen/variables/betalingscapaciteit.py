"""Netto-besteedbaar inkomen, betalingscapaciteit (URI art. 13–14) and the 80 % claimed (URI art. 11)."""

import numpy
from openfisca_core.model_api import MONTH

from openfisca_toeslagen import geld, wetten, zekerheid
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.zekerheid import LEZING, TEKST


@zekerheid.volgt(TEKST, wetten.URI_2015)
class netto_besteedbaar_inkomen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Netto-besteedbaar inkomen per maand"
    reference = [wetten.uri("14"), wetten.uri("13")]
    documentation = "Het meegetelde inkomen verminderd met de uitgaven van URI art. 15 (art. 14 lid 1). Kan negatief zijn."

    def formula(huishouden, period, parameters):
        """URI art. 14 lid 1: "het met de in artikel 15 vermelde uitgaven verminderde gezamenlijke bedrag"."""
        return geld.aftrekken(huishouden("inkomen", period), huishouden("aftrekbare_uitgaven", period))


@zekerheid.volgt(LEZING, wetten.URI_2015, "URI art. 13 spreekt van het verwachte maandgemiddelde over de twaalf maanden "
                 "na het verzoek; wij nemen de invoer van de maand van het verzoek als dat gemiddelde")
class betalingscapaciteit(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Betalingscapaciteit per maand"
    reference = [wetten.uri("13"), wetten.leidraad("79.8")]
    documentation = """
    "het positieve verschil ... van het gemiddeld per maand te verwachten netto-besteedbare inkomen ... en de
    gemiddeld per maand te verwachten kosten van bestaan" (URI art. 13 lid 1). Wij nemen de invoer van de
    maand van het verzoek als het verwachte maandgemiddelde van de komende twaalf maanden.
    """

    def formula(huishouden, period, parameters):
        """URI art. 13: the positive difference of netto-besteedbaar inkomen and kosten van bestaan."""
        return numpy.maximum(0, geld.aftrekken(huishouden("netto_besteedbaar_inkomen", period), huishouden("kosten_van_bestaan", period)))


@zekerheid.volgt(LEZING, wetten.URI_2015, "'ten minste 80 percent' passen wij toe als precies 80 %, naar beneden afgerond "
                 "op hele euro's, zoals Toeslagen maandbedragen in hele euro's vaststelt (IBTD-rapportage 2025)")
class capaciteitstermijn(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Maandbedrag op basis van betalingscapaciteit (80 %, in hele euro's)"
    reference = [wetten.uri("11"), wetten.leidraad("79.8")]
    documentation = """
    80 % van de betalingscapaciteit (URI art. 11 onderdeel b, 2°), naar beneden afgerond op hele euro's:
    zo stelt Toeslagen het maandbedrag vast (IBTD-rapportage 2025: € 395, geen centen). Een
    betalingscapaciteit van precies € 350,00 geeft € 280.
    """

    def formula(huishouden, period, parameters):
        """URI art. 11: "ten minste 80 percent van de betalingscapaciteit is aangewend"."""
        deel = parameters(period).uitvoeringsregeling_invorderingswet.art_11.aanwendbaar_deel
        return geld.naar_beneden_op_euro(geld.maal(huishouden("betalingscapaciteit", period), deel))
