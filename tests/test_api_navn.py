"""One naming convention for the public API (issue 17 point 3), the earlier names kept.

The decision and its reason stand in ``sosialregler.__doc__`` and the README's «From Python»;
these tests hold the aliases to it: each earlier name is the very same object as its new
name, is exported, and is named in the docstring and the README, and the README's examples
use the new names only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sosialregler

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
NYE = (
    "assess",
    "assess_many",
    "assess_soknad",
    "break_even",
    "default_rulebook",
    "due",
    "load_rulebook",
    "read_sak",
    "read_soknad",
    "why_not",
)


@pytest.mark.parametrize(("gammelt", "nytt"), sorted(sosialregler.ALIASER.items()))
def test_alias_er_samme_objekt_og_listet(gammelt: str, nytt: str) -> None:
    assert getattr(sosialregler, gammelt) is getattr(sosialregler, nytt)
    assert gammelt in sosialregler.__all__
    assert nytt in sosialregler.__all__
    assert f"``{gammelt}``" in (sosialregler.__doc__ or "")
    assert f"`{gammelt}`" in README


def test_de_nye_navnene_folger_regelen() -> None:
    """Each public function's name: English engine words, a Norwegian domain noun at most
    last (``sak``, ``soknad``); none of the earlier names is a new one."""
    domene = {"sak", "soknad"}
    engelsk = {"assess", "many", "break", "even", "default", "rulebook", "due", "load"}
    engelsk |= {"read", "why", "not"}
    for navn in NYE:
        assert callable(getattr(sosialregler, navn)), navn
        assert navn in sosialregler.__all__
        deler = navn.split("_")
        assert all(d in engelsk for d in deler[:-1]), navn
        assert deler[-1] in engelsk | domene, navn
        assert navn not in sosialregler.ALIASER


def test_readmes_eksempler_bruker_de_nye_navnene() -> None:
    """The README's code examples call the new names; the earlier ones appear only where the
    README lists them as aliases."""
    kode = "\n".join(re.findall(r"```python\n(.*?)```", README, flags=re.S))
    for gammelt in sosialregler.ALIASER:
        assert not re.search(rf"\b{gammelt}\(", kode), gammelt
    for nytt in ("assess_soknad", "why_not", "break_even"):
        assert f"sosialregler.{nytt}(" in kode, nytt
