"""The library's exceptions.

Two kinds of failure matter to a caller and must never be confused:

* the *case* is wrong (``UgyldigSak``): the caller sent bad input, and every problem is
  listed with its JSON path, value and reason, so a case system can show them all at once;
* the *rules* are wrong (``RegelFeil``): a rule file does not load, naming file and rule.

Both, and a test-case file that cannot be used (``testfiler.TestfilFeil``), are a
``DokumentFeil``: an untrusted document was refused, and ``.feil`` lists its problems as
``Feil`` (where, as a path written by ``sti.skjot``; the value; why), ``.dokument`` names the
document when it is a file. One error type, however a document is read: a caller, the CLI or
a case system handles any refusal the same way.

Anything else escaping the library is a bug in the library.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Iterable
from itertools import islice
from typing import Any

from attrs import field, frozen

from .grenser import MAKS_FEIL, MAKS_IDER, tall


def kort_verdi(verdi: Any) -> Any:
    """A value as a rejection shows it: itself when small and shallow, else a bounded text.

    Input can be hostile (nested thousands deep, megabytes long); a rejection must still be
    printable as JSON and never recurse, so a large or deep value becomes a short repr that
    says how long the whole was (characters of a text, elements of a list or object).
    """
    if _liten(verdi, 3):
        return verdi
    tekst = _REPR.repr(verdi)
    if len(tekst) > 200:
        tekst = tekst[:200] + "…"
    if isinstance(verdi, str) and len(verdi) > 200:
        tekst += f" ({tall(len(verdi))} tegn i alt)"
    elif isinstance(verdi, list | tuple | dict | set | frozenset) and len(verdi) > 6:
        tekst += f" ({tall(len(verdi))} elementer i alt)"
    return tekst


def oppramsing(navn: Iterable[str], antall: int) -> str:
    """At most ``MAKS_IDER`` names, comma-separated, and how many more there are: a message
    that lists every known id grew with the input (issue 15: 69 MB for 3 000 ids)."""
    vist = ", ".join(islice(navn, MAKS_IDER))
    return vist + (f" og {tall(antall - MAKS_IDER)} til" if antall > MAKS_IDER else "")


def _skrivbar(tekst: str) -> bool:
    """Whether the text can be written as UTF-8 (a lone surrogate cannot: shown escaped)."""
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _liten(verdi: Any, dybde: int) -> bool:
    if verdi is None or isinstance(verdi, bool):
        return True
    if isinstance(verdi, float):
        return math.isfinite(verdi)
    if isinstance(verdi, int):
        return abs(verdi) < 10**18
    if isinstance(verdi, str):
        return len(verdi) <= 200 and _skrivbar(verdi)
    if dybde == 0:
        return False
    if isinstance(verdi, list):
        return len(verdi) <= 10 and all(_liten(v, dybde - 1) for v in verdi)
    if isinstance(verdi, dict):
        return len(verdi) <= 10 and all(
            isinstance(k, str) and len(k) <= 100 and _skrivbar(k) and _liten(v, dybde - 1)
            for k, v in verdi.items()
        )
    return False


_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = 200
_REPR.maxother = 200


@frozen
class Feil:
    """One problem with the input: where (``felt``, a JSON path), what (``verdi``), why."""

    felt: str
    verdi: Any = field(converter=kort_verdi)
    melding: str

    def to_dict(self) -> dict[str, Any]:
        return {"felt": self.felt, "verdi": self.verdi, "melding": self.melding}


class DokumentFeil(ValueError):
    """An untrusted document was refused: ``.feil`` (path, value, reason for each problem) and
    ``.dokument`` (the file, when it is one; else ``None``)."""

    feil: list[Feil]
    dokument: str | None = None


class UgyldigSak(DokumentFeil):
    """The case was rejected. ``.feil`` lists every problem, not only the first."""

    def __init__(self, feil: Iterable[Feil]) -> None:
        self.feil = list(feil)
        if len(self.feil) > MAKS_FEIL:  # bounded, however much was wrong (grenser.MAKS_FEIL)
            utelatt = len(self.feil) - MAKS_FEIL
            self.feil[MAKS_FEIL:] = [
                Feil(
                    "$",
                    utelatt,
                    f"og {tall(utelatt)} problemer til, som ikke er vist: en avvisning viser "
                    f"høyst {MAKS_FEIL}",
                )
            ]
        lines = [f"{f.felt}: {f.melding} (verdi: {f.verdi!r})" for f in self.feil]
        super().__init__("Saken ble avvist:\n  " + "\n  ".join(lines))

    def to_dict(self) -> dict[str, Any]:
        return {"feil": [f.to_dict() for f in self.feil]}


class RegelFeil(DokumentFeil):
    """A rule or rate file could not be loaded or is inconsistent.

    ``fil`` and ``regel`` name where; the message says why. As a ``DokumentFeil``: the file is
    ``.dokument`` and the one problem's path is the rule (``$`` when none is named).
    """

    def __init__(self, melding: str, fil: str | None = None, regel: str | None = None) -> None:
        self.melding = melding
        self.fil = fil
        self.regel = regel
        self.dokument = fil
        self.feil = [Feil(regel or "$", None, melding)]
        where = ", ".join(p for p in (fil, f"regel {regel}" if regel else None) if p)
        super().__init__(f"{where}: {melding}" if where else melding)
