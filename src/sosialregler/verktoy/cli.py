"""The command line, per the contract (case-format.md): ``vurder``, ``regler``, ``gjengi``,
``soknad`` (NAV's application), ``repl`` (the caseworker's REPL), ``test`` (test-case files),
``frister`` (what is due in a case), ``oppfolging`` (the caseload report), ``tilsyn`` (audit
points per case and across a caseload) and ``serve`` (the HTTP service, tjeneste/); ``vurder
--batch`` assesses JSON Lines.

Exit status: 0 assessed (or rules in order); 2 the input was rejected, naming every bad field
(or the rules folder has problems); 1 an internal error, i.e. a bug in sosialregler. A
caseworker never sees a traceback unless ``SOSIALREGLER_DEBUG=1`` is set.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ..api import assess, assess_med_spor, les_dato, regelbok
from ..inndata.contract import les_json
from ..inndata.errors import Feil, RegelFeil, UgyldigSak
from ..inndata.filer import filfeil
from ..inndata.filer import les_fil as _les_fil
from ..inndata.grenser import NAVN, STANDARD, Grenser, som_grenser, tall
from ..inndata.jsonlinjer import linjer, tell
from ..utdata.assessment import Assessment
from ..utdata.explain import personetiketter
from ..utdata.fristtekster import terminaltekst
from ..utdata.record import NOKKEL_MILJO, UTEN_NOKKEL, les_nokkel
from ..utdata.regelliste import regelliste, sats_json
from ..versjon import __version__
from ..vurdering.rulebook_load import sjekk
from .batch import Avvist, assess_many
from .frister import poster
from .soknad import assess_soknad, read_soknad

OK, INTERN_FEIL, AVVIST = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse in Norwegian, like the rest of the command line: its usage line, headings,
    ``-h`` and its error messages (translated from argparse's English), exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Hjelpeformat)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "valg"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjelpen"
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(AVVIST, f"{self.prog}: feil: {norsk_bruksfeil(message)}\n")


class _Hjelpeformat(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "bruk: " if prefix is None else prefix)


#: argparse's error messages (Python 3.11-3.13) and their Norwegian; others are kept as they are.
_BRUKSFEIL = (
    (r"the following arguments are required: (.*)", r"disse argumentene mangler: \1"),
    (
        r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
        r"\1: ugyldig valg \2 (velg \3)",
    ),
    (r"unrecognized arguments: (.*)", r"ukjente argumenter: \1"),
    (r"argument (.*?): expected one argument", r"\1 må ha en verdi"),
    (r"argument (.*?): expected at least one argument", r"\1 må ha minst én verdi"),
    (r"argument (.*?): expected at most one argument", r"\1 kan ha høyst én verdi"),
    (r"argument (.*?): invalid int value: (.*)", r"\1 må være et helt tall, ikke \2"),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"\1: ugyldig verdi \3"),
    (r"argument (.*?): not allowed with argument (.*)", r"\1 kan ikke brukes sammen med \2"),
    (r"argument (.*?): ignored explicit argument (.*)", r"\1 tar ingen verdi (fikk \2)"),
    (r"ambiguous option: (.*?) could match (.*)", r"\1 er tvetydig: kan bety \2"),
    (r"argument (.*?): (.*)", r"\1: \2"),
)


def norsk_bruksfeil(melding: str) -> str:
    """An argparse error message in Norwegian (the message itself if it is not known)."""
    for monster, norsk in _BRUKSFEIL:
        if re.fullmatch(monster, melding, flags=re.DOTALL):
            return re.sub(monster, norsk, melding, count=1, flags=re.DOTALL)
    return melding


def _grense_arg(tekst: str) -> tuple[str, int]:
    """``--grense NAVN=N``: one input limit (grenser.py) raised or lowered for this run."""
    navn, _, verdi = tekst.partition("=")
    if navn not in NAVN or not verdi.isascii() or not verdi.isdigit() or int(verdi) < 1:
        raise argparse.ArgumentTypeError(
            f"forventet NAVN=N (et helt tall over 0), der NAVN er en av {', '.join(NAVN)}; "
            f"fikk {tekst!r}"
        )
    return navn, int(verdi)


def _med_grenser(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--grense",
        action="append",
        type=_grense_arg,
        default=[],
        metavar="NAVN=N",
        help="hev eller senk en grense for inndata (" + ", ".join(NAVN) + "); kan gjentas",
    )


def _grenser(args: argparse.Namespace) -> Grenser:
    return som_grenser(dict(getattr(args, "grense", None) or []))


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="sosialregler",
        description="Vurder saker etter sosialtjenesteloven med forklaring (Norwegian "
        "social-assistance law as explained rules).",
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"sosialregler {__version__}",
        help="vis versjonen og avslutt",
    )
    under = p.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")

    v = under.add_parser("vurder", help="vurder en sak (SAK.json, eller - for standard inn)")
    v.add_argument("sak", metavar="SAK.json")
    v.add_argument("--dato", help="vurderingsdato ÅÅÅÅ-MM-DD (overstyrer vurderingsdato)")
    v.add_argument(
        "--format",
        choices=("tekst", "json", "vedtaksgrunnlag", *BREVFORMATER),
        default="tekst",
    )
    v.add_argument("--sprak", choices=("nb", "nn", "en"), default="nb")
    v.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    v.add_argument("--satser", metavar="FIL", help="kommunens egne satser (erstatter statens)")
    v.add_argument(
        "--nokkel",
        metavar="FIL",
        help="kontorets nøkkel for signerte vedtaksgrunnlag (ellers SOSIALREGLER_NOKKEL)",
    )
    v.add_argument(
        "--batch",
        action="store_true",
        help="SAK.json er JSON Lines (én sak per linje); skriver ett JSON-svar per linje",
    )
    v.add_argument(
        "--prosesser", type=int, metavar="N", help="prosesser for --batch (standard: auto)"
    )
    _med_grenser(v)

    fr = under.add_parser("frister", help="hva som er forfalt eller forfaller i en sak, på en dato")
    fr.add_argument("sak", metavar="SAK.json")
    fr.add_argument("--dato", help="ÅÅÅÅ-MM-DD (standard: sakens vurderingsdato)")
    fr.add_argument("--format", choices=("tekst", "json"), default="tekst")
    fr.add_argument("--sprak", choices=("nb", "nn", "en"), default="nb")
    fr.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    fr.add_argument("--satser", metavar="FIL", help="kommunens egne satser (erstatter statens)")
    _med_grenser(fr)

    op = under.add_parser("oppfolging", help="oppfølgingsrapport for mange saker (JSON Lines)")
    op.add_argument("saker", metavar="SAKER.jsonl")
    op.add_argument("--dato", help="rapportdato ÅÅÅÅ-MM-DD (standard: i dag)")
    op.add_argument("--html", metavar="FIL", help="skriv rapporten som HTML")
    op.add_argument("--csv", metavar="FIL", help="skriv én rad per frist som CSV")
    op.add_argument("--json", metavar="FIL", help="skriv rapporten som JSON")
    op.add_argument("--prosesser", type=int, metavar="N", help="prosesser (standard: auto)")
    op.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    op.add_argument("--satser", metavar="FIL", help="kommunens egne satser (erstatter statens)")
    _med_grenser(op)

    ts = under.add_parser(
        "tilsyn",
        help="målepunkter for tilsyn: én sak (SAK.json) eller mange (SAKER.jsonl)",
        description="SAK.json: sakens sjekkliste. SAKER.jsonl (JSON Lines): rapport per "
        "målepunkt over alle sakene.",
    )
    ts.add_argument("saker", metavar="SAK.json|SAKER.jsonl")
    ts.add_argument("--dato", help="ÅÅÅÅ-MM-DD (standard: sakens vurderingsdato / i dag)")
    ts.add_argument("--format", choices=("tekst", "json"), default="tekst", help="for én sak")
    ts.add_argument("--sprak", choices=("nb", "nn", "en"), default="nb")
    ts.add_argument("--html", metavar="FIL", help="skriv rapporten som HTML")
    ts.add_argument("--csv", metavar="FIL", help="skriv én rad per sak og målepunkt som CSV")
    ts.add_argument("--json", metavar="FIL", help="skriv rapporten som JSON")
    ts.add_argument("--prosesser", type=int, metavar="N", help="prosesser (standard: auto)")
    ts.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    ts.add_argument("--satser", metavar="FIL", help="kommunens egne satser (erstatter statens)")

    r = under.add_parser("regler", help="list reglene som gjelder på en dato, med hjemmel")
    r.add_argument("--dato", help="ÅÅÅÅ-MM-DD (standard: i dag)")
    r.add_argument("--regler", metavar="MAPPE", help="en annen regelmappe")
    r.add_argument("--sjekk", action="store_true", help="kontroller regelmappen (lint)")
    r.add_argument("--format", choices=("tekst", "json"), default="tekst")

    g = under.add_parser("gjengi", help="gjengi teksten fra et lagret vedtaksgrunnlag")
    g.add_argument("grunnlag", metavar="VEDTAKSGRUNNLAG.json")
    g.add_argument("--sprak", choices=("nb", "nn", "en"), default="nb")
    g.add_argument("--format", choices=("tekst", *BREVFORMATER), default="tekst")
    g.add_argument(
        "--nokkel",
        metavar="FIL",
        help="kontorets nøkkel for signerte vedtaksgrunnlag (ellers SOSIALREGLER_NOKKEL)",
    )
    g.add_argument("--regler", metavar="MAPPE", help="regelmappen fra vedtakstidspunktet")
    g.add_argument("--satser", metavar="FIL", help="kommunens egne satser, om vedtaket brukte dem")
    _med_grenser(g)

    s = under.add_parser("soknad", help="vurder en søknad i NAVs format (soknad.json)")
    s.add_argument("soknad", metavar="SOKNAD.json")
    s.add_argument("--dato", help="vurderingsdato ÅÅÅÅ-MM-DD (ellers innsendingstidspunkt)")
    s.add_argument("--format", choices=("tekst", "json", "sak"), default="tekst")
    s.add_argument("--sprak", choices=("nb", "nn", "en"), default="nb")
    s.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    s.add_argument("--satser", metavar="FIL", help="kommunens egne satser (erstatter statens)")
    _med_grenser(s)

    rp = under.add_parser("repl", help="saksbehandlerens REPL (kommandoer på norsk)")
    rp.add_argument("sak", metavar="SAK.json", nargs="?")
    rp.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    rp.add_argument("--satser", metavar="FIL", help="kommunens egne satser (erstatter statens)")

    _simuler_parser(under)

    t = under.add_parser("test", help="kjør testsaker (TOML-filer med [[sak]]) i mapper/filer")
    t.add_argument("stier", metavar="MAPPE|FIL", nargs="+")
    t.add_argument(
        "-k", dest="filter", metavar="TEKST", help="bare saker med TEKST i navn/stikkord"
    )
    t.add_argument("--format", choices=("tekst", "json"), default="tekst")

    sv = under.add_parser(
        "serve",
        help="kjør HTTP-tjenesten (krever pip install 'sosialregler[tjeneste]')",
        description="HTTP-tjenesten for saksbehandlingssystemer: POST /vurder, /vurder/batch, "
        "/soknad, /vedtaksbrev, /tilsyn; GET /regler, /helse, /openapi.json, /skjema/sak.json.",
    )
    sv.add_argument("--host", default="127.0.0.1", help="adresse å lytte på (standard: 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (standard: 8000)")
    sv.add_argument("--workers", type=int, default=1, metavar="N", help="prosesser (standard: 1)")
    sv.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    sv.add_argument("--satser", metavar="FIL", help="kommunens egne satser (erstatter statens)")
    sv.add_argument(
        "--tidsgrense", type=float, metavar="SEK", help="sekunder per forespørsel (standard: 30)"
    )
    sv.add_argument(
        "--trader", type=int, metavar="N", help="vurderinger samtidig per prosess (standard: 2)"
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (the console script exits with it)."""
    # A text the input carried that no encoding can write (a lone surrogate) is escaped, not
    # a crash: the output is still readable and the exit status still says what happened.
    for strom in (sys.stdout, sys.stderr):
        if hasattr(strom, "reconfigure"):
            strom.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    kommandoer = {
        "vurder": _vurder,
        "regler": _regler,
        "soknad": _soknad,
        "repl": _repl,
        "test": _test,
        "frister": _frister,
        "oppfolging": _oppfolging,
        "tilsyn": _tilsyn,
        "serve": _serve,
        "simuler": _simuler,
    }
    try:
        return kommandoer.get(args.kommando, _gjengi)(args, sys.stdout, sys.stderr)
    except BrokenPipeError:  # the reader went away (e.g. `| head`): not an error of ours
        sys.stderr.close()
        return OK
    except Exception as exc:  # the last line of defence: a bug, reported as one
        if os.environ.get("SOSIALREGLER_DEBUG"):
            traceback.print_exc()
        print(
            f"Intern feil i sosialregler {__version__} (en feil i biblioteket, ikke i saken): "
            f"{type(exc).__name__}: {exc}. Sett SOSIALREGLER_DEBUG=1 for detaljer.",
            file=sys.stderr,
        )
        return INTERN_FEIL


def _avvis(
    feil: list[Feil],
    format: str,
    ut: TextIO,
    err: TextIO,
    overskrift: str = "Saken ble avvist:",
) -> int:
    """The rejection: JSON on stdout, or for a person on stderr (``overskrift``: what was
    rejected; a population run is no case). A value not given is not shown as «null»."""
    if format in ("json", "vedtaksgrunnlag"):
        print(
            json.dumps({"feil": [f.to_dict() for f in feil]}, ensure_ascii=False, indent=2), file=ut
        )
    else:
        print(overskrift, file=err)
        for f in feil:
            if f.verdi is None:
                print(f"  {f.felt}: {f.melding}", file=err)
                continue
            verdi = json.dumps(f.verdi, ensure_ascii=False, default=str)
            print(f"  {f.felt}: {f.melding} (verdi: {verdi})", file=err)
    return AVVIST


def _regelfeil(args: argparse.Namespace, exc: RegelFeil) -> Feil:
    """A rule that failed on the case, reported against the rules given (file and rule named)."""
    felt = "--satser" if args.satser and not args.regler else "--regler"
    return Feil(felt, args.regler or args.satser, f"feil i reglene: {exc}")


def _vurder(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    if args.batch and args.format in BREVFORMATER:
        melding = "vedtaksbrevet skrives for én sak om gangen; bruk det uten --batch"
        return _avvis([Feil("--format", args.format, melding)], "tekst", ut, err)
    if args.batch:
        return _vurder_batch(args, ut, err)
    try:
        bok = regelbok(args.regler, args.satser)
    except RegelFeil as exc:
        return _avvis(
            [Feil("--regler" if args.regler else "--satser", args.regler or args.satser, str(exc))],
            args.format,
            ut,
            err,
        )
    try:
        nokkel = _nokkel(args) if args.format == "vedtaksgrunnlag" else None
        grenser = _grenser(args)
        tekst = _les_fil(args.sak, "SAK.json", grenser.byte)
        # Printed at once: the trace is kept (a kept result would evaluate the case twice).
        vurdering = assess_med_spor(tekst, on=args.dato, regler=bok, grenser=grenser)
    except UgyldigSak as exc:
        return _avvis(exc.feil, args.format, ut, err)
    except RegelFeil as exc:  # a rule that fails on this case: named, never an internal error
        return _avvis([_regelfeil(args, exc)], args.format, ut, err)
    if args.format == "json":
        print(vurdering.to_json(indent=2), file=ut)
    elif args.format == "vedtaksgrunnlag":
        grunnlag = vurdering.to_record(nokkel=nokkel)
        print(json.dumps(grunnlag, ensure_ascii=False, indent=2), file=ut)
    elif args.format in BREVFORMATER:
        return _skriv_brev(vurdering, args, ut)
    else:
        print(vurdering.explain(args.sprak), file=ut)
    return OK


#: The decision letter's formats (issue 16): plain text, or one printable HTML page.
BREVFORMATER: tuple[str, ...] = ("vedtaksbrev", "vedtaksbrev-html")


def _skriv_brev(vurdering: Assessment, args: argparse.Namespace, ut: TextIO) -> int:
    """Print the letter; exit 0 also when it lists what the caseworker must clarify first."""
    brev = vurdering.vedtaksbrev(args.sprak)
    print(brev.html() if args.format == "vedtaksbrev-html" else brev.tekst(), file=ut, end="")
    return OK


def _dato_arg(tekst: str | None) -> date:
    """``--dato``, or today: the same reading and bounds as a case's dates (``les_dato``)."""
    if tekst is None:
        return date.today()
    dato = les_dato(tekst)
    assert dato is not None
    return dato


def _regler(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    if args.sjekk:
        # start-up: the audit package is loaded for this command only (-X importtime: 8 ms)
        from .tilsyn.regler import sjekk_mappe

        bok, problemer = sjekk(args.regler)
        problemer = [*problemer, *sjekk_mappe(args.regler)]  # the audit points (tilsyn/)
        for p in problemer:
            print(str(p), file=ut)
        if problemer:
            print(f"{len(problemer)} feil i reglene.", file=err)
            return AVVIST
        assert bok is not None
        antall = sum(len(v) for v in bok.regler.values())
        print(
            f"OK: {antall} regelversjoner, {len(bok.omrader)} områder, "
            f"{len(bok.satser.tabeller)} satstabeller i {bok.mappe}.",
            file=ut,
        )
        return OK
    try:
        dato = _dato_arg(args.dato)
        bok = regelbok(args.regler)
    except UgyldigSak as exc:
        return _avvis(exc.feil, args.format, ut, err)
    except RegelFeil as exc:
        return _avvis([Feil("--regler", args.regler, str(exc))], args.format, ut, err)
    regler = bok.i_kraft(dato)
    if args.format == "json":
        print(json.dumps(regelliste(bok, dato), ensure_ascii=False, indent=2), file=ut)
        return OK
    print(f"Regler i kraft {dato.strftime('%d.%m.%Y')} ({bok.mappe}, {bok.digest})", file=ut)
    fil = None
    for r in regler:
        if r.info.fil != fil:
            fil = r.info.fil
            print(f"\n{fil}", file=ut)
        hjemmel = "; ".join(h.tekst("nb") for h in r.info.hjemmel)
        slutt = r.info.gyldig_til.isoformat() if r.info.gyldig_til else ""
        print(f"  {r.id:<40} {r.info.kilde:<5} {r.info.gyldig_fra}–{slutt:<10}  {hjemmel}", file=ut)
        print(f"  {'':<40} {r.info.tittel['nb']}", file=ut)
    print("\nSatser:", file=ut)
    for tabell in bok.satser.tabeller.values():
        s = sats_json(tabell, dato)
        print(f"  {tabell.id:<40} {s.get('gyldig_fra', '–')}  {s.get('merknad', '')}", file=ut)
    return OK


def _nokkel(args: argparse.Namespace) -> bytes | None:
    """The office's key for signing and checking records (``record.les_nokkel``)."""
    try:
        return les_nokkel(args.nokkel, os.environ)
    except ValueError as exc:
        felt = "--nokkel" if args.nokkel else NOKKEL_MILJO
        raise UgyldigSak([Feil(felt, args.nokkel, str(exc))]) from None


def _gjengi(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    try:
        bok = regelbok(args.regler, args.satser) if args.regler or args.satser else None
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser"
        return _avvis([Feil(felt, args.regler or args.satser, str(exc))], "tekst", ut, err)
    try:
        nokkel = _nokkel(args)
        grenser = _grenser(args)
        grense = grenser.byte_vedtaksgrunnlag
        tekst = _les_fil(args.grunnlag, "VEDTAKSGRUNNLAG.json", grense, "byte_vedtaksgrunnlag")
        data = les_json(tekst, grenser.med(byte=grense))
        vurdering = Assessment.from_record(data, regler=bok, nokkel=nokkel)
    except UgyldigSak as exc:
        return _avvis(exc.feil, "tekst", ut, err)
    except (ValueError, KeyError, TypeError) as exc:
        return _avvis(
            [Feil("VEDTAKSGRUNNLAG.json", args.grunnlag, f"ikke et gyldig vedtaksgrunnlag: {exc}")],
            "tekst",
            ut,
            err,
        )
    if nokkel is None:
        print(UTEN_NOKKEL, file=err)
    if args.format in BREVFORMATER:
        return _skriv_brev(vurdering, args, ut)
    print(vurdering.explain(args.sprak), file=ut)
    return OK


def _soknad(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """NAV's application: the assessment, then where each value came from (soknad.py)."""
    format_ = "json" if args.format == "sak" else args.format
    try:
        bok = regelbok(args.regler, args.satser)
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser"
        return _avvis([Feil(felt, args.regler or args.satser, str(exc))], format_, ut, err)
    try:
        grenser = _grenser(args)
        tekst = _les_fil(args.soknad, "SOKNAD.json", grenser.byte)
        if args.format == "sak":
            sak = read_soknad(tekst, args.dato, grenser=grenser).sak
            print(json.dumps(sak, ensure_ascii=False, indent=2), file=ut)
            return OK
        resultat, vurdering = assess_soknad(tekst, args.dato, regler=bok, grenser=grenser)
    except UgyldigSak as exc:
        return _avvis(exc.feil, format_, ut, err)
    except RegelFeil as exc:
        return _avvis([_regelfeil(args, exc)], format_, ut, err)
    if args.format == "json":
        data = {**vurdering.to_dict(), "soknad": resultat.to_dict()}
        print(json.dumps(data, ensure_ascii=False, indent=2), file=ut)
    else:
        print(vurdering.explain(args.sprak), file=ut)
        print("", file=ut)
        print(resultat.tekst(args.sprak), file=ut)
    return OK


def _repl(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    from .repl import kommando  # start-up: loaded for this command only (-X importtime: 5 ms)

    try:
        bok = regelbok(args.regler, args.satser)
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser"
        return _avvis([Feil(felt, args.regler or args.satser, str(exc))], "tekst", ut, err)
    return kommando(args.sak, bok, ut=ut, regelsti=args.regler, satssti=args.satser)


#: ``sosialregler test``: a case did not give what its file expects (not a bug, not bad input).
TEST_FEILET = 3


def _test(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """Test-case files: 0 all passed, 3 a case failed, 2 a file is malformed, 1 a bug."""
    from .testfiler import kjor  # start-up: loaded for this command only (-X importtime: 8 ms)

    rapport = kjor(args.stier, args.filter)
    if args.format == "json":
        print(json.dumps(rapport.to_dict(), ensure_ascii=False, indent=2), file=ut)
    else:
        print(rapport.tekst(), file=ut)
    if any(r.intern_feil for r in rapport.resultater):
        return INTERN_FEIL
    if rapport.filfeil:
        return AVVIST
    return OK if rapport.ok else TEST_FEILET


# --- follow-up and batches (issues 8 and 9) ------------------------------------------------------

#: Below this many cases one process is quicker than starting workers (about 0.3 s each).
AUTO_PROSESSER_FRA = 2000


def _prosesser(valgt: int | None, antall: int | None) -> int:
    if valgt is not None:
        return max(valgt, 1)
    if antall is not None and antall < AUTO_PROSESSER_FRA:
        return 1
    return max(min(os.cpu_count() or 1, 8), 1)


def _linjer(
    navn: str, felt: str, grenser: Grenser = STANDARD
) -> tuple[Iterable[Any], int | None, list[int]]:
    """A JSON Lines input: its non-blank lines (streamed, each read at most ``grenser.byte``
    bytes: a longer one is rejected on its own, jsonlinjer.py), their count when it can be
    known, and the line number of each case (filled in as the lines are read).

    Standard input is read ahead at most ``AUTO_PROSESSER_FRA`` cases or ``grenser.byte``
    bytes, to know whether a small batch is better run in one process."""
    numre: list[int] = []
    if navn == "-":
        strom = linjer(sys.stdin.buffer, grenser.byte)
        forst: list[Any] = []
        lest = 0
        slutt = True
        for nr, linje in strom:
            numre.append(nr)
            forst.append(linje)
            lest += len(linje) if isinstance(linje, str) else grenser.byte
            if len(forst) >= AUTO_PROSESSER_FRA or lest > grenser.byte:
                slutt = False
                break
        if slutt:
            return forst, len(forst), numre

        def resten() -> Iterator[Any]:
            yield from forst
            for nr, linje in strom:
                numre.append(nr)
                yield linje

        return resten(), None, numre
    try:
        with open(navn, "rb") as fil:
            # a device or pipe (``/dev/zero``) is read once, as it comes, never counted first
            antall = (
                tell(fil, grenser.byte) if stat.S_ISREG(os.fstat(fil.fileno()).st_mode) else None
            )
    except OSError as exc:
        raise UgyldigSak([Feil(felt, navn, filfeil(exc))]) from None

    def les() -> Iterator[Any]:
        with open(navn, "rb") as fil:
            for nr, linje in linjer(fil, grenser.byte):
                numre.append(nr)
                yield linje

    return les(), antall, numre


def _vurder_batch(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """JSON Lines in, JSON Lines out: the contract JSON per case, or its rejection."""
    try:
        bok = regelbok(args.regler, args.satser)
        nokkel = _nokkel(args) if args.format == "vedtaksgrunnlag" else None
        grenser = _grenser(args)
        saker, antall, numre = _linjer(args.sak, "SAKER.jsonl", grenser)
        resultater = assess_many(
            saker,
            processes=_prosesser(args.prosesser, antall),
            on=args.dato,
            regler=bok,
            resultat="vedtaksgrunnlag" if args.format == "vedtaksgrunnlag" else "json",
            total=antall,
            grenser=grenser,
            nokkel=nokkel,
        )
    except UgyldigSak as exc:
        return _avvis(exc.feil, "json", ut, err)
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser"
        return _avvis([Feil(felt, args.regler or args.satser, str(exc))], "json", ut, err)
    vurdert = avvist = interne = 0
    for svar in resultater:
        if isinstance(svar, Avvist):
            data = svar.to_dict()
            if svar.indeks < len(numre):
                data["linje"] = numre[svar.indeks]
            print(json.dumps(data, ensure_ascii=False, default=str), file=ut)
            interne += svar.intern
            avvist += not svar.intern
        else:
            print(svar, file=ut)
            vurdert += 1
    print(
        f"sosialregler vurder --batch: {vurdert + avvist + interne} saker, {vurdert} vurdert, "
        f"{avvist} avvist, {interne} interne feil.",
        file=err,
    )
    return INTERN_FEIL if interne else OK


def _frister(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """What is due in one case on a date (frister.py)."""
    try:
        bok = regelbok(args.regler, args.satser)
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser"
        return _avvis([Feil(felt, args.regler or args.satser, str(exc))], args.format, ut, err)
    try:
        grenser = _grenser(args)
        tekst = _les_fil(args.sak, "SAK.json", grenser.byte)
        vurdering = assess(tekst, on=args.dato, regler=bok, grenser=grenser)
        alle = poster(vurdering, regler=bok)
        frister = [p.frist(vurdering.vurderingsdato) for p in alle]  # what ``due`` gives
    except UgyldigSak as exc:
        return _avvis(exc.feil, args.format, ut, err)
    except RegelFeil as exc:
        return _avvis([_regelfeil(args, exc)], args.format, ut, err)
    if args.format == "json":
        print(json.dumps([f.to_dict() for f in frister], ensure_ascii=False, indent=2), file=ut)
        return OK
    personer = personetiketter(vurdering, args.sprak)  # each person by who they are, not id
    print(
        terminaltekst(vurdering.sak_id, vurdering.vurderingsdato, alle, args.sprak, personer),
        file=ut,
    )
    return OK


def _oppfolging(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """The caseload report (oppfolging.py): a summary on stdout, HTML/CSV/JSON to files."""
    from .oppfolging import rapport  # start-up: loaded for this command only (-X importtime: 6 ms)

    try:
        dato = _dato_arg(args.dato)
        bok = regelbok(args.regler, args.satser)
        grenser = _grenser(args)
        saker, antall, _ = _linjer(args.saker, "SAKER.jsonl", grenser)
        r = rapport(
            saker,
            dato,
            processes=_prosesser(args.prosesser, antall),
            regler=bok,
            total=antall,
            grenser=grenser,
        )
    except UgyldigSak as exc:
        return _avvis(exc.feil, "tekst", ut, err)
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser"
        return _avvis([Feil(felt, args.regler or args.satser, str(exc))], "tekst", ut, err)
    except UnicodeDecodeError as exc:
        return _avvis([Feil("SAKER.jsonl", args.saker, f"ikke UTF-8: {exc}")], "tekst", ut, err)
    for flagg, innhold in (("--html", r.html), ("--csv", r.csv), ("--json", r.to_json)):
        fil = getattr(args, flagg[2:])
        if fil is None:
            continue
        try:
            Path(fil).write_text(innhold(), encoding="utf-8")
        except OSError as exc:
            return _avvis([Feil(flagg, fil, f"filen kan ikke skrives: {exc}")], "tekst", ut, err)
    print(r.tekst(), file=ut)
    return OK


def _tilsyn(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """Supervision audit points (tilsyn/): one case's checklist, or a caseload's report.

    A file named ``*.jsonl`` (or ``-`` with ``--html``, ``--csv`` or ``--json``) is a caseload.
    """
    # start-up: the audit package is loaded for this command only (-X importtime: 21 ms)
    from .tilsyn import last, vurder
    from .tilsyn.etiketter import lesehjelp
    from .tilsyn.rapport import rapport
    from .tilsyn.tekst import sjekkliste

    mange = args.saker.endswith((".jsonl", ".ndjson")) or (
        args.saker == "-" and any((args.html, args.csv, args.json))
    )
    format = args.format if not mange else "tekst"
    try:
        bok = regelbok(args.regler, args.satser)
        punkter = last(bok.mappe)
        if not mange:
            if any((args.html, args.csv, args.json)):
                raise UgyldigSak(
                    [Feil("--html/--csv/--json", args.saker, "gjelder bare SAKER.jsonl")]
                )
            vurdering = assess(_les_fil(args.saker, "SAK.json"), on=args.dato, regler=bok)
            funn = vurder(vurdering, [p.id for p in punkter.punkter])
            if format == "json":
                print(
                    json.dumps([f.to_dict() for f in funn], ensure_ascii=False, indent=2), file=ut
                )
            else:
                print(
                    sjekkliste(
                        punkter,
                        funn,
                        vurdering.sak_id,
                        vurdering.vurderingsdato,
                        args.sprak,
                        lesehjelp(vurdering),
                    ),
                    file=ut,
                )
            return OK
        dato = _dato_arg(args.dato)
        saker, antall, _ = _linjer(args.saker, "SAKER.jsonl")
        r = rapport(
            saker, dato, processes=_prosesser(args.prosesser, antall), regler=bok, total=antall
        )
    except UgyldigSak as exc:
        return _avvis(exc.feil, format, ut, err)
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser" if args.satser else "regler"
        return _avvis([Feil(felt, args.regler or args.satser, str(exc))], format, ut, err)
    except UnicodeDecodeError as exc:
        return _avvis([Feil("SAKER.jsonl", args.saker, f"ikke UTF-8: {exc}")], format, ut, err)
    utdata = (
        ("--html", lambda: r.html(args.sprak)),
        ("--csv", lambda: r.csv(args.sprak)),
        ("--json", lambda: r.to_json(args.sprak)),
    )
    for flagg, innhold in utdata:
        fil = getattr(args, flagg[2:])
        if fil is None:
            continue
        try:
            Path(fil).write_text(innhold(), encoding="utf-8")
        except OSError as exc:
            return _avvis([Feil(flagg, fil, f"filen kan ikke skrives: {exc}")], "tekst", ut, err)
    print(r.tekst(args.sprak), file=ut)
    return OK


#: The service is no case: its refusal says what was refused.
_TJENESTEN_AVVIST = "Tjenesten ble ikke startet:"


def _serve(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """The HTTP service (tjeneste/): checks its choices and the rules, then serves until stopped."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        melding = "HTTP-tjenesten krever tilleggspakken: pip install 'sosialregler[tjeneste]'"
        return _avvis([Feil("serve", None, melding)], "tekst", ut, err, _TJENESTEN_AVVIST)
    feil = [
        Feil(f"--{navn}", verdi, f"må være et helt tall fra {lav} til {hoy}")
        for navn, verdi, lav, hoy in (
            ("port", args.port, 0, 65535),
            ("workers", args.workers, 1, 64),
        )
        if not lav <= verdi <= hoy
    ]
    if args.trader is not None and not 1 <= args.trader <= 256:
        feil.append(Feil("--trader", args.trader, "må være et helt tall fra 1 til 256"))
    if args.tidsgrense is not None and not 0 < args.tidsgrense <= 3600:
        feil.append(Feil("--tidsgrense", args.tidsgrense, "må være over 0 og høyst 3600 sekunder"))
    if feil:
        return _avvis(feil, "tekst", ut, err, _TJENESTEN_AVVIST)
    try:
        regelbok(args.regler, args.satser)  # a bad rules folder is said here, not per worker
    except RegelFeil as exc:
        felt = "--regler" if args.regler else "--satser"
        return _avvis(
            [Feil(felt, args.regler or args.satser, str(exc))], "tekst", ut, err, _TJENESTEN_AVVIST
        )
    from .tjeneste.server import kjor

    kjor(
        args.host,
        args.port,
        args.workers,
        regler=str(Path(args.regler).resolve()) if args.regler else None,
        satser=str(Path(args.satser).resolve()) if args.satser else None,
        tidsgrense=args.tidsgrense,
        trader=args.trader,
    )
    return OK


# --- population runs (issue 19) ------------------------------------------------------------------


def _simuler_parser(under: Any) -> None:
    sm = under.add_parser(
        "simuler",
        help="vurder en hel befolkning (Parquet/JSON Lines) og summer: utfall, kostnad, satser",
        description="SAKER.parquet (kolonnen «sak»: saken som JSON-tekst per rad) eller "
        "SAKER.jsonl (én sak per linje). Skriver totalene; med --mot-satser også forskjellen "
        "mellom to satstabeller. Med --lag-populasjon N lages en syntetisk befolkning i --ut.",
    )
    sm.add_argument("saker", metavar="SAKER.parquet|SAKER.jsonl", nargs="?")
    sm.add_argument("--dato", help="vurderingsdato ÅÅÅÅ-MM-DD for alle sakene")
    sm.add_argument("--satser", metavar="FIL", help="kommunens egne satser (A; ellers statens)")
    sm.add_argument("--mot-satser", metavar="FIL", help="satsene å sammenligne med (B)")
    sm.add_argument("--regler", metavar="MAPPE", help="bruk en annen regelmappe")
    sm.add_argument("--ut", metavar="FIL", help="skriv én rad per husholdning (Parquet)")
    sm.add_argument("--format", choices=("tekst", "json"), default="tekst")
    sm.add_argument("--prosesser", type=int, metavar="N", help="prosesser (standard: auto)")
    sm.add_argument(
        "--motor",
        choices=("persak", "kolonne"),
        default=None,
        help="persak (standard) eller kolonne (reglene kompilert til numpy; samme rader)",
    )
    sm.add_argument(
        "--forklar",
        type=int,
        metavar="RAD",
        help="vis hele vurderingen av én rad (nummer fra 0, som kolonnen «rad»), per sak",
    )
    sm.add_argument(
        "--lag-populasjon",
        type=int,
        metavar="N",
        help="lag en syntetisk befolkning på N husholdninger i --ut (.parquet/.jsonl)",
    )
    sm.add_argument(
        "--frø",
        "--fro",
        dest="fro",
        type=int,
        default=0,
        metavar="S",
        help="frø for den syntetiske befolkningen (samme frø, samme befolkning)",
    )
    sm.add_argument(
        "--andel-feil",
        type=float,
        default=0.0,
        metavar="A",
        help="andel rader med feil med vilje i den syntetiske befolkningen (0–1)",
    )


#: A population run that cannot start is no rejected case.
KJORING_AVVIST = "Kjøringen ble avvist:"


def _simuler(args: argparse.Namespace, ut: TextIO, err: TextIO) -> int:
    """A population: totals (and the difference between two rate tables), or a synthetic one."""
    from .populasjon.kjoring import PYARROW_MANGLER

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        print(PYARROW_MANGLER, file=err)
        return AVVIST
    from .populasjon.generator import STANDARDDATO, skriv_populasjon
    from .populasjon.simulering import simuler

    format_ = args.format
    try:
        if args.lag_populasjon is not None:
            if not args.ut:
                raise UgyldigSak([Feil("--ut", None, "--lag-populasjon trenger --ut FIL")])
            if args.lag_populasjon < 0:
                raise UgyldigSak(
                    [
                        Feil(
                            "--lag-populasjon",
                            args.lag_populasjon,
                            "antall husholdninger kan ikke være negativt; oppgi 0 eller mer",
                        )
                    ]
                )
            if not 0 <= args.andel_feil <= 1:
                raise UgyldigSak(
                    [
                        Feil(
                            "--andel-feil",
                            args.andel_feil,
                            "andelen må være mellom 0 og 1, for eksempel 0.05 for 5 prosent",
                        )
                    ]
                )
            dato = les_dato(args.dato) or STANDARDDATO
            n = skriv_populasjon(
                args.ut, args.lag_populasjon, fro=args.fro, dato=dato, andel_feil=args.andel_feil
            )
            print(
                f"Skrev {tall(n)} syntetiske husholdninger (frø {args.fro}, "
                f"{dato.strftime('%d.%m.%Y')}) til {args.ut}.",
                file=err,
            )
            return OK
        if not args.saker:
            raise UgyldigSak(
                [
                    Feil(
                        "SAKER",
                        None,
                        "mangler; oppgi filen med sakene (SAKER.parquet eller .jsonl)",
                    )
                ]
            )
        if not args.dato:
            raise UgyldigSak(
                [Feil("--dato", None, "mangler; oppgi vurderingsdatoen, for eksempel 2026-03-01")]
            )
        if args.forklar is not None:
            from .populasjon import forklar_rad

            vurdering = forklar_rad(
                args.saker, args.forklar, dato=args.dato, satser=args.satser, regler=args.regler
            )
            if format_ == "json":
                print(json.dumps(vurdering.to_dict(), ensure_ascii=False, indent=2), file=ut)
            else:
                print(vurdering.explain("nb"), file=ut)
            return OK
        from .populasjon.kilde import antall

        resultat = simuler(
            args.saker,
            dato=args.dato,
            satser=args.satser,
            mot_satser=args.mot_satser,
            regler=args.regler,
            ut=args.ut,
            prosesser=_prosesser(args.prosesser, antall(args.saker)),
            fremdrift=None,
            motor=args.motor,
        )
    except UgyldigSak as exc:
        return _avvis(exc.feil, format_, ut, err, KJORING_AVVIST)
    except RegelFeil as exc:
        felt, verdi = _simuler_regelfelt(args, exc)
        feil = [Feil(felt, verdi, f"feil i reglene: {exc}")]
        return _avvis(feil, format_, ut, err, KJORING_AVVIST)
    totaler, diff = resultat.totaler, resultat.differanse
    if format_ == "json":
        data: dict[str, Any] = {"totaler": totaler.to_dict()}
        if diff is not None:
            data["sammenligning"] = diff.to_dict()
        print(json.dumps(data, ensure_ascii=False, indent=2), file=ut)
    else:
        print(totaler.tekst(), file=ut)
        if diff is not None:
            print("", file=ut)
            print(diff.tekst(), file=ut)
    return INTERN_FEIL if totaler.interne_feil else OK


def _simuler_regelfelt(args: argparse.Namespace, exc: RegelFeil) -> tuple[str, Any]:
    """The option whose file a rule error is in: the file the message names, else the first
    given (``--regler``, ``--satser``, ``--mot-satser``)."""
    for felt, verdi in (
        ("--mot-satser", args.mot_satser),
        ("--satser", args.satser),
        ("--regler", args.regler),
    ):
        if verdi and str(verdi) in str(exc):
            return felt, verdi
    if args.regler:
        return "--regler", args.regler
    return ("--satser", args.satser) if args.satser else ("--mot-satser", args.mot_satser)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
