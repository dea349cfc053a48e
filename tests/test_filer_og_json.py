"""Files, JSON text and arguments as a new user gets them wrong (issue 15, points 8 and 10).

Every fault is a rejection in Norwegian naming what is wrong, never Python's English wording:
an empty file, a misspelt name, Latin-1 text, a key given twice, a date out of bounds, a usage
error. A case saved as UTF-8 with a byte order mark (Notepad, Excel) is accepted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import fuzzhjelp as fh
from sosialregler import UgyldigSak, assess

REPO = Path(__file__).resolve().parent.parent
FAMILIE = (REPO / "examples" / "familie.json").read_text("utf-8")

#: Python's English, which must never reach a caseworker.
ENGELSK = ("Expecting", "Errno", "No such file", "codec", "usage:", "error:", "required")


def _norsk(tekst: str) -> None:
    assert not any(ord in tekst for ord in ENGELSK), tekst


# --- point 8 --------------------------------------------------------------------------------


def test_dobbel_nokkel_avvises_og_navngis() -> None:
    """Found: a second ``vurderingsdato`` silently decided the date (json keeps the last)."""
    tekst = FAMILIE.rstrip().rstrip("}") + ', "vurderingsdato": "2019-05-01"}'
    with pytest.raises(UgyldigSak) as feil:
        assess(tekst)
    (f,) = feil.value.feil
    assert f.felt == "vurderingsdato" and "to ganger" in f.melding


def test_dobbel_nokkel_inne_i_et_objekt() -> None:
    tekst = '{"personer": [{"id": "a", "rolle": "soker", "id": "b"}]}'
    with pytest.raises(UgyldigSak) as feil:
        assess(tekst, on="2024-03-01")
    assert [f.felt for f in feil.value.feil] == ["id"]


def test_minus_null_vises_som_null() -> None:
    """Found: a housing cost of -0.0 rendered as «Husleie −0» (and -0.0 in JSON)."""
    sak = json.loads(FAMILIE)
    sak["boutgifter"] = [{"type": "husleie", "belop_per_maned": -0.0}]
    vurdering = assess(sak)
    for sprak in ("nb", "en"):
        assert not re.search(r"[−-]0(?![0-9])", vurdering.explain(sprak).replace("-0", ""))
    assert "-0.0" not in vurdering.to_json()


@pytest.mark.parametrize("dato", ["9999-12-31", "2200-01-01", "1849-12-31"])
def test_dato_argumentet_har_samme_grenser_som_saken(dato: str) -> None:
    """Found: ``--dato 9999-12-31`` was accepted though a case's dates after 2199 are not."""
    with pytest.raises(UgyldigSak) as feil:
        assess(FAMILIE, on=dato)
    assert feil.value.feil[0].felt == "--dato" and "2199-12-31" in feil.value.feil[0].melding
    for kommando in (["vurder", str(REPO / "examples" / "familie.json")], ["regler"]):
        kjoring = fh.kjor_cli([*kommando, "--dato", dato])
        assert kjoring.kode == 2 and "urimelig dato" in kjoring.feil


# --- point 10 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("innhold", "forventet"),
    [
        pytest.param(b"", "teksten er tom", id="tom"),
        pytest.param(b"   \n", "teksten er tom", id="blank"),
        pytest.param('{"sak_id": "Ærlig"}'.encode("latin-1"), "ikke UTF-8", id="latin-1"),
        pytest.param(b'{"a": 1,}', "forventet et feltnavn", id="komma"),
        pytest.param(b'{"a" 1}', "forventet kolon", id="kolon"),
        pytest.param(b"{} x", "mer innhold etter", id="ekstra"),
    ],
)
def test_filfeil_pa_norsk(tmp_path: Path, innhold: bytes, forventet: str) -> None:
    """Found: an empty file gave «ikke gyldig JSON: Expecting value …», Latin-1 text a codec
    message; now Norwegian, with line and column for syntax errors."""
    fil = tmp_path / "sak.json"
    fil.write_bytes(innhold)
    for argumenter, stdin in (([str(fil)], b""), (["-"], innhold)):
        kjoring = fh.kjor_cli(["vurder", *argumenter], stdin)
        assert kjoring.kode == 2
        assert forventet in kjoring.feil
        _norsk(kjoring.feil)


def test_feilstavet_filnavn(tmp_path: Path) -> None:
    """Found: «[Errno 2] No such file or directory»."""
    for kommando in ("vurder", "gjengi", "soknad", "frister"):
        kjoring = fh.kjor_cli([kommando, str(tmp_path / "finnes-ikke.json")])
        assert kjoring.kode == 2 and "finnes ikke" in kjoring.feil
        _norsk(kjoring.feil)


def test_utf8_med_bom_godtas(tmp_path: Path) -> None:
    """Found: a case saved as UTF-8 with a BOM (Notepad, Excel) was rejected."""
    fil = tmp_path / "sak.json"
    fil.write_bytes(b"\xef\xbb\xbf" + FAMILIE.encode("utf-8"))
    assert fh.kjor_cli(["vurder", str(fil)]).kode == 0
    assert fh.kjor_cli(["vurder", "-"], fil.read_bytes()).kode == 0
    assert assess("\ufeff" + FAMILIE).to_json() == assess(FAMILIE).to_json()
    assert assess(fil.read_bytes()).to_json() == assess(FAMILIE).to_json()


@pytest.mark.parametrize(
    ("argumenter", "forventet"),
    [
        pytest.param(["vurder"], "disse argumentene mangler: SAK.json", id="mangler"),
        pytest.param(["vurder", "x", "--format", "xml"], "ugyldig valg 'xml'", id="valg"),
        pytest.param(["vurder", "x", "--formt", "json"], "ukjente argumenter", id="ukjent"),
        pytest.param(["vurder", "x", "--dato"], "--dato må ha en verdi", id="verdi"),
        pytest.param(["vurder", "x", "--batch", "--prosesser", "to"], "helt tall", id="tall"),
        pytest.param(["flytt"], "ugyldig valg 'flytt'", id="kommando"),
        pytest.param([], "disse argumentene mangler: KOMMANDO", id="ingen"),
    ],
)
def test_bruksfeil_pa_norsk(argumenter: list[str], forventet: str) -> None:
    """Found: argparse's usage errors were English («the following arguments are
    required»); now Norwegian, exit 2 as before."""
    kjoring = fh.kjor_cli(argumenter)
    assert kjoring.kode == 2
    assert "bruk: sosialregler" in kjoring.feil and "feil: " in kjoring.feil
    assert forventet in kjoring.feil, kjoring.feil
    _norsk(kjoring.feil)


def test_hjelp_pa_norsk() -> None:
    kjoring = fh.kjor_cli(["vurder", "-h"])
    assert kjoring.kode == 0
    assert kjoring.ut.startswith("bruk: ") and "\nvalg:\n" in kjoring.ut
    assert "show this help" not in kjoring.ut and "options:" not in kjoring.ut


def test_ukjent_bruksfeil_beholdes() -> None:
    """A message argparse may add in a later Python is kept rather than lost."""
    from sosialregler.verktoy.cli import norsk_bruksfeil

    assert norsk_bruksfeil("something new") == "something new"
