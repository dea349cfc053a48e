"""Calendar arithmetic the law counts in: months, as Norwegian deadlines are counted.

One implementation, shared by the rule language (``pluss_maneder`` in ``rulebook.expr``, the
compiled and the columnar engines) and by the code that still measures periods itself
(``vurdering.areas.botilbud``), so a month is the same month everywhere.

A period of *n* months from a day ends on the same day of the month *n* months later, or on the
last day of that month when it is shorter: 31 January + 1 month is 29 February in a leap year and
28 February otherwise; 29 February + 12 months is 28 February. This is calendar, not law: the
number of months is always the rule's.
"""

from __future__ import annotations

import calendar
from datetime import date

__all__ = ["dager_i_maned", "pluss_maneder"]

#: Days of each month in a common year, as the calendar gives them (2001 is one).
_DAGER_I_MANED = tuple(calendar.monthrange(2001, maned)[1] for maned in range(1, 13))


def dager_i_maned(ar: int, maned: int) -> int:
    """``calendar.monthrange(ar, maned)[1]`` without the weekday it also works out: a period is
    measured many times per case (the § 27 deadline search)."""
    return 29 if maned == 2 and calendar.isleap(ar) else _DAGER_I_MANED[maned - 1]


def pluss_maneder(dato: date, antall: int) -> date:
    """The same day ``antall`` months later (earlier when negative), or that month's last day
    when it is shorter.

    >>> pluss_maneder(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    >>> pluss_maneder(date(2023, 11, 30), 3)
    datetime.date(2024, 2, 29)

    Raises ``ValueError`` when the result is outside the calendar (year 1 to 9999): the callers
    say what that means for them.
    """
    ar, maned = divmod(dato.year * 12 + dato.month - 1 + antall, 12)
    dag = min(dato.day, dager_i_maned(ar, maned + 1)) if 1 <= ar <= 9999 else 1
    return date(ar, maned + 1, dag)
