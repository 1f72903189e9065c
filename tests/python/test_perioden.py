"""The server's kept period parses give what openfisca-core's own parser gives, and errors every time."""

import pytest
from openfisca_core import periods
from openfisca_core.periods import helpers

from openfisca_toeslagen.motor.perioden import onthoud_ontlede_perioden

TEKSTEN = ["2025-01", "2025", "2025-01-15", "month:2025-01:3", "year:2024-07", "ETERNITY", "eternity", "day:2025-02-28:2",
           "day:2025-01-01:" + "0" * 40 + "7"]
FOUT = ["2025-13", "maand:2025-01", "month:2025", "", "2025-01-32"]


def test_zelfde_perioden_en_fouten_als_openfisca():
    eigen = helpers.period.dispatch(object)  # openfisca-core's parser, never cached
    onthoud_ontlede_perioden()
    onthoud_ontlede_perioden()  # a second server in the same process wraps nothing twice
    bewaard = periods.period.dispatch(str).bewaard
    assert not hasattr(bewaard.__wrapped__, "bewaard")  # not wrapped twice
    for _ in range(2):  # the second round comes from the cache
        for tekst in TEKSTEN:
            assert periods.period(tekst) == eigen(tekst), tekst
        for tekst in FOUT:
            with pytest.raises(ValueError) as fout:
                periods.period(tekst)
            with pytest.raises(ValueError) as verwacht:
                eigen(tekst)
            assert (type(fout.value), str(fout.value)) == (type(verwacht.value), str(verwacht.value)), tekst
    voor = bewaard.cache_info().currsize
    periods.period("day:2019-03-01:" + "0" * 40 + "5")  # longer than LANGSTE: parsed, not kept
    assert bewaard.cache_info().currsize == voor
    periods.period("month:2019-03:5")
    assert bewaard.cache_info().currsize == voor + 1
