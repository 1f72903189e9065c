"""Every parameter and every formula variable points to a dated article on wetten.overheid.nl."""

import re

import pytest

from openfisca_toeslagen.geldigheid import alle_parameters

DATED_LINK = re.compile(r"^https://wetten\.overheid\.nl/BWBR\d{7}/\d{4}-\d{2}-\d{2}#\S+$")


def _links(reference):
    if isinstance(reference, dict):
        return [reference["href"]]
    if isinstance(reference, str):
        return [reference]
    return list(reference)


def test_every_parameter_has_metadata_and_a_dated_reference(tbs):
    parameters = list(alle_parameters(tbs.parameters))
    assert len(parameters) >= 25
    for parameter in parameters:
        assert parameter.description, parameter.name
        assert parameter.metadata.get("last_value_still_valid_on"), parameter.name
        assert parameter.metadata.get("unit"), parameter.name
        for link in _links(parameter.metadata["reference"]):
            assert DATED_LINK.match(link), (parameter.name, link)
        for value in parameter.values_list:
            assert DATED_LINK.match(value.metadata["reference"]), (parameter.name, value.instant_str)


def test_every_parameter_starts_by_2022(tbs):
    # Awir art. 47b exists only from 2026 (0 % interest from then on); before that the Besluit's rate applies.
    later = {"awir.art_47b.invorderingsrente"}
    for parameter in alle_parameters(tbs.parameters):
        if parameter.name not in later:
            assert parameter.values_list[-1].instant_str <= "2022-01-01", parameter.name


def test_every_formula_variable_has_a_dated_reference_and_a_docstring(tbs):
    with_formula = [v for v in tbs.variables.values() if v.formulas]
    assert len(with_formula) >= 30
    # Not legal rules: what a household really keeps (documented as such).
    buiten_de_wet = {"inkomsten_totaal", "lasten_totaal", "vrij_besteedbaar_na_regeling"}
    for variable in with_formula:
        assert variable.label, variable.name
        for formula in variable.formulas.values():
            assert formula.__doc__, variable.name
        if variable.name in buiten_de_wet:
            continue
        links = _links(variable.reference)
        assert links, variable.name
        for link in links:
            assert DATED_LINK.match(link), (variable.name, link)


@pytest.mark.parametrize("name", ["drempel"])
def test_standaardregeling_drempel_is_minimum_times_months(tbs, name):
    """Leidraad 79.7 names EUR 480 and also EUR 20 for 24 months: the three must agree on every date."""
    art = tbs.parameters.leidraad_invordering.art_79_7
    for value in art.drempel.values_list:
        datum = value.instant_str
        assert art.drempel(datum) == art.minimum_termijnbedrag(datum) * art.maximale_looptijd(datum)
