"""Records of format 5 (``utdata/record_spor.py``): the input, the rulebook and the trace.

Reading evaluates the stored input again and accepts the result only when its trace is the
stored one, so it renders the decision recorded (same JSON, texts and letters), also with a
rulebook whose digest differs as long as what decided is unchanged, and refuses, naming what
differs, where the rules at hand would decide otherwise: never a new decision in its place.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import fuzzhjelp as fh
from sosialregler import Assessment, assess
from sosialregler.utdata import record_spor
from sosialregler.utdata.record import DIGESTFELT, innholdsdigest
from sosialregler.vurdering.standardbok import load_rulebook, standard_regelbok

ROT = Path(__file__).parent.parent
EKSEMPLER = ("enslig", "familie", "kvp", "botilbud")


def _sak(navn: str) -> dict[str, Any]:
    return json.loads((ROT / "examples" / f"{navn}.json").read_text(encoding="utf-8"))


def _lagret(a: Assessment, **kw: Any) -> dict[str, Any]:
    """The record as a case system gets it back: through JSON text."""
    return json.loads(json.dumps(a.to_record(**kw), ensure_ascii=False))


def _ny_digest(data: dict[str, Any]) -> dict[str, Any]:
    data[DIGESTFELT] = innholdsdigest(data)
    return data


@pytest.mark.parametrize("navn", EKSEMPLER)
def test_format_5_gjengir_samme_json_tekster_og_brev(navn: str) -> None:
    a = assess(_sak(navn))
    data = _lagret(a)
    assert data["format"] == record_spor.FORMAT
    assert {"inndata", "spor", "regler", "bibliotek"} <= data.keys()
    assert "vedtak" not in data  # the trees are rebuilt, not stored
    b = Assessment.from_record(data)
    assert b.to_json() == a.to_json()
    for sprak in ("nb", "nn", "en"):
        assert b.explain(sprak) == a.explain(sprak)
        assert b.vedtaksbrev(sprak).tekst() == a.vedtaksbrev(sprak).tekst()
    assert b.to_record() == data  # read back and written again: the same record


def test_belop_med_desimaler_som_er_hele_gjengis() -> None:
    """Found: ``0.0`` in a case is ``0`` in the stored input (contract JSON), and amounts
    computed from it carry another exponent; the decision is the same, so the record reads (the
    digest compares amounts by value)."""
    sak = _sak("enslig")
    sak["boutgifter"] = [
        {"type": "husleie", "belop_per_maned": 6500.0},
        {"type": "strom", "belop_per_maned": 0.0},
    ]
    sak["inntekter"][0]["belop_per_maned"] = 1234.50
    a = assess(sak)
    for data in (_lagret(a), _med_annet_regelverk(_lagret(a))):
        b = Assessment.from_record(data)
        assert b.to_json() == a.to_json().replace(a.regler, data["regler"])


def test_format_5_er_mindre_enn_format_4() -> None:
    a = assess(_sak("kvp"))
    fem = len(json.dumps(a.to_record(), ensure_ascii=False).encode())
    fire = len(json.dumps(a.to_record(utgave=4), ensure_ascii=False).encode())
    assert fem * 3 < fire


def test_endret_inndata_avvises_og_regelen_nevnes() -> None:
    """An income raised in a record given a new digest: evaluated again it decides otherwise
    than the trace says, and the record is refused, naming a rule whose outcome differs."""
    data = _lagret(assess(_sak("enslig")))
    data["inndata"]["inntekter"][0]["belop_per_maned"] = 90_000
    with pytest.raises(ValueError, match=r"stemmer ikke med regelverket.*regelen "):
        Assessment.from_record(_ny_digest(data))


def test_endret_spor_avvises() -> None:
    data = _lagret(assess(_sak("familie")))
    utfall = data["spor"]["utfall"]["livsopphold"]
    utfall["oppfylt"], utfall["skjonn"] = utfall["skjonn"], utfall["oppfylt"]
    with pytest.raises(ValueError, match="stemmer ikke med regelverket"):
        Assessment.from_record(_ny_digest(data))


def test_endret_vedtaksdigest_avvises() -> None:
    data = _lagret(assess(_sak("familie")))
    data["spor"]["vedtak"] = "sha256:" + "0" * 64
    with pytest.raises(ValueError, match="vedtaket blir ikke det samme"):
        Assessment.from_record(_ny_digest(data))


def test_endret_format_5_uten_ny_digest_avvises() -> None:
    data = _lagret(assess(_sak("familie")))
    data["inndata"]["inntekter"][0]["belop_per_maned"] = 1
    with pytest.raises(ValueError, match="endret etter at det ble skrevet"):
        Assessment.from_record(data)


@pytest.mark.parametrize(
    ("felt", "verdi"),
    [
        ("inndata", []),
        ("spor", "x"),
        ("vurderingsdato", "2024-13-01"),
        ("regler", None),
        ("sak_id", "en annen sak"),
    ],
)
def test_feilformet_format_5_avvises_med_feltet(felt: str, verdi: Any) -> None:
    data = _lagret(assess(_sak("enslig")))
    data[felt] = verdi
    with pytest.raises(ValueError, match="vedtaksgrunnlaget"):
        Assessment.from_record(_ny_digest(data))


def _kopi_av_regler(tmp_path: Path) -> Path:
    mappe = tmp_path / "regler"
    shutil.copytree(Path(standard_regelbok().mappe), mappe)
    return mappe


def test_annet_regelverk_som_avgjor_likt_gjengir_vedtaket(tmp_path: Path) -> None:
    """A rules folder whose digest differs (a rule file gained a comment) but that decides
    the case alike renders the decision, carrying the digest it was made with."""
    a = assess(_sak("familie"))
    data = _lagret(a)
    mappe = _kopi_av_regler(tmp_path)
    fil = mappe / "stl-28-individuell-plan.toml"
    fil.write_text(fil.read_text(encoding="utf-8") + "\n# en merknad\n", encoding="utf-8")
    bok = load_rulebook(mappe)
    assert bok.digest != a.regler
    b = Assessment.from_record(data, regler=bok)
    assert b.regler == a.regler
    assert b.to_json() == a.to_json()
    assert b.explain("nb") == a.explain("nb")


def test_annet_regelverk_som_avgjor_annerledes_avvises(tmp_path: Path) -> None:
    """A rate changed in place since the decision: the record is refused, never decided again
    under the new rate, and the message says which rulebook it was made with."""
    a = assess(_sak("enslig"))
    data = _lagret(a)
    mappe = _kopi_av_regler(tmp_path)
    fil = mappe / "satser" / "statlige-veiledende.toml"
    tekst = fil.read_text(encoding="utf-8")
    gammel = "verdier = { enslig = 7850, par = 13100, bofellesskap = 6600 }"
    assert gammel in tekst
    fil.write_text(tekst.replace(gammel, gammel.replace("7850", "7950")), encoding="utf-8")
    with pytest.raises(
        ValueError, match=rf"ikke det samme.*regelverk {a.regler}.*--regler.*--satser"
    ):
        Assessment.from_record(data, regler=load_rulebook(mappe))


def test_regelversjon_endret_etter_vedtaket_avvises_og_nevnes(tmp_path: Path) -> None:
    """A version used, edited in place since (its text): refused, naming the version."""
    data = _lagret(assess(_sak("enslig")))
    assert "stl-18-1-engangsbehov" in data["spor"]["versjoner"]["2010-01-01"]
    mappe = _kopi_av_regler(tmp_path)
    fil = mappe / "stl-18-livsopphold.toml"
    gammel = 'nb = "Det er ingen udekkede nødvendige engangsutgifter i måneden som vurderes."'
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst
    fil.write_text(tekst.replace(gammel, gammel.replace("ingen", "ingen andre")), "utf-8")
    with pytest.raises(ValueError, match="regelversjonen stl-18-1-engangsbehov@2010-01-01"):
        Assessment.from_record(data, regler=load_rulebook(mappe))


def test_gjengitt_fra_format_4_skrives_i_format_4() -> None:
    """A decision read back from format 4 was not evaluated by the rules at hand: written
    again it keeps its trees (format 4), which no later rulebook can change."""
    a = assess(_sak("familie"))
    b = Assessment.from_record(_lagret(a, utgave=4))
    ny = _lagret(b)
    assert ny["format"] == "sosialregler-vedtaksgrunnlag/4"
    with pytest.raises(ValueError, match="kan bare skrives i format 4"):
        b.to_record(utgave=5)
    assert Assessment.from_record(ny).to_json() == a.to_json()


def test_med_regler_skriver_format_4() -> None:
    data = _lagret(assess(_sak("enslig")), med_regler=True)
    assert data["format"] == "sosialregler-vedtaksgrunnlag/4"


@pytest.mark.parametrize("kw", [{"utgave": 3}, {"utgave": 5, "med_regler": True}])
def test_ukjent_utgave_avvises(kw: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="utgave"):
        assess(_sak("enslig")).to_record(**kw)


def _med_annet_regelverk(data: dict[str, Any]) -> dict[str, Any]:
    """The record as if made with another rulebook (its digest differs from the one at hand),
    so reading takes the path that evaluates with the recorded versions alone."""
    return _ny_digest({**data, "regler": "sha256:" + "a" * 64})


@pytest.mark.parametrize("navn", EKSEMPLER)
def test_annet_regelverk_vurderer_med_versjonene_som_ble_brukt(navn: str) -> None:
    """Read with a rulebook whose digest differs, a record is evaluated with the recorded rule
    versions and areas only (``fastholdt_regelbok``): the same decision, the recorded digest."""
    a = assess(_sak(navn))
    data = _med_annet_regelverk(_lagret(a))
    b = Assessment.from_record(data)
    assert b.regler == data["regler"]
    assert b.to_json() == a.to_json().replace(a.regler, data["regler"])
    assert b.explain("nn") == a.explain("nn").replace(a.regler, data["regler"])


@settings(
    max_examples=max(10, settings().max_examples // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sak=fh.fulle_saker())
def test_annet_regelverk_gjengir_vilkarlige_saker(sak: dict[str, Any]) -> None:
    """Any case: its record read with the recorded versions alone renders the same JSON."""
    try:
        a = assess(sak)
    except ValueError:
        return  # a rejected case has no record
    b = Assessment.from_record(_med_annet_regelverk(_lagret(a)))
    assert b.to_json() == a.to_json().replace(a.regler, "sha256:" + "a" * 64)


def test_ny_regel_etter_vedtaket_endrer_ikke_gjengivelsen(tmp_path: Path) -> None:
    """A rule added to the folder after the decision (an exception to § 18 that would now
    refuse the claim): the rulebook's digest differs, and the record renders what was decided
    with the versions it used, never the new outcome."""
    a = assess(_sak("enslig"))
    data = _lagret(a)
    mappe = _kopi_av_regler(tmp_path)
    (mappe / "zz-ny-regel.toml").write_text(
        (ROT / "tests" / "data" / "ny_regel_etter_vedtak.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    bok = load_rulebook(mappe)
    assert bok.digest != a.regler
    assert assess(_sak("enslig"), regler=bok).to_json() != a.to_json()  # it would decide anew
    b = Assessment.from_record(data, regler=bok)
    assert b.to_json() == a.to_json()


KOMMUNALE = ROT / "examples" / "kommunale-satser-eksempel.toml"


def test_kommunale_satser_skrives_i_format_4() -> None:
    """A municipality's own rates are a file beside the rules folder, outside its digest: a
    record that evaluated again would need them, so by default the trees are kept (format 4),
    and ``gjengi`` renders it without them, as before."""
    bok = load_rulebook(satser=KOMMUNALE)
    a = assess(_sak("familie"), regler=bok)
    data = _lagret(a)
    assert data["format"] == "sosialregler-vedtaksgrunnlag/4"
    assert Assessment.from_record(data).to_json() == a.to_json()


def test_kommunale_satser_i_format_5_krever_satsene(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Format 5 asked for with a municipality's rates: read without them it is refused (never
    the state's rates in their place); ``gjengi --satser`` renders it."""
    from sosialregler.utdata.record import NOKKEL_MILJO
    from sosialregler.verktoy.cli import main

    monkeypatch.delenv(NOKKEL_MILJO, raising=False)
    a = assess(_sak("familie"), regler=load_rulebook(satser=KOMMUNALE))
    data = _lagret(a, utgave=5)
    assert data["format"] == record_spor.FORMAT
    with pytest.raises(ValueError, match=r"ikke det samme.*--satser"):
        Assessment.from_record(data)
    fil = tmp_path / "v.json"
    fil.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["gjengi", str(fil)]) == 2
    assert "--satser" in capsys.readouterr().err
    assert main(["gjengi", str(fil), "--satser", str(KOMMUNALE)]) == 0
    assert capsys.readouterr().out == a.explain("nb") + "\n"


def test_gjengi_med_regelmappe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``gjengi --regler MAPPE`` reads with that rules folder; a folder that cannot be read is
    a rejection naming ``--regler`` (exit 2)."""
    from sosialregler.verktoy.cli import main

    a = assess(_sak("enslig"))
    fil = tmp_path / "v.json"
    fil.write_text(json.dumps(a.to_record(), ensure_ascii=False), encoding="utf-8")
    mappe = _kopi_av_regler(tmp_path)
    assert main(["gjengi", str(fil), "--regler", str(mappe)]) == 0
    assert capsys.readouterr().out == a.explain("nb") + "\n"
    assert main(["gjengi", str(fil), "--regler", str(tmp_path / "finnes-ikke")]) == 2
    assert "--regler" in capsys.readouterr().err


#: A rate row as if published after a decision of 2027-02-01, made when the table's last row
#: was 2026's (flagged as known only to 2026-12-31): a fixture, not law.
_NY_SATSRAD = """

[[rad]]
gyldig_fra = 2027-01-01
kjent_gyldig_til = 2027-12-31
kilde = "testdata: en rad lagt til etter vedtaket"
merke = "V"
verifisert = 2027-03-01
verdier = { enslig = 9999, par = 13800, bofellesskap = 6950 }
barn = [
  { fra_alder = 0, til_alder = 5, belop = 4050 },
  { fra_alder = 6, til_alder = 10, belop = 4150 },
  { fra_alder = 11, til_alder = 17, belop = 5400 },
]
"""


def test_satsrad_lagt_til_etter_vedtaket_endrer_ikke_gjengivelsen(tmp_path: Path) -> None:
    """The next year's rates added after a decision made with the last known ones: the record
    is evaluated with the rate table as far as the row it used, so it renders what was
    decided (the old rates, flagged as possibly outdated), not the new amount."""
    sak = {**_sak("enslig"), "vurderingsdato": "2027-02-01"}
    a = assess(sak)
    data = _lagret(a)
    assert data["spor"]["satser"]["statlige-veiledende-satser"] == "2026-01-01"
    mappe = _kopi_av_regler(tmp_path)
    fil = mappe / "satser" / "statlige-veiledende.toml"
    fil.write_text(fil.read_text(encoding="utf-8") + _NY_SATSRAD, encoding="utf-8")
    bok = load_rulebook(mappe)
    assert assess(sak, regler=bok).to_json() != a.to_json()  # it would decide anew
    assert Assessment.from_record(data, regler=bok).to_json() == a.to_json()
