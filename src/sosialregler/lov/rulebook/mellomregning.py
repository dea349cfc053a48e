"""A calculation's named steps (``[[regel.verdi]]``) evaluated: the reference, and the helpers
the compiled steps share with it.

The steps are law written as data (rules/stl-18-livsopphold.toml: the unmet need, the amount
never below 0, the one-off support): each is an expression of the rule language over the
calculation's totals and the steps before it. ``mellomregn`` is the interpreter's loop; the
compiler (``kompilator.kilde.mellomregningsfunksjon``) writes the same steps as straight-line
code and calls ``godta`` and ``stegfeil`` from here, so both engines give the same values and
the same named ``RegelFeil`` for a step that fails.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NoReturn

from ...inndata.errors import RegelFeil
from .conditions import hvor
from .expr import UttrykkFeil
from .model import Regel, Verdi


def godta(regel: Regel, verdi: Verdi, x: object) -> Any:
    """The step's value as its kind: an amount is always a ``Decimal`` (``max(x, 0)`` may give
    the int 0, and texts and JSON must not depend on which argument won); a value of the wrong
    kind is a named rule error, never passed on."""
    if verdi.art == "sannhetsverdi":
        if type(x) is bool:
            return x
    elif type(x) is int:
        return Decimal(x) if verdi.art == "belop" else x
    elif isinstance(x, Decimal) and x.is_finite():
        return x
    raise RegelFeil(
        f"mellomregningen {verdi.navn!r} («{verdi.uttrykk.tekst}») ga {x!r}, ikke {verdi.art}",
        *hvor(regel),
    )


def stegfeil(regel: Regel, verdi: Verdi, verdier: dict[str, Any]) -> NoReturn:
    """Report a failed step as ``evaluer`` words it, naming the step, the rule and its file."""
    try:
        verdi.uttrykk.evaluer(verdier)
    except UttrykkFeil as exc:
        raise RegelFeil(f"mellomregningen {verdi.navn!r} feilet: {exc}", *hvor(regel)) from None
    raise RegelFeil(f"mellomregningen {verdi.navn!r} feilet", *hvor(regel))


def mellomregn(regel: Regel, verdier: dict[str, Any]) -> dict[str, Any]:
    """The rule's steps on ``verdier`` (the totals), in the rule's order; ``verdier`` grows by
    each step's value and is returned."""
    for verdi in regel.verdier:
        try:
            x = verdi.uttrykk.evaluer(verdier)
        except UttrykkFeil:
            stegfeil(regel, verdi, verdier)
        verdier[verdi.navn] = godta(regel, verdi, x)
    return verdier
