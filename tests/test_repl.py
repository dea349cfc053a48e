"""The caseworker's REPL (``sosialregler repl``), driven through a real pseudo-terminal.

pexpect runs the console command in a pty, so readline is live: the prompt, tab completion,
history and Ctrl-C/Ctrl-D behave as they do for a caseworker. The commands' finer points are
tested by calling ``Repl.utfor`` directly, which is fast.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from helpers_cli import FAMILIE, REPO, kjor
from sosialregler.repl import KOMMANDOER, Repl, les_verdi, stier

pexpect = pytest.importorskip("pexpect")

LEDETEKST = "sosialregler> "


def start(tmp_path: Path, *argumenter: str) -> pexpect.spawn:
    """``sosialregler repl ARGS`` in a pty, with a private history file and no user config."""
    miljo = {k: v for k, v in os.environ.items() if k != "SOSIALREGLER_DEBUG"}
    miljo.update(
        TERM="dumb",
        INPUTRC=os.devnull,
        PYTHONIOENCODING="utf-8",
        SOSIALREGLER_HISTORIKK=str(tmp_path / "historikk"),
    )
    barn = pexpect.spawn(
        sys.executable,
        ["-m", "sosialregler", "repl", *argumenter],
        cwd=str(REPO),
        env=miljo,
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 200),
    )
    barn.expect_exact(LEDETEKST)
    return barn


def kommando(barn: pexpect.spawn, linje: str) -> str:
    """Send a line and return what came before the next prompt."""
    barn.sendline(linje)
    barn.expect_exact(LEDETEKST)
    ut: str = barn.before
    assert "Traceback" not in ut, ut
    return ut


def avslutt(barn: pexpect.spawn) -> None:
    barn.sendline("avslutt")
    barn.expect(pexpect.EOF)
    barn.close()
    assert barn.exitstatus == 0


def test_last_demo_hva_om_inntekt_og_lagre_test_som_kjores_gront(tmp_path: Path) -> None:
    """The issue's acceptance run: load the demo case, change income with hva-om, see the new
    amount; save it with lagre-test; the file passes with ``sosialregler test``."""
    barn = start(tmp_path)
    ut = kommando(barn, f"last {FAMILIE}")
    assert "demo-familie-2024" in ut
    ut = kommando(barn, "vurder")
    assert "livsopphold" in ut and "19 850 kr per måned" in ut
    ut = kommando(barn, "hva-om inntekter[0].belop_per_maned 14000")
    assert "livsopphold.belop_per_maned: 19 850 kr → 14 850 kr" in ut
    assert "19 850 kr per måned" in kommando(barn, "vurder")  # the case itself is unchanged
    testfil = tmp_path / "saker" / "familie.toml"
    testfil.parent.mkdir()
    ut = kommando(barn, f"lagre-test {testfil} Familie fra REPL")
    assert "Familie fra REPL" in ut
    avslutt(barn)
    kjoring = kjor("test", testfil)
    assert kjoring.kode == 0, kjoring.ut
    assert "ok    Familie fra REPL" in kjoring.ut


def test_tab_fullforer_kommandoer_og_stier_og_historikken_huskes(tmp_path: Path) -> None:
    barn = start(tmp_path, str(FAMILIE))
    barn.send("hva-\t")  # the command …
    barn.expect_exact("hva-om ")
    barn.send("inntekter[0].bel\t")  # … and a JSON path in the case
    barn.expect_exact("inntekter[0].belop_per_maned")
    ut = kommando(barn, " 0")
    assert "19 850 kr → 28 850 kr" in ut
    barn.send("forklar liv\t")  # an area
    barn.expect_exact("forklar livsopphold ")
    ut = kommando(barn, "")
    assert "STØNAD TIL LIVSOPPHOLD" in ut and "Begrunnelse" in ut
    avslutt(barn)
    historikk = (tmp_path / "historikk").read_text("utf-8")
    assert "hva-om inntekter[0].belop_per_maned 0" in historikk
    # A new session recalls the last command with Ctrl-P (readline's previous-history).
    barn = start(tmp_path, str(FAMILIE))
    barn.send("\x10")  # Ctrl-P: "avslutt"
    barn.send("\x10")  # Ctrl-P again: "forklar livsopphold"
    barn.sendline("")
    barn.expect_exact("STØNAD TIL LIVSOPPHOLD")
    barn.expect_exact(LEDETEKST)
    avslutt(barn)


def test_feil_gir_melding_og_ledeteksten_tilbake(tmp_path: Path) -> None:
    barn = start(tmp_path, str(FAMILIE))
    assert "Ukjent kommando «vurdere»" in kommando(barn, "vurdere")
    assert "ugyldig sti" in kommando(barn, "sett inntekter[x] 1")
    ut = kommando(barn, "sett inntekter[0].belop_per_maned -5")
    assert "Avvist:" in ut and "beløp kan ikke være negativt" in ut
    assert "finnes ikke i saken" in kommando(barn, "vis kvp.person")
    assert "bruk: hva-om STI VERDI" in kommando(barn, "hva-om inntekter[0].belop_per_maned")
    assert "filen kan ikke leses" in kommando(barn, "last /finnes/ikke.json")
    assert "ukjent område" in kommando(barn, "forklar tull")
    barn.send("vurd")
    barn.expect_exact("vurd")  # readline has the line
    barn.sendintr()  # Ctrl-C drops the line, not the session
    barn.expect_exact("^C")
    barn.expect_exact(LEDETEKST)
    assert "19 850 kr" in kommando(barn, "vurder")  # the case survived every error
    barn.sendeof()  # Ctrl-D ends the session
    barn.expect(pexpect.EOF)
    barn.close()
    assert barn.exitstatus == 0


# --- the commands, called directly -------------------------------------------------------------


def repl() -> tuple[Repl, io.StringIO]:
    ut = io.StringIO()
    r = Repl(ut)
    assert r.utfor(f"last {FAMILIE}")
    return r, ut


def siste(ut: io.StringIO) -> str:
    tekst = ut.getvalue()
    ut.seek(0)
    ut.truncate()
    return tekst


def test_hjelp_for_hver_kommando() -> None:
    r, ut = repl()
    r.utfor("hjelp")
    oversikt = siste(ut)
    for k in KOMMANDOER:
        assert k.navn in oversikt
        r.utfor(f"hjelp {k.navn}")
        assert k.bruk in siste(ut)
    r.utfor("hjelp tull")
    assert "Ukjent kommando" in siste(ut)


def test_sett_fjern_vis_og_lagre(tmp_path: Path) -> None:
    r, ut = repl()
    r.utfor("sett inntekter[0].belop_per_maned 14000")
    r.utfor('sett personer[3] {"id": "b2", "rolle": "barn", "fodselsdato": "2020-01-01"}')
    r.utfor("sett individuell_vurdering Husleien er vurdert")
    assert r.sak["individuell_vurdering"] == "Husleien er vurdert"
    r.utfor("fjern bofellesskap")
    assert "bofellesskap" not in r.sak
    r.utfor("sett bofellesskap false")
    siste(ut)
    r.utfor("vurder")
    assert "kr per måned" in siste(ut)
    r.utfor("vis personer[3].id")
    assert siste(ut).strip() == '"b2"'
    r.utfor('sett personer[1].rolle "soker"')  # two applicants: rejected, case kept
    assert (
        "saken må ha nøyaktig én person" in siste(ut)
        and r.sak["personer"][1]["rolle"] == "ektefelle"
    )
    fil = tmp_path / "sak.json"
    r.utfor(f"lagre {fil}")
    assert json.loads(fil.read_text("utf-8")) == r.sak
    assert not r.utfor("avslutt")


def test_hvorfor_gir_inntekt_ved_null_og_hva_som_snur_et_avslag() -> None:
    r, ut = repl()
    r.utfor("hvorfor")
    assert "beløpet blir 0 når inntekter[0].belop_per_maned er 28 850 kr" in siste(ut)
    r.utfor("sett inntekter[0].belop_per_maned 40000")
    r.utfor("hvorfor livsopphold")
    tekst = siste(ut)
    assert "blir over 0 når inntekten som regnes med, er under 28 850 kr" in tekst
    assert "(kontrollert)" in tekst


def test_uten_fil_starter_en_ny_sak_og_kan_bygges() -> None:
    ut = io.StringIO()
    r = Repl(ut)
    for linje in (
        "sett vurderingsdato 2024-03-01",
        "sett personer[0].fodselsdato 1990-01-01",
        "sett bofellesskap false",
        "sett inntekter []",
        "sett formue []",
        "sett boutgifter []",
        "vurder",
    ):
        assert r.utfor(linje)
    assert "7 850 kr per måned" in ut.getvalue()


def test_ledetekst_uten_terminal_leser_kommandoer_fra_standard_inn() -> None:
    kjoring = kjor("repl", FAMILIE, stdin="vurder\nhva-om boutgifter null\n")
    assert kjoring.kode == 0
    assert "19 850 kr per måned" in kjoring.ut and "livsopphold.utfall" in kjoring.ut


def test_fullforing_og_verdier() -> None:
    r, _ = repl()
    assert r.kandidater("", "hv") == ["hva-om ", "hvorfor "]
    assert "inntekter[0].belop_per_maned" in r.kandidater("sett inntekter[0].b", "inntekter[0].b")
    assert "kommune" in r.kandidater("sett ko", "ko")  # a field the contract knows, not yet set
    assert "inntekter[2]" in set(stier(r.sak))  # the next element, to add one
    assert r.kandidater("forklar livsopphold ", "") == ["nb", "en"]
    assert r.kandidater("last examples/fam", "examples/fam") == ["examples/familie.json"]
    assert les_verdi("12000") == 12000 and les_verdi("null") is None
    assert les_verdi("1990-01-01") == "1990-01-01" and les_verdi("'to ord'") == "to ord"


def test_lagre_test_med_kommunale_satser_navngir_satsfilen(tmp_path: Path) -> None:
    from sosialregler import regelbok
    from sosialregler.testfiler import kjor as kjor_testfiler

    satser = REPO / "examples" / "kommunale-satser-eksempel.toml"
    ut = io.StringIO()
    r = Repl(ut, regler=regelbok(satser=satser), satssti=str(satser))
    assert r.utfor(f"last {REPO / 'examples' / 'enslig.json'}")
    fil = tmp_path / "kommune.toml"
    r.utfor(f"lagre-test {fil} Enslig med kommunens satser")
    assert 'satser = "' in fil.read_text("utf-8")
    rapport = kjor_testfiler([fil])
    assert rapport.ok and len(rapport.resultater) == 1, rapport.tekst()
