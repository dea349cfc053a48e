"""How the what-if tools reach ``assess``: the one dependency in the house that is inverted.

``Assessment.what_if`` assesses a changed copy of a case. ``Assessment`` is what ``assess``
returns (``api`` imports ``assessment``), so the what-if code (``hvaom``), which the result
calls, cannot import ``api`` without closing a circle: ``assessment → hvaom → api →
assessment``. Rather than hide that circle behind an import inside a function, ``hvaom``
declares what it needs (``Vurder``: the signature of ``assess``) and ``api`` hands its
``assess`` to this module as it is imported. ``api`` is imported with the package, before any
``Assessment`` can exist, so ``vurder`` is always set when it is called; it is set once and
never changed (a test holds ``vurder`` to ``api.assess``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..inndata.facts import Sak
    from ..inndata.grenser import Grenser
    from ..lov.rulebook.book import Regelbok
    from ..utdata.assessment import Assessment


class Vurder(Protocol):
    """The signature of ``api.assess``."""

    def __call__(
        self,
        sak: Mapping[str, Any] | str | bytes | Sak,
        on: date | str | None = None,
        *,
        regler: Regelbok | None = None,
        grenser: Grenser | Mapping[str, int] | None = None,
    ) -> Assessment: ...


_VURDER: list[Vurder] = []


def bruk(vurder: Vurder) -> None:
    """Called once, by ``api`` as it is imported: the function that assesses a case."""
    if _VURDER and _VURDER[0] is not vurder:
        raise RuntimeError("vurderer.bruk: assess er allerede satt")
    _VURDER[:] = [vurder]


def vurder(
    sak: Mapping[str, Any] | str | bytes | Sak,
    on: date | str | None = None,
    *,
    regler: Regelbok | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> Assessment:
    """``api.assess``, for the code that its result calls back into."""
    return _VURDER[0](sak, on, regler=regler, grenser=grenser)
