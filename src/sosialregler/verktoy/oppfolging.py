"""The caseload report (issue 8): what is due and overdue across many cases, for a team leader.

``rapport(saker, dato)`` assesses every case through ``batch.assess_many`` (the same code path
as ``sosialregler vurder --batch``, with processes and a progress bar) and keeps, per case, only
what the report shows: each due item's code, person, legal reference and ``forfall`` from
``frister.poster`` — no texts are rendered. Then it counts:

* by kind (``kode``) and by how long overdue, in the groups of ``GRUPPER``: not yet due, due
  today, overdue 1–30 days, 31–90 days, more than 90 days (days = report date − ``forfall``).
  An item is overdue (``forfalt``) from the day after its ``forfall``, so the overdue groups
  add up to the count «Forfalt» everywhere (an item due today is not yet overdue);
* the cases, sorted by urgency: the most overdue item first, then the number of overdue
  items, then the earliest ``forfall``, then the order of the input;
* the rejected cases, each with its position, ``sak_id`` and problems.

``Rapport.html()`` is one self-contained page in the design it shares with the supervision report
(``side.py``: inline CSS and an inline SVG chart;
no script, no network, no fonts to fetch) that opens in any browser and prints; ``csv()`` is
one row per due item; ``to_dict()`` is everything as JSON. ``les_jsonl`` reads JSON Lines.

``eksempelsaker(antall, dato)`` makes a synthetic caseload (seeded, so the same every time) for
demonstrations, tests and benchmarks: valid contract cases with stays, conditions, advice,
months with support, plans and programmes spread so every kind of item occurs.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from attrs import frozen

from ..api import les_dato
from ..inndata.grenser import STANDARD, Grenser
from ..inndata.jsonlinjer import AvvistLinje, linjer, tell
from ..lov.rulebook.book import Regelbok
from ..utdata.assessment import Assessment
from ..utdata.explain import personetiketter
from ..utdata.fristtekster import NAVN, hvem
from ..utdata.fristtekster import navn as fristnavn
from ..utdata.side import Gruppe, Stolpe, antall, avviste_tabell, kort, side, stablet_diagram
from ..utdata.side import e as _e
from ..utdata.side import tall as _tall
from ..versjon import __version__
from .batch import CHUNK_SIZE, Avvist, for_rapport, regelbok_i_bruk
from .frister import poster

__all__ = [
    "GRUPPER",
    "KODENAVN",
    "Rad",
    "Rapport",
    "Saksrad",
    "eksempelsaker",
    "gruppe",
    "les_jsonl",
    "rapport",
    "tell_linjer",
]

#: The groups by days overdue: (key, Norwegian label, English label, lowest day, highest day).
GRUPPER: tuple[tuple[str, str, str, int | None, int | None], ...] = (
    ("ikke_forfalt", "Forfaller senere", "Due later", None, -1),
    ("i_dag", "Forfaller i dag", "Due today", 0, 0),
    ("1-30", "Forfalt 1–30 dager", "Overdue 1–30 days", 1, 30),
    ("31-90", "Forfalt 31–90 dager", "Overdue 31–90 days", 31, 90),
    ("91+", "Forfalt over 90 dager", "Overdue over 90 days", 91, None),
)
GRUPPENOKLER = tuple(g[0] for g in GRUPPER)
#: The groups of overdue items: their sum is ``Rapport.antall_forfalt``.
FORFALTE_GRUPPER = tuple(g[0] for g in GRUPPER if g[3] is not None and g[3] > 0)
#: Colours of the groups in the chart and tables (grey, blue, amber, orange, red; readable in
#: print).
FARGER = {
    "ikke_forfalt": "#8a9aa9",
    "i_dag": "#3b6ea5",
    "1-30": "#e0b000",
    "31-90": "#e06c00",
    "91+": "#b3261e",
}

#: Short names of the kinds for the report (the flags' own texts are long and per case): the
#: bokmål of ``fristtekster.NAVN``, which the terminal's ``frister`` shows in every language.
KODENAVN: dict[str, str] = dict(NAVN["nb"])


def kodenavn(kode: str) -> str:
    """What a team leader reads for a kind: its short name (spelt out from the code if it has
    none)."""
    return fristnavn(kode, "nb")


def gruppe(dager: int) -> str:
    """The group of an item ``dager`` days past its ``forfall`` (negative: not yet due)."""
    for nokkel, _, _, fra, til in GRUPPER:
        if (fra is None or dager >= fra) and (til is None or dager <= til):
            return nokkel
    raise AssertionError(dager)  # the groups cover every integer


@frozen
class Rad:
    """One due item in the report (no text: the report does not show one)."""

    kode: str
    person: str | None
    hjemmel: str
    forfall: date
    dager: int  # report date − forfall; negative when not yet due
    #: Whom it concerns as the working paper names them («søkeren», «barn født 2015»): the page
    #: shows this, the CSV and JSON keep the ids (``person``) for case systems.
    hvem: str | None = None

    @property
    def forfalt(self) -> bool:
        return self.dager > 0

    @property
    def gruppe(self) -> str:
        return gruppe(self.dager)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kode": self.kode,
            "person": self.person,
            "hjemmel": self.hjemmel,
            "forfall": self.forfall.isoformat(),
            "forfalt": self.forfalt,
            "dager_forfalt": max(self.dager, 0),
            "gruppe": self.gruppe,
        }


@frozen
class Saksrad:
    """A case with something due, as the report lists it."""

    indeks: int  # the case's place in the input, from 0 (``nr`` counts from 1, as shown)
    sak_id: str | None
    frister: tuple[Rad, ...]  # sorted by forfall

    @property
    def nr(self) -> int:
        """The case's number in the input as every output shows it: its line, from 1."""
        return self.indeks + 1

    @property
    def mest_forfalt(self) -> int:
        """Days the most overdue item is past due (negative: the nearest is not yet due)."""
        return max(p.dager for p in self.frister)

    @property
    def antall_forfalt(self) -> int:
        return sum(1 for p in self.frister if p.forfalt)

    def hastegrad(self) -> tuple[int, int, date, int]:
        """Sort key: most overdue first, then most overdue items, earliest forfall, input order."""
        return (-self.mest_forfalt, -self.antall_forfalt, self.frister[0].forfall, self.indeks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "nr": self.nr,
            "sak_id": self.sak_id,
            "mest_forfalt_dager": max(self.mest_forfalt, 0),
            "antall_forfalt": self.antall_forfalt,
            "frister": [p.to_dict() for p in self.frister],
        }


def _rapportposter(vurdering: Assessment) -> tuple[str | None, list[tuple[Any, ...]]]:
    """In the worker: the case's due items as plain tuples (cheap to send back)."""
    frister = poster(vurdering, regler=regelbok_i_bruk())
    etiketter = personetiketter(vurdering, "nb") if any(p.person for p in frister) else {}
    return vurdering.sak_id, [
        (p.kode, p.person, p.hjemmel, p.forfall, hvem(p.person, "nb", etiketter)) for p in frister
    ]


@frozen
class Rapport:
    """The caseload on a date: counts by kind and age, cases by urgency, rejected cases."""

    dato: date
    antall_saker: int
    saker: tuple[Saksrad, ...]  # cases with at least one item, most urgent first
    avviste: tuple[Avvist, ...]
    regler: str  # the rules' digest
    bibliotek: str = __version__

    # --- counts ------------------------------------------------------------------------------
    @property
    def poster(self) -> Iterator[Rad]:
        for sak in self.saker:
            yield from sak.frister

    @property
    def antall_frister(self) -> int:
        return sum(len(s.frister) for s in self.saker)

    @property
    def antall_forfalt(self) -> int:
        return sum(1 for p in self.poster if p.forfalt)

    @property
    def antall_vurdert(self) -> int:
        return self.antall_saker - len(self.avviste)

    def per_kode(self) -> dict[str, dict[str, int]]:
        """``{kode: {gruppe: count}}`` for every kind present, kinds in a stable order."""
        telling: dict[str, Counter[str]] = {}
        for p in self.poster:
            telling.setdefault(p.kode, Counter())[p.gruppe] += 1
        rekkefolge = [k for k in KODENAVN if k in telling] + sorted(
            k for k in telling if k not in KODENAVN
        )
        return {k: {g: telling[k][g] for g in GRUPPENOKLER} for k in rekkefolge}

    def per_gruppe(self) -> dict[str, int]:
        telling = Counter(p.gruppe for p in self.poster)
        return {g: telling[g] for g in GRUPPENOKLER}

    # --- outputs -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "dato": self.dato.isoformat(),
            "versjon": {"bibliotek": self.bibliotek, "regler": self.regler},
            "antall_saker": self.antall_saker,
            "antall_vurdert": self.antall_vurdert,
            "antall_avvist": len(self.avviste),
            "antall_saker_med_frister": len(self.saker),
            "antall_frister": self.antall_frister,
            "antall_forfalt": self.antall_forfalt,
            "grupper": [
                {"gruppe": n, "nb": nb, "en": en, "fra_dager": fra, "til_dager": til}
                for n, nb, en, fra, til in GRUPPER
            ],
            "per_gruppe": self.per_gruppe(),
            "per_kode": {
                k: {"navn": KODENAVN.get(k, k), "totalt": sum(g.values()), "per_gruppe": g}
                for k, g in self.per_kode().items()
            },
            "saker": [s.to_dict() for s in self.saker],
            "avviste": [_avvist_dict(a) for a in self.avviste],
        }

    @property
    def per_kode_navn(self) -> dict[str, str]:
        return {k: kodenavn(k) for k in self.per_kode()}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def csv(self) -> str:
        """One row per due item, cases in order of urgency (UTF-8, comma-separated)."""
        ut = io.StringIO()
        skriver = csv.writer(ut, lineterminator="\n")
        skriver.writerow(
            [
                "nr",
                "sak_id",
                "type",
                "kode",
                "person",
                "hjemmel",
                "forfall",
                "forfalt",
                "dager_forfalt",
                "gruppe",
            ]
        )
        for s in self.saker:
            for p in s.frister:
                skriver.writerow(
                    [
                        s.nr,
                        s.sak_id or "",
                        kodenavn(p.kode),
                        p.kode,
                        p.person or "",
                        p.hjemmel,
                        p.forfall.isoformat(),
                        "ja" if p.forfalt else "nei",
                        max(p.dager, 0),
                        p.gruppe,
                    ]
                )
        return ut.getvalue()

    def tekst(self) -> str:
        """A short summary for the terminal."""
        linjer = [
            f"Oppfølging per {self.dato.strftime('%d.%m.%Y')}: "
            f"{antall(self.antall_saker, 'sak', 'saker')}, {_tall(self.antall_vurdert)} vurdert, "
            f"{_tall(len(self.avviste))} avvist.",
            f"{antall(self.antall_frister, 'frist', 'frister')} i "
            f"{antall(len(self.saker), 'sak', 'saker')}; {_tall(self.antall_forfalt)} forfalt, "
            f"{_tall(self.per_gruppe()['i_dag'])} forfaller i dag.",
            "",
        ]
        navn = self.per_kode_navn
        bredde = max([len(n) for n in navn.values()] + [4])
        hode = "".join(f"{nb:>22}" for _, nb, _, _, _ in GRUPPER)
        linjer.append(f"  {'type':<{bredde}}{hode}{'i alt':>8}")
        for kode, g in self.per_kode().items():
            tall = "".join(f"{_tall(g[n]):>22}" for n in GRUPPENOKLER)
            linjer.append(f"  {navn[kode]:<{bredde}}{tall}{_tall(sum(g.values())):>8}")
        sum_ = self.per_gruppe()
        tall = "".join(f"{_tall(sum_[n]):>22}" for n in GRUPPENOKLER)
        linjer.append(f"  {'i alt':<{bredde}}{tall}{_tall(self.antall_frister):>8}")
        return "\n".join(linjer)

    def html(self, maks_saker: int = 1000) -> str:
        """The report as one self-contained HTML page (see ``_html``)."""
        return _html(self, maks_saker)


def rapport(
    saker: Iterable[Any],
    dato: date | str,
    *,
    processes: int | None = 1,
    chunk_size: int = CHUNK_SIZE,
    progress: bool | Callable[[int, int | None], Any] | None = None,
    regler: Regelbok | None = None,
    total: int | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> Rapport:
    """Assess every case on ``dato`` and gather what is due (see the module's docstring).

    ``saker``: contract cases (dicts, JSON text — e.g. the lines of a JSON Lines file — or
    ``Sak``). The other arguments go to ``batch.assess_many`` (``grenser``: the input limits
    for every case, grenser.py).
    """
    on, bok, resultater = for_rapport(
        saker,
        dato,
        _rapportposter,
        processes=processes,
        chunk_size=chunk_size,
        progress=progress,
        regler=regler,
        total=total,
        grenser=grenser,
    )
    med_frister: list[Saksrad] = []
    avviste: list[Avvist] = []
    antall = 0
    for indeks, svar in enumerate(resultater):
        antall += 1
        if isinstance(svar, Avvist):
            avviste.append(svar)
            continue
        sak_id, rader = svar
        if rader:
            frister = tuple(
                Rad(kode, person, hjemmel, forfall, (on - forfall).days, hvem)
                for kode, person, hjemmel, forfall, hvem in rader
            )
            med_frister.append(Saksrad(indeks, sak_id, frister))
    med_frister.sort(key=Saksrad.hastegrad)
    return Rapport(on, antall, tuple(med_frister), tuple(avviste), bok.digest)


def les_jsonl(
    kilde: str | Path | TextIO, grense: int = STANDARD.byte
) -> Iterator[str | AvvistLinje]:
    """The non-blank lines of a JSON Lines file (a path, ``-`` for standard input, or a file).

    Lines are handed on as text: each is parsed, and rejected if it is not a case, where it
    is assessed (in a worker process when there are several). A line is read at most
    ``grense`` bytes (grenser.py's ``byte``): a longer one, or one not UTF-8, comes as an
    ``AvvistLinje`` that ``rapport`` reports as a rejected case (jsonlinjer.py).
    """
    if isinstance(kilde, str | Path) and str(kilde) != "-":
        with open(kilde, "rb") as fil:
            yield from (linje for _, linje in linjer(fil, grense))
        return

    strom = sys.stdin if isinstance(kilde, str | Path) else kilde
    binar = getattr(strom, "buffer", None)
    if binar is not None:
        yield from (linje for _, linje in linjer(binar, grense))
        return
    yield from (linje for linje in strom if linje.strip())  # a text already in memory


def tell_linjer(sti: str | Path, grense: int = STANDARD.byte) -> int | None:
    """Non-blank lines in a file (for the progress bar), each read boundedly; None for
    standard input."""
    if str(sti) == "-":
        return None
    with open(sti, "rb") as fil:
        return tell(fil, grense)


# --- HTML ----------------------------------------------------------------------------------------


def _merkeklasse(nokkel: str) -> str:
    return {
        "ikke_forfalt": "ikke_forfalt",
        "i_dag": "i_dag",
        "1-30": "g1-30",
        "31-90": "g31-90",
        "91+": "g91",
    }[nokkel]


def _avvist_dict(a: Avvist) -> dict[str, Any]:
    """A rejected case as the report numbers it: ``nr`` from 1, as the page shows it."""
    data = a.to_dict()
    indeks = data.pop("indeks", a.indeks)
    return {"nr": indeks + 1, **data}


def _diagram(r: Rapport) -> str:
    """Horizontal stacked bars: one bar per kind, one segment per group (``side``'s chart)."""
    per_kode = r.per_kode()
    if not per_kode:
        return '<p class="forklaring">Ingen frister å vise.</p>'
    return stablet_diagram(
        [Stolpe(kodenavn(k), k, g) for k, g in per_kode.items()],
        [Gruppe(n, nb, FARGER[n]) for n, nb, _, _, _ in GRUPPER],
        tittel="Frister per type, fordelt på hvor lenge de har vært forfalt",
        radattributt="kode",
        gruppeattributt="gruppe",
        ident="diagram",
    )


def _html(r: Rapport, maks_saker: int) -> str:
    per_kode = r.per_kode()
    per_gruppe = r.per_gruppe()
    dato = r.dato.strftime("%d.%m.%Y")
    over_90 = per_gruppe["91+"]
    kortene = [
        ("antall-frister", "Frister i alt", r.antall_frister, False),
        ("antall-forfalt", "Forfalt (fra dagen etter forfall)", r.antall_forfalt, False),
        ("antall-i-dag", "Forfaller i dag", per_gruppe["i_dag"], False),
        ("antall-over-90", "Forfalt over 90 dager", over_90, True),
        ("antall-saker-med-frister", "Saker med frister", len(r.saker), False),
        ("antall-avvist", "Avviste saker", len(r.avviste), True),
    ]
    d: list[str] = [
        f"<h1>Oppfølging per {dato}</h1>",
        f'<p class="undertittel"><span id="antall-saker">{_tall(r.antall_saker)}</span> '
        f"{'sak' if r.antall_saker == 1 else 'saker'}, "
        f'<span id="antall-vurdert">{_tall(r.antall_vurdert)}</span> vurdert etter '
        "sosialtjenesteloven på rapportdatoen. Det som er forfalt eller snart forfaller, "
        "etter type og etter hvor lenge det har vært forfalt.</p>",
        kort(kortene),
    ]
    d += ["<h2>Frister per type</h2>", _diagram(r)]
    d.append(
        '<p class="forklaring">Dager forfalt = rapportdatoen minus forfallsdatoen. En frist er '
        "forfalt fra dagen etter forfall; «Forfaller i dag» er ikke forfalt ennå. «Forfaller "
        "senere»: for eksempel et opphold som nærmer seg tre måneder, eller et program som "
        "slutter. Kolonnene «Forfalt …» summerer til tallet «Forfalt».</p>"
    )
    # The table of counts: kinds × groups, with totals.
    d.append('<table id="per-kode"><thead><tr><th>Type</th>')
    d += [f'<th class="tall">{_e(nb)}</th>' for _, nb, _, _, _ in GRUPPER]
    d.append('<th class="tall">I alt</th></tr></thead><tbody>')
    for kode, g in per_kode.items():
        d.append(f'<tr data-kode="{_e(kode)}"><td>{_e(kodenavn(kode))}</td>')
        d += [
            f'<td class="tall" data-kode="{_e(kode)}" data-gruppe="{n}">{_tall(g[n])}</td>'
            for n in GRUPPENOKLER
        ]
        d.append(
            f'<td class="tall" data-kode="{_e(kode)}" data-gruppe="i_alt">'
            f"{_tall(sum(g.values()))}</td></tr>"
        )
    d.append("</tbody><tfoot><tr><td>I alt</td>")
    d += [
        f'<td class="tall" data-kode="i_alt" data-gruppe="{n}">{_tall(per_gruppe[n])}</td>'
        for n in GRUPPENOKLER
    ]
    d.append(
        f'<td class="tall" data-kode="i_alt" data-gruppe="i_alt">{_tall(r.antall_frister)}</td>'
        "</tr></tfoot></table>"
    )
    # The cases by urgency.
    vist = r.saker[:maks_saker]
    d.append(f"<h2>Saker etter hvor mye som haster ({_tall(len(r.saker))})</h2>")
    if len(r.saker) > len(vist):
        d.append(
            f'<p class="forklaring">De {_tall(len(vist))} som haster mest vises her; alle '
            f"{_tall(len(r.saker))} er i CSV- og JSON-utdataene.</p>"
        )
    d.append(
        '<table id="saker"><thead><tr><th class="tall">Rang</th><th>Sak (nr. i inndata)</th>'
        '<th class="tall">Mest forfalt</th><th class="tall">Forfalte</th><th>Frister '
        "(type, person, forfall, dager forfalt)</th></tr></thead><tbody>"
    )
    for nr, s in enumerate(vist, 1):
        merker = []
        for p in s.frister:
            dager = f"{p.dager} d" if p.dager > 0 else ("i dag" if p.dager == 0 else "kommer")
            merker.append(
                f'<span class="merke {_merkeklasse(p.gruppe)}" data-kode="{_e(p.kode)}" '
                f'title="{_e(p.hjemmel)}">'
                f"{_e(kodenavn(p.kode))} · {_e(p.hvem or p.person or '–')} · "
                f"{p.forfall.strftime('%d.%m.%Y')} · {dager}</span>"
            )
        navn = f"{s.sak_id} (nr. {s.nr})" if s.sak_id else f"(nr. {s.nr})"
        d.append(
            f'<tr data-nr="{s.nr}"><td class="tall">{nr}</td>'
            f'<td class="sak">{_e(navn)}</td>'
            f'<td class="tall">{max(s.mest_forfalt, 0)} d</td>'
            f'<td class="tall">{s.antall_forfalt}</td><td>{"".join(merker)}</td></tr>'
        )
    d.append("</tbody></table>")
    d += avviste_tabell(
        r.avviste,
        {
            "overskrift": "Avviste saker ({antall})",
            "forklaring": "Disse sakene kunne ikke vurderes; de er ikke med i tallene over.",
            "nr": "Nr. i inndata",
            "sak": "Sak",
            "feil": "Feil",
            "flere": "(og {antall} til)",
        },
    )
    d.append(
        f"<footer>Laget av sosialregler {_e(r.bibliotek)} med reglene {_e(r.regler)}. "
        "Hver frist er en merknad fra vurderingen av saken på rapportdatoen; "
        "siden henter ingenting fra nettet.</footer>"
    )
    return side(f"Oppfølging per {dato}", d)


# --- a synthetic caseload ------------------------------------------------------------------------


def eksempelsaker(
    antall: int, dato: date | str, *, seed: int = 0, ugyldige: float = 0.0
) -> Iterator[dict[str, Any]]:
    """``antall`` synthetic cases around the report date ``dato`` (the same for the same seed).

    Each is a valid contract case of a single applicant with a complete § 18 picture and, at
    random, the facts that make items due: an ongoing stay in temporary housing, an applicant
    under 30 without an activity condition, advice without a decision, months with support
    (long-term), an individual plan not offered, a programme about to end, a condition whose
    follow-up date has passed. ``ugyldige`` is the share of cases given one error (an
    impossible birth date), for the rejection path.
    """
    dag = les_dato(dato)
    assert dag is not None
    rng = random.Random(seed)
    for i in range(antall):
        sak = _eksempelsak(rng, i, dag)
        if ugyldige and rng.random() < ugyldige:
            sak["personer"][0]["fodselsdato"] = f"{rng.randint(1960, 2000)}-02-30"
        yield sak


def _eksempelsak(rng: random.Random, i: int, dato: date) -> dict[str, Any]:
    def for_(dager: int) -> date:
        return dato - timedelta(days=dager)

    saksdato = for_(rng.randint(0, 150))
    alder = rng.choice((rng.randint(19, 29), rng.randint(30, 64)))
    fodt = date(saksdato.year - alder - 1, rng.randint(1, 12), rng.randint(1, 28))
    sak: dict[str, Any] = {
        "sak_id": f"sak-{i + 1:06d}",
        "vurderingsdato": saksdato.isoformat(),
        "personer": [
            {
                "id": "p1",
                "rolle": "soker",
                "fodselsdato": fodt.isoformat(),
                "opphold": {"norsk_statsborger": True, "fast_bopel_i_norge": True},
            }
        ],
        "bofellesskap": False,
        "inntekter": [],
        "formue": [],
        "boutgifter": [
            {
                "type": "husleie",
                "belop_per_maned": rng.randint(4, 14) * 1000,
                "vurdert_rimelig": True,
            }
        ],
        "rettigheter": [],
        "barns_behov_vurdert": True,
        "individuell_vurdering": "Behovet er vurdert konkret.",
        "kommune": {
            "navn": "Eksempel kommune",
            "langtidsdefinisjon": rng.choice(("kostra", "nav")),
        },
    }
    if rng.random() < 0.3:
        sak["inntekter"].append(
            {"person": "p1", "type": "arbeidsinntekt", "belop_per_maned": rng.randint(1, 6) * 1000}
        )
    under_30 = alder < 30
    aktivitet = under_30 and rng.random() < 0.55
    vilkar: list[dict[str, Any]] = []
    if aktivitet or rng.random() < 0.35:
        satt = saksdato - timedelta(days=rng.randint(0, 60))
        vilkar.append(
            {
                "id": "v1",
                "person": "p1",
                "type": "aktivitet" if aktivitet else "dokumentasjon",
                "beskrivelse": "Møte på jobbklubb to dager i uken"
                if aktivitet
                else "Lever kontoutskrifter for siste tre måneder",
                "begrunnelse": "Styrker muligheten for arbeid"
                if aktivitet
                else "Behovet må dokumenteres",
                "frist": (satt + timedelta(days=30)).isoformat(),
                "dokumentasjon": "Oppmøteliste" if aktivitet else "Kontoutskrifter",
                "satt_dato": satt.isoformat(),
                "oppfolgingsdato": (satt + timedelta(days=rng.randint(14, 240))).isoformat(),
                "varsel_om_reduksjon": True,
                "naer_sammenheng_med_vedtaket": True,
                "uforholdsmessig_byrdefullt": False,
                "urimelig_begrensning_av_handlefrihet": False,
                "i_strid_med_annen_lov": False,
            }
        )
    sak["vilkar"] = vilkar
    sak["aktivitetsplikt"] = {"vilkar_satt": aktivitet}
    if rng.random() < 0.3:
        sak["radgivning"] = [
            {
                "dato": (saksdato - timedelta(days=rng.randint(0, 120))).isoformat(),
                "type": rng.choice(
                    ("generell_veiledning", "okonomisk_radgivning", "gjeldsradgivning")
                ),
                "vedtak_fattet": rng.random() < 0.5,
            }
            for _ in range(rng.randint(1, 2))
        ]
    if rng.random() < 0.6:
        lengde = rng.randint(1, 30)
        siste = saksdato.replace(day=1)
        maneder = []
        for _ in range(lengde):
            maneder.append(siste)
            siste = (siste - timedelta(days=1)).replace(day=1)
        sak["maneder_med_stonad"] = sorted(m.isoformat() for m in maneder)
    if rng.random() < 0.35:
        sak["individuell_plan"] = {
            "tjenester": rng.sample(("rus", "psykisk_helse", "bolig", "helse"), rng.randint(0, 3)),
            "tilbudt": rng.random() < 0.4,
            "har_plan_fra_annen_instans": False,
        }
    if rng.random() < 0.2:
        fra = dato - timedelta(days=rng.randint(0, 220))
        opphold: dict[str, Any] = {
            "personer": ["p1"],
            "fra": min(fra, saksdato).isoformat(),
            "type": rng.choice(("hospits", "hotell", "kommunal_midlertidig_bolig")),
            "tilgang_hele_dognet": True,
            "mulighet_for_matlaging": True,
            "toalett_og_bad": True,
            "mulighet_for_rene_klaer": True,
            "brukes_av_personer_med_rusproblemer": False,
        }
        sak["botilbud"] = [opphold]
    if rng.random() < 0.12 and alder < 66:
        start = dato - timedelta(days=rng.randint(300, 740))
        slutt = start + timedelta(days=729)
        kvp: dict[str, Any] = {
            "person": "p1",
            "arbeidsevnevurdering_gjort": True,
            "vesentlig_nedsatt_arbeidsevne": True,
            "ytelser_folketrygd": [],
            "behov_for_tett_oppfolging": True,
            "program_kan_tilbys": True,
            "hensiktsmessig_og_nodvendig": True,
            "program_start": start.isoformat(),
            "program_slutt": slutt.isoformat(),
            "timer_per_uke": 37.5,
            "forsorger_barn": [],
        }
        if slutt < dato and rng.random() < 0.7:
            kvp["forlenget_til"] = (slutt + timedelta(days=rng.randint(30, 180))).isoformat()
            kvp["forlengelse_begrunnelse"] = "Særlige grunner: deltakeren er i et arbeidstiltak."
        sak["kvp"] = kvp
    return sak
