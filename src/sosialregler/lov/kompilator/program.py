"""A rulebook's versions in force, compiled: generated text run once per rule, kept per rulebook.

Each rule's evaluator and each rule's node builder is generated and compiled the first time it
is needed (a case uses a fraction of the rules, and builders run only when a tree is read), so
the first assessment pays for what it uses and no more. Each function is compiled with a file
name of its own (``<sosialregler-regel ID fra DATO>``) and put in ``linecache``, so a traceback
through a compiled rule shows its generated line. Programs are kept per rulebook and set of
versions in force (dates with the same versions share one), never built while a rules folder
loads: loading runs no code (the hostile-folder tests audit it).
"""

from __future__ import annotations

import linecache
import threading
import weakref
from collections.abc import Callable, Mapping
from datetime import date
from types import CodeType
from typing import Any

from ..outcome import Utfall
from ..rulebook.book import Regelbok
from ..rulebook.model import Omrade, Regel
from ..tree import Node
from .hjelpere import NAVNEROM
from .kilde import (
    avgrensningskilde,
    byggekilde,
    mellomregningskilde,
    regelkilde,
    unntak_i_kraft,
)
from .spor import Lagret, Post, Resultat

#: A compiled rule: the context (``engine.Kontekst``) and its facts in; its outcome and its
#: trace entry, already in the kept form, out.
Regelfunksjon = Callable[[Any, Mapping[str, Any]], tuple[Resultat, Lagret]]
#: A rule's node rebuilt: the trace (``spor.Spor``) and the rule's entry in, its node out.
Byggefunksjon = Callable[[Any, Post], Node]
#: A calculation rule's steps compiled: the totals in, grown by each step's value, out.
Mellomregning = Callable[[dict[str, Any]], dict[str, Any]]
#: A rule as ``engine.Kontekst.resultat`` evaluates it: its evaluator (``Program.regler``), its
#: version in force (None when none is), and the outcomes that raise its flag (empty when the
#: rule has none): three lookups made once per program instead of for each evaluation.
Oppslag = tuple[Regelfunksjon | None, Regel | None, tuple[Utfall, ...]]
#: A compiled area test (``vurderes_nar``): its outcome only.
Avgrensning = Callable[[Any, Mapping[str, Any]], Utfall]


#: Compiled texts by (file name, text): a second rulebook with the same rules (another rate
#: file, a reload) runs the same code with its own constants, and compiles nothing again.
_KODE: dict[tuple[str, str], CodeType] = {}
_MAKS_KODE = 20_000


def glem_kompilert() -> None:
    """Forget every compiled text (for measuring a first compile; programs already made keep
    their functions)."""
    _KODE.clear()


def kompiler(navn: str, kilde: str, konstanter: Mapping[str, Any], filnavn: str) -> Any:
    """Compile one generated function and return it (its text kept for tracebacks)."""
    kode = _KODE.get((filnavn, kilde))
    if kode is None:
        kode = compile(kilde, filnavn, "exec")
        if len(_KODE) >= _MAKS_KODE:
            _KODE.clear()
        _KODE[filnavn, kilde] = kode
    navnerom: dict[str, Any] = {**NAVNEROM, **konstanter}
    exec(kode, navnerom)  # our own generated text (kilde.py), checked against a whitelist
    linecache.cache[filnavn] = (len(kilde), None, kilde.splitlines(keepends=True), filnavn)
    return navnerom[navn]


class _Etter(dict[str, Any]):
    """Functions by id, each made on first lookup (None for an id that has none)."""

    def __init__(self, lag: Callable[[str], Any]) -> None:
        super().__init__()
        self._lag = lag

    def __missing__(self, nokkel: str) -> Any:
        verdi = self[nokkel] = self._lag(nokkel)
        return verdi


class Program:
    """The compiled functions of one set of rule versions in force, made as they are needed.

    ``regler[id]``: the rule's evaluator (None when the id has no version in force with a
    condition); ``oppslag[id]``: what ``engine.Kontekst.resultat`` looks up for each rule it
    evaluates, in one lookup (``Oppslag``); ``byggere[id]``: its node builder;
    ``avgrensninger[area id]``: the area's ``vurderes_nar`` test (None when it has none);
    ``mellomregninger[id]``: a calculation rule's named steps (None when the id has none in
    force).
    """

    __slots__ = (
        "avgrensninger",
        "byggere",
        "i_kraft",
        "mellomregninger",
        "omrader",
        "oppslag",
        "regler",
        "unntak",
    )

    def __init__(self, bok: Regelbok, i_kraft: Mapping[str, Regel]) -> None:
        self.i_kraft = i_kraft
        self.unntak = bok.unntak
        self.omrader: dict[str, Omrade] = {o.id: o for o in bok.omrader}
        self.regler: Mapping[str, Regelfunksjon | None] = _Etter(self._regel)
        self.oppslag: Mapping[str, Oppslag] = _Etter(self._oppslag)
        self.byggere: Mapping[str, Byggefunksjon | None] = _Etter(self._bygger)
        self.avgrensninger: Mapping[str, Avgrensning | None] = _Etter(self._avgrensning)
        self.mellomregninger: Mapping[str, Mellomregning | None] = _Etter(self._mellomregning)

    def _med_vilkar(self, regel_id: str) -> Regel | None:
        regel = self.i_kraft.get(regel_id)
        return regel if regel is not None and regel.vilkar is not None else None

    def _regel(self, regel_id: str) -> Regelfunksjon | None:
        regel = self._med_vilkar(regel_id)
        if regel is None:
            return None
        kilde, konstanter = regelkilde("r", regel, self._unntak(regel_id))
        return kompiler("r", kilde, konstanter, _filnavn("regel", regel))

    def _oppslag(self, regel_id: str) -> Oppslag:
        regel = self.i_kraft.get(regel_id)
        ved = regel.merknad.ved if regel is not None and regel.merknad else ()
        return (self.regler[regel_id], regel, ved)

    def _bygger(self, regel_id: str) -> Byggefunksjon | None:
        regel = self._med_vilkar(regel_id)
        if regel is None:
            return None
        kilde, konstanter = byggekilde("n", regel, self._unntak(regel_id))
        return kompiler("n", kilde, konstanter, _filnavn("node", regel))

    def _mellomregning(self, regel_id: str) -> Mellomregning | None:
        regel = self.i_kraft.get(regel_id)
        if regel is None or not regel.verdier:
            return None
        kilde, konstanter = mellomregningskilde("s", regel)
        return kompiler("s", kilde, konstanter, _filnavn("steg", regel))

    def _avgrensning(self, omrade_id: str) -> Avgrensning | None:
        omrade = self.omrader.get(omrade_id)
        if omrade is None or omrade.vurderes_nar is None:
            return None
        kilde, konstanter = avgrensningskilde("a", omrade)
        return kompiler("a", kilde, konstanter, f"<sosialregler-omrade {omrade.id}>")

    def _unntak(self, regel_id: str) -> tuple[Regel, ...]:
        return unntak_i_kraft(regel_id, self.i_kraft, self.unntak)

    def kilder(self) -> dict[str, str]:
        """Every function's text, by file name (for review and the whitelist test)."""
        ut: dict[str, str] = {}
        for rid in sorted(self.i_kraft):
            regel = self._med_vilkar(rid)
            if regel is not None:
                unntak = self._unntak(rid)
                ut[_filnavn("regel", regel)] = regelkilde("r", regel, unntak)[0]
                ut[_filnavn("node", regel)] = byggekilde("n", regel, unntak)[0]
        for rid in sorted(self.i_kraft):
            steg = self.i_kraft[rid]
            if steg.verdier:
                ut[_filnavn("steg", steg)] = mellomregningskilde("s", steg)[0]
        for omrade in self.omrader.values():
            if omrade.vurderes_nar is not None:
                ut[f"<sosialregler-omrade {omrade.id}>"] = avgrensningskilde("a", omrade)[0]
        return ut


def _filnavn(art: str, regel: Regel) -> str:
    return f"<sosialregler-{art} {regel.id} fra {regel.info.gyldig_fra.isoformat()}>"


class _Lager:
    """A rulebook's programs, by set of versions in force and by date (both only grow)."""

    __slots__ = ("per_dato", "per_sett")

    def __init__(self) -> None:
        self.per_sett: dict[frozenset[int], Program] = {}
        self.per_dato: dict[date, Program] = {}


#: Programs per rulebook, by ``id`` (a ``Regelbok`` is not hashable: it holds dicts); the
#: entry goes when the rulebook does.
_LAGER: dict[int, _Lager] = {}
_LAS = threading.Lock()


def program_for(bok: Regelbok, dato: date, i_kraft: Mapping[str, Regel]) -> Program:
    """The program for ``bok`` on ``dato`` (``i_kraft``: its versions in force)."""
    lager = _LAGER.get(id(bok))
    if lager is not None:
        program = lager.per_dato.get(dato)
        if program is not None:
            return program
    with _LAS:
        lager = _LAGER.get(id(bok))
        if lager is None:
            lager = _LAGER[id(bok)] = _Lager()
            weakref.finalize(bok, _LAGER.pop, id(bok), None)
        sett = frozenset(map(id, i_kraft.values()))
        program = lager.per_sett.get(sett)
        if program is None:
            program = lager.per_sett[sett] = Program(bok, i_kraft)
        if len(lager.per_dato) >= 4096:
            lager.per_dato.clear()
        lager.per_dato[dato] = program
        return program
