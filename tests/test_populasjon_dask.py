"""The population run under Dask: a LocalCluster with two workers gives the one-process run."""

from __future__ import annotations

from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from sosialregler.verktoy.populasjon import vurder  # noqa: E402
from sosialregler.verktoy.populasjon.fordelt import vurder_dask  # noqa: E402
from sosialregler.verktoy.populasjon.generator import skriv_populasjon  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("motor", ["persak", "kolonne"])
def test_to_arbeidere_gir_samme_rader_som_en_prosess(tmp_path: Path, motor: str) -> None:
    """Each engine under Dask gives its own one-process run, row for row (the ``motor``
    column included: the columnar engine really ran in the workers)."""
    sti = tmp_path / "saker.parquet"
    skriv_populasjon(sti, 300, fro=8, andel_kanter=0.3, andel_feil=0.05, radgruppe=70)
    satser = REPO / "examples" / "kommunale-satser-eksempel.toml"
    en = vurder(sti, dato="2024-06-03", satser=satser, motor=motor)
    assert motor in en.column("motor").to_pylist()
    # threads, not processes: light enough for the default suite, and still Dask's own
    # scheduler spreading five partitions over two workers
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as klynge,
        distributed.Client(klynge),
    ):
        ddf = vurder_dask(sti, dato="2024-06-03", satser=satser, motor=motor, split_row_groups=True)
        assert ddf.npartitions == 5
        ramme = ddf.compute()
        assert len(klynge.workers) == 2
    fordelt = pa.Table.from_pandas(ramme, preserve_index=False)
    assert fordelt.schema.names == en.schema.names
    assert fordelt.to_pylist() == en.to_pylist()


def test_ukjent_motor_avvises_for_klyngen_brukes() -> None:
    from sosialregler.inndata.errors import UgyldigSak

    with pytest.raises(UgyldigSak, match="ukjent motor"):
        vurder_dask("finnes-ikke.parquet", dato="2026-03-01", motor="turbo")


def test_arbeider_med_andre_regler_nekter() -> None:
    """A worker that loaded other rules (another rate file at the same path on that machine)
    refuses the partition instead of answering with other law."""
    import pandas as pd

    from sosialregler.inndata.errors import RegelFeil
    from sosialregler.verktoy.populasjon.fordelt import _partisjon

    with pytest.raises(RegelFeil, match="andre regler"):
        _partisjon(
            pd.DataFrame({"sak": ["{}"]}),
            dato="2026-03-01",
            satser=None,
            regler=None,
            digest="sha256:noe-annet",
            starter=(0,),
            skjema=None,
        )


def test_uten_dask_sier_feilen_hva_som_skal_installeres(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ImportError, match=r"sosialregler\[dask\]"):
        vurder_dask("saker.parquet", dato="2026-03-01")
