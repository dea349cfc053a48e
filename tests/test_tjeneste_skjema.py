"""The case schema (``GET /skjema/sak.json``) and the OpenAPI document (``GET /openapi.json``).

The schema is generated from the contract's classes; here it is checked against the JSON
Schema 2020-12 meta-schema, against every example and golden case (all accepted), and against
every bad case of the contract's tests (``test_contract.AVVISNINGER``): each is rejected by the
schema, or listed in ``UTENFOR_SKJEMA_SAKER`` with the reason a schema cannot see it, and then
shown to be accepted by the schema and still rejected by the contract, so the list stays honest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import fuzzhjelp as fh
from sosialregler import UgyldigSak
from sosialregler.inndata.contract import fra_dict
from sosialregler.inndata.facts import Sak
from sosialregler.verktoy.tjeneste.app import lag_app
from sosialregler.verktoy.tjeneste.skjema import UTENFOR_SKJEMA, sakskjema
from test_contract import AVVISNINGER, familie
from tjenestehjelp import EKSEMPLER, GULLSAKER, Tjener, tjener

jsonschema = pytest.importorskip("jsonschema")
Draft202012Validator = jsonschema.Draft202012Validator

#: The contract's bad cases no schema can reject, and which of ``UTENFOR_SKJEMA`` says why.
UTENFOR_SKJEMA_SAKER = {
    "barn-eldre-enn-forelder": "datoer mot hverandre",
    "fodt-etter-vurderingsdato": "datoer mot hverandre",
    "botilbud-slutter-for-start": "datoer mot hverandre",
    "vurderingsdato-for-2010": "vurderingsdato",
    "ukjent-person-inntekt": "ider",
    "ukjent-person-botilbud": "ider",
    "ukjent-person-kvp": "ider",
    "dobbel-id": "ider",
}
#: The golden cases (tests/saker) that are rejected for a reason beyond a schema.
UTENFOR_SKJEMA_GULL = {
    "En sak før 2010 avvises": "vurderingsdato",
    "Barns arbeidsinntekt på en voksen søker avvises": "motstrid",
    "Fravær uten til med flere dager enn programmet har: avvist": "datoer mot hverandre",
}


@pytest.fixture(scope="module")
def validator() -> Any:
    skjema = sakskjema()
    Draft202012Validator.check_schema(skjema)
    return Draft202012Validator(skjema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _feil(validator: Any, sak: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(sak)]


@pytest.mark.parametrize("fil", EKSEMPLER, ids=lambda p: p.stem)
def test_skjemaet_godtar_hvert_eksempel(validator: Any, fil: Any) -> None:
    assert _feil(validator, json.loads(fil.read_text("utf-8"))) == []


@pytest.mark.parametrize("sak", GULLSAKER, ids=lambda s: s.navn)
def test_skjemaet_og_gullsakene(validator: Any, sak: Any) -> None:
    """Every accepted golden case is valid; every rejected one is invalid or listed with why."""
    feil = _feil(validator, dict(sak.inndata))
    if not sak.forventet.avvist:
        assert feil == []
    elif sak.navn in UTENFOR_SKJEMA_GULL:
        assert feil == [], "the schema now rejects it: take it out of UTENFOR_SKJEMA_GULL"
    else:
        assert feil


@pytest.mark.parametrize("rad", AVVISNINGER, ids=lambda r: r[0])
def test_skjemaet_avviser_kontraktens_feilsaker(validator: Any, rad: Any) -> None:
    sak = familie()
    rad[1](sak)
    feil = _feil(validator, sak)
    if rad[0] in UTENFOR_SKJEMA_SAKER:
        assert feil == [], f"the schema now rejects {rad[0]}: take it out of the list"
        with pytest.raises(UgyldigSak):
            fra_dict(sak)  # the contract still does
    else:
        assert feil, f"the schema accepts the bad case {rad[0]}"


def test_listen_over_det_skjemaet_ikke_kan_si_er_i_skjemaet() -> None:
    """Each reason used above is one the schema's description gives the sender."""
    grunner = dict(UTENFOR_SKJEMA)
    assert set(UTENFOR_SKJEMA_SAKER.values()) | set(UTENFOR_SKJEMA_GULL.values()) <= set(grunner)
    beskrivelse = sakskjema()["description"]
    assert all(tekst in beskrivelse for tekst in grunner.values())


@pytest.mark.parametrize(
    ("endring", "sti"),
    [
        (lambda d: d.update(personer=[]), ["personer"]),
        (lambda d: d["personer"].append({"id": "p9", "rolle": "ektefelle"}), ["personer"]),
        (lambda d: d["personer"][1].update(fodselsdato="2023-02-29"), ["personer", 1]),
        (lambda d: d["inntekter"][0].update(belop_per_maned=1e11), ["inntekter"]),
        (lambda d: d["personer"][0].update(opphold={"norsk_statsborger": "ja"}), ["personer", 0]),
        (lambda d: d.update(personer=[d["personer"][0]] * 201), ["personer"]),
        (lambda d: d.update(kommune={"langtidsdefinisjon": "annen"}), ["kommune"]),
    ],
    ids=[
        "ingen-personer",
        "to-partnere",
        "29-februar",
        "for-stort-belop",
        "tekst-der-bool",
        "for-mange-personer",
        "ukjent-literal",
    ],
)
def test_flere_feil_skjemaet_fanger(validator: Any, endring: Any, sti: list[Any]) -> None:
    sak = familie()
    endring(sak)
    feil = list(validator.iter_errors(sak))
    assert any(list(e.absolute_path)[: len(sti)] == sti for e in feil), _feil(validator, sak)
    with pytest.raises(UgyldigSak):
        fra_dict(sak)


def _klasser(klasse: type, sett: set[type]) -> set[type]:
    """Every attrs class reachable from ``klasse`` by its fields' types."""
    import typing

    if klasse in sett:
        return sett
    sett.add(klasse)
    for typ in typing.get_type_hints(klasse).values():
        stakk = [typ]
        while stakk:
            t = stakk.pop()
            if attrs.has(t):
                _klasser(t, sett)
            stakk.extend(typing.get_args(t))
    return sett


def test_skjemaet_er_laget_fra_kontraktens_klasser() -> None:
    """Each contract class is one ``$defs`` entry with exactly its public fields, and the
    fields without a default are required: nothing written by hand."""
    skjema = sakskjema()
    klasser = _klasser(Sak, set())
    assert set(skjema["$defs"]) == {k.__name__ for k in klasser if k is not Sak}
    for klasse in klasser:
        del_ = skjema if klasse is Sak else skjema["$defs"][klasse.__name__]
        felt = [f for f in attrs.fields(klasse) if not f.name.startswith("_")]
        assert list(del_["properties"]) == [f.name for f in felt]
        pakrevd = [f.name for f in felt if f.default is attrs.NOTHING]
        assert del_.get("required", []) == pakrevd
        assert del_["additionalProperties"] is False


# --- over HTTP ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[Tjener]:
    with tjener(lag_app()) as t:
        yield t


def test_skjemaet_serveres(server: Tjener) -> None:
    with server.klient() as k:
        svar = k.get("/skjema/sak.json")
    assert svar.status_code == 200
    assert svar.headers["content-type"] == "application/schema+json"
    assert svar.json() == sakskjema()
    assert svar.json()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_openapi_er_gyldig_og_beskriver_hver_rute(server: Tjener) -> None:
    from openapi_spec_validator import validate

    with server.klient() as k:
        svar = k.get("/openapi.json")
    assert svar.status_code == 200
    dok = svar.json()
    validate(dok)
    assert dok["openapi"].startswith("3.1")
    assert set(dok["paths"]) - {"/"} == {  # "/": the citizen page, when it is installed
        "/vurder",
        "/vurder/batch",
        "/soknad",
        "/vedtaksbrev",
        "/tilsyn",
        "/regler",
        "/helse",
        "/skjema/sak.json",
        "/openapi.json",
    }
    vurder = dok["paths"]["/vurder"]["post"]
    assert {p["name"] for p in vurder["parameters"]} == {"dato", "sprak", "format"}
    assert {"200", "408", "413", "415", "422", "500", "503"} <= set(vurder["responses"])
    assert vurder["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Sak"
    }
    assert set(sakskjema()["$defs"]) <= set(dok["components"]["schemas"])
    assert "$defs" not in json.dumps(dok)


def test_openapi_tar_med_ekstra_ruter() -> None:
    """A route added from outside (the citizen page's hook) is in the document too."""
    from openapi_spec_validator import validate
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def side(request: object) -> PlainTextResponse:
        """Selvbetjening: et anslag."""
        return PlainTextResponse("hei")

    app = lag_app(ekstra_ruter=[Route("/", side)], selvbetjening=False)
    with tjener(app) as t, t.klient() as k:
        assert k.get("/").text == "hei"
        dok = k.get("/openapi.json").json()
    validate(dok)
    assert dok["paths"]["/"]["get"]["summary"] == "Selvbetjening: et anslag."


def test_selvbetjeningens_ruter_tas_med_naar_modulen_finnes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys
    import types

    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from sosialregler.verktoy.tjeneste import app as appmodul

    async def side(request: object) -> PlainTextResponse:
        return PlainTextResponse("selvbetjening")

    modul = types.ModuleType(appmodul.SELVBETJENING)
    modul.ruter = lambda regelbok=None: [Route("/", side)]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, appmodul.SELVBETJENING, modul)
    assert [r.path for r in appmodul.selvbetjeningsruter()] == ["/"]  # type: ignore[attr-defined]
    app = lag_app()
    assert "/" in [getattr(r, "path", None) for r in app.routes]
    assert "/" not in [getattr(r, "path", None) for r in lag_app(selvbetjening=False).routes]


# --- the schema is never stricter than the contract (property tests) ------------------------


def _godtatt(sak: Any) -> bool:
    try:
        fra_dict(sak)
    except UgyldigSak:
        return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sak=fh.gyldige_saker())
def test_det_kontrakten_godtar_godtar_skjemaet(validator: Any, sak: Any) -> None:
    """A case system that checks against the schema never holds back a case the contract
    would accept (generated valid cases from every generator of the fuzz tests)."""
    if _godtatt(sak):
        assert _feil(validator, sak) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(par=fh.naer_gyldige())
def test_det_skjemaet_avviser_avviser_kontrakten(validator: Any, par: Any) -> None:
    """Near-valid cases with one fault (fuzzhjelp.FEILARTER): whatever the schema rejects,
    the contract rejects too; the schema is a pre-check, never a second opinion."""
    sak, _ = par
    if _feil(validator, sak):
        assert not _godtatt(sak)
