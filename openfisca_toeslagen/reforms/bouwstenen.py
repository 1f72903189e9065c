"""Building blocks shared by the reforms: extend a formula of the system being reformed, load reform parameters.

Reforms must combine: applying two of them one after the other keeps both changes. A reform therefore
never rewrites a formula from scratch; it wraps the formula of the system it is applied to.
"""

from pathlib import Path

from openfisca_core.parameters import ParameterNode
from openfisca_core.reforms import Reform

from openfisca_toeslagen import geld, zekerheid
from openfisca_toeslagen.motor import snel_lezen

PARAMETERS = Path(__file__).parent / "parameters"


class Hervorming(Reform):
    """An OpenFisca Reform of this package: its simulations use the package's populations (``motor.snel_lezen``) as
    current law's do. A reform written on core's own Reform gives the same results through OpenFisca's path."""

    def instantiate_entities(self):
        return snel_lezen.instantieer(self)


def breid_formule_uit(reform, naam, uitbreiding, reference):
    """Replace variable `naam` of `reform` by one computing uitbreiding(entity, period, parameters, previous value).

    The previous value is the result of the formula of the system the reform is applied to, so that
    reforms stack. Label, entity and unit stay those of the (money) variable being replaced.
    """
    vorige = reform.get_variable(naam, check_existence=True)
    if not isinstance(vorige, geld.Geldbedrag):
        raise TypeError(f"{naam}: alleen geldbedragen kunnen zo worden uitgebreid")

    def formula(entiteit, period, parameters):
        return uitbreiding(entiteit, period, parameters, vorige.get_formula(period)(entiteit, period, parameters))

    formula.__doc__ = uitbreiding.__doc__
    referenties = vorige.reference if isinstance(vorige.reference, list) else [vorige.reference]
    vorige_bron = zekerheid.van_variabele(vorige)
    variabele = type(naam, (geld.Geldbedrag,), {
        "formula": formula,
        "reference": [*referenties, *reference],
        "documentation": f"{vorige.documentation or ''}\n\nHervorming {reform.key}: {uitbreiding.__doc__}".strip(),
    })
    hervorming(reform.key, vorige_bron.tekstversie if vorige_bron else "geen wettekst")(variabele)
    reform.update_variable(variabele)


def hervorming(naam, tekstversie):
    """Decorator: a variable of reform `naam` follows a policy choice, not current law (zekerheid `lezing`)."""
    return zekerheid.volgt(zekerheid.LEZING, tekstversie, f"beleidskeuze van de hervorming {naam}, niet het geldende recht")


def laad_parameters(reform, map_naam):
    """Add the YAML parameters of reforms/parameters/<map_naam>/ as `hervormingen.<map_naam>`."""

    def voeg_toe(parameters):
        if "hervormingen" not in parameters.children:
            parameters.add_child("hervormingen", ParameterNode("hervormingen", data={}))
        knoop = ParameterNode(f"hervormingen.{map_naam}", directory_path=str(PARAMETERS / map_naam))
        parameters.hervormingen.add_child(map_naam, knoop)
        return parameters

    reform.modify_parameters(voeg_toe)
