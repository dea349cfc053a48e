"""JSON Lines read with a bound: one case per line, no line read past the ``byte`` limit.

``vurder --batch`` and ``oppfolging`` used to read all of standard input (and a file's lines
whole) before the first case was assessed, so one endless line, or ``/dev/zero``, took all the
memory there was (issue 15, point 3, at the batch door). Here a line is read at most
``grense + 1`` bytes at a time: a longer line is a rejection of that line naming the limit
(``byte`` in grenser.py), its rest is skipped without being kept, and the next line is read
as usual. A line that is not UTF-8 is a rejection of that line too, not replaced characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from attrs import frozen

from .contract import for_stor, ikke_utf8
from .errors import Feil

#: How much of an over-long line is skipped per read (its rest is never held whole).
SKIPP_BYTE = 1 << 16


@frozen
class AvvistLinje:
    """A line that is rejected before it is parsed: ``assess_many`` reports it as a case's
    rejection (``UgyldigSak``), in its place among the others."""

    feil: tuple[Feil, ...]


def linjer(strom: BinaryIO, grense: int) -> Iterator[tuple[int, str | AvvistLinje]]:
    """The non-blank lines of ``strom`` with their numbers (from 1): the text, or an
    ``AvvistLinje`` for a line over ``grense`` bytes or not UTF-8. A byte order mark at the
    start is accepted, as for one case's file."""
    nr = 0
    while data := strom.readline(grense + 1):
        nr += 1
        if len(data) > grense and not data.endswith(b"\n"):
            while (rest := strom.readline(SKIPP_BYTE)) and not rest.endswith(b"\n"):
                pass
            yield nr, AvvistLinje((for_stor(grense, "linjen"),))
            continue
        if not data.strip():
            continue
        try:
            tekst = data.decode("utf-8-sig" if nr == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield nr, AvvistLinje((Feil("$", None, ikke_utf8(exc)),))
            continue
        yield nr, tekst


def tell(strom: BinaryIO, grense: int) -> int:
    """How many cases ``linjer`` will give (for the progress bar), read as boundedly."""
    return sum(1 for _ in linjer(strom, grense))
