"""The source text of a compiled rulebook: one Python function per rule version in force.

Built as text and compiled once (as attrs and cattrs build their generated methods), so a
condition tree becomes straight-line code: each leaf a local variable, each ``alle`` /
``minst_en`` / ``ikke`` a few comparisons, no ``Node`` built. A rule function returns its
outcome (``spor.Resultat``: the outcome, what is missing, the exception that decided) and its
*trace entry* already in the form a trace keeps (``spor.Lagret``: outcomes as codes, unknown
values as pairs, and the values its leaves read) — enough for ``spor`` to rebuild the
interpreter's node on demand, with nothing left to compact afterwards.

What the text may contain is narrow on purpose (a test checks it against a whitelist): names
of facts and rules only as string constants (``repr``), never as code; no attribute access but
``ktx.resultat`` and ``fakta.get``; no calls but the helpers in ``hjelpere`` and the compiled
expressions (``F<n>``, closures built by ``rulebook.expr``). An expression's common forms are
written inline (``kompilator.uttrykk``), guarded by a test of its facts' kinds that falls back
to the closure, so values, types and error messages stay the interpreter's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..outcome import IKKE_OPPFYLT, OPPFYLT, SKJONN, UAVKLART
from ..rulebook.conditions import (
    Alle,
    Betingelse,
    Ikke,
    MinstEn,
    Regelreferanse,
    Skjonn,
    Uttrykksblad,
)
from ..rulebook.expr import Uttrykk
from ..rulebook.model import Omrade, Regel
from ..tree import Node
from .linjer import Linjeskriver
from .spor import KODE
from .uttrykk import NAVNEROM as NAVNEROM_UTTRYKK
from .uttrykk import Emitter, steg_art

#: Names the generated text uses besides its own locals and constants (``hjelpere.NAVNEROM``).
HJELPERE = (
    "Ukjent",
    "OPPFYLT",
    "IKKE_OPPFYLT",
    "UAVKLART",
    "SKJONN",
    "IKKE",
    "FEIL",
    "UKJENT",
    "mangler_av",
    "slaa_sammen",
    "uttrykksfeil",
    "ikke_sannhet",
    "anvend_unntak",
    "lag_node",
    "Node",
    "TOM",
    "kombiner",
    "ikke_node",
    "godta",
    "stegfeil",
    "kompakt",
    "TUPEL",
    *NAVNEROM_UTTRYKK,
)

#: Each outcome's name in the generated text and its code in a kept entry (``spor.KODE``),
#: written into the text as an int literal.
_KODE = {
    "OPPFYLT": KODE[OPPFYLT],
    "IKKE_OPPFYLT": KODE[IKKE_OPPFYLT],
    "UAVKLART": KODE[UAVKLART],
    "SKJONN": KODE[SKJONN],
}


class _Skriver(Linjeskriver):
    """Lines of one generated function (``Linjeskriver``) and what this output writes on them.

    The trace entry is written in its kept form as the rule runs (``spor.Lagret``: each
    outcome as its code, each unknown value as ``kompakt`` keeps it), so nothing is compacted
    afterwards: a leaf and a combination set their outcome's code (``c<n>``) where they set
    the outcome, and ``koder`` says which code local belongs to which outcome local.
    """

    def __init__(self, konstanter: dict[str, Any] | None = None) -> None:
        super().__init__(konstanter)
        self.koder: dict[str, str] = {}

    def kode(self, u: str, inn: int) -> str:
        """The local (or literal) holding the code of outcome local ``u``; written now at
        indent ``inn`` when no part set one (a rule referred to, an ``ikke``)."""
        kjent = self.koder.get(u)
        if kjent is not None:
            return kjent
        k = f"k{self.ny()}"
        self.linje(
            inn,
            f"{k} = {_KODE['OPPFYLT']} if {u} is OPPFYLT else {_KODE['IKKE_OPPFYLT']} if {u} is "
            f"IKKE_OPPFYLT else {_KODE['UAVKLART']} if {u} is UAVKLART else {_KODE['SKJONN']}",
        )
        return k

    def tekstfakta(self, regel: Regel, inn: int) -> str:
        """The facts the rule's texts name, read now (``engine.Kontekst._tekstfakta``), in
        their kept form (``spor.komprimer``, value by value): the expression of their tuple."""
        if not regel.tekstnavn:
            return "None"
        k = self.ny()
        verdier = []
        for i, navn in enumerate(regel.tekstnavn):
            t = f"t{k}_{i}"
            self.linje(inn, f"{t} = fakta.get({navn!r}, UKJENT)")
            verdier.append(f"kompakt({t}) if type({t}) is Ukjent or type({t}) is TUPEL else {t}")
        return _tupel(verdier)

    def inline(
        self,
        uttrykk: Uttrykk,
        lokaler: dict[str, str],
        f: str,
        kjente: Mapping[str, tuple[str, str]] | None = None,
    ) -> str:
        """The expression written inline, guarded, falling back to its closure ``f``
        (``kompilator.uttrykk``); only the closure's call when a form is not written."""
        skrevet = Emitter(lokaler, lambda v: self.konstant("K", v), kjente).skriv(uttrykk)
        if skrevet is None:
            return f"{f}(fakta)"
        kode, vakt = skrevet
        return kode if vakt == "True" else f"{kode} if {vakt} else {f}(fakta)"

    def betingelse(
        self, b: Betingelse, regel: Regel | None, blader: list[str], inn: int
    ) -> tuple[str, str]:
        """Code for ``b`` at indent ``inn``; the names of its outcome and missing-facts locals.

        Every part is evaluated, as the interpreter does: a rule referred to in a branch that
        does not decide still runs (it may raise a flag or a rule error) and shows in the tree.
        """
        k = self.ny()
        u, m = f"u{k}", f"m{k}"
        if isinstance(b, Uttrykksblad):
            self._uttrykk(b, regel, k, blader, inn)
        elif isinstance(b, Regelreferanse):
            self.linje(inn, f"p{k} = ktx.resultat({b.regel_id!r})")
            self.linje(inn, f"{u} = p{k}[0]")
            self.linje(inn, f"{m} = p{k}[1]")
        elif isinstance(b, Skjonn):
            self.linje(inn, f"{u} = SKJONN")
            self.linje(inn, f"{m} = ()")
            self.koder[u] = str(_KODE["SKJONN"])
        elif isinstance(b, Ikke):
            du, dm = self.betingelse(b.del_, regel, blader, inn)
            self.linje(inn, f"{u} = IKKE[{du}]")
            self.linje(inn, f"{m} = {dm}")
        elif isinstance(b, Alle | MinstEn):
            deler = [self.betingelse(d, regel, blader, inn) for d in b.deler]
            avgjor, ellers = (
                ("IKKE_OPPFYLT", "OPPFYLT") if isinstance(b, Alle) else ("OPPFYLT", "IKKE_OPPFYLT")
            )
            if not deler:
                self.linje(inn, f"{u} = {ellers}")
                self.linje(inn, f"{m} = ()")
                self.koder[u] = str(_KODE[ellers])
                return u, m
            # The interpreter's loop (``conditions._kombinasjon``) in closed form: one part
            # with ``avgjor`` decides; else any ``uavklart``; else any ``skjonn``; else ``ellers``.
            c = self.koder[u] = f"c{k}"
            for i, verdi in enumerate((avgjor, "UAVKLART", "SKJONN")):
                test = " or ".join(f"{du} is {verdi}" for du, _ in deler)
                self.linje(inn, f"{'if' if i == 0 else 'elif'} {test}:")
                self.linje(inn + 1, f"{u} = {verdi}")
                self.linje(inn + 1, f"{c} = {_KODE[verdi]}")
            self.linje(inn, "else:")
            self.linje(inn + 1, f"{u} = {ellers}")
            self.linje(inn + 1, f"{c} = {_KODE[ellers]}")
            par = ", ".join(f"({du}, {dm})" for du, dm in deler)
            self.linje(inn, f"{m} = slaa_sammen(({par},)) if {u} is UAVKLART else ()")
        else:  # pragma: no cover - the loader builds only the kinds above
            raise TypeError(f"ukjent betingelse {type(b).__name__}")
        return u, m

    def _uttrykk(
        self, b: Uttrykksblad, regel: Regel | None, k: int, blader: list[str], inn: int
    ) -> None:
        uttrykk = b.uttrykk
        f = self.konstant("F", uttrykk.funksjon)
        x = self.konstant("X", uttrykk)
        r = self.konstant("R", regel)
        verdier = [f"l{k}_{i}" for i in range(len(uttrykk.navn))]
        for navn, lokal in zip(uttrykk.navn, verdier, strict=True):
            self.linje(inn, f"{lokal} = fakta[{navn!r}]")
        ukjent = " or ".join(f"type({v}) is Ukjent" for v in verdier) or "False"
        ordbok = (
            "{" + ", ".join(f"{n!r}: {v}" for n, v in zip(uttrykk.navn, verdier, strict=True)) + "}"
        )
        # The value kept for the leaf (``spor.kompakt``): an unknown one as its pair; a known one
        # as read, unless it is a tuple (which may hold an unknown one).
        verdi = verdier[0] if len(verdier) == 1 else _tupel(verdier)
        tupler = " or ".join(f"type({v}) is TUPEL" for v in verdier)
        self.linje(inn, f"if {ukjent}:")
        self.linje(inn + 1, f"u{k} = UAVKLART")
        self.linje(inn + 1, f"c{k} = {_KODE['UAVKLART']}")
        self.linje(inn + 1, f"m{k} = mangler_av({', '.join(verdier)})")
        self.linje(inn + 1, f"v{k} = kompakt({verdi})")
        self.linje(inn, "else:")
        self.linje(inn + 1, "try:")
        lokaler = dict(zip(uttrykk.navn, verdier, strict=True))
        self.linje(inn + 2, f"x{k} = {self.inline(uttrykk, lokaler, f)}")
        self.linje(inn + 1, "except FEIL:")
        self.linje(inn + 2, f"uttrykksfeil({x}, {ordbok}, {r})")
        self.linje(inn + 1, f"if x{k} is True:")
        self.linje(inn + 2, f"u{k} = OPPFYLT")
        self.linje(inn + 2, f"c{k} = {_KODE['OPPFYLT']}")
        self.linje(inn + 1, f"elif x{k} is False:")
        self.linje(inn + 2, f"u{k} = IKKE_OPPFYLT")
        self.linje(inn + 2, f"c{k} = {_KODE['IKKE_OPPFYLT']}")
        self.linje(inn + 1, "else:")
        self.linje(inn + 2, f"ikke_sannhet({x}, x{k}, {r})")
        self.linje(inn + 1, f"m{k} = ()")
        self.linje(
            inn + 1,
            f"v{k} = kompakt({verdi}) if {tupler} else {verdi}" if verdier else f"v{k} = ()",
        )
        self.koder[f"u{k}"] = f"c{k}"
        blader.append(f"c{k}")
        blader.append(f"v{k}")


class _Bygger:
    """The expression that rebuilds one condition's node from a trace entry's leaf values.

    Mirrors ``_Skriver.betingelse`` (leaves in the same order) and builds what the
    interpreter's closures build (``rulebook.conditions``): same paths, facts and children.
    """

    def __init__(self, skriver: _Skriver, blader: str) -> None:
        self.skriver = skriver
        self.blader = blader  # the local holding the leaf values
        self.j = 0  # the next leaf value's index

    def node(self, b: Betingelse, sti: str) -> str:
        if isinstance(b, Uttrykksblad):
            navn = b.uttrykk.navn
            u, v = f"{self.blader}[{self.j}]", f"{self.blader}[{self.j + 1}]"
            self.j += 2
            if len(navn) == 1:
                verdier = f"{{{navn[0]!r}: {v}}}"
                mangler = f"mangler_av({v})"
            else:
                deler = ", ".join(f"{n!r}: {v}[{i}]" for i, n in enumerate(navn))
                verdier = f"{{{deler}}}"
                mangler = f"mangler_av(*{v})"
            tekst = repr(b.uttrykk.tekst)
            return (
                f"lag_node(Node, ({sti!r}, {u}, None, {tekst}, {verdier}, (), "
                f"{mangler} if {u} is UAVKLART else (), None, None, None))"
            )
        if isinstance(b, Regelreferanse):
            return f"spor.node({b.regel_id!r})"
        if isinstance(b, Skjonn):
            return self.skriver.konstant("S", Node(sti, SKJONN, sporsmal=b.sporsmal))
        if isinstance(b, Ikke):
            return f"ikke_node({sti!r}, {self.node(b.del_, f'{sti}/ikke')})"
        if isinstance(b, Alle | MinstEn):
            alle = isinstance(b, Alle)
            slag = "alle" if alle else "minst_en"
            barn = [self.node(d, f"{sti}/{slag}[{i}]") for i, d in enumerate(b.deler)]
            avgjor, ellers = ("IKKE_OPPFYLT", "OPPFYLT") if alle else ("OPPFYLT", "IKKE_OPPFYLT")
            return f"kombiner({sti!r}, {_tupel(barn)}, {avgjor}, {ellers})"
        raise TypeError(f"ukjent betingelse {type(b).__name__}")  # pragma: no cover


def byggefunksjon(skriver: _Skriver, navn: str, regel: Regel, unntak: tuple[Regel, ...]) -> None:
    """``def <navn>(spor, post)``: the rule's node from its trace entry (``spor.Spor.node``)."""
    assert regel.vilkar is not None
    skriver.linje(0, f"def {navn}(spor, post):")
    skriver.linje(1, "b = post[3]")
    egen = _Bygger(skriver, "b").node(regel.vilkar, f"{regel.id}/vilkar")
    skriver.linje(1, f"egen = {egen}")
    barn = ["egen"]
    for i, un in enumerate(unntak):
        assert un.vilkar is not None
        skriver.linje(1, f"e{i} = post[5][{i}]")
        unode = _Bygger(skriver, f"e{i}[2]").node(un.vilkar, f"{un.id}/vilkar")
        info = skriver.konstant("I", un.info)
        skriver.linje(
            1,
            f"n{i} = lag_node(Node, ({un.id!r}, e{i}[0], {info}, None, "
            f"{_tekstfakta_node(skriver, un, f'e{i}[3]')}, ({unode},), e{i}[1], None, None, "
            "'unntak'))",
        )
        barn.append(f"n{i}")
    info = skriver.konstant("I", regel.info)
    skriver.linje(
        1,
        f"return lag_node(Node, ({regel.id!r}, post[0], {info}, None, "
        f"{_tekstfakta_node(skriver, regel, 'post[4]')}, {_tupel(barn)}, post[1], post[2], "
        "None, None))",
    )
    skriver.linje(0, "")


def _tekstfakta_node(skriver: _Skriver, regel: Regel, verdier: str) -> str:
    """The node's text facts as the interpreter records them (``engine._tekstfakta``)."""
    if not regel.tekstnavn:
        return "TOM"
    return f"dict(zip({skriver.konstant('T', regel.tekstnavn)}, {verdier}))"


def _tupel(deler: list[str]) -> str:
    return "(" + "".join(f"{d}, " for d in deler) + ")"


def regelfunksjon(skriver: _Skriver, navn: str, regel: Regel, unntak: tuple[Regel, ...]) -> None:
    """``def <navn>(ktx, fakta)``: the rule's outcome (``spor.Resultat``) and its trace entry
    as kept (``spor.Lagret``), a pair."""
    assert regel.vilkar is not None
    skriver.linje(0, f"def {navn}(ktx, fakta):")
    skriver.linje(1, f"# regel {regel.id!r}, gyldig fra {regel.info.gyldig_fra.isoformat()}")
    blader: list[str] = []
    u, m = skriver.betingelse(regel.vilkar, regel, blader, 1)
    skriver.linje(1, f"b = {_tupel(blader)}")
    if not unntak:
        k = skriver.kode(u, 1)
        t = skriver.tekstfakta(regel, 1)
        skriver.linje(1, f"return ({u}, {m}, None), ({k}, {m}, None, b, {t}, ())")
        skriver.linje(0, "")
        return
    poster, utfall = [], []
    for i, un in enumerate(unntak):
        assert un.vilkar is not None
        skriver.linje(1, f"# unntak {un.id!r}")
        ublader: list[str] = []
        uu, um = skriver.betingelse(un.vilkar, un, ublader, 1)
        uk = skriver.kode(uu, 1)
        ut = skriver.tekstfakta(un, 1)
        skriver.linje(1, f"e{i} = ({uk}, {um}, {_tupel(ublader)}, {ut})")
        poster.append(f"e{i}")
        utfall.append((uu, um))
    r = skriver.konstant("R", regel)
    rs = skriver.konstant("U", unntak)
    skriver.linje(1, f"e = {_tupel(poster)}")
    # The usual case, no exception applies nor is open: the rule's own outcome stands, as
    # ``anvend_unntak`` would say (it decides every other case).
    alle_nei = " and ".join(f"{uu} is IKKE_OPPFYLT" for uu, _ in utfall)
    skriver.linje(1, f"if {alle_nei}:")
    skriver.linje(2, f"ut, um, av = {u}, {m}, None")
    skriver.linje(2, f"k = {skriver.kode(u, 2)}")
    skriver.linje(1, "else:")
    par = _tupel([f"({uu}, {um})" for uu, um in utfall])
    skriver.linje(2, f"ut, um, av = anvend_unntak({r}, {rs}, {u}, {m}, {par})")
    skriver.koder.pop("ut", None)
    skriver.linje(2, f"k = {skriver.kode('ut', 2)}")
    t = skriver.tekstfakta(regel, 1)
    skriver.linje(1, f"return (ut, um, av), (k, um, av, b, {t}, e)")
    skriver.linje(0, "")


def avgrensningsfunksjon(skriver: _Skriver, navn: str, omrade: Omrade) -> None:
    """``def <navn>(ktx, fakta)``: whether the area concerns the case (its outcome only)."""
    assert omrade.vurderes_nar is not None
    skriver.linje(0, f"def {navn}(ktx, fakta):")
    skriver.linje(1, f"# område {omrade.id!r}: vurderes_nar")
    u, _ = skriver.betingelse(omrade.vurderes_nar, None, [], 1)
    skriver.linje(1, f"return {u}")
    skriver.linje(0, "")


def mellomregningsfunksjon(skriver: _Skriver, navn: str, regel: Regel) -> None:
    """``def <navn>(fakta)``: a calculation rule's named steps (``[[regel.verdi]]``) in order,
    each stored in ``fakta`` under its name (``rulebook.mellomregning.mellomregn`` as code)."""
    skriver.linje(0, f"def {navn}(fakta):")
    skriver.linje(1, f"# regel {regel.id!r}, gyldig fra {regel.info.gyldig_fra.isoformat()}")
    r = skriver.konstant("R", regel)
    # A step before this one: its local and the kind ``godta`` made certain, read unguarded.
    kjente: dict[str, tuple[str, str]] = {}
    for verdi in regel.verdier:
        k = skriver.ny()
        f = skriver.konstant("F", verdi.uttrykk.funksjon)
        v = skriver.konstant("V", verdi)
        lokaler = {n: f"l{k}_{i}" for i, n in enumerate(verdi.uttrykk.navn) if n not in kjente}
        skriver.linje(1, "try:")
        inline = skriver.inline(verdi.uttrykk, lokaler, f, kjente)
        if inline != f"{f}(fakta)":
            for n, lokal in lokaler.items():
                skriver.linje(2, f"{lokal} = fakta.get({n!r})")
        skriver.linje(2, f"x{k} = {inline}")
        skriver.linje(1, "except FEIL:")
        skriver.linje(2, f"stegfeil({r}, {v}, fakta)")
        skriver.linje(1, f"x{k} = fakta[{verdi.navn!r}] = godta({r}, {v}, x{k})")
        kjente[verdi.navn] = (f"x{k}", steg_art(verdi.art))
    skriver.linje(1, "return fakta")
    skriver.linje(0, "")


def unntak_i_kraft(
    regel_id: str, i_kraft: Mapping[str, Regel], unntak: Mapping[str, tuple[str, ...]]
) -> tuple[Regel, ...]:
    """The rule's exceptions that are evaluated: in force, with a condition, in the order of
    ``Regelbok.unntak`` (as ``engine.Kontekst._unntak`` takes them)."""
    return tuple(
        u
        for uid in unntak.get(regel_id, ())
        if (u := i_kraft.get(uid)) is not None and u.vilkar is not None
    )


def _tekst(skriv: Callable[[_Skriver], None]) -> tuple[str, dict[str, Any]]:
    konstanter: dict[str, Any] = {}
    skriver = _Skriver(konstanter)
    skriv(skriver)
    return "\n".join(skriver.linjer) + "\n", konstanter


def regelkilde(navn: str, regel: Regel, unntak: tuple[Regel, ...]) -> tuple[str, dict[str, Any]]:
    """The text of one rule's evaluator, and the constants it names."""
    return _tekst(lambda s: regelfunksjon(s, navn, regel, unntak))


def byggekilde(navn: str, regel: Regel, unntak: tuple[Regel, ...]) -> tuple[str, dict[str, Any]]:
    """The text of one rule's node builder, and the constants it names."""
    return _tekst(lambda s: byggefunksjon(s, navn, regel, unntak))


def mellomregningskilde(navn: str, regel: Regel) -> tuple[str, dict[str, Any]]:
    """The text of one calculation rule's steps, and the constants it names."""
    return _tekst(lambda s: mellomregningsfunksjon(s, navn, regel))


def avgrensningskilde(navn: str, omrade: Omrade) -> tuple[str, dict[str, Any]]:
    """The text of one area's applicability test, and the constants it names."""
    return _tekst(lambda s: avgrensningsfunksjon(s, navn, omrade))
