"""Period strings parsed once per server process.

openfisca-core parses a period string such as "2025-01" anew every time it meets it (through pendulum, some
40 Python calls), and a /calculate request meets each value's period four times: reading the JSON, buffering
it, setting it and, for an output, calculating it. For Mark that is about 14 % of the request. A period is an
immutable tuple, so the web server keeps each parsed string (a bounded ``functools.lru_cache``); openfisca-core
keeps dates and strings of instants the same way (``openfisca_core.periods.config``). An invalid string still
raises every time: an exception is not kept.
"""

import functools

from openfisca_core import periods

GROOTTE = 4096  # distinct period strings kept; a request uses a handful


def onthoud_ontlede_perioden():
    """Have openfisca-core's ``periods.period`` keep what it parsed from a string (once per process)."""
    ontleden = periods.period.dispatch(str)
    if not hasattr(ontleden, "cache_info"):
        periods.period.register(str)(functools.lru_cache(maxsize=GROOTTE)(ontleden))
