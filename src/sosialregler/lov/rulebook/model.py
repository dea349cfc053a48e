"""What a rule is, once loaded: legal coordinates, validity, condition tree, texts.

A rule is split in two: ``RegelInfo`` is what an explanation needs (id, title, legal
reference, texts) and is stored in decision records so an old decision re-renders years
later; ``Regel`` adds what evaluation needs (the compiled condition tree).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from ..outcome import Utfall

if TYPE_CHECKING:
    from .conditions import Betingelse, Vurdering
    from .expr import Uttrykk

#: Norwegian ordinals for ledd, as the law cites them ("§ 18 tredje ledd").
LEDD_NB = ("første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende")
LEDD_NN = ("første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuande", "åttande")
LEDD_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")

KILDETYPER = ("skal", "kan", "bor")


@frozen
class Hjemmel:
    """A legal reference as structured coordinates, plus a link to the text.

    ``kilde`` names a source in ``rules/kilder.toml`` (a law, a regulation, the circular);
    ``navn`` holds its display names so a record renders without the rules folder.
    """

    kilde: str
    navn: Mapping[str, str]
    lenke: str
    paragraf: str | None = None
    ledd: int | None = None
    bokstav: str | None = None
    punkt: str | None = None  # circular point, e.g. R35 4.18.1.5

    def tekst(self, sprak: str = "nb") -> str:
        """As a caseworker cites it: 'sosialtjenesteloven § 18 første ledd'."""
        deler = [self.navn.get(sprak) or self.navn["nb"]]
        norsk = sprak in ("nb", "nn")
        if self.paragraf:
            deler.append(f"§ {self.paragraf}" if norsk else f"section {self.paragraf}")
        if self.ledd:
            ordenstall = {"nb": LEDD_NB, "nn": LEDD_NN}.get(sprak, LEDD_EN)
            tall = ordenstall[self.ledd - 1] if self.ledd <= len(ordenstall) else str(self.ledd)
            deler.append(f"{tall} ledd" if norsk else f"{tall} paragraph")
        if self.bokstav:
            deler.append(f"bokstav {self.bokstav}" if norsk else f"letter {self.bokstav}")
        if self.punkt:
            deler.append(f"punkt {self.punkt}" if norsk else f"point {self.punkt}")
        return " ".join(deler)

    def to_dict(self) -> dict[str, Any]:
        ut: dict[str, Any] = {"kilde": self.kilde, "navn": dict(self.navn), "lenke": self.lenke}
        for navn in ("paragraf", "ledd", "bokstav", "punkt"):
            if getattr(self, navn) is not None:
                ut[navn] = getattr(self, navn)
        return ut

    @classmethod
    def fra_dict(cls, data: Mapping[str, Any]) -> Hjemmel:
        return cls(**data)


@frozen
class Merknadsspec:
    """A flag the rule raises when it ends in one of ``ved`` (e.g. a missing assessment)."""

    kode: str
    ved: tuple[Utfall, ...]
    person: str | None = None  # a fact naming whom the flag concerns (e.g. "vilkar.person")


@frozen
class RegelInfo:
    """The descriptive half of a rule: enough to explain and re-render a decision."""

    id: str
    tittel: Mapping[str, str]
    hjemmel: tuple[Hjemmel, ...]
    kilde: str  # skal | kan | bor
    gyldig_fra: date
    gyldig_til: date | None
    tekster: Mapping[str, Mapping[str, str]]  # outcome or "endring" -> language -> template
    fil: str = ""
    #: Each leaf of the condition by its node path (``/vilkar/alle[0]``): the expression's text
    #: or the discretion question. Part of what the rule says, so part of its fingerprint.
    blader: Mapping[str, Any] = field(factory=dict)
    #: Set when the version was read back from a self-contained record, which holds only the
    #: texts the decision used: its fingerprint is the one the full version had.
    lagret_fingeravtrykk: str | None = field(default=None, eq=False, repr=False)

    @cached_property
    def fingeravtrykk(self) -> str:
        """A short hash of everything the rule version says (not where its file lies).

        A decision record that leaves out the rule's texts names the version by id, date and
        this fingerprint; re-rendering refuses a rule whose content has changed since.
        """
        if self.lagret_fingeravtrykk is not None:
            return self.lagret_fingeravtrykk
        innhold = {k: v for k, v in self.to_dict().items() if k != "fil"}
        kanonisk = json.dumps(innhold, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(kanonisk.encode()).hexdigest()[:16]

    @cached_property
    def fingeravtrykk_uten_nn(self) -> str:
        """The fingerprint the version had before rule files gained nynorsk: a record written
        then names the version by it, and still renders the same bokmål and English."""
        if self.lagret_fingeravtrykk is not None:
            return self.lagret_fingeravtrykk
        innhold = {k: v for k, v in self.to_dict().items() if k != "fil"}
        kanonisk = json.dumps(
            _uten_nn(innhold), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return hashlib.sha256(kanonisk.encode()).hexdigest()[:16]

    def hjemmeltekst(self, sprak: str = "nb") -> str:
        """The legal references as cited, joined with «; » (every node of a tree under the
        rule repeats them, so they are made once per version and language)."""
        tekster = self._hjemmeltekster
        tekst = tekster.get(sprak)
        if tekst is None:
            tekst = tekster[sprak] = "; ".join([h.tekst(sprak) for h in self.hjemmel])
        return tekst

    @cached_property
    def _hjemmeltekster(self) -> dict[str, str]:
        return {}

    def hjemmelpar(self, sprak: str) -> tuple[tuple[str, str], ...]:
        """Each legal reference as cited and its link: the working paper lists them under
        «Hjemmel», for every rule a decision rests on; made once per version and language."""
        par = self._hjemmelpar.get(sprak)
        if par is None:
            par = self._hjemmelpar[sprak] = tuple((h.tekst(sprak), h.lenke) for h in self.hjemmel)
        return par

    @cached_property
    def _hjemmelpar(self) -> dict[str, tuple[tuple[str, str], ...]]:
        return {}

    @cached_property
    def json_deler(self) -> dict[str, str]:
        """Pieces of JSON text that say only what this version says, made once per version
        by the tree's JSON writer (``tree.node_til_json``), which repeats them on every node."""
        return {}

    def tekst(self, nokkel: str, sprak: str) -> str | None:
        maler = self.tekster.get(nokkel)
        if not maler:
            return None
        return maler.get(sprak) or maler.get("nb")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "tittel": dict(self.tittel),
            "hjemmel": [h.to_dict() for h in self.hjemmel],
            "kilde": self.kilde,
            "gyldig_fra": self.gyldig_fra.isoformat(),
            "gyldig_til": self.gyldig_til.isoformat() if self.gyldig_til else None,
            "tekster": {k: dict(v) for k, v in self.tekster.items()},
            "fil": self.fil,
            "blader": dict(self.blader),
        }

    @classmethod
    def fra_dict(cls, data: Mapping[str, Any]) -> RegelInfo:
        return cls(
            id=data["id"],
            tittel=data["tittel"],
            hjemmel=tuple(Hjemmel.fra_dict(h) for h in data["hjemmel"]),
            kilde=data["kilde"],
            gyldig_fra=date.fromisoformat(data["gyldig_fra"]),
            gyldig_til=date.fromisoformat(data["gyldig_til"]) if data["gyldig_til"] else None,
            tekster=data["tekster"],
            fil=data.get("fil", ""),
            blader=data.get("blader", {}),
        )


def _uten_nn(verdi: Any) -> Any:
    """``verdi`` without the ``nn`` of its language maps ({nb, nn, en})."""
    if isinstance(verdi, dict):
        sprakkart = "nb" in verdi and "en" in verdi
        return {k: _uten_nn(v) for k, v in verdi.items() if not (sprakkart and k == "nn")}
    if isinstance(verdi, list):
        return [_uten_nn(v) for v in verdi]
    return verdi


@frozen
class Verdi:
    """A named value of a calculation rule: one step of its arithmetic, written as law.

    ``[[regel.verdi]]`` under a rule with ``beregning``: the fact it gives (``navn``, a fact the
    calculation's catalogue declares), its expression over facts and earlier values, and a title
    in nb/nn/en so a legal expert reads the step as a sentence. ``rulebook.mellomregning``
    evaluates the steps in file order (the compiler writes the same as code); the expression
    is the closure language of conditions (no attribute access, no calls but the language's
    own functions). Not part of the rule's fingerprint: records name a version by its texts.
    """

    navn: str
    tittel: Mapping[str, str]
    uttrykk: Uttrykk
    art: str  # the catalogue kind of ``navn``: belop | tall | sannhetsverdi


@frozen
class Elementsum:
    """A sum over items, written as law: each item adds what its rule's outcome says.

    ``[[regel.sum]]`` under a rule with ``beregning``: the fact it gives (``navn``), the item
    rule (``regel``, a rule with ``gjelder``) whose outcome decides, item by item, whether and
    with what amount the item counts, and per outcome an expression over the item's facts
    (``oppfylt = "boutgift.belop_per_maned"``). An outcome listed in ``utenfor`` adds nothing;
    any other outcome with no expression (and an undetermined item) adds nothing and makes the
    calculation undetermined, naming what is missing. ``rulebook.mellomregning.summer``
    evaluates it for both engines. Like ``Verdi``, not part of the rule's fingerprint.
    """

    navn: str
    tittel: Mapping[str, str]
    regel: str | None  # None: the sum says by ``tilfeller`` which items count, not by a rule
    gjelder: str
    ledd: Mapping[Utfall, Uttrykk]  # outcome -> what an item with that outcome adds
    utenfor: frozenset[Utfall] = frozenset()  # outcomes with which an item knowingly adds nothing
    #: Without an item rule: (which items, what each adds), the first that holds for an item
    #: decides; an item none holds for adds nothing (``[[regel.sum]] tilfeller``, issue 17: the
    #: rates, one per person, read from the rate tables by ``sats``/``barnesats``).
    tilfeller: tuple[Tilfelle, ...] = ()


@frozen
class Tilfelle:
    """One case of a sum without an item rule: the items ``hvor`` holds for add ``verdi``."""

    hvor: Uttrykk
    verdi: Uttrykk


@frozen
class Regel:
    """A loaded, validated, compiled rule version."""

    info: RegelInfo
    vilkar: Betingelse | None
    beregning: str | None
    omfang: str | None  # None: the case; "inntekt": one income line
    unntak_fra: str | None
    gir: Utfall | None  # what an exception decides when it applies
    merknad: Merknadsspec | None
    tekstnavn: tuple[str, ...] = field(default=())  # facts the texts name, recorded on eval
    verdier: tuple[Verdi, ...] = field(default=())  # a calculation's named steps, in order
    summer: tuple[Elementsum, ...] = field(default=())  # its sums over items, before the steps

    @property
    def id(self) -> str:
        return self.info.id

    @cached_property
    def vurdering(self) -> Vurdering:
        """The condition compiled for evaluation, with its node paths (``<id>/vilkar/…``)."""
        if self.vilkar is None:
            raise ValueError(f"regelen {self.id} er en beregningsregel og har ingen vilkår")
        return self.vilkar.kompiler(f"{self.id}/vilkar", self)

    def i_kraft(self, dato: date) -> bool:
        return self.info.gyldig_fra <= dato and (
            self.info.gyldig_til is None or dato <= self.info.gyldig_til
        )


@frozen
class Omrade:
    """An area of law: the key in ``vedtak``, its main rule, its calculation, its checks."""

    id: str
    tittel: Mapping[str, str]
    hovedregel: str
    beregning: str | None
    kontroller: tuple[str, ...]
    fil: str
    #: When the area applies to a case at all: an area whose condition is not met is left out
    #: of ``vedtak`` (the contract: "an area with no facts to assess is left out").
    vurderes_nar: Betingelse | None = None

    @cached_property
    def avgrensning(self) -> Vurdering | None:
        """``vurderes_nar`` compiled (``<id>/vurderes_nar``), or None if the area always applies."""
        if self.vurderes_nar is None:
            return None
        return self.vurderes_nar.kompiler(f"{self.id}/vurderes_nar", None)
