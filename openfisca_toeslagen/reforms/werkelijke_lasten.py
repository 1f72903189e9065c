"""Hervorming werkelijke_lasten: energy above a normal amount, and transport when a car is needed for work."""

import numpy
from openfisca_core.model_api import MONTH, where

from openfisca_toeslagen import geld, geldigheid, wetten
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import Huishoudtype
from openfisca_toeslagen.reforms.bouwstenen import Hervorming, breid_formule_uit, hervorming, laad_parameters

URI_15 = wetten.uri("15")
PAD = "hervormingen.werkelijke_lasten"


@hervorming("werkelijke_lasten", wetten.URI_2015)
class aftrekbare_energiekosten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Energiekosten boven het normale bedrag voor dit huishoudtype (hervorming werkelijke_lasten)"
    reference = URI_15

    def formula(huishouden, period, parameters):
        """Het deel van de energiekosten boven de normale energiekosten van het huishoudtype."""
        type_ = huishouden("huishoudtype", period)
        norm = geldigheid.kies(huishouden, period, [
            (type_ == Huishoudtype.echtgenoten, f"{PAD}.normale_energiekosten.echtgenoten"),
            (type_ == Huishoudtype.alleenstaande_ouder, f"{PAD}.normale_energiekosten.alleenstaande_ouder"),
        ], f"{PAD}.normale_energiekosten.alleenstaande")
        return numpy.maximum(0, geld.aftrekken(geld.invoer(huishouden, "energiekosten", period), norm))


@hervorming("werkelijke_lasten", wetten.URI_2015)
class aftrekbare_vervoerskosten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Vervoerskosten als een auto nodig is voor het werk (hervorming werkelijke_lasten)"
    reference = URI_15

    def formula(huishouden, period, parameters):
        """De vervoerskosten, als de aanvrager of partner zonder auto het werk niet kan bereiken."""
        return where(huishouden("auto_nodig_voor_werk", period), geld.invoer(huishouden, "vervoerskosten", period), 0)


def _met_werkelijke_lasten(huishouden, period, parameters, vorige):
    """Ook de energiekosten boven het normale bedrag en de vervoerskosten voor een auto die nodig is voor het werk komen in mindering."""
    return geld.optellen(vorige, huishouden("aftrekbare_energiekosten", period), huishouden("aftrekbare_vervoerskosten", period))


class werkelijke_lasten(Hervorming):
    """Werkelijke lasten: energiekosten boven een normaal bedrag voor het huishoudtype (het gemiddelde
    van het CBS) en de vervoerskosten van wie zonder auto het werk niet kan bereiken, komen op het inkomen
    in mindering, zoals bij Mark (IBTD-rapportage 2025: een warmtenet van € 295 per maand en een auto
    voor de ploegendienst). Het geldende recht rekent beide tot de kosten van bestaan (URI art. 15)."""

    def apply(self):
        laad_parameters(self, "werkelijke_lasten")
        self.add_variable(aftrekbare_energiekosten)
        self.add_variable(aftrekbare_vervoerskosten)
        breid_formule_uit(self, "aftrekbare_uitgaven", _met_werkelijke_lasten, [URI_15])
