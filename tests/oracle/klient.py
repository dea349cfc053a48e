"""Talking to ``durable_side.py`` in its subprocess, and comparing its answers with ours."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from attrs import define, field

from .kompilator import SANN, USANN, Enhet, Evaluering

DURABLE_SIDE = Path(__file__).resolve().parent / "durable_side.py"


class DurableFeil(RuntimeError):
    """durable-rules' process could not start, or died (a crash of its C engine)."""


def _til_durable(betingelse: Any) -> Any:
    if betingelse is SANN:
        return None
    if betingelse is USANN:
        return {"enhet": -1}
    return betingelse


class DurableProsess:
    """durable-rules in a subprocess with every unit registered once (see durable_side.py)."""

    def __init__(self, enheter: Mapping[str, Enhet]) -> None:
        self.indeks = {nokkel: i for i, nokkel in enumerate(sorted(enheter))}
        self._feil = tempfile.TemporaryFile()  # noqa: SIM115 - closed in lukk()
        self._p = subprocess.Popen(
            [sys.executable, str(DURABLE_SIDE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._feil,
            text=True,
            encoding="utf-8",
        )
        definisjon = [[i, _til_durable(enheter[n].betingelse)] for n, i in self.indeks.items()]
        klar = self._send({"enheter": definisjon})
        self.versjon = klar.get("versjon")

    def _send(self, data: Any) -> dict[str, Any]:
        assert self._p.stdin is not None and self._p.stdout is not None
        try:
            self._p.stdin.write(json.dumps(data, ensure_ascii=True) + "\n")
            self._p.stdin.flush()
            linje = self._p.stdout.readline()
        except (BrokenPipeError, OSError):
            linje = ""
        if not linje:
            kode = self._p.wait(timeout=30)
            self._feil.seek(0)
            melding = self._feil.read().decode(errors="replace")[-3000:]
            raise DurableFeil(f"durable-rules-prosessen døde (status {kode}): {melding}")
        svar: dict[str, Any] = json.loads(linje)
        return svar

    def fyrer(self, evalueringer: Sequence[Evaluering]) -> list[bool]:
        """Whether each unit's rule fires on its facts."""
        if not evalueringer:
            return []
        par = [[self.indeks[e.nokkel], dict(e.fakta)] for e in evalueringer]
        svar: list[bool] = self._send({"evalueringer": par})["svar"]
        return svar

    def lukk(self) -> None:
        if self._p.stdin:
            self._p.stdin.close()
        try:
            self._p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._p.kill()
        self._feil.close()


@define
class Telling:
    """What the oracle compared: per kind of unit, agreements and disagreements."""

    enige: Counter[str] = field(factory=Counter)
    uenige: list[tuple[Evaluering, bool]] = field(factory=list)
    unoyaktige_uenige: list[tuple[Evaluering, bool]] = field(factory=list)
    enheter_sett: set[str] = field(factory=set)
    saker: int = 0

    def legg_til(self, evalueringer: Iterable[Evaluering], svar: Iterable[bool]) -> list[str]:
        """Count; return a description of each disagreement (durable-rules reads a float
        where an amount is not exactly representable: such a disagreement is counted apart)."""
        nye = []
        for e, fyrte in zip(evalueringer, svar, strict=True):
            art = "blad" if "/" in e.nokkel else "regel"
            self.enheter_sett.add(e.nokkel)
            if fyrte == e.forventet:
                self.enige[art] += 1
                self.enige["oppfylt" if fyrte else "ikke_oppfylt"] += 1
                continue
            (self.uenige if e.eksakt else self.unoyaktige_uenige).append((e, fyrte))
            if e.eksakt:
                nye.append(
                    f"{e.nokkel}: biblioteket sier {'oppfylt' if e.forventet else 'ikke oppfylt'}, "
                    f"durable-rules {'fyrte' if fyrte else 'fyrte ikke'}; inndata {dict(e.inndata)}"
                )
        return nye

    def sammendrag(self) -> str:
        return (
            f"{self.saker} saker, {self.enige['regel'] + self.enige['blad'] + len(self.uenige)} "
            f"sammenligninger ({self.enige['regel']} regelvilkår og {self.enige['blad']} uttrykk "
            f"enige; {self.enige['oppfylt']} oppfylt/fyrte, {self.enige['ikke_oppfylt']} ikke), "
            f"{len(self.uenige)} uenige, {len(self.unoyaktige_uenige)} uenige bare på flyttall, "
            f"{len(self.enheter_sett)} ulike enheter prøvd"
        )
