"""§ 27 midlertidig botilbud: the right, each stay measured on the date, children, quality, flags.

Three months (rules/stl-27-midlertidig-botilbud.toml, r35-4-27-tre-maneder): from the start of the
continuous period, the same day of the month three months later, clamped to the month's last day;
a stay is *over* three months when the assessment date is after that date. The month arithmetic
is tested against a plain date model written independently below.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sosialregler import Assessment, UgyldigSak, Utfall, assess, regelbok
from sosialregler.vurdering.areas.botilbud import (
    _grensedato,
    hele_maneder,
    legg_til_maneder,
    maneder,
)
from sosialregler.vurdering.derived import Ukjent

ROT = Path(__file__).resolve().parent.parent
OVER = "BOTILBUD_OVER_TRE_MANEDER"
NAERMER = "BOTILBUD_NAERMER_SEG_TRE_MANEDER"
BARN = "BARN_I_MIDLERTIDIG_BOTILBUD"
UEGNET = "BOTILBUD_UEGNET_FOR_BARN"
ALENE = "MINDREARIG_ALENE_BARNEVERN"
FORSVARLIG = "BOTILBUD_IKKE_FORSVARLIG"
HENVIST = "HENVIST_TIL_A_FINNE_SELV"
AVSLAG = "BOTILBUD_AVSLAG_VED_BEHOV"


# --- a plain date model (no calendar module, no shared code) -----------------------------------


def _dager_i_maned(ar: int, maned: int) -> int:
    neste = date(ar + 1, 1, 1) if maned == 12 else date(ar, maned + 1, 1)
    return (neste - date(ar, maned, 1)).days


def plain_add_months(d: date, n: int) -> date:
    ar, maned = d.year, d.month
    for _ in range(n):
        ar, maned = (ar + 1, 1) if maned == 12 else (ar, maned + 1)
    return date(ar, maned, min(d.day, _dager_i_maned(ar, maned)))


def plain_whole_months(fra: date, til: date) -> int:
    n = 0
    while plain_add_months(fra, n + 1) <= til:
        n += 1
    return n


# --- cases -------------------------------------------------------------------------------------


def sak(dato: str = "2024-03-01", **felt: Any) -> dict[str, Any]:
    """One adult applicant, no § 18 gaps; stays and applications added per test."""
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


def opphold(
    fra: str,
    til: str | None = None,
    type: str = "kommunal_midlertidig_bolig",
    personer: tuple[str, ...] = ("p1",),
    **kvalitet: Any,
) -> dict[str, Any]:
    return {"personer": list(personer), "fra": fra, "til": til, "type": type, **kvalitet}


FORSVARLIG_STED = {
    "tilgang_hele_dognet": True,
    "mulighet_for_matlaging": True,
    "toalett_og_bad": True,
    "mulighet_for_rene_klaer": True,
    "brukes_av_personer_med_rusproblemer": False,
}

FAMILIE = [
    {"id": "p1", "rolle": "soker", "fodselsdato": "1996-05-02"},
    {"id": "p2", "rolle": "ektefelle", "fodselsdato": "1994-11-30"},
    {"id": "b1", "rolle": "barn", "fodselsdato": "2018-08-15"},
]

#: The contract's own example case (../shared/case-format.md), as written there.
KONTRAKTSEKSEMPEL: dict[str, Any] = {
    "sak_id": "valgfri-tekst",
    "vurderingsdato": "2024-03-01",
    "personer": FAMILIE,
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
    "botilbud": [
        {"personer": ["p1", "p2", "b1"], "fra": "2023-11-01", "til": None, "type": "hospits"}
    ],
    "kvp": {
        "person": "p1",
        "arbeidsevnevurdering_gjort": True,
        "vesentlig_nedsatt_arbeidsevne": True,
        "ytelser_folketrygd": [],
        "behov_for_tett_oppfolging": True,
        "program_kan_tilbys": True,
    },
    "aktivitetsplikt": {"vilkar_satt": False, "tungtveiende_grunner": None},
    "individuell_vurdering": "Husleien er rimelig for en familie på tre; barnets behov er vurdert.",
}


def koder(v: Assessment) -> list[str]:
    return [m.kode for m in v.merknader]


def merknad(v: Assessment, kode: str) -> Any:
    treff = [m for m in v.merknader if m.kode == kode]
    assert len(treff) == 1, (kode, koder(v))
    return treff[0]


def merknad_json(v: Assessment, kode: str) -> dict[str, Any]:
    treff = [m for m in v.to_dict()["merknader"] if m["kode"] == kode]
    assert len(treff) == 1, (kode, koder(v))
    return treff[0]


def botilbud(v: Assessment) -> Any:
    return v.vedtak["midlertidig_botilbud"]


def stay(v: Assessment, i: int = 0) -> dict[str, Any]:
    return v.to_dict()["vedtak"]["midlertidig_botilbud"]["opphold"][i]


def stay_node(v: Assessment, i: int = 0) -> Any:
    node = botilbud(v).node.finn(f"stl-27-botilbud-opphold[botilbud[{i}]]")
    assert node is not None
    return node


# --- month arithmetic --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fra", "n", "til"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),  # across the year end, into a leap February
        (date(2022, 11, 30), 3, date(2023, 2, 28)),
        (date(2024, 1, 31), 3, date(2024, 4, 30)),
        (date(2024, 2, 29), 3, date(2024, 5, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2023, 10, 31), 3, date(2024, 1, 31)),
        (date(2023, 11, 1), 3, date(2024, 2, 1)),
    ],
)
def test_legg_til_maneder_ved_manedsslutt_og_skuddar(fra: date, n: int, til: date) -> None:
    assert legg_til_maneder(fra, n) == til


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_legg_til_maneder_som_enkel_datomodell(fra: date, n: int) -> None:
    assert legg_til_maneder(fra, n) == plain_add_months(fra, n)


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=400),
)
def test_maneder_over_tre_er_etter_datoen_tre_maneder_senere(fra: date, dager: int) -> None:
    til = fra + timedelta(days=dager)
    grense = plain_add_months(fra, 3)
    assert (maneder(fra, til) > 3) == (til > grense)
    assert hele_maneder(fra, til) == plain_whole_months(fra, til)
    assert int(maneder(fra, til)) == plain_whole_months(fra, til)


def test_maneder_telles_med_hundredeler_rundet_opp() -> None:
    assert maneder(date(2023, 11, 1), date(2024, 2, 1)) == Decimal("3.00")
    assert maneder(date(2023, 11, 1), date(2024, 2, 2)) == Decimal("3.04")  # 1/29 → 0.04
    assert maneder(date(2023, 11, 1), date(2023, 11, 1)) == Decimal("0.00")


# --- duration: under, at and over three months -------------------------------------------------


@pytest.mark.parametrize(
    ("fra", "grense"),
    [
        ("2023-11-30", "2024-02-29"),  # leap year
        ("2022-11-30", "2023-02-28"),
        ("2024-01-31", "2024-04-30"),  # month end
        ("2024-02-29", "2024-05-29"),
        ("2023-11-01", "2024-02-01"),
    ],
)
def test_under_pa_og_over_tre_maneder(fra: str, grense: str) -> None:
    g = date.fromisoformat(grense)
    for dato, over in ((g - timedelta(days=1), False), (g, False), (g + timedelta(days=1), True)):
        v = assess(sak(dato.isoformat(), botilbud=[opphold(fra, **FORSVARLIG_STED)]))
        assert (OVER in koder(v)) is over, dato
        assert stay(v)["grensedato"] == grense
        assert stay(v)["over_grensen"] is over
        if over:
            m = merknad(v, OVER)
            assert m.frist == g and m.person == "p1"
            assert NAERMER not in koder(v)
        else:
            assert merknad(v, NAERMER).frist == g  # within the 14-day window: a note


def test_varsel_fjorten_dager_for_og_ikke_tidligere() -> None:
    fra = "2024-01-15"  # three months on 2024-04-15
    inne = assess(sak("2024-04-01", botilbud=[opphold(fra)]))
    m = merknad(inne, NAERMER)
    assert m.frist == date(2024, 4, 15)
    tekst = merknad_json(inne, NAERMER)["tekst"]
    assert "15.04.2024, om 14 dager" in tekst
    assert "det er ikke en frist i loven" in tekst
    ute = assess(sak("2024-03-31", botilbud=[opphold(fra)]))
    assert NAERMER not in koder(ute) and OVER not in koder(ute)


@given(
    st.dates(min_value=date(2012, 7, 1), max_value=date(2035, 12, 31)),
    st.integers(min_value=0, max_value=200),
)
def test_flagg_og_frist_som_enkel_datomodell(fra: date, dager: int) -> None:
    dato = fra + timedelta(days=dager)
    v = assess(sak(dato.isoformat(), botilbud=[opphold(fra.isoformat())]))
    grense = plain_add_months(fra, 3)
    assert (OVER in koder(v)) == (dato > grense)
    assert (NAERMER in koder(v)) == (0 <= (grense - dato).days <= 14)
    for m in v.merknader:
        if m.kode in (OVER, NAERMER):
            assert m.frist == grense


def test_tre_maneder_er_veiledning_og_teksten_sier_det() -> None:
    v = assess(sak("2024-03-01", botilbud=[opphold("2023-11-01")]))
    ut = merknad_json(v, OVER)
    assert ut["tekst"] == (
        "p1 har bodd i midlertidig botilbud sammenhengende fra 01.11.2023, 4 måneder målt til "
        "01.03.2024: mer enn tre måneder (tre måneder ble nådd 01.02.2024). Etter rundskrivet bør "
        "et opphold i midlertidig botilbud ikke vare mer enn tre måneder, og NAV skal arbeide for "
        "en varig bolig. Tre måneder er veiledning, ikke en absolutt grense i loven."
    )
    assert "Three months is guidance, not an absolute limit in the Act." in ut["tekst_en"]
    assert ut["hjemmel"] == "sosialtjenesteloven § 27; Rundskriv R35-00 (Hovednr. 35) punkt 4.27"


def test_tremanedersregelen_gjelder_fra_rundskrivets_dato() -> None:
    stays = [opphold("2011-12-01")]
    for_ = assess(sak("2012-06-21", botilbud=stays))
    assert OVER not in koder(for_)
    varighet = botilbud(for_).node.finn("r35-4-27-tre-maneder")
    assert varighet is not None and varighet.rolle == "ikke_i_kraft"
    assert stay(for_)["grensedato"] is None
    pa = assess(sak("2012-06-22", botilbud=stays))
    assert merknad(pa, OVER).frist == date(2012, 3, 1)


def test_grensen_bor_bare_i_regelen(tmp_path: Path) -> None:
    """Change the rule to six months and every deadline follows: no number in code."""
    mappe = tmp_path / "rules"
    shutil.copytree(ROT / "rules", mappe)
    fil = mappe / "stl-27-midlertidig-botilbud.toml"
    tekst = fil.read_text(encoding="utf-8")
    assert tekst.count('vilkar = "botilbud.maneder <= 3"') == 1
    fil.write_text(tekst.replace("botilbud.maneder <= 3", "botilbud.maneder <= 6"), "utf-8")
    v = assess(sak("2024-03-01", botilbud=[opphold("2023-11-30")]), regler=regelbok(mappe))
    assert OVER not in koder(v)
    assert stay(v)["grensedato"] == "2024-05-30"


# --- continuous periods --------------------------------------------------------------------------


def test_opphold_uten_opphold_imellom_regnes_sammen_ogsa_pa_ulike_steder() -> None:
    stays = [
        opphold("2023-10-01", "2023-12-31", type="hospits"),
        opphold("2024-01-01", type="campingplass"),
    ]
    v = assess(sak("2024-02-01", botilbud=stays))
    assert stay(v, 1)["sammenhengende_fra"] == "2023-10-01"
    assert merknad(v, OVER).frist == date(2024, 1, 1)
    assert stay(v, 0)["status"] == "avsluttet" and stay(v, 1)["status"] == "pagar"


def test_et_dogn_uten_sted_bryter_perioden() -> None:
    stays = [opphold("2023-10-01", "2023-12-31"), opphold("2024-01-02")]
    v = assess(sak("2024-02-01", botilbud=stays))
    assert stay(v, 1)["sammenhengende_fra"] == "2024-01-02"
    assert OVER not in koder(v)


def test_perioden_males_fra_den_som_har_bodd_lengst() -> None:
    personer = [*FAMILIE[:1], {"id": "b1", "rolle": "barn", "fodselsdato": "2018-08-15"}]
    stays = [
        opphold("2023-10-01", "2024-01-14", personer=("p1",)),
        opphold("2024-01-15", personer=("p1", "b1")),
    ]
    v = assess(sak("2024-02-01", personer=personer, botilbud=stays))
    rad = stay(v, 1)
    assert rad["sammenhengende_fra"] == "2023-10-01"
    assert rad["lengst_boende"] == ["p1"]
    m = merknad(v, OVER)
    assert m.person == "p1" and m.frist == date(2024, 1, 1)


def test_avsluttet_opphold_males_men_flagges_ikke() -> None:
    v = assess(sak("2024-06-01", botilbud=[opphold("2023-01-01", "2023-12-31", type="hospits")]))
    rad = stay(v)
    assert rad["status"] == "avsluttet" and rad["over_grensen"] is True
    assert rad["dager"] == 364 and rad["maneder"] == 11.97
    assert OVER not in koder(v) and NAERMER not in koder(v)
    assert botilbud(v).utfall is Utfall.UAVKLART  # ended stay, no application: need unknown
    assert botilbud(v).mangler == ("botilbud_soknad.uten_overnatting_neste_dogn",)


def test_planlagt_opphold_gir_barneflagg_men_ingen_frist() -> None:
    personer = [FAMILIE[0], FAMILIE[2]]
    v = assess(
        sak(
            "2024-03-01",
            personer=personer,
            botilbud=[opphold("2024-03-10", type="campingplass", personer=("p1", "b1"))],
        )
    )
    assert stay(v)["status"] == "planlagt"
    assert {BARN, UEGNET} <= set(koder(v))
    assert OVER not in koder(v) and NAERMER not in koder(v)


# --- children and types ------------------------------------------------------------------------


def _familie(type: str, **kvalitet: Any) -> Assessment:
    stays = [opphold("2024-02-01", type=type, personer=("p1", "p2", "b1"), **kvalitet)]
    return assess(sak("2024-03-01", personer=FAMILIE, botilbud=stays))


@pytest.mark.parametrize("type", ["campingplass", "hospits"])
def test_campingplass_og_hospits_er_strengere_for_barn(type: str) -> None:
    v = _familie(type)
    assert {BARN, UEGNET} <= set(koder(v))
    ut = merknad_json(v, UEGNET)
    assert f"Barn bor i et botilbud av typen {type}" in ut["tekst"]
    assert "rundskrivets egen tekst om dette er ikke funnet" in ut["tekst"]
    assert "the circular's own text on this was not found" in ut["tekst_en"]


@pytest.mark.parametrize("type", ["kommunal_midlertidig_bolig", "hotell", "pensjonat"])
def test_annen_type_gir_barneflagg_men_ikke_uegnet(type: str) -> None:
    v = _familie(type, **FORSVARLIG_STED)
    assert BARN in koder(v) and UEGNET not in koder(v)
    ut = merknad_json(v, BARN)
    assert ut["tekst"] == (
        f"Barn bor i midlertidig botilbud ({type}; personer: p1, p2, b1; den yngste er 5 år). "
        "Midlertidig botilbud skal bare unntaksvis brukes for barnefamilier og unge; kravene til "
        "standard er strengere når barn bor der, og barnas behov skal veie særlig tungt."
    )
    assert ut["hjemmel"] == "sosialtjenesteloven § 27; Rundskriv R35-00 (Hovednr. 35) punkt 4.27"


def test_sted_med_rusproblemer_er_uegnet_for_barn() -> None:
    v = _familie("hotell", brukes_av_personer_med_rusproblemer=True)
    assert UEGNET in koder(v)


def test_ukjent_om_rus_gir_ikke_flagg_men_navngir_feltet() -> None:
    v = _familie("hotell")
    assert UEGNET not in koder(v)
    node = stay_node(v).finn("r35-4-27-egnet-for-barn")
    assert node.utfall is Utfall.UAVKLART
    assert node.mangler == ("botilbud[0].brukes_av_personer_med_rusproblemer",)


def test_bare_voksne_gir_ingen_barneflagg() -> None:
    v = assess(sak(botilbud=[opphold("2024-02-01", type="campingplass", **FORSVARLIG_STED)]))
    assert not {BARN, UEGNET, ALENE} & set(koder(v))
    assert stay_node(v).utfall is Utfall.OPPFYLT


def test_barnets_alder_ukjent_navngir_fodselsdatoen() -> None:
    personer = [FAMILIE[0], {"id": "b1", "rolle": "barn"}]
    v = assess(sak(personer=personer, botilbud=[opphold("2024-02-01", personer=("p1", "b1"))]))
    assert BARN not in koder(v)
    node = stay_node(v).finn("r35-4-27-barnefamilier")
    assert node.utfall is Utfall.UAVKLART and node.mangler == ("personer[1].fodselsdato",)


def test_barn_som_fyller_18_er_ikke_lenger_barn() -> None:
    personer = [FAMILIE[0], {"id": "b1", "rolle": "barn", "fodselsdato": "2006-03-01"}]
    stays = [opphold("2024-02-01", personer=("p1", "b1"), **FORSVARLIG_STED)]
    assert BARN in koder(assess(sak("2024-02-29", personer=personer, botilbud=stays)))
    assert BARN not in koder(assess(sak("2024-03-01", personer=personer, botilbud=stays)))


def test_mindrearig_alene_i_botilbud_er_barnevernets_sak() -> None:
    personer = [{"id": "p1", "rolle": "soker", "fodselsdato": "2007-06-01"}]
    v = assess(sak(personer=personer, botilbud=[opphold("2024-02-20")]))
    ut = merknad_json(v, ALENE)
    assert "barnevernstjenesten bør kobles inn" in ut["tekst"]
    assert "ikke er funnet i rundskrivets egen tekst" in ut["tekst"]
    assert "the child welfare service should be involved" in ut["tekst_en"]


def test_mindrearig_soker_alene_med_soknad() -> None:
    personer = [{"id": "p1", "rolle": "soker", "fodselsdato": "2007-06-01"}]
    soknad = {"uten_overnatting_neste_dogn": True, "avgjorelse": "konkret_tilbud"}
    v = assess(sak(personer=personer, botilbud_soknad=soknad))
    assert ALENE in koder(v)
    voksen = [FAMILIE[0], {"id": "p2", "rolle": "barn", "fodselsdato": "2010-01-01"}]
    assert ALENE not in koder(assess(sak(personer=voksen, botilbud_soknad=soknad)))


# --- quality (§ 4) -----------------------------------------------------------------------------


def test_forsvarlig_botilbud_gir_ingen_merknad() -> None:
    v = assess(sak(botilbud=[opphold("2024-02-01", **FORSVARLIG_STED)]))
    assert FORSVARLIG not in koder(v)
    assert stay_node(v).finn("stl-4-botilbud-forsvarlig").utfall is Utfall.OPPFYLT


@pytest.mark.parametrize(
    "felt",
    ["tilgang_hele_dognet", "mulighet_for_matlaging", "toalett_og_bad", "mulighet_for_rene_klaer"],
)
def test_mangel_gir_ikke_forsvarlig(felt: str) -> None:
    kvalitet = {**FORSVARLIG_STED, felt: False}
    v = assess(sak(botilbud=[opphold("2024-02-01", type="pensjonat", **kvalitet)]))
    ut = merknad_json(v, FORSVARLIG)
    assert ut["hjemmel"] == "sosialtjenesteloven § 4; sosialtjenesteloven § 27"
    assert ut["tekst"].startswith("Botilbudet (pensjonat fra 01.02.2024) mangler noe")
    assert "Tjenestene skal være forsvarlige (§ 4)" in ut["tekst"]
    assert "Services must be adequate (section 4)" in ut["tekst_en"]


def test_kvalitet_som_ikke_er_registrert_flagges_ikke_men_navngis() -> None:
    v = assess(sak(botilbud=[opphold("2024-02-01")]))
    assert FORSVARLIG not in koder(v)
    node = stay_node(v).finn("stl-4-botilbud-forsvarlig")
    assert node.utfall is Utfall.UAVKLART
    assert node.mangler == tuple(
        f"botilbud[0].{f}"
        for f in (
            "tilgang_hele_dognet",
            "mulighet_for_matlaging",
            "toalett_og_bad",
            "mulighet_for_rene_klaer",
        )
    )


# --- the duty: a concrete place -----------------------------------------------------------------


def _soknad(dato: str = "2024-03-01", **soknad: Any) -> Assessment:
    return assess(sak(dato, botilbud_soknad=soknad))


def test_uten_sted_neste_dogn_gir_krav_pa_konkret_tilbud() -> None:
    v = _soknad(uten_overnatting_neste_dogn=True, avgjorelse="konkret_tilbud")
    vedtak = v.to_dict()["vedtak"]["midlertidig_botilbud"]
    assert vedtak["utfall"] == "oppfylt"
    assert vedtak["hjemmel"] == ["sosialtjenesteloven § 27"]
    assert "konkret og tilgjengelig sted å bo" in vedtak["begrunnelse"]
    assert "Årsaken til behovet har ingen betydning" in vedtak["begrunnelse"]
    assert "a concrete and available place to stay" in vedtak["begrunnelse_en"]
    assert not {HENVIST, AVSLAG} & set(koder(v))


def test_henvisning_til_a_finne_selv_flagges() -> None:
    v = _soknad(uten_overnatting_neste_dogn=True, avgjorelse="henvist_til_a_finne_selv")
    ut = merknad_json(v, HENVIST)
    assert ut["hjemmel"] == "sosialtjenesteloven § 27"
    assert "oppfyller ikke plikten" in ut["tekst"]
    assert botilbud(v).utfall is Utfall.OPPFYLT


def test_henvisning_flagges_ogsa_nar_behovet_ikke_er_oppgitt() -> None:
    v = _soknad(avgjorelse="henvist_til_a_finne_selv")
    ut = merknad_json(v, HENVIST)
    assert "(botilbud_soknad.uten_overnatting_neste_dogn)" in ut["tekst"]
    assert botilbud(v).utfall is Utfall.UAVKLART
    assert botilbud(v).mangler == ("botilbud_soknad.uten_overnatting_neste_dogn",)


def test_avslag_til_den_som_star_uten_sted_flagges() -> None:
    v = _soknad(uten_overnatting_neste_dogn=True, avgjorelse="avslag")
    assert AVSLAG in koder(v) and HENVIST not in koder(v)


def test_avslag_til_den_som_har_sted_er_riktig() -> None:
    v = _soknad(uten_overnatting_neste_dogn=False, avgjorelse="avslag")
    assert botilbud(v).utfall is Utfall.IKKE_OPPFYLT
    assert not {AVSLAG, HENVIST} & set(koder(v))
    ut = v.to_dict()["vedtak"]["midlertidig_botilbud"]
    assert [x["regel"] for x in ut["ikke_oppfylte_vilkar"]] == [
        "stl-27-uten-sted-neste-dogn",
        "stl-27-pagaende-botilbud",
    ]
    assert "ikke har et sted å sove" in ut["begrunnelse"]


def test_omradet_finnes_bare_med_opphold_eller_soknad() -> None:
    assert "midlertidig_botilbud" not in assess(sak()).vedtak
    assert "midlertidig_botilbud" not in assess(sak(botilbud=[])).vedtak
    assert "midlertidig_botilbud" in assess(sak(botilbud_soknad={})).vedtak
    assert "midlertidig_botilbud" in assess(sak(botilbud=[opphold("2024-01-01")])).vedtak


def test_samme_person_to_ganger_i_et_opphold_avvises() -> None:
    with pytest.raises(UgyldigSak) as feil:
        assess(sak(botilbud=[opphold("2024-01-01", personer=("p1", "p1"))]))
    assert [f.felt for f in feil.value.feil] == ["botilbud[0].personer[1]"]


# --- the contract's example ------------------------------------------------------------------


def test_kontraktens_eksempel_familie_pa_hospits() -> None:
    v = assess(KONTRAKTSEKSEMPEL)
    vedtak = v.to_dict()["vedtak"]["midlertidig_botilbud"]
    assert vedtak["utfall"] == "oppfylt"
    assert (
        "pågår på vurderingsdatoen (hospits), sammenhengende fra 01.11.2023"
        in (vedtak["begrunnelse"])
    )
    assert {OVER, BARN, UEGNET} <= set(koder(v))
    assert not {NAERMER, ALENE, FORSVARLIG, HENVIST, AVSLAG} & set(koder(v))
    over = merknad(v, OVER)
    assert over.frist == date(2024, 2, 1) and over.person is None  # three persons
    assert (
        "p1, p2, b1 har bodd i midlertidig botilbud sammenhengende fra 01.11.2023"
        in (merknad_json(v, OVER)["tekst"])
    )
    assert vedtak["opphold"] == [
        {
            "botilbud": 0,
            "personer": ["p1", "p2", "b1"],
            "type": "hospits",
            "fra": "2023-11-01",
            "til": None,
            "status": "pagar",
            "sammenhengende_fra": "2023-11-01",
            "lengst_boende": ["p1", "p2", "b1"],
            "dager": 121,
            "maneder": 4.0,
            "grensedato": "2024-02-01",
            "over_grensen": True,
        }
    ]
    tekst = v.explain("nb")
    assert "MIDLERTIDIG BOTILBUD (sosialtjenesteloven § 27)" in tekst
    assert "BOTILBUD_OVER_TRE_MANEDER" not in tekst  # the flag by its text, not its code
    assert "mer enn tre måneder" in tekst and "(frist 01.02.2024)" in tekst
    assert "TEMPORARY HOUSING (the Social Services Act (sosialtjenesteloven) section 27)" in (
        v.explain("en")
    )


def test_frister_som_data_for_et_saksbehandlingssystem() -> None:
    """(date, code, reference, person) for every dated flag, straight from the JSON."""
    personer = [FAMILIE[0], {"id": "p9", "rolle": "annen_voksen", "fodselsdato": "1980-01-01"}]
    stays = [opphold("2023-11-20", personer=("p1",)), opphold("2024-01-01", personer=("p9",))]
    ut = json.loads(assess(sak("2024-02-10", personer=personer, botilbud=stays)).to_json())
    frister = [
        {k: m[k] for k in ("frist", "kode", "hjemmel", "person", "regel")}
        for m in ut["merknader"]
        if "frist" in m
    ]
    hjemmel = "sosialtjenesteloven § 27; Rundskriv R35-00 (Hovednr. 35) punkt 4.27"
    assert frister == [
        {
            "frist": "2024-02-20",
            "kode": NAERMER,
            "hjemmel": hjemmel,
            "person": "p1",
            "regel": "r35-4-27-naermer-seg-tre-maneder",
        }
    ]
    senere = json.loads(assess(sak("2024-04-02", personer=personer, botilbud=stays)).to_json())
    assert sorted(
        (m["person"], m["kode"], m["frist"]) for m in senere["merknader"] if "frist" in m
    ) == [
        ("p1", OVER, "2024-02-20"),
        ("p9", OVER, "2024-04-01"),
    ]


def test_vedtaksgrunnlag_gjengis_likt() -> None:
    v = assess(KONTRAKTSEKSEMPEL)
    tilbake = Assessment.from_record(json.loads(json.dumps(v.to_record())))
    assert tilbake.explain("nb") == v.explain("nb")
    assert tilbake.to_json() == v.to_json()


def test_ingen_tom_beregningstabell_i_teksten() -> None:
    tekst = assess(sak(botilbud=[opphold("2024-01-01")])).explain("nb")
    avsnitt = tekst.split("MIDLERTIDIG BOTILBUD")[1]
    assert "Beregning (kr per måned)" not in avsnitt.split("Begrunnelse")[0]


# --- dates the circular's rules apply from, and the deadline search -------------------------


def test_rundskrivets_regler_gjelder_fra_22_juni_2012() -> None:
    personer = [
        {"id": "p1", "rolle": "soker", "fodselsdato": "1980-01-01"},
        {"id": "b1", "rolle": "barn", "fodselsdato": "2008-01-01"},
        {"id": "b2", "rolle": "annen_voksen", "fodselsdato": "1996-01-01"},
    ]
    stays = [
        opphold("2012-03-25", type="campingplass", personer=("p1", "b1")),
        opphold("2012-06-01", personer=("b2",)),
    ]
    for_ = assess(sak("2012-06-21", personer=personer, botilbud=stays))
    assert not {NAERMER, BARN, UEGNET, ALENE} & set(koder(for_))
    assert stay_node(for_).finn("r35-4-27-barnefamilier").rolle == "ikke_i_kraft"
    pa = assess(sak("2012-06-22", personer=personer, botilbud=stays))
    assert {NAERMER, BARN, UEGNET, ALENE} <= set(koder(pa))
    assert merknad(pa, NAERMER).frist == date(2012, 6, 25)
    assert merknad(pa, ALENE).person == "b2"


def test_mindrearig_alene_ukjent_alder_navngir_fodselsdatoen() -> None:
    personer = [{"id": "p1", "rolle": "soker"}]
    v = assess(sak(personer=personer, botilbud=[opphold("2024-02-20")]))
    assert ALENE not in koder(v)
    node = stay_node(v).finn("r35-4-27-mindrearig-alene")
    assert node.utfall is Utfall.UAVKLART and node.mangler == ("personer[0].fodselsdato",)
    soknad = assess(sak(personer=personer, botilbud_soknad={"uten_overnatting_neste_dogn": True}))
    kontroll = botilbud(soknad).node.finn("r35-4-27-mindrearig-soker-alene")
    assert kontroll.utfall is Utfall.UAVKLART and kontroll.mangler == ("personer[0].fodselsdato",)


def test_oppholdets_samlede_utfall() -> None:
    bra = assess(sak(botilbud=[opphold("2024-02-01", **FORSVARLIG_STED)]))
    assert stay_node(bra).utfall is Utfall.OPPFYLT
    assert stay_node(assess(KONTRAKTSEKSEMPEL)).utfall is Utfall.IKKE_OPPFYLT
    uavklart = stay_node(assess(sak(botilbud=[opphold("2024-02-01")])))
    assert uavklart.utfall is Utfall.UAVKLART
    assert "botilbud[0].toalett_og_bad" in uavklart.mangler


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=0, max_value=366 * 50 - 1),  # within the search bound (50 years)
)
def test_fristsoket_finner_siste_dag_for_grensen(fra: date, dager: int) -> None:
    grense = fra + timedelta(days=dager)
    assert _grensedato(lambda d: d > grense, fra) == grense


def test_fristsoket_uten_grense_er_ukjent() -> None:
    assert isinstance(_grensedato(lambda d: False, date(2024, 1, 1)), Ukjent)
    assert _grensedato(lambda d: True, date(2024, 1, 1)) == date(2024, 1, 1)


@st.composite
def _stays(draw: st.DrawFn) -> list[tuple[date, date | None]]:
    ut = []
    for _ in range(draw(st.integers(1, 5))):
        fra = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 120)))
        lengde = draw(st.none() | st.integers(0, 40))
        ut.append((fra, None if lengde is None else fra + timedelta(days=lengde)))
    return ut


@given(_stays())
def test_sammenhengende_periode_som_enkel_dagmodell(stays: list[tuple[date, date | None]]) -> None:
    """A stay's period starts at the first day of the unbroken run of covered days it is in."""
    horisont = date(2025, 12, 31)
    dekket = {
        fra + timedelta(days=i)
        for fra, til in stays
        for i in range(((til or horisont) - fra).days + 1)
    }
    v = assess(
        sak(
            "2026-01-01",
            botilbud=[
                opphold(fra.isoformat(), til.isoformat() if til else None) for fra, til in stays
            ],
        )
    )
    for i, (fra, _) in enumerate(stays):
        dag = fra
        while dag - timedelta(days=1) in dekket:
            dag -= timedelta(days=1)
        assert stay(v, i)["sammenhengende_fra"] == dag.isoformat()
