"""sosialregler: Norwegian social-assistance law as declarative rules, with explanations.

>>> import sosialregler
>>> vurdering = sosialregler.assess(sak_som_dict, on="2024-03-01")   # doctest: +SKIP
>>> print(vurdering.explain("nb"))                                     # doctest: +SKIP

The public face: ``assess``, ``Assessment``, ``UgyldigSak``, ``RegelFeil``, ``regelbok``.
"""

__version__ = "0.1.0"

from .api import assess, les_sak, regelbok, standard_regelbok
from .assessment import Assessment, Vedtak
from .errors import Feil, RegelFeil, UgyldigSak
from .outcome import Utfall

__all__ = [
    "Assessment",
    "Feil",
    "RegelFeil",
    "UgyldigSak",
    "Utfall",
    "Vedtak",
    "__version__",
    "assess",
    "les_sak",
    "regelbok",
    "standard_regelbok",
]
