"""Condition trees: ``alle`` / ``minst_en`` / ``ikke``, and their leaves.

Leaves are an expression over named facts, a reference to another rule (so a criterion with
its own legal reference and texts shows as its own node), or a discretion question, which
always answers ``skjonn``: the law leaves it to the caseworker, and the library must say so
rather than decide.

Each condition compiles once (``kompiler``) into a closure with its node path, its children's
closures and its rule bound in, so evaluating a case builds no path strings and looks nothing
up twice; the closure returns a ``tree.Node`` and never mutates anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from attrs import frozen

from ...inndata.errors import RegelFeil
from ...inndata.ukjent import Ukjent
from .. import outcome
from ..outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART, Utfall
from ..tree import Node, lag_node
from .expr import Uttrykk, UttrykkFeil

if TYPE_CHECKING:
    from .model import Regel


class _Tom(dict):
    """An empty mapping that cannot be changed and pickles as the one shared ``TOM``.

    Not a ``MappingProxyType``, which cannot be pickled: every tree holds it, and an
    ``Assessment`` must travel to and from worker processes (``assess_many``). A ``dict``
    subclass so reading it stays as fast as a dict's.
    """

    def _endres_ikke(self, *_: Any, **__: Any) -> Any:
        raise TypeError("TOM kan ikke endres")

    __setitem__ = __delitem__ = __ior__ = _endres_ikke
    clear = pop = popitem = setdefault = update = _endres_ikke

    def __reduce__(self) -> str:
        return "TOM"


#: The facts of a structural node (``alle``, ``minst_en``, ``ikke``): none, shared and read-only.
TOM: Mapping[str, Any] = _Tom()


class Kontekst(Protocol):
    """What a condition needs from the evaluator (see ``engine.Kontekst``)."""

    fakta: Mapping[str, Any]

    def evaluer_regel(self, regel_id: str) -> Node: ...


#: A compiled condition: the context in, the evaluated node out.
Vurdering = Callable[[Kontekst], Node]


class Betingelse(Protocol):
    def kompiler(self, sti: str, regel: Regel | None) -> Vurdering: ...

    def regelreferanser(self) -> tuple[str, ...]: ...

    def faktanavn(self) -> tuple[str, ...]: ...


def _kombinasjon(
    deler: tuple[Vurdering, ...], sti: str, avgjor: Utfall, ellers: Utfall
) -> Vurdering:
    """``alle`` / ``minst_en`` inline (``outcome.alle`` / ``outcome.minst_en``, tested equal).

    One child with ``avgjor`` decides; else a missing fact (``uavklart``) comes first; else
    ``skjonn``; else ``ellers``. Inline because it runs for every combination of every case.
    """

    def vurder(ktx: Kontekst) -> Node:
        return kombiner(sti, tuple([d(ktx) for d in deler]), avgjor, ellers)

    return vurder


def kombiner(sti: str, barn: tuple[Node, ...], avgjor: Utfall, ellers: Utfall) -> Node:
    """An ``alle`` / ``minst_en`` node from its evaluated children: the one place both engines
    combine them (the interpreter here, the compiler's generated code through ``hjelpere``)."""
    utfall = ellers
    for b in barn:
        u = b.utfall
        if u is avgjor:
            utfall = u
            break
        if u is UAVKLART or (u is SKJONN and utfall is ellers):
            utfall = u
    mangler = _mangler(barn, utfall)
    return lag_node(Node, (sti, utfall, None, None, TOM, barn, mangler, None, None, None))


@frozen
class Alle:
    deler: tuple[Betingelse, ...]

    def kompiler(self, sti: str, regel: Regel | None) -> Vurdering:
        deler = tuple(d.kompiler(f"{sti}/alle[{i}]", regel) for i, d in enumerate(self.deler))
        return _kombinasjon(deler, sti, avgjor=IKKE_OPPFYLT, ellers=OPPFYLT)  # outcome.alle

    def regelreferanser(self) -> tuple[str, ...]:
        return tuple(r for d in self.deler for r in d.regelreferanser())

    def faktanavn(self) -> tuple[str, ...]:
        return tuple(n for d in self.deler for n in d.faktanavn())


@frozen
class MinstEn:
    deler: tuple[Betingelse, ...]

    def kompiler(self, sti: str, regel: Regel | None) -> Vurdering:
        deler = tuple(d.kompiler(f"{sti}/minst_en[{i}]", regel) for i, d in enumerate(self.deler))
        return _kombinasjon(deler, sti, avgjor=OPPFYLT, ellers=IKKE_OPPFYLT)  # outcome.minst_en

    def regelreferanser(self) -> tuple[str, ...]:
        return tuple(r for d in self.deler for r in d.regelreferanser())

    def faktanavn(self) -> tuple[str, ...]:
        return tuple(n for d in self.deler for n in d.faktanavn())


@frozen
class Ikke:
    del_: Betingelse

    def kompiler(self, sti: str, regel: Regel | None) -> Vurdering:
        del_ = self.del_.kompiler(f"{sti}/ikke", regel)
        ikke = outcome.ikke

        def vurder(ktx: Kontekst) -> Node:
            barn = del_(ktx)
            return lag_node(
                Node,
                (sti, ikke(barn.utfall), None, None, TOM, (barn,), barn.mangler, None, None, None),
            )

        return vurder

    def regelreferanser(self) -> tuple[str, ...]:
        return self.del_.regelreferanser()

    def faktanavn(self) -> tuple[str, ...]:
        return self.del_.faktanavn()


@frozen
class Uttrykksblad:
    """A leaf: an expression that must give true or false."""

    uttrykk: Uttrykk

    def kompiler(self, sti: str, regel: Regel | None) -> Vurdering:
        uttrykk = self.uttrykk
        navn, tekst, funksjon = uttrykk.navn, uttrykk.tekst, uttrykk.funksjon

        def ukjent(verdier: dict[str, Any]) -> Node:
            mangler = (m for v in verdier.values() if type(v) is Ukjent for m in v.mangler)
            felt = (sti, UAVKLART, None, tekst, verdier, (), tuple(dict.fromkeys(mangler)))
            return lag_node(Node, (*felt, None, None, None))

        def svar(verdier: dict[str, Any]) -> Node:
            try:
                resultat = funksjon(verdier)
            except _UTTRYKKSFEIL:
                feil_i_uttrykk(uttrykk, verdier, regel)
            if resultat is True:
                return lag_node(
                    Node, (sti, OPPFYLT, None, tekst, verdier, (), (), None, None, None)
                )
            if resultat is False:
                return lag_node(
                    Node, (sti, IKKE_OPPFYLT, None, tekst, verdier, (), (), None, None, None)
                )
            ikke_sannhetsverdi(uttrykk, resultat, regel)

        if len(navn) == 1:  # most leaves read one fact: no loop
            (eneste,) = navn

            def vurder_en(ktx: Kontekst) -> Node:
                verdi = ktx.fakta[eneste]
                if type(verdi) is Ukjent:
                    return ukjent({eneste: verdi})
                return svar({eneste: verdi})

            return vurder_en

        def vurder(ktx: Kontekst) -> Node:  # the engine's hottest path: plain loops
            fakta = ktx.fakta
            verdier = {n: fakta[n] for n in navn}
            for verdi in verdier.values():
                if type(verdi) is Ukjent:
                    return ukjent(verdier)
            return svar(verdier)

        return vurder

    def regelreferanser(self) -> tuple[str, ...]:
        return ()

    def faktanavn(self) -> tuple[str, ...]:
        return self.uttrykk.navn


@frozen
class Regelreferanse:
    """A leaf: another rule, evaluated (once per assessment) and shown as its own node."""

    regel_id: str

    def kompiler(self, sti: str, regel: Regel | None) -> Vurdering:
        regel_id = self.regel_id

        def vurder(ktx: Kontekst) -> Node:
            return ktx.evaluer_regel(regel_id)

        return vurder

    def regelreferanser(self) -> tuple[str, ...]:
        return (self.regel_id,)

    def faktanavn(self) -> tuple[str, ...]:
        return ()


@frozen
class Skjonn:
    """A leaf the law leaves to the caseworker: always ``skjonn``, with the question put."""

    sporsmal: Mapping[str, str]

    def kompiler(self, sti: str, regel: Regel | None) -> Vurdering:
        node = Node(sti, SKJONN, sporsmal=self.sporsmal)  # the same answer for every case

        def vurder(ktx: Kontekst) -> Node:
            return node

        return vurder

    def regelreferanser(self) -> tuple[str, ...]:
        return ()

    def faktanavn(self) -> tuple[str, ...]:
        return ()


#: What a compiled expression may raise; ``Uttrykk.evaluer`` turns each into an ``UttrykkFeil``.
_UTTRYKKSFEIL = (UttrykkFeil, KeyError, TypeError, ValueError, ArithmeticError, AttributeError)


def feil_i_uttrykk(uttrykk: Uttrykk, verdier: Mapping[str, Any], regel: Regel | None) -> NoReturn:
    """Report a failed expression as ``evaluer`` words it, naming the rule and its file."""
    try:
        uttrykk.evaluer(verdier)
    except UttrykkFeil as exc:
        raise RegelFeil(f"uttrykket feilet under vurdering: {exc}", *hvor(regel)) from None
    raise RegelFeil(f"uttrykket «{uttrykk.tekst}» feilet under vurdering", *hvor(regel))


def ikke_sannhetsverdi(uttrykk: Uttrykk, resultat: object, regel: Regel | None) -> NoReturn:
    """Report an expression that gave something else than true or false."""
    raise RegelFeil(f"uttrykket «{uttrykk.tekst}» ga {resultat!r}, ikke sann/usann", *hvor(regel))


def hvor(regel: Regel | None) -> tuple[str | None, str | None]:
    """File and rule id for an error message (an area's applicability test has no rule)."""
    return (regel.info.fil, regel.id) if regel else (None, None)


def _mangler(barn: tuple[Node, ...], utfall: Utfall) -> tuple[str, ...]:
    """Exactly the missing facts that keep this node undecided (none if it is decided)."""
    if utfall is not UAVKLART:
        return ()
    return tuple(dict.fromkeys(m for b in barn if b.utfall is UAVKLART for m in b.mangler))


def blader(betingelse: Betingelse, sti: str = "/vilkar") -> dict[str, Any]:
    """Each leaf's text by the path evaluation gives its node (``/vilkar/alle[0]``).

    Expressions map to their source text, discretion leaves to their question. Decision
    records use this to leave out what the rule version itself says.
    """
    ut: dict[str, Any] = {}
    if isinstance(betingelse, Uttrykksblad):
        ut[sti] = betingelse.uttrykk.tekst
    elif isinstance(betingelse, Skjonn):
        ut[sti] = dict(betingelse.sporsmal)
    elif isinstance(betingelse, Alle | MinstEn):
        navn = "alle" if isinstance(betingelse, Alle) else "minst_en"
        for i, del_ in enumerate(betingelse.deler):
            ut.update(blader(del_, f"{sti}/{navn}[{i}]"))
    elif isinstance(betingelse, Ikke):
        ut.update(blader(betingelse.del_, f"{sti}/ikke"))
    return ut
