"""Rule files (TOML) → a validated, compiled ``Regelbok``.

Loading and linting are one code path: ``sjekk`` collects every problem (file, rule, field,
why) and builds what it can; ``last_regelbok`` raises ``RegelFeil`` listing them all. So
``sosialregler regler --sjekk`` reports exactly what would stop the library from loading.

Nothing in a rule file can run code: TOML is data, expressions go through the library's own
parser (``expr.py``) and compile to closures over a whitelist of operators and functions.

A folder that loads must also run (issue 15): what would fail on every case is found here, not
reported as a library bug on the first case. Expressions are checked against the kinds of the
facts they read (the catalogue), parts made only of constants are computed, a condition must
give true or false, the chain of rule references is bounded by how deep evaluation would go
(``MAKS_VURDERINGSDYBDE``, computed without recursion so a chain of 100 000 rules is a message,
not a crash), and every rate table the calculations read must hold what they read
(``rates.KRAV``), a municipality's table included.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from attrs import frozen

from ..inndata.errors import RegelFeil
from ..lov.outcome import Utfall
from ..lov.rates import (
    KRAV,
    LIVSOPPHOLD,
    Satser,
    Satstabell,
    last_satser,
    last_satstabell,
    sjekk_krav,
)
from ..lov.rulebook.book import Regelbok
from ..lov.rulebook.conditions import (
    Alle,
    Betingelse,
    Ikke,
    MinstEn,
    Regelreferanse,
    Skjonn,
    Uttrykksblad,
    blader,
)
from ..lov.rulebook.expr import REGEL_ID, UttrykkFeil, parse, satsoppslag, utfallsregel
from ..lov.rulebook.lesing import les_begrenset
from ..lov.rulebook.model import (
    KILDETYPER,
    Elementsum,
    Hjemmel,
    Merknadsspec,
    Omrade,
    Regel,
    RegelInfo,
    Tilfelle,
    Verdi,
)
from ..lov.sprak import SPRAK
from . import areas
from .katalog import KATALOG, kjent

#: Calculations that are code, not conditions (``areas/``); a rule names one with ``beregning``.
BEREGNINGER = areas.beregninger()
#: Item scopes a rule may declare with ``gjelder`` (an income line, a condition, a stay …).
OMFANG = frozenset(info.omfang for info in KATALOG.values() if info.omfang)
#: Placeholders every text may use besides catalogue facts.
INNEBYGDE_PLASSHOLDERE = frozenset({"mangler"})
#: Deeper condition trees are refused: no law needs them, and a hostile file must not recurse.
MAKS_DYBDE = 30
#: The deepest an evaluation may go, in Python frames (estimated per level below): a condition
#: level, an expression level, a reference to another rule and an exception each cost a few
#: frames, added up along the longest chain of references. Python stops at 1 000 frames, and
#: the caller (a case system, the REPL, a test runner) needs room of its own.
MAKS_VURDERINGSDYBDE = 500
_RAMMER_BETINGELSE = 2  # alle/minst_en: the combination and its list
_RAMMER_UTTRYKK = 3  # an expression level (closure, a helper, a function call)
_RAMMER_HENVISNING = 5  # { regel = … } or an exception: lookup, evaluation, the rule's condition
#: The kind of every catalogue fact, for the expression checker (``expr.parse``).
ARTER: Mapping[str, str] = {navn: info.type for navn, info in KATALOG.items()}

_REGELNOKLER = {
    "id",
    "tittel",
    "hjemmel",
    "kilde",
    "gyldig_fra",
    "gyldig_til",
    "vilkar",
    "beregning",
    "gjelder",
    "unntak_fra",
    "gir",
    "merknad",
    "tekst",
    "kommentar",
    "verdi",
    "sum",
}
_VERDINOKLER = {"navn", "tittel", "uttrykk", "kommentar"}
_SUMUTFALL = ("oppfylt", "ikke_oppfylt", "skjonn")
_SUMNOKLER = {"navn", "tittel", "regel", "gjelder", "utenfor", "kommentar", *_SUMUTFALL}
#: A sum without an item rule: its cases (``tilfeller = [{ hvor = …, verdi = … }, …]``).
_TILFELLESUMNOKLER = {"navn", "tittel", "gjelder", "tilfeller", "kommentar"}
_TILFELLENOKLER = {"hvor", "verdi"}
#: Kinds a calculation step may give, and the expression kind each must come out as.
_VERDIARTER = {"belop": "tall", "tall": "tall", "sannhetsverdi": "sannhetsverdi"}
_HJEMMELNOKLER = {"kilde", "paragraf", "ledd", "bokstav", "punkt", "lenke"}
_TEKSTNOKLER = {"oppfylt", "ikke_oppfylt", "uavklart", "skjonn", "endring"}
_OMRADENOKLER = {
    "id",
    "tittel",
    "hovedregel",
    "beregning",
    "kontroller",
    "vurderes_nar",
    "kommentar",
}
_PLASSHOLDER = re.compile(r"\{([^{}]*)\}")
_KODE = re.compile(r"[A-Z][A-Z0-9_]*")


@frozen
class Problem:
    """One thing wrong in a rules folder, as the linter reports it."""

    fil: str
    regel: str | None
    melding: str

    def __str__(self) -> str:
        hvor = f"{self.fil}" + (f" [regel {self.regel}]" if self.regel else "")
        return f"{hvor}: {self.melding}"


@frozen
class Kilde:
    id: str
    navn: Mapping[str, str]
    lenke: str
    paragraflenke: str | None


def standard_mappe() -> Path:
    """The rules shipped with the library: inside the installed package, else the repo's."""
    pakke = Path(__file__).resolve().parent.parent
    installert = pakke / "rules"
    if installert.is_dir():
        return installert
    return pakke.parent.parent / "rules"


def digest(mappe: Path) -> str:
    """sha256 over every rule and rate file (path and bytes), stamped on each decision."""
    h = hashlib.sha256()
    for fil in sorted(mappe.rglob("*.toml")):
        h.update(fil.relative_to(mappe).as_posix().encode())
        h.update(b"\0")
        h.update(les_begrenset(fil))
        h.update(b"\0")
    return "sha256:" + h.hexdigest()


def last_regelbok(mappe: Path | str | None = None, satser: Path | str | None = None) -> Regelbok:
    """Load, validate and compile a rules folder; ``satser`` is a municipality's rate file."""
    regelbok, problemer = sjekk(mappe, satser)
    if problemer or regelbok is None:
        raise RegelFeil(
            f"{len(problemer)} feil i reglene:\n  " + "\n  ".join(str(p) for p in problemer),
            fil=str(mappe or standard_mappe()),
        )
    return regelbok


def sjekk(
    mappe: Path | str | None = None, satser: Path | str | None = None
) -> tuple[Regelbok | None, list[Problem]]:
    """Load what can be loaded and list every problem found."""
    rot = Path(mappe) if mappe is not None else standard_mappe()
    problemer: list[Problem] = []
    if not rot.is_dir():
        return None, [Problem(str(rot), None, "mappen finnes ikke")]
    kilder = _last_kilder(rot / "kilder.toml", problemer)
    regler: list[Regel] = []
    omrader: list[Omrade] = []
    filer = sorted(f for f in rot.glob("*.toml") if f.name != "kilder.toml")
    if not filer:
        problemer.append(Problem(str(rot), None, "ingen regelfiler (*.toml) i mappen"))
    for fil in filer:
        data = _les_toml(fil, problemer)
        if data is None:
            continue
        try:
            _last_regelfil(fil, data, kilder, regler, omrader, problemer)
        except RecursionError:
            problemer.append(Problem(fil.name, None, "filen er for dypt nøstet til å leses"))
    tabeller: Satser | None = None
    try:
        tabeller = last_satser(rot / "satser")
    except RegelFeil as exc:
        problemer.append(Problem(exc.fil or str(rot / "satser"), exc.regel, exc.melding))
    if tabeller is not None:
        for krav in KRAV.values():
            if krav.id not in tabeller:
                problemer.append(
                    Problem(
                        str(rot / "satser"),
                        None,
                        f"satstabellen '{krav.id}' mangler; {krav.brukes_av} leser den",
                    )
                )
    kommunale: Satstabell | None = None
    if satser is not None:
        try:
            kommunale = last_satstabell(Path(satser))
        except RegelFeil as exc:
            problemer.append(Problem(exc.fil or str(satser), exc.regel, exc.melding))
        else:
            # It replaces the guideline table in § 18: it must hold what § 18 reads.
            mangler = sjekk_krav(kommunale, LIVSOPPHOLD)
            if mangler:
                problemer.append(
                    Problem(
                        str(satser),
                        None,
                        f"kommunens satstabell kan ikke erstatte '{LIVSOPPHOLD.id}' "
                        f"({len(mangler)} feil):\n  - " + "\n  - ".join(mangler),
                    )
                )
    # Rules that failed to load are reported once; references to them are not reported again.
    mislykket = {p.regel for p in problemer if p.regel}
    versjoner = _grupper(regler, problemer)
    unntak = _unntak(versjoner, problemer, mislykket)
    _sjekk_referanser(versjoner, omrader, problemer, mislykket, unntak)
    if tabeller is not None:
        _sjekk_satsoppslag(versjoner, tabeller, kommunale, problemer)
    if problemer or tabeller is None:
        return None, problemer
    return (
        Regelbok(
            regler=versjoner,
            omrader=tuple(omrader),
            unntak=unntak,
            satser=tabeller,
            digest=digest(rot),
            mappe=str(rot),
            beregningsrekkefolge=tuple(
                areas.rekkefolge([o.beregning for o in omrader if o.beregning])
            ),
            kommunale_satser=kommunale,
        ),
        problemer,
    )


def _les_toml(fil: Path, problemer: list[Problem]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(les_begrenset(fil).decode("utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        problemer.append(Problem(fil.name, None, f"ugyldig TOML: {exc}"))
    except RecursionError:
        problemer.append(Problem(fil.name, None, "filen er for dypt nøstet til å leses"))
    except ValueError as exc:  # e.g. an integer of more than 4 300 digits
        problemer.append(Problem(fil.name, None, f"ugyldig TOML: {exc}"))
    except (OSError, UnicodeDecodeError) as exc:
        problemer.append(Problem(fil.name, None, f"kan ikke leses: {exc}"))
    return None


def _last_kilder(fil: Path, problemer: list[Problem]) -> dict[str, Kilde]:
    if not fil.is_file():
        problemer.append(Problem(str(fil), None, "kilder.toml mangler (rettskildene)"))
        return {}
    data = _les_toml(fil, problemer) or {}
    kilder: dict[str, Kilde] = {}
    for kid, k in (data.get("kilde") or {}).items():
        if (
            not isinstance(k, dict)
            or not _er_sprakmap(k.get("navn"))
            or not isinstance(k.get("lenke"), str)
        ):
            problemer.append(
                Problem(str(fil), None, f"kilde {kid}: trenger navn {{nb, nn, en}} og lenke")
            )
            continue
        ukjente = set(k) - {"navn", "lenke", "paragraflenke", "kommentar"}
        if ukjente:
            problemer.append(
                Problem(str(fil), None, f"kilde {kid}: ukjente nøkler {sorted(ukjente)}")
            )
        mal = k.get("paragraflenke")
        # A template, not a format string: «{paragraf}» is its one placeholder (str.format
        # would let a sources file read attributes or build huge strings).
        uten = mal.replace("{paragraf}", "") if isinstance(mal, str) else None
        if mal is not None and (uten is None or "{" in uten or "}" in uten):
            problemer.append(
                Problem(
                    str(fil),
                    None,
                    f"kilde {kid}: paragraflenke kan bare inneholde plassholderen {{paragraf}}",
                )
            )
            continue
        kilder[kid] = Kilde(kid, k["navn"], k["lenke"], mal)
    return kilder


#: Languages a text may add to nb and en: nynorsk is written for new rule texts (rendering
#: in it is not offered yet; the texts wait in the rulebook).
SPRAK_VALGFRIE = ("nn",)
_SPRAKSETT = (frozenset(SPRAK), frozenset((*SPRAK, *SPRAK_VALGFRIE)))


def _er_sprakmap(verdi: Any) -> bool:
    return (
        isinstance(verdi, dict)
        and frozenset(verdi) in _SPRAKSETT
        and all(isinstance(v, str) and v.strip() for v in verdi.values())
    )


def _last_regelfil(
    fil: Path,
    data: dict[str, Any],
    kilder: Mapping[str, Kilde],
    regler: list[Regel],
    omrader: list[Omrade],
    problemer: list[Problem],
) -> None:
    navn = fil.name
    ukjente = set(data) - {"omrade", "regel", "kommentar"}
    if ukjente:
        problemer.append(
            Problem(
                navn,
                None,
                f"ukjente nøkler øverst i filen: {sorted(ukjente)}; "
                "kjente er omrade, regel, kommentar",
            )
        )
    if "omrade" in data:
        omrade = _last_omrade(navn, data["omrade"], problemer)
        if omrade:
            omrader.append(omrade)
    rader = data.get("regel", [])
    if not isinstance(rader, list):
        problemer.append(Problem(navn, None, "«regel» må være en liste av tabeller ([[regel]])"))
        return
    for indeks, rad in enumerate(rader):
        regel = _last_regel(navn, indeks, rad, kilder, problemer)
        if regel:
            regler.append(regel)


def _last_omrade(fil: str, data: Any, problemer: list[Problem]) -> Omrade | None:
    if not isinstance(data, dict):
        problemer.append(Problem(fil, None, "[omrade] må være en tabell"))
        return None
    feil = []
    ukjente = set(data) - _OMRADENOKLER
    if ukjente:
        feil.append(f"ukjente nøkler i [omrade]: {sorted(ukjente)}")
    for nokkel in ("id", "hovedregel"):
        if not isinstance(data.get(nokkel), str):
            feil.append(f"[omrade] mangler {nokkel} (tekst)")
    if not _er_sprakmap(data.get("tittel")):
        feil.append("[omrade] trenger tittel = { nb = …, nn = …, en = … }")
    beregning = data.get("beregning")
    if beregning is not None and beregning not in BEREGNINGER:
        feil.append(f"[omrade] ukjent beregning {beregning!r}; kjente er {list(BEREGNINGER)}")
    kontroller = data.get("kontroller", [])
    if not isinstance(kontroller, list) or not all(isinstance(k, str) for k in kontroller):
        feil.append("[omrade] kontroller må være en liste av regel-id-er")
        kontroller = []
    vurderes_nar = None
    if "vurderes_nar" in data:
        vurderes_nar = _betingelse(data["vurderes_nar"], None, feil.append, "vurderes_nar")
    if feil:
        problemer.extend(Problem(fil, None, m) for m in feil)
        return None
    return Omrade(
        data["id"],
        data["tittel"],
        data["hovedregel"],
        beregning,
        tuple(kontroller),
        fil,
        vurderes_nar,
    )


def _last_regel(
    fil: str, indeks: int, data: Any, kilder: Mapping[str, Kilde], problemer: list[Problem]
) -> Regel | None:
    if not isinstance(data, dict):
        problemer.append(Problem(fil, f"#{indeks}", "[[regel]] må være en tabell"))
        return None
    rid = data.get("id")
    hvem = rid if isinstance(rid, str) else f"#{indeks + 1} i filen"
    feil: list[str] = []

    def galt(melding: str) -> None:
        feil.append(melding)

    if not isinstance(rid, str) or not REGEL_ID.fullmatch(rid):
        galt("id mangler eller er ugyldig (små bokstaver, tall og bindestrek)")
    ukjente = set(data) - _REGELNOKLER
    if ukjente:
        galt(f"ukjente nøkler {sorted(ukjente)}; kjente er {sorted(_REGELNOKLER)}")
    if not _er_sprakmap(data.get("tittel")):
        galt("tittel må være { nb = …, nn = …, en = … }")
    hjemler = _hjemler(data.get("hjemmel"), kilder, galt)
    kildetype = data.get("kilde")
    if kildetype not in KILDETYPER:
        galt(
            f"kilde må være en av {list(KILDETYPER)} (skal = plikt, kan = adgang, bor = "
            f"veiledning), ikke {kildetype!r}"
        )
    fra, til = data.get("gyldig_fra"), data.get("gyldig_til")
    if not isinstance(fra, date):
        galt("gyldig_fra mangler eller er ikke en TOML-dato (ÅÅÅÅ-MM-DD uten anførselstegn)")
    if til is not None and not isinstance(til, date):
        galt("gyldig_til er ikke en TOML-dato")
    if isinstance(fra, date) and isinstance(til, date) and til < fra:
        galt(f"gyldig_til {til} er før gyldig_fra {fra}")
    omfang = data.get("gjelder")
    if omfang is not None and omfang not in OMFANG:
        galt(f"gjelder må være en av {sorted(OMFANG)} eller utelatt, ikke {omfang!r}")
    vilkar: Betingelse | None = None
    if "vilkar" in data:
        vilkar = _betingelse(data["vilkar"], omfang, galt, "vilkar")
    beregning = data.get("beregning")
    if beregning is not None and beregning not in BEREGNINGER:
        galt(f"ukjent beregning {beregning!r}; kjente er {list(BEREGNINGER)}")
    if ("vilkar" in data) == (beregning is not None):
        galt("regelen må ha enten vilkar (en betingelse) eller beregning, ikke begge")
    summer: tuple[Elementsum, ...] = ()
    if "sum" in data:
        if beregning is None:
            galt("sum (summer over elementer) brukes bare i en regel med beregning")
        else:
            summer = _summer(data["sum"], beregning, galt)
    verdier: tuple[Verdi, ...] = ()
    if "verdi" in data:
        if beregning is None:
            galt("verdi (mellomregninger) brukes bare i en regel med beregning")
        else:
            verdier = _verdier(data["verdi"], beregning, galt, {s.navn for s in summer})
    elif isinstance(beregning, str) and beregning in BEREGNINGER:
        # A calculation that reads its arithmetic from the rule cannot run without it.
        for navn in areas.verdikrav(beregning):
            if navn not in {s.navn for s in summer}:
                galt(
                    f"beregningen {beregning!r} trenger mellomregningen {navn!r} (verdi eller sum)"
                )
    unntak_fra, gir = data.get("unntak_fra"), data.get("gir")
    gir_utfall: Utfall | None = None
    if unntak_fra is not None:
        if not isinstance(unntak_fra, str):
            galt("unntak_fra må være en regel-id")
        if gir not in {u.value for u in Utfall}:
            galt(
                'et unntak må si hva det gir når det slår til: gir = "oppfylt", '
                '"ikke_oppfylt" eller "skjonn"'
            )
        else:
            gir_utfall = Utfall(gir)
    elif gir is not None:
        galt("gir brukes bare sammen med unntak_fra")
    merknad = _merknad(data.get("merknad"), galt)
    if merknad and merknad.person and not kjent(merknad.person, omfang):
        galt(f"merknad.person: {merknad.person!r} er ikke et kjent faktum her")
    tekster, tekstnavn = _tekster(data.get("tekst"), omfang, galt)
    if feil:
        problemer.extend(Problem(fil, hvem, m) for m in feil)
        return None
    # No complaint above, so these were checked (for the type checker, which cannot follow `galt`).
    assert isinstance(rid, str) and isinstance(kildetype, str) and isinstance(fra, date)
    info = RegelInfo(
        rid,
        data["tittel"],
        tuple(hjemler),
        kildetype,
        fra,
        til,
        tekster,
        fil,
        blader(vilkar) if vilkar is not None else {},
    )
    return Regel(
        info, vilkar, beregning, omfang, unntak_fra, gir_utfall, merknad, tekstnavn, verdier, summer
    )


def _summer(data: Any, beregning: str, galt: Any) -> tuple[Elementsum, ...]:
    """The sums over items ``[[regel.sum]]`` of a calculation rule, checked as strictly as a
    step: an amount the calculation gives, once; an item rule and its scope; per outcome an
    expression over the item's facts that gives a number, or the outcome listed as ``utenfor``.
    That the item rule exists with that scope is checked with the other references."""
    if not isinstance(data, list) or not data:
        galt("sum må være en ikke-tom liste av tabeller ([[regel.sum]])")
        return ()
    ut: list[Elementsum] = []
    gitt: set[str] = set()
    for i, d in enumerate(data):
        sti = f"sum[{i}]"
        if not isinstance(d, dict):
            galt(f"{sti}: må være en tabell med navn, tittel, regel, gjelder og utfall")
            continue
        nokler = _TILFELLESUMNOKLER if "tilfeller" in d else _SUMNOKLER
        ukjente = set(d) - nokler
        if ukjente:
            galt(f"{sti}: ukjente nøkler {sorted(ukjente)}; kjente er {sorted(nokler)}")
        navn, regel, omfang = d.get("navn"), d.get("regel"), d.get("gjelder")
        info = KATALOG.get(navn) if isinstance(navn, str) else None
        if info is None or not str(navn).startswith(f"{beregning}."):
            galt(f"{sti}: navn {navn!r} er ikke et faktum som beregningen {beregning!r} gir")
            continue
        assert isinstance(navn, str)
        if navn in gitt:
            galt(f"{sti}: {navn!r} er gitt før")
            continue
        if info.type != "belop":
            galt(f"{sti}: {navn!r} er {info.type}; en sum gir belop")
            continue
        if not _er_sprakmap(d.get("tittel")):
            galt(f"{sti}: tittel må være {{ nb = …, nn = …, en = … }}")
        if "tilfeller" in d:
            tilfellesum = _tilfellesum(d, sti, navn, omfang, galt)
            if tilfellesum is not None:
                gitt.add(navn)
                ut.append(tilfellesum)
            continue
        if not isinstance(regel, str) or not REGEL_ID.fullmatch(regel):
            galt(f"{sti}: regel må være id-en til en regel som gjelder hvert element")
            continue
        if omfang not in OMFANG:
            galt(f"{sti}: gjelder må være en av {sorted(OMFANG)}, ikke {omfang!r}")
            continue
        utenfor = d.get("utenfor", [])
        if not isinstance(utenfor, list) or not set(utenfor) <= set(_SUMUTFALL):
            galt(f"{sti}: utenfor må være en liste av {list(_SUMUTFALL)}")
            continue
        ledd: dict[Utfall, Any] = {}
        for nokkel in _SUMUTFALL:
            tekst = d.get(nokkel)
            if tekst is None:
                continue
            if nokkel in utenfor:
                galt(f"{sti}: {nokkel} står både som uttrykk og i utenfor")
            uttrykk = _elementuttrykk(tekst, f"{sti}.{nokkel}", omfang, "tall", galt)
            if uttrykk is None:
                continue
            _uten_satsoppslag(uttrykk, f"{sti}.{nokkel}", galt)
            ledd[Utfall(nokkel)] = uttrykk
        if not ledd:
            galt(f"{sti}: sier ikke hva et element legger til (oppfylt, ikke_oppfylt eller skjonn)")
            continue
        andre = {s.regel for s in ut if s.gjelder == omfang and s.regel} - {regel}
        if andre:
            # One rule decides one kind of item in a calculation: every item is evaluated once.
            galt(
                f"{sti}: elementene ({omfang}) vurderes alt etter {sorted(andre)[0]!r}, "
                f"ikke {regel!r}"
            )
            continue
        gitt.add(navn)
        tittel = d.get("tittel") or {}
        ut.append(
            Elementsum(navn, tittel, regel, omfang, ledd, frozenset(Utfall(u) for u in utenfor))
        )
    return tuple(ut)


def _tilfellesum(
    d: dict[str, Any], sti: str, navn: str, omfang: Any, galt: Any
) -> Elementsum | None:
    """A sum without an item rule: each case a condition on the item (``hvor``, true or
    false) and what an item it holds for adds (``verdi``, an amount); the only place a rate
    lookup (``sats``, ``barnesats``) may stand, since the calculation gives the tables there."""
    if omfang not in OMFANG:
        galt(f"{sti}: gjelder må være en av {sorted(OMFANG)}, ikke {omfang!r}")
        return None
    data = d.get("tilfeller")
    if not isinstance(data, list) or not data:
        galt(f"{sti}: tilfeller må være en ikke-tom liste av {{ hvor = …, verdi = … }}")
        return None
    tilfeller: list[Tilfelle] = []
    for j, t in enumerate(data):
        hvor = f"{sti}.tilfeller[{j}]"
        if not isinstance(t, dict) or set(t) != _TILFELLENOKLER:
            galt(f"{hvor}: må være en tabell med nøyaktig hvor og verdi")
            continue
        deler = []
        for nokkel, art in (("hvor", "sannhetsverdi"), ("verdi", "tall")):
            uttrykk = _elementuttrykk(t[nokkel], f"{hvor}.{nokkel}", omfang, art, galt)
            if uttrykk is None:
                break
            deler.append(uttrykk)
        if len(deler) == 2:
            tilfeller.append(Tilfelle(deler[0], deler[1]))
    if len(tilfeller) != len(data):
        return None
    return Elementsum(navn, d.get("tittel") or {}, None, omfang, {}, tilfeller=tuple(tilfeller))


def _elementuttrykk(tekst: Any, sti: str, omfang: Any, art: str, galt: Any) -> Any:
    """An expression of a sum over items, read and checked (text, parsed, the item's facts
    known, of kind ``art``), or None after saying why it cannot be read. An amount's kind is
    named «belop» in the message, as a rule file's author knows it."""
    if not isinstance(tekst, str):
        galt(f"{sti}: uttrykket må være tekst")
        return None
    try:
        uttrykk = parse(tekst, ARTER)
    except UttrykkFeil as exc:
        galt(f"{sti}: uttrykket lar seg ikke lese: {exc}")
        return None
    for lest in uttrykk.navn:
        if not kjent(lest, omfang):
            galt(f"{sti}: ukjent faktum {lest!r} i «{tekst}»{_utfallshint(lest)}")
    if uttrykk.art is not None and uttrykk.art != art:
        onsket = "belop" if art == "tall" else art
        galt(f"{sti}: uttrykket «{tekst}» gir {uttrykk.art}, ikke {onsket}")
    return uttrykk


def _uten_satsoppslag(uttrykk: Any, sti: str, galt: Any) -> None:
    """A rate lookup reads the tables a calculation gives its sums: elsewhere it would fail on
    every case, so it is refused when the rules load."""
    for funksjon, _, _ in satsoppslag(uttrykk.tre):
        galt(
            f"{sti}: {funksjon}() kan bare brukes i en sum over elementer med tilfeller "
            "([[regel.sum]]), der beregningen gir satstabellene"
        )


def _sjekk_satsoppslag(
    versjoner: Mapping[str, tuple[Regel, ...]],
    tabeller: Satser,
    kommunale: Satstabell | None,
    problemer: list[Problem],
) -> None:
    """Every rate lookup in the sums reads a table the rates folder has, and a column (or the
    child bands) every row with numbers holds; a municipality's table (``--satser``) is what
    the lookup of the guideline table reads, so it is held to the same."""
    for rid, regler in versjoner.items():
        for regel in regler:
            for sum_ in regel.summer:
                for j, tilfelle in enumerate(sum_.tilfeller):
                    treff = satsoppslag(tilfelle.hvor.tre) + satsoppslag(tilfelle.verdi.tre)
                    for funksjon, tabell_id, nokler in treff:
                        sted = f"summen {sum_.navn!r}, tilfeller[{j}]: {funksjon}({tabell_id!r}, …)"
                        feil = _satsfeil(funksjon, tabell_id, nokler, tabeller, kommunale)
                        problemer.extend(Problem(regel.info.fil, rid, f"{sted}: {m}") for m in feil)


def _satsfeil(
    funksjon: str,
    tabell_id: str,
    nokler: tuple[str, ...] | None,
    tabeller: Satser,
    kommunale: Satstabell | None,
) -> list[str]:
    """What is wrong with one lookup: the table, then each column or the bands, per table read."""
    if tabell_id not in tabeller:
        return [f"ukjent satstabell; kjente er {sorted(tabeller)}"]
    lest = [tabeller[tabell_id]]
    if kommunale is not None and tabell_id == LIVSOPPHOLD.id:
        lest = [kommunale]
    if funksjon == "sats" and nokler is None:
        return [
            'kolonnen må stå som tekst eller som oppslag(…, […], ["kolonne", …]), så den '
            "kan sjekkes når reglene lastes"
        ]
    feil: list[str] = []
    for tabell in lest:
        rader = [r for r in tabell.rader if not r.tall_ikke_funnet]
        if funksjon == "barnesats":
            if any(not r.barn for r in rader):
                feil.append(f"satstabellen i {tabell.fil} har rader uten barnesatser")
            continue
        for kolonne in nokler or ():
            uten = [r.gyldig_fra.isoformat() for r in rader if kolonne not in r.verdier]
            if uten:
                feil.append(
                    f"kolonnen {kolonne!r} mangler i satstabellen i {tabell.fil} "
                    f"(rader fra {', '.join(uten[:3])}{' …' if len(uten) > 3 else ''})"
                )
    return feil


def _verdier(
    data: Any, beregning: str, galt: Any, summer: set[str] | frozenset[str] = frozenset()
) -> tuple[Verdi, ...]:
    """The named steps ``[[regel.verdi]]`` of a calculation rule, checked as strictly as a
    condition: a known fact of the calculation each, once, read only after it is given, of the
    kind the catalogue declares, and together exactly the steps the calculation reads."""
    if not isinstance(data, list) or not data:
        galt("verdi må være en ikke-tom liste av tabeller ([[regel.verdi]])")
        return ()
    ut: list[Verdi] = []
    alle = {d["navn"] for d in data if isinstance(d, dict) and isinstance(d.get("navn"), str)}
    gitt: set[str] = set(summer)  # the sums over items come first: the steps may read them
    for i, d in enumerate(data):
        sti = f"verdi[{i}]"
        if not isinstance(d, dict):
            galt(f"{sti}: må være en tabell med navn, tittel og uttrykk")
            continue
        ukjente = set(d) - _VERDINOKLER
        if ukjente:
            galt(f"{sti}: ukjente nøkler {sorted(ukjente)}; kjente er {sorted(_VERDINOKLER)}")
        navn, tekst = d.get("navn"), d.get("uttrykk")
        info = KATALOG.get(navn) if isinstance(navn, str) else None
        # A calculation's own facts: named after it (``livsopphold.*``), or declared as its
        # steps (``VERDIER``; the KVP calculation's facts are ``kvp.*``).
        if info is None or not (
            str(navn).startswith(f"{beregning}.") or navn in areas.verdikrav(beregning)
        ):
            galt(f"{sti}: navn {navn!r} er ikke et faktum som beregningen {beregning!r} gir")
            continue
        assert isinstance(navn, str)
        if navn in gitt:
            galt(f"{sti}: {navn!r} er gitt før")
            continue
        if info.type not in _VERDIARTER:
            galt(f"{sti}: {navn!r} er {info.type}; en mellomregning gir {sorted(_VERDIARTER)}")
            continue
        if not _er_sprakmap(d.get("tittel")):
            galt(f"{sti}: tittel må være {{ nb = …, nn = …, en = … }}")
        if not isinstance(tekst, str):
            galt(f"{sti}: uttrykk mangler (tekst)")
            continue
        try:
            uttrykk = parse(tekst, ARTER)
        except UttrykkFeil as exc:
            galt(f"{sti}: uttrykket lar seg ikke lese: {exc}")
            continue
        for lest in uttrykk.navn:
            if utfallsregel(lest) is not None:
                continue  # oppfylt("id"): the rule is looked up across files (_sjekk_utfall)
            if not kjent(lest, None):
                galt(f"{sti}: ukjent faktum {lest!r} i «{tekst}»")
            elif lest in alle and lest not in gitt:
                galt(f"{sti}: {lest!r} leses før den er gitt (rekkefølgen i filen teller)")
        _uten_satsoppslag(uttrykk, sti, galt)
        if uttrykk.art is not None and uttrykk.art != _VERDIARTER[info.type]:
            galt(f"{sti}: uttrykket «{tekst}» gir {uttrykk.art}, ikke {info.type}")
        gitt.add(navn)
        ut.append(Verdi(navn, d.get("tittel") or {}, uttrykk, info.type))
    for mangler in areas.verdikrav(beregning):
        if mangler not in gitt:
            galt(f"beregningen {beregning!r} trenger mellomregningen {mangler!r} (verdi eller sum)")
    return tuple(ut)


# --- velg (issue 17): a step chosen by a rule's outcome, ``oppfylt("id")`` ---------------------


def _utfallshint(navn: str) -> str:
    """Why ``oppfylt("id")`` is refused outside a calculation's steps, for the message."""
    if utfallsregel(navn) is None:
        return ""
    return (
        " (oppfylt() kan bare brukes i en mellomregning, [[regel.verdi]]; "
        'i et vilkår viser du til en regel med { regel = "id" })'
    )


def _sjekk_utfall(
    regel: Regel,
    versjoner: Mapping[str, tuple[Regel, ...]],
    mislykket: set[str],
) -> list[str]:
    """What is wrong with the rules a calculation's steps read by ``oppfylt("id")``: each must
    exist, be decided by a condition (so it has an outcome to choose by), and concern the whole
    case, not an item (a step is one value for the case)."""
    meldinger: list[str] = []
    for verdi in regel.verdier:
        for navn in verdi.uttrykk.navn:
            rid = utfallsregel(navn)
            if rid is None or (rid in mislykket and rid not in versjoner):
                continue
            lest = versjoner.get(rid)
            hvor_ = f"mellomregningen {verdi.navn!r} leser oppfylt({rid!r})"
            if lest is None:
                meldinger.append(f"{hvor_}, men regelen finnes ikke")
            elif any(r.vilkar is None for r in lest):
                meldinger.append(
                    f"{hvor_}, men regelen har ikke vilkår (ikke noe utfall å velge etter)"
                )
            elif any(r.omfang is not None for r in lest):
                meldinger.append(
                    f"{hvor_}, men regelen gjelder hvert {lest[0].omfang!r}, ikke hele saken"
                )
    return meldinger


# --- end velg ---------------------------------------------------------------------------------


def _hjemler(verdi: Any, kilder: Mapping[str, Kilde], galt: Any) -> list[Hjemmel]:
    if verdi is None or verdi == []:
        galt("regelen mangler hjemmel (hjemmel = [{ kilde = …, paragraf = … }])")
        return []
    rader = verdi if isinstance(verdi, list) else [verdi]
    ut = []
    for rad in rader:
        if not isinstance(rad, dict):
            galt("hjemmel må være en tabell eller en liste av tabeller")
            continue
        ukjente = set(rad) - _HJEMMELNOKLER
        if ukjente:
            galt(f"ukjente nøkler i hjemmel: {sorted(ukjente)}; kjente er {sorted(_HJEMMELNOKLER)}")
        kilde = kilder.get(rad.get("kilde", ""))
        if kilde is None:
            galt(f"hjemmel har ukjent kilde {rad.get('kilde')!r}; kjente er {sorted(kilder)}")
            continue
        if not (rad.get("paragraf") or rad.get("punkt")):
            galt(f"hjemmel i {kilde.id} mangler paragraf eller punkt")
            continue
        ledd = rad.get("ledd")
        if ledd is not None and (not isinstance(ledd, int) or isinstance(ledd, bool) or ledd < 1):
            galt("ledd må være et positivt heltall")
            continue
        lenke = rad.get("lenke")
        if lenke is None:
            lenke = (
                kilde.paragraflenke.replace("{paragraf}", str(rad["paragraf"]))
                if kilde.paragraflenke and rad.get("paragraf")
                else kilde.lenke
            )
        ut.append(
            Hjemmel(
                kilde.id,
                kilde.navn,
                lenke,
                _str(rad.get("paragraf")),
                ledd,
                rad.get("bokstav"),
                _str(rad.get("punkt")),
            )
        )
    return ut


def _str(verdi: Any) -> str | None:
    return None if verdi is None else str(verdi)


def _merknad(verdi: Any, galt: Any) -> Merknadsspec | None:
    if verdi is None:
        return None
    if not isinstance(verdi, dict) or not isinstance(verdi.get("kode"), str):
        galt('merknad må være { kode = "KODE", ved = ["ikke_oppfylt"] }')
        return None
    if not _KODE.fullmatch(verdi["kode"]):
        galt(f"merknadskode {verdi['kode']!r} må være STORE_BOKSTAVER_OG_UNDERSTREK")
    ved = verdi.get("ved", [])
    gyldige = {u.value for u in Utfall}
    if not isinstance(ved, list) or not ved or not set(ved) <= gyldige:
        galt(f"merknad.ved må være en ikke-tom liste av {sorted(gyldige)}")
        return None
    ukjente = set(verdi) - {"kode", "ved", "person"}
    if ukjente:
        galt(f"ukjente nøkler i merknad: {sorted(ukjente)}; kjente er kode, ved, person")
    person = verdi.get("person")
    if person is not None and not isinstance(person, str):
        galt("merknad.person må være navnet på et faktum (tekst)")
        person = None
    return Merknadsspec(verdi["kode"], tuple(Utfall(v) for v in ved), person)


def tekstplassholdere(maler: Iterable[str]) -> tuple[str, ...]:
    """The facts text templates name (``{soker.alder}``), in order of first mention.

    Built-in placeholders (``{mangler}``) are not facts and are left out. The loader records
    these names on each rule (``Regel.tekstnavn``); a decision record relies on the same list.
    """
    navn: dict[str, None] = {}
    for mal in maler:
        for plass in _PLASSHOLDER.findall(mal):
            if plass not in INNEBYGDE_PLASSHOLDERE:
                navn[plass] = None
    return tuple(navn)


def _tekster(
    verdi: Any, omfang: str | None, galt: Any
) -> tuple[dict[str, dict[str, str]], tuple[str, ...]]:
    if not isinstance(verdi, dict):
        galt(
            "regelen mangler tekster ([regel.tekst.oppfylt] og [regel.tekst.ikke_oppfylt] "
            "med nb, nn og en)"
        )
        return {}, ()
    ukjente = set(verdi) - _TEKSTNOKLER
    if ukjente:
        galt(f"ukjente tekstnøkler {sorted(ukjente)}; kjente er {sorted(_TEKSTNOKLER)}")
    for pakrevd in ("oppfylt", "ikke_oppfylt"):
        if pakrevd not in verdi:
            galt(f"tekst for utfallet {pakrevd} mangler")
    navn: dict[str, None] = {}
    ut: dict[str, dict[str, str]] = {}
    for nokkel, maler in verdi.items():
        if not _er_sprakmap(maler):
            galt(f"tekst.{nokkel} må ha nb, nn og en, og ingen andre språk")
            continue
        ut[nokkel] = maler
        for sprak, mal in maler.items():
            for plass in tekstplassholdere((mal,)):
                if not kjent(plass, omfang):
                    galt(
                        f"tekst.{nokkel}.{sprak}: plassholderen {{{plass}}} er ikke et kjent faktum"
                    )
                else:
                    navn[plass] = None
    return ut, tuple(navn)


def _betingelse(
    verdi: Any, omfang: str | None, galt: Any, sti: str, dybde: int = 0
) -> Betingelse | None:
    if dybde > MAKS_DYBDE:
        galt(f"{sti}: betingelsen er nøstet mer enn {MAKS_DYBDE} nivåer")
        return None
    if isinstance(verdi, str):
        try:
            uttrykk = parse(verdi, ARTER)
        except UttrykkFeil as exc:
            galt(f"{sti}: uttrykket lar seg ikke lese: {exc}")
            return None
        ukjente = False
        for navn in uttrykk.navn:
            if not kjent(navn, omfang):
                ukjente = True
                info = KATALOG.get(navn)
                hint = f' (bare for regler med gjelder = "{info.omfang}")' if info else ""
                hint = hint or _utfallshint(navn)
                galt(f"{sti}: ukjent faktum {navn!r} i «{verdi}»{hint}")
        if not ukjente and uttrykk.art not in (None, "sannhetsverdi"):
            galt(f"{sti}: uttrykket «{verdi}» gir {uttrykk.art}, ikke sann/usann")
            return None
        _uten_satsoppslag(uttrykk, sti, galt)
        return Uttrykksblad(uttrykk)
    if not isinstance(verdi, dict) or len(verdi) != 1:
        galt(
            f"{sti}: en betingelse er et uttrykk (tekst) eller én av alle, minst_en, ikke, "
            "regel, skjonn"
        )
        return None
    ((art, innhold),) = verdi.items()
    if art in ("alle", "minst_en"):
        if not isinstance(innhold, list) or not innhold:
            galt(f"{sti}.{art}: må være en ikke-tom liste")
            return None
        deler = [
            _betingelse(d, omfang, galt, f"{sti}.{art}[{i}]", dybde + 1)
            for i, d in enumerate(innhold)
        ]
        gode = [d for d in deler if d is not None]
        if len(gode) < len(deler):
            return None
        return (Alle if art == "alle" else MinstEn)(tuple(gode))
    if art == "ikke":
        del_ = _betingelse(innhold, omfang, galt, f"{sti}.ikke", dybde + 1)
        return Ikke(del_) if del_ is not None else None
    if art == "regel":
        if not isinstance(innhold, str):
            galt(f"{sti}.regel: må være en regel-id")
            return None
        return Regelreferanse(innhold)
    if art == "skjonn":
        if not _er_sprakmap(innhold):
            galt(f"{sti}.skjonn: spørsmålet må ha nb, nn og en")
            return None
        return Skjonn(innhold)
    galt(f"{sti}: ukjent betingelse {art!r}; kjente er alle, minst_en, ikke, regel, skjonn")
    return None


def _grupper(regler: Iterable[Regel], problemer: list[Problem]) -> dict[str, tuple[Regel, ...]]:
    grupper: dict[str, list[Regel]] = {}
    for regel in regler:
        grupper.setdefault(regel.id, []).append(regel)
    ut = {}
    for rid, versjoner in grupper.items():
        versjoner.sort(key=lambda r: r.info.gyldig_fra)
        for forrige, neste in pairwise(versjoner):
            slutt = forrige.info.gyldig_til
            if slutt is None or slutt >= neste.info.gyldig_fra:
                problemer.append(
                    Problem(
                        neste.info.fil,
                        rid,
                        f"gyldigheten overlapper: versjonen fra {forrige.info.gyldig_fra} "
                        f"({forrige.info.fil}) gjelder fortsatt {neste.info.gyldig_fra}",
                    )
                )
        ut[rid] = tuple(versjoner)
    return ut


def _unntak(
    versjoner: Mapping[str, tuple[Regel, ...]], problemer: list[Problem], mislykket: set[str]
) -> dict[str, tuple[str, ...]]:
    ut: dict[str, list[str]] = {}
    for rid, regler in versjoner.items():
        for regel in regler:
            if regel.unntak_fra is None:
                continue
            if regel.unntak_fra not in versjoner:
                if regel.unntak_fra in mislykket:
                    continue
                problemer.append(
                    Problem(
                        regel.info.fil, rid, f"unntak_fra nevner ukjent regel {regel.unntak_fra!r}"
                    )
                )
                continue
            hoved = versjoner[regel.unntak_fra][0]
            if hoved.omfang != regel.omfang:
                problemer.append(
                    Problem(regel.info.fil, rid, "et unntak må ha samme «gjelder» som hovedregelen")
                )
            if rid not in ut.setdefault(regel.unntak_fra, []):
                ut[regel.unntak_fra].append(rid)
    return {k: tuple(v) for k, v in ut.items()}


def _sjekk_referanser(
    versjoner: Mapping[str, tuple[Regel, ...]],
    omrader: list[Omrade],
    problemer: list[Problem],
    mislykket: set[str],
    unntak: Mapping[str, tuple[str, ...]],
) -> None:
    for rid, regler in versjoner.items():
        for regel in regler:
            for sum_ in regel.summer:
                if sum_.regel is None:  # a sum with cases (tilfeller): no item rule
                    continue
                if sum_.regel in mislykket and sum_.regel not in versjoner:
                    continue
                if sum_.regel not in versjoner:
                    melding = f"summen {sum_.navn!r} viser til ukjent regel {sum_.regel!r}"
                elif versjoner[sum_.regel][0].omfang != sum_.gjelder:
                    melding = (
                        f"summen {sum_.navn!r}: regelen {sum_.regel!r} gjelder ikke "
                        f"{sum_.gjelder!r}"
                    )
                else:
                    continue
                problemer.append(Problem(regel.info.fil, rid, melding))
            for melding in _sjekk_utfall(regel, versjoner, mislykket):
                problemer.append(Problem(regel.info.fil, rid, melding))
            if regel.vilkar is None:
                continue
            for ref in regel.vilkar.regelreferanser():
                if ref in mislykket and ref not in versjoner:
                    continue
                if ref not in versjoner:
                    problemer.append(
                        Problem(regel.info.fil, rid, f"viser til ukjent regel {ref!r}")
                    )
                elif versjoner[ref][0].omfang not in (None, regel.omfang):
                    problemer.append(
                        Problem(
                            regel.info.fil, rid, f"viser til {ref!r}, som gjelder et annet omfang"
                        )
                    )
    _sjekk_kjeder(versjoner, unntak, problemer)
    for omrade in omrader:
        for ref in (omrade.hovedregel, *omrade.kontroller):
            if ref not in versjoner and ref not in mislykket:
                problemer.append(
                    Problem(omrade.fil, None, f"området {omrade.id} viser til ukjent regel {ref!r}")
                )
    forste: dict[str, str] = {}
    for omrade in omrader:
        if omrade.id in forste:
            problemer.append(
                Problem(
                    omrade.fil, None, f"området {omrade.id} er definert før, i {forste[omrade.id]}"
                )
            )
        else:
            forste[omrade.id] = omrade.fil


def _betingelseskost(betingelse: Betingelse) -> tuple[int, list[tuple[int, str]]]:
    """(frames to the deepest leaf, [(frames to a rule reference, its id)]) of one condition.

    Recursion here is bounded: a condition tree is at most ``MAKS_DYBDE`` levels (checked when
    it loaded).
    """
    if isinstance(betingelse, Uttrykksblad):
        return _RAMMER_UTTRYKK * (betingelse.uttrykk.dybde + 1), []
    if isinstance(betingelse, Regelreferanse):
        return 0, [(0, betingelse.regel_id)]
    if isinstance(betingelse, Alle | MinstEn | Ikke):
        deler = betingelse.deler if isinstance(betingelse, Alle | MinstEn) else (betingelse.del_,)
        steg = 1 if isinstance(betingelse, Ikke) else _RAMMER_BETINGELSE
        dypest, refs = 0, list[tuple[int, str]]()
        for del_ in deler:
            d, r = _betingelseskost(del_)
            dypest = max(dypest, d + steg)
            refs.extend((f + steg, ref) for f, ref in r)
        return dypest, refs
    return 1, []  # skjonn: a constant node


def _sjekk_kjeder(
    versjoner: Mapping[str, tuple[Regel, ...]],
    unntak: Mapping[str, tuple[str, ...]],
    problemer: list[Problem],
) -> None:
    """Cycles, and chains of references deeper than an evaluation can go, without recursion.

    A rule that (through others) depends on itself would never finish; a chain of hundreds of
    references would exhaust Python's stack on every case. Both are found here with an explicit
    stack, so the check itself cannot run out of stack however long the chain.
    """
    egen: dict[str, int] = {}
    kanter: dict[str, list[tuple[int, str]]] = {}
    for rid, regler in versjoner.items():
        dypest, refs = 0, []
        for regel in regler:
            if regel.vilkar is not None:
                d, r = _betingelseskost(regel.vilkar)
                dypest = max(dypest, d)
                refs.extend(r)
        refs.extend((0, u) for u in unntak.get(rid, ()))
        egen[rid] = dypest
        kanter[rid] = [(f + _RAMMER_HENVISNING, ref) for f, ref in refs if ref in versjoner]

    kost: dict[str, int] = {}
    neste_steg: dict[str, str | None] = {}  # the reference on the deepest path, for the message
    pa_sti: set[str] = set()
    for start in versjoner:
        if start in kost:
            continue
        stabel: list[tuple[str, int]] = [(start, 0)]
        pa_sti.add(start)
        while stabel:
            rid, i = stabel[-1]
            if i < len(kanter[rid]):
                stabel[-1] = (rid, i + 1)
                ref = kanter[rid][i][1]
                if ref in pa_sti:
                    sti = [r for r, _ in stabel]
                    sti = sti[sti.index(ref) :]
                    problemer.append(
                        Problem(
                            versjoner[ref][0].info.fil,
                            ref,
                            "sirkulær henvisning: " + " → ".join([*sti, ref]),
                        )
                    )
                elif ref not in kost:
                    stabel.append((ref, 0))
                    pa_sti.add(ref)
                continue
            stabel.pop()
            pa_sti.discard(rid)
            beste, via = egen[rid], None
            for f, ref in kanter[rid]:
                if ref in kost and f + kost[ref] > beste:
                    beste, via = f + kost[ref], ref
            kost[rid], neste_steg[rid] = beste, via

    for_dype = {rid for rid, k in kost.items() if k > MAKS_VURDERINGSDYBDE}
    under = {ref for rid in for_dype for _, ref in kanter[rid]}
    for rid in sorted(for_dype - under):
        sti, steg = [rid], neste_steg[rid]
        while steg is not None and len(sti) <= len(kost):
            sti.append(steg)
            steg = neste_steg[steg]
        vist = sti if len(sti) <= 6 else [*sti[:3], "…", *sti[-2:]]
        problemer.append(
            Problem(
                versjoner[rid][0].info.fil,
                rid,
                f"vurderingen går for dypt: kjeden av regelhenvisninger og nøstede betingelser "
                f"krever om lag {kost[rid]} nivåer, mer enn {MAKS_VURDERINGSDYBDE} tillatt "
                f"({len(sti)} regler i kjeden: {' → '.join(vist)}); del opp eller forkort kjeden",
            )
        )
