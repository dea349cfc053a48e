"""The rules and rates in force on a date, as data: what ``sosialregler regler --format json``
prints and ``GET /regler`` answers (one definition for both doors)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..inndata.errors import RegelFeil
from ..lov.rulebook.book import Regelbok


def regel_json(r: Any) -> dict[str, Any]:
    """One rule version: id, titles, legal basis with links, source tag, dates, file."""
    return {
        "id": r.id,
        "tittel": dict(r.info.tittel),
        "hjemmel": [h.tekst("nb") for h in r.info.hjemmel],
        "lenker": [h.lenke for h in r.info.hjemmel],
        "kilde": r.info.kilde,
        "gyldig_fra": r.info.gyldig_fra.isoformat(),
        "gyldig_til": r.info.gyldig_til.isoformat() if r.info.gyldig_til else None,
        "fil": r.info.fil,
    }


def sats_json(tabell: Any, dato: date) -> dict[str, Any]:
    """A rate table's row in force on ``dato``, or why there is none (``merknad``)."""
    try:
        oppslag = tabell.oppslag(dato)
    except RegelFeil as exc:
        return {"tabell": tabell.id, "merknad": str(exc)}
    return {
        "tabell": tabell.id,
        "gyldig_fra": oppslag.rad.gyldig_fra.isoformat(),
        "verdier": {k: str(v) for k, v in oppslag.rad.verdier.items()},
        "merknad": oppslag.advarsel("nb") or "",
    }


def regelliste(bok: Regelbok, dato: date) -> dict[str, Any]:
    """``{"dato", "regler", "satser"}``: every rule in force on ``dato`` and every rate table."""
    return {
        "dato": dato.isoformat(),
        "regler": [regel_json(r) for r in bok.i_kraft(dato)],
        "satser": [sats_json(t, dato) for t in bok.satser.tabeller.values()],
    }
