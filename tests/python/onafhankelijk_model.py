"""Onafhankelijk referentiemodel in exacte decimale rekenkunde.

Dit model is los van het pakket openfisca_toeslagen geschreven, uitsluitend op basis van de
rekenregels (betalingscapaciteit volgens URI art. 11-16 en de Leidraad Invordering, art. 79.7-79.8)
en de parameterbestanden in ``parameters/``. Die bestanden worden hier direct met pyyaml gelezen,
niet via OpenFisca, en alle bedragen worden als ``decimal.Decimal`` verwerkt, zodat een afwijking
van het pakket op een fout (of op een floatafronding) in het pakket wijst.

Invoerformaat van ``bereken`` (alle bedragen maandbedragen in euro; ontbrekende sleutels krijgen
de standaardwaarde: 0, ``False``, en ``True`` voor ``aanspraak_op_vakantiegeld`` en
``partner_in_schuldperiode``)::

    {
        "aanvrager": {"geboortedatum": "1982-05-01", "netto_inkomen": Decimal("1960"), ...},
        "partner": None of {...},            # zelfde persoonssleutels
        "kinderen": [{...}, ...],            # zelfde persoonssleutels
        "huur": Decimal("575"), ...          # huishoudsleutels, zie HUISHOUDINVOER
    }
"""

import datetime
import functools
import os
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import yaml

PARAMETERMAP = os.path.join(os.path.dirname(__file__), "..", "..", "parameters")

CENT = Decimal("0.01")
EURO = Decimal("1")
NUL = Decimal("0")

PERSOONSBEDRAGEN = (
    "netto_inkomen",
    "werkelijk_vakantiegeld",
    "ontvangen_alimentatie",
    "overige_inkomsten",
    "kinderbijslag",
    "voorlopige_teruggaaf",
)
PERSOONSVLAGGEN = {"aanspraak_op_vakantiegeld": True, "vakantiegeld_bekend": False}

HUISHOUDBEDRAGEN = (
    "huur",
    "hypotheekrente",
    "erfpachtcanon",
    "ontvangen_huurtoeslag",
    "ontvangen_zorgtoeslag",
    "ontvangen_kindgebonden_budget",
    "zorgpremie",
    "betalingen_belastingschulden",
    "betaalde_alimentatie",
    "aflossing_leningen_belastingschulden",
    "energiekosten",
    "vervoerskosten",
    "overige_aflossingen",
    "overige_vaste_lasten",
    "inboedel_waarde",
    "auto_waarde",
    "financiele_middelen",
    "overige_bezittingen",
    "bevoorrechte_schulden",
    "terugvordering_huurtoeslag",
    "terugvordering_zorgtoeslag",
    "terugvordering_kinderopvangtoeslag",
    "terugvordering_kindgebonden_budget",
)
HUISHOUDVLAGGEN = {"partner_in_schuldperiode": True, "opzet_of_grove_schuld": False, "auto_onmisbaar": False}

TERUGVORDERINGEN = (
    "terugvordering_huurtoeslag",
    "terugvordering_zorgtoeslag",
    "terugvordering_kinderopvangtoeslag",
    "terugvordering_kindgebonden_budget",
)

UITVOER = (
    "huishoudtype",
    "bijstandsnorm",
    "kosten_van_bestaan",
    "inkomen",
    "aftrekbare_woonlasten",
    "aftrekbare_zorgpremie",
    "netto_besteedbaar_inkomen",
    "betalingscapaciteit",
    "capaciteitstermijn",
    "vermogen",
    "schuld",
    "standaard_termijnbedrag",
    "standaard_looptijd",
    "schuld_na_vermogen",
    "uitkomst_verzoek",
    "termijnbedrag",
    "looptijd_maanden",
    "totaal_af_te_lossen",
    "restschuld_buiten_invordering",
    "direct_te_betalen_uit_vermogen",
    "vrij_besteedbaar_na_regeling",
)


# --- parameters -------------------------------------------------------------------------------

class _DecimalLoader(yaml.SafeLoader):
    """SafeLoader die getallen met een punt als Decimal leest (geen binaire floats)."""


def _decimaal(loader, node):
    return Decimal(loader.construct_scalar(node))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimaal)


@functools.lru_cache(maxsize=None)
def _reeks(pad):
    with open(os.path.join(PARAMETERMAP, pad + ".yaml"), encoding="utf-8") as bestand:
        inhoud = yaml.load(bestand, Loader=_DecimalLoader)
    reeks = []
    for datum, waarde in inhoud["values"].items():
        if isinstance(datum, str):
            datum = datetime.date.fromisoformat(datum)
        reeks.append((datum, None if waarde is None else Decimal(waarde["value"])))
    reeks.sort()
    return tuple(reeks)


def parameter(pad, datum):
    """Waarde van de parameter op ``datum``: die van de laatste datum <= ``datum``."""
    gekozen = None
    for ingang, waarde in _reeks(pad):
        if ingang <= datum:
            gekozen = waarde
    if gekozen is None:
        raise ValueError(f"parameter {pad} heeft geen waarde op {datum}")
    return gekozen


def eerste_jaar(pad):
    return _reeks(pad)[0][0].year


# --- hulpfuncties -----------------------------------------------------------------------------

def _dec(waarde):
    if waarde is None:
        return NUL
    if isinstance(waarde, Decimal):
        return waarde
    if isinstance(waarde, float):
        raise TypeError("gebruik Decimal of int, geen float")
    return Decimal(waarde)


def _cent_half_op(bedrag):
    return bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


def _cent_omhoog(bedrag):
    return bedrag.quantize(CENT, rounding=ROUND_CEILING)


def _euro_omlaag(bedrag):
    return bedrag.quantize(EURO, rounding=ROUND_FLOOR)


def _omhoog_geheel(bedrag):
    return int(bedrag.to_integral_value(rounding=ROUND_CEILING))


def _maandindex(jaar, maand):
    return jaar * 12 + (maand - 1)


def _geboortemaand(persoon):
    datum = persoon["geboortedatum"]
    if isinstance(datum, str):
        datum = datetime.date.fromisoformat(datum)
    return _maandindex(datum.year, datum.month), datum.year


def _jonger_dan_21(persoon, m_index, peildatum):
    b, _ = _geboortemaand(persoon)
    jaren = parameter("participatiewet/art_20/leeftijdsgrens", peildatum)
    return b + int(jaren) * 12 > m_index


def _pensioengerechtigd(persoon, m_index, jaar):
    b, _ = _geboortemaand(persoon)
    pad = "algemene_ouderdomswet/art_7a/pensioengerechtigde_leeftijd"
    for y in range(eerste_jaar(pad), jaar + 1):
        leeftijd = int(parameter(pad, datetime.date(y, 1, 1)))
        if b + leeftijd <= min(_maandindex(y, 12), m_index):
            return True
    return False


def _vakantiegeld(persoon, peildatum):
    if persoon.get("vakantiegeld_bekend", False):
        return _dec(persoon.get("werkelijk_vakantiegeld"))
    if persoon.get("aanspraak_op_vakantiegeld", True):
        pct = parameter("leidraad_invordering/art_26_2_11/vakantiegeld_percentage", peildatum)
        return _cent_half_op(_dec(persoon.get("netto_inkomen")) * pct)
    return NUL


def _persoonsinkomen(persoon, peildatum, met_kinderbijslag=False):
    totaal = (
        _dec(persoon.get("netto_inkomen"))
        + _vakantiegeld(persoon, peildatum)
        + _dec(persoon.get("ontvangen_alimentatie"))
        + _dec(persoon.get("overige_inkomsten"))
        + _dec(persoon.get("voorlopige_teruggaaf"))
    )
    if met_kinderbijslag:
        totaal += _dec(persoon.get("kinderbijslag"))
    return totaal


def _standaardtermijn(schuld, peildatum):
    drempel = parameter("leidraad_invordering/art_79_7/drempel", peildatum)
    minimum = parameter("leidraad_invordering/art_79_7/minimum_termijnbedrag", peildatum)
    looptijd = parameter("leidraad_invordering/art_79_7/maximale_looptijd", peildatum)
    if schuld <= drempel:
        termijn = min(schuld, minimum)
    else:
        termijn = _cent_omhoog(schuld / looptijd)
    return termijn, _omhoog_geheel(schuld / termijn)


# --- het model --------------------------------------------------------------------------------

def bereken(huishouden, maand):
    """Bereken alle uitkomsten voor ``huishouden`` in de maand ``maand`` ("JJJJ-MM")."""
    jaar, mnd = (int(deel) for deel in maand.split("-"))
    peildatum = datetime.date(jaar, mnd, 1)
    m_index = _maandindex(jaar, mnd)

    def p(pad):
        return parameter(pad, peildatum)

    def h(sleutel):
        if sleutel in HUISHOUDVLAGGEN:
            return huishouden.get(sleutel, HUISHOUDVLAGGEN[sleutel])
        return _dec(huishouden.get(sleutel))

    aanvrager = huishouden["aanvrager"]
    partner = huishouden.get("partner")
    kinderen = list(huishouden.get("kinderen") or [])
    volwassenen = [aanvrager] + ([partner] if partner is not None else [])

    # huishoudtype
    if partner is not None:
        huishoudtype = "echtgenoten"
    elif kinderen:
        huishoudtype = "alleenstaande_ouder"
    else:
        huishoudtype = "alleenstaande"

    # bijstandsnorm
    jong = [_jonger_dan_21(v, m_index, peildatum) for v in volwassenen]
    pens = [_pensioengerechtigd(v, m_index, jaar) for v in volwassenen]
    if partner is None:
        if pens[0]:
            norm = p("participatiewet/art_22/alleenstaande")
        elif jong[0]:
            norm = p("participatiewet/art_20/alleenstaande_ouder" if kinderen else "participatiewet/art_20/alleenstaande")
        else:
            norm = p("participatiewet/art_21/alleenstaande")
    else:
        achtervoegsel = "_met_kinderen" if kinderen else ""
        if all(pens):
            norm = p("participatiewet/art_22/gehuwden_beiden_pensioengerechtigd")
        elif all(jong):
            norm = p("participatiewet/art_20/gehuwden_beiden_jonger_dan_21" + achtervoegsel)
        elif any(jong):
            norm = p("participatiewet/art_20/gehuwden_een_jonger_dan_21" + achtervoegsel)
        elif any(pens):
            norm = p("participatiewet/art_22/gehuwden_een_pensioengerechtigd")
        else:
            norm = p("participatiewet/art_21/gehuwden")
    kosten_van_bestaan = _cent_half_op(norm * p("uitvoeringsregeling_invorderingswet/art_16/percentage"))

    # inkomen
    inkomen = _persoonsinkomen(aanvrager, peildatum)
    if partner is not None and h("partner_in_schuldperiode"):
        inkomen += _persoonsinkomen(partner, peildatum)
    inkomen += h("ontvangen_zorgtoeslag") + h("ontvangen_kindgebonden_budget")

    # aftrekbare uitgaven
    netto_woonlasten = h("huur") + h("hypotheekrente") + h("erfpachtcanon") - h("ontvangen_huurtoeslag")
    aftrekbare_woonlasten = max(
        NUL,
        min(netto_woonlasten, p("wet_op_de_huurtoeslag/art_13/maximale_huurgrens"))
        - p("wet_op_de_huurtoeslag/art_17/normhuur"),
    )
    if huishoudtype == "echtgenoten":
        normpremie = p("leidraad_invordering/art_26_2_19/normpremie_echtgenoten")
    else:
        normpremie = p("leidraad_invordering/art_26_2_19/normpremie_alleenstaande")
    aftrekbare_zorgpremie = max(NUL, h("zorgpremie") - normpremie)
    aftrekbare_uitgaven = (
        h("betalingen_belastingschulden")
        + aftrekbare_woonlasten
        + aftrekbare_zorgpremie
        + h("betaalde_alimentatie")
        + h("aflossing_leningen_belastingschulden")
    )

    netto_besteedbaar_inkomen = inkomen - aftrekbare_uitgaven
    betalingscapaciteit = max(NUL, netto_besteedbaar_inkomen - kosten_van_bestaan)
    capaciteitstermijn = _euro_omlaag(
        betalingscapaciteit * p("uitvoeringsregeling_invorderingswet/art_11/aanwendbaar_deel")
    )

    # vermogen
    inboedel_deel = max(NUL, h("inboedel_waarde") - p("uitvoeringsregeling_invorderingswet/art_12/inboedel_vrijstelling"))
    if h("auto_onmisbaar") or h("auto_waarde") <= p("leidraad_invordering/art_26_2_3/auto_grens"):
        auto_deel = NUL
    else:
        auto_deel = h("auto_waarde")
    geboren_uiterlijk = int(p("uitvoeringsregeling_invorderingswet/art_12/financiele_middelen_65_plus_geboren_uiterlijk"))
    ouderen = sum(1 for v in volwassenen if _geboortemaand(v)[1] <= geboren_uiterlijk)
    vrijstelling = (
        kosten_van_bestaan
        + aftrekbare_woonlasten
        + aftrekbare_zorgpremie
        + p("uitvoeringsregeling_invorderingswet/art_12/financiele_middelen_65_plus") * ouderen
    )
    financieel_deel = max(NUL, h("financiele_middelen") - vrijstelling)
    vermogen = max(
        NUL,
        inboedel_deel + auto_deel + financieel_deel + h("overige_bezittingen") - h("bevoorrechte_schulden"),
    )

    # schuld en standaardregeling
    schulden = [h(s) for s in TERUGVORDERINGEN]
    schuld = sum(schulden, NUL)
    standaard_termijnbedrag = NUL
    standaard_looptijd = 0
    for d in schulden:
        if d > 0:
            termijn, looptijd = _standaardtermijn(d, peildatum)
            standaard_termijnbedrag += termijn
            standaard_looptijd = max(standaard_looptijd, looptijd)

    schuld_na_vermogen = max(NUL, schuld - vermogen)
    n = int(p("leidraad_invordering/art_79_8/maximale_looptijd"))

    if schuld == 0:
        uitkomst = "geen_schuld"
    elif schuld_na_vermogen == 0:
        uitkomst = "afgewezen_vermogen"
    elif capaciteitstermijn >= standaard_termijnbedrag:
        uitkomst = "standaardregeling"
    elif h("opzet_of_grove_schuld") and n * capaciteitstermijn < schuld_na_vermogen:
        uitkomst = "afgewezen_opzet_of_grove_schuld"
    elif capaciteitstermijn == 0:
        uitkomst = "geen_invorderingsmaatregelen"
    elif n * capaciteitstermijn >= schuld_na_vermogen:
        uitkomst = "volledige_aflossing"
    else:
        uitkomst = "gedeeltelijke_aflossing"

    if uitkomst == "geen_schuld":
        termijnbedrag, looptijd_maanden, totaal, restschuld, direct = NUL, 0, NUL, NUL, NUL
    elif uitkomst in ("afgewezen_vermogen", "standaardregeling", "afgewezen_opzet_of_grove_schuld"):
        termijnbedrag, looptijd_maanden, totaal, restschuld, direct = (
            standaard_termijnbedrag, standaard_looptijd, schuld, NUL, NUL)
    else:
        termijnbedrag = capaciteitstermijn
        if termijnbedrag == 0:
            looptijd_maanden = 0
        else:
            looptijd_maanden = min(n, _omhoog_geheel(schuld_na_vermogen / termijnbedrag))
        totaal = min(schuld_na_vermogen, termijnbedrag * looptijd_maanden)
        restschuld = schuld_na_vermogen - totaal
        direct = schuld - schuld_na_vermogen

    # vrij besteedbaar na de regeling
    alle_inkomsten = sum(
        (_persoonsinkomen(persoon, peildatum, met_kinderbijslag=True) for persoon in volwassenen + kinderen),
        NUL,
    )
    alle_inkomsten += h("ontvangen_huurtoeslag") + h("ontvangen_zorgtoeslag") + h("ontvangen_kindgebonden_budget")
    alle_lasten = sum(
        (h(s) for s in (
            "huur", "hypotheekrente", "erfpachtcanon", "zorgpremie", "betalingen_belastingschulden",
            "betaalde_alimentatie", "aflossing_leningen_belastingschulden", "energiekosten",
            "vervoerskosten", "overige_aflossingen", "overige_vaste_lasten")),
        NUL,
    )
    vrij_besteedbaar = alle_inkomsten - alle_lasten - termijnbedrag

    return {
        "huishoudtype": huishoudtype,
        "bijstandsnorm": norm,
        "kosten_van_bestaan": kosten_van_bestaan,
        "inkomen": inkomen,
        "aftrekbare_woonlasten": aftrekbare_woonlasten,
        "aftrekbare_zorgpremie": aftrekbare_zorgpremie,
        "netto_besteedbaar_inkomen": netto_besteedbaar_inkomen,
        "betalingscapaciteit": betalingscapaciteit,
        "capaciteitstermijn": capaciteitstermijn,
        "vermogen": vermogen,
        "schuld": schuld,
        "standaard_termijnbedrag": standaard_termijnbedrag,
        "standaard_looptijd": standaard_looptijd,
        "schuld_na_vermogen": schuld_na_vermogen,
        "uitkomst_verzoek": uitkomst,
        "termijnbedrag": termijnbedrag,
        "looptijd_maanden": looptijd_maanden,
        "totaal_af_te_lossen": totaal,
        "restschuld_buiten_invordering": restschuld,
        "direct_te_betalen_uit_vermogen": direct,
        "vrij_besteedbaar_na_regeling": vrij_besteedbaar,
    }


def naar_situatie(huishoudens, maand):
    """Zet een lijst huishoudens in het formaat van ``bereken`` om naar een OpenFisca-situatie.

    Alleen een omzetting van gegevens (geen rekenregels, geen import van OpenFisca). De huishoudens
    heten ``h0``, ``h1``, ... in de volgorde van de lijst; bedragen worden als float doorgegeven.
    """
    personen = {}
    groepen = {}

    def waarden(gegevens, bedragen, vlaggen):
        invoer = {naam: {maand: float(gegevens[naam])} for naam in bedragen if naam in gegevens}
        invoer.update({naam: {maand: bool(gegevens[naam])} for naam in vlaggen if naam in gegevens})
        return invoer

    def persoon(sleutel, gegevens):
        personen[sleutel] = {"geboortedatum": {"ETERNITY": str(gegevens["geboortedatum"])},
                             **waarden(gegevens, PERSOONSBEDRAGEN, PERSOONSVLAGGEN)}
        return sleutel

    for i, huishouden in enumerate(huishoudens):
        groep = {"aanvrager": [persoon(f"h{i}_a", huishouden["aanvrager"])]}
        if huishouden.get("partner") is not None:
            groep["partner"] = [persoon(f"h{i}_p", huishouden["partner"])]
        kinderen = huishouden.get("kinderen") or []
        if kinderen:
            groep["kinderen"] = [persoon(f"h{i}_k{j}", kind) for j, kind in enumerate(kinderen)]
        groep.update(waarden(huishouden, HUISHOUDBEDRAGEN, HUISHOUDVLAGGEN))
        groepen[f"h{i}"] = groep
    return {"personen": personen, "huishoudens": groepen}
