"""The texts of ``frister`` in one place: bokmål, nynorsk and English side by side.

The items computed from the case's facts (a condition's follow-up and deadline, a programme
that has ended) and the lines ``sosialregler frister`` prints. The flags' own texts come from
the rule files. A count of days is written in its grammatical number in every language
(«om 1 dag», «om 2 dager»; «1 dag», «2 dagar»; «1 day», «2 days»): ``dager``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from ..lov.sprak import SPRAK
from .explain import formater

if TYPE_CHECKING:
    from ..verktoy.frister import Post


#: Each kind of item by a short name (the flags' own texts are long and per case), for the
#: terminal and the follow-up report: a person reads these, never the code.
NAVN: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "BOTILBUD_OVER_TRE_MANEDER": "Midlertidig botilbud over tre måneder (§ 27)",
        "BOTILBUD_NAERMER_SEG_TRE_MANEDER": "Midlertidig botilbud snart tre måneder (§ 27)",
        "AKTIVITETSVILKAR_MANGLER": "Under 30 uten vilkår om aktivitet (§ 20 a)",
        "RADGIVNING_UTEN_VEDTAK": "Råd og veiledning uten vedtak (§ 17)",
        "INDIVIDUELL_PLAN_IKKE_TILBUDT": "Individuell plan ikke tilbudt (§ 28)",
        "LANGTIDSMOTTAKER_VURDER_KVP": "Langtidsmottaker – vurder KVP (§ 29)",
        "KVP_PROGRAM_SLUTTER": "Kvalifiseringsprogram slutter (§ 29)",
        "VILKAR_OPPFOLGING_FORFALT": "Oppfølging av vilkår (§ 20)",
        "VILKAR_FRIST": "Frist i vilkår (§ 20)",
        "KVP_PROGRAM_SLUTTET": "Kvalifiseringsprogram har sluttet (§ 29)",
    },
    "nn": {
        "BOTILBUD_OVER_TRE_MANEDER": "Mellombels butilbod over tre månader (§ 27)",
        "BOTILBUD_NAERMER_SEG_TRE_MANEDER": "Mellombels butilbod snart tre månader (§ 27)",
        "AKTIVITETSVILKAR_MANGLER": "Under 30 utan vilkår om aktivitet (§ 20 a)",
        "RADGIVNING_UTEN_VEDTAK": "Råd og rettleiing utan vedtak (§ 17)",
        "INDIVIDUELL_PLAN_IKKE_TILBUDT": "Individuell plan ikkje tilboden (§ 28)",
        "LANGTIDSMOTTAKER_VURDER_KVP": "Langtidsmottakar – vurder KVP (§ 29)",
        "KVP_PROGRAM_SLUTTER": "Kvalifiseringsprogram sluttar (§ 29)",
        "VILKAR_OPPFOLGING_FORFALT": "Oppfølging av vilkår (§ 20)",
        "VILKAR_FRIST": "Frist i vilkår (§ 20)",
        "KVP_PROGRAM_SLUTTET": "Kvalifiseringsprogram har slutta (§ 29)",
    },
    "en": {
        "BOTILBUD_OVER_TRE_MANEDER": "Temporary accommodation over three months (section 27)",
        "BOTILBUD_NAERMER_SEG_TRE_MANEDER": "Temporary accommodation nearly three months "
        "(section 27)",
        "AKTIVITETSVILKAR_MANGLER": "Under 30 without an activity condition (section 20 a)",
        "RADGIVNING_UTEN_VEDTAK": "Advice and guidance without a decision (section 17)",
        "INDIVIDUELL_PLAN_IKKE_TILBUDT": "Individual plan not offered (section 28)",
        "LANGTIDSMOTTAKER_VURDER_KVP": "Long-term recipient – consider the qualification "
        "programme (section 29)",
        "KVP_PROGRAM_SLUTTER": "Qualification programme ends (section 29)",
        "VILKAR_OPPFOLGING_FORFALT": "Follow-up of a condition (section 20)",
        "VILKAR_FRIST": "Deadline in a condition (section 20)",
        "KVP_PROGRAM_SLUTTET": "Qualification programme has ended (section 29)",
    },
}


def navn(kode: str, sprak: str) -> str:
    """A kind of item by its short name; a kind without one (a new rule's) spelt out from its
    code, lower case, so no text shows ``VILKAR_FRIST``-style codes."""
    return NAVN[sprak].get(kode) or kode.replace("_", " ").lower().capitalize()


def hvem(person: str | None, sprak: str, personer: Mapping[str, str] | None) -> str | None:
    """An item's persons («p1, b1») by who they are: «søkeren og barn født 2017». Without
    ``personer`` (each person's label, ``explain.personetiketter``) the ids as recorded."""
    if not person:
        return None
    if personer is None:
        return person
    return formater(person.split(", "), sprak, None, personer)


#: Each text in each language; ``{…}`` are filled in by the functions below.
TEKSTER: dict[str, dict[str, str]] = {
    "nb": {
        "dag": "dag",
        "dager": "dager",
        "hode": "Frister i sak{sak} per {dato}",
        "ingen": "Ingen frister.",
        "forfalt": "forfall {dag}, forfalt for {antall} siden",
        "i_dag": "forfaller i dag ({dag})",
        "kommer": "forfall {dag}, om {antall}",
        "vilkar_oppfolging": (
            "Vilkår {id} ({type}){hva} skulle følges opp {dato}. Følg opp om vilkåret er "
            "oppfylt, og registrer neste oppfølgingsdato. {brudd}"
        ),
        "vilkar_frist": (
            "Vilkår {id} ({type}){hva} har frist {dato}. Følg opp om vilkåret er oppfylt innen "
            "fristen. {brudd}"
        ),
        "brudd": (
            "Brudd kan bare føre til reduksjon når vedtaket om stønad har informert om det "
            "(§ 20 tredje ledd)."
        ),
        "kvp_sluttet": (
            "Programperioden sluttet {dato}. Vedtaket om forlengelse (bare når særlige grunner "
            "tilsier det) eller om hva deltakeren skal over i, skulle vært fattet før perioden "
            "sluttet: fatt det nå om det ikke er gjort."
        ),
    },
    "nn": {
        "dag": "dag",
        "dager": "dagar",
        "hode": "Fristar i sak{sak} per {dato}",
        "ingen": "Ingen fristar.",
        "forfalt": "forfall {dag}, forfallen for {antall} sidan",
        "i_dag": "forfell i dag ({dag})",
        "kommer": "forfall {dag}, om {antall}",
        "vilkar_oppfolging": (
            "Vilkår {id} ({type}){hva} skulle følgjast opp {dato}. Følg opp om vilkåret er "
            "oppfylt, og registrer neste oppfølgingsdato. {brudd}"
        ),
        "vilkar_frist": (
            "Vilkår {id} ({type}){hva} har frist {dato}. Følg opp om vilkåret er oppfylt innan "
            "fristen. {brudd}"
        ),
        "brudd": (
            "Brot kan berre føre til reduksjon når vedtaket om stønad har informert om det "
            "(§ 20 tredje ledd)."
        ),
        "kvp_sluttet": (
            "Programperioden slutta {dato}. Vedtaket om forlenging (berre når særlege grunnar "
            "tilseier det) eller om kva deltakaren skal over i, skulle vore fatta før perioden "
            "slutta: fatt det no om det ikkje er gjort."
        ),
    },
    "en": {
        "dag": "day",
        "dager": "days",
        "hode": "Due in case{sak} on {dato}",
        "ingen": "Nothing due.",
        "forfalt": "due {dag}, overdue by {antall}",
        "i_dag": "due today ({dag})",
        "kommer": "due {dag}, in {antall}",
        "vilkar_oppfolging": (
            "Condition {id} ({type}){hva} was due for follow-up on {dato}. Check whether it is "
            "met and record the next follow-up date. {brudd}"
        ),
        "vilkar_frist": (
            "Condition {id} ({type}){hva} has a deadline of {dato}. Check whether it is met by "
            "then. {brudd}"
        ),
        "brudd": (
            "A breach may lead to a reduction only when the decision on support said so "
            "(section 20 third paragraph)."
        ),
        "kvp_sluttet": (
            "The programme period ended on {dato}. The decision on an extension (only for "
            "special reasons) or on what the participant moves on to was due before the period "
            "ended: make it now unless it has been made."
        ),
    },
}


def _t(sprak: str) -> dict[str, str]:
    if sprak not in TEKSTER:
        raise ValueError(f"ukjent språk {sprak!r}; bruk {', '.join(SPRAK)}")
    return TEKSTER[sprak]


def dato(dag: date, sprak: str) -> str:
    """A date as the language writes it (01.03.2024; 2024-03-01 in English)."""
    return dag.isoformat() if sprak == "en" else dag.strftime("%d.%m.%Y")


def dager(antall: int, sprak: str) -> str:
    """A number of days in its grammatical number: «1 dag», «2 dager» / «2 dagar» / «2 days»."""
    t = _t(sprak)
    return f"{antall} {t['dag'] if abs(antall) == 1 else t['dager']}"


def tekst(navn: str, sprak: str, **verdier: str) -> str:
    """One of the texts above, filled in (``brudd`` is filled in where a text names it)."""
    t = _t(sprak)
    return t[navn].format(brudd=t["brudd"], **verdier)


def status(forfall: date, on: date, sprak: str) -> str:
    """When an item is or was due, seen from ``on``: overdue by, due today, or in how long."""
    dag = dato(forfall, sprak)
    igjen = (forfall - on).days
    if igjen < 0:
        return tekst("forfalt", sprak, dag=dag, antall=dager(-igjen, sprak))
    if igjen == 0:
        return tekst("i_dag", sprak, dag=dag)
    return tekst("kommer", sprak, dag=dag, antall=dager(igjen, sprak))


def terminaltekst(
    sak_id: str | None,
    on: date,
    poster: Iterable[Post],
    sprak: str,
    personer: Mapping[str, str] | None = None,
) -> str:
    """What ``sosialregler frister`` prints: a heading, then each item by its short name and
    whom it concerns (``personer``: each person's label), with its status, legal reference and
    text."""
    sak = f" {sak_id}" if sak_id else ""
    linjer = [tekst("hode", sprak, sak=sak, dato=dato(on, sprak))]
    tom = True
    for p in poster:
        tom = False
        gjelder = hvem(p.person, sprak, personer)
        etter = f" ({gjelder})" if gjelder else ""
        linjer += ["", f"  {navn(p.kode, sprak)}{etter}: {status(p.forfall, on, sprak)}"]
        linjer += [f"    {p.hjemmel}", f"    {p.tekster(sprak)}"]
    if tom:
        linjer.append("  " + tekst("ingen", sprak))
    return "\n".join(linjer)
