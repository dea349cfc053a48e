"""What is due in a case on a date (issue 8): follow-up deadlines as data.

``due(sak, on=dato)`` assesses the case on the date and turns its flags (``merknader``) into
dated items, each with the flag's code, the person, the legal reference, the date it became or
becomes due (``forfall``), whether it is overdue and by how many days, and the flag's text. No
second set of rules: whether something is due is decided by the rules that raise the flags;
this module only finds *when*, from the dated facts of the case's timeline.

How ``forfall`` is found, per code:

===================================  =========================================================
``BOTILBUD_OVER_TRE_MANEDER``,       the flag's ``frist``: the last day of the three months,
``BOTILBUD_NAERMER_SEG_TRE_MANEDER`` found from the duration rule itself (``areas/botilbud.py``)
``AKTIVITETSVILKAR_MANGLER``         the case's own ``vurderingsdato``: the condition is set in
                                     the decision that grants support (§ 20 a); with ``on``
                                     later than that, the item is overdue since the decision
``RADGIVNING_UTEN_VEDTAK``           the date the advice was given (``radgivning[].dato``)
``INDIVIDUELL_PLAN_IKKE_TILBUDT``,   the month the applicant became a long-term recipient:
``LANGTIDSMOTTAKER_VURDER_KVP``      the first month of the unbroken run of months, up to the
                                     date, in which the rule ``langtidsmottaker-status`` holds
                                     (asked month by month, so the municipality's definition
                                     decides); not a long-term recipient: ``vurderingsdato``
``KVP_PROGRAM_SLUTTER``              the end of the programme: ``kvp.forlenget_til`` when it
                                     is extended, else ``kvp.program_slutt``
``VILKAR_OPPFOLGING_FORFALT``        ``vilkar[].oppfolgingsdato``, for each condition whose
                                     follow-up date is on or before the date
``VILKAR_FRIST``                     ``vilkar[].frist``, for each condition set (``satt_dato``
                                     on or before the date, or not given) that has a deadline
                                     and no follow-up date on or after it (that follow-up is
                                     the item then): upcoming or passed, like a flag's ``frist``
``KVP_PROGRAM_SLUTTET``              the end of a programme (``kvp.forlenget_til`` when
                                     extended, else ``kvp.program_slutt``) that lies between the
                                     case's own ``vurderingsdato`` and the date: the rules stop
                                     the note «the period ends» after the end (an ended period
                                     seen on a later assessment is history), but a case looked
                                     at past its end still owes the decision on what follows
any other flag with a ``frist``      that date
===================================  =========================================================

A § 27 flag for a stay shared by several names no person; its item names those who have lived
there longest, ids joined by «, ».

A derived date is never before the day the raising rule's version came into force (§ 20 a:
2017-01-01). ``forfalt`` is ``forfall < on``; ``dager_forfalt`` is ``(on - forfall).days``
when overdue, else 0.

Why ``VILKAR_OPPFOLGING_FORFALT`` is computed here and not by a rule: a condition's follow-up
date is in the contract (``vilkar[].oppfolgingsdato``) but not among the facts a rule can read
(the per-condition facts are built in ``areas/vilkar.py``, which does not name it). The item is
therefore made from the case's facts, with the legal reference of the § 20 area's main rule
read from the rulebook. When the fact is added there, a check rule in
``rules/stl-20-vilkar.toml`` can raise it as a flag and this module will read it like the others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from attrs import frozen

from ..api import assess, default_rulebook, les_dato
from ..inndata.facts import Sak
from ..lov.outcome import Utfall
from ..lov.rulebook.book import Regelbok
from ..utdata import fristtekster
from ..utdata.assessment import Assessment
from ..utdata.explain import merknadstekst, personetiketter
from ..vurdering.areas import oppfolging
from ..vurdering.derived import utled
from ..vurdering.engine import Kontekst, Merknad

__all__ = ["Frist", "Post", "due", "frister_for", "poster"]

#: The rule whose answer, month by month, says since when the applicant is a long-term recipient.
LANGTIDSREGEL = "langtidsmottaker-status"
#: The § 20 area's main rule: its reference is the reference of a condition's follow-up.
VILKARSREGEL = "stl-20-vilkarene"
#: The rule that raises KVP_PROGRAM_SLUTTER for an extended programme.
FORLENGELSESREGEL = "kvp-forlengelse-slutt-varsel"
VILKAR_OPPFOLGING = "VILKAR_OPPFOLGING_FORFALT"
VILKAR_FRIST = "VILKAR_FRIST"
KVP_SLUTTET = "KVP_PROGRAM_SLUTTET"
#: The items computed here from the case's facts, not from a flag (no flag has their code).
BEREGNEDE = frozenset({VILKAR_OPPFOLGING, VILKAR_FRIST, KVP_SLUTTET})
#: The rule that raises KVP_PROGRAM_SLUTTER before the end: its reference is the ended one's.
PROGRAMSLUTTREGEL = "kvp-programslutt-varsel"


@frozen
class Frist:
    """One thing due in a case: a flag's code with the date it became or becomes due."""

    kode: str
    person: str | None
    hjemmel: str
    forfall: date
    forfalt: bool
    dager_forfalt: int
    tekst: str
    tekst_en: str
    regel: str | None = None  # the rule that raised the flag (None for a computed item)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the fields in the contract's style (dates as ISO text)."""
        ut: dict[str, Any] = {
            "kode": self.kode,
            "person": self.person,
            "hjemmel": self.hjemmel,
            "forfall": self.forfall.isoformat(),
            "forfalt": self.forfalt,
            "dager_forfalt": self.dager_forfalt,
            "tekst": self.tekst,
            "tekst_en": self.tekst_en,
        }
        if self.regel:
            ut["regel"] = self.regel
        return ut


@frozen
class Post:
    """A due item before its texts are rendered (the caseload report shows no texts)."""

    kode: str
    person: str | None
    hjemmel: str
    forfall: date
    regel: str | None
    tekster: Callable[[str], str]  # language → text, rendered only when asked

    def frist(self, on: date) -> Frist:
        dager = (on - self.forfall).days
        return Frist(
            kode=self.kode,
            person=self.person,
            hjemmel=self.hjemmel,
            forfall=self.forfall,
            forfalt=dager > 0,
            dager_forfalt=max(dager, 0),
            tekst=self.tekster("nb"),
            tekst_en=self.tekster("en"),
            regel=self.regel,
        )


def due(
    case: Mapping[str, Any] | str | bytes | Sak | Assessment,
    on: date | str | None = None,
    *,
    regler: Regelbok | None = None,
) -> list[Frist]:
    """What is due or overdue in ``case`` on ``on`` (default: the case's ``vurderingsdato``).

    ``case``: as for ``assess`` (dict, JSON text, ``Sak``), or an ``Assessment`` (used as it is
    when ``on`` is its date or None). Items are sorted by ``forfall``, then code. Raises
    ``UgyldigSak`` for a rejected case, as ``assess`` does.

    >>> [f.kode for f in due(sak, on="2024-06-01") if f.forfalt]   # doctest: +SKIP
    ['AKTIVITETSVILKAR_MANGLER', 'BOTILBUD_OVER_TRE_MANEDER']
    """
    on_dato = les_dato(on)
    if isinstance(case, Assessment) and on_dato in (None, case.vurderingsdato):
        vurdering = case
    else:
        if isinstance(case, Assessment):
            if case.sak is None:
                raise ValueError(
                    "en vurdering gjenskapt fra et vedtaksgrunnlag kan ikke vurderes på en "
                    "annen dato; send saken"
                )
            case = case.sak
        vurdering = assess(case, on_dato, regler=regler, keep_trace=True)
    return frister_for(vurdering, regler=regler)


def frister_for(vurdering: Assessment, *, regler: Regelbok | None = None) -> list[Frist]:
    """The due items of an assessment, on its own date (``vurdering.vurderingsdato``)."""
    return [p.frist(vurdering.vurderingsdato) for p in poster(vurdering, regler=regler)]


def poster(vurdering: Assessment, *, regler: Regelbok | None = None) -> list[Post]:
    """The due items of an assessment with their texts left unrendered."""
    bok = regler or default_rulebook()
    on = vurdering.vurderingsdato
    sak = vurdering.sak
    saksdato = (sak.vurderingsdato if sak else None) or on
    soker = sak.soker.id if sak else None
    langtid = _Langtid(sak, on, bok)
    ut: list[Post] = []  # one item per flag: two stays or two advice records are two items
    for m in vurdering.merknader:
        hent = FORFALL.get(m.kode)
        if hent is None and m.frist is None:
            continue  # a flag without a date is not a deadline
        if hent is None:
            forfall, person = m.frist, m.person
        else:
            forfall, person = hent(m, sak, saksdato, langtid)
            if m.frist is None and m.regel is not None:
                forfall = max(forfall, m.regel.gyldig_fra)
        assert forfall is not None
        if person is None and m.kode in SOKERENS:
            person = soker
        elif person is None and m.kode in BOTILBUDSKODER:
            person = _botilbudets_personer(vurdering, m.frist)
        regel = m.regel.id if m.regel else None
        ut.append(Post(m.kode, person, _hjemmel(m), forfall, regel, _merknadstekst(m, vurdering)))
    if sak is not None:
        ut.extend(_vilkar_oppfolging(sak, on, bok))
        ut.extend(_vilkar_frister(sak, on, bok))
        if not any(p.kode == "KVP_PROGRAM_SLUTTER" for p in ut):
            ut.extend(_kvp_sluttet(sak, saksdato, on, bok))
    return sorted(ut, key=lambda p: (p.forfall, p.kode, p.person or ""))


# --- forfall per code ---------------------------------------------------------------------------

Henter = Callable[[Merknad, Sak | None, date, "_Langtid"], tuple[date, str | None]]


def _fra_frist(m: Merknad, sak: Sak | None, saksdato: date, _: _Langtid) -> tuple[date, Any]:
    return (m.frist or saksdato), m.person


def _saksdato(m: Merknad, sak: Sak | None, saksdato: date, _: _Langtid) -> tuple[date, Any]:
    return saksdato, m.person


def _radgivning(m: Merknad, sak: Sak | None, saksdato: date, _: _Langtid) -> tuple[date, Any]:
    fakta = m.node.fakta if m.node is not None else {}
    dato = fakta.get("radgivning.dato")
    person = fakta.get("radgivning.person")
    return (
        dato if isinstance(dato, date) else saksdato,
        m.person or (person if isinstance(person, str) else None),
    )


def _langtidsstart(m: Merknad, sak: Sak | None, saksdato: date, lt: _Langtid) -> tuple[date, Any]:
    return lt.start() or saksdato, m.person


def _kvp_slutt(m: Merknad, sak: Sak | None, saksdato: date, _: _Langtid) -> tuple[date, Any]:
    kvp = sak.kvp if sak else None
    if kvp is None:
        return saksdato, m.person
    slutt = kvp.forlenget_til if m.regel and m.regel.id == FORLENGELSESREGEL else None
    return slutt or kvp.program_slutt or kvp.forlenget_til or saksdato, m.person or kvp.person


FORFALL: Mapping[str, Henter] = {
    "BOTILBUD_OVER_TRE_MANEDER": _fra_frist,
    "BOTILBUD_NAERMER_SEG_TRE_MANEDER": _fra_frist,
    "AKTIVITETSVILKAR_MANGLER": _saksdato,
    "RADGIVNING_UTEN_VEDTAK": _radgivning,
    "INDIVIDUELL_PLAN_IKKE_TILBUDT": _langtidsstart,
    "LANGTIDSMOTTAKER_VURDER_KVP": _langtidsstart,
    "KVP_PROGRAM_SLUTTER": _kvp_slutt,
}
#: Flags about the applicant (the rules raise them without naming a person).
SOKERENS = frozenset(
    {"AKTIVITETSVILKAR_MANGLER", "INDIVIDUELL_PLAN_IKKE_TILBUDT", "LANGTIDSMOTTAKER_VURDER_KVP"}
)


#: § 27 flags: one per stay; a stay shared by several gives a flag that names no one.
BOTILBUDSKODER = frozenset({"BOTILBUD_OVER_TRE_MANEDER", "BOTILBUD_NAERMER_SEG_TRE_MANEDER"})


def _botilbudets_personer(vurdering: Assessment, frist: date | None) -> str | None:
    """Whom a § 27 flag without a person concerns: those who have lived longest in the stays
    whose three months end on the flag's date (the area's ``opphold`` rows), ids joined by
    «, » — so a team leader sees who, not «–»."""
    vedtak = vurdering.vedtak.get("midlertidig_botilbud")
    if vedtak is None or frist is None:
        return None
    hvem = [
        p
        for rad in vedtak.utdata.get("opphold", ())
        if rad.get("grensedato") == frist.isoformat()
        for p in rad.get("lengst_boende") or rad.get("personer") or ()
    ]
    return ", ".join(dict.fromkeys(hvem)) or None


class _Langtid:
    """Since when the applicant is a long-term recipient, asked of the rule once per case."""

    def __init__(self, sak: Sak | None, on: date, bok: Regelbok) -> None:
        self.sak, self.on, self.bok = sak, on, bok
        self._svar: date | None = None
        self._funnet = False

    def start(self) -> date | None:
        if not self._funnet:
            self._svar, self._funnet = self._finn(), True
        return self._svar

    def _status(self, dag: date) -> bool:
        assert self.sak is not None
        ktx = Kontekst(self.bok, dag, _Fakta(self.sak, dag))
        return ktx.evaluer_regel(LANGTIDSREGEL).utfall is Utfall.OPPFYLT

    def _finn(self) -> date | None:
        """The first day of the earliest month from which the status holds up to ``on``.

        Month by month backwards from ``on``'s month while the rule holds; the status can only
        change at a month's start (both definitions count calendar months). At most as many
        steps as there are months from the first month with support.
        """
        sak = self.sak
        if sak is None or not sak.maneder_med_stonad or LANGTIDSREGEL not in self.bok.regler:
            return None
        if not self._status(self.on):
            return None
        forste = min(sak.maneder_med_stonad)
        maned = self.on.replace(day=1)
        while maned > forste:
            forrige = (maned - timedelta(days=1)).replace(day=1)
            if not self._status(forrige):
                break
            maned = forrige
        return maned


class _Fakta(dict[str, Any]):
    """The facts on a day for the long-term rule: the follow-up area's facts (months with
    support, the definition), and every other derived fact only if the rule asks for one."""

    def __init__(self, sak: Sak, dag: date) -> None:
        super().__init__(oppfolging.utled(sak, dag))
        self["vurderingsdato"] = dag
        self._sak, self._dag, self._alle = sak, dag, False

    def __missing__(self, navn: str) -> Any:
        if self._alle:
            raise KeyError(navn)
        self._alle = True
        for k, v in utled(self._sak, self._dag).items():
            self.setdefault(k, v)
        return self[navn]

    def get(self, navn: str, standard: Any = None) -> Any:
        try:
            return self[navn]
        except KeyError:
            return standard


# --- a condition's follow-up date (computed: see the module's docstring) ------------------------


def _vilkar_oppfolging(sak: Sak, on: date, bok: Regelbok) -> list[Post]:
    ut = []
    hjemmel = _vilkarshjemmel(on, bok)
    for v in sak.vilkar or ():
        if v.oppfolgingsdato is None or v.oppfolgingsdato > on:
            continue
        if v.satt_dato is not None and v.satt_dato > on:
            continue  # not yet set on the date

        def tekster(sprak: str, v: Any = v) -> str:
            return fristtekster.tekst(
                "vilkar_oppfolging",
                sprak,
                id=v.id,
                type=v.type,
                hva=_beskrivelse(v),
                dato=fristtekster.dato(v.oppfolgingsdato, sprak),
            )

        ut.append(Post(VILKAR_OPPFOLGING, v.person, hjemmel, v.oppfolgingsdato, None, tekster))
    return ut


def _vilkarshjemmel(on: date, bok: Regelbok) -> str:
    regel = bok.regel(VILKARSREGEL, on)
    return (
        "; ".join(h.tekst("nb") for h in regel.info.hjemmel)
        if regel
        else "sosialtjenesteloven § 20"
    )


def _vilkar_frister(sak: Sak, on: date, bok: Regelbok) -> list[Post]:
    """A condition's deadline (``vilkar[].frist``) as an item, upcoming or passed."""
    ut = []
    hjemmel = _vilkarshjemmel(on, bok)
    for v in sak.vilkar or ():
        if v.frist is None or (v.satt_dato is not None and v.satt_dato > on):
            continue
        if v.oppfolgingsdato is not None and v.oppfolgingsdato >= v.frist:
            continue  # the follow-up, set for after the deadline, checks it (its own item)

        def tekster(sprak: str, v: Any = v) -> str:
            return fristtekster.tekst(
                "vilkar_frist",
                sprak,
                id=v.id,
                type=v.type,
                hva=_beskrivelse(v),
                dato=fristtekster.dato(v.frist, sprak),
            )

        ut.append(Post(VILKAR_FRIST, v.person, hjemmel, v.frist, None, tekster))
    return ut


def _kvp_sluttet(sak: Sak, saksdato: date, on: date, bok: Regelbok) -> list[Post]:
    """A programme that ended after the case's own date and before ``on`` (module docstring)."""
    kvp = sak.kvp
    if kvp is None:
        return []
    slutt = kvp.forlenget_til or kvp.program_slutt
    if slutt is None or not saksdato <= slutt < on:
        return []
    regel = bok.regel(FORLENGELSESREGEL if kvp.forlenget_til else PROGRAMSLUTTREGEL, on)
    hjemmel = "; ".join(h.tekst("nb") for h in regel.info.hjemmel) if regel else ""

    def tekster(sprak: str) -> str:
        return fristtekster.tekst("kvp_sluttet", sprak, dato=fristtekster.dato(slutt, sprak))

    return [Post(KVP_SLUTTET, kvp.person, hjemmel, slutt, regel.id if regel else None, tekster)]


# --- texts ---------------------------------------------------------------------------------------


def _beskrivelse(v: Any) -> str:
    """A condition's own description, quoted after its id (empty when it has none)."""
    return f" («{v.beskrivelse.strip()}»)" if v.beskrivelse and v.beskrivelse.strip() else ""


def _hjemmel(m: Merknad) -> str:
    if m.regel:
        return "; ".join(h.tekst("nb") for h in m.regel.hjemmel)
    if m.hjemmeltekst:
        return m.hjemmeltekst.get("nb", "")
    return ""


def _merknadstekst(m: Merknad, vurdering: Assessment) -> Callable[[str], str]:
    def tekst(sprak: str) -> str:  # each person by who they are («søkeren»), not by id
        return merknadstekst(m, sprak, personetiketter(vurdering, sprak))

    return tekst
