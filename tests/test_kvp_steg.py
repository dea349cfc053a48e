"""The § 35 stønad's arithmetic as named steps (``[[regel.verdi]]`` in stl-35-utmaling).

Issue 17 moved the KVP chain (the annual rates from G, the daily rate, the child supplement, the
§ 38 reduction, the monthly amount) out of areas/kvalifisering.py into the rule file. These tests
hold: the two functions the steps need (``delt_kroner``, ``delt_ore``: exact division, rounded
once) on both sides of every rounding edge and on bad input; the steps equal to the Python they
replace, on both engines; ``stegvis.regn`` computing what it can and leaving unknown what it
must; whole KVP cases with partial knowledge giving the same on both engines; the loader letting
a calculation own its declared ``kvp.*`` steps and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosialregler import assess
from sosialregler.api import standard_regelbok
from sosialregler.inndata.ukjent import Ukjent
from sosialregler.lov.kompilator.program import program_for
from sosialregler.lov.rulebook.expr import UttrykkFeil, parse, utfallsnavn
from sosialregler.lov.rulebook.mellomregning import mellomregn
from sosialregler.lov.rulebook.model import Regel
from sosialregler.vurdering import stegvis
from sosialregler.vurdering.areas import kvalifisering
from test_kompilator_likhet import begge
from test_kvalifiseringsstonad import _fravaer, barn, kvp_sak, ut
from test_mellomregninger import FIL, GYLDIGE, _beregningsregel, lag_mappe  # noqa: F401
from test_regelfiler_fiendtlige import last_under_oppsyn

DATO = date(2024, 7, 1)


def _regel() -> Regel:
    regel = standard_regelbok().beregningsregel("kvalifisering", DATO)
    assert regel is not None
    return regel


def regn(tekst: str, **verdier: Any) -> Any:
    return parse(tekst).evaluer(verdier)


def _eksakt(a: Fraction, enhet: Fraction) -> Decimal:
    """Half away from zero on the exact fraction (the reference, written out separately)."""
    antall = a / enhet
    hele = int(abs(antall) + Fraction(1, 2))
    return Decimal(hele if antall >= 0 else -hele) * Decimal(enhet.numerator) / enhet.denominator


# --- delt_kroner / delt_ore ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "a", "b", "svar"),
    [
        ("delt_ore(a, b)", Decimal("0.005"), 1, "0.01"),  # the half: up
        ("delt_ore(a, b)", Decimal("0.0049999"), 1, "0.00"),  # just under: down
        ("delt_ore(a, b)", Decimal("-0.005"), 1, "-0.01"),  # away from zero
        ("delt_ore(a, b)", Decimal("253141"), 260, "973.62"),  # 973.6192…
        ("delt_ore(a, b)", Decimal("168761"), 260, "649.08"),  # 649.0807…
        ("delt_ore(a, b)", 0, 12, "0.00"),  # always two decimals
        ("delt_ore(a, b)", Decimal("21875.00"), 1, "21875.00"),
        ("delt_kroner(a, b)", Decimal("2.5"), 1, "3"),
        ("delt_kroner(a, b)", Decimal("2.4999"), 1, "2"),
        ("delt_kroner(a, b)", Decimal("506282.296"), 3, "168761"),  # 2/3 × 2.041 × 124 028
        ("delt_kroner(a, b)", 7, 2, "4"),
        ("delt_kroner(a, b)", -7, 2, "-4"),
    ],
)
def test_delt_avrunder_en_gang_halv_opp(tekst: str, a: Any, b: Any, svar: str) -> None:
    x = regn(tekst, a=a, b=b)
    assert type(x) is Decimal and str(x) == svar


def test_delt_ore_deler_eksakt_ikke_paa_28_sifre() -> None:
    """1 000 000 000 000 000.004999… (34 digits) is just under the half øre: to the øre it is
    .00. Dividing to the context's 28 digits first gives .005000… and then .01 (the double
    rounding the function avoids)."""
    a = Decimal("1000000000000000.004999999999999999")
    assert str(regn("delt_ore(a, 1)", a=a)) == "1000000000000000.00"
    fort = Context(prec=28).divide(a, Decimal(1))
    assert fort.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == Decimal("1000000000000000.01")


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(-(10**9), 10**9, places=3, allow_nan=False, allow_infinity=False),
    st.integers(1, 10_000),
)
def test_delt_er_eksakt_halv_opp(a: Decimal, b: int) -> None:
    # Inside the bounds: under 10^18, at most 18 decimals (the largest allowed, both signs).
    grense = Decimal("999999999999999999.999999999999999999")
    assert regn("delt_kroner(a, 1)", a=grense) == Decimal("1000000000000000000")
    assert regn("delt_kroner(a, 1)", a=grense.copy_negate()) == Decimal("-1000000000000000000")
    assert regn("delt_ore(a, b)", a=a, b=b) == _eksakt(Fraction(a) / b, Fraction(1, 100))
    assert regn("delt_kroner(a, b)", a=a, b=b) == _eksakt(Fraction(a) / b, Fraction(1))


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("delt_ore(1, 0)", "deling på null i delt_ore()"),  # constant: refused at load
        ("delt_kroner(1, 2 - 2)", "deling på null i delt_kroner()"),
        ("delt_ore(1)", "delt_ore() tar nøyaktig 2 argumenter, fikk 1"),
        ("delt_ore(1, 2, 3)", "delt_ore() tar nøyaktig 2 argumenter, fikk 3"),
        ('delt_ore("1", 2)', "delt_ore() tar tall eller datoer, ikke tekst"),
        ("delt_kroner(sann, 2)", "delt_kroner() tar tall eller datoer, ikke sannhetsverdi"),
    ],
)
def test_delt_feil_ved_lasting(tekst: str, melding: str) -> None:
    with pytest.raises(UttrykkFeil) as feil:
        parse(tekst)
    assert melding in feil.value.melding


@pytest.mark.parametrize(
    ("verdier", "melding"),
    [
        ({"a": 1, "b": 0}, "deling på null i delt_ore()"),
        ({"a": Decimal(1), "b": Decimal("0.00")}, "deling på null i delt_ore()"),
        ({"a": date(2024, 1, 1), "b": 2}, "delt_ore() krever tall, fikk dato"),
        ({"a": 1, "b": None}, "ingen verdi (None) kan ikke brukes"),
        ({"a": Decimal("NaN"), "b": 2}, "ikke endelig"),
        ({"a": Ukjent(("x",)), "b": 2}, "kan ikke brukes"),
        # Bounded, so a hostile value cannot make the whole-number arithmetic slow.
        ({"a": Decimal("1E+999999"), "b": 2}, "tar tall under 10^18 med høyst 18 desimaler"),
        ({"a": 1, "b": Decimal("1E-999999")}, "tar tall under 10^18 med høyst 18 desimaler"),
        ({"a": 10**18, "b": 1}, "tar tall under 10^18"),
        ({"a": -(10**18), "b": 1}, "tar tall under 10^18"),
        ({"a": Decimal("0.0000000000000000001"), "b": 1}, "høyst 18 desimaler"),
    ],
)
def test_delt_feil_ved_kjoring(verdier: dict[str, Any], melding: str) -> None:
    with pytest.raises(UttrykkFeil) as feil:
        parse("delt_ore(a, b)").evaluer(verdier)
    assert melding in feil.value.melding


# --- the steps in the rule file, on both engines -------------------------------------------------


def test_regelen_har_stegene_i_rekkefolge_med_tre_sprak() -> None:
    regel = _regel()
    assert tuple(v.navn for v in regel.verdier) == kvalifisering.VERDIER
    for verdi in regel.verdier:
        assert set(verdi.tittel) == {"nb", "nn", "en"}, verdi.navn
        assert all(t.strip() for t in verdi.tittel.values())


#: The value the step kvp.stonad_per_ar reads: the outcome of stl-35-under-25 (issue 17).
UNDER_25 = utfallsnavn("stl-35-under-25")


def _inndata(g: Decimal, faktor: Decimal, barn_: int, per_barn: int, reduksjon: Decimal) -> dict:
    andel = Fraction(2, 3)
    return {
        "kvp.grunnbelop": g,
        "kvp.faktor_g": faktor,
        "kvp.andel_under_25_teller": andel.numerator,
        "kvp.andel_under_25_nevner": andel.denominator,
        "kvp.dager_per_ar": 260,
        "kvp.barnetillegg_per_barn_per_dag": Decimal(per_barn),
        "kvp.antall_barn": barn_,
        "kvp.reduksjon_per_ar": reduksjon,
    }


def _som_python(t: dict[str, Any], under_25: bool) -> dict[str, Any]:
    """What areas/kvalifisering.py computed before the steps moved into the rule file
    (``arssatser``, ``kroner``, ``ore``: exact Fractions, rounded half up)."""

    def kroner(x: Fraction) -> Decimal:
        return (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal(1), ROUND_HALF_UP)

    def ore(x: Fraction) -> Decimal:
        kontekst = Context(prec=28, rounding=ROUND_HALF_UP)
        return kontekst.divide(Decimal(x.numerator), Decimal(x.denominator)).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        )

    eksakt = Fraction(t["kvp.faktor_g"]) * Fraction(t["kvp.grunnbelop"])
    full, under = kroner(eksakt), kroner(eksakt * Fraction(2, 3))
    stonad = under if under_25 else full
    per_dag = t["kvp.barnetillegg_per_barn_per_dag"] * t["kvp.antall_barn"]
    per_ar = per_dag * 260
    etter = max(stonad - t["kvp.reduksjon_per_ar"], Decimal(0))
    return {
        "kvp.stonad_full_per_ar": full,
        "kvp.stonad_under_25_per_ar": under,
        "kvp.stonad_per_ar": stonad,
        "kvp.dagsats": ore(Fraction(stonad) / 260),
        "kvp.barnetillegg_per_dag": per_dag,
        "kvp.barnetillegg_per_ar": per_ar,
        "kvp.stonad_etter_reduksjon_per_ar": etter,
        "kvp.belop_per_maned": ore((Fraction(etter) + Fraction(per_ar)) / 12),
    }


class _Ktx:
    """What ``stegvis.regn`` asks of a ``Kontekst``: the steps of a rule (the reference loop,
    or the compiled function when ``program`` is given and the rule is the one in force)."""

    def __init__(self, kompilert: bool = False) -> None:
        bok = standard_regelbok()
        self.program = program_for(bok, DATO, bok.versjoner_i_kraft(DATO)) if kompilert else None
        self.kalt: list[Regel] = []

    def mellomregn(self, regel: Regel, verdier: dict[str, Any]) -> dict[str, Any]:
        self.kalt.append(regel)
        if self.program is not None and self.program.i_kraft.get(regel.id) is regel:
            steg = self.program.mellomregninger[regel.id]
            assert steg is not None
            return steg(verdier)
        return mellomregn(regel, verdier)


def _i_faser(ktx: Any, t: dict[str, Any], under_25: bool) -> dict[str, Any]:
    """The steps as the calculation runs them: rates, then the chosen stønad, then the rest."""
    regel = _regel()
    verdier = {k: t[k] for k in list(t)[:4]}
    stegvis.regn(ktx, regel, verdier)
    verdier.update({k: t[k] for k in list(t)[4:7]})
    verdier[UNDER_25] = under_25  # the rule's outcome: the step chooses the rate
    stegvis.regn(ktx, regel, verdier)
    verdier["kvp.reduksjon_per_ar"] = t["kvp.reduksjon_per_ar"]
    return stegvis.regn(ktx, regel, verdier)


@settings(max_examples=150, deadline=None)
@given(
    g=st.integers(50_000, 400_000).map(Decimal),
    faktor=st.sampled_from([Decimal(2), Decimal("2.041")]),
    under_25=st.booleans(),
    barn_=st.integers(0, 6),
    per_barn=st.sampled_from([27, 35, 36, 37, 38]),
    reduksjon=st.decimals(0, 400_000, places=0, allow_nan=False, allow_infinity=False),
)
def test_stegene_regner_som_python_paa_begge_motorer(
    g: Decimal, faktor: Decimal, under_25: bool, barn_: int, per_barn: int, reduksjon: Decimal
) -> None:
    t = _inndata(g, faktor, barn_, per_barn, reduksjon)
    venter = _som_python(t, under_25)
    stegvis._MINNE.clear()  # each engine computes (no stored values from an earlier example)
    tolket = _i_faser(_Ktx(), t, under_25)
    assert {k: tolket[k] for k in venter} == venter
    for k in venter:  # the same decimals: 973.62, never 973.6; 253141, never 253141.000
        assert str(tolket[k]) == str(venter[k]), k
    # Everything given at once: the whole list, so the compiled function runs.
    ktx = _Ktx(kompilert=True)
    stegvis._MINNE.clear()
    alt = {**t, UNDER_25: under_25}
    kompilert = stegvis.regn(ktx, _regel(), alt)
    assert ktx.kalt == [_regel()]
    assert {k: str(kompilert[k]) for k in venter} == {k: str(v) for k, v in venter.items()}


# --- stegvis.regn: what can be computed now, and unknowns ----------------------------------------


def test_regn_venter_paa_det_som_mangler() -> None:
    t = _inndata(Decimal(124028), Decimal("2.041"), 1, 36, Decimal(0))
    verdier = {k: t[k] for k in list(t)[:4]}
    stegvis.regn(_Ktx(), _regel(), verdier)
    assert verdier["kvp.stonad_full_per_ar"] == 253141
    assert verdier["kvp.stonad_under_25_per_ar"] == 168761
    assert "kvp.dagsats" not in verdier and "kvp.belop_per_maned" not in verdier


def test_ukjent_inn_gir_ukjent_ut_den_forste_som_leses() -> None:
    t = _inndata(Decimal(124028), Decimal("2.041"), 1, 36, Decimal(0))
    alder = Ukjent(("personer[0].fodselsdato",))
    inntekt = Ukjent(("inntekter",))
    verdier = {**t, UNDER_25: alder, "kvp.reduksjon_per_ar": inntekt}
    stegvis.regn(_Ktx(), _regel(), verdier)
    assert verdier["kvp.stonad_full_per_ar"] == 253141  # does not read the stønad
    assert verdier["kvp.stonad_per_ar"] is alder  # the rule undetermined: no rate chosen
    assert verdier["kvp.dagsats"] is alder
    assert verdier["kvp.barnetillegg_per_ar"] == Decimal(9360)  # 36 × 1 × 260
    # max(stønad - reduksjon, 0): the stønad is read first, so its unknown is the answer.
    assert verdier["kvp.stonad_etter_reduksjon_per_ar"] is alder
    assert verdier["kvp.belop_per_maned"] is alder


def test_delregelen_lages_en_gang_og_hele_listen_er_regelen_selv() -> None:
    regel = _regel()
    forste = list(regel.verdier[:2])
    delregel, inndata = stegvis._delregel(regel, forste)
    assert stegvis._delregel(regel, forste)[0] is delregel
    assert delregel.verdier == tuple(forste)
    assert inndata == (
        "kvp.faktor_g",
        "kvp.grunnbelop",
        "kvp.andel_under_25_teller",
        "kvp.andel_under_25_nevner",
    )
    assert stegvis._delregel(regel, list(regel.verdier))[0] is regel


def test_like_inndata_regnes_en_gang_ulikt_skrevne_hver_for_seg() -> None:
    """The steps are pure: the same inputs give the stored values (no evaluation); 36 and 36.00
    are equal but written differently, so each gets its own (the text shows the decimals)."""
    stegvis._MINNE.clear()
    t = _inndata(Decimal(124028), Decimal("2.041"), 2, 36, Decimal(0))
    ktx = _Ktx()
    forste = stegvis.regn(ktx, _regel(), dict(t))
    assert len(ktx.kalt) == 1
    andre = stegvis.regn(ktx, _regel(), dict(t))
    assert len(ktx.kalt) == 1 and andre == forste
    t["kvp.barnetillegg_per_barn_per_dag"] = Decimal("36.00")
    tredje = stegvis.regn(ktx, _regel(), dict(t))
    assert len(ktx.kalt) == 2
    assert str(tredje["kvp.barnetillegg_per_dag"]) == "72.00"
    assert str(forste["kvp.barnetillegg_per_dag"]) == "72"


# --- whole cases: partial knowledge, both engines ------------------------------------------------


def _uten_fodselsdato() -> dict[str, Any]:
    sak = kvp_sak()
    del sak["personer"][0]["fodselsdato"]
    return sak


def _uten_inntekter() -> dict[str, Any]:
    sak = kvp_sak()
    del sak["inntekter"]
    return sak


SAKER: dict[str, Callable[[], dict[str, Any]]] = {
    "full": lambda: kvp_sak(),
    "under_25": lambda: kvp_sak(fodt="2001-01-01"),
    "uten_fodselsdato": _uten_fodselsdato,
    "barn_ukjent": lambda: kvp_sak(forsorger_barn=None),
    "to_barn": lambda: kvp_sak(personer=[barn("b1"), barn("b2")], forsorger_barn=["b1", "b2"]),
    "uten_inntekter": _uten_inntekter,
    "dagpenger": lambda: kvp_sak(
        inntekter=[{"person": "p1", "type": "dagpenger", "belop_per_maned": 30000}]
    ),
    "arbeidsinntekt": lambda: kvp_sak(
        inntekter=[{"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": 5000}]
    ),
    "fravaer": lambda: kvp_sak(
        "2024-09-02",
        fodt="2000-01-01",
        fravaer=[_fravaer(fra="2024-03-04", til="2024-03-05", gyldig=False, dager=2)],
        vedtak_varslet_trekk_ved_fravaer=True,
    ),
}


@pytest.mark.parametrize("navn", list(SAKER))
def test_kvp_saker_like_paa_begge_motorer(navn: str) -> None:
    begge(SAKER[navn]())


@pytest.mark.parametrize(
    ("navn", "forventet"),
    [
        ("full", {"stonad_per_ar": 253141, "dagsats": 973.62}),
        ("under_25", {"stonad_per_ar": 168761, "dagsats": 649.08}),
        ("uten_fodselsdato", {"stonad_per_ar": None, "dagsats": None}),
        ("barn_ukjent", {"barnetillegg_per_dag": None, "barnetillegg_per_ar": None}),
        ("to_barn", {"barnetillegg_per_dag": 72, "barnetillegg_per_ar": 18720}),
        ("uten_inntekter", {"reduksjon_per_ar": None, "stonad_etter_reduksjon_per_ar": None}),
        ("dagpenger", {"reduksjon_per_ar": 360000, "stonad_etter_reduksjon_per_ar": 0}),
        ("arbeidsinntekt", {"stonad_etter_reduksjon_per_ar": None}),
        ("fravaer", {"trekk_fravaer": 1216.62}),  # 2 × 608.31 (under 25, 2 G, G = 118 620)
    ],
)
def test_kvp_saker_gir_belopene(navn: str, forventet: dict[str, Any]) -> None:
    o = ut(assess(SAKER[navn]()))
    assert {k: o.get(k) for k in forventet} == forventet


def test_maanedsbelopet_for_paragraf_18_med_barnetillegg() -> None:
    v = assess(SAKER["to_barn"]())
    fakta = v.vedtak["kvalifiseringsstonad"].node.finn("stl-35-utmaling").fakta
    # (253 141 + 18 720) / 12 = 22 655.0833… → 22 655.08
    assert str(fakta["kvp.belop_per_maned"]) == "22655.08"


# --- the loader: a calculation owns the steps it declares ----------------------------------------


def _kvp_regel(steg: dict[str, str]) -> str:
    tekst = (
        "[[regel]]\n"
        'id = "fiendtlig-kvp"\n'
        'tittel = { nb = "F", nn = "F", en = "F" }\n'
        'hjemmel = [{ kilde = "sosialtjenesteloven", paragraf = "35" }]\n'
        'kilde = "skal"\n'
        "gyldig_fra = 2010-01-01\n"
        'beregning = "kvalifisering"\n\n'
        '[regel.tekst.oppfylt]\nnb = "Ja."\nnn = "Ja."\nen = "Yes."\n\n'
        '[regel.tekst.ikke_oppfylt]\nnb = "Nei."\nnn = "Nei."\nen = "No."\n\n'
    )
    for navn, uttrykk in steg.items():
        tekst += (
            f'[[regel.verdi]]\nnavn = "{navn}"\n'
            'tittel = { nb = "S", nn = "S", en = "S" }\n'
            f"uttrykk = '{uttrykk}'\n\n"
        )
    return tekst + _UNDER_25_REGEL


#: The rule the step kvp.stonad_per_ar chooses by (``oppfylt("stl-35-under-25")``).
_UNDER_25_REGEL = (
    "[[regel]]\n"
    'id = "stl-35-under-25"\n'
    'tittel = { nb = "U", nn = "U", en = "U" }\n'
    'hjemmel = [{ kilde = "sosialtjenesteloven", paragraf = "35" }]\n'
    'kilde = "skal"\n'
    "gyldig_fra = 2010-01-01\n"
    'vilkar = "kvp.alder < kvp.alder_full_sats"\n\n'
    '[regel.tekst.oppfylt]\nnb = "Ja."\nnn = "Ja."\nen = "Yes."\n\n'
    '[regel.tekst.ikke_oppfylt]\nnb = "Nei."\nnn = "Nei."\nen = "No."\n\n'
)


def _steg_fra_filen() -> dict[str, str]:
    return {v.navn: v.uttrykk.tekst for v in _regel().verdier}


def test_kvp_stegene_lastes(lag_mappe: Callable[..., Path]) -> None:  # noqa: F811
    bok, problemer, _ = last_under_oppsyn(lag_mappe({"f.toml": _kvp_regel(_steg_fra_filen())}))
    assert bok is not None, [str(p) for p in problemer]


def test_kvp_steg_som_ikke_er_beregningens_avvises(lag_mappe: Callable[..., Path]) -> None:  # noqa: F811
    """``kvp.alder`` is a KVP fact, but not a step the calculation declares (``VERDIER``)."""
    steg = {"kvp.alder": "1", **_steg_fra_filen()}
    bok, problemer, _ = last_under_oppsyn(lag_mappe({"f.toml": _kvp_regel(steg)}))
    assert bok is None
    assert any(
        "navn 'kvp.alder' er ikke et faktum som beregningen 'kvalifisering' gir" in str(p)
        for p in problemer
    )


def test_kvp_uten_et_steg_avvises(lag_mappe: Callable[..., Path]) -> None:  # noqa: F811
    steg = _steg_fra_filen()
    del steg["kvp.belop_per_maned"]
    bok, problemer, _ = last_under_oppsyn(lag_mappe({"f.toml": _kvp_regel(steg)}))
    assert bok is None
    assert any("trenger mellomregningen 'kvp.belop_per_maned'" in str(p) for p in problemer)


def test_en_annen_beregning_kan_ikke_eie_kvp_steg(lag_mappe: Callable[..., Path]) -> None:  # noqa: F811
    """Ownership by ``VERDIER`` is per calculation: § 18's rule cannot give ``kvp.dagsats``."""
    steg = {**GYLDIGE, "kvp.dagsats": "1"}
    bok, problemer, _ = last_under_oppsyn(lag_mappe({FIL: _beregningsregel(steg)}))
    assert bok is None
    assert any(
        "navn 'kvp.dagsats' er ikke et faktum som beregningen 'livsopphold' gir" in str(p)
        for p in problemer
    )


def test_beloepene_uavhengige_av_trådens_desimalkontekst() -> None:
    """A caller's decimal context (here 3 digits) changes no KVP amount: the steps compute in
    the rule language's context, the rest in the one ``assess`` fixes."""
    import decimal

    sak = kvp_sak(fravaer=[_fravaer(gyldig=False, dager=2)], vedtak_varslet_trekk_ved_fravaer=True)
    with decimal.localcontext(prec=3):
        o = ut(assess(sak))
    assert (o["stonad_per_ar"], o["dagsats"], o["trekk_fravaer"]) == (253141, 973.62, 1947.24)
