"""Many cases at once (issue 9): ``assess_many``, in order, one bad case never stops the batch.

>>> for svar in assess_many(saker, processes=2, on="2024-06-01"):   # doctest: +SKIP
...     if isinstance(svar, Avvist):
...         print(svar.indeks, svar.sak_id, svar.feil)

Each result is, in the order the cases came in, either the case's result (an ``Assessment``,
its contract JSON as one line of text with ``resultat="json"``, or what a function of yours
makes of it) or an ``Avvist`` naming the case (its position ``indeks`` and its ``sak_id``) and
every problem ``UgyldigSak`` found. An internal error in one case (a bug) is an ``Avvist`` too,
marked ``intern``, so it cannot stop the others.

**Processes.** With ``processes > 1`` the cases go to worker processes in chunks of
``chunk_size``; at most a few chunks per worker are in flight, so a generator of a million
cases is never held in memory, and results are yielded in input order as chunks finish. The
workers are started the ``spawn`` way (safe in a process with threads, and the same on every
platform): the functions they run are module-level, and each worker loads the rulebook once
when it starts (the shipped rules, or the same folder and rate file as ``regler``; the worker
checks that the rules' digest is the one the caller has). Cases are handed over as the caller
gave them: JSON text (a line of a JSON Lines file) is parsed in the worker, so parsing runs in
parallel too. A result goes back by pickling: prefer ``resultat="json"`` or a function that
keeps what you need, because a whole ``Assessment`` with its trees is some 90 KB.

**Kept results.** ``resultat="vurdering"`` and a function get the small kept result
(``assess(…, keep_trace=False)``, ``utdata.beholdt``: its outcomes, amounts and flags at
once, a few KiB; its trees, texts and lines built by evaluating the case again the first
time they are read), so a batch that keeps its results, or a function that reads only
outcomes, amounts and flags, holds no trace. ``"json"`` and ``"vedtaksgrunnlag"`` read the
trees at once, and an ``Assessment`` sent back from a worker process is pickled with its
trees, so these assess with the trace kept (``assess_med_spor``): one evaluation per case
either way.

**Progress.** ``progress=None`` draws a bar on standard error when it is a terminal and nothing
otherwise; ``True``/``False`` force it; a callable is called as ``progress(done, total)``
(``total`` is None when the number of cases is not known).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextvars import ContextVar
from datetime import date
from itertools import islice
from typing import Any, TextIO

from attrs import frozen

from ..api import assess, assess_med_spor, default_rulebook, les_dato, regelbok
from ..inndata.errors import Feil, RegelFeil, UgyldigSak
from ..inndata.facts import Sak
from ..inndata.grenser import STANDARD, Grenser, som_grenser
from ..inndata.jsonlinjer import AvvistLinje
from ..lov.rulebook.book import Regelbok

__all__ = ["Avvist", "Fremdrift", "assess_many", "regelbok_i_bruk"]

#: Cases per chunk sent to a worker: large enough that handing over costs little, small enough
#: that the progress bar moves and the last chunk does not leave a worker idle for long.
CHUNK_SIZE = 250
#: Chunks in flight per worker: keeps every worker busy without reading the whole input ahead.
I_ARBEID_PER_PROSESS = 3


@frozen
class Avvist:
    """A case that could not be assessed: where it was in the input, and every problem."""

    indeks: int
    sak_id: str | None
    feil: tuple[Feil, ...]
    intern: bool = False  # an internal error (a bug in sosialregler), not a rejected case

    def to_dict(self) -> dict[str, Any]:
        """``{"feil": [...], "indeks": i, "sak_id": ...}``, as ``vurder --batch`` writes it."""
        ut: dict[str, Any] = {
            "feil": [f.to_dict() for f in self.feil],
            "indeks": self.indeks,
            "sak_id": self.sak_id,
        }
        if self.intern:
            ut["intern_feil"] = True
        return ut


Resultat = str | Callable[[Any], Any]
#: What a result can be, by name: the ``Assessment``, or one line of JSON (the contract's
#: output, or the decision record).
RESULTATER = ("vurdering", "json", "vedtaksgrunnlag")


def assess_many(
    cases: Iterable[Mapping[str, Any] | str | bytes | Sak],
    processes: int | None = 1,
    chunk_size: int = CHUNK_SIZE,
    on: date | str | None = None,
    progress: bool | Callable[[int, int | None], Any] | None = None,
    *,
    regler: Regelbok | None = None,
    resultat: Resultat = "vurdering",
    total: int | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
    nokkel: bytes | None = None,
) -> Iterator[Any]:
    """Assess every case, yielding results in input order (see the module's docstring).

    ``processes``: worker processes (``None``: one per CPU; 1: in this process).
    ``on``: the date for every case (else each case's ``vurderingsdato``); a malformed date is
    rejected at once with ``UgyldigSak``. ``resultat``: ``"vurdering"`` (an ``Assessment``),
    ``"json"`` (the contract JSON as one line), ``"vedtaksgrunnlag"`` (the decision record as
    one line), or a module-level function applied to each ``Assessment`` in the worker.
    ``total``: the number of cases, for the progress bar, when ``cases`` has no ``len``.
    ``grenser``: the input limits for every case (``grenser.py``), if not the defaults.
    ``nokkel``: the office's key; with ``resultat="vedtaksgrunnlag"`` every record is signed
    with it, exactly as ``to_record(nokkel=...)`` signs one (``record.py``).
    """
    on_dato = les_dato(on)
    try:
        grense = som_grenser(grenser)
    except ValueError as exc:
        raise UgyldigSak([Feil("grenser", None, str(exc))]) from None
    if processes is None:
        processes = os.cpu_count() or 1
    if processes < 1 or chunk_size < 1:
        raise ValueError("processes og chunk_size må være minst 1")
    if not callable(resultat) and resultat not in RESULTATER:
        navn = ", ".join(map(repr, RESULTATER))
        raise ValueError(f"ukjent resultat {resultat!r}: bruk {navn} eller en funksjon")
    if nokkel is not None and resultat != "vedtaksgrunnlag":
        raise ValueError('nokkel signerer vedtaksgrunnlag: bruk den med resultat="vedtaksgrunnlag"')
    if total is None and hasattr(cases, "__len__"):
        # `hasattr` does not narrow the Iterable to Sized for the type checker.
        total = len(cases)  # type: ignore[arg-type]
    melder = _melder(progress, total)
    bok = regler or default_rulebook()
    biter = _biter(cases, chunk_size)
    kjoring: Iterator[list[Any]]
    if processes == 1:
        kjoring = (_vurder_bit(bit, on_dato, resultat, bok, grense, nokkel) for bit in biter)
    else:
        kjoring = _parallelt(biter, processes, on_dato, resultat, bok, grense, nokkel)
    return _med_fremdrift(kjoring, melder)


def _med_fremdrift(
    kjoring: Iterator[list[Any]], melder: Callable[[int], None] | None
) -> Iterator[Any]:
    ferdig = 0
    try:
        for svar in kjoring:
            yield from svar
            ferdig += len(svar)
            if melder:
                melder(ferdig)
    finally:
        if melder:
            melder(-1)  # done (or stopped): let a bar end its line


def _biter(cases: Iterable[Any], storrelse: int) -> Iterator[list[tuple[int, Any]]]:
    nummerert = enumerate(cases)
    while bit := list(islice(nummerert, storrelse)):
        yield bit


# --- the work, in this process or a worker -----------------------------------------------------

#: The worker's rulebook, loaded once when a worker process starts (``_start_arbeider``).
_ARBEIDERENS_BOK: Regelbok | None = None


def _start_arbeider(mappe: str | None, satser: str | None) -> None:
    global _ARBEIDERENS_BOK
    _ARBEIDERENS_BOK = regelbok(mappe, satser)


def krev_samme_regler(
    bok: Regelbok,
    digest: str,
    *,
    hvem: str = "arbeidsprosessen",
    startet: str = "den som startet den",
    hint: str = "er regelfilene endret under kjøringen?",
) -> Regelbok:
    """``bok`` when it is the rulebook the caller ran with (``digest``): a worker (a process
    here, in a population run, or on a Dask cluster) that loaded other rules must never answer
    with other law. The one check every kind of worker makes; ``hvem``, ``startet`` and
    ``hint`` word it for that worker."""
    if bok.digest != digest:
        raise RegelFeil(
            f"{hvem} lastet andre regler ({bok.digest}) enn {startet} ({digest}); {hint}",
            fil=bok.mappe,
        )
    return bok


def _arbeid(
    bit: list[tuple[int, Any]],
    on: date | None,
    resultat: Resultat,
    digest: str,
    grenser: Grenser = STANDARD,
    nokkel: bytes | None = None,
) -> Any:
    """A worker's chunk: the rulebook it loaded must be the caller's."""
    bok = krev_samme_regler(_ARBEIDERENS_BOK or default_rulebook(), digest)
    return _vurder_bit(bit, on, resultat, bok, grenser, nokkel, sendes=True)


#: The rulebook of the batch being run, for a ``resultat`` function that needs it.
_I_BRUK: ContextVar[Regelbok | None] = ContextVar("sosialregler_batch_regelbok", default=None)


def for_rapport(
    saker: Iterable[Any],
    dato: date | str,
    resultat: Resultat,
    *,
    processes: int | None,
    chunk_size: int,
    progress: bool | Callable[[int, int | None], Any] | None,
    regler: Regelbok | None,
    total: int | None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> tuple[date, Regelbok, Iterator[Any]]:
    """What a caseload report (``oppfolging``, ``tilsyn.rapport``) begins with: its date
    (which it must have: a rejection naming ``--dato`` else), its rulebook, and
    ``assess_many``'s results for every case on that date, in input order. The batch starts
    when the results are first read, so a report may load what it needs (its audit points)
    first."""
    on = les_dato(dato)
    if on is None:
        raise UgyldigSak([Feil("--dato", None, "rapporten trenger en dato")])
    bok = regler or default_rulebook()

    def resultater() -> Iterator[Any]:
        yield from assess_many(
            saker,
            processes=processes,
            chunk_size=chunk_size,
            on=on,
            progress=progress,
            regler=bok,
            resultat=resultat,
            total=total,
            grenser=grenser,
        )

    return on, bok, resultater()


def regelbok_i_bruk() -> Regelbok:
    """The rulebook the running batch assesses with (for a ``resultat`` function).

    In a worker process it is the one the worker loaded; outside a batch, the shipped one.
    """
    return _I_BRUK.get() or default_rulebook()


def _vurder_bit(
    bit: list[tuple[int, Any]],
    on: date | None,
    resultat: Resultat,
    bok: Regelbok,
    grenser: Grenser = STANDARD,
    nokkel: bytes | None = None,
    *,
    sendes: bool = False,
) -> list[Any]:
    """``sendes``: the results go back to the caller by pickling (a worker process)."""
    token = _I_BRUK.set(bok)
    try:
        return _vurder(bit, on, resultat, bok, grenser, nokkel, sendes=sendes)
    finally:
        _I_BRUK.reset(token)


def _vurder(
    bit: list[tuple[int, Any]],
    on: date | None,
    resultat: Resultat,
    bok: Regelbok,
    grenser: Grenser = STANDARD,
    nokkel: bytes | None = None,
    *,
    sendes: bool = False,
) -> list[Any]:
    # JSON and records read the trees at once; an ``Assessment`` sent back from a worker is
    # pickled with its trees: both assess with the trace kept, so no case is evaluated twice.
    med_spor = resultat in ("json", "vedtaksgrunnlag") or (sendes and resultat == "vurdering")
    ut: list[Any] = []
    for indeks, sak in bit:
        try:
            if isinstance(sak, AvvistLinje):  # over the byte limit, or not UTF-8 (jsonlinjer)
                raise UgyldigSak(list(sak.feil))
            if med_spor:
                vurdering = assess_med_spor(sak, on, regler=bok, grenser=grenser)
            else:
                # Kept (``utdata.beholdt``): outcomes now, trees only if a function reads them.
                vurdering = assess(sak, on, regler=bok, grenser=grenser, keep_trace=False)
            if resultat == "vurdering":
                ut.append(vurdering)
            elif resultat == "json":
                ut.append(json.dumps(vurdering.to_dict(), ensure_ascii=False))
            elif resultat == "vedtaksgrunnlag":
                ut.append(json.dumps(vurdering.to_record(nokkel=nokkel), ensure_ascii=False))
            else:
                # Not one of RESULTATER, so a function (checked in assess_many).
                ut.append(resultat(vurdering))  # type: ignore[operator]
        except UgyldigSak as exc:
            ut.append(Avvist(indeks, _sak_id(sak), tuple(exc.feil)))
        except RegelFeil as exc:  # a rule that fails on this case: a fault in the rules, named
            ut.append(Avvist(indeks, _sak_id(sak), (Feil("$", exc.fil, f"feil i reglene: {exc}"),)))
        except Exception as exc:  # a bug must not stop the batch: reported on the case
            melding = f"intern feil i sosialregler: {type(exc).__name__}: {exc}"
            ut.append(Avvist(indeks, _sak_id(sak), (Feil("$", None, melding),), intern=True))
    return ut


def _sak_id(sak: Any) -> str | None:
    """The case's ``sak_id`` if it can be read at all (a rejected case may be unreadable)."""
    if isinstance(sak, Sak):
        return sak.sak_id
    if isinstance(sak, str | bytes):
        try:
            sak = json.loads(sak)
        except (ValueError, RecursionError):
            return None
    if isinstance(sak, Mapping):
        verdi = sak.get("sak_id")
        return verdi if isinstance(verdi, str) else None
    return None


def _parallelt(
    biter: Iterator[list[tuple[int, Any]]],
    prosesser: int,
    on: date | None,
    resultat: Resultat,
    bok: Regelbok,
    grenser: Grenser = STANDARD,
    nokkel: bytes | None = None,
) -> Iterator[list[Any]]:
    """Chunks to a pool of spawned workers; results in order, a bounded number in flight."""
    standard = bok is default_rulebook()
    mappe = None if standard else bok.mappe
    satser = bok.kommunale_satser.fil if bok.kommunale_satser is not None else None
    kontekst = multiprocessing.get_context("spawn")
    ventende: deque[Future[list[Any]]] = deque()
    with ProcessPoolExecutor(
        prosesser, mp_context=kontekst, initializer=_start_arbeider, initargs=(mappe, satser)
    ) as pool:
        try:
            for bit in biter:
                ventende.append(
                    pool.submit(_arbeid, bit, on, resultat, bok.digest, grenser, nokkel)
                )
                while len(ventende) >= prosesser * I_ARBEID_PER_PROSESS:
                    yield ventende.popleft().result()
            while ventende:
                yield ventende.popleft().result()
        finally:
            for f in ventende:
                f.cancel()


# --- progress ----------------------------------------------------------------------------------


def _melder(
    progress: bool | Callable[[int, int | None], Any] | None, total: int | None
) -> Callable[[int], None] | None:
    if callable(progress) and not isinstance(progress, bool):
        meld = progress  # narrowed here; `progress` itself is reassigned below

        def kall(ferdig: int) -> None:
            if ferdig >= 0:
                meld(ferdig, total)

        return kall
    if progress is None:
        progress = _er_terminal(sys.stderr)
    return Fremdrift(total).oppdater if progress else None


def _er_terminal(strom: TextIO | None) -> bool:
    try:
        return bool(strom is not None and strom.isatty())
    except (AttributeError, ValueError):
        return False


class Fremdrift:
    """A one-line progress bar on standard error: count, share, cases per second, time left.

    Redrawn at most ten times a second; ``oppdater(-1)`` ends the line.
    """

    BREDDE = 30

    def __init__(self, total: int | None, strom: TextIO | None = None) -> None:
        self.total = total
        self.strom = strom or sys.stderr
        self.start = time.perf_counter()
        self.sist = 0.0
        self.ferdig = 0
        self.avsluttet = False

    def oppdater(self, ferdig: int) -> None:
        if self.avsluttet:
            return
        na = time.perf_counter()
        if ferdig < 0:
            self.avsluttet = True
            self._tegn(na)
            self.strom.write("\n")
            self.strom.flush()
            return
        self.ferdig = ferdig
        if na - self.sist >= 0.1:
            self.sist = na
            self._tegn(na)

    def linje(self, na: float | None = None) -> str:
        tid = max((na or time.perf_counter()) - self.start, 1e-9)
        fart = self.ferdig / tid
        if self.total:
            andel = min(self.ferdig / self.total, 1.0)
            fylt = round(andel * self.BREDDE)
            igjen = (self.total - self.ferdig) / fart if fart > 0 else 0.0
            return (
                f"[{'#' * fylt}{'-' * (self.BREDDE - fylt)}] {_tall(self.ferdig)}/"
                f"{_tall(self.total)} saker ({andel:.0%}), {_tall(round(fart))} saker/s, "
                f"ca. {igjen:.0f} s igjen"
            )
        return f"{_tall(self.ferdig)} saker, {_tall(round(fart))} saker/s"

    def _tegn(self, na: float) -> None:
        self.strom.write("\r" + self.linje(na) + "\x1b[K")
        self.strom.flush()


def _tall(n: int) -> str:
    return f"{n:,}".replace(",", " ")
