"""``sosialregler serve``: the command starts the real server (uvicorn, here with two worker
processes) on a free port; it answers over HTTP and logs one JSON line per request without
anything from the case. Bad choices are refused in Norwegian before anything starts."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tjenestehjelp import JSON, REPO, cli_ut

httpx = pytest.importorskip("httpx")


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def serve() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _ledig_port()
    miljo = {**os.environ, "PYTHONUNBUFFERED": "1"}
    prosess = subprocess.Popen(
        [sys.executable, "-m", "sosialregler", "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=miljo,
    )
    url = f"http://127.0.0.1:{port}"
    frist = time.monotonic() + 120
    try:
        while True:
            try:
                if httpx.get(f"{url}/helse", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if prosess.poll() is not None or time.monotonic() > frist:
                raise RuntimeError(prosess.stderr.read().decode() if prosess.stderr else "")
            time.sleep(0.2)
        yield url, prosess
    finally:
        if prosess.poll() is None:
            prosess.send_signal(signal.SIGINT)
            try:
                prosess.wait(30)
            except subprocess.TimeoutExpired:
                prosess.kill()
                prosess.wait()


def test_serve_svarer_og_logger_json_uten_persondata(serve) -> None:
    url, prosess = serve
    sak = (REPO / "examples" / "familie.json").read_bytes()
    with httpx.Client(base_url=url, timeout=120) as k:
        svar = [k.post("/vurder", content=sak, headers=JSON) for _ in range(6)]
        assert all(s.status_code == 200 for s in svar)
        assert (
            svar[0].text
            == cli_ut(["vurder", str(REPO / "examples" / "familie.json"), "--format", "json"])[1]
        )
        assert k.post("/vurder", content=b"{", headers=JSON).status_code == 422
    prosess.send_signal(signal.SIGINT)
    _, err = prosess.communicate(timeout=60)
    linjer = [json.loads(x) for x in err.decode("utf-8").splitlines() if x.strip()]
    foresporsler = [x for x in linjer if x.get("hendelse") == "foresporsel"]
    assert [x["status"] for x in foresporsler if x["sti"] == "/vurder"] == [200] * 6 + [422]
    assert sum("Started server process" in x.get("melding", "") for x in linjer) >= 2
    tekst = err.decode("utf-8")
    for personlig in ("demo-familie-2024", "1985-"):
        assert personlig not in tekst
    assert "POST /vurder HTTP" not in tekst  # no access log (it names the client's address)


@pytest.mark.parametrize(
    ("argv", "ord_"),
    [
        (["--port", "70000"], "--port"),
        (["--workers", "0"], "--workers"),
        (["--tidsgrense", "0"], "--tidsgrense"),
        (["--regler", str(REPO / "finnes-ikke")], "--regler"),
    ],
)
def test_serve_avviser_feil_valg(argv: list[str], ord_: str) -> None:
    prosess = subprocess.run(
        [sys.executable, "-m", "sosialregler", "serve", *argv],
        capture_output=True,
        timeout=120,
    )
    assert prosess.returncode == 2
    feil = prosess.stderr.decode("utf-8")
    assert feil.startswith("Tjenesten ble ikke startet:") and ord_ in feil
    assert "Traceback" not in feil


def test_serve_uten_tilleggspakken_sier_hva_som_skal_installeres(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sosialregler.verktoy import cli

    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert cli.main(["serve"]) == 2
    assert "pip install 'sosialregler[tjeneste]'" in capsys.readouterr().err
