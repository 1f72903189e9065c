"""OpenFisca country package: how Toeslagen recovers allowances paid in excess.

``CountryTaxBenefitSystem`` loads the entities, the variables under ``variables/`` and
the dated parameters shipped as the subpackage ``openfisca_toeslagen.parameters``
(the repository's top-level ``parameters/`` folder).
"""

from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_toeslagen import entities
from openfisca_toeslagen.motor import snel_lezen
from openfisca_toeslagen.situation_examples import mark

PACKAGE_DIR = Path(__file__).parent


def _parameters_dir():
    """The parameters: inside the package when installed from a wheel, beside it in a source checkout."""
    for folder in (PACKAGE_DIR / "parameters", PACKAGE_DIR.parent / "parameters"):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"no parameters/ folder in or beside {PACKAGE_DIR}")


PARAMETERS_DIR = _parameters_dir()


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """De regels van de invordering van toeslagschulden."""

    CURRENCY = "€"

    def __init__(self):
        super().__init__(entities.entities)
        self.add_variables_from_directory(str(PACKAGE_DIR / "variables"))
        self.load_parameters(str(PARAMETERS_DIR))
        self.open_api_config = {
            "variable_example": "betalingscapaciteit",
            "parameter_example": "uitvoeringsregeling_invorderingswet.art_11.aanwendbaar_deel",
            "simulation_example": mark,
        }

    def instantiate_entities(self):
        """The populations of a simulation, reading an already calculated value first (``motor.snel_lezen``)."""
        return snel_lezen.instantieer(self)
