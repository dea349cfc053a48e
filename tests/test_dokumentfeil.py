"""One error type for a refused document (issue 17 point 3): a case, NAV's application, a rule
or rate file, a test-case file. Each is a ``DokumentFeil`` whose ``.feil`` names path, value
and reason, with paths written one way (``sti``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sosialregler
from sosialregler import DokumentFeil, Feil, RegelFeil, UgyldigSak
from sosialregler.inndata.sti import nokkel, skjot
from sosialregler.verktoy.testfiler import TestfilFeil, les_testfil
from sosialregler.vurdering.rulebook_load import last_regelbok


def test_sti_skrives_paa_en_maate() -> None:
    assert skjot(skjot(skjot("", "personer"), 0), "fodselsdato") == "personer[0].fodselsdato"
    assert nokkel("inntekter[0]", "rar nøkkel") == 'inntekter[0]["rar n\\u00f8kkel"]'
    assert nokkel("", "") == '[""]'
    assert nokkel("a", 1) == 'a["1"]'  # an object's key that is not text: quoted
    assert skjot("a", 1) == "a[1]"  # a list's index


def test_en_avvist_sak_er_en_dokumentfeil() -> None:
    with pytest.raises(DokumentFeil) as feil:
        sosialregler.assess({"personer": [{"id": "p1", "rolle": "soker", "x": 1}]})
    assert isinstance(feil.value, UgyldigSak)
    assert isinstance(feil.value, ValueError)
    assert feil.value.dokument is None
    assert "personer[0].x" in [f.felt for f in feil.value.feil]


def test_en_nav_soknad_avvises_som_dokumentfeil() -> None:
    with pytest.raises(DokumentFeil) as feil:
        sosialregler.read_soknad("[]")
    assert all(isinstance(f, Feil) and f.felt and f.melding for f in feil.value.feil)


def test_en_regelfil_avvises_som_dokumentfeil(tmp_path: Path) -> None:
    (tmp_path / "stl-x.toml").write_text("[[regel]\n", encoding="utf-8")
    with pytest.raises(DokumentFeil) as feil:
        last_regelbok(tmp_path)
    assert isinstance(feil.value, RegelFeil)
    assert feil.value.dokument == feil.value.fil
    (problem,) = feil.value.feil
    assert problem.felt == (feil.value.regel or "$")
    assert problem.melding == feil.value.melding


def test_regelfeil_teksten_er_uendret() -> None:
    assert str(RegelFeil("ugyldig", "a.toml", "r1")) == "a.toml, regel r1: ugyldig"
    assert RegelFeil("ugyldig", "a.toml", "r1").feil == [Feil("r1", None, "ugyldig")]


def test_en_testfil_avvises_som_dokumentfeil(tmp_path: Path) -> None:
    fil = tmp_path / "saker.toml"
    fil.write_text('[[sak]]\nnavn = "a"\n[sak.forventet]\nx = 1\n', encoding="utf-8")
    with pytest.raises(DokumentFeil) as feil:
        les_testfil(fil)
    assert isinstance(feil.value, TestfilFeil)
    assert feil.value.dokument == str(fil)
    (problem,) = feil.value.feil
    ventet = "sak.a" + (f".{feil.value.nokkel}" if feil.value.nokkel else "")
    assert problem.felt == ventet
    assert str(feil.value).startswith(f"{fil}, sak «a»")
    assert TestfilFeil("f.toml", "m", "a b", "navn").feil == [Feil('sak["a b"].navn', None, "m")]
    assert TestfilFeil("f.toml", "m").feil == [Feil("$", None, "m")]
