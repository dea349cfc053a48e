"""Which engine evaluates the rules: the compiled one (default) or the reference interpreter.

The compiled engine (``kompilator``) is the default; the interpreter (``engine`` with the
condition closures of ``rulebook.conditions``) stays as the reference the compiled one is
tested against. Choose with the environment variable ``SOSIALREGLER_MOTOR`` (``kompilert`` or
``tolk``, read when a context is made, so worker processes follow it), or for a block of code
with ``with bruk_motor("tolk"): assess(...)``, which is scoped to the thread or task (a
``ContextVar``) and so changes nothing for anyone else.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ...inndata.errors import Feil, UgyldigSak

KOMPILERT = "kompilert"
TOLK = "tolk"
MOTORER = (KOMPILERT, TOLK)
MILJOVARIABEL = "SOSIALREGLER_MOTOR"

_VALGT: ContextVar[str | None] = ContextVar("sosialregler_motor", default=None)


def _sjekk(navn: str, hvor: str) -> str:
    if navn not in MOTORER:
        raise ValueError(f"ukjent motor {navn!r} i {hvor}; velg {' eller '.join(MOTORER)}")
    return navn


def aktiv() -> str:
    """The engine in use here: the block's choice, else the environment's, else compiled.

    A wrong value in the environment is a rejection naming the variable (the CLI exits 2),
    like a wrong ``--dato``: it is input to the library, not a fault in it.
    """
    valgt = _VALGT.get()
    if valgt is not None:
        return valgt
    miljo = os.environ.get(MILJOVARIABEL) or KOMPILERT
    if miljo not in MOTORER:
        raise UgyldigSak(
            [Feil(MILJOVARIABEL, miljo, f"ukjent motor; velg {' eller '.join(MOTORER)}")]
        )
    return miljo


@contextmanager
def bruk_motor(navn: str) -> Iterator[None]:
    """Evaluate with ``navn`` (``kompilert`` or ``tolk``) inside the ``with`` block."""
    token = _VALGT.set(_sjekk(navn, "bruk_motor"))
    try:
        yield
    finally:
        _VALGT.reset(token)
