"""``sosialregler simuler``: totals as text and JSON, two rate tables, rows to Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from helpers_cli import REPO, kjor  # noqa: E402
from sosialregler import assess  # noqa: E402
from sosialregler.verktoy.populasjon import vurder  # noqa: E402
from sosialregler.verktoy.populasjon.generator import skriv_populasjon  # noqa: E402
from sosialregler.verktoy.populasjon.totaler import Totaler  # noqa: E402

SATSER = REPO / "examples" / "kommunale-satser-eksempel.toml"


@pytest.fixture(scope="module")
def saker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sti = tmp_path_factory.mktemp("pop") / "saker.parquet"
    skriv_populasjon(sti, 150, fro=11, dato="2024-06-03", andel_feil=0.05, radgruppe=40)
    return sti


def test_json_er_totalene_av_kjoringen(saker: Path) -> None:
    svar = kjor("simuler", saker, "--dato", "2024-06-03", "--format", "json")
    assert svar.kode == 0, svar.feil
    data = json.loads(svar.ut)
    tabell = vurder(saker, dato="2024-06-03")
    forventet = Totaler(
        tuple(c[: -len("_utfall")] for c in tabell.schema.names if c.endswith("_utfall"))
    )
    forventet.legg_til(tabell)
    assert data["totaler"] == forventet.to_dict()
    assert data["totaler"]["husholdninger"] == 150 and data["totaler"]["avvist"] > 0
    assert "sammenligning" not in data
    assert svar.feil == ""  # no progress bar when standard error is not a terminal


def test_tekst_og_mot_satser_med_rader_til_parquet(saker: Path, tmp_path: Path) -> None:
    ut = tmp_path / "resultat.parquet"
    svar = kjor(
        "simuler",
        saker,
        "--dato",
        "2024-06-03",
        "--mot-satser",
        SATSER,
        "--ut",
        ut,
        "--prosesser",
        "1",
    )
    assert svar.kode == 0, svar.feil
    assert "Husholdninger: 150" in svar.ut
    assert "Livsopphold (§ 18):" in svar.ut and "kr per måned" in svar.ut
    assert "Sammenligning av satser, B (--mot-satser) mot A" in svar.ut
    assert "Får mindre med B:" in svar.ut
    assert "husholdninger er syntetiske" in svar.ut
    rader = pq.read_table(ut)
    assert rader.num_rows == 150
    assert {
        "kommune",
        "mot_livsopphold_belop_per_maned",
        "endring_livsopphold_belop_per_maned",
    } <= (set(rader.schema.names))
    a = rader.column("livsopphold_belop_per_maned").to_pylist()
    b = rader.column("mot_livsopphold_belop_per_maned").to_pylist()
    endring = rader.column("endring_livsopphold_belop_per_maned").to_pylist()
    assert all(e == (y or 0) - (x or 0) for x, y, e in zip(a, b, endring, strict=True))
    assert any(e != 0 for e in endring)


def test_json_lines_og_lag_populasjon(tmp_path: Path) -> None:
    sti = tmp_path / "saker.jsonl"
    svar = kjor("simuler", "--lag-populasjon", "40", "--frø", "3", "--ut", sti)
    assert svar.kode == 0 and "40 syntetiske husholdninger" in svar.feil
    assert len(sti.read_text(encoding="utf-8").splitlines()) == 40
    stor = kjor("simuler", "--lag-populasjon", "1200", "--ut", tmp_path / "stor.jsonl")
    assert "Skrev 1 200 syntetiske husholdninger (frø 0, 01.03.2026)" in stor.feil
    svar = kjor("simuler", sti, "--dato", "2026-03-01", "--format", "json")
    assert svar.kode == 0 and json.loads(svar.ut)["totaler"]["vurdert"] == 40


def test_forklar_en_rad_er_per_sak_veien(saker: Path) -> None:
    tabell = vurder(saker, dato="2024-06-03")
    rad = next(i for i, f in enumerate(tabell.column("feil").to_pylist()) if f is None)
    sak = pq.read_table(saker).column("sak")[rad].as_py()
    svar = kjor("simuler", saker, "--dato", "2024-06-03", "--forklar", rad, "--format", "json")
    assert svar.kode == 0, svar.feil
    assert json.loads(svar.ut) == assess(sak, "2024-06-03").to_dict()
    tekst = kjor("simuler", saker, "--dato", "2024-06-03", "--forklar", rad)
    assert tekst.kode == 0 and tekst.ut.strip() == assess(sak, "2024-06-03").explain("nb").strip()
    avvist = next(i for i, f in enumerate(tabell.column("feil").to_pylist()) if f is not None)
    svar = kjor("simuler", saker, "--dato", "2024-06-03", "--forklar", avvist, "--format", "json")
    assert svar.kode == 2
    assert (
        json.loads(svar.ut)["feil"][0]["felt"] == tabell.column("feil")[avvist].as_py()[0]["felt"]
    )


@pytest.mark.parametrize(
    ("argumenter", "felt"),
    [
        (["simuler", "SAKER", "--format", "json"], "--dato"),
        (["simuler", "SAKER", "--dato", "2026-02-30", "--format", "json"], "--dato"),
        (["simuler", "finnes-ikke.parquet", "--dato", "2026-03-01", "--format", "json"], "SAKER"),
        (["simuler", "--format", "json"], "SAKER"),
        (["simuler", "--lag-populasjon", "5", "--format", "json"], "--ut"),
        (
            [
                "simuler",
                "SAKER",
                "--dato",
                "2026-03-01",
                "--mot-satser",
                "nei.toml",
                "--format",
                "json",
            ],
            "--mot-satser",
        ),
        (
            ["simuler", "--lag-populasjon", "-1", "--ut", "x.parquet", "--format", "json"],
            "--lag-populasjon",
        ),
        (
            [
                *("simuler", "--lag-populasjon", "5", "--andel-feil", "2"),
                *("--ut", "x.parquet", "--format", "json"),
            ],
            "--andel-feil",
        ),
    ],
)
def test_feil_i_kommandoen_er_en_avvisning_som_navngir_feltet(
    saker: Path, argumenter: list[str], felt: str
) -> None:
    svar = kjor(*[saker if a == "SAKER" else a for a in argumenter])
    assert svar.kode == 2, svar.feil
    assert json.loads(svar.ut)["feil"][0]["felt"] == felt


def test_feil_i_tekst_er_en_kjoring_som_avvises_ikke_en_sak(saker: Path) -> None:
    """A person reads the run's rejection: no «Saken», no «null», the field named once."""
    svar = kjor("simuler", saker)
    assert svar.kode == 2
    assert svar.feil.startswith("Kjøringen ble avvist:")
    assert "  --dato: mangler; oppgi vurderingsdatoen, for eksempel 2026-03-01\n" in svar.feil
    assert "null" not in svar.feil


def test_radene_skrives_i_store_radgrupper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engines hand over small batches; written one by one, each became a row group whose
    metadata the writer holds until closing (memory grew with the run: ~320 MB over 10 million
    households). Gathered instead: every row group but the last holds at least
    RADER_PER_GRUPPE rows, and every row is there, in order."""
    import pyarrow as pa

    from sosialregler.verktoy.populasjon import simulering

    monkeypatch.setattr(simulering, "RADER_PER_GRUPPE", 64)
    ut = tmp_path / "resultat.parquet"
    skriver = simulering._Gruppeskriver(ut)
    for b in range(10):
        skriver.skriv(pa.record_batch({"rad": list(range(b * 30, b * 30 + 30))}))
    skriver.lukk()
    fil = pq.ParquetFile(ut)
    grupper = [fil.metadata.row_group(i).num_rows for i in range(fil.metadata.num_row_groups)]
    assert grupper == [90, 90, 90, 30]
    assert fil.read().column("rad").to_pylist() == list(range(300))
