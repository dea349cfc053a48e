"""The self-service estimate without a browser: form → case, the texts, the page over HTTP.

The amount on the page must be the library's own for the case the form becomes: each form
here is also written as a case file and assessed by ``sosialregler vurder --format json``.
Every rendered page (three languages; empty, error and estimate states) is read as a person
reads it: no rule id, no code, no field name of the contract.
"""

from __future__ import annotations

import json
import re
import warnings
from datetime import UTC, date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("starlette", reason="tilleggspakken «tjeneste» er ikke installert")

from starlette.applications import Starlette

from helpers_cli import REPO, kjor
from sosialregler import regelbok
from sosialregler.lov.sprak import SPRAK
from sosialregler.verktoy.tjeneste.selvbetjening import MAKS_BYTES, ruter
from sosialregler.verktoy.tjeneste.selvbetjening import html as sidehtml
from sosialregler.verktoy.tjeneste.selvbetjening.estimat import Estimat, lag_estimat
from sosialregler.verktoy.tjeneste.selvbetjening.skjema import (
    BELOPSFELT,
    HUSSTANDER,
    Feltfeil,
    Skjema,
    fodselsdato,
    les_skjema,
    til_sak,
)
from sosialregler.verktoy.tjeneste.selvbetjening.tekster import FEIL, TEKSTER
from tekstlekk import lekkasjer
from test_nynorsk_norm import UTANFOR_NORMEN

with warnings.catch_warnings():  # Starlette asks for httpx2 over httpx: the service's choice
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

DATO = date(2026, 12, 4)

#: Forms as a browser sends them, one per kind of household and outcome.
FAMILIE = {
    "husstand": "ektefelle",
    "alder": "34",
    "partner_alder": "33",
    "barn_alder": "3, 9",
    "inntekt_arbeidsinntekt": "12 000",
    "husstand_barnetrygd": "3000",
    "bo_husleie": "11000",
    "bo_strom": "900",
    "sparepenger": "2000",
}
ENSLIG_UNG = {"husstand": "alene", "alder": "22", "inntekt_aap": "6000", "bo_husleie": "7500"}
SAMBOER_HVER = {
    "husstand": "samboer",
    "felles_okonomi": "nei",
    "alder": "40",
    "partner_alder": "41",
    "partner_arbeidsinntekt": "30000",
    "bo_husleie": "8000",
}
BOFELLESSKAP = {"husstand": "bofellesskap", "alder": "50", "bo_husleie": "5000"}
HOY_INNTEKT = {"husstand": "alene", "alder": "45", "inntekt_arbeidsinntekt": "45000"}
MYE_SPAREPENGER = {"husstand": "alene", "alder": "45", "sparepenger": "90000"}
SKJEMAER = {
    "familie": FAMILIE,
    "enslig_ung": ENSLIG_UNG,
    "samboer_hver": SAMBOER_HVER,
    "bofellesskap": BOFELLESSKAP,
    "hoy_inntekt": HOY_INNTEKT,
    "mye_sparepenger": MYE_SPAREPENGER,
}
UGYLDIG = {
    "alder": "tretti",
    "barn_alder": "4, 19",
    "inntekt_arbeidsinntekt": "-5",
    "bo_husleie": "12,5x",
    "partner_annen": "100",
}


def gyldig(felter: dict[str, str]) -> Skjema:
    skjema = les_skjema(felter)
    assert isinstance(skjema, Skjema), skjema
    return skjema


def vurder_med_cli(sak: dict[str, object], tmp_path: Path) -> object:
    """The amount ``sosialregler vurder`` gives for the case (the contract's command)."""
    fil = tmp_path / "sak.json"
    fil.write_text(json.dumps(sak), encoding="utf-8")
    kjoring = kjor("vurder", fil, "--format", "json")
    assert kjoring.kode == 0, kjoring.feil
    return json.loads(kjoring.ut)["vedtak"]["livsopphold"]["belop_per_maned"]


class Synlig(HTMLParser):
    """The text a person reads: text nodes, not tags or attribute values."""

    def __init__(self) -> None:
        super().__init__()
        self.deler: list[str] = []

    def handle_data(self, data: str) -> None:
        self.deler.append(data)


def synlig_tekst(side: str) -> str:
    leser = Synlig()
    leser.feed(side)
    return " ".join(leser.deler)


#: What must never reach a person: rule ids, codes, the contract's field names, person ids.
KODER = re.compile(
    r"\b(stl|r35|fvl)-[0-9a-z-]+|\b[A-Z]{2,}_[A-Z_]+\b|\b[a-z]+_[a-z_]+\b|§|\b[pb]\d\b"
)


# --- the form → the case ----------------------------------------------------------------------


def test_familien_blir_en_sak_i_kontrakten() -> None:
    sak = til_sak(gyldig(FAMILIE), DATO)
    assert sak["vurderingsdato"] == "2026-12-04"
    assert [(p["rolle"], p["fodselsdato"]) for p in sak["personer"]] == [
        ("soker", "1992-12-04"),
        ("ektefelle", "1993-12-04"),
        ("barn", "2023-12-04"),
        ("barn", "2017-12-04"),
    ]
    assert sak["bofellesskap"] is False
    assert sak["inntekter"] == [
        {"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": 12000},
        {"person": "p1", "type": "barnetrygd", "belop_per_maned": 3000},
    ]
    assert sak["boutgifter"] == [
        {"type": "husleie", "belop_per_maned": 11000},
        {"type": "strom", "belop_per_maned": 900},
    ]
    assert sak["formue"] == [{"type": "bankinnskudd", "belop": 2000}]


def test_samboer_uten_felles_okonomi_og_partnerens_inntekt() -> None:
    sak = til_sak(gyldig(SAMBOER_HVER), DATO)
    samboer = sak["personer"][1]
    assert samboer["rolle"] == "samboer" and samboer["felles_okonomi"] is False
    assert {"person": "p2", "type": "arbeidsinntekt", "belop_per_maned": 30000} in sak["inntekter"]


def test_bofellesskap_og_tomme_lister_betyr_ingen() -> None:
    sak = til_sak(gyldig(BOFELLESSKAP), DATO)
    assert sak["bofellesskap"] is True
    assert sak["inntekter"] == [] and sak["formue"] == []
    assert len(sak["personer"]) == 1


@pytest.mark.parametrize(
    ("alder", "dato", "fodt"),
    [(34, date(2026, 12, 4), date(1992, 12, 4)), (5, date(2028, 2, 29), date(2023, 2, 28))],
)
def test_fodselsdato_gir_alderen_paa_dagen(alder: int, dato: date, fodt: date) -> None:
    assert fodselsdato(alder, dato) == fodt


@pytest.mark.parametrize("navn", sorted(SKJEMAER))
def test_anslaget_er_bibliotekets_belop(navn: str, tmp_path: Path) -> None:
    sak = til_sak(gyldig(SKJEMAER[navn]), DATO)
    estimat = lag_estimat(sak, DATO)
    fra_cli = vurder_med_cli(sak, tmp_path)
    if fra_cli is None:
        assert estimat.belop is None
    else:
        assert estimat.belop == Decimal(str(fra_cli))


def test_utfallene_er_de_forventede() -> None:
    """Each kind of household lands where the law puts it (so the page's sentences are tried)."""
    ut = {n: lag_estimat(til_sak(gyldig(f), DATO), DATO) for n, f in SKJEMAER.items()}
    assert ut["familie"].belop is not None and ut["familie"].belop > 0
    assert ut["hoy_inntekt"].belop is None and ut["hoy_inntekt"].grunn == "inntekt"
    assert ut["mye_sparepenger"].belop is None and ut["mye_sparepenger"].grunn == "formue"
    assert any(li.post == "sats_samboer_enkeltvis" for li in ut["samboer_hver"].linjer)
    assert any(li.post == "sats_bofellesskap" for li in ut["bofellesskap"].linjer)


# --- bad input: every field named, never a traceback ------------------------------------------


def test_ugyldig_skjema_gir_en_feil_per_felt() -> None:
    feil = les_skjema(UGYLDIG)
    assert isinstance(feil, list)
    assert [(f.felt, f.kode) for f in feil] == [
        ("husstand", "husstand_mangler"),
        ("alder", "alder_ugyldig"),
        ("barn_alder", "barn_utenfor"),
        ("inntekt_arbeidsinntekt", "belop_negativ"),
        ("bo_husleie", "belop_ugyldig"),
    ]


@pytest.mark.parametrize(
    ("felter", "ventet"),
    [
        ({"husstand": "samboer", "alder": "30", "partner_alder": "30"}, "felles_okonomi_mangler"),
        ({"husstand": "ektefelle", "alder": "30"}, "alder_mangler"),
        ({"husstand": "alene", "alder": "17"}, "alder_utenfor"),
        ({"husstand": "alene", "alder": "30", "partner_annen": "1"}, "partner_uten_partner"),
        ({"husstand": "alene", "alder": "30", "barn_alder": "to"}, "barn_ugyldig"),
        ({"husstand": "alene", "alder": "30", "barn_alder": ",".join("1" * 21)}, "for_mange_barn"),
        ({"husstand": "alene", "alder": "30", "bo_strom": "99999999"}, "belop_for_stort"),
        ({"husstand": "hytte", "alder": "30"}, "husstand_mangler"),
    ],
)
def test_hver_feil_har_sin_kode(felter: dict[str, str], ventet: str) -> None:
    feil = les_skjema(felter)
    assert isinstance(feil, list) and [f.kode for f in feil] == [ventet]


@pytest.mark.parametrize(
    ("skrevet", "belop"),
    [
        ("12 500 kr", 12500),
        ("12\u00a0500", 12500),
        ("12.500", 12500),
        ("1.234.567", 1234567),
        ("12 500,00", 12500),
        ("800,-", 800),
        ("", 0),
        ("  ", 0),
    ],
)
def test_belop_skrevet_som_folk_skriver_dem(skrevet: str, belop: int) -> None:
    skjema = gyldig({"husstand": "alene", "alder": "30", "bo_husleie": skrevet})
    assert skjema.belop["bo_husleie"] == belop


@pytest.mark.parametrize("skrevet", ["12.5", "12,5", "12 500,50", "1e4", "12.50.0", "ti"])
def test_belop_som_ikke_er_hele_kroner_avvises(skrevet: str) -> None:
    """«12.5» is not read as 125 (a silently wrong amount): it is an error naming the field."""
    feil = les_skjema({"husstand": "alene", "alder": "30", "bo_husleie": skrevet})
    assert isinstance(feil, list) and [(f.felt, f.kode) for f in feil] == [
        ("bo_husleie", "belop_ugyldig")
    ]


_TEKST = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.from_regex(
    r"\A[0-9 ]{0,8}\Z"
)


@settings(max_examples=80, deadline=None)
@given(
    husstand=st.sampled_from([*HUSSTANDER, "", "x"]),
    felles=st.sampled_from(["ja", "nei", ""]),
    alder=st.integers(-5, 130).map(str) | _TEKST,
    partner=st.integers(10, 125).map(str),
    barn=st.lists(st.integers(0, 25), max_size=4).map(lambda a: ", ".join(map(str, a))),
    belop=st.dictionaries(st.sampled_from(BELOPSFELT), st.integers(0, 60_000).map(str) | _TEKST),
)
def test_ethvert_skjema_gir_svar_eller_feil_aldri_krasj(
    husstand: str,
    felles: str,
    alder: str,
    partner: str,
    barn: str,
    belop: dict[str, str],
) -> None:
    """Whatever is typed: a valid form whose case the library accepts and assesses, or errors
    each naming a field of the form."""
    felter = {
        "husstand": husstand,
        "felles_okonomi": felles,
        "alder": alder,
        "partner_alder": partner,
        "barn_alder": barn,
        **belop,
    }
    svar = les_skjema(felter)
    if isinstance(svar, list):
        assert svar and all(f.felt in felter or f.felt in BELOPSFELT for f in svar)
        for f in svar:
            assert sidehtml.feilmelding(f, "nn")
        return
    estimat = lag_estimat(til_sak(svar, DATO), DATO)
    assert estimat.belop is None or estimat.belop >= 0
    for sprak in SPRAK:  # every estimate a person can be shown, in words, never in codes
        tekst = synlig_tekst(sidehtml.side(sprak, felter, (), (estimat, svar)))
        assert KODER.findall(tekst) == [], (sprak, KODER.findall(tekst))
        assert lekkasjer(tekst, sprak) == [], (sprak, lekkasjer(tekst, sprak))


@pytest.mark.parametrize("sprak", SPRAK)
def test_feilmeldingen_nevner_feltet(sprak: str) -> None:
    for felt in ("alder", "bo_husleie", "inntekt_aap", "partner_annen"):
        melding = sidehtml.feilmelding(Feltfeil(felt, "belop_ugyldig", "x"), sprak)
        assert sidehtml.feltnavn(felt, sprak).lower() in melding.lower()


# --- the texts ---------------------------------------------------------------------------------


def test_alle_sprak_har_de_samme_tekstene() -> None:
    for tabell in (TEKSTER, FEIL):
        assert set(tabell["nn"]) == set(tabell["nb"]) == set(tabell["en"])


def test_nynorsk_er_skrevet_som_nynorsk() -> None:
    """Not bokmål with a few words swapped: the project's nynorsk norm, and most texts differ."""
    funn = []
    for tabell in (TEKSTER, FEIL):
        for nokkel, tekst in tabell["nn"].items():
            for ord_ in re.findall(r"[A-Za-zÆØÅæøå]+", re.sub(r"\{[^{}]*\}", " ", tekst)):
                if ord_.lower() in UTANFOR_NORMEN:
                    funn.append(f"{nokkel}: {ord_}")
    assert funn == []
    like = [k for k in TEKSTER["nb"] if TEKSTER["nb"][k] == TEKSTER["nn"][k]]
    # the same words in both: «Ja», «Nei», «Alder», «kroner», «Søk om …», «Feil i skjemaet»,
    # «du», «Grunn: …», «{navn} ({hvem})» …
    assert set(like) <= {
        "ja", "nei", "personer", "alder", "kroner", "feil_sidetittel", "sok", "for_stor",
        "rad_hvem", "hvem_du", "rad_grunn",
    }, like  # fmt: skip


def test_engelsk_er_engelsk() -> None:
    norske = re.compile(r"\b(ikke|ikkje|og|du|kroner per måned|hvis)\b")
    assert [k for k, t in TEKSTER["en"].items() if norske.search(t)] == []


def sider() -> list[tuple[str, str]]:
    """(what, page) for each language and state: empty, errors, and every estimate."""
    ut = []
    for sprak in SPRAK:
        ut.append((f"{sprak} tom", sidehtml.side(sprak)))
        feil = les_skjema(UGYLDIG)
        assert isinstance(feil, list)
        ut.append((f"{sprak} feil", sidehtml.side(sprak, UGYLDIG, feil)))
        for navn, felter in SKJEMAER.items():
            skjema = gyldig(felter)
            estimat = lag_estimat(til_sak(skjema, DATO), DATO)
            ut.append((f"{sprak} {navn}", sidehtml.side(sprak, felter, (), (estimat, skjema))))
        ut.append((f"{sprak} melding", sidehtml.melding(sprak, "ukjent_feil")))
    return ut


@pytest.mark.parametrize(("hva", "side"), sider(), ids=lambda x: x if len(x) < 40 else "")
def test_ingen_koder_paa_siden(hva: str, side: str) -> None:
    tekst = synlig_tekst(side)
    assert KODER.findall(tekst) == [], hva


@pytest.mark.parametrize(("hva", "side"), sider(), ids=lambda x: x if len(x) < 40 else "")
def test_hver_henvisning_finner_sitt_element(hva: str, side: str) -> None:
    """Ids are unique, and every label, description, error link and field name points at one
    (what a screen reader follows; checked here without a browser too)."""
    ider = re.findall(r'\bid="([^"]+)"', side)
    assert len(ider) == len(set(ider)), hva
    mal = re.findall(r'\bfor="([^"]+)"', side) + re.findall(r'href="#([^"]+)"', side)
    for verdi in re.findall(r'aria-(?:describedby|labelledby)="([^"]+)"', side):
        mal += verdi.split()
    assert set(mal) <= set(ider), (hva, set(mal) - set(ider))
    for inndata in re.findall(r"<input [^>]*>", side):
        if 'type="hidden"' not in inndata:
            ident = re.search(r'id="([^"]+)"', inndata)
            assert ident and f'for="{ident[1]}"' in side, inndata


def test_grunnene_sier_hvorfor_paa_alle_sprak() -> None:
    skjema = gyldig(SAMBOER_HVER)
    estimat = lag_estimat(til_sak(skjema, DATO), DATO)
    for sprak in SPRAK:
        grunner = sidehtml.grunner(estimat, sprak)
        assert TEKSTER[sprak]["grunn_samboer"] in grunner
    familie = gyldig(FAMILIE)
    estimat = lag_estimat(til_sak(familie, DATO), DATO)
    assert TEKSTER["nn"]["grunn_barnetrygd"] in sidehtml.grunner(estimat, "nn")
    assert TEKSTER["en"]["endre_barn"] in sidehtml.endringer(estimat, familie, "en")
    assert TEKSTER["en"]["endre_under_30"] not in sidehtml.endringer(estimat, familie, "en")
    ung = gyldig(ENSLIG_UNG)
    estimat = lag_estimat(til_sak(ung, DATO), DATO)
    assert TEKSTER["nb"]["endre_under_30"] in sidehtml.endringer(estimat, ung, "nb")


#: Each income line of the table says whose it is and, when it is not counted, why (the rule's
#: own words): a reader saw «Arbeidsinntekt, 30 000 kroner (regnes ikke med)» and could not
#: tell whose income it was or why it was left out.
EIERLINJER = {
    "nb": (
        "Arbeidsinntekt (ektefelle eller samboer), 30 000 kroner (regnes ikke med)",
        "Grunn: Samboerens inntekt regnes bare med ved felles økonomi.",
        "Arbeidsavklaringspenger (du)",
        "Barnetrygd (husstanden), 1 766 kroner (regnes ikke med)",
    ),
    "nn": (
        "Arbeidsinntekt (ektefelle eller sambuar), 30 000 kroner (blir ikkje rekna med)",
        "Grunn: Inntekta til sambuaren blir berre rekna med ved felles økonomi.",
        "Arbeidsavklaringspengar (du)",
        "Barnetrygd (hushaldet), 1 766 kroner (blir ikkje rekna med)",
    ),
    "en": (
        "Earnings from work (spouse or cohabitant), NOK 30,000 (not counted)",
        "Reason: A cohabitant's income counts only with a joint economy.",
        "Work assessment allowance (you)",
        "Child benefit (household), NOK 1,766 (not counted)",
    ),
}


@pytest.mark.parametrize("sprak", SPRAK)
def test_inntektslinjene_sier_hvem_og_hvorfor_ikke(sprak: str) -> None:
    felter = {
        **SAMBOER_HVER,
        "inntekt_aap": "5000",
        "barn_alder": "4",
        "husstand_barnetrygd": "1766",
    }
    estimat = lag_estimat(til_sak(gyldig(felter), DATO), DATO)
    tabell = synlig_tekst(sidehtml.utregning(estimat, sprak)).replace("\xa0", " ")
    for tekst in EIERLINJER[sprak]:
        assert tekst in tabell, (tekst, tabell)
    assert KODER.search(tabell) is None


def test_partnerens_inntekt_som_regnes_med_sier_hvem_uten_grunn() -> None:
    felter = {**SAMBOER_HVER, "felles_okonomi": "ja"}
    estimat = lag_estimat(til_sak(gyldig(felter), DATO), DATO)
    tabell = synlig_tekst(sidehtml.utregning(estimat, "nb"))
    assert "Arbeidsinntekt (ektefelle eller samboer)" in tabell
    assert "regnes ikke med" not in tabell and "Grunn:" not in tabell


# --- over HTTP (Starlette's test client; the browser tests start a real server) ----------------


@pytest.fixture(scope="module")
def klient() -> TestClient:
    return TestClient(Starlette(routes=ruter(idag=lambda: DATO)))


@pytest.mark.parametrize("sprak", SPRAK)
def test_tomt_skjema_paa_hvert_sprak(klient: TestClient, sprak: str) -> None:
    svar = klient.get("/", params={"sprak": sprak})
    assert svar.status_code == 200
    assert f'<html lang="{sprak}">' in svar.text
    assert TEKSTER[sprak]["tittel"] in svar.text
    assert svar.headers["cache-control"] == "no-store"
    assert "script" not in svar.text.lower()


def test_ukjent_sprak_gir_bokmal(klient: TestClient) -> None:
    assert '<html lang="nb">' in klient.get("/", params={"sprak": "xx"}).text


@pytest.mark.parametrize("sprak", SPRAK)
def test_innsendt_skjema_gir_bibliotekets_belop(klient: TestClient, sprak: str) -> None:
    svar = klient.post("/", data={**FAMILIE, "sprak": sprak})
    assert svar.status_code == 200
    belop = lag_estimat(til_sak(gyldig(FAMILIE), DATO), DATO).belop
    assert f'data-belop="{belop}"' in svar.text
    assert "https://www.nav.no/okonomisk-sosialhjelp" in svar.text
    assert f'<html lang="{sprak}">' in svar.text


def sprakknapper(side: str) -> list[str]:
    return re.findall(r"<button[^>]*bytt_sprak[^>]*>[^<]*</button>", side)


def test_sprakbytte_paa_anslaget_beholder_svarene(klient: TestClient) -> None:
    """The language buttons send the answers again (POST): the same values and the same amount,
    now in nynorsk. Before, the links opened an empty form and the answers were lost."""
    side = klient.post("/", data={**FAMILIE, "sprak": "nb"}).text
    knapper = sprakknapper(side)
    assert len(knapper) == len(SPRAK)
    for sprak, knapp in zip(SPRAK, knapper, strict=True):
        assert f'lang="{sprak}"' in knapp and f'value="{sprak}"' in knapp
        assert 'type="submit"' in knapp and 'form="skjema"' in knapp
    assert 'id="skjema"' in side
    assert 'href="?sprak=' not in side  # no link that would drop the answers
    # Enter in a field clicks the first submit button of the form in the page's order: a hidden
    # one without a language, before the language buttons, so Enter keeps the page's language
    forste = re.search(r'<button type="submit" form="skjema"[^>]*>', side)
    assert forste and "hidden" in forste[0] and "bytt_sprak" not in forste[0]
    svar = klient.post("/", data={**FAMILIE, "sprak": "nb", "bytt_sprak": "nn"})
    assert svar.status_code == 200
    assert '<html lang="nn">' in svar.text
    belop = lag_estimat(til_sak(gyldig(FAMILIE), DATO), DATO).belop
    assert f'data-belop="{belop}"' in svar.text
    assert TEKSTER["nn"]["resultat"] in svar.text
    for navn, verdi in FAMILIE.items():
        if navn == "husstand":
            assert f'value="{verdi}" checked' in svar.text
        else:
            assert f'name="{navn}" value="{verdi}"' in svar.text, navn
    assert '<input type="hidden" name="sprak" value="nn">' in svar.text


def test_sprakbytte_paa_feilsiden_gir_feilene_paa_nytt_sprak(klient: TestClient) -> None:
    svar = klient.post("/", data={**UGYLDIG, "sprak": "nb", "bytt_sprak": "en"})
    assert svar.status_code == 422
    assert '<html lang="en">' in svar.text
    assert TEKSTER["en"]["feil_tittel"] in svar.text
    assert 'value="tretti"' in svar.text
    assert len(sprakknapper(svar.text)) == len(SPRAK)


def test_tomt_skjema_har_sprakvalg_som_lenker(klient: TestClient) -> None:
    side = klient.get("/", params={"sprak": "en"}).text
    assert sprakknapper(side) == []
    for sprak in SPRAK:
        assert f'<a href="?sprak={sprak}" lang="{sprak}" hreflang="{sprak}"' in side


def test_ukjent_sprak_i_knappen_gir_bokmal(klient: TestClient) -> None:
    svar = klient.post("/", data={**FAMILIE, "bytt_sprak": "xx"})
    assert '<html lang="nb">' in svar.text


def test_feil_gir_skjemaet_igjen_med_feilene_knyttet_til_feltene(klient: TestClient) -> None:
    svar = klient.post("/", data={**UGYLDIG, "sprak": "nn"})
    assert svar.status_code == 422
    side = svar.text
    assert TEKSTER["nn"]["feil_tittel"] in side
    for felt in ("alder", "barn_alder", "inntekt_arbeidsinntekt", "bo_husleie"):
        assert f'href="#{felt}"' in side
        assert re.search(rf'id="{felt}"[^>]*aria-describedby="[^"]*{felt}-feil"', side)
        assert re.search(rf'id="{felt}"[^>]*aria-invalid="true"', side)
        assert f'id="{felt}-feil"' in side
    assert 'href="#husstand-alene"' in side and 'id="husstand-alene"' in side
    assert 'value="tretti"' in side  # what was typed is kept
    assert "Traceback" not in side


def test_for_stort_skjema_avvises(klient: TestClient) -> None:
    svar = klient.post(
        "/",
        content=b"alder=" + b"1" * (MAKS_BYTES + 1),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert svar.status_code == 413
    assert TEKSTER["nb"]["for_stor"] in svar.text


def test_for_mange_felt_avvises(klient: TestClient) -> None:
    svar = klient.post("/", content="&".join(f"f{i}=1" for i in range(200)).encode())
    assert svar.status_code == 413


def test_ugyldig_utf8_gir_feil_ikke_krasj(klient: TestClient) -> None:
    svar = klient.post("/", content=b"husstand=alene&alder=\xff\xfe")
    assert svar.status_code == 422
    assert "Traceback" not in svar.text


def test_stilarket_kommer_fra_pakken(klient: TestClient) -> None:
    svar = klient.get(f"/{sidehtml.STILARK}")
    assert svar.status_code == 200 and svar.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in svar.text and "--tekst" in svar.text


def test_alle_belopsfelt_er_i_skjemaet() -> None:
    side = sidehtml.side("nb")
    for navn in BELOPSFELT:
        assert f'<label for="{navn}">' in side and f'id="{navn}" name="{navn}"' in side


@pytest.mark.parametrize("sprak", SPRAK)
def test_uten_belop_sier_siden_hvorfor_i_ord(sprak: str) -> None:
    """No amount from the library: a sentence, no number, and «you can still apply»."""
    estimat = Estimat(
        dato=DATO,
        belop=None,
        grunn="ukjent",
        behov=Decimal(0),
        inntekt=Decimal(0),
        linjer=(),
        merknader=frozenset(),
    )
    assert sidehtml.hovedsetning(estimat, sprak) == TEKSTER[sprak]["ingen_ukjent"]
    side = sidehtml.resultat(estimat, gyldig(BOFELLESSKAP), sprak)
    assert 'data-belop=""' in side and TEKSTER[sprak]["likevel"] in side


def test_feil_hos_oss_gir_side_uten_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import sosialregler.verktoy.tjeneste.selvbetjening as selvbetjening

    def krasj(*_: object) -> None:
        raise RuntimeError("hemmelig: 12 000 kroner")

    monkeypatch.setattr(selvbetjening, "lag_estimat", krasj)
    klient = TestClient(Starlette(routes=ruter(idag=lambda: DATO)))
    svar = klient.post("/", data={**FAMILIE, "sprak": "en"})
    assert svar.status_code == 500
    assert TEKSTER["en"]["ukjent_feil"] in svar.text
    assert "hemmelig" not in svar.text and "Traceback" not in svar.text


def test_datoen_er_i_dag_i_norge() -> None:
    from datetime import datetime, timedelta

    from sosialregler.verktoy.tjeneste.selvbetjening import idag_i_norge

    utc = datetime.now(UTC).date()
    assert utc - timedelta(days=1) <= idag_i_norge() <= utc + timedelta(days=1)


def test_kommunens_egne_satser_gir_kommunens_belop(tmp_path: Path) -> None:
    """The service's rulebook with a municipality's rates: the page's amount is
    ``vurder --satser`` on the case, and the page says whose rates it used."""
    satser = REPO / "examples" / "kommunale-satser-eksempel.toml"
    dato = date(2024, 3, 1)
    klient = TestClient(
        Starlette(routes=ruter(idag=lambda: dato, regelbok=regelbok(satser=satser)))
    )
    svar = klient.post("/", data={**FAMILIE, "sprak": "nn"})
    fil = tmp_path / "sak.json"
    fil.write_text(json.dumps(til_sak(gyldig(FAMILIE), dato)), encoding="utf-8")
    kjoring = kjor("vurder", fil, "--format", "json", "--satser", satser)
    kommunal = json.loads(kjoring.ut)["vedtak"]["livsopphold"]["belop_per_maned"]
    statlig = lag_estimat(til_sak(gyldig(FAMILIE), dato), dato).belop
    assert f'data-belop="{kommunal}"' in svar.text and Decimal(str(kommunal)) != statlig
    tekst = svar.text.replace("\u00a0", " ")
    assert "Overslaget brukar satsane til Eksempelkommune som gjeld 1. mars 2024." in tekst


def test_satser_som_kan_vaere_utdaterte_sies_i_ord() -> None:
    """After the last known rates (here a date in 2027), the page says the amount may differ."""
    senere = date(2027, 6, 1)
    skjema = gyldig(ENSLIG_UNG)
    estimat = lag_estimat(til_sak(skjema, senere), senere)
    assert TEKSTER["nb"]["endre_satser"] in sidehtml.endringer(estimat, skjema, "nb")
    i_dag = lag_estimat(til_sak(skjema, DATO), DATO)
    assert TEKSTER["nb"]["endre_satser"] not in sidehtml.endringer(i_dag, skjema, "nb")


#: Words a person with little Norwegian (or little money for a lawyer) does not know, on the
#: page without an explanation: what the office will do is said in everyday words instead.
FAGORD = {
    "nb": ("vilkår", "tiltak", "ytelse", "dokumentasjon", "konkret vurdering", "utmåling"),
    "nn": ("vilkår", "tiltak", "yting", "dokumentasjon", "konkret vurdering", "utmåling"),
    "en": ("measure", "documentation", "actual situation", "gives no amount", "Kroner per"),
}


@pytest.mark.parametrize(("hva", "side"), sider(), ids=lambda x: x if len(x) < 40 else "")
def test_klarsprak_uten_fagord(hva: str, side: str) -> None:
    tekst = synlig_tekst(side).lower()
    ord_ = FAGORD[hva.split()[0]]
    assert [o for o in ord_ if o.lower() in tekst] == [], hva


def test_satsene_forklares_i_ingressen() -> None:
    """«Veiledende satser» is the name NAV uses; the page says what it means the first time."""
    assert "beløpene staten anbefaler" in TEKSTER["nb"]["ingress"]
    assert "beløpa staten rår" in TEKSTER["nn"]["ingress"]
    assert "amounts the government recommends" in TEKSTER["en"]["ingress"]
