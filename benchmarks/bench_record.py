"""Measure decision records: size, writing and reading, format 5 against format 4 in one run.

Run: ``python benchmarks/bench_record.py [--antall N] [--json FILE]`` (prints a Markdown
table; ``--json`` also writes the numbers). For each example (``enslig``, ``familie``, ``kvp``,
``botilbud``): the bytes of its compact record (``json.dumps(..., ensure_ascii=False)``, as
``tests/test_properties.py`` counts them) in format 5 (the default: input, rulebook digest and
trace) and format 4 (``utgave=4``: the trees), and the median time to write one
(``to_record``, from a fresh assessment whose trees are not built yet) and to read one back
(``Assessment.from_record`` of the parsed JSON, with the checks it makes), both formats timed
in turns in the same process, with their ratio. Measurements, not tests: the suite never fails
on speed. The target (DESIGN § 7): a record at most 20 KB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from sosialregler import Assessment, assess

ROT = Path(__file__).resolve().parent.parent

SAKER = ("enslig", "familie", "kvp", "botilbud")
MAKS_BYTE = 20 * 1024


def _tid(funksjon: Any, antall: int) -> float:
    """Median seconds of ``funksjon()`` over ``antall`` runs."""
    tider = []
    for _ in range(antall):
        start = time.perf_counter()
        funksjon()
        tider.append(time.perf_counter() - start)
    return statistics.median(tider)


def mal(navn: str, antall: int) -> dict[str, Any]:
    sak = json.loads((ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8"))
    ut: dict[str, Any] = {"sak": navn}
    for utgave in (5, 4):
        data = json.loads(json.dumps(assess(sak).to_record(utgave=utgave), ensure_ascii=False))
        ut[f"byte_{utgave}"] = len(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        ut[f"byte_{utgave}_bevart"] = data  # dropped before printing

    skriv: dict[int, list[float]] = {5: [], 4: []}
    les: dict[int, list[float]] = {5: [], 4: []}
    for _ in range(antall):
        for utgave in (5, 4):  # in turns, so both see the same load
            vurdering = assess(sak)
            start = time.perf_counter()
            vurdering.to_record(utgave=utgave)
            skriv[utgave].append(time.perf_counter() - start)
            data = ut[f"byte_{utgave}_bevart"]
            start = time.perf_counter()
            Assessment.from_record(data)
            les[utgave].append(time.perf_counter() - start)
    for utgave in (5, 4):
        del ut[f"byte_{utgave}_bevart"]
        ut[f"skriv_{utgave}_ms"] = statistics.median(skriv[utgave]) * 1000
        ut[f"les_{utgave}_ms"] = statistics.median(les[utgave]) * 1000
    return ut


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--antall", type=int, default=50)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rader = [mal(navn, args.antall) for navn in SAKER]
    print("| sak | byte 5 | byte 4 | skriv 5 ms | skriv 4 ms | 5/4 | les 5 ms | les 4 ms | 5/4 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rader:
        print(
            f"| {r['sak']} | {r['byte_5']} | {r['byte_4']} | {r['skriv_5_ms']:.2f} | "
            f"{r['skriv_4_ms']:.2f} | {r['skriv_5_ms'] / r['skriv_4_ms']:.2f} | "
            f"{r['les_5_ms']:.2f} | {r['les_4_ms']:.2f} | {r['les_5_ms'] / r['les_4_ms']:.2f} |"
        )
    storst = max(r["byte_5"] for r in rader)
    print(f"\nStørste vedtaksgrunnlag (format 5): {storst} byte; mål ≤ {MAKS_BYTE} byte.")
    if args.json:
        args.json.write_text(json.dumps(rader, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
