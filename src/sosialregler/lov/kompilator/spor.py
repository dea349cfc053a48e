"""The trace of a compiled evaluation, and the interpreter's tree rebuilt from it on demand.

A compiled rule returns a ``Post``: ``(utfall, mangler, avgjort_av, blader, tekstfakta,
unntak)``, where ``blader`` holds, for each expression leaf in the condition's order, its
outcome and the value (or tuple of values) it read, and ``unntak`` one ``(utfall, mangler,
blader, tekstfakta)`` per exception evaluated. Together with the rule versions in force that is
all the interpreter's tree says; ``Spor.node`` runs the rule's compiled builder (``n<n>`` in
the generated text, ``kilde.byggefunksjon``) on its entry, which builds the ``Node`` the
interpreter would have built, node for node (tests compare them). Nothing is built until
someone reads the tree (texts, JSON, records, what-if).

A kept assessment keeps its traces, so ``Spor`` stores each entry *compact* (``Lagret``): the
same tuples with every outcome as a small int (``KODE``) and every unknown fact as a pair of
atomic values (``_ut``), turned back only when a node is rebuilt. An enum member or an
``Ukjent`` is an object the garbage collector tracks, and a tuple that holds one stays tracked
for good; a tuple of strings, ints, dates and decimals leaves the collector after its first
passes, so thousands of kept results no longer cost every full collection a visit to each
rule's entry (issue 17; ``benchmarks/bench_spor.py`` measures it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...inndata.ukjent import Ukjent
from ..outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART, Utfall
from ..rulebook.model import Regel
from ..tree import Node

#: A rule's trace entry (see the module docstring).
Post = tuple[Utfall, tuple[str, ...], str | None, tuple[Any, ...], tuple[Any, ...] | None, tuple]

#: A trace entry as ``Spor`` keeps it: a ``Post`` with each outcome as its ``KODE``.
Lagret = tuple[int, tuple[str, ...], str | None, tuple[Any, ...], tuple[Any, ...] | None, tuple]

#: The entry of a rule with no version in force on the date (the interpreter's ``uavklart``).
IKKE_I_KRAFT: Post = (UAVKLART, (), None, (), None, ())

#: Each outcome by its code in a kept entry (``UTFALL[KODE[u]] is u``).
UTFALL: tuple[Utfall, ...] = (OPPFYLT, IKKE_OPPFYLT, UAVKLART, SKJONN)
KODE: dict[Utfall, int] = {u: i for i, u in enumerate(UTFALL)}


#: What stands for an unknown fact (``Ukjent``, a tracked object) in a kept entry: the pair
#: ``(_UKJENT, its missing fields)``; found by identity, so no value a case holds can pass for it.
_UKJENT = b"ukjent"


def _ut(verdi: Any) -> Any:
    """A value read, as kept: each ``Ukjent`` in it as its pair (a tuple with none in it, the
    tuple itself: no call per element)."""
    t = type(verdi)
    if t is Ukjent:
        return (_UKJENT, verdi.mangler)
    if t is tuple:
        for v in verdi:
            t = type(v)
            if t is Ukjent or t is tuple:
                return tuple(map(_ut, verdi))
    return verdi


def _inn(verdi: Any) -> Any:
    """``_ut`` undone."""
    if type(verdi) is tuple:
        if len(verdi) == 2 and verdi[0] is _UKJENT:
            return Ukjent(verdi[1])
        for v in verdi:
            if type(v) is tuple:
                return tuple(map(_inn, verdi))
    return verdi


#: Each outcome's code by the outcome's ``id``: ``Utfall`` is an enum, whose hash is Python code,
#: while an int's is not; the four outcomes are singletons, so their ids name them.
_KODE_ETTER_ID: dict[int, int] = {id(u): i for u, i in KODE.items()}
_KODE_AV_ID = _KODE_ETTER_ID.__getitem__


def _blader(blader: tuple[Any, ...], om: Mapping[Any, Any] | tuple[Any, ...]) -> tuple[Any, ...]:
    """Leaf pairs ``(outcome, value, ...)`` with each outcome mapped through ``om`` and each
    value through ``_ut`` (outcomes to codes) or ``_inn`` (back)."""
    if not blader:
        return blader
    if om is KODE:
        return _blader_ut(blader)
    if om is UTFALL:
        return _blader_inn(blader)
    ut = list(blader)
    ut[0::2] = map(om.__getitem__, blader[0::2])
    ut[1::2] = map(_inn, blader[1::2])
    return tuple(ut)


def _blader_ut(blader: tuple[Any, ...]) -> tuple[Any, ...]:
    """``_blader(blader, KODE)``, the hot path: most rules read one leaf, and most values are
    neither an ``Ukjent`` nor a tuple, so ``_ut`` is called only for those that are."""
    if len(blader) == 2:
        u, v = blader
        t = type(v)
        return (_KODE_ETTER_ID[id(u)], _ut(v) if t is Ukjent or t is tuple else v)
    ut = list(blader)
    ut[0::2] = map(_KODE_AV_ID, map(id, blader[0::2]))
    for i in range(1, len(ut), 2):
        t = type(ut[i])
        if t is Ukjent or t is tuple:
            ut[i] = _ut(ut[i])
    return tuple(ut)


def _tekst(verdier: tuple[Any, ...] | None, verdi: Callable[[Any], Any]) -> tuple[Any, ...] | None:
    return verdier if verdier is None else verdi(verdier)


def _tekst_ut(verdier: tuple[Any, ...] | None) -> tuple[Any, ...] | None:
    """``_tekst(verdier, _ut)``; the tuple itself when nothing in it changes."""
    if verdier is None:
        return None
    for v in verdier:
        t = type(v)
        if t is Ukjent or t is tuple:
            return tuple(map(_ut, verdier))
    return verdier


def komprimer(post: Post) -> Lagret:
    """The entry as kept: outcomes as ints, unknown facts as pairs (see the module docstring)."""
    utfall, mangler, avgjort_av, blader, tekst, unntak = post
    if unntak:
        unntak = tuple(
            [
                (_KODE_ETTER_ID[id(eu)], em, _blader_ut(eb) if eb else eb, _tekst_ut(et))
                for eu, em, eb, et in unntak
            ]
        )
    return (
        _KODE_ETTER_ID[id(utfall)],
        mangler,
        avgjort_av,
        _blader_ut(blader) if blader else blader,
        _tekst_ut(tekst),
        unntak,
    )


def _blader_inn(blader: tuple[Any, ...]) -> tuple[Any, ...]:
    """``_blader(blader, UTFALL)``: ``_inn`` is called only for a value that is a tuple (the
    only kind it changes), as ``_blader_ut`` calls ``_ut``."""
    if len(blader) == 2:
        k, v = blader
        return (UTFALL[k], _inn(v) if type(v) is tuple else v)
    ut = list(blader)
    ut[0::2] = map(UTFALL.__getitem__, blader[0::2])
    for i in range(1, len(ut), 2):
        if type(ut[i]) is tuple:
            ut[i] = _inn(ut[i])
    return tuple(ut)


def _tekst_inn(verdier: tuple[Any, ...] | None) -> tuple[Any, ...] | None:
    """``_tekst(verdier, _inn)``; the tuple itself when nothing in it changes."""
    if verdier is None:
        return None
    for v in verdier:
        if type(v) is tuple:
            return _inn(verdier)
    return verdier


def utvid(lagret: Lagret) -> Post:
    """The entry as evaluated (``komprimer`` undone), for a builder."""
    kode, mangler, avgjort_av, blader, tekst, unntak = lagret
    if unntak:
        unntak = tuple(
            [
                (UTFALL[ek], em, _blader_inn(eb) if eb else eb, _tekst_inn(et))
                for ek, em, eb, et in unntak
            ]
        )
    return (
        UTFALL[kode],
        mangler,
        avgjort_av,
        _blader_inn(blader) if blader else blader,
        _tekst_inn(tekst),
        unntak,
    )


class Spor:
    """One context's trace (the case's, or one item's) and the nodes rebuilt from it."""

    __slots__ = ("byggere", "i_kraft", "noder", "poster", "versjoner")

    def __init__(
        self,
        i_kraft: Mapping[str, Regel],
        versjoner: Mapping[str, tuple[Regel, ...]],
        byggere: Mapping[str, Callable[[Spor, Post], Node] | None],
    ) -> None:
        self.i_kraft = i_kraft  # the rule versions in force (``Regelbok.versjoner_i_kraft``)
        self.versjoner = versjoner  # every version (``Regelbok.regler``)
        self.byggere = byggere  # each compiled rule's builder (``Program.byggere``)
        self.poster: dict[str, Lagret] = {}  # each rule's entry, compact (``komprimer``)
        self.noder: dict[str, Node] = {}

    def node(self, regel_id: str) -> Node:
        """The rule's node as the interpreter builds it (``engine.Kontekst._evaluer``)."""
        node = self.noder.get(regel_id)
        if node is None:
            bygg = self.byggere[regel_id]
            if bygg is None:  # no version in force: the interpreter's explicit «uavklart»
                info = self.versjoner[regel_id][0].info
                node = Node(regel_id, UAVKLART, regel=info, rolle="ikke_i_kraft")
            else:
                node = bygg(self, utvid(self.poster[regel_id]))
            self.noder[regel_id] = node
        return node
