"""Comparison of policies and the household CSV: hand-worked summaries, the same result as a situation, bad files refused."""

from pathlib import Path

import numpy
import pytest

from openfisca_toeslagen.invoer import bestanden, huishoudens, populatie
from openfisca_toeslagen.toepassingen.vergelijking import vergelijk

DATA = Path(__file__).parent / "data"
VIJF = DATA / "vijf_huishoudens.csv"

# tests/python/data/vijf_huishoudens.csv, 2025-01, by hand (kosten van bestaan 1210.91, 100 %: 1345.45):
#   mark          as in tests/regels/mark_ibtd_rapportage_2025.yaml: termijn 279, 24 months, 6696 paid, 2784 left, vrij 258.20;
#                 100 %: capacity 1560.21 − 1345.45 = 214.76 → 171, 4104 paid, 5376 left, vrij 366.20
#   standaard     no vakantiegeld; capacity 1500 − 1210.91 = 289.09 → 231 ≥ standaardregeling 1000 / 24 → 41.67:
#                 refused, 41.67 a month, 24 months, all 1000 paid, vrij 1500 − 289.09 − 41.67 = 1169.24
#                 (100 %: capacity 154.55 → 123, still ≥ 41.67: the same)
#   zonder_schuld no debt: geen_schuld, left out of the means, medians and shares
#   precies_100   woonlasten 700 − 238.01 = 461.99, capacity 0 → geen invorderingsmaatregelen, 300 left; vrij 1100 − 1000 = 100.00
#   tekort        capacity 0 → geen invorderingsmaatregelen, 300 left; vrij 900 − 950 = −50
# Current law over the 4 debtors: termijn [279, 41.67, 0, 0]: mean 320.67 / 4 = 80.1675, median (0 + 41.67) / 2 = 20.835;
# paid 6696 + 1000 = 7696; left 2784 + 300 + 300 = 3384; below 0: 1 (25 %); below 100: 1 (precies_100 is not below).
# 100 %: termijn [171, 41.67, 0, 0]: mean 53.1675, median 20.835; paid 4104 + 1000 = 5104; left 5376 + 600 = 5976.


@pytest.fixture(scope="module")
def vijf():
    return vergelijk(VIJF, ["kosten_van_bestaan_100"], "2025-01")


def test_summary_of_current_law_worked_by_hand(vijf):
    s = vijf.samenvattingen()["geldend_recht"]
    assert (s["huishoudens"], s["met_schuld"]) == (5, 4)
    assert (s["uitkomst_geen_schuld"], s["uitkomst_gedeeltelijke_aflossing"], s["uitkomst_standaardregeling"],
            s["uitkomst_geen_invorderingsmaatregelen"], s["uitkomst_volledige_aflossing"]) == (1, 1, 1, 2, 0)
    assert s["termijnbedrag_gemiddeld"] == pytest.approx(80.1675)
    assert s["termijnbedrag_mediaan"] == pytest.approx(20.835)
    assert s["totaal_afgelost"] == pytest.approx(7696)
    assert s["totaal_niet_ingevorderd"] == pytest.approx(3384)
    assert (s["onder_0"], s["aandeel_onder_0"], s["onder_100"], s["aandeel_onder_100"]) == (1, 0.25, 1, 0.25)


def test_summary_of_the_reform_worked_by_hand(vijf):
    s = vijf.samenvattingen()["kosten_van_bestaan_100"]
    assert s["termijnbedrag_gemiddeld"] == pytest.approx(53.1675)
    assert s["termijnbedrag_mediaan"] == pytest.approx(20.835)
    assert s["totaal_afgelost"] == pytest.approx(5104)
    assert s["totaal_niet_ingevorderd"] == pytest.approx(5976)


def test_rows_per_household_and_policy_worked_by_hand(vijf, tmp_path):
    rijen = {(r["huishouden"], r["beleid"]): r for r in vijf.rijen()}
    assert len(rijen) == 10  # 5 households × 2 policies: nothing dropped
    mark = rijen["mark", "kosten_van_bestaan_100"]
    assert (mark["betalingscapaciteit"], mark["termijnbedrag"], mark["looptijd_maanden"], mark["restschuld_buiten_invordering"],
            mark["uitkomst_verzoek"], mark["vrij_besteedbaar_na_regeling"]) == (214.76, 171, 24, 5376, "gedeeltelijke_aflossing", 366.20)
    standaard = rijen["standaard", "geldend_recht"]
    assert (standaard["termijnbedrag"], standaard["looptijd_maanden"], standaard["totaal_af_te_lossen"],
            standaard["uitkomst_verzoek"], standaard["vrij_besteedbaar_na_regeling"]) == (41.67, 24, 1000, "standaardregeling", 1169.24)
    assert rijen["precies_100", "geldend_recht"]["vrij_besteedbaar_na_regeling"] == 100.0
    uit = tmp_path / "uit.csv"
    vijf.naar_csv(uit)
    import csv
    regels = list(csv.reader(uit.read_text().splitlines()))
    assert len(regels) == 11 and regels[0][:5] == ["huishouden", "beleid", "schuld", "betalingscapaciteit", "termijnbedrag"]
    mark = next(r for r in regels if r[:2] == ["mark", "kosten_van_bestaan_100"])
    assert mark[regels[0].index("termijnbedrag")] == "171" and mark[regels[0].index("aanvrager_geboortedatum")] == "1982-05-01"


def test_table_gives_the_same_as_the_situation_for_partners_children_and_pensioners(tbs, tmp_path):
    """The CSV path builds its own simulation; the standard SimulationBuilder on the same households must agree
    (partners, children, housemates, pensioners, allowances, beschikkingsdata)."""
    tabel = populatie.trek(300, seed=11)
    pad = tmp_path / "p.csv"
    populatie.schrijf_csv(tabel, pad)
    gelezen = bestanden.lees(pad, tbs)
    spec = huishoudens.kolommen(tbs)
    rollen = {"aanvrager": "aanvrager", "partner": "partner", "kind": "kinderen", "kostendeler": "kostendelers"}
    situatie = {"personen": {}, "huishoudens": {}}
    for i, hid in enumerate(gelezen.ids):
        leden = {}
        for kolom in populatie.KOLOMMEN:
            if kolom == "synthetisch" or not gelezen.ingevuld[kolom][i]:
                continue
            naam, persoon = spec[kolom]
            waarde = gelezen.waarden[kolom][i]
            periode = "ETERNITY" if tbs.variables[naam].definition_period == "eternity" else "2025-01"
            waarde = str(waarde) if waarde.dtype.kind == "M" else bool(waarde) if waarde.dtype == bool else waarde.item()
            if persoon is None:
                leden[naam] = {periode: waarde}
                continue
            pid = f"{hid}-{persoon}"
            if pid not in situatie["personen"]:
                leden.setdefault(rollen[persoon.rstrip("0123456789")], []).append(pid)
            situatie["personen"].setdefault(pid, {})[naam] = {periode: waarde}
        situatie["huishoudens"][hid] = leden
    uit_tabel = vergelijk(gelezen, ["werkelijke_lasten"], "2025-01")
    uit_situatie = vergelijk(situatie, ["werkelijke_lasten"], "2025-01")
    assert list(uit_situatie.huishoudens) == list(gelezen.ids)
    for beleid in uit_tabel.beleid:
        for naam, waarden in uit_tabel.uitkomsten[beleid].items():
            numpy.testing.assert_array_equal(waarden, uit_situatie.uitkomsten[beleid][naam], err_msg=f"{beleid} {naam}")
    assert len(set(uit_tabel.uitkomsten["geldend_recht"]["uitkomst_verzoek"])) >= 4  # the sample reaches most outcomes
    assert any(len(leden.get("kostendelers", [])) for leden in situatie["huishoudens"].values())


def test_population_round_trips_through_csv(tbs, tmp_path):
    tabel = populatie.trek(500, seed=5)
    pad = tmp_path / "p.csv"
    populatie.schrijf_csv(tabel, pad)
    gelezen = bestanden.lees(pad, tbs)
    assert list(gelezen.ids) == list(tabel.ids)
    for kolom in populatie.KOLOMMEN:
        numpy.testing.assert_array_equal(gelezen.ingevuld[kolom], tabel.ingevuld[kolom], err_msg=kolom)
        ingevuld = tabel.ingevuld[kolom]
        numpy.testing.assert_array_equal(gelezen.waarden[kolom][ingevuld], tabel.waarden[kolom][ingevuld], err_msg=kolom)


KOP = "huishouden,aanvrager_geboortedatum,aanvrager_netto_inkomen,huur,partner_netto_inkomen"


@pytest.mark.parametrize("inhoud, melding", [
    (KOP + "\nh1,1980-01-01,1960,575,\nh2,1980-01-01,1.960,00,575,\n", "rij 3: 6 cellen, de kopregel heeft 5 kolommen"),
    (KOP + "\nh1,1980-01-01,\"1.960,00\",575,\n", "rij 2, kolom aanvrager_netto_inkomen: '1.960,00': gebruik een punt als decimaalteken"),
    (KOP + "\nh1,1980-01-01,1960,-575,\n", "rij 2, kolom huur: '-575': een bedrag mag niet negatief zijn"),
    (KOP + "\nh1,1980-01-01,1960,575.005,\n", "rij 2, kolom huur: '575.005' moet een bedrag van 0 tot € 1.000.000.000 zijn, met ten hoogste twee"),
    (KOP + "\nh1,1980-01-01,1960,1000000000,\n", "rij 2, kolom huur: '1000000000' moet een bedrag van 0 tot € 1.000.000.000 zijn"),
    (KOP + "\nh1,1980-01-01,1960,veel,\n", "rij 2, kolom huur: 'veel' is geen bedrag"),
    (KOP + "\nh1,1980-01-01,1960,1e3,\n", "rij 2, kolom huur: '1e3' is geen bedrag"),
    (KOP + "\nh1,1980-01-01,1960,+5,\n", "rij 2, kolom huur: '\\+5' is geen bedrag"),
    (KOP + "\nh1,1980-01-01,1960,1_000,\n", "rij 2, kolom huur: '1_000' is geen bedrag"),
    (KOP + "\nh1,1980-01-01,1960,nan,\n", "rij 2, kolom huur: 'nan' is geen bedrag"),
    (KOP + "\nh1,1980-W05-3,1960,575,\n", "rij 2, kolom aanvrager_geboortedatum: '1980-W05-3' is geen datum"),
    (KOP + "\nh1,1899-12-31,1960,575,\n", "rij 2, kolom aanvrager_geboortedatum: '1899-12-31' is geen datum van de vorm JJJJ-MM-DD \\(vanaf 1900\\)"),
    (KOP + "\nh1,1980-02-30,1960,575,\n", "rij 2, kolom aanvrager_geboortedatum: '1980-02-30' is geen datum"),
    (KOP + "\nh1,01-01-1980,1960,575,\n", "rij 2, kolom aanvrager_geboortedatum: '01-01-1980' is geen datum"),
    (KOP + "\nh1,,1960,575,\n", "rij 2, kolom aanvrager_geboortedatum: leeg \\(verplicht\\)"),
    (KOP + "\nh1,1980-01-01,1960,575,1200\n", "rij 2, kolom partner_netto_inkomen: ingevuld, maar zonder partner_geboortedatum"),
    (KOP + "\nh1,1980-01-01,1960,575,\nh1,1981-01-01,1960,575,\n", "kolom huishouden: 'h1' komt 2 keer voor"),
    ("huishouden,aanvrager_geboortedatum,hur\nh1,1980-01-01,575\n", "kolom 3 'hur' is onbekend; bedoelt u 'huur'\\?"),
    ("huishouden,huur\nh1,575\n", "de kolom 'aanvrager_geboortedatum' ontbreekt"),
    ("huishouden,aanvrager_geboortedatum,auto_nodig_voor_werk\nh1,1980-01-01,misschien\n", "rij 2, kolom auto_nodig_voor_werk: 'misschien' is geen ja of nee"),
    ("huishouden,aanvrager_geboortedatum,aantal_kinderen\nh1,1980-01-01,1\n", "kolom 3 'aantal_kinderen' bestaat niet meer: geef per kind een kolom kind1_geboortedatum"),
    ("huishouden,aanvrager_geboortedatum,dagen_met_kostgangers\nh1,1980-01-01,1.5\n", "rij 2, kolom dagen_met_kostgangers: '1.5' is geen geheel getal"),
    ("huishouden,aanvrager_geboortedatum,kind2_netto_inkomen\nh1,1980-01-01,100\n", "rij 2, kolom kind2_netto_inkomen: ingevuld, maar zonder kind2_geboortedatum is er geen kind2"),
    ("huishouden,aanvrager_geboortedatum,kostendeler11_geboortedatum\nh1,1980-01-01,1990-01-01\n", "kolom 3 'kostendeler11_geboortedatum' is onbekend"),
    ("huishouden,aanvrager_geboortedatum,kostendeler1_commerciele_overeenkomst\nh1,1980-01-01,ja\n", "rij 2, kolom kostendeler1_commerciele_overeenkomst: ingevuld, maar zonder kostendeler1_geboortedatum"),
    ("huishouden,aanvrager_geboortedatum,kostendeler1_geboortedatum,kostendeler1_netto_inkomen\nh1,1980-01-01,1990-01-01,900\n",
     "kolom 4 'kostendeler1_netto_inkomen': de regels lezen netto_inkomen niet voor een kostendeler"),
    ("huishouden,aanvrager_geboortedatum,aanvrager_commerciele_overeenkomst\nh1,1980-01-01,ja\n",
     "kolom 3 'aanvrager_commerciele_overeenkomst': de regels lezen commerciele_overeenkomst niet voor een aanvrager"),
    ("huishouden,aanvrager_geboortedatum,kind1_geboortedatum,kind1_opgenomen_in_inrichting\nh1,1980-01-01,2015-01-01,ja\n",
     "kolom 4 'kind1_opgenomen_in_inrichting': de regels lezen opgenomen_in_inrichting niet voor een kind"),
    ("huishouden,aanvrager_geboortedatum,huur\nh1,1980-01-01,\"5\n75\"\nh2,1980-01-01,x\n", "rij 3, kolom huur: 'x'"),
    ("", "het bestand is leeg"),
    (KOP + "\n", "geen huishoudens"),
])
def test_bad_csv_is_refused_naming_row_and_column(tbs, tmp_path, inhoud, melding):
    pad = tmp_path / "slecht.csv"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(huishoudens.OngeldigBestand, match=melding):
        bestanden.lees(pad, tbs)


def test_every_person_input_is_a_column_for_some_role(tbs):
    invoer = {n for n, v in tbs.variables.items() if v.entity.is_person and not v.formulas}
    assert invoer == set().union(*map(set, huishoudens.PER_ROL.values()))
    spec = huishoudens.kolommen(tbs)
    assert "kostendeler3_opgenomen_in_inrichting" in spec and "kind4_kinderbijslag" in spec
    assert "kostendeler1_netto_inkomen" not in spec and "partner_commerciele_overeenkomst" not in spec


def test_all_errors_of_a_file_are_reported_together(tbs, tmp_path):
    pad = tmp_path / "slecht.csv"
    pad.write_text(KOP + "\nh1,1980-01-01,x,575,\nh2,1980-01-01,1960,y,\n", encoding="utf-8")
    with pytest.raises(huishoudens.OngeldigBestand) as fout:
        bestanden.lees(pad, tbs)
    assert "rij 2, kolom aanvrager_netto_inkomen" in str(fout.value) and "rij 3, kolom huur" in str(fout.value)


def test_rows_without_id_are_numbered_as_in_a_spreadsheet_and_blank_lines_skipped(tbs, tmp_path):
    pad = tmp_path / "zonder_id.csv"
    pad.write_text("aanvrager_geboortedatum,huur\n1980-01-01,575\n\n1981-01-01,600\n", encoding="utf-8")
    tabel = bestanden.lees(pad, tbs)
    assert list(tabel.ids) == ["2", "4"]
    assert list(tabel.waarden["huur"]) == [575, 600]


def test_paid_from_vermogen_is_reported_and_the_totals_add_up_to_the_debt(tbs, tmp_path):
    """Mark with € 3,000 savings: exempt 1210.91 + 336.99 + 105 = 1652.90 (URI art. 12), so 1347.10 is paid at once;
    rest 8132.90, 24 × 279 = 6696 through the arrangement, 1436.90 left; 6696 + 1347.10 + 1436.90 = 9480."""
    pad = tmp_path / "spaargeld.csv"
    pad.write_text(VIJF.read_text().splitlines()[0] + ",financiele_middelen\n" + VIJF.read_text().splitlines()[1] + ",3000\n")
    s = vergelijk(pad, [], "2025-01").samenvattingen()["geldend_recht"]
    assert (s["totaal_afgelost"], s["totaal_uit_vermogen"], s["totaal_niet_ingevorderd"]) == pytest.approx((6696, 1347.10, 1436.90))


def test_a_synthetic_table_stays_labelled(tbs):
    assert vergelijk(populatie.trek(50, seed=1), [], "2025-01").synthetisch
    assert not vergelijk(VIJF, [], "2025-01").synthetisch


def test_a_row_of_the_table_as_a_situation_gives_the_same_decision(tbs):
    """huishoudens.situatie turns one row into the one-household situation the explanation and the routes take."""
    tabel = bestanden.lees(DATA / "vijf_huishoudens.csv", tbs)
    geheel = vergelijk(tabel, periode="2025-01").uitkomsten["geldend_recht"]
    for i in range(len(tabel)):
        los = vergelijk(huishoudens.situatie(tbs, tabel, i, "2025-01"), periode="2025-01").uitkomsten["geldend_recht"]
        for naam in ("termijnbedrag", "looptijd_maanden", "restschuld_buiten_invordering", "vrij_besteedbaar_na_regeling"):
            assert los[naam][0] == pytest.approx(geheel[naam][i], abs=0.005), (i, naam)
