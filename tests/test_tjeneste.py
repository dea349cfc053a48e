"""The HTTP service (issue 20) over real HTTP: every endpoint answers what its command prints.

A uvicorn server runs ``lag_app`` in a thread on a free local port (tjenestehjelp.py); every
call goes over HTTP with httpx. The answers are compared byte for byte with the command line's
output for the same input (``vurder --format json``, ``vurder --batch``, ``soknad``,
``vurder --format vedtaksbrev``, ``tilsyn``, ``regler --format json``).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sosialregler.verktoy.testfiler import Testsak
from sosialregler.verktoy.tjeneste.app import lag_app
from tjenestehjelp import EKSEMPLER, GULLSAKER, JSON, JSONL, REPO, Tjener, cli_ut, linje, tjener

SOKNAD = REPO / "tests" / "data" / "soknadsosialhjelp" / "soknad-minimal.json"


@pytest.fixture(scope="module")
def server() -> Iterator[Tjener]:
    with tjener(lag_app()) as t:
        yield t


@pytest.fixture(scope="module")
def klient(server: Tjener) -> Iterator[object]:
    with server.klient() as k:
        yield k


# --- POST /vurder: exactly `vurder --format json` -------------------------------------------


@pytest.mark.parametrize("fil", EKSEMPLER, ids=lambda p: p.stem)
def test_vurder_er_cli_json_byte_for_byte(klient, fil: Path) -> None:
    status, ut = cli_ut(["vurder", str(fil), "--format", "json"])
    svar = klient.post("/vurder", content=fil.read_bytes(), headers=JSON)
    assert (status, svar.status_code) == (0, 200)
    assert svar.headers["content-type"] == "application/json"
    assert svar.content == ut.encode("utf-8")


@pytest.mark.parametrize("sak", GULLSAKER, ids=lambda s: s.navn)
def test_gullsakene_er_cli_json_byte_for_byte(klient, sak: Testsak, tmp_path: Path) -> None:
    """Every golden case (tests/saker): the same bytes, and a rejection the same ``feil`` as 422."""
    fil = tmp_path / "sak.json"
    fil.write_text(json.dumps(sak.inndata, ensure_ascii=False), "utf-8")
    argv = ["vurder", str(fil), "--format", "json", *(["--dato", sak.dato] if sak.dato else [])]
    status, ut = cli_ut(argv)
    svar = klient.post(
        "/vurder",
        params={"dato": sak.dato} if sak.dato else {},
        content=fil.read_bytes(),
        headers=JSON,
    )
    assert svar.content == ut.encode("utf-8")
    assert (status, svar.status_code) == ((2, 422) if sak.forventet.avvist else (0, 200))
    if sak.forventet.avvist:
        assert set(sak.forventet.avvist) <= {f["felt"] for f in svar.json()["feil"]}


@pytest.mark.parametrize("sprak", ["nb", "nn", "en"])
def test_vurder_som_tekst_er_forklaringen(klient, sprak: str) -> None:
    fil = REPO / "examples" / "familie.json"
    _, ut = cli_ut(["vurder", str(fil), "--sprak", sprak])
    svar = klient.post(
        "/vurder",
        params={"sprak": sprak, "format": "tekst"},
        content=fil.read_bytes(),
        headers=JSON,
    )
    assert svar.status_code == 200
    assert svar.headers["content-type"] == "text/plain; charset=utf-8"
    assert svar.text == ut


def test_dato_i_sporringen_er_vurderingsdato(klient) -> None:
    fil = REPO / "examples" / "enslig.json"
    _, ut = cli_ut(["vurder", str(fil), "--format", "json", "--dato", "2025-02-03"])
    svar = klient.post("/vurder?dato=2025-02-03", content=fil.read_bytes(), headers=JSON)
    assert svar.json()["vurderingsdato"] == "2025-02-03"
    assert svar.text == ut


# --- POST /vurder/batch: exactly `vurder --batch` -------------------------------------------


def _batch() -> bytes:
    saker = [linje(json.loads(f.read_text("utf-8"))) for f in EKSEMPLER]
    return b"".join(
        [
            saker[0],
            b"{ikke json\n",
            b"\n",  # a blank line is skipped, as by the command
            saker[1],
            b'{"personer": 5}\n',
            b'{"sak_id": "\xff\xfe"}\n',  # not UTF-8: that line alone is rejected
            *saker[2:],
            b"[]\n",
        ]
    )


def test_batch_er_cli_batch_linje_for_linje(klient, tmp_path: Path) -> None:
    fil = tmp_path / "saker.jsonl"
    fil.write_bytes(_batch())
    status, ut = cli_ut(["vurder", "--batch", str(fil), "--format", "json"])
    svar = klient.post("/vurder/batch", content=fil.read_bytes(), headers=JSONL)
    assert (status, svar.status_code) == (0, 200)
    assert svar.headers["content-type"].startswith("application/x-ndjson")
    assert svar.content == ut.encode("utf-8")
    linjer = [json.loads(x) for x in svar.text.splitlines()]
    assert [x.get("linje") for x in linjer if "feil" in x] == [2, 5, 6, 7 + len(EKSEMPLER) - 2]
    assert sum("vedtak" in x for x in linjer) == len(EKSEMPLER)


def test_batch_med_dato_og_tom_kropp(klient) -> None:
    sak = linje(json.loads((REPO / "examples" / "kvp.json").read_text("utf-8")))
    svar = klient.post("/vurder/batch?dato=2024-10-01", content=sak * 3, headers=JSONL)
    assert [json.loads(x)["vurderingsdato"] for x in svar.text.splitlines()] == ["2024-10-01"] * 3
    tom = klient.post("/vurder/batch", content=b"", headers=JSONL)
    assert (tom.status_code, tom.content) == (200, b"")


def test_batch_strommes_linje_for_linje(klient) -> None:
    """The answer is streamed (chunked, no Content-Length): lines can be read as they come."""
    sak = linje(json.loads((REPO / "examples" / "enslig.json").read_text("utf-8")))
    with klient.stream("POST", "/vurder/batch", content=sak * 40, headers=JSONL) as svar:
        assert svar.status_code == 200
        assert "content-length" not in svar.headers
        assert svar.headers.get("transfer-encoding") == "chunked"
        linjer = list(svar.iter_lines())
    assert len(linjer) == 40
    assert all(json.loads(x)["sak_id"] == "demo-enslig-2024" for x in linjer)


# --- POST /soknad, /vedtaksbrev, /tilsyn ----------------------------------------------------


@pytest.mark.parametrize("format_", ["json", "sak", "tekst"])
def test_soknad_er_cli_soknad(klient, format_: str) -> None:
    status, ut = cli_ut(["soknad", str(SOKNAD), "--format", format_, "--dato", "2024-06-03"])
    svar = klient.post(
        "/soknad",
        params={"format": format_, "dato": "2024-06-03"},
        content=SOKNAD.read_bytes(),
        headers=JSON,
    )
    assert (status, svar.status_code) == (0, 200)
    assert svar.text == ut


def test_soknad_avvist_naar_den_ikke_er_en_soknad(klient) -> None:
    svar = klient.post("/soknad", content=b'{"versjon": 5}', headers=JSON)
    assert svar.status_code == 422
    assert svar.json()["feil"] and all(f["melding"] for f in svar.json()["feil"])


@pytest.mark.parametrize(
    ("format_", "cli_format", "type_"),
    [("tekst", "vedtaksbrev", "text/plain"), ("html", "vedtaksbrev-html", "text/html")],
)
@pytest.mark.parametrize("sprak", ["nb", "nn", "en"])
def test_vedtaksbrev_er_cli_brevet(
    klient, format_: str, cli_format: str, type_: str, sprak: str
) -> None:
    fil = REPO / "examples" / "familie.json"
    _, ut = cli_ut(["vurder", str(fil), "--format", cli_format, "--sprak", sprak])
    svar = klient.post(
        "/vedtaksbrev",
        params={"format": format_, "sprak": sprak},
        content=fil.read_bytes(),
        headers=JSON,
    )
    assert svar.status_code == 200
    assert svar.headers["content-type"] == f"{type_}; charset=utf-8"
    assert svar.text == ut


@pytest.mark.parametrize(
    ("format_", "flagg"),
    [("json", "--json"), ("csv", "--csv"), ("html", "--html"), ("tekst", None)],
)
def test_tilsyn_er_cli_rapporten(klient, tmp_path: Path, format_: str, flagg: str | None) -> None:
    fil = tmp_path / "saker.jsonl"
    fil.write_bytes(_batch())
    ut_fil = tmp_path / "rapport"
    argv = ["tilsyn", str(fil), "--dato", "2024-06-01", "--sprak", "nn"]
    status, ut = cli_ut([*argv, *([flagg, str(ut_fil)] if flagg else [])])
    svar = klient.post(
        "/tilsyn",
        params={"dato": "2024-06-01", "sprak": "nn", "format": format_},
        content=fil.read_bytes(),
        headers=JSONL,
    )
    assert (status, svar.status_code) == (0, 200)
    assert svar.text == (ut_fil.read_text("utf-8") if flagg else ut)


# --- GET /regler, /helse ---------------------------------------------------------------------


@pytest.mark.parametrize("dato", ["2024-01-01", "2026-12-04", "2015-06-30"])
def test_regler_er_cli_regler_json(klient, dato: str) -> None:
    status, ut = cli_ut(["regler", "--format", "json", "--dato", dato])
    svar = klient.get("/regler", params={"dato": dato})
    assert (status, svar.status_code) == (0, 200)
    assert svar.text == ut


def test_regler_uten_dato_gjelder_i_dag(klient) -> None:
    assert klient.get("/regler").json()["dato"] == date.today().isoformat()


def test_helse(klient) -> None:
    from sosialregler import __version__
    from sosialregler.api import standard_regelbok

    svar = klient.get("/helse")
    assert svar.status_code == 200
    assert svar.json() == {
        "status": "ok",
        "versjon": __version__,
        "regler": standard_regelbok().digest,
    }


# --- rejections --------------------------------------------------------------------------------

POSTER = ["/vurder", "/vurder/batch", "/soknad", "/vedtaksbrev", "/tilsyn"]


def _type(sti: str) -> dict[str, str]:
    return JSONL if sti in ("/vurder/batch", "/tilsyn") else JSON


def _feil_typer() -> list[tuple[str, str | None]]:
    typer: list[tuple[str, str | None]] = []
    for sti in POSTER:
        riktig = _type(sti)["content-type"]
        feil = "application/json" if riktig != "application/json" else "application/x-ndjson"
        for t in (
            None,
            "text/plain",
            "application/xml",
            "multipart/form-data",
            feil,
            f"{riktig}; charset=latin-1",
        ):
            typer.append((sti, t))
    return typer


@pytest.mark.parametrize(("sti", "innholdstype"), _feil_typer())
def test_feil_innholdstype_er_415_som_navngir_headeren(
    klient, sti: str, innholdstype: str | None
) -> None:
    headere = {"content-type": innholdstype} if innholdstype else {}
    svar = klient.post(sti, content=b"{}", headers=headere)
    assert svar.status_code == 415
    (feil,) = svar.json()["feil"]
    assert feil["felt"] == "Content-Type"
    assert feil["verdi"] == innholdstype
    if innholdstype is None:
        assert "mangler" in feil["melding"]
    elif "charset" in innholdstype:
        assert "UTF-8" in feil["melding"]
    else:
        assert "ukjent innholdstype" in feil["melding"]


@pytest.mark.parametrize(
    ("sporring", "felt", "ord_"),
    [
        ({"dato": "01.03.2024"}, "dato", "ugyldig dato"),
        ({"dato": "2024-02-30"}, "dato", "ugyldig dato"),
        ({"dato": "1700-01-01"}, "dato", "urimelig dato"),
        ({"sprak": "de"}, "sprak", "lovlige verdier er: nb, nn, en"),
        ({"format": "pdf"}, "format", "lovlige verdier er"),
        ({"tull": "1"}, "tull", "ukjent parameter"),
        ([("sprak", "nb"), ("sprak", "en")], "sprak", "mer enn én gang"),
    ],
)
@pytest.mark.parametrize("sti", ["/vurder", "/vedtaksbrev", "/soknad", "/tilsyn"])
def test_feil_i_sporringen_er_422_som_navngir_parameteren(
    klient, sti, sporring, felt, ord_
) -> None:
    svar = klient.post(sti, params=sporring, content=b"{}", headers=_type(sti))
    assert svar.status_code == 422
    assert any(f["felt"] == felt and ord_ in f["melding"] for f in svar.json()["feil"]), svar.text


def test_feil_dato_paa_get_regler(klient) -> None:
    svar = klient.get("/regler", params={"dato": "i dag"})
    assert svar.status_code == 422
    assert svar.json()["feil"][0]["felt"] == "dato"


@pytest.mark.parametrize(
    ("kropp", "ord_"),
    [
        (b'{"personer": [}', "linje 1, kolonne"),
        (b"", "JSON"),
        (b"\xff\xfe{}", "UTF-8"),
        (b"[1, 2]", "objekt"),
        (b'{"personer": [], "personer": []}', "personer"),
    ],
    ids=["syntaks", "tom", "ikke-utf8", "liste", "dobbel-nokkel"],
)
@pytest.mark.parametrize("sti", ["/vurder", "/vedtaksbrev", "/soknad"])
def test_misformet_kropp_er_422_med_cli_feilene(klient, tmp_path, sti, kropp, ord_) -> None:
    svar = klient.post(sti, content=kropp, headers=JSON)
    assert svar.status_code == 422
    assert svar.json()["feil"] and any(
        ord_ in json.dumps(f, ensure_ascii=False) for f in svar.json()["feil"]
    ), svar.text
    if sti == "/vurder" and ord_ != "UTF-8":  # the command names its file, the service «$»
        fil = tmp_path / "sak.json"
        fil.write_bytes(kropp)
        assert svar.text == cli_ut(["vurder", str(fil), "--format", "json"])[1]


def test_avvist_sak_er_422_med_hvert_felt(klient) -> None:
    sak = json.loads((REPO / "examples" / "familie.json").read_text("utf-8"))
    sak["personer"][0]["fodselsdato"] = "2017-13-01"
    sak["inntekter"][0]["belop_per_maned"] = -5
    svar = klient.post("/vurder", json=sak)
    assert svar.status_code == 422
    assert {"personer[0].fodselsdato", "inntekter[0].belop_per_maned"} <= {
        f["felt"] for f in svar.json()["feil"]
    }


def test_ukjent_sti_404_og_feil_metode_405_paa_norsk(klient) -> None:
    svar = klient.get("/finnes-ikke")
    assert svar.status_code == 404
    assert svar.json()["feil"][0]["felt"] == "sti"
    svar = klient.get("/vurder")
    assert svar.status_code == 405
    assert svar.json()["feil"][0] == {
        "felt": "metode",
        "verdi": "GET",
        "melding": "metoden brukes ikke på /vurder; se /openapi.json",
    }
    assert klient.delete("/helse").status_code == 405


# --- size, time and internal errors (servers with their own limits) --------------------------


@pytest.fixture(scope="module")
def smal() -> Iterator[Tjener]:
    """A server whose limits are small enough to reach: 3 000 bytes a case, 10 000 a batch."""
    from sosialregler.inndata.grenser import Grenser
    from sosialregler.verktoy.tjeneste.oppsett import Oppsett

    oppsett = Oppsett(grenser=Grenser(byte=3000), byte_saker=10_000)
    with tjener(lag_app(oppsett=oppsett)) as t:
        yield t


@pytest.mark.parametrize("sti", POSTER)
def test_for_stor_kropp_er_413_med_content_length(smal: Tjener, sti: str) -> None:
    with smal.klient() as k:
        svar = k.post(sti, content=b" " * 20_000, headers=_type(sti))
    assert svar.status_code == 413
    (feil,) = svar.json()["feil"]
    assert "større enn grensen" in feil["melding"]


@pytest.mark.parametrize("sti", POSTER)
def test_for_stor_kropp_uten_content_length_er_413(smal: Tjener, sti: str) -> None:
    """A chunked body (no Content-Length) is counted as it comes and refused past the limit."""

    def biter() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 1000

    with smal.klient() as k:
        svar = k.post(sti, content=biter(), headers=_type(sti))
    assert svar.status_code == 413


def test_stor_kropp_paa_standardgrensen_er_413() -> None:
    """The shipped limit: a body over ``grenser.byte`` (5 000 000) is refused, not read."""
    from sosialregler.inndata.grenser import STANDARD

    with tjener(lag_app()) as t, t.klient() as k:
        svar = k.post("/vurder", content=b" " * (STANDARD.byte + 1), headers=JSON)
    assert svar.status_code == 413
    assert "5 000 000 byte" in svar.json()["feil"][0]["melding"]


def test_for_lang_linje_i_batch_avvises_alene_som_cli(smal: Tjener, tmp_path: Path) -> None:
    """A line over the case limit is that line's rejection (jsonlinjer.py), as by the command."""
    enslig = linje(json.loads((REPO / "examples" / "enslig.json").read_text("utf-8")))
    lang = b'{"sak_id": "' + b"x" * 4000 + b'"}\n'
    kropp = enslig + lang + enslig
    fil = tmp_path / "saker.jsonl"
    fil.write_bytes(kropp)
    _, ut = cli_ut(["vurder", "--batch", str(fil), "--format", "json", "--grense", "byte=3000"])
    with smal.klient() as k:
        svar = k.post("/vurder/batch", content=kropp, headers=JSONL)
    assert svar.status_code == 200
    assert svar.text == ut
    assert json.loads(svar.text.splitlines()[1])["linje"] == 2


def test_over_tidsgrensen_er_503_paa_norsk() -> None:
    from sosialregler.verktoy.tjeneste.oppsett import Oppsett

    sak = (REPO / "examples" / "familie.json").read_bytes()
    with tjener(lag_app(oppsett=Oppsett(tidsgrense=1e-9))) as t, t.klient() as k:
        svar = k.post("/vurder", content=sak, headers=JSON)
        assert svar.status_code == 503
        assert svar.headers["retry-after"] == "5"
        assert "tidsgrensen" in svar.json()["feil"][0]["melding"]
        batch = k.post("/vurder/batch", content=linje(json.loads(sak)) * 3, headers=JSONL)
        assert batch.status_code == 200  # the stream had begun: its last line says why it ends
        (siste,) = [json.loads(x) for x in batch.text.splitlines()]
        assert "tidsgrensen" in siste["feil"][0]["melding"]
        assert k.get("/helse").status_code == 200  # the server still serves


def test_kropp_som_drypper_inn_er_408() -> None:
    """A sender that trickles its body is cut off at the time limit, not waited for."""
    import time as tid

    from sosialregler.verktoy.tjeneste.oppsett import Oppsett

    def sakte() -> Iterator[bytes]:
        yield b'{"personer": '
        tid.sleep(3)
        yield b"[]}"

    with tjener(lag_app(oppsett=Oppsett(mottak=0.5))) as t, t.klient() as k:
        svar = k.post("/vurder", content=sakte(), headers=JSON)
    assert svar.status_code == 408
    assert "tidsgrensen" in svar.json()["feil"][0]["melding"]


def test_intern_feil_er_500_med_id_uten_traceback(caplog: pytest.LogCaptureFixture) -> None:
    from starlette.routing import Route

    personopplysning = "fnr " + str(10**10 + 1019012345)  # built, so no source line holds it

    async def feiler(request: object) -> None:
        raise RuntimeError(personopplysning)

    app = lag_app(ekstra_ruter=[Route("/feiler", feiler)])
    with (
        caplog.at_level("INFO", "sosialregler.verktoy.tjeneste"),
        tjener(app) as t,
        t.klient() as k,
    ):
        svar = k.get("/feiler")
    assert svar.status_code == 500
    data = svar.json()
    assert data["id"] == svar.headers["x-request-id"]
    assert data["id"] in data["feil"][0]["melding"]
    assert "intern feil" in data["feil"][0]["melding"]
    assert "Traceback" not in svar.text and personopplysning not in svar.text
    logg = [getattr(r, "felt", {}) for r in caplog.records]
    assert any(
        x.get("hendelse") == "intern_feil" and x["foresporsel_id"] == data["id"] for x in logg
    )
    assert personopplysning not in caplog.text
    assert all(personopplysning not in json.dumps(x) for x in logg)


# --- logs, request ids, concurrency -----------------------------------------------------------


def test_en_logglinje_per_foresporsel_uten_persondata(caplog: pytest.LogCaptureFixture) -> None:
    sak = json.loads((REPO / "examples" / "familie.json").read_text("utf-8"))
    with (
        caplog.at_level("INFO", "sosialregler.verktoy.tjeneste"),
        tjener(lag_app()) as t,
        t.klient() as k,
    ):
        k.post("/vurder?sprak=nn", json=sak, headers={"x-request-id": "min-id-1"})
        k.post("/vurder", content=b"{", headers=JSON)
        k.get("/helse")
    linjer = [
        r.felt for r in caplog.records if getattr(r, "felt", {}).get("hendelse") == "foresporsel"
    ]
    assert [(x["metode"], x["sti"], x["status"]) for x in linjer] == [
        ("POST", "/vurder", 200),
        ("POST", "/vurder", 422),
        ("GET", "/helse", 200),
    ]
    assert linjer[0]["foresporsel_id"] == "min-id-1"
    assert set(linjer[0]) == {
        "hendelse",
        "metode",
        "sti",
        "status",
        "varighet_ms",
        "foresporsel_id",
    }
    from sosialregler.verktoy.tjeneste.logg import JsonLogg

    tekst = "\n".join(JsonLogg().format(r) for r in caplog.records)
    for personlig in (sak["sak_id"], sak["personer"][0]["fodselsdato"], "sprak=nn"):
        assert personlig not in tekst


def test_foresporsel_id_sendes_tilbake(klient) -> None:
    assert (
        klient.get("/helse", headers={"x-request-id": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    ny = klient.get("/helse", headers={"x-request-id": "ikke gyldig;<>"}).headers["x-request-id"]
    assert len(ny) == 32 and ny != "ikke gyldig"


def test_femti_samtidige_foresporsler(server: Tjener) -> None:
    """50 requests at once, mixed cases: each gets its own case's answer, none an error."""
    import anyio
    import httpx

    forventet = {f.stem: cli_ut(["vurder", str(f), "--format", "json"])[1] for f in EKSEMPLER}
    saker = [EKSEMPLER[i % len(EKSEMPLER)] for i in range(50)]
    svar: dict[int, httpx.Response] = {}

    async def en(klient: httpx.AsyncClient, i: int) -> None:
        svar[i] = await klient.post("/vurder", content=saker[i].read_bytes(), headers=JSON)

    async def alle() -> None:
        grenser = httpx.Limits(max_connections=50)
        async with (
            httpx.AsyncClient(base_url=server.url, timeout=300, limits=grenser) as k,
            anyio.create_task_group() as tg,
        ):
            for i in range(50):
                tg.start_soon(en, k, i)

    anyio.run(alle)
    assert [s.status_code for s in svar.values()] == [200] * 50
    assert all(svar[i].text == forventet[saker[i].stem] for i in range(50))
    assert len({s.headers["x-request-id"] for s in svar.values()}) == 50


def test_appens_regelbok_brukes_lastet_en_gang(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app answers with the rulebook it was made with (here a municipality's rates, as
    ``--satser``), loaded when the app is made and never again per request."""
    from sosialregler import api
    from sosialregler.verktoy.tjeneste import ruter
    from sosialregler.vurdering import standardbok

    satser = REPO / "examples" / "kommunale-satser-eksempel.toml"
    bok = api.regelbok(None, satser)
    lastet: list[object] = []
    monkeypatch.setattr(standardbok, "last_regelbok", lambda *a, **k: lastet.append(a))
    monkeypatch.setattr(ruter, "assess_med_spor", _teller(ruter.assess_med_spor, bok))
    fil = REPO / "examples" / "familie.json"
    with tjener(lag_app(bok)) as t, t.klient() as k:
        svar = [k.post("/vurder", content=fil.read_bytes(), headers=JSON) for _ in range(3)]
        regler = k.get("/helse").json()["regler"]
    assert lastet == []
    assert regler == bok.digest
    _, ut = cli_ut(["vurder", str(fil), "--format", "json", "--satser", str(satser)])
    assert all(s.text == ut for s in svar)


def _teller(assess: Any, bok: object) -> Any:
    """``assess`` that checks it is given the app's rulebook."""

    def sjekket(*args: Any, regler: object = None, **kw: Any) -> Any:
        assert regler is bok
        return assess(*args, regler=regler, **kw)

    return sjekket


def test_regel_som_feiler_paa_saken_er_500_med_id_og_navngir_regelen(tmp_path: Path) -> None:
    """A rule of the service's rules folder that fails on a case (a division by zero only the
    case shows) is the service's fault: 500 with the request id, naming file and rule as the
    command line does; in a batch that line alone is rejected, as by ``vurder --batch``."""
    from sosialregler.api import regelbok
    from test_regelfiler_fiendtlige import ENKEL, FIL, REGEL, regel, toml_tekst

    omrade = (
        f'[omrade]\nid = "fiendtlig"\ntittel = {{ nb = "F", nn = "F", en = "F" }}\n'
        f'hovedregel = "{REGEL}"\n\n'
    )
    mappe = tmp_path / "regler"  # the shipped rates and sources, and one rule that divides by 0
    shutil.copytree(REPO / "rules" / "satser", mappe / "satser")
    shutil.copy(REPO / "rules" / "kilder.toml", mappe / "kilder.toml")
    (mappe / FIL).write_text(
        omrade + regel(toml_tekst("1 / (soker.alder - soker.alder) > 1")), "utf-8"
    )
    with tjener(lag_app(regelbok(mappe))) as t, t.klient() as k:
        svar = k.post("/vurder", json=ENKEL)
        batch = k.post("/vurder/batch", content=linje(ENKEL) * 2, headers=JSONL)
    assert svar.status_code == 500
    data = svar.json()
    assert data["id"] == svar.headers["x-request-id"]
    (feil,) = data["feil"]
    assert feil["felt"] == "regler" and FIL in feil["melding"] and REGEL in feil["melding"]
    assert "Traceback" not in svar.text
    linjer = [json.loads(x) for x in batch.text.splitlines()]
    assert [x["indeks"] for x in linjer] == [0, 1]
    assert all("feil i reglene" in x["feil"][0]["melding"] for x in linjer)


def test_readmes_httpx_eksempel_virker(server: Tjener, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's Python client runs against the real server as written."""
    readme = (REPO / "README.md").read_text("utf-8")
    del_ = readme[readme.index("### The HTTP service") :]
    kode = del_[del_.index("```python\n") + 10 :]
    kode = kode[: kode.index("```")].replace("http://127.0.0.1:8000", server.url)
    familie = json.loads((REPO / "examples" / "familie.json").read_text("utf-8"))
    exec(compile(kode, "README.md", "exec"), {"sak": familie, "saker": [familie] * 3})
    ut = capsys.readouterr().out.splitlines()
    assert ut == ["skjonn", *["demo-familie-2024"] * 3]


@pytest.mark.parametrize("innholdstype", ["application/json; charset=UTF-8", "Application/JSON"])
def test_json_med_tegnsett_og_store_bokstaver_godtas(klient, innholdstype: str) -> None:
    fil = REPO / "examples" / "enslig.json"
    svar = klient.post("/vurder", content=fil.read_bytes(), headers={"content-type": innholdstype})
    assert svar.status_code == 200


@pytest.mark.parametrize(
    ("sti", "headere", "kropp", "status", "rad"),
    [
        ("/vurder", {}, b"{}", 415, "«Content-Type: application/json; charset=utf-8»"),
        ("/vurder", {"content-type": "text/plain"}, b"{}", 415, "«Content-Type: application/json"),
        (
            "/vurder/batch",
            {"content-type": "text/plain"},
            b"{}",
            415,
            "«Content-Type: application/x-ndjson; charset=utf-8» (application/jsonl og "
            "application/x-jsonlines godtas også)",
        ),
        ("/vurder", JSON, b" " * 5000, 413, "mange saker sendes til POST /vurder/batch"),
        ("/vurder/batch", JSONL, b" " * 20_000, 413, "Del sakene opp"),
    ],
)
def test_avvisningen_sier_hva_avsenderen_kan_gjore(
    smal: Tjener, sti: str, headere: dict[str, str], kropp: bytes, status: int, rad: str
) -> None:
    """A developer reading a 413 or 415 learns what to send instead (not a limit's key)."""
    with smal.klient() as k:
        svar = k.post(sti, content=kropp, headers=headere)
    assert svar.status_code == status
    (feil,) = svar.json()["feil"]
    assert rad in feil["melding"]
    assert "«byte" not in feil["melding"]


def test_503_sier_hvor_lenge_man_skal_vente() -> None:
    from sosialregler.verktoy.tjeneste.oppsett import Oppsett

    sak = (REPO / "examples" / "enslig.json").read_bytes()
    with tjener(lag_app(oppsett=Oppsett(tidsgrense=1e-9))) as t, t.klient() as k:
        svar = k.post("/vurder", content=sak, headers=JSON)
    assert svar.status_code == 503
    assert (
        f"prøv igjen om {svar.headers['retry-after']} sekunder" in svar.json()["feil"][0]["melding"]
    )


def test_openapi_forklarer_statusene_uten_kildefiler() -> None:
    """The statuses' descriptions are for a developer in another language: no Python files."""
    with tjener(lag_app()) as t, t.klient() as k:
        dok = k.get("/openapi.json").json()
    svar = dok["paths"]["/vurder"]["post"]["responses"]
    assert ".py" not in json.dumps(svar, ensure_ascii=False)
    assert "Retry-After" in svar["503"]["description"]
