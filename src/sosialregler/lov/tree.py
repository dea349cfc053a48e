"""The evaluation tree: the explanation, as data.

Each node records what NAV's nare records (identifier, outcome, children) and what helse-spleis'
subsumsjon adds (legal coordinates, the input values read): the rule it belongs to, its
outcome, the facts it read with their values, its children, and for ``uavklart`` exactly the
missing input fields. Texts are not rendered here; ``explain`` renders them only when asked, so
recording the tree costs almost nothing when nobody reads it.
"""

from __future__ import annotations

import json
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
        """This node and every node below it, depth first.

        By a stack, not recursive generators, which passed every node up through each level
        of a deep tree (measured, twice the time; ``finn`` and every walk of a tree use it).
        """
        stabel = [self]
        while stabel:
            node = stabel.pop()
            yield node
            if node.barn:
                stabel.extend(reversed(node.barn))

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


# --- the same tree, written straight to JSON text ---------------------------------------------
#
# ``json.dumps(node_til_dict(node))`` built a dict per node and then encoded every key and
# every legal reference again, per node and per case: measured on the four examples, the trees
# were two thirds of ``to_json`` (dicts 165–372 µs, their encoding about as much again). The
# writer below gives the same text, byte for byte (tests compare it on every golden case), and
# makes what only a rule version says (its legal reference, its id and links) once per
# version (``RegelInfo.json_deler``).

_streng = json.encoder.encode_basestring  # the encoder's own quoting (C), ensure_ascii=False
_JSON_UTFALL = {u.value: f', "utfall": "{u.value}", "hjemmel": ' for u in Utfall}
#: Every fact name once with its key text: the names are the catalogue's and the rules'.
_NOKLER: dict[str, str] = {}
_MAKS_NOKLER = 10_000


def _json_verdi(verdi: Any) -> str:
    """A fact value as ``json.dumps(fakta_til_json(verdi))`` writes it (compact separators)."""
    t = type(verdi)
    if t is str:
        return _streng(verdi)
    if t is int:
        return int.__repr__(verdi)
    if t is Decimal:
        tall = tall_til_json(verdi)
        if type(tall) is int:
            return int.__repr__(tall)
        verdi = tall
        t = float
    if t is bool:
        return "true" if verdi else "false"
    if verdi is None or t is Ukjent:
        return "null"
    if t is date:
        return f'"{verdi.isoformat()}"'
    if t is float and verdi == verdi and verdi not in (_UENDELIG, -_UENDELIG):
        return float.__repr__(verdi)
    if t is list or t is tuple or t is frozenset:
        return "[" + ", ".join(map(_json_verdi, verdi)) + "]"
    return json.dumps(fakta_til_json(verdi), ensure_ascii=False, check_circular=False)


_UENDELIG = float("inf")


def _json_fakta(fakta: Mapping[str, Any]) -> str:
    deler = []
    for navn, verdi in fakta.items():
        nokkel = _NOKLER.get(navn)
        if nokkel is None:
            if type(navn) is not str:  # a key json.dumps converts (or refuses) itself
                return json.dumps(
                    {k: fakta_til_json(v) for k, v in fakta.items()},
                    ensure_ascii=False,
                    check_circular=False,
                )
            nokkel = _streng(navn) + ": "
            if len(_NOKLER) < _MAKS_NOKLER:
                _NOKLER[navn] = nokkel
        t = type(verdi)  # the common values here, the rest by ``_json_verdi``
        if t is str:
            deler.append(nokkel + _streng(verdi))
        elif t is bool:
            deler.append(nokkel + ("true" if verdi else "false"))
        elif t is int:
            deler.append(nokkel + int.__repr__(verdi))
        else:
            deler.append(nokkel + _json_verdi(verdi))
    return "{" + ", ".join(deler) + "}"


#: ``, "utfall": …, "hjemmel": "", "fakta": `` for a node under no rule.
_HODE_UTEN_REGEL = {u: hode + '"", "fakta": ' for u, hode in _JSON_UTFALL.items()}


def _hode(regel: RegelInfo, utfall: str) -> str:
    """``, "utfall": …, "hjemmel": …, "fakta": `` for a node under ``regel``, made once."""
    hode = regel.json_deler[utfall] = (
        _JSON_UTFALL[utfall] + _raa(regel.hjemmeltekst("nb")) + ', "fakta": '
    )
    return hode


def _egen(regel: RegelInfo) -> str:
    """``, "regel": …, "lenke": […]`` for a rule's own node, made once."""
    lenker = ", ".join(_raa(h.lenke) for h in regel.hjemmel)
    tekst = regel.json_deler["regel"] = f', "regel": {_raa(regel.id)}, "lenke": [{lenker}]'
    return tekst


def _skriv(node: Node, arvet: RegelInfo | None, ut: list[str]) -> None:
    id_, utfall, egen, uttrykk, fakta, barn, mangler, avgjort_av, sporsmal, rolle = node
    regel = egen or arvet
    if regel:
        hode = regel.json_deler.get(u := utfall._value_) or _hode(regel, u)
    else:
        hode = _HODE_UTEN_REGEL[utfall._value_]
    fakta_tekst = _json_fakta(fakta) if fakta else "{}"
    id_tekst = _streng(id_) if type(id_) is str else _raa(id_)
    hale = egen.json_deler.get("regel") or _egen(egen) if egen else ""
    if uttrykk:
        hale += ', "uttrykk": ' + (_streng(uttrykk) if type(uttrykk) is str else _raa(uttrykk))
    if mangler:
        hale += ', "mangler": [' + ", ".join(map(_raa, mangler)) + "]"
    if avgjort_av:
        hale += ', "avgjort_av": ' + _raa(avgjort_av)
    if sporsmal:
        hale += ', "sporsmal": ' + _json_sporsmal(sporsmal)
    if rolle:
        hale += ', "rolle": ' + _raa(rolle)
    if not barn:
        ut.append(f'{{"id": {id_tekst}{hode}{fakta_tekst}, "barn": []{hale}}}')
        return
    ut.append(f'{{"id": {id_tekst}{hode}{fakta_tekst}, "barn": [')
    _skriv(barn[0], regel, ut)
    for b in barn[1:]:
        ut.append(", ")
        _skriv(b, regel, ut)
    ut.append(f"]{hale}}}")


def _json_sporsmal(sporsmal: Mapping[str, str]) -> str:
    deler = []
    for k, v in sporsmal.items():
        if k == "nn":
            continue
        if type(k) is not str:
            return _raa({k: v for k, v in sporsmal.items() if k != "nn"})
        deler.append(_streng(k) + ": " + _raa(v))
    return "{" + ", ".join(deler) + "}"


def _raa(verdi: Any) -> str:
    """A value ``node_til_dict`` passes to the encoder as it is (a text, as a rule's are)."""
    if type(verdi) is str:
        return _streng(verdi)
    return json.dumps(verdi, ensure_ascii=False, check_circular=False)


def node_til_json(node: Node, arvet: RegelInfo | None = None) -> str:
    """``json.dumps(node_til_dict(node, arvet), ensure_ascii=False)``, written directly."""
    ut: list[str] = []
    _skriv(node, arvet, ut)
    return "".join(ut)
