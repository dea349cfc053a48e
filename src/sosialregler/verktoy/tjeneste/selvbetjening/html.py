"""The estimate page as HTML: the form (with its errors) and the estimate, in one language.

Written as the project's other pages are (``side.py``): escaped strings, no template engine,
no script. Accessibility is built into the markup, not added after (WCAG 2.1 AA): every input
has a ``<label for>``; groups are ``<fieldset>`` with a ``<legend>``; hints and errors are tied
to their field by ``aria-describedby``, a field in error has ``aria-invalid``; an error summary
at the top links to each field and takes focus (``autofocus``), as the estimate's heading does
after a submit; ``lang`` is set on the page and on each language choice (links on the empty form,
buttons that send the answers again on a page that holds them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from ....lov.sprak import SPRAK
from ....utdata.side import e
from ....utdata.vedtaksbrev import format as fmt
from ....utdata.vedtaksbrev.tekster import RADER, TYPER
from . import skjema as sk
from .estimat import Estimat, Linje
from .tekster import FEIL, SOKNADSLENKE, SPRAKNAVN, TEKSTER

#: The page's style sheet, relative to the page (so the routes can be mounted anywhere).
STILARK = "statisk/selvbetjening.css"


def velg_sprak(verdi: str | None) -> str:
    """The language asked for, or bokmål for anything else."""
    return verdi if verdi in SPRAK else "nb"


def feltnavn(felt: str, sprak: str) -> str:
    """The label of a field as the form shows it (used in its error messages too)."""
    t = TEKSTER[sprak]
    if felt.startswith("inntekt_") or felt.startswith("husstand_"):
        return TYPER[sprak]["inntekt_" + felt.split("_", 1)[1]]
    if felt == "partner_arbeidsinntekt":
        return TYPER[sprak]["inntekt_arbeidsinntekt"]
    if felt.startswith("bo_"):
        return TYPER[sprak]["boutgift_" + felt[3:]]
    return t.get(felt, felt)


def feilmelding(feil: sk.Feltfeil, sprak: str) -> str:
    """An error in words: the field's label, what is wrong, what to write instead."""
    navn = feltnavn(feil.felt, sprak)
    if feil.felt.startswith("partner_") and feil.felt != "partner_alder":
        navn = f"{navn} ({TEKSTER[sprak]['inntekt_partner'].lower()})"
    return FEIL[sprak][feil.kode].format(
        felt=navn,
        verdi=feil.verdi,
        min_alder=sk.MIN_VOKSEN,
        maks_alder=sk.MAKS_ALDER,
        maks_barn=sk.MAKS_BARN,
        maks_belop=fmt.belop(sk.MAKS_BELOP, sprak),
    )


def _forste_id(felt: str) -> str:
    """The element a link in the error summary moves to (a group's first choice)."""
    if felt == "husstand":
        return "husstand-alene"
    if felt == "felles_okonomi":
        return "felles_okonomi-ja"
    return felt


#: The form's id, which the language buttons outside it name (``form=``).
SKJEMA_ID = "skjema"
#: The name of the language buttons: the language they switch to, sent with the form's answers.
BYTT_SPRAK = "bytt_sprak"


def _sprakvalg(sprak: str, behold_svar: bool) -> str:
    """The language choices, each named in its own language (``lang``).

    On a page with answers (the estimate, or the form with errors) each is a submit button of
    the form: the answers are sent again by POST, nothing kept on the server and nothing in a
    URL (amounts in a URL end up in logs), and no script. On the empty form, plain links.
    """
    valg = []
    for s in SPRAK:
        naa = ' aria-current="true"' if s == sprak else ""
        if behold_svar:
            valg.append(
                f'<li><button type="submit" form="{SKJEMA_ID}" name="{BYTT_SPRAK}" '
                f'value="{s}" lang="{s}" class="sprakknapp"{naa}>{e(SPRAKNAVN[s])}</button></li>'
            )
        else:
            naa = naa.replace('"true"', '"page"')
            valg.append(
                f'<li><a href="?sprak={s}" lang="{s}" hreflang="{s}"{naa}>'
                f"{e(SPRAKNAVN[s])}</a></li>"
            )
    return "".join(valg)


def ramme(tittel: str, sprak: str, innhold: Iterable[str], *, behold_svar: bool = False) -> str:
    """The page around its content: language, title, style sheet, language choices.

    ``behold_svar``: the page holds the person's answers, and switching language keeps them.
    """
    t = TEKSTER[sprak]
    lenker = _sprakvalg(sprak, behold_svar)
    # Enter in a field sends the form by its first submit button in the page's order, which
    # would be a language button in the header: a hidden one with no value comes first, so
    # Enter sends the form in the page's own language.
    standard = f'<button type="submit" form="{SKJEMA_ID}" hidden></button>' if behold_svar else ""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{e(sprak)}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(tittel)}</title>",
            f'<link rel="stylesheet" href="{STILARK}"></head><body>{standard}',
            f'<header class="topp"><nav aria-label="{e(t["sprakvalg"])}">'
            f'<ul class="sprak">{lenker}</ul></nav></header>',
            '<main id="innhold">',
            *innhold,
            "</main></body></html>",
        ]
    )


def _hjelp_og_feil(ident: str, hjelp: str | None, feil: str | None) -> tuple[str, str]:
    """The hint and error paragraphs of a field, and the ids its ``aria-describedby`` names."""
    deler, ider = [], []
    if hjelp:
        deler.append(f'<p class="hjelp" id="{ident}-hjelp">{e(hjelp)}</p>')
        ider.append(f"{ident}-hjelp")
    if feil:
        deler.append(f'<p class="feilmelding" id="{ident}-feil">{e(feil)}</p>')
        ider.append(f"{ident}-feil")
    return "".join(deler), " ".join(ider)


def _tekstfelt(
    navn: str,
    etikett: str,
    verdi: str,
    feil: str | None,
    *,
    hjelp: str | None = None,
    enhet: str | None = None,
    klasse: str = "kort",
) -> str:
    tekst, beskrevet = _hjelp_og_feil(navn, hjelp, feil)
    attrs = f' aria-describedby="{beskrevet}"' if beskrevet else ""
    if feil:
        attrs += ' aria-invalid="true"'
    inndata = (
        f'<input type="text" inputmode="numeric" id="{navn}" name="{navn}" '
        f'value="{e(verdi)}" class="{klasse}" autocomplete="off"{attrs}>'
    )
    skjult = ""
    if enhet:  # the unit is seen beside the field and heard with its label
        inndata = (
            f'<span class="med-enhet">{inndata}'
            f'<span class="enhet" aria-hidden="true">{e(enhet)}</span></span>'
        )
        skjult = f'<span class="skjult"> ({e(enhet)})</span>'
    return (
        f'<div class="felt{" har-feil" if feil else ""}">'
        f'<label for="{navn}">{e(etikett)}{skjult}</label>{tekst}{inndata}</div>'
    )


def _valg(
    navn: str,
    legend: str,
    valg: Sequence[tuple[str, str]],
    valgt: str,
    feil: str | None,
    *,
    hjelp: str | None = None,
) -> str:
    tekst, beskrevet = _hjelp_og_feil(navn, hjelp, feil)
    attrs = f' aria-describedby="{beskrevet}"' if beskrevet else ""
    ugyldig = ' aria-invalid="true"' if feil else ""
    knapper = "".join(
        f'<div class="valg"><input type="radio" id="{navn}-{verdi}" name="{navn}" '
        f'value="{verdi}"{" checked" if verdi == valgt else ""}'
        f"{ugyldig}>"
        f'<label for="{navn}-{verdi}">{e(etikett)}</label></div>'
        for verdi, etikett in valg
    )
    return (
        f'<fieldset id="{navn}-gruppe" class="{"har-feil" if feil else ""}"{attrs}>'
        f"<legend>{e(legend)}</legend>{tekst}{knapper}</fieldset>"
    )


def skjema(sprak: str, verdier: Mapping[str, str], feil: Sequence[sk.Feltfeil]) -> str:
    """The form, filled in with what was sent, each error beside its field."""
    t = TEKSTER[sprak]
    kr = t["kroner"]
    meldinger: dict[str, str] = {}
    for f in feil:
        meldinger.setdefault(f.felt, feilmelding(f, sprak))

    def v(navn: str) -> str:
        return verdier.get(navn, "")

    def belop(navn: str, etikett: str | None = None, hjelp: str | None = None) -> str:
        return _tekstfelt(
            navn,
            etikett or feltnavn(navn, sprak),
            v(navn),
            meldinger.get(navn),
            hjelp=hjelp,
            enhet=kr,
        )

    def gruppe(legend: str, felter: Iterable[str], hjelp: str | None = None) -> str:
        hjelpetekst = f'<p class="hjelp">{e(hjelp)}</p>' if hjelp else ""
        return (
            f"<fieldset><legend>{e(legend)}</legend>{hjelpetekst}" + "".join(felter) + "</fieldset>"
        )

    return "".join(
        [
            f'<form method="post" novalidate class="skjema" id="{SKJEMA_ID}">',
            f'<input type="hidden" name="sprak" value="{e(sprak)}">',
            f'<p class="hjelp">{e(t["utfylling"])}</p>',
            _valg(
                "husstand",
                t["husstand"],
                [(h, t[f"husstand_{h}"]) for h in sk.HUSSTANDER],
                v("husstand"),
                meldinger.get("husstand"),
            ),
            _valg(
                "felles_okonomi",
                t["felles_okonomi"],
                [("ja", t["ja"]), ("nei", t["nei"])],
                v("felles_okonomi"),
                meldinger.get("felles_okonomi"),
                hjelp=t["felles_okonomi_hjelp"],
            ),
            gruppe(
                t["personer"],
                [
                    _tekstfelt("alder", t["alder"], v("alder"), meldinger.get("alder")),
                    _tekstfelt(
                        "partner_alder",
                        t["partner_alder"],
                        v("partner_alder"),
                        meldinger.get("partner_alder"),
                        hjelp=t["partner_alder_hjelp"],
                    ),
                    _tekstfelt(
                        "barn_alder",
                        t["barn_alder"],
                        v("barn_alder"),
                        meldinger.get("barn_alder"),
                        hjelp=t["barn_alder_hjelp"],
                        klasse="lang",
                    ),
                ],
            ),
            gruppe(t["inntekt_soker"], [belop(f"inntekt_{x}") for x in sk.INNTEKT_SOKER]),
            gruppe(
                t["inntekt_partner"],
                [belop("partner_arbeidsinntekt"), belop("partner_annen", t["partner_annen"])],
                t["inntekt_partner_hjelp"],
            ),
            gruppe(t["inntekt_husstand"], [belop(f"husstand_{x}") for x in sk.INNTEKT_HUSSTAND]),
            gruppe(t["bolig"], [belop(f"bo_{x}") for x in sk.BOUTGIFTER]),
            gruppe(
                t["formue"],
                [
                    _tekstfelt(
                        "sparepenger",
                        t["sparepenger"],
                        v("sparepenger"),
                        meldinger.get("sparepenger"),
                        hjelp=t["sparepenger_hjelp"],
                        enhet=kr,
                    )
                ],
            ),
            f'<p><button type="submit" class="knapp">{e(t["send"])}</button></p>',
            "</form>",
        ]
    )


def feiloppsummering(sprak: str, feil: Sequence[sk.Feltfeil]) -> str:
    """The list of errors at the top, each a link to its field; it takes focus on load."""
    t = TEKSTER[sprak]
    punkter = "".join(
        f'<li><a href="#{_forste_id(f.felt)}">{e(feilmelding(f, sprak))}</a></li>' for f in feil
    )
    return (
        '<div class="feiloppsummering" role="alert" tabindex="-1" autofocus '
        'aria-labelledby="feiloppsummering-tittel">'
        f'<h2 id="feiloppsummering-tittel">{e(t["feil_tittel"])}</h2><ul>{punkter}</ul></div>'
    )


def _rad(navn: str, belop: Decimal | None, sprak: str, klasse: str = "") -> str:
    tall = "" if belop is None else fmt.tall(belop, sprak)
    k = f' class="{klasse}"' if klasse else ""
    return f'<tr{k}><th scope="row">{e(navn)}</th><td class="tall">{e(tall)}</td></tr>'


def linjenavn(post: str, alder: int | None, sprak: str) -> str:
    """A calculation line's name in the page's language (the decision letter's words)."""
    rader = RADER[sprak]
    if post.startswith("sats_barn"):
        return rader["sats_barn"].format(alder=alder if alder is not None else "")
    if post == "sats_samboer_enkeltvis":
        return rader["sats_bofellesskap"]
    return rader.get(post) or TYPER[sprak].get(post) or rader["annet"]


def eier(post: str, person: str | None, sprak: str) -> str | None:
    """Whose an income line is, as the form asked: yours, your spouse's or cohabitant's, or
    the household's (the benefits the form records on the applicant), or None for other lines.
    """
    if not post.startswith("inntekt_"):
        return None
    t = TEKSTER[sprak]
    if person == sk.PARTNER_ID:
        return t["hvem_partner"]
    if post.removeprefix("inntekt_") in sk.INNTEKT_HUSSTAND:
        return t["hvem_husstand"]
    return t["hvem_du"]


def _linjerad(li: Linje, sprak: str) -> str:
    """A line of the table: its name, whose it is, and for a line not counted, why not."""
    t = TEKSTER[sprak]
    navn = linjenavn(li.post, li.alder, sprak)
    hvem = eier(li.post, li.person, sprak)
    if hvem:
        navn = t["rad_hvem"].format(navn=navn, hvem=hvem)
    if li.medregnet is not False:
        return _rad(navn, li.belop, sprak)
    tekst = t["rad_ikke_medregnet"].format(navn=navn, grunnlag=fmt.belop(li.grunnlag or 0, sprak))
    grunn = (li.grunn or {}).get(sprak)
    forklaring = (
        f'<br><span class="linjegrunn">{e(t["rad_grunn"].format(grunn=grunn))}</span>'
        if grunn
        else ""
    )
    tall = fmt.tall(li.belop, sprak)
    return (
        f'<tr class="svak"><th scope="row">{e(tekst)}{forklaring}</th>'
        f'<td class="tall">{e(tall)}</td></tr>'
    )


def utregning(estimat: Estimat, sprak: str) -> str:
    """The calculation as a table: what the household needs, what is subtracted, the result."""
    t = TEKSTER[sprak]
    rader = [_linjerad(li, sprak) for li in estimat.linjer if not li.post.startswith("formue_")]
    sum_rad = (
        f'<tfoot><tr><th scope="row">{e(t["rad_sum"])}</th>'
        f'<td class="tall">{e(fmt.tall(estimat.belop, sprak))}</td></tr></tfoot>'
        if estimat.belop is not None
        else ""
    )
    return (
        f'<h3>{e(t["utregning"])}</h3><table class="utregning"><thead><tr>'
        f'<th scope="col">{e(t["kolonne_hva"])}</th>'
        f'<th scope="col" class="tall">{e(t["kolonne_belop"])}</th></tr></thead>'
        f"<tbody>{''.join(rader)}</tbody>{sum_rad}</table>"
    )


def grunner(estimat: Estimat, sprak: str) -> list[str]:
    """Why the amount is what it is, in plain sentences, from the calculation's lines."""
    t = TEKSTER[sprak]
    poster = {li.post for li in estimat.linjer}
    ut = [t["grunn_sats"]]
    if "sats_samboer_enkeltvis" in poster:
        ut.append(t["grunn_samboer"])
    bolig = sum((li.belop for li in estimat.linjer if li.post.startswith("boutgift_")), Decimal(0))
    if any(p.startswith("boutgift_") for p in poster):
        ut.append(t["grunn_bolig"].format(belop=fmt.belop(bolig, sprak)))
    else:
        ut.append(t["grunn_ingen_bolig"])
    if estimat.inntekt:
        ut.append(t["grunn_inntekt"].format(belop=fmt.belop(estimat.inntekt, sprak)))
    if any(li.post == "inntekt_barnetrygd" and li.medregnet is False for li in estimat.linjer):
        ut.append(t["grunn_barnetrygd"])
    if estimat.belop is not None and any(p.startswith("formue_") for p in poster):
        ut.append(t["grunn_formue_liten"])
    return ut


def hovedsetning(estimat: Estimat, sprak: str) -> str:
    """The estimate in one sentence: an amount, 0, or why there is none."""
    t = TEKSTER[sprak]
    if estimat.belop is None:
        return t[f"ingen_{estimat.grunn}"].format(
            inntekt=fmt.belop(estimat.inntekt, sprak), behov=fmt.belop(estimat.behov, sprak)
        )
    if estimat.belop == 0:
        return t["belop_null"]
    return t["belop"].format(belop=fmt.belop(estimat.belop, sprak))


def satsene(estimat: Estimat, sprak: str) -> str:
    """Which rates the estimate used: the state's, or a municipality's own, and their date."""
    t = TEKSTER[sprak]
    dato = fmt.dato(estimat.dato, sprak)
    if estimat.kommune:
        return t["dato_kommune"].format(kommune=estimat.kommune, dato=dato)
    return t["dato"].format(dato=dato)


def endringer(estimat: Estimat, valgt: sk.Skjema, sprak: str) -> list[str]:
    """What could change the estimate, for this household."""
    t = TEKSTER[sprak]
    ut = [t["endre_inntekt"], t["endre_husstand"], t["endre_utgifter"]]
    if valgt.barn:
        ut.append(t["endre_barn"])
    if valgt.alder < 30:
        ut.append(t["endre_under_30"])
    if "SATSER_KAN_VAERE_UTDATERT" in estimat.merknader:
        ut.append(t["endre_satser"])
    return ut


def _liste(punkter: Iterable[str], ident: str) -> str:
    return f'<ul id="{ident}">' + "".join(f"<li>{e(p)}</li>" for p in punkter) + "</ul>"


def resultat(estimat: Estimat, valgt: sk.Skjema, sprak: str) -> str:
    """The estimate: the amount, why, what it depends on, what could change it, who decides."""
    t = TEKSTER[sprak]
    belop = "" if estimat.belop is None else str(estimat.belop)
    stort = (
        f'<p class="anslag"><span id="anslag-belop" data-belop="{e(belop)}">'
        f"{e(fmt.belop(estimat.belop, sprak))}</span></p>"
        if estimat.belop is not None
        else '<p class="anslag" hidden><span id="anslag-belop" data-belop=""></span></p>'
    )
    likevel = f"<p>{e(t['likevel'])}</p>" if estimat.belop is None or estimat.belop == 0 else ""
    return "".join(
        [
            '<section class="resultat" aria-labelledby="resultat-tittel">',
            f'<h2 id="resultat-tittel" tabindex="-1" autofocus>{e(t["resultat"])}</h2>',
            stort,
            f'<p id="anslag-tekst">{e(hovedsetning(estimat, sprak))}</p>',
            likevel,
            f'<p class="hjelp" id="anslag-satser">{e(satsene(estimat, sprak))}</p>',
            utregning(estimat, sprak),
            f"<h3>{e(t['grunner'])}</h3>",
            _liste(grunner(estimat, sprak), "grunner"),
            f"<h3>{e(t['avhenger'])}</h3>",
            _liste(
                (
                    t[k]
                    for k in (
                        "avhenger_andre",
                        "avhenger_bolig",
                        "avhenger_skjonn",
                        "avhenger_kommune",
                        "avhenger_riktig",
                    )
                ),
                "avhenger",
            ),
            f"<h3>{e(t['endre'])}</h3>",
            _liste(endringer(estimat, valgt, sprak), "endringer"),
            '<div class="bestemmer">',
            f"<h3>{e(t['bestemmer'])}</h3><p>{e(t['bestemmer_tekst'])}</p>",
            f'<p><a class="knapp" id="sok" href="{SOKNADSLENKE}">{e(t["sok"])}</a></p>',
            "</div></section>",
        ]
    )


def side(
    sprak: str,
    verdier: Mapping[str, str] | None = None,
    feil: Sequence[sk.Feltfeil] = (),
    estimat: tuple[Estimat, sk.Skjema] | None = None,
) -> str:
    """The whole page: empty form, form with errors, or the estimate above the filled form."""
    t = TEKSTER[sprak]
    tittel = f"{t['feil_sidetittel']}: {t['tittel']}" if feil else t["tittel"]
    innhold = [
        f"<h1>{e(t['tittel'])}</h1>",
        f'<p class="ingress">{e(t["ingress"])}</p>',
        f'<p class="hjelp">{e(t["personvern"])}</p>',
    ]
    if feil:
        innhold.append(feiloppsummering(sprak, feil))
    if estimat is not None:
        innhold.append(resultat(estimat[0], estimat[1], sprak))
        innhold.append(f'<h2 id="endre-svar">{e(t["endre_svar"])}</h2>')
    innhold.append(skjema(sprak, verdier or {}, feil))
    return ramme(tittel, sprak, innhold, behold_svar=verdier is not None)


def melding(sprak: str, nokkel: str) -> str:
    """A page with one message (too large a form; an error on our side)."""
    t = TEKSTER[sprak]
    return ramme(
        t["tittel"],
        sprak,
        [
            f"<h1>{e(t['tittel'])}</h1>",
            f'<p role="alert">{e(t[nokkel])}</p>',
            f'<p><a href="?sprak={sprak}">{e(t["endre_svar"])}</a></p>',
        ],
    )
