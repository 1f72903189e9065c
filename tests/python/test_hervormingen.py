"""Reforms: usable the OpenFisca ways, combinable, from data with checked paths and values, and documented."""

import json
import re

import pytest
from openfisca_core.scripts import build_tax_benefit_system
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_web_api.app import create_app

from openfisca_toeslagen import geldigheid, reforms
from openfisca_toeslagen.geldigheid import alle_parameters
from openfisca_toeslagen.reforms.uit_data import OngeldigeHervorming, parameterhervorming, uit_bestand

PERCENTAGE = "uitvoeringsregeling_invorderingswet.art_16.percentage"
LINK = re.compile(r"^https://(wetten\.overheid\.nl/BWBR\d{7}/\d{4}-\d{2}-\d{2}#\S+|(www\.|opendata\.)?cbs\.nl/\S+|www\.blikopnieuws\.nl/\S+)$")


def alleenstaande(periode="2025-01", **invoer):
    huishouden = {"aanvrager": ["a"], **{k: {periode: v} for k, v in invoer.items() if k != "netto_inkomen"}}
    persoon = {"geboortedatum": {"ETERNITY": "1982-05-01"}}
    if "netto_inkomen" in invoer:
        persoon["netto_inkomen"] = {periode: invoer["netto_inkomen"]}
    return {"personen": {"a": persoon}, "huishoudens": {"h": huishouden}}


def bereken(tbs, situatie, variabele, periode="2025-01"):
    return SimulationBuilder().build_from_entities(tbs, situatie).calculate(variabele, periode)[0]


@pytest.mark.parametrize("naam", reforms.HERVORMINGEN)
def test_every_reform_loads_as_openfisca_serve_loads_it(naam):
    tbs = build_tax_benefit_system("openfisca_toeslagen", [], [f"openfisca_toeslagen.reforms.{naam}.{naam}"])
    assert tbs.key == naam


@pytest.mark.parametrize("naam", reforms.HERVORMINGEN)
def test_every_reform_has_a_dutch_title_and_description(naam):
    tekst = reforms.beschrijving(naam)
    titel, _, rest = tekst.partition(":")
    assert titel and len(titel) < 60 and len(rest) > 80, tekst


def test_web_api_served_with_a_reform_computes_the_reform(mark_situatie):
    tbs = build_tax_benefit_system("openfisca_toeslagen", [], ["openfisca_toeslagen.reforms.kosten_van_bestaan_95.kosten_van_bestaan_95"])
    client = create_app(tbs).test_client()
    antwoord = client.post("/calculate", data=json.dumps(mark_situatie), content_type="application/json")
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    assert antwoord.get_json()["huishoudens"]["huishouden_mark"]["termijnbedrag"]["2025-01"] == 225  # 0.8 × 282.03


def test_reform_parameters_and_variables_carry_sources(tbs):
    gereformeerd = reforms.pas_toe(tbs, reforms.HERVORMINGEN)

    nieuw = list(alle_parameters(gereformeerd.parameters.hervormingen))
    assert len(nieuw) == 5  # basisdatum, CPI, three normal energy amounts
    for parameter in nieuw:
        assert parameter.description and parameter.metadata.get("last_value_still_valid_on"), parameter.name
        assert LINK.match(parameter.metadata["reference"]["href"]), parameter.name
        for waarde in parameter.values_list:
            assert LINK.match(waarde.metadata["reference"]), (parameter.name, waarde.instant_str)
    for naam in ("aftrekbare_energiekosten", "aftrekbare_vervoerskosten", "aftrekbare_uitgaven", "kosten_van_bestaan"):
        variabele = gereformeerd.variables[naam]
        assert all(f.__doc__ for f in variabele.formulas.values()), naam
        verwijzingen = variabele.reference if isinstance(variabele.reference, list) else [variabele.reference]
        assert verwijzingen and all(LINK.match(v) for v in verwijzingen), naam


def test_a_parameter_change_from_data_equals_the_named_reform(tbs):
    """{path: {date: 0.95}} gives Mark the 95 % kosten van bestaan: 0.95 × 1345.45 = 1278.1775 → 1278.18."""
    uit_data = parameterhervorming({PERCENTAGE: {"2025-01-01": 0.95}}, "proef")(tbs)
    situatie = alleenstaande()
    assert bereken(uit_data, situatie, "kosten_van_bestaan") == pytest.approx(1278.18, abs=0.005)
    assert bereken(uit_data, situatie, "kosten_van_bestaan", "2024-12") == pytest.approx(1177.61, abs=0.005)  # before: 90 %


def test_dates_in_a_change_each_start_a_value(tbs):
    """2025-01-01: 0.95, 2025-07-01: 1.0 → 1278.18 in June 2025 (norm 1345.45), the full 1369.06 in July."""
    hervorming = parameterhervorming({PERCENTAGE: {"2025-07-01": 1.0, "2025-01-01": 0.95}})(tbs)
    assert bereken(hervorming, alleenstaande("2025-06"), "kosten_van_bestaan", "2025-06") == pytest.approx(1278.18, abs=0.005)
    assert bereken(hervorming, alleenstaande("2025-07"), "kosten_van_bestaan", "2025-07") == pytest.approx(1369.06, abs=0.005)


def test_two_data_reforms_combine(tbs):
    """95 % and 50 % together, Mark's netto-besteedbaar inkomen 1560.21 without car: 1560.21 − 1278.18 = 282.03; 50 % → 141."""
    beide = reforms.pas_toe(tbs, [
        parameterhervorming({PERCENTAGE: {"2022-01-01": 0.95}}, "a"),
        parameterhervorming({"uitvoeringsregeling_invorderingswet.art_11.aanwendbaar_deel": {"2022-01-01": 0.5}}, "b"),
    ])
    situatie = alleenstaande(netto_inkomen=1960, huur=575, zorgpremie=150, betalingen_belastingschulden=95, terugvordering_huurtoeslag=9480)
    assert bereken(beide, situatie, "betalingscapaciteit") == pytest.approx(282.03, abs=0.005)
    assert bereken(beide, situatie, "termijnbedrag") == 141


def test_a_data_change_can_move_the_base_date_of_the_inflation_reform(tbs):
    """Base date 2022-07-01 (Pw 21 a 1101.82), 2023-01: 0.9 × 1101.82 × 1.10 = 1090.8018 → 1090.80 > current 1076.09."""
    hervorming = reforms.pas_toe(tbs, ["inflatie_geindexeerde_norm", parameterhervorming(
        {"hervormingen.inflatie_geindexeerde_norm.basisdatum": {"2022-01-01": "2022-07-01"}}, "basis_2022_07")])
    assert bereken(hervorming, alleenstaande("2023-01"), "kosten_van_bestaan", "2023-01") == pytest.approx(1090.80, abs=0.005)
    # before the base date: current law, 0.9 × 1091.71 = 982.539 → 982.54
    assert bereken(hervorming, alleenstaande("2022-06"), "kosten_van_bestaan", "2022-06") == pytest.approx(982.54, abs=0.005)


@pytest.mark.parametrize("wijzigingen, melding", [
    ({"invordering.kosten_van_bestaan.percentage": {"2025-01-01": 0.95}}, "onbekende parameter invordering.kosten_van_bestaan.percentage: de parameters kent geen 'invordering'"),
    ({"uitvoeringsregeling_invorderingswet.art_16.percentag": {"2025-01-01": 0.95}}, "art_16 kent geen 'percentag' \\(wel: kostendelersnorm, percentage, verhoging_beiden_pensioengerechtigd"),
    ({"uitvoeringsregeling_invorderingswet.art_16": {"2025-01-01": 0.95}}, "is een groep parameters"),
    ({PERCENTAGE: {"2025-01-01": 95}}, "95 ligt niet tussen 0 en 1"),
    ({PERCENTAGE: {"2025-01-01": "0,95"}}, "verwacht een getal, kreeg '0,95'"),
    ({PERCENTAGE: {"2025-01-01": True}}, "past niet bij de parameter"),
    ({"leidraad_invordering.art_79_7.drempel": {"2025-01-01": -480}}, "-480 ligt niet tussen 0 en oneindig"),
    ({"hervormingen.inflatie_geindexeerde_norm.basisdatum": {"2025-01-01": "2022-07-01"}}, "deze parameters voegt een hervorming toe: pas die eerst toe"),
    ({"leidraad_invordering.art_79_8.maximale_looptijd": {"2025-01-01": 36.5}}, "verwacht een geheel getal"),
])
def test_bad_values_and_paths_are_refused_naming_them(tbs, wijzigingen, melding):
    with pytest.raises(OngeldigeHervorming, match=melding):
        parameterhervorming(wijzigingen)(tbs)


@pytest.mark.parametrize("wijzigingen, melding", [
    ({}, "niet-lege"),
    ({PERCENTAGE: {"2025-13-01": 0.95}}, "datum '2025-13-01' bestaat niet"),
    ({PERCENTAGE: {"1 januari 2025": 0.95}}, "geen datum van de vorm JJJJ-MM-DD"),
    ({PERCENTAGE: 0.95}, "verwacht datums met waarden"),
    ({PERCENTAGE: {"2025-01-01": {"waarde": 0.95}}}, "kreeg sleutels \\['waarde'\\]"),
    ({"Uitvoeringsregeling Invorderingswet": {"2025-01-01": 0.95}}, "is geen parameterpad"),
])
def test_malformed_changes_are_refused_before_use(wijzigingen, melding):
    with pytest.raises(OngeldigeHervorming, match=melding):
        parameterhervorming(wijzigingen)


def test_a_change_from_a_yaml_or_json_file(tbs, tmp_path):
    yaml_bestand = tmp_path / "negentig_vijf.yaml"
    yaml_bestand.write_text(f"{PERCENTAGE}:\n  2025-01-01: 0.95\n")
    json_bestand = tmp_path / "volledig.json"
    json_bestand.write_text(json.dumps({"naam": "volledig", "beschrijving": "Volledige norm: 100 %.",
                                        "wijzigingen": {PERCENTAGE: {"2025-01-01": {"value": 1.0, "reference": "https://example.org"}}}}))
    assert bereken(uit_bestand(yaml_bestand)(tbs), alleenstaande(), "kosten_van_bestaan") == pytest.approx(1278.18, abs=0.005)
    volledig = uit_bestand(json_bestand)
    assert volledig.__name__ == "volledig" and volledig.__doc__ == "Volledige norm: 100 %."
    assert bereken(volledig(tbs), alleenstaande(), "kosten_van_bestaan") == pytest.approx(1345.45, abs=0.005)


def test_bad_files_are_refused_naming_the_file(tmp_path):
    kapot = tmp_path / "kapot.yaml"
    kapot.write_text("a: [1\n")
    with pytest.raises(OngeldigeHervorming, match="kapot.yaml: geen geldige YAML"):
        uit_bestand(kapot)
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"wijzigingen": {PERCENTAGE: {"2025-01-01": 1.0}}, "opmerking": "x"}))
    with pytest.raises(OngeldigeHervorming, match="onbekende sleutels \\['opmerking'\\]"):
        uit_bestand(extra)
    with pytest.raises(OngeldigeHervorming, match="kan het bestand niet lezen"):
        uit_bestand(tmp_path / "bestaat_niet.yaml")
    with pytest.raises(OngeldigeHervorming, match="onbekende hervorming 'kosten_van_bestaan_90'"):
        reforms.hervorming("kosten_van_bestaan_90")


def test_werkelijke_lasten_refuses_months_without_a_verified_energy_amount(tbs, monkeypatch):
    """2026 has no verified energy amount: provisional by default (the 2025 amount), refused in strict mode."""
    hervorming = reforms.pas_toe(tbs, ["werkelijke_lasten"])
    assert bereken(hervorming, alleenstaande("2026-01", energiekosten=200), "aftrekbare_energiekosten", "2026-01") == pytest.approx(200 - 172.08)
    assert bereken(hervorming, alleenstaande("2026-01", energiekosten=200), "berekening_voorlopig", "2026-01")
    monkeypatch.setenv(geldigheid.STRIKT, "1")
    with pytest.raises(ValueError, match="normale_energiekosten.alleenstaande: geen geverifieerde waarde voor 2026-01"):
        bereken(hervorming, alleenstaande("2026-01", energiekosten=200), "aftrekbare_energiekosten", "2026-01")
    with pytest.raises(ValueError, match="normale_energiekosten.alleenstaande: geen waarde voor 2023-05; de eerste waarde geldt vanaf 2023-06-01"):
        bereken(hervorming, alleenstaande("2023-05", energiekosten=200), "aftrekbare_energiekosten", "2023-05")


def test_inflation_reform_refuses_a_year_without_a_cpi_figure(tbs, monkeypatch):
    """2027-01 needs the CPI of 2026, not yet published: provisional by default, refused in strict mode."""
    hervorming = reforms.pas_toe(tbs, ["inflatie_geindexeerde_norm"])
    assert bereken(hervorming, alleenstaande("2027-01"), "berekening_voorlopig", "2027-01")
    monkeypatch.setenv(geldigheid.STRIKT, "1")
    with pytest.raises(ValueError, match="geen geverifieerde waarde"):
        bereken(hervorming, alleenstaande("2027-01"), "kosten_van_bestaan", "2027-01")


def test_reforms_leave_current_law_untouched(tbs):
    reforms.pas_toe(tbs, reforms.HERVORMINGEN)
    assert bereken(tbs, alleenstaande(), "kosten_van_bestaan") == pytest.approx(1210.91, abs=0.005)
    assert "aftrekbare_energiekosten" not in tbs.variables and "hervormingen" not in tbs.parameters.children


def test_normal_energy_amount_follows_the_household_type(tbs):
    """Different amounts per type (a data change): energy 300 deducts 200, 150 and 100 for the three types."""
    hervorming = reforms.pas_toe(tbs, ["werkelijke_lasten", parameterhervorming({
        "hervormingen.werkelijke_lasten.normale_energiekosten.alleenstaande": {"2025-01-01": 100},
        "hervormingen.werkelijke_lasten.normale_energiekosten.alleenstaande_ouder": {"2025-01-01": 150},
        "hervormingen.werkelijke_lasten.normale_energiekosten.echtgenoten": {"2025-01-01": 200}}, "per_type")])
    situatie = {
        "personen": {p: {"geboortedatum": {"ETERNITY": "1980-01-01"}} for p in ("a", "b", "k", "c", "d")},
        "huishoudens": {
            "alleen": {"aanvrager": ["a"], "energiekosten": {"2025-01": 300}},
            "ouder": {"aanvrager": ["b"], "kinderen": ["k"], "energiekosten": {"2025-01": 300}},
            "samen": {"aanvrager": ["c"], "partner": ["d"], "energiekosten": {"2025-01": 300}},
        },
    }
    uitkomst = SimulationBuilder().build_from_entities(hervorming, situatie).calculate("aftrekbare_energiekosten", "2025-01")
    assert list(uitkomst) == [200, 150, 100]


def test_a_value_after_the_last_verified_date_lifts_the_limit(tbs):
    """The user's own 2026 energy amounts (180) make 2026-01 computable: 200 − 180 = 20."""
    nieuw = {f"hervormingen.werkelijke_lasten.normale_energiekosten.{t}": {"2026-01-01": 180}
             for t in ("alleenstaande", "alleenstaande_ouder", "echtgenoten")}
    hervorming = reforms.pas_toe(tbs, ["werkelijke_lasten", parameterhervorming(nieuw, "energie_2026")])
    assert bereken(hervorming, alleenstaande("2026-01", energiekosten=200), "aftrekbare_energiekosten", "2026-01") == pytest.approx(20)


def test_values_follow_the_unit_not_the_python_type(tbs):
    """An amount may have cents although the file holds 480; a CPI change may be negative; a YAML date is text."""
    hervorming = reforms.pas_toe(tbs, ["inflatie_geindexeerde_norm", parameterhervorming({
        "leidraad_invordering.art_79_7.drempel": {"2025-01-01": 480.5},
        "hervormingen.inflatie_geindexeerde_norm.consumentenprijsindex": {"2024-01-01": -0.01},
        "hervormingen.inflatie_geindexeerde_norm.basisdatum": {"2022-01-01": __import__("datetime").date(2022, 7, 1)}}, "soorten")])
    p = hervorming.parameters("2025-01-01")
    assert p.leidraad_invordering.art_79_7.drempel == 480.5
    assert p.hervormingen.inflatie_geindexeerde_norm.consumentenprijsindex == -0.01
    assert p.hervormingen.inflatie_geindexeerde_norm.basisdatum == "2022-07-01"


def test_a_file_cannot_take_a_built_in_name_and_its_description_gives_the_title(tbs, tmp_path):
    nep = tmp_path / "kosten_van_bestaan_95.yaml"
    nep.write_text(f"{PERCENTAGE}:\n  2025-01-01: 0.97\n")
    with pytest.raises(OngeldigeHervorming, match="is die van een ingebouwde hervorming"):
        reforms.hervorming(str(nep))
    getal = tmp_path / "getal.yaml"
    getal.write_text(f"naam: 5\nwijzigingen:\n  {PERCENTAGE}:\n    2025-01-01: 0.97\n")
    with pytest.raises(OngeldigeHervorming, match="naam van een hervorming 5"):
        reforms.hervorming(str(getal))
    eigen = tmp_path / "eigen.yaml"
    eigen.write_text(f"naam: mijn_norm\nbeschrijving: 'Mijn norm: 97 procent van de bijstandsnorm.'\nwijzigingen:\n  {PERCENTAGE}:\n    2025-01-01: 0.97\n")
    assert reforms.titel(reforms.pas_toe(tbs, ["werkelijke_lasten", str(eigen)])) == "Werkelijke lasten + Mijn norm"
    with pytest.raises(OngeldigeHervorming, match="hervorming werkelijke_lasten staat meer dan eens"):
        reforms.pas_toe(tbs, ["werkelijke_lasten", "werkelijke_lasten"])
