"""The library's decimal context: every amount is computed, and re-checked, in it.

Kept apart so the evaluation (``api``), the KVP calculation and the re-check of a stored
record (``belopskontroll``) use one context without importing each other. A caller's thread
context never decides an amount (a case system with prec=3 would otherwise get 11 700 for
11 750), and a stored record's amounts are re-checked in the context they were computed in.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

#: Exact kroner arithmetic: 28 significant digits, half-up rounding where rounding is asked for.
DESIMALKONTEKST = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP)


def tall_til_json(verdi: Decimal) -> int | float:
    """An amount as a JSON number: a whole one as an integer (``11750``, never ``11750.0``),
    else a float. The one conversion every JSON the library writes uses (the contract's
    output, facts in trees, what-if changes, a NAV application read into a case); records,
    which must be exact, write decimal text instead (``record.verdi_til_record``)."""
    return int(verdi) if verdi == verdi.to_integral_value() else float(verdi)
