"""openfisca-country-template's standard web API with our server's period cache, for a like-for-like ratio."""

from landenvoorbeeld_app import app  # noqa: F401  (the application gunicorn serves)

from openfisca_toeslagen.motor.perioden import onthoud_ontlede_perioden

onthoud_ontlede_perioden()
