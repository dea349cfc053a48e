"""Reading one input file (or standard input) as the command line and the REPL do.

At most a limit's bytes are read (grenser.py), so ``/dev/zero`` is a rejection, not a machine
out of memory; UTF-8 with or without a byte order mark; and every fault is said in Norwegian
naming the file, because the operating system's own words are English (issue 15, point 10).
"""

from __future__ import annotations

import errno
import sys

from .contract import for_stor, ikke_utf8
from .errors import Feil, UgyldigSak
from .grenser import STANDARD

__all__ = ["filfeil", "les_fil"]


def les_fil(navn: str, felt: str, grense: int = STANDARD.byte, grensenavn: str = "byte") -> str:
    """A file (or ``-``, standard input) as text: at most ``grense`` bytes are read, so
    ``/dev/zero`` is a rejection, not a machine out of memory; UTF-8, with or without a byte
    order mark; every fault said in Norwegian."""
    try:
        if navn == "-":
            data = sys.stdin.buffer.read(grense + 1)
        else:
            with open(navn, "rb") as fil:
                data = fil.read(grense + 1)
    except OSError as exc:
        raise UgyldigSak([Feil(felt, navn, filfeil(exc))]) from None
    if len(data) > grense:
        hva = "standard inn" if navn == "-" else "filen"
        raise UgyldigSak([for_stor(grense, hva, felt, grensenavn)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UgyldigSak([Feil(felt, navn, ikke_utf8(exc))]) from None


def filfeil(exc: OSError) -> str:
    """Why a file cannot be read, in Norwegian (the operating system's words are English)."""
    grunn = {
        errno.ENOENT: "den finnes ikke (sjekk navnet og mappen)",
        errno.EACCES: "du har ikke tilgang til den",
        errno.EPERM: "du har ikke tilgang til den",
        errno.EISDIR: "det er en mappe, ikke en fil",
        errno.ENAMETOOLONG: "navnet er for langt",
        errno.ENOTDIR: "en del av stien er ikke en mappe",
    }.get(exc.errno or 0)
    if grunn is None:
        grunn = f"feilkode {errno.errorcode.get(exc.errno or 0, str(exc.errno))}"
    return f"filen kan ikke leses: {grunn}"
