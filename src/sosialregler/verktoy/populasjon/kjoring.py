"""``vurder`` and ``vurder_batcher``: the population run, from source to Arrow."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from os import PathLike, fspath
from pathlib import Path
from typing import Any

from ...api import assess, les_dato, regelbok
from ...inndata.errors import Feil, UgyldigSak
from ...inndata.grenser import Grenser, som_grenser
from ...inndata.jsonlinjer import AvvistLinje
from ...lov.rulebook.book import Regelbok
from ...utdata.assessment import Assessment
from . import kilde as kildemodul
from .kolonne import Kolonne
from .motor import Fremdrift, Motor, PerSak
from .skjema import KOLONNE, PERSAK, utdata_skjema

#: The engines a run can be asked for by name (``motor=``, ``simuler --motor``).
MOTORER = (PERSAK, KOLONNE)

#: The engine a run uses unless told: the per-case path. Both are exact (the tests hold
#: ``Kolonne`` to it row for row, in one process and in several); the columnar one saves
#: ~15 % of the CPU per household, because most of an assessment's time is the area
#: calculations that are still Python and run per row in both (README, population runs).
#: Change it when it is clearly faster.
STANDARDMOTOR = PERSAK

PYARROW_MANGLER = (
    "befolkningskjøringer trenger pyarrow: installer tillegget med "
    "pip install 'sosialregler[populasjon]'"
)

Sti = str | PathLike[str]


def krev_pyarrow() -> None:
    """The extra's entry check: a clear Norwegian message instead of an ImportError."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ImportError(PYARROW_MANGLER) from None


def regelbok_for(regler: Regelbok | Sti | None = None, satser: Sti | None = None) -> Regelbok:
    """The rulebook of a run: a loaded one, or a rules folder and/or a municipality's rate file
    (``--satser``: the same file format and loader as ``sosialregler vurder --satser``)."""
    if isinstance(regler, Regelbok):
        if satser is not None:
            raise ValueError("gi enten en lastet regelbok eller satser=, ikke begge")
        return regler
    return regelbok(
        fspath(regler) if regler is not None else None,
        fspath(satser) if satser is not None else None,
    )


def vurder_batcher(
    tabell: Any,
    *,
    dato: date | str | None,
    satser: Sti | None = None,
    regler: Regelbok | Sti | None = None,
    prosesser: int = 1,
    batch: int = kildemodul.BATCH,
    grenser: Grenser | Mapping[str, int] | None = None,
    motor: Motor | str | None = None,
    fremdrift: Fremdrift = False,
    total: int | None = None,
    start_rad: int = 0,
) -> Iterator[Any]:
    """The run as a stream of ``pyarrow.RecordBatch``, one per input batch (see ``vurder``)."""
    krev_pyarrow()
    on = les_dato(dato)
    grense = _grenser(grenser)
    bok = regelbok_for(regler, satser)
    valgt = velg_motor(motor, prosesser)
    return valgt(
        kildemodul.les(tabell, batch, grense, start_rad),
        dato=on,
        bok=bok,
        grenser=grense,
        fremdrift=fremdrift,
        total=total,
    )


#: ``vurder``'s date when neither ``dato`` nor ``on`` is given (an error: say which date).
_UTELATT: Any = object()


def _kjoredato(dato: Any, on: Any) -> date | None:
    """The run's date from ``dato`` or its English name ``on`` (as ``assess`` calls it):
    exactly one must be given; None means each case's own ``vurderingsdato``."""
    if dato is _UTELATT and on is _UTELATT:
        raise UgyldigSak(
            [Feil("dato", None, "mangler: gi datoen kjøringen gjelder (None: hver saks egen)")]
        )
    if dato is not _UTELATT and on is not _UTELATT:
        raise UgyldigSak([Feil("on", on, "gi enten dato eller on, ikke begge")])
    return les_dato(on if dato is _UTELATT else dato)


def vurder(
    tabell: Any,
    *,
    dato: date | str | None = _UTELATT,
    on: date | str | None = _UTELATT,
    satser: Sti | None = None,
    regler: Regelbok | Sti | None = None,
    prosesser: int = 1,
    batch: int = kildemodul.BATCH,
    grenser: Grenser | Mapping[str, int] | None = None,
    motor: Motor | str | None = None,
    fremdrift: Fremdrift = False,
    start_rad: int = 0,
) -> Any:
    """Assess every household of ``tabell`` on ``dato``; a ``pyarrow.Table``, one row each.

    ``tabell``: a ``pyarrow.Table``/``RecordBatch``, an iterable of ``RecordBatch``, or a path
    to a Parquet or JSON Lines file; one case per row as contract JSON in the column ``sak``
    (other columns are carried through). ``dato`` (or ``on``, as ``assess`` names it; exactly
    one): the assessment date for every case (None: each case's own ``vurderingsdato``).
    ``satser``: a municipality's rate file (as
    ``--satser``); ``regler``: a rulebook or a rules folder. ``prosesser``: worker processes
    (either engine). ``motor``: the engine, ``"persak"`` (the default, ``STANDARDMOTOR``)
    or ``"kolonne"`` (the rules compiled to numpy, exact row for row; see ``kolonne``), or a
    ``Motor``. ``start_rad``: the number of the first row (a Dask partition's
    offset). Raises ``UgyldigSak`` for a bad date, file or column; a bad *row* is a row with
    ``feil`` set, never an exception.
    """
    krev_pyarrow()
    import pyarrow as pa

    kjoredato = _kjoredato(dato, on)
    bok = regelbok_for(regler, satser)
    batcher = list(
        vurder_batcher(
            tabell,
            dato=kjoredato,
            regler=bok,
            prosesser=prosesser,
            batch=batch,
            grenser=grenser,
            motor=motor,
            fremdrift=fremdrift,
            start_rad=start_rad,
        )
    )
    if not batcher:  # no rows: the schema still says what a row would have been
        ekstra = None
        if isinstance(tabell, pa.Table | pa.RecordBatch):
            ekstra = pa.schema([f for f in tabell.schema if f.name != kildemodul.SAK])
        skjema = utdata_skjema(tuple(o.id for o in bok.omrader), ekstra)
        return pa.Table.from_batches([], schema=skjema)
    return pa.Table.from_batches(batcher)


def forklar_rad(
    tabell: Any,
    rad: int,
    *,
    dato: date | str | None,
    satser: Sti | None = None,
    regler: Regelbok | Sti | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> Assessment:
    """Row ``rad``'s full assessment through the per-case path (``.explain()``, ``.to_dict()``,
    records): the same case, date and rules as the run. A rejected row raises ``UgyldigSak``
    with the same problems its ``feil`` column lists."""
    krev_pyarrow()
    grense = _grenser(grenser)
    bok = regelbok_for(regler, satser)
    sak = _finn(tabell, rad, grense)
    if isinstance(sak, AvvistLinje):
        raise UgyldigSak(list(sak.feil))
    return assess(sak, dato, regler=bok, grenser=grense)


def _finn(tabell: Any, rad: int, grense: Grenser) -> Any:
    if rad < 0:
        raise UgyldigSak([Feil("rad", rad, "radnummeret kan ikke være negativt")])
    if isinstance(tabell, str | PathLike) and Path(tabell).suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        fil = pq.ParquetFile(tabell)
        forst = 0
        for i in range(fil.metadata.num_row_groups):  # only the row group that holds the row
            n = fil.metadata.row_group(i).num_rows
            if rad < forst + n:
                gruppe = fil.read_row_group(i, columns=[kildemodul.SAK])
                tabell = gruppe
                rad -= forst
                break
            forst += n
    for b in kildemodul.les(tabell, grenser=grense):
        if b.start <= rad < b.start + len(b.saker):
            return b.saker[rad - b.start]
    raise UgyldigSak([Feil("rad", rad, "det finnes ingen rad med dette nummeret i inndata")])


def velg_motor(motor: Motor | str | None, prosesser: int = 1) -> Motor:
    """The engine for ``motor``: one given, or by name (``persak``, ``kolonne``) in
    ``prosesser`` processes; None is ``STANDARDMOTOR``."""
    if motor is None:
        motor = STANDARDMOTOR
    if not isinstance(motor, str):
        return motor
    if motor == PERSAK:
        return PerSak(prosesser)
    if motor == KOLONNE:
        return Kolonne(prosesser)
    raise UgyldigSak([Feil("motor", motor, f"ukjent motor; velg {' eller '.join(MOTORER)}")])


def _grenser(grenser: Grenser | Mapping[str, int] | None) -> Grenser:
    try:
        return som_grenser(grenser)
    except ValueError as exc:
        raise UgyldigSak([Feil("grenser", None, str(exc))]) from None
