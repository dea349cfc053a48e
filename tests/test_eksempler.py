"""Every example case in examples/*.json is accepted and decides what it is there to show.

The examples are the typical cases the benchmarks time (benchmarks/bench_assess.py) and the
README shows: a single person, a family, a participant in the qualification programme (KVP) and a
household in temporary housing (§ 27). Expected amounts are worked out here by hand from the
published figures in the rule files, not by calling the library's own calculation:

* § 18 guideline rates from 2024-01-01 (rules/satser/statlige-veiledende.toml, Statsforvalteren
  i Agder, «Veiledende retningslinjer for økonomisk stønad for 2024»): enslig 7 850, par 13 100;
  children 0-5 år 3 850, 6-10 år 3 950, 11-17 år 5 150.
* KVP from 2024-07-01 (rules/satser/kvalifiseringsstonad.toml, NAV S25): 2.041 G = 253 141 kr a
  year; G = 124 028 from 2024-05-01 (rules/satser/grunnbelop.toml). Child supplement 36 kr per
  child per day from 2024-01-01 (rules/satser/kvp-barnetillegg.toml, NAV S25), five days a week
  = 260 days a year (rules/satser/kvp-dagsats.toml, tagged M: flagged).
* Three months in temporary housing: 2024-01-22 + three months = 2024-04-22 (R35 4.27 as
  rules/stl-27-midlertidig-botilbud.toml words it).
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from sosialregler import assess

EKSEMPLER = Path(__file__).resolve().parent.parent / "examples"

# 2.041 × G (124 028), rounded half up to whole kroner as NAV publishes it: 253 141.148 → 253 141.
KVP_FULL_2024_07 = int((Decimal("2.041") * 124028).quantize(Decimal(1), ROUND_HALF_UP))

#: Per example: the outcome of each area (exactly these areas), the key amounts, the flags.
FORVENTET: dict[str, dict[str, Any]] = {
    "enslig": {
        "utfall": {
            "omfang": "oppfylt",
            "livsopphold": "oppfylt",
            "aktivitetsplikt": "oppfylt",
        },
        # enslig 7 850 + husleie 7 500 + strøm 600 − dagpenger 4 200
        "belop": {"livsopphold": {"belop_per_maned": 7850 + 7500 + 600 - 4200}},
        "merknader": {"MANGLER_INDIVIDUELL_VURDERING"},
    },
    "familie": {
        "utfall": {
            "omfang": "oppfylt",
            "livsopphold": "skjonn",  # the savings: whether to use them first is discretion
            "vilkar": "oppfylt",
            "aktivitetsplikt": "oppfylt",
        },
        # par 13 100 + child aged 5 (born 2018-08-15, on 2024-03-01) 3 850 + husleie 11 000
        # + strøm 900 − arbeidsinntekt 9 000 (barnetrygd is kept out, § 18 third ledd)
        "belop": {"livsopphold": {"belop_per_maned": 13100 + 3850 + 11000 + 900 - 9000}},
        # the spouse is 29 with no activity condition: a § 20 a question (issue 14 point 10)
        "merknader": {"AKTIVITETSVILKAR_PARTNER_VURDERES"},
    },
    # familie without the caseworker's conclusion on the savings: the decision letter lists
    # what must be concluded first (tests/test_vedtaksbrev.py)
    "avklaring": {
        "utfall": {
            "omfang": "oppfylt",
            "livsopphold": "skjonn",
            "vilkar": "oppfylt",
            "aktivitetsplikt": "oppfylt",
        },
        "belop": {"livsopphold": {"belop_per_maned": 13100 + 3850 + 11000 + 900 - 9000}},
        "merknader": {"AKTIVITETSVILKAR_PARTNER_VURDERES"},
    },
    "kvp": {
        "utfall": {
            "omfang": "oppfylt",
            # the KVP benefit with child supplement (21 875) and bostøtte (2 100) cover
            # enslig 7 850 + child 6-10 3 950 + husleie 10 500 + strøm 700 = 23 000
            "livsopphold": "ikke_oppfylt",
            "saerlige_tilfeller": "skjonn",  # § 19 is always the caseworker's discretion
            "kvalifiseringsprogram": "oppfylt",
            "kvalifiseringsstonad": "oppfylt",
        },
        "belop": {
            # a refusal pays nothing; the computed need keeps its own name
            "livsopphold": {"belop_per_maned": None, "beregnet_behov_per_maned": 0},
            "kvalifiseringsstonad": {
                "stonad_per_ar": 253141,  # NAV's published figure (S25)
                "barnetillegg_per_dag": 36,
                "barnetillegg_per_ar": 36 * 260,
            },
        },
        # the 260-day convention behind the supplement per year is tagged M in its rate file
        "merknader": {"SATSER_KAN_VAERE_UTDATERT"},
    },
    "botilbud": {
        "utfall": {
            "omfang": "oppfylt",
            "livsopphold": "oppfylt",
            "midlertidig_botilbud": "oppfylt",
        },
        # enslig 7 850 + child aged 6 (born 2017-06-09, on 2024-05-06) 3 950 + husleie 6 400
        # − arbeidsinntekt 8 200 − barnebidrag 1 650 (barnetrygd kept out)
        "belop": {"livsopphold": {"belop_per_maned": 7850 + 3950 + 6400 - 8200 - 1650}},
        "merknader": {"BOTILBUD_OVER_TRE_MANEDER", "BARN_I_MIDLERTIDIG_BOTILBUD"},
        "frister": {"BOTILBUD_OVER_TRE_MANEDER": "2024-04-22"},
    },
}


def test_hvert_eksempel_har_forventninger() -> None:
    """A new example needs its outcomes written down here."""
    assert {p.stem for p in EKSEMPLER.glob("*.json")} == set(FORVENTET)


def test_kvp_satsen_er_navs_publiserte_belop() -> None:
    assert KVP_FULL_2024_07 == 253141


@pytest.mark.parametrize("navn", sorted(FORVENTET))
def test_eksempel_vurderes_med_tilsiktet_utfall(navn: str) -> None:
    forventet = FORVENTET[navn]
    v = assess((EKSEMPLER / f"{navn}.json").read_text(encoding="utf-8"))  # no UgyldigSak
    data = json.loads(v.to_json())
    vedtak = data["vedtak"]
    assert {k: o["utfall"] for k, o in vedtak.items()} == forventet["utfall"]
    for omrade, belop in forventet["belop"].items():
        assert {k: vedtak[omrade][k] for k in belop} == belop, omrade
    for omrade, o in vedtak.items():
        assert o["mangler"] == [], (omrade, o["mangler"])
        assert o["hjemmel"] and o["begrunnelse"], omrade
    assert {m["kode"] for m in data["merknader"]} == forventet["merknader"]
    for kode, frist in forventet.get("frister", {}).items():
        assert [m.get("frist") for m in data["merknader"] if m["kode"] == kode] == [frist]
    assert v.explain("nb") and v.explain("en")
