"""Household type, kostendelers (Pw art. 19a, 22a), the bijstandsnorm (Pw art. 21–22a) and the kosten van bestaan (URI art. 16)."""

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable, where

from openfisca_toeslagen import geld, geldigheid, wetten, zekerheid
from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import Huishoudtype
from openfisca_toeslagen.motor.keuze import aanvrager_en_partner, aanvrager_of_partner, indien_nodig, kies_lid
from openfisca_toeslagen.variables.persoon import leeftijd_in_maanden
from openfisca_toeslagen.zekerheid import SECUNDAIR, TEKST

URI_16_GERECONSTRUEERD = (
    "de tekst van URI art. 16 na 2015 is niet gevonden. De Regeling kwijtschelding belastingen medeoverheden (2022) "
    "verwijst naar art. 16 lid 2 onderdelen a–d en naar factor B van Pw art. 22a; daaruit en uit normtabellen van "
    "gemeentelijke belastingkantoren (SVHW, Belastingsamenwerking West-Brabant, HHNK) reconstrueren wij: 90 % van de "
    "norm van Pw art. 21, 22 of, met kostendelende medebewoners, 22a, plus de verhoging voor pensioengerechtigden")


@zekerheid.volgt(TEKST, wetten.URI_2015)
class huishoudtype(Variable):
    value_type = Enum
    possible_values = Huishoudtype
    default_value = Huishoudtype.alleenstaande
    entity = Huishouden
    definition_period = MONTH
    label = "Huishoudtype voor de bijstandsnorm"
    reference = [wetten.uri(16), wetten.pw(4), wetten.leidraad("79.8")]
    documentation = """
    Echtgenoten als de aanvrager een toeslagpartner heeft (Awir art. 3, via Leidraad 79.8), anders
    alleenstaande ouder als er een kind tot het huishouden behoort, anders alleenstaande. Ook een partner
    die geen partner was in de periode van de schuld maakt het huishouden tot echtgenoten: Leidraad 79.8
    sluit alleen diens inkomen uit (de alleenstaandennorm van Leidraad 26.2.10 is een kwijtscheldingsregel
    die 79.8 niet van toepassing verklaart). Een huishouden moet precies één aanvrager hebben.
    """

    def formula(huishouden, period, parameters):
        """URI art. 16: echtgenoten, alleenstaande ouder or alleenstaande (Pw art. 3 and 4)."""
        aanvragers = huishouden.nb_persons(Huishouden.AANVRAGER)
        if (aanvragers != 1).any():
            namen = fouten.namen(huishouden, aanvragers != 1)
            raise ValueError(f"een huishouden heeft precies één aanvrager nodig; aanvrager ontbreekt of is dubbel in: {namen}")
        return kies_lid(
            [huishouden.nb_persons(Huishouden.PARTNER) > 0, huishouden.nb_persons(Huishouden.KIND) > 0],
            [Huishoudtype.echtgenoten, Huishoudtype.alleenstaande_ouder],
            Huishoudtype.alleenstaande,
        )


@zekerheid.volgt(TEKST, wetten.PW_TEKSTEN)
class kostendelende_medebewoners(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kostendelende medebewoners (Pw art. 19a)"
    reference = wetten.pw("19a")
    documentation = """
    De medebewoners die kostendelende medebewoner zijn. Een kind van de leeftijdsgrens van art. 19a of ouder
    (27 jaar, tot en met 2022: 21 jaar) hoort als medebewoner (rol kostendeler) in het huishouden: dan hangt af
    van zijn opleiding en overeenkomst of hij meetelt.
    """

    def formula(huishouden, period, parameters):
        """Pw art. 19a: the housemates that are kostendelende medebewoners."""
        grens = parameters(period).participatiewet.art_19a.leeftijd
        kind_te_oud = huishouden.members.has_role(Huishouden.KIND) & (leeftijd_in_maanden(huishouden.members, period) >= grens * 12)
        if kind_te_oud.any():
            raise ValueError(f"een kind van {grens} jaar of ouder kan kostendelende medebewoner zijn (Pw art. 19a): geef het op "
                             f"als medebewoner (rol kostendeler), met zijn opleiding en overeenkomst: {fouten.namen(huishouden.members, kind_te_oud)}")
        return huishouden.sum(huishouden.members("kostendelende_medebewoner", period))


@zekerheid.volgt(SECUNDAIR, wetten.PW_TEKSTEN, "URI art. 16 past de kostendelersnorm toe sinds 2018: " + URI_16_GERECONSTRUEERD)
class kostendelersnorm_van_toepassing(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De kostendelersnorm (Pw art. 22a) bepaalt de kosten van bestaan"
    reference = [wetten.pw("22a"), wetten.uri(16), wetten.rkbm(3)]
    documentation = """
    "Indien de belanghebbende van 21 jaar of ouder een of meer kostendelende medebewoners heeft" (Pw art. 22a lid 1).
    Een aanvrager jonger dan 21 krijgt de norm van art. 21 zonder kostendelers. Echtgenoten van wie één jonger is
    dan 21, met kostendelende medebewoners: de Pw geeft dan een jongerenbedrag (art. 22a lid 3), de URI kent geen
    jongerennormen; dit model rekent dat geval niet en weigert het.
    """

    def formula(huishouden, period, parameters):
        """URI art. 16 lid 2 b and d (reconstructed) with Pw art. 22a lid 1: a belanghebbende of 21 or older with kostendelers."""
        medebewoners = (huishouden.nb_persons(Huishouden.KOSTENDELER) > 0) | (huishouden.nb_persons(Huishouden.KIND) > 0)
        met_kostendelers = indien_nodig(medebewoners, lambda: huishouden("kostendelende_medebewoners", period) > 0, medebewoners)
        van_toepassing = geldigheid.waarde(huishouden, period, "uitvoeringsregeling_invorderingswet.art_16.kostendelersnorm",
                                           met_kostendelers)
        geldt = van_toepassing & met_kostendelers
        aanvrager_jong, partner_jong = indien_nodig(geldt, lambda: aanvrager_en_partner(huishouden, huishouden.members("jonger_dan_21", period)),
                                                    (False, False))
        echtgenoten = huishouden.nb_persons(Huishouden.PARTNER) > 0
        jonge_echtgenoot = geldt & echtgenoten & (aanvrager_jong | partner_jong)
        if jonge_echtgenoot.any():
            raise ValueError("echtgenoten van wie één jonger is dan 21, met kostendelende medebewoners: welke norm dan geldt "
                             f"(Pw art. 22a lid 3 of een volwassenennorm), regelt de URI niet; dit model rekent het niet: {fouten.namen(huishouden, jonge_echtgenoot)}")
        return geldt & ~aanvrager_jong


@zekerheid.volgt(TEKST, wetten.PW_TEKSTEN)
class aantal_kostendelers(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "A: kostendelende medebewoners plus de belanghebbende en zijn echtgenoot (Pw art. 22a)"
    reference = wetten.pw("22a")
    documentation = """
    "A voor het aantal kostendelende medebewoners plus de belanghebbende en zijn echtgenoot van 21 jaar of ouder
    indien hij gehuwd is" (Pw art. 22a lid 1). Alleen van belang als de kostendelersnorm van toepassing is.
    """

    def formula(huishouden, period, parameters):
        """Pw art. 22a lid 1: A."""
        echtgenoot = huishouden.sum(~huishouden.members("jonger_dan_21", period), role=Huishouden.PARTNER)
        return huishouden("kostendelende_medebewoners", period) + 1 + echtgenoot


def _aow(huishouden, period):
    return aanvrager_en_partner(huishouden, huishouden.members("pensioengerechtigd", period))


def norm_zonder_kostendelers(huishouden, period, kies_bedrag, wie):
    """Pw art. 21 a/b or 22 a/b/c for the households `wie`, with the amounts `kies_bedrag(keuzes, anders)` picks (0 elsewhere)."""
    echtgenoten = huishouden("huishoudtype", period) == Huishoudtype.echtgenoten
    aanvrager_aow, partner_aow = _aow(huishouden, period)
    return kies_bedrag([
        (wie & ~echtgenoten & aanvrager_aow, "participatiewet.art_22.alleenstaande"),
        (wie & ~echtgenoten, "participatiewet.art_21.alleenstaande"),
        (wie & aanvrager_aow & partner_aow, "participatiewet.art_22.gehuwden_beiden_pensioengerechtigd"),
        (wie & (aanvrager_aow | partner_aow), "participatiewet.art_22.gehuwden_een_pensioengerechtigd"),
        (wie, "participatiewet.art_21.gehuwden"),
    ], None)


def norm_met_kostendelers(huishouden, period, parameters, kies_bedrag, wie):
    """Pw art. 22a lid 1 and 2 for the households `wie` (0 elsewhere): per echtgenoot (40 % + A × 30 %) / A × B,
    rounded half up to the cent, summed over the echtgenoten; B the couple's norm (21 b, 22 c or 22 b)."""
    echtgenoten = huishouden("huishoudtype", period) == Huishoudtype.echtgenoten
    aanvrager_aow, partner_aow = _aow(huishouden, period)
    b_aanvrager = kies_bedrag([
        (wie & aanvrager_aow, "participatiewet.art_22.gehuwden_beiden_pensioengerechtigd"),  # 22a lid 1 B c
        (wie & echtgenoten & partner_aow, "participatiewet.art_22.gehuwden_een_pensioengerechtigd"),  # B b
        (wie, "participatiewet.art_21.gehuwden"),  # B a
    ], None)
    b_partner = kies_bedrag([
        (wie & echtgenoten & partner_aow, "participatiewet.art_22.gehuwden_beiden_pensioengerechtigd"),
        (wie & echtgenoten & aanvrager_aow, "participatiewet.art_22.gehuwden_een_pensioengerechtigd"),
        (wie & echtgenoten, "participatiewet.art_21.gehuwden"),
    ], None)
    art_22a = parameters(period).participatiewet.art_22a
    a = numpy.maximum(huishouden("aantal_kostendelers", period), 1)
    deel = (art_22a.basis + a * art_22a.per_persoon) / a
    return geld.optellen(geld.half_naar_boven_op_cent(geld.maal(b_aanvrager, deel)),
                         geld.half_naar_boven_op_cent(geld.maal(b_partner, deel)))


def norm_van_huishouden(huishouden, period, parameters, kies_bedrag):
    """The norm URI art. 16 takes for this household: Pw art. 22a with kostendelers, else art. 21 or 22."""
    kostendelers = huishouden("kostendelersnorm_van_toepassing", period)
    zonder = norm_zonder_kostendelers(huishouden, period, kies_bedrag, ~kostendelers)
    met = indien_nodig(kostendelers, lambda: norm_met_kostendelers(huishouden, period, parameters, kies_bedrag, kostendelers))
    return where(kostendelers, met, zonder)


def _kies_geldig(huishouden, period):
    return lambda keuzes, anders: geldigheid.kies(huishouden, period, keuzes, anders)


@zekerheid.volgt(SECUNDAIR, wetten.PW_TEKSTEN, "de formule van Pw art. 22a is in de gelezen teksten een afbeelding die "
                 "ontbreekt; (40 % + A × 30 %) / A × B komt uit Schulinck en klopt tot op de cent met normtabellen van "
                 "gemeenten (Velsen 2024). Afronding per echtgenoot half naar boven op centen: praktijk, geen wettekst")
class kostendelersnorm(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Kostendelersnorm per maand (Pw art. 22a); 0 zonder kostendelende medebewoners"
    reference = [wetten.pw("22a"), wetten.uri(16)]
    documentation = """
    Pw art. 22a lid 1 en 2: per echtgenoot (40 % + A × 30 %) / A × B, met B de gehuwdennorm (21 b, of 22 c als de
    echtgenoot de AOW-leeftijd heeft bereikt, 22 b als de belanghebbende haar heeft bereikt); voor echtgenoten de som.
    """

    def formula(huishouden, period, parameters):
        """Pw art. 22a lid 1 and 2: the norm with kostendelende medebewoners, where it applies."""
        kostendelers = huishouden("kostendelersnorm_van_toepassing", period)
        return indien_nodig(kostendelers, lambda: norm_met_kostendelers(huishouden, period, parameters, _kies_geldig(huishouden, period), kostendelers))


@zekerheid.volgt(TEKST, wetten.PW_TEKSTEN)
class bijstandsnorm(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Toepasselijke bijstandsnorm per maand"
    reference = [wetten.pw(21), wetten.pw(22), wetten.pw("22a"), wetten.uri(16)]
    documentation = """
    De norm die URI art. 16 noemt: Pw art. 21 a/b (tot de AOW-leeftijd), art. 22 a/b/c (AOW-leeftijd: alleenstaande,
    beide echtgenoten, één echtgenoot), of met kostendelende medebewoners de kostendelersnorm van art. 22a. URI
    art. 16 noemt geen jongerennormen (Pw art. 20): ook wie jonger is dan 21 krijgt de norm van art. 21.
    """

    def formula(huishouden, period, parameters):
        """URI art. 16 lid 1 and 2 with Pw art. 21 and 22, or the kostendelersnorm (Pw art. 22a) where it applies."""
        kostendelers = huishouden("kostendelersnorm_van_toepassing", period)
        zonder = norm_zonder_kostendelers(huishouden, period, _kies_geldig(huishouden, period), ~kostendelers)
        return where(kostendelers, indien_nodig(kostendelers, lambda: huishouden("kostendelersnorm", period)), zonder)


@zekerheid.volgt(TEKST, wetten.URI_2015)
class kosten_van_bestaan(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Kosten van bestaan per maand"
    reference = [wetten.uri(16), wetten.rkbm(3)]
    documentation = """
    "90 percent van de bijstandsnorm" (URI art. 16 lid 1 en 2), half naar boven afgerond op centen (90 % van
    € 1.345,45 is € 1.210,905, dus € 1.210,91), "verhoogd" met een vast bedrag als de belastingschuldige of zijn
    echtgenoot de pensioengerechtigde leeftijd heeft bereikt (lid 3). Met kostendelende medebewoners is de norm de
    kostendelersnorm (zie daar hoe zeker dat is). Voor wie in een inrichting is opgenomen (lid 4) rekent dit model niet.
    """

    def formula(huishouden, period, parameters):
        """URI art. 16: 90 % of the applicable norm, plus the supplement at pensionable age (lid 3)."""
        opgenomen = aanvrager_of_partner(huishouden, huishouden.members("opgenomen_in_inrichting", period))
        if opgenomen.any():
            raise ValueError("aanvrager of partner is opgenomen in een inrichting: URI art. 16 lid 4 (prijs van de verzorging plus "
                             f"twee derde van de norm van Pw art. 23) rekent dit model niet: {fouten.namen(huishouden, opgenomen)}")
        percentage = parameters(period).uitvoeringsregeling_invorderingswet.art_16.percentage
        negentig_procent = geld.half_naar_boven_op_cent(geld.maal(huishouden("bijstandsnorm", period), percentage))
        return geld.optellen(negentig_procent, verhoging_pensioengerechtigden(huishouden, period))


def verhoging_pensioengerechtigden(huishouden, period):
    """URI art. 16 lid 3: the supplement when both echtgenoten, or one of them (or the alleenstaande), reached pensionable age."""
    aanvrager_aow, partner_aow = _aow(huishouden, period)
    return geldigheid.kies(huishouden, period, [
        (aanvrager_aow & partner_aow, "uitvoeringsregeling_invorderingswet.art_16.verhoging_beiden_pensioengerechtigd"),
        (aanvrager_aow | partner_aow, "uitvoeringsregeling_invorderingswet.art_16.verhoging_een_pensioengerechtigd"),
    ], None)
