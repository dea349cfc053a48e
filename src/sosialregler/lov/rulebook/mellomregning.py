"""A calculation's named steps (``[[regel.verdi]]``) evaluated: the reference, and the helpers
the compiled steps share with it.

The steps are law written as data (rules/stl-18-livsopphold.toml: the unmet need, the amount
never below 0, the one-off support): each is an expression of the rule language over the
calculation's totals and the steps before it. ``mellomregn`` is the interpreter's loop; the
compiler (``kompilator.kilde.mellomregningsfunksjon``) writes the same steps as straight-line
code and calls ``godta`` and ``stegfeil`` from here, so both engines give the same values and
the same named ``RegelFeil`` for a step that fails.

The totals the steps start from are sums over items, law as data too (``[[regel.sum]]``,
``model.Elementsum``): each item (an income line, a housing cost) is decided by its item rule,
and the sum says, per outcome, what an item adds. ``summer`` adds up the items as their rules
decided them; both engines call it on the outcomes their own item rules gave.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple, NoReturn

from ...inndata.errors import RegelFeil
from ...inndata.ukjent import Ukjent
from ..outcome import UAVKLART, Utfall
from .conditions import hvor
from .expr import Uttrykk, UttrykkFeil
from .model import Elementsum, Regel, Verdi

_NULL = Decimal(0)


class Element(NamedTuple):
    """One item as its rule decided it: the outcome, what it lacks, its facts (the item's over
    the case's), its place in the case (``inntekter[0]``), named when it is undetermined, and
    the rule that decided it (None: not said, as in a test of the sum alone)."""

    utfall: Utfall
    mangler: tuple[str, ...]
    fakta: Mapping[str, Any]
    sti: str
    regel: str | None = None


class Summert(NamedTuple):
    """A sum over items: the total of what was known, what each item added (None: nothing, or
    not known), and what is missing for the total to be certain (empty when it is)."""

    total: Decimal
    bidrag: tuple[Decimal | None, ...]
    mangler: tuple[str, ...]


def summer(regel: Regel, sum_: Elementsum, elementer: Sequence[Element]) -> Summert:
    """``sum_`` over ``elementer``: an item whose outcome has an expression adds its value, one
    whose outcome is ``utenfor`` adds nothing, any other (undetermined, or an outcome the rule
    does not say how to count) adds nothing and names what is missing; so does an expression
    that reads an unknown fact. The total adds the known values in item order (the arithmetic
    the calculation did in code before, so amounts keep their digits)."""
    if sum_.tilfeller:
        return _summer_tilfeller(regel, sum_, elementer)
    total = _NULL
    bidrag: list[Decimal | None] = []
    mangler: list[str] = []
    for element in elementer:
        if element.regel is not None and element.regel != sum_.regel:
            raise RegelFeil(
                f"summen {sum_.navn!r} gjelder regelen {sum_.regel!r}, men {element.sti} er "
                f"vurdert etter {element.regel!r}",
                *hvor(regel),
            )
        uttrykk = sum_.ledd.get(element.utfall)
        if uttrykk is None:
            if element.utfall is UAVKLART or element.utfall not in sum_.utenfor:
                mangler.extend(element.mangler or (element.sti,))
            bidrag.append(None)
            continue
        fakta = element.fakta
        tre = uttrykk.tre
        if tre is not None and tre[0] == "navn":  # a plain fact, the usual form: read it
            x = fakta.get(tre[1])
            if type(x) is Ukjent:
                mangler.extend(x.mangler)
                bidrag.append(None)
                continue
            if x is None and tre[1] not in fakta:  # not given at all: the closure's message
                _sumfeil(regel, sum_, element, fakta, uttrykk)
        else:
            ukjent = [v for n in uttrykk.navn if type(v := fakta.get(n)) is Ukjent]
            if ukjent:
                mangler.extend(m for v in ukjent for m in v.mangler)
                bidrag.append(None)
                continue
            try:
                x = uttrykk.funksjon(fakta)
            except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError):
                _sumfeil(regel, sum_, element, fakta, uttrykk)
        if type(x) is int:  # as ``godta`` takes an amount: an int made a Decimal, not a bool
            x = Decimal(x)
        elif not (isinstance(x, Decimal) and x.is_finite()):
            _ikke_belop(regel, sum_, element, x)
        total += x
        bidrag.append(x)
    return Summert(total, tuple(bidrag), tuple(mangler))


def _ikke_belop(regel: Regel, sum_: Elementsum, element: Element, x: object) -> NoReturn:
    raise RegelFeil(f"summen {sum_.navn!r} ga {x!r} for {element.sti}, ikke et beløp", *hvor(regel))


def _summer_tilfeller(regel: Regel, sum_: Elementsum, elementer: Sequence[Element]) -> Summert:
    """A sum without an item rule (``tilfeller``): the first case whose ``hvor`` holds for an
    item says what it adds; an item no case holds for adds nothing, knowingly. A case that
    reads an unknown fact (a child's age without a birth date, an unknown household type)
    adds nothing and names what is missing, as an undetermined item does."""
    total = _NULL
    bidrag: list[Decimal | None] = []
    mangler: list[str] = []
    for element in elementer:
        x: object = None
        for tilfelle in sum_.tilfeller:
            holder = _tilfelleverdi(regel, sum_, element, tilfelle.hvor, mangler)
            if holder is _UKJENT:
                break
            if holder is not True and holder is not False:
                raise RegelFeil(
                    f"summen {sum_.navn!r}: «{tilfelle.hvor.tekst}» ga {holder!r} for "
                    f"{element.sti}, ikke sann eller usann",
                    *hvor(regel),
                )
            if holder:
                x = _tilfelleverdi(regel, sum_, element, tilfelle.verdi, mangler)
                break
        if x is None or x is _UKJENT:
            bidrag.append(None)
            continue
        if type(x) is int:
            x = Decimal(x)
        elif not (isinstance(x, Decimal) and x.is_finite()):
            _ikke_belop(regel, sum_, element, x)
        total += x
        bidrag.append(x)
    return Summert(total, tuple(bidrag), tuple(mangler))


#: What ``_tilfelleverdi`` gives for an expression that read an unknown fact.
_UKJENT = object()


def _tilfelleverdi(
    regel: Regel, sum_: Elementsum, element: Element, uttrykk: Uttrykk, mangler: list[str]
) -> object:
    """``uttrykk`` on the item's facts; ``_UKJENT`` (and what is missing added to ``mangler``)
    when it reads an unknown fact; a failure is the sum's named rule error."""
    fakta = element.fakta
    ukjent = False
    for n in uttrykk.navn:
        v = fakta.get(n)
        if type(v) is Ukjent:
            mangler.extend(v.mangler)
            ukjent = True
    if ukjent:
        return _UKJENT
    try:
        return uttrykk.funksjon(fakta)
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError):
        _sumfeil(regel, sum_, element, fakta, uttrykk)


def _sumfeil(
    regel: Regel,
    sum_: Elementsum,
    element: Element,
    fakta: Mapping[str, Any],
    uttrykk: Uttrykk,
) -> NoReturn:
    """Report a sum that failed on an item as ``evaluer`` words it, naming sum, item and rule."""
    try:
        uttrykk.evaluer(fakta)
    except UttrykkFeil as exc:
        raise RegelFeil(
            f"summen {sum_.navn!r} feilet for {element.sti}: {exc}", *hvor(regel)
        ) from None
    raise RegelFeil(f"summen {sum_.navn!r} feilet for {element.sti}", *hvor(regel))


def godta(regel: Regel, verdi: Verdi, x: object) -> Any:
    """The step's value as its kind: an amount is always a ``Decimal`` (``max(x, 0)`` may give
    the int 0, and texts and JSON must not depend on which argument won); a value of the wrong
    kind is a named rule error, never passed on."""
    if verdi.art == "sannhetsverdi":
        if type(x) is bool:
            return x
    elif type(x) is int:
        return Decimal(x) if verdi.art == "belop" else x
    elif isinstance(x, Decimal) and x.is_finite():
        return x
    raise RegelFeil(
        f"mellomregningen {verdi.navn!r} («{verdi.uttrykk.tekst}») ga {x!r}, ikke {verdi.art}",
        *hvor(regel),
    )


def stegfeil(regel: Regel, verdi: Verdi, verdier: dict[str, Any]) -> NoReturn:
    """Report a failed step as ``evaluer`` words it, naming the step, the rule and its file."""
    try:
        verdi.uttrykk.evaluer(verdier)
    except UttrykkFeil as exc:
        raise RegelFeil(f"mellomregningen {verdi.navn!r} feilet: {exc}", *hvor(regel)) from None
    raise RegelFeil(f"mellomregningen {verdi.navn!r} feilet", *hvor(regel))


def mellomregn(regel: Regel, verdier: dict[str, Any]) -> dict[str, Any]:
    """The rule's steps on ``verdier`` (the totals), in the rule's order; ``verdier`` grows by
    each step's value and is returned."""
    for verdi in regel.verdier:
        try:
            x = verdi.uttrykk.evaluer(verdier)
        except UttrykkFeil:
            stegfeil(regel, verdi, verdier)
        verdier[verdi.navn] = godta(regel, verdi, x)
    return verdier
