"""The costs of children (URI art. 15 lid 1 g): the maximum kindgebonden budget (WKB art. 2) minus what is received."""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_toeslagen import geld, geldigheid, wetten, zekerheid
from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.entities import Huishouden, Persoon
from openfisca_toeslagen.enums import Huishoudtype
from openfisca_toeslagen.motor.keuze import indien_nodig
from openfisca_toeslagen.variables.persoon import leeftijd_in_maanden
from openfisca_toeslagen.zekerheid import LEZING, TEKST

WKB = "wet_op_het_kindgebonden_budget.art_2"


@zekerheid.volgt(TEKST, wetten.WKB_TEKSTEN)
class telt_voor_kindgebonden_budget(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Kind waarvoor de ouder aanspraak op kindgebonden budget heeft in deze maand"
    reference = wetten.wkb(2)
    documentation = """
    "... met ingang van de kalendermaand na de maand waarin het kind is geboren ... tot en met de kalendermaand
    waarin het kind de leeftijd van 18 jaar bereikt" (WKB art. 2 lid 1). Alleen kinderen van het huishouden (rol kind).
    """

    def formula(persoon, period, parameters):
        """WKB art. 2 lid 1: from the month after birth up to and including the month of the 18th birthday."""
        kind = persoon.has_role(Huishouden.KIND)
        einde = geldigheid.waarde(persoon, period, f"{WKB}.leeftijd_einde", kind)
        leeftijd = leeftijd_in_maanden(persoon, period)
        return kind & (leeftijd >= 1) & (leeftijd <= einde * 12)


@zekerheid.volgt(LEZING, wetten.WKB_TEKSTEN, "de wet noemt bedragen per jaar en bepaalt de aanspraak per maand: wij nemen "
                 "een twaalfde, half naar boven afgerond op centen. In de maand van de zestiende verjaardag geldt nog de "
                 "verhoging voor 12 tot 16 jaar (lid 4 zegt 'jonger dan 16', lid 5 begint een maand later). De vermogenstoets "
                 "van de WKB laten wij weg: 'toetsingsinkomen buiten beschouwing latend'")
class maximaal_kindgebonden_budget(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Kindgebonden budget waarop het huishouden zonder inkomenstoets recht zou hebben, per maand"
    reference = [wetten.wkb(2), wetten.uri(15)]
    documentation = """
    WKB art. 2: een bedrag voor het eerste, het tweede en elk volgend kind (vanaf 2024 gelijk), een verhoging voor een
    kind vanaf de maand na zijn twaalfde en een hogere vanaf de maand na zijn zestiende verjaardag, en een verhoging
    voor de ouder die geen partner heeft. Het inkomen telt niet ("zijn toetsingsinkomen buiten beschouwing latend",
    URI art. 15 lid 1 g).
    """

    def formula(huishouden, period, parameters):
        """WKB art. 2 lid 2–6, without the income taper of lid 7 and 8, per month."""
        kinderen = huishouden.members("telt_voor_kindgebonden_budget", period)
        aantal = huishouden.sum(kinderen)
        leeftijd = leeftijd_in_maanden(huishouden.members, period)
        zestien = kinderen & (leeftijd > geldigheid.waarde(huishouden.members, period, f"{WKB}.leeftijd_verhoging_16", kinderen) * 12)
        twaalf = kinderen & (leeftijd > geldigheid.waarde(huishouden.members, period, f"{WKB}.leeftijd_verhoging_12", kinderen) * 12) & ~zestien
        aantal_12, aantal_16 = huishouden.sum(twaalf), huishouden.sum(zestien)
        zonder_partner = huishouden("huishoudtype", period) != Huishoudtype.echtgenoten

        def bedrag(naam, wie):
            return geldigheid.waarde(huishouden, period, f"{WKB}.{naam}", wie)

        per_jaar = geld.optellen(
            bedrag("eerste_kind", aantal >= 1) * (aantal >= 1),
            bedrag("tweede_kind", aantal >= 2) * (aantal >= 2),
            bedrag("derde_en_volgende_kind", aantal >= 3) * numpy.maximum(aantal - 2, 0),
            bedrag("verhoging_12_tot_16", aantal_12 > 0) * aantal_12,
            bedrag("verhoging_16_en_17", aantal_16 > 0) * aantal_16,
            bedrag("alleenstaande_ouder", zonder_partner & (aantal >= 1)) * (zonder_partner & (aantal >= 1)),
        )
        return geld.half_naar_boven_op_cent(geld.centen(per_jaar) / 12)


@zekerheid.volgt(TEKST, wetten.URI_2015)
class kosten_kinderen(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Uitgaven voor het levensonderhoud van kinderen"
    reference = [wetten.uri(15), wetten.wkb(2)]
    documentation = """
    "uitgaven voor het levensonderhoud van kinderen, vastgesteld op het verschil tussen het maximale bedrag waarop de
    belastingschuldige, zijn toetsingsinkomen buiten beschouwing latend, op grond van artikel 2 van de Wet op het
    kindgebonden budget aanspraak zou kunnen maken en het bedrag van de krachtens die wet te ontvangen kindgebonden
    budget" (URI art. 15 lid 1 g). Nooit negatief.
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 lid 1 g: maximum kindgebonden budget minus the kindgebonden budget received."""
        ontvangen = geld.invoer(huishouden, "ontvangen_kindgebonden_budget", period)
        zonder_kinderen = (ontvangen > 0) & (huishouden.nb_persons(Huishouden.KIND) == 0)
        if zonder_kinderen.any():
            raise ValueError(f"ontvangen_kindgebonden_budget zonder kind in het huishouden: {fouten.namen(huishouden, zonder_kinderen)}")
        met_kinderen = huishouden.nb_persons(Huishouden.KIND) > 0
        maximaal = indien_nodig(met_kinderen, lambda: huishouden("maximaal_kindgebonden_budget", period))
        return numpy.maximum(0, geld.aftrekken(maximaal, ontvangen))
