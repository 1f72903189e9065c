import json
import re
from pathlib import Path

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem
from openfisca_toeslagen.toepassingen.server import maak_app

REPO = Path(__file__).resolve().parents[2]
MARK = REPO / "openfisca_toeslagen" / "situation_examples" / "mark.json"
CODE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b|\bm(?:in|ax)\(")  # an identifier or a formula, which plain Dutch text has not


def mark():
    """Mark's situation (the IBTD report's example), a fresh copy each time."""
    return json.loads(MARK.read_text())


def post(client, pad, body):
    """A POST of a JSON body (text is sent as it is)."""
    return client.post(pad, data=body if isinstance(body, str) else json.dumps(body), content_type="application/json")


@pytest.fixture(scope="session")
def tbs():
    return CountryTaxBenefitSystem()


@pytest.fixture
def mark_situatie():
    return mark()


@pytest.fixture(scope="module")
def client(tbs):
    """The server in Flask's testing mode: an error the server does not handle fails the test instead of answering 500."""
    app = maak_app(tbs)
    app.testing = True
    return app.test_client()


@pytest.fixture
def bereken(tbs):
    def _bereken(situatie, variabele, periode):
        simulatie = SimulationBuilder().build_from_entities(tbs, situatie)
        return simulatie.calculate(variabele, periode)
    return _bereken
