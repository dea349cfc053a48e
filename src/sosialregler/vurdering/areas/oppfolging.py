"""Follow-up over time: long-term recipient status and the facts of § 28 (individual plan).

Long-term status has no statutory definition; offices use one of two (law notes § 13), chosen
with ``kommune.langtidsdefinisjon``. Both are read as a person's status **on the assessment
date**, from a window that ends there, so old history never counts (issue 14 point 9):

* ``kostra`` (SSB): support in 6 months or more. KOSTRA counts a calendar year for its
  statistic; applied to a person on a date that would make nobody long-term before June and
  forget December on 1 January. Here: the 12 calendar months ending with the assessment month
  (months after it have not happened).
* ``nav`` (NAV's analysis): support **12 months or more in a row**. Here: the run of
  consecutive calendar months with support that is still going on: it ends in the assessment
  month or the month before (the current month's payment may not be made yet). A run that
  ended earlier is history, not status: it counts 0, and the latest month is shown.

This module only counts months; the thresholds (6, 12) and which definition applies are in
``rules/langtidsmottaker.toml``. Months are given as the first day of each month with paid
support (``maneder_med_stonad``); the contract rejects other days and repeated months.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...inndata.facts import Sak
from ...inndata.ukjent import Ukjent
from ..faktainfo import FaktaInfo


def _f(navn: str, type: str, nb: str, en: str) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en)


FAKTA = [
    _f(
        "langtid.maneder_oppgitt",
        "sannhetsverdi",
        "saken oppgir månedene med utbetalt stønad",
        "the case gives the months with paid support",
    ),
    _f(
        "langtid.definisjon",
        "tekst",
        "definisjonen av langtidsmottaker kommunen bruker",
        "the definition of a long-term recipient the municipality uses",
    ),
    _f(
        "langtid.vindu_fra",
        "dato",
        "første måned i vinduet på 12 måneder som telles",
        "the first month of the 12-month window counted",
    ),
    _f(
        "langtid.maneder_siste_12",
        "tall",
        "måneder med stønad i de 12 månedene til og med vurderingsmåneden",
        "months with support in the 12 months up to and including the assessment month",
    ),
    _f(
        "langtid.maneder_pa_rad",
        "tall",
        "måneder med stønad på rad som fortsatt pågår (til og med vurderingsmåneden eller "
        "måneden før)",
        "consecutive months with support still going on (up to the assessment month or the "
        "month before)",
    ),
    _f(
        "langtid.siste_maned",
        "dato",
        "siste måned med stønad (til og med vurderingsmåneden)",
        "the latest month with support (up to the assessment month)",
    ),
    _f(
        "oppfolging.kvp_i_saken",
        "sannhetsverdi",
        "saken har opplysninger om kvalifiseringsprogram",
        "the case has facts about the qualification programme",
    ),
    _f(
        "individuell_plan.oppgitt",
        "sannhetsverdi",
        "saken har opplysninger om individuell plan",
        "the case has facts about an individual plan",
    ),
    _f(
        "individuell_plan.behov_for_langvarige_koordinerte_tjenester",
        "sannhetsverdi",
        "saksbehandler har vurdert at søkeren trenger langvarige og koordinerte tjenester",
        "the caseworker has assessed that the applicant needs long-term, coordinated services",
    ),
    _f(
        "individuell_plan.behov_vurdert",
        "sannhetsverdi",
        "saksbehandler har registrert om søkeren trenger langvarige og koordinerte tjenester",
        "the caseworker has recorded whether the applicant needs long-term, coordinated services",
    ),
    _f(
        "individuell_plan.tjenester",
        "liste",
        "tjenestene søkeren mottar",
        "the services the applicant receives",
    ),
    _f(
        "individuell_plan.antall_tjenester",
        "tall",
        "antall tjenester søkeren mottar",
        "number of services the applicant receives",
    ),
    _f(
        "individuell_plan.tilbudt",
        "sannhetsverdi",
        "søkeren er tilbudt individuell plan",
        "the applicant has been offered an individual plan",
    ),
    _f(
        "individuell_plan.onsker_ikke_plan",
        "sannhetsverdi",
        "søkeren har sagt at hun eller han ikke ønsker individuell plan",
        "the applicant has said they do not want an individual plan",
    ),
    _f(
        "individuell_plan.har_plan_fra_annen_instans",
        "sannhetsverdi",
        "søkeren har allerede en individuell plan fra en annen instans",
        "the applicant already has an individual plan from another body",
    ),
]


def _manedsnummer(dag: date) -> int:
    """Months counted from year 0, so consecutive calendar months differ by exactly one."""
    return dag.year * 12 + dag.month - 1


#: The KOSTRA window: this many calendar months, ending with the assessment month.
VINDU_MANEDER = 12


def _fra_nummer(nummer: int) -> date:
    return date(nummer // 12, nummer % 12 + 1, 1)


def vindu_fra(dato: date) -> date:
    """The first month of the window of ``VINDU_MANEDER`` months ending with ``dato``'s month."""
    return _fra_nummer(_manedsnummer(dato) - VINDU_MANEDER + 1)


def maneder_i_vinduet(maneder: tuple[date, ...], dato: date) -> int:
    """KOSTRA on a date: months with support in the window ending with ``dato``'s month."""
    slutt = _manedsnummer(dato)
    start = slutt - VINDU_MANEDER + 1
    return len({n for n in map(_manedsnummer, maneder) if start <= n <= slutt})


def siste_rekke(maneder: tuple[date, ...], dato: date) -> tuple[int, date | None]:
    """NAV on a date: the run of consecutive months still going on at ``dato``.

    Still going on: it ends in ``dato``'s month or the month before. Returns its length (0 when
    the latest run ended earlier: history, not status) and the latest month with support up to
    ``dato``'s month (None when there is none).
    """
    grense = _manedsnummer(dato)
    nummer = sorted({_manedsnummer(m) for m in maneder if _manedsnummer(m) <= grense})
    if not nummer:
        return 0, None
    siste = nummer[-1]
    if siste < grense - 1:
        return 0, _fra_nummer(siste)
    lengde = 1
    while lengde < len(nummer) and nummer[-1 - lengde] == siste - lengde:
        lengde += 1
    return lengde, _fra_nummer(siste)


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    fakta = _langtid(sak, dato)
    fakta.update(_UTEN_PLAN if sak.individuell_plan is None else _individuell_plan(sak))
    return fakta


_UKJENT_DEFINISJON = Ukjent(("kommune.langtidsdefinisjon",))
_UKJENT_MANEDER = Ukjent(("maneder_med_stonad",))
_INGEN_MANED = Ukjent(())
#: The plan's fields read as they are, and the unknown each is without it (made once).
_PLANFELT = {
    navn: Ukjent((f"individuell_plan.{navn}",))
    for navn in (
        "behov_for_langvarige_koordinerte_tjenester",
        "tjenester",
        "tilbudt",
        "har_plan_fra_annen_instans",
    )
}


#: A case without plan facts (the facts below with ``plan`` None, made once; never handed out
#: itself, only copied).
_UTEN_PLAN: dict[str, Any] = {
    "individuell_plan.oppgitt": False,
    "individuell_plan.behov_for_langvarige_koordinerte_tjenester": _PLANFELT[
        "behov_for_langvarige_koordinerte_tjenester"
    ],
    "individuell_plan.behov_vurdert": False,
    "individuell_plan.tjenester": _PLANFELT["tjenester"],
    "individuell_plan.antall_tjenester": _PLANFELT["tjenester"],
    "individuell_plan.tilbudt": _PLANFELT["tilbudt"],
    "individuell_plan.onsker_ikke_plan": False,
    "individuell_plan.har_plan_fra_annen_instans": _PLANFELT["har_plan_fra_annen_instans"],
}


def _langtid(sak: Sak, dato: date) -> dict[str, Any]:
    definisjon = sak.kommune.langtidsdefinisjon if sak.kommune else None
    fakta: dict[str, Any] = {
        "langtid.maneder_oppgitt": sak.maneder_med_stonad is not None,
        "langtid.definisjon": definisjon or _UKJENT_DEFINISJON,
        "langtid.vindu_fra": vindu_fra(dato),
        "oppfolging.kvp_i_saken": sak.kvp is not None,
    }
    if sak.maneder_med_stonad is None:
        ukjent = _UKJENT_MANEDER
        fakta.update(
            {
                "langtid.maneder_siste_12": ukjent,
                "langtid.maneder_pa_rad": ukjent,
                "langtid.siste_maned": ukjent,
            }
        )
        return fakta
    lengde, siste = siste_rekke(sak.maneder_med_stonad, dato)
    fakta.update(
        {
            "langtid.maneder_siste_12": maneder_i_vinduet(sak.maneder_med_stonad, dato),
            "langtid.maneder_pa_rad": lengde,
            # No month with support yet: nothing to name (shown as unknown, never as a date).
            "langtid.siste_maned": siste or _INGEN_MANED,
        }
    )
    return fakta


def _individuell_plan(sak: Sak) -> dict[str, Any]:
    plan = sak.individuell_plan
    if plan is None:
        return _UTEN_PLAN.copy()

    def felt(navn: str) -> Any:
        verdi = getattr(plan, navn) if plan else None
        return _PLANFELT[navn] if verdi is None else verdi

    tjenester = felt("tjenester")
    return {
        "individuell_plan.oppgitt": plan is not None,
        "individuell_plan.behov_for_langvarige_koordinerte_tjenester": felt(
            "behov_for_langvarige_koordinerte_tjenester"
        ),
        "individuell_plan.behov_vurdert": plan is not None
        and plan.behov_for_langvarige_koordinerte_tjenester is not None,
        "individuell_plan.tjenester": tjenester,
        "individuell_plan.antall_tjenester": tjenester
        if isinstance(tjenester, Ukjent)
        else len(set(tjenester)),
        "individuell_plan.tilbudt": felt("tilbudt"),
        "individuell_plan.onsker_ikke_plan": plan is not None and plan.onsker_plan is False,
        "individuell_plan.har_plan_fra_annen_instans": felt("har_plan_fra_annen_instans"),
    }
