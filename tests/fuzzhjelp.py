"""Fuzzing the library's doors (issue 10): the API, the CLI, NAV's application.

Strategies that make inputs, and the checks every input must pass. Shared by
``tests/test_fuzz.py`` (short runs in every suite), ``tests/oracle`` (cases for the second
engine) and ``benchmarks/fuzz_lang.py`` (the 100 000-input run).

Three families of input:

* ``fulle_saker()``: valid cases that use *every* field of the contract (all areas of law),
  generated from the declared types of ``sosialregler.inndata.facts`` and then made consistent the
  way
  the contract's cross-field checks demand, so most are accepted and reach the rules;
* ``naer_gyldige()``: one of those (or a case from ``sosialregler.verktoy.testing``) with exactly
one
  thing wrong, paired with what the rejection must name when the fault is certain (a field of
  the wrong type, missing, out of range, an impossible date, an unknown id, an unknown type, an
  unknown key); and faults with no single right answer (deep nesting, huge numbers, odd
  Unicode, arbitrary JSON or, for the Python API, values JSON cannot hold);
* ``json_verdier()`` / ``tekstmutasjoner()``: arbitrary JSON, and broken JSON text (bytes
  flipped, cut short, invalid UTF-8, a BOM, deep brackets).

A path is a tuple of keys and indices; ``sti_tekst`` writes it as the contract names fields
(``personer[1].fodselsdato``).
"""

from __future__ import annotations

import copy
import enum
import io
import json
import sys
import traceback
import types
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import attrs
from attrs import frozen
from hypothesis import strategies as st

from sosialregler import Assessment, UgyldigSak, Utfall, assess
from sosialregler.inndata import facts
from sosialregler.inndata.contract import fravaerets_siste_dag
from sosialregler.inndata.sti import nokkel as _skjot
from sosialregler.verktoy.testing import cases, husstander, saker

Sti = tuple[str | int, ...]

MIN_DATO = date(2010, 1, 1)
MAKS_DATO = date(2026, 12, 31)


def sti_tekst(sti: Sti) -> str:
    """``("personer", 1, "fodselsdato")`` → ``personer[1].fodselsdato``; ``()`` → ``$``."""
    ut = ""
    for ledd in sti:
        ut += f"[{ledd}]" if isinstance(ledd, int) else (f".{ledd}" if ut else str(ledd))
    return ut or "$"


def navngir(felt: str, forventet: str) -> bool:
    """Whether a rejection's ``felt`` names ``forventet`` or something inside it."""
    if forventet == "$":
        return True
    # A key that is not a plain name is written in brackets by the contract: sti[" "].
    # The odd key may itself hold dots (``kvp.{sak.id}``): try every split into path and key.
    alternativer = {forventet, _skjot("", forventet)}
    for i, tegn in enumerate(forventet):
        if tegn == ".":
            alternativer.add(_skjot(forventet[:i], forventet[i + 1 :]))
    return felt in alternativer or felt.startswith(
        tuple(a + skille for a in alternativer for skille in (".", "["))
    )


# --- declared types of the contract ------------------------------------------------------------


def _felttyper(klasse: type) -> dict[str, Any]:
    attrs.resolve_types(klasse, globalns=vars(facts))
    return {a.name: a.type for a in attrs.fields(klasse)}


def _pakrevde(klasse: type) -> frozenset[str]:
    return frozenset(a.name for a in attrs.fields(klasse) if a.default is attrs.NOTHING)


def _uten_none(typ: Any) -> tuple[Any, bool]:
    """``X | None`` → ``(X, True)``; anything else → ``(typ, False)``."""
    if get_origin(typ) in (Union, types.UnionType):
        args = [a for a in get_args(typ) if a is not type(None)]
        if len(args) == 1:
            return args[0], len(args) != len(get_args(typ))
    return typ, False


def _er_liste(typ: Any) -> bool:
    args = get_args(typ)
    return get_origin(typ) is tuple and len(args) == 2 and args[1] is Ellipsis


def deklarert(sti: Sti) -> tuple[Any, bool, type | None] | None:
    """The declared type at ``sti`` (without ``None``), whether it may be null, and the class
    whose field it is (``None`` for list items); ``None`` when the path leaves the contract."""
    typ: Any = facts.Sak
    valgfri = False
    eier: type | None = None
    for ledd in sti:
        if isinstance(ledd, int):
            if not _er_liste(typ):
                return None
            typ, valgfri, eier = get_args(typ)[0], False, None
        else:
            if not attrs.has(typ):
                return None
            felt = _felttyper(typ)
            if ledd not in felt:
                return None
            eier = typ
            typ, valgfri = _uten_none(felt[ledd])
    return typ, valgfri, eier


def er_pakrevd(sti: Sti) -> bool:
    """Whether the field at ``sti`` must be present (it has no default in its class)."""
    if not sti or isinstance(sti[-1], int):
        return False
    foreldre = deklarert(sti[:-1])
    return foreldre is not None and attrs.has(foreldre[0]) and sti[-1] in _pakrevde(foreldre[0])


#: Fields that name a person (or condition) of the case: an unknown value is a rejection.
REFERANSEFELT = frozenset({"person", "forsorger_barn", "vilkar"})


# --- valid cases that use every field ---------------------------------------------------------


@frozen
class _Ramme:
    dato: date
    ider: tuple[str, ...]
    barn: tuple[str, ...]


def _belop_st(maks: int = 60_000) -> st.SearchStrategy[int | float]:
    return st.one_of(
        st.integers(0, maks),
        st.integers(0, maks * 100).map(lambda ore: ore / 100),
        st.sampled_from((0, 1, 0.01, 37.5)),
    )


def _datoer_rundt(dato: date) -> st.SearchStrategy[str]:
    fra = max(MIN_DATO, dato - timedelta(days=900))
    return st.dates(fra, dato + timedelta(days=200)).map(date.isoformat)


_TEKSTER = st.one_of(
    st.sampled_from(("", "Vurdert konkret.", "  ", "Søkeren har fått råd.", "æøå ÆØÅ")),
    st.text(max_size=30),
)


def _verdi(draw: st.DrawFn, typ: Any, navn: str, ramme: _Ramme, dybde: int = 0) -> Any:
    """A valid JSON value for ``typ`` (a field called ``navn``), before the fix-ups."""
    typ, _ = _uten_none(typ)
    if attrs.has(typ):
        return _objekt(draw, typ, ramme, dybde + 1)
    if _er_liste(typ):
        element = get_args(typ)[0]
        if navn in ("personer", "forsorger_barn"):
            return draw(st.lists(st.sampled_from(ramme.ider), min_size=1, max_size=3, unique=True))
        if navn == "maneder_med_stonad":
            maneder = draw(st.lists(st.integers(1, 36), max_size=14, unique=True))
            return [_maned_for(ramme.dato, m).isoformat() for m in sorted(maneder)]
        if get_origin(element) is Literal:
            return draw(st.lists(st.sampled_from(get_args(element)), max_size=3, unique=True))
        return [
            _verdi(draw, element, navn, ramme, dybde + 1)
            for _ in range(draw(st.integers(0, 3 if dybde == 0 else 2)))
        ]
    if get_origin(typ) is Literal:
        return draw(st.sampled_from(get_args(typ)))
    if typ is bool:
        return draw(st.booleans())
    if typ is int:
        return draw(st.integers(0, 40))
    if typ is Decimal:
        return draw(st.integers(0, 60)) if navn == "timer_per_uke" else draw(_belop_st())
    if typ is date:
        return draw(_datoer_rundt(ramme.dato))
    if typ is str:
        if navn == "person":
            return draw(st.sampled_from(ramme.ider))
        return draw(_TEKSTER)
    raise AssertionError(f"ukjent type i kontrakten: {typ!r} ({navn})")


def _maned_for(dato: date, tilbake: int) -> date:
    aar, maned = divmod(dato.year * 12 + dato.month - 1 - tilbake, 12)
    return date(aar, maned + 1, 1)


def _objekt(draw: st.DrawFn, klasse: type, ramme: _Ramme, dybde: int) -> dict[str, Any]:
    ut: dict[str, Any] = {}
    pakrevde = _pakrevde(klasse)
    for navn, typ in _felttyper(klasse).items():
        if navn in pakrevde or draw(st.integers(0, 2)) > 0:
            ut[navn] = _verdi(draw, typ, navn, ramme, dybde)
    return ut


@st.composite
def _fulle_saker(draw: st.DrawFn, andel_felt: int) -> dict[str, Any]:
    dato = draw(st.dates(MIN_DATO, MAKS_DATO))
    komplett = draw(st.booleans())
    sak: dict[str, Any] = {"vurderingsdato": dato.isoformat()}
    sak.update(draw(husstander(dato, komplett=komplett, maks_barn=3)))
    ider = tuple(p["id"] for p in sak["personer"])
    barn = tuple(p["id"] for p in sak["personer"] if p["rolle"] == "barn")
    ramme = _Ramme(dato, ider, barn)
    for p in sak["personer"]:
        if draw(st.integers(0, 3)) == 0:
            p["opphold"] = _objekt(draw, facts.Opphold, ramme, 1)
    if draw(st.booleans()):
        sak["sak_id"] = draw(_TEKSTER)
    for navn, typ in _felttyper(facts.Sak).items():
        if navn in sak or navn in ("sak_id", "vurderingsdato"):
            continue
        if draw(st.integers(0, 9)) < andel_felt:
            sak[navn] = _verdi(draw, typ, navn, ramme)
    return reparer(sak)


def fulle_saker(andel_felt: int = 5) -> st.SearchStrategy[dict[str, Any]]:
    """Valid cases using every part of the contract; each top-level field present with
    probability ``andel_felt``/10. Nearly all are accepted (the rest are rejected by checks
    across fields this generator does not mirror, which is fine for fuzzing)."""
    return _fulle_saker(andel_felt)


def _sorter(obj: dict[str, Any], tidlig: str, sen: str, strengt: bool = False) -> None:
    a, b = obj.get(tidlig), obj.get(sen)
    if isinstance(a, str) and isinstance(b, str):
        da, db = date.fromisoformat(a), date.fromisoformat(b)
        if strengt and da == db:
            obj[sen] = (db + timedelta(days=1)).isoformat()
        elif da > db:
            obj[tidlig], obj[sen] = b, a


def _i_rekkefolge(obj: dict[str, Any], *felt: str) -> None:
    """The dates present in ``felt`` put in that order (earliest in the first field)."""
    til_stede = [f for f in felt if isinstance(obj.get(f), str)]
    for f, verdi in zip(til_stede, sorted(obj[f] for f in til_stede), strict=True):
        obj[f] = verdi


def reparer(sak: dict[str, Any]) -> dict[str, Any]:
    """Make a generated case meet the contract's checks across fields (contract.py)."""
    ider = [p["id"] for p in sak["personer"]]
    soker = next(p["id"] for p in sak["personer"] if p["rolle"] == "soker")
    dato = date.fromisoformat(sak["vurderingsdato"])
    for p in sak["personer"]:
        opphold = p.get("opphold")
        if isinstance(opphold, dict):
            if opphold.get("norsk_statsborger") is True:
                opphold.pop("lovlig_opphold", None)
                opphold.pop("asylsoker_med_statlig_innkvartering", None)
            if opphold.get("lovlig_opphold") is False:
                opphold.pop("offer_for_menneskehandel_refleksjonsperiode", None)
                opphold.pop("rett_til_opphold_under_oppholdssak", None)
    roller = {p["id"]: p["rolle"] for p in sak["personer"]}
    for i in sak.get("inntekter") or ():  # a child's earnings belong to a child
        if i.get("type") == "barns_arbeidsinntekt" and roller.get(i.get("person")) != "barn":
            i["type"] = "arbeidsinntekt"
    for p in sak["personer"]:  # a joint economy is recorded for a cohabitant only
        if p.get("rolle") != "samboer":
            p.pop("felles_okonomi", None)
    for b in sak.get("boutgifter") or ():
        godkjent = b.get("godkjent_belop_per_maned")
        if godkjent is not None and (
            b.get("vurdert_rimelig") is not False or godkjent > b["belop_per_maned"]
        ):
            del b["godkjent_belop_per_maned"]
    for b in sak.get("botilbud") or ():
        _sorter(b, "fra", "til")
    kvp = sak.get("kvp")
    if isinstance(kvp, dict):
        _i_rekkefolge(kvp, "program_start", "program_slutt", "forlenget_til")
        _sorter(kvp, "program_slutt", "forlenget_til", strengt=True)
        if "forsorger_barn" in kvp:
            kvp["forsorger_barn"] = [b for b in kvp["forsorger_barn"] if b != kvp["person"]]
        for f in kvp.get("fravaer") or ():
            _sorter(f, "fra", "til")
            if "dager" in f:
                # the days fit the period they fall in (issue 15 point 5; contract.py)
                siste, _ = fravaerets_siste_dag(
                    *(
                        date.fromisoformat(x) if isinstance(x, str) else None
                        for x in (f.get("til"), kvp.get("forlenget_til"), kvp.get("program_slutt"))
                    ),
                    dato,
                )
                assert siste is not None
                f["dager"] = min(
                    f["dager"], max((siste - date.fromisoformat(f["fra"])).days + 1, 0)
                )
    vilkar = sak.get("vilkar")
    satt: dict[str, date] = {}
    if isinstance(vilkar, list):
        for i, v in enumerate(vilkar):
            v["id"] = f"v{i + 1}"
            _sorter(v, "satt_dato", "frist")
            _sorter(v, "satt_dato", "oppfolgingsdato")
            if "satt_dato" in v:
                satt[v["id"]] = date.fromisoformat(v["satt_dato"])
        aktivitet = sak.get("aktivitetsplikt")
        if isinstance(aktivitet, dict) and aktivitet.get("vilkar_satt") is False:
            for v in vilkar:
                if v["type"] == "aktivitet" and v["person"] == soker:
                    v["type"] = "dokumentasjon"
    reduksjoner = sak.get("reduksjoner")
    if isinstance(reduksjoner, list):
        if not vilkar:
            del sak["reduksjoner"]
        else:
            for i, r in enumerate(reduksjoner):
                r["vilkar"] = vilkar[i % len(vilkar)]["id"]
                fra = satt.get(r["vilkar"])
                if fra is not None and date.fromisoformat(r["dato"]) < fra:
                    r["dato"] = fra.isoformat()
    for r in sak.get("radgivning") or ():
        if date.fromisoformat(r["dato"]) > dato:
            r["dato"] = dato.isoformat()
    saksbehandler = sak.get("saksbehandler")
    if isinstance(saksbehandler, dict):
        _sorter(saksbehandler, "periode_fra", "periode_til")
        konklusjoner = saksbehandler.get("konklusjoner")
        if isinstance(konklusjoner, list):  # one conclusion per area
            unike = {k["omrade"]: k for k in reversed(konklusjoner)}
            saksbehandler["konklusjoner"] = list(reversed(unike.values()))
    # The audit points' facts (tilsynsfakta.kryssjekk): a child's needs name a child of the
    # case; the office's contact interval is at least a day.
    barn = {p["id"] for p in sak["personer"] if p["rolle"] == "barn"}
    if isinstance(sak.get("barns_behov"), list):
        sak["barns_behov"] = [b for b in sak["barns_behov"] if b["person"] in barn]
    kvp_oppfolging = sak.get("kvp_oppfolging")
    if isinstance(kvp_oppfolging, dict) and kvp_oppfolging.get("kontaktintervall_dager") == 0:
        kvp_oppfolging["kontaktintervall_dager"] = 1
    assert ider
    return sak


# --- arbitrary JSON ----------------------------------------------------------------------------

#: Text that has broken parsers and printers: control characters, bidi overrides, zero-width
#: joiners, combining marks, characters outside the BMP, a BOM, lookalike letters, a lone
#: surrogate (valid in a JSON escape, impossible in UTF-8), and long runs.
RARE_TEKSTER: tuple[str, ...] = (
    "",
    " ",
    "\x00",
    "\x1b[31m",
    "\u202eevil",
    "a\u200db",
    "e\u0301" * 3,
    "😀👩‍👩‍👧",
    "\ufeff",
    "ﬁ",
    "ⅰ",
    "２０２４-０１-０１",
    "٢٠٢٤-٠١-٠١",
    "soker\u00a0",
    "SOKER",
    "Søker",
    "\ud800",
    "a\udfffb",
    "null",
    "true",
    "NaN",
    "-0",
    "1e309",
    "__class__",
    "{sak.id}",
    "%s%n",
    "x" * 5000,
)

_TALL = st.one_of(
    st.integers(),
    st.sampled_from((0, -1, -0.0, 2**31, 2**63, 2**64 + 1, 10**18, 10**30, -(10**30))),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from((1e308, 5e-324, 1e-13, 0.1 + 0.2, 1e10, 1e10 + 1, 9999999999.999)),
)
_SKALARER = st.one_of(
    st.none(),
    st.booleans(),
    _TALL,
    st.text(max_size=12),
    st.sampled_from(RARE_TEKSTER),
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat),
)


def json_verdier(maks_blader: int = 20) -> st.SearchStrategy[Any]:
    """Any JSON value (no NaN or infinity: JSON cannot carry them)."""
    return st.recursive(
        _SKALARER,
        lambda barn: st.one_of(
            st.lists(barn, max_size=4),
            st.dictionaries(
                st.one_of(st.text(max_size=8), st.sampled_from(_KJENTE_NOKLER)), barn, max_size=4
            ),
        ),
        max_leaves=maks_blader,
    )


_KJENTE_NOKLER = tuple(
    sorted(
        {
            navn
            for klasse in vars(facts).values()
            if isinstance(klasse, type) and attrs.has(klasse)
            for navn in attrs.fields_dict(klasse)
        }
    )
)


def dyp(dybde: int, slag: str = "liste") -> Any:
    """A value nested ``dybde`` levels deep, built without recursion."""
    verdi: Any = 0
    for _ in range(dybde):
        verdi = [verdi] if slag == "liste" else {"a": verdi}
    return verdi


@frozen
class Dyp:
    """Stands for ``dyp(dybde, slag)`` in a drawn case until ``bygg`` builds it: hypothesis
    (and any ``repr``) would recurse through the real thing when it reports an example."""

    dybde: int
    slag: str

    def __repr__(self) -> str:
        return f"dyp({self.dybde}, {self.slag!r})"


def bygg(doc: Any) -> Any:
    """``doc`` with each ``Dyp`` placeholder replaced by the deep value it stands for."""
    if isinstance(doc, Dyp):
        return dyp(doc.dybde, doc.slag)
    if type(doc) is dict:
        return {k: bygg(v) for k, v in doc.items()}
    if type(doc) is list:
        return [bygg(v) for v in doc]
    return doc


class _Heltall(enum.IntEnum):
    EN = 1


class _Tekst(str):
    pass


class _Objekt:
    def __repr__(self) -> str:
        return "<objekt>"


#: Python values a JSON document cannot hold, which a caller of the API may still pass.
PYTHONVERDIER: tuple[Any, ...] = (
    Decimal("12.5"),
    Decimal("NaN"),
    Decimal("-Infinity"),
    Decimal("1E+999999"),
    float("nan"),
    float("inf"),
    date(2024, 3, 1),
    datetime(2024, 3, 1, 12, 0),
    ("p1",),
    frozenset({"p1"}),
    {"p1"},
    b"p1",
    bytearray(b"x"),
    _Heltall.EN,
    _Tekst("soker"),
    _Objekt(),
    {1: "tall som nokkel"},
    {None: "None som nokkel"},
    {("a",): "tuple som nokkel"},
    range(3),
    complex(1, 2),
)


# --- faults in near-valid cases ----------------------------------------------------------------


@frozen
class Forventning:
    """What a faulty case must give: ``felt`` is the JSON path a rejection must name (``None``
    when several answers are right, e.g. odd Unicode in a free text is fine)."""

    art: str
    sti: str
    felt: str | None


def stier(doc: Any, sti: Sti = ()) -> Iterator[Sti]:
    """Every path in a JSON document, the root first."""
    yield sti
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from stier(v, (*sti, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from stier(v, (*sti, i))


def hent(doc: Any, sti: Sti) -> Any:
    for ledd in sti:
        doc = doc[ledd]
    return doc


def sett(doc: Any, sti: Sti, verdi: Any) -> Any:
    """``doc`` with the value at ``sti`` replaced (the root replaced when ``sti`` is ``()``)."""
    if not sti:
        return verdi
    hent(doc, sti[:-1])[sti[-1]] = verdi
    return doc


def fjern(doc: Any, sti: Sti) -> None:
    del hent(doc, sti[:-1])[sti[-1]]


def _feil_slag(typ: Any) -> st.SearchStrategy[Any]:
    """A JSON value that is certainly not valid for ``typ`` (never null: it may be allowed)."""
    typ, _ = _uten_none(typ)
    tall = st.one_of(st.integers(-5, 10**6), st.floats(-1e6, 1e6))
    tekst = st.sampled_from(("", "x", "ja", "1", "2024-03-01", "true"))
    liste = st.sampled_from(([], [1], ["a"]))
    objekt = st.sampled_from(({}, {"a": 1}))
    sann = st.booleans()
    if attrs.has(typ):
        return st.one_of(tall, tekst, liste, sann)
    if _er_liste(typ):
        return st.one_of(tall, tekst, objekt, sann)
    if typ is bool:
        return st.one_of(tall, tekst, liste, objekt)
    if typ in (int, Decimal):
        return st.one_of(tekst, liste, objekt, sann)
    return st.one_of(tall, liste, objekt, sann)  # text, dates and Literal types


_UMULIGE_DATOER = st.sampled_from(
    (
        "2023-02-29",
        "2024-02-30",
        "2024-04-31",
        "2024-13-01",
        "2024-00-10",
        "2024-06-00",
        "0000-01-01",
        "2024-1-01",
        "24-01-01",
        "2024/01/01",
        "01.03.2024",
        "2024-03-01T12:00:00",
        "2024-03-01 ",
        " 2024-03-01",
        "２０２４-０３-０１",
        "2024-03-01\u200b",
        "",
        "9999-99-99",
        "+2024-03-01",
    )
)

_YTTERDATOER = st.one_of(
    st.sampled_from(
        ("9999-12-31", "9999-12-30", "9999-01-01", "0001-01-01", "0001-01-02", "1900-02-28")
    ),
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat),
)

#: Kinds of fault, each with a weight (how often it is drawn).
FEILARTER: dict[str, int] = {
    "fjern": 3,
    "feil_type": 4,
    "ukjent_felt": 2,
    "utenfor_omrade": 2,
    "umulig_dato": 2,
    "ytterdato": 2,
    "ukjent_id": 2,
    "ukjent_verdi": 2,
    "null": 2,
    "dyp": 1,
    "unicode": 2,
    "stort_tall": 1,
    "vilkarlig": 2,
}


def _passer(art: str, sti: Sti, info: Any, verdi: Any) -> bool:
    """Whether fault ``art`` can be put at ``sti`` (declared type ``info``, value ``verdi``)."""
    typ = info[0] if info else None
    regler = {
        "fjern": lambda: True,
        "feil_type": lambda: info is not None,
        "null": lambda: info is not None,
        "ukjent_felt": lambda: isinstance(verdi, dict) and typ is not None,
        "utenfor_omrade": lambda: typ in (int, Decimal),
        "umulig_dato": lambda: typ is date,
        "ytterdato": lambda: typ is date,
        "ukjent_id": lambda: isinstance(verdi, str) and _er_referanse(sti),
        "ukjent_verdi": lambda: get_origin(typ) is Literal,
        "unicode": lambda: isinstance(verdi, str),
    }
    return regler.get(art, lambda: True)()


def _kandidater(sak: dict[str, Any], art: str) -> list[tuple[Sti, Any]]:
    """Paths where fault ``art`` can be put, with the declared type there."""
    ut: list[tuple[Sti, Any]] = []
    for sti in stier(sak):
        if not sti:
            if art in ("feil_type", "vilkarlig", "dyp", "ukjent_felt"):
                ut.append((sti, facts.Sak))
            continue
        info = deklarert(sti)
        if _passer(art, sti, info, hent(sak, sti)):
            ut.append((sti, info[0] if info else None))
    return ut


def _er_referanse(sti: Sti) -> bool:
    navn = [ledd for ledd in sti if isinstance(ledd, str)]
    if not navn:
        return False
    if navn[-1] in REFERANSEFELT:
        return True
    # botilbud[i].personer[j] names persons; personer[i].id is the id itself.
    return len(navn) >= 2 and navn[-2:] == ["botilbud", "personer"] and isinstance(sti[-1], int)


@st.composite
def _naer_gyldige(
    draw: st.DrawFn, grunnlag: st.SearchStrategy[dict[str, Any]], python: bool
) -> tuple[Any, Forventning]:
    sak = copy.deepcopy(draw(grunnlag))
    arter = [a for a, vekt in FEILARTER.items() for _ in range(vekt)]
    if python:
        arter += ["python"] * 3
    art = draw(st.sampled_from(arter))
    kandidater = _kandidater(sak, "vilkarlig" if art == "python" else art)
    if not kandidater:
        art, kandidater = "vilkarlig", _kandidater(sak, "vilkarlig")
    sti, typ = draw(st.sampled_from(kandidater))
    tekst = sti_tekst(sti)
    felt: str | None = None

    if art == "fjern":
        fjern(sak, sti)
        felt = tekst if er_pakrevd(sti) else None
    elif art == "feil_type":
        sak = sett(sak, sti, draw(_feil_slag(typ)))
        felt = tekst
    elif art == "null":
        sak = sett(sak, sti, None)
        info = deklarert(sti)
        # null is "unknown" for an optional field, a fault for a required one or a list item.
        valgfri = info is not None and info[1] and not isinstance(sti[-1], int)
        felt = None if valgfri else tekst
    elif art == "ukjent_felt":
        kjente = set(attrs.fields_dict(typ)) if attrs.has(typ) else set()
        navn = draw(
            st.one_of(
                st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.sampled_from(RARE_TEKSTER)
            ).filter(lambda n: n not in kjente)
        )
        hent(sak, sti)[navn] = draw(_SKALARER)
        felt = sti_tekst((*sti, navn)) if attrs.has(typ) else None
    elif art == "utenfor_omrade":
        verdi = draw(
            st.one_of(
                st.integers(-(10**6), -1),
                st.floats(-1e6, -0.01),
                st.integers(10**10 + 1, 10**15) if typ is Decimal else st.integers(-3, -1),
            )
        )
        sak = sett(sak, sti, verdi)
        felt = tekst
    elif art == "umulig_dato":
        sak = sett(sak, sti, draw(_UMULIGE_DATOER))
        felt = tekst
    elif art == "ytterdato":
        # Dates the contract allows but no case has: the calendar's ends, far past and future.
        sak = sett(sak, sti, draw(_YTTERDATOER))
    elif art == "ukjent_id":
        brukte = {p.get("id") for p in sak.get("personer", ()) if isinstance(p, dict)}
        brukte |= {v.get("id") for v in sak.get("vilkar") or () if isinstance(v, dict)}
        ny = draw(
            st.one_of(
                st.from_regex(r"x[a-z0-9]{1,4}", fullmatch=True), st.sampled_from(RARE_TEKSTER)
            ).filter(lambda i: i not in brukte)
        )
        sak = sett(sak, sti, ny)
        felt = tekst
    elif art == "ukjent_verdi":
        lovlige = set(get_args(typ))
        ny = draw(
            st.one_of(
                st.sampled_from(sorted(lovlige)).map(str.upper),
                st.sampled_from(sorted(lovlige)).map(lambda v: v + " "),
                st.sampled_from(RARE_TEKSTER),
                st.from_regex(r"[a-z_]{1,10}", fullmatch=True),
            ).filter(lambda v: v not in lovlige)
        )
        sak = sett(sak, sti, ny)
        felt = tekst
    elif art == "dyp":
        dybde = draw(st.sampled_from((50, 200, 600, 900, 2000, 5000)))
        sak = sett(sak, sti, Dyp(dybde, draw(st.sampled_from(("liste", "objekt")))))
    elif art == "unicode":
        sak = sett(sak, sti, draw(st.sampled_from(RARE_TEKSTER) | st.text(min_size=1)))
    elif art == "stort_tall":
        sak = sett(sak, sti, draw(st.sampled_from((10**20, 10**400, -(10**400), 1e308, 2**63))))
    elif art == "python":
        sak = sett(sak, sti, draw(st.sampled_from(PYTHONVERDIER)))
    else:
        sak = sett(sak, sti, draw(json_verdier()))
    return sak, Forventning(art, tekst, felt)


def naer_gyldige(
    grunnlag: st.SearchStrategy[dict[str, Any]] | None = None, *, python: bool = False
) -> st.SearchStrategy[tuple[Any, Forventning]]:
    """A valid case with one fault, and what the rejection must name (see ``Forventning``).

    ``python=True`` adds values only the Python API can be given (``Decimal``, ``date``, sets,
    bytes, non-text keys, objects)."""
    return _naer_gyldige(grunnlag if grunnlag is not None else gyldige_saker(), python)


def gyldige_saker() -> st.SearchStrategy[dict[str, Any]]:
    """Valid cases from every generator: the library's own and the whole-contract one."""
    return st.one_of(
        saker(komplett=True),
        saker(komplett=False),
        cases(andre_omrader=True, komplett=False),
        fulle_saker(),
    )


# --- broken JSON text ----------------------------------------------------------------------------


def json_tekst(doc: Any, *, ensure_ascii: bool = True) -> str:
    """``doc`` as JSON text, a ``Dyp`` placeholder written out as brackets (without the
    recursion ``json.dumps`` would need for it); values JSON lacks are written as text."""
    dype: list[Dyp] = []

    def merke(verdi: Any) -> Any:
        if isinstance(verdi, Dyp):
            dype.append(verdi)
            return f"@@dyp{len(dype) - 1}@@"
        return str(verdi)

    tekst = json.dumps(doc, ensure_ascii=ensure_ascii, allow_nan=True, default=merke)
    for i, d in enumerate(dype):
        apne, lukke = ("[", "]") if d.slag == "liste" else ('{"a": ', "}")
        tekst = tekst.replace(f'"@@dyp{i}@@"', apne * d.dybde + "0" + lukke * d.dybde)
    return tekst


@st.composite
def tekstmutasjoner(draw: st.DrawFn, grunnlag: st.SearchStrategy[Any]) -> bytes:
    """A JSON document as bytes, broken or not: cut, a byte flipped or inserted, invalid UTF-8,
    a BOM, CRLF, deep brackets, NaN, numbers beyond any limit, duplicate keys, trailing junk."""
    tekst = json_tekst(draw(grunnlag), ensure_ascii=draw(st.booleans()))
    data = tekst.encode("utf-8", "surrogatepass")
    art = draw(
        st.sampled_from(
            (
                "hel",
                "kutt",
                "bytt_byte",
                "sett_inn",
                "ugyldig_utf8",
                "bom",
                "crlf",
                "dype_klammer",
                "nan",
                "langt_tall",
                "dobbel_nokkel",
                "hale",
                "tom",
                "utf16",
            )
        )
    )
    if art == "hel" or not data:
        return data
    i = draw(st.integers(0, len(data) - 1))
    if art == "kutt":
        return data[:i]
    if art == "bytt_byte":
        return data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1 :]
    if art == "sett_inn":
        return data[:i] + draw(st.binary(min_size=1, max_size=4)) + data[i:]
    if art == "ugyldig_utf8":
        return (
            data[:i]
            + draw(st.sampled_from((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80")))
            + data[i:]
        )
    if art == "bom":
        return b"\xef\xbb\xbf" + data
    if art == "crlf":
        return data.replace(b",", b",\r\n")
    if art == "dype_klammer":
        n = draw(st.sampled_from((100, 900, 1000, 5000, 100_000)))
        return b'{"personer": ' + b"[" * n + b"]" * n + b"}"
    if art == "nan":
        return data.replace(b"0", b"NaN", 1) if b"0" in data else b"NaN"
    if art == "langt_tall":
        siffer = draw(st.sampled_from((4300, 4301, 5000, 20_000)))
        return b'{"vurderingsdato": "2024-03-01", "personer": [], "sak_id": ' + b"9" * siffer + b"}"
    if art == "dobbel_nokkel":
        return data[:-1] + b', "personer": []}' if data.endswith(b"}") else data
    if art == "hale":
        return data + draw(st.sampled_from((b" x", b"}", b"\x00", b"\n\n{}")))
    if art == "utf16":
        return tekst.encode("utf-16", "surrogatepass")
    return b""


# --- NAV's application (soknad.json) -----------------------------------------------------------

#: NAV's own samples and random examples of the application format, carried in tests/data.
EKSTERN_NAV = next(
    (p for p in (Path(__file__).resolve().parent / "data" / "soknadsosialhjelp",) if p.is_dir()),
    None,
)


def _nav_eksempler() -> tuple[Any, ...]:
    if EKSTERN_NAV is None:
        return ()
    ut = []
    for fil in sorted(EKSTERN_NAV.rglob("*.json")):
        try:
            ut.append(json.loads(fil.read_text("utf-8")))
        except (ValueError, UnicodeDecodeError):
            continue
    return tuple(ut)


NAV_EKSEMPLER: tuple[Any, ...] = _nav_eksempler()


def _reparert(soknad: dict[str, Any]) -> dict[str, Any]:
    """A whole sample made assessable: most of NAV's random samples have a random or no
    version and no submission time, so every one of them is rejected at the door; with
    format 1.0.0 and a submission time the adapter reads the rest of the application."""
    ut = copy.deepcopy(soknad)
    ut["version"] = "1.0.0"
    ut.setdefault("innsendingstidspunkt", "2024-03-01T11:00:00.000Z")
    return ut


#: Whole applications (with ``data``), made assessable, beside the samples as they are.
NAV_REPARERTE: tuple[Any, ...] = tuple(
    _reparert(d) for d in NAV_EKSEMPLER if isinstance(d, dict) and isinstance(d.get("data"), dict)
)
#: Keys whose values NAV's format defines as dates (as soknad.py reads them).
NAV_DATOFELT = frozenset(
    {"fodselsdato", "fom", "tom", "utbetalingsdato", "periodeFom", "periodeTom", "dato"}
)


@st.composite
def _nav_soknader(draw: st.DrawFn) -> tuple[Any, Forventning]:
    doc = copy.deepcopy(draw(st.sampled_from(NAV_REPARERTE) | st.sampled_from(NAV_EKSEMPLER)))
    art = draw(
        st.sampled_from(
            (
                "hel",
                "fjern",
                "vilkarlig",
                "feil_type",
                "umulig_dato",
                "unicode",
                "stort_tall",
                "dyp",
                "null",
            )
        )
    )
    alle = list(stier(doc))
    if art == "hel":
        return doc, Forventning(art, "$", None)
    if art == "umulig_dato":
        datoer = [s for s in alle if s and s[-1] in NAV_DATOFELT and s[0] == "data"]
        if datoer:
            sti = draw(st.sampled_from(datoer))
            doc = sett(doc, sti, draw(_UMULIGE_DATOER.filter(bool)))
            return doc, Forventning(art, sti_tekst(sti), sti_tekst(sti))
        art = "vilkarlig"
    if art == "fjern":
        kandidater = [s for s in alle if s]
        if kandidater:
            sti = draw(st.sampled_from(kandidater))
            fjern(doc, sti)
            return doc, Forventning(art, sti_tekst(sti), None)
        art = "vilkarlig"
    if art == "unicode":
        kandidater = [s for s in alle if isinstance(hent(doc, s), str)]
        if kandidater:
            sti = draw(st.sampled_from(kandidater))
            doc = sett(doc, sti, draw(st.sampled_from(RARE_TEKSTER) | st.text(min_size=1)))
            return doc, Forventning(art, sti_tekst(sti), None)
        art = "vilkarlig"
    sti = draw(st.sampled_from(alle))
    gammel = hent(doc, sti)
    if art == "feil_type":
        ny = draw(json_verdier(4).filter(lambda v: type(v) is not type(gammel)))
    elif art == "stort_tall":
        ny = draw(st.sampled_from((10**20, 10**400, -(10**400), 1e308, -1, -0.5, 2**63)))
    elif art == "dyp":
        ny = Dyp(draw(st.sampled_from((50, 600, 900, 2000, 5000))), "liste")
    elif art == "null":
        ny = None
    else:
        ny = draw(json_verdier())
    return sett(doc, sti, ny), Forventning(art, sti_tekst(sti), None)


def nav_soknader() -> st.SearchStrategy[tuple[Any, Forventning]]:
    """NAV's sample applications with one fault (or none); an impossible date inside ``data``
    must be rejected naming its path in the application."""
    return _nav_soknader()


# --- around the input limits (issue 15) ---------------------------------------------------------


@frozen
class VedGrensen:
    """A valid case grown along one limit to ``ganger`` times ``grenser``'s value of it, give
    or take one: over the limit it must be rejected naming it, at or under never for it."""

    sak: Any  # the dict, or for ``byte`` its JSON text
    grenser: Any  # sosialregler.inndata.grenser.Grenser: small, so the cases stay small
    navn: str
    over: bool


@st.composite
def ved_grensene(draw: st.DrawFn) -> VedGrensen:
    """A valid case, a small set of limits, one limit the case reaches, just under or over."""
    from sosialregler.inndata.grenser import STANDARD

    sak = copy.deepcopy(draw(gyldige_saker()))
    navn = draw(st.sampled_from(("personer", "linjer", "dybde", "byte")))
    grense = draw(st.integers(min_value=2, max_value=12))
    over = draw(st.booleans())
    antall = grense + 1 if over else grense
    if navn == "personer":
        sak["personer"] = sak["personer"][:1] + [
            {"id": f"ekstra{i}", "rolle": "annen_voksen"} for i in range(antall - 1)
        ]
        grenser = STANDARD.med(personer=grense)
    elif navn == "linjer":
        liste = draw(st.sampled_from(("inntekter", "boutgifter", "maneder_med_stonad")))
        sak.pop(liste, None)
        # the other lists (the persons too) stay within the limit: only ``liste`` decides it
        grense = max(grense, *_lengste_lister(sak))
        antall = grense + 1 if over else grense
        if liste == "inntekter":
            linje = {"person": sak["personer"][0]["id"], "type": "annen", "belop_per_maned": 1}
            sak[liste] = [linje] * antall
        elif liste == "boutgifter":
            sak[liste] = [{"type": "annen", "belop_per_maned": 1}] * antall
        else:  # distinct first days of months, none after the assessment date
            sak[liste] = [f"{2010 + i // 12}-{i % 12 + 1:02d}-01" for i in range(antall)]
            sak["vurderingsdato"] = "2199-12-01"
            sak.pop("radgivning", None)
        grenser = STANDARD.med(linjer=grense)
    elif navn == "dybde":
        grenser = STANDARD.med(dybde=max(grense, 6))  # the contract itself needs four
        if over:
            sak["ukjent_felt"] = dyp(grenser.dybde, "objekt")  # one level more than allowed
    else:
        tekst = json.dumps(sak, ensure_ascii=False)
        storrelse = len(tekst.encode("utf-8"))
        grenser = STANDARD.med(byte=storrelse - 1 if over else storrelse)
        return VedGrensen(tekst, grenser, navn, over)
    return VedGrensen(sak, grenser, navn, over)


def _lengste_lister(sak: Any) -> list[int]:
    """The lengths of the case's lists, nested ones included."""
    lengder = [0]
    stabel = list(sak.values())
    while stabel:
        verdi = stabel.pop()
        if isinstance(verdi, list):
            lengder.append(len(verdi))
            stabel.extend(verdi)
        elif isinstance(verdi, dict):
            stabel.extend(verdi.values())
    return lengder


def sjekk_grense(tilfelle: VedGrensen) -> str:
    """Over a limit: rejected, the first problem naming the limit. At it: never for it."""
    merke = f"«{tilfelle.navn}»"
    try:
        vurdering = assess(tilfelle.sak, grenser=tilfelle.grenser)
    except UgyldigSak as exc:
        sjekk_avvisning(exc, None, som_json=True)
        nevnt = any(merke in f.melding for f in exc.feil)
        assert nevnt == tilfelle.over, f"{tilfelle.navn}: {exc.feil[:3]}"
        return "avvist"
    assert not tilfelle.over, f"over grensen {tilfelle.navn} ble godtatt"
    sjekk_vurdering(vurdering)
    return "vurdert"


# --- the checks every input must pass ----------------------------------------------------------


def sjekk_avvisning(exc: UgyldigSak, forventet: Forventning | None, *, som_json: bool) -> None:
    """A rejection lists every problem, each with a JSON path and a reason, and names the
    faulty field when there is one; ``som_json``: it prints as the CLI prints it."""
    assert exc.feil, "UgyldigSak uten feil"
    for f in exc.feil:
        assert isinstance(f.felt, str), f"felt er ikke tekst: {f!r}"
        assert f.felt.strip(), f"tomt felt: {f!r}"
        assert isinstance(f.melding, str) and f.melding.strip(), f"tom melding: {f!r}"
    assert str(exc)
    if som_json:  # JSON-serialisable (printing it is the CLI's job, fuzzed through kjor_cli)
        json.dumps(exc.to_dict(), ensure_ascii=False)
    if forventet is not None and forventet.felt is not None:
        felt = [f.felt for f in exc.feil]
        assert any(navngir(f, forventet.felt) for f in felt), (
            f"{forventet.art} i {forventet.felt}: avvisningen nevner bare {felt}"
        )


def sjekk_vurdering(vurdering: Assessment) -> None:
    """An assessment renders in both languages, as contract JSON, and as a record that reads
    back to the same texts."""
    ut = json.loads(vurdering.to_json())
    assert ut["vedtak"], "ingen vedtak"
    for navn, v in ut["vedtak"].items():
        assert v["utfall"] in {u.value for u in Utfall}, navn
    nb, en = vurdering.explain("nb"), vurdering.explain("en")
    assert nb.strip() and en.strip()
    (nb + en + vurdering.to_json()).encode("utf-8")  # printable to a UTF-8 terminal
    record = json.loads(json.dumps(vurdering.to_record(), ensure_ascii=False))
    tilbake = Assessment.from_record(record)
    assert tilbake.explain("nb") == nb, "gjengitt tekst er ulik"
    assert tilbake.to_json() == vurdering.to_json(), "gjengitt tekst er ulik (JSON)"


def sjekk_api(
    sak: Any, forventet: Forventning | None = None, *, on: Any = None, python: bool = False
) -> str:
    """``assess`` ends in an assessment or in ``UgyldigSak``; anything else propagates (a
    crash). Returns ``"vurdert"`` or ``"avvist"``."""
    try:
        vurdering = assess(sak, on=on)
    except UgyldigSak as exc:
        sjekk_avvisning(exc, forventet, som_json=not python)
        return "avvist"
    if forventet is not None and forventet.felt is not None:
        raise AssertionError(f"{forventet.art} i {forventet.felt} ble godtatt")
    sjekk_vurdering(vurdering)
    return "vurdert"


def sjekk_soknad(soknad: Any, forventet: Forventning | None = None, dato: Any = None) -> str:
    """NAV's application: mapped and assessed, or rejected naming its path."""
    from sosialregler.verktoy.soknad import fra_soknad, vurder_soknad

    try:
        resultat = fra_soknad(soknad, dato)
        json.dumps(resultat.to_dict(), ensure_ascii=False)
        resultat.tekst("nb")
        resultat.tekst("en")
        _, vurdering = vurder_soknad(soknad, dato)
    except UgyldigSak as exc:
        sjekk_avvisning(exc, forventet, som_json=True)
        return "avvist"
    if forventet is not None and forventet.felt is not None:
        raise AssertionError(f"{forventet.art} i {forventet.felt} ble godtatt")
    sjekk_vurdering(vurdering)
    return "vurdert"


@frozen
class Kjoring:
    kode: int
    ut: str
    feil: str


def kjor_cli(argumenter: list[str], stdin: bytes = b"") -> Kjoring:
    """``sosialregler ARGS`` in this process, with stdin/stdout/stderr as a real UTF-8
    terminal has them (stdout strict, stderr with backslash escapes), so an unprintable
    character fails here as it would there."""
    from sosialregler.verktoy.cli import main

    inn = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    ut_b, feil_b = io.BytesIO(), io.BytesIO()
    ut = io.TextIOWrapper(ut_b, encoding="utf-8", errors="strict", write_through=True)
    feil = io.TextIOWrapper(feil_b, encoding="utf-8", errors="backslashreplace", write_through=True)
    gamle = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = inn, ut, feil
    try:
        kode = main(argumenter)
    except SystemExit as exc:  # argparse's usage errors exit 2, as from a real shell
        kode = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin, sys.stdout, sys.stderr = gamle
    return Kjoring(kode, ut_b.getvalue().decode("utf-8"), feil_b.getvalue().decode("utf-8"))


def sjekk_cli(kjoring: Kjoring, format_: str) -> str:
    """Exit 0 (assessed) or 2 (rejected, naming the fields), never 1 and never a traceback."""
    assert "Traceback" not in kjoring.ut + kjoring.feil, kjoring.feil
    assert kjoring.kode in (0, 2), f"exit {kjoring.kode}: {kjoring.feil.strip()[:500]}"
    if kjoring.kode == 2 and not kjoring.ut and "bruk:" in kjoring.feil:
        return "avvist"  # argparse refused the arguments (e.g. a --dato value starting with -)
    if format_ in ("json", "vedtaksgrunnlag", "sak"):
        data = json.loads(kjoring.ut)
        if kjoring.kode == 2:
            assert data["feil"] and all(f["felt"] for f in data["feil"]), data
    elif kjoring.kode == 2:
        assert kjoring.feil.strip(), "avvist uten melding"
    return "vurdert" if kjoring.kode == 0 else "avvist"


# --- known bugs (reported to their owners; each has a strict xfail test in test_fuzz.py) -------


@frozen
class KjentFeil:
    """A crash already reported: matched by exception type and a piece of its message, also
    when the CLI reported it as an internal error (exit 1 with ``Type: message``)."""

    navn: str
    typer: tuple[type[BaseException], ...]
    tekst: str
    fil: str | None = None  # the library file the crash comes from, when it is raised there

    def passer(self, exc: BaseException) -> bool:
        melding = f"{exc}"
        if isinstance(exc, self.typer) and self.tekst in melding:
            filer = [
                f.filename
                for f in traceback.extract_tb(exc.__traceback__)
                if "sosialregler" in f.filename
            ]
            return self.fil is None or any(f.endswith(self.fil) for f in filer)
        return (
            isinstance(exc, AssertionError)
            and "exit 1" in melding
            and any(f"{t.__name__}: " in melding for t in self.typer)
            and self.tekst in melding
        )


#: Crashes reported to their owners and not yet fixed, each with a strict xfail test; the
#: fuzz tests count such a crash as an event instead of failing on it again. Empty: every crash
#: issue 10's fuzzing found (test_fuzz.py, "what fuzzing found") has been fixed. Add an entry,
#: e.g. ``KjentFeil("navn", (TypeError,), "a piece of the message", "contract.py")``, when a
#: new one is reported; remove it when its xfail test starts passing.
KJENTE_FEIL: tuple[KjentFeil, ...] = ()


def kjent_feil(exc: BaseException) -> str | None:
    """The name of the known bug ``exc`` is, or ``None`` for a new crash."""
    for feil in KJENTE_FEIL:
        if feil.passer(exc):
            return feil.navn
    return None
