"""§§ 21-22: grant or loan, and payment to someone else only with consent or a § 21 fourth-ledd
decision (law notes § 9; S58: § 22 first ledd quoted, R35 4.22.1 and 4.21.2.5)."""

from __future__ import annotations

from typing import Any

import pytest

from sosialregler import Assessment, UgyldigSak, assess

TREDJEPART = "UTBETALING_TIL_TREDJEPART_UTEN_GRUNNLAG"
LAN = "STONAD_SOM_LAN"


def sak(**felt: Any) -> dict[str, Any]:
    grunn: dict[str, Any] = {
        "vurderingsdato": "2024-03-01",
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


def merknad(v: Assessment, kode: str) -> dict[str, Any] | None:
    return next((m for m in v.to_dict()["merknader"] if m["kode"] == kode), None)


@pytest.mark.parametrize(
    "utbetaling",
    [
        None,
        {},
        {"mottaker": "soker"},
        {"mottaker": "tredjepart", "samtykke_til_tredjepart": True},
        {"mottaker": "tredjepart", "vedtak_etter_21_fjerde_ledd": True},
        {
            "mottaker": "tredjepart",
            "samtykke_til_tredjepart": False,
            "vedtak_etter_21_fjerde_ledd": True,
        },
    ],
)
def test_lovlig_utbetaling_flagges_ikke(utbetaling: dict[str, Any] | None) -> None:
    v = assess(sak() if utbetaling is None else sak(utbetaling=utbetaling))
    assert merknad(v, TREDJEPART) is None


def test_tredjepart_uten_samtykke_og_uten_vedtak_flagges() -> None:
    utbetaling = {
        "mottaker": "tredjepart",
        "samtykke_til_tredjepart": False,
        "vedtak_etter_21_fjerde_ledd": False,
    }
    m = merknad(assess(sak(utbetaling=utbetaling)), TREDJEPART)
    assert m is not None
    assert m["hjemmel"].startswith("sosialtjenesteloven § 22 første ledd")
    assert "§ 21 fjerde ledd" in m["hjemmel"] and "4.22.1" in m["hjemmel"]
    assert "skal stønaden da utbetales til søkeren" in m["tekst"]
    assert "must then be paid to the applicant" in m["tekst_en"]


def test_tredjepart_uten_opplysninger_flagges_og_navngir_feltene() -> None:
    m = merknad(assess(sak(utbetaling={"mottaker": "tredjepart"})), TREDJEPART)
    assert m is not None
    assert "utbetaling.samtykke_til_tredjepart" in m["tekst"]
    assert "utbetaling.vedtak_etter_21_fjerde_ledd" in m["tekst"]


def test_flagget_kommer_en_gang_selv_med_flere_vedtak() -> None:
    v = assess(
        sak(
            utbetaling={"mottaker": "tredjepart"},
            nodsituasjon={"foreligger": True, "nodvendig_belop": 500},
            saerlige_tilfeller={"livssituasjon": "Brann"},
        )
    )
    assert {"livsopphold", "nodhjelp", "saerlige_tilfeller"} <= set(v.vedtak)
    assert [m.kode for m in v.merknader].count(TREDJEPART) == 1


@pytest.mark.parametrize(("form", "flagg"), [("lan", True), ("bidrag", False), (None, False)])
def test_lan_ma_begrunnes(form: str | None, flagg: bool) -> None:
    v = assess(sak(utbetaling={} if form is None else {"stonadsform": form}))
    m = merknad(v, LAN)
    assert (m is not None) is flagg
    if m:
        assert "forvaltningsloven § 25 tredje ledd" in m["hjemmel"]
        assert "hovedhensynene som var avgjørende" in m["tekst"]
        assert "main considerations" in m["tekst_en"]


def test_formen_og_mottakeren_star_blant_opplysningene() -> None:
    tekst = assess(sak(utbetaling={"stonadsform": "bidrag", "mottaker": "soker"})).explain("nb")
    assert "Stønadsform (bidrag eller lån): bidrag" in tekst
    assert "Hvem stønaden utbetales til: søkeren" in tekst  # the code value by its label


@pytest.mark.parametrize(("felt", "verdi"), [("stonadsform", "gave"), ("mottaker", "utleier")])
def test_ukjent_form_eller_mottaker_avvises(felt: str, verdi: str) -> None:
    with pytest.raises(UgyldigSak) as info:
        assess(sak(utbetaling={felt: verdi}))
    assert [f.felt for f in info.value.feil] == [f"utbetaling.{felt}"]
