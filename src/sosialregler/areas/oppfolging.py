"""Follow-up over time: long-term recipient status and the facts of § 28 (individual plan).

Long-term status has no statutory definition; offices use one of two (law notes § 13), chosen
with ``kommune.langtidsdefinisjon``:

* ``kostra`` (SSB): support in 6 months or more **in the calendar year**. Here: the calendar
  year of the assessment date, counting the months of that year up to and including the
  assessment month (months not yet reached have not happened).
* ``nav`` (NAV's analysis): support **12 months or more in a row**. Here: the latest run of
  consecutive calendar months with support that ends in or before the assessment month; the
  run may cross year ends, and one month without support breaks it.

This module only counts months; the thresholds (6, 12) and which definition applies are in
``rules/langtidsmottaker.toml``. Months are given as the first day of each month with paid
support (``maneder_med_stonad``); the contract rejects other days and repeated months.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..derived import Ukjent
from ..facts import Sak
from ..katalog import FaktaInfo


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
    _f("langtid.kalenderar", "tall", "kalenderåret som telles", "the calendar year counted"),
    _f(
        "langtid.maneder_i_kalenderaret",
        "tall",
        "måneder med stønad i kalenderåret til og med vurderingsmåneden",
        "months with support in the calendar year up to the assessment month",
    ),
    _f(
        "langtid.maneder_pa_rad",
        "tall",
        "måneder med stønad på rad, fram til og med siste måned med stønad",
        "consecutive months with support, up to the latest month with support",
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


def maneder_i_aret(maneder: tuple[date, ...], dato: date) -> int:
    """KOSTRA: months with support in ``dato``'s calendar year, up to ``dato``'s month."""
    return len({m.month for m in maneder if m.year == dato.year and m.month <= dato.month})


def siste_rekke(maneder: tuple[date, ...], dato: date) -> tuple[int, date | None]:
    """NAV: the latest run of consecutive months ending in or before ``dato``'s month.

    Returns its length and its last month (0 and None when no month is in or before it).
    """
    grense = _manedsnummer(dato)
    nummer = sorted({_manedsnummer(m) for m in maneder if _manedsnummer(m) <= grense})
    if not nummer:
        return 0, None
    lengde = 1
    while lengde < len(nummer) and nummer[-1 - lengde] == nummer[-1] - lengde:
        lengde += 1
    siste = nummer[-1]
    return lengde, date(siste // 12, siste % 12 + 1, 1)


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
        "langtid.kalenderar": dato.year,
        "oppfolging.kvp_i_saken": sak.kvp is not None,
    }
    if sak.maneder_med_stonad is None:
        ukjent = _UKJENT_MANEDER
        fakta.update(
            {
                "langtid.maneder_i_kalenderaret": ukjent,
                "langtid.maneder_pa_rad": ukjent,
                "langtid.siste_maned": ukjent,
            }
        )
        return fakta
    lengde, siste = siste_rekke(sak.maneder_med_stonad, dato)
    fakta.update(
        {
            "langtid.maneder_i_kalenderaret": maneder_i_aret(sak.maneder_med_stonad, dato),
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
