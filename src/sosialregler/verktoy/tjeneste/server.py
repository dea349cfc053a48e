"""``sosialregler serve``: the service run by uvicorn, in one or more worker processes.

Each worker builds its own app with ``fra_miljo`` (uvicorn's factory): the rulebook is loaded
once per worker, before the first request. The choices of ``serve`` reach the workers through
the environment (``MILJO_*``), since a worker process is started from an import string.
"""

from __future__ import annotations

import os

import uvicorn
from attrs import evolve
from starlette.applications import Starlette

from ...api import regelbok
from .app import lag_app
from .logg import logg_oppsett
from .oppsett import Oppsett

MILJO_REGLER = "SOSIALREGLER_TJENESTE_REGLER"
MILJO_SATSER = "SOSIALREGLER_TJENESTE_SATSER"
MILJO_TIDSGRENSE = "SOSIALREGLER_TJENESTE_TIDSGRENSE"
MILJO_TRADER = "SOSIALREGLER_TJENESTE_TRADER"
#: Seconds an idle kept-alive connection stays open: longer than the idle time of common
#: clients' pools (httpx 5 s), so the client closes first. With uvicorn's 5 s a pooled
#: connection could be closed by the server just as the client reused it (a ReadError seen
#: once in 2 000 requests by benchmarks/bench_tjeneste.py).
HOLD_AAPEN_SEKUNDER = 65


def fra_miljo() -> Starlette:
    """The app as ``serve`` asked for it (uvicorn calls this once in each worker)."""
    bok = regelbok(os.environ.get(MILJO_REGLER) or None, os.environ.get(MILJO_SATSER) or None)
    oppsett = Oppsett()
    if tidsgrense := os.environ.get(MILJO_TIDSGRENSE):
        oppsett = evolve(oppsett, tidsgrense=float(tidsgrense))
    if trader := os.environ.get(MILJO_TRADER):
        oppsett = evolve(oppsett, trader=int(trader))
    return lag_app(bok, oppsett=oppsett)


def kjor(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    *,
    regler: str | None = None,
    satser: str | None = None,
    tidsgrense: float | None = None,
    trader: int | None = None,
) -> None:
    """Serve until stopped (Ctrl-C or SIGTERM)."""
    for navn, verdi in (
        (MILJO_REGLER, regler),
        (MILJO_SATSER, satser),
        (MILJO_TIDSGRENSE, None if tidsgrense is None else repr(tidsgrense)),
        (MILJO_TRADER, None if trader is None else str(trader)),
    ):
        if verdi is None:
            os.environ.pop(navn, None)
        else:
            os.environ[navn] = verdi
    uvicorn.run(
        f"{__name__}:fra_miljo",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=logg_oppsett(),
        server_header=False,
        timeout_keep_alive=HOLD_AAPEN_SEKUNDER,
        proxy_headers=False,
    )
