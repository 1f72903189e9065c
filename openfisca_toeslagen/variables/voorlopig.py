"""Whether a household's decision used an indexed amount beyond the date it was verified for (`geldigheid`)."""

from openfisca_core.model_api import MONTH, Variable

from openfisca_toeslagen import geldigheid, zekerheid
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.zekerheid import LEZING

BESLISSING = ("uitkomst_verzoek", "termijnbedrag", "looptijd_maanden", "totaal_af_te_lossen",
              "direct_te_betalen_uit_vermogen", "restschuld_buiten_invordering")


@zekerheid.volgt(LEZING, "geen wettekst (een toets van dit model)",
                 "een bedrag dat elk (half)jaar opnieuw wordt vastgesteld, is na de laatst geverifieerde datum doorgetrokken")
class berekening_voorlopig(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Voorlopige berekening: een gebruikt bedrag (norm, huurgrens, normpremie, ...) is niet geverifieerd voor deze maand"
    documentation = """
    Waar voor een maand na de laatst geverifieerde datum van een jaarlijks of halfjaarlijks vastgesteld bedrag is
    gerekend met het laatst geverifieerde bedrag. Welke bedragen dat zijn, noemen de uitleg, de vergelijking, de routes,
    de opdrachtregel en de rekenhulp. In de strikte modus (TOESLAGEN_STRIKT=1, --strikt) wordt zo'n maand geweigerd.
    """

    def formula(huishouden, period, parameters):
        """True where the decision on the request read an amount carried forward past its verified date."""
        for naam in BESLISSING:
            huishouden(naam, period)
        voorlopig = huishouden.filled_array(False)
        for _, masker in geldigheid.voorlopige_parameters(huishouden.simulation, period).values():
            voorlopig = voorlopig | masker
        return voorlopig
