"""Emergency help (nødhjelp): the facts every area needs about an emergency.

An applicant in an emergency has a claim to support for immediate needs whatever the cause
(law notes § 5.7, S55), and conditions do not apply to it. The amount of immediate needs is the
caseworker's assessment, given in ``nodsituasjon.nodvendig_belop``; the library never invents it.
It is the amount for one emergency, with no unit of time, so it is not the monthly floor under a
reduction (issue 14 point 8: ``areas/reduksjon.py`` keeps the housing costs covered per month
instead). The decision itself is ``rules/stl-18-nodhjelp.toml``; scope limits are in
``rules/stl-02-omfang.toml``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...inndata.facts import Sak
from ...inndata.ukjent import Ukjent
from ..faktainfo import FaktaInfo

FAKTA = [
    FaktaInfo(
        "nodhjelp.oppgitt",
        "sannhetsverdi",
        "saken sier noe om en nødsituasjon",
        "the case says something about an emergency",
    ),
    FaktaInfo(
        "nodhjelp.foreligger",
        "sannhetsverdi",
        "saken gjelder en nødsituasjon",
        "the case concerns an emergency",
    ),
    FaktaInfo(
        "nodhjelp.belop",
        "belop",
        "det saksbehandler har vurdert at de umiddelbare behovene i nødsituasjonen koster",
        "what the caseworker assessed the immediate needs in the emergency to cost",
    ),
    FaktaInfo(
        "nodhjelp.beskrivelse",
        "tekst",
        "beskrivelse av nødsituasjonen",
        "description of the emergency",
    ),
]


#: Each fact, the field it reads, and the unknown it is without one (made once).
_FELT = tuple(
    (fakta, felt, Ukjent((f"nodsituasjon.{felt}",)))
    for fakta, felt in (
        ("nodhjelp.foreligger", "foreligger"),
        ("nodhjelp.belop", "nodvendig_belop"),
        ("nodhjelp.beskrivelse", "beskrivelse"),
    )
)


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    nod = sak.nodsituasjon
    ut: dict[str, Any] = {"nodhjelp.oppgitt": nod is not None}
    for fakta, felt, ukjent in _FELT:
        verdi = getattr(nod, felt) if nod is not None else None
        ut[fakta] = ukjent if verdi is None else verdi
    return ut
