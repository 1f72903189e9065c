"""Vermogen (URI art. 12 with Leidraad 26.2.2, 26.2.3 and the deviation of Leidraad 79.8)."""

import numpy
from openfisca_core.model_api import MONTH, Variable, where

from openfisca_toeslagen import geld, wetten
from openfisca_toeslagen.entities import Huishouden

_VERMOGEN = "Vermogen van aanvrager en partner samen op het moment van het verzoek"


class inboedel_waarde(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Waarde van de inboedel bij gedwongen verkoop"
    reference = [wetten.uri("12"), wetten.leidraad("26.2.2")]
    documentation = _VERMOGEN


class auto_waarde(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Waarde van de auto: wat de autohandel bij inkoop zou betalen, na aftrek van een financieringsschuld"
    reference = [wetten.uri("12"), wetten.leidraad("26.2.3")]
    documentation = _VERMOGEN


class auto_onmisbaar(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De auto is absoluut onmisbaar voor het beroep of wegens invaliditeit of ziekte"
    reference = [wetten.uri("12"), wetten.leidraad("26.2.3")]


class financiele_middelen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Financiële middelen (banktegoeden, contant geld)"
    reference = wetten.uri("12")
    documentation = _VERMOGEN


class overige_bezittingen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Overige bezittingen (waarde in het economische verkeer), zoals een woning of effecten"
    reference = [wetten.uri("12"), wetten.leidraad("26.2.5")]
    documentation = _VERMOGEN


class bevoorrechte_schulden(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Schulden die hoger bevoorrecht zijn dan de rijksbelastingen (zoals belastingschulden)"
    reference = [wetten.uri("12"), wetten.leidraad("79.8")]


class vrijgestelde_financiele_middelen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Financiële middelen die niet als vermogen tellen"
    reference = wetten.uri("12")
    documentation = """
    URI art. 12 lid 2 d: tot de kosten van bestaan plus de aftrekbare woonlasten en zorgpremie van één
    maand (art. 15 b en c); lid 2 f: € 2269 extra per persoon (aanvrager of partner) die op 31 december
    1999 65 jaar was.
    """

    def formula(huishouden, period, parameters):
        """URI art. 12 lid 2 d and f."""
        art_12 = parameters(period).uitvoeringsregeling_invorderingswet.art_12
        geboren = huishouden.members("geboortedatum", period).astype("datetime64[Y]").astype(int) + 1970
        oud = (geboren <= art_12.financiele_middelen_65_plus_geboren_uiterlijk) & ~huishouden.members.has_role(Huishouden.KIND)
        return geld.optellen(
            huishouden("kosten_van_bestaan", period),
            huishouden("aftrekbare_woonlasten", period),
            huishouden("aftrekbare_zorgpremie", period),
            huishouden.sum(oud) * art_12.financiele_middelen_65_plus,
        )


class vermogen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen dat voor de schuld kan worden aangewend"
    reference = [wetten.uri("12"), wetten.leidraad("26.2.2"), wetten.leidraad("26.2.3"), wetten.leidraad("79.8")]
    documentation = """
    Bezittingen van aanvrager en partner (URI art. 12 lid 1), zonder: de inboedel tot € 2269 (lid 2 a: alleen
    het deel daarboven telt, "voor zover"), een auto tot € 3350 of een onmisbare auto (Leidraad 26.2.3: boven
    de grens telt de volle waarde), financiële middelen tot de vrijstelling (lid 2 d en f); verminderd met
    bevoorrechte schulden (Leidraad 79.8). Nooit negatief.
    """

    def formula(huishouden, period, parameters):
        """URI art. 12 with Leidraad 26.2.2, 26.2.3 and 79.8."""
        p = parameters(period)
        inboedel = numpy.maximum(0, geld.aftrekken(
            geld.invoer(huishouden, "inboedel_waarde", period), p.uitvoeringsregeling_invorderingswet.art_12.inboedel_vrijstelling))
        auto = geld.invoer(huishouden, "auto_waarde", period)
        auto = where(huishouden("auto_onmisbaar", period) | (auto <= p.leidraad_invordering.art_26_2_3.auto_grens), 0, auto)
        middelen = geld.invoer(huishouden, "financiele_middelen", period)
        # The exemption is calculated only when some household has financial means: without them it changes nothing.
        vrijgesteld = huishouden("vrijgestelde_financiele_middelen", period) if middelen.any() else 0
        financieel = numpy.maximum(0, geld.aftrekken(middelen, vrijgesteld))
        bezittingen = geld.optellen(inboedel, auto, financieel, geld.invoer(huishouden, "overige_bezittingen", period))
        return numpy.maximum(0, geld.aftrekken(bezittingen, geld.invoer(huishouden, "bevoorrechte_schulden", period)))
