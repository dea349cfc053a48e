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

import decimal
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .inndata.contract import (
    SENESTE_DATO,
    TIDLIGSTE_DATO,
    URIMELIG_DATO,
    fra_dict,
    les_json,
    til_dict,
)
from .inndata.desimal import DESIMALKONTEKST
from .inndata.errors import Feil, UgyldigSak
from .inndata.facts import Sak
from .inndata.grenser import Grenser, som_grenser
from .inndata.isodato import ISO_DATO
from .lov.outcome import Utfall
from .lov.rulebook.book import Regelbok
from .utdata.assessment import Assessment, Vedtak, behold, utdata_etter_utfall
from .versjon import __version__
from .vurdering import areas, vurderer
from .vurdering.areas.base import Beregning
from .vurdering.derived import utled
from .vurdering.engine import Kontekst
from .vurdering.standardbok import default_rulebook, load_rulebook, regelbok, standard_regelbok

#: The rule that carries appeal information (forvaltningsloven § 27), shown with every text.
KLAGEREGEL = "fvl-27-klageadgang"

__all__ = [
    "KLAGEREGEL",
    "assess",
    "default_rulebook",
    "les_dato",
    "les_sak",
    "load_rulebook",
    "read_sak",
    "regelbok",
    "standard_regelbok",
]


UGYLDIG_DATO = "ugyldig dato: forventet en dato ÅÅÅÅ-MM-DD"


def les_dato(on: date | str | None) -> date | None:
    """The ``on`` / ``--dato`` argument as a date; a malformed one, or one outside the span
    a case's own dates may have (``contract.TIDLIGSTE_DATO``–``SENESTE_DATO``), is a
    rejection naming it."""
    if on is None:
        return None
    if isinstance(on, date) and not isinstance(on, datetime):
        dato = on
    elif isinstance(on, str) and ISO_DATO.fullmatch(on):
        try:
            dato = date.fromisoformat(on)
        except ValueError:
            raise UgyldigSak([Feil("--dato", on, UGYLDIG_DATO)]) from None
    else:
        raise UgyldigSak([Feil("--dato", str(on), UGYLDIG_DATO)])
    if not TIDLIGSTE_DATO <= dato <= SENESTE_DATO:
        raise UgyldigSak([Feil("--dato", dato.isoformat(), URIMELIG_DATO)])
    return dato


def read_sak(
    sak: Mapping[str, Any] | str | bytes | Sak,
    on: date | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> Sak:
    """Accept the three forms a caller may have: contract dict, JSON text, or facts.

    A ``Sak`` built in Python goes through the same validation as JSON (by way of its contract
    form), so no path into the library skips the checks across fields, nor the input limits
    (``grenser``, see ``grenser.py``).
    """
    try:
        grense = som_grenser(grenser)
    except ValueError as exc:
        raise UgyldigSak([Feil("grenser", None, str(exc))]) from None
    if isinstance(sak, Sak):
        sak = til_dict(sak)
    elif isinstance(sak, str | bytes):
        sak = les_json(sak, grense)
    return fra_dict(sak, vurderingsdato=on, grenser=grense)


def _dato(sak: Sak, on: date | None) -> date:
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
    return dato


def assess(
    sak: Mapping[str, Any] | str | bytes | Sak,
    on: date | str | None = None,
    *,
    regler: Regelbok | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
    keep_trace: bool = True,
) -> Assessment:
    """Assess a case on a date with the rules and rates in force then.

    Raises ``UgyldigSak`` (a ``ValueError``) whose ``.feil`` lists every problem with the input.
    ``grenser``: the input limits, if not the defaults (``grenser.py``; e.g. ``{"linjer":
    5000}``).

    ``keep_trace=False`` keeps the result small (``utdata.beholdt``; ≤ 10 KiB where the trace
    makes it 29–55): its outcomes, amounts and flags are there at once; its trees, texts and
    lines are built the first time they are read, by evaluating the case again. For a caller
    that keeps many results (``assess_many`` does); one that renders at once keeps the trace
    (the default), which is also the quicker evaluation (the small result is made from it).
    The result is the same either way.
    """
    if keep_trace:
        return assess_med_spor(sak, on, regler=regler, grenser=grenser)
    # Amounts are computed in a decimal context of the library's own, never the caller's
    # thread's (a case system with prec=3 would otherwise get 11 700 for 11 750).
    with decimal.localcontext(DESIMALKONTEKST):
        fakta_sak, dato, bok = _les(sak, on, regler, grenser)
        return behold(_evaluer(fakta_sak, dato, bok, bare_utfall=True), bok)


def assess_med_spor(
    sak: Mapping[str, Any] | str | bytes | Sak,
    on: date | str | None = None,
    *,
    regler: Regelbok | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> Assessment:
    """``assess`` with the trace kept (its default; the library's own callers name it): the
    result keeps its evaluation's trace (29–55 KiB where ``keep_trace=False`` keeps ≤ 10), so
    reading its trees, texts or JSON costs no second evaluation."""
    with decimal.localcontext(DESIMALKONTEKST):
        return _evaluer(*_les(sak, on, regler, grenser))


def _les(
    sak: Mapping[str, Any] | str | bytes | Sak,
    on: date | str | None,
    regler: Regelbok | None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> tuple[Sak, date, Regelbok]:
    """The case read and validated, its date, and the rulebook."""
    on_dato = les_dato(on)
    fakta_sak = read_sak(sak, on_dato, grenser)
    return fakta_sak, _dato(fakta_sak, on_dato), regler or default_rulebook()


def _evaluer(fakta_sak: Sak, dato: date, bok: Regelbok, bare_utfall: bool = False) -> Assessment:
    """A case read and validated, evaluated with its trace (``bare_utfall`` is accepted and, since
    the compiled rules write their entries compact, changes nothing: ``engine.Kontekst``)."""
    fakta = utled(fakta_sak, dato)
    ktx = Kontekst(bok, dato, fakta, bare_utfall=bare_utfall)
    vedtak: dict[str, Vedtak] = {}
    satser: list[Mapping[str, Any]] = []
    # Calculations first, so every area's rules can read every calculation's facts.
    beregninger: dict[str, Beregning] = {}
    beregning: Beregning | None  # each calculation in turn, then the one an area has, if any
    for navn in bok.beregningsrekkefolge:
        beregning = areas.beregning(navn)(fakta_sak, ktx)
        beregninger[navn] = beregning
        fakta.update(beregning.fakta)
        satser.extend(beregning.satser)
    for omrade in bok.omrader:
        if ktx.utenfor(omrade):
            continue  # the area does not concern this case: left out, as the contract says
        beregning = beregninger.get(omrade.beregning) if omrade.beregning else None
        # The tree is built when read (the compiled engine keeps a trace); outcomes are now.
        node = ktx.omradenode(omrade, beregning.node if beregning else None)
        utfall, mangler = ktx.resultat(omrade.hovedregel)[:2]
        hovedregel = ktx.regelinfo(omrade.hovedregel)
        vedtak[omrade.id] = Vedtak(
            omrade=omrade.id,
            tittel=omrade.tittel,
            utfall=utfall,
            hjemmel=hovedregel.hjemmel if hovedregel else (),
            node=node,
            hovedregel=omrade.hovedregel,
            utdata=utdata_etter_utfall(utfall, beregning.utdata) if beregning else {},
            beregning=beregning.linjer if beregning else None,
            mangler=mangler if utfall is Utfall.UAVKLART else (),
            enhet=beregning.enhet if beregning else "kr_per_maned",
        )
    klage = ktx.regelnode(KLAGEREGEL) if KLAGEREGEL in bok.regler else None
    return Assessment(
        vurderingsdato=dato,
        sak_id=fakta_sak.sak_id,
        bibliotek=__version__,
        regler=bok.digest,
        vedtak=vedtak,
        merknader=tuple(ktx.merknader),
        klage=klage,
        sak=fakta_sak,
        satser=tuple(satser),
    )


#: The name before the public API took one convention (see ``sosialregler.__doc__``).
les_sak = read_sak

# ``hvaom``, records and a kept result reach the evaluation through ``vurderer``.
vurderer.bruk(assess_med_spor, _evaluer)
