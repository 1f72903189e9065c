"""Vermogen (URI art. 12 with Leidraad 26.2.2, 26.2.3 and the deviation of Leidraad 79.8)."""

import numpy
from openfisca_core.model_api import MONTH, Variable, where

from openfisca_toeslagen import geld, geldigheid, wetten, zekerheid
from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.motor.keuze import indien_nodig
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.variables.persoon import aanvrager_of_partner_lid
from openfisca_toeslagen.zekerheid import LEZING, TEKST

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
    documentation = """
    Een auto die absoluut onmisbaar is voor het beroep of wegens invaliditeit of ziekte, telt niet als vermogen,
    wat hij ook waard is (Leidraad 26.2.3; URI art. 12 lid 2 b). Anders telt een auto boven de grens voor de volle waarde.
    """


class financiele_middelen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Financiële middelen (banktegoeden, contant geld)"
    reference = wetten.uri("12")
    documentation = _VERMOGEN


class studielening_op_rekening(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Deel van de financiële middelen dat als studielening (studiefinanciering of WTOS) is ontvangen"
    reference = wetten.uri("12")
    documentation = """
    "het bedrag op een bank- of girorekening dat in het kader van de Wet studiefinanciering 2000 of de Wet
    tegemoetkoming onderwijsbijdrage en schoolkosten is verkregen in de vorm van leningen" is geen bezitting (URI art.
    12 lid 2 e). Een deel van de financiële middelen, dus nooit meer dan die.
    """


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
    documentation = "Gaan af van de bezittingen (URI art. 12 lid 1)."


@zekerheid.volgt(TEKST, wetten.URI_2015)
class vrijgestelde_financiele_middelen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Financiële middelen die niet als vermogen tellen"
    reference = wetten.uri("12")
    documentation = """
    URI art. 12 lid 2 d: "het totale bedrag aan financiële middelen ... voor zover dat bedrag de ingevolge artikel 16
    in aanmerking te nemen kosten van bestaan vermeerderd met ... de uitgaven bedoeld in artikel 15, eerste lid,
    onderdelen b en c, niet te boven gaat, met dien verstande dat geen rekening wordt gehouden met de in die onderdelen
    bedoelde vermindering met ontvangen huurtoeslag ... onderscheidenlijk zorgtoeslag"; lid 2 f: € 2269 extra per
    persoon (aanvrager of partner) die op 31 december 1999 65 jaar was.
    """

    def formula(huishouden, period, parameters):
        """URI art. 12 lid 2 d and f."""
        art_12 = parameters(period).uitvoeringsregeling_invorderingswet.art_12
        geboren = huishouden.members("geboortedatum", period).astype("datetime64[Y]").astype(int) + 1970
        oud = (geboren <= art_12.financiele_middelen_65_plus_geboren_uiterlijk) & aanvrager_of_partner_lid(huishouden.members)
        return geld.optellen(
            huishouden("kosten_van_bestaan", period),
            huishouden("aftrekbare_woonlasten_zonder_huurtoeslag", period),
            huishouden("aftrekbare_zorgpremie_zonder_zorgtoeslag", period),
            huishouden.sum(oud) * art_12.financiele_middelen_65_plus,
        )


@zekerheid.volgt(LEZING, wetten.URI_2015, "Leidraad 26.2.3 (2026) telt een auto boven € 3350 voor de volle waarde; de "
                 "regeling zelf noemt € 2269. Welke schulden 'hoger bevoorrecht' zijn, vult de invoer in")
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
    de grens telt de volle waarde), studieleningen op de rekening (lid 2 e) en financiële middelen tot de
    vrijstelling (lid 2 d en f); verminderd met bevoorrechte schulden (Leidraad 79.8). Nooit negatief. Een
    levensloopvoorziening (lid 2 g) is er sinds het einde van het overgangsrecht van de levensloopregeling (2021) niet meer.
    """

    def formula(huishouden, period, parameters):
        """URI art. 12 with Leidraad 26.2.2, 26.2.3 and 79.8."""
        art_12 = "uitvoeringsregeling_invorderingswet.art_12"
        inboedel = geld.invoer(huishouden, "inboedel_waarde", period)
        boven_vrijstelling = numpy.maximum(0, geld.aftrekken(inboedel, geldigheid.waarde(huishouden, period, f"{art_12}.inboedel_vrijstelling", inboedel > 0)))
        if not geldigheid.waarde(huishouden, period, f"{art_12}.inboedel_alleen_deel_boven_vrijstelling", boven_vrijstelling > 0):
            boven_vrijstelling = where(boven_vrijstelling > 0, inboedel, 0)
        auto = geld.invoer(huishouden, "auto_waarde", period)
        onmisbaar = huishouden("auto_onmisbaar", period)
        grens = geldigheid.waarde(huishouden, period, "leidraad_invordering.art_26_2_3.auto_grens", (auto > 0) & ~onmisbaar)
        auto = where(onmisbaar | (auto <= grens), 0, auto)
        middelen = geld.invoer(huishouden, "financiele_middelen", period)
        studielening = geld.invoer(huishouden, "studielening_op_rekening", period)
        te_veel = studielening > middelen
        if te_veel.any():
            raise ValueError(f"studielening_op_rekening is meer dan financiele_middelen, waar het deel van is: {fouten.namen(huishouden, te_veel)}")
        middelen = geld.aftrekken(middelen, studielening)
        vrijgesteld = indien_nodig(middelen > 0, lambda: huishouden("vrijgestelde_financiele_middelen", period))
        financieel = numpy.maximum(0, geld.aftrekken(middelen, vrijgesteld))
        bezittingen = geld.optellen(boven_vrijstelling, auto, financieel, geld.invoer(huishouden, "overige_bezittingen", period))
        return numpy.maximum(0, geld.aftrekken(bezittingen, geld.invoer(huishouden, "bevoorrechte_schulden", period)))
