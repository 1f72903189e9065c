"""The command line: Mark under every reform, a CSV run with output and chart, bad input, the synthetic population."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MARK
from openfisca_toeslagen import reforms
from openfisca_toeslagen.invoer import populatie
from openfisca_toeslagen.toepassingen.cli import main

VIJF = Path(__file__).parent / "data" / "vijf_huishoudens.csv"
PNG = b"\x89PNG\r\n\x1a\n"

# Mark's termijnbedrag per policy, worked by hand in tests/regels/hervormingen/*.yaml.
MARK_TERMIJN = {
    "Geldend recht": "€ 279,00",
    "Inflatiegeïndexeerde norm": "€ 279,00",
    "Kosten van bestaan 95 %": "€ 225,00",
    "Kosten van bestaan 100 %": "€ 171,00",
    "Werkelijke lasten": "€ 0,00",
    "Aflossingspercentage 50 %": "€ 174,00",
    "Andere betalingsregelingen aftrekbaar": "€ 163,00",
}


def test_mark_current_law_next_to_every_reform(capsys, tmp_path):
    grafiek = tmp_path / "mark.png"
    args = ["vergelijk", "--situatie", str(MARK), "--periode", "2025-01", "--grafiek", str(grafiek)]
    for naam in reforms.HERVORMINGEN:
        args += ["--hervorming", naam]
    assert main(args) == 0
    uitvoer = capsys.readouterr().out
    regels = {regel.split("  ")[0]: regel for regel in uitvoer.splitlines()}
    for titel, termijn in MARK_TERMIJN.items():
        assert titel in regels, uitvoer
        assert f" {termijn} " in regels[titel], regels[titel]
    assert "€ 258,20" in regels["Geldend recht"] and "€ 2.784,00" in regels["Geldend recht"]
    assert grafiek.read_bytes().startswith(PNG) and grafiek.stat().st_size > 10_000


def test_csv_run_writes_every_row_and_a_chart(capsys, tmp_path):
    uit, grafiek = tmp_path / "uit.csv", tmp_path / "grafiek.png"
    assert main(["vergelijk", "--huishoudens", str(VIJF), "--hervorming", "werkelijke_lasten+kosten_van_bestaan_95",
                 "--uitvoer", str(uit), "--grafiek", str(grafiek), "--voortgang"]) == 0
    uitvoer = capsys.readouterr()
    assert "Samenvatting — 5 huishoudens, 2025-01" in uitvoer.out
    assert "Werkelijke lasten + Kosten van bestaan 95 %" in uitvoer.out
    assert "berekenen" in uitvoer.err  # the progress bar
    with open(uit, encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))
    assert len(rijen) == 10
    assert {r["beleid"] for r in rijen} == {"geldend_recht", "werkelijke_lasten+kosten_van_bestaan_95"}
    assert grafiek.read_bytes().startswith(PNG) and grafiek.stat().st_size > 10_000


def test_a_parameter_file_is_a_policy(capsys, tmp_path):
    bestand = tmp_path / "norm_97.yaml"
    bestand.write_text("uitvoeringsregeling_invorderingswet.art_16.percentage:\n  2025-01-01: 0.97\n")
    assert main(["vergelijk", "--situatie", str(MARK), "--hervorming", str(bestand)]) == 0
    # 0.97 × 1345.45 = 1305.0865 → 1305.09; capacity 1560.21 − 1305.09 = 255.12; 80 % = 204.096 → 204
    regel = next(r for r in capsys.readouterr().out.splitlines() if r.startswith("norm 97"))
    assert "€ 255,12" in regel and "€ 204,00" in regel


@pytest.mark.parametrize("args, melding", [
    (["--huishoudens", "BAD"], "rij 3, kolom huur: 'veel' is geen bedrag"),
    (["--situatie", str(MARK), "--hervorming", "kosten_van_bestaan_90"], "onbekende hervorming 'kosten_van_bestaan_90'"),
    (["--situatie", "MARK_2027", "--periode", "2027-01", "--strikt"], "geen geverifieerde waarde voor 2027-01"),
    (["--situatie", str(MARK), "--periode", "2025-03"], "periode '2025-03': de situatie geeft geen invoer voor die maand (wel voor 2025-01)"),
    (["--situatie", "LIJST"], "een situatie is een JSON-object"),
    (["--situatie", str(MARK), "--uitvoer", "/bestaat/niet/uit.csv"], "/bestaat/niet/uit.csv: kan hier niet schrijven"),
    (["--situatie", str(MARK), "--grafiek", "grafiek.txt"], "grafiek.txt: de naam moet eindigen op .png"),
    (["--situatie", str(MARK), "--hervorming", "werkelijke_lasten+werkelijke_lasten"], "hervorming werkelijke_lasten staat meer dan eens"),
    (["--situatie", "GEEN_JSON"], "geen geldige JSON"),
    (["--situatie", "ONBEKEND"], "onbekende_variabele"),
])
def test_bad_input_exits_2_with_a_message(capsys, tmp_path, args, melding):
    slecht = tmp_path / "slecht.csv"
    slecht.write_text("huishouden,aanvrager_geboortedatum,huur\nh1,1980-01-01,575\nh2,1980-01-01,veel\n")
    geen_json = tmp_path / "kapot.json"
    geen_json.write_text("{niet")
    onbekend = tmp_path / "onbekend.json"
    onbekend.write_text('{"personen": {"a": {"onbekende_variabele": {"2025-01": 1}}}, "huishoudens": {"h": {"aanvrager": ["a"]}}}')
    mark_2027 = tmp_path / "mark_2027.json"
    mark_2027.write_text(MARK.read_text().replace("2025-01", "2027-01"))
    lijst = tmp_path / "lijst.json"
    lijst.write_text("[]")
    vervang = {"BAD": str(slecht), "GEEN_JSON": str(geen_json), "ONBEKEND": str(onbekend), "MARK_2027": str(mark_2027),
               "LIJST": str(lijst)}
    assert main(["vergelijk", *[vervang.get(a, a) for a in args]]) == 2
    assert melding in capsys.readouterr().err


def test_a_period_that_is_not_a_month_is_refused(capsys):
    with pytest.raises(SystemExit) as uitgang:
        main(["vergelijk", "--situatie", str(MARK), "--periode", "2025"])
    assert uitgang.value.code == 2 and "geen maand" in capsys.readouterr().err


def test_population_is_synthetic_reproducible_and_follows_its_documented_shares(capsys, tmp_path):
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    assert main(["populatie", "--aantal", "4000", "--seed", "3", "--uitvoer", str(a)]) == 0
    assert "SYNTHETISCHE" in capsys.readouterr().err
    main(["populatie", "--aantal", "4000", "--seed", "3", "--uitvoer", str(b)])
    main(["populatie", "--aantal", "4000", "--seed", "4", "--uitvoer", str(c)])
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    with open(a, encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))
    assert len(rijen) == 4000 and all(r["huishouden"].startswith("synthetisch-") for r in rijen)
    partner = sum(1 for r in rijen if r["partner_geboortedatum"])
    kinderen = sum(1 for r in rijen if r["kind1_geboortedatum"])
    medebewoners = sum(1 for r in rijen if r["kostendeler1_geboortedatum"])
    kindgebonden_budget = sum(1 for r in rijen if float(r["ontvangen_kindgebonden_budget"]) > 0)
    zorgtoeslag = sum(1 for r in rijen if float(r["ontvangen_zorgtoeslag"]) > 0)
    verwacht = populatie.HUISHOUDTYPEN
    # binomial standard deviation for 4000 draws is below 0.8 percentage points; allow 3 of them
    assert partner / 4000 == pytest.approx(verwacht["echtgenoten_zonder_kinderen"][0] + verwacht["echtgenoten_met_kinderen"][0], abs=0.025)
    assert kinderen / 4000 == pytest.approx(verwacht["echtgenoten_met_kinderen"][0] + verwacht["alleenstaande_ouder"][0], abs=0.025)
    # housemates in 12 % of the households with no adult under 21 (about 97 %); most families receive kindgebonden budget
    assert medebewoners / 4000 == pytest.approx(0.12 * 0.97, abs=0.02)
    assert 0.8 * kinderen < kindgebonden_budget <= kinderen
    assert zorgtoeslag > 0.5 * 4000
    assert all(float(r["terugvordering_huurtoeslag"]) + float(r["terugvordering_zorgtoeslag"])
               + float(r["terugvordering_kindgebonden_budget"]) + float(r["terugvordering_kinderopvangtoeslag"]) > 0 for r in rijen)


def test_the_command_is_installed():
    commando = Path(sys.executable).parent / "openfisca-toeslagen"
    antwoord = subprocess.run([str(commando), "vergelijk", "--help"], capture_output=True, text=True, check=True)
    assert "--hervorming" in antwoord.stdout and "inflatie_geindexeerde_norm" in antwoord.stdout
