"""A synthetic population of households with a toeslagen debt, for demonstrations and benchmarks.

SYNTHETIC: no row is a real household. Every household id starts with ``synthetisch-`` and every row has
``synthetisch=ja``, which the comparison carries into its output. The draws follow
published figures where we could read them, and documented assumptions elsewhere:

Size. 199,450 households with problematic debts owe Toeslagen (CBS, January 2024, in the IBTD report);
75,000 of them asked for a persoonlijke betalingsregeling in 2024. ``--aantal`` defaults to 199,450.

Household type [derived]. No breakdown of debtors by household type was found. We weight the number of
households per type on 1 January 2024 (CBS: 3,340,560 single; 2,385,910 couples without and 2,647,934 with
children; 618,056 single parents) by the share per type with payment arrears (CBS 82253NED, 2021: 5 %, 1 %,
2 %, 8 %): single 57 %, couple without children 8 %, couple with children 18 %, single parent 17 %
(`HUISHOUDTYPEN`). Children: 1–3, equally likely, each of an age drawn uniformly from 0 to 17 [assumption].

Age [assumption]. Applicant's age uniform from 21 to 66, except 2 % aged 18–20 and 8 % aged 67–85
(pensioners); a partner is within five years of the applicant.

Housemates [assumption]. 12 % of households have one or two housemates (role kostendeler): in a family an adult
child of 18–30, otherwise a housemate of 21–70. A quarter of housemates under 30 follow education with study
finance, one in ten rents on commercial terms (both exclude them as kostendelende medebewoner, Pw art. 19a).
Households with an adult under 21 get none (that case is not computed, see kostendelersnorm_van_toepassing).

Income [assumption anchored on a published fact]. Payment arrears are five times as frequent at or below the
social minimum as above it (CBS 82253NED: 10 % against 2 %). Net household income is drawn as the household's
bijstandsnorm of 2025-01 times a log-normal factor with median 1.25 and spread 0.3 (about 23 % below the
norm), split 60/40 between partners when both are present. Mark (IBTD): € 1,960 = 1.46 × his norm.

Allowances [assumption]. Kindgebonden budget: every family receives the 2025 maximum for its children (WKB art. 2,
read from the parameters) up to an income of the norm, tapering linearly to nothing at 2.5 times the norm (the law
tapers on the gross toetsingsinkomen, which this table does not have). Zorgtoeslag: up to 1.3 times the norm € 125
a month per adult, tapering to nothing at twice the norm (an amount near the 2025 maximum, not verified).
Huurtoeslag: renters under 1.3 × the norm receive € 150–350.

Costs [assumptions unless stated]. 80 % rent (€ 450–950), 20 % pay mortgage interest (€ 200–900). Zorgpremie
€ 158 a month per adult (the average premium of 2025: CZ "De gemiddelde premie van CZ in 2025 is € 158,33 per
maand", https://cz.nl/over-cz/wie-wij-zijn/feiten-en-cijfers/premiebeleid/berekening-premie; comparison sites say
€ 157.96–158.75). Energy log-normal around the CBS average household bill of January 2025 (€ 2,065 a year =
€ 172.08 a month; spread 0.35, so Mark's € 295 is in the top tenth). 40 % need a car for work, costing € 100–350 a
month. 50 % pay another arrangement (a bailiff or creditor) of € 50–250; 30 % pay € 20–120 on tax debts and 5 %
€ 20–100 on another toeslag debt. 1 % keep a kostganger (costs € 150–400 for 30 days, board of € 300–600 received).
5 % hold savings of € 0–20,000.

Debts [assumption anchored on a published fact]. In 2016 Toeslagen reclaimed € 1 billion in 2.3 million
terugvorderingen, about € 435 each; debts of households in arrears are larger. Each household owes on at least
one toeslag: huurtoeslag (renters, 60 %), zorgtoeslag (70 %), kindgebonden budget (families, 50 %),
kinderopvangtoeslag (families, 15 %); amounts log-normal with median € 900 and spread 1.0, at most € 50,000; each
beschikking dated uniformly in 2024.

Not drawn: vakantiegeld known amounts, alimentatie, assets other than savings. Period: the amounts are meant for
2025-01.
"""

import numpy
from openfisca_core.parameters import ParameterNode

from openfisca_toeslagen import PARAMETERS_DIR
from openfisca_toeslagen.invoer.huishoudens import Huishoudens
from openfisca_toeslagen.reforms.bouwstenen import PARAMETERS as HERVORMINGSPARAMETERS

STANDAARD_AANTAL = 199_450
PERIODE = "2025-01"  # the month the draws are anchored on
HUISHOUDTYPEN = {  # name: (probability, partner, children)
    "alleenstaande": (0.57, False, False),
    "echtgenoten_zonder_kinderen": (0.08, True, False),
    "echtgenoten_met_kinderen": (0.18, True, True),
    "alleenstaande_ouder": (0.17, False, True),
}
ZORGPREMIE_2025 = 158.0  # average premium per adult per month, 2025 (see above): an input assumption, not law
ZORGTOESLAG_PER_VOLWASSENE = 125.0  # an assumption near the 2025 maximum, not verified
MAX_KINDEREN, MAX_MEDEBEWONERS = 3, 2
KOLOMMEN = (
    "synthetisch", "aanvrager_geboortedatum", "partner_geboortedatum",
    *(f"kind{i}_geboortedatum" for i in range(1, MAX_KINDEREN + 1)),
    *(f"kostendeler{i}_{naam}" for i in range(1, MAX_MEDEBEWONERS + 1)
      for naam in ("geboortedatum", "volgt_onderwijs_met_studiefinanciering", "commerciele_overeenkomst")),
    "aanvrager_netto_inkomen", "aanvrager_overige_inkomsten", "partner_netto_inkomen", "huur", "hypotheekrente",
    "ontvangen_huurtoeslag", "ontvangen_zorgtoeslag", "ontvangen_kindgebonden_budget", "zorgpremie", "energiekosten",
    "vervoerskosten", "auto_nodig_voor_werk", "overige_aflossingen", "betalingen_belastingschulden",
    "betalingen_toeslagschulden", "kosten_kostgangers", "dagen_met_kostgangers", "aantal_kostgangers",
    "financiele_middelen", "terugvordering_huurtoeslag", "terugvordering_zorgtoeslag",
    "terugvordering_kindgebonden_budget", "terugvordering_kinderopvangtoeslag", "beschikkingsdatum_huurtoeslag",
    "beschikkingsdatum_zorgtoeslag", "beschikkingsdatum_kindgebonden_budget", "beschikkingsdatum_kinderopvangtoeslag",
)
TOESLAGEN = ("huurtoeslag", "zorgtoeslag", "kindgebonden_budget", "kinderopvangtoeslag")


def _ankers():
    """The 2025-01 amounts the draws are anchored on, read from the parameters (one place for each figure)."""
    pw = ParameterNode("participatiewet", directory_path=str(PARAMETERS_DIR / "participatiewet"))(f"{PERIODE}-01")
    wkb = ParameterNode("wkb", directory_path=str(PARAMETERS_DIR / "wet_op_het_kindgebonden_budget"))(f"{PERIODE}-01").art_2
    energie = ParameterNode("w", directory_path=str(HERVORMINGSPARAMETERS / "werkelijke_lasten"))(f"{PERIODE}-01")
    norm = {"alleen": pw.art_21.alleenstaande, "samen": pw.art_21.gehuwden,
            "alleen_aow": pw.art_22.alleenstaande, "samen_aow": pw.art_22.gehuwden_beiden_pensioengerechtigd}
    return norm, wkb, energie.normale_energiekosten.alleenstaande


def _euro(waarden):
    return numpy.round(waarden, 2)


def _geboren(leeftijd, peil="2025-01-15"):
    return (numpy.datetime64(peil) - (leeftijd * 365.25).astype("timedelta64[D]")).astype("datetime64[D]")


def _maximaal_kindgebonden_budget(wkb, leeftijden, partner):
    """The yearly WKB art. 2 maximum for children of these ages (NaN: no child), per household."""
    aantal = (~numpy.isnan(leeftijden)).sum(axis=1)
    per_kind = (wkb.eerste_kind * (aantal >= 1) + wkb.tweede_kind * (aantal >= 2)
                + wkb.derde_en_volgende_kind * numpy.maximum(aantal - 2, 0))
    verhoging = numpy.nansum(numpy.where(leeftijden >= 16, wkb.verhoging_16_en_17,
                                         numpy.where(leeftijden >= 12, wkb.verhoging_12_tot_16, 0)), axis=1)
    return per_kind + verhoging + numpy.where(~partner & (aantal > 0), wkb.alleenstaande_ouder, 0)


def trek(aantal=STANDAARD_AANTAL, seed=2025):
    """Draw `aantal` synthetic households (a `Huishoudens` table), reproducible for a given seed."""
    if aantal < 1:
        raise ValueError(f"aantal moet ten minste 1 zijn, kreeg {aantal}")
    rng = numpy.random.default_rng(seed)
    n = aantal
    norm_2025, wkb, energie_2025 = _ankers()
    kansen = [p for p, _, _ in HUISHOUDTYPEN.values()]
    soort = rng.choice(len(HUISHOUDTYPEN), size=n, p=kansen)
    partner = numpy.array([p for _, p, _ in HUISHOUDTYPEN.values()])[soort]
    kinderen = numpy.where(numpy.array([k for _, _, k in HUISHOUDTYPEN.values()])[soort], rng.integers(1, MAX_KINDEREN + 1, n), 0)

    leeftijd = rng.uniform(21, 67, n)
    groep = rng.random(n)
    leeftijd = numpy.where(groep < 0.02, rng.uniform(18, 21, n), numpy.where(groep > 0.92, rng.uniform(67, 86, n), leeftijd))
    partner_leeftijd = numpy.clip(leeftijd + rng.uniform(-5, 5, n), 18, 90)
    kind_leeftijden = numpy.where(numpy.arange(MAX_KINDEREN) < kinderen[:, numpy.newaxis],
                                  rng.uniform(0.1, 18, (n, MAX_KINDEREN)), numpy.nan)

    aow = leeftijd >= 67
    norm = numpy.where(partner, numpy.where(aow, norm_2025["samen_aow"], norm_2025["samen"]),
                       numpy.where(aow, norm_2025["alleen_aow"], norm_2025["alleen"]))
    inkomen = norm * rng.lognormal(numpy.log(1.25), 0.3, n)
    aanvrager_inkomen = _euro(numpy.where(partner, 0.6 * inkomen, inkomen))
    partner_inkomen = _euro(numpy.where(partner, inkomen - aanvrager_inkomen, 0))
    verhouding = inkomen / norm

    huurder = rng.random(n) < 0.8
    huur = _euro(numpy.where(huurder, rng.uniform(450, 950, n), 0))
    hypotheekrente = _euro(numpy.where(huurder, 0, rng.uniform(200, 900, n)))
    huurtoeslag = _euro(numpy.where(huurder & (verhouding < 1.3), rng.uniform(150, 350, n), 0))
    volwassenen = 1 + partner
    zorgtoeslag = _euro(ZORGTOESLAG_PER_VOLWASSENE * volwassenen * numpy.clip((2.0 - verhouding) / 0.7, 0, 1))
    kgb = _euro(_maximaal_kindgebonden_budget(wkb, kind_leeftijden, partner) / 12 * numpy.clip((2.5 - verhouding) / 1.5, 0, 1))
    auto = rng.random(n) < 0.4

    def soms(kans, laag, hoog, waar=True):
        return _euro(numpy.where(waar & (rng.random(n) < kans), rng.uniform(laag, hoog, n), 0))

    def schuld(kans, waar=True):
        return _euro(numpy.where(waar & (rng.random(n) < kans), numpy.minimum(rng.lognormal(numpy.log(900), 1.0, n), 50_000), 0))

    schulden = {"huurtoeslag": schuld(0.6, huurder), "zorgtoeslag": schuld(0.7), "kindgebonden_budget": schuld(0.5, kinderen > 0),
                "kinderopvangtoeslag": schuld(0.15, kinderen > 0)}
    geen = sum(schulden.values()) == 0
    schulden["zorgtoeslag"] = numpy.where(geen, _euro(numpy.minimum(rng.lognormal(numpy.log(900), 1.0, n), 50_000)), schulden["zorgtoeslag"])
    kostganger = rng.random(n) < 0.01

    waarden = {
        "synthetisch": numpy.ones(n, dtype=bool),
        "aanvrager_geboortedatum": _geboren(leeftijd),
        "partner_geboortedatum": _geboren(partner_leeftijd),
        "aanvrager_netto_inkomen": aanvrager_inkomen,
        "aanvrager_overige_inkomsten": _euro(numpy.where(kostganger, rng.uniform(300, 600, n), 0)),
        "partner_netto_inkomen": partner_inkomen,
        "huur": huur,
        "hypotheekrente": hypotheekrente,
        "ontvangen_huurtoeslag": huurtoeslag,
        "ontvangen_zorgtoeslag": zorgtoeslag,
        "ontvangen_kindgebonden_budget": kgb,
        "zorgpremie": _euro(ZORGPREMIE_2025 * volwassenen),
        "energiekosten": _euro(energie_2025 * rng.lognormal(0, 0.35, n)),
        "vervoerskosten": _euro(numpy.where(auto, rng.uniform(100, 350, n), 0)),
        "auto_nodig_voor_werk": auto,
        "overige_aflossingen": soms(0.5, 50, 250),
        "betalingen_belastingschulden": soms(0.3, 20, 120),
        "betalingen_toeslagschulden": soms(0.05, 20, 100),
        "kosten_kostgangers": _euro(numpy.where(kostganger, rng.uniform(150, 400, n), 0)),
        "dagen_met_kostgangers": numpy.where(kostganger, 30, 0).astype(numpy.int64),
        "aantal_kostgangers": kostganger.astype(numpy.int64),
        "financiele_middelen": soms(0.05, 0, 20_000),
        **{f"terugvordering_{t}": schulden[t] for t in TOESLAGEN},
        **{f"beschikkingsdatum_{t}": numpy.datetime64("2024-01-01") + rng.integers(0, 366, n).astype("timedelta64[D]")
           for t in TOESLAGEN},
    }
    ingevuld = {k: numpy.ones(n, dtype=bool) for k in waarden}
    ingevuld["partner_geboortedatum"] = ingevuld["partner_netto_inkomen"] = partner
    for t in TOESLAGEN:
        ingevuld[f"beschikkingsdatum_{t}"] = schulden[t] > 0
    for i in range(MAX_KINDEREN):
        waarden[f"kind{i + 1}_geboortedatum"] = _geboren(numpy.nan_to_num(kind_leeftijden[:, i]))
        ingevuld[f"kind{i + 1}_geboortedatum"] = i < kinderen

    # housemates: none beside an adult under 21 (not computed, see kostendelersnorm_van_toepassing)
    volwassen = (leeftijd >= 21) & (~partner | (partner_leeftijd >= 21))
    medebewoners = numpy.where(volwassen & (rng.random(n) < 0.12), rng.integers(1, MAX_MEDEBEWONERS + 1, n), 0)
    for i in range(MAX_MEDEBEWONERS):
        leeftijd_m = numpy.where(kinderen > 0, rng.uniform(18, 30, n), rng.uniform(21, 70, n))
        er = i < medebewoners
        waarden[f"kostendeler{i + 1}_geboortedatum"] = _geboren(leeftijd_m)
        waarden[f"kostendeler{i + 1}_volgt_onderwijs_met_studiefinanciering"] = (leeftijd_m < 30) & (rng.random(n) < 0.25)
        waarden[f"kostendeler{i + 1}_commerciele_overeenkomst"] = rng.random(n) < 0.1
        for naam in ("geboortedatum", "volgt_onderwijs_met_studiefinanciering", "commerciele_overeenkomst"):
            ingevuld[f"kostendeler{i + 1}_{naam}"] = er
    ids = numpy.char.add("synthetisch-", numpy.char.zfill(numpy.arange(1, n + 1).astype(str), len(str(n))))
    return Huishoudens(ids, waarden, ingevuld)


def _tekst(kolom, waarden, ingevuld):
    if waarden.dtype == bool:
        tekst = numpy.where(waarden, "ja", "nee")
    elif waarden.dtype.kind in "Mi":
        tekst = waarden.astype(str)
    else:
        tekst = numpy.char.mod("%.2f", waarden)
    return numpy.where(ingevuld, tekst, "")


def schrijf_csv(tabel, pad):
    """Write a household table as CSV (the columns documented in `huishoudens`)."""
    kolommen = [k for k in KOLOMMEN if k in tabel.waarden]
    teksten = [tabel.ids.astype(str)] + [_tekst(k, tabel.waarden[k], tabel.ingevuld[k]) for k in kolommen]
    with open(pad, "w", encoding="utf-8", newline="") as bestand:
        bestand.write(",".join(["huishouden", *kolommen]) + "\n")
        for begin in range(0, len(tabel), 100_000):
            stuk = [t[begin:begin + 100_000].tolist() for t in teksten]
            bestand.write("".join(",".join(rij) + "\n" for rij in zip(*stuk)))
