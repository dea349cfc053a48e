"""How the result and its tools reach the evaluation: the one dependency in the house inverted.

``Assessment.what_if`` assesses a changed copy of a case, a format 5 record is read by
assessing its input again, and a kept result (``utdata.beholdt``) evaluates its case again
when its trees are first read. ``Assessment`` is what ``assess`` returns (``api`` imports
``assessment``), so that code, which the result calls, cannot import ``api`` without closing a
circle: ``assessment → hvaom → api → assessment``. Rather than hide that circle behind an
import inside a function, this module declares what it needs (``Vurder``: the signature of
``assess``; ``Evaluer``: the evaluation of a case already read) and ``api`` hands its functions
to it as it is imported. ``api`` is imported with the package, before any ``Assessment`` can
exist, so both are always set when called; they are set once and never changed (a test holds
them to ``api``'s).
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


class Evaluer(Protocol):
    """The signature of ``api.evaluer``: a case already read and validated, evaluated on a
    date with a rulebook, its trace kept."""

    def __call__(self, sak: Sak, dato: date, regler: Regelbok, /) -> Assessment: ...


_VURDER: list[Vurder] = []
_EVALUER: list[Evaluer] = []


def bruk(vurder: Vurder, evaluer: Evaluer) -> None:
    """Called once, by ``api`` as it is imported: the functions that assess a case (with its
    trace kept: ``api.assess_med_spor``) and that evaluate one already read."""
    if (_VURDER and _VURDER[0] is not vurder) or (_EVALUER and _EVALUER[0] is not evaluer):
        raise RuntimeError("vurderer.bruk: assess er allerede satt")
    _VURDER[:] = [vurder]
    _EVALUER[:] = [evaluer]


def vurder(
    sak: Mapping[str, Any] | str | bytes | Sak,
    on: date | str | None = None,
    *,
    regler: Regelbok | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> Assessment:
    """``api.assess_med_spor``, for the code that its result calls back into: what-if and
    records read the new result's trees at once, so its trace is kept (``assess`` keeps none,
    and reading a tree would evaluate the case a second time)."""
    return _VURDER[0](sak, on, regler=regler, grenser=grenser)


def evaluer(sak: Sak, dato: date, regler: Regelbok) -> Assessment:
    """``api.evaluer``: a kept result's case evaluated again (``utdata.beholdt``)."""
    return _EVALUER[0](sak, dato, regler)
