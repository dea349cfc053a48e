"""The engine's fast paths give what the plain code gave (issue 17, speed).

The compiled rules write each trace entry in its kept form as they run (``kilde``: a leaf's
outcome code set where the outcome is, a value through ``kompakt`` only when it is an
``Ukjent`` or a tuple), where ``spor.komprimer`` once compacted it afterwards; ``spor.utvid``
calls ``_inn`` only for a tuple; ``Kontekst.for_element`` makes an item's context without
``__init__``. Each is held here against the plain code it replaces: the kept entry must be
the same, value for value and type for type, since records hash it, and an item's context
must hold what ``__init__`` would have given it.
"""

from __future__ import annotations

import json
from collections import ChainMap
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from sosialregler import assess
from sosialregler.inndata.errors import UgyldigSak
from sosialregler.inndata.ukjent import Ukjent
from sosialregler.lov.kompilator.hjelpere import mangler_av, slaa_sammen
from sosialregler.lov.kompilator.motor import KOMPILERT, TOLK, bruk_motor
from sosialregler.lov.kompilator.spor import KODE, UTFALL, Spor, komprimer, utvid
from sosialregler.lov.outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART
from sosialregler.vurdering.engine import Kontekst
from sosialregler.vurdering.rulebook_load import last_regelbok


def _ut_enkel(verdi: Any) -> Any:
    """``spor._ut`` as first written: the reference."""
    if type(verdi) is Ukjent:
        return (b"ukjent", verdi.mangler)
    if type(verdi) is tuple:
        return tuple(map(_ut_enkel, verdi))
    return verdi


def _blader_enkel(blader: tuple[Any, ...]) -> tuple[Any, ...]:
    ut = list(blader)
    ut[0::2] = [KODE[u] for u in blader[0::2]]
    ut[1::2] = map(_ut_enkel, blader[1::2])
    return tuple(ut)


def _komprimer_enkel(post: Any) -> Any:
    """``spor.komprimer`` as first written: the reference the fast path must equal."""
    tekst = None if post[4] is None else _ut_enkel(post[4])
    unntak = tuple(
        (KODE[e[0]], e[1], _blader_enkel(e[2]), None if e[3] is None else _ut_enkel(e[3]))
        for e in post[5]
    )
    return (KODE[post[0]], post[1], post[2], _blader_enkel(post[3]), tekst, unntak)


def _atomer(verdi: Any) -> list[Any]:
    if type(verdi) is tuple:
        return [a for v in verdi for a in _atomer(v)]
    return [verdi]


UKJENT = Ukjent(("sak.inntekt",))
VERDIER = [
    True,
    0,
    Decimal("7850.00"),
    "enslig",
    date(2024, 3, 1),
    None,
    UKJENT,
    (Decimal(1), UKJENT),
    (1, 2),
    ((1, UKJENT), (2, 3)),
    ((1, 2), "a"),
    (),
]
POSTER = [
    (OPPFYLT, (), None, (), None, ()),
    *((u, (), None, (u, v), (v,), ()) for u in (OPPFYLT, UAVKLART, SKJONN) for v in VERDIER),
    (IKKE_OPPFYLT, (), None, (OPPFYLT, 1, UAVKLART, UKJENT, SKJONN, "x"), None, ()),
    (UAVKLART, ("a",), None, (UAVKLART, UKJENT, OPPFYLT, (UKJENT, 2)), (UKJENT, 3, "s"), ()),
    (
        SKJONN,
        (),
        "unntak-id",
        (OPPFYLT, True),
        ("a", "b"),
        (
            (OPPFYLT, (), (OPPFYLT, 1), None),
            (UAVKLART, ("m",), (UAVKLART, UKJENT, OPPFYLT, Decimal(2)), (UKJENT,)),
            (IKKE_OPPFYLT, (), (), ("c",)),
        ),
    ),
]


@pytest.mark.parametrize("post", POSTER, ids=range(len(POSTER)))
def test_komprimer_equals_the_plain_code(post: Any) -> None:
    """Same entry, same types (a ``True`` stays a bool, never an int equal to it)."""
    rask, enkel = komprimer(post), _komprimer_enkel(post)
    assert rask == enkel
    assert [type(a) for a in _atomer(rask)] == [type(a) for a in _atomer(enkel)]
    tilbake = utvid(rask)
    assert tilbake == post
    assert [type(a) for a in _atomer(tilbake)] == [type(a) for a in _atomer(post)]


def _saker() -> list[Any]:
    """The examples and generated households, edges and unknown facts included."""
    from sosialregler.verktoy.populasjon.generator import lag_populasjon

    eksempler = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))
    saker: list[Any] = [json.loads(p.read_text(encoding="utf-8")) for p in eksempler]
    saker += [
        t
        for t in lag_populasjon(60, fro=17, andel_kanter=0.4)
        if t.startswith("{") and t.endswith("}")
    ]
    return saker


def test_compiled_rules_write_the_kept_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each entry a compiled rule keeps is what ``komprimer`` makes of the entry it stands for
    (value for value, type for type), and agrees with the outcome ``resultat`` gives; no
    enum member nor ``Ukjent`` is inside. With the tree equal to the interpreter's
    (``test_kompilator_likhet``) this holds the generated code to the plain one."""
    ekte = Kontekst.resultat
    sett: dict[str, int] = {"poster": 0, "ukjente": 0, "unntak": 0}

    def resultat(self: Kontekst, regel_id: str) -> Any:
        post = ekte(self, regel_id)
        spor = self._spor
        assert spor is not None
        lagret = spor.poster[regel_id]
        assert UTFALL[lagret[0]] is post[0] and lagret[1:3] == post[1:3]
        plain = komprimer(utvid(lagret))
        assert plain == lagret, regel_id
        assert [type(a) for a in _atomer(plain)] == [type(a) for a in _atomer(lagret)]
        assert not [a for a in _atomer(lagret) if isinstance(a, Enum | Ukjent)], regel_id
        sett["poster"] += 1
        sett["ukjente"] += b"ukjent" in _atomer(lagret)
        sett["unntak"] += bool(lagret[5])
        return post

    monkeypatch.setattr(Kontekst, "resultat", resultat)
    vurdert = 0
    with bruk_motor(KOMPILERT):
        for sak in _saker():
            try:
                assess(sak)
            except UgyldigSak:
                continue
            vurdert += 1
    assert vurdert > 40
    # every kind met many times: entries, unknown values kept as pairs, exceptions
    assert min(sett.values()) > 50, sett


def _kontekst(motor: str, **kw: Any) -> Kontekst:
    with bruk_motor(motor):
        return Kontekst(last_regelbok(), date(2024, 3, 1), {"sak.a": 1, "sak.b": 2}, **kw)


@pytest.mark.parametrize(
    ("motor", "bare_utfall"), [(KOMPILERT, False), (KOMPILERT, True), (TOLK, False)]
)
def test_for_element_gives_what_init_gives(motor: str, bare_utfall: bool) -> None:
    ktx = _kontekst(motor, bare_utfall=bare_utfall)
    element = ktx.for_element({"sak.b": 3, "inntekt.belop": Decimal(5)})
    with bruk_motor(motor):
        ventet = Kontekst(
            ktx.regelbok,
            ktx.dato,
            {"sak.a": 1, "sak.b": 3, "inntekt.belop": Decimal(5)},
            ktx._program,
            bare_utfall=bare_utfall,
        )
    for navn in Kontekst.__slots__:
        if navn in ("_spor", "merknader"):
            continue
        assert getattr(element, navn) == getattr(ventet, navn), navn
    assert element.merknader is ktx.merknader  # an item's flags are its case's
    assert element.fakta is not ktx.fakta and ktx.fakta == {"sak.a": 1, "sak.b": 2}
    assert element._i_kraft is ktx._i_kraft
    if ventet._spor is None:
        assert element._spor is None
    else:
        assert isinstance(element._spor, Spor) and element._spor is not ktx._spor
        assert type(element._spor.poster) is type(ventet._spor.poster)
        assert element._spor.poster == {}


def test_for_element_with_a_chainmap_merges_as_the_chainmap_reads() -> None:
    """Values of the first map win, and the keys come in the order the plain merge gave
    (``{**case, **chainmap}``), since texts and records list facts in that order."""
    ktx = _kontekst(KOMPILERT)
    over = ChainMap({"sak.b": 3, "x": 1}, {"y": 2, "x": 9, "sak.a": 0}, {"z": 4, "y": 8})
    fakta = ktx.for_element(over).fakta
    ventet = {**ktx.fakta, **over}
    assert fakta == ventet
    assert list(fakta) == list(ventet)


@pytest.mark.parametrize(
    "verdier",
    [
        (UKJENT,),
        (Ukjent(()),),
        (Ukjent(("a", "b", "a")),),
        (Ukjent(["a"]),),  # type: ignore[arg-type]  # a list, as a careless caller might
        (1,),
        (UKJENT, 2, Ukjent(("b", "sak.inntekt"))),
        (),
    ],
)
def test_mangler_av_equals_the_plain_code(verdier: tuple[Any, ...]) -> None:
    ventet = tuple(dict.fromkeys(m for v in verdier if type(v) is Ukjent for m in v.mangler))
    funnet = mangler_av(*verdier)
    assert funnet == ventet and type(funnet) is tuple


def _slaa_sammen_enkel(deler: Any) -> tuple[str, ...]:
    """``hjelpere.slaa_sammen`` as first written: the reference."""
    return tuple(dict.fromkeys(m for u, mangler in deler if u is UAVKLART for m in mangler))


@pytest.mark.parametrize(
    "deler",
    [
        (),
        ((OPPFYLT, ()),),
        ((UAVKLART, ()),),
        ((UAVKLART, ("a",)),),
        ((UAVKLART, ("a", "b")),),
        ((UAVKLART, ("a", "a")),),
        ((OPPFYLT, ("x",)), (UAVKLART, ("a",))),
        ((UAVKLART, ("a",)), (UAVKLART, ("a",))),
        ((UAVKLART, ("a",)), (UAVKLART, ("b",)), (SKJONN, ("c",))),
        ((UAVKLART, ()), (UAVKLART, ("b", "a")), (IKKE_OPPFYLT, ("c",))),
        ((SKJONN, ("s",)), (UAVKLART, ("b",)), (UAVKLART, ("b", "c"))),
    ],
    ids=str,
)
def test_slaa_sammen_equals_the_plain_code(deler: Any) -> None:
    """The usual call (one undecided part naming one field) returns its fields unmerged."""
    assert slaa_sammen(deler) == _slaa_sammen_enkel(deler)
    assert type(slaa_sammen(deler)) is tuple
