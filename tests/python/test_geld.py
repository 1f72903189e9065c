"""The money helpers against Decimal arithmetic at exact halves and multiples, through float32."""

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import numpy

from openfisca_toeslagen import geld

CENT = Decimal("0.01")


def _float32(centen):
    return numpy.array([c / 100 for c in centen], dtype=numpy.float32)


def test_ninety_percent_half_up_for_every_cent_amount_up_to_2500():
    centen = list(range(0, 250_001, 7)) + [130845, 104875]  # 1308.45 and 1048.75 give exact halves
    uitkomst = geld.half_naar_boven_op_cent(geld.maal(_float32(centen), 0.9))
    verwacht = [float((Decimal(c) / 100 * Decimal("0.9")).quantize(CENT, ROUND_HALF_UP)) for c in centen]
    assert numpy.abs(uitkomst - verwacht).max() < 1e-9


def test_eighty_percent_down_to_euros_at_exact_multiples():
    centen = list(range(0, 1_000_001, 25))  # every multiple of 0.25 up to 10,000 hits a whole euro exactly
    uitkomst = geld.naar_beneden_op_euro(geld.maal(_float32(centen), 0.8))
    verwacht = [float((Decimal(c) / 100 * Decimal("0.8")).to_integral_value(ROUND_FLOOR)) for c in centen]
    assert numpy.array_equal(uitkomst, verwacht)


def test_debt_over_24_up_to_the_cent_at_exact_multiples_up_to_131072():
    centen = list(range(48000, 13_107_200, 97)) + [48001, 960000, 960024]
    uitkomst = geld.naar_boven_op_cent(geld.centen(_float32(centen)) / 24)
    verwacht = [float((Decimal(c) / 100 / 24).quantize(CENT, ROUND_CEILING)) for c in centen]
    assert numpy.abs(uitkomst - verwacht).max() < 1e-9


def test_sums_and_differences_stay_exact():
    a = _float32([123456, 1, 99999])
    b = _float32([654321, 2, 1])
    assert numpy.allclose(geld.optellen(a, b), [7777.77, 0.03, 1000.00], atol=1e-9)
    assert numpy.allclose(geld.aftrekken(a, b), [-5308.65, -0.01, 999.98], atol=1e-9)


def test_optellen_van_bedragen_en_losse_bedragen():
    """A reform may add a single amount (a parameter) to an entity's amounts."""
    assert numpy.array_equal(geld.optellen(_float32([123456, 1]), 0.01, numpy.float64(2)), [1236.57, 2.02])
    assert geld.optellen(0.1, 0.2) == 0.3


def test_euro_tekst_dutch_amounts_in_cents():
    assert geld.euro_tekst(278400) == "€ 2.784"
    assert geld.euro_tekst(8334) == "€ 83,34"
    assert geld.euro_tekst(8330) == "€ 83,30"
    assert geld.euro_tekst(278400, 2) == "€ 2.784,00"
    assert geld.euro_tekst(123456789, 2) == "€ 1.234.567,89"
    assert geld.euro_tekst(-500, 2) == "€ -5,00"
    assert geld.euro_tekst(0) == "€ 0"
    assert geld.euro_tekst(149, 0) == "€ 1" and geld.euro_tekst(150, 0) == "€ 2"  # half up, not half to even
    assert geld.euro_tekst(250, 0) == "€ 3" and geld.euro_tekst(-150, 0) == "€ -2"
    assert geld.euro_tekst(100_000_000, 0) == "€ 1.000.000"


def test_naar_euro_two_decimals():
    assert geld.naar_euro(27900) == 279.0 and geld.naar_euro(128) == 1.28 and geld.naar_euro(-1) == -0.01
