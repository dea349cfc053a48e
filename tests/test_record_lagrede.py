"""Records stored by earlier versions of the library still render (DESIGN § 5).

A case system keeps the decision record for years; the format may change, but every record
written by a released format must still render exactly the texts and contract JSON it rendered
when it was written. ``tests/data/vedtaksgrunnlag_v3/`` holds records written in format
``sosialregler-vedtaksgrunnlag/3`` (compact, and one self-contained) with what they rendered
then. A compact record looks its rule versions up in the shipped rules, so a test here turning
red after a rule text was edited means the edit changed a version already used in decisions:
it must become a new version (DESIGN § 4), not a change to the old one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sosialregler import Assessment

V3 = Path(__file__).parent / "data" / "vedtaksgrunnlag_v3"

#: record name -> the name of the case whose texts it rendered (the self-contained record of
#: familie renders what the compact one does).
LAGREDE = {
    "familie": "familie",
    "enslig": "enslig",
    "familie_med_regler": "familie",
    "ufullstendig": "ufullstendig",
}


@pytest.mark.parametrize("navn", sorted(LAGREDE))
def test_lagret_v3_vedtaksgrunnlag_gjengis_likt(navn: str) -> None:
    lagret = json.loads((V3 / f"{navn}.json").read_text(encoding="utf-8"))
    assert lagret["format"] == "sosialregler-vedtaksgrunnlag/3"
    vurdering = Assessment.from_record(lagret)
    sak = LAGREDE[navn]
    for sprak in ("nb", "en"):
        assert vurdering.explain(sprak) == (V3 / f"{sak}.{sprak}.txt").read_text(encoding="utf-8")
    kontrakt = (V3 / f"{sak}.kontrakt.json").read_text(encoding="utf-8")
    assert vurdering.to_json(indent=None) + "\n" == kontrakt


def test_lagret_v3_vedtaksgrunnlag_endret_avvises() -> None:
    """The digest check holds for old records too."""
    lagret = json.loads((V3 / "enslig.json").read_text(encoding="utf-8"))
    lagret["vedtak"]["livsopphold"]["utfall"] = "ikke_oppfylt"
    with pytest.raises(ValueError, match="endret etter"):
        Assessment.from_record(lagret)


def test_lagret_v3_vedtaksgrunnlag_skrives_i_nytt_format() -> None:
    """Rendering an old record and writing it again gives a record of the current format
    that renders the same."""
    lagret = json.loads((V3 / "familie.json").read_text(encoding="utf-8"))
    ny = Assessment.from_record(lagret).to_record()
    vurdering = Assessment.from_record(json.loads(json.dumps(ny)))
    assert vurdering.explain("nb") == (V3 / "familie.nb.txt").read_text(encoding="utf-8")
    assert vurdering.to_json(indent=None) + "\n" == (V3 / "familie.kontrakt.json").read_text(
        encoding="utf-8"
    )


def _ny_digest(record: dict[str, object]) -> None:
    from sosialregler.utdata.record import DIGESTFELT, innholdsdigest

    record[DIGESTFELT] = innholdsdigest(record)


def test_endret_regelversjon_avvises_og_nevnes() -> None:
    """A compact record whose rule version's content differs from the rules folder's is
    refused, naming the version (format 4 keeps format 3's check)."""
    from sosialregler import assess

    sak = json.loads((Path(__file__).parent.parent / "examples" / "enslig.json").read_text())
    record = json.loads(json.dumps(assess(sak).to_record(utgave=4)))
    assert record["format"] == "sosialregler-vedtaksgrunnlag/4"
    dato, versjoner = next(iter(record["regler_brukt"].items()))
    regel_id = next(iter(versjoner))
    versjoner[regel_id] = "0" * 16
    _ny_digest(record)
    with pytest.raises(ValueError, match=f"regelversjonen {regel_id}@{dato}"):
        Assessment.from_record(record)


def test_selvstendig_vedtaksgrunnlag_gjengis_uten_regelmappe() -> None:
    """A self-contained format 4 record renders without looking up any rule version: the
    rulebook given is an object with nothing in it, which any lookup would fail on."""
    from sosialregler import assess

    sak = json.loads((Path(__file__).parent.parent / "examples" / "familie.json").read_text())
    a = assess(sak)
    record = json.loads(json.dumps(a.to_record(med_regler=True)))
    b = Assessment.from_record(record, regler=object())  # type: ignore[arg-type]
    assert b.explain("nb") == a.explain("nb")
    assert b.explain("en") == a.explain("en")
    assert b.to_json() == a.to_json()
