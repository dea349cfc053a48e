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


def alle(utfall: Iterable[Utfall]) -> Utfall:
    """Conjunction. An empty conjunction is ``oppfylt`` (nothing required)."""
    sett = set(utfall)
    for avgjorende in (IKKE_OPPFYLT, UAVKLART, SKJONN):
        if avgjorende in sett:
            return avgjorende
    return OPPFYLT


def minst_en(utfall: Iterable[Utfall]) -> Utfall:
    """Disjunction. An empty disjunction is ``ikke_oppfylt`` (nothing offered)."""
    sett = set(utfall)
    for avgjorende in (OPPFYLT, UAVKLART, SKJONN):
        if avgjorende in sett:
            return avgjorende
    return IKKE_OPPFYLT


def ikke(utfall: Utfall) -> Utfall:
    """Negation: only the two decided outcomes swap."""
    if utfall is OPPFYLT:
        return IKKE_OPPFYLT
    if utfall is IKKE_OPPFYLT:
        return OPPFYLT
    return utfall


def fra_bool(verdi: bool) -> Utfall:
    return OPPFYLT if verdi else IKKE_OPPFYLT
