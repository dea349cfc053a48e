"""Audit findings in words (nb, nn, en): one finding, and one case's checklist.

Every word comes from ``rules/tilsyn/malepunkter.toml`` except the checklist's few headings,
which are here with all three languages side by side.
"""

from __future__ import annotations

from datetime import date

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


def grunner(m: Malepunkter, funn: Funn, sprak: str) -> str:
    """The reasons of a finding joined into one sentence."""
    punkt = m.punkt(funn.malepunkt)
    deler = [
        punkt.grunner[g.kode][sprak]
        .format(**{k: _i_ord(m, v, sprak) if k in KODER else v for k, v in g.verdier})
        .rstrip(".")
        for g in funn.grunner
    ]
    return "; ".join(deler) + "." if deler else ""


#: The reasons' values that are codes of the contract, shown in words (a person id, a date or
#: a number is shown as it is).
KODER = frozenset({"initiativ", "tjeneste", "type", "signaler", "forhold"})


def _i_ord(m: Malepunkter, verdi: str | tuple[str, ...], sprak: str) -> str:
    """A value as the text shows it: a code in words; a list of codes joined."""
    if isinstance(verdi, tuple):
        return ", ".join(m.ordet(v, sprak) for v in verdi)
    return m.ordet(verdi, sprak)


def tekst(m: Malepunkter, funn: Funn, sprak: str = "nb") -> str:
    """A finding in one sentence: «Brudd: …», «Uavklart: … (the missing fields)»."""
    sjekk_sprak(sprak)
    mal = m.utfallsmaler[funn.utfall][sprak]
    if funn.utfall == "uavklart":
        return mal.format(mangler=", ".join(funn.mangler))
    return mal.format(grunner=grunner(m, funn, sprak))


def sjekkliste(
    m: Malepunkter, funn: tuple[Funn, ...], sak_id: str | None, dato: date, sprak: str = "nb"
) -> str:
    """One case's checklist for the terminal: each point, its outcome, basis, reason, evidence."""
    sjekk_sprak(sprak)
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
        linjer.append(f"    {tekst(m, f, sprak)}")
        if f.bevis:
            bevis = "; ".join(f"{felt} = {_kort(verdi)}" for felt, verdi in f.bevis)
            linjer.append(f"    {o['grunnlag']}: {bevis}")
    return "\n".join(linjer)


def _kort(verdi: object, maks: int = 120) -> str:
    import json

    t = json.dumps(verdi, ensure_ascii=False)
    return t if len(t) <= maks else t[: maks - 1] + "…"
