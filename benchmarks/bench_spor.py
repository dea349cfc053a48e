"""What a kept assessment costs: memory, objects the collector tracks, time when many are kept.

Issue 17: a batch or a service that keeps many results pays for what each one holds twice, in
memory and in collector work (every tracked object is visited by each full collection); a kept
result (``utdata.beholdt``) holds its case and outcomes, not its trace. Run:
``python benchmarks/bench_spor.py [antall] [--fordeling]`` (default 20 000 kept results,
without gc.freeze); ``--fordeling`` also prints, per example, the kept bytes by the module that
allocated them. ``--lesing N``: the CPU time of ``assess`` and of the first and second
``to_json``/text (a kept result evaluates its case again when first read). ``--mange N``: N
kept results (familie) in blocks of 10 000, with the collector's share and ``gc.collect()``'s
time per block. Works against any version of the library (for before/after in one session,
put the other version's ``src`` first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
import tracemalloc
from pathlib import Path

from sosialregler import assess

EKSEMPLER = Path(__file__).resolve().parent.parent / "examples"
NAVN = ("enslig", "familie", "kvp", "botilbud")


def _sak(navn: str) -> dict:
    return json.loads((EKSEMPLER / f"{navn}.json").read_text(encoding="utf-8"))


def storrelse(sak: dict, antall: int = 50) -> float:
    """Bytes still allocated per kept assessment (tracemalloc), over ``antall`` kept: one
    alone would also count a cache the first one fills."""
    assess(sak)  # warm: compiled rules, caches
    gc.collect()
    tracemalloc.start()
    for_ = tracemalloc.take_snapshot()
    holdt = [assess(sak) for _ in range(antall)]
    gc.collect()
    etter = tracemalloc.take_snapshot()
    tracemalloc.stop()
    assert len(holdt) == antall
    return sum(s.size_diff for s in etter.compare_to(for_, "filename")) / antall


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


def _median_us(tider: list[float]) -> float:
    return statistics.median(tider) * 1e6


def lesetider(sak: dict, antall: int = 200) -> dict[str, float]:
    """Median microseconds (CPU time) of ``assess``, and of the first and the second
    ``to_json()`` and ``explain("nb")`` on a fresh result (a kept result rebuilds what it did
    not keep the first time it is read; the second reading must not pay again)."""
    for _ in range(5):
        assess(sak).to_json()
    tider: dict[str, list[float]] = {
        k: [] for k in ("assess", "json1", "json2", "tekst1", "tekst2", "assess_json")
    }
    # The process's CPU time, not the wall clock: on a shared machine a wall-clock median of a
    # millisecond is mostly other processes' turns.
    klokke = time.process_time
    for _ in range(antall):
        t0 = klokke()
        a = assess(sak)
        t1 = klokke()
        a.to_json()
        t2 = klokke()
        a.to_json()
        t3 = klokke()
        b = assess(sak)
        t4 = klokke()
        b.explain("nb")
        t5 = klokke()
        b.explain("nb")
        t6 = klokke()
        tider["assess"] += (t1 - t0, t4 - t3)
        tider["json1"].append(t2 - t1)
        tider["json2"].append(t3 - t2)
        tider["tekst1"].append(t5 - t4)
        tider["tekst2"].append(t6 - t5)
        tider["assess_json"].append(t2 - t0)
    return {k: _median_us(v) for k, v in tider.items()}


def mange_holdt(sak: dict, antall: int, blokk: int = 10_000) -> list[dict[str, float]]:
    """``antall`` results kept, block by block (the collector left on, no freeze): per block
    the microseconds (CPU time) per case, the collector's share of them (``gc.callbacks``), its
    full collections, the objects it tracks, and the time of one ``gc.collect()`` at the
    block's end. Linear growth: the per-case figures stay flat and the full collection's time
    grows as the tracked objects do."""
    assess(sak)
    gc.collect()
    i_gc = [0.0, 0.0, 0]

    def klokke(fase: str, info: dict) -> None:
        if fase == "start":
            i_gc[1] = time.process_time()
        else:
            i_gc[0] += time.process_time() - i_gc[1]
            if info.get("generation") == 2:
                i_gc[2] += 1

    holdt = []
    ut = []
    gc.callbacks.append(klokke)
    try:
        while len(holdt) < antall:
            i_gc[:] = [0.0, 0.0, 0]
            start = time.process_time()
            for _ in range(min(blokk, antall - len(holdt))):
                holdt.append(assess(sak))
            alt = time.process_time() - start
            n = len(holdt)
            per_sak, gc_per_sak, fulle = alt / blokk * 1e6, i_gc[0] / blokk * 1e6, i_gc[2]
            gc.callbacks.remove(klokke)
            t0 = time.process_time()
            gc.collect()
            samling = time.process_time() - t0
            gc.callbacks.append(klokke)
            ut.append(
                {
                    "holdt": n,
                    "us_per_sak": per_sak,
                    "gc_us_per_sak": gc_per_sak,
                    "fulle_samlinger": fulle,
                    "sporede": len(gc.get_objects()),
                    "gc_collect_ms": samling * 1e3,
                }
            )
    finally:
        if klokke in gc.callbacks:
            gc.callbacks.remove(klokke)
    return ut


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("antall", nargs="?", type=int, default=20_000, help="results kept (20 000)")
    p.add_argument("--fordeling", action="store_true", help="kept bytes by allocating module")
    p.add_argument(
        "--lesing", type=int, metavar="N", help="time assess and the first/second to_json, text"
    )
    p.add_argument(
        "--mange", type=int, metavar="N", help="keep N results (familie) in blocks of 10 000"
    )
    args = p.parse_args()
    antall = args.antall
    if args.mange:
        for rad in mange_holdt(_sak("familie"), args.mange):
            print(
                f"{rad['holdt']:7} holdt: {rad['us_per_sak']:6.0f} µs/sak, i gc "
                f"{rad['gc_us_per_sak']:5.0f} µs/sak ({rad['fulle_samlinger']} fulle), "
                f"{rad['sporede']:9} sporede, gc.collect() {rad['gc_collect_ms']:7.1f} ms",
                flush=True,
            )
        return
    if args.lesing:
        for navn in NAVN:
            t = lesetider(_sak(navn), args.lesing)
            print(
                f"{navn:9} assess {t['assess']:5.0f}  to_json 1. {t['json1']:5.0f} 2. "
                f"{t['json2']:5.0f}  tekst 1. {t['tekst1']:5.0f} 2. {t['tekst2']:5.0f}  "
                f"assess+to_json {t['assess_json']:5.0f} (µs, medianer)",
                flush=True,
            )
        return
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
