"""The routes a household can take with its terugvorderingen, month by month.

    routes(situatie, periode="2025-01", gemiste_maanden=["2025-06"], hervormingen=["verlenging_na_gemiste_betaling"])

`situatie` is an OpenFisca situation with one household: its inputs for `periode` (the month of the request)
and per claim `terugvordering_<toeslag>` (the open amount) and `beschikkingsdatum_<toeslag>`. The law layer
decides the standaardregeling, the persoonlijke regeling, the vervaldag (Awir art. 28) and the beslagvrije voet
(Rv art. 475da); this package lays the five routes out over time:
direct_betalen (Awir art. 28), standaardregeling (Leidraad 79.7), persoonlijke_regeling (79.8–79.9, with the
review after twelve months), verrekening (79.7 and 79.5a) and dwanginvordering (Awir art. 29–34, Kostenwet).

Where the sources are silent we chose, and the README says so:
- payments fall in calendar months; a claim can first be paid in the month of its vervaldag (six weeks after
  the beschikking), and a payment in that month is on time;
- invorderingsrente (Invorderingswet art. 28 with URI art. 29–33): over every payment of principal separately,
  simple, 30 days for each month from the vervaldag's month to the payment's month at that month's rate, a year
  of 360 days, rounded down to whole euros; billed per claim once its principal is paid, not billed if € 23 or
  less; during an arrangement only when awir.art_29.rente_tijdens_betalingsregeling holds;
- a payment goes to costs, then interest, then principal (Awir art. 34), and over the claims to the one that
  fell due first (the claim that has been due longest, so that the least interest runs);
- dwanginvordering: a free herinnering the month after the vervaldag, the aanmaning the month after that
  (Awir art. 32: two weeks), the dwangbevel the month after, then monthly beslag on the income above the
  beslagvrije voet (Rv art. 475da) of the request month until everything is paid;
- a missed payment in an arrangement: under current law a herinnering, then the arrangement lapses and the
  rest follows the dwanginvordering; the months of verlenging_na_gemiste_betaling are granted first;
- incomes and norms stay those of the request month, except at the review of a persoonlijke regeling (Leidraad
  79.8, twelve terms after it starts), which uses the inputs given for that month; where none are given, the option
  `herziening` decides: "gelijk" (default: the amount stays, so the route follows the decision) or "doorgetrokken"
  (the request month's inputs carried forward with that month's norms). `Overzicht.verschil_met_beslissing` says in
  one sentence whether and why the route differs from the decision.

The package, one unit each: `regels` (the process parameters and month numbers), `boek` (the ledger of one route),
`dwang` (the steps of the dwanginvordering), `soorten` (the five routes, each with its own state), `verloop` (the
monthly loop and the Route it gives), `overzicht` (the totaaloverzicht and its comparison with the decision),
`huishouden` (`routes()` for one household) and `populatie` (the same routes for a table of households at once).
"""

from openfisca_toeslagen.toepassingen.routes.boek import Maand, Vordering
from openfisca_toeslagen.toepassingen.routes.huishouden import routes
from openfisca_toeslagen.toepassingen.routes.overzicht import Overzicht
from openfisca_toeslagen.toepassingen.routes.regels import (DOORGETROKKEN, GELIJK, HERZIENINGEN, MAX_BETALINGSTERMIJN_WEKEN,
                                                          PROCESPARAMETERS, TE_VROEG, VOORSCHOTTEN, Regels, alleen_routes,
                                                          eerste_routedatum, rente_in_centen)
from openfisca_toeslagen.toepassingen.routes.verloop import MAXIMUM_MAANDEN, MINIMUM_MAANDEN, ROUTES, Route

__all__ = ["DOORGETROKKEN", "GELIJK", "HERZIENINGEN", "MAX_BETALINGSTERMIJN_WEKEN", "MAXIMUM_MAANDEN", "MINIMUM_MAANDEN",
           "PROCESPARAMETERS", "ROUTES", "TE_VROEG", "VOORSCHOTTEN", "Maand", "Overzicht", "Regels", "Route", "Vordering",
           "alleen_routes", "eerste_routedatum", "rente_in_centen", "routes"]
