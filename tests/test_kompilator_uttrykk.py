"""The inline expressions the compiler writes (``kompilator.uttrykk``) are the closures.

For random expressions of the rule language over facts of every kind, and random values of
every type (None, ``Ukjent``, bool, int, finite and non-finite Decimal, float, str, date,
datetime), the inline code either declines (its guard fails, and the closure runs) or gives
exactly what the closure gives: the same value of the same type (a Decimal with the same
exponent), or an error where the closure has one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sosialregler.api import standard_regelbok
from sosialregler.inndata.errors import RegelFeil
from sosialregler.inndata.ukjent import Ukjent
from sosialregler.lov.kompilator.hjelpere import FEIL, NAVNEROM
from sosialregler.lov.kompilator.kilde import _Skriver
from sosialregler.lov.kompilator.program import program_for
from sosialregler.lov.kompilator.uttrykk import Emitter
from sosialregler.lov.rulebook.expr import Uttrykk, UttrykkFeil, parse
from sosialregler.lov.rulebook.mellomregning import mellomregn

#: The facts of the random expressions and their catalogue kinds.
ARTER = {
    "a": "tall",
    "b": "belop",
    "c": "tall",
    "t": "tekst",
    "s": "sannhetsverdi",
    "d": "dato",
    "l": "liste",
}

_NEI = object()  # what the inline code gives when its guard refuses the values


def _kompiler(uttrykk: Uttrykk) -> tuple[Any, str] | None:
    """The function the compiler would write for ``uttrykk``, its closure replaced by ``_NEI``."""
    konstanter: dict[str, Any] = {}
    skriver = _Skriver(konstanter)
    lokaler = {n: f"l{i}" for i, n in enumerate(uttrykk.navn)}
    kode = skriver.inline(uttrykk, lokaler, "F")
    if kode == "F(fakta)":
        return None
    linjer = ["def t(fakta):"]
    linjer += [f"    {lokal} = fakta.get({n!r})" for n, lokal in lokaler.items()]
    linjer.append(f"    return {kode}")
    tekst = "\n".join(linjer) + "\n"
    navnerom = {**NAVNEROM, **konstanter, "F": lambda fakta: _NEI}
    exec(compile(tekst, "<test>", "exec"), navnerom)
    return navnerom["t"], tekst


def _lik(x: object, y: object) -> bool:
    if type(x) is not type(y):
        return False
    if isinstance(x, Decimal):
        return str(x) == str(y)  # same sign and exponent
    return x == y


def _sammenlign(uttrykk: Uttrykk, verdier: Mapping[str, object]) -> None:
    kompilert = _kompiler(uttrykk)
    if kompilert is None:
        return
    funksjon, tekst = kompilert
    try:
        forventet: object = uttrykk.evaluer(verdier)
    except UttrykkFeil as e:
        forventet = e
    try:
        fikk = funksjon(verdier)
    except FEIL:
        # The handler around the inline code asks the closure for the message.
        assert isinstance(forventet, UttrykkFeil), (tekst, verdier, forventet)
        return
    if fikk is _NEI:
        return  # the closure runs: the same by construction
    assert not isinstance(forventet, UttrykkFeil), (tekst, verdier, forventet)
    assert _lik(fikk, forventet), (tekst, verdier, fikk, forventet)


# -- random expressions ------------------------------------------------------------------

_TALL = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.decimals(-(10**6), 10**6, places=2, allow_nan=False, allow_infinity=False).map(
        lambda d: str(abs(d))
    ),
)
_BLAD = st.one_of(
    st.sampled_from(["a", "b", "c", "t", "s", "d", "l", "sann", "usann", '"x"', '"y"']),
    st.sampled_from(["2024-01-01", "2023-12-31", "0", "1", "0.0", "2.50"]),
    _TALL,
)


def _sammensatt(del_: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    op = st.sampled_from(["+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "og", "eller"])
    return st.one_of(
        st.tuples(del_, op, del_).map(lambda p: f"({p[0]} {p[1]} {p[2]})"),
        del_.map(lambda d: f"ikke {d}"),
        del_.map(lambda d: f"-{d}"),
        st.tuples(st.sampled_from(["min", "max"]), st.lists(del_, min_size=1, max_size=3)).map(
            lambda p: f"{p[0]}({', '.join(p[1])})"
        ),
        del_.map(lambda d: f"abs({d})"),
        st.tuples(
            del_,
            st.sampled_from(["i", "ikke i"]),
            st.lists(
                st.sampled_from(['"x"', '"y"', "1", "2.0", "-3", "sann", "2024-01-01"]),
                max_size=3,
            ),
        ).map(lambda p: f"{p[0]} {p[1]} [{', '.join(p[2])}]"),
    )


UTTRYKK = st.recursive(_BLAD, _sammensatt, max_leaves=6)

VERDI = st.one_of(
    st.none(),
    st.just(Ukjent(("soker.alder",))),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.sampled_from([0, 1, -1, 2]),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(-(10**6), 10**6, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("0"), Decimal("-0.00"), Decimal("1E+3"), Decimal("2.50")]),
    st.floats(allow_nan=True),
    st.sampled_from(["x", "y", ""]),
    st.text(max_size=3),
    st.dates(),
    st.sampled_from([date(2024, 1, 1), datetime(2024, 1, 1, 12)]),
    st.lists(st.sampled_from(["x", 1, True]), max_size=2),
)


def _parse(tekst: str) -> Uttrykk:
    try:
        return parse(tekst, ARTER)
    except UttrykkFeil:
        assume(False)
        raise


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(UTTRYKK, st.fixed_dictionaries({n: VERDI for n in ARTER}))
def test_inline_uttrykk_er_lukningen(tekst: str, verdier: dict[str, object]) -> None:
    _sammenlign(_parse(tekst), verdier)


#: Typed values, so the inline code's own path (not the fallback) is what is compared.
_TYPET = st.fixed_dictionaries(
    {
        "a": st.one_of(st.integers(-50, 50), st.sampled_from([Decimal("0"), Decimal("-1.5")])),
        "b": st.decimals(-1000, 1000, places=2, allow_nan=False, allow_infinity=False),
        "c": st.integers(-3, 3),
        "t": st.sampled_from(["x", "y", "z"]),
        "s": st.booleans(),
        "d": st.sampled_from([date(2024, 1, 1), date(2023, 12, 31)]),
        "l": st.just(["x"]),
    }
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(UTTRYKK, _TYPET)
def test_inline_uttrykk_med_riktige_arter_er_lukningen(
    tekst: str, verdier: dict[str, object]
) -> None:
    _sammenlign(_parse(tekst), verdier)


@pytest.mark.parametrize(
    ("tekst", "kode"),
    [
        ("a >= 18", "(l0 >= (18))"),
        ("a + b", "pluss(l0, l1)"),
        ("b * 2.5", "ganger_d(l0, K0)"),
        ("max(a - b, 0)", "storst(minus(l0, l1), (0))"),
        ('t i ["x", "y"] og ikke s', "((l0 in K0) and (not l1))"),
        ("abs(-c)", "absolutt(negativ(l0))"),
        ("-(c + 1) * 2 < 3", "(ganger(negativ(pluss(l0, (1))), (2)) < (3))"),
    ],
)
def test_vanlige_former_skrives_inline(tekst: str, kode: str) -> None:
    uttrykk = parse(tekst, ARTER)
    konstanter: dict[str, Any] = {}
    lokaler = {n: f"l{i}" for i, n in enumerate(uttrykk.navn)}
    skrevet = Emitter(lokaler, lambda v: _Skriver(konstanter).konstant("K", v)).skriv(uttrykk)
    assert skrevet is not None
    assert skrevet[0] == kode


@pytest.mark.parametrize(
    "tekst",
    ["d + 3 > d", "sum(l) > 0", "avrund(b) == 0", "antall(l) > 1", "a i l", "d - d > 0"],
)
def test_andre_former_er_lukningen(tekst: str) -> None:
    """Date arithmetic, lists from facts and the other functions stay the closure's call."""
    assert _kompiler(parse(tekst, ARTER)) is None


def test_deling_paa_null_er_samme_feil() -> None:
    """Division by a zero fact raises inside the inline code; the closure names the error."""
    uttrykk = parse("a / c > 1", ARTER)
    kompilert = _kompiler(uttrykk)
    assert kompilert is not None
    with pytest.raises(FEIL):
        kompilert[0]({"a": 1, "c": 0})
    with pytest.raises(UttrykkFeil, match="deling på null"):
        uttrykk.evaluer({"a": 1, "c": 0})


def test_desimal_beholder_eksponent() -> None:
    """``max(b, 0)`` keeps the closure's winner and its exponent (``Decimal('0.00')``)."""
    uttrykk = parse("max(b, 0)", ARTER)
    kompilert = _kompiler(uttrykk)
    assert kompilert is not None
    for b in (Decimal("0.00"), Decimal("-0"), Decimal("12.30"), Decimal("-5")):
        assert _lik(kompilert[0]({"b": b}), uttrykk.evaluer({"b": b}))


_STEG_INN = (
    "livsopphold.satssum",
    "livsopphold.boutgifter",
    "livsopphold.andre_utgifter",
    "livsopphold.inntekt_medregnet",
    "livsopphold.engangsutgifter",
)
_BELOP = st.one_of(
    st.decimals(-(10**5), 10**5, places=2, allow_nan=False, allow_infinity=False),
    st.integers(-(10**5), 10**5),
    VERDI,
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({n: _BELOP for n in _STEG_INN}))
def test_kompilerte_steg_er_tolkens(verdier: dict[str, object]) -> None:
    """The § 18 steps compiled (earlier steps read from their locals, unguarded) give the
    interpreter's values, types and exponents, or the same named ``RegelFeil``."""
    bok = standard_regelbok()
    dag = date(2024, 6, 3)
    program = program_for(bok, dag, bok.versjoner_i_kraft(dag))
    steg = program.mellomregninger["stl-18-utmaling"]
    assert steg is not None
    regel = program.i_kraft["stl-18-utmaling"]

    def kjor(f: Any) -> object:
        try:
            return f()
        except RegelFeil as e:
            return ("feil", str(e))

    forventet = kjor(lambda: mellomregn(regel, dict(verdier)))
    fikk = kjor(lambda: steg(dict(verdier)))
    if isinstance(forventet, dict):
        assert isinstance(fikk, dict)
        assert fikk.keys() == forventet.keys()
        for n in forventet:
            assert _lik(fikk[n], forventet[n]) or (fikk[n] is forventet[n]), n
    else:
        assert fikk == forventet
