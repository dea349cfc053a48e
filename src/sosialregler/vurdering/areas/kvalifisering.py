"""Kvalifiseringsprogrammet (sosialtjenesteloven §§ 29-40): the ``kvp.*`` facts and the stønad.

Two areas of law share this module. ``kvalifiseringsprogram`` (§ 29 and the programme period)
is conditions only, so it needs just the derived facts below (ages, residence, the programme's
length in whole years and days). ``kvalifiseringsstonad`` (§ 35, § 38) has arithmetic,
stated as the named steps of stl-35-utmaling (``[[regel.verdi]]`` in
rules/stl-35-kvalifiseringsstonad.toml, listed in ``VERDIER``): the annual rates from G (whole
kroner, the under-25 rate from the exact product, so NAV's 253 141 and 168 761 are both
reproduced), the daily rate, the child supplement per day and per year, the stønad after the
§ 38 reduction and the monthly amount.

What stays here, and why it is not a rule:

* the rate rows by date (``oppslag``, ``_arssatser``): G, the factor and the share, the day count,
  the child supplement; an outdated or unverified row is flagged;
* evaluating stl-35-under-25 (on the date, and on an absence's first day) and giving its
  outcome to the steps (``stegvis.utfallsverdier``): the step ``kvp.stonad_per_ar`` chooses the
  rate by it (``hvis(oppfylt("stl-35-under-25"), …)``), and the age limit is read by the rule
  alone;
* the items: whether each income line reduces the stønad (§ 38) and whether each absence is
  unlawful are rules evaluated line by line here (``inntekter``, ``fravaer``), and the lines are
  collected for the explanation; a deduction is days × daily rate, computed only when the case
  counts the days, and flagged (the method is not in the sources).

``stegvis.regn`` runs the steps in the order the facts come (the under-25 rule names both rates in
its texts, so they are computed before it), leaving unknown what reads an unknown.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from attrs import evolve

from ...inndata.errors import RegelFeil
from ...inndata.facts import Kvp, Sak
from ...inndata.ukjent import Ukjent
from ...lov import outcome
from ...lov.rates import SatsOppslag
from ...lov.rulebook.model import Regel
from ...lov.sprak import SPRAK
from ...lov.tree import LatNode, Node, bygget
from .. import stegvis
from ..engine import Kontekst, Merknad, Vurdert
from ..faktainfo import FaktaInfo
from ..grunnfakta import alder, inntektsfakta, person_alder
from .base import Beregning, Linje

NULL = Decimal(0)
#: Months in a year: monthly incomes become yearly amounts (calendar, not law).
MANEDER_PER_AR = 12
#: A value that is not computed because the law leaves it to the caseworker or it does not
#: apply; shown as unknown in texts. No rule expression reads these facts (an unknown that
#: names no field would not make an expression ``uavklart``).
IKKE_BEREGNET = Ukjent(())

#: What a flag on a rate table adds about what the table is used for.
TILLEGGSTEKST: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "kvp-dagsats": {
            "nb": "Dette gjelder dagsatsen, barnetillegg per år og trekk for fravær, ikke den "
            "årlige stønaden.",
            "nn": "Dette gjeld dagsatsen, barnetillegg per år og trekk for fråvær, ikkje den "
            "årlege stønaden.",
            "en": "This concerns the daily rate, the child supplement per year and deductions "
            "for absence, not the annual benefit.",
        }
    }
)

#: The named steps of the arithmetic, stated as expressions in stl-35-utmaling
#: (``[[regel.verdi]]``, rules/stl-35-kvalifiseringsstonad.toml) and evaluated by ``stegvis.regn``.
VERDIER = (
    "kvp.stonad_full_per_ar",
    "kvp.stonad_under_25_per_ar",
    "kvp.stonad_per_ar",
    "kvp.dagsats",
    "kvp.barnetillegg_per_dag",
    "kvp.barnetillegg_per_ar",
    "kvp.stonad_etter_reduksjon_per_ar",
    "kvp.belop_per_maned",
)

#: The rules this calculation evaluates (rules/stl-35-kvalifiseringsstonad.toml).
UTMALINGSREGEL = "stl-35-utmaling"
UNDER_25_REGEL = "stl-35-under-25"
BARNETILLEGG_REGEL = "kvp-barnetillegg"
INNTEKTSREGEL = "stl-38-inntekt-reduserer"
ARBEIDSINNTEKTSREGEL = "kvp-arbeidsinntekt"
FRAVAERSREGEL = "kvp-fravaer-trekk"

#: Display names of the benefits in ``kvp.ytelser_folketrygd`` (words, not law).
YTELSESNAVN: Mapping[str, str] = MappingProxyType(
    {
        "aap": "arbeidsavklaringspenger",
        "uforetrygd": "uføretrygd",
        "dagpenger": "dagpenger",
        "sykepenger": "sykepenger",
        "foreldrepenger": "foreldrepenger",
        "svangerskapspenger": "svangerskapspenger",
        "pleiepenger": "pleiepenger",
        "alderspensjon": "alderspensjon",
        "overgangsstonad": "overgangsstønad",
        "omstillingsstonad": "omstillingsstønad",
        "barnepensjon": "barnepensjon",
        "tiltakspenger": "tiltakspenger",
        "annen": "annen ytelse",
    }
)


def _f(navn: str, type: str, nb: str, en: str, omfang: str | None = None) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en, omfang)


FAKTA = [
    # --- the case (derived in ``utled``) ---------------------------------------------------
    _f(
        "kvp.foreligger",
        "sannhetsverdi",
        "saken gjelder kvalifiseringsprogram",
        "the case concerns the qualification programme",
    ),
    _f(
        "kvp.person",
        "tekst",
        "hvem søknaden om kvalifiseringsprogram gjelder",
        "whom the programme application concerns",
    ),
    _f("kvp.fodselsdato", "dato", "deltakerens fødselsdato", "the participant's date of birth"),
    _f(
        "kvp.alder",
        "tall",
        "deltakerens alder på vurderingsdatoen",
        "the participant's age on the date",
    ),
    _f(
        "kvp.vesentlig_nedsatt_arbeidsevne",
        "sannhetsverdi",
        "vesentlig nedsatt arbeids- og inntektsevne",
        "substantially reduced work and income capacity",
    ),
    _f(
        "kvp.ytelser",
        "liste",
        "ytelser til livsopphold etter folketrygdloven eller arbeidsmarkedsloven",
        "subsistence benefits under the National Insurance Act or the Labour Market Act",
    ),
    _f(
        "kvp.har_ytelser",
        "sannhetsverdi",
        "søkeren har slike ytelser",
        "the applicant has such benefits",
    ),
    _f("kvp.ytelser_navn", "tekst", "ytelsene søkeren har", "the benefits the applicant has"),
    _f(
        "kvp.arbeidsevnevurdering_gjort",
        "sannhetsverdi",
        "arbeidsevnevurdering er gjort",
        "a work-capacity assessment has been made",
    ),
    _f(
        "kvp.arbeidsevnevurdering_foreligger",
        "sannhetsverdi",
        "det foreligger en arbeidsevnevurdering (ellers må NAV gjøre den)",
        "a work-capacity assessment exists (otherwise NAV must make it)",
    ),
    _f(
        "kvp.ytelser_per_maned",
        "belop",
        "ytelsene søkeren har, per måned (fra inntektene i saken)",
        "the applicant's benefits per month (from the case's incomes)",
    ),
    _f(
        "kvp.ytelser_per_ar",
        "belop",
        "ytelsene søkeren har, per år (12 × per måned)",
        "the applicant's benefits per year (12 × per month)",
    ),
    _f(
        "kvp.behov_for_tett_oppfolging",
        "sannhetsverdi",
        "behov for tett oppfølging",
        "need for close follow-up",
    ),
    _f(
        "kvp.hensiktsmessig_og_nodvendig",
        "sannhetsverdi",
        "tett og koordinert bistand gjennom programmet er hensiktsmessig og nødvendig",
        "close, coordinated assistance through the programme is appropriate and necessary",
    ),
    _f(
        "kvp.program_kan_tilbys",
        "sannhetsverdi",
        "NAV-kontoret kan tilby et program",
        "the office can offer a programme",
    ),
    _f(
        "kvp.norsk_statsborger",
        "sannhetsverdi",
        "deltakeren er norsk statsborger",
        "the participant is a Norwegian citizen",
    ),
    _f(
        "kvp.lovlig_opphold",
        "sannhetsverdi",
        "deltakeren har lovlig opphold i Norge",
        "the participant is lawfully resident in Norway",
    ),
    _f(
        "kvp.fast_bopel_i_norge",
        "sannhetsverdi",
        "deltakeren har fast bopel i Norge",
        "the participant has a fixed residence in Norway",
    ),
    _f("kvp.program_start", "dato", "programmet starter", "the programme starts"),
    _f("kvp.program_slutt", "dato", "programmet slutter", "the programme ends"),
    _f(
        "kvp.programlengde_ar",
        "tall",
        "programperiodens lengde, hele år",
        "length of the programme period, whole years",
    ),
    _f(
        "kvp.programlengde_restdager",
        "tall",
        "programperiodens lengde, dager ut over hele år",
        "length of the programme period, days beyond whole years",
    ),
    _f(
        "kvp.har_forlengelse",
        "sannhetsverdi",
        "programmet er forlenget",
        "the programme has been extended",
    ),
    _f(
        "kvp.forlenget_til",
        "dato",
        "programmet er forlenget til",
        "the programme is extended until",
    ),
    _f(
        "kvp.forlengelse_ar",
        "tall",
        "forlengelsens lengde, hele år",
        "length of the extension, whole years",
    ),
    _f(
        "kvp.forlengelse_restdager",
        "tall",
        "forlengelsens lengde, dager ut over hele år",
        "length of the extension, days beyond whole years",
    ),
    _f(
        "kvp.forlengelse_begrunnet",
        "sannhetsverdi",
        "begrunnelse for forlengelsen er registrert",
        "reasons for the extension are recorded",
    ),
    _f(
        "kvp.forlengelse_begrunnelse",
        "tekst",
        "begrunnelsen for forlengelsen",
        "the reasons for the extension",
    ),
    _f("kvp.timer_per_uke", "tall", "programmets timer per uke", "programme hours per week"),
    _f(
        "kvp.antall_barn",
        "tall",
        "antall barn deltakeren forsørger",
        "children the participant supports",
    ),
    _f(
        "kvp.har_ugyldig_fravaer",
        "sannhetsverdi",
        "deltakeren har ugyldig fravær",
        "the participant has unlawful absence",
    ),
    _f(
        "kvp.vedtak_varslet_trekk_ved_fravaer",
        "sannhetsverdi",
        "vedtaket tok forbehold om trekk ved ugyldig fravær",
        "the decision reserved deductions for unlawful absence",
    ),
    _f(
        "kvp.regnet_med_i_livsopphold",
        "sannhetsverdi",
        "kvalifiseringsstønaden er ført som inntekt i saken",
        "the qualification benefit is listed as income in the case",
    ),
    # --- the calculation (``beregn``) ------------------------------------------------------
    _f("kvp.grunnbelop", "belop", "grunnbeløpet (G)", "the basic amount (G)"),
    _f("kvp.grunnbelop_fra", "dato", "grunnbeløpet gjelder fra", "G in force from"),
    # The factor in each language's notation: the number formatter shows two decimals, and
    # «2,041 G» / «2.041 G» is how NAV states it (the value itself is in the output faktor_g).
    _f("kvp.faktor_nb", "tekst", "stønaden i G per år", "the benefit in G per year (Norwegian)"),
    _f("kvp.faktor_en", "tekst", "stønaden i G per år (engelsk)", "the benefit in G per year"),
    # The steps' inputs from the rate rows (stl-35-utmaling's [[regel.verdi]]), not shown in
    # the calculation (the factor is shown as text above).
    FaktaInfo(
        "kvp.faktor_g",
        "tall",
        "full stønad i G per år",
        "the full benefit in G per year",
        nn="full stønad i G per år",
    ),
    FaktaInfo(
        "kvp.andel_under_25_teller",
        "tall",
        "andelen for deltakere under 25 år, teller",
        "the share for participants under 25, numerator",
        nn="delen for deltakarar under 25 år, teljar",
    ),
    FaktaInfo(
        "kvp.andel_under_25_nevner",
        "tall",
        "andelen for deltakere under 25 år, nevner",
        "the share for participants under 25, denominator",
        nn="delen for deltakarar under 25 år, nemnar",
    ),
    _f("kvp.alder_full_sats", "tall", "alder for full sats", "age for the full rate"),
    _f(
        "kvp.dato_full_sats",
        "dato",
        "datoen deltakeren når alderen for full sats",
        "the date the participant reaches the age for the full rate",
    ),
    _f(
        "kvp.stonad_full_per_ar",
        "belop",
        "full kvalifiseringsstønad per år",
        "full qualification benefit per year",
    ),
    _f(
        "kvp.stonad_under_25_per_ar",
        "belop",
        "kvalifiseringsstønad per år for deltakere under 25 år",
        "qualification benefit per year for participants under 25",
    ),
    _f(
        "kvp.stonad_per_ar",
        "belop",
        "deltakerens kvalifiseringsstønad per år",
        "the participant's qualification benefit per year",
    ),
    _f("kvp.dager_per_ar", "tall", "stønadsdager per år", "benefit days per year"),
    _f("kvp.dagsats", "belop", "kvalifiseringsstønad per dag", "qualification benefit per day"),
    _f(
        "kvp.barnetillegg_per_barn_per_dag",
        "belop",
        "barnetillegg per barn per dag",
        "child supplement per child per day",
    ),
    _f(
        "kvp.barnetillegg_fra",
        "dato",
        "barnetilleggssatsen gjelder fra",
        "the child-supplement rate in force from",
    ),
    _f(
        "kvp.barnetillegg_per_dag",
        "belop",
        "barnetillegg per dag i alt",
        "child supplement per day in all",
    ),
    _f(
        "kvp.barnetillegg_per_ar",
        "belop",
        "barnetillegg per år i alt",
        "child supplement per year in all",
    ),
    _f(
        "kvp.reduksjon_per_ar",
        "belop",
        "reduksjon for dagpenger, sykepenger og foreldrepenger per år",
        "reduction for unemployment, sickness and parental benefit per year",
    ),
    _f(
        "kvp.stonad_etter_reduksjon_per_ar",
        "belop",
        "kvalifiseringsstønad per år etter reduksjon",
        "qualification benefit per year after reduction",
    ),
    _f(
        "kvp.belop_per_maned",
        "belop",
        "kvalifiseringsstønad med barnetillegg per måned",
        "qualification benefit with child supplement per month",
    ),
    _f(
        "kvp.trekk_fravaer",
        "belop",
        "trekk for ugyldig fravær i alt",
        "deductions for unlawful absence in all",
    ),
    # --- one absence (scope ``kvp_fravaer``) -----------------------------------------------
    _f("kvp_fravaer.fra", "dato", "fraværet begynte", "the absence began", "kvp_fravaer"),
    _f("kvp_fravaer.til", "dato", "fraværet sluttet", "the absence ended", "kvp_fravaer"),
    _f(
        "kvp_fravaer.gyldig",
        "sannhetsverdi",
        "fraværet er gyldig",
        "the absence is lawful",
        "kvp_fravaer",
    ),
    _f(
        "kvp_fravaer.dager",
        "tall",
        "programdager med fravær",
        "programme days absent",
        "kvp_fravaer",
    ),
    _f(
        "kvp_fravaer.dagsats",
        "belop",
        "dagsats da fraværet begynte",
        "daily rate when the absence began",
        "kvp_fravaer",
    ),
    _f(
        "kvp_fravaer.trekk",
        "belop",
        "trekk for fraværet",
        "deduction for the absence",
        "kvp_fravaer",
    ),
]

#: Every fact this module adds: cases without KVP get each of them as unknown, so a rule in any
#: area that reads one answers ``uavklart`` instead of failing.
_KVP_NAVN = tuple(info.navn for info in FAKTA if info.omfang is None)
#: A case without KVP facts: every ``kvp.*`` fact unknown, naming ``kvp`` (made once; handed
#: out as a copy).
_UTEN_KVP: dict[str, Any] = {**dict.fromkeys(_KVP_NAVN, Ukjent(("kvp",))), "kvp.foreligger": False}


# --- calendar arithmetic ------------------------------------------------------------------------


def legg_til_ar(dato: date, ar: int) -> date:
    """``dato`` moved ``ar`` years on; 29 February becomes 1 March, as ``derived.alder`` counts."""
    try:
        return dato.replace(year=dato.year + ar)
    except ValueError:
        return date(dato.year + ar, 3, 1)


def lengde(fra: date, til: date) -> tuple[int, int]:
    """The period ``fra``–``til``, both days included, as (whole years, days beyond them).

    A programme from 2024-01-15 to 2026-01-14 is (2, 0): exactly two years. The rules compare
    these with the law's limits, so the limits stay in the rule files.
    """
    dagen_etter = til + timedelta(days=1)
    ar = alder(fra, dagen_etter)
    return ar, (dagen_etter - legg_til_ar(fra, ar)).days


# --- derived facts ------------------------------------------------------------------------------


def _kjent(verdi: Any, felt: str) -> Any:
    return Ukjent((felt,)) if verdi is None else verdi


@lru_cache(maxsize=1024)
def _ukjent(felt: str) -> Ukjent:
    """One unknown per field path, shared: ``utled`` names the same fields in every case."""
    return Ukjent((felt,))


def _kjent_felt(verdi: Any, felt: str) -> Any:
    """``_kjent`` with the unknown shared (``_ukjent``)."""
    return _ukjent(felt) if verdi is None else verdi


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    """The ``kvp.*`` facts on ``dato``; every one unknown (naming ``kvp``) without KVP facts."""
    kvp = sak.kvp
    if kvp is None:
        return _UTEN_KVP.copy()
    person = sak.person(kvp.person)
    sti = f"personer[{sak.indeks(person.id)}]"
    opphold = person.opphold
    ytelser = kvp.ytelser_folketrygd
    begrunnelse = (kvp.forlengelse_begrunnelse or "").strip()
    fakta: dict[str, Any] = {
        "kvp.foreligger": True,
        "kvp.person": person.id,
        "kvp.fodselsdato": _kjent_felt(person.fodselsdato, f"{sti}.fodselsdato"),
        "kvp.alder": person_alder(sak, person, dato),
        "kvp.vesentlig_nedsatt_arbeidsevne": _kjent_felt(
            kvp.vesentlig_nedsatt_arbeidsevne, "kvp.vesentlig_nedsatt_arbeidsevne"
        ),
        "kvp.ytelser": _kjent_felt(ytelser, "kvp.ytelser_folketrygd"),
        "kvp.har_ytelser": _kjent_felt(
            None if ytelser is None else bool(ytelser), "kvp.ytelser_folketrygd"
        ),
        "kvp.ytelser_navn": _kjent_felt(
            None if ytelser is None else ", ".join(YTELSESNAVN[y] for y in ytelser) or "ingen",
            "kvp.ytelser_folketrygd",
        ),
        "kvp.arbeidsevnevurdering_gjort": _kjent_felt(
            kvp.arbeidsevnevurdering_gjort, "kvp.arbeidsevnevurdering_gjort"
        ),
        # Not made is not a refusal: NAV must make it (forvaltningsloven § 17), so the
        # criterion is undetermined, naming the field that changes when it is made.
        "kvp.arbeidsevnevurdering_foreligger": kvp.arbeidsevnevurdering_gjort
        or _ukjent("kvp.arbeidsevnevurdering_gjort"),
        "kvp.behov_for_tett_oppfolging": _kjent_felt(
            kvp.behov_for_tett_oppfolging, "kvp.behov_for_tett_oppfolging"
        ),
        "kvp.hensiktsmessig_og_nodvendig": _kjent_felt(
            kvp.hensiktsmessig_og_nodvendig, "kvp.hensiktsmessig_og_nodvendig"
        ),
        "kvp.program_kan_tilbys": _kjent_felt(kvp.program_kan_tilbys, "kvp.program_kan_tilbys"),
        "kvp.norsk_statsborger": _kjent_felt(
            opphold.norsk_statsborger if opphold else None, f"{sti}.opphold.norsk_statsborger"
        ),
        "kvp.lovlig_opphold": _kjent_felt(
            opphold.lovlig_opphold if opphold else None, f"{sti}.opphold.lovlig_opphold"
        ),
        "kvp.fast_bopel_i_norge": _kjent_felt(
            opphold.fast_bopel_i_norge if opphold else None, f"{sti}.opphold.fast_bopel_i_norge"
        ),
        "kvp.timer_per_uke": _kjent_felt(kvp.timer_per_uke, "kvp.timer_per_uke"),
        "kvp.antall_barn": _kjent_felt(
            None if kvp.forsorger_barn is None else len(kvp.forsorger_barn), "kvp.forsorger_barn"
        ),
        "kvp.vedtak_varslet_trekk_ved_fravaer": _kjent_felt(
            kvp.vedtak_varslet_trekk_ved_fravaer, "kvp.vedtak_varslet_trekk_ved_fravaer"
        ),
        "kvp.har_ugyldig_fravaer": _har_ugyldig_fravaer(kvp),
        "kvp.regnet_med_i_livsopphold": Ukjent(("inntekter",))
        if sak.inntekter is None
        else any(i.person == person.id and i.type == "kvalifiseringsstonad" for i in sak.inntekter),
        "kvp.forlengelse_begrunnet": bool(begrunnelse),
        "kvp.forlengelse_begrunnelse": begrunnelse or _ukjent("kvp.forlengelse_begrunnelse"),
    }
    fakta.update(_programperiode(kvp))
    fakta.update(_ytelsesbelop(sak, person.id, ytelser))
    return fakta


#: The listed benefits (``kvp.ytelser_folketrygd``) whose amount an income type carries.
YTELSE_SOM_INNTEKT: Mapping[str, str] = MappingProxyType(
    {
        "aap": "aap",
        "uforetrygd": "uforetrygd",
        "dagpenger": "dagpenger",
        "sykepenger": "sykepenger",
        "foreldrepenger": "foreldrepenger",
        "alderspensjon": "pensjon",
    }
)


def _ytelsesbelop(sak: Sak, person: str, ytelser: tuple[str, ...] | None) -> dict[str, Any]:
    """The amount of the listed benefits, from the participant's income lines (issue 14.6).

    Whether benefits are «svært begrensede» is weighed on their size, so the decision shows
    it. Known only when every listed benefit has an income line of its type for the
    participant; otherwise unknown naming ``inntekter`` (the amount is not in the case).
    """
    if not ytelser:
        ukjent = _ukjent("kvp.ytelser_folketrygd") if ytelser is None else Decimal(0)
        return {"kvp.ytelser_per_maned": ukjent, "kvp.ytelser_per_ar": ukjent}
    linjer = [i for i in sak.inntekter or () if i.person == person]
    typer = {YTELSE_SOM_INNTEKT.get(y) for y in ytelser}
    if None in typer or not typer <= {i.type for i in linjer}:
        ukjent = _ukjent("inntekter")
        return {"kvp.ytelser_per_maned": ukjent, "kvp.ytelser_per_ar": ukjent}
    per_maned = sum((i.belop_per_maned for i in linjer if i.type in typer), Decimal(0))
    return {"kvp.ytelser_per_maned": per_maned, "kvp.ytelser_per_ar": per_maned * 12}


def _har_ugyldig_fravaer(kvp: Kvp) -> bool | Ukjent:
    """True if any absence is unlawful; unknown while an undecided one could be."""
    if kvp.fravaer is None:
        return _ukjent("kvp.fravaer")
    if any(f.gyldig is False for f in kvp.fravaer):
        return True
    ukjente = tuple(
        f"kvp.fravaer[{i}].gyldig" for i, f in enumerate(kvp.fravaer) if f.gyldig is None
    )
    return Ukjent(ukjente) if ukjente else False


def _programperiode(kvp: Kvp) -> dict[str, Any]:
    """Start, end and length of the programme and of its extension.

    No ``forlenget_til`` means no extension has been decided: its length is then 0, so the
    rules about extensions hold trivially.
    """
    start, slutt, forlenget = kvp.program_start, kvp.program_slutt, kvp.forlenget_til
    mangler = tuple(
        felt
        for felt, verdi in (("kvp.program_start", start), ("kvp.program_slutt", slutt))
        if verdi is None
    )
    ut: dict[str, Any] = {
        "kvp.program_start": _kjent_felt(start, "kvp.program_start"),
        "kvp.program_slutt": _kjent_felt(slutt, "kvp.program_slutt"),
        "kvp.har_forlengelse": forlenget is not None,
        "kvp.forlenget_til": _kjent_felt(forlenget, "kvp.forlenget_til"),
    }
    if start is not None and slutt is not None:
        ut["kvp.programlengde_ar"], ut["kvp.programlengde_restdager"] = lengde(start, slutt)
    else:
        ut["kvp.programlengde_ar"] = ut["kvp.programlengde_restdager"] = Ukjent(mangler)
    if forlenget is None:
        ut["kvp.forlengelse_ar"] = ut["kvp.forlengelse_restdager"] = 0
    elif slutt is None:
        ut["kvp.forlengelse_ar"] = ut["kvp.forlengelse_restdager"] = _ukjent("kvp.program_slutt")
    else:
        forlengelse = lengde(slutt + timedelta(days=1), forlenget)
        ut["kvp.forlengelse_ar"], ut["kvp.forlengelse_restdager"] = forlengelse
    return ut


# --- the calculation ----------------------------------------------------------------------------


def _arssatser(
    ktx: Kontekst, steg: Regel, verdier: dict[str, Any], g: SatsOppslag, sats: SatsOppslag
) -> tuple[Decimal, Decimal]:
    """(full rate, under-25 rate) per year, as the steps of stl-35-utmaling compute them from
    the rows of G and of the factor on one day (whole kroner, both from the exact product).

    Python only reads the rows: the rule language has no fractions, so the share «2/3» is given
    as its numerator and denominator (exact, never 0.667)."""
    andel = Fraction(sats.verdi("andel_under_25"))
    verdier.update(
        {
            "kvp.grunnbelop": g.belop("grunnbelop"),
            "kvp.faktor_g": sats.belop("faktor"),
            "kvp.andel_under_25_teller": andel.numerator,
            "kvp.andel_under_25_nevner": andel.denominator,
        }
    )
    stegvis.regn(ktx, steg, verdier)
    return verdier["kvp.stonad_full_per_ar"], verdier["kvp.stonad_under_25_per_ar"]


class _Beregner:
    """One calculation: the tables looked up once, the facts and lines as they are found."""

    def __init__(self, sak: Sak, ktx: Kontekst, kvp: Kvp, steg: Regel) -> None:
        self.sak, self.ktx, self.kvp = sak, ktx, kvp
        self.steg = steg  # the calculation rule: its ``[[regel.verdi]]`` do the arithmetic
        self.verdier: dict[str, Any] = {}  # the steps' inputs and values (``stegvis.regn``)
        self.fakta: dict[str, Any] = {}
        self.linjer: list[Linje] = []
        self.barn: list[Node | LatNode] = []  # lazy from the compiled engine
        self.mangler: list[str] = []
        self.satser: dict[str, SatsOppslag] = {}
        self.flagget: set[str] = set()
        self.under_25: bool | None = None  # the rule's answer; None while undetermined
        self.faktor: Decimal | None = None  # G factor of the rate row used
        self.tillegg: SatsOppslag | None = None  # the child-supplement row used

    # -- tables --
    def oppslag(self, tabell: str, dato: date | None = None) -> SatsOppslag:
        """A row of a rate table on the date (or ``dato``); an outdated or unverified row is
        flagged once per table and row."""
        funnet = self.ktx.regelbok.satser[tabell].oppslag(dato or self.ktx.dato)
        nokkel = f"{tabell}@{funnet.rad.gyldig_fra.isoformat()}"
        self.satser[nokkel] = funnet
        if (funnet.utdatert or funnet.usikker) and nokkel not in self.flagget:
            self.flagget.add(nokkel)
            tekst = {s: (funnet.advarsel(s) or "") for s in SPRAK}
            if tabell in TILLEGGSTEKST:
                tekst = {s: f"{tekst[s]} {TILLEGGSTEKST[tabell][s]}" for s in tekst}
            self.ktx.merknader.append(
                Merknad(
                    "SATSER_KAN_VAERE_UTDATERT",
                    None,
                    tekst=tekst,
                    hjemmeltekst=dict(funnet.tabell.hjemmel),
                )
            )
        return funnet

    def regel(self, regel_id: str, fakta: Mapping[str, Any], node_id: str | None = None) -> Vurdert:
        """Evaluate a rule with the facts found so far (and an item's own facts) laid on top.

        The outcome now, the node when read: from the compiled engine the node is rebuilt from
        the trace only when the tree is read (``Kontekst.regelnode``), as the other areas do.
        """
        elementktx = self.ktx.for_element(ChainMap(dict(fakta), self.fakta))
        node = (
            elementktx.regelnode(regel_id, id=node_id)
            if node_id
            else elementktx.regelnode(regel_id)
        )
        utfall, mangler, avgjort_av = elementktx.resultat(regel_id)[:3]
        self.barn.append(node)
        return Vurdert(node_id or regel_id, utfall, mangler, avgjort_av, node)

    def bygg_siste(self) -> Node:
        """The node of the rule evaluated last, built now (and kept built, so the tree holds
        this very node), for a caller that searches it."""
        node = self.barn[-1] = bygget(self.barn[-1])
        return node

    def flagg(self, kode: str, node: Node) -> None:
        """A flag raised by the calculation, once per case; its text is the rule's text for the
        node's outcome (the first line that raised it)."""
        if kode not in self.flagget:
            self.flagget.add(kode)
            self.ktx.merknader.append(Merknad(kode, node.regel, node=node, person=self.kvp.person))

    # -- steps --
    def stonad(self) -> Decimal | Ukjent:
        g = self.oppslag("grunnbelop")
        sats = self.oppslag("kvalifiseringsstonad")
        parametre = self.oppslag("kvp-parametre")
        grunnbelop = g.belop("grunnbelop")
        faktor = self.faktor = sats.belop("faktor")
        alder_full = int(parametre.verdi("alder_full_sats"))
        full, under_25 = _arssatser(self.ktx, self.steg, self.verdier, g, sats)
        fodt = self.ktx.fakta["kvp.fodselsdato"]
        gyldig_fra = max(g.rad.gyldig_fra, sats.rad.gyldig_fra)
        self.fakta.update(
            {
                "kvp.grunnbelop": grunnbelop,
                "kvp.grunnbelop_fra": g.rad.gyldig_fra,
                "kvp.faktor_nb": str(faktor).replace(".", ","),
                "kvp.faktor_en": str(faktor),
                "kvp.alder_full_sats": alder_full,
                "kvp.dato_full_sats": fodt
                if isinstance(fodt, Ukjent)
                else legg_til_ar(fodt, alder_full),
                "kvp.stonad_full_per_ar": full,
                "kvp.stonad_under_25_per_ar": under_25,
            }
        )
        kilde = f"{sats.rad.kilde}; G: {g.rad.kilde}"
        # The line's text is the calculation rule's (its node has the same id as the rule).
        self.linjer.append(
            Linje(
                "kvp_sats",
                full,
                kilde,
                gyldig_fra,
                person=self.kvp.person,
                grunnlag=grunnbelop,
                regel=UTMALINGSREGEL,
                node_id=UTMALINGSREGEL,
            )
        )
        node = self.regel(UNDER_25_REGEL, {})
        if node.utfall is outcome.OPPFYLT:
            self.under_25 = True
            self.linjer.append(
                Linje(
                    "kvp_reduksjon_under_25",
                    under_25 - full,
                    person=self.kvp.person,
                    alder=self.ktx.fakta["kvp.alder"],
                    grunnlag=full,
                    regel=UNDER_25_REGEL,
                    node_id=node.id,
                )
            )
        elif node.utfall is outcome.IKKE_OPPFYLT:
            self.under_25 = False
        else:
            self.mangler.extend(node.mangler)
        # The rate the rule chose: the step kvp.stonad_per_ar reads the rule's outcome.
        self.verdier.update(stegvis.utfallsverdier(self.steg, {UNDER_25_REGEL: node}))
        stonad: Decimal | Ukjent = stegvis.regn(self.ktx, self.steg, self.verdier)[
            "kvp.stonad_per_ar"
        ]
        return stonad

    def dagsats(self) -> Decimal | Ukjent:
        dager = int(self.oppslag("kvp-dagsats").verdi("dager_per_ar"))
        self.fakta["kvp.dager_per_ar"] = dager
        self.verdier["kvp.dager_per_ar"] = dager
        dagsats: Decimal | Ukjent = stegvis.regn(self.ktx, self.steg, self.verdier)["kvp.dagsats"]
        return dagsats

    def dagsats_pa(self, dato: date) -> Decimal | Ukjent:
        """The daily rate in force on ``dato`` (an absence's first day): the G, factor and age
        of that day, not of the assessment date. The under-25 rule decides as on the date."""
        if dato == self.ktx.dato:
            return self.fakta["kvp.dagsats"]
        g = self.oppslag("grunnbelop", dato)
        sats = self.oppslag("kvalifiseringsstonad", dato)
        grense = int(self.oppslag("kvp-parametre", dato).verdi("alder_full_sats"))
        dager = int(self.oppslag("kvp-dagsats", dato).verdi("dager_per_ar"))
        verdier: dict[str, Any] = {}
        _arssatser(self.ktx, self.steg, verdier, g, sats)
        alder_da = person_alder(self.sak, self.sak.person(self.kvp.person), dato)
        fakta = ChainMap({"kvp.alder": alder_da, "kvp.alder_full_sats": grense}, self.fakta)
        node = self.ktx.for_element(fakta).evaluer_regel(UNDER_25_REGEL)
        verdier.update(stegvis.utfallsverdier(self.steg, {UNDER_25_REGEL: node}))
        verdier["kvp.dager_per_ar"] = dager
        dagsats: Decimal | Ukjent = stegvis.regn(self.ktx, self.steg, verdier)["kvp.dagsats"]
        return dagsats

    def barnetillegg(self) -> None:
        forsorger = self.kvp.forsorger_barn
        if forsorger is None:
            ukjent = Ukjent(("kvp.forsorger_barn",))
            self.mangler.append("kvp.forsorger_barn")
            self.verdier.update(
                {"kvp.barnetillegg_per_barn_per_dag": ukjent, "kvp.antall_barn": ukjent}
            )
            self.fakta.update(
                dict.fromkeys(
                    (
                        "kvp.barnetillegg_per_barn_per_dag",
                        "kvp.barnetillegg_fra",
                        "kvp.barnetillegg_per_dag",
                        "kvp.barnetillegg_per_ar",
                    ),
                    ukjent,
                )
            )
        elif forsorger:
            tillegg = self.tillegg = self.oppslag("kvp-barnetillegg")
            per_barn = tillegg.belop("per_barn_per_dag")
            self.verdier.update(
                {"kvp.barnetillegg_per_barn_per_dag": per_barn, "kvp.antall_barn": len(forsorger)}
            )
            steg = stegvis.regn(self.ktx, self.steg, self.verdier)
            self.fakta.update(
                {
                    "kvp.barnetillegg_per_barn_per_dag": per_barn,
                    "kvp.barnetillegg_fra": tillegg.rad.gyldig_fra,
                    "kvp.barnetillegg_per_dag": steg["kvp.barnetillegg_per_dag"],
                    "kvp.barnetillegg_per_ar": steg["kvp.barnetillegg_per_ar"],
                }
            )
        else:
            # No child, no supplement: the steps are not run (no rate is looked up, so none is
            # flagged), and the supplement is 0 (kvp-barnetillegg is not met).
            self.verdier.update({"kvp.barnetillegg_per_dag": NULL, "kvp.barnetillegg_per_ar": NULL})
            self.fakta.update(
                {
                    "kvp.barnetillegg_per_barn_per_dag": IKKE_BEREGNET,
                    "kvp.barnetillegg_fra": IKKE_BEREGNET,
                    "kvp.barnetillegg_per_dag": NULL,
                    "kvp.barnetillegg_per_ar": NULL,
                }
            )
        node = self.regel(BARNETILLEGG_REGEL, {})
        if node.utfall is not outcome.OPPFYLT or not forsorger:
            return
        assert self.tillegg is not None
        tillegg = self.tillegg
        per_barn = self.fakta["kvp.barnetillegg_per_barn_per_dag"]
        for barn_id in forsorger:
            self.linjer.append(
                Linje(
                    "kvp_barnetillegg",
                    per_barn * self.fakta["kvp.dager_per_ar"],
                    tillegg.rad.kilde,
                    tillegg.rad.gyldig_fra,
                    person=barn_id,
                    alder=_alder_eller_none(self.sak, barn_id, self.ktx.dato),
                    grunnlag=per_barn,
                    regel=BARNETILLEGG_REGEL,
                    node_id=node.id,
                )
            )

    def inntekter(self) -> tuple[Decimal | Ukjent, bool]:
        """The yearly § 38 reduction from the participant's income lines, and whether a line
        (work income) reduces the stønad by an amount left to the caseworker."""
        if self.sak.inntekter is None:
            self.mangler.append("inntekter")
            return Ukjent(("inntekter",)), False
        reduksjon: Decimal | Ukjent = NULL
        skjonn = False
        for indeks, inntekt in enumerate(self.sak.inntekter):
            if inntekt.person != self.kvp.person:
                continue
            node = self.regel(
                INNTEKTSREGEL,
                inntektsfakta(self.sak, indeks, self.ktx.dato),
                f"{INNTEKTSREGEL}[inntekter[{indeks}]]",
            )
            per_ar = inntekt.belop_per_maned * MANEDER_PER_AR
            medregnet: bool | None = None
            belop = NULL
            if node.utfall is outcome.OPPFYLT:
                medregnet, belop = True, -per_ar
                if not isinstance(reduksjon, Ukjent):
                    reduksjon += per_ar
            elif node.utfall is outcome.IKKE_OPPFYLT:
                medregnet = False
            elif node.utfall is outcome.SKJONN:
                skjonn = True
            else:
                reduksjon = Ukjent(node.mangler or (f"inntekter[{indeks}]",))
            unntak = self.bygg_siste().finn(ARBEIDSINNTEKTSREGEL)
            if unntak is not None and unntak.utfall is not outcome.IKKE_OPPFYLT:
                self.flagg("KVP_ARBEIDSINNTEKT_REDUKSJON_VURDERES", unntak)
            self.linjer.append(
                Linje(
                    f"inntekt_{inntekt.type}",
                    belop,
                    person=inntekt.person,
                    grunnlag=per_ar,
                    medregnet=medregnet,
                    regel=node.avgjort_av or INNTEKTSREGEL,
                    node_id=node.id,
                )
            )
        return reduksjon, skjonn

    def fravaer(self) -> Decimal | Ukjent | None:
        """Deductions for unlawful absence, where the case counts the days.

        None when the case lists no absence; 0 when every absence is lawful.
        """
        if not self.kvp.fravaer:
            return None
        sum_ = NULL
        mangler: list[str] = []
        uavklart = False
        for indeks, fravaer in enumerate(self.kvp.fravaer):
            sti = f"kvp.fravaer[{indeks}]"
            dagsats = self.dagsats_pa(fravaer.fra)
            if fravaer.dager is None:
                trekk: Decimal | Ukjent = Ukjent((f"{sti}.dager",))
            elif isinstance(dagsats, Ukjent):
                trekk = dagsats
            else:
                # Whole øre times whole days: exact, no rounding (``api`` fixes the decimal
                # context). UNVERIFIED method (flagged).
                trekk = dagsats * fravaer.dager
            elementfakta = {
                "kvp_fravaer.fra": fravaer.fra,
                "kvp_fravaer.til": _kjent(fravaer.til, f"{sti}.til"),
                "kvp_fravaer.gyldig": _kjent(fravaer.gyldig, f"{sti}.gyldig"),
                "kvp_fravaer.dager": _kjent(fravaer.dager, f"{sti}.dager"),
                "kvp_fravaer.dagsats": dagsats,
                "kvp_fravaer.trekk": trekk,
            }
            node = self.regel(FRAVAERSREGEL, elementfakta, f"{FRAVAERSREGEL}[{sti}]")
            # A line per absence, so its rule's text shows in the calculation; a deduction is
            # a one-off amount off the year's payments.
            linje = Linje(
                "kvp_fravaer",
                NULL,
                person=self.kvp.person,
                regel=FRAVAERSREGEL,
                node_id=node.id,
            )
            if node.utfall is outcome.IKKE_OPPFYLT:
                self.linjer.append(linje)
                continue
            if node.utfall is not outcome.OPPFYLT or isinstance(trekk, Ukjent):
                self.linjer.append(linje)
                uavklart = True
                mangler.extend(node.mangler)
                if isinstance(trekk, Ukjent):
                    mangler.extend(trekk.mangler)
                continue
            self.linjer.append(evolve(linje, belop=-trekk, grunnlag=trekk))
            self.flagg("KVP_TREKK_METODE_IKKE_VERIFISERT", self.bygg_siste())
            sum_ += trekk
        return Ukjent(tuple(dict.fromkeys(mangler))) if uavklart else sum_


def _alder_eller_none(sak: Sak, person_id: str, dato: date) -> int | None:
    verdi = person_alder(sak, sak.person(person_id), dato)
    return None if isinstance(verdi, Ukjent) else verdi


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """The kvalifiseringsstønad on the date, with the facts the KVP rules then read."""
    kvp = sak.kvp
    regel = ktx.regelbok.beregningsregel("kvalifisering", ktx.dato)
    if kvp is None:
        fakta = dict(_BEREGNET_UTEN_KVP)
        node = Node(
            regel.id if regel else "kvalifisering",
            outcome.UAVKLART,
            regel=regel.info if regel else None,
            mangler=("kvp",),
            rolle="beregning",
        )
        return Beregning((), node, fakta, ("kvp",), {}, enhet="kr_per_ar")

    if regel is None:  # the contract refuses dates before the Act; a rules folder must not
        raise RegelFeil("ingen beregningsregel for kvalifiseringsstønad er i kraft", regel=None)
    b = _Beregner(sak, ktx, kvp, regel)
    stonad = b.stonad()
    dagsats = b.dagsats()
    b.fakta["kvp.stonad_per_ar"] = stonad
    b.fakta["kvp.dagsats"] = dagsats
    b.barnetillegg()
    reduksjon, arbeidsinntekt = b.inntekter()
    b.verdier["kvp.reduksjon_per_ar"] = reduksjon
    steg = stegvis.regn(ktx, regel, b.verdier)
    trekk = b.fravaer()
    b.fakta.update(
        {
            "kvp.reduksjon_per_ar": reduksjon,
            # Not shown while work income's reduction is left to the caseworker; the monthly
            # amount for the § 18 comparison then leaves that reduction out.
            "kvp.stonad_etter_reduksjon_per_ar": IKKE_BEREGNET
            if arbeidsinntekt
            else steg["kvp.stonad_etter_reduksjon_per_ar"],
            "kvp.belop_per_maned": steg["kvp.belop_per_maned"],
            "kvp.trekk_fravaer": IKKE_BEREGNET if trekk is None else trekk,
        }
    )
    mangler = tuple(dict.fromkeys(b.mangler))
    brukt = {
        navn: ktx.fakta[navn]
        for navn in (
            "vurderingsdato",
            "kvp.person",
            "kvp.fodselsdato",
            "kvp.alder",
            "kvp.antall_barn",
        )
    }
    # Undetermined without the rate; discretion while work income's reduction is open (so its
    # question is put to the caseworker); else computed.
    utfall = (
        outcome.UAVKLART
        if isinstance(stonad, Ukjent)
        else outcome.SKJONN
        if arbeidsinntekt
        else outcome.OPPFYLT
    )
    viste = {**brukt, **b.fakta}  # as they are now: the node is built when read
    barn = tuple(b.barn)

    def bygg() -> Node:
        return Node(
            regel.id,
            utfall,
            regel=regel.info,
            fakta=viste,
            barn=tuple(map(bygget, barn)),
            mangler=mangler if isinstance(stonad, Ukjent) else (),
            rolle="beregning",
        )

    return Beregning(
        linjer=tuple(b.linjer),
        node=ktx.lat(bygg),
        fakta=b.fakta,
        mangler=mangler,
        utdata=_utdata(b.fakta, kvp, b.faktor, b.under_25, trekk),
        satser=tuple(o.til_dict() for o in b.satser.values()),
        enhet="kr_per_ar",
    )


def _utdata(
    fakta: Mapping[str, Any],
    kvp: Kvp,
    faktor: Decimal | None,
    under_25: bool | None,
    trekk: Decimal | Ukjent | None,
) -> dict[str, Any]:
    """The area's outputs in the contract's JSON; an unknown amount is null.

    ``barnetillegg_per_dag`` is the supplement for all the children together (null while it is
    unknown whether the participant supports children); ``full_sats_fra`` is given while the
    participant is under the age for the full rate.
    """

    def verdi(navn: str) -> Any:
        v = fakta[navn]
        return None if isinstance(v, Ukjent) else v

    ut: dict[str, Any] = {
        "stonad_per_ar": verdi("kvp.stonad_per_ar"),
        "dagsats": verdi("kvp.dagsats"),
        "grunnbelop": verdi("kvp.grunnbelop"),
        "faktor_g": faktor,
    }
    if under_25:
        ut["full_sats_fra"] = verdi("kvp.dato_full_sats")
    if kvp.forsorger_barn is None or kvp.forsorger_barn:
        ut["barnetillegg_per_dag"] = verdi("kvp.barnetillegg_per_dag")
        ut["barnetillegg_per_barn_per_dag"] = verdi("kvp.barnetillegg_per_barn_per_dag")
        ut["barnetillegg_per_ar"] = verdi("kvp.barnetillegg_per_ar")
    ut["reduksjon_per_ar"] = verdi("kvp.reduksjon_per_ar")
    ut["stonad_etter_reduksjon_per_ar"] = verdi("kvp.stonad_etter_reduksjon_per_ar")
    if trekk is not None:
        ut["trekk_fravaer"] = None if isinstance(trekk, Ukjent) else trekk
    return ut


#: The facts ``beregn`` adds (as unknown when the case has no KVP facts).
_BEREGNEDE = frozenset(
    {
        "kvp.grunnbelop",
        "kvp.grunnbelop_fra",
        "kvp.faktor_nb",
        "kvp.faktor_en",
        "kvp.alder_full_sats",
        "kvp.dato_full_sats",
        "kvp.stonad_full_per_ar",
        "kvp.stonad_under_25_per_ar",
        "kvp.stonad_per_ar",
        "kvp.dager_per_ar",
        "kvp.dagsats",
        "kvp.barnetillegg_per_barn_per_dag",
        "kvp.barnetillegg_fra",
        "kvp.barnetillegg_per_dag",
        "kvp.barnetillegg_per_ar",
        "kvp.reduksjon_per_ar",
        "kvp.stonad_etter_reduksjon_per_ar",
        "kvp.belop_per_maned",
        "kvp.trekk_fravaer",
    }
)

#: The computed facts of a case without ``kvp``: all unknown for want of it (one value object
#: shared, as one was per case before). Made once, from the declarations alone (``FAKTA``,
#: ``_BEREGNEDE``), so the same for every case; ``beregn`` hands out a copy.
_UKJENT_KVP = Ukjent(("kvp",))
_BEREGNET_UTEN_KVP = {info.navn: _UKJENT_KVP for info in FAKTA if info.navn in _BEREGNEDE}
