"""§ 29 kvalifiseringsprogram: each criterion, the age limits, the programme period and its flags.

Sources: law notes § 12.1-12.3 and addendum A5 (S25, S30, S31, S32, S34). Every criterion is
tested for met, not met and missing (``uavklart`` naming the JSON path), and each dated rule on
both sides of its ``gyldig_fra``; texts are tested in bokmål and English and through the JSON.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any, get_args

import pytest

from sosialregler import Assessment, UgyldigSak, Utfall, assess
from sosialregler.inndata.facts import KvpYtelse
from sosialregler.vurdering.areas.kvalifisering import YTELSESNAVN, lengde

OMRADE = "kvalifiseringsprogram"


def kvp_sak(dato: str = "2024-09-02", fodt: str = "1990-01-01", **kvp: Any) -> dict[str, Any]:
    """A case in which every § 29 criterion is met (a Norwegian citizen living in Norway)."""
    grunn: dict[str, Any] = {
        "person": "p1",
        "arbeidsevnevurdering_gjort": True,
        "vesentlig_nedsatt_arbeidsevne": True,
        "ytelser_folketrygd": [],
        "behov_for_tett_oppfolging": True,
        "hensiktsmessig_og_nodvendig": True,
        "program_kan_tilbys": True,
    }
    grunn.update(kvp)
    grunn = {k: v for k, v in grunn.items() if v is not None}
    return {
        "vurderingsdato": dato,
        "personer": [
            {
                "id": "p1",
                "rolle": "soker",
                "fodselsdato": fodt,
                "opphold": {"norsk_statsborger": True, "fast_bopel_i_norge": True},
            }
        ],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [],
        "kvp": grunn,
    }


def vedtak(v: Assessment) -> Any:
    return v.vedtak[OMRADE]


def node(v: Assessment, regel: str) -> Any:
    funnet = vedtak(v).node.finn(regel)
    assert funnet is not None, regel
    return funnet


def koder(v: Assessment) -> list[str]:
    return [m.kode for m in v.merknader]


def merknad(v: Assessment, kode: str) -> dict[str, Any]:
    return next(m for m in v.to_dict()["merknader"] if m["kode"] == kode)


# --- The right as a whole ---------------------------------------------------------------------


def test_alle_vilkar_oppfylt_gir_rett_til_program() -> None:
    v = assess(kvp_sak())
    assert vedtak(v).utfall is Utfall.OPPFYLT
    ut = v.to_dict()["vedtak"][OMRADE]
    assert ut["utfall"] == "oppfylt"
    assert ut["hjemmel"] == ["sosialtjenesteloven § 29"]
    assert ut["lenker"] == ["https://lovdata.no/lov/2009-12-18-131/§29"]
    assert ut["mangler"] == [] and ut["ikke_oppfylte_vilkar"] == []
    assert ut["forklaring"]["barn"][0]["regel"] == "stl-29-rett-til-kvp"
    assert ut["begrunnelse"].startswith(
        "Søkeren fyller vilkårene for kvalifiseringsprogram og har rett til program."
    )
    assert "Søkeren er 34 år og er i yrkesaktiv alder (18–67 år)" in ut["begrunnelse"]
    assert ut["begrunnelse_en"].startswith(
        "The applicant meets the conditions for the qualification programme"
    )
    assert "The applicant is 34 and of working age (18 to 67)" in ut["begrunnelse_en"]


def test_uten_kvp_opplysninger_er_omradene_utelatt() -> None:
    sak = kvp_sak()
    del sak["kvp"]
    v = assess(sak)
    assert OMRADE not in v.vedtak
    assert "kvalifiseringsstonad" not in v.vedtak
    assert "livsopphold" in v.vedtak


def test_kontraktens_eksempel_er_uavklart_og_nevner_det_som_mangler() -> None:
    """case-format.md's example: no residence facts and no recorded assessment of whether a
    programme is appropriate and necessary. Both areas are there; § 29 names exactly those."""
    eksempel = {
        "vurderingsdato": "2024-03-01",
        "personer": [
            {"id": "p1", "rolle": "soker", "fodselsdato": "1996-05-02"},
            {"id": "p2", "rolle": "ektefelle", "fodselsdato": "1994-11-30"},
            {"id": "b1", "rolle": "barn", "fodselsdato": "2018-08-15"},
        ],
        "bofellesskap": False,
        "inntekter": [
            {"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": 9000},
            {"person": "p1", "type": "barnetrygd", "belop_per_maned": 1766},
        ],
        "formue": [{"type": "bankinnskudd", "belop": 1500}],
        "boutgifter": [
            {"type": "husleie", "belop_per_maned": 11000},
            {"type": "strom", "belop_per_maned": 900},
        ],
        "kvp": {
            "person": "p1",
            "arbeidsevnevurdering_gjort": True,
            "vesentlig_nedsatt_arbeidsevne": True,
            "ytelser_folketrygd": [],
            "behov_for_tett_oppfolging": True,
            "program_kan_tilbys": True,
        },
        "individuell_vurdering": "Husleien er rimelig for en familie på tre.",
    }
    ut = assess(eksempel).to_dict()["vedtak"]
    assert ut[OMRADE]["utfall"] == "uavklart"
    assert ut[OMRADE]["mangler"] == [
        "kvp.hensiktsmessig_og_nodvendig",
        "personer[0].opphold.norsk_statsborger",
        "personer[0].opphold.lovlig_opphold",
        "personer[0].opphold.fast_bopel_i_norge",
    ]
    assert ut[OMRADE]["begrunnelse"].startswith(
        "Retten til kvalifiseringsprogram kan ikke avgjøres før disse opplysningene er kjent: "
        "kvp.hensiktsmessig_og_nodvendig, personer[0].opphold.norsk_statsborger"
    )
    stonad = ut["kvalifiseringsstonad"]
    assert stonad["utfall"] == "uavklart"
    assert stonad["stonad_per_ar"] == 237240  # 2 G, G = 118 620 (01.05.2023), age 27
    assert stonad["barnetillegg_per_dag"] is None  # kvp.forsorger_barn not given


# --- Age (§ 29: «yrkesaktiv alder») -----------------------------------------------------------


@pytest.mark.parametrize(
    ("dato", "alder", "utfall"),
    [
        ("2024-03-14", 17, Utfall.IKKE_OPPFYLT),  # the day before the 18th birthday
        ("2024-03-15", 18, Utfall.OPPFYLT),  # the 18th birthday
        ("2073-03-14", 66, Utfall.OPPFYLT),  # the day before the 67th birthday
        ("2073-03-15", 67, Utfall.IKKE_OPPFYLT),  # the 67th birthday: no longer of working age
    ],
)
def test_aldersgrensene_18_og_67(dato: str, alder: int, utfall: Utfall) -> None:
    v = assess(kvp_sak(dato, fodt="2006-03-15"))
    n = node(v, "stl-29-alder")
    assert n.utfall is utfall
    assert n.fakta["kvp.alder"] == alder
    assert vedtak(v).utfall is utfall
    if utfall is Utfall.IKKE_OPPFYLT:
        ikke = v.to_dict()["vedtak"][OMRADE]["ikke_oppfylte_vilkar"]
        assert [i["regel"] for i in ikke] == ["stl-29-alder"]
        assert ikke[0]["tekst"].startswith(f"Søkeren er {alder} år. Kvalifiseringsprogram er for")
        assert ikke[0]["hva_kan_endre"] == (
            "Vilkåret blir oppfylt fra fylte 18 år. Fra fylte 67 år gir loven ikke rett til "
            "program."
        )
        assert f"The applicant is {alder}." in v.begrunnelse(OMRADE, "en")


@pytest.mark.parametrize(
    ("dato", "utfall", "tittel"),
    [
        ("2018-12-31", Utfall.IKKE_OPPFYLT, "Yrkesaktiv alder (19–67 år)"),
        ("2019-01-01", Utfall.OPPFYLT, "Yrkesaktiv alder (18–67 år)"),
    ],
)
def test_nedre_aldersgrense_senket_fra_19_til_18_den_1_januar_2019(
    dato: str, utfall: Utfall, tittel: str
) -> None:
    v = assess(kvp_sak(dato, fodt="2000-06-01"))  # 18 on both dates
    n = node(v, "stl-29-alder")
    assert n.utfall is utfall
    assert n.regel.tittel["nb"] == tittel


def test_19_aringer_hadde_rett_for_2019() -> None:
    assert node(assess(kvp_sak("2018-12-31", fodt="1999-06-01")), "stl-29-alder").utfall is (
        Utfall.OPPFYLT
    )


def test_alder_ukjent_gir_uavklart_med_stien() -> None:
    sak = kvp_sak()
    del sak["personer"][0]["fodselsdato"]
    v = assess(sak)
    assert node(v, "stl-29-alder").utfall is Utfall.UAVKLART
    assert vedtak(v).mangler == ("personer[0].fodselsdato",)
    assert "Søkerens alder er ikke kjent (personer[0].fodselsdato)." in v.begrunnelse(OMRADE)


# --- The other criteria: met, not met, missing ------------------------------------------------

KRITERIER = [
    ("vesentlig_nedsatt_arbeidsevne", "stl-29-nedsatt-arbeidsevne", "arbeids- og inntektsevne"),
    ("behov_for_tett_oppfolging", "stl-29-tett-oppfolging", "tette oppfølgingen"),
    ("hensiktsmessig_og_nodvendig", "stl-29-hensiktsmessig-og-nodvendig", "hensiktsmessig"),
]


@pytest.mark.parametrize(("felt", "regel", "ord"), KRITERIER)
def test_kriteriet_ikke_oppfylt_gir_avslag_med_grunn(felt: str, regel: str, ord: str) -> None:
    v = assess(kvp_sak(**{felt: False}))
    assert vedtak(v).utfall is Utfall.IKKE_OPPFYLT
    assert node(v, regel).utfall is Utfall.IKKE_OPPFYLT
    ikke = v.to_dict()["vedtak"][OMRADE]["ikke_oppfylte_vilkar"]
    assert [i["regel"] for i in ikke] == [regel]
    assert ikke[0]["hjemmel"] == "sosialtjenesteloven § 29"
    assert ord in ikke[0]["tekst"]
    assert ikke[0]["hva_kan_endre"]
    begrunnelse = v.begrunnelse(OMRADE)
    assert begrunnelse.startswith("Søkeren har ikke rett til kvalifiseringsprogram, fordi")
    assert ikke[0]["hva_kan_endre"] in begrunnelse


@pytest.mark.parametrize(("felt", "regel", "ord"), KRITERIER)
def test_kriteriet_mangler_gir_uavklart_med_stien(felt: str, regel: str, ord: str) -> None:
    v = assess(kvp_sak(**{felt: None}))
    assert node(v, regel).utfall is Utfall.UAVKLART
    assert vedtak(v).utfall is Utfall.UAVKLART
    assert vedtak(v).mangler == (f"kvp.{felt}",)
    assert f"(kvp.{felt})" in v.begrunnelse(OMRADE)
    assert f"(kvp.{felt})" in v.begrunnelse(OMRADE, "en")


@pytest.mark.parametrize(("felt", "regel", "ord"), KRITERIER)
def test_kriteriet_oppfylt_har_egen_tekst(felt: str, regel: str, ord: str) -> None:
    n = node(assess(kvp_sak()), regel)
    assert n.utfall is Utfall.OPPFYLT
    assert n.regel.tekst("oppfylt", "nb") and n.regel.tekst("oppfylt", "en")


# --- The work-capacity assessment is NAV's own task (issue 14 point 6) ------------------------
# On main, arbeidsevnevurdering_gjort = false refused the programme: NAV refused because NAV had
# not done its own assessment, against the duty to investigate (forvaltningsloven § 17).


@pytest.mark.parametrize("gjort", [False, None], ids=["ikke-gjort", "ikke-oppgitt"])
def test_manglende_arbeidsevnevurdering_er_uavklart_aldri_avslag(gjort: bool | None) -> None:
    v = assess(kvp_sak(arbeidsevnevurdering_gjort=gjort))
    n = node(v, "stl-29-arbeidsevnevurdering")
    assert n.utfall is Utfall.UAVKLART
    assert vedtak(v).utfall is Utfall.UAVKLART
    assert vedtak(v).mangler == ("kvp.arbeidsevnevurdering_gjort",)
    assert v.to_dict()["vedtak"][OMRADE]["ikke_oppfylte_vilkar"] == []
    nb, en = v.begrunnelse(OMRADE), v.begrunnelse(OMRADE, "en")
    assert "ikke grunnlag for avslag" in nb and "no ground for refusal" in en
    assert "forvaltningsloven § 17" in nb and "NAV-loven § 14 a" in nb
    assert "forvaltningsloven § 17" in [h.tekst("nb") for h in n.regel.hjemmel][1]


def test_manglende_arbeidsevnevurdering_gir_ikke_avslag_pa_stonaden() -> None:
    v = assess(kvp_sak(arbeidsevnevurdering_gjort=False))
    assert v.vedtak["kvalifiseringsstonad"].utfall is Utfall.UAVKLART


def test_arbeidsevnevurdering_gjort_oppfyller_kriteriet() -> None:
    n = node(assess(kvp_sak(arbeidsevnevurdering_gjort=True)), "stl-29-arbeidsevnevurdering")
    assert n.utfall is Utfall.OPPFYLT


def test_annet_kriterium_avgjor_avslag_selv_uten_arbeidsevnevurdering() -> None:
    v = assess(kvp_sak(arbeidsevnevurdering_gjort=False, behov_for_tett_oppfolging=False))
    assert vedtak(v).utfall is Utfall.IKKE_OPPFYLT


# --- Benefits: «ingen eller svært begrensede ytelser» -----------------------------------------


def _med_inntekt(sak: dict[str, Any], type_: str, belop: int) -> dict[str, Any]:
    sak["inntekter"] = [{"person": "p1", "type": type_, "belop_per_maned": belop}]
    return sak


@pytest.mark.parametrize(
    ("ytelse", "belop", "nb", "en"),
    [
        ("uforetrygd", 24000, "24 000 kr per måned, 288 000 kr per år", "NOK 24,000 per month"),
        ("aap", 18500, "18 500 kr per måned, 222 000 kr per år", "NOK 222,000 per year"),
    ],
)
def test_full_ytelse_vises_med_belop_mot_stonaden(
    ytelse: str, belop: int, nb: str, en: str
) -> None:
    """Issue 14 point 6: the weighing of «svært begrensede» shows the benefit's amount."""
    v = assess(_med_inntekt(kvp_sak(ytelser_folketrygd=[ytelse]), ytelse, belop))
    assert node(v, "stl-29-ytelser").utfall is Utfall.SKJONN
    begrunnelse = v.begrunnelse(OMRADE)
    assert nb in begrunnelse
    assert "kvalifiseringsstønaden 253 141 kr per år" in begrunnelse
    assert "vanskelig å kalle svært begrenset" in begrunnelse
    assert en in v.begrunnelse(OMRADE, "en")


def test_ytelsens_belop_ukjent_uten_inntektslinje() -> None:
    v = assess(kvp_sak(ytelser_folketrygd=["aap"]))
    assert "utgjør de ukjent per måned" in v.begrunnelse(OMRADE)
    assert node(v, "stl-29-ytelser").fakta["kvp.ytelser_per_ar"].mangler == ("inntekter",)


@pytest.mark.parametrize("ytelse", get_args(KvpYtelse))
def test_hver_ytelse_stopper_automatisk_innvilgelse_og_nevnes(ytelse: str) -> None:
    """A listed benefit is a question for discretion that names the benefit, never a refusal."""
    v = assess(kvp_sak(ytelser_folketrygd=[ytelse]))
    n = node(v, "stl-29-ytelser")
    assert n.utfall is Utfall.SKJONN
    assert vedtak(v).utfall is Utfall.SKJONN
    navn = YTELSESNAVN[ytelse]
    assert (
        f"Søkeren har ytelser til livsopphold etter folketrygdloven eller arbeidsmarkedsloven: "
        f"{navn}." in v.begrunnelse(OMRADE)
    )
    assert f"Labour Market Act: {navn}." in v.begrunnelse(OMRADE, "en")
    tekst = v.explain("nb")
    assert "«ingen eller svært begrensede ytelser til livsopphold»" in tekst
    assert v.to_dict()["vedtak"][OMRADE]["ikke_oppfylte_vilkar"] == []


def test_flere_ytelser_nevnes_alle() -> None:
    v = assess(kvp_sak(ytelser_folketrygd=["aap", "tiltakspenger"]))
    assert "arbeidsavklaringspenger, tiltakspenger" in v.begrunnelse(OMRADE)


def test_ingen_ytelser_oppfyller_vilkaret() -> None:
    n = node(assess(kvp_sak(ytelser_folketrygd=[])), "stl-29-ytelser")
    assert n.utfall is Utfall.OPPFYLT


def test_ytelser_ikke_oppgitt_gir_uavklart() -> None:
    v = assess(kvp_sak(ytelser_folketrygd=None))
    assert node(v, "stl-29-ytelser").utfall is Utfall.UAVKLART
    assert vedtak(v).mangler == ("kvp.ytelser_folketrygd",)


def test_ukjent_ytelse_avvises_med_lovlige_navn() -> None:
    with pytest.raises(UgyldigSak) as feil:
        assess(kvp_sak(ytelser_folketrygd=["aap", "lotto"]))
    (f,) = feil.value.feil
    assert f.felt == "kvp.ytelser_folketrygd[1]"
    assert f.verdi == "lotto"
    assert "aap" in f.melding and "tiltakspenger" in f.melding


# --- The office can offer a programme (exceptional cases only) --------------------------------


def test_kan_ikke_tilby_program_er_skjonn_for_unntakstilfeller() -> None:
    v = assess(kvp_sak(program_kan_tilbys=False))
    assert node(v, "stl-29-program-kan-tilbys").utfall is Utfall.SKJONN
    assert vedtak(v).utfall is Utfall.SKJONN
    begrunnelse = v.begrunnelse(OMRADE)
    assert "bare for unntakstilfeller" in begrunnelse
    assert "kommunen kan ikke begrense antall deltakere" in begrunnelse
    assert "exceptional cases only" in v.begrunnelse(OMRADE, "en")


def test_kan_tilby_program_mangler() -> None:
    v = assess(kvp_sak(program_kan_tilbys=None))
    assert vedtak(v).mangler == ("kvp.program_kan_tilbys",)


# --- Lawful and fixed residence ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("opphold", "utfall", "mangler"),
    [
        ({"norsk_statsborger": True, "fast_bopel_i_norge": True}, Utfall.OPPFYLT, ()),
        (
            {"norsk_statsborger": False, "lovlig_opphold": True, "fast_bopel_i_norge": True},
            Utfall.OPPFYLT,
            (),
        ),
        (
            {"norsk_statsborger": False, "lovlig_opphold": False, "fast_bopel_i_norge": True},
            Utfall.IKKE_OPPFYLT,
            (),
        ),
        ({"lovlig_opphold": True, "fast_bopel_i_norge": False}, Utfall.IKKE_OPPFYLT, ()),
        (
            {"norsk_statsborger": False, "fast_bopel_i_norge": True},
            Utfall.UAVKLART,
            ("personer[0].opphold.lovlig_opphold",),
        ),
        (
            None,
            Utfall.UAVKLART,
            (
                "personer[0].opphold.norsk_statsborger",
                "personer[0].opphold.lovlig_opphold",
                "personer[0].opphold.fast_bopel_i_norge",
            ),
        ),
    ],
)
def test_lovlig_opphold_og_fast_bopel(
    opphold: dict[str, Any] | None, utfall: Utfall, mangler: tuple[str, ...]
) -> None:
    sak = kvp_sak()
    if opphold is None:
        del sak["personer"][0]["opphold"]
    else:
        sak["personer"][0]["opphold"] = opphold
    v = assess(sak)
    n = node(v, "stl-29-opphold")
    assert n.utfall is utfall
    assert vedtak(v).utfall is utfall
    assert vedtak(v).mangler == mangler
    if utfall is Utfall.IKKE_OPPFYLT:
        ikke = v.to_dict()["vedtak"][OMRADE]["ikke_oppfylte_vilkar"]
        assert ikke[0]["hjemmel"] == (
            "sosialtjenesteloven § 2; forskrift om sosiale tjenester for personer uten fast "
            "bopel i Norge § 1"
        )


def test_oppholdet_leses_hos_kvp_personen() -> None:
    """The participant may be the spouse; residence and age are read from that person."""
    sak = kvp_sak(person="p2")
    sak["personer"].append(
        {"id": "p2", "rolle": "ektefelle", "fodselsdato": "2001-01-01", "opphold": {}}
    )
    v = assess(sak)
    assert node(v, "stl-29-alder").fakta["kvp.alder"] == 23
    assert vedtak(v).mangler == (
        "personer[1].opphold.norsk_statsborger",
        "personer[1].opphold.lovlig_opphold",
        "personer[1].opphold.fast_bopel_i_norge",
    )


# --- The programme period ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fra", "til", "svar"),
    [
        (date(2024, 1, 15), date(2026, 1, 14), (2, 0)),
        (date(2024, 1, 15), date(2026, 1, 15), (2, 1)),
        (date(2024, 1, 1), date(2024, 12, 31), (1, 0)),
        (date(2024, 2, 29), date(2026, 2, 28), (2, 0)),  # leap day: anniversary on 1 March
        (date(2024, 3, 1), date(2024, 3, 1), (0, 1)),
    ],
)
def test_lengde_teller_begge_endedager(fra: date, til: date, svar: tuple[int, int]) -> None:
    assert lengde(fra, til) == svar


def test_to_ar_er_innenfor_grensen() -> None:
    v = assess(kvp_sak(program_start="2024-01-15", program_slutt="2026-01-14"))
    n = node(v, "kvp-programvarighet")
    assert n.utfall is Utfall.OPPFYLT
    assert "KVP_PROGRAM_OVER_MAKSIMAL_LENGDE" not in koder(v)


def test_to_ar_og_en_dag_flagges() -> None:
    v = assess(kvp_sak(program_start="2024-01-15", program_slutt="2026-01-15"))
    assert node(v, "kvp-programvarighet").utfall is Utfall.IKKE_OPPFYLT
    assert vedtak(v).utfall is Utfall.OPPFYLT  # a flag, not a refusal
    m = merknad(v, "KVP_PROGRAM_OVER_MAKSIMAL_LENGDE")
    assert m["hjemmel"] == "forskrift om kvalifiseringsprogram og kvalifiseringsstønad § 2"
    assert m["tekst"] == (
        "Programmet er lengre enn loven tillater: programperioden 15.01.2024–15.01.2026 er "
        "2 år og 1 dager (grense: to år), og forlengelsen er 0 år og 0 dager (grense: ett år, "
        "og bare når særlige grunner tilsier det)."
    )
    assert m["tekst_en"].startswith("The programme is longer than the law allows")


@pytest.mark.parametrize(
    ("dato", "flagg"),
    [("2018-12-31", True), ("2019-01-01", False)],
)
def test_ett_ars_grensen_gjaldt_til_2019(dato: str, flagg: bool) -> None:
    v = assess(kvp_sak(dato, program_start="2018-01-01", program_slutt="2019-06-30"))
    assert ("KVP_PROGRAM_OVER_MAKSIMAL_LENGDE" in koder(v)) is flagg
    tittel = node(v, "kvp-programvarighet").regel.tittel["nb"]
    assert ("inntil ett år, forlengelse" in tittel) is flagg


def test_forlengelse_ett_ar_med_begrunnelse_er_skjonn() -> None:
    v = assess(
        kvp_sak(
            program_start="2024-01-15",
            program_slutt="2026-01-14",
            forlenget_til="2027-01-14",
            forlengelse_begrunnelse="Fagbrev avsluttes i desember 2026.",
        )
    )
    assert node(v, "kvp-programvarighet").utfall is Utfall.OPPFYLT
    n = node(v, "kvp-forlengelse-begrunnet")
    assert n.utfall is Utfall.SKJONN
    assert not {"KVP_PROGRAM_OVER_MAKSIMAL_LENGDE", "KVP_FORLENGELSE_UTEN_BEGRUNNELSE"} & set(
        koder(v)
    )
    assert "særlige grunner som unntaksvis tilsier" in v.explain("nb")


def test_forlengelse_over_ett_ar_flagges() -> None:
    v = assess(
        kvp_sak(
            program_start="2024-01-15",
            program_slutt="2026-01-14",
            forlenget_til="2027-01-15",
            forlengelse_begrunnelse="Fagbrev.",
        )
    )
    assert node(v, "kvp-programvarighet").fakta["kvp.forlengelse_restdager"] == 1
    assert "KVP_PROGRAM_OVER_MAKSIMAL_LENGDE" in koder(v)


@pytest.mark.parametrize("begrunnelse", [None, "", "   "])
def test_forlengelse_uten_begrunnelse_flagges(begrunnelse: str | None) -> None:
    v = assess(
        kvp_sak(
            program_start="2024-01-15",
            program_slutt="2026-01-14",
            forlenget_til="2026-06-30",
            forlengelse_begrunnelse=begrunnelse,
        )
    )
    assert node(v, "kvp-forlengelse-begrunnet").utfall is Utfall.IKKE_OPPFYLT
    m = merknad(v, "KVP_FORLENGELSE_UTEN_BEGRUNNELSE")
    assert m["tekst"].startswith(
        "Programmet er forlenget til 30.06.2026 uten at en begrunnelse er registrert. Et program "
        "kan bare unntaksvis forlenges, når særlige grunner tilsier det"
    )
    assert m["tekst_en"].startswith("The programme has been extended until 2026-06-30")


def test_forlengelse_for_2019_krevde_en_konkret_vurdering() -> None:
    v = assess(
        kvp_sak(
            "2018-06-01",
            program_start="2017-01-01",
            program_slutt="2017-12-31",
            forlenget_til="2018-12-31",
        )
    )
    m = merknad(v, "KVP_FORLENGELSE_UTEN_BEGRUNNELSE")
    assert "En forlengelse forutsetter en konkret vurdering" in m["tekst"]
    assert "KVP_PROGRAM_OVER_MAKSIMAL_LENGDE" not in koder(v)


def test_uten_forlengelse_er_det_ingenting_a_begrunne() -> None:
    v = assess(kvp_sak(program_start="2024-01-15", program_slutt="2025-01-14"))
    n = node(v, "kvp-forlengelse-begrunnet")
    assert n.utfall is Utfall.OPPFYLT
    assert n.regel.tekst("oppfylt", "nb") == "Programmet er ikke forlenget."


def test_programperiode_ikke_oppgitt_gir_uavklart_kontroll_uten_flagg() -> None:
    v = assess(kvp_sak(program_start="2024-01-15"))
    n = node(v, "kvp-programvarighet")
    assert n.utfall is Utfall.UAVKLART
    assert n.mangler == ("kvp.program_slutt",)
    assert "KVP_PROGRAM_OVER_MAKSIMAL_LENGDE" not in koder(v)
    assert vedtak(v).utfall is Utfall.OPPFYLT  # the check does not decide the right


# --- Full time (forskrift § 1) ----------------------------------------------------------------


@pytest.mark.parametrize(("timer", "flagg"), [(37.5, False), (40, False), (30, True)])
def test_full_tid_er_37_5_timer(timer: float, flagg: bool) -> None:
    v = assess(kvp_sak(timer_per_uke=timer))
    assert ("KVP_PROGRAM_IKKE_FULL_TID" in koder(v)) is flagg
    if flagg:
        m = merknad(v, "KVP_PROGRAM_IKKE_FULL_TID")
        assert m["tekst"] == (
            "Programmet er på 30 timer i uken. Kvalifiseringsprogrammet skal være på full tid: "
            "deltakeren skal sette av 37,5 timer i uken, arbeid i programmet medregnet."
        )
        assert m["hjemmel"] == "forskrift om kvalifiseringsprogram og kvalifiseringsstønad § 1"


def test_timer_ikke_oppgitt() -> None:
    v = assess(kvp_sak())
    assert node(v, "kvp-full-tid").mangler == ("kvp.timer_per_uke",)
    assert "KVP_PROGRAM_IKKE_FULL_TID" not in koder(v)


@pytest.mark.parametrize(("dato", "i_kraft"), [("2011-12-31", False), ("2012-01-01", True)])
def test_timeregelen_gjelder_fra_forskriften_2012(dato: str, i_kraft: bool) -> None:
    v = assess(kvp_sak(dato, timer_per_uke=20))
    assert ("KVP_PROGRAM_IKKE_FULL_TID" in koder(v)) is i_kraft
    n = node(v, "kvp-full-tid")
    # Not in force before 2012: the engine's «no version applies» node, undetermined, no facts.
    assert n.utfall is (Utfall.IKKE_OPPFYLT if i_kraft else Utfall.UAVKLART)
    assert (n.fakta == {}) is not i_kraft


# --- The contract: rejections across KVP fields -----------------------------------------------


@pytest.mark.parametrize(
    ("endring", "felt", "ord"),
    [
        (
            {"program_start": "2024-06-01", "program_slutt": "2024-05-31"},
            "kvp.program_slutt",
            "før",
        ),
        (
            {"program_slutt": "2025-05-31", "forlenget_til": "2025-05-31"},
            "kvp.forlenget_til",
            "etter",
        ),
        ({"forsorger_barn": ["p1"]}, "kvp.forsorger_barn[0]", "seg selv"),
        ({"timer_per_uke": 169}, "kvp.timer_per_uke", "168"),
        ({"ytelser_folketrygd": ["aap", "aap"]}, "kvp.ytelser_folketrygd[1]", "to ganger"),
        (
            {"fravaer": [{"fra": "2024-03-05", "til": "2024-03-04", "gyldig": False}]},
            "kvp.fravaer[0].til",
            "før",
        ),
        (
            {"fravaer": [{"fra": "2024-03-04", "til": "2024-03-05", "gyldig": False, "dager": 3}]},
            "kvp.fravaer[0].dager",
            "flere fraværsdager",
        ),
        ({"person": "x9"}, "kvp.person", "ukjent person-id"),
    ],
)
def test_motstridende_kvp_opplysninger_avvises(
    endring: dict[str, Any], felt: str, ord: str
) -> None:
    sak = kvp_sak(**endring)
    with pytest.raises(UgyldigSak) as feil:
        assess(sak)
    assert [f.felt for f in feil.value.feil] == [felt]
    assert ord in feil.value.feil[0].melding


def test_barn_to_ganger_avvises() -> None:
    sak = kvp_sak(forsorger_barn=["b1", "b1"])
    sak["personer"].append({"id": "b1", "rolle": "barn", "fodselsdato": "2020-01-01"})
    with pytest.raises(UgyldigSak) as feil:
        assess(sak)
    assert [(f.felt, f.melding) for f in feil.value.feil] == [
        ("kvp.forsorger_barn[1]", "barnet står to ganger")
    ]


# --- Records and languages --------------------------------------------------------------------


def test_vedtaksgrunnlaget_gjengir_samme_tekst() -> None:
    sak = kvp_sak(
        program_start="2024-01-15",
        program_slutt="2026-01-15",
        ytelser_folketrygd=["aap"],
        timer_per_uke=30,
    )
    v = assess(sak)
    igjen = Assessment.from_record(copy.deepcopy(v.to_record()))
    assert igjen.explain("nb") == v.explain("nb")
    assert igjen.explain("en") == v.explain("en")
    assert igjen.to_dict() == v.to_dict()
