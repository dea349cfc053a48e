"""The few calculations that are code, not conditions (DESIGN § 2).

A rule file names a calculation with ``beregning = "<name>"`` (on its ``[omrade]`` and on the
rule that carries the calculation's legal reference and texts); this registry maps the name to
the function. The loader rejects names not registered here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import Kontekst
    from ..facts import Sak
    from .livsopphold import Beregning

#: Names a rule file may use; kept import-free so the loader can check them cheaply.
NAVN: tuple[str, ...] = ("livsopphold",)


def beregning(navn: str) -> Callable[[Sak, Kontekst], Beregning]:
    """The calculation registered under ``navn``."""
    from . import livsopphold

    registrert: Mapping[str, Callable[[Sak, Kontekst], Beregning]] = {
        "livsopphold": livsopphold.beregn,
    }
    return registrert[navn]
