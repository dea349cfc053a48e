"""sosialregler: Norwegian social-assistance law as declarative rules, with explanations.

>>> import sosialregler
>>> vurdering = sosialregler.assess(sak_som_dict, on="2024-03-01")   # doctest: +SKIP
>>> print(vurdering.explain("nb"))                                     # doctest: +SKIP

The public face: ``assess``, ``Assessment`` (with ``what_if``), ``UgyldigSak``, ``RegelFeil``,
``regelbok``; NAV's application: ``vurder_soknad``, ``fra_soknad``; why not:
``hvorfor_ikke``, ``inntekt_ved_null``. Also ``sosialregler.testing`` (hypothesis strategies),
``sosialregler.testfiler`` (test-case files) and ``sosialregler.repl``.
"""

__version__ = "0.1.0"

from .api import assess, les_sak, regelbok, standard_regelbok
from .assessment import Assessment, Vedtak
from .errors import Feil, RegelFeil, UgyldigSak
from .hvaom import HvaOm, hvorfor_ikke, inntekt_ved_null
from .outcome import Utfall
from .soknad import Soknadsresultat, fra_soknad, vurder_soknad

__all__ = [
    "Assessment",
    "Feil",
    "HvaOm",
    "RegelFeil",
    "Soknadsresultat",
    "UgyldigSak",
    "Utfall",
    "Vedtak",
    "__version__",
    "assess",
    "fra_soknad",
    "hvorfor_ikke",
    "inntekt_ved_null",
    "les_sak",
    "regelbok",
    "standard_regelbok",
    "vurder_soknad",
]
