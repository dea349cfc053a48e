"""The facts the supervision audit points read (issue 18), as optional fields of the contract.

Each is absent unless the case system records it, and absent means unknown: an audit point that
needs a fact it lacks answers ``uavklart`` and names the field. An empty list means "none".
They live in their own module so that the case's own classes (``facts.py``) only name them, and
so the cross-field checks on them are written once, here, for both of the contract's paths
(``contract._kryssjekker`` on raw JSON and ``contract._har_kryssfeil`` on typed facts).

No import from the rest of the library: ``facts.py`` imports this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, Literal, NamedTuple

import attrs
from attrs import frozen

Initiativ = Literal["nav", "bruker", "annen"]
Tjeneste = Literal[
    "barnevern",
    "skole",
    "barnehage",
    "helsestasjon",
    "flyktningetjenesten",
    "helse",
    "psykisk_helse",
    "rus",
    "bolig",
    "annen",
]
Samarbeidsform = Literal["mote", "henvisning", "felles_plan", "informasjonsutveksling", "annen"]
#: What a concrete assessment under § 18 looked at (the supervision guide's list, shortened).
Forhold18 = Literal[
    "behov", "inntekt", "utgifter", "bolig", "helse", "arbeid", "gjeld", "nettverk", "annet"
]
#: What was mapped of a child's needs (Helsetilsynet's list «Barnas særskilte behov og situasjon»).
Barneforhold = Literal[
    "helse",
    "bolig",
    "omsorg_og_samvaer",
    "nettverk",
    "barnehage_sfo",
    "skole",
    "fritid",
    "utstyr_og_klaer",
    "internett_og_mobil",
    "annet",
]


@frozen
class Oppfolgingssamtale:
    """A follow-up conversation offered to or held with the family (§ 17, § 4)."""

    dato: date
    initiativ: Initiativ | None = None
    gjennomfort: bool | None = None


@frozen
class Samarbeid:
    """Cooperation with another service about the case (barnevern, skole, …)."""

    tjeneste: Tjeneste
    dato: date | None = None
    form: Samarbeidsform | None = None


@frozen
class Gjeldssignaler:
    """Signs of debt problems in the case, and whether the person declined economic advice."""

    husleierestanse: bool | None = None
    stromrestanse: bool | None = None
    inkasso: bool | None = None
    betalingsanmerkninger: bool | None = None
    forbruksgjeld: bool | None = None
    utkastelsesvarsel: bool | None = None
    radgivning_avslatt: bool | None = None


#: The signals, in the order they are named (the last field above is not a signal).
SIGNALER: tuple[str, ...] = (
    "husleierestanse",
    "stromrestanse",
    "inkasso",
    "betalingsanmerkninger",
    "forbruksgjeld",
    "utkastelsesvarsel",
)


@frozen
class Vurdering18:
    """What the concrete, individual assessment under § 18 looked at (structured, not a text)."""

    forhold: tuple[Forhold18, ...] | None = None
    kun_veiledende_sats: bool | None = None  # the amount is the guideline rate, nothing assessed
    saerlige_behov: bool | None = None  # the case shows needs § 19 may cover
    vurdert_etter_19: bool | None = None  # § 19 was considered


@frozen
class BarnsBehov:
    """One child's needs: what was mapped, and whether they were weighed in the decision."""

    person: str
    forhold: tuple[Barneforhold, ...] | None = None
    vektlagt: bool | None = None


@frozen
class VarigBolig:
    """Work towards a permanent home for someone in temporary housing (§ 27, § 15)."""

    arbeid_startet: bool | None = None
    dato: date | None = None


@frozen
class LangtidOppfolging:
    """For a long-term recipient: was KVP considered, and did the person take part (§ 42)."""

    kvp_vurdert: bool | None = None
    dato: date | None = None
    brukermedvirkning: bool | None = None


@frozen
class KvpOppfolging:
    """A KVP participant's programme plan and follow-up (§ 30, forskrift FOR-2011-12-21-1471)."""

    programplan: bool | None = None
    programplan_dato: date | None = None
    kontaktintervall_dager: int | None = None  # the office's own interval for close follow-up
    kontakter: tuple[date, ...] | None = None
    evalueringer_planlagt: tuple[date, ...] | None = None  # the times the programme states
    evalueringer: tuple[date, ...] | None = None  # evaluations held
    arbeidsrettede_tiltak: bool | None = None
    arbeidsrettede_tiltak_fra: date | None = None


# The annotations are strings (``from __future__ import annotations``); resolve them here, in
# this module's namespace, so a reader resolving the case's classes from ``facts`` finds them.
for _klasse in (
    Oppfolgingssamtale,
    Samarbeid,
    Gjeldssignaler,
    Vurdering18,
    BarnsBehov,
    VarigBolig,
    LangtidOppfolging,
    KvpOppfolging,
):
    attrs.resolve_types(_klasse)


class Feil(NamedTuple):
    """A problem in these fields: the contract turns it into its own ``Feil``."""

    felt: str
    verdi: Any
    melding: str


def kryssjekk(data: Mapping[str, Any], roller: Mapping[str, str | None]) -> Iterator[Feil]:
    """Checks across fields on the raw input: each child named is a child of the case; an
    interval is at least one day. ``roller``: person id → role, for the well-formed persons."""
    barns_behov = data.get("barns_behov")
    if isinstance(barns_behov, list):
        for i, b in enumerate(barns_behov):
            pid = b.get("person") if isinstance(b, dict) else None
            if isinstance(pid, str) and roller.get(pid) != "barn":
                yield Feil(
                    f"barns_behov[{i}].person",
                    pid,
                    "må være id-en til en person i saken med rolle «barn»",
                )
    kvp = data.get("kvp_oppfolging")
    if isinstance(kvp, dict):
        intervall = kvp.get("kontaktintervall_dager")
        if isinstance(intervall, int) and not isinstance(intervall, bool) and intervall < 1:
            yield Feil(
                "kvp_oppfolging.kontaktintervall_dager",
                intervall,
                "intervallet for kontakt må være minst 1 dag",
            )


def har_kryssfeil(sak: Any, roller: Mapping[str, str]) -> bool:
    """The twin of ``kryssjekk`` on typed facts (``facts.Sak``)."""
    for b in sak.barns_behov or ():
        if roller.get(b.person) != "barn":
            return True
    kvp = sak.kvp_oppfolging
    return (
        kvp is not None
        and kvp.kontaktintervall_dager is not None
        and kvp.kontaktintervall_dager < 1
    )
