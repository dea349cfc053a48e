"""The audit points as data: ``rules/tilsyn/malepunkter.toml`` → validated ``Malepunkt`` objects.

The file holds what is law and language — each point's title, one-line description, legal basis,
the source of the audit point and how well it is verified, and every text in nb, nn and en — while
``vurdering.py`` holds only the logic that reads an assessment. A point in the file without
logic, or logic without a point, is refused here, so the two cannot drift apart.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from attrs import frozen

from ...inndata.errors import RegelFeil
from ...lov.sprak import SPRAK
from ...vurdering.rulebook_load import Problem, les_begrenset, standard_mappe
from .vurdering import LESTE_FLAGG, LOGIKK

UTFALL = ("oppfylt", "brudd", "uavklart", "ikke_relevant")
STATUS = ("V", "V2", "M")
FILNAVN = "malepunkter.toml"
_PLASSHOLDER = re.compile(r"\{([^{}]*)\}")
_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")

Tekst = Mapping[str, str]


@frozen
class Malepunkt:
    """One audit point: what it asks, on what legal basis, from which audit, how verified."""

    id: str
    nummer: int
    status: str  # V, V2 or M (the weakest tag among the facts it rests on)
    kilde: str
    kommentar: str
    tittel: Tekst
    beskrivelse: Tekst
    hjemmel: Tekst
    grunner: Mapping[str, Tekst]

    @property
    def verifisert(self) -> bool:
        """Whether the point rests on sources read (V or V2); M is an audit point only."""
        return self.status != "M"


@frozen
class Malepunkter:
    """Every audit point in order, with the shared outcome templates and names."""

    punkter: tuple[Malepunkt, ...]
    utfallsmaler: Mapping[str, Tekst]  # utfall → template with {grunner} / {mangler}
    navn: Mapping[str, Tekst]  # utfall and «uverifisert» → display name
    fil: str
    ord: Mapping[str, Tekst] = {}  # a code a reason names (inkasso, skole, …) → its word
    merknader: Mapping[str, Tekst] = {}  # a flag the audit reads → its short label

    def ordet(self, kode: str, sprak: str) -> str:
        """A code in words (the code itself if the file has no word for it)."""
        return self.ord[kode][sprak] if kode in self.ord else kode

    def merknad(self, kode: str, sprak: str) -> str:
        """A flag by its short label (``les`` refuses a file without one for a flag read)."""
        return self.merknader[kode][sprak]

    def punkt(self, ident: str) -> Malepunkt:
        for p in self.punkter:
            if p.id == ident:
                return p
        raise KeyError(ident)


def _tekst(verdi: Any, hvor: str, problemer: list[str]) -> Tekst:
    if not isinstance(verdi, dict):
        problemer.append(f"{hvor}: må være en tabell med nb, nn og en")
        return {}
    for sprak in SPRAK:
        if not isinstance(verdi.get(sprak), str) or not verdi[sprak].strip():
            problemer.append(f"{hvor}: mangler tekst på {sprak}")
    ukjente = set(verdi) - set(SPRAK)
    if ukjente:
        problemer.append(f"{hvor}: ukjente språk {sorted(ukjente)}")
    plassholdere = {s: set(_PLASSHOLDER.findall(verdi.get(s, ""))) for s in SPRAK}
    if len({frozenset(v) for v in plassholdere.values()}) > 1:
        problemer.append(f"{hvor}: språkene bruker ulike plassholdere {plassholdere}")
    return {s: verdi[s] for s in SPRAK if isinstance(verdi.get(s), str)}


def les(fil: Path, logikk: frozenset[str], flagg: frozenset[str] = frozenset()) -> Malepunkter:
    """Load and check the file; ``logikk``: the point ids ``vurdering.py`` has logic for;
    ``flagg``: the flags it reads as evidence, each needing a short label."""
    try:
        data = tomllib.loads(les_begrenset(fil).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RegelFeil(f"kan ikke leses: {exc}", fil=str(fil)) from None
    problemer: list[str] = []
    utfall = data.get("utfall", {})
    maler = {u: _tekst(utfall.get(u), f"utfall.{u}", problemer) for u in UTFALL}
    for u, mal in maler.items():
        tillatt = {"mangler"} if u == "uavklart" else {"grunner"}
        for sprak, t in mal.items():
            if set(_PLASSHOLDER.findall(t)) - tillatt:
                problemer.append(f"utfall.{u}.{sprak}: bare {tillatt} kan brukes")
    navn_data = data.get("navn", {})
    navn = {n: _tekst(navn_data.get(n), f"navn.{n}", problemer) for n in (*UTFALL, "uverifisert")}
    ord_ = {k: _tekst(v, f"ord.{k}", problemer) for k, v in data.get("ord", {}).items()}
    merknader = {
        k: _tekst(v, f"merknad.{k}", problemer) for k, v in data.get("merknad", {}).items()
    }
    for kode in sorted(flagg - set(merknader)):
        problemer.append(f"merknad.{kode}: merknaden leses av et målepunkt, men har ingen etikett")
    punkter: list[Malepunkt] = []
    for i, p in enumerate(data.get("malepunkt", [])):
        ident = p.get("id")
        hvor = f"malepunkt {ident or i}"
        if not isinstance(ident, str) or not _ID.fullmatch(ident):
            problemer.append(f"{hvor}: id må være små bokstaver, tall og bindestrek")
            continue
        if p.get("status") not in STATUS:
            problemer.append(f"{hvor}: status må være en av {STATUS}")
        for felt in ("kilde", "kommentar"):
            if not isinstance(p.get(felt), str) or not p[felt].strip():
                problemer.append(f"{hvor}: {felt} mangler (kilden til målepunktet skal stå)")
        if not isinstance(p.get("nummer"), int):
            problemer.append(f"{hvor}: nummer mangler")
        grunner = {
            k: _tekst(v, f"{hvor}.grunn.{k}", problemer) for k, v in p.get("grunn", {}).items()
        }
        if not grunner:
            problemer.append(f"{hvor}: ingen grunner (tekster) er gitt")
        punkter.append(
            Malepunkt(
                id=ident,
                nummer=p.get("nummer", 0),
                status=p.get("status", "M"),
                kilde=p.get("kilde", ""),
                kommentar=p.get("kommentar", ""),
                tittel=_tekst(p.get("tittel"), f"{hvor}.tittel", problemer),
                beskrivelse=_tekst(p.get("beskrivelse"), f"{hvor}.beskrivelse", problemer),
                hjemmel=_tekst(p.get("hjemmel"), f"{hvor}.hjemmel", problemer),
                grunner=grunner,
            )
        )
    ider = [p.id for p in punkter]
    if len(set(ider)) != len(ider):
        problemer.append(f"et målepunkt er oppgitt to ganger: {ider}")
    if sorted(p.nummer for p in punkter) != list(range(1, len(punkter) + 1)):
        problemer.append("målepunktene må være nummerert 1, 2, 3 … uten hull")
    for mangler in sorted(logikk - set(ider)):
        problemer.append(f"målepunktet {mangler} har logikk i vurdering.py, men står ikke i filen")
    for uten in sorted(set(ider) - logikk):
        problemer.append(f"målepunktet {uten} har ingen logikk i vurdering.py")
    if problemer:
        raise RegelFeil(
            f"{len(problemer)} feil i målepunktene:\n  " + "\n  ".join(problemer), fil=str(fil)
        )
    return Malepunkter(
        tuple(sorted(punkter, key=lambda p: p.nummer)), maler, navn, str(fil), ord_, merknader
    )


@lru_cache(maxsize=8)
def last(mappe: str | None = None) -> Malepunkter:
    """The audit points of a rules folder (default: the shipped one), loaded once per process."""
    rot = Path(mappe) if mappe else standard_mappe()
    return les(rot / "tilsyn" / FILNAVN, frozenset(LOGIKK), LESTE_FLAGG)


def sjekk_mappe(mappe: str | Path | None = None) -> list[Problem]:
    """For ``regler --sjekk``: the audit points' problems in a rules folder (none without
    ``tilsyn/``: a folder of other rules need not carry them)."""
    rot = Path(mappe) if mappe else standard_mappe()
    fil = rot / "tilsyn" / FILNAVN
    if not (rot / "tilsyn").exists():
        return []
    try:
        les(fil, frozenset(LOGIKK), LESTE_FLAGG)
    except RegelFeil as exc:
        return [
            Problem(str(fil), None, linje.strip()) for linje in exc.melding.splitlines()[1:]
        ] or [Problem(str(fil), None, exc.melding)]
    return []
