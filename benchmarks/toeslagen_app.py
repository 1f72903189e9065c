"""Our application as gunicorn serves it for the load test (benchmarks/belastingtest.py)."""

from openfisca_toeslagen.toepassingen.server import maak_app

app = maak_app()
