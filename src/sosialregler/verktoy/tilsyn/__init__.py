"""Supervision (tilsyn, issue 18): the audit points of the supervisory authorities' reports,
answered per case and counted across a caseload.

* ``regler``: the audit points as data (``rules/tilsyn/malepunkter.toml``), nb/nn/en;
* ``vurdering``: each point's logic over one assessment (its decisions and flags);
* ``tekst``: a finding and one case's checklist in words;
* ``rapport``: a caseload's counts, cases with most breaches first, HTML/CSV/JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...api import assess
from .regler import Malepunkt, Malepunkter, last
from .vurdering import Funn, Grunn, vurder

__all__ = ["Funn", "Grunn", "Malepunkt", "Malepunkter", "last", "malepunkter_for", "vurder"]


def malepunkter_for(
    sak: Any, dato: date | str | None = None, regler: Any = None
) -> tuple[Funn, ...]:
    """Assess ``sak`` (a contract case) on ``dato`` and answer every audit point."""
    vurdering = assess(sak, on=dato, regler=regler, keep_trace=True)
    m = last(getattr(regler, "mappe", None))
    return vurder(vurdering, [p.id for p in m.punkter])
