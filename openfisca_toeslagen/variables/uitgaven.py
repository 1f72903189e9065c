"""Outlays: what URI art. 15 deducts, and the real costs the law ignores (shown, never deducted)."""

import numpy
from openfisca_core.model_api import MONTH, Variable, where

from openfisca_toeslagen import geld, geldigheid, wetten
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import Huishoudtype


class huur(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Huur per maand (huurprijs voor huurtoeslag)"
    reference = wetten.uri("15")


class hypotheekrente(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Hypotheekrente voor de eigen woning per maand"
    reference = wetten.uri("15")


class erfpachtcanon(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Erfpachtcanon voor de eigen woning per maand"
    reference = wetten.uri("15")


class betalingen_belastingschulden(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Betalingen op belastingschulden per maand (Belastingdienst, gemeente, waterschap)"
    reference = [wetten.uri("15"), wetten.leidraad("26.2.14")]
    documentation = "URI art. 15 onderdeel a; betalingen op gemeentelijke en waterschapsbelastingen tellen mee (Leidraad 26.2.14)."


class zorgpremie(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Premies zorgverzekering die niet door de werkgever worden ingehouden, per maand"
    reference = wetten.uri("15")


class betaalde_alimentatie(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Betaalde alimentatie per maand"
    reference = [wetten.uri("15"), wetten.leidraad("26.2.16")]
    documentation = "URI art. 15 onderdeel d; ook een door de gemeente gevorderde onderhoudsbijdrage (Leidraad 26.2.16)."


class aflossing_leningen_belastingschulden(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aflossing op leningen die zijn gebruikt om belastingschulden te betalen, per maand"
    reference = wetten.uri("15")


class energiekosten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Energiekosten per maand (niet aftrekbaar)"
    reference = wetten.uri("15")
    documentation = "URI art. 15 noemt energie niet: deze kosten vallen onder de kosten van bestaan. Alleen voor het vrij besteedbare bedrag."


class vervoerskosten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Vervoerskosten per maand (niet aftrekbaar)"
    reference = wetten.uri("15")
    documentation = "URI art. 15 noemt vervoer niet. Alleen voor het vrij besteedbare bedrag."


class auto_nodig_voor_werk(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Zonder auto kan de aanvrager of partner het werk niet bereiken (bijv. geen openbaar vervoer bij ploegendienst)"
    reference = wetten.uri("15")
    documentation = "Het geldende recht houdt hier geen rekening mee (URI art. 15); de hervorming werkelijke_lasten maakt dan de vervoerskosten aftrekbaar."


class overige_aflossingen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Andere betalingsregelingen en aflossingen per maand (niet aftrekbaar), bijv. bij een deurwaarder"
    reference = [wetten.uri("15"), wetten.uri("17")]
    documentation = "Aflossingen op andere dan belastingschulden zijn niet aftrekbaar (URI art. 15). Alleen voor het vrij besteedbare bedrag."


class overige_vaste_lasten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Overige vaste lasten per maand (niet aftrekbaar)"
    reference = wetten.uri("15")
    documentation = "Vallen onder de kosten van bestaan. Alleen voor het vrij besteedbare bedrag."


class netto_woonlasten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Netto-woonlasten: huur, hypotheekrente en erfpachtcanon min ontvangen huurtoeslag"
    reference = wetten.uri("15")

    def formula(huishouden, period, parameters):
        """URI art. 15 b: "netto-woonlasten: de ... huurprijs, dan wel hypotheekrente en erfpachtcanon ... verminderd met de ontvangen huursubsidie"."""
        return geld.aftrekken(
            geld.som(huishouden, ("huur", "hypotheekrente", "erfpachtcanon"), period),
            geld.invoer(huishouden, "ontvangen_huurtoeslag", period))


class aftrekbare_woonlasten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aftrekbare woonlasten"
    reference = [wetten.uri("15"), "https://wetten.overheid.nl/BWBR0008659/2025-01-01#Artikel13",
                 "https://wetten.overheid.nl/BWBR0008659/2025-01-01#Artikel17"]
    documentation = """
    De netto-woonlasten tot maximaal de maximale huurgrens (Wet op de huurtoeslag art. 13 lid 1 a), voor
    zover meer dan de normhuur (art. 17 lid 2). De regeling verwijst nog naar de Huursubsidiewet; wij lezen
    dat als de overeenkomstige bedragen van de Wet op de huurtoeslag.
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 b: netto-woonlasten "tot maximaal" the maximale huurgrens, "voorzover dit meer is dan" the normhuur."""
        geldigheid.controleer(huishouden, period, "wet_op_de_huurtoeslag")
        huurtoeslag = parameters(period).wet_op_de_huurtoeslag
        begrensd = numpy.minimum(geld.centen(huishouden("netto_woonlasten", period)), geld.centen(huurtoeslag.art_13.maximale_huurgrens))
        return numpy.maximum(0, begrensd - geld.centen(huurtoeslag.art_17.normhuur)) / 100


class normpremie_zorg(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Normpremie zorg die in de bijstandsnorm is begrepen"
    reference = wetten.leidraad("26.2.19")

    def formula(huishouden, period, parameters):
        """Leidraad 26.2.19: the normpremie for an alleenstaande (ouder) or for echtgenoten."""
        geldigheid.controleer(huishouden, period, "leidraad_invordering.art_26_2_19")
        normpremie = parameters(period).leidraad_invordering.art_26_2_19
        echtgenoten = huishouden("huishoudtype", period) == Huishoudtype.echtgenoten
        return where(echtgenoten, normpremie.normpremie_echtgenoten, normpremie.normpremie_alleenstaande)


class aftrekbare_zorgpremie(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aftrekbare zorgpremie: het deel boven de normpremie"
    reference = [wetten.uri("15"), wetten.leidraad("26.2.19")]

    def formula(huishouden, period, parameters):
        """URI art. 15 c with Leidraad 26.2.19: premiums not withheld, less the normpremie in the norm."""
        return numpy.maximum(0, geld.aftrekken(geld.invoer(huishouden, "zorgpremie", period), huishouden("normpremie_zorg", period)))


class aftrekbare_uitgaven(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Uitgaven die op het inkomen in mindering komen"
    reference = wetten.uri("15")
    documentation = """
    URI art. 15 a tot en met e: betalingen op belastingschulden, woonlasten, zorgpremie, betaalde
    alimentatie en aflossingen op leningen voor belastingschulden. Onderdeel f (kostgangers) valt buiten
    dit model. Energie, vervoer, andere aflossingen en overige vaste lasten zijn niet aftrekbaar.
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 a–e."""
        return geld.som(huishouden, (
            "betalingen_belastingschulden", "aftrekbare_woonlasten", "aftrekbare_zorgpremie",
            "betaalde_alimentatie", "aflossing_leningen_belastingschulden"), period)
