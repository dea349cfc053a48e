"""A longer oracle run: ``python tests/oracle/kjor.py [--saker N] [--frø S]``.

Draws N valid cases (complete ones, so most facts are known and most units are compared),
assesses each with the library, sends every compiled unit it evaluated to durable-rules in its
subprocess, and prints the counts: cases, comparisons (rule conditions and leaves), the units
tried, disagreements (with their inputs), and what each engine's time was. If durable-rules'
process dies, it is restarted and the crash is counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `oracle` and `fuzzhjelp` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    __package__ = "oracle"

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import fuzzhjelp as fh
from sosialregler import assess, standard_regelbok
from sosialregler.verktoy.testing import cases, saker

from .klient import DurableFeil, DurableProsess, Telling
from .kompilator import evalueringer, kompiler


def oracle_saker() -> st.SearchStrategy[dict[str, Any]]:
    """Valid cases with most facts present, from every generator."""
    return st.one_of(
        fh.fulle_saker(9),
        fh.fulle_saker(6),
        saker(komplett=True),
        cases(andre_omrader=True, komplett=True),
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--saker", type=int, default=2000)
    p.add_argument("--frø", type=int, default=0)
    args = p.parse_args(argv)

    bok = standard_regelbok()
    enheter, ikke = kompiler(bok)
    print(
        f"{len(enheter)} enheter kompilert ({sum(e.art == 'regel' for e in enheter.values())} "
        f"regelvilkår, {sum(e.art == 'blad' for e in enheter.values())} uttrykk); "
        f"{len(ikke)} kan ikke uttrykkes (skjønn, aritmetikk, funksjoner)"
    )
    durable = DurableProsess(enheter)
    print(f"durable-rules {durable.versjon} i egen prosess")
    telling = Telling()
    krasj = 0
    tid = {"bibliotek": 0.0, "durable": 0.0}

    @seed(args.frø)
    @settings(
        max_examples=args.saker,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(oracle_saker())
    def sammenlign(sak: dict[str, Any]) -> None:
        nonlocal durable, krasj
        start = time.perf_counter()
        evs = list(evalueringer(assess(sak), bok, enheter))
        tid["bibliotek"] += time.perf_counter() - start
        start = time.perf_counter()
        try:
            svar = durable.fyrer(evs)
        except DurableFeil as exc:
            krasj += 1
            print(f"krasj i durable-rules: {exc}", file=sys.stderr)
            durable = DurableProsess(enheter)
            return
        tid["durable"] += time.perf_counter() - start
        telling.saker += 1
        for linje in telling.legg_til(evs, svar)[:3]:
            print(f"UENIG: {linje}")

    start = time.perf_counter()
    sammenlign()
    durable.lukk()
    print(telling.sammendrag())
    print(
        f"krasj i durable-rules: {krasj}; tid: biblioteket {tid['bibliotek']:.1f} s "
        f"(vurdering og uttrekk), durable-rules {tid['durable']:.1f} s; "
        f"totalt {time.perf_counter() - start:.1f} s"
    )
    return 1 if telling.uenige or krasj else 0


if __name__ == "__main__":
    sys.exit(main())
