"""The served application: the standard web API unchanged, /uitleg, /vergelijk, /routes, the spec, and 400/413 on bad input."""

import copy
import json
import random

import pytest
from openapi_spec_validator import validate
from openfisca_core.simulation_builder import SimulationBuilder

from conftest import post
from openfisca_toeslagen.toepassingen.cli import main
from openfisca_toeslagen.toepassingen.server import MAX_BODY
from openfisca_toeslagen.toepassingen.uitleg import uitleg


def test_spec_is_valid_openapi_and_describes_the_added_endpoints(client):
    spec = client.get("/spec").get_json()
    validate(spec)
    for pad in ("/calculate", "/trace", "/parameters", "/variables", "/entities", "/uitleg", "/vergelijk", "/routes", "/rekenhulp"):
        assert pad in spec["paths"], pad
    assert spec["paths"]["/uitleg"]["post"]["responses"]["413"]


def test_standard_calculate_is_unchanged(client, mark_situatie):
    antwoord = post(client, "/calculate", mark_situatie)
    assert antwoord.status_code == 200
    assert antwoord.get_json()["huishoudens"]["huishouden_mark"]["termijnbedrag"]["2025-01"] == 279


def test_uitleg_of_mark(client, mark_situatie):
    antwoord = post(client, "/uitleg", {"situatie": mark_situatie})
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    u = antwoord.get_json()
    stappen = {s["variabele"]: s for s in u["stappen"]}
    assert [s["variabele"] for s in u["stappen"]][:2] == ["inkomen", "aftrekbare_woonlasten"]  # no housemates: no share step
    assert stappen["kosten_van_bestaan"]["waarde"] == 1210.91
    (percentage,) = stappen["kosten_van_bestaan"]["parameters"]
    assert (percentage["naam"], percentage["waarde"], percentage["geldt_vanaf"]) == ("uitvoeringsregeling_invorderingswet.art_16.percentage", 0.9, "2022-01-01")
    assert percentage["bron"].startswith("https://wetten.overheid.nl/BWBR0004766/")
    assert [p["naam"] for p in stappen["bijstandsnorm"]["parameters"]] == ["participatiewet.art_21.alleenstaande"]
    assert stappen["capaciteitstermijn"]["waarde"] == 279 and stappen["uitkomst_verzoek"]["waarde"] == "gedeeltelijke_aflossing"
    assert stappen["restschuld_buiten_invordering"]["waarde"] == 2784 and u["vrij_besteedbaar_na_regeling"] == 258.2
    genegeerd = {g["variabele"]: g for g in u["telt_niet_mee"]}
    assert (genegeerd["energiekosten"]["waarde"], genegeerd["vervoerskosten"]["waarde"], genegeerd["overige_aflossingen"]["waarde"]) == (295, 300, 145)
    assert "URI art. 15" in genegeerd["energiekosten"]["waarom"]
    # how sure: every step says it; Mark's calculation rests on three readings and one amount assumed for 2025
    assert all(s["zekerheid"]["zekerheid"] in ("tekst", "secundair", "lezing") for s in u["stappen"] if s["zekerheid"])
    assert {o["naam"] for o in u["onzeker"]} == {"vakantiegeld", "betalingscapaciteit", "capaciteitstermijn",
                                                  "leidraad_invordering.art_26_2_19.normpremie_alleenstaande"}
    assert all(o["zin"] and o["toelichting"] for o in u["onzeker"])
    assert u["berekening_voorlopig"] is False and u["voorlopig"] == [] and u["waarschuwing"] is None


def test_uitleg_amounts_equal_the_calculation_for_random_households(tbs):
    rng = random.Random(3)
    for _ in range(40):
        periode = f"{rng.choice([2022, 2023, 2024, 2025, 2026])}-{rng.randint(1, 12):02d}"
        personen = {"a": {"geboortedatum": {"ETERNITY": f"{rng.randint(1940, 2005)}-0{rng.randint(1, 9)}-15"},
                          "netto_inkomen": {periode: round(rng.uniform(0, 4000), 2)}}}
        huishouden = {"aanvrager": ["a"], "huur": {periode: round(rng.uniform(0, 1200), 2)},
                      "zorgpremie": {periode: round(rng.uniform(0, 300), 2)}, "financiele_middelen": {periode: rng.choice([0, 3000, 20000])},
                      "energiekosten": {periode: 150}, f"terugvordering_{rng.choice(['huurtoeslag', 'zorgtoeslag'])}": {periode: round(rng.uniform(1, 15000), 2)}}
        if rng.random() < 0.5:
            personen["p"] = {"geboortedatum": {"ETERNITY": "1950-01-01"}, "netto_inkomen": {periode: round(rng.uniform(0, 2000), 2)}}
            huishouden["partner"] = ["p"]
        situatie = {"personen": personen, "huishoudens": {"h": huishouden}}
        u = uitleg(copy.deepcopy(situatie), periode, tbs)
        simulatie = SimulationBuilder().build_from_entities(tbs, situatie)
        for stap in u["stappen"]:
            berekend = simulatie.calculate(stap["variabele"], periode)
            if stap["variabele"] == "uitkomst_verzoek":
                assert stap["waarde"] == berekend.decode_to_str()[0]
            else:
                assert stap["waarde"] == pytest.approx(float(berekend[0]), abs=0.005), (stap["variabele"], situatie)
        assert len(u["stappen"]) >= 20


def test_vergelijk_per_request(client, mark_situatie):
    antwoord = post(client, "/vergelijk", {"situatie": mark_situatie, "hervormingen": ["kosten_van_bestaan_95", "werkelijke_lasten+aflossingspercentage_50"]})
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    beleid = {b["naam"]: b for b in antwoord.get_json()["beleid"]}
    assert beleid["geldend_recht"]["uitkomsten"][0]["termijnbedrag"] == 279
    assert beleid["kosten_van_bestaan_95"]["uitkomsten"][0]["termijnbedrag"] == 225  # tests/regels/hervormingen
    assert beleid["werkelijke_lasten+aflossingspercentage_50"]["titel"] == "Werkelijke lasten + Aflossingspercentage 50 %"


def test_routes_endpoint(client, mark_situatie):
    """The README's example: Mark's situation as shipped, current law labelled first, then each policy with its routes."""
    antwoord = post(client, "/routes", {"situatie": mark_situatie, "gemiste_maanden": ["2025-06"],
                                        "hervormingen": ["verlenging_na_gemiste_betaling", "kosten_van_bestaan_95+geen_rente_tijdens_regeling"]})
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    uit = antwoord.get_json()
    assert uit["herziening"] == "gelijk" and "blijft het bedrag gelijk" in uit["toelichting_herziening"]
    assert [b["naam"] for b in uit["beleid"]] == ["geldend_recht", "verlenging_na_gemiste_betaling", "kosten_van_bestaan_95+geen_rente_tijdens_regeling"]
    geldend, verlengd, ruimer = uit["beleid"]
    assert geldend["titel"] == "Geldend recht" and geldend["schuld"] == 9480
    assert set(geldend["routes"]) == {"direct_betalen", "standaardregeling", "persoonlijke_regeling", "verrekening", "dwanginvordering"}
    assert "invorderingskosten" in geldend["verschil_met_beslissing"]  # the miss in 2025-06 lapses the regeling
    assert verlengd["routes"]["persoonlijke_regeling"]["totaal_betaald"] == 6696 and verlengd["routes"]["persoonlijke_regeling"]["totaal_kosten"] == 0
    assert ruimer["persoonlijk_termijnbedrag"] == 225  # 0.8 × 282.03 (tests/regels/hervormingen)
    zonder = post(client, "/routes", {"situatie": mark_situatie, "herziening": "doorgetrokken"}).get_json()
    assert zonder["beleid"][0]["routes"]["persoonlijke_regeling"]["totaal_betaald"] == 6372


def test_vergelijk_says_a_process_reform_changes_only_the_routes(client, mark_situatie):
    antwoord = post(client, "/vergelijk", {"situatie": mark_situatie, "hervormingen": ["geen_rente_tijdens_regeling"]}).get_json()
    geldend, proces = antwoord["beleid"]
    assert geldend["alleen_routes"] is False and geldend["uitkomsten"][0]["termijnbedrag"] == 279
    assert proces["alleen_routes"] is True and "uitkomsten" not in proces
    assert proces["opmerking"].startswith("Geen rente tijdens regeling verandert alleen het proces")


@pytest.mark.parametrize("pad, body, status, melding", [
    # /calculate keeps the standard API's documented 404 for an unknown variable; the added endpoints answer 400
    ("/calculate", {"personen": {"a": {"onbekend": {"2025-01": 1}}}, "huishoudens": {"h": {"aanvrager": ["a"]}}}, 404, "onbekend"),
    ("/uitleg", {"situatie": {"personen": {"a": {"onbekend": {"2025-01": 1}}}, "huishoudens": {"h": {"aanvrager": ["a"]}}}}, 400, "onbekend"),
    ("/uitleg", {"situatie": "MARK", "periode": "2025-13"}, 400, "2025-13"),
    ("/uitleg", {"situatie": "MARK", "periode": "2027-01"}, 400, "2027-01"),
    ("/calculate", "HUUR_TEKST", 400, "huur"),
    ("/calculate", {"personen": {"a": {"geboortedatum": {"ETERNITY": "1980-01-01"}}}, "huishoudens": {"h": {"partner": ["a"], "termijnbedrag": {"2025-01": None}}}}, 400, "aanvrager"),
    ("/calculate", "{niet json", 400, "Invalid JSON"),
    ("/uitleg", "{niet json", 400, "JSON"),
    ("/vergelijk", {"situatie": "MARK", "hervormingen": ["onbekend"]}, 400, "onbekende hervorming 'onbekend'"),
    ("/vergelijk", {"situatie": "MARK", "hervormingen": "kosten_van_bestaan_95"}, 400, "'hervormingen' moet een lijst"),
    ("/uitleg", {"situatie": "MARK", "extra": 1}, 400, "onbekend veld 'extra'"),
    ("/uitleg", {}, 400, "'situatie' ontbreekt"),
    ("/uitleg", [], 400, "JSON-object"),
    ("/routes", {"situatie": "MARK_ZONDER_DATUM"}, 400, "beschikkingsdatum_huurtoeslag ontbreekt"),
    ("/routes", {"situatie": "MARK", "herziening": "later"}, 400, "'herziening' moet een van gelijk, doorgetrokken zijn"),
    ("/routes", {"situatie": "MARK", "herziening": {"a": 1}}, 400, "'herziening' moet een van gelijk, doorgetrokken zijn"),
    ("/routes", {"situatie": "MARK", "gemiste_maanden": "2025-06"}, 400, "'gemiste_maanden' moet een lijst"),
    ("/routes", {"situatie": "MARK", "beslagvrije_voet": "ja"}, 400, "'beslagvrije_voet' moet true of false"),
    ("/routes", {"situatie": "MARK", "hervormingen": [{"awir.art_28.betalingstermijn_weken": {"2022-01-01": 1000000}}]}, 400,
     "1000000 weken is geen betalingstermijn"),
])
def test_bad_input_gives_400_naming_the_field(client, mark_situatie, pad, body, status, melding):
    if isinstance(body, dict) and body.get("situatie") == "MARK":
        body["situatie"] = mark_situatie
    if isinstance(body, dict) and body.get("situatie") == "MARK_ZONDER_DATUM":
        body["situatie"] = copy.deepcopy(mark_situatie)
        del body["situatie"]["huishoudens"]["huishouden_mark"]["beschikkingsdatum_huurtoeslag"]
    if body == "HUUR_TEKST":
        situatie = copy.deepcopy(mark_situatie)
        situatie["huishoudens"]["huishouden_mark"]["huur"] = {"2025-01": "veel"}
        body = situatie
    antwoord = post(client, pad, body)
    assert antwoord.status_code == status, antwoord.get_data(as_text=True)
    assert melding in antwoord.get_data(as_text=True)


def test_a_body_over_the_limit_gives_413(client):
    antwoord = post(client, "/uitleg", '{"situatie": "' + "x" * MAX_BODY + '"}')
    assert antwoord.status_code == 413 and "groter dan" in antwoord.get_json()["error"]


def test_the_calculator_page_is_served_with_its_assets_and_no_external_ones(client):
    pagina = client.get("/rekenhulp")
    tekst = pagina.get_data(as_text=True)
    assert pagina.status_code == 200 and '<html lang="nl">' in tekst
    for asset in ("/rekenhulp/rekenhulp.js", "/rekenhulp/rekenhulp.css"):
        assert asset in tekst and client.get(asset).status_code == 200
    assert "http://" not in tekst and "https://" not in tekst  # no CDN: everything from this server
    for veld in ("aanvrager_geboortedatum", "huur", "terugvordering_huurtoeslag"):
        assert f'<label for="{veld}">' in tekst  # every input has a label
    for antwoord in (pagina, client.get("/rekenhulp/rekenhulp.js")):  # the browser enforces it too
        beleid = antwoord.headers["Content-Security-Policy"]
        assert "default-src 'self'" in beleid and "connect-src 'self'" in beleid and "frame-ancestors 'none'" in beleid
        assert antwoord.headers["X-Content-Type-Options"] == "nosniff"


def test_command_line_uitleg(capsys, tmp_path, mark_situatie):
    bestand = tmp_path / "mark.json"
    bestand.write_text(json.dumps(mark_situatie))
    assert main(["uitleg", str(bestand)]) == 0
    uit = capsys.readouterr().out
    assert "Kosten van bestaan per maand: € 1.210,91" in uit and "geldt vanaf 2022-01-01" in uit
    assert "Telt niet mee:" in uit and "Energiekosten per maand (niet aftrekbaar): € 295,00" in uit
