"""What a kept assessment costs: memory, objects the collector tracks, time when many are kept.

Issue 17: a batch or a service that keeps many results pays for each one's trace twice, in
memory and in collector work (every tracked object is visited by each full collection). Run:
``python benchmarks/bench_spor.py [antall] [--fordeling]`` (default 20 000 kept results,
without gc.freeze); ``--fordeling`` also prints, per example, the kept bytes by the module that
allocated them (the trace is ``lov/kompilator/spor.py``; nodes the calculations build at once
are the area modules' and the generated builders').
"""

from __future__ import annotations

import argparse
import gc
import json
import time
import tracemalloc
from pathlib import Path

from sosialregler import assess

EKSEMPLER = Path(__file__).resolve().parent.parent / "examples"
NAVN = ("enslig", "familie", "kvp", "botilbud")


def _sak(navn: str) -> dict:
    return json.loads((EKSEMPLER / f"{navn}.json").read_text(encoding="utf-8"))


def storrelse(sak: dict) -> int:
    """Bytes still allocated after one assessment, kept (tracemalloc)."""
    assess(sak)  # warm: compiled rules, caches
    gc.collect()
    tracemalloc.start()
    for_ = tracemalloc.take_snapshot()
    holdt = assess(sak)
    gc.collect()
    etter = tracemalloc.take_snapshot()
    tracemalloc.stop()
    assert holdt is not None
    return sum(s.size_diff for s in etter.compare_to(for_, "filename"))


def fordeling(sak: dict, antall: int = 20) -> dict[str, float]:
    """Bytes still allocated per kept assessment, by the module that allocated them (the
    innermost frame): what a kept result holds, and so what stands between it and 10 KiB."""
    assess(sak)
    gc.collect()
    tracemalloc.start(1)
    for_ = tracemalloc.take_snapshot()
    holdt = [assess(sak) for _ in range(antall)]
    gc.collect()
    etter = tracemalloc.take_snapshot()
    tracemalloc.stop()
    assert len(holdt) == antall
    ut: dict[str, float] = {}
    for s in etter.compare_to(for_, "filename"):
        fil = s.traceback[0].filename
        modul = fil.split("sosialregler/", 1)[-1] if "sosialregler/" in fil else fil
        if modul.startswith("<sosialregler-node"):
            modul = "<generert nodebygger>"
        ut[modul] = ut.get(modul, 0.0) + s.size_diff / antall
    return dict(sorted(ut.items(), key=lambda kv: -kv[1]))


def sporede(sak: dict, antall: int = 200) -> float:
    """Objects the collector tracks, per kept assessment (after a full collection)."""
    assess(sak)
    gc.collect()
    for_ = len(gc.get_objects())
    holdt = [assess(sak) for _ in range(antall)]
    gc.collect()
    etter = len(gc.get_objects())
    assert len(holdt) == antall
    return (etter - for_) / antall


def tid(sak: dict, antall: int) -> tuple[float, float]:
    """Microseconds per case when every result is kept (the collector left on, no freeze),
    and of them the microseconds spent in the collector (``gc.callbacks``)."""
    assess(sak)
    gc.collect()
    i_gc = [0.0, 0.0]

    def klokke(fase: str, _info: dict) -> None:
        if fase == "start":
            i_gc[1] = time.perf_counter()
        else:
            i_gc[0] += time.perf_counter() - i_gc[1]

    holdt = []
    gc.callbacks.append(klokke)
    try:
        start = time.perf_counter()
        for _ in range(antall):
            holdt.append(assess(sak))
        alt = time.perf_counter() - start
    finally:
        gc.callbacks.remove(klokke)
    return alt / antall * 1e6, i_gc[0] / antall * 1e6


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("antall", nargs="?", type=int, default=20_000, help="results kept (20 000)")
    p.add_argument("--fordeling", action="store_true", help="kept bytes by allocating module")
    args = p.parse_args()
    antall = args.antall
    for navn in NAVN:
        sak = _sak(navn)
        print(
            f"{navn:9} {storrelse(sak) / 1024:6.1f} KiB  {sporede(sak):6.1f} sporede objekter",
            flush=True,
        )
        if args.fordeling:
            deler = fordeling(sak)
            print(
                "          "
                + ", ".join(f"{m} {b / 1024:.1f}" for m, b in deler.items() if b >= 256)
                + " (KiB)",
                flush=True,
            )
    for navn in ("enslig", "familie"):
        alt, i_gc = tid(_sak(navn), antall)
        print(
            f"{navn:9} {alt:6.0f} µs/sak med {antall} holdt, {i_gc:5.0f} µs av dem i gc", flush=True
        )


if __name__ == "__main__":
    main()
