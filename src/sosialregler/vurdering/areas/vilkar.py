"""§ 20 and § 20 a: conditions on a grant, assessed one by one, and the facts § 20 a needs.

Every condition in ``vilkar`` is assessed on its own by the rules with ``gjelder = "vilkar"``
(``rules/stl-20-vilkar.toml``): whether it is concrete (what, why, deadline, how documented),
whether it meets the four lawfulness requirements of § 20, and whether the decision warns that
breach may lead to reduction. Where the caseworker has recorded an assessment of a
requirement, that assessment decides; where not, the rule puts the question and answers
``skjonn``. The area's main rule reads only the summary facts computed here
(``vilkarene.*``), so its outcome is exactly the conjunction of the conditions' outcomes.

Why code at all: the rule language has no loops, so something must walk the list of
conditions; the law itself stays in the rule file. No threshold lives here.

§ 20 a needs to know whether § 18 support is granted. That is the outcome of the § 18 main
rule (``stl-18-1-krav``), which is only known once the § 18 calculation has run; it is read
here, in a calculation, and handed to the rules as the fact
``aktivitetsplikt.livsopphold_utfall``. Which outcomes count as "granted" is decided in the
rule file, not here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from ...inndata.facts import Sak, Vilkar
from ...inndata.ukjent import Ukjent
from ...lov import outcome
from ...lov.outcome import Utfall
from ...lov.rulebook.model import Regel
from ...lov.tree import LatNode, Node, bygget
from ..engine import Kontekst, Vurdert
from ..faktainfo import FaktaInfo
from ..grunnfakta import person_alder
from .base import Beregning, Linje

#: The § 18 and scope calculations run first: the § 18 main rule read here needs their facts.
ETTER = ("livsopphold", "omfang")

#: The per-condition rules, in the order their lines are shown.
VILKARSREGEL = "stl-20-vilkar"
VARSELREGEL = "stl-20-3-varsel-om-reduksjon"
#: Each per-condition rule's outcome in the area's output ``vilkarsvurdering``.
UTDATANAVN = {VILKARSREGEL: "konkret_og_lovlig", VARSELREGEL: "varsel_om_reduksjon"}
#: The § 18 main rule whose outcome § 20 a reads (another area's rule, referred to by id).
LIVSOPPHOLDSREGEL = "stl-18-1-krav"
#: The summary facts whose values are condition ids: the JSON keeps the ids, the working
#: paper names each condition by its label (``explain.personetiketter``).
VILKARSLISTER = frozenset(
    [
        "vilkarene.ikke_oppfylt",
        "vilkarene.skjonn",
        "vilkarene.uten_varsel",
        "vilkarene.varsel_ikke_oppgitt",
    ]
)
#: The per-item facts whose value is one condition's id; texts say «Vilkår {vilkar.id}», so the
#: working paper shows its number in the case («vilkår nr. 1»), the JSON keeps the id.
VILKARSID = frozenset(["vilkar.id"])
NULL = Decimal(0)  # lines of an assessment per item carry no amount


def _f(navn: str, type: str, nb: str, en: str, omfang: str | None = None) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en, omfang)


def _vurdering(navn: str, nb: str, en: str) -> list[FaktaInfo]:
    """A requirement the caseworker may have assessed: its answer, and whether it was given."""
    return [
        _f(f"vilkar.{navn}", "sannhetsverdi", nb, en, "vilkar"),
        _f(
            f"vilkar.{navn}_vurdert",
            "sannhetsverdi",
            f"saksbehandler har registrert om {nb}",
            f"the caseworker has recorded whether {en}",
            "vilkar",
        ),
    ]


FAKTA = [
    # The case
    _f(
        "vilkarene.finnes",
        "sannhetsverdi",
        "saken har vilkår som skal vurderes",
        "the case has conditions to assess",
    ),
    _f("vilkarene.antall", "tall", "antall vilkår", "number of conditions"),
    _f(
        "vilkarene.ikke_oppfylt",
        "liste",
        "vilkår som ikke oppfyller kravene",
        "conditions that do not meet the requirements",
    ),
    _f(
        "vilkarene.skjonn",
        "liste",
        "vilkår med spørsmål til saksbehandlers skjønn",
        "conditions with questions for the caseworker's discretion",
    ),
    _f(
        "vilkarene.avklart",
        "sannhetsverdi",
        "alle vilkår kan vurderes på opplysningene i saken",
        "every condition can be assessed on the facts given",
    ),
    _f(
        "vilkarene.uten_varsel",
        "liste",
        "vilkår der vedtaket ikke sier at brudd kan føre til reduksjon",
        "conditions whose decision does not say that breach may lead to reduction",
    ),
    _f(
        "vilkarene.varsel_ikke_oppgitt",
        "liste",
        "vilkår der det ikke er oppgitt om vedtaket varsler reduksjon",
        "conditions for which the case does not say whether the decision warns of reduction",
    ),
    _f(
        "aktivitetsplikt.vilkar_satt",
        "sannhetsverdi",
        "det er satt vilkår om aktivitet for søkeren",
        "an activity condition is set for the applicant",
    ),
    _f(
        "aktivitetsplikt.tungtveiende_grunner",
        "tekst",
        "tungtveiende grunner mot vilkår om aktivitet, slik saksbehandler har registrert dem",
        "weighty reasons against an activity condition, as the caseworker recorded them",
    ),
    _f(
        "aktivitetsplikt.tungtveiende_grunner_registrert",
        "sannhetsverdi",
        "tungtveiende grunner mot vilkår om aktivitet er registrert",
        "weighty reasons against an activity condition are recorded",
    ),
    _f(
        "aktivitetsplikt.soker_i_kvp",
        "sannhetsverdi",
        "søkeren deltar i kvalifiseringsprogram på datoen",
        "the applicant takes part in the qualification programme on the date",
    ),
    _f(
        "aktivitetsplikt.partner",
        "tekst",
        "søkerens ektefelle eller samboer",
        "the applicant's spouse or cohabitant",
    ),
    _f(
        "aktivitetsplikt.partner_alder",
        "tall",
        "ektefellens eller samboerens alder på datoen",
        "the spouse's or cohabitant's age on the date",
    ),
    _f(
        "aktivitetsplikt.partner_under_30",
        "sannhetsverdi",
        "søkeren har ektefelle eller samboer under 30 år",
        "the applicant has a spouse or cohabitant under 30",
    ),
    _f(
        "aktivitetsplikt.partner_vilkar_satt",
        "sannhetsverdi",
        "det er satt vilkår om aktivitet for ektefellen eller samboeren",
        "an activity condition is set for the spouse or cohabitant",
    ),
    _f(
        "aktivitetsplikt.livsopphold_utfall",
        "tekst",
        "utfallet av kravet på stønad til livsopphold",
        "the outcome of the claim to subsistence support",
    ),
    # One condition (scope "vilkar")
    _f("vilkar.id", "tekst", "vilkårets id", "the condition's id", "vilkar"),
    _f("vilkar.person", "tekst", "hvem vilkåret gjelder", "whom the condition concerns", "vilkar"),
    _f("vilkar.type", "tekst", "vilkårstype", "type of condition", "vilkar"),
    _f(
        "vilkar.beskrivelse",
        "tekst",
        "hva vilkåret krever",
        "what the condition requires",
        "vilkar",
    ),
    _f("vilkar.begrunnelse", "tekst", "hvorfor vilkåret settes", "why it is set", "vilkar"),
    _f("vilkar.frist", "dato", "vilkårets frist", "the condition's deadline", "vilkar"),
    _f(
        "vilkar.frist_oppgitt",
        "sannhetsverdi",
        "vilkåret har en frist",
        "the condition has a deadline",
        "vilkar",
    ),
    _f(
        "vilkar.dokumentasjon",
        "tekst",
        "hvordan vilkåret skal dokumenteres",
        "how compliance is documented",
        "vilkar",
    ),
    _f(
        "vilkar.varsel_om_reduksjon",
        "sannhetsverdi",
        "vedtaket sier at brudd på vilkåret kan føre til reduksjon",
        "the decision says that breach may lead to reduction",
        "vilkar",
    ),
    *_vurdering(
        "naer_sammenheng_med_vedtaket",
        "vilkåret har nær sammenheng med vedtaket",
        "the condition is closely related to the decision",
    ),
    *_vurdering(
        "uforholdsmessig_byrdefullt",
        "vilkåret er uforholdsmessig byrdefullt",
        "the condition is disproportionately burdensome",
    ),
    *_vurdering(
        "urimelig_begrensning_av_handlefrihet",
        "vilkåret begrenser handle- og valgfriheten på en urimelig måte",
        "the condition unreasonably restricts freedom of action and choice",
    ),
    *_vurdering(
        "i_strid_med_annen_lov",
        "vilkåret er i strid med loven her eller andre lover",
        "the condition conflicts with this Act or other law",
    ),
]


def _tekst(verdi: str | None, felt: str) -> str | Ukjent:
    """A text the case gives; blank counts as not given (a condition must say something)."""
    return verdi.strip() if verdi and verdi.strip() else Ukjent((felt,))


def _kjent(verdi: Any, felt: str) -> Any:
    return Ukjent((felt,)) if verdi is None else verdi


_UKJENTE_GRUNNER = Ukjent(("aktivitetsplikt.tungtveiende_grunner",))


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    """Facts about conditions the area rules read before any per-condition assessment."""
    aktivitet = sak.aktivitetsplikt
    grunner = (aktivitet.tungtveiende_grunner or "").strip() if aktivitet else ""
    return {
        "vilkarene.finnes": bool(sak.vilkar),
        "aktivitetsplikt.vilkar_satt": aktivitetsvilkar_satt(sak),
        "aktivitetsplikt.tungtveiende_grunner": grunner or _UKJENTE_GRUNNER,
        "aktivitetsplikt.tungtveiende_grunner_registrert": bool(grunner),
        "aktivitetsplikt.soker_i_kvp": soker_i_kvp(sak, dato),
        **_partner(sak, dato),
    }


def soker_i_kvp(sak: Sak, dato: date) -> bool:
    """Whether the applicant is in a qualification programme on ``dato`` (issue 14.10).

    In it: the programme has started and not ended (its end is the extension, else
    ``program_slutt``; none given means it goes on). A programme applied for but not started
    is not an activity yet.
    """
    kvp = sak.kvp
    if kvp is None or kvp.person != sak.soker.id or kvp.program_start is None:
        return False
    slutt = kvp.forlenget_til or kvp.program_slutt
    return kvp.program_start <= dato and (slutt is None or dato <= slutt)


_INGEN_PARTNER = Ukjent(())


def _partner(sak: Sak, dato: date) -> dict[str, Any]:
    """The spouse or cohabitant, for the question whether § 20 a reaches them (issue 14.10)."""
    partner = next((p for p in sak.personer if p.rolle in ("ektefelle", "samboer")), None)
    if partner is None:
        return {
            "aktivitetsplikt.partner": _INGEN_PARTNER,
            "aktivitetsplikt.partner_alder": _INGEN_PARTNER,
            "aktivitetsplikt.partner_under_30": False,
            "aktivitetsplikt.partner_vilkar_satt": False,
        }
    alder_ = person_alder(sak, partner, dato)
    if sak.vilkar is not None:
        satt: bool | Ukjent = any(
            v.type == "aktivitet" and v.person == partner.id for v in sak.vilkar
        )
    else:
        satt = Ukjent(("vilkar",))
    return {
        "aktivitetsplikt.partner": partner.id,
        "aktivitetsplikt.partner_alder": alder_,
        "aktivitetsplikt.partner_under_30": alder_ if isinstance(alder_, Ukjent) else alder_ < 30,
        "aktivitetsplikt.partner_vilkar_satt": satt,
    }


def aktivitetsvilkar_satt(sak: Sak) -> bool | Ukjent:
    """Whether an activity condition is set for the applicant.

    ``aktivitetsplikt.vilkar_satt`` decides when given. Otherwise a list of conditions decides:
    an ``aktivitet`` condition for the applicant means yes, and a list without one means no
    (an empty list means "no conditions"). Without either, it is unknown. The contract rejects
    ``vilkar_satt: false`` beside an activity condition for the applicant.
    """
    if sak.aktivitetsplikt is not None and sak.aktivitetsplikt.vilkar_satt is not None:
        return sak.aktivitetsplikt.vilkar_satt
    if sak.vilkar is not None:
        soker = sak.soker.id
        return any(v.type == "aktivitet" and v.person == soker for v in sak.vilkar)
    return Ukjent(("aktivitetsplikt.vilkar_satt",))


def vilkarsfakta(vilkar: Vilkar, indeks: int) -> dict[str, Any]:
    """The facts of one condition, for rules with scope ``vilkar``."""
    sti = f"vilkar[{indeks}]"
    fakta: dict[str, Any] = {
        "vilkar.id": vilkar.id,
        "vilkar.person": vilkar.person,
        "vilkar.type": vilkar.type,
        "vilkar.beskrivelse": _tekst(vilkar.beskrivelse, f"{sti}.beskrivelse"),
        "vilkar.begrunnelse": _tekst(vilkar.begrunnelse, f"{sti}.begrunnelse"),
        "vilkar.dokumentasjon": _tekst(vilkar.dokumentasjon, f"{sti}.dokumentasjon"),
        "vilkar.frist": _kjent(vilkar.frist, f"{sti}.frist"),
        "vilkar.frist_oppgitt": True if vilkar.frist else Ukjent((f"{sti}.frist",)),
        "vilkar.varsel_om_reduksjon": _kjent(
            vilkar.varsel_om_reduksjon, f"{sti}.varsel_om_reduksjon"
        ),
    }
    for navn in (
        "naer_sammenheng_med_vedtaket",
        "uforholdsmessig_byrdefullt",
        "urimelig_begrensning_av_handlefrihet",
        "i_strid_med_annen_lov",
    ):
        verdi = getattr(vilkar, navn)
        fakta[f"vilkar.{navn}"] = _kjent(verdi, f"{sti}.{navn}")
        fakta[f"vilkar.{navn}_vurdert"] = verdi is not None
    return fakta


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """Assess each condition, and read the § 18 outcome for § 20 a."""
    linjer: list[Linje] = []
    noder: list[Vurdert] = []
    per_vilkar: dict[str, list[Vurdert]] = {}  # lawfulness only: the warning is not part of it
    uten_varsel: list[str] = []
    varsel_ikke_oppgitt: list[str] = []
    utdata: list[dict[str, Any]] = []
    varsel_i_kraft = ktx.regelbok.regel(VARSELREGEL, ktx.dato) is not None
    for indeks, vilkar in enumerate(sak.vilkar or ()):
        elementktx = ktx.for_element(vilkarsfakta(vilkar, indeks))
        regler = [VILKARSREGEL, *((VARSELREGEL,) if varsel_i_kraft else ())]
        vurdering: dict[str, Any] = {
            "vilkar": vilkar.id,
            "person": vilkar.person,
            "type": vilkar.type,
        }
        for regel_id in regler:
            node = elementktx.vurder(regel_id, f"{regel_id}[vilkar[{indeks}]]")
            noder.append(node)
            if regel_id == VILKARSREGEL:
                per_vilkar.setdefault(vilkar.id, []).append(node)
            elif node.utfall is outcome.IKKE_OPPFYLT:
                uten_varsel.append(vilkar.id)
            elif node.utfall is outcome.UAVKLART:
                varsel_ikke_oppgitt.append(vilkar.id)
            vurdering[UTDATANAVN[regel_id]] = node.utfall.value
            post = f"vilkar_{vilkar.type}" if regel_id == VILKARSREGEL else "varsel_om_reduksjon"
            linjer.append(Linje(post, NULL, person=vilkar.person, regel=regel_id, node_id=node.id))
        utdata.append(vurdering)
    # Issue 14 point 10: the warning governs reduction (§ 20 third ledd), not whether the
    # condition is lawful (second ledd); its check raises its own flag.
    sammendrag = {
        **oppsummer(per_vilkar, "vilkarene"),
        "vilkarene.uten_varsel": uten_varsel,
        "vilkarene.varsel_ikke_oppgitt": varsel_ikke_oppgitt,
    }
    fakta = {
        **sammendrag,
        "aktivitetsplikt.livsopphold_utfall": livsopphold_utfall(ktx),
    }
    regel = ktx.regelbok.beregningsregel("vilkar", ktx.dato)
    tre, mangler = beregningsnode(ktx, regel, "vilkar-vurdering", noder, sammendrag)
    return Beregning(
        linjer=tuple(linjer),
        node=tre,
        fakta=fakta,
        mangler=mangler,
        utdata={"vilkarsvurdering": utdata},
        enhet="per_vilkar",
    )


def oppsummer(per_element: Mapping[str, Sequence[Vurdert]], prefiks: str) -> dict[str, Any]:
    """Summary facts over items, so a case-level rule gets exactly their conjunction.

    ``<prefiks>.ikke_oppfylt`` and ``.skjonn`` list the items with that outcome in any of their
    checks; ``.avklart`` is true, or unknown naming every field the undecided items miss (an
    undecided item with nothing missing, such as a rule not in force, names nothing).
    """
    if not per_element:  # most cases list no items: the same facts, without the walks
        return {
            f"{prefiks}.antall": 0,
            f"{prefiks}.ikke_oppfylt": [],
            f"{prefiks}.skjonn": [],
            f"{prefiks}.avklart": True,
        }
    ikke_oppfylt = [n for n, noder in per_element.items() if _har(noder, outcome.IKKE_OPPFYLT)]
    skjonn = [n for n, noder in per_element.items() if _har(noder, outcome.SKJONN)]
    alle_noder = [node for noder in per_element.values() for node in noder]
    mangler = tuple(
        dict.fromkeys(m for n in alle_noder if n.utfall is outcome.UAVKLART for m in n.mangler)
    )
    avklart = not any(n.utfall is outcome.UAVKLART for n in alle_noder)
    return {
        f"{prefiks}.antall": len(per_element),
        f"{prefiks}.ikke_oppfylt": ikke_oppfylt,
        f"{prefiks}.skjonn": skjonn,
        f"{prefiks}.avklart": True if avklart else Ukjent(mangler),
    }


def _har(noder: Sequence[Vurdert], utfall: Utfall) -> bool:
    return any(n.utfall is utfall for n in noder)


def beregningsnode(
    ktx: Kontekst,
    regel: Regel | None,
    reserve_id: str,
    vurderte: Sequence[Vurdert],
    sammendrag: Mapping[str, Any],
) -> tuple[Node | LatNode, tuple[str, ...]]:
    """The calculation's node (the items' nodes under it) and what it leaves missing.

    Its outcome is the least settled among the items (uavklart, then skjonn, then
    ikke_oppfylt, else oppfylt), not their conjunction: the decision is the main rule's, and
    this node must stay open while any item has a question, so the explanation lists every
    item's questions even when another item already fails.

    The items come as ``Vurdert`` (outcome now, node when read), and the node is built when
    the tree is read (``Kontekst.lat``): built at once from the compiled engine's trace, the
    items' nodes were a sixth of what a kept family with conditions held (issue 17).
    """
    utfall = outcome.minst_avklart(v.utfall for v in vurderte)
    mangler = (
        tuple(dict.fromkeys(m for v in vurderte if v.utfall is outcome.UAVKLART for m in v.mangler))
        if utfall is outcome.UAVKLART
        else ()
    )
    fakta = dict(sammendrag)
    barn = tuple(v.node for v in vurderte)

    def bygg() -> Node:
        return Node(
            regel.id if regel else reserve_id,
            utfall,
            regel=regel.info if regel else None,
            fakta=fakta,
            barn=tuple(map(bygget, barn)),
            mangler=mangler,
            rolle="beregning",
        )

    return ktx.lat(bygg), mangler


def livsopphold_utfall(ktx: Kontekst) -> str | Ukjent:
    """The outcome of the § 18 main rule on the date, as its contract word.

    Evaluated in the assessment's own context: the outcome is cached there, so the § 18 area
    later shows this very node and its flags are raised once (the calculations this rule reads,
    § 18's and scope's, have run: ``ETTER``).
    """
    if LIVSOPPHOLDSREGEL not in ktx.regelbok.regler:
        return Ukjent(())
    utfall, mangler = ktx.resultat(LIVSOPPHOLDSREGEL)[:2]  # the outcome: no node needed
    if utfall is outcome.UAVKLART:
        return Ukjent(mangler)
    return utfall.value
