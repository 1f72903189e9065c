"""Error messages that name the entities concerned, without flooding the screen for a large population."""

import numpy

MAX_NAMEN = 10


def namen(entiteit, masker):
    """The ids of `entiteit` where `masker` holds: at most ten, then how many more."""
    ids = numpy.asarray(entiteit.ids)[numpy.asarray(masker, dtype=bool)]
    tekst = ", ".join(str(i) for i in ids[:MAX_NAMEN])
    return tekst + (f" en nog {len(ids) - MAX_NAMEN}" if len(ids) > MAX_NAMEN else "")
