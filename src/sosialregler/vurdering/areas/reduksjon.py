"""§ 20 third ledd: reductions of support for breach of a condition, assessed one by one.

Each entry in ``reduksjoner`` is checked by the rules with ``gjelder = "reduksjon"``
(``rules/stl-20-3-reduksjon.toml``): whether the decision that set the condition warned of
reduction, whether the support left per month still covers the housing costs, and
the factors the caseworker must weigh (proportionality, the reason for the breach, children
in the household, advance notice). This module only gathers each reduction's facts — the
condition it concerns, the support before and after — and does the one subtraction.

The support before the reduction is the § 18 guideline amount on the assessment date
(``livsopphold.belop_per_maned``), so this calculation must run after the § 18 one: the
engine runs calculations in rule-file order, and ``stl-20-3-reduksjon.toml`` sorts after
``stl-18-livsopphold.toml``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ...inndata.desimal import tall_til_json
from ...inndata.errors import RegelFeil
from ...inndata.facts import Reduksjon, Sak
from ...inndata.ukjent import Ukjent
from ..engine import Kontekst
from ..faktainfo import FaktaInfo
from .base import Beregning, Linje
from .vilkar import beregningsnode, oppsummer

#: The § 18 calculation runs first: this one reads its facts.
ETTER = ("livsopphold",)

REDUKSJONSREGEL = "stl-20-3-reduksjon"
#: The summary facts whose values name reductions by condition id and date («v2 2024-03-15»):
#: the JSON keeps them, the working paper names the condition by its label.
REDUKSJONSLISTER = frozenset(["reduksjonene.ikke_oppfylt", "reduksjonene.skjonn"])
#: The per-reduction fact that holds the breached condition's id («brudd på vilkår
#: {reduksjon.vilkar}»): shown by its number in the case, as ``vilkar.VILKARSID``.
REDUKSJONSVILKAR = frozenset(["reduksjon.vilkar"])
NULL = Decimal(0)


def _f(navn: str, type: str, nb: str, en: str, omfang: str | None = None) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en, omfang)


FAKTA = [
    _f(
        "reduksjonene.finnes",
        "sannhetsverdi",
        "saken har reduksjoner som skal vurderes",
        "the case has reductions to assess",
    ),
    _f("reduksjonene.antall", "tall", "antall reduksjoner", "number of reductions"),
    _f(
        "reduksjonene.ikke_oppfylt",
        "liste",
        "reduksjoner som ikke kan gjennomføres",
        "reductions that cannot be made",
    ),
    _f(
        "reduksjonene.skjonn",
        "liste",
        "reduksjoner med spørsmål til saksbehandlers skjønn",
        "reductions with questions for the caseworker's discretion",
    ),
    _f(
        "reduksjonene.avklart",
        "sannhetsverdi",
        "alle reduksjoner kan vurderes på opplysningene i saken",
        "every reduction can be assessed on the facts given",
    ),
    # One reduction (scope "reduksjon")
    _f(
        "reduksjon.vilkar",
        "tekst",
        "vilkåret som er brutt",
        "the condition breached",
        "reduksjon",
    ),
    _f(
        "reduksjon.person",
        "tekst",
        "hvem vilkåret gjelder",
        "whom the condition concerns",
        "reduksjon",
    ),
    _f("reduksjon.dato", "dato", "reduksjonen gjelder fra", "reduction from", "reduksjon"),
    _f(
        "reduksjon.belop_per_maned",
        "belop",
        "reduksjon per måned",
        "reduction per month",
        "reduksjon",
    ),
    _f(
        "reduksjon.arsak_til_brudd",
        "tekst",
        "årsaken til bruddet, slik den er registrert",
        "the reason for the breach, as recorded",
        "reduksjon",
    ),
    _f(
        "reduksjon.forhandsvarslet",
        "sannhetsverdi",
        "stønadsmottakeren er varslet før reduksjonsvedtaket",
        "the recipient was notified before the reduction decision",
        "reduksjon",
    ),
    _f(
        "reduksjon.varslet_i_vedtaket",
        "sannhetsverdi",
        "vedtaket som satte vilkåret, sa at brudd kan føre til reduksjon",
        "the decision that set the condition said that breach may lead to reduction",
        "reduksjon",
    ),
    _f(
        "reduksjon.stonad_for_reduksjon",
        "belop",
        "stønad til livsopphold per måned før reduksjonen",
        "subsistence support per month before the reduction",
        "reduksjon",
    ),
    _f(
        "reduksjon.stonad_etter_reduksjon",
        "belop",
        "stønad til livsopphold per måned etter reduksjonen (aldri under 0)",
        "subsistence support per month after the reduction (never below 0)",
        "reduksjon",
    ),
    _f(
        "reduksjon.boutgifter_per_maned",
        "belop",
        "godkjente boutgifter per måned i stønaden",
        "accepted housing costs per month in the support",
        "reduksjon",
    ),
    _f(
        "reduksjon.gulv_per_maned",
        "belop",
        "stønaden per måned som trengs for at boutgiftene blir dekket (boutgifter minus "
        "inntekt som regnes med, aldri under 0)",
        "the support per month needed for housing costs to be covered (housing costs minus "
        "counted income, never below 0)",
        "reduksjon",
    ),
    _f(
        "reduksjon.igjen_til_livsopphold",
        "belop",
        "det som er igjen per måned til livsopphold utenom boutgiftene etter reduksjonen "
        "(stønad og inntekt minus boutgifter)",
        "what is left per month for living costs other than housing after the reduction "
        "(support and income minus housing costs)",
        "reduksjon",
    ),
]


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    return {"reduksjonene.finnes": bool(sak.reduksjoner)}


def reduksjonsfakta(
    sak: Sak,
    indeks: int,
    stonad: Decimal | Ukjent,
    boutgifter: Decimal | Ukjent | None = None,
    inntekt: Decimal | Ukjent | None = None,
) -> dict[str, Any]:
    """The facts of one reduction: its own, its condition's, and the support before and after.

    Every amount is per month (issue 14 point 8: the floor was a one-off emergency amount set
    against monthly support). The floor is what keeps the housing costs covered: the support
    that, with the income counted, pays the accepted housing costs; what is left for other
    living costs is shown for the caseworker's question of a «forsvarlig» level.
    """
    reduksjon: Reduksjon = (sak.reduksjoner or ())[indeks]
    sti = f"reduksjoner[{indeks}]"
    vilkar = sak.vilkar or ()
    vindeks = next(i for i, v in enumerate(vilkar) if v.id == reduksjon.vilkar)
    varslet = vilkar[vindeks].varsel_om_reduksjon
    etter: Decimal | Ukjent = (
        stonad if isinstance(stonad, Ukjent) else max(stonad - reduksjon.belop_per_maned, NULL)
    )
    arsak = (reduksjon.arsak_til_brudd or "").strip()
    return {
        "reduksjon.vilkar": reduksjon.vilkar,
        "reduksjon.person": vilkar[vindeks].person,
        "reduksjon.dato": reduksjon.dato,
        "reduksjon.belop_per_maned": reduksjon.belop_per_maned,
        "reduksjon.arsak_til_brudd": arsak or Ukjent((f"{sti}.arsak_til_brudd",)),
        "reduksjon.forhandsvarslet": Ukjent((f"{sti}.forhandsvarslet",))
        if reduksjon.forhandsvarslet is None
        else reduksjon.forhandsvarslet,
        "reduksjon.varslet_i_vedtaket": Ukjent((f"vilkar[{vindeks}].varsel_om_reduksjon",))
        if varslet is None
        else varslet,
        "reduksjon.stonad_for_reduksjon": stonad,
        "reduksjon.stonad_etter_reduksjon": etter,
        **_gulv(etter, boutgifter, inntekt),
    }


def _gulv(
    etter: Decimal | Ukjent, boutgifter: Decimal | Ukjent | None, inntekt: Decimal | Ukjent | None
) -> dict[str, Any]:
    """The monthly floor and what is left for living costs, unknown naming what is missing."""
    mangler = tuple(
        m
        for verdi, felt in ((boutgifter, "boutgifter"), (inntekt, "inntekter"))
        for m in (verdi.mangler if isinstance(verdi, Ukjent) else (felt,) if verdi is None else ())
    )
    if mangler or isinstance(etter, Ukjent):
        ukjent = Ukjent(
            tuple(dict.fromkeys(mangler + (etter.mangler if isinstance(etter, Ukjent) else ())))
        )
        return {
            "reduksjon.boutgifter_per_maned": boutgifter if boutgifter is not None else ukjent,
            "reduksjon.gulv_per_maned": ukjent,
            "reduksjon.igjen_til_livsopphold": ukjent,
        }
    assert isinstance(boutgifter, Decimal) and isinstance(inntekt, Decimal)
    return {
        "reduksjon.boutgifter_per_maned": boutgifter,
        "reduksjon.gulv_per_maned": max(boutgifter - inntekt, NULL),
        "reduksjon.igjen_til_livsopphold": etter + inntekt - boutgifter,
    }


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """Assess each reduction against the support on the date."""
    if "livsopphold.belop_per_maned" not in ktx.fakta:
        raise RegelFeil(
            "beregningen «reduksjon» trenger livsopphold.belop_per_maned: § 18-beregningen "
            "må ligge i regelboken og kjøre før denne (regelfilene kjøres i navnerekkefølge)"
        )
    stonad = ktx.fakta["livsopphold.belop_per_maned"]
    linjer: list[Linje] = []
    noder = []
    per_reduksjon = {}
    utdata = []
    for indeks, reduksjon in enumerate(sak.reduksjoner or ()):
        fakta = reduksjonsfakta(
            sak,
            indeks,
            stonad,
            ktx.fakta.get("livsopphold.boutgifter"),
            ktx.fakta.get("livsopphold.inntekt_medregnet"),
        )
        node = ktx.for_element(fakta).vurder(
            REDUKSJONSREGEL, f"{REDUKSJONSREGEL}[reduksjoner[{indeks}]]"
        )
        noder.append(node)
        navn = f"{reduksjon.vilkar} {reduksjon.dato.isoformat()}"
        if navn in per_reduksjon:  # two reductions of one condition on one date
            navn = f"{navn} (reduksjoner[{indeks}])"
        per_reduksjon[navn] = [node]
        linjer.append(
            Linje(
                "reduksjon",
                -reduksjon.belop_per_maned,
                person=fakta["reduksjon.person"],
                grunnlag=reduksjon.belop_per_maned,
                regel=REDUKSJONSREGEL,
                node_id=node.id,
            )
        )
        etter = fakta["reduksjon.stonad_etter_reduksjon"]
        utdata.append(
            {
                "vilkar": reduksjon.vilkar,
                "dato": reduksjon.dato.isoformat(),
                "belop_per_maned": tall_til_json(reduksjon.belop_per_maned),
                "stonad_etter_reduksjon": None
                if isinstance(etter, Ukjent)
                else tall_til_json(etter),
                "utfall": node.utfall.value,
            }
        )
    sammendrag = oppsummer(per_reduksjon, "reduksjonene")
    regel = ktx.regelbok.beregningsregel("reduksjon", ktx.dato)
    tre, mangler = beregningsnode(ktx, regel, "reduksjon-vurdering", noder, sammendrag)
    return Beregning(
        linjer=tuple(linjer),
        node=tre,
        fakta=sammendrag,
        mangler=mangler,
        utdata={"reduksjonsvurdering": utdata},
        enhet="per_reduksjon",
    )
