"""The supervision report in a real browser: Debian's chromium, headless, offline.

The page is laid out at desktop width (1200 px) and phone width (390 px). Headless chromium will
not make a window narrower than 500 px (a screenshot at 390 is a crop of a 500 px layout), so
the page is shown in an ``<iframe srcdoc>`` of the exact width inside a small test page, whose
script measures the laid-out page — every element's box, the chart's bars as drawn — and
leaves the result in its DOM for ``--dump-dom``. Checked: no element outside the page and no
text running out of its box (a long digest once did, in the footer), the page does not scroll
sideways, each bar is as long as its number says (one scale for all charts),
and the screenshot shows each outcome's colour.

Skipped when ``chromium`` is not on PATH. To refresh the README's screenshots:
``OPPDATER_SKJERMBILDE=1 pytest tests/test_tilsyn_nettleser.py``, then look at
``docs/tilsyn-rapport.png`` and ``docs/tilsyn-rapport-mobil.png``.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import REPO
from sosialregler.verktoy.tilsyn.rapport import FARGER, TilsynsRapport, eksempelsaker, rapport
from test_oppfolging_nettleser import CHROMIUM, chromium, les_png
from test_tilsyn_rapport import les_tall, sjekk_siden

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium finnes ikke på PATH (Debian: apt-get install chromium); "
    "rapporten testes da bare uten nettleser",
)

DATO = date(2024, 6, 1)
BREDDER = {"desktop": 1200, "mobil": 390}
HOYDE = 1600
SKJERMBILDER = {
    "desktop": REPO / "docs" / "tilsyn-rapport.png",
    "mobil": REPO / "docs" / "tilsyn-rapport-mobil.png",
}

MALER = """<!DOCTYPE html><html><head><meta charset="utf-8">
<style>html, body {{ margin: 0; padding: 0; background: #fff; }}
iframe {{ border: 0; display: block; }}</style></head>
<body><iframe id="side" width="{bredde}" height="{hoyde}" srcdoc="{side}"></iframe>
<script>
const f = document.getElementById("side");
f.addEventListener("load", () => {{
  const d = f.contentDocument, w = f.contentWindow, W = w.innerWidth;
  const utenfor = [];
  for (const el of d.body.querySelectorAll("*")) {{
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const tekstUtenfor = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
      && !(el instanceof w.SVGElement);
    if (r.left < -0.5 || r.right > W + 0.5 || tekstUtenfor) {{
      utenfor.push(el.tagName + " " + (el.id || el.className.baseVal || el.className || "")
        + " " + r.left.toFixed(1) + ".." + r.right.toFixed(1));
    }}
  }}
  const stolper = [...d.querySelectorAll("rect.segment")].map(s => [
    s.dataset.malepunkt, s.dataset.utfall, Number(s.dataset.antall),
    s.getBoundingClientRect().width]);
  document.body.setAttribute("data-resultat", JSON.stringify({{
    bredde: W, scroll: d.documentElement.scrollWidth, utenfor: utenfor, stolper: stolper}}));
}});
</script></body></html>
"""


@pytest.fixture(scope="module")
def r() -> TilsynsRapport:
    return rapport(list(eksempelsaker(300, DATO, seed=8, ugyldige=0.01)), DATO)


def lag_testside(side: str, mappe: Path, bredde: int) -> Path:
    fil = mappe / f"side-{bredde}.html"
    fil.write_text(
        MALER.format(bredde=bredde, hoyde=HOYDE, side=html.escape(side, quote=True)),
        encoding="utf-8",
    )
    return fil


def mal(side: str, tmp_path: Path, bredde: int) -> dict[str, Any]:
    fil = lag_testside(side, tmp_path, bredde)
    svar = chromium(
        tmp_path / "profil",
        f"--window-size={max(bredde, 500)},{HOYDE}",
        "--virtual-time-budget=10000",
        "--dump-dom",
        fil.as_uri(),
    )
    assert svar.returncode == 0, svar.stderr[-2000:]
    funnet = re.search(r'data-resultat="([^"]*)"', svar.stdout)
    assert funnet, "the test page's script did not run"
    return json.loads(html.unescape(funnet.group(1)))


@pytest.mark.parametrize(("navn", "sprak"), [("desktop", "nb"), ("mobil", "nb"), ("mobil", "nn")])
def test_ingenting_utenfor_siden_og_stolpene_stemmer(
    r: TilsynsRapport, tmp_path: Path, navn: str, sprak: str
) -> None:
    bredde = BREDDER[navn]
    maling = mal(r.html(sprak), tmp_path, bredde)
    assert maling["bredde"] == bredde
    assert maling["utenfor"] == []
    assert maling["scroll"] <= bredde
    # The bars as drawn: every segment's length is its number on one scale for all charts.
    stolper = maling["stolper"]
    telling = r.telling()
    assert sorted((p, u, n) for p, u, n, _ in stolper) == sorted(
        (p, u, t[u]) for p, t in telling.items() for u in ("oppfylt", "brudd", "uavklart") if t[u]
    )
    skala = sum(w for *_, w in stolper) / sum(n for _, _, n, _ in stolper)
    for p, u, n, w in stolper:
        assert abs(w - n * skala) <= 1.0, (p, u, n, w, skala)
    # The longest bar fills its chart's bar area and all charts share the scale.
    assert max(n for _, _, n, _ in stolper) > 0


def test_oppfolgingsrapporten_har_samme_sidedesign_og_passer_pa_mobil(tmp_path: Path) -> None:
    """The follow-up report shares the page design (side.py): it fits a phone too."""
    from sosialregler.verktoy import oppfolging

    saker = list(oppfolging.eksempelsaker(200, DATO, seed=8, ugyldige=0.01))
    maling = mal(oppfolging.rapport(saker, DATO).html(), tmp_path, BREDDER["mobil"])
    assert maling["utenfor"] == [] and maling["scroll"] <= BREDDER["mobil"]


def test_tallene_i_den_viste_siden(r: TilsynsRapport, tmp_path: Path) -> None:
    fil = tmp_path / "tilsyn.html"
    fil.write_text(r.html(), encoding="utf-8")
    svar = chromium(tmp_path / "profil", "--dump-dom", fil.as_uri())
    assert svar.returncode == 0, svar.stderr[-2000:]
    sjekk_siden(les_tall(svar.stdout), r)


@pytest.mark.parametrize("navn", ["desktop", "mobil"])
def test_skjermbilde_viser_diagrammene(r: TilsynsRapport, tmp_path: Path, navn: str) -> None:
    bredde = BREDDER[navn]
    fil = lag_testside(r.html(), tmp_path, bredde)
    bilde = tmp_path / f"{navn}.png"
    svar = chromium(
        tmp_path / "profil",
        f"--screenshot={bilde}",
        f"--window-size={bredde},{HOYDE}",
        "--virtual-time-budget=10000",
        fil.as_uri(),
    )
    assert svar.returncode == 0 and bilde.exists(), svar.stderr[-2000:]
    b, h, piksler = les_png(bilde.read_bytes())
    assert (b, h) == (bredde, HOYDE)
    farger = {_rgb(f): u for u, f in FARGER.items()}
    funnet = dict.fromkeys(FARGER, 0)
    for p in piksler:
        u = farger.get(p)
        if u:
            funnet[u] += 1
    # Each outcome is drawn (the first screen holds several points' charts).
    assert all(n > 200 for n in funnet.values()), funnet
    if os.environ.get("OPPDATER_SKJERMBILDE"):
        SKJERMBILDER[navn].parent.mkdir(exist_ok=True)
        shutil.copyfile(bilde, SKJERMBILDER[navn])


def _rgb(farge: str) -> tuple[int, int, int]:
    return int(farge[1:3], 16), int(farge[3:5], 16), int(farge[5:7], 16)
