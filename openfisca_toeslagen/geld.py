"""Money exact to the cent.

OpenFisca keeps float variables as float32, which separates every cent only below
EUR 131,072 (2**17) and holds EUR 1,308.45 as 1308.449951... Amounts here are
``Geldbedrag`` variables, stored as float64 (exact cents up to about 10**13 euros), and
every sum, rounding, floor or ceiling first brings them back to whole cents, then
applies the rounding the rule prescribes.
"""

import numpy
from openfisca_core.variables import Variable

from openfisca_toeslagen.motor import fouten

class Geldbedrag(Variable):
    """Base class of every money variable: an OpenFisca float variable stored as float64."""

    def __init__(self, baseline_variable=None):
        super().__init__(baseline_variable)
        self.dtype = numpy.float64


# Products of whole cents and a percentage such as 0.9 or 0.8 carry float64 noise in
# the ~12th digit; rounding to this many decimals of a cent removes it before a floor/ceil.
_RUIS_DECIMALEN = 6


def centen(bedrag):
    """Amount in euros (float32 or float64) as a float64 number of whole cents."""
    uit = numpy.array(bedrag, dtype=numpy.float64)  # a copy, worked on in place (one array instead of three)
    uit *= 100
    uit += 0.5
    numpy.floor(uit, out=uit)
    return uit if uit.ndim else uit[()]  # a number stays a number


_RUIS_SCHAAL = 10.0 ** _RUIS_DECIMALEN


def _schoon(centen_waarde):
    # What numpy.round(x, 6) computes (x * 10**6, rint, / 10**6), without its overhead on a small array.
    return numpy.rint(numpy.asarray(centen_waarde, dtype=numpy.float64) * _RUIS_SCHAAL) / _RUIS_SCHAAL


def maal(bedrag, factor):
    """Exact amount in cents (float64, possibly fractional) of a percentage of an amount."""
    return _schoon(centen(bedrag) * numpy.float64(factor))


def half_naar_boven_op_cent(in_centen):
    """Round cents half up to a whole cent; result in euros."""
    return numpy.floor(_schoon(in_centen) + 0.5) / 100


def naar_boven_op_cent(in_centen):
    """Round cents up to a whole cent; result in euros."""
    return numpy.ceil(_schoon(in_centen)) / 100


def naar_beneden_op_euro(in_centen):
    """Round cents down to whole euros; result in euros."""
    return numpy.floor(_schoon(in_centen) / 100)


def optellen(*bedragen):
    """Sum of amounts (arrays of one entity, or single amounts), exact to the cent; result in euros."""
    if len({numpy.shape(bedrag) for bedrag in bedragen}) > 1:
        bedragen = numpy.broadcast_arrays(*bedragen)
    return numpy.add.reduce(centen(numpy.array(bedragen, dtype=numpy.float64))) / 100


def aftrekken(a, b):
    """a - b exact to the cent; result in euros."""
    return (centen(a) - centen(b)) / 100


# Amounts per month below a billion euros keep every cent exact; larger ones are input errors. Also the CSV
# reader's bound (huishoudens), so JSON, CSV and Python refuse the same amounts.
MAX_BEDRAG = 1_000_000_000


def _goed(bedragen):
    """Whether all amounts are at least 0 and below MAX_BEDRAG (NaN and infinity are not)."""
    return bool(bedragen.min(initial=0) >= 0) and bool(bedragen.max(initial=0) < MAX_BEDRAG)


def invoer(entiteit, naam, period):
    """An amount input, refused with an error naming the field and the entity when negative, not finite or too large."""
    bedrag = entiteit(naam, period)
    if not _goed(bedrag):
        if (bedrag < 0).any():
            raise ValueError(f"{naam} mag niet negatief zijn ({period}): {fouten.namen(entiteit, bedrag < 0)}")
        fout = ~((bedrag >= 0) & (bedrag < MAX_BEDRAG))
        raise ValueError(f"{naam} moet een eindig bedrag onder {MAX_BEDRAG_TEKST} zijn ({period}): {fouten.namen(entiteit, fout)}")
    return bedrag


def invoeren(entiteit, namen, period):
    """Amount inputs of one entity as the rows of one array, each refused as `invoer` refuses it."""
    namen = tuple(namen)
    bedragen = numpy.array([entiteit(naam, period) for naam in namen], dtype=numpy.float64)
    if not _goed(bedragen):  # one check for all; the first bad field gives the error
        for naam in namen:
            invoer(entiteit, naam, period)
    return bedragen


def som(entiteit, namen, period):
    """The sum of amount inputs of one entity (each refused when negative), exact to the cent; result in euros."""
    return numpy.add.reduce(centen(invoeren(entiteit, namen, period))) / 100


def naar_euro(in_centen):
    """Whole cents as euros with two decimals (the unit of every output: JSON, tables, files)."""
    return round(int(in_centen) / 100, 2)


def euro_tekst(in_centen, decimalen=None):
    """Whole cents as a Dutch amount: € 1.234,56. `decimalen` 2 always shows cents, 0 rounds half up to whole euros,
    None shows cents only when there are any (€ 2.784, € 83,34)."""
    in_centen = int(in_centen)
    teken = "-" if in_centen < 0 else ""
    if decimalen == 0:
        return f"€ {teken}{(abs(in_centen) + 50) // 100:,}".replace(",", ".")
    euro, cent = divmod(abs(in_centen), 100)
    tekst = f"{euro:,}".replace(",", ".") + (f",{cent:02d}" if cent or decimalen == 2 else "")
    return f"€ {teken}{tekst}"


MAX_BEDRAG_TEKST = euro_tekst(MAX_BEDRAG * 100, 0)  # how errors name the bound: € 1.000.000.000
