"""Condition trees: ``alle`` / ``minst_en`` / ``ikke``, and their leaves.

Leaves are an expression over named facts, a reference to another rule (so a criterion with
its own legal reference and texts shows as its own node), or a discretion question, which
always answers ``skjonn``: the law leaves it to the caseworker, and the library must say so
rather than decide.

Each node's ``evaluer`` returns a ``tree.Node``; evaluation never mutates anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from attrs import frozen

from .. import outcome
from ..derived import Ukjent
from ..errors import RegelFeil
from ..outcome import Utfall
from ..tree import Node
from .expr import Uttrykk, UttrykkFeil

if TYPE_CHECKING:
    from .model import Regel


class Kontekst(Protocol):
    """What a condition needs from the evaluator (see ``engine.Kontekst``)."""

    fakta: Mapping[str, Any]

    def evaluer_regel(self, regel_id: str) -> Node: ...


class Betingelse(Protocol):
    def evaluer(self, ktx: Kontekst, sti: str, regel: Regel | None) -> Node: ...

    def regelreferanser(self) -> tuple[str, ...]: ...

    def faktanavn(self) -> tuple[str, ...]: ...


@frozen
class Alle:
    deler: tuple[Betingelse, ...]

    def evaluer(self, ktx: Kontekst, sti: str, regel: Regel | None) -> Node:
        barn = tuple(d.evaluer(ktx, f"{sti}/alle[{i}]", regel) for i, d in enumerate(self.deler))
        utfall = outcome.alle(b.utfall for b in barn)
        return Node(sti, utfall, barn=barn, mangler=_mangler(barn, utfall))

    def regelreferanser(self) -> tuple[str, ...]:
        return tuple(r for d in self.deler for r in d.regelreferanser())

    def faktanavn(self) -> tuple[str, ...]:
        return tuple(n for d in self.deler for n in d.faktanavn())


@frozen
class MinstEn:
    deler: tuple[Betingelse, ...]

    def evaluer(self, ktx: Kontekst, sti: str, regel: Regel | None) -> Node:
        barn = tuple(
            d.evaluer(ktx, f"{sti}/minst_en[{i}]", regel) for i, d in enumerate(self.deler)
        )
        utfall = outcome.minst_en(b.utfall for b in barn)
        return Node(sti, utfall, barn=barn, mangler=_mangler(barn, utfall))

    def regelreferanser(self) -> tuple[str, ...]:
        return tuple(r for d in self.deler for r in d.regelreferanser())

    def faktanavn(self) -> tuple[str, ...]:
        return tuple(n for d in self.deler for n in d.faktanavn())


@frozen
class Ikke:
    del_: Betingelse

    def evaluer(self, ktx: Kontekst, sti: str, regel: Regel | None) -> Node:
        barn = self.del_.evaluer(ktx, f"{sti}/ikke", regel)
        utfall = outcome.ikke(barn.utfall)
        return Node(sti, utfall, barn=(barn,), mangler=barn.mangler)

    def regelreferanser(self) -> tuple[str, ...]:
        return self.del_.regelreferanser()

    def faktanavn(self) -> tuple[str, ...]:
        return self.del_.faktanavn()


@frozen
class Uttrykksblad:
    """A leaf: an expression that must give true or false."""

    uttrykk: Uttrykk

    def evaluer(self, ktx: Kontekst, sti: str, regel: Regel | None) -> Node:
        fakta = ktx.fakta
        verdier = {}
        mangler: list[str] | None = None
        for navn in self.uttrykk.navn:  # a plain loop: this is the engine's hottest path
            verdi = fakta[navn]
            verdier[navn] = verdi
            if type(verdi) is Ukjent:
                if mangler is None:
                    mangler = []
                mangler.extend(verdi.mangler)
        if mangler is not None:
            return Node(
                sti,
                outcome.UAVKLART,
                uttrykk=self.uttrykk.tekst,
                fakta=verdier,
                mangler=tuple(dict.fromkeys(mangler)),
            )
        try:
            svar = self.uttrykk.evaluer(verdier)
        except UttrykkFeil as exc:
            raise RegelFeil(f"uttrykket feilet under vurdering: {exc}", *_hvor(regel)) from None
        if not isinstance(svar, bool):
            raise RegelFeil(
                f"uttrykket «{self.uttrykk.tekst}» ga {svar!r}, ikke sann/usann",
                *_hvor(regel),
            )
        return Node(sti, outcome.fra_bool(svar), uttrykk=self.uttrykk.tekst, fakta=verdier)

    def regelreferanser(self) -> tuple[str, ...]:
        return ()

    def faktanavn(self) -> tuple[str, ...]:
        return self.uttrykk.navn


@frozen
class Regelreferanse:
    """A leaf: another rule, evaluated (once per assessment) and shown as its own node."""

    regel_id: str

    def evaluer(self, ktx: Kontekst, sti: str, regel: Regel | None) -> Node:
        return ktx.evaluer_regel(self.regel_id)

    def regelreferanser(self) -> tuple[str, ...]:
        return (self.regel_id,)

    def faktanavn(self) -> tuple[str, ...]:
        return ()


@frozen
class Skjonn:
    """A leaf the law leaves to the caseworker: always ``skjonn``, with the question put."""

    sporsmal: Mapping[str, str]

    def evaluer(self, ktx: Kontekst, sti: str, regel: Regel | None) -> Node:
        return Node(sti, outcome.SKJONN, sporsmal=self.sporsmal)

    def regelreferanser(self) -> tuple[str, ...]:
        return ()

    def faktanavn(self) -> tuple[str, ...]:
        return ()


def _hvor(regel: Regel | None) -> tuple[str | None, str | None]:
    """File and rule id for an error message (an area's applicability test has no rule)."""
    return (regel.info.fil, regel.id) if regel else (None, None)


def _mangler(barn: tuple[Node, ...], utfall: Utfall) -> tuple[str, ...]:
    """Exactly the missing facts that keep this node undecided (none if it is decided)."""
    if utfall is not outcome.UAVKLART:
        return ()
    return tuple(dict.fromkeys(m for b in barn if b.utfall is outcome.UAVKLART for m in b.mangler))


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
