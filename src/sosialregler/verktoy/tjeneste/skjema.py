"""The case contract as a JSON Schema (draft 2020-12), generated from the classes it is read into.

A case system in Kotlin or Java generates its models from this schema and can check a case
before it sends it (``GET /skjema/sak.json``). It is made here from the frozen attrs classes in
``facts.py`` (and ``tilsynsfakta.py``) and the types the contract's converter checks
(``contract.py``), never written by hand, so a field added to a class is in the schema at once.

Each type is mapped as the converter reads it:

* ``str`` → string; ``bool`` → boolean; ``int`` → integer ≥ 0 (``_heltall``);
* ``Decimal`` (an amount) → number, 0 ≤ x ≤ ``MAKS_BELOP`` (``_belop``);
* ``date`` → string of the form ``ÅÅÅÅ-MM-DD`` with ``format: date`` and a pattern that keeps
  the year within ``TIDLIGSTE_DATO``–``SENESTE_DATO`` (``_dato``);
* ``Literal[...]`` → ``enum``; ``tuple[X, ...]`` → array of X, at most ``grenser.linjer``
  items (``sjekk_grenser``); ``X | None`` → X or null (an absent fact is unknown);
* an attrs class → object with its fields, those without a default required, no other keys
  (the converter forbids extra keys).

One rule across values is said as well, since a schema can: exactly one person is the
applicant (``soker``) and at most one a spouse or cohabitant.

What a schema cannot say (checks across fields, the calendar, the byte size of the text) is
listed in ``UTENFOR_SKJEMA``; the contract still rejects those cases, naming the field.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

import attrs

from ...inndata.contract import MAKS_BELOP, SENESTE_DATO, TIDLIGSTE_DATO
from ...inndata.facts import Sak
from ...inndata.grenser import STANDARD

SKJEMA_ID = "https://sosialregler.invalid/skjema/sak.json"
UTKAST = "https://json-schema.org/draft/2020-12/schema"

#: What the contract checks that this schema does not (a schema sees one value at a time, and
#: neither the calendar nor the text's size): a case system should still expect a 422 for them.
UTENFOR_SKJEMA: tuple[tuple[str, str], ...] = (
    (
        "kalenderen",
        "en dato som ikke finnes (2023-02-29) avvises bare av en validator som "
        "håndhever «format: date»; mønsteret alene fanger måned 13 og dag 32",
    ),
    (
        "ider",
        "person-ider er unike, og hver «person» (inntekter, formue, kvp, botilbud, "
        "vilkar, …) og hver «vilkar» i reduksjoner viser til en id som finnes i saken",
    ),
    (
        "datoer mot hverandre",
        "barn er ikke eldre enn foreldrene, ingen er født etter "
        "vurderingsdatoen, et botilbud slutter ikke før det starter, KVP-fravær ligger i "
        "programperioden og begynner ikke før lovens ikrafttredelse (2010-01-01)",
    ),
    (
        "vurderingsdato",
        "saken må ha en vurderingsdato fra 2010-01-01 (lovens ikrafttredelse), med mindre "
        "«dato» i forespørselen gis i stedet og overstyrer den",
    ),
    ("heltall", "JSON Schema godtar 1.0 som heltall; kontrakten krever et tall uten desimaler"),
    (
        "størrelse",
        "teksten er høyst grenser.byte byte og nøstet høyst grenser.dybde nivåer (grenser.py)",
    ),
    (
        "motstrid",
        "opplysninger som motsier hverandre (en norsk statsborger uten lovlig "
        "opphold, godkjent boutgift over den faktiske, …) avvises av kontraktens kryssjekker",
    ),
)


def _aarhundrer(fra: date, til: date) -> str:
    """The first two digits of the years a date may have, as a regex alternation."""
    return "|".join(f"{h:02d}" for h in range(fra.year // 100, til.year // 100 + 1))


DATOMONSTER = (
    f"^({_aarhundrer(TIDLIGSTE_DATO, SENESTE_DATO)})[0-9]{{2}}-(0[1-9]|1[0-2])-"
    "(0[1-9]|[12][0-9]|3[01])$"
)


def _skalar(typ: Any) -> dict[str, Any] | None:
    if typ is str:
        return {"type": "string"}
    if typ is bool:
        return {"type": "boolean"}
    if typ is int:
        return {"type": "integer", "minimum": 0}
    if typ is Decimal:
        return {"type": "number", "minimum": 0, "maximum": int(MAKS_BELOP)}
    if typ is date:
        return {"type": "string", "format": "date", "pattern": DATOMONSTER}
    return None


class _Bygger:
    """Walks the classes from ``Sak`` and collects one ``$defs`` entry per attrs class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def oversett(self, typ: Any) -> dict[str, Any]:
        skalar = _skalar(typ)
        if skalar is not None:
            return skalar
        origin = get_origin(typ)
        if origin is Literal:
            return {"type": "string", "enum": list(get_args(typ))}
        if origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(typ) if a is not type(None)]
            if len(args) != len(get_args(typ)) - 1 or len(args) != 1:
                raise TypeError(f"ukjent union i kontrakten: {typ!r}")
            return {"anyOf": [self.oversett(args[0]), {"type": "null"}]}
        if origin is tuple:
            ledd = get_args(typ)
            if len(ledd) != 2 or ledd[1] is not Ellipsis:
                raise TypeError(f"bare tuple[X, ...] er med i kontrakten: {typ!r}")
            return {"type": "array", "items": self.oversett(ledd[0]), "maxItems": STANDARD.linjer}
        if attrs.has(typ):
            self.klasse(typ)
            return {"$ref": f"#/$defs/{typ.__name__}"}
        raise TypeError(f"typen {typ!r} har ingen JSON Schema-oversettelse")

    def klasse(self, klasse: type) -> None:
        navn = klasse.__name__
        if navn in self.defs:
            return
        self.defs[navn] = {}  # reserved first: a class that refers to itself ends here
        hint = typing.get_type_hints(klasse)
        egenskaper: dict[str, Any] = {}
        pakrevd: list[str] = []
        for felt in attrs.fields(klasse):
            if felt.name.startswith("_"):
                continue
            egenskaper[felt.name] = self.oversett(hint[felt.name])
            if felt.default is attrs.NOTHING:
                pakrevd.append(felt.name)
        skjema: dict[str, Any] = {"type": "object", "properties": egenskaper}
        if pakrevd:
            skjema["required"] = pakrevd
        skjema["additionalProperties"] = False
        doc = (klasse.__doc__ or "").strip()
        if doc:
            skjema["description"] = doc.split("\n\n")[0].replace("\n", " ")
        self.defs[navn] = {"title": navn, **skjema}


#: The roles of the applicant's spouse or cohabitant: the contract allows at most one of them.
PARTNERE = ("ektefelle", "samboer")


def _antall_med_rolle(roller: tuple[str, ...], minst: int, hoyst: int) -> dict[str, Any]:
    """The one rule across persons a schema can say (``contract._kryssjekker``): how many
    persons have one of ``roller`` (one applicant; at most one spouse or cohabitant)."""
    return {
        "contains": {"type": "object", "properties": {"rolle": {"enum": list(roller)}}},
        "minContains": minst,
        "maxContains": hoyst,
    }


def sakskjema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of one case, as ``POST /vurder`` takes it."""
    bygger = _Bygger()
    bygger.klasse(Sak)
    rot = bygger.defs.pop(Sak.__name__)
    rot["properties"]["personer"] = {
        **rot["properties"]["personer"],
        "minItems": 1,
        "maxItems": STANDARD.personer,
        "allOf": [_antall_med_rolle(("soker",), 1, 1), _antall_med_rolle(PARTNERE, 0, 1)],
    }
    return {
        "$schema": UTKAST,
        "$id": SKJEMA_ID,
        **rot,
        "title": "Sak",
        "description": "En sak etter sosialtjenesteloven, slik sosialregler tar den imot "
        "(kontrakten i case-format.md). Generert fra kontraktens klasser. Kontrakten sjekker "
        "mer enn skjemaet kan uttrykke: " + "; ".join(t for _, t in UTENFOR_SKJEMA) + ".",
        "$defs": dict(sorted(bygger.defs.items())),
    }
