"""The output's faster paths say exactly what the code they replaced said (issue 17).

``node_til_dict`` takes a rule's legal reference text from the rule version
(``RegelInfo.hjemmeltekst``, made once per version and language) instead of wording it per
node; these tests hold the JSON to the old wording, and count that the wording is done once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sosialregler
from sosialregler.lov.kompilator.motor import bruk_motor
from sosialregler.lov.rulebook.model import Hjemmel, RegelInfo
from sosialregler.lov.tree import Node, fakta_til_json, node_til_dict

ROT = Path(__file__).resolve().parent.parent
EKSEMPLER = ("enslig", "familie", "kvp", "botilbud")


def _sak(navn: str) -> dict[str, Any]:
    return json.loads((ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8"))


def _gammel_node_til_dict(node: Node, arvet: RegelInfo | None = None) -> dict:
    """``node_til_dict`` as it was before the reference texts were kept per rule version."""
    regel = node.regel or arvet
    ut: dict[str, Any] = {
        "id": node.id,
        "utfall": node.utfall.value,
        "hjemmel": "; ".join(h.tekst("nb") for h in regel.hjemmel) if regel else "",
        "fakta": {k: fakta_til_json(v) for k, v in node.fakta.items()},
        "barn": [_gammel_node_til_dict(b, regel) for b in node.barn],
    }
    if node.regel:
        ut["regel"] = node.regel.id
        ut["lenke"] = [h.lenke for h in node.regel.hjemmel]
    if node.uttrykk:
        ut["uttrykk"] = node.uttrykk
    if node.mangler:
        ut["mangler"] = list(node.mangler)
    if node.avgjort_av:
        ut["avgjort_av"] = node.avgjort_av
    if node.sporsmal:
        ut["sporsmal"] = {k: v for k, v in node.sporsmal.items() if k != "nn"}
    if node.rolle:
        ut["rolle"] = node.rolle
    return ut


@pytest.mark.parametrize("motor", ["kompilert", "tolk"])
@pytest.mark.parametrize("navn", EKSEMPLER)
def test_node_til_dict_som_foer(navn: str, motor: str) -> None:
    with bruk_motor(motor):
        vurdering = sosialregler.assess(_sak(navn))
    for vedtak in vurdering.vedtak.values():
        ny, gammel = node_til_dict(vedtak.node), _gammel_node_til_dict(vedtak.node)
        assert json.dumps(ny, ensure_ascii=False) == json.dumps(gammel, ensure_ascii=False)


@pytest.mark.parametrize("sprak", ["nb", "nn", "en"])
def test_hjemmeltekst_som_hjemlene_sitert(sprak: str) -> None:
    vurdering = sosialregler.assess(_sak("kvp"))
    regler = {
        n.regel.id: n.regel for v in vurdering.vedtak.values() for n in v.node.noder() if n.regel
    }
    assert len(regler) > 10
    for regel in regler.values():
        forventet = "; ".join(h.tekst(sprak) for h in regel.hjemmel)
        assert regel.hjemmeltekst(sprak) == forventet
        assert regel.hjemmeltekst(sprak) is regel.hjemmeltekst(sprak)  # made once


def test_to_json_ordlegger_hver_hjemmel_en_gang_per_regelversjon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On main every node of the JSON tree worded its rule's references again (~400 times for
    a family); now each rule version words them once, whatever the number of nodes."""
    vurdering = sosialregler.assess(_sak("familie"))
    vurdering.to_json()  # builds the tree and words the references once
    kall = 0
    opprinnelig = Hjemmel.tekst

    def tell(self: Hjemmel, sprak: str = "nb") -> str:
        nonlocal kall
        kall += 1
        return opprinnelig(self, sprak)

    monkeypatch.setattr(Hjemmel, "tekst", tell)
    noder = sum(1 for v in vurdering.vedtak.values() for _ in v.node.noder())
    vurdering.to_json()
    assert noder > 200
    # What is left: the decisions' own references and flags, a few dozen, not one per node.
    assert kall < noder / 4, (kall, noder)


def _naabare(rot: object) -> list[object]:
    """Every object reachable from ``rot`` through the garbage collector's references, leaving
    out classes, modules and code (shared by every assessment)."""
    import gc
    import types

    sett: set[int] = set()
    ut: list[object] = []
    stabel = [rot]
    while stabel:
        o = stabel.pop()
        if id(o) in sett or isinstance(o, type | types.ModuleType | types.CodeType):
            continue
        sett.add(id(o))
        ut.append(o)
        if isinstance(o, types.FunctionType) and o.__closure__ is None:
            continue  # a module-level function: its globals are the module's, shared
        stabel.extend(gc.get_referents(o))
    return ut


def test_en_lat_regelnode_holder_ingen_lukning() -> None:
    """A compiled assessment's lazy rule nodes hold the trace, the rule id and the changes as
    they are, not in a closure (a function, a tuple of cells and three cells each): fewer
    objects for the garbage collector to walk when results are kept with their trace
    (``assess_med_spor``; ``assess`` keeps none). On main every lazy node held a closure of
    its own."""
    import types

    from sosialregler.api import assess_med_spor
    from sosialregler.lov.tree import LatNode

    with bruk_motor("kompilert"):
        vurdering = assess_med_spor(_sak("familie"))
    objekter = _naabare(vurdering)
    late = [o for o in objekter if isinstance(o, LatNode)]
    lukninger = [o for o in late if isinstance(o._bygg, types.FunctionType) and o._bygg.__closure__]
    assert len(late) > 10
    # What remains are the nodes built from others (an area's tree, a calculation's).
    assert len(lukninger) < len(late) / 2, (len(lukninger), len(late))
    assert json.loads(vurdering.to_json())["vedtak"]  # and the tree still builds
