"""The outcome algebra (DESIGN § 3): every combination, checked against its definition."""

from __future__ import annotations

import itertools

import pytest

from sosialregler.lov import outcome
from sosialregler.lov.outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART, Utfall

ALLE_UTFALL = list(Utfall)


def _forventet_alle(a: Utfall, b: Utfall) -> Utfall:
    # Written out as a table so the test does not restate the implementation's loop.
    tabell = {
        (OPPFYLT, OPPFYLT): OPPFYLT,
        (OPPFYLT, IKKE_OPPFYLT): IKKE_OPPFYLT,
        (OPPFYLT, UAVKLART): UAVKLART,
        (OPPFYLT, SKJONN): SKJONN,
        (IKKE_OPPFYLT, IKKE_OPPFYLT): IKKE_OPPFYLT,
        (IKKE_OPPFYLT, UAVKLART): IKKE_OPPFYLT,
        (IKKE_OPPFYLT, SKJONN): IKKE_OPPFYLT,
        (UAVKLART, UAVKLART): UAVKLART,
        (UAVKLART, SKJONN): UAVKLART,
        (SKJONN, SKJONN): SKJONN,
    }
    return tabell.get((a, b)) or tabell[(b, a)]


def _forventet_minst_en(a: Utfall, b: Utfall) -> Utfall:
    tabell = {
        (OPPFYLT, OPPFYLT): OPPFYLT,
        (OPPFYLT, IKKE_OPPFYLT): OPPFYLT,
        (OPPFYLT, UAVKLART): OPPFYLT,
        (OPPFYLT, SKJONN): OPPFYLT,
        (IKKE_OPPFYLT, IKKE_OPPFYLT): IKKE_OPPFYLT,
        (IKKE_OPPFYLT, UAVKLART): UAVKLART,
        (IKKE_OPPFYLT, SKJONN): SKJONN,
        (UAVKLART, UAVKLART): UAVKLART,
        (UAVKLART, SKJONN): UAVKLART,
        (SKJONN, SKJONN): SKJONN,
    }
    return tabell.get((a, b)) or tabell[(b, a)]


@pytest.mark.parametrize(("a", "b"), list(itertools.product(ALLE_UTFALL, repeat=2)))
def test_alle_for_hvert_par(a: Utfall, b: Utfall) -> None:
    assert outcome.alle([a, b]) is _forventet_alle(a, b)


@pytest.mark.parametrize(("a", "b"), list(itertools.product(ALLE_UTFALL, repeat=2)))
def test_minst_en_for_hvert_par(a: Utfall, b: Utfall) -> None:
    assert outcome.minst_en([a, b]) is _forventet_minst_en(a, b)


@pytest.mark.parametrize("trippel", list(itertools.product(ALLE_UTFALL, repeat=3)))
def test_tre_ledd_er_det_samme_som_to_og_to(trippel: tuple[Utfall, Utfall, Utfall]) -> None:
    """Associativity: the combination of three does not depend on grouping."""
    a, b, c = trippel
    assert outcome.alle(trippel) is outcome.alle([outcome.alle([a, b]), c])
    assert outcome.minst_en(trippel) is outcome.minst_en([a, outcome.minst_en([b, c])])


@pytest.mark.parametrize(
    ("inn", "ut"),
    [(OPPFYLT, IKKE_OPPFYLT), (IKKE_OPPFYLT, OPPFYLT), (UAVKLART, UAVKLART), (SKJONN, SKJONN)],
)
def test_ikke(inn: Utfall, ut: Utfall) -> None:
    assert outcome.ikke(inn) is ut
    assert outcome.ikke(outcome.ikke(inn)) is inn


@pytest.mark.parametrize(("a", "b"), list(itertools.product(ALLE_UTFALL, repeat=2)))
def test_de_morgan(a: Utfall, b: Utfall) -> None:
    """not(a and b) == (not a) or (not b): the algebra is a proper negation pair."""
    assert outcome.ikke(outcome.alle([a, b])) is outcome.minst_en(
        [outcome.ikke(a), outcome.ikke(b)]
    )


def test_tomme_kombinasjoner() -> None:
    assert outcome.alle([]) is OPPFYLT
    assert outcome.minst_en([]) is IKKE_OPPFYLT


def test_verdiene_er_kontraktens() -> None:
    assert [u.value for u in Utfall] == ["oppfylt", "ikke_oppfylt", "uavklart", "skjonn"]


@pytest.mark.parametrize("lengde", [0, 1, 2, 3, 4])
def test_kompilert_kombinasjon_er_lik_algebraen(lengde: int) -> None:
    """The engine's inline ``alle`` / ``minst_en`` give what ``outcome`` gives, every sequence."""
    from sosialregler.lov.rulebook.conditions import _kombinasjon
    from sosialregler.lov.tree import Node

    for rekke in itertools.product(list(Utfall), repeat=lengde):
        deler = tuple((lambda ktx, u=u: Node("x", u)) for u in rekke)
        alle = _kombinasjon(deler, "a", avgjor=Utfall.IKKE_OPPFYLT, ellers=Utfall.OPPFYLT)
        minst_en = _kombinasjon(deler, "m", avgjor=Utfall.OPPFYLT, ellers=Utfall.IKKE_OPPFYLT)
        assert alle(None).utfall is outcome.alle(rekke), rekke
        assert minst_en(None).utfall is outcome.minst_en(rekke), rekke


@pytest.mark.parametrize("lengde", [0, 1, 2, 3])
def test_minst_avklart(lengde: int) -> None:
    """The least settled: open before failed before met; the calculation nodes' outcome
    (``areas.vilkar.beregningsnode``), which wrote this order once more before."""
    for rekke in itertools.product(list(Utfall), repeat=lengde):
        ventet = next(
            (u for u in (Utfall.UAVKLART, Utfall.SKJONN, Utfall.IKKE_OPPFYLT) if u in rekke),
            Utfall.OPPFYLT,
        )
        assert outcome.minst_avklart(rekke) is ventet, rekke


def test_rekkefolgene_staar_ett_sted() -> None:
    """The orders of precedence are data in ``outcome.RANG``; no module spells one out again."""
    import re
    from pathlib import Path

    pakke = Path(outcome.__file__).parent
    navn = r"(?:outcome\.|Utfall\.)?(?:OPPFYLT|IKKE_OPPFYLT|UAVKLART|SKJONN)"
    rang = re.compile(rf"\({navn}, {navn}, {navn}\)")
    kopier = sorted(
        str(f.relative_to(pakke))
        for f in pakke.rglob("*.py")
        if f.name != "outcome.py" and rang.search(f.read_text(encoding="utf-8"))
    )
    assert kopier == []
