"""Refuse to compute with indexed amounts beyond the date up to which they were verified.

OpenFisca carries the last known value of a parameter forward for ever (and reports a missing earlier
value in English). For amounts that are
re-indexed every half year or year (bijstandsnormen, huurtoeslag amounts, normpremie, AOW age)
that would give a silently wrong result for a later period, so formulas that use them call
``controleer`` and get a clear error naming the parameter and the last verified date instead.
"""

import weakref

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


# (id of a root node, path) -> (weak reference to that node, [(name, first date, last verified date)]). A system's
# parameters do not change once built (a reform builds new ones); the weak reference guards against a reused id.
_GRENZEN = {}


def _grenzen(wortel, pad):
    sleutel = (id(wortel), pad)
    bekend = _GRENZEN.get(sleutel)
    if bekend is None or bekend[0]() is not wortel:
        node = wortel
        for deel in pad.split("."):
            node = getattr(node, deel)
        bekend = (weakref.ref(wortel), [(p.name, p.values_list[-1].instant_str, p.metadata.get("last_value_still_valid_on"))
                                        for p in alle_parameters(node)])
        _GRENZEN[sleutel] = bekend
    return bekend[1]


def controleer_parameters(node, period, pad):
    """As `controleer`, from the root node of a system's parameters."""
    begin = str(period.start)
    for naam, eerste, geldig_tot in _grenzen(node, pad):
        if begin < eerste:
            raise ValueError(f"{naam}: geen waarde voor {period}; de eerste waarde geldt vanaf {eerste}")
        if geldig_tot is not None and begin > str(geldig_tot):
            raise ValueError(
                f"{naam}: geen geverifieerde waarde voor {period} "
                f"(laatst geverifieerd tot en met {geldig_tot}); voeg de nieuwe waarde toe aan de parameter"
            )
