"""The caseload report in a real browser: Debian's chromium, headless, offline.

The page is opened from a file with networking switched off; the DOM chromium renders is read
back (``--dump-dom``) and its numbers compared with the report and with a count made without
the report's code; a screenshot is decoded here (PNG, by hand: no imaging library) to check
that the chart was drawn in the groups' colours.

Skipped when ``chromium`` is not on PATH (``.ci/run`` installs it). To refresh the README's
screenshot: ``OPPDATER_SKJERMBILDE=1 pytest tests/test_oppfolging_nettleser.py``, then look at
``docs/oppfolging-rapport.png``.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from datetime import date
from pathlib import Path

import pytest

from helpers_cli import REPO
from sosialregler.verktoy.oppfolging import FARGER, Rapport, eksempelsaker, rapport
from test_oppfolging_rapport import fra_due, les_tall, sjekk_tallene_paa_siden

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium finnes ikke på PATH (Debian: apt-get install chromium); "
    "rapporten testes da bare uten nettleser",
)

DATO = date(2024, 6, 1)
SKJERMBILDE = REPO / "docs" / "oppfolging-rapport.png"


def chromium(profil: Path, *argumenter: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profil}",
            *argumenter,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


@pytest.fixture(scope="module")
def side(tmp_path_factory: pytest.TempPathFactory) -> tuple[Rapport, list, Path]:
    saker = list(eksempelsaker(300, DATO, seed=8, ugyldige=0.01))
    r = rapport(saker, DATO)
    fil = tmp_path_factory.mktemp("rapport") / "oppfolging.html"
    fil.write_text(r.html(), encoding="utf-8")
    return r, saker, fil


def test_tallene_i_den_viste_siden(side: tuple[Rapport, list, Path], tmp_path: Path) -> None:
    r, saker, fil = side
    svar = chromium(tmp_path / "profil", "--dump-dom", fil.as_uri())
    assert svar.returncode == 0, svar.stderr[-2000:]
    dom = svar.stdout
    assert "<svg" in dom and 'id="per-kode"' in dom
    tall = les_tall(dom)
    sjekk_tallene_paa_siden(tall, r)
    for (kode, gruppe), antall in fra_due(saker, DATO).items():
        assert tall.celler[(kode, gruppe)] == antall


def test_skjermbilde_viser_diagrammet(side: tuple[Rapport, list, Path], tmp_path: Path) -> None:
    r, _, fil = side
    bilde = tmp_path / "rapport.png"
    svar = chromium(
        tmp_path / "profil",
        f"--screenshot={bilde}",
        "--window-size=1200,1500",
        fil.as_uri(),
    )
    assert svar.returncode == 0 and bilde.exists(), svar.stderr[-2000:]
    bredde, hoyde, piksler = les_png(bilde.read_bytes())
    assert (bredde, hoyde) == (1200, 1500)
    farger = {_rgb(FARGER[g]): g for g, n in r.per_gruppe().items() if n}
    funnet = dict.fromkeys(farger.values(), 0)
    for p in piksler:
        g = farger.get(p)
        if g:
            funnet[g] += 1
    # Every group with items has a visible bar segment (at least a few hundred pixels).
    assert all(n > 200 for n in funnet.values()), funnet
    if os.environ.get("OPPDATER_SKJERMBILDE"):
        SKJERMBILDE.parent.mkdir(exist_ok=True)
        shutil.copyfile(bilde, SKJERMBILDE)


def _rgb(farge: str) -> tuple[int, int, int]:
    return int(farge[1:3], 16), int(farge[3:5], 16), int(farge[5:7], 16)


def les_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    bredde = hoyde = kanaler = 0
    while pos < len(data):
        (lengde,) = struct.unpack(">I", data[pos : pos + 4])
        art, innhold = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + lengde]
        if art == b"IHDR":
            bredde, hoyde, dybde, fargetype, _, _, interlace = struct.unpack(">IIBBBBB", innhold)
            assert dybde == 8 and interlace == 0 and fargetype in (2, 6)
            kanaler = 3 if fargetype == 2 else 4
        elif art == b"IDAT":
            idat += innhold
        pos += 12 + lengde
    raa = zlib.decompress(idat)
    rad = bredde * kanaler
    forrige = bytearray(rad)
    piksler: list[tuple[int, int, int]] = []
    for y in range(hoyde):
        start = y * (rad + 1)
        filter_, linje = raa[start], bytearray(raa[start + 1 : start + 1 + rad])
        for i in range(rad):
            a = linje[i - kanaler] if i >= kanaler else 0
            b = forrige[i]
            c = forrige[i - kanaler] if i >= kanaler else 0
            if filter_ == 1:
                linje[i] = (linje[i] + a) & 0xFF
            elif filter_ == 2:
                linje[i] = (linje[i] + b) & 0xFF
            elif filter_ == 3:
                linje[i] = (linje[i] + (a + b) // 2) & 0xFF
            elif filter_ == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                linje[i] = (
                    linje[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)
                ) & 0xFF
        piksler.extend((linje[i], linje[i + 1], linje[i + 2]) for i in range(0, rad, kanaler))
        forrige = linje
    return bredde, hoyde, piksler
