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
from collections.abc import Iterable, Mapping
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
    # §§ 20, 17: one line per condition, reduction or advice record (assessments, no amounts)
    "vilkar_aktivitet": ("Vilkår om aktivitet", "Activity condition"),
    "vilkar_dokumentasjon": ("Vilkår om dokumentasjon", "Documentation condition"),
    "vilkar_bruk_av_formue": ("Vilkår om bruk av formue", "Condition to use assets"),
    "vilkar_sok_annen_ytelse": ("Vilkår om å søke annen ytelse", "Condition to claim a benefit"),
    "vilkar_okonomisk_radgivning": (
        "Vilkår om økonomisk rådgivning",
        "Condition to take financial counselling",
    ),
    "vilkar_flytting": ("Vilkår om flytting", "Condition to move"),
    "vilkar_annen": ("Annet vilkår", "Other condition"),
    "varsel_om_reduksjon": ("Varsel om reduksjon ved brudd", "Notice of reduction on breach"),
    "reduksjon": ("Reduksjon for brudd på vilkår", "Reduction for breach of a condition"),
    "radgivning_generell_veiledning": ("Generell veiledning", "General guidance"),
    "radgivning_individuell_veiledning": ("Individuell veiledning", "Individual guidance"),
    "radgivning_okonomisk_radgivning": ("Økonomisk rådgivning", "Financial counselling"),
    "radgivning_gjeldsradgivning": ("Gjeldsrådgivning", "Debt counselling"),
    "radgivning_motivasjon_og_endringsarbeid": (
        "Motivasjons- og endringsarbeid",
        "Motivation and change work",
    ),
    "utgift_tannbehandling": ("Tannbehandling", "Dental treatment"),
    "utgift_medisiner": ("Medisiner", "Medicines"),
    "utgift_briller": ("Briller", "Glasses"),
    "utgift_helse_annet": ("Andre helseutgifter", "Other health costs"),
    "utgift_fritidsaktivitet_barn": ("Fritidsaktivitet for barn", "Children's leisure activity"),
    "utgift_reise": ("Reise", "Travel"),
    "utgift_barnehage_sfo": ("Barnehage og SFO", "Kindergarten and after-school care"),
    "utgift_etablering": ("Etablering", "Setting up a home"),
    "utgift_innbo_utstyr": ("Innbo og utstyr", "Furniture and equipment"),
    "utgift_gjeld": ("Gjeld", "Debt"),
    "utgift_annen": ("Annen utgift", "Other expense"),
    "engangsutgift_tannbehandling": ("Tannbehandling (engangs)", "Dental treatment (one-off)"),
    "engangsutgift_medisiner": ("Medisiner (engangs)", "Medicines (one-off)"),
    "engangsutgift_briller": ("Briller (engangs)", "Glasses (one-off)"),
    "engangsutgift_helse_annet": ("Andre helseutgifter (engangs)", "Other health costs (one-off)"),
    "engangsutgift_fritidsaktivitet_barn": (
        "Fritidsaktivitet for barn (engangs)",
        "Children's leisure activity (one-off)",
    ),
    "engangsutgift_reise": ("Reise (engangs)", "Travel (one-off)"),
    "engangsutgift_barnehage_sfo": (
        "Barnehage og SFO (engangs)",
        "Kindergarten and after-school care (one-off)",
    ),
    "engangsutgift_etablering": ("Etablering (engangs)", "Setting up a home (one-off)"),
    "engangsutgift_innbo_utstyr": (
        "Innbo og utstyr (engangs)",
        "Furniture and equipment (one-off)",
    ),
    "engangsutgift_gjeld": ("Gjeld (engangs)", "Debt (one-off)"),
    "engangsutgift_annen": ("Annen utgift (engangs)", "Other expense (one-off)"),
    "rettighet_aap": ("Rett: Arbeidsavklaringspenger", "Right: Work assessment allowance"),
    "rettighet_uforetrygd": ("Rett: Uføretrygd", "Right: Disability benefit"),
    "rettighet_dagpenger": ("Rett: Dagpenger", "Right: Unemployment benefit"),
    "rettighet_sykepenger": ("Rett: Sykepenger", "Right: Sickness benefit"),
    "rettighet_foreldrepenger": ("Rett: Foreldrepenger", "Right: Parental benefit"),
    "rettighet_alderspensjon": ("Rett: Alderspensjon", "Right: Retirement pension"),
    "rettighet_overgangsstonad": ("Rett: Overgangsstønad", "Right: Transitional benefit"),
    "rettighet_tiltakspenger": (
        "Rett: Tiltakspenger",
        "Right: Benefit during labour-market measures",
    ),
    "rettighet_bostotte": ("Rett: Bostøtte", "Right: Housing allowance"),
    "rettighet_barnebidrag": ("Rett: Barnebidrag", "Right: Child maintenance"),
    "rettighet_barnetrygd": ("Rett: Barnetrygd", "Right: Child benefit"),
    "rettighet_kontantstotte": ("Rett: Kontantstøtte", "Right: Cash-for-care benefit"),
    "rettighet_lanekassen": ("Rett: Støtte fra Lånekassen", "Right: Student support (Lånekassen)"),
    "rettighet_kvalifiseringsprogram": (
        "Rett: Kvalifiseringsprogram",
        "Right: Qualification programme",
    ),
    "rettighet_annen": ("Rett: Annen rettighet", "Right: Other right"),
    "kvp_sats": ("Kvalifiseringsstønad, full sats", "Qualification benefit, full rate"),
    "kvp_reduksjon_under_25": (
        "Deltaker under 25 år: to tredjedeler",
        "Participant under 25: two thirds",
    ),
    "kvp_barnetillegg": ("Barnetillegg", "Child supplement"),
    "kvp_fravaer": ("Fravær", "Absence"),
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
    "alderspensjon": ("Alderspensjon", "Retirement pension"),
    "overgangsstonad": ("Overgangsstønad", "Transitional benefit"),
    "tiltakspenger": ("Tiltakspenger", "Benefit during labour-market measures"),
    "lanekassen": ("Støtte fra Lånekassen", "Student support (Lånekassen)"),
    "kvalifiseringsprogram": ("Kvalifiseringsprogram", "Qualification programme"),
}

#: Units of calculation lines.
ENHETER = {
    "kr_per_maned": ("kr per måned", "NOK per month"),
    "kr_per_ar": ("kr per år", "NOK per year"),
    "kr_per_dag": ("kr per dag", "NOK per day"),
    # Units that are not amounts: one assessment per item, shown without amounts or a sum.
    "per_vilkar": ("Vurdering av hvert vilkår", "Assessment of each condition"),
    "per_reduksjon": ("Vurdering av hver reduksjon", "Assessment of each reduction"),
    "per_radgivning": ("Vurdering av hvert registrerte råd", "Assessment of each advice record"),
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
    if tekst.startswith("-") and not tekst.strip("-0.,"):  # a zero is never «−0»
        tekst = tekst[1:]
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
    enhet = ENHETER[vedtak.enhet][0 if sprak == "nb" else 1]
    penger = vedtak.enhet.startswith("kr_")  # other units assess items one by one, no amounts
    ut = [f"{t['beregning']} ({enhet})" if penger else enhet]
    bredde = 62
    noder = _nodeindeks(vedtak.node)
    for linje in vedtak.beregning:
        etikett = _linjetekst(linje, vedtak, sprak)
        belop = (
            tall(linje.belop, sprak)
            if penger and (linje.belop or not linje.post.startswith(("inntekt_", "formue_")))
            else ""
        )
        ut.append(f"  {etikett:<{bredde}} {belop:>10}".rstrip())
        begrunnet = _linjebegrunnelse(linje, noder, sprak)
        if begrunnet:
            ut.append(f"      {begrunnet}")
    if vedtak.belop_per_maned is not None:
        ut.append(f"  {t['sum']:<{bredde}} {tall(vedtak.belop_per_maned, sprak):>10}")
    elif "belop_per_maned" in vedtak.utdata:  # areas without a monthly sum state theirs in text
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


def _nodeindeks(rot: Node) -> dict[str, Node]:
    """Each node of a tree by id, the first depth first (as ``Node.finn``), made once: a
    search of the tree per calculation line made the text quadratic in the lines (issue 15)."""
    indeks: dict[str, Node] = {}
    stabel = [rot]
    while stabel:
        node = stabel.pop()
        indeks.setdefault(node.id, node)
        stabel.extend(reversed(node.barn))
    return indeks


def _linjebegrunnelse(linje: Any, noder: Mapping[str, Node], sprak: str) -> str:
    if linje.node_id:
        node = noder.get(linje.node_id)
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
        node = noder.get(linje.regel)
        if node is not None and node.regel:
            return f"{regeltekst(node, sprak)} ({hjemmeltekst(node.regel, sprak)})"
    return ""


def _baerende_noder(node: Node, med_kontroller: bool = True) -> Iterable[Node]:
    """The nodes a decision rests on: what the text cites and whose facts it lists.

    Left out: an exception that did not apply (it was checked, but the decision does not rest
    on it) and, for the legal references, a check that passed; both stay in the JSON tree.
    """
    if node.rolle == "unntak" and node.utfall is not Utfall.OPPFYLT:
        return
    if not med_kontroller and node.rolle == "kontroll" and node.utfall is Utfall.OPPFYLT:
        return
    yield node
    for barn in node.barn:
        yield from _baerende_noder(barn, med_kontroller)


def _fakta(vedtak: Vedtak, sprak: str) -> list[str]:
    sett: dict[str, Any] = {}
    for n in _baerende_noder(vedtak.node):
        avgjort = n.utfall in (Utfall.OPPFYLT, Utfall.IKKE_OPPFYLT)
        for navn, verdi in n.fakta.items():
            info = KATALOG.get(navn)
            if info is not None and info.omfang is not None:
                continue  # line facts are shown on their lines
            if avgjort and isinstance(verdi, Ukjent):
                continue  # unknown, but the node was decided without it: noise to list
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
    # A calculation without lines or amount (one that evaluates items, e.g. § 27's stays)
    # has no table to show.
    if vedtak.beregning is not None and (vedtak.beregning or "belop_per_maned" in vedtak.utdata):
        ut += [*_beregning(vedtak, sprak), ""]
    ut += [t["begrunnelse"], *("  " + linje for linje in begrunnelse(vedtak, sprak).splitlines())]
    sporsmal = _sporsmal(vedtak, sprak)
    if sporsmal:
        ut += ["", t["skjonn"], *sporsmal]
    if vedtak.mangler:
        ut += ["", t["mangler"], *(f"  - {m}" for m in vedtak.mangler)]
    ut += ["", t["fakta"], *_fakta(vedtak, sprak)]
    ut += ["", t["hjemmel"]]
    noder = _baerende_noder(vedtak.node, med_kontroller=False)
    hjemler = (h for n in noder if n.regel for h in n.regel.hjemmel)
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
