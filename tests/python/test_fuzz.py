"""Fuzzing the served API from its own /spec (schemathesis): no generated request may get a server error."""

import schemathesis
from hypothesis import HealthCheck, settings

from openfisca_toeslagen import CountryTaxBenefitSystem
from openfisca_toeslagen.toepassingen.server import maak_app

APP = maak_app(CountryTaxBenefitSystem())
SCHEMA = schemathesis.openapi.from_wsgi("/spec", APP)
VOORBEELDEN = 200  # generated requests per endpoint and method


@SCHEMA.parametrize()
@settings(max_examples=VOORBEELDEN, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_error(case):
    antwoord = case.call()
    assert antwoord.status_code < 500, f"{case.method} {case.formatted_path}: {antwoord.status_code} {antwoord.text[:300]}"
