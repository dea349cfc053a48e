"""What must never reach a person in a text: the machine's names for things.

One list of leaks for the text tests (what-if and why-not, the REPL, follow-up and population
texts): a contract path (``inntekter[0]``), a dotted fact name (``husstand.type``), a
snake_case code (``belop_per_maned``), a flag code (``OMFANG_BEGRENSET``), a rule id
(``stl-18-…``), a research tag (``[V: …]``, ``S12:``), a person's id, and in nb/nn English
words, in nn the bokmål words the texts used to slip in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MONSTRE = {
    "sti": re.compile(r"\b[a-z][a-z_0-9]*\[\d*\]"),
    "faktum": re.compile(r"\b[a-z][a-z_0-9]*\.[a-z][a-z_0-9]*\b"),
    "kode": re.compile(r"\b[a-zæøå]+(?:_[a-zæøå0-9]+)+\b"),
    "merknadskode": re.compile(r"\b[A-Z]{2,}_[A-Z_]+\b"),
    "regel": re.compile(r"\b(?:stl|r35|fvl|kvp|forskrift)-[a-z0-9-]+"),
    "kilde": re.compile(r"\[(?:V2?|M)\b|\bS\d+:"),
}
#: Dotted words a Norwegian or English text writes (abbreviations, web addresses).
_PUNKTORD = frozenset({"f.eks", "bl.a", "nav.no", "lovdata.no", "m.m", "o.l", "e.g", "i.e"})
#: English words no Norwegian text has.
_ENGELSK = frozenset({"the", "and", "of", "income", "amount", "applicant", "when", "is", "not"})
#: Bokmål words that have another nynorsk form, as the texts have slipped them in.
BOKMAL = frozenset(
    {"ikke", "endret", "nå", "saken", "medregnet", "beregnet", "måned", "fra", "søkeren"}
)


_LENKE = re.compile(r"https?://\S+")


def lekkasjer(tekst: str, sprak: str = "nb", ider: Iterable[str] = ()) -> list[str]:
    """Every leak in ``tekst`` (empty when none), each as «kind: what». A link to the law is
    not one (the working paper lists them on purpose)."""
    tekst = _LENKE.sub(" ", tekst)
    ut = []
    for navn, monster in _MONSTRE.items():
        for treff in monster.finditer(tekst):
            if navn == "faktum" and treff.group(0).lower() in _PUNKTORD:
                continue
            ut.append(f"{navn}: {treff.group(0)}")
    ord_ = set(re.findall(r"[a-zæøåA-ZÆØÅ0-9-]+", tekst))
    ut += [f"id: {i}" for i in ider if i in ord_]
    sma = {o.lower() for o in ord_}
    if sprak in ("nb", "nn"):
        ut += [f"engelsk: {o}" for o in sorted(sma & _ENGELSK)]
    if sprak == "nn":
        ut += [f"bokmål: {o}" for o in sorted(sma & BOKMAL)]
    return ut
