"""Synthetic populations for benchmarks and tests: realistic in shape, made up in every fact.

**Synthetic.** No row describes a real person: household shapes, ages, incomes, housing costs,
stays in temporary housing (§ 27) and qualification programmes (KVP) are drawn from a seeded
pseudo-random generator with proportions chosen to look like a caseload of social assistance
(mostly single adults, some single parents and couples with children), not taken from any
register or statistic. The amounts are plausible kroner, not anyone's income. Use it to measure
and to test, never to estimate what a reform costs.

**Edge cases.** A share of the households (``andel_kanter``) is built on the boundaries the
golden cases cover: the applicant or a child turning 18, 30 or 67 on the assessment date (and
the day after), a stay in temporary housing that began exactly three months before (and a day
earlier), assessment dates on the days rates change (1 January for the guideline rates and the
KVP child supplement, 1 May for the basic amount G; they take effect when a run uses each
case's own ``vurderingsdato``), and facts left out so that an area answers ``uavklart``. A share
``andel_feil`` of rows is malformed on purpose (an impossible date, an unknown income type, an
unknown person, a negative amount, a cell that is not JSON) for tests of the row errors.

The same seed gives the same population on every machine (``random.Random``, no clock).
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from os import PathLike
from pathlib import Path
from typing import Any, get_args

from ...inndata.facts import Botilbudstype
from ...vurdering.standardbok import default_rulebook
from .kilde import BATCH, JSONL_ENDELSER

#: Household shapes and their shares (synthetic proportions, see the module's docstring).
HUSHOLDNINGER: tuple[tuple[str, float], ...] = (
    ("enslig", 0.58),
    ("enslig_forsorger", 0.15),
    ("par", 0.08),
    ("par_med_barn", 0.12),
    ("bofellesskap", 0.05),
    ("med_annen_voksen", 0.02),
)

#: The first rate change the edge cases meet: the generator's window, not a fact of law.
FORSTE_SATSSKIFTE = date(2025, 1, 1)


@functools.cache
def satsskifter() -> tuple[date, ...]:
    """The dates the library's rate tables change on from ``FORSTE_SATSSKIFTE``, and the day
    before each: read from ``rules/satser`` (so a new year's rates add their dates), sorted."""
    satser = default_rulebook().satser
    dager = {
        rad.gyldig_fra
        for id_ in satser
        for rad in satser[id_].rader
        if rad.gyldig_fra >= FORSTE_SATSSKIFTE
    }
    return tuple(sorted(dager | {d - timedelta(days=1) for d in dager}))


#: The date a population is built around unless told: the guideline rates in the library are
#: known for it (a later date raises SATSER_KAN_VAERE_UTDATERT on every case).
STANDARDDATO = date(2026, 3, 1)

KANTER = (
    "soker_fyller_18",
    "soker_fyller_18_i_morgen",
    "soker_fyller_30",
    "soker_fyller_30_i_morgen",
    "soker_fyller_67",
    "soker_fyller_67_i_morgen",
    "barn_fyller_18",
    "botilbud_tre_maneder",
    "botilbud_tre_maneder_og_en_dag",
    "satsskifte",
    "mangler_boutgifter",
    "mangler_fodselsdato",
    "mangler_kvp_fakta",
    "mangler_opphold",
)

FEIL = ("umulig_dato", "ukjent_inntektstype", "ukjent_person", "negativt_belop", "ikke_json")

_OPPHOLD = {"norsk_statsborger": True, "fast_bopel_i_norge": True}
_BOTILBUDSTYPER = get_args(Botilbudstype)
_YTELSER = ("dagpenger", "aap", "sykepenger", "uforetrygd", "pensjon")


def lag_populasjon(
    antall: int,
    *,
    fro: int = 0,
    dato: date | str = STANDARDDATO,
    andel_kanter: float = 0.1,
    andel_feil: float = 0.0,
) -> Iterator[str]:
    """``antall`` synthetic cases as contract JSON text, one per household, seeded by ``fro``;
    ``dato`` is the assessment date the population is built around."""
    if isinstance(dato, str):
        dato = date.fromisoformat(dato)
    tilfeldig = random.Random(fro)
    kanter = 0  # edge cases go round KANTER (and satsskifter()), so a small sample has them all
    for i in range(antall):
        trekk = tilfeldig.random()
        if trekk < andel_feil:
            yield _feilrad(tilfeldig, i, fro, dato)
            continue
        kant = None
        if trekk < andel_feil + andel_kanter:
            kant = (KANTER[kanter % len(KANTER)], kanter // len(KANTER))
            kanter += 1
        yield json.dumps(_sak(tilfeldig, i, fro, dato, kant), ensure_ascii=False)


def skriv_populasjon(
    sti: str | PathLike[str],
    antall: int,
    *,
    fro: int = 0,
    dato: date | str = STANDARDDATO,
    andel_kanter: float = 0.1,
    andel_feil: float = 0.0,
    radgruppe: int = BATCH * 4,
) -> int:
    """Write a synthetic population to Parquet (column ``sak``, plus ``kommune`` as an example
    of a carried column) or JSON Lines (by the file's suffix), streamed; returns the count."""
    saker = lag_populasjon(
        antall, fro=fro, dato=dato, andel_kanter=andel_kanter, andel_feil=andel_feil
    )
    sti = Path(sti)
    if sti.suffix.lower() in JSONL_ENDELSER:
        with open(sti, "w", encoding="utf-8") as fil:
            for sak in saker:
                fil.write(sak + "\n")
        return antall
    import pyarrow as pa
    import pyarrow.parquet as pq

    skjema = pa.schema([("sak", pa.string()), ("kommune", pa.string())])
    kommuner = random.Random(fro + 1)
    with pq.ParquetWriter(sti, skjema, compression="zstd") as skriver:
        bit: list[str] = []
        for sak in saker:
            bit.append(sak)
            if len(bit) >= radgruppe:
                skriver.write_table(_tabell(bit, kommuner, skjema))
                bit = []
        if bit or antall == 0:
            skriver.write_table(_tabell(bit, kommuner, skjema))
    return antall


def _tabell(bit: list[str], kommuner: random.Random, skjema: Any) -> Any:
    import pyarrow as pa

    knr = [f"{kommuner.choice((301, 1103, 4601, 5001, 3907, 1506)):04d}" for _ in bit]
    return pa.table({"sak": bit, "kommune": knr}, schema=skjema)


# --- one household ---------------------------------------------------------------------------


def _fodt(dato: date, alder: int, dager_til_bursdag: int = 0) -> date:
    """The birth date of someone who turns ``alder`` ``dager_til_bursdag`` days after ``dato``
    (0: on it). 29 February becomes 1 March in a year without it."""
    dag = dato + timedelta(days=dager_til_bursdag)
    try:
        return dag.replace(year=dag.year - alder)
    except ValueError:
        return date(dag.year - alder, 3, 1)


def _tilfeldig_fodt(t: random.Random, dato: date, fra_alder: int, til_alder: int) -> date:
    # turned ``alder`` between a day and a year ago: never born after ``dato``
    return _fodt(dato, t.randint(fra_alder, til_alder), -t.randint(1, 364))


def _maneder_for(dato: date, maneder: int) -> date:
    ar, mnd = divmod(dato.month - 1 - maneder, 12)
    try:
        return dato.replace(year=dato.year + ar, month=mnd + 1)
    except ValueError:  # 31 May minus three months: the last day of February
        return date(dato.year + ar, mnd + 2, 1) - timedelta(days=1)


def _kr(t: random.Random, lav: int, hoy: int, steg: int = 50) -> int:
    return t.randrange(lav, hoy + 1, steg)


def _sak(
    t: random.Random, i: int, fro: int, dato: date, kanten: tuple[str, int] | None
) -> dict[str, Any]:
    kant, runde = kanten or (None, 0)
    skifter = satsskifter()
    vurderingsdato = skifter[runde % len(skifter)] if kant == "satsskifte" else dato
    dato = vurderingsdato  # the household is built around its own date
    form = t.choices([h for h, _ in HUSHOLDNINGER], [a for _, a in HUSHOLDNINGER])[0]
    soker_fodt = _tilfeldig_fodt(t, dato, 18, 66)
    if kant and kant.startswith("soker_fyller_"):
        alder = int(kant.split("_")[2])
        soker_fodt = _fodt(dato, alder, 1 if kant.endswith("i_morgen") else 0)
    personer: list[dict[str, Any]] = [
        {"id": "p1", "rolle": "soker", "fodselsdato": soker_fodt.isoformat(), "opphold": _OPPHOLD}
    ]
    if form in ("par", "par_med_barn"):
        rolle = t.choice(("ektefelle", "samboer"))
        personer.append(
            {
                "id": "p2",
                "rolle": rolle,
                "fodselsdato": _tilfeldig_fodt(t, dato, 18, 66).isoformat(),
                "opphold": _OPPHOLD,
            }
        )
    if form == "med_annen_voksen":
        personer.append(
            {
                "id": "p3",
                "rolle": "annen_voksen",
                "fodselsdato": _tilfeldig_fodt(t, dato, 18, 80).isoformat(),
                "opphold": _OPPHOLD,
            }
        )
    barn = t.choice((1, 1, 2, 2, 3, 4)) if form in ("enslig_forsorger", "par_med_barn") else 0
    if kant == "barn_fyller_18":
        barn = max(barn, 1)
    for b in range(barn):
        fodt = _tilfeldig_fodt(t, dato, 0, 17)
        if kant == "barn_fyller_18" and b == 0:
            fodt = _fodt(dato, 18)
        personer.append(
            {
                "id": f"b{b + 1}",
                "rolle": "barn",
                "fodselsdato": fodt.isoformat(),
                "opphold": _OPPHOLD,
            }
        )
    inntekter: list[dict[str, Any]] = []
    voksne = [p["id"] for p in personer if p["rolle"] in ("soker", "ektefelle", "samboer")]
    for p in voksne:
        valg = t.random()
        if valg < 0.35:
            inntekter.append(
                {"person": p, "type": "arbeidsinntekt", "belop_per_maned": _kr(t, 500, 22000)}
            )
        elif valg < 0.7:
            inntekter.append(
                {"person": p, "type": t.choice(_YTELSER), "belop_per_maned": _kr(t, 3000, 24000)}
            )
    if barn:
        inntekter.append({"person": "p1", "type": "barnetrygd", "belop_per_maned": 1766 * barn})
    if t.random() < 0.2:
        inntekter.append({"person": "p1", "type": "bostotte", "belop_per_maned": _kr(t, 500, 3500)})
    boutgifter = [
        {
            "type": "husleie",
            "belop_per_maned": _kr(t, 3500, 17000, 100),
            "vurdert_rimelig": t.random() < 0.9,
        },
        {"type": "strom", "belop_per_maned": _kr(t, 200, 1800), "vurdert_rimelig": True},
    ]
    sak: dict[str, Any] = {
        "sak_id": f"syntetisk-{fro}-{i}",
        "vurderingsdato": vurderingsdato.isoformat(),
        "personer": personer,
        "bofellesskap": form == "bofellesskap",
        "inntekter": inntekter,
        "formue": [{"type": "bankinnskudd", "belop": _kr(t, 0, 30000)}] if t.random() < 0.3 else [],
        "boutgifter": boutgifter,
        "rettigheter": [],
        "barns_behov_vurdert": True if barn else None,
    }
    if sak["barns_behov_vurdert"] is None:
        del sak["barns_behov_vurdert"]
    if t.random() < 0.6:
        sak["individuell_vurdering"] = "Syntetisk sak: behovet er vurdert konkret."
    if soker_fodt > _fodt(vurderingsdato, 30, 0) or t.random() < 0.2:
        sak["aktivitetsplikt"] = {"vilkar_satt": t.random() < 0.7}
    if kant in ("botilbud_tre_maneder", "botilbud_tre_maneder_og_en_dag") or t.random() < 0.05:
        fra = vurderingsdato - timedelta(days=t.randint(1, 200))
        if kant == "botilbud_tre_maneder":
            fra = _maneder_for(vurderingsdato, 3)
        elif kant == "botilbud_tre_maneder_og_en_dag":
            fra = _maneder_for(vurderingsdato, 3) - timedelta(days=1)
        sak["botilbud"] = [
            {
                "personer": [p["id"] for p in personer],
                "fra": fra.isoformat(),
                "til": None,
                "type": t.choice(_BOTILBUDSTYPER),
            }
        ]
        sak["botilbud_soknad"] = {
            "uten_overnatting_neste_dogn": True,
            "avgjorelse": "konkret_tilbud",
            "dato": fra.isoformat(),
        }
    if kant == "mangler_kvp_fakta" or t.random() < 0.06:
        start = vurderingsdato - timedelta(days=t.randint(0, 300))
        kvp: dict[str, Any] = {
            "person": "p1",
            "arbeidsevnevurdering_gjort": True,
            "vesentlig_nedsatt_arbeidsevne": t.random() < 0.85,
            "ytelser_folketrygd": [],
            "behov_for_tett_oppfolging": True,
            "hensiktsmessig_og_nodvendig": True,
            "program_kan_tilbys": t.random() < 0.9,
            "program_start": start.isoformat(),
            "program_slutt": (start + timedelta(days=364)).isoformat(),
            "timer_per_uke": 37.5,
            "forsorger_barn": [p["id"] for p in personer if p["rolle"] == "barn"],
            "fravaer": [],
            "vedtak_varslet_trekk_ved_fravaer": True,
        }
        if kant == "mangler_kvp_fakta":
            del kvp["vesentlig_nedsatt_arbeidsevne"]
        sak["kvp"] = kvp
    if kant == "mangler_boutgifter":
        del sak["boutgifter"]
    elif kant == "mangler_fodselsdato":
        del personer[0]["fodselsdato"]
    elif kant == "mangler_opphold":
        for p in personer:
            p.pop("opphold", None)
    return sak


def _feilrad(t: random.Random, i: int, fro: int, dato: date) -> str:
    feil = t.choice(FEIL)
    if feil == "ikke_json":
        return '{"sak_id": "syntetisk-feil-' + str(i) + '", "personer": ['
    sak = _sak(t, i, fro, dato, None)
    if feil == "umulig_dato":
        sak["personer"][0]["fodselsdato"] = f"{dato.year - 30}-02-30"
    elif feil == "ukjent_inntektstype":
        sak["inntekter"].append({"person": "p1", "type": "lotto", "belop_per_maned": 100})
    elif feil == "ukjent_person":
        sak["inntekter"].append({"person": "x9", "type": "annen", "belop_per_maned": 100})
    else:
        sak["boutgifter"][0]["belop_per_maned"] = -500
    return json.dumps(sak, ensure_ascii=False)
