"""§ 18 utmåling: the guideline amount, line by line.

The amount is the household's guideline rates on the assessment date (state or municipal,
with the row's date and source), plus housing costs, plus the other necessary monthly expenses
the case lists, minus income that counts, never below 0. The law of it is in the rule file
(``rules/stl-18-livsopphold.toml``): *whether* an item counts is decided item by item by rules
(``gjelder = "inntekt"``, ``"boutgift"``, ``"utgift"``, ``"rettighet"``); *what* it adds to
which total is the calculation rule's sums over items (``[[regel.sum]]``: actual cost or the
accepted amount, monthly or one-off, income that counts or not); the arithmetic on the totals
is its steps (``[[regel.verdi]]``). This module is what the rule language cannot say:

* the case's items as facts, and what an absent list means (``_boutgifter``, ``_inntekter``);
* the lines of the explanation, one per item, built from what the sums say each item added;
* the lines of the rates, one per person (``_satser``): the rates themselves are the rule's sum
  over the persons, looked up in the rate table in force (``sats``, ``barnesats``);
* assets and economic rights as lines of their own with no effect on the amount: using assets
  first and asserting rights are the caseworker's decisions, never folded in silently;
* the month of a one-off claim and the whole months the assets cover (calendar and whole-number
  arithmetic the language does not have).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from ...inndata.errors import RegelFeil
from ...inndata.facts import Sak
from ...inndata.ukjent import Ukjent
from ...lov import outcome
from ...lov.outcome import OPPFYLT
from ...lov.rates import LIVSOPPHOLD, Satskilde, SatsOppslag
from ...lov.rulebook.conditions import hvor
from ...lov.rulebook.expr import SATSKILDE
from ...lov.rulebook.mellomregning import Element, Summert, summer
from ...lov.rulebook.model import Elementsum, Regel
from ...lov.sprak import SPRAK
from ...lov.tree import LatNode, Node, bygget
from .. import stegvis
from ..engine import Kontekst, Merknad, Vurdert
from ..etiketter import TYPER
from ..faktainfo import FaktaInfo
from ..grunnfakta import alder, inntektsfakta, person_alder
from .base import BEREGNET, Beregning, Linje

#: Which calculation line the household's rate shows as, by household type (presentation: which
#: column each type takes is the rule's, rules/stl-18-livsopphold.toml, livsopphold.satssum).
SATSPOST = {
    "enslig": "sats_enslig",
    "par": "sats_ektepar",
    "samboer_enkeltvis": "sats_samboer_enkeltvis",
    "bofellesskap": "sats_bofellesskap",
}
RETTIGHETSREGEL = "stl-18-1-rettighet"
FORMUESREGEL = "stl-18-1-formue"
ENGANGSREGEL = "stl-18-1-engangsbehov"
#: The sums and steps stated in the calculation rule (``[[regel.sum]]``, ``[[regel.verdi]]``),
#: which the code below reads by name: the loader refuses a § 18 rule that leaves one out.
VERDIER = (
    "livsopphold.satssum",  # sums over items ([[regel.sum]]): the rates, one per person
    "livsopphold.boutgifter",
    "livsopphold.andre_utgifter",
    "livsopphold.engangsutgifter",
    "livsopphold.inntekt_medregnet",
    "livsopphold.inntekt_ikke_medregnet",
    "livsopphold.udekket_behov",  # steps ([[regel.verdi]])
    "livsopphold.belop_per_maned",
    "livsopphold.engangsstonad",
    "livsopphold.behov_dekket_av_inntekt",
    "livsopphold.formue_maneder",
)
#: The assets not held out: an input of the steps (the months they cover), unknown when the
#: case does not give its assets.
FORMUE_TILGJENGELIG = "livsopphold.formue_tilgjengelig"
#: The case facts the calculation reads, recorded on its node so the explanation shows them.
GRUNNLAGSFAKTA = (
    "vurderingsdato",
    "husstand.type",
    "bofellesskap",
    "husstand.antall_personer",
    "husstand.antall_barn",
    "husstand.antall_barn_under_18",
)
NULL = Decimal(0)
UTBETALT_ETTER_21 = "vedtak_etter_21_fjerde_ledd"
OPPGITT = "oppgitt i saken"


def _f(navn: str, type: str, nb: str, en: str, omfang: str | None = None) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en, omfang)


FAKTA = [
    # --- the case --------------------------------------------------------------------------
    _f(
        "barns_behov.vurdert",
        "sannhetsverdi",
        "barnas behov er vurdert konkret",
        "the children's needs have been assessed",
    ),
    _f(
        "kommune.holder_barnetrygd_fra_annen_stat_utenfor",
        "sannhetsverdi",
        "kommunen har valgt å holde barnetrygd fra en annen stat utenfor",
        "the municipality chose to leave child benefit from another state out",
    ),
    _f(
        "inntekter.har_barnetrygd_fra_annen_stat",
        "sannhetsverdi",
        "husstanden har barnetrygd fra en annen stat",
        "the household receives child benefit from another state",
    ),
    _f(
        "boutgifter.antall_ikke_vurdert",
        "tall",
        "boutgifter uten registrert vurdering av om de er rimelige",
        "housing costs with no recorded assessment of reasonableness",
    ),
    _f(
        "rettigheter.registrert",
        "sannhetsverdi",
        "husstandens økonomiske rettigheter er kartlagt i saken",
        "the household's economic rights are recorded in the case",
    ),
    _f(
        "rettigheter.antall_ikke_sokt",
        "tall",
        "antall rettigheter som ikke er søkt om",
        "rights not applied for",
    ),
    _f(
        "rettigheter.ikke_sokt",
        "liste",
        "rettigheter som ikke er søkt om",
        "rights not applied for (Norwegian names)",
    ),
    _f("utbetaling.stonadsform", "tekst", "stønadsform (bidrag eller lån)", "form (grant or loan)"),
    _f("utbetaling.mottaker", "tekst", "hvem stønaden utbetales til", "who is paid"),
    _f(
        "utbetaling.til_tredjepart",
        "sannhetsverdi",
        "saken ber om utbetaling til en tredjepart",
        "the case asks for payment to a third party",
    ),
    _f(
        "utbetaling.samtykke_til_tredjepart",
        "sannhetsverdi",
        "søkeren har samtykket til utbetaling til tredjepart",
        "the applicant consented to payment to a third party",
    ),
    _f(
        "utbetaling.vedtak_etter_21_fjerde_ledd",
        "sannhetsverdi",
        "det er fattet vedtak om varer og tjenester etter § 21 fjerde ledd",
        "a decision on goods and services under section 21 fourth paragraph has been made",
    ),
    _f(
        "utgifter.gjeld",
        "belop",
        "nedbetaling av gjeld som saken oppgir som utgift",
        "debt repayments the case lists as an expense",
    ),
    _f(
        "boutgifter.antall_redusert",
        "tall",
        "boutgifter som er vurdert som ikke rimelige og satt ned",
        "housing costs assessed as not reasonable and reduced",
    ),
    _f(
        "inntekter.har_studiestotte",
        "sannhetsverdi",
        "husstanden har lån eller stipend fra Lånekassen",
        "the household has loans or grants from Lånekassen",
    ),
    _f(
        "vurderingsdato.utenfor_laanekassens_undervisningsar",
        "sannhetsverdi",
        "vurderingsdatoen er i sommermånedene utenfor Lånekassens undervisningsår (16.06–15.08)",
        "the date is in the summer months outside Lånekassen's teaching year (16 June–15 August)",
    ),
    _f(
        "soker.kjent_under_18",
        "sannhetsverdi",
        "saken viser at søkeren er under 18 år",
        "the applicant is known to be under 18",
    ),
    # --- computed by the calculation (before any rule runs) -----------------------------------
    _f(
        "livsopphold.formue_tilgjengelig",
        "belop",
        "formue som ikke er holdt utenfor",
        "assets not held out",
    ),
    _f(
        "livsopphold.formue_maneder",
        "tall",
        "hele måneder av behovet som formuen dekker",
        "whole months of the need the assets cover",
    ),
    _f(
        "livsopphold.andre_utgifter",
        "belop",
        "andre nødvendige utgifter per måned",
        "other necessary expenses per month",
    ),
    _f(
        "livsopphold.engangsutgifter",
        "belop",
        "nødvendige engangsutgifter (utenom månedsbeløpet)",
        "necessary one-off expenses (outside the monthly amount)",
    ),
    _f(
        "livsopphold.engangsstonad",
        "belop",
        "nødvendige engangsutgifter i måneden som inntekten ikke dekker (engangsstønad)",
        "necessary one-off expenses in the month that income does not cover (one-off support)",
    ),
    _f(
        "livsopphold.engangsstonad_fra",
        "dato",
        "første dag i måneden engangsstønaden gjelder",
        "first day of the month the one-off support is for",
    ),
    _f(
        "livsopphold.engangsstonad_til",
        "dato",
        "siste dag i måneden engangsstønaden gjelder",
        "last day of the month the one-off support is for",
    ),
    _f(
        "livsopphold.behov_dekket_av_inntekt",
        "sannhetsverdi",
        "inntekten som regnes med dekker behovet etter § 18",
        "the income that counts covers the need under section 18",
    ),
    # --- one income line (scope "inntekt", besides derived.inntektsfakta) ---------------------
    _f(
        "inntekt.fra_annen_stat",
        "sannhetsverdi",
        "ytelsen er betalt av en annen stat",
        "the benefit is paid by another state",
        "inntekt",
    ),
    # --- one housing cost (scope "boutgift") --------------------------------------------------
    _f("boutgift.type", "tekst", "boutgiftstype", "housing cost type", "boutgift"),
    _f("boutgift.belop_per_maned", "belop", "faktisk boutgift", "actual housing cost", "boutgift"),
    _f(
        "boutgift.vurdert_urimelig",
        "sannhetsverdi",
        "saksbehandler har vurdert boutgiften som ikke rimelig",
        "the caseworker assessed the cost as not reasonable",
        "boutgift",
    ),
    _f(
        "boutgift.vurdert_rimelig",
        "sannhetsverdi",
        "boutgiften er vurdert som rimelig",
        "the cost is assessed as reasonable",
        "boutgift",
    ),
    _f(
        "boutgift.godkjent_belop_per_maned",
        "belop",
        "godkjent boutgift",
        "accepted housing cost",
        "boutgift",
    ),
    # --- one person of the household (scope "person": the rates, one per person) -------------
    FaktaInfo("person.id", "tekst", "personens id", "the person's id", "person", "personen sin id"),
    FaktaInfo(
        "person.rolle",
        "tekst",
        "personens rolle i husstanden",
        "the person's role in the household",
        "person",
        "rolla til personen i hushaldet",
    ),
    FaktaInfo(
        "person.alder",
        "tall",
        "personens alder på vurderingsdatoen",
        "the person's age on the assessment date",
        "person",
        "alderen til personen på vurderingsdatoen",
    ),
    # --- one other necessary expense (scope "utgift") -----------------------------------------
    _f("utgift.type", "tekst", "utgiftstype", "expense type", "utgift"),
    _f("utgift.belop", "belop", "utgiftens beløp", "the expense's amount", "utgift"),
    _f("utgift.hyppighet", "tekst", "per måned eller engangs", "monthly or one-off", "utgift"),
    _f("utgift.beskrivelse", "tekst", "beskrivelse av utgiften", "description", "utgift"),
    # --- one economic right (scope "rettighet") -----------------------------------------------
    _f("rettighet.type", "tekst", "rettighet", "right", "rettighet"),
    _f("rettighet.navn", "tekst", "rettighetens navn", "the right's Norwegian name", "rettighet"),
    _f("rettighet.navn_en", "tekst", "rettighetens engelske navn", "the right", "rettighet"),
    _f("rettighet.status", "tekst", "status for rettigheten", "status of the right", "rettighet"),
    _f("rettighet.person.id", "tekst", "hvem rettigheten gjelder", "whose right", "rettighet"),
]


# --- derived facts -------------------------------------------------------------------------


def _navn(type_: str) -> tuple[str, str]:
    """A right's name as a reader says it in a sentence (the labels live in ``explain``)."""

    nb, en = TYPER.get(type_, (type_, type_))
    return _midt_i_setning(nb), _midt_i_setning(en)


def _midt_i_setning(navn: str) -> str:
    """'Arbeidsavklaringspenger' as it reads inside a sentence; names like 'Lånekassen' keep
    their capital because only the first letter changes."""
    return navn[:1].lower() + navn[1:]


#: The payment facts' field names, and the unknown each is without it (made once).
_UTBETALINGSFELT = tuple(
    (felt, f"utbetaling.{felt}", Ukjent((f"utbetaling.{felt}",)))
    for felt in ("stonadsform", "mottaker", "samtykke_til_tredjepart", UTBETALT_ETTER_21)
)


_UTEN_UTBETALING = {navn: ukjent for _, navn, ukjent in _UTBETALINGSFELT}
_UKJENT_BARNS_BEHOV = Ukjent(("barns_behov_vurdert",))
_UKJENT_INNTEKTER = Ukjent(("inntekter",))
_UKJENT_BOUTGIFTER = Ukjent(("boutgifter",))
_UKJENT_RETTIGHETER = Ukjent(("rettigheter",))


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    """The case-level facts of §§ 18, 21 and 22 that need no calculation."""
    kommune = sak.kommune
    utbetaling = sak.utbetaling
    soker_fodt = sak.soker.fodselsdato
    ut: dict[str, Any] = {
        "utgifter.gjeld": sum(
            (u.belop for u in sak.andre_utgifter or () if u.type == "gjeld"), NULL
        ),
        "boutgifter.antall_redusert": sum(
            1 for b in sak.boutgifter or () if b.vurdert_rimelig is False
        ),
        "inntekter.har_studiestotte": _UKJENT_INNTEKTER
        if sak.inntekter is None
        else any(i.type == "studielan_stipend" for i in sak.inntekter),
        # Lånekassen's year runs 16 August to 15 June (its forskrift, e.g. 2016-2017 § 1-2).
        "vurderingsdato.utenfor_laanekassens_undervisningsar": (6, 16)
        <= (dato.month, dato.day)
        <= (8, 15),
        # Known to be a minor: an unknown birth date does not raise the child-welfare question.
        "soker.kjent_under_18": soker_fodt is not None and alder(soker_fodt, dato) < 18,
        "barns_behov.vurdert": _UKJENT_BARNS_BEHOV
        if sak.barns_behov_vurdert is None
        else sak.barns_behov_vurdert,
        # Only an explicit choice leaves foreign child benefit out; without one, the main rule
        # (income counts) applies, and a flag says so (stl-18-3-barnetrygd-fra-annen-stat).
        "kommune.holder_barnetrygd_fra_annen_stat_utenfor": (
            kommune is not None and kommune.medregner_barnetrygd_fra_annen_stat is False
        ),
        "inntekter.har_barnetrygd_fra_annen_stat": _UKJENT_INNTEKTER
        if sak.inntekter is None
        else any(i.type == "barnetrygd" and i.fra_annen_stat for i in sak.inntekter),
        "rettigheter.registrert": sak.rettigheter is not None,
        "boutgifter.antall_ikke_vurdert": _UKJENT_BOUTGIFTER
        if sak.boutgifter is None
        else [b.vurdert_rimelig for b in sak.boutgifter].count(None),
        "utbetaling.til_tredjepart": utbetaling is not None and utbetaling.mottaker == "tredjepart",
    }
    if utbetaling is None:
        ut.update(_UTEN_UTBETALING)
    else:
        for felt, navn, ukjent in _UTBETALINGSFELT:
            verdi = getattr(utbetaling, felt)
            ut[navn] = ukjent if verdi is None else verdi
    if sak.rettigheter is None:
        ut["rettigheter.antall_ikke_sokt"] = _UKJENT_RETTIGHETER
        ut["rettigheter.ikke_sokt"] = _UKJENT_RETTIGHETER
    elif not sak.rettigheter:  # none registered: nothing to count or name
        ut["rettigheter.antall_ikke_sokt"] = 0
        ut["rettigheter.ikke_sokt"] = ()
    else:
        ikke_sokt = [r for r in sak.rettigheter if r.status == "ikke_sokt"]
        ut["rettigheter.antall_ikke_sokt"] = len(ikke_sokt)
        # Norwegian names in both languages: they are the benefits' names at NAV.
        ut["rettigheter.ikke_sokt"] = tuple(f"{_navn(r.type)[0]} ({r.person})" for r in ikke_sokt)
    return ut


def _inntektsfakta(sak: Sak, indeks: int, dato: date) -> Mapping[str, Any]:
    assert sak.inntekter is not None
    # Absent means not marked as foreign: the type "barnetrygd" is the Norwegian benefit.
    fra_annen_stat = sak.inntekter[indeks].fra_annen_stat is True
    return {**inntektsfakta(sak, indeks, dato), "inntekt.fra_annen_stat": fra_annen_stat}


def _boutgiftsfakta(sak: Sak, indeks: int) -> Mapping[str, Any]:
    assert sak.boutgifter is not None
    utgift = sak.boutgifter[indeks]
    return {
        "boutgift.type": utgift.type,
        "boutgift.belop_per_maned": utgift.belop_per_maned,
        "boutgift.vurdert_urimelig": utgift.vurdert_rimelig is False,
        "boutgift.vurdert_rimelig": Ukjent((f"boutgifter[{indeks}].vurdert_rimelig",))
        if utgift.vurdert_rimelig is None
        else utgift.vurdert_rimelig,
        "boutgift.godkjent_belop_per_maned": Ukjent(
            (f"boutgifter[{indeks}].godkjent_belop_per_maned",)
        )
        if utgift.godkjent_belop_per_maned is None
        else utgift.godkjent_belop_per_maned,
    }


def _utgiftsfakta(sak: Sak, indeks: int) -> Mapping[str, Any]:
    assert sak.andre_utgifter is not None
    utgift = sak.andre_utgifter[indeks]
    return {
        "utgift.type": utgift.type,
        "utgift.belop": utgift.belop,
        "utgift.hyppighet": utgift.hyppighet,
        "utgift.beskrivelse": Ukjent((f"andre_utgifter[{indeks}].beskrivelse",))
        if utgift.beskrivelse is None
        else utgift.beskrivelse,
    }


def _rettighetsfakta(sak: Sak, indeks: int) -> Mapping[str, Any]:
    assert sak.rettigheter is not None
    rettighet = sak.rettigheter[indeks]
    nb, en = _navn(rettighet.type)
    return {
        "rettighet.type": rettighet.type,
        "rettighet.navn": nb,
        "rettighet.navn_en": en,
        "rettighet.status": rettighet.status,
        "rettighet.person.id": rettighet.person,
    }


# --- the calculation -----------------------------------------------------------------------


def _kilde(oppslag: SatsOppslag) -> str:
    tabell = oppslag.tabell
    navn = tabell.navn["nb"]
    if tabell.type == "kommunal" and tabell.kommune:
        navn = f"{navn} ({tabell.kommune})"
    return f"{navn}; {oppslag.rad.kilde}"


class _Regnskap:
    """The lines, the rule nodes behind them and what is missing, as the calculation goes."""

    def __init__(self, regel: Regel) -> None:
        self.regel = regel
        self.summene = {s.navn: s for s in regel.summer}
        self.linjer: list[Linje] = []
        self.noder: list[Node | LatNode] = []  # lazy from the compiled engine
        self.mangler: list[str] = []

    def vurder(
        self, ktx: Kontekst, fakta: Mapping[str, Any], regel: str, sti: str
    ) -> tuple[Vurdert, Element]:
        """Evaluate an item rule for one item; the node gets an id naming the item."""
        elementets = ktx.for_element(fakta)
        vurdert = elementets.vurder(regel, f"{regel}[{sti}]")
        self.noder.append(vurdert.node)
        return vurdert, Element(vurdert.utfall, vurdert.mangler, elementets.fakta, sti, regel)

    def elementer(
        self, ktx: Kontekst, sum_: str, fakta: list[Mapping[str, Any]], liste: str
    ) -> list[tuple[Vurdert, Element]]:
        """Each item of ``liste`` evaluated by the item rule the rule file's sum ``sum_`` names
        (one rule decides one kind of item in a calculation; the loader holds to it)."""
        regel = self.summene[sum_].regel
        if regel is None:
            raise RegelFeil(
                f"summen {sum_!r} må si hvilken regel som vurderer hvert element (regel = …)",
                *hvor(self.regel),
            )
        return [self.vurder(ktx, f, regel, f"{liste}[{i}]") for i, f in enumerate(fakta)]

    def summer(self, navn: str, vurderte: list[tuple[Vurdert, Element]]) -> Summert:
        """The rule's sum ``navn`` over the items as their rules decided them."""
        summert = summer(self.regel, self.summene[navn], [e for _, e in vurderte])
        self.mangler.extend(summert.mangler)
        return summert


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """Compute the guideline amount and the facts ``livsopphold.*`` the rules then read."""
    dato = ktx.dato
    regelbok = ktx.regelbok
    tabell = regelbok.livsoppholdssatser()
    oppslag = tabell.oppslag(dato)
    regel = regelbok.beregningsregel("livsopphold", dato)
    if regel is None:  # the contract refuses dates before the Act; a rules folder must not
        raise RegelFeil("ingen beregningsregel for livsopphold er i kraft", regel=None)
    r = _Regnskap(regel)

    if oppslag.utdatert or oppslag.usikker:
        ktx.merknader.append(
            Merknad(
                "SATSER_KAN_VAERE_UTDATERT",
                None,
                tekst={s: oppslag.advarsel(s) or "" for s in SPRAK},
                hjemmeltekst=dict(tabell.hjemmel),
            )
        )

    kilde = _kilde(oppslag)  # the rate row's source, on every rate line and as a fact
    satskilde = Satskilde(
        regelbok.satser, {LIVSOPPHOLD.id: tabell}, {(LIVSOPPHOLD.id, dato): oppslag}
    )
    satssum = _satser(sak, ktx, oppslag, kilde, satskilde, r)
    boutgifter = _boutgifter(sak, ktx, r)
    andre, engangs = _andre_utgifter(sak, ktx, r)
    medregnet, ikke_medregnet = _inntekter(sak, ktx, r)
    _formue(sak, r)
    _rettigheter(sak, ktx, r)

    # The row the flags and lines name, and any other table's row the rules' lookups read.
    andre_rader = [o for o in satskilde.brukt if o.tabell is not oppslag.tabell]
    satser = (oppslag.til_dict(), *[o.til_dict() for o in andre_rader])
    mangler_t = tuple(dict.fromkeys(r.mangler))
    fra, til = _maned(dato)
    tilgjengelig = sum((e.belop for e in sak.formue or () if e.holdes_utenfor is not True), NULL)
    steg = _mellomregninger(
        ktx,
        regel,
        {
            "livsopphold.satssum": satssum,
            "livsopphold.boutgifter": boutgifter,
            "livsopphold.andre_utgifter": andre,
            "livsopphold.engangsutgifter": engangs,
            "livsopphold.inntekt_medregnet": medregnet,
        },
        mangler_t,
        Ukjent(("formue",)) if sak.formue is None else tilgjengelig,
    )
    udekket: Decimal | Ukjent = steg["livsopphold.udekket_behov"]
    belop: Decimal | None = None if mangler_t else steg["livsopphold.belop_per_maned"]
    engangsstonad: Decimal | Ukjent = steg["livsopphold.engangsstonad"]
    if engangs:
        r.linjer.append(
            Linje(
                "engangsstonad",
                NULL,  # not part of the monthly amount: its own output for its own month
                f"{fra.isoformat()}/{til.isoformat()}",
                grunnlag=None if isinstance(engangsstonad, Ukjent) else engangsstonad,
                regel=ENGANGSREGEL,
            )
        )
    # Whole months of the need the assets cover: a step of the rule (heltall_delt).
    maneder: int | Ukjent = steg["livsopphold.formue_maneder"]
    beregnede = {
        # Shown as 0 when the case does not give its assets (as before); the step read unknown.
        FORMUE_TILGJENGELIG: tilgjengelig,
        "livsopphold.formue_maneder": maneder,
        "livsopphold.satssum": satssum,
        "livsopphold.boutgifter": boutgifter,
        "livsopphold.andre_utgifter": andre,
        "livsopphold.engangsutgifter": engangs,
        "livsopphold.inntekt_medregnet": medregnet,
        "livsopphold.inntekt_ikke_medregnet": ikke_medregnet,
        "livsopphold.udekket_behov": udekket,
        "livsopphold.belop_per_maned": belop if belop is not None else Ukjent(mangler_t),
        # Known and true only when the amount is computed and income covers the need: what
        # brings § 19 into the decision (rules/stl-19-saerlige-tilfeller.toml).
        "livsopphold.behov_dekket_av_inntekt": steg["livsopphold.behov_dekket_av_inntekt"],
        "livsopphold.engangsstonad": engangsstonad,
        "livsopphold.engangsstonad_fra": fra,
        "livsopphold.engangsstonad_til": til,
        "livsopphold.satstabell": kilde,
        "livsopphold.sats_gyldig_fra": oppslag.rad.gyldig_fra,
    }
    brukt = {navn: ktx.fakta[navn] for navn in GRUNNLAGSFAKTA}
    viste = {**brukt, **(beregnede if engangs else _uten_engangs(beregnede))}

    def bygg() -> Node:
        return Node(
            regel.id if regel else "livsopphold-beregning",
            outcome.UAVKLART if mangler_t else outcome.OPPFYLT,
            regel=regel.info if regel else None,
            # The one-off facts are shown only when the case has one-off expenses.
            fakta=viste,
            barn=tuple(map(bygget, r.noder)),
            mangler=mangler_t,
            rolle="beregning",
        )

    return Beregning(
        linjer=tuple(r.linjer),
        node=ktx.lat(bygg),
        fakta=beregnede,
        mangler=mangler_t,
        utdata={
            # Assets that cover a whole month of the need: nothing is payable until the
            # caseworker has dealt with them (stl-18-1-formue-maneder); the figure keeps its name.
            **(
                {
                    "belop_per_maned": None,
                    BEREGNET["belop_per_maned"]: belop,
                    "formue_dekker_maneder": maneder,
                }
                if isinstance(maneder, int) and maneder >= 1
                else {"belop_per_maned": belop}
            ),
            # One-off expenses are not a monthly amount: their own output, when the case has any,
            # and what of them is a claim for the month assessed, with that month's dates.
            **({"engangsutgifter": engangs} if sak.andre_utgifter else {}),
            **(
                {
                    "engangsstonad": None if isinstance(engangsstonad, Ukjent) else engangsstonad,
                    "engangsstonad_fra": fra,
                    "engangsstonad_til": til,
                }
                if engangs
                else {}
            ),
        },
        satser=satser,
    )


_ENGANGSFAKTA = (
    "livsopphold.engangsstonad",
    "livsopphold.engangsstonad_fra",
    "livsopphold.engangsstonad_til",
)


def _mellomregninger(
    ktx: Kontekst,
    regel: Regel,
    grunnlag: dict[str, Any],
    mangler: tuple[str, ...],
    formue: Decimal | Ukjent,
) -> dict[str, Any]:
    """The rule's named steps (``[[regel.verdi]]`` in rules/stl-18-livsopphold.toml) on the
    lines' totals and the assets not held out (``formue``: unknown when the case does not give
    its assets), in the rule's order.

    With facts missing no total is certain, so they are given as unknown: every amount is
    unknown for the same reasons, the months the assets cover too (for want of the assets first,
    when those are not given either: the step reads them first), and income "covers the need" is
    false (not known true). With every total and the assets known, the steps run at once (the
    compiled function); else ``stegvis.regn`` leaves unknown what reads an unknown."""
    inndata: dict[str, Any] = (
        dict.fromkeys(grunnlag, Ukjent(mangler)) if mangler else dict(grunnlag)
    )
    inndata[FORMUE_TILGJENGELIG] = formue
    if not mangler and not isinstance(formue, Ukjent):
        return ktx.mellomregn(regel, inndata)
    verdier = stegvis.regn(ktx, regel, inndata)
    for verdi in regel.verdier:
        if verdi.art == "sannhetsverdi" and isinstance(verdier[verdi.navn], Ukjent):
            verdier[verdi.navn] = False
    return verdier


def _uten_engangs(fakta: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fakta.items() if k not in _ENGANGSFAKTA}


def _maned(dato: date) -> tuple[date, date]:
    """The calendar month of the assessment date: the period a one-off claim is for."""
    return dato.replace(day=1), dato.replace(day=calendar.monthrange(dato.year, dato.month)[1])


def _satser(
    sak: Sak, ktx: Kontekst, oppslag: SatsOppslag, kilde: str, satskilde: Satskilde, r: _Regnskap
) -> Decimal:
    """The rates, one line per person: what each adds is the rule's (``livsopphold.satssum``,
    a ``[[regel.sum]]`` over the persons whose cases look the household's column and each
    child's age band up in the rate table in force, ``sats``/``barnesats``); an unknown
    household type or birth date leaves the amount undetermined, naming it.

    What stays here is presentation: each line's label (``SATSPOST`` by household type, the
    child's band as ``sats_barn_0_5``), the person and age, the row's source and date, and the
    lines for persons with no rate (``voksen_uten_sats``, ``barn_uten_barnesats``).
    """
    gyldig_fra = oppslag.rad.gyldig_fra
    sum_ = r.summene["livsopphold.satssum"]
    if not sum_.tilfeller:
        raise RegelFeil(
            "summen 'livsopphold.satssum' går over personene og må si ved tilfeller hvem som "
            "legger til hva (tilfeller = [{ hvor = …, verdi = … }])",
            *hvor(r.regel),
        )
    # The applicant first: the household's rate is the applicant's item, and what is missing
    # is named in that order (the household, then each child).
    soker = sak.soker
    personer = [soker, *[p for p in sak.personer if p is not soker]]
    # Each person's facts over the case facts the cases read (few: a merge of every case fact
    # per person cost more than the lookups), and the tables the lookups read.
    fakta = ktx.fakta
    felles = {n: fakta[n] for n in _lest(sum_) if n in fakta}
    felles[SATSKILDE] = satskilde
    aldre = {p.id: person_alder(sak, p, ktx.dato) for p in personer}  # the items' and the lines'
    elementer = [
        Element(
            OPPFYLT,
            (),
            {**felles, "person.id": p.id, "person.rolle": p.rolle, "person.alder": aldre[p.id]},
            f"personer[{sak.indeks(p.id)}]",
        )
        for p in personer
    ]
    summert = summer(r.regel, sum_, elementer)
    r.mangler.extend(summert.mangler)
    bidrag = {p.id: b for p, b in zip(personer, summert.bidrag, strict=True)}
    husstand = ktx.fakta["husstand.type"]
    sats = bidrag[soker.id]
    if sats is not None and not isinstance(husstand, Ukjent):
        r.linjer.append(Linje(SATSPOST[husstand], sats, kilde, gyldig_fra))
    for person in sak.personer:
        if person.rolle == "annen_voksen":
            # No rate: the applicant owes another adult no maintenance, nor they the applicant
            # (stl-18-inntekt-uten-forsorgelsesplikt); the line says so instead of a silent 0,
            # and the claim puts the question of their own needs (stl-18-1-andre-voksne).
            alder_v = aldre[person.id]
            r.linjer.append(
                Linje(
                    "voksen_uten_sats",
                    NULL,
                    kilde,
                    gyldig_fra,
                    person.id,
                    None if isinstance(alder_v, Ukjent) else alder_v,
                )
            )
            continue
        belop = bidrag[person.id]
        if person.rolle != "barn" or belop is None:
            continue
        alder_ = aldre[person.id]
        alder = None if isinstance(alder_, Ukjent) else alder_
        gruppe = None if alder is None else oppslag.barnesats(alder)
        if gruppe is None and belop:
            # The line names the child's band from the table; a rules folder whose sum gives a
            # child rate the table has no band for cannot be shown as a line, only refused.
            raise RegelFeil(
                f"summen 'livsopphold.satssum' ga {belop} for personer[{sak.indeks(person.id)}], "
                "men satstabellen har ingen aldersgruppe for barnet å vise linjen under",
                *hvor(r.regel),
            )
        if gruppe is None:
            # Over the child bands (18 or older): no child rate; the person's own needs are
            # assessed on their own, and the line says so instead of silently adding nothing.
            r.linjer.append(Linje("barn_uten_barnesats", NULL, kilde, gyldig_fra, person.id, alder))
            continue
        post = f"sats_barn_{gruppe.fra_alder}_{gruppe.til_alder}"
        r.linjer.append(Linje(post, belop, kilde, gyldig_fra, person.id, alder))
    return summert.total


def _lest(sum_: Elementsum) -> list[str]:
    """The case facts a sum's cases read (the item's own, ``person.*``, are the item's)."""
    return [
        n
        for t in sum_.tilfeller
        for u in (t.hvor, t.verdi)
        for n in u.navn
        if not n.startswith("person.")
    ]


def _boutgifter(sak: Sak, ktx: Kontekst, r: _Regnskap) -> Decimal | Ukjent:
    """Housing costs, one line each: what each adds is the rule's (``livsopphold.boutgifter``,
    ``[[regel.sum]]``); an absent list leaves the amount undetermined."""
    if sak.boutgifter is None:
        r.mangler.append("boutgifter")
        return Ukjent(("boutgifter",))
    fakta = [_boutgiftsfakta(sak, i) for i in range(len(sak.boutgifter))]
    vurderte = r.elementer(ktx, "livsopphold.boutgifter", fakta, "boutgifter")
    summert = r.summer("livsopphold.boutgifter", vurderte)
    for utgift, (node, element), godtatt in zip(
        sak.boutgifter, vurderte, summert.bidrag, strict=True
    ):
        faktisk = utgift.belop_per_maned
        r.linjer.append(
            Linje(
                f"boutgift_{utgift.type}",
                godtatt if godtatt is not None else NULL,
                OPPGITT,
                grunnlag=faktisk if godtatt != faktisk else None,
                regel=node.avgjort_av or element.regel,
                node_id=node.id,
            )
        )
    return summert.total


def _andre_utgifter(sak: Sak, ktx: Kontekst, r: _Regnskap) -> tuple[Decimal, Decimal]:
    """Other necessary expenses the case lists, one line each: the monthly and the one-off
    totals are the rule's sums (``livsopphold.andre_utgifter``, ``livsopphold.engangsutgifter``).

    An absent list adds nothing: these are expenses *the case lists* on top of the guideline
    amount, which the contract defines without them.
    """
    utgifter = sak.andre_utgifter or ()
    fakta = [_utgiftsfakta(sak, i) for i in range(len(utgifter))]
    vurderte = r.elementer(ktx, "livsopphold.andre_utgifter", fakta, "andre_utgifter")
    per_maned = r.summer("livsopphold.andre_utgifter", vurderte)
    engangs = r.summer("livsopphold.engangsutgifter", vurderte)
    for utgift, (node, element), i_maned, som_engangs in zip(
        utgifter, vurderte, per_maned.bidrag, engangs.bidrag, strict=True
    ):
        # A one-off (or debt, or undetermined) expense: its own line, not in the monthly amount.
        r.linjer.append(
            Linje(
                f"{'engangsutgift' if som_engangs is not None else 'utgift'}_{utgift.type}",
                i_maned if i_maned is not None else NULL,
                OPPGITT,
                person=utgift.person,
                grunnlag=None if i_maned is not None else utgift.belop,
                regel=node.avgjort_av or element.regel,
                node_id=node.id,
            )
        )
    return per_maned.total, engangs.total


def _inntekter(sak: Sak, ktx: Kontekst, r: _Regnskap) -> tuple[Decimal | Ukjent, Decimal]:
    """Each income line counted or not by its rule, the totals the rule's sums
    (``livsopphold.inntekt_medregnet``, ``…_ikke_medregnet``); undetermined lines hold the
    amount back, and an absent list leaves it undetermined."""
    if sak.inntekter is None:
        r.mangler.append("inntekter")
        return Ukjent(("inntekter",)), NULL
    fakta = [_inntektsfakta(sak, i, ktx.dato) for i in range(len(sak.inntekter))]
    vurderte = r.elementer(ktx, "livsopphold.inntekt_medregnet", fakta, "inntekter")
    medregnet = r.summer("livsopphold.inntekt_medregnet", vurderte)
    ikke_medregnet = r.summer("livsopphold.inntekt_ikke_medregnet", vurderte)
    for inntekt, (node, element), med, uten in zip(
        sak.inntekter, vurderte, medregnet.bidrag, ikke_medregnet.bidrag, strict=True
    ):
        talt = True if med is not None else False if uten is not None else None
        r.linjer.append(
            Linje(
                f"inntekt_{inntekt.type}",
                -med if med is not None else NULL,
                person=inntekt.person,
                grunnlag=inntekt.belop_per_maned,
                medregnet=talt,
                regel=node.avgjort_av or element.regel,
                node_id=node.id,
            )
        )
    return medregnet.total, ikke_medregnet.total


def _formue(sak: Sak, r: _Regnskap) -> None:
    """Assets: their own lines, never deducted (using them first is the caseworker's call)."""
    for eiendel in sak.formue or ():
        r.linjer.append(
            Linje(
                f"formue_{eiendel.type}",
                NULL,
                OPPGITT,
                person=eiendel.person,
                grunnlag=eiendel.belop,
                medregnet=False,
                regel=FORMUESREGEL,
            )
        )


def _rettigheter(sak: Sak, ktx: Kontekst, r: _Regnskap) -> None:
    """Economic rights: one line each, saying what must be applied for; no effect on the sum."""
    for i, rettighet in enumerate(sak.rettigheter or ()):
        node, _ = r.vurder(ktx, _rettighetsfakta(sak, i), RETTIGHETSREGEL, f"rettigheter[{i}]")
        r.linjer.append(
            Linje(
                f"rettighet_{rettighet.type}",
                NULL,
                OPPGITT,
                person=rettighet.person,
                regel=node.avgjort_av or RETTIGHETSREGEL,
                node_id=node.id,
            )
        )
