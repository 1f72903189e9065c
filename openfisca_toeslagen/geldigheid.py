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


# (id of a root node, path) -> (weak reference to that node, bounds). A system's parameters do not change once built
# (a reform builds new ones); the weak reference guards against a reused id.
_GRENZEN = {}


def _datum(tekst):
    """'2025-07-01' (or a date) as (2025, 7, 1), comparable with an OpenFisca Instant."""
    return tuple(int(deel) for deel in str(tekst).split("-"))


def _grenzen(wortel, pad):
    """Below `pad`: (first date, name) of the parameter whose first value starts latest and (last verified date,
    name) of the one verified least far, or None; the first in the tree where several tie."""
    sleutel = (id(wortel), pad)
    bekend = _GRENZEN.get(sleutel)
    if bekend is None or bekend[0]() is not wortel:
        node = wortel
        for deel in pad.split("."):
            node = getattr(node, deel)
        parameters = list(alle_parameters(node))
        if not parameters:
            raise ValueError(f"{pad}: geen parameters om te controleren")
        eerste = max(((_datum(p.values_list[-1].instant_str), p.name) for p in parameters), key=lambda g: g[0])
        geverifieerd = min(((_datum(p.metadata["last_value_still_valid_on"]), p.name) for p in parameters
                            if p.metadata.get("last_value_still_valid_on") is not None), key=lambda g: g[0], default=None)
        bekend = (weakref.ref(wortel), eerste, geverifieerd)
        _GRENZEN[sleutel] = bekend
    return bekend[1:]


def controleer_parameters(node, period, pad):
    """As `controleer`, from the root node of a system's parameters."""
    (eerste, naam), geverifieerd = _grenzen(node, pad)
    begin = tuple(period.start)
    if begin < eerste:
        raise ValueError(f"{naam}: geen waarde voor {period}; de eerste waarde geldt vanaf {_tekst(eerste)}")
    if geverifieerd is not None and begin > geverifieerd[0]:
        raise ValueError(
            f"{geverifieerd[1]}: geen geverifieerde waarde voor {period} "
            f"(laatst geverifieerd tot en met {_tekst(geverifieerd[0])}); voeg de nieuwe waarde toe aan de parameter"
        )


def _tekst(datum):
    return "{:04d}-{:02d}-{:02d}".format(*datum)
