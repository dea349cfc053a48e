"""Issue 17, point 1 (the law as rules): the § 18 rates are looked up by the rules.

``sats("tabell", kolonne)``, ``barnesats("tabell", alder)`` and ``oppslag(x, [..], [..])`` in the
rule language read the rate table in force on the assessment date (a municipality's own when
given); ``livsopphold.satssum`` is a ``[[regel.sum]]`` over the persons with cases
(``tilfeller``). Each test here failed on main: the functions, the item kind ``person`` and the
sum form did not exist, and the household's column was ``SATSKOLONNE`` in Python.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sosialregler import assess
from sosialregler.inndata.errors import RegelFeil
from sosialregler.lov.kompilator.kolonne import _Uttrykksskriver
from sosialregler.lov.kompilator.uttrykk import Emitter
from sosialregler.lov.rates import Satskilde, last_satser
from sosialregler.lov.rulebook.expr import SATSKILDE, UttrykkFeil, parse, satsoppslag
from sosialregler.vurdering.rulebook_load import last_regelbok, sjekk, standard_mappe
from sosialregler.vurdering.standardbok import load_rulebook
from test_regelfiler_fiendtlige import FIENDTLIGE_UTTRYKK, KANARI, last_under_oppsyn, toml_tekst

VEIL = "statlige-veiledende-satser"
ARTER = {
    "husstand.type": "tekst",
    "person.alder": "tall",
    "person.rolle": "tekst",
    "vurderingsdato": "dato",
}

#: A guideline table with a rate change on 2024-07-01 (a boundary to pick the row by).
TABELL = """
[tabell]
id = "statlige-veiledende-satser"
navn = { nb = "Testsatser", en = "Test rates" }
enhet = "kr_per_maned"
type = "statlig"
hjemmel = { nb = "Sosialtjenesteloven § 18", en = "Social Services Act section 18" }

[[rad]]
gyldig_fra = 2024-01-01
kilde = "test"
merke = "V"
verifisert = 2026-12-05
verdier = { enslig = 1000, par = 2000, bofellesskap = 900 }
barn = [
  { fra_alder = 0, til_alder = 5, belop = 100 },
  { fra_alder = 6, til_alder = 17, belop = 200 },
]

[[rad]]
gyldig_fra = 2024-07-01
kjent_gyldig_til = 2024-12-31
kilde = "test"
merke = "V"
verifisert = 2026-12-05
verdier = { enslig = 1100, par = 2100, bofellesskap = 950 }
barn = [
  { fra_alder = 0, til_alder = 5, belop = 110 },
  { fra_alder = 6, til_alder = 17, belop = 210 },
]
"""


@pytest.fixture
def satskilde(tmp_path: Path) -> Satskilde:
    mappe = tmp_path / "satser"
    mappe.mkdir()
    (mappe / "veil.toml").write_text(TABELL, encoding="utf-8")
    return Satskilde(last_satser(mappe))


def verdi(tekst: str, kilde: Satskilde | None, **fakta: Any) -> object:
    verdier = {**fakta, **({SATSKILDE: kilde} if kilde is not None else {})}
    return parse(tekst, ARTER).evaluer(verdier)


# --- the language form ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dato", "ventet"),
    [
        (date(2024, 6, 30), Decimal(1000)),  # the day before the change: the old row
        (date(2024, 7, 1), Decimal(1100)),  # the day of the change: the new row
    ],
)
def test_sats_leser_raden_som_gjelder_pa_datoen(
    satskilde: Satskilde, dato: date, ventet: Decimal
) -> None:
    assert verdi(f'sats("{VEIL}", "enslig")', satskilde, vurderingsdato=dato) == ventet


@pytest.mark.parametrize(
    ("alder", "dato", "ventet"),
    [
        (5, date(2024, 6, 30), 100),
        (6, date(2024, 6, 30), 200),
        (17, date(2024, 7, 1), 210),
        (0, date(2024, 7, 1), 110),
        (18, date(2024, 7, 1), 0),  # older than the bands: no child rate
    ],
)
def test_barnesats_etter_aldersgruppe_og_dato(
    satskilde: Satskilde, alder: int, dato: date, ventet: int
) -> None:
    tekst = f'barnesats("{VEIL}", person.alder)'
    assert verdi(tekst, satskilde, vurderingsdato=dato, **{"person.alder": alder}) == ventet


def test_satskilden_husker_radene_som_er_brukt(satskilde: Satskilde) -> None:
    verdi(f'sats("{VEIL}", "par")', satskilde, vurderingsdato=date(2024, 3, 1))
    verdi(f'sats("{VEIL}", "enslig")', satskilde, vurderingsdato=date(2024, 3, 1))
    verdi(f'sats("{VEIL}", "enslig")', satskilde, vurderingsdato=date(2024, 8, 1))
    assert [o.rad.gyldig_fra for o in satskilde.brukt] == [date(2024, 1, 1), date(2024, 7, 1)]


def test_oppslag_gir_verdien_pa_nokkelens_plass() -> None:
    tekst = 'oppslag(husstand.type, ["enslig", "samboer_enkeltvis"], ["enslig", "bofellesskap"])'
    assert verdi(tekst, None, **{"husstand.type": "samboer_enkeltvis"}) == "bofellesskap"
    assert verdi(tekst, None, **{"husstand.type": "enslig"}) == "enslig"
    with pytest.raises(UttrykkFeil, match="finnes ikke blant nøklene"):
        verdi(tekst, None, **{"husstand.type": "par"})


def test_ukjent_kolonne_pa_en_sak_er_en_navngitt_feil(satskilde: Satskilde) -> None:
    with pytest.raises(UttrykkFeil, match="ingen verdi 'enslige'"):
        verdi(f'sats("{VEIL}", "enslige")', satskilde, vurderingsdato=date(2024, 3, 1))


def test_sats_uten_satstabeller_sier_hvor_den_kan_brukes() -> None:
    with pytest.raises(UttrykkFeil, match="bare brukes der beregningen gir satstabellene"):
        verdi(f'sats("{VEIL}", "enslig")', None, vurderingsdato=date(2024, 3, 1))


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ('sats(husstand.type, "enslig")', "navnet på en satstabell i anførselstegn"),
        (f'sats("{VEIL}", 5)', "krever tekst som nøkkel"),
        (f'barnesats("{VEIL}", "fem")', "krever tall som nøkkel"),
        (f'sats("{VEIL}")', "nøyaktig 2 argumenter"),
        (f'sats("{VEIL}", "enslig", vurderingsdato)', "nøyaktig 2 argumenter"),
        ('oppslag(husstand.type, ["a"], ["x", "y"])', "like lange"),
        ('oppslag(husstand.type, ["a", "a"], ["x", "y"])', "to ganger"),
        ('oppslag(husstand.type, husstand.type, ["x"])', "som lister"),
        ('oppslag(husstand.type, [1], ["x"])', "nøkkelen er tekst"),
        ("§satser", "ukjent tegn"),
        (f'sats("{VEIL}", "enslig").__class__', "'.' kan bare stå inne i et navn"),
        (f'sats("{VEIL}", "enslig", "__import__")', "nøyaktig 2 argumenter"),
    ],
)
def test_fiendtlige_og_gale_satsoppslag_avvises_ved_lesing(tekst: str, melding: str) -> None:
    with pytest.raises(UttrykkFeil, match=melding):
        parse(tekst, ARTER)


def test_satsoppslag_finner_tabell_og_kolonner() -> None:
    u = parse(
        f'sats("{VEIL}", oppslag(husstand.type, ["enslig", "par"], ["enslig", "par"]))'
        f' + barnesats("{VEIL}", person.alder)',
        ARTER,
    )
    assert sorted(satsoppslag(u.tre)) == [
        ("barnesats", VEIL, None),
        ("sats", VEIL, ("enslig", "par")),
    ]
    assert u.navn == ("husstand.type", "vurderingsdato", "person.alder")


@pytest.mark.parametrize("skriver", [Emitter, _Uttrykksskriver])
def test_kompilatorene_overlater_satsoppslag_til_lukningen(skriver: Callable[..., Any]) -> None:
    """The compiled engine and the columnar writer leave the form to the closure (the same one
    the interpreter runs), so the three cannot differ on it."""
    lokaler = {n: f"v{i}" for i, n in enumerate(ARTER)}
    u = parse(f'sats("{VEIL}", "enslig")', ARTER)
    ut = skriver(lokaler, lambda v: "K").skriv(u) if skriver is Emitter else None
    if skriver is not Emitter:
        ut = skriver(lokaler, lambda v: "K").verdi(u)
    assert ut is None


# --- the rule files ------------------------------------------------------------------------------


@pytest.fixture
def kopi(tmp_path: Path) -> Callable[[str, str], Path]:
    """A copy of the shipped rules folder with one replacement in the § 18 rule file."""

    def lag(gammel: str, ny: str) -> Path:
        mappe = tmp_path / "regler"
        shutil.copytree(standard_mappe(), mappe)
        fil = mappe / "stl-18-livsopphold.toml"
        tekst = fil.read_text(encoding="utf-8")
        if gammel == "TILFELLER":  # the whole list of cases
            start = tekst.index("tilfeller = [")
            gammel = tekst[start : tekst.index("\n]\n", start) + 2]
        assert gammel in tekst
        fil.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")
        return mappe

    return lag


KOLONNER = '["enslig", "par", "bofellesskap", "bofellesskap"]'


def sak(**felt: Any) -> dict[str, Any]:
    grunn: dict[str, Any] = {
        "vurderingsdato": "2024-03-01",
        "personer": [
            {"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"},
            {"id": "p2", "rolle": "samboer", "fodselsdato": "1990-01-01", "felles_okonomi": False},
        ],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [],
        "individuell_vurdering": "Vurdert konkret.",
    }
    grunn.update(felt)
    return grunn


def poster(a: Any) -> dict[str, Decimal]:
    return {linje.post: linje.belop for linje in a.vedtak["livsopphold"].beregning}


def test_kolonnen_en_husstandstype_tar_er_regelens(kopi: Callable[[str, str], Path]) -> None:
    """Changing which column a cohabitant assessed alone takes, in a copied rules folder,
    changes the amount: no code changed."""
    for_ = assess(sak())
    assert poster(for_) == {"sats_samboer_enkeltvis": 6600}  # bofellesskap, 2024
    bok = load_rulebook(kopi(KOLONNER, '["enslig", "par", "par", "bofellesskap"]'))
    etter = assess(sak(), regler=bok)
    assert poster(etter) == {"sats_samboer_enkeltvis": 13100}  # the couple's column
    assert etter.vedtak["livsopphold"].belop_per_maned == 13100


def test_kommunens_satser_er_det_oppslaget_leser() -> None:
    bok = load_rulebook(
        satser=Path(__file__).parent.parent / "examples/kommunale-satser-eksempel.toml"
    )
    barn = {"id": "b1", "rolle": "barn", "fodselsdato": "2020-01-01"}  # 4 on the date
    a = assess(sak(personer=[sak()["personer"][0], barn]), regler=bok)
    assert poster(a) == {"sats_enslig": 8000, "sats_barn_0_5": 4000}
    assert a.vedtak["livsopphold"].belop_per_maned == 12000
    (rad,) = a.satser
    assert rad["type"] == "kommunal" and rad["gyldig_fra"] == "2024-01-01"


def test_ukjent_husstandstype_og_fodselsdato_navngis() -> None:
    barn = {"id": "b1", "rolle": "barn"}  # no birth date
    alder = {"id": "b2", "rolle": "barn", "fodselsdato": "2020-01-01"}
    # The applicant listed last: the household's rate is still named first.
    personer = [barn, alder, sak()["personer"][0]]
    tilfelle = sak(personer=personer)
    del tilfelle["bofellesskap"]  # single, not known whether sharing a household
    ls = assess(tilfelle).vedtak["livsopphold"]
    assert ls.belop_per_maned is None
    assert ls.mangler == ("bofellesskap", "personer[0].fodselsdato")
    # What is known is still shown: the known child's rate, no adult line.
    assert poster(assess(tilfelle)) == {"sats_barn_0_5": 3850}


def problemer(mappe: Path, satser: Path | None = None) -> list[str]:
    bok, funnet = sjekk(mappe, satser)
    assert bok is None
    return [str(p) for p in funnet]


def test_manglende_kolonne_er_en_lastefeil(kopi: Callable[[str, str], Path]) -> None:
    mappe = kopi(KOLONNER, '["enslig", "par", "bofellesskap", "bofelleskap"]')
    (feil,) = problemer(mappe)
    assert "stl-18-livsopphold.toml [regel stl-18-utmaling]" in feil
    assert "kolonnen 'bofelleskap' mangler i satstabellen" in feil
    with pytest.raises(RegelFeil, match="bofelleskap"):
        last_regelbok(mappe)


def test_ukjent_tabell_er_en_lastefeil(kopi: Callable[[str, str], Path]) -> None:
    mappe = kopi(f'barnesats("{VEIL}"', 'barnesats("statlige-satser"')
    (feil,) = problemer(mappe)
    assert "[regel stl-18-utmaling]" in feil and "ukjent satstabell" in feil


def test_kommunal_tabell_uten_kolonnen_er_en_lastefeil(
    kopi: Callable[[str, str], Path], tmp_path: Path
) -> None:
    mappe = kopi(KOLONNER, '["enslig", "par", "bofellesskap", "bofellesskap_kommune"]')
    # The state's table gets the column; the municipality's lacks it: both are checked.
    veil = mappe / "satser" / "statlige-veiledende.toml"
    veil.write_text(
        veil.read_text(encoding="utf-8").replace(
            "bofellesskap = ", "bofellesskap_kommune = 1, bofellesskap = "
        ),
        encoding="utf-8",
    )
    kommune = Path(__file__).parent.parent / "examples/kommunale-satser-eksempel.toml"
    feil = problemer(mappe, kommune)
    assert any("bofellesskap_kommune" in f and "kommunale-satser-eksempel" in f for f in feil)
    assert sjekk(mappe)[0] is not None  # without the municipality's table it loads


@pytest.mark.parametrize(
    ("gammel", "ny", "melding"),
    [
        (  # a lookup in a condition: no tables there
            'vilkar = "livsopphold.udekket_behov > 0"',
            f'vilkar = \'sats("{VEIL}", "enslig") > 0\'',
            "kan bare brukes i en sum over elementer",
        ),
        (  # a lookup in a step
            'uttrykk = "max(livsopphold.udekket_behov, 0)"',
            f'uttrykk = \'max(livsopphold.udekket_behov, sats("{VEIL}", "enslig"))\'',
            "kan bare brukes i en sum over elementer",
        ),
        (  # a computed column cannot be checked at load
            f'verdi = \'sats("{VEIL}", oppslag(',
            f'verdi = \'sats("{VEIL}", husstand.type) + 0 * sats("{VEIL}", oppslag(',
            "kolonnen må stå som tekst",
        ),
        (  # a case that is not true/false
            "{ hvor = 'person.rolle == \"barn\"'",
            "{ hvor = 'person.alder'",
            "gir tall, ikke sannhetsverdi",
        ),
        (  # a fact of another scope
            "{ hvor = 'person.rolle == \"barn\"'",
            "{ hvor = 'inntekt.belop_per_maned > 0'",
            "ukjent faktum 'inntekt.belop_per_maned'",
        ),
    ],
)
def test_satsoppslag_pa_feil_sted_avvises_ved_lasting(
    kopi: Callable[[str, str], Path], gammel: str, ny: str, melding: str
) -> None:
    feil = problemer(kopi(gammel, ny))
    assert any(melding in f and "stl-18-livsopphold.toml" in f for f in feil), feil


#: Every hostile expression once, alternately as a case's condition and value (the full list
#: runs against each kind of expression in the hostile-folder tests; a folder load is ~0.5 s).
FIENDTLIGE_TILFELLER = [
    ("hvor" if i % 2 else "verdi", navn, uttrykk)
    for i, (navn, uttrykk) in enumerate(FIENDTLIGE_UTTRYKK)
]


@pytest.mark.parametrize(
    ("del_", "navn", "uttrykk"), FIENDTLIGE_TILFELLER, ids=[n for _, n, _ in FIENDTLIGE_TILFELLER]
)
def test_fiendtlige_tilfeller_lastes_ikke(
    kopi: Callable[[str, str], Path], del_: str, navn: str, uttrykk: str
) -> None:
    """Every hostile expression, as a case's condition or value: refused at load naming file,
    rule and sum; no code runs (the loader under the hostile-folder tests' audit)."""
    gammel = (
        "{ hvor = 'person.rolle == \"barn\"'"
        if del_ == "hvor"
        else f"verdi = 'barnesats(\"{VEIL}\", person.alder)'"
    )
    ny = f"{{ hvor = {toml_tekst(uttrykk)}" if del_ == "hvor" else f"verdi = {toml_tekst(uttrykk)}"
    bok, funnet, feil = last_under_oppsyn(kopi(gammel, ny))
    assert bok is None and feil is not None
    meldinger = [str(p) for p in funnet]
    assert any("stl-18-utmaling" in m and f"tilfeller[1].{del_}" in m for m in meldinger), meldinger
    assert not Path(KANARI).exists(), "uttrykket ble kjørt"


@pytest.mark.parametrize(
    ("gammel", "ny", "melding"),
    [
        ("TILFELLER", "tilfeller = 5", "tilfeller må være en ikke-tom liste"),
        ("TILFELLER", "tilfeller = []", "tilfeller må være en ikke-tom liste"),
        (
            "{ hvor = 'person.rolle == \"barn\"'",
            "{ hva = 1, hvor = 'person.rolle == \"barn\"'",
            "nøyaktig hvor og verdi",
        ),
        ('gjelder = "person"', 'gjelder = "personer"', "gjelder må være en av"),
        ('gjelder = "person"', 'gjelder = "person"\nregel = "x"', "ukjente nøkler ['regel']"),
    ],
)
def test_gal_sum_med_tilfeller_avvises(
    kopi: Callable[[str, str], Path], gammel: str, ny: str, melding: str
) -> None:
    feil = problemer(kopi(gammel, ny))
    assert any(melding in f and "stl-18-utmaling" in f for f in feil), feil


def test_barnesats_uten_aldersgruppe_a_vise_er_en_navngitt_regelfeil(
    kopi: Callable[[str, str], Path],
) -> None:
    """A rules folder whose child case gives a rate the table has no band for (a flat rate for
    a child of 19): the line cannot be named, so the case is a named rule error, not a crash;
    a child inside the bands shows the rule's amount under its band."""
    bok = load_rulebook(kopi(f'barnesats("{VEIL}", person.alder)', f'sats("{VEIL}", "enslig")'))
    ung = {"id": "b1", "rolle": "barn", "fodselsdato": "2020-01-01"}
    a = assess(sak(personer=[sak()["personer"][0], ung]), regler=bok)
    assert poster(a) == {"sats_enslig": 7850, "sats_barn_0_5": 7850}
    voksen = {"id": "b1", "rolle": "barn", "fodselsdato": "2005-01-01"}
    with pytest.raises(RegelFeil, match=r"ga 7850 for personer\[1\].*ingen aldersgruppe"):
        assess(sak(personer=[sak()["personer"][0], voksen]), regler=bok)
