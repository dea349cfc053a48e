"""sosialregler: Norwegian social-assistance law as declarative rules, with explanations.

>>> import sosialregler
>>> vurdering = sosialregler.assess(sak_som_dict, on="2024-03-01")   # doctest: +SKIP
>>> print(vurdering.explain("nb"))                                     # doctest: +SKIP

The public face: ``assess``, ``Assessment`` (with ``what_if``), ``UgyldigSak``, ``RegelFeil``,
``regelbok``; NAV's application: ``vurder_soknad``, ``fra_soknad``; why not:
``hvorfor_ikke``, ``inntekt_ved_null``; follow-up: ``due`` (what is due in a case on a date),
``assess_many`` (many cases, in order, in processes) and ``sosialregler.oppfolging`` (the
caseload report). Also ``sosialregler.testing`` (hypothesis strategies),
``sosialregler.testfiler`` (test-case files) and ``sosialregler.repl``.
"""

from .api import assess, les_sak
from .assessment import Assessment, Vedtak
from .batch import Avvist, assess_many
from .errors import Feil, RegelFeil, UgyldigSak
from .frister import Frist, due
from .hvaom import HvaOm, hvorfor_ikke, inntekt_ved_null
from .outcome import Utfall
from .soknad import Soknadsresultat, fra_soknad, vurder_soknad
from .standardbok import regelbok, standard_regelbok
from .versjon import __version__

__all__ = [
    "Assessment",
    "Avvist",
    "Feil",
    "Frist",
    "HvaOm",
    "RegelFeil",
    "Soknadsresultat",
    "UgyldigSak",
    "Utfall",
    "Vedtak",
    "__version__",
    "assess",
    "assess_many",
    "due",
    "fra_soknad",
    "hvorfor_ikke",
    "inntekt_ved_null",
    "les_sak",
    "regelbok",
    "standard_regelbok",
    "vurder_soknad",
]
