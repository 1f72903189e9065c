"""Period strings parsed once per server process.

openfisca-core parses a period string such as "2025-01" anew every time it meets it (through pendulum, some
40 Python calls), and a /calculate request meets each value's period four times: reading the JSON, buffering
it, setting it and, for an output, calculating it. For Mark that is about 14 % of the request. A period is an
immutable tuple, so the web server keeps each parsed string (a bounded ``functools.lru_cache``); openfisca-core
keeps dates and strings of instants the same way (``openfisca_core.periods.config``). An invalid string still
raises every time (an exception is not kept), and a string longer than any ordinary period is parsed without
being kept, so a client cannot fill the cache with long ones.
"""

import functools

from openfisca_core import periods

GROOTTE = 4096  # distinct period strings kept; a request uses a handful
LANGSTE = 32  # characters of the longest string kept ("month:2025-01:12" has 16)


def onthoud_ontlede_perioden():
    """Have openfisca-core's ``periods.period`` keep what it parsed from a string (once per process)."""
    ontleden = periods.period.dispatch(str)
    if hasattr(ontleden, "bewaard"):
        return
    bewaard = functools.lru_cache(maxsize=GROOTTE)(ontleden)

    def periode_uit_tekst(tekst):
        return bewaard(tekst) if len(tekst) <= LANGSTE else ontleden(tekst)

    periode_uit_tekst.bewaard = bewaard
    periods.period.register(str)(periode_uit_tekst)
