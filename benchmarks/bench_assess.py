"""Measure one assessment of the demo cases, text rendering, rulebook load, import and record size.

Run: ``python benchmarks/bench_assess.py`` (prints a table). These are measurements, not tests:
the suite never fails on speed. Each timing is the median (and p95) of many runs in one process;
the "bare" column is a hand-written computation of the same amount without rules or
explanations, timed in the same run, so the ratio shows what the explanation costs.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent


def _tid(fn: Callable[[], object], antall: int) -> tuple[float, float]:
    """Median and p95 in microseconds."""
    for _ in range(min(50, antall)):
        fn()
    maalinger = []
    for _ in range(antall):
        start = time.perf_counter()
        fn()
        maalinger.append((time.perf_counter() - start) * 1e6)
    maalinger.sort()
    return statistics.median(maalinger), maalinger[int(len(maalinger) * 0.95) - 1]


def _bar_beregning(sak: dict) -> Decimal:
    """The same § 18 amount as the library, hand-written for 2024 rates: the baseline."""
    satser = {"enslig": 7850, "par": 13100, "bofellesskap": 6600}
    barn = ((0, 5, 3850), (6, 10, 3950), (11, 17, 5150))
    dato = sak["vurderingsdato"]
    aar, mnd, dag = (int(x) for x in dato.split("-"))
    sum_ = Decimal(0)
    partner = any(p["rolle"] in ("ektefelle", "samboer") for p in sak["personer"])
    sum_ += satser["par" if partner else ("bofellesskap" if sak["bofellesskap"] else "enslig")]
    for p in sak["personer"]:
        if p["rolle"] == "barn":
            f = [int(x) for x in p["fodselsdato"].split("-")]
            alder = aar - f[0] - ((mnd, dag) < (f[1], f[2]))
            sum_ += next((b for fra, til, b in barn if fra <= alder <= til), 0)
    sum_ += sum(Decimal(b["belop_per_maned"]) for b in sak["boutgifter"])
    sum_ -= sum(
        Decimal(i["belop_per_maned"])
        for i in sak["inntekter"]
        if i["type"] not in ("barnetrygd", "barns_arbeidsinntekt")
    )
    return max(sum_, Decimal(0))


def main() -> None:
    start = time.perf_counter()
    import sosialregler
    from sosialregler.rulebook.load import last_regelbok

    import_i_prosess = (time.perf_counter() - start) * 1e3
    kommando = [sys.executable, "-c", "import sosialregler"]
    tomt = [sys.executable, "-c", "pass"]
    kald = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(kommando, check=True)
        t1 = time.perf_counter()
        subprocess.run(tomt, check=True)
        t2 = time.perf_counter()
        kald.append(((t1 - t0) - (t2 - t1)) * 1e3)

    last, _ = _tid(lambda: last_regelbok(), 30)
    rader = []
    for navn in ("familie", "enslig"):
        sak = json.loads((ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8"))
        vurdering = sosialregler.assess(sak)
        assert vurdering.vedtak["livsopphold"].belop_per_maned == _bar_beregning(sak)
        med, p95 = _tid(lambda sak=sak: sosialregler.assess(sak), 3000)
        bar_med, _ = _tid(lambda sak=sak: _bar_beregning(sak), 3000)
        tekst, _ = _tid(lambda v=vurdering: v.explain("nb"), 500)
        jsn, _ = _tid(lambda v=vurdering: v.to_json(), 500)
        storrelse = len(json.dumps(vurdering.to_record(), ensure_ascii=False).encode())
        rader.append((navn, med, p95, bar_med, tekst, jsn, storrelse))

    maskin = platform.processor() or platform.machine()
    print(f"Maskin: {maskin}, {os.cpu_count()} kjerner, Python {platform.python_version()}")
    print(
        f"import sosialregler: {statistics.median(kald):.0f} ms (ny prosess, minus tom python); "
        f"{import_i_prosess:.0f} ms i prosess"
    )
    print(f"last og kompiler regelbok: {last / 1000:.1f} ms (median)")
    print()
    print(
        "| sak | vurdering median µs | p95 µs | bar beregning µs | forhold | tekst nb µs "
        "| to_json µs | vedtaksgrunnlag bytes |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for navn, med, p95, bar, tekst, jsn, storrelse in rader:
        print(
            f"| {navn} | {med:.0f} | {p95:.0f} | {bar:.1f} | {med / bar:.0f}× | {tekst:.0f} "
            f"| {jsn:.0f} | {storrelse} |"
        )


if __name__ == "__main__":
    main()
