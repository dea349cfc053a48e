"""The same cases from 8 threads and from several processes give byte-identical JSON (issue 10).

``assess`` is a pure function: no global mutable state, the rulebook loaded once and immutable
(README). A case system calls it from a threaded web server and from worker processes, so this
is checked, not assumed: a fixed set of cases (the demo cases and cases from every generator,
drawn deterministically) is assessed once in this thread as the reference, then

* from 8 threads at once, each in its own order, each with its own decimal context (a case
  system may change the thread's ``decimal`` precision and rounding);
* in a fresh interpreter where 8 threads race to the *first* assessment (so the shipped
  rulebook is loaded while they race);
* in several processes at once, each with another hash seed (no dependence on set order);
* by the command line (``vurder --format vedtaksgrunnlag``) in parallel processes;

and every output must be byte-identical to the reference: the decision record and the
contract JSON (which carries the texts).
"""

from __future__ import annotations

import decimal
import json
import os
import random
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import fuzzhjelp as fh
from sosialregler import assess
from sosialregler.verktoy.testing import cases, saker

REPO = Path(__file__).resolve().parent.parent
TRAADER = 8
PROSESSER = 2


def utskrift(sak: Any) -> str:
    """What must be byte-identical: the record and the contract JSON, as the CLI prints them."""
    a = assess(sak)
    return (
        json.dumps(a.to_record(), ensure_ascii=False, indent=2)
        + "\n"
        + a.to_json()
        + "\n"
        + a.explain("nb")
        + a.explain("en")
    )


def _trekk(antall: int) -> list[dict[str, Any]]:
    """``antall`` valid cases from every generator, the same on every run (derandomized)."""
    ut: dict[str, dict[str, Any]] = {}

    @settings(
        max_examples=antall,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.one_of(
            fh.fulle_saker(7),
            saker(komplett=True),
            saker(komplett=False),
            cases(andre_omrader=True),
        )
    )
    def samle(sak: dict[str, Any]) -> None:
        ut.setdefault(json.dumps(sak, sort_keys=True), sak)

    samle()
    return list(ut.values())


@pytest.fixture(scope="module")
def saksliste() -> list[dict[str, Any]]:
    demo = [json.loads(p.read_text("utf-8")) for p in sorted((REPO / "examples").glob("*.json"))]
    return demo + _trekk(12)


@pytest.fixture(scope="module")
def fasit(saksliste: list[dict[str, Any]]) -> list[str]:
    return [utskrift(sak) for sak in saksliste]


def test_like_fra_8_traader(saksliste: list[dict[str, Any]], fasit: list[str]) -> None:
    """8 threads start together, each assesses every case in its own order: every output is
    byte-identical to the reference."""
    start = threading.Barrier(TRAADER, timeout=60)

    def arbeid(nr: int) -> list[tuple[int, str]]:
        rekkefolge = list(range(len(saksliste)))
        random.Random(nr).shuffle(rekkefolge)
        start.wait()
        return [(i, utskrift(saksliste[i])) for i in rekkefolge]

    with ThreadPoolExecutor(max_workers=TRAADER) as pool:
        resultater = list(pool.map(arbeid, range(TRAADER)))
    avvik = [(nr, i) for nr, liste in enumerate(resultater) for i, ut in liste if ut != fasit[i]]
    assert not avvik, f"ulik utskrift (tråd, sak): {avvik[:10]}"
    assert sum(len(r) for r in resultater) == TRAADER * len(saksliste)


#: A single adult with rent: 7 850 (2024 rate) + 3 900 = 11 750 kr, five significant digits.
ENSLIG_MED_HUSLEIE: dict[str, Any] = {
    "vurderingsdato": "2024-03-01",
    "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}],
    "bofellesskap": False,
    "inntekter": [],
    "formue": [],
    "boutgifter": [{"type": "husleie", "belop_per_maned": 3900}],
}


def test_funnet_traadens_desimalkontekst_endrer_ikke_belopet() -> None:
    """Found: the § 18 calculation used the calling thread's decimal context: a thread with
    prec = 3, ROUND_DOWN got 1.17E+4 (11 700) instead of 11 750 for this case (39 of 46 sample
    cases differed). Fixed with a context of the library's own."""
    forventet = utskrift(ENSLIG_MED_HUSLEIE)
    svar: list[str] = []

    def arbeid() -> None:
        decimal.setcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN))
        svar.append(utskrift(ENSLIG_MED_HUSLEIE))

    traad = threading.Thread(target=arbeid)
    traad.start()
    traad.join()
    assert svar == [forventet]


#: Run in a fresh interpreter: read cases (JSON list) on stdin, write the outputs (JSON list).
#: With TRAADER > 1, that many threads race to the first assessment.
SKRIPT = """
import json, sys, threading
sys.path.insert(0, {tests!r})
from test_samtidighet import utskrift
saker = json.load(sys.stdin)
antall = {traader}
if antall == 1:
    ut = [utskrift(s) for s in saker]
else:
    start = threading.Barrier(antall)
    svar = [None] * antall
    def arbeid(nr):
        start.wait()
        svar[nr] = [utskrift(s) for s in (saker if nr % 2 else saker[::-1])]
    traader = [threading.Thread(target=arbeid, args=(nr,)) for nr in range(antall)]
    for t in traader: t.start()
    for t in traader: t.join()
    ut = svar[1]
    for nr, s in enumerate(svar):
        if (s if nr % 2 else s[::-1]) != ut:
            sys.exit(f"traad {{nr}} ga ulik utskrift")
json.dump(ut, sys.stdout, ensure_ascii=True)
"""


def _prosess(traader: int, hashfro: str) -> subprocess.Popen[bytes]:
    skript = SKRIPT.format(tests=str(Path(__file__).resolve().parent), traader=traader)
    return subprocess.Popen(
        [sys.executable, "-c", skript],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONHASHSEED": hashfro},
    )


def _vent(prosess: subprocess.Popen[bytes], saker: list[dict[str, Any]]) -> list[str]:
    ut, feil = prosess.communicate(json.dumps(saker).encode(), timeout=300)
    assert prosess.returncode == 0, feil.decode(errors="replace")[-2000:]
    svar: list[str] = json.loads(ut)
    return svar


def test_like_fra_flere_prosesser(saksliste: list[dict[str, Any]], fasit: list[str]) -> None:
    """Several interpreters at once, each with another hash seed, one of them with 8 threads
    racing to load the rulebook: all give the reference bytes."""
    prosesser = [_prosess(1, str(frø)) for frø in range(PROSESSER)]
    prosesser.append(_prosess(TRAADER, "random"))
    for nr, prosess in enumerate(prosesser):
        svar = _vent(prosess, saksliste)
        avvik = [i for i, (a, b) in enumerate(zip(svar, fasit, strict=True)) if a != b]
        assert not avvik, f"prosess {nr}: ulik utskrift for sak {avvik[:10]}"


def test_kommandolinjen_i_parallelle_prosesser(
    saksliste: list[dict[str, Any]], tmp_path: Path
) -> None:
    """``sosialregler vurder --format vedtaksgrunnlag`` in parallel processes prints exactly
    the record ``to_record`` gives in this process."""
    utvalg = saksliste[:6]
    prosesser = []
    for i, sak in enumerate(utvalg):
        fil = tmp_path / f"sak{i}.json"
        fil.write_text(json.dumps(sak, ensure_ascii=False), "utf-8")
        prosesser.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "sosialregler",
                    "vurder",
                    str(fil),
                    "--format",
                    "vedtaksgrunnlag",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": str(i)},
            )
        )
    for sak, prosess in zip(utvalg, prosesser, strict=True):
        ut, feil = prosess.communicate(timeout=300)
        assert prosess.returncode == 0, feil.decode(errors="replace")
        forventet = json.dumps(assess(sak).to_record(), ensure_ascii=False, indent=2) + "\n"
        assert ut.decode("utf-8") == forventet
