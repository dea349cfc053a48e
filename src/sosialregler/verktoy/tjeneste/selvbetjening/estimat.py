"""The library's assessment of the form's case, as the facts the estimate page words.

The amount is the library's own (``livsopphold.belop_per_maned`` of ``sosialregler.assess``),
never recomputed here; the lines are the calculation's, sorted into what counts towards the
need, what is subtracted and what is left out, so the page can say why in plain words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import frozen

from .... import assess, default_rulebook
from ....lov.outcome import Utfall
from ....lov.rulebook.book import Regelbok


@frozen
class Linje:
    """One line of the calculation: its kind (``post``), effect, the amount it weighed.

    ``person``: whose income it is (the case's ``p1`` the applicant, ``p2`` the spouse or
    cohabitant), so the page can say so. ``grunn``: for a line not counted, the title of the
    rule that left it out, per language (the library's own plain words for why, e.g. «a
    cohabitant's income counts only with a joint economy»), or None.
    """

    post: str
    belop: Decimal
    grunnlag: Decimal | None = None
    medregnet: bool | None = None
    alder: int | None = None
    person: str | None = None
    grunn: Mapping[str, str] | None = None


@frozen
class Estimat:
    """What the page shows: the amount (or why there is none) and the lines behind it.

    ``belop`` is None exactly when the library gives no amount; ``grunn`` then says why:
    ``inntekt`` (the income covers the need), ``formue`` (the savings cover it for a month or
    more) or ``ukjent`` (the library could not compute one).
    """

    dato: date
    belop: Decimal | None
    grunn: str | None
    behov: Decimal  # the rates and housing costs together
    inntekt: Decimal  # the income that counts
    linjer: tuple[Linje, ...]
    merknader: frozenset[str]
    kommune: str | None = None  # the municipality whose own rates were used, if any


def lag_estimat(sak: Mapping[str, Any], dato: date, regler: Regelbok | None = None) -> Estimat:
    """Assess the case and keep what the estimate needs (the § 18 area, ``livsopphold``).

    ``regler``: the service's rulebook (a municipality's own rates), else the shipped one.
    """
    bok = regler or default_rulebook()
    vurdering = assess(sak, on=dato, regler=bok, keep_trace=True)
    vedtak = vurdering.vedtak["livsopphold"]

    def hvorfor(regel_id: str | None) -> Mapping[str, str] | None:
        regel = bok.regel(regel_id, dato) if regel_id else None
        return dict(regel.info.tittel) if regel is not None else None

    linjer = tuple(
        Linje(
            post=linje.post,
            belop=linje.belop,
            grunnlag=linje.grunnlag,
            medregnet=linje.medregnet,
            alder=linje.alder,
            person=linje.person,
            grunn=hvorfor(linje.regel) if linje.medregnet is False else None,
        )
        for linje in vedtak.beregning or ()
    )
    behov = sum((li.belop for li in linjer if li.belop > 0), Decimal(0))
    inntekt = -sum((li.belop for li in linjer if li.belop < 0), Decimal(0))
    verdi = vedtak.utdata.get("belop_per_maned")
    belop = None if verdi is None else Decimal(verdi)
    grunn = None
    if belop is None:
        formue = sum((li.grunnlag or 0 for li in linjer if li.post.startswith("formue_")), 0)
        if vedtak.utfall is Utfall.IKKE_OPPFYLT and inntekt >= behov:
            grunn = "inntekt"
        elif formue and behov > inntekt:
            grunn = "formue"
        else:
            grunn = "ukjent"
    return Estimat(
        dato=dato,
        belop=belop,
        grunn=grunn,
        behov=behov,
        inntekt=inntekt,
        linjer=linjer,
        merknader=frozenset(m.kode for m in vurdering.merknader),
        kommune=next(
            (str(r.get("kommune") or "") for r in vurdering.satser if r.get("type") == "kommunal"),
            None,
        ),
    )
