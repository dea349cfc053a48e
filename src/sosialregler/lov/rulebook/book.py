"""The rulebook: every rule version, area and rate table, loaded once and immutable after.

Lookups are by id and date: the version of a rule in force on the assessment date. When no
version is in force there is no silent default (OpenFisca returns 0 there); the evaluator
records an explicit ``uavklart`` node saying so.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cached_property

from attrs import field, frozen

from ..rates import Satser, Satstabell
from .model import Omrade, Regel


@frozen
class Regelbok:
    regler: Mapping[str, tuple[Regel, ...]]  # id -> versions sorted by gyldig_fra
    omrader: tuple[Omrade, ...]
    unntak: Mapping[str, tuple[str, ...]]  # main rule id -> exception rule ids
    satser: Satser
    digest: str  # sha256 over the rule and rate files, stamped on every decision
    mappe: str
    #: The areas' calculations in the order they must run (each after what it reads), found by
    #: the loader: the rulebook is data and does not import the area code (issue 17).
    beregningsrekkefolge: tuple[str, ...]
    kommunale_satser: Satstabell | None = field(default=None)

    def regel(self, regel_id: str, dato: date) -> Regel | None:
        """The version of ``regel_id`` in force on ``dato``, or None."""
        for versjon in self.regler.get(regel_id, ()):
            if versjon.i_kraft(dato):
                return versjon
        return None

    def versjoner_i_kraft(self, dato: date) -> Mapping[str, Regel]:
        """Every rule id → its version in force on ``dato`` (ids with none are absent).

        Computed once per date and remembered (a bounded memo, not state: the answer for a
        date never changes), so an assessment looks rules up with one dict access.
        """
        memo = self._per_dato
        versjoner = memo.get(dato)
        if versjoner is None:
            versjoner = {
                rid: regel
                for rid, alle in self.regler.items()
                for regel in alle
                if regel.i_kraft(dato)
            }
            if len(memo) >= 4096:
                memo.clear()
            memo[dato] = versjoner
        return versjoner

    @cached_property
    def _per_dato(self) -> dict[date, dict[str, Regel]]:
        return {}

    def i_kraft(self, dato: date) -> list[Regel]:
        """Every rule version in force on ``dato``, ordered by file and id."""
        ut = [r for versjoner in self.regler.values() for r in versjoner if r.i_kraft(dato)]
        return sorted(ut, key=lambda r: (r.info.fil, r.id))

    def beregningsregel(self, navn: str, dato: date) -> Regel | None:
        """The rule in force that describes the code calculation ``navn`` (its reference)."""
        for regel in self._beregningsregler.get(navn, ()):
            if regel.i_kraft(dato):
                return regel
        return None

    @cached_property
    def _beregningsregler(self) -> dict[str, list[Regel]]:
        indeks: dict[str, list[Regel]] = {}
        for versjoner in self.regler.values():
            for regel in versjoner:
                if regel.beregning is not None:
                    indeks.setdefault(regel.beregning, []).append(regel)
        return indeks

    def omrade(self, omrade_id: str) -> Omrade:
        return next(o for o in self.omrader if o.id == omrade_id)

    def livsoppholdssatser(self) -> Satstabell:
        """The municipality's own table when one was given, else the state's guideline."""
        return self.kommunale_satser or self.satser["statlige-veiledende-satser"]
