"""The languages the library writes: bokmål, nynorsk and English.

Rule texts, letters, working papers, reports and the service answer in these three, in this
order (tables of words indexed by position follow it). Written once here: every module that
checks a ``sprak`` argument or loops over the languages reads it from this module.
"""

from __future__ import annotations

SPRAK: tuple[str, ...] = ("nb", "nn", "en")
