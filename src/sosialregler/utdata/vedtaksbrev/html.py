"""The letter as one self-contained, printable HTML page: no scripts, fonts or links to load.

Print CSS sets A4 with margins a letter printer expects; every text is escaped. The same page
prints from a browser, converts to PDF with headless Chromium, and pastes into a case system.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model imports its renderers; they only name its types
    from .model import Avsnitt, Vedtaksbrev

_CSS = """
@page { size: A4; margin: 14mm 18mm 14mm 18mm; }
html { font-family: "Source Sans Pro", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt;
       line-height: 1.3; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 174mm; }
header { display: flex; justify-content: space-between; margin-bottom: 4mm; }
h1 { font-size: 13pt; margin: 0 0 2mm 0; }
h2 { font-size: 10.5pt; margin: 3mm 0 0.8mm 0; }
p { margin: 0 0 1.2mm 0; }
ul { margin: 0 0 1.6mm 0; padding-left: 5mm; }
li { margin-bottom: 1mm; }
table { border-collapse: collapse; margin: 1mm 0 2mm 0; min-width: 110mm; }
th, td { padding: 0.4mm 2mm 0.4mm 0; text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 0.3mm solid #000; }
td.belop, th.belop { text-align: right; white-space: nowrap; padding-left: 8mm; }
tr.sum td { border-top: 0.3mm solid #000; font-weight: 600; }
.hilsen { margin-top: 4mm; }
section { break-inside: avoid; }
@media screen { body { padding: 12mm; } }
"""


def _avsnitt(a: Avsnitt) -> list[str]:
    ut = [f'<section id="{escape(a.id)}">']
    if a.overskrift:
        ut.append(f"<h2>{escape(a.overskrift)}</h2>")
    ut += [f"<p>{escape(t)}</p>" for t in a.tekst]
    if a.punkter:
        ut.append("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in a.punkter) + "</ul>")
    ut += [f"<p>{escape(t)}</p>" for t in a.etter]
    if a.tabell:
        ut.append("<table>")
        if a.tabellhode:
            post, belop = a.tabellhode
            ut.append(f'<tr><th>{escape(post)}</th><th class="belop">{escape(belop)}</th></tr>')
        for post, belop in a.tabell:
            ut.append(f'<tr><td>{escape(post)}</td><td class="belop">{escape(belop)}</td></tr>')
        if a.sumrad:
            post, belop = a.sumrad
            celler = f'<td>{escape(post)}</td><td class="belop">{escape(belop)}</td>'
            ut.append(f'<tr class="sum">{celler}</tr>')
        ut.append("</table>")
    ut.append("</section>")
    return ut


def som_html(brev: Vedtaksbrev) -> str:
    """The whole page, UTF-8, with the letter's language set for screen readers."""
    ut = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(brev.sprak)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(brev.tittel)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<header><div>{escape(brev.avsender)}</div><div>{escape(brev.dato)}</div></header>",
        f"<h1>{escape(brev.tittel)}</h1>",
    ]
    if not brev.klart:
        forste, *resten = brev.maa_avklares
        ut.append(f"<p>{escape(forste)}</p>")
        ut.append("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in resten) + "</ul>")
    else:
        for a in brev.avsnitt:
            ut += _avsnitt(a)
        ut.append(f'<p class="hilsen">{escape(brev.hilsen)}</p>')
        ut.append("<p>" + "<br>".join(escape(x) for x in brev.underskrift) + "</p>")
    ut += ["</body>", "</html>", ""]
    return "\n".join(ut)
