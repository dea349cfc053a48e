"""The supervision report over a caseload (``sosialregler.verktoy.tilsyn.rapport``).

Its numbers are checked over a generated caseload of 1 000 cases against two counts made here
without the report's code: one case by case through the single-case path
(``tilsyn.malepunkter_for``, no batch, no aggregation), for every point; and one straight from
the cases' facts, for the points whose law is read from facts alone (families' follow-up, advice
without a decision, prevention, § 19). Then every output — JSON, CSV, text, HTML — must show the
same numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest

from helpers_cli import kjor
from sosialregler.verktoy.tilsyn import last, malepunkter_for
from sosialregler.verktoy.tilsyn.rapport import TilsynsRapport, eksempelsaker, rapport
from sosialregler.verktoy.tilsyn.regler import UTFALL

DATO = date(2024, 6, 1)
ANTALL = 1000
SIGNALER = (
    "husleierestanse",
    "stromrestanse",
    "inkasso",
    "betalingsanmerkninger",
    "forbruksgjeld",
    "utkastelsesvarsel",
)


@pytest.fixture(scope="module")
def saker() -> list[dict[str, Any]]:
    return list(eksempelsaker(ANTALL, DATO, seed=11, ugyldige=0.01))


@pytest.fixture(scope="module")
def r(saker: list[dict[str, Any]]) -> TilsynsRapport:
    return rapport(saker, DATO)


def gyldig(sak: dict[str, Any]) -> bool:
    return "-02-30" not in sak["personer"][0]["fodselsdato"]


# --- counts made without the report --------------------------------------------------------------


def sak_for_sak(saker: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    telling: dict[str, Counter[str]] = {}
    for sak in saker:
        if not gyldig(sak):
            continue
        for f in malepunkter_for(sak, DATO):
            telling.setdefault(f.malepunkt, Counter())[f.utfall] += 1
    return telling


def familie(sak: dict[str, Any]) -> str:
    """Point 1 as H6/2024 ch. 5 words it: conversations, cooperation or a § 17 decision."""
    if not any(p["rolle"] == "barn" for p in sak["personer"]):
        return "ikke_relevant"
    radgivning = sak.get("radgivning")
    if (
        sak.get("oppfolgingssamtaler")
        or sak.get("samarbeid")
        or any(r["vedtak_fattet"] for r in radgivning or [])
    ):
        return "oppfylt"
    if any(k not in sak for k in ("oppfolgingssamtaler", "samarbeid", "radgivning")):
        return "uavklart"
    return "brudd"


def radgivning(sak: dict[str, Any]) -> str:
    """Point 2: advice beyond general guidance without a decision."""
    if "radgivning" not in sak:
        return "uavklart"
    individuelle = [r for r in sak["radgivning"] if r["type"] != "generell_veiledning"]
    if not individuelle:
        return "ikke_relevant"
    return "brudd" if any(r["vedtak_fattet"] is False for r in individuelle) else "oppfylt"


def forebygging(sak: dict[str, Any]) -> str:
    """Point 3: signs of debt → economic or debt advice under a decision (or declined)."""
    gs = sak.get("gjeldssignaler")
    if gs is None:
        return "uavklart"
    if not any(gs.get(s) is True for s in SIGNALER):
        return "uavklart" if any(s not in gs for s in SIGNALER) else "ikke_relevant"
    avslatt = gs.get("radgivning_avslatt") is True
    if "radgivning" not in sak:
        return "oppfylt" if avslatt else "uavklart"
    okonomiske = [
        r for r in sak["radgivning"] if r["type"] in ("okonomisk_radgivning", "gjeldsradgivning")
    ]
    if any(r["vedtak_fattet"] for r in okonomiske) or avslatt:
        return "oppfylt"
    return "brudd"


def paragraf_19(sak: dict[str, Any]) -> str:
    """Point 6: special needs shown → § 19 considered."""
    v18 = sak.get("vurdering_18", {})
    if v18.get("saerlige_behov") is not True:
        return "uavklart" if "saerlige_behov" not in v18 else "ikke_relevant"
    if "vurdert_etter_19" not in v18:
        return "uavklart"
    return "oppfylt" if v18["vurdert_etter_19"] else "brudd"


FRA_FAKTA = {
    "familie-oppfolging": familie,
    "radgivning-vedtak": radgivning,
    "forebygging-gjeld": forebygging,
    "saerlige-tilfeller": paragraf_19,
}


# --- the numbers ---------------------------------------------------------------------------------


def test_tallene_stemmer_med_sak_for_sak(saker: list[dict[str, Any]], r: TilsynsRapport) -> None:
    assert r.antall_saker == ANTALL
    assert len(r.avviste) == sum(1 for s in saker if not gyldig(s))
    assert r.antall_vurdert == ANTALL - len(r.avviste) >= 980
    uavhengig = sak_for_sak(saker)
    telling = r.telling()
    for punkt, t in telling.items():
        assert t == {u: uavhengig[punkt][u] for u in UTFALL}, punkt
        assert sum(t.values()) == r.antall_vurdert


def test_tallene_stemmer_med_fakta(saker: list[dict[str, Any]], r: TilsynsRapport) -> None:
    telling = r.telling()
    for punkt, lov in FRA_FAKTA.items():
        fra_fakta = Counter(lov(s) for s in saker if gyldig(s))
        assert telling[punkt] == {u: fra_fakta[u] for u in UTFALL}, punkt


def test_hvert_punkt_har_hvert_utfall_i_det_genererte_utvalget(r: TilsynsRapport) -> None:
    """The generated caseload is a fair test: every point meets breach, met and unresolved."""
    for punkt, t in r.telling().items():
        assert t["brudd"] and t["oppfylt"] and t["uavklart"], (punkt, t)


def test_json_har_formen_fra_saken(r: TilsynsRapport) -> None:
    data = json.loads(r.to_json())
    assert data["antall_vurdert"] == r.antall_vurdert
    telling = r.telling()
    for p in data["malepunkter"]:
        assert {"id", "tittel", "hjemmel", "relevante", "brudd", "uavklart", "saker"} <= set(p)
        t = telling[p["id"]]
        assert p["relevante"] == t["oppfylt"] + t["brudd"] + t["uavklart"] == len(p["saker"])
        assert p["relevante"] + p["ikke_relevant"] == r.antall_vurdert
        assert p["brudd"] == sum(1 for s in p["saker"] if s["utfall"] == "brudd")
        assert p["andel_brudd"] == round(p["brudd"] / p["relevante"], 4)
        for s in p["saker"]:
            assert (s["utfall"] == "uavklart") == bool(s["mangler"])
    etter = data["saker_etter_brudd"]
    assert len(etter) == sum(1 for s in r.saker if s.antall_brudd)
    assert [s["antall_brudd"] for s in etter] == sorted(
        (s["antall_brudd"] for s in etter), reverse=True
    )
    assert sum(s["antall_brudd"] for s in etter) == sum(t["brudd"] for t in telling.values())
    assert data["avviste"][0]["feil"][0]["felt"] == "personer[0].fodselsdato"


def test_csv_har_en_rad_per_sak_og_punkt_som_gjelder(r: TilsynsRapport) -> None:
    rader = list(csv.DictReader(io.StringIO(r.csv())))
    telling = r.telling()
    assert len(rader) == sum(t["oppfylt"] + t["brudd"] + t["uavklart"] for t in telling.values())
    per = Counter((rad["malepunkt"], rad["utfall"]) for rad in rader)
    for punkt, t in telling.items():
        for u in ("oppfylt", "brudd", "uavklart"):
            assert per[(punkt, u)] == t[u]
    assert all(rad["mangler"] for rad in rader if rad["utfall"] == "uavklart")


class Tall(HTMLParser):
    """The numbers the page shows, by their data attributes: spans, cells, chart segments."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: dict[tuple[str, str], int] = {}
        self.celler: dict[tuple[str, str], int] = {}
        self.segmenter: dict[tuple[str, str], int] = {}
        self.ider: dict[str, int] = {}
        self.ekstern: list[str] = []
        self._apen: tuple[dict[Any, int], Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for navn in ("src", "href"):
            if a.get(navn):
                self.ekstern.append(f"{tag} {navn}={a[navn]}")
        if tag in ("script", "link", "iframe", "img"):
            self.ekstern.append(tag)
        if tag == "rect" and a.get("class") == "segment":
            self.segmenter[(a["data-malepunkt"], a["data-utfall"])] = int(a["data-antall"] or 0)
        elif a.get("data-felt") and tag in ("span", "td"):
            mal = self.spans if tag == "span" else self.celler
            self._apen = (mal, (a["data-malepunkt"], a["data-felt"]))
        elif tag == "span" and a.get("id"):
            self._apen = (self.ider, a["id"])

    def handle_data(self, data: str) -> None:
        if self._apen and data.strip():
            mal, nokkel = self._apen
            mal[nokkel] = int(re.sub(r"\D", "", data))
            self._apen = None


def les_tall(side: str) -> Tall:
    tall = Tall()
    tall.feed(side)
    return tall


def sjekk_siden(tall: Tall, r: TilsynsRapport) -> None:
    telling = r.telling()
    for punkt, t in telling.items():
        relevante = t["oppfylt"] + t["brudd"] + t["uavklart"]
        assert tall.spans[(punkt, "relevante")] == relevante
        assert tall.celler[(punkt, "relevante")] == relevante
        for u in UTFALL:
            assert tall.celler[(punkt, u)] == t[u]
        for u in ("brudd", "uavklart"):
            assert tall.spans[(punkt, u)] == t[u]
        for u in ("oppfylt", "brudd", "uavklart"):
            assert tall.segmenter.get((punkt, u), 0) == t[u]
    assert tall.ider == {
        "antall-saker": r.antall_saker,
        "antall-vurdert": r.antall_vurdert,
        "antall-saker-med-brudd": len(r.med_brudd()),
        "antall-brudd": sum(t["brudd"] for t in telling.values()),
        "antall-uavklart": sum(t["uavklart"] for t in telling.values()),
        "antall-avvist": len(r.avviste),
    }


def test_html_viser_tallene_og_er_selvstendig(r: TilsynsRapport) -> None:
    side = r.html()
    tall = les_tall(side)
    sjekk_siden(tall, r)
    assert tall.ekstern == []
    assert re.findall(r"https?://[^\s\"'<>]+", side) == ["http://www.w3.org/2000/svg"] * len(
        last().punkter
    )
    assert side.count('<tr data-nr="') == len(r.med_brudd())
    # One chart per point, the legal basis shown, the unverified point marked.
    assert side.count('<svg xmlns="http://www.w3.org/2000/svg"') == 10
    assert "sosialtjenesteloven § 28" in side
    assert "Revisjonspunkt, ikke bekreftet som lovkrav" in side


def test_html_pa_nynorsk_og_begrenset_liste(r: TilsynsRapport) -> None:
    side = r.html("nn", maks_saker=5)
    assert '<html lang="nn">' in side
    assert "Saker med flest brot" in side and "sosialtenestelova § 28" in side
    assert side.count('<tr data-nr="') == 5
    sjekk_siden(les_tall(side), r)


def test_samme_tall_med_flere_prosesser(saker: list[dict[str, Any]]) -> None:
    en = rapport(saker[:300], DATO)
    to = rapport(saker[:300], DATO, processes=2, chunk_size=50)
    assert en.telling() == to.telling()
    assert [s.funn for s in en.saker] == [s.funn for s in to.saker]


def test_tom_rapport() -> None:
    tom = rapport([], DATO)
    assert tom.antall_saker == 0
    assert all(sum(t.values()) == 0 for t in tom.telling().values())
    side = tom.html()
    assert "Ingen saker med brudd." in side
    sjekk_siden(les_tall(side), tom)
    assert "0 saker" in tom.tekst()


def test_eksempelsakene_er_like_for_samme_fro() -> None:
    a = list(eksempelsaker(30, DATO, seed=4))
    assert a == list(eksempelsaker(30, DATO, seed=4))
    assert a != list(eksempelsaker(30, DATO, seed=5))


def test_cli_rapport(saker: list[dict[str, Any]], tmp_path: Any) -> None:
    fil = tmp_path / "saker.jsonl"
    fil.write_text(
        "\n".join(json.dumps(s, ensure_ascii=False) for s in saker[:120]) + "\n", encoding="utf-8"
    )
    ut = kjor(
        "tilsyn",
        fil,
        "--dato",
        DATO.isoformat(),
        "--html",
        tmp_path / "r.html",
        "--csv",
        tmp_path / "r.csv",
        "--json",
        tmp_path / "r.json",
        "--sprak",
        "nn",
    )
    assert ut.kode == 0, ut.feil
    assert "Tilsyn per 01.06.2024" in ut.ut and "Del brot" in ut.ut
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["antall_saker"] == 120
    assert data["malepunkter"][0]["tittel"] == "Barnefamiliar får oppfølging"
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("nr,sak_id,malepunkt")
