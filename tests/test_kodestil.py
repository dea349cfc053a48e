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
