"""Indexed amounts beyond the date up to which they were verified: computed provisionally, or refused.

Bijstandsnormen, huurtoeslag amounts, the normpremie, the AOW age, the kindgebonden budget, the Awir 26a
threshold and the Kostenwet amounts are set anew every half year or year. Such a parameter has
``metadata.indexering`` and ``last_value_still_valid_on``: the last day its newest value was verified for.
Formulas read them through `waarde` or `kies`, saying which households (or persons) the value matters for.
For a month after the verified date:

- by default the last verified value is used (OpenFisca carries it forward) and the use is recorded:
  ``berekening_voorlopig`` is true for those households and `voorlopige_parameters` names the parameters
  with their last verified date, so every interface can warn;
- in strict mode (environment variable ``TOESLAGEN_STRIKT=1``; the CLI's ``--strikt``) it is refused with an
  error naming the parameter and the households that use it;
- more than `MAXIMUM_MAANDEN_VOORUIT` months after the verified date it is refused in both modes, except for an
  amount with ``indexering: onregelmatig``: one that was changed at irregular times and of which no newer value
  was found at all (the pensioner supplement, the kostgangers amount). Refusing it would refuse every such household
  for good; it stays provisional instead, and strict mode refuses it.

A month before a parameter's first value is refused with a Dutch error naming it (OpenFisca's is English).
Fixed amounts (a percentage, a threshold written in a text) have no ``indexering``: they hold until the
text changes, and how sure we are of them is recorded in ``zekerheid``.
"""

import os
import weakref

import numpy
from openfisca_core.parameters import Parameter

from openfisca_toeslagen.motor import fouten
from openfisca_toeslagen.motor.keuze import kies_index

STRIKT = "TOESLAGEN_STRIKT"
MAXIMUM_MAANDEN_VOORUIT = 24  # a limit of this tool, not of the law: beyond it a carried-forward norm says nothing
VOORLOPIG = "_voorlopige_parameters"  # the simulation's record: {period: {parameter: (verified date, household mask)}}
PER_KNOOP = "_voorlopig_per_knoop"  # under a trace, the same per formula: {(variable, period): [(period, parameter, date, mask)]}
ONREGELMATIG = "onregelmatig"  # indexering of an amount changed at irregular times, no newer value known: never refused


def alle_parameters(node):
    """Every Parameter below a parameter node (or the parameter itself)."""
    if isinstance(node, Parameter):
        yield node
        return
    for child in node.children.values():
        yield from alle_parameters(child)


def strikt():
    """Whether strict mode is on (``TOESLAGEN_STRIKT`` set to anything but empty or 0)."""
    return os.environ.get(STRIKT, "") not in ("", "0")


def _datum(tekst):
    """'2025-07-01' (or a date) as (2025, 7, 1), comparable with an OpenFisca Instant."""
    return tuple(int(deel) for deel in str(tekst).split("-"))


def _tekst(datum):
    return "{:04d}-{:02d}-{:02d}".format(*datum)


def _plus_maanden(datum, maanden):
    jaar, maand = divmod(datum[0] * 12 + datum[1] - 1 + maanden, 12)
    return (jaar, maand + 1, datum[2])


class _Grenzen:
    """A parameter with its first date and, when indexed, its last verified date."""

    __slots__ = ("parameter", "naam", "eerste", "geverifieerd", "uiterlijk")

    def __init__(self, parameter):
        self.parameter = parameter
        self.naam = parameter.name
        self.eerste = _datum(parameter.values_list[-1].instant_str)
        tot = parameter.metadata.get("last_value_still_valid_on") if parameter.metadata.get("indexering") else None
        self.geverifieerd = _datum(tot) if tot else None
        onregelmatig = parameter.metadata.get("indexering") == ONREGELMATIG
        self.uiterlijk = _plus_maanden(self.geverifieerd, MAXIMUM_MAANDEN_VOORUIT) if tot and not onregelmatig else None


_CACHE = {}  # (id of a root node, path) -> (weak reference to the root, _Grenzen); a system's parameters never change


def _grenzen(wortel, pad):
    sleutel = (id(wortel), pad)
    bekend = _CACHE.get(sleutel)
    if bekend is None or bekend[0]() is not wortel:
        node = wortel
        for deel in pad.split("."):
            node = getattr(node, deel)
        if not isinstance(node, Parameter):
            raise ValueError(f"{pad}: geen parameter")
        bekend = (weakref.ref(wortel), _Grenzen(node))
        _CACHE[sleutel] = bekend
    return bekend[1]


def _masker(wie, aantal):
    if wie is None:
        return numpy.ones(aantal, dtype=bool)
    return numpy.asarray(wie() if callable(wie) else wie, dtype=bool)


def _huishoudens(entiteit, masker):
    """The households (the group population) of the members in `masker`, or `masker` itself for a group."""
    if not entiteit.entity.is_person:
        return masker
    for groep in entiteit.simulation.populations.values():
        if not groep.entity.is_person:
            uitkomst = numpy.zeros(groep.count, dtype=bool)
            uitkomst[groep.members_entity_id[masker]] = True
            return uitkomst
    return masker


def _na_eerste_waarde(grenzen, begin, wanneer):
    """Refuse a use before the parameter's first value."""
    if begin < grenzen.eerste:
        raise ValueError(f"{grenzen.naam}: geen waarde voor {wanneer}; de eerste waarde geldt vanaf {_tekst(grenzen.eerste)}")


def _toets(entiteit, period, grenzen, wie, begin=None):
    """Refuse, or record as provisional for `period`, the use of the parameter at `begin` (default: the period's start)."""
    wanneer = _tekst(begin) if begin else str(period)
    begin = begin or tuple(period.start)
    _na_eerste_waarde(grenzen, begin, wanneer)
    if grenzen.geverifieerd is None or begin <= grenzen.geverifieerd:
        return
    masker = _masker(wie, entiteit.count)
    if not masker.any():
        return
    tot, datum = _tekst(grenzen.geverifieerd), wanneer
    if grenzen.uiterlijk is not None and begin > grenzen.uiterlijk:
        raise ValueError(f"{grenzen.naam}: {datum} ligt meer dan {MAXIMUM_MAANDEN_VOORUIT} maanden na de laatst geverifieerde "
                         f"waarde (tot en met {tot}); voeg de waarde voor {datum} toe ({fouten.namen(entiteit, masker)})")
    if strikt():
        raise ValueError(f"{grenzen.naam}: geen geverifieerde waarde voor {datum} (laatst geverifieerd tot en met {tot}); "
                         f"de strikte modus ({STRIKT}) rekent niet door met de laatste waarde ({fouten.namen(entiteit, masker)})")
    huishoudens = _huishoudens(entiteit, masker)
    simulatie = entiteit.simulation
    noteer(simulatie, str(period), grenzen.naam, tot, huishoudens)
    if getattr(simulatie, "trace", False) and simulatie.tracer.stack:  # per formula too, for motor.gedeeld
        top = simulatie.tracer.stack[-1]
        simulatie.__dict__.setdefault(PER_KNOOP, {}).setdefault((top["name"], str(top["period"])), []).append(
            (str(period), grenzen.naam, tot, huishoudens))


def noteer(simulatie, periode, naam, tot, huishoudens):
    """Record that the households `huishoudens` used parameter `naam` in `periode` beyond its verified date `tot`."""
    voorlopig = simulatie.__dict__.setdefault(VOORLOPIG, {}).setdefault(periode, {})
    eerder = voorlopig.get(naam)
    voorlopig[naam] = (tot, huishoudens | eerder[1] if eerder else huishoudens.copy())


def _lees(entiteit, op, grenzen):
    """The parameter's value at `op` (a period or a date); under a trace through OpenFisca's tracer, which records it."""
    simulatie = entiteit.simulation
    if getattr(simulatie, "trace", False):
        knoop = simulatie.trace_parameters_at_instant(op)
        for deel in grenzen.naam.split("."):
            knoop = getattr(knoop, deel)
        return knoop
    return grenzen.parameter(op.start if hasattr(op, "start") else op)


def waarde(entiteit, period, pad, wie=None, op=None):
    """The value in `period` (or at the date `op`, 'YYYY-MM-DD') of the parameter at `pad`, checked for the members `wie`
    it matters for, and recorded as provisional for `period` when it is.

    `wie`: a boolean array over the entity (or a function returning one); None is all. A value that matters for
    nobody is read without check or trace.
    """
    grenzen = _grenzen(entiteit.simulation.tax_benefit_system.parameters, pad)
    if _gewoon(entiteit, grenzen, _datum(op) if op else tuple(period.start)):
        return grenzen.parameter(op or period.start)
    masker = _masker(wie, entiteit.count)
    if not masker.any():
        return grenzen.parameter(op or period.start)  # it matters for nobody: not checked, not shown in an explanation
    _toets(entiteit, period, grenzen, masker, _datum(op) if op else None)
    return _lees(entiteit, op or period, grenzen)


def _gewoon(entiteit, grenzen, begin):
    """Outside a trace, a date between the first value and the verified date needs no check, record or trace."""
    return (grenzen.eerste <= begin and (grenzen.geverifieerd is None or begin <= grenzen.geverifieerd)
            and not getattr(entiteit.simulation, "trace", False))


def eerste_datum(wortel, pad):
    """The date (datetime.date) from which the parameter at `pad` below the root `wortel` has a value."""
    import datetime
    return datetime.date(*_grenzen(wortel, pad).eerste)


def gelezen(entiteit, period, pad):
    """Under a trace, record that a formula reads the parameter at `pad` (one that reads its whole history, such as
    the AOW age per year): a policy changing it then reaches that formula (see gedeeld)."""
    if getattr(entiteit.simulation, "trace", False):
        _lees(entiteit, period, _grenzen(entiteit.simulation.tax_benefit_system.parameters, pad))


def eerste(entiteit, pad):
    """(date, value) of the first value of the parameter at `pad`."""
    grenzen = _grenzen(entiteit.simulation.tax_benefit_system.parameters, pad)
    return numpy.datetime64(_tekst(grenzen.eerste)), grenzen.parameter.values_list[-1].value


def stil(entiteit, period, pad, op=None):
    """The value without a check and without the tracer: for a value that only decides who uses another one."""
    return _grenzen(entiteit.simulation.tax_benefit_system.parameters, pad).parameter(op or period.start)


def kies(entiteit, period, keuzes, anders, op=None):
    """Per member the value of the parameter of the first (voorwaarde, pad) that holds, else of the path `anders`
    (0 when `anders` is None), in `period` or at the date `op` ('YYYY-MM-DD'). Only the parameters some member gets
    are read, checked and (under a trace) shown.
    """
    paden = [pad for _, pad in keuzes] + [anders]
    index = kies_index([voorwaarde for voorwaarde, _ in keuzes])
    wortel, begin = entiteit.simulation.tax_benefit_system.parameters, _datum(op) if op else tuple(period.start)
    alle = [None if pad is None else _grenzen(wortel, pad) for pad in paden]
    if all(g is None or _gewoon(entiteit, g, begin) for g in alle):
        return numpy.asarray([0 if g is None else g.parameter(op or period.start) for g in alle], dtype=numpy.float64)[index]
    waarden = []
    for i, pad in enumerate(paden):
        gekozen = index == i
        waarden.append(waarde(entiteit, period, pad, gekozen, op) if pad is not None and gekozen.any() else 0)
    return numpy.asarray(waarden, dtype=numpy.float64)[index]


def waarden_op(entiteit, period, pad, datums, wie=None):
    """Per member the value of the parameter at its own date (`datums`, datetime64[D]), checked as `waarde` checks,
    for the members `wie`; the latest of their dates decides whether the use is provisional."""
    grenzen = _grenzen(entiteit.simulation.tax_benefit_system.parameters, pad)
    masker = _masker(wie, entiteit.count)
    if not masker.any():
        return numpy.zeros(entiteit.count)  # it matters for nobody
    datums = numpy.asarray(datums, dtype="datetime64[D]")
    eerste, laatste = (_datum(d) for d in (datums[masker].min(), datums[masker].max()))
    if _gewoon(entiteit, grenzen, eerste) and _gewoon(entiteit, grenzen, laatste):
        return _op_datums(grenzen, datums)
    _toets(entiteit, period, grenzen, masker, eerste)
    if grenzen.geverifieerd is not None:
        _toets(entiteit, period, grenzen, masker & (datums > numpy.datetime64(_tekst(grenzen.geverifieerd))), laatste)
    if getattr(entiteit.simulation, "trace", False):
        # recorded by the tracer: the explanation shows each threshold used, once per value (at the date it applies from)
        begin, index = _index(grenzen, datums[masker])
        for plek in numpy.unique(index):
            _lees(entiteit, str(begin[plek]), grenzen)
    return _op_datums(grenzen, datums)


def _index(grenzen, datums):
    """(the start dates of the parameter's values, oldest first; per date the number of the value in force)."""
    begin = numpy.array([w.instant_str for w in reversed(grenzen.parameter.values_list)], dtype="datetime64[D]")
    return begin, numpy.maximum(numpy.searchsorted(begin, datums, side="right") - 1, 0)


def _op_datums(grenzen, datums):
    """The parameter's value at each date."""
    _, index = _index(grenzen, datums)
    return numpy.array([w.value for w in reversed(grenzen.parameter.values_list)], dtype=numpy.float64)[index]


def voorlopige_parameters(simulatie, periode):
    """{parameter name: (last verified date, household mask)} of the values carried forward in `periode`."""
    return dict(getattr(simulatie, VOORLOPIG, {}).get(str(periode), {}))


def omschrijving(wortel, naam):
    """The description of the parameter `naam` below the root node `wortel`."""
    return _grenzen(wortel, naam).parameter.description


def voorlopig_voor(simulatie, periode, i):
    """[{parameter, omschrijving, geverifieerd_tot}] carried forward in `periode` for household number `i`, by name."""
    wortel = simulatie.tax_benefit_system.parameters
    return [{"parameter": naam, "omschrijving": omschrijving(wortel, naam), "geverifieerd_tot": tot}
            for naam, (tot, masker) in sorted(voorlopige_parameters(simulatie, periode).items()) if masker[i]]


def waarschuwing(periode, voorlopig):
    """One Dutch sentence on the amounts carried forward (the list of `voorlopig_voor`), or None when there are none."""
    if not voorlopig:
        return None
    bedragen = "; ".join(f"{v['omschrijving']} ({v['parameter']}, geverifieerd tot en met {v['geverifieerd_tot']})" for v in voorlopig)
    return (f"Voorlopige berekening: voor {periode} zijn niet alle bedragen vastgesteld of gevonden. Gerekend is met de "
            f"laatst geverifieerde waarde van: {bedragen}. Met TOESLAGEN_STRIKT=1 (of --strikt) wordt zo'n maand geweigerd.")


def controleer_parameters(node, period, pad):
    """Outside a simulation (the routes): refuse `period` for every indexed parameter below `pad` past its verified date
    (in both modes: a route then stops there with the reason), or before its first value."""
    knoop = node
    for deel in pad.split("."):
        knoop = getattr(knoop, deel)
    begin = tuple(period.start)
    for parameter in alle_parameters(knoop):
        grenzen = _grenzen(node, parameter.name)
        _na_eerste_waarde(grenzen, begin, period)
        if grenzen.geverifieerd is not None and begin > grenzen.geverifieerd:
            raise ValueError(f"{grenzen.naam}: geen geverifieerde waarde voor {period} "
                             f"(laatst geverifieerd tot en met {_tekst(grenzen.geverifieerd)}); voeg de nieuwe waarde toe aan de parameter")
