"""Tests for the rate tables (``sosialregler.lov.rates`` and ``rules/satser/*.toml``).

The expected numbers below are copied by hand from the law notes
(sosialtjenesteloven.md § 5.5, § 12.5, § 12.6, § 12.9, § 15.1–15.4, addendum-2026-11.md A1, A3,
A4 and addendum-2026-12.md §§ 1, 2, 4), NOT read from the TOML files: a typo in a rate file must
make a test fail.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from sosialregler.inndata.errors import RegelFeil
from sosialregler.lov.rates import (
    Aldersgruppe,
    Satser,
    Satstabell,
    last_satser,
    last_satstabell,
)

SATSMAPPE = Path(__file__).resolve().parents[1] / "rules" / "satser"

VEIL = "statlige-veiledende-satser"
G = "grunnbelop"
KVP = "kvalifiseringsstonad"
BT = "kvp-barnetillegg"


@pytest.fixture(scope="module")
def satser() -> Satser:
    return last_satser(SATSMAPPE)


# --------------------------------------------------------------------------------------------
# Published rows, one tuple per row of the law notes
# --------------------------------------------------------------------------------------------

# (gyldig_fra, enslig, par, bofellesskap, barn 0–5, barn 6–10, barn 11–17, merke)
VEILEDENDE = [
    (date(2002, 1, 1), 4000, 6660, 3330, 1530, 2020, 2550, "V"),  # § 15.1, S15
    (date(2004, 1, 1), 4140, 6880, 3440, 1580, 2090, 2640, "V"),  # § 15.1, S15
    (date(2006, 1, 1), 4270, 7100, 3550, 1630, 2160, 2720, "V"),  # § 15.1, A-16/2006
    (date(2007, 1, 1), 4600, 7650, 3825, 1760, 2330, 2930, "V"),  # § 15.1, A-16/2006
    (date(2008, 1, 1), 4720, 7840, 3920, 1800, 2390, 3000, "V"),  # § 15.1, S16
    (date(2009, 1, 1), 5105, 8479, 4240, 1947, 2585, 3245, "V"),  # addendum A1.1, A-44/2008
    (date(2010, 1, 1), 5197, 8632, 4316, 1982, 2632, 3303, "V"),  # addendum A1.1, A-68/2009
    (date(2012, 1, 1), 5373, 8924, 4462, 2049, 2724, 3415, "V"),  # § 15.1, S14
    (date(2013, 1, 1), 5500, 9100, 4550, 2100, 2800, 3500, "V"),  # § 15.1, S14
    (date(2014, 1, 1), 5600, 9300, 4650, 2150, 2850, 3600, "V"),  # addendum A1.1, A-1/2013
    (date(2015, 1, 1), 5700, 9500, 4750, 2200, 2900, 3700, "V2"),  # addendum A1.1 (NGO table)
    (date(2018, 1, 1), 6050, 10100, 5050, 2350, 3050, 3950, "V"),  # § 15.1, S13
    (date(2019, 1, 1), 6150, 10250, 5150, 2400, 3100, 4000, "V"),  # § 15.1, S13, S12
    (date(2020, 1, 1), 6250, 10450, 5250, 2450, 3150, 4100, "V"),  # § 15.1, S12
    (date(2020, 9, 1), 6250, 10450, 5250, 2750, 3150, 4100, "V"),  # § 15.1, S11
    (date(2021, 1, 1), 6450, 10800, 5400, 2850, 3250, 4250, "V"),  # § 15.1, S10
    (date(2021, 9, 1), 6450, 10800, 5400, 3150, 3250, 4250, "V"),  # § 15.1, S10
    (date(2022, 1, 1), 6550, 10950, 5450, 3200, 3300, 4300, "V"),  # § 5.5, S9
    (date(2022, 7, 1), 6650, 11150, 5600, 3250, 3350, 4400, "V"),  # § 5.5, S9
    (date(2023, 1, 1), 6850, 11450, 5750, 3350, 3450, 4500, "V"),  # § 5.5 + A1.1 upgrade to V
    (date(2023, 7, 1), 7550, 12600, 6350, 3700, 3800, 4950, "V"),  # § 5.5, S8
    (date(2024, 1, 1), 7850, 13100, 6600, 3850, 3950, 5150, "V"),  # § 5.5, S8
    (date(2026, 1, 1), 8300, 13800, 6950, 4050, 4150, 5400, "V2"),  # addendum-2026-12 § 1
]

# Rows whose sources end before the next row: (last confirmed day, the next row is a change
# whose numbers were not found). 2002 and 2004 continued through 2003 and 2005 (A-16/2006,
# A-2/2012); 2011 and 2025 changed to numbers not found; 2016–2017 are not covered.
VEILEDENDE_MED_HULL_ETTER = {
    date(2002, 1, 1): date(2003, 12, 31),
    date(2004, 1, 1): date(2005, 12, 31),
    date(2010, 1, 1): date(2010, 12, 31),
    date(2015, 1, 1): date(2015, 12, 31),
    date(2024, 1, 1): date(2024, 12, 31),
    date(2026, 1, 1): date(2026, 12, 31),
}
#: Rows that record a change whose numbers were not found (tall_ikke_funnet), to their end.
VEILEDENDE_UTEN_TALL = {
    date(2011, 1, 1): date(2011, 12, 31),  # A-2/2012 [V]
    date(2025, 1, 1): date(2025, 12, 31),  # S23 «bare prisjustert» [V2]
}

# (gyldig_fra, G, merke) — main § 12.9, addendum A3
GRUNNBELOP = [
    (date(2009, 5, 1), 72881, "V"),
    (date(2010, 5, 1), 75641, "V"),
    (date(2011, 5, 1), 79216, "V"),
    (date(2012, 5, 1), 82122, "V"),
    (date(2013, 5, 1), 85245, "V"),
    (date(2014, 5, 1), 88370, "V"),
    (date(2015, 5, 1), 90068, "V"),
    (date(2016, 5, 1), 92576, "V"),
    (date(2017, 5, 1), 93634, "V"),
    (date(2018, 5, 1), 96883, "V"),
    (date(2019, 5, 1), 99858, "V"),
    (date(2020, 5, 1), 101351, "V"),
    (date(2021, 5, 1), 106399, "V"),
    (date(2022, 5, 1), 111477, "V"),
    (date(2023, 5, 1), 118620, "V"),
    (date(2024, 5, 1), 124028, "V"),
    (date(2025, 5, 1), 130160, "V"),
    (date(2026, 5, 1), 136549, "V"),  # addendum-2026-12 § 2 (familie-ef-personhendelse)
]

# (gyldig_fra, faktor, merke) — main § 12.5
KVP_FAKTOR = [
    (date(2010, 1, 1), Decimal("2"), "V"),
    (date(2024, 7, 1), Decimal("2.041"), "V"),
]

# (gyldig_fra, kr per barn per dag, merke) — main § 12.6, addendum A4.2
BARNETILLEGG = [
    (date(2010, 1, 1), 27, "V"),
    (date(2023, 2, 1), 35, "M"),
    (date(2024, 1, 1), 36, "V"),
    (date(2025, 1, 1), 37, "V"),  # nav.no English (S26); addendum-2026-12 § 4
    (date(2026, 1, 1), 38, "M"),
]


RadTilfelle = tuple[str, date, dict[str, Decimal | Fraction], tuple, str, date | None]


def _rad_tilfeller() -> list[RadTilfelle]:
    """(table id, gyldig_fra, values, child bands, merke, previous gyldig_fra) per published row."""
    ut = []
    forrige = None
    for fra, enslig, par, bof, b0, b6, b11, merke in VEILEDENDE:
        barn = (
            Aldersgruppe(0, 5, Decimal(b0)),
            Aldersgruppe(6, 10, Decimal(b6)),
            Aldersgruppe(11, 17, Decimal(b11)),
        )
        verdier = {"enslig": Decimal(enslig), "par": Decimal(par), "bofellesskap": Decimal(bof)}
        ut.append((VEIL, fra, verdier, barn, merke, forrige))
        forrige = fra
    forrige = None
    for fra, g, merke in GRUNNBELOP:
        ut.append((G, fra, {"grunnbelop": Decimal(g)}, (), merke, forrige))
        forrige = fra
    forrige = None
    for fra, faktor, merke in KVP_FAKTOR:
        ut.append(
            (KVP, fra, {"faktor": faktor, "andel_under_25": Fraction(2, 3)}, (), merke, forrige)
        )
        forrige = fra
    forrige = None
    for fra, kr, merke in BARNETILLEGG:
        ut.append((BT, fra, {"per_barn_per_dag": Decimal(kr)}, (), merke, forrige))
        forrige = fra
    return ut


@pytest.mark.parametrize(
    ("tabell_id", "gyldig_fra", "verdier", "barn", "merke", "forrige"),
    _rad_tilfeller(),
    ids=lambda v: v.isoformat() if isinstance(v, date) else (v if isinstance(v, str) else ""),
)
def test_publisert_rad(satser, tabell_id, gyldig_fra, verdier, barn, merke, forrige):
    tabell = satser[tabell_id]
    oppslag = tabell.oppslag(gyldig_fra)
    assert oppslag.rad.gyldig_fra == gyldig_fra
    assert dict(oppslag.rad.verdier) == verdier
    for navn, verdi in verdier.items():
        assert oppslag.verdi(navn) == verdi
    assert oppslag.rad.barn == barn
    assert oppslag.rad.merke == merke
    assert oppslag.usikker == (merke in ("M", "D"))
    assert not oppslag.utdatert
    assert oppslag.rad.kilde.strip()

    dagen_for = gyldig_fra - timedelta(days=1)
    if forrige is None:
        with pytest.raises(RegelFeil, match="Ingen sats"):
            tabell.oppslag(dagen_for)
    else:
        tidligere = tabell.oppslag(dagen_for)
        assert tidligere.rad.gyldig_fra == forrige
        assert tidligere.rad.verdier != oppslag.rad.verdier or tidligere.rad.barn != barn
        hull_til = VEILEDENDE_MED_HULL_ETTER.get(forrige) if tabell_id == VEIL else None
        assert tidligere.utdatert == (hull_til is not None and dagen_for > hull_til)
        # 2003 and 2005 were not changes: the row before continues, unflagged
        if tabell_id == VEIL and gyldig_fra in (date(2004, 1, 1), date(2006, 1, 1)):
            assert not tidligere.utdatert and tidligere.advarsel() is None


def test_radantall(satser):
    assert len(satser[VEIL].rader) == len(VEILEDENDE) + len(VEILEDENDE_UTEN_TALL) == 25
    assert len(satser[G].rader) == len(GRUNNBELOP) == 18
    assert len(satser[KVP].rader) == len(KVP_FAKTOR) == 2
    assert len(satser[BT].rader) == len(BARNETILLEGG) == 5


def test_tabellene_lastes_med_metadata(satser):
    assert {VEIL, G, KVP, BT} <= set(satser)
    enheter = {VEIL: "kr_per_maned", G: "kr_per_ar", KVP: "faktor", BT: "kr_per_dag"}
    for tabell_id, enhet in enheter.items():
        tabell = satser[tabell_id]
        assert tabell.enhet == enhet
        assert tabell.type == "statlig"
        assert tabell.kommune is None
        assert tabell.navn["nb"] and tabell.navn["en"]
        assert tabell.hjemmel["nb"] and tabell.hjemmel["en"]
        assert tabell.fil.endswith(".toml")
        assert tabell.rader[-1].kjent_gyldig_til is not None
        for rad in tabell.rader:
            assert rad.merke in ("V", "V2", "M", "D")
            assert rad.verifisert in (date(2026, 11, 24), date(2026, 12, 4))
            assert rad.lenke is None or rad.lenke.startswith(("https://", "http://"))
    assert "§ 18" in satser[VEIL].hjemmel["nb"]


def test_kjent_gyldig_til_paa_rader_foran_hull(satser):
    for rad in satser[VEIL].rader:
        if rad.tall_ikke_funnet:
            assert rad.kjent_gyldig_til == VEILEDENDE_UTEN_TALL[rad.gyldig_fra]
            assert not rad.verdier and not rad.barn and rad.merknad and rad.kilde
        else:
            assert rad.kjent_gyldig_til == VEILEDENDE_MED_HULL_ETTER.get(rad.gyldig_fra)
    assert {r.gyldig_fra for r in satser[VEIL].rader if r.tall_ikke_funnet} == set(
        VEILEDENDE_UTEN_TALL
    )


def test_rader_for_2010_hører_til_tidligere_lov(satser):
    """A row before the current act must say so: it must never be cited as § 18."""
    for rad in satser[VEIL].rader:
        if rad.gyldig_fra < date(2010, 1, 1):
            assert rad.merknad is not None and "Tidligere lov" in rad.merknad
            assert "1991" in rad.merknad
    assert "1991 § 5-1" in satser[VEIL].hjemmel["nb"]


def test_merknader_med_forbehold(satser):
    tabell = satser[VEIL]
    rad_2015 = tabell.oppslag(date(2015, 6, 1)).rad
    assert "bofellesskap" in rad_2015.merknad.lower() and "A-1/2014" in rad_2015.merknad
    rad_2020_09 = tabell.oppslag(date(2020, 9, 1)).rad
    assert "S11" in rad_2020_09.merknad
    rad_2024 = tabell.oppslag(date(2024, 1, 1)).rad
    assert "8.730" in rad_2024.merknad  # the rejected Dagsavisen figure is named, not used
    g_2026 = satser[G].oppslag(date(2026, 5, 1)).rad
    assert "familie-ef-personhendelse" in g_2026.kilde and "afa3ce6" in g_2026.kilde
    assert "IKKE BEKREFTET" not in g_2026.merknad


# --------------------------------------------------------------------------------------------
# Mid-year changes, gaps, warnings
# --------------------------------------------------------------------------------------------


def test_midt_i_aret(satser):
    tabell = satser[VEIL]
    assert tabell.oppslag(date(2023, 6, 30)).rad.gyldig_fra == date(2023, 1, 1)
    assert tabell.oppslag(date(2023, 6, 30)).verdi("enslig") == 6850
    assert tabell.oppslag(date(2023, 7, 1)).rad.gyldig_fra == date(2023, 7, 1)
    assert tabell.oppslag(date(2023, 7, 1)).verdi("enslig") == 7550
    assert tabell.oppslag(date(2020, 8, 31)).barnesats(3).belop == 2450
    assert tabell.oppslag(date(2020, 9, 1)).barnesats(3).belop == 2750
    assert tabell.oppslag(date(2021, 9, 1)).barnesats(8).belop == 3250


@pytest.mark.parametrize(
    ("dato", "brukt", "endret"),
    [
        (date(2011, 1, 1), date(2010, 1, 1), date(2011, 1, 1)),
        (date(2011, 12, 31), date(2010, 1, 1), date(2011, 1, 1)),
        (date(2025, 1, 1), date(2024, 1, 1), date(2025, 1, 1)),
        (date(2025, 6, 1), date(2024, 1, 1), date(2025, 1, 1)),
        (date(2025, 12, 31), date(2024, 1, 1), date(2025, 1, 1)),
    ],
)
def test_aar_med_endring_uten_tall_merkes_i_klartekst(satser, dato, brukt, endret):
    """2011 (A-2/2012) and 2025 (S23) changed to numbers not found: the last row with numbers
    is used, and the flag says plainly that it is not the rate for the date and what decides."""
    oppslag = satser[VEIL].oppslag(dato)
    assert oppslag.rad.gyldig_fra == brukt
    assert oppslag.utdatert is True
    assert oppslag.hull is not None and oppslag.hull.gyldig_fra == endret
    nb = oppslag.advarsel()
    assert f"ble endret fra {endret.strftime('%d.%m.%Y')}" in nb
    assert "finnes ikke i biblioteket" in nb
    assert f"ikke den veiledende satsen som gjaldt {dato.strftime('%d.%m.%Y')}" in nb
    assert "Kommunens egne satser" in nb
    assert "Nyere satser kan gjelde" not in nb  # not «may»: it is known to have changed
    en = oppslag.advarsel("en")
    assert f"changed from {endret.isoformat()}" in en and "municipality's own rates" in en
    rad = oppslag.til_dict()
    assert rad["gyldig_fra"] == brukt.isoformat() and rad["utdatert"] is True
    assert rad["tall_ikke_funnet"]["gyldig_fra"] == endret.isoformat()
    assert rad["tall_ikke_funnet"]["kilde"] == oppslag.hull.kilde


def test_dagen_for_endring_uten_tall_er_ikke_merket(satser):
    assert satser[VEIL].oppslag(date(2010, 12, 31)).advarsel() is None
    assert satser[VEIL].oppslag(date(2024, 12, 31)).advarsel() is None
    assert "tall_ikke_funnet" not in satser[VEIL].oppslag(date(2024, 12, 31)).til_dict()


def test_2016_er_utdatert_men_ikke_kjent_endret(satser):
    oppslag = satser[VEIL].oppslag(date(2016, 6, 1))
    assert oppslag.rad.gyldig_fra == date(2015, 1, 1)
    assert oppslag.utdatert is True and oppslag.hull is None
    nb = oppslag.advarsel()
    assert "31.12.2015" in nb and "01.01.2015" in nb
    assert "Nyere satser kan gjelde" in nb
    en = oppslag.advarsel("en")
    assert "2015-12-31" in en and "2015-01-01" in en and "31.12.2015" not in en


@pytest.mark.parametrize("dato", [date(2026, 1, 1), date(2026, 8, 30), date(2026, 12, 4)])
def test_2026_bruker_2026_raden_uten_merknad(satser, dato):
    oppslag = satser[VEIL].oppslag(dato)
    assert oppslag.rad.gyldig_fra == date(2026, 1, 1)
    assert oppslag.verdi("enslig") == 8300 and oppslag.barnesats(12).belop == 5400
    assert oppslag.advarsel() is None


@pytest.mark.parametrize(
    ("tabell_id", "usikker"),
    [(VEIL, False), (G, False), (KVP, False), ("kvp-parametre", False), (BT, True)],
)
def test_ingen_tabell_er_utdatert_i_desember_2026(satser, tabell_id, usikker):
    """The rows in force on 2026-12-04 (the day of the research) are within their known
    validity; only the unconfirmed 2026 child supplement (M) is flagged, as M."""
    oppslag = satser[tabell_id].oppslag(date(2026, 12, 4))
    assert oppslag.utdatert is False
    assert oppslag.usikker is usikker


def test_grunnbelop_2026_kjent_til_neste_regulering(satser):
    assert satser[G].oppslag(date(2027, 4, 30)).utdatert is False
    assert satser[G].oppslag(date(2027, 5, 1)).utdatert is True


def test_etter_siste_kjente_rad(satser):
    oppslag = satser[VEIL].oppslag(date(2027, 1, 1))
    assert oppslag.rad.gyldig_fra == date(2026, 1, 1)
    assert oppslag.utdatert is True
    assert "31.12.2026" in oppslag.advarsel()


def test_innenfor_kjent_periode(satser):
    oppslag = satser[VEIL].oppslag(date(2024, 6, 1))
    assert oppslag.utdatert is False
    assert oppslag.usikker is False
    assert oppslag.advarsel() is None
    assert oppslag.advarsel("en") is None
    # the last day a source confirms is still fine
    assert satser[VEIL].oppslag(date(2024, 12, 31)).utdatert is False
    assert satser[VEIL].oppslag(date(2025, 1, 1)).utdatert is True
    assert satser[VEIL].oppslag(date(2003, 12, 31)).utdatert is False
    assert satser[VEIL].oppslag(date(2005, 12, 31)).utdatert is False


def test_for_forste_rad_er_feil(satser):
    with pytest.raises(RegelFeil) as e:
        satser[VEIL].oppslag(date(2001, 12, 31))
    assert "Ingen sats" in str(e.value) and "01.01.2002" in str(e.value)
    assert e.value.fil.endswith("statlige-veiledende.toml")
    with pytest.raises(RegelFeil, match=r"før 01\.05\.2009"):
        satser[G].oppslag(date(2009, 4, 30))


def test_oppslag_krever_dato(satser):
    with pytest.raises(TypeError):
        satser[VEIL].oppslag(datetime(2024, 1, 1, 12, 0))
    with pytest.raises(TypeError):
        satser[VEIL].oppslag("2024-01-01")


def test_barnesats(satser):
    oppslag = satser[VEIL].oppslag(date(2024, 3, 1))
    assert oppslag.barnesats(0).belop == 3850
    assert oppslag.barnesats(5).belop == 3850
    assert oppslag.barnesats(6).belop == 3950
    assert oppslag.barnesats(10).belop == 3950
    assert oppslag.barnesats(11).belop == 5150
    assert oppslag.barnesats(17).belop == 5150
    assert oppslag.barnesats(18) is None
    assert satser[G].oppslag(date(2024, 6, 1)).barnesats(3) is None


def test_eksempel_livsopphold_d(satser):
    """§ 15.4 [D]: couple + children aged 3 and 12 on the 1.1.2024 rates = 22 100."""
    o = satser[VEIL].oppslag(date(2024, 1, 1))
    assert o.verdi("par") + o.barnesats(3).belop + o.barnesats(12).belop == 22100
    assert o.verdi("enslig") + o.barnesats(7).belop == 11800


def test_ukjent_verdi_navngir_tabell_rad_og_kjente(satser):
    with pytest.raises(RegelFeil) as e:
        satser[VEIL].oppslag(date(2024, 1, 1)).verdi("enslige")
    tekst = str(e.value)
    assert VEIL in tekst and "2024-01-01" in tekst
    assert "bofellesskap, enslig, par" in tekst


def test_belop_er_verdien_som_desimaltall(satser):
    """The calculations read amounts through ``belop``: the value, unchanged, as a Decimal."""
    o = satser[G].oppslag(date(2024, 6, 1))
    assert o.belop("grunnbelop") == o.verdi("grunnbelop")
    assert type(o.belop("grunnbelop")) is Decimal


def test_brok_lest_som_belop_er_regelfeil_ikke_typeerror(satser):
    """A fraction where the calculation wants an amount named the table as a rule error; the
    calculations used ``Decimal(verdi)``, which raises a bare TypeError on a Fraction."""
    o = satser[KVP].oppslag(date(2024, 6, 1))
    with pytest.raises(RegelFeil) as e:
        o.belop("andel_under_25")
    tekst = str(e.value)
    assert KVP in tekst and "andel_under_25" in tekst and "brøk" in tekst
    assert e.value.fil == o.tabell.fil


def test_advarsel_ukjent_sprak(satser):
    with pytest.raises(ValueError):
        satser[VEIL].oppslag(date(2011, 1, 1)).advarsel("de")


# --------------------------------------------------------------------------------------------
# G, KVP, barnetillegg
# --------------------------------------------------------------------------------------------


def test_grunnbelop(satser):
    tabell = satser[G]
    assert tabell.oppslag(date(2024, 4, 30)).verdi("grunnbelop") == 118620
    assert tabell.oppslag(date(2024, 5, 1)).verdi("grunnbelop") == 124028
    o = tabell.oppslag(date(2026, 5, 1))
    assert o.verdi("grunnbelop") == 136549
    assert o.rad.merke == "V"  # NAV's production code (addendum-2026-12 § 2)
    assert o.usikker is False
    assert o.utdatert is False
    assert tabell.oppslag(date(2026, 12, 4)).utdatert is False  # the day of the research
    assert tabell.oppslag(date(2027, 5, 1)).utdatert is True  # the next regulation


def test_kvp_faktor(satser):
    tabell = satser[KVP]
    assert tabell.oppslag(date(2024, 6, 30)).verdi("faktor") == 2
    assert tabell.oppslag(date(2024, 7, 1)).verdi("faktor") == Decimal("2.041")
    for rad in tabell.rader:
        assert rad.verdier["andel_under_25"] == Fraction(2, 3)
        assert isinstance(rad.verdier["andel_under_25"], Fraction)
    assert isinstance(tabell.oppslag(date(2024, 7, 1)).verdi("faktor"), Decimal)


def _kr(x: Decimal | Fraction) -> Decimal:
    if isinstance(x, Fraction):
        x = Decimal(x.numerator) / Decimal(x.denominator)
    return x.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def test_kvp_beregning_mot_nav_publiserte_tall(satser):
    """S25: 2.041 G with G = 124 028 is 253 141; under 25 (2/3) is 168 761."""
    dato = date(2024, 7, 1)
    g = satser[G].oppslag(dato).verdi("grunnbelop")
    kvp = satser[KVP].oppslag(dato)
    full = kvp.verdi("faktor") * g
    assert full == Decimal("253141.148")
    assert _kr(full) == 253141
    under_25 = Fraction(full) * kvp.verdi("andel_under_25")
    assert _kr(under_25) == 168761
    # § 15.4 [D]: the 2 G regime the day before
    to_g = satser[KVP].oppslag(date(2024, 6, 30)).verdi("faktor") * g
    assert to_g == 248056


def test_kvp_faktor_etter_kjent_periode(satser):
    """2.041 G and 2/3 under 25 are confirmed through 2026 (addendum-2026-12 § 4) [V2]."""
    for dato in (date(2025, 6, 1), date(2026, 12, 31)):
        o = satser[KVP].oppslag(dato)
        assert o.rad.gyldig_fra == date(2024, 7, 1)
        assert o.utdatert is False and o.advarsel() is None
    o = satser[KVP].oppslag(date(2027, 1, 1))
    assert o.utdatert is True
    assert "31.12.2026" in o.advarsel()


def test_barnetillegg(satser):
    tabell = satser[BT]
    assert tabell.oppslag(date(2023, 1, 31)).verdi("per_barn_per_dag") == 27
    o = tabell.oppslag(date(2023, 2, 1))
    assert o.verdi("per_barn_per_dag") == 35
    assert o.usikker is True
    assert o.utdatert is False
    assert "ikke bekreftet mot en offisiell kilde" in o.advarsel() and "01.02.2023" in o.advarsel()
    assert "not confirmed against an official source" in o.advarsel("en")
    assert "2023-02-01" in o.advarsel("en")
    assert "ikkje stadfesta mot ei offisiell kjelde" in o.advarsel("nn")
    assert "Barnetillegg til kvalifiseringsstønad" in o.advarsel("nn")
    o = tabell.oppslag(date(2024, 6, 1))
    assert o.verdi("per_barn_per_dag") == 36
    assert o.usikker is False
    assert tabell.oppslag(date(2025, 3, 1)).usikker is False  # 37 on nav.no (S26) [V]
    assert tabell.oppslag(date(2025, 3, 1)).verdi("per_barn_per_dag") == 37
    assert tabell.oppslag(date(2026, 3, 1)).verdi("per_barn_per_dag") == 38
    assert tabell.oppslag(date(2026, 3, 1)).usikker is True  # 38 for KVP stays M


def test_usikker_og_utdatert_samtidig(satser):
    o = satser[BT].oppslag(date(2027, 1, 15))
    assert o.utdatert and o.usikker
    tekst = o.advarsel()
    assert "31.12.2026" in tekst and "ikke bekreftet mot en offisiell kilde" in tekst


@pytest.mark.parametrize("dato", [date(2023, 2, 1), date(2027, 1, 15), date(2026, 3, 1)])
@pytest.mark.parametrize("sprak", ["nb", "nn", "en"])
def test_advarselen_viser_ikke_kilde_eller_merke(satser, dato, sprak):
    """The caveat a person reads names neither the row's source nor its confidence tag (both
    stay in the record); nynorsk is nynorsk, not bokmål with a nynorsk table name."""
    o = satser[BT].oppslag(dato)
    tekst = o.advarsel(sprak)
    assert tekst
    assert o.rad.kilde not in tekst
    for kode in ("merket", "tagged", "kilde:", "source:", " M ", "(M)"):
        assert kode not in tekst
    if sprak == "nn":
        for bokmal in ("ikke", "Satsene", "beregningen", "kjent gyldige"):
            assert bokmal not in tekst


# --------------------------------------------------------------------------------------------
# Malformed files
# --------------------------------------------------------------------------------------------

TABELL = """\
[tabell]
id = "test"
navn = { nb = "Test", en = "Test" }
enhet = "kr_per_maned"
type = "statlig"
hjemmel = { nb = "§ 18", en = "§ 18" }
"""


def _rad(
    gyldig_fra: str = "2024-01-01",
    *,
    kjent: str | None = "2024-12-31",
    verdier: str = "{ enslig = 100 }",
    merke: str = '"V"',
    ekstra: str = "",
    barn: str | None = None,
) -> str:
    linjer = ["[[rad]]", f"gyldig_fra = {gyldig_fra}"]
    if kjent is not None:
        linjer.append(f"kjent_gyldig_til = {kjent}")
    linjer += [
        'kilde = "S0: test"',
        f"merke = {merke}",
        "verifisert = 2026-11-24",
        f"verdier = {verdier}",
    ]
    if barn is not None:
        linjer.append(f"barn = {barn}")
    if ekstra:
        linjer.append(ekstra)
    return "\n".join(linjer) + "\n"


BARN_OK = (
    "[{ fra_alder = 0, til_alder = 5, belop = 1 }, { fra_alder = 6, til_alder = 10, belop = 2 },"
    " { fra_alder = 11, til_alder = 17, belop = 3 }]"
)


def _skriv(tmp_path: Path, tekst: str, navn: str = "feil.toml") -> Path:
    p = tmp_path / navn
    p.write_text(tekst, encoding="utf-8")
    return p


def test_gyldig_minimalfil_lastes(tmp_path):
    p = _skriv(tmp_path, TABELL + _rad(barn=BARN_OK))
    tabell = last_satstabell(p)
    assert tabell.id == "test" and tabell.fil == str(p)
    assert tabell.oppslag(date(2024, 2, 1)).barnesats(11).belop == 3


FEILTILFELLER = [
    # (id, file text, substrings the message must contain)
    ("toml-syntaks", TABELL + "[[rad]\n", ["TOML-syntaksfeil", "line 7"]),
    (
        "ukjent-toppfelt",
        "ekstra = 1\n" + TABELL + _rad(),
        ["filen", "ukjent felt 'ekstra'", "kjente felt: tabell, rad"],
    ),
    (
        "ukjent-tabellfelt",
        TABELL.replace('type = "statlig"', 'type = "statlig"\nfarge = "blå"') + _rad(),
        ["[tabell]", "ukjent felt 'farge'", "kjente felt: id, navn"],
    ),
    (
        "ukjent-radfelt",
        TABELL + _rad(ekstra="belop = 5"),
        ["rad[0] (gyldig_fra 2024-01-01)", "ukjent felt 'belop'", "kjente felt: gyldig_fra"],
    ),
    (
        "ukjent-barnefelt",
        TABELL + _rad(barn="[{ fra_alder = 0, til_alder = 17, belop = 1, kjonn = 'x' }]"),
        ["rad[0] (gyldig_fra 2024-01-01), barn[0]", "ukjent felt 'kjonn'"],
    ),
    (
        "ukjent-sprak",
        TABELL.replace(
            'navn = { nb = "Test", en = "Test" }',
            'navn = { nb = "Test", en = "Test", de = "Test" }',
        )
        + _rad(),
        ["felt 'navn'", "ukjent felt 'de'"],
    ),
    (
        "mangler-sprak",
        TABELL.replace('hjemmel = { nb = "§ 18", en = "§ 18" }', 'hjemmel = { nb = "§ 18" }')
        + _rad(),
        ["felt 'hjemmel'", "mangler påkrevd felt 'en'"],
    ),
    (
        "mangler-tabellfelt",
        TABELL.replace('enhet = "kr_per_maned"\n', "") + _rad(),
        ["[tabell]", "mangler påkrevd felt 'enhet'"],
    ),
    ("mangler-tabell", _rad(), ["filen", "mangler påkrevd felt 'tabell'"]),
    ("mangler-rader", TABELL, ["filen", "mangler påkrevd felt 'rad'"]),
    ("rad-ikke-liste", "rad = 5\n" + TABELL, ["[[rad]]", "minst én rad"]),
    (
        "mangler-kilde",
        TABELL + _rad().replace('kilde = "S0: test"\n', ""),
        ["rad[0] (gyldig_fra 2024-01-01)", "mangler påkrevd felt 'kilde'"],
    ),
    (
        "mangler-gyldig-fra",
        TABELL + _rad().replace("gyldig_fra = 2024-01-01\n", ""),
        ["rad[0]", "mangler påkrevd felt 'gyldig_fra'"],
    ),
    (
        "dato-som-tekst",
        TABELL + _rad(gyldig_fra='"2024-01-01"'),
        ["rad[0], felt 'gyldig_fra'", "TOML-dato", "uten anførselstegn"],
    ),
    (
        "dato-med-klokkeslett",
        TABELL + _rad(gyldig_fra="2024-01-01T00:00:00"),
        ["rad[0], felt 'gyldig_fra'", "dato med klokkeslett"],
    ),
    (
        "verifisert-som-tall",
        TABELL + _rad().replace("verifisert = 2026-11-24", "verifisert = 2026"),
        ["rad[0] (gyldig_fra 2024-01-01), felt 'verifisert'", "TOML-dato"],
    ),
    (
        "kjent-til-som-tekst",
        TABELL + _rad(kjent='"snart"'),
        ["felt 'kjent_gyldig_til'", "TOML-dato"],
    ),
    (
        "negativt-belop",
        TABELL + _rad(verdier="{ enslig = -1 }"),
        ["rad[0] (gyldig_fra 2024-01-01), felt 'verdier.enslig'", "negativ"],
    ),
    (
        "bool-er-ikke-tall",
        TABELL + _rad(verdier="{ enslig = true }"),
        ["felt 'verdier.enslig'", "bool"],
    ),
    (
        "tekst-er-ikke-tall",
        TABELL + _rad(verdier='{ enslig = "mye" }'),
        ["felt 'verdier.enslig'", "brøk", "'mye'"],
    ),
    ("nan", TABELL + _rad(verdier="{ enslig = nan }"), ["felt 'verdier.enslig'", "endelig"]),
    (
        "liste-som-belop",
        TABELL + _rad(verdier="{ enslig = [1] }"),
        ["felt 'verdier.enslig'", "må være et tall"],
    ),
    ("tomme-verdier", TABELL + _rad(verdier="{}"), ["felt 'verdier'", "ikke-tom"]),
    (
        "brok-null-teller",
        TABELL + _rad(verdier='{ andel = "0/3" }'),
        ["felt 'verdier.andel'", "positive heltall", "'0/3'"],
    ),
    ("brok-null-nevner", TABELL + _rad(verdier='{ andel = "2/0" }'), ["'2/0'"]),
    ("brok-negativ", TABELL + _rad(verdier='{ andel = "-2/3" }'), ["'-2/3'"]),
    ("brok-desimal", TABELL + _rad(verdier='{ andel = "2.0/3" }'), ["'2.0/3'"]),
    ("brok-tre-ledd", TABELL + _rad(verdier='{ andel = "2/3/4" }'), ["'2/3/4'"]),
    (
        "barnebelop-negativt",
        TABELL + _rad(barn="[{ fra_alder = 0, til_alder = 17, belop = -5 }]"),
        ["barn[0], felt 'belop'", "negativ"],
    ),
    (
        "alder-desimal",
        TABELL + _rad(barn="[{ fra_alder = 0.5, til_alder = 17, belop = 5 }]"),
        ["barn[0], felt 'fra_alder'", "heltall"],
    ),
    (
        "alder-bool",
        TABELL + _rad(barn="[{ fra_alder = false, til_alder = 17, belop = 5 }]"),
        ["barn[0], felt 'fra_alder'"],
    ),
    (
        "til-under-fra",
        TABELL
        + _rad(
            barn="[{ fra_alder = 0, til_alder = 17, belop = 1 }, "
            "{ fra_alder = 20, til_alder = 18, belop = 1 }]"
        ),
        ["barn[1], felt 'til_alder'", "lavere enn fra_alder"],
    ),
    (
        "barn-overlapper",
        TABELL
        + _rad(
            barn="[{ fra_alder = 0, til_alder = 6, belop = 1 }, "
            "{ fra_alder = 6, til_alder = 17, belop = 2 }]"
        ),
        ["rad[0] (gyldig_fra 2024-01-01), felt 'barn'", "0–6 og 6–17 overlapper"],
    ),
    (
        "barn-hull",
        TABELL
        + _rad(
            barn="[{ fra_alder = 0, til_alder = 5, belop = 1 }, "
            "{ fra_alder = 7, til_alder = 17, belop = 2 }]"
        ),
        ["felt 'barn'", "hull", "alder 6–6 mangler sats"],
    ),
    (
        "barn-starter-ikke-paa-null",
        TABELL + _rad(barn="[{ fra_alder = 1, til_alder = 17, belop = 1 }]"),
        ["felt 'barn'", "begynne på 0"],
    ),
    ("barn-tom-liste", TABELL + _rad(barn="[]"), ["felt 'barn'", "ikke-tom liste"]),
    (
        "duplikat-gyldig-fra",
        TABELL + _rad(kjent=None) + _rad(),
        ["rad[1] (gyldig_fra 2024-01-01)", "finnes allerede i rad[0]"],
    ),
    (
        "kjent-til-for-gyldig-fra",
        TABELL + _rad(kjent="2023-12-31"),
        ["rad[0] (gyldig_fra 2024-01-01), felt 'kjent_gyldig_til'", "før gyldig_fra"],
    ),
    (
        "kjent-til-etter-neste-rad",
        TABELL + _rad("2023-01-01", kjent="2024-02-01") + _rad(),
        ["rad[0] (gyldig_fra 2023-01-01), felt 'kjent_gyldig_til'", "neste rads gyldig_fra"],
    ),
    (
        "kjent-til-lik-neste-rad",
        TABELL + _rad("2023-01-01", kjent="2024-01-01") + _rad(),
        ["rad[0] (gyldig_fra 2023-01-01), felt 'kjent_gyldig_til'"],
    ),
    (
        "kjent-til-etter-neste-usortert",
        TABELL + _rad() + _rad("2023-01-01", kjent="2024-06-01"),
        ["rad[1] (gyldig_fra 2023-01-01), felt 'kjent_gyldig_til'"],
    ),
    (
        "siste-rad-uten-kjent-til",
        TABELL + _rad("2023-01-01", kjent=None) + _rad(kjent=None),
        ["rad[1] (gyldig_fra 2024-01-01), felt 'kjent_gyldig_til'", "siste rad"],
    ),
    (
        "ukjent-merke",
        TABELL + _rad(merke='"X"'),
        ["rad[0] (gyldig_fra 2024-01-01), felt 'merke'", "V, V2, M, D", "'X'"],
    ),
    ("merke-smaa-bokstaver", TABELL + _rad(merke='"v"'), ["felt 'merke'"]),
    (
        "tom-kilde",
        TABELL + _rad().replace('kilde = "S0: test"', 'kilde = "  "'),
        ["felt 'kilde'", "ikke-tom"],
    ),
    (
        "lenke-ikke-url",
        TABELL + _rad(ekstra='lenke = "regjeringen.no"'),
        ["felt 'lenke'", "nettadresse"],
    ),
    (
        "kommunal-uten-kommune",
        TABELL.replace('"statlig"', '"kommunal"') + _rad(),
        ["[tabell], felt 'kommune'", "kommunal"],
    ),
    ("statlig-med-kommune", TABELL + 'kommune = "Bergen"\n' + _rad(), ["[tabell], felt 'kommune'"]),
    (
        "ukjent-enhet",
        TABELL.replace('"kr_per_maned"', '"kr_per_uke"') + _rad(),
        ["[tabell], felt 'enhet'", "kr_per_maned", "'kr_per_uke'"],
    ),
    (
        "ukjent-type",
        TABELL.replace('"statlig"', '"fylkeskommunal"') + _rad(),
        ["[tabell], felt 'type'", "statlig, kommunal"],
    ),
    (
        "ugyldig-id",
        TABELL.replace('id = "test"', 'id = "Min Tabell"') + _rad(),
        ["[tabell], felt 'id'"],
    ),
    (
        "navn-som-tekst",
        TABELL.replace('navn = { nb = "Test", en = "Test" }', 'navn = "Test"') + _rad(),
        ["[tabell], felt 'navn'", "nb ="],
    ),
]


@pytest.mark.parametrize(
    ("tekst", "forventet"), [t[1:] for t in FEILTILFELLER], ids=[t[0] for t in FEILTILFELLER]
)
def test_feil_i_satsfil(tmp_path, tekst, forventet):
    p = _skriv(tmp_path, tekst)
    with pytest.raises(RegelFeil) as e:
        last_satstabell(p)
    melding = str(e.value)
    assert str(p) in melding
    assert e.value.fil == str(p)
    for del_ in forventet:
        assert del_ in melding, f"{del_!r} mangler i:\n{melding}"


def test_alle_feil_i_en_fil_rapporteres_samlet(tmp_path):
    tekst = (
        TABELL.replace('"kr_per_maned"', '"kr_per_uke"')
        + _rad("2023-01-01", kjent=None, merke='"X"')
        + _rad(verdier="{ enslig = -1 }")
    )
    p = _skriv(tmp_path, tekst)
    with pytest.raises(RegelFeil) as e:
        last_satstabell(p)
    melding = str(e.value)
    assert "3 feil" in melding
    assert "[tabell], felt 'enhet'" in melding
    assert "rad[0] (gyldig_fra 2023-01-01), felt 'merke'" in melding
    assert "rad[1] (gyldig_fra 2024-01-01), felt 'verdier.enslig'" in melding


def test_usorterte_rader_sorteres(tmp_path):
    p = _skriv(
        tmp_path,
        TABELL
        + _rad(verdier="{ enslig = 2 }")
        + _rad("2023-01-01", kjent=None, verdier="{ enslig = 1 }"),
    )
    tabell = last_satstabell(p)
    assert [r.gyldig_fra for r in tabell.rader] == [date(2023, 1, 1), date(2024, 1, 1)]
    assert tabell.oppslag(date(2023, 12, 31)).verdi("enslig") == 1
    assert tabell.oppslag(date(2024, 1, 1)).verdi("enslig") == 2


def test_manglende_fil(tmp_path):
    p = tmp_path / "finnes-ikke.toml"
    with pytest.raises(RegelFeil) as e:
        last_satstabell(p)
    assert str(p) in str(e.value)


def test_satstabell_i_kode_krever_sorterte_rader(satser):
    """A table built in code (not from a file) is held to the same order rule."""
    rader = satser[G].rader
    felles = dict(
        id="x",
        navn={"nb": "x", "en": "x"},
        enhet="kr_per_ar",
        type="statlig",
        kommune=None,
        hjemmel={"nb": "x", "en": "x"},
        fil="x.toml",
    )
    with pytest.raises(RegelFeil, match="ingen rader"):
        Satstabell(**felles, rader=())
    with pytest.raises(RegelFeil, match="sortert"):
        Satstabell(**felles, rader=(rader[1], rader[0]))
    with pytest.raises(RegelFeil, match="sortert"):
        Satstabell(**felles, rader=(rader[0], rader[0]))
    assert Satstabell(**felles, rader=rader[:2]).oppslag(date(2010, 5, 1)).verdi("grunnbelop")


# --------------------------------------------------------------------------------------------
# Folders, duplicate ids, municipal tables
# --------------------------------------------------------------------------------------------


def test_duplikat_id_i_mappe(tmp_path):
    _skriv(tmp_path, TABELL + _rad(), "a.toml")
    _skriv(tmp_path, TABELL + _rad(), "b.toml")
    with pytest.raises(RegelFeil) as e:
        last_satser(tmp_path)
    melding = str(e.value)
    assert "b.toml" in melding and "a.toml" in melding and "'test'" in melding


def test_flere_feilfiler_rapporteres_samlet(tmp_path):
    _skriv(tmp_path, TABELL + _rad(merke='"X"'), "a.toml")
    _skriv(tmp_path, TABELL + _rad(verdier="{ enslig = -1 }"), "b.toml")
    with pytest.raises(RegelFeil) as e:
        last_satser(tmp_path)
    melding = str(e.value)
    assert "a.toml" in melding and "b.toml" in melding


def test_tom_eller_manglende_mappe(tmp_path):
    with pytest.raises(RegelFeil, match="ingen satsfiler"):
        last_satser(tmp_path)
    with pytest.raises(RegelFeil, match="finnes ikke"):
        last_satser(tmp_path / "nei")


def test_ukjent_tabell_lister_kjente(satser):
    with pytest.raises(RegelFeil) as e:
        satser["statlige-satser"]
    melding = str(e.value)
    assert "statlige-satser" in melding
    assert "kjente tabeller: " + ", ".join(satser) in melding  # every table, sorted
    assert f"{G}, {KVP}, {BT}, " in melding


KOMMUNAL = """\
[tabell]
id = "statlige-veiledende-satser"
navn = { nb = "Eksempel kommunes satser for økonomisk stønad", en = "Example municipality's rates" }
enhet = "kr_per_maned"
type = "kommunal"
kommune = "Eksempel kommune"
hjemmel = { nb = "Sosialtjenesteloven § 18; egne satser", en = "Social Services Act § 18" }

[[rad]]
gyldig_fra = 2024-01-01
kjent_gyldig_til = 2024-12-31
kilde = "Kommunestyrets vedtak (testdata)"
merke = "V"
verifisert = 2026-11-24
verdier = { enslig = 9000, par = 15000, bofellesskap = 7500 }
barn = [
  { fra_alder = 0, til_alder = 10, belop = 4000 },
  { fra_alder = 11, til_alder = 14, belop = 5000 },
  { fra_alder = 15, til_alder = 17, belop = 6000 },
]
"""


def test_kommunal_tabell_erstatter_statlig(tmp_path, satser):
    kommunal = last_satstabell(_skriv(tmp_path, KOMMUNAL, "kommune.toml"))
    assert kommunal.type == "kommunal"
    assert kommunal.kommune == "Eksempel kommune"
    ny = satser.med_tabell(kommunal)
    assert ny[VEIL] is kommunal
    assert ny[VEIL].oppslag(date(2024, 5, 1)).verdi("enslig") == 9000
    assert ny[VEIL].oppslag(date(2024, 5, 1)).barnesats(15).belop == 6000
    assert ny[G] is satser[G]
    # the original is unchanged
    assert satser[VEIL].type == "statlig"
    assert satser[VEIL].oppslag(date(2024, 5, 1)).verdi("enslig") == 7850
    with pytest.raises(RegelFeil, match="Ingen sats"):
        ny[VEIL].oppslag(date(2023, 12, 31))


def test_med_tabell_ukjent_id_eller_annen_enhet(tmp_path, satser):
    ukjent = last_satstabell(
        _skriv(
            tmp_path,
            KOMMUNAL.replace('id = "statlige-veiledende-satser"', 'id = "statlige-veiledende"'),
            "a.toml",
        )
    )
    with pytest.raises(RegelFeil, match="ingen satstabell 'statlige-veiledende'"):
        satser.med_tabell(ukjent)
    # A table the library reads is refused at load in another unit (KRAV); another table
    # in another unit is refused when it would replace one.
    with pytest.raises(RegelFeil, match="leser tabellen i 'kr_per_maned', ikke 'kr_per_ar'"):
        last_satstabell(
            _skriv(tmp_path, KOMMUNAL.replace('"kr_per_maned"', '"kr_per_ar"'), "b.toml")
        )
    egen = KOMMUNAL.replace('id = "statlige-veiledende-satser"', 'id = "egen"')
    manedlig = Satser({"egen": last_satstabell(_skriv(tmp_path, egen, "c.toml"))})
    aarlig = last_satstabell(
        _skriv(tmp_path, egen.replace('"kr_per_maned"', '"kr_per_ar"'), "d.toml")
    )
    with pytest.raises(RegelFeil, match="enhet"):
        manedlig.med_tabell(aarlig)


def test_tabeller_er_uforanderlige(satser):
    with pytest.raises(TypeError):
        satser.tabeller["x"] = satser[G]  # type: ignore[index]
    with pytest.raises(TypeError):
        satser[G].rader[0].verdier["grunnbelop"] = Decimal(0)  # type: ignore[index]


# --------------------------------------------------------------------------------------------
# Changes whose numbers were not found (tall_ikke_funnet)
# --------------------------------------------------------------------------------------------


def _hullrad(gyldig_fra: str = "2025-01-01", *, ekstra: str = "") -> str:
    linjer = [
        "[[rad]]",
        f"gyldig_fra = {gyldig_fra}",
        "kjent_gyldig_til = 2025-12-31",
        "tall_ikke_funnet = true",
        'kilde = "S0: rundskrivet sier at satsene ble prisjustert"',
        'merke = "V"',
        "verifisert = 2026-12-04",
        'merknad = "Prisjustert; tallene er ikke funnet."',
    ]
    if ekstra:
        linjer.append(ekstra)
    return "\n".join(linjer) + "\n"


def test_hullrad_lastes_og_gir_forrige_rad_merket(tmp_path):
    tabell = last_satstabell(_skriv(tmp_path, TABELL + _rad() + _hullrad()))
    assert tabell.rader[1].tall_ikke_funnet and not tabell.rader[1].verdier
    oppslag = tabell.oppslag(date(2025, 3, 1))
    assert oppslag.rad.gyldig_fra == date(2024, 1, 1) and oppslag.verdi("enslig") == 100
    assert oppslag.utdatert and oppslag.hull == tabell.rader[1]
    assert "Satsene for perioden avgjør beløpet" in oppslag.advarsel()  # not the § 18 table
    # after the gap row's known end: still the gap (no newer row), still flagged
    assert tabell.oppslag(date(2027, 1, 1)).hull == tabell.rader[1]


def test_to_hullrader_etter_hverandre(tmp_path):
    tekst = TABELL + _rad() + _hullrad().replace("2025-12-31", "2025-06-30")
    tekst += _hullrad("2025-07-01")
    tabell = last_satstabell(_skriv(tmp_path, tekst))
    oppslag = tabell.oppslag(date(2025, 8, 1))
    assert oppslag.rad.gyldig_fra == date(2024, 1, 1)
    assert oppslag.hull.gyldig_fra == date(2025, 7, 1)


@pytest.mark.parametrize(
    ("tekst", "del_av_melding"),
    [
        (TABELL + _hullrad("2023-01-01") + _rad(), "den første raden må ha tall"),
        (TABELL + _rad() + _hullrad(ekstra="verdier = { enslig = 1 }"), "ukjent felt 'verdier'"),
        (TABELL + _rad() + _hullrad(ekstra="barn = []"), "ukjent felt 'barn'"),
        (
            TABELL
            + _rad()
            + _hullrad().replace('merknad = "Prisjustert; tallene er ikke funnet."\n', ""),
            "mangler påkrevd felt 'merknad'",
        ),
        (
            TABELL
            + _rad()
            + _hullrad().replace("tall_ikke_funnet = true", 'tall_ikke_funnet = "ja"'),
            "må være true eller false",
        ),
        (
            TABELL
            + _rad(ekstra="tall_ikke_funnet = false").replace("verdier = { enslig = 100 }\n", ""),
            "mangler påkrevd felt 'verdier'",
        ),
    ],
)
def test_hullrad_feil(tmp_path, tekst, del_av_melding):
    with pytest.raises(RegelFeil) as e:
        last_satstabell(_skriv(tmp_path, tekst))
    assert del_av_melding in str(e.value)


# --------------------------------------------------------------------------------------------
# What the library reads from a table (KRAV) — issue 15 point 6
# --------------------------------------------------------------------------------------------


def test_krav_til_livsopphold_er_husstandskolonnene():
    """The § 18 table must hold a rate for every column the rule's lookup reads (the columns
    the household types take are the rule's now: ``livsopphold.satssum``)."""
    from sosialregler.lov.rates import KRAV, LIVSOPPHOLD
    from sosialregler.lov.rulebook.expr import satsoppslag
    from sosialregler.vurdering.standardbok import default_rulebook

    regel = default_rulebook().beregningsregel("livsopphold", date(2026, 1, 1))
    assert regel is not None
    (satssum,) = [s for s in regel.summer if s.navn == "livsopphold.satssum"]
    kolonner = {
        k
        for t in satssum.tilfeller
        for f, _, nokler in satsoppslag(t.verdi.tre)
        if f == "sats"
        for k in nokler or ()
    }
    assert {k.navn for k in LIVSOPPHOLD.kolonner} == kolonner
    assert KRAV[VEIL] is LIVSOPPHOLD and LIVSOPPHOLD.barn


def test_alle_tabeller_biblioteket_leser_finnes_og_oppfyller_kravene(satser):
    from sosialregler.lov.rates import KRAV, sjekk_krav

    for krav in KRAV.values():
        assert sjekk_krav(satser[krav.id], krav) == []


def _veil(verdier: str, barn: str | None) -> str:
    return TABELL.replace('id = "test"', f'id = "{VEIL}"') + _rad(verdier=verdier, barn=barn)


@pytest.mark.parametrize(
    ("verdier", "barn", "del_av_melding"),
    [
        ("{ enslig = 1, bofellesskap = 1 }", BARN_OK, "mangler verdien 'par'"),
        ("{ enslig = 1, par = 1, bofellesskap = 1 }", None, "mangler barnesatser: alder 0–17"),
        (
            "{ enslig = 1, par = 1, bofellesskap = 1 }",
            "[{ fra_alder = 0, til_alder = 10, belop = 1 }]",
            "aldersgruppene slutter på 10 år: alder 11–17 mangler sats",
        ),
        (
            "{ enslig = 1, par = 1, bofellesskap = 1 }",
            "[{ fra_alder = 0, til_alder = 16, belop = 1 }]",
            "alder 17–17 mangler sats",
        ),
        (
            "{ enslig = 1, par = 1, bofellesskap = 1 }",
            "[{ fra_alder = 0, til_alder = 5, belop = 0 },"
            " { fra_alder = 6, til_alder = 17, belop = 1 }]",
            "barnesatsen for 0–5 år må være større enn 0",
        ),
        ("{ enslig = 0, par = 1, bofellesskap = 1 }", BARN_OK, "må være større enn 0"),
        ('{ enslig = "1/2", par = 1, bofellesskap = 1 }', BARN_OK, "ikke en brøk"),
        ("{ enslig = 2000000, par = 1, bofellesskap = 1 }", BARN_OK, "høyst 1 000 000"),
    ],
)
def test_funnet_livsoppholdstabell_uten_kolonne_eller_barn_avvises(
    tmp_path, verdier, barn, del_av_melding
):
    """Child bands stopping before 17 (or none) loaded and gave a 12-year-old 0 kr; a table
    without `par` loaded and every couple's case failed. Now refused at load, named."""
    with pytest.raises(RegelFeil) as e:
        last_satstabell(_skriv(tmp_path, _veil(verdier, barn)))
    assert del_av_melding in str(e.value)


def test_bandene_kan_deles_annerledes(tmp_path):
    """A split of 11–17 (SIFO's proposal) or bands beyond 17 are allowed: only cover 0–17."""
    barn = (
        "[{ fra_alder = 0, til_alder = 10, belop = 1 },"
        " { fra_alder = 11, til_alder = 14, belop = 2 },"
        " { fra_alder = 15, til_alder = 19, belop = 3 }]"
    )
    tabell = last_satstabell(
        _skriv(tmp_path, _veil("{ enslig = 1, par = 1, bofellesskap = 1 }", barn))
    )
    assert tabell.oppslag(date(2024, 1, 1)).barnesats(17).belop == 3


def test_urimelig_stor_verdi_i_hvilken_som_helst_tabell(tmp_path):
    with pytest.raises(RegelFeil, match="urimelig stort"):
        last_satstabell(_skriv(tmp_path, TABELL + _rad(verdier="{ x = 1e300 }")))
    with pytest.raises(RegelFeil, match="urimelig stort"):
        last_satstabell(
            _skriv(tmp_path, TABELL + _rad(barn=BARN_OK.replace("belop = 3", "belop = 1e20")))
        )


# --------------------------------------------------------------------------------------------
# No machine paths in what ships
# --------------------------------------------------------------------------------------------

_ABSOLUTT_STI = re.compile(r"(?<![\w.:/])/(?:work|home|Users|tmp|root|mnt|opt|srv)/|[A-Za-z]:\\\\")


def test_ingen_absolutt_sti_i_filer_som_leveres():
    """Rule, rate and source files cite the law notes by name, never by a path on a machine."""
    rot = SATSMAPPE.parents[1]
    filer = [
        f
        for mappe in (rot / "rules", rot / "src", rot / "examples")
        for f in mappe.rglob("*")
        if f.is_file() and f.suffix in (".toml", ".py", ".json", ".md")
    ]
    assert len(filer) > 20
    funnet = [
        f"{f.relative_to(rot)}:{n}: {linje.strip()}"
        for f in filer
        for n, linje in enumerate(f.read_text("utf-8").splitlines(), 1)
        if _ABSOLUTT_STI.search(linje)
    ]
    assert funnet == []


def test_stisjekken_finner_en_sti():
    assert _ABSOLUTT_STI.search("#   /work/shared/law/sosialtjenesteloven.md § 12.9")
    assert _ABSOLUTT_STI.search("se /home/ola/notater.md")
    assert not _ABSOLUTT_STI.search("https://www.regjeringen.no/no/dokumenter/a-682009/id589273/")
    assert not _ABSOLUTT_STI.search("law notes sosialtjenesteloven.md § 12.9")


# --------------------------------------------------------------------------------------------
# The command line on 2025 and 2026 cases (issue 14: this year's rates)
# --------------------------------------------------------------------------------------------

EKSEMPLER = SATSMAPPE.parents[1] / "examples"
UTDATERT = "SATSER_KAN_VAERE_UTDATERT"


def _vurder_json(*argumenter: str) -> dict:
    import fuzzhjelp as fh

    kjoring = fh.kjor_cli(["vurder", *argumenter, "--format", "json"])
    assert kjoring.kode == 0, kjoring.feil
    return json.loads(kjoring.ut)


def _satslinjer(svar: dict) -> dict[str, tuple[int, str]]:
    return {
        linje["post"]: (linje["belop"], linje["gyldig_fra"])
        for linje in svar["vedtak"]["livsopphold"]["beregning"]
        if linje["post"].startswith("sats_")
    }


@pytest.mark.parametrize("dato", ["2026-01-01", "2026-06-01", "2026-12-04"])
def test_vurder_2026_bruker_2026_satsene_uten_utdatert_merknad(dato):
    svar = _vurder_json(str(EKSEMPLER / "familie.json"), "--dato", dato)
    assert _satslinjer(svar) == {
        "sats_ektepar": (13800, "2026-01-01"),
        "sats_barn_6_10": (4150, "2026-01-01"),
    }
    assert UTDATERT not in {m["kode"] for m in svar["merknader"]}
    enslig = _vurder_json(str(EKSEMPLER / "enslig.json"), "--dato", dato)
    assert _satslinjer(enslig) == {"sats_enslig": (8300, "2026-01-01")}
    assert UTDATERT not in {m["kode"] for m in enslig["merknader"]}


def test_vurder_2025_merker_at_2024_satsene_ikke_er_2025_satsene():
    svar = _vurder_json(str(EKSEMPLER / "enslig.json"), "--dato", "2025-06-02")
    assert _satslinjer(svar) == {"sats_enslig": (7850, "2024-01-01")}
    (merknad,) = [m for m in svar["merknader"] if m["kode"] == UTDATERT]
    tekst = json.dumps(merknad, ensure_ascii=False)
    assert "ble endret fra 01.01.2025" in tekst and "finnes ikke i biblioteket" in tekst
    assert "ikke den veiledende satsen som gjaldt 02.06.2025" in tekst
    assert "Kommunens egne satser" in tekst


def test_vurder_2025_med_kommunens_satser_avgjor_kommunen(tmp_path):
    tekst = (EKSEMPLER / "kommunale-satser-eksempel.toml").read_text("utf-8")
    tekst = tekst.replace("gyldig_fra = 2024-01-01", "gyldig_fra = 2025-01-01")
    tekst = tekst.replace("kjent_gyldig_til = 2024-12-31", "kjent_gyldig_til = 2025-12-31")
    fil = tmp_path / "kommune.toml"
    fil.write_text(tekst, "utf-8")
    svar = _vurder_json(
        str(EKSEMPLER / "enslig.json"), "--dato", "2025-06-02", "--satser", str(fil)
    )
    assert _satslinjer(svar) == {"sats_enslig": (8000, "2025-01-01")}
    assert UTDATERT not in {m["kode"] for m in svar["merknader"]}
