"""The deadline search's hint (areas/botilbud.py, ``_ved_hint``) never changes the answer.

The hint only says where to start looking; the answer must be the one the full search finds,
for a hint that is right, a few days off, far off, or points past the search limit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from sosialregler.inndata.ukjent import Ukjent
from sosialregler.lov.kalender import dager_i_maned
from sosialregler.vurdering.areas import botilbud


def _over_etter(grense: date | None) -> tuple[Callable[[date], bool], list[date]]:
    """A monotone ``over``: true from the day after ``grense`` (never, for None); counts calls."""
    kall: list[date] = []

    def over(dag: date) -> bool:
        kall.append(dag)
        return grense is not None and dag > grense

    return over, kall


@pytest.mark.parametrize("hint", [None, 1, 60, 88, 89, 90, 91, 92, 95, 200, 10**6])
@pytest.mark.parametrize(
    "fra,grense",
    [
        (date(2023, 11, 30), date(2024, 2, 29)),
        (date(2024, 1, 31), date(2024, 4, 30)),
        (date(2024, 3, 1), date(2024, 6, 1)),
        (date(2024, 3, 1), date(2024, 3, 2)),
        (date(2024, 3, 1), None),
    ],
)
def test_hint_gir_samme_svar_som_fullt_sok(
    fra: date, grense: date | None, hint: int | None
) -> None:
    over, _ = _over_etter(grense)
    uten, _ = _over_etter(grense)
    fullt = botilbud._grensedato(uten, fra)
    assert botilbud._grensedato(over, fra, hint) == fullt
    if grense is None:
        assert isinstance(fullt, Ukjent)
    else:
        assert fullt == grense


def test_riktig_hint_sparer_evalueringer() -> None:
    fra, grense = date(2024, 1, 31), date(2024, 4, 30)
    med, kall_med = _over_etter(grense)
    uten, kall_uten = _over_etter(grense)
    assert botilbud._grensedato(med, fra, (grense - fra).days) == grense
    assert botilbud._grensedato(uten, fra) == grense
    assert len(kall_med) == 2 < len(kall_uten)


def test_grensen_i_starten_finnes_med_og_uten_hint() -> None:
    fra = date(2024, 1, 31)
    over, kall = _over_etter(fra - timedelta(days=1))
    assert botilbud._grensedato(over, fra, 90) == fra
    assert kall[-1] == fra
    assert all(dag >= fra for dag in kall)


def test_dager_i_maned_som_kalenderen() -> None:
    """The month length the date search uses (``lov.kalender``, issue 17) is
    ``calendar.monthrange``'s, every year."""
    import calendar

    for ar in (*range(1, 10_000, 7), 1900, 2000, 2023, 2024, 2100, 9999):
        for maned in range(1, 13):
            assert dager_i_maned(ar, maned) == calendar.monthrange(ar, maned)[1]
