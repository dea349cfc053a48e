"""Temporary housing (§ 27): each stay measured on the assessment date, with its deadlines.

The law's side is in ``rules/stl-27-midlertidig-botilbud.toml``: the circular's three months,
the warning window, the ages, the types unsuitable for children. This module does what is not
law: calendar arithmetic, joining stays into continuous periods, and finding the date a stay
reaches the circular's limit, so a case system can schedule it.

**Months.** A period of *n* months from a day ends on the same day of the month *n* months
later, or on the last day of that month when it is shorter (31 January + 1 month = 29 February
in a leap year): ``lov.kalender.pluss_maneder``, the rule language's ``pluss_maneder``, so the
rules and this module count one month the same way. ``maneder(fra, til)`` counts whole
months that way and adds the part of the current month as a fraction of its length, rounded
*up* to hundredths, so ``maneder > 3`` holds exactly when ``til`` is after the date three
months from ``fra``.

**Continuous periods.** ``til`` is the last day of a stay. Stays of one person that follow each
other without a whole day between them (the next starts on or before the day after) count as one
period, in different places too; a stay is measured from the start of the earliest such period
of anyone in it.

**The deadline.** The limit lives only in the rule (``botilbud.maneder <= 3``). The date a stay
reaches it is found by asking that rule: the last day on which it still holds, searched day by
day (binary search; the rule must be monotone in time, as a duration limit is). Change the rule
to six months and every deadline follows.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Iterable, MutableMapping
from datetime import date, timedelta
from decimal import ROUND_UP, Decimal
from typing import Any, cast

from attrs import evolve, frozen

from ...inndata.facts import Botilbud, Sak
from ...inndata.ukjent import Ukjent
from ...lov import outcome
from ...lov.kalender import pluss_maneder
from ...lov.outcome import Utfall
from ...lov.tree import LatNode, Node, bygget
from ..engine import Kontekst, Merknad
from ..faktainfo import FaktaInfo
from ..grunnfakta import alder
from .base import Beregning

#: The rule for one stay; its criteria are referred to from it in the rule file.
OPPHOLDSREGEL = "stl-27-botilbud-opphold"
#: The circular's duration limit: the rule the deadline is read from.
VARIGHETSREGEL = "r35-4-27-tre-maneder"
#: The note that a stay is about to reach the limit.
VARSELREGEL = "r35-4-27-naermer-seg-tre-maneder"
#: Flags from these rules carry the deadline (``frist``).
DATERTE_REGLER = frozenset({VARIGHETSREGEL, VARSELREGEL})
#: The rule that describes this calculation (its reference and texts).
BEREGNINGSREGEL = "stl-27-botilbud-maling"
#: How far ahead the deadline search looks, and its first step: implementation choices, not law.
SOKEGRENSE = timedelta(days=366 * 50)
FORSTE_STEG = timedelta(days=31)
#: Precision of ``maneder``; rounded up, so any part of a day past a limit shows.
HUNDREDELER = Decimal("0.01")

PAGAR, AVSLUTTET, PLANLAGT = "pagar", "avsluttet", "planlagt"


def _b(navn: str, type: str, nb: str, en: str) -> FaktaInfo:
    return FaktaInfo(f"botilbud.{navn}", type, nb, en, "botilbud")


FAKTA = [
    # One stay (scope "botilbud")
    _b("nummer", "tall", "oppholdets nummer i saken (fra 0)", "the stay's number in the case"),
    _b("type", "tekst", "type botilbud", "type of housing"),
    _b("fra", "dato", "oppholdet startet", "the stay began"),
    _b("malt_til", "dato", "oppholdet er målt til", "the stay is measured until"),
    _b(
        "status",
        "tekst",
        "oppholdets status på vurderingsdatoen",
        "the stay's status on the date",
    ),
    _b("personer", "liste", "personene i oppholdet", "the persons in the stay"),
    _b(
        "yngste_alder",
        "tall",
        "alderen til den yngste i oppholdet med kjent fødselsdato",
        "age of the youngest in the stay with a known date of birth",
    ),
    _b(
        "eldste_alder",
        "tall",
        "alderen til den eldste i oppholdet med kjent fødselsdato",
        "age of the oldest in the stay with a known date of birth",
    ),
    _b(
        "aldre_kjent",
        "sannhetsverdi",
        "alle i oppholdet har kjent fødselsdato",
        "everyone in the stay has a known date of birth",
    ),
    _b(
        "sammenhengende_fra",
        "dato",
        "start på den sammenhengende perioden i midlertidig botilbud",
        "start of the continuous period in temporary housing",
    ),
    _b(
        "lengst_boende",
        "liste",
        "de som har bodd lengst sammenhengende",
        "those who have stayed longest without a break",
    ),
    _b("dager", "tall", "dager i den sammenhengende perioden", "days in the continuous period"),
    _b(
        "maneder",
        "tall",
        "måneder i den sammenhengende perioden",
        "months in the continuous period",
    ),
    _b(
        "grensedato",
        "dato",
        "datoen oppholdet når rundskrivets grense",
        "the date the stay reaches the circular's limit",
    ),
    _b(
        "dager_til_grensen",
        "tall",
        "dager fra vurderingsdatoen til grensen",
        "days from the assessment date to the limit",
    ),
    _b("tilgang_hele_dognet", "sannhetsverdi", "tilgang hele døgnet", "access all day"),
    _b("mulighet_for_matlaging", "sannhetsverdi", "mulighet for matlaging", "cooking facilities"),
    _b("toalett_og_bad", "sannhetsverdi", "toalett og bad", "toilet and bath"),
    _b(
        "mulighet_for_rene_klaer",
        "sannhetsverdi",
        "mulighet for å holde klærne rene",
        "means to keep clothes clean",
    ),
    _b(
        "brukes_av_personer_med_rusproblemer",
        "sannhetsverdi",
        "stedet brukes av personer med rusproblemer",
        "the place is used by people with substance problems",
    ),
    # The case
    FaktaInfo(
        "midlertidig_botilbud.har_opphold",
        "sannhetsverdi",
        "saken har opphold i midlertidig botilbud",
        "the case has stays in temporary housing",
    ),
    FaktaInfo(
        "midlertidig_botilbud.antall_pagaende",
        "tall",
        "antall opphold som pågår på vurderingsdatoen",
        "stays ongoing on the assessment date",
    ),
    FaktaInfo(
        "midlertidig_botilbud.pagaende_typer",
        "liste",
        "typene botilbud som pågår",
        "types of the ongoing stays",
    ),
    FaktaInfo(
        "midlertidig_botilbud.pagaende_sammenhengende_fra",
        "dato",
        "start på den lengste sammenhengende perioden som pågår",
        "start of the longest continuous period that is ongoing",
    ),
    FaktaInfo(
        "midlertidig_botilbud.eldste_alder",
        "tall",
        "alderen til den eldste i saken med kjent fødselsdato",
        "age of the oldest in the case with a known date of birth",
    ),
    FaktaInfo(
        "midlertidig_botilbud.aldre_kjent",
        "sannhetsverdi",
        "alle i saken har kjent fødselsdato",
        "everyone in the case has a known date of birth",
    ),
    FaktaInfo(
        "botilbud_soknad.foreligger",
        "sannhetsverdi",
        "saken har en søknad om midlertidig botilbud",
        "the case has an application for temporary housing",
    ),
    FaktaInfo(
        "botilbud_soknad.uten_overnatting_neste_dogn",
        "sannhetsverdi",
        "søkeren har ikke et sted å sove og oppholde seg det neste døgnet",
        "the applicant has nowhere to sleep and stay the next day and night",
    ),
    FaktaInfo(
        "botilbud_soknad.avgjorelse",
        "tekst",
        "avgjørelsen",
        "the decision",
    ),
    FaktaInfo(
        "botilbud_soknad.avgjort_ved_henvisning",
        "sannhetsverdi",
        "søknaden er avgjort ved å henvise søkeren til å finne et sted selv",
        "the application was decided by referring the applicant to find a place themselves",
    ),
    FaktaInfo(
        "botilbud_soknad.avgjort_ved_avslag",
        "sannhetsverdi",
        "søknaden er avslått",
        "the application was refused",
    ),
    FaktaInfo("botilbud_soknad.dato", "dato", "søknadens dato", "the application's date"),
]


# --- calendar ----------------------------------------------------------------------------------


#: The same day ``antall`` months later, or that month's last day when it is shorter: the rule
#: language's ``pluss_maneder`` (``lov.kalender``), one month for the rules and this module.
legg_til_maneder = pluss_maneder


def hele_maneder(fra: date, til: date) -> int:
    """Whole months from ``fra`` to ``til`` (``til`` on or after ``fra``), counted as above."""
    antall = (til.year - fra.year) * 12 + til.month - fra.month
    if antall > 0 and legg_til_maneder(fra, antall) > til:
        antall -= 1
    return antall


def maneder(fra: date, til: date) -> Decimal:
    """Months from ``fra`` to ``til``: whole months plus the part of the next, rounded up.

    >>> maneder(date(2023, 11, 1), date(2024, 2, 1)), maneder(date(2023, 11, 1), date(2024, 2, 2))
    (Decimal('3.00'), Decimal('3.04'))
    """
    if til <= fra:
        return Decimal(0).quantize(HUNDREDELER)
    hele = hele_maneder(fra, til)
    start = legg_til_maneder(fra, hele)
    lengde = (legg_til_maneder(fra, hele + 1) - start).days
    brok = Decimal((til - start).days) / Decimal(lengde)
    return (Decimal(hele) + brok).quantize(HUNDREDELER, rounding=ROUND_UP)


# --- stays -------------------------------------------------------------------------------------


@frozen
class MaltOpphold:
    """One stay as measured on the assessment date."""

    nummer: int
    botilbud: Botilbud
    status: str
    sammenhengende_fra: date
    lengst_boende: tuple[str, ...]

    def malt_til(self, dato: date) -> date:
        """The last day counted: the stay's end, or the assessment date while it goes on."""
        til = self.botilbud.til
        return dato if til is None or til > dato else til

    def pagar(self) -> bool:
        return self.status == PAGAR


def _status(b: Botilbud, dato: date) -> str:
    if b.fra > dato:
        return PLANLAGT
    if b.til is not None and b.til < dato:
        return AVSLUTTET
    return PAGAR


def _periodestart(stays: tuple[Botilbud, ...]) -> dict[tuple[str, int], date]:
    """For each person and stay, the start of the continuous period the stay belongs to.

    A stay joins the period before it when it starts on or before the day after that period's
    last day (no whole day without a place between them); an open-ended stay never ends.
    """
    per_person: dict[str, list[int]] = {}
    for nummer, b in enumerate(stays):
        for pid in dict.fromkeys(b.personer):
            per_person.setdefault(pid, []).append(nummer)
    start: dict[tuple[str, int], date] = {}
    for pid, numre in per_person.items():
        numre.sort(key=lambda n: (stays[n].fra, n))
        periode_fra: date | None = None
        periode_til: date | None = None  # the period's last day so far, unless it is open
        apen = False  # an open-ended stay is in the period: it never ends
        for n in numre:
            b = stays[n]
            if periode_fra is None or (
                not apen and periode_til is not None and (b.fra - periode_til).days > 1
            ):
                periode_fra, periode_til, apen = b.fra, b.til, b.til is None
            elif b.til is None:
                apen = True
            elif not apen and periode_til is not None and b.til > periode_til:
                periode_til = b.til
            start[(pid, n)] = periode_fra
    return start


def opphold(sak: Sak, dato: date) -> tuple[MaltOpphold, ...]:
    """Every stay in the case with its status and continuous period on ``dato``."""
    stays = sak.botilbud or ()
    start = _periodestart(stays)
    ut = []
    for nummer, b in enumerate(stays):
        personer = tuple(dict.fromkeys(b.personer))
        forste = min(start[(p, nummer)] for p in personer)
        lengst = tuple(p for p in personer if start[(p, nummer)] == forste)
        ut.append(MaltOpphold(nummer, b, _status(b, dato), forste, lengst))
    return tuple(ut)


def _aldre(sak: Sak, personer: Iterable[str], dato: date) -> tuple[list[int], list[str]]:
    """Known ages on ``dato`` and the JSON paths of unknown birth dates."""
    kjente, ukjente = [], []
    for pid in personer:
        person = sak.person(pid)
        if person.fodselsdato is None:
            ukjente.append(f"personer[{sak.indeks(pid)}].fodselsdato")
        else:
            kjente.append(alder(person.fodselsdato, dato))
    return kjente, ukjente


def _aldersfakta(sak: Sak, personer: Iterable[str], dato: date) -> tuple[Any, Any, Any]:
    """Youngest and oldest known age (unknown when none is known), and whether all are known."""
    kjente, ukjente = _aldre(sak, personer, dato)
    mangler = Ukjent(tuple(ukjente))
    yngst = min(kjente) if kjente else mangler
    eldst = max(kjente) if kjente else mangler
    return yngst, eldst, (mangler if ukjente else True)


def _felt(o: MaltOpphold, felt: str) -> Any:
    verdi = getattr(o.botilbud, felt)
    return Ukjent((f"botilbud[{o.nummer}].{felt}",)) if verdi is None else verdi


KVALITETSFELT = (
    "tilgang_hele_dognet",
    "mulighet_for_matlaging",
    "toalett_og_bad",
    "mulighet_for_rene_klaer",
    "brukes_av_personer_med_rusproblemer",
)


def oppholdsfakta(sak: Sak, o: MaltOpphold, dato: date) -> dict[str, Any]:
    """One stay's facts for the rules, without the deadline (found by ``_grensedato``)."""
    malt_til = o.malt_til(dato)
    yngst, eldst, kjent = _aldersfakta(sak, o.botilbud.personer, dato)
    fakta: dict[str, Any] = {
        "botilbud.nummer": o.nummer,
        "botilbud.type": o.botilbud.type,
        "botilbud.fra": o.botilbud.fra,
        "botilbud.malt_til": malt_til,
        "botilbud.status": o.status,
        "botilbud.personer": tuple(dict.fromkeys(o.botilbud.personer)),
        "botilbud.yngste_alder": yngst,
        "botilbud.eldste_alder": eldst,
        "botilbud.aldre_kjent": kjent,
        "botilbud.sammenhengende_fra": o.sammenhengende_fra,
        "botilbud.lengst_boende": o.lengst_boende,
        **_varighet(o.sammenhengende_fra, malt_til),
        "botilbud.grensedato": Ukjent(()),
        "botilbud.dager_til_grensen": Ukjent(()),
    }
    for felt in KVALITETSFELT:
        fakta[f"botilbud.{felt}"] = _felt(o, felt)
    return fakta


def _varighet(fra: date, til: date) -> dict[str, Any]:
    """Days and months of a period; months are unknown at the very end of the calendar."""
    try:
        antall: Decimal | Ukjent = maneder(fra, til)
    except ValueError:
        antall = Ukjent(())
    return {"botilbud.dager": max((til - fra).days, 0), "botilbud.maneder": antall}


# --- the case's facts --------------------------------------------------------------------------


#: The application's facts when it does not give them (made once: ``utled`` runs every case).
_UKJENT_SOKNAD = {
    felt: Ukjent((f"botilbud_soknad.{felt}",))
    for felt in ("uten_overnatting_neste_dogn", "avgjorelse", "dato")
}
_INGEN_PERIODE = Ukjent(())


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    eldst, kjent = _husstandens_eldste(sak, dato)
    soknad = sak.botilbud_soknad
    uten_overnatting: bool | Ukjent | None
    avgjorelse: str | Ukjent
    soknadsdato: date | Ukjent
    if soknad is None:
        uten_overnatting, avgjorelse, soknadsdato = _UKJENT_SOKNAD.values()
        avgjort = None
    else:
        avgjort = soknad.avgjorelse
        uten_overnatting = soknad.uten_overnatting_neste_dogn
        if uten_overnatting is None:
            uten_overnatting = _UKJENT_SOKNAD["uten_overnatting_neste_dogn"]
        avgjorelse = _UKJENT_SOKNAD["avgjorelse"] if avgjort is None else avgjort
        soknadsdato = _UKJENT_SOKNAD["dato"] if soknad.dato is None else soknad.dato
    if sak.botilbud:
        alle = opphold(sak, dato)
        pagaende = [o for o in alle if o.pagar()]
        har_opphold, antall = bool(alle), len(pagaende)
        typer = tuple(dict.fromkeys(o.botilbud.type for o in pagaende))
        fra = min((o.sammenhengende_fra for o in pagaende), default=_INGEN_PERIODE)
    else:
        har_opphold, antall, typer, fra = False, 0, (), _INGEN_PERIODE
    return {
        "midlertidig_botilbud.har_opphold": har_opphold,
        "midlertidig_botilbud.antall_pagaende": antall,
        "midlertidig_botilbud.pagaende_typer": typer,
        "midlertidig_botilbud.pagaende_sammenhengende_fra": fra,
        "midlertidig_botilbud.eldste_alder": eldst,
        "midlertidig_botilbud.aldre_kjent": kjent,
        "botilbud_soknad.foreligger": soknad is not None,
        "botilbud_soknad.uten_overnatting_neste_dogn": uten_overnatting,
        "botilbud_soknad.avgjorelse": avgjorelse,
        "botilbud_soknad.avgjort_ved_henvisning": avgjort == "henvist_til_a_finne_selv",
        "botilbud_soknad.avgjort_ved_avslag": avgjort == "avslag",
        "botilbud_soknad.dato": soknadsdato,
    }


def _husstandens_eldste(sak: Sak, dato: date) -> tuple[Any, Any]:
    """``_aldersfakta`` for the whole household (oldest known age, whether all are known) in
    one pass: each id stands for the first person with it, as ``sak.person`` finds."""
    forste = {p.id: p for p in reversed(sak.personer)}
    fodt: list[date] = []
    ukjente: list[str] = []
    for p in sak.personer:
        dag = forste[p.id].fodselsdato
        if dag is None:
            ukjente.append(f"personer[{sak.indeks(p.id)}].fodselsdato")
        else:
            fodt.append(dag)
    mangler = Ukjent(tuple(ukjente)) if ukjente else _INGEN_PERIODE
    # The oldest is the one born first (an age never grows with a later birth date).
    eldst = alder(min(fodt), dato) if fodt else mangler
    return eldst, (mangler if ukjente else True)


# --- the deadline ------------------------------------------------------------------------------


#: The distance in days from the period's start to the deadline found last (by any case, any
#: rulebook). Only where the next search starts looking: ``_ved_hint`` checks the answer on
#: both sides before using it, so a stale or foreign hint costs a few evaluations and never
#: changes a result. One value, not a cache: nothing is keyed, nothing grows.
_HINT: list[int] = []
#: How far (in days) ``_ved_hint`` walks from the hint before it gives up: three months are
#: 89 to 92 days, so a hint from another start date is at most three days off.
_HINT_STEG = 4


def _grensedato(over: Callable[[date], bool], fra: date, hint: int | None = None) -> date | Ukjent:
    """The last day on which the limit still holds: the day before ``over`` first turns true.

    ``over`` must be monotone (false, then true for ever). With a ``hint`` (the distance in
    days found for another stay under the same rule), the days around it are tried first: the
    limit is where ``over`` is false on one day and true on the next, and with ``over``
    monotone there is only one such day, so that is the answer the full search would find.
    Otherwise, or when the hint is too far off, the search doubles a month-sized step until the
    limit is passed, then halves the interval (about nine evaluations for three months).
    Unknown when the limit is not passed within ``SOKEGRENSE`` (no limit in force).
    """
    try:
        slutt = fra + SOKEGRENSE
    except OverflowError:
        slutt = date.max
    if hint is not None:
        funnet = _ved_hint(over, fra, slutt, hint)
        if funnet is not None:
            return funnet
    if over(fra):
        return fra
    lav, steg = fra, FORSTE_STEG  # over(lav) is false
    while True:
        hoy = slutt if (slutt - lav) <= steg else lav + steg
        if over(hoy):
            break
        if hoy == slutt:
            return Ukjent(())
        lav, steg = hoy, steg * 2
    while (hoy - lav).days > 1:  # over(lav) false, over(hoy) true
        midt = lav + timedelta(days=(hoy - lav).days // 2)
        if over(midt):
            hoy = midt
        else:
            lav = midt
    return lav


def _ved_hint(over: Callable[[date], bool], fra: date, slutt: date, hint: int) -> date | None:
    """The limit found by walking at most ``_HINT_STEG`` days from ``fra + hint``: the day
    with ``over`` false whose next day (not after ``slutt``) has it true; None when not found
    so close (the caller then searches in full). Only days after ``fra`` are tried: with
    ``over`` false on one of them, it is false on ``fra`` too, which need not be asked."""
    try:
        dag = fra + timedelta(days=hint)
    except OverflowError:
        return None
    if dag <= fra or dag >= slutt:
        return None
    en = timedelta(days=1)
    if over(dag):  # walk back to the last day it is false
        for _ in range(_HINT_STEG):
            dag -= en
            if dag <= fra:  # the full search asks ``fra`` itself
                return None
            if not over(dag):
                return dag
        return None
    for _ in range(_HINT_STEG):  # walk on to the last day before it turns true
        neste = dag + en
        if neste > slutt:
            return None
        if over(neste):
            return dag
        dag = neste
    return None


def _over_grensen(ktx: Kontekst, fakta: dict[str, Any], fra: date) -> Callable[[date], bool]:
    """Whether the duration rule fails for a stay measured until a given day.

    A scratch evaluation: its tree and flags are thrown away. The rule's condition is asked
    directly when the rule has no exceptions (the usual case: no tree is built for its texts);
    with exceptions, the whole rule is evaluated so they count.
    """
    bok = ktx.regelbok
    regel = bok.regel(VARIGHETSREGEL, ktx.dato)
    direkte = regel is not None and regel.vilkar is not None and not bok.unntak.get(regel.id)
    # A ChainMap writes only to its first map; typeshed asks every map to be mutable.
    grunnlag = ChainMap(fakta, cast(MutableMapping[str, Any], ktx.fakta))

    def over(dag: date) -> bool:
        kladd = Kontekst(bok, ktx.dato, grunnlag.new_child(_varighet(fra, dag)))
        if kladd.kompilert:  # the outcome alone: the compiled rules build no tree
            return kladd.resultat(VARIGHETSREGEL)[0] is outcome.IKKE_OPPFYLT
        if direkte:
            assert regel is not None and regel.vilkar is not None
            node = regel.vurdering(kladd)
        else:
            node = kladd.evaluer_regel(VARIGHETSREGEL)
        return node.utfall is outcome.IKKE_OPPFYLT

    return over


# --- the calculation ---------------------------------------------------------------------------


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """Evaluate every stay with the per-stay rules; flags with deadlines for ongoing stays."""
    dato = ktx.dato
    noder: list[Node | LatNode] = []  # lazy from the compiled engine
    oversikt: list[dict[str, Any]] = []
    grenser: dict[date, date | Ukjent] = {}
    for o in opphold(sak, dato):
        fakta = oppholdsfakta(sak, o, dato)
        fra = o.sammenhengende_fra
        if fra not in grenser:
            grense_ = _grensedato(_over_grensen(ktx, fakta, fra), fra, _HINT[0] if _HINT else None)
            if isinstance(grense_, date) and grense_ > fra:
                _HINT[:] = [(grense_ - fra).days]
            grenser[fra] = grense_
        grense = grenser[fra]
        fakta["botilbud.grensedato"] = grense
        if isinstance(grense, date):
            fakta["botilbud.dager_til_grensen"] = (grense - dato).days
        elementktx = ktx.for_element(fakta)
        elementktx.merknader = []
        if o.status == AVSLUTTET:  # history: measured and shown, no flags
            noder.append(
                elementktx.regelnode(VARIGHETSREGEL, id=f"{VARIGHETSREGEL}[botilbud[{o.nummer}]]")
            )
        else:
            noder.append(
                elementktx.regelnode(OPPHOLDSREGEL, id=f"{OPPHOLDSREGEL}[botilbud[{o.nummer}]]")
            )
            if o.pagar():
                noder.append(
                    elementktx.regelnode(VARSELREGEL, id=f"{VARSELREGEL}[botilbud[{o.nummer}]]")
                )
            ktx.merknader.extend(_flagg(elementktx.merknader, o, grense))
        oversikt.append(_rad(o, fakta, elementktx.resultat(VARIGHETSREGEL)[0]))
    regel = ktx.regelbok.beregningsregel("botilbud", dato)

    def bygg() -> Node:
        return Node(
            regel.id if regel else BEREGNINGSREGEL,
            outcome.OPPFYLT,
            regel=regel.info if regel else None,
            fakta={"vurderingsdato": dato},
            barn=tuple(map(bygget, noder)),
            rolle="beregning",
        )

    return Beregning(
        linjer=(), node=ktx.lat(bygg), fakta={}, mangler=(), utdata={"opphold": oversikt}
    )


def _flagg(merknader: list[Merknad], o: MaltOpphold, grense: date | Ukjent) -> list[Merknad]:
    """A stay's flags: deadlines only while it goes on; whom each concerns when it is one."""
    ut = []
    for m in merknader:
        datert = m.regel is not None and m.regel.id in DATERTE_REGLER
        if datert and not o.pagar():
            continue
        hvem = o.lengst_boende if datert else tuple(dict.fromkeys(o.botilbud.personer))
        ut.append(
            evolve(
                m,
                frist=grense if datert and isinstance(grense, date) else None,
                person=hvem[0] if len(hvem) == 1 else None,
            )
        )
    return ut


def _rad(o: MaltOpphold, fakta: dict[str, Any], varighet: Utfall) -> dict[str, Any]:
    """One stay as data for a case system (JSON-native values only)."""
    grense = fakta["botilbud.grensedato"]
    antall = fakta["botilbud.maneder"]
    b = o.botilbud
    return {
        "botilbud": o.nummer,
        "personer": list(fakta["botilbud.personer"]),
        "type": b.type,
        "fra": b.fra.isoformat(),
        "til": b.til.isoformat() if b.til else None,
        "status": o.status,
        "sammenhengende_fra": o.sammenhengende_fra.isoformat(),
        "lengst_boende": list(o.lengst_boende),
        "dager": fakta["botilbud.dager"],
        "maneder": float(antall) if isinstance(antall, Decimal) else None,
        "grensedato": grense.isoformat() if isinstance(grense, date) else None,
        "over_grensen": varighet is outcome.IKKE_OPPFYLT,
    }
