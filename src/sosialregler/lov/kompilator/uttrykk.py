"""An expression of the rule language written as Python source, inline in a compiled rule.

``rulebook.expr`` compiles an expression to closures that check every value's kind on every
call. The compiler instead writes the common forms (fact, constant, comparison, arithmetic on
numbers, ``og`` / ``eller`` / ``ikke``, ``i`` a list, ``min`` / ``max`` / ``abs``) as one Python
expression, guarded by one test of the facts' kinds::

    (EXPR) if GUARDS else F(fakta)

Why this is exactly the closure: the guards admit only values the closure takes without
conversion (an ``int``, a finite ``Decimal``, a ``str``, a ``bool``, a ``date``, each of the
kind the fact catalogue gives the fact); under them every form below computes what the
closure computes, with the same decimal context (``expr._KONTEKST``) and the same argument
order. Anything else (a missing fact, ``Ukjent``, a float, a NaN, a kind the rule did not
expect) fails the guards and the whole expression is the closure's (``F(fakta)``): evaluation
is pure, so evaluating again is the same. An error the inline code raises (a division by zero,
an overflow) is one of ``hjelpere.FEIL``, and the handler around it asks the closure for the
message, as it does today. A form not listed here is never written: ``emitter`` returns None
and the caller calls the closure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from ..rulebook.expr import (
    _KONTEKST,
    _VELG,
    SATSFUNKSJONER,
    Uttrykk,
    _heltall_delt,
    _pluss_maneder,
)

#: The static kinds of an emitted part: exactly ``int``; ``int`` or finite ``Decimal``
#: (``tall``); finite ``Decimal``; and the exact types of the other kinds.
_INT, _NUM, _DEC, _BOOL, _STR, _DATO = "int", "num", "dec", "bool", "str", "dato"
_NUMERISK = frozenset({_INT, _NUM, _DEC})
#: What a fact of each catalogue kind must be for the inline code (expr's ``art`` of names).
_FAKTAART = {"tall": _NUM, "sannhetsverdi": _BOOL, "tekst": _STR, "dato": _DATO}


def er_tall(*verdier: object) -> bool:
    """Each an ``int`` (not a bool) or a finite ``Decimal``: numbers the closure takes as
    they are."""
    for x in verdier:
        t = type(x)
        # `t is Decimal` (the fast check) does not narrow `x` for the type checker.
        if not (t is int or (t is Decimal and x.is_finite())):  # type: ignore[attr-defined]
            return False
    return True


def steg_art(art: str) -> str:
    """The static kind of a step's value after ``mellomregning.godta``: an amount is always a
    finite Decimal, a truth value a bool, a number an int or a finite Decimal."""
    return _DEC if art == "belop" else _BOOL if art == "sannhetsverdi" else _NUM


def pluss(a: Any, b: Any) -> Any:
    """``a + b`` as ``expr._regn_sakte`` adds two numbers."""
    return a + b if type(a) is int and type(b) is int else _KONTEKST.add(a, b)


def minus(a: Any, b: Any) -> Any:
    """``a - b`` as ``expr._regn_sakte`` subtracts two numbers."""
    return a - b if type(a) is int and type(b) is int else _KONTEKST.subtract(a, b)


def ganger(a: Any, b: Any) -> Any:
    """``a * b`` as ``expr._regn_sakte`` multiplies two numbers."""
    return a * b if type(a) is int and type(b) is int else _KONTEKST.multiply(a, b)


def negativ(a: Any) -> Any:
    """``-a`` as ``expr._minus``: ``copy_negate`` for a Decimal, never rounded."""
    return -a if type(a) is int else a.copy_negate()


def absolutt(a: Any) -> Any:
    """``abs(a)`` as ``expr._abs``: ``copy_abs`` for a Decimal, never rounded."""
    return abs(a) if type(a) is int else a.copy_abs()


# --- velg (issue 17): ``pluss_maneder`` and ``heltall_delt`` inline are the closures' own
# functions (``expr._pluss_maneder``, ``expr._heltall_delt``), so the bounds and the calendar are
# written once; an error they raise is an ``UttrykkFeil`` (in ``hjelpere.FEIL``), and the handler
# asks the closure for the message. ``hvis`` is Python's conditional expression: lazy, like the
# closure's.


def pluss_maneder_i(dato: Any, antall: Any) -> Any:
    """``pluss_maneder(dato, antall)`` as the closure computes it."""
    return _pluss_maneder((dato, antall), "pluss_maneder", 0)


def heltall_delt_i(a: Any, b: Any) -> Any:
    """``heltall_delt(a, b)`` as the closure computes it."""
    return _heltall_delt((a, b), "heltall_delt", 0)


# --- end velg ---


#: The helpers the inline expressions call (their names in the generated text).
NAVNEROM: dict[str, Any] = {
    "er_tall": er_tall,
    "pluss": pluss,
    "minus": minus,
    "ganger": ganger,
    "dele": _KONTEKST.divide,
    "pluss_d": _KONTEKST.add,
    "minus_d": _KONTEKST.subtract,
    "ganger_d": _KONTEKST.multiply,
    "negativ": negativ,
    "absolutt": absolutt,
    "pluss_maneder_i": pluss_maneder_i,  # velg (issue 17)
    "heltall_delt_i": heltall_delt_i,  # velg (issue 17)
    "minst": min,
    "storst": max,
    "INT": int,
    "STR": str,
    "BOOL": bool,
    "DATO": date,
}

_REGN = {"+": ("pluss", "pluss_d"), "-": ("minus", "minus_d"), "*": ("ganger", "ganger_d")}
_FRAKK = frozenset({int, Decimal, str, bool, date})


class IkkeSkrevet(Exception):
    """A form the emitter does not write; the caller uses the closure."""


_Ikke = IkkeSkrevet


class Emitter:
    """Writes one expression's inline source over the locals holding its facts.

    Which forms are written and the static kind each gives (``del_`` and the methods it calls)
    is the one statement of how the inline code mirrors the closures' kind rules; how a form is
    spelled is in the ``f_*`` methods, which ``kompilator.kolonne`` overrides to spell the same
    forms as numpy over columns. A subclass that changes what a fact reads as overrides
    ``navn``.
    """

    def __init__(
        self,
        lokaler: dict[str, str],
        konstant: Callable[[Any], str],
        kjente: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        self.lokaler = lokaler  # fact name -> the local holding its value
        self.konstant = konstant  # stores a value among the module's constants, gives its name
        #: fact name -> (local, static kind) for values whose kind is already certain (a step
        #: computed before, after ``godta``): read without a guard.
        self.kjente = kjente or {}
        self.vakter: dict[str, str] = {}  # local -> the guard on its kind
        self.tall: list[str] = []  # locals that must be numbers (one ``er_tall`` call)

    def skriv(self, uttrykk: Uttrykk) -> tuple[str, str] | None:
        """(expression, guard) for ``uttrykk``, or None when some part is not written."""
        if uttrykk.tre is None:
            return None
        try:
            kode, _ = self.del_(uttrykk.tre)
        except _Ikke:
            return None
        vakter = list(self.vakter.values())
        if len(self.tall) == 1:
            (lokal,) = self.tall
            vakter.append(f"(type({lokal}) is INT or er_tall({lokal}))")
        elif self.tall:
            vakter.append(f"er_tall({', '.join(self.tall)})")
        return kode, " and ".join(vakter) or "True"

    def del_(self, form: tuple[Any, ...] | None) -> tuple[str, str]:
        if form is None:
            raise _Ikke
        slag = form[0]
        if slag == "navn":
            return self.navn(form[1], form[2])
        if slag == "konst":
            return self.konst(form[1])
        if slag == "cmp":
            return self.cmp(form[1], form[2], form[3])
        if slag == "regn":
            return self.regn(form[1], form[2], form[3])
        if slag == "neg":
            kode, art = self.del_(form[1])
            if art not in _NUMERISK:
                raise _Ikke
            return self.f_neg(kode, art), art
        if slag in ("og", "eller"):
            deler = [self.del_(d) for d in form[1]]
            if any(art != _BOOL for _, art in deler):
                raise _Ikke
            return self.f_og([k for k, _ in deler], slag == "og"), _BOOL
        if slag == "ikke":
            kode, art = self.del_(form[1])
            if art != _BOOL:
                raise _Ikke
            return self.f_ikke(kode), _BOOL
        if slag == "i":
            return self.i(form[1], form[2], form[3])
        if slag == "kall":
            return self.kall(form[1], form[2])
        raise _Ikke

    def navn(self, navn: str, faktaart: str | None) -> tuple[str, str]:
        if navn in self.kjente:
            return self.kjente[navn]
        art = _FAKTAART.get(faktaart or "")
        lokal = self.lokaler.get(navn)
        if art is None or lokal is None:
            raise _Ikke
        if art == _NUM:
            if lokal not in self.tall:
                self.tall.append(lokal)
        else:
            typ = {_BOOL: "BOOL", _STR: "STR", _DATO: "DATO"}[art]
            self.vakter[lokal] = f"type({lokal}) is {typ}"
        return lokal, art

    def konst(self, verdi: object) -> tuple[str, str]:
        t = type(verdi)
        if t is bool:
            return repr(verdi), _BOOL
        if t is int:
            return f"({verdi!r})", _INT
        if t is str:
            return repr(verdi), _STR
        # `t is Decimal` (the fast check) does not narrow `verdi` for the type checker.
        if t is Decimal and verdi.is_finite():  # type: ignore[attr-defined]
            return self.konstant(verdi), _DEC
        if t is date:
            return self.konstant(verdi), _DATO
        raise _Ikke

    def cmp(self, op: str, a: Any, b: Any) -> tuple[str, str]:
        ka, arta = self.del_(a)
        kb, artb = self.del_(b)
        # ``expr._sammenlign_sakte``: the kinds must be the same; order only numbers and dates.
        if arta in _NUMERISK and artb in _NUMERISK:
            pass
        elif arta != artb or (op not in ("==", "!=") and arta != _DATO):
            raise _Ikke
        return self.f_cmp(op, ka, kb), _BOOL

    def regn(self, op: str, a: Any, b: Any) -> tuple[str, str]:
        ka, arta = self.del_(a)
        kb, artb = self.del_(b)
        if arta not in _NUMERISK or artb not in _NUMERISK:
            raise _Ikke  # date arithmetic stays the closure's
        if op == "/":
            ut = _DEC
        elif arta == _INT and artb == _INT:
            ut = _INT
        else:
            ut = _DEC if _DEC in (arta, artb) else _NUM
        return self.f_regn(op, ka, kb, ut), ut

    def i(self, negert: bool, a: Any, b: Any) -> tuple[str, str]:
        ka, arta = self.del_(a)
        if b is None or b[0] != "liste" or arta not in (*_NUMERISK, _BOOL, _STR, _DATO):
            raise _Ikke
        elementer = b[1]
        if any(type(e) not in _FRAKK for e in elementer):
            raise _Ikke
        # ``expr._medlemskap``: the list's kinds must include the value's (an empty list has
        # none), and a value is looked for among the elements of its own kind only.
        arter = {_slag(e) for e in elementer}
        mitt = "tall" if arta in _NUMERISK else arta
        if arter and mitt not in arter:
            raise _Ikke
        samme = frozenset(e for e in elementer if _slag(e) == mitt)
        return self.f_i(negert, ka, self.konstant(samme)), _BOOL

    def kall(self, navn: str, args: tuple[Any, ...]) -> tuple[str, str]:
        if navn in SATSFUNKSJONER or navn == "oppslag":
            # satser (issue 17): a rate lookup reads the tables a calculation gives its sums
            # (``expr.SATSKILDE``), never a fact column: the closure runs it, per case and in
            # the columnar engine's per-case rows alike (``kolonne`` inherits this).
            raise _Ikke
        deler = [self.del_(a) for a in args]
        arter = {art for _, art in deler}
        if navn == "abs" and len(deler) == 1 and arter <= _NUMERISK:
            kode, art = deler[0]
            return self.f_abs(kode), art
        if navn in ("min", "max") and deler:
            # ``expr._min_maks``: one kind, numbers or dates; the builtin picks the first of
            # equals, in the same order, so ``max(x, 0)`` keeps the closure's type.
            if arter <= _NUMERISK:
                art = next(iter(arter)) if len(arter) == 1 else _NUM
            elif arter == {_DATO}:
                art = _DATO
            else:
                raise _Ikke
            if len(deler) == 1:
                return deler[0]
            return self.f_min_max(navn == "min", [k for k, _ in deler]), art
        if navn in _VELG:
            return self.velg(navn, deler)
        raise _Ikke

    # --- velg (issue 17): the static kinds of ``hvis``, ``pluss_maneder``, ``heltall_delt``
    def velg(self, navn: str, deler: list[tuple[str, str]]) -> tuple[str, str]:
        """``expr._velg_art``'s kinds: ``hvis`` a truth value and two branches of one kind (or
        two numbers); ``pluss_maneder`` a date and a number; ``heltall_delt`` two numbers."""
        arter = [art for _, art in deler]
        koder = [k for k, _ in deler]
        if navn == "hvis" and len(deler) == 3 and arter[0] == _BOOL:
            if arter[1] == arter[2]:
                art = arter[1]
            elif arter[1] in _NUMERISK and arter[2] in _NUMERISK:
                art = _NUM
            else:
                raise _Ikke
            return self.f_hvis(*koder), art
        if (
            navn == "pluss_maneder"
            and len(deler) == 2
            and arter[0] == _DATO
            and arter[1] in _NUMERISK
        ):
            return self.f_pluss_maneder(*koder), _DATO
        if navn == "heltall_delt" and len(deler) == 2 and set(arter) <= _NUMERISK:
            return self.f_heltall_delt(*koder), _INT
        raise _Ikke

    def f_hvis(self, kb: str, ka: str, kc: str) -> str:
        return f"({ka} if {kb} else {kc})"

    def f_pluss_maneder(self, kd: str, kn: str) -> str:
        return f"pluss_maneder_i({kd}, {kn})"

    def f_heltall_delt(self, ka: str, kb: str) -> str:
        return f"heltall_delt_i({ka}, {kb})"

    # --- end velg ---

    # --- how each form is spelled (per case: plain Python and the helpers of NAVNEROM) -----

    def f_neg(self, kode: str, art: str) -> str:
        return f"(-{kode})" if art == _INT else f"negativ({kode})"

    def f_og(self, koder: list[str], og: bool) -> str:
        return "(" + (" and " if og else " or ").join(koder) + ")"

    def f_ikke(self, kode: str) -> str:
        return f"(not {kode})"

    def f_cmp(self, op: str, ka: str, kb: str) -> str:
        return f"({ka} {op} {kb})"

    def f_regn(self, op: str, ka: str, kb: str, ut: str) -> str:
        """``ut``: the result's static kind (``_DEC`` for a division)."""
        if op == "/":
            return f"dele({ka}, {kb})"
        if ut == _INT:
            return f"({ka} {op} {kb})"
        blandet, desimal = _REGN[op]
        return f"{desimal if ut == _DEC else blandet}({ka}, {kb})"

    def f_i(self, negert: bool, ka: str, mengde: str) -> str:
        return f"({ka} {'not in' if negert else 'in'} {mengde})"

    def f_abs(self, kode: str) -> str:
        return f"absolutt({kode})"

    def f_min_max(self, minst: bool, koder: list[str]) -> str:
        return f"{'minst' if minst else 'storst'}({', '.join(koder)})"


def _slag(e: object) -> str:
    """The closure's kind of a list element (``expr._artsnavn``), numbers as one kind."""
    t = type(e)
    if t is bool:
        return _BOOL
    if t in (int, Decimal):
        return "tall"
    return _STR if t is str else _DATO
