"""Supervision audit points (``sosialregler.verktoy.tilsyn``, ``sosialregler tilsyn``), case by
case.

Each point on both sides (met and breach), and where it does not apply or a fact is missing
(the missing field named); the rule file's checks (nb, nn and en required); the golden cases
of ``tests/saker/tilsyn.toml`` against ``tests/golden/tilsyn/``; the command line.
"""

from __future__ import annotations

import copy
import json
import os
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import REPO, kjor, kopier_regler
from sosialregler import UgyldigSak, assess
from sosialregler.inndata.errors import RegelFeil
from sosialregler.verktoy.tilsyn import last, malepunkter_for, vurder
from sosialregler.verktoy.tilsyn.etiketter import lesehjelp
from sosialregler.verktoy.tilsyn.regler import FILNAVN, SPRAK, les
from sosialregler.verktoy.tilsyn.tekst import sjekkliste, tekst
from sosialregler.verktoy.tilsyn.vurdering import LOGIKK, halvveis, lengste_opphold
from sosialregler.vurdering.rulebook_load import digest

SAKER = REPO / "tests" / "saker" / "tilsyn.toml"
GOLDEN = REPO / "tests" / "golden" / "tilsyn"
DATO = date(2024, 6, 3)


def _json(verdi: Any) -> Any:
    return json.loads(json.dumps(verdi, default=str))


def golden_saker() -> list[dict[str, Any]]:
    data = tomllib.loads(SAKER.read_text(encoding="utf-8"))
    return [_json(s["inndata"]) for s in data["sak"]]


BRUDD, OPPFYLT, KVP = golden_saker()


def svar(sak: dict[str, Any], punkt: str, dato: date = DATO) -> Any:
    (funn,) = [f for f in malepunkter_for(sak, dato) if f.malepunkt == punkt]
    return funn


def endret(sak: dict[str, Any], **felt: Any) -> dict[str, Any]:
    """A copy with top-level fields replaced; ``None`` removes a field (unknown)."""
    ny = copy.deepcopy(sak)
    for k, v in felt.items():
        if v is None:
            ny.pop(k, None)
        else:
            ny[k] = v
    return ny


def uten_barn(sak: dict[str, Any]) -> dict[str, Any]:
    ny = endret(sak, barns_behov=None)
    ny["personer"] = [p for p in ny["personer"] if p["rolle"] != "barn"]
    for b in ny.get("botilbud", []):
        b["personer"] = ["p1"]
    return ny


# --- the rule file ------------------------------------------------------------------------------


def test_filen_har_ti_punkter_med_logikk_kilde_og_alle_sprak() -> None:
    m = last()
    assert [p.nummer for p in m.punkter] == list(range(1, 11))
    assert {p.id for p in m.punkter} == set(LOGIKK)
    for p in m.punkter:
        assert p.kilde and p.kommentar and p.status in ("V", "V2", "M")
        for tekster in (p.tittel, p.beskrivelse, p.hjemmel, *p.grunner.values()):
            assert set(tekster) == set(SPRAK) and all(tekster[s].strip() for s in SPRAK)
        # Nynorsk is written as nynorsk, not bokmål copied: the title differs or is a name.
        assert p.tittel["nn"] != p.tittel["en"]
    # The points the sources do not settle say so.
    assert not m.punkt("forebygging-gjeld").verifisert
    assert "UNVERIFIED" in m.punkt("forebygging-gjeld").kommentar


def test_filen_er_del_av_regelsammendraget(tmp_path: Path) -> None:
    kopi = kopier_regler(tmp_path)
    for_ = digest(kopi)
    fil = kopi / "tilsyn" / FILNAVN
    fil.write_text(fil.read_text(encoding="utf-8") + "\n# endret\n", encoding="utf-8")
    assert digest(kopi) != for_


def _brutt(tmp_path: Path, endring: Callable[[str], str]) -> Path:
    kopi = kopier_regler(tmp_path)
    fil = kopi / "tilsyn" / FILNAVN
    fil.write_text(endring(fil.read_text(encoding="utf-8")), encoding="utf-8")
    return fil


def test_en_tekst_uten_nynorsk_avvises(tmp_path: Path) -> None:
    fil = _brutt(
        tmp_path,
        lambda t: t.replace('nn = "oppfølgingssamtale {dato} (initiativ: {initiativ})"\n', "", 1),
    )
    with pytest.raises(RegelFeil, match=r"grunn\.samtale: mangler tekst på nn"):
        les(fil, frozenset(LOGIKK))


def test_ulike_plassholdere_i_sprakene_avvises(tmp_path: Path) -> None:
    fil = _brutt(tmp_path, lambda t: t.replace("(initiativ: {initiativ})", "(initiativ)", 1))
    with pytest.raises(RegelFeil, match="ulike plassholdere"):
        les(fil, frozenset(LOGIKK))


def test_punkt_uten_logikk_og_logikk_uten_punkt_avvises(tmp_path: Path) -> None:
    fil = _brutt(tmp_path, lambda t: t.replace('id = "vilkar"', 'id = "vilkar-x"', 1))
    with pytest.raises(RegelFeil) as feil:
        les(fil, frozenset(LOGIKK))
    assert "vilkar-x har ingen logikk" in str(feil.value)
    assert "vilkar har logikk i vurdering.py, men står ikke i filen" in str(feil.value)


# --- each point on both sides -------------------------------------------------------------------

#: (point, case, expected outcome, a reason code or missing field it must name)
TILFELLER: list[tuple[str, str, dict[str, Any], str, str | None]] = [
    # 1 families with children
    ("familie-oppfolging", "oppfylt", OPPFYLT, "oppfylt", "samtale"),
    ("familie-oppfolging", "brudd", BRUDD, "brudd", "ingen_oppfolging"),
    (
        "familie-oppfolging",
        "bare samarbeid",
        endret(BRUDD, samarbeid=[{"tjeneste": "barnevern"}]),
        "oppfylt",
        "samarbeid",
    ),
    (
        "familie-oppfolging",
        "vedtak § 17",
        endret(
            BRUDD,
            radgivning=[{"dato": "2024-05-01", "type": "gjeldsradgivning", "vedtak_fattet": True}],
        ),
        "oppfylt",
        "vedtak_17",
    ),
    ("familie-oppfolging", "uten barn", uten_barn(BRUDD), "ikke_relevant", "ingen_barn"),
    (
        "familie-oppfolging",
        "ukjent",
        endret(BRUDD, samarbeid=None),
        "uavklart",
        "samarbeid",
    ),
    # 2 advice without a § 17 decision
    ("radgivning-vedtak", "oppfylt", OPPFYLT, "oppfylt", "med_vedtak"),
    ("radgivning-vedtak", "brudd", BRUDD, "brudd", "uten_vedtak"),
    (
        "radgivning-vedtak",
        "bare generell",
        endret(BRUDD, radgivning=[BRUDD["radgivning"][0]]),
        "ikke_relevant",
        "bare_generell",
    ),
    ("radgivning-vedtak", "ukjent", endret(BRUDD, radgivning=None), "uavklart", "radgivning"),
    # 3 prevention
    ("forebygging-gjeld", "oppfylt", OPPFYLT, "oppfylt", "radgivning_vedtatt"),
    ("forebygging-gjeld", "brudd uten vedtak", BRUDD, "brudd", "uten_vedtak"),
    (
        "forebygging-gjeld",
        "brudd ikke tilbudt",
        endret(BRUDD, radgivning=[]),
        "brudd",
        "ikke_tilbudt",
    ),
    (
        "forebygging-gjeld",
        "takket nei",
        endret(BRUDD, radgivning=[], gjeldssignaler={"inkasso": True, "radgivning_avslatt": True}),
        "oppfylt",
        "avslatt",
    ),
    (
        "forebygging-gjeld",
        "ingen signaler",
        endret(
            BRUDD,
            gjeldssignaler=dict.fromkeys(
                (
                    "husleierestanse",
                    "stromrestanse",
                    "inkasso",
                    "betalingsanmerkninger",
                    "forbruksgjeld",
                    "utkastelsesvarsel",
                ),
                False,
            ),
        ),
        "ikke_relevant",
        "ingen_signaler",
    ),
    (
        "forebygging-gjeld",
        "ukjent signal",
        endret(BRUDD, gjeldssignaler={"inkasso": False}),
        "uavklart",
        "gjeldssignaler.husleierestanse",
    ),
    # 4 § 18 individual assessment and children
    ("individuell-vurdering", "oppfylt", OPPFYLT, "oppfylt", "barn_vurdert"),
    ("individuell-vurdering", "brudd", BRUDD, "brudd", "kun_sats"),
    (
        "individuell-vurdering",
        "barnet ikke vektlagt",
        endret(OPPFYLT, barns_behov=[{"person": "b1", "forhold": ["skole"], "vektlagt": False}]),
        "brudd",
        "barn_ikke_vektlagt",
    ),
    (
        "individuell-vurdering",
        "bare en tekst om barna",
        endret(OPPFYLT, barns_behov=None),
        "uavklart",
        "barns_behov (person b1)",
    ),
    (
        "individuell-vurdering",
        "ingen individuell vurdering registrert",
        endret(OPPFYLT, individuell_vurdering=None),
        "brudd",
        "ingen_vurdering",
    ),
    # 5 § 20 and § 20 a
    ("vilkar", "oppfylt", OPPFYLT, "oppfylt", "lovlige"),
    ("vilkar", "brudd", BRUDD, "brudd", "vilkar_uten_varsel"),
    (
        "vilkar",
        "under 30 uten aktivitetsvilkår",
        endret(
            OPPFYLT,
            vilkar=[],
            aktivitetsplikt={"vilkar_satt": False},
            personer=[
                {**OPPFYLT["personer"][0], "fodselsdato": "2000-01-01"},
                OPPFYLT["personer"][1],
            ],
        ),
        "brudd",
        "aktivitetsvilkar_mangler",
    ),
    ("vilkar", "ingen vilkår", KVP, "ikke_relevant", "ingen_vilkar"),
    # 6 § 19
    ("saerlige-tilfeller", "oppfylt", OPPFYLT, "oppfylt", "vurdert"),
    ("saerlige-tilfeller", "brudd", BRUDD, "brudd", "ikke_vurdert"),
    (
        "saerlige-tilfeller",
        "ingen særlige behov",
        endret(OPPFYLT, vurdering_18={**OPPFYLT["vurdering_18"], "saerlige_behov": False}),
        "ikke_relevant",
        "ingen_saerlige_behov",
    ),
    (
        "saerlige-tilfeller",
        "søknad etter § 19, ikke vurdert",
        endret(
            KVP,
            saerlige_tilfeller={"livssituasjon": "Sykdom"},
            vurdering_18={"vurdert_etter_19": False},
        ),
        "brudd",
        "ikke_vurdert",
    ),
    ("saerlige-tilfeller", "ukjent", KVP, "uavklart", "vurdering_18.saerlige_behov"),
    # 7 § 27
    (
        "midlertidig-botilbud",
        "oppfylt",
        endret(
            uten_barn(BRUDD),
            varig_bolig={"arbeid_startet": True},
            botilbud=[{**BRUDD["botilbud"][0], "personer": ["p1"], "fra": "2024-05-01"}],
        ),
        "oppfylt",
        "varig_bolig",
    ),
    ("midlertidig-botilbud", "brudd", BRUDD, "brudd", "over_tre_maneder"),
    ("midlertidig-botilbud", "ingen opphold", OPPFYLT, "ikke_relevant", "ingen_opphold"),
    (
        "midlertidig-botilbud",
        "ukjent arbeid mot varig bolig",
        endret(
            uten_barn(BRUDD),
            varig_bolig=None,
            botilbud=[{**BRUDD["botilbud"][0], "personer": ["p1"], "fra": "2024-05-01"}],
        ),
        "uavklart",
        "varig_bolig.arbeid_startet",
    ),
    # 8 § 28
    ("individuell-plan", "oppfylt", OPPFYLT, "oppfylt", "tilbudt"),
    ("individuell-plan", "brudd", BRUDD, "brudd", "ikke_tilbudt"),
    (
        "individuell-plan",
        "ikke behov",
        endret(
            KVP,
            individuell_plan={
                "behov_for_langvarige_koordinerte_tjenester": False,
                "tjenester": [],
                "tilbudt": False,
            },
        ),
        "ikke_relevant",
        "ikke_behov",
    ),
    ("individuell-plan", "ukjent", KVP, "uavklart", "individuell_plan"),
    # 9 long-term recipients
    ("langtidsmottaker", "oppfylt", OPPFYLT, "oppfylt", "kvp_vurdert"),
    ("langtidsmottaker", "brudd", BRUDD, "brudd", "kvp_ikke_vurdert"),
    (
        "langtidsmottaker",
        "ikke langtid",
        endret(OPPFYLT, maneder_med_stonad=["2024-05-01", "2024-06-01"]),
        "ikke_relevant",
        "ikke_langtid",
    ),
    (
        "langtidsmottaker",
        "bare merknaden, ikke vurderingen",
        endret(BRUDD, langtid_oppfolging=None),
        "uavklart",
        "langtid_oppfolging.kvp_vurdert",
    ),
    # 10 KVP participants
    (
        "kvp-oppfolging",
        "oppfylt",
        endret(
            KVP,
            kvp_oppfolging={
                **KVP["kvp_oppfolging"],
                "kontaktintervall_dager": 31,
                "kontakter": [f"2023-{m:02d}-01" for m in range(10, 13)]
                + [f"2024-{m:02d}-01" for m in range(1, 7)],
                "evalueringer": ["2024-03-04"],
            },
        ),
        "oppfylt",
        "fulgt_opp",
    ),
    ("kvp-oppfolging", "brudd", KVP, "brudd", "kontakt_for_sjelden"),
    ("kvp-oppfolging", "brudd evaluering", KVP, "brudd", "evaluering_mangler"),
    (
        "kvp-oppfolging",
        "ingen programplan",
        endret(KVP, kvp_oppfolging={**KVP["kvp_oppfolging"], "programplan": False}),
        "brudd",
        "ingen_programplan",
    ),
    ("kvp-oppfolging", "ikke deltaker", OPPFYLT, "ikke_relevant", "ikke_deltaker"),
    ("kvp-oppfolging", "ukjent", endret(KVP, kvp_oppfolging=None), "uavklart", "kvp_oppfolging"),
]


@pytest.mark.parametrize(
    ("punkt", "sak", "utfall", "navngir"),
    [pytest.param(p, s, u, n, id=f"{p}-{navn}") for p, navn, s, u, n in TILFELLER],
)
def test_malepunkt(punkt: str, sak: dict[str, Any], utfall: str, navngir: str) -> None:
    funn = svar(sak, punkt)
    assert funn.utfall == utfall, funn
    if utfall == "uavklart":
        assert navngir in funn.mangler
    else:
        assert navngir in {g.kode for g in funn.grunner}
        assert funn.mangler == ()
    # Every text renders in every language, with the evidence used.
    for sprak in SPRAK:
        assert tekst(last(), funn, sprak)
    if utfall in ("oppfylt", "brudd"):
        assert funn.bevis


def test_arbeidsrettede_tiltak_fra_halvveis() -> None:
    """Forskrift § 1: work-directed measures always from halfway; the midpoint is the date."""
    start, slutt = date(2023, 9, 1), date(2025, 8, 31)
    midt = halvveis(start, slutt)
    assert midt == date(2024, 8, 31)
    ko = {**KVP["kvp_oppfolging"], "arbeidsrettede_tiltak": False}
    sak = endret(KVP, kvp_oppfolging=ko)
    for_ = svar(sak, "kvp-oppfolging", date(2024, 8, 30))
    assert "ingen_arbeidsrettet" not in {g.kode for g in for_.grunner}
    etter = svar(sak, "kvp-oppfolging", date(2024, 8, 31))
    assert "ingen_arbeidsrettet" in {g.kode for g in etter.grunner}
    sent = endret(
        KVP, kvp_oppfolging={**KVP["kvp_oppfolging"], "arbeidsrettede_tiltak_fra": "2024-09-05"}
    )
    assert "arbeidsrettet_for_sent" in {
        g.kode for g in svar(sent, "kvp-oppfolging", date(2024, 9, 10)).grunner
    }


def test_lengste_opphold_uten_kontakt() -> None:
    start = date(2024, 1, 1)
    assert lengste_opphold(start, date(2024, 1, 31), []) == (30, date(2024, 1, 31))
    assert lengste_opphold(start, date(2024, 3, 1), [date(2024, 1, 20), date(2024, 2, 10)]) == (
        21,
        date(2024, 2, 10),
    )
    # Contacts before the start or after the horizon do not shorten a gap.
    assert (
        lengste_opphold(start, date(2024, 1, 11), [date(2023, 12, 31), date(2024, 2, 1)])[0] == 10
    )


def test_kontakt_akkurat_innenfor_intervallet_er_ikke_brudd() -> None:
    ko = {**KVP["kvp_oppfolging"], "kontakter": [], "evalueringer_planlagt": ["2025-01-01"]}
    sak = endret(KVP, kvp_oppfolging=ko)
    assert svar(sak, "kvp-oppfolging", date(2023, 10, 1)).utfall == "oppfylt"  # 30 days
    assert svar(sak, "kvp-oppfolging", date(2023, 10, 2)).utfall == "brudd"  # 31 days


# --- the contract -------------------------------------------------------------------------------


def test_barns_behov_ma_gjelde_et_barn_i_saken() -> None:
    sak = endret(OPPFYLT, barns_behov=[{"person": "p1", "forhold": ["skole"]}])
    with pytest.raises(UgyldigSak) as feil:
        assess(sak, on=DATO)
    assert [(f.felt, f.melding) for f in feil.value.feil] == [
        ("barns_behov[0].person", "må være id-en til en person i saken med rolle «barn»")
    ]


def test_kontaktintervall_ma_vaere_minst_en_dag() -> None:
    sak = endret(KVP, kvp_oppfolging={**KVP["kvp_oppfolging"], "kontaktintervall_dager": 0})
    with pytest.raises(UgyldigSak) as feil:
        assess(sak, on=DATO)
    assert feil.value.feil[0].felt == "kvp_oppfolging.kontaktintervall_dager"


def test_ukjent_verdi_i_de_nye_feltene_navngis() -> None:
    sak = endret(OPPFYLT, samarbeid=[{"tjeneste": "politiet"}])
    with pytest.raises(UgyldigSak) as feil:
        assess(sak, on=DATO)
    assert feil.value.feil[0].felt == "samarbeid[0].tjeneste"


def test_de_nye_feltene_gar_rundt_i_vedtaksgrunnlaget() -> None:
    vurdering = assess(OPPFYLT, on=DATO)
    inndata = vurdering.to_record()["inndata"]
    assert inndata["barns_behov"] == OPPFYLT["barns_behov"]
    assert inndata["gjeldssignaler"]["husleierestanse"] is True


# --- golden cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("indeks", range(3))
def test_gullsaker(indeks: int) -> None:
    sak = golden_saker()[indeks]
    m = last()
    vurdering = assess(sak, on=DATO)
    funn = vurder(vurdering, [p.id for p in m.punkter])
    lh = lesehjelp(vurdering)
    ut = {
        f.malepunkt: {
            "utfall": f.utfall,
            "grunner": [g.to_dict() for g in f.grunner],
            "mangler": list(f.mangler),
            "nb": tekst(m, f, "nb", lh),
            "nn": tekst(m, f, "nn", lh),
        }
        for f in funn
    }
    ut["sjekkliste_nb"] = sjekkliste(m, funn, sak["sak_id"], DATO, "nb", lh).splitlines()
    ut["sjekkliste_nn"] = sjekkliste(m, funn, sak["sak_id"], DATO, "nn", lh).splitlines()
    fil = GOLDEN / f"{sak['sak_id']}.json"
    tekst_ut = json.dumps(ut, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("OPPDATER_GOLDEN"):
        fil.parent.mkdir(exist_ok=True)
        fil.write_text(tekst_ut, encoding="utf-8")
    assert fil.read_text(encoding="utf-8") == tekst_ut, (
        f"{fil.name} changed; if intended, run OPPDATER_GOLDEN=1 pytest tests/test_tilsyn.py "
        "and review the diff"
    )


def test_gullsakene_dekker_begge_sider_av_hvert_punkt() -> None:
    sett: dict[str, set[str]] = {}
    for sak in golden_saker():
        for f in malepunkter_for(sak, DATO):
            sett.setdefault(f.malepunkt, set()).add(f.utfall)
    for punkt in ("familie-oppfolging", "radgivning-vedtak", "forebygging-gjeld"):
        assert {"oppfylt", "brudd"} <= sett[punkt]
    assert all("brudd" in u for u in sett.values())


# --- command line -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sakfil(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fil = tmp_path_factory.mktemp("tilsyn") / "sak.json"
    fil.write_text(
        json.dumps({**BRUDD, "vurderingsdato": "2024-06-03"}, ensure_ascii=False),
        encoding="utf-8",
    )
    return fil


def test_cli_en_sak_nb_og_nn(sakfil: Path) -> None:
    nb = kjor("tilsyn", sakfil, "--dato", "2024-06-03")
    assert nb.kode == 0, nb.feil
    assert "Tilsyn: målepunkter for tilsyn-brudd per 03.06.2024" in nb.ut
    assert "9 brudd, 0 uavklart, 0 oppfylt, 1 ikke relevant." in nb.ut
    assert " 1. Barnefamilier får oppfølging — BRUDD" in nb.ut
    nn = kjor("tilsyn", sakfil, "--dato", "2024-06-03", "--sprak", "nn")
    assert "9 brot, 0 uavklart, 0 oppfylt, 1 ikkje relevant." in nn.ut
    assert "Heimel: sosialtenestelova § 27; rundskriv R35 punkt 4.27" in nn.ut


def test_cli_en_sak_json(sakfil: Path) -> None:
    svar_ = kjor("tilsyn", sakfil, "--format", "json")
    assert svar_.kode == 0
    data = json.loads(svar_.ut)
    assert [d["malepunkt"] for d in data] == [p.id for p in last().punkter]
    assert {d["utfall"] for d in data} == {"brudd", "ikke_relevant"}


def test_cli_avviser_tydelig(sakfil: Path, tmp_path: Path) -> None:
    feil = kjor("tilsyn", sakfil, "--html", tmp_path / "x.html")
    assert feil.kode == 2 and "--html/--csv/--json: gjelder bare SAKER.jsonl" in feil.feil
    dato = kjor("tilsyn", tmp_path / "saker.jsonl", "--dato", "2024-02-30")
    assert dato.kode == 2 and "--dato: ugyldig dato" in dato.feil
    ugyldig = tmp_path / "ugyldig.json"
    ugyldig.write_text(json.dumps(endret(BRUDD, barns_behov=[{"person": "x"}])), encoding="utf-8")
    avvist = kjor("tilsyn", ugyldig)
    assert avvist.kode == 2 and "barns_behov[0].person" in avvist.feil


def test_cli_odelagt_malepunktfil_er_en_tydelig_feil(sakfil: Path, tmp_path: Path) -> None:
    kopi = kopier_regler(tmp_path)
    fil = kopi / "tilsyn" / FILNAVN
    fil.write_text(fil.read_text(encoding="utf-8").replace('status = "V"', 'status = "X"', 1))
    svar_ = kjor("tilsyn", sakfil, "--regler", kopi)
    assert svar_.kode == 2
    assert "malepunkter.toml" in svar_.feil and "status må være en av" in svar_.feil
    (kopi / "tilsyn" / FILNAVN).unlink()
    mangler = kjor("tilsyn", sakfil, "--regler", kopi)
    assert mangler.kode == 2 and "kan ikke leses" in mangler.feil


def test_regler_sjekk_finner_feil_i_malepunktene(tmp_path: Path) -> None:
    kopi = kopier_regler(tmp_path)
    assert kjor("regler", "--sjekk", "--regler", kopi).kode == 0
    fil = kopi / "tilsyn" / FILNAVN
    fil.write_text(fil.read_text(encoding="utf-8").replace('status = "V"', 'status = "X"', 1))
    svar_ = kjor("regler", "--sjekk", "--regler", kopi)
    assert svar_.kode == 2
    assert "malepunkter.toml: malepunkt familie-oppfolging: status må være en av" in svar_.ut


def test_hver_kode_en_grunn_kan_nevne_har_ord_pa_alle_sprak() -> None:
    """No reason shows a raw code (``utstyr_og_klaer``): each has a word in nb, nn and en."""
    from typing import get_args

    from sosialregler.inndata import tilsynsfakta as tf
    from sosialregler.inndata.facts import Radgivningstype

    koder = {
        *get_args(tf.Initiativ),
        *get_args(tf.Tjeneste),
        *get_args(tf.Forhold18),
        *get_args(tf.Barneforhold),
        *tf.SIGNALER,
        *(t for t in get_args(Radgivningstype) if t != "generell_veiledning"),
    }
    m = last()
    assert koder <= set(m.ord)
    for kode in koder:
        assert all(m.ordet(kode, s) for s in SPRAK)
