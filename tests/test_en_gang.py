"""Each piece of knowledge written once (issue 17 point 3): the form of an ISO date, an amount
as a JSON number, the outcome algebra. A copy that comes back fails here, by name."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sosialregler.inndata.desimal import tall_til_json
from sosialregler.inndata.isodato import ISO_DATO, som_dato

PAKKE = Path(__file__).resolve().parent.parent / "src" / "sosialregler"


def _kilder() -> dict[str, str]:
    return {str(f.relative_to(PAKKE)): f.read_text(encoding="utf-8") for f in PAKKE.rglob("*.py")}


@pytest.mark.parametrize(
    ("tekst", "ventet"),
    [
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-02-29", None),  # not in the calendar
        ("2017-13-01", None),  # NAV's own sample
        ("٢٠٢٤-٠١-٠١", None),  # other scripts' digits: fromisoformat would refuse them
        ("2024-1-01", None),
        (" 2024-01-01", None),
        (20240101, None),
    ],
)
def test_som_dato(tekst: object, ventet: date | None) -> None:
    assert som_dato(tekst) == ventet


def test_iso_dato_bare_ascii_sifre() -> None:
    assert ISO_DATO.fullmatch("2024-01-01")
    assert not ISO_DATO.fullmatch("٢٠٢٤-٠١-٠١")


def test_iso_datoens_form_staar_ett_sted() -> None:
    """Only isodato.py writes the form of an ISO date as a regex."""
    form = re.compile(r"(\\d|\[0-9\])\{4\}-(\\d|\[0-9\])\{2\}-")
    kopier = sorted(navn for navn, kilde in _kilder().items() if form.search(kilde))
    assert kopier == ["inndata/isodato.py"]


@pytest.mark.parametrize(
    ("belop", "ventet"),
    [(Decimal("11750"), 11750), (Decimal("11750.00"), 11750), (Decimal("0.5"), 0.5)],
)
def test_tall_til_json(belop: Decimal, ventet: float) -> None:
    ut = tall_til_json(belop)
    assert ut == ventet
    assert type(ut) is type(ventet)


def test_belop_til_json_staar_ett_sted() -> None:
    """Only desimal.py turns an amount into a JSON number (whole: int, else float)."""
    kopier = sorted(
        navn for navn, kilde in _kilder().items() if "to_integral_value() else float(" in kilde
    )
    assert kopier == ["inndata/desimal.py"]


def test_kryssreglene_staar_ett_sted() -> None:
    """The contract's rules across fields that are data (dates in order, the lists naming a
    person, contradicting residence facts) are declared in kryssregler.py only: neither walker
    in contract.py spells one out again."""
    kilde = (PAKKE / "inndata" / "contract.py").read_text(encoding="utf-8")
    for tekst in (
        "slutter før det begynner",
        "før vilkåret ble satt (satt_dato)",
        "en forlengelse må slutte etter",
        '"asylsoker_med_statlig_innkvartering"',
        '"rett_til_opphold_under_oppholdssak"',
        '"andre_utgifter", "vilkar"',
        '"ektefelle", "samboer")',
    ):
        assert tekst not in kilde, tekst


def test_en_rekkefolge_leses_likt_av_begge_veier() -> None:
    """One ``Rekkefolge`` answers the same for typed dates as for two raw ones."""
    from sosialregler.inndata import kryssregler
    from sosialregler.inndata.facts import Saksbehandler

    (regel,) = kryssregler.SAKSBEHANDLER
    for fra, til, brutt in (
        (date(2024, 2, 1), date(2024, 1, 31), True),
        (date(2024, 2, 1), date(2024, 2, 1), False),
        (date(2024, 2, 1), None, False),
    ):
        sb = Saksbehandler(periode_fra=fra, periode_til=til)
        assert regel.brutt(fra, til) is brutt
        assert kryssregler.brutt_i(kryssregler.SAKSBEHANDLER, sb) is brutt


def test_tilsynets_lesehjelp_taaler_andre_skrifters_sifre() -> None:
    """The audit's reading aid read a date with ``\\d`` and then crashed in
    ``date.fromisoformat`` on other scripts' digits; it now reads dates as every reader does
    (isodato.py) and shows such a text as text."""
    import json

    import sosialregler
    from sosialregler.verktoy import tilsyn
    from sosialregler.verktoy.tilsyn.etiketter import lesehjelp, verdi

    eksempel = PAKKE.parent.parent / "examples" / "enslig.json"
    vurdering = sosialregler.assess(json.loads(eksempel.read_text(encoding="utf-8")))
    tekst = verdi(tilsyn.last(), "٢٠٢٤-٠١-٠١", "nb", lesehjelp(vurdering))
    assert "٢٠٢٤" in tekst
    assert verdi(tilsyn.last(), "2024-01-31", "nb", lesehjelp(vurdering)) == "31.01.2024"
