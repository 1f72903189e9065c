"""openfisca-country-template's standard web API, served the same way as ours for the load test."""

from openfisca_country_template import CountryTaxBenefitSystem
from openfisca_web_api.app import create_app

app = create_app(CountryTaxBenefitSystem())
