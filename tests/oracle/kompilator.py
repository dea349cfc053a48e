"""The library's declared conditions → durable-rules rulesets, and the inputs to compare on.

What the oracle compares, and why only that:

* **Units.** Each rule version's own condition (``vilkar``) and each expression leaf in it is
  one unit. A unit compiles when its tree has only ``alle`` / ``minst_en`` / ``ikke``,
  references to other rules, and leaves this module's parser reads: a fact alone (a truth
  value), ``fact OP literal``, ``literal OP fact``, ``fact OP fact`` (``== != < <= > >=``),
  ``fact i [..]`` / ``ikke i``, ``sann`` / ``usann``, joined by ``og`` / ``eller`` / ``ikke``.
  Arithmetic and functions (``antall(...)``) are left out: durable-rules has arithmetic only
  on the right-hand side and no aggregation. Discretion leaves (``skjonn``) are left out:
  the library never decides them, so there is nothing to compare.
* **References** to another rule are inputs (the referenced rule's outcome, a truth value):
  each rule is then compared on its own logic, and the referenced rule as its own unit.
  Exceptions are not compiled into their main rule: the oracle compares each rule's *own*
  condition (an exception's condition is a unit of its own); for a rule without exceptions
  that is also the rule's outcome.
* **Three-valued logic.** durable-rules has two values. A unit is compared only on cases where
  every input it reads is known (no ``Ukjent``) and every referenced rule was decided
  (``oppfylt`` / ``ikke_oppfylt``); then the library's outcome must be ``oppfylt`` exactly when
  the durable rule fires.
* **Negation** is pushed down to the comparisons (De Morgan; ``ikke a < b`` → ``a >= b``),
  because durable-rules' ``none`` is order-dependent (research note); no fact field is named
  ``id`` (fields are ``f0``, ``f1``, …).
* **Values**: durable-rules reads JSON, so dates become day numbers (``toordinal``), amounts
  numbers (a non-integral amount becomes a float: such an input is marked inexact).

The units and inputs are plain JSON, sent to ``durable_side.py`` in a subprocess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import frozen

from sosialregler import Utfall
from sosialregler.lov.rulebook.book import Regelbok
from sosialregler.lov.rulebook.conditions import (
    Alle,
    Ikke,
    MinstEn,
    Regelreferanse,
    Uttrykksblad,
)
from sosialregler.lov.rulebook.model import Regel
from sosialregler.lov.tree import Node
from sosialregler.vurdering.derived import Ukjent

SANN: dict[str, Any] = {"$sann": True}  # placeholders, simplified away before durable sees them
USANN: dict[str, Any] = {"$usann": True}


class IkkeUttrykkbar(Exception):
    """The condition uses something durable-rules cannot express (or this parser reads)."""


# --- a parser for the plain part of the expression language (independent of expr.py) ---------

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<dato>[0-9]{4}-[0-9]{2}-[0-9]{2})
    | (?P<tall>[0-9]+(?:\.[0-9]+)?)
    | (?P<tekst>"(?:[^"\\]|\\.)*")
    | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,|-)
    | (?P<navn>[a-z_][a-z0-9_.]*)
    )""",
    re.VERBOSE,
)
_ORD = {"og", "eller", "ikke", "i", "sann", "usann"}


def _tokens(tekst: str) -> list[tuple[str, Any]]:
    ut: list[tuple[str, Any]] = []
    i = 0
    while i < len(tekst):
        if tekst[i:].strip() == "":
            break
        treff = _TOKEN.match(tekst, i)
        if treff is None:
            raise IkkeUttrykkbar(f"kan ikke lese {tekst[i:]!r}")
        art = treff.lastgroup
        verdi = treff.group(art)  # type: ignore[arg-type]
        if art == "dato":
            ut.append(("lit", date.fromisoformat(verdi)))
        elif art == "tall":
            ut.append(("lit", Decimal(verdi)))
        elif art == "tekst":
            ut.append(("lit", re.sub(r"\\(.)", r"\1", verdi[1:-1])))
        elif art == "navn" and verdi in _ORD:
            ut.append(("ord", verdi))
        else:
            ut.append((art, verdi))  # type: ignore[arg-type]
        i = treff.end()
    ut.append(("slutt", None))
    return ut


class _Parser:
    """eller > og > ikke* > sammenligning > primær; no arithmetic, no calls."""

    def __init__(self, tekst: str) -> None:
        self.t = _tokens(tekst)
        self.i = 0

    def se(self) -> tuple[str, Any]:
        return self.t[self.i]

    def ta(self) -> tuple[str, Any]:
        tok = self.t[self.i]
        self.i += 1
        return tok

    def hele(self) -> Any:
        ir = self.eller()
        if self.se()[0] != "slutt":
            raise IkkeUttrykkbar(f"uventet {self.se()}")
        return ir

    def eller(self) -> Any:
        deler = [self.og()]
        while self.se() == ("ord", "eller"):
            self.ta()
            deler.append(self.og())
        return deler[0] if len(deler) == 1 else ("eller", deler)

    def og(self) -> Any:
        deler = [self.ikke()]
        while self.se() == ("ord", "og"):
            self.ta()
            deler.append(self.ikke())
        return deler[0] if len(deler) == 1 else ("og", deler)

    def ikke(self) -> Any:
        antall = 0
        while self.se() == ("ord", "ikke"):
            self.ta()
            antall += 1
        ir = self.sammenligning()
        for _ in range(antall):
            ir = ("ikke", ir)
        return ir

    def sammenligning(self) -> Any:
        venstre = self.primaer()
        art, verdi = self.se()
        if art == "op" and verdi in ("==", "!=", "<", "<=", ">", ">="):
            self.ta()
            return ("sml", verdi, venstre, self.primaer())
        if (art, verdi) == ("ord", "i") or (
            (art, verdi) == ("ord", "ikke") and self.t[self.i + 1] == ("ord", "i")
        ):
            negert = verdi == "ikke"
            self.ta()
            if negert:
                self.ta()
            return ("i", venstre, self.liste(), negert)
        return venstre

    def liste(self) -> list[Any]:
        if self.ta() != ("op", "["):
            raise IkkeUttrykkbar("'i' uten listeliteral")
        ut: list[Any] = []
        while self.se() != ("op", "]"):
            ut.append(self.literal())
            if self.se() == ("op", ","):
                self.ta()
        self.ta()
        return ut

    def literal(self) -> Any:
        art, verdi = self.ta()
        if art == "op" and verdi == "-" and self.se()[0] == "lit":
            return -self.ta()[1]
        if art == "lit":
            return verdi
        if art == "ord" and verdi in ("sann", "usann"):
            return verdi == "sann"
        raise IkkeUttrykkbar(f"ikke en literal: {verdi!r}")

    def primaer(self) -> Any:
        art, verdi = self.se()
        if art == "op" and verdi == "(":
            self.ta()
            ir = self.eller()
            if self.ta() != ("op", ")"):
                raise IkkeUttrykkbar("mangler ')'")
            return ir
        if art == "navn":
            self.ta()
            if self.se() == ("op", "("):
                raise IkkeUttrykkbar(f"funksjonskall {verdi}()")
            return ("navn", verdi)
        if art == "op" and verdi == "-":
            return ("lit", self.literal())
        if art == "lit" or (art == "ord" and verdi in ("sann", "usann")):
            return ("lit", self.literal())
        raise IkkeUttrykkbar(f"uventet {verdi!r}")


def les(tekst: str) -> Any:
    """The expression as a small tree, or ``IkkeUttrykkbar`` (arithmetic and function calls
    are not tokens or not accepted here, so they end up there)."""
    return _Parser(tekst).hele()


# --- values as durable-rules reads them -------------------------------------------------------


def json_verdi(verdi: Any) -> tuple[Any, bool]:
    """(the value as JSON for durable-rules, whether it is exact)."""
    if isinstance(verdi, bool | str):
        return verdi, True
    if isinstance(verdi, int):
        return verdi, True
    if isinstance(verdi, Decimal):
        if not verdi.is_finite():
            raise IkkeUttrykkbar(f"ikke et endelig tall: {verdi}")
        if verdi == verdi.to_integral_value():
            return int(verdi), True
        return float(verdi), Decimal(float(verdi)) == verdi
    if isinstance(verdi, date):
        return verdi.toordinal(), True
    raise IkkeUttrykkbar(f"verdi av typen {type(verdi).__name__}")


# --- IR → durable-rules JSON, with negation pushed to the comparisons -------------------------

_MOTSATT = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
_SPEIL = {"==": "==", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<="}
_DURABLE = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}


def _og(deler: list[Any]) -> Any:
    if any(d is USANN for d in deler):
        return USANN
    deler = [d for d in deler if d is not SANN]
    if not deler:
        return SANN
    return deler[0] if len(deler) == 1 else {"$and": deler}


def _eller(deler: list[Any]) -> Any:
    if any(d is SANN for d in deler):
        return SANN
    deler = [d for d in deler if d is not USANN]
    if not deler:
        return USANN
    return deler[0] if len(deler) == 1 else {"$or": deler}


def _sammenlign(op: str, felt: str, hoyre: Any) -> Any:
    if op == "==":
        return {felt: hoyre}
    return {_DURABLE[op]: {felt: hoyre}}


class Oversetter:
    """Compiles one unit; ``felt`` maps input names (facts, ``regel:<id>``) to field names."""

    def __init__(self) -> None:
        self.felt: dict[str, str] = {}

    def navn(self, navn: str) -> str:
        if navn not in self.felt:
            self.felt[navn] = f"f{len(self.felt)}"
        return self.felt[navn]

    def uttrykk(self, ir: Any, positiv: bool = True) -> Any:
        art = ir[0]
        if art == "og":
            deler = [self.uttrykk(d, positiv) for d in ir[1]]
            return _og(deler) if positiv else _eller(deler)
        if art == "eller":
            deler = [self.uttrykk(d, positiv) for d in ir[1]]
            return _eller(deler) if positiv else _og(deler)
        if art == "ikke":
            return self.uttrykk(ir[1], not positiv)
        if art == "lit":
            if not isinstance(ir[1], bool):
                raise IkkeUttrykkbar("en verdi som ikke er sann/usann står alene")
            return SANN if ir[1] == positiv else USANN
        if art == "navn":
            return _sammenlign("==" if positiv else "!=", self.navn(ir[1]), True)
        if art == "i":
            _, venstre, liste, negert = ir
            if venstre[0] != "navn":
                raise IkkeUttrykkbar("'i' med noe annet enn et faktum til venstre")
            felt = self.navn(venstre[1])
            er_med = positiv != negert
            deler = [_sammenlign("==" if er_med else "!=", felt, json_verdi(v)[0]) for v in liste]
            return _eller(deler) if er_med else _og(deler)
        if art == "sml":
            _, op, venstre, hoyre = ir
            if not positiv:
                op = _MOTSATT[op]
            if venstre[0] == "lit" and hoyre[0] == "lit":
                raise IkkeUttrykkbar("to konstanter")
            if venstre[0] == "lit":
                venstre, hoyre, op = hoyre, venstre, _SPEIL[op]
            felt = self.navn(venstre[1])
            if hoyre[0] == "navn":
                return _sammenlign(op, felt, {"$m": self.navn(hoyre[1])})
            return _sammenlign(op, felt, json_verdi(hoyre[1])[0])
        raise IkkeUttrykkbar(f"ukjent node {art}")

    def betingelse(self, b: Any, positiv: bool = True) -> Any:
        if isinstance(b, Uttrykksblad):
            return self.uttrykk(les(b.uttrykk.tekst), positiv)
        if isinstance(b, Alle | MinstEn):
            deler = [self.betingelse(d, positiv) for d in b.deler]
            return _og(deler) if isinstance(b, Alle) == positiv else _eller(deler)
        if isinstance(b, Ikke):
            return self.betingelse(b.del_, not positiv)
        if isinstance(b, Regelreferanse):
            return _sammenlign("==" if positiv else "!=", self.navn(f"regel:{b.regel_id}"), True)
        raise IkkeUttrykkbar(type(b).__name__)  # Skjonn, or a kind this oracle does not know


@frozen
class Enhet:
    """One compiled unit: a rule version's condition, or one of its leaves."""

    nokkel: str
    art: str  # "regel" | "blad"
    felt: Mapping[str, str]  # input name → durable field
    betingelse: Any  # durable-rules condition over the fields (or SANN / USANN)


def _nokkel(regel: Regel) -> str:
    return f"{regel.id}@{regel.info.gyldig_fra.isoformat()}"


def _blader(b: Any, sti: str) -> Iterator[tuple[str, Uttrykksblad]]:
    if isinstance(b, Uttrykksblad):
        yield sti, b
    elif isinstance(b, Alle | MinstEn):
        navn = "alle" if isinstance(b, Alle) else "minst_en"
        for i, d in enumerate(b.deler):
            yield from _blader(d, f"{sti}/{navn}[{i}]")
    elif isinstance(b, Ikke):
        yield from _blader(b.del_, f"{sti}/ikke")


def kompiler(bok: Regelbok) -> tuple[dict[str, Enhet], dict[str, str]]:
    """Every unit the rulebook has that durable-rules can express, and why the others
    cannot (key → reason)."""
    enheter: dict[str, Enhet] = {}
    ikke: dict[str, str] = {}
    for versjoner in bok.regler.values():
        for regel in versjoner:
            if regel.vilkar is None:
                continue
            nokkel = _nokkel(regel)
            try:
                o = Oversetter()
                enheter[nokkel] = Enhet(nokkel, "regel", o.felt, o.betingelse(regel.vilkar))
            except IkkeUttrykkbar as exc:
                ikke[nokkel] = str(exc)
            for sti, blad in _blader(regel.vilkar, "/vilkar"):
                bnokkel = nokkel + sti
                try:
                    o = Oversetter()
                    enheter[bnokkel] = Enhet(bnokkel, "blad", o.felt, o.betingelse(blad))
                except IkkeUttrykkbar as exc:
                    ikke[bnokkel] = str(exc)
    return enheter, ikke


# --- what the library decided, as inputs and expected outcomes --------------------------------


@frozen
class Evaluering:
    """One unit on one case's inputs, and what the library answered."""

    nokkel: str
    fakta: Mapping[str, Any]  # durable field → JSON value
    forventet: bool  # the library said oppfylt
    eksakt: bool  # every number is exactly representable as durable-rules reads it
    inndata: Mapping[str, Any]  # input name → the library's value (for messages)


class _Ukjent(Exception):
    pass


def _inndata(b: Any, node: Node, ut: dict[str, Any]) -> None:
    """Collect a condition's inputs from its evaluated node; ``_Ukjent`` if one is unknown."""
    if isinstance(b, Uttrykksblad):
        for navn in b.uttrykk.navn:
            verdi = node.fakta.get(navn, Ukjent(()))
            if isinstance(verdi, Ukjent):
                raise _Ukjent(navn)
            ut[navn] = verdi
    elif isinstance(b, Alle | MinstEn):
        for d, n in zip(b.deler, node.barn, strict=True):
            _inndata(d, n, ut)
    elif isinstance(b, Ikke):
        _inndata(b.del_, node.barn[0], ut)
    elif isinstance(b, Regelreferanse):
        if node.utfall not in (Utfall.OPPFYLT, Utfall.IKKE_OPPFYLT):
            raise _Ukjent(f"regel:{b.regel_id}")
        ut[f"regel:{b.regel_id}"] = node.utfall is Utfall.OPPFYLT
    else:
        raise _Ukjent(type(b).__name__)


def _felt(enhet: Enhet, inndata: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    fakta: dict[str, Any] = {}
    eksakt = True
    for navn, felt in enhet.felt.items():
        verdi, presis = json_verdi(inndata[navn])
        fakta[felt] = verdi
        eksakt = eksakt and presis
    return fakta, eksakt


def _regelnoder(node: Node) -> Iterator[Node]:
    for n in node.noder():
        if n.regel is not None and n.rolle not in ("ikke_i_kraft", "beregning") and n.barn:
            yield n


def evalueringer(
    vurdering: Any, bok: Regelbok, enheter: Mapping[str, Enhet]
) -> Iterator[Evaluering]:
    """Every compiled unit the assessment evaluated with all its inputs known."""
    sett: set[tuple[str, str]] = set()
    for vedtak in vurdering.vedtak.values():
        for n in _regelnoder(vedtak.node):
            regel = next(
                (
                    r
                    for r in bok.regler.get(n.regel.id, ())
                    if r.info.gyldig_fra == n.regel.gyldig_fra
                ),
                None,
            )
            if regel is None or regel.vilkar is None:
                continue
            nokkel = _nokkel(regel)
            vilkar_node = n.barn[0]
            if vilkar_node.id != f"{regel.id}/vilkar":
                continue
            for sti, blad in _blader(regel.vilkar, "/vilkar"):
                bnode = _node_ved(vilkar_node, regel.vilkar, sti)
                yield from _en(enheter.get(nokkel + sti), blad, bnode, sett)
            yield from _en(enheter.get(nokkel), regel.vilkar, vilkar_node, sett)


def _node_ved(node: Node, b: Any, sti: str) -> Node:
    """The evaluated node at ``sti`` (``/vilkar/alle[0]/ikke``) below the condition's node."""
    for _, indeks, ikke in re.findall(
        r"/(alle|minst_en)\[([0-9]+)\]|/(ikke)", sti.removeprefix("/vilkar")
    ):
        node = node.barn[0] if ikke else node.barn[int(indeks)]
    return node


def _en(
    enhet: Enhet | None, b: Any, node: Node, sett: set[tuple[str, str]]
) -> Iterator[Evaluering]:
    if enhet is None or node.utfall not in (Utfall.OPPFYLT, Utfall.IKKE_OPPFYLT):
        return
    inndata: dict[str, Any] = {}
    try:
        _inndata(b, node, inndata)
        fakta, eksakt = _felt(enhet, inndata)
    except (_Ukjent, IkkeUttrykkbar):
        return
    merke = (enhet.nokkel, repr(sorted(fakta.items())))
    if merke in sett:
        return
    sett.add(merke)
    yield Evaluering(enhet.nokkel, fakta, node.utfall is Utfall.OPPFYLT, eksakt, inndata)
