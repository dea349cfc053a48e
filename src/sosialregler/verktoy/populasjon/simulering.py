"""``sosialregler simuler``'s work: one streamed run (or two, to compare rate tables), its
totals, and the rows written to Parquet as they are made. The command line (cli.py) only reads
the arguments and prints."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from attrs import frozen

from ...api import les_dato
from .kilde import antall
from .kjoring import Sti, krev_pyarrow, regelbok_for, vurder_batcher
from .motor import Fremdrift
from .sammenlign import Differanse
from .skjema import utfallkolonne
from .totaler import BELOP_18, Totaler

#: The columns of run B written beside run A's with ``--mot-satser --ut``.
MOT = (utfallkolonne("livsopphold"), BELOP_18)

#: Rows per row group of the Parquet written with ``--ut``. The engines hand over batches of
#: at most 4 096 rows; written one by one, each became a row group, and the writer keeps every
#: row group's metadata until the file is closed (~33 KB per group of 40 columns, measured
#: alone; 10 million households made 2 442 groups, a footer of 8.6 MB). Batches are gathered
#: to this size instead: 153 groups for 10 million, and a file readers scan faster.
RADER_PER_GRUPPE = 65_536


@frozen
class Simulering:
    totaler: Totaler
    differanse: Differanse | None


def simuler(
    kilde: Sti,
    *,
    dato: date | str | None,
    satser: Sti | None = None,
    mot_satser: Sti | None = None,
    regler: Sti | None = None,
    ut: Sti | None = None,
    prosesser: int = 1,
    fremdrift: Fremdrift = False,
    motor: str | None = None,
) -> Simulering:
    """Run ``kilde`` with ``satser`` (A) and, if given, ``mot_satser`` (B); sum up; write A's
    rows (with B's § 18 outcome and amount beside them) to ``ut`` as Parquet."""
    krev_pyarrow()
    on = les_dato(dato)
    bok_a = regelbok_for(regler, satser)
    bok_b = regelbok_for(regler, mot_satser) if mot_satser is not None else None
    total = antall(kilde)
    a = vurder_batcher(
        kilde,
        dato=on,
        regler=bok_a,
        prosesser=prosesser,
        fremdrift=fremdrift,
        total=total,
        motor=motor,
    )
    b = (
        vurder_batcher(kilde, dato=on, regler=bok_b, prosesser=prosesser, motor=motor)
        if bok_b is not None
        else None
    )
    totaler = Totaler(
        tuple(o.id for o in bok_a.omrader), titler={o.id: o.tittel["nb"] for o in bok_a.omrader}
    )
    diff = Differanse() if b is not None else None
    skriver = _Gruppeskriver(Path(ut)) if ut is not None else None
    try:
        for batch_a, batch_b in _par(a, b):
            totaler.legg_til(batch_a)
            if diff is not None:
                diff.legg_til(batch_a, batch_b)
            if skriver is not None:
                skriver.skriv(_med_mot(batch_a, batch_b))
    finally:
        if skriver is not None:
            skriver.lukk()
    return Simulering(totaler, diff)


class _Gruppeskriver:
    """Rows to Parquet in row groups of ``RADER_PER_GRUPPE`` (mutable on purpose: a buffer).

    The file is opened with the first batch's schema; what is gathered is written on closing,
    also when the run stops with an error (the rows assessed so far are kept)."""

    def __init__(self, sti: Path) -> None:
        self.sti = sti
        self.skriver: Any = None
        self.ventende: list[Any] = []
        self.rader = 0

    def skriv(self, batch: Any) -> None:
        self.ventende.append(batch)
        self.rader += batch.num_rows
        if self.rader >= RADER_PER_GRUPPE:
            self._tom()

    def _tom(self) -> None:
        if not self.ventende:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        tabell = pa.Table.from_batches(self.ventende)
        if self.skriver is None:
            self.skriver = pq.ParquetWriter(self.sti, tabell.schema, compression="zstd")
        self.skriver.write_table(tabell, row_group_size=max(self.rader, 1))
        self.ventende, self.rader = [], 0

    def lukk(self) -> None:
        try:
            self._tom()
        finally:
            if self.skriver is not None:
                self.skriver.close()


def _par(a: Iterator[Any], b: Iterator[Any] | None) -> Iterator[tuple[Any, Any]]:
    if b is None:
        for x in a:
            yield x, None
        return
    yield from zip(a, b, strict=True)


def _med_mot(a: Any, b: Any) -> Any:
    import pyarrow as pa

    if b is None:
        return a
    arrays = list(a.columns)
    navn = list(a.schema.names)
    for kolonne in MOT:
        arrays.append(b.column(kolonne))
        navn.append(f"mot_{kolonne}")
    # B − A in exact decimals, no payable amount counting as 0 kr (as in ``sammenlign``)
    endring = [
        (y or Decimal(0)) - (x or Decimal(0))
        for x, y in zip(a.column(BELOP_18).to_pylist(), b.column(BELOP_18).to_pylist(), strict=True)
    ]
    arrays.append(pa.array(endring, a.column(BELOP_18).type))
    navn.append("endring_livsopphold_belop_per_maned")
    return pa.RecordBatch.from_arrays(arrays, names=navn)
