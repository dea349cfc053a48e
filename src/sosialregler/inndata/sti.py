"""A path into a document, written the one way every rejection writes it.

``personer[0].fodselsdato``, ``kvp.fravaer[2].til``, ``inntekter[0]["odd key"]``: a list
index in brackets, a plain name after a dot, any other key (blank, odd, a number as text) in
brackets as a JSON string, so every problem has a path that names it. The case contract, the
what-if paths, NAV's application and the test-case files all join their paths here.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: A key written after a dot; any other is written in brackets.
NAVN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def nokkel(sti: str, navn: Any) -> str:
    """``sti`` with an object's key: ``sti.navn`` for a plain name (``navn`` alone at the
    top), else ``sti["navn"]`` (a blank or odd key, or one that is not text at all)."""
    if isinstance(navn, str) and NAVN.fullmatch(navn):
        return f"{sti}.{navn}" if sti else navn
    return f"{sti}[{json.dumps(str(navn), ensure_ascii=True)}]"


def skjot(sti: str, ledd: Any) -> str:
    """``sti`` with one more step: ``sti[ledd]`` for a list index (an ``int``), else the key
    as ``nokkel`` writes it."""
    if isinstance(ledd, int):
        return f"{sti}[{ledd}]"
    return nokkel(sti, ledd)
