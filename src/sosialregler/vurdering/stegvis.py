"""A calculation's named steps (``[[regel.verdi]]``) evaluated as far as what is given allows.

The § 18 steps run at once on the lines' totals (``areas.livsopphold``). The § 35 steps
(rules/stl-35-kvalifiseringsstonad.toml) cannot: the rule that decides «under 25» names both
annual rates in its texts, so they must be computed before it is evaluated, and its outcome
chooses the stønad the later steps read; the child supplement is shown by its own rule before the
incomes are weighed. So the calculation gives its inputs as it finds them, and ``regn`` computes
each step whose inputs are all given, in the rule's order, leaving the others for a later call.

Unknown in, unknown out: a step that reads an unknown value (``Ukjent``) is not evaluated; its
value is the first unknown it reads (the expression's order), so a stønad unknown for want of a
birth date leaves the daily rate unknown for the same reason. The steps that are evaluated run
through ``Kontekst.mellomregn``: the compiled function when they are the rule's whole list, else
the reference loop (``rulebook.mellomregning``) on the rule with just those steps, which gives
the same values and the same named error for a failing step.
"""

from __future__ import annotations

from typing import Any

from attrs import evolve

from ..inndata.ukjent import Ukjent
from ..lov.rulebook.model import Regel, Verdi
from .engine import Kontekst

#: The rule narrowed to a set of its steps, made once per rule version and set (a handful).
_DELREGLER: dict[tuple[int, tuple[str, ...]], tuple[Regel, Regel]] = {}


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
        ktx.mellomregn(_delregel(regel, klare), verdier)
    verdier.update(ukjente)
    return verdier


def _delregel(regel: Regel, steg: list[Verdi]) -> Regel:
    """``regel`` itself when ``steg`` are all its steps (so the compiled function runs), else
    the same rule version with only ``steg``."""
    if len(steg) == len(regel.verdier):
        return regel
    nokkel = (id(regel), tuple(v.navn for v in steg))
    funnet = _DELREGLER.get(nokkel)
    if funnet is None or funnet[0] is not regel:
        if len(_DELREGLER) >= 256:
            _DELREGLER.clear()
        funnet = _DELREGLER[nokkel] = (regel, evolve(regel, verdier=tuple(steg)))
    return funnet[1]
