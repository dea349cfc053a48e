"""The contract's fast path agrees with its detailed path on every input (issue 9).

``contract.fra_dict`` first reads a case with readers generated per class and checks it across
fields on typed facts (``_har_kryssfeil``); only when either does not vouch for the case does
the detailed path (cattrs with every problem and its JSON path, ``_kryssjekker`` on the raw
input) run. Speed must not change an answer, so these properties compare the two paths on
valid cases, on near-valid cases with one fault, on arbitrary JSON, and on cases built to break
the checks across fields: the same ``Sak`` or the same problems, in the same order.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzhjelp as fh
from sosialregler import UgyldigSak
from sosialregler.inndata import facts
from sosialregler.inndata.contract import (
    _KONVERTER,
    _LES_SAK_RASKT,
    _fra_dict_detaljert,
    _har_kryssfeil,
    _kryssjekker,
    fra_dict,
)
from sosialregler.inndata.facts import Sak
from sosialregler.verktoy.testing import husstander

REPO = Path(__file__).resolve().parent.parent
_INNSTILLINGER = settings(
    max_examples=max(200, settings().max_examples),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)


def _utfall(les: Any, data: Any, dato: date | None) -> tuple[str, str]:
    """What reading gave: the case or the problems, as text (a NaN is not equal to itself)."""
    try:
        return "sak", repr(les(data, dato))
    except UgyldigSak as exc:
        return "feil", repr([(f.felt, f.verdi, f.melding) for f in exc.feil])


def _samme_svar(data: Any, dato: date | None) -> None:
    detaljert = _utfall(_fra_dict_detaljert, data, dato) if isinstance(data, dict) else None
    svar = _utfall(fra_dict, data, dato)
    if detaljert is not None:
        assert svar == detaljert
    try:
        sak = _LES_SAK_RASKT(data)
    except Exception:
        return
    # The fast reader vouched for the case: the detailed converter reads the same facts, and the
    # typed checks across fields find a problem exactly when the raw ones do.
    assert sak == _KONVERTER.structure(data, Sak)
    assert _har_kryssfeil(sak, dato) == any(_kryssjekker(data, dato))


#: Mostly the case's own date; now and then another one (``on=`` / ``--dato``).
_DATOER = st.one_of(st.none(), st.none(), st.none(), st.dates(date(2009, 12, 25), date(2030, 1, 1)))


@st.composite
def _urepaerte(draw: st.DrawFn) -> dict[str, Any]:
    """A case using the whole contract, *without* ``fuzzhjelp.reparer``: dates out of order,
    unknown condition ids, an approved cost above the actual one, and so on, as drawn."""
    dato = draw(st.dates(fh.MIN_DATO, fh.MAKS_DATO))
    sak: dict[str, Any] = {"vurderingsdato": dato.isoformat()}
    sak.update(draw(husstander(dato, komplett=draw(st.booleans()), maks_barn=3)))
    ider = tuple(p["id"] for p in sak["personer"])
    barn = tuple(p["id"] for p in sak["personer"] if p["rolle"] == "barn")
    ramme = fh._Ramme(dato, ider, barn)
    for p in sak["personer"]:
        if draw(st.booleans()):
            p["opphold"] = fh._objekt(draw, facts.Opphold, ramme, 1)
    for navn, typ in fh._felttyper(facts.Sak).items():
        if navn not in sak and navn not in ("sak_id", "vurderingsdato") and draw(st.booleans()):
            sak[navn] = fh._verdi(draw, typ, navn, ramme)
    return sak


def _dato_naer(draw: st.DrawFn, dato: Any, dager: int = 3) -> str:
    """A date a few days from ``dato`` (ISO text or a date), so order checks go both ways."""
    if isinstance(dato, str):
        dato = date.fromisoformat(dato)
    if not isinstance(dato, date):
        dato = date(2024, 3, 1)
    return (dato + timedelta(days=draw(st.integers(-dager, dager)))).isoformat()


#: Residence facts that contradict each other in pairs (``contract._opphold_motstrid``).
_OPPHOLDSPAR = (
    ("norsk_statsborger", "lovlig_opphold"),
    ("norsk_statsborger", "asylsoker_med_statlig_innkvartering"),
    ("lovlig_opphold", "offer_for_menneskehandel_refleksjonsperiode"),
    ("lovlig_opphold", "rett_til_opphold_under_oppholdssak"),
)


def _kvp(draw: st.DrawFn, sak: dict[str, Any], id_: st.SearchStrategy[str]) -> dict[str, Any]:
    """KVP facts with one part that may contradict itself, the rest consistent."""
    dato = sak.get("vurderingsdato", "2024-03-01")
    kvp: dict[str, Any] = {"person": draw(id_)}
    del_ = draw(st.integers(0, 5))
    if del_ == 0:
        kvp["forsorger_barn"] = draw(st.lists(id_, max_size=3))
    elif del_ == 1:
        kvp["ytelser_folketrygd"] = draw(st.lists(st.sampled_from(("aap", "annen")), max_size=3))
    elif del_ == 2:
        kvp["program_start"] = _dato_naer(draw, dato)
        kvp["program_slutt"] = _dato_naer(draw, kvp["program_start"], 1)
        if draw(st.booleans()):
            kvp["forlenget_til"] = _dato_naer(draw, kvp["program_slutt"], 1)
    elif del_ == 3:
        kvp["timer_per_uke"] = draw(st.sampled_from((0, 37.5, 168, 168.5, 169)))
    else:
        fra = _dato_naer(draw, "2010-01-01" if del_ == 4 else dato, 2)
        fravaer = {"fra": fra, "til": _dato_naer(draw, fra, 1), "dager": draw(st.integers(0, 3))}
        kvp["fravaer"] = [fravaer]
    return kvp


def _endre(draw: st.DrawFn, sak: dict[str, Any]) -> None:
    """One change aimed at one check across fields (it may or may not break it)."""
    personer: list[dict[str, Any]] = sak["personer"]
    if not personer:
        return
    dato = sak.get("vurderingsdato", "2024-03-01")
    ider = [p["id"] for p in personer]
    id_ = st.sampled_from([*ider, *ider, "ukjent"])
    p = draw(st.sampled_from(personer))
    art = draw(st.integers(0, 14))
    if art == 0:
        p["id"] = draw(st.sampled_from([*ider, "", " "]))
    elif art == 1:
        p["rolle"] = draw(st.sampled_from(facts.ROLLER))
    elif art == 2:
        barn = [q for q in personer if q["rolle"] == "barn"]
        voksne = [q for q in personer if q["rolle"] != "barn" and "fodselsdato" in q]
        if barn and voksne and draw(st.booleans()):
            forelder = draw(st.sampled_from(voksne))
            barnet = draw(st.sampled_from(barn))
            barnet["fodselsdato"] = _dato_naer(draw, forelder["fodselsdato"], 1)
        else:
            p["fodselsdato"] = _dato_naer(draw, dato, 1)
    elif art == 3:
        sak["vurderingsdato"] = _dato_naer(draw, "2010-01-01", 2)
    elif art == 4:
        p["opphold"] = dict.fromkeys(draw(st.sampled_from(_OPPHOLDSPAR)), True)
        for felt in p["opphold"]:
            p["opphold"][felt] = draw(st.booleans())
    elif art == 5:
        liste = draw(
            st.sampled_from(
                ("inntekter", "formue", "rettigheter", "andre_utgifter", "vilkar", "radgivning")
            )
        )
        for e in sak.get(liste) or ():
            e["person"] = draw(id_)
        if isinstance(sak.get("saerlige_tilfeller"), dict):
            for e in sak["saerlige_tilfeller"].get("utgifter") or ():
                e["person"] = draw(id_)
    elif art == 6:
        satt = _dato_naer(draw, dato)
        vilkar: dict[str, Any] = {"id": "v1", "person": draw(id_), "type": "dokumentasjon"}
        sak["vilkar"] = [vilkar]
        if draw(st.booleans()):
            sak["vilkar"].append({**vilkar, "id": draw(st.sampled_from(("v1", "v2")))})
        if draw(st.booleans()):
            vilkar["satt_dato"] = satt
            vilkar[draw(st.sampled_from(("frist", "oppfolgingsdato")))] = _dato_naer(draw, satt, 1)
        else:
            sak["reduksjoner"] = [
                {
                    "vilkar": draw(st.sampled_from(("v1", "v2", "v9"))),
                    "dato": _dato_naer(draw, satt, 1),
                    "belop_per_maned": 100,
                }
            ]
            if draw(st.booleans()):
                vilkar["satt_dato"] = satt
    elif art == 7:
        maned = st.sampled_from(("2023-11-01", "2023-12-01", "2023-12-02"))
        sak["maneder_med_stonad"] = draw(st.lists(maned, max_size=3))
    elif art == 8:
        sak["kvp"] = _kvp(draw, sak, id_)
    elif art == 9:
        fra = _dato_naer(draw, dato)
        sak["botilbud"] = [
            {
                "personer": draw(st.lists(id_, max_size=3)),
                "fra": fra,
                "til": _dato_naer(draw, fra, 1),
                "type": "hospits",
            }
        ]
    elif art == 10:
        sak["boutgifter"] = [
            {
                "type": "husleie",
                "belop_per_maned": draw(st.sampled_from((100, 100.5, 99.99))),
                "godkjent_belop_per_maned": draw(st.sampled_from((100, 100.5, 99.99))),
                "vurdert_rimelig": draw(st.booleans()),
            }
        ]
    elif art == 11:
        sak["aktivitetsplikt"] = {"vilkar_satt": draw(st.booleans())}
        sak["vilkar"] = [{"id": "v1", "person": draw(id_), "type": "aktivitet"}]
    elif art == 12:
        sak["radgivning"] = [{"dato": _dato_naer(draw, dato, 1), "type": "generell_veiledning"}]
    elif art == 13:
        sak["personer"] = []
    else:
        personer.append(copy.deepcopy(p))


@st.composite
def _brutte(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case with one change (now and then two) aimed at the checks across fields: with
    a single problem, a check whose twin missed it cannot hide behind another problem."""
    sak = copy.deepcopy(draw(fh.gyldige_saker()))
    for _ in range(draw(st.sampled_from((1, 1, 1, 2)))):
        _endre(draw, sak)
    return sak


@settings(_INNSTILLINGER, max_examples=max(1000, settings().max_examples))
@given(_brutte(), _DATOER)
def test_kryssjekkene_er_like(data: dict[str, Any], dato: date | None) -> None:
    _samme_svar(data, dato)


@_INNSTILLINGER
@given(_urepaerte(), _DATOER)
def test_urepaerte_saker_gir_samme_svar(data: dict[str, Any], dato: date | None) -> None:
    _samme_svar(data, dato)


@_INNSTILLINGER
@given(fh.gyldige_saker(), _DATOER)
def test_gyldige_saker_gir_samme_sak(data: dict[str, Any], dato: date | None) -> None:
    _samme_svar(data, dato)


@_INNSTILLINGER
@given(fh.naer_gyldige(python=True))
def test_naer_gyldige_gir_samme_feil(par: tuple[Any, Any]) -> None:
    _samme_svar(fh.bygg(par[0]), None)


@_INNSTILLINGER
@given(fh.json_verdier(30))
def test_vilkarlig_json_gir_samme_svar(data: Any) -> None:
    _samme_svar(data, None)


@pytest.mark.parametrize("navn", ["familie", "enslig"])
def test_eksemplene_leses_raskt(navn: str) -> None:
    """The demo cases take the fast path (a reader that always gave up would pass the rest)."""
    data = json.loads((REPO / "examples" / f"{navn}.json").read_text("utf-8"))
    sak = _LES_SAK_RASKT(data)
    assert sak == _KONVERTER.structure(data, Sak)
    assert not _har_kryssfeil(sak, None)


_GRUNNSAK: dict[str, Any] = {
    "vurderingsdato": "2024-03-01",
    "personer": [
        {"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"},
        {"id": "p2", "rolle": "ektefelle", "fodselsdato": "1991-01-01"},
        {"id": "b1", "rolle": "barn", "fodselsdato": "2015-01-01"},
    ],
}
_VILKAR = {"id": "v1", "person": "p1", "type": "aktivitet", "satt_dato": "2024-02-01"}
_KVP = {"person": "p1"}
_FRAVAER = {"fra": "2024-01-10", "til": "2024-01-12"}
_BOTILBUD = {"personer": ["p1"], "fra": "2024-01-10", "type": "hospits"}

#: One case per check across fields, each breaking that check alone (``_kryssjekker``).
_EN_FEIL: dict[str, dict[str, Any]] = {
    "for loven": {"vurderingsdato": "2009-12-31"},
    "ingen personer": {"personer": []},
    "id brukt før": {"personer": [*_GRUNNSAK["personer"], {"id": "p2", "rolle": "annen_voksen"}]},
    "tom id": {"personer": [*_GRUNNSAK["personer"], {"id": " ", "rolle": "annen_voksen"}]},
    "født etter": {"personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "2024-03-02"}]},
    "to søkere": {"personer": [*_GRUNNSAK["personer"], {"id": "p3", "rolle": "soker"}]},
    "ingen søker": {"personer": [{"id": "p1", "rolle": "annen_voksen"}]},
    "to partnere": {"personer": [*_GRUNNSAK["personer"], {"id": "p3", "rolle": "samboer"}]},
    "barn like gammelt": {
        "personer": [
            {"id": "p1", "rolle": "soker", "fodselsdato": "2015-01-01"},
            {"id": "b1", "rolle": "barn", "fodselsdato": "2015-01-01"},
        ]
    },
    **{
        f"opphold {a}/{b}": {
            "personer": [{"id": "p1", "rolle": "soker", "opphold": {a: va, b: vb}}]
        }
        for (a, va), (b, vb) in (
            (("norsk_statsborger", True), ("lovlig_opphold", False)),
            (("norsk_statsborger", True), ("asylsoker_med_statlig_innkvartering", True)),
            (("lovlig_opphold", False), ("offer_for_menneskehandel_refleksjonsperiode", True)),
            (("lovlig_opphold", False), ("rett_til_opphold_under_oppholdssak", True)),
        )
    },
    **{
        f"ukjent person i {liste}": {liste: [{**element, "person": "x"}]}
        for liste, element in (
            ("inntekter", {"type": "annen", "belop_per_maned": 1}),
            ("formue", {"type": "annen", "belop": 1}),
            ("rettigheter", {"type": "annen", "status": "sokt"}),
            ("andre_utgifter", {"type": "annen", "belop": 1, "hyppighet": "engangs"}),
            ("vilkar", {"id": "v1", "type": "annen"}),
            ("radgivning", {"dato": "2024-01-01", "type": "generell_veiledning"}),
        )
    },
    "ukjent person i særlige tilfeller": {
        "saerlige_tilfeller": {
            "utgifter": [{"type": "annen", "belop": 1, "hyppighet": "engangs", "person": "x"}]
        }
    },
    "vilkår-id brukt før": {"vilkar": [_VILKAR, _VILKAR]},
    "ukjent vilkår": {
        "vilkar": [_VILKAR],
        "reduksjoner": [{"vilkar": "v2", "dato": "2024-02-02", "belop_per_maned": 1}],
    },
    "ukjent person i botilbud": {"botilbud": [{**_BOTILBUD, "personer": ["x"]}]},
    "tomt botilbud": {"botilbud": [{**_BOTILBUD, "personer": []}]},
    "botilbud baklengs": {"botilbud": [{**_BOTILBUD, "til": "2024-01-09"}]},
    "to ganger i botilbud": {"botilbud": [{**_BOTILBUD, "personer": ["p1", "p1"]}]},
    "ukjent kvp-deltaker": {"kvp": {"person": "x"}},
    "ukjent forsørget barn": {"kvp": {**_KVP, "forsorger_barn": ["x"]}},
    "barn to ganger": {"kvp": {**_KVP, "forsorger_barn": ["b1", "b1"]}},
    "forsørger seg selv": {"kvp": {**_KVP, "forsorger_barn": ["p1"]}},
    "ytelse to ganger": {"kvp": {**_KVP, "ytelser_folketrygd": ["aap", "aap"]}},
    "program baklengs": {
        "kvp": {**_KVP, "program_start": "2024-01-02", "program_slutt": "2024-01-01"}
    },
    "forlengelse uten forlengelse": {
        "kvp": {**_KVP, "program_slutt": "2024-01-01", "forlenget_til": "2024-01-01"}
    },
    "for mange timer": {"kvp": {**_KVP, "timer_per_uke": 168.5}},
    "fravær før loven": {"kvp": {**_KVP, "fravaer": [{"fra": "2009-12-31"}]}},
    "fravær baklengs": {"kvp": {**_KVP, "fravaer": [{**_FRAVAER, "til": "2024-01-09"}]}},
    "for mange fraværsdager": {"kvp": {**_KVP, "fravaer": [{**_FRAVAER, "dager": 4}]}},
    "fraværsdager uten til etter datoen": {
        "kvp": {**_KVP, "fravaer": [{"fra": "2024-02-28", "dager": 4}]}
    },
    "fraværsdager uten til etter programmet": {
        "kvp": {
            **_KVP,
            "program_slutt": "2024-01-11",
            "fravaer": [{"fra": "2024-01-10", "dager": 3}],
        }
    },
    "frist før satt": {"vilkar": [{**_VILKAR, "frist": "2024-01-31"}]},
    "oppfølging før satt": {"vilkar": [{**_VILKAR, "oppfolgingsdato": "2024-01-31"}]},
    "reduksjon før satt": {
        "vilkar": [_VILKAR],
        "reduksjoner": [{"vilkar": "v1", "dato": "2024-01-31", "belop_per_maned": 1}],
    },
    "råd etter datoen": {"radgivning": [{"dato": "2024-03-02", "type": "generell_veiledning"}]},
    "måned midt i": {"maneder_med_stonad": ["2024-01-02"]},
    "måned to ganger": {"maneder_med_stonad": ["2024-01-01", "2024-01-01"]},
    "aktivitetsvilkår uten vilkår": {
        "aktivitetsplikt": {"vilkar_satt": False},
        "vilkar": [_VILKAR],
    },
    "periode baklengs": {
        "saksbehandler": {"periode_fra": "2024-03-01", "periode_til": "2024-02-29"}
    },
    "to konklusjoner": {
        "saksbehandler": {
            "konklusjoner": [
                {"omrade": "livsopphold", "utfall": "oppfylt", "begrunnelse": "a"},
                {"omrade": "livsopphold", "utfall": "delvis", "begrunnelse": "b"},
            ]
        }
    },
    "godkjent men rimelig": {
        "boutgifter": [{"type": "husleie", "belop_per_maned": 10, "godkjent_belop_per_maned": 5}]
    },
    "godkjent over faktisk": {
        "boutgifter": [
            {
                "type": "husleie",
                "belop_per_maned": 10,
                "godkjent_belop_per_maned": 10.5,
                "vurdert_rimelig": False,
            }
        ]
    },
    "barns arbeidsinntekt på en voksen": {
        "inntekter": [{"person": "p1", "type": "barns_arbeidsinntekt", "belop_per_maned": 100}]
    },
    "felles økonomi på en ektefelle": {
        "personer": [
            _GRUNNSAK["personer"][0],
            {**_GRUNNSAK["personer"][1], "felles_okonomi": True},
            *_GRUNNSAK["personer"][2:],
        ]
    },
}


@pytest.mark.parametrize("navn", sorted(_EN_FEIL))
def test_hver_kryssjekk_har_sin_tvilling(navn: str) -> None:
    """Each check across fields, broken alone, is found by its twin on typed facts too."""
    data = {**_GRUNNSAK, **_EN_FEIL[navn]}
    assert list(_kryssjekker(data, None)), "the case must break exactly this check"
    sak = _LES_SAK_RASKT(data)
    assert _har_kryssfeil(sak, None)
    _samme_svar(data, None)
    assert not _har_kryssfeil(_LES_SAK_RASKT(_GRUNNSAK), None)


@pytest.mark.parametrize("verdi", [1, 0, 1.0, "true", [], {}])
def test_delt_opphold_gjelder_bare_sannhetsverdier(verdi: Any) -> None:
    """A shared ``Opphold`` is found only for exactly true/false/null (``1 == True``)."""
    person = {"id": "p1", "rolle": "soker"}
    gyldig = {**_GRUNNSAK, "personer": [{**person, "opphold": {"norsk_statsborger": True}}]}
    fra_dict(gyldig)  # the object for ``true`` is now shared
    ugyldig = {**_GRUNNSAK, "personer": [{**person, "opphold": {"norsk_statsborger": verdi}}]}
    with pytest.raises(UgyldigSak) as feil:
        fra_dict(ugyldig)
    assert feil.value.feil[0].felt == "personer[0].opphold.norsk_statsborger"
    _samme_svar(ugyldig, None)
