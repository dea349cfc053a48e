"""The self-service estimate in a real browser against a real server.

A uvicorn server on a free local port serves a Starlette app of ``ruter()``; Debian's chromium,
headless, driven by chromedriver through selenium, fills in the form and submits it as a
person would. Checked: the estimate on the page equals the library's amount for the case;
keyboard-only use (Tab to each field, Enter to submit, focus visible); axe-core finds no
serious or critical violation in any language, in the empty, error and estimate states; no
sideways scrolling at phone width. Screenshots at 1280 and 375 px wide: written to docs/ with
``OPPDATER_SKJERMBILDE=1 pytest tests/test_selvbetjening_nettleser.py`` (the README shows them).

axe-core (tests/data/axe-core/axe.min.js, MPL-2.0, its LICENSE beside it) is injected by the
test, not served by the page. Skipped, with the reason, when chromium, chromedriver or selenium
is missing (``.ci/run`` installs chromium and chromium-driver).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import REPO

pytest.importorskip("starlette", reason="tilleggspakken «tjeneste» er ikke installert")
pytest.importorskip("uvicorn", reason="tilleggspakken «tjeneste» er ikke installert")
pytest.importorskip("selenium", reason="selenium er ikke installert (pip install '.[test]')")

import uvicorn
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait
from starlette.applications import Starlette

import sosialregler
from sosialregler.lov.sprak import SPRAK
from sosialregler.verktoy.tjeneste.selvbetjening import ruter
from sosialregler.verktoy.tjeneste.selvbetjening.skjema import Skjema, les_skjema, til_sak
from sosialregler.verktoy.tjeneste.selvbetjening.tekster import TEKSTER

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="chromium eller chromedriver finnes ikke på PATH (Debian: apt-get install chromium "
    "chromium-driver); selvbetjeningssiden testes da bare uten nettleser",
)

DATO = date(2026, 12, 4)
AXE = REPO / "tests" / "data" / "axe-core" / "axe.min.js"
DOCS = REPO / "docs"

#: The form a person fills in: (field id, what they type); radios by the id of the choice.
FAMILIE_VALG = ("husstand-ektefelle",)
FAMILIE_TEKST = (
    ("alder", "34"),
    ("partner_alder", "33"),
    ("barn_alder", "3, 9"),
    ("inntekt_arbeidsinntekt", "12 000"),
    ("husstand_barnetrygd", "3000"),
    ("bo_husleie", "11000"),
    ("bo_strom", "900"),
    ("sparepenger", "2000"),
)


def bibliotekets_belop(felter: dict[str, str]) -> str:
    """The library's own § 18 amount for the case the form becomes, as the page writes it."""
    skjema = les_skjema(felter)
    assert isinstance(skjema, Skjema)
    vurdering = sosialregler.assess(til_sak(skjema, DATO))
    belop = vurdering.vedtak["livsopphold"].utdata["belop_per_maned"]
    return "" if belop is None else str(belop)


FAMILIE_FELTER = {"husstand": "ektefelle", **dict(FAMILIE_TEKST)}


def ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def tjener() -> Iterator[str]:
    """A real uvicorn server with the page's routes, on a free local port, for this module."""
    app = Starlette(routes=ruter(idag=lambda: DATO))
    port = ledig_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    trad = threading.Thread(target=server.run, daemon=True)
    trad.start()
    frist = time.monotonic() + 30
    while not server.started:
        assert trad.is_alive() and time.monotonic() < frist, "uvicorn startet ikke"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    trad.join(timeout=10)


@pytest.fixture(scope="module")
def nettleser() -> Iterator[WebDriver]:
    valg = webdriver.ChromeOptions()
    assert CHROMIUM is not None and CHROMEDRIVER is not None
    valg.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1280,1000",
    ):
        valg.add_argument(arg)
    try:
        driver = webdriver.Chrome(options=valg, service=webdriver.ChromeService(CHROMEDRIVER))
    except WebDriverException as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"chromedriver startet ikke: {exc.msg}")
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def bredde(driver: WebDriver, px: int, hoyde: int = 1000) -> None:
    """The viewport as a device of that width (a phone: mobile, touch-sized)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": px, "height": hoyde, "deviceScaleFactor": 1, "mobile": px < 600},
    )


def fyll_ut(driver: WebDriver, valg: tuple[str, ...], tekst: tuple[tuple[str, str], ...]) -> None:
    for ident in valg:
        driver.find_element(By.CSS_SELECTOR, f'label[for="{ident}"]').click()
    for ident, verdi in tekst:
        felt = driver.find_element(By.ID, ident)
        felt.clear()
        felt.send_keys(verdi)


def vent_paa_ny_side(driver: WebDriver, gammel: WebElement) -> None:
    """Wait until the page that was there is gone and the answer has loaded."""

    def borte(_: WebDriver) -> bool:
        try:
            gammel.is_enabled()
        except WebDriverException:  # stale, or «node does not belong to the document»
            return True
        return False

    WebDriverWait(driver, 30).until(borte)
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def send_inn(driver: WebDriver) -> None:
    gammel = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form.skjema button.knapp").click()
    vent_paa_ny_side(driver, gammel)


def aktiv_id(driver: WebDriver) -> str:
    return str(driver.switch_to.active_element.get_attribute("id") or "")


def axe(driver: WebDriver) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (every rule axe runs by default)."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    resultat = driver.execute_async_script(
        "const ferdig = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => ferdig(JSON.stringify(r.violations)))"
        ".catch(e => ferdig(JSON.stringify([{id: 'axe-feil', impact: 'critical',"
        " help: String(e), nodes: []}])));"
    )
    return list(json.loads(resultat))


def alvorlige(brudd: list[dict[str, Any]]) -> list[str]:
    return [
        f"{b['id']} ({b['impact']}): {b['help']} – "
        + "; ".join(n.get("target", [""])[0] for n in b["nodes"][:3])
        for b in brudd
        if b.get("impact") in ("serious", "critical")
    ]


def test_fyll_ut_send_og_les_anslaget(tjener: str, nettleser: WebDriver) -> None:
    bredde(nettleser, 1280)
    nettleser.get(tjener)
    assert nettleser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nb"
    # what a screen reader names the fields: the label, the unit with an amount
    assert nettleser.find_element(By.ID, "bo_husleie").accessible_name == "Husleie (kroner)"
    assert nettleser.find_element(By.ID, "alder").accessible_name == "Alderen din (år)"
    fyll_ut(nettleser, FAMILIE_VALG, FAMILIE_TEKST)
    send_inn(nettleser)
    belop = nettleser.find_element(By.ID, "anslag-belop")
    ventet = bibliotekets_belop(FAMILIE_FELTER)
    assert ventet and int(ventet) > 0
    assert belop.get_attribute("data-belop") == ventet
    assert belop.text.replace("\u00a0", " ") == f"{int(ventet):,} kroner".replace(",", " ")
    lenke = nettleser.find_element(By.ID, "sok")
    assert lenke.get_attribute("href") == "https://www.nav.no/okonomisk-sosialhjelp"
    # the answers are kept in the form below the estimate, to change and send again
    assert nettleser.find_element(By.ID, "bo_husleie").get_attribute("value") == "11000"


def test_bare_tastatur(tjener: str, nettleser: WebDriver) -> None:
    """Tab reaches every field in order, arrows choose, Enter submits; focus is visible."""
    bredde(nettleser, 1280)
    nettleser.get(tjener + "?sprak=nn")
    kropp = nettleser.find_element(By.TAG_NAME, "body")
    kropp.click()
    rekkefolge = []
    for _ in range(40):
        nettleser.switch_to.active_element.send_keys(Keys.TAB)
        rekkefolge.append(aktiv_id(nettleser))
        if rekkefolge[-1] == "husstand-alene":
            break
    assert rekkefolge[-1] == "husstand-alene", rekkefolge
    aktiv = nettleser.switch_to.active_element
    stil = nettleser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];",
        aktiv,
    )
    assert stil[0] != "none" and stil[1] != "0px", stil  # focus is visible
    aktiv.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)  # alene → bufellesskap → ektefelle
    assert aktiv_id(nettleser) == "husstand-ektefelle"
    aktiv = nettleser.switch_to.active_element
    aktiv.send_keys(Keys.TAB)  # into the next group (nothing chosen: its first choice)
    assert aktiv_id(nettleser) == "felles_okonomi-ja"
    nettleser.switch_to.active_element.send_keys(Keys.TAB)
    for ident, verdi in FAMILIE_TEKST:
        for _ in range(12):  # the fields between them are passed with Tab
            if aktiv_id(nettleser) == ident:
                break
            nettleser.switch_to.active_element.send_keys(Keys.TAB)
        assert aktiv_id(nettleser) == ident
        nettleser.switch_to.active_element.send_keys(verdi)
    gammel = nettleser.find_element(By.TAG_NAME, "html")
    nettleser.switch_to.active_element.send_keys(Keys.ENTER)
    vent_paa_ny_side(nettleser, gammel)
    belop = nettleser.find_element(By.ID, "anslag-belop")
    assert belop.get_attribute("data-belop") == bibliotekets_belop(FAMILIE_FELTER)
    assert nettleser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nn"
    assert aktiv_id(nettleser) == "resultat-tittel"  # the estimate takes focus


def test_sprakbytte_beholder_svarene_og_anslaget(tjener: str, nettleser: WebDriver) -> None:
    """Fill in, send, switch to nynorsk: the same answers and the estimate, now in nynorsk.

    The language choice on a page with answers is a button of the form (POST, no script);
    before, it was a link that opened an empty form. Enter in a field afterwards still sends
    the form in the page's language (not by the first language button).
    """
    bredde(nettleser, 1280)
    nettleser.get(tjener)
    fyll_ut(nettleser, FAMILIE_VALG, FAMILIE_TEKST)
    send_inn(nettleser)
    ventet = bibliotekets_belop(FAMILIE_FELTER)
    knapp = nettleser.find_element(By.CSS_SELECTOR, 'nav button[lang="nn"]')
    assert knapp.accessible_name == "Nynorsk" and knapp.tag_name == "button"
    gammel = nettleser.find_element(By.TAG_NAME, "html")
    knapp.click()
    vent_paa_ny_side(nettleser, gammel)
    assert nettleser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nn"
    assert nettleser.find_element(By.ID, "resultat-tittel").text == TEKSTER["nn"]["resultat"]
    belop = nettleser.find_element(By.ID, "anslag-belop")
    assert belop.get_attribute("data-belop") == ventet
    assert belop.text.replace("\u00a0", " ") == f"{int(ventet):,} kroner".replace(",", " ")
    for ident, verdi in FAMILIE_TEKST:
        assert nettleser.find_element(By.ID, ident).get_attribute("value") == verdi, ident
    assert nettleser.find_element(By.ID, FAMILIE_VALG[0]).is_selected()
    assert "nynorsk" not in nettleser.current_url.lower() and "11000" not in nettleser.current_url
    # by keyboard: Tab reaches the language buttons; Enter in a field keeps nynorsk
    nettleser.find_element(By.ID, "bo_husleie").send_keys(Keys.END, "0")  # 110000
    gammel = nettleser.find_element(By.TAG_NAME, "html")
    nettleser.switch_to.active_element.send_keys(Keys.ENTER)
    vent_paa_ny_side(nettleser, gammel)
    assert nettleser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nn"
    assert nettleser.find_element(By.ID, "bo_husleie").get_attribute("value") == "110000"
    gammel = nettleser.find_element(By.TAG_NAME, "html")
    knapp = nettleser.find_element(By.CSS_SELECTOR, 'nav button[lang="en"]')
    knapp.send_keys(Keys.ENTER)  # a button is reached and used by keyboard
    vent_paa_ny_side(nettleser, gammel)
    assert nettleser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert nettleser.find_element(By.ID, "bo_husleie").get_attribute("value") == "110000"


def test_feil_viser_oppsummering_med_lenker_til_feltene(tjener: str, nettleser: WebDriver) -> None:
    bredde(nettleser, 1280)
    nettleser.get(tjener + "?sprak=en")
    fyll_ut(nettleser, (), (("alder", "tretti"), ("bo_husleie", "-5")))
    send_inn(nettleser)
    oppsummering = nettleser.find_element(By.CLASS_NAME, "feiloppsummering")
    assert aktiv_id(nettleser) == "" and nettleser.switch_to.active_element == oppsummering
    lenker = oppsummering.find_elements(By.TAG_NAME, "a")
    assert [a.get_attribute("hash") for a in lenker] == ["#husstand-alene", "#alder", "#bo_husleie"]
    lenker[1].send_keys(Keys.ENTER)
    felt = nettleser.find_element(By.ID, "alder")
    assert nettleser.switch_to.active_element == felt
    beskrevet = (felt.get_attribute("aria-describedby") or "").split()
    assert "alder-feil" in beskrevet
    assert TEKSTER["en"]["alder"] in nettleser.find_element(By.ID, "alder-feil").text
    assert nettleser.title.startswith(TEKSTER["en"]["feil_sidetittel"])


def test_axe_ser_et_brudd(nettleser: WebDriver) -> None:
    """The check can fail: a field without a label and grey on grey are found, as serious."""
    nettleser.get(
        "data:text/html;charset=utf-8,<!DOCTYPE html><html lang='nb'><head><title>x</title>"
        "</head><body><main><input type='text'><p style='color:%23aaa;background:%23bbb'>"
        "Lite kontrast</p></main></body></html>"
    )
    funn = " ".join(alvorlige(axe(nettleser)))
    assert "label" in funn and "color-contrast" in funn


@pytest.mark.parametrize("sprak", SPRAK)
def test_axe_finner_ingen_alvorlige_brudd(tjener: str, nettleser: WebDriver, sprak: str) -> None:
    bredde(nettleser, 1280)
    funn = {}
    nettleser.get(f"{tjener}?sprak={sprak}")
    funn["tom"] = alvorlige(axe(nettleser))
    fyll_ut(nettleser, (), (("alder", "x"), ("barn_alder", "40"), ("partner_annen", "5")))
    send_inn(nettleser)
    assert nettleser.find_elements(By.CLASS_NAME, "feiloppsummering")
    funn["feil"] = alvorlige(axe(nettleser))
    nettleser.get(f"{tjener}?sprak={sprak}")
    fyll_ut(nettleser, FAMILIE_VALG, FAMILIE_TEKST)
    send_inn(nettleser)
    assert nettleser.find_elements(By.ID, "anslag-belop")
    funn["anslag"] = alvorlige(axe(nettleser))
    gammel = nettleser.find_element(By.TAG_NAME, "html")
    annet = next(s for s in SPRAK if s != sprak)
    nettleser.find_element(By.CSS_SELECTOR, f'nav button[lang="{annet}"]').click()
    vent_paa_ny_side(nettleser, gammel)
    assert nettleser.find_elements(By.ID, "anslag-belop")
    funn["bytta"] = alvorlige(axe(nettleser))
    assert funn == {"tom": [], "feil": [], "anslag": [], "bytta": []}


@pytest.mark.parametrize("px", [375, 320])
def test_ingen_sidelengs_rulling_paa_telefon(tjener: str, nettleser: WebDriver, px: int) -> None:
    """WCAG 1.4.10 (reflow): at 320 CSS px nothing lies outside the page."""
    bredde(nettleser, px)
    nettleser.get(tjener)
    fyll_ut(nettleser, FAMILIE_VALG, FAMILIE_TEKST)
    send_inn(nettleser)
    bredder = nettleser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];"
    )
    assert bredder[0] <= bredder[1], bredder


@pytest.mark.parametrize(
    ("navn", "px", "hoyde"),
    [("desktop", 1280, 1500), ("telefon", 375, 1700), ("feil-telefon", 375, 1300)],
)
def test_skjermbilder(
    tjener: str, nettleser: WebDriver, tmp_path: Path, navn: str, px: int, hoyde: int
) -> None:
    """The estimate (and a form with errors) as a person sees it; written to docs/ when asked."""
    bredde(nettleser, px, hoyde)
    nettleser.get(tjener)
    if navn.startswith("feil"):
        fyll_ut(nettleser, (), (("alder", "tretti"), ("barn_alder", "4, 19")))
    else:
        fyll_ut(nettleser, FAMILIE_VALG, FAMILIE_TEKST)
    send_inn(nettleser)
    nettleser.execute_script("window.scrollTo(0, 0); document.activeElement.blur();")
    fil = tmp_path / f"selvbetjening-{navn}.png"
    assert nettleser.get_screenshot_as_file(str(fil))
    innhold = fil.read_bytes()
    assert innhold.startswith(b"\x89PNG") and len(innhold) > 10_000
    if os.environ.get("OPPDATER_SKJERMBILDE"):
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(fil, DOCS / f"selvbetjening-{navn}.png")
