"""Black-box tests of loading and linting a rules folder (``sosialregler.vurdering.rulebook_load``).

Rule files are written by legal experts, not programmers, and may be careless or hostile.
These tests protect the promise that every mistake is found at load time, reported as a
``Problem`` naming the file and the rule (so ``regler --sjekk`` can point at it), that
``last_regelbok`` refuses such a folder with a ``RegelFeil`` naming the file, and that a
valid folder answers "which version of this rule is in force on this date".
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import sosialregler
from sosialregler.vurdering.rulebook_load import Problem, last_regelbok, sjekk

REPO = Path(__file__).resolve().parent.parent

HJEMMEL = 'hjemmel = [{ kilde = "sosialtjenesteloven", paragraf = "18", ledd = 1 }]'


def regel(
    id: str = "test-regel",
    *,
    fra: str = "2010-01-01",
    til: str | None = None,
    vilkar: str = '"soker.alder >= 18"',
    ekstra: str = "",
    hjemmel: str = HJEMMEL,
    kilde: str = '"skal"',
    oppfylt_en: str = 'en = "Yes."',
    oppfylt_nb: str = 'nb = "Ja."',
    oppfylt_nn: str = 'nn = "Ja."',
    tittel: str = 'tittel = { nb = "Testregel", nn = "Testregel", en = "Test rule" }',
) -> str:
    """One ``[[regel]]`` in TOML; every argument is a place to break it."""
    linjer = [
        "[[regel]]",
        f'id = "{id}"',
        tittel,
        hjemmel,
        f"kilde = {kilde}",
        f"gyldig_fra = {fra}",
        f"gyldig_til = {til}" if til else "",
        f"vilkar = {vilkar}",
        ekstra,
        "",
        "[regel.tekst.oppfylt]",
        oppfylt_nb,
        oppfylt_nn,
        oppfylt_en,
        "",
        "[regel.tekst.ikke_oppfylt]",
        'nb = "Nei."',
        'nn = "Nei."',
        'en = "No."',
        "",
    ]
    return "\n".join(linjer) + "\n"


def omrade(hovedregel: str, id: str = "testomrade") -> str:
    """An ``[omrade]`` table whose main rule is ``hovedregel``."""
    return (
        f'[omrade]\nid = "{id}"\ntittel = {{ nb = "Test", nn = "Test", en = "Test" }}\n'
        f'hovedregel = "{hovedregel}"\n\n'
    )


LagMappe = Callable[[dict[str, str]], Path]


@pytest.fixture
def lag_mappe(tmp_path: Path) -> LagMappe:
    """Build a rules folder: the repo's kilder.toml and satser/, plus the given rule files."""

    def lag(filer: dict[str, str]) -> Path:
        mappe = tmp_path / "regler"
        mappe.mkdir()
        shutil.copy(REPO / "rules" / "kilder.toml", mappe / "kilder.toml")
        shutil.copytree(REPO / "rules" / "satser", mappe / "satser")
        for navn, tekst in filer.items():
            (mappe / navn).write_text(tekst, "utf-8")
        return mappe

    return lag


def _vis(problemer: list[Problem]) -> list[str]:
    return [str(p) for p in problemer]


def finn_problem(
    problemer: list[Problem], fil: str, regel_id: str | None, *fragmenter: str
) -> Problem:
    """The problem in ``fil`` (by file name) about ``regel_id`` whose message has the fragments."""
    for p in problemer:
        if (
            Path(p.fil).name == fil
            and p.regel == regel_id
            and all(f.lower() in p.melding.lower() for f in fragmenter)
        ):
            return p
    raise AssertionError(f"no problem {fil} [{regel_id}] {fragmenter}; got {_vis(problemer)}")


# --- A valid folder ---------------------------------------------------------------------------


def test_gyldig_minimal_mappe_lastes(lag_mappe: LagMappe) -> None:
    """The minimal folder used by every other test is itself valid (else they prove nothing)."""
    mappe = lag_mappe({"regel.toml": omrade("test-regel") + regel()})
    bok, problemer = sjekk(mappe)
    assert problemer == []
    assert bok is not None
    assert bok.digest.startswith("sha256:")
    assert [o.id for o in bok.omrader] == ["testomrade"]
    assert last_regelbok(mappe).regel("test-regel", date(2024, 3, 1)) is not None


def test_regel_velger_versjonen_i_kraft(lag_mappe: LagMappe) -> None:
    """``regel(id, dato)`` picks the version in force; outside every version it is None."""
    mappe = lag_mappe(
        {
            "a.toml": regel(til="2014-12-31"),
            "b.toml": regel(fra="2020-01-01", vilkar='"soker.alder >= 25"'),
        }
    )
    bok = last_regelbok(mappe)
    forste = bok.regel("test-regel", date(2010, 1, 1))
    siste_dag = bok.regel("test-regel", date(2014, 12, 31))
    andre = bok.regel("test-regel", date(2024, 3, 1))
    assert forste is not None and forste.info.gyldig_fra == date(2010, 1, 1)
    assert siste_dag is forste
    assert andre is not None and andre.info.gyldig_fra == date(2020, 1, 1)
    assert andre.info.fil == "b.toml"
    assert bok.regel("test-regel", date(2009, 12, 31)) is None, "before every version"
    assert bok.regel("test-regel", date(2017, 6, 1)) is None, "in the gap between versions"
    assert bok.regel("finnes-ikke", date(2024, 3, 1)) is None


def test_versjoner_som_moter_hverandre_er_lovlig(lag_mappe: LagMappe) -> None:
    """A version ending the day before the next begins is not an overlap."""
    mappe = lag_mappe({"a.toml": regel(til="2019-12-31") + regel(fra="2020-01-01")})
    assert sjekk(mappe)[1] == []


def test_mappe_som_ikke_finnes(tmp_path: Path) -> None:
    """A missing folder is a problem naming it, and ``last_regelbok`` refuses it."""
    bok, problemer = sjekk(tmp_path / "borte")
    assert bok is None
    assert problemer and "borte" in problemer[0].fil
    with pytest.raises(sosialregler.RegelFeil, match="borte"):
        last_regelbok(tmp_path / "borte")


# --- Broken folders ---------------------------------------------------------------------------

# (test id, files, file with the problem, rule id or None, message fragments)
FEIL: list[tuple[str, dict[str, str], str, str | None, tuple[str, ...]]] = [
    ("toml-syntaks", {"regel.toml": regel() + "\nx = = 1\n"}, "regel.toml", None, ("TOML",)),
    (
        "ukjent-nokkel",
        {"regel.toml": regel(ekstra="bogus = 1")},
        "regel.toml",
        "test-regel",
        ("bogus", "ukjent"),
    ),
    (
        "uten-hjemmel",
        {"regel.toml": regel(hjemmel="")},
        "regel.toml",
        "test-regel",
        ("hjemmel", "mangler"),
    ),
    (
        "hjemmel-tom-liste",
        {"regel.toml": regel(hjemmel="hjemmel = []")},
        "regel.toml",
        "test-regel",
        ("hjemmel", "mangler"),
    ),
    (
        "hjemmel-ukjent-kilde",
        {"regel.toml": regel(hjemmel='hjemmel = [{ kilde = "grunnloven", paragraf = "1" }]')},
        "regel.toml",
        "test-regel",
        ("grunnloven", "ukjent kilde", "sosialtjenesteloven"),
    ),
    (
        "kilde-maybe",
        {"regel.toml": regel(kilde='"maybe"')},
        "regel.toml",
        "test-regel",
        ("maybe", "skal", "kan", "bor"),
    ),
    (
        "til-for-fra",
        {"regel.toml": regel(til="2009-12-31")},
        "regel.toml",
        "test-regel",
        ("gyldig_til", "gyldig_fra"),
    ),
    (
        "overlapp-samme-fil",
        {"regel.toml": regel() + regel(fra="2020-01-01")},
        "regel.toml",
        "test-regel",
        ("overlapp",),
    ),
    (
        "overlapp-samme-dag",
        {"regel.toml": regel(til="2020-01-01") + regel(fra="2020-01-01")},
        "regel.toml",
        "test-regel",
        ("overlapp",),
    ),
    (
        "overlapp-to-filer",
        {"a.toml": regel(til="2020-06-30"), "b.toml": regel(fra="2020-01-01")},
        "b.toml",
        "test-regel",
        ("overlapp", "a.toml"),
    ),
    (
        "uttrykk-lar-seg-ikke-lese",
        {"regel.toml": regel(vilkar='"soker.alder >= "')},
        "regel.toml",
        "test-regel",
        ("vilkar", "lar seg ikke lese"),
    ),
    (
        "ukjent-faktum",
        {"regel.toml": regel(vilkar='"soker.skostorrelse > 40"')},
        "regel.toml",
        "test-regel",
        ("soker.skostorrelse", "ukjent faktum"),
    ),
    (
        "avgrenset-faktum-uten-gjelder",
        {"regel.toml": regel(vilkar="'inntekt.type == \"aap\"'")},
        "regel.toml",
        "test-regel",
        ("inntekt.type", "gjelder"),
    ),
    (
        "ukjent-plassholder",
        {"regel.toml": regel(oppfylt_nb='nb = "Ja, {ukjent.fakta}."')},
        "regel.toml",
        "test-regel",
        ("{ukjent.fakta}", "tekst.oppfylt"),
    ),
    (
        "mangler-engelsk-tekst",
        {"regel.toml": regel(oppfylt_en="")},
        "regel.toml",
        "test-regel",
        ("tekst.oppfylt", "nb, nn og en"),
    ),
    (
        "mangler-nynorsktekst",
        {"regel.toml": regel(oppfylt_nn="")},
        "regel.toml",
        "test-regel",
        ("tekst.oppfylt", "nb, nn og en"),
    ),
    (
        "tittel-uten-nynorsk",
        {"regel.toml": regel(tittel='tittel = { nb = "Testregel", en = "Test rule" }')},
        "regel.toml",
        "test-regel",
        ("tittel", "nn"),
    ),
    (
        "skjonn-uten-nynorsk",
        {"regel.toml": regel(vilkar='{ skjonn = { nb = "Rimelig?", en = "Fair?" } }')},
        "regel.toml",
        "test-regel",
        ("skjonn", "nb, nn og en"),
    ),
    (
        "omrade-tittel-uten-nynorsk",
        {
            "regel.toml": omrade("test-regel").replace('nn = "Test", ', "") + regel(),
        },
        "regel.toml",
        None,
        ("[omrade]", "nn"),
    ),
    (
        "mangler-bokmalstekst",
        {"regel.toml": regel(oppfylt_nb="")},
        "regel.toml",
        "test-regel",
        ("tekst.oppfylt", "nb, nn og en"),
    ),
    (
        "ukjent-regelreferanse",
        {"regel.toml": regel(vilkar='{ regel = "finnes-ikke" }')},
        "regel.toml",
        "test-regel",
        ("finnes-ikke", "ukjent regel"),
    ),
    (
        "sirkel-av-to",
        {
            "regel.toml": regel("a-regel", vilkar='{ regel = "b-regel" }')
            + regel("b-regel", vilkar='{ regel = "a-regel" }')
        },
        "regel.toml",
        "a-regel",
        ("sirkulær", "a-regel", "b-regel"),
    ),
    (
        "sirkel-av-en",
        {"regel.toml": regel("a-regel", vilkar='{ regel = "a-regel" }')},
        "regel.toml",
        "a-regel",
        ("sirkulær",),
    ),
    (
        "unntak-fra-ukjent",
        {"regel.toml": regel(ekstra='unntak_fra = "finnes-ikke"\ngir = "ikke_oppfylt"')},
        "regel.toml",
        "test-regel",
        ("unntak_fra", "finnes-ikke"),
    ),
    (
        "unntak-uten-gir",
        {"regel.toml": regel("hoved") + regel("unntaket", ekstra='unntak_fra = "hoved"')},
        "regel.toml",
        "unntaket",
        ("gir",),
    ),
    (
        "omrade-ukjent-hovedregel",
        {"regel.toml": omrade("finnes-ikke") + regel()},
        "regel.toml",
        None,
        ("finnes-ikke", "omr"),
    ),
    (
        "fiendtlig-import",
        {"regel.toml": regel(vilkar="'__import__(\"os\")'")},
        "regel.toml",
        "test-regel",
        ("vilkar", "__"),
    ),
    (
        "fiendtlig-dunder-attributt",
        {"regel.toml": regel(vilkar="'a.__class__'")},
        "regel.toml",
        "test-regel",
        ("vilkar", "__class__"),
    ),
    (
        "fiendtlig-betinget-uttrykk",
        {"regel.toml": regel(vilkar="'1 if 2 else 3'")},
        "regel.toml",
        "test-regel",
        ("vilkar", "if"),
    ),
    (
        "fiendtlig-lambda",
        {"regel.toml": regel(vilkar="'lambda: 1'")},
        "regel.toml",
        "test-regel",
        ("vilkar", "lar seg ikke lese"),
    ),
    (
        "fiendtlig-langt-uttrykk",
        {"regel.toml": regel(vilkar='"' + " og ".join(["sann"] * 3000) + '"')},
        "regel.toml",
        "test-regel",
        ("vilkar", "for langt"),
    ),
]


@pytest.mark.parametrize(
    ("filer", "fil", "regel_id", "fragmenter"), [pytest.param(*r[1:], id=r[0]) for r in FEIL]
)
def test_feil_i_regelmappen(
    lag_mappe: LagMappe,
    filer: dict[str, str],
    fil: str,
    regel_id: str | None,
    fragmenter: tuple[str, ...],
) -> None:
    """Each mistake is a Problem naming file and rule; loading refuses the folder, naming the file.

    ``sjekk`` returns no rulebook at all: half a rulebook would assess cases with rules missing.
    """
    mappe = lag_mappe(filer)
    bok, problemer = sjekk(mappe)
    assert bok is None
    problem = finn_problem(problemer, fil, regel_id, *fragmenter)
    assert fil in str(problem)
    if regel_id:
        assert regel_id in str(problem)
    with pytest.raises(sosialregler.RegelFeil) as info:
        last_regelbok(mappe)
    assert isinstance(info.value, ValueError)
    assert fil in str(info.value)
    if regel_id:
        assert regel_id in str(info.value)


def test_alle_feil_rapporteres_samtidig(lag_mappe: LagMappe) -> None:
    """Linting lists every problem across files, not only the first."""
    mappe = lag_mappe(
        {
            "a.toml": regel("a-regel", kilde='"maybe"'),
            "b.toml": regel("b-regel", vilkar='"soker.skostorrelse > 40"'),
        }
    )
    _, problemer = sjekk(mappe)
    finn_problem(problemer, "a.toml", "a-regel", "maybe")
    finn_problem(problemer, "b.toml", "b-regel", "skostorrelse")


def test_toml_feil_har_filnavnet_som_fil(lag_mappe: LagMappe) -> None:
    """``Problem.fil`` is the same kind of value for every problem: the file name."""
    mappe = lag_mappe({"regel.toml": regel() + "\nx = = 1\n"})
    _, problemer = sjekk(mappe)
    assert [p.fil for p in problemer] == ["regel.toml"]


def test_dobbelt_omrade_navngir_filen(lag_mappe: LagMappe) -> None:
    """An area defined twice is reported against a file that defines it."""
    mappe = lag_mappe({"a.toml": omrade("test-regel") + regel(), "b.toml": omrade("test-regel")})
    bok, problemer = sjekk(mappe)
    assert bok is None
    assert problemer
    assert all(p.fil in {"a.toml", "b.toml"} for p in problemer), _vis(problemer)


def test_dypt_nostet_regelfil_er_et_problem(lag_mappe: LagMappe) -> None:
    """A hostile, deeply nested condition is a Problem for its file, not a crash."""
    dybde = 1000
    vilkar = "{ ikke = " * dybde + '"sann"' + " }" * dybde
    mappe = lag_mappe({"regel.toml": regel(vilkar=vilkar)})
    bok, problemer = sjekk(mappe)
    assert bok is None
    assert any(Path(p.fil).name == "regel.toml" for p in problemer)
