"""The source of one generated function as lines: shared by both of the compiler's outputs.

``kilde`` (per case) and ``kolonne`` (over columns) each write functions line by line with
numbered locals and values kept among the module's constants; this is that bookkeeping,
written once. What each writes on the lines is theirs.
"""

from __future__ import annotations

from typing import Any


class Linjeskriver:
    """Lines of one generated function, its locals numbered, its constants collected."""

    def __init__(self, konstanter: dict[str, Any] | None = None) -> None:
        self.linjer: list[str] = []
        #: name in the generated text -> value (a value is never written into the text itself)
        self.konstanter: dict[str, Any] = {} if konstanter is None else konstanter
        self.teller = 0

    def linje(self, innrykk: int, tekst: str) -> None:
        self.linjer.append("    " * innrykk + tekst)

    def konstant(self, prefiks: str, verdi: Any) -> str:
        navn = f"{prefiks}{len(self.konstanter)}"
        self.konstanter[navn] = verdi
        return navn

    def ny(self) -> int:
        """A fresh number for the next part's locals (``u3``, ``m3``)."""
        self.teller += 1
        return self.teller
