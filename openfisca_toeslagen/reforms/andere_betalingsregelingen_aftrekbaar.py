"""Hervorming andere_betalingsregelingen_aftrekbaar: other running arrangements become deductible."""


from openfisca_toeslagen import geld, wetten
from openfisca_toeslagen.reforms.bouwstenen import Hervorming, breid_formule_uit


def _met_andere_regelingen(huishouden, period, parameters, vorige):
    """Ook de aflossingen in andere lopende betalingsregelingen (overige_aflossingen, bijv. bij een deurwaarder of schuldeiser) komen in mindering."""
    return geld.optellen(vorige, geld.invoer(huishouden, "overige_aflossingen", period))


class andere_betalingsregelingen_aftrekbaar(Hervorming):
    """Andere betalingsregelingen aftrekbaar: wat iemand maandelijks aflost in andere lopende
    betalingsregelingen (bij een deurwaarder, een andere schuldeiser of een kredietverstrekker) komt net als
    de betalingen op belastingschulden (URI art. 15 onderdeel a) op het inkomen in mindering, zodat
    Toeslagen niet meer vraagt dan er na die regelingen over is."""

    def apply(self):
        breid_formule_uit(self, "aftrekbare_uitgaven", _met_andere_regelingen,
                          [wetten.uri("15")])
