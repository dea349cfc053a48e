"""Areas of law that need code besides their rule files (DESIGN § 2).

An area module here may define any of:

* ``FAKTA`` — catalogue entries (``katalog.FaktaInfo``) for the facts it adds;
* ``utled(sak, dato) -> dict`` — its derived facts, computed once before any rule runs;
* ``beregn(sak, ktx) -> base.Beregning`` — a calculation (the § 18 amount, the KVP benefit),
  named by ``beregning = "<module>"`` in the area's rule file.

Everything else about an area — its criteria, references, texts, flags — is data in ``rules/``.
To add a module, list it in ``MODULER``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..engine import Kontekst
    from ..facts import Sak
    from ..katalog import FaktaInfo
    from .base import Beregning

#: The area modules, in the order their derived facts are computed.
MODULER: tuple[str, ...] = ("livsopphold",)

#: Calculations a rule file may name (modules with ``beregn``); checked by the loader.
NAVN: tuple[str, ...] = ("livsopphold",)


@cache
def _moduler() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"{__name__}.{navn}") for navn in MODULER)


def beregning(navn: str) -> Callable[[Sak, Kontekst], Beregning]:
    """The calculation registered under ``navn``."""
    if navn not in NAVN:
        raise KeyError(f"ukjent beregning {navn!r}; kjente er {list(NAVN)}")
    return importlib.import_module(f"{__name__}.{navn}").beregn


def fakta() -> list[FaktaInfo]:
    """Catalogue entries contributed by the area modules."""
    return [info for modul in _moduler() for info in getattr(modul, "FAKTA", ())]


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    """The area modules' derived facts for the case on ``dato``."""
    ut: dict[str, Any] = {}
    for modul in _moduler():
        funksjon = getattr(modul, "utled", None)
        if funksjon is not None:
            ut.update(funksjon(sak, dato))
    return ut
