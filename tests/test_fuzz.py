"""Fuzzing the library's doors: the Python API, the command line and NAV's application (issue 10).

A caseworker's decision is a legal act. Whatever a case system sends, the answer is an
assessment or a rejection that names the faulty field (``UgyldigSak``; exit 2) — never another
exception, never exit 1 (an internal error), never a traceback. These tests draw inputs from
``fuzzhjelp``: near-valid cases with one fault (a field wrong, missing, of the wrong type, out
of range, an impossible date, an unknown id or type, an unknown key, deep nesting, huge
numbers, odd Unicode, values only Python can pass), arbitrary JSON, broken JSON text, tampered
decision records, and NAV's sample applications with one fault.

Every accepted input is also rendered in both languages, as contract JSON, and as a decision
record that reads back to the same texts.

Every crash fuzzing found (in contract.py, errors.py, cli.py, soknad.py, the record reader,
the rendering and a calculation) is kept at the end of this file as a regression test with its
minimal input; the owners fixed them during issue 10. A crash reported but not yet fixed goes
in ``fuzzhjelp.KJENTE_FEIL`` with a strict xfail test, and is then counted as an event
instead of failing the fuzz tests again; any other crash fails. The longer run (100 000 inputs) is
``benchmarks/fuzz_lang.py``; ``pytest -m slow`` runs 10 000 of them.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, event, example, given, note, settings
from hypothesis import strategies as st

import fuzzhjelp as fh
from sosialregler import Assessment, UgyldigSak, assess
from sosialregler.utdata.record import DIGESTFELT, innholdsdigest

REPO = Path(__file__).resolve().parent.parent
FAMILIE = json.loads((REPO / "examples" / "familie.json").read_text("utf-8"))
ENKEL: dict[str, Any] = {
    "vurderingsdato": "2024-03-01",
    "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}],
}


def _flere(faktor: float) -> settings:
    """``faktor`` times the profile's examples (50 by default, more in the ci/slow profiles)."""
    return settings(
        max_examples=max(10, int(settings().max_examples * faktor)),
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.filter_too_much,
        ],
    )


def _kjor(sjekk: Callable[..., str], *args: Any, **kwargs: Any) -> str:
    """Run a check; a crash already reported is counted as an event, a new one fails."""
    try:
        utfall = sjekk(*args, **kwargs)
    except Exception as exc:
        navn = fh.kjent_feil(exc)
        if navn is None:
            raise
        event(f"kjent feil: {navn}")
        return "kjent feil"
    event(utfall)
    return utfall


@pytest.fixture(scope="module")
def mappe() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sosialregler-fuzz-") as navn:
        yield Path(navn)


# --- the Python API ----------------------------------------------------------------------------


@_flere(3)
@given(fh.naer_gyldige())
def test_api_naer_gyldige_saker(par: tuple[Any, fh.Forventning]) -> None:
    """One fault in a valid case: assessed, or rejected naming the faulty field."""
    sak, forventet = par
    note(repr(forventet))
    event(f"feil: {forventet.art}")
    _kjor(fh.sjekk_api, fh.bygg(sak), forventet)


@_flere(1)
@given(fh.naer_gyldige(python=True))
def test_api_python_verdier(par: tuple[Any, fh.Forventning]) -> None:
    """Values only Python can pass (Decimal NaN, dates, sets, bytes, objects, keys that are
    not text) are rejections too, never a TypeError from deep inside."""
    sak, forventet = par
    note(repr(forventet))
    _kjor(fh.sjekk_api, fh.bygg(sak), forventet, python=True)


@_flere(1)
@given(
    st.one_of(
        fh.json_verdier(40),
        st.dictionaries(st.sampled_from(fh._KJENTE_NOKLER), fh.json_verdier(), max_size=8),
    )
)
def test_api_vilkarlig_json(doc: Any) -> None:
    """Any JSON value at all, as a dict or as JSON text."""
    _kjor(fh.sjekk_api, doc)
    _kjor(fh.sjekk_api, json.dumps(doc))


@_flere(1)
@given(fh.tekstmutasjoner(fh.gyldige_saker()))
def test_api_odelagt_json_tekst(data: bytes) -> None:
    """Broken JSON text (cut, flipped bytes, invalid UTF-8, a BOM, NaN, deep brackets, numbers
    of thousands of digits) is a rejection naming ``$`` or the field."""
    _kjor(fh.sjekk_api, data)


@_flere(0.5)
@given(
    fh.gyldige_saker(),
    st.one_of(
        st.none(),
        st.text(max_size=12),
        st.sampled_from(("2009-12-31", "2024-02-30", "2024-13-01", "２０２４-０３-０１", "")),
        st.dates().map(lambda d: d.isoformat()),
        st.dates(),
        st.datetimes(),
        st.integers(),
    ),
)
def test_api_vurderingsdato_argument(sak: dict[str, Any], on: Any) -> None:
    """``on=`` of any kind: a date in force, or a rejection naming ``--dato``."""
    _kjor(fh.sjekk_api, sak, on=on, python=True)


# --- the command line --------------------------------------------------------------------------


@_flere(2)
@given(
    fh.tekstmutasjoner(fh.gyldige_saker()),
    st.sampled_from(("tekst", "json", "vedtaksgrunnlag")),
    st.sampled_from(("nb", "en")),
    st.one_of(st.none(), st.sampled_from(("2024-03-01", "2009-12-31", "2024-02-30", "i dag"))),
    st.booleans(),
)
def test_cli_vurder(
    mappe: Path, data: bytes, format_: str, sprak: str, dato: str | None, stdin: bool
) -> None:
    """``sosialregler vurder`` of any file or standard input: exit 0 or 2, never 1."""
    fil = mappe / "sak.json"
    fil.write_bytes(data)
    argumenter = ["vurder", "-" if stdin else str(fil), "--format", format_, "--sprak", sprak]
    if dato is not None:
        argumenter += ["--dato", dato]
    _kjor(lambda: fh.sjekk_cli(fh.kjor_cli(argumenter, data if stdin else b""), format_))


@_flere(0.5)
@given(
    st.one_of(st.text(max_size=12), st.sampled_from(("2024-03-01", "2009-12-31", "2024-02-30"))),
    st.sampled_from(("tekst", "json")),
)
def test_cli_regler_dato(dato: str, format_: str) -> None:
    """``sosialregler regler --dato X``: the rules in force, or X rejected (exit 2)."""
    _kjor(
        lambda: fh.sjekk_cli(fh.kjor_cli(["regler", "--dato", dato, "--format", format_]), format_)
    )


# --- NAV's application (soknad.py) -------------------------------------------------------------

nav = pytest.mark.skipif(not fh.NAV_EKSEMPLER, reason="shared/external/soknadsosialhjelp mangler")


@nav
@_flere(2)
@given(fh.nav_soknader())
def test_nav_soknad_api(par: tuple[Any, fh.Forventning]) -> None:
    """NAV's sample applications with one fault: mapped and assessed, or rejected naming the
    path in the application."""
    soknad, forventet = par
    note(repr(forventet))
    event(f"feil: {forventet.art}")
    _kjor(fh.sjekk_soknad, fh.bygg(soknad), forventet)


@nav
@_flere(1)
@given(
    fh.tekstmutasjoner(fh.nav_soknader().map(lambda par: par[0])),
    st.sampled_from(("tekst", "json", "sak")),
)
def test_nav_soknad_cli(mappe: Path, data: bytes, format_: str) -> None:
    """``sosialregler soknad`` of a broken application file: exit 0 or 2, never 1."""
    fil = mappe / "soknad.json"
    fil.write_bytes(data)
    _kjor(lambda: fh.sjekk_cli(fh.kjor_cli(["soknad", str(fil), "--format", format_]), format_))


# --- decision records: re-rendered identically, refused when tampered with ---------------------


@pytest.fixture(scope="module")
def grunnlag() -> dict[str, Any]:
    """A stored record of the demo family in format 4 (its trees): every area, calculation
    lines, flags."""
    record: dict[str, Any] = json.loads(json.dumps(assess(FAMILIE).to_record(utgave=4)))
    return record


@pytest.fixture(scope="module", params=[4, 5], ids=["format4", "format5"])
def grunnlag_alle(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The demo family's record in each format written (5: input and trace, the default)."""
    utgave = request.param
    record: dict[str, Any] = json.loads(json.dumps(assess(FAMILIE).to_record(utgave=utgave)))
    return record


def _endre_utfall(r: dict[str, Any]) -> None:
    """The § 18 outcome made «oppfylt»: in format 4 the decision's, in format 5 the trace's."""
    if "vedtak" in r:
        r["vedtak"]["livsopphold"]["utfall"] = "oppfylt"
    else:
        utfall = r["spor"]["utfall"]["livsopphold"]
        utfall["oppfylt"] = [*utfall.get("oppfylt", []), "livsopphold"]


def _kanonisk(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


def test_vedtaksgrunnlag_har_digest_over_innholdet(grunnlag: dict[str, Any]) -> None:
    """``to_record`` writes a sha256 over everything but itself, and it checks out."""
    assert grunnlag[DIGESTFELT].startswith("sha256:")
    assert grunnlag[DIGESTFELT] == innholdsdigest(grunnlag)
    assert Assessment.from_record(grunnlag).explain("nb") == assess(FAMILIE).explain("nb")


@pytest.mark.parametrize("med_regler", [False, True], ids=["kompakt", "selvstendig"])
@_flere(0.4)
@given(sak=fh.fulle_saker())
def test_vedtaksgrunnlag_gjengis_likt(sak: dict[str, Any], med_regler: bool) -> None:
    """Records written by this version (compact and self-contained) read back and render
    identically, after a trip through JSON text, and keep their digest."""
    a = assess(sak)
    record = json.loads(json.dumps(a.to_record(med_regler=med_regler), ensure_ascii=False))
    b = Assessment.from_record(record)
    assert b.explain("nb") == a.explain("nb")
    assert b.explain("en") == a.explain("en")
    assert b.to_json() == a.to_json()
    assert b.to_record(med_regler=med_regler) == record


@pytest.mark.parametrize(
    "endring",
    [
        pytest.param(  # another last digit (a digest ending in 0 was left unchanged)
            lambda r: r.__setitem__(
                DIGESTFELT, r[DIGESTFELT][:-1] + ("1" if r[DIGESTFELT][-1] == "0" else "0")
            ),
            id="digest",
        ),
        pytest.param(lambda r: r.pop(DIGESTFELT), id="uten-digest"),
        pytest.param(lambda r: r.__setitem__(DIGESTFELT, None), id="digest-null"),
        pytest.param(lambda r: r.__setitem__(DIGESTFELT, "sha256:\ud800"), id="digest-surrogat"),
        pytest.param(_endre_utfall, id="utfall"),
        pytest.param(lambda r: r.__setitem__("vurderingsdato", "2024-03-02"), id="dato"),
        pytest.param(lambda r: r["inndata"]["personer"].pop(), id="inndata"),
        pytest.param(lambda r: r.__setitem__("ekstra", 1), id="nytt-felt"),
    ],
)
def test_manipulert_vedtaksgrunnlag_avvises(
    grunnlag_alle: dict[str, Any], mappe: Path, endring: Callable[[dict[str, Any]], Any]
) -> None:
    """A record changed after it was written is refused: ``ValueError`` from the API naming
    the digest, exit 2 from ``gjengi``."""
    record = copy.deepcopy(grunnlag_alle)
    endring(record)
    with pytest.raises(ValueError, match=DIGESTFELT):
        Assessment.from_record(record)
    fil = mappe / "vedtaksgrunnlag.json"
    fil.write_text(json.dumps(record, ensure_ascii=True), "utf-8")
    kjoring = fh.kjor_cli(["gjengi", str(fil)])
    assert kjoring.kode == 2, kjoring.feil
    assert DIGESTFELT in kjoring.feil


@_flere(1)
@given(data=st.data())
def test_vilkarlig_endret_vedtaksgrunnlag_avvises(
    grunnlag_alle: dict[str, Any], mappe: Path, data: st.DataObject
) -> None:
    """Any change anywhere in a record (a value, a key removed, a type) is refused, unless it
    leaves the content the same, in which case the text is the same."""
    record = copy.deepcopy(grunnlag_alle)
    stier = [s for s in fh.stier(record) if s]
    sti = data.draw(st.sampled_from(stier))
    if data.draw(st.booleans()):
        fh.fjern(record, sti)
    else:
        fh.sett(record, sti, data.draw(fh.json_verdier(6)))
    note(f"{fh.sti_tekst(sti)}")
    if _kanonisk(record) == _kanonisk(grunnlag_alle):
        event("uendret innhold")
        assert Assessment.from_record(record).explain("nb") == assess(FAMILIE).explain("nb")
        return
    with pytest.raises(ValueError, match=f"{DIGESTFELT}|format"):
        Assessment.from_record(record)
    fil = mappe / "vedtaksgrunnlag.json"
    fil.write_text(json.dumps(record, ensure_ascii=True), "utf-8")
    assert fh.kjor_cli(["gjengi", str(fil)]).kode == 2


@_flere(1)
@given(data=st.data())
def test_forfalsket_vedtaksgrunnlag_krasjer_ikke(
    grunnlag_alle: dict[str, Any], mappe: Path, data: st.DataObject
) -> None:
    """A record changed *and given a new digest* (the digest detects changes, it is not a
    signature) is rendered or refused by ``gjengi`` (exit 0 or 2), never an internal error."""
    record = copy.deepcopy(grunnlag_alle)
    stier = [s for s in fh.stier(record) if s and s[0] != DIGESTFELT]
    sti = data.draw(st.sampled_from(stier))
    if data.draw(st.booleans()):
        fh.fjern(record, sti)
    else:
        fh.sett(record, sti, data.draw(fh.json_verdier(6)))
    record[DIGESTFELT] = innholdsdigest(record)
    note(f"{fh.sti_tekst(sti)}")
    fil = mappe / "vedtaksgrunnlag.json"
    fil.write_text(json.dumps(record, ensure_ascii=True), "utf-8")
    _kjor(lambda: fh.sjekk_cli(fh.kjor_cli(["gjengi", str(fil)]), "tekst"))


# --- as a case system runs it: a real process, its exit status, its output ---------------------

#: Nasty inputs for a real subprocess: (name, bytes, expected exit status). (Bytes that are
#: not UTF-8 on standard input are test_funnet_stdin_som_ikke_er_utf8 below.)
PROSESSINNDATA = [
    ("gyldig", json.dumps(FAMILIE).encode(), 0),
    ("tom-fil", b"", 2),
    ("ikke-json", b"ikke json", 2),
    ("dype-klammer", b"[" * 100_000 + b"]" * 100_000, 2),
    ("nan", b'{"personer": NaN}', 2),
    ("liste", b"[]", 2),
    ("umulig-dato", json.dumps({**ENKEL, "vurderingsdato": "2023-02-29"}).encode(), 2),
    # past the input limits (issue 15): read no further than the limit, rejected naming it
    ("over-fem-megabyte", b'{"sak_id": "' + b"x" * 5_000_000 + b'"}', 2),
    (
        "over-200-personer",
        json.dumps(
            {
                **ENKEL,
                "personer": ENKEL["personer"]
                + [{"id": f"b{i}", "rolle": "barn"} for i in range(200)],
            }
        ).encode(),
        2,
    ),
    ("dypere-enn-32", json.dumps({**ENKEL, "x": fh.dyp(40, "objekt")}).encode(), 2),
    ("dobbel-nokkel", json.dumps(ENKEL).encode()[:-1] + b', "vurderingsdato": "2019-01-01"}', 2),
    ("utf8-med-bom", b"\xef\xbb\xbf" + json.dumps(FAMILIE).encode(), 0),
]


@pytest.mark.parametrize(
    ("navn", "data", "kode"), PROSESSINNDATA, ids=[p[0] for p in PROSESSINNDATA]
)
def test_cli_som_egen_prosess(mappe: Path, navn: str, data: bytes, kode: int) -> None:
    """``python -m sosialregler vurder`` in a subprocess, file and stdin: the exit status a
    case system sees, no traceback, and a JSON rejection naming every field."""
    fil = mappe / f"{navn}.json"
    fil.write_bytes(data)
    # A file for some, standard input for others: both paths, half the processes.
    kilde, inn = (str(fil), None) if len(navn) % 2 else ("-", data)
    prosess = subprocess.run(
        [sys.executable, "-m", "sosialregler", "vurder", kilde, "--format", "json"],
        input=inn,
        capture_output=True,
        timeout=120,
        check=False,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
    )
    assert b"Traceback" not in prosess.stderr, prosess.stderr.decode(errors="replace")
    assert prosess.returncode == kode, prosess.stderr.decode(errors="replace")
    ut = json.loads(prosess.stdout)
    assert ("vedtak" in ut) if kode == 0 else all(f["felt"] for f in ut["feil"])


# --- what fuzzing found: each crash's minimal input, kept as a regression test -----------------
# Each was first a strict xfail test naming the owner's file and line; the owners fixed them
# during issue 10 and the marks went. The docstring says what it was.


def test_funnet_tall_med_over_4300_siffer_i_json() -> None:
    """Found: a JSON number of more than 4 300 digits made json.loads raise a bare ValueError
    (Python's int limit) past contract.les_json: assess raised ValueError, not UgyldigSak."""
    with pytest.raises(UgyldigSak) as feil:
        assess('{"sak_id": ' + "9" * 4301 + "}")
    assert feil.value.feil[0].felt


def test_funnet_cli_tall_med_over_4300_siffer() -> None:
    """Found: the same through the CLI (vurder and soknad) exited 1."""
    assert fh.kjor_cli(["vurder", "-"], b'{"sak_id": ' + b"9" * 4301 + b"}").kode == 2


@pytest.mark.parametrize(
    "sak",
    [
        pytest.param({**ENKEL, "sak_id": "\ud800"}, id="vurdert"),
        pytest.param({**ENKEL, "\ud800": 1}, id="avvist"),
    ],
)
def test_funnet_enslig_surrogat_gir_ikke_exit_1(sak: dict[str, Any]) -> None:
    """Found: a lone surrogate ('\\ud800', valid as a JSON escape, impossible in UTF-8) was
    accepted in any text, and printing the JSON (cli.py, ensure_ascii=False) to a UTF-8 stdout
    failed: UnicodeEncodeError, exit 1."""
    kjoring = fh.kjor_cli(["vurder", "-", "--format", "json"], json.dumps(sak).encode())
    assert kjoring.kode in (0, 2), kjoring.feil


def test_funnet_dypt_nostet_verdi_i_api() -> None:
    """Found: a value nested 2 000 deep (an unknown field, through the Python API) made
    UgyldigSak's repr of the value (errors.py) recurse past the limit: RecursionError."""
    with pytest.raises(UgyldigSak) as feil:
        assess({**ENKEL, "x": fh.dyp(2000)})
    assert [f.felt for f in feil.value.feil] == ["x"]


@pytest.mark.parametrize(
    "soknad",
    [
        pytest.param(lambda: {"version": "1.0.0", "data": fh.dyp(2000, "objekt")}, id="data"),
        pytest.param(lambda: fh.dyp(2000), id="hele"),
    ],
)
def test_funnet_dypt_nostet_soknad(soknad: Callable[[], Any]) -> None:
    """Found: NAV's adapter (soknad.py _sjekk_datoer and _kort) recursed once per level: an
    application nested 2 000 deep gave RecursionError."""
    from sosialregler.verktoy.soknad import fra_soknad

    with pytest.raises(UgyldigSak):
        fra_soknad(soknad())


def test_funnet_botilbud_personer_som_tall() -> None:
    """Found: contract.py _kjente_personer iterated botilbud[i].personer even when it was not a
    list: a number gave TypeError (exit 1 from the CLI)."""
    sak = {**ENKEL, "botilbud": [{"personer": 1, "fra": "2024-01-01", "type": "hotell"}]}
    with pytest.raises(UgyldigSak) as feil:
        assess(sak)
    assert "botilbud[0].personer" in [f.felt for f in feil.value.feil]


def test_funnet_stdin_som_ikke_er_utf8() -> None:
    """Found: cli.py read standard input outside its try: bytes that are not UTF-8 gave
    UnicodeDecodeError and exit 1 (the same bytes in a file were rejected, exit 2)."""
    kjoring = fh.kjor_cli(["vurder", "-"], b"\xff\xfe{}")
    assert kjoring.kode == 2, kjoring.feil


@pytest.mark.parametrize("nokkel", ["", "\r", " "], ids=["tom", "cr", "mellomrom"])
def test_funnet_tom_nokkel_gir_et_felt(nokkel: str) -> None:
    """Found: an unknown key that is empty or blank ('', '\\r') was named by itself, so the
    rejection's felt was blank and named no field (sti.nokkel)."""
    with pytest.raises(UgyldigSak) as feil:
        assess({**ENKEL, nokkel: 1})
    assert all(f.felt.strip() for f in feil.value.feil)


@example(sak={**ENKEL, "sak_id": "\ud800"})
@given(sak=st.just(ENKEL))
def test_api_tar_imot_surrogat_uten_krasj(sak: dict[str, Any]) -> None:
    """A lone surrogate (valid as a JSON escape, impossible in UTF-8) is no crash: a text that
    carries one is rejected naming its field; a case without one assesses and round-trips."""
    if "\ud800" in json.dumps(sak, ensure_ascii=False):
        with pytest.raises(UgyldigSak) as feil:
            assess(sak)
        assert [f.felt for f in feil.value.feil] == ["sak_id"]
        return
    a = assess(sak)
    record = json.loads(json.dumps(a.to_record()))
    assert Assessment.from_record(record).to_json() == a.to_json()


@pytest.mark.parametrize(
    "sak",
    [
        pytest.param({**ENKEL, 1: "a", "b": 2}, id="blandet"),
        pytest.param({**ENKEL, 1: "a"}, id="tall"),
    ],
)
def test_funnet_nokler_som_ikke_er_tekst(sak: dict[Any, Any]) -> None:
    """Found: keys that are not text (possible through the Python API) made contract.py's
    sorted() of the unknown keys raise TypeError, or became a felt that was not text."""
    with pytest.raises(UgyldigSak) as feil:
        assess(sak)
    assert all(isinstance(f.felt, str) and f.felt for f in feil.value.feil)


@pytest.mark.parametrize(
    "endring",
    [
        pytest.param(lambda r: r.__setitem__("vedtak", []), id="vedtak-liste"),
        pytest.param(
            lambda r: r["vedtak"]["livsopphold"]["tre"]["barn"].__setitem__(0, None), id="node-null"
        ),
    ],
)
def test_funnet_forfalsket_vedtaksgrunnlag_gir_ikke_exit_1(
    grunnlag: dict[str, Any], mappe: Path, endring: Callable[[dict[str, Any]], Any]
) -> None:
    """Found: a record changed *and given a new digest* (vedtak = [], a node's child null, an
    amount that is a list) crashed from_record or the rendering after it: exit 1 from gjengi."""
    record = copy.deepcopy(grunnlag)
    endring(record)
    record[DIGESTFELT] = innholdsdigest(record)
    fil = mappe / "forfalsket.json"
    fil.write_text(json.dumps(record), "utf-8")
    assert fh.kjor_cli(["gjengi", str(fil)]).kode == 2


def test_funnet_selvstendig_vedtaksgrunnlag_skrives_likt_pa_nytt() -> None:
    """Found: a self-contained record read back and written again got other rule fingerprints
    (computed over only the texts it carried), so the record changed."""
    record = json.loads(json.dumps(assess(FAMILIE).to_record(med_regler=True)))
    assert Assessment.from_record(record).to_record(med_regler=True) == record


# --- the longer run ----------------------------------------------------------------------------


@pytest.mark.slow
def test_fuzz_lang_10_000() -> None:
    """10 000 inputs through every door (``benchmarks/fuzz_lang.py``; 100 000 by hand): no new
    crash."""
    import importlib.util
    import os

    spec = importlib.util.spec_from_file_location("fuzz_lang", REPO / "benchmarks" / "fuzz_lang.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    utfall, nye = modul.kjor(10_000, os.cpu_count() or 1, 1)
    assert sum(utfall.values()) >= 9_500, utfall
    assert not nye, "\n\n".join(f"{n['kategori']}: {n['feil']}\n{n['inndata']}" for n in nye)


def test_funnet_reduksjon_med_vilkar_som_liste() -> None:
    """Found: reduksjoner[i].vilkar of the wrong JSON type (a list) made contract.py's
    satt.get(...) raise TypeError ('unhashable type')."""
    sak = {
        **ENKEL,
        "vilkar": [{"id": "v1", "person": "p1", "type": "annen", "satt_dato": "2024-01-01"}],
        "reduksjoner": [{"vilkar": [], "dato": "2024-02-01", "belop_per_maned": 100}],
    }
    with pytest.raises(UgyldigSak) as feil:
        assess(json.dumps(sak))
    assert "reduksjoner[0].vilkar" in [f.felt for f in feil.value.feil]


#: A temporary stay from 2010 assessed in 2094: 1 008 months, a count held as a Decimal.
LANGT_OPPHOLD: dict[str, Any] = {
    "vurderingsdato": "2094-01-01",
    "personer": [{"id": "a", "rolle": "soker"}],
    "botilbud": [{"personer": ["a"], "fra": "2010-01-01", "type": "hospits"}],
}


def test_funnet_helt_desimaltall_over_tusen_gjengis_likt() -> None:
    """Found: record.py's _type dropped the type of a whole Decimal, but explain.py formats a
    Decimal with thousands separators and an int without: '1 008 måneder' when assessed,
    '1008 måneder' from the stored record (found with --dato 6239-12-10)."""
    a = assess(LANGT_OPPHOLD)
    b = Assessment.from_record(json.loads(json.dumps(a.to_record())))
    assert b.explain("nb") == a.explain("nb")


@pytest.mark.parametrize("felt", ["program_slutt", "forlenget_til"])
def test_funnet_kvp_som_slutter_9999_12_31(felt: str) -> None:
    """Found: areas/kvalifisering.py added a day to kvp.program_slutt / forlenget_til: 9999-12-31
    (which the contract then accepted) raised OverflowError out of assess, exit 1."""
    kvp = {"person": "p1", "program_start": "2024-01-01", "program_slutt": "2024-12-31"}
    kvp[felt] = "9999-12-31"
    assert fh.sjekk_api({**ENKEL, "kvp": kvp}) in ("vurdert", "avvist")


def test_funnet_forfalsket_vedtaksgrunnlag_uten_hovedregel(
    grunnlag: dict[str, Any], mappe: Path
) -> None:
    """Found: a forged record whose tree lacks the main rule's node passed from_record, and
    rendering failed an assert (assessment.py Vedtak.hovednode) outside gjengi's try: exit 1."""
    record = copy.deepcopy(grunnlag)
    del record["vedtak"]["livsopphold"]["tre"]["barn"]
    record[DIGESTFELT] = innholdsdigest(record)
    fil = mappe / "forfalsket.json"
    fil.write_text(json.dumps(record), "utf-8")
    assert fh.kjor_cli(["gjengi", str(fil)]).kode == 2


# --- around the input limits (issue 15) --------------------------------------------------------


@_flere(1)
@given(fh.ved_grensene())
def test_api_ved_grensene(tilfelle: fh.VedGrensen) -> None:
    """A valid case grown to a (small) limit, or one past it: over it, a rejection naming the
    limit; at it, never a rejection for it."""
    note(repr((tilfelle.navn, tilfelle.over, tilfelle.grenser)))
    event(f"{tilfelle.navn} {'over' if tilfelle.over else 'ved'} grensen")
    _kjor(fh.sjekk_grense, tilfelle)
