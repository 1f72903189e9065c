"""The routes month by month, against hand-worked cases, invariants over random households, and the process reforms.

Figures used by hand: 2025 bijstandsnorm single 1345.45, beslagvrije voet 95 % = 1278.1775 → 1278.18 (Rv 475da);
invorderingsrente 4 % in 2024–2025 (Besluit BIR art. 2) and 0 % from 2026 for toeslagen (Awir art. 47b), per payment
over 30-day months / 360, rounded down to euros, not billed when € 23 or less (URI art. 29–33); Kostenwet 2025:
aanmaning € 21 from € 454, dwangbevel € 53 + € 5 per whole € 45 above € 45.
"""

import json
import random

import pytest

from conftest import mark as situatie_mark
from openfisca_toeslagen.toepassingen.cli import main
from openfisca_toeslagen.invoer.huishoudens import OngeldigBestand
from openfisca_toeslagen.geld import euro_tekst
from openfisca_toeslagen.toepassingen.routes import PROCESPARAMETERS, routes


def huishouden(periode, netto=1500.0, vakantiegeld=False, vorderingen=(), **huishouden_invoer):
    """One single applicant; `vorderingen` = [(toeslag, bedrag, beschikkingsdatum)]."""
    h = {"aanvrager": ["a"], **{k: {periode: v} for k, v in huishouden_invoer.items()}}
    for toeslag, bedrag, datum in vorderingen:
        h[f"terugvordering_{toeslag}"] = {periode: bedrag}
        h[f"beschikkingsdatum_{toeslag}"] = {"ETERNITY": datum}
    persoon = {"geboortedatum": {"ETERNITY": "1980-01-01"}, "netto_inkomen": {periode: netto},
               "aanspraak_op_vakantiegeld": {periode: vakantiegeld}}
    return {"personen": {"a": persoon}, "huishoudens": {"h": h}}


def betalingen(route):
    return {m.maand: m.betaald for m in route.maanden if m.betaald}


def test_leidraad_79_7_600_euro_is_25_a_month_for_24_months():
    """€ 600, beschikking 2025-03-01, vervaldag 2025-04-12: 600 / 24 = 25 from 2025-04 to 2027-03. Interest per
    payment at most 25 × 9 × 4 % / 12 = 0.75 → 0 whole euros (2026 months 0 %): none."""
    o = routes(huishouden("2025-03", vorderingen=[("huurtoeslag", 600, "2025-03-01")]))
    route = o.routes["standaardregeling"]
    assert list(betalingen(route).values()) == [2500] * 24
    assert (min(betalingen(route)), max(betalingen(route))) == ("2025-04", "2027-03")
    assert (route.totaal_betaald, route.totaal_rente, route.totaal_kosten) == (60000, 0, 0)


def test_leidraad_79_7_480_01_euro_is_raised_to_20_01():
    """€ 480.01 > € 480: 480.01 / 24 = 20.0004 → 20.01 up to the cent; 23 × 20.01 = 460.23, the last term 19.78."""
    o = routes(huishouden("2025-03", vorderingen=[("zorgtoeslag", 480.01, "2025-03-01")]))
    (vordering,) = o.vorderingen
    assert (vordering.standaard_termijn, vordering.standaard_looptijd) == (2001, 24)
    assert list(betalingen(o.routes["standaardregeling"]).values()) == [2001] * 23 + [1978]


@pytest.mark.parametrize("bedrag, datum, niet", [(118, "2025-03-01", True), (118.01, "2025-03-01", False),
                                                 (121, "2026-02-01", True), (116.01, "2024-12-31", False),
                                                 (117, "2024-12-31", False), (117, "2025-01-01", True)])
def test_awir_26a_small_claims_are_not_reclaimed(bedrag, datum, niet):
    """Threshold at the beschikking: € 116 in 2024, € 118 in 2025, € 121 in 2026 ("niet meer bedraagt dan")."""
    periode = datum[:7]
    o = routes(huishouden(periode, vorderingen=[("zorgtoeslag", bedrag, datum)]))
    assert o.vorderingen[0].niet_teruggevorderd is niet
    assert o.routes["direct_betalen"].totaal_betaald == o.schuld == (0 if niet else round(bedrag * 100))


def test_dwanginvordering_2000_euro_from_2025_02():
    """€ 2,000, beschikking 2025-02-01, vervaldag 2025-03-15, income 2,000 (no vakantiegeld):
    herinnering 2025-04; aanmaning 2025-05: € 21 (≥ € 454); dwangbevel 2025-06 on 2,021: ⌊1,976 / 45⌋ = 43 → 53 + 215 = 268;
    beslag from 2025-07: 2,000 − 1,278.18 = 721.82 a month, first to the 289 of costs.
    Interest on principal: 432.82 × 4 × 4 % / 12 = 5.77 → 5; 721.82 × 5 m → 12.03 → 12; 721.82 × 6 m → 14.44 → 14;
    123.54 × 7 m → 2.88 → 2; total 33 > 23, billed 2025-10 and paid 2025-11. Paid 2,000 + 289 + 33 = 2,322."""
    o = routes(huishouden("2025-02", netto=2000, vorderingen=[("huurtoeslag", 2000, "2025-02-01")]))
    route = o.routes["dwanginvordering"]
    per_maand = {m.maand: m for m in route.maanden}
    assert per_maand["2025-05"].kosten == 2100 and per_maand["2025-06"].kosten == 26800
    assert betalingen(route) == {"2025-07": 72182, "2025-08": 72182, "2025-09": 72182, "2025-10": 12354, "2025-11": 3300}
    assert (route.totaal_kosten, route.totaal_rente, route.totaal_betaald, route.afgerond_in) == (28900, 3300, 232200, "2025-11")
    assert route.maanden_tot_einde == 10  # 2025-02 … 2025-11
    assert ["herinnering" in e for e in per_maand["2025-04"].gebeurtenissen] == [True]


def test_standaardregeling_interest_is_billed_after_the_last_term():
    """€ 2,000 from 2025-03: 83.34 a month (24 terms, last 83.18). Interest per term 83.34 × k × 4 % / 12 with k months
    since 2025-03, at most 10 months of 2025 (2026: 0 %): k 0–3 → 0, k 4–7 → 1, k 8–9 → 2, the 14 terms of 2026–2027 → 2;
    4 + 4 + 28 = 36 > 23: billed after the last term (2027-02) and paid 2027-03."""
    o = routes(huishouden("2025-02", netto=2000, vorderingen=[("huurtoeslag", 2000, "2025-02-01")]))
    route = o.routes["standaardregeling"]
    assert (route.totaal_rente, route.totaal_betaald, route.afgerond_in) == (3600, 203600, "2027-03")


def test_persoonlijke_regeling_review_after_twelve_months_and_rest_left():
    """Mark (2025-01: capacity 349.30 → 279 a month) with € 9,480 due 2025-01-12; in 2026-01 his net income is 2,200:
    income 2,200 + 7 % = 2,354; woonlasten 575 − 252.49 = 322.51; zorg 150 − 47 = 103; tax 95; kosten van bestaan
    0.9 × 1,401.50 = 1,261.35; capacity 2,354 − 520.51 − 1,261.35 = 572.14 → 457. Twelve terms of 279 (3,348) and
    twelve of 457 (5,484): 8,832 paid, 648 not collected (Leidraad 79.9); interest built up is never billed."""
    situatie = situatie_mark()
    situatie["personen"]["mark"]["netto_inkomen"]["2026-01"] = 2200
    o = routes(situatie, "2025-01")
    route = o.routes["persoonlijke_regeling"]
    assert o.uitkomst == "gedeeltelijke_aflossing" and o.persoonlijk_termijnbedrag == 27900
    assert list(betalingen(route).values()) == [27900] * 12 + [45700] * 12
    assert (route.totaal_betaald, route.niet_ingevorderd, route.totaal_rente, route.open_aan_het_eind) == (883200, 64800, 0, 0)
    assert (route.afgerond_in, route.maanden_tot_einde) == ("2027-01", 26)  # the rest is left after the 24th term (2026-12)


def test_persoonlijke_regeling_without_a_new_income_keeps_the_amount_and_follows_the_decision():
    """No input for 2026-01, default review 'gelijk': 24 × 279 = 6,696 paid, 9,480 − 6,696 = 2,784 left, as decided."""
    o = routes(situatie_mark(), "2025-01")
    route = o.routes["persoonlijke_regeling"]
    assert list(betalingen(route).values()) == [27900] * 24
    assert (route.totaal_betaald, route.niet_ingevorderd) == (669600, 278400)
    assert o.verschil_met_beslissing() == (
        "De route met een persoonlijke regeling volgt de beslissing: € 279 per maand, 24 maanden, € 6.696 betaald en € 2.784 niet "
        "ingevorderd; bij de herziening in 2026-01 blijft het bedrag gelijk (geen invoer voor 2026-01 gegeven).")
    assert any("het bedrag blijft" in g or "€ 279 per maand, geen invoer" in g for m in route.maanden for g in m.gebeurtenissen)


def test_persoonlijke_regeling_carried_forward_reviews_on_the_new_norms_and_says_why_it_differs():
    """Review 'doorgetrokken': the request month's inputs with the 2026 norms give capacity
    2,097.20 − (575 − 252.49) − 103 − 95 − 1,261.35 = 315.34 → 252: 12 × 279 + 12 × 252 = 6,372 paid, 3,108 left."""
    o = routes(situatie_mark(), "2025-01", herziening="doorgetrokken")
    route = o.routes["persoonlijke_regeling"]
    assert list(betalingen(route).values()) == [27900] * 12 + [25200] * 12
    assert (route.totaal_betaald, route.niet_ingevorderd) == (637200, 310800)
    zin = o.verschil_met_beslissing()
    assert zin.startswith("De route met een persoonlijke regeling betaalt € 6.372 en laat € 3.108 liggen, anders dan de beslissing")
    assert "€ 252 in plaats van € 279" in zin and "de invoer van 2025-01 met de normen van 2026-01" in zin
    with pytest.raises(OngeldigBestand, match="herziening 'later': kies uit gelijk, doorgetrokken"):
        routes(situatie_mark(), "2025-01", herziening="later")


def test_the_difference_with_the_decision_names_costs_interest_and_a_moved_term():
    """Mark misses 2025-06: the regeling lapses, costs and interest follow; with verlenging_na_gemiste_betaling the
    same 24 terms are paid a month later, as decided."""
    mark = situatie_mark()
    huidig = routes(mark, "2025-01", gemiste_maanden=["2025-06"])
    r = huidig.routes["persoonlijke_regeling"]
    zin = huidig.verschil_met_beslissing()
    assert f"volgen {euro_tekst(r.totaal_kosten)} invorderingskosten" in zin and f"{euro_tekst(r.totaal_rente)} invorderingsrente" in zin
    assert r.totaal_kosten > 0 and r.totaal_rente > 0
    verlengd = routes(mark, "2025-01", gemiste_maanden=["2025-06"], hervormingen=["verlenging_na_gemiste_betaling"])
    assert verlengd.verschil_met_beslissing().endswith("maar later. Waarom: een gemiste betaling schuift de regeling een maand op.")
    standaard = routes(huishouden("2025-03", vorderingen=[("zorgtoeslag", 300, "2025-03-01")]))
    assert standaard.verschil_met_beslissing().startswith("Het verzoek leidt niet tot een persoonlijke regeling (afgewezen: de standaardregeling is op te brengen)")


def test_process_parameters_are_never_read_by_the_decision(tbs):
    """PROCESPARAMETERS decide which reforms change only the routes: none of them appears in the trace of a decision,
    for households of every kind, and each names parameters that exist."""
    from openfisca_core.simulation_builder import SimulationBuilder
    from openfisca_toeslagen.geldigheid import alle_parameters
    gezin = huishouden("2025-03", netto=2400, vorderingen=[("kindgebonden_budget", 3000, "2025-01-10"), ("zorgtoeslag", 90, "2024-06-01")],
                       huur=900, ontvangen_huurtoeslag=200, zorgpremie=300, ontvangen_zorgtoeslag=120, financiele_middelen=9000,
                       kosten_kostgangers=100, dagen_met_kostgangers=30, aantal_kostgangers=1, opzet_of_grove_schuld=True)
    gezin["personen"].update({"p": {"geboortedatum": {"ETERNITY": "1955-01-01"}}, "k": {"geboortedatum": {"ETERNITY": "2015-01-01"}},
                              "m": {"geboortedatum": {"ETERNITY": "1990-01-01"}}})
    gezin["huishoudens"]["h"].update({"partner": ["p"], "kinderen": ["k"], "kostendelers": ["m"]})
    gelezen = set()
    for situatie, periode in ((situatie_mark(), "2025-01"), (gezin, "2025-03")):
        sim = SimulationBuilder().build_from_entities(tbs, situatie)
        sim.trace = True
        for variabele in ("uitkomst_verzoek", "termijnbedrag", "looptijd_maanden", "totaal_af_te_lossen", "restschuld_buiten_invordering",
                          "direct_te_betalen_uit_vermogen", "vrij_besteedbaar_na_regeling", "berekening_voorlopig"):
            sim.calculate(variabele, periode)
        gelezen |= {p.name for knoop in sim.tracer.browse_trace() for p in knoop.parameters}
    assert len(gelezen) > 30
    assert not {p for p in gelezen if p.startswith(PROCESPARAMETERS)}
    namen = [p.name for p in alle_parameters(tbs.parameters)]
    for prefix in PROCESPARAMETERS:
        assert any(n.startswith(prefix) or n == prefix for n in namen), prefix


def test_a_missed_payment_current_law_against_verlenging_na_gemiste_betaling():
    """€ 600 from 2025-04, terms 2025-04 and -05 paid, 2025-06 missed. Current law: the regeling lapses; herinnering
    2025-07, aanmaning 2025-08 on 550 → € 21, dwangbevel 2025-09 on 571: ⌊526 / 45⌋ = 11 → 53 + 55 = 108; beslag
    1,500 − 1,278.18 = 221.82 from 2025-10 (costs 129 first). Interest 1 + 5 + 5 + 0 = 11 ≤ 23: not billed.
    With the reform the schedule moves a month: 24 terms of 25, the last in 2027-04, no costs."""
    situatie = huishouden("2025-03", vorderingen=[("huurtoeslag", 600, "2025-03-01")])
    huidig = routes(situatie, gemiste_maanden=["2025-06"]).routes["standaardregeling"]
    assert betalingen(huidig) == {"2025-04": 2500, "2025-05": 2500, "2025-10": 22182, "2025-11": 22182, "2025-12": 22182, "2026-01": 1354}
    assert (huidig.totaal_kosten, huidig.totaal_rente, huidig.totaal_betaald) == (12900, 0, 72900)
    verlengd = routes(situatie, gemiste_maanden=["2025-06"], hervormingen=["verlenging_na_gemiste_betaling"]).routes["standaardregeling"]
    assert list(betalingen(verlengd).values()) == [2500] * 24 and max(betalingen(verlengd)) == "2027-04"
    assert verlengd.totaal_kosten == 0
    twee_keer = routes(situatie, gemiste_maanden=["2025-06", "2025-08"], hervormingen=["verlenging_na_gemiste_betaling"])
    assert twee_keer.routes["standaardregeling"].totaal_kosten == 2100 + 10800  # the second miss: lapses, on 550 as well


def test_geen_rente_tijdens_regeling_removes_the_interest_of_the_arrangement_only():
    """The € 2,000 standaardregeling above: 36 of interest under current law, none with the reform; dwanginvordering keeps its 33."""
    situatie = huishouden("2025-02", netto=2000, vorderingen=[("huurtoeslag", 2000, "2025-02-01")])
    o = routes(situatie, hervormingen=["geen_rente_tijdens_regeling"])
    assert o.routes["standaardregeling"].totaal_rente == 0 and o.routes["verrekening"].totaal_rente == 0
    assert o.routes["dwanginvordering"].totaal_rente == 3300


def test_verrekening_withholds_the_term_from_the_advance_never_more():
    """€ 300 zorgtoeslag from 2025-04: term min(300, 20) = 20, 15 months. An advance of 123 → all 20 withheld; an advance
    of 10 → 10 withheld and 10 paid; with the beslagvrije voet and 1,000 + 123 < 1,278.18 nothing withheld, 20 paid."""
    def verrekend(voorschot, netto=1500, bvv=False):
        situatie = huishouden("2025-03", netto=netto, vorderingen=[("zorgtoeslag", 300, "2025-03-01")], ontvangen_zorgtoeslag=voorschot)
        route = routes(situatie, beslagvrije_voet_bij_verrekening=bvv).routes["verrekening"]
        return [(m.betaald, m.verrekend) for m in route.maanden if m.betaald]
    assert verrekend(123) == [(2000, 2000)] * 15
    assert verrekend(10) == [(2000, 1000)] * 15
    assert verrekend(123, netto=1000, bvv=True) == [(2000, 0)] * 15


def test_claims_overview_and_division_oldest_first():
    """Huurtoeslag € 1,000 (beschikking 2024-11-01) and zorgtoeslag € 8,000 (2024-12-01), Mark's income: standaardregelingen
    1000 / 24 → 41.67 and 8000 / 24 → 333.34, together 375.01 > 279, so a persoonlijke regeling of 279 a month
    (24 × 279 < 9,000: gedeeltelijk); the oldest claim (huurtoeslag, due 2024-12-13) takes the whole first term."""
    situatie = situatie_mark()
    h = situatie["huishoudens"]["huishouden_mark"]
    h["terugvordering_huurtoeslag"] = {"2025-01": 1000}
    h["beschikkingsdatum_huurtoeslag"] = {"ETERNITY": "2024-11-01"}
    h["terugvordering_zorgtoeslag"] = {"2025-01": 8000}
    h["beschikkingsdatum_zorgtoeslag"] = {"ETERNITY": "2024-12-01"}
    o = routes(situatie, "2025-01")
    assert o.schuld == 900000 and o.standaard_per_maand == 4167 + 33334
    assert o.uitkomst == "gedeeltelijke_aflossing" and o.verdeling == {"huurtoeslag": 27900, "zorgtoeslag": 0}


def test_invariants_over_random_households():
    """Paid + not collected + still open = debt + interest + costs; no claim paid before its own vervaldag; nothing negative.
    Partners, several claims with their own dates, requests 2023–2026, missed months, both process reforms."""
    rng = random.Random(5)
    for _ in range(60):
        periode = f"{rng.choice([2023, 2024, 2025, 2026])}-{rng.randint(1, 12):02d}"
        jaar, maand = int(periode[:4]), int(periode[5:])
        vorderingen = []
        for toeslag in rng.sample(["huurtoeslag", "zorgtoeslag", "kinderopvangtoeslag", "kindgebonden_budget"], rng.randint(1, 3)):
            terug = rng.randint(0, 14)
            j, m = (jaar * 12 + maand - 1 - terug) // 12, (jaar * 12 + maand - 1 - terug) % 12 + 1
            vorderingen.append((toeslag, round(rng.uniform(50, 12000), 2), f"{max(j, 2022)}-{m:02d}-{rng.randint(1, 28):02d}"))
        situatie = huishouden(periode, netto=round(rng.uniform(900, 3500), 2), vakantiegeld=rng.random() < 0.5,
                              vorderingen=vorderingen, huur=round(rng.uniform(0, 900), 2), ontvangen_zorgtoeslag=rng.choice([0, 120]),
                              financiele_middelen=rng.choice([0, 0, 4000]))
        if rng.random() < 0.4:
            situatie["personen"]["p"] = {"geboortedatum": {"ETERNITY": "1979-06-01"}, "netto_inkomen": {periode: 900}}
            situatie["huishoudens"]["h"]["partner"] = ["p"]
        gemist = [f"{jaar + rng.randint(0, 1)}-{rng.randint(1, 12):02d}"] if rng.random() < 0.5 else []
        o = routes(situatie, gemiste_maanden=gemist,
                   hervormingen=rng.choice([[], ["verlenging_na_gemiste_betaling"], ["geen_rente_tijdens_regeling"]]),
                   beslagvrije_voet_bij_verrekening=rng.random() < 0.5)
        vervalmaand = {v.toeslag: v.vervaldag.isoformat()[:7] for v in o.vorderingen}
        for route in o.routes.values():
            assert route.totaal_betaald + route.niet_ingevorderd + route.open_aan_het_eind == o.schuld + route.totaal_rente + route.totaal_kosten, (situatie, route.naam)
            assert route.opgebouwde_rente >= 0 and all(m.betaald >= 0 and m.openstaand >= 0 and m.verrekend <= m.betaald for m in route.maanden)
            for m in route.maanden:
                for toeslag in m.per_vordering:
                    assert m.maand >= vervalmaand[toeslag], (route.naam, toeslag, m.maand)


def test_a_lapsed_arrangement_does_not_enforce_a_claim_before_it_is_due():
    """Huurtoeslag due 2025-03, zorgtoeslag beschikking 2025-06-20 → vervaldag 2025-08-01; a miss in 2025-04 lapses the
    regeling: huurtoeslag herinnering 2025-05, zorgtoeslag only from 2025-09 (the month after its vervaldag)."""
    situatie = huishouden("2025-06", vorderingen=[("huurtoeslag", 1000, "2025-02-01"), ("zorgtoeslag", 900, "2025-06-20")])
    route = routes(situatie, gemiste_maanden=["2025-04"]).routes["standaardregeling"]
    gebeurtenissen = {m.maand: m.gebeurtenissen for m in route.maanden if m.gebeurtenissen}
    assert gebeurtenissen["2025-05"] == ["herinnering huurtoeslag (kosteloos)"]
    assert gebeurtenissen["2025-09"] == ["herinnering zorgtoeslag (kosteloos)"]


def test_a_figure_not_yet_verified_stops_only_that_route():
    """A claim of 2026-11: the dwanginvordering reaches 2027, for which the Kostenwet amounts are not known; that schedule
    stops there with the reason, the other routes are complete."""
    o = routes(huishouden("2026-11", vorderingen=[("zorgtoeslag", 900, "2026-11-02")]))
    dwang = o.routes["dwanginvordering"]
    assert "kostenwet_invordering_rijksbelastingen" in dwang.onderbroken and "2027-02" in dwang.onderbroken
    assert dwang.open_aan_het_eind > 0 and dwang.afgerond_in is None
    assert o.routes["standaardregeling"].totaal_betaald == 90000 and not o.routes["standaardregeling"].onderbroken


def test_interest_built_up_on_a_debt_still_open_after_ten_years_is_reported():
    """€ 150,000 kinderopvangtoeslag, beslag 2,500 − 1,278.18 a month: after 120 months principal is still open,
    so the interest on what was paid is not billed yet; the route reports it."""
    o = routes(huishouden("2025-03", netto=2500, vorderingen=[("kinderopvangtoeslag", 150000, "2025-03-01")]))
    dwang = o.routes["dwanginvordering"]
    assert len(dwang.maanden) == 120 and dwang.open_aan_het_eind > 0 and dwang.opgebouwde_rente > 0
    assert "opgebouwde invorderingsrente" in dwang.maanden[-1].gebeurtenissen[-1]


def test_routes_need_a_beschikkingsdatum_and_one_household():
    situatie = huishouden("2025-03", vorderingen=[("zorgtoeslag", 300, "2025-03-01")])
    del situatie["huishoudens"]["h"]["beschikkingsdatum_zorgtoeslag"]
    with pytest.raises(OngeldigBestand, match="beschikkingsdatum_zorgtoeslag ontbreekt"):
        routes(situatie)
    with pytest.raises(ValueError, match="ligt na de maand van het verzoek 2025-03"):  # the law layer's check (Awir art. 26a)
        routes(huishouden("2025-03", vorderingen=[("zorgtoeslag", 300, "2025-04-01")]))
    with pytest.raises(OngeldigBestand, match="precies één element onder 'huishoudens'"):
        routes({"personen": {}, "huishoudens": {}})
    andere_maand = huishouden("2025-03", vorderingen=[("zorgtoeslag", 300, "2025-03-01")])
    andere_maand["huishoudens"]["h"]["terugvordering_zorgtoeslag"] = {"2025-02": 300}
    andere_maand["huishoudens"]["h"]["netto_inkomen"] = None
    with pytest.raises(OngeldigBestand, match="terugvordering_zorgtoeslag is gegeven voor 2025-02, niet voor de maand van het verzoek 2025-03"):
        routes(andere_maand, "2025-03")
    with pytest.raises(ValueError, match="terugvordering_zorgtoeslag mag niet negatief zijn"):
        routes(huishouden("2025-03", vorderingen=[("zorgtoeslag", -300, "2025-03-01")]))
    with pytest.raises(OngeldigBestand, match="gemiste maand '2025-13' is geen maand"):
        routes(huishouden("2025-03", vorderingen=[("zorgtoeslag", 300, "2025-03-01")]), gemiste_maanden=["2025-13"])
    zonder_bedrag = huishouden("2025-03")
    zonder_bedrag["huishoudens"]["h"]["beschikkingsdatum_huurtoeslag"] = {"ETERNITY": "2025-03-01"}
    with pytest.raises(OngeldigBestand, match="beschikkingsdatum_huurtoeslag is gegeven zonder terugvordering_huurtoeslag"):
        routes(zonder_bedrag)


def test_command_line_routes_side_by_side(capsys, tmp_path):
    bestand = tmp_path / "h.json"
    bestand.write_text(json.dumps(huishouden("2025-02", netto=2000, vorderingen=[("huurtoeslag", 2000, "2025-02-01")])))
    assert main(["routes", str(bestand), "--gemist", "2025-05", "--hervorming", "verlenging_na_gemiste_betaling", "--schema"]) == 0
    uit = capsys.readouterr().out
    assert "Totaaloverzicht — verzoek in 2025-02" in uit and "Routes — verlenging_na_gemiste_betaling" in uit
    regels = {r.split()[0]: r for r in uit.splitlines() if r.startswith("dwanginvordering")}
    assert "€ 2.322,00" in regels["dwanginvordering"] and "€ 289,00" in regels["dwanginvordering"]
    assert "Schema dwanginvordering" in uit and "dwangbevel huurtoeslag" in uit
    bestand.write_text("{}")
    assert main(["routes", str(bestand)]) == 2


def test_the_sentence_names_only_what_happened_on_the_route():
    """A lapse whose costs fall in an unverified month is a lapse, not a move; a full repayment has no review; no beslag
    is named when the income stays below the beslagvrije voet."""
    mark = situatie_mark()
    laat = json.loads(json.dumps(mark).replace('"2025-01"', '"2026-10"').replace("2024-12-01", "2026-09-01"))
    zin = routes(laat, "2026-10", gemiste_maanden=["2026-11"]).verschil_met_beslissing()
    assert "na een gemiste betaling vervalt de regeling" in zin and "schuift" not in zin and "schema gestopt in 2027-01" in zin
    spaarder = json.loads(json.dumps(mark))
    spaarder["huishoudens"]["huishouden_mark"]["financiele_middelen"] = {"2025-01": 5000}
    o = routes(spaarder, "2025-01", herziening="doorgetrokken")
    assert o.uitkomst == "volledige_aflossing" and "herziening" not in o.verschil_met_beslissing()
    # 1150 + 7 % = 1230.50: capacity 1230.50 − 1210.91 = 19.59 → 15 a month, but below the beslagvrije voet of 1278.18.
    # Paid 2 × 15, missed 2025-03: aanmaning on 2,970 → € 21, dwangbevel on 2,991: 53 + 5 × ⌊2,946 / 45⌋ = 53 + 325 = 378.
    laag = routes(huishouden("2025-01", netto=1150, vakantiegeld=True, vorderingen=[("huurtoeslag", 3000, "2024-12-01")]),
                  gemiste_maanden=["2025-03"])
    zin = laag.verschil_met_beslissing()
    assert laag.uitkomst == "gedeeltelijke_aflossing" and laag.persoonlijk_termijnbedrag == 1500
    assert "na een gemiste betaling vervalt de regeling en volgen € 399 invorderingskosten;" in zin and "beslag" not in zin


def test_a_beschikking_before_the_routes_parameters_is_refused_by_name():
    with pytest.raises(OngeldigBestand, match="beschikkingsdatum_zorgtoeslag 2021-06-01: de routes rekenen met de betalingstermijn"):
        routes(huishouden("2025-01", vorderingen=[("zorgtoeslag", 900, "2021-06-01")]))
