"""Populations that read an already calculated value, or an input never set, without OpenFisca's per-call
bookkeeping.

``population("schuld", period)`` always goes through ``Simulation.calculate``: it re-parses the period, checks the
entity, pushes the variable on the tracer's stack, looks up the variable and its holder, reads the cache, pops the
stack and checks for invalidated caches; for an input never set it also creates a holder, runs no formula and
stores the default. That is 8–20 µs a read, and a ``/calculate`` of one household makes about a hundred reads.
Outside a trace (the explanation needs every read recorded) these populations return a cached value, or the
default of an input without a formula asked for its own kind of period, directly; anything else takes
OpenFisca's own path, so every result and every error stays as OpenFisca gives it (tests/python/test_snelle_paden.py).
"""

from openfisca_core import periods
from openfisca_core.populations import GroupPopulation, Population

LEZEN = "_gedeeld_bij_lezen"  # the simulation attribute called on every read of a policy sharing values (motor.gedeeld)


class _LeestEerstUitCache:
    def __call__(self, variable_name, period, options=None):
        if options is not None or not isinstance(period, periods.Period) or self.simulation is None:
            return super().__call__(variable_name, period, options)
        bij_lezen = self.simulation.__dict__.get(LEZEN)  # a policy sharing current law's values (gedeeld)
        if bij_lezen is not None:
            bij_lezen(variable_name, period)
        if not self.simulation.trace:
            holder = self._holders.get(variable_name)  # only a variable of this entity, once used, has a holder
            if holder is not None and not holder.variable.is_neutralized:
                waarde = holder.get_array(period)  # None for a period without a value
                if waarde is not None:
                    return waarde
            else:
                variable = self.entity.get_variable(variable_name)
                if (variable is not None and variable.entity.key == self.entity.key and not variable.formulas
                        and not variable.is_neutralized and period.unit == variable.definition_period and period.size == 1):
                    return variable.default_array(self.count)  # what calculate() returns for an input never set
        # What OpenFisca's own __call__ does for a Period without options, without re-parsing the period.
        self.entity.check_variable_defined_for_entity(variable_name)
        return self.simulation.calculate(variable_name, period)


class Personen(_LeestEerstUitCache, Population):
    """The persons of a simulation."""


class Groepen(_LeestEerstUitCache, GroupPopulation):
    """The members of a group entity (households) of a simulation."""


def instantieer(systeem):
    """The populations of a simulation of `systeem` (a system's ``instantiate_entities``), as ours."""
    personen = Personen(systeem.person_entity)
    return {personen.entity.key: personen, **{e.key: Groepen(e, personen) for e in systeem.group_entities}}


def eenmaal(entiteit, sleutel, bereken):
    """`bereken()` once per simulation for `sleutel` (hashable, with the period in it), outside a trace.

    For an intermediate result two formulas share that is no variable of its own (the claims per toeslag, a row each).
    Under a trace it is computed each time, so that every parameter read is recorded where it is read.
    """
    simulatie = entiteit.simulation
    if getattr(simulatie, "trace", False):
        return bereken()
    bewaard = simulatie.__dict__.setdefault("_eenmaal", {})
    if sleutel not in bewaard:
        bewaard[sleutel] = bereken()
    return bewaard[sleutel]
