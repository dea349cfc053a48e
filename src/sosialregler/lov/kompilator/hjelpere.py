"""The helpers compiled rules call, and nothing else: the generated text's whole vocabulary.

Each helper does what the interpreter does at the same point (``rulebook.conditions``,
``engine.Kontekst._anvend_unntak``), with the same messages, so a fault in a rule is the same
named ``RegelFeil`` whichever engine runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

from ...inndata.errors import RegelFeil
from ...inndata.ukjent import Ukjent
from .. import outcome
from ..outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART, Utfall
from ..rulebook.conditions import TOM, feil_i_uttrykk, ikke_sannhetsverdi, kombiner
from ..rulebook.expr import Uttrykk, UttrykkFeil
from ..rulebook.mellomregning import godta, stegfeil
from ..rulebook.model import Regel
from ..tree import Node, lag_node
from .spor import kompakt
from .uttrykk import NAVNEROM as _UTTRYKKSHJELPERE

#: A text fact the case does not have (``engine._UKJENT``; equal, as ``Ukjent`` is a value).
UKJENT = Ukjent(())

#: What a compiled expression may raise (``conditions._UTTRYKKSFEIL``).
FEIL = (UttrykkFeil, KeyError, TypeError, ValueError, ArithmeticError, AttributeError)

#: ``outcome.ikke`` as a lookup.
IKKE: Mapping[Utfall, Utfall] = {u: outcome.ikke(u) for u in Utfall}


def mangler_av(*verdier: Any) -> tuple[str, ...]:
    """The missing input fields of a leaf's unknown values, each once, in order."""
    if len(verdier) == 1:  # the usual call: one unknown value naming one field (issue 17)
        mangler = verdier[0].mangler if type(verdier[0]) is Ukjent else ()
        if type(mangler) is tuple and len(mangler) < 2:
            return mangler
    return tuple(dict.fromkeys(m for v in verdier if type(v) is Ukjent for m in v.mangler))


def slaa_sammen(deler: tuple[tuple[Utfall, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """What keeps an undecided combination undecided: its undecided parts' missing fields,
    each once, in order.

    The usual call has one undecided part naming one field: its fields are the answer, found
    without building a dict (``_slaa_sammen`` does the rest; a test holds them equal)."""
    funnet: tuple[str, ...] = ()
    for u, mangler in deler:
        if u is UAVKLART and mangler:
            if funnet:
                return _slaa_sammen(deler)
            funnet = mangler
    return funnet if len(funnet) < 2 else _slaa_sammen(deler)


def _slaa_sammen(deler: tuple[tuple[Utfall, tuple[str, ...]], ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m for u, mangler in deler if u is UAVKLART for m in mangler))


def uttrykksfeil(uttrykk: Uttrykk, verdier: Mapping[str, Any], regel: Regel | None) -> NoReturn:
    feil_i_uttrykk(uttrykk, verdier, regel)


def ikke_sannhet(uttrykk: Uttrykk, resultat: object, regel: Regel | None) -> NoReturn:
    ikke_sannhetsverdi(uttrykk, resultat, regel)


#: One evaluated exception as ``anvend_unntak`` reads it: its outcome and missing fields first
#: (what follows, if anything, is not read).
Unntakspost = tuple[Any, ...]


def anvend_unntak(
    regel: Regel,
    unntak: tuple[Regel, ...],
    egen: Utfall,
    egne_mangler: tuple[str, ...],
    poster: tuple[Unntakspost, ...],
) -> tuple[Utfall, tuple[str, ...], str | None]:
    """The outcome the exceptions leave the rule with (``engine.Kontekst._anvend_unntak``);
    ``poster``: each exception's ``(utfall, mangler)``."""
    slar_til = [u for u, p in zip(unntak, poster, strict=True) if p[0] is OPPFYLT]
    if len({u.gir for u in slar_til}) > 1:
        raise RegelFeil(
            "unntak som slår til samtidig gir ulikt utfall: "
            + ", ".join(f"{u.id} → {u.gir}" for u in slar_til),
            regel.info.fil,
            regel.id,
        )
    if slar_til:
        forste = slar_til[0]
        assert forste.gir is not None
        return forste.gir, (), forste.id
    for tvil in (UAVKLART, SKJONN):
        apne = [p for u, p in zip(unntak, poster, strict=True) if p[0] is tvil and u.gir != egen]
        if apne:
            return tvil, tuple(dict.fromkeys(m for p in apne for m in p[1])), None
    return egen, egne_mangler, None


def ikke_node(sti: str, del_: Node) -> Node:
    """An ``ikke`` node (``conditions.Ikke``)."""
    return lag_node(
        Node, (sti, IKKE[del_.utfall], None, None, TOM, (del_,), del_.mangler, None, None, None)
    )


#: The generated module's globals besides its constants (``kilde.HJELPERE`` names them).
NAVNEROM: dict[str, Any] = {
    "__builtins__": {"type": type, "dict": dict, "zip": zip},
    "Ukjent": Ukjent,
    "OPPFYLT": OPPFYLT,
    "IKKE_OPPFYLT": IKKE_OPPFYLT,
    "UAVKLART": UAVKLART,
    "SKJONN": SKJONN,
    "IKKE": IKKE,
    "FEIL": FEIL,
    "UKJENT": UKJENT,
    "mangler_av": mangler_av,
    "slaa_sammen": slaa_sammen,
    "uttrykksfeil": uttrykksfeil,
    "ikke_sannhet": ikke_sannhet,
    "anvend_unntak": anvend_unntak,
    "lag_node": lag_node,
    "Node": Node,
    "TOM": TOM,
    "kombiner": kombiner,
    "ikke_node": ikke_node,
    "godta": godta,
    "stegfeil": stegfeil,
    "kompakt": kompakt,
    "TUPEL": tuple,  # a value kept as read unless it is a tuple (``kompakt``)
    **_UTTRYKKSHJELPERE,
}
