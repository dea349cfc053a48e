"""NAV's digital application for økonomisk sosialhjelp (``soknad.json``) → the JSON contract.

NAV's format (``navikt/soknadsosialhjelp-filformat``, version 1.x) is what the applicant filled
in and what NAV fetched from registers, each value marked ``kilde: bruker | system``. The
contract (``case-format.md``) has no provenance field, so ``read_soknad`` returns the contract
dict *and* a map from each JSON path it filled to where the value came from (the ``kilde``,
the path in the application and the title the format says must be shown), plus what it did
not use and why. ``sosialregler soknad`` prints the assessment followed by those lists.

What is read, and how (everything else — address, phone, account, work history, education,
the applicant's free text — is not used by any rule and is left alone):

* **Household.** The applicant (``p1``; birth date from ``personalia.fodselsdato`` when the
  application has it; Norwegian citizenship from ``statsborgerskap``, or ``false`` when
  ``nordiskBorger`` is false). A spouse (``status: gift``) is in the household when the applicant
  says they live together (``borSammenMed``, kilde bruker) or the population register has them
  at the same address (``folkeregistrertMedEktefelle``, kilde system); ``status: samboer``
  adds a cohabitant. A child under ``forsorgerplikt.ansvar`` is in the household when it lives
  with the applicant (``borSammenMed``, else ``erFolkeregistrertSammen``). When the
  application does not say, the person is left out and the question is listed as open.
* **Shared household** (``bofellesskap``) from ``bosituasjon``: living with friends, parents
  or family (``venner``, ``foreldre``, ``familie``) is a shared household; owning or renting
  (``eier``, ``leier``, ``kommunal``) with ``antallPersoner`` equal to the household found
  is not; anything else is left unknown (the rate differs, so the library does not guess).
* **Income**, monthly and net: ``oversikt.inntekt`` (``jobb``, ``studielanOgStipend``,
  ``barnebidrag``, ``bostotte``) and the registers' payments in ``opplysninger.utbetaling``
  (``navytelse`` by its title, ``skatteetaten`` wages, ``husbanken`` housing allowance; the
  latest payment per benefit). A register row replaces the applicant's own row of the same
  income type. One-off payments (``utbytte``, ``salg``, ``forsikring``, ``annen``,
  ``sluttoppgjoer``), an income of an unknown type, an amount that is missing, or a register
  look-up that failed (``driftsinformasjon``) make the income list **unknown**: § 18 counts
  all income, so a list the library cannot complete is not guessed at; the caseworker sees
  each line under «Ikke brukt».
* **Housing costs** (``husleie``, ``boliglanAvdrag``, ``boliglanRenter``, ``strom``,
  ``kommunalAvgift``, ``oppvarming``, ``annenBoutgift``) and **other expenses** (childcare,
  children's activities and dental care, child maintenance paid, other) as given. An amount
  marked «siste regning» is the last bill, taken as the monthly cost; the title says so.
* **Assets** by type (accounts → ``bankinnskudd``, ``verdipapirer`` → ``aksjer_fond``,
  property, vehicles, other).

The format says consumers must accept type codes they do not know: such an item is listed as
not used (and, for income, makes the list unknown as above). The assessment date is ``dato``
(``--dato``), else the date of ``innsendingstidspunkt`` in Norway, else the application is
rejected naming that field. Malformed values the library reads (a date that does not exist,
an amount that is not a number) are rejections naming their path in the application.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from attrs import frozen

from ..api import assess
from ..inndata.contract import les_json, sjekk_grenser
from ..inndata.desimal import tall_til_json
from ..inndata.errors import Feil, UgyldigSak, kort_verdi
from ..inndata.grenser import Grenser, som_grenser
from ..inndata.isodato import ISO_DATO, som_dato
from ..utdata.hvaom import les_sti

if TYPE_CHECKING:
    from ..lov.rulebook.book import Regelbok
    from ..utdata.assessment import Assessment

__all__ = [
    "DRIFTSFLAGG",
    "Driftsfeil",
    "IkkeBrukt",
    "Kilde",
    "Soknadsresultat",
    "assess_soknad",
    "fra_soknad",
    "read_soknad",
    "vurder_soknad",
]

#: The major version of NAV's application format this module reads.
STOTTET_HOVEDVERSJON = 1
_VERSJON = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)(-[a-zA-Z0-9]+)?(\+[a-zA-Z0-9]+)?")
#: Keys whose values the format defines as dates (types/dato.json).
_DATOFELT = frozenset(
    {"fodselsdato", "fom", "tom", "utbetalingsdato", "periodeFom", "periodeTom", "dato"}
)

#: Register look-ups that can fail, and the contract facts they would have given.
DRIFTSFLAGG: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "utbetalingerFraNavFeilet": ("utbetalinger fra NAV", ("inntekter",)),
    "inntektFraSkatteetatenFeilet": ("inntekt fra Skatteetaten", ("inntekter",)),
    "stotteFraHusbankenFeilet": ("bostøtte fra Husbanken", ("inntekter",)),
}

_INNTEKT_OVERSIKT = {
    "jobb": "arbeidsinntekt",
    "studielanOgStipend": "studielan_stipend",
    "barnebidrag": "barnebidrag",
    "bostotte": "bostotte",
}
_ENGANGS_OVERSIKT = {"sluttoppgjoer": "sluttoppgjør"}
_UTBETALING_SYSTEM = {"skatteetaten": "arbeidsinntekt", "skatteopplysninger": "arbeidsinntekt"}
_UTBETALING_ENGANGS = {
    "utbytte": "utbytte",
    "salg": "salg av eiendom eller eiendel",
    "forsikring": "forsikringsutbetaling",
    "annen": "annen utbetaling",
}
#: NAV benefits by the title NAV gives the payment (``navytelse``); others count as ``annen``.
_NAVYTELSER = (
    ("arbeidsavklaringspenger", "aap"),
    ("dagpenger", "dagpenger"),
    ("sykepenger", "sykepenger"),
    ("foreldrepenger", "foreldrepenger"),
    ("svangerskapspenger", "foreldrepenger"),
    ("uføre", "uforetrygd"),
    ("ufore", "uforetrygd"),
    ("barnetrygd", "barnetrygd"),
    ("kontantstøtte", "kontantstotte"),
    ("kontantstotte", "kontantstotte"),
    ("kvalifiseringsstønad", "kvalifiseringsstonad"),
    ("introduksjonsstønad", "introduksjonsstonad"),
    ("bidrag", "barnebidrag"),
    ("pensjon", "pensjon"),
)
_BOUTGIFT = {
    "husleie": "husleie",
    "boliglanAvdrag": "boliglan_avdrag",
    "boliglanRenter": "boliglan_renter",
    "strom": "strom",
    "kommunalAvgift": "kommunale_avgifter",
    "oppvarming": "oppvarming",
    "annenBoutgift": "annen",
}
#: Other expenses: (contract type, how often, description).
_ANDRE_UTGIFTER = {
    "barnehage": ("barnehage_sfo", "per_maned", "Barnehage"),
    "sfo": ("barnehage_sfo", "per_maned", "SFO"),
    "barnebidrag": ("annen", "per_maned", "Barnebidrag (betalt)"),
    "barnFritidsaktiviteter": ("fritidsaktivitet_barn", "engangs", None),
    "barnTannregulering": ("tannbehandling", "engangs", None),
    "annenBarneutgift": ("annen", "engangs", None),
    "annen": ("annen", "engangs", None),
}
_FORMUE = {
    "brukskonto": "bankinnskudd",
    "bsu": "bankinnskudd",
    "sparekonto": "bankinnskudd",
    "livsforsikringssparedel": "annen",
    "verdipapirer": "aksjer_fond",
    "belop": "annen",
    "bolig": "fast_eiendom",
    "fritidseiendom": "fast_eiendom",
    "kjoretoy": "kjoretoy",
    "campingvogn": "kjoretoy",
    "annet": "annen",
}
_BOR_MED_ANDRE = frozenset({"venner", "foreldre", "familie"})
_EGEN_BOLIG = frozenset({"eier", "leier", "kommunal"})


@frozen
class Kilde:
    """Where a value in the contract dict came from.

    ``kilde``: the application's ``bruker`` (the applicant), ``system`` (a register),
    ``utdatert``, or ``ukjent`` when the application does not say; ``soknadssti``: the path in
    the application; ``tittel``: the title the format says must be shown to the caseworker;
    ``overstyrt``: a register value the applicant changed (``overstyrtAvBruker``).
    """

    kilde: str
    soknadssti: str
    tittel: str | None = None
    overstyrt: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kilde": self.kilde,
            "soknadssti": self.soknadssti,
            "tittel": self.tittel,
            "overstyrt": self.overstyrt,
        }


@frozen
class IkkeBrukt:
    """An item of the application that the contract dict does not use, and why."""

    soknadssti: str
    type: Any
    tittel: Any
    belop: Any
    kilde: Any
    grunn: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "soknadssti": self.soknadssti,
            "type": self.type,
            "tittel": self.tittel,
            "belop": self.belop,
            "kilde": self.kilde,
            "grunn": self.grunn,
        }


@frozen
class Driftsfeil:
    """A register look-up that failed (``driftsinformasjon``) and the facts it made unknown."""

    flagg: str
    tekst: str
    ukjent: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"flagg": self.flagg, "tekst": self.tekst, "ukjent": list(self.ukjent)}


@frozen
class Soknadsresultat:
    """The application as the contract dict, with where each value came from.

    ``sak``: the contract dict (pass it to ``assess``); ``kilder``: contract JSON path →
    ``Kilde``; ``ikke_brukt``: items not used (unknown type codes, one-off payments, …);
    ``driftsfeil``: failed register look-ups; ``apne_sporsmal``: what the application leaves
    open that the contract cannot mark as unknown; ``kompatibilitet``: texts the format says
    must be shown to the caseworker.
    """

    sak: Mapping[str, Any]
    kilder: Mapping[str, Kilde]
    ikke_brukt: tuple[IkkeBrukt, ...] = ()
    driftsfeil: tuple[Driftsfeil, ...] = ()
    apne_sporsmal: tuple[str, ...] = ()
    kompatibilitet: tuple[str, ...] = ()

    @property
    def proveniens(self) -> dict[str, str]:
        """Contract JSON path → ``bruker`` | ``system`` (| ``utdatert`` | ``ukjent``)."""
        return {sti: k.kilde for sti, k in self.kilder.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "sak": dict(self.sak),
            "kilder": {sti: k.to_dict() for sti, k in self.kilder.items()},
            "ikke_brukt": [i.to_dict() for i in self.ikke_brukt],
            "driftsfeil": [d.to_dict() for d in self.driftsfeil],
            "apne_sporsmal": list(self.apne_sporsmal),
            "kompatibilitet": list(self.kompatibilitet),
        }

    def tekst(self, sprak: str = "nb") -> str:
        """The sections «Opplysningenes kilde» and «Ikke brukt» (and any failed look-ups,
        open questions and compatibility texts) that follow the explanation."""
        nb = sprak == "nb"
        ut = ["Opplysningenes kilde" if nb else "Sources of the facts"]
        for sti, k in self.kilder.items():
            verdi = _verdi_tekst(_hent(self.sak, sti))
            kilde = (
                k.kilde
                + (" (overstyrt av bruker)" if nb else " (overridden by the applicant)")
                * k.overstyrt
            )
            tittel = f" «{k.tittel}»" if k.tittel else ""
            ut.append(f"  {sti} = {verdi}  [kilde: {kilde}; {k.soknadssti}{tittel}]")
        if not self.kilder:
            ut.append("  –")
        ut += ["", "Ikke brukt" if nb else "Not used"]
        for i in self.ikke_brukt:
            deler = [f"type {_verdi_tekst(i.type)}"]
            if i.tittel is not None:
                deler.append(f"«{i.tittel}»")
            if i.belop is not None:
                deler.append(
                    f"beløp {_verdi_tekst(i.belop)}" if nb else f"amount {_verdi_tekst(i.belop)}"
                )
            if i.kilde is not None:
                deler.append(f"kilde: {_verdi_tekst(i.kilde)}")
            ut.append(f"  {i.soknadssti}: {', '.join(deler)} – {i.grunn}")
        if not self.ikke_brukt:
            ut.append("  –")
        if self.driftsfeil:
            ut += ["", "Registeroppslag som feilet" if nb else "Register look-ups that failed"]
            ut += [
                f"  {d.flagg}: {d.tekst}; ukjent: {', '.join(d.ukjent)}" for d in self.driftsfeil
            ]
        if self.apne_sporsmal:
            ut += ["", "Åpne spørsmål i søknaden" if nb else "Open questions in the application"]
            ut += [f"  - {s}" for s in self.apne_sporsmal]
        if self.kompatibilitet:
            ut += [
                "",
                "Kompatibilitetstekster fra søknaden (skal vises saksbehandler)"
                if nb
                else "Compatibility texts from the application (must be shown)",
            ]
            ut += [f"  {t}" for t in self.kompatibilitet]
        return "\n".join(ut)


def _verdi_tekst(verdi: Any) -> str:
    return json.dumps(verdi, ensure_ascii=False, default=str)


def _hent(data: Any, sti: str) -> Any:
    verdi = data
    for ledd in les_sti(sti):
        try:
            verdi = verdi[ledd]
        except (KeyError, IndexError, TypeError):
            return None
    return verdi


# --- reading ---------------------------------------------------------------------------------


class _Leser:
    """Walks one application, collecting the contract dict, provenance and problems."""

    def __init__(self) -> None:
        self.feil: list[Feil] = []
        self.kilder: dict[str, Kilde] = {}
        self.ikke_brukt: list[IkkeBrukt] = []
        self.apne: list[str] = []
        self.driftsfeil: list[Driftsfeil] = []

    # small typed accessors: a wrong type where the library reads is a rejection
    def objekt(self, data: Any, nokkel: str, sti: str) -> dict[str, Any] | None:
        verdi = data.get(nokkel) if isinstance(data, dict) else None
        if verdi is None:
            return None
        if not isinstance(verdi, dict):
            self.feil.append(Feil(sti, _kort(verdi), "må være et objekt ({...})"))
            return None
        return verdi

    def liste(self, data: Any, nokkel: str, sti: str) -> list[Any] | None:
        verdi = data.get(nokkel) if isinstance(data, dict) else None
        if verdi is None:
            return None
        if not isinstance(verdi, list):
            self.feil.append(Feil(sti, _kort(verdi), "må være en liste"))
            return None
        return verdi

    def belop(self, element: dict[str, Any], nokkel: str, sti: str) -> Decimal | None:
        verdi = element.get(nokkel)
        if verdi is None:
            return None
        if isinstance(verdi, bool) or not isinstance(verdi, int | float):
            self.feil.append(Feil(f"{sti}.{nokkel}", _kort(verdi), "beløp må være et tall"))
            return None
        belop = Decimal(str(verdi)) if isinstance(verdi, float) else Decimal(verdi)
        if not belop.is_finite() or belop < 0:
            self.feil.append(
                Feil(f"{sti}.{nokkel}", verdi, "beløp kan ikke være negativt eller uendelig")
            )
            return None
        return belop

    def sann(self, data: Any, sti: str) -> bool | None:
        """``{"kilde": ..., "verdi": true}`` (or a bare boolean) → the boolean."""
        verdi = data.get("verdi") if isinstance(data, dict) else data
        if verdi is None:
            return None
        if not isinstance(verdi, bool):
            self.feil.append(Feil(f"{sti}.verdi", _kort(verdi), "må være true eller false"))
            return None
        return verdi

    def bruk(
        self, sti: str, kilde: Any, soknadssti: str, tittel: Any = None, overstyrt: Any = False
    ) -> None:
        self.kilder[sti] = Kilde(
            kilde if isinstance(kilde, str) else "ukjent",
            soknadssti,
            tittel if isinstance(tittel, str) else None,
            overstyrt is True,
        )

    def ikke(self, sti: str, element: Any, grunn: str, belop_nokkel: str = "belop") -> None:
        e = element if isinstance(element, dict) else {}
        belop = e.get(belop_nokkel)
        if belop is None and belop_nokkel != "belop":
            belop = e.get("belop")
        self.ikke_brukt.append(
            IkkeBrukt(sti, e.get("type"), e.get("tittel"), belop, e.get("kilde"), grunn)
        )


@frozen
class _Linje:
    """A mapped line of a contract list, with where it came from."""

    data: dict[str, Any]
    sti: str  # the item's path in the application
    felt: str  # the field the amount came from (netto, brutto, belop)
    element: dict[str, Any]  # the item as the application has it

    @classmethod
    def av(cls, data: dict[str, Any], sti: str, felt: str, e: dict[str, Any]) -> _Linje:
        return cls(data, sti, felt, e)

    @property
    def kilde(self) -> Any:
        return self.element.get("kilde")

    @property
    def tittel(self) -> Any:
        return self.element.get("tittel")

    @property
    def overstyrt(self) -> Any:
        return self.element.get("overstyrtAvBruker")

    def som_element(self) -> dict[str, Any]:
        """The application's item, with the amount the library read from it."""
        belop = self.data.get("belop_per_maned", self.data.get("belop"))
        return {**self.element, "belop": belop}


def _kode(verdi: Any) -> str | None:
    """A type code as text; anything else is no code the library knows (never a crash)."""
    return verdi if isinstance(verdi, str) else None


def _kort(verdi: Any) -> Any:
    return kort_verdi(verdi)


def _sjekk_datoer(data: Any, sti: str, leser: _Leser) -> None:
    """Every value the format defines as a date must be one: an impossible date is a
    rejection, never a guess (the format's own sample has ``2017-13-01``)."""
    if isinstance(data, dict):
        for nokkel, verdi in data.items():
            under = f"{sti}.{nokkel}"
            if nokkel in _DATOFELT and not isinstance(verdi, dict | list) and verdi is not None:
                if som_dato(verdi) is None:
                    leser.feil.append(
                        Feil(under, _kort(verdi), "ugyldig dato: forventet ÅÅÅÅ-MM-DD som finnes")
                    )
            else:
                _sjekk_datoer(verdi, under, leser)
    elif isinstance(data, list):
        for i, verdi in enumerate(data):
            _sjekk_datoer(verdi, f"{sti}[{i}]", leser)


def _oslo_dato(tidspunkt: datetime) -> date:
    if tidspunkt.tzinfo is None:
        return tidspunkt.date()
    try:
        return tidspunkt.astimezone(ZoneInfo("Europe/Oslo")).date()
    except Exception:  # no time-zone database: the UTC date (off by one only near midnight)
        return tidspunkt.date()


def _vurderingsdato(soknad: dict[str, Any], dato: date | str | None, leser: _Leser) -> date | None:
    if dato is not None:
        if isinstance(dato, date) and not isinstance(dato, datetime):
            return dato
        lest = som_dato(dato) if isinstance(dato, str) else None
        if lest is None:
            leser.feil.append(Feil("--dato", str(dato), "ugyldig dato: forventet ÅÅÅÅ-MM-DD"))
        return lest
    tidspunkt = soknad.get("innsendingstidspunkt")
    if tidspunkt is None:
        leser.feil.append(
            Feil(
                "innsendingstidspunkt",
                None,
                "søknaden har ikke innsendingstidspunkt, og da kan vurderingsdatoen ikke "
                "utledes: oppgi den med --dato ÅÅÅÅ-MM-DD",
            )
        )
        return None
    try:
        if not isinstance(tidspunkt, str) or not ISO_DATO.match(tidspunkt):
            raise ValueError
        return _oslo_dato(datetime.fromisoformat(tidspunkt))
    except ValueError:
        leser.feil.append(
            Feil(
                "innsendingstidspunkt",
                _kort(tidspunkt),
                "ugyldig tidspunkt: forventet ISO 8601, f.eks. 2024-03-01T12:00:00.000Z",
            )
        )
        return None


def _versjon(soknad: dict[str, Any], leser: _Leser) -> None:
    versjon = soknad.get("version")
    if versjon is None:
        leser.feil.append(Feil("version", None, "påkrevd felt mangler (formatets versjon)"))
        return
    treff = _VERSJON.fullmatch(versjon) if isinstance(versjon, str) else None
    if treff is None:
        leser.feil.append(
            Feil("version", _kort(versjon), "ugyldig versjon: forventet f.eks. 1.5.0 (semver)")
        )
        return
    if int(treff.group(1)) != STOTTET_HOVEDVERSJON:
        leser.feil.append(
            Feil(
                "version",
                versjon,
                f"hovedversjon {int(treff.group(1))} av søknadsformatet er ukjent; biblioteket "
                f"leser hovedversjon {STOTTET_HOVEDVERSJON} (en ny hovedversjon er et nytt "
                "filformat)",
            )
        )


def read_soknad(
    soknad: Mapping[str, Any] | str | bytes,
    dato: date | str | None = None,
    *,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> Soknadsresultat:
    """Map NAV's application (dict or JSON text) to the contract, with provenance.

    An application nested deeper than Python can walk is a rejection, not a crash; so is one
    past the input limits (``grenser``, see ``grenser.py``: its bytes, nesting and lists).
    """
    try:
        grense = som_grenser(grenser)
    except ValueError as exc:
        raise UgyldigSak([Feil("grenser", None, str(exc))]) from None
    if isinstance(soknad, str | bytes):
        soknad = les_json(soknad, grense)
    if isinstance(soknad, dict):
        sjekk_grenser(soknad, grense, "søknaden")
    try:
        return _fra_soknad(soknad, dato)
    except RecursionError:
        raise UgyldigSak([Feil("$", None, "søknaden er for dypt nøstet til å leses")]) from None


def _fra_soknad(
    soknad: Mapping[str, Any] | str | bytes, dato: date | str | None = None
) -> Soknadsresultat:
    """Map NAV's application (dict or JSON text) to the contract, with provenance.

    Raises ``UgyldigSak`` naming every problem by its path in the application (``version``,
    ``innsendingstidspunkt``, ``data.familie.forsorgerplikt.ansvar[0].barn.fodselsdato``).
    """
    if isinstance(soknad, str | bytes):
        soknad = les_json(soknad)
    leser = _Leser()
    if not isinstance(soknad, dict):
        raise UgyldigSak(
            [Feil("$", _kort(soknad), "søknaden må være et JSON-objekt (soknad.json)")]
        )
    if "hendelser" in soknad and "data" not in soknad:
        raise UgyldigSak(
            [
                Feil(
                    "hendelser",
                    None,
                    "dette er en digisos-soker.json (hendelser fra fagsystemet til søkeren), "
                    "ikke en søknad (soknad.json)",
                )
            ]
        )
    _versjon(soknad, leser)
    data = soknad.get("data")
    if not isinstance(data, dict):
        leser.feil.append(
            Feil(
                "data",
                _kort(data),
                "søknadsdataene mangler: dette er ikke en hel søknad (soknad.json med "
                "version og data)",
            )
        )
        raise UgyldigSak(leser.feil)
    vurderingsdato = _vurderingsdato(soknad, dato, leser)
    _sjekk_datoer(data, "data", leser)
    if leser.feil:
        raise UgyldigSak(leser.feil)
    assert vurderingsdato is not None

    sak: dict[str, Any] = {"vurderingsdato": vurderingsdato.isoformat()}
    personer, bofellesskap_kan_avgjores = _husstand(data, leser)
    sak["personer"] = personer
    bofellesskap = _bofellesskap(data, personer, bofellesskap_kan_avgjores, leser)
    if bofellesskap is not None:
        sak["bofellesskap"] = bofellesskap
    driftsfeil = _driftsinformasjon(soknad, leser)
    okonomi = leser.objekt(data, "okonomi", "data.okonomi") or {}
    oversikt = leser.objekt(okonomi, "oversikt", "data.okonomi.oversikt") or {}
    opplysninger = leser.objekt(okonomi, "opplysninger", "data.okonomi.opplysninger") or {}
    inntekter = _inntekter(oversikt, opplysninger, driftsfeil, leser)
    if inntekter is not None:
        sak["inntekter"] = inntekter
    boutgifter, andre = _utgifter(oversikt, opplysninger, leser)
    if boutgifter is not None:
        sak["boutgifter"] = boutgifter
    if andre is not None:
        sak["andre_utgifter"] = andre
    formue = _formue(oversikt, leser)
    if formue is not None:
        sak["formue"] = formue
    kompatibilitet = _kompatibilitet(soknad)
    if leser.feil:
        raise UgyldigSak(leser.feil)
    return Soknadsresultat(
        sak=sak,
        kilder=dict(sorted(leser.kilder.items(), key=lambda kv: _sorteringsnokkel(kv[0]))),
        ikke_brukt=tuple(leser.ikke_brukt),
        driftsfeil=tuple(leser.driftsfeil),
        apne_sporsmal=tuple(leser.apne),
        kompatibilitet=kompatibilitet,
    )


_REKKEFOLGE = ("vurderingsdato", "personer", "bofellesskap", "inntekter", "boutgifter")


def _sorteringsnokkel(sti: str) -> tuple[Any, ...]:
    forst = sti.split("[", 1)[0].split(".", 1)[0]
    rang = _REKKEFOLGE.index(forst) if forst in _REKKEFOLGE else len(_REKKEFOLGE)
    tall = [int(t) for t in re.findall(r"\[([0-9]+)\]", sti)]
    return (rang, forst, tall, sti)


# --- household ---------------------------------------------------------------------------------


def _husstand(data: dict[str, Any], leser: _Leser) -> tuple[list[dict[str, Any]], bool]:
    """The persons; and whether the household is known well enough to decide bofellesskap."""
    personalia = leser.objekt(data, "personalia", "data.personalia") or {}
    soker: dict[str, Any] = {"id": "p1", "rolle": "soker"}
    personer = [soker]
    fodt = personalia.get("fodselsdato")
    fodt_kilde: Any = "ukjent"
    if isinstance(fodt, dict):
        fodt_kilde, fodt = fodt.get("kilde"), fodt.get("verdi")
        if fodt is not None and som_dato(fodt) is None:
            leser.feil.append(
                Feil("data.personalia.fodselsdato.verdi", _kort(fodt), "ugyldig dato")
            )
            fodt = None
    if isinstance(fodt, str) and som_dato(fodt) is not None:
        soker["fodselsdato"] = fodt
        leser.bruk("personer[0].fodselsdato", fodt_kilde, "data.personalia.fodselsdato")
    else:
        leser.apne.append(
            "Søkerens fødselsdato står ikke i søknaden (personalia.fodselsdato): regler som "
            "avhenger av alder, blir uavklart."
        )

    _statsborgerskap(personalia, soker, leser)
    familie = leser.objekt(data, "familie", "data.familie") or {}
    kjent_husstand = True
    sivil = leser.objekt(familie, "sivilstatus", "data.familie.sivilstatus")
    if sivil is not None:
        kjent_husstand = _partner(sivil, familie, personer, leser)
    forsorger = leser.objekt(familie, "forsorgerplikt", "data.familie.forsorgerplikt") or {}
    ansvar = leser.liste(forsorger, "ansvar", "data.familie.forsorgerplikt.ansvar") or []
    for i, a in enumerate(ansvar):
        sti = f"data.familie.forsorgerplikt.ansvar[{i}]"
        if not isinstance(a, dict):
            leser.feil.append(Feil(sti, _kort(a), "må være et objekt ({...})"))
            continue
        _barn(a, sti, personer, leser)
    return personer, kjent_husstand


def _statsborgerskap(personalia: dict[str, Any], soker: dict[str, Any], leser: _Leser) -> None:
    """Norwegian citizenship (§ 2) from ``statsborgerskap`` (an ISO 3166 code; ``XUK`` is
    unknown) or, when the applicant is not a Nordic citizen (``nordiskBorger: false``), from
    that: a person who is not Nordic is not Norwegian."""
    borger = personalia.get("statsborgerskap")
    kode = borger.get("verdi") if isinstance(borger, dict) else None
    if (
        isinstance(borger, dict)
        and isinstance(kode, str)
        and re.fullmatch(r"[A-Z]{3}", kode)
        and kode != "XUK"
    ):
        soker["opphold"] = {"norsk_statsborger": kode == "NOR"}
        leser.bruk(
            "personer[0].opphold.norsk_statsborger",
            borger.get("kilde"),
            "data.personalia.statsborgerskap.verdi",
        )
        return
    nordisk = personalia.get("nordiskBorger")
    if isinstance(nordisk, dict) and nordisk.get("verdi") is False:
        soker["opphold"] = {"norsk_statsborger": False}
        leser.bruk(
            "personer[0].opphold.norsk_statsborger",
            nordisk.get("kilde"),
            "data.personalia.nordiskBorger.verdi",
        )


def _partner(
    sivil: dict[str, Any], familie: dict[str, Any], personer: list[dict[str, Any]], leser: _Leser
) -> bool:
    sti = "data.familie.sivilstatus"
    status, kilde = _kode(sivil.get("status")), sivil.get("kilde")
    if status == "samboer":
        indeks = len(personer)
        personer.append({"id": f"p{indeks + 1}", "rolle": "samboer"})
        leser.bruk(f"personer[{indeks}].rolle", kilde, f"{sti}.status")
        leser.apne.append(
            "Samboerens fødselsdato står ikke i søknaden: regler som avhenger av samboerens "
            "alder, blir uavklart."
        )
        return True
    if status != "gift":
        return True
    ektefelle = sivil.get("ektefelle")
    ektefelle = ektefelle if isinstance(ektefelle, dict) else {}
    bor_sammen: bool | None
    if "borSammenMed" in sivil:
        bor_sammen, kilde_sti = (
            leser.sann(sivil.get("borSammenMed"), f"{sti}.borSammenMed"),
            f"{sti}.borSammenMed",
        )
    elif "folkeregistrertMedEktefelle" in sivil:
        bor_sammen = leser.sann(
            sivil.get("folkeregistrertMedEktefelle"), f"{sti}.folkeregistrertMedEktefelle"
        )
        kilde_sti = f"{sti}.folkeregistrertMedEktefelle"
    else:
        bor_sammen, kilde_sti = None, sti
    if bor_sammen is None:
        leser.apne.append(
            "Søker er gift, men søknaden sier ikke om ektefellene bor sammen: ektefellen er "
            "ikke tatt med i husstanden, og om søker bor i bofellesskap er satt som ukjent."
        )
        return False
    if not bor_sammen:
        grunn = sivil.get("borIkkeSammenMedBegrunnelse")
        avvik = familie.get("folkeregistrertMedEktefelleAvviksforklaring")
        forklaring = grunn or (avvik.get("verdi") if isinstance(avvik, dict) else None)
        leser.apne.append(
            "Søker er gift, men bor ikke sammen med ektefellen "
            f"({kilde_sti.rsplit('.', 1)[-1]}: false"
            + (f"; «{forklaring}»" if isinstance(forklaring, str) and forklaring else "")
            + "): ektefellen er ikke tatt med i husstanden. Vurder forsørgerplikten mellom "
            "ektefeller (ekteskapsloven § 38)."
        )
        return True
    indeks = len(personer)
    person: dict[str, Any] = {"id": f"p{indeks + 1}", "rolle": "ektefelle"}
    personer.append(person)
    leser.bruk(f"personer[{indeks}].rolle", kilde, kilde_sti)
    fodt = ektefelle.get("fodselsdato")
    if som_dato(fodt) is not None:
        person["fodselsdato"] = fodt
        leser.bruk(f"personer[{indeks}].fodselsdato", kilde, f"{sti}.ektefelle.fodselsdato")
    return True


def _barn(a: dict[str, Any], sti: str, personer: list[dict[str, Any]], leser: _Leser) -> None:
    barn = a.get("barn")
    barn = barn if isinstance(barn, dict) else {}
    navn = barn.get("navn")
    navn = navn if isinstance(navn, dict) else {}
    visningsnavn = " ".join(
        str(navn[d]) for d in ("fornavn", "etternavn") if isinstance(navn.get(d), str) and navn[d]
    )
    hvem = f"Barnet {visningsnavn} ({sti})" if visningsnavn else f"Barnet i {sti}"
    bor: bool | None = None
    kilde: Any = None
    kilde_sti = sti
    for nokkel in ("borSammenMed", "erFolkeregistrertSammen"):
        if isinstance(a.get(nokkel), dict | bool):
            bor = leser.sann(a.get(nokkel), f"{sti}.{nokkel}")
            kilde = a[nokkel].get("kilde") if isinstance(a[nokkel], dict) else None
            kilde_sti = f"{sti}.{nokkel}"
            if bor is not None:
                break
    delt = a.get("harDeltBosted", a.get("HarDeltBosted"))
    delt_bosted = delt.get("verdi") if isinstance(delt, dict) else delt
    samvar = a.get("samvarsgrad")
    samvarsgrad = samvar.get("verdi") if isinstance(samvar, dict) else samvar
    if bor is None:
        leser.apne.append(
            f"{hvem}: søknaden sier ikke om barnet bor hos søker; barnet er ikke tatt med i "
            "husstanden."
        )
        return
    if not bor:
        tillegg = f" (samværsgrad {samvarsgrad} %)" if isinstance(samvarsgrad, int | float) else ""
        leser.apne.append(
            f"{hvem} bor ikke hos søker{tillegg} og er ikke tatt med i husstanden; utgifter til "
            "samvær vurderes særskilt."
        )
        return
    indeks = len(personer)
    antall_barn = sum(1 for p in personer if p["rolle"] == "barn")
    person: dict[str, Any] = {"id": f"b{antall_barn + 1}", "rolle": "barn"}
    personer.append(person)
    leser.bruk(f"personer[{indeks}].rolle", kilde, kilde_sti)
    fodt = barn.get("fodselsdato")
    if som_dato(fodt) is not None:
        person["fodselsdato"] = fodt
        leser.bruk(f"personer[{indeks}].fodselsdato", barn.get("kilde"), f"{sti}.barn.fodselsdato")
    if delt_bosted is True:
        leser.apne.append(
            f"{hvem} har delt bosted: vurder hvordan barnets behov deles mellom foreldrene."
        )


def _bofellesskap(
    data: dict[str, Any], personer: list[dict[str, Any]], kan_avgjores: bool, leser: _Leser
) -> bool | None:
    bosituasjon = leser.objekt(data, "bosituasjon", "data.bosituasjon") or {}
    botype, antall = _kode(bosituasjon.get("botype")), bosituasjon.get("antallPersoner")
    kilde = bosituasjon.get("kilde")
    if antall is not None and (isinstance(antall, bool) or not isinstance(antall, int)):
        leser.feil.append(
            Feil("data.bosituasjon.antallPersoner", _kort(antall), "må være et heltall")
        )
        return None
    if not kan_avgjores:
        return None
    if any(p["rolle"] in ("ektefelle", "samboer") for p in personer):
        return None  # a couple has its own rate; shared household does not apply
    if botype in _BOR_MED_ANDRE:
        leser.bruk("bofellesskap", kilde, "data.bosituasjon.botype")
        return True
    if botype in _EGEN_BOLIG and isinstance(antall, int):
        if antall == len(personer):
            leser.bruk("bofellesskap", kilde, "data.bosituasjon.antallPersoner")
            return False
        leser.apne.append(
            f"Søker bor i egen bolig ({botype}) med {antall} personer, men husstanden i søknaden "
            f"er {len(personer)}: om søker bor i bofellesskap med andre voksne, er ukjent."
        )
        return None
    if botype is not None:
        leser.apne.append(
            f"Bosituasjonen er «{botype}»: om søker bor i bofellesskap, er ukjent."
            + (
                " Krisesenter eller annet midlertidig botilbud registreres som botilbud "
                "(sosialtjenesteloven § 27) med datoer."
                if botype in ("krisesenter", "ingen")
                else ""
            )
        )
    else:
        leser.apne.append("Søknaden sier ikke hvordan søker bor: bofellesskap er ukjent.")
    return None


# --- income ------------------------------------------------------------------------------------


def _driftsinformasjon(soknad: dict[str, Any], leser: _Leser) -> list[Driftsfeil]:
    drift = soknad.get("driftsinformasjon")
    feilet: list[Driftsfeil] = []
    if not isinstance(drift, dict):
        for flagg, (hva, ukjent) in DRIFTSFLAGG.items():
            feilet.append(
                Driftsfeil(
                    flagg,
                    f"driftsinformasjon mangler eller er ikke et objekt ({_verdi_tekst(drift)}): "
                    f"om oppslaget av {hva} lyktes, er ukjent",
                    ukjent,
                )
            )
    else:
        for flagg, (hva, ukjent) in DRIFTSFLAGG.items():
            verdi = drift.get(flagg)
            if verdi is True:
                feilet.append(Driftsfeil(flagg, f"oppslaget av {hva} feilet", ukjent))
            elif verdi is not False:
                feilet.append(
                    Driftsfeil(
                        flagg,
                        f"{flagg} er {_verdi_tekst(verdi)}: om oppslaget lyktes, er ukjent",
                        ukjent,
                    )
                )
    leser.driftsfeil.extend(feilet)
    return feilet


def _navytelse(tittel: Any) -> str:
    tekst = tittel.casefold() if isinstance(tittel, str) else ""
    return next((typ for ord_, typ in _NAVYTELSER if ord_ in tekst), "annen")


def _inntekter(
    oversikt: dict[str, Any],
    opplysninger: dict[str, Any],
    driftsfeil: list[Driftsfeil],
    leser: _Leser,
) -> list[dict[str, Any]] | None:
    """The monthly net income lines, or None (unknown) when they cannot be completed."""
    linjer: list[_Linje] = []
    ufullstendig: list[str] = []

    sti = "data.okonomi.oversikt.inntekt"
    for i, e in enumerate(leser.liste(oversikt, "inntekt", sti) or []):
        esti = f"{sti}[{i}]"
        if not isinstance(e, dict):
            leser.feil.append(Feil(esti, _kort(e), "må være et objekt ({...})"))
            continue
        typ = _kode(e.get("type"))
        if typ in _ENGANGS_OVERSIKT:
            grunn = f"{_ENGANGS_OVERSIKT[typ]} er en engangsutbetaling: saksbehandler vurderer den"
            leser.ikke(esti, e, grunn, "netto")
            ufullstendig.append(esti)
            continue
        if typ not in _INNTEKT_OVERSIKT:
            leser.ikke(esti, e, "ukjent typekode", "netto")
            ufullstendig.append(esti)
            continue
        netto = leser.belop(e, "netto", esti)
        if netto is None:
            leser.ikke(esti, e, "nettobeløpet mangler", "netto")
            ufullstendig.append(esti)
            continue
        data = {"type": _INNTEKT_OVERSIKT[typ], "belop_per_maned": tall_til_json(netto)}
        linjer.append(_Linje.av(data, esti, "netto", e))

    sti = "data.okonomi.opplysninger.utbetaling"
    nyeste: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
    eldre = "eldre utbetaling av samme ytelse; den nyeste er brukt"
    for i, e in enumerate(leser.liste(opplysninger, "utbetaling", sti) or []):
        esti = f"{sti}[{i}]"
        if not isinstance(e, dict):
            leser.feil.append(Feil(esti, _kort(e), "må være et objekt ({...})"))
            continue
        typ = _kode(e.get("type"))
        if typ in _UTBETALING_ENGANGS:
            leser.ikke(
                esti,
                e,
                f"{_UTBETALING_ENGANGS[typ]}: utbetalingen er ikke oppgitt som månedlig inntekt; "
                "saksbehandler vurderer om den er inntekt eller formue",
            )
            ufullstendig.append(esti)
            continue
        if typ == "navytelse":
            kontrakttype = _navytelse(e.get("tittel"))
        elif typ == "husbanken":
            kontrakttype = "bostotte"
        elif typ in _UTBETALING_SYSTEM:
            kontrakttype = _UTBETALING_SYSTEM[typ]
        else:
            leser.ikke(esti, e, "ukjent typekode")
            ufullstendig.append(esti)
            continue
        organisasjon = e.get("organisasjon")
        orgnr = organisasjon.get("organisasjonsnummer") if isinstance(organisasjon, dict) else None
        nokkel = (kontrakttype, str(orgnr or e.get("tittel") or ""))
        if nokkel in nyeste and _nyest(nyeste[nokkel][1]) >= _nyest(e):
            leser.ikke(esti, e, eldre, "netto")
            continue
        if nokkel in nyeste:
            gammel_i, gammel = nyeste[nokkel]
            leser.ikke(f"{sti}[{gammel_i}]", gammel, eldre, "netto")
        nyeste[nokkel] = (i, e)
    for (kontrakttype, _), (i, e) in sorted(nyeste.items(), key=lambda kv: kv[1][0]):
        esti = f"{sti}[{i}]"
        belop, felt = _netto(e, esti, leser)
        if belop is None:
            leser.ikke(esti, e, "beløpet mangler", "netto")
            ufullstendig.append(esti)
            continue
        data = {"type": kontrakttype, "belop_per_maned": tall_til_json(belop)}
        linjer.append(_Linje.av(data, esti, felt, e))

    # A register row replaces the applicant's own row of the same income type.
    fra_system = {linje.data["type"] for linje in linjer if linje.kilde == "system"}
    brukt: list[_Linje] = []
    for linje in linjer:
        if (
            linje.kilde != "system"
            and linje.data["type"] in fra_system
            and linje.sti.startswith("data.okonomi.oversikt")
        ):
            leser.ikke(
                linje.sti,
                linje.som_element(),
                "registeropplysningen (kilde system) om samme inntektstype er brukt i stedet",
            )
            continue
        brukt.append(linje)

    if driftsfeil or ufullstendig:
        grunner = ", ".join([d.flagg for d in driftsfeil] + ufullstendig)
        for linje in brukt:
            leser.ikke(
                linje.sti,
                linje.som_element(),
                f"inntektene er satt som ukjent fordi de ikke er fullstendige (se {grunner})",
            )
        return None
    return _bruk_liste("inntekter", brukt, "belop_per_maned", leser, person=True)


def _nyest(element: dict[str, Any]) -> str:
    for nokkel in ("periodeTom", "utbetalingsdato", "periodeFom"):
        if isinstance(element.get(nokkel), str):
            return str(element[nokkel])
    return ""


def _netto(e: dict[str, Any], sti: str, leser: _Leser) -> tuple[Decimal | None, str]:
    """A payment's monthly net amount and the field it came from: ``netto``, else ``brutto``
    less the deductions (``skattetrekk`` and ``andreTrekk``, given as negative numbers), else
    ``belop``."""
    if e.get("netto") is not None:
        return leser.belop(e, "netto", sti), "netto"
    if e.get("brutto") is not None:
        brutto = leser.belop(e, "brutto", sti)
        if brutto is None:
            return None, "brutto"
        trekk = Decimal(0)
        for nokkel in ("skattetrekk", "andreTrekk"):
            verdi = e.get(nokkel)
            if verdi is None:
                continue
            if isinstance(verdi, bool) or not isinstance(verdi, int | float):
                leser.feil.append(Feil(f"{sti}.{nokkel}", _kort(verdi), "må være et tall"))
                return None, nokkel
            trekk += abs(Decimal(str(verdi)))
        return max(brutto - trekk, Decimal(0)), "brutto"
    return leser.belop(e, "belop", sti), "belop"


# --- expenses and assets -----------------------------------------------------------------------


def _utgifter(
    oversikt: dict[str, Any], opplysninger: dict[str, Any], leser: _Leser
) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]] | None]:
    boutgifter: list[_Linje] = []
    andre: list[_Linje] = []
    bo_ukjent = andre_ukjent = False
    kilder = (
        ("data.okonomi.oversikt.utgift", oversikt),
        ("data.okonomi.opplysninger.utgift", opplysninger),
    )
    for liste_sti, forelder in kilder:
        for i, e in enumerate(leser.liste(forelder, "utgift", liste_sti) or []):
            esti = f"{liste_sti}[{i}]"
            if not isinstance(e, dict):
                leser.feil.append(Feil(esti, _kort(e), "må være et objekt ({...})"))
                continue
            typ = _kode(e.get("type"))
            er_bo = typ in _BOUTGIFT
            if typ is None or (not er_bo and typ not in _ANDRE_UTGIFTER):
                leser.ikke(esti, e, "ukjent typekode")
                continue
            belop = leser.belop(e, "belop", esti)
            if belop is None:
                leser.ikke(esti, e, "beløpet mangler")
                bo_ukjent, andre_ukjent = bo_ukjent or er_bo, andre_ukjent or not er_bo
                continue
            if er_bo:
                data: dict[str, Any] = {
                    "type": _BOUTGIFT[typ],
                    "belop_per_maned": tall_til_json(belop),
                }
                boutgifter.append(_Linje.av(data, esti, "belop", e))
                continue
            kontrakttype, hyppighet, beskrivelse = _ANDRE_UTGIFTER[typ]
            data = {"type": kontrakttype, "belop": tall_til_json(belop), "hyppighet": hyppighet}
            tittel = e.get("tittel")
            if beskrivelse or isinstance(tittel, str):
                data["beskrivelse"] = beskrivelse or tittel
            andre.append(_Linje.av(data, esti, "belop", e))
    if bo_ukjent:
        _ikke_alle(boutgifter, "boutgiftene er satt som ukjent fordi et beløp mangler", leser)
        bo_ut = None
    else:
        bo_ut = _bruk_liste("boutgifter", boutgifter, "belop_per_maned", leser)
    if andre_ukjent:
        _ikke_alle(andre, "de andre utgiftene er satt som ukjent fordi et beløp mangler", leser)
        andre_ut = None
    else:
        andre_ut = _bruk_liste("andre_utgifter", andre, "belop", leser)
    return bo_ut, andre_ut


def _bruk_liste(
    navn: str, linjer: list[_Linje], belopsnokkel: str, leser: _Leser, *, person: bool = False
) -> list[dict[str, Any]]:
    ut = []
    for j, linje in enumerate(linjer):
        ut.append({"person": "p1", **linje.data} if person else linje.data)
        leser.bruk(
            f"{navn}[{j}].type", linje.kilde, f"{linje.sti}.type", linje.tittel, linje.overstyrt
        )
        leser.bruk(
            f"{navn}[{j}].{belopsnokkel}",
            linje.kilde,
            f"{linje.sti}.{linje.felt}",
            linje.tittel,
            linje.overstyrt,
        )
    return ut


def _ikke_alle(linjer: list[_Linje], grunn: str, leser: _Leser) -> None:
    for linje in linjer:
        leser.ikke(linje.sti, linje.som_element(), grunn)


def _formue(oversikt: dict[str, Any], leser: _Leser) -> list[dict[str, Any]] | None:
    sti = "data.okonomi.oversikt.formue"
    linjer: list[_Linje] = []
    ukjent = False
    for i, e in enumerate(leser.liste(oversikt, "formue", sti) or []):
        esti = f"{sti}[{i}]"
        if not isinstance(e, dict):
            leser.feil.append(Feil(esti, _kort(e), "må være et objekt ({...})"))
            continue
        typ = _kode(e.get("type"))
        if typ not in _FORMUE:
            leser.ikke(esti, e, "ukjent typekode")
            continue
        belop = leser.belop(e, "belop", esti)
        if belop is None:
            leser.ikke(esti, e, "beløpet mangler")
            ukjent = True
            continue
        data = {"type": _FORMUE[typ], "belop": tall_til_json(belop), "person": "p1"}
        linjer.append(_Linje.av(data, esti, "belop", e))
    if ukjent:
        _ikke_alle(linjer, "formuen er satt som ukjent fordi et beløp mangler", leser)
        return None
    return _bruk_liste("formue", linjer, "belop", leser)


def _kompatibilitet(soknad: dict[str, Any]) -> tuple[str, ...]:
    """The compatibility texts the format says must be shown, each with its version range."""
    ut = []
    tekster = soknad.get("kompatibilitet")
    for k in tekster if isinstance(tekster, list) else []:
        if isinstance(k, dict) and isinstance(k.get("text"), str):
            ut.append(f"[{k.get('minVersion', '?')}–{k.get('maxVersion', '?')}] {k['text']}")
    return tuple(ut)


# --- assess ------------------------------------------------------------------------------------


def assess_soknad(
    soknad: Mapping[str, Any] | str | bytes,
    dato: date | str | None = None,
    *,
    regler: Regelbok | None = None,
    grenser: Grenser | Mapping[str, int] | None = None,
) -> tuple[Soknadsresultat, Assessment]:
    """Map the application and assess it. A rejection by the contract names the field in the
    application where the value came from (and the contract path in the message)."""
    resultat = read_soknad(soknad, dato, grenser=grenser)
    try:
        vurdering = assess(resultat.sak, regler=regler, grenser=grenser)
    except UgyldigSak as exc:
        raise UgyldigSak([_til_soknadssti(f, resultat) for f in exc.feil]) from None
    return resultat, vurdering


_SISTE_LEDD = re.compile(r"(?:\.[^.\[\]]+|\[[0-9]+\])$")


def _til_soknadssti(feil: Feil, resultat: Soknadsresultat) -> Feil:
    """A contract rejection, named by the application's field the value came from."""
    sti = feil.felt
    while sti:
        kilde = resultat.kilder.get(sti)
        if kilde is not None:
            return Feil(kilde.soknadssti, feil.verdi, f"{feil.melding} (i saken: {feil.felt})")
        kortere = _SISTE_LEDD.sub("", sti)
        sti = kortere if kortere != sti else ""
    return feil


#: The names before the public API took one convention (see ``sosialregler.__doc__``).
fra_soknad = read_soknad
vurder_soknad = assess_soknad
