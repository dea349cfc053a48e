"""Decision records (vedtaksgrunnlag): an assessment as compact, exact, re-renderable JSON.

A case system stores the record with the decision. Later the record must render the same
texts and the same contract JSON (DESIGN § 5). It holds the evaluated tree and every value the
texts read; what the *rules* say (texts, references, expressions, questions) is the same for
every decision made under a rule version, so a record names each version it used — id, date
and a fingerprint of its content — instead of copying it:

* **compact** (the default): rule versions by reference. Re-rendering looks them up in the
  rules folder (old versions stay there, DESIGN § 4) and refuses a version whose content has
  changed since, naming it. About a third of the size.
* **self-contained** (``med_regler=True``): the texts of every version used are copied in, so
  the record renders without any rules folder — for archives.

Amounts are exact (whole kroner as integers, others as decimal strings: a float would turn
``1024.0000000000001`` into ``1024.0`` and change the text). A sub-node's id is stored relative
to its rule (``/vilkar/alle[0]``), and a leaf's expression or question only when it differs
from what its rule version says at that place.

Every record ends with ``digest``: sha256 over its own canonical JSON (``innholdsdigest``).
Reading a record back checks it first, so a record changed after the decision (an outcome, an
amount, a text, a field removed) is refused with a ``ValueError`` naming the digest, and
``sosialregler gjengi`` exits 2. It detects changes; it is not a signature.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .areas.base import Linje
from .derived import Ukjent
from .outcome import Utfall
from .rulebook.model import Hjemmel, RegelInfo
from .tree import Node

if TYPE_CHECKING:
    from .rulebook.book import Regelbok

FORMAT = "sosialregler-vedtaksgrunnlag/3"

#: The record's own digest: sha256 over its canonical JSON (sorted keys, no spaces, ASCII with
#: escapes, so even a lone surrogate in a text has one encoding) without this field.
#: ``to_record`` writes it and ``from_record`` checks it, so a record changed after the
#: decision (an amount, an outcome, a text) is refused, not re-rendered.
DIGESTFELT = "digest"


def innholdsdigest(data: Mapping[str, Any]) -> str:
    """``sha256:<hex>`` over the record's content, every field but ``digest`` itself."""
    innhold = {k: v for k, v in data.items() if k != DIGESTFELT}
    tekst = json.dumps(
        innhold, sort_keys=True, ensure_ascii=True, separators=(",", ":"), allow_nan=False
    )
    return "sha256:" + hashlib.sha256(tekst.encode("ascii")).hexdigest()


def sjekk_digest(data: Mapping[str, Any]) -> None:
    """Refuse a record whose digest is missing or does not match its content (``ValueError``)."""
    lagret = data.get(DIGESTFELT)
    if not isinstance(lagret, str):
        raise ValueError(
            f"vedtaksgrunnlaget mangler {DIGESTFELT} (sha256 over innholdet), så det kan ikke "
            "kontrolleres at det er uendret"
        )
    try:
        beregnet = innholdsdigest(data)
    except (TypeError, ValueError) as exc:
        melding = f"vedtaksgrunnlaget er ikke gyldig JSON og kan ikke kontrolleres: {exc}"
        raise ValueError(melding) from None
    if not hmac.compare_digest(lagret.encode("utf-8", "surrogatepass"), beregnet.encode("ascii")):
        raise ValueError(
            f"vedtaksgrunnlaget er endret etter at det ble skrevet: {DIGESTFELT} {lagret!r} "
            f"stemmer ikke med innholdet ({beregnet})"
        )


def _heltall(verdi: Decimal) -> bool:
    return verdi == verdi.to_integral_value()


def verdi_til_record(verdi: Any) -> Any:
    """A value as exact JSON: whole amounts as integers, others as decimal strings."""
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
        # A small whole amount renders the same as an integer; a fraction, or a number with
        # thousands separators (which an integer is not given), keeps its type.
        return None if _heltall(verdi) and abs(verdi) < 1000 else "belop"
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
        return Decimal(verdi) if isinstance(verdi, str) else Decimal(int(verdi))
    if typ == "liste":
        return tuple(verdi)
    raise ValueError(f"ukjent verditype {typ!r} i vedtaksgrunnlaget")


def verdier_til_record(verdier: Mapping[str, Any], ut: dict[str, Any], navn: str) -> None:
    """Named values into ``ut[navn]``, with their types in ``ut[navn + "_typer"]``."""
    ut[navn] = {k: verdi_til_record(v) for k, v in verdier.items()}
    typer = {k: t for k, v in verdier.items() if (t := _type(v)) is not None}
    if typer:
        ut[navn + "_typer"] = typer


def verdier_fra_record(data: Mapping[str, Any], navn: str) -> dict[str, Any]:
    typer = data.get(navn + "_typer", {})
    return {k: verdi_fra_record(v, typer.get(k)) for k, v in data.get(navn, {}).items()}


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
    ut: dict[str, Any] = {}
    verdier_til_record(felt, ut, "felt")
    return ut


def linje_fra_record(data: Mapping[str, Any]) -> Linje:
    return Linje(**verdier_fra_record(data, "felt"))


def _nokkel(info: RegelInfo) -> str:
    return f"{info.id}@{info.gyldig_fra.isoformat()}"


class Skriver:
    """Writes the nodes of one record, collecting the rule versions and sources they use."""

    def __init__(self, med_regler: bool) -> None:
        self.med_regler = med_regler
        self.regler: dict[str, dict[str, Any]] = {}
        self.kilder: dict[str, dict[str, str]] = {}
        self._info: dict[str, RegelInfo] = {}

    def hjemler(self, hjemler: tuple[Hjemmel, ...]) -> list[dict[str, Any]]:
        """Legal references without their sources' names (stored once in ``kilder``)."""
        for h in hjemler:
            self.kilder.setdefault(h.kilde, dict(h.navn))
        return [{k: v for k, v in h.to_dict().items() if k != "navn"} for h in hjemler]

    def regel(self, info: RegelInfo, utfall: Utfall | None = None) -> str:
        """Name a rule version; a self-contained record also copies the texts it renders."""
        nokkel = _nokkel(info)
        lagret = self.regler.get(nokkel)
        if lagret is None:
            self._info[nokkel] = info
            lagret = {"fingeravtrykk": info.fingeravtrykk}
            if self.med_regler:
                innhold = info.to_dict()
                innhold.pop("fil")
                innhold["hjemmel"] = self.hjemler(info.hjemmel)
                innhold["tekster"] = {}
                lagret.update(innhold)
            self.regler[nokkel] = lagret
        if self.med_regler and utfall is not None:
            # The texts a node renders: its outcome's, and for a denial what would change it.
            nokler = (utfall.value, "endring") if utfall is Utfall.IKKE_OPPFYLT else (utfall.value,)
            for tekstnokkel in nokler:
                if tekstnokkel in info.tekster:
                    lagret["tekster"][tekstnokkel] = dict(info.tekster[tekstnokkel])
        return nokkel

    def node(self, node: Node, regel_nokkel: str | None = None) -> dict[str, Any]:
        if node.regel is not None:
            regel_nokkel = self.regel(node.regel, node.utfall)
        info = self._info.get(regel_nokkel) if regel_nokkel else None
        relativ = node.id
        if info is not None and node.id.startswith(info.id + "/"):
            relativ = node.id[len(info.id) :]
        ut: dict[str, Any] = {"id": relativ, "utfall": node.utfall.value}
        if node.regel is not None:
            ut["regel"] = regel_nokkel
        if node.fakta:
            verdier_til_record(node.fakta, ut, "fakta")
        if node.barn:
            ut["barn"] = [self.node(b, regel_nokkel) for b in node.barn]
        blad = info.blader.get(relativ) if info is not None else None
        if node.uttrykk is not None and node.uttrykk != blad:
            ut["uttrykk"] = node.uttrykk
        if node.sporsmal and dict(node.sporsmal) != blad:
            ut["sporsmal"] = dict(node.sporsmal)
        for navn in ("mangler", "avgjort_av", "rolle"):
            verdi = getattr(node, navn)
            if verdi:
                ut[navn] = list(verdi) if navn == "mangler" else verdi
        return ut


class Leser:
    """Reads the nodes of one record back, resolving the rule versions it names."""

    def __init__(
        self,
        regler: Mapping[str, Mapping[str, Any]],
        kilder: Mapping[str, Mapping[str, str]],
        regelbok: Regelbok | None,
    ) -> None:
        self._kilder = kilder
        self.regler: dict[str, RegelInfo] = {}
        for nokkel, lagret in regler.items():
            if "tekster" in lagret:  # self-contained: the record carries what it renders
                self.regler[nokkel] = self._innebygd(lagret)
                continue
            info = self._oppslag(nokkel, regelbok)
            if info.fingeravtrykk != lagret["fingeravtrykk"]:
                raise ValueError(
                    f"regelversjonen {nokkel} i vedtaksgrunnlaget stemmer ikke med "
                    f"fingeravtrykket {lagret['fingeravtrykk']}: teksten er endret siden vedtaket"
                )
            self.regler[nokkel] = info

    def _innebygd(self, r: Mapping[str, Any]) -> RegelInfo:
        return RegelInfo(
            id=r["id"],
            tittel=r["tittel"],
            hjemmel=self.hjemler(r["hjemmel"]),
            kilde=r["kilde"],
            gyldig_fra=date.fromisoformat(r["gyldig_fra"]),
            gyldig_til=date.fromisoformat(r["gyldig_til"]) if r["gyldig_til"] else None,
            tekster=r["tekster"],
            blader=r["blader"],
            lagret_fingeravtrykk=r["fingeravtrykk"],
        )

    @staticmethod
    def _oppslag(nokkel: str, regelbok: Regelbok | None) -> RegelInfo:
        if regelbok is None:
            from .api import standard_regelbok

            regelbok = standard_regelbok()
        regel_id, _, fra = nokkel.rpartition("@")
        for versjon in regelbok.regler.get(regel_id, ()):
            if versjon.info.gyldig_fra.isoformat() == fra:
                return versjon.info
        raise ValueError(
            f"regelversjonen {nokkel} finnes ikke i regelmappen {regelbok.mappe}; gjengi med "
            "regelmappen fra vedtakstidspunktet (--regler), eller lagre vedtaksgrunnlag med "
            "regeltekstene (med_regler=True)"
        )

    def hjemler(self, data: list[Mapping[str, Any]]) -> tuple[Hjemmel, ...]:
        return tuple(Hjemmel.fra_dict({**h, "navn": self._kilder[h["kilde"]]}) for h in data)

    def node(self, data: Mapping[str, Any], regel_nokkel: str | None = None) -> Node:
        regel_nokkel = data.get("regel", regel_nokkel)
        info = self.regler[regel_nokkel] if regel_nokkel else None
        lagret_id = data["id"]
        node_id = (
            info.id + lagret_id if info is not None and lagret_id.startswith("/") else lagret_id
        )
        blad = info.blader.get(lagret_id) if info is not None else None
        uttrykk = data.get("uttrykk", blad if isinstance(blad, str) else None)
        sporsmal = data.get("sporsmal", blad if isinstance(blad, dict) else None)
        return Node(
            id=node_id,
            utfall=Utfall(data["utfall"]),
            regel=self.regler[data["regel"]] if "regel" in data else None,
            uttrykk=uttrykk,
            fakta=verdier_fra_record(data, "fakta"),
            barn=tuple(self.node(b, regel_nokkel) for b in data.get("barn", ())),
            mangler=tuple(data.get("mangler", ())),
            avgjort_av=data.get("avgjort_av"),
            sporsmal=sporsmal,
            rolle=data.get("rolle"),
        )
