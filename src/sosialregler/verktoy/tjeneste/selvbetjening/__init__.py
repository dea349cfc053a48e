"""The citizen's self-service estimate (issue 20): ``GET /`` and ``POST /``, and its style sheet.

``ruter()`` gives the Starlette routes; the service mounts them (``sosialregler.verktoy.tjeneste``),
and
a test can serve them alone. A person fills in the household, income and housing costs; the page
answers with the library's own § 18 amount for that case (``skjema.til_sak`` → ``assess``) and
why, in bokmål, nynorsk or English. No script, nothing from the network: the page and its style
sheet come from the package.

Nothing is kept: the form is read from the request body, assessed and answered; nothing is
stored, logged or sent on (no cookies, ``Cache-Control: no-store``, ``Referrer-Policy:
no-referrer`` so the link to nav.no carries nothing). An error on our side gives a page without
a traceback and logs nothing (the exception could name what the person typed).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ....utdata.side import CSS
from . import html
from .estimat import lag_estimat
from .skjema import les_skjema, til_sak

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute

    from ....lov.rulebook.book import Regelbok

__all__ = ["MAKS_BYTES", "ruter"]

#: The largest form body read (a filled form is about 1 kB): past it, 413 and a page saying so.
MAKS_BYTES = 32 * 1024
#: The most fields read from a form (the form has 23).
MAKS_FELT = 100

#: Headers on every answer: nothing cached, no referrer, only the package's own style sheet.
HODER = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
}

MANGLER_EKSTRA = (
    'selvbetjeningssiden trenger tilleggspakken «tjeneste»: pip install "sosialregler[tjeneste]"'
)


def idag_i_norge() -> date:
    """Today in Norway (the rates change at midnight there), or the machine's date when the
    time-zone data is missing (Windows without the tzdata package)."""
    try:
        return datetime.now(ZoneInfo("Europe/Oslo")).date()
    except ZoneInfoNotFoundError:
        return date.today()


@functools.cache
def stilark() -> str:
    """The project's page design followed by the form's own rules (read once)."""
    egen = resources.files(__package__).joinpath("selvbetjening.css").read_text("utf-8")
    return CSS + "\n" + egen


async def _les_kropp(request: Request) -> bytes | None:
    """The body, or None when it is larger than ``MAKS_BYTES`` (read no further than that)."""
    lengde = request.headers.get("content-length", "")
    if lengde.isdigit() and int(lengde) > MAKS_BYTES:
        return None
    kropp = bytearray()
    async for bit in request.stream():
        kropp += bit
        if len(kropp) > MAKS_BYTES:
            return None
    return bytes(kropp)


def ruter(
    *, idag: Callable[[], date] = idag_i_norge, regelbok: Regelbok | None = None
) -> list[BaseRoute]:
    """The page's routes: ``/`` (GET the form, POST the estimate) and its style sheet.

    ``idag`` gives the date the estimate is made for (the rates in force then); a test fixes it.
    ``regelbok``: the service's rulebook (e.g. a municipality's own rates, which the estimate
    then uses), else the shipped one.
    """
    try:
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse, Response
        from starlette.routing import Route
    except ImportError as exc:  # the extra is not installed: say which
        raise ImportError(MANGLER_EKSTRA) from exc

    def svar(tekst: str, status: int = 200) -> Response:
        return HTMLResponse(tekst, status_code=status, headers=HODER)

    async def side(request: Request) -> Response:
        """Selvbetjening: et anslag over økonomisk stønad til livsopphold (HTML-skjema og svar).

        GET gir skjemaet (``?sprak=nb|nn|en``); POST (skjemadata) gir anslaget, eller skjemaet
        igjen med feil ved hvert felt (422). Ingenting lagres eller logges.
        """
        sprak = html.velg_sprak(request.query_params.get("sprak"))
        if request.method != "POST":
            return svar(html.side(sprak))
        kropp = await _les_kropp(request)
        if kropp is None:
            return svar(html.melding(sprak, "for_stor"), 413)
        try:
            par = parse_qsl(
                kropp.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=MAKS_FELT
            )
        except ValueError:  # more fields than any form of ours has
            return svar(html.melding(sprak, "for_stor"), 413)
        felter = dict(par)
        # A language button (``html.BYTT_SPRAK``) sends the answers again in another language.
        sprak = html.velg_sprak(
            felter.get(html.BYTT_SPRAK) or felter.get("sprak") or request.query_params.get("sprak")
        )
        skjema = les_skjema(felter)
        if isinstance(skjema, list):
            return svar(html.side(sprak, felter, skjema), 422)
        dato = idag()
        try:
            estimat = await run_in_threadpool(lag_estimat, til_sak(skjema, dato), dato, regelbok)
        except Exception:  # never a traceback, and nothing logged: see the module's docstring
            return svar(html.melding(sprak, "ukjent_feil"), 500)
        return svar(html.side(sprak, felter, (), (estimat, skjema)))

    async def stil(request: Request) -> Response:
        """Stilarket til selvbetjeningssiden."""
        return Response(
            stilark(),
            media_type="text/css; charset=utf-8",
            headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
        )

    return [
        Route("/", side, methods=["GET", "POST"], name="selvbetjening"),
        Route(
            f"/{html.STILARK}",
            stil,
            methods=["GET"],
            name="selvbetjening_stil",
            include_in_schema=False,  # a style sheet, not an operation
        ),
    ]
