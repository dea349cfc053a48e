"""Test-case files for legal experts: one TOML file, many cases, run by pytest and the CLI.

A file holds ``[[sak]]`` tables; each names a case, its input (the JSON contract, written as
TOML, or a JSON file beside it) and what the law should give: the outcome per area, amounts
with a tolerance, flags present or absent, the missing facts, or a rejection::

    # tests/saker/livsopphold.toml
    [standard]                      # optional: defaults for every case in the file
    toleranse = 0                   # kroner either way; relativ_toleranse = 0.01 is 1 %

    [[sak]]
    navn = "Enslig voksen uten inntekt"
    beskrivelse = "Rundskriv R35 5.5: statens veiledende sats for enslig, 01.01.2024"
    stikkord = ["§ 18", "sats"]
    dato = 2024-03-01               # assessment date (else inndata.vurderingsdato)

    [sak.inndata]                   # the case, exactly as the JSON contract has it
    bofellesskap = false
    inntekter = []
    formue = []
    boutgifter = []
    personer = [
      { id = "p1", rolle = "soker", fodselsdato = 1990-01-01 },
    ]

    [sak.forventet]
    merknader = ["MANGLER_INDIVIDUELL_VURDERING"]     # must be raised
    ikke_merknader = ["SATSER_KAN_VAERE_UTDATERT"]    # must not be raised

    [sak.forventet.livsopphold]     # one table per area (the key in ``vedtak``)
    utfall = "oppfylt"
    belop_per_maned = 7850

Case keys: ``navn`` (required, unique in the file), ``beskrivelse``, ``stikkord``, ``dato``,
``toleranse``, ``relativ_toleranse``, ``inndata`` and/or ``fil`` (a JSON case relative to
the test file; ``inndata``'s top-level keys then replace the file's), ``regler`` (another
rules folder) and ``satser`` (a municipality's rate file), both relative to the test file.
``forventet``: ``avvist = ["felt", …]`` (the case must be rejected naming these JSON paths;
nothing else may be expected then), ``merknader``, ``ikke_merknader``, ``ikke_vurdert``
(areas that must be left out) and per area ``utfall``, ``mangler`` (compared as a set),
``ikke_oppfylte_regler`` (the innermost failed rules' ids, as a set) and any output of the
area (``belop_per_maned``, ``stonad_per_ar``, …; numbers within the tolerance; the text
``"ingen"`` for no amount). A key the area does not output is a failure, never ignored.

Why TOML: it is read by the standard library (no new dependency), it is the language the
rules themselves are written in, and it has no implicit typing (YAML 1.1 reads ``no`` as false
and ``010`` as 8); dates are dates and text is quoted. A typo in a key is an error naming the
file, the case and the key, never a silently skipped expectation.

Run: ``sosialregler test DIR|FIL…`` (exit 0 all passed, 3 a case failed, 2 a file is
malformed, 1 an internal error), or pytest, which collects ``test_*.toml`` and every
``*.toml`` in a folder named ``saker`` (the ``sosialregler.testfiler`` plugin, registered as
a ``pytest11`` entry point; without the installed entry point: ``pytest -p
sosialregler.testfiler``).
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from ..api import assess, regelbok
from ..inndata.errors import DokumentFeil, Feil, RegelFeil, UgyldigSak
from ..inndata.isodato import ISO_DATO
from ..inndata.sti import nokkel as skjot_nokkel
from ..lov.outcome import Utfall
from ..lov.tree import fakta_til_json
from ..utdata.explain import tall
from ..utdata.hvaom import innerste_feilede

if TYPE_CHECKING:
    from ..lov.rulebook.book import Regelbok
    from ..utdata.assessment import Assessment

__all__ = [
    "Forventet",
    "Rapport",
    "Resultat",
    "TestfilFeil",
    "Testsak",
    "er_testfilnavn",
    "finn_testfiler",
    "kjor",
    "kjor_sak",
    "lagre_testsak",
    "les_testfil",
    "les_testtekst",
    "toml_for_sak",
    "toml_verdi",
]

INGEN = "ingen"  # the expected value meaning "no amount" (null in JSON; TOML has no null)

_SAKNOKLER = frozenset(
    {
        "navn",
        "beskrivelse",
        "stikkord",
        "dato",
        "toleranse",
        "relativ_toleranse",
        "inndata",
        "fil",
        "regler",
        "satser",
        "forventet",
    }
)
_STANDARDNOKLER = frozenset({"toleranse", "relativ_toleranse", "dato", "regler", "satser"})
_FORVENTET_LISTER = ("merknader", "ikke_merknader", "ikke_vurdert", "avvist")
_MENGDER = ("mangler", "ikke_oppfylte_regler")  # compared as sets


class TestfilFeil(DokumentFeil):
    """A test-case file that cannot be used: names the file, the case and the key.

    As a ``DokumentFeil``: the file is ``.dokument``; the one problem's path is the key, under
    the case when one is named (``sak["navn"].nokkel``), or ``$``.
    """

    __test__ = False  # not a pytest test class despite its name

    def __init__(
        self, fil: str, melding: str, sak: str | None = None, nokkel: str | None = None
    ) -> None:
        self.fil, self.melding, self.sak, self.nokkel = fil, melding, sak, nokkel
        self.dokument = fil
        sti = skjot_nokkel("sak", sak) if sak is not None else ""
        if nokkel is not None:  # a key is a TOML dotted path already (forventet.livsopphold)
            sti = f"{sti}.{nokkel}" if sti else nokkel
        self.feil = [Feil(sti or "$", None, melding)]
        hvor = fil
        if sak is not None:
            hvor += f", sak «{sak}»"
        if nokkel is not None:
            hvor += f", {nokkel}"
        super().__init__(f"{hvor}: {melding}")


@frozen
class Forventet:
    """What a case must give. ``omrader``: area → {output key: expected value}."""

    omrader: Mapping[str, Mapping[str, Any]] = {}
    merknader: tuple[str, ...] = ()
    ikke_merknader: tuple[str, ...] = ()
    ikke_vurdert: tuple[str, ...] = ()
    avvist: tuple[str, ...] | None = None


@frozen
class Testsak:
    """One case of a test-case file, read and checked, ready to run."""

    __test__ = False

    navn: str
    inndata: Mapping[str, Any]
    forventet: Forventet
    fil: str = "<tekst>"
    dato: str | None = None
    toleranse: Decimal = Decimal(0)
    relativ_toleranse: Decimal = Decimal(0)
    beskrivelse: str | None = None
    stikkord: tuple[str, ...] = ()
    regler: str | None = None
    satser: str | None = None


@frozen
class Resultat:
    """The outcome of running one case: ``avvik`` lists every expectation that failed."""

    sak: Testsak
    avvik: tuple[str, ...] = ()
    intern_feil: str | None = None  # a bug in sosialregler met while running the case

    @property
    def ok(self) -> bool:
        return not self.avvik and self.intern_feil is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fil": self.sak.fil,
            "navn": self.sak.navn,
            "ok": self.ok,
            "avvik": list(self.avvik),
            "intern_feil": self.intern_feil,
        }


@frozen
class Rapport:
    """Every case run, and every file that could not be read."""

    resultater: tuple[Resultat, ...] = ()
    filfeil: tuple[TestfilFeil, ...] = field(default=(), eq=False)

    @property
    def ok(self) -> bool:
        return not self.filfeil and all(r.ok for r in self.resultater)

    def tekst(self) -> str:
        linjer: list[str] = []
        fil = None
        for r in self.resultater:
            if r.sak.fil != fil:
                fil = r.sak.fil
                linjer.append(fil)
            linjer.append(f"  {'ok  ' if r.ok else 'FEIL'}  {r.sak.navn}")
            for a in r.avvik:
                linjer.append(f"        {a}")
            if r.intern_feil:
                linjer.append(f"        intern feil i sosialregler: {r.intern_feil}")
        for f in self.filfeil:
            linjer.append(f"FEIL I FIL  {f}")
        feilet = sum(1 for r in self.resultater if not r.ok)
        linjer.append(
            f"{len(self.resultater)} saker: {len(self.resultater) - feilet} ok, {feilet} feilet"
            + (f"; {len(self.filfeil)} filer kunne ikke leses" if self.filfeil else "")
            + "."
        )
        return "\n".join(linjer)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "saker": [r.to_dict() for r in self.resultater],
            "filfeil": [
                {"fil": f.fil, "sak": f.sak, "nokkel": f.nokkel, "melding": f.melding}
                for f in self.filfeil
            ],
        }


# --- reading ---------------------------------------------------------------------------------


def er_testfilnavn(sti: Path) -> bool:
    """Whether pytest should collect the file: ``test_*.toml``, or any ``.toml`` in ``saker/``."""
    return sti.suffix == ".toml" and (sti.name.startswith("test_") or sti.parent.name == "saker")


def les_testfil(fil: Path | str, *, krev_saker: bool = True) -> tuple[Testsak, ...]:
    """Read and check a test-case file. Raises ``TestfilFeil`` naming file, case and key."""
    sti = Path(fil)
    try:
        tekst = sti.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TestfilFeil(str(fil), f"filen kan ikke leses: {exc}") from None
    return les_testtekst(tekst, str(fil), mappe=sti.parent, krev_saker=krev_saker)


def les_testtekst(
    tekst: str,
    fil: str = "<tekst>",
    *,
    mappe: Path | None = None,
    krev_saker: bool = True,
) -> tuple[Testsak, ...]:
    """Read test cases from TOML text; ``mappe`` resolves ``fil``/``regler``/``satser``."""
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as exc:
        raise TestfilFeil(fil, f"ikke gyldig TOML: {exc}") from None
    ukjente = sorted(set(data) - {"sak", "standard"})
    if ukjente:
        raise TestfilFeil(
            fil, "ukjent nøkkel på toppnivå; kjente er: sak, standard", nokkel=ukjente[0]
        )
    standard = data.get("standard", {})
    if not isinstance(standard, dict):
        raise TestfilFeil(fil, "[standard] må være en tabell", nokkel="standard")
    for nokkel in standard:
        if nokkel not in _STANDARDNOKLER:
            raise TestfilFeil(
                fil,
                "ukjent nøkkel; kjente er: " + ", ".join(sorted(_STANDARDNOKLER)),
                nokkel=f"standard.{nokkel}",
            )
    saker = data.get("sak")
    if saker is None:
        if krev_saker:
            raise TestfilFeil(fil, "filen har ingen saker: skriv dem som [[sak]]-tabeller")
        return ()
    if not isinstance(saker, list) or not all(isinstance(s, dict) for s in saker):
        raise TestfilFeil(fil, "sakene må skrives som [[sak]]-tabeller", nokkel="sak")
    mappe = mappe if mappe is not None else Path.cwd()
    ut: list[Testsak] = []
    navn_sett: set[str] = set()
    for indeks, sak in enumerate(saker):
        testsak = _les_sak(sak, indeks, standard, fil, mappe)
        if testsak.navn in navn_sett:
            raise TestfilFeil(fil, "navnet er brukt før i filen", testsak.navn, "navn")
        navn_sett.add(testsak.navn)
        ut.append(testsak)
    return tuple(ut)


def _les_sak(
    sak: dict[str, Any], indeks: int, standard: Mapping[str, Any], fil: str, mappe: Path
) -> Testsak:
    navn = sak.get("navn")
    if not isinstance(navn, str) or not navn.strip():
        raise TestfilFeil(fil, "hver sak må ha et navn (tekst)", f"nr. {indeks + 1}", "navn")
    navn = navn.strip()

    def feil(melding: str, nokkel: str | None = None) -> TestfilFeil:
        return TestfilFeil(fil, melding, navn, nokkel)

    for nokkel in sak:
        if nokkel not in _SAKNOKLER:
            raise feil("ukjent nøkkel; kjente er: " + ", ".join(sorted(_SAKNOKLER)), nokkel)
    verdier = {**standard, **{k: v for k, v in sak.items() if k in _STANDARDNOKLER}}

    inndata: dict[str, Any] = {}
    if "fil" in sak:
        if not isinstance(sak["fil"], str):
            raise feil("må være en filsti (tekst)", "fil")
        sti = mappe / sak["fil"]
        try:
            lest = json.loads(sti.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise feil(f"saksfilen {sti} kan ikke leses: {exc}", "fil") from None
        if not isinstance(lest, dict):
            raise feil("saksfilen må inneholde et JSON-objekt", "fil")
        inndata.update(lest)
    if "inndata" in sak:
        if not isinstance(sak["inndata"], dict):
            raise feil("må være en tabell ([sak.inndata])", "inndata")
        inndata.update(_til_kontrakt(sak["inndata"], "inndata", feil))
    if "fil" not in sak and "inndata" not in sak:
        raise feil('saken mangler inndata: skriv [sak.inndata] eller fil = "SAK.json"')

    dato = verdier.get("dato")
    if dato is not None:
        dato = _dato_tekst(dato, "dato", feil)
    toleranse = _tall(verdier.get("toleranse", 0), "toleranse", feil)
    relativ = _tall(verdier.get("relativ_toleranse", 0), "relativ_toleranse", feil)
    if toleranse < 0 or relativ < 0:
        raise feil("toleransen kan ikke være negativ", "toleranse")
    stikkord = sak.get("stikkord", [])
    if not isinstance(stikkord, list) or not all(isinstance(s, str) for s in stikkord):
        raise feil("må være en liste med tekst", "stikkord")
    beskrivelse = sak.get("beskrivelse")
    if beskrivelse is not None and not isinstance(beskrivelse, str):
        raise feil("må være tekst", "beskrivelse")
    regler, satser = (_relativ_sti(verdier.get(n), n, mappe, feil) for n in ("regler", "satser"))
    forventet = _les_forventet(sak.get("forventet"), feil)
    return Testsak(
        navn=navn,
        inndata=inndata,
        forventet=forventet,
        fil=fil,
        dato=dato,
        toleranse=toleranse,
        relativ_toleranse=relativ,
        beskrivelse=beskrivelse,
        stikkord=tuple(stikkord),
        regler=regler,
        satser=satser,
    )


def _relativ_sti(verdi: Any, nokkel: str, mappe: Path, feil: Any) -> str | None:
    if verdi is None:
        return None
    if not isinstance(verdi, str):
        raise feil("må være en filsti (tekst)", nokkel)
    return str((mappe / verdi).resolve())


def _dato_tekst(verdi: Any, nokkel: str, feil: Any) -> str:
    if isinstance(verdi, datetime | time):
        raise feil("forventet en dato ÅÅÅÅ-MM-DD, ikke et tidspunkt", nokkel)
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, str):
        return verdi  # the contract checks it, and names it if it is not a date
    raise feil("forventet en dato ÅÅÅÅ-MM-DD", nokkel)


def _tall(verdi: Any, nokkel: str, feil: Any) -> Decimal:
    if isinstance(verdi, bool) or not isinstance(verdi, int | float):
        raise feil("må være et tall", nokkel)
    if isinstance(verdi, float) and not math.isfinite(verdi):
        raise feil("må være et endelig tall", nokkel)
    return Decimal(str(verdi)) if isinstance(verdi, float) else Decimal(verdi)


def _til_kontrakt(verdi: Any, sti: str, feil: Any) -> Any:
    """TOML values as the JSON contract has them: dates as ISO text, the rest unchanged."""
    if isinstance(verdi, dict):
        return {k: _til_kontrakt(v, f"{sti}.{k}", feil) for k, v in verdi.items()}
    if isinstance(verdi, list):
        return [_til_kontrakt(v, f"{sti}[{i}]", feil) for i, v in enumerate(verdi)]
    if isinstance(verdi, datetime | time):
        raise feil("forventet en dato ÅÅÅÅ-MM-DD, ikke et tidspunkt", sti)
    if isinstance(verdi, date):
        return verdi.isoformat()
    return verdi


def _les_forventet(data: Any, feil: Any) -> Forventet:
    if data is None:
        raise feil("saken sier ikke hva den skal gi: skriv [sak.forventet]", "forventet")
    if not isinstance(data, dict):
        raise feil("må være en tabell ([sak.forventet])", "forventet")
    lister: dict[str, tuple[str, ...]] = {}
    omrader: dict[str, dict[str, Any]] = {}
    for nokkel, verdi in data.items():
        if nokkel in _FORVENTET_LISTER:
            if not isinstance(verdi, list) or not all(isinstance(v, str) for v in verdi):
                raise feil("må være en liste med tekst", f"forventet.{nokkel}")
            lister[nokkel] = tuple(verdi)
        elif isinstance(verdi, dict):
            omrader[nokkel] = {
                k: _les_forventet_verdi(v, f"forventet.{nokkel}.{k}", feil)
                for k, v in verdi.items()
            }
            if not omrader[nokkel]:
                raise feil("tabellen for området er tom", f"forventet.{nokkel}")
        else:
            raise feil(
                "ukjent nøkkel: skriv et område som tabell ([sak.forventet.livsopphold]) "
                "eller en av " + ", ".join(_FORVENTET_LISTER),
                f"forventet.{nokkel}",
            )
    if "avvist" in lister and (omrader or len(lister) > 1):
        raise feil("en sak som skal avvises, kan ikke forvente noe annet", "forventet.avvist")
    if not omrader and not lister:
        raise feil("saken forventer ingenting", "forventet")
    return Forventet(
        omrader=omrader,
        merknader=lister.get("merknader", ()),
        ikke_merknader=lister.get("ikke_merknader", ()),
        ikke_vurdert=lister.get("ikke_vurdert", ()),
        avvist=lister.get("avvist"),
    )


def _les_forventet_verdi(verdi: Any, sti: str, feil: Any) -> Any:
    if sti.endswith(".utfall"):
        lovlige = [u.value for u in Utfall]
        if verdi not in lovlige:
            raise feil("ukjent utfall; lovlige er: " + ", ".join(lovlige), sti)
        return Utfall(verdi)
    if sti.rsplit(".", 1)[-1] in _MENGDER:
        if not isinstance(verdi, list) or not all(isinstance(v, str) for v in verdi):
            raise feil("må være en liste med tekst", sti)
        return frozenset(verdi)
    if isinstance(verdi, float) and not math.isfinite(verdi):
        raise feil("må være et endelig tall", sti)
    return _til_kontrakt(verdi, sti, feil)


# --- running ---------------------------------------------------------------------------------


@functools.cache
def _regelbok(regler: str | None, satser: str | None) -> Regelbok:
    return regelbok(regler, satser)


def kjor_sak(sak: Testsak) -> Resultat:
    """Assess the case and compare with what it expects. Never raises for a case's sake."""
    try:
        bok = _regelbok(sak.regler, sak.satser)
    except RegelFeil as exc:
        return Resultat(sak, (f"reglene eller satsene kan ikke lastes: {exc}",))
    try:
        vurdering = assess(sak.inndata, on=sak.dato, regler=bok, keep_trace=True)
    except UgyldigSak as exc:
        return Resultat(sak, tuple(_sammenlign_avvisning(sak, exc)))
    except RegelFeil as exc:
        return Resultat(sak, (f"feil i reglene: {exc}",))
    except Exception as exc:  # a bug in the library: reported, never a traceback
        return Resultat(sak, (), f"{type(exc).__name__}: {exc}")
    if sak.forventet.avvist is not None:
        return Resultat(
            sak,
            (
                "saken skulle vært avvist ("
                + ", ".join(sak.forventet.avvist)
                + "), men ble vurdert",
            ),
        )
    try:
        return Resultat(sak, tuple(_sammenlign(sak, vurdering)))
    except Exception as exc:
        return Resultat(sak, (), f"{type(exc).__name__}: {exc}")


def _sammenlign_avvisning(sak: Testsak, exc: UgyldigSak) -> Iterator[str]:
    felt = [f.felt for f in exc.feil]
    if sak.forventet.avvist is None:
        yield "saken ble avvist: " + "; ".join(f"{f.felt}: {f.melding}" for f in exc.feil)
        return
    for forventet in sak.forventet.avvist:
        if forventet not in felt:
            yield (f"avvisningen nevner ikke {forventet}; den nevner: " + ", ".join(felt))


def _sammenlign(sak: Testsak, vurdering: Assessment) -> Iterator[str]:
    f = sak.forventet
    for omrade, forventet in f.omrader.items():
        vedtak = vurdering.vedtak.get(omrade)
        if vedtak is None:
            yield (
                f"{omrade}: området ble ikke vurdert; vurderte områder: "
                + (", ".join(vurdering.vedtak) or "ingen")
            )
            continue
        for nokkel, onsket in forventet.items():
            sti = f"{omrade}.{nokkel}"
            if nokkel == "utfall":
                if vedtak.utfall is not onsket:
                    yield f"{sti}: forventet {onsket.value}, fikk {vedtak.utfall.value}"
                continue
            if nokkel == "mangler":
                faktisk: Any = frozenset(vedtak.mangler)
            elif nokkel == "ikke_oppfylte_regler":
                faktisk = (
                    frozenset(n.regel.id for n in innerste_feilede(vedtak) if n.regel is not None)
                    if vedtak.utfall is Utfall.IKKE_OPPFYLT
                    else frozenset()
                )
            elif nokkel in vedtak.utdata:
                faktisk = vedtak.utdata[nokkel]
            else:
                kjente = ["utfall", "mangler", "ikke_oppfylte_regler", *vedtak.utdata]
                yield f"{sti}: området har ingen slik utdata; kjente er: " + ", ".join(kjente)
                continue
            avvik = _avvik(onsket, faktisk, sak)
            if avvik:
                yield f"{sti}: {avvik}"
    koder = {m.kode for m in vurdering.merknader}
    for kode in f.merknader:
        if kode not in koder:
            yield f"merknad {kode} mangler; merknader: " + (", ".join(sorted(koder)) or "ingen")
    for kode in f.ikke_merknader:
        if kode in koder:
            yield f"merknad {kode} skulle ikke vært gitt"
    for omrade in f.ikke_vurdert:
        if omrade in vurdering.vedtak:
            utfall = vurdering.vedtak[omrade].utfall.value
            yield f"{omrade}: området skulle ikke vært vurdert (utfall {utfall})"


def _som_json(verdi: Any) -> Any:
    return fakta_til_json(verdi)


def _avvik(onsket: Any, faktisk: Any, sak: Testsak) -> str | None:
    """None when ``faktisk`` meets ``onsket``; else why not, in Norwegian."""
    if isinstance(onsket, frozenset):
        if onsket == faktisk:
            return None
        mangler, for_mye = sorted(onsket - faktisk), sorted(faktisk - onsket)
        deler = []
        if mangler:
            deler.append("mangler " + ", ".join(mangler))
        if for_mye:
            deler.append("har i tillegg " + ", ".join(for_mye))
        return "; ".join(deler)
    verdi = _som_json(faktisk)
    if onsket == INGEN:
        return None if verdi is None else f"forventet ingen verdi, fikk {_vis(verdi)}"
    if isinstance(onsket, int | float) and not isinstance(onsket, bool):
        if verdi is None or isinstance(verdi, bool) or not isinstance(verdi, int | float):
            return f"forventet {_vis(onsket)}, fikk {_vis(verdi)}"
        try:
            forskjell = abs(Decimal(str(verdi)) - Decimal(str(onsket)))
        except InvalidOperation:  # pragma: no cover - both are finite numbers here
            return f"forventet {_vis(onsket)}, fikk {_vis(verdi)}"
        grense = max(sak.toleranse, sak.relativ_toleranse * abs(Decimal(str(onsket))))
        if forskjell <= grense:
            return None
        return (
            f"forventet {_vis(onsket)} (toleranse {_vis(grense)}), fikk {_vis(verdi)} "
            f"(avvik {_vis(forskjell)})"
        )
    if isinstance(verdi, tuple):
        verdi = list(verdi)
    if verdi == onsket:
        return None
    return f"forventet {_vis(onsket)}, fikk {_vis(verdi)}"


def _vis(verdi: Any) -> str:
    if isinstance(verdi, Decimal | int | float) and not isinstance(verdi, bool):
        return tall(Decimal(str(verdi)), "nb")
    return json.dumps(verdi, ensure_ascii=False, default=str)


def finn_testfiler(sti: Path | str) -> list[Path]:
    """The test-case files at ``sti``: the file itself, or every ``*.toml`` below a folder
    that has ``[[sak]]`` tables (other TOML files, e.g. rules, are passed over)."""
    sti = Path(sti)
    if not sti.is_dir():
        return [sti]
    ut = []
    for fil in sorted(sti.rglob("*.toml")):
        try:
            data = tomllib.loads(fil.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            ut.append(fil)  # reported as a malformed file when read
            continue
        if "sak" in data:
            ut.append(fil)
    return ut


def kjor(stier: Iterable[Path | str], filter: str | None = None) -> Rapport:
    """Run every case in the files and folders given; ``filter`` keeps cases whose name or
    keywords contain it (case-insensitive)."""
    resultater: list[Resultat] = []
    filfeil: list[TestfilFeil] = []
    for sti in stier:
        filer = finn_testfiler(sti)
        if not filer:
            filfeil.append(TestfilFeil(str(sti), "ingen testfiler ([[sak]] i *.toml) funnet her"))
        for fil in filer:
            try:
                saker = les_testfil(fil)
            except TestfilFeil as exc:
                filfeil.append(exc)
                continue
            for sak in saker:
                if filter and not _treffer(sak, filter):
                    continue
                resultater.append(kjor_sak(sak))
    return Rapport(tuple(resultater), tuple(filfeil))


def _treffer(sak: Testsak, filter: str) -> bool:
    f = filter.casefold()
    return f in sak.navn.casefold() or any(f in s.casefold() for s in sak.stikkord)


# --- writing (the REPL's lagre-test) ---------------------------------------------------------

_NOKKEL = re.compile(r"[A-Za-z0-9_-]+")


def toml_verdi(verdi: Any) -> str:
    """A value as inline TOML: text, numbers, booleans, ISO dates (unquoted), lists, tables.

    Text that is a valid ISO date is written as a TOML date; the reader turns it back into the
    same text, so a case round-trips exactly.
    """
    if isinstance(verdi, bool):
        return "true" if verdi else "false"
    if isinstance(verdi, int):
        return str(verdi)
    if isinstance(verdi, Decimal):
        if not verdi.is_finite():
            raise ValueError(f"kan ikke skrive {verdi} i TOML")
        return str(int(verdi)) if verdi == verdi.to_integral_value() else str(verdi)
    if isinstance(verdi, float):
        if not math.isfinite(verdi):
            raise ValueError(f"kan ikke skrive {verdi} i TOML")
        return repr(verdi)
    if isinstance(verdi, date) and not isinstance(verdi, datetime):
        return verdi.isoformat()
    if isinstance(verdi, str):
        if ISO_DATO.fullmatch(verdi):
            try:
                date.fromisoformat(verdi)
                return verdi
            except ValueError:
                pass
        return _toml_tekst(verdi)
    if isinstance(verdi, list | tuple):
        return "[" + ", ".join(toml_verdi(v) for v in verdi) + "]"
    if isinstance(verdi, Mapping):
        if not verdi:
            return "{}"
        deler = (f"{_toml_nokkel(k)} = {toml_verdi(v)}" for k, v in verdi.items() if v is not None)
        return "{ " + ", ".join(deler) + " }"
    raise ValueError(f"kan ikke skrive {type(verdi).__name__} i TOML")


def _toml_tekst(tekst: str) -> str:
    ut = ['"']
    for tegn in tekst:
        if tegn == '"':
            ut.append('\\"')
        elif tegn == "\\":
            ut.append("\\\\")
        elif tegn == "\n":
            ut.append("\\n")
        elif tegn == "\t":
            ut.append("\\t")
        elif tegn == "\r":
            ut.append("\\r")
        elif ord(tegn) < 0x20 or ord(tegn) == 0x7F:
            ut.append(f"\\u{ord(tegn):04X}")
        else:
            ut.append(tegn)
    ut.append('"')
    return "".join(ut)


def _toml_nokkel(nokkel: str) -> str:
    return nokkel if _NOKKEL.fullmatch(nokkel) else _toml_tekst(nokkel)


def _tabell(hode: str, data: Mapping[str, Any]) -> list[str]:
    """A table: plain values first, then lists of tables (one item per line), then
    sub-tables, so a reader meets the case's simple facts before its lists."""
    linjer = [f"[{hode}]"]
    lister, undertabeller = [], []
    for nokkel, verdi in data.items():
        if verdi is None:
            continue
        if isinstance(verdi, Mapping) and verdi:
            undertabeller.append((nokkel, verdi))
        elif isinstance(verdi, list | tuple) and any(isinstance(v, Mapping) for v in verdi):
            lister.append((nokkel, verdi))
        else:
            linjer.append(f"{_toml_nokkel(nokkel)} = {toml_verdi(verdi)}")
    for nokkel, verdi in lister:
        linjer.append(f"{_toml_nokkel(nokkel)} = [")
        linjer += [f"  {toml_verdi(v)}," for v in verdi]
        linjer.append("]")
    for nokkel, verdi in undertabeller:
        linjer += ["", *_tabell(f"{hode}.{_toml_nokkel(nokkel)}", verdi)]
    return linjer


def forventet_fra(vurdering: Assessment) -> dict[str, Any]:
    """What an assessment gave, as a test file's ``forventet``: outcome and outputs per area,
    the missing facts of undetermined areas, and the flags raised."""
    ut: dict[str, Any] = {}
    koder = list(dict.fromkeys(m.kode for m in vurdering.merknader))
    if koder:
        ut["merknader"] = koder
    for omrade, vedtak in vurdering.vedtak.items():
        tabell: dict[str, Any] = {"utfall": vedtak.utfall.value}
        for nokkel, verdi in vedtak.utdata.items():
            json_verdi = fakta_til_json(verdi)
            if json_verdi is None:
                tabell[nokkel] = INGEN
            elif isinstance(json_verdi, int | float | str | bool) or (
                isinstance(json_verdi, list)
                and all(isinstance(v, int | float | str | bool) for v in json_verdi)
            ):
                tabell[nokkel] = json_verdi
        if vedtak.mangler:
            tabell["mangler"] = list(vedtak.mangler)
        ut[omrade] = tabell
    return ut


def toml_for_sak(
    navn: str,
    vurdering: Assessment,
    *,
    beskrivelse: str | None = None,
    toleranse: int | float = 0,
    regler: str | None = None,
    satser: str | None = None,
) -> str:
    """One ``[[sak]]`` block: the assessed case and what it gave now. ``regler``/``satser``:
    the rules folder and rate file it was assessed with, as the test file should name them."""
    linjer = ["[[sak]]", f"navn = {_toml_tekst(navn)}"]
    if beskrivelse:
        linjer.append(f"beskrivelse = {_toml_tekst(beskrivelse)}")
    linjer.append(f"toleranse = {toml_verdi(toleranse)}")
    if regler:
        linjer.append(f"regler = {_toml_tekst(regler)}")
    if satser:
        linjer.append(f"satser = {_toml_tekst(satser)}")
    linjer += ["", *_tabell("sak.inndata", vurdering.inndata)]
    forventet = forventet_fra(vurdering)
    lister = {k: v for k, v in forventet.items() if not isinstance(v, Mapping)}
    omrader = {k: v for k, v in forventet.items() if isinstance(v, Mapping)}
    if lister:
        linjer += ["", *_tabell("sak.forventet", lister)]
    for omrade, tabell in omrader.items():
        linjer += ["", *_tabell(f"sak.forventet.{_toml_nokkel(omrade)}", tabell)]
    return "\n".join(linjer) + "\n"


_HODE = (
    "# Testsaker for sosialregler (kjør: sosialregler test {fil}).\n"
    "# Hver [[sak]] er en sak med inndata og forventet utfall; se sosialregler.testfiler.\n"
)


def lagre_testsak(
    fil: Path | str,
    navn: str,
    vurdering: Assessment,
    *,
    beskrivelse: str | None = None,
    toleranse: int | float = 0,
    regler: Path | str | None = None,
    satser: Path | str | None = None,
) -> str:
    """Add the assessed case to a test-case file (created if absent), and return the name used.

    An existing file is appended to, keeping its comments; a name already in it gets a number.
    ``regler``/``satser``: the rules folder and rate file the case was assessed with (written
    relative to the file). The whole new text is read back before it is written, so a broken
    file is never left.
    """
    sti = Path(fil)
    eksisterende = ""
    navn_brukt: set[str] = set()
    if sti.exists():
        try:
            eksisterende = sti.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TestfilFeil(str(fil), f"filen kan ikke leses: {exc}") from None
        navn_brukt = {
            s.navn
            for s in les_testtekst(eksisterende, str(fil), mappe=sti.parent, krev_saker=False)
        }
    navn = navn.strip() or "sak"
    ledig, nummer = navn, 2
    while ledig in navn_brukt:
        ledig, nummer = f"{navn} ({nummer})", nummer + 1
    relativ = {
        n: Path(os.path.relpath(Path(v).resolve(), sti.resolve().parent)).as_posix()
        for n, v in (("regler", regler), ("satser", satser))
        if v is not None
    }
    blokk = toml_for_sak(ledig, vurdering, beskrivelse=beskrivelse, toleranse=toleranse, **relativ)
    if eksisterende.strip():
        tekst = eksisterende.rstrip("\n") + "\n\n" + blokk
    else:
        tekst = _HODE.format(fil=sti.name) + "\n" + blokk
    les_testtekst(tekst, str(fil), mappe=sti.parent)  # never write what cannot be read back
    try:
        sti.write_text(tekst, encoding="utf-8")
    except OSError as exc:
        raise TestfilFeil(str(fil), f"filen kan ikke skrives: {exc}") from None
    return ledig


# --- pytest plugin -----------------------------------------------------------------------------


def pytest_collect_file(file_path: Path, parent: Any) -> Any:
    """pytest hook: collect ``test_*.toml`` and ``saker/*.toml`` test-case files."""
    if not er_testfilnavn(file_path):
        return None
    samling, _ = _pytest_klasser()
    return samling.from_parent(parent, path=file_path)


class TestsakFeilet(AssertionError):
    """Raised by a pytest item whose case did not give what it expects."""

    __test__ = False

    def __init__(self, resultat: Resultat) -> None:
        self.resultat = resultat
        linjer = [f"sak «{resultat.sak.navn}» ({resultat.sak.fil}):"]
        linjer += [f"  {a}" for a in resultat.avvik]
        if resultat.intern_feil:
            linjer.append(f"  intern feil i sosialregler: {resultat.intern_feil}")
        super().__init__("\n".join(linjer))


@functools.cache
def _pytest_klasser() -> tuple[Any, Any]:
    """The pytest collector and item classes, made on first use (pytest is a test dependency
    only: ``sosialregler test`` runs without it)."""
    import pytest  # an optional extra: `sosialregler test` runs without pytest

    class TestfilSamling(pytest.File):
        def collect(self) -> Iterator[Any]:
            try:
                saker = les_testfil(self.path, krev_saker=False)
            except TestfilFeil as exc:
                raise self.CollectError(str(exc)) from None
            for sak in saker:
                yield TestfilSak.from_parent(self, name=sak.navn, sak=sak)

    class TestfilSak(pytest.Item):
        def __init__(self, *, sak: Testsak, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.sak = sak
            self.keywords.update(dict.fromkeys(sak.stikkord, True))  # pytest -k STIKKORD

        def runtest(self) -> None:
            resultat = kjor_sak(self.sak)
            if not resultat.ok:
                raise TestsakFeilet(resultat)

        def repr_failure(self, excinfo: Any, style: Any = None) -> Any:
            if isinstance(excinfo.value, TestsakFeilet):
                return str(excinfo.value)
            return super().repr_failure(excinfo)

        def reportinfo(self) -> tuple[Any, int | None, str]:
            return self.path, None, f"sak: {self.name}"

    return TestfilSamling, TestfilSak
