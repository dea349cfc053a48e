"""Audit findings in words (nb, nn, en): one finding, and one case's checklist.

Every word comes from ``rules/tilsyn/malepunkter.toml`` except the checklist's few headings,
which are here with all three languages side by side.
"""

from __future__ import annotations

from datetime import date

from ...vurdering.katalog import verdietikett
from . import etiketter
from .etiketter import Lesehjelp
from .regler import SPRAK, UTFALL, Malepunkter
from .vurdering import Funn

OVERSKRIFTER: dict[str, dict[str, str]] = {
    "tittel": {
        "nb": "Tilsyn: målepunkter for {sak} per {dato}",
        "nn": "Tilsyn: målepunkt for {sak} per {dato}",
        "en": "Supervision: audit points for {sak} on {dato}",
    },
    "saken": {"nb": "saken", "nn": "saka", "en": "the case"},
    "hjemmel": {"nb": "Hjemmel", "nn": "Heimel", "en": "Legal basis"},
    "grunnlag": {"nb": "Grunnlag", "nn": "Grunnlag", "en": "Evidence"},
    "sum": {
        "nb": "{brudd} brudd, {uavklart} uavklart, {oppfylt} oppfylt, "
        "{ikke_relevant} ikke relevant.",
        "nn": "{brudd} brot, {uavklart} uavklart, {oppfylt} oppfylt, "
        "{ikke_relevant} ikkje relevant.",
        "en": "{brudd} breaches, {uavklart} unresolved, {oppfylt} met, "
        "{ikke_relevant} not relevant.",
    },
}


def sjekk_sprak(sprak: str) -> str:
    if sprak not in SPRAK:
        raise ValueError(f"ukjent språk {sprak!r}; velg nb, nn eller en")
    return sprak


def grunner(m: Malepunkter, funn: Funn, sprak: str, lh: Lesehjelp | None = None) -> str:
    """The reasons of a finding joined into one sentence (codes in words, persons by label)."""
    punkt = m.punkt(funn.malepunkt)
    deler = [
        punkt.grunner[g.kode][sprak]
        .format(**{k: _verdi(m, k, v, sprak, lh or Lesehjelp()) for k, v in g.verdier})
        .rstrip(".")
        for g in funn.grunner
    ]
    return "; ".join(deler) + "." if deler else ""


#: The reasons' values that are codes of the contract, shown in words (a date or a number is
#: shown as it is; a person by the working paper's label).
KODER = frozenset({"initiativ", "tjeneste", "type", "signaler", "forhold"})


def _verdi(m: Malepunkter, navn: str, v: str | tuple[str, ...], sprak: str, lh: Lesehjelp) -> str:
    if navn in KODER:
        return _i_ord(m, v, sprak)
    if navn == "person" and isinstance(v, str):
        return lh.get(sprak, v) or verdietikett("barn", sprak)
    return v if isinstance(v, str) else ", ".join(v)


def _i_ord(m: Malepunkter, verdi: str | tuple[str, ...], sprak: str) -> str:
    """A value as the text shows it: a code in words; a list of codes joined."""
    if isinstance(verdi, tuple):
        return ", ".join(m.ordet(v, sprak) for v in verdi)
    return m.ordet(verdi, sprak)


def tekst(m: Malepunkter, funn: Funn, sprak: str = "nb", lh: Lesehjelp | None = None) -> str:
    """A finding in one sentence: «Brudd: …», «Uavklart: … (the missing facts by name)».

    ``lh``: the case's labels (``etiketter.lesehjelp``); without them a person is «barn»."""
    sjekk_sprak(sprak)
    mal = m.utfallsmaler[funn.utfall][sprak]
    if funn.utfall == "uavklart":
        return mal.format(mangler=manglende(m, funn, sprak, lh))
    return mal.format(grunner=grunner(m, funn, sprak, lh))


def manglende(m: Malepunkter, funn: Funn, sprak: str, lh: Lesehjelp | None = None) -> str:
    """A finding's missing facts by name, joined (the finding keeps their paths)."""
    lh = lh or Lesehjelp()
    navn = [etiketter.mangler(m, sti, sprak, lh) for sti in funn.mangler]
    return ", ".join(dict.fromkeys(navn))


def sjekkliste(
    m: Malepunkter,
    funn: tuple[Funn, ...],
    sak_id: str | None,
    dato: date,
    sprak: str = "nb",
    lh: Lesehjelp | None = None,
) -> str:
    """One case's checklist for the terminal: each point, its outcome, basis, reason, evidence.

    Evidence and missing facts are named by labels (``lh``: the case's, see
    ``etiketter.lesehjelp``); the codes stay in the findings' JSON."""
    sjekk_sprak(sprak)
    lh = lh or Lesehjelp()
    o = {k: v[sprak] for k, v in OVERSKRIFTER.items()}
    linjer = [
        o["tittel"].format(sak=sak_id or o["saken"], dato=dato.strftime("%d.%m.%Y")),
        o["sum"].format(**{u: sum(1 for f in funn if f.utfall == u) for u in UTFALL}),
        "",
    ]
    for f in funn:
        p = m.punkt(f.malepunkt)
        linjer.append(f"{p.nummer:>2}. {p.tittel[sprak]} — {m.navn[f.utfall][sprak].upper()}")
        linjer.append(f"    {o['hjemmel']}: {p.hjemmel[sprak]}")
        if not p.verifisert:
            linjer.append(f"    ({m.navn['uverifisert'][sprak]})")
        linjer.append(f"    {tekst(m, f, sprak, lh)}")
        if f.bevis:
            linjer.append(f"    {o['grunnlag']}: {_kort(etiketter.bevis(m, f.bevis, sprak, lh))}")
    return "\n".join(linjer)


def _kort(t: str, maks: int = 400) -> str:
    return t if len(t) <= maks else t[: maks - 1] + "…"
