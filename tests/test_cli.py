"""Black-box tests of the command line, as the contract (case-format.md) describes it.

They protect what a case system scripts against: exit codes (0 assessed, 2 rejected, 1 bug),
the JSON output's contract keys, rejections as ``{"feil": [...]}``, and that a broken rules
folder is reported naming file and rule, never with a traceback (checked on every run by
``helpers_cli.kjor``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import FAMILIE, REGLER, Kjoring, fjern_hjemmel, kjor, kopier_regler

OK, AVVIST = 0, 2


@pytest.fixture(scope="module")
def familie_json() -> dict[str, Any]:
    """``vurder examples/familie.json --format json``, parsed (run once for the module)."""
    kjoring = kjor("vurder", FAMILIE, "--format", "json")
    assert kjoring.kode == OK, kjoring.feil
    data: dict[str, Any] = json.loads(kjoring.ut)
    return data


@pytest.fixture(scope="module")
def vedtaksgrunnlag(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A decision record written by ``vurder --format vedtaksgrunnlag``."""
    kjoring = kjor("vurder", FAMILIE, "--format", "vedtaksgrunnlag")
    assert kjoring.kode == OK, kjoring.feil
    fil = tmp_path_factory.mktemp("grunnlag") / "vedtaksgrunnlag.json"
    fil.write_text(kjoring.ut, "utf-8")
    return fil


def _feil_json(kjoring: Kjoring) -> list[dict[str, Any]]:
    """The rejection list printed on stdout by ``--format json``."""
    data = json.loads(kjoring.ut)
    assert set(data) == {"feil"}
    assert data["feil"]
    for f in data["feil"]:
        assert set(f) == {"felt", "verdi", "melding"}
        assert isinstance(f["melding"], str) and f["melding"]
    feil: list[dict[str, Any]] = data["feil"]
    return feil


# --- vurder ----------------------------------------------------------------------------------


def test_vurder_tekst_paa_bokmal() -> None:
    """The default output is the Norwegian explanation with amount and appeal information."""
    kjoring = kjor("vurder", "examples/familie.json")
    assert kjoring.kode == OK, kjoring.feil
    for tekst in ("STØNAD TIL LIVSOPPHOLD", "Klageadgang", "19 850", "§ 18"):
        assert tekst in kjoring.ut


def test_vurder_json_har_kontraktens_nokler(familie_json: dict[str, Any]) -> None:
    """``--format json`` has every key the contract lists, with usable values."""
    assert familie_json["vurderingsdato"] == "2024-03-01"
    assert familie_json["versjon"]["bibliotek"]
    assert familie_json["versjon"]["regler"].startswith("sha256:")
    livsopphold = familie_json["vedtak"]["livsopphold"]
    assert {
        "utfall",
        "hjemmel",
        "belop_per_maned",
        "beregning",
        "begrunnelse",
        "mangler",
        "forklaring",
    } <= set(livsopphold)
    assert livsopphold["utfall"] in {"oppfylt", "ikke_oppfylt", "uavklart", "skjonn"}
    assert livsopphold["hjemmel"] and all(isinstance(h, str) and h for h in livsopphold["hjemmel"])
    assert "§ 18" in livsopphold["hjemmel"][0]
    assert isinstance(livsopphold["begrunnelse"], str) and livsopphold["begrunnelse"].strip()
    assert livsopphold["belop_per_maned"] == 19850
    assert livsopphold["mangler"] == []
    assert {"post", "belop"} <= set(livsopphold["beregning"][0])
    forklaring = livsopphold["forklaring"]
    assert {"id", "utfall", "hjemmel", "fakta", "barn"} <= set(forklaring)
    assert forklaring["barn"], "forklaring is the full tree, not just its root"


def test_vurder_json_merknader(familie_json: dict[str, Any]) -> None:
    """``merknader`` is a list of ``{kode, hjemmel, tekst}``."""
    merknader = familie_json["merknader"]
    assert isinstance(merknader, list)
    for m in merknader:
        assert {"kode", "hjemmel", "tekst"} <= set(m)
        assert m["kode"].isupper() and m["tekst"]


def test_vurder_paa_engelsk() -> None:
    """``--sprak en`` gives the English text, not Norwegian."""
    kjoring = kjor("vurder", FAMILIE, "--sprak", "en")
    assert kjoring.kode == OK, kjoring.feil
    assert "FINANCIAL ASSISTANCE" in kjoring.ut
    assert "appeal" in kjoring.ut
    assert "STØNAD TIL LIVSOPPHOLD" not in kjoring.ut
    assert "Klageadgang" not in kjoring.ut


def test_vurder_fra_standard_inn(familie_json: dict[str, Any]) -> None:
    """``-`` reads the case from standard input, with the same result as the file."""
    kjoring = kjor("vurder", "-", "--format", "json", stdin=FAMILIE.read_text("utf-8"))
    assert kjoring.kode == OK, kjoring.feil
    assert json.loads(kjoring.ut) == familie_json


def test_dato_overstyrer_vurderingsdato(familie_json: dict[str, Any]) -> None:
    """``--dato`` replaces the case's date: the rates of that date are used."""
    kjoring = kjor("vurder", FAMILIE, "--format", "json", "--dato", "2023-03-01")
    assert kjoring.kode == OK, kjoring.feil
    data = json.loads(kjoring.ut)
    assert data["vurderingsdato"] == "2023-03-01"
    satslinjer = [b for b in data["vedtak"]["livsopphold"]["beregning"] if b.get("gyldig_fra")]
    assert satslinjer and all(b["gyldig_fra"] <= "2023-03-01" for b in satslinjer)
    assert (
        data["vedtak"]["livsopphold"]["belop_per_maned"]
        != (familie_json["vedtak"]["livsopphold"]["belop_per_maned"])
    )


def test_avvist_sak_som_json(tmp_path: Path) -> None:
    """A rejected case exits 2 and prints every problem as ``{"feil": [...]}`` on stdout."""
    sak = json.loads(FAMILIE.read_text("utf-8"))
    sak["personer"][1]["fodselsdato"] = "2017-13-01"
    sak["inntekter"][0]["type"] = "lotto"
    fil = tmp_path / "sak.json"
    fil.write_text(json.dumps(sak), "utf-8")
    kjoring = kjor("vurder", fil, "--format", "json", cwd=tmp_path)
    assert kjoring.kode == AVVIST
    feil = {f["felt"]: f for f in _feil_json(kjoring)}
    assert set(feil) == {"personer[1].fodselsdato", "inntekter[0].type"}
    assert feil["personer[1].fodselsdato"]["verdi"] == "2017-13-01"
    assert "arbeidsinntekt" in feil["inntekter[0].type"]["melding"]


def test_avvist_sak_som_tekst() -> None:
    """As text, a rejection exits 2 and names the field, the value and the reason."""
    sak = '{"personer": [{"id": "p1", "rolle": "onkel"}], "vurderingsdato": "2024-03-01"}'
    kjoring = kjor("vurder", "-", stdin=sak)
    assert kjoring.kode == AVVIST
    utskrift = kjoring.ut + kjoring.feil
    assert "personer[0].rolle" in utskrift
    assert "onkel" in utskrift
    assert "soker" in utskrift


def test_ugyldig_json_paa_standard_inn() -> None:
    """Text that is not JSON is a rejection with its position, not a crash."""
    kjoring = kjor("vurder", "-", "--format", "json", stdin='{\n  "personer": [,\n}')
    assert kjoring.kode == AVVIST
    (feil,) = _feil_json(kjoring)
    assert "linje 2" in feil["melding"]


def test_manglende_fil(tmp_path: Path) -> None:
    """A case file that does not exist exits 2 and names the file."""
    kjoring = kjor("vurder", "finnes-ikke.json", cwd=tmp_path)
    assert kjoring.kode == AVVIST
    assert "finnes-ikke.json" in kjoring.ut + kjoring.feil


def test_ugyldig_dato_argument() -> None:
    """A bad ``--dato`` exits 2 naming ``--dato``."""
    kjoring = kjor("vurder", FAMILIE, "--format", "json", "--dato", "2024-13-01")
    assert kjoring.kode == AVVIST
    assert any(f["felt"] == "--dato" for f in _feil_json(kjoring))


# --- regler ----------------------------------------------------------------------------------


def test_regler_lister_reglene_i_kraft() -> None:
    """``regler --dato`` lists the rules in force with their references."""
    kjoring = kjor("regler", "--dato", "2024-03-01")
    assert kjoring.kode == OK, kjoring.feil
    for tekst in ("stl-18-1-krav", "stl-18-3-barnetrygd", "fvl-27-klageadgang", "§ 18"):
        assert tekst in kjoring.ut
    assert "kommune-barnetrygd-holdes-utenfor" not in kjoring.ut, "ended 2022-08-31"


def test_regler_som_json() -> None:
    """``regler --format json`` is JSON listing each rule with id, references and validity."""
    kjoring = kjor("regler", "--dato", "2021-06-01", "--format", "json")
    assert kjoring.kode == OK, kjoring.feil
    data = json.loads(kjoring.ut)
    regler = {r["id"]: r for r in data["regler"]}
    assert "kommune-barnetrygd-holdes-utenfor" in regler
    assert "stl-18-3-barnetrygd" not in regler, "in force only from 2022-09-01"
    krav = regler["stl-18-1-krav"]
    assert krav["hjemmel"] and "§ 18" in krav["hjemmel"][0]
    assert krav["gyldig_fra"] == "2010-01-01"


def test_regler_sjekk_paa_de_leverte_reglene() -> None:
    """The shipped rules pass their own linter."""
    kjoring = kjor("regler", "--sjekk")
    assert kjoring.kode == OK, kjoring.ut + kjoring.feil
    assert "OK" in kjoring.ut


def test_regler_sjekk_mappe_som_ikke_finnes(tmp_path: Path) -> None:
    """Linting a folder that does not exist exits 2 naming it."""
    kjoring = kjor("regler", "--sjekk", "--regler", tmp_path / "borte")
    assert kjoring.kode == AVVIST
    assert "borte" in kjoring.ut + kjoring.feil


# --- The acceptance test: a rule that loses its legal basis -----------------------------------


@pytest.fixture
def regler_uten_hjemmel(tmp_path: Path) -> Path:
    """A copy of the rules where ``stl-18-1-udekket-behov`` has lost its ``hjemmel`` line."""
    kopi = kopier_regler(tmp_path)
    fil = kopi / "stl-18-livsopphold.toml"
    fjern_hjemmel(fil, "stl-18-1-udekket-behov")
    assert (REGLER / "stl-18-livsopphold.toml").read_text("utf-8") != fil.read_text("utf-8")
    return kopi


def test_sjekk_finner_regel_uten_hjemmel(regler_uten_hjemmel: Path) -> None:
    """``regler --sjekk`` exits 2 naming the file and the rule that has no legal basis."""
    kjoring = kjor("regler", "--sjekk", "--regler", regler_uten_hjemmel)
    assert kjoring.kode == AVVIST
    linjer = [linje for linje in kjoring.ut.splitlines() if "stl-18-1-udekket-behov" in linje]
    assert any("stl-18-livsopphold.toml" in linje and "hjemmel" in linje for linje in linjer), (
        kjoring.ut
    )


def test_vurder_med_regel_uten_hjemmel(regler_uten_hjemmel: Path) -> None:
    """Assessing with such rules exits 2, naming file and rule, instead of a wrong decision."""
    kjoring = kjor("vurder", "--regler", regler_uten_hjemmel, FAMILIE)
    assert kjoring.kode == AVVIST
    utskrift = kjoring.ut + kjoring.feil
    assert "stl-18-livsopphold.toml" in utskrift
    assert "stl-18-1-udekket-behov" in utskrift
    assert "19 850" not in utskrift


def test_vurder_json_med_regel_uten_hjemmel(regler_uten_hjemmel: Path) -> None:
    """With ``--format json`` the broken rules are a ``feil`` entry naming ``--regler``."""
    kjoring = kjor("vurder", "--regler", regler_uten_hjemmel, FAMILIE, "--format", "json")
    assert kjoring.kode == AVVIST
    (feil,) = _feil_json(kjoring)
    assert feil["felt"] == "--regler"
    assert "stl-18-livsopphold.toml" in feil["melding"]
    assert "stl-18-1-udekket-behov" in feil["melding"]


# --- gjengi ----------------------------------------------------------------------------------


@pytest.mark.parametrize("sprak", ["nb", "en"])
def test_gjengi_gir_samme_tekst_som_vurder(vedtaksgrunnlag: Path, sprak: str) -> None:
    """A stored decision record re-renders exactly the text ``vurder`` printed."""
    gjengitt = kjor("gjengi", vedtaksgrunnlag, "--sprak", sprak)
    vurdert = kjor("vurder", FAMILIE, "--sprak", sprak)
    assert gjengitt.kode == vurdert.kode == OK, gjengitt.feil + vurdert.feil
    assert gjengitt.ut == vurdert.ut


def test_gjengi_av_noe_som_ikke_er_et_vedtaksgrunnlag(tmp_path: Path) -> None:
    """A JSON object that is not a decision record is rejected (2), not a crash."""
    fil = tmp_path / "sak.json"
    fil.write_text(FAMILIE.read_text("utf-8"), "utf-8")
    kjoring = kjor("gjengi", fil)
    assert kjoring.kode == AVVIST
    assert "sak.json" in kjoring.ut + kjoring.feil


def test_gjengi_av_json_liste(tmp_path: Path) -> None:
    """A record that is a JSON list is bad input: exit 2, not an internal error."""
    fil = tmp_path / "liste.json"
    fil.write_text("[]", "utf-8")
    assert kjor("gjengi", fil).kode == AVVIST
