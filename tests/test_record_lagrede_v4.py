"""Records stored in format 4 still render, now that format 5 is written (issue 17).

``tests/data/vedtaksgrunnlag_v4/`` holds records written in format
``sosialregler-vedtaksgrunnlag/4`` (compact, and one self-contained) on the day format 5
became the default, with what they rendered then (nb, nn, en and the contract JSON). Like the
format 3 records (``test_record_lagrede.py``), a compact one looks its rule versions up in the
shipped rules: a test here turning red after a rule text was edited means the edit changed a
version already used in decisions; it must become a new version (DESIGN § 4).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sosialregler import Assessment

V4 = Path(__file__).parent / "data" / "vedtaksgrunnlag_v4"

#: record name -> the name of the case whose texts it rendered.
LAGREDE = {
    "enslig": "enslig",
    "familie": "familie",
    "kvp": "kvp",
    "familie_med_regler": "familie",
}


@pytest.mark.parametrize("navn", sorted(LAGREDE))
def test_lagret_v4_vedtaksgrunnlag_gjengis_likt(navn: str) -> None:
    lagret = json.loads((V4 / f"{navn}.json").read_text(encoding="utf-8"))
    assert lagret["format"] == "sosialregler-vedtaksgrunnlag/4"
    vurdering = Assessment.from_record(lagret)
    sak = LAGREDE[navn]
    for sprak in ("nb", "nn", "en"):
        assert vurdering.explain(sprak) == (V4 / f"{sak}.{sprak}.txt").read_text(encoding="utf-8")
    kontrakt = (V4 / f"{sak}.kontrakt.json").read_text(encoding="utf-8")
    assert vurdering.to_json() + "\n" == kontrakt


def test_lagret_v4_vedtaksgrunnlag_skrives_igjen_i_format_4() -> None:
    """Read back and written again, a format 4 record stays format 4, the same record: its
    decision was not evaluated by the rules at hand, so it keeps its trees."""
    lagret = json.loads((V4 / "familie.json").read_text(encoding="utf-8"))
    assert Assessment.from_record(lagret).to_record() == lagret
