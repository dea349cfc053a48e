"""Measure one assessment of the typical cases, text, JSON, record size, rulebook load and import.

Run: ``python benchmarks/bench_assess.py [--antall N] [--json FILE] [--motor M]`` (prints
Markdown tables; ``--json`` also writes the numbers machine-readably). ``--motor`` picks the
engine the main tables measure: ``kompilert`` (the default engine), ``tolk`` (the reference
interpreter) or ``begge`` (the default here: the compiled one in the main tables, and a table
that times both engines in turns in the same run, assessment alone and assessment with its
``to_json`` — the compiled engine builds the tree only when it is read — with their ratio).
These are measurements, not tests: the suite never fails on speed.

The typical cases are the examples (issue 9): ``enslig`` (single), ``familie`` (family),
``kvp`` (a participant in the qualification programme) and ``botilbud`` (a household in
temporary housing). Each timing is the median (and p95) of many runs in one process. Every
benchmark also times, in the same run, a *bare* hand-written computation of the same outcomes
without rules or explanations, and prints the ratio, so the table shows what the rules, the
recorded tree and the explanations cost:

* assessment: the § 18 amount for every case, plus for ``kvp`` the § 29 right and the § 35
  stønad per year, child supplement per day and per year, and for ``botilbud`` each ongoing
  stay's three-month date, whether it is over it, and whether children live there. The library
  assesses more than that (scope, § 19, § 20 a, the checks and flags); the bare computation does
  only the main outcomes, on purpose: it is the floor, not a rival implementation. Before
  timing, each bare result is checked against the library's, so both compute the same thing;
* text: the library's ``explain("nb")`` against an f-string of the bare outcomes;
* JSON: ``to_json()`` against ``json.dumps`` of the bare outcomes (and their sizes);
* rulebook: load, validate and compile against ``tomllib`` parsing the same files;
* import: ``import sosialregler`` against importing what the bare computation needs.
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

ROT = Path(__file__).resolve().parent.parent
SAKER = ("enslig", "familie", "kvp", "botilbud")

#: The targets of DESIGN.md § 7 (issue 9) and issue 17 (to_json and the text), for the summary
#: table.
MAL = {
    "vurdering_us": 100,
    "tekst_us": 300,
    "to_json_us": 300,
    "regelbok_ms": 200,
    "import_ms": 300,
    "vedtaksgrunnlag_bytes": 20_000,
}


# --- the bare computations (the baseline) ------------------------------------------------------
#
# The rates are HARD-CODED for the examples' dates (all in 2024): this is a baseline, not the
# library, and it makes no attempt to find the rate in force on another date.
#
# § 18: rules/satser/statlige-veiledende.toml, the row from 2024-01-01 (Statsforvalteren i Agder,
#   «Veiledende retningslinjer for økonomisk stønad for 2024»).
# § 35: rules/satser/grunnbelop.toml (G = 124 028 from 2024-05-01), rules/satser/
#   kvalifiseringsstonad.toml (2 G; 2.041 G from 2024-07-01; two thirds under 25),
#   rules/satser/kvp-parametre.toml (age 25), rules/satser/kvp-barnetillegg.toml (36 kr per child
#   per day from 2024-01-01) and rules/satser/kvp-dagsats.toml (260 days a year).
# § 27: three months as rules/stl-27-midlertidig-botilbud.toml (r35-4-27-tre-maneder) words it.

SATS_18 = {"enslig": 7850, "par": 13100, "bofellesskap": 6600}
SATS_18_BARN = ((0, 5, 3850), (6, 10, 3950), (11, 17, 5150))
IKKE_INNTEKT_18 = ("barnetrygd", "barns_arbeidsinntekt")  # § 18 third ledd; children's earnings
G_2024 = Decimal(124028)
KVP_FAKTOR_FOR_JULI_2024, KVP_FAKTOR_FRA_JULI_2024 = Decimal(2), Decimal("2.041")
KVP_BARNETILLEGG_2024, KVP_DAGER = 36, 260
KVP_REDUSERER = ("dagpenger", "sykepenger", "foreldrepenger")  # § 38
KVP_KRAV = (
    "arbeidsevnevurdering_gjort",
    "vesentlig_nedsatt_arbeidsevne",
    "behov_for_tett_oppfolging",
    "hensiktsmessig_og_nodvendig",
    "program_kan_tilbys",
)
EN = Decimal(1)


def _ymd(dato: str) -> tuple[int, int, int]:
    return int(dato[:4]), int(dato[5:7]), int(dato[8:10])


def _alder(fodt: str, dag: tuple[int, int, int]) -> int:
    f = _ymd(fodt)
    return dag[0] - f[0] - ((dag[1], dag[2]) < (f[1], f[2]))


def _pluss_tre_maneder(fra: str) -> str:
    aar, mnd, dag = _ymd(fra)
    mnd += 3
    if mnd > 12:
        aar, mnd = aar + 1, mnd - 12
    dager = calendar.monthrange(aar, mnd)[1]  # the month is shorter: its last day
    return f"{aar:04d}-{mnd:02d}-{min(dag, dager):02d}"


def bar_livsopphold(sak: dict[str, Any]) -> Decimal:
    """§ 18: rates for the household, plus housing costs, minus income that counts, ≥ 0."""
    dag = _ymd(sak["vurderingsdato"])
    personer = sak["personer"]
    partner = any(p["rolle"] in ("ektefelle", "samboer") for p in personer)
    sum_ = Decimal(
        SATS_18["par" if partner else "bofellesskap" if sak["bofellesskap"] else "enslig"]
    )
    for p in personer:
        if p["rolle"] == "barn":
            alder = _alder(p["fodselsdato"], dag)
            sum_ += next((b for fra, til, b in SATS_18_BARN if fra <= alder <= til), 0)
    for b in sak["boutgifter"]:
        sum_ += Decimal(b["belop_per_maned"])
    for i in sak["inntekter"]:
        if i["type"] not in IKKE_INNTEKT_18:
            sum_ -= Decimal(i["belop_per_maned"])
    return max(sum_, Decimal(0))


def bar_kvp(sak: dict[str, Any]) -> dict[str, Any]:
    """§ 29 right and § 35 stønad per year (with § 38 reduction), child supplement."""
    kvp = sak["kvp"]
    dag = _ymd(sak["vurderingsdato"])
    deltaker = next(p for p in sak["personer"] if p["id"] == kvp["person"])
    alder = _alder(deltaker["fodselsdato"], dag)
    rett = all(kvp[k] for k in KVP_KRAV) and not kvp["ytelser_folketrygd"] and 18 <= alder < 67
    faktor = KVP_FAKTOR_FRA_JULI_2024 if dag >= (2024, 7, 1) else KVP_FAKTOR_FOR_JULI_2024
    produkt = faktor * G_2024
    if alder < 25:
        produkt = produkt * 2 / 3
    stonad = produkt.quantize(EN, ROUND_HALF_UP)
    reduksjon = sum(
        (
            Decimal(i["belop_per_maned"]) * 12
            for i in sak["inntekter"]
            if i["person"] == kvp["person"] and i["type"] in KVP_REDUSERER
        ),
        Decimal(0),
    )
    per_dag = KVP_BARNETILLEGG_2024 * len(kvp["forsorger_barn"])
    return {
        "rett": rett,
        "stonad_per_ar": stonad,
        "stonad_etter_reduksjon_per_ar": stonad - reduksjon,
        "barnetillegg_per_dag": per_dag,
        "barnetillegg_per_ar": per_dag * KVP_DAGER,
    }


def bar_botilbud(sak: dict[str, Any]) -> list[dict[str, Any]]:
    """§ 27: each ongoing stay's three-month date, whether it is past it, children present."""
    dato = sak["vurderingsdato"]
    dag = _ymd(dato)
    fodt = {p["id"]: p.get("fodselsdato") for p in sak["personer"]}
    ut = []
    for b in sak["botilbud"]:
        if b["til"] is not None and b["til"] < dato:
            continue
        grense = _pluss_tre_maneder(b["fra"])
        barn = any(_alder(fodt[p], dag) < 18 for p in b["personer"])
        ut.append({"grensedato": grense, "over_grensen": dato > grense, "barn": barn})
    return ut


def bar_vurdering(sak: dict[str, Any]) -> dict[str, Any]:
    """The bare outcomes of one case (see the module text for what is and is not included)."""
    ut: dict[str, Any] = {"belop_per_maned": bar_livsopphold(sak)}
    if "kvp" in sak:
        ut["kvp"] = bar_kvp(sak)
    if "botilbud" in sak:
        ut["botilbud"] = bar_botilbud(sak)
    return ut


def bar_tekst(ut: dict[str, Any]) -> str:
    """A hand-written text of the bare outcomes: the floor for rendering an explanation."""
    linjer = [f"Veiledende stønad til livsopphold: {ut['belop_per_maned']} kr per måned."]
    if "kvp" in ut:
        k = ut["kvp"]
        linjer.append(
            f"Rett til kvalifiseringsprogram: {'ja' if k['rett'] else 'nei'}. Kvalifiserings"
            f"stønad {k['stonad_per_ar']} kr per år, barnetillegg {k['barnetillegg_per_dag']} kr "
            f"per dag ({k['barnetillegg_per_ar']} kr per år)."
        )
    for b in ut.get("botilbud", ()):
        linjer.append(
            f"Midlertidig botilbud: tre måneder {b['grensedato']}"
            f"{' (passert)' if b['over_grensen'] else ''}; barn: {'ja' if b['barn'] else 'nei'}."
        )
    return "\n".join(linjer)


def bar_json(ut: dict[str, Any]) -> str:
    return json.dumps(ut, default=str, ensure_ascii=False, indent=2)


def sjekk_mot_biblioteket(navn: str, vurdering: Any, ut: dict[str, Any]) -> None:
    """The bare computation must give the library's outcomes, or the ratio means nothing."""
    vedtak = vurdering.vedtak
    # the computed need: a refusal pays nothing (belop_per_maned is None), the bare one says 0
    assert vedtak["livsopphold"].beregnet_behov_per_maned == ut["belop_per_maned"], navn
    if "kvp" in ut:
        k, lib = ut["kvp"], vedtak["kvalifiseringsstonad"].utdata
        assert (vedtak["kvalifiseringsprogram"].utfall.value == "oppfylt") == k["rett"], navn
        for nokkel in (
            "stonad_per_ar",
            "stonad_etter_reduksjon_per_ar",
            "barnetillegg_per_dag",
            "barnetillegg_per_ar",
        ):
            assert lib[nokkel] == k[nokkel], (navn, nokkel, lib[nokkel], k[nokkel])
    if "botilbud" in ut:
        lib = [
            {"grensedato": o["grensedato"], "over_grensen": o["over_grensen"]}
            for o in vedtak["midlertidig_botilbud"].utdata["opphold"]
            if o["status"] == "pagar"
        ]
        assert lib == [
            {"grensedato": b["grensedato"], "over_grensen": b["over_grensen"]}
            for b in ut["botilbud"]
        ], navn
        barneflagg = any(m.kode == "BARN_I_MIDLERTIDIG_BOTILBUD" for m in vurdering.merknader)
        assert barneflagg == any(b["barn"] for b in ut["botilbud"]), navn


# --- timing ------------------------------------------------------------------------------------


def _tid(fn: Callable[[], object], bar: Callable[[], object], antall: int) -> dict[str, float]:
    """Median and p95 in microseconds of ``fn`` and of the bare ``bar``, after a warm-up.

    The two are timed in turns (fn, bar, fn, bar, …), so a machine shared with other work slows
    both alike and the ratio stays meaningful.
    """
    for _ in range(min(50, antall)):
        fn()
        bar()
    a: list[float] = []
    b: list[float] = []
    klokke = time.perf_counter
    for _ in range(antall):
        start = klokke()
        fn()
        midt = klokke()
        bar()
        slutt = klokke()
        a.append((midt - start) * 1e6)
        b.append((slutt - midt) * 1e6)
    a.sort()
    b.sort()
    p95 = max(0, int(antall * 0.95) - 1)
    return {
        "median": statistics.median(a),
        "p95": a[p95],
        "bar_median": statistics.median(b),
        "bar_p95": b[p95],
    }


def _tid_i_turer(fns: dict[str, Callable[[], object]], antall: int) -> dict[str, dict[str, float]]:
    """Median and p95 in microseconds of each of ``fns``, timed in turns (as ``_tid``)."""
    for _ in range(min(50, antall)):
        for fn in fns.values():
            fn()
    tider: dict[str, list[float]] = {navn: [] for navn in fns}
    klokke = time.perf_counter
    for _ in range(antall):
        for navn, fn in fns.items():
            start = klokke()
            fn()
            tider[navn].append((klokke() - start) * 1e6)
    p95 = max(0, int(antall * 0.95) - 1)
    return {
        navn: {"median": statistics.median(t), "p95": sorted(t)[p95]} for navn, t in tider.items()
    }


def _kompilering_ms(antall: int = 5) -> dict[str, float]:
    """Medians: compiling every rule in force on a date (evaluators and node builders), and
    the first assessment on a freshly loaded rulebook, which compiles the rules it uses (both
    with nothing compiled before in the process: a later rulebook reuses the compiled text)."""
    from datetime import date

    from sosialregler import assess
    from sosialregler.lov.kompilator.program import Program, glem_kompilert
    from sosialregler.vurdering.rulebook_load import last_regelbok

    sak = json.loads((ROT / "examples" / "familie.json").read_text(encoding="utf-8"))
    alle, forste = [], []
    for _ in range(antall):
        glem_kompilert()
        bok = last_regelbok()
        dato = date(2024, 6, 3)
        program = Program(bok, bok.versjoner_i_kraft(dato))
        start = time.perf_counter()
        for rid in program.i_kraft:
            program.regler[rid]
            program.byggere[rid]
        alle.append((time.perf_counter() - start) * 1e3)
        glem_kompilert()
        bok = last_regelbok()
        start = time.perf_counter()
        assess(sak, regler=bok)
        forste.append((time.perf_counter() - start) * 1e3)
    return {"alle_regler": statistics.median(alle), "forste_vurdering": statistics.median(forste)}


def _ny_prosess_ms(kode: str, antall: int = 7) -> float:
    """Median wall time of ``python -c kode`` minus that of ``python -c pass``, in ms."""
    tider = []
    for _ in range(antall):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", kode], check=True)
        t1 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        t2 = time.perf_counter()
        tider.append(((t1 - t0) - (t2 - t1)) * 1e3)
    return statistics.median(tider)


def _kald_regelbok_ms(antall: int = 5) -> float:
    """Median load-and-compile time of the first rulebook in a fresh process, in ms."""
    kode = (
        "import time; from sosialregler.vurdering.rulebook_load import last_regelbok; "
        "t = time.perf_counter(); last_regelbok(); print((time.perf_counter() - t) * 1e3)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROT / "src")}
    tider = [
        float(
            subprocess.run(
                [sys.executable, "-c", kode], check=True, capture_output=True, text=True, env=env
            ).stdout
        )
        for _ in range(antall)
    ]
    return statistics.median(tider)


def maskin() -> dict[str, Any]:
    modell = platform.processor() or platform.machine()
    try:
        for linje in Path("/proc/cpuinfo").read_text().splitlines():
            if linje.startswith("model name"):
                modell = linje.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        tilgjengelige = len(os.sched_getaffinity(0))
    except AttributeError:
        tilgjengelige = os.cpu_count()
    return {
        "cpu": modell,
        "kjerner": os.cpu_count(),
        "kjerner_tilgjengelige": tilgjengelige,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "plattform": platform.platform(),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--antall", type=int, default=3000, help="runs per assessment timing")
    p.add_argument("--json", type=Path, metavar="FIL", help="write the numbers as JSON here")
    p.add_argument(
        "--motor",
        choices=("kompilert", "tolk", "begge"),
        default="begge",
        help="engine for the main tables; begge also times both in turns (default)",
    )
    args = p.parse_args()
    os.environ["SOSIALREGLER_MOTOR"] = "tolk" if args.motor == "tolk" else "kompilert"
    antall = args.antall
    tekst_antall = max(20, antall // 6)

    env_import = f"import sys; sys.path.insert(0, {str(ROT / 'src')!r}); "
    start = time.perf_counter()
    import sosialregler
    from sosialregler.vurdering.rulebook_load import last_regelbok, standard_mappe

    import_i_prosess = (time.perf_counter() - start) * 1e3
    import_kald = _ny_prosess_ms(env_import + "import sosialregler")
    import_bar = _ny_prosess_ms(env_import + "import decimal, json")

    regelfiler = sorted(standard_mappe().rglob("*.toml"))

    def bar_last() -> list[Any]:
        return [
            tomllib.loads(f.read_text(encoding="utf-8"), parse_float=Decimal) for f in regelfiler
        ]

    last = _tid(lambda: last_regelbok(), bar_last, 30)
    last_kald = _kald_regelbok_ms()
    kompilering = _kompilering_ms()
    from sosialregler.lov.kompilator.motor import bruk_motor

    def med_motor(motor: str, fn: Callable[[], object]) -> Callable[[], object]:
        def kjor() -> object:
            with bruk_motor(motor):
                return fn()

        return kjor

    motorer = []

    saker = []
    for navn in SAKER:
        sak = json.loads((ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8"))
        vurdering = sosialregler.assess(sak)
        ut = bar_vurdering(sak)
        sjekk_mot_biblioteket(navn, vurdering, ut)
        v = _tid(
            lambda sak=sak: sosialregler.assess(sak), lambda sak=sak: bar_vurdering(sak), antall
        )
        t = _tid(lambda v=vurdering: v.explain("nb"), lambda ut=ut: bar_tekst(ut), tekst_antall)
        j = _tid(lambda v=vurdering: v.to_json(), lambda ut=ut: bar_json(ut), tekst_antall)
        saker.append(
            {
                "sak": navn,
                "vurdering_median_us": v["median"],
                "vurdering_p95_us": v["p95"],
                "bar_median_us": v["bar_median"],
                "bar_p95_us": v["bar_p95"],
                "forhold": v["median"] / v["bar_median"],
                "tekst_nb_median_us": t["median"],
                "tekst_nb_p95_us": t["p95"],
                "bar_tekst_median_us": t["bar_median"],
                "tekst_forhold": t["median"] / t["bar_median"],
                "to_json_median_us": j["median"],
                "bar_json_median_us": j["bar_median"],
                "json_forhold": j["median"] / j["bar_median"],
                "vedtaksgrunnlag_bytes": len(
                    json.dumps(vurdering.to_record(), ensure_ascii=False).encode()
                ),
                "to_json_bytes": len(vurdering.to_json().encode()),
                "bar_json_bytes": len(bar_json(ut).encode()),
            }
        )
        if args.motor == "begge":
            m = _tid_i_turer(
                {
                    "tolk": med_motor("tolk", lambda sak=sak: sosialregler.assess(sak)),
                    "kompilert": med_motor("kompilert", lambda sak=sak: sosialregler.assess(sak)),
                    "tolk_json": med_motor(
                        "tolk", lambda sak=sak: sosialregler.assess(sak).to_json()
                    ),
                    "kompilert_json": med_motor(
                        "kompilert", lambda sak=sak: sosialregler.assess(sak).to_json()
                    ),
                },
                antall // 2,
            )
            motorer.append({"sak": navn, **{k: v["median"] for k, v in m.items()}})

    resultat = {
        "maskin": maskin(),
        "sosialregler": sosialregler.__version__,
        "antall_kjoringer": antall,
        "import_ms": {
            "ny_prosess": import_kald,
            "i_prosess": import_i_prosess,
            "bar_ny_prosess": import_bar,
        },
        "regelbok_ms": {
            "median": last["median"] / 1000,
            "p95": last["p95"] / 1000,
            "forste_i_ny_prosess": last_kald,
            "bar_tomllib_median": last["bar_median"] / 1000,
            "filer": len(regelfiler),
            "kompilering": kompilering,
        },
        "motor": args.motor,
        "motorer": motorer,
        "saker": saker,
        "mal": MAL,
    }
    skriv_tabeller(resultat)
    if args.json:
        args.json.write_text(json.dumps(resultat, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"\n(tallene er skrevet til {args.json})")


def skriv_tabeller(r: dict[str, Any]) -> None:
    m = r["maskin"]
    print(
        f"Maskin: {m['cpu']}, {m['kjerner']} kjerner ({m['kjerner_tilgjengelige']} tilgjengelige), "
        f"{m['python']}, {m['plattform']}; sosialregler {r['sosialregler']}, "
        f"{r['antall_kjoringer']} kjøringer per vurdering; motor: {r['motor']}"
    )
    print()
    print(
        "| sak | vurdering median µs | p95 µs | bar µs | forhold | tekst nb µs | bar tekst µs "
        "| forhold | to_json µs | bar json µs | vedtaksgrunnlag bytes | to_json bytes |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in r["saker"]:
        print(
            f"| {s['sak']} | {s['vurdering_median_us']:.0f} | {s['vurdering_p95_us']:.0f} "
            f"| {s['bar_median_us']:.1f} | {s['forhold']:.0f}× | {s['tekst_nb_median_us']:.0f} "
            f"| {s['bar_tekst_median_us']:.1f} | {s['tekst_forhold']:.0f}× "
            f"| {s['to_json_median_us']:.0f} | {s['bar_json_median_us']:.1f} "
            f"| {s['vedtaksgrunnlag_bytes']} | {s['to_json_bytes']} |"
        )
    i, b, mal = r["import_ms"], r["regelbok_ms"], r["mal"]
    verste = max(r["saker"], key=lambda s: s["vurdering_median_us"])
    storst = max(r["saker"], key=lambda s: s["vedtaksgrunnlag_bytes"])
    tregest = max(r["saker"], key=lambda s: s["tekst_nb_median_us"])
    print()
    print("| måling | mål (DESIGN § 7, sak 17) | målt | bar | forhold |")
    print("|---|---:|---:|---:|---:|")
    print(
        f"| én vurdering, median (tregeste: {verste['sak']}) | ≤ {mal['vurdering_us']} µs "
        f"| {verste['vurdering_median_us']:.0f} µs | {verste['bar_median_us']:.1f} µs "
        f"| {verste['forhold']:.0f}× |"
    )
    print(
        f"| tekst nb, median (tregeste: {tregest['sak']}) | ≤ {mal['tekst_us']} µs "
        f"| {tregest['tekst_nb_median_us']:.0f} µs | {tregest['bar_tekst_median_us']:.1f} µs "
        f"| {tregest['tekst_forhold']:.0f}× |"
    )
    tyngst = max(r["saker"], key=lambda s: s["to_json_median_us"])
    print(
        f"| to_json, median (tregeste: {tyngst['sak']}) | ≤ {mal['to_json_us']} µs "
        f"| {tyngst['to_json_median_us']:.0f} µs | {tyngst['bar_json_median_us']:.1f} µs "
        f"| {tyngst['json_forhold']:.0f}× |"
    )
    print(
        f"| last og kompiler regelbok ({b['filer']} filer), median | ≤ {mal['regelbok_ms']} ms "
        f"| {b['median']:.1f} ms (først i ny prosess: {b['forste_i_ny_prosess']:.1f} ms) "
        f"| {b['bar_tomllib_median']:.1f} ms (tomllib) "
        f"| {b['median'] / b['bar_tomllib_median']:.1f}× |"
    )
    k = b["kompilering"]
    print(
        "| første vurdering (familie) på en nylastet regelbok: kompilerer reglene den bruker "
        f"| | {k['forste_vurdering']:.1f} ms (alle reglene i kraft: {k['alle_regler']:.0f} ms) "
        "| | |"
    )
    print(
        f"| import sosialregler (ny prosess, minus tom python) | ≤ {mal['import_ms']} ms "
        f"| {i['ny_prosess']:.0f} ms ({i['i_prosess']:.0f} ms i prosess) "
        f"| {i['bar_ny_prosess']:.0f} ms (decimal, json) "
        f"| {i['ny_prosess'] / max(i['bar_ny_prosess'], 1):.0f}× |"
    )
    print(
        f"| vedtaksgrunnlag (største: {storst['sak']}) | ≤ {mal['vedtaksgrunnlag_bytes']} B "
        f"| {storst['vedtaksgrunnlag_bytes']} B | {storst['bar_json_bytes']} B (bar json) "
        f"| {storst['vedtaksgrunnlag_bytes'] / storst['bar_json_bytes']:.0f}× |"
    )

    if r["motorer"]:
        print()
        print("Motorene i turer i samme kjøring (median µs; forhold = kompilert / tolk):")
        print()
        print(
            "| sak | tolk | kompilert | forhold | tolk + to_json | kompilert + to_json | forhold |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for s in r["motorer"]:
            print(
                f"| {s['sak']} | {s['tolk']:.0f} | {s['kompilert']:.0f} "
                f"| {s['kompilert'] / s['tolk']:.2f} | {s['tolk_json']:.0f} "
                f"| {s['kompilert_json']:.0f} | {s['kompilert_json'] / s['tolk_json']:.2f} |"
            )


if __name__ == "__main__":
    main()
