"""Test-case files (``testfiler.py``): reading, running, reporting, writing, the CLI and the
pytest plugin, and the project's own golden cases in ``tests/saker/``.

The golden cases run here as a collected test module (one test per case) unless the pytest
plugin is active, which collects ``tests/saker/*.toml`` itself; either way each runs once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers_cli import REPO, kjor
from sosialregler import assess
from sosialregler.verktoy.testfiler import (
    TestfilFeil,
    kjor_sak,
    lagre_testsak,
    les_testfil,
    les_testtekst,
    toml_for_sak,
    toml_verdi,
)
from sosialregler.verktoy.testing import cases

SAKER = Path(__file__).resolve().parent / "saker"
GOLDEN = sorted(SAKER.glob("*.toml"))

ENSLIG = """
[[sak]]
navn = "{navn}"
dato = 2024-03-01
{ekstra}

[sak.inndata]
bofellesskap = false
inntekter = []
formue = []
boutgifter = []
individuell_vurdering = "Vurdert konkret."
personer = [
  {{ id = "p1", rolle = "soker", fodselsdato = 1990-01-01 }},
]

{forventet}
"""


def enslig_sak(
    forventet: str = "[sak.forventet.livsopphold]\nbelop_per_maned = 7850",
    navn: str = "Enslig",
    ekstra: str = "",
) -> str:
    return ENSLIG.format(navn=navn, forventet=forventet, ekstra=ekstra)


def avvik(tekst: str) -> tuple[str, ...]:
    (sak,) = les_testtekst(tekst)
    return kjor_sak(sak).avvik


# --- the project's golden cases -------------------------------------------------------------------


def _golden_saker() -> list[Any]:
    return [
        pytest.param(sak, id=f"{fil.name}::{sak.navn}")
        for fil in GOLDEN
        for sak in les_testfil(fil)
    ]


@pytest.mark.parametrize("sak", _golden_saker())
def test_golden_saker(sak: Any, request: pytest.FixtureRequest) -> None:
    if request.config.pluginmanager.has_plugin("sosialregler.testfiler"):
        pytest.skip("kjøres av pytest-tillegget sosialregler.testfiler (tests/saker/*.toml)")
    resultat = kjor_sak(sak)
    assert resultat.ok, "\n".join(resultat.avvik) or resultat.intern_feil


def test_golden_sakene_dekker_de_publiserte_summene() -> None:
    """The figures of tests/test_livsopphold.py and the demo cases are all in tests/saker."""
    belop = {
        s.forventet.omrader["livsopphold"].get("belop_per_maned")
        for fil in GOLDEN
        for s in les_testfil(fil)
        if "livsopphold" in s.forventet.omrader
    }
    assert {7850, 22100, 11800, 19850, 11750} <= belop


# --- reading --------------------------------------------------------------------------------------


def test_lesing_gjor_toml_datoer_til_kontraktens_tekst() -> None:
    (sak,) = les_testtekst(enslig_sak())
    assert sak.dato == "2024-03-01"
    assert sak.inndata["personer"][0]["fodselsdato"] == "1990-01-01"
    assert sak.forventet.omrader == {"livsopphold": {"belop_per_maned": 7850}}


def test_fil_og_inndata_slas_sammen(tmp_path: Path) -> None:
    (tmp_path / "sak.json").write_text((REPO / "examples" / "familie.json").read_text("utf-8"))
    tekst = """
[[sak]]
navn = "Familie med høyere husleie"
fil = "sak.json"
[sak.inndata]
boutgifter = [
  { type = "husleie", belop_per_maned = 12000 },
  { type = "strom", belop_per_maned = 900 },
]
[sak.forventet.livsopphold]
belop_per_maned = 20850
"""
    fil = tmp_path / "test_familie.toml"
    fil.write_text(tekst, "utf-8")
    (sak,) = les_testfil(fil)
    assert sak.inndata["sak_id"] == "demo-familie-2024"
    assert kjor_sak(sak).ok


@pytest.mark.parametrize(
    ("tekst", "nokkel", "melding"),
    [
        (enslig_sak(ekstra="belopp = 7850"), "belopp", "ukjent nøkkel"),
        (enslig_sak(forventet="[sak.forventet]\nmerknad = ['X']"), "forventet.merknad", "ukjent"),
        (
            enslig_sak(forventet='[sak.forventet.livsopphold]\nutfall = "innvilget"'),
            "forventet.livsopphold.utfall",
            "ukjent utfall",
        ),
        (
            enslig_sak(forventet="[sak.forventet]\navvist = ['personer']\nmerknader = ['X']"),
            "forventet.avvist",
            "kan ikke forvente noe annet",
        ),
        (enslig_sak(forventet=""), "forventet", "sier ikke hva den skal gi"),
        (enslig_sak(ekstra="toleranse = -1"), "toleranse", "negativ"),
        (enslig_sak(ekstra='toleranse = "litt"'), "toleranse", "tall"),
        (
            enslig_sak().replace("dato = 2024-03-01\n", "dato = 2024-03-01T12:00:00\n", 1),
            "dato",
            "tidspunkt",
        ),
        (enslig_sak(ekstra='fil = "finnes-ikke.json"'), "fil", "kan ikke leses"),
    ],
)
def test_en_feil_i_filen_navngir_fil_sak_og_nokkel(tekst: str, nokkel: str, melding: str) -> None:
    with pytest.raises(TestfilFeil) as info:
        les_testtekst(tekst, "saker/x.toml")
    assert info.value.fil == "saker/x.toml"
    assert info.value.nokkel == nokkel
    assert melding in info.value.melding
    assert "saker/x.toml" in str(info.value)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("[[sak]\nnavn = 1", "ikke gyldig TOML"),
        ("", "ingen saker"),
        ("tull = 1\n" + enslig_sak(), "toppnivå"),
        ("[[sak]]\nbeskrivelse = 'uten navn'", "navn"),
        (enslig_sak() + enslig_sak(), "brukt før"),
        ("[[sak]]\nnavn = 'x'\n[sak.forventet]\nmerknader = []", "mangler inndata"),
    ],
)
def test_ugyldige_filer_avvises(tekst: str, melding: str) -> None:
    with pytest.raises(TestfilFeil, match=melding):
        les_testtekst(tekst)


# --- running: what a failure says -----------------------------------------------------------------


def test_en_sak_som_stemmer_gir_ingen_avvik() -> None:
    forventet = """
[sak.forventet]
ikke_merknader = ["MANGLER_INDIVIDUELL_VURDERING"]
ikke_vurdert = ["omrade_som_ikke_finnes"]
[sak.forventet.livsopphold]
utfall = "oppfylt"
belop_per_maned = 7850
mangler = []
ikke_oppfylte_regler = []
"""
    assert avvik(enslig_sak(forventet)) == ()


@pytest.mark.parametrize(
    ("forventet", "ekstra", "melding"),
    [
        (
            "belop_per_maned = 7800",
            "",
            "livsopphold.belop_per_maned: forventet 7 800 (toleranse 0), fikk 7 850",
        ),
        ('utfall = "skjonn"', "", "livsopphold.utfall: forventet skjonn, fikk oppfylt"),
        ('mangler = ["bofellesskap"]', "", "livsopphold.mangler: mangler bofellesskap"),
        ('belop_per_maned = "ingen"', "", "forventet ingen verdi, fikk 7 850"),
        ("stonad_per_ar = 1", "", "området har ingen slik utdata"),
        ("ikke_oppfylte_regler = ['stl-18-1-udekket-behov']", "", "mangler stl-18-1-udekket-behov"),
    ],
)
def test_avvik_sier_hva_som_var_forventet_og_hva_som_kom(
    forventet: str, ekstra: str, melding: str
) -> None:
    tekst = enslig_sak("[sak.forventet.livsopphold]\n" + forventet, ekstra=ekstra)
    funnet = avvik(tekst)
    assert any(melding in a for a in funnet), funnet


def test_toleranse_absolutt_og_relativ() -> None:
    assert (
        avvik(
            enslig_sak(
                ekstra="toleranse = 50",
                forventet="[sak.forventet.livsopphold]\nbelop_per_maned = 7800",
            )
        )
        == ()
    )
    assert (
        avvik(
            enslig_sak(
                ekstra="relativ_toleranse = 0.01",
                forventet="[sak.forventet.livsopphold]\nbelop_per_maned = 7800",
            )
        )
        == ()
    )
    assert avvik(
        enslig_sak(
            ekstra="relativ_toleranse = 0.001",
            forventet="[sak.forventet.livsopphold]\nbelop_per_maned = 7800",
        )
    )


def test_merknader_omrader_og_avvisning() -> None:
    (mangler,) = avvik(enslig_sak("[sak.forventet]\nmerknader = ['MANGLER_INDIVIDUELL_VURDERING']"))
    assert mangler.startswith("merknad MANGLER_INDIVIDUELL_VURDERING mangler; merknader: ")
    assert avvik(enslig_sak("[sak.forventet]\nikke_vurdert = ['livsopphold']"))[0].startswith(
        "livsopphold: området skulle ikke vært vurdert"
    )
    assert (
        "området ble ikke vurdert"
        in avvik(enslig_sak("[sak.forventet.tull]\nutfall = 'oppfylt'"))[0]
    )
    assert "skulle vært avvist" in avvik(enslig_sak("[sak.forventet]\navvist = ['personer']"))[0]


def test_forventet_avvisning() -> None:
    tekst = enslig_sak("[sak.forventet]\navvist = ['personer[0].fodselsdato']").replace(
        "fodselsdato = 1990-01-01", 'fodselsdato = "1990-02-30"'
    )
    assert avvik(tekst) == ()
    feil_felt = tekst.replace("avvist = ['personer[0].fodselsdato']", "avvist = ['vurderingsdato']")
    assert "avvisningen nevner ikke vurderingsdato" in avvik(feil_felt)[0]
    uventet = tekst.replace("avvist = ['personer[0].fodselsdato']", "merknader = []")
    assert avvik(uventet)[0].startswith("saken ble avvist: personer[0].fodselsdato")


# --- writing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verdi",
    [
        'sitat " og \\ skråstrek',
        "linje\nlinje\ttab\r",
        "kontroll \x01\x7f",
        "æøå – «§ 18» 😀",
        "2024-13-01",
        "",
        12,
        -3,
        1234.5,
        True,
        [1, "a", [2]],
        {"a": 1, "b c": "d"},
        {},
    ],
)
def test_toml_verdier_leses_tilbake_likt(verdi: Any) -> None:
    lest = tomllib.loads(f"x = {toml_verdi(verdi)}")["x"]
    assert lest == verdi


def test_gyldige_datoer_skrives_som_toml_datoer() -> None:
    assert toml_verdi("2024-02-29") == "2024-02-29"
    assert toml_verdi("2023-02-29") == '"2023-02-29"'


def test_lagre_testsak_lager_fil_som_kjores_gront(tmp_path: Path) -> None:
    fil = tmp_path / "saker" / "fra_repl.toml"
    fil.parent.mkdir()
    vurdering = assess((REPO / "examples" / "familie.json").read_text("utf-8"))
    assert lagre_testsak(fil, "Familie", vurdering) == "Familie"
    assert lagre_testsak(fil, "Familie", vurdering) == "Familie (2)"  # appended, renamed
    saker = les_testfil(fil)
    assert [s.navn for s in saker] == ["Familie", "Familie (2)"]
    assert all(kjor_sak(s).ok for s in saker)
    tekst = fil.read_text("utf-8")
    assert tekst.startswith("# Testsaker for sosialregler")
    assert 'utfall = "skjonn"' in tekst and "belop_per_maned = 19850" in tekst


def test_lagre_testsak_beholder_kommentarer_og_skriver_aldri_en_odelagt_fil(tmp_path: Path) -> None:
    fil = tmp_path / "test_mine.toml"
    fil.write_text("# mine kommentarer\n" + enslig_sak(), "utf-8")
    lagre_testsak(fil, "Ny", assess((REPO / "examples" / "enslig.json").read_text("utf-8")))
    tekst = fil.read_text("utf-8")
    assert tekst.startswith("# mine kommentarer") and "merknader = [" in tekst
    assert [s.navn for s in les_testfil(fil)] == ["Enslig", "Ny"]
    odelagt = tmp_path / "odelagt.toml"
    odelagt.write_text("[[sak]\n", "utf-8")
    with pytest.raises(TestfilFeil):
        lagre_testsak(odelagt, "x", assess((REPO / "examples" / "enslig.json").read_text("utf-8")))
    assert odelagt.read_text("utf-8") == "[[sak]\n"


@settings(max_examples=30)
@given(cases(komplett=False, andre_omrader=True), st.text(min_size=1, max_size=30))
def test_hver_sak_lagret_som_testsak_kjores_gront(sak: dict[str, Any], navn: str) -> None:
    """Round trip: whatever a case gives today, saved as a test case, passes when run."""
    vurdering = assess(sak)
    tekst = toml_for_sak(navn.strip() or "sak", vurdering)
    (testsak,) = les_testtekst(tekst)
    resultat = kjor_sak(testsak)
    assert resultat.ok, (resultat.avvik, tekst)


# --- the command line -----------------------------------------------------------------------------


def test_cli_test_pa_prosjektets_saker() -> None:
    kjoring = kjor("test", "tests/saker")
    assert kjoring.kode == 0, kjoring.ut + kjoring.feil
    assert "0 feilet" in kjoring.ut and "Demo: familie" in kjoring.ut


def test_cli_test_feil_gir_kode_3_og_sier_hvorfor(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        enslig_sak() + enslig_sak("[sak.forventet.livsopphold]\nbelop_per_maned = 1", navn="Feil"),
        "utf-8",
    )
    (tmp_path / "regler.toml").write_text("ikke = 'en testfil'\n", "utf-8")  # passed over
    kjoring = kjor("test", tmp_path)
    assert kjoring.kode == 3
    assert "FEIL  Feil" in kjoring.ut and "forventet 1" in kjoring.ut and "1 feilet" in kjoring.ut
    json_ut = json.loads(kjor("test", tmp_path, "--format", "json").ut)
    assert [s["ok"] for s in json_ut["saker"]] == [True, False]
    assert kjor("test", tmp_path, "-k", "enslig").kode == 0  # the filter keeps the passing one


def test_cli_test_odelagt_fil_gir_kode_2(tmp_path: Path) -> None:
    fil = tmp_path / "x.toml"
    fil.write_text(enslig_sak(ekstra="belopp = 1"), "utf-8")
    kjoring = kjor("test", fil)
    assert kjoring.kode == 2 and "belopp" in kjoring.ut
    assert kjor("test", tmp_path / "finnes-ikke").kode == 2


# --- the pytest plugin ----------------------------------------------------------------------------


def test_pytest_tillegget_samler_og_rapporterer(tmp_path: Path) -> None:
    saker = tmp_path / "saker"
    saker.mkdir()
    (saker / "livsopphold.toml").write_text(
        enslig_sak(navn="Riktig")
        + enslig_sak("[sak.forventet.livsopphold]\nbelop_per_maned = 1", navn="Galt"),
        "utf-8",
    )
    (tmp_path / "test_avvist.toml").write_text(enslig_sak(ekstra="belopp = 1"), "utf-8")
    (tmp_path / "annet.toml").write_text("ikke = 'samlet'\n", "utf-8")
    miljo = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    prosess = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "sosialregler.testfiler",
            "--continue-on-collection-errors",
            "-q",
            "-p",
            "no:cacheprovider",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=miljo,
        timeout=120,
        check=False,
    )
    ut = prosess.stdout
    assert prosess.returncode == 1, ut
    assert "1 passed" in ut and "1 failed" in ut and "1 error" in ut, ut
    assert "livsopphold.belop_per_maned: forventet 1" in ut  # the failure reads as a case
    assert "belopp" in ut  # the malformed file is a collection error naming the key
    assert "Traceback" not in ut
