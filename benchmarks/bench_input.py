"""Measure reading a case (``les_sak``) and deriving its facts (``utled``), the input half of
one assessment (issue 9's budget is the whole assessment, so this half must stay small).

Run: ``python benchmarks/bench_input.py`` (prints a table). A measurement, not a test: the suite
never fails on speed. Each timing is the median of many runs in one process, for the demo
cases and for a few generated ones (drawn deterministically, so runs compare).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from sosialregler.api import les_sak
from sosialregler.verktoy.testing import cases
from sosialregler.vurdering.derived import utled

ROT = Path(__file__).resolve().parent.parent


def _tid(fn: Callable[[], object], antall: int) -> float:
    """Median in microseconds."""
    for _ in range(min(50, antall)):
        fn()
    maalinger = []
    for _ in range(antall):
        start = time.perf_counter()
        fn()
        maalinger.append((time.perf_counter() - start) * 1e6)
    return statistics.median(maalinger)


def _genererte(antall: int) -> list[dict[str, Any]]:
    """Generated cases with every area's facts now and then, the same ones every run."""
    ut: list[dict[str, Any]] = []

    @settings(
        max_examples=antall,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(cases(andre_omrader=True, komplett=False))
    def samle(sak: dict[str, Any]) -> None:
        ut.append(sak)

    samle()
    return ut[:antall]


def main(antall: int = 3000) -> None:
    saker = {
        navn: json.loads((ROT / "examples" / f"{navn}.json").read_text())
        for navn in ("familie", "enslig")
    }
    for i, sak in enumerate(_genererte(6)):
        saker[f"generert-{i}"] = sak
    print(f"{'sak':<14}{'les_sak µs':>12}{'utled µs':>12}")
    for navn, data in saker.items():
        lest = les_sak(data)
        dato = lest.vurderingsdato
        assert dato is not None
        t_les = _tid(lambda d=data: les_sak(d), antall)
        t_utled = _tid(lambda s=lest, d=dato: utled(s, d), antall)
        print(f"{navn:<14}{t_les:>12.1f}{t_utled:>12.1f}")


if __name__ == "__main__":
    main()
