"""The small expression language of the rule files, and why it is its own language.

Rule files are *data*: TOML written by legal experts, reviewed like legal text, and in
the worst case edited by someone hostile. A condition such as ``soker.alder >= 18`` must
therefore never be able to run code, read attributes, import modules or exhaust the
process. That is why this module does not use Python's ``ast``, ``eval``, ``exec`` or
``compile``: a hand-written tokenizer and recursive-descent parser accept only the tiny
grammar below, and everything else fails *when the rules load*, with a Norwegian message
and a position a legal expert can act on.

Grammar (lowest to highest precedence)::

    uttrykk      := eller
    eller        := og ("eller" og)*
    og           := "ikke"* sammenligning    -- "ikke" binds looser than comparisons
    sammenligning:= sum [(== | != | < | <= | > | >=) sum]
                  | sum ("i" | "ikke" "i") (liste | navn)   -- never chained
    sum          := produkt (("+" | "-") produkt)*
    produkt      := unaer (("*" | "/") unaer)*
    unaer        := "-"* primaer
    primaer      := tall | dato | tekst | "sann" | "usann" | navn
                  | funksjon "(" [uttrykk ("," uttrykk)*] ")" | liste | "(" uttrykk ")"
    liste        := "[" [literal ("," literal)*] "]"

A dotted name (``inntekt.person.rolle``) is one identifier looked up whole among the
facts: there is no attribute access, so ``a.__class__`` is only a (rejected) name.

The parsed tree is compiled once into plain closures, so evaluation does no parsing and
no dispatch on node types, and values are checked strictly: a date is never silently
compared with a number, and ``sann`` is never a number. Every failure, at parse or at
evaluation time, is an ``UttrykkFeil``.

What can fail is found when the rules load wherever that is possible, not on the first case
(issue 15): a part made only of constants is computed once at parse time (so ``1 / (2 - 2)``
and ``sum("abc")`` are load errors), a division by a constant zero is refused, and with the
kinds of the facts (``parse(tekst, arter)``, from the fact catalogue) every operator and
function checks the kinds it is given, so ``soker.alder + "x"`` or ``sum(soker.alder)`` never
loads. ``Uttrykk.art`` is the kind the whole expression gives, when it is known.
"""

from __future__ import annotations

import math
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from ...inndata.errors import RegelFeil
from ..kalender import pluss_maneder
from ..rates import Satskilde

__all__ = [
    "FUNKSJONER",
    "MAKS_DYBDE",
    "MAKS_LENGDE",
    "MAKS_TALL",
    "REGEL_ID",
    "SATSFUNKSJONER",
    "SATSKILDE",
    "Uttrykk",
    "UttrykkFeil",
    "parse",
    "satsoppslag",
]

#: Longest expression accepted, in characters: a condition is a sentence, not a program,
#: and a bound on the text bounds the work the tokenizer and parser can be made to do.
MAKS_LENGDE = 2000
#: Deepest nesting of the parse tree (parentheses, operators, calls). It keeps both the
#: parser and the compiled closures far below Python's recursion limit.
MAKS_DYBDE = 40
#: Largest absolute value of a numeric literal: no amount in social-assistance law comes
#: near it, and it keeps literals from being used to burn CPU or memory.
MAKS_TALL = 10**15

# Kinds of values, named as a Norwegian legal expert would read them in a message.
_TALL = "tall"
_TEKST = "tekst"
_DATO = "dato"
_SANN = "sannhetsverdi"
_LISTE = "liste"

# One fixed decimal context, independent of whatever the caller did to the thread's
# context, so a rule computes the same amount everywhere.
_KONTEKST = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)

_Fn = Callable[[Mapping[str, object]], object]


class UttrykkFeil(ValueError):
    """An expression could not be parsed or evaluated.

    Rule authors are not programmers, so the message is Norwegian and points at the
    place: ``melding`` says what is wrong, ``uttrykk`` is the whole expression and
    ``posisjon`` the 0-based character offset of the problem when it is known.
    """

    def __init__(self, melding: str, uttrykk: str, posisjon: int | None = None) -> None:
        self.melding = melding
        self.uttrykk = uttrykk
        self.posisjon = posisjon
        super().__init__(_formater_feil(melding, uttrykk, posisjon))

    def __reduce__(self) -> tuple[type[UttrykkFeil], tuple[str, str, int | None]]:
        # The default pickling would call __init__ with the formatted text only.
        return (type(self), (self.melding, self.uttrykk, self.posisjon))


def _synlig(tegn: str) -> str:
    """One visible character for ``tegn``, so the caret stays under the right place."""
    if tegn in "\t\n\r":
        return " "
    return tegn if tegn.isprintable() else "\N{REPLACEMENT CHARACTER}"


def _formater_feil(melding: str, uttrykk: str, posisjon: int | None) -> str:
    """The message, the expression (an excerpt if long) and a caret under the position.

    Hostile input can be 100 000 characters long; the message shows a window around the
    problem instead of the whole text.
    """
    vindu = 60
    start = 0 if posisjon is None else max(0, posisjon - vindu)
    slutt = min(len(uttrykk), start + 2 * vindu)
    utdrag = "".join(_synlig(t) for t in uttrykk[start:slutt])
    forran = "…" if start > 0 else ""
    bak = "…" if slutt < len(uttrykk) else ""
    if posisjon is None:
        return f"{melding}\n  {forran}{utdrag}{bak}"
    kolonne = len(forran) + posisjon - start
    return f"{melding} (posisjon {posisjon})\n  {forran}{utdrag}{bak}\n  {' ' * kolonne}^"


@attrs.frozen
class Uttrykk:
    """A parsed, compiled expression.

    ``navn`` lists the facts the expression reads, in order of first appearance, so the
    rule loader can check every name against the fact catalogue before any case is run.
    """

    tekst: str
    navn: tuple[str, ...]
    _fn: _Fn = attrs.field(eq=False, repr=False)
    #: The kind of value the expression gives (``sannhetsverdi``, ``tall`` …), or None when it
    #: depends on facts whose kinds were not given. A condition must give ``sannhetsverdi``.
    art: str | None = attrs.field(default=None, eq=False, repr=False)
    #: Nesting depth of the compiled tree (at most ``MAKS_DYBDE``): the loader adds it up along
    #: chains of rule references to bound how deep an evaluation can go.
    dybde: int = attrs.field(default=1, eq=False, repr=False)
    #: The parsed tree as nested tuples, for the compiler to write the expression as Python
    #: (``kompilator.uttrykk``): ``("navn", navn, art)``, ``("konst", verdi)``, ``("liste",
    #: verdier)``, ``("cmp", op, a, b)``, ``("regn", op, a, b)``, ``("neg", a)``, ``("og" |
    #: "eller", deler)``, ``("ikke", a)``, ``("i", negert, a, b)``, ``("kall", navn, args)``.
    tre: tuple[Any, ...] | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def funksjon(self) -> _Fn:
        """The compiled function without ``evaluer``'s error wrapping, for the engine's hot path.

        It may raise what ``evaluer`` turns into an ``UttrykkFeil``; a caller that gets an
        error calls ``evaluer`` with the same values for the message (evaluation is pure).
        """
        return self._fn

    def evaluer(self, verdier: Mapping[str, object]) -> object:
        """Evaluate with the values of ``self.navn``.

        The caller has checked that every name is known; still, anything that goes wrong
        (a missing value, a date compared with a number, division by zero) is reported as
        an ``UttrykkFeil`` naming the expression, never as a bare Python exception.
        """
        try:
            return self._fn(verdier)
        except UttrykkFeil:
            raise
        except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as e:
            raise UttrykkFeil(
                f"uventet feil under evaluering ({type(e).__name__})", self.tekst
            ) from e


# ---------------------------------------------------------------------------------------
# Values: strict kinds, no silent conversions


def _artsnavn(x: object) -> str:
    """The Norwegian kind of a value, for messages."""
    if isinstance(x, bool):
        return _SANN
    if isinstance(x, int | Decimal | float):
        return _TALL
    if isinstance(x, str):
        return _TEKST
    if isinstance(x, datetime):
        return "dato med klokkeslett"
    if isinstance(x, date):
        return _DATO
    if isinstance(x, list | tuple | set | frozenset):
        return _LISTE
    if x is None:
        return "ingen verdi (None)"
    return f"ukjent type ({type(x).__name__})"


def _normaliser(x: object, tekst: str, pos: int) -> tuple[str, object]:
    """(kind, value) with floats as exact-looking Decimals; unsupported values are errors.

    Facts come from the caller, so this is where a float, a NaN, a ``datetime`` or a
    ``None`` is caught before it can give a wrong answer.
    """
    t = type(x)
    if t is int:
        return _TALL, x
    if t is str:
        return _TEKST, x
    if t is bool:
        return _SANN, x
    if t is date:
        return _DATO, x
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise UttrykkFeil(f"ugyldig tall {x} (ikke endelig)", tekst, pos)
        return _TALL, x
    if isinstance(x, float):
        if not math.isfinite(x):
            raise UttrykkFeil(f"ugyldig tall {x} (ikke endelig)", tekst, pos)
        return _TALL, Decimal(str(x))
    if isinstance(x, int):  # int subclasses such as IntEnum (bool is handled above)
        return _TALL, int(x)
    if isinstance(x, str):
        return _TEKST, str(x)
    if isinstance(x, date) and not isinstance(x, datetime):
        return _DATO, date(x.year, x.month, x.day)
    if isinstance(x, list | tuple | set | frozenset):
        return _LISTE, x
    raise UttrykkFeil(f"{_artsnavn(x)} kan ikke brukes i uttrykk", tekst, pos)


def _som_tall(x: object, hva: str, tekst: str, pos: int) -> int | Decimal:
    art, verdi = _normaliser(x, tekst, pos)
    if art != _TALL:
        raise UttrykkFeil(f"{hva} krever tall, fikk {art}", tekst, pos)
    # `art` names the kind (_TALL: int or Decimal); the checker cannot tie it to `verdi`.
    return verdi  # type: ignore[return-value]


def _som_liste(x: object, hva: str, tekst: str, pos: int) -> list[tuple[str, object]]:
    art, verdi = _normaliser(x, tekst, pos)
    if art != _LISTE:
        raise UttrykkFeil(f"{hva} krever en liste, fikk {art}", tekst, pos)
    ut = []
    # `art` is _LISTE, so `verdi` is a list, tuple or set; the checker cannot tie the two.
    for element in verdi:  # type: ignore[attr-defined]
        par = _normaliser(element, tekst, pos)
        if par[0] == _LISTE:
            raise UttrykkFeil(f"{hva}: lister inne i lister støttes ikke", tekst, pos)
        ut.append(par)
    return ut


def _sann(x: object, hva: str, tekst: str, pos: int) -> bool:
    """``x`` if it is a bool; 'og', 'eller' and 'ikke' never guess truthiness."""
    if x is True or x is False:
        return x
    raise UttrykkFeil(f"'{hva}' krever sannhetsverdier, fikk {_artsnavn(x)}", tekst, pos)


# ---------------------------------------------------------------------------------------
# Compiled operations. Each builder returns a closure; the fast path handles the common,
# already-correct types inline and everything else goes through a strict slow path.

# The operator module types its comparisons for operands that support them; which operands
# do is checked at run time (`_normaliser`), so the table's type says only "two in, one out".
_Sammenlign = Callable[[Any, Any], Any]

_SAMMENLIGNINGER: Mapping[str, _Sammenlign] = MappingProxyType(
    {
        "==": operator.eq,
        "!=": operator.ne,
        "<": operator.lt,
        "<=": operator.le,
        ">": operator.gt,
        ">=": operator.ge,
    }
)
_ORDNING = frozenset({"<", "<=", ">", ">="})
# Types compared directly when both sides have them. Decimal is left out on purpose: a
# Decimal fact may be NaN or infinite, which only the slow path rejects.
_RASKE_ORDNING = frozenset({int, date})
_RASKE_LIKHET = frozenset({int, date, str, bool})


def _sammenlign_sakte(
    op: str, pyop: _Sammenlign, a: object, b: object, tekst: str, pos: int
) -> bool:
    art_a, a = _normaliser(a, tekst, pos)
    art_b, b = _normaliser(b, tekst, pos)
    if art_a != art_b:
        raise UttrykkFeil(f"kan ikke sammenligne {art_a} med {art_b} ('{op}')", tekst, pos)
    if art_a == _LISTE:
        raise UttrykkFeil(f"lister kan ikke sammenlignes med '{op}'", tekst, pos)
    if op in _ORDNING and art_a not in (_TALL, _DATO):
        raise UttrykkFeil(f"'{op}' kan bare brukes på tall og datoer, ikke på {art_a}", tekst, pos)
    return pyop(a, b)


class _Node(NamedTuple):
    """A compiled piece of the tree, with what the parser needs to know about it."""

    fn: _Fn
    dybde: int
    pos: int
    konstant: bool = False
    verdi: object = None
    navn: str | None = None  # set when the node is a plain fact name
    liste: tuple[object, ...] | None = None  # set when the node is a list literal
    art: str | None = None  # the kind of value it gives, when known before evaluation
    form: tuple[Any, ...] | None = None  # the parsed shape, for the compiler (``Uttrykk.tre``)


def _konstant(verdi: object) -> _Fn:
    def konstant(v: Mapping[str, object]) -> object:
        return verdi

    return konstant


def _hent(navn: str, tekst: str, pos: int) -> _Fn:
    def hent(v: Mapping[str, object]) -> object:
        try:
            return v[navn]
        except KeyError:
            raise UttrykkFeil(f"mangler verdi for {navn!r}", tekst, pos) from None

    return hent


def _sammenligning(op: str, venstre: _Node, hoyre: _Node, tekst: str, pos: int) -> _Fn:
    pyop = _SAMMENLIGNINGER[op]
    raske = _RASKE_ORDNING if op in _ORDNING else _RASKE_LIKHET

    def sakte(a: object, b: object) -> bool:
        return _sammenlign_sakte(op, pyop, a, b, tekst, pos)

    if hoyre.konstant and type(hoyre.verdi) in raske:
        # The common shape `fakta.navn >= 18`: one closure, one lookup, one comparison.
        c = hoyre.verdi
        tc = type(c)
        navn = venstre.navn
        if navn is not None:
            navnpos = venstre.pos

            def navn_mot_konstant(v: Mapping[str, object]) -> bool:
                try:
                    a = v[navn]
                except KeyError:
                    raise UttrykkFeil(f"mangler verdi for {navn!r}", tekst, navnpos) from None
                if type(a) is tc:
                    return pyop(a, c)
                return sakte(a, c)

            return navn_mot_konstant
        vf = venstre.fn

        def mot_konstant(v: Mapping[str, object]) -> bool:
            a = vf(v)
            if type(a) is tc:
                return pyop(a, c)
            return sakte(a, c)

        return mot_konstant

    vf, hf = venstre.fn, hoyre.fn

    def sammenlign(v: Mapping[str, object]) -> bool:
        a = vf(v)
        b = hf(v)
        ta = type(a)
        if ta is type(b) and ta in raske:
            return pyop(a, b)
        return sakte(a, b)

    return sammenlign


def _medlemskap(venstre: _Node, hoyre: _Node, negert: bool, tekst: str, pos: int) -> _Fn:
    """``x i [..]`` / ``x ikke i [..]``; the kinds must match, like for ``==``."""
    op = "ikke i" if negert else "i"
    vf = venstre.fn

    def sjekk(a: object, elementer: frozenset[tuple[str, object]], arter: set[str]) -> bool:
        art, a = _normaliser(a, tekst, pos)
        if art == _LISTE:
            raise UttrykkFeil(f"venstre side av '{op}' kan ikke være en liste", tekst, pos)
        if arter and art not in arter:
            raise UttrykkFeil(
                f"kan ikke lete etter {art} i en liste av {' og '.join(sorted(arter))} ('{op}')",
                tekst,
                pos,
            )
        # (kind, value) pairs: `sann i [1]` is not true just because True == 1 in Python.
        return ((art, a) in elementer) != negert

    if hoyre.liste is not None:
        par = frozenset(_normaliser(e, tekst, pos) for e in hoyre.liste)
        arter = {art for art, _ in par}
        if arter == {_TEKST}:
            tekster = frozenset(verdi for _, verdi in par)

            def i_tekstliste(v: Mapping[str, object]) -> bool:
                a = vf(v)
                if type(a) is str:
                    return (a in tekster) != negert
                return sjekk(a, par, arter)

            return i_tekstliste

        def i_liste(v: Mapping[str, object]) -> bool:
            return sjekk(vf(v), par, arter)

        return i_liste

    hf = hoyre.fn
    navn = hoyre.navn
    hpos = hoyre.pos

    def i_navn(v: Mapping[str, object]) -> bool:
        a = vf(v)
        b = hf(v)
        if _artsnavn(b) != _LISTE:
            raise UttrykkFeil(
                f"høyre side av '{op}' må være en liste, men {navn!r} er {_artsnavn(b)}",
                tekst,
                hpos,
            )
        elementer = _som_liste(b, f"'{op}'", tekst, hpos)
        return sjekk(a, frozenset(elementer), {art for art, _ in elementer})

    return i_navn


def _dager(x: object, tekst: str, pos: int) -> int:
    """A number of days added to a date: a whole number, never a fraction or a bool."""
    if isinstance(x, int) and not isinstance(x, bool):
        return int(x)
    if isinstance(x, Decimal) and x.is_finite() and x == x.to_integral_value():
        return int(x)
    raise UttrykkFeil(f"antall dager må være et heltall, fikk {x}", tekst, pos)


def _regn_sakte(op: str, a: object, b: object, tekst: str, pos: int) -> object:
    art_a, a = _normaliser(a, tekst, pos)
    art_b, b = _normaliser(b, tekst, pos)
    # The kinds (art_a, art_b) tell which of int, Decimal and date `a` and `b` are; the type
    # checker cannot tie a kind to its value, hence the ignores in this block.
    try:
        if art_a == _TALL and art_b == _TALL:
            if op == "/":
                if b == 0:
                    raise UttrykkFeil("deling på null", tekst, pos)
                return _KONTEKST.divide(a, b)  # type: ignore[arg-type]  # see above
            if type(a) is int and type(b) is int:
                return a + b if op == "+" else a - b if op == "-" else a * b
            if op == "+":
                return _KONTEKST.add(a, b)  # type: ignore[arg-type]  # see above
            if op == "-":
                return _KONTEKST.subtract(a, b)  # type: ignore[arg-type]  # see above
            return _KONTEKST.multiply(a, b)  # type: ignore[arg-type]  # see above
        if art_a == _DATO and art_b == _DATO and op == "-":
            return (a - b).days  # type: ignore[operator]  # see above
        if art_a == _DATO and art_b == _TALL and op in "+-":
            dager = timedelta(days=_dager(b, tekst, pos))
            return a + dager if op == "+" else a - dager  # type: ignore[operator]  # see above
        if art_a == _TALL and art_b == _DATO and op == "+":
            return b + timedelta(days=_dager(a, tekst, pos))  # type: ignore[operator]  # see above
    except OverflowError:
        raise UttrykkFeil("datoen havner utenfor gyldig område", tekst, pos) from None
    except DecimalException:
        raise UttrykkFeil(f"regnefeil med '{op}' (tallet blir ugyldig)", tekst, pos) from None
    raise UttrykkFeil(f"kan ikke bruke '{op}' på {art_a} og {art_b}", tekst, pos)


def _aritmetikk(op: str, venstre: _Node, hoyre: _Node, tekst: str, pos: int) -> _Fn:
    vf, hf = venstre.fn, hoyre.fn
    if op == "/":

        def del_(v: Mapping[str, object]) -> object:
            return _regn_sakte("/", vf(v), hf(v), tekst, pos)

        return del_
    pyop = {"+": operator.add, "-": operator.sub, "*": operator.mul}[op]

    def regn(v: Mapping[str, object]) -> object:
        a = vf(v)
        b = hf(v)
        if type(a) is int and type(b) is int:
            return pyop(a, b)
        return _regn_sakte(op, a, b, tekst, pos)

    return regn


def _minus(x: object, tekst: str, pos: int) -> object:
    verdi = _som_tall(x, "'-'", tekst, pos)
    # `type(verdi) is int` (the fast check) does not narrow `verdi` for the type checker.
    return -verdi if type(verdi) is int else verdi.copy_negate()  # type: ignore[union-attr]


def _negasjon(del_: _Node, tekst: str, pos: int) -> _Fn:
    fn = del_.fn

    def negasjon(v: Mapping[str, object]) -> object:
        a = fn(v)
        if type(a) is int:
            return -a
        return _minus(a, tekst, pos)

    return negasjon


def _logisk(op: str, deler: list[_Node], tekst: str) -> _Fn:
    """n-ary 'og' / 'eller', short-circuiting; a flat list keeps long chains shallow."""
    par = tuple((d.fn, d.pos) for d in deler)
    if op == "og":

        def og(v: Mapping[str, object]) -> bool:
            for fn, p in par:
                r = fn(v)
                if r is not True:
                    if r is False:
                        return False
                    _sann(r, "og", tekst, p)
            return True

        return og

    def eller(v: Mapping[str, object]) -> bool:
        for fn, p in par:
            r = fn(v)
            if r is not False:
                if r is True:
                    return True
                _sann(r, "eller", tekst, p)
        return False

    return eller


def _ikke(del_: _Node, tekst: str, pos: int) -> _Fn:
    fn = del_.fn

    def ikke(v: Mapping[str, object]) -> bool:
        r = fn(v)
        if r is True:
            return False
        if r is False:
            return True
        return not _sann(r, "ikke", tekst, pos)

    return ikke


# ---------------------------------------------------------------------------------------
# The whitelisted functions


@attrs.frozen
class _Funksjon:
    """A function rule authors may call, with its arity and its implementation."""

    navn: str
    min_argumenter: int
    maks_argumenter: int | None  # None: no upper bound
    beskrivelse: str
    utfor: Callable[[tuple[object, ...], str, int], object] = attrs.field(repr=False)
    #: Values the function reads besides its arguments, given to ``utfor`` after them: the
    #: rate lookups read the assessment date and the rate tables (``satser`` below).
    leser: tuple[str, ...] = ()


def _min_maks(navn: str, velg: Callable[..., object]) -> Callable[..., object]:
    def utfor(args: tuple[object, ...], tekst: str, pos: int) -> object:
        par = [_normaliser(a, tekst, pos) for a in args]
        arter = {art for art, _ in par}
        if len(arter) > 1:
            raise UttrykkFeil(f"{navn}() kan ikke blande {' og '.join(sorted(arter))}", tekst, pos)
        (art,) = arter
        if art not in (_TALL, _DATO):
            raise UttrykkFeil(f"{navn}() tar tall eller datoer, ikke {art}", tekst, pos)
        return velg(verdi for _, verdi in par)

    return utfor


def _abs(args: tuple[object, ...], tekst: str, pos: int) -> object:
    verdi = _som_tall(args[0], "abs()", tekst, pos)
    # `type(verdi) is int` (the fast check) does not narrow `verdi` for the type checker.
    return abs(verdi) if type(verdi) is int else verdi.copy_abs()  # type: ignore[union-attr]


def _avrund(args: tuple[object, ...], tekst: str, pos: int) -> object:
    """Whole kroner, half away from zero (0.5 -> 1, 2.5 -> 3), as benefit tables round."""
    verdi = _som_tall(args[0], "avrund()", tekst, pos)
    if type(verdi) is int:
        return verdi
    # `type(verdi) is int` (the fast check) does not narrow `verdi` for the type checker.
    return int(verdi.to_integral_value(rounding=ROUND_HALF_UP))  # type: ignore[union-attr]


def _antall(args: tuple[object, ...], tekst: str, pos: int) -> object:
    return len(_som_liste(args[0], "antall()", tekst, pos))


def _sum(args: tuple[object, ...], tekst: str, pos: int) -> object:
    total: int | Decimal = 0
    for art, verdi in _som_liste(args[0], "sum()", tekst, pos):
        if art != _TALL:
            raise UttrykkFeil(f"sum() krever en liste av tall, men listen har {art}", tekst, pos)
        if type(total) is int and type(verdi) is int:
            total += verdi
        else:
            # `art` is _TALL, so `verdi` is int or Decimal; the checker cannot tie the two.
            total = _KONTEKST.add(total, verdi)  # type: ignore[arg-type]
    return total


# --- kvpregler (issue 17, the KVP benefit as rules): exact division rounded to kroner/øre ---
# The KVP stønad is computed exactly (rules/stl-35-kvalifiseringsstonad.toml): ``a / b`` here is
# the exact quotient, rounded once, half away from zero, never first to the context's 28 digits.


#: Bounds on what ``delt_*`` divides exactly: under 10^18, at most 18 decimals (an amount is far
#: inside), so a hostile value such as 1E+999999 cannot make the whole-number arithmetic slow.
_DELT_GRENSE = 10**18
_DELT_DESIMALER = 18


def _delt_tall(x: object, navn: str, tekst: str, pos: int) -> int | Decimal:
    verdi = _som_tall(x, f"{navn}()", tekst, pos)
    desimaler = 0 if isinstance(verdi, int) else -int(verdi.as_tuple().exponent)
    if not -_DELT_GRENSE < verdi < _DELT_GRENSE or desimaler > _DELT_DESIMALER:
        raise UttrykkFeil(
            f"{navn}() tar tall under 10^18 med høyst {_DELT_DESIMALER} desimaler, fikk {verdi}",
            tekst,
            pos,
        )
    return verdi


def _delt(enhet: Decimal, navn: str) -> Callable[..., object]:
    """``navn(a, b)``: a / b computed exactly and rounded to whole ``enhet`` (1 or 0.01), 0,5
    away from zero; the result has ``enhet``'s decimals (``Decimal('973.62')``, never 973.6).
    Exact in whole numbers: a and b as integer ratios, one integer division (no Fraction)."""
    per_krone = int(1 / enhet)

    def utfor(args: tuple[object, ...], tekst: str, pos: int) -> object:
        teller = _delt_tall(args[0], navn, tekst, pos)
        nevner = _delt_tall(args[1], navn, tekst, pos)
        if nevner == 0:
            raise UttrykkFeil(f"deling på null i {navn}()", tekst, pos)
        p1, q1 = teller.as_integer_ratio()
        p2, q2 = nevner.as_integer_ratio()
        over, under = p1 * q2 * per_krone, q1 * p2  # a / b in units of ``enhet``
        if under < 0:
            over, under = -over, -under
        hele = (2 * abs(over) + under) // (2 * under)  # floor(|a / b| + 1/2)
        try:
            return _KONTEKST.multiply(Decimal(-hele if over < 0 else hele), enhet)
        except DecimalException:
            raise UttrykkFeil(f"regnefeil i {navn}() (tallet blir ugyldig)", tekst, pos) from None

    return utfor


# --- end kvpregler ----------------------------------------------------------------------------


# --- satser (issue 17, the law as rules): rate lookups by key; a key lookup in literal lists ---
# ``sats("tabell", kolonne)`` is the value of a column in the row of a rate table (rules/satser)
# in force on the assessment date; ``barnesats("tabell", alder)`` the child rate of the age band
# that covers an age (0 for an age no band covers: no child rate); ``oppslag(nokkel, [nokler],
# [verdier])`` the value at the key's place (which column a household type takes). The tables
# are not facts: a calculation that lets its rules look rates up gives them under
# ``SATSKILDE``, a key no expression can name (``§`` is not a character of a name), with the
# municipality's own table in place of the state's when one is given (``rates.Satskilde``).
# Which tables and columns a rule reads is checked when the rules load (``satsoppslag`` lists
# them from the parsed tree); the compiled engines run these calls through this closure.

#: Where a calculation puts its rate tables (a ``rates.Satskilde``) among the values.
SATSKILDE = "§satser"
#: The functions that read a rate table, and the kind of key each takes.
SATSFUNKSJONER: Mapping[str, str] = MappingProxyType({"sats": _TEKST, "barnesats": _TALL})


def _satskilde(x: object, navn: str, tekst: str, pos: int) -> Any:
    if not isinstance(x, Satskilde):
        raise UttrykkFeil(f"{navn}() fikk ingen satstabeller", tekst, pos)
    return x


def _satsoppslag(navn: str) -> Callable[..., object]:
    """``sats``/``barnesats``: (table, key, date, tables) -> the amount in force on the date."""

    def utfor(args: tuple[object, ...], tekst: str, pos: int) -> object:
        tabell, nokkel, dato, kilde = args
        satser = _satskilde(kilde, navn, tekst, pos)
        if type(dato) is not date:
            raise UttrykkFeil(
                f"{navn}() trenger vurderingsdatoen, fikk {_artsnavn(dato)}", tekst, pos
            )
        try:
            if navn == "sats":
                if type(nokkel) is not str:
                    raise UttrykkFeil(
                        f"sats() krever en kolonne (tekst), fikk {_artsnavn(nokkel)}", tekst, pos
                    )
                return satser.belop(tabell, nokkel, dato)
            if type(nokkel) is not int or nokkel < 0:
                raise UttrykkFeil(
                    f"barnesats() krever en alder (helt tall), fikk {nokkel!r}", tekst, pos
                )
            return satser.barnesats(tabell, nokkel, dato)
        except RegelFeil as exc:
            raise UttrykkFeil(f"{navn}(): {exc.melding}", tekst, pos) from None

    return utfor


#: Each ``oppslag``'s literal lists as a dict from (kind, key) to value, made on first use: the
#: lists are constants of a parsed rule, so a lookup is one dict access (bounded all the same).
_OPPSLAGSTABELLER: dict[tuple[object, object], dict[tuple[str, object], object]] = {}


def _oppslag(args: tuple[object, ...], tekst: str, pos: int) -> object:
    """The value at the key's place in the list of keys (the parser checked the lists)."""
    nokkel, nokler, verdier = args
    try:
        tabell = _OPPSLAGSTABELLER[nokler, verdier]
    except (KeyError, TypeError):  # not made yet, or not literal lists (unhashable)
        nokkelpar = _som_liste(nokler, "oppslag()", tekst, pos)
        verdipar = _som_liste(verdier, "oppslag()", tekst, pos)
        tabell = {k: v for k, (_, v) in zip(nokkelpar, verdipar, strict=True)}
        if type(nokler) is tuple and type(verdier) is tuple:
            if len(_OPPSLAGSTABELLER) >= 1024:
                _OPPSLAGSTABELLER.clear()
            _OPPSLAGSTABELLER[nokler, verdier] = tabell
    par = (_TEKST, nokkel) if type(nokkel) is str else _normaliser(nokkel, tekst, pos)
    try:
        return tabell[par]
    except KeyError:
        raise UttrykkFeil(f"oppslag(): {par[1]!r} finnes ikke blant nøklene", tekst, pos) from None


def _satsart(parser: _Parser, navn: str, args: list[_Node], pos: int) -> str | None:
    """The kind a lookup gives, refusing at load what can never work."""
    if navn in SATSFUNKSJONER:
        forste = args[0]
        if not (forste.konstant and type(forste.verdi) is str):
            raise parser.feil(
                f"{navn}(): første argument må være navnet på en satstabell i anførselstegn", pos
            )
        if args[1].art is not None and args[1].art != SATSFUNKSJONER[navn]:
            raise parser.feil(
                f"{navn}() krever {SATSFUNKSJONER[navn]} som nøkkel, fikk {args[1].art}", pos
            )
        return _TALL
    nokler, verdier = args[1].liste, args[2].liste
    if nokler is None or verdier is None:
        raise parser.feil(
            "oppslag() tar nøklene og verdiene som lister: oppslag(x, [..], [..])", pos
        )
    if len(nokler) != len(verdier) or not nokler:
        raise parser.feil(
            "oppslag(): listene med nøkler og verdier må være like lange og ikke tomme", pos
        )
    par = [_normaliser(k, parser.tekst, pos) for k in nokler]
    if len(set(par)) != len(par):
        raise parser.feil("oppslag(): en nøkkel står to ganger", pos)
    arter = {a for a, _ in par}
    if args[0].art is not None and args[0].art not in arter:
        raise parser.feil(
            f"oppslag(): nøkkelen er {args[0].art}, nøklene {' og '.join(sorted(arter))}", pos
        )
    verdiarter = {_artsnavn(v) for v in verdier}
    return verdiarter.pop() if len(verdiarter) == 1 else None


def satsoppslag(tre: tuple[Any, ...] | None) -> list[tuple[str, str, tuple[str, ...] | None]]:
    """Every rate lookup in a parsed tree (``Uttrykk.tre``): (function, table, the keys it may
    read: the column given as text, or the values of an ``oppslag`` over literal lists; None
    when the key is computed otherwise, as a child's age is). For the loader's check."""
    funnet: list[tuple[str, str, tuple[str, ...] | None]] = []
    stabel = [tre]
    while stabel:
        del_ = stabel.pop()
        if not isinstance(del_, tuple) or not del_:
            continue
        if del_[0] == "kall" and del_[1] in SATSFUNKSJONER:
            tabell, nokkel = del_[2][0], del_[2][1]
            nokler: tuple[str, ...] | None = None
            if nokkel is not None and nokkel[0] == "konst":
                nokler = (nokkel[1],)
            elif nokkel is not None and nokkel[:2] == ("kall", "oppslag") and nokkel[2][2]:
                verdiliste = nokkel[2][2]
                if verdiliste[0] == "liste":
                    nokler = tuple(str(v) for v in verdiliste[1])
            funnet.append((del_[1], tabell[1], nokler))
        if del_[0] in ("kall", "og", "eller"):
            stabel.extend(del_[-1])
        else:
            stabel.extend(d for d in del_[1:] if isinstance(d, tuple))
    return funnet


# --- end satser -------------------------------------------------------------------------------
# --- velg (issue 17, the law as rules): a value chosen by a rule's outcome, months, whole-number
# division. ``oppfylt("regel-id")`` reads a named rule's outcome as a truth value: the parser makes
# it a name (``utfallsnavn``) whose value the caller gives (``vurdering.stegvis.utfallsverdier``):
# true when the rule is met, false when it is not, unknown (naming what is missing) when it is
# undetermined or left to the caseworker's discretion, so a step that reads it is never computed
# on a guess. The loader allows it only in a calculation's steps, and only for a rule that exists.
# ``hvis(b, a, c)`` evaluates only the branch it takes, so ``hvis(x > 0, heltall_delt(y, x), 0)``
# never divides by zero. ``pluss_maneder`` is ``lov.kalender``'s month, the one the code uses.

#: What a rule's outcome is called among the values an expression reads. A fact's name never has
#: a ':' or a '-', so the two cannot be mistaken for each other.
UTFALLSPREFIKS = "oppfylt:"
#: Most months ``pluss_maneder`` adds or takes away (10 000 years: beyond it every date is outside
#: the calendar); the bound keeps a hostile number from costing anything.
MAKS_MANEDER = 12 * 10_000
#: A rule id's spelling: lower-case letters, digits and inner hyphens. The one definition: the
#: loader checks every rule's id with it (``vurdering.rulebook_load``), and ``oppfylt("…")``
#: its argument.
REGEL_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


def utfallsnavn(regel_id: str) -> str:
    """The name ``oppfylt("regel_id")`` reads: the value the caller gives for the outcome."""
    return UTFALLSPREFIKS + regel_id


def utfallsregel(navn: str) -> str | None:
    """The rule id in a name ``utfallsnavn`` made, or None for a fact's name."""
    return navn[len(UTFALLSPREFIKS) :] if navn.startswith(UTFALLSPREFIKS) else None


def _hvis(args: tuple[object, ...], tekst: str, pos: int) -> object:
    """``hvis(b, a, c)`` with its arguments evaluated (the table's form; the parser writes the
    lazy ``_hvis_lat``)."""
    return args[1] if _sann(args[0], "hvis()", tekst, pos) else args[2]


def _hvis_lat(args: list[_Node], tekst: str) -> _Fn:
    """``hvis(b, a, c)``: ``a`` when ``b`` is true, ``c`` when false, and only that branch is
    evaluated; ``b`` must be a truth value (never a number read as one)."""
    fb, fa, fc = (a.fn for a in args)
    bpos = args[0].pos

    def hvis(v: Mapping[str, object]) -> object:
        b = fb(v)
        if b is True:
            return fa(v)
        if b is False:
            return fc(v)
        return fa(v) if _sann(b, "hvis()", tekst, bpos) else fc(v)  # _sann raises

    return hvis


def _oppfylt(args: tuple[object, ...], tekst: str, pos: int) -> object:
    """Never called: the parser reads ``oppfylt("id")`` as the name of the outcome's value."""
    raise UttrykkFeil("oppfylt() tar en regels id i anførselstegn", tekst, pos)


def _les_utfall(p: _Parser, tok: _Token) -> _Node:
    """``oppfylt("regel-id")``: one text literal, a rule id; read as the name ``utfallsnavn``."""
    parentes = p.neste()
    arg = p.se()
    if arg.art != "tekst":
        raise p.feil(
            'oppfylt() tar én regels id i anførselstegn, for eksempel oppfylt("stl-35-under-25")',
            arg.pos,
        )
    p.neste()
    p.forvent("op", ")", f"forventet ')' etter regelens id i oppfylt() ved posisjon {parentes.pos}")
    regel_id = str(arg.verdi)
    if not REGEL_ID.fullmatch(regel_id):
        raise p.feil(
            f"{regel_id!r} er ikke en regel-id (små bokstaver a-z, sifre og bindestrek)", arg.pos
        )
    navn = utfallsnavn(regel_id)
    p.lest.setdefault(navn, None)
    form = ("navn", navn, _SANN)
    return p.node(_hent(navn, p.tekst, tok.pos), 1, tok.pos, navn=navn, art=_SANN, form=form)


def _pluss_maneder(args: tuple[object, ...], tekst: str, pos: int) -> object:
    """The same day ``n`` months later, or that month's last day (``lov.kalender``)."""
    art, dato = _normaliser(args[0], tekst, pos)
    if art != _DATO:
        raise UttrykkFeil(f"pluss_maneder() krever en dato først, fikk {art}", tekst, pos)
    n = _som_tall(args[1], "pluss_maneder()", tekst, pos)
    if not -MAKS_MANEDER <= n <= MAKS_MANEDER or n != int(n):
        raise UttrykkFeil(
            f"pluss_maneder(): antall måneder må være et heltall mellom -{MAKS_MANEDER} og "
            f"{MAKS_MANEDER}, fikk {n}",
            tekst,
            pos,
        )
    try:
        return pluss_maneder(dato, int(n))  # type: ignore[arg-type]  # art is _DATO
    except (ValueError, OverflowError):
        raise UttrykkFeil("datoen havner utenfor gyldig område", tekst, pos) from None


def _heltall_delt(args: tuple[object, ...], tekst: str, pos: int) -> object:
    """How many whole times ``b`` goes into ``a``: the quotient cut toward zero (as a
    ``Decimal``'s ``//``), an ``int``. Any finite number the case contract accepts, however
    small (an asset of 4.7E-162 kroner covers 0 months); bounded by the language's decimal
    context, so a quotient of more than 28 digits (a hostile 1E+999999) is a named error, found
    at once, never a long computation."""
    teller = _som_tall(args[0], "heltall_delt()", tekst, pos)
    nevner = _som_tall(args[1], "heltall_delt()", tekst, pos)
    if nevner == 0:
        raise UttrykkFeil("deling på null i heltall_delt()", tekst, pos)
    try:
        return int(_KONTEKST.divide_int(teller, nevner))
    except DecimalException:
        raise UttrykkFeil(
            "heltall_delt(): svaret blir for stort (mer enn 28 sifre)", tekst, pos
        ) from None


def _velg_art(navn: str, args: list[_Node], feil: Callable[[str, int], UttrykkFeil]) -> str | None:
    """The kind ``hvis``, ``pluss_maneder`` or ``heltall_delt`` gives, refusing kinds they can
    never take (load errors, as for the other functions)."""
    if navn == "hvis":
        b, a, c = args
        if b.art not in (None, _SANN):
            raise feil(f"hvis() krever en sannhetsverdi først, fikk {b.art}", b.pos)
        for gren in (a, c):
            if gren.art == _LISTE:
                raise feil("hvis() kan ikke gi en liste", gren.pos)
        if a.art is not None and c.art is not None and a.art != c.art:
            raise feil(f"hvis() må gi samme art i begge grener, fikk {a.art} og {c.art}", a.pos)
        return a.art if a.art == c.art else None
    if navn == "pluss_maneder":
        if args[0].art not in (None, _DATO):
            raise feil(f"pluss_maneder() krever en dato først, fikk {args[0].art}", args[0].pos)
        if args[1].art not in (None, _TALL):
            raise feil(f"pluss_maneder() krever et antall måneder, fikk {args[1].art}", args[1].pos)
        return _DATO
    for a in args:  # heltall_delt
        if a.art not in (None, _TALL):
            raise feil(f"{navn}() krever tall, fikk {a.art}", a.pos)
    nevner = args[1]
    if nevner.konstant and type(nevner.verdi) in (int, Decimal) and nevner.verdi == 0:
        raise feil(f"deling på null i {navn}()", nevner.pos)  # as '/' by a constant 0
    return _TALL


#: The functions of this block, in the table below and in the parser.
_VELG = frozenset({"hvis", "oppfylt", "pluss_maneder", "heltall_delt"})


# --- end velg ---------------------------------------------------------------------------------


FUNKSJONER: Mapping[str, _Funksjon] = MappingProxyType(
    {
        "min": _Funksjon("min", 1, None, "minste av tall eller datoer", _min_maks("min", min)),
        "max": _Funksjon("max", 1, None, "største av tall eller datoer", _min_maks("max", max)),
        "abs": _Funksjon("abs", 1, 1, "absoluttverdi av et tall", _abs),
        "avrund": _Funksjon("avrund", 1, 1, "avrund til hele kroner (0,5 opp)", _avrund),
        "antall": _Funksjon("antall", 1, 1, "antall elementer i en liste", _antall),
        "sum": _Funksjon("sum", 1, 1, "summen av en liste med tall", _sum),
        # --- kvpregler (issue 17): exact division rounded once (the KVP stønad) ---
        "delt_kroner": _Funksjon(
            "delt_kroner",
            2,
            2,
            "a / b regnet eksakt, avrundet til hele kroner (0,5 opp)",
            _delt(Decimal(1), "delt_kroner"),
        ),
        "delt_ore": _Funksjon(
            "delt_ore",
            2,
            2,
            "a / b regnet eksakt, avrundet til hele øre (0,5 opp)",
            _delt(Decimal("0.01"), "delt_ore"),
        ),
        # --- end kvpregler ---
        # --- satser (issue 17): rate lookups and a key lookup in literal lists ---
        "sats": _Funksjon(
            "sats",
            2,
            2,
            "verdien i en kolonne av satstabellen som gjelder på vurderingsdatoen",
            _satsoppslag("sats"),
            ("vurderingsdato", SATSKILDE),
        ),
        "barnesats": _Funksjon(
            "barnesats",
            2,
            2,
            "barnesatsen for aldersgruppen som omfatter en alder (0 uten aldersgruppe)",
            _satsoppslag("barnesats"),
            ("vurderingsdato", SATSKILDE),
        ),
        "oppslag": _Funksjon(
            "oppslag", 3, 3, "verdien på nøkkelens plass: oppslag(x, [nøkler], [verdier])", _oppslag
        ),
        # --- end satser ---
        # --- velg (issue 17): choosing by a rule's outcome, months, whole-number division ---
        "hvis": _Funksjon(
            "hvis", 3, 3, "a hvis betingelsen er sann, ellers b (bare valgt gren regnes ut)", _hvis
        ),
        "oppfylt": _Funksjon(
            "oppfylt",
            1,
            1,
            'om regelen er oppfylt: oppfylt("regel-id"), i mellomregninger',
            _oppfylt,
        ),
        "pluss_maneder": _Funksjon(
            "pluss_maneder",
            2,
            2,
            "datoen n måneder senere (siste dag i måneden når den er kortere)",
            _pluss_maneder,
        ),
        "heltall_delt": _Funksjon(
            "heltall_delt", 2, 2, "hvor mange hele ganger b går opp i a (mot null)", _heltall_delt
        ),
        # --- end velg ---
    }
)


def _kall(funksjon: _Funksjon, args: list[_Node], tekst: str, pos: int) -> _Fn:
    fns = tuple(a.fn for a in args)
    utfor = funksjon.utfor
    if len(fns) == 1:
        (f0,) = fns

        def kall1(v: Mapping[str, object]) -> object:
            return utfor((f0(v),), tekst, pos)

        return kall1
    if len(fns) == 2:
        f0, f1 = fns

        def kall2(v: Mapping[str, object]) -> object:
            return utfor((f0(v), f1(v)), tekst, pos)

        return kall2
    if len(fns) == 3:  # oppslag(x, [..], [..])
        f0, f1, f2 = fns

        def kall3(v: Mapping[str, object]) -> object:
            return utfor((f0(v), f1(v), f2(v)), tekst, pos)

        return kall3
    if len(fns) == 4:  # a rate lookup: table, key, and the date and tables it reads
        f0, f1, f2, f3 = fns

        def kall4(v: Mapping[str, object]) -> object:
            return utfor((f0(v), f1(v), f2(v), f3(v)), tekst, pos)

        return kall4

    def kall(v: Mapping[str, object]) -> object:
        return utfor(tuple(f(v) for f in fns), tekst, pos)

    return kall


# ---------------------------------------------------------------------------------------
# Tokenizer


class _Token(NamedTuple):
    art: str  # navn | nokkelord | tall | dato | tekst | op | slutt
    verdi: object
    pos: int
    kilde: str  # the source text of the token, for messages


_NOKKELORD = frozenset({"og", "eller", "ikke", "i", "sann", "usann"})
_ENGELSK = MappingProxyType(
    {
        "and": "og",
        "or": "eller",
        "not": "ikke",
        "in": "i",
        "true": "sann",
        "false": "usann",
    }
)
_RE_DATOAKTIG = re.compile(r"[0-9]{4}-[0-9]+-[0-9]+")
_RE_DATO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_RE_TALL = re.compile(r"[0-9]+(?:_[0-9]+)*(?:\.[0-9]+(?:_[0-9]+)*)?")
_RE_LEDD = re.compile(r"[a-z_][a-z0-9_]*")
_TO_TEGN = frozenset({"==", "!=", "<=", ">="})
_ETT_TEGN = frozenset("<>+-*/()[],")
_TEGNHINT = MappingProxyType(
    {
        "#": "'#' er ikke tillatt (uttrykk har ikke kommentarer)",
        "=": "enkelt '=' er ikke tillatt; bruk '==' for likhet",
        "!": "'!' er ikke tillatt; bruk '!=' eller 'ikke'",
        "&": "'&' er ikke tillatt; bruk 'og'",
        "|": "'|' er ikke tillatt; bruk 'eller'",
        "'": 'tekst skrives i doble anførselstegn ("...")',
        ":": "':' er ikke tillatt i uttrykk",
    }
)
_MELLOMROM = frozenset(" \t\n\r")


def _er_kontrolltegn(tegn: str) -> bool:
    # Control, format (e.g. bidi overrides that make code look different from what it
    # is), surrogate, private-use and unassigned characters are never legitimate here.
    return unicodedata.category(tegn) in ("Cc", "Cf", "Cs", "Co", "Cn")


def _beskriv_tegn(tegn: str) -> str:
    kode = f"U+{ord(tegn):04X}"
    if _er_kontrolltegn(tegn):
        return f"kontrolltegn {kode}"
    return f"{tegn!r} ({kode})"


def _tokeniser(tekst: str) -> list[_Token]:
    """Split ``tekst`` into tokens; anything outside the language is an error here."""
    tokens: list[_Token] = []
    n = len(tekst)
    i = 0

    def feil(melding: str, pos: int) -> UttrykkFeil:
        return UttrykkFeil(melding, tekst, pos)

    while i < n:
        c = tekst[i]
        if c in _MELLOMROM:
            i += 1
        elif "0" <= c <= "9":
            i = _les_tall(tekst, i, tokens, feil)
        elif c == '"':
            i = _les_tekst(tekst, i, tokens, feil)
        elif c == "_" or c.isalpha():
            i = _les_navn(tekst, i, tokens, feil)
        elif tekst[i : i + 2] == "**":
            raise feil("'**' (potens) finnes ikke i uttrykk", i)
        elif tekst[i : i + 2] in _TO_TEGN:
            tokens.append(_Token("op", tekst[i : i + 2], i, tekst[i : i + 2]))
            i += 2
        elif c in _ETT_TEGN:
            tokens.append(_Token("op", c, i, c))
            i += 1
        elif c == ".":
            if tekst[i + 1 : i + 2].isdigit():
                raise feil("et tall må begynne med et siffer (skriv 0.5, ikke .5)", i)
            raise feil("'.' kan bare stå inne i et navn (som i soker.alder)", i)
        elif c in _TEGNHINT:
            raise feil(_TEGNHINT[c], i)
        elif c == "\\":
            raise feil("'\\' er bare tillatt inne i tekst (\\\" og \\\\)", i)
        else:
            raise feil(f"ukjent tegn {_beskriv_tegn(c)}", i)
    tokens.append(_Token("slutt", None, n, ""))
    return tokens


def _etter_er_ordtegn(tekst: str, pos: int) -> bool:
    return pos < len(tekst) and (tekst[pos].isalnum() or tekst[pos] in "_.")


def _ordet_fra(tekst: str, start: int, slutt: int) -> str:
    """The literal plus whatever is glued to it, for a message (at most 40 characters)."""
    while slutt < len(tekst) and slutt - start < 40 and _etter_er_ordtegn(tekst, slutt):
        slutt += 1
    return tekst[start:slutt]


def _les_tall(
    tekst: str, i: int, tokens: list[_Token], feil: Callable[[str, int], UttrykkFeil]
) -> int:
    datoaktig = _RE_DATOAKTIG.match(tekst, i)
    if datoaktig:
        slutt = datoaktig.end()
        kilde = datoaktig.group()
        m = _RE_DATO.fullmatch(kilde)
        if m is None or _etter_er_ordtegn(tekst, slutt):
            raise feil(
                f"ugyldig dato {_ordet_fra(tekst, i, slutt)!r}; datoer skrives ÅÅÅÅ-MM-DD "
                "(for å trekke fra, skriv mellomrom rundt '-')",
                i,
            )
        try:
            verdi: object = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise feil(f"umulig dato {kilde!r}", i) from None
        tokens.append(_Token("dato", verdi, i, kilde))
        return slutt

    m = _RE_TALL.match(tekst, i)
    assert m is not None  # the caller saw a digit
    slutt = m.end()
    kilde = m.group()
    if _etter_er_ordtegn(tekst, slutt):
        raise feil(
            f"ugyldig tall {_ordet_fra(tekst, i, slutt)!r}; tall skrives som 12, 1_000 eller 2.5",
            i,
        )
    siffer = kilde.replace("_", "")
    heltall, _, _ = siffer.partition(".")
    # Check the length before converting, so a 2000-digit literal costs nothing.
    if len(heltall.lstrip("0")) > len(str(MAKS_TALL)):
        raise feil(f"tallet er for stort (maks {MAKS_TALL} i absoluttverdi)", i)
    verdi = Decimal(siffer) if "." in siffer else int(siffer)
    if verdi > MAKS_TALL:
        raise feil(f"tallet er for stort (maks {MAKS_TALL} i absoluttverdi)", i)
    tokens.append(_Token("tall", verdi, i, kilde))
    return slutt


def _les_tekst(
    tekst: str, i: int, tokens: list[_Token], feil: Callable[[str, int], UttrykkFeil]
) -> int:
    start = i
    deler: list[str] = []
    i += 1
    n = len(tekst)
    while i < n:
        c = tekst[i]
        if c == '"':
            tokens.append(_Token("tekst", "".join(deler), start, tekst[start : i + 1]))
            return i + 1
        if c == "\\":
            if i + 1 >= n:
                break
            neste = tekst[i + 1]
            if neste not in '"\\':
                raise feil(
                    f"ugyldig escape '\\{_synlig(neste)}' i tekst; bare \\\" og \\\\ er tillatt",
                    i,
                )
            deler.append(neste)
            i += 2
            continue
        if _er_kontrolltegn(c):
            raise feil(f"{_beskriv_tegn(c)} er ikke tillatt i tekst", i)
        deler.append(c)
        i += 1
    raise feil('teksten mangler avsluttende anførselstegn (")', start)


def _les_navn(
    tekst: str, i: int, tokens: list[_Token], feil: Callable[[str, int], UttrykkFeil]
) -> int:
    start = i
    n = len(tekst)
    while i < n and (tekst[i].isalnum() or tekst[i] in "_."):
        i += 1
    navn = tekst[start:i]
    for j, c in enumerate(navn):
        if not c.isascii():
            raise feil(
                f"navn kan bare inneholde a-z, 0-9, _ og punktum, ikke {c!r} "
                f"(skriv for eksempel o for ø, a for å, ae for æ)",
                start + j,
            )
        if c.isupper():
            hint = _ENGELSK.get(navn.lower())
            ekstra = f"; skriv '{hint}'" if hint else ""
            raise feil(f"navn skrives med små bokstaver: {navn!r}{ekstra}", start + j)
    offset = start
    for ledd in navn.split("."):
        if not ledd:
            raise feil(
                f"tomt ledd i navnet {navn!r} (to punktum etter hverandre, "
                "eller punktum først eller sist)",
                offset,
            )
        if ledd.startswith("__"):
            raise feil(
                f"ledd som begynner med to understreker (__) er ikke tillatt: {ledd!r}", offset
            )
        if not _RE_LEDD.fullmatch(ledd):
            raise feil(f"et ledd i et navn kan ikke begynne med et siffer: {ledd!r}", offset)
        offset += len(ledd) + 1
    if navn == "ingen":
        raise feil("'ingen' (tom verdi) støttes ikke i uttrykk", start)
    art = "nokkelord" if navn in _NOKKELORD else "navn"
    tokens.append(_Token(art, navn, start, navn))
    return i


# ---------------------------------------------------------------------------------------
# Parser


def _beskriv(tok: _Token) -> str:
    if tok.art == "slutt":
        return "slutten av uttrykket"
    if tok.art == "navn":
        return f"navnet '{tok.verdi}'"
    if tok.art == "tall":
        return f"tallet {tok.kilde}"
    if tok.art == "dato":
        return f"datoen {tok.kilde}"
    if tok.art == "tekst":
        kilde = tok.kilde if len(tok.kilde) <= 30 else tok.kilde[:27] + "…"
        return f"teksten {kilde}"
    return f"'{tok.kilde}'"


class _Parser:
    """Recursive descent over the token list, building compiled nodes as it goes.

    Only parentheses and call arguments recurse (bounded by ``MAKS_DYBDE``); chains of
    operators and prefixes are loops, so no input can drive Python's stack deep.
    """

    def __init__(
        self, tekst: str, tokens: list[_Token], arter: Mapping[str, str] | None = None
    ) -> None:
        self.tekst = tekst
        self.tokens = tokens
        self.arter = arter or {}
        self.i = 0
        self.niva = 0
        self.lest: dict[str, None] = {}  # an ordered set of the fact names read

    def feil(self, melding: str, pos: int) -> UttrykkFeil:
        return UttrykkFeil(melding, self.tekst, pos)

    def se(self, fremover: int = 0) -> _Token:
        return self.tokens[min(self.i + fremover, len(self.tokens) - 1)]

    def neste(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def er(self, art: str, verdi: object = None, fremover: int = 0) -> bool:
        tok = self.se(fremover)
        return tok.art == art and (verdi is None or tok.verdi == verdi)

    def node(
        self,
        fn: _Fn,
        dybde: int,
        pos: int,
        **ekstra: object,
    ) -> _Node:
        if dybde > MAKS_DYBDE:
            raise self.feil(f"uttrykket er nestet for dypt (maks {MAKS_DYBDE} nivåer)", pos)
        # `ekstra` holds _Node's optional fields by name, typed by each caller, not here.
        return _Node(fn, dybde, pos, **ekstra)  # type: ignore[arg-type]

    def forvent(self, art: str, verdi: object, melding: str) -> _Token:
        if not self.er(art, verdi):
            tok = self.se()
            raise self.feil(f"{melding}, fant {_beskriv(tok)}", tok.pos)
        return self.neste()

    # -- what is known before evaluation -----------------------------------------------

    def lag(
        self,
        fn: _Fn,
        dybde: int,
        pos: int,
        deler: tuple[_Node, ...],
        art: str | None,
        form: tuple[Any, ...] | None = None,
    ) -> _Node:
        """A node; one made only of constants is computed now, so its errors are load errors."""
        if deler and all(d.konstant or d.liste is not None for d in deler):
            try:
                verdi = fn(_INGEN_FAKTA)
            except UttrykkFeil:
                raise
            except (TypeError, ValueError, ArithmeticError) as e:
                raise self.feil(f"regnefeil ({type(e).__name__})", pos) from None
            return self.node(
                _konstant(verdi),
                dybde,
                pos,
                konstant=True,
                verdi=verdi,
                art=_artsnavn(verdi),
                form=("konst", verdi),
            )
        return self.node(fn, dybde, pos, art=art, form=form)

    def krev(self, del_: _Node, arter: tuple[str, ...], hva: str) -> None:
        """Refuse a part whose kind is known and is not one of ``arter``."""
        if del_.art is not None and del_.art not in arter:
            raise self.feil(f"{hva} krever {' eller '.join(arter)}, fikk {del_.art}", del_.pos)

    def regneart(self, op: str, a: _Node, b: _Node, pos: int) -> str | None:
        """The kind ``a op b`` gives, refusing kinds the operator can never take."""
        ka, kb = a.art, b.art
        if ka in (_TEKST, _SANN, _LISTE) or kb in (_TEKST, _SANN, _LISTE):
            arter = " og ".join(k for k in (ka, kb) if k is not None)
            raise self.feil(f"kan ikke bruke '{op}' på {arter}", pos)
        if ka is None or kb is None:
            return _TALL if op in "*/" else None
        if ka == kb == _TALL:
            return _TALL
        if ka == kb == _DATO and op == "-":
            return _TALL
        if ka == _DATO and kb == _TALL and op in "+-":
            return _DATO
        if ka == _TALL and kb == _DATO and op == "+":
            return _DATO
        raise self.feil(f"kan ikke bruke '{op}' på {ka} og {kb}", pos)

    def sammenligningsart(self, op: str, a: _Node, b: _Node, pos: int) -> None:
        """Refuse a comparison whose kinds are known to make it fail."""
        for del_ in (a, b):
            if del_.art == _LISTE:
                raise self.feil(f"lister kan ikke sammenlignes med '{op}'", pos)
            if op in _ORDNING and del_.art in (_TEKST, _SANN):
                raise self.feil(
                    f"'{op}' kan bare brukes på tall og datoer, ikke på {del_.art}", pos
                )
        if a.art is not None and b.art is not None and a.art != b.art:
            raise self.feil(f"kan ikke sammenligne {a.art} med {b.art} ('{op}')", pos)

    # -- grammar -------------------------------------------------------------------------

    def hele(self) -> _Node:
        if self.er("slutt"):
            raise self.feil("uttrykket er tomt", 0)
        node = self.uttrykk()
        tok = self.se()
        if tok.art != "slutt":
            raise self.feil(self.uventet_etter(tok), tok.pos)
        return node

    def uventet_etter(self, tok: _Token) -> str:
        if tok.art == "op" and tok.verdi == ")":
            return "')' uten tilhørende '('"
        melding = f"uventet {_beskriv(tok)} etter et fullstendig uttrykk"
        if tok.art == "navn" and tok.verdi in _ENGELSK:
            return f"{melding}; skriv '{_ENGELSK[str(tok.verdi)]}', ikke '{tok.verdi}'"
        if tok.art in ("navn", "tall", "dato", "tekst", "nokkelord") or (
            tok.art == "op" and tok.verdi in ("(", "[")
        ):
            return f"{melding} (mangler 'og', 'eller' eller en operator?)"
        return melding

    def uttrykk(self, apning: int | None = None) -> _Node:
        """A full expression; ``apning`` is where the enclosing '(' is, for the message."""
        self.niva += 1
        try:
            if self.niva > MAKS_DYBDE:
                pos = self.se().pos if apning is None else apning
                raise self.feil(f"uttrykket er nestet for dypt (maks {MAKS_DYBDE} nivåer)", pos)
            return self.logisk("eller", self.og)
        finally:
            self.niva -= 1

    def og(self) -> _Node:
        return self.logisk("og", self.ikke)

    def logisk(self, op: str, del_: Callable[[], _Node]) -> _Node:
        deler = [del_()]
        while self.er("nokkelord", op):
            self.neste()
            deler.append(del_())
        if len(deler) == 1:
            return deler[0]
        for d in deler:
            if d.art is not None and d.art != _SANN:
                raise self.feil(f"'{op}' krever sannhetsverdier, fikk {d.art}", d.pos)
        fn = _logisk(op, deler, self.tekst)
        form = (op, tuple(d.form for d in deler))
        return self.lag(
            fn, 1 + max(d.dybde for d in deler), deler[0].pos, tuple(deler), _SANN, form
        )

    def ikke(self) -> _Node:
        posisjoner = []
        while self.er("nokkelord", "ikke"):
            posisjoner.append(self.neste().pos)
        node = self.sammenligning()
        for pos in reversed(posisjoner):
            if node.art is not None and node.art != _SANN:
                raise self.feil(f"'ikke' krever sannhetsverdier, fikk {node.art}", pos)
            form = ("ikke", node.form)
            node = self.lag(_ikke(node, self.tekst, pos), node.dybde + 1, pos, (node,), _SANN, form)
        return node

    def sammenligningsop(self) -> tuple[str, int, int] | None:
        """(operator, position, number of tokens) if a comparison operator is next."""
        tok = self.se()
        if tok.art == "op" and tok.verdi in _SAMMENLIGNINGER:
            return str(tok.verdi), tok.pos, 1
        if tok.art == "nokkelord" and tok.verdi == "i":
            return "i", tok.pos, 1
        if tok.art == "nokkelord" and tok.verdi == "ikke" and self.er("nokkelord", "i", 1):
            return "ikke i", tok.pos, 2
        return None

    def sammenligning(self) -> _Node:
        venstre = self.sum()
        funnet = self.sammenligningsop()
        if funnet is None:
            if self.er("nokkelord", "ikke"):
                tok = self.se()
                raise self.feil("forventet 'i' etter 'ikke' (for 'ikke i')", tok.pos)
            return venstre
        op, pos, antall = funnet
        self.i += antall
        if op in ("i", "ikke i"):
            hoyre = self.medlemsliste(op)
            self.medlemsart(op, venstre, hoyre, pos)
            fn = _medlemskap(venstre, hoyre, op == "ikke i", self.tekst, pos)
            form: tuple[Any, ...] = ("i", op == "ikke i", venstre.form, hoyre.form)
        else:
            hoyre = self.sum()
            self.sammenligningsart(op, venstre, hoyre, pos)
            fn = _sammenligning(op, venstre, hoyre, self.tekst, pos)
            form = ("cmp", op, venstre.form, hoyre.form)
        kjede = self.sammenligningsop()
        if kjede is not None:
            raise self.feil(
                f"sammenligninger kan ikke kjedes ('{op}' etterfulgt av '{kjede[0]}'); "
                "skriv for eksempel 'a < b og b < c'",
                kjede[1],
            )
        dybde = 1 + max(venstre.dybde, hoyre.dybde)
        return self.lag(fn, dybde, pos, (venstre, hoyre), _SANN, form)

    def medlemsart(self, op: str, venstre: _Node, hoyre: _Node, pos: int) -> None:
        """Refuse ``x i liste`` whose kinds are known to make it fail."""
        if venstre.art == _LISTE:
            raise self.feil(f"venstre side av '{op}' kan ikke være en liste", pos)
        if hoyre.liste is None:
            if hoyre.art is not None and hoyre.art != _LISTE:
                raise self.feil(
                    f"høyre side av '{op}' må være en liste, men {hoyre.navn!r} er {hoyre.art}",
                    hoyre.pos,
                )
            return
        arter = {_artsnavn(e) for e in hoyre.liste}
        if venstre.art is not None and arter and venstre.art not in arter:
            raise self.feil(
                f"kan ikke lete etter {venstre.art} i en liste av {' og '.join(sorted(arter))} "
                f"('{op}')",
                pos,
            )

    def medlemsliste(self, op: str) -> _Node:
        tok = self.se()
        if tok.art == "op" and tok.verdi == "[":
            return self.liste()
        if tok.art == "navn" and not self.er("op", "(", 1):
            return self.navn()
        raise self.feil(
            f"etter '{op}' må det stå en liste [...] eller et navn, fant {_beskriv(tok)}",
            tok.pos,
        )

    def sum(self) -> _Node:
        return self.binaer(("+", "-"), self.produkt)

    def produkt(self) -> _Node:
        return self.binaer(("*", "/"), self.unaer)

    def binaer(self, ops: tuple[str, ...], del_: Callable[[], _Node]) -> _Node:
        venstre = del_()
        while self.er("op") and self.se().verdi in ops:
            tok = self.neste()
            hoyre = del_()
            op = str(tok.verdi)
            art = self.regneart(op, venstre, hoyre, tok.pos)
            konstant_null = hoyre.konstant and type(hoyre.verdi) in (int, Decimal)
            if op == "/" and konstant_null and hoyre.verdi == 0:
                raise self.feil("deling på null", tok.pos)
            fn = _aritmetikk(op, venstre, hoyre, self.tekst, tok.pos)
            dybde = 1 + max(venstre.dybde, hoyre.dybde)
            form = ("regn", op, venstre.form, hoyre.form)
            venstre = self.lag(fn, dybde, tok.pos, (venstre, hoyre), art, form)
        return venstre

    def unaer(self) -> _Node:
        posisjoner = []
        while self.er("op", "-"):
            posisjoner.append(self.neste().pos)
        node = self.primaer()
        for pos in reversed(posisjoner):
            if node.konstant and type(node.verdi) in (int, Decimal):
                # Fold `-5` into a constant so comparisons with it take the fast path.
                verdi = _minus(node.verdi, self.tekst, pos)
                node = self.node(
                    _konstant(verdi),
                    node.dybde + 1,
                    pos,
                    konstant=True,
                    verdi=verdi,
                    art=_TALL,
                    form=("konst", verdi),
                )
                continue
            self.krev(node, (_TALL,), "'-'")
            fn = _negasjon(node, self.tekst, pos)
            node = self.lag(fn, node.dybde + 1, pos, (node,), _TALL, ("neg", node.form))
        return node

    def primaer(self) -> _Node:
        tok = self.se()
        if tok.art in ("tall", "dato", "tekst"):
            self.neste()
            art = _artsnavn(tok.verdi)
            return self.node(
                _konstant(tok.verdi),
                1,
                tok.pos,
                konstant=True,
                verdi=tok.verdi,
                art=art,
                form=("konst", tok.verdi),
            )
        if tok.art == "nokkelord" and tok.verdi in ("sann", "usann"):
            self.neste()
            verdi = tok.verdi == "sann"
            return self.node(
                _konstant(verdi),
                1,
                tok.pos,
                konstant=True,
                verdi=verdi,
                art=_SANN,
                form=("konst", verdi),
            )
        if tok.art == "navn":
            if self.er("op", "(", 1):
                return self.kall()
            return self.navn()
        if tok.art == "op" and tok.verdi == "(":
            self.neste()
            node = self.uttrykk(tok.pos)
            self.forvent("op", ")", f"forventet ')' for å lukke '(' ved posisjon {tok.pos}")
            return node
        if tok.art == "op" and tok.verdi == "[":
            return self.liste()
        melding = f"forventet et tall, en tekst, en dato, et navn eller '(', fant {_beskriv(tok)}"
        if tok.art == "slutt":
            melding = "uttrykket slutter for tidlig; " + melding
        raise self.feil(melding, tok.pos)

    def navn(self) -> _Node:
        tok = self.neste()
        navn = str(tok.verdi)
        self.lest.setdefault(navn, None)
        art = self.arter.get(navn)
        art = _TALL if art == "belop" else art
        form = ("navn", navn, art)
        return self.node(
            _hent(navn, self.tekst, tok.pos), 1, tok.pos, navn=navn, art=art, form=form
        )

    def kall(self) -> _Node:
        tok = self.neste()
        navn = str(tok.verdi)
        funksjon = FUNKSJONER.get(navn)
        if funksjon is None:
            raise self.feil(
                f"ukjent funksjon {navn!r}; tillatte funksjoner er: "
                + ", ".join(sorted(FUNKSJONER)),
                tok.pos,
            )
        if navn == "oppfylt":
            return _les_utfall(self, tok)
        parentes = self.neste()
        args: list[_Node] = []
        if not self.er("op", ")"):
            self.niva += 1  # the call itself is a level, like a parenthesis
            try:
                args.append(self.uttrykk(parentes.pos))
                while self.er("op", ","):
                    self.neste()
                    args.append(self.uttrykk(parentes.pos))
            finally:
                self.niva -= 1
        self.forvent(
            "op", ")", f"forventet ',' eller ')' i kallet på {navn}() ved posisjon {parentes.pos}"
        )
        if len(args) < funksjon.min_argumenter or (
            funksjon.maks_argumenter is not None and len(args) > funksjon.maks_argumenter
        ):
            if funksjon.maks_argumenter is None:
                krav = f"minst {funksjon.min_argumenter}"
            elif funksjon.min_argumenter == funksjon.maks_argumenter:
                krav = f"nøyaktig {funksjon.min_argumenter}"
            else:
                krav = f"{funksjon.min_argumenter}-{funksjon.maks_argumenter}"
            ord_ = "argument" if funksjon.min_argumenter == 1 else "argumenter"
            raise self.feil(f"{navn}() tar {krav} {ord_}, fikk {len(args)}", tok.pos)
        art = self.funksjonsart(navn, args, tok.pos)
        args.extend(self.implisitt(lest, tok.pos) for lest in funksjon.leser)
        fn = (
            _hvis_lat(args, self.tekst)
            if navn == "hvis"
            else _kall(funksjon, args, self.tekst, tok.pos)
        )
        dybde = 1 + max((a.dybde for a in args), default=0)
        form = ("kall", navn, tuple(a.form for a in args))
        return self.lag(fn, dybde, tok.pos, tuple(args), art, form)

    def implisitt(self, navn: str, pos: int) -> _Node:
        """A value a function reads besides its arguments: a fact (read like a name), or the
        rate tables a calculation gives (``SATSKILDE``; no form, so the compilers leave the
        call to the closure)."""
        if navn != SATSKILDE:
            self.lest.setdefault(navn, None)
            art = self.arter.get(navn)
            return self.node(
                _hent(navn, self.tekst, pos), 1, pos, navn=navn, art=art, form=("navn", navn, art)
            )
        tekst = self.tekst

        def tabeller(v: Mapping[str, object]) -> object:
            try:
                return v[SATSKILDE]
            except KeyError:
                raise UttrykkFeil(
                    "satsoppslag kan bare brukes der beregningen gir satstabellene "
                    "(i en sum over elementer, [[regel.sum]])",
                    tekst,
                    pos,
                ) from None

        return self.node(tabeller, 1, pos)

    def funksjonsart(self, navn: str, args: list[_Node], pos: int) -> str | None:
        """The kind a call gives, refusing arguments whose kind it can never take."""
        if navn in SATSFUNKSJONER or navn == "oppslag":
            return _satsart(self, navn, args, pos)
        if navn in _VELG:
            return _velg_art(navn, args, self.feil)
        if navn in ("sum", "antall"):
            if args[0].art is not None and args[0].art != _LISTE:
                raise self.feil(f"{navn}() krever en liste, fikk {args[0].art}", pos)
            return _TALL
        if navn in ("abs", "avrund"):
            if args[0].art is not None and args[0].art != _TALL:
                raise self.feil(f"{navn}() krever tall, fikk {args[0].art}", pos)
            return _TALL
        kjente = {a.art for a in args if a.art is not None}
        for art in kjente:
            if art not in (_TALL, _DATO):
                raise self.feil(f"{navn}() tar tall eller datoer, ikke {art}", pos)
        if len(kjente) > 1:
            raise self.feil(f"{navn}() kan ikke blande {' og '.join(sorted(kjente))}", pos)
        return kjente.pop() if kjente and all(a.art is not None for a in args) else None

    def liste(self) -> _Node:
        start = self.neste()
        verdier: list[object] = []
        if not self.er("op", "]"):
            while True:
                verdier.append(self.listeverdi(start))
                tok = self.se()
                if tok.art == "op" and tok.verdi == ",":
                    self.neste()
                    if self.er("op", "]"):
                        raise self.feil("komma til slutt i listen er ikke tillatt", tok.pos)
                    continue
                if tok.art == "op" and tok.verdi == "]":
                    break
                if tok.art == "slutt":
                    raise self.feil("listen mangler avsluttende ']'", start.pos)
                raise self.feil(f"forventet ',' eller ']' i listen, fant {_beskriv(tok)}", tok.pos)
        self.neste()
        liste = tuple(verdier)
        form = ("liste", liste)
        return self.node(_konstant(liste), 1, start.pos, liste=liste, art=_LISTE, form=form)

    def listeverdi(self, start: _Token) -> object:
        tok = self.se()
        if self.er("op", "-") and self.er("tall", fremover=1):
            self.neste()
            return _minus(self.neste().verdi, self.tekst, tok.pos)
        if tok.art in ("tall", "dato", "tekst"):
            self.neste()
            return tok.verdi
        if tok.art == "nokkelord" and tok.verdi in ("sann", "usann"):
            self.neste()
            return tok.verdi == "sann"
        if tok.art == "slutt":
            raise self.feil("listen mangler avsluttende ']'", start.pos)
        raise self.feil(
            "bare enkle verdier (tall, tekst, dato, sann, usann) kan stå i en liste, "
            f"fant {_beskriv(tok)}",
            tok.pos,
        )


def parse(tekst: str, arter: Mapping[str, str] | None = None) -> Uttrykk:
    """Parse and compile one expression from a rule file.

    ``arter`` gives the kind of each fact (``tall``, ``belop``, ``tekst``, ``dato``,
    ``sannhetsverdi``, ``liste``; the fact catalogue's types): with it, an operator or function
    given a kind it can never take is a load error, not a failure on the first case.

    The text is data from a rule file and may be hostile, so it is bounded in length
    (``MAKS_LENGDE``), nesting (``MAKS_DYBDE``) and literal size (``MAKS_TALL``) before
    any work depends on it, and every rejection is an ``UttrykkFeil``.
    """
    if not isinstance(tekst, str):
        raise UttrykkFeil(
            f"uttrykket må være tekst, ikke {type(tekst).__name__}", f"<{type(tekst).__name__}>"
        )
    if len(tekst) > MAKS_LENGDE:
        raise UttrykkFeil(
            f"uttrykket er for langt ({len(tekst)} tegn, maks {MAKS_LENGDE})", tekst, MAKS_LENGDE
        )
    parser = _Parser(tekst, _tokeniser(tekst), arter)
    node = parser.hele()
    return Uttrykk(tekst, tuple(parser.lest), node.fn, node.art, node.dybde, node.form)


#: The values a part made only of constants is evaluated with (it reads none).
_INGEN_FAKTA: Mapping[str, object] = MappingProxyType({})
