"""Who the Act covers (§ 2 and the regulation on persons without a fixed residence in Norway).

The law decides scope person by person, so the rules in ``rules/stl-02-omfang.toml`` are
written for one person (``gjelder = "opphold"``): the Act applies to everyone staying in Norway,
with the regulation's exceptions (forskrift § 1, § 2, § 4) as exceptions to that main rule.
This module gives each person's residence facts to those rules, records each person's node, and
turns the result into the facts other areas read:

* ``soker.omfang`` — the applicant's group, or unknown naming the missing residence fields;
* ``soker.omfang_om_kjent`` — the same, but ``"ikke_fastslatt"`` when unknown.

Why two: scope is assessed in its own decision (``vedtak["omfang"]``), which says ``uavklart``
and names the missing fields. Other areas (§ 18, § 27) honour scope through exceptions that read
``soker.omfang_om_kjent``: they fire only when the facts *show* limited scope. A case system
that never sends residence facts keeps its § 18 decisions, and is told in the scope decision
what it has not shown, instead of every decision becoming undecided.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from attrs import evolve

from ...inndata.facts import Person, Sak
from ...inndata.ukjent import Ukjent
from ...lov import outcome
from ...lov.outcome import Utfall
from ...lov.rulebook.model import RegelInfo
from ...lov.tree import LatNode, Node, bygget
from ..engine import Kontekst, Merknad
from ..faktainfo import FaktaInfo
from .base import Beregning

#: The per-person main rule (§ 2: the Act applies to everyone staying in Norway).
PERSONREGEL = "stl-2-person-omfattet"
#: The rule that describes this calculation (its reference and texts).
BEREGNINGSREGEL = "stl-2-omfang-per-person"
#: Fully covered: the main rule holds and no exception applies.
FULL = "full"
#: Unknown scope, for the facts other areas read (see the module docstring).
IKKE_FASTSLATT = "ikke_fastslatt"
#: The exception that decided a person's scope → the group other areas' rules name.
GRUPPER: Mapping[str, str] = {
    "stl-2-utenlandsopphold-uten-avtale": "utenlands_uten_avtale",
    "forskrift-bopel-2-asylsoker": "asylsoker_statlig_innkvartering",
    "forskrift-bopel-4-uten-lovlig-opphold": "uten_lovlig_opphold",
    "forskrift-bopel-1-uten-bopel": "uten_bopel",
}
#: The calculation's facts shown in the scope decision (the others are for other areas' rules).
VISTE_FAKTA = ("soker.omfang", "omfang.antall_begrenset", "omfang.personer_begrenset")
#: The residence fields, in the order the contract lists them.
OPPHOLDSFELT = (
    "norsk_statsborger",
    "lovlig_opphold",
    "fast_bopel_i_norge",
    "asylsoker_med_statlig_innkvartering",
    "avtale_eos_eller_nordisk",
    "offer_for_menneskehandel_refleksjonsperiode",
    "rett_til_opphold_under_oppholdssak",
    "tilbud_om_plass_i_mottak",
)


def _p(navn: str, type: str, nb: str, en: str) -> FaktaInfo:
    return FaktaInfo(f"opphold.{navn}", type, nb, en, "opphold")


FAKTA = [
    # One person's residence (scope "opphold"), read by the rules that decide scope.
    _p("person", "tekst", "personen", "the person"),
    _p("rolle", "tekst", "personens rolle i saken", "the person's role in the case"),
    _p("norsk_statsborger", "sannhetsverdi", "norsk statsborger", "Norwegian citizen"),
    _p(
        "lovlig_opphold",
        "sannhetsverdi",
        "lovlig opphold i Norge (en norsk statsborger har alltid det)",
        "lawful residence in Norway (a Norwegian citizen always has it)",
    ),
    _p("fast_bopel_i_norge", "sannhetsverdi", "fast bopel i Norge", "fixed residence in Norway"),
    _p(
        "asylsoker_med_statlig_innkvartering",
        "sannhetsverdi",
        "har søkt beskyttelse og er i eller kan få statlig innkvartering",
        "has applied for protection and is in, or can get, state accommodation",
    ),
    _p(
        "avtale_eos_eller_nordisk",
        "sannhetsverdi",
        "EØS-avtalen, nordisk konvensjon eller en annen avtale gir rettigheter",
        "the EEA Agreement, the Nordic convention or another agreement gives rights",
    ),
    _p(
        "offer_for_menneskehandel_refleksjonsperiode",
        "sannhetsverdi",
        "antatt offer for menneskehandel med begrenset oppholdstillatelse (refleksjonsperiode)",
        "presumed victim of trafficking with a limited permit (reflection period)",
    ),
    _p(
        "rett_til_opphold_under_oppholdssak",
        "sannhetsverdi",
        "rett til å bli i landet mens en sak om opphold behandles",
        "right to stay while a residence case is processed",
    ),
    _p(
        "tilbud_om_plass_i_mottak",
        "sannhetsverdi",
        "har tilbud om plass i statlig mottak",
        "has been offered a place in a state reception centre",
    ),
    _p(
        "utenlands_uten_avtale",
        "sannhetsverdi",
        "oppholder seg i utlandet uten at oppholdet er avtalt med NAV på forhånd",
        "is abroad without the stay having been agreed with NAV in advance",
    ),
    # The applicant, for other areas' rules (computed by the calculation below).
    FaktaInfo(
        "soker.omfang",
        "tekst",
        "søkerens omfang etter § 2 og forskriften",
        "the applicant's scope under section 2 and the regulation",
    ),
    FaktaInfo(
        "soker.omfang_om_kjent",
        "tekst",
        "søkerens omfang etter § 2 og forskriften, når opplysningene viser det "
        "(ellers ikke_fastslatt)",
        "the applicant's scope when the facts show it (otherwise ikke_fastslatt)",
    ),
    FaktaInfo(
        "omfang.kvp_deltaker_om_kjent",
        "tekst",
        "omfanget for den som søker kvalifiseringsprogram, når opplysningene viser det "
        "(ellers ikke_fastslatt)",
        "the scope of the person applying for the qualification programme, when the facts show "
        "it (otherwise ikke_fastslatt)",
    ),
    FaktaInfo(
        "soker.tilbud_om_plass_i_mottak",
        "sannhetsverdi",
        "søkeren har tilbud om plass i statlig mottak",
        "the applicant has been offered a place in a state reception centre",
    ),
    FaktaInfo(
        "omfang.antall_begrenset",
        "tall",
        "antall personer i saken med begrensede rettigheter",
        "persons in the case with limited rights",
    ),
    FaktaInfo(
        "omfang.personer_begrenset",
        "liste",
        "personer med begrensede rettigheter",
        "persons with limited rights",
    ),
]


#: Each residence field with the name of its fact, made once (``personfakta`` runs per person).
_OPPHOLDSNAVN = tuple((felt, f"opphold.{felt}") for felt in OPPHOLDSFELT)


def _sti(sak: Sak, person: Person, felt: str) -> str:
    return f"personer[{sak.indeks(person.id)}].opphold.{felt}"


def _felt(sak: Sak, person: Person, felt: str) -> Any:
    """A residence field as given, or unknown naming its JSON path."""
    verdi = getattr(person.opphold, felt) if person.opphold is not None else None
    return Ukjent((_sti(sak, person, felt),)) if verdi is None else verdi


def personfakta(sak: Sak, person: Person) -> dict[str, Any]:
    """One person's residence facts for the scope rules.

    Two facts follow from citizenship by definition, so a citizen need not state them: a
    Norwegian citizen has lawful residence and does not seek protection (the contract rejects
    a case that says otherwise). Being abroad is recorded only when the person is: absent
    ``kortvarig_utenlandsopphold_avtalt`` means no stay abroad is recorded.
    """
    opphold = person.opphold
    fakta: dict[str, Any] = {}
    prefiks: str | None = None  # the person's JSON path, found only for a field not given
    for felt, navn in _OPPHOLDSNAVN:
        verdi = getattr(opphold, felt) if opphold is not None else None
        if verdi is None:  # unknown, naming its JSON path, as ``_felt`` does
            if prefiks is None:
                prefiks = _sti(sak, person, "")
            verdi = Ukjent((prefiks + felt,))
        fakta[navn] = verdi
    if fakta["opphold.norsk_statsborger"] is True:
        fakta["opphold.lovlig_opphold"] = True
        fakta["opphold.asylsoker_med_statlig_innkvartering"] = False
    avtalt = person.opphold.kortvarig_utenlandsopphold_avtalt if person.opphold else None
    fakta["opphold.utenlands_uten_avtale"] = avtalt is False
    fakta["opphold.person"] = person.id
    fakta["opphold.rolle"] = person.rolle
    return fakta


@lru_cache(maxsize=64)
def _ukjent_mottaksplass(indeks: int) -> Ukjent:
    """The unknown offer of a reception-centre place of the person at ``indeks``, shared."""
    return Ukjent((f"personer[{indeks}].opphold.tilbud_om_plass_i_mottak",))


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    soker = sak.soker
    opphold = soker.opphold
    verdi: bool | Ukjent | None = opphold.tilbud_om_plass_i_mottak if opphold is not None else None
    if verdi is None:  # unknown, naming its JSON path (the case's order is needed only then)
        verdi = _ukjent_mottaksplass(sak.indeks(soker.id))
    return {"soker.tilbud_om_plass_i_mottak": verdi}


class Personvurdering(NamedTuple):
    """One person's scope: what the calculation reads now, and the node (built when read).

    The fields it shares with ``Node`` mean the same (``gruppe`` reads either); ``regel`` is
    the rule that decided (the exception that applied, else the per-person rule).
    """

    id: str
    utfall: Utfall
    mangler: tuple[str, ...]
    avgjort_av: str | None
    regel: RegelInfo | None
    node: Node | LatNode


def gruppe(node: Node | Personvurdering) -> str | Ukjent:
    """A person's scope group from the evaluated per-person node."""
    if node.utfall is outcome.OPPFYLT:
        return FULL
    if node.utfall is outcome.IKKE_OPPFYLT:
        avgjort = node.avgjort_av or node.id
        return GRUPPER.get(avgjort, avgjort)
    return Ukjent(node.mangler)


def _flagg(merknader: list[Merknad], node: Node, person: str) -> list[Merknad]:
    """A person's flags, each told by the exception that decided (its text and reference)."""
    ut = []
    for m in merknader:
        unntak = node.finn(node.avgjort_av) if node.avgjort_av else None
        if unntak is not None and unntak.regel is not None:
            m = evolve(m, regel=unntak.regel, node=unntak)
        ut.append(evolve(m, person=person))
    return ut


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """Assess each person's scope with the per-person rules; give the applicant's to others."""
    personnoder: list[Node | LatNode] = []
    oversikt: list[dict[str, Any]] = []
    begrenset: list[str] = []
    mangler: list[str] = []
    soker_gruppe: str | Ukjent = Ukjent(())
    kvp_gruppe: str | Ukjent = Ukjent(())
    kvp_person = sak.kvp.person if sak.kvp is not None else None
    for indeks, person in enumerate(sak.personer):
        node = _vurder_person(sak, ktx, indeks, person)
        personnoder.append(node.node)
        verdi = gruppe(node)
        if isinstance(verdi, Ukjent):
            mangler.extend(verdi.mangler)
        elif verdi != FULL:
            begrenset.append(person.id)
        if person.rolle == "soker":
            soker_gruppe = verdi
        if person.id == kvp_person:
            kvp_gruppe = verdi
        oversikt.append(_rad(person, node, verdi))
    unike = tuple(sorted(dict.fromkeys(mangler), key=_rekkefolge))
    antall: int | Ukjent = len(begrenset) if begrenset or not unike else Ukjent(unike)
    beregnede = {
        "soker.omfang": soker_gruppe,
        "soker.omfang_om_kjent": _om_kjent(soker_gruppe),
        "omfang.kvp_deltaker_om_kjent": _om_kjent(kvp_gruppe),
        "omfang.antall_begrenset": antall,
        "omfang.personer_begrenset": tuple(begrenset),
    }
    regel = ktx.regelbok.beregningsregel("omfang", ktx.dato)

    def bygg() -> Node:
        return Node(
            regel.id if regel else BEREGNINGSREGEL,
            outcome.UAVKLART if unike else outcome.OPPFYLT,
            regel=regel.info if regel else None,
            fakta={navn: beregnede[navn] for navn in VISTE_FAKTA},
            barn=tuple(map(bygget, personnoder)),
            mangler=unike,
            rolle="beregning",
        )

    return Beregning(
        linjer=(),
        node=ktx.lat(bygg),
        fakta=beregnede,
        mangler=unike,
        utdata={"personer": oversikt},
    )


def _vurder_person(sak: Sak, ktx: Kontekst, indeks: int, person: Person) -> Personvurdering:
    """One person's scope and node; flags go to the assessment.

    A person with no residence facts at all is not run through the rules: the node says the
    record ``personer[i].opphold`` is missing (one field, not every sub-field), which keeps the
    decision record small for the many cases that send no residence facts. Given a record,
    exactly the sub-fields that matter are named.
    """
    node_id = f"{PERSONREGEL}[personer[{indeks}]]"
    if person.opphold is None:
        ingen: tuple[str, ...] = (f"personer[{indeks}].opphold",)
        node = Node(node_id, outcome.UAVKLART, mangler=ingen)
        return Personvurdering(node_id, outcome.UAVKLART, ingen, None, None, node)
    elementktx = ktx.for_element(personfakta(sak, person))
    elementktx.merknader = []
    lat = elementktx.regelnode(PERSONREGEL, id=node_id)
    utfall, mangler = elementktx.resultat(PERSONREGEL)[:2]
    avgjort_av = elementktx.avgjort_av(PERSONREGEL)
    if elementktx.merknader:  # rare: the flags name the deciding exception's node
        ktx.merknader.extend(_flagg(elementktx.merknader, bygget(lat), person.id))
    regel = elementktx.regelinfo(avgjort_av or PERSONREGEL)
    return Personvurdering(node_id, utfall, mangler, avgjort_av, regel, lat)


def _om_kjent(verdi: str | Ukjent) -> str:
    return IKKE_FASTSLATT if isinstance(verdi, Ukjent) else verdi


def _rekkefolge(sti: str) -> tuple[int, int, str]:
    """Missing fields person by person, in the contract's order of the residence fields."""
    indeks = sti.removeprefix("personer[").split("]")[0]
    felt = sti.rpartition(".")[2]
    rang = OPPHOLDSFELT.index(felt) if felt in OPPHOLDSFELT else -1
    return (int(indeks) if indeks.isdigit() else 0, rang, sti)


def _rad(person: Person, node: Personvurdering, verdi: str | Ukjent) -> dict[str, Any]:
    """One person's scope as data for a case system (JSON-native values only)."""
    regel = node.regel
    return {
        "person": person.id,
        "omfang": None if isinstance(verdi, Ukjent) else verdi,
        "utfall": node.utfall.value,
        "regel": regel.id if regel else None,
        # The texts as cited, made once per rule version (``RegelInfo.hjemmelpar``).
        "hjemmel": [tekst for tekst, _ in regel.hjemmelpar("nb")] if regel else [],
        "mangler": list(verdi.mangler) if isinstance(verdi, Ukjent) else [],
    }
