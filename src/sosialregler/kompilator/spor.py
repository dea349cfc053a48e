"""The trace of a compiled evaluation, and the interpreter's tree rebuilt from it on demand.

A compiled rule returns a ``Post``: ``(utfall, mangler, avgjort_av, blader, tekstfakta,
unntak)``, where ``blader`` holds, for each expression leaf in the condition's order, its
outcome and the value (or tuple of values) it read, and ``unntak`` one ``(utfall, mangler,
blader, tekstfakta)`` per exception evaluated. Together with the rule versions in force that is
all the interpreter's tree says; ``Spor.node`` walks each rule's condition with its entry and
builds the ``Node`` the interpreter would have built, node for node (tests compare them).
Nothing is built until someone reads the tree (texts, JSON, records, what-if).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import RegelFeil
from ..outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART, Utfall, ikke
from ..rulebook.conditions import (
    TOM,
    Alle,
    Betingelse,
    Ikke,
    MinstEn,
    Regelreferanse,
    Skjonn,
    Uttrykksblad,
)
from ..rulebook.model import Regel
from ..tree import Node, lag_node
from .hjelpere import mangler_av

#: A rule's trace entry (see the module docstring).
Post = tuple[Utfall, tuple[str, ...], str | None, tuple[Any, ...], tuple[Any, ...] | None, tuple]

#: The entry of a rule with no version in force on the date (the interpreter's ``uavklart``).
IKKE_I_KRAFT: Post = (UAVKLART, (), None, (), None, ())


class Spor:
    """One context's trace (the case's, or one item's) and the nodes rebuilt from it."""

    __slots__ = ("i_kraft", "noder", "poster", "unntak", "versjoner")

    def __init__(
        self,
        i_kraft: Mapping[str, Regel],
        versjoner: Mapping[str, tuple[Regel, ...]],
        unntak: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.i_kraft = i_kraft  # the rule versions in force (``Regelbok.versjoner_i_kraft``)
        self.versjoner = versjoner  # every version (``Regelbok.regler``)
        self.unntak = unntak  # main rule -> exceptions (``Regelbok.unntak``)
        self.poster: dict[str, Post] = {}
        self.noder: dict[str, Node] = {}

    def node(self, regel_id: str) -> Node:
        """The rule's node as the interpreter builds it (``engine.Kontekst._evaluer``)."""
        node = self.noder.get(regel_id)
        if node is not None:
            return node
        post = self.poster[regel_id]
        regel = self.i_kraft.get(regel_id)
        if regel is None:
            node = Node(
                regel_id, UAVKLART, regel=self.versjoner[regel_id][0].info, rolle="ikke_i_kraft"
            )
        else:
            utfall, mangler, avgjort_av, blader, tekstfakta, unntak = post
            assert regel.vilkar is not None
            egen = self._bygg(regel.vilkar, f"{regel_id}/vilkar", iter(blader))
            node = lag_node(
                Node,
                (
                    regel_id,
                    utfall,
                    regel.info,
                    None,
                    _tekstfakta(regel, tekstfakta),
                    (egen, *self._unntaksnoder(regel_id, unntak)),
                    mangler,
                    avgjort_av,
                    None,
                    None,
                ),
            )
        self.noder[regel_id] = node
        return node

    def _unntaksnoder(self, regel_id: str, poster: tuple) -> Iterator[Node]:
        unntak = (
            u
            for uid in self.unntak.get(regel_id, ())
            if (u := self.i_kraft.get(uid)) is not None and u.vilkar is not None
        )
        for un, (utfall, mangler, blader, tekstfakta) in zip(unntak, poster, strict=True):
            assert un.vilkar is not None
            unode = self._bygg(un.vilkar, f"{un.id}/vilkar", iter(blader))
            yield lag_node(
                Node,
                (
                    un.id,
                    utfall,
                    un.info,
                    None,
                    _tekstfakta(un, tekstfakta),
                    (unode,),
                    mangler,
                    None,
                    None,
                    "unntak",
                ),
            )

    def _bygg(self, b: Betingelse, sti: str, blader: Iterator[Any]) -> Node:
        """The node of one part of a condition (``conditions.*.kompiler``'s closures)."""
        if isinstance(b, Uttrykksblad):
            utfall = next(blader)
            lest = next(blader)
            navn = b.uttrykk.navn
            verdier = {navn[0]: lest} if len(navn) == 1 else dict(zip(navn, lest, strict=True))
            mangler = mangler_av(*verdier.values()) if utfall is UAVKLART else ()
            return lag_node(
                Node, (sti, utfall, None, b.uttrykk.tekst, verdier, (), mangler, None, None, None)
            )
        if isinstance(b, Regelreferanse):
            return self.node(b.regel_id)
        if isinstance(b, Skjonn):
            return Node(sti, SKJONN, sporsmal=b.sporsmal)
        if isinstance(b, Ikke):
            del_ = self._bygg(b.del_, f"{sti}/ikke", blader)
            return lag_node(
                Node,
                (sti, ikke(del_.utfall), None, None, TOM, (del_,), del_.mangler, None, None, None),
            )
        if isinstance(b, Alle | MinstEn):
            alle = isinstance(b, Alle)
            navn = "alle" if alle else "minst_en"
            avgjor, ellers = (IKKE_OPPFYLT, OPPFYLT) if alle else (OPPFYLT, IKKE_OPPFYLT)
            barn = []
            for i, d in enumerate(b.deler):
                barn.append(self._bygg(d, f"{sti}/{navn}[{i}]", blader))
            utfall = ellers
            for n in barn:
                u = n.utfall
                if u is avgjor:
                    utfall = u
                    break
                if u is UAVKLART or (u is SKJONN and utfall is ellers):
                    utfall = u
            mangler: tuple[str, ...] = ()
            if utfall is UAVKLART:
                mangler = tuple(
                    dict.fromkeys(m for n in barn if n.utfall is UAVKLART for m in n.mangler)
                )
            return lag_node(
                Node, (sti, utfall, None, None, TOM, tuple(barn), mangler, None, None, None)
            )
        raise RegelFeil(f"ukjent betingelse {type(b).__name__}")  # pragma: no cover


def _tekstfakta(regel: Regel, verdier: tuple[Any, ...] | None) -> Mapping[str, Any]:
    if verdier is None:
        return TOM
    return dict(zip(regel.tekstnavn, verdier, strict=True))
