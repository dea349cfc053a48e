"""Facts of one person or one income line: ages and what an income line says about its owner.

Read both by the derived facts (``derived``) and by the area calculations (``areas``), so they
live below both: ``derived`` runs the areas' derivations, and an area that imported these from
``derived`` closed a circle (issue 17). ``derived`` re-exports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..inndata.facts import Person, Sak
from ..inndata.ukjent import Ukjent


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


def inntektsfakta(sak: Sak, indeks: int, dato: date) -> Mapping[str, Any]:
    """The facts of one income line, for rules with scope ``inntekt``."""
    assert sak.inntekter is not None
    inntekt = sak.inntekter[indeks]
    person = sak.person(inntekt.person)
    alder_ = person_alder(sak, person, dato)
    rolle = person.rolle
    # Whose income may reduce the applicant's need: only someone with a duty of maintenance
    # toward the household (ekteskapsloven § 38, barneloven § 66) or a minor child's own means.
    if rolle == "annen_voksen":
        uten_plikt: bool | Ukjent = True
    elif rolle == "barn":
        uten_plikt = alder_ if isinstance(alder_, Ukjent) else alder_ >= 18
    else:
        uten_plikt = False
    samboer_alene: bool | Ukjent = False
    if rolle == "samboer":
        samboer_alene = (
            Ukjent((f"personer[{sak.indeks(person.id)}].felles_okonomi",))
            if person.felles_okonomi is None
            else not person.felles_okonomi
        )
    return {
        "inntekt.type": inntekt.type,
        "inntekt.belop_per_maned": inntekt.belop_per_maned,
        "inntekt.person.id": person.id,
        "inntekt.person.rolle": rolle,
        "inntekt.person.alder": alder_,
        "inntekt.person.uten_forsorgelsesplikt": uten_plikt,
        "inntekt.person.samboer_uten_felles_okonomi": samboer_alene,
    }
