"""The result of an assessment: one decision per area, flags, and the decision record.

An ``Assessment`` holds only evaluated data (trees, lines, flags) and never the rulebook, so a
stored record rebuilds the same object and renders the same text years later, whatever the
rules have become since.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import frozen

from .areas.base import Linje
from .contract import til_dict
from .engine import Merknad
from .facts import Sak
from .outcome import Utfall
from .rulebook.model import Hjemmel, RegelInfo
from .tree import (
    Node,
    fakta_til_json,
    node_fra_dict,
    node_til_dict,
    node_til_record,
    verdier_fra_record,
    verdier_til_record,
)

RECORD_FORMAT = "sosialregler-vedtaksgrunnlag/1"


@frozen
class Vedtak:
    """The decision for one area of law (a key in the contract's ``vedtak``)."""

    omrade: str
    tittel: Mapping[str, str]
    utfall: Utfall
    hjemmel: tuple[Hjemmel, ...]
    node: Node  # the full tree: the area's main rule, calculation and checks
    hovedregel: str
    utdata: Mapping[str, Any] = {}  # the area's outputs in the contract (belop_per_maned, …)
    beregning: tuple[Linje, ...] | None = None  # None: the area has no calculation
    mangler: tuple[str, ...] = ()
    enhet: str = "kr_per_maned"  # the unit of the calculation's lines

    @property
    def belop_per_maned(self) -> Decimal | None:
        """§ 18: the guideline amount (None when it cannot be computed or does not apply)."""
        return self.utdata.get("belop_per_maned")

    def hovednode(self) -> Node:
        node = self.node.finn(self.hovedregel)
        assert node is not None
        return node


@frozen
class Assessment:
    """Everything decided for one case on one date."""

    vurderingsdato: date
    sak_id: str | None
    bibliotek: str
    regler: str  # digest of the rule files
    vedtak: Mapping[str, Vedtak]
    merknader: tuple[Merknad, ...]
    klage: Node | None  # appeal information (forvaltningsloven), rendered with every text
    sak: Sak | None  # the case as facts (None for an assessment rebuilt from a record)
    satser: tuple[Mapping[str, Any], ...]  # the rate rows actually used
    lagret_inndata: Mapping[str, Any] | None = None  # the input, as read back from a record

    @property
    def inndata(self) -> Mapping[str, Any]:
        """The case as contract JSON, with the date it was assessed on.

        Built only when asked (records, what-if), so an assessment nobody stores pays nothing.
        """
        if self.lagret_inndata is not None:
            return self.lagret_inndata
        assert self.sak is not None
        inndata = til_dict(self.sak)
        inndata["vurderingsdato"] = self.vurderingsdato.isoformat()
        return inndata

    # --- rendering -----------------------------------------------------------------------
    def explain(self, sprak: str = "nb") -> str:
        """The explanation a caseworker can paste into a decision, in ``nb`` or ``en``."""
        from .explain import forklar

        return forklar(self, sprak)

    def begrunnelse(self, omrade: str, sprak: str = "nb") -> str:
        from .explain import begrunnelse

        return begrunnelse(self.vedtak[omrade], sprak)

    def to_dict(self) -> dict[str, Any]:
        """The contract's output, as a dict."""
        from .explain import begrunnelse, merknadstekst

        vedtak: dict[str, Any] = {}
        for navn, v in self.vedtak.items():
            ut: dict[str, Any] = {
                "utfall": v.utfall.value,
                "hjemmel": [h.tekst("nb") for h in v.hjemmel],
                "lenker": [h.lenke for h in v.hjemmel],
            }
            for nokkel, verdi in v.utdata.items():
                ut[nokkel] = fakta_til_json(verdi)
            if v.beregning is not None:
                ut["beregning"] = [linje.to_dict() for linje in v.beregning]
            ut["begrunnelse"] = begrunnelse(v, "nb")
            ut["begrunnelse_en"] = begrunnelse(v, "en")
            ut["mangler"] = list(v.mangler)
            ut["ikke_oppfylte_vilkar"] = _ikke_oppfylte(v)
            ut["forklaring"] = node_til_dict(v.node)
            vedtak[navn] = ut
        return {
            "vurderingsdato": self.vurderingsdato.isoformat(),
            "sak_id": self.sak_id,
            "versjon": {"bibliotek": self.bibliotek, "regler": self.regler},
            "vedtak": vedtak,
            "merknader": [
                {
                    "kode": m.kode,
                    "hjemmel": _merknadshjemmel(m, "nb"),
                    "tekst": merknadstekst(m, "nb"),
                    "tekst_en": merknadstekst(m, "en"),
                    **({"regel": m.regel.id} if m.regel else {}),
                    **({"frist": m.frist.isoformat()} if m.frist else {}),
                    **({"person": m.person} if m.person else {}),
                }
                for m in self.merknader
            ],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The contract's ``--format json`` output."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    # --- decision record -----------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        """Everything needed to store this decision and re-render it later (DESIGN § 5)."""
        regler: dict[str, dict[str, Any]] = {}
        record = {
            "format": RECORD_FORMAT,
            "bibliotek": self.bibliotek,
            "regler": self.regler,
            "vurderingsdato": self.vurderingsdato.isoformat(),
            "sak_id": self.sak_id,
            "inndata": self.inndata,
            "satser": list(self.satser),
            "vedtak": {
                navn: {
                    "omrade": v.omrade,
                    "tittel": dict(v.tittel),
                    "utfall": v.utfall.value,
                    "hjemmel": [h.to_dict() for h in v.hjemmel],
                    "hovedregel": v.hovedregel,
                    "utdata": verdier_til_record(v.utdata),
                    "beregning": None
                    if v.beregning is None
                    else [linje.to_dict() for linje in v.beregning],
                    "enhet": v.enhet,
                    "mangler": list(v.mangler),
                    "tre": node_til_record(v.node, regler),
                }
                for navn, v in self.vedtak.items()
            },
            "merknader": [
                {
                    "kode": m.kode,
                    "regel": m.regel.to_dict() if m.regel else None,
                    "node": node_til_record(m.node, regler) if m.node else None,
                    "tekst": dict(m.tekst) if m.tekst else None,
                    "hjemmeltekst": dict(m.hjemmeltekst) if m.hjemmeltekst else None,
                    "frist": m.frist.isoformat() if m.frist else None,
                    "person": m.person,
                }
                for m in self.merknader
            ],
            "klage": node_til_record(self.klage, regler) if self.klage else None,
        }
        record["regler_brukt"] = regler
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any] | str) -> Assessment:
        """Rebuild a stored decision (a dict, or its JSON text) without re-evaluating it."""
        data = json.loads(record) if isinstance(record, str) else record
        if not isinstance(data, Mapping) or data.get("format") != RECORD_FORMAT:
            funnet = data.get("format") if isinstance(data, Mapping) else type(data).__name__
            raise ValueError(f"ukjent vedtaksgrunnlag-format {funnet!r}; forventet {RECORD_FORMAT}")
        regler = {k: RegelInfo.fra_dict(r) for k, r in data["regler_brukt"].items()}
        vedtak = {}
        for navn, v in data["vedtak"].items():
            vedtak[navn] = Vedtak(
                omrade=v["omrade"],
                tittel=v["tittel"],
                utfall=Utfall(v["utfall"]),
                hjemmel=tuple(Hjemmel.fra_dict(h) for h in v["hjemmel"]),
                node=node_fra_dict(v["tre"], regler),
                hovedregel=v["hovedregel"],
                utdata=verdier_fra_record(v["utdata"]),
                beregning=None
                if v["beregning"] is None
                else tuple(_linje_fra_dict(linje) for linje in v["beregning"]),
                enhet=v["enhet"],
                mangler=tuple(v["mangler"]),
            )
        merknader = tuple(
            Merknad(
                m["kode"],
                RegelInfo.fra_dict(m["regel"]) if m["regel"] else None,
                node_fra_dict(m["node"], regler) if m["node"] else None,
                m["tekst"],
                m["hjemmeltekst"],
                date.fromisoformat(m["frist"]) if m.get("frist") else None,
                m.get("person"),
            )
            for m in data["merknader"]
        )
        return cls(
            vurderingsdato=date.fromisoformat(data["vurderingsdato"]),
            sak_id=data["sak_id"],
            bibliotek=data["bibliotek"],
            regler=data["regler"],
            vedtak=vedtak,
            merknader=merknader,
            klage=node_fra_dict(data["klage"], regler) if data["klage"] else None,
            sak=None,
            lagret_inndata=data["inndata"],
            satser=tuple(data["satser"]),
        )


def _linje_fra_dict(data: Mapping[str, Any]) -> Linje:
    def belop(navn: str) -> Decimal | None:
        return Decimal(str(data[navn])) if data.get(navn) is not None else None

    return Linje(
        post=data["post"],
        belop=Decimal(str(data["belop"])),
        kilde=data.get("kilde"),
        gyldig_fra=date.fromisoformat(data["gyldig_fra"]) if data.get("gyldig_fra") else None,
        person=data.get("person"),
        alder=data.get("alder"),
        grunnlag=belop("grunnlag"),
        medregnet=data.get("medregnet"),
        regel=data.get("regel"),
        node_id=data.get("node_id"),
    )


def _merknadshjemmel(m: Merknad, sprak: str) -> str:
    if m.regel:
        return "; ".join(h.tekst(sprak) for h in m.regel.hjemmel)
    if m.hjemmeltekst:
        return m.hjemmeltekst.get(sprak) or m.hjemmeltekst["nb"]
    return ""


def _ikke_oppfylte(v: Vedtak) -> list[dict[str, Any]]:
    """For a denial: each failed rule, its reference, and what would change it."""
    from .explain import render

    if v.utfall is not Utfall.IKKE_OPPFYLT:
        return []
    ut = []
    for node in v.hovednode().noder():
        if node.regel is None or node.utfall is not Utfall.IKKE_OPPFYLT:
            continue
        if node.rolle == "unntak" or any(
            d is not node and d.regel and d.rolle != "unntak" and d.utfall is Utfall.IKKE_OPPFYLT
            for d in node.noder()
        ):
            continue  # report the innermost failed rules: they say why
        endring = node.regel.tekst("endring", "nb")
        ut.append(
            {
                "regel": node.regel.id,
                "hjemmel": "; ".join(h.tekst("nb") for h in node.regel.hjemmel),
                "tekst": render(node.regel.tekst("ikke_oppfylt", "nb") or "", node, "nb"),
                "hva_kan_endre": render(endring, node, "nb") if endring else None,
            }
        )
    return ut
