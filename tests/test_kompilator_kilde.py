"""The generated text of the compiled rules holds only what the compiler means it to.

Rule files are data, possibly hostile (issue 10): a name from a rule file may reach the
generated text only as a string constant. The whole text is checked against a whitelist of
syntax: no attribute access but the engine's own (``ktx.resultat``, ``spor.node``,
``fakta.get``), no calls but the helpers and the compiled expressions, no import, loop, lambda
or comprehension; its builtins are three named functions.
"""

from __future__ import annotations

import ast
import linecache
import re
from datetime import date
from pathlib import Path

import pytest

import fuzzhjelp as fh
from sosialregler import assess
from sosialregler.api import standard_regelbok
from sosialregler.inndata.errors import RegelFeil, UgyldigSak
from sosialregler.lov.kompilator.hjelpere import NAVNEROM
from sosialregler.lov.kompilator.kilde import HJELPERE
from sosialregler.lov.kompilator.motor import KOMPILERT, TOLK, aktiv, bruk_motor
from sosialregler.lov.kompilator.program import Program, program_for
from sosialregler.vurdering.engine import Kontekst
from sosialregler.vurdering.rulebook_load import last_regelbok

ROT = Path(__file__).resolve().parent.parent
TILLATTE_NODER = {
    ast.Module,
    ast.FunctionDef,
    ast.arguments,
    ast.arg,
    ast.Assign,
    ast.Expr,
    ast.If,
    ast.IfExp,
    ast.Try,
    ast.ExceptHandler,
    ast.Return,
    ast.BoolOp,
    ast.Or,
    ast.And,
    ast.Compare,
    ast.Is,
    ast.Name,
    ast.Load,
    ast.Store,
    ast.Constant,
    ast.Subscript,
    ast.Tuple,
    ast.Dict,
    ast.Call,
    ast.Starred,
    ast.Attribute,
    # Expressions written inline (``kompilator.uttrykk``): comparisons, membership in a
    # constant set, arithmetic on ints, ``not`` and unary minus; every other operation is a
    # helper's call.
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.In,
    ast.NotIn,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
}
#: Attribute access allowed: on the engine's own objects, never on a fact's value.
TILLATTE_ATTRIBUTTER = {("ktx", "resultat"), ("spor", "node"), ("fakta", "get")}
#: Calls allowed besides the helpers: compiled expressions (``F<n>``) and three builtins.
#: ``K<n>`` are the constants of inline expressions (a Decimal, a date, a frozenset).
KONSTANT = re.compile(r"[FXRUSITVK][0-9]+")
#: Locals: outcomes, missing fields, values, codes and kept values (``c``, ``k``, ``v``, ``t``).
LOKAL = re.compile(
    r"(?:[umxpencvk][0-9]+|[lt][0-9]+_[0-9]+|b|e|k|egen|ut|um|av|post|spor|ktx|fakta)"
)
INNEBYGDE = {"type", "dict", "zip"}


def _program(dato: date = date(2024, 6, 3)) -> Program:
    bok = standard_regelbok()
    return program_for(bok, dato, bok.versjoner_i_kraft(dato))


def test_generert_kilde_holder_seg_til_hvitelisten() -> None:
    program = _program()
    kilder = program.kilder()
    funksjoner = 0
    for filnavn, kilde in kilder.items():
        assert filnavn.startswith("<sosialregler-") and "\n" not in filnavn
        tre = ast.parse(kilde)
        assert len(tre.body) == 1  # one function per text
        funksjoner += _sjekk(tre)
        if filnavn.startswith("<sosialregler-regel "):
            _sjekk_retur(tre)
    regler = [r for r in program.i_kraft.values() if r.vilkar is not None]
    assert funksjoner == len(kilder) >= 2 * len(regler)  # an evaluator and a builder per rule
    assert set(NAVNEROM["__builtins__"]) == INNEBYGDE
    assert set(HJELPERE) <= set(NAVNEROM)


def _sjekk_retur(tre: ast.Module) -> None:
    """A rule's evaluator returns its outcome and its trace entry already kept (``spor``):
    ``(utfall, mangler, avgjort_av), (kode, mangler, avgjort_av, blader, tekst, unntak)``, the
    code an int literal or a local (``c<n>``, ``k<n>``, ``k``), never an outcome."""
    retur = [n for n in ast.walk(tre) if isinstance(n, ast.Return)]
    assert len(retur) == 1 and isinstance(retur[0].value, ast.Tuple)
    utfall, lagret = retur[0].value.elts
    assert isinstance(utfall, ast.Tuple) and len(utfall.elts) == 3
    assert isinstance(lagret, ast.Tuple) and len(lagret.elts) == 6
    kode = lagret.elts[0]
    assert (isinstance(kode, ast.Constant) and type(kode.value) is int) or (
        isinstance(kode, ast.Name) and re.fullmatch(r"[ck][0-9]+|k", kode.id)
    ), ast.unparse(kode)


def _sjekk(tre: ast.Module) -> int:
    funksjoner = 0
    for node in ast.walk(tre):
        assert type(node) in TILLATTE_NODER, ast.dump(node)[:200]
        if isinstance(node, ast.FunctionDef):
            funksjoner += 1
            assert not node.decorator_list and node.name in ("r", "n", "a", "s")
        elif isinstance(node, ast.Attribute):
            assert isinstance(node.value, ast.Name)
            assert (node.value.id, node.attr) in TILLATTE_ATTRIBUTTER, ast.unparse(node)
        elif isinstance(node, ast.Call):
            navn = node.func
            if isinstance(navn, ast.Name):
                assert navn.id in HJELPERE or navn.id in INNEBYGDE or navn.id.startswith("F")
            else:
                assert isinstance(navn, ast.Attribute), ast.unparse(node)
        elif isinstance(node, ast.Name):
            assert (
                node.id in HJELPERE
                or node.id in INNEBYGDE
                or KONSTANT.fullmatch(node.id)
                or LOKAL.fullmatch(node.id)
            ), node.id
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "fakta"
        ):  # a fact is read by its name, a string constant
            assert isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)
    return funksjoner


def test_generert_kilde_finnes_for_tracebacks() -> None:
    """The text is in linecache under its own file name, so a traceback shows the rule."""
    program = _program()
    funksjon = program.regler["stl-18-1-krav"]
    assert funksjon is not None
    filnavn = funksjon.__code__.co_filename
    assert filnavn == "<sosialregler-regel stl-18-1-krav fra 2010-01-01>"
    assert linecache.getline(filnavn, 1).startswith("def r(ktx, fakta):")
    assert program.regler["finnes-ikke"] is None


def test_mellomregningene_er_generert_kode_i_hvitelisten() -> None:
    """The § 18 calculation rule's named steps are a compiled function of their own, in the
    whitelisted text (``kilder``), storing each step in ``fakta`` by its name."""
    program = _program()
    kilder = program.kilder()
    filnavn = "<sosialregler-steg stl-18-utmaling fra 2010-01-01>"
    assert filnavn in kilder
    tekst = kilder[filnavn]
    assert tekst.startswith("def s(fakta):")
    for navn in ("udekket_behov", "belop_per_maned", "engangsstonad", "behov_dekket_av_inntekt"):
        assert f"fakta['livsopphold.{navn}'] = godta(" in tekst
    funksjon = program.mellomregninger["stl-18-utmaling"]
    assert funksjon is not None and funksjon.__code__.co_filename == filnavn
    assert program.mellomregninger["stl-18-1-krav"] is None  # a rule without steps


def test_feil_i_generert_kode_viser_linjen() -> None:
    """An error inside a compiled rule has a traceback line pointing into its text."""
    program = _program()
    funksjon = program.regler["stl-18-1-krav"]
    assert funksjon is not None
    with pytest.raises(AttributeError) as feil:
        funksjon(None, {})  # no context: its first reference to another rule fails
    rammer = [r for r in feil.traceback if str(r.path).startswith("<sosialregler-regel")]
    linje = linecache.getline(str(rammer[0].path), rammer[0].lineno + 1)
    assert "ktx.resultat('stl-18-1-udekket-behov')" in linje


def test_program_deles_mellom_datoer_med_samme_regler() -> None:
    """Compiled once per set of versions in force: two days in the same period share it."""
    assert _program(date(2024, 6, 3)) is _program(date(2024, 6, 4))


def test_motor_velges_med_miljovariabel_og_blokk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOSIALREGLER_MOTOR", raising=False)
    assert aktiv() == KOMPILERT
    monkeypatch.setenv("SOSIALREGLER_MOTOR", TOLK)
    assert aktiv() == TOLK
    with bruk_motor(KOMPILERT):
        assert aktiv() == KOMPILERT
    assert aktiv() == TOLK
    monkeypatch.setenv("SOSIALREGLER_MOTOR", "rask")
    with pytest.raises(UgyldigSak) as avvist:
        aktiv()
    assert [(f.felt, f.verdi) for f in avvist.value.feil] == [("SOSIALREGLER_MOTOR", "rask")]
    kjoring = fh.kjor_cli(["vurder", str(ROT / "examples" / "enslig.json")])
    assert kjoring.kode == 2 and "SOSIALREGLER_MOTOR" in kjoring.feil
    assert "Intern feil" not in kjoring.feil
    with pytest.raises(ValueError, match="ukjent motor"), bruk_motor("rask"):
        pass


def test_ukjent_regel_er_regelfeil_i_begge_motorer() -> None:
    bok = standard_regelbok()
    for motor in (TOLK, KOMPILERT):
        with bruk_motor(motor):
            ktx = Kontekst(bok, date(2024, 6, 3), {})
            assert ktx.kompilert is (motor == KOMPILERT)
            with pytest.raises(RegelFeil, match="ukjent regel"):
                ktx.evaluer_regel("finnes-ikke")


def test_reglene_kompileres_forst_naar_de_brukes() -> None:
    """A program compiles a rule's evaluator when a case first needs it, and its node builder
    only when a tree is read: nothing is compiled ahead (that took ~170 ms for a date)."""
    bok = last_regelbok()  # a rulebook of its own: nothing compiled for it yet
    dato = date(2024, 6, 3)
    program = program_for(bok, dato, bok.versjoner_i_kraft(dato))
    assert not program.regler and not program.byggere
    sak = {"vurderingsdato": "2024-06-03", "personer": [{"id": "p1", "rolle": "soker"}]}
    with bruk_motor(KOMPILERT):
        vurdering = assess(sak, regler=bok)
    i_kraft = [r for r in program.i_kraft.values() if r.vilkar is not None]
    assert 0 < len(program.regler) < len(i_kraft)
    bygget_for = len(program.byggere)
    vurdering.to_json()
    assert len(program.byggere) > bygget_for


def test_ny_regelbok_med_samme_regler_gjenbruker_koden() -> None:
    """A second rulebook with the same rules (another rate file, a reload) runs the same
    compiled code with its own constants."""
    dato = date(2024, 6, 3)
    en, to = last_regelbok(), last_regelbok()
    forste = program_for(en, dato, en.versjoner_i_kraft(dato)).regler["stl-18-1-krav"]
    andre = program_for(to, dato, to.versjoner_i_kraft(dato)).regler["stl-18-1-krav"]
    assert forste is not None and andre is not None and forste is not andre
    assert forste.__code__ is andre.__code__
    assert forste.__globals__ is not andre.__globals__  # each with its own rule objects
