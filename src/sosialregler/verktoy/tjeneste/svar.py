"""What every endpoint shares: the rejection as HTTP, reading the body within its limit, the
query string checked by name, and work run in a thread within the time limit.

A rejection is ``{"feil": [...]}`` (``Feil.to_dict``), exactly as ``sosialregler vurder
--format json`` prints it; only the status differs with the cause: 422 the case, 413 too large,
415 wrong content type, 503 over the time limit. Every message is Norwegian and names the field
(a JSON path, a query parameter or a header).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response

from ...api import les_dato
from ...inndata.errors import Feil, UgyldigSak
from ...inndata.grenser import tall

T = TypeVar("T")

JSON = "application/json"
#: JSON Lines as senders name it; the service answers with the first.
JSONL = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
#: Seconds a client is asked to wait after a 503 (``Retry-After``).
VENT = 5


def json_tekst(data: Any) -> str:
    """JSON as the command line prints it (indented, UTF-8 kept, a closing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class Avvisning(Exception):
    """A request the service refuses: the status, every problem, and any extra headers."""

    def __init__(
        self, status: int, feil: Iterable[Feil], headere: Mapping[str, str] | None = None
    ) -> None:
        self.status = status
        self.feil = list(feil)
        self.headere = dict(headere or {})
        super().__init__("; ".join(f"{f.felt}: {f.melding}" for f in self.feil))


def feilsvar(
    status: int,
    feil: Iterable[Feil],
    headere: Mapping[str, str] | None = None,
    ekstra: Mapping[str, Any] | None = None,
) -> Response:
    """The rejection ``{"feil": [...]}`` (and, for an internal error, its ``id``)."""
    data: dict[str, Any] = {"feil": [f.to_dict() for f in feil], **(ekstra or {})}
    return Response(json_tekst(data), status_code=status, media_type=JSON, headers=headere)


def avvisning_svar(exc: Avvisning) -> Response:
    return feilsvar(exc.status, exc.feil, exc.headere)


def krev_innholdstype(request: Request, lovlige: tuple[str, ...]) -> None:
    """The body's ``Content-Type`` must be one of ``lovlige`` (any case), in UTF-8."""
    verdi = request.headers.get("content-type")
    onsket = f"sett headeren «Content-Type: {lovlige[0]}; charset=utf-8»"
    if len(lovlige) > 1:
        onsket += " (" + " og ".join(", ".join(lovlige[1:]).rsplit(", ", 1)) + " godtas også)"
    if not verdi:
        raise Avvisning(
            415, [Feil("Content-Type", None, f"headeren mangler i forespørselen; {onsket}")]
        )
    mediatype, _, resten = verdi.partition(";")
    if mediatype.strip().lower() not in lovlige:
        raise Avvisning(
            415,
            [
                Feil(
                    "Content-Type",
                    verdi,
                    f"ukjent innholdstype for denne adressen; {onsket}",
                )
            ],
        )
    for param in resten.split(";"):
        navn, _, tegnsett = param.partition("=")
        if navn.strip().lower() == "charset" and tegnsett.strip().strip('"').lower() not in (
            "utf-8",
            "utf8",
        ):
            raise Avvisning(
                415,
                [
                    Feil(
                        "Content-Type",
                        verdi,
                        "tegnsettet må være UTF-8; send kroppen som UTF-8 med charset=utf-8",
                    )
                ],
            )


#: What a sender can do about a body over each limit (``oppsett.py``): one case cannot be
#: split, so its limit is a hint that something else was sent; a batch can.
_FOR_STOR_RAD: Mapping[str, str] = {
    "byte": "for én sak. Sjekk at kroppen er én sak; mange saker sendes til POST /vurder/batch, "
    "én sak per linje",
    "byte_saker": "for alle sakene i én forespørsel. Del sakene opp og send dem i flere "
    "forespørsler",
}


def for_stor(grense: int, navn: str) -> Avvisning:
    """413: the limit in bytes, and what to do (``navn``: the limit in ``Oppsett``)."""
    rad = _FOR_STOR_RAD.get(navn, "for denne adressen. Send en mindre forespørsel")
    return Avvisning(
        413,
        [
            Feil(
                "$",
                None,
                f"forespørselen er større enn grensen på {tall(grense)} byte {rad}.",
            )
        ],
    )


async def les_kropp(request: Request, grense: int, navn: str, sekunder: float) -> bytes:
    """The body, read no further than ``grense`` bytes (an honest ``Content-Length`` over it
    is refused before a byte is read): 413 naming the limit. A body that has not arrived
    within ``sekunder`` (a sender that trickles it, holding a connection) is a 408."""
    lengde = request.headers.get("content-length", "")
    if lengde.isascii() and lengde.isdigit() and int(lengde) > grense:
        raise for_stor(grense, navn)
    deler: list[bytes] = []
    lest = 0
    try:
        with anyio.fail_after(sekunder):
            async for bit in request.stream():
                lest += len(bit)
                if lest > grense:
                    raise for_stor(grense, navn)
                deler.append(bit)
    except TimeoutError:
        melding = f"forespørselen kom ikke fram innen tidsgrensen på {sekunder:g} sekunder"
        raise Avvisning(408, [Feil("$", None, melding)], {"Connection": "close"}) from None
    return b"".join(deler)


@functools.cache
def _ukjent(navn: str, kjente: tuple[str, ...]) -> Feil:
    kjent = ", ".join(kjente) if kjente else "ingen"
    return Feil(navn, None, f"ukjent parameter; kjente er: {kjent}")


def sporring(request: Request, valg: Mapping[str, tuple[str, ...] | None]) -> dict[str, str | None]:
    """The query parameters by name: each known at most once, a choice among its values
    (``None``: free text, checked by its reader), ``dato`` read as ``--dato`` is. Every
    problem at once, as a 422."""
    feil: list[Feil] = []
    verdier: dict[str, str | None] = dict.fromkeys(valg)
    for navn, verdi in request.query_params.multi_items():
        if navn not in valg:
            feil.append(Feil(navn, verdi, _ukjent(navn, tuple(valg)).melding))
            continue
        if verdier[navn] is not None:
            feil.append(Feil(navn, verdi, "parameteren er gitt mer enn én gang"))
            continue
        lovlige = valg[navn]
        if lovlige is not None and verdi not in lovlige:
            feil.append(
                Feil(navn, verdi, "ukjent verdi; lovlige verdier er: " + ", ".join(lovlige))
            )
            continue
        verdier[navn] = verdi
    if verdier.get("dato") is not None:
        try:
            les_dato(verdier["dato"])
        except UgyldigSak as exc:
            feil.extend(Feil("dato", f.verdi, f.melding) for f in exc.feil)
    if feil:
        raise Avvisning(422, feil)
    return verdier


def fra_cli_felt(exc: UgyldigSak) -> UgyldigSak:
    """A rejection where the command line's ``--dato`` is the service's query ``dato``."""
    return UgyldigSak(
        Feil("dato", f.verdi, f.melding) if f.felt == "--dato" else f for f in exc.feil
    )


def tidsavbrudd(sekunder: float) -> Avvisning:
    return Avvisning(
        503,
        [
            Feil(
                "$",
                None,
                f"svaret tok lengre tid enn tidsgrensen på {sekunder:g} sekunder; tjenesten er "
                f"trolig opptatt: prøv igjen om {VENT} sekunder (headeren Retry-After), eller "
                "send færre saker om gangen",
            )
        ],
        {"Retry-After": str(VENT)},
    )


async def i_trad(
    sekunder: float, trader: anyio.CapacityLimiter, funksjon: Callable[..., T], *args: Any
) -> T:
    """``funksjon(*args)`` in one of the ``trader`` worker threads, so the event loop keeps
    serving others. The wait for a thread counts: past ``sekunder`` the request gets a 503 at
    once (the thread finishes on its own: Python cannot stop a thread, so a timed-out call
    still uses its thread until done)."""
    try:
        with anyio.fail_after(sekunder):
            return await anyio.to_thread.run_sync(
                functools.partial(funksjon, *args), abandon_on_cancel=True, limiter=trader
            )
    except TimeoutError:
        raise tidsavbrudd(sekunder) from None
