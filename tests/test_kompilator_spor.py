"""The compiled engine's trace, as a kept assessment keeps it (issue 17).

A service or batch that keeps many results keeps each one's trace. Kept with ``Utfall`` members
inside (enum members are objects the garbage collector tracks), every tuple of every rule's
entry stayed tracked for good, and each full collection visited them all: ~175 of the ~340
tracked objects per kept case. The trace now keeps outcomes as small ints (``spor.komprimer``)
and turns them back into ``Utfall`` only when a node is rebuilt; these tests hold that, on a
result kept with its trace (``assess_med_spor``: ``assess`` now keeps none, ``test_beholdt.py``).
"""

from __future__ import annotations

import gc
import json
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from sosialregler import assess
from sosialregler.api import assess_med_spor
from sosialregler.inndata.ukjent import Ukjent
from sosialregler.lov.kompilator.motor import KOMPILERT, bruk_motor
from sosialregler.lov.kompilator.spor import IKKE_I_KRAFT, Spor, komprimer, utvid
from sosialregler.lov.outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART

EKSEMPLER = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))


def _spor(rot: object) -> list[Spor]:
    """Every trace a kept object reaches (through its lazy nodes and their closures)."""
    funnet: list[Spor] = []
    sett: set[int] = set()
    kø = [rot]
    while kø:
        o = kø.pop()
        if id(o) in sett or isinstance(o, str | bytes | int | float | type):
            continue
        sett.add(id(o))
        if isinstance(o, Spor):
            funnet.append(o)
            continue  # its rulebook mappings are shared, not the case's
        kø.extend(gc.get_referents(o))
    return funnet


def _atomer(verdi: Any) -> list[Any]:
    if isinstance(verdi, tuple):
        return [a for v in verdi for a in _atomer(v)]
    return [verdi]


@pytest.fixture(params=EKSEMPLER, ids=lambda p: p.stem)
def holdt(request: pytest.FixtureRequest) -> Any:
    with bruk_motor(KOMPILERT):
        return assess_med_spor(json.loads(request.param.read_text(encoding="utf-8")))


def test_kept_trace_holds_no_enum_member(holdt: Any) -> None:
    """No outcome (nor any enum member) nor unknown fact inside a kept trace entry: the
    fails-on-main check."""
    spor = _spor(holdt)
    assert spor, "the kept assessment reaches its traces"
    assert sum(len(s.poster) for s in spor) > 10
    for s in spor:
        for regel_id, post in s.poster.items():
            enum = [a for a in _atomer(post) if isinstance(a, Enum | Ukjent)]
            assert not enum, (regel_id, enum)


def test_kept_trace_tuples_leave_the_collector(holdt: Any) -> None:
    """After the collector's passes, a trace tuple stays tracked only for a tracked value read
    (a list): every tuple of atomic values is untracked. Several passes,
    because a pass untracks a tuple only if the tuples inside it were untracked before; a
    service collects many times, so this is where a kept trace settles."""
    for _ in range(10):
        gc.collect()
    for s in _spor(holdt):
        for regel_id, post in s.poster.items():
            stakk = [post]
            while stakk:
                t = stakk.pop()
                stakk.extend(d for d in t if isinstance(d, tuple))
                if gc.is_tracked(t):
                    assert any(gc.is_tracked(a) for a in _atomer(t)), (regel_id, t)


def test_tree_read_after_keeping_equals_tree_read_at_once() -> None:
    """The rebuilt tree does not depend on when it is read (the entry round-trips)."""
    sak = json.loads(EKSEMPLER[0].read_text(encoding="utf-8"))
    with bruk_motor(KOMPILERT):
        a, b = assess(sak), assess(sak)
        straks = a.to_json()
        gc.collect()
        assert b.to_json() == straks


@pytest.mark.parametrize("utfall", [OPPFYLT, IKKE_OPPFYLT, UAVKLART, SKJONN])
def test_komprimer_round_trips(utfall: Any) -> None:
    post = (
        utfall,
        ("a",),
        "unntak.x",
        (utfall, 3, OPPFYLT, ("x", None), UAVKLART, Ukjent(("inntekter",))),
        ("t", Ukjent(())),
        ((SKJONN, (), (utfall, (1, Ukjent(("a", "b")))), None),),
    )
    lagret = komprimer(post)
    assert not [a for a in _atomer(lagret) if isinstance(a, Enum | Ukjent)]
    assert utvid(lagret) == post
    assert [type(a) for a in _atomer(utvid(lagret))] == [type(a) for a in _atomer(post)]
    assert utvid(komprimer(IKKE_I_KRAFT)) == IKKE_I_KRAFT
