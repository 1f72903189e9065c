"""What the benchmarks share: the month and the policies they run, a clock, the peak memory and how a target reads."""

import resource
import time

from openfisca_toeslagen.invoer.populatie import PERIODE  # noqa: F401  (the month the synthetic population is drawn for)

HERVORMINGEN = ["kosten_van_bestaan_95", "inflatie_geindexeerde_norm", "werkelijke_lasten",
                "aflossingspercentage_50", "andere_betalingsregelingen_aftrekbaar"]


def klok(functie):
    """(what `functie()` returns, seconds it took)."""
    begin = time.perf_counter()
    uit = functie()
    return uit, time.perf_counter() - begin


def piek_gb():
    """The process's peak resident memory in GB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9


def doel(tekst, gehaald):
    """A target and whether this run met it, as every benchmark prints it."""
    return f"doel {tekst}: {'gehaald' if gehaald else 'NIET gehaald'}"
