"""The service's endpoints: each one calls the code its command does and answers what the
command prints (``vurder --format json`` byte for byte, ``vurder --batch`` line for line).

Each endpoint is an ``Endepunkt``: its path, method, handler and what ``/openapi.json`` says of
it (query parameters, body types, the formats it answers in). The routes and the OpenAPI
document are both made from this one list, so they cannot disagree.

The rulebook and the limits are the app's (``request.app.state``): loaded once per worker
when the app is made (``app.lag_app``), never per request.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import date
from typing import Any

import anyio
import anyio.to_thread
from attrs import field, frozen
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from ... import __version__
from ...api import assess_med_spor, les_dato
from ...inndata.errors import Feil, RegelFeil, UgyldigSak
from ...inndata.jsonlinjer import linjer
from ...lov.rulebook.book import Regelbok
from ...lov.sprak import SPRAK
from ...utdata.assessment import Assessment
from ...utdata.regelliste import regelliste
from ..batch import Avvist, assess_many
from ..soknad import fra_soknad, vurder_soknad
from ..tilsyn.rapport import rapport
from .oppsett import Oppsett
from .svar import (
    JSON,
    JSONL,
    Avvisning,
    fra_cli_felt,
    i_trad,
    json_tekst,
    krev_innholdstype,
    les_kropp,
    sporring,
    tidsavbrudd,
)

Handler = Callable[[Request], Awaitable[Response]]

TEKST = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"
CSV = "text/csv; charset=utf-8"


@frozen
class Endepunkt:
    """One endpoint and what the OpenAPI document says of it.

    ``parametre``: its query parameters (names in ``PARAMETRE``); ``formater``: the values of
    its ``format`` parameter and the media type each answers with (the first is the default);
    ``kropp``: the media types its body may have and the schema it follows (``sak``,
    ``soknad``, ``saker``), or none.
    """

    sti: str
    metode: str
    handler: Handler
    oppsummering: str
    parametre: tuple[str, ...] = ()
    formater: Mapping[str, str] = field(factory=lambda: {"json": JSON})
    kropp: tuple[tuple[str, ...], str] | None = None
    strommet: bool = False

    def route(self) -> Route:
        return Route(self.sti, self.handler, methods=[self.metode], name=self.handler.__name__)


#: The query parameters, each said once: its description and schema in the OpenAPI document.
PARAMETRE: dict[str, tuple[str, dict[str, Any]]] = {
    "dato": (
        "Vurderingsdato ÅÅÅÅ-MM-DD (som --dato); ellers sakens vurderingsdato.",
        {"type": "string", "format": "date"},
    ),
    "sprak": ("Språk for tekster: nb, nn eller en.", {"type": "string", "enum": list(SPRAK)}),
    "format": ("Svarets form.", {"type": "string"}),
}


def _tilstand(request: Request) -> tuple[Regelbok, Oppsett]:
    return request.app.state.regelbok, request.app.state.oppsett


def _trader(request: Request) -> anyio.CapacityLimiter:
    """The app's worker threads for assessments (made on first use, in the event loop)."""
    state = request.app.state
    if getattr(state, "trader", None) is None:
        state.trader = anyio.CapacityLimiter(state.oppsett.trader)
    trader: anyio.CapacityLimiter = state.trader
    return trader


async def _i_trad(request: Request, funksjon: Callable[..., Any], *args: Any) -> Any:
    return await i_trad(request.app.state.oppsett.tidsgrense, _trader(request), funksjon, *args)


def _valg(endepunkt_formater: Mapping[str, str], *navn: str) -> dict[str, tuple[str, ...] | None]:
    valg: dict[str, tuple[str, ...] | None] = {}
    for n in navn:
        if n == "sprak":
            valg[n] = SPRAK
        elif n == "format":
            valg[n] = tuple(endepunkt_formater)
        else:
            valg[n] = None
    return valg


def _sporring(request: Request, endepunkt: Endepunkt) -> dict[str, str | None]:
    return sporring(request, _valg(endepunkt.formater, *endepunkt.parametre))


def _format(endepunkt: Endepunkt, verdi: str | None) -> tuple[str, str]:
    navn = verdi or next(iter(endepunkt.formater))
    return navn, endepunkt.formater[navn]


def _regelfeil(exc: RegelFeil) -> Avvisning:
    """A rule that fails on a case: the service's rules are at fault, not the sender's case.
    Named as the command line names it (``regler``), with status 500."""
    return Avvisning(500, [Feil("regler", None, f"feil i reglene: {exc}")])


@frozen
class _Sak:
    """What every endpoint with a body reads before it works: the rulebook and settings, the
    query's values, the body (one case as JSON within the ``byte`` limit, or a caseload as
    JSON Lines within ``byte_saker``), the format and the language."""

    bok: Regelbok
    oppsett: Oppsett
    kropp: bytes
    q: dict[str, str | None]
    format: str
    mediatype: str
    sprak: str


async def _les_sak(request: Request, endepunkt: Endepunkt) -> _Sak:
    """The endpoint's body as its ``kropp`` says: its media types, and a caseload (``saker``)
    within ``byte_saker``, any other body within ``byte``."""
    bok, oppsett = _tilstand(request)
    q = _sporring(request, endepunkt)
    assert endepunkt.kropp is not None, endepunkt.sti
    medietyper, skjema = endepunkt.kropp
    krev_innholdstype(request, medietyper)
    if skjema == "saker":
        kropp = await les_kropp(request, oppsett.byte_saker, "byte_saker", oppsett.mottak)
    else:
        kropp = await les_kropp(request, oppsett.grenser.byte, "byte", oppsett.mottak)
    format_, mediatype = _format(endepunkt, q.get("format"))
    return _Sak(bok, oppsett, kropp, q, format_, mediatype, q.get("sprak") or "nb")


def _avvis(exc: UgyldigSak | RegelFeil) -> Avvisning:
    """A rejected case (422, its fields as the command line names them) or a failing rule
    (500): the one translation of the library's errors into the service's answers."""
    if isinstance(exc, UgyldigSak):
        return Avvisning(422, fra_cli_felt(exc).feil)
    return _regelfeil(exc)


def _vurder(sak: _Sak) -> Assessment:
    # Rendered at once, so the trace is kept (a kept result would evaluate the case twice).
    try:
        return assess_med_spor(
            sak.kropp, on=sak.q["dato"], regler=sak.bok, grenser=sak.oppsett.grenser
        )
    except (UgyldigSak, RegelFeil) as exc:
        raise _avvis(exc) from None


# --- POST /vurder ---------------------------------------------------------------------------


async def vurder(request: Request) -> Response:
    """One case (the contract's JSON) assessed: what ``vurder --format json`` prints."""
    sak = await _les_sak(request, VURDER)

    def arbeid() -> str:
        vurdering = _vurder(sak)
        if sak.format == "tekst":
            return vurdering.explain(sak.sprak) + "\n"
        return vurdering.to_json(indent=2) + "\n"

    return Response(await _i_trad(request, arbeid), media_type=sak.mediatype)


# --- POST /vedtaksbrev ----------------------------------------------------------------------


async def vedtaksbrev(request: Request) -> Response:
    """The decision letter for one case, as ``vurder --format vedtaksbrev[-html]`` writes it."""
    sak = await _les_sak(request, VEDTAKSBREV)

    def arbeid() -> str:
        brev = _vurder(sak).vedtaksbrev(sak.sprak)
        return str(brev.html() if sak.format == "html" else brev.tekst())

    return Response(await _i_trad(request, arbeid), media_type=sak.mediatype)


# --- POST /soknad ---------------------------------------------------------------------------


async def soknad(request: Request) -> Response:
    """NAV's application (soknad.json) assessed, with where each value came from."""
    sak = await _les_sak(request, SOKNAD)
    dato, grenser = sak.q["dato"], sak.oppsett.grenser

    def arbeid() -> str:
        try:
            if sak.format == "sak":
                return json_tekst(fra_soknad(sak.kropp, dato, grenser=grenser).sak)
            resultat, vurdering = vurder_soknad(sak.kropp, dato, regler=sak.bok, grenser=grenser)
        except (UgyldigSak, RegelFeil) as exc:
            raise _avvis(exc) from None
        if sak.format == "tekst":
            return f"{vurdering.explain(sak.sprak)}\n\n{resultat.tekst(sak.sprak)}\n"
        return json_tekst({**vurdering.to_dict(), "soknad": resultat.to_dict()})

    return Response(await _i_trad(request, arbeid), media_type=sak.mediatype)


# --- POST /vurder/batch ---------------------------------------------------------------------


def batchlinje(svar: Any, numre: list[int]) -> str:
    """One output line of ``vurder --batch``: the contract JSON, or the rejection with its
    position (``indeks``) and line number (``linje``)."""
    if isinstance(svar, Avvist):
        data = svar.to_dict()
        if svar.indeks < len(numre):
            data["linje"] = numre[svar.indeks]
        return json.dumps(data, ensure_ascii=False, default=str) + "\n"
    return f"{svar}\n"


def _saker(kropp: bytes, oppsett: Oppsett) -> tuple[list[Any], list[int]]:
    """The body's JSON Lines as ``vurder --batch`` reads them (``jsonlinjer.linjer``): each
    line within the ``byte`` limit, a bad line rejected in its place."""
    saker: list[Any] = []
    numre: list[int] = []
    for nr, linje in linjer(io.BytesIO(kropp), oppsett.grenser.byte):
        numre.append(nr)
        saker.append(linje)
    return saker, numre


async def vurder_batch(request: Request) -> Response:
    """JSON Lines in, JSON Lines out (streamed as each case is assessed), as ``vurder --batch``."""
    sak = await _les_sak(request, VURDER_BATCH)
    saker, numre = _saker(sak.kropp, sak.oppsett)
    try:
        resultater = assess_many(
            saker,
            processes=1,
            on=sak.q["dato"],
            regler=sak.bok,
            resultat="json",
            grenser=sak.oppsett.grenser,
        )
    except UgyldigSak as exc:
        raise _avvis(exc) from None
    slutt = object()
    trader = _trader(request)

    async def linjer() -> AsyncIterator[str]:
        while True:
            try:
                with anyio.fail_after(sak.oppsett.tidsgrense):
                    svar = await anyio.to_thread.run_sync(
                        next, resultater, slutt, abandon_on_cancel=True, limiter=trader
                    )
            except TimeoutError:  # the stream has begun: the last line says why it ends
                feil = tidsavbrudd(sak.oppsett.tidsgrense).feil
                yield json.dumps({"feil": [f.to_dict() for f in feil]}, ensure_ascii=False) + "\n"
                return
            if svar is slutt:
                return
            yield batchlinje(svar, numre)

    return StreamingResponse(linjer(), media_type=JSONL[0])


# --- POST /tilsyn ---------------------------------------------------------------------------


async def tilsyn(request: Request) -> Response:
    """The supervision report over a caseload (JSON Lines), as ``tilsyn SAKER.jsonl``."""
    sak = await _les_sak(request, TILSYN)
    dato = sak.q["dato"] or date.today().isoformat()

    def arbeid() -> str:
        saker, _ = _saker(sak.kropp, sak.oppsett)
        try:
            r = rapport(saker, dato, processes=1, regler=sak.bok)
        except (UgyldigSak, RegelFeil) as exc:
            raise _avvis(exc) from None
        if sak.format == "html":
            return r.html(sak.sprak)
        if sak.format == "csv":
            return r.csv(sak.sprak)
        if sak.format == "tekst":
            return r.tekst(sak.sprak) + "\n"
        return r.to_json(sak.sprak)

    return Response(await _i_trad(request, arbeid), media_type=sak.mediatype)


# --- GET /regler, /helse, /skjema/sak.json, /openapi.json ------------------------------------


#: Dates whose rule listing a worker keeps (each some 100 KB of JSON).
REGLER_I_MINNET = 32


def _regler_json(bok: Regelbok, dato: date, minne: dict[date, str]) -> str:
    """What ``sosialregler regler --format json --dato`` prints, kept per date (a listing
    is the same for every request on that date)."""
    if dato in minne:
        return minne[dato]
    if len(minne) >= REGLER_I_MINNET:
        minne.clear()
    minne[dato] = tekst = json_tekst(regelliste(bok, dato))
    return tekst


async def regler(request: Request) -> Response:
    """The rules and rates in force on ``dato`` (default today): ``regler --format json``."""
    bok, _ = _tilstand(request)
    q = _sporring(request, REGLER)
    dato = les_dato(q["dato"]) or date.today()
    return Response(
        await _i_trad(request, _regler_json, bok, dato, request.app.state.regler_minne),
        media_type=JSON,
    )


async def helse(request: Request) -> Response:
    """The service is up, with the library's version and the rules' digest."""
    bok, _ = _tilstand(request)
    _sporring(request, HELSE)
    return Response(
        json_tekst({"status": "ok", "versjon": __version__, "regler": bok.digest}),
        media_type=JSON,
    )


async def sakskjema(request: Request) -> Response:
    """The case contract as a JSON Schema 2020-12, generated from the contract's classes."""
    _sporring(request, SKJEMA)
    return Response(request.app.state.sakskjema, media_type="application/schema+json")


async def openapi(request: Request) -> Response:
    """This service described in OpenAPI 3.1, written from its routes."""
    _sporring(request, OPENAPI)
    return Response(request.app.state.openapi, media_type=JSON)


VURDER = Endepunkt(
    "/vurder",
    "POST",
    vurder,
    "Vurder én sak (som «sosialregler vurder --format json»)",
    ("dato", "sprak", "format"),
    {"json": JSON, "tekst": TEKST},
    ((JSON,), "sak"),
)
VURDER_BATCH = Endepunkt(
    "/vurder/batch",
    "POST",
    vurder_batch,
    "Vurder mange saker, én per linje (JSON Lines inn og ut, strømmet)",
    ("dato",),
    {"jsonl": JSONL[0]},
    (JSONL, "saker"),
    strommet=True,
)
SOKNAD = Endepunkt(
    "/soknad",
    "POST",
    soknad,
    "Vurder en søknad i NAVs format (soknad.json)",
    ("dato", "sprak", "format"),
    {"json": JSON, "sak": JSON, "tekst": TEKST},
    ((JSON,), "soknad"),
)
VEDTAKSBREV = Endepunkt(
    "/vedtaksbrev",
    "POST",
    vedtaksbrev,
    "Vedtaksbrevet for én sak, som tekst eller HTML",
    ("dato", "sprak", "format"),
    {"tekst": TEKST, "html": HTML},
    ((JSON,), "sak"),
)
TILSYN = Endepunkt(
    "/tilsyn",
    "POST",
    tilsyn,
    "Tilsynsrapport over mange saker (JSON Lines)",
    ("dato", "sprak", "format"),
    {"json": JSON, "html": HTML, "csv": CSV, "tekst": TEKST},
    (JSONL, "saker"),
)
REGLER = Endepunkt("/regler", "GET", regler, "Reglene og satsene i kraft på en dato", ("dato",))
HELSE = Endepunkt("/helse", "GET", helse, "Helsesjekk: tjenesten svarer")
SKJEMA = Endepunkt(
    "/skjema/sak.json",
    "GET",
    sakskjema,
    "Sakskontrakten som JSON Schema 2020-12",
    formater={"json": "application/schema+json"},
)
OPENAPI = Endepunkt("/openapi.json", "GET", openapi, "Denne beskrivelsen (OpenAPI 3.1)")

#: Every endpoint of the service, in the order the OpenAPI document lists them.
ENDEPUNKTER: tuple[Endepunkt, ...] = (
    VURDER,
    VURDER_BATCH,
    SOKNAD,
    VEDTAKSBREV,
    TILSYN,
    REGLER,
    HELSE,
    SKJEMA,
    OPENAPI,
)
