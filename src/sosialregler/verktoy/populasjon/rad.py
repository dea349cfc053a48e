"""One household's row: what a population run keeps of an ``Assessment`` (or a rejection).

Module-level functions only: ``fra_vurdering`` runs inside ``batch.assess_many``'s worker
processes (as its ``resultat`` function), so only this small dict is pickled back, never the
~90 KB assessment with its trees. The full explanation of any row is one call away through the
per-case path (``populasjon.forklar_rad``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ...inndata.errors import Feil
from ...utdata.assessment import Assessment
from .skjema import BELOP, DESIMALER

#: A row as the evaluator hands it to the table builder.
Rad = dict[str, Any]

_MINSTE = Decimal(1).scaleb(-DESIMALER)


def fra_vurdering(vurdering: Assessment) -> Rad:
    """The row of an assessed case: outcomes, amounts, flags, missing facts."""
    utfall = {omrade: v.utfall.value for omrade, v in vurdering.vedtak.items()}
    belop: dict[str, Decimal | None] = {}
    for kolonne, omrade, nokkel in BELOP:
        v = vurdering.vedtak.get(omrade)
        verdi = v.utdata.get(nokkel) if v is not None else None
        if verdi is not None:
            verdi = Decimal(verdi) if not isinstance(verdi, Decimal) else verdi
            if verdi != verdi.quantize(_MINSTE):
                return avvist(
                    vurdering.sak_id,
                    [
                        Feil(
                            kolonne,
                            str(verdi),
                            f"beløpet har flere enn {DESIMALER} desimaler og kan ikke lagres "
                            "eksakt i tabellen; vurder saken alene",
                        )
                    ],
                    intern=False,
                )
        belop[kolonne] = verdi
    return {
        "sak_id": vurdering.sak_id,
        "utfall": utfall,
        "belop": belop,
        "merknader": [m.kode for m in vurdering.merknader],
        "mangler": [
            {"omrade": omrade, "faktum": faktum}
            for omrade, v in vurdering.vedtak.items()
            for faktum in v.mangler
        ],
        "feil": None,
        "intern_feil": False,
    }


def avvist(sak_id: str | None, feil: Any, intern: bool) -> Rad:
    """The row of a rejected case: every problem, worded as the per-case contract words it
    (``Feil.to_dict``); the value as JSON text, since a value may be of any JSON type."""
    return {
        "sak_id": sak_id,
        "utfall": {},
        "belop": {},
        "merknader": None,
        "mangler": None,
        "feil": [
            {
                "felt": f.felt,
                "verdi": json.dumps(f.verdi, ensure_ascii=False, default=str),
                "melding": f.melding,
            }
            for f in feil
        ],
        "intern_feil": intern,
    }
