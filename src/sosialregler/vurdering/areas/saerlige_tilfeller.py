"""§ 19 stønad i særlige tilfeller: the facts that bear on the discretion.

§ 19 is a power («kan»), never a right, so its decision is always ``skjonn``: the library puts
the legal frame and these facts before the caseworker and decides nothing. The facts are the
case's description of the life situation and the expenses applied for (summed by frequency);
the § 18 calculation's own facts (``livsopphold.*``) are read by the rules directly.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ...inndata.facts import Sak
from ...inndata.ukjent import Ukjent
from ..etiketter import POSTER
from ..faktainfo import FaktaInfo

FAKTA = [
    FaktaInfo(
        "saerlige_tilfeller.oppgitt",
        "sannhetsverdi",
        "saken gjelder også stønad i særlige tilfeller (§ 19)",
        "the case also concerns support in special cases (section 19)",
    ),
    FaktaInfo(
        "saerlige_tilfeller.livssituasjon",
        "tekst",
        "søkerens livssituasjon slik saken beskriver den",
        "the applicant's life situation as the case describes it",
    ),
    FaktaInfo(
        "saerlige_tilfeller.utgiftstyper",
        "liste",
        "utgifter det søkes stønad til etter § 19",
        "expenses applied for under section 19 (Norwegian names)",
    ),
    FaktaInfo(
        "saerlige_tilfeller.sum_engangs",
        "belop",
        "engangsutgifter det søkes om etter § 19",
        "one-off expenses applied for under section 19",
    ),
    FaktaInfo(
        "saerlige_tilfeller.sum_per_maned",
        "belop",
        "løpende utgifter per måned det søkes om etter § 19",
        "monthly expenses applied for under section 19",
    ),
]


def _navn(type_: str) -> str:

    return POSTER.get(f"utgift_{type_}", (type_, type_))[0]


_UKJENT_LIVSSITUASJON = Ukjent(("saerlige_tilfeller.livssituasjon",))
_UKJENTE_UTGIFTER = dict.fromkeys(
    (
        "saerlige_tilfeller.utgiftstyper",
        "saerlige_tilfeller.sum_engangs",
        "saerlige_tilfeller.sum_per_maned",
    ),
    Ukjent(("saerlige_tilfeller.utgifter",)),
)


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    saerlige = sak.saerlige_tilfeller
    livssituasjon = saerlige.livssituasjon if saerlige is not None else None
    utgifter = saerlige.utgifter if saerlige is not None else None
    ut: dict[str, Any] = {
        "saerlige_tilfeller.oppgitt": saerlige is not None,
        "saerlige_tilfeller.livssituasjon": livssituasjon.strip()
        if livssituasjon and livssituasjon.strip()
        else _UKJENT_LIVSSITUASJON,
    }
    if utgifter is None:
        ut.update(_UKJENTE_UTGIFTER)
        return ut
    ut["saerlige_tilfeller.utgiftstyper"] = tuple(
        _navn(u.type) + (f" ({u.beskrivelse})" if u.beskrivelse else "") for u in utgifter
    )
    for navn, hyppighet in (("sum_engangs", "engangs"), ("sum_per_maned", "per_maned")):
        ut[f"saerlige_tilfeller.{navn}"] = sum(
            (u.belop for u in utgifter if u.hyppighet == hyppighet), Decimal(0)
        )
    return ut
