"""Outlays: what URI art. 15 deducts, and the real costs the law ignores (shown, never deducted)."""

import numpy
from openfisca_core.model_api import MONTH, Variable, where

from openfisca_toeslagen import geld, geldigheid, wetten, zekerheid
from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import Huishoudtype
from openfisca_toeslagen.motor.keuze import indien_nodig
from openfisca_toeslagen.zekerheid import SECUNDAIR, TEKST

URI_15 = "uitvoeringsregeling_invorderingswet.art_15"


class huur(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Huur per maand (huurprijs voor huurtoeslag)"
    reference = wetten.uri("15")
    documentation = "De huurprijs van Wet op de huurtoeslag art. 5 lid 1 (URI art. 15 lid 3), voor de hele woning."


class hypotheekrente(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Hypotheekrente voor de eigen woning per maand"
    reference = wetten.uri("15")
    documentation = "Hypotheekrente voor de woning die de belastingschuldige bewoont (URI art. 15 lid 3)."


class erfpachtcanon(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Erfpachtcanon voor de eigen woning per maand"
    reference = wetten.uri("15")
    documentation = "Erfpachtcanon voor de woning die de belastingschuldige bewoont (URI art. 15 lid 3)."


class betalingen_belastingschulden(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Betalingen op belastingschulden per maand (Belastingdienst, gemeente, waterschap)"
    reference = [wetten.uri("15"), wetten.leidraad("26.2.14")]
    documentation = "URI art. 15 lid 1 a; betalingen op gemeentelijke en waterschapsbelastingen tellen mee (Leidraad 26.2.14)."


class betalingen_toeslagschulden(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Betalingen per maand op andere terugvorderingen van toeslagen (niet in dit verzoek)"
    reference = wetten.uri("15")
    documentation = """
    "betalingen op terugvorderingen van tegemoetkomingen" van de Awir (URI art. 15 lid 1 a), bijvoorbeeld een lopende
    regeling of verrekening voor een terugvordering die niet in dit verzoek zit. Niet de terugvorderingen van dit verzoek.
    """


class zorgpremie(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Premies zorgverzekering die niet door de werkgever worden ingehouden, per maand"
    reference = wetten.uri("15")
    documentation = "Zorgverzekeringswet en Wet langdurige zorg (URI art. 15 lid 1 c); de ontvangen zorgtoeslag gaat ervan af."


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
    documentation = "URI art. 15 lid 1 e: alleen voor zover de lening is gebruikt om belastingschulden te betalen."


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
    documentation = ("Het geldende recht houdt hier geen rekening mee (URI art. 15); het beleidsalternatief 'Werkelijke lasten' "
                     "maakt dan de vervoerskosten aftrekbaar.")


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


class kosten_kostgangers(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Kosten van het houden van kostgangers per maand"
    reference = wetten.uri("15")
    documentation = "URI art. 15 lid 1 f. Wat de kostgangers betalen is inkomen: vul het in bij de overige inkomsten."


class dagen_met_kostgangers(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal dagen in de maand met kostgangers in huis (een volle maand: 30)"
    reference = wetten.uri("15")
    documentation = "URI art. 15 lid 1 f: \"bij de bepaling van het aantal dagen [wordt] een volle maand op 30 dagen ... gesteld\"."


class aantal_kostgangers(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kostgangers"
    reference = wetten.uri("15")
    documentation = ("Telt alleen in de andere lezing van URI art. 15 lid 1 f, waarin het maximum per kostganger geldt "
                     "(de lezing 'kostgangers per kostganger').")


@zekerheid.volgt(TEKST, wetten.URI_2015)
class netto_woonlasten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Netto-woonlasten: huur, hypotheekrente en erfpachtcanon min ontvangen huurtoeslag"
    reference = wetten.uri("15")
    documentation = """
    "de op de belastingschuldige drukkende huurprijs ... dan wel hypotheekrente en erfpachtcanon ... verminderd met de
    te ontvangen huurtoeslag" (URI art. 15 lid 3).
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 lid 3: rent, or mortgage interest and ground rent, less the huurtoeslag received."""
        return geld.aftrekken(woonlasten_zonder_huurtoeslag(huishouden, period), geld.invoer(huishouden, "ontvangen_huurtoeslag", period))


def woonlasten_zonder_huurtoeslag(huishouden, period):
    """Rent, mortgage interest and ground rent: the woonlasten before the huurtoeslag."""
    return geld.som(huishouden, ("huur", "hypotheekrente", "erfpachtcanon"), period)


@zekerheid.volgt(SECUNDAIR, wetten.URI_2015, "de deling over kostendelers staat niet in een tekst die wij konden lezen; "
                 "SVHW: 'Als er sprake is van kostendelers, dan moeten we de aftrekbare woonlasten delen door het aantal "
                 "kostendelers. Is er sprake van de categorie echtgenoten/samenwonend, dan wordt de uitkomst verdubbeld.'")
class aandeel_woonlasten(Variable):
    value_type = float
    default_value = 1.0
    entity = Huishouden
    definition_period = MONTH
    label = "Deel van de woonlasten dat voor rekening van de belastingschuldige (en zijn echtgenoot) komt"
    reference = [wetten.uri("15"), wetten.pw("22a")]
    documentation = """
    "de voor rekening van de belastingschuldige komende nettowoonlasten" (URI art. 15 lid 1 b): zonder kostendelers
    alles, met kostendelers 1/A voor een alleenstaande en 2/A voor echtgenoten (A van Pw art. 22a).
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 lid 1 b with the kostendelersnorm: (1 or 2) / A of the woonlasten."""
        kostendelers = huishouden("kostendelersnorm_van_toepassing", period)
        echtgenoten = huishouden("huishoudtype", period) == Huishoudtype.echtgenoten
        a = indien_nodig(kostendelers, lambda: numpy.maximum(huishouden("aantal_kostendelers", period), 1), 1)
        return where(kostendelers, (1 + echtgenoten) / a, 1.0)


def aftrekbare_woonlasten_van(huishouden, period, netto):
    """URI art. 15 lid 1 b for netto woonlasten `netto`: the household's share, at most the maximale huurgrens, above the normhuur."""
    kostendelers = huishouden("kostendelersnorm_van_toepassing", period)
    aandeel = indien_nodig(kostendelers, lambda: huishouden("aandeel_woonlasten", period), 1.0)
    wie = netto > 0
    delen_na_normhuur = geldigheid.waarde(huishouden, period, "uitvoeringsregeling_invorderingswet.art_15.woonlasten_delen_na_normhuur",
                                          wie & (aandeel < 1))
    maximum = geld.centen(geldigheid.waarde(huishouden, period, "wet_op_de_huurtoeslag.art_13.maximale_huurgrens", wie))
    normhuur = geld.centen(geldigheid.waarde(huishouden, period, "wet_op_de_huurtoeslag.art_17.normhuur", wie))
    if delen_na_normhuur:
        boven_normhuur = numpy.maximum(0, numpy.minimum(geld.centen(netto), maximum) - normhuur) / 100
        return geld.half_naar_boven_op_cent(geld.maal(boven_normhuur, aandeel))
    eigen_deel = geld.centen(geld.half_naar_boven_op_cent(geld.maal(netto, aandeel)))
    return numpy.maximum(0, numpy.minimum(eigen_deel, maximum) - normhuur) / 100


@zekerheid.volgt(TEKST, wetten.URI_2015)
class aftrekbare_woonlasten(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aftrekbare woonlasten"
    reference = [wetten.uri("15"), wetten.wht(13), wetten.wht(17)]
    documentation = """
    "het bedrag van de voor rekening van de belastingschuldige komende nettowoonlasten tot maximaal het bedrag, genoemd
    in artikel 13, eerste lid, onderdeel a, van de Wet op de huurtoeslag, voorzover dit meer is dan het bedrag, genoemd
    in artikel 17, tweede lid, van die wet" (URI art. 15 lid 1 b). Met kostendelers: het aandeel in de woonlasten daarvan,
    half naar boven afgerond op centen.
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 lid 1 b: netto-woonlasten up to the maximale huurgrens, above the normhuur."""
        return aftrekbare_woonlasten_van(huishouden, period, huishouden("netto_woonlasten", period))


@zekerheid.volgt(TEKST, wetten.URI_2015)
class aftrekbare_woonlasten_zonder_huurtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aftrekbare woonlasten zonder vermindering met huurtoeslag (voor de vrijgestelde financiële middelen)"
    reference = [wetten.uri("12"), wetten.uri("15")]
    documentation = """
    URI art. 12 lid 2 d: de uitgaven van art. 15 lid 1 b, "met dien verstande dat geen rekening wordt gehouden met de in
    die onderdelen bedoelde vermindering met ontvangen huurtoeslag".
    """

    def formula(huishouden, period, parameters):
        """URI art. 12 lid 2 d: art. 15 lid 1 b without subtracting the huurtoeslag."""
        return aftrekbare_woonlasten_van(huishouden, period, woonlasten_zonder_huurtoeslag(huishouden, period))


@zekerheid.volgt(TEKST, wetten.LEIDRAAD_2026_TEKST)
class normpremie_zorg(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Normpremie zorg die in de bijstandsnorm is begrepen"
    reference = [wetten.uri("15"), wetten.leidraad("26.2.19")]
    documentation = """
    "de normpremie, bedoeld in artikel 2 van de Wet op de zorgtoeslag, voor zover reeds begrepen in de bijstandsnorm"
    (URI art. 15 lid 1 c): voor een alleenstaande (ouder) of voor echtgenoten (Leidraad 26.2.19).
    """

    def formula(huishouden, period, parameters):
        """Leidraad 26.2.19: the normpremie for an alleenstaande (ouder) or for echtgenoten."""
        # The normpremie is deducted from "de niet door de werkgever ingehouden premies": only where such a premium is paid.
        telt = geld.invoer(huishouden, "zorgpremie", period) > 0
        echtgenoten = huishouden("huishoudtype", period) == Huishoudtype.echtgenoten
        return geldigheid.kies(huishouden, period, [
            (echtgenoten & telt, "leidraad_invordering.art_26_2_19.normpremie_echtgenoten"),
            (telt, "leidraad_invordering.art_26_2_19.normpremie_alleenstaande"),
        ], None)


def aftrekbare_zorgpremie_van(huishouden, period, zorgtoeslag):
    """URI art. 15 lid 1 c: the premiums less the normpremie and `zorgtoeslag`; not below 0 in the reading chosen."""
    rest = geld.aftrekken(geld.aftrekken(geld.invoer(huishouden, "zorgpremie", period), huishouden("normpremie_zorg", period)), zorgtoeslag)
    niet_onder_nul = geldigheid.waarde(huishouden, period, f"{URI_15}.zorgpremie_niet_onder_nul", rest < 0)
    return numpy.maximum(0, rest) if niet_onder_nul else rest


@zekerheid.volgt(TEKST, wetten.URI_2015)
class aftrekbare_zorgpremie(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aftrekbare zorgpremie: premie min normpremie min zorgtoeslag"
    reference = [wetten.uri("15"), wetten.leidraad("26.2.19")]
    documentation = """
    "de niet door de werkgever ingehouden premies ... verminderd met de normpremie ... en met de krachtens de Wet op de
    zorgtoeslag ontvangen zorgtoeslag" (URI art. 15 lid 1 c). Niet negatief (een parameter legt die keuze vast).
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 lid 1 c: premiums not withheld, less the normpremie in the norm and the zorgtoeslag received."""
        return aftrekbare_zorgpremie_van(huishouden, period, geld.invoer(huishouden, "ontvangen_zorgtoeslag", period))


@zekerheid.volgt(TEKST, wetten.URI_2015)
class aftrekbare_zorgpremie_zonder_zorgtoeslag(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aftrekbare zorgpremie zonder vermindering met zorgtoeslag (voor de vrijgestelde financiële middelen)"
    reference = [wetten.uri("12"), wetten.uri("15")]
    documentation = """
    URI art. 12 lid 2 d: de uitgaven van art. 15 lid 1 c, "met dien verstande dat geen rekening wordt gehouden met de in
    die onderdelen bedoelde vermindering met ... zorgtoeslag".
    """

    def formula(huishouden, period, parameters):
        """URI art. 12 lid 2 d: art. 15 lid 1 c without subtracting the zorgtoeslag."""
        return aftrekbare_zorgpremie_van(huishouden, period, 0)


@zekerheid.volgt(TEKST, wetten.URI_2015)
class aftrekbare_kosten_kostgangers(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Aftrekbare kosten van het houden van kostgangers"
    reference = wetten.uri("15")
    documentation = """
    "de met het houden van kostgangers verbonden kosten tot een totaal van € 10,45 per dag, met dien verstande dat bij
    de bepaling van het aantal dagen een volle maand op 30 dagen wordt gesteld" (URI art. 15 lid 1 f).
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 lid 1 f: the costs, at most the daily amount times the days (per kostganger in the other reading)."""
        dagen_volle_maand = parameters(period).uitvoeringsregeling_invorderingswet.art_15.dagen_volle_maand
        kosten = geld.invoer(huishouden, "kosten_kostgangers", period)
        dagen = huishouden("dagen_met_kostgangers", period)
        aantal = huishouden("aantal_kostgangers", period)
        for fout, masker in (
            (f"dagen_met_kostgangers moet 0 tot en met {dagen_volle_maand} zijn", (dagen < 0) | (dagen > dagen_volle_maand)),
            ("aantal_kostgangers mag niet negatief zijn", aantal < 0),
            ("kosten_kostgangers zonder dagen_met_kostgangers en aantal_kostgangers", (kosten > 0) & ((dagen == 0) | (aantal == 0))),
        ):
            if masker.any():
                raise ValueError(f"{fout}: {fouten.namen(huishouden, masker)}")
        per_kostganger = geldigheid.waarde(huishouden, period, f"{URI_15}.kostgangers_per_kostganger", (kosten > 0) & (aantal > 1))
        per_dag = geldigheid.waarde(huishouden, period, f"{URI_15}.kostgangers_per_dag", kosten > 0)
        grens = geld.centen(per_dag) * dagen * numpy.where(per_kostganger, aantal, numpy.minimum(aantal, 1))
        return numpy.minimum(geld.centen(kosten), grens) / 100


@zekerheid.volgt(TEKST, wetten.URI_2015)
class aftrekbare_uitgaven(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Uitgaven die op het inkomen in mindering komen"
    reference = [wetten.uri("15"), wetten.leidraad("26.2.14"), wetten.leidraad("26.2.16")]
    documentation = """
    URI art. 15 lid 1: a. betalingen op belastingschulden en op terugvorderingen van toeslagen, b. woonlasten,
    c. zorgpremie, d. betaalde alimentatie, e. aflossingen op leningen voor belastingschulden, f. kosten van
    kostgangers, g. kosten van kinderen. Energie, vervoer, andere aflossingen en overige vaste lasten zijn niet aftrekbaar.
    """

    def formula(huishouden, period, parameters):
        """URI art. 15 lid 1 a–g."""
        toeslagschulden = geld.invoer(huishouden, "betalingen_toeslagschulden", period)
        if not geldigheid.waarde(huishouden, period, f"{URI_15}.betalingen_toeslagschulden_aftrekbaar", toeslagschulden > 0):
            toeslagschulden = 0
        kostgangers = (geld.invoer(huishouden, "kosten_kostgangers", period) > 0) | (huishouden("dagen_met_kostgangers", period) != 0) \
            | (huishouden("aantal_kostgangers", period) != 0)
        kinderen = (huishouden.nb_persons(Huishouden.KIND) > 0) | (geld.invoer(huishouden, "ontvangen_kindgebonden_budget", period) > 0)
        return geld.optellen(
            geld.som(huishouden, ("betalingen_belastingschulden", "betaalde_alimentatie", "aflossing_leningen_belastingschulden"), period),
            toeslagschulden,
            huishouden("aftrekbare_woonlasten", period),
            huishouden("aftrekbare_zorgpremie", period),
            indien_nodig(kostgangers, lambda: huishouden("aftrekbare_kosten_kostgangers", period)),
            indien_nodig(kinderen, lambda: huishouden("kosten_kinderen", period)),
        )
