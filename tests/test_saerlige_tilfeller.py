"""§ 19 stønad i særlige tilfeller: always discretion, with the legal frame and the facts.

§ 19 [V: S1]: «Kommunen kan i særlige tilfeller, selv om vilkårene i § 18 ikke er tilstede, yte
økonomisk hjelp til personer som trenger det for å kunne overvinne eller tilpasse seg en
vanskelig livssituasjon.» The library never answers yes or no.
"""

from __future__ import annotations

from typing import Any

import pytest

from sosialregler import UgyldigSak, Utfall, assess


def sak(dato: str = "2024-03-01", **felt: Any) -> dict[str, Any]:
    grunn: dict[str, Any] = {
        "vurderingsdato": dato,
        "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [],
        "rettigheter": [],
        "individuell_vurdering": "Vurdert konkret.",
    }
    grunn.update(felt)
    return grunn


SOKNAD = {
    "livssituasjon": "Samlivsbrudd; flyttet ut med to barn.",
    "utgifter": [
        {"type": "etablering", "belop": 15000, "hyppighet": "engangs", "beskrivelse": "seng"},
        {"type": "fritidsaktivitet_barn", "belop": 500, "hyppighet": "per_maned"},
    ],
}


def test_soknad_etter_19_gir_skjonn_med_rammen_og_faktaene() -> None:
    v = assess(sak(saerlige_tilfeller=SOKNAD))
    st = v.vedtak["saerlige_tilfeller"]
    assert st.utfall is Utfall.SKJONN
    assert [h.tekst("nb") for h in st.hjemmel] == ["sosialtjenesteloven § 19"]
    nb = v.begrunnelse("saerlige_tilfeller", "nb")
    assert "Etter sosialtjenesteloven § 19 kan kommunen i særlige tilfeller" in nb
    assert "Det er ingen rett til slik stønad" in nb
    assert "iblioteket" not in nb  # the text does not speak of the software
    assert "Etablering (seng), Fritidsaktivitet for barn" in nb
    assert "Engangsutgifter: 15 000 kr. Løpende utgifter: 500 kr per måned." in nb
    assert "Samlivsbrudd; flyttet ut med to barn." in nb
    assert "behovet minus inntekten som regnes med, 7 850 kr per måned" in nb
    tekst = v.explain("nb")
    assert "Er søkeren i en vanskelig livssituasjon" in tekst
    assert "Legg særlig vekt på barnas behov" in tekst
    en = v.explain("en")
    assert "Under section 19 of the Social Services Act the municipality may" in en
    assert "library" not in en


def test_paragraf_19_er_med_nar_18_ikke_er_oppfylt_selv_uten_soknad() -> None:
    inntekter = [{"person": "p1", "type": "uforetrygd", "belop_per_maned": 20000}]
    v = assess(sak(inntekter=inntekter))
    assert v.vedtak["livsopphold"].utfall is Utfall.IKKE_OPPFYLT
    st = v.vedtak["saerlige_tilfeller"]
    assert st.utfall is Utfall.SKJONN
    nb = v.begrunnelse("saerlige_tilfeller", "nb")
    assert "behovet minus inntekten som regnes med, −12 150 kr" in nb
    # what the case does not describe is left out of the text, not shown as «ukjent»
    tekst = v.explain("nb")
    assert "livssituasjon slik saken beskriver den" not in tekst
    assert "Det søkes om" not in nb and "ukjent" not in nb


def test_uten_soknad_og_med_udekket_behov_er_paragraf_19_ikke_med() -> None:
    assert "saerlige_tilfeller" not in assess(sak()).vedtak


def test_ukjent_18_beregning_tar_ikke_inn_paragraf_19() -> None:
    grunn = sak()
    del grunn["inntekter"]
    assert "saerlige_tilfeller" not in assess(grunn).vedtak


@pytest.mark.parametrize(
    "soknad",
    [
        {},
        {"livssituasjon": "   "},
        {"utgifter": []},
        SOKNAD,
    ],
)
def test_aldri_ja_eller_nei(soknad: dict[str, Any]) -> None:
    for inntekt in (0, 100000):
        inntekter = [{"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": inntekt}]
        v = assess(sak(inntekter=inntekter, saerlige_tilfeller=soknad))
        assert v.vedtak["saerlige_tilfeller"].utfall is Utfall.SKJONN
        assert v.vedtak["saerlige_tilfeller"].mangler == ()


def test_ukjente_utgifter_utelates_fra_teksten() -> None:
    v = assess(sak(saerlige_tilfeller={"livssituasjon": "Brann i boligen"}))
    nb = v.begrunnelse("saerlige_tilfeller", "nb")
    assert "Det søkes om" not in nb and "ukjent" not in nb  # issue 16: «det søkes om ukjent»
    assert "Brann i boligen" in nb


def test_ukjent_person_pa_utgift_avvises() -> None:
    soknad = {"utgifter": [{"type": "annen", "belop": 1, "hyppighet": "engangs", "person": "x"}]}
    with pytest.raises(UgyldigSak) as info:
        assess(sak(saerlige_tilfeller=soknad))
    assert [f.felt for f in info.value.feil] == ["saerlige_tilfeller.utgifter[0].person"]


def test_json_sier_skjonn_og_har_hjemmel() -> None:
    data = assess(sak(saerlige_tilfeller=SOKNAD)).to_dict()["vedtak"]["saerlige_tilfeller"]
    assert data["utfall"] == "skjonn"
    assert data["hjemmel"] == ["sosialtjenesteloven § 19"]
    assert data["lenker"] == ["https://lovdata.no/lov/2009-12-18-131/§19"]
    assert data["ikke_oppfylte_vilkar"] == []
    assert data["forklaring"]["barn"][0]["regel"] == "stl-19-stonad-i-saerlige-tilfeller"


def test_gjelder_fra_lovens_ikrafttredelse() -> None:
    v = assess(sak("2010-01-01", saerlige_tilfeller=SOKNAD))
    assert v.vedtak["saerlige_tilfeller"].utfall is Utfall.SKJONN
    with pytest.raises(UgyldigSak):
        assess(sak("2009-12-31", saerlige_tilfeller=SOKNAD))
