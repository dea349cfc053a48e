"""An ISO date (``ÅÅÅÅ-MM-DD``) in a document: its form and its reading, written once.

Every reader of an untrusted document (the case contract, NAV's application, test-case files,
records, the audit's reading aid) asks the same two questions of a text: is it shaped like a
date, and is it a date in the calendar? ASCII digits only: ``\\d`` would also accept other
scripts' digits, which ``date.fromisoformat`` then refuses.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

#: A text shaped like an ISO date, ASCII digits only (``.fullmatch`` for a whole value).
ISO_DATO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def som_dato(verdi: Any) -> date | None:
    """``verdi`` as a date when it is a text of the form ``ÅÅÅÅ-MM-DD`` naming a day in the
    calendar; ``None`` otherwise (another type, another form, or ``2017-13-01``)."""
    if not isinstance(verdi, str) or not ISO_DATO.fullmatch(verdi):
        return None
    try:
        return date.fromisoformat(verdi)
    except ValueError:
        return None
