"""Emergency help (nødhjelp): the facts every area needs about an emergency.

An applicant in an emergency has a claim to support for immediate needs whatever the cause
(law notes § 5.7, S55), and no reduction or condition may take support below it. The amount of
immediate needs is the caseworker's assessment, given in ``nodsituasjon.nodvendig_belop``; the
library never invents it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..derived import Ukjent
from ..facts import Sak
from ..katalog import FaktaInfo

FAKTA = [
    FaktaInfo(
        "nodhjelp.foreligger",
        "sannhetsverdi",
        "saken gjelder en nødsituasjon",
        "the case concerns an emergency",
    ),
    FaktaInfo(
        "nodhjelp.belop",
        "belop",
        "det saksbehandler har vurdert at de umiddelbare behovene koster (nødhjelpsgrensen)",
        "what the caseworker assessed the immediate needs to cost (the emergency floor)",
    ),
]


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    nod = sak.nodsituasjon
    return {
        "nodhjelp.foreligger": Ukjent(("nodsituasjon.foreligger",))
        if nod is None or nod.foreligger is None
        else nod.foreligger,
        "nodhjelp.belop": Ukjent(("nodsituasjon.nodvendig_belop",))
        if nod is None or nod.nodvendig_belop is None
        else nod.nodvendig_belop,
    }
