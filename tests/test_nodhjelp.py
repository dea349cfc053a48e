"""Emergency help (nødhjelp): a decision of its own for immediate needs, whatever the cause.

Sources: the preparatory works as Sivilombudet reads them [V: S55], R35's definition quoted in
the press [V2: S56], examples and «the cause is irrelevant» [V2: S57] (law notes § 5.7).
"""

from __future__ import annotations

from typing import Any

import pytest

from sosialregler import Assessment, UgyldigSak, Utfall, assess
from sosialregler.inndata.contract import fra_dict
from sosialregler.vurdering.derived import Ukjent, utled


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


def nod(**felt: Any) -> dict[str, Any]:
    return {"foreligger": True, "nodvendig_belop": 1200, "beskrivelse": "Tom for mat", **felt}


def nodhjelp(v: Assessment) -> Any:
    return v.vedtak["nodhjelp"]


def test_nodsituasjon_gir_krav_pa_umiddelbare_behov() -> None:
    v = assess(sak(nodsituasjon=nod()))
    n = nodhjelp(v)
    assert n.utfall is Utfall.OPPFYLT
    assert [h.tekst("nb") for h in n.hjemmel] == ["sosialtjenesteloven § 18 første ledd"]
    nb, en = v.begrunnelse("nodhjelp", "nb"), v.begrunnelse("nodhjelp", "en")
    assert "har krav på stønad til de umiddelbare behovene" in nb
    assert "uavhengig av hvorfor situasjonen har oppstått" in nb
    assert "vurdert de umiddelbare behovene til 1 200 kr" in nb
    assert "Beskrivelse: Tom for mat" in nb
    # Issue 14.8: the amount is one emergency's, not a monthly floor under reductions
    assert "gjelder denne nødsituasjonen og er ingen månedlig sats" in nb
    assert "Vilkår for stønad gjelder ikke for hjelp i en nødsituasjon" in nb
    assert "is no monthly rate" in en
    assert "whatever caused the situation" in en and "NOK 1,200" in en


def test_nodhjelp_gjelder_uansett_ordinaere_vilkar() -> None:
    """High income and assets: § 18 is not met, the emergency claim stands all the same."""
    v = assess(
        sak(
            inntekter=[{"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": 50000}],
            formue=[{"type": "bankinnskudd", "belop": 100000}],
            nodsituasjon=nod(),
        )
    )
    assert v.vedtak["livsopphold"].utfall is Utfall.IKKE_OPPFYLT
    assert nodhjelp(v).utfall is Utfall.OPPFYLT


def test_uten_nodsituasjon_i_saken_er_det_ikke_noe_nodhjelpsvedtak() -> None:
    assert "nodhjelp" not in assess(sak()).vedtak


def test_ikke_nodsituasjon_gir_avslag_med_hva_som_kan_endre_det() -> None:
    v = assess(sak(nodsituasjon={"foreligger": False}))
    assert nodhjelp(v).utfall is Utfall.IKKE_OPPFYLT
    ikke = v.to_dict()["vedtak"]["nodhjelp"]["ikke_oppfylte_vilkar"]
    assert [x["regel"] for x in ikke] == ["stl-18-nodhjelp-nodsituasjon"]
    assert "antakelse om at søkeren vil klare seg" in ikke[0]["hva_kan_endre"]
    assert "vurderes etter de ordinære reglene" in v.begrunnelse("nodhjelp", "nb")


@pytest.mark.parametrize(
    ("felt", "mangler"),
    [
        ({"nodvendig_belop": 500}, ("nodsituasjon.foreligger",)),
        ({"foreligger": True}, ("nodsituasjon.nodvendig_belop",)),
    ],
)
def test_manglende_opplysninger_navngis(felt: dict[str, Any], mangler: tuple[str, ...]) -> None:
    v = assess(sak(nodsituasjon=felt))
    assert nodhjelp(v).utfall is Utfall.UAVKLART
    assert nodhjelp(v).mangler == mangler
    assert mangler[0] in v.begrunnelse("nodhjelp", "nb")
    assert v.to_dict()["vedtak"]["nodhjelp"]["mangler"] == list(mangler)


def test_ingen_umiddelbare_behov_gir_ikke_oppfylt() -> None:
    v = assess(sak(nodsituasjon=nod(nodvendig_belop=0)))
    assert nodhjelp(v).utfall is Utfall.IKKE_OPPFYLT
    assert "ikke er umiddelbare behov" in v.explain("nb")


def test_nodhjelpsbelopet_er_et_faktum() -> None:
    """``nodhjelp.belop``: the immediate needs of one emergency (not a monthly floor)."""
    fakta = utled(fra_dict(sak(nodsituasjon=nod())), fra_dict(sak()).vurderingsdato)
    assert fakta["nodhjelp.foreligger"] is True
    assert fakta["nodhjelp.belop"] == 1200
    tom = utled(fra_dict(sak()), fra_dict(sak()).vurderingsdato)
    assert tom["nodhjelp.belop"] == Ukjent(("nodsituasjon.nodvendig_belop",))
    assert tom["nodhjelp.foreligger"] == Ukjent(("nodsituasjon.foreligger",))


def test_gjelder_fra_lovens_ikrafttredelse() -> None:
    assert nodhjelp(assess(sak("2010-01-01", nodsituasjon=nod()))).utfall is Utfall.OPPFYLT
    with pytest.raises(UgyldigSak):
        assess(sak("2009-12-31", nodsituasjon=nod()))


def test_negativt_belop_avvises() -> None:
    with pytest.raises(UgyldigSak) as info:
        assess(sak(nodsituasjon=nod(nodvendig_belop=-1)))
    assert [f.felt for f in info.value.feil] == ["nodsituasjon.nodvendig_belop"]


def test_json_har_vedtaket_med_hjemmel_og_forklaring() -> None:
    data = assess(sak(nodsituasjon=nod())).to_dict()["vedtak"]["nodhjelp"]
    assert data["utfall"] == "oppfylt"
    assert data["hjemmel"] == ["sosialtjenesteloven § 18 første ledd"]
    assert data["forklaring"]["id"] == "nodhjelp"
    hoved = data["forklaring"]["barn"][0]
    assert hoved["regel"] == "stl-18-nodhjelp"
    behov = next(
        b for b in hoved["barn"][0]["barn"] if b["id"] == "stl-18-nodhjelp-umiddelbare-behov"
    )
    assert behov["fakta"]["nodhjelp.belop"] == 1200
    assert "1 200 kr" in data["begrunnelse"] and "NOK 1,200" in data["begrunnelse_en"]
