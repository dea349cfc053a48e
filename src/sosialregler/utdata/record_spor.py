"""Decision records of format 5: the input, the rulebook and the trace, not the tree.

Format 4 (``record.py``) stores the evaluated trees, and reading them back re-derives the
engine's conventions (ids from places, outcomes from parts, facts from texts): a second
interpreter of the engine, 12-28 KB per record, 3.7 ms to write and 6 ms to read. Format 5
stores what the decision was made *from* and a trace of what it *was*, and lets the engine
itself rebuild the rest (issue 17):

* ``inndata``, ``vurderingsdato``, ``sak_id``: the case as contract JSON and the date;
* ``bibliotek``, ``regler``: the library version and the digest of the rulebook it used;
* ``spor``: the trace. ``utfall``: for each decision (its area, ``klage`` for the appeal
  information, ``merknad[i]`` for a flag whose node is in no tree) the outcome of every rule
  node, grouped by outcome (``{"oppfylt": [node id, ...], ...}``); ``versjoner``: every rule
  version used, ``{date in force: {rule id: fingerprint}}`` as format 4 names them;
  ``satser``: each rate table used, with the date its (last) row used took effect;
  ``vedtak``: a sha256 over what the decision's texts and JSON are rendered from (each
  area's outcome, amounts and lines, every node of every tree with the exact values it read,
  the flags, the rate rows used).

**Reading** (``les``) evaluates the stored input on the stored date (with the engine in use,
compiled or interpreted: both give the same trees) and accepts the result only if its trace
is the stored one: every rule node's outcome, every version's fingerprint and the decision's
digest. Then it *is* the decision recorded, with the same JSON, texts and letters, and it
carries the recorded library version and rulebook digest.

**Another rulebook** (its digest is not the recorded one: rates for a later year, rules or
versions added since, a rule corrected): the stored input is evaluated with the rulebook at
hand *restricted to the recorded versions, areas and rate rows* (``fastholdt_regelbok``): a
rules folder keeps its old versions (DESIGN § 4) and a rate table its old rows, so this is
evaluating with the rules of the decision's time, and a rule or a rate row added since (even
one that would decide otherwise today) takes no part. The
result is again held to the trace. It never decides again under other rules: a version gone or
changed since (its fingerprint), or anything else that would make the outcome, an amount, a
fact value or a text differ (a rate corrected in place, a calculation changed in a later
library version) is a ``ValueError`` naming the version or the first rule whose outcome
differs, and how to render the record: with the rules folder of the decision's time
(``--regler``). A record that must render without any rules folder (an archive) is written
self-contained (``to_record(med_regler=True)``), which is format 4 with the texts copied in;
a decision read back from format 3 or 4 is written again in format 4 (it was not evaluated by
the rules at hand, so only its trees can carry it).

The digest, the signature and ``vern`` are those of every format (``record.forsegl``).
"""

from __future__ import annotations

import decimal
import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from attrs import astuple, evolve

from ..inndata.desimal import DESIMALKONTEKST
from ..inndata.errors import UgyldigSak
from ..inndata.grenser import STANDARD
from ..lov.rates import Satser
from ..lov.rulebook.model import Regel, RegelInfo
from ..lov.tree import Node
from ..vurdering.areas.base import Linje
from ..vurdering.standardbok import standard_regelbok
from ..vurdering.vurderer import vurder
from . import record

if TYPE_CHECKING:
    from ..lov.rulebook.book import Regelbok
    from .assessment import Assessment

FORMAT = "sosialregler-vedtaksgrunnlag/5"

#: Reading evaluates the stored input again: a record of a case assessed with raised limits
#: (``grenser``) must read, so the limits on persons and lines are those of a whole record
#: (``byte_vedtaksgrunnlag`` bounded it as it was read); nesting stays as the contract has it.
_GRENSER = STANDARD.med(personer=10**6, linjer=10**6)

#: The fields a format 5 record has, each with the type its JSON must have.
_FELT: Mapping[str, type | tuple[type, ...]] = {
    "bibliotek": str,
    "regler": str,
    "vurderingsdato": str,
    "sak_id": (str, type(None)),
    "inndata": Mapping,
    "spor": Mapping,
}


class _Samler:
    """One pass over a decision's trees: each tree's rule node outcomes, the rule versions
    used, and a digest per subtree (a Merkle tree, so a node reached from several places,
    such as a criterion two rules share, is read once)."""

    def __init__(self) -> None:
        self.versjoner: dict[tuple[str, str], str] = {}
        self._nokler: dict[int, str] = {}  # id(RegelInfo) -> its version key, this pass only
        # id(node) -> (its subtree's digest, its rule nodes' (id, outcome)); the nodes stay
        # alive while the pass runs (the assessment holds them), so an id is not reused.
        self._lest: dict[int, tuple[bytes, tuple[tuple[str, str], ...]]] = {}

    def versjon(self, regel: RegelInfo) -> str:
        nokkel = self._nokler.get(id(regel))
        if nokkel is None:
            fra = regel.gyldig_fra.isoformat()
            self.versjoner[fra, regel.id] = regel.fingeravtrykk
            nokkel = self._nokler[id(regel)] = f"{regel.id}@{fra}:{regel.fingeravtrykk}"
        return nokkel

    def node(self, node: Node) -> tuple[bytes, tuple[tuple[str, str], ...]]:
        """The subtree's digest over every field of every node (the rule version by its key,
        values by ``_verdi``), and its rule nodes' outcomes."""
        lest = self._lest.get(id(node))
        if lest is not None:
            return lest
        (id_, utfall, regel, uttrykk, fakta, barn, mangler, avgjort_av, sporsmal, rolle) = node
        par: tuple[tuple[str, str], ...] = ()
        if regel is not None:
            par = ((id_, utfall.value),)
        deler = [self.node(b) for b in barn] if barn else []
        for _, under in deler:
            par += under
        tekst = repr(
            (
                id_,
                utfall.value,
                self.versjon(regel) if regel is not None else None,
                uttrykk,
                tuple((k, _verdi(v)) for k, v in fakta.items()) if fakta else (),
                b"".join(d for d, _ in deler),
                tuple(mangler),
                avgjort_av,
                tuple(sporsmal.items()) if sporsmal else None,
                rolle,
            )
        )
        lest = (hashlib.sha256(tekst.encode("utf-8", "surrogatepass")).digest(), par)
        self._lest[id(node)] = lest
        return lest


def _verdi(verdi: Any) -> Any:
    """A value as the digest sees it: an amount by its value, not its exponent.

    The stored input is contract JSON, where an amount is a JSON number (``tall_til_json``):
    a case's ``0.0`` is read back as ``Decimal("0")``, not ``Decimal("0.0")``, and amounts
    computed from it carry other exponents (``1.50`` for ``1.5``). They render alike (format 4
    stores whole amounts as integers too), so the digest compares values: a whole amount as an
    integer, another without trailing zeros.
    """
    typ = type(verdi)
    if typ is Decimal:
        if verdi == verdi.to_integral_value():
            return int(verdi)
        tekst = str(verdi)
        return tekst.rstrip("0") if "." in tekst and "E" not in tekst else tekst
    if typ is tuple or typ is list:
        return tuple(map(_verdi, verdi))
    if typ is Linje:
        return tuple(map(_verdi, astuple(verdi, recurse=False)))
    return verdi


def _utfall(par: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """A tree's rule node outcomes, grouped by outcome, each id once per outcome (a criterion
    reached twice in one context is one evaluation; one id may have two outcomes when its rule
    is evaluated for the case and for an item)."""
    ut: dict[str, dict[str, None]] = {}
    for node_id, utfall in par:
        ut.setdefault(utfall, {})[node_id] = None
    return {u: list(ider) for u, ider in sorted(ut.items())}


def spor(a: Assessment) -> dict[str, Any]:
    """The trace a format 5 record stores (see the module docstring): each tree's rule node
    outcomes, the versions used, and a digest over everything the decision's texts and JSON
    are rendered from — each area's outcome, amounts, lines and legal references, every node
    of every tree with the values it read, the flags and the rate rows used (the texts are
    then those of the versions)."""
    samler = _Samler()
    utfall: dict[str, dict[str, list[str]]] = {}
    digester: list[tuple[str, bytes]] = []
    i_treet: set[str] = set()
    for navn, v in a.vedtak.items():
        digest, par = samler.node(v.node)
        utfall[navn] = _utfall(par)
        digester.append((navn, digest))
        i_treet.update(node_id for node_id, _ in par)
    ekstra = [(f"merknad[{i}]", m.node) for i, m in enumerate(a.merknader) if m.node is not None]
    ekstra += [("klage", a.klage)] if a.klage is not None else []
    for navn, node in ekstra:
        if navn == "klage" or node.id not in i_treet:  # a flag's node is usually a tree's
            digest, par = samler.node(node)
            utfall[navn] = _utfall(par)
            digester.append((navn, digest))
    for m in a.merknader:
        if m.regel is not None:
            samler.versjon(m.regel)
    vedtak = tuple(
        (
            navn,
            v.omrade,
            tuple(v.tittel.items()),
            v.utfall.value,
            tuple(tuple(h.to_dict().items()) for h in v.hjemmel),
            v.hovedregel,
            tuple((k, _verdi(u)) for k, u in v.utdata.items()),
            _verdi(v.beregning),
            tuple(v.mangler),
            v.enhet,
        )
        for navn, v in a.vedtak.items()
    )
    merknader = tuple(
        (
            m.kode,
            m.regel.id if m.regel else None,
            samler.node(m.node)[0] if m.node is not None else None,  # usually a tree's: read
            tuple(m.tekst.items()) if m.tekst else None,
            tuple(m.hjemmeltekst.items()) if m.hjemmeltekst else None,
            m.frist,
            m.person,
        )
        for m in a.merknader
    )
    satser = json.dumps(
        [record.satsrad_til_record(s) for s in a.satser], sort_keys=True, default=str
    )
    tekst = repr((vedtak, merknader, tuple(digester), satser))
    versjoner: dict[str, dict[str, str]] = {}
    for (fra, regel_id), fingeravtrykk in sorted(samler.versjoner.items()):
        versjoner.setdefault(fra, {})[regel_id] = fingeravtrykk
    return {
        "utfall": utfall,
        "versjoner": versjoner,
        "satser": _satsrader(a),
        "vedtak": "sha256:" + hashlib.sha256(tekst.encode("utf-8", "surrogatepass")).hexdigest(),
    }


def _satsrader(a: Assessment) -> dict[str, str]:
    """Each rate table used, with the date its last row used took effect (a row the rates
    are known to have changed in without numbers, ``tall_ikke_funnet``, counts as used)."""
    ut: dict[str, str] = {}
    for rad in a.satser:
        tabell, fra = rad.get("tabell"), rad.get("gyldig_fra")
        hull = rad.get("tall_ikke_funnet")
        if isinstance(hull, Mapping) and isinstance(hull.get("gyldig_fra"), str):
            fra = max(str(fra), hull["gyldig_fra"])
        if isinstance(tabell, str) and isinstance(fra, str):
            ut[tabell] = max(ut.get(tabell, fra), fra)
    return dict(sorted(ut.items()))


def skrives_som_standard(a: Assessment) -> bool:
    """Whether ``to_record()`` writes this decision in format 5: it was evaluated here (not read
    back from format 3 or 4, which no rulebook at hand made), and with no rate table beside
    the rules folder. A municipality's own rates (``satser=``, ``--satser``) are not part of
    the rulebook's digest, and ``gjengi`` reads a record without them, so such a decision is
    written in format 4, whose trees carry its amounts (``utgave=5`` still writes format 5;
    reading it then needs the same rates: ``gjengi --satser``,
    ``regler=load_rulebook(satser=…)``)."""
    return a.sak is not None and not any(s.get("type") == "kommunal" for s in a.satser)


def skriv(a: Assessment, nokkel: bytes | None) -> dict[str, Any]:
    """The decision as a format 5 record, sealed (``record.forsegl``)."""
    ut: dict[str, Any] = {
        "format": FORMAT,
        "bibliotek": a.bibliotek,
        "regler": a.regler,
        "vurderingsdato": a.vurderingsdato.isoformat(),
        "sak_id": a.sak_id,
        "inndata": a.inndata,
        "spor": spor(a),
    }
    record.forsegl(ut, nokkel)
    return ut


def _ulikhet(lagret: Mapping[str, Any], naa: Mapping[str, Any]) -> str | None:
    """What differs between the stored trace and the one evaluated now, in words."""
    lagret_utfall, naa_utfall = lagret.get("utfall"), naa["utfall"]
    if not isinstance(lagret_utfall, Mapping):
        return "sporet mangler utfall"
    for tre in {**lagret_utfall, **naa_utfall}:
        if tre not in naa_utfall:
            return f"{tre} ble vurdert da, men ikke nå"
        if tre not in lagret_utfall:
            return f"{tre} vurderes nå, men ble ikke vurdert da"
        da, ny = _par(lagret_utfall[tre]), _par(naa_utfall[tre])
        if da != ny:
            node_id, utfall = min(da ^ ny)
            if (node_id, utfall) in da:
                naa_ga = sorted(u for i, u in ny if i == node_id) or ["ingen vurdering"]
                return f"regelen {node_id} ({tre}) ga {utfall} da, men gir {', '.join(naa_ga)} nå"
            da_ga = sorted(u for i, u in da if i == node_id) or ["ingen vurdering"]
            return f"regelen {node_id} ({tre}) ga {', '.join(da_ga)} da, men gir {utfall} nå"
    if lagret.get("versjoner") != naa["versjoner"]:
        return "innholdet i regelversjoner som ble brukt er endret siden vedtaket"
    if lagret.get("vedtak") != naa["vedtak"]:
        return (
            "vedtaket blir ikke det samme (beløp, beregningslinjer, faktaverdier, tekster "
            "eller satser er endret siden vedtaket)"
        )
    return None


def _par(grupper: Any) -> set[tuple[str, str]]:
    """A tree's trace as pairs (rule node id, outcome): a rule evaluated in two contexts (the
    case's and an item's) under one id may have two outcomes."""
    if not isinstance(grupper, Mapping):
        raise ValueError("sporets utfall er ikke et objekt per utfall")
    ut: set[tuple[str, str]] = set()
    for utfall, ider in grupper.items():
        if not isinstance(ider, list) or not all(isinstance(i, str) for i in ider):
            raise ValueError(f"sporets utfall {utfall!r} er ikke en liste av node-id-er")
        ut.update((i, str(utfall)) for i in ider)
    return ut


#: Rulebooks restricted to a decision's versions, by the rulebook and what was kept: a case
#: system re-rendering many records of one period with a later rulebook compiles their rules
#: once, not per record (a restricted rulebook is a new ``Regelbok``, and programs are kept per
#: rulebook). Bounded; the rulebook's digest is part of the key, so a key can only be reused by
#: a rulebook with the same content.
_FASTHOLDT: dict[tuple[int, str, str, tuple[str, ...]], Regelbok] = {}
_MAKS_FASTHOLDT = 64


def _fastholdt(bok: Regelbok, versjoner: Any, omrader: Iterable[str], satser: Any) -> Regelbok:
    """``fastholdt_regelbok``, kept for the next record that used the same versions."""
    omrader = tuple(omrader)
    try:
        brukt = json.dumps([versjoner, satser], sort_keys=True)
    except (TypeError, ValueError):
        return fastholdt_regelbok(bok, versjoner, omrader, satser)
    nokkel = (id(bok), bok.digest, brukt, omrader)
    fastholdt = _FASTHOLDT.get(nokkel)
    if fastholdt is None:
        fastholdt = fastholdt_regelbok(bok, versjoner, omrader, satser)
        if len(_FASTHOLDT) >= _MAKS_FASTHOLDT:
            _FASTHOLDT.clear()
        _FASTHOLDT[nokkel] = fastholdt
    return fastholdt


def fastholdt_regelbok(
    bok: Regelbok,
    versjoner: Mapping[str, Any],
    omrader: Iterable[str],
    satser: Mapping[str, Any] | None = None,
) -> Regelbok:
    """``bok`` with only the rule versions a decision used (``versjoner``, by date in force,
    id and fingerprint), the areas it assessed, and each rate table it used up to the row it
    used (``satser``: table id → that row's ``gyldig_fra``): the rules as they decided then.

    A rules folder keeps its old versions (DESIGN § 4) and a rate table its old rows: rules and
    areas added since, versions from a later date, and rate rows added after the one used (the
    next year's rates, published after a decision made with the last known ones) are left out,
    so evaluating with this rulebook is evaluating with the rules of the decision's time. A
    version that is gone or whose content has changed since (its fingerprint), or a rate row
    that is gone, is a ``ValueError`` naming it; a row changed in place shows in the decision's
    digest.
    """
    if not isinstance(versjoner, Mapping):
        raise ValueError("vedtaksgrunnlaget: sporets versjoner er ikke et objekt")
    regler: dict[str, list[Regel]] = {}
    for fra, per_regel in versjoner.items():
        if not isinstance(per_regel, Mapping):
            raise ValueError(f"vedtaksgrunnlaget: sporets versjoner fra {fra} er ikke et objekt")
        for regel_id, fingeravtrykk in per_regel.items():
            versjon = next(
                (v for v in bok.regler.get(regel_id, ()) if v.info.gyldig_fra.isoformat() == fra),
                None,
            )
            if versjon is None:
                raise ValueError(
                    f"regelversjonen {regel_id}@{fra} finnes ikke i regelmappen {bok.mappe}; "
                    "gjengi med regelmappen fra vedtakstidspunktet (--regler), eller lagre "
                    "vedtaksgrunnlag med regeltekstene (med_regler=True)"
                )
            if versjon.info.fingeravtrykk != fingeravtrykk:
                raise ValueError(
                    f"regelversjonen {regel_id}@{fra} i vedtaksgrunnlaget stemmer ikke med "
                    f"fingeravtrykket {fingeravtrykk}: teksten er endret siden vedtaket"
                )
            regler.setdefault(regel_id, []).append(versjon)
    vurdert = set(omrader)
    return evolve(
        bok,
        regler={
            rid: tuple(sorted(vs, key=lambda v: v.info.gyldig_fra)) for rid, vs in regler.items()
        },
        omrader=tuple(o for o in bok.omrader if o.id in vurdert),
        satser=_fastholdte_satser(bok.satser, satser or {}),
    )


def _fastholdte_satser(satser: Satser, brukt: Mapping[str, Any]) -> Satser:
    """The rate tables with the rows after each used row left out (``fastholdt_regelbok``)."""
    if not isinstance(brukt, Mapping):
        raise ValueError("vedtaksgrunnlaget: sporets satser er ikke et objekt")
    tabeller = dict(satser.tabeller)
    for tabell_id, fra in brukt.items():
        tabell = tabeller.get(tabell_id)
        if tabell is None:
            continue  # a table beside the rules folder (a municipality's): not this rulebook's
        if not any(r.gyldig_fra.isoformat() == fra for r in tabell.rader):
            raise ValueError(
                f"satsraden fra {fra} i satstabellen {tabell_id} finnes ikke lenger; gjengi med "
                "regelmappen fra vedtakstidspunktet (--regler)"
            )
        rader = tuple(r for r in tabell.rader if r.gyldig_fra.isoformat() <= fra)
        tabeller[tabell_id] = evolve(tabell, rader=rader)
    return Satser(tabeller)


def les(data: Mapping[str, Any], regler: Regelbok | None, nokkel: bytes | None) -> Assessment:
    """A format 5 record read: the stored input evaluated and checked against the trace.

    Raises ``ValueError`` naming what does not fit (the digest, the signature, a field, or
    what the rules at hand would decide otherwise).
    """
    record.sjekk_digest(data)
    record.sjekk_signatur(data, nokkel)
    for felt, typ in _FELT.items():
        if not isinstance(data.get(felt), typ):
            raise ValueError(f"vedtaksgrunnlaget: feltet {felt} mangler eller har feil type")
    try:
        dato = date.fromisoformat(data["vurderingsdato"])
    except ValueError:
        raise ValueError(
            f"vedtaksgrunnlaget: vurderingsdato er ikke en dato: {data['vurderingsdato']!r}"
        ) from None
    bok = regler if regler is not None else standard_regelbok()
    if bok.digest != data["regler"]:
        utfall = data["spor"].get("utfall")
        if not isinstance(utfall, Mapping):
            raise ValueError("vedtaksgrunnlaget: sporet mangler utfall")
        bok = _fastholdt(bok, data["spor"].get("versjoner"), utfall, data["spor"].get("satser"))
    try:
        with decimal.localcontext(DESIMALKONTEKST):
            a = vurder(dict(data["inndata"]), dato, regler=bok, grenser=_GRENSER)
    except UgyldigSak as exc:
        raise ValueError(f"vedtaksgrunnlaget: inndata kan ikke leses: {exc}") from None
    if a.sak_id != data["sak_id"]:
        raise ValueError(
            f"vedtaksgrunnlaget: sak_id {data['sak_id']!r} er ikke inndatas {a.sak_id!r}"
        )
    a = evolve(
        a,
        bibliotek=data["bibliotek"],
        regler=data["regler"],
        lagret_inndata=data["inndata"],
    )
    ulikt = _ulikhet(data["spor"], spor(a))
    if ulikt is not None:
        raise ValueError(
            f"vedtaksgrunnlaget stemmer ikke med regelverket det gjengis med: {ulikt}. "
            f"Vedtaket ble gjort med regelverk {data['regler']} (sosialregler "
            f"{data['bibliotek']}); gjengi med regelmappen fra vedtakstidspunktet (--regler) og "
            "kommunens satser om vedtaket brukte dem (--satser), eller lagre vedtaksgrunnlag "
            "med regeltekstene (med_regler=True)"
        )
    return a
