"""The supervision report over a caseload (issue 18): per audit point, where it applies, the
breaches, the share and the legal basis; the cases with most breaches first.

``rapport(saker, dato)`` assesses every case through ``batch.assess_many`` (the same code path as
the follow-up report and ``vurder --batch``, with processes and a progress bar); in the worker
each assessment is answered point by point (``vurdering.vurder``) and only the findings come
back. Counting is here and nowhere else:

* per point: ``oppfylt``, ``brudd``, ``uavklart``, ``ikke_relevant``; ``relevante`` = the cases
  where the point applies or may apply (all but ``ikke_relevant``); ``andel_brudd`` = ``brudd /
  relevante`` (0 when none apply);
* the cases with at least one breach, most breaches first, then most unresolved, then input order.

Outputs: ``to_dict()`` (the issue's JSON: ``{"malepunkter": [{"id", "tittel", "hjemmel",
"relevante", "brudd", "uavklart", "saker": [...]}]}`` and more), ``csv()`` (one row per case
and applicable point), ``tekst()`` for the terminal, ``html()`` in the page design shared with
the follow-up report (``side.py``), with a chart per point; nb, nn and en.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from attrs import field, frozen

from ...api import les_dato
from ...lov.rulebook.book import Regelbok
from ...utdata.assessment import Assessment
from ...utdata.side import Gruppe, Stolpe, avviste_tabell, e, kort, side, stablet_diagram, tall
from ...versjon import __version__
from ..batch import CHUNK_SIZE, Avvist, for_rapport, regelbok_i_bruk
from ..oppfolging import eksempelsaker as grunnsaker
from .etiketter import Lesehjelp, lesehjelp
from .regler import UTFALL, Malepunkter, last
from .tekst import manglende, sjekk_sprak, tekst
from .vurdering import Funn, vurder

__all__ = ["FARGER", "Saksfunn", "TilsynsRapport", "eksempelsaker", "rapport"]

#: Colours of the outcomes in the charts (green, red, amber; readable in print).
FARGER = {"oppfylt": "#2e7d32", "brudd": "#b3261e", "uavklart": "#c79100"}
#: The outcomes a chart shows (``ikke_relevant`` is left out: the point does not apply).
VISTE = ("oppfylt", "brudd", "uavklart")

UI: dict[str, dict[str, str]] = {
    "tittel": {"nb": "Tilsyn per {dato}", "nn": "Tilsyn per {dato}", "en": "Supervision, {dato}"},
    "undertittel": {
        "nb": "{saker} saker, {vurdert} vurdert etter sosialtjenesteloven på rapportdatoen og "
        "målt mot målepunktene i tilsynsmyndighetenes rapporter.",
        "nn": "{saker} saker, {vurdert} vurderte etter sosialtenestelova på rapportdatoen og "
        "målte mot målepunkta i rapportane til tilsynsstyresmaktene.",
        "en": "{saker} cases, {vurdert} assessed under the Social Services Act on the report "
        "date and measured against the audit points of the supervisory authorities' reports.",
    },
    "saker_med_brudd": {
        "nb": "Saker med brudd",
        "nn": "Saker med brot",
        "en": "Cases with breaches",
    },
    "brudd_i_alt": {"nb": "Brudd i alt", "nn": "Brot i alt", "en": "Breaches in all"},
    "uavklart_i_alt": {"nb": "Uavklarte i alt", "nn": "Uavklarte i alt", "en": "Unresolved in all"},
    "malepunkter": {"nb": "Målepunkter", "nn": "Målepunkt", "en": "Audit points"},
    "avviste": {"nb": "Avviste saker", "nn": "Avviste saker", "en": "Rejected cases"},
    "gjelder": {
        "nb": "Gjelder {relevante} saker · brudd {brudd} ({andel}) · uavklart {uavklart}",
        "nn": "Gjeld {relevante} saker · brot {brudd} ({andel}) · uavklart {uavklart}",
        "en": "Applies to {relevante} cases · breaches {brudd} ({andel}) · unresolved {uavklart}",
    },
    "forklaring": {
        "nb": "«Gjelder»: saker der målepunktet gjelder eller kan gjelde (oppfylt, brudd eller "
        "uavklart). Andelen er brudd delt på saker det gjelder. «Uavklart»: en opplysning "
        "målepunktet trenger, mangler i saken; CSV- og JSON-utdataene navngir den.",
        "nn": "«Gjeld»: saker der målepunktet gjeld eller kan gjelde (oppfylt, brot eller "
        "uavklart). Delen er brot delt på saker det gjeld. «Uavklart»: ei opplysning "
        "målepunktet treng, manglar i saka; CSV- og JSON-utdataa namngir ho.",
        "en": "«Applies»: cases where the point applies or may apply (met, breach or "
        "unresolved). The share is breaches divided by the cases it applies to. «Unresolved»: "
        "a fact the point needs is missing; the CSV and JSON outputs name it.",
    },
    "oversikt": {"nb": "Oversikt", "nn": "Oversikt", "en": "Summary"},
    "malepunkt": {"nb": "Målepunkt (hjemmel)", "nn": "Målepunkt (heimel)", "en": "Point (basis)"},
    "gjelder_kort": {"nb": "Gjelder", "nn": "Gjeld", "en": "Applies"},
    "andel": {"nb": "Andel brudd", "nn": "Del brot", "en": "Share"},
    "saker_etter_brudd": {
        "nb": "Saker med flest brudd ({antall})",
        "nn": "Saker med flest brot ({antall})",
        "en": "Cases with most breaches ({antall})",
    },
    "begrenset": {
        "nb": "De {vist} med flest brudd vises her; alle {alle} er i CSV- og JSON-utdataene.",
        "nn": "Dei {vist} med flest brot er viste her; alle {alle} er i CSV- og JSON-utdataa.",
        "en": "The {vist} with most breaches are shown; all {alle} are in the CSV and JSON.",
    },
    "rang": {"nb": "Rang", "nn": "Rang", "en": "Rank"},
    "sak": {"nb": "Sak (nr. i inndata)", "nn": "Sak (nr. i inndata)", "en": "Case (input no.)"},
    "brudd_hvor": {"nb": "Brudd på", "nn": "Brot på", "en": "Breaches of"},
    "ingen_brudd": {
        "nb": "Ingen saker med brudd.",
        "nn": "Ingen saker med brot.",
        "en": "No cases with breaches.",
    },
    "avvist_forklaring": {
        "nb": "Disse sakene kunne ikke vurderes; de er ikke med i tallene over.",
        "nn": "Desse sakene kunne ikkje vurderast; dei er ikkje med i tala over.",
        "en": "These cases could not be assessed; they are not in the numbers above.",
    },
    "nr": {"nb": "Nr. i inndata", "nn": "Nr. i inndata", "en": "Input no."},
    "sak_kort": {"nb": "Sak", "nn": "Sak", "en": "Case"},
    "feil": {"nb": "Feil", "nn": "Feil", "en": "Problems"},
    "flere": {"nb": "(og {antall} til)", "nn": "(og {antall} til)", "en": "(and {antall} more)"},
    "fot": {
        "nb": "Laget av sosialregler {bibliotek} med reglene {regler}. Hvert svar bygger på "
        "vurderingen av saken på rapportdatoen; siden henter ingenting fra nettet.",
        "nn": "Laga av sosialregler {bibliotek} med reglane {regler}. Kvart svar byggjer på "
        "vurderinga av saka på rapportdatoen; sida hentar ingenting frå nettet.",
        "en": "Made by sosialregler {bibliotek} with the rules {regler}. Each answer rests on "
        "the case's assessment on the report date; the page fetches nothing from the network.",
    },
}


def _ui(nokkel: str, sprak: str, **verdier: Any) -> str:
    return UI[nokkel][sprak].format(**verdier)


def andel(brudd: int, relevante: int) -> float:
    """Breaches as a share of the cases a point applies to (0 when it applies to none)."""
    return brudd / relevante if relevante else 0.0


def _prosent(x: float, sprak: str) -> str:
    t = f"{x * 100:.1f}".replace(".", "," if sprak != "en" else ".")
    return f"{t}\u00a0%"


@frozen
class Saksfunn:
    """One assessed case's findings, point by point in the rule file's order."""

    indeks: int  # the case's place in the input, from 0 (``nr`` counts from 1, as shown)
    sak_id: str | None
    funn: tuple[Funn, ...]
    lesehjelp: Lesehjelp = field(factory=Lesehjelp)  # persons and areas by label, for texts

    @property
    def nr(self) -> int:
        return self.indeks + 1

    @property
    def antall_brudd(self) -> int:
        return sum(1 for f in self.funn if f.utfall == "brudd")

    @property
    def antall_uavklart(self) -> int:
        return sum(1 for f in self.funn if f.utfall == "uavklart")

    def rekkefolge(self) -> tuple[int, int, int]:
        """Sort key: most breaches first, then most unresolved, then input order."""
        return (-self.antall_brudd, -self.antall_uavklart, self.indeks)


@frozen
class TilsynsRapport:
    """A caseload measured against the audit points on a date."""

    dato: date
    antall_saker: int
    saker: tuple[Saksfunn, ...]  # every assessed case, in input order
    avviste: tuple[Avvist, ...]
    malepunkter: Malepunkter
    regler: str  # the rules' digest
    bibliotek: str = __version__

    @property
    def antall_vurdert(self) -> int:
        return len(self.saker)

    def telling(self) -> dict[str, dict[str, int]]:
        """``{point: {outcome: count}}`` for every point and outcome (zeros included)."""
        t: dict[str, Counter[str]] = {p.id: Counter() for p in self.malepunkter.punkter}
        for s in self.saker:
            for f in s.funn:
                t[f.malepunkt][f.utfall] += 1
        return {p: {u: c[u] for u in UTFALL} for p, c in t.items()}

    def relevante(self, punkt: str) -> int:
        t = self.telling()[punkt]
        return t["oppfylt"] + t["brudd"] + t["uavklart"]

    def med_brudd(self) -> list[Saksfunn]:
        return sorted((s for s in self.saker if s.antall_brudd), key=Saksfunn.rekkefolge)

    # --- outputs -----------------------------------------------------------------------------
    def to_dict(self, sprak: str = "nb") -> dict[str, Any]:
        sjekk_sprak(sprak)
        telling = self.telling()
        m = self.malepunkter
        punkter = []
        for p in m.punkter:
            t = telling[p.id]
            relevante = t["oppfylt"] + t["brudd"] + t["uavklart"]
            punkter.append(
                {
                    "id": p.id,
                    "nummer": p.nummer,
                    "tittel": p.tittel[sprak],
                    "hjemmel": p.hjemmel[sprak],
                    "status": p.status,
                    "relevante": relevante,
                    "oppfylt": t["oppfylt"],
                    "brudd": t["brudd"],
                    "uavklart": t["uavklart"],
                    "ikke_relevant": t["ikke_relevant"],
                    "andel_brudd": round(andel(t["brudd"], relevante), 4),
                    "saker": [
                        {
                            "nr": s.nr,
                            "sak_id": s.sak_id,
                            "utfall": f.utfall,
                            "tekst": tekst(m, f, sprak, s.lesehjelp),
                            "mangler": list(f.mangler),
                        }
                        for s in self.saker
                        for f in s.funn
                        if f.malepunkt == p.id and f.utfall != "ikke_relevant"
                    ],
                }
            )
        return {
            "dato": self.dato.isoformat(),
            "versjon": {"bibliotek": self.bibliotek, "regler": self.regler},
            "antall_saker": self.antall_saker,
            "antall_vurdert": self.antall_vurdert,
            "antall_avvist": len(self.avviste),
            "malepunkter": punkter,
            "saker_etter_brudd": [
                {
                    "nr": s.nr,
                    "sak_id": s.sak_id,
                    "antall_brudd": s.antall_brudd,
                    "antall_uavklart": s.antall_uavklart,
                    "brudd": [f.malepunkt for f in s.funn if f.utfall == "brudd"],
                }
                for s in self.med_brudd()
            ],
            "avviste": [{"nr": a.indeks + 1, **_uten_indeks(a.to_dict())} for a in self.avviste],
        }

    def to_json(self, sprak: str = "nb", indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(sprak), ensure_ascii=False, indent=indent)

    def csv(self, sprak: str = "nb") -> str:
        """One row per case and applicable point, cases in input order (UTF-8, commas)."""
        sjekk_sprak(sprak)
        ut = io.StringIO()
        w = csv.writer(ut, lineterminator="\n")
        w.writerow(["nr", "sak_id", "malepunkt", "nummer", "tittel", "utfall", "tekst", "mangler"])
        m = self.malepunkter
        for s in self.saker:
            for f in s.funn:
                if f.utfall == "ikke_relevant":
                    continue
                p = m.punkt(f.malepunkt)
                w.writerow(
                    [
                        s.nr,
                        s.sak_id or "",
                        p.id,
                        p.nummer,
                        p.tittel[sprak],
                        f.utfall,
                        tekst(m, f, sprak, s.lesehjelp),
                        manglende(m, f, sprak, s.lesehjelp),
                    ]
                )
        return ut.getvalue()

    def tekst(self, sprak: str = "nb") -> str:
        """A short table for the terminal: per point, applies / met / breach / share / open."""
        sjekk_sprak(sprak)
        m = self.malepunkter
        navn = {u: m.navn[u][sprak] for u in UTFALL}
        linjer = [
            _ui("tittel", sprak, dato=self.dato.strftime("%d.%m.%Y")),
            _ui(
                "undertittel",
                sprak,
                saker=tall(self.antall_saker),
                vurdert=tall(self.antall_vurdert),
            ),
            "",
        ]
        bredde = max(len(p.tittel[sprak]) for p in m.punkter) + 4
        hode = f"{_ui('gjelder_kort', sprak):>9}{navn['oppfylt']:>10}{navn['brudd']:>8}"
        hode += f"{_ui('andel', sprak):>12}{navn['uavklart']:>10}"
        linjer.append(f"  {'':<{bredde}}{hode}")
        telling = self.telling()
        for p in m.punkter:
            t = telling[p.id]
            rel = t["oppfylt"] + t["brudd"] + t["uavklart"]
            linjer.append(
                f"  {f'{p.nummer:>2}. {p.tittel[sprak]}':<{bredde}}{tall(rel):>9}"
                f"{tall(t['oppfylt']):>10}{tall(t['brudd']):>8}"
                f"{_prosent(andel(t['brudd'], rel), sprak):>12}{tall(t['uavklart']):>10}"
            )
        linjer.append("")
        linjer.append(
            f"{_ui('saker_med_brudd', sprak)}: {tall(len(self.med_brudd()))}; "
            f"{_ui('avviste', sprak).lower()}: {tall(len(self.avviste))}."
        )
        return "\n".join(linjer)

    def html(self, sprak: str = "nb", maks_saker: int = 1000) -> str:
        """The report as one self-contained page (see ``_html``)."""
        sjekk_sprak(sprak)
        return _html(self, sprak, maks_saker)


def _uten_indeks(data: dict[str, Any]) -> dict[str, Any]:
    data.pop("indeks", None)
    return data


def _html(r: TilsynsRapport, sprak: str, maks_saker: int) -> str:
    m = r.malepunkter
    telling = r.telling()
    med_brudd = r.med_brudd()
    dato = r.dato.strftime("%d.%m.%Y")
    grupper = [Gruppe(u, m.navn[u][sprak], FARGER[u]) for u in VISTE]
    storst = max((r.relevante(p.id) for p in m.punkter), default=0)
    d: list[str] = [
        f"<h1>{e(_ui('tittel', sprak, dato=dato))}</h1>",
        '<p class="undertittel">'
        + _ui(
            "undertittel",
            sprak,
            saker=f'<span id="antall-saker">{tall(r.antall_saker)}</span>',
            vurdert=f'<span id="antall-vurdert">{tall(r.antall_vurdert)}</span>',
        )
        + "</p>",
        kort(
            [
                ("antall-saker-med-brudd", _ui("saker_med_brudd", sprak), len(med_brudd), True),
                (
                    "antall-brudd",
                    _ui("brudd_i_alt", sprak),
                    sum(t["brudd"] for t in telling.values()),
                    True,
                ),
                (
                    "antall-uavklart",
                    _ui("uavklart_i_alt", sprak),
                    sum(t["uavklart"] for t in telling.values()),
                    False,
                ),
                ("antall-avvist", _ui("avviste", sprak), len(r.avviste), True),
            ]
        ),
        f"<h2>{e(_ui('malepunkter', sprak))}</h2>",
        f'<p class="forklaring">{e(_ui("forklaring", sprak))}</p>',
        '<section class="punkter">',
    ]
    for p in m.punkter:
        t = telling[p.id]
        rel = t["oppfylt"] + t["brudd"] + t["uavklart"]
        tallrad = _ui(
            "gjelder",
            sprak,
            relevante=f'<span data-malepunkt="{p.id}" data-felt="relevante">{tall(rel)}</span>',
            brudd=f'<span data-malepunkt="{p.id}" data-felt="brudd">{tall(t["brudd"])}</span>',
            andel=_prosent(andel(t["brudd"], rel), sprak),
            uavklart=f'<span data-malepunkt="{p.id}" data-felt="uavklart">'
            f"{tall(t['uavklart'])}</span>",
        )
        d.append(
            f'<div class="punkt" id="punkt-{p.id}"><h3>{p.nummer}. {e(p.tittel[sprak])}</h3>'
            f'<p class="hjemmel">{e(p.hjemmel[sprak])}</p>'
            + (
                ""
                if p.verifisert
                else f'<p class="uverifisert">{e(m.navn["uverifisert"][sprak])}</p>'
            )
            + stablet_diagram(
                [Stolpe(p.tittel[sprak], p.id, {u: t[u] for u in VISTE})],
                grupper,
                tittel=f"{p.nummer}. {p.tittel[sprak]}",
                radattributt="malepunkt",
                gruppeattributt="utfall",
                ident=f"diagram-{p.id}",
                etikettbredde=0,
                stolpebredde=300,
                maks=storst,
            )
            + f'<p class="tallrad">{tallrad}</p></div>'
        )
    d.append("</section>")
    # The summary table.
    navn = {u: m.navn[u][sprak] for u in UTFALL}
    d.append(f"<h2>{e(_ui('oversikt', sprak))}</h2>")
    d.append(
        f'<table id="per-malepunkt"><thead><tr><th>{e(_ui("malepunkt", sprak))}</th>'
        f'<th class="tall">{e(_ui("gjelder_kort", sprak))}</th>'
        + "".join(f'<th class="tall">{e(navn[u])}</th>' for u in VISTE)
        + f'<th class="tall">{e(_ui("andel", sprak))}</th>'
        f'<th class="tall">{e(navn["ikke_relevant"])}</th></tr></thead><tbody>'
    )
    for p in m.punkter:
        t = telling[p.id]
        rel = t["oppfylt"] + t["brudd"] + t["uavklart"]
        celler = [("relevante", rel, _ui("gjelder_kort", sprak))]
        celler += [(u, t[u], navn[u]) for u in VISTE]
        d.append(
            f'<tr data-malepunkt="{p.id}"><td>{p.nummer}. {e(p.tittel[sprak])}<br>'
            f'<span class="forklaring">{e(p.hjemmel[sprak])}</span></td>'
            + "".join(
                f'<td class="tall" data-malepunkt="{p.id}" data-felt="{felt}" '
                f'data-etikett="{e(etikett)}">{tall(n)}</td>'
                for felt, n, etikett in celler
            )
            + f'<td class="tall" data-etikett="{e(_ui("andel", sprak))}">'
            f"{_prosent(andel(t['brudd'], rel), sprak)}</td>"
            f'<td class="tall" data-malepunkt="{p.id}" data-felt="ikke_relevant" '
            f'data-etikett="{e(navn["ikke_relevant"])}">{tall(t["ikke_relevant"])}</td></tr>'
        )
    d.append("</tbody></table>")
    # The cases with most breaches.
    vist = med_brudd[:maks_saker]
    d.append(f"<h2>{e(_ui('saker_etter_brudd', sprak, antall=tall(len(med_brudd))))}</h2>")
    if not med_brudd:
        d.append(f'<p class="forklaring">{e(_ui("ingen_brudd", sprak))}</p>')
    else:
        if len(med_brudd) > len(vist):
            d.append(
                f'<p class="forklaring">'
                f"{e(_ui('begrenset', sprak, vist=tall(len(vist)), alle=tall(len(med_brudd))))}"
                "</p>"
            )
        d.append(
            f'<table id="saker"><thead><tr><th class="tall">{e(_ui("rang", sprak))}</th>'
            f"<th>{e(_ui('sak', sprak))}</th>"
            f'<th class="tall">{e(navn["brudd"])}</th>'
            f'<th class="tall">{e(navn["uavklart"])}</th>'
            f"<th>{e(_ui('brudd_hvor', sprak))}</th></tr></thead><tbody>"
        )
        for rang, s in enumerate(vist, 1):
            merker = "".join(
                f'<span class="merke brudd" data-malepunkt="{f.malepunkt}" '
                f'title="{e(tekst(m, f, sprak, s.lesehjelp))}">{m.punkt(f.malepunkt).nummer}. '
                f"{e(m.punkt(f.malepunkt).tittel[sprak])}</span>"
                for f in s.funn
                if f.utfall == "brudd"
            )
            navn_sak = f"{s.sak_id} (nr. {s.nr})" if s.sak_id else f"(nr. {s.nr})"
            d.append(
                f'<tr data-nr="{s.nr}"><td class="tall" data-etikett="{e(_ui("rang", sprak))}">'
                f'{rang}</td><td class="sak">{e(navn_sak)}</td>'
                f'<td class="tall" data-etikett="{e(navn["brudd"])}">{s.antall_brudd}</td>'
                f'<td class="tall" data-etikett="{e(navn["uavklart"])}">{s.antall_uavklart}</td>'
                f"<td>{merker}</td></tr>"
            )
        d.append("</tbody></table>")
    d += avviste_tabell(
        r.avviste,
        {
            "overskrift": _ui("avviste", sprak) + " ({antall})",
            "forklaring": _ui("avvist_forklaring", sprak),
            "nr": _ui("nr", sprak),
            "sak": _ui("sak_kort", sprak),
            "feil": _ui("feil", sprak),
            "flere": UI["flere"][sprak],
        },
    )
    d.append(f"<footer>{e(_ui('fot', sprak, bibliotek=r.bibliotek, regler=r.regler))}</footer>")
    return side(_ui("tittel", sprak, dato=dato), d, lang=sprak)


def _tilsynsfunn(vurdering: Assessment) -> tuple[str | None, tuple[Funn, ...], Lesehjelp]:
    """In the worker: the case's findings, point by point, and the labels their texts name."""
    m = last(regelbok_i_bruk().mappe)
    funn = vurder(vurdering, [p.id for p in m.punkter])
    return vurdering.sak_id, funn, lesehjelp(vurdering)


def rapport(
    saker: Iterable[Any],
    dato: date | str,
    *,
    processes: int | None = 1,
    chunk_size: int = CHUNK_SIZE,
    progress: bool | Callable[[int, int | None], Any] | None = None,
    regler: Regelbok | None = None,
    total: int | None = None,
) -> TilsynsRapport:
    """Assess every case on ``dato`` and answer every audit point (see the module's docstring)."""
    on, bok, resultater = for_rapport(
        saker,
        dato,
        _tilsynsfunn,
        processes=processes,
        chunk_size=chunk_size,
        progress=progress,
        regler=regler,
        total=total,
    )
    m = last(bok.mappe)
    vurderte: list[Saksfunn] = []
    avviste: list[Avvist] = []
    antall = 0
    for indeks, svar in enumerate(resultater):
        antall += 1
        if isinstance(svar, Avvist):
            avviste.append(svar)
        else:
            vurderte.append(Saksfunn(indeks, *svar))
    return TilsynsRapport(on, antall, tuple(vurderte), tuple(avviste), m, bok.digest)


# --- a synthetic caseload ------------------------------------------------------------------------


def eksempelsaker(
    antall: int, dato: date | str, *, seed: int = 0, ugyldige: float = 0.0
) -> Iterable[dict[str, Any]]:
    """The follow-up report's synthetic caseload (``oppfolging.eksempelsaker``) with children
    and the audit points' facts added at random — present, absent (unknown) or empty — so every
    point meets every outcome. The same for the same seed."""
    dag = les_dato(dato)
    assert dag is not None
    rng = random.Random(seed * 7919 + 17)
    for sak in grunnsaker(antall, dag, seed=seed, ugyldige=ugyldige):
        _legg_til_tilsynsfakta(rng, sak, dag)
        yield sak


def _valg(rng: random.Random, ja: float, nei: float) -> bool | None:
    """True with probability ``ja``, False with ``nei``, else None (unknown)."""
    x = rng.random()
    return True if x < ja else False if x < ja + nei else None


def _legg_til_tilsynsfakta(rng: random.Random, sak: dict[str, Any], dato: date) -> None:
    saksdato = date.fromisoformat(sak["vurderingsdato"])
    soker = sak["personer"][0]
    fodt = (
        date.fromisoformat(soker["fodselsdato"]) if "-02-30" not in soker["fodselsdato"] else None
    )
    barn: list[str] = []
    if fodt is not None and rng.random() < 0.4:
        foreldrealder = saksdato.year - fodt.year
        for n in range(rng.randint(1, 2)):
            alder = rng.randint(0, max(0, min(17, foreldrealder - 19)))
            pid = f"b{n + 1}"
            sak["personer"].append(
                {
                    "id": pid,
                    "rolle": "barn",
                    "fodselsdato": date(
                        saksdato.year - alder - 1, rng.randint(1, 12), rng.randint(1, 28)
                    ).isoformat(),
                    "opphold": {"norsk_statsborger": True, "fast_bopel_i_norge": True},
                }
            )
            barn.append(pid)
    for v in sak.get("vilkar", []):
        if rng.random() < 0.15:  # the caseworker's assessment not recorded: a question
            v.pop("uforholdsmessig_byrdefullt")
    for botilbud in sak.get("botilbud", []):
        if barn and rng.random() < 0.4:
            botilbud["personer"] = ["p1", *barn]

    def dag(fra: int, til: int) -> str:
        return (saksdato - timedelta(days=rng.randint(fra, til))).isoformat()

    if "radgivning" not in sak and rng.random() < 0.5:
        sak["radgivning"] = []
    if rng.random() < 0.8:
        sak["oppfolgingssamtaler"] = [
            {"dato": dag(0, 90), "initiativ": rng.choice(("nav", "bruker", "annen"))}
            for _ in range(rng.choice((0, 0, 1, 2)))
        ]
    if rng.random() < 0.8:
        sak["samarbeid"] = [
            {
                "tjeneste": rng.choice(("barnevern", "skole", "helsestasjon", "bolig", "helse")),
                "dato": dag(0, 120),
                "form": rng.choice(("mote", "henvisning", "informasjonsutveksling")),
            }
            for _ in range(rng.choice((0, 0, 0, 1)))
        ]
    if rng.random() < 0.85:
        signaler = {
            s: _valg(rng, 0.12, 0.84)
            for s in (
                "husleierestanse",
                "stromrestanse",
                "inkasso",
                "betalingsanmerkninger",
                "forbruksgjeld",
                "utkastelsesvarsel",
            )
        }
        signaler["radgivning_avslatt"] = _valg(rng, 0.1, 0.6)
        sak["gjeldssignaler"] = {k: v for k, v in signaler.items() if v is not None}
    if rng.random() < 0.85:
        v18: dict[str, Any] = {
            "forhold": rng.sample(
                ("behov", "inntekt", "utgifter", "bolig", "helse", "gjeld"), rng.choice((0, 2, 3))
            ),
            "kun_veiledende_sats": _valg(rng, 0.2, 0.75),
            "saerlige_behov": _valg(rng, 0.2, 0.75),
            "vurdert_etter_19": _valg(rng, 0.6, 0.3),
        }
        sak["vurdering_18"] = {k: v for k, v in v18.items() if v is not None}
    if barn:
        behov = []
        for pid in barn:
            if rng.random() < 0.8:
                b: dict[str, Any] = {
                    "person": pid,
                    "forhold": rng.sample(
                        ("helse", "skole", "fritid", "utstyr_og_klaer", "barnehage_sfo"),
                        rng.choice((0, 2, 3)),
                    ),
                    "vektlagt": _valg(rng, 0.7, 0.2),
                }
                behov.append({k: v for k, v in b.items() if v is not None})
        sak["barns_behov"] = behov
    if sak.get("botilbud") and rng.random() < 0.8:
        sak["varig_bolig"] = {"arbeid_startet": rng.random() < 0.6}
    if rng.random() < 0.75:
        lo = {
            "kvp_vurdert": _valg(rng, 0.5, 0.35),
            "brukermedvirkning": _valg(rng, 0.6, 0.3),
        }
        sak["langtid_oppfolging"] = {k: v for k, v in lo.items() if v is not None}
    kvp = sak.get("kvp")
    if kvp is not None and rng.random() < 0.9:
        start = date.fromisoformat(kvp["program_start"])
        slutt = date.fromisoformat(kvp.get("forlenget_til") or kvp["program_slutt"])
        horisont = min(dato, slutt)
        kontakter, d = [], start
        steg = rng.choice((10, 14, 25))
        while True:
            d += timedelta(days=rng.randint(steg // 2, steg * 2))
            if d > horisont:
                break
            kontakter.append(d.isoformat())
        planlagt = [start + timedelta(days=180 * k) for k in range(1, 5)]
        holdt = [p for p in planlagt if p <= horisont and rng.random() < 0.85]
        ko: dict[str, Any] = {
            "programplan": rng.random() < 0.9,
            "kontaktintervall_dager": rng.choice((21, 30, 45)),
            "kontakter": kontakter,
            "evalueringer_planlagt": []
            if rng.random() < 0.08
            else [p.isoformat() for p in planlagt],
            "evalueringer": [p.isoformat() for p in holdt],
            "arbeidsrettede_tiltak": rng.random() < 0.8,
            "arbeidsrettede_tiltak_fra": (start + timedelta(days=rng.randint(20, 420))).isoformat(),
        }
        sak["kvp_oppfolging"] = ko
