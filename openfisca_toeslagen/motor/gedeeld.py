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

from openfisca_toeslagen.geldigheid import alle_parameters

ALTIJD = ("berekening_voorlopig",)  # values from the simulation's record, not from the variables read


def _knopen(bomen):
    stapel = list(bomen)
    while stapel:
        knoop = stapel.pop()
        yield knoop
        stapel.extend(knoop.children)


def gewijzigde_parameters(basis, systeem):
    """Names of the parameters whose dated values differ between two systems (or exist in one only)."""
    waarden = lambda tbs: {p.name: [(w.instant_str, w.value) for w in p.values_list] for p in alle_parameters(tbs.parameters)}  # noqa: E731
    a, b = waarden(basis), waarden(systeem)
    return {naam for naam in a.keys() | b.keys() if a.get(naam) != b.get(naam)}


def gewijzigde_variabelen(basis, systeem):
    """Names of the variables whose formulas (or existence) differ between two systems."""
    formules = lambda v: [id(f) for f in v.formulas.values()] if v is not None else None  # noqa: E731
    return {naam for naam in basis.variables.keys() | systeem.variables.keys()
            if formules(basis.variables.get(naam)) != formules(systeem.variables.get(naam))
            or basis.variables.get(naam) is None or basis.variables[naam].is_neutralized != systeem.variables[naam].is_neutralized}


class Basis:
    """Current law for a block of households, calculated once with the trace on; its values serve every policy."""

    def __init__(self, simulatie, periode, variabelen):
        simulatie.trace = True
        for variabele in variabelen:
            simulatie.calculate(variabele, periode)
        self.simulatie, self.periode = simulatie, periode
        self.leest = {}  # (variable, period) → (variables read, parameters read): its first node is its calculation
        for knoop in _knopen(simulatie.tracer.trees):
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
        """Put every value of current law the policy of `simulatie` cannot change into its cache, with the record of
        carried-forward amounts those values read; recompute now what re-records an amount read on both sides."""
        geraakt = self.geraakt(simulatie.tax_benefit_system)
        basis = self.simulatie
        gedeeld = []
        for sleutel in self.leest:
            naam, periode = sleutel
            variabele = basis.tax_benefit_system.variables.get(naam)
            if sleutel in geraakt or variabele is None or not variabele.formulas:
                continue
            waarde = basis.get_holder(naam).get_array(periods.period(periode))
            if waarde is not None:
                simulatie.get_holder(naam).put_in_cache(waarde, periods.period(periode))
                gedeeld.append(sleutel)
        # geldigheid's record: an amount read only by shared values is recorded as current law recorded it; one also
        # read by a recomputed value is recorded again by recomputing the shared values that read it.
        record = getattr(basis, "_voorlopige_parameters", {})
        lezers = {}
        for sleutel, (_, parameters) in self.leest.items():
            for parameter in parameters:
                lezers.setdefault(parameter, set()).add(sleutel)
        opnieuw = set()
        eigen = simulatie.__dict__.setdefault("_voorlopige_parameters", {})
        for periode, per_parameter in record.items():
            for parameter, (tot, masker) in per_parameter.items():
                wie = lezers.get(parameter, set())
                if wie & geraakt:
                    opnieuw |= wie - geraakt
                else:
                    eigen.setdefault(periode, {})[parameter] = (tot, masker.copy())
        for naam, periode in opnieuw:
            simulatie.get_holder(naam).delete_arrays(periods.period(periode))
        for naam, periode in sorted(opnieuw):
            simulatie.calculate(naam, periode)
        return len(gedeeld)
