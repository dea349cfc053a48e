"""The trace of a compiled evaluation, and the interpreter's tree rebuilt from it on demand.

A compiled rule returns a ``Post``: ``(utfall, mangler, avgjort_av, blader, tekstfakta,
unntak)``, where ``blader`` holds, for each expression leaf in the condition's order, its
outcome and the value (or tuple of values) it read, and ``unntak`` one ``(utfall, mangler,
blader, tekstfakta)`` per exception evaluated. Together with the rule versions in force that is
all the interpreter's tree says; ``Spor.node`` runs the rule's compiled builder (``n<n>`` in
the generated text, ``kilde.byggefunksjon``) on its entry, which builds the ``Node`` the
interpreter would have built, node for node (tests compare them). Nothing is built until
someone reads the tree (texts, JSON, records, what-if).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..outcome import UAVKLART, Utfall
from ..rulebook.model import Regel
from ..tree import Node

#: A rule's trace entry (see the module docstring).
Post = tuple[Utfall, tuple[str, ...], str | None, tuple[Any, ...], tuple[Any, ...] | None, tuple]

#: The entry of a rule with no version in force on the date (the interpreter's ``uavklart``).
IKKE_I_KRAFT: Post = (UAVKLART, (), None, (), None, ())


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
        self.poster: dict[str, Post] = {}
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
                node = bygg(self, self.poster[regel_id])
            self.noder[regel_id] = node
        return node
