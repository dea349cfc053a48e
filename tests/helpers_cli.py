"""Running ``python -m sosialregler`` as a case system would: a subprocess, exit code, output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from attrs import frozen

REPO = Path(__file__).resolve().parent.parent
FAMILIE = REPO / "examples" / "familie.json"
REGLER = REPO / "rules"


@frozen
class Kjoring:
    """The result of one command-line run."""

    kode: int
    ut: str
    feil: str


def kjor(*argumenter: str | Path, stdin: str | None = None, cwd: Path = REPO) -> Kjoring:
    """Run ``sosialregler ARGS`` and check the one promise every run keeps: no traceback."""
    miljo = {k: v for k, v in os.environ.items() if k != "SOSIALREGLER_DEBUG"}
    miljo["PYTHONIOENCODING"] = "utf-8"
    prosess = subprocess.run(
        [sys.executable, "-m", "sosialregler", *map(str, argumenter)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=miljo,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in prosess.stderr, prosess.stderr
    assert "Traceback" not in prosess.stdout, prosess.stdout
    return Kjoring(prosess.returncode, prosess.stdout, prosess.stderr)


def kopier_regler(mal: Path) -> Path:
    """A private copy of the shipped rules folder, safe to break."""
    kopi = mal / "regler"
    shutil.copytree(REGLER, kopi)
    return kopi


def fjern_hjemmel(fil: Path, regel_id: str) -> None:
    """Delete the ``hjemmel = ...`` line(s) of one rule, as a careless text edit would."""
    linjer = fil.read_text("utf-8").splitlines(keepends=True)
    start = next(i for i, linje in enumerate(linjer) if linje.strip() == f'id = "{regel_id}"')
    slutt = next(
        (i for i in range(start + 1, len(linjer)) if linjer[i].strip() == "[[regel]]"),
        len(linjer),
    )
    ut: list[str] = []
    dybde = 0  # > 0 while inside a multi-line ``hjemmel = [ ... ]``
    for i, linje in enumerate(linjer):
        if dybde or (start < i < slutt and linje.lstrip().startswith("hjemmel")):
            dybde += linje.count("[") - linje.count("]")
            continue
        ut.append(linje)
    ny = "".join(ut)
    assert ny != "".join(linjer), f"no hjemmel line found for {regel_id}"
    fil.write_text(ny, "utf-8")
