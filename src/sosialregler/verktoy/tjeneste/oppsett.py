"""The service's own limits: engineering, not law (the law's numbers live in ``rules/``).

One case, one application and each JSON Lines line are held to the library's input limits
(``grenser.py``: ``byte`` and the rest), so the service refuses exactly what the command line
refuses. A JSON Lines body as a whole (``/vurder/batch``, ``/tilsyn``) is held to
``byte_saker``; every request to ``tidsgrense`` seconds of work.
"""

from __future__ import annotations

from attrs import frozen

from ...inndata.grenser import STANDARD, Grenser


@frozen
class Oppsett:
    """How much one request may ask of the service.

    ``grenser``: the library's input limits for each case (the defaults unless given).
    ``byte_saker``: a JSON Lines body in all; ten cases at the ``byte`` limit, and some
    thousands of ordinary cases (a family's case is about 2 KB).
    ``tidsgrense``: seconds one request (or one line of a batch) may take before it is
    answered 503; a case at every input limit is still assessed in a few seconds.
    ``mottak``: seconds the body may take to arrive (a slower sender gets a 408), apart from
    the work's ``tidsgrense``.
    ``trader``: assessments run at once per worker process. The work is pure Python, so
    more threads than this only share one core's time (the GIL) and stretch every answer;
    the rest wait in turn (first come, first served), which keeps p99 close to p50. More
    throughput comes from ``--workers``.
    """

    grenser: Grenser = STANDARD
    byte_saker: int = 10 * STANDARD.byte
    tidsgrense: float = 30.0
    mottak: float = 30.0
    trader: int = 2
