"""Texts from trees: what a caseworker pastes into a vedtak, in bokmål or English.

Rendering is separate from evaluation and reads only the evaluated data (tree, lines, flags),
so a stored decision record renders exactly as it did. Templates come from the rule files;
placeholders name facts, whose values were recorded on the node when it was evaluated.

The structure follows what forvaltningsloven §§ 24–25 and 27 ask of a decision: the outcome,
the rules applied and what they say, the facts relied on, the main considerations (and where
the law leaves discretion, that it does), and how to appeal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .derived import Ukjent
from .engine import Merknad
from .katalog import KATALOG
from .outcome import Utfall
from .rulebook.model import RegelInfo
from .tree import Node

if TYPE_CHECKING:
    from .assessment import Assessment, Vedtak

_PLASSHOLDER = re.compile(r"\{([^{}]*)\}")

UTFALLSORD = {
    "nb": {
        Utfall.OPPFYLT: "Oppfylt",
        Utfall.IKKE_OPPFYLT: "Ikke oppfylt",
        Utfall.UAVKLART: "Uavklart – opplysninger mangler",
        Utfall.SKJONN: "Skjønn – saksbehandler må vurdere",
    },
    "en": {
        Utfall.OPPFYLT: "Met",
        Utfall.IKKE_OPPFYLT: "Not met",
        Utfall.UAVKLART: "Undetermined – facts are missing",
        Utfall.SKJONN: "Discretion – the caseworker must assess",
    },
}

#: Labels for calculation lines (display words, not law).
POSTER = {
    "sats_enslig": ("Sats for enslig", "Rate for a single person"),
    "sats_ektepar": ("Sats for ektepar/samboere", "Rate for a couple"),
    "sats_bofellesskap": ("Sats for person i bofellesskap", "Rate for a person sharing a home"),
    "barn_uten_barnesats": (
        "Barn over barnesatsenes aldersgrense (ingen barnesats)",
        "Child above the child-rate age bands (no child rate)",
    ),
    "boutgift_husleie": ("Husleie", "Rent"),
    "boutgift_boliglan_renter": ("Renter på boliglån", "Mortgage interest"),
    "boutgift_boliglan_avdrag": ("Avdrag på boliglån", "Mortgage repayment"),
    "boutgift_kommunale_avgifter": ("Kommunale avgifter", "Municipal charges"),
    "boutgift_strom": ("Strøm", "Electricity"),
    "boutgift_oppvarming": ("Oppvarming", "Heating"),
    "boutgift_forsikring": ("Forsikring", "Insurance"),
    "boutgift_annen": ("Annen boutgift", "Other housing cost"),
}

#: Income and asset types as a reader names them.
TYPER = {
    "arbeidsinntekt": ("Arbeidsinntekt", "Earnings from work"),
    "barnetrygd": ("Barnetrygd", "Child benefit"),
    "kontantstotte": ("Kontantstøtte", "Cash-for-care benefit"),
    "bostotte": ("Bostøtte", "Housing allowance"),
    "barnebidrag": ("Barnebidrag", "Child maintenance"),
    "aap": ("Arbeidsavklaringspenger", "Work assessment allowance"),
    "dagpenger": ("Dagpenger", "Unemployment benefit"),
    "sykepenger": ("Sykepenger", "Sickness benefit"),
    "foreldrepenger": ("Foreldrepenger", "Parental benefit"),
    "uforetrygd": ("Uføretrygd", "Disability benefit"),
    "pensjon": ("Pensjon", "Pension"),
    "barns_arbeidsinntekt": ("Barns arbeidsinntekt", "Child's earnings"),
    "kvalifiseringsstonad": ("Kvalifiseringsstønad", "Qualification benefit"),
    "introduksjonsstonad": ("Introduksjonsstønad", "Introduction benefit"),
    "studielan_stipend": ("Studielån og stipend", "Student loan and grant"),
    "annen": ("Annen", "Other"),
    "bankinnskudd": ("Bankinnskudd", "Bank deposit"),
    "kontanter": ("Kontanter", "Cash"),
    "aksjer_fond": ("Aksjer og fond", "Shares and funds"),
    "kjoretoy": ("Kjøretøy", "Vehicle"),
    "fast_eiendom": ("Fast eiendom", "Real property"),
}

#: Units of calculation lines.
ENHETER = {
    "kr_per_maned": ("kr per måned", "NOK per month"),
    "kr_per_ar": ("kr per år", "NOK per year"),
    "kr_per_dag": ("kr per dag", "NOK per day"),
}

TITLER = {
    "nb": {
        "vurderingsdato": "Vurderingsdato",
        "sak": "Sak",
        "utfall": "Utfall",
        "belop": "Veiledende beløp",
        "per_maned": "kr per måned",
        "beregning": "Beregning",
        "sum": "Sum (aldri under 0)",
        "ikke_beregnet": "Beløpet kan ikke beregnes før opplysningene nedenfor er kjent.",
        "begrunnelse": "Begrunnelse",
        "mangler": "Opplysninger som mangler",
        "merknader": "Merknader",
        "fakta": "Opplysninger lagt til grunn",
        "hjemmel": "Hjemmel",
        "regnes_med": "regnes med",
        "regnes_ikke_med": "regnes ikke med",
        "uavklart": "uavklart",
        "trekkes_ikke": "trekkes ikke fra",
        "ukjent": "ukjent",
        "ja": "ja",
        "nei": "nei",
        "skjonn": "Spørsmål til saksbehandlers skjønn",
        "ikke_i_kraft": "Ingen versjon av regelen gjelder på vurderingsdatoen.",
        "biblioteket": "Vurdert av sosialregler {bibliotek}, regler {regler}.",
    },
    "en": {
        "vurderingsdato": "Assessment date",
        "sak": "Case",
        "utfall": "Outcome",
        "belop": "Guideline amount",
        "per_maned": "NOK per month",
        "beregning": "Calculation",
        "sum": "Total (never below 0)",
        "ikke_beregnet": "The amount cannot be calculated until the facts below are known.",
        "begrunnelse": "Reasons",
        "mangler": "Missing facts",
        "merknader": "Flags",
        "fakta": "Facts relied on",
        "hjemmel": "Legal basis",
        "regnes_med": "counts",
        "regnes_ikke_med": "does not count",
        "uavklart": "undetermined",
        "trekkes_ikke": "not deducted",
        "ukjent": "unknown",
        "ja": "yes",
        "nei": "no",
        "skjonn": "Questions for the caseworker's discretion",
        "ikke_i_kraft": "No version of the rule applies on the assessment date.",
        "biblioteket": "Assessed by sosialregler {bibliotek}, rules {regler}.",
    },
}


def _sprak(sprak: str) -> str:
    if sprak not in TITLER:
        raise ValueError(f"ukjent språk {sprak!r}; velg nb eller en")
    return sprak


def formater(verdi: Any, sprak: str, type: str | None = None) -> str:
    """A fact value as a caseworker reads it: '12 345 kr', '01.03.2024', 'ja'."""
    t = TITLER[sprak]
    if isinstance(verdi, Ukjent) or verdi is None:
        return t["ukjent"]
    if isinstance(verdi, bool):
        return t["ja"] if verdi else t["nei"]
    if isinstance(verdi, date):
        return verdi.strftime("%d.%m.%Y") if sprak == "nb" else verdi.isoformat()
    if isinstance(verdi, Decimal | int) and type == "belop":
        return kroner(Decimal(verdi), sprak)
    if isinstance(verdi, Decimal):
        return tall(verdi, sprak)
    if isinstance(verdi, list | tuple | frozenset):
        return ", ".join(formater(v, sprak) for v in verdi) or "–"
    return str(verdi)


def tall(verdi: Decimal | int, sprak: str) -> str:
    d = Decimal(verdi)
    heltall = d == d.to_integral_value()
    tekst = f"{d:,.0f}" if heltall else f"{d:,.2f}"
    if sprak == "nb":
        tekst = tekst.replace(",", " ").replace(".", ",")
    return tekst.replace("-", "−")


def kroner(verdi: Decimal, sprak: str) -> str:
    return f"{tall(verdi, sprak)} kr" if sprak == "nb" else f"NOK {tall(verdi, sprak)}"


def render(mal: str, node: Node, sprak: str) -> str:
    """Fill ``{fact}`` placeholders from the values recorded on the node (and below it)."""

    def verdi(treff: re.Match[str]) -> str:
        navn = treff.group(1)
        if navn == "mangler":
            return ", ".join(node.mangler) or "–"
        for n in node.noder():
            if navn in n.fakta:
                info = KATALOG.get(navn)
                return formater(n.fakta[navn], sprak, info.type if info else None)
        return TITLER[sprak]["ukjent"]

    return _PLASSHOLDER.sub(verdi, mal)


def regeltekst(node: Node, sprak: str) -> str:
    """The text of a rule node for its outcome, with a generic fallback for undetermined."""
    regel = node.regel
    if regel is None:
        return ""
    if node.rolle == "ikke_i_kraft":
        return f"{regel.tittel[sprak]}: {TITLER[sprak]['ikke_i_kraft']}"
    mal = regel.tekst(node.utfall.value, sprak)
    if mal is None and node.utfall is Utfall.UAVKLART:
        mal = (
            f"{regel.tittel[sprak]}: kan ikke avgjøres før disse opplysningene er kjent: "
            "{mangler}."
            if sprak == "nb"
            else f"{regel.tittel[sprak]}: cannot be decided until these facts are known: "
            "{mangler}."
        )
    if mal is None and node.utfall is Utfall.SKJONN:
        mal = (
            f"{regel.tittel[sprak]}: beror på saksbehandlers skjønn."
            if sprak == "nb"
            else f"{regel.tittel[sprak]}: left to the caseworker's discretion."
        )
    return render(mal or "", node, sprak)


def hjemmeltekst(regel: RegelInfo, sprak: str) -> str:
    return "; ".join(h.tekst(sprak) for h in regel.hjemmel)


def _regelnoder(node: Node) -> Iterable[Node]:
    """Rule nodes in reading order, each once; an exception shows only if it decided."""
    sett: set[str] = set()
    for n in node.noder():
        if n.regel is None or n.id in sett or n.rolle in ("beregning", "kontroll"):
            continue
        if n.rolle == "unntak" and n.utfall is not Utfall.OPPFYLT:
            continue
        sett.add(n.id)
        yield n


def begrunnelse(vedtak: Vedtak, sprak: str = "nb") -> str:
    """The reasons: the main rule's text, then each criterion's, with its reference."""
    _sprak(sprak)
    hoved = vedtak.hovednode()
    linjer = []
    for n in _regelnoder(hoved):
        if n.avgjort_av:  # the exception that decided speaks for the rule
            continue
        tekst = regeltekst(n, sprak)
        if tekst:
            linjer.append(f"{tekst} ({hjemmeltekst(n.regel, sprak)})")  # type: ignore[arg-type]
    if vedtak.utfall is Utfall.IKKE_OPPFYLT:
        for n in hoved.noder():
            if n.regel and n.utfall is Utfall.IKKE_OPPFYLT and n.rolle != "unntak":
                endring = n.regel.tekst("endring", sprak)
                if endring:
                    linjer.append(render(endring, n, sprak))
    return "\n".join(dict.fromkeys(linjer))


def merknadstekst(m: Merknad, sprak: str) -> str:
    if m.tekst:
        return m.tekst.get(sprak) or m.tekst["nb"]
    if m.node is not None:
        return regeltekst(m.node, sprak)
    return m.kode


def _linjetekst(linje: Any, vedtak: Vedtak, sprak: str) -> str:
    t = TITLER[sprak]
    post = linje.post
    if post in POSTER:
        etikett = POSTER[post][0 if sprak == "nb" else 1]
    elif post.startswith("sats_barn_"):
        fra, til = post.removeprefix("sats_barn_").split("_")
        etikett = f"Barn {fra}–{til} år" if sprak == "nb" else f"Child aged {fra}–{til}"
    elif post.startswith(("inntekt_", "formue_")):
        type_ = post.split("_", 1)[1]
        etikett = TYPER.get(type_, (type_, type_))[0 if sprak == "nb" else 1]
    else:
        etikett = post
    hvem = []
    if linje.person:
        hvem.append(linje.person)
    if linje.alder is not None:
        hvem.append(f"{linje.alder} år" if sprak == "nb" else f"age {linje.alder}")
    if hvem:
        etikett += f" ({', '.join(hvem)})"
    if linje.medregnet is not None or post.startswith("inntekt_"):
        grunnlag = kroner(linje.grunnlag, sprak) if linje.grunnlag is not None else ""
        if post.startswith("formue_"):
            status = t["trekkes_ikke"]
        elif linje.medregnet is True:
            status = t["regnes_med"]
        elif linje.medregnet is False:
            status = t["regnes_ikke_med"]
        else:
            status = t["uavklart"]
        etikett += f" {grunnlag}, {status}"
    return etikett


def _beregning(vedtak: Vedtak, sprak: str) -> list[str]:
    t = TITLER[sprak]
    ut = [f"{t['beregning']} ({ENHETER[vedtak.enhet][0 if sprak == 'nb' else 1]})"]
    bredde = 62
    for linje in vedtak.beregning:
        etikett = _linjetekst(linje, vedtak, sprak)
        belop = (
            tall(linje.belop, sprak)
            if linje.belop or not linje.post.startswith(("inntekt_", "formue_"))
            else ""
        )
        ut.append(f"  {etikett:<{bredde}} {belop:>10}".rstrip())
        begrunnet = _linjebegrunnelse(linje, vedtak, sprak)
        if begrunnet:
            ut.append(f"      {begrunnet}")
    if vedtak.belop_per_maned is not None:
        ut.append(f"  {t['sum']:<{bredde}} {tall(vedtak.belop_per_maned, sprak):>10}")
    else:
        ut.append(f"  {t['ikke_beregnet']}")
    kilder = dict.fromkeys(
        (linje.kilde, linje.gyldig_fra)
        for linje in vedtak.beregning
        if linje.gyldig_fra is not None
    )
    for kilde, fra in kilder:
        if sprak == "nb":
            ut.append(f"  Satser gyldige fra {formater(fra, sprak)}: {kilde}")
        else:
            ut.append(f"  Rates in force from {formater(fra, sprak)}: {kilde}")
    return ut


def _linjebegrunnelse(linje: Any, vedtak: Vedtak, sprak: str) -> str:
    if linje.node_id:
        node = vedtak.node.finn(linje.node_id)
        if node is not None:
            kilde = node
            if node.avgjort_av:  # the exception that decided speaks for the line
                kilde = node.finn(node.avgjort_av) or node
            elif node.utfall in (Utfall.UAVKLART, Utfall.SKJONN):  # so does an open one
                kilde = next(
                    (b for b in node.barn if b.rolle == "unntak" and b.utfall is node.utfall), node
                )
            if kilde.regel:
                return f"{regeltekst(kilde, sprak)} ({hjemmeltekst(kilde.regel, sprak)})"
    if linje.regel and linje.post.startswith("formue_"):
        node = vedtak.node.finn(linje.regel)
        if node is not None and node.regel:
            return f"{regeltekst(node, sprak)} ({hjemmeltekst(node.regel, sprak)})"
    return ""


def _fakta(vedtak: Vedtak, sprak: str) -> list[str]:
    sett: dict[str, Any] = {}
    for n in vedtak.node.noder():
        for navn, verdi in n.fakta.items():
            info = KATALOG.get(navn)
            if info is None or info.omfang is None:  # line facts are shown on their lines
                sett.setdefault(navn, verdi)
    ut = []
    for navn in sorted(sett, key=lambda n: list(KATALOG).index(n) if n in KATALOG else 999):
        info = KATALOG.get(navn)
        beskrivelse = getattr(info, sprak) if info else navn
        ut.append(f"  {beskrivelse}: {formater(sett[navn], sprak, info.type if info else None)}")
    return ut


def _apne_sporsmal(node: Node) -> Iterable[Node]:
    """Discretion leaves that still matter: reached only through undecided nodes.

    A discretion question under a ``minst_en`` that another branch already satisfied does not
    bear on the outcome and is not put to the caseworker.
    """
    if node.sporsmal:
        yield node
    for barn in node.barn:
        if barn.utfall in (Utfall.SKJONN, Utfall.UAVKLART):
            yield from _apne_sporsmal(barn)


def _sporsmal(vedtak: Vedtak, sprak: str) -> list[str]:
    return list(dict.fromkeys(f"  - {n.sporsmal[sprak]}" for n in _apne_sporsmal(vedtak.node)))


def forklar_vedtak(vedtak: Vedtak, sprak: str) -> list[str]:
    t = TITLER[sprak]
    hoved_hjemmel = "; ".join(h.tekst(sprak) for h in vedtak.hjemmel)
    ut = [f"{vedtak.tittel[sprak].upper()} ({hoved_hjemmel})", ""]
    ut.append(f"{t['utfall']}: {UTFALLSORD[sprak][vedtak.utfall]}")
    if vedtak.belop_per_maned is not None:
        ut.append(
            f"{t['belop']}: {kroner(vedtak.belop_per_maned, sprak)} "
            f"{t['per_maned'].split(' ', 1)[1] if sprak == 'nb' else 'per month'}"
        )
    ut.append("")
    if vedtak.beregning is not None:
        ut += [*_beregning(vedtak, sprak), ""]
    ut += [t["begrunnelse"], *("  " + linje for linje in begrunnelse(vedtak, sprak).splitlines())]
    sporsmal = _sporsmal(vedtak, sprak)
    if sporsmal:
        ut += ["", t["skjonn"], *sporsmal]
    if vedtak.mangler:
        ut += ["", t["mangler"], *(f"  - {m}" for m in vedtak.mangler)]
    ut += ["", t["fakta"], *_fakta(vedtak, sprak)]
    ut += ["", t["hjemmel"]]
    hjemler = (h for n in vedtak.node.noder() if n.regel for h in n.regel.hjemmel)
    for tekst, lenke in dict.fromkeys((h.tekst(sprak), h.lenke) for h in hjemler):
        ut.append(f"  {tekst}: {lenke}")
    return ut


def forklar(assessment: Assessment, sprak: str = "nb") -> str:
    """The whole explanation: each decision, the flags, appeal information."""
    _sprak(sprak)
    t = TITLER[sprak]
    hode = f"{t['vurderingsdato']}: {formater(assessment.vurderingsdato, sprak)}"
    if assessment.sak_id:
        hode += f" · {t['sak']}: {assessment.sak_id}"
    ut = [hode, ""]
    for vedtak in assessment.vedtak.values():
        ut += [*forklar_vedtak(vedtak, sprak), ""]
    if assessment.merknader:
        ut.append(t["merknader"])
        for m in assessment.merknader:
            frist = f" ({'frist' if sprak == 'nb' else 'due'} {formater(m.frist, sprak)})"
            ut.append(f"  - {m.kode}: {merknadstekst(m, sprak)}{frist if m.frist else ''}")
        ut.append("")
    if assessment.klage is not None:
        ut += [regeltekst(assessment.klage, sprak), ""]
    ut.append(t["biblioteket"].format(bibliotek=assessment.bibliotek, regler=assessment.regler))
    return "\n".join(ut)
