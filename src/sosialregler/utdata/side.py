"""The page design the caseload reports share (follow-up, ``oppfolging``; supervision, ``tilsyn``).

One self-contained HTML page: inline CSS, SVG charts drawn here, no script, no network, no
fonts to fetch, so it opens in any browser, prints, and can be mailed. Both reports build their
pages from these pieces — the frame, the number cards, horizontal stacked bar charts, the table
of rejected cases — so a change of design is made once. At phone width the cards wrap, the
tables become one block per row and charts scale with the page, so nothing lies outside it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

CSS = """
:root { --tekst: #1c2430; --svak: #5b6775; --linje: #d5dbe1; --bakgrunn: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial,
       sans-serif; color: var(--tekst); margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid var(--linje);
     padding-bottom: 4px; }
h3 { font-size: 16px; margin: 0 0 2px; }
.undertittel { color: var(--svak); margin: 0 0 18px; }
.kort { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.kort div { background: var(--bakgrunn); border: 1px solid var(--linje); border-radius: 8px;
            padding: 10px 14px; }
.kort .tall { font-size: 28px; font-weight: 700; display: block; }
.kort .etikett { color: var(--svak); font-size: 13px; }
.kort .alvorlig .tall { color: #b3261e; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--linje); text-align: left;
         vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--bakgrunn); font-weight: 600; }
th.tall, td.sak { white-space: nowrap; }
svg { max-width: 100%; height: auto; display: block; }
td.tall, th.tall { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; border-top: 2px solid var(--tekst); }
.kode { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
        font-size: 12px; }
.merke { display: inline-block; border-radius: 4px; padding: 1px 6px; margin: 1px 2px 1px 0;
         font-size: 12px; white-space: nowrap; color: #fff; max-width: 100%;
         overflow-wrap: anywhere; }
.merke.ikke_forfalt { background: #8a9aa9; } .merke.i_dag { background: #3b6ea5; }
.merke.g1-30 { background: #a37f00; }
.merke.g31-90 { background: #c25700; } .merke.g91 { background: #b3261e; }
.merke.brudd { background: #b3261e; } .merke.uavklart { background: #8a6d00; }
.forklaring { color: var(--svak); font-size: 13px; }
.punkter { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
           gap: 14px; }
.punkt { border: 1px solid var(--linje); border-radius: 8px; padding: 12px 14px; min-width: 0; }
.punkt .hjemmel { color: var(--svak); font-size: 13px; margin: 0 0 6px; }
.punkt .uverifisert { color: #8a6d00; font-size: 12px; margin: 0 0 6px; }
.punkt .tallrad { font-size: 13px; margin: 6px 0 0; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial,
           sans-serif; }
footer { margin-top: 36px; color: var(--svak); font-size: 12px; overflow-wrap: anywhere; }
p, h1, h2, h3 { overflow-wrap: break-word; }
@media (max-width: 640px) {
  main { padding: 16px 12px 32px; }
  h1 { font-size: 22px; }
  .kort { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .punkter { grid-template-columns: minmax(0, 1fr); }
  table, thead, tbody, tfoot, tr, th, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--linje); padding: 4px 0; }
  td, th { border: 0; padding: 2px 4px; white-space: normal; }
  td.tall, th.tall { text-align: left; }
  td.sak { white-space: normal; }
  td[data-etikett]::before { content: attr(data-etikett) ": "; color: var(--svak); }
  .merke { white-space: normal; }
}
@media print { main { padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; }
               .punkt { break-inside: avoid; } }
"""


def e(tekst: Any) -> str:
    """Escaped for HTML text and attributes."""
    return html.escape(str(tekst), quote=True)


def tall(n: int) -> str:
    """A count with a no-break space between thousands, as Norwegian writes it."""
    return f"{n:,}".replace(",", "\u00a0")


def antall(n: int, entall: str, flertall: str) -> str:
    """«1 frist», «2 frister»: a count with the noun in the number it takes."""
    return f"{tall(n)} {entall if n == 1 else flertall}"


def side(tittel: str, innhold: Iterable[str], *, lang: str = "nb") -> str:
    """The whole page: the frame around the report's own parts."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(tittel)} – sosialregler</title>",
            f"<style>{CSS}</style></head><body><main>",
            *innhold,
            "</main></body></html>",
        ]
    )


def kort(elementer: Iterable[tuple[str, str, int, bool]]) -> str:
    """The number cards: (id, label, number, serious) each; a serious non-zero number is red."""
    deler = ['<section class="kort">']
    for ident, etikett, verdi, alvorlig in elementer:
        klasse = "alvorlig" if alvorlig and verdi else ""
        deler.append(
            f'<div class="{klasse}"><span class="tall" id="{e(ident)}">{tall(verdi)}</span>'
            f'<span class="etikett">{e(etikett)}</span></div>'
        )
    deler.append("</section>")
    return "".join(deler)


@frozen
class Gruppe:
    """A segment kind of a stacked bar: its key, its name in the legend, its colour."""

    nokkel: str
    navn: str
    farge: str


@frozen
class Stolpe:
    """One bar: its label, the value of its ``data-`` attribute, and a count per group."""

    etikett: str
    verdi: str
    antall: dict[str, int]

    @property
    def sum(self) -> int:
        return sum(self.antall.values())


def stablet_diagram(
    stolper: Sequence[Stolpe],
    grupper: Sequence[Gruppe],
    *,
    tittel: str,
    radattributt: str,
    gruppeattributt: str,
    ident: str | None = None,
    etikettbredde: int = 330,
    stolpebredde: int = 560,
    maks: int | None = None,
) -> str:
    """Horizontal stacked bars, drawn as SVG: one bar per row, one segment per group.

    Each segment is ``<rect class="segment" data-{radattributt}=… data-{gruppeattributt}=…
    data-antall=…>`` so a test reads the numbers back; ``maks`` fixes the scale (several small
    charts on one scale compare), else the longest bar fills the width. ``etikettbredde`` 0
    draws no labels (a chart per point has its title above it).
    """
    hoyde, mellom, topp = 26, 10, 34
    bredde = etikettbredde + stolpebredde + 70
    storst = maks if maks is not None else max((s.sum for s in stolper), default=0)
    skala = stolpebredde / storst if storst else 0
    total_hoyde = topp + len(stolper) * (hoyde + mellom) + 8
    id_attr = f' id="{e(ident)}"' if ident else ""
    tittel_id = f"{ident or 'diagram'}-tittel"
    deler = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{bredde}" '
        f'height="{total_hoyde}" viewBox="0 0 {bredde} {total_hoyde}"{id_attr} '
        f'aria-labelledby="{e(tittel_id)}">',
        f'<title id="{e(tittel_id)}">{e(tittel)}</title>',
    ]
    x = 10  # the legend from the left: long group names do not fit beside the labels
    for g in grupper:
        deler.append(
            f'<rect x="{x}" y="6" width="14" height="14" rx="2" fill="{g.farge}"/>'
            f'<text x="{x + 19}" y="18" font-size="13" fill="#1c2430">{e(g.navn)}</text>'
        )
        x += 26 + 8 * len(g.navn)
    for i, s in enumerate(stolper):
        y = topp + i * (hoyde + mellom)
        if etikettbredde:
            deler.append(
                f'<text x="{etikettbredde - 10}" y="{y + hoyde / 2 + 5}" font-size="13" '
                f'text-anchor="end" fill="#1c2430">{e(s.etikett)}</text>'
            )
        x0 = float(etikettbredde)
        for g in grupper:
            n = s.antall.get(g.nokkel, 0)
            if not n:
                continue
            w = n * skala
            deler.append(
                f'<rect class="segment" data-{radattributt}="{e(s.verdi)}" '
                f'data-{gruppeattributt}="{e(g.nokkel)}" data-antall="{n}" x="{x0:.1f}" '
                f'y="{y}" width="{w:.1f}" height="{hoyde}" fill="{g.farge}">'
                f"<title>{e(s.etikett)}: {e(g.navn)} {n}</title></rect>"
            )
            if w >= 9 * len(str(n)) + 6:
                deler.append(
                    f'<text x="{x0 + w / 2:.1f}" y="{y + hoyde / 2 + 5}" font-size="12" '
                    f'text-anchor="middle" fill="#fff" font-weight="600">{n}</text>'
                )
            x0 += w
        deler.append(
            f'<text x="{x0 + 6:.1f}" y="{y + hoyde / 2 + 5}" font-size="13" font-weight="700" '
            f'fill="#1c2430">{tall(s.sum)}</text>'
        )
    deler.append("</svg>")
    return "".join(deler)


def avviste_tabell(avviste: Sequence[Any], tekster: dict[str, str]) -> list[str]:
    """The rejected cases: number in the input, case id, the first three problems.

    ``tekster``: ``overskrift`` (with ``{antall}``), ``forklaring``, ``nr``, ``sak``, ``feil``,
    ``flere`` (with ``{antall}``) — in the page's language.
    """
    if not avviste:
        return []
    d = [
        f"<h2>{e(tekster['overskrift'].format(antall=tall(len(avviste))))}</h2>",
        f'<p class="forklaring">{e(tekster["forklaring"])}</p>',
        f'<table id="avviste"><thead><tr><th class="tall">{e(tekster["nr"])}</th>'
        f"<th>{e(tekster['sak'])}</th><th>{e(tekster['feil'])}</th></tr></thead><tbody>",
    ]
    for a in avviste:
        feil = "; ".join(f"{f.felt}: {f.melding}" for f in a.feil[:3])
        if len(a.feil) > 3:
            feil += " " + tekster["flere"].format(antall=len(a.feil) - 3)
        d.append(
            f'<tr data-avvist-nr="{a.indeks + 1}"><td class="tall">{a.indeks + 1}</td>'
            f"<td>{e(a.sak_id or '–')}</td><td>{e(feil)}</td></tr>"
        )
    d.append("</tbody></table>")
    return d
