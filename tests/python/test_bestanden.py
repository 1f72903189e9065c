"""Household tables through pandas, Parquet and Excel: round trips, the same results as from CSV, the bad-file rules
(each bad cell named by its spreadsheet row and column), the outputs with the inputs alongside, and the impact per
income decile worked out by hand."""

import datetime

import numpy
import pandas
import pytest

from openfisca_toeslagen.invoer import bestanden, populatie
from openfisca_toeslagen.toepassingen.grafiek import maak_effecten_grafiek
from openfisca_toeslagen.invoer.huishoudens import OngeldigBestand
from openfisca_toeslagen.toepassingen.vergelijking import UITVOER, vergelijk

from test_vergelijking import VIJF


@pytest.fixture(scope="module")
def tabel():
    return populatie.trek(400, seed=8)


def _gelijk(a, b):
    assert list(a.ids) == list(b.ids)
    assert set(a.waarden) == set(b.waarden)
    for kolom in a.waarden:
        numpy.testing.assert_array_equal(a.ingevuld[kolom], b.ingevuld[kolom], err_msg=kolom)
        numpy.testing.assert_array_equal(a.waarden[kolom][a.ingevuld[kolom]], b.waarden[kolom][b.ingevuld[kolom]], err_msg=kolom)


@pytest.mark.parametrize("soort", [".parquet", ".xlsx", ".csv"])
def test_a_table_round_trips_through_a_dataframe_and_every_file_kind(tbs, tabel, tmp_path, soort):
    df = tabel.naar_dataframe()
    _gelijk(bestanden.lees(df, tbs), tabel)
    pad = tmp_path / f"populatie{soort}"
    bestanden.schrijf(df.iloc[:120] if soort == ".xlsx" else df, pad)
    _gelijk(bestanden.lees(pad, tbs), tabel.deel(0, 120) if soort == ".xlsx" else tabel)


def test_every_source_gives_the_same_comparison(tbs, tabel, tmp_path):
    df = tabel.naar_dataframe()
    bestanden.schrijf(df, tmp_path / "p.parquet")
    populatie.schrijf_csv(tabel, tmp_path / "p.csv")
    uitkomsten = [vergelijk(bron, ["kosten_van_bestaan_95"], "2025-01").uitkomsten
                  for bron in (tabel, df, tmp_path / "p.parquet", tmp_path / "p.csv")]
    for andere in uitkomsten[1:]:
        for beleid in uitkomsten[0]:
            for naam in UITVOER:
                numpy.testing.assert_array_equal(andere[beleid][naam], uitkomsten[0][beleid][naam], err_msg=f"{beleid} {naam}")


def test_the_tidy_result_carries_the_inputs_and_the_label(tabel, tmp_path):
    v = vergelijk(tabel, ["kosten_van_bestaan_95"], "2025-01")
    df = v.naar_dataframe()
    assert len(df) == 2 * len(tabel)  # one row per household × policy, nothing dropped
    assert list(df.columns[:2]) == ["huishouden", "beleid"] and set(UITVOER) <= set(df.columns)
    assert df["synthetisch"].all() and "aanvrager_netto_inkomen" in df.columns and "kind1_geboortedatum" in df.columns
    rij = df[(df.huishouden == tabel.ids[0]) & (df.beleid == "kosten_van_bestaan_95")].iloc[0]
    assert rij["aanvrager_netto_inkomen"] == pytest.approx(tabel.waarden["aanvrager_netto_inkomen"][0])
    assert rij["termijnbedrag"] == pytest.approx(float(v.uitkomsten["kosten_van_bestaan_95"]["termijnbedrag"][0]), abs=0.005)
    assert df["uitkomst_verzoek"].dtype.name == "category" and df["looptijd_maanden"].dtype == numpy.int64
    samenvatting = v.samenvatting()
    assert list(samenvatting.index) == ["geldend_recht", "kosten_van_bestaan_95"]
    assert samenvatting.loc["geldend_recht", "met_schuld"] == v.samenvattingen()["geldend_recht"]["met_schuld"]
    for soort in (".parquet", ".csv", ".xlsx"):
        v.naar_bestand(tmp_path / f"uit{soort}")
    gelezen = pandas.read_parquet(tmp_path / "uit.parquet")
    assert gelezen.shape == df.shape and list(gelezen.columns) == list(df.columns)
    assert pandas.read_csv(tmp_path / "uit.csv").shape == df.shape
    assert pandas.read_excel(tmp_path / "uit.xlsx").shape == df.shape


def _xlsx(tmp_path, rijen):
    pad = tmp_path / "slecht.xlsx"
    pandas.DataFrame(rijen[1:], columns=rijen[0]).to_excel(pad, index=False)
    return pad


KOP = ["huishouden", "aanvrager_geboortedatum", "aanvrager_netto_inkomen", "huur"]


@pytest.mark.parametrize("rijen, melding", [
    ([KOP, ["h1", "1980-01-01", "1.960,00", 575]], "rij 2, kolom aanvrager_netto_inkomen: '1.960,00': gebruik een punt als decimaalteken"),
    ([KOP, ["h1", "1980-01-01", 1960, -575]], "rij 2, kolom huur: '-575': een bedrag mag niet negatief zijn"),
    ([KOP, ["h1", "1980-01-01", 1960, 575.005]], "rij 2, kolom huur: '575.005' moet een bedrag van 0 tot € 1.000.000.000 zijn"),
    ([KOP, ["h1", "1980-02-30", 1960, 575]], "rij 2, kolom aanvrager_geboortedatum: '1980-02-30' is geen datum"),
    ([KOP, ["h1", datetime.datetime(1980, 1, 1), 1960, 575], ["h2", None, 1500, None]],
     "rij 3, kolom aanvrager_geboortedatum: leeg \\(verplicht\\)"),
    ([KOP, ["h1", "1980-01-01", 1960, 575], ["h1", "1981-01-01", 1500, 600]], "kolom huishouden: 'h1' komt 2 keer voor"),
    ([["huishouden", "aanvrager_geboortedatum", "hur"], ["h1", "1980-01-01", 575]], "kolom 3 'hur' is onbekend; bedoelt u 'huur'\\?"),
])
def test_bad_excel_cells_are_named_by_row_and_column(tbs, tmp_path, rijen, melding):
    with pytest.raises(OngeldigBestand, match=melding):
        bestanden.lees(_xlsx(tmp_path, rijen), tbs)


@pytest.mark.parametrize("kolommen, melding", [
    ({"aanvrager_geboortedatum": ["1980-01-01", "1981-01-01"], "huur": [575.0, -1.0]}, "rij 3, kolom huur: -1.0 moet een bedrag van 0 tot"),
    ({"aanvrager_geboortedatum": ["1980-01-01"], "huur": [1e9]}, "rij 2, kolom huur: 1000000000.0 moet een bedrag"),
    ({"aanvrager_geboortedatum": ["1980-01-01"], "huur": [575.123]}, "ten hoogste twee decimalen"),
    ({"aanvrager_geboortedatum": [pandas.Timestamp("1899-12-31")]}, "rij 2, kolom aanvrager_geboortedatum: .* is geen datum vanaf 1900"),
    ({"aanvrager_geboortedatum": ["1980-01-01"], "auto_nodig_voor_werk": [2]}, "rij 2, kolom auto_nodig_voor_werk: 2 \\(int\\) is geen ja of nee"),
    ({"aanvrager_geboortedatum": ["1980-01-01"], "dagen_met_kostgangers": [1.5]}, "kolom dagen_met_kostgangers: 1.5 \\(float\\) is geen geheel getal"),
    ({"aanvrager_geboortedatum": ["1980-01-01"], "huur": ["١٢٣"]}, "rij 2, kolom huur: '١٢٣' is geen bedrag"),  # ASCII digits only
])
def test_bad_typed_cells_in_a_dataframe_are_named(tbs, kolommen, melding):
    with pytest.raises(OngeldigBestand, match=melding):
        bestanden.lees(pandas.DataFrame(kolommen), tbs)


def test_empty_cells_and_nan_mean_the_default_and_empty_rows_are_skipped(tbs):
    df = pandas.DataFrame({"aanvrager_geboortedatum": ["1980-01-01", None, "1981-01-01"], "huur": [575.0, numpy.nan, numpy.nan]})
    tabel = bestanden.lees(df, tbs)
    assert list(tabel.ids) == ["2", "4"]  # the empty row 3 is skipped, as a blank line in a sheet
    assert list(tabel.ingevuld["huur"]) == [True, False]


def test_csv_files_that_cannot_be_read_are_refused_with_a_hint(tbs, tmp_path):
    puntkomma = tmp_path / "nl.csv"
    puntkomma.write_text("huishouden;aanvrager_geboortedatum;huur\nh1;1980-01-01;575,50\n", encoding="utf-8")
    with pytest.raises(OngeldigBestand, match="gescheiden door ';' .*decimale komma's.*'CSV \\(gescheiden door komma's\\)'.*\\.xlsx"):
        bestanden.lees(puntkomma, tbs)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("huishouden,aanvrager_geboortedatum,huur\nhé,1980-01-01,575\n".encode("latin-1"))
    with pytest.raises(OngeldigBestand, match="geen leesbaar CSV-bestand in UTF-8"):
        bestanden.lees(latin, tbs)
    with pytest.raises(OngeldigBestand, match="verwacht een tabel als .csv, .parquet, .xlsx"):
        bestanden.lees(tmp_path / "p.ods", tbs)
    geen_parquet = tmp_path / "kapot.parquet"
    geen_parquet.write_text("geen parquet")
    with pytest.raises(OngeldigBestand, match="geen leesbaar Parquet-bestand"):
        bestanden.lees(geen_parquet, tbs)


def test_a_sheet_too_large_for_excel_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(bestanden, "EXCEL_MAX_RIJEN", 3)
    with pytest.raises(OngeldigBestand, match="4 rijen passen niet op één Excel-werkblad .*kies .parquet of .csv"):
        bestanden.schrijf(pandas.DataFrame({"a": range(4)}), tmp_path / "groot.xlsx")


def test_a_formula_in_a_text_cell_is_neutralised_in_excel_and_csv(tmp_path):
    df = pandas.DataFrame({"huishouden": ["=HYPERLINK(\"x\")", "h2"], "bedrag": [1.0, 2.0]})
    bestanden.schrijf(df, tmp_path / "u.xlsx")
    bestanden.schrijf(df, tmp_path / "u.csv")
    assert pandas.read_excel(tmp_path / "u.xlsx")["huishouden"][0].startswith("'=")
    assert pandas.read_csv(tmp_path / "u.csv")["huishouden"][0].startswith("'=")


def test_impact_per_income_decile_worked_by_hand(tmp_path):
    """The five households of test_vergelijking under kosten_van_bestaan_100. Four have a debt; their incomes (all
    income, vakantiegeld included) are tekort 900, precies_100 1100, standaard 1500 and Mark 1960 + 137.20, so ranks 0–3
    give deciles 1, 3, 6 and 8. Only Mark's amount changes: 171 − 279 = −108 a month, he keeps 108 more, pays
    4104 − 6696 = −2592 less over the regeling and 2592 more is left uncollected; nobody crosses € 0 or € 100."""
    v = vergelijk(VIJF, ["kosten_van_bestaan_100"], "2025-01")
    e = v.effecten().set_index(["indeling", "groep"])
    alle = e.loc[("alle", "alle huishoudens")]
    assert (alle["huishoudens"], alle["termijnbedrag_verschil_gemiddeld"], alle["vrij_besteedbaar_verschil_gemiddeld"]) == (4, -27.0, 27.0)
    assert (alle["aandeel_minder"], alle["aandeel_meer"], alle["aandeel_gelijk"]) == (0.25, 0.0, 0.75)
    assert (alle["totaal_afgelost_verschil"], alle["totaal_niet_ingevorderd_verschil"], alle["totaal_uit_vermogen_verschil"]) == (-2592, 2592, 0)
    assert (alle["onder_0_verschil"], alle["onder_100_verschil"]) == (0, 0)
    assert e.loc[("inkomensdeciel", "8"), "termijnbedrag_verschil_gemiddeld"] == -108
    assert e.loc[("inkomensdeciel", "8"), "inkomen_gemiddeld"] == pytest.approx(2097.20)
    assert [e.loc[("inkomensdeciel", str(d)), "huishoudens"] for d in range(1, 11)] == [1, 0, 1, 0, 0, 1, 0, 1, 0, 0]
    assert e.loc[("huishoudtype", "Alleenstaande"), "huishoudens"] == 4
    pad = tmp_path / "effecten.png"
    maak_effecten_grafiek(v.effecten(), pad)
    assert pad.stat().st_size > 20_000


def test_impact_over_a_population_adds_up(tabel):
    """Per reform the deciles partition the households with a debt, and their totals add up to the summary's change."""
    v = vergelijk(tabel, ["kosten_van_bestaan_95", "werkelijke_lasten"], "2025-01")
    e = v.effecten()
    s = v.samenvattingen()
    for beleid in ("kosten_van_bestaan_95", "werkelijke_lasten"):
        rijen = e[e.beleid == beleid]
        decielen = rijen[rijen.indeling == "inkomensdeciel"]
        assert decielen["huishoudens"].sum() == s[beleid]["met_schuld"] and set(decielen["huishoudens"]) <= {39, 40}
        assert decielen["totaal_afgelost_verschil"].sum() == pytest.approx(s[beleid]["totaal_afgelost"] - s["geldend_recht"]["totaal_afgelost"], abs=0.01)
        assert (rijen[["aandeel_minder", "aandeel_meer", "aandeel_gelijk"]].sum(axis=1).round(9) == 1).all()
        inkomens = decielen["inkomen_gemiddeld"].to_numpy()
        assert (numpy.diff(inkomens) > 0).all()  # deciles ordered by income


def test_irregular_csv_lines_keep_the_row_numbers(tbs, tmp_path):
    """A line of blanks only is skipped like an empty one and the rows keep their numbers; a blank first line is an
    empty header."""
    pad = tmp_path / "spaties.csv"
    pad.write_text("huishouden,aanvrager_geboortedatum,huur\nh1,1980-01-01,575\n   \nh2,1980-01-01,veel\n", encoding="utf-8")
    with pytest.raises(OngeldigBestand, match="rij 4, kolom huur: 'veel' is geen bedrag"):
        bestanden.lees(pad, tbs)
    pad.write_text("huishouden,aanvrager_geboortedatum,huur\nh1,1980-01-01,575\n   \nh2,1980-01-01,600\n", encoding="utf-8")
    assert list(bestanden.lees(pad, tbs).ids) == ["h1", "h2"]
    leeg = tmp_path / "leeg.csv"
    leeg.write_text("\nhuishouden,aanvrager_geboortedatum\nh1,1980-01-01\n", encoding="utf-8")
    with pytest.raises(OngeldigBestand, match="het bestand is leeg; de eerste rij moet de kolomnamen bevatten"):
        bestanden.lees(leeg, tbs)


def test_an_excel_formula_without_a_stored_value_is_refused_by_name(tbs, tmp_path):
    import openpyxl
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.append(["huishouden", "aanvrager_geboortedatum", "aanvrager_netto_inkomen"])
    blad.append(["h1", "1980-01-01", "=1000*2"])  # written by a script: no spreadsheet computed it
    pad = tmp_path / "formule.xlsx"
    boek.save(pad)
    with pytest.raises(OngeldigBestand, match="rij 2, kolom aanvrager_netto_inkomen: de formule '=1000\\*2' heeft geen berekende waarde"):
        bestanden.lees(pad, tbs)


def test_dataframes_of_every_kind_are_read_or_refused_by_cell(tbs):
    goed = pandas.DataFrame({
        "aanvrager_geboortedatum": pandas.Categorical(["1980-01-01", "1981-02-03"]),
        "huur": numpy.array([1234.56, 575.1], dtype=numpy.float32),  # float32: the cents they stand for
        "auto_nodig_voor_werk": [1, 0],  # 1/0, as in a CSV
        "aanvrager_netto_inkomen": pandas.Series(["1960.50", 1500.0], dtype=object),  # numbers and text mixed: read as text
    })
    tabel = bestanden.lees(goed, tbs)
    assert list(tabel.waarden["huur"]) == [1234.56, 575.1]
    assert list(tabel.waarden["auto_nodig_voor_werk"]) == [True, False]
    assert list(tabel.waarden["aanvrager_netto_inkomen"]) == [1960.5, 1500.0]
    for df, melding in (
        (pandas.DataFrame({"aanvrager_geboortedatum": ["1980-01-01"], "huur": pandas.Series(["abc"], dtype=object),
                           "aanvrager_netto_inkomen": pandas.Series([1000], dtype=object)}), "rij 2, kolom huur: 'abc' is geen bedrag"),
        (pandas.DataFrame([["1980-01-01", 1, 2]], columns=["aanvrager_geboortedatum", "huur", "huur"]), "kolom 'huur' staat er meer dan één keer in"),
        (pandas.DataFrame({"aanvrager_geboortedatum": ["1980-01-01"], "huur": [2 ** 62]}), "rij 2, kolom huur: .* moet een bedrag van 0 tot"),
        (pandas.DataFrame({"aanvrager_geboortedatum": [pandas.Timestamp("1980-01-01 13:30")]}), "rij 2, kolom aanvrager_geboortedatum"),
    ):
        with pytest.raises(OngeldigBestand, match=melding):
            bestanden.lees(df, tbs)


def test_impact_counts_households_a_policy_gives_a_debt():
    """A lower Awir art. 26a threshold (€ 20) makes a claim of € 80 a debt: that household counts in 'alle' and its
    decile, paying more under the policy."""
    from openfisca_toeslagen.reforms.uit_data import parameterhervorming
    drempel_20 = parameterhervorming({"awir.art_26a.drempel": {"2025-01-01": 20}}, "drempel_20")
    situatie = {"personen": {"a": {"geboortedatum": {"ETERNITY": "1980-01-01"}, "netto_inkomen": {"2025-01": 2500}},
                             "b": {"geboortedatum": {"ETERNITY": "1980-01-01"}, "netto_inkomen": {"2025-01": 2000}}},
                "huishoudens": {"groot": {"aanvrager": ["a"], "terugvordering_huurtoeslag": {"2025-01": 3000}},
                                "klein": {"aanvrager": ["b"], "terugvordering_zorgtoeslag": {"2025-01": 80}}}}
    e = vergelijk(situatie, [drempel_20], "2025-01").effecten().set_index(["indeling", "groep"])
    alle = e.loc[("alle", "alle huishoudens")]
    assert alle["huishoudens"] == 2 and alle["aandeel_meer"] == 0.5  # € 80: 0 → 20 a month (Leidraad 79.7)
    assert alle["totaal_afgelost_verschil"] == 80
    assert numpy.isnan(e.loc[("inkomensdeciel", "2"), "termijnbedrag_verschil_gemiddeld"])  # an empty group has no mean
