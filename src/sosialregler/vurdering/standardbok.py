"""The rulebook a call gets when it names none: the shipped one, loaded once per process.

Its own small module, below the public API, because the record reader, the deadline list,
the batch workers and the reports all need the default rulebook without needing ``assess``
(had they imported it from ``api``, the API and its result would form a circle).
``sosialregler.default_rulebook`` and ``sosialregler.load_rulebook`` are these functions
(also under their earlier names ``standard_regelbok`` and ``regelbok``).
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..lov.rulebook.book import Regelbok
from .rulebook_load import last_regelbok, standard_mappe


@functools.cache
def default_rulebook() -> Regelbok:
    """The rules shipped with the library, loaded and compiled once per process."""
    return last_regelbok()


@functools.cache
def _regelbok_fra(mappe: str, satser: str | None) -> Regelbok:
    return last_regelbok(mappe, satser)


def load_rulebook(regler: Path | str | None = None, satser: Path | str | None = None) -> Regelbok:
    """A rulebook: the shipped one, another rules folder, and/or a municipality's rate file."""
    if regler is None and satser is None:
        return default_rulebook()
    mappe = str(Path(regler).resolve()) if regler is not None else str(standard_mappe())
    return _regelbok_fra(mappe, str(Path(satser).resolve()) if satser else None)


#: The names before the public API took one convention (see ``sosialregler.__doc__``).
standard_regelbok = default_rulebook
regelbok = load_rulebook
