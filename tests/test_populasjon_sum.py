"""Totals and the difference between two rate tables, checked on hand-made output tables."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")

from sosialregler.verktoy.populasjon.sammenlign import Differanse, sammenlign  # noqa: E402
from sosialregler.verktoy.populasjon.skjema import utdata_skjema  # noqa: E402
from sosialregler.verktoy.populasjon.totaler import Totaler, kr, tall  # noqa: E402

OMRADER = ("livsopphold", "kvalifiseringsstonad")
FEIL = [{"felt": "personer", "verdi": "3", "melding": "må være en liste"}]


def rad(nr: int, utfall: str | None, belop: Any = None, kvp: Any = None, **mer: Any) -> dict:
    return {
        "rad": nr,
        "livsopphold_utfall": utfall,
        "livsopphold_belop_per_maned": None if belop is None else Decimal(belop),
        "kvalifiseringsstonad_utfall": "oppfylt" if kvp is not None else None,
        "kvalifiseringsstonad_stonad_per_ar": None if kvp is None else Decimal(kvp),
        "intern_feil": False,
        **mer,
    }


def tabell(rader: list[dict]) -> Any:
    skjema = utdata_skjema(OMRADER)
    kolonner = {f.name: [r.get(f.name) for r in rader] for f in skjema}
    return pa.RecordBatch.from_pydict(kolonner, schema=skjema)


A = [
    rad(0, "oppfylt", "1000"),
    rad(1, "oppfylt", "2000.50", kvp="250000"),
    rad(2, "ikke_oppfylt", None),
    rad(3, "skjonn", "300"),
    rad(4, "uavklart", None),
    rad(5, None, feil=FEIL),
    rad(6, "oppfylt", "9000", merknader=["BOTILBUD_OVER_TRE_MANEDER"]),
]
B = [
    rad(0, "oppfylt", "1050"),  # +50: band 0–100
    rad(1, "oppfylt", "2700.50", kvp="250000"),  # +700: band 500–1000
    rad(2, "oppfylt", "150"),  # from no amount to 150: +150, band 100–500
    rad(3, "ikke_oppfylt", None),  # −300: band 100–500
    rad(4, "oppfylt", "5000"),  # uavklart under A: not compared
    rad(5, None, feil=FEIL),  # rejected: not compared
    rad(6, "oppfylt", "1000", merknader=["BOTILBUD_OVER_TRE_MANEDER"]),  # −8000: over 5000
]


def test_totaler_summerer_eksakt() -> None:
    t = Totaler(OMRADER)
    t.legg_til(tabell(A[:3]))
    t.legg_til(tabell(A[3:]))
    d = t.to_dict()
    assert (d["husholdninger"], d["vurdert"], d["avvist"], d["interne_feil"]) == (7, 6, 1, 0)
    assert d["utfall"]["livsopphold"] == {
        "ikke_oppfylt": 1,
        "oppfylt": 3,
        "skjonn": 1,
        "uavklart": 1,
    }
    assert d["livsopphold"] == {
        "husholdninger_med_belop": 4,
        "belop_per_maned": "12300.5",
        "belop_per_maned_etter_utfall": {"oppfylt": "12000.5", "skjonn": 300},
    }
    assert d["kvalifiseringsstonad"]["mottakere"] == 1
    assert d["kvalifiseringsstonad"]["stonad_per_ar"] == 250000
    assert d["merknader"] == {"BOTILBUD_OVER_TRE_MANEDER": 1}
    assert "12 300,5 kr per måned" in t.tekst()


def test_differanse_mellom_to_satstabeller_i_band() -> None:
    diff = sammenlign([tabell(A[:4]), tabell(A[4:])], [tabell(B[:4]), tabell(B[4:])])
    d = diff.to_dict()
    assert (d["husholdninger"], d["sammenlignet"], d["ikke_sammenlignet"]) == (7, 5, 2)
    # A: 1000 + 2000.50 + 0 + 300 + 9000 = 12 300.50; B: 1050 + 2700.50 + 150 + 0 + 1000
    assert d["livsopphold_per_maned"] == {
        "a": "12300.5",
        "b": "4900.5",
        "endring": -7400,
        "endring_per_ar": -88800,
    }
    assert d["vinnere"] == {
        "antall": 3,
        "sum_per_maned": 900,
        "band_kr_per_maned": {
            "0–100": 1,
            "100–500": 1,
            "500–1000": 1,
            "1000–2000": 0,
            "2000–5000": 0,
            "over 5000": 0,
        },
    }
    assert d["tapere"]["antall"] == 2 and d["tapere"]["sum_per_maned"] == 8300
    assert d["tapere"]["band_kr_per_maned"]["100–500"] == 1
    assert d["tapere"]["band_kr_per_maned"]["over 5000"] == 1
    assert d["uendret"] == 0
    assert d["overganger_livsopphold"] == {
        "ikke_oppfylt → oppfylt": 1,
        "skjonn → ikke_oppfylt": 1,
    }
    assert d["kvalifiseringsstonad_endring_per_ar"] == 0
    assert "Får mindre med B: 2 husholdninger, i alt 8 300 kr per måned" in diff.tekst()


def test_bandgrensen_horer_til_bandet_under() -> None:
    diff = Differanse()
    assert diff.bandnavn(Decimal(100)) == "0–100"
    assert diff.bandnavn(Decimal("100.01")) == "100–500"
    assert diff.bandnavn(Decimal(5001)) == "over 5000"


def test_ulike_rader_kan_ikke_sammenlignes() -> None:
    with pytest.raises(ValueError, match="ikke de samme"):
        sammenlign([tabell(A[:2])], [tabell(B[1:3])])


def test_tall_og_kr() -> None:
    assert tall(Decimal("12.50000000")) == "12.5"
    assert tall(Decimal("1200.00000000")) == 1200
    assert kr(Decimal("1234567.50")) == "1 234 567,5"
    assert kr(-3) == "-3"
