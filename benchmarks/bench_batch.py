"""Batch throughput and the caseload report, with 1 and 2 processes (issues 8 and 9).

Run: ``python benchmarks/bench_batch.py`` (10 000 and 100 000 cases; ``--antall 10000`` for
a quicker run, ``--prosesser 1 --uten-rapport`` for the one-core number alone; ``--json FIL``
writes the numbers machine-readably). The cases are
``sosialregler.verktoy.oppfolging.eksempelsaker``
as JSON Lines text, as ``sosialregler vurder --batch`` and ``sosialregler oppfolging`` get
them (each line is parsed and validated in the worker). Measured, per size and number of processes:

* ``assess``: ``assess_many`` with a result function that keeps only the § 18 amount and the
  number of flags (so the time is the assessment, not sending trees between processes), as
  cases per second and µs per case;
* ``bar``: a bare hand-written computation of the same § 18 amount over the same JSON Lines
  (parse each line, add the rates and the rent, subtract the income: ``bar_livsopphold`` in
  bench_assess.py, with the 2024 rates hard-coded), on one process, timed in the same run. The
  ratio is the assessment's time over it. Every case's amount is checked against the bare one
  first, so the two compute the same number;
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
import resource
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_assess import bar_livsopphold, maskin  # the baseline and machine info

DATO = "2024-06-01"


def hovedtall(vurdering: Any) -> tuple[Decimal | None, int]:
    """The result kept per case in the ``assess`` runs (module-level: workers import it)."""
    return vurdering.vedtak["livsopphold"].belop_per_maned, len(vurdering.merknader)


def bar(linjer: list[str]) -> list[Decimal]:
    """The baseline: the same § 18 amounts, by hand, from the same JSON Lines."""
    return [bar_livsopphold(json.loads(linje)) for linje in linjer]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers)."""
    selv = resource.getrusage(resource.RUSAGE_SELF)
    barn = resource.getrusage(resource.RUSAGE_CHILDREN)
    return selv.ru_utime + selv.ru_stime + barn.ru_utime + barn.ru_stime


def main() -> None:
    from sosialregler import Avvist, __version__, assess_many
    from sosialregler.verktoy.oppfolging import eksempelsaker, rapport

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--antall", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--prosesser", type=int, nargs="+", default=[1, 2])
    p.add_argument("--uten-rapport", action="store_true", help="bare assess")
    p.add_argument("--gjentak", type=int, default=1, help="beste av N kjøringer (støy)")
    p.add_argument("--json", type=Path, metavar="FIL", help="skriv tallene som JSON hit")
    args = p.parse_args()

    m = maskin()
    print(
        f"Maskin: {m['cpu']}, {m['kjerner']} kjerner ({m['kjerner_tilgjengelige']} "
        f"tilgjengelige), {m['python']}, {m['plattform']}; sosialregler {__version__}"
    )
    print()
    kolonner = [
        "saker",
        "prosesser",
        "assess s",
        "saker/s",
        "µs per sak",
        "speed-up",
        "CPU s",
        "bar s (1 prosess)",
        "forhold til bar",
    ]
    if not args.uten_rapport:
        kolonner += ["rapport s", "rapport saker/s", "rapport speed-up", "rapport CPU s"]
    print("| " + " | ".join(kolonner) + " |")
    print("|" + "---:|" * len(kolonner))
    rader: list[dict[str, Any]] = []
    merknader = []
    for antall in args.antall:
        start = time.perf_counter()
        linjer = [json.dumps(s, ensure_ascii=False) for s in eksempelsaker(antall, DATO)]
        laget = time.perf_counter() - start
        merknader.append(f"generating {antall} cases as JSON Lines took {laget:.1f} s, not counted")
        bar_svar = bar(linjer)  # warm-up and the answers to check against
        forste: dict[str, float] = {}
        for prosesser in args.prosesser:
            assess_tid = bar_tid = float("inf")
            for _ in range(args.gjentak):
                c0 = _cpu()
                t0 = time.perf_counter()
                svar = list(assess_many(linjer, processes=prosesser, on=DATO, resultat=hovedtall))
                assess_tid = min(assess_tid, time.perf_counter() - t0)
                assess_cpu = _cpu() - c0
                t0 = time.perf_counter()
                bar(linjer)
                bar_tid = min(bar_tid, time.perf_counter() - t0)
            assert len(svar) == antall
            avvist = [s for s in svar if isinstance(s, Avvist)]
            assert not avvist, avvist[:3]
            ulike = sum(belop != b for (belop, _), b in zip(svar, bar_svar, strict=True))
            assert ulike == 0, f"{ulike} saker der bar beregning gir et annet beløp"
            forste.setdefault("assess", assess_tid)
            rad: dict[str, Any] = {
                "saker": antall,
                "prosesser": prosesser,
                "assess_s": assess_tid,
                "saker_per_s": antall / assess_tid,
                "us_per_sak": assess_tid / antall * 1e6,
                "speed_up": forste["assess"] / assess_tid,
                "cpu_s": assess_cpu,
                "bar_s": bar_tid,
                "bar_us_per_sak": bar_tid / antall * 1e6,
                "forhold_til_bar": assess_tid / bar_tid,
            }
            celler = [
                f"{antall}",
                f"{prosesser}",
                f"{assess_tid:.2f}",
                f"{rad['saker_per_s']:.0f}",
                f"{rad['us_per_sak']:.0f}",
                f"{rad['speed_up']:.2f}×",
                f"{assess_cpu:.1f}",
                f"{bar_tid:.2f} ({rad['bar_us_per_sak']:.1f} µs/sak)",
                f"{rad['forhold_til_bar']:.0f}×",
            ]
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
                rad.update(
                    rapport_s=rapport_tid,
                    rapport_saker_per_s=antall / rapport_tid,
                    rapport_speed_up=forste["rapport"] / rapport_tid,
                    rapport_cpu_s=rapport_cpu,
                )
                celler += [
                    f"{rapport_tid:.2f}",
                    f"{antall / rapport_tid:.0f}",
                    f"{forste['rapport'] / rapport_tid:.2f}×",
                    f"{rapport_cpu:.1f}",
                ]
            rader.append(rad)
            print("| " + " | ".join(celler) + " |", flush=True)
    print()
    for tekst in merknader:
        print(f"({tekst})")
    if args.json:
        data = {"maskin": m, "sosialregler": __version__, "dato": DATO, "rader": rader}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"(tallene er skrevet til {args.json})")


if __name__ == "__main__":
    main()
