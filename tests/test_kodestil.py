"""ruff is part of the definition of done: the suite fails when the code is not clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROT = Path(__file__).resolve().parent.parent


def test_ruff_er_rent() -> None:
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.fail("ruff is a test dependency; install with pip install '.[test]'")
    resultat = subprocess.run(
        [ruff, "check", "src", "tests", "benchmarks"], cwd=ROT, capture_output=True, text=True
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_pakken_er_typet_og_typesjekkes() -> None:
    """The package ships ``py.typed`` (PEP 561) and ``.ci/run`` holds its hints to mypy, with
    the configuration in pyproject.toml (so a bare ``mypy`` checks the same thing)."""
    import tomllib

    assert (ROT / "src" / "sosialregler" / "py.typed").is_file()
    oppsett = tomllib.loads((ROT / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = oppsett["tool"]["mypy"]
    assert mypy["files"] == ["src/sosialregler"]
    assert mypy["warn_unused_ignores"] is True
    assert "ignore_errors" not in mypy
    assert any(k.startswith("mypy") for k in oppsett["project"]["optional-dependencies"]["test"])
    ci = (ROT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m mypy" in ci


def test_type_ignore_har_kode_og_grunn() -> None:
    """A ``# type: ignore`` names its error code and says why, on the line above or after it:
    silencing the checker is a decision a reader must be able to judge."""
    mangler = []
    for fil in sorted((ROT / "src" / "sosialregler").rglob("*.py")):
        linjer = fil.read_text(encoding="utf-8").splitlines()
        for i, linje in enumerate(linjer):
            if "type: ignore" not in linje:
                continue
            _, _, etter = linje.partition("type: ignore")
            med_kode = etter.startswith("[")
            forrige = linjer[i - 1].strip() if i else ""
            grunn = forrige.startswith("#") or "#" in etter
            if not (med_kode and grunn):
                mangler.append(f"{fil.relative_to(ROT)}:{i + 1}: {linje.strip()}")
    assert not mangler, "\n".join(mangler)


# --- import cycles (issue 17 point 3: a house without circles) -------------------------------

PAKKE = ROT / "src" / "sosialregler"

#: Imports inside a function, each with its reason: an optional extra, or a measured start-up
#: cost (``python -X importtime``) for a module most callers never need. Anything else is
#: imported at the top of its module, where a cycle would show (issue 17 point 3).
#: (module, imported module) → why.
IMPORT_I_FUNKSJON = {
    (
        "sosialregler.utdata.assessment",
        "sosialregler.utdata.vedtaksbrev",
    ): "start-up: letters, 12 ms",
    ("sosialregler.verktoy.cli", "sosialregler.verktoy.oppfolging"): "start-up: one command, 6 ms",
    ("sosialregler.verktoy.cli", "sosialregler.verktoy.repl"): "start-up: one command, 5 ms",
    ("sosialregler.verktoy.cli", "sosialregler.verktoy.testfiler"): "start-up: one command, 8 ms",
    ("sosialregler.verktoy.cli", "sosialregler.verktoy.tilsyn"): "start-up: one command, 8 ms",
    ("sosialregler.verktoy.cli", "sosialregler.verktoy.tilsyn.etiketter"): "start-up: one command",
    (
        "sosialregler.verktoy.cli",
        "sosialregler.verktoy.tilsyn.rapport",
    ): "start-up: one command, 13 ms",
    ("sosialregler.verktoy.cli", "sosialregler.verktoy.tilsyn.regler"): "start-up: one command",
    ("sosialregler.verktoy.cli", "sosialregler.verktoy.tilsyn.tekst"): "start-up: one command",
    ("sosialregler.verktoy.cli", "pyarrow"): "optional extra «populasjon»",
    (
        "sosialregler.verktoy.cli",
        "sosialregler.verktoy.populasjon",
    ): "optional extra «populasjon»: one command",
    (
        "sosialregler.verktoy.cli",
        "sosialregler.verktoy.populasjon.generator",
    ): "optional extra «populasjon»",
    (
        "sosialregler.verktoy.cli",
        "sosialregler.verktoy.populasjon.kilde",
    ): "optional extra «populasjon»",
    (
        "sosialregler.verktoy.cli",
        "sosialregler.verktoy.populasjon.kjoring",
    ): "optional extra «populasjon»",
    (
        "sosialregler.verktoy.cli",
        "sosialregler.verktoy.populasjon.simulering",
    ): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.fordelt", "dask"): "optional extra «dask»",
    ("sosialregler.lov.kompilator.kolonne", "numpy"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.kolonne", "numpy"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.fordelt", "pandas"): "optional extra «dask» (Dask's frames)",
    ("sosialregler.verktoy.populasjon.fordelt", "pyarrow"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.generator", "pyarrow"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.kilde", "pyarrow"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.kjoring", "pyarrow"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.motor", "pyarrow"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.simulering", "pyarrow"): "optional extra «populasjon»",
    ("sosialregler.verktoy.populasjon.skjema", "pyarrow"): "optional extra «populasjon»",
    ("sosialregler.verktoy.repl", "pydoc"): "start-up: only a long page needs the pager",
    ("sosialregler.verktoy.repl", "readline"): "optional per platform; takes over the terminal",
    (
        "sosialregler.verktoy.testfiler",
        "pytest",
    ): "optional extra: `sosialregler test` runs without",
    (
        "sosialregler.verktoy.cli",
        "starlette",
    ): "optional extra «tjeneste»: serve says which to install",
    (
        "sosialregler.verktoy.cli",
        "uvicorn",
    ): "optional extra «tjeneste»: serve says which to install",
    (
        "sosialregler.verktoy.cli",
        "sosialregler.verktoy.tjeneste.server",
    ): "optional extra «tjeneste» (serve)",
    ("sosialregler.verktoy.tjeneste.selvbetjening", "starlette"): "optional extra «tjeneste»",
}


def _modulnavn(fil: Path) -> str:
    deler = list(fil.relative_to(PAKKE.parent).with_suffix("").parts)
    return ".".join(deler[:-1] if deler[-1] == "__init__" else deler)


def _importgraf() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Module → the package modules it imports (anywhere but under ``if TYPE_CHECKING``), and
    module → the modules it imports inside a function (any module, also one outside the
    package, by its top-level name). A package that imports its modules by name
    (``importlib.import_module(f"{__name__}.…")``, as ``areas`` does) imports all of them."""
    import ast

    filer = {_modulnavn(f): f for f in PAKKE.rglob("*.py")}

    def mal(modul: str, node: ast.Import | ast.ImportFrom, er_pakke: bool) -> set[str]:
        if isinstance(node, ast.Import):
            navn = [a.name for a in node.names]
        else:
            base = modul.split(".")[: None if er_pakke else -1]
            if node.level:
                base = base[: len(base) - node.level + 1]
                prefiks = ".".join([*base, *([node.module] if node.module else [])])
            else:
                prefiks = node.module or ""
            # `from . import x`: module x if there is one, else a name from the package itself
            navn = [
                f"{prefiks}.{a.name}" if f"{prefiks}.{a.name}" in filer else prefiks
                for a in node.names
            ]
        ut = set()
        for n in navn:
            while n and n not in filer:
                n = n.rpartition(".")[0]
            if n and n != modul:
                ut.add(n)
        return ut

    def utenfra(node: ast.Import | ast.ImportFrom) -> set[str]:
        if isinstance(node, ast.Import):
            return {a.name.partition(".")[0] for a in node.names}
        return {(node.module or "").partition(".")[0]}

    def er_typesjekk(node: ast.If) -> bool:
        return "TYPE_CHECKING" in ast.unparse(node.test)

    alle: dict[str, set[str]] = {m: set() for m in filer}
    i_funksjon: dict[str, set[str]] = {m: set() for m in filer}
    for modul, fil in filer.items():
        tekst = fil.read_text(encoding="utf-8")
        er_pakke = fil.name == "__init__.py"

        def besok(node: ast.AST, inni: bool, modul: str = modul, er_pakke: bool = er_pakke) -> None:
            if isinstance(node, ast.If) and er_typesjekk(node):
                for barn in node.orelse:
                    besok(barn, inni)
                return
            if isinstance(node, ast.Import | ast.ImportFrom):
                treff = mal(modul, node, er_pakke)
                alle[modul] |= treff
                if inni:
                    i_funksjon[modul] |= treff or utenfra(node)
            inni = inni or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            for barn in ast.iter_child_nodes(node):
                besok(barn, inni)

        besok(ast.parse(tekst), False)
        if er_pakke and 'import_module(f"{__name__}.' in tekst:
            alle[modul] |= {m for m in filer if m.rpartition(".")[0] == modul and m != modul}
    return alle, i_funksjon


def _ringer(graf: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    indeks: dict[str, int] = {}
    lav: dict[str, int] = {}
    stabel: list[str] = []
    pa_stabel: set[str] = set()
    ringer: list[frozenset[str]] = []
    for start in graf:
        if start in indeks:
            continue
        arbeid = [(start, iter(sorted(graf[start])))]
        indeks[start] = lav[start] = len(indeks)
        stabel.append(start)
        pa_stabel.add(start)
        while arbeid:
            v, naboer = arbeid[-1]
            for w in naboer:
                if w not in indeks:
                    indeks[w] = lav[w] = len(indeks)
                    stabel.append(w)
                    pa_stabel.add(w)
                    arbeid.append((w, iter(sorted(graf[w]))))
                    break
                if w in pa_stabel:
                    lav[v] = min(lav[v], indeks[w])
            else:
                arbeid.pop()
                if arbeid:
                    lav[arbeid[-1][0]] = min(lav[arbeid[-1][0]], lav[v])
                if lav[v] == indeks[v]:
                    ring = set()
                    while True:
                        w = stabel.pop()
                        pa_stabel.discard(w)
                        ring.add(w)
                        if w == v:
                            break
                    if len(ring) > 1:
                        ringer.append(frozenset(ring))
    return ringer


def test_ringfinneren_ser_en_ring() -> None:
    """The cycle finder finds a cycle, through a function-level import too."""
    graf = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _ringer(graf) == [frozenset({"a", "b", "c"})]
    assert _ringer({"a": {"b"}, "b": set()}) == []


def test_ingen_importring() -> None:
    """No import cycle in the package (every import counts, also one inside a function)."""
    alle, _ = _importgraf()
    assert not _ringer(alle), f"importringer: {[sorted(r) for r in _ringer(alle)]}"


def test_import_i_funksjon_bare_med_grunn() -> None:
    """An import inside a function is an optional extra or a measured start-up cost, listed
    with its reason in ``IMPORT_I_FUNKSJON``; and the list holds nothing that is gone."""
    _, i_funksjon = _importgraf()
    funnet = {(m, mal) for m, maler in i_funksjon.items() for mal in maler}
    assert sorted(funnet - IMPORT_I_FUNKSJON.keys()) == []
    assert sorted(IMPORT_I_FUNKSJON.keys() - funnet) == []
    assert all(grunn.strip() for grunn in IMPORT_I_FUNKSJON.values())


def test_importlisten_ser_en_import_i_funksjon() -> None:
    """The lister sees a function-level import of the package and of an outside module."""
    _, i_funksjon = _importgraf()
    assert "pydoc" in i_funksjon["sosialregler.verktoy.repl"]
    assert "sosialregler.utdata.vedtaksbrev" in i_funksjon["sosialregler.utdata.assessment"]


def test_vurderer_er_api_assess() -> None:
    """The one inverted dependency (``vurderer``): what-if and records reach exactly
    ``api.assess_med_spor``, a kept result exactly ``api``'s evaluation."""
    from sosialregler import api
    from sosialregler.vurdering import vurderer

    assert [api.assess_med_spor] == vurderer._VURDER
    assert [api._evaluer] == vurderer._EVALUER
    vurderer.bruk(api.assess_med_spor, api._evaluer)  # setting the same again is harmless
    with pytest.raises(RuntimeError):
        vurderer.bruk(lambda *a, **k: None, api._evaluer)  # type: ignore[arg-type]
    with pytest.raises(RuntimeError):
        vurderer.bruk(api.assess_med_spor, lambda *a: None)  # type: ignore[arg-type]
    assert [api.assess_med_spor] == vurderer._VURDER
    assert [api._evaluer] == vurderer._EVALUER


def test_versjonen_staar_ett_sted_i_pakken() -> None:
    """``__version__`` lives in ``versjon.py`` (the package re-exports it) and equals
    pyproject.toml's, so no module need import the package itself to name it."""
    import tomllib

    import sosialregler
    from sosialregler import versjon

    oppsett = tomllib.loads((ROT / "pyproject.toml").read_text(encoding="utf-8"))
    assert sosialregler.__version__ == versjon.__version__ == oppsett["project"]["version"]


# --- layers (issue 17 point 3: folders that show the flow) ------------------------------------

#: The layer folders, lowest first; ``""`` is the package root, the public face (``api``:
#: ``assess`` returns the output object, and the tools call ``assess``). A module imports only
#: its own layer and those below it. ``tools/flytt_moduler.py`` moved the house into them.
LAG = ("inndata", "lov", "vurdering", "utdata", "", "verktoy")

#: The doors: the package (it re-exports the public names, tools' too) and ``python -m``.
DORER = frozenset({"sosialregler", "sosialregler.__main__"})

#: Old documented names other projects use, kept as the very same module (README). A line
#: ending in «gammelt navn» keeps its names when ``tools/flytt_moduler.py`` moves modules.
GAMLE_NAVN = {
    "sosialregler.testing": "sosialregler.verktoy.testing",  # gammelt navn
    "sosialregler.testfiler": "sosialregler.verktoy.testfiler",  # gammelt navn
    "sosialregler.populasjon": "sosialregler.verktoy.populasjon",  # gammelt navn (issue 19)
}

#: What lies at the root besides the doors and the old names: the face.
ROTEN = frozenset({"sosialregler.api", "sosialregler.versjon"})


def _lag(modul: str) -> int:
    deler = modul.split(".")
    return LAG.index(deler[1]) if len(deler) > 1 and deler[1] in LAG else LAG.index("")


def _oppover(graf: dict[str, set[str]]) -> list[str]:
    """Every import that points to a higher layer (the doors and old names may)."""
    return sorted(
        f"{modul} → {mal}"
        for modul, maler in graf.items()
        if modul not in DORER and modul not in GAMLE_NAVN
        for mal in maler
        if _lag(mal) > _lag(modul)
    )


def test_lagtesten_ser_et_brudd() -> None:
    """The layer check sees an input module that imports the law, and lets the law import
    input, the tools import the face and the package import anything."""
    graf = {
        "sosialregler.inndata.a": {"sosialregler.lov.b"},
        "sosialregler.lov.b": {"sosialregler.inndata.c"},
        "sosialregler.verktoy.d": {"sosialregler.api"},
        "sosialregler.api": {"sosialregler.utdata.e"},
        "sosialregler": {"sosialregler.verktoy.d"},
    }
    assert _oppover(graf) == ["sosialregler.inndata.a → sosialregler.lov.b"]
    assert _oppover({"sosialregler.utdata.e": {"sosialregler.api"}}) != []


def test_lagene_importerer_bare_nedover() -> None:
    """inndata ← lov ← vurdering ← utdata ← (api) ← verktoy: every import points down or
    sideways (any import counts, one inside a function too; one for the type checker only
    does not, as in the cycle test)."""
    alle, _ = _importgraf()
    assert _oppover(alle) == []


def test_roten_holder_bare_fasaden() -> None:
    """Every module lives in a layer folder but the face, the doors and the old names."""
    alle, _ = _importgraf()
    i_roten = {m for m in alle if m.count(".") == 1 and m.split(".")[1] not in LAG}
    assert sorted(i_roten - ROTEN - DORER - GAMLE_NAVN.keys()) == []
    assert {m.split(".")[1] for m in alle if m.count(".") >= 1} >= {n for n in LAG if n}


def test_gamle_navn_er_samme_modul() -> None:
    """``sosialregler.verktoy.testing`` and ``sosialregler.verktoy.testfiler`` (the pytest plugin's
    name, in
    pyproject.toml's entry point) are the moved modules themselves, not copies."""
    import importlib
    import tomllib

    for gammel, ny in GAMLE_NAVN.items():
        assert importlib.import_module(gammel) is importlib.import_module(ny)
    oppsett = tomllib.loads((ROT / "pyproject.toml").read_text(encoding="utf-8"))
    assert oppsett["project"]["entry-points"]["pytest11"] == {
        "sosialregler.testfiler": "sosialregler.testfiler"  # gammelt navn
    }
    from sosialregler.testing import cases  # gammelt navn

    assert callable(cases)
