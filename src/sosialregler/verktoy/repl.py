"""The caseworker's REPL: ``sosialregler repl [SAK.json]``.

Norwegian commands with tab completion (commands, JSON paths in the case and the fields the
contract knows, areas, file names) and history (``~/.sosialregler_historikk``, or the file
``SOSIALREGLER_HISTORIKK`` names; empty: none). Every command has ``hjelp KOMMANDO``. Bad
input gets a message and the prompt back, never a traceback::

    sosialregler> last examples/familie.json
    sosialregler> vurder
    sosialregler> hva-om inntekter[0].belop_per_maned 14000
    sosialregler> sett inntekter[0].belop_per_maned 14000
    sosialregler> lagre-test saker/mine.toml Familie med høyere inntekt
    sosialregler> avslutt

``sprak nb|nn|en`` chooses the language of ``vurder`` and ``forklar`` for the session.
``hva-om`` assesses a changed copy and leaves the case as it is; ``sett`` changes the case, so
the test saved after it has the higher income its name says. Long output (``forklar``) is shown
a page at a time on a terminal (the pager in ``PAGER``, else ``less``; «q» leaves it).

A value is read as JSON when it is JSON (``12000``, ``true``, ``null``, ``{"id": "b2", ...}``)
and as text otherwise (``1990-01-01``, ``Husleien er vurdert``). ``null`` removes a field:
in the contract an absent fact is unknown.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import textwrap
import types
import typing
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO, get_args, get_origin

import attrs

from ..api import assess, default_rulebook, read_sak
from ..inndata.contract import les_json
from ..inndata.errors import RegelFeil, UgyldigSak
from ..inndata.facts import Sak
from ..inndata.filer import les_fil
from ..lov.sprak import SPRAK
from ..lov.tree import fakta_til_json
from ..utdata.explain import (
    UTFALLSORD,
    forklar_vedtak,
    formater,
    kroner,
    manglertekst,
    merknadstekster,
    personetiketter,
)
from ..utdata.hvaom import break_even, endre, endringstekst, feltnavn, hent, vis_verdi, why_not
from ..versjon import __version__
from ..vurdering.areas.base import BEREGNET
from .testfiler import TestfilFeil, lagre_testsak

if typing.TYPE_CHECKING:
    from ..lov.rulebook.book import Regelbok
    from ..utdata.assessment import Assessment

LEDETEKST = "sosialregler> "
HISTORIKKFIL = ".sosialregler_historikk"  # in the home folder, unless SOSIALREGLER_HISTORIKK


@attrs.frozen
class Kommando:
    navn: str
    bruk: str  # usage line
    kort: str  # one line of help
    lang: str  # more help, with an example
    metode: str  # the Repl method that runs it


KOMMANDOER: tuple[Kommando, ...] = (
    Kommando("hjelp", "hjelp [KOMMANDO]", "vis kommandoene, eller hjelp til én", "", "_hjelp"),
    Kommando(
        "last",
        "last FIL",
        "last en sak (JSON etter kontrakten)",
        "Leser saken og kontrollerer den som kontrakten gjør; en sak med feil lastes ikke, og "
        "hver feil vises med sti, verdi og grunn.\nEksempel: last examples/familie.json",
        "_last",
    ),
    Kommando(
        "vis",
        "vis [STI]",
        "vis opplysningene i saken (eller én verdi)",
        "Eksempel: vis inntekter   ·   vis personer[0].fodselsdato",
        "_vis",
    ),
    Kommando(
        "sett",
        "sett STI VERDI",
        "endre en opplysning (kontrolleres som kontrakten gjør)",
        "VERDI leses som JSON når den er JSON (12000, true, null, {...}), ellers som tekst. "
        "null fjerner feltet (ukjent). En indeks lik listens lengde legger til et element.\n"
        "Eksempel: sett inntekter[0].belop_per_maned 12000\n"
        '         sett personer[3] {"id": "b2", "rolle": "barn", "fodselsdato": "2019-04-01"}',
        "_sett",
    ),
    Kommando(
        "fjern",
        "fjern STI",
        "fjern en opplysning (den blir ukjent), eller et element i en liste",
        "Eksempel: fjern bofellesskap   ·   fjern inntekter[1]",
        "_fjern",
    ),
    Kommando("vurder", "vurder", "vurder saken: kort oppsummering per område", "", "_vurder"),
    Kommando(
        "forklar",
        "forklar [OMRADE] [nb|nn|en]",
        "hele forklaringen for et område (eller alle)",
        "På en terminal vises lang tekst side for side (PAGER, ellers less; q avslutter).\n"
        "Språket er det «sprak» valgte, eller det som står sist.\n"
        "Eksempel: forklar livsopphold   ·   forklar livsopphold nn",
        "_forklar",
    ),
    Kommando(
        "hva-om",
        "hva-om STI VERDI",
        "vurder en endret kopi og vis hva som endres (saken endres ikke)",
        "Viser endringer i utfall, beløp, manglende opplysninger og merknader. Saken selv "
        "endres ikke: bruk «sett» for å endre den (for eksempel før «lagre-test»).\n"
        "Eksempel: hva-om inntekter[0].belop_per_maned 14000\n"
        "          sett inntekter[0].belop_per_maned 14000",
        "_hva_om",
    ),
    Kommando(
        "hvorfor",
        "hvorfor [OMRADE]",
        "hva som kan endre et avslag, og inntekten der beløpet blir 0",
        "For hvert ikke oppfylt vedtak: den minste endringen som snur det der regelen gjør "
        "det mulig å regne ut (kontrollert ved å vurdere saken med endringen).",
        "_hvorfor",
    ),
    Kommando("lagre", "lagre FIL", "lagre saken som JSON", "Eksempel: lagre sak.json", "_lagre"),
    Kommando(
        "lagre-test",
        "lagre-test FIL [NAVN]",
        "lagre saken og dagens utfall som testsak (kjør med sosialregler test)",
        "Legger saken til i testfilen (TOML; opprettes om den ikke finnes) med utfall, beløp, "
        "manglende opplysninger og merknader slik de er nå. «hva-om» endrer ikke saken: "
        "endre den med «sett» først.\n"
        "Eksempel: sett inntekter[0].belop_per_maned 14000\n"
        "          lagre-test saker/familie.toml Familie med høyere inntekt",
        "_lagre_test",
    ),
    Kommando(
        "sprak",
        "sprak [nb|nn|en]",
        "velg språket svarene gis på (bokmål, nynorsk, engelsk), eller vis det",
        "Gjelder «vurder» og «forklar» (som også tar språket sist: forklar livsopphold nn). "
        "«hva-om» og «hvorfor» svarer på bokmål når språket er nynorsk.\n"
        "Eksempel: sprak nn",
        "_sprak",
    ),
    Kommando("avslutt", "avslutt", "avslutt (også Ctrl-D)", "", "_avslutt"),
)
_KOMMANDO = {k.navn: k for k in KOMMANDOER}

#: The REPL's own words in ``vurder``, per language (the rest comes from the rules' texts).
ORD: dict[str, dict[str, str]] = {
    "nb": {
        "dato": "Vurderingsdato",
        "sak": "sak",
        "ingen": "Ingen områder vurdert.",
        "mangler": "mangler",
        "merknader": "Merknader:",
        "per_maned": "per måned",
        "avslag": "ingen utbetaling (avslag)",
        "ukjent": "ukjent",
        "hint": "«forklar OMRADE» gir hele begrunnelsen; «hvorfor» hva som kan endre et avslag.",
        "valgt": "Svarene gis nå på bokmål.",
        "endring": "endring",
        "kontrollert": "kontrollert",
        "ikke_bekreftet": "ikke bekreftet",
        "ingenting": "Ingen avslag å forklare, og ingen inntektsgrense å regne ut.",
    },
    "nn": {
        "dato": "Vurderingsdato",
        "sak": "sak",
        "ingen": "Ingen område er vurderte.",
        "mangler": "manglar",
        "merknader": "Merknader:",
        "per_maned": "per månad",
        "avslag": "inga utbetaling (avslag)",
        "ukjent": "ukjend",
        "hint": "«forklar OMRADE» gir heile grunngivinga; «hvorfor» kva som kan endre eit avslag.",
        "valgt": "Svara blir no gitt på nynorsk.",
        "endring": "endring",
        "kontrollert": "kontrollert",
        "ikke_bekreftet": "ikkje stadfesta",
        "ingenting": "Ingen avslag å forklare, og inga inntektsgrense å rekne ut.",
    },
    "en": {
        "dato": "Assessment date",
        "sak": "case",
        "ingen": "No areas assessed.",
        "mangler": "missing",
        "merknader": "Notes:",
        "per_maned": "per month",
        "avslag": "no payment (refused)",
        "ukjent": "unknown",
        "hint": "«forklar AREA» gives the full reasoning; «hvorfor» what could change a refusal.",
        "valgt": "Answers are now given in English.",
        "endring": "change",
        "kontrollert": "checked",
        "ikke_bekreftet": "not confirmed",
        "ingenting": "No refusal to explain, and no income threshold to compute.",
    },
}


class _Avslutt(Exception):
    pass


def ny_sak() -> dict[str, Any]:
    """An empty case to build on: the applicant only, assessed today."""
    return {
        "vurderingsdato": date.today().isoformat(),
        "personer": [{"id": "p1", "rolle": "soker"}],
    }


class Repl:
    """One REPL session. ``utfor(linje)`` runs one command line (for tests and scripts)."""

    def __init__(
        self,
        ut: TextIO | None = None,
        *,
        regler: Regelbok | None = None,
        historikk: Path | None = None,
        regelsti: str | None = None,
        satssti: str | None = None,
    ) -> None:
        self.ut = ut if ut is not None else sys.stdout
        self.regler = regler
        self.regelsti, self.satssti = regelsti, satssti  # written into lagre-test files
        self.sak: dict[str, Any] = ny_sak()
        self.fil: Path | None = None
        self._vurdering: Assessment | None = None
        self.historikk = historikk
        self.interaktiv = False  # set by kjor: long output goes through a pager on a terminal
        self.sprak = "nb"  # the language of the answers (``sprak``)

    # --- the loop ----------------------------------------------------------------------------
    def kjor(self, fil: str | None = None, inn: TextIO | None = None) -> int:
        """Read commands until ``avslutt`` or end of input; returns the exit status (0)."""
        inn = inn if inn is not None else sys.stdin
        interaktiv = inn.isatty() and self.ut.isatty()
        self.interaktiv = interaktiv
        rl = self._readline() if interaktiv else None
        forrige_sigint = None
        if interaktiv:  # Ctrl-C drops the line even if SIGINT was inherited as ignored
            with contextlib.suppress(ValueError):  # not the main thread: leave it be
                forrige_sigint = signal.signal(signal.SIGINT, signal.default_int_handler)
        self._skriv(
            f"sosialregler {__version__} – skriv «hjelp» for kommandoene, «avslutt» for å avslutte."
        )
        try:
            if fil is not None:
                self.utfor(f"last {fil}")
            else:
                self._skriv("Ny sak (bare søkeren); last en sak med «last FIL».")
            while True:
                try:
                    linje = input(LEDETEKST) if interaktiv else inn.readline()
                except EOFError:
                    self._skriv("")
                    break
                except KeyboardInterrupt:
                    self._skriv("^C")
                    continue
                if not interaktiv and linje == "":
                    break
                if not self.utfor(linje):
                    break
        finally:
            if rl is not None and self.historikk is not None:
                with contextlib.suppress(OSError):
                    rl.write_history_file(str(self.historikk))
            if forrige_sigint is not None:
                signal.signal(signal.SIGINT, forrige_sigint)
        return 0

    def utfor(self, linje: str) -> bool:
        """Run one command line; False when the session should end. Never raises."""
        linje = linje.strip()
        if not linje or linje.startswith("#"):
            return True
        navn, _, resten = linje.partition(" ")
        kommando = _KOMMANDO.get(navn)
        if kommando is None:
            forslag = [k.navn for k in KOMMANDOER if k.navn.startswith(navn[:2])]
            self._skriv(
                f"Ukjent kommando «{navn}»."
                + (f" Mente du {' eller '.join(forslag)}?" if forslag else "")
                + " Skriv «hjelp» for kommandoene."
            )
            return True
        try:
            getattr(self, kommando.metode)(resten.strip())
        except _Avslutt:
            return False
        except UgyldigSak as exc:
            self._skriv("Avvist:")
            for f in exc.feil:
                verdi = json.dumps(f.verdi, ensure_ascii=False, default=str)
                self._skriv(f"  {f.felt}: {f.melding} (verdi: {verdi})")
        except RegelFeil as exc:
            self._skriv(f"Feil i reglene: {exc}")
        except (OSError, ValueError) as exc:
            self._skriv(f"Feil: {exc}")
        except Exception as exc:  # a bug: said so, and the prompt comes back
            self._skriv(
                f"Intern feil i sosialregler (en feil i biblioteket): {type(exc).__name__}: {exc}"
            )
        return True

    def _skriv(self, tekst: str = "") -> None:
        print(tekst, file=self.ut, flush=True)

    def _skriv_lang(self, tekst: str) -> None:
        """Long output: a page at a time on a terminal (``pydoc.pager``: ``PAGER``, else
        ``less``), when it is taller than the window; else printed as it is."""
        if self.interaktiv and tekst.count("\n") + 1 > shutil.get_terminal_size().lines - 2:
            import pydoc  # start-up: pydoc loads ~20 modules; only a long page needs it

            pydoc.pager(tekst)
            return
        self._skriv(tekst)

    # --- the case ----------------------------------------------------------------------------
    def _regelbok(self) -> Regelbok:
        return self.regler or default_rulebook()

    def vurdering(self) -> Assessment:
        """The current case assessed (kept until the case changes)."""
        if self._vurdering is None:
            self._vurdering = assess(self.sak, regler=self._regelbok(), keep_trace=True)
        return self._vurdering

    def _bytt(self, sak: dict[str, Any]) -> None:
        read_sak(sak)  # validated exactly as the contract validates; raises UgyldigSak
        self.sak = sak
        self._vurdering = None

    # --- commands ----------------------------------------------------------------------------
    def _hjelp(self, arg: str) -> None:
        if arg:
            k = _KOMMANDO.get(arg)
            if k is None:
                self._skriv(f"Ukjent kommando «{arg}». Kommandoer: " + ", ".join(_KOMMANDO))
                return
            self._skriv(f"{k.bruk}\n  {k.kort}")
            if k.lang:
                self._skriv("  " + k.lang.replace("\n", "\n  "))
            return
        self._skriv("Kommandoer (tab fullfører; «hjelp KOMMANDO» gir mer):")
        for k in KOMMANDOER:
            self._skriv(f"  {k.bruk:<24} {k.kort}")

    def _last(self, arg: str) -> None:
        if not arg:
            raise ValueError("bruk: last FIL")
        sti = Path(_uten_anforsel(arg)).expanduser()
        # as the command line reads a case: bounded, UTF-8 with or without BOM, faults in
        # Norwegian naming the file (filer.py)
        tekst = les_fil(str(sti), "FIL")
        data = les_json(tekst)
        if not isinstance(data, dict):
            raise ValueError("saken må være et JSON-objekt ({...})")
        self._bytt(data)
        self.fil = sti
        antall = len(self.sak.get("personer") or [])
        self._skriv(
            f"Lastet {sti}: sak {self.sak.get('sak_id', '(uten id)')}, {antall} "
            f"{'person' if antall == 1 else 'personer'}, "
            f"vurderingsdato {self.sak.get('vurderingsdato', 'ikke satt')}."
        )

    def _vis(self, arg: str) -> None:
        verdi = hent(self.sak, arg) if arg else self.sak
        self._skriv(json.dumps(verdi, ensure_ascii=False, indent=2))

    def _sett(self, arg: str) -> None:
        sti, verdi = _sti_og_verdi(arg, "sett STI VERDI")

        self._bytt(endre(self.sak, {sti: verdi}))
        if verdi is None:
            self._skriv(f"{sti} er fjernet (ukjent).")
        else:
            self._skriv(f"{sti} = {json.dumps(verdi, ensure_ascii=False)}")

    def _fjern(self, arg: str) -> None:
        if not arg:
            raise ValueError("bruk: fjern STI")

        hent(self.sak, arg)  # it must be there
        self._bytt(endre(self.sak, {arg: None}))
        self._skriv(f"{arg} er fjernet.")

    def _vurder(self, arg: str) -> None:
        sprak, o = self.sprak, ORD[self.sprak]
        v = self.vurdering()
        hode = f"{o['dato']} {formater(v.vurderingsdato, sprak)}"
        if v.sak_id:
            hode += f" · {o['sak']} {v.sak_id}"
        self._skriv(hode)
        if not v.vedtak:
            self._skriv("  " + o["ingen"])
        titler = {navn: _tittel(vedtak, sprak) for navn, vedtak in v.vedtak.items()}
        personer = personetiketter(v, sprak)
        bredde = max((len(t) for t in titler.values()), default=0)
        for navn, vedtak in v.vedtak.items():
            linje = f"  {titler[navn]:<{bredde}}  {UTFALLSORD[sprak][vedtak.utfall]}"
            for nokkel, verdi in vedtak.utdata.items():
                if verdi is None and BEREGNET.get(nokkel) in vedtak.utdata:
                    linje += f"; {feltnavn(nokkel, sprak)}: {o['avslag']}"
                elif not isinstance(verdi, list | tuple | dict):  # lists: see «forklar»
                    linje += f"; {_belopstekst(nokkel, verdi, sprak)}"
            self._skriv(linje)
            if vedtak.mangler:
                mangler = ", ".join(manglertekst(m, sprak, personer) for m in vedtak.mangler)
                self._skriv(f"  {'':<{bredde}}  {o['mangler']}: {mangler}")
        if v.merknader:
            # each flag by its text, in the language asked for, not by its code
            self._skriv(o["merknader"])
            for tekst in merknadstekster(v, sprak, personer):
                self._skriv(
                    textwrap.fill(tekst, 100, initial_indent="  - ", subsequent_indent="    ")
                )
        self._skriv(o["hint"])

    def _sprak(self, arg: str) -> None:
        if not arg:
            self._skriv(f"Språk: {self.sprak} (velg med «sprak nb», «sprak nn» eller «sprak en»).")
            return
        if arg not in SPRAK:
            raise ValueError(f"ukjent språk «{arg}»; velg nb, nn eller en")
        self.sprak = arg
        self._skriv(ORD[arg]["valgt"])

    def _forklar(self, arg: str) -> None:
        deler = arg.split()
        sprak = self.sprak
        if deler and deler[-1] in SPRAK:
            sprak = deler.pop()
        v = self.vurdering()
        if not deler:
            self._skriv_lang(v.explain(sprak))
            return
        omrade = deler[0]
        self._sjekk_omrade(omrade, v)
        personer = personetiketter(v, sprak)  # code values and persons by their labels
        tekst = forklar_vedtak(v.vedtak[omrade], sprak, personer, satser=v.satser)
        self._skriv_lang("\n".join(tekst))

    def _sjekk_omrade(self, omrade: str, v: Assessment) -> None:
        """An area of law the rules know but this case does not bring up is «ikke vurdert»;
        only a name the rules do not know is «ukjent område»."""
        if omrade in v.vedtak:
            return
        vurderte = ", ".join(v.vedtak) or "ingen"
        if omrade in {o.id for o in self._regelbok().omrader}:
            raise ValueError(
                f"området «{omrade}» er ikke vurdert i denne saken: saken har ingen opplysninger "
                f"som gjelder det (et område uten opplysninger i saken vurderes ikke); vurderte "
                f"områder: {vurderte}"
            )
        raise ValueError(f"ukjent område «{omrade}»; vurderte områder: {vurderte}")

    def _hva_om(self, arg: str) -> None:
        sti, verdi = _sti_og_verdi(arg, "hva-om STI VERDI")
        resultat = self.vurdering().what_if({sti: verdi}, regler=self._regelbok())
        self._skriv(resultat.tekst(self.sprak))

    def _hvorfor(self, arg: str) -> None:
        v = self.vurdering()
        omrader = [arg] if arg else list(v.vedtak)
        for omrade in omrader:
            self._sjekk_omrade(omrade, v)
        noe = False
        for forslag in why_not(v, regler=self._regelbok()):
            if forslag.omrade not in omrader:
                continue
            noe = True
            o = ORD[self.sprak]
            # the change in words; «vis»/«sett» take the paths (Forslag.endringer) if wanted
            endringer = endringstekst(v, forslag.endringer, self.sprak)
            sjekk = o["kontrollert"] if forslag.bekreftet else o["ikke_bekreftet"]
            tekst = forslag.tekst.get(self.sprak) or forslag.tekst["nb"]
            tittel = _tittel(v.vedtak[forslag.omrade], self.sprak)
            self._skriv(f"- {tittel}: {tekst}\n    {o['endring']}: {endringer} ({sjekk})")
        for omrade in omrader:
            grense = break_even(v, omrade, regler=self._regelbok())
            if grense is not None:
                noe = True
                self._skriv(f"- {grense.tekst(self.sprak)}")
        if not noe:
            self._skriv(ORD[self.sprak]["ingenting"])

    def _lagre(self, arg: str) -> None:
        if not arg:
            raise ValueError("bruk: lagre FIL")
        sti = Path(_uten_anforsel(arg)).expanduser()
        sti.write_text(json.dumps(self.sak, ensure_ascii=False, indent=2) + "\n", "utf-8")
        self.fil = sti
        self._skriv(f"Lagret saken i {sti}.")

    def _lagre_test(self, arg: str) -> None:
        fil, _, navn = arg.partition(" ")
        if not fil:
            raise ValueError("bruk: lagre-test FIL [NAVN]")
        navn = navn.strip() or str(self.sak.get("sak_id") or (self.fil.stem if self.fil else "sak"))
        try:
            brukt = lagre_testsak(
                Path(fil).expanduser(),
                navn,
                self.vurdering(),
                regler=self.regelsti,
                satser=self.satssti,
            )
        except TestfilFeil as exc:
            raise ValueError(str(exc)) from None
        self._skriv(f"Lagret testsaken «{brukt}» i {fil}. Kjør den med: sosialregler test {fil}")

    def _avslutt(self, arg: str) -> None:
        raise _Avslutt

    # --- completion and history --------------------------------------------------------------
    def _readline(self) -> Any:
        try:
            # Optional: not on every platform, and it takes over the terminal's input as it is
            # imported, so only an interactive session imports it.
            import readline
        except ImportError:  # pragma: no cover - no readline on this platform
            return None
        readline.set_completer(self.fullfor)
        readline.set_completer_delims(" \t\n")
        if "libedit" in (readline.__doc__ or ""):
            readline.parse_and_bind("bind ^I rl_complete")
        else:
            readline.parse_and_bind("tab: complete")
        if self.historikk is not None:
            with contextlib.suppress(OSError):
                readline.read_history_file(str(self.historikk))
            readline.set_history_length(1000)
        return readline

    def kandidater(self, linje: str, tekst: str) -> list[str]:
        """Completions for ``tekst``, the last word of ``linje`` (the line so far)."""
        ord_ = linje.split()
        forste = len(ord_) == 0 or (len(ord_) == 1 and not linje.endswith(" "))
        if forste:
            return [k.navn + " " for k in KOMMANDOER if k.navn.startswith(tekst)]
        kommando = ord_[0]
        plass = len(ord_) - (0 if linje.endswith(" ") else 1)  # which argument is typed
        if kommando in ("last", "lagre", "lagre-test") and plass == 1:
            return _filer(tekst)
        if kommando in ("sett", "hva-om", "vis", "fjern") and plass == 1:
            return sorted(s for s in stier(self.sak) if s.startswith(tekst))
        if kommando in ("forklar", "hvorfor") and plass == 1:
            omrader = [o.id for o in self._regelbok().omrader]
            return [o + " " for o in omrader if o.startswith(tekst)]
        if kommando == "forklar" and plass == 2:
            return [s for s in SPRAK if s.startswith(tekst)]
        if kommando == "sprak" and plass == 1:
            return [s for s in SPRAK if s.startswith(tekst)]
        if kommando == "hjelp" and plass == 1:
            return [k.navn for k in KOMMANDOER if k.navn.startswith(tekst)]
        return []

    def fullfor(self, tekst: str, tilstand: int) -> str | None:
        """readline's completer."""
        try:
            import readline  # optional, as in _readline

            linje = readline.get_line_buffer()[: readline.get_endidx()]
            kandidater = self.kandidater(linje, tekst)
        except Exception:  # completion must never break the prompt
            return None
        return kandidater[tilstand] if tilstand < len(kandidater) else None


def _tittel(vedtak: Any, sprak: str) -> str:
    """An area by its title in the language asked for, never by its key."""
    return vedtak.tittel.get(sprak) or vedtak.tittel.get("nb") or vedtak.omrade


def _belopstekst(nokkel: str, verdi: Any, sprak: str = "nb") -> str:
    if verdi is None or fakta_til_json(verdi) is None:
        return f"{feltnavn(nokkel, sprak)}: {ORD[sprak]['ukjent']}"
    if nokkel == "belop_per_maned" and isinstance(verdi, Decimal | int):
        return f"{kroner(Decimal(verdi), sprak)} {ORD[sprak]['per_maned']}"
    return f"{feltnavn(nokkel, sprak)}: {vis_verdi(nokkel, verdi, sprak)}"


def _uten_anforsel(tekst: str) -> str:
    tekst = tekst.strip()
    if len(tekst) >= 2 and tekst[0] == tekst[-1] and tekst[0] in "\"'":
        return tekst[1:-1]
    return tekst


def les_verdi(tekst: str) -> Any:
    """A value typed at the prompt: JSON when it is JSON, else the text itself."""
    tekst = tekst.strip()
    try:
        return json.loads(tekst)
    except ValueError:
        return _uten_anforsel(tekst)


def _sti_og_verdi(arg: str, bruk: str) -> tuple[str, Any]:
    sti, _, verdi = arg.partition(" ")
    if not sti or not verdi.strip():
        raise ValueError(f"bruk: {bruk}")
    return sti, les_verdi(verdi)


def _filer(tekst: str) -> list[str]:
    mappe, _, start = tekst.rpartition("/")
    sok = Path(mappe or ".")
    try:
        navn = sorted(p.name + ("/" if p.is_dir() else "") for p in sok.iterdir())
    except OSError:
        return []
    prefiks = f"{mappe}/" if mappe else ""
    return [prefiks + n for n in navn if n.startswith(start) and not n.startswith(".")]


# --- paths for completion ------------------------------------------------------------------------


def _elementtype(typ: Any) -> Any:
    """``tuple[X, ...] | None`` → ``X``; ``X | None`` → ``X``."""
    args = [a for a in get_args(typ) if a is not type(None)]
    if get_origin(typ) in (typing.Union, types.UnionType):
        return _elementtype(args[0]) if len(args) == 1 else typ
    if get_origin(typ) is tuple:
        return args[0] if args else typ
    return typ


def _felt(klasse: Any) -> dict[str, Any]:
    if not (isinstance(klasse, type) and attrs.has(klasse)):
        return {}
    try:
        hint = typing.get_type_hints(klasse)
    except Exception:  # pragma: no cover - forward references the hints cannot resolve
        return {}
    return {a.name: hint.get(a.name) for a in attrs.fields(klasse)}


def stier(sak: Any, klasse: Any = Sak, prefiks: str = "") -> Iterator[str]:
    """Every JSON path in the case, and the contract's fields not yet given (for completion)."""
    felt = _felt(klasse)
    if isinstance(sak, dict):
        for navn in dict.fromkeys([*sak, *felt]):
            sti = f"{prefiks}.{navn}" if prefiks else navn
            yield sti
            if navn in sak:
                yield from stier(sak[navn], _elementtype(felt.get(navn)), sti)
    elif isinstance(sak, list):
        for i, element in enumerate(sak):
            sti = f"{prefiks}[{i}]"
            yield sti
            yield from stier(element, klasse, sti)
        yield f"{prefiks}[{len(sak)}]"  # the next element, to add one


def kommando(
    fil: str | None,
    regler: Regelbok | None = None,
    *,
    inn: TextIO | None = None,
    ut: TextIO | None = None,
    regelsti: str | None = None,
    satssti: str | None = None,
) -> int:
    """``sosialregler repl [SAK.json] [--regler MAPPE] [--satser FIL]``."""
    miljo = os.environ.get("SOSIALREGLER_HISTORIKK")
    historikk: Path | None = Path(miljo) if miljo else None
    if miljo is None:
        with contextlib.suppress(RuntimeError):  # no home folder: no history file
            historikk = Path.home() / HISTORIKKFIL
    repl = Repl(ut, regler=regler, historikk=historikk, regelsti=regelsti, satssti=satssti)
    return repl.kjor(fil, inn)
