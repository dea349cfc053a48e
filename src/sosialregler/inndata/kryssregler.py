"""The case's rules across fields that are data: each declared once, read by both walkers.

``contract`` checks a case across fields twice over: on the raw JSON, wording every problem
with its path (``_kryssjekker``, which runs even when a value has the wrong type), and on the
typed facts of a case the fast reader vouched for, answering only whether there is a problem
(``_har_kryssfeil``, a few comparisons instead of parsing every date again). What each rule
*is* (which dates must come in which order, which lists name a person, which residence facts
contradict each other, which roles are a child's parents) stands here, once; the two walkers
only read it, so they cannot drift apart on a rule (``tests/test_contract_rask.py`` also
checks them against each other on generated cases).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from datetime import date
from typing import Any

from attrs import field, frozen


@frozen
class Rekkefolge:
    """Two dates of one object that must come in order: ``sen`` not before ``tidlig`` (or,
    ``streng``, after it). A problem is reported at ``sen``, with ``melding``."""

    tidlig: str
    sen: str
    melding: str
    streng: bool = False
    _datoer: Callable[[Any], tuple[date | None, date | None]] = field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        # one attrgetter for both dates: the typed walker runs it for every item of a case
        object.__setattr__(self, "_datoer", operator.attrgetter(self.tidlig, self.sen))

    def brutt(self, tidlig: date | None, sen: date | None) -> bool:
        """Whether two known dates break the order (an unknown one breaks nothing)."""
        if tidlig is None or sen is None:
            return False
        return sen <= tidlig if self.streng else sen < tidlig

    def brutt_i(self, objekt: Any) -> bool:
        """``brutt`` on a typed object's two dates."""
        tidlig, sen = self._datoer(objekt)
        if tidlig is None or sen is None:
            return False
        return sen <= tidlig if self.streng else sen < tidlig


def brutt_i(regler: tuple[Rekkefolge, ...], objekt: Any) -> bool:
    """Whether a typed object breaks any of ``regler``."""
    for regel in regler:  # inline, not regel.brutt_i: the typed walker's hot path
        tidlig, sen = regel._datoer(objekt)
        if (
            tidlig is not None
            and sen is not None
            and (sen <= tidlig if regel.streng else sen < tidlig)
        ):
            return True
    return False


#: KVP: the programme, its extension.
KVP = (
    Rekkefolge("program_start", "program_slutt", "programmet slutter før det begynner"),
    Rekkefolge(
        "program_slutt",
        "forlenget_til",
        "en forlengelse må slutte etter programmets slutt (kvp.program_slutt)",
        streng=True,
    ),
)
FRAVAER = (Rekkefolge("fra", "til", "fraværet slutter før det begynner"),)
#: § 20: a deadline or follow-up is set with the condition or after it.
VILKAR = (
    Rekkefolge("satt_dato", "frist", "fristen er før vilkåret ble satt (satt_dato)"),
    Rekkefolge("satt_dato", "oppfolgingsdato", "oppfølgingen er før vilkåret ble satt (satt_dato)"),
)
BOTILBUD = (Rekkefolge("fra", "til", "oppholdet slutter før det begynner"),)
SAKSBEHANDLER = (Rekkefolge("periode_fra", "periode_til", "perioden slutter før den starter"),)

#: The lists whose items name a person by id (``person``), besides ``saerlige_tilfeller``'s
#: expenses, a stay's ``personer`` and the KVP participant and children.
PERSONLISTER = ("inntekter", "formue", "rettigheter", "andre_utgifter", "vilkar", "radgivning")
#: The lists of ``PERSONLISTER`` of a typed case, in one call.
personlister = operator.attrgetter(*PERSONLISTER)

#: The roles a child must be younger than.
FORELDREROLLER = ("soker", "ektefelle", "samboer")

#: Residence facts that contradict each other (§ 2 and the regulation on persons without a
#: fixed residence): a citizen always has lawful residence and never seeks protection.
#: (field, the value that contradicts being a citizen).
STATSBORGER_MOTSTRID = (("lovlig_opphold", False), ("asylsoker_med_statlig_innkvartering", True))
#: A person with a limited permit (reflection period) or a right to stay while a residence
#: case is processed stays lawfully: either true contradicts ``lovlig_opphold: false``.
LOVLIG_OPPHOLD_LIKEVEL = (
    "offer_for_menneskehandel_refleksjonsperiode",
    "rett_til_opphold_under_oppholdssak",
)


#: The typed walker runs this for every person of every case, so each table is read once, at
#: import, into what one C call can test: the fields' values as a tuple, and the tuples of
#: values that contradict (each field is true, false or unknown).
_STATSBORGERFELT = operator.attrgetter(*(felt for felt, _ in STATSBORGER_MOTSTRID))
_STATSBORGERMOTSTRID = frozenset(
    verdier
    for verdier in itertools.product((None, True, False), repeat=len(STATSBORGER_MOTSTRID))
    if any(v is m for v, (_, m) in zip(verdier, STATSBORGER_MOTSTRID, strict=True))
)
_LIKEVELFELT = operator.attrgetter(*LOVLIG_OPPHOLD_LIKEVEL)


def opphold_i_motstrid(opphold: Any) -> bool:
    """Whether typed residence facts contradict each other (see the two tables above)."""
    if opphold.norsk_statsborger is True and _STATSBORGERFELT(opphold) in _STATSBORGERMOTSTRID:
        return True
    return opphold.lovlig_opphold is False and True in _LIKEVELFELT(opphold)
