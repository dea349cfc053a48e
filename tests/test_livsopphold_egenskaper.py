"""Properties of § 18 (and §§ 19, nødhjelp) that must hold for every case, not just examples.

Cases come from ``sosialregler.verktoy.testing`` (the strategies shipped to users); the extra facts
of
issue 3 (rights, other expenses, § 19 applications, emergencies) are drawn here. Each property
changes one thing in a case and compares the two assessments.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

pytest.importorskip("hypothesis")

from hypothesis import assume, given
from hypothesis import strategies as st

from sosialregler import Utfall, assess
from sosialregler.verktoy.testing import belop, saker

TELLES = (
    "arbeidsinntekt",
    "kontantstotte",
    "bostotte",
    "barnebidrag",
    "aap",
    "dagpenger",
    "sykepenger",
    "foreldrepenger",
    "uforetrygd",
    "pensjon",
    "kvalifiseringsstonad",
    "introduksjonsstonad",
    "studielan_stipend",
    "annen",
)
BARNETRYGD_VERNET_FRA = date(2022, 9, 1)  # § 18 third ledd, Prop. 87 L (2021-2022)
BARNS_INNTEKT_UNNTATT_FRA = date(2012, 6, 22)  # R35's guidance, then § 18 third ledd (2016)
RETTIGHETSTYPER = ("aap", "uforetrygd", "bostotte", "barnebidrag", "lanekassen", "annen")
UTGIFTSTYPER = ("tannbehandling", "medisiner", "briller", "reise", "innbo_utstyr", "annen")

komplette = saker(komplett=True, andre_omrader=False, maks_barn=3, maks_inntekter=4)


def _ls(sak: dict[str, Any]) -> Any:
    return assess(sak).vedtak["livsopphold"]


def _belop(sak: dict[str, Any]) -> Decimal | None:
    return _ls(sak).beregnet_behov_per_maned  # the computed amount, a refusal's too


def _soker(sak: dict[str, Any]) -> str:
    return next(p["id"] for p in sak["personer"] if p["rolle"] == "soker")


def _barn(sak: dict[str, Any]) -> list[str]:
    return [p["id"] for p in sak["personer"] if p["rolle"] == "barn"]


def _satssum(sak: dict[str, Any]) -> Decimal:
    linjer = _ls(sak).beregning
    return sum((x.belop for x in linjer if x.post.startswith("sats_")), Decimal(0))


# --- 1. More counted income never raises the amount ------------------------------------------


@given(komplette, st.sampled_from(TELLES), belop(50_000), st.data())
def test_mer_inntekt_som_regnes_med_gir_aldri_hoyere_belop(
    sak: dict[str, Any], typ: str, mer: int | float, data: st.DataObject
) -> None:
    for_ = _belop(sak)
    # Persons whose income reduces the need: the applicant and a spouse (ekteskapsloven § 38);
    # other adults' income never counts (tests/test_livsopphold_husstand.py).
    plikt = [p["id"] for p in sak["personer"] if p["rolle"] in ("soker", "ektefelle")]
    hvem = data.draw(st.sampled_from(plikt), label="person")
    sak["inntekter"].append({"person": hvem, "type": typ, "belop_per_maned": mer})
    etter = _belop(sak)
    assert for_ is not None and etter is not None
    assert etter <= for_
    # Exactly: the counted amount comes off the unmet need, and the amount never goes below 0.
    assert etter == max(Decimal(0), for_ - Decimal(str(mer)))


# --- 2. An extra child never lowers the rate sum ---------------------------------------------


@given(komplette, st.data())
def test_et_barn_til_senker_aldri_satssummen(sak: dict[str, Any], data: st.DataObject) -> None:
    dato = date.fromisoformat(sak["vurderingsdato"])
    foreldre = [
        date.fromisoformat(p["fodselsdato"])
        for p in sak["personer"]
        if p["rolle"] in ("soker", "ektefelle", "samboer")
    ]
    fra = max(max(foreldre) + timedelta(days=1), dato - timedelta(days=20 * 366))
    assume(fra <= dato)
    fodt = data.draw(st.dates(min_value=fra, max_value=dato), label="født")
    brukte = {p["id"] for p in sak["personer"]}
    ny_id = next(f"nytt{i}" for i in range(100) if f"nytt{i}" not in brukte)
    for_ = _satssum(sak)
    sak["personer"].append({"id": ny_id, "rolle": "barn", "fodselsdato": fodt.isoformat()})
    assert _satssum(sak) >= for_


# --- 3. Income that does not count never changes the amount ----------------------------------


def _norsk_barnetrygd(sak: dict[str, Any], d: st.DataObject) -> dict[str, Any]:
    return {"person": _soker(sak), "type": "barnetrygd", "belop_per_maned": d.draw(belop(5000))}


def _barns_inntekt(sak: dict[str, Any], d: st.DataObject) -> dict[str, Any]:
    if not _barn(sak):  # a child's earnings belong to a child (the contract rejects others)
        aar = int(sak["vurderingsdato"][:4]) - 10
        sak["personer"].append({"id": "barn_nytt", "rolle": "barn", "fodselsdato": f"{aar}-01-01"})
    hvem = d.draw(st.sampled_from(_barn(sak)))
    return {"person": hvem, "type": "barns_arbeidsinntekt", "belop_per_maned": d.draw(belop())}


def _barnetrygd_kommunen_holder_utenfor(sak: dict[str, Any], d: st.DataObject) -> dict[str, Any]:
    sak.setdefault("kommune", {})["holder_barnetrygd_utenfor"] = True
    return _norsk_barnetrygd(sak, d)


def _utenlandsk_barnetrygd_holdt_utenfor(sak: dict[str, Any], d: st.DataObject) -> dict[str, Any]:
    sak.setdefault("kommune", {})["medregner_barnetrygd_fra_annen_stat"] = False
    return {**_norsk_barnetrygd(sak, d), "fra_annen_stat": True}


UTENFOR = {
    "barnetrygd fra 2022-09-01": (BARNETRYGD_VERNET_FRA, None, _norsk_barnetrygd),
    "barns arbeidsinntekt": (BARNS_INNTEKT_UNNTATT_FRA, None, _barns_inntekt),
    "barnetrygd før 2022-09-01, kommunens valg": (
        None,
        BARNETRYGD_VERNET_FRA - timedelta(days=1),
        _barnetrygd_kommunen_holder_utenfor,
    ),
    "barnetrygd fra annen stat, kommunens valg": (
        BARNETRYGD_VERNET_FRA,
        None,
        _utenlandsk_barnetrygd_holdt_utenfor,
    ),
}


@pytest.mark.parametrize("slag", list(UTENFOR))
@given(data=st.data())
def test_inntekt_som_ikke_regnes_med_endrer_aldri_belopet(slag: str, data: st.DataObject) -> None:
    fra, til, linje = UTENFOR[slag]
    strategi = saker(
        fra or date(2010, 1, 1),
        til or date(2026, 12, 31),
        komplett=True,
        andre_omrader=False,
        maks_barn=3,
        maks_inntekter=4,
    )
    sak = data.draw(strategi, label="sak")
    ny = linje(sak, data)  # may set the municipality's choice first
    for_ = _ls(sak)
    sak["inntekter"].append(ny)
    etter = _ls(sak)
    assert for_.beregnet_behov_per_maned is not None
    assert etter.beregnet_behov_per_maned == for_.beregnet_behov_per_maned
    assert etter.utfall is for_.utfall
    assert etter.beregning[-1].medregnet is False  # and the line says so


# --- 4. Other necessary expenses -----------------------------------------------------------------

utgift = st.fixed_dictionaries(
    {"type": st.sampled_from(UTGIFTSTYPER), "belop": belop(20_000)},
)


@given(komplette, utgift)
def test_en_engangsutgift_endrer_ikke_manedsbelopet(
    sak: dict[str, Any], ny: dict[str, Any]
) -> None:
    for_ = _belop(sak)
    sak["andre_utgifter"] = [{**ny, "hyppighet": "engangs"}]
    ls = _ls(sak)
    assert ls.beregnet_behov_per_maned == for_
    assert ls.utdata["engangsutgifter"] == Decimal(str(ny["belop"]))


@given(komplette, utgift)
def test_en_lopende_utgift_senker_aldri_belopet(sak: dict[str, Any], ny: dict[str, Any]) -> None:
    for_ = _belop(sak)
    sak["andre_utgifter"] = [{**ny, "hyppighet": "per_maned"}]
    etter = _belop(sak)
    assert for_ is not None and etter is not None and etter >= for_


# --- 5. Housing: an accepted amount never raises the amount ----------------------------------


@given(komplette, st.integers(0, 30_000), st.data())
def test_godkjent_boutgift_hever_aldri_belopet(
    sak: dict[str, Any], faktisk: int, data: st.DataObject
) -> None:
    sak["boutgifter"] = [{"type": "husleie", "belop_per_maned": faktisk}]
    for_ = _belop(sak)
    godkjent = data.draw(st.integers(0, faktisk), label="godkjent")
    sak["boutgifter"][0].update(vurdert_rimelig=False, godkjent_belop_per_maned=godkjent)
    etter = _belop(sak)
    assert for_ is not None and etter is not None and etter <= for_


# --- 6. Rights never change the amount and never deny on their own -------------------------------


@st.composite
def _rettigheter(draw: st.DrawFn, person_ids: list[str]) -> list[dict[str, Any]]:
    linje = st.fixed_dictionaries(
        {
            "person": st.sampled_from(person_ids),
            "type": st.sampled_from(RETTIGHETSTYPER),
            "status": st.sampled_from(("ikke_sokt", "sokt", "innvilget", "avslatt")),
        }
    )
    return draw(st.lists(linje, min_size=1, max_size=4))


@given(komplette, st.data())
def test_rettigheter_endrer_aldri_belopet_og_gir_aldri_avslag(
    sak: dict[str, Any], data: st.DataObject
) -> None:
    sak["rettigheter"] = []
    for_ = _ls(sak)
    sak["rettigheter"] = data.draw(_rettigheter([p["id"] for p in sak["personer"]]))
    etter = _ls(sak)
    assert etter.beregnet_behov_per_maned == for_.beregnet_behov_per_maned
    assert (etter.utfall is Utfall.IKKE_OPPFYLT) is (for_.utfall is Utfall.IKKE_OPPFYLT)
    ikke_sokt = any(r["status"] == "ikke_sokt" for r in sak["rettigheter"])
    if for_.utfall is Utfall.OPPFYLT:
        assert etter.utfall is (Utfall.SKJONN if ikke_sokt else Utfall.OPPFYLT)


# --- 7. § 19 is never a yes or a no; emergency help whatever the rest --------------------------


@given(komplette, st.text(max_size=40), st.lists(utgift, max_size=3))
def test_paragraf_19_er_alltid_skjonn(
    sak: dict[str, Any], livssituasjon: str, utgifter: list[dict[str, Any]]
) -> None:
    sak["saerlige_tilfeller"] = {
        "livssituasjon": livssituasjon,
        "utgifter": [{**u, "hyppighet": "engangs"} for u in utgifter],
    }
    assert assess(sak).vedtak["saerlige_tilfeller"].utfall is Utfall.SKJONN


@given(komplette, st.integers(1, 20_000))
def test_nodhjelp_uansett_resten_av_saken(sak: dict[str, Any], nodvendig: int) -> None:
    uten = copy.deepcopy(sak)
    sak["nodsituasjon"] = {"foreligger": True, "nodvendig_belop": nodvendig}
    v = assess(sak)
    assert v.vedtak["nodhjelp"].utfall is Utfall.OPPFYLT
    assert v.vedtak["livsopphold"].beregnet_behov_per_maned == _belop(uten)  # § 18 untouched
