"""Black-box tests of the JSON case contract (``/work/shared/case-format.md``).

They protect the promises the contract makes to case systems: bad input is a ``UgyldigSak``
(a ``ValueError``) listing *every* problem with its JSON path, value and a Norwegian reason;
an absent fact is unknown (``uavklart`` naming it), never zero; an empty list means "none";
and ``assess`` gives the same answer whatever form the case arrives in.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import sosialregler
from sosialregler import Feil, UgyldigSak
from sosialregler.inndata.contract import fra_dict

REPO = Path(__file__).resolve().parent.parent
FAMILIE: dict[str, Any] = json.loads((REPO / "examples" / "familie.json").read_text("utf-8"))

Endring = Callable[[dict[str, Any]], object]


def familie() -> dict[str, Any]:
    """A fresh deep copy of the example case (couple, one child, assessed 2024-03-01)."""
    return copy.deepcopy(FAMILIE)


def enslig() -> dict[str, Any]:
    """A single applicant without partner or children, every § 18 fact given."""
    sak = familie()
    sak["personer"] = [sak["personer"][0]]
    sak["inntekter"] = [sak["inntekter"][0]]
    return sak


def avvist(kall: Callable[..., object], data: Any, **kw: Any) -> list[Feil]:
    """Call and return the rejection's problems; fail if the input was accepted."""
    with pytest.raises(UgyldigSak) as info:
        kall(data, **kw)
    assert isinstance(info.value, ValueError)
    assert info.value.feil, "a rejection must list at least one problem"
    assert all(isinstance(f, Feil) for f in info.value.feil)
    return info.value.feil


def ved(feil: list[Feil], felt: str) -> list[Feil]:
    """The problems reported at one JSON path; fail (showing all) if there are none."""
    treff = [f for f in feil if f.felt == felt]
    assert treff, f"no problem at {felt!r}; got {[(f.felt, f.melding) for f in feil]}"
    return treff


def nevner(melding: str, *fragmenter: str) -> bool:
    """True if the message contains every fragment (case-insensitive)."""
    return all(frag.lower() in melding.lower() for frag in fragmenter)


def _sett_botilbud(personer: Any, **ekstra: Any) -> Endring:
    def endre(d: dict[str, Any]) -> None:
        d["botilbud"] = [{"personer": personer, "fra": "2024-01-01", "type": "hospits", **ekstra}]

    return endre


# (test id, change to the example case, JSON path, offending value, reason fragments)
AVVISNINGER: list[tuple[str, Endring, str, Any, tuple[str, ...]]] = [
    ("ukjent-felt-topp", lambda d: d.update(x=1), "x", 1, ("ukjent felt", "personer")),
    (
        "ukjent-felt-person",
        lambda d: d["personer"][0].update(x=1),
        "personer[0].x",
        1,
        ("ukjent felt", "fodselsdato"),
    ),
    (
        "ukjent-felt-kvp",
        lambda d: d.update(kvp={"person": "p1", "ekstra": True}),
        "kvp.ekstra",
        True,
        ("ukjent felt",),
    ),
    (
        "belop-som-tekst",
        lambda d: d["inntekter"][0].update(belop_per_maned="9000"),
        "inntekter[0].belop_per_maned",
        "9000",
        ("tall", "tekst"),
    ),
    ("tall-der-tekst", lambda d: d.update(sak_id=5), "sak_id", 5, ("tekst", "tall")),
    ("liste-der-objekt", lambda d: d.update(kvp=[]), "kvp", [], ("objekt", "liste")),
    ("objekt-der-liste", lambda d: d.update(inntekter={}), "inntekter", {}, ("liste", "objekt")),
    (
        "bool-der-tall",
        lambda d: d["boutgifter"][0].update(belop_per_maned=True),
        "boutgifter[0].belop_per_maned",
        True,
        ("tall", "sannhetsverdi"),
    ),
    ("tall-der-bool", lambda d: d.update(bofellesskap=1), "bofellesskap", 1, ("true", "false")),
    (
        "null-der-tekst",
        lambda d: d["personer"][0].update(id=None),
        "personer[0].id",
        None,
        ("tekst", "null"),
    ),
    (
        "tekst-som-liste-inntekter",
        lambda d: d.update(inntekter="ab"),
        "inntekter",
        "ab",
        ("liste",),
    ),
    ("tekst-som-liste-personer", lambda d: d.update(personer="p1"), "personer", "p1", ("liste",)),
    (
        "tekst-som-liste-botilbud-personer",
        _sett_botilbud("p1"),
        "botilbud[0].personer",
        "p1",
        ("liste",),
    ),
    (
        "tekst-som-liste-ytelser",
        lambda d: d.update(kvp={"person": "p1", "ytelser_folketrygd": "aap"}),
        "kvp.ytelser_folketrygd",
        "aap",
        ("liste",),
    ),
    (
        "negativt-belop",
        lambda d: d["inntekter"][0].update(belop_per_maned=-1),
        "inntekter[0].belop_per_maned",
        -1,
        ("negativ",),
    ),
    (
        "enormt-belop",
        lambda d: d["formue"][0].update(belop=10**12),
        "formue[0].belop",
        10**12,
        ("stort",),
    ),
    (
        "enormt-flyttall",
        lambda d: d["formue"][0].update(belop=1e300),
        "formue[0].belop",
        1e300,
        ("stort",),
    ),
    (
        "uendelig-belop",
        lambda d: d["formue"][0].update(belop=float("inf")),
        "formue[0].belop",
        "inf",  # not a JSON value: a rejection shows it as text, so it can always be printed
        ("endelig",),
    ),
    (
        "dato-med-punktum",
        lambda d: d["personer"][1].update(fodselsdato="01.03.1994"),
        "personer[1].fodselsdato",
        "01.03.1994",
        ("ÅÅÅÅ-MM-DD",),
    ),
    (
        "dato-uten-nuller",
        lambda d: d["personer"][1].update(fodselsdato="1994-3-1"),
        "personer[1].fodselsdato",
        "1994-3-1",
        ("ÅÅÅÅ-MM-DD",),
    ),
    (
        "dato-uten-bindestrek",
        lambda d: d["personer"][1].update(fodselsdato="19940301"),
        "personer[1].fodselsdato",
        "19940301",
        ("ÅÅÅÅ-MM-DD",),
    ),
    (
        "dato-som-tall",
        lambda d: d.update(vurderingsdato=20240301),
        "vurderingsdato",
        20240301,
        ("ÅÅÅÅ-MM-DD",),
    ),
    (
        "dato-maned-13",
        lambda d: d["personer"][2].update(fodselsdato="2017-13-01"),
        "personer[2].fodselsdato",
        "2017-13-01",
        ("finnes ikke",),
    ),
    (
        "dato-29-februar-2023",
        lambda d: d["personer"][2].update(fodselsdato="2023-02-29"),
        "personer[2].fodselsdato",
        "2023-02-29",
        ("finnes ikke",),
    ),
    (
        "barn-eldre-enn-forelder",
        lambda d: d["personer"][2].update(fodselsdato="1995-01-01"),
        "personer[2].fodselsdato",
        "1995-01-01",
        ("barnet", "personer[0]"),
    ),
    (
        "fodt-etter-vurderingsdato",
        lambda d: d["personer"][2].update(fodselsdato="2024-06-01"),
        "personer[2].fodselsdato",
        "2024-06-01",
        ("etter vurderingsdatoen",),
    ),
    (
        "ukjent-person-inntekt",
        lambda d: d["inntekter"][1].update(person="zz"),
        "inntekter[1].person",
        "zz",
        ("ukjent person-id", "p1", "b1"),
    ),
    (
        "ukjent-person-botilbud",
        _sett_botilbud(["p1", "zz"]),
        "botilbud[0].personer[1]",
        "zz",
        ("ukjent person-id",),
    ),
    (
        "ukjent-person-kvp",
        lambda d: d.update(kvp={"person": "zz"}),
        "kvp.person",
        "zz",
        ("ukjent person-id",),
    ),
    (
        "ingen-soker",
        lambda d: d["personer"][0].update(rolle="annen_voksen"),
        "personer",
        "0 søkere",
        ("soker",),
    ),
    (
        "to-sokere",
        lambda d: d["personer"][1].update(rolle="soker"),
        "personer",
        "2 søkere",
        ("soker",),
    ),
    (
        "to-partnere",
        lambda d: d["personer"].append({"id": "p3", "rolle": "samboer"}),
        "personer[3].rolle",
        "samboer",
        ("ektefelle", "samboer"),
    ),
    (
        "dobbel-id",
        lambda d: d["personer"][2].update(id="p1"),
        "personer[2].id",
        "p1",
        ("personer[0]",),
    ),
    (
        "botilbud-slutter-for-start",
        _sett_botilbud(["p1"], til="2023-12-31"),
        "botilbud[0].til",
        "2023-12-31",
        ("slutter", "begynner"),
    ),
    (
        "ukjent-rolle",
        lambda d: d["personer"][2].update(rolle="onkel"),
        "personer[2].rolle",
        "onkel",
        ("soker", "ektefelle", "samboer", "barn", "annen_voksen"),
    ),
    (
        "ukjent-inntektstype",
        lambda d: d["inntekter"][0].update(type="lotto"),
        "inntekter[0].type",
        "lotto",
        (
            "arbeidsinntekt",
            "barnetrygd",
            "kontantstotte",
            "bostotte",
            "barnebidrag",
            "aap",
            "dagpenger",
            "sykepenger",
            "foreldrepenger",
            "uforetrygd",
            "pensjon",
            "barns_arbeidsinntekt",
            "annen",
        ),
    ),
    (
        "ukjent-botilbudstype",
        lambda d: d.update(botilbud=[{"personer": ["p1"], "fra": "2024-01-01", "type": "telt"}]),
        "botilbud[0].type",
        "telt",
        (
            "hospits",
            "campingplass",
            "hotell",
            "pensjonat",
            "krisesenter",
            "kommunal_midlertidig_bolig",
            "annen",
        ),
    ),
    (
        "vurderingsdato-for-2010",
        lambda d: d.update(vurderingsdato="2009-12-31"),
        "vurderingsdato",
        "2009-12-31",
        ("2010",),
    ),
]

KALL = [pytest.param(sosialregler.assess, id="assess"), pytest.param(fra_dict, id="fra_dict")]


@pytest.mark.parametrize("kall", KALL)
@pytest.mark.parametrize(
    ("endring", "felt", "verdi", "fragmenter"),
    [pytest.param(*rad[1:], id=rad[0]) for rad in AVVISNINGER],
)
def test_avvisning_navngir_felt_verdi_og_grunn(
    kall: Callable[..., object],
    endring: Endring,
    felt: str,
    verdi: Any,
    fragmenter: tuple[str, ...],
) -> None:
    """Each bad input is rejected at its exact JSON path, with its value and the reason."""
    sak = familie()
    endring(sak)
    treff = ved(avvist(kall, sak), felt)
    assert any(nevner(f.melding, *fragmenter) for f in treff), [f.melding for f in treff]
    assert any(f.verdi == verdi for f in treff), [f.verdi for f in treff]


def test_nan_belop_avvises() -> None:
    """NaN is not an amount (and NaN != NaN, so it gets its own test)."""
    sak = familie()
    sak["inntekter"][0]["belop_per_maned"] = float("nan")
    (f,) = ved(avvist(sosialregler.assess, sak), "inntekter[0].belop_per_maned")
    assert nevner(f.melding, "endelig")


def test_nan_i_json_tekst_avvises() -> None:
    """``NaN`` is not JSON, even though Python's json module would read it."""
    tekst = json.dumps(familie()).replace('"belop": 1500', '"belop": NaN')
    assert "NaN" in tekst
    feil = avvist(sosialregler.assess, tekst)
    assert any(nevner(f.melding, "NaN") for f in feil)


def test_alle_problemer_paa_en_gang() -> None:
    """Five different problems give five entries with exact paths, none hidden by another."""
    sak = familie()
    sak["personer"][1]["fodselsdato"] = "2017-13-01"  # impossible date
    sak["inntekter"][0]["belop_per_maned"] = -5  # negative amount
    sak["inntekter"][1]["type"] = "lotto"  # unknown type
    sak["boutgifter"][0]["x"] = 1  # unknown field
    sak["formue"] = [{"type": "bankinnskudd", "belop": 1, "person": "zz"}]  # unknown person
    stier = [
        "personer[1].fodselsdato",
        "inntekter[0].belop_per_maned",
        "inntekter[1].type",
        "boutgifter[0].x",
        "formue[0].person",
    ]
    with pytest.raises(UgyldigSak) as info:
        sosialregler.assess(sak)
    assert sorted(f.felt for f in info.value.feil) == sorted(stier)
    assert all(sti in str(info.value) for sti in stier), "the message lists every problem"


def test_kryssjekk_rapporteres_selv_om_typefeil_stopper_struktureringen() -> None:
    """A type error elsewhere must not hide the cross-field checks (one applicant, ids)."""
    sak = familie()
    sak["sak_id"] = 17
    sak["personer"][0]["rolle"] = "barn"
    sak["inntekter"][0]["person"] = "zz"
    feltene = {f.felt for f in avvist(fra_dict, sak)}
    assert {"sak_id", "personer", "inntekter[0].person"} <= feltene


def test_mangler_vurderingsdato_og_on() -> None:
    """Without a date there is nothing to assess on: rejected naming ``vurderingsdato``."""
    sak = familie()
    del sak["vurderingsdato"]
    (f,) = ved(avvist(sosialregler.assess, sak), "vurderingsdato")
    assert nevner(f.melding, "vurderingsdato", "mangler")


@pytest.mark.parametrize(
    "tekst",
    ['{"personer": [}', '{\n  "personer": [],\n  "sak_id": ,\n}', "", "{'a': 1}"],
    ids=["klamme", "flerlinjet", "tom", "enkle-anfoerselstegn"],
)
def test_ugyldig_json_tekst_gir_linje_og_kolonne(tekst: str) -> None:
    """Invalid JSON text is a rejection (not a JSONDecodeError) giving line and column."""
    (f,) = avvist(sosialregler.assess, tekst)
    assert nevner(f.melding, "JSON", "linje", "kolonne")


def test_ugyldig_json_peker_paa_riktig_linje() -> None:
    """The position points at the offending line of a multi-line document."""
    (f,) = avvist(sosialregler.assess, '{\n  "personer": [],\n  "sak_id": ,\n}')
    assert "linje 3" in f.melding


def test_ugyldig_utf8_i_bytes() -> None:
    """Bytes that are not UTF-8 are a rejection, not a UnicodeDecodeError."""
    avvist(sosialregler.assess, b'{"sak_id": "\xff"}')


def test_dypt_nostet_json_avvises() -> None:
    """A hostile, deeply nested document is a rejection, not a RecursionError."""
    avvist(sosialregler.assess, "[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize("tekst", ["[]", '"x"', "5", "null", "true"])
def test_json_som_ikke_er_objekt(tekst: str) -> None:
    """Only a JSON object is a case; anything else is rejected saying so."""
    (f,) = avvist(sosialregler.assess, tekst)
    assert nevner(f.melding, "objekt")


@pytest.mark.parametrize("data", [[], "x", 5, None, [familie()]], ids=repr)
def test_fra_dict_avviser_ikke_objekt(data: Any) -> None:
    """``fra_dict`` itself rejects non-dicts with a ``UgyldigSak``, not an AttributeError."""
    (f,) = avvist(fra_dict, data)
    assert nevner(f.melding, "objekt")


def test_tom_personliste() -> None:
    """A case needs at least the applicant."""
    sak = familie()
    sak["personer"] = []
    sak["inntekter"] = []
    ved(avvist(sosialregler.assess, sak), "personer")


def test_manglende_personliste_er_paakrevd() -> None:
    """``personer`` is required: its absence is named, not a KeyError."""
    sak = familie()
    del sak["personer"]
    (f,) = ved(avvist(sosialregler.assess, sak), "personer")
    assert nevner(f.melding, "mangler")


# --- Absent is unknown, never zero; an empty list means none ---------------------------------


@pytest.mark.parametrize(
    ("grunnsak", "felt", "inngaar_i_belopet"),
    [
        (familie, "inntekter", True),
        (familie, "boutgifter", True),
        (familie, "formue", False),  # assets are shown as their own line, never deducted
        (enslig, "bofellesskap", True),
    ],
    ids=["inntekter", "boutgifter", "formue", "bofellesskap-enslig"],
)
def test_fravaerende_felt_er_ukjent(
    grunnsak: Callable[[], dict[str, Any]], felt: str, inngaar_i_belopet: bool
) -> None:
    """An absent fact makes § 18 ``uavklart`` and is named in ``mangler``; never read as 0.

    When the fact is part of the amount, no amount is computed (null), rather than a guess.
    """
    sak = grunnsak()
    del sak[felt]
    vedtak = sosialregler.assess(sak).vedtak["livsopphold"]
    assert vedtak.utfall == "uavklart"
    assert felt in vedtak.mangler
    if inngaar_i_belopet:
        assert vedtak.belop_per_maned is None


@pytest.mark.parametrize("felt", ["inntekter", "boutgifter", "formue"])
def test_tom_liste_betyr_ingen(felt: str) -> None:
    """``[]`` is a known "none": it is not missing and the case is decided."""
    sak = enslig()
    sak[felt] = []
    vedtak = sosialregler.assess(sak).vedtak["livsopphold"]
    assert felt not in vedtak.mangler
    assert vedtak.utfall != "uavklart"
    assert vedtak.beregnet_behov_per_maned is not None  # computed (a refusal pays none)


def test_bofellesskap_false_er_kjent_for_enslig() -> None:
    """``bofellesskap: false`` is a fact, not a gap."""
    vedtak = sosialregler.assess(enslig()).vedtak["livsopphold"]
    assert "bofellesskap" not in vedtak.mangler
    assert vedtak.utfall != "uavklart"


def test_barn_uten_fodselsdato_er_ukjent() -> None:
    """A child's age decides its rate; without a birth date the path is named in mangler."""
    sak = familie()
    del sak["personer"][2]["fodselsdato"]
    vedtak = sosialregler.assess(sak).vedtak["livsopphold"]
    assert vedtak.utfall == "uavklart"
    assert "personer[2].fodselsdato" in vedtak.mangler


def test_flere_mangler_nevnes_alle() -> None:
    """Two absent facts are both named."""
    sak = enslig()
    del sak["inntekter"], sak["formue"]
    mangler = sosialregler.assess(sak).vedtak["livsopphold"].mangler
    assert {"inntekter", "formue"} <= set(mangler)


# --- Input forms and the date ----------------------------------------------------------------


def test_samme_resultat_for_dict_tekst_bytes_og_sak() -> None:
    """dict, JSON str, bytes and a ``Sak`` are the same case and give the same output."""
    tekst = json.dumps(FAMILIE, ensure_ascii=False)
    forventet = sosialregler.assess(familie()).to_dict()
    assert sosialregler.assess(tekst).to_dict() == forventet
    assert sosialregler.assess(tekst.encode("utf-8")).to_dict() == forventet
    assert sosialregler.assess(fra_dict(familie())).to_dict() == forventet
    assert sosialregler.assess(sosialregler.les_sak(tekst)).to_dict() == forventet


def test_assess_endrer_ikke_inndata() -> None:
    """Assessing is pure: the caller's dict is left as it was."""
    sak = familie()
    sosialregler.assess(sak, on="2023-06-01")
    assert sak == FAMILIE


def test_on_overstyrer_vurderingsdato() -> None:
    """``on=`` wins over the case's ``vurderingsdato``: same output as the case dated so."""
    sak = familie()
    sak["vurderingsdato"] = "2023-01-15"
    overstyrt = sosialregler.assess(sak, on="2024-03-01")
    assert overstyrt.vurderingsdato == date(2024, 3, 1)
    assert overstyrt.to_dict() == sosialregler.assess(familie()).to_dict()
    assert sosialregler.assess(sak).to_dict() != overstyrt.to_dict()


def test_on_som_date_og_uten_vurderingsdato() -> None:
    """``on`` may be a ``date``, and it supplies the date a case leaves out."""
    sak = familie()
    del sak["vurderingsdato"]
    vurdering = sosialregler.assess(sak, on=date(2024, 3, 1))
    assert vurdering.to_dict() == sosialregler.assess(familie()).to_dict()


@pytest.mark.parametrize("on", ["2024-13-01", "2024-3-1", "01.03.2024", "i dag"])
def test_ugyldig_on_avvises(on: str) -> None:
    """A bad ``on=`` date is a rejection naming ``--dato`` and the expected form."""
    feil = avvist(sosialregler.assess, familie(), on=on)
    assert any(f.felt == "--dato" and nevner(f.melding, "ÅÅÅÅ-MM-DD") for f in feil), feil


def test_ugyldig_on_avvisning_viser_verdien() -> None:
    """The contract says a rejection names the value: the bad date itself."""
    (f,) = avvist(sosialregler.assess, familie(), on="2024-13-01")
    assert f.verdi == "2024-13-01"


def test_on_for_2010_avvises() -> None:
    """The act applies from 2010-01-01; an earlier ``on`` is rejected naming ``--dato``.

    The bad value came from the override, not from the case, so the override is named.
    """
    feil = avvist(sosialregler.assess, enslig(), on="2009-12-31")
    (f,) = ved(feil, "--dato")
    assert nevner(f.melding, "2010")


def test_lovens_forste_dag_godtas() -> None:
    """2010-01-01 itself is in force (boundary of the previous test)."""
    sak = enslig()
    sak["personer"][0]["fodselsdato"] = "1980-01-01"
    assert sosialregler.assess(sak, on="2010-01-01").vurderingsdato == date(2010, 1, 1)


def test_on_overstyrer_ogsaa_kontrollen_av_fodselsdato() -> None:
    """A child born after the case's date but before ``on`` is valid on the ``on`` date."""
    sak = familie()
    sak["personer"][2]["fodselsdato"] = "2024-06-01"
    vurdering = sosialregler.assess(sak, on="2024-09-01")
    assert vurdering.vurderingsdato == date(2024, 9, 1)


def test_on_overstyrer_gammel_vurderingsdato() -> None:
    """A stale case date is irrelevant once ``on`` (``--dato``) overrides it."""
    sak = familie()
    sak["vurderingsdato"] = "2009-06-01"
    assert sosialregler.assess(sak, on="2024-03-01").vurderingsdato == date(2024, 3, 1)


def test_dato_med_ikke_ascii_sifre_er_feil_form() -> None:
    """Full-width digits are the wrong form (ÅÅÅÅ-MM-DD), not an impossible calendar date."""
    sak = familie()
    sak["personer"][1]["fodselsdato"] = "１９９４-11-30"
    (f,) = ved(avvist(sosialregler.assess, sak), "personer[1].fodselsdato")
    assert nevner(f.melding, "ÅÅÅÅ-MM-DD")
