"""Conditions in the working paper's lists and facts by a label, never by their case id.

The language review found «Vilkår der vedtaket ikkje seier at brot kan føre til reduksjon: v2»:
the summary facts of § 20 (``vilkarene.*``) and of reductions (``reduksjonene.*``) hold
condition ids, which mean nothing to a reader. A condition is named by its description when
the case gives one, else by its place in the case («vilkår nr. 3»); the JSON keeps the ids.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from sosialregler import api
from sosialregler.vurdering.katalog import KATALOG

ROT = Path(__file__).resolve().parent.parent
BESKRIVELSE = "Delta i jobbklubb tre dager i uken"


def _sak() -> dict[str, Any]:
    """The family example with three conditions: warned, not warned, and not said."""
    sak = json.loads((ROT / "examples" / "familie.json").read_text(encoding="utf-8"))
    forste = sak["vilkar"][0]
    uten_varsel = {**copy.deepcopy(forste), "id": "v2", "varsel_om_reduksjon": False}
    ikke_oppgitt = copy.deepcopy(forste)
    ikke_oppgitt["id"] = "v3"
    del ikke_oppgitt["varsel_om_reduksjon"], ikke_oppgitt["beskrivelse"]
    sak["vilkar"] += [uten_varsel, ikke_oppgitt]
    return sak


@pytest.mark.parametrize(
    ("sprak", "uten", "ikke_oppgitt"),
    [
        ("nb", f"«{BESKRIVELSE}»", "vilkår nr. 3"),
        ("nn", f"«{BESKRIVELSE}»", "vilkår nr. 3"),
        ("en", f"«{BESKRIVELSE}»", "condition no. 3"),
    ],
)
def test_vilkarslister_viser_etikett_ikke_id(sprak: str, uten: str, ikke_oppgitt: str) -> None:
    vurdering = api.assess(_sak())
    tekst = vurdering.explain(sprak)
    linjer = dict(
        linje.strip().split(": ", 1)
        for linje in tekst.splitlines()
        if linje.startswith("  ")
        if ": " in linje
    )

    def fakta(navn: str) -> str:
        etikett = KATALOG[navn].etikett(sprak)
        return linjer[etikett[:1].upper() + etikett[1:]]

    assert fakta("vilkarene.uten_varsel") == uten
    assert fakta("vilkarene.varsel_ikke_oppgitt") == ikke_oppgitt
    for linje in tekst.splitlines():
        assert not linje.rstrip().endswith((": v2", ": v3")), linje


def test_json_beholder_vilkarenes_id() -> None:
    vurdering = api.assess(_sak())
    fakta = json.dumps(vurdering.to_dict(), ensure_ascii=False)
    assert '"vilkarene.uten_varsel": ["v2"]' in fakta
    assert '"vilkarene.varsel_ikke_oppgitt": ["v3"]' in fakta


@pytest.mark.parametrize(
    ("sprak", "ventet"),
    [
        ("nb", f"«{BESKRIVELSE}» (15.03.2024)"),
        ("nn", f"«{BESKRIVELSE}» (15.03.2024)"),
        ("en", f"«{BESKRIVELSE}» (2024-03-15)"),
    ],
)
def test_reduksjonslister_viser_vilkarets_etikett(sprak: str, ventet: str) -> None:
    """«Reduksjonar som ikkje kan gjennomførast: v1 2024-03-15» named the condition by id."""
    sak = json.loads((ROT / "examples" / "familie.json").read_text(encoding="utf-8"))
    sak["reduksjoner"] = [
        {
            "vilkar": "v1",
            "dato": "2024-03-15",
            "belop_per_maned": 99999,
            "arsak_til_brudd": "Møtte ikke",
            "forhandsvarslet": False,
        }
    ]
    vurdering = api.assess(sak)
    tekst = vurdering.explain(sprak)
    etikett = KATALOG["reduksjonene.ikke_oppfylt"].etikett(sprak)
    assert f"{etikett[:1].upper()}{etikett[1:]}: {ventet}" in tekst
    assert "v1 2024-03-15" not in tekst
    assert "v1 2024-03-15" in json.dumps(vurdering.to_dict(), ensure_ascii=False)


@pytest.mark.parametrize(
    ("sprak", "forventet"),
    [
        ("nb", ["Vilkår nr. 1 (aktivitet) krever", "brudd på vilkår nr. 3"]),
        ("en", ["Condition no. 1 (activity) requires", "breach of condition no. 3"]),
    ],
)
def test_regeltekstens_vilkar_id_vises_som_nummer(sprak: str, forventet: list[str]) -> None:
    """The rules' own texts say «Vilkår {vilkar.id}» (their nb/en wording is part of a stored
    record's rule fingerprint, so it stays): the working paper filled in «Vilkår v1». The value
    is now shown as the condition's number in the case; the JSON keeps the id."""
    v = api.assess(_sak())
    tekst = v.explain(sprak)
    for biter in forventet:
        assert biter in tekst
    for vid in ("v1", "v2", "v3"):
        assert f" {vid} " not in tekst and f" {vid}." not in tekst
    assert '"v1"' in v.to_json()
