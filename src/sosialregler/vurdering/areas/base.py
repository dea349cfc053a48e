"""What every calculation in ``areas/`` returns: lines, a node, facts, outputs.

An area whose law has arithmetic (the § 18 amount, the KVP benefit) computes it in code and
hands the result to the engine in this shape; the explanation and the JSON treat every area the
same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import frozen

from ...lov.tree import LatNode, Node, fakta_til_json

#: The outputs a case system could pay from, and the name each computed value takes on a
#: refusal. On ``ikke_oppfylt`` the payable field is null: a system reading it must never pay a
#: refused applicant. The computed figure, which explains the refusal, keeps its own name.
BEREGNET: Mapping[str, str] = {
    "belop_per_maned": "beregnet_behov_per_maned",
    "engangsstonad": "beregnet_engangsstonad",
    "stonad_per_ar": "beregnet_stonad_per_ar",
    "dagsats": "beregnet_dagsats",
    "barnetillegg_per_dag": "beregnet_barnetillegg_per_dag",
    "barnetillegg_per_barn_per_dag": "beregnet_barnetillegg_per_barn_per_dag",
    "barnetillegg_per_ar": "beregnet_barnetillegg_per_ar",
    "stonad_etter_reduksjon_per_ar": "beregnet_stonad_etter_reduksjon_per_ar",
}


def beregnede(utdata: Mapping[str, Any]) -> Mapping[str, Any]:
    """The computed figures under their payable names, whatever the outcome: a refusal's
    ``beregnet_*`` values put back, so checks of the arithmetic see every decision alike."""
    if not any(k in utdata for k in BEREGNET.values()):
        return utdata
    ut = dict(utdata)
    for nokkel, tvilling in BEREGNET.items():
        if ut.get(nokkel) is None and tvilling in ut:
            ut[nokkel] = ut.pop(tvilling)
    return ut


@frozen
class Linje:
    """One line of the calculation. ``belop`` is the signed effect on the amount."""

    post: str
    belop: Decimal
    kilde: str | None = None
    gyldig_fra: date | None = None
    person: str | None = None
    alder: int | None = None
    grunnlag: Decimal | None = None  # the amount assessed, when it differs from the effect
    medregnet: bool | None = None  # income/assets: counted, not counted, or unknown
    regel: str | None = None  # the rule that decided the line
    node_id: str | None = None  # that rule's node in the tree, for the explanation

    def to_dict(self) -> dict[str, Any]:
        ut: dict[str, Any] = {"post": self.post, "belop": fakta_til_json(self.belop)}
        for navn in (
            "kilde",
            "gyldig_fra",
            "person",
            "alder",
            "grunnlag",
            "medregnet",
            "regel",
            "node_id",
        ):
            verdi = getattr(self, navn)
            if verdi is not None:
                ut[navn] = fakta_til_json(verdi)
        return ut


@frozen
class Beregning:
    """A calculation's result.

    ``fakta`` are added to the case's named facts before the area's rules run (so rules and
    texts can read ``livsopphold.udekket_behov``); ``utdata`` are the area's outputs in the
    contract's JSON (``belop_per_maned``; ``stonad_per_ar``); ``satser`` the rate rows used.
    """

    linjer: tuple[Linje, ...]
    node: Node | LatNode  # a LatNode from the compiled engine: built when the tree is read
    fakta: Mapping[str, Any]
    mangler: tuple[str, ...]
    utdata: Mapping[str, Any]
    satser: tuple[Mapping[str, Any], ...] = ()
    enhet: str = "kr_per_maned"  # the unit of the lines: kr_per_maned | kr_per_ar | kr_per_dag
