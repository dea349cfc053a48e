"""The decision letter as data: its sections, so a case system can fill its own template.

Frozen and plain (strings only): what ``bygg`` decided is all here, and the renderers
(``tekst``, ``html``) only lay it out. ``maa_avklares`` non-empty means there is no letter yet:
it lists what the caseworker must clarify or conclude first, in the letter's language.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

from .html import som_html
from .tekst import som_tekst


@frozen
class Avsnitt:
    """One section: a heading, paragraphs, points, paragraphs after them, an optional table.

    ``id`` is a stable ASCII key for case systems (``vedtak``, ``beregning``, ``klage`` …);
    it is never shown to the reader.
    """

    id: str
    overskrift: str
    tekst: tuple[str, ...] = ()
    punkter: tuple[str, ...] = ()
    etter: tuple[str, ...] = ()  # paragraphs after the points
    tabell: tuple[tuple[str, str], ...] = ()
    tabellhode: tuple[str, str] | None = None
    sumrad: tuple[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        ut: dict[str, Any] = {"id": self.id, "overskrift": self.overskrift}
        ut["tekst"] = list(self.tekst)
        ut["punkter"] = list(self.punkter)
        ut["etter"] = list(self.etter)
        ut["tabell"] = [list(rad) for rad in self.tabell]
        if self.tabellhode:
            ut["tabellhode"] = list(self.tabellhode)
        if self.sumrad:
            ut["sumrad"] = list(self.sumrad)
        return ut


@frozen
class Vedtaksbrev:
    """A decision letter in one language (``nb``, ``nn`` or ``en``)."""

    sprak: str
    tittel: str
    dato: str
    avsender: str
    avsnitt: tuple[Avsnitt, ...]
    hilsen: str
    underskrift: tuple[str, ...]
    maa_avklares: tuple[str, ...] = ()

    @property
    def klart(self) -> bool:
        """Whether this is a letter: nothing is left for the caseworker to clarify first."""
        return not self.maa_avklares

    def tekst(self) -> str:
        """The letter as plain text (or, when not ``klart``, what must be clarified first)."""
        return som_tekst(self)

    def html(self) -> str:
        """The letter as one self-contained, printable HTML page (A4, no network)."""
        return som_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The sections as data (JSON-ready)."""
        return {
            "sprak": self.sprak,
            "klart": self.klart,
            "tittel": self.tittel,
            "dato": self.dato,
            "avsender": self.avsender,
            "avsnitt": [a.to_dict() for a in self.avsnitt],
            "hilsen": self.hilsen,
            "underskrift": list(self.underskrift),
            "maa_avklares": list(self.maa_avklares),
        }
