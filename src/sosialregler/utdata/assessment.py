"""The result of an assessment: one decision per area, flags, and the decision record.

An ``Assessment`` holds evaluated data (outcomes, amounts, trees, lines, flags), so a stored
record rebuilds the same object and renders the same text years later, whatever the rules
have become since. What ``assess`` returns is *kept* (``behold``, ``beholdt.py``): it holds
its case, date, outcomes, amounts and flags, and builds its trees and lines, when first read,
by evaluating the case again with the rulebook it was assessed with (shared, never copied).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from ..inndata.contract import til_dict
from ..inndata.facts import Sak
from ..lov.kompilator.motor import aktiv
from ..lov.outcome import Utfall
from ..lov.rulebook.book import Regelbok
from ..lov.rulebook.model import Hjemmel
from ..lov.tree import LatNode, Node, fakta_til_json, node_til_dict, node_til_json
from ..vurdering.areas.base import BEREGNET, Linje
from ..vurdering.belopskontroll import sjekk_belop
from ..vurdering.engine import Merknad
from . import beholdt, record, record_spor
from .beholdt import Gjenskaping, Lat
from .explain import begrunnelse, begrunnelser, forklar, merknadstekst, render
from .hvaom import hva_om


def _lest(node: Node | LatNode | None) -> Node | None:
    """A tree as compared and read: a ``LatNode`` built (the compiled engine's trees)."""
    return node.bygg() if isinstance(node, LatNode) else node


def _linjene(linjer: tuple[Linje, ...] | Lat[tuple[Linje, ...]] | None) -> Any:
    """Lines as compared: a kept result's made (``beholdt.Lat``)."""
    return linjer.hent() if isinstance(linjer, Lat) else linjer


def utdata_etter_utfall(utfall: Utfall, utdata: Mapping[str, Any]) -> Mapping[str, Any]:
    """An area's outputs as its decision carries them: on a refusal no payable amount.

    The one place where a calculation's outputs meet the area's outcome (``api.assess`` calls
    it as it builds each ``Vedtak``), so JSON, texts, records and the REPL all follow it.
    """
    if utfall is not Utfall.IKKE_OPPFYLT or not any(k in BEREGNET for k in utdata):
        return utdata
    ut: dict[str, Any] = {}
    for nokkel, verdi in utdata.items():
        if nokkel in BEREGNET:
            ut[nokkel] = None
            if verdi is not None:
                ut[BEREGNET[nokkel]] = verdi
        else:
            ut[nokkel] = verdi
    return ut


#: The unit of a calculation unless an area says otherwise: ``Vedtak.enhet``'s default.
_STANDARDENHET = "kr_per_maned"


@frozen
class Vedtak:
    """The decision for one area of law (a key in the contract's ``vedtak``)."""

    omrade: str
    tittel: Mapping[str, str]
    utfall: Utfall
    hjemmel: tuple[Hjemmel, ...]
    #: The full tree: the area's main rule, calculation and checks. From the compiled engine a
    #: ``LatNode``, rebuilt from the trace the first time ``node`` is read; in a kept result
    #: (``behold``) one that evaluates the case again.
    _node: Node | LatNode = field(alias="node", eq=_lest)
    hovedregel: str
    utdata: Mapping[str, Any] = {}  # the area's outputs in the contract (belop_per_maned, …)
    #: The calculation's lines; None: the area has no calculation. A kept result's are made
    #: when first read (``beholdt.Lat``), as its tree is.
    _beregning: tuple[Linje, ...] | Lat[tuple[Linje, ...]] | None = field(
        default=None, alias="beregning", eq=_linjene
    )
    mangler: tuple[str, ...] = ()
    enhet: str = _STANDARDENHET  # the unit of the calculation's lines (a record omits this one)

    @property
    def beregning(self) -> tuple[Linje, ...] | None:
        linjer = self._beregning
        if isinstance(linjer, Lat):
            linjer = linjer.hent()
            object.__setattr__(self, "_beregning", linjer)  # made once; the value never changes
        return linjer

    @property
    def belop_per_maned(self) -> Decimal | None:
        """§ 18: the guideline amount to pay (None when it cannot be computed, does not apply,
        or the claim is refused: see ``utdata_etter_utfall``)."""
        return self.utdata.get("belop_per_maned")

    @property
    def beregnet_behov_per_maned(self) -> Decimal | None:
        """§ 18: the computed amount whatever the outcome (on a refusal it is not payable)."""
        return self.utdata.get(BEREGNET["belop_per_maned"], self.utdata.get("belop_per_maned"))

    @property
    def node(self) -> Node:
        node = self._node
        if isinstance(node, LatNode):
            node = node.bygg()
            object.__setattr__(self, "_node", node)  # resolved once; the value never changes
        return node

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
    #: Appeal information (forvaltningsloven), rendered with every text; lazy like ``Vedtak.node``.
    _klage: Node | LatNode | None = field(alias="klage", eq=_lest)
    sak: Sak | None  # the case as facts (None for an assessment rebuilt from a record)
    satser: tuple[Mapping[str, Any], ...]  # the rate rows actually used
    lagret_inndata: Mapping[str, Any] | None = None  # the input, as read back from a record

    @property
    def klage(self) -> Node | None:
        klage = self._klage
        if isinstance(klage, LatNode):
            klage = klage.bygg()
            object.__setattr__(self, "_klage", klage)
        return klage

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

    def what_if(self, changes: Any, *, regler: Any = None) -> Any:
        """Assess a changed copy of this case and say what changed (``hvaom.HvaOm``).

        ``changes``: ``{JSON path: value}`` in the contract, e.g.
        ``{"inntekter[0].belop_per_maned": 4000}``; ``None`` removes a field (unknown). The
        case itself is not changed. ``regler``: the rulebook (default: the shipped one).
        """
        return hva_om(self, changes, regler=regler)

    # --- rendering -----------------------------------------------------------------------
    def explain(self, sprak: str = "nb") -> str:
        """The explanation a caseworker can paste into a decision, in ``nb`` or ``en``."""
        return forklar(self, sprak)

    def vedtaksbrev(self, sprak: str = "nb") -> Any:
        """The decision letter to the applicant (``vedtaksbrev.Vedtaksbrev``), nb, nn or en.

        ``.tekst()``, ``.html()``, ``.to_dict()``; ``.klart`` is false when the caseworker must
        clarify or conclude something first (``.maa_avklares`` says what).
        """
        # Start-up: the letter's modules are 12 ms of a 220 ms import (-X importtime), and
        # most callers never write a letter.
        from .vedtaksbrev import lag_vedtaksbrev

        return lag_vedtaksbrev(self, sprak)

    def begrunnelse(self, omrade: str, sprak: str = "nb") -> str:
        return begrunnelse(self.vedtak[omrade], sprak)

    def to_dict(self) -> dict[str, Any]:
        """The contract's output, as a dict."""
        ut = self._uten_vedtak()
        vedtak = ut["vedtak"]
        for navn, v in self.vedtak.items():
            vedtak[navn] = _vedtak_uten_tre(v)
            vedtak[navn]["forklaring"] = node_til_dict(v.node)
        return ut

    def _uten_vedtak(self) -> dict[str, Any]:
        """The output's frame: what ``to_dict`` gives, with ``vedtak`` still empty."""
        return {
            "vurderingsdato": self.vurderingsdato.isoformat(),
            "sak_id": self.sak_id,
            "versjon": {"bibliotek": self.bibliotek, "regler": self.regler},
            "vedtak": {},
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

    def to_json(self, indent: int | None = None) -> str:
        """The contract's ``--format json`` output: compact unless ``indent`` is given.

        Compact by default because it is measured: the standard library encodes compact JSON
        in C but indented JSON in Python, which took 4–8 ms for a family's trees against well
        under 1 ms compact. The CLI indents for people.

        Compact, the trees (``forklaring``, four fifths of the text) are written straight to
        JSON text by ``tree.node_til_json``, the same bytes as ``json.dumps(self.to_dict())``
        (tests compare them): building a dict per node and encoding it again took two thirds of
        the time (issue 17). Each decision's tree is its last key, so the decision's other keys
        are encoded as a dict and the tree's text put in before its closing brace. Every dict
        here is built fresh, never a cycle, so the encoder's cycle check (an id set kept per
        container) is left out.
        """
        if indent is not None or any("forklaring" in v.utdata for v in self.vedtak.values()):
            # (an output named like the tree would move it: the dict decides where it stands)
            return json.dumps(
                self.to_dict(), ensure_ascii=False, indent=indent, check_circular=False
            )
        ramme = self._uten_vedtak()
        del ramme["vedtak"]
        merknader = ramme.pop("merknader")
        deler = [_dumps(ramme)[:-1], ', "vedtak": {']
        for i, (navn, v) in enumerate(self.vedtak.items()):
            if i:
                deler.append(", ")
            deler += (
                _dumps(navn),
                ": ",
                _dumps(_vedtak_uten_tre(v))[:-1],
                ', "forklaring": ',
                node_til_json(v.node),
                "}",
            )
        deler += ('}, "merknader": ', _dumps(merknader), "}")
        return "".join(deler)

    # --- decision record -----------------------------------------------------------------
    def to_record(
        self, med_regler: bool = False, nokkel: bytes | None = None, utgave: int | None = None
    ) -> dict[str, Any]:
        """Everything needed to store this decision and re-render it later (DESIGN § 5).

        Compact by default: format 5 (``record_spor.py``), the input, the rulebook's digest and
        the trace; reading evaluates the input again and accepts it only if the trace is the
        same. A decision read back from a record of format 3 or 4 was not evaluated by the
        rules at hand, and one made with a municipality's own rates used a table the rulebook's
        digest does not cover, so they are written in format 4, which carries its trees
        (``record_spor.skrives_som_standard``).
        ``med_regler=True`` writes format 4 with the rule texts copied in, for a record that
        renders without any rules folder (``record.py``). ``utgave=4``: a compact format 4
        record (the trees, rule versions named). ``nokkel``: the office's key, to sign the
        record (HMAC-SHA256).
        """
        if utgave not in (None, 4, 5) or (med_regler and utgave == 5):
            raise ValueError(
                f"ukjent vedtaksgrunnlag-utgave {utgave!r}: 5 (kompakt, standard) eller 4 "
                "(med_regler=True gir alltid 4)"
            )
        if utgave == 5 and self.sak is None:
            raise ValueError(
                "vedtaksgrunnlag-utgave 5 krever et vedtak vurdert med regelverket; dette er lest "
                "fra et vedtaksgrunnlag i format 3 eller 4 og kan bare skrives i format 4"
            )
        if utgave == 5 or (
            not med_regler and utgave is None and record_spor.skrives_som_standard(self)
        ):
            return record_spor.skriv(self, nokkel)
        noder = [v.node for v in self.vedtak.values()]
        noder += [m.node for m in self.merknader if m.node is not None]
        noder += [self.klage] if self.klage else []
        skriver = record.Skriver(med_regler, noder)
        vedtak: dict[str, Any] = {}
        for navn, v in self.vedtak.items():
            # Format 4 leaves out what follows: the area is the key, the legal reference and
            # what is missing are the main rule node's, the unit is per month.
            hovednode = v.node.finn(v.hovedregel)
            hovedregel = hovednode.regel if hovednode is not None else None
            lagret: dict[str, Any] = {}
            if v.omrade != navn:
                lagret["omrade"] = v.omrade
            lagret.update(tittel=dict(v.tittel), utfall=v.utfall.value)
            if hovedregel is None or tuple(hovedregel.hjemmel) != tuple(v.hjemmel):
                lagret["hjemmel"] = skriver.hjemler(v.hjemmel)
            lagret["hovedregel"] = v.hovedregel
            if v.enhet != _STANDARDENHET:
                lagret["enhet"] = v.enhet
            lagret["tre"] = skriver.node(v.node)
            if hovednode is None or tuple(v.mangler) != tuple(hovednode.mangler):
                lagret["mangler"] = list(v.mangler)
            record.verdier_til_record4(v.utdata, lagret, "utdata")
            if v.beregning is not None:
                lagret["beregning"] = [record.linje_til_record(linje) for linje in v.beregning]
            vedtak[navn] = lagret
        i_treet = {
            n.id: n for v in self.vedtak.values() for n in v.node.noder() if n.regel is not None
        }
        merknader = []
        for m in self.merknader:
            lagret = {"kode": m.kode}
            if m.regel:
                utfall = m.node.utfall if m.node else Utfall.IKKE_OPPFYLT
                lagret["regel"] = skriver.navn(skriver.regel(m.regel, utfall))
            if m.node is not None:
                # A flag's node is usually a check node already in a tree: refer to it by id.
                i_tre = i_treet.get(m.node.id)
                lagret["node"] = skriver.merknadsnode(m.node, i_tre, _samme(i_tre, m.node))
            for felt in ("tekst", "hjemmeltekst"):
                if getattr(m, felt):
                    lagret[felt] = dict(getattr(m, felt))
            if m.frist:
                lagret["frist"] = m.frist.isoformat()
            if m.person:
                lagret["person"] = m.person
            merknader.append(lagret)
        ut: dict[str, Any] = {
            "format": record.FORMAT,
            "bibliotek": self.bibliotek,
            "regler": self.regler,
            "vurderingsdato": self.vurderingsdato.isoformat(),
            "sak_id": self.sak_id,
            "inndata": self.inndata,
            "satser": [record.satsrad_til_record(s) for s in self.satser],
            **skriver.fakta,
            "vedtak": vedtak,
            "merknader": merknader,
        }
        if self.klage:
            ut["klage"] = skriver.node(self.klage)
        ut["regler_brukt"] = skriver.regler_brukt
        if skriver.tekstfakta:
            ut["tekstfakta"] = skriver.tekstfakta
        ut["kilder"] = skriver.kilder
        record.forsegl(ut, nokkel)
        return ut

    @classmethod
    def from_record(
        cls,
        data: Mapping[str, Any] | str,
        regler: Regelbok | None = None,
        nokkel: bytes | None = None,
    ) -> Assessment:
        """Rebuild a stored decision (a dict, or its JSON text).

        Format 5: its input evaluated again and held to its trace (``record_spor.les``);
        formats 3 and 4: from their trees, without evaluating. ``regler``: the rulebook a
        format 5 record is evaluated with, or where a compact record's rule versions are
        looked up (default: the shipped rules). ``nokkel``: the office's key; with it an
        unsigned or wrongly signed record is refused. Raises ``ValueError`` naming what does
        not fit — also for a record whose structure is not a record's (changed by hand,
        truncated, another format), whose amounts do not add up, or (format 5) that the rules
        at hand would decide otherwise.
        """
        try:
            if isinstance(data, str):
                data = json.loads(data)
            if isinstance(data, Mapping) and data.get("format") == record_spor.FORMAT:
                # Evaluated again and held to its trace: it renders, and its amounts add up,
                # as every fresh assessment does.
                return record_spor.les(data, regler, nokkel)
            vurdering = cls._fra_record(data, regler, nokkel)
            sjekk_belop(vurdering)
            # A record is accepted only if it renders: a value of the wrong type in a record
            # changed by hand and given a new digest must be refused here, not crash later.
            for sprak in ("nb", "en"):
                vurdering.explain(sprak)
            vurdering.to_dict()
            return vurdering
        except ValueError as exc:
            if str(exc).startswith(
                ("ukjent vedtaksgrunnlag", "regelversjonen", "vedtaksgrunnlaget")
            ):
                raise
            raise ValueError(f"vedtaksgrunnlaget kan ikke gjengis: {exc}") from None
        except (
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            AssertionError,
            ArithmeticError,
            RecursionError,
        ) as exc:
            raise ValueError(
                f"vedtaksgrunnlaget har ikke et vedtaksgrunnlags oppbygning: "
                f"{type(exc).__name__}: {exc}"
            ) from None

    @classmethod
    def _fra_record(
        cls,
        data: Mapping[str, Any] | str,
        regler: Regelbok | None = None,
        nokkel: bytes | None = None,
    ) -> Assessment:
        """Rebuild a stored decision (a dict, or its JSON text) without re-evaluating it.

        ``regler``: where a compact record's rule versions are looked up (default: the
        shipped rules). Raises ``ValueError`` naming what does not fit.
        """
        if isinstance(data, str):
            data = json.loads(data)
        if not isinstance(data, Mapping) or data.get("format") not in record.LESBARE_FORMATER:
            funnet = data.get("format") if isinstance(data, Mapping) else type(data).__name__
            raise ValueError(
                f"ukjent vedtaksgrunnlag-format {funnet!r}; forventet {record_spor.FORMAT}"
            )
        record.sjekk_digest(data)
        record.sjekk_signatur(data, nokkel)
        leser = record.Leser(data, regler)
        v3 = data["format"] == record.LESBARE_FORMATER[0]
        vedtak = {}
        for navn, v in data["vedtak"].items():
            node = leser.node(v["tre"])
            hovednode = node.finn(v["hovedregel"])  # format 4 leaves out what it says
            if "mangler" in v:
                mangler = tuple(v["mangler"])
            else:
                mangler = tuple(hovednode.mangler) if hovednode is not None else ()
            if "hjemmel" in v:
                hjemmel = leser.hjemler(v["hjemmel"])
            elif hovednode is not None and hovednode.regel is not None:
                hjemmel = tuple(hovednode.regel.hjemmel)
            else:
                raise ValueError(f"vedtaket {navn} mangler hjemmel")
            vedtak[navn] = Vedtak(
                omrade=v.get("omrade", navn),
                tittel=v["tittel"],
                utfall=Utfall(v["utfall"]),
                hjemmel=hjemmel,
                node=node,
                hovedregel=v["hovedregel"],
                utdata=(record.verdier_fra_record if v3 else record.verdier_fra_record4)(
                    v, "utdata"
                ),
                beregning=tuple(record.linje_fra_record(linje, v3) for linje in v["beregning"])
                if "beregning" in v
                else None,
                enhet=v.get("enhet", _STANDARDENHET),
                mangler=mangler,
            )
        i_treet = {n.id: n for v in vedtak.values() for n in v.node.noder() if n.regel is not None}
        merknader = tuple(
            Merknad(
                m["kode"],
                leser.regler[leser.nokkel(m["regel"])] if "regel" in m else None,
                leser.merknadsnode(m["node"], i_treet) if "node" in m else None,
                m.get("tekst"),
                m.get("hjemmeltekst"),
                date.fromisoformat(m["frist"]) if "frist" in m else None,
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
            klage=leser.node(data["klage"]) if "klage" in data else None,
            sak=None,
            lagret_inndata=data["inndata"],
            satser=tuple(s if v3 else record.satsrad_fra_record(s) for s in data["satser"]),
        )


def behold(vurdering: Assessment, regler: Regelbok) -> Assessment:
    """``vurdering``, fresh from ``regler``, as ``assess`` returns it: its case, date,
    outcomes, amounts, missing facts and flags, and no tree, line, flag node or trace; each of
    those is made when first read, from the case evaluated again (``beholdt.py``, issue 17:
    a kept result ≤ 10 KiB)."""
    assert vurdering.sak is not None
    g = Gjenskaping(
        vurdering.sak,
        vurdering.vurderingsdato,
        regler,
        aktiv(),
        beholdt.kjennetegn(vurdering),
    )
    vedtak = {
        navn: Vedtak(
            v.omrade,
            v.tittel,
            v.utfall,
            v.hjemmel,
            LatNode(beholdt.vedtaksnode, g, navn),
            v.hovedregel,
            v.utdata,
            None if v._beregning is None else Lat(beholdt.linjer, g, navn),
            v.mangler,
            v.enhet,
        )
        for navn, v in vurdering.vedtak.items()
    }
    merknader = tuple(
        m
        if m._node is None
        else Merknad(
            m.kode,
            m.regel,
            LatNode(beholdt.flaggnode, g, i),
            m.tekst,
            m.hjemmeltekst,
            m.frist,
            m.person,
        )
        for i, m in enumerate(vurdering.merknader)
    )
    return Assessment(
        vurdering.vurderingsdato,
        vurdering.sak_id,
        vurdering.bibliotek,
        vurdering.regler,
        vedtak,
        merknader,
        None if vurdering._klage is None else LatNode(beholdt.klagenode, g),
        vurdering.sak,
        vurdering.satser,
    )


def _dumps(verdi: Any) -> str:
    """Compact JSON as ``to_json`` writes it (a fresh value: no cycle check)."""
    return json.dumps(verdi, ensure_ascii=False, check_circular=False)


def _vedtak_uten_tre(v: Vedtak) -> dict[str, Any]:
    """A decision in the contract's output, every key but its tree (``forklaring``, the last)."""
    ut: dict[str, Any] = {
        "utfall": v.utfall.value,
        "hjemmel": [h.tekst("nb") for h in v.hjemmel],
        "lenker": [h.lenke for h in v.hjemmel],
    }
    for nokkel, verdi in v.utdata.items():
        ut[nokkel] = fakta_til_json(verdi)
    if v.beregning is not None:
        ut["beregning"] = [linje.to_dict() for linje in v.beregning]
    ut["begrunnelse"], ut["begrunnelse_en"] = begrunnelser(v, ("nb", "en"))
    ut["mangler"] = list(v.mangler)
    ut["ikke_oppfylte_vilkar"] = _ikke_oppfylte(v)
    return ut


def _samme(a: Node | None, b: Node) -> bool:
    """Whether two nodes render alike (a check node differs from its flag's only in role)."""
    return (
        a is not None
        and a.utfall is b.utfall
        and a.regel == b.regel
        and a.fakta == b.fakta
        and a.barn == b.barn
        and a.mangler == b.mangler
    )


def _merknadshjemmel(m: Merknad, sprak: str) -> str:
    if m.regel:
        return "; ".join(h.tekst(sprak) for h in m.regel.hjemmel)
    if m.hjemmeltekst:
        return m.hjemmeltekst.get(sprak) or m.hjemmeltekst["nb"]
    return ""


def _ikke_oppfylte(v: Vedtak) -> list[dict[str, Any]]:
    """For a denial: each failed rule, its reference, and what would change it."""
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
