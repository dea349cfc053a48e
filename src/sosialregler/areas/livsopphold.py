"""§ 18 utmåling: the guideline amount, line by line (the one part of § 18 that is arithmetic).

The amount is the household's guideline rates on the assessment date (state or municipal,
with the row's date and source), plus housing costs as given, minus income that counts, never
below 0. Whether an income line counts is not decided here but by the rules (``gjelder =
"inntekt"`` in ``rules/stl-18-livsopphold.toml``), line by line, so barnetrygd and children's
earnings are explained with their own legal reference. Assets are shown as their own line and
never folded into the amount: using them first is the caseworker's decision.

Every number comes from the case or a rate table; the only arithmetic is addition.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from attrs import evolve

from .. import outcome
from ..derived import Ukjent, inntektsfakta, person_alder
from ..engine import Kontekst, Merknad
from ..facts import Sak
from ..rates import SatsOppslag
from ..tree import Node, fakta_til_json
from .base import Beregning, Linje

#: Which rate-table column, and which calculation line, applies to which household type.
SATSKOLONNE = {"enslig": "enslig", "par": "par", "bofellesskap": "bofellesskap"}
SATSPOST = {"enslig": "sats_enslig", "par": "sats_ektepar", "bofellesskap": "sats_bofellesskap"}
INNTEKTSREGEL = "stl-18-inntekt-medregnes"
#: The case facts the calculation reads, recorded on its node so the explanation shows them.
GRUNNLAGSFAKTA = (
    "vurderingsdato",
    "husstand.type",
    "bofellesskap",
    "husstand.antall_personer",
    "husstand.antall_barn",
    "husstand.antall_barn_under_18",
)
NULL = Decimal(0)


def _kilde(oppslag: SatsOppslag) -> str:
    tabell = oppslag.tabell
    navn = tabell.navn["nb"]
    if tabell.type == "kommunal" and tabell.kommune:
        navn = f"{navn} ({tabell.kommune})"
    return f"{navn}; {oppslag.rad.kilde}"


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """Compute the guideline amount and the facts ``livsopphold.*`` the rules then read."""
    dato = ktx.dato
    fakta = ktx.fakta
    regelbok = ktx.regelbok
    tabell = regelbok.livsoppholdssatser()
    oppslag = tabell.oppslag(dato)
    kilde = _kilde(oppslag)
    gyldig_fra = oppslag.rad.gyldig_fra
    linjer: list[Linje] = []
    mangler: list[str] = []

    if oppslag.utdatert or oppslag.usikker:
        ktx.merknader.append(
            Merknad(
                "SATSER_KAN_VAERE_UTDATERT",
                None,
                tekst={"nb": oppslag.advarsel("nb") or "", "en": oppslag.advarsel("en") or ""},
                hjemmeltekst=dict(tabell.hjemmel),
            )
        )

    husstand = fakta["husstand.type"]
    if isinstance(husstand, Ukjent):
        mangler.extend(husstand.mangler)
    else:
        linjer.append(
            Linje(
                SATSPOST[husstand], Decimal(oppslag.verdi(SATSKOLONNE[husstand])), kilde, gyldig_fra
            )
        )

    for person in sak.personer:
        if person.rolle != "barn":
            continue
        alder = person_alder(sak, person, dato)
        if isinstance(alder, Ukjent):
            mangler.extend(alder.mangler)
            continue
        gruppe = oppslag.barnesats(alder)
        if gruppe is None:
            # Over the child bands (18 or older): no child rate; the person's own needs are
            # assessed on their own, and the line says so instead of silently adding nothing.
            linjer.append(Linje("barn_uten_barnesats", NULL, kilde, gyldig_fra, person.id, alder))
            continue
        linjer.append(
            Linje(
                f"sats_barn_{gruppe.fra_alder}_{gruppe.til_alder}",
                gruppe.belop,
                kilde,
                gyldig_fra,
                person.id,
                alder,
            )
        )
    satssum = sum((linje.belop for linje in linjer), NULL)

    boutgifter = NULL
    if sak.boutgifter is None:
        mangler.append("boutgifter")
    else:
        for utgift in sak.boutgifter:
            linjer.append(
                Linje(f"boutgift_{utgift.type}", utgift.belop_per_maned, "oppgitt i saken")
            )
            boutgifter += utgift.belop_per_maned

    medregnet, ikke_medregnet = NULL, NULL
    inntektsnoder = []
    if sak.inntekter is None:
        mangler.append("inntekter")
    else:
        for indeks, inntekt in enumerate(sak.inntekter):
            node = ktx.for_element(inntektsfakta(sak, indeks, dato)).evaluer_regel(INNTEKTSREGEL)
            node = _med_id(node, f"{INNTEKTSREGEL}[inntekter[{indeks}]]")
            inntektsnoder.append(node)
            regel = node.avgjort_av or INNTEKTSREGEL
            belop = inntekt.belop_per_maned
            if node.utfall is outcome.OPPFYLT:
                medregnet += belop
                linjer.append(
                    Linje(
                        f"inntekt_{inntekt.type}",
                        -belop,
                        person=inntekt.person,
                        grunnlag=belop,
                        medregnet=True,
                        regel=regel,
                        node_id=node.id,
                    )
                )
            elif node.utfall is outcome.IKKE_OPPFYLT:
                ikke_medregnet += belop
                linjer.append(
                    Linje(
                        f"inntekt_{inntekt.type}",
                        NULL,
                        person=inntekt.person,
                        grunnlag=belop,
                        medregnet=False,
                        regel=regel,
                        node_id=node.id,
                    )
                )
            else:
                mangler.extend(node.mangler or (f"inntekter[{indeks}]",))
                linjer.append(
                    Linje(
                        f"inntekt_{inntekt.type}",
                        NULL,
                        person=inntekt.person,
                        grunnlag=belop,
                        medregnet=None,
                        regel=regel,
                        node_id=node.id,
                    )
                )

    for eiendel in sak.formue or ():
        linjer.append(
            Linje(
                f"formue_{eiendel.type}",
                NULL,
                "oppgitt i saken",
                person=eiendel.person,
                grunnlag=eiendel.belop,
                medregnet=False,
                regel="stl-18-1-formue",
            )
        )

    mangler_t = tuple(dict.fromkeys(mangler))
    if mangler_t:
        ukjent = Ukjent(mangler_t)
        udekket: Decimal | Ukjent = ukjent
        belop: Decimal | None = None
    else:
        udekket = satssum + boutgifter - medregnet
        belop = max(udekket, NULL)
    beregnede = {
        "livsopphold.satssum": satssum,
        "livsopphold.boutgifter": boutgifter
        if sak.boutgifter is not None
        else Ukjent(("boutgifter",)),
        "livsopphold.inntekt_medregnet": medregnet
        if sak.inntekter is not None
        else Ukjent(("inntekter",)),
        "livsopphold.inntekt_ikke_medregnet": ikke_medregnet,
        "livsopphold.udekket_behov": udekket,
        "livsopphold.belop_per_maned": belop if belop is not None else Ukjent(mangler_t),
        "livsopphold.satstabell": _kilde(oppslag),
        "livsopphold.sats_gyldig_fra": gyldig_fra,
    }
    regel = regelbok.beregningsregel("livsopphold", dato)
    brukt = {navn: fakta[navn] for navn in GRUNNLAGSFAKTA}
    node = Node(
        regel.id if regel else "livsopphold-beregning",
        outcome.UAVKLART if mangler_t else outcome.OPPFYLT,
        regel=regel.info if regel else None,
        fakta={**brukt, **beregnede},
        barn=tuple(inntektsnoder),
        mangler=mangler_t,
        rolle="beregning",
    )
    return Beregning(
        linjer=tuple(linjer),
        node=node,
        fakta=beregnede,
        mangler=mangler_t,
        utdata={"belop_per_maned": belop},
        satser=(_satsrad(oppslag),),
    )


def _satsrad(oppslag: SatsOppslag) -> dict[str, Any]:
    rad, tabell = oppslag.rad, oppslag.tabell
    return {
        "tabell": tabell.id,
        "navn": dict(tabell.navn),
        "type": tabell.type,
        "kommune": tabell.kommune,
        "fil": tabell.fil,
        "gyldig_fra": rad.gyldig_fra.isoformat(),
        "kjent_gyldig_til": rad.kjent_gyldig_til.isoformat() if rad.kjent_gyldig_til else None,
        "kilde": rad.kilde,
        "merke": rad.merke,
        "verifisert": rad.verifisert.isoformat(),
        "utdatert": oppslag.utdatert,
        "verdier": {k: str(v) for k, v in rad.verdier.items()},
        "barn": [
            {"fra_alder": g.fra_alder, "til_alder": g.til_alder, "belop": fakta_til_json(g.belop)}
            for g in rad.barn
        ],
    }


def _med_id(node: Node, ny_id: str) -> Node:
    """The same rule evaluated for several lines: give each node an id naming its line."""
    return evolve(node, id=ny_id)
