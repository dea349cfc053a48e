"""The long fuzz run (issue 10): 100 000 inputs through the API, the CLI and NAV's adapter.

Run: ``python benchmarks/fuzz_lang.py [--antall 100000] [--prosesser 2] [--frø 0]``.

The same strategies and checks as ``tests/test_fuzz.py`` (``tests/fuzzhjelp.py``), many more
inputs, spread over worker processes. Unlike the tests, a crash does not stop the run: every
input ends in one of

* ``vurdert`` / ``avvist`` — an assessment, or a rejection naming the faulty field (exit 0/2);
* a *known* bug (``fuzzhjelp.KJENTE_FEIL``: reported, not yet fixed, a strict xfail test);
* a **new crash** — any other exception, or exit 1 — printed with its input.

``api_ved_grensene`` grows valid cases to the input limits (``grenser.py``, set small) or one
past them: past a limit the rejection must name it, at it never.

The exit status is 1 when there was a new crash. ``pytest -m slow`` runs 10 000 of these.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROT / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import fuzzhjelp as fh  # noqa: E402

#: Share of the inputs per door and kind of input.
ANDELER: dict[str, float] = {
    "api_naer_gyldig": 0.30,
    "api_ved_grensene": 0.04,
    "api_pythonverdier": 0.08,
    "api_vilkarlig_json": 0.10,
    "api_odelagt_tekst": 0.10,
    "cli_vurder": 0.16,
    "cli_gjengi_endret": 0.04,
    "nav_api": 0.12,
    "nav_cli": 0.06,
}


def _kategorier(mappe: Path) -> dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], str]]]:
    """name → (strategy, check of one drawn input returning "vurdert"/"avvist")."""
    from sosialregler import Assessment, assess
    from sosialregler.utdata.record import innholdsdigest

    familie = json.loads((ROT / "examples" / "familie.json").read_text("utf-8"))
    grunnlag = json.loads(json.dumps(assess(familie).to_record()))

    def naer(par: Any) -> str:
        sak, forventet = par
        return fh.sjekk_api(fh.bygg(sak), forventet)

    def python(par: Any) -> str:
        sak, forventet = par
        return fh.sjekk_api(fh.bygg(sak), forventet, python=True)

    def vilkarlig(doc: Any) -> str:
        fh.sjekk_api(json.dumps(doc))
        return fh.sjekk_api(doc)

    def tekst(data: bytes) -> str:
        return fh.sjekk_api(data)

    def cli(par: Any) -> str:
        data, format_, stdin = par
        fil = mappe / "sak.json"
        fil.write_bytes(data)
        argumenter = ["vurder", "-" if stdin else str(fil), "--format", format_]
        return fh.sjekk_cli(fh.kjor_cli(argumenter, data if stdin else b""), format_)

    def gjengi(endring: Any) -> str:
        sti, ny, ny_digest = endring
        record = json.loads(json.dumps(grunnlag))
        if sti not in [s for s in fh.stier(record)]:
            return "vurdert"
        fh.sett(record, sti, ny)
        if ny_digest:
            record["digest"] = innholdsdigest(record)
        fil = mappe / "vedtaksgrunnlag.json"
        fil.write_text(json.dumps(record, ensure_ascii=True), "utf-8")
        kjoring = fh.kjor_cli(["gjengi", str(fil)])
        if not ny_digest and json.dumps(record, sort_keys=True) != json.dumps(
            grunnlag, sort_keys=True
        ):
            assert kjoring.kode == 2, "endret vedtaksgrunnlag ble godtatt"
            try:
                Assessment.from_record(record)
            except ValueError:
                pass
            else:
                raise AssertionError("endret vedtaksgrunnlag ble godtatt av from_record")
        return fh.sjekk_cli(kjoring, "tekst")

    def nav(par: Any) -> str:
        soknad, forventet = par
        return fh.sjekk_soknad(fh.bygg(soknad), forventet)

    def nav_cli(par: Any) -> str:
        data, format_ = par
        fil = mappe / "soknad.json"
        fil.write_bytes(data)
        return fh.sjekk_cli(fh.kjor_cli(["soknad", str(fil), "--format", format_]), format_)

    stier = [s for s in fh.stier(grunnlag) if s and s[0] != "digest"]
    return {
        "api_naer_gyldig": (fh.naer_gyldige(), naer),
        "api_ved_grensene": (fh.ved_grensene(), fh.sjekk_grense),
        "api_pythonverdier": (fh.naer_gyldige(python=True), python),
        "api_vilkarlig_json": (
            st.one_of(
                fh.json_verdier(40),
                st.dictionaries(st.sampled_from(fh._KJENTE_NOKLER), fh.json_verdier(), max_size=8),
            ),
            vilkarlig,
        ),
        "api_odelagt_tekst": (fh.tekstmutasjoner(fh.gyldige_saker()), tekst),
        "cli_vurder": (
            st.tuples(
                fh.tekstmutasjoner(fh.gyldige_saker()),
                st.sampled_from(("tekst", "json", "vedtaksgrunnlag")),
                st.booleans(),
            ),
            cli,
        ),
        "cli_gjengi_endret": (
            st.tuples(st.sampled_from(stier), fh.json_verdier(6), st.booleans()),
            gjengi,
        ),
        "nav_api": (fh.nav_soknader(), nav),
        "nav_cli": (
            st.tuples(
                fh.tekstmutasjoner(fh.nav_soknader().map(lambda par: par[0])),
                st.sampled_from(("tekst", "json", "sak")),
            ),
            nav_cli,
        ),
    }


def _kort(verdi: Any) -> str:
    try:
        tekst = repr(verdi)
    except RecursionError:
        tekst = "<for dypt nøstet til repr>"
    return tekst if len(tekst) <= 600 else tekst[:600] + "…"


def _lag_kjoring(
    strategi: st.SearchStrategy[Any],
    sjekk: Callable[[Any], str],
    kategori: str,
    antall: int,
    frø: int,
    utfall: Counter[str],
    nye: list[dict[str, str]],
) -> Callable[[], None]:
    """A hypothesis run of ``antall`` inputs that counts every outcome and never stops."""

    @seed(frø)
    @settings(
        max_examples=antall,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategi)
    def kjor(inndata: Any) -> None:
        try:
            svar = sjekk(inndata)
        except Exception as exc:
            kjent = fh.kjent_feil(exc)
            if kjent is not None:
                utfall[f"{kategori}: kjent feil {kjent}"] += 1
                return
            utfall[f"{kategori}: NY KRASJ"] += 1
            if len(nye) < 20:
                nye.append(
                    {
                        "kategori": kategori,
                        "feil": f"{type(exc).__name__}: {str(exc)[:500]}",
                        "sted": "".join(traceback.format_tb(exc.__traceback__)[-3:]),
                        "inndata": _kort(inndata),
                    }
                )
            return
        utfall[f"{kategori}: {svar}"] += 1

    return kjor


def arbeider(oppgave: tuple[int, dict[str, int], int]) -> dict[str, Any]:
    """Run this worker's share of every category; never stops on a crash."""
    nummer, antall, frø = oppgave
    utfall: Counter[str] = Counter()
    nye: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix=f"fuzz-lang-{nummer}-") as navn:
        kategorier = _kategorier(Path(navn))
        for kategori, n in antall.items():
            if n == 0 or (kategori.startswith("nav") and not fh.NAV_EKSEMPLER):
                continue
            strategi, sjekk = kategorier[kategori]

            _lag_kjoring(
                strategi,
                sjekk,
                kategori,
                n,
                frø * 1000 + nummer * 100 + sorted(kategorier).index(kategori),
                utfall,
                nye,
            )()
    return {"utfall": utfall, "nye": nye}


def _fordel(antall: int, prosesser: int) -> list[dict[str, int]]:
    per_kategori = {k: round(antall * a) for k, a in ANDELER.items()}
    per_kategori["api_naer_gyldig"] += antall - sum(per_kategori.values())
    ut: list[dict[str, int]] = [{} for _ in range(prosesser)]
    for kategori, n in per_kategori.items():
        for i in range(prosesser):
            ut[i][kategori] = n // prosesser + (1 if i < n % prosesser else 0)
    return ut


def kjor(antall: int, prosesser: int, frø: int) -> tuple[Counter[str], list[dict[str, str]]]:
    """The whole run; returns the outcome counts and the new crashes."""
    oppgaver = [(i, andel, frø) for i, andel in enumerate(_fordel(antall, prosesser))]
    if prosesser == 1:
        resultater = [arbeider(oppgaver[0])]
    else:
        with multiprocessing.get_context("fork").Pool(prosesser) as pool:
            resultater = pool.map(arbeider, oppgaver)
    utfall: Counter[str] = Counter()
    nye: list[dict[str, str]] = []
    for r in resultater:
        utfall.update(r["utfall"])
        nye.extend(r["nye"])
    return utfall, nye


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--antall", type=int, default=100_000)
    p.add_argument("--prosesser", type=int, default=os.cpu_count() or 1)
    p.add_argument("--frø", type=int, default=0)
    p.add_argument("--json", metavar="FIL", help="skriv tellingene som JSON hit")
    args = p.parse_args(argv)

    start = time.perf_counter()
    utfall, nye = kjor(args.antall, args.prosesser, args.frø)
    sekunder = time.perf_counter() - start
    totalt = sum(utfall.values())
    kjente = sum(n for k, n in utfall.items() if ": kjent feil " in k)
    ny_krasj = sum(n for k, n in utfall.items() if k.endswith("NY KRASJ"))
    print(
        f"fuzz_lang: {totalt} inndata på {sekunder:.0f} s ({args.prosesser} prosesser, "
        f"{platform.machine()}, {os.cpu_count()} kjerner, Python {platform.python_version()})"
    )
    for k in sorted(utfall):
        print(f"  {k:<55} {utfall[k]:>7}")
    print(f"kjente feil (rapportert, xfail-tester): {kjente}; nye krasj: {ny_krasj}")
    for n in nye:
        print(f"\nNY KRASJ i {n['kategori']}: {n['feil']}\n{n['sted']}  inndata: {n['inndata']}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"inndata": totalt, "sekunder": sekunder, "utfall": utfall, "nye": nye},
                ensure_ascii=False,
                indent=2,
            ),
            "utf-8",
        )
    return 1 if ny_krasj else 0


if __name__ == "__main__":
    sys.exit(main())
