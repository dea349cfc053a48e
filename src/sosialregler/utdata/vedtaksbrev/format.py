"""Amounts and dates as people write them, per language.

«8 300 kroner» and «1. januar 2026» in bokmål and nynorsk, «NOK 8,300» and «1 January 2026»
in English (Språkrådet's and NAV's plain-language practice).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .tekster import MANEDER

#: Between the parts of a number, a date and «kroner»: a line never breaks inside them.
NBSP = "\u00a0"


def tall(verdi: Decimal | int | float, sprak: str) -> str:
    """A number with thousands separators; decimals only when it has øre."""
    d = Decimal(str(verdi))
    hel = d == d.to_integral_value()
    d = d.quantize(Decimal(1) if hel else Decimal("0.01"), rounding=ROUND_HALF_UP)
    tekst = f"{d:,.0f}" if hel else f"{d:,.2f}"
    if sprak == "en":
        return tekst.replace("-", "−")
    return tekst.replace(",", NBSP).replace(".", ",").replace("-", "−")


def belop(verdi: Decimal | int | float, sprak: str) -> str:
    """An amount in kroner: «19 850 kroner» / «NOK 19,850»."""
    if sprak == "en":
        return f"NOK{NBSP}{tall(verdi, sprak)}"
    return f"{tall(verdi, sprak)}{NBSP}kroner"


def dato(verdi: date, sprak: str) -> str:
    """A date as written in a letter: «1. mars 2024» / «1 March 2024»."""
    maned = MANEDER[sprak][verdi.month - 1]
    if sprak == "en":
        return f"{verdi.day}{NBSP}{maned}{NBSP}{verdi.year}"
    return f"{verdi.day}.{NBSP}{maned}{NBSP}{verdi.year}"
