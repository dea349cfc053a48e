"""A real HTTP server for the service's tests: uvicorn serving ``lag_app`` in a thread, on a
free local port, called over HTTP with httpx (tests/test_tjeneste*.py).

``Tjener`` takes any app (one with small limits, an extra route that fails), so the tests
reach every status through the real server and its middleware, not by calling functions.
"""

from __future__ import annotations

import contextlib
import io
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="pip install '.[tjeneste]'")
pytest.importorskip("uvicorn", reason="pip install '.[tjeneste]'")
httpx = pytest.importorskip("httpx", reason="pip install '.[tjeneste]'")

import uvicorn  # noqa: E402

from sosialregler.verktoy import cli  # noqa: E402
from sosialregler.verktoy.testfiler import Testsak, les_testfil  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EKSEMPLER = sorted((REPO / "examples").glob("*.json"))
#: The golden test cases (tests/saker/*.toml) that use the shipped rules.
GULLSAKER: tuple[Testsak, ...] = tuple(
    s
    for fil in sorted((REPO / "tests" / "saker").glob("*.toml"))
    for s in les_testfil(fil)
    if s.regler is None and s.satser is None
)
JSONL = {"content-type": "application/x-ndjson"}
JSON = {"content-type": "application/json"}


class Tjener:
    """uvicorn in a thread on a free port of 127.0.0.1; ``url`` once it has started."""

    def __init__(self, app: Any) -> None:
        self.sokkel = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sokkel.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sokkel.bind(("127.0.0.1", 0))
        self.port = self.sokkel.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app, log_config=None, access_log=False, lifespan="off", timeout_graceful_shutdown=5
        )
        self.server = uvicorn.Server(config)
        self.trad = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sokkel]}, daemon=True
        )

    def __enter__(self) -> Tjener:
        self.trad.start()
        frist = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > frist or not self.trad.is_alive():
                raise RuntimeError("tjeneren startet ikke")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.trad.join(30)
        self.sokkel.close()

    def klient(self, **kw: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kw)


@contextlib.contextmanager
def tjener(app: Any) -> Iterator[Tjener]:
    with Tjener(app) as t:
        yield t


def cli_ut(argv: Sequence[str], stdin: bytes | None = None) -> tuple[int, str]:
    """``sosialregler ARGV`` in this process: exit status and standard output."""
    ut, err = io.StringIO(), io.StringIO()
    gammel = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = ut, err
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        status = cli.main(list(argv))
    finally:
        sys.stdout, sys.stderr, sys.stdin = gammel
    return status, ut.getvalue()


def linje(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"
