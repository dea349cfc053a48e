"""The compiled engine gives what the reference interpreter gives: trees, JSON, texts, records.

Every example, golden case and test-case file (tests/saker) runs through both engines, and so
do generated cases; the decision, the trees node for node, the JSON, the texts in nb, nn and en,
the decision letter and the record must be identical (issue 17: the interpreter is the
reference, the compiled rules are the default).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import fuzzhjelp as fh
from sosialregler import assess
from sosialregler.api import regelbok
from sosialregler.inndata.errors import UgyldigSak
from sosialregler.lov.kompilator.motor import KOMPILERT, TOLK, bruk_motor
from sosialregler.utdata.assessment import Assessment
from sosialregler.verktoy.testfiler import les_testfil

ROT = Path(__file__).resolve().parent.parent


def _saker() -> list[tuple[str, dict[str, Any], str | None, Any]]:
    ut: list[tuple[str, dict[str, Any], str | None, Any]] = []
    for fil in sorted((ROT / "examples").glob("*.json")):
        ut.append((f"examples/{fil.name}", json.loads(fil.read_text()), None, None))
    for fil in sorted((ROT / "tests" / "saker").glob("*.toml")):
        for sak in les_testfil(fil):
            bok = regelbok(sak.regler, sak.satser) if sak.regler or sak.satser else None
            ut.append((f"saker/{fil.name}: {sak.navn}", dict(sak.inndata), sak.dato, bok))
    return ut


SAKER = _saker()


def vurder(motor: str, sak: dict[str, Any], dato: str | None, bok: Any) -> Assessment:
    with bruk_motor(motor):
        return assess(sak, dato, regler=bok)


def sjekk_like(tolket: Assessment, kompilert: Assessment) -> None:
    """Everything a caller can read from the two assessments is the same."""
    assert kompilert.vedtak.keys() == tolket.vedtak.keys()
    for navn, v in tolket.vedtak.items():
        k = kompilert.vedtak[navn]
        assert (k.utfall, k.mangler, k.utdata, k.hjemmel) == (
            v.utfall,
            v.mangler,
            v.utdata,
            v.hjemmel,
        )
        assert k.node == v.node, navn  # node for node: ids, outcomes, facts, order, texts
    assert kompilert.klage == tolket.klage
    assert kompilert.merknader == tolket.merknader
    assert kompilert.to_json() == tolket.to_json()
    for sprak in ("nb", "nn", "en"):
        assert kompilert.explain(sprak) == tolket.explain(sprak), sprak
        assert kompilert.vedtaksbrev(sprak).tekst() == tolket.vedtaksbrev(sprak).tekst(), sprak
    assert kompilert.to_record() == tolket.to_record()
    assert kompilert.to_record(med_regler=True) == tolket.to_record(med_regler=True)


def begge(sak: dict[str, Any], dato: str | None = None, bok: Any = None) -> None:
    """Both engines on one case: the same assessment, or the same rejection."""
    try:
        tolket = vurder(TOLK, sak, dato, bok)
    except UgyldigSak as feil:
        with pytest.raises(UgyldigSak) as kfeil:
            vurder(KOMPILERT, sak, dato, bok)
        assert kfeil.value.feil == feil.feil
        return
    sjekk_like(tolket, vurder(KOMPILERT, sak, dato, bok))


@pytest.mark.parametrize(("navn", "sak", "dato", "bok"), SAKER, ids=[s[0] for s in SAKER])
def test_kompilert_lik_tolk(navn: str, sak: dict[str, Any], dato: str | None, bok: Any) -> None:
    begge(sak, dato, bok)


def test_saker_finnes() -> None:
    """The comparison above runs on every example and every test-case file."""
    assert {n.split("/")[1].split(":")[0] for n in (s[0] for s in SAKER)} >= {
        "enslig.json",
        "familie.json",
        "kvp.json",
        "botilbud.json",
        "livsopphold.toml",
    }


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(sak=fh.fulle_saker())
def test_genererte_saker_like(sak: dict[str, Any]) -> None:
    begge(fh.reparer(sak))


def test_kompilert_tre_bygges_forst_naar_det_leses() -> None:
    """The compiled path keeps a trace; the tree is built when read, and pickles built."""
    sak = json.loads((ROT / "examples" / "familie.json").read_text())
    kompilert = vurder(KOMPILERT, sak, None, None)
    vedtak = kompilert.vedtak["livsopphold"]
    assert type(vedtak._node).__name__ == "LatNode"
    kopi = pickle.loads(pickle.dumps(kompilert))
    assert (
        kopi.vedtak["livsopphold"].node == vurder(TOLK, sak, None, None).vedtak["livsopphold"].node
    )
    assert type(vedtak.node).__name__ == "Node"
