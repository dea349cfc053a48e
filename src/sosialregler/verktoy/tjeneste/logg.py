"""Structured logs: one JSON line per request, and the request id on every answer.

A line holds the method, the path (never the query string), the status, the duration in
milliseconds and the request id: no body, no query, no client address, nothing from the case,
since a case is about a person. An internal error is logged with its request id, its type and
where it happened (the stack), but not its message, which may quote the input.

The id is the sender's ``X-Request-ID`` when it is a short plain token (so a case system can
follow its own id through), else a new one; it is sent back in ``X-Request-ID``.
"""

from __future__ import annotations

import json
import logging
import re
import time
import traceback
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ... import __version__
from ...inndata.errors import Feil
from .svar import json_tekst

LOGG = logging.getLogger("sosialregler.verktoy.tjeneste")
_GOD_ID = re.compile(rb"[A-Za-z0-9._-]{1,64}")


class JsonLogg(logging.Formatter):
    """Each record as one JSON line (the service's lines carry their fields in ``felt``)."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "tid": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "niva": record.levelname,
            "logg": record.name,
        }
        felt = getattr(record, "felt", None)
        if isinstance(felt, dict):
            data.update(felt)
        else:
            data["melding"] = record.getMessage()
        return json.dumps(data, ensure_ascii=False)


def _id(scope: Scope) -> str:
    for navn, verdi in scope.get("headers", ()):
        if navn == b"x-request-id" and _GOD_ID.fullmatch(verdi):
            return verdi.decode("ascii")
    return uuid.uuid4().hex


def intern_feil_tekst(foresporsel_id: str) -> bytes:
    feil = Feil(
        "$",
        None,
        f"intern feil i sosialregler {__version__} (en feil i biblioteket, ikke i saken); "
        f"oppgi id {foresporsel_id} når du melder feilen",
    )
    return json_tekst({"feil": [feil.to_dict()], "id": foresporsel_id}).encode("utf-8")


class Foresporselslogg:
    """ASGI middleware: request id, one log line per request, and the last line of defence:
    an exception no endpoint caught becomes a 500 with the id and no traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        fid = _id(scope)
        scope.setdefault("state", {})["foresporsel_id"] = fid
        start = time.perf_counter()
        status = 0

        async def send_med_id(melding: Message) -> None:
            nonlocal status
            if melding["type"] == "http.response.start":
                status = melding["status"]
                melding["headers"] = [*melding.get("headers", []), (b"x-request-id", fid.encode())]
            await send(melding)

        try:
            await self.app(scope, receive, send_med_id)
        except Exception as exc:
            LOGG.error(
                "intern feil",
                extra={
                    "felt": {
                        "hendelse": "intern_feil",
                        "foresporsel_id": fid,
                        "type": type(exc).__name__,
                        "stakk": "".join(traceback.format_tb(exc.__traceback__)),
                    }
                },
            )
            if status == 0:  # nothing sent yet: the 500 can still be said properly
                kropp = intern_feil_tekst(fid)
                await send_med_id(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(kropp)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": kropp})
            else:
                status = 500
        finally:
            LOGG.info(
                "forespørsel",
                extra={
                    "felt": {
                        "hendelse": "foresporsel",
                        "metode": scope.get("method"),
                        "sti": scope.get("path"),
                        "status": status,
                        "varighet_ms": round((time.perf_counter() - start) * 1000, 2),
                        "foresporsel_id": fid,
                    }
                },
            )


def logg_oppsett(niva: str = "INFO") -> dict[str, Any]:
    """uvicorn's ``log_config``: its own lines and the service's, each as one JSON line on
    standard error; uvicorn's access log is off (it names the client's address)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonLogg"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": niva, "propagate": False},
            "uvicorn.error": {"level": niva},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            "sosialregler.verktoy.tjeneste": {
                "handlers": ["stderr"],
                "level": niva,
                "propagate": False,
            },
        },
    }
