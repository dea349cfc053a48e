"""The OpenFisca side of ``bench.py``: a worker run by the Python of OpenFisca's own venv.

It never imports sosialregler (and sosialregler never imports OpenFisca): the two live in
separate venvs, and the main script talks to this one over a pipe, one JSON object per line
in each direction. Timing happens here, with ``time.perf_counter`` around the work alone, so
the pipe and JSON cost nothing in the numbers.

Commands (``{"op": ...}``):

* ``info``: versions, and how long loading the country template's tax-benefit system took;
* ``enkel``: ``antall`` single-household simulations of ``situasjon``, each one a new
  ``SimulationBuilder().build_from_entities(...)`` plus ``calculate(variabel, periode)``,
  exactly what a web API call or a test of one situation does; returns µs per run (and
  of it, building the simulation);
* ``vektor_inndata``: keeps the arrays of a population (one row per person, each person's
  household, salary, birth date; the households' rent) for ``vektor``;
* ``vektor``: ``antall`` runs of one vectorised simulation over the whole population: declare
  persons and households, join them, build, ``set_input`` the arrays and ``calculate``;
  returns ms per run and the sum of the result (the same every run);
* ``slutt``: exit.
"""

from __future__ import annotations

import json
import sys
import time
from importlib import metadata
from typing import Any

import numpy
from openfisca_core.simulations import SimulationBuilder
from openfisca_country_template import CountryTaxBenefitSystem

KLOKKE = time.perf_counter


def _info(start_ms: float) -> dict[str, Any]:
    versjoner = {}
    for pakke in ("openfisca-core", "openfisca-country-template", "numpy"):
        try:
            versjoner[pakke] = metadata.version(pakke)
        except metadata.PackageNotFoundError:
            versjoner[pakke] = None
    return {
        "versjoner": versjoner,
        "python": sys.version.split()[0],
        "last_skattesystem_ms": start_ms,
    }


def _enkel(tbs: Any, kommando: dict[str, Any]) -> dict[str, Any]:
    situasjon, variabel, periode = kommando["situasjon"], kommando["variabel"], kommando["periode"]
    tider, bygg = [], []
    verdi = None
    for _ in range(kommando["antall"]):
        t0 = KLOKKE()
        simulering = SimulationBuilder().build_from_entities(tbs, situasjon)
        t1 = KLOKKE()
        verdi = simulering.calculate(variabel, periode)
        t2 = KLOKKE()
        tider.append((t2 - t0) * 1e6)
        bygg.append((t1 - t0) * 1e6)
    return {"us": tider, "bygg_us": bygg, "verdi": None if verdi is None else verdi.tolist()}


def _vektor_inndata(kommando: dict[str, Any]) -> dict[str, Any]:
    return {
        "personer": numpy.arange(len(kommando["husstand"])),
        "husstand": numpy.asarray(kommando["husstand"]),
        "rolle": numpy.asarray(kommando["rolle"]),
        "lonn": numpy.asarray(kommando["lonn"], dtype=numpy.float32),
        "fodt": numpy.asarray(kommando["fodt"], dtype="datetime64[D]"),
        "husstander": numpy.arange(len(kommando["husleie"])),
        "husleie": numpy.asarray(kommando["husleie"], dtype=numpy.float32),
    }


def _vektor(tbs: Any, data: dict[str, Any], kommando: dict[str, Any]) -> dict[str, Any]:
    variabel, periode = kommando["variabel"], kommando["periode"]
    tider = []
    summen = 0.0
    for _ in range(kommando["antall"]):
        t0 = KLOKKE()
        bygger = SimulationBuilder()
        bygger.create_entities(tbs)
        bygger.declare_person_entity("person", data["personer"])
        husstander = bygger.declare_entity("household", data["husstander"])
        bygger.join_with_persons(husstander, data["husstand"], data["rolle"])
        simulering = bygger.build(tbs)
        simulering.set_input("salary", periode, data["lonn"])
        simulering.set_input("birth", "ETERNITY", data["fodt"])
        simulering.set_input("rent", periode, data["husleie"])
        resultat = simulering.calculate(variabel, periode)
        tider.append((KLOKKE() - t0) * 1e3)
        summen = float(resultat.sum())
    return {"ms": tider, "sum": summen, "antall": len(resultat)}


def main() -> None:
    t0 = KLOKKE()
    tbs = CountryTaxBenefitSystem()
    start_ms = (KLOKKE() - t0) * 1e3
    data: dict[str, Any] = {}
    for linje in sys.stdin:
        kommando = json.loads(linje)
        op = kommando["op"]
        try:
            if op == "info":
                svar = _info(start_ms)
            elif op == "enkel":
                svar = _enkel(tbs, kommando)
            elif op == "vektor_inndata":
                data = _vektor_inndata(kommando)
                svar = {"personer": len(data["personer"]), "husstander": len(data["husstander"])}
            elif op == "vektor":
                svar = _vektor(tbs, data, kommando)
            elif op == "slutt":
                return
            else:
                svar = {"feil": f"ukjent kommando {op!r}"}
        except Exception as exc:  # the main script prints it; the worker stays alive
            svar = {"feil": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(svar) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
