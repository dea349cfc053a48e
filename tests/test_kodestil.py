"""ruff is part of the definition of done: the suite fails when the code is not clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROT = Path(__file__).resolve().parent.parent


def test_ruff_er_rent() -> None:
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.fail("ruff is a test dependency; install with pip install '.[test]'")
    resultat = subprocess.run(
        [ruff, "check", "src", "tests", "benchmarks"], cwd=ROT, capture_output=True, text=True
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_pakken_er_typet_og_typesjekkes() -> None:
    """The package ships ``py.typed`` (PEP 561) and ``.ci/run`` holds its hints to mypy, with
    the configuration in pyproject.toml (so a bare ``mypy`` checks the same thing)."""
    import tomllib

    assert (ROT / "src" / "sosialregler" / "py.typed").is_file()
    oppsett = tomllib.loads((ROT / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = oppsett["tool"]["mypy"]
    assert mypy["files"] == ["src/sosialregler"]
    assert mypy["warn_unused_ignores"] is True
    assert "ignore_errors" not in mypy
    assert any(k.startswith("mypy") for k in oppsett["project"]["optional-dependencies"]["test"])
    ci = (ROT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m mypy" in ci


def test_type_ignore_har_kode_og_grunn() -> None:
    """A ``# type: ignore`` names its error code and says why, on the line above or after it:
    silencing the checker is a decision a reader must be able to judge."""
    mangler = []
    for fil in sorted((ROT / "src" / "sosialregler").rglob("*.py")):
        linjer = fil.read_text(encoding="utf-8").splitlines()
        for i, linje in enumerate(linjer):
            if "type: ignore" not in linje:
                continue
            _, _, etter = linje.partition("type: ignore")
            med_kode = etter.startswith("[")
            forrige = linjer[i - 1].strip() if i else ""
            grunn = forrige.startswith("#") or "#" in etter
            if not (med_kode and grunn):
                mangler.append(f"{fil.relative_to(ROT)}:{i + 1}: {linje.strip()}")
    assert not mangler, "\n".join(mangler)
