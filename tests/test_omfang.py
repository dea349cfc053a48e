"""§ 2 and the regulation on persons without a fixed residence in Norway: who the Act covers.

Each scope group is tested with its consequences for the other areas: the scope decision itself
(``vedtak["omfang"]``), § 18 (stønad til livsopphold), § 27 (midlertidig botilbud) and KVP.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sosialregler import Assessment, UgyldigSak, Utfall, assess, regelbok
from sosialregler.utdata.explain import regeltekst
from sosialregler.vurdering.areas.omfang import GRUPPER, PERSONREGEL

BEGRENSET = "OMFANG_BEGRENSET"
FELT = (
    "norsk_statsborger",
    "lovlig_opphold",
    "fast_bopel_i_norge",
    "asylsoker_med_statlig_innkvartering",
    "avtale_eos_eller_nordisk",
    "offer_for_menneskehandel_refleksjonsperiode",
    "rett_til_opphold_under_oppholdssak",
)

NORSK = {"norsk_statsborger": True}
BOSATT = {
    "norsk_statsborger": False,
    "lovlig_opphold": True,
    "fast_bopel_i_norge": True,
    "asylsoker_med_statlig_innkvartering": False,
}
UTEN_BOPEL = {
    "norsk_statsborger": False,
    "lovlig_opphold": True,
    "fast_bopel_i_norge": False,
    "asylsoker_med_statlig_innkvartering": False,
    "avtale_eos_eller_nordisk": False,
    "offer_for_menneskehandel_refleksjonsperiode": False,
    "rett_til_opphold_under_oppholdssak": False,
}
ASYLSOKER = {"norsk_statsborger": False, "asylsoker_med_statlig_innkvartering": True}
ULOVLIG = {"norsk_statsborger": False, "lovlig_opphold": False}


def sak(opphold: dict[str, Any] | None = None, dato: str = "2024-03-01", **felt: Any) -> dict:
    """One adult applicant with a complete § 18 case; ``opphold`` for the applicant."""
    soker: dict[str, Any] = {"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}
    if opphold is not None:
        soker["opphold"] = opphold
    grunn: dict[str, Any] = {
        "vurderingsdato": dato,
        "personer": [soker],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [],
        "individuell_vurdering": "Vurdert konkret.",
    }
    grunn.update(felt)
    return grunn


def omfang(v: Assessment) -> Any:
    return v.vedtak["omfang"]


def livsopphold(v: Assessment) -> Any:
    return v.vedtak["livsopphold"]


def flagg(v: Assessment) -> list[dict[str, Any]]:
    return [m for m in v.to_dict()["merknader"] if m["kode"] == BEGRENSET]


def person(v: Assessment, i: int = 0) -> dict[str, Any]:
    return v.to_dict()["vedtak"]["omfang"]["personer"][i]


# --- full coverage -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opphold",
    [
        NORSK,
        BOSATT,
        {**UTEN_BOPEL, "avtale_eos_eller_nordisk": True},
        {**UTEN_BOPEL, "offer_for_menneskehandel_refleksjonsperiode": True},
        {**UTEN_BOPEL, "rett_til_opphold_under_oppholdssak": True},
        {**NORSK, "kortvarig_utenlandsopphold_avtalt": True},
    ],
    ids=["statsborger", "bosatt", "eos", "menneskehandel", "oppholdssak", "avtalt-utenlands"],
)
def test_fullt_omfattet(opphold: dict[str, Any]) -> None:
    v = assess(sak(opphold))
    assert omfang(v).utfall is Utfall.OPPFYLT
    assert person(v)["omfang"] == "full"
    assert not flagg(v)
    assert livsopphold(v).utfall is Utfall.OPPFYLT
    ut = v.to_dict()["vedtak"]["omfang"]
    assert ut["hjemmel"] == ["sosialtjenesteloven § 2"]
    assert ut["begrunnelse"].startswith(
        "Alle personene i saken er omfattet av sosialtjenesteloven fullt ut: loven gjelder for "
        "alle som oppholder seg i Norge"
    )
    assert ut["begrunnelse_en"].startswith("Everyone in the case is fully covered")


def test_statsborger_trenger_bare_statsborgerskapet() -> None:
    v = assess(sak(NORSK))
    assert omfang(v).mangler == ()
    node = omfang(v).node.finn(f"{PERSONREGEL}[personer[0]]")
    assert node is not None and node.utfall is Utfall.OPPFYLT


# --- forskrift § 1: lawful residence, no bopel -----------------------------------------------


def test_uten_bopel_far_tidsbegrenset_hjelp_og_beholder_paragraf_18() -> None:
    v = assess(sak(UTEN_BOPEL))
    assert omfang(v).utfall is Utfall.IKKE_OPPFYLT
    assert person(v)["omfang"] == "uten_bopel"
    assert person(v)["regel"] == "forskrift-bopel-1-uten-bopel"
    (m,) = flagg(v)
    assert m["person"] == "p1"
    assert m["hjemmel"] == (
        "sosialtjenesteloven § 2; forskrift om sosiale tjenester for personer uten fast bopel i "
        "Norge § 1"
    )
    assert "inntil p1 kan forventes å få bistand fra kilder i hjemlandet" in m["tekst"]
    assert "until p1 can be expected to get assistance" in m["tekst_en"]
    # § 1 second ledd gives economic support: § 18 is assessed as usual.
    assert livsopphold(v).utfall is Utfall.OPPFYLT


def test_unntak_i_paragraf_1_som_ikke_er_oppgitt_navngis() -> None:
    opphold = {k: v for k, v in UTEN_BOPEL.items() if k != "avtale_eos_eller_nordisk"}
    v = assess(sak(opphold))
    assert omfang(v).utfall is Utfall.UAVKLART
    assert omfang(v).mangler == ("personer[0].opphold.avtale_eos_eller_nordisk",)


# --- forskrift § 2: asylum seekers with state accommodation ------------------------------------


def test_asylsoker_far_bare_rad_og_ingen_paragraf_18_vurdering() -> None:
    v = assess(sak(ASYLSOKER))
    assert person(v)["omfang"] == "asylsoker_statlig_innkvartering"
    assert livsopphold(v).utfall is Utfall.IKKE_OPPFYLT
    ut = v.to_dict()["vedtak"]["livsopphold"]
    assert ut["begrunnelse"].splitlines()[-1] == (
        "Søkeren har søkt beskyttelse og er i, eller kan få, statlig innkvartering. Etter "
        "sosialtjenesteloven § 2 og forskrift om sosiale tjenester for personer uten fast bopel i "
        "Norge § 2 har søkeren bare krav på opplysning, råd og veiledning, og ikke på stønad til "
        "livsopphold etter § 18: behovene dekkes i mottakssystemet. (sosialtjenesteloven § 2; "
        "forskrift om sosiale tjenester for personer uten fast bopel i Norge § 2 første ledd)"
    )
    assert livsopphold(v).node.finn("stl-18-1-krav").avgjort_av == "forskrift-bopel-2-livsopphold"
    assert "entitled only to information, advice and guidance" in ut["begrunnelse_en"]


def test_asylsoker_far_ikke_midlertidig_botilbud() -> None:
    soknad = {"uten_overnatting_neste_dogn": True, "avgjorelse": "avslag"}
    v = assess(sak(ASYLSOKER, botilbud_soknad=soknad))
    vedtak = v.vedtak["midlertidig_botilbud"]
    assert vedtak.utfall is Utfall.IKKE_OPPFYLT
    assert "søkeren kan bo i statlig mottak" in v.begrunnelse("midlertidig_botilbud")
    assert "BOTILBUD_AVSLAG_VED_BEHOV" not in [m.kode for m in v.merknader]


# --- forskrift § 4: without lawful residence ---------------------------------------------------


def test_uten_lovlig_opphold_ingen_paragraf_18_og_teksten_sier_hvorfor() -> None:
    v = assess(sak(ULOVLIG))
    assert person(v)["omfang"] == "uten_lovlig_opphold"
    assert livsopphold(v).utfall is Utfall.IKKE_OPPFYLT
    # The exception that decided speaks last, after the § 18 criteria it overrides.
    linje = v.begrunnelse("livsopphold").splitlines()[-1]
    assert linje.startswith(
        "Søkeren har ikke lovlig opphold i Norge. Etter sosialtjenesteloven § 2"
    )
    assert "vurderes derfor ikke for stønad til livsopphold etter § 18" in linje
    assert "det vurderes som nødhjelp" in linje
    assert linje.endswith(
        "(sosialtjenesteloven § 2; forskrift om sosiale tjenester for personer uten fast bopel i "
        "Norge § 4)"
    )
    assert "is therefore not assessed for subsistence support" in v.begrunnelse("livsopphold", "en")
    assert livsopphold(v).node.finn("stl-18-1-krav").avgjort_av == "forskrift-bopel-4-livsopphold"


def test_lovlig_opphold_usann_avgjor_selv_om_statsborgerskap_mangler() -> None:
    v = assess(sak({"lovlig_opphold": False}))
    assert person(v)["omfang"] == "uten_lovlig_opphold"
    assert livsopphold(v).utfall is Utfall.IKKE_OPPFYLT


@pytest.mark.parametrize(
    ("mottak", "nod", "utfall", "mangler"),
    [
        (True, True, Utfall.IKKE_OPPFYLT, ()),
        (False, False, Utfall.IKKE_OPPFYLT, ()),
        (False, True, Utfall.OPPFYLT, ()),
        (False, None, Utfall.UAVKLART, ("nodsituasjon.foreligger",)),
        (None, True, Utfall.UAVKLART, ("personer[0].opphold.tilbud_om_plass_i_mottak",)),
    ],
)
def test_uten_lovlig_opphold_botilbud_bare_i_nodsituasjon_uten_mottaksplass(
    mottak: bool | None, nod: bool | None, utfall: Utfall, mangler: tuple[str, ...]
) -> None:
    opphold = {**ULOVLIG, **({} if mottak is None else {"tilbud_om_plass_i_mottak": mottak})}
    felt: dict[str, Any] = {"botilbud_soknad": {"uten_overnatting_neste_dogn": True}}
    if nod is not None:
        felt["nodsituasjon"] = {"foreligger": nod}
    v = assess(sak(opphold, **felt))
    vedtak = v.vedtak["midlertidig_botilbud"]
    assert vedtak.utfall is utfall
    assert vedtak.mangler == mangler
    if utfall is Utfall.IKKE_OPPFYLT:
        assert "bare rett til hjelp til å finne midlertidig botilbud i en nødssituasjon" in (
            v.begrunnelse("midlertidig_botilbud")
        )


# --- abroad ------------------------------------------------------------------------------------


def test_utenlandsopphold_uten_avtale() -> None:
    v = assess(sak({**NORSK, "kortvarig_utenlandsopphold_avtalt": False}))
    assert person(v)["omfang"] == "utenlands_uten_avtale"
    assert livsopphold(v).utfall is Utfall.IKKE_OPPFYLT
    assert "rundskrivet punkt 4.18.1" in v.begrunnelse("livsopphold")
    assert flagg(v)[0]["hjemmel"] == (
        "sosialtjenesteloven § 2; Rundskriv R35-00 (Hovednr. 35) punkt 4.18.1"
    )


# --- unknown residence -------------------------------------------------------------------------


def test_uten_oppholdsopplysninger_er_omfanget_uavklart_og_navngir_feltet() -> None:
    v = assess(sak())
    assert omfang(v).utfall is Utfall.UAVKLART
    assert omfang(v).mangler == ("personer[0].opphold",)
    ut = v.to_dict()["vedtak"]["omfang"]
    assert ut["mangler"] == ["personer[0].opphold"]
    assert ut["begrunnelse"].startswith(
        "Det kan ikke avgjøres om alle i saken er omfattet av sosialtjenesteloven fullt ut før "
        "disse opplysningene om opphold er kjent: personer[0].opphold."
    )
    assert "until these residence facts are known: personer[0].opphold." in ut["begrunnelse_en"]
    assert person(v)["omfang"] is None and person(v)["utfall"] == "uavklart"
    assert person(v)["mangler"] == ["personer[0].opphold"]


def test_tom_oppholdspost_navngir_hvert_felt_som_trengs() -> None:
    v = assess(sak({}))
    assert omfang(v).mangler == tuple(f"personer[0].opphold.{f}" for f in FELT)
    # Lawful residence and a fixed residence decide without citizenship …
    bosatt = {k: v for k, v in BOSATT.items() if k != "norsk_statsborger"}
    assert omfang(assess(sak(bosatt))).utfall is Utfall.OPPFYLT
    # … without a fixed residence, only citizenship can lift the limit in § 1.
    uten_bopel = {k: v for k, v in UTEN_BOPEL.items() if k != "norsk_statsborger"}
    assert omfang(assess(sak(uten_bopel))).mangler == ("personer[0].opphold.norsk_statsborger",)


def test_ukjent_opphold_holder_ikke_paragraf_18_tilbake() -> None:
    """Scope is assessed in its own decision; § 18 changes only when the facts show a limit."""
    uten = assess(sak())
    med = assess(sak(NORSK))
    assert livsopphold(uten).utfall is livsopphold(med).utfall is Utfall.OPPFYLT
    assert livsopphold(uten).mangler == ()
    assert livsopphold(uten).belop_per_maned == livsopphold(med).belop_per_maned


def test_hver_person_vurderes_for_seg() -> None:
    personer = [
        {"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01", "opphold": NORSK},
        {"id": "p2", "rolle": "ektefelle", "fodselsdato": "1991-01-01", "opphold": ULOVLIG},
        {"id": "b1", "rolle": "barn", "fodselsdato": "2020-01-01"},
    ]
    v = assess(sak(personer=personer))
    assert omfang(v).utfall is Utfall.IKKE_OPPFYLT  # p2 decides; b1's unknowns do not matter
    assert "Disse personene har bare begrensede rettigheter etter sosialtjenesteloven: p2." in (
        v.begrunnelse("omfang")
    )
    (m,) = flagg(v)
    assert m["person"] == "p2" and m["tekst"].startswith("p2 har ikke lovlig opphold i Norge.")
    assert livsopphold(v).utfall is Utfall.OPPFYLT  # the applicant is covered
    assert [p["omfang"] for p in v.to_dict()["vedtak"]["omfang"]["personer"]] == [
        "full",
        "uten_lovlig_opphold",
        None,
    ]


# --- dates -------------------------------------------------------------------------------------


def test_forskriften_gjelder_fra_2012() -> None:
    for_ = assess(sak(ULOVLIG, dato="2011-12-31"))
    assert person(for_)["omfang"] == "full"
    node = omfang(for_).node.finn(f"{PERSONREGEL}[personer[0]]")
    assert node.regel.gyldig_til is not None
    assert livsopphold(for_).utfall is Utfall.OPPFYLT
    pa = assess(sak(ULOVLIG, dato="2012-01-01"))
    assert person(pa)["omfang"] == "uten_lovlig_opphold"
    assert livsopphold(pa).utfall is Utfall.IKKE_OPPFYLT


def test_teksten_for_2012_sier_at_forskriften_ikke_gjaldt() -> None:
    v = assess(sak(NORSK, dato="2011-06-01"))
    node = omfang(v).node.finn(f"{PERSONREGEL}[personer[0]]")
    assert "Forskriften om personer uten fast bopel i Norge gjelder fra 01.01.2012" in (
        regeltekst(node, "nb")
    )


# --- KVP honours scope -------------------------------------------------------------------------

KVP = {
    "arbeidsevnevurdering_gjort": True,
    "vesentlig_nedsatt_arbeidsevne": True,
    "ytelser_folketrygd": [],
    "behov_for_tett_oppfolging": True,
    "program_kan_tilbys": True,
    "hensiktsmessig_og_nodvendig": True,
}


@pytest.mark.parametrize(
    ("opphold", "regel"),
    [
        (ASYLSOKER, "forskrift-bopel-2-kvp"),
        (ULOVLIG, "forskrift-bopel-4-kvp"),
        (
            {**NORSK, "fast_bopel_i_norge": True, "kortvarig_utenlandsopphold_avtalt": False},
            "stl-2-kvp-utenlandsopphold",
        ),
    ],
)
def test_kvalifiseringsprogram_respekterer_omfang(opphold: dict[str, Any], regel: str) -> None:
    v = assess(sak(opphold, kvp={"person": "p1", **KVP}))
    kvp = v.vedtak["kvalifiseringsprogram"]
    assert kvp.utfall is Utfall.IKKE_OPPFYLT
    assert kvp.node.finn("stl-29-rett-til-kvp").avgjort_av == regel
    assert "sosialtjenesteloven § 2" in v.begrunnelse("kvalifiseringsprogram")


def test_kvp_leser_deltakerens_omfang_ikke_sokerens() -> None:
    personer = [
        {"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01", "opphold": ULOVLIG},
        {"id": "p2", "rolle": "ektefelle", "fodselsdato": "1991-01-01", "opphold": NORSK},
    ]
    v = assess(sak(personer=personer, kvp={"person": "p2", **KVP}))
    assert v.vedtak["kvalifiseringsprogram"].node.finn("stl-29-rett-til-kvp").avgjort_av is None


# --- the rules and the contract ----------------------------------------------------------------


def test_hvert_unntak_fra_personregelen_har_en_gruppe() -> None:
    assert set(regelbok().unntak[PERSONREGEL]) == set(GRUPPER)


@pytest.mark.parametrize(
    ("opphold", "felt"),
    [
        ({"norsk_statsborger": True, "lovlig_opphold": False}, "lovlig_opphold"),
        (
            {"norsk_statsborger": True, "asylsoker_med_statlig_innkvartering": True},
            "asylsoker_med_statlig_innkvartering",
        ),
        ({"lovlig_opphold": False, "rett_til_opphold_under_oppholdssak": True}, "lovlig_opphold"),
        (
            {"lovlig_opphold": False, "offer_for_menneskehandel_refleksjonsperiode": True},
            "lovlig_opphold",
        ),
    ],
)
def test_motstridende_oppholdsopplysninger_avvises(opphold: dict[str, Any], felt: str) -> None:
    with pytest.raises(UgyldigSak) as feil:
        assess(sak(opphold))
    assert [f.felt for f in feil.value.feil] == [f"personer[0].opphold.{felt}"]
    assert "motstrid" in feil.value.feil[0].melding


def test_vedtaksgrunnlag_med_omfang_gjengis_likt() -> None:
    personer = [
        {"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01", "opphold": UTEN_BOPEL},
        {"id": "p2", "rolle": "samboer", "fodselsdato": "1991-01-01"},
    ]
    v = assess(sak(personer=personer))
    tilbake = Assessment.from_record(json.loads(json.dumps(v.to_record())))
    assert tilbake.explain("nb") == v.explain("nb")
    assert tilbake.explain("en") == v.explain("en")
    assert tilbake.to_json() == v.to_json()


@pytest.mark.parametrize(
    ("opphold", "gruppe"),
    [
        (ASYLSOKER, "asylsoker_statlig_innkvartering"),
        (UTEN_BOPEL, "uten_bopel"),
        (ULOVLIG, "uten_lovlig_opphold"),
    ],
)
def test_forskriftens_grupper_dagen_for_og_pa_ikrafttredelsen(
    opphold: dict[str, Any], gruppe: str
) -> None:
    assert person(assess(sak(opphold, dato="2011-12-31")))["omfang"] == "full"
    assert person(assess(sak(opphold, dato="2012-01-01")))["omfang"] == gruppe


def test_utenlandsopphold_gjelder_fra_lovens_start() -> None:
    v = assess(sak({**NORSK, "kortvarig_utenlandsopphold_avtalt": False}, dato="2010-01-01"))
    assert person(v)["omfang"] == "utenlands_uten_avtale"
    assert livsopphold(v).utfall is Utfall.IKKE_OPPFYLT


def test_asylstatus_som_mangler_navngis_for_ikke_statsborger() -> None:
    opphold = {k: v for k, v in BOSATT.items() if k != "asylsoker_med_statlig_innkvartering"}
    v = assess(sak(opphold))
    assert omfang(v).mangler == ("personer[0].opphold.asylsoker_med_statlig_innkvartering",)
    assert livsopphold(v).utfall is Utfall.OPPFYLT  # unknown scope does not hold up § 18


def test_kvp_unntak_gjelder_fra_2012() -> None:
    for dato, regel in (("2011-12-31", None), ("2012-01-01", "forskrift-bopel-4-kvp")):
        v = assess(sak(ULOVLIG, dato=dato, kvp={"person": "p1", **KVP}))
        assert v.vedtak["kvalifiseringsprogram"].node.finn("stl-29-rett-til-kvp").avgjort_av == (
            regel
        )


def test_botilbud_unntak_uten_lovlig_opphold_gjelder_fra_2012() -> None:
    felt = {"botilbud_soknad": {"uten_overnatting_neste_dogn": True}}
    opphold = {**ULOVLIG, "tilbud_om_plass_i_mottak": True}
    for dato, utfall in (("2011-12-31", Utfall.OPPFYLT), ("2012-01-01", Utfall.IKKE_OPPFYLT)):
        assert assess(sak(opphold, dato=dato, **felt)).vedtak["midlertidig_botilbud"].utfall is (
            utfall
        )


# --- Emergency help and the regulation (issue 14 point 5) ---------------------------------------
# On main an asylum seeker in state accommodation (forskrift § 2) and a person without lawful
# residence offered a reception place (forskrift § 4) were granted emergency help; the § 4 limit
# was applied to § 27 only. A person under § 1 got § 18 with no word of its time limit.

NOD = {"foreligger": True, "nodvendig_belop": 900, "beskrivelse": "Tom for mat"}
TIDSBEGRENSET = "HJELP_TIDSBEGRENSET"


def nodhjelp(v: Assessment) -> Any:
    return v.vedtak["nodhjelp"]


def tidsflagg(v: Assessment) -> list[dict[str, Any]]:
    return [m for m in v.to_dict()["merknader"] if m["kode"] == TIDSBEGRENSET]


def test_asylsoker_i_mottak_henvises_til_mottaket_ogsa_i_nod() -> None:
    v = assess(sak(ASYLSOKER, nodsituasjon=NOD))
    n = nodhjelp(v)
    assert n.utfall is Utfall.IKKE_OPPFYLT
    assert n.node.finn("stl-18-nodhjelp").avgjort_av == "forskrift-bopel-2-nodhjelp"
    nb, en = v.begrunnelse("nodhjelp", "nb"), v.begrunnelse("nodhjelp", "en")
    assert "forskrift om sosiale tjenester for personer uten fast bopel i Norge § 2" in nb
    assert "henvises dit" in nb and "referred there" in en
    assert tidsflagg(v) == []


def test_uten_lovlig_opphold_med_mottaksplass_far_ikke_nodhjelp() -> None:
    v = assess(sak({**ULOVLIG, "tilbud_om_plass_i_mottak": True}, nodsituasjon=NOD))
    n = nodhjelp(v)
    assert n.utfall is Utfall.IKKE_OPPFYLT
    assert n.node.finn("stl-18-nodhjelp").avgjort_av == "forskrift-bopel-4-nodhjelp-mottaksplass"
    assert "heller ikke kan få statlig innkvartering" in v.begrunnelse("nodhjelp", "nb")


def test_uten_lovlig_opphold_uten_mottaksplass_far_nodhjelp_for_en_kort_periode() -> None:
    v = assess(sak({**ULOVLIG, "tilbud_om_plass_i_mottak": False}, nodsituasjon=NOD))
    assert nodhjelp(v).utfall is Utfall.OPPFYLT
    (m,) = tidsflagg(v)
    assert m["regel"] == "forskrift-bopel-4-nodhjelp-kort-periode"
    assert "i en kort periode, inntil søkeren i praksis kunne forlatt landet" in m["tekst"]
    assert "aktivt bidrar til egen utreise" in m["tekst"]
    assert "for a short period" in m["tekst_en"]


def test_for_mai_2014_sto_det_ikke_kort_periode_i_forskriften() -> None:
    v = assess(sak({**ULOVLIG, "tilbud_om_plass_i_mottak": False}, "2014-04-30", nodsituasjon=NOD))
    (m,) = tidsflagg(v)
    assert "inntil søkeren i praksis kunne forlatt landet" in m["tekst"]
    assert "kort periode" not in m["tekst"] and "utreise" not in m["tekst"]
    v = assess(sak({**ULOVLIG, "tilbud_om_plass_i_mottak": False}, "2014-05-01", nodsituasjon=NOD))
    assert "kort periode" in tidsflagg(v)[0]["tekst"]


def test_uten_lovlig_opphold_ukjent_mottaksplass_gir_uavklart_nodhjelp() -> None:
    v = assess(sak(ULOVLIG, nodsituasjon=NOD))
    assert nodhjelp(v).utfall is Utfall.UAVKLART
    assert nodhjelp(v).mangler == ("personer[0].opphold.tilbud_om_plass_i_mottak",)
    assert tidsflagg(v) == []


@pytest.mark.parametrize(
    "opphold", [NORSK, BOSATT, UTEN_BOPEL], ids=["norsk", "bosatt", "paragraf1"]
)
def test_andre_far_nodhjelp_som_for(opphold: dict[str, Any]) -> None:
    assert nodhjelp(assess(sak(opphold, nodsituasjon=NOD))).utfall is Utfall.OPPFYLT


def test_nodhjelp_unntakene_gjelder_fra_2012() -> None:
    for dato, utfall in (("2011-12-31", Utfall.OPPFYLT), ("2012-01-01", Utfall.IKKE_OPPFYLT)):
        assert nodhjelp(assess(sak(ASYLSOKER, dato, nodsituasjon=NOD))).utfall is utfall


def test_paragraf_1_sier_at_hjelpen_er_tidsbegrenset() -> None:
    v = assess(sak(UTEN_BOPEL))
    assert livsopphold(v).utfall is Utfall.OPPFYLT
    (m,) = tidsflagg(v)
    assert m["regel"] == "forskrift-bopel-1-hjelp-tidsbegrenset"
    assert (
        "forskrift om sosiale tjenester for personer uten fast bopel i Norge § 1 andre ledd"
        in (m["hjemmel"])
    )
    assert "bare inntil søkeren kan forventes å få bistand fra kilder i hjemlandet" in m["tekst"]
    assert "må derfor være tidsbegrenset" in m["tekst"]
    assert "must therefore be time-limited" in m["tekst_en"]
    assert "må derfor være tidsbegrenset" in v.explain("nb")


@pytest.mark.parametrize(
    "opphold",
    [NORSK, BOSATT, {**UTEN_BOPEL, "avtale_eos_eller_nordisk": True}, None],
    ids=["norsk", "bosatt", "eos-avtale", "ukjent"],
)
def test_ingen_tidsbegrensning_uten_paragraf_1(opphold: dict[str, Any] | None) -> None:
    assert tidsflagg(assess(sak(opphold))) == []
