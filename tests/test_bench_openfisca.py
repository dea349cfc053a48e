"""benchmarks/openfisca/bench.py cannot rot: its arguments, its input for OpenFisca built from
the cases, and the sosialregler side run end to end with tiny numbers (no timing is asserted:
speed belongs to the benchmark). The run against OpenFisca itself needs OpenFisca's own venv,
which the script makes on its first run; without it that one test skips and says how to make it.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SKRIPT = REPO / "benchmarks" / "openfisca" / "bench.py"


def _last_skriptet():
    spec = importlib.util.spec_from_file_location("bench_openfisca", SKRIPT)
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_openfisca", modul)
    spec.loader.exec_module(modul)
    return modul


bench = _last_skriptet()

SMATT = ["--runder", "1", "--antall", "2", "--saker", "20", "--batch-saker", "5"]
SMATT += ["--vektor-runder", "1", "--vektor-antall", "1"]


def test_raskt_gir_sma_tall_og_et_gitt_tall_vinner():
    args = bench.les_argumenter(["--raskt", "--antall", "7"])
    assert args.runder == bench.RASKT["runder"]
    assert args.saker == bench.RASKT["saker"]
    assert args.antall == 7
    standard = bench.les_argumenter([])
    assert standard.saker == 100_000
    assert standard.runder == bench.STANDARD["runder"]


def test_null_kjoringer_avvises_med_feltets_navn(capsys):
    with pytest.raises(SystemExit):
        bench.les_argumenter(["--batch-saker", "0"])
    assert "--batch-saker må være minst 1, ikke 0" in capsys.readouterr().err


def test_batch_saker_er_hoyst_populasjonen():
    assert bench.les_argumenter(["--saker", "10", "--batch-saker", "50"]).batch_saker == 10


def test_venv_fra_miljoet_og_ellers_under_benchmarks(monkeypatch, tmp_path):
    monkeypatch.delenv(bench.VENV_MILJO, raising=False)
    assert bench.les_argumenter([]).venv == REPO / "benchmarks" / ".venv-openfisca"
    monkeypatch.setenv(bench.VENV_MILJO, str(tmp_path))
    assert bench.les_argumenter([]).venv == tmp_path
    assert not bench.venv_klar(tmp_path)  # an empty folder is not a made venv


def test_situasjonen_har_sakens_person_inntekt_og_boutgifter():
    sak = json.loads((REPO / "examples" / "enslig.json").read_text(encoding="utf-8"))
    situasjon, periode = bench.situasjon_fra_sak(sak)
    assert periode == "2024-06"
    assert situasjon == {
        "persons": {"p1": {"birth": {"ETERNITY": "1999-01-20"}, "salary": {"2024-06": 4200.0}}},
        "households": {"h": {"adults": ["p1"], "children": [], "rent": {"2024-06": 8100.0}}},
    }


def test_populasjonens_tabeller_en_rad_per_person_og_husleie_per_husstand():
    saker = [
        {
            "personer": [
                {"id": "a", "rolle": "soker", "fodselsdato": "1980-01-01"},
                {"id": "b", "rolle": "barn", "fodselsdato": "2015-05-05"},
            ],
            "inntekter": [
                {"person": "a", "belop_per_maned": 100},
                {"person": "a", "belop_per_maned": 50},
            ],
            "boutgifter": [{"belop_per_maned": 900}, {"belop_per_maned": 100}],
        },
        {
            "personer": [{"id": "c", "rolle": "soker", "fodselsdato": "1990-02-02"}],
            "inntekter": [],
            "boutgifter": [],
        },
    ]
    assert bench.vektor_inndata(saker) == {
        "husstand": [0, 0, 1],
        "rolle": ["adult", "child", "adult"],
        "lonn": [150.0, 0.0, 0.0],
        "fodt": ["1980-01-01", "2015-05-05", "1990-02-02"],
        "husleie": [1000.0, 0.0],
    }


def test_sosialregler_siden_kjorer_uten_openfisca(tmp_path, capsys):
    fil = tmp_path / "tall.json"
    bench.main(["--uten-openfisca", *SMATT, "--json", str(fil)])
    tall = json.loads(fil.read_text(encoding="utf-8"))
    assert "openfisca" not in tall
    assert tall["enkel"]["sosialregler_us"]["n"] == 2
    assert tall["enkel"]["sosialregler_belop_per_maned"] == "11750"  # 7 850 + 8 100 - 4 200
    assert tall["populasjon"]["oppregnet"] is True
    assert tall["populasjon"]["sosialregler_batch_ms"]["n"] == 1
    ut = capsys.readouterr().out
    assert "OpenFisca: ikke målt (--uten-openfisca)" in ut
    assert "regnet lineært opp til 20" in ut


def test_populasjonen_males_over_en_arrow_tabell() -> None:
    """The population is timed as its documented input, an Arrow table of contract JSON, with
    the columnar engine (issue 19); the run itself must succeed on the script's own cases."""
    pytest.importorskip("pyarrow")
    from sosialregler.verktoy.oppfolging import eksempelsaker

    saker = list(eksempelsaker(30, bench.DATO, seed=1))
    svar = bench._populasjon_maling(saker, [json.dumps(s) for s in saker])
    assert svar["finnes"] is True and "feil" not in svar
    assert svar["inndata"] == "Arrow-tabell, motor kolonne" and svar["s"] > 0


def _openfisca_venv() -> Path:
    return bench.les_argumenter([]).venv


@pytest.mark.skipif(
    not bench.venv_klar(_openfisca_venv()),
    reason="OpenFiscas venv mangler: kjør python benchmarks/openfisca/bench.py --raskt én gang",
)
def test_mot_openfisca_far_begge_sider_samme_inndata(tmp_path):
    fil = tmp_path / "tall.json"
    bench.main([*SMATT, "--json", str(fil)])
    tall = json.loads(fil.read_text(encoding="utf-8"))
    assert tall["openfisca"]["versjoner"]["openfisca-core"] == "46.0.1"
    enkel = tall["enkel"]["openfisca"]
    assert set(enkel) == set(bench.VARIABLER)
    grunninntekt = enkel["basic_income"]["verdi"]
    assert len(grunninntekt) == 1 and grunninntekt[0] > 0  # an adult of 25 gets it
    # Every generated applicant is an adult, so the population's basic income is 20 × one's:
    # the arrays reached OpenFisca row for row.
    pop = tall["populasjon"]
    assert pop["openfisca_personer"] == pop["openfisca_husstander"] == 20
    assert pop["openfisca"]["basic_income"]["sum"] == pytest.approx(20 * grunninntekt[0])
