"""What-if and why-not texts name things as a person does, never by the contract's paths.

«inntekter[0].belop_per_maned» and «personer[0]» were what the texts showed; now the income
is named by its type's label and amount (an ordinal when two lines have the same type), the
person by who they are in the case, the area by its title. The JSON keeps the paths: case
systems need them. Checked over many generated cases in all three languages, and by hand on
a few cases whose wording is written out below.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sosialregler import UgyldigSak, assess
from sosialregler.lov.sprak import SPRAK
from sosialregler.utdata.explain import personetiketter
from sosialregler.utdata.hvaom import break_even, endringstekst, les_sti, why_not
from sosialregler.utdata.stinavn import stinavn
from sosialregler.verktoy.testing import INNTEKTSTYPER, cases, saker
from tekstlekk import lekkasjer

ROT = Path(__file__).resolve().parent.parent
FAMILIE = json.loads((ROT / "examples" / "familie.json").read_text("utf-8"))
IDER = st.from_regex(r"pid[0-9]{1,2}", fullmatch=True)


def _ingen_lekkasje(tekst: str, sprak: str, sak: dict[str, Any]) -> None:
    ider = [p["id"] for p in sak["personer"]]
    funnet = lekkasjer(tekst, sprak, ider)
    assert not funnet, (funnet, sprak, tekst)


@st.composite
def _endringer(draw: st.DrawFn, sak: dict[str, Any]) -> dict[str, Any]:
    """A few changes a caseworker tries: an income's amount or type, a new or removed line, a
    birth date, a housing cost, an asset, a yes/no fact."""
    valg: list[tuple[str, Any]] = []
    inntekter = sak.get("inntekter") or []
    for i, _linje in enumerate(inntekter):
        valg.append((f"inntekter[{i}].belop_per_maned", draw(st.integers(0, 60_000))))
        valg.append((f"inntekter[{i}].type", draw(st.sampled_from(INNTEKTSTYPER))))
        valg.append((f"inntekter[{i}]", None))
        valg.append((f"inntekter[{i}].person", sak["personer"][0]["id"]))
    soker = next(p["id"] for p in sak["personer"] if p["rolle"] == "soker")
    ny = {"person": soker, "type": draw(st.sampled_from(INNTEKTSTYPER)), "belop_per_maned": 1234}
    valg.append((f"inntekter[{len(inntekter)}]", ny))
    for i, _p in enumerate(sak["personer"]):
        valg.append((f"personer[{i}].fodselsdato", "1980-02-29"))
    for i, _b in enumerate(sak.get("boutgifter") or []):
        valg.append((f"boutgifter[{i}].belop_per_maned", draw(st.integers(0, 20_000))))
    for i, _f in enumerate(sak.get("formue") or []):
        valg.append((f"formue[{i}].belop", draw(st.integers(0, 200_000))))
    valg += [("bofellesskap", draw(st.booleans())), ("individuell_vurdering", None)]
    valg.append(("vurderingsdato", "2025-01-01"))
    valgt = draw(st.lists(st.sampled_from(valg), min_size=1, max_size=3, unique_by=lambda v: v[0]))
    return dict(valgt)


@settings(
    max_examples=int(os.environ.get("HVAOM_EKSEMPLER", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.data())
def test_hva_om_og_hvorfor_ikke_viser_aldri_stier_koder_eller_ider(data: st.DataObject) -> None:
    sak = data.draw(saker(ider=IDER, maks_inntekter=4))
    vurdering = assess(sak)
    endringer = data.draw(_endringer(sak))
    try:
        resultat = vurdering.what_if(endringer)
    except UgyldigSak:
        return  # a change the contract rejects (a person's income moved away, …): no text
    for sprak in SPRAK:
        _ingen_lekkasje(resultat.tekst(sprak), sprak, sak)
        _ingen_lekkasje(endringstekst(vurdering, endringer, sprak), sprak, sak)
    for v in (vurdering, resultat.etter):
        for forslag in why_not(v):
            for sprak in SPRAK:
                _ingen_lekkasje(forslag.tekst[sprak], sprak, sak)
                _ingen_lekkasje(endringstekst(v, forslag.endringer, sprak), sprak, sak)
        grense = break_even(v)
        if grense is not None:
            for sprak in SPRAK:
                _ingen_lekkasje(grense.tekst(sprak), sprak, sak)


def _stier(verdi: Any, sti: str = "") -> list[str]:
    """Every path in a contract dict: each field, each list and each element."""
    if isinstance(verdi, dict):
        return [s for k, v in verdi.items() for s in _stier(v, f"{sti}.{k}" if sti else k)]
    if isinstance(verdi, list):
        return [sti, *(s for i, v in enumerate(verdi) for s in _stier(v, f"{sti}[{i}]"))]
    return [sti]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(komplett=False, andre_omrader=True, ider=IDER))
def test_hver_sti_i_saken_har_et_navn(sak: dict[str, Any]) -> None:
    """Any path a caseworker may type in a what-if is named without code, path or id."""
    vurdering = assess(sak)
    for sprak in SPRAK:
        personer = personetiketter(vurdering, sprak)
        for sti in _stier(sak):
            _ingen_lekkasje(stinavn(les_sti(sti), sak, sprak, personer), sprak, sak)


def test_stinavn_for_lister_uten_type() -> None:
    sak = {
        **FAMILIE,
        "oppfolgingssamtaler": [{"dato": "2024-01-10"}, {"dato": "2024-02-10"}],
        "botilbud": [{"personer": ["p1"], "fra": "2024-01-01", "type": "hospits"}],
    }
    personer = {s: personetiketter(assess(sak), s) for s in SPRAK}

    def navn(sti: str, sprak: str) -> str:
        return stinavn(les_sti(sti), sak, sprak, personer[sprak])

    assert navn("oppfolgingssamtaler[1].dato", "nb") == "dato (oppfølgingssamtale nr. 2)"
    assert navn("oppfolgingssamtaler[1].dato", "nn") == "dato (oppfølgingssamtale nr. 2)"
    assert navn("oppfolgingssamtaler[1].dato", "en") == "date (follow-up conversation no. 2)"
    assert navn("botilbud[0].til", "nn") == "opphaldet slutta (mellombels butilbod nr. 1)"
    assert navn("personer[2]", "nb") == "barn født 2018"
    assert navn("personer[1].fodselsdato", "en") == "date of birth (the spouse)"
    assert navn("kommune.holder_barnetrygd_utenfor", "nb").startswith("om kommunen har valgt")


def test_json_beholder_stiene() -> None:
    """The paths stay in the JSON, for case systems; only the texts lose them."""
    resultat = assess(FAMILIE).what_if({"inntekter[0].belop_per_maned": 4000})
    assert resultat.to_dict()["endringer"] == {"inntekter[0].belop_per_maned": 4000}
    grense = break_even(assess(FAMILIE))
    assert grense is not None and grense.sti == "inntekter[0].belop_per_maned"


# --- the wording, checked by hand ----------------------------------------------------------------


def test_endret_inntekt_og_fodselsdato_pa_tre_sprak() -> None:
    resultat = assess(FAMILIE).what_if(
        {"inntekter[0].belop_per_maned": 4000, "personer[1].fodselsdato": "1980-01-01"}
    )
    forste = {s: resultat.tekst(s).splitlines()[0] for s in SPRAK}
    assert forste == {
        "nb": "Endret i en kopi av saken (saken selv er uendret): beløp per måned (inntekten "
        "«Arbeidsinntekt») 9 000 kr → 4 000 kr; fødselsdato (ektefellen) 30.11.1994 → 01.01.1980",
        "nn": "Endra i ein kopi av saka (saka sjølv er uendra): beløp per månad (inntekta "
        "«Arbeidsinntekt») 9 000 kr → 4 000 kr; fødselsdato (ektefellen) 30.11.1994 → 01.01.1980",
        "en": "Changed in a copy of the case (the case itself is unchanged): amount per month "
        "(the income «Earnings from work») NOK 9,000 → NOK 4,000; date of birth (the spouse) "
        "1994-11-30 → 1980-01-01",
    }


def test_ny_og_fjernet_linje() -> None:
    resultat = assess(FAMILIE).what_if(
        {
            "inntekter[2]": {"person": "p2", "type": "dagpenger", "belop_per_maned": 5000},
            "boutgifter[1]": None,
        }
    )
    assert (
        resultat.tekst("nb")
        .splitlines()[0]
        .endswith(
            ": en ny inntekt «Dagpenger» på 5 000 kr (ektefellen); boutgiften «Strøm» på 900 kr "
            "fjernet"
        )
    )
    assert (
        resultat.tekst("nn")
        .splitlines()[0]
        .endswith(
            ": ei ny inntekt «Dagpengar» på 5 000 kr (ektefellen); "
            "buutgifta «Straum» på 900 kr fjerna"
        )
    )
    assert (
        resultat.tekst("en")
        .splitlines()[0]
        .endswith(
            ": a new income «Unemployment benefit» of NOK 5,000 (the spouse); the housing cost "
            "«Electricity» of NOK 900 removed"
        )
    )


def test_to_inntekter_av_samme_type_far_ordenstall() -> None:
    sak = json.loads(json.dumps(FAMILIE))
    sak["inntekter"].append({"person": "p2", "type": "arbeidsinntekt", "belop_per_maned": 3000})
    grense = break_even(assess(sak))
    assert grense is not None
    assert grense.tekst("nb") == (
        "Stønad til livsopphold: beløpet blir 0 når den første inntekten «Arbeidsinntekt» på "
        "9 000 kr er 25 850 kr; medregnet inntekt i alt 28 850 kr."
    )
    assert grense.tekst("nn") == (
        "Stønad til livsopphald: beløpet blir 0 når den første inntekta «Arbeidsinntekt» på "
        "9 000 kr er 25 850 kr; medrekna inntekt i alt 28 850 kr."
    )
    assert grense.tekst("en") == (
        "Financial assistance for subsistence: the amount reaches 0 when the first income "
        "«Earnings from work» of NOK 9,000 is NOK 25,850; counted income in all NOK 28,850."
    )
    resultat = assess(sak).what_if({"inntekter[2].belop_per_maned": 0})
    assert "beløp per måned (den andre inntekten «Arbeidsinntekt») 3 000 kr → 0 kr" in (
        resultat.tekst("nb")
    )


def test_inntektsgrense_uten_inntekt_legger_til_en_ny_linje() -> None:
    sak = json.loads(json.dumps(FAMILIE))
    sak["inntekter"] = []
    grense = break_even(assess(sak))
    assert grense is not None and grense.naa is None
    assert "når en ny inntekt «Arbeidsinntekt» (søkeren) er " in grense.tekst("nb")
    assert "når ei ny inntekt «Arbeidsinntekt» (søkjaren) er " in grense.tekst("nn")
    assert "when a new income «Earnings from work» (the applicant) is " in grense.tekst("en")


def test_hvorfor_ikke_endringen_i_ord() -> None:
    vurdering = assess(FAMILIE).what_if({"inntekter[0].belop_per_maned": 40000}).etter
    (forslag,) = why_not(vurdering)
    assert forslag.endringer == {"inntekter[0].belop_per_maned": 28849}  # JSON: the path
    assert endringstekst(vurdering, forslag.endringer, "nn") == (
        "beløp per månad (inntekta «Arbeidsinntekt») 40 000 kr → 28 849 kr"
    )


def test_satsmerknaden_i_ord_uten_kilde_og_pa_nynorsk() -> None:
    """The rate caveat's own text is bokmål and English only, with the rate row's source."""
    sak = json.loads(json.dumps(FAMILIE))
    resultat = assess(sak).what_if({"vurderingsdato": "2025-01-01"})
    linjer = {s: [x for x in resultat.tekst(s).splitlines() if "«Sats" in x] for s in SPRAK}
    assert (
        "  Merknad «Satsane kan vere utdaterte eller ikkje stadfesta for datoen»: ny"
        in (linjer["nn"])
    )
    assert all("kilde" not in x for x in linjer["nb"])


def test_merknad_nevner_personen_ved_rolle() -> None:
    resultat = assess(FAMILIE).what_if({"personer[1].fodselsdato": "1980-01-01"})
    (linje,) = [x for x in resultat.tekst("nb").splitlines() if "Merknad" in x]
    assert linje.startswith("  Merknad «Ektefellen er søkerens ektefelle")
    assert linje.endswith("(ektefellen)»: borte") and "p2" not in linje


def test_radgivningens_utdata_har_navn() -> None:
    """The advice area's output was shown as «radgivningsvurdering» (its key) in a what-if."""
    sak = {
        **FAMILIE,
        "radgivning": [{"dato": "2024-01-10", "type": "individuell_veiledning"}],
    }
    resultat = assess(sak).what_if({"radgivning[0].vedtak_fattet": True})
    tekst = {s: resultat.tekst(s) for s in SPRAK}
    assert "vurdering av kvart registrerte råd endra" in tekst["nn"], tekst["nn"]
    assert "assessment of each advice record changed" in tekst["en"]
    for sprak in SPRAK:
        _ingen_lekkasje(tekst[sprak], sprak, sak)
