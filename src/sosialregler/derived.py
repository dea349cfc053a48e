"""Derived facts: what follows from the case on the assessment date, computed once and named.

An age, a household type or a sum is derived here, once, and from then on is a fact like any
other: rules read it by name and explanations show its value. A derived fact whose inputs are
missing is ``Ukjent`` and carries the JSON paths of what is missing, so an ``uavklart``
decision can say exactly which fields the case system must fill in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import frozen

from .facts import Person, Sak


@frozen
class Ukjent:
    """An unknown fact, naming the input fields that would make it known."""

    mangler: tuple[str, ...]

    def __bool__(self) -> bool:  # an unknown must never pass as false by accident
        raise TypeError("Ukjent har ingen sannhetsverdi; sjekk med isinstance(…, Ukjent)")


def alder(fodselsdato: date, dato: date) -> int:
    """Age in whole years on ``dato``; the birthday itself counts.

    A person born on 29 February turns a year older on 1 March in years without that day,
    which is how the calendar comparison below falls out.
    """
    return (
        dato.year
        - fodselsdato.year
        - ((dato.month, dato.day) < (fodselsdato.month, fodselsdato.day))
    )


def person_alder(sak: Sak, person: Person, dato: date) -> int | Ukjent:
    if person.fodselsdato is None:
        return Ukjent((f"personer[{sak.indeks(person.id)}].fodselsdato",))
    return alder(person.fodselsdato, dato)


def _eller_ukjent(verdi: Any, felt: str) -> Any:
    return Ukjent((felt,)) if verdi is None else verdi


def husstandstype(sak: Sak) -> str | Ukjent:
    """Which guideline rate applies to the adults: ``par``, ``bofellesskap`` or ``enslig``.

    A spouse or cohabitant in the case makes a couple. Otherwise the case must say whether the
    applicant shares a household with other adults (``bofellesskap``); absent, it is unknown,
    because the rate differs and guessing would give a wrong amount.
    """
    if any(p.rolle in ("ektefelle", "samboer") for p in sak.personer):
        return "par"
    if sak.bofellesskap is None:
        return Ukjent(("bofellesskap",))
    return "bofellesskap" if sak.bofellesskap else "enslig"


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    """The case's named facts on ``dato`` (see ``katalog.KATALOG`` for their meaning)."""
    soker = sak.soker
    barn = [p for p in sak.personer if p.rolle == "barn"]
    barnealdre = [person_alder(sak, b, dato) for b in barn]
    kjente_aldre = [a for a in barnealdre if not isinstance(a, Ukjent)]
    if len(kjente_aldre) == len(barnealdre):
        under_18: int | Ukjent = sum(1 for a in kjente_aldre if a < 18)
    else:
        under_18 = Ukjent(tuple(m for a in barnealdre if isinstance(a, Ukjent) for m in a.mangler))
    vurdering = (sak.individuell_vurdering or "").strip()
    kommune = sak.kommune
    fakta: dict[str, Any] = {
        "vurderingsdato": dato,
        "sak.id": _eller_ukjent(sak.sak_id, "sak_id"),
        "soker.id": soker.id,
        "soker.fodselsdato": _eller_ukjent(
            soker.fodselsdato, f"personer[{sak.indeks(soker.id)}].fodselsdato"
        ),
        "soker.alder": person_alder(sak, soker, dato),
        "bofellesskap": _eller_ukjent(sak.bofellesskap, "bofellesskap"),
        "husstand.type": husstandstype(sak),
        "husstand.har_partner": any(p.rolle in ("ektefelle", "samboer") for p in sak.personer),
        "husstand.antall_personer": len(sak.personer),
        "husstand.antall_barn": len(barn),
        "husstand.antall_barn_under_18": under_18,
        "individuell_vurdering.registrert": bool(vurdering),
        "individuell_vurdering.tekst": vurdering or Ukjent(("individuell_vurdering",)),
        "kommune.navn": _eller_ukjent(kommune.navn if kommune else None, "kommune.navn"),
        "kommune.holder_barnetrygd_utenfor": _eller_ukjent(
            kommune.holder_barnetrygd_utenfor if kommune else None,
            "kommune.holder_barnetrygd_utenfor",
        ),
        "inntekter.har_barnetrygd": (
            Ukjent(("inntekter",))
            if sak.inntekter is None
            else any(i.type == "barnetrygd" for i in sak.inntekter)
        ),
        "formue.sum": (
            Ukjent(("formue",))
            if sak.formue is None
            else sum((f.belop for f in sak.formue), Decimal(0))
        ),
        "formue.antall": Ukjent(("formue",)) if sak.formue is None else len(sak.formue),
    }
    from . import areas  # the areas' own derived facts (areas/<area>.py ``utled``)

    fakta.update(areas.utled(sak, dato))
    return fakta


def inntektsfakta(sak: Sak, indeks: int, dato: date) -> Mapping[str, Any]:
    """The facts of one income line, for rules with scope ``inntekt``."""
    assert sak.inntekter is not None
    inntekt = sak.inntekter[indeks]
    person = sak.person(inntekt.person)
    return {
        "inntekt.type": inntekt.type,
        "inntekt.belop_per_maned": inntekt.belop_per_maned,
        "inntekt.person.id": person.id,
        "inntekt.person.rolle": person.rolle,
        "inntekt.person.alder": person_alder(sak, person, dato),
    }
