"""A path in the case (``inntekter[0].belop_per_maned``) and its value as a person reads them.

What-if and why-not take and give their changes as contract paths, which case systems need;
a person reads «beløp per måned (inntekten «Arbeidsinntekt»)» and «søkeren». The words are
the working paper's (``explain``): each person by ``personetiketter``, a line's type by
``postetikett``, a field by ``manglertekst``. This module only says which object a path points
at, and how a list's element is named in a sentence: by its type's label and its amount, with
an ordinal when two of the case's lines have the same type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ..inndata.isodato import som_dato
from ..vurdering.katalog import VERDIER, verdietikett
from .explain import Personer, formater, kroner, manglertekst, postetikett, tall

__all__ = ["elementnavn", "stinavn", "verdinavn"]

#: The case's lists whose elements are named by type and amount: the calculation line's prefix,
#: the amount field, and the element in words per language: (definite, with an ordinal, a new
#: one), the ordinal template filled by ``_ORDENSTALL``.
_LISTER: Mapping[str, tuple[str, str, Mapping[str, tuple[str, str, str]]]] = {
    "inntekter": (
        "inntekt_",
        "belop_per_maned",
        {
            "nb": ("inntekten", "den {ord} inntekten", "en ny inntekt"),
            "nn": ("inntekta", "den {ord} inntekta", "ei ny inntekt"),
            "en": ("the income", "the {ord} income", "a new income"),
        },
    ),
    "formue": (
        "formue_",
        "belop",
        {
            "nb": ("formuen", "den {ord} formuen", "en ny formue"),
            "nn": ("formuen", "den {ord} formuen", "ein ny formue"),
            "en": ("the asset", "the {ord} asset", "a new asset"),
        },
    ),
    "boutgifter": (
        "boutgift_",
        "belop_per_maned",
        {
            "nb": ("boutgiften", "den {ord} boutgiften", "en ny boutgift"),
            "nn": ("buutgifta", "den {ord} buutgifta", "ei ny buutgift"),
            "en": ("the housing cost", "the {ord} housing cost", "a new housing cost"),
        },
    ),
}

#: Ordinals in words, first to tenth; after that «nr. 11».
_ORDENSTALL: Mapping[str, tuple[str, ...]] = {
    "nb": ("første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende",
           "niende", "tiende"),
    "nn": ("første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuande", "åttande",
           "niande", "tiande"),
    "en": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
           "ninth", "tenth"),
}  # fmt: skip

#: The few words of this module's own.
_ORD: Mapping[str, Mapping[str, str]] = {
    "nb": {"pa": "på", "nr": "nr. {nr}", "ny_person": "en ny person"},
    "nn": {"pa": "på", "nr": "nr. {nr}", "ny_person": "ein ny person"},
    "en": {"pa": "of", "nr": "no. {nr}", "ny_person": "a new person"},
}


def _ordenstall(nr: int, sprak: str) -> str:
    ord_ = _ORDENSTALL[sprak]
    return ord_[nr - 1] if nr <= len(ord_) else _ORD[sprak]["nr"].format(nr=nr)


def _liste(inndata: Mapping[str, Any], liste: str) -> list[Any]:
    verdi = inndata.get(liste)
    return verdi if isinstance(verdi, list) else []


def elementnavn(
    inndata: Mapping[str, Any],
    liste: str,
    indeks: int,
    sprak: str,
    personer: Personer,
    *,
    med_belop: bool = True,
    element: Mapping[str, Any] | None = None,
) -> str:
    """One element of a list in the case as a sentence names it.

    «inntekten «Arbeidsinntekt» på 9 000 kr»; «den andre inntekta «Barnetrygd»» when two
    lines have that type; «en ny inntekt «Arbeidsinntekt» (søkeren)» for ``element``, a line
    the case does not have yet (one past the end); a person by their label; another list's
    element by the list's name and number.
    """
    linjer = _liste(inndata, liste)
    if liste == "personer":
        if indeks < len(linjer):
            return personer.get(f"personer[{indeks}]", _ORD[sprak]["ny_person"])
        return _ORD[sprak]["ny_person"]
    if liste not in _LISTER:  # «oppfølgingssamtale nr. 2»: the element's name, else the list's
        nr = _ORD[sprak]["nr"].format(nr=indeks + 1)
        return f"{manglertekst(f'{liste}[{indeks}]', sprak)} {nr}"
    prefiks, belopsfelt, ord_ = _LISTER[liste]
    bestemt, med_ordenstall, ny = ord_[sprak]
    linje = element if element is not None else (linjer[indeks] if indeks < len(linjer) else None)
    if not isinstance(linje, Mapping):
        return ny
    type_ = linje.get("type")
    etikett = f" «{postetikett(prefiks + type_, sprak)}»" if isinstance(type_, str) else ""
    if element is not None or indeks >= len(linjer):
        navn = ny + etikett
    else:
        like = [
            i for i, x in enumerate(linjer) if isinstance(x, Mapping) and x.get("type") == type_
        ]
        navn = (
            med_ordenstall.format(ord=_ordenstall(like.index(indeks) + 1, sprak))
            if len(like) > 1
            else bestemt
        ) + etikett
    belop = linje.get(belopsfelt)
    if med_belop and isinstance(belop, int | float | Decimal) and not isinstance(belop, bool):
        navn += f" {_ORD[sprak]['pa']} {kroner(Decimal(str(belop)), sprak)}"
    hvem = linje.get("person")
    if element is not None and isinstance(hvem, str) and hvem in personer:
        navn += f" ({personer[hvem]})"
    return navn


def stinavn(
    steg: Sequence[str | int], inndata: Mapping[str, Any], sprak: str, personer: Personer
) -> str:
    """A path (as ``hvaom.les_sti`` reads it) as a reader names it.

    ``personer[1]`` → «ektefellen»; ``personer[0].fodselsdato`` → «fødselsdato (søkeren)»;
    ``inntekter[0]`` → «inntekten «Arbeidsinntekt» på 9 000 kr»; ``inntekter[0].belop_per_maned``
    → «beløp per måned (inntekten «Arbeidsinntekt»)»; ``kommune.navn`` → «kommunen».
    """
    sti = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steg).lstrip(".")
    if len(steg) >= 2 and isinstance(steg[0], str) and isinstance(steg[1], int):
        liste, indeks = steg[0], steg[1]
        if liste == "personer" and len(steg) > 2 and f"personer[{indeks}]" in personer:
            return manglertekst(sti, sprak, personer)  # «fødselsdato (søkeren)»
        med_belop = len(steg) == 2 or steg[2] != (_LISTER.get(liste, ("", ""))[1])
        objekt = elementnavn(inndata, liste, indeks, sprak, personer, med_belop=med_belop)
        if len(steg) == 2:
            return objekt
        return f"{manglertekst(sti, sprak)} ({objekt})"
    return manglertekst(sti, sprak)


def verdinavn(
    steg: Sequence[str | int],
    verdi: Any,
    inndata: Mapping[str, Any],
    sprak: str,
    personer: Personer,
) -> str:
    """A value at a path as a reader reads it: an amount in kroner, a date, «ja», a code by its
    label, a person by who they are, a new list element by its type and amount."""
    felt = next((s for s in reversed(steg) if isinstance(s, str)), "")
    if verdi is None:
        return "–"
    if isinstance(verdi, bool):
        return formater(verdi, sprak)
    if isinstance(verdi, int | float | Decimal):
        tallet = Decimal(str(verdi))
        return kroner(tallet, sprak) if "belop" in felt else tall(tallet, sprak)
    if isinstance(verdi, str):
        if verdi in personer:
            return personer[verdi]
        dag = som_dato(verdi)
        if dag is not None:
            return formater(dag, sprak)
        if verdi in VERDIER:
            return verdietikett(verdi, sprak)
        return f"«{verdi}»"
    if isinstance(verdi, Mapping):
        if len(steg) >= 2 and isinstance(steg[-1], int) and isinstance(steg[-2], str):
            return elementnavn(inndata, steg[-2], steg[-1], sprak, personer, element=verdi)
        deler = [
            (manglertekst(str(k), sprak), verdinavn((*steg, str(k)), v, inndata, sprak, personer))
            for k, v in verdi.items()
        ]
        return ", ".join(f"{navn} {v}" for navn, v in deler)
    if isinstance(verdi, list | tuple):
        return ", ".join(verdinavn(steg, v, inndata, sprak, personer) for v in verdi) or "–"
    return str(verdi)
