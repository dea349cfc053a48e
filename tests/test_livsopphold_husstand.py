"""Issue 14: households decided rightly under § 18, and refusals that carry no money.

Each section is one finding of the issue, tested on both sides; each test failed on main
before the change it guards.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

import pytest

from sosialregler import Assessment, UgyldigSak, Utfall, assess
from sosialregler.verktoy.repl import Repl


def sak(dato: str = "2024-03-01", **felt: Any) -> dict[str, Any]:
    """A complete single-applicant case with no income, no assets and no housing costs."""
    grunn: dict[str, Any] = {
        "vurderingsdato": dato,
        "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [],
        "individuell_vurdering": "Vurdert konkret.",
    }
    grunn.update(felt)
    return grunn


def ls(v: Assessment) -> Any:
    return v.vedtak["livsopphold"]


def poster(v: Assessment) -> dict[str, Decimal]:
    return {linje.post: linje.belop for linje in ls(v).beregning}


def linje(v: Assessment, post: str) -> Any:
    return next(x for x in ls(v).beregning if x.post == post)


# --- 7. A refusal carries no payable amount ----------------------------------------------------

#: A person without lawful residence: § 18 refused by scope, with a positive computed need.
UTEN_OPPHOLD = {"norsk_statsborger": False, "lovlig_opphold": False, "fast_bopel_i_norge": False}


def avslag() -> dict[str, Any]:
    s = sak()
    s["personer"][0]["opphold"] = UTEN_OPPHOLD
    return s


def test_avslag_har_ikke_belop_til_utbetaling_i_json() -> None:
    v = assess(avslag())
    o = json.loads(v.to_json())["vedtak"]["livsopphold"]
    assert o["utfall"] == "ikke_oppfylt"
    assert o["belop_per_maned"] is None
    assert o["beregnet_behov_per_maned"] == 7850
    assert ls(v).belop_per_maned is None
    assert ls(v).beregnet_behov_per_maned == 7850


def test_innvilget_har_belop_og_ikke_eget_beregnet_felt() -> None:
    o = json.loads(assess(sak()).to_json())["vedtak"]["livsopphold"]
    assert o["utfall"] == "oppfylt"
    assert o["belop_per_maned"] == 7850
    assert "beregnet_behov_per_maned" not in o


def test_avslag_i_tekst_sier_at_ingenting_utbetales() -> None:
    v = assess(avslag())
    for sprak, ord_ in (("nb", "ingenting utbetales"), ("en", "nothing is paid")):
        tekst = v.explain(sprak)
        del_ = tekst[tekst.index("STØNAD TIL LIVSOPPHOLD" if sprak == "nb" else "FINANCIAL") :]
        assert ord_ in del_
        assert "Beløp:" not in del_.split("\n\n")[1] and "Amount:" not in del_.split("\n\n")[1]


def test_avslag_tur_retur_i_vedtaksgrunnlaget() -> None:
    v = assess(avslag())
    igjen = Assessment.from_record(json.loads(json.dumps(v.to_record())))
    assert igjen.vedtak["livsopphold"].belop_per_maned is None
    assert igjen.vedtak["livsopphold"].beregnet_behov_per_maned == 7850
    assert igjen.explain("nb") == v.explain("nb")
    assert igjen.to_json() == v.to_json()


def test_avslag_i_repl() -> None:
    ut = io.StringIO()
    r = Repl(ut)
    r.sak = avslag()
    r.utfor("vurder")
    tekst = ut.getvalue()
    assert "beløp per måned: ingen utbetaling (avslag)" in tekst
    assert "beregnet behov per måned: 7 850 kr" in tekst
    assert "7 850 kr per måned" not in tekst


def test_avslag_av_kvalifiseringsstonad_har_ikke_stonad_per_ar() -> None:
    s = sak()
    s["kvp"] = {
        "person": "p1",
        "arbeidsevnevurdering_gjort": True,
        "vesentlig_nedsatt_arbeidsevne": False,
        "ytelser_folketrygd": [],
        "behov_for_tett_oppfolging": True,
        "program_kan_tilbys": True,
    }
    o = json.loads(assess(s).to_json())["vedtak"]["kvalifiseringsstonad"]
    assert o["utfall"] == "ikke_oppfylt"
    assert o["stonad_per_ar"] is None and o["dagsats"] is None
    assert o["beregnet_stonad_per_ar"] == 237240  # 2 G (118 620) before 2024-07-01


# --- 1. Who owes whom maintenance ----------------------------------------------------------------

SOKER = {"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}


def inntekt(person: str, belop: int, type_: str = "arbeidsinntekt") -> dict[str, Any]:
    return {"person": person, "type": type_, "belop_per_maned": belop}


def test_en_venns_inntekt_trekkes_aldri_fra() -> None:
    """Sharing a flat with a friend who earns 32 000 kr is no reason to refuse (main: refused)."""
    venn = {"id": "v1", "rolle": "annen_voksen", "fodselsdato": "1991-01-01"}
    v = assess(sak(bofellesskap=True, personer=[SOKER, venn], inntekter=[inntekt("v1", 32000)]))
    assert ls(v).utfall is not Utfall.IKKE_OPPFYLT
    assert ls(v).belop_per_maned == 6600  # the shared-household rate, nothing deducted
    linjen = linje(v, "inntekt_arbeidsinntekt")
    assert linjen.medregnet is False and linjen.regel == "stl-18-inntekt-uten-forsorgelsesplikt"


def test_ektefellens_inntekt_regnes_med() -> None:
    ektefelle = {"id": "p2", "rolle": "ektefelle", "fodselsdato": "1991-01-01"}
    v = assess(sak(personer=[SOKER, ektefelle], inntekter=[inntekt("p2", 32000)]))
    assert ls(v).utfall is Utfall.IKKE_OPPFYLT  # spouses maintain each other (ekteskapsloven § 38)
    assert linje(v, "inntekt_arbeidsinntekt").medregnet is True


def samboer(**felt: Any) -> dict[str, Any]:
    return {"id": "p2", "rolle": "samboer", "fodselsdato": "1991-01-01", **felt}


def test_samboers_inntekt_uten_registrert_felles_okonomi_er_uavklart() -> None:
    v = assess(sak(personer=[SOKER, samboer()], inntekter=[inntekt("p2", 32000)]))
    assert ls(v).utfall is Utfall.UAVKLART  # main: refused on the cohabitant's income
    assert ls(v).mangler == ("personer[1].felles_okonomi",)
    assert linje(v, "inntekt_arbeidsinntekt").medregnet is None
    assert "Samboere har ikke plikt til å forsørge hverandre" in v.explain("nb")


def test_samboers_inntekt_regnes_med_ved_felles_okonomi() -> None:
    v = assess(
        sak(personer=[SOKER, samboer(felles_okonomi=True)], inntekter=[inntekt("p2", 32000)])
    )
    assert ls(v).utfall is Utfall.IKKE_OPPFYLT
    assert poster(v)["sats_ektepar"] == 13100


def test_samboer_uten_felles_okonomi_gir_sats_for_en_og_ingen_inntekt() -> None:
    v = assess(
        sak(personer=[SOKER, samboer(felles_okonomi=False)], inntekter=[inntekt("p2", 32000)])
    )
    assert ls(v).utfall is Utfall.OPPFYLT
    assert poster(v) == {"sats_samboer_enkeltvis": 6600, "inntekt_arbeidsinntekt": 0}
    assert ls(v).belop_per_maned == 6600


def test_samboer_uten_inntekt_trenger_ikke_felles_okonomi() -> None:
    v = assess(sak(personer=[SOKER, samboer()]))
    assert ls(v).utfall is Utfall.OPPFYLT and ls(v).belop_per_maned == 13100


def test_voksent_barns_inntekt_regnes_ikke_med_men_mindrearig_barns_ytelse_gjor() -> None:
    voksen = {"id": "b1", "rolle": "barn", "fodselsdato": "2005-06-01"}  # 18 on the date
    v = assess(sak(personer=[SOKER, voksen], inntekter=[inntekt("b1", 9000)]))
    assert linje(v, "inntekt_arbeidsinntekt").medregnet is False
    ung = {"id": "b1", "rolle": "barn", "fodselsdato": "2010-06-01"}
    v = assess(sak(personer=[SOKER, ung], inntekter=[inntekt("b1", 900, "annen")]))
    assert linje(v, "inntekt_annen").medregnet is True  # the child's own means, for its needs


def test_felles_okonomi_bare_for_samboer() -> None:
    ektefelle = {"id": "p2", "rolle": "ektefelle", "felles_okonomi": False}
    with pytest.raises(UgyldigSak) as info:
        assess(sak(personer=[SOKER, ektefelle]))
    assert [f.felt for f in info.value.feil] == ["personer[1].felles_okonomi"]


# --- 2. Adults who are not applicant or partner: a question, never a silent 0 -----------------


def test_annen_voksen_gir_sporsmal_og_egen_linje() -> None:
    leieboer = {"id": "v1", "rolle": "annen_voksen"}
    v = assess(sak(bofellesskap=True, personer=[SOKER, leieboer]))
    assert ls(v).utfall is Utfall.SKJONN  # main: oppfylt, the lodger silently left out
    assert linje(v, "voksen_uten_sats").person == "v1"
    tekst = v.explain("nb")
    assert "kan søke om stønad selv" in tekst
    assert "may apply for support themselves" in v.explain("en")


def test_barn_over_18_i_husstanden_gir_sporsmal_om_barneloven_68() -> None:
    nitten = {"id": "b1", "rolle": "barn", "fodselsdato": "2005-01-01"}
    v = assess(sak(personer=[SOKER, nitten]))
    assert ls(v).utfall is Utfall.SKJONN
    tekst = v.explain("nb")
    assert "barn født 2005" in tekst and "barneloven § 68" in tekst
    assert " b1" not in tekst  # a person is named, never by the case's id
    assert linje(v, "barn_uten_barnesats").belop == 0


def test_ingen_andre_voksne_ingen_sporsmal() -> None:
    under_18 = {"id": "b1", "rolle": "barn", "fodselsdato": "2010-01-01"}
    v = assess(sak(personer=[SOKER, under_18], barns_behov_vurdert=True))
    assert ls(v).utfall is Utfall.OPPFYLT
    node = ls(v).node.finn("stl-18-1-andre-voksne")
    assert node is not None and node.utfall is Utfall.OPPFYLT


# --- 3. A child's earnings belong to a child -----------------------------------------------------


def test_barns_arbeidsinntekt_paa_en_voksen_avvises() -> None:
    with pytest.raises(UgyldigSak) as info:
        assess(sak(inntekter=[inntekt("p1", 30000, "barns_arbeidsinntekt")]))
    (feil,) = info.value.feil
    assert feil.felt == "inntekter[0].type"
    assert "kan bare gjelde et barn" in feil.melding and "«soker»" in feil.melding


def test_barns_arbeidsinntekt_paa_et_barn_regnes_ikke_med() -> None:
    barn = {"id": "b1", "rolle": "barn", "fodselsdato": "2009-01-01"}
    v = assess(
        sak(
            personer=[SOKER, barn],
            inntekter=[inntekt("b1", 3000, "barns_arbeidsinntekt")],
            barns_behov_vurdert=True,
        )
    )
    assert linje(v, "inntekt_barns_arbeidsinntekt").medregnet is False
    assert ls(v).belop_per_maned == 7850 + 5150


# --- 4. A necessary one-off expense gives a claim for the month ----------------------------------


def tannlege(belop: int = 4000) -> dict[str, Any]:
    return {
        "type": "tannbehandling",
        "belop": belop,
        "hyppighet": "engangs",
        "beskrivelse": "akutt",
    }


def test_engangsutgift_gir_krav_for_maneden_selv_naar_inntekten_dekker_maneden() -> None:
    """Income 9 000 covers the rate 7 850 but not acute dental treatment of 4 000 (main:
    refused, «andre nødvendige utgifter (0 kr)»)."""
    s = sak("2024-03-14", inntekter=[inntekt("p1", 9000)], andre_utgifter=[tannlege()])
    v = assess(s)
    o = json.loads(v.to_json())["vedtak"]["livsopphold"]
    assert o["utfall"] == "oppfylt"
    assert o["belop_per_maned"] == 0  # nothing monthly
    assert o["engangsstonad"] == 4000 - (9000 - 7850)
    assert (o["engangsstonad_fra"], o["engangsstonad_til"]) == ("2024-03-01", "2024-03-31")
    (linjen,) = [x for x in o["beregning"] if x["post"] == "engangsstonad"]
    assert linjen["belop"] == 0 and linjen["grunnlag"] == 2850
    assert linjen["kilde"] == "2024-03-01/2024-03-31"
    tekst = v.explain("nb")
    assert (
        "Engangsstønad for måneden (utenom månedsbeløpet) 2 850 kr, 01.03.2024–31.03.2024" in tekst
    )
    assert "engangsstønad for denne måneden" in tekst


def test_engangsutgift_som_inntekten_dekker_gir_ikke_krav() -> None:
    s = sak("2024-02-29", inntekter=[inntekt("p1", 12000)], andre_utgifter=[tannlege(4000)])
    o = json.loads(assess(s).to_json())["vedtak"]["livsopphold"]
    assert o["utfall"] == "ikke_oppfylt"
    assert o["engangsstonad"] is None and o["beregnet_engangsstonad"] == 0
    assert o["engangsstonad_til"] == "2024-02-29"  # a leap February


def test_engangsutgift_kommer_i_tillegg_til_manedsbelopet() -> None:
    v = assess(sak(andre_utgifter=[tannlege(4000)]))
    assert ls(v).belop_per_maned == 7850
    assert ls(v).utdata["engangsstonad"] == 4000
    assert ls(v).utdata["engangsutgifter"] == 4000


# --- 10. Smaller § 18 points: each a question with its source ----------------------------------


def sporsmal(v: Assessment, sprak: str = "nb") -> str:
    tekst = v.explain(sprak)
    return tekst.split("Spørsmål til saksbehandlers skjønn" if sprak == "nb" else "Questions")[-1]


def test_gjeld_tas_ikke_med_og_gir_sporsmal() -> None:
    gjeld = {"type": "gjeld", "belop": 2500, "hyppighet": "per_maned"}
    v = assess(sak(andre_utgifter=[gjeld]))
    assert ls(v).belop_per_maned == 7850  # main: 10 350, the debt added with no question
    assert ls(v).utfall is Utfall.SKJONN
    assert linje(v, "utgift_gjeld").grunnlag == 2500
    assert "sosialtjenesteloven § 19" in sporsmal(v)
    annen = {"type": "medisiner", "belop": 400, "hyppighet": "per_maned"}
    assert ls(assess(sak(andre_utgifter=[annen]))).belop_per_maned == 8250  # other side


def test_husleie_satt_ned_gir_sporsmal_om_omstillingstid() -> None:
    husleie = {
        "type": "husleie",
        "belop_per_maned": 15000,
        "vurdert_rimelig": False,
        "godkjent_belop_per_maned": 9000,
    }
    v = assess(sak(boutgifter=[husleie]))
    assert ls(v).utfall is Utfall.SKJONN  # main: oppfylt, cut at once with no question
    assert "rimelig tid til å skaffe seg en rimeligere bolig" in sporsmal(v)
    rimelig = {"type": "husleie", "belop_per_maned": 9000, "vurdert_rimelig": True}
    assert ls(assess(sak(boutgifter=[rimelig]))).utfall is Utfall.OPPFYLT


def test_formue_som_dekker_maneder_gir_ingen_utbetaling_foer_den_er_vurdert() -> None:
    v = assess(sak(formue=[{"type": "bankinnskudd", "belop": 20000}]))
    o = json.loads(v.to_json())["vedtak"]["livsopphold"]
    assert o["belop_per_maned"] is None  # main: 7 850 shown as payable
    assert o["beregnet_behov_per_maned"] == 7850 and o["formue_dekker_maneder"] == 2
    assert "i 2 hele måneder" in v.explain("nb")
    holdt = {"type": "bankinnskudd", "belop": 20000, "holdes_utenfor": True}
    assert ls(assess(sak(formue=[holdt]))).belop_per_maned == 7850
    liten = {"type": "bankinnskudd", "belop": 7000}  # under one month
    assert ls(assess(sak(formue=[liten]))).belop_per_maned == 7850


def test_student_gir_sporsmal_og_sier_om_det_er_sommer() -> None:
    stipend = [inntekt("p1", 1000, "studielan_stipend")]
    sommer = assess(sak("2024-07-01", inntekter=stipend))
    assert ls(sommer).utfall is Utfall.SKJONN  # main: oppfylt, no rule for students
    assert "Lånekassen" in sporsmal(sommer)
    node = ls(sommer).node.finn("stl-18-1-student")
    assert node is not None and node.utfall is Utfall.SKJONN
    assert "undervisningsår: ja" in sommer.explain("nb")
    assert "undervisningsår: nei" in assess(sak("2024-03-01", inntekter=stipend)).explain("nb")
    assert ls(assess(sak(inntekter=[inntekt("p1", 1000)]))).utfall is Utfall.OPPFYLT


def test_mindrearig_soker_gir_sporsmal_om_barnevern() -> None:
    ung = {"id": "p1", "rolle": "soker", "fodselsdato": "2007-01-01"}  # 17 on the date
    v = assess(sak(personer=[ung]))
    assert ls(v).utfall is Utfall.SKJONN  # main: oppfylt at the single adult rate
    assert "barneverntjenesten" in sporsmal(v) and "barneloven § 66" in sporsmal(v)
    voksen = {"id": "p1", "rolle": "soker", "fodselsdato": "2006-03-01"}  # 18 on the date
    assert ls(assess(sak(personer=[voksen]))).utfall is Utfall.OPPFYLT
    ukjent = {"id": "p1", "rolle": "soker"}
    assert ls(assess(sak(personer=[ukjent]))).utfall is Utfall.OPPFYLT  # no new gap


def test_nye_regeltekster_har_nynorsk() -> None:
    from sosialregler import standard_regelbok

    nye = [
        "stl-18-1-andre-voksne",
        "stl-18-1-engangsbehov",
        "stl-18-1-formue-maneder",
        "stl-18-1-gjeld",
        "stl-18-1-omstillingstid-bolig",
        "stl-18-1-student",
        "stl-18-1-mindrearig-soker",
        "stl-18-inntekt-uten-forsorgelsesplikt",
        "stl-18-inntekt-samboer",
        "stl-18-gjeld-ikke-livsopphold",
        "stl-18-3-barnetrygd-bekreftet",
    ]
    bok = standard_regelbok()
    for rid in nye:
        for versjon in bok.regler[rid]:
            for utfall, maler in versjon.info.tekster.items():
                assert set(maler) == {"nb", "nn", "en"}, (rid, utfall)


def test_forfalsket_beregnet_behov_paa_et_avslag_avvises() -> None:
    """Re-reading a record checks a refusal's computed figure as it checks a payable one."""
    data = json.loads(json.dumps(assess(avslag()).to_record(utgave=4)))
    from sosialregler.utdata.record import innholdsdigest

    data["vedtak"]["livsopphold"]["utdata"]["beregnet_behov_per_maned"] = 99850
    data["digest"] = innholdsdigest(data)
    with pytest.raises(ValueError, match="stemmer ikke med seg selv: livsopphold"):
        Assessment.from_record(data)
