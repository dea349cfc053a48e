"""Decision records (vedtaksgrunnlag): an assessment as compact, exact, re-renderable JSON.

A case system stores the record with the decision. Later the record must render the same
texts and the same contract JSON (DESIGN § 5). It holds the evaluated tree and every value the
texts read; what the *rules* say (texts, references, expressions, questions) is the same for
every decision made under a rule version, so a record names each version it used — id, date
and a fingerprint of its content — instead of copying it:

* **compact** (the default): rule versions by reference. Re-rendering looks them up in the
  rules folder (old versions stay there, DESIGN § 4) and refuses a version whose content has
  changed since, naming it.
* **self-contained** (``med_regler=True``): the texts of every version used are copied in, so
  the record renders without any rules folder — for archives.

Every record ends with ``digest``: sha256 over its own canonical JSON (``innholdsdigest``).
Reading a record back checks it first, so a record changed after the decision (an outcome, an
amount, a text, a field removed) is refused with a ``ValueError`` naming the digest, and
``sosialregler gjengi`` exits 2. The digest detects an accidental change only: anyone who
edits a record can compute it again. **Signature**: written with a key the office holds
(``to_record(nokkel=...)``; the CLI's ``--nokkel FIL`` or ``SOSIALREGLER_NOKKEL``), a record
also carries ``signatur``, HMAC-SHA256 with that key over the same content; reading with the
key refuses a record that is unsigned or whose signature does not match, so a record changed
by someone without the key is refused. ``vern`` says in the record which of the two it has.
Re-rendering also re-checks that the amounts add up (``belopskontroll``).

Format 4 (format 3 records are still read; format 5, the default, is ``record_spor.py``)
--------------------------------------------------------------------------------------
Written for a self-contained record (``med_regler=True``), on request (``utgave=4``), and for
a decision read back from format 3 or 4 (no rulebook at hand made it, so only its trees can
carry it).

A record states each thing once and leaves out what follows from something it states (a
the examples: 12-18 KB, from 24-40 KB in format 3). Reading it:

* ``fakta`` / ``fakta_typer``: the **fact table**, each fact's value in the case (the most
  common one where it has several, such as an income line's amount). Names sharing the part
  before their first dot are grouped (``{"kvp": {"alder": 27}}`` is ``kvp.alder``).
* A **node** of a tree holds only what does not follow: ``regel`` (a rule node: the rule's id,
  or ``id@date`` if the record uses two of its versions), ``id``, ``utfall``, ``fakta``,
  ``faktanavn``, ``uttrykk``, ``sporsmal``, ``mangler``, ``avgjort_av``, ``rolle``, ``barn``
  (children, in order). A node that is only its outcome is written as the outcome
  (``"oppfylt"``); one that is only its children, as the list of them. ``{"ref": id}`` is the
  same rule node as the last one written with that id (a criterion reached twice).
* A node's **facts**: the names are its expression's (a leaf), the names its rule version's
  texts use (a rule node; ``tekstfakta`` lists them where its nodes hold others), or
  ``faktanavn``. The values are the table's, except those a node states in its ``fakta``:
  they hold for that node and everything below it (an income line's values are stated once at
  the line's rule node).
* **ids** follow from the place: a rule node's is its rule's id; a rule's condition is
  ``<rule id>/vilkar``; a part of a combination is ``…/alle[i]``, ``…/minst_en[i]`` or
  ``…/ikke``. A stored ``id`` starting with ``/`` is relative to the rule.
* **outcomes**: a combination's follows from its parts (``outcome.alle`` / ``minst_en`` /
  ``ikke``), a rule's from its condition unless an exception decided it (``avgjort_av``); a
  leaf's is always stored. **missing fields** (``mangler``) are, for an undecided node, its
  undecided children's, or a leaf's unknown values'. **role**: a rule node after a rule's
  condition is an exception (``unntak``); ``"rolle": null`` says it has none.
* **values** are exact and typed by their JSON where it can say: an ISO date text is a date, a
  decimal text (``"912.46"``) or a whole number of 1000 or more is an amount (``Decimal``), a
  list is a tuple. ``*_typer`` says the rest: ``ukjent`` (unknown; the value is left out, and
  the missing input field is the fact's own name) or ``ukjent:a|b`` (naming the fields),
  ``tekst`` (a text shaped like a date or number), ``heltall`` (an integer of 1000 or more),
  ``list``.
* ``regler_brukt``: ``{date in force: {rule id: fingerprint}}`` (self-contained: what the
  version says instead of the fingerprint). ``satser``: the rate rows used, without the fields
  that have their usual value (a state table, no municipality or known end, not outdated, no
  child rates, in ``<tabell>.toml``). A calculation line's ``node_id`` is its ``regel`` unless
  stored. A decision (``vedtak``) leaves out ``omrade`` (its key), ``hjemmel`` and ``mangler``
  (its main rule node's) and ``enhet`` (``kr_per_maned``) unless they differ.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from ..inndata.isodato import ISO_DATO
from ..inndata.ukjent import Ukjent
from ..lov import outcome
from ..lov.outcome import Utfall
from ..lov.rulebook.expr import UttrykkFeil, parse
from ..lov.rulebook.model import Hjemmel, RegelInfo
from ..lov.tree import Node
from ..vurdering.areas.base import Linje
from ..vurdering.rulebook_load import tekstplassholdere
from ..vurdering.standardbok import standard_regelbok

if TYPE_CHECKING:
    from ..lov.rulebook.book import Regelbok

FORMAT = "sosialregler-vedtaksgrunnlag/4"
#: The formats still read: records stored by earlier versions must keep rendering.
LESBARE_FORMATER = ("sosialregler-vedtaksgrunnlag/3", FORMAT)

#: The record's own digest: sha256 over its canonical JSON (sorted keys, no spaces, ASCII with
#: escapes, so even a lone surrogate in a text has one encoding) without this field.
#: ``to_record`` writes it and ``from_record`` checks it, so a record changed after the
#: decision (an amount, an outcome, a text) is refused, not re-rendered.
DIGESTFELT = "digest"


#: HMAC-SHA256 with the office's key over the content the digest covers (``signer``).
SIGNATURFELT = "signatur"
#: What the record's digest and signature protect, in the record itself (``vern``).
VERNFELT = "vern"
VERN_DIGEST = (
    "digest (sha256 over innholdet) avslører en utilsiktet endring, men ikke en bevisst: "
    "hvem som helst kan regne den ut på nytt. Vedtaksgrunnlaget er ikke signert."
)
VERN_SIGNATUR = (
    "digest (sha256 over innholdet) avslører en utilsiktet endring; signatur (HMAC-SHA256 med "
    "kontorets nøkkel) avslører også en bevisst endring gjort av noen uten nøkkelen."
)
#: What ``gjengi`` says (on standard error) when it has no key to check a signature with.
UTEN_NOKKEL = (
    "Merk: ingen nøkkel er satt (--nokkel eller SOSIALREGLER_NOKKEL): bare digest er "
    "kontrollert, og den avslører en utilsiktet endring, ikke en bevisst."
)
#: Where the CLI finds the office's key when ``--nokkel FIL`` is not given: the key itself.
NOKKEL_MILJO = "SOSIALREGLER_NOKKEL"
#: The shortest key accepted: HMAC-SHA256 is as strong as its key, and 32 bytes is its block
#: of output (RFC 2104 § 3: less than that weakens it).
MIN_NOKKEL_BYTE = 32


def _kanonisk(data: Mapping[str, Any]) -> bytes:
    """The record's content as the digest and signature see it: every field but themselves."""
    innhold = {k: v for k, v in data.items() if k not in (DIGESTFELT, SIGNATURFELT)}
    tekst = json.dumps(
        innhold, sort_keys=True, ensure_ascii=True, separators=(",", ":"), allow_nan=False
    )
    return tekst.encode("ascii")


def innholdsdigest(data: Mapping[str, Any]) -> str:
    """``sha256:<hex>`` over the record's content, every field but ``digest`` and
    ``signatur``."""
    return "sha256:" + hashlib.sha256(_kanonisk(data)).hexdigest()


def signatur(data: Mapping[str, Any], nokkel: bytes) -> str:
    """``hmac-sha256:<hex>`` with the office's key over what ``innholdsdigest`` covers."""
    return "hmac-sha256:" + hmac.new(nokkel, _kanonisk(data), hashlib.sha256).hexdigest()


def forsegl(data: dict[str, Any], nokkel: bytes | None) -> None:
    """End a record: ``vern`` (what protects it), ``digest``, and with a key ``signatur``.

    HMAC from the standard library, not a public-key signature: the office that writes a
    record is the one that re-renders it, so a shared secret suffices and adds no dependency.
    """
    data[VERNFELT] = VERN_SIGNATUR if nokkel is not None else VERN_DIGEST
    data[DIGESTFELT] = innholdsdigest(data)
    if nokkel is not None:
        data[SIGNATURFELT] = signatur(data, nokkel)


def sjekk_signatur(data: Mapping[str, Any], nokkel: bytes | None) -> None:
    """With a key: refuse a record that is unsigned or signed otherwise (``ValueError``).

    Without one only the digest can be checked, which a forger recomputes (``vern``).
    """
    if nokkel is None:
        return
    lagret = data.get(SIGNATURFELT)
    if not isinstance(lagret, str):
        raise ValueError(
            f"vedtaksgrunnlaget er ikke signert, men en nøkkel er satt ({NOKKEL_MILJO} eller "
            "--nokkel): det kan ikke kontrolleres at kontoret skrev det"
        )
    try:
        beregnet = signatur(data, nokkel)
    except (TypeError, ValueError) as exc:
        melding = f"vedtaksgrunnlaget er ikke gyldig JSON og kan ikke kontrolleres: {exc}"
        raise ValueError(melding) from None
    if not hmac.compare_digest(lagret.encode("utf-8", "surrogatepass"), beregnet.encode("ascii")):
        raise ValueError(
            "vedtaksgrunnlaget har feil signatur: det er endret etter at det ble signert, eller "
            "signert med en annen nøkkel"
        )


def les_nokkel(fil: str | None, miljo: Mapping[str, str]) -> bytes | None:
    """The office's key: the file ``fil`` (``--nokkel``), else ``miljo[NOKKEL_MILJO]``, else
    None (no key: records are unsigned and only their digest is checked).

    Surrounding white space (a file's last newline) is not part of the key. ``ValueError``
    naming where the key came from when it cannot be read or is too short.
    """
    if fil is not None:
        kilde = f"--nokkel {fil}"
        try:
            with open(fil, "rb") as f:
                nokkel = f.read(64 * 1024 + 1)
        except OSError as exc:
            raise ValueError(f"{kilde}: nøkkelfilen kan ikke leses ({exc.strerror})") from None
        if len(nokkel) > 64 * 1024:
            raise ValueError(f"{kilde}: nøkkelfilen er større enn 64 KiB; er det riktig fil?")
    elif miljo.get(NOKKEL_MILJO):
        kilde = NOKKEL_MILJO
        nokkel = miljo[NOKKEL_MILJO].encode("utf-8", "surrogateescape")
    else:
        return None
    nokkel = nokkel.strip()
    if len(nokkel) < MIN_NOKKEL_BYTE:
        raise ValueError(
            f"{kilde}: nøkkelen er for kort ({len(nokkel)} byte; minst {MIN_NOKKEL_BYTE}, f.eks. "
            "64 tilfeldige heksadesimale tegn)"
        )
    return nokkel


def sjekk_digest(data: Mapping[str, Any]) -> None:
    """Refuse a record whose digest is missing or does not match its content (``ValueError``)."""
    lagret = data.get(DIGESTFELT)
    if not isinstance(lagret, str):
        raise ValueError(
            f"vedtaksgrunnlaget mangler {DIGESTFELT} (sha256 over innholdet), så det kan ikke "
            "kontrolleres at det er uendret"
        )
    try:
        beregnet = innholdsdigest(data)
    except (TypeError, ValueError) as exc:
        melding = f"vedtaksgrunnlaget er ikke gyldig JSON og kan ikke kontrolleres: {exc}"
        raise ValueError(melding) from None
    if not hmac.compare_digest(lagret.encode("utf-8", "surrogatepass"), beregnet.encode("ascii")):
        raise ValueError(
            f"vedtaksgrunnlaget er endret etter at det ble skrevet: {DIGESTFELT} {lagret!r} "
            f"stemmer ikke med innholdet ({beregnet})"
        )


def _heltall(verdi: Decimal) -> bool:
    return verdi == verdi.to_integral_value()


def verdi_til_record(verdi: Any) -> Any:
    """A value as exact JSON: whole amounts as integers, others as decimal strings."""
    if isinstance(verdi, Ukjent):
        return None
    if isinstance(verdi, Decimal):
        return int(verdi) if _heltall(verdi) else str(verdi)
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, list | tuple | frozenset):
        return [verdi_til_record(v) for v in verdi]
    return verdi


def _type(verdi: Any) -> str | None:
    if isinstance(verdi, Ukjent):
        return "ukjent:" + "|".join(verdi.mangler)
    if isinstance(verdi, date):
        return "dato"
    if isinstance(verdi, Decimal):
        # A small whole amount renders the same as an integer; a fraction, or a number with
        # thousands separators (which an integer is not given), keeps its type.
        return None if _heltall(verdi) and abs(verdi) < 1000 else "belop"
    if isinstance(verdi, tuple | frozenset):
        return "liste"
    return None


def verdi_fra_record(verdi: Any, typ: str | None) -> Any:
    if typ is None:
        return verdi
    if typ.startswith("ukjent:"):
        return Ukjent(tuple(m for m in typ.removeprefix("ukjent:").split("|") if m))
    if typ == "dato":
        return date.fromisoformat(verdi)
    if typ == "belop":
        return Decimal(verdi) if isinstance(verdi, str) else Decimal(int(verdi))
    if typ == "liste":
        return tuple(verdi)
    raise ValueError(f"ukjent verditype {typ!r} i vedtaksgrunnlaget")


def verdier_til_record(verdier: Mapping[str, Any], ut: dict[str, Any], navn: str) -> None:
    """Named values into ``ut[navn]``, with their types in ``ut[navn + "_typer"]``."""
    ut[navn] = {k: verdi_til_record(v) for k, v in verdier.items()}
    typer = {k: t for k, v in verdier.items() if (t := _type(v)) is not None}
    if typer:
        ut[navn + "_typer"] = typer


def verdier_fra_record(data: Mapping[str, Any], navn: str) -> dict[str, Any]:
    typer = data.get(navn + "_typer", {})
    return {k: verdi_fra_record(v, typer.get(k)) for k, v in data.get(navn, {}).items()}


#: Format 4 reads a text shaped like a date as a date, and one shaped like a decimal number
#: (``str(Decimal)``) as an amount; a text that only looks like one is typed ``tekst``.
_DATOFORM = ISO_DATO
_DESIMALFORM = re.compile(r"-?\d+(?:\.\d+)?(?:E[+-]?\d+)?")


def _type4(verdi: Any) -> str | None:
    """A value's type in format 4, where only what its JSON does not say is written.

    Implied: a date (its ISO text), an amount (a decimal text, or a whole number of at least
    a thousand), a tuple (a JSON list). Written: ``ukjent:…``, ``tekst`` (a text that looks
    like a date or an amount), ``heltall`` (an integer of a thousand or more), ``list``.
    """
    if isinstance(verdi, Ukjent | date):
        return _type(verdi) if isinstance(verdi, Ukjent) else None
    if isinstance(verdi, Decimal):
        return None
    if isinstance(verdi, str):
        lik = _DATOFORM.fullmatch(verdi) or _DESIMALFORM.fullmatch(verdi)
        return "tekst" if lik else None
    if type(verdi) is int and abs(verdi) >= 1000:
        return "heltall"
    if isinstance(verdi, list):
        return "list"
    return None


def verdi_fra_record4(verdi: Any, typ: str | None) -> Any:
    """A value of format 4 (see ``_type4``)."""
    if typ is None:
        if isinstance(verdi, str):
            if _DATOFORM.fullmatch(verdi):
                return date.fromisoformat(verdi)
            if _DESIMALFORM.fullmatch(verdi):
                return Decimal(verdi)
        elif type(verdi) is int and abs(verdi) >= 1000:
            return Decimal(verdi)
        elif isinstance(verdi, list):
            return tuple(verdi)
        return verdi
    if typ == "tekst":
        if not isinstance(verdi, str):
            raise ValueError(f"verdien {verdi!r} har typen tekst, men er ikke tekst")
        return verdi
    if typ == "heltall":
        if type(verdi) is not int:
            raise ValueError(f"verdien {verdi!r} har typen heltall, men er ikke et heltall")
        return verdi
    if typ == "list":
        return list(verdi)
    return verdi_fra_record(verdi, typ)


def verdier_til_record4(verdier: Mapping[str, Any], ut: dict[str, Any], navn: str) -> None:
    """Named values in format 4 into ``ut[navn]``, the types not implied in ``navn_typer``."""
    ut[navn] = {k: verdi_til_record(v) for k, v in verdier.items()}
    typer = {k: t for k, v in verdier.items() if (t := _type4(v)) is not None}
    if typer:
        ut[navn + "_typer"] = typer


def verdier_fra_record4(data: Mapping[str, Any], navn: str) -> dict[str, Any]:
    typer = data.get(navn + "_typer", {})
    return {k: verdi_fra_record4(v, typer.get(k)) for k, v in data.get(navn, {}).items()}


def fakta_til_record(verdier: Mapping[str, Any], ut: dict[str, Any], grupper: bool) -> None:
    """Facts in format 4: ``fakta`` holds the known values, ``fakta_typer`` the types.

    An unknown value is only in ``fakta_typer``, as ``ukjent:<missing fields>``, or just
    ``ukjent`` when the missing field is the fact's own name. ``grupper``: names sharing the
    part before their first dot are stored under it (``{"kvp": {"alder": 27}}``), once.
    """
    fakta: dict[str, Any] = {}
    typer: dict[str, str] = {}
    for navn, verdi in verdier.items():
        typ = _type4(verdi)
        if isinstance(verdi, Ukjent):
            typ = "ukjent" if tuple(verdi.mangler) == (navn,) else typ
        else:
            fakta[navn] = verdi_til_record(verdi)
        if typ is not None:
            typer[navn] = typ
    if grupper:
        fakta, typer = _grupper(fakta), _grupper(typer)
    if fakta:
        ut["fakta"] = fakta
    if typer:
        ut["fakta_typer"] = typer


def _grupper(verdier: dict[str, Any]) -> dict[str, Any]:
    """``{"kvp.alder": 27, "kvp.dagsats": 900}`` as ``{"kvp": {"alder": 27, "dagsats": 900}}``.

    A value stored is never a JSON object, so an object here is always a group. A group of
    one, or one whose name is also a fact's, stays as it is.
    """
    grupper: dict[str, list[str]] = {}
    for navn in verdier:
        forst, punktum, _ = navn.partition(".")
        if punktum:
            grupper.setdefault(forst, []).append(navn)
    ut: dict[str, Any] = {}
    for navn, verdi in verdier.items():
        forst, punktum, rest = navn.partition(".")
        if punktum and len(grupper[forst]) > 1 and forst not in verdier:
            ut.setdefault(forst, {})[rest] = verdi
        else:
            ut[navn] = verdi
    return ut


def _ugrupper(verdier: Mapping[str, Any]) -> dict[str, Any]:
    ut: dict[str, Any] = {}
    for navn, verdi in verdier.items():
        if isinstance(verdi, Mapping):
            for rest, v in verdi.items():
                ut[f"{navn}.{rest}"] = v
        else:
            ut[navn] = verdi
    return ut


def fakta_fra_record(data: Mapping[str, Any]) -> dict[str, Any]:
    """The facts ``fakta_til_record`` wrote (grouped or not)."""
    fakta = _ugrupper(data.get("fakta", {}))
    typer = _ugrupper(data.get("fakta_typer", {}))
    ut = {k: verdi_fra_record4(v, typer.get(k)) for k, v in fakta.items()}
    for navn, typ in typer.items():
        if navn not in fakta:
            if typ == "ukjent":
                ut[navn] = Ukjent((navn,))
            elif typ.startswith("ukjent:"):
                ut[navn] = verdi_fra_record(None, typ)
            else:
                raise ValueError(f"faktumet {navn} har typen {typ!r}, men ingen verdi")
    return ut


def linje_til_record(linje: Linje) -> dict[str, Any]:
    """A calculation line; its node is its rule's unless ``node_id`` says otherwise."""
    felt = {
        navn: getattr(linje, navn)
        for navn in (
            "post",
            "belop",
            "kilde",
            "gyldig_fra",
            "person",
            "alder",
            "grunnlag",
            "medregnet",
            "regel",
            "node_id",
        )
        if getattr(linje, navn) is not None
    }
    if linje.regel is not None and linje.node_id == linje.regel:
        del felt["node_id"]
    elif linje.regel is not None and linje.node_id is None:
        felt["node_id"] = None
    ut: dict[str, Any] = {}
    verdier_til_record4(felt, ut, "felt")
    return ut


def linje_fra_record(data: Mapping[str, Any], v3: bool = False) -> Linje:
    felt = verdier_fra_record(data, "felt") if v3 else verdier_fra_record4(data, "felt")
    if not v3 and "regel" in felt and "node_id" not in felt:
        felt["node_id"] = felt["regel"]
    return Linje(**felt)


#: What a rate row (``satser``) says unless it says otherwise: a state table, no municipality,
#: no known end, not outdated, no child rates, in the file named after the table.
_SATSRAD_STANDARD: Mapping[str, Any] = {
    "type": "statlig",
    "kommune": None,
    "kjent_gyldig_til": None,
    "utdatert": False,
    "barn": [],
}


def satsrad_til_record(rad: Mapping[str, Any]) -> dict[str, Any]:
    """A rate row used, without the fields that have their usual value."""
    ut = {k: v for k, v in rad.items() if k not in _SATSRAD_STANDARD or v != _SATSRAD_STANDARD[k]}
    if ut.get("fil"):
        ut["fil"] = PurePath(ut["fil"]).name
        if ut["fil"] == f"{rad.get('tabell')}.toml":
            del ut["fil"]
    return ut


def satsrad_fra_record(data: Mapping[str, Any]) -> dict[str, Any]:
    ut = {**_SATSRAD_STANDARD, **data}
    if "fil" not in data and "tabell" in data:
        ut["fil"] = f"{data['tabell']}.toml"
    return ut


def _nokkel(info: RegelInfo) -> str:
    return f"{info.id}@{info.gyldig_fra.isoformat()}"


# --- format 4: shared fact values, implied names, ids, missing fields and repeated nodes ---------


def _verdinokkel(verdi: Any) -> tuple[str, str | None]:
    """What a value is stored as (JSON and type): two values with the same key read back alike.

    ``repr`` keeps ``True`` and ``1`` apart, which ``==`` would not.
    """
    return repr(verdi_til_record(verdi)), _type(verdi)


@lru_cache(maxsize=4096)
def _uttrykksnavn(tekst: str) -> tuple[str, ...]:
    """The facts an expression reads, in order: what its leaf node holds (``Uttrykk.navn``)."""
    try:
        return parse(tekst).navn
    except UttrykkFeil:
        return ()


def _tekstnavn(info: RegelInfo) -> tuple[str, ...]:
    """The facts a rule node holds: those its version's texts name, in order of first mention
    (the loader's ``Regel.tekstnavn``), so a record naming the version need not list them."""
    maler = tuple(mal for m in info.tekster.values() for mal in m.values())
    ut = _TEKSTNAVN.get(maler)
    if ut is None:
        ut = tekstplassholdere(maler)
        if len(_TEKSTNAVN) > _MAKS_BUFRET:
            _TEKSTNAVN.clear()
        _TEKSTNAVN[maler] = ut
    return ut


def _forventet_mangler(
    utfall: Utfall, barn: tuple[Node, ...], fakta: Mapping[str, Any]
) -> tuple[str, ...]:
    """The missing fields the evaluator gives a node: none unless undecided; then those of its
    undecided children, or for a leaf those its unknown values name."""
    if utfall is not Utfall.UAVKLART:
        return ()
    if barn:
        return tuple(
            dict.fromkeys(m for b in barn if b.utfall is Utfall.UAVKLART for m in b.mangler)
        )
    return tuple(
        dict.fromkeys(m for v in fakta.values() if isinstance(v, Ukjent) for m in v.mangler)
    )


_KOMBINASJON = {"alle": outcome.alle, "minst_en": outcome.minst_en}
_DELSTI = re.compile(r"/(alle|minst_en)\[(\d+)\]$")


def _sammensetning(node_id: str, barn: tuple[Node, ...]) -> str | None:
    """``alle``, ``minst_en`` or ``ikke`` when a child's id says which combination this is."""
    for b in barn:
        if b.regel is None and b.id.startswith(node_id + "/"):
            rest = b.id[len(node_id) :]
            if rest == "/ikke":
                return "ikke"
            treff = _DELSTI.fullmatch(rest)
            if treff:
                return treff.group(1)
    return None


def _forventet_utfall(
    node_id: str, barn: tuple[Node, ...], regel: RegelInfo | None, avgjort_av: str | None
) -> Utfall | None:
    """The outcome that follows from the children, if one does (None: it must be stored).

    A combination's follows from its parts' (``outcome``); a rule's is, unless an exception
    decided it, its condition's (the first child).
    """
    if regel is not None:
        return barn[0].utfall if barn and avgjort_av is None else None
    art = _sammensetning(node_id, barn)
    if art == "ikke":
        return outcome.ikke(barn[0].utfall) if len(barn) == 1 else None
    if art is None:
        return None
    return _KOMBINASJON[art](b.utfall for b in barn)


def _forventet_id(
    forelder_id: str,
    forelder_regel: RegelInfo | None,
    info: RegelInfo | None,
    indeks: int,
    art: str | None,
) -> str | None:
    """The id evaluation gives a sub-node (no rule of its own) at this place, if it follows.

    A rule's condition is ``<rule id>/vilkar``; a part of a combination is the combination's
    id and ``/alle[i]``, ``/minst_en[i]`` or ``/ikke``: which one, an earlier sibling (``art``)
    or the rule version's leaves (``RegelInfo.blader``) tell.
    """
    if forelder_regel is not None:
        return forelder_regel.id + "/vilkar"
    if art is not None:
        return f"{forelder_id}/{art}[{indeks}]"
    if info is None or not forelder_id.startswith(info.id + "/"):
        return None
    relativ = forelder_id[len(info.id) :]
    stier = _stier(info)
    for del_ in (f"/alle[{indeks}]", f"/minst_en[{indeks}]", "/ikke"):
        sti = relativ + del_
        if sti in stier if stier is not None else _leder_til_blad(info, sti):
            return info.id + sti
    return None


def _leder_til_blad(info: RegelInfo, sti: str) -> bool:
    return any(k == sti or k.startswith(sti + "/") for k in info.blader)


def _stier(info: RegelInfo) -> frozenset[str] | None:
    """Every path in a rule version's condition that leads to a leaf (``RegelInfo.blader``).

    None for paths so long and deep (only in a forged self-contained record) that listing
    every prefix would take more memory than searching them each time.
    """
    if sum(len(k) * k.count("/") for k in info.blader) > _MAKS_STITEGN:
        return None
    nokkel = (info.id, info.gyldig_fra, tuple(info.blader))
    stier = _STIER.get(nokkel)
    if stier is None:
        stier = frozenset(
            sti[:i]
            for sti in info.blader
            for i in range(len(sti) + 1)
            if sti[i : i + 1] in ("/", "")
        )
        if len(_STIER) > _MAKS_BUFRET:
            _STIER.clear()
        _STIER[nokkel] = stier
    return stier


#: Derived from rule versions, by their content (never by object identity, which Python
#: reuses), for speed: a record names the same versions at many nodes.
_STIER: dict[tuple[Any, ...], frozenset[str]] = {}
_TEKSTNAVN: dict[tuple[Any, ...], tuple[str, ...]] = {}
_MAKS_BUFRET = 4096
_MAKS_STITEGN = 1_000_000


def _samme_node(a: Node, b: Node) -> bool:
    """Whether two nodes are written alike (the same rule node reached twice)."""
    if a is b:
        return True
    return (
        a.id == b.id
        and a.utfall is b.utfall
        and a.regel == b.regel
        and a.uttrykk == b.uttrykk
        and a.sporsmal == b.sporsmal
        and tuple(a.mangler) == tuple(b.mangler)
        and a.avgjort_av == b.avgjort_av
        and a.rolle == b.rolle
        and list(a.fakta) == list(b.fakta)
        and all(_verdinokkel(v) == _verdinokkel(b.fakta[k]) for k, v in a.fakta.items())
        and len(a.barn) == len(b.barn)
        and all(_samme_node(x, y) for x, y in zip(a.barn, b.barn, strict=True))
    )


def _art_fra(forelder_id: str, barn_id: str, indeks: int) -> str | None:
    """``alle`` or ``minst_en`` when a child's id is its parent's and ``/<art>[indeks]``."""
    treff = _DELSTI.search(barn_id)
    if treff and barn_id[: treff.start()] == forelder_id and int(treff.group(2)) == indeks:
        return treff.group(1)
    return None


def _relativ(node_id: str, info: RegelInfo | None) -> str:
    """A sub-node's id relative to its rule (``/vilkar/alle[0]``), as ``RegelInfo.blader``."""
    if info is not None and node_id.startswith(info.id + "/"):
        return node_id[len(info.id) :]
    return node_id


#: A fact that takes more than one value below a node (in an item's scope, or in several).
_FLERE = ("", None)


def _forventet_rolle(
    forelder_regel: RegelInfo | None, forste_har_regel: bool, indeks: int
) -> str | None:
    """A rule node after a rule's own condition is one of its exceptions (the engine's order);
    a calculation's rule nodes (no condition first) have no role unless stored."""
    return "unntak" if forelder_regel is not None and not forste_har_regel and indeks else None


class Skriver:
    """Writes the nodes of one record, collecting the rule versions and sources they use.

    ``noder``: every tree the record will hold, looked at once first to choose the record's
    fact table (each fact's most common value) and where in a tree a value that differs from
    it is stated (as high as it holds for everything below).
    """

    def __init__(self, med_regler: bool, noder: Iterable[Node] = ()) -> None:
        self.med_regler = med_regler
        self.regler: dict[str, Any] = {}
        self.kilder: dict[str, dict[str, str]] = {}
        self.fakta: dict[str, Any] = {}
        self._tabell: dict[str, tuple[str, str | None]] = {}
        self._forste: dict[tuple[str, tuple[str, str | None]], Any] = {}
        self._under: dict[int, dict[str, tuple[str, str | None]]] = {}
        self._navnelister: dict[str, Counter[tuple[str, ...]]] = {}
        self._tekstfakta: dict[str, tuple[str, ...]] = {}
        self._navn: dict[str, str] = {}  # version key -> what a node names it by
        self._skrevet: dict[str, Node] = {}
        self._info: dict[str, RegelInfo] = {}
        self._nokler: dict[int, dict[str, tuple[str, str | None]]] = {}  # by id(node): alive
        self._forbered(list(noder))

    def _forbered(self, roter: list[Node]) -> None:
        verdier: dict[str, Counter[tuple[str, str | None]]] = {}
        versjoner: dict[str, set[str]] = {}
        for rot in roter:
            self._samle(rot, verdier, versjoner)
        tabell = {}
        for navn, telling in verdier.items():
            vanligst = telling.most_common(1)[0][0]
            self._tabell[navn] = vanligst
            tabell[navn] = self._forste[(navn, vanligst)]
        fakta_til_record(tabell, self.fakta, grupper=True)
        for regel_id, nokler in versjoner.items():
            for nokkel in nokler:
                self._navn[nokkel] = regel_id if len(nokler) == 1 else nokkel

    def _samle(
        self,
        node: Node,
        verdier: dict[str, Counter[tuple[str, str | None]]],
        versjoner: dict[str, set[str]],
    ) -> dict[str, tuple[str, str | None]]:
        """Count values and fact-name lists; return each fact's value below ``node``.

        Every place a node stands in is counted, shared or not, so the record depends only on
        the trees' content (a record read back and written again is the same record).
        """
        under: dict[str, tuple[str, str | None]] = {}
        nokler = self._nokler.get(id(node))
        if nokler is None:
            nokler = self._nokler[id(node)] = {k: _verdinokkel(v) for k, v in node.fakta.items()}
        for navn, verdi in node.fakta.items():
            nokkel_v = nokler[navn]
            verdier.setdefault(navn, Counter())[nokkel_v] += 1
            self._forste.setdefault((navn, nokkel_v), verdi)
            under[navn] = nokkel_v if under.get(navn, nokkel_v) == nokkel_v else _FLERE
        if node.regel is not None:
            nokkel = _nokkel(node.regel)
            versjoner.setdefault(node.regel.id, set()).add(nokkel)
            self._navnelister.setdefault(nokkel, Counter())[tuple(node.fakta)] += 1
        for barn in node.barn:
            for navn, nokkel_v in self._samle(barn, verdier, versjoner).items():
                under[navn] = nokkel_v if under.get(navn, nokkel_v) == nokkel_v else _FLERE
        self._under[id(node)] = under
        return under

    def _fakta_for(self, nokkel: str) -> tuple[str, ...]:
        """The facts a node of this version is taken to hold when it does not list them: what
        most of its nodes hold (``tekstfakta`` writes them down where they are not simply the
        names its texts use)."""
        navn = self._tekstfakta.get(nokkel)
        if navn is None:
            lister = self._navnelister[nokkel]
            navn = lister.most_common(1)[0][0]
            tekstenes = _tekstnavn(self._info[nokkel])
            if not self.med_regler and lister[tekstenes] == lister[navn]:
                navn = tekstenes  # a tie: the names the texts use need not be written
            self._tekstfakta[nokkel] = navn
        return navn

    def navn(self, nokkel: str) -> str:
        """What the record calls a version: its rule's id, or ``id@date`` if it uses two."""
        return self._navn.get(nokkel, nokkel)

    @property
    def regler_brukt(self) -> dict[str, dict[str, Any]]:
        """The versions used, by the date they took effect: ``{date: {rule id: fingerprint}}``
        (a self-contained record: ``{date: {rule id: what the version says}}``)."""
        ut: dict[str, dict[str, Any]] = {}
        for nokkel, lagret in self.regler.items():
            regel_id, _, fra = nokkel.rpartition("@")
            ut.setdefault(fra, {})[regel_id] = lagret
        return ut

    @property
    def tekstfakta(self) -> dict[str, list[str]]:
        """The versions whose nodes' facts are not their texts' names, with the names."""
        ut = {}
        for nokkel in self.regler:
            navn = self._tekstfakta.get(nokkel, ())
            if self.med_regler:
                if navn:
                    ut[nokkel] = list(navn)
            elif navn != _tekstnavn(self._info[nokkel]):
                ut[nokkel] = list(navn)
        return ut

    def hjemler(self, hjemler: tuple[Hjemmel, ...]) -> list[dict[str, Any]]:
        """Legal references without their sources' names (stored once in ``kilder``)."""
        for h in hjemler:
            self.kilder.setdefault(h.kilde, dict(h.navn))
        return [{k: v for k, v in h.to_dict().items() if k != "navn"} for h in hjemler]

    def regel(self, info: RegelInfo, utfall: Utfall | None = None) -> str:
        """Name a rule version; a self-contained record also copies the texts it renders."""
        nokkel = _nokkel(info)
        if nokkel not in self.regler:
            self._info[nokkel] = info
            if self.med_regler:
                innhold = info.to_dict()
                innhold.pop("fil")
                innhold["hjemmel"] = self.hjemler(info.hjemmel)
                innhold["tekster"] = {}
                self.regler[nokkel] = {"fingeravtrykk": info.fingeravtrykk, **innhold}
            else:
                self.regler[nokkel] = info.fingeravtrykk
        if self.med_regler and utfall is not None:
            # The texts a node renders: its outcome's, and for a denial what would change it.
            lagret = self.regler[nokkel]
            nokler = (utfall.value, "endring") if utfall is Utfall.IKKE_OPPFYLT else (utfall.value,)
            for tekstnokkel in nokler:
                if tekstnokkel in info.tekster:
                    lagret["tekster"][tekstnokkel] = dict(info.tekster[tekstnokkel])
        return nokkel

    def node(
        self,
        node: Node,
        info: RegelInfo | None = None,
        miljo: Mapping[str, tuple[str, str | None]] | None = None,
        forventet_id: str | None = None,
        forventet_rolle: str | None = None,
        *,
        ny: bool = False,
    ) -> dict[str, Any]:
        """One node; what follows from its place, its rule version or the values in scope
        (``miljo``: the record's table with the values stated by the nodes above) is left out.

        ``ny``: written out even when it repeats the last node written with its id (never
        ``{"ref": id}`` at the top), for a place where a reference would mean another node.
        """
        miljo = self._tabell if miljo is None else miljo
        ut: dict[str, Any] = {}
        implisitte: tuple[str, ...] = ()
        if node.regel is not None:
            tidligere = self._skrevet.get(node.id)
            if not ny and tidligere is not None and _samme_node(tidligere, node):
                return {"ref": node.id}
            nokkel = self.regel(node.regel, node.utfall)
            info, forventet_id = node.regel, node.regel.id
            ut["regel"] = self.navn(nokkel)
            implisitte = self._fakta_for(nokkel)
        if node.id != forventet_id:
            ut["id"] = _relativ(node.id, info)
        if _forventet_utfall(node.id, node.barn, node.regel, node.avgjort_av) is not node.utfall:
            ut["utfall"] = node.utfall.value
        blad = info.blader.get(_relativ(node.id, info)) if info is not None else None
        if node.uttrykk is not None:
            implisitte = _uttrykksnavn(node.uttrykk)
            if node.uttrykk != blad:
                ut["uttrykk"] = node.uttrykk
        if node.sporsmal and dict(node.sporsmal) != blad:
            ut["sporsmal"] = dict(node.sporsmal)
        if tuple(node.fakta) != implisitte:
            ut["faktanavn"] = list(node.fakta)
        # Values that differ from those in scope: this node's own, and (at a rule node) every
        # value that holds for all below it, such as an income line's or a person's.
        nokler = self._nokler.get(id(node)) or {k: _verdinokkel(v) for k, v in node.fakta.items()}
        nye = {k: n for k, n in nokler.items() if miljo.get(k) != n}
        if node.regel is not None:
            for k, n in self._under.get(id(node), {}).items():
                if n is not _FLERE and miljo.get(k) != n:
                    nye[k] = n
        if nye:
            overstyrt = {
                k: node.fakta[k] if k in node.fakta else self._forste[(k, n)]
                for k, n in nye.items()
            }
            fakta_til_record(overstyrt, ut, grupper=False)
            miljo = {**miljo, **nye}
        if tuple(node.mangler) != _forventet_mangler(node.utfall, node.barn, node.fakta):
            ut["mangler"] = list(node.mangler)
        if node.avgjort_av:
            ut["avgjort_av"] = node.avgjort_av
        if node.rolle != forventet_rolle:
            ut["rolle"] = node.rolle
        if node.barn:
            barn, art = [], None
            for i, b in enumerate(node.barn):
                forventet = None if b.regel else _forventet_id(node.id, node.regel, info, i, art)
                rolle = None
                if b.regel:
                    rolle = _forventet_rolle(node.regel, node.barn[0].regel is not None, i)
                barn.append(self.node(b, info, miljo, forventet, rolle))
                if b.regel is None:
                    art = _art_fra(node.id, b.id, i) or art
            ut["barn"] = barn
        if node.regel is not None:
            self._skrevet[node.id] = node
        return _kort(ut)

    def merknadsnode(self, node: Node, i_treet: Node | None, samme: bool) -> Any:
        """A flag's node: ``{"ref": id}`` when it renders as ``i_treet``, the trees' node with
        its id (``samme``); else written out.

        ``Leser.merknadsnode`` reads a reference as the trees' node when they have one with
        that id, else as the last node written with it (an earlier flag's: two stays under
        § 27 give two identical flags whose node is in no tree). So where the trees have the
        id but a different node, the node is written out in full, never as a reference that
        would read as the trees' node.
        """
        if samme:
            return {"ref": node.id}
        return self.node(node, ny=i_treet is not None)


def _kort(ut: dict[str, Any]) -> Any:
    """A node that is only its outcome is written as the outcome (``"oppfylt"``); one that is
    only its parts, as the list of them."""
    if len(ut) == 1:
        if "utfall" in ut:
            return ut["utfall"]
        if "barn" in ut:
            return ut["barn"]
    return ut


def _lang(data: Any) -> Mapping[str, Any]:
    """A node as ``_kort`` wrote it, as an object."""
    if isinstance(data, str):
        return {"utfall": data}
    if isinstance(data, list):
        return {"barn": data}
    if not isinstance(data, Mapping):
        raise ValueError(f"en node i vedtaksgrunnlaget er {type(data).__name__}, ikke et objekt")
    return data


def _sjekk_innebygd(nokkel: str, r: Any) -> None:
    """Refuse a self-contained rule version that is not shaped as ``Skriver.regel`` writes it.

    ``from_record`` renders a record before accepting it, but a version's texts are rendered
    only for the outcomes its nodes have, and writing the record again reads every field: a
    text that is a number, or a title that is a list, passed reading and then made
    ``to_record()`` raise. So each field is checked here, and the error names it.
    """

    def feil(felt: str, hva: str) -> ValueError:
        return ValueError(f"regelversjonen {nokkel} i vedtaksgrunnlaget: feltet {felt} {hva}")

    if not isinstance(r, Mapping):
        raise ValueError(f"regelversjonen {nokkel} i vedtaksgrunnlaget er ikke et objekt")
    regel_id, _, fra = nokkel.rpartition("@")
    for felt in ("id", "kilde", "gyldig_fra", "fingeravtrykk"):
        if not isinstance(r.get(felt), str):
            raise feil(felt, "mangler eller er ikke tekst")
    if r["id"] != regel_id or r["gyldig_fra"] != fra:
        raise feil("id", f"og gyldig_fra sier {r['id']}@{r['gyldig_fra']}, ikke {nokkel}")
    if r.get("gyldig_til") is not None and not isinstance(r["gyldig_til"], str):
        raise feil("gyldig_til", "er verken en dato eller null")
    for felt in ("gyldig_fra", "gyldig_til"):
        if r.get(felt) is not None and not _DATOFORM.fullmatch(r[felt]):
            raise feil(felt, f"er ikke en dato ÅÅÅÅ-MM-DD: {r[felt]!r}")
    _sjekk_sprakdel(r.get("tittel"), "tittel", feil)
    tekster = r.get("tekster")
    if not isinstance(tekster, Mapping):
        raise feil("tekster", "er ikke et objekt")
    for navn, maler in tekster.items():
        _sjekk_sprakdel(maler, f"tekster.{navn}", feil)
    blader = r.get("blader")
    if not isinstance(blader, Mapping):
        raise feil("blader", "er ikke et objekt")
    for sti, blad in blader.items():
        if not isinstance(blad, str | Mapping):
            raise feil(f"blader.{sti}", "er verken et uttrykk (tekst) eller et spørsmål (objekt)")
    hjemler = r.get("hjemmel")
    if not isinstance(hjemler, list):
        raise feil("hjemmel", "er ikke en liste")
    for i, h in enumerate(hjemler):
        if not isinstance(h, Mapping) or not isinstance(h.get("kilde"), str):
            raise feil(f"hjemmel[{i}]", "er ikke et objekt med kilde")
        for felt, verdi in h.items():
            typ = int if felt == "ledd" else str
            if felt not in _HJEMMELFELT or not (
                isinstance(verdi, typ) or (felt not in ("kilde", "lenke") and verdi is None)
            ):
                raise feil(f"hjemmel[{i}].{felt}", "er ukjent eller har feil type")


#: The fields of a legal reference in a record (``Hjemmel`` without its source's names).
_HJEMMELFELT = frozenset({"kilde", "lenke", "paragraf", "ledd", "bokstav", "punkt"})


def _sjekk_sprakdel(verdi: Any, felt: str, feil: Any) -> None:
    """A text per language: ``{"nb": "...", "en": "..."}``."""
    if not isinstance(verdi, Mapping):
        raise feil(felt, "er ikke et objekt med en tekst per språk")
    for sprak, tekst in verdi.items():
        if not isinstance(tekst, str):
            raise feil(f"{felt}.{sprak}", "er ikke tekst")


class Leser:
    """Reads the nodes of one record back, resolving the rule versions it names."""

    def __init__(
        self,
        data: Mapping[str, Any],
        regelbok: Regelbok | None,
    ) -> None:
        self._kilder = data["kilder"]
        self._v3 = data["format"] == LESBARE_FORMATER[0]
        self.regler: dict[str, RegelInfo] = {}
        tekstfakta = data.get("tekstfakta", {})
        self._tekstfakta: dict[str, tuple[str, ...]] = {}
        brukt = data["regler_brukt"]
        if not self._v3:  # {date: {rule id: ...}}
            brukt = {f"{r}@{fra}": lagret for fra, g in brukt.items() for r, lagret in g.items()}
        for nokkel, lagret in brukt.items():
            if not isinstance(lagret, str) and "tekster" in lagret:
                # self-contained: the record carries what it renders, and its nodes' names
                self.regler[nokkel] = self._innebygd(nokkel, lagret)
                self._tekstfakta[nokkel] = tuple(tekstfakta.get(nokkel, ()))
                continue
            fingeravtrykk = lagret if isinstance(lagret, str) else lagret["fingeravtrykk"]
            info = self._oppslag(nokkel, regelbok)
            if fingeravtrykk not in (info.fingeravtrykk, info.fingeravtrykk_uten_nn):
                raise ValueError(
                    f"regelversjonen {nokkel} i vedtaksgrunnlaget stemmer ikke med "
                    f"fingeravtrykket {fingeravtrykk}: teksten er endret siden vedtaket"
                )
            self.regler[nokkel] = info
            self._tekstfakta[nokkel] = (
                tuple(tekstfakta[nokkel]) if nokkel in tekstfakta else _tekstnavn(info)
            )
        ider = Counter(info.id for info in self.regler.values())
        self._ved_id = {i.id: n for n, i in self.regler.items() if ider[i.id] == 1}
        self._tabell = {} if self._v3 else fakta_fra_record(data)
        self._lest: dict[str, Node] = {}

    def _innebygd(self, nokkel: str, r: Mapping[str, Any]) -> RegelInfo:
        _sjekk_innebygd(nokkel, r)
        return RegelInfo(
            id=r["id"],
            tittel=r["tittel"],
            hjemmel=self.hjemler(r["hjemmel"]),
            kilde=r["kilde"],
            gyldig_fra=date.fromisoformat(r["gyldig_fra"]),
            gyldig_til=date.fromisoformat(r["gyldig_til"]) if r["gyldig_til"] else None,
            tekster=r["tekster"],
            blader=r["blader"],
            lagret_fingeravtrykk=r["fingeravtrykk"],
        )

    @staticmethod
    def _oppslag(nokkel: str, regelbok: Regelbok | None) -> RegelInfo:
        if regelbok is None:
            regelbok = standard_regelbok()
        regel_id, _, fra = nokkel.rpartition("@")
        for versjon in regelbok.regler.get(regel_id, ()):
            if versjon.info.gyldig_fra.isoformat() == fra:
                return versjon.info
        raise ValueError(
            f"regelversjonen {nokkel} finnes ikke i regelmappen {regelbok.mappe}; gjengi med "
            "regelmappen fra vedtakstidspunktet (--regler), eller lagre vedtaksgrunnlag med "
            "regeltekstene (med_regler=True)"
        )

    def hjemler(self, data: list[Mapping[str, Any]]) -> tuple[Hjemmel, ...]:
        return tuple(Hjemmel.fra_dict({**h, "navn": self._kilder[h["kilde"]]}) for h in data)

    def nokkel(self, navn: str) -> str:
        """The version a record's name for it means (``Skriver.navn``)."""
        return navn if navn in self.regler else self._ved_id[navn]

    def merknadsnode(self, data: Any, i_treet: Mapping[str, Node]) -> Node:
        """A flag's node as ``Skriver.merknadsnode`` wrote it: a reference is to the trees'
        node with that id (``i_treet``), or, when they have none, to the last node read with
        it (an earlier flag's)."""
        if isinstance(data, Mapping) and "ref" in data and data["ref"] in i_treet:
            return i_treet[data["ref"]]
        return self.node(data)

    def node(self, data: Mapping[str, Any]) -> Node:
        """A tree (or a flag's node) as the record stores it."""
        if self._v3:
            return self._node_v3(data)
        return self._node(data, None, self._tabell, None, None)

    def _node(
        self,
        data: Mapping[str, Any],
        info: RegelInfo | None,
        miljo: Mapping[str, Any],
        forventet_id: str | None,
        forventet_rolle: str | None,
    ) -> Node:
        data = _lang(data)
        if "ref" in data:
            return self._lest[data["ref"]]
        regel = None
        nokkel = None
        if "regel" in data:
            nokkel = self.nokkel(data["regel"])
            regel = info = self.regler[nokkel]
            forventet_id = regel.id
        lagret_id = data.get("id")
        if lagret_id is None:
            if forventet_id is None:
                raise ValueError("en node uten id der id-en ikke følger av plassen")
            node_id = forventet_id
        elif info is not None and lagret_id.startswith("/"):
            node_id = info.id + lagret_id
        else:
            node_id = lagret_id
        blad = info.blader.get(_relativ(node_id, info)) if info is not None else None
        uttrykk = data.get("uttrykk", blad if isinstance(blad, str) else None)
        sporsmal = data.get("sporsmal", blad if isinstance(blad, dict) else None)
        if uttrykk is not None:
            implisitte = _uttrykksnavn(uttrykk)
        else:
            implisitte = self._tekstfakta[nokkel] if nokkel else ()
        overstyrt = fakta_fra_record(data)
        if overstyrt:
            miljo = {**miljo, **overstyrt}
        fakta = {k: miljo[k] for k in data.get("faktanavn", implisitte)}
        barn: list[Node] = []
        art = None
        barnedata = [_lang(b) for b in data.get("barn", ())]
        for i, b in enumerate(barnedata):
            forventet, rolle = None, None
            if "regel" in b or "ref" in b:
                forste = barnedata[0]
                rolle = _forventet_rolle(regel, "regel" in forste or "ref" in forste, i)
            else:
                forventet = _forventet_id(node_id, regel, info, i, art)
            barnenode = self._node(b, info, miljo, forventet, rolle)
            barn.append(barnenode)
            if barnenode.regel is None:
                art = _art_fra(node_id, barnenode.id, i) or art
        barn_t = tuple(barn)
        if "utfall" in data:
            utfall = Utfall(data["utfall"])
        else:
            utledet = _forventet_utfall(node_id, barn_t, regel, data.get("avgjort_av"))
            if utledet is None:
                raise ValueError(f"noden {node_id} mangler utfall")
            utfall = utledet
        mangler = (
            tuple(data["mangler"])
            if "mangler" in data
            else _forventet_mangler(utfall, barn_t, fakta)
        )
        node = Node(
            id=node_id,
            utfall=utfall,
            regel=regel,
            uttrykk=uttrykk,
            fakta=fakta,
            barn=barn_t,
            mangler=mangler,
            avgjort_av=data.get("avgjort_av"),
            sporsmal=sporsmal,
            rolle=data.get("rolle", forventet_rolle),
        )
        if regel is not None:
            self._lest[node_id] = node
        return node

    def _node_v3(self, data: Mapping[str, Any], regel_nokkel: str | None = None) -> Node:
        """A node of format 3: every value and type on the node, ids relative to the rule."""
        regel_nokkel = data.get("regel", regel_nokkel)
        info = self.regler[regel_nokkel] if regel_nokkel else None
        lagret_id = data["id"]
        node_id = (
            info.id + lagret_id if info is not None and lagret_id.startswith("/") else lagret_id
        )
        blad = info.blader.get(lagret_id) if info is not None else None
        uttrykk = data.get("uttrykk", blad if isinstance(blad, str) else None)
        sporsmal = data.get("sporsmal", blad if isinstance(blad, dict) else None)
        return Node(
            id=node_id,
            utfall=Utfall(data["utfall"]),
            regel=self.regler[data["regel"]] if "regel" in data else None,
            uttrykk=uttrykk,
            fakta=verdier_fra_record(data, "fakta"),
            barn=tuple(self._node_v3(b, regel_nokkel) for b in data.get("barn", ())),
            mangler=tuple(data.get("mangler", ())),
            avgjort_av=data.get("avgjort_av"),
            sporsmal=sporsmal,
            rolle=data.get("rolle"),
        )
