"""``sosialregler.testing``: the documented name of ``sosialregler.verktoy.testing``, which it is.

Other projects import it by this name (see the README), so the move into layer
folders (issue 17) keeps it: importing this module gives the very same module
object, so nothing is defined twice."""

import sys

from .verktoy import testing as _modul

sys.modules[__name__] = _modul
