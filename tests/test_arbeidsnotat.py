"""The caseworker's working paper (``--format tekst``) in bokmål, nynorsk and English.

A new user found research notes, source tags, internal ids, snake_case values, English words,
contradictions and repeated sections in the Norwegian text (issue 16). These tests hold the
working paper to what a caseworker can read: for the examples and for generated cases, no rule
id, code value, source tag or English word in nb/nn text; each person by who they are; unknown
facts once, under the missing facts; golden papers in nb and nn.
"""

from __future__ import annotations

import json
import os
import re
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sosialregler import api
from sosialregler.inndata import facts
from sosialregler.utdata.explain import POSTER, forklar
from sosialregler.verktoy import testing
from sosialregler.vurdering.katalog import KATALOG, VERDIER
from sosialregler.vurdering.rulebook_load import last_regelbok

ROT = Path(__file__).resolve().parent.parent
EKSEMPLER = sorted((ROT / "examples").glob("*.json"))
GOLDEN = ROT / "tests" / "golden" / "arbeidsnotat"
REGEL_IDER = frozenset(last_regelbok().regler)

SNAKE = re.compile(r"\b[a-zA-Z0-9]+(?:_[a-zA-Z0-9]+)+\b")
KILDEMERKE = re.compile(r"\bS\d+:|\[(?:V|V2|M)\b|GitHub|\.kt\b|UNVERIFIED|[Aa]ddendum")
#: Code values written without æ, ø, å (``bostotte``): in a text they are a code, not a word.
ASCIIKODER = frozenset(
    kode
    for kode, (nb, _, _) in VERDIER.items()
    if "_" not in kode and re.search("[æøå]", nb) and not re.search("[æøå]", kode)
)
#: Words that are English and not Norwegian: one of them in an nb/nn text is a leak.
ENGELSK = frozenset(
    [
        "the",
        "and",
        "of",
        "which",
        "with",
        "from",
        "about",
        "this",
        "that",
        "is",
        "are",
        "was",
        "were",
        "file",
        "repository",
        "library",
        "source",
        "sources",
        "rate",
        "rates",
        "unverified",
        "english",
        "norwegian",
        "month",
        "year",
        "yes",
        "none",
        "unknown",
        "assessment",
        "decision",
        "applicant",
        "household",
        "income",
        "support",
    ]
)


def _uten_lenker(tekst: str) -> str:
    return "\n".join(linje for linje in tekst.splitlines() if "https://" not in linje)


def _strenger(sak: typing.Any) -> list[str]:
    """Every text the case itself holds (ids, descriptions): the case's words, not ours."""
    if isinstance(sak, dict):
        return [t for v in sak.values() for t in _strenger(v)]
    if isinstance(sak, list):
        return [t for v in sak for t in _strenger(v)]
    return [sak] if isinstance(sak, str) else []


def problemer(tekst: str, sprak: str, sak: typing.Any = None) -> list[str]:
    """What a working paper must not contain, as readable complaints."""
    tekst = _uten_lenker(tekst)
    for del_ in sorted(_strenger(sak), key=len, reverse=True):
        if len(del_) >= 3 or "_" in del_:
            tekst = re.sub(rf"(?<!\w){re.escape(del_)}(?!\w)", " ", tekst)
    funn = [f"regel-id {rid}" for rid in REGEL_IDER if re.search(rf"\b{re.escape(rid)}\b", tekst)]
    funn += [f"kodeverdi {m}" for m in SNAKE.findall(tekst)]
    funn += [f"kodeverdi {m}" for m in re.findall(r"\b[a-z]+\b", tekst) if m in ASCIIKODER]
    funn += [f"kildemerke {m}" for m in KILDEMERKE.findall(tekst)]
    funn += [f"sti {m}" for m in re.findall(r"\b[a-z][a-z_0-9]*\[\d*\]", tekst)]
    if sprak in ("nb", "nn"):
        ord_ = {o.lower() for o in re.findall(r"[A-Za-zÆØÅæøå]+", re.sub(r"«[^»]*»", "", tekst))}
        funn += [f"engelsk ord {o!r}" for o in sorted(ord_ & ENGELSK)]
        funn += [
            f"«ukjent»-linje: {linje.strip()}"
            for linje in tekst.splitlines()
            if re.search(r": ukjen[dt]$", linje)
        ]
    return funn


def _papir(sak: dict[str, typing.Any] | str, sprak: str) -> str:
    vurdering = api.assess(sak)
    return vurdering.explain(sprak).replace(vurdering.regler, "sha256:…")


@pytest.mark.parametrize("sprak", ["nb", "nn", "en"])
@pytest.mark.parametrize("eksempel", EKSEMPLER, ids=lambda p: p.stem)
def test_eksemplenes_arbeidsnotat_er_rene(eksempel: Path, sprak: str) -> None:
    tekst = _papir(eksempel.read_text(encoding="utf-8"), sprak)
    assert problemer(tekst, sprak) == []


@settings(
    max_examples=int(os.environ.get("ARBEIDSNOTAT_EKSEMPLER", "40")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    sak=st.one_of(
        testing.saker(komplett=False),
        testing.cases(komplett=False, andre_omrader=True),
    ),
    sprak=st.sampled_from(["nb", "nn", "en"]),
)
def test_genererte_sakers_arbeidsnotat_er_rene(sak: dict[str, typing.Any], sprak: str) -> None:
    assert problemer(_papir(sak, sprak), sprak, sak) == []


def test_rad_uten_vedtak_nevnes_ved_type_og_dato() -> None:
    """Advice given without a decision was listed as «individuell_veiledning 2024-01-10
    (radgivning[0])»: a code, an ISO date and a path (the test stripped the case's own
    strings, the code among them, so it passed)."""
    sak = {
        "vurderingsdato": "2024-03-01",
        "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}],
        "radgivning": [
            {"dato": "2024-01-10", "type": "individuell_veiledning", "vedtak_fattet": False},
            {"dato": "2024-02-12", "type": "gjeldsradgivning", "vedtak_fattet": False},
        ],
    }
    forventet = {
        "nb": "uten vedtak: individuell veiledning (10.01.2024) og gjeldsrådgivning (12.02.2024).",
        "nn": "utan vedtak: individuell rettleiing (10.01.2024) og gjeldsrådgjeving (12.02.2024).",
        "en": "without a decision: individual guidance (2024-01-10) and debt counselling "
        "(2024-02-12).",
    }
    for sprak, tekst in forventet.items():
        papir = " ".join(api.assess(sak).explain(sprak).split())
        assert tekst in papir, papir
        assert "radgivning[" not in papir and "individuell_veiledning" not in papir


def test_problemer_fanger_det_nye_brukere_fant() -> None:
    """The checker itself: each finding of issue 16 is caught (a checker that finds nothing
    would pass every paper)."""
    funnet = problemer(
        "S27: regjeringen.no (from 1.7.2024, about +5 000 kr/yr)\n"
        "G: GitHub navikt/dp-grunnbelop BarnetilleggsatsTidslinje.kt\n"
        "Inntekten (bostotte) regnes med (stl-18-1-krav).\n"
        "  lovlig opphold: ukjent\n",
        "nb",
    )
    tekst = " ".join(funnet)
    for forventet in ("S27:", "GitHub", ".kt", "bostotte", "stl-18-1-krav", "'from'", "ukjent"):
        assert forventet in tekst


def _golden(navn: str, innhold: str) -> None:
    fil = GOLDEN / navn
    if os.environ.get("OPPDATER_GOLDEN"):
        fil.write_text(innhold, encoding="utf-8")
    assert innhold == fil.read_text(encoding="utf-8"), (
        f"{navn} changed; if the change is intended, run OPPDATER_GOLDEN=1 pytest and review "
        "the diff"
    )


@pytest.mark.parametrize("sprak", ["nb", "nn"])
@pytest.mark.parametrize("eksempel", EKSEMPLER, ids=lambda p: p.stem)
def test_golden_arbeidsnotat(eksempel: Path, sprak: str) -> None:
    tekst = _papir(eksempel.read_text(encoding="utf-8"), sprak)
    _golden(f"{eksempel.stem}.{sprak}.txt", tekst + "\n")


def test_kvp_fra_saken_i_issue_16() -> None:
    """The case the new user ran: each finding, one by one."""
    kvp = (ROT / "examples" / "kvp.json").read_text(encoding="utf-8")
    nb, nn = _papir(kvp, "nb"), _papir(kvp, "nn")
    # persons by who they are, not p1/b1
    assert not re.search(r"\b[pb]1\b", nb + nn)
    assert "Barn 6–10 år (barn født 2015, 8 år)" in nb
    assert "(barn fødd 2015, 8 år)" in nn
    # the programme's reasons once, referred to from the benefit
    assert nb.count("Søkeren har vesentlig nedsatt arbeids- og inntektsevne.") == 1
    assert "Rett til kvalifiseringsprogram: se vurderingen ovenfor (oppfylt)." in nb
    # a rate table by its short name, not its sources
    assert "Satser fra 01.01.2024: statlige veiledende satser" in nb
    assert "Satsar frå 01.01.2024: statlege rettleiande satsar" in nn
    # no unknown placeholders in § 19, no «the library», no English
    assert "det søkes om ukjent" not in nb and "iblioteket" not in nb
    assert "(engelsk)" not in nb
    # no contradiction: a fact that is unknown is not listed as a fact
    assert "lovlig opphold i Norge: ukjent" not in nb


def test_manglende_opplysninger_star_en_gang() -> None:
    sak = json.loads((ROT / "examples" / "kvp.json").read_text(encoding="utf-8"))
    del sak["personer"][0]["fodselsdato"]
    del sak["boutgifter"]
    nb = _papir(sak, "nb")
    nn = _papir(sak, "nn")
    del_ = nb.split("\n\n")[1].splitlines()
    assert del_[0] == "Opplysninger som mangler"
    assert any(linje.startswith("  - Fødselsdato (søkeren) – ") for linje in del_)
    assert nb.count("Fødselsdato (søkeren)") == 1
    assert "Opplysningar som manglar" in nn and "Fødselsdato (søkjaren)" in nn
    assert problemer(nb, "nb") == [] and problemer(nn, "nn") == []


def test_hver_kodeverdi_i_kontrakten_har_etikett() -> None:
    """Every value a Literal in the contract allows is named in all three languages."""
    koder: set[str] = set()
    for verdi in vars(facts).values():
        if typing.get_origin(verdi) is typing.Literal:
            koder |= set(typing.get_args(verdi))
    for klasse in vars(facts).values():
        for hint in getattr(klasse, "__annotations__", {}).values():
            koder |= set(re.findall(r"'([a-z_]+)'", str(hint)) if "Literal" in str(hint) else ())
    # An area's id (saksbehandler.konklusjoner[].omrade) is named by the area's own title.
    omrader = {o.id for o in last_regelbok().omrader}
    assert koder - set(VERDIER) - omrader == set()


def test_hvert_faktum_og_hver_post_har_nynorsk() -> None:
    from sosialregler.utdata.explain import _tospraklig

    assert [navn for navn, info in KATALOG.items() if not info.nn] == []
    for post in POSTER:
        assert _tospraklig(POSTER, post, "nn"), post


def test_sprak_nn_i_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from sosialregler.verktoy.cli import main

    main(["vurder", str(ROT / "examples" / "enslig.json"), "--sprak", "nn"])
    ut = capsys.readouterr().out
    assert "STØNAD TIL LIVSOPPHALD" in ut and "Grunngjeving" in ut


def test_forklar_avviser_ukjent_sprak() -> None:
    vurdering = api.assess((ROT / "examples" / "enslig.json").read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="nb, nn eller en"):
        forklar(vurdering, "se")


# --- Spell check with Debian's hunspell dictionaries (hunspell-no: nb_NO, nn_NO) -------------

ORDLISTE = ROT / "tests" / "data" / "ordliste-arbeidsnotat.txt"
ORDBOKER = Path("/usr/share/hunspell")


def _tillatte_ord() -> frozenset[str]:
    """The reviewed allow-list: one word a line, ``#`` starts a comment."""
    ord_ = set()
    for linje in ORDLISTE.read_text(encoding="utf-8").splitlines():
        linje = linje.split("#", 1)[0].strip()
        if linje:
            ord_.add(linje.lower())
    return frozenset(ord_)


def _fritekst(sak: typing.Any) -> list[str]:
    """What the caseworker or the case system wrote in the case: not ours to spell-check."""
    if isinstance(sak, dict):
        return [t for v in sak.values() for t in _fritekst(v)]
    if isinstance(sak, list):
        return [t for v in sak for t in _fritekst(v)]
    return [sak] if isinstance(sak, str) and (" " in sak or "-" in sak) else []


def ukjente_ord(tekst: str, sprak: str, fritekst: list[str]) -> set[str]:
    """Words hunspell does not know in a paper, less names, amounts, codes and quotations."""
    import subprocess

    for del_ in sorted(fritekst, key=len, reverse=True):
        tekst = tekst.replace(del_, " ")
    tekst = re.sub(r"«[^»]*»", " ", _uten_lenker(tekst))
    tekst = "\n".join(linje for linje in tekst.splitlines() if "sha256" not in linje)
    svar = subprocess.run(
        ["hunspell", "-d", str(ORDBOKER / f"{sprak}_NO"), "-l"],
        input=tekst,
        capture_output=True,
        text=True,
        check=True,
    )
    tillatt = _tillatte_ord()
    return {
        o
        for o in svar.stdout.split()
        if len(o) > 1
        and not re.search(r"\d", o)
        and not (o.isupper() and len(o) <= 6)  # abbreviations: NAV, KOSTRA, SFO, EØS
        and o.lower() not in tillatt
    }


@pytest.mark.parametrize("sprak", ["nb", "nn"])
@pytest.mark.parametrize("eksempel", EKSEMPLER, ids=lambda p: p.stem)
def test_rettskriving(eksempel: Path, sprak: str) -> None:
    import shutil

    if shutil.which("hunspell") is None or not (ORDBOKER / f"{sprak}_NO.dic").is_file():
        pytest.skip(
            f"hunspell med ordboken {sprak}_NO er ikke installert "
            "(Debian: apt-get install hunspell hunspell-no); rettskrivingen er ikke kontrollert"
        )
    tekst = eksempel.read_text(encoding="utf-8")
    papir = _papir(tekst, sprak)
    assert ukjente_ord(papir, sprak, _fritekst(json.loads(tekst))) == set()


def test_lagret_vedtak_fra_for_nynorsk_gjengis_pa_nynorsk() -> None:
    """A record written before rule files had nynorsk names its rule versions by their old
    fingerprint; it still loads, renders its bokmål as before, and renders a working paper in
    nynorsk from the rules' new texts."""
    from sosialregler import Assessment

    v3 = ROT / "tests" / "data" / "vedtaksgrunnlag_v3"
    vurdering = Assessment.from_record(json.loads((v3 / "familie.json").read_text("utf-8")))
    nn = vurdering.explain("nn")
    # the record holds the areas' titles as they were (nb, en); the rules' texts are nynorsk
    assert "Grunngjeving" in nn and "Søkjaren" in nn
    assert problemer(nn, "nn") == []


def test_fingeravtrykk_uten_nn_er_det_gamle() -> None:
    """The nn-less fingerprint is the one the same version had without its nynorsk."""
    import attrs

    from sosialregler.lov.rulebook.model import _uten_nn

    info = last_regelbok().regler["stl-18-1-krav"][0].info
    uten = attrs.evolve(
        info,
        tittel=_uten_nn(dict(info.tittel)),
        tekster=_uten_nn({k: dict(v) for k, v in info.tekster.items()}),
        blader=_uten_nn(dict(info.blader)),
        hjemmel=tuple(attrs.evolve(h, navn=_uten_nn(dict(h.navn))) for h in info.hjemmel),
    )
    assert "nn" in info.tittel and "nn" not in uten.tittel
    assert info.fingeravtrykk_uten_nn == uten.fingeravtrykk != info.fingeravtrykk


def test_nytt_vedtaksgrunnlag_gjengis_likt_pa_nynorsk() -> None:
    """A record written now re-renders the nn working paper it rendered (``gjengi --sprak nn``)."""
    from sosialregler import Assessment

    vurdering = api.assess((ROT / "examples" / "familie.json").read_text(encoding="utf-8"))
    igjen = Assessment.from_record(json.loads(json.dumps(vurdering.to_record())))
    assert igjen.explain("nn") == vurdering.explain("nn")
