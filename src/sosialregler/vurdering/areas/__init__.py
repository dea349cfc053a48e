"""Areas of law that need code besides their rule files (DESIGN § 2).

An area module here may define any of:

* ``FAKTA`` — catalogue entries (``katalog.FaktaInfo``) for the facts it adds;
* ``utled(sak, dato) -> dict`` — its derived facts, computed once before any rule runs;
* ``beregn(sak, ktx) -> base.Beregning`` — a calculation (the § 18 amount, the KVP benefit),
  named by ``beregning = "<module>"`` in the area's rule file;
* ``VERDIER = ("livsopphold.udekket_behov", …)`` — the named steps of its arithmetic that the
  calculation rule states as expressions (``[[regel.verdi]]``), evaluated in the rule's order;
* ``ETTER = ("livsopphold", …)`` — calculations whose facts ``beregn`` reads, which therefore
  run first (a calculation never depends on the order of the rule files).

Everything else about an area — its criteria, references, texts, flags — is data in ``rules/``.
A module is found by being here: every module in this package except ``base`` is an area.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from datetime import date
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...inndata.facts import Sak
    from ..engine import Kontekst
    from ..faktainfo import FaktaInfo
    from .base import Beregning

#: The area modules, in name order (their derived facts are computed in this order).
MODULER: tuple[str, ...] = tuple(
    sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base")
)


@cache
def _moduler() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"{__name__}.{navn}") for navn in MODULER)


@cache
def beregninger() -> tuple[str, ...]:
    """Calculations a rule file may name: the modules with a ``beregn`` function."""
    return tuple(m.__name__.rsplit(".", 1)[1] for m in _moduler() if hasattr(m, "beregn"))


@cache
def beregning(navn: str) -> Callable[[Sak, Kontekst], Beregning]:
    """The calculation registered under ``navn`` (looked up once: every case asks for it)."""
    if navn not in beregninger():
        raise KeyError(f"ukjent beregning {navn!r}; kjente er {list(beregninger())}")
    return importlib.import_module(f"{__name__}.{navn}").beregn


@cache
def verdikrav(navn: str) -> tuple[str, ...]:
    """The named steps (``VERDIER``) calculation ``navn`` reads from its rule's ``[[regel.verdi]]``:
    the loader refuses a calculation rule that leaves one out."""
    if navn not in beregninger():
        return ()
    return tuple(getattr(importlib.import_module(f"{__name__}.{navn}"), "VERDIER", ()))


def rekkefolge(navn: list[str]) -> list[str]:
    """The calculations in ``navn`` and those they need, each after what it needs (``ETTER``)."""
    ut: list[str] = []
    underveis: set[str] = set()

    def besok(n: str) -> None:
        if n in ut:
            return
        if n in underveis:
            raise ValueError(f"beregningene avhenger av hverandre i ring: {n}")
        underveis.add(n)
        for forutsetning in getattr(importlib.import_module(f"{__name__}.{n}"), "ETTER", ()):
            besok(forutsetning)
        underveis.discard(n)
        ut.append(n)

    for n in navn:
        besok(n)
    return ut


def fakta() -> list[FaktaInfo]:
    """Catalogue entries contributed by the area modules."""
    return [info for modul in _moduler() for info in getattr(modul, "FAKTA", ())]


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    """The area modules' derived facts for the case on ``dato``."""
    ut: dict[str, Any] = {}
    for funksjon in utledere():
        ut.update(funksjon(sak, dato))
    return ut


@cache
def utledere() -> tuple[Callable[[Sak, date], dict[str, Any]], ...]:
    """The modules' ``utled`` functions in module order, found once (they run every case)."""
    return tuple(m.utled for m in _moduler() if hasattr(m, "utled"))
