"""``Kolonne``: the columnar evaluator of a population run, exact row for row with ``PerSak``.

Two stages per input batch:

1. **Per row, the library's own code** for what is still Python: the case read and checked
   (``api.read_sak``), its derived facts (``derived.utled``) and the area calculations in the
   rulebook's order (``areas.beregning``: the § 18 amount, KVP, stays, scope per person …),
   each on the row's own ``engine.Kontekst``, exactly as ``api.assess`` begins. What these
   evaluate (item rules, the rules a calculation reads) and the flags they raise stay theirs.
2. **Over the batch, the rules compiled to numpy** (``lov.kompilator.kolonne``, the second
   output of the compiler): each area's ``vurderes_nar``, main rule and checks, and the
   complaint rule, in the order ``api.assess`` evaluates them, over fact columns. A rule a row
   already evaluated in stage 1 keeps that outcome (as the per-case cache does); a rule's flag
   is raised the first time it is evaluated in that row, in the same order as per case.

A row goes to the per-case path (``PerSak``'s ``assess_many``, so its row is the per-case row
by construction) when stage 1 rejects it or fails, when the generated code does not decide it
exactly (``kolonne``'s ``dekket``: a value of an unexpected kind, an absent fact, a failed
expression, disagreeing exceptions), or when an area ends ``uavklart`` (its missing facts are
the per-case path's). ``telling`` counts the rows each path decided; the output column
``motor`` says it per row.
"""

from __future__ import annotations

import decimal
import gc
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from ...api import KLAGEREGEL, read_sak
from ...inndata.desimal import DESIMALKONTEKST
from ...inndata.grenser import STANDARD, Grenser
from ...lov.kompilator import kolonne as generator
from ...lov.kompilator.kilde import unntak_i_kraft
from ...lov.kompilator.motor import KOMPILERT, aktiv
from ...lov.kompilator.spor import KODE, UTFALL
from ...lov.outcome import Utfall
from ...lov.rulebook.book import Regelbok
from ...lov.rulebook.model import Omrade, Regel
from ...utdata.assessment import utdata_etter_utfall
from ...vurdering import areas
from ...vurdering.derived import utled
from ...vurdering.engine import Kontekst
from ..batch import assess_many
from . import rad as radmodul
from .kilde import Innbatch
from .motor import Fremdrift, bygg
from .prosesser import BIT, i_prosesser
from .skjema import BELOP, DESIMALER, KOLONNE, PERSAK

_MINSTE = Decimal(1).scaleb(-DESIMALER)


class KolonneProgram:
    """The columnar functions of one set of rule versions in force, compiled on first use."""

    def __init__(self, bok: Regelbok, i_kraft: Mapping[str, Regel]) -> None:
        self.bok = bok
        self.i_kraft = i_kraft
        self._regler: dict[str, Any] = {}
        self._avgrensninger: dict[str, Any] = {}
        self._las = threading.Lock()

    def regel(self, regel_id: str) -> Any:
        """The rule's function (``k(K)`` → outcomes, decided rows), or None without one."""
        if regel_id not in self._regler:
            regel = self.i_kraft.get(regel_id)
            funksjon = None
            if regel is not None and regel.vilkar is not None:
                kilde, konstanter = generator.regelkilde(regel, self.unntak(regel_id))
                navn = f"<sosialregler-kolonne {regel.id} fra {regel.info.gyldig_fra}>"
                funksjon = generator.kompiler(kilde, konstanter, navn)
            self._regler[regel_id] = funksjon
        return self._regler[regel_id]

    def steg(self, regel_id: str) -> Any:
        """A calculation rule's columnar steps (``k(K)`` → rows computed), or None."""
        regel = self.i_kraft.get(regel_id)
        if regel is None or not regel.verdier:
            return None
        kilde, konstanter = generator.stegkilde(regel)
        navn = f"<sosialregler-kolonne steg {regel.id} fra {regel.info.gyldig_fra}>"
        return generator.kompiler(kilde, konstanter, navn)

    def avgrensning(self, omrade: Omrade) -> Any:
        if omrade.id not in self._avgrensninger:
            funksjon = None
            if omrade.vurderes_nar is not None:
                kilde, konstanter = generator.avgrensningskilde(omrade)
                funksjon = generator.kompiler(
                    kilde, konstanter, f"<sosialregler-kolonne område {omrade.id}>"
                )
            self._avgrensninger[omrade.id] = funksjon
        return self._avgrensninger[omrade.id]

    def unntak(self, regel_id: str) -> tuple[Regel, ...]:
        return unntak_i_kraft(regel_id, self.i_kraft, self.bok.unntak)

    def referanser(self, regel_id: str) -> tuple[str, ...]:
        """The rules ``regel_id`` refers to, in the order its compiled code evaluates them:
        its condition, then each exception's."""
        regel = self.i_kraft.get(regel_id)
        if regel is None or regel.vilkar is None:
            return ()
        ut = list(regel.vilkar.regelreferanser())
        for un in self.unntak(regel_id):
            assert un.vilkar is not None
            ut.extend(un.vilkar.regelreferanser())
        return tuple(ut)


_PROGRAMMER: dict[tuple[int, frozenset[int]], KolonneProgram] = {}


def program_for(bok: Regelbok, dato: date) -> KolonneProgram:
    i_kraft = bok.versjoner_i_kraft(dato)
    nokkel = (id(bok), frozenset(map(id, i_kraft.values())))
    program = _PROGRAMMER.get(nokkel)
    if program is None or program.bok is not bok:
        if len(_PROGRAMMER) > 64:
            _PROGRAMMER.clear()
        program = _PROGRAMMER[nokkel] = KolonneProgram(bok, i_kraft)
    return program


class _Tabell:
    """The batch as the generated functions see it (``K``): fact columns and rule outcomes,
    and the walk that evaluates the rules in the per-case order."""

    def __init__(self, program: KolonneProgram, fakta: list[Mapping[str, Any]], np: Any) -> None:
        self.np = np
        self.program = program
        self.fakta = fakta
        self.n = len(fakta)
        self._kolonner: dict[str, generator.Kolonne] = {}
        self.utfall: dict[str, Any] = {}  # rule id -> int8 outcomes (valid where ``ferdig``)
        self._mangler: dict[str, Any] = {}  # rule id -> missing facts per row (tuples)
        self.ferdig: dict[str, Any] = {}  # rule id -> rows where the rule is evaluated
        self.udekket = np.zeros(self.n, bool)  # rows the generated code did not decide
        self.merknader: list[tuple[Any, str]] = []  # (rows, code) in the order raised

    def kolonne(self, navn: str) -> generator.Kolonne:
        k = self._kolonner.get(navn)
        if k is None:
            verdier = [f.get(navn, _FRAVAER) for f in self.fakta]
            k = self._kolonner[navn] = generator.kolonne_av(verdier, _FRAVAER)
        return k

    def sett(self, navn: str, verdier: Any) -> None:
        """A computed column (a calculation step's values), read by the steps after it."""
        self._kolonner[navn] = generator.kolonne_av(list(verdier))

    def regel(self, regel_id: str) -> Any:
        return self.utfall[regel_id]

    def mangler(self, regel_id: str) -> Any:
        return self._mangler[regel_id]

    def _ny(self, regel_id: str) -> None:
        if regel_id not in self.utfall:
            np = self.np
            self.utfall[regel_id] = np.full(self.n, KODE[Utfall.UAVKLART], np.int8)
            self.ferdig[regel_id] = np.zeros(self.n, bool)
            tomme = np.empty(self.n, object)
            tomme.fill(())
            self._mangler[regel_id] = tomme

    def forhand(self, regel_id: str, par: list[tuple[int, int, tuple[str, ...]]]) -> None:
        """Outcomes a row's calculations already evaluated (stage 1): kept, as per case."""
        self._ny(regel_id)
        utfall, ferdig, mangler = (
            self.utfall[regel_id],
            self.ferdig[regel_id],
            self._mangler[regel_id],
        )
        for i, kode, m in par:
            utfall[i] = kode
            ferdig[i] = True
            mangler[i] = m

    def besok(self, regel_id: str, aktive: Any) -> None:
        """Evaluate ``regel_id`` in the rows of ``aktive`` where it is not evaluated yet:
        what it refers to first, then itself, then its flag (``Kontekst.resultat``)."""
        np = self.np
        ferdig = self.ferdig.get(regel_id)
        nye = aktive if ferdig is None else aktive & ~ferdig
        if not nye.any():
            return
        for ref in self.program.referanser(regel_id):
            self.besok(ref, nye)
        self._ny(regel_id)
        funksjon = self.program.regel(regel_id)
        regel = self.program.i_kraft.get(regel_id)
        if funksjon is None:
            if regel is not None or not self.program.bok.regler.get(regel_id):
                self.udekket |= nye  # a rule error per case (a calculation rule, unknown id)
            # else: no version in force, the per-case «uavklart» (already the fill value)
        else:
            # Only the rows being evaluated: an area's rules run for the households it
            # concerns (KVP's for a few), and the rest of the batch costs nothing.
            rader = np.flatnonzero(nye)
            utsnitt = self if len(rader) == self.n else _Utsnitt(self, rader)
            utfall, mangler, dekket = funksjon(utsnitt)
            if utsnitt is self:
                self.utfall[regel_id][nye] = utfall[nye]
                self._mangler[regel_id][nye] = mangler[nye]
                self.udekket |= nye & ~dekket
            else:
                self.utfall[regel_id][rader] = utfall
                self._mangler[regel_id][rader] = mangler
                self.udekket[rader[~dekket]] = True
        self.ferdig[regel_id] |= nye
        if regel is not None and regel.merknad is not None:
            ved = [KODE[u] for u in regel.merknad.ved]
            rader = nye & np.isin(self.utfall[regel_id], ved)
            if rader.any():
                self.merknader.append((rader, regel.merknad.kode))


class _Utsnitt:
    """Some rows of a ``_Tabell`` as the generated functions see a batch (``K``)."""

    def __init__(self, tabell: _Tabell, rader: Any) -> None:
        self.tabell = tabell
        self.rader = rader
        self.n = len(rader)
        self._kolonner: dict[str, generator.Kolonne] = {}

    def kolonne(self, navn: str) -> generator.Kolonne:
        k = self._kolonner.get(navn)
        if k is None:
            hel = self.tabell._kolonner.get(navn)
            if hel is not None:
                k = generator.Kolonne(hel.verdier[self.rader], hel.arter[self.rader])
            else:  # read from the rows' facts: only these rows
                fakta = self.tabell.fakta
                verdier = [fakta[i].get(navn, _FRAVAER) for i in self.rader.tolist()]
                k = generator.kolonne_av(verdier, _FRAVAER)
            self._kolonner[navn] = k
        return k

    def regel(self, regel_id: str) -> Any:
        return self.tabell.utfall[regel_id][self.rader]

    def mangler(self, regel_id: str) -> Any:
        return self.tabell.mangler(regel_id)[self.rader]

    def sett(self, navn: str, verdier: Any) -> None:
        self._kolonner[navn] = generator.kolonne_av(list(verdier))


_FRAVAER = object()


@frozen
class Telling:
    """How many rows each path decided in the runs of one ``Kolonne`` (for the totals and
    the benchmark): ``kolonne`` by the generated code, ``persak`` by the per-case path."""

    antall: dict[str, int] = field(factory=lambda: {KOLONNE: 0, PERSAK: 0})

    @property
    def andel_kolonne(self) -> float:
        total = sum(self.antall.values())
        return self.antall[KOLONNE] / total if total else 0.0


@frozen
class Kolonne:
    """The columnar evaluator (see the module docstring). Needs numpy (extra ``populasjon``).

    ``prosesser``: worker processes (1: this process); each batch goes to the workers in
    pieces of at most ``bit`` rows (``prosesser.i_prosesser``), and the rows come back in
    input order, the same rows as in one process."""

    prosesser: int = 1
    bit: int = BIT
    telling: Telling = field(factory=Telling, eq=False)

    def __call__(
        self,
        batcher: Iterable[Innbatch],
        *,
        dato: date | None,
        bok: Regelbok,
        grenser: Grenser = STANDARD,
        fremdrift: Fremdrift = False,
        total: int | None = None,
    ) -> Iterator[Any]:
        omrader = tuple(o.id for o in bok.omrader)
        svar: Iterator[tuple[Innbatch, list[tuple[list[Any], list[str]]]]]
        if self.prosesser == 1:
            svar = ((b, [kolonnevis(b.saker, bok, dato, grenser)]) for b in batcher)
        else:
            svar = i_prosesser(
                kolonnevis, batcher, self.prosesser, bok, dato, grenser, bit=self.bit
            )
        ferdige = 0
        for b, deler in svar:
            rader = [r for d in deler for r in d[0]]
            motor = [m for d in deler for m in d[1]]
            persak = motor.count(PERSAK)
            self.telling.antall[PERSAK] += persak
            self.telling.antall[KOLONNE] += len(rader) - persak
            ferdige += len(rader)
            if callable(fremdrift):
                fremdrift(ferdige, total)
            yield bygg(b, rader, omrader, motor)


def kolonnevis(
    saker: list[Any], bok: Regelbok, dato: date | None, grenser: Grenser
) -> tuple[list[Any], list[str]]:
    """One batch's rows (as ``rad.fra_vurdering`` makes them, or ``Avvist``) and which path
    decided each: the columnar stages, and the per-case path for the rows they leave."""
    import numpy as np

    with _uten_syklusrydding():
        rader = _vurder_batch(saker, dato, bok, grenser, np)
        persak = [i for i, r in enumerate(rader) if r is None]
        motor = [KOLONNE] * len(rader)
        for i in persak:
            motor[i] = PERSAK
        if persak:
            svar = assess_many(
                [saker[i] for i in persak],
                processes=1,
                on=dato,
                regler=bok,
                resultat=radmodul.fra_vurdering,
                grenser=grenser,
            )
            for i, s in zip(persak, svar, strict=True):
                rader[i] = s
    return rader, motor


@contextmanager
def _uten_syklusrydding() -> Iterator[None]:
    """The cycle collector paused for one batch, and on again after it (if it was on).

    A batch keeps thousands of rows' objects alive until stage 2 (facts, calculations), and
    the collector walked them again and again as they aged: about 40 µs of a household's
    ~330 µs of CPU (measured with ``gc.callbacks`` on 20 000 households), for no garbage,
    since what a row leaves behind is freed by reference counting. What is cyclic is
    collected after the batch, by the collector's usual thresholds, so memory stays bounded
    by a batch. Only the state this call found is restored: a concurrent caller that found
    the collector paused leaves it to the one that paused it."""
    var_pa = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if var_pa:
            gc.enable()


def _vurder_batch(
    saker: list[Any], dato: date | None, bok: Regelbok, grenser: Grenser, np: Any
) -> list[Any]:
    """Each row of the batch decided by the columnar stages, or None for the per-case path."""
    ut: list[Any] = [None] * len(saker)
    if aktiv() != KOMPILERT:  # the reference interpreter keeps no trace to start from
        return ut
    # Rows are grouped by the rule versions in force on their dates, not by date: the days
    # the rates change (the generator's edges) mostly share one set of rules, so one stage 2.
    programmer: dict[date, KolonneProgram] = {}
    grupper: dict[int, tuple[KolonneProgram, list[tuple[int, Any]]]] = {}
    with decimal.localcontext(DESIMALKONTEKST):
        for i, tekst in enumerate(saker):
            forste = _trinn1(tekst, dato, bok, grenser)
            if forste is not None:
                program = programmer.get(forste[0])
                if program is None:
                    program = programmer[forste[0]] = program_for(bok, forste[0])
                grupper.setdefault(id(program), (program, []))[1].append((i, forste))
    for program, rader in grupper.values():
        svar = _trinn2(program, [r for _, r in rader], bok, np)
        for (i, _), rad in zip(rader, svar, strict=True):
            ut[i] = rad
    return ut


def _trinn1(tekst: Any, dato: date | None, bok: Regelbok, grenser: Grenser) -> Any:
    """Stage 1 for one row, as ``api.assess`` begins: the case, its facts, its calculations.
    None when the row is for the per-case path (rejected, or anything unexpected)."""
    if not isinstance(tekst, str | bytes):
        return None  # an over-long line or an empty cell: the per-case path words it
    try:
        sak = read_sak(tekst, dato, grenser)
        dag = dato or sak.vurderingsdato
        if dag is None:
            return None
        fakta = utled(sak, dag)
        ktx = Kontekst(bok, dag, fakta, bare_utfall=True)  # no trace: no explanation read
        if not ktx.kompilert:
            return None
        utdata = {}
        for navn in bok.beregningsrekkefolge:
            beregning = areas.beregning(navn)(sak, ktx)
            utdata[navn] = beregning.utdata
            fakta.update(beregning.fakta)
        # Only what stage 2 reads is kept, not the context with its trace and lazy nodes: a
        # batch keeps thousands of rows at once, and every kept object costs the collector.
        poster = [(regel_id, KODE[post[0]], post[1]) for regel_id, post in ktx.poster.items()]
        merknader = [m.kode for m in ktx.merknader]
    except Exception:
        return None
    return dag, sak.sak_id, fakta, utdata, poster, merknader


def _trinn2(program: KolonneProgram, rader: list[Any], bok: Regelbok, np: Any) -> list[Any]:
    """Stage 2 for rows with the same rules in force: the area rules over columns, then each
    row."""
    tabell = _Tabell(program, [r[2] for r in rader], np)
    # What the rows' calculations evaluated already (the per-case cache): kept as it is.
    tidligere: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
    for i, r in enumerate(rader):
        for regel_id, kode, mangler in r[4]:
            tidligere.setdefault(regel_id, []).append((i, kode, mangler))
    for regel_id, par in tidligere.items():
        tabell.forhand(regel_id, par)
    alle = np.ones(tabell.n, bool)
    innenfor: dict[str, Any] = {}
    try:
        for omrade in bok.omrader:
            avgrensning = program.avgrensning(omrade)
            med = alle
            if avgrensning is not None and omrade.vurderes_nar is not None:
                for ref in omrade.vurderes_nar.regelreferanser():
                    tabell.besok(ref, alle)
                u, dekket = avgrensning(tabell)
                tabell.udekket |= ~dekket
                med = u != KODE[Utfall.IKKE_OPPFYLT]
            innenfor[omrade.id] = med
            tabell.besok(omrade.hovedregel, med)
            for kontroll in omrade.kontroller:
                tabell.besok(kontroll, med)
        if KLAGEREGEL in bok.regler:
            tabell.besok(KLAGEREGEL, alle)
    except Exception:  # a fault here must not cost a row: the per-case path decides them all
        return [None] * len(rader)
    ut: list[Any] = []
    for i, r in enumerate(rader):
        ut.append(None if tabell.udekket[i] else _rad(i, r, tabell, innenfor, bok))
    return ut


def _rad(i: int, r: Any, tabell: _Tabell, innenfor: Mapping[str, Any], bok: Regelbok) -> Any:
    """Row ``i`` as ``rad.fra_vurdering`` makes it from an assessment, or None."""
    _, sak_id, _, beregninger, _, merknader_for = r
    utfall: dict[str, str] = {}
    utdata: dict[str, Mapping[str, Any]] = {}
    mangler: list[dict[str, str]] = []
    for omrade in bok.omrader:
        if not innenfor[omrade.id][i]:
            continue
        u = UTFALL[tabell.utfall[omrade.hovedregel][i]]
        if u is Utfall.UAVKLART:
            mangler.extend(
                {"omrade": omrade.id, "faktum": f} for f in tabell.mangler(omrade.hovedregel)[i]
            )
        utfall[omrade.id] = u.value
        beregning = beregninger.get(omrade.beregning) if omrade.beregning else None
        utdata[omrade.id] = utdata_etter_utfall(u, beregning) if beregning is not None else {}
    belop: dict[str, Decimal | None] = {}
    for kolonne, omrade_id, nokkel in BELOP:
        verdi = utdata[omrade_id].get(nokkel) if omrade_id in utdata else None
        if verdi is not None:
            verdi = Decimal(verdi) if not isinstance(verdi, Decimal) else verdi
            if verdi != verdi.quantize(_MINSTE):
                return None  # the per-case path words the row error
        belop[kolonne] = verdi
    merknader = list(merknader_for)
    merknader.extend(kode for rader, kode in tabell.merknader if rader[i])
    return {
        "sak_id": sak_id,
        "utfall": utfall,
        "belop": belop,
        "merknader": merknader,
        "mangler": mangler,
        "feil": None,
        "intern_feil": False,
    }
