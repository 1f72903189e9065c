"""Refuse to compute with indexed amounts beyond the date up to which they were verified.

OpenFisca carries the last known value of a parameter forward for ever (and reports a missing earlier
value in English). For amounts that are
re-indexed every half year or year (bijstandsnormen, huurtoeslag amounts, normpremie, AOW age)
that would give a silently wrong result for a later period, so formulas that use them call
``controleer`` and get a clear error naming the parameter and the last verified date instead.
"""

from openfisca_core.parameters import Parameter


def alle_parameters(node):
    """Every Parameter below a parameter node (or the parameter itself)."""
    if isinstance(node, Parameter):
        yield node
        return
    for child in node.children.values():
        yield from alle_parameters(child)


def controleer(entiteit, period, pad):
    """Raise ValueError if `period` starts before the first value or after `last_value_still_valid_on` of a parameter below `pad`."""
    controleer_parameters(entiteit.simulation.tax_benefit_system.parameters, period, pad)


def controleer_parameters(node, period, pad):
    """As `controleer`, from the root node of a system's parameters."""
    for deel in pad.split("."):
        node = getattr(node, deel)
    begin = str(period.start)
    for parameter in alle_parameters(node):
        eerste = parameter.values_list[-1].instant_str
        if begin < eerste:
            raise ValueError(f"{parameter.name}: geen waarde voor {period}; de eerste waarde geldt vanaf {eerste}")
        geldig_tot = parameter.metadata.get("last_value_still_valid_on")
        if geldig_tot is not None and begin > str(geldig_tot):
            raise ValueError(
                f"{parameter.name}: geen geverifieerde waarde voor {period} "
                f"(laatst geverifieerd tot en met {geldig_tot}); voeg de nieuwe waarde toe aan de parameter"
            )
