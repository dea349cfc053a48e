"""The four outcomes and how they combine (DESIGN § 3).

NAV's own rule libraries use JA / NEI / KANSKJE (nare) and VILKAR_OPPFYLT / IKKE_OPPFYLT /
UAVKLART (spleis); the law adds a fourth that a rules library must never hide: discretion
(``skjonn``), where the law leaves the answer to the caseworker.

Combination is three-valued logic extended with ``skjonn``, chosen so that the library never
claims more than the facts support:

* ``alle`` (and): one ``ikke_oppfylt`` decides; else a missing fact (``uavklart``) comes first,
  because the facts must be in place before discretion can be exercised; else ``skjonn``;
  else ``oppfylt``.
* ``minst_en`` (or): one ``oppfylt`` decides; else ``uavklart``; else ``skjonn``; else
  ``ikke_oppfylt``.
* ``ikke`` (not): swaps ``oppfylt`` and ``ikke_oppfylt``; ``uavklart`` and ``skjonn`` stay.
* ``minst_avklart`` (the least settled, not a logical operator): ``uavklart``, then ``skjonn``,
  then ``ikke_oppfylt``, else ``oppfylt``. A calculation's node takes it from its items, so it
  stays open while any item has a question, even when another item already fails.

Each combination is an order of precedence (the first outcome in it that occurs decides) and
a default, written here once (``RANG``). The rule engine's inline combination
(``rulebook.conditions._kombinasjon``) and the record reader follow these, and a test holds
the inline copy equal to them for every sequence of outcomes up to length four.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Utfall(StrEnum):
    """An outcome. The string values are the JSON contract's."""

    OPPFYLT = "oppfylt"
    IKKE_OPPFYLT = "ikke_oppfylt"
    UAVKLART = "uavklart"
    SKJONN = "skjonn"


OPPFYLT = Utfall.OPPFYLT
IKKE_OPPFYLT = Utfall.IKKE_OPPFYLT
UAVKLART = Utfall.UAVKLART
SKJONN = Utfall.SKJONN


#: Each combination's order of precedence and its default (the outcome of no parts).
RANG: dict[str, tuple[tuple[Utfall, ...], Utfall]] = {
    "alle": ((IKKE_OPPFYLT, UAVKLART, SKJONN), OPPFYLT),
    "minst_en": ((OPPFYLT, UAVKLART, SKJONN), IKKE_OPPFYLT),
    "minst_avklart": ((UAVKLART, SKJONN, IKKE_OPPFYLT), OPPFYLT),
}


def _forste(art: str, utfall: Iterable[Utfall]) -> Utfall:
    rang, ellers = RANG[art]
    sett = set(utfall)
    for avgjorende in rang:
        if avgjorende in sett:
            return avgjorende
    return ellers


def alle(utfall: Iterable[Utfall]) -> Utfall:
    """Conjunction. An empty conjunction is ``oppfylt`` (nothing required)."""
    return _forste("alle", utfall)


def minst_en(utfall: Iterable[Utfall]) -> Utfall:
    """Disjunction. An empty disjunction is ``ikke_oppfylt`` (nothing offered)."""
    return _forste("minst_en", utfall)


def minst_avklart(utfall: Iterable[Utfall]) -> Utfall:
    """The least settled outcome (see the module's docstring); of nothing, ``oppfylt``."""
    return _forste("minst_avklart", utfall)


def ikke(utfall: Utfall) -> Utfall:
    """Negation: only the two decided outcomes swap."""
    if utfall is OPPFYLT:
        return IKKE_OPPFYLT
    if utfall is IKKE_OPPFYLT:
        return OPPFYLT
    return utfall


def fra_bool(verdi: bool) -> Utfall:
    return OPPFYLT if verdi else IKKE_OPPFYLT
