"""Where the cases come from: an Arrow table, a Parquet file or a JSON Lines file, in batches.

Read batch by batch (Parquet by row groups, JSON Lines a bounded number of lines at a time), so
memory stays flat whatever the number of households. A batch carries its first row's number,
the cases as given (JSON text; a JSON Lines line over the byte limit, or not UTF-8, as the
``AvvistLinje`` that ``batch.assess_many`` reports as that case's rejection), and the other
input columns to carry through.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from ...inndata.errors import Feil, UgyldigSak
from ...inndata.filer import filfeil
from ...inndata.grenser import STANDARD, Grenser
from ...inndata.jsonlinjer import AvvistLinje, linjer, tell
from .skjema import SAK

#: Rows per batch: large enough that building Arrow arrays costs little per row, small enough
#: that a batch's cases and results are a few MB.
BATCH = 4096

#: A cell with no case in it (null).
TOM_CELLE = "raden har ingen sak: cellen i kolonnen «sak» er tom (null)"

JSONL_ENDELSER = (".jsonl", ".ndjson", ".json")


@frozen
class Innbatch:
    """A batch of cases: ``start`` is the row number of the first (from 0)."""

    start: int
    saker: list[Any]  # JSON text (str/bytes), or an AvvistLinje (over-long line, null cell)
    linjer: list[int] | None  # JSON Lines: each case's line number
    ekstra: Any  # pyarrow.RecordBatch of the carried columns, or None


def les(
    kilde: Any, batch: int = BATCH, grenser: Grenser = STANDARD, start: int = 0
) -> Iterator[Innbatch]:
    """The batches of ``kilde``: a ``pyarrow.Table`` / ``RecordBatch``, an iterable of
    ``RecordBatch``, or a path to ``.parquet`` or JSON Lines (``.jsonl``)."""
    import pyarrow as pa

    if isinstance(kilde, str | os.PathLike):
        sti = Path(kilde)
        if sti.suffix.lower() in JSONL_ENDELSER:
            yield from _jsonl(sti, batch, grenser, start)
            return
        yield from _arrow(_parquet(sti, batch), start)
        return
    if isinstance(kilde, pa.Table):
        yield from _arrow(kilde.to_batches(max_chunksize=batch), start)
        return
    if isinstance(kilde, pa.RecordBatch):
        yield from _arrow([kilde], start)
        return
    yield from _arrow(kilde, start)


def antall(kilde: Any, grenser: Grenser = STANDARD) -> int | None:
    """How many rows ``kilde`` has, when it can be known cheaply (for a progress bar)."""
    import pyarrow as pa

    if isinstance(kilde, str | os.PathLike):
        sti = Path(kilde)
        try:
            if sti.suffix.lower() in JSONL_ENDELSER:
                with open(sti, "rb") as fil:
                    return tell(fil, grenser.byte)
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(sti).metadata.num_rows)
        except Exception:
            return None  # the reading itself reports the problem, naming the file
    if isinstance(kilde, pa.Table | pa.RecordBatch):
        return int(kilde.num_rows)
    return None


def _parquet(sti: Path, batch: int) -> Iterator[Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        fil = pq.ParquetFile(sti)
    except OSError as exc:
        raise UgyldigSak([Feil("SAKER", str(sti), filfeil(exc))]) from None
    except pa.ArrowInvalid as exc:
        raise UgyldigSak([Feil("SAKER", str(sti), f"ikke en Parquet-fil: {exc}")]) from None
    yield from fil.iter_batches(batch_size=batch)


def _arrow(batcher: Iterable[Any], start: int) -> Iterator[Innbatch]:
    import pyarrow as pa

    rad = start
    for b in batcher:
        if SAK not in b.schema.names:
            raise UgyldigSak(
                [
                    Feil(
                        SAK,
                        None,
                        "kolonnen «sak» mangler: hver rad skal ha saken som JSON-tekst i "
                        f"kolonnen «sak» (fant {', '.join(b.schema.names) or 'ingen kolonner'})",
                    )
                ]
            )
        kolonne = b.column(SAK)
        if not (
            pa.types.is_string(kolonne.type)
            or pa.types.is_large_string(kolonne.type)
            or pa.types.is_binary(kolonne.type)
            or pa.types.is_large_binary(kolonne.type)
        ):
            raise UgyldigSak(
                [
                    Feil(
                        SAK,
                        str(kolonne.type),
                        "kolonnen «sak» skal være tekst med saken som JSON (én sak per rad), "
                        f"ikke {kolonne.type}",
                    )
                ]
            )
        tom = AvvistLinje((Feil(SAK, None, TOM_CELLE),))
        saker = [s if s is not None else tom for s in kolonne.to_pylist()]
        andre = [n for n in b.schema.names if n != SAK]
        ekstra = b.select(andre) if andre else None
        yield Innbatch(rad, saker, None, ekstra)
        rad += b.num_rows


def _jsonl(sti: Path, batch: int, grenser: Grenser, start: int) -> Iterator[Innbatch]:
    try:
        fil = open(sti, "rb")  # noqa: SIM115 - closed below, after the last batch is read
    except OSError as exc:
        raise UgyldigSak([Feil("SAKER", str(sti), filfeil(exc))]) from None
    with fil:
        rad = start
        saker: list[Any] = []
        numre: list[int] = []
        for nr, linje in linjer(fil, grenser.byte):
            saker.append(linje)
            numre.append(nr)
            if len(saker) >= batch:
                yield Innbatch(rad, saker, numre, None)
                rad += len(saker)
                saker, numre = [], []
        if saker:
            yield Innbatch(rad, saker, numre, None)


__all__ = ["BATCH", "AvvistLinje", "Innbatch", "antall", "les"]
