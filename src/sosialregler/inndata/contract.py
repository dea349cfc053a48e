"""The JSON contract with case systems: JSON text or dict in, ``Sak`` out, or every problem.

Structuring is done by cattrs (a well-kept library) rather than hand-written parsing; this
module only adds what the contract demands beyond it:

* strict types: cattrs would turn ``5`` into ``"5"`` or iterate a string as a list; a legal
  decision must not guess, so strings, booleans, amounts, dates and lists are checked strictly;
* Norwegian messages naming the JSON path (``personer[1].fodselsdato``), the value and why;
* every problem at once: cattrs' exception groups are walked into a flat list, and the checks
  across fields (one applicant, known person ids, a child younger than its parents) run on the
  raw input as well, so they are reported even when a type error elsewhere stopped structuring.
"""

from __future__ import annotations

import json
import math
import typing
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from . import kryssregler, tilsynsfakta
from .desimal import tall_til_json
from .errors import Feil, UgyldigSak, oppramsing
from .facts import Kvp, Sak
from .grenser import STANDARD, Grenser, heves, tall
from .isodato import ISO_DATO
from .sti import nokkel as skjot_nokkel
from .sti import skjot

#: The current act applies from this date; older cases belong to the 1991 act.
LOVENS_IKRAFTTREDELSE = date(2010, 1, 1)
#: Dates outside this span are typing errors (and date arithmetic near year 9999 overflows).
TIDLIGSTE_DATO = date(1850, 1, 1)
SENESTE_DATO = date(2199, 12, 31)
#: The rejection of a date outside that span, in the case or as ``on=`` / ``--dato``.
URIMELIG_DATO = (
    f"urimelig dato: må ligge mellom {TIDLIGSTE_DATO.isoformat()} og {SENESTE_DATO.isoformat()}"
)
#: An amount above this is a typing error, not a household's income (ten billion kroner).
MAKS_BELOP = Decimal(10) ** 10


class _Avvist(ValueError):
    """A single value rejected by a structure hook, with a Norwegian reason (and, when it is
    raised while parsing, where: ``felt``)."""

    def __init__(self, melding: str, felt: str = "$", verdi: Any = None) -> None:
        super().__init__(melding)
        self.felt = felt
        self.verdi = verdi


def _dato(verdi: Any, _: type) -> date:
    if not isinstance(verdi, str) or not ISO_DATO.fullmatch(verdi):
        raise _Avvist("ugyldig dato: forventet tekst på formen ÅÅÅÅ-MM-DD")
    try:
        dato = date.fromisoformat(verdi)
    except ValueError:
        raise _Avvist("datoen finnes ikke i kalenderen") from None
    if not TIDLIGSTE_DATO <= dato <= SENESTE_DATO:
        raise _Avvist(URIMELIG_DATO)
    return dato


def _belop(verdi: Any, _: type) -> Decimal:
    if isinstance(verdi, bool) or not isinstance(verdi, int | float):
        raise _Avvist("beløp må være et tall (kroner), ikke " + _typenavn(verdi))
    if isinstance(verdi, float) and not math.isfinite(verdi):
        raise _Avvist("beløp må være et endelig tall")
    try:
        # ``+ 0.0`` turns -0.0 into 0.0: a negative zero would be shown as «−0» (issue 15)
        belop = Decimal(str(verdi + 0.0)) if isinstance(verdi, float) else Decimal(verdi)
    except InvalidOperation:  # pragma: no cover - finite floats always convert
        raise _Avvist("beløp kan ikke leses som et tall") from None
    if belop < 0:
        raise _Avvist("beløp kan ikke være negativt")
    if belop > MAKS_BELOP:
        raise _Avvist(f"beløpet er urimelig stort (over {MAKS_BELOP:,} kroner)".replace(",", " "))
    return belop


def _heltall(verdi: Any, _: type) -> int:
    if isinstance(verdi, bool) or not isinstance(verdi, int):
        raise _Avvist("må være et heltall, ikke " + _typenavn(verdi))
    if verdi < 0:
        raise _Avvist("kan ikke være negativt")
    return verdi


def _tekst(verdi: Any, _: type) -> str:
    if not isinstance(verdi, str):
        raise _Avvist("må være tekst, ikke " + _typenavn(verdi))
    try:
        verdi.encode("utf-8")
    except UnicodeEncodeError:
        raise _Avvist(
            "teksten har et tegn som ikke finnes i Unicode (et enslig surrogat)"
        ) from None
    return verdi


def _sannhetsverdi(verdi: Any, _: type) -> bool:
    if not isinstance(verdi, bool):
        raise _Avvist("må være true eller false, ikke " + _typenavn(verdi))
    return verdi


def _typenavn(verdi: Any) -> str:
    if verdi is None:
        return "null"
    if isinstance(verdi, bool):
        return "en sannhetsverdi"
    if isinstance(verdi, int | float):
        return "et tall"
    if isinstance(verdi, str):
        return "tekst"
    if isinstance(verdi, list):
        return "en liste"
    if isinstance(verdi, dict):
        return "et objekt"
    return type(verdi).__name__


def _literal_hook(typ: Any) -> Any:
    lovlige = get_args(typ)

    def hook(verdi: Any, _: type) -> str:
        if not isinstance(verdi, str) or verdi not in lovlige:
            raise _Avvist("ukjent verdi; lovlige verdier er: " + ", ".join(lovlige))
        return verdi

    return hook


def _er_homogen_tuple(typ: Any) -> bool:
    args = get_args(typ)
    return get_origin(typ) is tuple and len(args) == 2 and args[1] is Ellipsis


def _lag_konverter() -> cattrs.Converter:
    konverter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    konverter.register_structure_hook(date, _dato)
    konverter.register_structure_hook(Decimal, _belop)
    konverter.register_structure_hook(str, _tekst)
    konverter.register_structure_hook(int, _heltall)
    konverter.register_structure_hook(bool, _sannhetsverdi)
    konverter.register_structure_hook_factory(lambda t: get_origin(t) is Literal, _literal_hook)

    def liste_hook(typ: Any) -> Any:
        elementtype = get_args(typ)[0]

        def hook(verdi: Any, _: type) -> tuple[Any, ...]:
            if not isinstance(verdi, list):
                raise _Avvist("må være en liste, ikke " + _typenavn(verdi))
            resultat, feil = [], []
            for indeks, element in enumerate(verdi):
                try:
                    resultat.append(konverter.structure(element, elementtype))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"indeks {indeks}", indeks, elementtype),
                    ]
                    feil.append(exc)
            if feil:
                raise IterableValidationError("ugyldige elementer", feil, typ)
            return tuple(resultat)

        return hook

    konverter.register_structure_hook_factory(_er_homogen_tuple, liste_hook)

    def objekt_hook(typ: Any) -> Any:
        standard = cattrs.gen.make_dict_structure_fn(typ, konverter, _cattrs_forbid_extra_keys=True)

        def hook(verdi: Any, _: type) -> Any:
            if not isinstance(verdi, dict):
                raise _Avvist("må være et objekt ({...}), ikke " + _typenavn(verdi))
            return standard(verdi, typ)

        return hook

    konverter.register_structure_hook_factory(attrs.has, objekt_hook)
    return konverter


_KONVERTER = _lag_konverter()


# --- the fast path -------------------------------------------------------------------------
#
# Nearly every case a case system sends is valid, and the detailed converter above pays for
# its error reports (exception groups, notes, a hook call per value) on every one. So a valid
# case is first read by plain functions generated once per class from the same type hints:
# each value is checked by the same rule as its hook above, only without building a report.
# Anything they do not vouch for (a wrong type, a missing field, an unknown key, a ``str``
# subclass only Python can pass) makes them give up, and the detailed path reads the case
# again and reports every problem exactly as before. The fast path may thus be stricter than
# the hooks, never laxer; ``tests/test_contract_rask.py`` checks that it agrees with them.


class _IkkeRask(Exception):
    """The fast path does not vouch for a value; the detailed path decides and explains."""


def _gi_opp() -> Any:
    raise _IkkeRask


_ER_ISO_DATO = ISO_DATO.fullmatch


_MAKS_HELTALLSBELOP = int(MAKS_BELOP)


def _rask_belop(verdi: Any) -> Decimal:
    """``_belop`` without the message: a finite, non-negative, plausible number of kroner."""
    if type(verdi) is int:
        if 0 <= verdi <= _MAKS_HELTALLSBELOP:
            return Decimal(verdi)
    elif type(verdi) is float and math.isfinite(verdi):
        belop = Decimal(str(verdi + 0.0))  # -0.0 passes as 0.0, as in _belop
        if 0 <= belop <= MAKS_BELOP:
            return belop
    raise _IkkeRask


def _er_utf8(verdi: str) -> bool:
    """Whether non-ASCII text can be written as UTF-8 (a lone surrogate cannot)."""
    try:
        verdi.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _rask_uttrykk(typ: Any, var: str, navnerom: dict[str, Any], dybde: int = 0) -> str:
    """A Python expression that reads the JSON value in ``var`` as ``typ`` or gives up.

    Each is the rule of the matching hook above, written inline where a call per value would
    cost more than the check itself.
    """
    args = get_args(typ)
    ugyldig = "_gi_opp()"
    if type(None) in args:
        (indre,) = (a for a in args if a is not type(None))
        if indre is bool:
            return f"({var} if {var} is None or {var} is True or {var} is False else {ugyldig})"
        return f"(None if {var} is None else {_rask_uttrykk(indre, var, navnerom, dybde)})"
    if typ is bool:
        return f"({var} if {var} is True or {var} is False else {ugyldig})"
    if typ is int:
        return f"({var} if type({var}) is int and {var} >= 0 else {ugyldig})"
    if typ is str:
        return (
            f"({var} if type({var}) is str and ({var}.isascii() or _er_utf8({var})) else {ugyldig})"
        )
    if typ is date:  # as ``_dato``: ASCII ISO text, a calendar day, in the plausible span
        # (``dag_`` holds the parsed date for the span check; a ValueError from an impossible
        # day sends the case to the detailed path)
        return (
            f"((dag_ if _TIDLIGSTE <= (dag_ := _fra_iso({var})) <= _SENESTE else {ugyldig}) "
            f"if type({var}) is str and _ER_ISO_DATO({var}) else {ugyldig})"
        )
    if typ is Decimal:
        return (
            f"(_Decimal({var}) if type({var}) is int and 0 <= {var} <= _MAKS_HELTALLSBELOP "
            f"else _rask_belop({var}))"
        )
    if get_origin(typ) is Literal:
        navn = f"_lovlige_{len(navnerom)}"
        navnerom[navn] = frozenset(args)
        return f"({var} if type({var}) is str and {var} in {navn} else {ugyldig})"
    if _er_homogen_tuple(typ):
        element = f"e{dybde}"
        indre = _rask_uttrykk(args[0], element, navnerom, dybde + 1)
        if attrs.has(args[0]):  # ``map`` calls the reader without a comprehension's frame
            leser = f"_les_{args[0].__name__}"
            liste = f"type({var}) is list and len({var}) <= _RASK_LINJER"
            return f"(tuple(map({leser}, {var})) if {liste} else {ugyldig})"
        liste = f"type({var}) is list and len({var}) <= _RASK_LINJER"
        return f"(tuple([{indre} for {element} in {var}]) if {liste} else {ugyldig})"
    if attrs.has(typ):
        navn = f"_les_{typ.__name__}"
        if navn not in navnerom:
            navnerom[navn] = None  # reserved first: a class may (in time) contain itself
            navnerom[navn] = _rask_klasse(typ, navnerom)
        return f"{navn}({var})"
    raise TypeError(f"kontrakten har en type den raske veien ikke kjenner: {typ!r}")


def _fylles_direkte(klasse: type) -> bool:
    """Whether the class's slots may be filled directly instead of through ``__init__``.

    The generated ``__init__`` of a frozen attrs class does nothing but set each slot (through
    ``object.__setattr__``); setting them by their slot descriptors does the same a third
    faster. That holds only while no field has a validator, converter or factory and the class
    has no init hooks; otherwise ``__init__`` is called. A slot that is no field is a cached
    property's (``Sak._personindeks``), which ``__init__`` leaves empty too.
    """
    felt = attrs.fields(klasse)
    return (
        all(
            f.init and f.validator is None and f.converter is None and f.alias == f.name
            for f in felt
        )
        and not any(hasattr(klasse, krok) for krok in ("__attrs_pre_init__", "__attrs_post_init__"))
        and {f.name for f in felt} <= set(getattr(klasse, "__slots__", ()))
        and _andre_slots(klasse) <= ({"__weakref__"} | _hurtigbufret(klasse))
    )


def _andre_slots(klasse: type) -> set[str]:
    """The class's slots that are not its fields."""
    return set(getattr(klasse, "__slots__", ())) - {f.name for f in attrs.fields(klasse)}


def _hurtigbufret(klasse: type) -> set[str]:
    """The slots of a class's cached properties: attrs gives each one and fills it from a
    ``__getattr__`` of its own, so a class without that has none."""
    return _andre_slots(klasse) - {"__weakref__"} if "__getattr__" in vars(klasse) else set()


def _rask_klasse(klasse: type, navnerom: dict[str, Any]) -> Any:
    """Generate the reader of one attrs class: a dict with known keys only, required ones
    present, each value read by its type, then the frozen object."""
    hint = typing.get_type_hints(klasse)
    felt = attrs.fields(klasse)
    navn = klasse.__name__
    navnerom[f"_klasse_{navn}"] = klasse
    navnerom[f"_bare_kjente_{navn}"] = frozenset(f.name for f in felt).issuperset
    linjer = [
        f"def _les_{navn}(d):",
        f"    if type(d) is not dict or not _bare_kjente_{navn}(d):",
        "        _gi_opp()",
    ]
    # A class of yes/no facts only (``Opphold``) takes few distinct values, and most persons
    # share one (a citizen living in Norway): each is made once and then shared, which is
    # safe for a frozen value. The values are checked to be exactly true, false or null
    # first, since ``1 == True`` would otherwise find the object made for ``true``.
    interneres = all(f.default is None and hint[f.name] == (bool | None) for f in felt)
    if interneres:
        navnerom[f"_internert_{navn}"] = {}
        linjer += [
            "    for v in d.values():",
            "        if v is not True and v is not False and v is not None:",
            "            _gi_opp()",
            "    nokkel = _frozenset(d.items())",
            f"    o = _internert_{navn}.get(nokkel)",
            "    if o is not None:",
            "        return o",
        ]
    direkte = _fylles_direkte(klasse)
    if direkte:
        linjer.append(f"    o = _ny(_klasse_{navn})")
    for f in felt:
        if f.default is attrs.NOTHING:
            hent = f"d[{f.name!r}]"  # a KeyError sends the case to the detailed path
        elif f.default is None and type(None) in get_args(hint[f.name]):
            hent = f"d.get({f.name!r})"  # absent and null are both None
        else:  # pragma: no cover - the contract has no other kind of default
            raise TypeError(f"{navn}.{f.name}: standardverdien er ikke None")
        linjer.append(f"    v = {hent}")
        uttrykk = _rask_uttrykk(hint[f.name], "v", navnerom)
        if direkte:
            setter = f"_sett_{navn}_{f.name}"
            navnerom[setter] = klasse.__dict__[f.name].__set__
            linjer.append(f"    {setter}(o, {uttrykk})")
        else:  # pragma: no cover - every class in facts.py is filled directly
            linjer.append(f"    f_{f.name} = {uttrykk}")
    if interneres and direkte:
        linjer += [
            f"    if len(_internert_{navn}) < _MAKS_INTERNERT:",
            f"        _internert_{navn}[nokkel] = o",
        ]
    if direkte:
        linjer.append("    return o")
    else:  # pragma: no cover
        argumenter = ", ".join(f"f_{f.name}" for f in felt)
        linjer.append(f"    return _klasse_{navn}({argumenter})")
    kode = "\n".join(linjer)
    exec(compile(kode, f"<sosialregler: rask lesing av {navn}>", "exec"), navnerom)
    return navnerom[f"_les_{navn}"]


#: At most this many shared objects per class (the yes/no facts have at most 4**9 key sets).
_MAKS_INTERNERT = 4096


def _lag_rask_leser(klasse: type) -> Any:
    navnerom: dict[str, Any] = {
        "_gi_opp": _gi_opp,
        "_frozenset": frozenset,
        "_MAKS_INTERNERT": _MAKS_INTERNERT,
        "_er_utf8": _er_utf8,
        "_ER_ISO_DATO": _ER_ISO_DATO,
        "_fra_iso": date.fromisoformat,
        "_TIDLIGSTE": TIDLIGSTE_DATO,
        "_SENESTE": SENESTE_DATO,
        "_rask_belop": _rask_belop,
        "_Decimal": Decimal,
        "_MAKS_HELTALLSBELOP": _MAKS_HELTALLSBELOP,
        "_RASK_LINJER": STANDARD.linjer,
        "_ny": object.__new__,
    }
    _rask_uttrykk(klasse, "d", navnerom)
    return navnerom[f"_les_{klasse.__name__}"]


#: Reads a valid case dict into a ``Sak``; raises (anything) when it does not vouch for it.
_LES_SAK_RASKT = _lag_rask_leser(Sak)


def _feil_fra_unntak(exc: BaseException, sti: str, verdi: Any) -> Iterator[Feil]:
    """Walk cattrs' exception groups into flat problems with JSON paths."""
    if isinstance(exc, ForbiddenExtraKeysError):
        kjente = ", ".join(a.name for a in attrs.fields(exc.cl))
        for navn in sorted(exc.extra_fields, key=str):
            yield Feil(
                skjot_nokkel(sti, navn),
                verdi.get(navn) if isinstance(verdi, dict) else None,
                f"ukjent felt; kjente felt her er: {kjente}",
            )
        return
    if isinstance(exc, ClassValidationError):
        med_merknad, uten = exc.group_exceptions()
        for under, merknad in med_merknad:
            under_verdi = verdi.get(merknad.name) if isinstance(verdi, dict) else None
            if isinstance(under, KeyError):
                yield Feil(skjot_nokkel(sti, merknad.name), None, "påkrevd felt mangler")
            else:
                yield from _feil_fra_unntak(under, skjot_nokkel(sti, merknad.name), under_verdi)
        for under in uten:
            yield from _feil_fra_unntak(under, sti, verdi)
        return
    if isinstance(exc, IterableValidationError):
        med_indeks, uten_indeks = exc.group_exceptions()
        for under, plass in med_indeks:
            i = plass.index  # cattrs types it int | str; a list's is an int
            under_verdi = verdi[i] if isinstance(verdi, list) and isinstance(i, int) else None
            yield from _feil_fra_unntak(under, f"{sti}[{plass.index}]", under_verdi)
        for under in uten_indeks:
            yield from _feil_fra_unntak(under, sti, verdi)
        return
    if isinstance(exc, _Avvist):
        yield Feil(sti or "$", verdi, str(exc))
        return
    yield Feil(sti or "$", verdi, f"ugyldig verdi ({exc})")


def les_json(tekst: str | bytes, grenser: Grenser | None = None) -> Any:
    """Parse JSON text, turning every fault into a rejection in Norwegian: a syntax error
    with its line and column, text that is not UTF-8, a key given twice in one object, a
    text longer than ``grenser.byte``. A leading byte order mark (as Windows Notepad and
    Excel save UTF-8) is skipped.
    """
    grense = (grenser or STANDARD).byte
    if len(tekst) > grense or (len(tekst) * 4 > grense and len(_som_bytes(tekst)) > grense):
        raise UgyldigSak([for_stor(grense)])
    if isinstance(tekst, bytes):
        try:
            tekst = tekst.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UgyldigSak([Feil("$", None, ikke_utf8(exc))]) from None
    if tekst.startswith("\ufeff"):
        tekst = tekst[1:]
    try:
        if tekst.startswith("\ufeff"):  # a second one: ``json.loads``' own refusal, as before
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", tekst, 0)
        return _DEKODER.decode(tekst)
    except _Avvist as exc:
        raise UgyldigSak([Feil(exc.felt, exc.verdi, str(exc))]) from None
    except json.JSONDecodeError as exc:
        raise UgyldigSak([Feil("$", None, json_feil(exc))]) from None
    except RecursionError:
        raise UgyldigSak([Feil("$", None, "JSON-dokumentet er for dypt nøstet")]) from None
    except ValueError as exc:  # e.g. a number of more than 4 300 digits
        raise UgyldigSak([Feil("$", None, f"ikke gyldig JSON: {_tallfeil(exc)}")]) from None


def _som_bytes(tekst: str | bytes) -> bytes:
    return tekst if isinstance(tekst, bytes) else tekst.encode("utf-8", "surrogatepass")


def for_stor(grense: int, hva: str = "saken", felt: str = "$", navn: str = "byte") -> Feil:
    """The rejection of a text longer than the limit ``navn`` (grenser.py) allows."""
    return Feil(felt, None, f"{hva} er større enn grensen på {tall(grense)} byte {heves(navn)}")


def ikke_utf8(exc: UnicodeDecodeError) -> str:
    """A text that is not UTF-8, said so a caseworker knows what to do."""
    byte = exc.object[exc.start : exc.start + 1].hex()
    return (
        f"teksten er ikke UTF-8 (byte 0x{byte} ved posisjon {exc.start} kan ikke leses); "
        "lagre filen som UTF-8"
    )


#: The standard library's JSON syntax errors, in Norwegian (anything else keeps its words).
_JSON_FEIL = {
    "Expecting value": "forventet en verdi",
    "Expecting property name enclosed in double quotes": (
        "forventet et feltnavn i doble anførselstegn"
    ),
    "Expecting ',' delimiter": "forventet komma",
    "Expecting ':' delimiter": "forventet kolon",
    "Unterminated string starting at": 'teksten slutter aldri (mangler avsluttende ")',
    "Invalid control character at": "ugyldig kontrolltegn i en tekst",
    "Invalid \\escape": "ugyldig escape-sekvens (\\)",
    "Invalid \\uXXXX escape": "ugyldig \\uXXXX-sekvens",
    "Extra data": "mer innhold etter slutten av JSON-dokumentet",
    "Illegal trailing comma before end of object": "komma før slutten av et objekt",
    "Illegal trailing comma before end of array": "komma før slutten av en liste",
}


def json_feil(exc: json.JSONDecodeError) -> str:
    """A JSON syntax error in Norwegian, with its line and column."""
    if not exc.doc.strip():
        melding = "teksten er tom; forventet et JSON-objekt ({...})"
    else:
        melding = _JSON_FEIL.get(exc.msg, exc.msg)
    return f"ikke gyldig JSON: {melding} (linje {exc.lineno}, kolonne {exc.colno})"


def _tallfeil(exc: ValueError) -> str:
    if "digits" in str(exc):
        return "et tall har for mange sifre"
    return str(exc)


def _objekt_uten_doble_nokler(par: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object from its key-value pairs, refusing a key given twice: the standard library
    keeps the last, so a second ``vurderingsdato`` silently decided the date (issue 15)."""
    objekt = dict(par)
    if len(objekt) != len(par):
        sett: set[str] = set()
        for nokkel, _ in par:
            if nokkel in sett:
                raise _Avvist(
                    f"feltet «{nokkel}» står to ganger i samme objekt; JSON-teksten må si det "
                    "bare én gang",
                    felt=skjot_nokkel("", nokkel) if nokkel else "$",
                )
            sett.add(nokkel)
    return objekt


def _avvis_konstant(navn: str) -> Any:
    raise _Avvist(f"{navn} er ikke gyldig JSON")


#: The contract's JSON reader, made once: ``json.loads`` with any hook builds a new decoder and
#: scanner for every call (~1.2 µs of the ~9 µs a 750-byte case takes to read, measured with
#: the cycle collector off). ``decode`` is what ``json.loads`` then calls for a text (the byte
#: order mark is checked above, as ``json.loads`` does first), so a case reads to the same
#: values and fails with the same errors. Sharing it is safe: the standard library shares its
#: own default one.
_DEKODER = json.JSONDecoder(
    parse_float=float,
    parse_constant=_avvis_konstant,
    object_pairs_hook=_objekt_uten_doble_nokler,
)


def fra_dict(data: Any, vurderingsdato: date | None = None, grenser: Grenser | None = None) -> Sak:
    """Structure a contract dict into a ``Sak``, or raise ``UgyldigSak`` with every problem.

    ``vurderingsdato`` overrides the case's own date (``on=`` / ``--dato``) for the checks
    that depend on the date. ``grenser``: the input limits (``grenser.py``), checked first.
    """
    if not isinstance(data, dict):
        raise UgyldigSak([Feil("$", data, "saken må være et JSON-objekt ({...})")])
    grenser = grenser or STANDARD
    # The fast path reads only the contract's shape (four levels deep) and gives up on a list
    # longer than the default limit, so what it reads is within any limits at least as
    # generous as the defaults but for the number of persons: the walk of ``sjekk_grenser``
    # is then not needed. Stricter limits, or anything it gives up on, go the detailed way.
    if grenser.linjer >= STANDARD.linjer and grenser.dybde >= STANDARD.dybde:
        try:
            sak = _LES_SAK_RASKT(data)
        except Exception:  # anything at all: the detailed path below finds and names it
            pass
        else:
            if len(sak.personer) <= grenser.personer and not _har_kryssfeil(sak, vurderingsdato):
                return sak
    return _fra_dict_detaljert(data, vurderingsdato, grenser)


def sjekk_grenser(data: Any, grenser: Grenser, hva: str = "saken") -> None:
    """Refuse input past a limit (``grenser.py``): nesting deeper than ``dybde``, a list
    longer than ``linjer``, more than ``personer`` persons. One walk of the objects and lists
    (never of the scalars), without recursion; the path is built only for a rejection.
    """
    personer = data.get("personer") if isinstance(data, dict) else None
    if isinstance(personer, list) and len(personer) > grenser.personer:
        raise UgyldigSak(
            [
                Feil(
                    "personer",
                    f"{tall(len(personer))} personer",
                    f"{hva} har flere personer enn grensen på {tall(grenser.personer)} "
                    + heves("personer"),
                )
            ]
        )
    maks_dybde, maks_linjer = grenser.dybde, grenser.linjer
    # (value, its depth, the entry of its parent, its key or index): the path on demand
    stabel: list[tuple[Any, int, Any, Any]] = [(data, 1, None, None)]
    while stabel:
        oppforing = stabel.pop()
        verdi, dybde = oppforing[0], oppforing[1]
        if dybde > maks_dybde:
            raise UgyldigSak(
                [
                    Feil(
                        _sti(oppforing, overst=True),
                        None,
                        f"{hva} er nøstet dypere enn grensen på {maks_dybde} nivåer "
                        + heves("dybde"),
                    )
                ]
            )
        if isinstance(verdi, dict):
            deler: Any = verdi.items()
        else:
            if len(verdi) > maks_linjer:
                raise UgyldigSak(
                    [
                        Feil(
                            _sti(oppforing) or "$",
                            f"{tall(len(verdi))} elementer",
                            f"listen er lengre enn grensen på {tall(maks_linjer)} elementer "
                            + heves("linjer"),
                        )
                    ]
                )
            deler = enumerate(verdi)
        for nokkel, under in deler:
            if isinstance(under, dict | list):
                stabel.append((under, dybde + 1, oppforing, nokkel))


def _sti(oppforing: tuple[Any, int, Any, Any], overst: bool = False) -> str:
    """The JSON path of an entry of ``sjekk_grenser``'s walk (``overst``: of the field at the
    top it lies in, for nesting too deep to name every step)."""
    deler = []
    while oppforing[2] is not None:
        deler.append(oppforing[3])
        oppforing = oppforing[2]
    if overst:
        deler = deler[-1:]
    sti = ""
    for nokkel in reversed(deler):
        sti = skjot(sti, nokkel)
    return sti


def _fra_dict_detaljert(
    data: dict[str, Any], vurderingsdato: date | None, grenser: Grenser = STANDARD
) -> Sak:
    """``fra_dict`` by the detailed converter: every problem, with its JSON path."""
    sjekk_grenser(data, grenser)
    feil: list[Feil] = []
    sak: Sak | None = None
    try:
        sak = _KONVERTER.structure(data, Sak)
    except Exception as exc:
        feil.extend(_feil_fra_unntak(exc, "", data))
    feil.extend(_kryssjekker(data, vurderingsdato))
    if feil:
        raise UgyldigSak(_unike(feil))
    assert sak is not None
    return sak


def til_dict(sak: Sak) -> dict[str, Any]:
    """The case back as contract JSON (for decision records); absent facts stay absent."""
    return _uten_none(_UT.unstructure(sak))


def _lag_ut_konverter() -> cattrs.Converter:
    konverter = cattrs.Converter()
    konverter.register_unstructure_hook(date, date.isoformat)
    konverter.register_unstructure_hook(Decimal, tall_til_json)
    return konverter


_UT = _lag_ut_konverter()


def _uten_none(verdi: Any) -> Any:
    if isinstance(verdi, dict):
        return {k: _uten_none(v) for k, v in verdi.items() if v is not None}
    if isinstance(verdi, list | tuple):
        return [_uten_none(v) for v in verdi]
    return verdi


def _unike(feil: list[Feil]) -> list[Feil]:
    sett: set[tuple[str, str]] = set()
    ut = []
    for f in feil:
        if (f.felt, f.melding) not in sett:
            sett.add((f.felt, f.melding))
            ut.append(f)
    return ut


def _som_dato(verdi: Any) -> date | None:
    try:
        return _dato(verdi, date)
    except _Avvist:
        return None


def _rekkefolgefeil(
    objekt: dict[str, Any], sti: str, regler: tuple[kryssregler.Rekkefolge, ...]
) -> Iterator[Feil]:
    """The raw walker's reading of ``kryssregler.Rekkefolge``: a problem at the later date."""
    for regel in regler:
        if regel.brutt(_som_dato(objekt.get(regel.tidlig)), _som_dato(objekt.get(regel.sen))):
            yield Feil(f"{sti}.{regel.sen}", objekt[regel.sen], regel.melding)


def _kryssjekker(data: dict[str, Any], overstyrt: date | None) -> Iterator[Feil]:
    """Checks across fields, on the raw input so they run even if a type error occurred.

    Each check looks only at values that are well-formed; malformed ones are already reported
    by structuring. A valid case is checked by the twin of this function on typed facts,
    ``_har_kryssfeil``, and comes here only when that finds a problem. What a rule is (dates
    in order, the lists that name a person, contradicting residence facts, a child's parents)
    is declared once in ``kryssregler`` and read by both; the walk over the raw input, which
    must tolerate any malformed value, is what stays written here (a walk added here needs its
    twin there: ``tests/test_contract_rask.py`` breaks each check alone).
    """
    dato = overstyrt or _som_dato(data.get("vurderingsdato"))
    if dato is not None and dato < LOVENS_IKRAFTTREDELSE:
        yield Feil(
            "--dato" if overstyrt else "vurderingsdato",
            dato.isoformat(),
            "sosialtjenesteloven (LOV-2009-12-18-131) gjelder fra 01.01.2010; saker etter "
            "den tidligere loven (1991) vurderes ikke av biblioteket",
        )
    personer = data.get("personer")
    if not isinstance(personer, list):
        return
    if not personer:
        yield Feil("personer", personer, "saken må ha minst én person (søkeren)")
    ider: dict[str, int] = {}
    roller: dict[str, list[int]] = {}
    for i, p in enumerate(personer):
        if not isinstance(p, dict):
            continue
        pid, rolle = p.get("id"), p.get("rolle")
        if isinstance(pid, str):
            if pid in ider:
                yield Feil(
                    f"personer[{i}].id", pid, f"id-en er brukt før, av personer[{ider[pid]}]"
                )
            else:
                ider[pid] = i
            if not pid.strip():
                yield Feil(f"personer[{i}].id", pid, "id kan ikke være tom")
        if isinstance(rolle, str):
            roller.setdefault(rolle, []).append(i)
        fodt = _som_dato(p.get("fodselsdato"))
        if fodt is not None and dato is not None and fodt > dato:
            yield Feil(
                f"personer[{i}].fodselsdato",
                p["fodselsdato"],
                "fødselsdatoen er etter vurderingsdatoen",
            )
    antall_sokere = len(roller.get("soker", []))
    if antall_sokere != 1 and personer:
        yield Feil(
            "personer",
            f"{antall_sokere} søkere",
            "saken må ha nøyaktig én person med rolle «soker»",
        )
    partnere = roller.get("ektefelle", []) + roller.get("samboer", [])
    if len(partnere) > 1:
        yield Feil(
            f"personer[{partnere[1]}].rolle",
            personer[partnere[1]].get("rolle"),
            "søkeren kan ha høyst én ektefelle eller samboer i saken",
        )
    yield from _barn_eldre_enn_foreldre(personer, roller)
    yield from _opphold_motstrid(personer)
    yield from _kjente_personer(data, ider)
    yield from _vilkar_og_oppfolging(data, dato, personer)
    yield from _godkjente_boutgifter(data)
    yield from _fravaer_uten_slutt(data.get("kvp"), dato)
    yield from _saksbehandler_kryssjekk(data)
    # id → role, once for the checks that read a person's role by id
    rolle_av = {
        p["id"]: p.get("rolle")
        for p in personer
        if isinstance(p, dict) and isinstance(p.get("id"), str)
    }
    yield from _husstandens_roller(data, personer, rolle_av)
    yield from _tilsynsfeil(data, rolle_av)


def fravaerets_siste_dag(
    til: date | None, forlenget_til: date | None, program_slutt: date | None, dato: date | None
) -> tuple[date | None, str]:
    """The last day a KVP absence can cover, and what sets it (for the rejection's words).

    Days lost are bounded by the period they fall in (issue 15, point 5): the absence's own
    ``til``; without it the programme's end (an extension first); without that the
    assessment date, since days after it have not happened. Only a bound: the deduction still
    counts the days the case gives.
    """
    for grense, hva in (
        (til, "fraværets slutt, til"),
        (forlenget_til, "programmets forlengede slutt, kvp.forlenget_til"),
        (program_slutt, "programmets slutt, kvp.program_slutt"),
        (dato, "vurderingsdatoen"),
    ):
        if grense is not None:
            return grense, hva
    return None, ""


def _fravaer_uten_slutt(kvp: Any, dato: date | None) -> Iterator[Feil]:
    """An absence without ``til``: its days fit between ``fra`` and the bound above."""
    if not isinstance(kvp, dict) or not isinstance(kvp.get("fravaer"), list):
        return
    forlenget, slutt = _som_dato(kvp.get("forlenget_til")), _som_dato(kvp.get("program_slutt"))
    for i, f in enumerate(kvp["fravaer"]):
        if not isinstance(f, dict) or f.get("til") is not None:
            continue  # with til, _kvp_kryssjekker bounds the days
        fra, dager = _som_dato(f.get("fra")), f.get("dager")
        if fra is None or not isinstance(dager, int) or isinstance(dager, bool):
            continue
        siste, hva = fravaerets_siste_dag(None, forlenget, slutt, dato)
        if siste is not None and dager > max((siste - fra).days + 1, 0):
            yield Feil(
                f"kvp.fravaer[{i}].dager",
                dager,
                f"flere fraværsdager enn dager fra {fra.isoformat()} til {siste.isoformat()} "
                f"({hva}): uten til kan fraværet ikke vare lenger enn det",
            )


def _husstandens_roller(
    data: dict[str, Any], personer: list[Any], roller: Mapping[str, Any]
) -> Iterator[Feil]:
    """§ 18 facts that only one role can have: a child's earnings (§ 18 third ledd) belong to
    a child, and a joint economy is recorded for a cohabitant (a spouse has one by law).
    ``roller``: each person's role by id."""
    for i, p in enumerate(personer):
        if (
            isinstance(p, dict)
            and p.get("felles_okonomi") is not None
            and p.get("rolle") != "samboer"
        ):
            yield Feil(
                f"personer[{i}].felles_okonomi",
                p["felles_okonomi"],
                "felles_okonomi gjelder bare en samboer (ektefeller har forsørgelsesplikt etter "
                "ekteskapsloven § 38; andre voksne har ingen)",
            )
    inntekter = data.get("inntekter")
    for i, inntekt in enumerate(inntekter if isinstance(inntekter, list) else ()):
        if not isinstance(inntekt, dict) or inntekt.get("type") != "barns_arbeidsinntekt":
            continue
        person = inntekt.get("person")
        rolle = roller.get(person) if isinstance(person, str) else None
        if isinstance(rolle, str) and rolle != "barn":
            yield Feil(
                f"inntekter[{i}].type",
                "barns_arbeidsinntekt",
                f"barns_arbeidsinntekt kan bare gjelde et barn (rolle «barn»); personen "
                f"«{inntekt.get('person')}» har rolle «{rolle}». En voksens arbeidsinntekt er "
                "arbeidsinntekt",
            )


def _godkjente_boutgifter(data: dict[str, Any]) -> Iterator[Feil]:
    """§ 18: an accepted housing cost replaces an actual cost judged not reasonable, so it is
    given only then, and never above the actual cost (a higher one would be a typing error)."""
    boutgifter = data.get("boutgifter")
    if not isinstance(boutgifter, list):
        return
    for i, b in enumerate(boutgifter):
        godkjent = b.get("godkjent_belop_per_maned") if isinstance(b, dict) else None
        if not isinstance(godkjent, int | float) or isinstance(godkjent, bool):
            continue
        sti = f"boutgifter[{i}].godkjent_belop_per_maned"
        if b.get("vurdert_rimelig") is not False:
            yield Feil(
                sti, godkjent, "godkjent beløp gis bare når vurdert_rimelig er false (boutgifter)"
            )
        faktisk = b.get("belop_per_maned")
        tall = isinstance(faktisk, int | float) and not isinstance(faktisk, bool)
        if tall and godkjent > faktisk:
            yield Feil(sti, godkjent, f"godkjent beløp er over den faktiske boutgiften ({faktisk})")


def _barn_eldre_enn_foreldre(personer: list[Any], roller: dict[str, list[int]]) -> Iterator[Feil]:
    """A child not younger than the applicant or partner: one problem per child, naming the
    youngest of them it is not younger than (every pair made the rejection quadratic)."""
    foreldre = [
        (fodt, i)
        for rolle in kryssregler.FORELDREROLLER
        for i in roller.get(rolle, [])
        if (fodt := _som_dato(personer[i].get("fodselsdato"))) is not None
    ]
    if not foreldre:
        return
    yngste_fodt, j = max(foreldre, key=lambda par: par[0])  # the first of the youngest
    for i in roller.get("barn", []):
        barn_fodt = _som_dato(personer[i].get("fodselsdato"))
        if barn_fodt is not None and barn_fodt <= yngste_fodt:
            yield Feil(
                f"personer[{i}].fodselsdato",
                personer[i]["fodselsdato"],
                f"barnet er ikke yngre enn personer[{j}] "
                f"(født {personer[j]['fodselsdato']}), som er søker eller partner",
            )


def _opphold_motstrid(personer: list[Any]) -> Iterator[Feil]:
    """Residence facts that contradict each other (§ 2 and the regulation on persons without a
    fixed residence): a citizen always has lawful residence and never seeks protection, and a
    person with a limited permit (reflection period) or a right to stay while a residence case
    is processed stays lawfully. Guessing which fact is wrong could exclude someone from help.
    """
    statsborger, lovlig = kryssregler.STATSBORGER_MOTSTRID, kryssregler.LOVLIG_OPPHOLD_LIKEVEL
    for i, p in enumerate(personer):
        opphold = p.get("opphold") if isinstance(p, dict) else None
        if not isinstance(opphold, dict):
            continue
        sti = f"personer[{i}].opphold"
        if opphold.get("norsk_statsborger") is True:
            for felt, verdi in statsborger:
                if opphold.get(felt) is verdi:
                    yield Feil(f"{sti}.{felt}", verdi, "motstrid: personen er norsk statsborger")
        if opphold.get("lovlig_opphold") is False:
            for felt in lovlig:
                if opphold.get(felt) is True:
                    yield Feil(
                        f"{sti}.lovlig_opphold",
                        False,
                        f"motstrid: {felt} er true, og da er oppholdet lovlig",
                    )


def _kjente_personer(data: dict[str, Any], ider: dict[str, int]) -> Iterator[Feil]:
    melding = "ukjent person-id; kjente er: " + oppramsing(ider, len(ider))

    def sjekk(sti: str, verdi: Any) -> Iterator[Feil]:
        if isinstance(verdi, str) and verdi not in ider:
            yield Feil(sti, verdi, melding)

    for liste in kryssregler.PERSONLISTER:
        elementer = data.get(liste)
        if isinstance(elementer, list):
            for i, e in enumerate(elementer):
                if isinstance(e, dict) and "person" in e:
                    yield from sjekk(f"{liste}[{i}].person", e["person"])
    saerlige = data.get("saerlige_tilfeller")
    if isinstance(saerlige, dict) and isinstance(saerlige.get("utgifter"), list):
        for i, e in enumerate(saerlige["utgifter"]):
            if isinstance(e, dict) and "person" in e:
                yield from sjekk(f"saerlige_tilfeller.utgifter[{i}].person", e["person"])
    yield from _kjente_vilkar(data)
    botilbud = data.get("botilbud")
    if isinstance(botilbud, list):
        for i, b in enumerate(botilbud):
            if not isinstance(b, dict):
                continue
            if isinstance(b.get("personer"), list):
                for j, pid in enumerate(b["personer"]):
                    yield from sjekk(f"botilbud[{i}].personer[{j}]", pid)
                if not b["personer"]:
                    yield Feil(
                        f"botilbud[{i}].personer", [], "et opphold må gjelde minst én person"
                    )
            yield from _rekkefolgefeil(b, f"botilbud[{i}]", kryssregler.BOTILBUD)
            personer_i_opphold = b.get("personer")
            ider_i_opphold = [
                x
                for x in (personer_i_opphold if isinstance(personer_i_opphold, list) else ())
                if isinstance(x, str)
            ]
            sett: set[str] = set()
            for j, pid in enumerate(ider_i_opphold):
                if pid in sett:
                    yield Feil(f"botilbud[{i}].personer[{j}]", pid, "personen står to ganger")
                sett.add(pid)
    kvp = data.get("kvp")
    if isinstance(kvp, dict):
        yield from sjekk("kvp.person", kvp.get("person"))
        if isinstance(kvp.get("forsorger_barn"), list):
            for j, pid in enumerate(kvp["forsorger_barn"]):
                yield from sjekk(f"kvp.forsorger_barn[{j}]", pid)
        yield from _kvp_kryssjekker(kvp)


def _kjente_vilkar(data: dict[str, Any]) -> Iterator[Feil]:
    """Condition ids are unique, and a reduction names a condition in the case."""
    vilkar = data.get("vilkar")
    ider: dict[str, int] = {}
    if isinstance(vilkar, list):
        for i, v in enumerate(vilkar):
            vid = v.get("id") if isinstance(v, dict) else None
            if isinstance(vid, str):
                if vid in ider:
                    yield Feil(
                        f"vilkar[{i}].id", vid, f"id-en er brukt før, av vilkar[{ider[vid]}]"
                    )
                ider.setdefault(vid, i)
    reduksjoner = data.get("reduksjoner")
    if isinstance(reduksjoner, list):
        kjente = oppramsing(ider, len(ider)) or "(ingen vilkår i saken)"
        for i, r in enumerate(reduksjoner):
            vid = r.get("vilkar") if isinstance(r, dict) else None
            if isinstance(vid, str) and vid not in ider:
                yield Feil(
                    f"reduksjoner[{i}].vilkar", vid, f"ukjent vilkår-id; kjente er: {kjente}"
                )


#: Hours in a week: more programme hours than this is a typing error.
_TIMER_I_EN_UKE = 7 * 24


def _kvp_kryssjekker(kvp: dict[str, Any]) -> Iterator[Feil]:
    """KVP facts that contradict each other: periods that end before they begin, an extension
    that does not extend, more absent days than the absence has, a participant supporting
    themselves, a child or a benefit listed twice."""
    deltaker = kvp.get("person")
    for felt, melding in (
        ("forsorger_barn", "barnet står to ganger"),
        ("ytelser_folketrygd", "ytelsen står to ganger"),
    ):
        liste = kvp.get(felt)
        if isinstance(liste, list):
            sett: set[str] = set()
            for j, verdi in enumerate(liste):
                if isinstance(verdi, str) and verdi in sett:
                    yield Feil(f"kvp.{felt}[{j}]", verdi, melding)
                elif felt == "forsorger_barn" and isinstance(verdi, str) and verdi == deltaker:
                    yield Feil(f"kvp.{felt}[{j}]", verdi, "deltakeren kan ikke forsørge seg selv")
                if isinstance(verdi, str):
                    sett.add(verdi)
    yield from _rekkefolgefeil(kvp, "kvp", kryssregler.KVP)
    timer = kvp.get("timer_per_uke")
    if isinstance(timer, int | float) and not isinstance(timer, bool) and timer > _TIMER_I_EN_UKE:
        yield Feil("kvp.timer_per_uke", timer, f"en uke har bare {_TIMER_I_EN_UKE} timer")
    fravaer = kvp.get("fravaer")
    if not isinstance(fravaer, list):
        return
    for i, f in enumerate(fravaer):
        if not isinstance(f, dict):
            continue
        fra, til = _som_dato(f.get("fra")), _som_dato(f.get("til"))
        if fra and fra < LOVENS_IKRAFTTREDELSE:
            yield Feil(
                f"kvp.fravaer[{i}].fra",
                f["fra"],
                "fraværet er før sosialtjenesteloven trådte i kraft (01.01.2010)",
            )
        yield from _rekkefolgefeil(f, f"kvp.fravaer[{i}]", kryssregler.FRAVAER)
        dager = f.get("dager")
        heltall = isinstance(dager, int) and not isinstance(dager, bool)
        if fra and til and heltall and dager is not None and dager > (til - fra).days + 1:
            yield Feil(
                f"kvp.fravaer[{i}].dager",
                dager,
                f"flere fraværsdager enn dager fra {f['fra']} til {f['til']}",
            )


def _vilkar_og_oppfolging(
    data: dict[str, Any], dato: date | None, personer: list[Any]
) -> Iterator[Feil]:
    """§§ 20, 20 a, 17 and long-term months: dates out of order and facts that contradict.

    A deadline or follow-up before the condition was set, a reduction from before it was set,
    advice recorded as given after the assessment date, a month not given as its first day or
    given twice, and ``aktivitetsplikt.vilkar_satt: false`` beside an activity condition for
    the applicant: each is a typing error the library must not guess its way around.
    """
    vilkar = data.get("vilkar")
    vilkar = vilkar if isinstance(vilkar, list) else []
    satt: dict[str, date] = {}
    for i, v in enumerate(vilkar):
        if not isinstance(v, dict):
            continue
        fra = _som_dato(v.get("satt_dato"))
        if fra and isinstance(v.get("id"), str):
            satt.setdefault(v["id"], fra)
        yield from _rekkefolgefeil(v, f"vilkar[{i}]", kryssregler.VILKAR)
    reduksjoner = data.get("reduksjoner")
    for i, r in enumerate(reduksjoner if isinstance(reduksjoner, list) else []):
        fra = (
            satt.get(r["vilkar"])
            if isinstance(r, dict) and isinstance(r.get("vilkar"), str)
            else None
        )
        dag = _som_dato(r.get("dato")) if isinstance(r, dict) else None
        if fra and dag and dag < fra:
            yield Feil(
                f"reduksjoner[{i}].dato",
                r["dato"],
                f"reduksjonen gjelder fra før vilkåret ble satt ({fra.isoformat()})",
            )
    radgivning = data.get("radgivning")
    for i, r in enumerate(radgivning if isinstance(radgivning, list) else []):
        dag = _som_dato(r.get("dato")) if isinstance(r, dict) else None
        if dag and dato and dag > dato:
            yield Feil(
                f"radgivning[{i}].dato",
                r["dato"],
                "rådet er registrert som gitt etter vurderingsdatoen",
            )
    maneder = data.get("maneder_med_stonad")
    sett: set[date] = set()
    for i, m in enumerate(maneder if isinstance(maneder, list) else []):
        dag = _som_dato(m)
        if dag is None:
            continue
        if dag.day != 1:
            yield Feil(
                f"maneder_med_stonad[{i}]", m, "en måned oppgis med sin første dag (ÅÅÅÅ-MM-01)"
            )
        elif dag in sett:
            yield Feil(f"maneder_med_stonad[{i}]", m, "måneden står to ganger")
        sett.add(dag)
    aktivitet = data.get("aktivitetsplikt")
    soker = next(
        (p.get("id") for p in personer if isinstance(p, dict) and p.get("rolle") == "soker"), None
    )
    if isinstance(aktivitet, dict) and aktivitet.get("vilkar_satt") is False and soker:
        for i, v in enumerate(vilkar):
            if isinstance(v, dict) and v.get("type") == "aktivitet" and v.get("person") == soker:
                yield Feil(
                    "aktivitetsplikt.vilkar_satt",
                    False,
                    f"motstrid: vilkar[{i}] er et vilkår om aktivitet for søkeren",
                )


# Keep typing imported for cattrs' forward references in facts (PEP 563 strings).
_ = typing


# --- the checks across fields, on a case the fast path has read ------------------------------


def _har_kryssfeil(sak: Sak, overstyrt: date | None) -> bool:
    """Whether ``_kryssjekker`` would find any problem in the case ``sak`` was read from.

    The same checks, on typed facts instead of raw JSON: a valid case then costs a few
    comparisons instead of parsing every date again. Only the answer is needed here; when it
    is yes, ``_kryssjekker`` runs on the raw input and words each problem. Both read the rules
    that are data from ``kryssregler``; the walk over typed facts is this function's own
    (``tests/test_contract_rask.py`` checks that the two agree).
    """
    dato = overstyrt or sak.vurderingsdato
    if dato is not None and dato < LOVENS_IKRAFTTREDELSE:
        return True
    personer = sak.personer
    if not personer:
        return True
    ider: set[str] = set()
    soker = ""
    sokere = partnere = 0
    foreldre_fodt: list[date] = []
    barn_fodt: list[date] = []
    for p in personer:
        pid, rolle, fodt = p.id, p.rolle, p.fodselsdato
        if pid in ider or not pid.strip():
            return True
        ider.add(pid)
        if rolle == "soker":
            sokere += 1
            soker = pid
        elif rolle == "ektefelle" or rolle == "samboer":
            partnere += 1
        if fodt is not None:
            if dato is not None and fodt > dato:
                return True
            if rolle == "barn":
                barn_fodt.append(fodt)
            elif rolle in kryssregler.FORELDREROLLER:
                foreldre_fodt.append(fodt)
        if p.opphold is not None and kryssregler.opphold_i_motstrid(p.opphold):
            return True
    if sokere != 1 or partnere > 1:
        return True
    if barn_fodt and foreldre_fodt and min(barn_fodt) <= max(foreldre_fodt):
        return True
    rolle_av = {p.id: p.rolle for p in personer}  # id → role, for the two checks below
    return (
        _ukjent_person(sak, ider)
        or _vilkar_i_motstrid(sak, dato, soker)
        or _boutgift_godkjent_feil(sak)
        or _fravaer_over_perioden(sak.kvp, dato)
        or _saksbehandler_feil(sak)
        or _roller_i_motstrid(sak, rolle_av)
        or tilsynsfakta.har_kryssfeil(sak, rolle_av)
    )


def _roller_i_motstrid(sak: Sak, roller: Mapping[str, str]) -> bool:
    """The twin of ``_husstandens_roller``."""
    if any(p.felles_okonomi is not None and p.rolle != "samboer" for p in sak.personer):
        return True
    return any(
        i.type == "barns_arbeidsinntekt" and roller.get(i.person, "barn") != "barn"
        for i in sak.inntekter or ()
    )


def _fravaer_over_perioden(kvp: Kvp | None, dato: date | None) -> bool:
    """The twin of ``_fravaer_uten_slutt``."""
    if kvp is None:
        return False
    for f in kvp.fravaer or ():
        if f.til is None and f.dager is not None:
            siste, _ = fravaerets_siste_dag(None, kvp.forlenget_til, kvp.program_slutt, dato)
            if siste is not None and f.dager > max((siste - f.fra).days + 1, 0):
                return True
    return False


def _tilsynsfeil(data: dict[str, Any], roller: Mapping[str, Any]) -> Iterator[Feil]:
    """The audit points' facts (issue 18): their checks are in ``tilsynsfakta``."""
    for f in tilsynsfakta.kryssjekk(data, roller):
        yield Feil(f.felt, f.verdi, f.melding)


def _ukjent_person(sak: Sak, ider: set[str]) -> bool:
    """The twin of ``_kjente_personer`` (and ``_kjente_vilkar``, ``_kvp_kryssjekker``)."""
    for liste in kryssregler.personlister(sak):
        if liste:
            for e in liste:
                if e.person is not None and e.person not in ider:
                    return True
    saerlige = sak.saerlige_tilfeller
    if saerlige is not None:
        for u in saerlige.utgifter or ():
            if u.person is not None and u.person not in ider:
                return True
    if sak.vilkar or sak.reduksjoner:
        vilkar_ider = {v.id for v in sak.vilkar or ()}
        if len(vilkar_ider) != len(sak.vilkar or ()):
            return True
        for r in sak.reduksjoner or ():
            if r.vilkar not in vilkar_ider:
                return True
    for b in sak.botilbud or ():
        if not b.personer or not ider.issuperset(b.personer):
            return True
        if len(set(b.personer)) != len(b.personer):
            return True
        if kryssregler.brutt_i(kryssregler.BOTILBUD, b):
            return True
    kvp = sak.kvp
    return kvp is not None and (kvp.person not in ider or _kvp_i_motstrid(kvp, ider))


def _kvp_i_motstrid(kvp: Kvp, ider: set[str]) -> bool:
    """The twin of ``_kvp_kryssjekker`` (and the KVP part of ``_kjente_personer``)."""
    barn = kvp.forsorger_barn
    if barn is not None and (
        not ider.issuperset(barn) or len(set(barn)) != len(barn) or kvp.person in barn
    ):
        return True
    ytelser = kvp.ytelser_folketrygd
    if ytelser is not None and len(set(ytelser)) != len(ytelser):
        return True
    if kryssregler.brutt_i(kryssregler.KVP, kvp):
        return True
    if kvp.timer_per_uke is not None and kvp.timer_per_uke > _TIMER_I_EN_UKE:
        return True
    for f in kvp.fravaer or ():
        if f.fra < LOVENS_IKRAFTTREDELSE:
            return True
        if f.til is not None:
            if kryssregler.brutt_i(kryssregler.FRAVAER, f):
                return True
            if f.dager is not None and f.dager > (f.til - f.fra).days + 1:
                return True
    return False


def _vilkar_i_motstrid(sak: Sak, dato: date | None, soker: str) -> bool:
    """The twin of ``_vilkar_og_oppfolging``."""
    satt: dict[str, date] = {}
    for v in sak.vilkar or ():
        fra = v.satt_dato
        if fra is None:
            continue
        satt.setdefault(v.id, fra)
        if kryssregler.brutt_i(kryssregler.VILKAR, v):
            return True
    for r in sak.reduksjoner or ():
        fra = satt.get(r.vilkar)
        if fra is not None and r.dato < fra:
            return True
    if dato is not None:
        for rad in sak.radgivning or ():
            if rad.dato > dato:
                return True
    maneder = sak.maneder_med_stonad
    if maneder is not None and (
        any(m.day != 1 for m in maneder) or len(set(maneder)) != len(maneder)
    ):
        return True
    aktivitet = sak.aktivitetsplikt
    if aktivitet is not None and aktivitet.vilkar_satt is False and soker:
        return any(v.type == "aktivitet" and v.person == soker for v in sak.vilkar or ())
    return False


def _boutgift_godkjent_feil(sak: Sak) -> bool:
    """The twin of ``_godkjente_boutgifter``."""
    for b in sak.boutgifter or ():
        godkjent = b.godkjent_belop_per_maned
        if godkjent is not None and (
            b.vurdert_rimelig is not False or godkjent > b.belop_per_maned
        ):
            return True
    return False


def _saksbehandler_kryssjekk(data: dict[str, Any]) -> Iterator[Feil]:
    """The decision letter's block: a period that ends before it starts; two conclusions for
    one area (which one the letter should state would be a guess)."""
    sb = data.get("saksbehandler")
    if not isinstance(sb, dict):
        return
    yield from _rekkefolgefeil(sb, "saksbehandler", kryssregler.SAKSBEHANDLER)
    konklusjoner = sb.get("konklusjoner")
    if not isinstance(konklusjoner, list):
        return
    sett: dict[str, int] = {}
    for i, k in enumerate(konklusjoner):
        omrade = k.get("omrade") if isinstance(k, dict) else None
        if not isinstance(omrade, str):
            continue
        if omrade in sett:
            yield Feil(
                f"saksbehandler.konklusjoner[{i}].omrade",
                omrade,
                f"området har allerede en konklusjon, i saksbehandler.konklusjoner[{sett[omrade]}]",
            )
        else:
            sett[omrade] = i


def _saksbehandler_feil(sak: Sak) -> bool:
    """The twin of ``_saksbehandler_kryssjekk``."""
    sb = sak.saksbehandler
    if sb is None:
        return False
    if kryssregler.brutt_i(kryssregler.SAKSBEHANDLER, sb):
        return True
    omrader = [k.omrade for k in sb.konklusjoner or ()]
    return len(set(omrader)) != len(omrader)
