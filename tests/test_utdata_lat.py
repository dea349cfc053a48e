"""What a kept assessment builds only when read, and what the fast JSON writer must keep.

Issue 17: flag nodes (``Merknad.node``) from the compiled engine are built from the trace
when first read, as area trees are; the result reads the same as the reference interpreter's.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from sosialregler import assess
from sosialregler.lov.kompilator.motor import KOMPILERT, TOLK, bruk_motor
from sosialregler.lov.tree import LatNode

EKSEMPLER = Path(__file__).resolve().parent.parent / "examples"


def _sak(navn: str) -> dict:
    return json.loads((EKSEMPLER / f"{navn}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("navn", ["enslig", "familie", "botilbud"])
def test_flaggnoden_bygges_forst_nar_den_leses(navn: str) -> None:
    with bruk_motor(KOMPILERT):
        kompilert = assess(_sak(navn))
    with bruk_motor(TOLK):
        tolket = assess(_sak(navn))
    fra_regler = [m for m in kompilert.merknader if m.regel is not None]
    assert fra_regler, "eksemplet skal ha minst ett flagg reist av en regel"
    assert all(isinstance(m._node, LatNode) for m in fra_regler)
    # Compared, a lazy flag equals the interpreter's, and is then built once for good.
    assert kompilert.merknader == tolket.merknader
    for m in fra_regler:
        assert m.node is m.node
        assert not isinstance(m._node, LatNode)
    assert kompilert.to_json() == tolket.to_json()


def test_flagg_som_ikke_er_lest_pickles_som_bygd() -> None:
    with bruk_motor(KOMPILERT):
        vurdering = assess(_sak("botilbud"))
    kopi = pickle.loads(pickle.dumps(vurdering.merknader))
    assert all(not isinstance(m._node, LatNode) for m in kopi)
    assert kopi == vurdering.merknader
