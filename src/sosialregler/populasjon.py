"""``sosialregler.populasjon``: the short name of ``sosialregler.verktoy.populasjon``, which it is.

Population runs are a public entry point of their own (issue 19 names it
``sosialregler.populasjon.vurder(tabell, on=...)``), so the package keeps this name for the
module in the tools' folder: importing it gives the very same module object, so nothing is
defined twice."""

import sys

from .verktoy import populasjon as _modul

sys.modules[__name__] = _modul
