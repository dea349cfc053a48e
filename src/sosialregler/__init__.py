"""sosialregler: Norwegian social-assistance law as declarative rules, with explanations.

>>> import sosialregler
>>> vurdering = sosialregler.assess(sak_som_dict, on="2024-03-01")   # doctest: +SKIP
>>> print(vurdering.explain("nb"))                                     # doctest: +SKIP

The public face: ``assess``, ``Assessment`` (with ``what_if``), ``UgyldigSak``, ``RegelFeil``,
``load_rulebook``, ``default_rulebook``, ``read_sak``; NAV's application: ``assess_soknad``,
``read_soknad``; why not: ``why_not``, ``break_even``; follow-up: ``due`` (what is due in a
case on a date), ``assess_many`` (many cases, in order, in processes) and
``sosialregler.verktoy.oppfolging`` (the caseload report). Also ``sosialregler.testing`` (hypothesis
strategies), ``sosialregler.testfiler`` (test-case files) and ``sosialregler.verktoy.repl``.

How the public functions are named (issue 17): the house rule, domain words in ASCII
Norwegian and engine words in English, applied to a function's name as a whole. A function is
named for what the library *does*, in English (``assess``, ``read``, ``load``, ``why_not``,
``break_even``, ``due``), and for what it does it *to*, when the name needs that, by the
law's own Norwegian word (``sak``, ``soknad``): ``assess_soknad``, ``read_sak``. The reason:
the verbs are the engine's and the same in any area of law, so they read as one vocabulary
with ``assess`` and the ``Assessment`` methods (``explain``, ``what_if``, ``to_json``); the
nouns are the law's and the contract's (``sak``, ``soknad``, ``vedtak``, ``utfall``), which a
caseworker or lawyer searches for and which must not be translated away. Types keep their
names (``Vedtak``, ``Utfall``, ``Frist``, ``Feil``: domain nouns; ``Assessment``: the engine's
result). ``rulebook`` alone cannot be a function's name: it is the subpackage
``sosialregler.lov.rulebook``.

The earlier names stay, as aliases of the very same objects, so no caller breaks
(``ALIASER``: old name → new name): ``vurder_soknad``, ``fra_soknad``, ``hvorfor_ikke``,
``inntekt_ved_null``, ``les_sak``, ``regelbok``, ``standard_regelbok``.
"""

from .api import assess, les_sak, read_sak
from .inndata.errors import DokumentFeil, Feil, RegelFeil, UgyldigSak
from .lov.outcome import Utfall
from .utdata.assessment import Assessment, Vedtak
from .utdata.hvaom import HvaOm, break_even, hvorfor_ikke, inntekt_ved_null, why_not
from .verktoy.batch import Avvist, assess_many
from .verktoy.frister import Frist, due
from .verktoy.soknad import Soknadsresultat, assess_soknad, fra_soknad, read_soknad, vurder_soknad
from .versjon import __version__
from .vurdering.standardbok import default_rulebook, load_rulebook, regelbok, standard_regelbok

#: The earlier names of public functions → the names they have now (the same objects).
ALIASER = {
    "fra_soknad": "read_soknad",
    "hvorfor_ikke": "why_not",
    "inntekt_ved_null": "break_even",
    "les_sak": "read_sak",
    "regelbok": "load_rulebook",
    "standard_regelbok": "default_rulebook",
    "vurder_soknad": "assess_soknad",
}

#: The new names and, listed too, the earlier ones (``ALIASER``).
__all__ = [
    "ALIASER",
    "Assessment",
    "Avvist",
    "DokumentFeil",
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
    "assess_soknad",
    "break_even",
    "default_rulebook",
    "due",
    "fra_soknad",
    "hvorfor_ikke",
    "inntekt_ved_null",
    "les_sak",
    "load_rulebook",
    "read_sak",
    "read_soknad",
    "regelbok",
    "standard_regelbok",
    "vurder_soknad",
    "why_not",
]
