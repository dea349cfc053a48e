"""The ASGI app: ``lag_app`` assembles it from a list of routes.

The routes are the service's endpoints (``ruter.ENDEPUNKTER``), then ``ekstra_ruter``, then the
citizen page's when its package is there (``sosialregler.verktoy.tjeneste.selvbetjening.ruter``,
given
the service's rulebook, so a municipality's own rates give the estimate too).
Every route finds the rulebook in ``request.app.state.regelbok`` (loaded here, once per
worker process) and the limits in ``request.app.state.oppsett``.

Starlette was chosen (issue 20) as a small, well-kept ASGI toolkit: routing, requests and
streamed responses and nothing more; FastAPI would bring pydantic models that duplicate the
attrs/cattrs contract. It is served by uvicorn (``server.py``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from ...api import standard_regelbok
from ...inndata.errors import Feil
from ...lov.rulebook.book import Regelbok
from .logg import Foresporselslogg
from .openapi import dokument
from .oppsett import Oppsett
from .ruter import ENDEPUNKTER
from .skjema import sakskjema
from .svar import Avvisning, avvisning_svar, feilsvar, json_tekst

#: The module the citizen page (issue 20, «selvbetjening») lives in, if it is installed.
SELVBETJENING = f"{__package__}.selvbetjening"


def selvbetjeningsruter(regelbok: Regelbok | None = None) -> list[BaseRoute]:
    """The citizen page's routes (estimating with ``regelbok``, the service's), or none when
    its module is not there."""
    try:
        modul = importlib.import_module(SELVBETJENING)
    except ModuleNotFoundError as exc:
        if exc.name == SELVBETJENING:
            return []
        raise
    return list(modul.ruter(regelbok=regelbok))


async def _avvisning(request: Request, exc: Exception) -> Response:
    """A refusal as ``{"feil": [...]}``; a 5xx (the service's fault) also carries the request's
    id, as an internal error does, so it can be reported."""
    assert isinstance(exc, Avvisning)
    if exc.status >= 500:
        fid = getattr(request.state, "foresporsel_id", None)
        return feilsvar(exc.status, exc.feil, exc.headere, {"id": fid})
    return avvisning_svar(exc)


async def _http_feil(request: Request, exc: Exception) -> Response:
    """404 and 405 (and any other HTTP error) in Norwegian, as ``{"feil": [...]}``."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        feil = Feil(
            "sti", request.url.path, "ukjent adresse; tjenestens adresser står i /openapi.json"
        )
    elif exc.status_code == 405:
        feil = Feil(
            "metode", request.method, f"metoden brukes ikke på {request.url.path}; se /openapi.json"
        )
    else:
        feil = Feil("$", None, str(exc.detail))
    return feilsvar(exc.status_code, [feil], exc.headers)


def lag_app(
    regelbok: Regelbok | None = None,
    *,
    ekstra_ruter: Iterable[BaseRoute] = (),
    oppsett: Oppsett | None = None,
    selvbetjening: bool = True,
) -> Starlette:
    """The service as an ASGI app: the shipped rules unless ``regelbok`` is given.

    ``ekstra_ruter``: more routes (after the service's own); ``selvbetjening=False`` leaves
    out the citizen page even when its module is installed.
    """
    bok = regelbok or standard_regelbok()
    endepunkter = {e.handler: e for e in ENDEPUNKTER}
    ruter: list[BaseRoute] = [e.route() for e in ENDEPUNKTER]
    ruter.extend(ekstra_ruter)
    if selvbetjening:
        ruter.extend(selvbetjeningsruter(bok))
    handtering: dict[Any, Any] = {Avvisning: _avvisning, HTTPException: _http_feil}
    app = Starlette(
        routes=ruter, middleware=[Middleware(Foresporselslogg)], exception_handlers=handtering
    )
    app.state.regelbok = bok
    app.state.oppsett = oppsett or Oppsett()
    app.state.regler_minne = {}
    app.state.trader = None  # the threads for assessments, made in the event loop (ruter.py)
    app.state.sakskjema = json_tekst(sakskjema())
    app.state.openapi = json_tekst(dokument(app.routes, endepunkter))
    return app
