"""Batch throughput and the caseload report, with 1 and 2 processes (issues 8 and 9).

Run: ``python benchmarks/bench_batch.py`` (10 000 and 100 000 cases; ``--antall 10000`` for
a quicker run). The cases are ``sosialregler.oppfolging.eksempelsaker`` as JSON Lines text, as
``sosialregler vurder --batch`` and ``sosialregler oppfolging`` get them (each line is parsed
and validated in the worker). Measured, per size and number of processes:

* ``assess``: ``assess_many`` with a result function that keeps only the number of flags
  (so the time is the assessment, not sending trees between processes);
* ``rapport``: ``oppfolging.rapport`` (assessment and due items) plus making its HTML, CSV
  and JSON — the whole of ``sosialregler oppfolging``.

With ``--gjentak N`` each time is the best of N runs (the machine may be shared). Speed-up is
the one-process time divided by the time with more processes; worker start-up
(spawn: a fresh interpreter that imports sosialregler and loads the rules, about 0.3 s) is
included. ``CPU s`` is the CPU time of this process and its workers together: on a machine
shared with other work the wall-clock speed-up varies, the CPU time much less. These are
measurements, not tests: nothing fails on speed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

DATO = "2024-06-01"


def antall_merknader(vurdering: object) -> int:
    """The result kept per case in the ``assess`` runs (module-level: workers import it)."""
    return len(vurdering.merknader)  # type: ignore[attr-defined]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers)."""
    selv = resource.getrusage(resource.RUSAGE_SELF)
    barn = resource.getrusage(resource.RUSAGE_CHILDREN)
    return selv.ru_utime + selv.ru_stime + barn.ru_utime + barn.ru_stime


def main() -> None:
    from sosialregler import __version__, assess_many
    from sosialregler.oppfolging import eksempelsaker, rapport

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--antall", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--prosesser", type=int, nargs="+", default=[1, 2])
    p.add_argument("--uten-rapport", action="store_true", help="bare assess")
    p.add_argument("--gjentak", type=int, default=1, help="beste av N kjøringer (støy)")
    args = p.parse_args()

    print(
        f"sosialregler {__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPU-er"
    )
    print(
        f"{'saker':>8} {'prosesser':>9} {'assess s':>9} {'saker/s':>8} {'speed-up':>8} "
        f"{'CPU s':>7} {'rapport s':>10} {'saker/s':>8} {'speed-up':>8} {'CPU s':>7}"
    )
    for antall in args.antall:
        start = time.perf_counter()
        linjer = [json.dumps(s, ensure_ascii=False) for s in eksempelsaker(antall, DATO)]
        laget = time.perf_counter() - start
        forste: dict[str, float] = {}
        for prosesser in args.prosesser:
            assess_tid = float("inf")
            for _ in range(args.gjentak):
                c0 = _cpu()
                t0 = time.perf_counter()
                svar = list(
                    assess_many(linjer, processes=prosesser, on=DATO, resultat=antall_merknader)
                )
                assess_tid = min(assess_tid, time.perf_counter() - t0)
                assess_cpu = _cpu() - c0
                assert len(svar) == antall
            forste.setdefault("assess", assess_tid)
            rad = (
                f"{antall:>8} {prosesser:>9} {assess_tid:>9.2f} {antall / assess_tid:>8.0f} "
                f"{forste['assess'] / assess_tid:>7.2f}× {assess_cpu:>7.1f}"
            )
            if not args.uten_rapport:
                rapport_tid = float("inf")
                for _ in range(args.gjentak):
                    c0 = _cpu()
                    t0 = time.perf_counter()
                    r = rapport(linjer, DATO, processes=prosesser)
                    r.html(), r.csv(), r.to_json()
                    rapport_tid = min(rapport_tid, time.perf_counter() - t0)
                    rapport_cpu = _cpu() - c0
                forste.setdefault("rapport", rapport_tid)
                rad += (
                    f" {rapport_tid:>10.2f} {antall / rapport_tid:>8.0f} "
                    f"{forste['rapport'] / rapport_tid:>7.2f}× {rapport_cpu:>7.1f}"
                )
            print(rad, flush=True)
        print(f"{'':>8} (generating {antall} cases as JSON Lines took {laget:.1f} s, not counted)")


if __name__ == "__main__":
    main()
