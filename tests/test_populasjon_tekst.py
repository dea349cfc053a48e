"""``sosialregler simuler``'s text as a ministry analyst reads it: outcomes, areas and flags by
name, never a machine code; bands in words; a synthetic population said to be one."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")

from sosialregler.verktoy.populasjon.etiketter import MERKNADSNAVN, merknadsnavn  # noqa: E402
from sosialregler.verktoy.populasjon.sammenlign import Differanse  # noqa: E402
from sosialregler.verktoy.populasjon.skjema import utdata_skjema  # noqa: E402
from sosialregler.verktoy.populasjon.totaler import Totaler  # noqa: E402
from sosialregler.vurdering.standardbok import default_rulebook  # noqa: E402

ROT = Path(__file__).resolve().parents[1]
UTFALL = ("oppfylt", "ikke_oppfylt", "skjonn", "uavklart")
#: A code of the engine's: an outcome or area key with «_», or a flag in capitals.
KODE = re.compile(r"\b(?:[a-z]+_[a-z_]+|[A-Z]{2,}_[A-Z_]+)\b")


def alle_merknadskoder() -> set[str]:
    """Every flag a rule file or an area's Python can raise."""
    koder = set()
    for fil in (ROT / "rules").glob("*.toml"):
        koder |= set(re.findall(r'kode\s*=\s*"([A-Z_0-9]+)"', fil.read_text(encoding="utf-8")))
    for fil in (ROT / "src" / "sosialregler" / "vurdering" / "areas").glob("*.py"):
        tekst = fil.read_text(encoding="utf-8")
        koder |= set(re.findall(r'flagg\(\s*"([A-Z_0-9]+)"', tekst))
        koder |= set(re.findall(r'^\s*"([A-Z][A-Z_0-9]+)",\s*$', tekst, re.M))
    return koder


def befolkning(omrader: tuple[str, ...], koder: list[str]) -> list[dict[str, Any]]:
    """One row per outcome in every area, the flags spread over them, one synthetic id."""
    rader = []
    for i, u in enumerate(UTFALL):
        rad: dict[str, Any] = {"rad": i, "sak_id": f"syntetisk-1-{i}", "intern_feil": False}
        for o in omrader:
            rad[f"{o}_utfall"] = u
        rad["livsopphold_belop_per_maned"] = Decimal(1000 * (i + 1)) if i != 3 else None
        rad["merknader"] = koder[i::4]
        rader.append(rad)
    return rader


def tabell(omrader: tuple[str, ...], rader: list[dict[str, Any]]) -> Any:
    skjema = utdata_skjema(omrader)
    return pa.RecordBatch.from_pydict(
        {f.name: [r.get(f.name) for r in rader] for f in skjema}, schema=skjema
    )


def test_hver_merknad_har_et_navn() -> None:
    koder = alle_merknadskoder()
    assert "SATSER_KAN_VAERE_UTDATERT" in koder and len(koder) > 30
    assert sorted(koder - set(MERKNADSNAVN)) == []
    assert merknadsnavn("NY_MERKNAD_UTEN_NAVN") == "Ny merknad uten navn"


def test_ingen_maskinkode_i_teksten_med_alle_utfall_og_merknader() -> None:
    bok = default_rulebook()
    omrader = tuple(o.id for o in bok.omrader)
    koder = sorted(alle_merknadskoder())
    t = Totaler(omrader, titler={o.id: o.tittel["nb"] for o in bok.omrader})
    t.legg_til(tabell(omrader, befolkning(omrader, koder)))
    tekst = t.tekst()
    assert KODE.findall(tekst) == []
    assert "Stønad til livsopphold: oppfylt 1, ikke oppfylt 1, til skjønn 1, uavklart 1" in tekst
    assert "  til skjønn: 3 000 kr per måned" in tekst
    assert "Satsene er ikke bekreftet for vurderingsdatoen: 1" in tekst
    assert tekst.startswith("NB: Alle husholdninger er syntetiske")


def test_ekte_befolkning_sies_ikke_syntetisk() -> None:
    t = Totaler(("livsopphold",))
    t.legg_til(tabell(("livsopphold",), [{"rad": 0, "sak_id": "2026-17", "intern_feil": False}]))
    assert "syntetisk" not in t.tekst()


def test_sammenligningen_viser_band_i_ord_og_utfall_ved_navn() -> None:
    d = Differanse()
    d.husholdninger = d.sammenlignet = 3
    d.tapere = 1
    d.tapere_band["100–500"] = 1
    d.overganger["skjonn → ikke_oppfylt"] = 1
    tekst = d.tekst()
    assert KODE.findall(tekst) == []
    assert "  over 100 til og med 500 kr: 1 husholdninger" in tekst
    assert "  over 5 000 kr: 0 husholdninger" in tekst
    assert "  til skjønn → ikke oppfylt: 1" in tekst
    # the JSON keeps its keys (a machine contract)
    assert d.to_dict()["overganger_livsopphold"] == {"skjonn → ikke_oppfylt": 1}
