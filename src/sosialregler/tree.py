"""The evaluation tree: the explanation, as data.

Each node records what NAV's nare records (identifier, outcome, children) and what helse-spleis'
subsumsjon adds (legal coordinates, the input values read): the rule it belongs to, its
outcome, the facts it read with their values, its children, and for ``uavklart`` exactly the
missing input fields. Texts are not rendered here; ``explain`` renders them only when asked, so
recording the tree costs almost nothing when nobody reads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import frozen

from .derived import Ukjent
from .outcome import Utfall
from .rulebook.model import RegelInfo


@frozen
class Node:
    """One step of an evaluation.

    ``regel`` is set on the node of a rule (and inherited by its sub-nodes when rendered);
    ``uttrykk`` on an expression leaf; ``sporsmal`` on a discretion leaf; ``avgjort_av`` names
    the exception that decided a rule's outcome (hovedregel og unntak).
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

    def noder(self) -> Iterator[Node]:
        """This node and every node below it, depth first."""
        yield self
        for barn in self.barn:
            yield from barn.noder()

    def finn(self, node_id: str) -> Node | None:
        return next((n for n in self.noder() if n.id == node_id), None)


def fakta_til_json(verdi: Any) -> Any:
    """A fact value as JSON: dates ISO, amounts as numbers, unknown as null."""
    if isinstance(verdi, Ukjent):
        return None
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, Decimal):
        return int(verdi) if verdi == verdi.to_integral_value() else float(verdi)
    if isinstance(verdi, list | tuple | frozenset):
        return [fakta_til_json(v) for v in verdi]
    return verdi


def node_til_dict(node: Node, arvet: RegelInfo | None = None) -> dict:
    """The contract's ``forklaring`` shape: id, outcome, legal reference, facts, children."""
    regel = node.regel or arvet
    ut: dict[str, Any] = {
        "id": node.id,
        "utfall": node.utfall.value,
        "hjemmel": "; ".join(h.tekst("nb") for h in regel.hjemmel) if regel else "",
        "fakta": {k: fakta_til_json(v) for k, v in node.fakta.items()},
        "barn": [node_til_dict(b, regel) for b in node.barn],
    }
    if node.regel:
        ut["regel"] = node.regel.id
        ut["lenke"] = [h.lenke for h in node.regel.hjemmel]
    _valgfrie(node, ut)
    return ut


def node_til_record(node: Node, regler: dict[str, dict[str, Any]]) -> dict:
    """A node for a decision record: enough to re-render, nothing that can be derived.

    Each rule version used is stored once in ``regler`` (filled here), with only the texts
    its nodes need (their outcomes, and what would change a denial), so a record stays small.
    """
    ut: dict[str, Any] = {"id": node.id, "utfall": node.utfall.value}
    if node.fakta:
        ut["fakta"] = {k: fakta_til_json(v) for k, v in node.fakta.items()}
        typer = {k: t for k, v in node.fakta.items() if (t := _type(v)) != "json"}
        if typer:
            ut["fakta_typer"] = typer
    if node.barn:
        ut["barn"] = [node_til_record(b, regler) for b in node.barn]
    _valgfrie(node, ut)
    if node.regel:
        nokkel = f"{node.regel.id}@{node.regel.gyldig_fra.isoformat()}"
        info = regler.setdefault(nokkel, {**node.regel.to_dict(), "tekster": {}})
        for tekstnokkel in (node.utfall.value, "endring"):
            tekst = node.regel.tekster.get(tekstnokkel)
            if tekst:
                info["tekster"][tekstnokkel] = dict(tekst)
        ut["regelref"] = nokkel
    return ut


def _valgfrie(node: Node, ut: dict[str, Any]) -> None:
    if node.uttrykk:
        ut["uttrykk"] = node.uttrykk
    if node.mangler:
        ut["mangler"] = list(node.mangler)
    if node.avgjort_av:
        ut["avgjort_av"] = node.avgjort_av
    if node.sporsmal:
        ut["sporsmal"] = dict(node.sporsmal)
    if node.rolle:
        ut["rolle"] = node.rolle


def verdier_til_record(verdier: Mapping[str, Any]) -> dict[str, Any]:
    """Named values for a record, with their types so they come back as they were."""
    return {
        "verdier": {k: fakta_til_json(v) for k, v in verdier.items()},
        "typer": {k: t for k, v in verdier.items() if (t := _type(v)) != "json"},
    }


def verdier_fra_record(data: Mapping[str, Any]) -> dict[str, Any]:
    typer = data.get("typer", {})
    return {k: _fra_type(v, typer.get(k, "json")) for k, v in data["verdier"].items()}


def _type(verdi: Any) -> str:
    if isinstance(verdi, Ukjent):
        return "ukjent:" + "|".join(verdi.mangler)
    if isinstance(verdi, date):
        return "dato"
    if isinstance(verdi, Decimal):
        return "belop"
    return "json"


def node_fra_dict(data: Mapping[str, Any], regler: Mapping[str, RegelInfo]) -> Node:
    """Rebuild a node from a record (``node_til_record``)."""
    typer = data.get("fakta_typer", {})
    fakta = {k: _fra_type(v, typer.get(k, "json")) for k, v in data.get("fakta", {}).items()}
    return Node(
        id=data["id"],
        utfall=Utfall(data["utfall"]),
        regel=regler[data["regelref"]] if "regelref" in data else None,
        uttrykk=data.get("uttrykk"),
        fakta=fakta,
        barn=tuple(node_fra_dict(b, regler) for b in data.get("barn", ())),
        mangler=tuple(data.get("mangler", ())),
        avgjort_av=data.get("avgjort_av"),
        sporsmal=data.get("sporsmal"),
        rolle=data.get("rolle"),
    )


def _fra_type(verdi: Any, typ: str) -> Any:
    if typ.startswith("ukjent:"):
        return Ukjent(tuple(m for m in typ.removeprefix("ukjent:").split("|") if m))
    if typ == "dato":
        return date.fromisoformat(verdi)
    if typ == "belop":
        return None if verdi is None else Decimal(str(verdi))
    return tuple(verdi) if isinstance(verdi, list) else verdi
