"""Hervorming inflatie_geindexeerde_norm: kosten van bestaan never below the base date's, indexed with the CPI."""

import datetime

import numpy

from openfisca_toeslagen import geld, geldigheid, wetten
from openfisca_toeslagen.reforms.bouwstenen import Hervorming, breid_formule_uit, laad_parameters
from openfisca_toeslagen.variables.kosten_van_bestaan import norm_van_huishouden, verhoging_pensioengerechtigden

PAD = "hervormingen.inflatie_geindexeerde_norm"


def indexfactor(huishouden, basisdatum, period):
    """Product of (1 + yearly CPI change) over the calendar years from the base date's year to the year before `period`."""
    factor = 1.0
    for jaar in range(int(basisdatum[:4]), period.start.year):
        factor *= 1 + geldigheid.waarde(huishouden, period, f"{PAD}.consumentenprijsindex", op=f"{jaar}-01-01")
    return factor


def _ten_minste_geindexeerd(huishouden, period, parameters, vorige):
    """Ten minste het percentage van URI art. 16 van de bijstandsnorm die op de basisdatum voor dit huishouden gold, verhoogd met de jaarlijkse stijging van de consumentenprijsindex (CBS) van elk kalenderjaar vanaf het jaar van de basisdatum tot het jaar vóór de berekende maand; half naar boven afgerond op centen, plus de verhoging voor pensioengerechtigden (URI art. 16 lid 3). Vóór de basisdatum geldt het geldende recht."""
    basisdatum = parameters(period).hervormingen.inflatie_geindexeerde_norm.basisdatum
    try:
        datetime.date.fromisoformat(basisdatum)
    except (TypeError, ValueError):
        raise ValueError(f"{PAD}.basisdatum {basisdatum!r} is geen datum van de vorm JJJJ-MM-DD") from None
    if str(period.start) < basisdatum:
        return vorige  # before the base date there is nothing to index: current law
    def bedrag_op_basisdatum(keuzes, anders):
        return geldigheid.kies(huishouden, period, keuzes, anders, op=basisdatum)

    basisnorm = norm_van_huishouden(huishouden, period, parameters, bedrag_op_basisdatum)
    percentage = parameters(period).uitvoeringsregeling_invorderingswet.art_16.percentage
    factor = indexfactor(huishouden, basisdatum, period) * percentage
    geindexeerd = geld.optellen(geld.half_naar_boven_op_cent(geld.maal(basisnorm, factor)),
                                verhoging_pensioengerechtigden(huishouden, period))
    return numpy.maximum(geld.centen(vorige), geld.centen(geindexeerd)) / 100


class inflatie_geindexeerde_norm(Hervorming):
    """Inflatiegeïndexeerde norm: de kosten van bestaan zijn ten minste de kosten van bestaan op een
    basisdatum (standaard 2021-01-01), verhoogd met de inflatie (consumentenprijsindex van het CBS) sinds
    dat jaar. Zo blijft de koopkracht van wat iemand mag houden ten minste die van de basisdatum. Is het
    bedrag volgens het geldende recht hoger, dan blijft dat gelden: de hervorming verlaagt nooit."""

    def apply(self):
        laad_parameters(self, "inflatie_geindexeerde_norm")
        breid_formule_uit(self, "kosten_van_bestaan", _ten_minste_geindexeerd, [wetten.uri("16")])
