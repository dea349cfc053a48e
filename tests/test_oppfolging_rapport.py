"""The caseload report (``sosialregler.verktoy.oppfolging``, ``sosialregler oppfolging``).

The report's totals are checked against two counts made here without the report's code:
one straight from the generated cases' facts, for the kinds whose law is a date comparison
(a condition's follow-up date, advice without a decision, a stay's three months, the programme's
end, an applicant under 30 without an activity condition); and one from ``sosialregler.due``
case by case, for every kind. The 10 000-case run is marked ``slow`` (``pytest -m slow``).
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
import time
from collections import Counter
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import kjor
from sosialregler import UgyldigSak, due
from sosialregler.verktoy.oppfolging import (
    FORFALTE_GRUPPER,
    GRUPPENOKLER,
    KODENAVN,
    Rapport,
    eksempelsaker,
    gruppe,
    rapport,
)
from tekstlekk import lekkasjer

DATO = date(2024, 6, 1)
ENKLE = {
    "VILKAR_OPPFOLGING_FORFALT",
    "RADGIVNING_UTEN_VEDTAK",
    "BOTILBUD_OVER_TRE_MANEDER",
    "BOTILBUD_NAERMER_SEG_TRE_MANEDER",
    "KVP_PROGRAM_SLUTTER",
    "AKTIVITETSVILKAR_MANGLER",
}


def tre_maneder_etter(fra: date) -> date:
    """The same day three months later, or that month's last day (written out here)."""
    ar, maned = (fra.year, fra.month + 3) if fra.month <= 9 else (fra.year + 1, fra.month - 9)
    return date(ar, maned, min(fra.day, calendar.monthrange(ar, maned)[1]))


def alder(fodt: date, dag: date) -> int:
    return dag.year - fodt.year - ((dag.month, dag.day) < (fodt.month, fodt.day))


def fra_fakta(saker: list[dict[str, Any]], on: date) -> Counter[tuple[str, str]]:
    """The simple kinds, counted from the cases' facts alone (the law as date comparisons)."""
    telling: Counter[tuple[str, str]] = Counter()

    def tell(kode: str, forfall: date) -> None:
        telling[(kode, gruppe((on - forfall).days))] += 1

    for sak in saker:
        if "-02-30" in sak["personer"][0]["fodselsdato"]:
            continue  # rejected
        for v in sak.get("vilkar", []):
            if date.fromisoformat(v["oppfolgingsdato"]) <= on:
                tell("VILKAR_OPPFOLGING_FORFALT", date.fromisoformat(v["oppfolgingsdato"]))
        for r in sak.get("radgivning", []):
            if r["type"] != "generell_veiledning" and r["vedtak_fattet"] is False:
                tell("RADGIVNING_UTEN_VEDTAK", date.fromisoformat(r["dato"]))
        for b in sak.get("botilbud", []):
            if b.get("til") is None and date.fromisoformat(b["fra"]) <= on:
                grense = tre_maneder_etter(date.fromisoformat(b["fra"]))
                if on > grense:
                    tell("BOTILBUD_OVER_TRE_MANEDER", grense)
                elif (grense - on).days <= 14:
                    tell("BOTILBUD_NAERMER_SEG_TRE_MANEDER", grense)
        kvp = sak.get("kvp")
        i_program = False
        if kvp:
            slutt = date.fromisoformat(kvp.get("forlenget_til") or kvp["program_slutt"])
            if on <= slutt <= on + timedelta(days=60):
                tell("KVP_PROGRAM_SLUTTER", slutt)
            # a running programme is the applicant's activity (§ 20 a; issue 14 point 10)
            start = kvp.get("program_start")
            i_program = (
                kvp["person"] == sak["personer"][0]["id"]
                and start is not None
                and date.fromisoformat(start) <= on <= slutt
            )
        fodt = date.fromisoformat(sak["personer"][0]["fodselsdato"])
        if alder(fodt, on) < 30 and not sak["aktivitetsplikt"]["vilkar_satt"] and not i_program:
            tell("AKTIVITETSVILKAR_MANGLER", date.fromisoformat(sak["vurderingsdato"]))
    return telling


def fra_due(saker: list[dict[str, Any]], on: date) -> Counter[tuple[str, str]]:
    """Every kind, counted case by case with the public ``due``."""
    telling: Counter[tuple[str, str]] = Counter()
    for sak in saker:
        try:
            frister = due(sak, on=on)
        except UgyldigSak:
            continue
        for f in frister:
            telling[(f.kode, gruppe((on - f.forfall).days))] += 1
    return telling


def rapportens(r: Rapport) -> Counter[tuple[str, str]]:
    return Counter(
        {(k, g): n for k, grupper in r.per_kode().items() for g, n in grupper.items() if n}
    )


@pytest.fixture(scope="module")
def saker() -> list[dict[str, Any]]:
    return list(eksempelsaker(300, DATO, seed=8, ugyldige=0.01))


@pytest.fixture(scope="module")
def r(saker: list[dict[str, Any]]) -> Rapport:
    return rapport(saker, DATO)


# --- totals ---------------------------------------------------------------------------------------


def test_totalene_er_lik_en_telling_fra_fakta(saker: list[dict[str, Any]], r: Rapport) -> None:
    egen = fra_fakta(saker, DATO)
    rapportert = Counter({k: n for k, n in rapportens(r).items() if k[0] in ENKLE})
    assert rapportert == egen
    assert {k for k, _ in egen} == ENKLE, "the sample should have every simple kind"


def test_totalene_er_lik_en_telling_med_due(saker: list[dict[str, Any]], r: Rapport) -> None:
    telling = fra_due(saker, DATO)
    assert rapportens(r) == telling
    assert r.antall_frister == sum(telling.values())
    assert r.per_gruppe() == {
        g: sum(n for (_, gg), n in telling.items() if gg == g) for g in GRUPPENOKLER
    }
    assert r.antall_forfalt == sum(
        1 for s in saker if not _avvist(s) for f in due(s, on=DATO) if f.forfalt
    )


def _avvist(sak: dict[str, Any]) -> bool:
    return "-02-30" in sak["personer"][0]["fodselsdato"]


def test_saker_og_avviste(saker: list[dict[str, Any]], r: Rapport) -> None:
    avviste = [i for i, s in enumerate(saker) if _avvist(s)]
    assert avviste, "the sample should have a rejected case"
    assert [a.indeks for a in r.avviste] == avviste
    assert [a.sak_id for a in r.avviste] == [saker[i]["sak_id"] for i in avviste]
    assert r.antall_saker == 300 and r.antall_vurdert == 300 - len(avviste)
    med = sum(1 for s in saker if not _avvist(s) and due(s, on=DATO))
    assert len(r.saker) == med


def test_sakene_er_sortert_etter_hastegrad(r: Rapport) -> None:
    nokler = [s.hastegrad() for s in r.saker]
    assert nokler == sorted(nokler)
    mest = [s.mest_forfalt for s in r.saker]
    assert mest == sorted(mest, reverse=True)
    for s in r.saker:
        assert [p.forfall for p in s.frister] == sorted(p.forfall for p in s.frister)


def test_flere_prosesser_gir_samme_rapport(saker: list[dict[str, Any]], r: Rapport) -> None:
    tekster = [json.dumps(s) for s in saker]
    assert rapport(tekster, DATO, processes=2, chunk_size=40).to_dict() == r.to_dict()


def test_grupper() -> None:
    assert [gruppe(d) for d in (-5, -1, 0, 1, 30, 31, 90, 91, 4000)] == [
        "ikke_forfalt",
        "ikke_forfalt",
        "i_dag",
        "1-30",
        "1-30",
        "31-90",
        "31-90",
        "91+",
        "91+",
    ]


# --- the numbers agree everywhere, with labels a team leader reads (issue 15, point 14) ---------


def test_forfalt_er_summen_av_de_forfalte_kolonnene(r: Rapport) -> None:
    """«56 Forfalt» stood beside 85 items in the overdue columns: items due today were in
    «0–30 dager» but not overdue. Now due today is its own column, not counted as overdue."""
    per_gruppe = r.per_gruppe()
    assert per_gruppe["i_dag"] > 0, "the sample should have items due today"
    assert r.antall_forfalt == sum(per_gruppe[g] for g in FORFALTE_GRUPPER)
    assert "i_dag" not in FORFALTE_GRUPPER
    tall = les_tall(r.html())
    assert tall.ider["antall-forfalt"] == sum(tall.celler[("i_alt", g)] for g in FORFALTE_GRUPPER)
    data = r.to_dict()
    assert data["antall_forfalt"] == sum(data["per_gruppe"][g] for g in FORFALTE_GRUPPER)


def test_sakslisten_viser_navn_ikke_koder(r: Rapport) -> None:
    side = r.html()
    liste = side[side.index('<table id="saker">') :]
    liste = liste[: liste.index("</table>")]
    merker = re.findall(r'<span class="merke [^"]*"[^>]*>([^<]*)</span>', liste)
    assert merker
    for tekst in merkers_tekst(merker):
        assert not re.fullmatch(r"[A-Z_0-9]+", tekst), tekst
    assert {p.kode for p in r.poster} <= set(KODENAVN)
    assert "Under 30 uten vilkår om aktivitet" in liste
    assert "Kode" not in r.tekst().splitlines()[3]  # the terminal table names kinds too
    assert KODENAVN["AKTIVITETSVILKAR_MANGLER"] in r.tekst()


def merkers_tekst(merker: list[str]) -> list[str]:
    return [m.split(" · ")[0] for m in merker]


def test_paragraf_27_for_flere_viser_personene() -> None:
    """§ 27 items of a stay shared by several showed no person («–»)."""
    sak = json.loads((Path(__file__).parent.parent / "examples" / "botilbud.json").read_text())
    r = rapport([sak], "2024-09-01")
    assert [p.person for p in r.poster] == ["p1, b1"]  # the ids stay in the data
    assert "· søkeren og barn født 2017 ·" in r.html()  # the page says who they are


def test_siden_viser_etiketter_ikke_koder_eller_ider() -> None:
    """The page showed each kind's code under its name, the code in the tooltip, person ids
    and the function's name (``sosialregler.due``); a team leader reads labels."""
    sak = json.loads((Path(__file__).parent.parent / "examples" / "botilbud.json").read_text())
    side = rapport([sak], "2024-09-01").html()
    synlig = re.sub(r"<style.*?</style>|<[^>]+>", " ", side, flags=re.S)
    assert not lekkasjer(synlig, "nb", ["p1", "b1"]), lekkasjer(synlig, "nb", ["p1", "b1"])
    assert 'title="BOTILBUD' not in side


def test_entall_og_flertall() -> None:
    """«1 frister i 1 saker»: one of each is singular."""
    sak = json.loads((Path(__file__).parent.parent / "examples" / "botilbud.json").read_text())
    tekst = rapport([sak], "2024-09-01").tekst()
    assert "1 frist i 1 sak;" in tekst
    assert "per 01.09.2024: 1 sak," in tekst
    assert " 1 saker" not in tekst and " 1 frister" not in tekst


def test_nummereringen_er_lik_i_html_csv_og_json(saker: list[dict[str, Any]], r: Rapport) -> None:
    """HTML numbered cases from 1, CSV from 0: now every output gives the case's line in the
    input, from 1."""
    rader = list(csv.DictReader(io.StringIO(r.csv())))
    forste = r.saker[0]
    assert rader[0]["nr"] == str(forste.nr) == str(forste.indeks + 1)
    assert saker[forste.nr - 1]["sak_id"] == forste.sak_id == rader[0]["sak_id"]
    side = r.html()
    assert f'<tr data-nr="{forste.nr}">' in side and f"(nr. {forste.nr})" in side
    data = r.to_dict()
    assert data["saker"][0]["nr"] == forste.nr
    avvist = r.avviste[0]
    assert data["avviste"][0]["nr"] == avvist.indeks + 1
    assert f'<tr data-avvist-nr="{avvist.indeks + 1}">' in side
    assert all("indeks" not in rad for rad in rader)


# --- outputs --------------------------------------------------------------------------------------


def test_csv_har_en_rad_per_frist(r: Rapport) -> None:
    rader = list(csv.DictReader(io.StringIO(r.csv())))
    assert len(rader) == r.antall_frister
    assert Counter((x["kode"], x["gruppe"]) for x in rader) == rapportens(r)
    forste = rader[0]
    assert set(forste) == {
        "nr", "sak_id", "type", "kode", "person", "hjemmel", "forfall", "forfalt",
        "dager_forfalt", "gruppe",
    }  # fmt: skip
    assert forste["sak_id"] == r.saker[0].sak_id


def test_json(r: Rapport) -> None:
    data = json.loads(r.to_json())
    assert data["antall_frister"] == r.antall_frister
    assert data["dato"] == DATO.isoformat()
    assert sum(k["totalt"] for k in data["per_kode"].values()) == r.antall_frister
    assert sum(len(s["frister"]) for s in data["saker"]) == r.antall_frister
    assert data["antall_avvist"] == len(data["avviste"]) == len(r.avviste)
    assert data["avviste"][0]["feil"][0]["felt"] == "personer[0].fodselsdato"


class Tall(HTMLParser):
    """The numbers the page shows: cells and bar segments by their data attributes, and ids."""

    def __init__(self) -> None:
        super().__init__()
        self.celler: dict[tuple[str, str], int] = {}
        self.segmenter: dict[tuple[str, str], int] = {}
        self.ider: dict[str, int] = {}
        self._apen: tuple[str, Any] | None = None
        self.ekstern: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for navn in ("src", "href"):
            if a.get(navn):
                self.ekstern.append(f"{tag} {navn}={a[navn]}")
        if tag in ("script", "link", "iframe", "img"):
            self.ekstern.append(tag)
        if tag == "rect" and a.get("class") == "segment":
            self.segmenter[(a["data-kode"], a["data-gruppe"])] = int(a["data-antall"] or 0)
        if tag == "td" and a.get("data-gruppe"):
            self._apen = ("celle", (a["data-kode"], a["data-gruppe"]))
        elif a.get("id") and tag == "span":
            self._apen = ("id", a["id"])

    def handle_data(self, data: str) -> None:
        if self._apen and data.strip():
            art, nokkel = self._apen
            verdi = int(re.sub(r"\D", "", data))
            (self.celler if art == "celle" else self.ider)[nokkel] = verdi
            self._apen = None


def les_tall(side: str) -> Tall:
    tall = Tall()
    tall.feed(side)
    return tall


def sjekk_tallene_paa_siden(tall: Tall, r: Rapport) -> None:
    per_kode = r.per_kode()
    for kode, grupper in per_kode.items():
        for g, n in grupper.items():
            assert tall.celler[(kode, g)] == n
            assert tall.segmenter.get((kode, g), 0) == n
        assert tall.celler[(kode, "i_alt")] == sum(grupper.values())
    for g, n in r.per_gruppe().items():
        assert tall.celler[("i_alt", g)] == n
    assert tall.celler[("i_alt", "i_alt")] == r.antall_frister
    assert tall.ider == {
        "antall-saker": r.antall_saker,
        "antall-vurdert": r.antall_vurdert,
        "antall-frister": r.antall_frister,
        "antall-forfalt": r.antall_forfalt,
        "antall-i-dag": r.per_gruppe()["i_dag"],
        "antall-over-90": r.per_gruppe()["91+"],
        "antall-saker-med-frister": len(r.saker),
        "antall-avvist": len(r.avviste),
    }


def test_html_viser_tallene_og_er_selvstendig(saker: list[dict[str, Any]], r: Rapport) -> None:
    side = r.html()
    tall = les_tall(side)
    sjekk_tallene_paa_siden(tall, r)
    # The same numbers as counted without the report.
    telling = fra_due(saker, DATO)
    for (kode, g), n in telling.items():
        assert tall.celler[(kode, g)] == n
    assert tall.ekstern == []
    assert "<svg" in side and "<style>" in side
    assert re.findall(r"https?://[^\s\"'<>]+", side) == ["http://www.w3.org/2000/svg"]
    assert "@import" not in side and "url(" not in side
    assert side.count('<tr data-nr="') == len(r.saker)


def test_html_begrenser_listen_og_tom_rapport() -> None:
    liten = rapport(list(eksempelsaker(40, DATO, seed=2)), DATO)
    side = liten.html(maks_saker=5)
    assert side.count('<tr data-nr="') == 5
    assert f"alle {len(liten.saker)} er i CSV- og JSON-utdataene" in side
    tom = rapport([], DATO)
    assert tom.antall_saker == 0 and "Ingen frister å vise." in tom.html()
    sjekk_tallene_paa_siden(les_tall(tom.html()), tom)


def test_eksempelsakene_er_gyldige_og_like_for_samme_frø() -> None:
    a = list(eksempelsaker(50, DATO, seed=4))
    assert a == list(eksempelsaker(50, DATO, seed=4))
    assert a != list(eksempelsaker(50, DATO, seed=5))
    assert len({s["sak_id"] for s in a}) == 50
    r = rapport(a, DATO)
    assert not r.avviste


# --- the command line -----------------------------------------------------------------------------


def test_cli_oppfolging(tmp_path: Path, saker: list[dict[str, Any]], r: Rapport) -> None:
    fil = tmp_path / "saker.jsonl"
    fil.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in saker), "utf-8")
    html, csv_, json_ = tmp_path / "r.html", tmp_path / "r.csv", tmp_path / "r.json"
    k = kjor(
        "oppfolging", fil, "--dato", DATO.isoformat(), "--html", html, "--csv", csv_,
        "--json", json_, "--prosesser", "1",
    )  # fmt: skip
    assert k.kode == 0, k.feil
    assert json.loads(json_.read_text("utf-8")) == r.to_dict()
    assert csv_.read_text("utf-8") == r.csv()
    sjekk_tallene_paa_siden(les_tall(html.read_text("utf-8")), r)
    assert f"Oppfølging per 01.06.2024: 300 saker, {r.antall_vurdert} vurdert" in k.ut
    assert f"{r.antall_frister:,}".replace(",", "\u00a0") in k.ut


def test_cli_oppfolging_feil(tmp_path: Path) -> None:
    k = kjor("oppfolging", tmp_path / "finnes-ikke.jsonl", "--dato", "2024-06-01")
    assert k.kode == 2 and "kan ikke leses" in k.feil
    fil = tmp_path / "s.jsonl"
    fil.write_text("{}\n", "utf-8")
    k = kjor("oppfolging", fil, "--dato", "2024-06-31")
    assert k.kode == 2 and "--dato" in k.feil
    k = kjor("oppfolging", fil, "--dato", "2024-06-01", "--html", tmp_path / "mangler" / "r.html")
    assert k.kode == 2 and "kan ikke skrives" in k.feil


# --- 10 000 cases in seconds ---------------------------------------------------------------------


@pytest.mark.slow
def test_ti_tusen_saker_paa_sekunder() -> None:
    saker = list(eksempelsaker(10_000, DATO, seed=10, ugyldige=0.001))
    tekster = [json.dumps(s) for s in saker]
    start = time.perf_counter()
    r = rapport(tekster, DATO, processes=2)
    side, _, _ = r.html(), r.csv(), r.to_json()
    tid = time.perf_counter() - start
    enkle = Counter({k: n for k, n in rapportens(r).items() if k[0] in ENKLE})
    assert enkle == fra_fakta(saker, DATO)
    sjekk_tallene_paa_siden(les_tall(side), r)
    assert tid < 60, f"{tid:.1f} s"
    print(f"\n10 000 saker: vurdering og rapport på {tid:.1f} s med 2 prosesser")
