"""The evaluator: main rule and exceptions, undecided exceptions, conflicts, validity dates.

A small rules folder is written per test so each semantic is checked in isolation from the
law's own rules.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sosialregler import RegelFeil, Utfall, assess
from sosialregler.vurdering.derived import Ukjent
from sosialregler.vurdering.engine import Kontekst
from sosialregler.vurdering.rulebook_load import last_regelbok, standard_mappe


@pytest.fixture(autouse=True, params=["tolk", "kompilert"])
def motor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test here runs against the reference interpreter and the compiled rules."""
    monkeypatch.setenv("SOSIALREGLER_MOTOR", request.param)
    return str(request.param)


TEKST = """
[regel.tekst.oppfylt]
nb = "ja {soker.alder}"
nn = "ja {soker.alder}"
en = "yes {soker.alder}"
[regel.tekst.ikke_oppfylt]
nb = "nei"
nn = "nei"
en = "no"
"""


def _regel(rid: str, vilkar: str, ekstra: str = "", fra: str = "2010-01-01") -> str:
    return f"""
[[regel]]
id = "{rid}"
tittel = {{ nb = "{rid}", nn = "{rid}", en = "{rid}" }}
hjemmel = [{{ kilde = "sosialtjenesteloven", paragraf = "18", ledd = 1 }}]
kilde = "skal"
gyldig_fra = {fra}
vilkar = {vilkar}
{ekstra}
{TEKST}"""


def _bok(tmp_path: Path, *regler: str):  # type: ignore[no-untyped-def]
    mappe = tmp_path / "regler"
    mappe.mkdir()
    shutil.copy(standard_mappe() / "kilder.toml", mappe)
    shutil.copytree(standard_mappe() / "satser", mappe / "satser")
    (mappe / "test.toml").write_text("".join(regler), encoding="utf-8")
    return last_regelbok(mappe)


def _ktx(bok, **fakta):  # type: ignore[no-untyped-def]
    return Kontekst(bok, date(2024, 3, 1), fakta)


def test_hovedregel_uten_unntak(tmp_path: Path) -> None:
    bok = _bok(tmp_path, _regel("hoved", '"soker.alder >= 18"'))
    node = _ktx(bok, **{"soker.alder": 30}).evaluer_regel("hoved")
    assert node.utfall is Utfall.OPPFYLT
    assert node.avgjort_av is None
    assert node.regel is not None and node.regel.id == "hoved"
    # The leaf records the fact it read, with its value.
    blad = next(n for n in node.noder() if n.uttrykk)
    assert dict(blad.fakta) == {"soker.alder": 30}


def test_unntak_som_slar_til_avgjor_og_begge_vises(tmp_path: Path) -> None:
    bok = _bok(
        tmp_path,
        _regel("hoved", '"soker.alder >= 18"'),
        _regel(
            "unntak", '"husstand.antall_barn > 0"', 'unntak_fra = "hoved"\ngir = "ikke_oppfylt"'
        ),
    )
    node = _ktx(bok, **{"soker.alder": 30, "husstand.antall_barn": 2}).evaluer_regel("hoved")
    assert node.utfall is Utfall.IKKE_OPPFYLT
    assert node.avgjort_av == "unntak"
    ider = [n.id for n in node.noder()]
    assert "hoved/vilkar" in ider and "unntak" in ider


def test_unntak_som_ikke_slar_til_endrer_ingenting(tmp_path: Path) -> None:
    bok = _bok(
        tmp_path,
        _regel("hoved", '"soker.alder >= 18"'),
        _regel(
            "unntak", '"husstand.antall_barn > 0"', 'unntak_fra = "hoved"\ngir = "ikke_oppfylt"'
        ),
    )
    node = _ktx(bok, **{"soker.alder": 30, "husstand.antall_barn": 0}).evaluer_regel("hoved")
    assert node.utfall is Utfall.OPPFYLT
    assert node.avgjort_av is None


def test_uavklart_unntak_som_ville_endret_gir_uavklart(tmp_path: Path) -> None:
    bok = _bok(
        tmp_path,
        _regel("hoved", '"soker.alder >= 18"'),
        _regel(
            "unntak", '"husstand.antall_barn > 0"', 'unntak_fra = "hoved"\ngir = "ikke_oppfylt"'
        ),
    )
    fakta = {"soker.alder": 30, "husstand.antall_barn": Ukjent(("personer",))}
    node = _ktx(bok, **fakta).evaluer_regel("hoved")
    assert node.utfall is Utfall.UAVKLART
    assert node.mangler == ("personer",)


def test_uavklart_unntak_som_ikke_ville_endret_er_uten_betydning(tmp_path: Path) -> None:
    bok = _bok(
        tmp_path,
        _regel("hoved", '"soker.alder >= 18"'),
        _regel("unntak", '"husstand.antall_barn > 0"', 'unntak_fra = "hoved"\ngir = "oppfylt"'),
    )
    fakta = {"soker.alder": 30, "husstand.antall_barn": Ukjent(("personer",))}
    node = _ktx(bok, **fakta).evaluer_regel("hoved")
    assert node.utfall is Utfall.OPPFYLT
    assert node.mangler == ()


def test_motstridende_unntak_er_en_regelfeil(tmp_path: Path) -> None:
    bok = _bok(
        tmp_path,
        _regel("hoved", '"soker.alder >= 18"'),
        _regel("u1", '"soker.alder > 20"', 'unntak_fra = "hoved"\ngir = "ikke_oppfylt"'),
        _regel("u2", '"soker.alder > 25"', 'unntak_fra = "hoved"\ngir = "skjonn"'),
    )
    with pytest.raises(RegelFeil, match=r"u1.*u2|u2.*u1"):
        _ktx(bok, **{"soker.alder": 30}).evaluer_regel("hoved")


def test_samstemte_unntak_kan_slaa_til_samtidig(tmp_path: Path) -> None:
    """Catala #208: cumulative exceptions that agree must not abort."""
    bok = _bok(
        tmp_path,
        _regel("hoved", '"soker.alder >= 18"'),
        _regel("u1", '"soker.alder > 20"', 'unntak_fra = "hoved"\ngir = "ikke_oppfylt"'),
        _regel("u2", '"soker.alder > 25"', 'unntak_fra = "hoved"\ngir = "ikke_oppfylt"'),
    )
    node = _ktx(bok, **{"soker.alder": 30}).evaluer_regel("hoved")
    assert node.utfall is Utfall.IKKE_OPPFYLT


def test_regel_utenfor_gyldighet_gir_eksplisitt_node(tmp_path: Path) -> None:
    bok = _bok(tmp_path, _regel("ny", '"soker.alder >= 18"', fra="2030-01-01"))
    node = _ktx(bok, **{"soker.alder": 30}).evaluer_regel("ny")
    assert node.utfall is Utfall.UAVKLART
    assert node.rolle == "ikke_i_kraft"


def test_versjoner_velges_etter_dato(tmp_path: Path) -> None:
    gammel = _regel("r", '"soker.alder >= 19"', "gyldig_til = 2018-12-31")
    ny = _regel("r", '"soker.alder >= 18"', fra="2019-01-01")
    bok = _bok(tmp_path, gammel, ny)
    assert bok.regel("r", date(2018, 12, 31)).info.gyldig_fra == date(2010, 1, 1)
    assert bok.regel("r", date(2019, 1, 1)).info.gyldig_fra == date(2019, 1, 1)
    assert bok.regel("r", date(2009, 12, 31)) is None


def test_skjonn_blad_og_referanse(tmp_path: Path) -> None:
    bok = _bok(
        tmp_path,
        _regel(
            "a",
            '{ alle = [{ regel = "b" }, { skjonn = { nb = "Rimelig?", nn = "Rimelig?", en = "Fair?" } }] }',  # noqa: E501
        ),
        _regel("b", '"soker.alder >= 18"'),
    )
    node = _ktx(bok, **{"soker.alder": 30}).evaluer_regel("a")
    assert node.utfall is Utfall.SKJONN
    sporsmal = [n.sporsmal for n in node.noder() if n.sporsmal]
    assert sporsmal == [{"nb": "Rimelig?", "nn": "Rimelig?", "en": "Fair?"}]
    assert node.finn("b") is not None


def test_referert_regel_vurderes_en_gang(tmp_path: Path) -> None:
    bok = _bok(
        tmp_path,
        _regel("a", '{ alle = [{ regel = "b" }, { regel = "b" }] }'),
        _regel("b", '"soker.alder >= 18"'),
    )
    node = _ktx(bok, **{"soker.alder": 30}).evaluer_regel("a")
    b_noder = [n for n in node.noder() if n.id == "b"]
    assert len(b_noder) == 2 and b_noder[0] is b_noder[1]


def test_uttrykk_som_ikke_gir_sannhetsverdi_er_regelfeil(tmp_path: Path) -> None:
    # Known from the fact catalogue's kinds, so refused when the rules load (issue 15).
    with pytest.raises(RegelFeil, match="gir tall, ikke sann/usann"):
        _bok(tmp_path, _regel("a", '"soker.alder + 1"'))


def test_standardreglene_vurderer_demosaken() -> None:
    vurdering = assess(Path("examples/familie.json").read_text(encoding="utf-8"))
    assert "livsopphold" in vurdering.vedtak
    # Areas without facts in the case are left out: the demo has no KVP, stays or reductions.
    assert not {
        "kvalifiseringsprogram",
        "kvalifiseringsstonad",
        "midlertidig_botilbud",
        "reduksjon",
    } & set(vurdering.vedtak)


@pytest.mark.parametrize(
    ("vilkar", "fakta"),
    [
        ('"soker.alder >= 18"', {"soker.alder": "tretti"}),  # one fact: the short path
        (
            '"soker.alder >= 18 og soker.fodselsdato < 2000-01-01"',
            {"soker.alder": 30, "soker.fodselsdato": 1990},
        ),
    ],
)
def test_uttrykk_som_feiler_under_vurdering_er_regelfeil(
    tmp_path: Path, vilkar: str, fakta: dict
) -> None:
    """A value the expression cannot use is a rule fault naming the rule and the expression."""
    bok = _bok(tmp_path, _regel("hoved", vilkar))
    with pytest.raises(RegelFeil) as feil:
        _ktx(bok, **fakta).evaluer_regel("hoved")
    melding = str(feil.value)
    assert "uttrykket feilet under vurdering" in melding
    assert "hoved" in melding and "test.toml" in melding


def test_uttrykk_som_ikke_gir_sann_eller_usann_er_regelfeil(tmp_path: Path) -> None:
    # The fact's kind is in the catalogue: refused when the rules load (issue 15).
    with pytest.raises(RegelFeil, match="gir tall, ikke sann/usann"):
        _bok(tmp_path, _regel("hoved", '"soker.alder"'))
