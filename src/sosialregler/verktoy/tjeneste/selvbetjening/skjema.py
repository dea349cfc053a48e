"""The estimate form: what a person typed, checked field by field, and the case it becomes.

A pure function of the submitted fields (``les_skjema``) gives either a ``Skjema`` or every
problem with the field it belongs to (``Feltfeil``), so the page can show the form again with
each error beside its field. ``til_sak`` writes the case in the contract of case-format.md, so
the estimate is the library's own amount for that case (the same as ``sosialregler vurder``).

Choices made for a person who is not a caseworker, and said on the page: amounts are whole
kroner per month after tax; an empty amount is 0 (the form asks about every kind of income,
so an unanswered one is none); ages are whole years on the day of the estimate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from attrs import frozen

#: Who the person lives with: the form's choices.
HUSSTANDER = ("alene", "bofellesskap", "ektefelle", "samboer")

#: Monthly income of the person (the applicant), by the contract's income type.
INNTEKT_SOKER = (
    "arbeidsinntekt",
    "aap",
    "dagpenger",
    "sykepenger",
    "uforetrygd",
    "pensjon",
    "annen",
)
#: Monthly income of the spouse or cohabitant: work, and benefits and other income together.
INNTEKT_PARTNER = ("arbeidsinntekt", "annen")
#: Benefits paid to the household (recorded on the applicant).
INNTEKT_HUSSTAND = ("barnetrygd", "kontantstotte", "barnebidrag", "bostotte")
#: Monthly housing costs, by the contract's type.
BOUTGIFTER = ("husleie", "strom", "boliglan_renter")

#: Every amount field of the form: its name, and where it goes in the case.
BELOPSFELT: tuple[str, ...] = (
    *(f"inntekt_{t}" for t in INNTEKT_SOKER),
    *(f"partner_{t}" for t in INNTEKT_PARTNER),
    *(f"husstand_{t}" for t in INNTEKT_HUSSTAND),
    "sparepenger",
    *(f"bo_{t}" for t in BOUTGIFTER),
)

#: The ids the case gives the applicant and the spouse or cohabitant (``til_sak``).
SOKER_ID, PARTNER_ID = "p1", "p2"

#: Limits of the form (plausibility, not law): what a household can have typed by mistake.
MAKS_BELOP = 10_000_000
MIN_VOKSEN, MAKS_ALDER = 18, 120
MAKS_BARNEALDER = 17
MAKS_BARN = 20

_HELT_TALL = re.compile(r"\d{1,12}")
_MELLOMROM = re.compile(r"[\s\u00a0\u202f]")  # «12 500», as people write thousands
_TUSENPUNKTUM = re.compile(r"\d{1,3}(\.\d{3})+")  # «12.500»; «12.5» is no whole amount


@frozen
class Feltfeil:
    """A problem with one field: the field's name, the kind of problem, its details.

    The page words it in the chosen language (``tekster.feilmelding``); ``verdi`` is what was
    typed, shown back when it helps.
    """

    felt: str
    kode: str
    verdi: str = ""


@frozen
class Skjema:
    """A valid form: the household and its money, as the person gave them."""

    husstand: str
    alder: int
    partner_alder: int | None = None
    felles_okonomi: bool | None = None  # cohabitants only
    barn: tuple[int, ...] = ()
    belop: Mapping[str, int] = {}

    @property
    def har_partner(self) -> bool:
        return self.husstand in ("ektefelle", "samboer")


def _belop(navn: str, tekst: str, feil: list[Feltfeil]) -> int:
    vask = _MELLOMROM.sub("", tekst.strip()).removesuffix("kr").removesuffix(",-").strip()
    vask = re.sub(r"[.,]0{1,2}$", "", vask)  # «12 500,00»: whole kroner written with øre
    if _TUSENPUNKTUM.fullmatch(vask):
        vask = vask.replace(".", "")
    if not vask:
        return 0
    if vask.startswith(("-", "−")):
        feil.append(Feltfeil(navn, "belop_negativ", tekst.strip()))
        return 0
    if not _HELT_TALL.fullmatch(vask):
        feil.append(Feltfeil(navn, "belop_ugyldig", tekst.strip()))
        return 0
    verdi = int(vask)
    if verdi > MAKS_BELOP:
        feil.append(Feltfeil(navn, "belop_for_stort", tekst.strip()))
        return 0
    return verdi


def _alder(navn: str, tekst: str, feil: list[Feltfeil]) -> int | None:
    tekst = tekst.strip()
    if not tekst:
        feil.append(Feltfeil(navn, "alder_mangler"))
        return None
    if not re.fullmatch(r"\d{1,3}", tekst):
        feil.append(Feltfeil(navn, "alder_ugyldig", tekst))
        return None
    verdi = int(tekst)
    if not MIN_VOKSEN <= verdi <= MAKS_ALDER:
        feil.append(Feltfeil(navn, "alder_utenfor", tekst))
        return None
    return verdi


def _barn(tekst: str, feil: list[Feltfeil]) -> tuple[int, ...]:
    deler = [d.strip() for d in re.split(r"[,;\s]+", tekst.strip()) if d.strip()]
    if len(deler) > MAKS_BARN:
        feil.append(Feltfeil("barn_alder", "for_mange_barn", str(len(deler))))
        return ()
    aldre = []
    for d in deler:
        if not re.fullmatch(r"\d{1,3}", d):
            feil.append(Feltfeil("barn_alder", "barn_ugyldig", d))
            return ()
        if int(d) > MAKS_BARNEALDER:
            feil.append(Feltfeil("barn_alder", "barn_utenfor", d))
            return ()
        aldre.append(int(d))
    return tuple(aldre)


def les_skjema(felter: Mapping[str, str]) -> Skjema | list[Feltfeil]:
    """The submitted fields checked: a ``Skjema``, or every problem in the form's order."""
    feil: list[Feltfeil] = []
    husstand = felter.get("husstand", "")
    if husstand not in HUSSTANDER:
        feil.append(Feltfeil("husstand", "husstand_mangler"))
    felles: bool | None = None
    if husstand == "samboer":
        svar = felter.get("felles_okonomi", "")
        if svar not in ("ja", "nei"):
            feil.append(Feltfeil("felles_okonomi", "felles_okonomi_mangler"))
        felles = svar == "ja"
    alder = _alder("alder", felter.get("alder", ""), feil)
    partner_alder = None
    if husstand in ("ektefelle", "samboer"):
        partner_alder = _alder("partner_alder", felter.get("partner_alder", ""), feil)
    barn = _barn(felter.get("barn_alder", ""), feil)
    belop = {navn: _belop(navn, felter.get(navn, ""), feil) for navn in BELOPSFELT}
    if husstand in ("alene", "bofellesskap"):
        for t in INNTEKT_PARTNER:
            if belop[f"partner_{t}"]:
                feil.append(Feltfeil(f"partner_{t}", "partner_uten_partner"))
    if feil or alder is None:
        return feil
    return Skjema(
        husstand=husstand,
        alder=alder,
        partner_alder=partner_alder,
        felles_okonomi=felles,
        barn=barn,
        belop=belop,
    )


def fodselsdato(alder: int, dato: date) -> date:
    """A date of birth that gives ``alder`` on ``dato`` (a birthday on 29 February: the 28th)."""
    try:
        return dato.replace(year=dato.year - alder)
    except ValueError:
        return dato.replace(year=dato.year - alder, day=28)


def til_sak(skjema: Skjema, dato: date) -> dict[str, Any]:
    """The case in the contract (case-format.md): the household, its income, costs and savings.

    Every list is given (an empty one means none), as the person answered every question;
    nothing about residence or rights is claimed, since the form does not ask.
    """
    personer: list[dict[str, Any]] = [
        {
            "id": SOKER_ID,
            "rolle": "soker",
            "fodselsdato": fodselsdato(skjema.alder, dato).isoformat(),
        }
    ]
    if skjema.har_partner and skjema.partner_alder is not None:
        partner: dict[str, Any] = {
            "id": PARTNER_ID,
            "rolle": skjema.husstand,
            "fodselsdato": fodselsdato(skjema.partner_alder, dato).isoformat(),
        }
        if skjema.husstand == "samboer":
            partner["felles_okonomi"] = bool(skjema.felles_okonomi)
        personer.append(partner)
    for i, alder in enumerate(skjema.barn, start=1):
        personer.append(
            {"id": f"b{i}", "rolle": "barn", "fodselsdato": fodselsdato(alder, dato).isoformat()}
        )
    inntekter: list[dict[str, Any]] = []

    def inntekt(person: str, type_: str, felt: str) -> None:
        if skjema.belop.get(felt):
            inntekter.append(
                {"person": person, "type": type_, "belop_per_maned": skjema.belop[felt]}
            )

    for t in INNTEKT_SOKER:
        inntekt(SOKER_ID, t, f"inntekt_{t}")
    if skjema.har_partner:
        for t in INNTEKT_PARTNER:
            inntekt(PARTNER_ID, t, f"partner_{t}")
    for t in INNTEKT_HUSSTAND:
        inntekt(SOKER_ID, t, f"husstand_{t}")
    sparepenger = skjema.belop.get("sparepenger", 0)
    return {
        "vurderingsdato": dato.isoformat(),
        "personer": personer,
        "bofellesskap": skjema.husstand == "bofellesskap",
        "inntekter": inntekter,
        "formue": [{"type": "bankinnskudd", "belop": sparepenger}] if sparepenger else [],
        "boutgifter": [
            {"type": t, "belop_per_maned": skjema.belop[f"bo_{t}"]}
            for t in BOUTGIFTER
            if skjema.belop.get(f"bo_{t}")
        ],
    }
