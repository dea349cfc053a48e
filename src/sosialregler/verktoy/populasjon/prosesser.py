"""A population engine's batches in worker processes: in input order, a bounded number in flight.

``i_prosesser`` hands each input batch's cases, in pieces of at most ``BIT`` cases, to a pool of
``spawn``-started workers (safe in a process with threads, the same on every platform, as
``batch.assess_many`` starts its own) and yields each batch with its pieces' answers in input
order. At most ``I_ARBEID_PER_PROSESS`` pieces per worker are in flight (the batches they
belong to read ahead), so memory stays flat whatever the number of households. Only the
cases go to a worker (the carried columns stay here, where the output batch is built), and
each worker loads the caller's rules once (``load_rulebook`` is cached per process) and checks
their digest, so a changed rate file never answers with other law. The evaluator switch of
the caller (``kompilator.motor.aktiv``: compiled or the reference interpreter) is the
workers' too.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ...lov.kompilator.motor import aktiv, bruk_motor
from ...lov.rulebook.book import Regelbok
from ...vurdering.standardbok import default_rulebook, load_rulebook
from ..batch import I_ARBEID_PER_PROSESS, krev_samme_regler
from .kilde import Innbatch

#: Cases per piece sent to a worker: an input batch (4 096 rows) in a few pieces, so the work
#: spreads evenly over the workers also when a run has only a few batches (20 000 households
#: are five), while each piece is still large enough for the columnar stage to pay off.
BIT = 1024

#: What a worker runs on one piece: ``funksjon(saker, bok, *args)``, a module-level function.
Arbeid = Callable[..., Any]


def i_prosesser(
    funksjon: Arbeid,
    batcher: Iterable[Innbatch],
    prosesser: int,
    bok: Regelbok,
    *args: Any,
    bit: int = BIT,
) -> Iterator[tuple[Innbatch, list[Any]]]:
    """Each batch with ``funksjon(saker, bok, *args)`` for each piece of at most ``bit`` of
    its cases, in order, each run in one of ``prosesser`` workers."""
    if prosesser < 1 or bit < 1:
        raise ValueError("prosesser og bit må være minst 1")
    mappe = None if bok is default_rulebook() else bok.mappe
    satser = bok.kommunale_satser.fil if bok.kommunale_satser is not None else None
    motor = aktiv()
    ventende: deque[tuple[Innbatch, list[Future[Any]]]] = deque()
    i_arbeid = 0
    with ProcessPoolExecutor(prosesser, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            for b in batcher:
                biter = [
                    pool.submit(
                        _arbeid,
                        funksjon,
                        b.saker[i : i + bit],
                        mappe,
                        satser,
                        bok.digest,
                        motor,
                        args,
                    )
                    for i in range(0, len(b.saker), bit)
                ]
                ventende.append((b, biter))
                i_arbeid += len(biter)
                while ventende and i_arbeid >= prosesser * I_ARBEID_PER_PROSESS:
                    b, biter = ventende.popleft()
                    i_arbeid -= len(biter)
                    yield b, [f.result() for f in biter]
            while ventende:
                b, biter = ventende.popleft()
                yield b, [f.result() for f in biter]
        finally:
            for _, biter in ventende:
                for f in biter:
                    f.cancel()


def _arbeid(
    funksjon: Arbeid,
    saker: list[Any],
    mappe: str | None,
    satser: str | None,
    digest: str,
    motor: str,
    args: tuple[Any, ...],
) -> Any:
    """One batch in a worker, with the caller's rules (checked) and evaluator."""
    bok = krev_samme_regler(load_rulebook(mappe, satser), digest)
    with bruk_motor(motor):
        return funksjon(saker, bok, *args)
