"""Re-checks a decision read back from a record: its amounts add up, its outcome is its rule's.

A record's digest detects an accidental change only (``record.py``): someone editing a record
computes it again, and without the office's key nothing else stops a forged amount from
rendering («Oppfylt, 99 850 kr» where the decision was «skjønn, 19 850 kr»). What every
decision the library writes satisfies is checked again here, so a record whose amount was
changed without its calculation, or whose outcome was changed without its tree, is refused:

* § 18 (``livsopphold``): the calculation's lines sum to the unmet need, and the amount is
  that need, or 0 when income covers it;
* KVP (``kvalifiseringsstonad``): the rate lines sum to the yearly stønad, the supplement
  lines to the supplement, the income lines to the § 38 reduction, the absence lines to the
  deduction, and the stønad after reduction is the stønad less the reduction (not below 0);
* an amount an area outputs is the value its tree's facts hold (``kvp.stonad_per_ar``), and a
  decision's outcome is its main rule's.

A record forged consistently (every line and fact changed together) passes these: only a
signature (``record.sjekk_signatur``) refuses it.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeGuard

import attrs

from ..inndata.desimal import DESIMALKONTEKST
from ..inndata.ukjent import Ukjent
from .areas.base import beregnede

if TYPE_CHECKING:
    from ..utdata.assessment import Assessment, Vedtak
    from .areas.base import Linje

#: The prefix of the facts an area's tree holds its outputs under (``utdata``'s names).
_FAKTAPREFIKS = {"livsopphold": "livsopphold.", "kvalifiseringsstonad": "kvp."}


def sjekk_belop(vurdering: Assessment) -> None:
    """Refuse (``ValueError``) a re-read decision whose amounts or outcome do not agree.

    Summed in the context the assessment computed in (``desimal``), not the caller's."""
    with decimal.localcontext(DESIMALKONTEKST):
        _sjekk_belop(vurdering)


def _sjekk_belop(vurdering: Assessment) -> None:
    for navn, vedtak in vurdering.vedtak.items():
        # A refusal's amounts are null; its computed figures (beregnet_*) are checked instead.
        vedtak = attrs.evolve(vedtak, utdata=beregnede(vedtak.utdata))
        hovednode = vedtak.node.finn(vedtak.hovedregel)
        if hovednode is not None and hovednode.utfall is not vedtak.utfall:
            _feil(
                navn,
                f"utfallet {vedtak.utfall.value} er ikke hovedregelens ({hovednode.utfall.value})",
            )
        prefiks = _FAKTAPREFIKS.get(vedtak.omrade)
        if prefiks is not None:
            _sjekk_mot_treet(navn, vedtak, prefiks)
        if vedtak.omrade == "livsopphold" and vedtak.beregning is not None:
            _sjekk_livsopphold(navn, vedtak)
        elif vedtak.omrade == "kvalifiseringsstonad" and vedtak.beregning is not None:
            _sjekk_kvp(navn, vedtak)


def _feil(navn: str, hva: str) -> None:
    raise ValueError(f"vedtaksgrunnlaget stemmer ikke med seg selv: {navn}: {hva}")


def _kjent(verdi: Any) -> TypeGuard[int | Decimal]:
    """A known amount (not unknown, not a flag): one ``Decimal(verdi)`` can take."""
    return verdi is not None and not isinstance(verdi, Ukjent | bool) and _tall(verdi)


#: Two amounts agree when they differ by less than half an øre. The assessment sums in its own
#: order (incomes first, then against the need) and the check line by line, both at 28 digits:
#: with an amount like 9.6e-11 kr the two sums differ in the 28th digit, which no payment sees,
#: while any change a reader could see (an øre or more) is still refused.
_UNDER_ET_HALVT_ORE = Decimal("0.005")


def _ulike(a: Any, b: Any) -> bool:
    return abs(Decimal(a) - Decimal(b)) >= _UNDER_ET_HALVT_ORE


def _tall(verdi: Any) -> bool:
    return isinstance(verdi, int | Decimal)


def _sum(linjer: Iterable[Linje]) -> Decimal:
    return sum((Decimal(linje.belop) for linje in linjer), Decimal(0))


def _sjekk_mot_treet(navn: str, vedtak: Vedtak, prefiks: str) -> None:
    """Each known amount the area outputs is the value every tree node holding it has."""
    for nokkel, verdi in vedtak.utdata.items():
        if not _kjent(verdi):
            continue
        faktum = prefiks + nokkel
        for node in vedtak.node.noder():
            i_treet = node.fakta.get(faktum)
            if _kjent(i_treet) and _ulike(i_treet, verdi):
                _feil(navn, f"{nokkel} er {verdi}, men treet ({node.id}) sier {i_treet}")


def _sjekk_livsopphold(navn: str, vedtak: Vedtak) -> None:
    belop = vedtak.utdata.get("belop_per_maned")
    if not _kjent(belop):
        return
    assert vedtak.beregning is not None
    udekket = _sum(vedtak.beregning)
    if _ulike(belop, max(udekket, Decimal(0))):
        _feil(navn, f"beløpet {belop} er ikke summen av beregningslinjene ({udekket}, minst 0)")
    for node in vedtak.node.noder():
        i_treet = node.fakta.get("livsopphold.udekket_behov")
        if _kjent(i_treet) and _ulike(i_treet, udekket):
            _feil(navn, f"udekket behov i treet ({i_treet}) er ikke linjenes sum ({udekket})")


def _poster(linjer: Iterable[Linje], *poster: str) -> list[Linje]:
    return [linje for linje in linjer if linje.post.startswith(poster)]


def _lik(navn: str, utdata: Mapping[str, Any], nokkel: str, forventet: Decimal, hva: str) -> None:
    verdi = utdata.get(nokkel)
    if _kjent(verdi) and _ulike(verdi, forventet):
        _feil(navn, f"{nokkel} er {verdi}, men {hva} gir {forventet}")


def _sjekk_kvp(navn: str, vedtak: Vedtak) -> None:
    assert vedtak.beregning is not None
    linjer, ut = vedtak.beregning, vedtak.utdata
    _lik(
        navn, ut, "stonad_per_ar", _sum(_poster(linjer, "kvp_sats", "kvp_reduksjon")), "satslinjene"
    )
    tillegg = _poster(linjer, "kvp_barnetillegg")
    if tillegg:
        _lik(navn, ut, "barnetillegg_per_ar", _sum(tillegg), "barnetilleggslinjene")
    _lik(navn, ut, "reduksjon_per_ar", -_sum(_poster(linjer, "inntekt_")), "inntektslinjene")
    _lik(navn, ut, "trekk_fravaer", -_sum(_poster(linjer, "kvp_fravaer")), "fraværslinjene")
    stonad, reduksjon = ut.get("stonad_per_ar"), ut.get("reduksjon_per_ar")
    if _kjent(stonad) and _kjent(reduksjon):
        etter = max(Decimal(stonad) - Decimal(reduksjon), Decimal(0))
        _lik(navn, ut, "stonad_etter_reduksjon_per_ar", etter, "stønaden minus reduksjonen")
