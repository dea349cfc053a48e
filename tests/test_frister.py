"""What is due in a case on a date (``sosialregler.due``, ``sosialregler frister``).

Each kind of item is tested for its ``forfall`` on both sides of the date it falls due, and
``forfalt``/``dager_forfalt`` against their definitions. Every item a rule raises carries the
same code as a flag of the assessment on that date.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

import pytest

import sosialregler
from helpers_cli import kjor
from sosialregler import Frist, UgyldigSak, assess, due
from sosialregler.verktoy.frister import (
    BEREGNEDE,
    FORFALL,
    KVP_SLUTTET,
    VILKAR_FRIST,
    VILKAR_OPPFOLGING,
)
from sosialregler.verktoy.oppfolging import eksempelsaker
from tekstlekk import lekkasjer

D = date.fromisoformat


def grunnsak(dato: str = "2024-03-01", fodt: str = "1980-01-01", **felt: Any) -> dict[str, Any]:
    """A single applicant granted § 18 support, with nothing due."""
    sak: dict[str, Any] = {
        "sak_id": "t-1",
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
        "boutgifter": [{"type": "husleie", "belop_per_maned": 8000, "vurdert_rimelig": True}],
        "rettigheter": [],
        "barns_behov_vurdert": True,
        "individuell_vurdering": "Vurdert konkret.",
        "kommune": {"langtidsdefinisjon": "nav"},
    }
    sak.update(felt)
    return sak


def koder(frister: list[Frist]) -> list[str]:
    return [f.kode for f in frister]


def en(frister: list[Frist], kode: str) -> Frist:
    treff = [f for f in frister if f.kode == kode]
    assert len(treff) == 1, frister
    return treff[0]


def maneder(fra: str, antall: int) -> list[str]:
    """``antall`` consecutive months from ``fra`` (YYYY-MM), as first days."""
    ar, mnd = (int(x) for x in fra.split("-"))
    ut = []
    for _ in range(antall):
        ut.append(f"{ar:04d}-{mnd:02d}-01")
        ar, mnd = (ar + 1, 1) if mnd == 12 else (ar, mnd + 1)
    return ut


# --- nothing due --------------------------------------------------------------------------------


def test_en_sak_uten_noe_som_forfaller_gir_tom_liste() -> None:
    assert due(grunnsak()) == []


def test_forfalt_og_dager_forfalt_folger_definisjonen() -> None:
    sak = grunnsak(botilbud=[{"personer": ["p1"], "fra": "2023-12-20", "type": "hospits"}])
    for on in ("2024-03-06", "2024-03-19", "2024-03-20", "2024-03-21", "2024-05-01", "2025-01-01"):
        for f in due(sak, on=on):
            dager = (D(on) - f.forfall).days
            assert f.forfalt is (f.forfall < D(on))
            assert f.dager_forfalt == (dager if dager > 0 else 0)


# --- § 27: a stay passing three months ----------------------------------------------------------


def test_botilbud_over_tre_maneder_forfaller_ved_grensen() -> None:
    sak = grunnsak(botilbud=[{"personer": ["p1"], "fra": "2023-12-20", "type": "hospits"}])
    # Three months from 20.12.2023 end on 20.03.2024: the limit holds that day, not the next.
    paa_dagen = due(sak, on="2024-03-20")
    assert "BOTILBUD_OVER_TRE_MANEDER" not in koder(paa_dagen)
    naermer = en(paa_dagen, "BOTILBUD_NAERMER_SEG_TRE_MANEDER")
    assert (naermer.forfall, naermer.forfalt, naermer.dager_forfalt) == (D("2024-03-20"), False, 0)
    dagen_etter = en(due(sak, on="2024-03-21"), "BOTILBUD_OVER_TRE_MANEDER")
    assert (dagen_etter.forfall, dagen_etter.forfalt, dagen_etter.dager_forfalt) == (
        D("2024-03-20"),
        True,
        1,
    )
    senere = en(due(sak, on="2024-04-15"), "BOTILBUD_OVER_TRE_MANEDER")
    assert senere.dager_forfalt == 26
    assert senere.person == "p1"
    assert "§ 27" in senere.hjemmel
    assert senere.regel == "r35-4-27-tre-maneder"


def test_botilbud_som_naermer_seg_er_ikke_forfalt() -> None:
    sak = grunnsak(botilbud=[{"personer": ["p1"], "fra": "2023-12-20", "type": "hospits"}])
    f = en(due(sak, on="2024-03-10"), "BOTILBUD_NAERMER_SEG_TRE_MANEDER")
    assert (f.forfall, f.forfalt, f.dager_forfalt) == (D("2024-03-20"), False, 0)
    assert due(sak, on="2024-03-05") == []  # 15 days ahead: outside the 14-day window


def test_avsluttet_opphold_forfaller_ikke() -> None:
    opphold = {"personer": ["p1"], "fra": "2023-06-01", "til": "2023-12-31", "type": "hotell"}
    assert due(grunnsak(botilbud=[opphold]), on="2024-03-01") == []


# --- § 20 a: under 30 without an activity condition ---------------------------------------------


def test_aktivitetsvilkar_forfaller_paa_sakens_vurderingsdato() -> None:
    sak = grunnsak(fodt="1998-05-02", aktivitetsplikt={"vilkar_satt": False})
    f = en(due(sak), "AKTIVITETSVILKAR_MANGLER")
    assert (f.forfall, f.forfalt, f.dager_forfalt, f.person) == (D("2024-03-01"), False, 0, "p1")
    senere = en(due(sak, on="2024-04-15"), "AKTIVITETSVILKAR_MANGLER")
    assert (senere.forfall, senere.forfalt, senere.dager_forfalt) == (D("2024-03-01"), True, 45)
    assert senere.hjemmel == "sosialtjenesteloven § 20 a"


def test_aktivitetsvilkar_forfaller_ikke_for_paragrafen_gjaldt() -> None:
    sak = grunnsak(dato="2016-10-01", fodt="1998-05-02", aktivitetsplikt={"vilkar_satt": False})
    assert due(sak) == []  # § 20 a is in force from 2017-01-01
    f = en(due(sak, on="2017-02-01"), "AKTIVITETSVILKAR_MANGLER")
    assert (f.forfall, f.dager_forfalt) == (D("2017-01-01"), 31)


def test_aktivitetsvilkar_satt_gir_ingen_frist() -> None:
    sak = grunnsak(fodt="1998-05-02", aktivitetsplikt={"vilkar_satt": True})
    assert due(sak, on="2024-06-01") == []


# --- § 17: advice without a decision ------------------------------------------------------------


def test_radgivning_uten_vedtak_forfaller_paa_radets_dato() -> None:
    sak = grunnsak(
        radgivning=[
            {"dato": "2024-01-10", "type": "okonomisk_radgivning", "vedtak_fattet": False},
            {"dato": "2024-02-01", "type": "gjeldsradgivning", "vedtak_fattet": True},
            {"dato": "2024-02-05", "type": "generell_veiledning", "vedtak_fattet": False},
            {"dato": "2024-02-20", "type": "individuell_veiledning", "vedtak_fattet": False},
        ]
    )
    frister = [f for f in due(sak) if f.kode == "RADGIVNING_UTEN_VEDTAK"]
    assert [(f.forfall, f.dager_forfalt, f.person) for f in frister] == [
        (D("2024-01-10"), 51, "p1"),
        (D("2024-02-20"), 10, "p1"),
    ]
    assert all("§ 17" in f.hjemmel for f in frister)
    assert "10.01.2024" in frister[0].tekst and "10 January" not in frister[0].tekst_en


# --- § 28 and long-term recipients --------------------------------------------------------------


def test_langtidsmottaker_nav_forfaller_fra_tolvte_maned() -> None:
    sak = grunnsak(
        maneder_med_stonad=maneder("2022-11", 17),  # 2022-11 … 2024-03
        individuell_plan={
            "tjenester": ["rus", "psykisk_helse"],
            "tilbudt": False,
            "har_plan_fra_annen_instans": False,
        },
    )
    frister = due(sak)
    for kode in ("INDIVIDUELL_PLAN_IKKE_TILBUDT", "LANGTIDSMOTTAKER_VURDER_KVP"):
        f = en(frister, kode)
        # 12 months in a row from November 2022: a long-term recipient from October 2023.
        assert (f.forfall, f.person) == (D("2023-10-01"), "p1")
        assert f.dager_forfalt == (D("2024-03-01") - D("2023-10-01")).days


def test_langtidsmottaker_kostra_teller_de_siste_tolv_maanedene() -> None:
    sak = grunnsak(
        dato="2024-08-10",
        kommune={"langtidsdefinisjon": "kostra"},
        maneder_med_stonad=maneder("2023-01", 20),  # 2023-01 … 2024-08
    )
    # Issue 14.9: 6 months in the 12 ending with each month, so from June 2023 on without a
    # break (the calendar-year count made it June 2024 and dropped the status every January).
    assert en(due(sak), "LANGTIDSMOTTAKER_VURDER_KVP").forfall == D("2023-06-01")
    assert "LANGTIDSMOTTAKER_VURDER_KVP" in koder(due(sak, on="2024-03-15"))
    # A year after the last month with support, the status has ended.
    assert "LANGTIDSMOTTAKER_VURDER_KVP" not in koder(due(sak, on="2025-09-01"))


def test_individuell_plan_uten_langtidsstatus_forfaller_paa_vurderingsdatoen() -> None:
    sak = grunnsak(
        individuell_plan={
            "behov_for_langvarige_koordinerte_tjenester": True,
            "tilbudt": False,
            "har_plan_fra_annen_instans": False,
        }
    )
    f = en(due(sak, on="2024-05-01"), "INDIVIDUELL_PLAN_IKKE_TILBUDT")
    assert (f.forfall, f.dager_forfalt) == (D("2024-03-01"), 61)


def test_kvp_i_saken_gir_ingen_kvp_merknad() -> None:
    sak = grunnsak(maneder_med_stonad=maneder("2022-11", 17), kvp=kvp())
    assert "LANGTIDSMOTTAKER_VURDER_KVP" not in koder(due(sak))


# --- KVP: the programme ending ------------------------------------------------------------------


def kvp(**felt: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "person": "p1",
        "arbeidsevnevurdering_gjort": True,
        "vesentlig_nedsatt_arbeidsevne": True,
        "ytelser_folketrygd": [],
        "behov_for_tett_oppfolging": True,
        "program_kan_tilbys": True,
        "hensiktsmessig_og_nodvendig": True,
        "program_start": "2023-01-01",
        "program_slutt": "2024-12-31",
        "timer_per_uke": 37.5,
        "forsorger_barn": [],
    }
    data.update(felt)
    return data


@pytest.mark.parametrize(
    ("slutt", "ventet"),
    [
        ("2024-02-29", False),  # ended: history
        ("2024-03-01", True),  # ends today
        ("2024-04-30", True),  # 60 days ahead: inside the window
        ("2024-05-01", False),  # 61 days ahead
    ],
)
def test_kvp_program_slutter_innen_vinduet(slutt: str, ventet: bool) -> None:
    frister = due(grunnsak(kvp=kvp(program_slutt=slutt)))
    assert ("KVP_PROGRAM_SLUTTER" in koder(frister)) is ventet
    if ventet:
        f = en(frister, "KVP_PROGRAM_SLUTTER")
        assert (f.forfall, f.forfalt, f.person) == (D(slutt), False, "p1")
        assert "forskrift om kvalifiseringsprogram" in f.hjemmel
        assert f.regel == "kvp-programslutt-varsel"


def test_kvp_forlenget_forfaller_ved_forlengelsens_slutt() -> None:
    forlenget = kvp(
        program_slutt="2024-01-31",
        forlenget_til="2024-04-15",
        forlengelse_begrunnelse="Deltakeren er i et arbeidstiltak som slutter i april.",
    )
    f = en(due(grunnsak(kvp=forlenget)), "KVP_PROGRAM_SLUTTER")
    assert (f.forfall, f.regel) == (D("2024-04-15"), "kvp-forlengelse-slutt-varsel")
    assert "15.04.2024" in f.tekst
    # The original end is close, but the extension runs on past the window: nothing due.
    lenger = kvp(
        program_slutt="2024-03-10",
        forlenget_til="2024-12-31",
        forlengelse_begrunnelse="Særlige grunner.",
    )
    assert "KVP_PROGRAM_SLUTTER" not in koder(due(grunnsak(kvp=lenger)))


def test_kvp_program_som_har_sluttet_forsvinner_ikke_dagen_etter() -> None:
    """Issue 15 point 13: ``frister examples/kvp.json --dato 2025-03-03`` said «Ingen frister»
    the day after the programme ended; the decision on what follows is now overdue."""
    sak = grunnsak(kvp=kvp(program_slutt="2024-03-10"))
    assert "KVP_PROGRAM_SLUTTER" in koder(due(sak, on="2024-03-10"))
    for on, dager in (("2024-03-11", 1), ("2024-09-01", 175)):
        frister = due(sak, on=on)
        assert "KVP_PROGRAM_SLUTTER" not in koder(frister)  # the rule's note stops at the end
        f = en(frister, KVP_SLUTTET)
        assert (f.forfall, f.forfalt, f.dager_forfalt, f.person) == (
            D("2024-03-10"),
            True,
            dager,
            "p1",
        )
        assert f.regel == "kvp-programslutt-varsel"
        assert "forskrift om kvalifiseringsprogram" in f.hjemmel
        assert "10.03.2024" in f.tekst and "2024-03-10" in f.tekst_en


def test_kvp_forlengelse_som_har_sluttet_forfaller_ved_forlengelsens_slutt() -> None:
    forlenget = kvp(
        program_slutt="2024-01-31",
        forlenget_til="2024-04-15",
        forlengelse_begrunnelse="Arbeidstiltak til april.",
    )
    f = en(due(grunnsak(kvp=forlenget), on="2024-05-01"), KVP_SLUTTET)
    assert (f.forfall, f.dager_forfalt, f.regel) == (
        D("2024-04-15"),
        16,
        "kvp-forlengelse-slutt-varsel",
    )


def test_kvp_som_sluttet_for_sakens_dato_er_historie() -> None:
    """A case assessed after its programme ended: the end was known then; nothing due."""
    sak = grunnsak(kvp=kvp(program_slutt="2024-02-29"))
    assert KVP_SLUTTET not in koder(due(sak, on="2024-06-01"))


def test_kvp_eksempelet_dagen_etter_slutt() -> None:
    from pathlib import Path

    fil = Path(__file__).parent.parent / "examples" / "kvp.json"
    sak = json.loads(fil.read_text(encoding="utf-8"))
    assert sak["kvp"]["program_slutt"] == "2025-03-02"
    assert koder(due(sak, on="2025-03-03")) == [KVP_SLUTTET]


def test_kvp_uten_forlengelse_viser_ikke_ukjent_forlengelse_i_forklaringen() -> None:
    tekst = assess(grunnsak(kvp=kvp())).explain("nb")
    assert "programmet er forlenget til: ukjent" not in tekst


# --- § 20: a condition's follow-up date (computed, not a flag) ----------------------------------


def vilkar(**felt: Any) -> dict[str, Any]:
    data = {
        "id": "v1",
        "person": "p1",
        "type": "dokumentasjon",
        "beskrivelse": "Lever kontoutskrifter",
        "begrunnelse": "Behovet må dokumenteres",
        "frist": "2024-02-15",
        "dokumentasjon": "Kontoutskrifter",
        "satt_dato": "2024-02-01",
        "oppfolgingsdato": "2024-03-01",
        "varsel_om_reduksjon": True,
        "naer_sammenheng_med_vedtaket": True,
        "uforholdsmessig_byrdefullt": False,
        "urimelig_begrensning_av_handlefrihet": False,
        "i_strid_med_annen_lov": False,
    }
    data.update(felt)
    return data


def test_vilkar_oppfolging_forfaller_paa_oppfolgingsdatoen() -> None:
    sak = grunnsak(vilkar=[vilkar(), vilkar(id="v2", oppfolgingsdato="2024-06-01")])
    paa_dagen = en(due(sak), VILKAR_OPPFOLGING)
    assert (paa_dagen.forfall, paa_dagen.forfalt, paa_dagen.dager_forfalt) == (
        D("2024-03-01"),
        False,
        0,
    )
    assert paa_dagen.hjemmel == "sosialtjenesteloven § 20"
    assert paa_dagen.regel is None
    assert "v1" in paa_dagen.tekst and "v1" in paa_dagen.tekst_en
    senere = [f for f in due(sak, on="2024-06-10") if f.kode == VILKAR_OPPFOLGING]
    assert [(f.forfall, f.dager_forfalt) for f in senere] == [
        (D("2024-03-01"), 101),
        (D("2024-06-01"), 9),
    ]
    assert VILKAR_OPPFOLGING not in koder(due(sak, on="2024-02-29"))


def test_vilkarets_frist_blir_en_frist() -> None:
    """Issue 15 point 13: a condition's deadline (``vilkar[].frist``) never became an item."""
    sak = grunnsak(vilkar=[vilkar(frist="2024-03-20", oppfolgingsdato=None)])
    f = en(due(sak), VILKAR_FRIST)
    assert (f.forfall, f.forfalt, f.person, f.regel) == (D("2024-03-20"), False, "p1", None)
    assert f.hjemmel == "sosialtjenesteloven § 20"
    assert "20.03.2024" in f.tekst and "v1" in f.tekst and "v1" in f.tekst_en
    etter = en(due(sak, on="2024-03-25"), VILKAR_FRIST)
    assert (etter.forfalt, etter.dager_forfalt) == (True, 5)
    # not yet set on the date: not due
    ikke_satt = grunnsak(
        vilkar=[vilkar(frist="2024-03-20", satt_dato="2024-03-05", oppfolgingsdato=None)]
    )
    assert VILKAR_FRIST not in koder(due(ikke_satt))
    # no deadline: no item
    assert VILKAR_FRIST not in koder(due(grunnsak(vilkar=[vilkar(frist=None)])))


def test_vilkarets_frist_dekkes_av_oppfolging_etter_fristen() -> None:
    """A follow-up date on or after the deadline checks it: that is the one item."""
    sak = grunnsak(vilkar=[vilkar(frist="2024-02-15", oppfolgingsdato="2024-03-01")])
    assert koder(due(sak)) == [VILKAR_OPPFOLGING]


def test_botilbud_for_flere_personer_navngir_dem() -> None:
    """Issue 15 point 14: a § 27 item for a stay shared by several showed no person."""
    from pathlib import Path

    fil = Path(__file__).parent.parent / "examples" / "botilbud.json"
    sak = json.loads(fil.read_text(encoding="utf-8"))
    f = en(due(sak, on="2024-09-01"), "BOTILBUD_OVER_TRE_MANEDER")
    assert f.person == "p1, b1"


def test_familieeksempelets_vilkar_har_frist() -> None:
    from pathlib import Path

    fil = Path(__file__).parent.parent / "examples" / "familie.json"
    sak = json.loads(fil.read_text(encoding="utf-8"))
    f = en(due(sak), VILKAR_FRIST)
    assert f.forfall == D("2024-04-01")


# --- the same codes as the flags ----------------------------------------------------------------


def test_hver_frist_fra_en_regel_er_en_merknad_i_vurderingen() -> None:
    on = "2024-06-01"
    sett: set[str] = set()
    for sak in eksempelsaker(150, on, seed=3):
        vurdering = assess(sak, on=on)
        merknader = {m.kode for m in vurdering.merknader}
        frister = due(vurdering)
        for f in frister:
            if f.kode not in BEREGNEDE:
                assert f.kode in merknader
                assert f.regel is not None
            assert f.hjemmel and f.tekst and f.tekst_en
            sett.add(f.kode)
        # Every flag of a kind that has a date is an item.
        for kode in merknader & set(FORFALL):
            assert kode in {f.kode for f in frister}
    assert sett >= set(FORFALL) | {VILKAR_OPPFOLGING}, "the sample should show every kind"


def test_frister_er_sortert_etter_forfall() -> None:
    for sak in eksempelsaker(60, "2024-06-01", seed=5):
        frister = due(sak, on="2024-06-01")
        assert [f.forfall for f in frister] == sorted(f.forfall for f in frister)


# --- inputs and outputs -------------------------------------------------------------------------


def test_due_tar_json_sak_og_vurdering() -> None:
    sak = grunnsak(fodt="1998-05-02", aktivitetsplikt={"vilkar_satt": False})
    fra_dict = due(sak, on="2024-04-01")
    assert due(json.dumps(sak), on="2024-04-01") == fra_dict
    assert due(sosialregler.les_sak(sak), on="2024-04-01") == fra_dict
    vurdering = assess(sak, on="2024-04-01")
    assert due(vurdering) == fra_dict
    # An assessment asked about another date is assessed again on that date.
    assert due(assess(sak), on="2024-04-01") == fra_dict


def test_due_endrer_ikke_saken() -> None:
    sak = grunnsak(vilkar=[vilkar()])
    kopi = copy.deepcopy(sak)
    due(sak, on="2024-05-01")
    assert sak == kopi


def test_avvist_sak_og_dato_gir_ugyldigsak() -> None:
    sak = grunnsak()
    sak["personer"][0]["fodselsdato"] = "1980-02-30"
    with pytest.raises(UgyldigSak) as feil:
        due(sak)
    assert feil.value.feil[0].felt == "personer[0].fodselsdato"
    with pytest.raises(UgyldigSak):
        due(grunnsak(), on="2024-13-01")


def test_to_dict() -> None:
    f = en(due(grunnsak(vilkar=[vilkar()]), on="2024-03-11"), VILKAR_OPPFOLGING)
    assert f.to_dict() == {
        "kode": VILKAR_OPPFOLGING,
        "person": "p1",
        "hjemmel": "sosialtjenesteloven § 20",
        "forfall": "2024-03-01",
        "forfalt": True,
        "dager_forfalt": 10,
        "tekst": f.tekst,
        "tekst_en": f.tekst_en,
    }
    json.dumps(f.to_dict())


# --- the command line ---------------------------------------------------------------------------


def test_cli_frister_json_er_listen_fra_due(tmp_path: Any) -> None:
    sak = grunnsak(
        fodt="1998-05-02",
        aktivitetsplikt={"vilkar_satt": False},
        vilkar=[vilkar()],
        botilbud=[{"personer": ["p1"], "fra": "2023-12-20", "type": "hospits"}],
    )
    fil = tmp_path / "sak.json"
    fil.write_text(json.dumps(sak), encoding="utf-8")
    k = kjor("frister", str(fil), "--dato", "2024-04-15", "--format", "json")
    kode, ut = k.kode, k.ut
    assert kode == 0
    assert json.loads(ut) == [f.to_dict() for f in due(sak, on="2024-04-15")]
    k = kjor("frister", str(fil), "--dato", "2024-04-15")
    kode, ut = k.kode, k.ut
    assert kode == 0
    # each kind by its short name and the person by who they are, never by code or id
    assert (
        "Midlertidig botilbud over tre måneder (§ 27) (søkeren): forfall 20.03.2024, forfalt "
        "for 26 dager siden" in ut
    )
    assert "Oppfølging av vilkår (§ 20)" in ut and "sosialtjenesteloven § 20 a" in ut
    assert "BOTILBUD_OVER" not in ut and "(p1)" not in ut
    k = kjor("frister", str(fil), "--dato", "2024-04-15", "--sprak", "en")
    kode, ut = k.kode, k.ut
    assert "due 2024-03-20, overdue by 26 days" in ut
    assert "Temporary accommodation over three months (section 27) (the applicant): due" in ut
    k = kjor("frister", str(fil), "--dato", "2024-04-15", "--sprak", "nn")
    assert "Mellombels butilbod over tre månader (§ 27) (søkjaren): " in k.ut
    for sprak, ut in (("nb", kjor("frister", str(fil), "--dato", "2024-04-15").ut), ("nn", k.ut)):
        linjer = ut.splitlines()
        overskrifter = "\n".join(x for x in linjer if x[:2] == "  " and x[2:3] != " ")
        assert not lekkasjer(overskrifter, sprak, ["p1"]), lekkasjer(overskrifter, sprak, ["p1"])


def test_cli_frister_uten_frister_og_avvist(tmp_path: Any) -> None:
    fil = tmp_path / "sak.json"
    fil.write_text(json.dumps(grunnsak()), encoding="utf-8")
    k = kjor("frister", str(fil))
    kode, ut = k.kode, k.ut
    assert kode == 0 and "Ingen frister." in ut
    k = kjor("frister", str(fil), "--format", "json")
    kode, ut = k.kode, k.ut
    assert (kode, json.loads(ut)) == (0, [])
    k = kjor("frister", str(fil), "--dato", "2024-02-30", "--format", "json")
    kode, ut = k.kode, k.ut
    assert kode == 2 and json.loads(ut)["feil"][0]["felt"] == "--dato"
    fil.write_text("{", encoding="utf-8")
    k = kjor("frister", str(fil))
    kode, ut, err = k.kode, k.ut, k.feil
    assert kode == 2 and "ikke gyldig JSON" in err


def test_forfall_er_aldri_etter_dato_for_det_som_er_forfalt() -> None:
    on = D("2024-06-01")
    for sak in eksempelsaker(40, on, seed=11):
        for f in due(sak, on=on):
            assert f.forfalt == (f.forfall < on)
            assert f.dager_forfalt == max((on - f.forfall).days, 0)
            assert f.forfall > on - timedelta(days=366 * 20)


# --- grammatical number and nynorsk (the texts in fristtekster.py) -------------------------------


def _sak_med_frister(tmp_path: Any) -> Any:
    """A condition due the day after the case's date, and one whose follow-up was the day
    before: «om 1 dag» and «1 dag» overdue."""
    sak = grunnsak(
        vilkar=[
            vilkar(frist="2024-03-02", oppfolgingsdato=None),
            vilkar(id="v2", frist="2024-03-20", oppfolgingsdato="2024-02-29"),
        ]
    )
    fil = tmp_path / "sak.json"
    fil.write_text(json.dumps(sak), encoding="utf-8")
    return fil


@pytest.mark.parametrize(
    ("sprak", "om_en_dag", "en_dag_siden", "uten"),
    [
        ("nb", "om 1 dag\n", "forfalt for 1 dag siden", "Ingen frister."),
        ("nn", "om 1 dag\n", "forfallen for 1 dag sidan", "Ingen fristar."),
        ("en", "in 1 day\n", "overdue by 1 day\n", "Nothing due."),
    ],
)
def test_cli_frister_dager_i_riktig_tall_og_nynorsk(
    tmp_path: Any, sprak: str, om_en_dag: str, en_dag_siden: str, uten: str
) -> None:
    """«om 1 dager» was printed; and ``--sprak nn`` was refused."""
    k = kjor("frister", _sak_med_frister(tmp_path), "--sprak", sprak)
    assert k.kode == 0, k.feil
    assert om_en_dag in k.ut and en_dag_siden in k.ut
    assert "1 dager" not in k.ut and "1 dagar" not in k.ut and "1 days" not in k.ut
    k = kjor("frister", _sak_med_frister(tmp_path), "--sprak", sprak, "--dato", "2024-02-10")
    flere = {"nb": "om 21 dager\n", "nn": "om 21 dagar\n", "en": "in 21 days\n"}[sprak]
    assert flere in k.ut
    fil = tmp_path / "tom.json"
    fil.write_text(json.dumps(grunnsak()), encoding="utf-8")
    assert uten in kjor("frister", fil, "--sprak", sprak).ut


def test_frister_nynorsk_er_nynorsk(tmp_path: Any) -> None:
    """The computed items' nynorsk is written as nynorsk, not bokmål."""
    k = kjor("frister", _sak_med_frister(tmp_path), "--sprak", "nn")
    assert k.ut.startswith("Fristar i sak t-1 per 01.03.2024")
    assert "skulle følgjast opp 29.02.2024" in k.ut and "innan fristen" in k.ut
    assert "Brot kan berre føre til reduksjon" in k.ut
    for bokmal in ("Brudd", " bare ", "innen ", "skulle følges", "Frister i"):
        assert bokmal not in k.ut, bokmal


@pytest.mark.parametrize(
    ("antall", "nb", "nn", "en"),
    [
        (0, "0 dager", "0 dagar", "0 days"),
        (1, "1 dag", "1 dag", "1 day"),
        (2, "2 dager", "2 dagar", "2 days"),
    ],
)
def test_dager_i_tall(antall: int, nb: str, nn: str, en: str) -> None:
    from sosialregler.utdata.fristtekster import dager

    assert (dager(antall, "nb"), dager(antall, "nn"), dager(antall, "en")) == (nb, nn, en)


def test_fristtekster_har_samme_tekster_pa_alle_sprak() -> None:
    from sosialregler.utdata.fristtekster import TEKSTER

    assert TEKSTER["nb"].keys() == TEKSTER["nn"].keys() == TEKSTER["en"].keys()
    for navn in TEKSTER["nb"]:
        if navn not in ("dag", "hode"):  # the same word / form in nb and nn
            assert TEKSTER["nb"][navn] != TEKSTER["nn"][navn] or navn in ("kommer",), navn
