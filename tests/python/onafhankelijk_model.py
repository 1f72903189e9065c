"""Onafhankelijk referentiemodel, in exacte decimale rekenkunde, geschreven vanuit de wetteksten.

Dit model gebruikt niets van het pakket openfisca_toeslagen: geen code en ook geen parameterbestanden. De bedragen
hieronder zijn overgetypt uit de bronnen (../shared/bronnen, de teksten van de Participatiewet, de Wet op het
kindgebonden budget, de Wet op de huurtoeslag en de Awir per datum); de regels volgen de tekst van de
Uitvoeringsregeling Invorderingswet 1990 (art. 11–16, tekst van 2015), Participatiewet art. 19a en 22a, Awir art. 26a
en Leidraad Invordering 79.7–79.9, met dezelfde gedocumenteerde lezingen als het pakket (README, "Wat de wet zegt en
hoe zeker dat is"). Een typfout in een parameterbestand of een fout in een formule van het pakket geeft dus een
verschil. Alle bedragen zijn ``decimal.Decimal``.

Invoer van ``bereken`` (maandbedragen in euro; een ontbrekende sleutel is 0, ``False``, of ``True`` voor
``aanspraak_op_vakantiegeld`` en ``partner_in_schuldperiode``)::

    {
        "aanvrager": {"geboortedatum": "1982-05-01", "netto_inkomen": Decimal("1960"), ...},
        "partner": None of {...},
        "kinderen": [{...}, ...],
        "kostendelers": [{"geboortedatum": ..., "volgt_onderwijs_met_studiefinanciering": True, ...}, ...],
        "huur": Decimal("575"), "beschikkingsdatum_huurtoeslag": "2025-01-10", ...
    }
"""

import datetime
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

D = Decimal
CENT = D("0.01")
NUL = D(0)

# --- bedragen uit de teksten -------------------------------------------------------------------
# Participatiewet art. 21 a, 21 b, 22 a, 22 b (= 22 c), per maand inclusief vakantietoeslag.
PW = [
    ("2022-01-01", "1091.71", "1559.58", "1213.06", "1642.54"),
    ("2022-07-01", "1101.82", "1574.03", "1225.67", "1660.36"),
    ("2023-01-01", "1195.66", "1708.08", "1330.67", "1807.20"),
    ("2023-07-01", "1216.62", "1738.02", "1357.66", "1843.60"),
    ("2024-01-01", "1283.83", "1834.04", "1425.76", "1932.32"),
    ("2024-07-01", "1308.45", "1869.21", "1456.85", "1976.64"),
    ("2025-01-01", "1345.45", "1922.07", "1501.07", "2053.48"),
    ("2025-07-01", "1369.06", "1955.80", "1530.21", "2094.98"),
    ("2026-01-01", "1401.50", "2002.13", "1564.69", "2144.16"),
    ("2026-07-01", "1419.46", "2027.79", "1587.34", "2176.10"),
]
# Wet op de huurtoeslag art. 13 lid 1 a en art. 17 lid 2, per jaar.
HUURTOESLAG = {2022: ("763.47", "220.68"), 2023: ("808.06", "225.54"), 2024: ("879.66", "226.67"),
               2025: ("900.07", "238.01"), 2026: ("932.93", "252.49")}
# Normpremie in de bijstandsnorm (Leidraad 26.2.19; 2022–2025 de bedragen van Pw art. 23 lid 2), alleenstaande / echtgenoten.
NORMPREMIE = {2022: (34, 79), 2023: (3, 50), 2024: (42, 95), 2025: (45, 101), 2026: (47, 106)}
# AOW art. 7a: de pensioengerechtigde leeftijd in maanden voor wie haar in dat jaar bereikt.
AOW_MAANDEN = {2020: 796, 2021: 796, 2022: 799, 2023: 802, 2024: 804, 2025: 804, 2026: 804, 2027: 804, 2028: 807}
# Wet op het kindgebonden budget art. 2, per jaar: eerste, tweede, derde en volgende kind, 12–15, 16–17, geen partner.
KGB = {2022: (1220, 1106, 1001, 251, 447, 3285), 2023: (1653, 1532, 1532, 267, 476, 3848),
       2024: (2436, 2436, 2436, 694, 924, 3480), 2025: (2511, 2511, 2511, 703, 936, 3389),
       2026: (2580, 2580, 2580, 724, 964, 3416)}
# Awir art. 26a: drempel per jaar van de dagtekening.
AWIR_26A = {2022: 100, 2023: 106, 2024: 116, 2025: 118, 2026: 121}
NEGENTIG, TACHTIG, VAKANTIEGELD = D("0.9"), D("0.8"), D("0.07")  # URI art. 16, art. 11; Leidraad 26.2.11
VERHOGING_BEIDEN, VERHOGING_EEN = D("23.08"), D("11.54")  # URI art. 16 lid 3 (bedragen BWB 2022)
KOSTGANGER_PER_DAG = D("10.45")  # URI art. 15 lid 1 f
INBOEDEL, AUTO, OUDEREN, OUDEREN_GEBOREN_UITERLIJK = D(2269), D(3350), D(2269), 1934  # URI art. 12; Leidraad 26.2.3
STANDAARD, STANDAARD_MAANDEN, MAXIMALE_LOOPTIJD = D(20), 24, 24  # Leidraad 79.7, 79.8

TERUGVORDERINGEN = ("terugvordering_huurtoeslag", "terugvordering_zorgtoeslag", "terugvordering_kinderopvangtoeslag",
                    "terugvordering_kindgebonden_budget")
PERSOONSBEDRAGEN = ("netto_inkomen", "werkelijk_vakantiegeld", "ontvangen_alimentatie", "overige_inkomsten",
                    "kinderbijslag", "voorlopige_teruggaaf")
PERSOONSVLAGGEN = {"aanspraak_op_vakantiegeld": True, "vakantiegeld_bekend": False,
                   "volgt_onderwijs_met_studiefinanciering": False, "commerciele_overeenkomst": False, "opgenomen_in_inrichting": False}
HUISHOUDBEDRAGEN = (
    "huur", "hypotheekrente", "erfpachtcanon", "ontvangen_huurtoeslag", "ontvangen_zorgtoeslag",
    "ontvangen_kindgebonden_budget", "zorgpremie", "betalingen_belastingschulden", "betalingen_toeslagschulden",
    "betaalde_alimentatie", "aflossing_leningen_belastingschulden", "kosten_kostgangers", "energiekosten",
    "vervoerskosten", "overige_aflossingen", "overige_vaste_lasten", "inboedel_waarde", "auto_waarde",
    "financiele_middelen", "studielening_op_rekening", "overige_bezittingen", "bevoorrechte_schulden", *TERUGVORDERINGEN)
HUISHOUDGETALLEN = ("dagen_met_kostgangers", "aantal_kostgangers")
HUISHOUDVLAGGEN = {"partner_in_schuldperiode": True, "opzet_of_grove_schuld": False, "auto_onmisbaar": False}
DATUMS = tuple(f"beschikkingsdatum_{t[len('terugvordering_'):]}" for t in TERUGVORDERINGEN)

UITVOER = (
    "huishoudtype", "kostendelende_medebewoners", "bijstandsnorm", "kosten_van_bestaan", "inkomen",
    "aftrekbare_woonlasten", "aftrekbare_zorgpremie", "kosten_kinderen", "aftrekbare_uitgaven",
    "netto_besteedbaar_inkomen", "betalingscapaciteit", "capaciteitstermijn", "vermogen", "schuld",
    "standaard_termijnbedrag", "standaard_looptijd", "schuld_na_vermogen", "uitkomst_verzoek", "termijnbedrag",
    "looptijd_maanden", "totaal_af_te_lossen", "restschuld_buiten_invordering", "direct_te_betalen_uit_vermogen",
    "vrij_besteedbaar_na_regeling",
)


class Geweigerd(ValueError):
    """Een huishouden dat de regels (zoals het pakket ze leest) niet berekenen."""


def _einde_maand(jaar, maand):
    return datetime.date(jaar + maand // 12, maand % 12 + 1, 1) - datetime.timedelta(days=1)


def _pw(datum):
    rij = [r for r in PW if r[0] <= datum.isoformat()][-1]
    return {"21a": D(rij[1]), "21b": D(rij[2]), "22a": D(rij[3]), "22b": D(rij[4]), "22c": D(rij[4])}


def _cent(bedrag):
    return bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


def _dec(waarde):
    if waarde is None:
        return NUL
    if isinstance(waarde, float):
        raise TypeError("gebruik Decimal of int, geen float")
    return D(waarde)


def _datum(waarde):
    return waarde if isinstance(waarde, datetime.date) else datetime.date.fromisoformat(waarde)


def _maanden_oud(persoon, m):
    """Hele maanden sinds de geboortemaand: 12 × de leeftijd die in deze kalendermaand wordt bereikt."""
    g = _datum(persoon["geboortedatum"])
    return m - (g.year * 12 + g.month - 1)


def _pensioengerechtigd(persoon, m):
    """AOW art. 7a lid 1: de leeftijd van het jaar waarin zij wordt bereikt; bereikt in de maand van de verjaardag."""
    g = _datum(persoon["geboortedatum"])
    geboren = g.year * 12 + g.month - 1
    for jaar in range(2020, m // 12 + 1):
        leeftijd = AOW_MAANDEN[max(j for j in AOW_MAANDEN if j <= jaar)]
        if geboren + leeftijd <= min(jaar * 12 + 11, m):
            return True
    return False


def _inkomen_persoon(persoon, met_kinderbijslag=False):
    """URI art. 14 lid 1 a, b, c en lid 2, met vakantiegeld (Leidraad 26.2.11: 7 % van het netto inkomen)."""
    if persoon.get("vakantiegeld_bekend"):
        vakantiegeld = _dec(persoon.get("werkelijk_vakantiegeld"))
    elif persoon.get("aanspraak_op_vakantiegeld", True):
        vakantiegeld = _cent(_dec(persoon.get("netto_inkomen")) * VAKANTIEGELD)
    else:
        vakantiegeld = NUL
    namen = ["netto_inkomen", "ontvangen_alimentatie", "overige_inkomsten", "voorlopige_teruggaaf"]
    if met_kinderbijslag:
        namen.append("kinderbijslag")
    return vakantiegeld + sum((_dec(persoon.get(n)) for n in namen), NUL)


def _woonlasten(netto, aandeel, jaar):
    """URI art. 15 lid 1 b: tot de maximale huurgrens, boven de normhuur; met kostendelers het aandeel daarvan."""
    maximum, normhuur = (D(x) for x in HUURTOESLAG[jaar])
    return _cent(aandeel * max(NUL, min(netto, maximum) - normhuur))


def _standaard(d):
    """Leidraad 79.7: € 20 per maand, boven € 480 zoveel dat 24 maanden genoeg zijn (op centen naar boven)."""
    termijn = min(d, STANDAARD) if d <= STANDAARD * STANDAARD_MAANDEN else (d / STANDAARD_MAANDEN).quantize(CENT, rounding=ROUND_CEILING)
    return termijn, int((d / termijn).to_integral_value(rounding=ROUND_CEILING))


def bereken(huishouden, maand):
    """Alle uitkomsten voor ``huishouden`` in de maand ``maand`` ("JJJJ-MM")."""
    jaar, mnd = (int(deel) for deel in maand.split("-"))
    peil = datetime.date(jaar, mnd, 1)
    m = jaar * 12 + mnd - 1

    def h(sleutel):
        if sleutel in HUISHOUDVLAGGEN:
            return huishouden.get(sleutel, HUISHOUDVLAGGEN[sleutel])
        return _dec(huishouden.get(sleutel))

    aanvrager, partner = huishouden["aanvrager"], huishouden.get("partner")
    kinderen = list(huishouden.get("kinderen") or [])
    kostendelers = list(huishouden.get("kostendelers") or [])
    volwassenen = [aanvrager] + ([partner] if partner is not None else [])
    if any(_maanden_oud(p, m) < 0 for p in volwassenen + kinderen + kostendelers):
        raise Geweigerd("geboren na de maand van het verzoek")
    for p in volwassenen:
        if p.get("volgt_onderwijs_met_studiefinanciering") or p.get("opgenomen_in_inrichting"):
            raise Geweigerd("student of inrichting")
    huishoudtype = "echtgenoten" if partner is not None else ("alleenstaande_ouder" if kinderen else "alleenstaande")

    # Pw art. 19a: kostendelende medebewoners; art. 22a: A, de kostendelersnorm vanaf 21 jaar
    grens = 27 if peil >= datetime.date(2023, 1, 1) else 21
    for k in kinderen:
        if _maanden_oud(k, m) >= grens * 12:
            raise Geweigerd("kind boven de leeftijdsgrens van art. 19a")
    kmb = sum(1 for k in kostendelers if _maanden_oud(k, m) >= grens * 12 and not k.get("opgenomen_in_inrichting")
              and not k.get("volgt_onderwijs_met_studiefinanciering") and not k.get("commerciele_overeenkomst"))
    volwassen_21 = [_maanden_oud(p, m) >= 21 * 12 for p in volwassenen]
    if kmb and partner is not None and not all(volwassen_21):
        raise Geweigerd("echtgenoot jonger dan 21 met kostendelers")
    kostendelersnorm = kmb > 0 and volwassen_21[0]
    a = kmb + len(volwassenen)

    # URI art. 16 met Pw art. 21, 22 en 22a
    pw = _pw(peil)
    aow = [_pensioengerechtigd(p, m) for p in volwassenen]
    if kostendelersnorm:
        def aandeel(b):
            return _cent(b * (40 + 30 * a) / (100 * a))
        if partner is None:
            norm = aandeel(pw["22b"] if aow[0] else pw["21b"])
        else:
            norm = sum((aandeel(pw["22b"] if aow[i] else (pw["22c"] if aow[1 - i] else pw["21b"])) for i in (0, 1)), NUL)
    elif partner is None:
        norm = pw["22a"] if aow[0] else pw["21a"]
    else:
        norm = pw["22b"] if all(aow) else (pw["22c"] if any(aow) else pw["21b"])
    verhoging = VERHOGING_BEIDEN if sum(aow) == 2 else (VERHOGING_EEN if sum(aow) == 1 else NUL)
    kosten_van_bestaan = _cent(norm * NEGENTIG) + verhoging

    # URI art. 13 en 14 (Leidraad 79.8: de partner alleen als partner in de schuldperiode)
    inkomen = _inkomen_persoon(aanvrager)
    if partner is not None and h("partner_in_schuldperiode"):
        inkomen += _inkomen_persoon(partner)

    # URI art. 15
    woon_aandeel = D(2 if partner is not None else 1) / a if kostendelersnorm else D(1)
    woonlasten_bruto = h("huur") + h("hypotheekrente") + h("erfpachtcanon")
    aftrekbare_woonlasten = _woonlasten(woonlasten_bruto - h("ontvangen_huurtoeslag"), woon_aandeel, jaar)
    normpremie = D(NORMPREMIE[jaar][1 if partner is not None else 0])
    aftrekbare_zorgpremie = max(NUL, h("zorgpremie") - normpremie - h("ontvangen_zorgtoeslag"))
    telt = [k for k in kinderen if 1 <= _maanden_oud(k, m) <= 18 * 12]
    bedragen = KGB[jaar]
    per_jaar = sum((D(bedragen[min(i, 2)]) for i in range(len(telt))), NUL)
    per_jaar += sum((D(bedragen[4] if _maanden_oud(k, m) > 16 * 12 else bedragen[3]) for k in telt if _maanden_oud(k, m) > 12 * 12), NUL)
    if telt and partner is None:
        per_jaar += bedragen[5]
    if h("ontvangen_kindgebonden_budget") > 0 and not kinderen:
        raise Geweigerd("kindgebonden budget zonder kind")
    kosten_kinderen = max(NUL, _cent(per_jaar / 12) - h("ontvangen_kindgebonden_budget"))
    dagen, aantal = int(huishouden.get("dagen_met_kostgangers", 0)), int(huishouden.get("aantal_kostgangers", 0))
    kostgangers = min(h("kosten_kostgangers"), KOSTGANGER_PER_DAG * dagen * min(aantal, 1))
    aftrekbare_uitgaven = (h("betalingen_belastingschulden") + h("betalingen_toeslagschulden") + aftrekbare_woonlasten
                           + aftrekbare_zorgpremie + h("betaalde_alimentatie") + h("aflossing_leningen_belastingschulden")
                           + kostgangers + kosten_kinderen)
    netto_besteedbaar_inkomen = inkomen - aftrekbare_uitgaven

    # URI art. 13 en 11
    betalingscapaciteit = max(NUL, netto_besteedbaar_inkomen - kosten_van_bestaan)
    capaciteitstermijn = (betalingscapaciteit * TACHTIG).quantize(D(1), rounding=ROUND_FLOOR)

    # URI art. 12 met Leidraad 26.2.2, 26.2.3 en 79.8
    inboedel = max(NUL, h("inboedel_waarde") - INBOEDEL)
    auto = NUL if h("auto_onmisbaar") or h("auto_waarde") <= AUTO else h("auto_waarde")
    if h("studielening_op_rekening") > h("financiele_middelen"):
        raise Geweigerd("studielening groter dan de financiële middelen")
    vrijstelling = (kosten_van_bestaan + _woonlasten(woonlasten_bruto, woon_aandeel, jaar)
                    + max(NUL, h("zorgpremie") - normpremie)
                    + OUDEREN * sum(1 for p in volwassenen if _datum(p["geboortedatum"]).year <= OUDEREN_GEBOREN_UITERLIJK))
    financieel = max(NUL, h("financiele_middelen") - h("studielening_op_rekening") - vrijstelling)
    vermogen = max(NUL, inboedel + auto + financieel + h("overige_bezittingen") - h("bevoorrechte_schulden"))

    # Awir art. 26a, Leidraad 79.7
    schulden = []
    for naam, datum in zip(TERUGVORDERINGEN, DATUMS):
        d = h(naam)
        dagtekening = _datum(huishouden[datum]) if huishouden.get(datum) else peil
        if dagtekening > _einde_maand(jaar, mnd):
            raise Geweigerd("beschikking na de maand van het verzoek")
        if dagtekening.year < min(AWIR_26A):  # the threshold rose each year: before 2022 it was at most the 2022 one
            if 0 < d <= AWIR_26A[min(AWIR_26A)]:
                raise Geweigerd("drempel vóór 2022 onbekend")
            drempel = NUL
        else:
            drempel = D(AWIR_26A[dagtekening.year])
        if d > 0 and d > drempel:
            schulden.append(d)
    schuld = sum(schulden, NUL)
    standaard = [_standaard(d) for d in schulden]
    standaard_termijnbedrag = sum((t for t, _ in standaard), NUL)
    standaard_looptijd = max((n for _, n in standaard), default=0)
    schuld_na_vermogen = max(NUL, schuld - vermogen)

    # Leidraad 79.7–79.9
    if schuld == 0:
        uitkomst = "geen_schuld"
    elif schuld_na_vermogen == 0:
        uitkomst = "afgewezen_vermogen"
    elif capaciteitstermijn >= standaard_termijnbedrag:
        uitkomst = "standaardregeling"
    elif h("opzet_of_grove_schuld") and MAXIMALE_LOOPTIJD * capaciteitstermijn < schuld_na_vermogen:
        uitkomst = "afgewezen_opzet_of_grove_schuld"
    elif capaciteitstermijn == 0:
        uitkomst = "geen_invorderingsmaatregelen"
    elif MAXIMALE_LOOPTIJD * capaciteitstermijn >= schuld_na_vermogen:
        uitkomst = "volledige_aflossing"
    else:
        uitkomst = "gedeeltelijke_aflossing"
    if uitkomst == "geen_schuld":
        termijnbedrag, looptijd, totaal, rest, direct = NUL, 0, NUL, NUL, NUL
    elif uitkomst in ("afgewezen_vermogen", "standaardregeling", "afgewezen_opzet_of_grove_schuld"):
        termijnbedrag, looptijd, totaal, rest, direct = standaard_termijnbedrag, standaard_looptijd, schuld, NUL, NUL
    else:
        termijnbedrag = capaciteitstermijn
        looptijd = 0 if termijnbedrag == 0 else min(MAXIMALE_LOOPTIJD, int((schuld_na_vermogen / termijnbedrag).to_integral_value(rounding=ROUND_CEILING)))
        totaal = min(schuld_na_vermogen, termijnbedrag * looptijd)
        rest, direct = schuld_na_vermogen - totaal, schuld - schuld_na_vermogen

    # wat het huishouden werkelijk overhoudt (geen regel): alle inkomsten van aanvrager, partner en kinderen
    alles = sum((_inkomen_persoon(p, met_kinderbijslag=True) for p in volwassenen + kinderen), NUL)
    alles += h("ontvangen_huurtoeslag") + h("ontvangen_zorgtoeslag") + h("ontvangen_kindgebonden_budget")
    lasten = sum((h(n) for n in ("huur", "hypotheekrente", "erfpachtcanon", "zorgpremie", "betalingen_belastingschulden",
                                 "betalingen_toeslagschulden", "betaalde_alimentatie", "aflossing_leningen_belastingschulden",
                                 "kosten_kostgangers", "energiekosten", "vervoerskosten", "overige_aflossingen",
                                 "overige_vaste_lasten")), NUL)
    return {
        "huishoudtype": huishoudtype, "kostendelende_medebewoners": kmb, "bijstandsnorm": norm,
        "kosten_van_bestaan": kosten_van_bestaan, "inkomen": inkomen, "aftrekbare_woonlasten": aftrekbare_woonlasten,
        "aftrekbare_zorgpremie": aftrekbare_zorgpremie, "kosten_kinderen": kosten_kinderen,
        "aftrekbare_uitgaven": aftrekbare_uitgaven, "netto_besteedbaar_inkomen": netto_besteedbaar_inkomen,
        "betalingscapaciteit": betalingscapaciteit, "capaciteitstermijn": capaciteitstermijn, "vermogen": vermogen,
        "schuld": schuld, "standaard_termijnbedrag": standaard_termijnbedrag, "standaard_looptijd": standaard_looptijd,
        "schuld_na_vermogen": schuld_na_vermogen, "uitkomst_verzoek": uitkomst, "termijnbedrag": termijnbedrag,
        "looptijd_maanden": looptijd, "totaal_af_te_lossen": totaal, "restschuld_buiten_invordering": rest,
        "direct_te_betalen_uit_vermogen": direct, "vrij_besteedbaar_na_regeling": alles - lasten - termijnbedrag,
    }


def naar_situatie(huishoudens, maand):
    """Zet huishoudens in het formaat van ``bereken`` om naar een OpenFisca-situatie (alleen gegevens, geen regels).

    De huishoudens heten ``h0``, ``h1``, ... in de volgorde van de lijst; bedragen worden als float doorgegeven.
    """
    personen, groepen = {}, {}

    def waarden(gegevens, bedragen, vlaggen, getallen=()):
        invoer = {naam: {maand: float(gegevens[naam])} for naam in bedragen if naam in gegevens}
        invoer.update({naam: {maand: bool(gegevens[naam])} for naam in vlaggen if naam in gegevens})
        invoer.update({naam: {maand: int(gegevens[naam])} for naam in getallen if naam in gegevens})
        return invoer

    def persoon(sleutel, gegevens):
        personen[sleutel] = {"geboortedatum": {"ETERNITY": str(gegevens["geboortedatum"])},
                             **waarden(gegevens, PERSOONSBEDRAGEN, PERSOONSVLAGGEN)}
        return sleutel

    for i, huishouden in enumerate(huishoudens):
        groep = {"aanvrager": [persoon(f"h{i}_a", huishouden["aanvrager"])]}
        if huishouden.get("partner") is not None:
            groep["partner"] = [persoon(f"h{i}_p", huishouden["partner"])]
        for rol, voor in (("kinderen", "k"), ("kostendelers", "m")):
            if huishouden.get(rol):
                groep[rol] = [persoon(f"h{i}_{voor}{j}", p) for j, p in enumerate(huishouden[rol])]
        groep.update(waarden(huishouden, HUISHOUDBEDRAGEN, HUISHOUDVLAGGEN, HUISHOUDGETALLEN))
        groep.update({naam: {"ETERNITY": str(huishouden[naam])} for naam in DATUMS if huishouden.get(naam)})
        groepen[f"h{i}"] = groep
    return {"personen": personen, "huishoudens": groepen}
