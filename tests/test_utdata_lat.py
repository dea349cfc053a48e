"""What a kept assessment builds only when read, and what the fast JSON writer must keep.

Issue 17: flag nodes (``Merknad.node``) from the compiled engine are built from the trace
when first read, as area trees are; the result reads the same as the reference interpreter's.
"""

from __future__ import annotations

import json
import pickle
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sosialregler import assess
from sosialregler.inndata.ukjent import Ukjent
from sosialregler.lov.kompilator.motor import KOMPILERT, TOLK, bruk_motor
from sosialregler.lov.outcome import Utfall
from sosialregler.lov.rulebook.model import Hjemmel, RegelInfo
from sosialregler.lov.tree import LatNode, Node, node_til_dict, node_til_json
from sosialregler.utdata.assessment import Assessment
from sosialregler.verktoy.populasjon.generator import lag_populasjon

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


# --- the JSON writer: the same bytes as json.dumps of the dict ----------------------------------


def _som_dict(vurdering: Assessment) -> str:
    return json.dumps(vurdering.to_dict(), ensure_ascii=False)


@pytest.mark.parametrize("navn", ["enslig", "familie", "kvp", "botilbud", "avklaring"])
def test_to_json_er_json_av_to_dict(navn: str) -> None:
    vurdering = assess(_sak(navn))
    assert vurdering.to_json() == _som_dict(vurdering)
    # indented (the CLI's) and rebuilt from a record, the same
    assert vurdering.to_json(indent=2) == json.dumps(
        vurdering.to_dict(), ensure_ascii=False, indent=2
    )
    lagret = Assessment.from_record(json.dumps(vurdering.to_record(med_regler=True)))
    assert lagret.to_json() == vurdering.to_json()


def test_to_json_er_json_av_to_dict_i_en_generert_populasjon() -> None:
    for tekst in lag_populasjon(150, fro=17, andel_kanter=0.6):
        vurdering = assess(tekst)
        assert vurdering.to_json() == _som_dict(vurdering)


_REGEL = RegelInfo(
    id="r-«æ»",
    tittel={"nb": "T"},
    hjemmel=(Hjemmel("kilde", {"nb": 'loven "§" \\ æ'}, "https://x/§1\n"),),
    kilde="skal",
    gyldig_fra=date(2020, 1, 1),
    gyldig_til=None,
    tekster={},
)


@pytest.mark.parametrize(
    "fakta",
    [
        {"a": Decimal("12.50"), "b": Decimal("-0"), "c": Decimal("3E+2"), "d": 1.5},
        {"a": Decimal("-975"), "b": Decimal("0E-2"), "c": Decimal("-0E+3"), "d": Decimal("NaN")},
        {"a": Decimal("1234567890123456789012"), "b": [Decimal("-0.00"), Decimal("11750.00")]},
        {"a": date(2024, 2, 29), "b": datetime(2024, 1, 2, 3, 4), "c": Ukjent(("x",))},
        {"a": [Decimal("1.25"), (date(2024, 1, 1), None), frozenset()], "b": True, "c": None},
        {"a": 'tekst med «anførsel», "sitat", \\ og \n linjeskift\u2028', "b": 10**30},
        {"a": float("nan"), "b": float("inf"), "c": -float("inf"), "d": {"x": [1]}},
        {1: "nøkkel som tall", "b": 2},
        {"a": Utfall.OPPFYLT, "b": False},
    ],
)
def test_tretekst_er_json_av_tredict_for_alle_slags_verdier(fakta: dict) -> None:
    blad = Node("blad", Utfall.UAVKLART, uttrykk="a > 0 og «b»", fakta=fakta, mangler=("p[0].x",))
    regelnode = Node(
        "r",
        Utfall.OPPFYLT,
        regel=_REGEL,
        barn=(blad, Node("u", Utfall.SKJONN, sporsmal={"nb": "Å?", "nn": "Å?", "en": "A?"})),
        avgjort_av="unntak-1",
        rolle="kontroll",
    )
    for node, arvet in ((regelnode, None), (blad, None), (blad, _REGEL)):
        assert node_til_json(node, arvet) == json.dumps(
            node_til_dict(node, arvet), ensure_ascii=False
        )


def test_satsradene_deles_mellom_vurderinger() -> None:
    """A kept assessment holds the rate rows it used; the rows come from the rulebook's
    tables, one dict per row shared by every assessment, not a copy per case."""
    forste, andre = assess(_sak("kvp")), assess(_sak("kvp"))
    assert forste.satser and len(forste.satser) == len(andre.satser)
    assert all(a is b for a, b in zip(forste.satser, andre.satser, strict=True))
    assert forste.explain("nb") == andre.explain("nb")


def _med_vilkar_reduksjon_og_rad() -> dict:
    sak = _sak("familie")
    sak["reduksjoner"] = [
        {
            "vilkar": sak["vilkar"][0]["id"],
            "dato": "2024-03-01",
            "belop_per_maned": 1500,
            "arsak_til_brudd": "Ingen forklaring",
            "forhandsvarslet": True,
        }
    ]
    sak["radgivning"] = [{"dato": "2024-02-01", "type": "generell_veiledning"}]
    return sak


def test_elementnodene_i_vilkar_reduksjon_og_radgivning_bygges_forst_nar_treet_leses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """§ 20 conditions, reductions and advice records: each item's rule is evaluated at
    once (its outcome), its node only when the tree is read (issue 17: a kept family with
    conditions held ~9 KiB of such nodes)."""
    from sosialregler.lov.kompilator.spor import Spor
    from sosialregler.vurdering.areas import radgivning, reduksjon, vilkar

    elementregler = {vilkar.VILKARSREGEL, reduksjon.REDUKSJONSREGEL, radgivning.RADGIVNINGSREGEL}
    bygd: list[str] = []
    original = Spor.node

    def tell(self: Spor, regel_id: str) -> Any:
        bygd.append(regel_id)
        return original(self, regel_id)

    monkeypatch.setattr(Spor, "node", tell)
    with bruk_motor(KOMPILERT):
        kompilert = assess(_med_vilkar_reduksjon_og_rad())
    assert not elementregler & set(bygd)
    kompilert.to_json()
    assert elementregler <= set(bygd)
    with bruk_motor(TOLK):
        tolket = assess(_med_vilkar_reduksjon_og_rad())
    assert kompilert.to_json() == tolket.to_json()
    assert kompilert.explain("nb") == tolket.explain("nb")
    assert kompilert.to_record() == tolket.to_record()
