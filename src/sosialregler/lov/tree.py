"""The evaluation tree: the explanation, as data.

Each node records what NAV's nare records (identifier, outcome, children) and what helse-spleis'
subsumsjon adds (legal coordinates, the input values read): the rule it belongs to, its
outcome, the facts it read with their values, its children, and for ``uavklart`` exactly the
missing input fields. Texts are not rendered here; ``explain`` renders them only when asked, so
recording the tree costs almost nothing when nobody reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from ..inndata.desimal import tall_til_json
from ..inndata.ukjent import Ukjent
from .outcome import Utfall
from .rulebook.model import RegelInfo


class Node(NamedTuple):
    """One step of an evaluation.

    ``regel`` is set on the node of a rule (and inherited by its sub-nodes when rendered);
    ``uttrykk`` on an expression leaf; ``sporsmal`` on a discretion leaf; ``avgjort_av`` names
    the exception that decided a rule's outcome (hovedregel og unntak).

    An immutable named tuple rather than a frozen attrs class, measured: an assessment makes
    about 250 nodes, and a frozen attrs ``__init__`` (one ``object.__setattr__`` per field)
    cost 0.94 µs each where a named tuple costs 0.43 µs — a quarter of the whole assessment
    (``lag_node`` below is faster still). Change a node with ``med``, never in place.
    """

    id: str
    utfall: Utfall
    regel: RegelInfo | None = None
    uttrykk: str | None = None
    fakta: Mapping[str, Any] = {}
    barn: tuple[Node, ...] = ()
    mangler: tuple[str, ...] = ()
    avgjort_av: str | None = None
    sporsmal: Mapping[str, str] | None = None
    rolle: str | None = None  # "unntak" | "beregning" | "kontroll" | None

    def med(self, **endringer: Any) -> Node:
        """A copy with some fields changed (e.g. a per-item id, or the role ``kontroll``)."""
        return self._replace(**endringer)

    def noder(self) -> Iterator[Node]:
        """This node and every node below it, depth first."""
        yield self
        for barn in self.barn:
            yield from barn.noder()

    def finn(self, node_id: str) -> Node | None:
        return next((n for n in self.noder() if n.id == node_id), None)


#: Builds a ``Node`` from a tuple of all ten fields in order, without the named tuple's Python
#: ``__new__``: ``lag_node(Node, (id, utfall, regel, uttrykk, fakta, barn, mangler, avgjort_av,
#: sporsmal, rolle))``. The engine's hot path (0.18 µs against 0.43 µs by keyword).
lag_node = tuple.__new__


class LatNode:
    """A node not built yet: the compiled engine's tree, rebuilt from its trace when read.

    ``LatNode(bygg, *args)`` builds by ``bygg(*args)``. Holders (``Vedtak.node``,
    ``Assessment.klage``) resolve it once, on first reading. It pickles as the node it builds,
    so an assessment sent to another process carries its tree and no reference to the
    evaluation.

    The arguments are kept as they are rather than in a closure: a closure is a function, a
    tuple of cells and a cell per variable, and a kept assessment holds a few dozen lazy nodes.
    Measured, the objects the garbage collector walks per kept assessment fell by a sixth.
    """

    __slots__ = ("_args", "_bygg")

    def __init__(self, bygg: Callable[..., Node], *args: Any) -> None:
        self._bygg = bygg
        self._args = args

    def bygg(self) -> Node:
        return self._bygg(*self._args)

    def __reduce__(self) -> tuple[Callable[[Node], Node], tuple[Node]]:
        return _som_den_er, (self.bygg(),)

    def __repr__(self) -> str:
        return "LatNode(<bygges fra sporet>)"


def _som_den_er(node: Node) -> Node:
    return node


def bygget(node: Node | LatNode) -> Node:
    """``node`` itself, or the node a ``LatNode`` builds."""
    return node.bygg() if isinstance(node, LatNode) else node


#: Fact values that are JSON as they are (checked by exact type: ``bool`` is not an ``int``
#: here, and a subclass such as ``Ukjent`` or an enum goes the long way).
_SOM_DE_ER = frozenset({str, int, bool, float, type(None)})


def fakta_til_json(verdi: Any) -> Any:
    """A fact value as JSON: dates ISO, amounts as numbers, unknown as null."""
    if type(verdi) in _SOM_DE_ER:
        return verdi
    if isinstance(verdi, Ukjent):
        return None
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, Decimal):
        return tall_til_json(verdi)
    if isinstance(verdi, list | tuple | frozenset):
        return [fakta_til_json(v) for v in verdi]
    return verdi


#: ``Utfall.value`` by outcome, without the enum's descriptor (an eighth of ``node_til_dict``).
_UTFALL = {u: u.value for u in Utfall}


def node_til_dict(node: Node, arvet: RegelInfo | None = None) -> dict:
    """The contract's ``forklaring`` shape: id, outcome, legal reference, facts, children.

    A tree repeats a few rules' legal references on every node below them: the text is made
    once per rule version (``RegelInfo.hjemmeltekst``), not once per node (measured, that was
    a third of ``to_json``).
    """
    # The fields unpacked at once (a named tuple's attribute is a descriptor call each).
    id_, utfall, egen, uttrykk, fakta, barn, mangler, avgjort_av, sporsmal, rolle = node
    regel = egen or arvet
    ut: dict[str, Any] = {
        "id": id_,
        "utfall": _UTFALL[utfall],
        "hjemmel": regel.hjemmeltekst("nb") if regel else "",
        "fakta": {k: v if type(v) in _SOM_DE_ER else fakta_til_json(v) for k, v in fakta.items()}
        if fakta
        else {},
        "barn": [node_til_dict(b, regel) for b in barn] if barn else [],
    }
    if egen:
        ut["regel"] = egen.id
        ut["lenke"] = [h.lenke for h in egen.hjemmel]
    if uttrykk:
        ut["uttrykk"] = uttrykk
    if mangler:
        ut["mangler"] = list(mangler)
    if avgjort_av:
        ut["avgjort_av"] = avgjort_av
    if sporsmal:  # the contract's languages (nb, en); texts render nynorsk from the rules
        ut["sporsmal"] = {k: v for k, v in sporsmal.items() if k != "nn"}
    if rolle:
        ut["rolle"] = rolle
    return ut
