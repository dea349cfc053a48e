"""Tests for the rule-file expression language (``sosialregler.lov.rulebook.expr``).

Rule files are data written by legal experts and may be hostile, so besides the language
itself these tests pin down that every bad input fails at *parse* time with a Norwegian
message and a position, that evaluation never lets a bare Python exception escape, and
that nothing in an expression can reach Python itself.
"""

from __future__ import annotations

import io
import pickle
import tokenize
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosialregler.lov.rulebook import expr
from sosialregler.lov.rulebook.expr import (
    FUNKSJONER,
    MAKS_DYBDE,
    MAKS_LENGDE,
    MAKS_TALL,
    Uttrykk,
    UttrykkFeil,
    parse,
)


def verdi(tekst: str, verdier: Mapping[str, object] | None = None) -> object:
    """Parse and evaluate in one step."""
    return parse(tekst).evaluer(verdier or {})


def parsefeil(tekst: str) -> UttrykkFeil:
    """The parse error for ``tekst``; fails the test if it parses."""
    with pytest.raises(UttrykkFeil) as info:
        parse(tekst)
    return info.value


def evalfeil(tekst: str, verdier: Mapping[str, object] | None = None) -> UttrykkFeil:
    """The error ``tekst`` gives with ``verdier``: at parse when it can be known then (a part
    made only of constants is computed when the rules load), else at evaluation. Either way
    the same wording and position."""
    try:
        uttrykk = parse(tekst)
    except UttrykkFeil as feil:
        return feil
    with pytest.raises(UttrykkFeil) as info:
        uttrykk.evaluer(verdier or {})
    return info.value


# ---------------------------------------------------------------------------------------
# Literals


@pytest.mark.parametrize(
    ("tekst", "forventet"),
    [
        ("12", 12),
        ("1_000", 1000),
        ("1_000_000", 1_000_000),
        ("0", 0),
        ("2.041", Decimal("2.041")),
        ("0.5", Decimal("0.5")),
        ("1_000.25", Decimal("1000.25")),
        ('"barnetrygd"', "barnetrygd"),
        ('""', ""),
        ('"si \\"hei\\""', 'si "hei"'),
        ('"a\\\\b"', "a\\b"),
        ('"kontantstøtte"', "kontantstøtte"),
        ("sann", True),
        ("usann", False),
        ("2022-09-01", date(2022, 9, 1)),
        ("2024-02-29", date(2024, 2, 29)),
        ('["a", "b", 3]', ("a", "b", 3)),
        ("[]", ()),
        ("[-1, 2.5, 2022-01-01, sann]", (-1, Decimal("2.5"), date(2022, 1, 1), True)),
        (str(MAKS_TALL), MAKS_TALL),
        (f"-{MAKS_TALL}", -MAKS_TALL),
    ],
)
def test_literaler(tekst: str, forventet: object) -> None:
    resultat = verdi(tekst)
    assert resultat == forventet
    assert type(resultat) is type(forventet)


def test_heltall_forblir_int_og_desimaltall_blir_decimal() -> None:
    assert type(verdi("1 + 2")) is int
    assert type(verdi("1 + 0.5")) is Decimal
    assert verdi("1 + 0.5") == Decimal("1.5")


# ---------------------------------------------------------------------------------------
# Operators and precedence


@pytest.mark.parametrize(
    ("tekst", "forventet"),
    [
        ("1 + 2 * 3 == 7", True),
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),
        ("10 - (4 - 3)", 9),
        ("2 * 3 - 4 * 5", -14),
        ("-2 * 3", -6),
        ("- -2", 2),
        ("-(2 + 3)", -5),
        ("3 - -2", 5),
        ("7 / 2", Decimal("3.5")),
        ("6 / 3", Decimal(2)),
        ("1 / 3 * 3", Decimal("0.9999999999999999999999999999")),
        ("2.5 * 2", Decimal("5.0")),
        ("0.1 + 0.2 == 0.3", True),
        ("1 == 1.0", True),
        ("1 != 2", True),
        ("1 < 2", True),
        ("2 <= 2", True),
        ("3 > 2", True),
        ("2 >= 3", False),
        ("-5 < -4", True),
        ('"a" == "a"', True),
        ('"a" != "b"', True),
        ("sann == sann", True),
        ("sann != usann", True),
        ("ikke sann eller sann", True),
        ("ikke (sann eller sann)", False),
        ("sann eller usann og usann", True),
        ("(sann eller usann) og usann", False),
        ("ikke ikke sann", True),
        ("ikke 1 > 2", True),
        ("1 + 1 == 2 og 2 * 2 == 4", True),
        ("1 < 2 og 2 < 3", True),
        ("usann eller usann eller sann", True),
        ("sann og sann og usann", False),
        ("((((1))))", 1),
    ],
)
def test_operatorer_og_presedens(tekst: str, forventet: object) -> None:
    resultat = verdi(tekst)
    assert resultat == forventet
    assert type(resultat) is type(forventet)


def test_og_eller_kortslutter() -> None:
    # The right side would fail (missing value, or not a bool) if it were evaluated.
    assert verdi("usann og mangler") is False
    assert verdi("sann eller mangler") is True
    assert verdi("x > 1 og y", {"x": 0}) is False


def test_og_eller_ikke_krever_sannhetsverdier() -> None:
    feil = evalfeil("x og sann", {"x": 1})
    assert "'og' krever sannhetsverdier, fikk tall" in feil.melding
    assert feil.posisjon == 0
    feil = evalfeil('usann eller "ja"')
    assert "'eller' krever sannhetsverdier, fikk tekst" in feil.melding
    assert feil.posisjon == 12
    feil = evalfeil("ikke x", {"x": 0})
    assert "'ikke' krever sannhetsverdier, fikk tall" in feil.melding


def test_faktaverdier_brukes() -> None:
    assert verdi("soker.alder >= 18", {"soker.alder": 18}) is True
    assert verdi("soker.alder >= 18", {"soker.alder": 17}) is False
    assert verdi("livsopphold.udekket_behov > 0", {"livsopphold.udekket_behov": 1}) is True
    assert verdi("ikke aktivitetsplikt.vilkar_satt", {"aktivitetsplikt.vilkar_satt": False})
    assert verdi("18 <= soker.alder", {"soker.alder": Decimal("18.5")}) is True
    assert verdi("a * b", {"a": 3, "b": Decimal("0.5")}) == Decimal("1.5")


def test_float_gjores_om_til_decimal_via_str() -> None:
    resultat = verdi("x + 0.2", {"x": 0.1})
    assert resultat == Decimal("0.3")
    assert type(resultat) is Decimal
    assert verdi("x == 0.1", {"x": 0.1}) is True


# ---------------------------------------------------------------------------------------
# Strict types at evaluation


@pytest.mark.parametrize(
    ("tekst", "verdier", "del_av_melding"),
    [
        ("x < 1", {"x": date(2022, 1, 1)}, "kan ikke sammenligne dato med tall"),
        ("x == 1", {"x": "1"}, "kan ikke sammenligne tekst med tall"),
        ("x != 1", {"x": "1"}, "kan ikke sammenligne tekst med tall"),
        ("x == 1", {"x": True}, "kan ikke sammenligne sannhetsverdi med tall"),
        ("x >= 1", {"x": True}, "kan ikke sammenligne sannhetsverdi med tall"),
        ('"a" < "b"', {}, "'<' kan bare brukes på tall og datoer, ikke på tekst"),
        ("sann > usann", {}, "'>' kan bare brukes på tall og datoer, ikke på sannhetsverdi"),
        ("[1] == [1]", {}, "lister kan ikke sammenlignes med '=='"),
        ("x == 1", {"x": [1]}, "kan ikke sammenligne liste med tall"),
        ("x == 1", {"x": None}, "ingen verdi (None) kan ikke brukes i uttrykk"),
        ("x == 1", {"x": object()}, "ukjent type (object) kan ikke brukes i uttrykk"),
        ("x < y", {"x": date(2022, 1, 1), "y": datetime(2022, 1, 1)}, "dato med klokkeslett"),
        ("x > 1", {"x": float("nan")}, "ugyldig tall nan"),
        ("x > 1", {"x": Decimal("Infinity")}, "ugyldig tall Infinity"),
        ("x > 0.5", {"x": Decimal("NaN")}, "ugyldig tall NaN"),
        ("x == 0.5", {"x": Decimal("NaN")}, "ugyldig tall NaN"),
        ('"a" + "b"', {}, "kan ikke bruke '+' på tekst og tekst"),
        ('"a" * 2', {}, "kan ikke bruke '*' på tekst og tall"),
        ("x + 1", {"x": True}, "kan ikke bruke '+' på sannhetsverdi og tall"),
        ("sann * 2", {}, "kan ikke bruke '*' på sannhetsverdi og tall"),
        ("-x", {"x": True}, "'-' krever tall, fikk sannhetsverdi"),
        ("-2022-01-01", {}, "'-' krever tall, fikk dato"),
        ("2022-01-01 * 2", {}, "kan ikke bruke '*' på dato og tall"),
        ("1 - 2022-01-01", {}, "kan ikke bruke '-' på tall og dato"),
        ("2022-01-01 + 2022-01-01", {}, "kan ikke bruke '+' på dato og dato"),
        ("[1] + 1", {}, "kan ikke bruke '+' på liste og tall"),
        ("1 / 0", {}, "deling på null"),
        ("x / 0.0", {"x": 1}, "deling på null"),
    ],
)
def test_typefeil_ved_evaluering(
    tekst: str, verdier: dict[str, object], del_av_melding: str
) -> None:
    feil = evalfeil(tekst, verdier)
    assert del_av_melding in feil.melding
    assert feil.uttrykk == tekst
    assert feil.posisjon is not None
    assert isinstance(feil, ValueError)


def test_evalueringsfeil_peker_pa_operatoren() -> None:
    feil = evalfeil("a + b * c", {"a": 1, "b": 2, "c": "x"})
    assert feil.posisjon == 6
    assert "'*'" in feil.melding


def test_manglende_verdi_blir_uttrykkfeil_ikke_keyerror() -> None:
    feil = evalfeil("a + soker.alder", {"a": 1})
    assert not isinstance(feil, KeyError)
    assert "mangler verdi for 'soker.alder'" in feil.melding
    assert feil.posisjon == 4
    # The same for the fast comparison path.
    feil = evalfeil("soker.alder >= 18")
    assert "mangler verdi for 'soker.alder'" in feil.melding
    assert feil.posisjon == 0


def test_verdier_som_ikke_er_en_mapping_gir_uttrykkfeil() -> None:
    uttrykk = parse("x > 1")
    with pytest.raises(UttrykkFeil, match="uventet feil under evaluering"):
        uttrykk.evaluer(None)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Dates


def test_datoer() -> None:
    d = {"vurderingsdato": date(2022, 9, 1)}
    assert verdi("vurderingsdato >= 2022-09-01", d) is True
    assert verdi("vurderingsdato < 2022-09-01", d) is False
    assert verdi("vurderingsdato == 2022-09-01", d) is True
    assert verdi("2022-09-01 - 2022-08-01") == 31
    assert type(verdi("2022-09-01 - 2022-08-01")) is int
    assert verdi("2022-09-01 + 30") == date(2022, 10, 1)
    assert verdi("30 + 2022-09-01") == date(2022, 10, 1)
    assert verdi("2022-03-01 - 1") == date(2022, 2, 28)
    assert verdi("vurderingsdato - x", {**d, "x": Decimal("2")}) == date(2022, 8, 30)
    assert verdi("max(2022-01-01, vurderingsdato)", d) == date(2022, 9, 1)


def test_datofeil_ved_evaluering() -> None:
    feil = evalfeil("2022-01-01 + 0.5")
    assert "antall dager må være et heltall, fikk 0.5" in feil.melding
    feil = evalfeil("9999-12-31 + 1")
    assert "datoen havner utenfor gyldig område" in feil.melding
    feil = evalfeil("x + 1", {"x": datetime(2022, 1, 1, 12, 0)})
    assert "dato med klokkeslett kan ikke brukes" in feil.melding


@pytest.mark.parametrize(
    ("tekst", "del_av_melding", "posisjon"),
    [
        ("2022-13-01", "umulig dato '2022-13-01'", 0),
        ("x > 2023-02-29", "umulig dato '2023-02-29'", 4),
        ("0000-01-01", "umulig dato", 0),
        ("2022-9-1", "ugyldig dato '2022-9-1'; datoer skrives ÅÅÅÅ-MM-DD", 0),
        ("2022-09-011", "ugyldig dato '2022-09-011'", 0),
        ("2022-09-01x", "ugyldig dato '2022-09-01x'", 0),
        ("2022-09-01.5", "ugyldig dato", 0),
    ],
)
def test_ugyldige_datoer(tekst: str, del_av_melding: str, posisjon: int) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon == posisjon


def test_dato_uten_mellomrom_er_dato_og_ikke_subtraksjon() -> None:
    assert verdi("2022-09-01") == date(2022, 9, 1)
    assert verdi("2022 - 09 - 01") == 2012


# ---------------------------------------------------------------------------------------
# Membership


def test_medlemskap_i_listeliteral() -> None:
    tekst = 'inntekt.type i ["barnetrygd", "kontantstotte"] og vurderingsdato >= 2022-09-01'
    uttrykk = parse(tekst)
    ja = {"inntekt.type": "barnetrygd", "vurderingsdato": date(2022, 9, 1)}
    nei = {"inntekt.type": "lonn", "vurderingsdato": date(2022, 9, 1)}
    assert uttrykk.evaluer(ja) is True
    assert uttrykk.evaluer(nei) is False
    assert verdi('x ikke i ["a", "b"]', {"x": "c"}) is True
    assert verdi('x ikke i ["a", "b"]', {"x": "a"}) is False
    assert verdi("x i [1, 2.5, 3]", {"x": Decimal("2.50")}) is True
    assert verdi("x i [1, 2]", {"x": 1.0}) is True
    assert verdi("x i [2022-01-01]", {"x": date(2022, 1, 1)}) is True
    assert verdi("x i []", {"x": 1}) is False
    assert verdi("x ikke i []", {"x": 1}) is True
    assert verdi('x i ["a", 1]', {"x": 1}) is True
    assert verdi('x i ["a", 1]', {"x": "b"}) is False
    assert verdi("1 + 1 i [2]") is True


@pytest.mark.parametrize("beholder", [list, tuple, set, frozenset])
def test_medlemskap_i_navngitt_liste(beholder: type) -> None:
    verdier = {"x": "b", "lovlige": beholder(["a", "b"])}
    assert verdi("x i lovlige", verdier) is True
    assert verdi("x ikke i lovlige", verdier) is False
    assert parse("x i lovlige").navn == ("x", "lovlige")


def test_medlemskap_krever_samme_art() -> None:
    feil = evalfeil("sann i [1]")
    assert "kan ikke lete etter sannhetsverdi i en liste av tall" in feil.melding
    feil = evalfeil('x i ["a"]', {"x": 1})
    assert "kan ikke lete etter tall i en liste av tekst" in feil.melding
    feil = evalfeil("x i y", {"x": 1, "y": ["a"]})
    assert "kan ikke lete etter tall i en liste av tekst" in feil.melding
    feil = evalfeil("x i [1]", {"x": [1]})
    assert "venstre side av 'i' kan ikke være en liste" in feil.melding


def test_medlemskap_hoyre_side_ma_vaere_liste() -> None:
    feil = evalfeil("x i y", {"x": "a", "y": "abc"})
    assert "høyre side av 'i' må være en liste, men 'y' er tekst" in feil.melding
    assert feil.posisjon == 4
    feil = evalfeil("x ikke i y", {"x": 1, "y": [[1]]})
    assert "lister inne i lister støttes ikke" in feil.melding


@pytest.mark.parametrize(
    ("tekst", "del_av_melding", "posisjon"),
    [
        ("x i 1", "etter 'i' må det stå en liste [...] eller et navn, fant tallet 1", 4),
        ('x i "abc"', "etter 'i' må det stå en liste", 4),
        ("x i (y)", "etter 'i' må det stå en liste", 4),
        ("x i min(y)", "etter 'i' må det stå en liste", 4),
        ("x ikke i", "etter 'ikke i' må det stå en liste", 8),
        ("x ikke y", "forventet 'i' etter 'ikke'", 2),
        ("x i [y]", "bare enkle verdier (tall, tekst, dato, sann, usann) kan stå i en liste", 5),
        ("x i [[1]]", "bare enkle verdier", 5),
        ("x i [1 + 1]", "forventet ',' eller ']' i listen, fant '+'", 7),
        ("x i [1,]", "komma til slutt i listen er ikke tillatt", 6),
        ("x i [,1]", "bare enkle verdier", 5),
        ("x i [1 2]", "forventet ',' eller ']' i listen, fant tallet 2", 7),
        ("x i [1, 2", "listen mangler avsluttende ']'", 4),
        ("x i [1,", "listen mangler avsluttende ']'", 4),
        ("x i [1] i [2]", "sammenligninger kan ikke kjedes", 8),
    ],
)
def test_medlemskap_parsefeil(tekst: str, del_av_melding: str, posisjon: int) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon == posisjon


# ---------------------------------------------------------------------------------------
# Functions


@pytest.mark.parametrize(
    ("tekst", "forventet"),
    [
        ("avrund(168760.77)", 168761),
        ("avrund(253141.15)", 253141),
        ("avrund(0.5)", 1),
        ("avrund(1.5)", 2),
        ("avrund(2.5)", 3),
        ("avrund(2.49)", 2),
        ("avrund(-0.5)", -1),
        ("avrund(-2.4)", -2),
        ("avrund(7)", 7),
        ("avrund(10 / 4)", 3),
        ("min(3, 1, 2)", 1),
        ("min(3)", 3),
        ("min(2, 1.5)", Decimal("1.5")),
        ("max(3, 1, 2)", 3),
        ("max(1, 2.5)", Decimal("2.5")),
        ("min(2022-01-02, 2022-01-01)", date(2022, 1, 1)),
        ("abs(-3)", 3),
        ("abs(3)", 3),
        ("abs(-2.5)", Decimal("2.5")),
        ("antall([])", 0),
        ('antall(["a", "b", 3])', 3),
        ("sum([])", 0),
        ("sum([1, 2, 3])", 6),
        ("sum([1, 2.5])", Decimal("3.5")),
        ("max(1, min(5, 3)) + abs(-1)", 4),
    ],
)
def test_funksjoner(tekst: str, forventet: object) -> None:
    resultat = verdi(tekst)
    assert resultat == forventet
    assert type(resultat) is type(forventet)


def test_funksjoner_med_faktaverdier() -> None:
    verdier = {"barn": ["a", "b"], "belop": (Decimal("100.50"), 200, 0.25)}
    assert verdi("antall(barn)", verdier) == 2
    assert verdi("sum(belop)", verdier) == Decimal("300.75")
    assert verdi("avrund(sum(belop))", verdier) == 301
    assert verdi("antall(s)", {"s": frozenset({1, 2, 3})}) == 3


@pytest.mark.parametrize(
    ("tekst", "verdier", "del_av_melding"),
    [
        ("min(1, 2022-01-01)", {}, "min() kan ikke blande dato og tall"),
        ('max("a", "b")', {}, "max() tar tall eller datoer, ikke tekst"),
        ("min(x)", {"x": [1, 2]}, "min() tar tall eller datoer, ikke liste"),
        ("abs(2022-01-01)", {}, "abs() krever tall, fikk dato"),
        ("avrund(sann)", {}, "avrund() krever tall, fikk sannhetsverdi"),
        ("antall(3)", {}, "antall() krever en liste, fikk tall"),
        ("antall(x)", {"x": "tekst"}, "antall() krever en liste, fikk tekst"),
        ('sum(["a"])', {}, "sum() krever en liste av tall, men listen har tekst"),
        ("sum([sann])", {}, "sum() krever en liste av tall, men listen har sannhetsverdi"),
        ("sum(1)", {}, "sum() krever en liste, fikk tall"),
    ],
)
def test_funksjonsfeil_ved_evaluering(
    tekst: str, verdier: dict[str, object], del_av_melding: str
) -> None:
    feil = evalfeil(tekst, verdier)
    assert del_av_melding in feil.melding
    assert feil.posisjon == 0


@pytest.mark.parametrize(
    ("tekst", "del_av_melding", "posisjon"),
    [
        ("min()", "min() tar minst 1 argument, fikk 0", 0),
        ("max()", "max() tar minst 1 argument, fikk 0", 0),
        ("abs(1, 2)", "abs() tar nøyaktig 1 argument, fikk 2", 0),
        ("1 + avrund()", "avrund() tar nøyaktig 1 argument, fikk 0", 4),
        ("antall(x, y)", "antall() tar nøyaktig 1 argument, fikk 2", 0),
        ("sum([1], [2])", "sum() tar nøyaktig 1 argument, fikk 2", 0),
        ("min(1, 2", "forventet ',' eller ')' i kallet på min() ved posisjon 3", 8),
        ("min(1 2)", "forventet ',' eller ')' i kallet på min()", 6),
        ("min(1,)", "forventet et tall, en tekst, en dato, et navn eller '('", 6),
    ],
)
def test_funksjonskall_parsefeil(tekst: str, del_av_melding: str, posisjon: int) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon == posisjon


@pytest.mark.parametrize("navn", ["foo", "print", "len", "open", "round", "x.y", "soker.alder"])
def test_ukjent_funksjon_lister_de_tillatte(navn: str) -> None:
    feil = parsefeil(f"{navn}(1)")
    assert f"ukjent funksjon '{navn}'" in feil.melding
    # Every whitelisted function, in name order (the list grows as the language does).
    assert ", ".join(sorted(expr.FUNKSJONER)) in feil.melding
    assert "abs, antall, avrund" in feil.melding
    assert feil.posisjon == 0


def test_funksjonslisten_er_fast_og_skrivebeskyttet() -> None:
    assert set(FUNKSJONER) == {
        *("min", "max", "abs", "avrund", "antall", "sum"),
        *("delt_kroner", "delt_ore"),  # kvpregler (issue 17): the KVP stønad
        *("sats", "barnesats", "oppslag"),  # satser (issue 17): rate lookups
        *("hvis", "oppfylt", "pluss_maneder", "heltall_delt"),  # velg (issue 17)
    }
    with pytest.raises(TypeError):
        FUNKSJONER["eval"] = FUNKSJONER["abs"]  # type: ignore[index]


# ---------------------------------------------------------------------------------------
# Names


def test_navn_i_rekkefolge_uten_duplikater() -> None:
    uttrykk = parse("b + a > c og a < min(b, d) og e i f og abs(a) > 0")
    assert uttrykk.navn == ("b", "a", "c", "d", "e", "f")
    assert parse("1 + 2").navn == ()
    assert parse('inntekt.person.rolle == "soker"').navn == ("inntekt.person.rolle",)


def test_navn_med_punktum_er_ett_navn() -> None:
    # Looked up whole: there is no attribute access on values.
    assert verdi("a.b", {"a.b": 1}) == 1
    feil = evalfeil("a.b", {"a": {"b": 1}})
    assert "mangler verdi for 'a.b'" in feil.melding


def test_navn_som_likner_nokkelord_er_vanlige_navn() -> None:
    assert verdi("soker.i + ogx + ikke_noe", {"soker.i": 1, "ogx": 2, "ikke_noe": 3}) == 6
    assert verdi("min + 1", {"min": 1}) == 2  # a function name is a fact when not called


@pytest.mark.parametrize(
    ("tekst", "del_av_melding", "posisjon"),
    [
        ("Soker.alder", "navn skrives med små bokstaver: 'Soker.alder'", 0),
        ("soker.Alder", "navn skrives med små bokstaver", 6),
        ("True", "skriv 'sann'", 0),
        ("søker", "navn kan bare inneholde a-z, 0-9, _ og punktum, ikke 'ø'", 1),
        ("x == ålder", "ikke 'å'", 5),
        ("a..b", "tomt ledd i navnet 'a..b'", 2),
        ("a.", "tomt ledd i navnet 'a.'", 2),
        ("a.5", "et ledd i et navn kan ikke begynne med et siffer: '5'", 2),
        ("__x", "ledd som begynner med to understreker (__) er ikke tillatt: '__x'", 0),
        ("a.__class__", "ledd som begynner med to understreker (__) er ikke tillatt", 2),
        ("a.__class__.__bases__", "'__class__'", 2),
        ("ingen", "'ingen' (tom verdi) støttes ikke", 0),
        ("x == ingen", "'ingen' (tom verdi) støttes ikke", 5),
    ],
)
def test_ugyldige_navn(tekst: str, del_av_melding: str, posisjon: int) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon == posisjon


def test_enkel_understrek_er_tillatt() -> None:
    assert verdi("_x + a._b", {"_x": 1, "a._b": 2}) == 3


# ---------------------------------------------------------------------------------------
# Numbers and strings


@pytest.mark.parametrize(
    ("tekst", "del_av_melding"),
    [
        (str(MAKS_TALL + 1), "tallet er for stort (maks 1000000000000000 i absoluttverdi)"),
        (f"-{MAKS_TALL + 1}", "tallet er for stort"),
        ("9" * 1500, "tallet er for stort"),
        ("10000000000000000.5", "tallet er for stort"),
        ("1e999999", "ugyldig tall '1e999999'"),
        ("1E5", "ugyldig tall '1E5'"),
        ("0x10", "ugyldig tall '0x10'"),
        ("1.", "ugyldig tall '1.'"),
        ("1.2.3", "ugyldig tall '1.2.3'"),
        ("1__0", "ugyldig tall '1__0'"),
        ("1_", "ugyldig tall '1_'"),
        ("12abc", "ugyldig tall '12abc'"),
    ],
)
def test_ugyldige_tall(tekst: str, del_av_melding: str) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon == tekst.index(tekst.lstrip("-")[0])


def test_tall_med_innledende_nuller_er_tillatt() -> None:
    assert verdi("007") == 7
    assert verdi("0000000000000000000000001") == 1


@pytest.mark.parametrize(
    ("tekst", "del_av_melding", "posisjon"),
    [
        ('"abc', 'teksten mangler avsluttende anførselstegn (")', 0),
        ('x == "abc', "teksten mangler avsluttende anførselstegn", 5),
        ('"abc\\"', "teksten mangler avsluttende anførselstegn", 0),
        ('"abc\\', "teksten mangler avsluttende anførselstegn", 0),
        ('"\\x00"', "ugyldig escape '\\x' i tekst; bare \\\" og \\\\ er tillatt", 1),
        ('"a\\nb"', "ugyldig escape '\\n'", 2),
        ('"\\u0041"', "ugyldig escape '\\u'", 1),
        ('"\x00"', "kontrolltegn U+0000 er ikke tillatt i tekst", 1),
        ('"a\nb"', "kontrolltegn U+000A er ikke tillatt i tekst", 2),
        ('"a\u202eb"', "kontrolltegn U+202E er ikke tillatt i tekst", 2),
        ("'abc'", "tekst skrives i doble anførselstegn", 0),
    ],
)
def test_ugyldig_tekst(tekst: str, del_av_melding: str, posisjon: int) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon == posisjon


# ---------------------------------------------------------------------------------------
# Syntax errors


@pytest.mark.parametrize(
    ("tekst", "del_av_melding", "posisjon"),
    [
        ("", "uttrykket er tomt", 0),
        ("   \n ", "uttrykket er tomt", 0),
        ("a b", "uventet navnet 'b' etter et fullstendig uttrykk (mangler 'og', 'eller'", 2),
        ("1 2", "uventet tallet 2 etter et fullstendig uttrykk", 2),
        ('a "b"', 'uventet teksten "b" etter et fullstendig uttrykk', 2),
        ("1 (b)", "uventet '(' etter et fullstendig uttrykk", 2),
        ("a (b)", "ukjent funksjon 'a'", 0),
        ("a)", "')' uten tilhørende '('", 1),
        ("(a", "forventet ')' for å lukke '(' ved posisjon 0, fant slutten av uttrykket", 2),
        ("(a b)", "forventet ')' for å lukke '(' ved posisjon 0, fant navnet 'b'", 3),
        ("()", "forventet et tall, en tekst, en dato, et navn eller '(', fant ')'", 1),
        ("1 +", "uttrykket slutter for tidlig", 3),
        ("og", "forventet et tall, en tekst, en dato, et navn eller '(', fant 'og'", 0),
        ("a og", "uttrykket slutter for tidlig", 4),
        ("a og og b", "fant 'og'", 5),
        ("* 2", "fant '*'", 0),
        ("1 < 2 < 3", "sammenligninger kan ikke kjedes ('<' etterfulgt av '<')", 6),
        ("a == b == c", "sammenligninger kan ikke kjedes", 7),
        ("a < b i [1]", "sammenligninger kan ikke kjedes ('<' etterfulgt av 'i')", 6),
        ("a == ikke b", "fant 'ikke'", 5),
        ("x and y", "skriv 'og', ikke 'and'", 2),
        ("x or y", "skriv 'eller', ikke 'or'", 2),
        ("a = 1", "enkelt '=' er ikke tillatt; bruk '==' for likhet", 2),
        ("a => 1", "enkelt '=' er ikke tillatt", 2),
        ("!a", "'!' er ikke tillatt; bruk '!=' eller 'ikke'", 0),
        ("a && b", "'&' er ikke tillatt; bruk 'og'", 2),
        ("a || b", "'|' er ikke tillatt; bruk 'eller'", 2),
        ("a # kommentar", "'#' er ikke tillatt (uttrykk har ikke kommentarer)", 2),
        (".5", "et tall må begynne med et siffer", 0),
        ("2 ** 3", "'**' (potens) finnes ikke i uttrykk", 2),
        ("9**9", "'**' (potens) finnes ikke", 1),
        ("2 ^ 3", "ukjent tegn '^' (U+005E)", 2),
        ("a % 2", "ukjent tegn '%'", 2),
        ("a\u00a0== 1", "ukjent tegn '\\xa0' (U+00A0)", 1),
        ("a\x00", "ukjent tegn kontrolltegn U+0000", 1),
        ("a\u202e== 1", "kontrolltegn U+202E", 1),
        ("a; b", "ukjent tegn ';'", 1),
        ("a\\b", "'\\' er bare tillatt inne i tekst", 1),
        ("{}", "ukjent tegn '{'", 0),
        ("a[0]", "uventet '[' etter et fullstendig uttrykk", 1),
    ],
)
def test_syntaksfeil(tekst: str, del_av_melding: str, posisjon: int) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon == posisjon
    assert feil.uttrykk == tekst


def test_mellomrom_er_fritt() -> None:
    assert verdi("1+2*3==7") is True
    assert verdi(" \t(\n1 +\r\n2 )\n") == 3
    assert verdi("min(1,2)") == 1
    assert verdi("x i[1,2]", {"x": 1}) is True


# ---------------------------------------------------------------------------------------
# Hostile input


@pytest.mark.parametrize(
    ("tekst", "del_av_melding"),
    [
        ('__import__("os")', "to understreker (__)"),
        ('__import__("os").system("ls")', "to understreker (__)"),
        ("a.__class__", "to understreker (__)"),
        ("().__class__.__bases__[0].__subclasses__()", "'.' kan bare stå inne i et navn"),
        ("x.y()", "ukjent funksjon 'x.y'"),
        ('open("/etc/passwd")', "ukjent funksjon 'open'"),
        ('getattr(a, "b")', "ukjent funksjon 'getattr'"),
        ("lambda: 1", "':' er ikke tillatt i uttrykk"),
        ("lambda x: x", "':' er ikke tillatt i uttrykk"),
        ("[x for x in y]", "bare enkle verdier"),
        ("[", "listen mangler avsluttende ']'"),
        ("a b", "etter et fullstendig uttrykk"),
        ("1 < 2 < 3", "sammenligninger kan ikke kjedes"),
        ("9**9", "'**' (potens) finnes ikke"),
        ("9**9**9**9", "'**' (potens) finnes ikke"),
        ("1e999999", "ugyldig tall"),
        ('"\\x00"', "ugyldig escape"),
        ('"\x00"', "kontrolltegn U+0000"),
        ("\ufeffa", "kontrolltegn U+FEFF"),
        ("f'{x}'", "tekst skrives i doble anførselstegn"),
        ("`ls`", "ukjent tegn '`'"),
        ("a := 1", "':' er ikke tillatt"),
        ("a if b else c", "uventet navnet 'if'"),
        ("a.b.c.d[1]", "uventet '['"),
    ],
)
def test_fiendtlig_inndata_avvises_ved_parsing(tekst: str, del_av_melding: str) -> None:
    feil = parsefeil(tekst)
    assert del_av_melding in feil.melding
    assert feil.posisjon is not None


def test_veldig_dyp_nesting_gir_uttrykkfeil_ikke_recursionerror() -> None:
    feil = parsefeil("(" * 10_000)
    assert "uttrykket er for langt (10000 tegn, maks 2000)" in feil.melding
    feil = parsefeil("(" * 10_000 + "1" + ")" * 10_000)
    assert "for langt" in feil.melding
    # Under the length limit, the depth limit catches it.
    feil = parsefeil("(" * 999 + "1" + ")" * 999)
    assert f"uttrykket er nestet for dypt (maks {MAKS_DYBDE} nivåer)" in feil.melding
    assert feil.posisjon == MAKS_DYBDE - 1
    feil = parsefeil("(" * 999)
    assert "nestet for dypt" in feil.melding


@pytest.mark.parametrize(
    "tekst",
    [
        "-" * 500 + "1",
        "ikke " * 300 + "sann",
        "1" + " + 1" * 400,
        "1" + " * 1" * 400,
        "min(" * 300 + "1" + ")" * 300,
        "abs(" * 300 + "1" + ")" * 300,
        "-(" * 300 + "1" + ")" * 300,
    ],
)
def test_lange_kjeder_stoppes_av_dybdegrensen(tekst: str) -> None:
    feil = parsefeil(tekst)
    assert "nestet for dypt" in feil.melding


def test_dybdegrensen_er_akkurat_maks_dybde() -> None:
    assert verdi("(" * (MAKS_DYBDE - 1) + "1" + ")" * (MAKS_DYBDE - 1)) == 1
    feil = parsefeil("(" * MAKS_DYBDE + "1" + ")" * MAKS_DYBDE)
    assert "nestet for dypt" in feil.melding
    # A sum of 40 terms has tree depth 40 (39 '+' nodes over the leaves); 41 is too deep.
    assert verdi(" + ".join(["1"] * MAKS_DYBDE)) == MAKS_DYBDE
    feil = parsefeil(" + ".join(["1"] * (MAKS_DYBDE + 1)))
    assert "nestet for dypt" in feil.melding


def test_lange_og_eller_kjeder_er_flate() -> None:
    # 'og'/'eller' are n-ary, so a long list of conditions stays shallow.
    tekst = " og ".join(f"a{i} > 0" for i in range(150))
    uttrykk = parse(tekst)
    assert len(uttrykk.navn) == 150
    assert uttrykk.evaluer({n: 1 for n in uttrykk.navn}) is True
    assert uttrykk.evaluer({**{n: 1 for n in uttrykk.navn}, "a149": 0}) is False


def test_for_lang_tekst() -> None:
    tekst = '"' + "a" * 100_000 + '"'
    feil = parsefeil(tekst)
    assert f"uttrykket er for langt (100002 tegn, maks {MAKS_LENGDE})" in feil.melding
    assert feil.posisjon == MAKS_LENGDE
    # The message shows an excerpt, not the whole hostile text.
    assert len(str(feil)) < 500
    assert verdi('"' + "a" * (MAKS_LENGDE - 2) + '"') == "a" * (MAKS_LENGDE - 2)


@pytest.mark.parametrize("ikke_tekst", [None, 1, b"1 + 1", ["a"]])
def test_parse_av_noe_annet_enn_tekst(ikke_tekst: object) -> None:
    with pytest.raises(UttrykkFeil, match="uttrykket må være tekst"):
        parse(ikke_tekst)  # type: ignore[arg-type]


def test_modulen_bruker_ikke_pythons_egen_parser() -> None:
    """A regression guard: the safety argument rests on never handing text to Python."""
    kilde = Path(expr.__file__).read_text(encoding="utf-8")
    tokens = list(tokenize.generate_tokens(io.StringIO(kilde).readline))
    navn = [t.string for t in tokens if t.type == tokenize.NAME]
    for forbudt in ("eval", "exec", "__import__", "ast", "getattr", "setattr", "globals"):
        assert forbudt not in navn, forbudt
    for i, t in enumerate(tokens):
        if t.type == tokenize.NAME and t.string == "compile":
            assert tokens[i - 2].string == "re", "only re.compile is allowed"


# ---------------------------------------------------------------------------------------
# The error type and the result type


def test_uttrykkfeil_tekst_har_melding_uttrykk_og_markor() -> None:
    feil = parsefeil("soker.alder >= 18 og og")
    assert isinstance(feil, ValueError)
    assert feil.posisjon == 21
    linjer = str(feil).splitlines()
    assert linjer[0].startswith(feil.melding)
    assert "(posisjon 21)" in linjer[0]
    assert linjer[1] == "  soker.alder >= 18 og og"
    assert linjer[2] == "  " + " " * 21 + "^"


def test_uttrykkfeil_uten_posisjon_og_med_linjeskift() -> None:
    feil = UttrykkFeil("noe er galt", "a\n+ b")
    assert feil.posisjon is None
    assert "^" not in str(feil)
    assert "a + b" in str(feil)
    feil = UttrykkFeil("noe er galt", "a\n+ #", 4)
    assert str(feil).splitlines()[1:] == ["  a + #", "      ^"]


def test_uttrykkfeil_lang_tekst_vises_som_utdrag() -> None:
    tekst = "a" * 500 + " ? " + "b" * 500
    feil = UttrykkFeil("feil", tekst, 501)
    utdrag, markor = str(feil).splitlines()[1:]
    assert utdrag.startswith("  …") and utdrag.endswith("…")
    assert utdrag[markor.index("^")] == "?"


def test_uttrykkfeil_kan_pickles() -> None:
    feil = parsefeil("a b")
    kopi = pickle.loads(pickle.dumps(feil))
    assert (kopi.melding, kopi.uttrykk, kopi.posisjon) == (feil.melding, feil.uttrykk, 2)
    assert str(kopi) == str(feil)


def test_uttrykk_er_frossent_og_sammenlignes_pa_tekst() -> None:
    a = parse("x > 1")
    b = parse("x > 1")
    assert a == b
    assert hash(a) == hash(b)
    assert a != parse("x > 2")
    assert repr(a) == "Uttrykk(tekst='x > 1', navn=('x',))"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.tekst = "y"  # type: ignore[misc]


def test_uttrykk_kan_evalueres_mange_ganger() -> None:
    uttrykk = parse("soker.alder >= 18 og inntekt < 1000")
    resultater = [
        uttrykk.evaluer({"soker.alder": alder, "inntekt": 500}) for alder in range(15, 22)
    ]
    assert resultater == [False, False, False, True, True, True, True]


# ---------------------------------------------------------------------------------------
# Properties


class _Del:
    """A generated arithmetic expression: its text, its value and its precedence."""

    def __init__(self, tekst: str, verdi: int, presedens: int) -> None:
        self.tekst = tekst
        self.verdi = verdi
        self.presedens = presedens  # 1: + -, 2: *, 3: atom


def _blad(n: int) -> _Del:
    return _Del(str(n), n, 3)


def _kombiner(
    par: tuple[_Del, str, _Del, bool, str],
) -> _Del:
    venstre, op, hoyre, ekstra_parentes, mellomrom = par
    presedens = 1 if op in "+-" else 2
    vt, ht = venstre.tekst, hoyre.tekst
    # Only the parentheses the precedence needs, so the parser's precedence is tested.
    if venstre.presedens < presedens:
        vt = f"({vt})"
    if hoyre.presedens < presedens or (hoyre.presedens == presedens and op == "-"):
        ht = f"({ht})"
    tekst = f"{vt}{mellomrom}{op}{mellomrom}{ht}"
    if op == "+":
        resultat = venstre.verdi + hoyre.verdi
    elif op == "-":
        resultat = venstre.verdi - hoyre.verdi
    else:
        resultat = venstre.verdi * hoyre.verdi
    if ekstra_parentes:
        return _Del(f"({tekst})", resultat, 3)
    return _Del(tekst, resultat, presedens)


_aritmetikk = st.recursive(
    st.integers(min_value=-30, max_value=30).map(_blad),
    lambda barn: st.tuples(
        barn, st.sampled_from("+-*"), barn, st.booleans(), st.sampled_from(["", " ", "  "])
    ).map(_kombiner),
    max_leaves=25,
)


@given(_aritmetikk)
def test_aritmetikk_som_python_heltall(del_: _Del) -> None:
    resultat = parse(del_.tekst).evaluer({})
    assert resultat == del_.verdi
    assert type(resultat) is int


@given(st.text(max_size=200))
@settings(max_examples=500)
def test_vilkarlig_tekst_gir_bare_uttrykkfeil(tekst: str) -> None:
    try:
        uttrykk = parse(tekst)
    except UttrykkFeil as feil:
        assert feil.uttrykk == tekst
        assert feil.melding
        assert feil.posisjon is None or 0 <= feil.posisjon <= len(tekst)
    else:
        assert isinstance(uttrykk, Uttrykk)
        assert uttrykk.tekst == tekst


_BITER = [
    "og", "eller", "ikke", "i", "sann", "usann", "(", ")", "[", "]", ",", "-", "+", "*",
    "/", "==", "!=", "<", "<=", ">", ">=", "0", "1", "2.5", "2022-09-01", '"a"', "a", "b",
    "a.b", "min(", "max(", "abs(", "avrund(", "antall(", "sum(",
]  # fmt: skip
_VERDIER = st.one_of(
    st.integers(-5, 5),
    st.decimals(allow_nan=True, allow_infinity=True, places=2),
    st.floats(),
    st.booleans(),
    st.text(max_size=3),
    st.dates(),
    st.none(),
    st.lists(st.integers(-3, 3), max_size=3),
    st.lists(st.text(max_size=2), max_size=3),
)


@given(st.lists(st.sampled_from(_BITER), min_size=1, max_size=25), st.data())
@settings(max_examples=500)
def test_tilfeldige_tokenrekker_gir_bare_uttrykkfeil(biter: list[str], data: st.DataObject) -> None:
    tekst = " ".join(biter)
    try:
        uttrykk = parse(tekst)
    except UttrykkFeil as feil:
        assert feil.uttrykk == tekst
        return
    verdier = {n: data.draw(_VERDIER, label=n) for n in uttrykk.navn}
    try:
        resultat = uttrykk.evaluer(verdier)
    except UttrykkFeil as feil:
        assert feil.melding
    else:
        # A computed value has one of the language's kinds; a bare name passes its value on.
        som_inndata = any(resultat is v for v in verdier.values())
        assert som_inndata or isinstance(resultat, int | Decimal | bool | str | date | tuple)
