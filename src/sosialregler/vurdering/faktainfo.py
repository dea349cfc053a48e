"""``FaktaInfo``: what one named fact means (nb/nn/en), its kind and its scope.

Its own module because the area modules declare their facts with it while the catalogue
(``katalog``) collects the areas' declarations: with the class in ``katalog``, the two imported
each other (issue 17). ``katalog`` re-exports it.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class FaktaInfo:
    navn: str
    type: str  # tall | belop | dato | tekst | sannhetsverdi | liste
    nb: str
    en: str
    omfang: str | None = None  # None: the case; "inntekt": one income line
    nn: str = ""  # filled from ``_NYNORSK`` when the declaration gives none

    def etikett(self, sprak: str) -> str:
        """The label in ``nb``, ``nn`` or ``en``."""
        if sprak == "nb":  # by tests, not a dict made per call: every fact shown asks
            return self.nb
        if sprak == "en":
            return self.en
        if sprak == "nn":
            return self.nn or self.nb
        raise KeyError(sprak)
