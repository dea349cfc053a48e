"""The working paper's faster helpers say exactly what the code they replaced said.

``_nevnt`` replaced a regular expression built per fact, ``_baerende`` a recursive generator
walked twice per decision; both must give the same answers, byte for byte in the texts.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

import sosialregler
from sosialregler.lov.outcome import Utfall
from sosialregler.lov.tree import Node
from sosialregler.utdata.explain import _baerende, _nevnt

ROT = Path(__file__).resolve().parent.parent


def _gammel(tekst: str, allerede: str) -> bool:
    return bool(re.search(rf"(?<![\w,−]){re.escape(tekst)}(?!\w)", allerede))


TEKSTER = ("500 kr", "1 500 kr", "01.03.2024", "2024-03-01", "", "5", "−5")
OMGIVELSER = ("", " ", "1", ",", "−", "-", "_", "a", "ø", "\n", "(", ")", ".", "²")


@pytest.mark.parametrize("tekst", TEKSTER)
def test_nevnt_som_det_regulaere_uttrykket(tekst: str) -> None:
    avvik = [
        (foran, bak, gjentatt)
        for foran, bak in itertools.product(OMGIVELSER, repeat=2)
        for gjentatt in (1, 2)
        if _nevnt(tekst, (foran + tekst + bak) * gjentatt)
        != _gammel(tekst, (foran + tekst + bak) * gjentatt)
    ]
    assert avvik == []


def test_nevnt_ser_forbi_et_treff_inne_i_et_tall() -> None:
    # «1 500 kr» holds «500 kr» after a digit and a space; a later whole «500 kr» still counts.
    assert not _nevnt("500 kr", "1500 kr")
    assert _nevnt("500 kr", "1500 kr og 500 kr.")


def _gammel_baerende(node: Node, med_kontroller: bool, hopp: frozenset[str]) -> list[Node]:
    if node.rolle == "unntak" and node.utfall is not Utfall.OPPFYLT:
        return []
    if not med_kontroller and node.rolle == "kontroll" and node.utfall is Utfall.OPPFYLT:
        return []
    ut = [node]
    for barn in node.barn:
        if barn.regel is not None and barn.regel.id in hopp:
            continue
        ut += _gammel_baerende(barn, med_kontroller, hopp)
    return ut


@pytest.mark.parametrize("navn", ["enslig", "familie", "kvp", "botilbud", "avklaring"])
def test_baerende_som_den_rekursive_gjennomgangen(navn: str) -> None:
    sak = json.loads((ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8"))
    vurdering = sosialregler.assess(sak)
    vist: set[str] = set()
    for vedtak in vurdering.vedtak.values():
        hopp = frozenset(vist)
        par = _baerende(vedtak.node, hopp)
        assert [n for n, _ in par] == _gammel_baerende(vedtak.node, True, hopp)
        assert [n for n, h in par if h] == _gammel_baerende(vedtak.node, False, hopp)
        vist.add(vedtak.hovedregel)
