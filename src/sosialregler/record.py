"""Decision records (vedtaksgrunnlag): an assessment as compact, exact, re-renderable JSON.

A case system stores the record with the decision. Years later the record alone must render
the same texts and the same contract JSON, whatever the rules have become (DESIGN § 5), so it
holds the evaluated tree, every value the texts read, and the texts and references of each rule
version used. Three choices keep it exact and small:

* amounts are stored as decimal strings, never floats, so ``1024.0000000000001`` comes back as
  it went in (a float would turn it into ``1024.0`` and change the text);
* each rule version is stored once, with only the texts its nodes use, its expressions, and
  its legal sources' names stored once for the whole record;
* a sub-node's id is stored relative to its rule (``/vilkar/alle[0]``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from .areas.base import Linje
from .derived import Ukjent
from .outcome import Utfall
from .rulebook.model import Hjemmel, RegelInfo
from .tree import Node

FORMAT = "sosialregler-vedtaksgrunnlag/2"


def _heltall(verdi: Decimal) -> bool:
    return verdi == verdi.to_integral_value()


def verdi_til_record(verdi: Any) -> Any:
    """A value as exact JSON: whole amounts as integers, others as decimal strings, dates ISO,
    unknown as null."""
    if isinstance(verdi, Ukjent):
        return None
    if isinstance(verdi, Decimal):
        return int(verdi) if _heltall(verdi) else str(verdi)
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, list | tuple | frozenset):
        return [verdi_til_record(v) for v in verdi]
    return verdi


def _type(verdi: Any) -> str | None:
    if isinstance(verdi, Ukjent):
        return "ukjent:" + "|".join(verdi.mangler)
    if isinstance(verdi, date):
        return "dato"
    if isinstance(verdi, Decimal):
        # A whole amount renders the same as an integer; only a fraction needs its type.
        return None if _heltall(verdi) else "belop"
    if isinstance(verdi, tuple | frozenset):
        return "liste"
    return None


def verdi_fra_record(verdi: Any, typ: str | None) -> Any:
    if typ is None:
        return verdi
    if typ.startswith("ukjent:"):
        return Ukjent(tuple(m for m in typ.removeprefix("ukjent:").split("|") if m))
    if typ == "dato":
        return date.fromisoformat(verdi)
    if typ == "belop":
        return Decimal(verdi)
    if typ == "liste":
        return tuple(verdi)
    raise ValueError(f"ukjent verditype {typ!r} i vedtaksgrunnlaget")


def verdier_til_record(verdier: Mapping[str, Any]) -> dict[str, Any]:
    """Named values with their types, so they come back as they were."""
    ut: dict[str, Any] = {"verdier": {k: verdi_til_record(v) for k, v in verdier.items()}}
    typer = {k: t for k, v in verdier.items() if (t := _type(v)) is not None}
    if typer:
        ut["typer"] = typer
    return ut


def verdier_fra_record(data: Mapping[str, Any]) -> dict[str, Any]:
    typer = data.get("typer", {})
    return {k: verdi_fra_record(v, typer.get(k)) for k, v in data["verdier"].items()}


def linje_til_record(linje: Linje) -> dict[str, Any]:
    felt = {
        navn: getattr(linje, navn)
        for navn in (
            "post",
            "belop",
            "kilde",
            "gyldig_fra",
            "person",
            "alder",
            "grunnlag",
            "medregnet",
            "regel",
            "node_id",
        )
        if getattr(linje, navn) is not None
    }
    return verdier_til_record(felt)


def linje_fra_record(data: Mapping[str, Any]) -> Linje:
    return Linje(**verdier_fra_record(data))


class Skriver:
    """Writes nodes for one record, collecting the rule versions and sources they use."""

    def __init__(self) -> None:
        self.regler: dict[str, dict[str, Any]] = {}
        self.kilder: dict[str, dict[str, str]] = {}

    def hjemler(self, hjemler: tuple[Hjemmel, ...]) -> list[dict[str, Any]]:
        """Legal references without their sources' names (stored once in ``kilder``)."""
        for h in hjemler:
            self.kilder.setdefault(h.kilde, dict(h.navn))
        return [{k: v for k, v in h.to_dict().items() if k != "navn"} for h in hjemler]

    def regel(self, info: RegelInfo, utfall: Utfall) -> str:
        nokkel = f"{info.id}@{info.gyldig_fra.isoformat()}"
        lagret = self.regler.get(nokkel)
        if lagret is None:
            lagret = {
                "id": info.id,
                "tittel": dict(info.tittel),
                "hjemmel": self.hjemler(info.hjemmel),
                "kilde": info.kilde,
                "gyldig_fra": info.gyldig_fra.isoformat(),
                "tekster": {},
            }
            if info.gyldig_til:
                lagret["gyldig_til"] = info.gyldig_til.isoformat()
            self.regler[nokkel] = lagret
        # "endring" (what would change a denial) is read only for denials.
        nokler = (utfall.value, "endring") if utfall is Utfall.IKKE_OPPFYLT else (utfall.value,)
        for tekstnokkel in nokler:
            tekst = info.tekster.get(tekstnokkel)
            if tekst:
                lagret["tekster"][tekstnokkel] = dict(tekst)
        return nokkel

    def node(self, node: Node, regel_nokkel: str | None = None) -> dict[str, Any]:
        if node.regel is not None:
            regel_nokkel = self.regel(node.regel, node.utfall)
        ut: dict[str, Any] = {
            "id": self._relativ_id(node.id, regel_nokkel),
            "utfall": node.utfall.value,
        }
        if node.regel is not None:
            ut["regel"] = regel_nokkel
        if node.fakta:
            ut["fakta"] = verdier_til_record(node.fakta)
        if node.barn:
            ut["barn"] = [self.node(b, regel_nokkel) for b in node.barn]
        if node.uttrykk is not None:
            if regel_nokkel is None:
                ut["uttrykk"] = node.uttrykk
            else:
                uttrykk = self.regler[regel_nokkel].setdefault("uttrykk", {})
                uttrykk[ut["id"]] = node.uttrykk
        for navn in ("mangler", "avgjort_av", "sporsmal", "rolle"):
            verdi = getattr(node, navn)
            if verdi:
                ut[navn] = list(verdi) if navn == "mangler" else verdi
        return ut

    def _relativ_id(self, node_id: str, regel_nokkel: str | None) -> str:
        if regel_nokkel is not None:
            regel_id = self.regler[regel_nokkel]["id"]
            if node_id.startswith(regel_id + "/"):
                return node_id[len(regel_id) :]
        return node_id


class Leser:
    """Reads nodes of one record back, with the rule versions and sources it stored."""

    def __init__(self, regler: Mapping[str, Any], kilder: Mapping[str, Mapping[str, str]]):
        self._lagret = regler
        self._kilder = kilder
        self.regler = {
            nokkel: RegelInfo(
                id=r["id"],
                tittel=r["tittel"],
                hjemmel=tuple(
                    Hjemmel.fra_dict({**h, "navn": kilder[h["kilde"]]}) for h in r["hjemmel"]
                ),
                kilde=r["kilde"],
                gyldig_fra=date.fromisoformat(r["gyldig_fra"]),
                gyldig_til=date.fromisoformat(r["gyldig_til"]) if "gyldig_til" in r else None,
                tekster=r["tekster"],
            )
            for nokkel, r in regler.items()
        }

    def hjemler(self, data: list[Mapping[str, Any]]) -> tuple[Hjemmel, ...]:
        return tuple(Hjemmel.fra_dict({**h, "navn": self._kilder[h["kilde"]]}) for h in data)

    def node(self, data: Mapping[str, Any], regel_nokkel: str | None = None) -> Node:
        regel_nokkel = data.get("regel", regel_nokkel)
        lagret_id = data["id"]
        node_id = lagret_id
        uttrykk = data.get("uttrykk")
        if regel_nokkel is not None:
            if lagret_id.startswith("/"):
                node_id = self._lagret[regel_nokkel]["id"] + lagret_id
            uttrykk = uttrykk or self._lagret[regel_nokkel].get("uttrykk", {}).get(lagret_id)
        return Node(
            id=node_id,
            utfall=Utfall(data["utfall"]),
            regel=self.regler[data["regel"]] if "regel" in data else None,
            uttrykk=uttrykk,
            fakta=verdier_fra_record(data["fakta"]) if "fakta" in data else {},
            barn=tuple(self.node(b, regel_nokkel) for b in data.get("barn", ())),
            mangler=tuple(data.get("mangler", ())),
            avgjort_av=data.get("avgjort_av"),
            sporsmal=data.get("sporsmal"),
            rolle=data.get("rolle"),
        )
