"""The vicious circle scenario: Mark worked out by hand month by month, the scenario against the routes when nobody
misses, the assumptions with their sources, and bad assumptions refused.

Mark (2025-01): termijn € 279, what he keeps after it € 258.20 (tests/regels), below the food-bank leefgeld of
€ 200 + € 115 = € 315 for one person: he misses every term. His claim (€ 9,480, beschikking 2024-12-01) falls due on
2025-01-12, so his regeling starts in 2025-01. Under current law, with the default assumptions (new request two months
after the lapse, twelve weeks = three months to decide, no collection while the request is handled):
  miss and lapse in m; herinnering m+1; aanmaning m+2 (Kostenwet art. 2 on € 454 or more: € 21 in 2025, € 22 in 2026) and the new
  request; waiting m+3, m+4; the decision starts a new regeling in m+5, which he misses: a cycle of five months.
  Lapses 2025-01, -06, -11, 2026-04, -09; requests 2025-03, -08, 2026-01, -06, -11; new regelingen 2025-06, -11,
  2026-04, -09; forced collection (herinnering, aanmaning) 2025-02, -03, -07, -08, -12, 2026-01, -05, -06, -10, -11.
Under verlenging_na_gemiste_betaling the first miss moves the regeling a month: a cycle of six months.
"""

import math

import numpy
import pytest

from openfisca_toeslagen.invoer import bestanden
from openfisca_toeslagen.toepassingen import kringloop
from openfisca_toeslagen.toepassingen.routes import populatie as routes_populatie
from openfisca_toeslagen.invoer.huishoudens import OngeldigBestand
from openfisca_toeslagen.variables.betalingsregeling import PERSOONLIJK
from openfisca_toeslagen.toepassingen.vergelijking import beleidssystemen

MARK = ("huishouden,aanvrager_geboortedatum,aanvrager_netto_inkomen,aanvrager_aanspraak_op_vakantiegeld,huur,energiekosten,"
        "zorgpremie,overige_aflossingen,betalingen_belastingschulden,vervoerskosten,auto_nodig_voor_werk,"
        "terugvordering_huurtoeslag,beschikkingsdatum_huurtoeslag\n"
        "mark,1982-05-01,1960,ja,575,295,150,145,95,300,ja,9480,2024-12-01\n")


@pytest.fixture(scope="module")
def mark(tmp_path_factory, tbs):
    pad = tmp_path_factory.mktemp("kringloop") / "mark.csv"
    pad.write_text(MARK, encoding="utf-8")
    return bestanden.lees(pad, tbs)


def test_mark_under_current_law_goes_round_every_five_months(mark):
    s = kringloop.bereken(mark, "2025-01")
    assert s.missen["geldend_recht"] == 1 and s.aantal == 1
    jaren = s.per_jaar()["geldend_recht"]
    assert jaren[2025] == {"verzoeken": 3, "termijnen_gemist": 3, "intrekkingen": 3, "nieuwe_verzoeken": 2,
                           "bezwaren": pytest.approx(0.6), "nieuwe_regelingen": 2, "maanden_dwanginvordering": 5,
                           "kosten": 42, "rente": 0, "ingevorderd": 0, "gestopt": 0}
    assert jaren[2026] == {"verzoeken": 3, "termijnen_gemist": 2, "intrekkingen": 2, "nieuwe_verzoeken": 3,
                           "bezwaren": pytest.approx(0.4), "nieuwe_regelingen": 2, "maanden_dwanginvordering": 5,
                           "kosten": 66, "rente": 0, "ingevorderd": 0, "gestopt": 0}


def test_mark_with_verlenging_goes_round_every_six_months_and_with_the_full_norm_pays(mark):
    """verlenging: misses 2025-01 (moved) and -02 (lapse), new regeling 2025-07, misses -07 and -08, new regeling 2026-01, ...
    kosten_van_bestaan_100: termijn € 171, he keeps € 258.20 + € 108 = € 366.20 ≥ € 315 and pays 12 × 171 a year."""
    s = kringloop.bereken(mark, "2025-01", hervormingen=["verlenging_na_gemiste_betaling", "kosten_van_bestaan_100"])
    verlengd = s.per_jaar()["verlenging_na_gemiste_betaling"]
    for jaar, regelingen, kosten in ((2025, 1, 2 * 21), (2026, 2, 2 * 22)):
        rij = verlengd[jaar]
        assert (rij["termijnen_gemist"], rij["intrekkingen"], rij["nieuwe_verzoeken"], rij["nieuwe_regelingen"],
                rij["maanden_dwanginvordering"], rij["kosten"]) == (4, 2, 2, regelingen, 4, kosten), jaar
    volle_norm = s.per_jaar()["kosten_van_bestaan_100"]
    assert s.missen["kosten_van_bestaan_100"] == 0
    assert [(r["ingevorderd"], r["termijnen_gemist"], r["verzoeken"]) for r in volle_norm.values()] == [(2052, 0, 1), (2052, 0, 0)]


def test_the_legal_decision_time_and_collection_during_a_request(mark):
    """Eight weeks (Awb art. 4:13) is two months: a cycle of four. With collection during the request the dwangbevel
    of m+3 comes too: € 53 + € 5 × ⌊(9,501 − 45) / 45⌋ = € 1,103, at most the maximum of art. 3."""
    acht = kringloop.bereken(mark, "2025-01", wijzigingen={"beslistermijn_weken": 8}).per_jaar()["geldend_recht"]
    assert acht[2025]["intrekkingen"] == 3 and acht[2025]["nieuwe_regelingen"] == 2  # 2025-01, -05, -09; new 2025-05, -09
    assert acht[2026]["intrekkingen"] == 3  # 2026-01, -05, -09
    door = kringloop.bereken(mark, "2025-01", wijzigingen={"invordering_tijdens_verzoek": True}).per_jaar()["geldend_recht"]
    assert door[2025]["kosten"] > kringloop.bereken(mark, "2025-01").per_jaar()["geldend_recht"][2025]["kosten"]


def test_when_nobody_misses_the_scenario_collects_what_the_routes_collect(tbs):
    """With no leefgeld nobody who keeps anything misses: over five years the scenario collects, to the cent, what the persoonlijke_regeling
    routes of the same households pay (households whose request led to a persoonlijke regeling: a refused request's
    standaardregeling pays from before the request month, which the scenario does not count)."""
    from openfisca_toeslagen.invoer import populatie
    from openfisca_toeslagen.toepassingen.vergelijking import vergelijk
    tabel = populatie.trek(1000, 11)
    besluit = vergelijk(tabel, periode="2025-01").uitkomsten["geldend_recht"]
    persoonlijk = numpy.isin(besluit["uitkomst_verzoek"], [u.index for u in PERSOONLIJK])
    tabel = tabel.rijen(numpy.flatnonzero(persoonlijk & (besluit["vrij_besteedbaar_na_regeling"] >= 0)))  # below 0 even a 0 leefgeld is missed
    s = kringloop.bereken(tabel, "2025-01", wijzigingen={"leefgeld_basis": 0, "leefgeld_per_persoon": 0, "horizon_maanden": 60})
    route = routes_populatie.bereken(tabel, "2025-01", systemen=beleidssystemen([])).uitkomsten["geldend_recht"]["persoonlijke_regeling"]
    jaren = s.per_jaar()["geldend_recht"].values()
    assert s.missen["geldend_recht"] == 0 and sum(rij["intrekkingen"] for rij in jaren) == 0
    assert len(tabel) > 300
    assert round(sum(rij["ingevorderd"] for rij in jaren), 2) == route["betaald"].sum() / 100


def test_every_assumption_has_a_source_or_is_labelled_an_assumption():
    for naam, (waarde, zekerheid, bron) in kringloop.aannames("2025-01").items():
        assert zekerheid in ("tekst", "secundair", "lezing", "aanname"), naam
        assert len(bron) > 40, naam
        assert waarde is not None and not (isinstance(waarde, float) and math.isnan(waarde)), naam


@pytest.mark.parametrize("wijziging, melding", [
    ({"onbekend": 1}, "onbekende aanname 'onbekend'"),
    ({"beslistermijn_weken": -1}, "aanname beslistermijn_weken: -1 is geen geldige waarde"),
    ({"beslistermijn_weken": float("nan")}, "is geen geldige waarde"),
    ({"invordering_tijdens_verzoek": 3}, "aanname invordering_tijdens_verzoek: 3 is geen geldige waarde"),
    ({"aandeel_bezwaar": 1.5}, "een aandeel"),
    ({"horizon_maanden": 61}, "horizon_maanden: 1 tot en met 60"),
    ({"beslistermijn_weken": 0}, "ten minste een maand"),
    ({"nieuw_verzoek_na_maanden": 0}, "ten minste een maand"),
])
def test_bad_assumptions_are_refused_by_name(mark, wijziging, melding):
    with pytest.raises(OngeldigBestand, match=melding):
        kringloop.bereken(mark, "2025-01", wijzigingen=wijziging)


def test_command_line_scenario(tmp_path, capsys):
    from openfisca_toeslagen.toepassingen.cli import main
    tabel = tmp_path / "populatie.csv"
    assert main(["populatie", "--aantal", "300", "--uitvoer", str(tabel)]) == 0
    assert main(["kringloop", "--huishoudens", str(tabel), "--hervorming", "verlenging_na_gemiste_betaling",
                 "--aanname", "beslistermijn_weken=8", "--uitvoer", str(tmp_path / "k.csv"), "--grafiek", str(tmp_path / "k.png")]) == 0
    tekst = capsys.readouterr().out
    assert "beslistermijn_weken = 8.0 [aanname]: gewijzigd voor deze berekening (was 12)" in tekst
    assert "leefgeld_basis = 200 [secundair]: Normbedrag van Voedselbanken Nederland" in tekst
    assert "Dit zijn scenarioresultaten, geen voorspellingen" in tekst
    assert (tmp_path / "k.csv").read_text(encoding="utf-8").splitlines()[0].startswith("beleid,jaar,verzoeken,termijnen_gemist,intrekkingen")
    assert (tmp_path / "k.png").stat().st_size > 10_000
    assert main(["kringloop", "--huishoudens", str(tabel), "--aanname", "beslistermijn_weken=veel"]) == 2


def test_a_refused_request_enters_the_circle_only_from_the_request_month(tbs, tmp_path):
    """Mark with opzet (refused: the standaardregeling of 9480 / 24 = 395 stays) and a claim due since 2024-04: before
    2025-01 the scenario follows nobody; from then on the same five-month cycle, every count consistent."""
    pad = tmp_path / "opzet.csv"
    pad.write_text(MARK.replace("auto_nodig_voor_werk,", "auto_nodig_voor_werk,opzet_of_grove_schuld,")
                   .replace(",ja,9480,2024-12-01", ",ja,ja,9480,2024-03-01"), encoding="utf-8")
    s = kringloop.bereken(bestanden.lees(pad, tbs), "2025-01")
    assert s.missen["geldend_recht"] == 1
    rij = s.per_jaar()["geldend_recht"][2025]
    assert (rij["termijnen_gemist"], rij["intrekkingen"], rij["nieuwe_verzoeken"], rij["nieuwe_regelingen"]) == (3, 3, 2, 2)


def test_a_part_from_savings_alone_is_never_missed(tbs, tmp_path):
    """No capacity, so no monthly term (geen invorderingsmaatregelen), but savings above the exemption: the part from
    savings is paid once, whatever is left each month; nothing is missed."""
    pad = tmp_path / "spaarder.csv"
    pad.write_text("huishouden,aanvrager_geboortedatum,aanvrager_netto_inkomen,huur,financiele_middelen,terugvordering_huurtoeslag,"
                   "beschikkingsdatum_huurtoeslag\nh,1980-01-01,1200,700,4000,5000,2024-12-01\n", encoding="utf-8")
    s = kringloop.bereken(bestanden.lees(pad, tbs), "2025-01")
    rij = s.per_jaar()["geldend_recht"][2025]
    assert s.missen["geldend_recht"] == 0 and rij["termijnen_gemist"] == 0 and rij["ingevorderd"] > 0
