"""durable-rules as a second engine: on generated cases both reach the same outcome (issue 10).

Marked ``oracle``: deselected in the default run, run with ``pytest -m oracle`` after
``pip install '.[oracle]'``; skipped when durable-rules is not installed or does not start
(it compiles C on install and does not import on Python 3.13). See ``kompilator.py`` for
what is compared and why, and ``durable_side.py`` for how durable-rules is kept from
crashing. A longer run: ``python tests/oracle/kjor.py --saker 2000``.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from hypothesis import HealthCheck, event, given, settings

from sosialregler import assess, standard_regelbok

from .kjor import oracle_saker
from .klient import DurableFeil, DurableProsess, Telling
from .kompilator import SANN, USANN, Enhet, evalueringer, kompiler, les

pytestmark = [
    pytest.mark.oracle,
    pytest.mark.skipif(
        importlib.util.find_spec("durable") is None,
        reason="durable-rules er ikke installert (pip install '.[oracle]')",
    ),
]

REPO = Path(__file__).resolve().parents[2]
TELLING = Telling()


@pytest.fixture(scope="module")
def enheter() -> dict[str, Enhet]:
    return kompiler(standard_regelbok())[0]


@pytest.fixture(scope="module")
def durable(enheter: dict[str, Enhet]) -> Iterator[DurableProsess]:
    try:
        prosess = DurableProsess(enheter)
    except DurableFeil as exc:
        pytest.skip(f"durable-rules starter ikke: {exc}")
    yield prosess
    prosess.lukk()


def test_kompilatoren_dekker_reglene() -> None:
    """Most conditions compile; the rest are discretion, arithmetic or functions — what
    durable-rules cannot express or the library never decides."""
    bok = standard_regelbok()
    enheter, ikke = kompiler(bok)
    regler = [e for e in enheter.values() if e.art == "regel"]
    alle = sum(1 for vs in bok.regler.values() for r in vs if r.vilkar is not None)
    assert len(regler) >= alle * 0.6, (len(regler), alle)
    for nokkel, grunn in ikke.items():
        assert grunn.startswith(("Skjonn", "funksjonskall", "uventet ('op', '-')")), (nokkel, grunn)


@pytest.mark.parametrize(
    ("tekst", "ventet"),
    [
        ("a", ("navn", "a")),
        ("ikke a", ("ikke", ("navn", "a"))),
        ('x i ["p", "q"]', ("i", ("navn", "x"), ["p", "q"], False)),
        ("a < -1", ("sml", "<", ("navn", "a"), ("lit", -1))),
    ],
)
def test_parseren_leser_uttrykk(tekst: str, ventet: Any) -> None:
    assert les(tekst) == ventet


def test_durable_fyrer_som_forventet(durable: DurableProsess, enheter: dict[str, Enhet]) -> None:
    """The demo family's evaluations: durable-rules agrees on each."""
    familie = json.loads((REPO / "examples" / "familie.json").read_text("utf-8"))
    evs = list(evalueringer(assess(familie), standard_regelbok(), enheter))
    assert len(evs) > 20, "for få evalueringer å sammenligne"
    assert durable.fyrer(evs) == [e.forventet for e in evs]


@settings(
    max_examples=max(20, settings().max_examples),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sak=oracle_saker())
def test_motorene_er_enige(
    durable: DurableProsess, enheter: dict[str, Enhet], sak: dict[str, Any]
) -> None:
    """Every compiled unit the case evaluates with all inputs known: the library says
    ``oppfylt`` exactly when durable-rules fires."""
    evs = list(evalueringer(assess(sak), standard_regelbok(), enheter))
    TELLING.saker += 1
    event(f"evalueringer: {min(len(evs) // 25 * 25, 200)}+")
    uenige = TELLING.legg_til(evs, durable.fyrer(evs))
    assert not uenige, "\n".join(uenige[:10])


def test_oraklet_merker_en_feil_motor(enheter: dict[str, Enhet]) -> None:
    """The oracle is not vacuous: with one unit's condition negated (a wrong second engine),
    the comparison on the demo family finds the disagreement."""
    familie = json.loads((REPO / "examples" / "familie.json").read_text("utf-8"))
    evs = list(evalueringer(assess(familie), standard_regelbok(), enheter))
    offer = next(e.nokkel for e in evs if enheter[e.nokkel].betingelse not in (SANN, USANN))
    feil = dict(enheter)
    feil[offer] = evolve(enheter[offer], betingelse=_motsatt(enheter[offer].betingelse))
    prosess = DurableProsess(feil)
    try:
        svar = prosess.fyrer(evs)
    finally:
        prosess.lukk()
    uenige = {e.nokkel for e, s in zip(evs, svar, strict=True) if s != e.forventet}
    assert uenige == {offer}


def _motsatt(betingelse: Any) -> Any:
    """A durable-rules condition negated (De Morgan down to the comparisons)."""
    if "$and" in betingelse:
        return {"$or": [_motsatt(d) for d in betingelse["$and"]]}
    if "$or" in betingelse:
        return {"$and": [_motsatt(d) for d in betingelse["$or"]]}
    ((op, innhold),) = betingelse.items()
    motsatt = {"$neq": None, "$lt": "$gte", "$gte": "$lt", "$gt": "$lte", "$lte": "$gt"}
    if op == "$neq":
        return innhold
    if op in motsatt:
        return {motsatt[op]: innhold}
    return {"$neq": {op: innhold}}


def test_oppsummering(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints what was compared (run with -m oracle -s, or see the counts in the report)."""
    with capsys.disabled():
        print(f"\norakel: {TELLING.sammendrag()}")
    assert not TELLING.uenige
