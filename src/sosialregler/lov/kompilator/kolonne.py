"""The rules in force written as numpy code over columns: the compiler's second output (issue 19).

``kilde`` writes each rule version as a Python function over one case's facts; this module
writes the same validated rule model (``rulebook.model``, ``rulebook.conditions``,
``rulebook.expr``'s parsed trees) as a function over a *batch*: every fact a column, every
outcome an ``int8`` array in the trace's codes (``spor.KODE``: 0 oppfylt, 1 ikke oppfylt,
2 uavklart, 3 skjønn), the outcome algebra (``alle``, ``minst_en``, ``ikke``, exceptions with
``gir``) as array operations. The law is never written here: only how each form of the rule
language is evaluated over many rows at once.

**Exact or not at all.** Each function also returns a ``dekket`` mask: the rows it decided
exactly as the per-case code would. A row falls out (``dekket`` False) where a fact's value is
not of the kind the inline per-case code takes unguarded (``kompilator.uttrykk``: an ``int``,
a finite ``Decimal``, a ``bool``, a ``str``, a ``date``), where a fact is absent, where an
expression fails or gives something other than true/false, or where two exceptions that apply
disagree (a rule error per case). The caller sends such rows to the per-case path. Forms the
numpy writer does not cover run the expression's own closure row by row (the same closure the
per-case code falls back to), so every form is covered, some only slower.

Values are kept as numpy ``object`` arrays of the case's own Python values and combined with
the per-case helpers (``uttrykk.pluss`` …) element by element (``numpy.frompyfunc``), so an
amount is the same ``Decimal`` in the same context as per case; comparisons and truth values
are numpy's own. What the generated text may contain is as narrow as ``kilde``'s: fact and
rule names only as string constants, calls only to the helpers in ``navnerom()``.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from ...inndata.errors import RegelFeil
from ...inndata.ukjent import Ukjent
from ..outcome import Utfall
from ..rulebook.conditions import (
    Alle,
    Betingelse,
    Ikke,
    MinstEn,
    Regelreferanse,
    Skjonn,
    Uttrykksblad,
)
from ..rulebook.expr import _KONTEKST, Uttrykk
from ..rulebook.mellomregning import godta
from ..rulebook.model import Omrade, Regel
from .linjer import Linjeskriver
from .spor import KODE
from .uttrykk import (
    _BOOL,
    _FAKTAART,
    Emitter,
    IkkeSkrevet,
    absolutt,
    ganger,
    heltall_delt_i,
    minus,
    negativ,
    pluss,
    pluss_maneder_i,
)

#: Outcome codes in the generated text (``spor.KODE``).
OPP, IKKE_OPP, UAV, SKJ = (
    KODE[u] for u in (Utfall.OPPFYLT, Utfall.IKKE_OPPFYLT, Utfall.UAVKLART, Utfall.SKJONN)
)

#: The kind of a value in a fact column, per row (``arter``): what the per-case inline code's
#: guards accept, plus unknown and absent.
ANNET, TALL, SANN, TEKST, DATO, UKJENT, FRAVAER = range(7)
_STATISK = {"tall": TALL, "sannhetsverdi": SANN, "tekst": TEKST, "dato": DATO}
#: A stand-in per kind for the rows an expression does not decide (unknown, wrong kind), so
#: the array operation runs; those rows' results are never used. 1 so a division cannot fail.
_FYLL = {TALL: 1, SANN: False, TEKST: "", DATO: date(2000, 1, 1)}


def art(verdi: Any) -> int:
    """A value's kind as the per-case guards see it (``uttrykk.er_tall`` and ``type(x) is``)."""
    t = type(verdi)
    if t is int or (t is Decimal and verdi.is_finite()):
        return TALL
    if t is bool:
        return SANN
    if t is str:
        return TEKST
    if t is date:
        return DATO
    if t is Ukjent:
        return UKJENT
    return ANNET


class Kolonne:
    """One fact over the rows of a batch: the values (``object``), their kinds, and the
    stand-in filled values for an expression of a given kind."""

    __slots__ = ("_fylt", "arter", "verdier")

    def __init__(self, verdier: Any, arter: Any) -> None:
        self.verdier = verdier
        self.arter = arter
        self._fylt: dict[int, Any] = {}

    def fylt(self, slag: int) -> Any:
        """The values with every row not of kind ``slag`` replaced by a stand-in."""
        ut = self._fylt.get(slag)
        if ut is None:
            ut = self.verdier.copy()
            ut[self.arter != slag] = _FYLL[slag]
            self._fylt[slag] = ut
        return ut


class _Artkoder(dict[type, int]):
    """Kind codes by exact type (``art``), ANNET for any other: looked up in C per value."""

    def __missing__(self, typ: type) -> int:
        return ANNET


_DESIMAL = -1  # a Decimal, a number only when finite: checked after the bulk lookup
_ARTKODER = _Artkoder(
    {int: TALL, Decimal: _DESIMAL, bool: SANN, str: TEKST, date: DATO, Ukjent: UKJENT}
)


def kolonne_av(verdier: list[Any], fravaer: object = None) -> Kolonne:
    """A fact column from the rows' values (``fravaer``: the stand-in for an absent fact);
    each value's kind as ``art`` gives it, the common types looked up in bulk."""
    import numpy as np

    n = len(verdier)
    kol = np.empty(n, object)
    kol[:] = verdier
    arter = np.fromiter(map(_ARTKODER.__getitem__, map(type, verdier)), np.int8, n)
    if fravaer is not None:
        arter[kol == fravaer] = FRAVAER  # the stand-in equals only itself
    desimal = arter == _DESIMAL
    if desimal.any():  # a Decimal is a number when finite (``uttrykk.er_tall``)
        endelig = np.frompyfunc(Decimal.is_finite, 1, 1)(kol[desimal]).astype(bool)
        arter[desimal] = np.where(endelig, TALL, ANNET)
    return Kolonne(kol, arter)


class _Uttrykksskriver(Emitter):
    """One expression as numpy source over its facts' columns: ``uttrykk.Emitter``'s forms and
    static kinds (written once there), each form spelled over arrays with the per-case helpers
    element by element (``V_*``) and numpy's own comparisons and truth values (``B``)."""

    def __init__(self, lokaler: dict[str, str], konstant: Callable[[Any], str]) -> None:
        super().__init__(lokaler, konstant)
        self.kravarter: dict[str, int] = {}  # local -> the kind every decided row must have

    def blad(self, uttrykk: Uttrykk) -> str | None:
        """A condition's leaf: numpy source giving a bool array, or None."""
        if uttrykk.tre is None:
            return None
        try:
            kode, slag = self.del_(uttrykk.tre)
        except IkkeSkrevet:
            return None
        return kode if slag == _BOOL else None

    def verdi(self, uttrykk: Uttrykk) -> str | None:
        """A calculation step: numpy source giving its values (an object array), or None."""
        if uttrykk.tre is None:
            return None
        try:
            kode, _ = self.del_(uttrykk.tre)
        except IkkeSkrevet:
            return None
        return kode

    def navn(self, navn: str, faktaart: str | None) -> tuple[str, str]:
        a = _FAKTAART.get(faktaart or "")
        lokal = self.lokaler.get(navn)
        if a is None or lokal is None:
            raise IkkeSkrevet
        slag = _STATISK[faktaart or ""]
        self.kravarter[lokal] = slag
        return f"{lokal}.fylt({slag})", a

    def f_neg(self, kode: str, art: str) -> str:
        return f"V_NEG({kode})"

    def f_og(self, koder: list[str], og: bool) -> str:
        return "(" + (" & " if og else " | ").join(f"B({k})" for k in koder) + ")"

    def f_ikke(self, kode: str) -> str:
        return f"(~B({kode}))"

    def f_cmp(self, op: str, ka: str, kb: str) -> str:
        return f"B({ka} {op} {kb})"

    def f_regn(self, op: str, ka: str, kb: str, ut: str) -> str:
        funksjon = {"+": "V_PLUSS", "-": "V_MINUS", "*": "V_GANGER", "/": "V_DELE"}[op]
        return f"{funksjon}({ka}, {kb})"

    def f_i(self, negert: bool, ka: str, mengde: str) -> str:
        kode = f"V_I({ka}, {mengde})"
        return f"(~{kode})" if negert else kode

    def f_abs(self, kode: str) -> str:
        return f"V_ABS({kode})"

    def f_min_max(self, minst: bool, koder: list[str]) -> str:
        funksjon = "V_MIN" if minst else "V_MAX"
        kode = koder[0]
        for k in koder[1:]:  # the builtin keeps the first of equals: a left fold does
            kode = f"{funksjon}({kode}, {k})"
        return kode

    # --- velg (issue 17): hvis picks per row (both branches computed over the batch, so an
    # error in a branch not taken must not fail the batch: the helpers give None for a row
    # they cannot compute, and a None that is picked leaves the row to the per-case path)
    def f_hvis(self, kb: str, ka: str, kc: str) -> str:
        return f"V_HVIS(B({kb}), {ka}, {kc})"

    def f_pluss_maneder(self, kd: str, kn: str) -> str:
        return f"V_PLUSS_MANEDER({kd}, {kn})"

    def f_heltall_delt(self, ka: str, kb: str) -> str:
        return f"V_HELTALL_DELT({ka}, {kb})"

    # --- end velg ---


class _Skriver(Linjeskriver):
    """Lines of one generated function (``Linjeskriver``) and what this output writes on them."""

    def betingelse(self, b: Betingelse, inn: int) -> tuple[str, str]:
        """Code for ``b``; the names of its outcome array and its missing-facts array (a
        tuple per row, empty where the outcome is not ``uavklart``). Rows it cannot decide
        are taken out of ``dekket`` (a local of the function)."""
        k = self.ny()
        u, m = f"u{k}", f"m{k}"
        if isinstance(b, Uttrykksblad):
            self._blad(b, k, inn)
        elif isinstance(b, Regelreferanse):
            self.linje(inn, f"{u} = K.regel({b.regel_id!r})")
            self.linje(inn, f"{m} = K.mangler({b.regel_id!r})")
        elif isinstance(b, Skjonn):
            self.linje(inn, f"{u} = FULL(K.n, {SKJ})")
            self.linje(inn, f"{m} = TOMME(K.n)")
        elif isinstance(b, Ikke):
            du, dm = self.betingelse(b.del_, inn)
            self.linje(inn, f"{u} = IKKE[{du}]")
            self.linje(inn, f"{m} = {dm}")
        elif isinstance(b, Alle | MinstEn):
            deler = [self.betingelse(d, inn) for d in b.deler]
            avgjor, ellers = (IKKE_OPP, OPP) if isinstance(b, Alle) else (OPP, IKKE_OPP)
            if not deler:
                self.linje(inn, f"{u} = FULL(K.n, {ellers})")
                self.linje(inn, f"{m} = TOMME(K.n)")
            else:
                us = "".join(du + ", " for du, _ in deler)
                par = "".join(f"({du}, {dm}), " for du, dm in deler)
                self.linje(inn, f"{u} = KOMBINER(({us}), {avgjor}, {ellers})")
                self.linje(inn, f"{m} = SLAA_SAMMEN({u}, ({par}))")
        else:  # pragma: no cover - the loader builds only the kinds above
            raise TypeError(f"ukjent betingelse {type(b).__name__}")
        return u, m

    def _blad(self, b: Uttrykksblad, k: int, inn: int) -> None:
        uttrykk = b.uttrykk
        lokaler = {n: f"l{k}_{i}" for i, n in enumerate(uttrykk.navn)}
        for navn, lokal in lokaler.items():
            self.linje(inn, f"{lokal} = K.kolonne({navn!r})")
        liste = "(" + "".join(f"{v}, " for v in lokaler.values()) + ")"
        # Unknown: any value an Ukjent (the per-case «uavklart»); absent or another type
        # than a case can hold: not decided here.
        self.linje(inn, f"k{k}, f{k} = UKJENT_I(K.n, {liste})")
        skriver = _Uttrykksskriver(lokaler, lambda v: self.konstant("K", v))
        kode = skriver.blad(uttrykk)
        if kode is None:
            f = self.konstant("F", uttrykk.funksjon)
            navn = self.konstant("N", uttrykk.navn)
            self.linje(inn, f"x{k}, d{k} = RADVIS({f}, {navn}, {liste}, k{k} | f{k})")
            self.linje(inn, f"d{k} = (d{k} | k{k}) & ~f{k}")
        else:
            vakt = " & ".join(
                f"({lokal}.arter == {slag})" for lokal, slag in skriver.kravarter.items()
            )
            self.linje(inn, f"d{k} = (k{k} | {vakt or 'ALLE_SANNE(K.n)'}) & ~f{k}")
            self.linje(inn, f"x{k}, d{k} = TRYGT(lambda: {kode}, d{k}, k{k})")
        self.linje(inn, f"dekket &= d{k}")
        self.linje(inn, f"u{k} = WHERE(k{k}, {UAV}, WHERE(x{k}, {OPP}, {IKKE_OPP})).astype(I8)")
        self.linje(inn, f"m{k} = MANGLER_AV(k{k}, {liste})")


def regelfunksjon(s: _Skriver, navn: str, regel: Regel, unntak: tuple[Regel, ...]) -> None:
    """``def <navn>(K)``: the rule's outcome over the batch and the rows decided exactly."""
    assert regel.vilkar is not None
    s.linje(0, f"def {navn}(K):")
    s.linje(1, f"# regel {regel.id!r}, gyldig fra {regel.info.gyldig_fra.isoformat()}")
    s.linje(1, "dekket = ALLE_SANNE(K.n)")
    u, m = s.betingelse(regel.vilkar, 1)
    if not unntak:
        s.linje(1, f"return {u}, {m}, dekket")
        s.linje(0, "")
        return
    egne = []
    for un in unntak:
        assert un.vilkar is not None and un.gir is not None
        s.linje(1, f"# unntak {un.id!r}")
        eu, em = s.betingelse(un.vilkar, 1)
        egne.append((eu, em, KODE[un.gir]))
    par = "".join(f"({e}, {em}, {g}), " for e, em, g in egne)
    s.linje(1, f"ut, um, enig = UNNTAK({u}, {m}, ({par}))")
    s.linje(1, "return ut, um, dekket & enig")
    s.linje(0, "")


def avgrensningsfunksjon(s: _Skriver, navn: str, omrade: Omrade) -> None:
    """``def <navn>(K)``: an area's ``vurderes_nar`` over the batch."""
    assert omrade.vurderes_nar is not None
    s.linje(0, f"def {navn}(K):")
    s.linje(1, f"# område {omrade.id!r}: vurderes_nar")
    s.linje(1, "dekket = ALLE_SANNE(K.n)")
    u, _ = s.betingelse(omrade.vurderes_nar, 1)
    s.linje(1, f"return {u}, dekket")
    s.linje(0, "")


def stegfunksjon(s: _Skriver, navn: str, regel: Regel) -> None:
    """``def <navn>(K)``: a calculation rule's named steps (``[[regel.verdi]]``) over the batch,
    in the rule's order, each stored as a column (``K.sett``) that later steps read; returns
    the rows computed exactly as ``mellomregning.mellomregn`` computes them per case (every
    input known and of its kind, every step a value ``godta`` accepts)."""
    s.linje(0, f"def {navn}(K):")
    s.linje(1, f"# regel {regel.id!r}, gyldig fra {regel.info.gyldig_fra.isoformat()}: steg")
    s.linje(1, "dekket = ALLE_SANNE(K.n)")
    r = s.konstant("R", regel)
    for verdi in regel.verdier:
        k = s.ny()
        uttrykk = verdi.uttrykk
        lokaler = {n: f"l{k}_{i}" for i, n in enumerate(uttrykk.navn)}
        s.linje(1, f"# {verdi.navn!r} = {uttrykk.tekst!r}")
        for n, lokal in lokaler.items():
            s.linje(1, f"{lokal} = K.kolonne({n!r})")
        liste = "(" + "".join(f"{v}, " for v in lokaler.values()) + ")"
        s.linje(1, f"k{k}, f{k} = UKJENT_I(K.n, {liste})")
        skriver = _Uttrykksskriver(lokaler, lambda v: s.konstant("K", v))
        kode = skriver.verdi(uttrykk)
        v = s.konstant("V", verdi)
        if kode is None:
            f = s.konstant("F", uttrykk.funksjon)
            navn_ = s.konstant("N", uttrykk.navn)
            s.linje(1, f"x{k}, d{k} = RADVIS_VERDI({f}, {navn_}, {liste}, k{k} | f{k})")
        else:
            vakt = " & ".join(
                f"({lokal}.arter == {slag})" for lokal, slag in skriver.kravarter.items()
            )
            s.linje(1, f"d{k} = {vakt or 'ALLE_SANNE(K.n)'} & ~(k{k} | f{k})")
            s.linje(1, f"x{k}, d{k} = VERDI(lambda: {kode}, d{k})")
        s.linje(1, f"x{k}, d{k} = GODTA({r}, {v}, x{k}, d{k})")
        s.linje(1, f"K.sett({verdi.navn!r}, x{k})")
        s.linje(1, f"dekket &= d{k}")
    s.linje(1, "return dekket")
    s.linje(0, "")


def stegkilde(regel: Regel) -> tuple[str, dict[str, Any]]:
    """The text of one calculation rule's columnar steps (``def k(K)``), and its constants."""
    s = _Skriver()
    stegfunksjon(s, "k", regel)
    return "\n".join(s.linjer) + "\n", s.konstanter


def regelkilde(regel: Regel, unntak: tuple[Regel, ...]) -> tuple[str, dict[str, Any]]:
    """The text of one rule's columnar evaluator (``def k(K)``), and its constants."""
    s = _Skriver()
    regelfunksjon(s, "k", regel, unntak)
    return "\n".join(s.linjer) + "\n", s.konstanter


def avgrensningskilde(omrade: Omrade) -> tuple[str, dict[str, Any]]:
    """The text of one area's columnar applicability test (``def k(K)``), and its constants."""
    s = _Skriver()
    avgrensningsfunksjon(s, "k", omrade)
    return "\n".join(s.linjer) + "\n", s.konstanter


# --- what the generated text calls --------------------------------------------------------


@cache
def navnerom() -> dict[str, Any]:
    """The generated functions' globals besides their constants (numpy, imported here so the
    rest of the compiler does not need the extra ``populasjon``)."""
    import numpy as np

    def vektor(f: Callable[..., Any], n: int) -> Callable[..., Any]:
        u = np.frompyfunc(f, n, 1)

        def kall(*args: Any) -> Any:
            return u(*args)

        return kall

    def som_bool(x: Any) -> Any:
        """A comparison's or a truth value's result as a bool array (an object array of
        bools from a fact column, numpy's own from a comparison)."""
        x = np.asarray(x)
        return x if x.dtype == bool else x.astype(bool)

    def ukjent_i(n: int, kolonner: tuple[Kolonne, ...]) -> tuple[Any, Any]:
        """Rows where a value is unknown (the per-case «uavklart»), and rows where a fact is
        absent (a per-case error: ``fakta[navn]`` fails before the unknown is seen)."""
        ukjent = np.zeros(n, bool)
        fravaer = np.zeros(n, bool)
        for k in kolonner:
            ukjent |= k.arter == UKJENT
            fravaer |= k.arter == FRAVAER
        return ukjent, fravaer

    def trygt(lag: Callable[[], Any], dekket: Any, ukjent: Any) -> tuple[Any, Any]:
        """The expression over the batch, in the rule language's decimal context. A failure
        (a division by zero in some row) leaves the leaf's known rows to the per-case path."""
        n = len(dekket)
        try:
            with decimal.localcontext(_KONTEKST):
                x = np.asarray(lag())
        except (ArithmeticError, TypeError, ValueError, AttributeError):
            return np.zeros(n, bool), dekket & ukjent
        if x.dtype != bool:  # a truth-valued fact's column: its guarded rows hold bools
            x = x.astype(bool)
        return np.broadcast_to(x, (n,)), dekket

    def radvis(
        f: Callable[[Mapping[str, Any]], Any],
        navn: tuple[str, ...],
        kolonner: tuple[Kolonne, ...],
        hopp: Any,
    ) -> tuple[Any, Any]:
        """A form the numpy writer leaves out: the expression's own closure (the one the
        per-case code falls back to), row by row, for the rows not in ``hopp``. ``d``: the rows
        it gave true or false for."""
        n = len(hopp)
        x = np.zeros(n, bool)
        d = np.zeros(n, bool)
        for i in np.flatnonzero(~hopp):
            try:
                with decimal.localcontext(_KONTEKST):
                    r = f({nv: k.verdier[i] for nv, k in zip(navn, kolonner, strict=True)})
            except Exception:
                continue
            if r is True or r is False:
                x[i] = r
                d[i] = True
        return x, d

    def verdi(lag: Callable[[], Any], dekket: Any) -> tuple[Any, Any]:
        """A step's values over the batch (``trygt`` for values, not truths)."""
        n = len(dekket)
        try:
            with decimal.localcontext(_KONTEKST):
                x = lag()
        except (ArithmeticError, TypeError, ValueError, AttributeError):
            return np.zeros(n, object), dekket & False
        ut = np.empty(n, object)
        ut[:] = np.broadcast_to(np.asarray(x, object), (n,))
        return ut, dekket

    def radvis_verdi(
        f: Callable[[Mapping[str, Any]], Any],
        navn: tuple[str, ...],
        kolonner: tuple[Kolonne, ...],
        hopp: Any,
    ) -> tuple[Any, Any]:
        """A step in a form the numpy writer leaves out: its closure, row by row."""
        n = len(hopp)
        x = np.empty(n, object)
        d = np.zeros(n, bool)
        for i in np.flatnonzero(~hopp):
            try:
                with decimal.localcontext(_KONTEKST):
                    x[i] = f({nv: k.verdier[i] for nv, k in zip(navn, kolonner, strict=True)})
            except Exception:
                continue
            d[i] = True
        return x, d

    def godta_alle(regel: Any, verdi: Any, x: Any, dekket: Any) -> tuple[Any, Any]:
        """``mellomregning.godta`` row by row: a value of another kind leaves the row out."""
        ut = np.empty(len(x), object)
        d = dekket.copy()
        for i in np.flatnonzero(dekket):
            try:
                ut[i] = godta(regel, verdi, x[i])
            except RegelFeil:
                d[i] = False
        return ut, d

    def kombiner(deler: tuple[Any, ...], avgjor: int, ellers: int) -> Any:
        """``conditions.kombiner`` over arrays: one ``avgjor`` decides; else uavklart; else
        skjønn; else ``ellers``."""
        m = np.stack(deler)
        return np.where(
            (m == avgjor).any(0),
            avgjor,
            np.where((m == UAV).any(0), UAV, np.where((m == SKJ).any(0), SKJ, ellers)),
        ).astype(np.int8)

    def tomme(n: int) -> Any:
        ut = np.empty(n, object)
        ut.fill(())
        return ut

    def mangler_av(ukjent: Any, kolonner: tuple[Kolonne, ...]) -> Any:
        """``hjelpere.mangler_av`` in the rows where a leaf's value is unknown."""
        ut = tomme(len(ukjent))
        for i in np.flatnonzero(ukjent):
            ut[i] = tuple(
                dict.fromkeys(
                    m for k in kolonner if type(v := k.verdier[i]) is Ukjent for m in v.mangler
                )
            )
        return ut

    def slaa_sammen(u: Any, deler: tuple[tuple[Any, Any], ...]) -> Any:
        """``hjelpere.slaa_sammen`` in the rows where the combination is undecided."""
        ut = tomme(len(u))
        for i in np.flatnonzero(u == UAV):
            ut[i] = tuple(dict.fromkeys(m for du, dm in deler if du[i] == UAV for m in dm[i]))
        return ut

    def unntak(
        egen: Any, egne: Any, unntak: tuple[tuple[Any, Any, int], ...]
    ) -> tuple[Any, Any, Any]:
        """``hjelpere.anvend_unntak`` over arrays; ``enig`` is False where two exceptions that
        apply give different outcomes (a rule error per case)."""
        n = len(egen)
        ut = egen.copy()
        um = egne.copy()
        forste = np.full(n, -1, np.int8)
        enig = np.ones(n, bool)
        for e, _, gir in unntak:
            slar = e == OPP
            enig &= ~(slar & (forste >= 0) & (forste != gir))
            forste[slar & (forste < 0)] = gir
        satt = forste >= 0
        ut[satt] = forste[satt]
        for i in np.flatnonzero(satt):
            um[i] = ()
        for tvil in (UAV, SKJ):
            apen = np.zeros(n, bool)
            for e, _, gir in unntak:
                apen |= (e == tvil) & (gir != egen)
            ny = apen & ~satt
            ut[ny] = tvil
            for i in np.flatnonzero(ny):
                um[i] = tuple(
                    dict.fromkeys(
                        m for e, em, gir in unntak if e[i] == tvil and gir != egen[i] for m in em[i]
                    )
                )
            satt |= ny
        return ut.astype(np.int8), um, enig

    def i_mengde(x: Any, mengde: frozenset[Any]) -> Any:
        return np.frompyfunc(mengde.__contains__, 1, 1)(x).astype(bool)

    # --- velg (issue 17) ---
    def som_objekter(x: Any) -> Any:
        """A column or a constant as an object array of the Python values (never numpy's)."""
        return x if isinstance(x, np.ndarray) and x.dtype == object else np.asarray(x, object)

    def hvis(b: Any, a: Any, c: Any) -> Any:
        """``hvis(b, a, c)`` per row: ``a`` where ``b``, else ``c``."""
        b, a, c = np.broadcast_arrays(np.asarray(b, bool), som_objekter(a), som_objekter(c))
        ut = np.empty(b.shape, object)
        ut[...] = c
        ut[b] = a[b]
        return ut

    def ellers_ingen(f: Callable[..., Any]) -> Callable[..., Any]:
        """``f``, giving None for a row it raises on (``hjelpere.FEIL``: the closure's errors)."""

        def trygg(*args: Any) -> Any:
            try:
                return f(*args)
            except (ArithmeticError, TypeError, ValueError, AttributeError):
                return None

        return trygg

    # --- end velg ---

    return {
        "__builtins__": {},
        "I8": np.int8,
        "WHERE": np.where,
        "FULL": lambda n, kode: np.full(n, kode, np.int8),
        "ALLE_SANNE": lambda n: np.ones(n, bool),
        "IKKE": np.array([IKKE_OPP, OPP, UAV, SKJ], np.int8),
        "B": som_bool,
        "UKJENT_I": ukjent_i,
        "TRYGT": trygt,
        "RADVIS": radvis,
        "KOMBINER": kombiner,
        "UNNTAK": unntak,
        "VERDI": verdi,
        "RADVIS_VERDI": radvis_verdi,
        "GODTA": godta_alle,
        "TOMME": tomme,
        "MANGLER_AV": mangler_av,
        "SLAA_SAMMEN": slaa_sammen,
        "V_I": i_mengde,
        "V_PLUSS": vektor(pluss, 2),
        "V_MINUS": vektor(minus, 2),
        "V_GANGER": vektor(ganger, 2),
        "V_DELE": vektor(_KONTEKST.divide, 2),
        "V_NEG": vektor(negativ, 1),
        "V_ABS": vektor(absolutt, 1),
        "V_MIN": vektor(min, 2),
        "V_MAX": vektor(max, 2),
        # --- velg (issue 17) ---
        "V_HVIS": hvis,
        "V_PLUSS_MANEDER": vektor(ellers_ingen(pluss_maneder_i), 2),
        "V_HELTALL_DELT": vektor(ellers_ingen(heltall_delt_i), 2),
        # --- end velg ---
    }


_KODE: dict[tuple[str, str], Any] = {}


def kompiler(kilde: str, konstanter: Mapping[str, Any], filnavn: str) -> Any:
    """Compile one generated columnar function (``k``) and return it."""
    kode = _KODE.get((filnavn, kilde))
    if kode is None:
        kode = _KODE[filnavn, kilde] = compile(kilde, filnavn, "exec")
    navnerom_: dict[str, Any] = {**navnerom(), **konstanter}
    exec(kode, navnerom_)  # our own generated text (above), checked against a whitelist
    return navnerom_["k"]
