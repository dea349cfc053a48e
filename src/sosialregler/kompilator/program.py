"""A rulebook's versions in force, compiled: the generated text run once, kept per rulebook.

The text is compiled with a file name of its own (``<sosialregler-regler …>``) and put in
``linecache``, so a traceback through a compiled rule shows its generated line. Compiled once
per rulebook and set of versions in force (dates with the same versions share a program), on
the first assessment, never while a rules folder loads: loading runs no code (the hostile-folder
tests audit it).
"""

from __future__ import annotations

import itertools
import linecache
import threading
import weakref
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ..outcome import Utfall
from ..rulebook.book import Regelbok
from ..rulebook.model import Regel
from ..tree import Node
from .hjelpere import NAVNEROM
from .kilde import lag_kilde
from .spor import Post

#: A compiled rule: the context (``engine.Kontekst``) and its facts in, the trace entry out.
Regelfunksjon = Callable[[Any, Mapping[str, Any]], Post]
#: A rule's node rebuilt: the trace (``spor.Spor``) and the rule's entry in, its node out.
Byggefunksjon = Callable[[Any, Post], Node]
#: A compiled area test (``vurderes_nar``): its outcome only.
Avgrensning = Callable[[Any, Mapping[str, Any]], Utfall]

_NUMMER = itertools.count(1)


class Program:
    """The compiled functions of one set of rule versions, and the source they came from."""

    __slots__ = ("avgrensninger", "byggere", "filnavn", "i_kraft", "kilde", "regler")

    def __init__(self, bok: Regelbok, i_kraft: Mapping[str, Regel]) -> None:
        kilde, konstanter, regelnavn, omradenavn = lag_kilde(i_kraft, bok.unntak, bok.omrader)
        self.kilde = kilde
        self.i_kraft = i_kraft
        self.filnavn = f"<sosialregler-regler {bok.digest[:12]} #{next(_NUMMER)}>"
        kode = compile(kilde, self.filnavn, "exec")
        navnerom: dict[str, Any] = {**NAVNEROM, **konstanter}
        exec(kode, navnerom)  # our own generated text (kilde.py), checked by tests
        linjer = kilde.splitlines(keepends=True)
        linecache.cache[self.filnavn] = (len(kilde), None, linjer, self.filnavn)
        self.regler: dict[str, Regelfunksjon] = {
            rid: navnerom[navn] for rid, navn in regelnavn.items()
        }
        #: Each rule's node from its trace entry (``Spor.node``).
        self.byggere: dict[str, Byggefunksjon] = {
            rid: navnerom["n" + navn[1:]] for rid, navn in regelnavn.items()
        }
        self.avgrensninger: dict[str, Avgrensning] = {
            oid: navnerom[navn] for oid, navn in omradenavn.items()
        }


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
    """The compiled program for ``bok`` on ``dato`` (``i_kraft``: its versions in force)."""
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
