"""The trace of a compiled evaluation, and the interpreter's tree rebuilt from it on demand.

A compiled rule's trace entry (``Post`` as a builder reads it) is ``(utfall, mangler,
avgjort_av, blader, tekstfakta, unntak)``, where ``blader`` holds, for each expression leaf in
the condition's order, its outcome and the value (or tuple of values) it read, and ``unntak``
one ``(utfall, mangler, blader, tekstfakta)`` per exception evaluated. Together with the rule
versions in force that is all the interpreter's tree says; ``Spor.node`` runs the rule's
compiled builder (``n<n>`` in the generated text, ``kilde.byggefunksjon``) on its entry, which
builds the ``Node`` the interpreter would have built, node for node (tests compare them).
Nothing is built until someone reads the tree (texts, JSON, records, what-if).

A kept assessment keeps its traces, so ``Spor`` stores each entry *compact* (``Lagret``): the
same tuples with every outcome as a small int (``KODE``) and every unknown fact as a pair of
atomic values (``kompakt``), turned back only when a node is rebuilt (``utvid``). The compiled
rules write their entries in this form as they run (``kilde``: each leaf sets its outcome's
code where it sets the outcome), so nothing is compacted afterwards; ``komprimer`` is the
form's reference, which tests hold the generated code to. An enum member or an ``Ukjent``
is an object the garbage collector tracks, and a tuple that holds one stays tracked for good; a
tuple of strings, ints, dates and decimals leaves the collector after its first passes, so
thousands of kept results no longer cost every full collection a visit to each rule's entry
(issue 17; ``benchmarks/bench_spor.py`` measures it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...inndata.ukjent import Ukjent
from ..outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART, Utfall
from ..rulebook.model import Regel
from ..tree import Node

#: A rule's trace entry as a builder reads it (see the module docstring).
Post = tuple[Utfall, tuple[str, ...], str | None, tuple[Any, ...], tuple[Any, ...] | None, tuple]

#: A trace entry as ``Spor`` keeps it: a ``Post`` with each outcome as its ``KODE`` and each
#: unknown value as a pair (``komprimer``); the compiled rules write it in this form.
Lagret = tuple[int, tuple[str, ...], str | None, tuple[Any, ...], tuple[Any, ...] | None, tuple]

#: What evaluating a rule gives those who read its outcome (``engine.Kontekst.resultat``):
#: the outcome, the missing fields, the exception that decided.
Resultat = tuple[Utfall, tuple[str, ...], str | None]

#: The entry of a rule with no version in force on the date (the interpreter's ``uavklart``).
IKKE_I_KRAFT: Post = (UAVKLART, (), None, (), None, ())

#: Each outcome by its code in a kept entry (``UTFALL[KODE[u]] is u``).
UTFALL: tuple[Utfall, ...] = (OPPFYLT, IKKE_OPPFYLT, UAVKLART, SKJONN)
KODE: dict[Utfall, int] = {u: i for i, u in enumerate(UTFALL)}


#: What stands for an unknown fact (``Ukjent``, a tracked object) in a kept entry: the pair
#: ``(_UKJENT, its missing fields)``; found by identity, so no value a case holds can pass for it.
_UKJENT = b"ukjent"


def kompakt(verdi: Any) -> Any:
    """A value read, as kept: each ``Ukjent`` in it as its pair (a tuple with none in it, the
    tuple itself: no call per element)."""
    t = type(verdi)
    if t is Ukjent:
        return (_UKJENT, verdi.mangler)
    if t is tuple:
        for v in verdi:
            t = type(v)
            if t is Ukjent or t is tuple:
                return tuple(map(kompakt, verdi))
    return verdi


def _inn(verdi: Any) -> Any:
    """``kompakt`` undone."""
    if type(verdi) is tuple:
        if len(verdi) == 2 and verdi[0] is _UKJENT:
            return Ukjent(verdi[1])
        for v in verdi:
            if type(v) is tuple:
                return tuple(map(_inn, verdi))
    return verdi


def _blader_ut(blader: tuple[Any, ...]) -> tuple[Any, ...]:
    ut = list(blader)
    ut[0::2] = map(KODE.__getitem__, blader[0::2])
    ut[1::2] = map(kompakt, blader[1::2])
    return tuple(ut)


def komprimer(post: Post) -> Lagret:
    """The entry as kept: outcomes as ints, unknown facts as pairs (see the module docstring).

    The reference for the form: the compiled rules write their entries in it already
    (``kilde``), and tests hold what they write to this (``tests/test_motor_hurtigvei.py``).
    """
    utfall, mangler, avgjort_av, blader, tekst, unntak = post
    return (
        KODE[utfall],
        mangler,
        avgjort_av,
        _blader_ut(blader),
        None if tekst is None else tuple(map(kompakt, tekst)),
        tuple(
            (KODE[eu], em, _blader_ut(eb), None if et is None else tuple(map(kompakt, et)))
            for eu, em, eb, et in unntak
        ),
    )


def _blader_inn(blader: tuple[Any, ...]) -> tuple[Any, ...]:
    """Leaf pairs back: each code to its outcome, each value through ``_inn``, called only for
    a value that is a tuple (the only kind it changes)."""
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
    """Text facts back through ``_inn``; the tuple itself when nothing in it changes."""
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


#: ``object.__new__``, for ``Spor.ny``.
_NY = object.__new__


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

    def ny(self) -> Spor:
        """An empty trace for the same rule versions and builders (an item's, made for each
        income line and person: without ``__init__``, a third of the time)."""
        spor = _NY(Spor)
        spor.i_kraft = self.i_kraft
        spor.versjoner = self.versjoner
        spor.byggere = self.byggere
        spor.poster = {}
        spor.noder = {}
        return spor

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
