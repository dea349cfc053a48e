"""The facts of a case, as given: frozen value classes that nothing downstream mutates.

These classes mirror the JSON contract (``case-format.md``) field by field, in its ASCII
Norwegian names, so a reader can go from a JSON path to the attribute without a map.

Why ``None`` everywhere: in law an absent fact is *unknown*, never zero or false. A field the
case system did not send stays ``None``, and a rule that needs it answers ``uavklart`` and names
it. An empty list is different: it means "none" (no income, no assets).
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from typing import Literal

from attrs import frozen

from .tilsynsfakta import (
    BarnsBehov,
    Gjeldssignaler,
    KvpOppfolging,
    LangtidOppfolging,
    Oppfolgingssamtale,
    Samarbeid,
    VarigBolig,
    Vurdering18,
)

Rolle = Literal["soker", "ektefelle", "samboer", "barn", "annen_voksen"]
ROLLER: tuple[str, ...] = ("soker", "ektefelle", "samboer", "barn", "annen_voksen")

Inntektstype = Literal[
    "arbeidsinntekt",
    "barnetrygd",
    "kontantstotte",
    "bostotte",
    "barnebidrag",
    "aap",
    "dagpenger",
    "sykepenger",
    "foreldrepenger",
    "uforetrygd",
    "pensjon",
    "barns_arbeidsinntekt",
    "kvalifiseringsstonad",
    "introduksjonsstonad",
    "studielan_stipend",
    "annen",
]

Formuestype = Literal[
    "bankinnskudd", "kontanter", "aksjer_fond", "kjoretoy", "fast_eiendom", "annen"
]

Boutgiftstype = Literal[
    "husleie",
    "boliglan_renter",
    "boliglan_avdrag",
    "kommunale_avgifter",
    "strom",
    "oppvarming",
    "forsikring",
    "annen",
]

Botilbudstype = Literal[
    "hospits",
    "campingplass",
    "hotell",
    "pensjonat",
    "krisesenter",
    "kommunal_midlertidig_bolig",
    "annen",
]


@frozen
class Opphold:
    """Residence facts that decide who the law covers (§ 2 and FOR-2011-12-16-1251).

    Each is unknown until the case says; the scope rules answer ``uavklart`` naming them.
    ``asylsoker_med_statlig_innkvartering``: has applied for protection and is in, or can get,
    state accommodation (forskrift § 2). ``tilbud_om_plass_i_mottak``: has been offered a place
    in a reception centre (forskrift § 4: no emergency help then).
    ``kortvarig_utenlandsopphold_avtalt`` is for a person who is abroad: true = a short stay
    agreed with NAV in advance (still covered), false = abroad without such an agreement (not
    covered while abroad); absent = no stay abroad is recorded. A Norwegian citizen has lawful
    residence and is no asylum seeker: the contract rejects a case that says otherwise.
    """

    norsk_statsborger: bool | None = None
    lovlig_opphold: bool | None = None
    fast_bopel_i_norge: bool | None = None
    asylsoker_med_statlig_innkvartering: bool | None = None
    avtale_eos_eller_nordisk: bool | None = None
    offer_for_menneskehandel_refleksjonsperiode: bool | None = None
    rett_til_opphold_under_oppholdssak: bool | None = None
    tilbud_om_plass_i_mottak: bool | None = None
    kortvarig_utenlandsopphold_avtalt: bool | None = None


@frozen
class Person:
    """A member of the household. ``fodselsdato`` may be unknown."""

    id: str
    rolle: Rolle
    fodselsdato: date | None = None
    opphold: Opphold | None = None
    # A cohabitant only: whether the two share their economy (§ 18; cohabitants owe each other
    # no maintenance, so only a recorded joint economy counts the cohabitant's income).
    felles_okonomi: bool | None = None


@frozen
class Inntekt:
    """A monthly income of one person; the type decides whether § 18 counts it."""

    person: str
    type: Inntektstype
    belop_per_maned: Decimal
    fra_annen_stat: bool | None = None  # e.g. child benefit paid by another state


@frozen
class Formue:
    """An asset. § 18 expects assets to be used first; how is the caseworker's call."""

    type: Formuestype
    belop: Decimal
    person: str | None = None
    # The caseworker decided the asset need not be used first (e.g. a car needed for work).
    holdes_utenfor: bool | None = None


@frozen
class Boutgift:
    """A monthly housing cost (outside the guideline rates, assessed at actual cost)."""

    type: Boutgiftstype
    belop_per_maned: Decimal
    vurdert_rimelig: bool | None = None  # the caseworker's recorded assessment, if any
    # What the caseworker accepts instead, when the cost is judged not reasonable (§ 18).
    godkjent_belop_per_maned: Decimal | None = None


@frozen
class Botilbud:
    """A stay in temporary housing (§ 27). ``til`` None means the stay goes on.

    ``til`` is the last day of the stay: a stay that starts on or before the day after counts
    together with it as one continuous period. The quality facts are unknown until recorded.
    """

    personer: tuple[str, ...]
    fra: date
    type: Botilbudstype
    til: date | None = None
    tilgang_hele_dognet: bool | None = None
    mulighet_for_matlaging: bool | None = None
    toalett_og_bad: bool | None = None
    mulighet_for_rene_klaer: bool | None = None
    brukes_av_personer_med_rusproblemer: bool | None = None


@frozen
class KvpFravaer:
    """A period of absence from the qualification programme (§ 29 ff., the regulation)."""

    fra: date
    gyldig: bool | None = None  # lawful (e.g. illness with egenmelding) or not
    til: date | None = None
    dager: int | None = None  # programme days lost, when the case counts them


#: Benefits for subsistence under folketrygdloven or arbeidsmarkedsloven that bear on the KVP
#: condition «ingen eller svært begrensede ytelser» (§ 29). ``annen`` is any other such benefit.
KvpYtelse = Literal[
    "aap",
    "uforetrygd",
    "dagpenger",
    "sykepenger",
    "foreldrepenger",
    "svangerskapspenger",
    "pleiepenger",
    "alderspensjon",
    "overgangsstonad",
    "omstillingsstonad",
    "barnepensjon",
    "tiltakspenger",
    "annen",
]


@frozen
class Kvp:
    """Facts for the qualification programme (§§ 29-40); each unknown until the case says.

    ``timer_per_uke`` counts every hour the programme takes, paid work within it included.
    ``forlenget_til`` absent means no extension has been decided; ``forlengelse_begrunnelse``
    absent or blank means none is recorded.
    """

    person: str
    arbeidsevnevurdering_gjort: bool | None = None
    vesentlig_nedsatt_arbeidsevne: bool | None = None
    ytelser_folketrygd: tuple[KvpYtelse, ...] | None = None
    behov_for_tett_oppfolging: bool | None = None
    program_kan_tilbys: bool | None = None
    hensiktsmessig_og_nodvendig: bool | None = None
    program_start: date | None = None
    program_slutt: date | None = None
    forlenget_til: date | None = None
    forlengelse_begrunnelse: str | None = None
    timer_per_uke: Decimal | None = None
    forsorger_barn: tuple[str, ...] | None = None
    fravaer: tuple[KvpFravaer, ...] | None = None
    vedtak_varslet_trekk_ved_fravaer: bool | None = None


@frozen
class Aktivitetsplikt:
    """Facts for the activity condition for recipients under 30 (§ 20 a)."""

    vilkar_satt: bool | None = None
    tungtveiende_grunner: str | None = None


@frozen
class Kommune:
    """The municipality's own choices that the law leaves to it.

    ``holder_barnetrygd_utenfor``: before 2022-09-01 a municipality could choose not to count
    child benefit as income; from that date the law decides (§ 18 third ledd).
    ``medregner_barnetrygd_fra_annen_stat``: child benefit from another state is not protected
    by § 18 third ledd; the office may count it (Directorate statement 05.02.2024).
    ``langtidsdefinisjon``: which definition of a long-term recipient the office uses.
    """

    navn: str | None = None
    holder_barnetrygd_utenfor: bool | None = None
    medregner_barnetrygd_fra_annen_stat: bool | None = None
    langtidsdefinisjon: Literal["kostra", "nav"] | None = None


# --- § 18 / § 19 / §§ 21-22 (issue 3) ---------------------------------------------------------

Rettighetstype = Literal[
    "aap",
    "uforetrygd",
    "dagpenger",
    "sykepenger",
    "foreldrepenger",
    "alderspensjon",
    "overgangsstonad",
    "tiltakspenger",
    "bostotte",
    "barnebidrag",
    "barnetrygd",
    "kontantstotte",
    "lanekassen",
    "kvalifiseringsprogram",
    "annen",
]
Rettighetsstatus = Literal["ikke_sokt", "sokt", "innvilget", "avslatt"]


@frozen
class Rettighet:
    """An economic right the household may have (subsidiarity: it must be asserted first)."""

    person: str
    type: Rettighetstype
    status: Rettighetsstatus
    beskrivelse: str | None = None


Utgiftstype = Literal[
    "tannbehandling",
    "medisiner",
    "briller",
    "helse_annet",
    "fritidsaktivitet_barn",
    "reise",
    "barnehage_sfo",
    "etablering",
    "innbo_utstyr",
    "gjeld",
    "annen",
]


@frozen
class Utgift:
    """A necessary expense beyond the rates and housing, assessed individually."""

    type: Utgiftstype
    belop: Decimal
    hyppighet: Literal["per_maned", "engangs"]
    beskrivelse: str | None = None
    person: str | None = None


@frozen
class Nodsituasjon:
    """An emergency (nødhjelp): immediate needs are covered whatever the cause."""

    foreligger: bool | None = None
    nodvendig_belop: Decimal | None = None  # what immediate needs cost, as assessed
    beskrivelse: str | None = None


@frozen
class SaerligeTilfeller:
    """An application under § 19: a difficult life situation and expenses beyond subsistence."""

    livssituasjon: str | None = None
    utgifter: tuple[Utgift, ...] | None = None


@frozen
class Utbetaling:
    """Form (§ 21: grant or loan) and recipient (§ 22) of the support."""

    stonadsform: Literal["bidrag", "lan"] | None = None
    mottaker: Literal["soker", "tredjepart"] | None = None
    samtykke_til_tredjepart: bool | None = None
    vedtak_etter_21_fjerde_ledd: bool | None = None


# --- §§ 20, 20 a, 17, 28, long-term recipients (issue 4) ---------------------------------------

Vilkarstype = Literal[
    "aktivitet",
    "dokumentasjon",
    "bruk_av_formue",
    "sok_annen_ytelse",
    "okonomisk_radgivning",
    "flytting",
    "annen",
]


@frozen
class Vilkar:
    """A condition proposed or set on a grant (§ 20), with what the caseworker recorded."""

    id: str
    person: str
    type: Vilkarstype
    beskrivelse: str | None = None
    begrunnelse: str | None = None
    frist: date | None = None
    dokumentasjon: str | None = None
    satt_dato: date | None = None
    oppfolgingsdato: date | None = None
    varsel_om_reduksjon: bool | None = None
    naer_sammenheng_med_vedtaket: bool | None = None
    uforholdsmessig_byrdefullt: bool | None = None
    urimelig_begrensning_av_handlefrihet: bool | None = None
    i_strid_med_annen_lov: bool | None = None


@frozen
class Reduksjon:
    """A reduction of support for breach of a condition (§ 20 third ledd)."""

    vilkar: str
    dato: date
    belop_per_maned: Decimal
    arsak_til_brudd: str | None = None
    forhandsvarslet: bool | None = None


Radgivningstype = Literal[
    "generell_veiledning",
    "individuell_veiledning",
    "okonomisk_radgivning",
    "gjeldsradgivning",
    "motivasjon_og_endringsarbeid",
]


@frozen
class Radgivning:
    """Advice or guidance given (§ 17); beyond general guidance it needs a decision."""

    dato: date
    type: Radgivningstype
    vedtak_fattet: bool | None = None
    person: str | None = None


@frozen
class IndividuellPlan:
    """Facts for the right to an individual plan (§ 28)."""

    behov_for_langvarige_koordinerte_tjenester: bool | None = None
    tjenester: tuple[str, ...] | None = None
    tilbudt: bool | None = None
    onsker_plan: bool | None = None
    har_plan_fra_annen_instans: bool | None = None


# --- § 27 (issue 5) --------------------------------------------------------------------------


@frozen
class BotilbudSoknad:
    """An acute need for somewhere to stay (§ 27) and what the office did about it."""

    uten_overnatting_neste_dogn: bool | None = None
    avgjorelse: Literal["konkret_tilbud", "henvist_til_a_finne_selv", "avslag"] | None = None
    dato: date | None = None


# --- the caseworker's conclusions, for the decision letter (issue 16) --------------------------

#: Areas where a letter may need the caseworker's recorded conclusion (``skjonn``) or an amount.
KonklusjonsOmrade = Literal[
    "livsopphold",
    "nodhjelp",
    "saerlige_tilfeller",
    "vilkar",
    "reduksjon",
    "aktivitetsplikt",
    "midlertidig_botilbud",
    "kvalifiseringsprogram",
    "kvalifiseringsstonad",
]


@frozen
class Konklusjon:
    """What the caseworker concluded where the law leaves the question to discretion.

    A decision letter never decides a ``skjonn`` question itself: it states this conclusion and
    quotes ``begrunnelse`` as the main consideration (forvaltningsloven § 25 third ledd).
    ``utfall``: ``oppfylt`` (granted), ``delvis`` (granted in part: ``belop_per_maned`` below
    the guideline amount) or ``ikke_oppfylt`` (refused). ``belop_per_maned``: the amount granted
    when the caseworker sets one (§ 19, or a § 18 amount other than the guideline amount);
    ``belop_engangs``: a one-off amount granted instead (§ 19 support for a single expense).
    """

    omrade: KonklusjonsOmrade
    utfall: Literal["oppfylt", "delvis", "ikke_oppfylt"]
    begrunnelse: str
    belop_per_maned: Decimal | None = None
    belop_engangs: Decimal | None = None


@frozen
class Saksbehandler:
    """What the office records for the decision letter: period, conclusions, signature, contact.

    All optional: a letter that needs a missing one says so instead of guessing.
    ``periode_fra``/``periode_til``: the period the support is granted for.
    """

    navn: str | None = None
    kontor: str | None = None
    telefon: str | None = None
    vedtaksdato: date | None = None
    periode_fra: date | None = None
    periode_til: date | None = None
    konklusjoner: tuple[Konklusjon, ...] | None = None


@frozen
class Sak:
    """A whole case as received, before anything is derived from it."""

    personer: tuple[Person, ...]
    sak_id: str | None = None
    vurderingsdato: date | None = None
    bofellesskap: bool | None = None
    inntekter: tuple[Inntekt, ...] | None = None
    formue: tuple[Formue, ...] | None = None
    boutgifter: tuple[Boutgift, ...] | None = None
    botilbud: tuple[Botilbud, ...] | None = None
    kvp: Kvp | None = None
    aktivitetsplikt: Aktivitetsplikt | None = None
    individuell_vurdering: str | None = None
    kommune: Kommune | None = None
    # § 18 / § 19 / §§ 21-22
    barns_behov_vurdert: bool | None = None
    rettigheter: tuple[Rettighet, ...] | None = None
    andre_utgifter: tuple[Utgift, ...] | None = None
    nodsituasjon: Nodsituasjon | None = None
    saerlige_tilfeller: SaerligeTilfeller | None = None
    utbetaling: Utbetaling | None = None
    # §§ 20, 20 a, 17, 28, long-term recipients
    vilkar: tuple[Vilkar, ...] | None = None
    reduksjoner: tuple[Reduksjon, ...] | None = None
    radgivning: tuple[Radgivning, ...] | None = None
    individuell_plan: IndividuellPlan | None = None
    maneder_med_stonad: tuple[date, ...] | None = None  # first day of each month with support
    # § 27
    botilbud_soknad: BotilbudSoknad | None = None
    # the decision letter (issue 16)
    saksbehandler: Saksbehandler | None = None
    # Supervision audit points (issue 18; the classes and their checks: tilsynsfakta.py)
    oppfolgingssamtaler: tuple[Oppfolgingssamtale, ...] | None = None
    samarbeid: tuple[Samarbeid, ...] | None = None
    gjeldssignaler: Gjeldssignaler | None = None
    vurdering_18: Vurdering18 | None = None
    barns_behov: tuple[BarnsBehov, ...] | None = None
    varig_bolig: VarigBolig | None = None
    langtid_oppfolging: LangtidOppfolging | None = None
    kvp_oppfolging: KvpOppfolging | None = None

    # Plain loops rather than ``next(generator)``: these run many times per assessment, and a
    # loop needs no generator frame. Each raises ``StopIteration`` when nothing matches, as
    # ``next`` did.

    @property
    def soker(self) -> Person:
        """The applicant; the contract guarantees exactly one."""
        for p in self.personer:
            if p.rolle == "soker":
                return p
        raise StopIteration

    def person(self, person_id: str) -> Person:
        return self.personer[self.indeks(person_id)]

    def indeks(self, person_id: str) -> int:
        """Position of a person in ``personer``, for JSON paths in explanations."""
        indeks = self._personindeks.get(person_id)
        if indeks is None:
            raise StopIteration
        return indeks

    @functools.cached_property
    def _personindeks(self) -> dict[str, int]:
        """Each person's position by id, made once per case when first asked: a lookup per
        income line or per person must not walk the household (issue 15: 40 000 children
        took 55 s). The first person with an id wins, as the walk did."""
        indeks: dict[str, int] = {}
        for i, p in enumerate(self.personer):
            indeks.setdefault(p.id, i)
        return indeks
