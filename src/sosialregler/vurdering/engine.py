"""The evaluator: rules in force on a date, applied to named facts, giving a tree.

One ``Kontekst`` per assessment (or per item, such as an income line, with the item's facts
laid over the case's). It caches each rule's node so a criterion referred to twice is
evaluated once and shows the same node. Nothing here is global: two threads assessing two
cases share only the immutable rulebook.

Main rule and exceptions (Catala's default logic, DESIGN § 3): a rule's own condition gives
its outcome; each exception in force that applies replaces it with the outcome the exception
declares (``gir``), and both show in the tree. An exception whose condition is undecided makes
the result undecided only if it would have changed it. Two exceptions that apply and disagree
are a fault in the rules, reported as such, never resolved by order.

Two engines share this context. The reference interpreter evaluates the condition closures of
``rulebook.conditions`` into nodes as it goes. The compiled engine (``kompilator``, the
default; ``kompilator.motor`` says how to choose) runs generated code that gives each rule's
outcome first and keeps a compact trace; the nodes are rebuilt from the trace only when asked
(``evaluer_regel``, or a lazy ``LatNode`` an assessment resolves when its tree is read).
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, NamedTuple

from attrs import field, frozen

from ..inndata.errors import RegelFeil
from ..inndata.ukjent import Ukjent
from ..lov import outcome
from ..lov.kompilator.motor import KOMPILERT, aktiv
from ..lov.kompilator.program import Program, program_for
from ..lov.kompilator.spor import IKKE_I_KRAFT, Lagret, Resultat, Spor, komprimer
from ..lov.outcome import Utfall
from ..lov.rulebook.book import Regelbok
from ..lov.rulebook.conditions import TOM
from ..lov.rulebook.mellomregning import mellomregn
from ..lov.rulebook.model import Omrade, Regel, RegelInfo
from ..lov.tree import LatNode, Node, bygget, lag_node

#: ``object.__new__``, for ``Kontekst.for_element``.
_NY = object.__new__
#: ``tuple.__new__``, for ``Kontekst.vurder``.
_TUPEL = tuple.__new__

#: A text fact the case does not have (the text shows it as unknown).
_UKJENT = Ukjent(())

#: What a rule with no version in force gives (``spor.IKKE_I_KRAFT``): outcome and kept entry.
_IKKE_I_KRAFT: tuple[Resultat, Lagret] = (IKKE_I_KRAFT[:3], komprimer(IKKE_I_KRAFT))


def _bygd(node: Node | LatNode | None) -> Node | None:
    """A flag's node as compared: a ``LatNode`` built."""
    return node.bygg() if isinstance(node, LatNode) else node


@frozen
class Merknad:
    """A flag a caseworker must see: a code from the contract, its legal reference, a text.

    ``node`` is the evaluated rule that raised it (its texts render lazily); ``tekst`` is used
    instead for flags raised by calculations (e.g. outdated rates), already in nb and en.

    From the compiled engine ``node`` is given as a ``LatNode`` and built from the trace the
    first time it is read, as ``Vedtak.node``: a result nobody reads that far need not hold
    the flag's subtree (tracemalloc, issue 17: a kept family 55.1 → 53.0 KiB, botilbud 44.6 →
    42.8 KiB; the rest is the trace and nodes the area calculations build at once).
    """

    kode: str
    regel: RegelInfo | None
    _node: Node | LatNode | None = field(default=None, alias="node", eq=_bygd)
    tekst: Mapping[str, str] | None = None
    hjemmeltekst: Mapping[str, str] | None = None
    frist: date | None = None  # when the matter falls due, for a case system to schedule
    person: str | None = None  # whom it concerns, when it concerns one person

    @property
    def node(self) -> Node | None:
        node = self._node
        if isinstance(node, LatNode):
            node = node.bygg()
            object.__setattr__(self, "_node", node)  # resolved once; the value never changes
        return node


class Vurdert(NamedTuple):
    """A rule evaluated for one item (an income line, a person): what a calculation reads
    now, under the names a ``Node`` gives them, and the node, built when read."""

    id: str
    utfall: Utfall
    mangler: tuple[str, ...]
    avgjort_av: str | None
    node: Node | LatNode


class Kontekst:
    """Evaluation state for one assessment: rulebook, date, facts, and a per-case cache."""

    __slots__ = (
        "_cache",
        "_i_kraft",
        "_poster",
        "_program",
        "_spor",
        "dato",
        "fakta",
        "merknader",
        "regelbok",
    )

    def __init__(
        self,
        regelbok: Regelbok,
        dato: date,
        fakta: Mapping[str, Any],
        program: Program | bool | None = True,
        *,
        bare_utfall: bool = False,
    ) -> None:
        """``program``: True picks the engine ``kompilator.motor`` names; a ``Program`` (an
        item's context shares its case's) or None (the interpreter) says which.

        ``bare_utfall``: said by a caller that reads outcomes, amounts and flags but no
        explanation (the columnar population engine's per-row stage). It changes nothing
        now: the compiled rules write their trace entries in the kept form as they run, so
        keeping the trace costs a dict store per rule (it once cost compacting each entry,
        about a seventh of a household's time, which this mode put off)."""
        self.regelbok = regelbok
        self.dato = dato
        self.fakta = fakta
        self.merknader: list[Merknad] = []
        self._cache: dict[str, Node] = {}
        # Each rule's outcome as evaluated, for the rules that read it while this context
        # lives; the trace (``_spor``) keeps its entry for the nodes read later.
        self._poster: dict[str, Resultat] = {}
        self._i_kraft = regelbok.versjoner_i_kraft(dato)
        if program is True:
            program = program_for(regelbok, dato, self._i_kraft) if aktiv() == KOMPILERT else None
        self._program: Program | None = program or None
        self._spor = (
            Spor(self._i_kraft, regelbok.regler, self._program.byggere) if self._program else None
        )

    @property
    def kompilert(self) -> bool:
        """Whether this context runs the compiled rules (else the reference interpreter)."""
        return self._program is not None

    @property
    def poster(self) -> Mapping[str, Resultat]:
        """The rules this context has evaluated with the compiled engine, each with its
        outcome as ``resultat`` gives it, in the order evaluated (empty under the interpreter).
        Read-only: for a caller that carries the evaluation on elsewhere, as the columnar
        population engine does with what a case's calculations evaluated."""
        return MappingProxyType(self._poster)

    def for_element(self, elementfakta: Mapping[str, Any]) -> Kontekst:
        """A context for one item (an income line): its facts over the case's."""
        # A merged dict, not a ChainMap: lookups are the engine's hottest path, and a dict
        # lookup is a C call where ChainMap's is Python code (a dict subclass would need a
        # Python ``get``: ~120 ns a lookup against ~30; ChainMap.get ~770). ``{**a, **b}`` is
        # the quickest merge measured (~600 ns for a case's ~175 facts; copy and update ~750).
        # An item reads few facts (1-17 by name, 0-2 of them the case's, 3-22 with ``get``),
        # but a dict of its own facts falling back to the case's (``__missing__`` and a Python
        # ``get``) measured no quicker than the copy for an income line (3.6-3.9 µs against
        # 3.9 µs, both with the reads, under load), and the areas keep an item's facts as a
        # mapping (``livsopphold.Element``): the copy stays (issue 17, sixth round).
        if type(elementfakta) is ChainMap:
            # Map by map, the last first (so the first wins, as in a ChainMap): each a dict
            # update in C, where merging the ChainMap looks every key up in Python. The keys
            # come in the order iterating the ChainMap gives (``ChainMap.__iter__``).
            fakta = {**self.fakta}
            for kart in reversed(elementfakta.maps):
                fakta.update(kart)
        else:
            fakta = {**self.fakta, **elementfakta}
        # Made without ``__init__``: an item shares its case's rulebook, date, versions in
        # force and program, so nothing need be looked up again (``__init__`` took about two
        # thirds of this call, issue 17); only the caches and the trace are its own.
        ktx = _NY(Kontekst)
        ktx.regelbok = self.regelbok
        ktx.dato = self.dato
        ktx.fakta = fakta
        ktx.merknader = self.merknader
        ktx._cache = {}
        ktx._poster = {}
        ktx._i_kraft = self._i_kraft
        ktx._program = self._program
        spor = self._spor
        ktx._spor = None if spor is None else spor.ny()
        return ktx

    def evaluer_regel(self, regel_id: str) -> Node:
        """The rule's node: evaluated (interpreter), or rebuilt from the trace (compiled)."""
        spor = self._spor
        if spor is not None:
            self.resultat(regel_id)
            return node_fra_spor(spor, regel_id)
        node = self._cache.get(regel_id)
        if node is None:
            try:
                node = self._evaluer(regel_id)
            except RecursionError:
                # The linter bounds how deep rules may refer to each other (load.py,
                # MAKS_VURDERINGSDYBDE); should a folder still go deeper (a caller with a deep
                # stack of its own), it is a fault in the rules, named, never a crash. Raised
                # near the limit, this may itself run out of stack: the rule above catches it.
                raise self._for_dypt(regel_id) from None
            self._cache[regel_id] = node
        return node

    def resultat(self, regel_id: str) -> Resultat:
        """The rule's outcome, what is missing and the deciding exception (``[0]``, ``[1]``,
        ``[2]``), evaluated once.

        The compiled rules call this for each rule they refer to: it runs the rule's compiled
        function, which gives its outcome and its trace entry already in the kept form
        (``kompilator.spor.Lagret``), keeps the entry in the trace without building a node,
        and raises the rule's flag as the interpreter does when it finishes the rule.
        """
        post = self._poster.get(regel_id)  # first: the compiled rules' hottest call
        if post is not None:
            return post
        spor = self._spor
        if spor is None:
            node = self.evaluer_regel(regel_id)
            return (node.utfall, node.mangler, node.avgjort_av)
        assert self._program is not None
        funksjon, regel, ved = self._program.oppslag[regel_id]
        if funksjon is None:
            post, lagret = self._uten_funksjon(regel_id, regel)
        else:
            try:
                post, lagret = funksjon(self, self.fakta)
            except RecursionError:
                raise self._for_dypt(regel_id) from None
        self._poster[regel_id] = post
        spor.poster[regel_id] = lagret
        if ved and post[0] in ved:
            assert regel is not None
            self._merk(regel, LatNode(node_fra_spor, spor, regel_id))
        return post

    def _uten_funksjon(self, regel_id: str, regel: Regel | None) -> tuple[Resultat, Lagret]:
        """A rule with no compiled function: not in force, a calculation, or unknown."""
        if regel is not None:  # in force without a condition: the interpreter's error
            raise RegelFeil(
                "en beregningsregel kan ikke brukes som vilkår", regel.info.fil, regel_id
            )
        if not self.regelbok.regler.get(regel_id):
            raise RegelFeil(f"ukjent regel {regel_id!r}")
        return _IKKE_I_KRAFT

    def _for_dypt(self, regel_id: str) -> RegelFeil:
        return for_dypt(self._i_kraft, regel_id)

    def utenfor(self, omrade: Omrade) -> bool:
        """Whether the area does not concern the case (its ``vurderes_nar`` is not met)."""
        if self._program is not None:
            avgrensning = self._program.avgrensninger[omrade.id]
            return avgrensning is not None and (
                avgrensning(self, self.fakta) is outcome.IKKE_OPPFYLT
            )
        tolket = omrade.avgrensning
        return tolket is not None and tolket(self).utfall is outcome.IKKE_OPPFYLT

    def regelnode(self, regel_id: str, **endringer: Any) -> Node | LatNode:
        """The rule evaluated now; its node (with ``endringer``, e.g. ``rolle="kontroll"`` or a
        per-item ``id``) now from the interpreter, or when read from the compiled engine."""
        if self._spor is None:
            node = self.evaluer_regel(regel_id)
            return node.med(**endringer) if endringer else node
        self.resultat(regel_id)
        return LatNode(_bygg_regelnode, self._spor, regel_id, endringer or None)

    def vurder(self, regel_id: str, node_id: str) -> Vurdert:
        """Evaluate ``regel_id`` here; its node is shown under ``node_id`` (``rule[item]``)."""
        spor = self._spor
        if spor is None:
            node: Node | LatNode = self.regelnode(regel_id, id=node_id)
            utfall, mangler, avgjort_av = self.resultat(regel_id)
        else:  # ``regelnode`` and ``resultat`` in one: the rule's outcome is read once
            utfall, mangler, avgjort_av = self.resultat(regel_id)
            node = LatNode(_bygg_regelnode, spor, regel_id, {"id": node_id})
        # ``tuple.__new__``: a NamedTuple's own ``__new__`` is Python code (one per item)
        return _TUPEL(Vurdert, (node_id, utfall, mangler, avgjort_av, node))

    def mellomregn(self, regel: Regel, verdier: dict[str, Any]) -> dict[str, Any]:
        """A calculation rule's named steps on ``verdier`` (its totals), which grows by each
        step's value: the compiled steps, or the reference loop (``rulebook.mellomregning``)."""
        if self._program is not None:
            steg = self._program.mellomregninger[regel.id]
            if steg is not None and self._program.i_kraft.get(regel.id) is regel:
                return steg(verdier)
        return mellomregn(regel, verdier)

    def lat(self, bygg: Callable[[], Node]) -> Node | LatNode:
        """A node built from others: now (interpreter), or when read (compiled engine).

        ``bygg`` must read only what is fixed by now (evaluated rules, computed values), and
        resolve the lazy nodes it holds with ``tree.bygget``.
        """
        return bygg() if self._spor is None else LatNode(bygg)

    def omradenode(self, omrade: Omrade, beregningsnode: Node | LatNode | None) -> Node | LatNode:
        """An area's tree: its main rule, its calculation and its checks, evaluated now in
        that order (the order the interpreter raises their flags in)."""
        hoved = self.regelnode(omrade.hovedregel)
        kontroller = tuple(self.regelnode(k, rolle="kontroll") for k in omrade.kontroller)
        utfall, mangler = self.resultat(omrade.hovedregel)[:2]
        info = self.regelinfo(omrade.hovedregel)
        barn = (hoved, *((beregningsnode,) if beregningsnode else ()), *kontroller)

        def bygg() -> Node:
            return Node(
                omrade.id, utfall, regel=info, barn=tuple(map(bygget, barn)), mangler=mangler
            )

        return self.lat(bygg)

    def avgjort_av(self, regel_id: str) -> str | None:
        """The exception that decided the rule's outcome (evaluated already), if one did."""
        return self.resultat(regel_id)[2]

    def regelinfo(self, regel_id: str) -> RegelInfo | None:
        """What the rule's node names as its rule (the first version when none is in force)."""
        regel = self._i_kraft.get(regel_id)
        if regel is not None:
            return regel.info
        versjoner = self.regelbok.regler.get(regel_id)
        return versjoner[0].info if versjoner else None

    def _merk(self, regel: Regel, node: Node | LatNode) -> None:
        """The rule's flag (it ended in one of ``merknad.ved``), naming whom it concerns."""
        assert regel.merknad is not None
        person = self.fakta.get(regel.merknad.person) if regel.merknad.person else None
        self.merknader.append(
            Merknad(
                regel.merknad.kode,
                regel.info,
                node,
                person=person if isinstance(person, str) else None,
            )
        )

    def _evaluer(self, regel_id: str) -> Node:
        regel = self._i_kraft.get(regel_id)
        if regel is None:
            return self._ikke_i_kraft(regel_id)
        if regel.vilkar is None:
            raise RegelFeil(
                "en beregningsregel kan ikke brukes som vilkår", regel.info.fil, regel_id
            )
        egen = regel.vurdering(self)
        utfall, mangler, avgjort_av = egen.utfall, egen.mangler, None
        unntaksnoder: tuple[Node, ...] = ()
        unntak_ider = self.regelbok.unntak.get(regel_id)
        if unntak_ider:  # most rules have none: their own condition decides
            utfall, mangler, avgjort_av, unntaksnoder = self._unntak(regel, egen, unntak_ider)
        node = lag_node(
            Node,
            (
                regel_id,
                utfall,
                regel.info,
                None,
                self._tekstfakta(regel),
                (egen, *unntaksnoder),
                mangler,
                avgjort_av,
                None,
                None,
            ),
        )
        if regel.merknad and node.utfall in regel.merknad.ved:
            self._merk(regel, node)
        return node

    def _unntak(
        self, regel: Regel, egen: Node, unntak_ider: tuple[str, ...]
    ) -> tuple[Utfall, tuple[str, ...], str | None, tuple[Node, ...]]:
        """The exceptions in force, evaluated, and the outcome they leave the rule with."""
        unntaksnoder = []
        for unntak_id in unntak_ider:
            unntak = self._i_kraft.get(unntak_id)
            if unntak is None or unntak.vilkar is None:
                continue
            unode = unntak.vurdering(self)
            unode = lag_node(
                Node,
                (
                    unntak_id,
                    unode.utfall,
                    unntak.info,
                    None,
                    self._tekstfakta(unntak),
                    (unode,),
                    unode.mangler,
                    None,
                    None,
                    "unntak",
                ),
            )
            unntaksnoder.append((unntak, unode))
        if not unntaksnoder:
            return egen.utfall, egen.mangler, None, ()
        utfall, mangler, avgjort_av = self._anvend_unntak(regel, egen, unntaksnoder)
        return utfall, mangler, avgjort_av, tuple(n for _, n in unntaksnoder)

    def _anvend_unntak(
        self, regel: Regel, egen: Node, unntaksnoder: list[tuple[Regel, Node]]
    ) -> tuple[Utfall, tuple[str, ...], str | None]:
        slar_til = [(u, n) for u, n in unntaksnoder if n.utfall is outcome.OPPFYLT]
        ulike = {u.gir for u, _ in slar_til}
        if len(ulike) > 1:
            raise RegelFeil(
                "unntak som slår til samtidig gir ulikt utfall: "
                + ", ".join(f"{u.id} → {u.gir}" for u, _ in slar_til),
                regel.info.fil,
                regel.id,
            )
        if slar_til:
            unntak, _ = slar_til[0]
            assert unntak.gir is not None
            return unntak.gir, (), unntak.id
        # No exception applies for certain. One that is undecided (or left to discretion)
        # and would change the outcome leaves the outcome undecided (or discretionary).
        for tvil in (outcome.UAVKLART, outcome.SKJONN):
            apne = [(u, n) for u, n in unntaksnoder if n.utfall is tvil and u.gir != egen.utfall]
            if apne:
                mangler = tuple(dict.fromkeys(m for _, n in apne for m in n.mangler))
                return tvil, mangler, None
        return egen.utfall, egen.mangler, None

    def _tekstfakta(self, regel: Regel) -> Mapping[str, Any]:
        """The facts the rule's texts name, recorded on its node so texts render later."""
        if not regel.tekstnavn:
            return TOM
        fakta = self.fakta
        return {navn: fakta.get(navn, _UKJENT) for navn in regel.tekstnavn}

    def _ikke_i_kraft(self, regel_id: str) -> Node:
        """No version of the rule applies on the date: say so, never default."""
        versjoner = self.regelbok.regler.get(regel_id)
        if not versjoner:
            raise RegelFeil(f"ukjent regel {regel_id!r}")
        return Node(regel_id, outcome.UAVKLART, regel=versjoner[0].info, rolle="ikke_i_kraft")


def for_dypt(i_kraft: Mapping[str, Regel], regel_id: str) -> RegelFeil:
    """Rules referring too deep for the stack: a fault in the rules, named, never a crash."""
    regel = i_kraft.get(regel_id)
    return RegelFeil(
        "vurderingen gikk for dypt (for lange kjeder av regelhenvisninger); "
        "kjør «sosialregler regler --sjekk» på regelmappen",
        regel.info.fil if regel else None,
        regel_id,
    )


def node_fra_spor(spor: Spor, regel_id: str) -> Node:
    """The rule's node rebuilt from the trace (evaluated already), or the rule error."""
    try:
        return spor.node(regel_id)
    except RecursionError:
        raise for_dypt(spor.i_kraft, regel_id) from None


def _bygg_regelnode(spor: Spor, regel_id: str, endringer: dict[str, Any] | None) -> Node:
    """The node built from the trace alone: a kept assessment keeps the trace (the values
    its rules read), not the context with every fact of the case."""
    node = node_fra_spor(spor, regel_id)
    return node.med(**endringer) if endringer else node
