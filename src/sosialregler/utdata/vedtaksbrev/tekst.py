"""The letter as plain text: headings, paragraphs, points and the calculation as a table.

Lines wrap at 90 characters, so the text pastes into a case system's letter field as it is.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model imports its renderers; they only name its types
    from .model import Avsnitt, Vedtaksbrev

BREDDE = 90


def _avsnitt(a: Avsnitt) -> list[str]:
    ut = [a.overskrift, ""] if a.overskrift else []
    for tekst in a.tekst:
        ut += [*textwrap.wrap(tekst, BREDDE), ""]
    for punkt in a.punkter:
        ut += [*textwrap.wrap(punkt, BREDDE, initial_indent="- ", subsequent_indent="  "), ""]
    for tekst in a.etter:
        ut += [*textwrap.wrap(tekst, BREDDE), ""]
    if a.tabell:
        rader = ([a.tabellhode] if a.tabellhode else []) + list(a.tabell)
        rader += [a.sumrad] if a.sumrad else []
        bredde = max(len(r[0]) for r in rader) + 4
        tallbredde = max(len(r[1]) for r in rader)
        for i, (post, belop) in enumerate(rader):
            if a.sumrad and i == len(rader) - 1:
                ut.append("-" * (bredde + tallbredde))
            ut.append(f"{post:<{bredde}}{belop:>{tallbredde}}")
        ut.append("")
    return ut


def som_tekst(brev: Vedtaksbrev) -> str:
    """The whole letter; when it is not ready, what must be clarified first."""
    ut = [brev.avsender, brev.dato, "", brev.tittel.upper(), ""]
    if not brev.klart:
        forste, *resten = brev.maa_avklares
        ut += [*textwrap.wrap(forste, BREDDE), ""]
        for punkt in resten:
            ut += textwrap.wrap(punkt, BREDDE, initial_indent="- ", subsequent_indent="  ")
        return "\n".join(ut).rstrip() + "\n"
    for a in brev.avsnitt:
        ut += _avsnitt(a)
    ut += [brev.hilsen, "", *brev.underskrift]
    return "\n".join(ut).rstrip() + "\n"
