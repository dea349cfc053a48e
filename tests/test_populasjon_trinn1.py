"""The columnar engine's stage 1 made cheaper (``populasjon.kolonne``): the cycle collector paused
for a batch and on again after it, and stage 1 taken phase by phase over many rows giving each
row what it gives the row alone."""

from __future__ import annotations

import decimal
import gc
from typing import Any

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("numpy")

from sosialregler.api import default_rulebook
from sosialregler.inndata.desimal import DESIMALKONTEKST
from sosialregler.inndata.grenser import STANDARD
from sosialregler.verktoy.populasjon import kolonne
from sosialregler.verktoy.populasjon.generator import STANDARDDATO, lag_populasjon


def _saker(n: int, fro: int) -> list[Any]:
    return list(lag_populasjon(n, fro=fro, andel_kanter=0.3, andel_feil=0.05))


def test_ingen_syklusrydding_mens_en_batch_vurderes() -> None:
    """The collector does not run while a batch is assessed (it walked the batch's live rows
    again and again, for no garbage), and is on again after it."""
    saker = _saker(600, 3)
    bok = default_rulebook()
    kolonne.kolonnevis(saker[:20], bok, STANDARDDATO, STANDARD)  # compiled once, outside
    runder: list[int] = []

    def tell(fase: str, info: dict[str, Any]) -> None:
        if fase == "start":
            runder.append(info["generation"])

    gc.collect()
    gc.callbacks.append(tell)
    try:
        kolonner, motor = kolonne.kolonnevis(saker, bok, STANDARDDATO, STANDARD)
    finally:
        gc.callbacks.remove(tell)
    assert len(motor) == len(saker) and len(kolonner["sak_id"]) == len(saker)
    assert "persak" in motor  # the malformed rows went the per-case way, inside the pause too
    # At most the one young collection when it is on again (of what the batch left alive:
    # its columns, caches filled on the way); it ran dozens of times for 600 rows before.
    assert runder in ([], [0])
    assert gc.isenabled()


def test_syklusrydding_som_av_forblir_av() -> None:
    """A caller that turned the collector off keeps it off: only what was found is restored."""
    bok = default_rulebook()
    gc.disable()
    try:
        kolonne.kolonnevis(_saker(5, 4), bok, STANDARDDATO, STANDARD)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("dato", [STANDARDDATO, None], ids=["fast dato", "sakens dato"])
def test_fasevis_gir_hver_rad_det_den_far_alene(dato: Any) -> None:
    """Stage 1 over many rows phase by phase (more rows than one pass takes) gives each row
    what stage 1 gives it taken alone: the same facts, outputs, rules evaluated and flags, and
    the per-case path for the same rows."""
    saker = _saker(kolonne.FASEBIT + 57, 5)
    bok = default_rulebook()
    with decimal.localcontext(DESIMALKONTEKST):
        sammen = kolonne._trinn1_batch(saker, dato, bok, STANDARD)
        alene = [kolonne._trinn1_batch([s], dato, bok, STANDARD)[0] for s in saker]
    assert len(sammen) == len(saker)
    assert sammen == alene
    assert any(r is None for r in sammen) and sum(r is not None for r in sammen) > len(saker) // 2
