"""How much input the library reads before it refuses: engineering limits, not law.

A case system, a file on disk or a hostile sender can hand the library anything. Without
limits ``sosialregler vurder /dev/zero`` read until memory ran out, 100 000 income lines used
3.4 GB, and one rejection listed millions of problems (issue 15). So every door (the Python
API, the command line, NAV's application, a stored decision record) reads at most:

* ``byte`` (5 000 000): the JSON text of one case or application, in bytes; in JSON Lines
  (``vurder --batch``, ``oppfolging``) each line, read no further (``jsonlinjer.py``);
* ``personer`` (200): persons in one case (``personer``);
* ``linjer`` (2 000): elements in any one list (``inntekter``, ``boutgifter``, …);
* ``dybde`` (32): nesting of objects and lists (the contract needs 4, NAV's samples 6);
* ``byte_vedtaksgrunnlag`` (50 000 000): a stored decision record (``gjengi``), in bytes.

A household has a handful of persons and a few dozen lines; the defaults are a hundred times
that, and a case at every limit is still assessed in seconds. Going past one is a rejection
(``UgyldigSak``, exit 2) that names the limit and how to raise it: ``--grense navn=N`` on the
command line, ``grenser=Grenser(navn=N)`` (or ``{"navn": N}``) in Python.

A rejection lists at most ``MAKS_FEIL`` problems and then says how many more there were; a
message that lists known ids names at most ``MAKS_IDER`` of them and counts the rest. These
two only bound what is printed and are not meant to be changed per call.

This module holds the numbers only, once; ``contract.py`` checks them. Rates and thresholds of
law never live here: they are data in ``rules/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import evolve, fields, frozen

#: Problems listed in one rejection; the rest are counted in a last line.
MAKS_FEIL = 50
#: Ids named in one message (``kjente er: …``); the rest are counted.
MAKS_IDER = 10


@frozen
class Grenser:
    """The limits for one call (see the module's docstring for each)."""

    byte: int = 5_000_000
    personer: int = 200
    linjer: int = 2_000
    dybde: int = 32
    byte_vedtaksgrunnlag: int = 50_000_000  # a record of a case at every limit is ~10 MB

    def med(self, **endringer: int) -> Grenser:
        """A copy with some limits changed."""
        return evolve(self, **endringer)


#: The limits used when none are given.
STANDARD = Grenser()
#: The names of the limits, as ``--grense`` takes them.
NAVN = tuple(f.name for f in fields(Grenser))


def som_grenser(verdi: Grenser | Mapping[str, Any] | None) -> Grenser:
    """``grenser=`` as a caller may give it: ``None`` (the defaults), a ``Grenser``, or a
    mapping of some names to whole numbers. Raises ``ValueError`` in Norwegian otherwise."""
    if verdi is None:
        return STANDARD
    if isinstance(verdi, Grenser):
        return verdi
    if not isinstance(verdi, Mapping):
        raise ValueError(f"grenser må være en Grenser eller en ordbok, ikke {type(verdi).__name__}")
    endringer: dict[str, int] = {}
    for navn, tall in verdi.items():
        if navn not in NAVN:
            raise ValueError(f"ukjent grense {navn!r}; kjente er: {', '.join(NAVN)}")
        if isinstance(tall, bool) or not isinstance(tall, int) or tall < 1:
            raise ValueError(f"grensen {navn} må være et helt tall større enn 0, ikke {tall!r}")
        endringer[navn] = tall
    return STANDARD.med(**endringer)


def tall(n: int) -> str:
    """A count as Norwegian text writes it: 5 000 000."""
    return f"{n:,}".replace(",", " ")


def heves(navn: str) -> str:
    """How a rejection names a limit and says how to raise it."""
    return f"(grense «{navn}»; kan heves med --grense {navn}=N, eller grenser={{'{navn}': N}})"
