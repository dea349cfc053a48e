"""Issue 17, «the law as rules»: what the rule language could not say, and now says.

* a value chosen by a rule's outcome: ``hvis(oppfylt("regel-id"), a, b)`` (KVP's rate, chosen
  by stl-35-under-25 in rules/stl-35-kvalifiseringsstonad.toml);
* month arithmetic: ``pluss_maneder(dato, n)`` (``lov.kalender``, also § 27's month);
* whole-number division: ``heltall_delt(a, b)`` (§ 18's whole months the assets cover).

Each on the three evaluators (the interpreter's closures, the compiled engine's inline code, the
columnar numpy writer), at load (kinds, hostile input) and in whole cases; and a change in the
rule file changes the value with no code changed.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosialregler import assess, regelbok
from sosialregler.inndata.errors import RegelFeil
from sosialregler.inndata.ukjent import Ukjent
from sosialregler.lov import outcome
from sosialregler.lov.kalender import pluss_maneder
from sosialregler.lov.kompilator import kolonne as generator
from sosialregler.lov.rulebook.expr import (
    MAKS_MANEDER,
    UttrykkFeil,
    parse,
    utfallsnavn,
    utfallsregel,
)
from sosialregler.lov.rulebook.mellomregning import mellomregn
from sosialregler.lov.tree import Node
from sosialregler.vurdering import stegvis
from sosialregler.vurdering.areas import botilbud
from test_botilbud import plain_add_months
from test_kompilator_uttrykk import VERDI, _kompiler, _sammenlign
from test_kvalifiseringsstonad import kvp_sak, ut
from test_livsopphold import livsopphold
from test_livsopphold import sak as livsoppholdssak
from test_regelfiler_fiendtlige import last_under_oppsyn

ROT = Path(__file__).resolve().parent.parent
UNDER_25 = "stl-35-under-25"
ARTER = {"a": "tall", "b": "belop", "s": "sannhetsverdi", "d": "dato", "t": "tekst"}


def feil(tekst: str, verdier: Mapping[str, object] | None = None) -> UttrykkFeil:
    """The error parsing (or, with ``verdier``, evaluating) ``tekst`` gives."""
    with pytest.raises(UttrykkFeil) as e:
        uttrykk = parse(tekst, ARTER)
        if verdier is not None:
            uttrykk.evaluer(verdier)
    return e.value


# --- hvis ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("s", "svar"), [(True, 1), (False, Decimal("2.50"))])
def test_hvis_velger_gren(s: bool, svar: object) -> None:
    x = parse("hvis(s, a, b)", ARTER).evaluer({"s": s, "a": 1, "b": Decimal("2.50")})
    assert (type(x), x) == (type(svar), svar)


def test_hvis_regner_bare_ut_grenen_den_velger() -> None:
    """``hvis(b > 0, heltall_delt(a, b), 0)`` never divides by zero; the untaken branch may
    even read a fact that is not given."""
    u = parse("hvis(b > 0, heltall_delt(a, b), 0)", ARTER)
    assert u.evaluer({"a": 7, "b": 0}) == 0
    assert u.evaluer({"a": 7, "b": 2}) == 3
    assert parse("hvis(s, 1, a)", ARTER).evaluer({"s": True}) == 1


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("hvis(a, 1, 2)", "hvis() krever en sannhetsverdi først, fikk tall"),
        ("hvis(s, 1, d)", "hvis() må gi samme art i begge grener, fikk tall og dato"),
        ('hvis(s, "x", 2)', "hvis() må gi samme art i begge grener, fikk tekst og tall"),
        ("hvis(s, [1], [2])", "hvis() kan ikke gi en liste"),
        ("hvis(s, 1)", "hvis() tar nøyaktig 3 argumenter, fikk 2"),
        ("hvis(1 == 1, 1 / 0, 2)", "deling på null"),
    ],
)
def test_hvis_feil_ved_lasting(tekst: str, melding: str) -> None:
    assert melding in feil(tekst).melding


def test_hvis_med_ukjent_art_krever_sannhetsverdi_ved_kjoring() -> None:
    e = feil("hvis(x, 1, 2)", {"x": 1})
    assert "'hvis()' krever sannhetsverdier, fikk tall" in e.melding


def test_hvis_av_konstanter_regnes_ved_lasting() -> None:
    u = parse("hvis(2 > 1, 5, 6)")
    assert u.tre == ("konst", 5) and u.evaluer({}) == 5


# --- oppfylt("regel-id") -------------------------------------------------------------------------


def test_oppfylt_er_navnet_paa_regelens_utfall() -> None:
    u = parse(f'hvis(oppfylt("{UNDER_25}"), a, b)', ARTER)
    navn = utfallsnavn(UNDER_25)
    assert u.navn == (navn, "a", "b") and u.art == "tall"
    assert utfallsregel(navn) == UNDER_25 and utfallsregel("kvp.alder") is None
    assert u.evaluer({navn: True, "a": 1, "b": 2}) == 1
    assert u.evaluer({navn: False, "a": 1, "b": 2}) == 2
    assert (
        "mangler verdi for 'oppfylt:stl-35-under-25'" in feil(f'oppfylt("{UNDER_25}")', {}).melding
    )


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("oppfylt(a)", "oppfylt() tar én regels id i anførselstegn"),
        ("oppfylt()", "oppfylt() tar én regels id i anførselstegn"),
        ('oppfylt("a", "b")', "forventet ')' etter regelens id i oppfylt()"),
        ('oppfylt("Stor-Regel")', "er ikke en regel-id"),
        ('oppfylt("x.__class__")', "er ikke en regel-id"),
        ('oppfylt("-x")', "er ikke en regel-id"),
        ('oppfylt("x") + 1', "kan ikke bruke '+' på sannhetsverdi"),
    ],
)
def test_oppfylt_feil_ved_lasting(tekst: str, melding: str) -> None:
    assert melding in feil(tekst).melding


def _node(utfall: outcome.Utfall, mangler: tuple[str, ...] = ()) -> Node:
    return Node(UNDER_25, utfall, mangler=mangler)


def _kvp_steg() -> Any:
    regel = regelbok().beregningsregel("kvalifisering", date(2026, 3, 1))
    assert regel is not None
    return regel


@pytest.mark.parametrize(
    ("utfall", "mangler", "verdi"),
    [
        (outcome.OPPFYLT, (), True),
        (outcome.IKKE_OPPFYLT, (), False),
        (outcome.UAVKLART, ("personer[0].fodselsdato",), Ukjent(("personer[0].fodselsdato",))),
        (outcome.SKJONN, (), Ukjent(())),  # discretion: no value invented
    ],
)
def test_utfallsverdier_for_hvert_utfall(
    utfall: outcome.Utfall, mangler: tuple[str, ...], verdi: object
) -> None:
    regel = _kvp_steg()
    verdier = stegvis.utfallsverdier(regel, {UNDER_25: _node(utfall, mangler)})
    assert verdier == {utfallsnavn(UNDER_25): verdi}


def test_utfallsverdier_naar_regelen_ikke_er_vurdert_er_en_navngitt_regelfeil() -> None:
    with pytest.raises(RegelFeil, match=r"leser oppfylt\('stl-35-under-25'\)"):
        stegvis.utfallsverdier(_kvp_steg(), {"en-annen-regel": _node(outcome.OPPFYLT)})


class _Ktx:
    """What ``stegvis.regn`` asks of a ``Kontekst``: the reference loop."""

    def mellomregn(self, regel: Any, verdier: dict[str, Any]) -> dict[str, Any]:
        return mellomregn(regel, verdier)


@pytest.mark.parametrize(
    ("utfall", "mangler"),
    [
        (outcome.OPPFYLT, ()),
        (outcome.IKKE_OPPFYLT, ()),
        (outcome.UAVKLART, ("personer[0].fodselsdato",)),
        (outcome.SKJONN, ()),
    ],
)
def test_stonaden_velges_av_regelens_utfall(
    utfall: outcome.Utfall, mangler: tuple[str, ...]
) -> None:
    """The step kvp.stonad_per_ar on each outcome of stl-35-under-25: the under-25 rate, the
    full rate, or unknown naming what is missing (and for discretion: unknown, no guess)."""
    stegvis._MINNE.clear()
    verdier: dict[str, Any] = {
        "kvp.grunnbelop": Decimal(124028),
        "kvp.faktor_g": Decimal("2.041"),
        "kvp.andel_under_25_teller": 2,
        "kvp.andel_under_25_nevner": 3,
        "kvp.dager_per_ar": 260,
    }
    verdier.update(stegvis.utfallsverdier(_kvp_steg(), {UNDER_25: _node(utfall, mangler)}))
    stegvis.regn(_Ktx(), _kvp_steg(), verdier)  # type: ignore[arg-type]
    stonad, dagsats = verdier["kvp.stonad_per_ar"], verdier["kvp.dagsats"]
    if utfall is outcome.OPPFYLT:
        assert (stonad, dagsats) == (Decimal(168761), Decimal("649.08"))
    elif utfall is outcome.IKKE_OPPFYLT:
        assert (stonad, dagsats) == (Decimal(253141), Decimal("973.62"))
    else:
        assert stonad == Ukjent(mangler) and dagsats == Ukjent(mangler)


# --- pluss_maneder -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fra", "n", "til"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 1, date(2024, 3, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # 29 February into a common year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),  # across the year end
        (date(2024, 1, 31), 3, date(2024, 4, 30)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),  # back into a leap February
        (date(2023, 3, 31), -1, date(2023, 2, 28)),
        (date(2024, 12, 15), 0, date(2024, 12, 15)),
        (date(1900, 1, 31), 1, date(1900, 2, 28)),  # 1900 is not a leap year
        (date(2000, 1, 31), 1, date(2000, 2, 29)),  # 2000 is
    ],
)
def test_pluss_maneder_ved_manedsslutt_og_skuddar(fra: date, n: int, til: date) -> None:
    assert parse("pluss_maneder(d, a)", ARTER).evaluer({"d": fra, "a": n}) == til
    assert parse(f"pluss_maneder({fra.isoformat()}, {abs(n)})").evaluer({}) == (
        pluss_maneder(fra, abs(n))
    )


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(0, 40))
def test_pluss_maneder_som_enkel_datomodell_og_som_paragraf_27(fra: date, n: int) -> None:
    """The language's month is the plain model's, and the one § 27 measures stays by."""
    i_regel = parse("pluss_maneder(d, a)", ARTER).evaluer({"d": fra, "a": n})
    assert i_regel == plain_add_months(fra, n) == botilbud.legg_til_maneder(fra, n)


def test_pluss_maneder_tar_et_heltall_som_desimal() -> None:
    u = parse("pluss_maneder(d, a)", ARTER)
    assert u.evaluer({"d": date(2024, 1, 31), "a": Decimal("1.00")}) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("verdier", "melding"),
    [
        ({"d": date(2024, 1, 1), "a": Decimal("1.5")}, "må være et heltall"),
        ({"d": date(2024, 1, 1), "a": 10**30}, "må være et heltall mellom"),
        ({"d": date(2024, 1, 1), "a": Decimal("1E+999999")}, "må være et heltall mellom"),
        ({"d": date(2024, 1, 1), "a": Decimal("NaN")}, "ikke endelig"),
        ({"d": date(2024, 1, 1), "a": True}, "krever tall, fikk sannhetsverdi"),
        ({"d": date(9999, 12, 1), "a": 1}, "datoen havner utenfor gyldig område"),
        ({"d": date(1, 1, 31), "a": -1}, "datoen havner utenfor gyldig område"),
        ({"d": date(2024, 1, 1), "a": -MAKS_MANEDER - 1}, "må være et heltall mellom"),
        ({"d": "2024-01-01", "a": 1}, "pluss_maneder() krever en dato først, fikk tekst"),
    ],
)
def test_pluss_maneder_feil_ved_kjoring(verdier: dict[str, object], melding: str) -> None:
    assert melding in feil("pluss_maneder(x, y)", {"x": verdier["d"], "y": verdier["a"]}).melding


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("pluss_maneder(a, 1)", "pluss_maneder() krever en dato først, fikk tall"),
        ("pluss_maneder(d, d)", "pluss_maneder() krever et antall måneder, fikk dato"),
        ("pluss_maneder(d)", "pluss_maneder() tar nøyaktig 2 argumenter"),
        ("pluss_maneder(9999-12-31, 1)", "datoen havner utenfor gyldig område"),
        ("pluss_maneder(d, 1) + 1 > 2", "kan ikke sammenligne dato med tall"),
    ],
)
def test_pluss_maneder_feil_ved_lasting(tekst: str, melding: str) -> None:
    assert melding in feil(tekst).melding


# --- heltall_delt --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "svar"),
    [
        (7, 2, 3),
        (6, 2, 3),
        (1, 2, 0),
        (-7, 2, -3),  # cut toward zero, as a Decimal's //
        (7, -2, -3),
        (-7, -2, 3),
        (Decimal("25000"), Decimal("10500.00"), 2),
        (Decimal("21000.00"), Decimal("10500"), 2),  # exactly two months
        (Decimal("20999.99"), Decimal("10500"), 1),
        (Decimal("0.3"), Decimal("0.1"), 3),  # exact, not binary floating point
        (0, Decimal("5"), 0),
        (Decimal("4.731852902742548E-162"), Decimal("7850"), 0),  # a tiny amount (a float)
        (Decimal("1E-999999"), Decimal("1E+999999"), 0),
        (10**28 - 1, 1, 10**28 - 1),  # 28 digits: the most the language's context holds
    ],
)
def test_heltall_delt(a: Any, b: Any, svar: int) -> None:
    x = parse("heltall_delt(a, b)", ARTER).evaluer({"a": a, "b": b})
    assert type(x) is int and x == svar
    assert x == int(Decimal(a) // Decimal(b))  # what livsopphold.py computed before


@pytest.mark.parametrize(
    ("verdier", "melding"),
    [
        ({"a": 1, "b": 0}, "deling på null i heltall_delt()"),
        ({"a": 1, "b": Decimal("0.00")}, "deling på null i heltall_delt()"),
        ({"a": 10**40, "b": 1}, "svaret blir for stort (mer enn 28 sifre)"),
        ({"a": 10**27, "b": Decimal("0.1")}, "svaret blir for stort"),  # 10^28: 29 digits
        ({"a": Decimal("1E+999999"), "b": 1}, "svaret blir for stort"),
        ({"a": 1, "b": Decimal("1E-999999")}, "svaret blir for stort"),
        ({"a": Decimal("Infinity"), "b": 1}, "ikke endelig"),
        ({"a": True, "b": 1}, "krever tall, fikk sannhetsverdi"),
        ({"a": date(2024, 1, 1), "b": 1}, "krever tall, fikk dato"),
    ],
)
def test_heltall_delt_feil_ved_kjoring(verdier: dict[str, object], melding: str) -> None:
    assert melding in feil("heltall_delt(x, y)", {"x": verdier["a"], "y": verdier["b"]}).melding


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("heltall_delt(a, 0)", "deling på null i heltall_delt()"),
        ("heltall_delt(a, 2 - 2)", "deling på null i heltall_delt()"),
        ("heltall_delt(d, 2)", "heltall_delt() krever tall, fikk dato"),
        ('heltall_delt(a, "2")', "heltall_delt() krever tall, fikk tekst"),
        ("heltall_delt(a)", "heltall_delt() tar nøyaktig 2 argumenter"),
    ],
)
def test_heltall_delt_feil_ved_lasting(tekst: str, melding: str) -> None:
    assert melding in feil(tekst).melding


# --- the compiled engine: inline code, or the closure, never a different answer -----------------

SKREVET = [
    "hvis(s, a, b)",
    "hvis(s, a, 0)",
    "hvis(a > 0, heltall_delt(b, a), 0)",
    "hvis(s, d, pluss_maneder(d, 3))",
    'hvis(s, t, "x") == "x"',
    "pluss_maneder(d, a)",
    "pluss_maneder(d, 1) <= d",
    "heltall_delt(a, b)",
    "heltall_delt(b, 7) * 2",
    'hvis(oppfylt("stl-35-under-25"), a, b)',
]


@pytest.mark.parametrize("tekst", SKREVET)
def test_den_kompilerte_motoren_skriver_formene_inline(tekst: str) -> None:
    assert _kompiler(parse(tekst, {**ARTER, utfallsnavn(UNDER_25): "sannhetsverdi"})) is not None


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(SKREVET),
    st.fixed_dictionaries(
        {"a": VERDI, "b": VERDI, "s": VERDI, "d": VERDI, "t": VERDI, utfallsnavn(UNDER_25): VERDI}
    ),
)
def test_inline_er_closuren(tekst: str, verdier: dict[str, object]) -> None:
    _sammenlign(parse(tekst, ARTER), verdier)


@pytest.mark.parametrize(
    ("tekst", "verdier"),
    [
        ("hvis(a > 0, heltall_delt(b, a), 0)", {"a": 0, "b": Decimal(5)}),
        ("heltall_delt(a, b)", {"a": 5, "b": 0}),
        ("heltall_delt(a, b)", {"a": 10**40, "b": 1}),
        ("heltall_delt(a, b)", {"a": Decimal("4.7E-162"), "b": Decimal(7850)}),
        ("pluss_maneder(d, a)", {"d": date(9999, 12, 1), "a": 1}),
        ("pluss_maneder(d, a)", {"d": date(2024, 1, 31), "a": Decimal("1.5")}),
        ("pluss_maneder(d, a)", {"d": date(2024, 1, 31), "a": 10**9}),
    ],
)
def test_inline_kantene_er_closuren(tekst: str, verdier: dict[str, object]) -> None:
    _sammenlign(parse(tekst, ARTER), verdier)


# --- the columnar writer: the same values per row, or the row left to the per-case path ---------

np = pytest.importorskip("numpy")


def _kolonnevis(tekst: str, rader: list[dict[str, Any]]) -> list[Any]:
    uttrykk = parse(tekst, ARTER)
    s = generator._Skriver()
    lokaler = {n: f"l{i}" for i, n in enumerate(uttrykk.navn)}
    kode = generator._Uttrykksskriver(lokaler, lambda v: s.konstant("K", v)).verdi(uttrykk)
    assert kode is not None, tekst  # written over columns, not the closure row by row
    navnerom = {**generator.navnerom(), **s.konstanter}
    for n, lokal in lokaler.items():
        navnerom[lokal] = generator.kolonne_av([r[n] for r in rader])
    x = eval(kode, navnerom)  # the generated text, as the columnar step function runs it
    return list(np.broadcast_to(np.asarray(x, object), (len(rader),)))


@pytest.mark.parametrize(
    ("tekst", "rader"),
    [
        (
            "hvis(a > 0, heltall_delt(b, a), 0)",
            [
                {"a": Decimal("10500"), "b": Decimal("25000")},
                {"a": 0, "b": Decimal("25000")},  # the untaken branch divides by zero
                {"a": Decimal("-1"), "b": Decimal(3)},
                {"a": 7, "b": 7},
            ],
        ),
        (
            "pluss_maneder(d, a)",
            [
                {"d": date(2024, 1, 31), "a": 1},
                {"d": date(2023, 1, 31), "a": 1},
                {"d": date(2024, 2, 29), "a": 12},
                {"d": date(2023, 11, 30), "a": 3},
            ],
        ),
        (
            "hvis(s, a, b)",
            [{"s": True, "a": 1, "b": Decimal(2)}, {"s": False, "a": 1, "b": Decimal(2)}],
        ),
        ("heltall_delt(a, b)", [{"a": 7, "b": 2}, {"a": Decimal("-7.5"), "b": Decimal("2.5")}]),
    ],
)
def test_kolonner_som_closuren(tekst: str, rader: list[dict[str, Any]]) -> None:
    uttrykk = parse(tekst, ARTER)
    fikk = _kolonnevis(tekst, rader)
    for rad, x in zip(rader, fikk, strict=True):
        venter = uttrykk.evaluer(rad)
        assert (type(x), x) == (type(venter), venter), (tekst, rad)


def test_kolonner_gir_ingen_for_en_rad_closuren_feiler_paa() -> None:
    """A row whose chosen branch fails gives None (``GODTA`` then leaves it to the per-case
    path, which names the error); the other rows are computed."""
    fikk = _kolonnevis(
        "heltall_delt(a, b)", [{"a": 7, "b": 0}, {"a": 7, "b": 2}, {"a": 10**40, "b": 1}]
    )
    assert fikk == [None, 3, None]


# --- the loader: oppfylt() only in steps, for a rule that exists and has an outcome -------------


def _mappe(tmp_path: Path, endre: dict[str, tuple[str, str]]) -> Path:
    """A copy of the shipped rules with ``endre`` (file -> (old, new)) applied, once each."""
    mappe = tmp_path / "rules"
    shutil.copytree(ROT / "rules", mappe)
    for fil, (gammel, ny) in endre.items():
        sti = mappe / fil
        tekst = sti.read_text(encoding="utf-8")
        assert tekst.count(gammel) == 1, (fil, gammel)
        sti.write_text(tekst.replace(gammel, ny), encoding="utf-8")
    return mappe


KVP_FIL = "stl-35-kvalifiseringsstonad.toml"
STEG = 'hvis(oppfylt("stl-35-under-25"), kvp.stonad_under_25_per_ar, kvp.stonad_full_per_ar)'


@pytest.mark.parametrize(
    ("ny", "melding"),
    [
        (
            STEG.replace("stl-35-under-25", "finnes-ikke"),
            "leser oppfylt('finnes-ikke'), men regelen finnes ikke",
        ),
        (
            STEG.replace("stl-35-under-25", "stl-35-utmaling"),
            "men regelen har ikke vilkår",
        ),
        (
            STEG.replace("stl-35-under-25", "stl-38-inntekt-reduserer"),
            "men regelen gjelder hvert 'inntekt', ikke hele saken",
        ),
        (
            STEG.replace('oppfylt("stl-35-under-25")', "kvp.stonad_full_per_ar"),
            "hvis() krever en sannhetsverdi først, fikk tall",
        ),
        (
            STEG.replace("kvp.stonad_full_per_ar", "kvp.fodselsdato"),
            "hvis() må gi samme art i begge grener",
        ),
        ('oppfylt("stl-35-under-25")', "gir sannhetsverdi, ikke belop"),
        ('hvis(oppfylt("stl-35-under-25"), kvp.dagsats, 0)', "'kvp.dagsats' leses før den er gitt"),
    ],
)
def test_steg_med_oppfylt_avvises(tmp_path: Path, ny: str, melding: str) -> None:
    mappe = _mappe(tmp_path, {KVP_FIL: (STEG, ny)})
    bok, problemer, _ = last_under_oppsyn(mappe)
    assert bok is None
    assert any(melding in str(p) for p in problemer), [str(p) for p in problemer]


def test_oppfylt_i_et_vilkar_avvises_med_hint(tmp_path: Path) -> None:
    gammel = 'vilkar = "kvp.antall_barn > 0"'
    ny = "vilkar = 'kvp.antall_barn > 0 og oppfylt(\"stl-35-under-25\")'"
    bok, problemer, _ = last_under_oppsyn(_mappe(tmp_path, {KVP_FIL: (gammel, ny)}))
    assert bok is None
    tekster = [str(p) for p in problemer]
    assert any(
        "ukjent faktum 'oppfylt:stl-35-under-25'" in t and "[[regel.verdi]]" in t for t in tekster
    ), tekster


def test_oppfylt_i_en_sum_avvises(tmp_path: Path) -> None:
    gammel = 'oppfylt = "inntekt.belop_per_maned"\nutenfor = ["ikke_oppfylt"]'
    ny = (
        "oppfylt = 'hvis(oppfylt(\"stl-35-under-25\"), inntekt.belop_per_maned, 0)'\n"
        'utenfor = ["ikke_oppfylt"]'
    )
    bok, problemer, _ = last_under_oppsyn(
        _mappe(tmp_path, {"stl-18-livsopphold.toml": (gammel, ny)})
    )
    assert bok is None
    assert any("ukjent faktum 'oppfylt:stl-35-under-25'" in str(p) for p in problemer)


# --- the rule file decides: change it, and the value follows with no code changed ---------------


def test_stonaden_folger_regelfilen(tmp_path: Path) -> None:
    """Swap the branches of kvp.stonad_per_ar: a participant under 25 gets the full rate and one
    over 25 two thirds. Only the rule file changed."""
    ung, eldre = kvp_sak(fodt="2002-06-01"), kvp_sak()
    assert ut(assess(ung))["stonad_per_ar"] == 168761
    assert ut(assess(eldre))["stonad_per_ar"] == 253141
    byttet = STEG.replace("kvp.stonad_under_25_per_ar", "X").replace(
        "kvp.stonad_full_per_ar", "kvp.stonad_under_25_per_ar"
    )
    bok = regelbok(
        _mappe(tmp_path, {KVP_FIL: (STEG, byttet.replace("X", "kvp.stonad_full_per_ar"))})
    )
    assert ut(assess(ung, regler=bok))["stonad_per_ar"] == 253141
    assert ut(assess(eldre, regler=bok))["stonad_per_ar"] == 168761


FORMUESTEG = (
    "hvis(livsopphold.formue_tilgjengelig > 0 og livsopphold.belop_per_maned > 0, "
    "heltall_delt(livsopphold.formue_tilgjengelig, livsopphold.belop_per_maned), 0)"
)


def test_formuesmanedene_folger_regelfilen(tmp_path: Path) -> None:
    """The months the assets cover are the rule's: count a month begun (the assets plus one
    amount less a krone, divided) and the value changes with no code changed."""
    grunn = livsoppholdssak(formue=[{"type": "bankinnskudd", "belop": 25000}])
    assert livsopphold(assess(grunn)).utdata["formue_dekker_maneder"] == 3  # 25 000 / 7 850
    pabegynt = FORMUESTEG.replace(
        "heltall_delt(livsopphold.formue_tilgjengelig, livsopphold.belop_per_maned)",
        "heltall_delt(livsopphold.formue_tilgjengelig + livsopphold.belop_per_maned - 1, "
        "livsopphold.belop_per_maned)",
    )
    bok = regelbok(_mappe(tmp_path, {"stl-18-livsopphold.toml": (FORMUESTEG, pabegynt)}))
    assert livsopphold(assess(grunn, regler=bok)).utdata["formue_dekker_maneder"] == 4


@pytest.mark.parametrize(
    ("formue", "maneder"),
    [
        ([], 0),
        ([{"type": "bankinnskudd", "belop": 7849}], 0),
        ([{"type": "bankinnskudd", "belop": 7850}], 1),  # exactly one month
        ([{"type": "bankinnskudd", "belop": 7850, "holdes_utenfor": True}], 0),
        (None, Ukjent(("formue",))),  # not given: unknown, naming the assets
    ],
)
def test_formuesmanedene_i_hele_saker(formue: Any, maneder: object) -> None:
    grunn = livsoppholdssak(formue=formue)
    if formue is None:
        del grunn["formue"]
    vedtak = livsopphold(assess(grunn))
    node = vedtak.node.finn("stl-18-utmaling")
    assert node is not None
    fikk = node.fakta["livsopphold.formue_maneder"]
    assert (type(fikk), fikk) == (type(maneder), maneder)
    regel = vedtak.node.finn("stl-18-1-formue-maneder")
    assert regel is not None
    if formue is None:
        assert (regel.utfall, regel.mangler) == (outcome.UAVKLART, ("formue",))
    assert ("formue_dekker_maneder" in vedtak.utdata) is (maneder == 1)
