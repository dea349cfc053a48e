"""Derived facts: what follows from the case on the assessment date, computed once and named.

An age, a household type or a sum is derived here, once, and from then on is a fact like any
other: rules read it by name and explanations show its value. A derived fact whose inputs are
missing is ``Ukjent`` and carries the JSON paths of what is missing, so an ``uavklart``
decision can say exactly which fields the case system must fill in.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any

from ..inndata.facts import Person, Sak
from ..inndata.ukjent import Ukjent
from . import areas
from .grunnfakta import alder, inntektsfakta, person_alder

# Kept importable from here, where they lived before (issue 17 moved them below the areas).
__all__ = ["Ukjent", "alder", "husstandstype", "inntektsfakta", "person_alder", "utled"]


def husstandstype(sak: Sak) -> str | Ukjent:
    """Which guideline rate applies to the adults: ``par``, ``samboer_enkeltvis``,
    ``bofellesskap`` or ``enslig``.

    A spouse makes a couple (ekteskapsloven § 38: spouses maintain each other). So does a
    cohabitant, unless the case records that the two have no joint economy
    (``personer[i].felles_okonomi: false``): cohabitants owe each other no maintenance, and the
    applicant is then assessed alone, at the rate for one adult sharing a home
    (``samboer_enkeltvis``). Otherwise the case must say whether the applicant shares a
    household with other adults (``bofellesskap``); absent, it is unknown, because the rate
    differs and guessing would give a wrong amount.
    """
    partner = next((p for p in sak.personer if p.rolle in ("ektefelle", "samboer")), None)
    enkeltvis = (
        partner is not None and partner.rolle == "samboer" and partner.felles_okonomi is False
    )
    return _husstandstype(partner is not None, enkeltvis, sak.bofellesskap)


def _husstandstype(har_partner: bool, enkeltvis: bool, bofellesskap: bool | None) -> str | Ukjent:
    if har_partner:
        return "samboer_enkeltvis" if enkeltvis else "par"
    if bofellesskap is None:
        return _UKJENT_BOFELLESSKAP
    return "bofellesskap" if bofellesskap else "enslig"


# Unknowns that name a fixed field, made once: a value object, so one instance serves every
# case (``utled`` runs before every assessment and would otherwise build them each time).
_UKJENT_SAK_ID = Ukjent(("sak_id",))
_UKJENT_BOFELLESSKAP = Ukjent(("bofellesskap",))
_UKJENT_VURDERING = Ukjent(("individuell_vurdering",))
_UKJENT_KOMMUNE_NAVN = Ukjent(("kommune.navn",))
_UKJENT_HOLDER_UTENFOR = Ukjent(("kommune.holder_barnetrygd_utenfor",))
_UKJENT_INNTEKTER = Ukjent(("inntekter",))
_UKJENT_FORMUE = Ukjent(("formue",))
# Field readers in C: ``map`` with them walks a list without a generator's frame.
_TYPE = attrgetter("type")
_BELOP = attrgetter("belop")


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    """The case's named facts on ``dato`` (see ``katalog.KATALOG`` for their meaning).

    The household is walked once (applicant, partner, children and their ages together): this
    runs before every assessment, so it is kept to one pass over each list.
    """
    personer = sak.personer
    soker: Person | None = None
    har_partner = False
    samboer: Person | None = None
    antall_barn = 0
    under_18 = 0
    ukjente_barn: list[str] = []
    andre_voksne: list[str] = []  # adults the applicant owes no maintenance (nor they him)
    dag = (dato.month, dato.day)
    for p in personer:
        rolle = p.rolle
        if rolle == "barn":
            antall_barn += 1
            fodt = p.fodselsdato
            if fodt is None:
                ukjente_barn.append(f"personer[{sak.indeks(p.id)}].fodselsdato")
            else:
                aar = dato.year - fodt.year - (dag < (fodt.month, fodt.day))  # as ``alder``
                if aar < 18:
                    under_18 += 1
                else:
                    andre_voksne.append(p.id)  # the paper names them: «barn født 2005»
        elif rolle == "soker":
            if soker is None:
                soker = p
        elif rolle == "ektefelle" or rolle == "samboer":
            har_partner = True
            if rolle == "samboer":
                samboer = p
        elif rolle == "annen_voksen":
            andre_voksne.append(p.id)
    if soker is None:
        soker = sak.soker  # raises as it always has: the contract guarantees an applicant
    soker_fodt = soker.fodselsdato
    if soker_fodt is None:
        ukjent_fodt = Ukjent((f"personer[{sak.indeks(soker.id)}].fodselsdato",))
        soker_fodselsdato: Any = ukjent_fodt
        soker_alder: Any = ukjent_fodt
    else:
        soker_fodselsdato = soker_fodt
        soker_alder = alder(soker_fodt, dato)
    bofellesskap = sak.bofellesskap
    vurdering = (sak.individuell_vurdering or "").strip()
    kommune = sak.kommune
    kommune_navn = kommune.navn if kommune else None
    holder_utenfor = kommune.holder_barnetrygd_utenfor if kommune else None
    inntekter, formue = sak.inntekter, sak.formue
    fakta: dict[str, Any] = {
        "vurderingsdato": dato,
        "sak.id": _UKJENT_SAK_ID if sak.sak_id is None else sak.sak_id,
        "soker.id": soker.id,
        "soker.fodselsdato": soker_fodselsdato,
        "soker.alder": soker_alder,
        "bofellesskap": _UKJENT_BOFELLESSKAP if bofellesskap is None else bofellesskap,
        "husstand.type": _husstandstype(
            har_partner, samboer is not None and samboer.felles_okonomi is False, bofellesskap
        ),
        "husstand.har_partner": har_partner,
        # Adults who are neither the applicant nor a partner: children of 18 or more and other
        # adults. Unknown while a child's age is (the child may be one of them).
        "husstand.andre_voksne": Ukjent(tuple(ukjente_barn))
        if ukjente_barn
        else tuple(andre_voksne),
        "husstand.antall_andre_voksne": (
            Ukjent(tuple(ukjente_barn)) if ukjente_barn else len(andre_voksne)
        ),
        "husstand.antall_personer": len(personer),
        "husstand.antall_barn": antall_barn,
        "husstand.antall_barn_under_18": Ukjent(tuple(ukjente_barn)) if ukjente_barn else under_18,
        "individuell_vurdering.registrert": bool(vurdering),
        "individuell_vurdering.tekst": vurdering or _UKJENT_VURDERING,
        "kommune.navn": _UKJENT_KOMMUNE_NAVN if kommune_navn is None else kommune_navn,
        "kommune.holder_barnetrygd_utenfor": (
            _UKJENT_HOLDER_UTENFOR if holder_utenfor is None else holder_utenfor
        ),
        "inntekter.har_barnetrygd": (
            _UKJENT_INNTEKTER if inntekter is None else "barnetrygd" in map(_TYPE, inntekter)
        ),
        "formue.sum": (_UKJENT_FORMUE if formue is None else sum(map(_BELOP, formue), Decimal(0))),
        "formue.antall": _UKJENT_FORMUE if formue is None else len(formue),
    }
    # The areas' own derived facts (``areas.utled``), each area's added straight to these.
    for omrade in areas.utledere():
        fakta.update(omrade(sak, dato))
    return fakta
