"""Every rule change shows up in review: a snapshot of the whole compiled rulebook (issue 10).

``tests/snapshot/regelbok.json`` holds what the library loads from ``rules/``: every rule
version (id, references and links, validity, scope, exception, flag, the condition tree with
each leaf's expression, the texts), every area, the exception map, the order of calculations
and every rate row (``sosialregler.verktoy.snapshot``). When the rules change, the test below
fails and names the rules that changed; a reviewer then sees the change as a diff of that file.

After an intended change, regenerate and review the diff::

    python -m sosialregler.verktoy.snapshot > tests/snapshot/regelbok.json
    # or
    OPPDATER_SNAPSHOT=1 pytest tests/test_regelbok_snapshot.py
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sosialregler import standard_regelbok
from sosialregler.verktoy.snapshot import FORMAT, betingelse_som_data, snapshot, snapshot_json
from sosialregler.vurdering.rulebook_load import last_regelbok

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT = Path(__file__).resolve().parent / "snapshot" / "regelbok.json"
OPPDATER = "OPPDATER_SNAPSHOT"
SLIK_OPPDATERES = (
    "Hvis endringen er tilsiktet, skriv snapshotet på nytt og se over diffen:\n"
    "    python -m sosialregler.verktoy.snapshot > tests/snapshot/regelbok.json\n"
    f"eller  {OPPDATER}=1 pytest tests/test_regelbok_snapshot.py"
)


def _versjoner(data: dict[str, Any]) -> dict[str, Any]:
    """Everything in a snapshot by a name a reviewer recognises."""
    ut: dict[str, Any] = {}
    for r in data.get("regler", []):
        ut[f"regel {r['id']} (fra {r['gyldig_fra']}, {r['fil']})"] = r
    for o in data.get("omrader", []):
        ut[f"område {o['id']}"] = o
    for t in data.get("satser", []):
        ut[f"satstabell {t['id']}"] = t
    for navn in ("beregningsrekkefolge", "unntak", "kommunale_satser", "format"):
        if navn in data:
            ut[navn] = data[navn]
    return ut


def endringer(for_: dict[str, Any], etter: dict[str, Any]) -> list[str]:
    """What changed between two snapshots, one line per rule, area or table."""
    a, b = _versjoner(for_), _versjoner(etter)
    linjer = [f"  ny:      {k}" for k in b.keys() - a.keys()]
    linjer += [f"  fjernet: {k}" for k in a.keys() - b.keys()]
    for k in a.keys() & b.keys():
        if a[k] != b[k]:
            felt = (
                sorted(f for f in set(a[k]) | set(b[k]) if a[k].get(f) != b[k].get(f))
                if isinstance(a[k], dict) and isinstance(b[k], dict)
                else []
            )
            linjer.append(f"  endret:  {k}" + (f" ({', '.join(felt)})" if felt else ""))
    return sorted(linjer)


def test_regelboken_er_som_i_snapshotet() -> None:
    """The shipped rules compile to exactly the committed snapshot."""
    naa = snapshot_json()
    if os.environ.get(OPPDATER):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_bytes(naa.encode("utf-8"))
        pytest.skip(f"{OPPDATER}=1: skrev {SNAPSHOT.relative_to(REPO)}")
    assert SNAPSHOT.is_file(), f"{SNAPSHOT} mangler.\n{SLIK_OPPDATERES}"
    lagret = SNAPSHOT.read_text("utf-8")
    if lagret == naa:
        return
    hva = endringer(json.loads(lagret), json.loads(naa))
    diff = list(
        difflib.unified_diff(
            lagret.splitlines(),
            naa.splitlines(),
            "tests/snapshot/regelbok.json",
            "regelboken nå",
            n=2,
            lineterm="",
        )
    )
    vist = "\n".join(diff[:80]) + (f"\n… ({len(diff) - 80} linjer til)" if len(diff) > 80 else "")
    pytest.fail(
        "Regelboken er endret siden snapshotet ble skrevet:\n"
        + ("\n".join(hva) or "  (bare formatering)")
        + f"\n\n{vist}\n\n{SLIK_OPPDATERES}",
        pytrace=False,
    )


def test_snapshotet_dekker_hele_regelboken() -> None:
    """Every rule version, area and rate table, and every leaf expression, is in it."""
    bok = standard_regelbok()
    data = snapshot(bok)
    assert data["format"] == FORMAT
    versjoner = {(r["id"], r["gyldig_fra"]) for r in data["regler"]}
    assert versjoner == {
        (r.id, r.info.gyldig_fra.isoformat()) for vs in bok.regler.values() for r in vs
    }
    assert {o["id"] for o in data["omrader"]} == {o.id for o in bok.omrader}
    assert {t["id"] for t in data["satser"]} == set(bok.satser.tabeller)
    tekst = json.dumps(data, ensure_ascii=False)
    for versjoner_ in bok.regler.values():
        for r in versjoner_:
            for blad in getattr(r.info, "blader", {}).values():
                if isinstance(blad, str):
                    assert json.dumps(blad, ensure_ascii=False) in tekst, (r.id, blad)
    assert "ukjent_betingelse" not in tekst, "en betingelsestype snapshotet ikke kjenner"


def test_snapshotet_er_deterministisk_og_uten_stier() -> None:
    """Byte-identical in another process with another hash seed, and from a copy of the
    folder elsewhere: no absolute paths, no set order, no digest of the bytes."""
    forste = snapshot_json()
    assert snapshot_json() == forste
    prosess = subprocess.run(
        [sys.executable, "-m", "sosialregler.verktoy.snapshot"],
        capture_output=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345", "LC_ALL": "C"},
    )
    assert prosess.stdout.decode("utf-8") == forste
    assert str(REPO) not in forste
    assert "sha256:" not in forste


def _regel_med_tall(data: dict[str, Any], kopi: Path) -> tuple[str, str, Path]:
    """A rule whose condition is one comparison with a number, written on one line in its file
    (so it can be changed as an editor would): (id, expression, file)."""
    for r in data["regler"]:
        uttrykk = r["vilkar"]
        if isinstance(uttrykk, str) and re.search(r"[<>]=? [0-9]+$", uttrykk):
            fil = kopi / r["fil"]
            if f'vilkar = "{uttrykk}"' in fil.read_text("utf-8"):
                return r["id"], uttrykk, fil
    raise AssertionError("ingen regel med en enkel sammenligning med et tall")


def test_en_regelendring_synes_i_snapshotet(tmp_path: Path) -> None:
    """Change one threshold in a copy of the rules: the snapshot differs in that rule only,
    and the failure message names it. A comment changes the rules digest, not the snapshot."""
    kopi = tmp_path / "regler"
    shutil.copytree(REPO / "rules", kopi)
    for_ = snapshot(last_regelbok(kopi))
    assert for_ == snapshot(standard_regelbok())
    regel_id, uttrykk, fil = _regel_med_tall(for_, kopi)
    tekst = fil.read_text("utf-8")

    fil.write_text("# bare en kommentar\n" + tekst, "utf-8")
    kommentert = last_regelbok(kopi)
    assert kommentert.digest != standard_regelbok().digest
    assert snapshot(kommentert) == for_

    endret = tmp_path / "endret"
    shutil.copytree(kopi, endret)
    tall = re.search(r"[0-9]+$", uttrykk)
    assert tall is not None
    nytt = uttrykk[: tall.start()] + str(int(tall.group()) + 1)
    (endret / fil.name).write_text(
        tekst.replace(f'vilkar = "{uttrykk}"', f'vilkar = "{nytt}"', 1), "utf-8"
    )
    etter = snapshot(last_regelbok(endret))
    hva = endringer(for_, etter)
    assert len(hva) == 1 and regel_id in hva[0] and "vilkar" in hva[0], hva


def test_betingelser_som_tekst() -> None:
    """A condition tree reads as in the rule file: leaves are their expression text."""
    from sosialregler.lov.rulebook.conditions import (
        Alle,
        Ikke,
        MinstEn,
        Regelreferanse,
        Skjonn,
        Uttrykksblad,
    )
    from sosialregler.lov.rulebook.expr import parse

    tre = Alle(
        (
            Uttrykksblad(parse("soker.alder < 30")),
            Ikke(MinstEn((Regelreferanse("en-regel"), Uttrykksblad(parse('x == "ja"'))))),
            Skjonn({"nb": "Spørsmål?", "en": "Question?"}),
        )
    )
    assert betingelse_som_data(tre) == {
        "alle": [
            "soker.alder < 30",
            {"ikke": {"minst_en": [{"regel": "en-regel"}, 'x == "ja"']}},
            {"skjonn": {"en": "Question?", "nb": "Spørsmål?"}},
        ]
    }
    assert betingelse_som_data(None) is None
