"""The standard OpenFisca web API serves the package; the README's worked example returns its documented numbers."""

import json

import pytest
from openfisca_web_api.app import create_app


@pytest.fixture(scope="module")
def client(tbs):
    app = create_app(tbs)
    app.testing = True
    return app.test_client()


def test_calculate_mark_returns_the_numbers_in_the_readme(client, mark_situatie):
    antwoord = client.post("/calculate", data=json.dumps(mark_situatie), content_type="application/json")
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    huishouden = antwoord.get_json()["huishoudens"]["huishouden_mark"]
    assert huishouden["capaciteitstermijn"]["2025-01"] == 279
    assert huishouden["termijnbedrag"]["2025-01"] == 279
    assert huishouden["looptijd_maanden"]["2025-01"] == 24
    assert huishouden["restschuld_buiten_invordering"]["2025-01"] == 2784
    assert huishouden["uitkomst_verzoek"]["2025-01"] == "gedeeltelijke_aflossing"
    assert huishouden["vrij_besteedbaar_na_regeling"]["2025-01"] == pytest.approx(258.20, abs=0.005)


def test_spec_variables_and_parameters_are_served(client):
    spec = client.get("/spec")
    assert spec.status_code == 200
    assert "huishoudens" in json.dumps(spec.get_json())
    variabele = client.get("/variable/kosten_van_bestaan").get_json()
    assert variabele["references"][0].startswith("https://wetten.overheid.nl/BWBR0004766/")
    parameter = client.get("/parameter/participatiewet/art_21/alleenstaande").get_json()
    assert parameter["values"]["2025-01-01"] == 1345.45
