"""Property tests: what must hold for *every* case, not just the ones someone thought of.

The cases come from ``sosialregler.verktoy.testing`` (the strategies the library ships to its
users),
so these tests also check the strategies themselves: every case they call valid must be
accepted, and every case they call invalid must be rejected naming the right field.

Each property is a check that can fail. Where one found a bug in the library, the test stays
and is marked ``xfail(strict=True, reason="BUG: ...")`` with the minimal example as an
``@example``, so it turns red the day the bug is fixed and the mark must go.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

pytest.importorskip("hypothesis")

from hypothesis import assume, example, given, note, target
from hypothesis import strategies as st

import sosialregler
from sosialregler import Assessment, UgyldigSak, Utfall, assess
from sosialregler.lov.rulebook.model import RegelInfo
from sosialregler.lov.tree import Node
from sosialregler.verktoy.testing import (
    BARNETRYGD_LOVREGULERT_FRA,
    belop,
    saker,
    ugyldige_saker,
)

UTFALL = {u.value for u in Utfall}
BARNS_ARBEIDSINNTEKT_UNNTATT_FRA = date(2016, 1, 1)  # § 18 third ledd (Prop. 147 L (2014-2015))
MAKS_RECORD = 20 * 1024  # DESIGN § 7: a stored decision record is at most 20 KB of JSON

#: Cases of every kind: complete, incomplete, and with any non-blank text as person ids.
alle_saker = st.one_of(
    saker(komplett=True),
    saker(komplett=False),
    saker(ider=st.text(min_size=1, max_size=6).filter(lambda s: s.strip() != "")),
)

#: A small complete case, used as the minimal example of several properties.
ENKEL_SAK: dict[str, Any] = {
    "vurderingsdato": "2024-03-01",
    "personer": [{"id": "p1", "rolle": "soker", "fodselsdato": "1990-01-01"}],
    "bofellesskap": False,
    "inntekter": [],
    "formue": [],
    "boutgifter": [],
}


def _livsopphold(a: Assessment) -> sosialregler.Vedtak:
    return a.vedtak["livsopphold"]


def _belop(sak: dict[str, Any]) -> Decimal | None:
    return _livsopphold(assess(sak)).beregnet_behov_per_maned  # a refusal's too


def _soker_id(sak: dict[str, Any]) -> str:
    return next(p["id"] for p in sak["personer"] if p["rolle"] == "soker")


def _record_bytes(a: Assessment) -> int:
    return len(json.dumps(a.to_record(), ensure_ascii=False).encode("utf-8"))


# --- 1. Valid cases are always assessed ----------------------------------------------------------


@given(alle_saker)
def test_gyldige_saker_vurderes_alltid(sak: dict[str, Any]) -> None:
    """A case the contract allows never raises, and every area answers one of four outcomes."""
    a = assess(sak)
    assert _livsopphold(a).utfall.value in UTFALL
    ut = a.to_dict()
    assert ut["vedtak"]["livsopphold"]["utfall"] in UTFALL
    for navn, vedtak in ut["vedtak"].items():
        assert vedtak["utfall"] in UTFALL, navn


@given(saker(komplett=True))
def test_komplett_sak_gir_alltid_belop(sak: dict[str, Any]) -> None:
    """With every § 18 fact present nothing is missing: an amount, and never ``uavklart``."""
    v = _livsopphold(assess(sak))
    assert v.beregnet_behov_per_maned is not None  # computed; a refusal's is not payable
    assert v.utfall is not Utfall.UAVKLART
    assert v.mangler == ()


# --- 2. Determinism ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def traader() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        yield pool


@given(sak=alle_saker)
def test_samme_sak_gir_samme_svar(sak: dict[str, Any], traader: ThreadPoolExecutor) -> None:
    """Same case, same result: twice in a row, as JSON text, and from four threads at once.

    The input must not be mutated either: a case system may assess the same dict again.
    """
    for_ = copy.deepcopy(sak)
    forste = assess(sak).to_json()
    assert assess(sak).to_json() == forste
    assert assess(json.dumps(sak)).to_json() == forste
    assert sak == for_

    start = threading.Barrier(4, timeout=30)  # all four start together, to race if they can

    def vurder(_: int) -> str:
        start.wait()
        return assess(sak).to_json()

    assert list(traader.map(vurder, range(4))) == [forste] * 4


# --- 3. Every node explains itself -------------------------------------------------------------


def _med_regel(node: Node, arvet: RegelInfo | None = None) -> Iterator[tuple[Node, RegelInfo]]:
    """Each node with its rule: its own, or its nearest ancestor's (as the texts inherit it)."""
    regel = node.regel or arvet
    assert regel is not None, f"node {node.id!r} has no rule, neither its own nor inherited"
    yield node, regel
    for barn in node.barn:
        yield from _med_regel(barn, regel)


def _alle_traer(a: Assessment) -> Iterator[Node]:
    yield from (v.node for v in a.vedtak.values())
    yield from (m.node for m in a.merknader if m.node is not None)
    if a.klage is not None:
        yield a.klage


@given(alle_saker)
def test_hver_node_har_hjemmel_og_tekster(sak: dict[str, Any]) -> None:
    """Every node can be traced to a legal reference with a link; every rule speaks nb and en.

    A decision that cannot say which provision it rests on, or says it in one language only,
    is not a decision a caseworker can sign.
    """
    a = assess(sak)
    for tre in _alle_traer(a):
        antall = 0
        for node, regel in _med_regel(tre):
            antall += 1
            assert regel.hjemmel, f"{node.id}: regel {regel.id} uten hjemmel"
            for h in regel.hjemmel:
                assert h.lenke.startswith("https://"), (regel.id, h.lenke)
                assert h.tekst("nb").strip() and h.tekst("en").strip(), regel.id
            if node.regel is not None:
                for utfall in ("oppfylt", "ikke_oppfylt"):
                    for sprak in ("nb", "en"):
                        tekst = node.regel.tekster.get(utfall, {}).get(sprak, "")
                        assert tekst.strip(), f"{node.regel.id}: mangler {utfall}/{sprak}"
        assert antall == sum(1 for _ in tre.noder())

    ut = a.to_dict()
    for navn, vedtak in ut["vedtak"].items():
        assert vedtak["hjemmel"], navn
        assert vedtak["begrunnelse"].strip(), f"{navn}: tom begrunnelse (nb)"
        assert vedtak["begrunnelse_en"].strip(), f"{navn}: tom begrunnelse (en)"
    for merknad in ut["merknader"]:
        for felt in ("kode", "hjemmel", "tekst"):
            assert str(merknad[felt]).strip(), (merknad["kode"], felt)


def _sporsmal(node: Node, regelnode: Node | None = None) -> Iterator[tuple[str, Node]]:
    """Each discretion question (nb) with the node of the rule it belongs to."""
    regelnode = node if node.regel is not None else regelnode
    if node.sporsmal and regelnode is not None:
        yield node.sporsmal["nb"], regelnode
    for barn in node.barn:
        yield from _sporsmal(barn, regelnode)


def _sporsmal_uten_betydning(a: Assessment) -> set[str]:
    """Discretion questions whose rule was decided anyway (and that matter nowhere else)."""
    avgjort, apne = set(), set()
    for v in a.vedtak.values():
        for sporsmal, regelnode in _sporsmal(v.node):
            bestemt = regelnode.utfall in (Utfall.OPPFYLT, Utfall.IKKE_OPPFYLT)
            (avgjort if bestemt else apne).add(sporsmal)
    return avgjort - apne


@example(sak=ENKEL_SAK)
@given(saker(komplett=True))
def test_skjonnssporsmal_bare_naar_skjonnet_betyr_noe(sak: dict[str, Any]) -> None:
    """A question for the caseworker's discretion is put only if the rule still turns on it."""
    a = assess(sak)
    uten_betydning = _sporsmal_uten_betydning(a)
    tekst = a.explain("nb")
    for sporsmal in uten_betydning:
        assert sporsmal not in tekst, sporsmal


# --- 4. Monotonicity and the arithmetic of the amount ------------------------------------------


@given(alle_saker)
def test_belop_er_summen_av_linjene(sak: dict[str, Any]) -> None:
    """The amount is never negative and is exactly max(0, sum of the calculation's lines).

    Checked on the contract output, so what a case system stores adds up on its own.
    """
    ut = assess(sak).to_dict()["vedtak"]["livsopphold"]
    if ut["belop_per_maned"] is None:
        return
    belop_ = Decimal(str(ut["belop_per_maned"]))
    assert belop_ >= 0
    linjesum = sum((Decimal(str(linje["belop"])) for linje in ut["beregning"]), Decimal(0))
    assert belop_ == max(Decimal(0), linjesum)


@given(
    saker(komplett=True),
    st.integers(1, 100_000) | st.integers(1, 10_000_000).map(lambda o: o / 100),
    st.data(),
)
def test_mer_inntekt_gir_aldri_hoyere_belop(
    sak: dict[str, Any], mer: int | float, data: st.DataObject
) -> None:
    """Counted income (work income) added to the applicant, or raised, never raises the amount."""
    for_ = _belop(sak)
    arbeid = [i for i, linje in enumerate(sak["inntekter"]) if linje["type"] == "arbeidsinntekt"]
    if arbeid and data.draw(st.booleans(), label="heve eksisterende"):
        i = data.draw(st.sampled_from(arbeid), label="linje")
        sak["inntekter"][i]["belop_per_maned"] += mer
    else:
        sak["inntekter"].append(
            {"person": _soker_id(sak), "type": "arbeidsinntekt", "belop_per_maned": mer}
        )
    etter = _belop(sak)
    assume(for_ is not None and etter is not None)
    assert etter <= for_


@given(saker(komplett=True), st.data())
def test_lavere_husleie_gir_aldri_hoyere_belop(sak: dict[str, Any], data: st.DataObject) -> None:
    """Lowering the rent never raises the amount."""
    husleie = [i for i, b in enumerate(sak["boutgifter"]) if b["type"] == "husleie"]
    if not husleie:
        sak["boutgifter"].append(
            {"type": "husleie", "belop_per_maned": data.draw(st.integers(1, 30_000), label="leie")}
        )
        husleie = [len(sak["boutgifter"]) - 1]
    i = data.draw(st.sampled_from(husleie), label="linje")
    for_ = _belop(sak)
    gammel = sak["boutgifter"][i]["belop_per_maned"]
    sak["boutgifter"][i]["belop_per_maned"] = data.draw(st.integers(0, int(gammel)), label="ny")
    etter = _belop(sak)
    assume(for_ is not None and etter is not None)
    assert etter <= for_


# --- 5. Income that the law says does not count ------------------------------------------------


@given(saker(BARNETRYGD_LOVREGULERT_FRA, komplett=True), belop(5_000))
def test_barnetrygd_endrer_ikke_belopet_etter_2022_09_01(
    sak: dict[str, Any], barnetrygd: int | float
) -> None:
    """§ 18 third ledd: from 2022-09-01 child benefit is not income for § 18."""
    for_ = _belop(sak)
    sak["inntekter"].append(
        {"person": _soker_id(sak), "type": "barnetrygd", "belop_per_maned": barnetrygd}
    )
    assert _belop(sak) == for_


@given(saker(BARNS_ARBEIDSINNTEKT_UNNTATT_FRA, komplett=True), belop(20_000), st.data())
def test_barns_arbeidsinntekt_endrer_ikke_belopet_etter_2016(
    sak: dict[str, Any], inntekt: int | float, data: st.DataObject
) -> None:
    """§ 18 third ledd: children's earnings from spare-time and holiday work do not count."""
    for_ = _belop(sak)
    barn = [p["id"] for p in sak["personer"] if p["rolle"] == "barn"]
    if not barn:  # a child's earnings belong to a child: the contract rejects others
        aar = int(sak["vurderingsdato"][:4]) - 10
        sak["personer"].append({"id": "barn_ny", "rolle": "barn", "fodselsdato": f"{aar}-01-01"})
        for_ = _belop(sak)
        barn = ["barn_ny"]
    sak["inntekter"].append(
        {
            "person": data.draw(st.sampled_from(barn), label="person"),
            "type": "barns_arbeidsinntekt",
            "belop_per_maned": inntekt,
        }
    )
    assert _belop(sak) == for_


# --- 6. uavklart names exactly the missing facts -----------------------------------------------

_LEDD = re.compile(r"(?P<navn>[a-z_]+)(?:\[(?P<indeks>\d+)\])?")


def _finnes(sak: dict[str, Any], sti: str) -> bool:
    """Whether the JSON path ``sti`` has a value (not absent, not null) in the input."""
    verdi: Any = sak
    for ledd in sti.split("."):
        treff = _LEDD.fullmatch(ledd)
        assert treff, f"{sti!r} er ikke en JSON-sti i kontrakten"
        if not isinstance(verdi, dict) or verdi.get(treff["navn"]) is None:
            return False
        verdi = verdi[treff["navn"]]
        if treff["indeks"] is not None:
            assert isinstance(verdi, list) and int(treff["indeks"]) < len(verdi), sti
            verdi = verdi[int(treff["indeks"])]
    return True


def _fyll(sak: dict[str, Any], sti: str, valg: bool) -> None:
    """Give the missing field ``sti`` a valid value that introduces nothing new unknown."""
    dato = date.fromisoformat(sak["vurderingsdato"])
    if sti in ("inntekter", "formue", "boutgifter"):
        sak[sti] = []  # an empty list means "none"
    elif sti == "bofellesskap":
        sak[sti] = valg
    elif sti == "kommune.holder_barnetrygd_utenfor":
        sak.setdefault("kommune", {})["holder_barnetrygd_utenfor"] = valg
    elif treff := re.fullmatch(r"personer\[(\d+)\]\.fodselsdato", sti):
        person = sak["personer"][int(treff[1])]
        if person["rolle"] == "barn":
            person["fodselsdato"] = dato.isoformat()  # born today: younger than everyone
        else:
            kjente = [
                date.fromisoformat(p["fodselsdato"]) for p in sak["personer"] if "fodselsdato" in p
            ]
            fodt = min([dato.replace(year=dato.year - 40, day=1), *kjente]) - timedelta(days=1)
            person["fodselsdato"] = fodt.isoformat()
    elif treff := re.fullmatch(r"personer\[(\d+)\]\.felles_okonomi", sti):
        sak["personer"][int(treff[1])]["felles_okonomi"] = valg  # a cohabitant's (issue 14)
    else:
        pytest.fail(f"mangler nevner {sti!r}, som testen ikke vet hvordan den skal fylle ut")


@given(saker(komplett=False), st.booleans())
def test_uavklart_nevner_akkurat_det_som_mangler(sak: dict[str, Any], valg: bool) -> None:
    """``mangler`` is non-empty iff ``uavklart``; each entry is an absent field's JSON path;
    and filling exactly those fields decides the case."""
    a = assess(sak)
    v = _livsopphold(a)
    ut = a.to_dict()["vedtak"]["livsopphold"]
    assert bool(v.mangler) == (v.utfall is Utfall.UAVKLART)
    assert ut["mangler"] == list(v.mangler)
    # The computed figure is missing only when undetermined (a refusal's is set apart, issue 14).
    assert (ut.get("beregnet_behov_per_maned", ut["belop_per_maned"]) is None) <= (
        v.utfall is Utfall.UAVKLART
    )
    for sti in v.mangler:
        assert not _finnes(sak, sti), f"{sti} er oppgitt i saken, men står som manglende"
    if v.utfall is not Utfall.UAVKLART:
        return
    for sti in v.mangler:
        _fyll(sak, sti, valg)
    note(f"utfylt: {json.dumps(sak, ensure_ascii=False)}")
    etter = _livsopphold(assess(sak))
    assert etter.utfall is not Utfall.UAVKLART, etter.mangler
    assert etter.mangler == ()


# --- 7. Decision records -----------------------------------------------------------------------


def _rundtur(a: Assessment) -> Assessment:
    return Assessment.from_record(json.loads(json.dumps(a.to_record())))


@given(alle_saker)
def test_vedtaksgrunnlag_tur_retur(sak: dict[str, Any]) -> None:
    """A stored record, read back years later, renders exactly the same (DESIGN § 5)."""
    a = assess(sak)
    b = _rundtur(a)
    assert b.explain("nb") == a.explain("nb")
    assert b.explain("en") == a.explain("en")
    assert b.to_json() == a.to_json()
    assert b.to_record() == json.loads(json.dumps(a.to_record()))


#: Minimal failing example: two assets summing to 1024.0000000000001 (a float sum a case
#: system can produce); the record stores the sum as the float 1024.0, which reads back as the
#: whole number 1024, so the re-rendered text says "1 024 kr" where it said "1 024,00 kr".
FORMUE_MED_FLYTTALLSREST: dict[str, Any] = {
    **ENKEL_SAK,
    "formue": [
        {"type": "bankinnskudd", "belop": 1},
        {"type": "bankinnskudd", "belop": 1023.0000000000001},
    ],
}


#: Found by hypothesis: two identical § 27 stays give two identical flags whose node is in no
#: tree; the second was written as a reference the reader looked for in the trees only.
TO_LIKE_BOTILBUD: dict[str, Any] = {
    **ENKEL_SAK,
    "vurderingsdato": "2013-03-18",
    "botilbud": [{"personer": ["p1"], "fra": "2013-01-01", "til": None, "type": "hospits"}] * 2,
}


@example(sak=FORMUE_MED_FLYTTALLSREST)
@example(sak=TO_LIKE_BOTILBUD)
@example(sak={**ENKEL_SAK, "boutgifter": [{"type": "husleie", "belop_per_maned": 1e-13}]})
@given(saker(komplett=True, belop=belop(100_000, frie_flyttall=True)))
def test_vedtaksgrunnlag_tur_retur_med_alle_flyttall(sak: dict[str, Any]) -> None:
    """The same round trip with any amount the contract allows (decimal kroner of any length)."""
    a = assess(sak)
    b = _rundtur(a)
    assert b.to_json() == a.to_json()
    assert b.explain("nb") == a.explain("nb")


#: One adult with two income lines: the smallest case that once broke the 20 KB target.
TO_INNTEKTSLINJER: dict[str, Any] = {
    **ENKEL_SAK,
    "vurderingsdato": "2014-01-01",
    "inntekter": [{"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": 0}] * 2,
}
#: What one more income line may add to a record: the § 18 line (its rule node and the
#: exceptions checked) and, for a KVP participant, the § 38 line too.
MAKS_PER_INNTEKTSLINJE = 3_000


@example(sak=TO_INNTEKTSLINJER)
@given(saker(maks_barn=2, maks_inntekter=3))
def test_vedtaksgrunnlag_er_hoyst_20_kb(sak: dict[str, Any]) -> None:
    """A typical household (DESIGN § 7: at most 4 persons, 3 income lines) fits in 20 KB."""
    assume(len(sak["personer"]) <= 4)
    storrelse = _record_bytes(assess(sak))
    target(storrelse, label="record bytes")
    assert storrelse <= MAKS_RECORD


@example(sak=TO_INNTEKTSLINJER)
@given(saker(maks_barn=2, maks_inntekter=3, andre_omrader=False))
def test_vedtaksgrunnlag_uten_andre_omrader_er_hoyst_20_kb(sak: dict[str, Any]) -> None:
    """A household of at most 4 persons and 3 income lines, assessed under § 2, § 18, § 20 and
    § 20 a (no temporary housing or qualification programme), fits in 20 KB."""
    assume(len(sak["personer"]) <= 4)
    storrelse = _record_bytes(assess(sak))
    target(storrelse, label="record bytes")
    assert storrelse <= MAKS_RECORD


@pytest.mark.parametrize(
    "eksempel",
    ["familie", "enslig", "kvp", "botilbud"],
)
def test_eksemplenes_vedtaksgrunnlag_er_hoyst_20_kb(eksempel: str) -> None:
    """The shipped examples' compact records are within the DESIGN § 7 target."""
    from pathlib import Path

    fil = Path(__file__).parent.parent / "examples" / f"{eksempel}.json"
    assert _record_bytes(assess(json.loads(fil.read_text(encoding="utf-8")))) <= MAKS_RECORD


#: Texts shaped like what format 4 reads as a date or an amount, as person ids (which become
#: fact values): they must come back as texts.
IDER_SOM_LIGNER_VERDIER: dict[str, Any] = {
    **ENKEL_SAK,
    "personer": [
        {"id": "2024-01-01", "rolle": "soker", "fodselsdato": "1990-01-01"},
        {"id": "1E+3", "rolle": "samboer", "fodselsdato": "1991-01-01"},
        {"id": "1500", "rolle": "barn", "fodselsdato": "2015-01-01"},
    ],
    "inntekter": [{"person": "1500", "type": "arbeidsinntekt", "belop_per_maned": 1234.5}],
}


def test_vedtaksgrunnlag_tekst_som_ligner_dato_eller_belop() -> None:
    a = assess(IDER_SOM_LIGNER_VERDIER)
    b = _rundtur(a)
    assert b.explain("nb") == a.explain("nb")
    assert b.to_json() == a.to_json()


@given(saker(maks_barn=3, maks_inntekter=6), st.integers(0, 50_000))
def test_vedtaksgrunnlag_vokser_lineaert_med_inntektslinjer(
    sak: dict[str, Any], belop: int
) -> None:
    """One more income line of a kind already in the case costs a bounded number of bytes.

    (The first line of a kind also brings its rules' texts, once.)
    """
    inntekter = sak.get("inntekter") or []
    assume(inntekter)
    en_til = {**sak, "inntekter": [*inntekter, {**inntekter[-1], "belop_per_maned": belop}]}
    for_, etter = assess(sak), assess(en_til)
    # A line that makes income cover the need brings § 19 in: an area's cost, not the line's.
    assume(set(etter.vedtak) == set(for_.vedtak))
    okning = _record_bytes(etter) - _record_bytes(for_)
    assert okning <= MAKS_PER_INNTEKTSLINJE


# --- 8. Rejections -----------------------------------------------------------------------------


@given(ugyldige_saker(), st.booleans())
def test_ugyldig_sak_avvises_og_feltet_nevnes(
    ugyldig: tuple[dict[str, Any], str], som_tekst: bool
) -> None:
    """A case with one thing wrong is rejected, naming that field's JSON path, never guessed."""
    sak, felt = ugyldig
    with pytest.raises(UgyldigSak) as feil:
        assess(json.dumps(sak) if som_tekst else sak)
    stier = [f.felt for f in feil.value.feil]
    assert felt in stier, f"forventet {felt}, fikk {stier}"
    for f in feil.value.feil:
        assert f.felt.strip() and f.melding.strip()
    json.dumps(feil.value.to_dict())  # the CLI prints it with --format json


# --- 9. Age bands change on the birthday -------------------------------------------------------


def _familie(barn_fodt: date, dato: date) -> dict[str, Any]:
    return {
        "vurderingsdato": dato.isoformat(),
        "personer": [
            {
                "id": "s",
                "rolle": "soker",
                "fodselsdato": (barn_fodt - timedelta(days=30 * 365)).isoformat(),
            },
            {"id": "b", "rolle": "barn", "fodselsdato": barn_fodt.isoformat()},
        ],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [],
        "kommune": {"holder_barnetrygd_utenfor": False},
    }


def _barnelinje(barn_fodt: date, dato: date) -> dict[str, Any]:
    beregning = assess(_familie(barn_fodt, dato)).to_dict()["vedtak"]["livsopphold"]["beregning"]
    (linje,) = [linje for linje in beregning if linje.get("person") == "b"]
    return linje


def _forventet_post(dato: date, alder: int) -> str:
    """The line for a child of ``alder``, from the rate row's bands (data, not library code)."""
    rad = sosialregler.standard_regelbok().livsoppholdssatser().oppslag(dato).rad
    for gruppe in rad.barn:
        if gruppe.fra_alder <= alder <= gruppe.til_alder:
            return f"sats_barn_{gruppe.fra_alder}_{gruppe.til_alder}"
    return "barn_uten_barnesats"


@example(bursdag=date(2024, 3, 1), alder=6)
@example(bursdag=date(2024, 1, 1), alder=11)  # a birthday on the day the rates change
@example(bursdag=date(2024, 7, 1), alder=18)  # out of the child bands
@given(bursdag=st.dates(date(2010, 1, 2), date(2026, 12, 31)), alder=st.integers(1, 20))
def test_barnet_bytter_aldersgruppe_paa_bursdagen(bursdag: date, alder: int) -> None:
    """On the birthday itself the child is a year older; the day before, not yet.

    The expected age is counted here by moving the birthday back whole years, and the band is
    read from the rate row's data, so the library's own age arithmetic is what is tested.
    """
    assume((bursdag.month, bursdag.day) != (2, 29))  # leap-day births: see the test below
    fodt = bursdag.replace(year=bursdag.year - alder)
    dagen_for = bursdag - timedelta(days=1)
    for dato, forventet in ((bursdag, alder), (dagen_for, alder - 1)):
        linje = _barnelinje(fodt, dato)
        assert linje["alder"] == forventet, dato
        assert linje["post"] == _forventet_post(dato, forventet), dato


def test_aldersgrense_eksempel_fra_kravet() -> None:
    """Born 2018-03-01: 6 years and band 6-10 on 2024-03-01, still band 0-5 on 2024-02-29."""
    assert _barnelinje(date(2018, 3, 1), date(2024, 3, 1))["post"] == "sats_barn_6_10"
    assert _barnelinje(date(2018, 3, 1), date(2024, 2, 29))["post"] == "sats_barn_0_5"


def test_skuddaarsbarn_blir_eldre_1_mars() -> None:
    """Born 29 February: in a year without that day the birthday counts from 1 March."""
    assert _barnelinje(date(2016, 2, 29), date(2022, 2, 28))["alder"] == 5
    assert _barnelinje(date(2016, 2, 29), date(2022, 3, 1))["alder"] == 6
    assert _barnelinje(date(2016, 2, 29), date(2022, 3, 1))["post"] == "sats_barn_6_10"
    assert _barnelinje(date(2016, 2, 29), date(2024, 2, 29))["alder"] == 8
