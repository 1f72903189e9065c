import json
from pathlib import Path

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def tbs():
    return CountryTaxBenefitSystem()


@pytest.fixture
def mark_situatie():
    return json.loads((REPO / "openfisca_toeslagen" / "situation_examples" / "mark.json").read_text())


@pytest.fixture
def bereken(tbs):
    def _bereken(situatie, variabele, periode):
        simulatie = SimulationBuilder().build_from_entities(tbs, situatie)
        return simulatie.calculate(variabele, periode)
    return _bereken
