"""What an auditor reads names things by labels, not codes (nb, nn, en).

The supervision checklist and report showed field paths («personer[2].rolle = "barn"»), flag
codes («VILKAR_UTEN_VARSEL_OM_REDUKSJON»), snake_case values and person ids («barns_behov
(person b1)»). These tests hold the checklist (text) and the report (text, HTML's visible text
and titles, the CSV's text columns) to what the working paper is held to, for the examples, the
report's synthetic caseload and generated cases: no snake_case, no field path, no flag code, no
person id, no English word in nb/nn. The JSON keeps the codes: they are data.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import typing
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sosialregler import api
from sosialregler.inndata.errors import RegelFeil
from sosialregler.verktoy import testing
from sosialregler.verktoy.tilsyn import last, vurder
from sosialregler.verktoy.tilsyn.etiketter import Lesehjelp, lesehjelp, mangler
from sosialregler.verktoy.tilsyn.rapport import eksempelsaker, rapport
from sosialregler.verktoy.tilsyn.regler import FILNAVN, les
from sosialregler.verktoy.tilsyn.tekst import sjekkliste
from sosialregler.verktoy.tilsyn.vurdering import LESTE_FLAGG, LOGIKK
from sosialregler.vurdering.katalog import TILSYNSFELT
from test_arbeidsnotat import ASCIIKODER, ENGELSK, SNAKE

ROT = Path(__file__).resolve().parent.parent
EKSEMPLER = sorted((ROT / "examples").glob("*.json"))
DATO = date(2024, 6, 1)
SPRAK = ("nb", "nn", "en")

#: A field path: ``personer[2]``, ``barns_behov[]``, ``vurdering_18.forhold``, ``vedtak.vilkar``.
STI = re.compile(r"\b[a-z][a-z_0-9]*\[\d*\]|\b[a-z][a-z_0-9]*\.[a-z][a-z_0-9]*\b")


def _asciikoder() -> frozenset[str]:
    """Codes of the supervision facts written without æ, ø, å where their label has them
    (``oppfolgingssamtaler``, ``stromrestanse``, ``skjonn``): in a text they are a code."""
    m = last()
    koder = {"skjonn"}
    for sti, info in TILSYNSFELT.items():
        for del_ in re.split(r"[.\[\]]+", sti):
            if del_ and re.search("[æøå]", info.nb) and del_ not in info.nb:
                koder.add(del_)
    for kode, tekst in m.ord.items():
        if re.search("[æøå]", tekst["nb"]) and kode not in tekst["nb"]:
            koder.add(kode)
    return frozenset(k for k in koder if "_" not in k) | ASCIIKODER


KODER = _asciikoder()


def problemer(tekst: str, sprak: str, person_ider: typing.Iterable[str] = ()) -> list[str]:
    """What an auditor's text must not contain, as readable complaints."""
    funn = [f"kodeverdi {k}" for k in SNAKE.findall(tekst)]
    funn += [f"feltsti {k}" for k in STI.findall(tekst)]
    funn += [f"kode {k}" for k in re.findall(r"\b[a-z0-9]+\b", tekst) if k in KODER]
    funn += [f"flaggkode {k}" for k in LESTE_FLAGG if k in tekst]
    funn += [
        f"person-id {pid}"
        for pid in set(person_ider)
        if re.search(rf"(?<![\w-]){pid}(?!\w)", tekst)
    ]
    if sprak in ("nb", "nn"):
        ord_ = {o.lower() for o in re.findall(r"[A-Za-zÆØÅæøå]+", tekst)}
        funn += [f"engelsk ord {o!r}" for o in sorted(ord_ & ENGELSK)]
    return funn


def _ider(sak: typing.Any) -> list[str]:
    """The case's person ids that cannot be a word of the text (``p1``, ``b2``; a generated id
    such as «a» or «og» would be found in any sentence)."""
    if isinstance(sak, str):
        sak = json.loads(sak)
    ider = [p.get("id") for p in sak.get("personer", ()) if isinstance(p, dict)]
    return [i for i in ider if isinstance(i, str) and re.search(r"\d", i)]


def _sjekkliste(sak: typing.Any, sprak: str, dato: date | None = None) -> str:
    vurdering = api.assess(sak, on=dato)
    m = last()
    funn = vurder(vurdering, [p.id for p in m.punkter])
    return sjekkliste(m, funn, None, vurdering.vurderingsdato, sprak, lesehjelp(vurdering))


class _Synlig(HTMLParser):
    """A page's visible text and its titles (tooltips), not its attributes for machines."""

    def __init__(self) -> None:
        super().__init__()
        self.deler: list[str] = []
        self._skjult = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skjult += 1
        self.deler += [v for k, v in attrs if k in ("title", "aria-label", "alt") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skjult -= 1

    def handle_data(self, data: str) -> None:
        if not self._skjult:
            self.deler.append(data)


def synlig(html: str) -> str:
    p = _Synlig()
    p.feed(html)
    return "\n".join(p.deler)


def _csv_tekster(innhold: str) -> str:
    """The CSV's columns for people (title, text, missing facts); the others are data."""
    rader = list(csv.DictReader(io.StringIO(innhold)))
    return "\n".join(f"{r['tittel']}\n{r['tekst']}\n{r['mangler']}" for r in rader)


# --- the checker itself ------------------------------------------------------------------------


def test_problemer_fanger_det_revisoren_fant() -> None:
    """Each code of the old checklist is caught (a checker that finds nothing passes all)."""
    gammel = (
        'Grunnlag: personer[2].rolle = "barn"; vedtak.vilkar = "oppfylt"; '
        'merknad = "VILKAR_UTEN_VARSEL_OM_REDUKSJON"\n'
        "kan ikke avgjøres før dette er kjent: oppfolgingssamtaler, samarbeid, radgivning.\n"
        "vurdering_18.saerlige_behov, barns_behov (person b1); vedtak.livsopphold = skjonn; "
        "none"
    )
    tekst = " ".join(problemer(gammel, "nb", ["b1"]))
    for forventet in (
        "personer[2]",
        "vedtak.vilkar",
        "VILKAR_UTEN_VARSEL_OM_REDUKSJON",
        "oppfolgingssamtaler",
        "radgivning",
        "vurdering_18",
        "person-id b1",
        "skjonn",
        "'none'",
    ):
        assert forventet in tekst


# --- the examples -------------------------------------------------------------------------------


@pytest.mark.parametrize("sprak", SPRAK)
@pytest.mark.parametrize("eksempel", EKSEMPLER, ids=lambda p: p.stem)
def test_eksemplenes_sjekkliste_er_ren(eksempel: Path, sprak: str) -> None:
    sak = eksempel.read_text(encoding="utf-8")
    assert problemer(_sjekkliste(sak, sprak), sprak, _ider(sak)) == []


def test_familiens_sjekkliste_navngir_barnet_og_feltene() -> None:
    """The reader's words for what the old checklist showed as codes."""
    sak = (ROT / "examples" / "familie.json").read_text(encoding="utf-8")
    nb = _sjekkliste(sak, "nb")
    assert "Grunnlag: personer i saken: barn født 2018" in nb
    assert "oppfølgingssamtaler, samarbeid med andre tjenester, råd og veiledning." in nb
    assert "barnets behov (barn født 2018)" in nb
    assert "Vilkår for stønaden: oppfylt" in nb
    nn = _sjekkliste(sak, "nn")
    assert "personar i saka: barn fødd 2018" in nn
    assert "oppfølgingssamtalar, samarbeid med andre tenester, råd og rettleiing." in nn


def test_json_beholder_kodene() -> None:
    """The findings' JSON keeps paths, flag codes and ids: they are data."""
    sak = (ROT / "examples" / "familie.json").read_text(encoding="utf-8")
    vurdering = api.assess(sak)
    funn = {f.malepunkt: f.to_dict() for f in vurder(vurdering, [p.id for p in last().punkter])}
    assert funn["familie-oppfolging"]["bevis"][0]["felt"] == "personer[2].rolle"
    assert "barns_behov (person b1)" in funn["individuell-vurdering"]["mangler"]


# --- a caseload with every audit fact -----------------------------------------------------------


@pytest.fixture(scope="module")
def saker() -> list[dict[str, typing.Any]]:
    return list(eksempelsaker(int(os.environ.get("TILSYN_ETIKETT_SAKER", "150")), DATO, seed=3))


@pytest.mark.parametrize("sprak", SPRAK)
def test_rapportens_tekster_er_rene(saker: list[dict[str, typing.Any]], sprak: str) -> None:
    r = rapport(saker, DATO)
    ider = {pid for sak in saker for pid in _ider(sak)}
    for navn, tekst in (
        ("tekst", r.tekst(sprak)),
        ("html", synlig(r.html(sprak))),
        ("csv", _csv_tekster(r.csv(sprak))),
    ):
        assert problemer(tekst, sprak, ider) == [], navn
    # The JSON's texts too; its «mangler» are paths, as data.
    for p in r.to_dict(sprak)["malepunkter"]:
        for s in p["saker"]:
            assert problemer(s["tekst"], sprak, ider) == []


@pytest.mark.parametrize("sprak", SPRAK)
def test_sjekklistene_i_en_saksmengde_er_rene(
    saker: list[dict[str, typing.Any]], sprak: str
) -> None:
    for sak in saker[:60]:
        try:
            tekst = _sjekkliste(sak, sprak, DATO)
        except api.UgyldigSak:
            continue
        assert problemer(tekst, sprak, _ider(sak)) == [], sak.get("sak_id")


# --- generated cases ----------------------------------------------------------------------------


@settings(
    max_examples=int(os.environ.get("TILSYN_ETIKETT_EKSEMPLER", "40")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    sak=st.one_of(
        testing.saker(komplett=False),
        testing.cases(komplett=False, andre_omrader=True),
    ),
    sprak=st.sampled_from(SPRAK),
)
def test_genererte_sakers_sjekkliste_er_ren(sak: dict[str, typing.Any], sprak: str) -> None:
    assert problemer(_sjekkliste(sak, sprak), sprak, _ider(sak)) == []


def test_alle_mangler_i_logikken_har_et_navn() -> None:
    """Every missing fact a point can name reads as words in every language, even without the
    case's labels (a person then is «barn»)."""
    m = last()
    stier = [
        "oppfolgingssamtaler",
        "samarbeid",
        "radgivning",
        "radgivning[0].vedtak_fattet",
        "vedtak.opplysning_rad_veiledning",
        "gjeldssignaler",
        *(f"gjeldssignaler.{s}" for s in ("husleierestanse", "inkasso", "utkastelsesvarsel")),
        "vurdering_18",
        "vurdering_18.kun_veiledende_sats",
        "vurdering_18.forhold",
        "vurdering_18.saerlige_behov",
        "vurdering_18.vurdert_etter_19",
        "barns_behov (person b1)",
        "barns_behov[0].forhold",
        "barns_behov[0].vektlagt",
        "varig_bolig.arbeid_startet",
        "individuell_plan",
        "maneder_med_stonad",
        "langtid_oppfolging.kvp_vurdert",
        "langtid_oppfolging.brukermedvirkning",
        "kvp_oppfolging",
        *(
            f"kvp_oppfolging.{f}"
            for f in (
                "programplan",
                "kontaktintervall_dager",
                "kontakter",
                "evalueringer_planlagt",
                "evalueringer",
                "arbeidsrettede_tiltak",
            )
        ),
        "kvp.program_slutt",
        "vedtak.vilkar (skjonn)",
    ]
    for sprak in SPRAK:
        for sti in stier:
            navn = mangler(m, sti, sprak, Lesehjelp())
            assert problemer(navn, sprak, ["b1"]) == [], (sti, navn)


def test_et_flagg_uten_etikett_avvises(tmp_path: Path) -> None:
    """Every flag an audit point reads has a short label in the rule file, or it is refused."""
    fil = tmp_path / FILNAVN
    tekst = (ROT / "rules" / "tilsyn" / FILNAVN).read_text(encoding="utf-8")
    linje = next(x for x in tekst.splitlines() if x.startswith("REDUKSJON_UTEN_VARSEL ="))
    fil.write_text(tekst.replace(linje + "\n", ""), encoding="utf-8")
    with pytest.raises(RegelFeil, match=r"merknad\.REDUKSJON_UTEN_VARSEL: .* ingen etikett"):
        les(fil, frozenset(LOGIKK), LESTE_FLAGG)
    assert last().merknad("REDUKSJON_UTEN_VARSEL", "nn") == "reduksjon utan varsel"
