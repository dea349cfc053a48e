"""sosialregler side by side with OpenFisca, alternated in one run (issues 17 and 19).

Run: ``python benchmarks/openfisca/bench.py`` (a few minutes; ``--raskt`` for a smoke run of
seconds; ``--json FIL`` writes the numbers; ``--uten-openfisca`` times only sosialregler). The
first run makes OpenFisca's own venv, ``benchmarks/.venv-openfisca`` (git-ignored; another
place with ``--venv DIR`` or ``SOSIALREGLER_OPENFISCA_VENV``), with the pinned packages of
``krav.txt`` from PyPI: ``openfisca-core`` and ``openfisca-country-template``. A change of
``krav.txt`` makes it anew. The two never share a process: OpenFisca runs in a worker
(``arbeider.py``) started with that venv's Python, and this script talks to it over a pipe.
Both sides time their own work with ``time.perf_counter``, so the pipe costs nothing.

**Alternated.** Each round runs N repetitions of sosialregler in this process, then N of the
bare computation, then N of OpenFisca in the worker; the rounds repeat. A machine shared with
other work slows both sides alike, so the ratio holds better than either time. The table shows
medians over all repetitions and, as spread, the lowest and highest of the rounds' medians.

**What is compared** (comparable, not equal: the two encode different law):

* (a) One household of one person. sosialregler: ``assess`` of ``examples/enslig.json`` (an
  adult with dagpenger 4 200 kr a month and housing costs 8 100 kr: scope, § 18 amount, § 19,
  § 20 a, with the full tree of reasons). OpenFisca: the same person and numbers as a
  situation (birth date, ``salary`` 4 200, the household's ``rent`` 8 100), built with
  ``SimulationBuilder().build_from_entities`` and computed with ``calculate`` — as the country
  template's own tests and web API do. Two variables: ``disposable_income``, the household's
  whole computation (salary, pension by age, basic income, housing and parenting allowance,
  income tax, housing tax, social security contribution: nine formulas, the nearest to an
  assessment of several areas), and ``basic_income``, a single benefit (age test and a
  parameter: the floor of a simulation). Both include building the simulation from its input
  dict, as ``assess`` includes reading and validating the case. For reference, the bare
  hand-written computation of the same § 18 outcome (``bar_vurdering`` in bench_assess.py).
* (b) A population. The same ``--saker`` generated cases (``oppfolging.eksempelsaker``: one
  applicant each, income, housing costs) give both sides their input. OpenFisca: one vectorised
  simulation over all of them (one person per household, each with the case's salary, birth date
  and rent): declare and join the entities, ``set_input`` the arrays, ``calculate`` — the time
  per run includes building, not making the arrays. sosialregler: the per-case batch path
  ``assess_many`` on one process (JSON Lines in, each line parsed and validated, the result
  function of bench_batch.py) over ``--batch-saker`` of them; when that is fewer than
  ``--saker``, the time is extrapolated linearly and the table says so. And
  ``sosialregler.populasjon.vurder`` (issue 19) over all ``--saker`` as an Arrow table, with
  the columnar engine in one process (needs the extra ``populasjon``).

These are measurements, not tests: nothing fails on speed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import subprocess
import sys
import time
import venv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

HER = Path(__file__).resolve().parent
ROT = HER.parent.parent
sys.path.insert(0, str(ROT / "src"))
sys.path.insert(0, str(HER.parent))

import sosialregler  # noqa: E402
from bench_assess import bar_vurdering, maskin  # noqa: E402  (the baseline and machine info)
from bench_batch import hovedtall  # noqa: E402  (the batch path's result function)

KRAV = HER / "krav.txt"
ARBEIDER = HER / "arbeider.py"
STANDARD_VENV = HER.parent / ".venv-openfisca"
VENV_MILJO = "SOSIALREGLER_OPENFISCA_VENV"
ENSLIG = ROT / "examples" / "enslig.json"
VARIABLER = ("disposable_income", "basic_income")
DATO = "2024-06-01"  # the population's date, as in bench_batch.py
VOKSNE = ("soker", "ektefelle", "samboer")  # the country template's «adult» role

#: The goals of issue 17 (single person) and issue 19 (population), for the summary.
MAL = {"enkel_ganger_raskere": 8.0, "populasjon_hoyst_ganger_tregere": 2.0}

#: The defaults (about four minutes on 2 cores, most of it 3 × 100 000 cases through the batch
#: path) and those of ``--raskt`` (seconds). A number given on the command line wins.
STANDARD = {
    "runder": 7,
    "antall": 400,
    "saker": 100_000,
    "batch_saker": 100_000,
    "vektor_runder": 3,
    "vektor_antall": 5,
}
RASKT = {
    "runder": 2,
    "antall": 20,
    "saker": 2_000,
    "batch_saker": 300,
    "vektor_runder": 2,
    "vektor_antall": 1,
}


# --- arguments ---------------------------------------------------------------------------------


def lag_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runder", type=int, help=f"runder (standard {STANDARD['runder']})")
    p.add_argument(
        "--antall", type=int, help=f"enkeltkjøringer per side per runde ({STANDARD['antall']})"
    )
    p.add_argument("--saker", type=int, help=f"populasjonens størrelse ({STANDARD['saker']})")
    p.add_argument(
        "--batch-saker",
        type=int,
        help=f"saker gjennom assess_many per runde, regnet opp til --saker "
        f"({STANDARD['batch_saker']})",
    )
    p.add_argument(
        "--vektor-runder",
        type=int,
        help=f"runder for populasjonen, vekselvis ({STANDARD['vektor_runder']})",
    )
    p.add_argument(
        "--vektor-antall",
        type=int,
        help=f"OpenFiscas vektoriserte kjøringer per runde ({STANDARD['vektor_antall']})",
    )
    p.add_argument("--raskt", action="store_true", help="røykprøve på sekunder: små tall")
    p.add_argument("--uten-openfisca", action="store_true", help="bare sosialregler-siden")
    p.add_argument("--venv", type=Path, help="OpenFiscas venv (lages om den mangler)")
    p.add_argument("--json", type=Path, metavar="FIL", help="skriv tallene som JSON hit")
    return p


def les_argumenter(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse, then fill what was not given from ``--raskt`` or the defaults; check the numbers."""
    p = lag_parser()
    args = p.parse_args(argv)
    grunnlag = RASKT if args.raskt else STANDARD
    for navn, verdi in grunnlag.items():
        if getattr(args, navn) is None:
            setattr(args, navn, verdi)
        if getattr(args, navn) < 1:
            p.error(f"--{navn.replace('_', '-')} må være minst 1, ikke {getattr(args, navn)}")
    args.batch_saker = min(args.batch_saker, args.saker)
    if args.venv is None:
        args.venv = Path(os.environ.get(VENV_MILJO) or STANDARD_VENV)
    return args


# --- OpenFisca's venv and worker ---------------------------------------------------------------


def _krav_merke() -> str:
    return hashlib.sha256(KRAV.read_bytes()).hexdigest()


def venv_python(mappe: Path) -> Path:
    return mappe / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_klar(mappe: Path) -> bool:
    """True when the venv exists and was made from the current ``krav.txt``."""
    merke = mappe / ".krav-sha256"
    return venv_python(mappe).exists() and merke.exists() and merke.read_text() == _krav_merke()


def sikre_venv(mappe: Path) -> Path:
    """OpenFisca's venv with the pins of ``krav.txt``, made (or made anew) when needed."""
    if not venv_klar(mappe):
        print(f"Lager OpenFiscas venv i {mappe} (pakkene i {KRAV.name}) …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(mappe)
        subprocess.run(
            [str(venv_python(mappe)), "-m", "pip", "install", "-q", "-r", str(KRAV)], check=True
        )
        (mappe / ".krav-sha256").write_text(_krav_merke())
    return venv_python(mappe)


class Arbeider:
    """OpenFisca's worker process: one JSON command per line out, one answer per line back."""

    def __init__(self, python: Path) -> None:
        self.prosess = subprocess.Popen(
            [str(python), str(ARBEIDER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def spor(self, kommando: dict[str, Any]) -> dict[str, Any]:
        assert self.prosess.stdin is not None and self.prosess.stdout is not None
        self.prosess.stdin.write(json.dumps(kommando) + "\n")
        self.prosess.stdin.flush()
        linje = self.prosess.stdout.readline()
        if not linje:
            raise RuntimeError(f"OpenFisca-arbeideren stoppet (kode {self.prosess.wait()})")
        svar: dict[str, Any] = json.loads(linje)
        if "feil" in svar:
            raise RuntimeError(f"OpenFisca-arbeideren svarte med feil: {svar['feil']}")
        return svar

    def lukk(self) -> None:
        if self.prosess.poll() is None:
            assert self.prosess.stdin is not None
            self.prosess.stdin.write(json.dumps({"op": "slutt"}) + "\n")
            self.prosess.stdin.close()
            self.prosess.wait(timeout=30)


# --- comparable input, from the same cases ------------------------------------------------------


def _maned(dato: str) -> str:
    return dato[:7]


def _husstand(sak: dict[str, Any]) -> tuple[list[dict[str, Any]], float]:
    """Each person's role, birth date and monthly income, and the household's housing costs."""
    lonn: dict[str, float] = {}
    for i in sak["inntekter"]:
        lonn[i["person"]] = lonn.get(i["person"], 0.0) + float(i["belop_per_maned"])
    personer = [
        {
            "id": p["id"],
            "rolle": "adult" if p["rolle"] in VOKSNE else "child",
            "fodt": p["fodselsdato"],
            "lonn": lonn.get(p["id"], 0.0),
        }
        for p in sak["personer"]
    ]
    return personer, sum(float(b["belop_per_maned"]) for b in sak["boutgifter"])


def situasjon_fra_sak(sak: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The case as an OpenFisca situation of the country template, and the month to compute.

    Every income counts as ``salary`` (the template has no other kind an adult earns), every
    housing cost as the household's ``rent``.
    """
    periode = _maned(sak["vurderingsdato"])
    personer, husleie = _husstand(sak)
    situasjon = {
        "persons": {
            p["id"]: {"birth": {"ETERNITY": p["fodt"]}, "salary": {periode: p["lonn"]}}
            for p in personer
        },
        "households": {
            "h": {
                "adults": [p["id"] for p in personer if p["rolle"] == "adult"],
                "children": [p["id"] for p in personer if p["rolle"] == "child"],
                "rent": {periode: husleie},
            }
        },
    }
    return situasjon, periode


def vektor_inndata(saker: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The population as arrays (as lists, for the pipe): one row per person, rent per household."""
    ut: dict[str, Any] = {"husstand": [], "rolle": [], "lonn": [], "fodt": [], "husleie": []}
    for nr, sak in enumerate(saker):
        personer, husleie = _husstand(sak)
        for p in personer:
            ut["husstand"].append(nr)
            ut["rolle"].append(p["rolle"])
            ut["lonn"].append(p["lonn"])
            ut["fodt"].append(p["fodt"])
        ut["husleie"].append(husleie)
    return ut


# --- timing ------------------------------------------------------------------------------------


def _per_gang_us(fn: Callable[[], object], antall: int) -> list[float]:
    klokke = time.perf_counter
    tider = []
    for _ in range(antall):
        t0 = klokke()
        fn()
        tider.append((klokke() - t0) * 1e6)
    return tider


def oppsummer(runder: list[list[float]]) -> dict[str, float]:
    """Median over every repetition; the spread is the lowest and highest round median."""
    alle = sorted(t for r in runder for t in r)
    medianer = [statistics.median(r) for r in runder]
    return {
        "median": statistics.median(alle),
        "p95": alle[max(0, math.ceil(len(alle) * 0.95) - 1)],
        "runde_min": min(medianer),
        "runde_maks": max(medianer),
        "n": len(alle),
    }


def _forhold(of: list[list[float]], sr: list[list[float]]) -> dict[str, float]:
    """OpenFisca's time over sosialregler's: overall medians, and per round (min–max)."""
    per_runde = [statistics.median(o) / statistics.median(s) for o, s in zip(of, sr, strict=True)]
    return {
        "median": statistics.median([t for r in of for t in r])
        / statistics.median([t for r in sr for t in r]),
        "runde_min": min(per_runde),
        "runde_maks": max(per_runde),
    }


def mal_enkel(args: argparse.Namespace, arbeider: Arbeider | None) -> dict[str, Any]:
    """(a) one household of one person, alternated round by round."""
    sak = json.loads(ENSLIG.read_text(encoding="utf-8"))
    situasjon, periode = situasjon_fra_sak(sak)
    vurdering = sosialregler.assess(sak)
    belop = vurdering.vedtak["livsopphold"].beregnet_behov_per_maned
    assert bar_vurdering(sak)["belop_per_maned"] == belop, "bar beregning ≠ biblioteket"
    # warm-up of both sides
    _per_gang_us(lambda: sosialregler.assess(sak), min(50, args.antall))
    verdier: dict[str, Any] = {}
    if arbeider is not None:
        for v in VARIABLER:
            verdier[v] = arbeider.spor(
                {
                    "op": "enkel",
                    "antall": min(50, args.antall),
                    "variabel": v,
                    "situasjon": situasjon,
                    "periode": periode,
                }
            )["verdi"]
    sr: list[list[float]] = []
    bar: list[list[float]] = []
    of: dict[str, list[list[float]]] = {v: [] for v in VARIABLER}
    bygg: dict[str, list[list[float]]] = {v: [] for v in VARIABLER}
    for _ in range(args.runder):
        sr.append(_per_gang_us(lambda: sosialregler.assess(sak), args.antall))
        bar.append(_per_gang_us(lambda: bar_vurdering(sak), args.antall))
        if arbeider is not None:
            for v in VARIABLER:
                svar = arbeider.spor(
                    {
                        "op": "enkel",
                        "antall": args.antall,
                        "variabel": v,
                        "situasjon": situasjon,
                        "periode": periode,
                    }
                )
                of[v].append(svar["us"])
                bygg[v].append(svar["bygg_us"])
    ut: dict[str, Any] = {
        "sak": ENSLIG.name,
        "sosialregler_belop_per_maned": str(belop),
        "sosialregler_us": oppsummer(sr),
        "bar_us": oppsummer(bar),
        "situasjon": situasjon,
        "periode": periode,
    }
    if arbeider is not None:
        ut["openfisca"] = {
            v: {
                "verdi": verdier[v],
                "us": oppsummer(of[v]),
                "bygg_us": oppsummer(bygg[v]),
                "forhold": _forhold(of[v], sr),
            }
            for v in VARIABLER
        }
    return ut


def _populasjon_maling(saker: list[dict[str, Any]], linjer: list[str]) -> dict[str, Any]:
    """Time ``sosialregler.populasjon.vurder`` once over an Arrow table of the cases (one
    contract JSON text per row, its documented input), with the columnar engine in one
    process (issue 19). Needs the extra ``populasjon``; without it the table says so."""
    try:
        import pyarrow as pa

        from sosialregler import populasjon
    except ImportError as exc:
        return {"finnes": True, "feil": f"trenger ekstraen populasjon ({exc})"}
    tabell = pa.table({"sak": linjer})
    populasjon.vurder(tabell.slice(0, 10), on=DATO, motor="kolonne")  # warm-up: compile
    t0 = time.perf_counter()
    populasjon.vurder(tabell, on=DATO, motor="kolonne")
    sekunder = time.perf_counter() - t0
    return {"finnes": True, "inndata": "Arrow-tabell, motor kolonne", "s": sekunder}


def mal_populasjon(args: argparse.Namespace, arbeider: Arbeider | None) -> dict[str, Any]:
    """(b) the population: OpenFisca's vectorised run against the batch path, alternated."""
    from sosialregler import Avvist, assess_many
    from sosialregler.verktoy.oppfolging import eksempelsaker

    saker = list(eksempelsaker(args.saker, DATO))
    linjer = [json.dumps(s, ensure_ascii=False) for s in saker[: args.batch_saker]]
    periode = _maned(DATO)
    ut: dict[str, Any] = {
        "saker": args.saker,
        "batch_saker": args.batch_saker,
        "oppregnet": args.batch_saker < args.saker,
    }
    if arbeider is not None:
        svar = arbeider.spor({"op": "vektor_inndata", **vektor_inndata(saker)})
        ut["openfisca_personer"], ut["openfisca_husstander"] = svar["personer"], svar["husstander"]
    batch: list[list[float]] = []
    of: dict[str, list[list[float]]] = {v: [] for v in VARIABLER}
    summer: dict[str, float] = {}
    for runde in range(args.vektor_runder):
        t0 = time.perf_counter()
        svar_sr = list(assess_many(linjer, processes=1, on=DATO, resultat=hovedtall))
        sekunder = time.perf_counter() - t0
        if runde == 0:
            avvist = [s for s in svar_sr if isinstance(s, Avvist)]
            assert not avvist, avvist[:3]
        # ms for the whole population, extrapolated linearly from the batch cases
        batch.append([sekunder * 1e3 * args.saker / args.batch_saker])
        if arbeider is not None:
            for v in VARIABLER:
                svar = arbeider.spor(
                    {
                        "op": "vektor",
                        "antall": args.vektor_antall,
                        "variabel": v,
                        "periode": periode,
                    }
                )
                of[v].append(svar["ms"])
                summer[v] = svar["sum"]
    ut["sosialregler_batch_ms"] = oppsummer(batch)
    ut["sosialregler_batch_us_per_sak"] = ut["sosialregler_batch_ms"]["median"] * 1e3 / args.saker
    if arbeider is not None:
        ut["openfisca"] = {
            v: {
                "ms": oppsummer(of[v]),
                "us_per_husstand": statistics.median([t for r in of[v] for t in r])
                * 1e3
                / args.saker,
                "sum": summer[v],
                "forhold": _forhold(batch, of[v]),  # sosialregler over OpenFisca here
            }
            for v in VARIABLER
        }
    ut["populasjon"] = _populasjon_maling(saker, [json.dumps(s) for s in saker])
    if "s" in ut["populasjon"] and arbeider is not None:
        of_ms = ut["openfisca"][VARIABLER[0]]["ms"]["median"]
        ut["populasjon"]["forhold"] = ut["populasjon"]["s"] * 1e3 / of_ms
    return ut


# --- output ------------------------------------------------------------------------------------


def _tall(n: int) -> str:
    """100000 as «100 000», as the README writes numbers."""
    return f"{n:,}".replace(",", " ")


def skriv_tabeller(r: dict[str, Any]) -> None:
    m = r["maskin"]
    print(
        f"Maskin: {m['cpu']}, {m['kjerner']} kjerner ({m['kjerner_tilgjengelige']} tilgjengelige), "
        f"{m['python']}, {m['plattform']}; sosialregler {r['sosialregler']}"
    )
    of = r.get("openfisca")
    if of:
        v = of["versjoner"]
        print(
            f"OpenFisca: openfisca-core {v['openfisca-core']}, openfisca-country-template "
            f"{v['openfisca-country-template']}, numpy {v['numpy']}, Python {of['python']} "
            f"(egen venv; skattesystemet lastet på {of['last_skattesystem_ms']:.0f} ms, ikke målt)"
        )
    else:
        print("OpenFisca: ikke målt (--uten-openfisca)")
    a = r["enkel"]
    print()
    print(
        f"(a) Én husstand med én person — {r['runder']} runder × {r['antall']} kjøringer per side, "
        "vekselvis; median (spredning: laveste–høyeste rundemedian)"
    )
    print()
    print("| hva | median µs | p95 µs | runder µs | OpenFisca / sosialregler |")
    print("|---|---:|---:|---:|---:|")

    def rad(navn: str, s: dict[str, float], forhold: str = "") -> None:
        print(
            f"| {navn} | {s['median']:.0f} | {s['p95']:.0f} "
            f"| {s['runde_min']:.0f}–{s['runde_maks']:.0f} | {forhold} |"
        )

    rad(f"sosialregler `assess` ({a['sak']})", a["sosialregler_us"])
    b = a["bar_us"]
    print(
        f"| bar beregning av samme § 18-utfall (referanse) | {b['median']:.1f} | {b['p95']:.1f} "
        f"| {b['runde_min']:.1f}–{b['runde_maks']:.1f} | |"
    )
    for v, o in a.get("openfisca", {}).items():
        f = o["forhold"]
        rad(
            f"OpenFisca `{v}` (bygg {o['bygg_us']['median']:.0f} µs + calculate)",
            o["us"],
            f"{f['median']:.2f}× ({f['runde_min']:.2f}–{f['runde_maks']:.2f})",
        )
    p = r["populasjon"]
    print()
    tekst = (
        f"(b) Populasjon: {_tall(p['saker'])} husstander — {r['vektor_runder']} runder, vekselvis; "
        f"sosialregler `assess_many` (1 prosess) over {_tall(p['batch_saker'])} saker"
    )
    if p["oppregnet"]:
        tekst += f", regnet lineært opp til {_tall(p['saker'])}"
    print(tekst)
    print()
    print("| hva | median ms | runder ms | µs per husstand | sosialregler / OpenFisca |")
    print("|---|---:|---:|---:|---:|")
    s = p["sosialregler_batch_ms"]
    print(
        f"| sosialregler `assess_many`{' (oppregnet)' if p['oppregnet'] else ''} "
        f"| {s['median']:.0f} | {s['runde_min']:.0f}–{s['runde_maks']:.0f} "
        f"| {p['sosialregler_batch_us_per_sak']:.0f} | |"
    )
    for v, o in p.get("openfisca", {}).items():
        f = o["forhold"]
        print(
            f"| OpenFisca `{v}`, vektorisert (bygg + set_input + calculate) "
            f"| {o['ms']['median']:.0f} | {o['ms']['runde_min']:.0f}–{o['ms']['runde_maks']:.0f} "
            f"| {o['us_per_husstand']:.2f} "
            f"| {f['median']:.0f}× ({f['runde_min']:.0f}–{f['runde_maks']:.0f}) |"
        )
    pop = p["populasjon"]
    if not pop["finnes"]:
        print("| sosialregler.populasjon | — | — | — | finnes ikke |")
    elif "feil" in pop:
        print(f"| sosialregler.populasjon | — | — | — | ikke målt: {pop['feil']} |")
    else:
        print(
            f"| sosialregler.populasjon.vurder ({pop['inndata']}, én gang) "
            f"| {pop['s'] * 1e3:.0f} "
            f"| — | {pop['s'] * 1e6 / p['saker']:.2f} "
            f"| {pop.get('forhold', float('nan')):.1f}× |"
        )
    if of:
        mal = r["mal"]
        enkel = a["openfisca"][VARIABLER[0]]["forhold"]["median"]
        enkel_min = min(o["forhold"]["median"] for o in a["openfisca"].values())
        pop_f = p["openfisca"][VARIABLER[0]]["forhold"]["median"]
        print()
        print("| mål | målt | nådd |")
        print("|---|---:|:---:|")
        print(
            f"| enkeltperson: ≥ {mal['enkel_ganger_raskere']:.0f}× raskere enn OpenFisca "
            f"(issue 17) | {enkel:.2f}× (`{VARIABLER[0]}`; {enkel_min:.2f}× mot det letteste) "
            f"| {'ja' if enkel_min >= mal['enkel_ganger_raskere'] else 'nei'} |"
        )
        beste = pop_f
        if "forhold" in pop:
            beste = min(beste, pop["forhold"])
        print(
            f"| {_tall(p['saker'])} husstander: ≤ {mal['populasjon_hoyst_ganger_tregere']:.0f}× "
            f"OpenFiscas vektoriserte kjøring (issue 19) | {beste:.0f}× "
            f"| {'ja' if beste <= mal['populasjon_hoyst_ganger_tregere'] else 'nei'} |"
        )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = les_argumenter(argv)
    arbeider = None
    resultat: dict[str, Any] = {
        "maskin": maskin(),
        "sosialregler": sosialregler.__version__,
        "runder": args.runder,
        "antall": args.antall,
        "vektor_runder": args.vektor_runder,
        "vektor_antall": args.vektor_antall,
        "mal": MAL,
    }
    try:
        if not args.uten_openfisca:
            arbeider = Arbeider(sikre_venv(args.venv))
            resultat["openfisca"] = arbeider.spor({"op": "info"})
            resultat["openfisca"]["krav"] = [
                linje
                for linje in KRAV.read_text(encoding="utf-8").splitlines()
                if linje and not linje.startswith("#")
            ]
        resultat["enkel"] = mal_enkel(args, arbeider)
        resultat["populasjon"] = mal_populasjon(args, arbeider)
    finally:
        if arbeider is not None:
            arbeider.lukk()
    skriv_tabeller(resultat)
    if args.json:
        args.json.write_text(json.dumps(resultat, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"\n(tallene er skrevet til {args.json})")
    return resultat


if __name__ == "__main__":
    main()
