"""Many cases at once: ``assess_many`` and ``sosialregler vurder --batch``.

Results come back in input order whatever the processes and chunks; a rejected case (or a bug
in one case) is reported on that case and the batch goes on. The tests with ``processes=2``
start real worker processes the ``spawn`` way, as a case system would.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import REPO, kjor
from sosialregler import Assessment, Avvist, RegelFeil, UgyldigSak, assess, assess_many, regelbok
from sosialregler.verktoy import batch
from sosialregler.verktoy.oppfolging import eksempelsaker

DATO = "2024-06-01"


def gode(antall: int, seed: int = 1) -> list[str]:
    return [json.dumps(s) for s in eksempelsaker(antall, DATO, seed=seed)]


def saker(antall: int = 40, seed: int = 1) -> list[Any]:
    """Generated cases with three bad ones at known places (as JSON text, a dict, a list)."""
    assert antall >= 12
    ut: list[Any] = list(gode(antall, seed))
    ut[3] = "{ikke json"
    darlig = json.loads(ut[10])
    darlig["personer"][0]["fodselsdato"] = "1990-02-30"
    ut[10] = darlig
    ut[-1] = [1, 2]
    return ut


def utfall(vurdering: Assessment) -> dict[str, str]:
    """A module-level ``resultat`` function (workers find it by name)."""
    return {navn: v.utfall.value for navn, v in vurdering.vedtak.items()}


def feiler_for_sak_5(vurdering: Assessment) -> str:
    if vurdering.sak_id == "sak-000006":
        raise RuntimeError("en feil i én sak")
    return vurdering.sak_id or ""


def forventet(alle: list[Any]) -> list[Any]:
    """What each case gives when assessed alone."""
    ut = []
    for i, sak in enumerate(alle):
        try:
            ut.append(utfall(assess(sak, on=DATO)))
        except UgyldigSak as exc:
            sak_id = sak.get("sak_id") if isinstance(sak, dict) else None
            ut.append(Avvist(i, sak_id, tuple(exc.feil)))
    return ut


def test_en_prosess_gir_svar_i_rekkefolge_med_avviste_saker() -> None:
    alle = saker()
    svar = list(assess_many(alle, on=DATO, chunk_size=7, resultat=utfall))
    assert svar == forventet(alle)
    avviste = [s for s in svar if isinstance(s, Avvist)]
    assert [(a.indeks, a.sak_id) for a in avviste] == [(3, None), (10, "sak-000011"), (39, None)]
    assert avviste[1].feil[0].felt == "personer[0].fodselsdato"
    assert "ikke gyldig JSON" in avviste[0].feil[0].melding


def test_to_prosesser_gir_samme_svar_i_samme_rekkefolge() -> None:
    alle = saker(60)
    svar = list(assess_many(alle, processes=2, chunk_size=5, on=DATO, resultat=utfall))
    assert svar == forventet(alle)


def test_json_er_kontraktens_svar_paa_en_linje() -> None:
    alle = [*gode(6), "{}"]
    for sak, linje in zip(alle, assess_many(alle, on=DATO, resultat="json"), strict=True):
        if isinstance(linje, Avvist):
            continue
        assert "\n" not in linje
        assert json.loads(linje) == json.loads(assess(sak, on=DATO).to_json())


def test_vurdering_er_standard_og_dato_gjelder_alle() -> None:
    alle = [json.loads(s) for s in gode(3)]
    svar = list(assess_many(alle, on=DATO))
    assert all(isinstance(v, Assessment) for v in svar)
    assert {v.vurderingsdato.isoformat() for v in svar} == {DATO}


def test_intern_feil_i_en_sak_stopper_ikke_resten() -> None:
    alle = saker(12)
    svar = list(assess_many(alle, on=DATO, chunk_size=4, resultat=feiler_for_sak_5))
    assert len(svar) == 12
    intern = svar[5]
    assert isinstance(intern, Avvist) and intern.intern and intern.sak_id == "sak-000006"
    assert "RuntimeError: en feil i én sak" in intern.feil[0].melding
    assert svar[6] == "sak-000007"
    assert intern.to_dict()["intern_feil"] is True


def test_generator_uten_lengde_og_tidlig_stopp() -> None:
    kilde = (json.dumps(s) for s in eksempelsaker(30, DATO))
    svar = assess_many(kilde, processes=2, chunk_size=3, on=DATO, resultat=utfall)
    forste = [next(svar) for _ in range(4)]
    svar.close()  # stops the workers; must not hang
    assert len(forste) == 4 and all(isinstance(s, dict) for s in forste)


def test_ugyldig_dato_og_argumenter_avvises_straks() -> None:
    with pytest.raises(UgyldigSak) as feil:
        assess_many([], on="2024-02-30")
    assert feil.value.feil[0].felt == "--dato"
    with pytest.raises(ValueError):
        assess_many([], processes=0)
    with pytest.raises(ValueError):
        assess_many([], resultat="xml")


def test_fremdrift_som_funksjon() -> None:
    meldt: list[tuple[int, int | None]] = []
    list(assess_many(saker(25), on=DATO, chunk_size=10, progress=lambda n, t: meldt.append((n, t))))
    assert meldt == [(10, 25), (20, 25), (25, 25)]


def test_fremdriftslinje_og_ingen_linje_uten_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    list(assess_many(gode(3), on=DATO))  # stderr is not a terminal under pytest
    assert capsys.readouterr().err == ""
    strom = io.StringIO()
    linje = batch.Fremdrift(200, strom)
    linje.oppdater(50)
    linje.oppdater(-1)
    tekst = strom.getvalue()
    assert "50/200 saker (25%)" in tekst and tekst.endswith("\n")
    assert "#" * 7 + "-" in tekst
    uten_total = batch.Fremdrift(None, io.StringIO())
    uten_total.ferdig = 1234
    assert uten_total.linje().startswith("1 234 saker, ")


def test_egen_regelmappe_i_arbeidsprosessene(tmp_path: Path) -> None:
    mappe = tmp_path / "regler"
    shutil.copytree(REPO / "rules", mappe)
    bok = regelbok(regler=mappe)
    alle = saker(12)
    svar = list(assess_many(alle, processes=2, chunk_size=4, on=DATO, regler=bok, resultat="json"))
    for sak, linje in zip(alle, svar, strict=True):
        if not isinstance(linje, Avvist):
            assert json.loads(linje)["versjon"]["regler"] == bok.digest
            assert json.loads(linje) == assess(sak, on=DATO, regler=bok).to_dict()


def test_arbeider_med_andre_regler_nekter() -> None:
    with pytest.raises(RegelFeil, match="andre regler"):
        batch._arbeid([(0, "{}")], None, "vurdering", "sha256:en-annen")


def test_avvist_to_dict() -> None:
    (avvist,) = assess_many(['{"sak_id": "x", "personer": 1}'])
    assert avvist.to_dict() == {
        "feil": [{"felt": "personer", "verdi": 1, "melding": "må være en liste, ikke et tall"}],
        "indeks": 0,
        "sak_id": "x",
    }


# --- sosialregler vurder --batch -----------------------------------------------------------------


def jsonl(tmp_path: Path, alle: list[Any]) -> Path:
    fil = tmp_path / "saker.jsonl"
    linjer = [s if isinstance(s, str) else json.dumps(s) for s in alle]
    linjer.insert(5, "   ")  # a blank line is skipped, not a case
    fil.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    return fil


def test_cli_batch_skriver_en_linje_per_sak(tmp_path: Path) -> None:
    alle = saker(15)
    k = kjor("vurder", "--batch", jsonl(tmp_path, alle), "--dato", DATO)
    assert k.kode == 0, k.feil
    linjer = [json.loads(linje) for linje in k.ut.splitlines()]
    assert len(linjer) == 15
    assert linjer[3]["indeks"] == 3 and linjer[3]["sak_id"] is None and linjer[3]["feil"]
    assert linjer[3]["linje"] == 4
    assert linjer[10]["sak_id"] == "sak-000011" and linjer[10]["linje"] == 12  # after the blank
    assert linjer[0] == assess(alle[0], on=DATO).to_dict()
    assert "15 saker, 12 vurdert, 3 avvist, 0 interne feil" in k.feil


def test_cli_batch_fra_standard_inn_med_to_prosesser(tmp_path: Path) -> None:
    alle = saker(12)
    tekst = jsonl(tmp_path, alle).read_text(encoding="utf-8")
    k = kjor("vurder", "--batch", "-", "--dato", DATO, "--prosesser", "2", stdin=tekst)
    assert k.kode == 0, k.feil
    ut = [json.loads(linje) for linje in k.ut.splitlines()]
    assert [u.get("sak_id") for u in ut] == [batch._sak_id(s) for s in alle]
    assert [("feil" in u) for u in ut] == [i in (3, 10, 11) for i in range(12)]


def test_cli_batch_vedtaksgrunnlag_og_feil_dato(tmp_path: Path) -> None:
    fil = jsonl(tmp_path, gode(3))
    k = kjor("vurder", "--batch", fil, "--dato", DATO, "--format", "vedtaksgrunnlag")
    assert k.kode == 0
    forste = json.loads(k.ut.splitlines()[0])
    assert Assessment.from_record(forste).sak_id == "sak-000001"
    k = kjor("vurder", "--batch", fil, "--dato", "2024-13-01")
    assert k.kode == 2 and json.loads(k.ut)["feil"][0]["felt"] == "--dato"
    k = kjor("vurder", "--batch", tmp_path / "finnes-ikke.jsonl")
    assert k.kode == 2 and "kan ikke leses" in k.ut


def test_cli_vurder_uten_batch_er_uendret() -> None:
    k = kjor("vurder", REPO / "examples" / "familie.json", "--format", "json")
    assert k.kode == 0
    sak = json.loads((REPO / "examples" / "familie.json").read_text(encoding="utf-8"))
    assert json.loads(k.ut) == assess(sak).to_dict()


# --- issue 15, point 1: results travel between processes -----------------------------------------

EKSEMPLER = sorted((REPO / "examples").glob("*.json"))


@pytest.mark.parametrize("fil", EKSEMPLER, ids=[f.stem for f in EKSEMPLER])
def test_vurdering_kan_picklas_tur_retur(fil: Path) -> None:
    """Found (issue 15): an ``Assessment`` could not be pickled (``cannot pickle 'mappingproxy'
    object``, the shared empty facts of every structural node), so ``assess_many`` with
    processes and its default ``resultat="vurdering"`` returned nothing. Every example goes
    there and back, as does one rebuilt from its record, and renders the same."""
    import pickle

    for vurdering in (
        assess(json.loads(fil.read_text("utf-8"))),
        Assessment.from_record(assess(json.loads(fil.read_text("utf-8"))).to_record()),
    ):
        kopi = pickle.loads(pickle.dumps(vurdering))
        assert kopi == vurdering
        assert kopi.explain("nb") == vurdering.explain("nb")
        assert kopi.to_json() == vurdering.to_json()


def test_readme_eksempelet_med_to_prosesser() -> None:
    """The README's own example, as written there: ``assess_many(saker, processes=2)`` with
    the default result, an ``Assessment`` per case, in order."""
    saker = [json.loads(f.read_text("utf-8")) for f in EKSEMPLER]
    resultater = []
    for resultat in assess_many(saker, processes=2):  # as in README.md
        resultater.append(resultat)
    assert [r.to_json() for r in resultater] == [assess(s).to_json() for s in saker]


# --- signed records from a batch, the same as from one case --------------------------------------

NOKKEL = b"0123456789abcdef0123456789abcdef-kontorets-nokkel"


@pytest.mark.parametrize("prosesser", ["1", "2"])
def test_cli_batch_signerer_vedtaksgrunnlag_med_kontorets_nokkel(
    tmp_path: Path, prosesser: str
) -> None:
    """``vurder --batch --format vedtaksgrunnlag --nokkel FIL`` signs every record as
    ``vurder --format vedtaksgrunnlag --nokkel FIL`` signs one: ``gjengi`` with the key takes it."""
    nokkelfil = tmp_path / "nokkel"
    nokkelfil.write_bytes(NOKKEL)
    fil = jsonl(tmp_path, gode(3))
    k = kjor(
        "vurder", "--batch", fil, "--dato", DATO, "--format", "vedtaksgrunnlag",
        "--nokkel", nokkelfil, "--prosesser", prosesser,
    )  # fmt: skip
    assert k.kode == 0, k.feil
    poster = [json.loads(linje) for linje in k.ut.splitlines()]
    assert len(poster) == 3
    for post, sak in zip(poster, gode(3), strict=True):
        assert post["signatur"].startswith("hmac-sha256:")
        assert post == assess(sak, on=DATO).to_record(nokkel=NOKKEL)
        Assessment.from_record(post, nokkel=NOKKEL)  # a wrong signature would raise


def test_batch_signerer_fra_miljoet_og_avviser_for_kort_nokkel(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    fil = jsonl(tmp_path, gode(2))
    miljo = {**os.environ, "SOSIALREGLER_NOKKEL": NOKKEL.decode(), "PYTHONIOENCODING": "utf-8"}
    argv = ["vurder", "--batch", str(fil), "--dato", DATO, "--format", "vedtaksgrunnlag"]
    p = subprocess.run(
        [sys.executable, "-m", "sosialregler", *argv],
        capture_output=True, text=True, encoding="utf-8", env=miljo, check=False, timeout=60,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert all(json.loads(x)["signatur"] for x in p.stdout.splitlines())
    kort = tmp_path / "kort"
    kort.write_text("kort", encoding="utf-8")
    k = kjor("vurder", "--batch", fil, "--format", "vedtaksgrunnlag", "--nokkel", kort)
    assert k.kode == 2 and "for kort" in k.ut and "--nokkel" in k.ut


def test_assess_many_signerer_og_nokkel_krever_vedtaksgrunnlag() -> None:
    sak = gode(1)[0]
    [post] = assess_many([sak], on=DATO, resultat="vedtaksgrunnlag", nokkel=NOKKEL)
    assert json.loads(post) == assess(sak, on=DATO).to_record(nokkel=NOKKEL)
    with pytest.raises(ValueError, match="vedtaksgrunnlag"):
        assess_many([sak], on=DATO, resultat="json", nokkel=NOKKEL)


# --- bounded JSON Lines: no input is read whole ------------------------------------------------


class _LangLinje(io.RawIOBase):
    """Standard input with one line of ``storrelse`` bytes made as it is read (never held by
    the test), then two good cases."""

    def __init__(self, storrelse: int, etter: str) -> None:
        self.igjen = storrelse
        self.etter = etter.encode("utf-8")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.igjen > 0:
            n = min(len(buffer), self.igjen)
            buffer[:n] = b"x" * n
            self.igjen -= n
            return n
        n = min(len(buffer), len(self.etter))
        buffer[:n] = self.etter[:n]
        self.etter = self.etter[n:]
        return n


def _kjor_med_stdin(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    rå: io.RawIOBase,
    *argv: str,
) -> tuple[int, str, int]:
    """``main(argv)`` with ``rå`` as standard input; the exit code, the output, and the
    peak memory (tracemalloc) while it ran."""
    import sys
    import tracemalloc

    from sosialregler.verktoy.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(rå), encoding="utf-8"))
    tracemalloc.start()
    try:
        kode = main(list(argv))
        _, topp = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return kode, capsys.readouterr().out, topp


STOR_LINJE = 40_000_000  # bytes: on main all of it (and copies) was held at once


def test_cli_batch_standard_inn_leser_en_lang_linje_med_grense(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 40 MB line on standard input is a rejection of that line naming the limit; the cases
    after it are assessed, and the memory used stays far below the line's size."""
    standard_regelbok_lastet = regelbok(None, None)  # loaded before measuring
    assert standard_regelbok_lastet is not None
    etter = "\n" + "\n".join(gode(2)) + "\n"
    kode, ut, topp = _kjor_med_stdin(
        monkeypatch, capsys, _LangLinje(STOR_LINJE, etter),
        "vurder", "--batch", "-", "--dato", DATO, "--grense", "byte=1000000",
    )  # fmt: skip
    assert kode == 0
    linjer = [json.loads(x) for x in ut.splitlines()]
    assert len(linjer) == 3
    assert linjer[0]["linje"] == 1 and linjer[0]["sak_id"] is None
    [feil] = linjer[0]["feil"]
    assert "1 000 000 byte" in feil["melding"] and "byte=N" in feil["melding"]
    assert [x.get("sak_id") for x in linjer[1:]] == ["sak-000001", "sak-000002"]
    assert topp < STOR_LINJE // 4, f"{topp:_} byte held for a {STOR_LINJE:_}-byte line"


def test_oppfolging_standard_inn_leser_med_grense_og_tar_grense(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``oppfolging -`` reads standard input as boundedly; it takes ``--grense`` as ``vurder``."""
    regelbok(None, None)
    etter = "\n" + "\n".join(gode(2)) + "\n"
    ut_json = tmp_path / "r.json"
    kode, ut, topp = _kjor_med_stdin(
        monkeypatch, capsys, _LangLinje(STOR_LINJE, etter),
        "oppfolging", "-", "--dato", DATO, "--grense", "byte=1000000", "--json", str(ut_json),
    )  # fmt: skip
    assert kode == 0, ut
    rapport = json.loads(ut_json.read_text(encoding="utf-8"))
    assert rapport["antall_saker"] == 3
    [avvist] = rapport["avviste"]
    assert "1 000 000 byte" in avvist["feil"][0]["melding"]
    assert topp < STOR_LINJE // 4


def test_cli_batch_fil_med_for_lang_linje_og_ikke_utf8(tmp_path: Path) -> None:
    """In a file too: an over-long line and a line not UTF-8 are rejected on their own, named."""
    fil = tmp_path / "saker.jsonl"
    gode_ = gode(2)
    fil.write_bytes(
        (gode_[0] + "\n").encode() + b"x" * 5000 + b"\n" + b'{"sak_id": "\xe6"}\n'
        + (gode_[1] + "\n").encode()
    )  # fmt: skip
    k = kjor("vurder", "--batch", fil, "--dato", DATO, "--grense", "byte=4000")
    assert k.kode == 0, k.feil
    linjer = [json.loads(x) for x in k.ut.splitlines()]
    assert [x.get("linje") for x in linjer] == [None, 2, 3, None]
    assert "4 000 byte" in linjer[1]["feil"][0]["melding"]
    assert "ikke UTF-8" in linjer[2]["feil"][0]["melding"]
    assert "2 avvist" in k.feil


def test_oppfolging_tar_grense(tmp_path: Path) -> None:
    fil = jsonl(tmp_path, gode(3))
    k = kjor("oppfolging", fil, "--dato", DATO, "--grense", "byte=100")
    assert k.kode == 0, k.feil
    assert "3 avvist" in k.ut
