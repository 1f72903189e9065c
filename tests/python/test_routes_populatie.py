"""The routes of a whole table at once (routes_populatie) equal the one-household routes (routes.routes) to the cent.

Hundreds of random households per request month — partners, children with kindgebonden budget, one to four claims with
their own beschikkingsdata (small ones around Awir art. 26a, large ones), advances to withhold from, savings, opzet,
missed months of their own — under current law and the process and policy reforms, with both review options and with
and without the beslagvrije voet; every total of every route, the months to the end, and where a schedule stops.
"""

import random

import pytest

from openfisca_toeslagen.invoer import bestanden, huishoudens
from openfisca_toeslagen.toepassingen.routes import populatie as routes_populatie
from openfisca_toeslagen.invoer.huishoudens import OngeldigBestand
from openfisca_toeslagen.toepassingen.routes import routes
from openfisca_toeslagen.variables.betalingsregeling import TOESLAGEN
from openfisca_toeslagen.toepassingen.vergelijking import beleidssystemen

PER_MAAND = 100


def _willekeurig(rng, periode):
    """A random household as flat columns (CSV names) and the months it misses."""
    jaar, maand = (int(d) for d in periode.split("-"))
    h = {"aanvrager_geboortedatum": f"{rng.randint(1950, 2000)}-{rng.randint(1, 12):02d}-01",
         "aanvrager_netto_inkomen": round(rng.uniform(600, 4200), 2),
         "aanvrager_aanspraak_op_vakantiegeld": rng.random() < 0.5}
    if rng.random() < 0.4:
        h["partner_geboortedatum"] = f"{rng.randint(1950, 2000)}-06-01"
        h["partner_netto_inkomen"] = round(rng.uniform(0, 2500), 2)
    if rng.random() < 0.3:
        h["kind1_geboortedatum"] = f"{jaar - rng.randint(1, 16)}-03-01"
        h["ontvangen_kindgebonden_budget"] = round(rng.uniform(0, 300), 2)
    for naam, kans, hoog in (("huur", 0.7, 1100), ("zorgpremie", 0.8, 300), ("ontvangen_huurtoeslag", 0.3, 400),
                             ("ontvangen_zorgtoeslag", 0.5, 130), ("financiele_middelen", 0.2, 20000)):
        if rng.random() < kans:
            h[naam] = round(rng.uniform(0, hoog), 2)
    h["opzet_of_grove_schuld"] = rng.random() < 0.1
    for toeslag in rng.sample(TOESLAGEN, rng.choice([1, 1, 2, 2, 3, 4])):
        terug = rng.choice([0, 0, 1, 2, 5, 11, 14, 30])
        m = jaar * 12 + maand - 1 - terug
        h[f"terugvordering_{toeslag}"] = rng.choice([round(rng.uniform(20, 130), 2), 100, 480, 480.01, round(rng.uniform(130, 3000), 2),
                                                      round(rng.uniform(3000, 40000), 2)])
        h[f"beschikkingsdatum_{toeslag}"] = f"{max(m // 12, 2022)}-{m % 12 + 1:02d}-{rng.choice([1, 14, 28]):02d}"
    gemist = sorted({f"{jaar + (maand + d - 1) // 12}-{(maand + d - 1) % 12 + 1:02d}" for d in rng.sample(range(0, 30), rng.choice([0, 0, 1, 2]))})
    return h, gemist


def _situatie(h, periode):
    personen = {"a": {"geboortedatum": {"ETERNITY": h["aanvrager_geboortedatum"]}, "netto_inkomen": {periode: h["aanvrager_netto_inkomen"]},
                      "aanspraak_op_vakantiegeld": {periode: h["aanvrager_aanspraak_op_vakantiegeld"]}}}
    groep = {"aanvrager": ["a"]}
    if "partner_geboortedatum" in h:
        personen["p"] = {"geboortedatum": {"ETERNITY": h["partner_geboortedatum"]}, "netto_inkomen": {periode: h["partner_netto_inkomen"]}}
        groep["partner"] = ["p"]
    if "kind1_geboortedatum" in h:
        personen["k"] = {"geboortedatum": {"ETERNITY": h["kind1_geboortedatum"]}}
        groep["kinderen"] = ["k"]
    for naam, waarde in h.items():
        if naam.startswith("beschikkingsdatum_"):
            groep[naam] = {"ETERNITY": waarde}
        elif not naam.startswith(("aanvrager_", "partner_", "kind1_")):
            groep[naam] = {periode: waarde}
    return {"personen": personen, "huishoudens": {"h": groep}}


def _tabel(tbs, lijst):
    kolommen = sorted({k for h, _ in lijst for k in h})
    rijen = [[("ja" if h[k] else "nee") if isinstance(h.get(k), bool) else str(h.get(k, "")) for k in kolommen] for h, _ in lijst]
    return bestanden.uit_rijen(kolommen, rijen, list(range(2, len(rijen) + 2)), tbs)


@pytest.mark.parametrize("periode, beleid, herziening, bvv", [
    ("2024-03", [], "gelijk", False),
    ("2025-01", ["verlenging_na_gemiste_betaling", "kosten_van_bestaan_95+geen_rente_tijdens_regeling"], "gelijk", True),
    ("2025-09", ["aflossingspercentage_50"], "doorgetrokken", False),
    ("2026-06", [], "doorgetrokken", True),  # reaches 2027: the Kostenwet amounts are not verified, schedules stop
])
def test_population_routes_equal_the_one_household_routes(periode, beleid, herziening, bvv):
    rng = random.Random(f"{periode}{beleid}")
    systemen = beleidssystemen(beleid)
    lijst = [_willekeurig(rng, periode) for _ in range(PER_MAAND)]
    tabel = _tabel(systemen["geldend_recht"], lijst)
    uit = routes_populatie.bereken(tabel, periode, systemen=systemen, herziening=herziening, beslagvrije_voet_bij_verrekening=bvv,
                                   gemiste_maanden={i: gemist for i, (_, gemist) in enumerate(lijst)})
    verschillen, gezien = [], set()
    for naam, tbs in systemen.items():
        for i, (h, gemist) in enumerate(lijst):
            o = routes(_situatie(h, periode), periode, gemist, tbs=tbs, herziening=herziening, beslagvrije_voet_bij_verrekening=bvv)
            for route, r in o.routes.items():
                verwacht = {"betaald": r.totaal_betaald, "rente": r.totaal_rente, "kosten": r.totaal_kosten, "niet_ingevorderd": r.niet_ingevorderd,
                            "nog_open": r.open_aan_het_eind, "maanden": r.maanden_tot_einde or -1}
                gekregen = {k: int(uit.uitkomsten[naam][route][k][i]) for k in verwacht}
                if gekregen != verwacht or bool(uit.onderbroken[naam][route][i]) != bool(r.onderbroken):
                    verschillen.append((naam, route, i, h, gemist, verwacht, gekregen, r.onderbroken))
                gezien |= {route + ":" + k for k, v in verwacht.items() if v > 0} | ({"onderbroken"} if r.onderbroken else set())
    assert not verschillen, f"{len(verschillen)} verschillen, de eerste: {verschillen[:2]}"
    # the random households reach every kind of figure
    for route in ("standaardregeling", "persoonlijke_regeling", "dwanginvordering", "verrekening"):
        assert {f"{route}:rente", f"{route}:betaald", f"{route}:maanden"} <= gezien, route
    assert {"dwanginvordering:kosten", "persoonlijke_regeling:niet_ingevorderd", "standaardregeling:kosten"} <= gezien
    if periode == "2026-06":
        assert "onderbroken" in gezien


def test_the_synthetic_population_through_both_engines():
    """60 synthetic households (children, housemates, kostgangers, pensioners), each row turned into a situation by
    huishoudens.situatie: the population routes equal the one-household routes."""
    from openfisca_toeslagen.invoer import populatie
    systemen = beleidssystemen([])
    tbs = systemen["geldend_recht"]
    tabel = populatie.trek(60, 7)
    uit = routes_populatie.bereken(tabel, "2025-01", systemen=systemen, gemiste_maanden=["2025-04"])
    for i in range(len(tabel)):
        o = routes(huishoudens.situatie(tbs, tabel, i, "2025-01"), "2025-01", ["2025-04"], tbs=tbs)
        for route, r in o.routes.items():
            verwacht = (r.totaal_betaald, r.totaal_rente, r.totaal_kosten, r.niet_ingevorderd, r.open_aan_het_eind, r.maanden_tot_einde or -1)
            assert tuple(int(uit.uitkomsten["geldend_recht"][route][k][i]) for k in routes_populatie.KOLOMMEN) == verwacht, (i, route)


def test_command_line_routes_for_a_table(tmp_path, capsys):
    from openfisca_toeslagen.toepassingen.cli import main
    tabel, uit = tmp_path / "populatie.csv", tmp_path / "routes.csv"
    assert main(["populatie", "--aantal", "40", "--uitvoer", str(tabel)]) == 0
    assert main(["routes", "--huishoudens", str(tabel), "--hervorming", "verlenging_na_gemiste_betaling", "--gemist", "2025-05",
                 "--uitvoer", str(uit)]) == 0
    tekst = capsys.readouterr().out
    assert "SYNTHETISCHE huishoudens" in tekst and "Routes — Geldend recht, 40 huishoudens, verzoek in 2025-01" in tekst
    assert "Routes — Verlenging na gemiste betaling" in tekst and "gemiste betalingen voor iedereen: 2025-05" in tekst
    rijen = uit.read_text(encoding="utf-8").splitlines()
    assert rijen[0] == "huishouden,beleid,route,betaald,rente,kosten,niet_ingevorderd,nog_open,maanden"
    assert len(rijen) == 1 + 40 * 2 * 5
    # a table without beschikkingsdata cannot give routes; a situation and a table together are refused
    zonder = tmp_path / "zonder.csv"
    zonder.write_text("huishouden,aanvrager_geboortedatum,aanvrager_netto_inkomen,terugvordering_huurtoeslag\nh1,1980-01-01,1500,900\n")
    assert main(["routes", "--huishoudens", str(zonder)]) == 2
    assert "1 huishoudens met een terugvordering zonder beschikkingsdatum, bijvoorbeeld h1 (beschikkingsdatum_huurtoeslag)" in capsys.readouterr().err
    assert main(["routes", str(zonder), "--huishoudens", str(zonder)]) == 2


def test_a_table_with_a_beschikking_before_2022_is_refused_naming_the_household(tbs):
    tabel = bestanden.uit_rijen(["huishouden", "aanvrager_geboortedatum", "aanvrager_netto_inkomen", "terugvordering_zorgtoeslag",
                                 "beschikkingsdatum_zorgtoeslag"],
                                [["nieuw", "1980-01-01", "1500", "900", "2024-06-01"], ["oud", "1980-01-01", "1500", "900", "2021-06-01"]],
                                [2, 3], tbs)
    with pytest.raises(OngeldigBestand, match="1 huishoudens met een beschikking van vóór 2022-01-01, bijvoorbeeld oud"):
        routes_populatie.bereken(tabel, "2025-01", systemen=beleidssystemen([]))
