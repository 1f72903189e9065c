"""Benchmark: the package's calculation of the decision for N single households, against plain NumPy.

Run: .venv/bin/python benchmarks/betalingsregeling.py [N ...]   (default: 10000 100000 1000000)

For each size it draws N single applicants (2025-01; random income, rent, health premium, tax-debt
payments and one huurtoeslag claim), times
  - the package: set the inputs on a default OpenFisca simulation and calculate `termijnbedrag`
    (every rule from the norm to the decision), and
  - a baseline: the same rules for this household type written directly in NumPy float64 cents,
checks that both give the same termijnbedrag, looptijd and restschuld for every household, and prints the
time per household and the ratio package / baseline.
"""

import sys
import time

import numpy
from openfisca_core.simulation_builder import SimulationBuilder

from meten import PERIODE
from openfisca_toeslagen import CountryTaxBenefitSystem



def huishoudens(n, seed=2025):
    rng = numpy.random.default_rng(seed)
    return {
        "netto_inkomen": rng.integers(90_000, 300_000, n) / 100,
        "huur": rng.integers(30_000, 110_000, n) / 100,
        "zorgpremie": rng.integers(0, 20_000, n) / 100,
        "betalingen_belastingschulden": rng.integers(0, 15_000, n) / 100,
        "terugvordering_huurtoeslag": rng.integers(1_000, 2_000_000, n) / 100,
    }


def pakket(tbs, invoer):
    n = len(invoer["huur"])
    simulatie = SimulationBuilder.build_default_simulation(tbs, n)
    simulatie.set_input("geboortedatum", "ETERNITY", numpy.full(n, numpy.datetime64("1982-05-01")))
    for naam, waarden in invoer.items():
        simulatie.set_input(naam, PERIODE, waarden)
    termijn = simulatie.calculate("termijnbedrag", PERIODE)
    return termijn, simulatie.calculate("looptijd_maanden", PERIODE), simulatie.calculate("restschuld_buiten_invordering", PERIODE)


def numpy_basis(p, invoer):
    """Current law for a single applicant under the AOW age, in float64 cents, written out directly."""
    c = {naam: numpy.floor(w * 100 + 0.5) for naam, w in invoer.items()}
    inkomen = c["netto_inkomen"] + numpy.floor(numpy.round(c["netto_inkomen"] * 0.07, 6) + 0.5)
    woon = numpy.maximum(0, numpy.minimum(c["huur"], p["max"]) - p["normhuur"])
    zorg = numpy.maximum(0, c["zorgpremie"] - p["normpremie"])
    kvb = numpy.floor(numpy.round(p["norm"] * 0.9, 6) + 0.5)
    capaciteit = numpy.maximum(0, inkomen - woon - zorg - c["betalingen_belastingschulden"] - kvb)
    termijn = numpy.floor(numpy.round(capaciteit * 0.8, 6) / 100) * 100
    d = numpy.where(c["terugvordering_huurtoeslag"] <= p["awir_26a"], 0, c["terugvordering_huurtoeslag"])  # Awir art. 26a
    standaard = numpy.where(d > 48_000, numpy.ceil(numpy.round(d / 24, 6)), numpy.minimum(d, 2_000))
    standaard_looptijd = numpy.where(d > 0, numpy.ceil(d / numpy.maximum(standaard, 1)), 0)
    persoonlijk = termijn < standaard
    looptijd_p = numpy.where(termijn > 0, numpy.minimum(24, numpy.ceil(d / numpy.maximum(termijn, 1))), 0)
    rest = numpy.where(persoonlijk, d - numpy.minimum(d, termijn * looptijd_p), 0)
    return (numpy.where(persoonlijk, termijn, standaard) / 100,
            numpy.where(persoonlijk, looptijd_p, standaard_looptijd), rest / 100)


def main(groottes):
    tbs = CountryTaxBenefitSystem()
    p = {"max": 90_007, "normhuur": 23_801, "normpremie": 4_500, "norm": 134_545, "awir_26a": 11_800}  # 2025-01, in cents
    print(f"{'huishoudens':>12} {'pakket s':>9} {'µs/hh':>7} {'numpy s':>8} {'µs/hh':>7} {'verhouding':>10}")
    for n in groottes:
        invoer = huishoudens(n)
        start = time.perf_counter()
        uitkomst = pakket(tbs, invoer)
        t_pakket = time.perf_counter() - start
        start = time.perf_counter()
        basis = numpy_basis(p, invoer)
        t_basis = time.perf_counter() - start
        for naam, a, b in zip(("termijnbedrag", "looptijd", "restschuld"), uitkomst, basis):
            verschil = numpy.abs(numpy.asarray(a, dtype=float) - b).max()
            assert verschil < 0.005, f"{naam} differs by {verschil} at n={n}"
        print(f"{n:>12,} {t_pakket:>9.2f} {t_pakket / n * 1e6:>7.2f} {t_basis:>8.3f} {t_basis / n * 1e6:>7.2f} {t_pakket / t_basis:>9.1f}×")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
