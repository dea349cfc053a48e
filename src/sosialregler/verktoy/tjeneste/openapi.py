"""The OpenAPI 3.1 document, written from the app's routes when the app is made.

Each route made from an ``Endepunkt`` (``ruter.py``) is described from it: its query
parameters, body, the media type of each ``format`` and every status the service can answer
with. A route added from outside (the citizen page) is listed by its path, methods and the
first line of its docstring. The case schema (``skjema.py``) is placed under
``components/schemas`` with its ``$defs`` hoisted, so a code generator finds one model per
contract class.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from starlette.routing import BaseRoute, Route

from ... import __version__
from .ruter import JSON, PARAMETRE, Endepunkt
from .skjema import sakskjema

_FEIL = {"$ref": "#/components/schemas/Feilsvar"}

#: What each status means here, and whether it can occur for a GET.
_STATUSER: dict[int, tuple[str, bool]] = {
    408: ("Forespørselen kom ikke fram innen tidsgrensen.", False),
    413: (
        "Forespørselen er større enn grensen for én sak, eller for alle sakene i én batch "
        "(del dem opp i flere forespørsler). Meldingen sier grensen i byte.",
        False,
    ),
    415: (
        "Feil innholdstype eller tegnsett: sett Content-Type som meldingen sier, i UTF-8.",
        False,
    ),
    422: ("Avvist: saken, søknaden eller en parameter er ugyldig; hvert problem navngitt.", True),
    500: ("Intern feil i sosialregler: svaret har en id å melde feilen med, ingen detaljer.", True),
    503: (
        "Over tidsgrensen for én forespørsel: vent så mange sekunder som Retry-After sier, og "
        "prøv igjen, eller send færre saker om gangen.",
        False,
    ),
}


def _flytt_refs(verdi: Any) -> Any:
    """``#/$defs/X`` → ``#/components/schemas/X`` throughout a schema."""
    if isinstance(verdi, dict):
        return {
            k: (
                v.replace("#/$defs/", "#/components/schemas/")
                if k == "$ref" and isinstance(v, str)
                else _flytt_refs(v)
            )
            for k, v in verdi.items()
        }
    if isinstance(verdi, list):
        return [_flytt_refs(v) for v in verdi]
    return verdi


def _komponenter() -> dict[str, Any]:
    sak = sakskjema()
    defs = sak.pop("$defs")
    for nokkel in ("$schema", "$id"):
        sak.pop(nokkel)
    feil = {
        "type": "object",
        "required": ["felt", "verdi", "melding"],
        "properties": {
            "felt": {"type": "string", "description": "JSON-sti, parameter eller header"},
            "verdi": {"description": "Verdien som ble avvist (forkortet), eller null"},
            "melding": {"type": "string", "description": "Hvorfor, på norsk"},
        },
    }
    skjemaer: dict[str, Any] = {
        "Sak": _flytt_refs(sak),
        **_flytt_refs(defs),
        "Feil": feil,
        "Feilsvar": {
            "type": "object",
            "required": ["feil"],
            "properties": {
                "feil": {"type": "array", "items": {"$ref": "#/components/schemas/Feil"}},
                "id": {"type": "string", "description": "Forespørselens id (ved intern feil)"},
            },
        },
        "Vurdering": {
            "type": "object",
            "description": "Kontraktens svar (case-format.md): vurderingsdato, sak_id, versjon, "
            "vedtak per område med utfall, hjemmel, beløp, begrunnelse og forklaringstre, "
            "merknader.",
            "required": ["vurderingsdato", "versjon", "vedtak", "merknader"],
        },
        "Soknad": {
            "type": "object",
            "description": "NAVs søknad om økonomisk sosialhjelp (soknad.json fra digisos).",
        },
    }
    return skjemaer


_KROPPSKJEMA = {
    "sak": {"$ref": "#/components/schemas/Sak"},
    "soknad": {"$ref": "#/components/schemas/Soknad"},
    "saker": {
        "type": "string",
        "description": "JSON Lines: én sak (som Sak) per linje, i UTF-8.",
    },
}


def _svarskjema(mediatype: str) -> dict[str, Any]:
    if mediatype == JSON:
        return {"schema": {"type": "object"}}
    return {"schema": {"type": "string"}}


def _operasjon(e: Endepunkt) -> dict[str, Any]:
    parametre = []
    for navn in e.parametre:
        beskrivelse, skjema = PARAMETRE[navn]
        if navn == "format":
            skjema = {**skjema, "enum": list(e.formater), "default": next(iter(e.formater))}
            beskrivelse += " " + ", ".join(f"{f}: {m}" for f, m in e.formater.items()) + "."
        parametre.append(
            {
                "name": navn,
                "in": "query",
                "required": False,
                "description": beskrivelse,
                "schema": skjema,
            }
        )
    innhold: dict[str, Any] = {}
    for mediatype in dict.fromkeys(e.formater.values()):
        innhold[mediatype] = (
            {"schema": {"$ref": "#/components/schemas/Vurdering"}}
            if e.sti == "/vurder" and mediatype == JSON
            else _svarskjema(mediatype)
        )
    svar: dict[str, Any] = {"200": {"description": "OK", "content": innhold}}
    for status, (tekst, for_get) in _STATUSER.items():
        if e.metode == "POST" or for_get:
            svar[str(status)] = {"description": tekst, "content": {JSON: {"schema": _FEIL}}}
    operasjon: dict[str, Any] = {
        "operationId": e.handler.__name__,
        "summary": e.oppsummering,
        "description": (e.handler.__doc__ or "").strip(),
        "parameters": parametre,
        "responses": svar,
    }
    if e.kropp is not None:
        typer, skjemanavn = e.kropp
        operasjon["requestBody"] = {
            "required": True,
            "content": {t: {"schema": _KROPPSKJEMA[skjemanavn]} for t in typer},
        }
    return operasjon


def _annen(route: Route, metode: str) -> dict[str, Any]:
    doc = (getattr(route.endpoint, "__doc__", None) or "").strip()
    return {
        "operationId": f"{route.name or 'rute'}_{metode.lower()}",
        "summary": doc.split("\n")[0] or route.path,
        "responses": {"200": {"description": "OK"}},
    }


def dokument(routes: Iterable[BaseRoute], endepunkter: Mapping[Any, Endepunkt]) -> dict[str, Any]:
    """OpenAPI 3.1 for ``routes``; ``endepunkter`` maps a handler to its ``Endepunkt``."""
    stier: dict[str, dict[str, Any]] = {}
    for route in routes:
        if not isinstance(route, Route) or not route.include_in_schema:
            continue  # a mounted folder, or a route kept out (a style sheet), is no operation
        e = endepunkter.get(route.endpoint)
        for metode in sorted(route.methods or ()):
            if metode == "HEAD":
                continue
            operasjon = _operasjon(e) if e is not None else _annen(route, metode)
            stier.setdefault(route.path, {})[metode.lower()] = operasjon
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "sosialregler",
            "version": __version__,
            "summary": "Sosialtjenesteloven som forklarte regler, over HTTP",
            "description": "Vurderer saker etter sosialtjenesteloven med forklaring. Svarene "
            "er de samme som kommandolinjens (sosialregler vurder --format json). En avvisning "
            'er HTTP 422 med {"feil": [...]}, der hvert problem navngir feltet.',
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": stier,
        "components": {"schemas": _komponenter()},
    }
