"""A calculation's named steps (``[[regel.verdi]]``) evaluated as far as what is given allows.

The § 18 steps run at once on the lines' totals (``areas.livsopphold``). The § 35 steps
(rules/stl-35-kvalifiseringsstonad.toml) cannot: the rule that decides «under 25» names both
annual rates in its texts, so they must be computed before it is evaluated, and its outcome
chooses the stønad (the step ``hvis(oppfylt("stl-35-under-25"), …, …)``) the later steps read;
the child supplement is shown by its own rule before the incomes are weighed. So the calculation
gives its inputs as it finds them, and ``regn`` computes each step whose inputs are all given, in
the rule's order, leaving the others for a later call. A rule's outcome is one of those inputs:
the calculation evaluates the rule (its node shows in the explanation) and gives the outcome with
``utfallsverdier``.

Unknown in, unknown out: a step that reads an unknown value (``Ukjent``) is not evaluated; its
value is the first unknown it reads (the expression's order), so a stønad unknown for want of a
birth date leaves the daily rate unknown for the same reason. The steps that are evaluated run
through ``Kontekst.mellomregn``: the compiled function when they are the rule's whole list, else
the reference loop (``rulebook.mellomregning``) on the rule with just those steps, which gives
the same values and the same named error for a failing step. Values once computed are kept by
the steps' inputs (``_MINNE``): the steps are pure, and most cases share G, factor and day count.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import evolve

from ..inndata.errors import RegelFeil
from ..inndata.ukjent import Ukjent
from ..lov import outcome
from ..lov.rulebook.conditions import hvor
from ..lov.rulebook.expr import utfallsnavn, utfallsregel
from ..lov.rulebook.model import Regel, Verdi
from ..lov.tree import Node
from .engine import Kontekst, Vurdert

#: The rule narrowed to a set of its steps, with the inputs those steps read (the names they
#: read that none of them gives), made once per rule version and set (a handful).
_DELREGLER: dict[tuple[int, tuple[str, ...]], tuple[Regel, Regel, tuple[str, ...]]] = {}

#: Values already computed, by steps and their inputs. A step is a pure function of what it
#: reads (the rule language has no side effects), and cases share inputs: G, the factor and the
#: share are the same for every case on a date, the day count for every year. The key holds each
#: input's type and text, so 36 and 36.00 (equal, written differently) are kept apart; an entry
#: holds its steps, so the ``id`` in its key cannot be reused while it lives.
_MINNE: dict[tuple[int, tuple[tuple[type, str], ...]], tuple[Regel, dict[str, Any]]] = {}
_MINNE_MAKS = 4096


def regn(ktx: Kontekst, regel: Regel, verdier: dict[str, Any]) -> dict[str, Any]:
    """Each step of ``regel`` not yet in ``verdier`` whose inputs are there (given, or steps
    before it): computed, or unknown when an input is; ``verdier`` grows by them and is
    returned. A step with an input still missing is left for a later call."""
    klare: list[Verdi] = []
    klare_navn: set[str] = set()
    ukjente: dict[str, Ukjent] = {}
    for verdi in regel.verdier:
        if verdi.navn in verdier:
            continue
        ukjent: Ukjent | None = None
        for navn in verdi.uttrykk.navn:
            if navn in verdier:
                lest = verdier[navn]
            elif navn in ukjente:
                lest = ukjente[navn]
            elif navn in klare_navn:
                continue
            else:
                break  # not given yet (an input, or a step left for later): a later call
            if ukjent is None and isinstance(lest, Ukjent):
                ukjent = lest
        else:
            if ukjent is None:
                klare.append(verdi)
                klare_navn.add(verdi.navn)
            else:
                ukjente[verdi.navn] = ukjent
    if klare:
        delregel, inndata = _delregel(regel, klare)
        nokkel = (id(delregel), tuple((type(v), str(v)) for v in map(verdier.get, inndata)))
        funnet = _MINNE.get(nokkel)
        if funnet is None or funnet[0] is not delregel:
            ktx.mellomregn(delregel, verdier)
            if len(_MINNE) >= _MINNE_MAKS:
                _MINNE.clear()
            funnet = _MINNE[nokkel] = (delregel, {v.navn: verdier[v.navn] for v in klare})
        else:
            verdier.update(funnet[1])
    verdier.update(ukjente)
    return verdier


def _delregel(regel: Regel, steg: list[Verdi]) -> tuple[Regel, tuple[str, ...]]:
    """``regel`` itself when ``steg`` are all its steps (so the compiled function runs), else
    the same rule version with only ``steg``; and the inputs the steps read."""
    nokkel = (id(regel), tuple(v.navn for v in steg))
    funnet = _DELREGLER.get(nokkel)
    if funnet is None or funnet[0] is not regel:
        if len(_DELREGLER) >= 256:
            _DELREGLER.clear()
        delregel = regel if len(steg) == len(regel.verdier) else evolve(regel, verdier=tuple(steg))
        gitt = {v.navn for v in steg}
        inndata = tuple(dict.fromkeys(n for v in steg for n in v.uttrykk.navn if n not in gitt))
        funnet = _DELREGLER[nokkel] = (regel, delregel, inndata)
    return funnet[1], funnet[2]


def utfallsverdier(regel: Regel, noder: Mapping[str, Node | Vurdert]) -> dict[str, Any]:
    """The values of the rule outcomes ``regel``'s steps read (``oppfylt("id")``), from the
    nodes the calculation evaluated them to: true when the rule is met, false when it is not,
    and unknown, naming what is missing, when it is undetermined or left to the caseworker's
    discretion (a step that reads it is then unknown too: no value is chosen on a guess).

    A rule the steps read that the calculation has not evaluated is a named rule error: the rule
    file asks for an outcome the code does not know how to evaluate."""
    ut: dict[str, Any] = {}
    for verdi in regel.verdier:
        for navn in verdi.uttrykk.navn:
            rid = utfallsregel(navn)
            if rid is None or navn in ut:
                continue
            node = noder.get(rid)
            if node is None:
                raise RegelFeil(
                    f"mellomregningen {verdi.navn!r} leser oppfylt({rid!r}), men beregningen "
                    f"vurderer bare {', '.join(map(repr, noder)) or 'ingen regler'}",
                    *hvor(regel),
                )
            ut[navn] = (
                True
                if node.utfall is outcome.OPPFYLT
                else False
                if node.utfall is outcome.IKKE_OPPFYLT
                else Ukjent(node.mangler)
            )
    return ut


__all__ = ["regn", "utfallsnavn", "utfallsverdier"]
