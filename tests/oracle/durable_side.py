"""durable-rules' side of the oracle, run in its own process: ``python durable_side.py``.

Protocol (one JSON document per line):

* in, first line: ``{"enheter": [[k, condition or null], ...]}`` — the compiled units;
  out: ``{"klar": n, "versjon": "..."}``;
* in, then: ``{"evalueringer": [[k, {"f0": ..., ...}], ...]}``;
  out: ``{"svar": [true, false, ...]}`` — whether unit k's rule fired on those facts.

The workarounds the measurements in ``../shared/research/durable-rules.md`` call for:

* a ``Host`` whose two timer threads never start (``_run`` does nothing): those threads poll
  the engine concurrently and walk freed state — the measured segfault, even with one thread;
* the rulesets are given as JSON to one ``Host`` (never ``from durable.lang import *``, which
  rebinds the builtins ``any`` and ``all``; and ruleset names are process-global, so this
  process registers exactly one, once);
* one session id (``sid``) per evaluation, and ``delete_state`` right after it: at most 1 024
  open sessions per ruleset, and sessions closed out of order crashed with the timers on;
* a catch-all rule, so no fact is ever rejected (``MessageNotHandledException``);
* no ``none()`` (order-dependent negation): negation arrives pushed into the comparisons;
* no field named ``id`` (a fact's identity in durable-rules): fields are ``f0``, ``f1``, …;
* one fact per session, so identical facts never meet (``MessageObservedException``).

Any exception is written to stderr and ends the process with status 3; a crash of the C
engine ends it with a signal, which the caller reports as such.
"""

from __future__ import annotations

import json
import sys
import traceback
from importlib.metadata import version
from typing import Any

from durable import engine

RULESET = "orakel"
UMULIG = {"enhet": -1}  # a condition no fact meets (a unit that is always false)


class StilleVert(engine.Host):  # type: ignore[misc]
    """A Host without the timer threads that poll freed state (research note § 1)."""

    def _run(self) -> None:
        pass


def main() -> int:
    enheter = json.loads(sys.stdin.readline())["enheter"]
    fyrt: set[int] = set()

    def handling(k: int) -> Any:
        def fyr(c: Any) -> None:
            fyrt.add(k)

        return fyr

    def ingenting(c: Any) -> None:
        pass

    regler: dict[str, Any] = {}
    for k, betingelse in enheter:
        deler: list[Any] = [{"enhet": k}]
        if betingelse is not None:
            deler.append(betingelse)
        monster = {"$and": deler} if len(deler) > 1 else deler[0]
        regler[f"r{k}"] = {"all": [{"m": monster}], "run": handling(k)}
    regler["alle"] = {"all": [{"m": {"$gte": {"enhet": 0}}}], "run": ingenting}
    vert = StilleVert()
    vert.register_rulesets({RULESET: regler})
    print(json.dumps({"klar": len(enheter), "versjon": version("durable_rules")}), flush=True)

    sid = 0
    for linje in sys.stdin:
        svar = []
        for k, fakta in json.loads(linje)["evalueringer"]:
            sid += 1
            fyrt.clear()
            vert.assert_fact(RULESET, {**fakta, "enhet": k, "sid": str(sid)})
            svar.append(k in fyrt)
            vert.delete_state(RULESET, str(sid))
        print(json.dumps({"svar": svar}), flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception:
        traceback.print_exc()
        sys.exit(3)
