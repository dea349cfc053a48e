"""§ 17: advice and guidance given, each record checked for a decision where one is required.

Every entry in ``radgivning`` is assessed by the rules with ``gjelder = "radgivning"``
(``rules/stl-17-opplysning-rad-veiledning.toml``): advice that goes beyond general guidance
(individual guidance, financial or debt counselling, motivation and change work) needs a
written decision. Which types go beyond general guidance is decided in the rule file; this
module only walks the list.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ...inndata.facts import Radgivning, Sak
from ...inndata.ukjent import Ukjent
from ..engine import Kontekst
from ..faktainfo import FaktaInfo
from .base import Beregning, Linje
from .vilkar import beregningsnode, oppsummer

RADGIVNINGSREGEL = "stl-17-vedtak-ved-individuell-radgivning"
NULL = Decimal(0)  # lines of an assessment per item carry no amount


def _f(navn: str, type: str, nb: str, en: str, omfang: str | None = None) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en, omfang)


FAKTA = [
    _f(
        "radgivningene.finnes",
        "sannhetsverdi",
        "saken har registrert opplysning, råd eller veiledning",
        "the case records information, advice or guidance given",
    ),
    _f("radgivningene.antall", "tall", "antall registrerte råd", "number of advice records"),
    _f(
        "radgivningene.ikke_oppfylt",
        "liste",
        "råd og veiledning gitt uten vedtak",
        "advice and guidance given without a decision",
    ),
    _f(
        "radgivningene.skjonn",
        "liste",
        "råd med spørsmål til saksbehandlers skjønn",
        "advice records with questions for the caseworker",
    ),
    _f(
        "radgivningene.avklart",
        "sannhetsverdi",
        "alle registrerte råd kan vurderes på opplysningene i saken",
        "every advice record can be assessed on the facts given",
    ),
    # One advice record (scope "radgivning")
    _f(
        "radgivning.dato",
        "dato",
        "datoen rådet ble gitt",
        "date the advice was given",
        "radgivning",
    ),
    _f("radgivning.type", "tekst", "type råd eller veiledning", "type of advice", "radgivning"),
    _f(
        "radgivning.person",
        "tekst",
        "hvem rådet ble gitt til",
        "to whom the advice was given",
        "radgivning",
    ),
    _f(
        "radgivning.vedtak_fattet",
        "sannhetsverdi",
        "det er fattet vedtak om tjenesten",
        "a decision on the service has been made",
        "radgivning",
    ),
]


def utled(sak: Sak, dato: date) -> dict[str, Any]:
    return {"radgivningene.finnes": bool(sak.radgivning)}


def radgivningsfakta(sak: Sak, radgivning: Radgivning, indeks: int) -> dict[str, Any]:
    """The facts of one advice record, for rules with scope ``radgivning``."""
    return {
        "radgivning.dato": radgivning.dato,
        "radgivning.type": radgivning.type,
        "radgivning.person": radgivning.person or sak.soker.id,
        "radgivning.vedtak_fattet": Ukjent((f"radgivning[{indeks}].vedtak_fattet",))
        if radgivning.vedtak_fattet is None
        else radgivning.vedtak_fattet,
    }


def beregn(sak: Sak, ktx: Kontekst) -> Beregning:
    """Assess each advice record."""
    linjer: list[Linje] = []
    noder = []
    per_rad = {}
    utdata = []
    for indeks, radgivning in enumerate(sak.radgivning or ()):
        fakta = radgivningsfakta(sak, radgivning, indeks)
        node = ktx.for_element(fakta).vurder(
            RADGIVNINGSREGEL, f"{RADGIVNINGSREGEL}[radgivning[{indeks}]]"
        )
        noder.append(node)
        per_rad[f"{radgivning.type} {radgivning.dato.isoformat()} (radgivning[{indeks}])"] = [node]
        linjer.append(
            Linje(
                f"radgivning_{radgivning.type}",
                NULL,
                person=fakta["radgivning.person"],
                regel=RADGIVNINGSREGEL,
                node_id=node.id,
            )
        )
        utdata.append(
            {
                "dato": radgivning.dato.isoformat(),
                "type": radgivning.type,
                "person": fakta["radgivning.person"],
                "utfall": node.utfall.value,
            }
        )
    sammendrag = oppsummer(per_rad, "radgivningene")
    regel = ktx.regelbok.beregningsregel("radgivning", ktx.dato)
    tre, mangler = beregningsnode(ktx, regel, "radgivning-vurdering", noder, sammendrag)
    return Beregning(
        linjer=tuple(linjer),
        node=tre,
        fakta=sammendrag,
        mangler=mangler,
        utdata={"radgivningsvurdering": utdata},
        enhet="per_radgivning",
    )
