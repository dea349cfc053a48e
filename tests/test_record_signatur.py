"""What a record's digest and signature protect (issue 15, point 9).

The digest is sha256 over the record: it shows an accidental change, but whoever edits a
record computes it again, so a forged record rendered «Oppfylt, 99 850 kr» where the decision
was «skjønn, 19 850 kr». Now re-rendering re-checks that the amounts add up (a forged amount is
refused with or without a key), and a record signed with the office's key (HMAC-SHA256) is
refused, when a key is configured, if it is unsigned or its signature does not match (a
forged legal text in a self-contained record).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sosialregler import Assessment, assess
from sosialregler.utdata.record import (
    NOKKEL_MILJO,
    SIGNATURFELT,
    UTEN_NOKKEL,
    VERN_DIGEST,
    VERN_SIGNATUR,
    VERNFELT,
    innholdsdigest,
    les_nokkel,
)
from sosialregler.verktoy.cli import main

EKSEMPLER = Path(__file__).parent.parent / "examples"
NOKKEL = b"0123456789abcdef0123456789abcdef-kontorets-nokkel"
ANNEN_NOKKEL = b"fedcba9876543210fedcba9876543210-en-annen-nokkel"


def _sak(navn: str) -> dict[str, Any]:
    return json.loads((EKSEMPLER / f"{navn}.json").read_text(encoding="utf-8"))


def _grunnlag(navn: str = "familie", **kw: Any) -> dict[str, Any]:
    return json.loads(json.dumps(assess(_sak(navn)).to_record(**kw)))


def _ny_digest(data: dict[str, Any]) -> dict[str, Any]:
    data["digest"] = innholdsdigest(data)
    return data


def _forfalsk_belop(data: dict[str, Any]) -> dict[str, Any]:
    """The forgery the issue found: skjønn, 19 850 kr made «Oppfylt, 99 850 kr»."""
    v = data["vedtak"]["livsopphold"]
    assert (v["utfall"], v["utdata"]["belop_per_maned"]) == ("skjonn", 19850)
    v["utfall"] = "oppfylt"
    v["utdata"]["belop_per_maned"] = 99850
    data["fakta"]["livsopphold"]["belop_per_maned"] = 99850
    return _ny_digest(data)


def test_forfalsket_belop_avvises_uten_nokkel() -> None:
    with pytest.raises(ValueError, match="stemmer ikke med seg selv: livsopphold"):
        Assessment.from_record(_forfalsk_belop(_grunnlag(utgave=4)))


def test_forfalsket_belop_alene_avvises() -> None:
    """Only the amount (the outcome left alone): the lines do not sum to it."""
    data = _grunnlag(utgave=4)
    data["vedtak"]["livsopphold"]["utdata"]["belop_per_maned"] = 99850
    with pytest.raises(ValueError, match="stemmer ikke med seg selv: livsopphold"):
        Assessment.from_record(_ny_digest(data))


def test_forfalsket_beregningslinje_avvises() -> None:
    """A line changed (the rent) without the amount."""
    data = _grunnlag(utgave=4)
    linje = data["vedtak"]["livsopphold"]["beregning"][-1]
    linje["felt"]["belop"] = Decimal(linje["felt"]["belop"]) + 80000
    linje["felt"]["belop"] = int(linje["felt"]["belop"])
    with pytest.raises(ValueError, match="stemmer ikke med seg selv"):
        Assessment.from_record(_ny_digest(data))


@pytest.mark.parametrize(
    "felt", ["stonad_per_ar", "stonad_etter_reduksjon_per_ar", "barnetillegg_per_ar"]
)
def test_forfalsket_kvp_belop_avvises(felt: str) -> None:
    data = _grunnlag("kvp", utgave=4)
    utdata = data["vedtak"]["kvalifiseringsstonad"]["utdata"]
    utdata[felt] = int(utdata[felt]) + 100000
    with pytest.raises(ValueError, match="stemmer ikke med seg selv: kvalifiseringsstonad"):
        Assessment.from_record(_ny_digest(data))


def test_forfalsket_belop_avvises_av_gjengi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(NOKKEL_MILJO, raising=False)
    fil = tmp_path / "v.json"
    fil.write_text(json.dumps(_forfalsk_belop(_grunnlag(utgave=4))), encoding="utf-8")
    assert main(["gjengi", str(fil)]) == 2
    ut = capsys.readouterr()
    assert "99 850" not in ut.out
    assert "stemmer ikke med seg selv" in ut.err


def _forfalsk_lovtekst(data: dict[str, Any]) -> dict[str, Any]:
    """A self-contained record's legal text rewritten (the digest computed again)."""
    for versjoner in data["regler_brukt"].values():
        for regel in versjoner.values():
            for maler in regel["tekster"].values():
                maler["nb"] = "Du har rett på 99 850 kr."
    return _ny_digest(data)


def test_forfalsket_lovtekst_avvises_med_nokkel() -> None:
    data = _forfalsk_lovtekst(_grunnlag(med_regler=True, nokkel=NOKKEL))
    with pytest.raises(ValueError, match="feil signatur"):
        Assessment.from_record(data, nokkel=NOKKEL)


def test_uten_nokkel_bare_digest() -> None:
    """Without a key only the digest is checked, which a forger recomputes: the forged text
    renders. That is the limit the record and README state (``vern``)."""
    data = _forfalsk_lovtekst(_grunnlag(med_regler=True))
    assert data[VERNFELT] == VERN_DIGEST
    assert SIGNATURFELT not in data
    assert "99 850" in Assessment.from_record(data).explain("nb")


def test_usignert_avvises_med_nokkel() -> None:
    with pytest.raises(ValueError, match="ikke signert"):
        Assessment.from_record(_grunnlag(), nokkel=NOKKEL)


def test_annen_nokkel_avvises() -> None:
    with pytest.raises(ValueError, match="feil signatur"):
        Assessment.from_record(_grunnlag(nokkel=NOKKEL), nokkel=ANNEN_NOKKEL)


@pytest.mark.parametrize("med_regler", [False, True])
def test_signert_godtas(med_regler: bool) -> None:
    a = assess(_sak("familie"))
    data = json.loads(json.dumps(a.to_record(med_regler=med_regler, nokkel=NOKKEL)))
    assert data[VERNFELT] == VERN_SIGNATUR
    assert data[SIGNATURFELT].startswith("hmac-sha256:")
    b = Assessment.from_record(data, nokkel=NOKKEL)
    assert b.explain("nb") == a.explain("nb")
    # A signed record still reads where no key is configured (its digest is checked).
    assert Assessment.from_record(data).explain("nb") == a.explain("nb")


def test_signert_men_endret_avvises() -> None:
    data = _grunnlag(nokkel=NOKKEL)
    data["sak_id"] = "en annen sak"
    with pytest.raises(ValueError, match="feil signatur"):
        Assessment.from_record(_ny_digest(data), nokkel=NOKKEL)


def test_gjengi_med_nokkelfil(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(NOKKEL_MILJO, raising=False)
    nokkelfil = tmp_path / "nokkel"
    nokkelfil.write_bytes(NOKKEL + b"\n")
    sak = tmp_path / "sak.json"
    sak.write_text(json.dumps(_sak("familie")), encoding="utf-8")
    assert (
        main(["vurder", str(sak), "--format", "vedtaksgrunnlag", "--nokkel", str(nokkelfil)]) == 0
    )
    signert = tmp_path / "signert.json"
    signert.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["gjengi", str(signert), "--nokkel", str(nokkelfil)]) == 0
    ut = capsys.readouterr()
    assert "Vurderingsdato" in ut.out
    assert UTEN_NOKKEL not in ut.err
    # the same key from the environment
    monkeypatch.setenv(NOKKEL_MILJO, NOKKEL.decode())
    assert main(["gjengi", str(signert)]) == 0
    # an unsigned record is refused where a key is configured
    usignert = tmp_path / "usignert.json"
    usignert.write_text(json.dumps(_grunnlag()), encoding="utf-8")
    assert main(["gjengi", str(usignert)]) == 2
    assert "ikke signert" in capsys.readouterr().err


def test_gjengi_uten_nokkel_sier_at_bare_digest_er_kontrollert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(NOKKEL_MILJO, raising=False)
    fil = tmp_path / "v.json"
    fil.write_text(json.dumps(_grunnlag()), encoding="utf-8")
    assert main(["gjengi", str(fil)]) == 0
    assert UTEN_NOKKEL in capsys.readouterr().err


@pytest.mark.parametrize("nokkel", ["", "kort", "x" * 31])
def test_for_kort_nokkel_avvises(nokkel: str, tmp_path: Path) -> None:
    fil = tmp_path / "nokkel"
    fil.write_text(nokkel, encoding="utf-8")
    with pytest.raises(ValueError, match="for kort"):
        les_nokkel(str(fil), {})
    if nokkel:
        with pytest.raises(ValueError, match=NOKKEL_MILJO):
            les_nokkel(None, {NOKKEL_MILJO: nokkel})


def test_nokkel_fra_fil_og_miljo(tmp_path: Path) -> None:
    fil = tmp_path / "nokkel"
    fil.write_bytes(b"  " + NOKKEL + b"\r\n")
    assert les_nokkel(str(fil), {NOKKEL_MILJO: "ignorert"}) == NOKKEL
    assert les_nokkel(None, {NOKKEL_MILJO: NOKKEL.decode()}) == NOKKEL
    assert les_nokkel(None, {}) is None
    with pytest.raises(ValueError, match="kan ikke leses"):
        les_nokkel(str(tmp_path / "finnes-ikke"), {})
