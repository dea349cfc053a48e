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
from sosialregler import assess
from sosialregler.verktoy.repl import KOMMANDOER, Repl, les_verdi, stier
from tekstlekk import lekkasjer

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
    assert "Stønad til livsopphold: beløp per måned 19 850 kr → 14 850 kr" in ut
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
    assert "beløpet blir 0 når inntekten «Arbeidsinntekt» på 9 000 kr er 28 850 kr" in siste(ut)
    assert "inntekter[" not in siste(ut) and "- livsopphold:" not in siste(ut)
    r.utfor("sett inntekter[0].belop_per_maned 40000")
    r.utfor("hvorfor livsopphold")
    tekst = siste(ut)
    assert "blir over 0 når inntekten som regnes med, er under 28 850 kr" in tekst
    assert "(kontrollert)" in tekst
    # the change in words, not as the path a case system reads
    assert "endring: beløp per måned (inntekten «Arbeidsinntekt») 40 000 kr → " in tekst
    svar = tekst.split("- Stønad til livsopphold:", 1)[1]  # after the echo of «sett»
    assert "inntekter[" not in svar


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
    assert "19 850 kr per måned" in kjoring.ut
    assert "Stønad til livsopphold: utfall skjønn → uavklart" in kjoring.ut


def test_fullforing_og_verdier() -> None:
    r, _ = repl()
    assert r.kandidater("", "hv") == ["hva-om ", "hvorfor "]
    assert "inntekter[0].belop_per_maned" in r.kandidater("sett inntekter[0].b", "inntekter[0].b")
    assert "kommune" in r.kandidater("sett ko", "ko")  # a field the contract knows, not yet set
    assert "inntekter[2]" in set(stier(r.sak))  # the next element, to add one
    assert r.kandidater("forklar livsopphold ", "") == ["nb", "nn", "en"]
    assert r.kandidater("sprak n", "n") == ["nb", "nn"]
    assert r.kandidater("last examples/fam", "examples/fam") == ["examples/familie.json"]
    assert les_verdi("12000") == 12000 and les_verdi("null") is None
    assert les_verdi("1990-01-01") == "1990-01-01" and les_verdi("'to ord'") == "to ord"


def test_lagre_test_med_kommunale_satser_navngir_satsfilen(tmp_path: Path) -> None:
    from sosialregler import regelbok
    from sosialregler.verktoy.testfiler import kjor as kjor_testfiler

    satser = REPO / "examples" / "kommunale-satser-eksempel.toml"
    ut = io.StringIO()
    r = Repl(ut, regler=regelbok(satser=satser), satssti=str(satser))
    assert r.utfor(f"last {REPO / 'examples' / 'enslig.json'}")
    fil = tmp_path / "kommune.toml"
    r.utfor(f"lagre-test {fil} Enslig med kommunens satser")
    assert 'satser = "' in fil.read_text("utf-8")
    rapport = kjor_testfiler([fil])
    assert rapport.ok and len(rapport.resultater) == 1, rapport.tekst()


# --- issue 15, point 12: the README's example is true, the what-if reads as words --------------


def test_readme_eksempelet_lagrer_den_hoyere_inntekten(tmp_path: Path) -> None:
    """The README's REPL example saved «Familie med høyere inntekt» with the original income:
    ``hva-om`` does not change the case. The example now changes it with ``sett`` first."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("### The caseworker's REPL")
    blokk = readme[start : readme.index("```", readme.index("```", start) + 3)]
    linjer = [
        linje.split("sosialregler> ", 1)[1].split("  #")[0].strip()
        for linje in blokk.splitlines()
        if "sosialregler> " in linje
    ]
    assert any(linje.startswith("sett inntekter[0].belop_per_maned") for linje in linjer), linjer
    testfil = tmp_path / "saker" / "mine.toml"
    testfil.parent.mkdir()
    ut = io.StringIO()
    r = Repl(ut)
    for linje in linjer:
        linje = linje.replace("examples/familie.json", str(FAMILIE))
        linje = linje.replace("saker/mine.toml", str(testfil))
        if linje == "avslutt":
            break
        assert r.utfor(linje)
    assert "Feil" not in ut.getvalue(), ut.getvalue()
    lagret = testfil.read_text(encoding="utf-8")
    assert "Familie med høyere inntekt" in lagret
    assert "14000" in lagret and "14850" in lagret.replace(" ", "").replace("_", "")
    kjoring = kjor("test", testfil)
    assert kjoring.kode == 0, kjoring.ut


def test_hjelp_sier_at_hva_om_ikke_endrer_saken() -> None:
    r, ut = repl()
    r.utfor("hjelp hva-om")
    tekst = siste(ut)
    assert "endres ikke" in tekst and "sett" in tekst
    r.utfor("hjelp lagre-test")
    assert "sett inntekter[0].belop_per_maned 14000" in siste(ut)


def test_hva_om_viser_etiketter_ikke_koder() -> None:
    r, ut = repl()
    r.utfor("hva-om inntekter[0].belop_per_maned 30000")
    tekst = siste(ut)
    assert "skjønn → ikke oppfylt" in tekst
    assert "Stønad til livsopphold" in tekst and "beløp per måned" in tekst
    for kode in ("skjonn", "ikke_oppfylt", "belop_per_maned:", "livsopphold.utfall"):
        assert kode not in tekst, tekst


def test_hva_om_sier_endret_bare_nar_noe_endres() -> None:
    r, ut = repl()
    r.utfor("hva-om inntekter[0].belop_per_maned 9000")  # the value the case has
    tekst = siste(ut)
    assert "Endret" not in tekst
    assert (
        "Ingen endring: saken har allerede beløp per måned (inntekten «Arbeidsinntekt») 9 000 kr"
        in tekst
    )
    r.utfor("hva-om inntekter[0].belop_per_maned 14000")
    assert "Endret i en kopi av saken" in siste(ut)


def test_forklar_omrade_som_ikke_er_vurdert() -> None:
    """A case without KVP facts: the area was not assessed, not «ukjent område»."""
    r, ut = repl()
    r.utfor("forklar kvalifiseringsprogram")
    tekst = siste(ut)
    assert "ikke vurdert i denne saken" in tekst and "ukjent område" not in tekst
    r.utfor("hvorfor kvalifiseringsprogram")
    assert "ikke vurdert i denne saken" in siste(ut)
    r.utfor("forklar tull")
    assert "ukjent område «tull»" in siste(ut)


def test_lang_tekst_vises_side_for_side_paa_en_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydoc
    import shutil

    sider: list[str] = []
    monkeypatch.setattr(pydoc, "pager", sider.append)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a, **k: os.terminal_size((80, 24)))
    r, ut = repl()
    r.utfor("forklar")  # not a terminal: printed as it is
    assert not sider and "Stønad til livsopphold" in siste(ut)
    r.interaktiv = True
    r.utfor("forklar")
    assert len(sider) == 1 and sider[0].count("\n") > 24
    assert "Stønad til livsopphold" not in siste(ut)
    r.utfor("forklar omfang")  # short: no pager
    assert len(sider) == 1 or sider[-1].count("\n") > 22


# --- flags by their texts, the session's language, files read as the command line reads them ----


def test_vurder_viser_merknadenes_tekst_ikke_kode() -> None:
    """«Merknader:» listed codes (AKTIVITETSVILKAR_PARTNER_VURDERES); now each flag's text."""
    r, ut = repl()
    r.utfor("vurder")
    tekst = siste(ut)
    merknader = tekst.split("Merknader:")[1]
    assert "AKTIVITETSVILKAR" not in merknader and "_" not in merknader
    assert "- Ektefellen er søkerens ektefelle eller samboer" in merknader  # by role, not «p2»
    assert "p2" not in merknader
    assert "saksbehandler må ta stilling til det." in " ".join(merknader.split())


def test_sprak_nn_og_en_for_vurder_og_forklar() -> None:
    r, ut = repl()
    assert r.utfor("sprak nn")
    assert "nynorsk" in siste(ut)
    r.utfor("vurder")
    tekst = siste(ut)
    assert "Skjønn – sakshandsamaren må vurdere; 19 850 kr per månad" in tekst
    assert "ektefellen eller sambuaren til søkjaren" in tekst
    assert "grunngivinga" in tekst and "begrunnelsen" not in tekst
    r.utfor("forklar livsopphold")
    assert "STØNAD TIL LIVSOPPHALD" in siste(ut)
    r.utfor("forklar livsopphold nb")  # the language last on the line wins
    assert "STØNAD TIL LIVSOPPHOLD" in siste(ut)
    r.utfor("sprak en")
    r.utfor("vurder")
    tekst = siste(ut)
    assert "NOK 19,850 per month" in tekst and "Notes:" in tekst
    r.utfor("sprak")
    assert "Språk: en" in siste(ut)
    r.utfor("sprak sv")
    assert "ukjent språk «sv»" in siste(ut)


def test_hjelp_viser_sprak() -> None:
    r, ut = repl()
    r.utfor("hjelp")
    oversikt = siste(ut)
    assert "sprak [nb|nn|en]" in oversikt and "forklar [OMRADE] [nb|nn|en]" in oversikt
    r.utfor("hjelp sprak")
    assert "sprak nn" in siste(ut)


def test_last_leser_med_grense_og_norske_feil(tmp_path: Path) -> None:
    """``last`` read the whole file (``/dev/zero`` without end) and showed the operating
    system's English («[Errno 2] No such file or directory»); now as the command line."""
    r, ut = repl()
    r.utfor(f"last {tmp_path / 'finnes-ikke.json'}")
    tekst = siste(ut)
    assert "den finnes ikke (sjekk navnet og mappen)" in tekst and "Errno" not in tekst
    r.utfor(f"last {tmp_path}")
    assert "det er en mappe, ikke en fil" in siste(ut)
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"sak_id": "Ærlig"}'.encode("latin-1"))
    r.utfor(f"last {latin1}")
    tekst = siste(ut)
    assert "ikke UTF-8" in tekst and "codec" not in tekst
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + FAMILIE.read_bytes())
    r.utfor(f"last {bom}")
    assert "Lastet" in siste(ut)
    if Path("/dev/zero").exists():
        r.utfor("last /dev/zero")
        tekst = siste(ut)
        assert "større enn grensen på 5 000 000 byte" in tekst and "byte=N" in tekst
    assert r.sak["sak_id"] == "demo-familie-2024"  # a failed load leaves the case as it was


@pytest.mark.parametrize("sprak", ["nb", "nn", "en"])
def test_forklar_omrade_viser_etiketter_som_arbeidsnotatet(sprak: str) -> None:
    """«forklar OMRADE» rendered the decision without the case's labels: «Typene botilbud som
    pågår: kommunal_midlertidig_bolig», persons by id; now as the working paper does."""
    fil = REPO / "examples" / "botilbud.json"
    ut = io.StringIO()
    r = Repl(ut)
    assert r.utfor(f"last {fil}")
    siste(ut)
    r.utfor(f"forklar midlertidig_botilbud {sprak}")
    tekst = siste(ut)
    assert "kommunal_midlertidig_bolig" not in tekst
    assert not lekkasjer(tekst, sprak, ["p1", "b1"]), lekkasjer(tekst, sprak, ["p1", "b1"])
    papir = assess(json.loads(fil.read_text("utf-8"))).explain(sprak)
    linjer = [x for x in tekst.splitlines() if x.startswith("  ") and "https://" not in x]
    assert linjer and all(x in papir.splitlines() for x in linjer)
