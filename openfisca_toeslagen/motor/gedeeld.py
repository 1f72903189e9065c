"""Shared calculations between policies: a policy's simulation reuses every value of current law its changes cannot
reach, so it computes only what the policy changes and what depends on it.

    basis = Basis(simulatie_geldend_recht, periode, variabelen)   # computes them, traced
    basis.deel_met(simulatie_van_een_beleid)                      # before calculating anything in it

Which values a policy can reach follows from what current law's calculation of the same households read: the trace
records, per variable and period, the variables and parameters its formula read. A variable is reached when the
policy replaces its formula, changes a parameter it read, or reaches a variable it read; everything else is computed
exactly as under current law (same inputs, same formula, same values read), so its value is copied. The trace is of
the same households, so a branch a formula takes only for some households is recorded when those households are
there. `berekening_voorlopig` depends on what the calculation read, not on a variable, so it is always recomputed,
with the record of carried-forward amounts (geldigheid) made exactly as a full calculation would make it.
`tests/python/test_gedeeld.py` compares shared and full calculations for every reform.
"""

from openfisca_core import periods

from openfisca_toeslagen import geldigheid
from openfisca_toeslagen.geldigheid import alle_parameters
from openfisca_toeslagen.motor.snel_lezen import LEZEN

ALTIJD = ("berekening_voorlopig",)  # values from the simulation's record, not from the variables read


def gewijzigde_parameters(basis, systeem):
    """Names of the parameters whose dated values, or whose verified date (geldigheid), differ between two systems
    (or that exist in one only)."""
    def waarden(tbs):
        return {p.name: ([(w.instant_str, w.value) for w in p.values_list], p.metadata.get("last_value_still_valid_on"),
                         p.metadata.get("indexering")) for p in alle_parameters(tbs.parameters)}
    a, b = waarden(basis), waarden(systeem)
    return {naam for naam in a.keys() | b.keys() if a.get(naam) != b.get(naam)}


def gewijzigde_variabelen(basis, systeem):
    """Names of the variables a policy replaced, changed, neutralised, added or removed: a Reform copies the variables
    it leaves alone, so any other object is a change (a formula, an end date, a default, ...)."""
    return {naam for naam in basis.variables.keys() | systeem.variables.keys()
            if basis.variables.get(naam) is not systeem.variables.get(naam)}


class Basis:
    """Current law for a block of households, calculated once with the trace on; its values serve every policy."""

    def __init__(self, simulatie, periode, variabelen):
        simulatie.trace = True
        for variabele in variabelen:
            simulatie.calculate(variabele, periode)
        self.simulatie, self.periode = simulatie, periode
        self.leest = {}  # (variable, period) → (variables read, parameters read): its first node is its calculation
        for knoop in simulatie.tracer.browse_trace():
            sleutel = (knoop.name, str(knoop.period))
            kinderen = {(k.name, str(k.period)) for k in knoop.children}
            parameters = {p.name for p in knoop.parameters}
            bekend = self.leest.get(sleutel)
            self.leest[sleutel] = (kinderen, parameters) if bekend is None else (bekend[0] | kinderen, bekend[1] | parameters)
        simulatie.trace = False  # a plain tracer again; the values stay in the holders
        self._geraakt = {}

    def geraakt(self, systeem):
        """The (variable, period) keys of current law's calculation that the policy `systeem` can change."""
        sleutel = id(systeem)
        if sleutel not in self._geraakt:
            basis = self.simulatie.tax_benefit_system
            parameters, variabelen = gewijzigde_parameters(basis, systeem), gewijzigde_variabelen(basis, systeem) | set(ALTIJD)
            geraakt = {}
            for begin in self.leest:  # iteratively: a depth-first walk could exceed the recursion limit
                stapel = [begin]
                while stapel:
                    knoop = stapel[-1]
                    if knoop in geraakt:
                        stapel.pop()
                        continue
                    kinderen, gelezen = self.leest.get(knoop, (set(), set()))
                    open_ = [k for k in kinderen if k not in geraakt]
                    if open_:
                        stapel.extend(open_)
                        continue
                    geraakt[knoop] = knoop[0] in variabelen or bool(gelezen & parameters) or any(geraakt[k] for k in kinderen)
                    stapel.pop()
            self._geraakt[sleutel] = {k for k, ja in geraakt.items() if ja}
        return self._geraakt[sleutel]

    def deel_met(self, simulatie):
        """Put every value of current law the policy of `simulatie` cannot change into its cache. The record of
        carried-forward amounts follows what the policy reads: the first time it reads a shared value, that value's
        records under current law (and those of every value below it, all shared too) are added, as a full
        calculation would add them when it computed that value then."""
        geraakt = self.geraakt(simulatie.tax_benefit_system)
        basis = self.simulatie
        gedeeld = set()
        for sleutel in self.leest:
            naam, periode = sleutel
            variabele = basis.tax_benefit_system.variables.get(naam)
            if sleutel in geraakt or variabele is None or not variabele.formulas:
                continue
            waarde = basis.get_holder(naam).get_array(periods.period(periode))
            if waarde is not None:
                simulatie.get_holder(naam).put_in_cache(waarde, periods.period(periode))
                gedeeld.add(sleutel)
        per_knoop = getattr(basis, geldigheid.PER_KNOOP, {})

        def bij_lezen(naam, periode):
            sleutel = (naam, str(periode))
            if sleutel not in gedeeld:
                return
            stapel = [sleutel]
            while stapel:  # this value and every value below it: all shared, and read now for the first time
                knoop = stapel.pop()
                if knoop not in gedeeld:
                    continue
                gedeeld.discard(knoop)
                for per, parameter, tot, masker in per_knoop.get(knoop, ()):
                    geldigheid.noteer(simulatie, per, parameter, tot, masker)
                stapel.extend(self.leest.get(knoop, (set(), set()))[0])

        simulatie.__dict__[LEZEN] = bij_lezen  # formulas' reads, through snel_lezen
        rekenen = simulatie.calculate

        def calculate(naam, periode, *args, **kwargs):  # reads from outside a formula (the comparison's outputs)
            bij_lezen(naam, periode if isinstance(periode, periods.Period) else periods.period(periode))
            return rekenen(naam, periode, *args, **kwargs)

        simulatie.calculate = calculate
        return len(gedeeld)
