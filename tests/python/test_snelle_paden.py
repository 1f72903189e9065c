"""The fast paths give exactly what OpenFisca's own paths give.

`keuze.kies` against `numpy.select`; our populations (`motor.snel_lezen`: cached values and inputs not given read
directly) against OpenFisca's own populations, for every variable of 300 random households and for the errors.
"""

import functools
import random

import numpy
import pytest
from openfisca_core import periods
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from test_onafhankelijk import willekeurig_huishouden

from onafhankelijk_model import naar_situatie
from openfisca_toeslagen import CountryTaxBenefitSystem, reforms
from openfisca_toeslagen.motor import snel_lezen
from openfisca_toeslagen.motor.keuze import kies


@pytest.mark.parametrize("lengte", [0, 1, 7, 1000])
@pytest.mark.parametrize("aantal", [1, 2, 6, 10])
def test_kies_is_numpy_select(lengte, aantal):
    rng = numpy.random.default_rng(lengte * 100 + aantal)
    for _ in range(20):
        voorwaarden = [rng.random(lengte) < rng.random() for _ in range(aantal)]
        keuzes = [rng.random(lengte) * 1000 if rng.random() < 0.5 else float(rng.integers(0, 9)) for _ in range(aantal)]
        anders = float(rng.integers(-5, 5))
        assert numpy.array_equal(kies(voorwaarden, keuzes, anders), numpy.select(voorwaarden, keuzes, anders))
        indices = list(range(aantal))
        assert numpy.array_equal(kies(voorwaarden, indices, 99), numpy.select(voorwaarden, indices, 99))


def test_kies_wil_evenveel_voorwaarden_als_keuzes():
    with pytest.raises(ValueError):
        kies([numpy.array([True]), numpy.array([False])], [1], 0)


def _met_openfisca_populaties(systeem):
    systeem.instantiate_entities = functools.partial(TaxBenefitSystem.instantiate_entities, systeem)
    return systeem


@pytest.fixture(scope="module")
def systemen():
    return CountryTaxBenefitSystem(), _met_openfisca_populaties(CountryTaxBenefitSystem())


HERVORMD = ["werkelijke_lasten", "kosten_van_bestaan_95", "inflatie_geindexeerde_norm"]


@pytest.fixture(scope="module")
def hervormde_systemen():
    return (reforms.pas_toe(CountryTaxBenefitSystem(), HERVORMD),
            _met_openfisca_populaties(reforms.pas_toe(CountryTaxBenefitSystem(), HERVORMD)))


def _simulatie(systeem, situatie):
    return SimulationBuilder().build_from_entities(systeem, situatie)


def test_onze_populaties_worden_gebruikt(systemen, hervormde_systemen):
    situatie = naar_situatie([willekeurig_huishouden(random.Random(1), "2025-01")], "2025-01")
    for ons, openfisca in (systemen, hervormde_systemen):  # a reform of ours (reforms.bouwstenen.Hervorming) too
        assert isinstance(_simulatie(ons, situatie).populations["huishouden"], snel_lezen.Groepen)
        assert not isinstance(_simulatie(openfisca, situatie).populations["huishouden"], snel_lezen.Groepen)


@pytest.mark.parametrize(("maand", "hervormd"), [("2022-01", False), ("2025-01", False), ("2026-12", False),
                                                 ("2024-01", True), ("2025-07", True)])
def test_elke_variabele_gelijk_aan_openfisca(systemen, hervormde_systemen, maand, hervormd):
    systemen = hervormde_systemen if hervormd else systemen
    rng = random.Random(maand)
    situatie = naar_situatie([willekeurig_huishouden(rng, maand) for _ in range(300)], maand)
    simulaties = [_simulatie(systeem, situatie) for systeem in systemen]
    periode = periods.period(maand)
    namen = sorted(systemen[0].variables)
    for ronde in range(2):  # the second round reads every value from the cache
        for naam in namen:
            entiteit = systemen[0].variables[naam].entity.key
            try:
                ons, openfisca = (s.populations[entiteit](naam, periode) for s in simulaties)
            except ValueError:  # a value the law does not give (a vervaldag before the first known term): the same error
                assert _fout(simulaties[0], entiteit, naam, periode) == _fout(simulaties[1], entiteit, naam, periode), naam
                continue
            assert ons.dtype == openfisca.dtype, naam
            assert numpy.array_equal(ons, openfisca), (ronde, naam)


def _fout(simulatie, entiteit, naam, periode, opties=None):
    with pytest.raises(Exception) as fout:
        simulatie.populations[entiteit](naam, periode, opties)
    return type(fout.value), str(fout.value)


@pytest.mark.parametrize(("entiteit", "naam", "periode"), [
    ("persoon", "huur", "2025-01"),  # a household variable asked of a person
    ("huishouden", "bestaat_niet", "2025-01"),
    ("huishouden", "huur", "2025"),  # a monthly variable for a year
    ("huishouden", "termijnbedrag", "2025"),
    ("huishouden", "hypotheekrente", "2025-01-15"),  # not given, a day
    ("huishouden", "hypotheekrente", "month:2025-01:3"),  # not given, three months
])
def test_fouten_gelijk_aan_openfisca(systemen, mark_situatie, entiteit, naam, periode):
    ons, openfisca = (_simulatie(systeem, mark_situatie) for systeem in systemen)
    for simulatie in (ons, openfisca):
        simulatie.calculate("termijnbedrag", "2025-01")  # values in the cache
    assert _fout(ons, entiteit, naam, periods.period(periode)) == _fout(openfisca, entiteit, naam, periods.period(periode))


@pytest.mark.filterwarnings("ignore:You cannot set a value for the variable huur")
def test_geneutraliseerde_variabele_zoals_openfisca(mark_situatie):
    """A neutralized variable always gives its default, and for the wrong kind of period OpenFisca's error."""
    ons, openfisca = CountryTaxBenefitSystem(), _met_openfisca_populaties(CountryTaxBenefitSystem())
    for systeem in (ons, openfisca):
        systeem.neutralize_variable("huur")
    simulaties = [_simulatie(systeem, mark_situatie) for systeem in (ons, openfisca)]
    for simulatie in simulaties:
        simulatie.calculate("termijnbedrag", "2025-01")
    assert [s.populations["huishouden"]("huur", periods.period("2025-01"))[0] for s in simulaties] == [0, 0]
    assert _fout(simulaties[0], "huishouden", "huur", periods.period("2025")) == \
        _fout(simulaties[1], "huishouden", "huur", periods.period("2025"))


def test_onder_een_trace_het_gewone_pad(systemen, mark_situatie):
    """The explanation needs every read recorded: cached values and inputs not given too."""
    simulatie = _simulatie(systemen[0], mark_situatie)
    simulatie.trace = True
    simulatie.calculate("termijnbedrag", "2025-01")
    simulatie.calculate("aftrekbare_woonlasten", "2025-01")  # cached
    gelezen = [knoop.name for knoop in simulatie.tracer.trees[0].children]
    assert gelezen[:2] == ["capaciteitstermijn", "uitkomst_verzoek"]
    assert simulatie.tracer.trees[1].name == "aftrekbare_woonlasten" and not simulatie.tracer.trees[1].children

    def knopen(lijst):
        for knoop in lijst:
            yield knoop
            yield from knopen(knoop.children)

    namen = {knoop.name for knoop in knopen(simulatie.tracer.trees)}
    assert {"huur", "hypotheekrente", "erfpachtcanon", "ontvangen_huurtoeslag"} <= namen  # given and not given
