"""Benchmark: the five routes for a synthetic population at once, against the one-household function.

Run: .venv/bin/python benchmarks/routes_populatie.py [N ...]   (default: 10000 75000 300000)

For each size it draws N synthetic households (`openfisca_toeslagen.invoer.populatie`, requests of 2025-01, claims with
their beschikkingsdata of 2024) and measures `routes_populatie.bereken` for current law and one process reform
(`verlenging_na_gemiste_betaling`): five routes each, every schedule from the first beschikking to the end (at least
the 36 months the one-household schedule shows), the decision included. The baseline is `routes.routes`, the
one-household function, timed in the same process on a sample of the same households (the first 200, both
policies) and scaled up to N. It prints the time, the cost per household and the ratio, and checks the target:
75,000 households in under 10 s.
"""

import sys
import time

from meten import PERIODE, doel
from openfisca_toeslagen.invoer import huishoudens, populatie
from openfisca_toeslagen.toepassingen.routes import populatie as routes_populatie
from openfisca_toeslagen.toepassingen.routes import routes
from openfisca_toeslagen.toepassingen.vergelijking import beleidssystemen

STEEKPROEF = 200
DOEL_AANTAL, DOEL_SECONDEN = 75_000, 10


def main(aantallen):
    systemen = beleidssystemen(["verlenging_na_gemiste_betaling"])
    geldend = systemen["geldend_recht"]
    print(f"routes voor {PERIODE}: geldend recht + verlenging_na_gemiste_betaling, 5 routes per beleid")
    print(f"{'huishoudens':>12} {'populatie':>10} {'per huishouden':>15} {'één voor één (geschat)':>23} {'verhouding':>10}")
    per_huishouden_los = None
    for n in aantallen:
        tabel = populatie.trek(n, 2025)
        if per_huishouden_los is None:  # the baseline: the one-household function on a sample, both policies
            situaties = [huishoudens.situatie(geldend, tabel, i, PERIODE) for i in range(STEEKPROEF)]
            begin = time.perf_counter()
            for situatie in situaties:
                for tbs in systemen.values():
                    routes(situatie, PERIODE, tbs=tbs)
            per_huishouden_los = (time.perf_counter() - begin) / STEEKPROEF
        begin = time.perf_counter()
        routes_populatie.bereken(tabel, PERIODE, systemen=systemen)
        duur = time.perf_counter() - begin
        los = per_huishouden_los * n
        print(f"{n:>12,} {duur:>9.2f}s {duur / n * 1e6:>12.1f} µs {los:>21.0f} s {los / duur:>9.0f}×")
        if n == DOEL_AANTAL:
            print(f"{'':>12} " + doel(f"{DOEL_AANTAL:,} huishoudens in minder dan {DOEL_SECONDEN} s", duur < DOEL_SECONDEN))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 75_000, 300_000])
