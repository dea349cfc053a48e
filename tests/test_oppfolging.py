"""Follow-up: § 17 advice without a decision, § 28 individual plan, long-term recipient status.

Long-term months: KOSTRA counts the months of the assessment date's calendar year up to its
month; NAV counts the latest run of consecutive months ending in or before the assessment
month. Both are tested across year ends.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sosialregler import Assessment, UgyldigSak, Utfall, assess
from sosialregler.vurdering.areas.oppfolging import maneder_i_vinduet, siste_rekke, vindu_fra

MINE = {"RADGIVNING_UTEN_VEDTAK", "INDIVIDUELL_PLAN_IKKE_TILBUDT", "LANGTIDSMOTTAKER_VURDER_KVP"}


def sak(dato: str = "2024-03-01", **felt: Any) -> dict[str, Any]:
    """A single applicant born 1980 (outside § 20 a), granted support."""
    grunn: dict[str, Any] = {
        "vurderingsdato": dato,
        "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1980-01-01"}],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [],
        "rettigheter": [],
        "individuell_vurdering": "Vurdert konkret.",
    }
    grunn.update(felt)
    return grunn


def koder(v: Assessment) -> list[str]:
    return [m.kode for m in v.merknader if m.kode in MINE]


def merknad(v: Assessment, kode: str) -> dict[str, Any]:
    (funnet,) = [m for m in v.to_dict()["merknader"] if m["kode"] == kode]
    return funnet


def maneder(fra: str, antall: int) -> list[str]:
    """``antall`` consecutive months from ``fra`` (YYYY-MM), as first days."""
    ar, mnd = (int(x) for x in fra.split("-"))
    ut = []
    for _ in range(antall):
        ut.append(f"{ar:04d}-{mnd:02d}-01")
        ar, mnd = (ar + 1, 1) if mnd == 12 else (ar, mnd + 1)
    return ut


# --- § 17: advice beyond general guidance needs a decision ---------------------------------------

INDIVIDUELLE = [
    "individuell_veiledning",
    "okonomisk_radgivning",
    "gjeldsradgivning",
    "motivasjon_og_endringsarbeid",
]


@pytest.mark.parametrize("type", INDIVIDUELLE)
def test_individuell_radgivning_uten_vedtak_flagges(type: str) -> None:
    v = assess(sak(radgivning=[{"dato": "2024-02-12", "type": type, "vedtak_fattet": False}]))
    vedtak = v.vedtak["opplysning_rad_veiledning"]
    assert vedtak.utfall is Utfall.IKKE_OPPFYLT
    assert koder(v) == ["RADGIVNING_UTEN_VEDTAK"]
    m = merknad(v, "RADGIVNING_UTEN_VEDTAK")
    assert (
        m["hjemmel"] == "sosialtjenesteloven § 17; sosialtjenesteloven § 41; forvaltningsloven § 23"
    )
    assert m["tekst"].startswith(f"Rådet gitt 12.02.2024 ({type}, til p1) går ut over generell")
    assert "klageadgang" in m["tekst"] and "right of appeal" in m["tekst_en"]
    ut = v.to_dict()["vedtak"]["opplysning_rad_veiledning"]
    assert ut["radgivningsvurdering"] == [
        {"dato": "2024-02-12", "type": type, "person": "p1", "utfall": "ikke_oppfylt"}
    ]
    assert ut["ikke_oppfylte_vilkar"][0]["hva_kan_endre"].startswith("Fatt skriftlig vedtak")


def test_radgivning_med_vedtak_og_generell_veiledning_er_i_orden() -> None:
    radgivning = [
        {"dato": "2024-02-12", "type": "okonomisk_radgivning", "vedtak_fattet": True},
        {"dato": "2024-02-13", "type": "generell_veiledning", "vedtak_fattet": False},
        {"dato": "2024-02-14", "type": "generell_veiledning"},
    ]
    v = assess(sak(radgivning=radgivning))
    assert v.vedtak["opplysning_rad_veiledning"].utfall is Utfall.OPPFYLT
    assert koder(v) == []
    tekst = v.explain("nb")
    assert "Vurdering av hvert registrerte råd" in tekst
    assert "Økonomisk rådgivning (søkeren)" in tekst and "Generell veiledning (søkeren)" in tekst
    assert "Assessment of each advice record" in v.explain("en")


def test_ukjent_om_vedtak_er_fattet_gir_uavklart_med_stien() -> None:
    v = assess(sak(radgivning=[{"dato": "2024-02-12", "type": "gjeldsradgivning"}]))
    vedtak = v.vedtak["opplysning_rad_veiledning"]
    assert vedtak.utfall is Utfall.UAVKLART
    assert vedtak.mangler == ("radgivning[0].vedtak_fattet",)
    assert koder(v) == []


@pytest.mark.parametrize("liste", [None, []])
def test_uten_radgivning_er_omradet_utelatt(liste: list[Any] | None) -> None:
    felt = {} if liste is None else {"radgivning": liste}
    assert "opplysning_rad_veiledning" not in assess(sak(**felt)).vedtak


@pytest.mark.parametrize(("dato", "avvist"), [("2024-03-01", False), ("2024-03-02", True)])
def test_rad_gitt_etter_vurderingsdatoen_avvises(dato: str, avvist: bool) -> None:
    grunn = sak(radgivning=[{"dato": dato, "type": "okonomisk_radgivning", "vedtak_fattet": True}])
    if not avvist:
        assert assess(grunn).vedtak["opplysning_rad_veiledning"].utfall is Utfall.OPPFYLT
        return
    with pytest.raises(UgyldigSak) as feil:
        assess(grunn)
    assert [f.felt for f in feil.value.feil] == ["radgivning[0].dato"]


def test_radgivning_gjelder_fra_lovens_start() -> None:
    radgivning = [{"dato": "2010-01-01", "type": "gjeldsradgivning", "vedtak_fattet": False}]
    assert koder(assess(sak("2010-01-01", radgivning=radgivning))) == ["RADGIVNING_UTEN_VEDTAK"]
    with pytest.raises(UgyldigSak):
        assess(sak("2009-12-31", radgivning=radgivning))


# --- § 28: individual plan -----------------------------------------------------------------------


def plan(**felt: Any) -> dict[str, Any]:
    grunn: dict[str, Any] = {
        "behov_for_langvarige_koordinerte_tjenester": True,
        "tjenester": ["NAV", "fastlege", "kommunal psykisk helsetjeneste"],
        "tilbudt": False,
        "har_plan_fra_annen_instans": False,
    }
    grunn.update(felt)
    return {k: v for k, v in grunn.items() if v is not None}


def test_rett_til_plan_uten_tilbud_flagges() -> None:
    v = assess(sak(individuell_plan=plan()))
    vedtak = v.vedtak["individuell_plan"]
    assert vedtak.utfall is Utfall.IKKE_OPPFYLT
    assert koder(v) == ["INDIVIDUELL_PLAN_IKKE_TILBUDT"]
    m = merknad(v, "INDIVIDUELL_PLAN_IKKE_TILBUDT")
    assert m["hjemmel"] == "sosialtjenesteloven § 28"
    assert m["tekst"].startswith("Søkeren har behov for langvarige og koordinerte tjenester")
    assert "planen lages bare hvis søkeren ønsker det" in m["tekst"]
    assert m["tekst_en"].startswith("The applicant needs long-term, coordinated services")
    tekst = v.explain("nb")
    assert "NAV, fastlege og kommunal psykisk helsetjeneste" in tekst


@pytest.mark.parametrize(
    ("endring", "ord"),
    [
        ({"tilbudt": True}, "Søkeren er tilbudt individuell plan."),
        ({"onsker_plan": False}, "planen lages bare med samtykke"),
        ({"har_plan_fra_annen_instans": True}, "Det skal bare være én plan; NAV skal bidra i den."),
        ({"behov_for_langvarige_koordinerte_tjenester": False}, "har ikke behov for langvarige"),
    ],
)
def test_tilbud_samtykke_en_plan_og_registrert_behov(endring: dict[str, Any], ord: str) -> None:
    v = assess(sak(individuell_plan=plan(**endring)))
    assert v.vedtak["individuell_plan"].utfall is Utfall.OPPFYLT
    assert koder(v) == []
    assert ord in v.explain("nb")


def test_ukjent_onske_er_ikke_et_nei() -> None:
    v = assess(sak(individuell_plan=plan(onsker_plan=None)))
    assert koder(v) == ["INDIVIDUELL_PLAN_IKKE_TILBUDT"]
    assert koder(assess(sak(individuell_plan=plan(onsker_plan=True)))) == [
        "INDIVIDUELL_PLAN_IKKE_TILBUDT"
    ]


@pytest.mark.parametrize(
    ("felt", "sti"),
    [
        ("tilbudt", "individuell_plan.tilbudt"),
        ("har_plan_fra_annen_instans", "individuell_plan.har_plan_fra_annen_instans"),
    ],
)
def test_ukjent_tilbud_eller_annen_plan_gir_uavklart(felt: str, sti: str) -> None:
    v = assess(sak(individuell_plan=plan(**{felt: None})))
    assert v.vedtak["individuell_plan"].utfall is Utfall.UAVKLART
    assert v.vedtak["individuell_plan"].mangler == (sti,)
    assert koder(v) == []


@pytest.mark.parametrize(
    ("tjenester", "langtid", "flagget"),
    [
        (["NAV", "fastlege"], False, True),  # several services
        (["NAV"], False, False),  # one service, not long-term: no right
        (["NAV"], True, True),  # long-term recipient in contact with another service
        ([], True, False),  # long-term, but no other service
    ],
)
def test_behov_ut_fra_tjenester_og_langtidsstatus(
    tjenester: list[str], langtid: bool, flagget: bool
) -> None:
    felt: dict[str, Any] = {
        "individuell_plan": plan(
            behov_for_langvarige_koordinerte_tjenester=None, tjenester=tjenester
        )
    }
    if langtid:
        felt["maneder_med_stonad"] = maneder("2023-03", 12)
        felt["kommune"] = {"langtidsdefinisjon": "nav"}
    v = assess(sak("2024-02-20", **felt))
    assert ("INDIVIDUELL_PLAN_IKKE_TILBUDT" in koder(v)) is flagget


def test_ukjente_tjenester_gir_uavklart() -> None:
    v = assess(
        sak(individuell_plan=plan(behov_for_langvarige_koordinerte_tjenester=None, tjenester=None))
    )
    assert v.vedtak["individuell_plan"].utfall is Utfall.UAVKLART
    # With the services unknown, long-term status might decide too, so it is named as well.
    assert v.vedtak["individuell_plan"].mangler == (
        "individuell_plan.tjenester",
        "kommune.langtidsdefinisjon",
        "maneder_med_stonad",
    )


def test_langtidsmottaker_uten_planopplysninger_far_planomradet_uavklart() -> None:
    v = assess(
        sak(
            "2024-02-20",
            maneder_med_stonad=maneder("2023-03", 12),
            kommune={"langtidsdefinisjon": "nav"},
        )
    )
    vedtak = v.vedtak["individuell_plan"]
    assert vedtak.utfall is Utfall.UAVKLART
    assert "individuell_plan.tjenester" in vedtak.mangler
    assert "individuell_plan.tilbudt" in vedtak.mangler


def test_uten_planopplysninger_og_uten_langtidsstatus_er_planomradet_utelatt() -> None:
    assert "individuell_plan" not in assess(sak()).vedtak
    kort = sak(maneder_med_stonad=maneder("2024-01", 2), kommune={"langtidsdefinisjon": "nav"})
    assert "individuell_plan" not in assess(kort).vedtak


def test_planplikten_gjelder_fra_lovens_start() -> None:
    assert koder(assess(sak("2010-01-01", individuell_plan=plan()))) == [
        "INDIVIDUELL_PLAN_IKKE_TILBUDT"
    ]
    with pytest.raises(UgyldigSak):
        assess(sak("2009-12-31", individuell_plan=plan()))


# --- Long-term recipients ----------------------------------------------------------------------


def langtid(v: Assessment) -> Any:
    return v.vedtak["langtidsmottaker"]


@pytest.mark.parametrize(
    ("dato", "maneder_", "status"),
    [
        ("2024-06-15", maneder("2024-01", 6), True),
        ("2024-06-15", maneder("2024-02", 5), False),
        # Months after the assessment month have not happened yet
        ("2024-05-31", maneder("2024-01", 6), False),
        # Issue 14.9: the window ends at the date, so a new year does not forget December
        # (on main: calendar year, False) and nobody has to wait for June
        ("2024-01-15", maneder("2023-07", 7), True),
        ("2024-03-01", maneder("2023-10", 6), True),
        ("2023-12-31", maneder("2023-07", 6), True),
        # Twelve months back: the month thirteen months before falls out
        ("2024-06-15", [*maneder("2023-06", 1), *maneder("2024-01", 5)], False),
        ("2024-06-15", [*maneder("2023-07", 1), *maneder("2024-01", 5)], True),
        # Old history does not count
        ("2024-06-15", maneder("2015-01", 12), False),
        # Not necessarily consecutive
        (
            "2024-12-01",
            ["2024-01-01", "2024-03-01", "2024-05-01", "2024-07-01", "2024-09-01", "2024-11-01"],
            True,
        ),
    ],
)
def test_kostra_seks_maneder_siste_tolv(dato: str, maneder_: list[str], status: bool) -> None:
    v = assess(sak(dato, maneder_med_stonad=maneder_, kommune={"langtidsdefinisjon": "kostra"}))
    assert langtid(v).utfall is (Utfall.OPPFYLT if status else Utfall.IKKE_OPPFYLT)
    tekst = v.explain("nb")
    assert "(KOSTRA)" in tekst
    assert "Etter KOSTRA-definisjonen (stønad i 6 måneder eller mer)" in tekst
    fra = vindu_fra(date.fromisoformat(dato)).strftime("%d.%m.%Y")
    assert f"i de 12 månedene fra {fra} til og med vurderingsmåneden" in tekst
    assert "as a status on the assessment date the last 12 months" in v.explain("en")
    assert ("LANGTIDSMOTTAKER_VURDER_KVP" in koder(v)) is status


@pytest.mark.parametrize(
    ("dato", "maneder_", "status", "pa_rad"),
    [
        # Twelve in a row across the year end
        ("2024-02-10", maneder("2023-03", 12), True, 12),
        ("2024-02-10", maneder("2023-04", 11), False, 11),
        # A gap breaks the run: only the running run counts
        ("2024-02-10", [*maneder("2022-01", 20), *maneder("2023-10", 5)], False, 5),
        # The run ends in or before the assessment month; later months are not counted
        ("2024-01-31", maneder("2023-02", 13), True, 12),
        ("2023-12-31", maneder("2023-02", 13), False, 11),
        # The month before the assessment month still counts as running
        ("2024-03-10", maneder("2023-03", 12), True, 12),
        # Issue 14.9: a run that ended earlier is history (on main: True, 12)
        ("2024-06-01", maneder("2022-12", 12), False, 0),
        ("2024-06-01", maneder("2015-01", 12), False, 0),
    ],
)
def test_nav_tolv_maneder_pa_rad(dato: str, maneder_: list[str], status: bool, pa_rad: int) -> None:
    v = assess(sak(dato, maneder_med_stonad=maneder_, kommune={"langtidsdefinisjon": "nav"}))
    assert langtid(v).utfall is (Utfall.OPPFYLT if status else Utfall.IKKE_OPPFYLT)
    node = langtid(v).node.finn("langtidsmottaker-nav")
    assert node is not None and node.fakta["langtid.maneder_pa_rad"] == pa_rad
    assert "(NAV)" in v.explain("nb")
    assert "Under NAV's definition (support continuously for 12 months or more)" in v.explain("en")


def test_gammel_historikk_gir_ingen_forfalte_frister() -> None:
    """Issue 14.9: twelve months in 2015 made a person long-term in 2024, «overdue 3 013 days»."""
    from sosialregler import due

    felt = {"maneder_med_stonad": maneder("2015-01", 12), "kommune": {"langtidsdefinisjon": "nav"}}
    v = assess(sak("2024-03-01", **felt))
    assert langtid(v).utfall is Utfall.IKKE_OPPFYLT
    assert "siste måned med stønad: 01.12.2015" in v.explain("nb")
    assert "historikk og teller ikke" in v.explain("nb")
    assert [f for f in due(sak("2024-03-01", **felt)) if f.kode.startswith("LANGTID")] == []


def test_langtidsmottaker_far_merknad_om_kvp_med_definisjonen() -> None:
    v = assess(
        sak(
            "2024-02-10",
            maneder_med_stonad=maneder("2023-03", 12),
            kommune={"langtidsdefinisjon": "nav"},
        )
    )
    m = merknad(v, "LANGTIDSMOTTAKER_VURDER_KVP")
    assert m["hjemmel"] == "sosialtjenesteloven § 29"
    assert m["tekst"].startswith(
        "Søkeren er langtidsmottaker av økonomisk stønad (nav-definisjonen)"
    )
    assert "kvalifiseringsprogram" in m["tekst"] and "qualification programme" in m["tekst_en"]
    assert "sist 01.02.2024" in v.explain("nb")


def test_ingen_kvp_merknad_nar_saken_har_kvp_opplysninger() -> None:
    v = assess(
        sak(
            "2024-02-10",
            maneder_med_stonad=maneder("2023-03", 12),
            kommune={"langtidsdefinisjon": "nav"},
            kvp={"person": "p1"},
        )
    )
    assert langtid(v).utfall is Utfall.OPPFYLT
    assert "LANGTIDSMOTTAKER_VURDER_KVP" not in koder(v)


def test_ukjent_definisjon_gir_uavklart_og_ingen_merknad() -> None:
    v = assess(sak(maneder_med_stonad=maneder("2023-01", 14)))
    assert langtid(v).utfall is Utfall.UAVKLART
    assert langtid(v).mangler == ("kommune.langtidsdefinisjon",)
    assert koder(v) == []
    assert "KOSTRA-definisjonen eller NAVs definisjon" in v.explain("nb")


def test_uten_maneder_er_omradet_utelatt_og_tom_liste_er_ingen_maneder() -> None:
    assert "langtidsmottaker" not in assess(sak()).vedtak
    v = assess(sak(maneder_med_stonad=[], kommune={"langtidsdefinisjon": "kostra"}))
    assert langtid(v).utfall is Utfall.IKKE_OPPFYLT


@pytest.mark.parametrize(
    ("maneder_", "ord"),
    [(["2024-01-15"], "første dag"), (["2024-01-01", "2024-01-01"], "to ganger")],
)
def test_maneder_ma_vaere_forste_dag_og_unike(maneder_: list[str], ord: str) -> None:
    with pytest.raises(UgyldigSak) as feil:
        assess(sak(maneder_med_stonad=maneder_))
    assert any(
        ord in f.melding and f.felt.startswith("maneder_med_stonad[") for f in feil.value.feil
    )


@given(
    st.sets(st.integers(0, 47), max_size=48),
    st.integers(0, 47),
)
def test_tellingen_stemmer_med_en_enkel_opptelling(indekser: set[int], vurdering: int) -> None:
    """Months 2022-01 … 2025-12 as indices; the counts agree with a plain loop."""

    def maned(i: int) -> date:
        return date(2022 + i // 12, i % 12 + 1, 1)

    dato = maned(vurdering)
    liste = tuple(maned(i) for i in indekser)
    ventet_i_vinduet = sum(1 for i in indekser if vurdering - 12 < i <= vurdering)
    assert maneder_i_vinduet(liste, dato) == ventet_i_vinduet
    tidligere = [i for i in indekser if i <= vurdering]
    lengde, siste = siste_rekke(liste, dato)
    if not tidligere:
        assert (lengde, siste) == (0, None)
        return
    slutt = max(tidligere)
    ventet = 0
    if slutt >= vurdering - 1:
        while slutt - ventet in indekser:
            ventet += 1
    assert (lengde, siste) == (ventet, maned(slutt))


def test_langtidsstatus_gjelder_fra_lovens_start() -> None:
    felt = {"maneder_med_stonad": maneder("2009-01", 12), "kommune": {"langtidsdefinisjon": "nav"}}
    assert langtid(assess(sak("2010-01-01", **felt))).utfall is Utfall.OPPFYLT
    with pytest.raises(UgyldigSak):
        assess(sak("2009-12-31", **felt))


def test_vedtaksgrunnlaget_gjengir_oppfolgingsomradene() -> None:
    v = assess(
        sak(
            "2024-02-20",
            maneder_med_stonad=maneder("2023-03", 12),
            kommune={"langtidsdefinisjon": "nav"},
            individuell_plan=plan(),
            radgivning=[{"dato": "2024-02-01", "type": "gjeldsradgivning", "vedtak_fattet": False}],
        )
    )
    assert {"langtidsmottaker", "individuell_plan", "opplysning_rad_veiledning"} <= set(v.vedtak)
    gjengitt = Assessment.from_record(v.to_record())
    assert gjengitt.explain("nb") == v.explain("nb")
    assert gjengitt.explain("en") == v.explain("en")
    assert gjengitt.to_dict() == v.to_dict()
