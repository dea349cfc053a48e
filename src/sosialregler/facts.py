"""The facts of a case, as given: frozen value classes that nothing downstream mutates.

These classes mirror the JSON contract (``case-format.md``) field by field, in its ASCII
Norwegian names, so a reader can go from a JSON path to the attribute without a map.

Why ``None`` everywhere: in law an absent fact is *unknown*, never zero or false. A field the
case system did not send stays ``None``, and a rule that needs it answers ``uavklart`` and names
it. An empty list is different: it means "none" (no income, no assets).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from attrs import frozen

Rolle = Literal["soker", "ektefelle", "samboer", "barn", "annen_voksen"]
ROLLER: tuple[str, ...] = ("soker", "ektefelle", "samboer", "barn", "annen_voksen")

Inntektstype = Literal[
    "arbeidsinntekt",
    "barnetrygd",
    "kontantstotte",
    "bostotte",
    "barnebidrag",
    "aap",
    "dagpenger",
    "sykepenger",
    "foreldrepenger",
    "uforetrygd",
    "pensjon",
    "barns_arbeidsinntekt",
    "kvalifiseringsstonad",
    "introduksjonsstonad",
    "studielan_stipend",
    "annen",
]

Formuestype = Literal[
    "bankinnskudd", "kontanter", "aksjer_fond", "kjoretoy", "fast_eiendom", "annen"
]

Boutgiftstype = Literal[
    "husleie",
    "boliglan_renter",
    "boliglan_avdrag",
    "kommunale_avgifter",
    "strom",
    "oppvarming",
    "forsikring",
    "annen",
]

Botilbudstype = Literal[
    "hospits",
    "campingplass",
    "hotell",
    "pensjonat",
    "krisesenter",
    "kommunal_midlertidig_bolig",
    "annen",
]


@frozen
class Person:
    """A member of the household. ``fodselsdato`` may be unknown."""

    id: str
    rolle: Rolle
    fodselsdato: date | None = None


@frozen
class Inntekt:
    """A monthly income of one person; the type decides whether § 18 counts it."""

    person: str
    type: Inntektstype
    belop_per_maned: Decimal


@frozen
class Formue:
    """An asset. § 18 expects assets to be used first; how is the caseworker's call."""

    type: Formuestype
    belop: Decimal
    person: str | None = None


@frozen
class Boutgift:
    """A monthly housing cost (outside the guideline rates, assessed at actual cost)."""

    type: Boutgiftstype
    belop_per_maned: Decimal


@frozen
class Botilbud:
    """A stay in temporary housing (§ 27). ``til`` None means the stay goes on."""

    personer: tuple[str, ...]
    fra: date
    type: Botilbudstype
    til: date | None = None


@frozen
class Kvp:
    """Facts for the qualification programme (§ 29); each unknown until the case says."""

    person: str
    arbeidsevnevurdering_gjort: bool | None = None
    vesentlig_nedsatt_arbeidsevne: bool | None = None
    ytelser_folketrygd: tuple[str, ...] | None = None
    behov_for_tett_oppfolging: bool | None = None
    program_kan_tilbys: bool | None = None


@frozen
class Aktivitetsplikt:
    """Facts for the activity condition for recipients under 30 (§ 20 a)."""

    vilkar_satt: bool | None = None
    tungtveiende_grunner: str | None = None


@frozen
class Kommune:
    """The municipality's own choices that the law leaves to it.

    ``holder_barnetrygd_utenfor``: before 2022-09-01 a municipality could choose not to count
    child benefit as income; from that date the law decides (§ 18 third ledd).
    """

    navn: str | None = None
    holder_barnetrygd_utenfor: bool | None = None


@frozen
class Sak:
    """A whole case as received, before anything is derived from it."""

    personer: tuple[Person, ...]
    sak_id: str | None = None
    vurderingsdato: date | None = None
    bofellesskap: bool | None = None
    inntekter: tuple[Inntekt, ...] | None = None
    formue: tuple[Formue, ...] | None = None
    boutgifter: tuple[Boutgift, ...] | None = None
    botilbud: tuple[Botilbud, ...] | None = None
    kvp: Kvp | None = None
    aktivitetsplikt: Aktivitetsplikt | None = None
    individuell_vurdering: str | None = None
    kommune: Kommune | None = None

    @property
    def soker(self) -> Person:
        """The applicant; the contract guarantees exactly one."""
        return next(p for p in self.personer if p.rolle == "soker")

    def person(self, person_id: str) -> Person:
        return next(p for p in self.personer if p.id == person_id)

    def indeks(self, person_id: str) -> int:
        """Position of a person in ``personer``, for JSON paths in explanations."""
        return next(i for i, p in enumerate(self.personer) if p.id == person_id)
