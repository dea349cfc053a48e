"""The decision letters spelled right (hunspell) and printed right (headless Chromium).

Spelling: every rendered nb and nn letter of the examples is checked with Debian's hunspell
dictionaries (package ``hunspell-no``: nb_NO, nn_NO; ``.ci/run`` installs them). Left out: the
caseworker's own words, which the letter quotes verbatim («…»), names (office, caseworker),
numbers, and the reviewed words in ``tests/data/ordliste.txt``. Skipped, with the reason, when
hunspell or a dictionary is missing.

Print: the HTML letter is rendered to PDF and PNG by Debian's ``chromium`` with networking off;
an example letter fits one A4 page. Skipped when chromium is missing (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sosialregler import assess

ROT = Path(__file__).resolve().parent.parent
EKSEMPLER = sorted(p.stem for p in (ROT / "examples").glob("*.json"))
ORDLISTE = Path(__file__).resolve().parent / "data" / "ordliste.txt"
HUNSPELL = shutil.which("hunspell")
CHROMIUM = shutil.which("chromium")
_ORDBOKER = Path("/usr/share/hunspell")


def _tillatte() -> dict[str, set[str]]:
    ut: dict[str, set[str]] = {"nb": set(), "nn": set()}
    for linje in ORDLISTE.read_text(encoding="utf-8").splitlines():
        linje = linje.split("#", 1)[0].strip()
        if linje:
            sprak, ord_ = linje.split()
            ut[sprak].add(ord_.lower())
    return ut


def _strenger(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() if k not in ("id", "sprak") for s in _strenger(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strenger(v)]
    return []


def _ord_i_brevet(navn: str, sprak: str) -> str:
    sak = json.loads((ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8"))
    brev = assess(sak).vedtaksbrev(sprak)
    tekst = "\n".join(_strenger(brev.to_dict())).replace("\u00a0", " ")
    tekst = re.sub(r"«[^»]*»", " ", tekst)  # the caseworker's words, quoted verbatim
    for navn_ in (
        (sak.get("saksbehandler") or {}).get("navn", ""),
        (sak.get("saksbehandler") or {}).get("kontor", ""),
    ):
        if navn_:
            tekst = tekst.replace(navn_, " ")
    return tekst


@pytest.mark.skipif(
    HUNSPELL is None,
    reason="hunspell finnes ikke (Debian: apt-get install "
    "hunspell hunspell-no); stavingen av brevene kontrolleres da ikke",
)
@pytest.mark.parametrize("sprak", ["nb", "nn"])
def test_brevene_er_stavet_riktig(sprak: str) -> None:
    if not (_ORDBOKER / f"{sprak}_NO.dic").exists():
        pytest.skip(f"ordboken {sprak}_NO mangler (Debian: apt-get install hunspell-no)")
    tekst = "\n".join(_ord_i_brevet(navn, sprak) for navn in EKSEMPLER)
    assert HUNSPELL is not None
    svar = subprocess.run(
        [HUNSPELL, "-d", f"{sprak}_NO", "-l"],
        input=tekst,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    ukjente = {o for o in svar.stdout.split() if not o.isdigit()}
    ukjente = {o for o in ukjente if o.lower() not in _tillatte()[sprak]}
    assert not ukjente, f"ukjente ord i {sprak}-brevene: {sorted(ukjente)}"


@pytest.mark.skipif(
    HUNSPELL is None,
    reason="hunspell finnes ikke (Debian: apt-get install "
    "hunspell hunspell-no); stavingen av frasene kontrolleres da ikke",
)
@pytest.mark.parametrize("sprak", ["nb", "nn"])
def test_alle_frasene_er_stavet_riktig(sprak: str) -> None:
    """Every phrase the letter can use, not only those the examples reach."""
    if not (_ORDBOKER / f"{sprak}_NO.dic").exists():
        pytest.skip(f"ordboken {sprak}_NO mangler (Debian: apt-get install hunspell-no)")
    from sosialregler.utdata.vedtaksbrev import tekster

    tabeller = (tekster.SETNINGER, tekster.TYPER, tekster.RADER, tekster.FELT, tekster.OMRADER)
    tekst = "\n".join(
        re.sub(r"\{[^}]*\}", " ", v) for t in (*tabeller, tekster.LOV) for v in t[sprak].values()
    )
    assert HUNSPELL is not None
    svar = subprocess.run(
        [HUNSPELL, "-d", f"{sprak}_NO", "-l"],
        input=tekst,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    ukjente = {o for o in svar.stdout.split() if o.lower() not in _tillatte()[sprak]}
    assert not ukjente, f"ukjente ord i {sprak}-frasene: {sorted(ukjente)}"


def test_ordlisten_er_kort_og_begrunnet() -> None:
    linjer = [
        linje
        for linje in ORDLISTE.read_text(encoding="utf-8").splitlines()
        if linje.strip() and not linje.startswith("#")
    ]
    assert len(linjer) <= 30
    assert all("#" in linje and linje.split("#", 1)[1].strip() for linje in linjer)


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium finnes ikke på PATH (Debian: apt-get install chromium); "
    "utskriften av brevet testes da ikke",
)
@pytest.mark.parametrize(("navn", "sprak"), [("familie", "nn"), ("kvp", "nb"), ("enslig", "en")])
def test_brevet_skrives_ut_pa_en_a4_side(tmp_path: Path, navn: str, sprak: str) -> None:
    sak = (ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8")
    side = tmp_path / "brev.html"
    side.write_text(assess(sak).vedtaksbrev(sprak).html(), encoding="utf-8")
    pdf, png = tmp_path / "brev.pdf", tmp_path / "brev.png"
    for argument in (f"--print-to-pdf={pdf}", f"--screenshot={png}"):
        assert CHROMIUM is not None
        svar = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                "--window-size=794,1123",
                f"--user-data-dir={tmp_path / 'profil'}",
                argument,
                side.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert svar.returncode == 0, svar.stderr[-2000:]
    innhold = pdf.read_bytes()
    assert innhold.startswith(b"%PDF")
    sider = len(re.findall(rb"/Type\s*/Page[^s]", innhold))
    assert sider == 1, f"{navn}.{sprak}: {sider} sider"
    assert png.read_bytes().startswith(b"\x89PNG")
    # A4 in points is 595 x 842: the page box chromium wrote
    assert re.search(rb"/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12]", innhold)
