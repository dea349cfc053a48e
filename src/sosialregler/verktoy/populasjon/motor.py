"""The evaluator: batches of cases in, batches of household rows out (the seam of issue 19).

``Motor`` is what a population run needs from an evaluator: given the input batches, the date
and the rulebook, yield one output ``RecordBatch`` per input batch in the schema of
``skjema.utdata_skjema``. ``PerSak`` is exact by construction: every row is the library's own
per-case path (``api.assess`` through ``batch.assess_many``, in worker processes when asked).
The columnar evaluator generated from the rulebook (``kolonne.Kolonne``) is another ``Motor``,
held to ``PerSak`` row for row by the tests; the law is never written a second time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, Protocol

from attrs import frozen

from ...inndata.grenser import STANDARD, Grenser
from ...lov.rulebook.book import Regelbok
from ..batch import Avvist, assess_many
from . import rad as radmodul
from .kilde import Innbatch
from .skjema import BELOP, PERSAK, utdata_skjema, utfallkolonne

Fremdrift = bool | Callable[[int, int | None], Any] | None


class Motor(Protocol):
    """An evaluator of a population: one output batch per input batch, in order."""

    def __call__(
        self,
        batcher: Iterable[Innbatch],
        *,
        dato: date | None,
        bok: Regelbok,
        grenser: Grenser,
        fremdrift: Fremdrift,
        total: int | None,
    ) -> Iterator[Any]: ...


@frozen
class PerSak:
    """The per-case path over a population, in ``prosesser`` processes (1: this process)."""

    prosesser: int = 1

    def __call__(
        self,
        batcher: Iterable[Innbatch],
        *,
        dato: date | None,
        bok: Regelbok,
        grenser: Grenser = STANDARD,
        fremdrift: Fremdrift = False,
        total: int | None = None,
    ) -> Iterator[Any]:
        ventende: deque[Innbatch] = deque()

        def saker() -> Iterator[Any]:
            # assess_many reads ahead only a few chunks per worker, so at most a few input
            # batches wait here for their results: memory stays flat.
            for b in batcher:
                ventende.append(b)
                yield from b.saker

        svar = assess_many(
            saker(),
            processes=self.prosesser,
            on=dato,
            progress=fremdrift,
            regler=bok,
            resultat=radmodul.fra_vurdering,
            total=total,
            grenser=grenser,
        )
        omrader = tuple(o.id for o in bok.omrader)
        rader: list[Any] = []
        for s in svar:
            rader.append(s)
            while ventende and len(rader) >= len(ventende[0].saker):
                b = ventende.popleft()
                n = len(b.saker)
                yield bygg(b, rader[:n], omrader)
                del rader[:n]
        while ventende:  # only batches without rows can be left at the end
            b = ventende.popleft()
            if b.saker or rader:
                raise RuntimeError("populasjon: færre svar enn saker fra assess_many")
            yield bygg(b, [], omrader)


def bygg(
    b: Innbatch, svar: list[Any], omrader: tuple[str, ...], motor: list[str] | None = None
) -> Any:
    """The output batch of input batch ``b`` from its rows (a dict, or an ``Avvist``);
    ``motor``: which path decided each row (None: all the per-case path)."""
    return sett_sammen(b, [kolonner(svar, omrader)], omrader, motor)


def kolonner(svar: list[Any], omrader: tuple[str, ...]) -> dict[str, Any]:
    """The rows' own output columns (``sak_id`` to ``intern_feil``) as Arrow arrays, in the
    output schema's types: what a row's dict becomes. Made where the rows are (a worker of the
    columnar engine), so only a few arrays outlive them."""
    import pyarrow as pa

    rader: list[radmodul.Rad] = [
        radmodul.avvist(s.sak_id, s.feil, s.intern) if isinstance(s, Avvist) else s for s in svar
    ]
    verdier: dict[str, list[Any]] = {"sak_id": [r["sak_id"] for r in rader]}
    for o in omrader:
        verdier[utfallkolonne(o)] = [r["utfall"].get(o) for r in rader]
    for kolonne, _, _ in BELOP:
        verdier[kolonne] = [r["belop"].get(kolonne) for r in rader]
    for navn in ("merknader", "mangler", "feil", "intern_feil"):
        verdier[navn] = [r[navn] for r in rader]
    skjema = utdata_skjema(omrader)
    return {navn: pa.array(v, type=skjema.field(navn).type) for navn, v in verdier.items()}


def sett_sammen(
    b: Innbatch, deler: list[dict[str, Any]], omrader: tuple[str, ...], motor: list[str] | None
) -> Any:
    """The output batch of input batch ``b`` from its rows' columns (``kolonner``), in pieces
    in input order: the row numbers, lines and ``motor`` added, the carried columns after."""
    import pyarrow as pa

    if not deler:  # a batch of no rows (no piece was sent to a worker)
        deler = [kolonner([], omrader)]
    n = sum(len(d["sak_id"]) for d in deler)
    arrays = []
    for f in utdata_skjema(omrader):
        if f.name == "rad":
            arrays.append(pa.array(range(b.start, b.start + n), type=f.type))
        elif f.name == "linje":
            linjer = list(b.linjer) if b.linjer is not None else [None] * n
            arrays.append(pa.array(linjer, type=f.type))
        elif f.name == "motor":
            arrays.append(pa.array(motor if motor is not None else [PERSAK] * n, type=f.type))
        else:
            biter = [d[f.name] for d in deler]
            arrays.append(biter[0] if len(biter) == 1 else pa.concat_arrays(biter))
    if b.ekstra is not None:
        arrays.extend(b.ekstra.columns)
    skjema = utdata_skjema(omrader, b.ekstra.schema if b.ekstra is not None else None)
    return pa.RecordBatch.from_arrays(arrays, schema=skjema)
