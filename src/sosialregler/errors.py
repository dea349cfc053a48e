"""The library's exceptions.

Two kinds of failure matter to a caller and must never be confused:

* the *case* is wrong (``UgyldigSak``): the caller sent bad input, and every problem is
  listed with its JSON path, value and reason, so a case system can show them all at once;
* the *rules* are wrong (``RegelFeil``): a rule file does not load, naming file and rule.

Anything else escaping the library is a bug in the library.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen


@frozen
class Feil:
    """One problem with the input: where (``felt``, a JSON path), what (``verdi``), why."""

    felt: str
    verdi: Any
    melding: str

    def to_dict(self) -> dict[str, Any]:
        return {"felt": self.felt, "verdi": self.verdi, "melding": self.melding}


class UgyldigSak(ValueError):
    """The case was rejected. ``.feil`` lists every problem, not only the first."""

    def __init__(self, feil: list[Feil]) -> None:
        self.feil = list(feil)
        lines = [f"{f.felt}: {f.melding} (verdi: {f.verdi!r})" for f in self.feil]
        super().__init__("Saken ble avvist:\n  " + "\n  ".join(lines))

    def to_dict(self) -> dict[str, Any]:
        return {"feil": [f.to_dict() for f in self.feil]}


class RegelFeil(ValueError):
    """A rule or rate file could not be loaded or is inconsistent.

    ``fil`` and ``regel`` name where; the message says why.
    """

    def __init__(self, melding: str, fil: str | None = None, regel: str | None = None) -> None:
        self.melding = melding
        self.fil = fil
        self.regel = regel
        where = ", ".join(p for p in (fil, f"regel {regel}" if regel else None) if p)
        super().__init__(f"{where}: {melding}" if where else melding)
