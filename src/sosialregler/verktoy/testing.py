"""Hypothesis strategies for sosialregler cases, for this library's tests and for yours.

A case system that calls ``sosialregler`` can test its own integration with cases drawn from
the same space the library itself is tested on::

    from hypothesis import given
    from sosialregler import assess
    from sosialregler.testing import saker

    @given(saker())
    def test_every_case_gets_an_outcome(sak):
        assert assess(sak).vedtak["livsopphold"].utfall in ("oppfylt", "ikke_oppfylt",
                                                            "uavklart", "skjonn")

Every strategy here produces plain, JSON-ready contract values exactly as the case contract
(``case-format.md``, see the README) describes them (dicts, lists, ISO date strings, amounts as
``int`` or ``float`` >= 0), never the library's internal ``facts`` classes: the point is to
exercise the same door a case system uses, including the parser and its validation.

Why the shapes are what they are:

* ``saker(komplett=True)`` gives every fact the § 18 pilot needs, so an amount can always be
  computed; ``komplett=False`` leaves any of them out, because in the contract an absent
  field is *unknown*, and the ``uavklart`` paths must be exercised as much as the others.
* Households respect the contract's cross-field rules (one applicant, at most one partner,
  unique ids, children younger than the adults, no one born after the assessment date), so a
  rejection of a generated case is always a bug in the library, never in the strategy.
* ``ugyldige_saker()`` gives a near-valid case with exactly one thing wrong, together with the
  JSON path the rejection must name, so the error messages can be tested as a property too.
* The type lists (income, assets, housing costs, temporary housing) are read from the
  ``Literal`` types in ``sosialregler.inndata.facts``: a type added there is generated here at once.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, get_args

try:
    from hypothesis import assume
    from hypothesis import strategies as st
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "sosialregler.testing needs hypothesis: pip install 'sosialregler[test]'"
    ) from e

import copy
import json
from decimal import Decimal

import attrs

from ..api import assess
from ..inndata.facts import (
    Aktivitetsplikt,
    Botilbud,
    Botilbudstype,
    Boutgift,
    Boutgiftstype,
    Formue,
    Formuestype,
    Inntekt,
    Inntektstype,
    Kommune,
    Kvp,
    Person,
    Radgivningstype,
    Sak,
)
from ..inndata.tilsynsfakta import (
    SIGNALER,
    Barneforhold,
    Forhold18,
    Initiativ,
    Samarbeidsform,
    Tjeneste,
)
from ..lov.outcome import Utfall
from ..utdata.hvaom import hva_om

__all__ = [
    "BARNETRYGD_LOVREGULERT_FRA",
    "BOTILBUDSTYPER",
    "BOUTGIFTSTYPER",
    "FORMUESTYPER",
    "HUSSTANDSFORMER",
    "INNTEKTSMIKSER",
    "INNTEKTSTYPER",
    "INVARIANTER",
    "belop",
    "boutgifter",
    "cases",
    "datoer",
    "formue",
    "husstander",
    "inntekter",
    "personer",
    "saker",
    "sjekk_invarianter",
    "tilsynsfakta",
    "ugyldige_saker",
]

#: Known types, straight from the facts' ``Literal`` types (never copied by hand).
INNTEKTSTYPER: tuple[str, ...] = get_args(Inntektstype)
FORMUESTYPER: tuple[str, ...] = get_args(Formuestype)
BOUTGIFTSTYPER: tuple[str, ...] = get_args(Boutgiftstype)
BOTILBUDSTYPER: tuple[str, ...] = get_args(Botilbudstype)

#: From this date § 18 third ledd decides that child benefit does not count; before it the
#: municipality chose (``kommune.holder_barnetrygd_utenfor``), so a complete case needs it.
BARNETRYGD_LOVREGULERT_FRA = date(2022, 9, 1)

_MIN_DATO = date(2010, 1, 1)
_MAX_DATO = date(2026, 12, 31)
_EN_DAG = timedelta(days=1)

#: Dates where the law or the rates change, or the calendar is awkward. Drawn more often
#: than chance would, because that is where off-by-one errors live.
_LOVENDRINGER = (
    date(2010, 1, 1),
    date(2012, 6, 22),
    date(2015, 12, 31),
    date(2016, 1, 1),
    date(2022, 8, 31),
    date(2022, 9, 1),
    date(2025, 12, 31),
    date(2026, 1, 1),
)

Sti = str  # a JSON path as the contract names it: ``personer[1].fodselsdato``


# --- dates and ages ----------------------------------------------------------------------------


def _dato(verdi: date | str) -> date:
    return verdi if isinstance(verdi, date) else date.fromisoformat(verdi)


def _alder(fodt: date, dato: date) -> int:
    """Whole years on ``dato``; the birthday itself counts (the law's way of counting)."""
    return dato.year - fodt.year - ((dato.month, dato.day) < (fodt.month, fodt.day))


def _flytt_aar(dato: date, aar: int) -> date:
    """``dato`` moved by whole years; 29 February becomes 28 February in other years."""
    ny = dato.year + aar
    if dato.month == 2 and dato.day == 29 and not calendar.isleap(ny):
        return date(ny, 2, 28)
    return dato.replace(year=ny)


def _fodt_mellom(dato: date, min_alder: int, max_alder: int) -> tuple[date, date]:
    """The earliest and latest birth date for someone aged ``min_alder``-``max_alder`` on ``dato``.

    Found by stepping from a first guess rather than by formula, so leap days cannot fool it.
    """
    seneste = min(_flytt_aar(dato, -min_alder), dato)
    while _alder(seneste, dato) < min_alder:
        seneste -= _EN_DAG
    while seneste < dato and _alder(seneste + _EN_DAG, dato) >= min_alder:
        seneste += _EN_DAG
    tidligste = _flytt_aar(dato, -(max_alder + 1))
    while _alder(tidligste, dato) > max_alder:
        tidligste += _EN_DAG
    while _alder(tidligste - _EN_DAG, dato) <= max_alder:
        tidligste -= _EN_DAG
    return tidligste, seneste


def _merkedager(min_dato: date, max_dato: date) -> list[date]:
    """Law changes, rate changes (1 January, 1 July, 1 September) and leap-day neighbours."""
    dager = set(_LOVENDRINGER)
    for aar in range(min_dato.year, max_dato.year + 1):
        dager.update({date(aar, 1, 1), date(aar, 7, 1), date(aar, 9, 1), date(aar, 12, 31)})
        dager.update({date(aar, 2, 28), date(aar, 3, 1)})
        if calendar.isleap(aar):
            dager.add(date(aar, 2, 29))
    return sorted(d for d in dager if min_dato <= d <= max_dato)


def datoer(min_dato: date = _MIN_DATO, max_dato: date = _MAX_DATO) -> st.SearchStrategy[date]:
    """Assessment dates in ``[min_dato, max_dato]``, as ``datetime.date``.

    Dates where the law or the rates change (2016-01-01, 2022-09-01, each 1 January, ...) and
    leap days are drawn more often, because boundaries are where date bugs hide. The default
    range starts when the current act entered into force (2010-01-01); a case before that is
    rejected by the contract. Use ``.map(date.isoformat)`` for the contract's string form.

    >>> datoer(date(2022, 1, 1), date(2022, 12, 31)).example()  # doctest: +SKIP
    datetime.date(2022, 9, 1)
    """
    if min_dato > max_dato:
        raise ValueError(f"min_dato {min_dato} er etter max_dato {max_dato}")
    merkedager = _merkedager(min_dato, max_dato)
    alle = st.dates(min_value=min_dato, max_value=max_dato)
    return st.one_of(alle, st.sampled_from(merkedager)) if merkedager else alle


# --- amounts -----------------------------------------------------------------------------------


def belop(maks: int = 100_000, *, frie_flyttall: bool = False) -> st.SearchStrategy[int | float]:
    """Amounts in kroner, 0 to ``maks``: whole kroner (``int``) or kroner and øre (``float``).

    The contract allows whole or decimal kroner; real amounts have at most two decimals, which
    is the default. ``frie_flyttall=True`` adds any finite float in range and tiny fractions
    (``1e-13``), for tests that want to know what the library does with amounts no case system
    is likely to send but the contract allows.

    >>> belop(1000).example()  # doctest: +SKIP
    417.5
    """
    valg: list[st.SearchStrategy[int | float]] = [
        st.integers(0, maks),
        st.integers(0, maks * 100).map(lambda ore: ore / 100),
    ]
    if frie_flyttall:
        valg.append(st.floats(0, maks, allow_nan=False, allow_infinity=False))
        # Fractions far below one øre (1e-13 and the like): where float rounding hides.
        valg.append(
            st.tuples(st.integers(1, 99), st.integers(3, 20)).map(lambda t: t[0] / 10 ** t[1])
        )
    return st.one_of(valg)


# --- persons and households --------------------------------------------------------------------


def _standard_ider() -> st.SearchStrategy[str]:
    # Short and readable, so a shrunk counterexample reads like a real case.
    return st.from_regex(r"[a-z]{1,2}[0-9]{0,2}", fullmatch=True)


@st.composite
def _personer(
    draw: st.DrawFn,
    vurderingsdato: date,
    partner: bool | None,
    annen_voksen: bool | None,
    min_barn: int,
    maks_barn: int,
    fodselsdato_kan_mangle: bool,
    ider: st.SearchStrategy[str],
) -> list[dict[str, Any]]:
    dato = vurderingsdato
    roller = ["soker"]
    if partner if partner is not None else draw(st.booleans()):
        roller.append(draw(st.sampled_from(("ektefelle", "samboer"))))
    if annen_voksen if annen_voksen is not None else draw(st.booleans()):
        roller.append("annen_voksen")
    antall_voksne = len(roller)
    roller += ["barn"] * draw(st.integers(min_barn, maks_barn))
    id_liste = draw(st.lists(ider, min_size=len(roller), max_size=len(roller), unique=True))

    voksen_fra, voksen_til = _fodt_mellom(dato, 18, 80)
    fodt = [
        draw(st.dates(min_value=voksen_fra, max_value=voksen_til)) for _ in range(antall_voksne)
    ]
    # Every child is younger than every adult (the contract checks applicant and partner;
    # the strategy keeps the household plausible for the other adult as well).
    barn_fra = max(_fodt_mellom(dato, 0, 20)[0], max(fodt) + _EN_DAG)
    fodt += [
        draw(st.dates(min_value=barn_fra, max_value=dato))
        for _ in range(len(roller) - antall_voksne)
    ]

    personer = []
    for pid, rolle, fodselsdato in zip(id_liste, roller, fodt, strict=True):
        person: dict[str, Any] = {"id": pid, "rolle": rolle}
        if not fodselsdato_kan_mangle or draw(st.booleans()):
            person["fodselsdato"] = fodselsdato.isoformat()
        # A cohabitant's income counts only with a recorded joint economy (§ 18, issue 14).
        if rolle == "samboer" and (not fodselsdato_kan_mangle or draw(st.booleans())):
            person["felles_okonomi"] = draw(st.booleans())
        personer.append(person)
    return list(draw(st.permutations(personer)))


def personer(
    vurderingsdato: date | str,
    *,
    partner: bool | None = None,
    annen_voksen: bool | None = None,
    min_barn: int = 0,
    maks_barn: int = 5,
    fodselsdato_kan_mangle: bool = False,
    ider: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """The ``personer`` list of a case assessed on ``vurderingsdato``.

    Exactly one ``soker`` aged 18-80 on the date; optionally one ``ektefelle`` or ``samboer``
    (never both: the contract allows one partner) and one ``annen_voksen``, each 18-80; and
    ``min_barn``-``maks_barn`` children aged 0-20 who are all younger than every adult. Ids are
    unique; no one is born after the date. The order is shuffled, so code that assumes the
    applicant comes first is caught. ``partner``/``annen_voksen`` force the choice when given;
    ``fodselsdato_kan_mangle`` leaves birth dates out (unknown) at random.

    >>> personer(date(2024, 3, 1), partner=True, maks_barn=1).example()  # doctest: +SKIP
    [{'id': 'b', 'rolle': 'samboer', 'fodselsdato': '1979-05-02'},
     {'id': 'q7', 'rolle': 'soker', 'fodselsdato': '1990-01-30'}]
    """
    if not 0 <= min_barn <= maks_barn:
        raise ValueError("krever 0 <= min_barn <= maks_barn")
    return _personer(
        _dato(vurderingsdato),
        partner,
        annen_voksen,
        min_barn,
        maks_barn,
        fodselsdato_kan_mangle,
        ider if ider is not None else _standard_ider(),
    )


@st.composite
def _husstander(
    draw: st.DrawFn, vurderingsdato: date, komplett: bool, kwargs: dict[str, Any]
) -> dict[str, Any]:
    ut: dict[str, Any] = {
        "personer": draw(personer(vurderingsdato, fodselsdato_kan_mangle=not komplett, **kwargs))
    }
    if komplett or draw(st.booleans()):
        # Not tied to annen_voksen: the people one shares a home with need not be in the case.
        ut["bofellesskap"] = draw(st.booleans())
    return ut


def husstander(
    vurderingsdato: date | str, *, komplett: bool = True, **kwargs: Any
) -> st.SearchStrategy[dict[str, Any]]:
    """A household: ``{"personer": [...], "bofellesskap": bool}``, ready to merge into a case.

    With ``komplett=False`` birth dates and ``bofellesskap`` may be absent (unknown). Other
    keyword arguments go to ``personer``.

    >>> husstander("2024-03-01").example()  # doctest: +SKIP
    {'personer': [{'id': 'a', 'rolle': 'soker', 'fodselsdato': '1971-12-02'}],
     'bofellesskap': False}
    """
    return _husstander(_dato(vurderingsdato), komplett, kwargs)


# --- income, assets, housing costs -------------------------------------------------------------


@st.composite
def _inntekter(
    draw: st.DrawFn,
    person_ids: tuple[str, ...],
    barn_ids: tuple[str, ...],
    typer: tuple[str, ...],
    min_size: int,
    max_size: int,
    belop_strategi: st.SearchStrategy[int | float],
) -> list[dict[str, Any]]:
    linjer = []
    if not barn_ids:  # a child's earnings belong to a child: the contract rejects others
        typer = tuple(t for t in typer if t != "barns_arbeidsinntekt") or ("arbeidsinntekt",)
    for _ in range(draw(st.integers(min_size, max_size))):
        typ = draw(st.sampled_from(typer))
        hvem = barn_ids if typ == "barns_arbeidsinntekt" and barn_ids else person_ids
        linjer.append(
            {
                "person": draw(st.sampled_from(hvem)),
                "type": typ,
                "belop_per_maned": draw(belop_strategi),
            }
        )
    return linjer


def inntekter(
    person_ids: Sequence[str],
    *,
    barn_ids: Sequence[str] = (),
    typer: Sequence[str] = INNTEKTSTYPER,
    min_size: int = 0,
    max_size: int = 6,
    belop: st.SearchStrategy[int | float] | None = None,
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Monthly income lines (``inntekter``) for the given persons, of the known types.

    Children's earnings (``barns_arbeidsinntekt``) go to one of ``barn_ids`` when any are
    given, since that is what the type means. An empty list is a valid answer: no income.

    >>> inntekter(["p1"], max_size=1).example()  # doctest: +SKIP
    [{'person': 'p1', 'type': 'dagpenger', 'belop_per_maned': 14250}]
    """
    if not person_ids:
        raise ValueError("inntekter trenger minst én person-id")
    return _inntekter(
        tuple(person_ids),
        tuple(barn_ids),
        tuple(typer),
        min_size,
        max_size,
        belop if belop is not None else _belop_strategi(60_000),
    )


def _belop_strategi(maks: int) -> st.SearchStrategy[int | float]:
    return belop(maks)


@st.composite
def _formue(
    draw: st.DrawFn,
    person_ids: tuple[str, ...],
    max_size: int,
    belop_strategi: st.SearchStrategy[int | float],
) -> list[dict[str, Any]]:
    ut = []
    for _ in range(draw(st.integers(0, max_size))):
        eiendel: dict[str, Any] = {
            "type": draw(st.sampled_from(FORMUESTYPER)),
            "belop": draw(belop_strategi),
        }
        # bool(): the type checker types `x and draw(…)` by x, and rejects the draw
        if bool(person_ids) and draw(st.booleans()):
            eiendel["person"] = draw(st.sampled_from(person_ids))
        ut.append(eiendel)
    return ut


def formue(
    person_ids: Sequence[str] = (),
    *,
    max_size: int = 3,
    belop: st.SearchStrategy[int | float] | None = None,
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Assets (``formue``): type and amount, sometimes naming an owner from ``person_ids``.

    The empty list (no assets) is drawn often, since it is the common case and the only one
    where § 18 needs no discretion about using assets first.

    >>> formue().example()  # doctest: +SKIP
    [{'type': 'bankinnskudd', 'belop': 1500}]
    """
    return _formue(
        tuple(person_ids), max_size, belop if belop is not None else _belop_strategi(500_000)
    )


def boutgifter(
    *, max_size: int = 4, belop: st.SearchStrategy[int | float] | None = None
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Monthly housing costs (``boutgifter``) of the known types.

    >>> boutgifter().example()  # doctest: +SKIP
    [{'type': 'husleie', 'belop_per_maned': 11000}, {'type': 'strom', 'belop_per_maned': 900}]
    """
    linje = st.fixed_dictionaries(
        {
            "type": st.sampled_from(BOUTGIFTSTYPER),
            "belop_per_maned": belop if belop is not None else _belop_strategi(30_000),
        }
    )
    return st.lists(linje, max_size=max_size)


# --- the other areas' facts (optional in every case) -------------------------------------------


@st.composite
def _botilbud(draw: st.DrawFn, dato: date, person_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    ut = []
    for _ in range(draw(st.integers(0, 2))):
        fra = draw(st.dates(min_value=dato - timedelta(days=400), max_value=dato))
        til = draw(st.none() | st.dates(min_value=fra, max_value=fra + timedelta(days=400)))
        ut.append(
            {
                "personer": draw(st.lists(st.sampled_from(person_ids), min_size=1, unique=True)),
                "fra": fra.isoformat(),
                "til": til.isoformat() if til else None,
                "type": draw(st.sampled_from(BOTILBUDSTYPER)),
            }
        )
    return ut


def _valgfritt(draw: st.DrawFn, ut: dict[str, Any], navn: str, s: st.SearchStrategy) -> None:
    if draw(st.booleans()):
        ut[navn] = draw(s)


@st.composite
def _kvp(draw: st.DrawFn, person_ids: tuple[str, ...]) -> dict[str, Any]:
    ut: dict[str, Any] = {"person": draw(st.sampled_from(person_ids))}
    for navn in (
        "arbeidsevnevurdering_gjort",
        "vesentlig_nedsatt_arbeidsevne",
        "behov_for_tett_oppfolging",
        "program_kan_tilbys",
    ):
        _valgfritt(draw, ut, navn, st.booleans())
    _valgfritt(
        draw,
        ut,
        "ytelser_folketrygd",
        st.lists(st.sampled_from(("aap", "uforetrygd", "dagpenger", "sykepenger")), unique=True),
    )
    return ut


@st.composite
def _aktivitetsplikt(draw: st.DrawFn) -> dict[str, Any]:
    ut: dict[str, Any] = {}
    _valgfritt(draw, ut, "vilkar_satt", st.booleans())
    _valgfritt(draw, ut, "tungtveiende_grunner", st.none() | st.text(max_size=60))
    return ut


# --- the supervision facts (issue 18) ----------------------------------------------------------

#: The contract's code lists for the supervision facts, read from their ``Literal`` types.
INITIATIV = get_args(Initiativ)
TJENESTER = get_args(Tjeneste)
SAMARBEIDSFORMER = get_args(Samarbeidsform)
FORHOLD_18 = get_args(Forhold18)
BARNEFORHOLD = get_args(Barneforhold)
RADGIVNINGSTYPER = get_args(Radgivningstype)


def _uten_ukjente(ut: dict[str, Any]) -> dict[str, Any]:
    """An object's fields with the unknown ones left out (absent = unknown)."""
    return {k: v for k, v in ut.items() if v is not None}


@st.composite
def _tilsynsfakta(
    draw: st.DrawFn, dato: date, person_ids: tuple[str, ...], barn_ids: tuple[str, ...]
) -> dict[str, Any]:
    """The facts the audit points read, each present, absent (unknown) or empty, so each point
    meets each outcome. Dates are on or before the assessment date; a child named is a child."""
    tidlig = max(_MIN_DATO, dato - timedelta(days=400))
    dag = st.dates(min_value=tidlig, max_value=dato).map(date.isoformat)
    kanskje = st.none() | st.booleans()
    ut: dict[str, Any] = {}
    _valgfritt(
        draw,
        ut,
        "oppfolgingssamtaler",
        st.lists(
            st.fixed_dictionaries(
                {"dato": dag},
                optional={"initiativ": st.sampled_from(INITIATIV), "gjennomfort": st.booleans()},
            ),
            max_size=2,
        ),
    )
    _valgfritt(
        draw,
        ut,
        "samarbeid",
        st.lists(
            st.fixed_dictionaries(
                {"tjeneste": st.sampled_from(TJENESTER)},
                optional={"dato": dag, "form": st.sampled_from(SAMARBEIDSFORMER)},
            ),
            max_size=2,
        ),
    )
    _valgfritt(
        draw,
        ut,
        "radgivning",
        st.lists(
            st.fixed_dictionaries(
                {"dato": dag, "type": st.sampled_from(RADGIVNINGSTYPER)},
                optional={
                    "vedtak_fattet": st.booleans(),
                    "person": st.sampled_from(person_ids),
                },
            ),
            max_size=2,
        ),
    )
    signaler = (*SIGNALER, "radgivning_avslatt")
    _valgfritt(
        draw,
        ut,
        "gjeldssignaler",
        st.fixed_dictionaries({s: kanskje for s in signaler}).map(_uten_ukjente),
    )
    _valgfritt(
        draw,
        ut,
        "vurdering_18",
        st.fixed_dictionaries(
            {
                "forhold": st.none() | st.lists(st.sampled_from(FORHOLD_18), unique=True),
                "kun_veiledende_sats": kanskje,
                "saerlige_behov": kanskje,
                "vurdert_etter_19": kanskje,
            }
        ).map(_uten_ukjente),
    )
    if barn_ids:
        _valgfritt(
            draw,
            ut,
            "barns_behov",
            st.lists(st.sampled_from(barn_ids), unique=True).flatmap(
                lambda barn: st.tuples(
                    *(
                        st.fixed_dictionaries(
                            {
                                "person": st.just(pid),
                                "forhold": st.none()
                                | st.lists(st.sampled_from(BARNEFORHOLD), unique=True),
                                "vektlagt": kanskje,
                            }
                        ).map(_uten_ukjente)
                        for pid in barn
                    )
                ).map(list)
            ),
        )
    _valgfritt(
        draw,
        ut,
        "varig_bolig",
        st.fixed_dictionaries({"arbeid_startet": kanskje, "dato": st.none() | dag}).map(
            _uten_ukjente
        ),
    )
    _valgfritt(
        draw,
        ut,
        "langtid_oppfolging",
        st.fixed_dictionaries(
            {"kvp_vurdert": kanskje, "dato": st.none() | dag, "brukermedvirkning": kanskje}
        ).map(_uten_ukjente),
    )
    _valgfritt(
        draw,
        ut,
        "individuell_plan",
        st.fixed_dictionaries(
            {
                "behov_for_langvarige_koordinerte_tjenester": kanskje,
                "tjenester": st.none()
                | st.lists(st.sampled_from(("helse", "rus", "bolig", "arbeid")), unique=True),
                "tilbudt": kanskje,
                "onsker_plan": kanskje,
                "har_plan_fra_annen_instans": kanskje,
            }
        ).map(_uten_ukjente),
    )
    _valgfritt(
        draw,
        ut,
        "maneder_med_stonad",
        st.sets(st.integers(0, 23), max_size=24).map(
            lambda n: [_forste_i_maned(dato, -i).isoformat() for i in sorted(n)]
        ),
    )
    dager = st.lists(dag, max_size=6, unique=True).map(sorted)
    _valgfritt(
        draw,
        ut,
        "kvp_oppfolging",
        st.fixed_dictionaries(
            {
                "programplan": kanskje,
                "programplan_dato": st.none() | dag,
                "kontaktintervall_dager": st.none() | st.integers(1, 60),
                "kontakter": st.none() | dager,
                "evalueringer_planlagt": st.none() | dager,
                "evalueringer": st.none() | dager,
                "arbeidsrettede_tiltak": kanskje,
                "arbeidsrettede_tiltak_fra": st.none() | dag,
            }
        ).map(_uten_ukjente),
    )
    return ut


def _forste_i_maned(dato: date, maneder: int) -> date:
    """The first day of the month ``maneder`` months from ``dato``'s month (negative: back)."""
    n = dato.year * 12 + dato.month - 1 + maneder
    return date(n // 12, n % 12 + 1, 1)


def tilsynsfakta(
    dato: date | str, person_ids: Sequence[str], barn_ids: Sequence[str] = ()
) -> st.SearchStrategy[dict[str, Any]]:
    """The supervision facts (issue 18) for a case's persons on ``dato``, as contract fields
    to merge into a case: ``{**sak, **draw(tilsynsfakta(...))}``."""
    return _tilsynsfakta(_dato(dato), tuple(person_ids), tuple(barn_ids))


@st.composite
def _kvp_program(draw: st.DrawFn, dato: date) -> dict[str, str]:
    """A programme period around ``dato`` (its start on or before it), for the audit's point 10."""
    start = draw(st.dates(min_value=max(_MIN_DATO, dato - timedelta(days=500)), max_value=dato))
    slutt = start + timedelta(days=draw(st.integers(30, 365)))
    return {"program_start": start.isoformat(), "program_slutt": slutt.isoformat()}


# --- whole cases -------------------------------------------------------------------------------


@st.composite
def _saker(
    draw: st.DrawFn,
    min_dato: date,
    max_dato: date,
    komplett: bool,
    belop_strategi: st.SearchStrategy[int | float] | None,
    maks_barn: int,
    maks_inntekter: int,
    andre_omrader: bool,
    ider: st.SearchStrategy[str] | None,
) -> dict[str, Any]:
    dato = draw(datoer(min_dato, max_dato))
    husstand = draw(husstander(dato, komplett=komplett, maks_barn=maks_barn, ider=ider))
    folk = husstand["personer"]
    ids = tuple(p["id"] for p in folk)
    barn_ids = tuple(p["id"] for p in folk if p["rolle"] == "barn")

    def med(navn: str) -> bool:
        """Complete cases carry every § 18 fact; incomplete ones leave any of them out."""
        return komplett or draw(st.booleans())

    sak: dict[str, Any] = {}
    if draw(st.booleans()):
        sak["sak_id"] = draw(st.text(min_size=1, max_size=20))
    sak["vurderingsdato"] = dato.isoformat()
    sak["personer"] = folk
    if "bofellesskap" in husstand:
        sak["bofellesskap"] = husstand["bofellesskap"]
    if med("inntekter"):
        sak["inntekter"] = draw(
            inntekter(ids, barn_ids=barn_ids, max_size=maks_inntekter, belop=belop_strategi)
        )
    if med("formue"):
        sak["formue"] = draw(formue(ids, belop=belop_strategi))
    if med("boutgifter"):
        sak["boutgifter"] = draw(boutgifter(belop=belop_strategi))

    kommune: dict[str, Any] = {}
    if draw(st.booleans()):
        kommune["navn"] = draw(st.sampled_from(("Oslo", "Bergen", "Tromsø", "Våler")))
    if (komplett and dato < BARNETRYGD_LOVREGULERT_FRA) or draw(st.booleans()):
        kommune["holder_barnetrygd_utenfor"] = draw(st.booleans())
    # bool(): the type checker types `x and draw(…)` by x, and rejects the draw
    if bool(kommune) or draw(st.booleans()):
        sak["kommune"] = kommune
    if draw(st.booleans()):
        sak["individuell_vurdering"] = draw(st.text(max_size=120))

    if andre_omrader:
        _valgfritt(draw, sak, "botilbud", _botilbud(dato, ids))
        _valgfritt(draw, sak, "kvp", _kvp(ids))
        if "kvp" in sak and draw(st.booleans()):
            sak["kvp"].update(draw(_kvp_program(dato)))
        _valgfritt(draw, sak, "aktivitetsplikt", _aktivitetsplikt())
        if draw(st.booleans()):
            sak.update(draw(_tilsynsfakta(dato, ids, barn_ids)))
    return sak


def saker(
    min_dato: date = _MIN_DATO,
    max_dato: date = _MAX_DATO,
    komplett: bool = True,
    *,
    belop: st.SearchStrategy[int | float] | None = None,
    maks_barn: int = 5,
    maks_inntekter: int = 6,
    andre_omrader: bool = True,
    ider: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Whole, valid cases (contract dicts), assessed on a date in ``[min_dato, max_dato]``.

    ``komplett=True``: every fact the § 18 pilot reads is present (``bofellesskap``,
    ``inntekter``, ``formue``, ``boutgifter``, every birth date, and
    ``kommune.holder_barnetrygd_utenfor`` before 2022-09-01), so the amount can always be
    computed; ``individuell_vurdering`` is optional. ``komplett=False``: any of those may be
    absent, which the contract reads as *unknown*, so the ``uavklart`` paths are exercised.

    ``andre_omrader`` adds, now and then, the facts of the other areas (``botilbud``, ``kvp``,
    ``aktivitetsplikt``), so every area in the rulebook meets cases. ``belop`` replaces the
    amount strategy (see ``belop()``); ``ider`` the person-id strategy (any non-blank text
    is allowed by the contract).

    >>> from sosialregler import assess
    >>> sak = saker(komplett=True).example()  # doctest: +SKIP
    >>> assess(sak).vedtak["livsopphold"].belop_per_maned is not None  # doctest: +SKIP
    True
    """
    return _saker(
        min_dato, max_dato, komplett, belop, maks_barn, maks_inntekter, andre_omrader, ider
    )


# --- cases(**knobs): the strategy a downstream suite starts from --------------------------------

#: Household shapes for ``cases(husstand=...)``: who lives together, and whether they share a
#: home with other adults. ``bofellesskap``: the applicant shares a home with other adults who
#: are not a partner (some of them may be in the case as ``annen_voksen``).
HUSSTANDSFORMER: tuple[str, ...] = (
    "enslig",
    "enslig_forsorger",
    "par",
    "par_med_barn",
    "bofellesskap",
)

#: Named income mixes for ``cases(inntekter=...)``; a sequence of income types works too.
INNTEKTSMIKSER: dict[str, tuple[str, ...]] = {
    "ingen": (),
    "arbeid": ("arbeidsinntekt",),
    "trygd": ("aap", "dagpenger", "sykepenger", "uforetrygd", "pensjon", "foreldrepenger"),
    "barnefamilie": (
        "arbeidsinntekt",
        "barnetrygd",
        "kontantstotte",
        "barnebidrag",
        "barns_arbeidsinntekt",
    ),
    "alle": INNTEKTSTYPER,
}


def _intervall(navn: str, verdi: tuple[int, int], minst: int = 0) -> tuple[int, int]:
    fra, til = verdi
    if not minst <= fra <= til:
        raise ValueError(f"{navn} må være (fra, til) med {minst} <= fra <= til, ikke {verdi!r}")
    return fra, til


@st.composite
def _cases(
    draw: st.DrawFn,
    fra: date,
    til: date,
    former: tuple[str, ...],
    antall_barn: tuple[int, int],
    alder: tuple[int, int],
    barnealder: tuple[int, int],
    typer: tuple[str, ...],
    antall_inntekter: tuple[int, int],
    komplett: bool,
    andre_omrader: bool,
    belop_strategi: st.SearchStrategy[int | float] | None,
    ider: st.SearchStrategy[str],
) -> dict[str, Any]:
    dato = draw(datoer(fra, til))
    form = draw(st.sampled_from(former))
    roller = ["soker"]
    if form in ("par", "par_med_barn"):
        roller.append(draw(st.sampled_from(("ektefelle", "samboer"))))
    if form == "bofellesskap" and draw(st.booleans()):
        roller.append("annen_voksen")
    voksne = len(roller)
    if form in ("enslig_forsorger", "par_med_barn"):
        roller += ["barn"] * draw(st.integers(max(1, antall_barn[0]), max(1, antall_barn[1])))
    id_liste = draw(st.lists(ider, min_size=len(roller), max_size=len(roller), unique=True))

    voksen_fra, voksen_til = _fodt_mellom(dato, *alder)
    fodt = [draw(st.dates(min_value=voksen_fra, max_value=voksen_til)) for _ in range(voksne)]
    barn_fra, barn_til = _fodt_mellom(dato, *barnealder)
    barn_fra = max(barn_fra, max(fodt) + _EN_DAG)  # every child younger than every adult
    assume(barn_fra <= barn_til or voksne == len(roller))
    fodt += [draw(st.dates(min_value=barn_fra, max_value=barn_til)) for _ in roller[voksne:]]

    folk: list[dict[str, Any]] = []
    for pid, rolle, fodselsdato in zip(id_liste, roller, fodt, strict=True):
        person: dict[str, Any] = {"id": pid, "rolle": rolle}
        if komplett or draw(st.booleans()):
            person["fodselsdato"] = fodselsdato.isoformat()
        # A cohabitant's income counts only with a recorded joint economy (§ 18, issue 14).
        if rolle == "samboer" and (komplett or draw(st.booleans())):
            person["felles_okonomi"] = draw(st.booleans())
        folk.append(person)
    folk = list(draw(st.permutations(folk)))
    ids = tuple(p["id"] for p in folk)
    barn_ids = tuple(p["id"] for p in folk if p["rolle"] == "barn")

    sak: dict[str, Any] = {"vurderingsdato": dato.isoformat(), "personer": folk}
    if komplett or draw(st.booleans()):
        sak["bofellesskap"] = form == "bofellesskap"
    if komplett or draw(st.booleans()):
        sak["inntekter"] = (
            draw(
                inntekter(
                    ids,
                    barn_ids=barn_ids,
                    typer=[t for t in typer if t != "barns_arbeidsinntekt" or barn_ids],
                    min_size=antall_inntekter[0],
                    max_size=antall_inntekter[1],
                    belop=belop_strategi,
                )
            )
            if [t for t in typer if t != "barns_arbeidsinntekt" or barn_ids]
            else []
        )
    if komplett or draw(st.booleans()):
        sak["formue"] = draw(formue(ids, belop=belop_strategi))
    if komplett or draw(st.booleans()):
        sak["boutgifter"] = draw(boutgifter(belop=belop_strategi))
    if (komplett and dato < BARNETRYGD_LOVREGULERT_FRA) or draw(st.booleans()):
        sak["kommune"] = {"holder_barnetrygd_utenfor": draw(st.booleans())}
    if draw(st.booleans()):
        sak["individuell_vurdering"] = draw(st.sampled_from(("Vurdert konkret.", "", "  ")))
    if andre_omrader:
        _valgfritt(draw, sak, "botilbud", _botilbud(dato, ids))
        _valgfritt(draw, sak, "kvp", _kvp(ids))
        if "kvp" in sak and draw(st.booleans()):
            sak["kvp"].update(draw(_kvp_program(dato)))
        _valgfritt(draw, sak, "aktivitetsplikt", _aktivitetsplikt())
        if draw(st.booleans()):
            sak.update(draw(_tilsynsfakta(dato, ids, barn_ids)))
    return sak


def cases(
    *,
    datoer: tuple[date | str, date | str] = (_MIN_DATO, _MAX_DATO),
    husstand: str | Sequence[str] | None = None,
    antall_barn: tuple[int, int] = (1, 4),
    alder: tuple[int, int] = (18, 80),
    barnealder: tuple[int, int] = (0, 20),
    inntekter: str | Sequence[str] = "alle",
    antall_inntekter: tuple[int, int] = (0, 4),
    komplett: bool = True,
    andre_omrader: bool = False,
    belop: st.SearchStrategy[int | float] | None = None,
    ider: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Valid case dicts in the JSON contract, shaped by knobs (the strategy to start from).

    Knobs (all optional):

    * ``datoer=(fra, til)``: assessment dates in a range (dates or ISO text); law and rate
      changes and leap days are drawn more often (see ``datoer()``).
    * ``husstand``: a shape or several from ``HUSSTANDSFORMER`` (``enslig``,
      ``enslig_forsorger``, ``par``, ``par_med_barn``, ``bofellesskap``); default any.
    * ``antall_barn=(min, max)``: children, for the shapes that have them (at least one).
    * ``alder=(min, max)``: the adults' ages on the assessment date, in whole years;
      ``barnealder=(min, max)``: the children's (always younger than every adult).
    * ``inntekter``: an income mix from ``INNTEKTSMIKSER`` (``ingen``, ``arbeid``, ``trygd``,
      ``barnefamilie``, ``alle``) or a sequence of income types; ``antall_inntekter=(min,
      max)`` lines.
    * ``komplett``: every § 18 fact present (an amount can always be computed) or any of them
      left out (unknown, so ``uavklart`` is exercised); ``andre_omrader``: add the facts of
      other areas now and then; ``belop``: the amount strategy (see ``belop()``); ``ider``:
      the person-id strategy.

    Every case drawn is accepted by the contract: a rejection is a bug in the library. What a
    downstream suite can then assert is listed in ``INVARIANTER`` and checked, for one case,
    by ``sjekk_invarianter(sak)``::

        from hypothesis import given
        from sosialregler.testing import cases, sjekk_invarianter

        @given(cases(husstand="par_med_barn", inntekter="barnefamilie",
                     datoer=("2022-01-01", "2024-12-31")))
        def test_familier(sak):
            sjekk_invarianter(sak)
    """
    fra, til = (_dato(d) for d in datoer)
    if fra > til:
        raise ValueError(f"datoer: {fra} er etter {til}")
    if husstand is None:
        former = HUSSTANDSFORMER
    else:
        former = (husstand,) if isinstance(husstand, str) else tuple(husstand)
    ukjente = [f for f in former if f not in HUSSTANDSFORMER]
    if ukjente or not former:
        raise ValueError(
            f"ukjent husstandsform {ukjente}; kjente er: " + ", ".join(HUSSTANDSFORMER)
        )
    if isinstance(inntekter, str):
        if inntekter not in INNTEKTSMIKSER:
            raise ValueError(
                f"ukjent inntektsmiks {inntekter!r}; kjente er: " + ", ".join(INNTEKTSMIKSER)
            )
        typer = INNTEKTSMIKSER[inntekter]
    else:
        typer = tuple(inntekter)
        ukjente = [t for t in typer if t not in INNTEKTSTYPER]
        if ukjente:
            raise ValueError(f"ukjente inntektstyper {ukjente}; kjente er: {INNTEKTSTYPER}")
    alder = _intervall("alder", alder, 18)
    barnealder = _intervall("barnealder", barnealder)
    if barnealder[0] >= alder[1] and any(f in former for f in ("enslig_forsorger", "par_med_barn")):
        raise ValueError("barnealder: barna må kunne være yngre enn de voksne")
    return _cases(
        fra,
        til,
        former,
        _intervall("antall_barn", antall_barn),
        alder,
        barnealder,
        typer,
        _intervall("antall_inntekter", antall_inntekter),
        komplett,
        andre_omrader,
        belop,
        ider if ider is not None else _standard_ider(),
    )


# --- invariants a downstream suite can assert ----------------------------------------------------

#: What holds for every valid case, by name; ``sjekk_invarianter`` asserts each of them.
INVARIANTER: dict[str, str] = {
    "utfall": "every decision has one of the four outcomes, a legal reference and reasons",
    "mangler": "a decision is uavklart exactly when it names missing facts (JSON paths)",
    "belop": "the § 18 amount is never negative, and equals the sum of its calculation lines "
    "when that sum is positive (0 otherwise); it is None only when facts are missing",
    "kontrakt": "the JSON output has the contract's keys and parses back",
    "ren_funksjon": "assessing does not change the input, and the same input gives the same output",
    "hva_om": "a what-if with no changes changes nothing",
    "inntekt": "more counted income never raises the § 18 amount",
}


def sjekk_invarianter(sak: dict[str, Any], *, regler: Any = None) -> Any:
    """Assert ``INVARIANTER`` for one valid case; returns its assessment.

    Raises ``AssertionError`` naming the invariant that failed (and ``UgyldigSak`` if the case
    is not valid, which a strategy here never draws).
    """
    kopi = copy.deepcopy(sak)
    v = assess(sak, regler=regler)
    assert sak == kopi, "ren_funksjon: assess endret inndataene"
    for navn, vedtak in v.vedtak.items():
        assert isinstance(vedtak.utfall, Utfall), f"utfall: {navn}"
        assert vedtak.hjemmel, f"utfall: {navn} mangler hjemmel"
        assert v.begrunnelse(navn).strip(), f"utfall: {navn} mangler begrunnelse"
        assert (vedtak.utfall is Utfall.UAVKLART) == bool(vedtak.mangler), (
            f"mangler: {navn} er {vedtak.utfall.value} med mangler {vedtak.mangler}"
        )
    livsopphold = v.vedtak.get("livsopphold")
    if livsopphold is not None and livsopphold.beregning is not None:
        belop = livsopphold.beregnet_behov_per_maned  # computed; a refusal pays none
        if belop is None:
            assert livsopphold.mangler, "belop: beløpet mangler uten at opplysninger mangler"
        else:
            summen = sum((linje.belop for linje in livsopphold.beregning), Decimal(0))
            assert belop >= 0, f"belop: {belop} er negativt"
            assert belop == max(summen, Decimal(0)), f"belop: {belop} ≠ max(0, {summen})"
    data = json.loads(v.to_json())
    assert {"vurderingsdato", "versjon", "vedtak", "merknader"} <= set(data), "kontrakt"
    for ut in data["vedtak"].values():
        assert {"utfall", "hjemmel", "begrunnelse", "mangler", "forklaring"} <= set(ut), "kontrakt"
    assert assess(sak, regler=regler).to_dict() == v.to_dict(), "ren_funksjon: ulikt svar"
    assert not hva_om(v, {}, regler=regler).forskjeller, "hva_om: ingen endring ga forskjeller"
    if livsopphold is not None and livsopphold.beregnet_behov_per_maned is not None:
        for linje in livsopphold.beregning or ():
            if linje.medregnet is True and linje.node_id and "inntekter[" in linje.node_id:
                indeks = int(linje.node_id.rsplit("inntekter[", 1)[1].split("]", 1)[0])
                okt = float(linje.grunnlag or 0) + 1000
                etter = hva_om(v, {f"inntekter[{indeks}].belop_per_maned": okt}, regler=regler)
                ny = etter.etter.vedtak["livsopphold"].beregnet_behov_per_maned
                for_ = livsopphold.beregnet_behov_per_maned
                assert ny is not None and ny <= for_, (
                    f"inntekt: mer inntekt ga høyere beløp ({for_} → {ny})"
                )
                break
    return v


# --- invalid cases -----------------------------------------------------------------------------

_KJENTE_FELT = {
    navn: frozenset(attrs.fields_dict(klasse))
    for navn, klasse in {
        "": Sak,
        "personer": Person,
        "inntekter": Inntekt,
        "formue": Formue,
        "boutgifter": Boutgift,
        "kommune": Kommune,
        "botilbud": Botilbud,
        "kvp": Kvp,
        "aktivitetsplikt": Aktivitetsplikt,
    }.items()
}

_UMULIGE_DATOER = st.one_of(
    st.integers(2010, 2026).map(lambda y: f"{y}-02-30"),
    st.integers(2010, 2026).map(lambda y: f"{y}-04-31"),
    st.integers(2010, 2026).map(lambda y: f"{y}-13-01"),
    st.integers(2010, 2026).map(lambda y: f"{y}-00-10"),
    st.integers(2010, 2026).map(lambda y: f"{y}-06-00"),
    st.integers(2010, 2026).filter(lambda y: not calendar.isleap(y)).map(lambda y: f"{y}-02-29"),
)


def _ukjent_navn(kjente: frozenset[str]) -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True).filter(lambda n: n not in kjente)


def _ny_id(brukte: Sequence[str]) -> st.SearchStrategy[str]:
    return st.from_regex(r"x[a-z0-9]{1,4}", fullmatch=True).filter(lambda i: i not in brukte)


def _feil_type_for(verdi: Any, paakrevd: bool) -> st.SearchStrategy[Any]:
    """A JSON value of another kind than ``verdi`` (a number for a text, text for a list...).

    ``null`` only for a required field: for an optional one it means "unknown", which is valid.
    """
    slag = {
        "tall": st.integers(-5, 20240301),
        "tekst": st.text(max_size=8),
        "sannhetsverdi": st.booleans(),
        "liste": st.lists(st.integers(0, 3), max_size=2),
        "objekt": st.just({}),
    }
    if isinstance(verdi, bool):
        del slag["sannhetsverdi"]
    elif isinstance(verdi, int | float):
        del slag["tall"]
    elif isinstance(verdi, str):
        del slag["tekst"]
    elif isinstance(verdi, list):
        del slag["liste"]
    kandidater = list(slag.values())
    if paakrevd:
        kandidater.append(st.none())
    return st.one_of(kandidater)


def _indekser(sak: dict[str, Any], liste: str) -> list[int]:
    return list(range(len(sak.get(liste) or ())))


def _person_indekser(sak: dict[str, Any], *roller: str) -> list[int]:
    return [i for i, p in enumerate(sak["personer"]) if p["rolle"] in roller]


@st.composite
def _ugyldige_saker(draw: st.DrawFn) -> tuple[dict[str, Any], Sti]:
    # Complete cases: every birth date is known, so "child older than parent" can be built.
    sak = draw(saker(komplett=True, andre_omrader=False))
    folk: list[dict[str, Any]] = sak["personer"]
    ids = [p["id"] for p in folk]
    dato = date.fromisoformat(sak["vurderingsdato"])

    feil: list[str] = ["ukjent_felt", "feil_type", "negativt_belop", "umulig_dato"]
    feil += ["ukjent_person", "barn_eldre_enn_forelder", "fodt_etter_vurderingsdato"]
    feil += ["for_stort_belop", "ukjent_inntektstype", "ukjent_rolle", "paakrevd_felt_mangler"]
    feil += ["dobbel_id", "to_sokere"]
    hva = draw(st.sampled_from(feil))

    if hva == "ukjent_felt":
        hvor = draw(st.sampled_from(["", "personer", *(["inntekter"] if sak["inntekter"] else [])]))
        navn = draw(_ukjent_navn(_KJENTE_FELT[hvor]))
        if not hvor:
            sak[navn] = draw(st.text(max_size=5) | st.integers() | st.booleans())
            return sak, navn
        i = draw(st.sampled_from(_indekser(sak, hvor)))
        sak[hvor][i][navn] = draw(st.text(max_size=5) | st.integers())
        return sak, f"{hvor}[{i}].{navn}"

    if hva == "feil_type":
        steder: list[tuple[Any, Any, Sti]] = [
            (sak, "vurderingsdato", "vurderingsdato"),
            (sak, "bofellesskap", "bofellesskap"),
            (sak, "inntekter", "inntekter"),
            (sak, "formue", "formue"),
            (sak, "boutgifter", "boutgifter"),
            (sak, "personer", "personer"),
        ]
        steder += [(p, "fodselsdato", f"personer[{i}].fodselsdato") for i, p in enumerate(folk)]
        steder += [
            (linje, "belop_per_maned", f"inntekter[{i}].belop_per_maned")
            for i, linje in enumerate(sak["inntekter"])
        ]
        steder += [
            (linje, "belop_per_maned", f"boutgifter[{i}].belop_per_maned")
            for i, linje in enumerate(sak["boutgifter"])
        ]
        objekt, nokkel, sti = draw(st.sampled_from(steder))
        paakrevd = nokkel in ("personer", "belop_per_maned")
        objekt[nokkel] = draw(_feil_type_for(objekt[nokkel], paakrevd))
        return sak, sti

    if hva in ("negativt_belop", "for_stort_belop"):
        steder = [
            (linje, "belop_per_maned", f"inntekter[{i}].belop_per_maned")
            for i, linje in enumerate(sak["inntekter"])
        ]
        steder += [(linje, "belop", f"formue[{i}].belop") for i, linje in enumerate(sak["formue"])]
        steder += [
            (linje, "belop_per_maned", f"boutgifter[{i}].belop_per_maned")
            for i, linje in enumerate(sak["boutgifter"])
        ]
        if not steder:
            sak["boutgifter"].append({"type": "husleie", "belop_per_maned": 0})
            steder = [(sak["boutgifter"][0], "belop_per_maned", "boutgifter[0].belop_per_maned")]
        objekt, nokkel, sti = draw(st.sampled_from(steder))
        if hva == "negativt_belop":
            objekt[nokkel] = -draw(st.integers(1, 10**6) | st.floats(0.01, 1e6, allow_nan=False))
        else:
            objekt[nokkel] = draw(st.integers(10**10 + 1, 10**13) | st.just(1e11))
        return sak, sti

    if hva == "umulig_dato":
        umulig = draw(_UMULIGE_DATOER)
        if draw(st.booleans()):
            # An impossible assessment date: no birth date can then be checked against it.
            sak["vurderingsdato"] = umulig
            return sak, "vurderingsdato"
        i = draw(st.sampled_from(range(len(folk))))
        folk[i]["fodselsdato"] = umulig
        return sak, f"personer[{i}].fodselsdato"

    if hva == "ukjent_person":
        ukjent = draw(_ny_id(ids))
        if draw(st.booleans()) or not (sak["inntekter"] or sak["formue"]):
            sak["inntekter"].append(
                {"person": ukjent, "type": "arbeidsinntekt", "belop_per_maned": 1000}
            )
            return sak, f"inntekter[{len(sak['inntekter']) - 1}].person"
        liste = draw(st.sampled_from([n for n in ("inntekter", "formue") if sak[n]]))
        i = draw(st.sampled_from(_indekser(sak, liste)))
        sak[liste][i]["person"] = ukjent
        return sak, f"{liste}[{i}].person"

    if hva == "barn_eldre_enn_forelder":
        forelder = folk[
            draw(st.sampled_from(_person_indekser(sak, "soker", "ektefelle", "samboer")))
        ]
        forelder_fodt = date.fromisoformat(forelder["fodselsdato"])
        # Born on the same day counts as "not younger" too.
        barn_fodt = forelder_fodt - timedelta(days=draw(st.integers(0, 3650)))
        barn = _person_indekser(sak, "barn")
        # bool(): the type checker types `x and draw(…)` by x, and rejects the draw
        if bool(barn) and draw(st.booleans()):
            i = draw(st.sampled_from(barn))
        else:
            folk.append({"id": draw(_ny_id(ids)), "rolle": "barn"})
            i = len(folk) - 1
        folk[i]["fodselsdato"] = barn_fodt.isoformat()
        return sak, f"personer[{i}].fodselsdato"

    if hva == "fodt_etter_vurderingsdato":
        # A child, or an adult when there are no children (else the children would become
        # older than that adult too, a second error).
        kandidater = _person_indekser(sak, "barn", "annen_voksen") or list(range(len(folk)))
        i = draw(st.sampled_from(kandidater))
        senere = dato + timedelta(days=draw(st.integers(1, 3650)))
        folk[i]["fodselsdato"] = senere.isoformat()
        return sak, f"personer[{i}].fodselsdato"

    if hva == "ukjent_inntektstype":
        typ = draw(_ukjent_navn(frozenset(INNTEKTSTYPER)))
        sak["inntekter"].append({"person": ids[0], "type": typ, "belop_per_maned": 100})
        return sak, f"inntekter[{len(sak['inntekter']) - 1}].type"

    if hva == "ukjent_rolle":
        kandidater = [i for i, p in enumerate(folk) if p["rolle"] != "soker"]
        if not kandidater:
            folk.append({"id": draw(_ny_id(ids)), "rolle": "barn"})
            kandidater = [len(folk) - 1]
        i = draw(st.sampled_from(kandidater))
        folk[i]["rolle"] = draw(
            st.sampled_from(("forelder", "Soker", "SOKER", "barn ", "ektefelle2", ""))
        )
        return sak, f"personer[{i}].rolle"

    if hva == "paakrevd_felt_mangler":
        steder = [
            (p, "id", f"personer[{i}].id") for i, p in enumerate(folk) if p["rolle"] != "soker"
        ]
        steder += [
            (p, "rolle", f"personer[{i}].rolle")
            for i, p in enumerate(folk)
            if p["rolle"] != "soker"
        ]
        steder += [
            (linje, n, f"inntekter[{i}].{n}")
            for i, linje in enumerate(sak["inntekter"])
            for n in ("type", "belop_per_maned")
        ]
        steder += [
            (linje, n, f"boutgifter[{i}].{n}")
            for i, linje in enumerate(sak["boutgifter"])
            for n in ("type", "belop_per_maned")
        ]
        steder += [(sak, "personer", "personer")]
        objekt, nokkel, sti = draw(st.sampled_from(steder))
        if nokkel == "id" and objekt["id"] in _refererte_ider(sak):
            # Dropping a referenced id would add "unknown person" errors: drop the references.
            _fjern_referanser(sak, objekt["id"])
        del objekt[nokkel]
        return sak, sti

    if hva == "dobbel_id":
        if len(folk) < 2:
            folk.append({"id": draw(_ny_id(ids)), "rolle": "annen_voksen"})
        j = draw(st.integers(1, len(folk) - 1))
        i = draw(st.integers(0, j - 1))
        # References to the renamed person follow it, so the duplicate is the only problem.
        _gi_ny_id(sak, folk[j]["id"], folk[i]["id"])
        folk[j]["id"] = folk[i]["id"]
        return sak, f"personer[{j}].id"

    assert hva == "to_sokere"
    kandidater = [
        i for i, p in enumerate(folk) if p["rolle"] in ("annen_voksen", "ektefelle", "samboer")
    ]
    if kandidater:
        folk[draw(st.sampled_from(kandidater))]["rolle"] = "soker"
    else:
        soker = next(p for p in folk if p["rolle"] == "soker")
        folk.append(
            {"id": draw(_ny_id(ids)), "rolle": "soker", "fodselsdato": soker["fodselsdato"]}
        )
    return sak, "personer"


def _refererte_ider(sak: dict[str, Any]) -> set[str]:
    return {e["person"] for n in ("inntekter", "formue") for e in sak.get(n) or () if "person" in e}


def _fjern_referanser(sak: dict[str, Any], pid: str) -> None:
    for n in ("inntekter", "formue"):
        if isinstance(sak.get(n), list):
            sak[n] = [e for e in sak[n] if e.get("person") != pid]


def _gi_ny_id(sak: dict[str, Any], gammel: str, ny: str) -> None:
    for n in ("inntekter", "formue"):
        for e in sak.get(n) or ():
            if e.get("person") == gammel:
                e["person"] = ny


def ugyldige_saker() -> st.SearchStrategy[tuple[dict[str, Any], Sti]]:
    """Near-valid cases with exactly one thing wrong, each with the JSON path to be named.

    Returns ``(sak, felt)``: ``sosialregler.assess(sak)`` must raise ``UgyldigSak`` and one of
    its ``feil`` must have ``felt == felt``. The faults: an unknown field (at the top, in a
    person, in an income line), a value of the wrong JSON type, a negative or absurdly large
    amount, an impossible date (``2023-02-29``, ``2024-13-01``), an unknown person id, a child
    not younger than the applicant or partner, a birth date after the assessment date, an
    unknown income type or role, a required field left out, a duplicated id, two applicants.

    >>> sak, felt = ugyldige_saker().example()  # doctest: +SKIP
    >>> felt  # doctest: +SKIP
    'personer[2].fodselsdato'
    """
    return _ugyldige_saker()
