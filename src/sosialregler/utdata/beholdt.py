"""A kept assessment: the case, its date and its outcomes; the trees rebuilt by evaluating again.

Issue 17: a batch or a service that keeps its results kept each one's trace (the values every
rule read, 11–19 KiB), the nodes its calculations built, and every item's context: 29–55 KiB
and 140–230 objects the garbage collector visits in each full collection, per result. What
``assess`` returns now keeps only what its attributes show at once — the case (``sak``), the
date, the outcomes, amounts, missing facts and flags, the rate rows (shared with the rate
tables) — and a ``Gjenskaping``: the case, the date, the rulebook it was evaluated with (the
one shared object, never a copy) and the engine. The trees, the calculations' lines and the
flags' nodes are lazy values (``LatNode``, ``Lat``) that ask the ``Gjenskaping`` for them.

The first of them read evaluates the case again (``vurderer.evaluer``: the same validated
case, the same rulebook object with its rates, the same date, the same engine, in the
library's decimal context), which is deterministic: the result is the same, node for node.
It is held to the kept result all the same: a fingerprint of every outcome, amount, missing
fact and flag (``kjennetegn``) taken when the result was kept must match the new evaluation's,
or reading fails with an internal error rather than show a tree that is not the decision's.

The new evaluation is kept by the ``Gjenskaping`` from then on, so a tree, a text or JSON read
twice costs the evaluation once (the trade-off: a result that has been read holds its trees
again, as every result did before; one that is only kept, as a batch keeps its results, does
not). Pickled or deep-copied, the lazy values go as what they build: the copy is self-contained
and holds no rulebook.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..inndata.desimal import DESIMALKONTEKST
from ..lov.kompilator.motor import bruk_motor
from ..vurdering import vurderer

if TYPE_CHECKING:
    from ..inndata.facts import Sak
    from ..lov.rulebook.book import Regelbok
    from ..lov.tree import Node
    from .assessment import Assessment

T = TypeVar("T")


class Lat(Generic[T]):
    """A value not made yet: ``Lat(hent, *args)`` makes it by ``hent(*args)`` when asked.

    For a kept assessment's calculation lines (``Vedtak.beregning``), as ``LatNode`` is for its
    trees. It pickles and deep-copies as the value it makes, so a copy holds no rulebook.
    """

    __slots__ = ("_args", "_hent")

    def __init__(self, hent: Callable[..., T], *args: Any) -> None:
        self._hent = hent
        self._args = args

    def hent(self) -> T:
        return self._hent(*self._args)

    def __reduce__(self) -> tuple[Callable[[T], T], tuple[T]]:
        return _som_den_er, (self.hent(),)

    def __repr__(self) -> str:
        return "Lat(<lages ved ny vurdering>)"


def _som_den_er(verdi: T) -> T:
    return verdi


def kjennetegn(a: Assessment) -> int:
    """A fingerprint of what a kept result shows without its trees: each decision's outcome,
    amounts and missing facts, whether it has lines, each flag, the rate rows used.

    A hash, not the values: the kept result holds the values themselves, and this is only
    compared within the process (a copy sent elsewhere carries its trees, see the module).
    Outputs that are lists or dicts (the persons in scope, the § 20 conditions) are hashed as
    tuples (``_hashbar``). 7–15 µs of CPU for the examples, ~3 % of an assessment.
    """
    return hash(
        (
            tuple(
                (navn, v.utfall.value, v.mangler, _hashbar(v.utdata), v._beregning is None)
                for navn, v in a.vedtak.items()
            ),
            tuple(
                (m.kode, m.regel.id if m.regel else None, m.person, m.frist, m._node is None)
                for m in a.merknader
            ),
            tuple((s.get("tabell"), s.get("gyldig_fra")) for s in a.satser),
            a._klage is None,
        )
    )


def _hashbar(verdi: Any) -> Any:
    """``verdi`` with every list and mapping in it as a tuple (of items), so it hashes."""
    if isinstance(verdi, Mapping):
        return tuple([(k, _hashbar(v)) for k, v in verdi.items()])
    if type(verdi) is list or type(verdi) is tuple:
        return tuple(map(_hashbar, verdi))
    return verdi


class Gjenskaping:
    """What a kept assessment needs to evaluate its case again, and that evaluation once made.

    ``regelbok`` is the rulebook object the case was assessed with, shared by every result
    assessed with it (the default rulebook is loaded once); nothing of it is copied here.
    """

    __slots__ = ("_kjennetegn", "_vurdering", "dato", "motor", "regelbok", "sak")

    def __init__(
        self, sak: Sak, dato: date, regelbok: Regelbok, motor: str, kjennetegn: int
    ) -> None:
        self.sak = sak
        self.dato = dato
        self.regelbok = regelbok
        self.motor = motor
        self._kjennetegn = kjennetegn
        self._vurdering: Assessment | None = None

    def vurdering(self) -> Assessment:
        """The case evaluated again with its trace, once; held to the kept fingerprint."""
        vurdering = self._vurdering
        if vurdering is None:
            with decimal.localcontext(DESIMALKONTEKST), bruk_motor(self.motor):
                vurdering = vurderer.evaluer(self.sak, self.dato, self.regelbok)
            if kjennetegn(vurdering) != self._kjennetegn:
                raise RuntimeError(
                    "intern feil i sosialregler: saken vurdert på nytt for å bygge "
                    "forklaringen ga ikke det samme resultatet som ble beholdt"
                )
            self._vurdering = vurdering
        return vurdering


def vedtaksnode(gjenskaping: Gjenskaping, navn: str) -> Node:
    """The decision's tree, from the case evaluated again."""
    return gjenskaping.vurdering().vedtak[navn].node


def linjer(gjenskaping: Gjenskaping, navn: str) -> Any:
    """The decision's calculation lines, from the case evaluated again."""
    return gjenskaping.vurdering().vedtak[navn].beregning


def flaggnode(gjenskaping: Gjenskaping, indeks: int) -> Node:
    """The node of the ``indeks``-th flag, from the case evaluated again."""
    node = gjenskaping.vurdering().merknader[indeks].node
    assert node is not None  # the fingerprint holds: the kept flag had a node
    return node


def klagenode(gjenskaping: Gjenskaping) -> Node:
    """The appeal information's node, from the case evaluated again."""
    node = gjenskaping.vurdering().klage
    assert node is not None
    return node
