"""``assess``: a case in, an ``Assessment`` out. Read this top to bottom to see what happens.

1. The case is read (dict, JSON text or ``Sak``) and validated; a rejection lists every problem.
2. The date is fixed: ``on`` if given, else the case's ``vurderingsdato``.
3. Derived facts are computed once (ages, household type, sums).
4. Each area of law in the rulebook is assessed: its calculation (if any) adds its facts, then
   its main rule and its checks are evaluated into trees.
5. The result carries the library version, the rules' digest and the rate rows used.

A pure function: no global mutable state; the default rulebook is loaded once and is immutable.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from attrs import evolve

from . import __version__, areas
from .assessment import Assessment, Vedtak
from .contract import LOVENS_IKRAFTTREDELSE, fra_dict, les_json, til_dict
from .derived import utled
from .engine import Kontekst
from .errors import Feil, UgyldigSak
from .facts import Sak
from .outcome import Utfall
from .rulebook.book import Regelbok
from .rulebook.load import last_regelbok
from .tree import Node

#: The rule that carries appeal information (forvaltningsloven § 27), shown with every text.
KLAGEREGEL = "fvl-27-klageadgang"


@functools.cache
def standard_regelbok() -> Regelbok:
    """The rules shipped with the library, loaded and compiled once per process."""
    return last_regelbok()


@functools.cache
def _regelbok_fra(mappe: str, satser: str | None) -> Regelbok:
    return last_regelbok(mappe, satser)


def regelbok(regler: Path | str | None = None, satser: Path | str | None = None) -> Regelbok:
    """A rulebook: the shipped one, another rules folder, and/or a municipality's rate file."""
    if regler is None and satser is None:
        return standard_regelbok()
    from .rulebook.load import standard_mappe

    mappe = str(Path(regler).resolve()) if regler is not None else str(standard_mappe())
    return _regelbok_fra(mappe, str(Path(satser).resolve()) if satser else None)


def les_sak(sak: Mapping[str, Any] | str | bytes | Sak) -> Sak:
    """Accept the three forms a caller may have: contract dict, JSON text, or facts."""
    if isinstance(sak, Sak):
        return sak
    if isinstance(sak, str | bytes):
        sak = les_json(sak)
    return fra_dict(sak)


def _dato(sak: Sak, on: date | str | None) -> date:
    if isinstance(on, str):
        try:
            on = date.fromisoformat(on) if len(on) == 10 else None
        except ValueError:
            on = None
        if on is None:
            raise UgyldigSak([Feil("--dato", on, "ugyldig dato: forventet ÅÅÅÅ-MM-DD")])
    dato = on or sak.vurderingsdato
    if dato is None:
        raise UgyldigSak(
            [
                Feil(
                    "vurderingsdato",
                    None,
                    "vurderingsdato mangler: oppgi den i saken eller som on=/--dato",
                )
            ]
        )
    feil = []
    if dato < LOVENS_IKRAFTTREDELSE:
        feil.append(
            Feil(
                "vurderingsdato",
                dato.isoformat(),
                "sosialtjenesteloven (LOV-2009-12-18-131) gjelder fra 01.01.2010",
            )
        )
    for i, person in enumerate(sak.personer):
        if person.fodselsdato and person.fodselsdato > dato:
            feil.append(
                Feil(
                    f"personer[{i}].fodselsdato",
                    person.fodselsdato.isoformat(),
                    "fødselsdatoen er etter vurderingsdatoen",
                )
            )
    if feil:
        raise UgyldigSak(feil)
    return dato


def assess(
    sak: Mapping[str, Any] | str | bytes | Sak,
    on: date | str | None = None,
    *,
    regler: Regelbok | None = None,
) -> Assessment:
    """Assess a case on a date with the rules and rates in force then.

    Raises ``UgyldigSak`` (a ``ValueError``) whose ``.feil`` lists every problem with the input.
    """
    fakta_sak = les_sak(sak)
    dato = _dato(fakta_sak, on)
    bok = regler or standard_regelbok()
    fakta = utled(fakta_sak, dato)
    ktx = Kontekst(bok, dato, fakta)
    vedtak: dict[str, Vedtak] = {}
    satser: list[Mapping[str, Any]] = []
    for omrade in bok.omrader:
        beregning = None
        if omrade.beregning is not None:
            beregning = areas.beregning(omrade.beregning)(fakta_sak, ktx)
            fakta.update(beregning.fakta)
            satser.append(beregning.satsrad)
        hoved = ktx.evaluer_regel(omrade.hovedregel)
        kontroller = tuple(
            evolve(ktx.evaluer_regel(k), rolle="kontroll") for k in omrade.kontroller
        )
        barn = (hoved, *((beregning.node,) if beregning else ()), *kontroller)
        vedtak[omrade.id] = Vedtak(
            omrade=omrade.id,
            tittel=omrade.tittel,
            utfall=hoved.utfall,
            hjemmel=hoved.regel.hjemmel if hoved.regel else (),
            node=Node(omrade.id, hoved.utfall, regel=hoved.regel, barn=barn, mangler=hoved.mangler),
            hovedregel=omrade.hovedregel,
            belop_per_maned=beregning.belop_per_maned if beregning else None,
            beregning=beregning.linjer if beregning else (),
            mangler=hoved.mangler if hoved.utfall is Utfall.UAVKLART else (),
        )
    klage = ktx.evaluer_regel(KLAGEREGEL) if KLAGEREGEL in bok.regler else None
    inndata = til_dict(fakta_sak)
    inndata["vurderingsdato"] = dato.isoformat()
    return Assessment(
        vurderingsdato=dato,
        sak_id=fakta_sak.sak_id,
        bibliotek=__version__,
        regler=bok.digest,
        vedtak=vedtak,
        merknader=tuple(ktx.merknader),
        klage=klage,
        inndata=inndata,
        satser=tuple(satser),
    )
