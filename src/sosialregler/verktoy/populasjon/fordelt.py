"""The population run on a Dask cluster: ``dask.dataframe`` ``map_partitions`` over Parquet.

>>> from distributed import Client                                          # doctest: +SKIP
>>> klient = Client("tcp://planlegger:8786")                               # doctest: +SKIP
>>> ddf = vurder_dask("s3://bucket/saker/*.parquet", dato="2026-03-01")    # doctest: +SKIP
>>> ddf.to_parquet("s3://bucket/resultat/")                                 # doctest: +SKIP

Each partition is one call of ``populasjon.vurder`` in a Dask worker, with the engine asked for
(``motor``: ``persak``, the default, or ``kolonne``; both exact row for row); Dask schedules,
retries and moves the data, nothing here does. Row numbers are global: the partitions' lengths
are counted first (one cheap pass over the ``sak`` column) and each partition starts where the
one before ended, so the result equals the one-process run row for row. Every worker loads the
same rules (the shipped ones, or the rules folder and rate file given, which must be readable at
the same path on every worker) and checks that their digest is the caller's. Needs
``pip install 'sosialregler[dask]'``.
"""

from __future__ import annotations

from datetime import date
from itertools import accumulate
from typing import Any

from ...api import les_dato
from ..batch import krev_samme_regler
from .kjoring import Sti, regelbok_for, velg_motor, vurder
from .skjema import SAK, utdata_skjema

DASK_MANGLER = (
    "kjøring på en Dask-klynge trenger dask: installer tillegget med "
    "pip install 'sosialregler[dask]'"
)


def _dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:
        raise ImportError(DASK_MANGLER) from None
    return dd


def vurder_dask(
    sti: Any,
    *,
    dato: date | str | None,
    satser: Sti | None = None,
    regler: Sti | None = None,
    motor: str | None = None,
    **les: Any,
) -> Any:
    """A lazy ``dask.dataframe.DataFrame`` of the run over the Parquet data at ``sti`` (a file,
    a folder or a glob, local or remote as ``dd.read_parquet`` reads it; ``les``: more of its
    arguments, e.g. ``storage_options``). ``.compute()``, ``.to_parquet(...)`` or aggregate it
    on the cluster. Columns as ``populasjon.vurder`` gives them (``skjema``). ``motor``: the
    engine by name, as ``vurder``'s (a name, not an object: each worker makes its own)."""
    dd = _dask()
    import pandas as pd
    import pyarrow as pa

    on = les_dato(dato)
    velg_motor(motor)  # an unknown name is refused here, not in every partition
    bok = regelbok_for(regler, satser)
    ddf = dd.read_parquet(sti, **les)
    ekstra = pa.Schema.from_pandas(ddf._meta, preserve_index=False)
    ekstra = pa.schema([f for f in ekstra if f.name != SAK])
    skjema = utdata_skjema(tuple(o.id for o in bok.omrader), ekstra)
    meta = skjema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    lengder = ddf.map_partitions(len, meta=(None, "int64")).compute()
    starter = (0, *accumulate(lengder))
    return ddf.map_partitions(
        _partisjon,
        dato=on.isoformat() if on else None,
        satser=str(satser) if satser is not None else None,
        regler=str(regler) if regler is not None else None,
        motor=motor,
        digest=bok.digest,
        starter=starter,
        skjema=skjema,
        meta=meta,
        align_dataframes=False,
    )


def _partisjon(
    df: Any,
    *,
    dato: str | None,
    satser: str | None,
    regler: str | None,
    digest: str,
    motor: str | None = None,
    starter: tuple[int, ...],
    skjema: Any,
    partition_info: dict[str, Any] | None = None,
) -> Any:
    """One partition in a worker: pandas in, ``populasjon.vurder``, pandas out."""
    import pandas as pd
    import pyarrow as pa

    bok = krev_samme_regler(
        regelbok_for(regler, satser),
        digest,
        hvem="Dask-arbeideren",
        startet="den som startet kjøringen",
        hint="ligger regel- og satsfilene likt på alle maskinene?",
    )
    start = starter[partition_info["number"]] if partition_info else 0
    tabell = pa.Table.from_pandas(df, preserve_index=False)
    ut = vurder(tabell, dato=dato, regler=bok, start_rad=start, motor=motor)
    if ut.num_rows == 0:
        ut = skjema.empty_table()
    ut = ut.cast(skjema)
    ramme = ut.to_pandas(types_mapper=pd.ArrowDtype)
    ramme.index = df.index
    return ramme
