"""A finding's evidence and missing facts as people read them: labels, not codes.

A ``Funn`` keeps the codes (JSON paths, flag codes, person ids, code values): they are data, and
the JSON outputs carry them as they are. What a caseworker or an auditor reads — the checklist,
the report's page and CSV texts — names them here instead, in nb, nn or en:

* a field by the label of ``katalog.TILSYNSFELT`` (the supervision facts), an area decision by
  its title, any other fact as the working paper names it (``explain.manglertekst``);
* a flag by its short label in ``rules/tilsyn/malepunkter.toml`` (``[merknad]``);
* a person as the working paper names them («søkeren», «barn født 2018»);
* a code value by its word (``[ord]`` in the rule file, else ``katalog.VERDIER``), a date as
  dates are written, yes/no as words.

What this needs from the case is gathered once per assessment into ``Lesehjelp`` (small, and
in every language, so the report's worker can send it back with the findings).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from attrs import frozen

from ...inndata.isodato import ISO_DATO
from ...lov.outcome import Utfall
from ...utdata.assessment import Assessment
from ...utdata.explain import TITLER, UTFALLSORD, formater, manglertekst, personetiketter
from ...vurdering.katalog import TILSYNSFELT, verdietikett
from .regler import SPRAK, Malepunkter

_INDEKS = re.compile(r"\[\d+\]")
_LISTEPLASS = re.compile(r"^([a-z_0-9]+\[\d+\])")
_BARN_UTEN_BEHOV = re.compile(r"barns_behov \(person (.+)\)")
_VEDTAK_SKJONN = re.compile(r"vedtak\.([a-z_]+) \(([a-z_]+)\)")
_PERSONROLLE = re.compile(r"personer\[\d+\]\.rolle")

ORD: dict[str, dict[str, str]] = {
    "ingen": {"nb": "ingen", "nn": "ingen", "en": "none"},
    "merknad": {"nb": "merknad", "nn": "merknad", "en": "flag"},
}


@frozen
class Lesehjelp:
    """What a reader's text needs from one case, in every language: ``{sprak: {key: label}}``.

    Keys: a person's id and place (``b1``, ``personer[2]``), a list item by its place
    (``barns_behov[0]`` → its child, ``radgivning[1]`` → its date) and an area decision
    (``vedtak.vilkar`` → the area's title).
    """

    tekster: Mapping[str, Mapping[str, str]] = {}

    def get(self, sprak: str, nokkel: str) -> str | None:
        return self.tekster.get(sprak, {}).get(nokkel)

    def personer(self, sprak: str) -> Mapping[str, str]:
        return self.tekster.get(sprak, {})


def lesehjelp(a: Assessment) -> Lesehjelp:
    """Gather the labels one case's findings may name (see ``Lesehjelp``)."""
    tekster: dict[str, dict[str, str]] = {}
    for sprak in SPRAK:
        t = personetiketter(a, sprak)
        sak = a.sak
        if sak is not None:
            for j, bb in enumerate(sak.barns_behov or ()):
                t[f"barns_behov[{j}]"] = t.get(bb.person, verdietikett("barn", sprak))
            for i, r in enumerate(sak.radgivning or ()):
                t[f"radgivning[{i}]"] = formater(r.dato, sprak)
        for omrade, v in a.vedtak.items():
            tittel = v.tittel.get(sprak) or v.tittel.get("nb")
            if tittel:
                t[f"vedtak.{omrade}"] = tittel
        tekster[sprak] = t
    return Lesehjelp(tekster)


def feltnavn(sti: str, sprak: str, lh: Lesehjelp) -> str:
    """A field path (``barns_behov[0].vektlagt``, ``vedtak.vilkar``) as a reader names it."""
    if sti.startswith("vedtak."):
        tittel = lh.get(sprak, sti)
        if tittel is not None:
            return tittel
    nokkel = _INDEKS.sub("[]", sti)
    info = TILSYNSFELT.get(nokkel)
    if info is None:
        return manglertekst(sti, sprak, lh.personer(sprak))
    tekst = info.etikett(sprak)
    treff = _LISTEPLASS.match(sti)
    hvem = lh.get(sprak, treff.group(1)) if treff else None
    return f"{tekst} ({hvem})" if hvem else tekst


def mangler(m: Malepunkter, sti: str, sprak: str, lh: Lesehjelp) -> str:
    """A missing fact as a reader names it (the finding keeps the path)."""
    treff = _BARN_UTEN_BEHOV.fullmatch(sti)
    if treff:
        hvem = lh.get(sprak, treff.group(1)) or verdietikett("barn", sprak)
        return f"{TILSYNSFELT['barns_behov[]'].etikett(sprak)} ({hvem})"
    treff = _VEDTAK_SKJONN.fullmatch(sti)
    if treff:
        omrade = feltnavn(f"vedtak.{treff.group(1)}", sprak, lh)
        return f"{omrade}: {utfallsord(treff.group(2), sprak)}"
    return feltnavn(sti, sprak, lh)


def utfallsord(utfall: str, sprak: str) -> str:
    """An area decision's outcome (``skjonn``) in words, lower case as in a sentence."""
    try:
        ord_ = UTFALLSORD[sprak][Utfall(utfall)]
    except ValueError:
        return utfall
    return ord_[:1].lower() + ord_[1:]


def verdi(
    m: Malepunkter, v: Any, sprak: str, lh: Lesehjelp, sti: str = "", navngitt: bool = False
) -> str:
    """An evidence value in words: a person, a code, a date, yes/no, an item, a list.

    ``navngitt``: the label already names the item (``barnets behov (barn født 2016)``), so
    the field that names it is left out of the value."""
    if isinstance(v, dict):
        treff = _LISTEPLASS.match(sti)
        i_navnet = lh.get(sprak, treff.group(1)) if treff and navngitt else None
        deler = []
        for k, x in v.items():
            under = f"{sti}.{k}"
            tekst = verdi(m, x, sprak, lh, under)
            if tekst == i_navnet:
                continue
            navn = TILSYNSFELT.get(_INDEKS.sub("[]", under))
            etikett = navn.etikett(sprak) if navn else feltnavn(under, sprak, lh)
            deler.append(f"{etikett} {tekst}")
        return ", ".join(deler)
    if isinstance(v, list | tuple):
        if not v:
            return ORD["ingen"][sprak]
        if all(isinstance(x, dict) for x in v):
            return " / ".join(verdi(m, x, sprak, lh, f"{sti}[{i}]") for i, x in enumerate(v))
        return ", ".join(verdi(m, x, sprak, lh, sti) for x in v)
    if isinstance(v, str):
        if ISO_DATO.fullmatch(v):
            return formater(date.fromisoformat(v), sprak)
        if v in lh.personer(sprak) and not v.startswith(("personer[", "vedtak.")):
            return lh.personer(sprak)[v]
        if v in m.merknader:
            return m.merknad(v, sprak)
        ord_ = m.ordet(v, sprak)
        return verdietikett(v, sprak) if ord_ == v else ord_
    if v is None:
        return TITLER[sprak]["ukjent"]
    return formater(v, sprak)


def bevis(m: Malepunkter, bevisliste: Any, sprak: str, lh: Lesehjelp) -> str:
    """A finding's evidence in one line: «personer i saken: barn født 2018; Vilkår for
    stønaden: oppfylt; merknad: vilkår uten varsel om reduksjon». Persons named one after
    another share one label."""
    deler: list[tuple[str, str]] = []
    for felt, v in bevisliste:
        if _PERSONROLLE.fullmatch(felt):
            etikett = TILSYNSFELT["personer[]"].etikett(sprak)
            tekst = lh.get(sprak, felt.removesuffix(".rolle")) or verdietikett(v, sprak)
        elif felt == "personer[].rolle":
            etikett = TILSYNSFELT["personer[]"].etikett(sprak)
            tekst = verdi(m, v, sprak, lh)
        elif felt == "merknad":
            etikett = ORD["merknad"][sprak]
            tekst = m.merknad(v, sprak)
        elif felt.startswith("vedtak."):
            etikett = feltnavn(felt, sprak, lh)
            tekst = utfallsord(v, sprak) if isinstance(v, str) else verdi(m, v, sprak, lh)
        else:
            etikett = feltnavn(felt, sprak, lh)
            tekst = verdi(m, v, sprak, lh, felt, navngitt=etikett.endswith(")"))
        if deler and deler[-1][0] == etikett:
            deler[-1] = (etikett, f"{deler[-1][1]}, {tekst}")
        else:
            deler.append((etikett, tekst))
    return "; ".join(f"{e}: {t}" for e, t in deler)
