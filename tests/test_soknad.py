"""NAV's application format (``soknad.py`` and ``sosialregler soknad``).

Every file in ``tests/data/soknadsosialhjelp`` (NAV's samples, the random
``examples/``, the ``feil-`` files, the fragments, even the README) gets an assessment (exit 0)
or a rejection naming the field (exit 2), never an internal error (1) and never a traceback.
The mapping itself is tested on NAV's samples and on small applications built here.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers_cli import kjor
from sosialregler import UgyldigSak, Utfall
from sosialregler.verktoy.cli import main
from sosialregler.verktoy.soknad import fra_soknad, vurder_soknad

#: NAV's samples, carried with the tests (MIT, see the folder's README and licence notice).
EKSTERN = Path(__file__).parent / "data" / "soknadsosialhjelp"
ALLE_FILER = sorted(p for p in EKSTERN.rglob("*") if p.is_file())


def test_navs_eksempler_finnes() -> None:
    """The samples ship with the tests: missing, every test here would test nothing, so this
    fails instead of the others skipping."""
    assert (EKSTERN / "LICENSE-navikt-soknadsosialhjelp-filformat.txt").is_file()
    assert len([p for p in ALLE_FILER if p.suffix == ".json"]) >= 60


def les(navn: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EKSTERN / navn).read_text("utf-8"))
    return data


def kjor_inne(*argumenter: str) -> tuple[int, str, str]:
    """``sosialregler ARGS`` in this process (the same code path as the console script)."""
    ut, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(ut), contextlib.redirect_stderr(err):
        kode = main(list(argumenter))
    return kode, ut.getvalue(), err.getvalue()


def soknad(**data: Any) -> dict[str, Any]:
    """A small whole application (format 1.x) submitted on 1 March 2024 at noon."""
    grunn: dict[str, Any] = {
        "personalia": {
            "personIdentifikator": {"kilde": "system", "verdi": "12345678901"},
            "navn": {"kilde": "system", "fornavn": "Ola", "mellomnavn": "", "etternavn": "N"},
            "kontonummer": {"kilde": "bruker"},
            "fodselsdato": "1990-01-01",
        },
        "arbeid": {},
        "utdanning": {"kilde": "bruker"},
        "familie": {"sivilstatus": {"kilde": "bruker", "status": "ugift"}, "forsorgerplikt": {}},
        "begrunnelse": {"kilde": "bruker", "hvorforSoke": "", "hvaSokesOm": ""},
        "bosituasjon": {"kilde": "bruker", "botype": "leier", "antallPersoner": 1},
        "okonomi": {
            "opplysninger": {
                "utbetaling": [],
                "utgift": [
                    {
                        "kilde": "bruker",
                        "type": "strom",
                        "tittel": "Strøm",
                        "belop": 700,
                        "overstyrtAvBruker": False,
                    }
                ],
            },
            "oversikt": {
                "inntekt": [
                    {
                        "kilde": "bruker",
                        "type": "jobb",
                        "tittel": "Lønnsinntekt",
                        "brutto": 6500,
                        "netto": 5000,
                        "overstyrtAvBruker": False,
                    }
                ],
                "utgift": [
                    {
                        "kilde": "bruker",
                        "type": "husleie",
                        "tittel": "Husleie",
                        "belop": 8000,
                        "overstyrtAvBruker": False,
                    }
                ],
                "formue": [
                    {
                        "kilde": "bruker",
                        "type": "brukskonto",
                        "tittel": "Brukskonto",
                        "belop": 2000,
                        "overstyrtAvBruker": False,
                    }
                ],
            },
        },
    }
    grunn.update(data)
    return {
        "version": "1.5.0",
        "data": grunn,
        "innsendingstidspunkt": "2024-03-01T12:00:00.000Z",
        "mottaker": {"kommunenummer": "0301", "enhetsnummer": "0301", "navEnhetsnavn": "NAV Test"},
        "driftsinformasjon": {
            "utbetalingerFraNavFeilet": False,
            "inntektFraSkatteetatenFeilet": False,
            "stotteFraHusbankenFeilet": False,
        },
        "kompatibilitet": [],
    }


# --- every file in the folder: an assessment or a clear rejection ---------------------------------


@pytest.mark.parametrize("fil", ALLE_FILER, ids=lambda p: str(p.relative_to(EKSTERN)))
@pytest.mark.parametrize("dato", [None, "2024-03-01"], ids=["innsendingstidspunkt", "--dato"])
@pytest.mark.parametrize("format_", ["tekst", "json"])
def test_hver_fil_gir_vurdering_eller_tydelig_avvisning(
    fil: Path, dato: str | None, format_: str
) -> None:
    argumenter = ["soknad", str(fil), "--format", format_, *(["--dato", dato] if dato else [])]
    kode, ut, err = kjor_inne(*argumenter)
    assert kode in (0, 2), err
    assert "Traceback" not in ut + err and "Intern feil" not in err
    if format_ == "json":
        data = json.loads(ut)
        if kode == 0:
            assert {"vedtak", "soknad"} <= set(data)
        else:
            assert data["feil"] and all(f["felt"] and f["melding"] for f in data["feil"])
    elif kode == 0:
        assert "Opplysningenes kilde" in ut and "Ikke brukt" in ut
    else:
        assert err.startswith("Saken ble avvist:") and ":" in err.splitlines()[1]


@pytest.mark.parametrize(
    "navn",
    [
        "soknad-minimal.json",
        "soknad-brukerdata.json",
        "soknad-systemdata.json",
        "examples/7.json",
        "soknad-cases/familie_barn_minimal-barn.json",
        "README.md",
    ],
)
def test_som_egen_prosess(navn: str) -> None:
    """A handful of files through the console script itself (``kjor`` checks no traceback)."""
    kjoring = kjor("soknad", EKSTERN / navn, "--dato", "2024-03-01")
    assert kjoring.kode in (0, 2), kjoring.feil


def test_antall_filer_som_vurderes_og_avvises() -> None:
    """The folder's files without --dato and with it: how many are assessed (0) and rejected (2)."""
    for dato, assessed in ((None, 0), ("2024-03-01", 4)):
        koder = [
            kjor_inne("soknad", str(f), *(["--dato", dato] if dato else []))[0] for f in ALLE_FILER
        ]
        assert set(koder) <= {0, 2}
        assert koder.count(0) == assessed, (dato, koder)


# --- NAV's samples --------------------------------------------------------------------------------


def test_brukerdata_husstand_kilder_og_ikke_brukt() -> None:
    resultat, vurdering = vurder_soknad(les("soknad-brukerdata.json"), "2024-03-01")
    roller = [p["rolle"] for p in resultat.sak["personer"]]
    assert roller == ["soker", "barn"]  # the spouse and one child do not live with the applicant
    assert resultat.sak["personer"][1]["fodselsdato"] == "2011-10-30"
    assert resultat.proveniens["personer[1].fodselsdato"] == "bruker"
    kilde = resultat.kilder["boutgifter[0].belop_per_maned"]
    assert (kilde.kilde, kilde.soknadssti, kilde.tittel) == (
        "bruker",
        "data.okonomi.oversikt.utgift[1].belop",
        "Husleie",
    )
    # one-off payments (utbytte, salg, …) are left to the caseworker: income is then unknown
    assert "inntekter" not in resultat.sak
    grunner = {i.type: i.grunn for i in resultat.ikke_brukt}
    assert "utbytte" in grunner and "saksbehandler vurderer" in grunner["utbytte"]
    livsopphold = vurdering.vedtak["livsopphold"]
    assert livsopphold.utfall is Utfall.UAVKLART and "inntekter" in livsopphold.mangler
    assert any("ektefellen" in s for s in resultat.apne_sporsmal)
    assert resultat.kompatibilitet[0].endswith("Statsborgerskap: Norge")
    tekst = resultat.tekst()
    assert "Opplysningenes kilde" in tekst and "Ikke brukt" in tekst
    assert "kilde: bruker" in tekst and "«Husleie»" in tekst


def test_systemdata_med_ugyldig_dato_avvises_og_navngir_feltet() -> None:
    with pytest.raises(UgyldigSak) as info:
        fra_soknad(les("soknad-systemdata.json"))
    assert [(f.felt, f.verdi) for f in info.value.feil] == [
        ("data.arbeid.forhold[2].tom", "2017-13-01")
    ]


def test_systemdata_registeropplysninger_med_kilde_system() -> None:
    data = les("soknad-systemdata.json")
    data["data"]["arbeid"]["forhold"][2]["tom"] = "2017-12-01"
    del data["data"]["okonomi"]["opplysninger"]["utbetaling"][0]  # the one-off dividend
    resultat, vurdering = vurder_soknad(data)
    assert resultat.sak["vurderingsdato"] == "2018-10-04"  # innsendingstidspunkt, in Norway
    inntekter = {i["type"]: i["belop_per_maned"] for i in resultat.sak["inntekter"]}
    # netto where given; wages from Skatteetaten: brutto 18 452 less 2 500 withheld
    assert inntekter == {
        "sykepenger": 18201,
        "pensjon": 14952,
        "arbeidsinntekt": 15952,
        "bostotte": 6000,
    }
    assert {resultat.proveniens[f"inntekter[{i}].belop_per_maned"] for i in range(4)} == {"system"}
    assert resultat.kilder["inntekter[2].belop_per_maned"].soknadssti.endswith("[2].brutto")
    assert resultat.sak["bofellesskap"] is True  # botype «venner»
    assert vurdering.vedtak["livsopphold"].utfall is Utfall.IKKE_OPPFYLT


def test_eksemplene_leses_uten_krasj_nar_versjonen_er_1() -> None:
    """The random examples carry random major versions (rejected); with 1.0.0 their content
    is read: each gives an assessment or a rejection, never another exception."""
    for fil in sorted((EKSTERN / "examples").glob("*.json")):
        data = json.loads(fil.read_text("utf-8"))
        data["version"] = "1.0.0"
        try:
            resultat, vurdering = vurder_soknad(data, "2024-03-01")
        except UgyldigSak as exc:
            assert exc.feil
            continue
        assert resultat.driftsfeil  # their driftsinformasjon is not an object: unknown
        assert vurdering.vedtak["livsopphold"].utfall is Utfall.UAVKLART


# --- the mapping, on applications built here ------------------------------------------------------


def test_en_hel_soknad_vurderes_med_belop_og_kilder() -> None:
    resultat, vurdering = vurder_soknad(soknad())
    assert resultat.sak == {
        "vurderingsdato": "2024-03-01",
        "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}],
        "bofellesskap": False,
        "inntekter": [{"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": 5000}],
        "boutgifter": [
            {"type": "husleie", "belop_per_maned": 8000},
            {"type": "strom", "belop_per_maned": 700},
        ],
        "andre_utgifter": [],
        "formue": [{"type": "bankinnskudd", "belop": 2000, "person": "p1"}],
    }
    # 7 850 (single, 2024) + 8 700 housing − 5 000 net wages
    assert vurdering.vedtak["livsopphold"].belop_per_maned == 11550
    assert resultat.kilder["inntekter[0].belop_per_maned"].soknadssti == (
        "data.okonomi.oversikt.inntekt[0].netto"
    )
    assert resultat.proveniens["bofellesskap"] == "bruker"


def test_cli_skriver_forklaringen_og_kildene(tmp_path: Path) -> None:
    fil = tmp_path / "soknad.json"
    fil.write_text(json.dumps(soknad()), "utf-8")
    kjoring = kjor("soknad", fil)
    assert kjoring.kode == 0, kjoring.feil
    forklaring, _, kilder = kjoring.ut.partition("Opplysningenes kilde")
    assert "11 550 kr" in forklaring and "STØNAD TIL LIVSOPPHOLD" in forklaring
    assert "inntekter[0].belop_per_maned = 5000  [kilde: bruker;" in kilder
    assert "Ikke brukt" in kilder
    sak = json.loads(kjor("soknad", fil, "--format", "sak").ut)
    assert sak["inntekter"][0]["belop_per_maned"] == 5000
    assert kjor("vurder", "-", stdin=json.dumps(sak)).kode == 0
    engelsk = kjor("soknad", fil, "--sprak", "en").ut
    assert "Sources of the facts" in engelsk and "Not used" in engelsk


@pytest.mark.parametrize(
    "flagg",
    ["utbetalingerFraNavFeilet", "inntektFraSkatteetatenFeilet", "stotteFraHusbankenFeilet"],
)
def test_et_registeroppslag_som_feilet_gjor_inntektene_ukjente(flagg: str) -> None:
    data = soknad()
    data["driftsinformasjon"][flagg] = True
    resultat, vurdering = vurder_soknad(data)
    assert "inntekter" not in resultat.sak
    assert [(d.flagg, d.ukjent) for d in resultat.driftsfeil] == [(flagg, ("inntekter",))]
    assert vurdering.vedtak["livsopphold"].mangler == ("inntekter",)
    assert "Registeroppslag som feilet" in resultat.tekst()
    assert any(flagg in i.grunn for i in resultat.ikke_brukt)


def test_ukjente_typekoder_godtas_og_listes_som_ikke_brukt() -> None:
    data = soknad()
    okonomi = data["data"]["okonomi"]
    okonomi["oversikt"]["utgift"].append(
        {
            "kilde": "bruker",
            "type": "nyUtgiftstype",
            "tittel": "Ny",
            "belop": 10,
            "overstyrtAvBruker": False,
        }
    )
    okonomi["oversikt"]["formue"].append(
        {
            "kilde": "bruker",
            "type": "kryptovaluta",
            "tittel": "Krypto",
            "belop": 5,
            "overstyrtAvBruker": False,
        }
    )
    resultat, vurdering = vurder_soknad(data)
    ikke = {i.type: i for i in resultat.ikke_brukt}
    assert ikke["nyUtgiftstype"].grunn == "ukjent typekode"
    assert ikke["kryptovaluta"].soknadssti == "data.okonomi.oversikt.formue[1]"
    assert vurdering.vedtak["livsopphold"].belop_per_maned == 11550  # expenses still known
    # an unknown income type makes the income unknown: § 18 counts every income
    okonomi["oversikt"]["inntekt"].append(
        {
            "kilde": "bruker",
            "type": "lottogevinst",
            "tittel": "Lotto",
            "netto": 100,
            "overstyrtAvBruker": False,
        }
    )
    resultat, vurdering = vurder_soknad(data)
    assert "inntekter" not in resultat.sak
    assert vurdering.vedtak["livsopphold"].utfall is Utfall.UAVKLART


def test_registeropplysning_erstatter_brukerens_egen_og_overstyring_vises() -> None:
    data = soknad()
    data["data"]["okonomi"]["opplysninger"]["utbetaling"] = [
        {
            "kilde": "system",
            "type": "skatteetaten",
            "tittel": "Lønn",
            "brutto": 7000.0,
            "skattetrekk": -1800.0,
            "periodeFom": "2024-01-01",
            "periodeTom": "2024-01-31",
            "overstyrtAvBruker": False,
        },
        {
            "kilde": "system",
            "type": "skatteetaten",
            "tittel": "Lønn",
            "brutto": 7200.0,
            "skattetrekk": -1900.0,
            "periodeFom": "2024-02-01",
            "periodeTom": "2024-02-29",
            "overstyrtAvBruker": True,
        },
    ]
    resultat, _ = vurder_soknad(data)
    assert resultat.sak["inntekter"] == [
        {"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": 5300}
    ]
    kilde = resultat.kilder["inntekter[0].belop_per_maned"]
    assert (kilde.kilde, kilde.overstyrt) == ("system", True)
    grunner = {i.soknadssti: i.grunn for i in resultat.ikke_brukt}
    assert "eldre utbetaling" in grunner["data.okonomi.opplysninger.utbetaling[0]"]
    assert "registeropplysningen" in grunner["data.okonomi.oversikt.inntekt[0]"]
    assert "(overstyrt av bruker)" in resultat.tekst()


def test_ektefelle_samboer_og_barn() -> None:
    familie = {
        "sivilstatus": {
            "kilde": "bruker",
            "status": "gift",
            "ektefelle": {"navn": {"fornavn": "Kari"}, "fodselsdato": "1991-11-30"},
            "borSammenMed": True,
        },
        "forsorgerplikt": {
            "ansvar": [
                {
                    "barn": {
                        "kilde": "system",
                        "navn": {"fornavn": "A"},
                        "fodselsdato": "2015-05-05",
                    },
                    "erFolkeregistrertSammen": {"kilde": "system", "verdi": True},
                    "harDeltBosted": {"kilde": "bruker", "verdi": True},
                },
                {"barn": {"kilde": "bruker", "navn": {"fornavn": "B"}}},
            ]
        },
    }
    data = soknad(
        familie=familie, bosituasjon={"kilde": "bruker", "botype": "leier", "antallPersoner": 3}
    )
    resultat, vurdering = vurder_soknad(data)
    assert resultat.sak["personer"][1:] == [
        {"id": "p2", "rolle": "ektefelle", "fodselsdato": "1991-11-30"},
        {"id": "b1", "rolle": "barn", "fodselsdato": "2015-05-05"},
    ]
    assert "bofellesskap" not in resultat.sak  # a couple has its own rate
    assert resultat.proveniens["personer[2].rolle"] == "system"
    sporsmal = " ".join(resultat.apne_sporsmal)
    assert "delt bosted" in sporsmal and "Barnet B" in sporsmal
    assert vurdering.vedtak["livsopphold"].belop_per_maned is not None
    samboer = soknad(
        familie={"sivilstatus": {"kilde": "bruker", "status": "samboer"}, "forsorgerplikt": {}}
    )
    assert fra_soknad(samboer).sak["personer"][1] == {"id": "p2", "rolle": "samboer"}
    ukjent = copy.deepcopy(data)
    del ukjent["data"]["familie"]["sivilstatus"]["borSammenMed"]
    resultat = fra_soknad(ukjent)
    assert [p["rolle"] for p in resultat.sak["personer"]] == ["soker", "barn"]
    assert "bofellesskap" not in resultat.sak  # who lives together is open: not guessed


@pytest.mark.parametrize(
    ("bosituasjon", "bofellesskap"),
    [
        ({"kilde": "bruker", "botype": "venner"}, True),
        ({"kilde": "bruker", "botype": "foreldre", "antallPersoner": 3}, True),
        ({"kilde": "bruker", "botype": "eier", "antallPersoner": 1}, False),
        ({"kilde": "bruker", "botype": "leier", "antallPersoner": 2}, None),
        ({"kilde": "bruker", "botype": "ingen"}, None),
        ({"kilde": "bruker"}, None),
    ],
)
def test_bofellesskap_fra_bosituasjon(
    bosituasjon: dict[str, Any], bofellesskap: bool | None
) -> None:
    resultat = fra_soknad(soknad(bosituasjon=bosituasjon))
    assert resultat.sak.get("bofellesskap") is bofellesskap
    if bofellesskap is None:
        assert any("bofellesskap" in s for s in resultat.apne_sporsmal)


# --- dates and rejections -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tidspunkt", "dato"),
    [
        ("2024-02-29T23:30:00Z", "2024-03-01"),  # after midnight in Norway
        ("2024-06-30T22:30:00.000Z", "2024-07-01"),  # summer time
        ("2024-03-01T10:00:00+01:00", "2024-03-01"),
        ("2024-03-01T10:00:00", "2024-03-01"),
    ],
)
def test_vurderingsdato_fra_innsendingstidspunkt_i_norge(tidspunkt: str, dato: str) -> None:
    data = soknad()
    data["innsendingstidspunkt"] = tidspunkt
    assert fra_soknad(data).sak["vurderingsdato"] == dato
    assert fra_soknad(data, "2024-05-05").sak["vurderingsdato"] == "2024-05-05"


@pytest.mark.parametrize(
    ("endre", "felt"),
    [
        (lambda d: d.pop("innsendingstidspunkt"), "innsendingstidspunkt"),
        (lambda d: d.update(innsendingstidspunkt="i går"), "innsendingstidspunkt"),
        (lambda d: d.update(version="2.0.0"), "version"),
        (lambda d: d.update(version="1.0"), "version"),
        (lambda d: d.pop("version"), "version"),
        (lambda d: d.pop("data"), "data"),
        (
            lambda d: d["data"]["personalia"].update(fodselsdato="1990-02-30"),
            "data.personalia.fodselsdato",
        ),
        (
            lambda d: d["data"]["okonomi"]["oversikt"]["inntekt"][0].update(netto="5000"),
            "data.okonomi.oversikt.inntekt[0].netto",
        ),
        (
            lambda d: d["data"]["okonomi"]["oversikt"]["utgift"][0].update(belop=-1),
            "data.okonomi.oversikt.utgift[0].belop",
        ),
        (lambda d: d["data"].update(familie=[]), "data.familie"),
        (
            lambda d: d["data"]["bosituasjon"].update(antallPersoner="to"),
            "data.bosituasjon.antallPersoner",
        ),
    ],
)
def test_avvisning_navngir_feltet_i_soknaden(endre: Any, felt: str) -> None:
    data = soknad()
    endre(data)
    with pytest.raises(UgyldigSak) as info:
        vurder_soknad(data)
    assert felt in [f.felt for f in info.value.feil], info.value.feil


def test_kontraktens_avvisning_navngir_feltet_i_soknaden() -> None:
    familie = {
        "forsorgerplikt": {
            "ansvar": [
                {
                    "barn": {"kilde": "bruker", "navn": {}, "fodselsdato": "1980-01-01"},
                    "borSammenMed": {"kilde": "bruker", "verdi": True},
                }
            ]
        }
    }
    with pytest.raises(UgyldigSak) as info:
        vurder_soknad(soknad(familie=familie))
    (feil,) = info.value.feil
    assert feil.felt == "data.familie.forsorgerplikt.ansvar[0].barn.fodselsdato"
    assert "personer[1].fodselsdato" in feil.melding  # and where it went in the case


def test_ikke_en_soknad() -> None:
    with pytest.raises(UgyldigSak) as info:
        fra_soknad(les("digisos-soker-komplett.json"))
    assert info.value.feil[0].felt == "hendelser"
    with pytest.raises(UgyldigSak) as info:
        fra_soknad("[1, 2]")
    assert info.value.feil[0].felt == "$"
    with pytest.raises(UgyldigSak):
        fra_soknad("{ikke json")


# --- robustness: arbitrary values anywhere in an application --------------------------------------

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda barn: (
        st.lists(barn, max_size=3) | st.dictionaries(st.text(max_size=8), barn, max_size=3)
    ),
    max_leaves=6,
)


def _stier(data: Any, sti: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    ut = [sti]
    if isinstance(data, dict):
        for k, v in data.items():
            ut += _stier(v, (*sti, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            ut += _stier(v, (*sti, i))
    return ut


@settings(max_examples=150)
@given(st.data())
def test_vilkarlige_verdier_gir_vurdering_eller_avvisning(data: st.DataObject) -> None:
    """Replace any value of NAV's full sample with any JSON value: never a crash."""
    grunn = data.draw(st.sampled_from(["soknad-brukerdata.json", "soknad-systemdata.json"]))
    soknad_ = les(grunn)
    for _ in range(data.draw(st.integers(1, 3))):
        sti = data.draw(st.sampled_from(_stier(soknad_)[1:]))
        forelder = soknad_
        for steg in sti[:-1]:
            forelder = forelder[steg]
        forelder[sti[-1]] = data.draw(_JSON)
    try:
        vurder_soknad(soknad_, "2024-03-01")
    except UgyldigSak as exc:
        assert exc.feil and all(f.felt for f in exc.feil)


@pytest.mark.parametrize(
    ("personalia", "norsk"),
    [
        ({"statsborgerskap": {"kilde": "system", "verdi": "NOR"}}, True),
        ({"statsborgerskap": {"kilde": "system", "verdi": "SWE"}}, False),
        ({"statsborgerskap": {"kilde": "system", "verdi": "XUK"}}, None),  # unknown
        ({"nordiskBorger": {"kilde": "bruker", "verdi": False}}, False),
        ({"nordiskBorger": {"kilde": "bruker", "verdi": True}}, None),  # Nordic, maybe not NOR
    ],
)
def test_statsborgerskap(personalia: dict[str, Any], norsk: bool | None) -> None:
    data = soknad()
    data["data"]["personalia"].update(personalia)
    resultat = fra_soknad(data)
    soker = resultat.sak["personer"][0]
    assert soker.get("opphold", {}).get("norsk_statsborger") is norsk
    if norsk is not None:
        kilde = resultat.kilder["personer[0].opphold.norsk_statsborger"]
        assert kilde.kilde in ("system", "bruker") and kilde.soknadssti.startswith(
            "data.personalia"
        )
