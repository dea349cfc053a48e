"""A snapshot of the whole compiled rulebook as deterministic JSON, for review.

Every rule change must show up in review as a readable diff, not only as a new rules digest.
The snapshot is what the library *loaded*: each rule version (id, file, title, references
with their links, source type, validity, scope, exception and flag, the condition tree with
each leaf's expression text, the texts and the facts they name), each area, the exception
map, the order of the calculations, and every rate table row. It is built from the compiled
``Regelbok``, so a change in how a file is read shows up too.

Deterministic by construction: keys in a fixed order (a rule's id first, its texts last, so a
diff shows which rule changed), whatever came from a file sorted, rules by id then validity,
no absolute paths, no digest (a comment edit changes the digest but not what the rules say),
amounts as exact decimal strings, UTF-8 with a final newline.

Write it (the repository keeps it as ``tests/snapshot/regelbok.json``)::

    python -m sosialregler.verktoy.snapshot > tests/snapshot/regelbok.json
    python -m sosialregler.verktoy.snapshot --regler ANOTHER_RULES_DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

# A tool above the rulebook (it takes the shipped one from the API); nothing imports it back.
from ..api import regelbok, standard_regelbok
from ..inndata.errors import RegelFeil
from ..lov.rulebook.book import Regelbok
from ..lov.rulebook.conditions import Alle, Ikke, MinstEn, Regelreferanse, Skjonn, Uttrykksblad
from ..lov.rulebook.model import Hjemmel, Omrade, Regel

__all__ = ["FORMAT", "betingelse_som_data", "main", "snapshot", "snapshot_json"]

FORMAT = "sosialregler-regelbok-snapshot/1"


def _dato(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _tall(verdi: Any) -> str:
    """An amount or factor exactly as loaded (Decimal or Fraction), as text."""
    return str(verdi)


def betingelse_som_data(betingelse: Any) -> Any:
    """A condition tree as plain data: a leaf is its expression's text, as in the rule file.

    ``{"alle": [...]}``, ``{"minst_en": [...]}``, ``{"ikke": ...}``, ``{"regel": id}`` and
    ``{"skjonn": {"nb": ..., "en": ...}}`` mirror the TOML; a kind of node this module does
    not know yet is shown by its class name, so the snapshot never silently drops it.
    """
    if betingelse is None:
        return None
    if isinstance(betingelse, Uttrykksblad):
        return betingelse.uttrykk.tekst
    if isinstance(betingelse, Alle):
        return {"alle": [betingelse_som_data(d) for d in betingelse.deler]}
    if isinstance(betingelse, MinstEn):
        return {"minst_en": [betingelse_som_data(d) for d in betingelse.deler]}
    if isinstance(betingelse, Ikke):
        return {"ikke": betingelse_som_data(betingelse.del_)}
    if isinstance(betingelse, Regelreferanse):
        return {"regel": betingelse.regel_id}
    if isinstance(betingelse, Skjonn):
        return {"skjonn": dict(sorted(betingelse.sporsmal.items()))}
    return {"ukjent_betingelse": type(betingelse).__name__}


def _hjemmel(h: Hjemmel) -> dict[str, Any]:
    """The citation as read (nb, en), its link and coordinates; the source's name is in it."""
    ut: dict[str, Any] = {"tekst": {"nb": h.tekst("nb"), "en": h.tekst("en")}, "lenke": h.lenke}
    ut.update({k: v for k, v in h.to_dict().items() if k not in ("navn", "lenke")})
    return ut


def _sprak(verdi: Mapping[str, Any]) -> dict[str, Any]:
    return {k: verdi[k] for k in sorted(verdi)}


def _regel(regel: Regel) -> dict[str, Any]:
    info = regel.info
    ut: dict[str, Any] = {
        "id": info.id,
        "gyldig_fra": _dato(info.gyldig_fra),
        "gyldig_til": _dato(info.gyldig_til),
        "fil": Path(info.fil).name if info.fil else "",
        "tittel": _sprak(info.tittel),
        "kilde": info.kilde,
        "hjemmel": [_hjemmel(h) for h in info.hjemmel],
        "gjelder": regel.omfang,
        "unntak_fra": regel.unntak_fra,
        "gir": regel.gir.value if regel.gir is not None else None,
        "beregning": regel.beregning,
        "vilkar": betingelse_som_data(regel.vilkar),
        "merknad": None
        if regel.merknad is None
        else {
            "kode": regel.merknad.kode,
            "ved": [u.value for u in regel.merknad.ved],
            "person": regel.merknad.person,
        },
        "tekstfakta": sorted(regel.tekstnavn),
        # A calculation's named steps, only where a rule has them (the snapshot's other rules
        # stay as they were).
        **(
            {
                "verdier": [
                    {"navn": v.navn, "uttrykk": v.uttrykk.tekst, "tittel": _sprak(v.tittel)}
                    for v in regel.verdier
                ]
            }
            if regel.verdier
            else {}
        ),
        # Its sums over items, likewise only where a rule has them.
        **(
            {
                "summer": [
                    {
                        "navn": s.navn,
                        "regel": s.regel,
                        "gjelder": s.gjelder,
                        "ledd": {u.value: x.tekst for u, x in s.ledd.items()},
                        "utenfor": sorted(u.value for u in s.utenfor),
                        **(
                            {"tilfeller": [[t.hvor.tekst, t.verdi.tekst] for t in s.tilfeller]}
                            if s.tilfeller
                            else {}
                        ),
                        "tittel": _sprak(s.tittel),
                    }
                    for s in regel.summer
                ]
            }
            if regel.summer
            else {}
        ),
        "tekster": {k: _sprak(v) for k, v in sorted(info.tekster.items())},
    }
    return ut


def _omrade(omrade: Omrade) -> dict[str, Any]:
    return {
        "id": omrade.id,
        "fil": Path(omrade.fil).name if omrade.fil else "",
        "tittel": _sprak(omrade.tittel),
        "hovedregel": omrade.hovedregel,
        "beregning": omrade.beregning,
        "kontroller": list(omrade.kontroller),
        "vurderes_nar": betingelse_som_data(omrade.vurderes_nar),
    }


def _satstabell(tabell: Any) -> dict[str, Any]:
    return {
        "id": tabell.id,
        "fil": Path(tabell.fil).name if tabell.fil else "",
        "navn": _sprak(tabell.navn),
        "enhet": tabell.enhet,
        "type": tabell.type,
        "kommune": tabell.kommune,
        "hjemmel": _sprak(tabell.hjemmel),
        "rader": [
            {
                "gyldig_fra": _dato(rad.gyldig_fra),
                "kjent_gyldig_til": _dato(rad.kjent_gyldig_til),
                "verdier": {k: _tall(v) for k, v in sorted(rad.verdier.items())},
                "barn": [
                    {"fra_alder": g.fra_alder, "til_alder": g.til_alder, "belop": _tall(g.belop)}
                    for g in rad.barn
                ],
                "kilde": rad.kilde,
                "lenke": rad.lenke,
                "merke": rad.merke,
                "verifisert": _dato(rad.verifisert),
                "merknad": rad.merknad,
                # a change whose numbers were not found (rates.py): shown as such
                **({"tall_ikke_funnet": True} if rad.tall_ikke_funnet else {}),
            }
            for rad in tabell.rader
        ],
    }


def snapshot(bok: Regelbok | None = None) -> dict[str, Any]:
    """The whole compiled rulebook as plain, deterministic data (default: the shipped one)."""
    if bok is None:
        bok = standard_regelbok()
    regler = [
        _regel(versjon)
        for regel_id in sorted(bok.regler)
        for versjon in sorted(bok.regler[regel_id], key=lambda r: r.info.gyldig_fra)
    ]
    ut: dict[str, Any] = {
        "format": FORMAT,
        "antall": {
            "regler": len(bok.regler),
            "regelversjoner": len(regler),
            "omrader": len(bok.omrader),
            "satstabeller": len(bok.satser.tabeller),
        },
        "omrader": [_omrade(o) for o in sorted(bok.omrader, key=lambda o: o.id)],
        "beregningsrekkefolge": list(bok.beregningsrekkefolge),
        "unntak": {k: sorted(v) for k, v in sorted(bok.unntak.items())},
        "regler": regler,
        "satser": [_satstabell(bok.satser.tabeller[t]) for t in sorted(bok.satser.tabeller)],
    }
    if bok.kommunale_satser is not None:
        ut["kommunale_satser"] = _satstabell(bok.kommunale_satser)
    return ut


def snapshot_json(bok: Regelbok | None = None) -> str:
    """``snapshot(bok)`` as the text kept in the repository (indented, final newline)."""
    return json.dumps(snapshot(bok), ensure_ascii=False, indent=2) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sosialregler.verktoy.snapshot [--regler DIR] [--satser FIL]`` → stdout."""
    parser = argparse.ArgumentParser(
        prog="python -m sosialregler.verktoy.snapshot",
        description="Skriv et øyeblikksbilde av hele den kompilerte regelboken som JSON.",
    )
    parser.add_argument("--regler", metavar="MAPPE", help="en annen regelmappe")
    parser.add_argument("--satser", metavar="FIL", help="kommunens egne satser")
    args = parser.parse_args(argv)
    try:
        bok = regelbok(args.regler, args.satser)
    except RegelFeil as exc:
        print(f"Reglene lar seg ikke laste: {exc}", file=sys.stderr)
        return 2
    # Bytes, not text: the file is UTF-8 whatever the terminal's or the redirect's locale.
    sys.stdout.buffer.write(snapshot_json(bok).encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
