"""What-if and why-not: assess a changed copy of a case, and find what would turn a denial.

* ``hva_om(vurdering, {"inntekter[0].belop_per_maned": 4000})`` (``Assessment.what_if``)
  assesses a changed copy of the case and lists what changed: outcomes, amounts, missing
  facts and flags. The original is never touched. A change is a JSON path in the contract
  (``personer[1].fodselsdato``, ``kommune.navn``) and a JSON value; ``None`` removes the field
  (in the contract an absent fact is *unknown*); an index one past the end of a list appends.
* ``why_not(vurdering)`` (alias ``hvorfor_ikke``) gives, for each ``ikke_oppfylt`` decision,
  the smallest change of the facts that would turn it, where the rule makes that computable,
  each checked by assessing it: the counted income under which the § 18 amount is above 0
  (from the calculation's own lines), and the date a person reaches an age a failed rule
  compares with (``soker.alder >= 18``: the 18th birthday).
* ``break_even(vurdering)`` (alias ``inntekt_ved_null``): the income at which the § 18 amount
  reaches 0, from the calculation's lines (needs minus counted income), checked by assessing
  it, with a bisection on ``assess`` as the fallback when the check fails.

Nothing here knows a rate: every number comes from an assessment's own lines. The changes are
contract paths in the JSON (``HvaOm.endringer``, ``Forslag.endringer``, ``Inntektsgrense.sti``),
which case systems need; every text names them as a person does (``stinavn``): «beløp per måned
(inntekten «Arbeidsinntekt»)», «når søkeren fyller 18 år», the area by its title.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ..inndata.desimal import tall_til_json
from ..inndata.errors import Feil, UgyldigSak
from ..inndata.sti import skjot
from ..lov.outcome import Utfall
from ..lov.sprak import SPRAK
from ..lov.tree import Node, fakta_til_json
from ..vurdering.grunnfakta import alder
from ..vurdering.vurderer import vurder
from .explain import (
    UTFALLSORD,
    Personer,
    formater,
    kroner,
    manglertekst,
    merknadstekst,
    personetiketter,
)
from .stinavn import elementnavn, stinavn, verdinavn

if TYPE_CHECKING:
    from ..lov.rulebook.book import Regelbok
    from .assessment import Assessment, Vedtak

__all__ = [
    "Forskjell",
    "Forslag",
    "HvaOm",
    "Inntektsgrense",
    "break_even",
    "endre",
    "forskjeller",
    "hent",
    "hva_om",
    "hvorfor_ikke",
    "inntekt_ved_null",
    "les_sti",
    "why_not",
]

_NAVN = r"[A-Za-z_][A-Za-z0-9_]*"
_STI = re.compile(rf"{_NAVN}(?:\.{_NAVN}|\[[0-9]+\])*")
_LEDD = re.compile(rf"\.?({_NAVN})|\[([0-9]+)\]")


# --- paths -----------------------------------------------------------------------------------


def les_sti(sti: str) -> tuple[str | int, ...]:
    """A contract JSON path as steps: ``personer[1].fodselsdato`` → ``("personer", 1, ...)``.

    A malformed path is a rejection (``UgyldigSak``) naming it.
    """
    if not isinstance(sti, str) or not _STI.fullmatch(sti):
        raise UgyldigSak(
            [Feil(str(sti), None, "ugyldig sti: skriv f.eks. inntekter[0].belop_per_maned")]
        )
    return tuple(navn if navn else int(indeks) for navn, indeks in _LEDD.findall(sti))


def hent(data: Any, sti: str) -> Any:
    """The value at ``sti`` in a contract dict; a path that is not there is a rejection."""
    verdi = data
    gjort = ""
    for ledd in les_sti(sti):
        gjort = skjot(gjort, ledd)
        if isinstance(ledd, int):
            if not isinstance(verdi, list) or ledd >= len(verdi):
                raise UgyldigSak([Feil(gjort, None, "finnes ikke i saken")])
            verdi = verdi[ledd]
        else:
            if not isinstance(verdi, dict) or ledd not in verdi:
                raise UgyldigSak([Feil(gjort, None, "finnes ikke i saken")])
            verdi = verdi[ledd]
    return verdi


def endre(
    data: Mapping[str, Any], endringer: Mapping[str, Any] | Iterable[tuple[str, Any]]
) -> dict:
    """A deep copy of a contract dict with the changes made, in order.

    ``None`` removes the field (or list element); an index equal to a list's length appends;
    a missing object or list on the way is created. The result is *not* validated: pass it to
    ``assess`` (or ``les_sak``) for that. A path that cannot be followed is a rejection.
    """
    ny: dict[str, Any] = copy.deepcopy(dict(data))
    par = endringer.items() if isinstance(endringer, Mapping) else endringer
    for sti, verdi in par:
        _sett(ny, sti, copy.deepcopy(verdi))
    return ny


def _sett(data: dict[str, Any], sti: str, verdi: Any) -> None:
    ledd = les_sti(sti)
    forelder: Any = data
    gjort = ""
    for i, steg in enumerate(ledd[:-1]):
        neste_er_indeks = isinstance(ledd[i + 1], int)
        gjort = skjot(gjort, steg)
        if isinstance(steg, int):
            if not isinstance(forelder, list) or steg > len(forelder):
                raise UgyldigSak([Feil(gjort, None, "indeksen er utenfor listen")])
            if steg == len(forelder):
                forelder.append([] if neste_er_indeks else {})
            forelder = forelder[steg]
        else:
            if not isinstance(forelder, dict):
                raise UgyldigSak([Feil(gjort, None, "forelderen er ikke et objekt")])
            if forelder.get(steg) is None:
                if verdi is None:
                    return  # removing something below an absent field: nothing to do
                forelder[steg] = [] if neste_er_indeks else {}
            forelder = forelder[steg]
    siste = ledd[-1]
    gjort = skjot(gjort, siste)
    if isinstance(siste, int):
        if not isinstance(forelder, list):
            raise UgyldigSak([Feil(gjort, None, "forelderen er ikke en liste")])
        if siste > len(forelder) or (siste == len(forelder) and verdi is None):
            raise UgyldigSak(
                [Feil(gjort, None, f"indeksen er utenfor listen (lengde {len(forelder)})")]
            )
        if verdi is None:
            del forelder[siste]
        elif siste == len(forelder):
            forelder.append(verdi)
        else:
            forelder[siste] = verdi
        return
    if not isinstance(forelder, dict):
        raise UgyldigSak([Feil(gjort, None, "forelderen er ikke et objekt")])
    if verdi is None:
        forelder.pop(siste, None)
    else:
        forelder[siste] = verdi


# --- what changed ----------------------------------------------------------------------------


@frozen
class Forskjell:
    """One thing that differs between two assessments.

    ``felt`` is ``vurdert`` (the area was assessed or not), ``utfall``, ``mangler``, an output
    of the area (``belop_per_maned``, ``stonad_per_ar``, …) or ``merknad`` (a flag raised or
    gone; ``omrade`` is then None and ``fra``/``til`` is the code or None).
    """

    omrade: str | None
    felt: str
    fra: Any
    til: Any

    def tekst(
        self,
        sprak: str = "nb",
        etiketter: Mapping[str, str] | None = None,
        personer: Personer | None = None,
    ) -> str:
        """One line in words: the area's title and the field's name (``etiketter``: the
        titles of the areas by key, the names of the flags by code), the values as a
        caseworker reads them («skjønn → ikke oppfylt», «19 850 kr → 14 850 kr»), a missing
        fact by its name and each person by who they are (``personer``)."""
        etiketter = etiketter or {}
        if self.felt == "merknad":
            kode = self.til if self.til is not None else self.fra
            navn = etiketter.get(kode, kode)
            ord_ = _ORD[sprak]
            return ord_["merknad"].format(navn) + (
                ord_["ny"] if self.til is not None else ord_["borte"]
            )
        omrade = etiketter.get(self.omrade or "", self.omrade or "")
        if self.felt == "vurdert":
            ord_ = _ORD[sprak]
            return f"{omrade}: " + (ord_["vurdert"] if self.til else ord_["ikke_vurdert"])
        felt = feltnavn(self.felt, sprak)
        if _sammensatt(self.fra) or _sammensatt(self.til):  # per-stay records and the like:
            return f"{omrade}: {felt} {_ORD[sprak]['endret_felt']}"  # the working paper has them
        fra = vis_verdi(self.felt, self.fra, sprak, personer)
        til = vis_verdi(self.felt, self.til, sprak, personer)
        return f"{omrade}: {felt} {fra} → {til}"

    def to_dict(self) -> dict[str, Any]:

        def json_verdi(verdi: Any) -> Any:
            return verdi.value if isinstance(verdi, Utfall) else fakta_til_json(verdi)

        return {
            "omrade": self.omrade,
            "felt": self.felt,
            "fra": json_verdi(self.fra),
            "til": json_verdi(self.til),
        }


#: An area's outputs (and ``utfall``, ``mangler``) as the what-if text names them, in the
#: order of ``SPRAK`` (bokmål, nynorsk, English).
FELTNAVN: Mapping[str, tuple[str, str, str]] = {
    "utfall": ("utfall", "utfall", "outcome"),
    "mangler": ("manglende opplysninger", "manglande opplysningar", "missing facts"),
    "belop_per_maned": ("beløp per måned", "beløp per månad", "amount per month"),
    "engangsutgifter": ("engangsutgifter", "eingongsutgifter", "one-off expenses"),
    "stonad_per_ar": ("stønad per år", "stønad per år", "benefit per year"),
    "dagsats": ("dagsats", "dagsats", "daily rate"),
    "grunnbelop": ("grunnbeløp (G)", "grunnbeløp (G)", "basic amount (G)"),
    "faktor_g": ("faktor av G", "faktor av G", "factor of G"),
    "full_sats_fra": ("full sats fra", "full sats frå", "full rate from"),
    "barnetillegg_per_dag": (
        "barnetillegg per dag",
        "barnetillegg per dag",
        "child supplement per day",
    ),
    "barnetillegg_per_barn_per_dag": (
        "barnetillegg per barn per dag",
        "barnetillegg per barn per dag",
        "child supplement per child per day",
    ),
    "barnetillegg_per_ar": (
        "barnetillegg per år",
        "barnetillegg per år",
        "child supplement per year",
    ),
    "reduksjon_per_ar": ("reduksjon per år", "reduksjon per år", "reduction per year"),
    "stonad_etter_reduksjon_per_ar": (
        "stønad etter reduksjon per år",
        "stønad etter reduksjon per år",
        "benefit after reduction",
    ),
    "trekk_fravaer": ("trekk for fravær", "trekk for fråvær", "deduction for absence"),
    "beregnet_behov_per_maned": (
        "beregnet behov per måned",
        "berekna behov per månad",
        "computed need per month",
    ),
    "engangsstonad": ("engangsstønad", "eingongsstønad", "one-off support"),
    "engangsstonad_fra": ("engangsstønad fra", "eingongsstønad frå", "one-off support from"),
    "engangsstonad_til": ("engangsstønad til", "eingongsstønad til", "one-off support to"),
    "formue_dekker_maneder": (
        "måneder formuen dekker",
        "månader formuen dekkjer",
        "months the assets cover",
    ),
    "radgivningsvurdering": (
        "vurdering av hvert registrerte råd",
        "vurdering av kvart registrerte råd",
        "assessment of each advice record",
    ),
    "personer": ("personer", "personar", "persons"),
    "opphold": ("opphold", "opphald", "stays"),
}
#: «beregnet …»: a refusal's computed figure (areas.base.BEREGNET), in the order of ``SPRAK``.
_BEREGNET = ("beregnet", "berekna", "computed")

#: The what-if texts' own words.
_ORD: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "merknad": "Merknad «{}»: ",
        "ny": "ny",
        "borte": "borte",
        "vurdert": "nå vurdert",
        "ikke_vurdert": "ikke lenger vurdert",
        "ja": "ja",
        "nei": "nei",
        "endret": "Endret i en kopi av saken (saken selv er uendret): ",
        "uendret": "Ingen endring: saken har allerede ",
        "ingen_endring": "Ingen endring oppgitt.",
        "ingen_forskjell": "Ingen endring i utfall, beløp eller merknader.",
        "fjernet": "fjernet",
        "endret_felt": "endret",
        "satser": "Satsene kan være utdaterte eller ikke bekreftet for datoen",
        "grense": "{omrade}: beløpet blir 0 når {inntekt} er {verdi}; medregnet inntekt i alt "
        "{medregnet}.",
        "under_behov": "Beløpet etter {hjemmel} blir over 0 når inntekten som regnes med, er "
        "under {grense} (nå {naa}): {forskjell} mindre gir 1 kr. Det samme gjør {forskjell} "
        "mer i godkjente utgifter som inngår i beregningen.",
        "alder": "«{tittel}» blir {regel} fra {dag}, når {person} fyller {alder} år; "
        "vedtaket blir da {utfall}.",
        "ikke_vurdert_utfall": "ikke vurdert",
    },
    "nn": {
        "merknad": "Merknad «{}»: ",
        "ny": "ny",
        "borte": "borte",
        "vurdert": "no vurdert",
        "ikke_vurdert": "ikkje lenger vurdert",
        "ja": "ja",
        "nei": "nei",
        "endret": "Endra i ein kopi av saka (saka sjølv er uendra): ",
        "uendret": "Inga endring: saka har allereie ",
        "ingen_endring": "Inga endring oppgitt.",
        "ingen_forskjell": "Inga endring i utfall, beløp eller merknader.",
        "fjernet": "fjerna",
        "endret_felt": "endra",
        "satser": "Satsane kan vere utdaterte eller ikkje stadfesta for datoen",
        "grense": "{omrade}: beløpet blir 0 når {inntekt} er {verdi}; medrekna inntekt i alt "
        "{medregnet}.",
        "under_behov": "Beløpet etter {hjemmel} blir over 0 når inntekta som blir rekna med, er "
        "under {grense} (no {naa}): {forskjell} mindre gir 1 kr. Det same gjer {forskjell} "
        "meir i godkjende utgifter som inngår i berekninga.",
        "alder": "«{tittel}» blir {regel} frå {dag}, når {person} fyller {alder} år; "
        "vedtaket blir då {utfall}.",
        "ikke_vurdert_utfall": "ikkje vurdert",
    },
    "en": {
        "merknad": "Flag «{}»: ",
        "ny": "raised",
        "borte": "gone",
        "vurdert": "now assessed",
        "ikke_vurdert": "no longer assessed",
        "ja": "yes",
        "nei": "no",
        "endret": "Changed in a copy of the case (the case itself is unchanged): ",
        "uendret": "No change: the case already has ",
        "ingen_endring": "No change given.",
        "ingen_forskjell": "No change in outcomes, amounts or flags.",
        "fjernet": "removed",
        "endret_felt": "changed",
        "satser": "The rates may be out of date or unconfirmed for the date",
        "grense": "{omrade}: the amount reaches 0 when {inntekt} is {verdi}; counted income in "
        "all {medregnet}.",
        "under_behov": "The amount under {hjemmel} is above 0 when the counted income is below "
        "{grense} (now {naa}): {forskjell} less gives NOK 1. So does {forskjell} more in accepted "
        "expenses that the calculation includes.",
        "alder": "«{tittel}» becomes {regel} from {dag}, when {person} turns {alder}; the "
        "decision is then {utfall}.",
        "ikke_vurdert_utfall": "not assessed",
    },
}
#: The rate caveat, raised by the calculation with a text of its own (lov/rates.py; records
#: written before nynorsk hold it in bokmål and English with the row's source): what-if names
#: it in a few words instead.
_SATSMERKNAD = "SATSER_KAN_VAERE_UTDATERT"
#: Outputs that are not amounts in kroner although they are numbers.
_IKKE_KRONER = frozenset({"faktor_g", "formue_dekker_maneder"})


def _sammensatt(verdi: Any) -> bool:
    """An output made of records (``opphold``: one per stay), which no line can show."""
    if isinstance(verdi, Mapping):
        return True
    return isinstance(verdi, list | tuple) and any(isinstance(v, Mapping) for v in verdi)


def feltnavn(felt: str, sprak: str = "nb") -> str:
    """An area's output in words (``belop_per_maned`` → «beløp per måned»)."""
    navn = FELTNAVN.get(felt)
    if navn is None and felt.startswith("beregnet_") and felt[9:] in FELTNAVN:
        # A refusal's computed figure (areas.base.BEREGNET): «beregnet stønad per år».
        opprinnelig = FELTNAVN[felt[9:]]
        navn = (
            f"{_BEREGNET[0]} {opprinnelig[0]}",
            f"{_BEREGNET[1]} {opprinnelig[1]}",
            f"{_BEREGNET[2]} {opprinnelig[2]}",
        )
    if navn is None:
        return felt.replace("_", " ")
    return navn[SPRAK.index(sprak)]


def utfallsord(utfall: Utfall, sprak: str = "nb") -> str:
    """An outcome in a few words («skjønn», «ikke oppfylt»): ``UTFALLSORD`` before its dash."""

    ord_ = UTFALLSORD[sprak][utfall].split(" – ")[0]
    return ord_[0].lower() + ord_[1:]


def vis_verdi(felt: str, verdi: Any, sprak: str = "nb", personer: Personer | None = None) -> str:
    """A value of an area's output as a caseworker reads it: missing facts by their names, a
    person by who they are (``personer``), never by a path or an id."""

    if verdi is None:
        return "–"
    if isinstance(verdi, Utfall):
        return utfallsord(verdi, sprak)
    if isinstance(verdi, bool):
        return _ORD[sprak]["ja" if verdi else "nei"]
    if isinstance(verdi, Decimal | int) and felt not in _IKKE_KRONER:
        return kroner(Decimal(verdi), sprak)
    if isinstance(verdi, Decimal | int):  # a factor: every digit, as the law states it
        return str(verdi) if sprak == "en" else str(verdi).replace(".", ",")
    if isinstance(verdi, date):
        return formater(verdi, sprak)
    if isinstance(verdi, tuple) and felt == "mangler":
        return ", ".join(manglertekst(str(v), sprak, personer) for v in verdi) or "–"
    if isinstance(verdi, tuple):
        return ", ".join((personer or {}).get(str(v), str(v)) for v in verdi) or "–"

    tekst = json.dumps(fakta_til_json(verdi), ensure_ascii=False, default=str)
    return tekst if len(tekst) <= 80 else tekst[:79] + "…"


def _merknadsnavn(m: Any, sprak: str, personer: Personer) -> str:
    """A flag in words: the first sentence of its text (at most 100 characters), and whom it
    concerns, by who they are in the case."""

    if m.kode == _SATSMERKNAD and m.node is None:  # a long text of its own: a few words
        return _ORD[sprak]["satser"]
    tekst = merknadstekst(m, sprak, personer).strip() or m.kode
    forste = tekst.split(". ")[0].rstrip(".")
    if len(forste) > 100:
        forste = forste[:99] + "…"
    return f"{forste} ({personer.get(m.person, m.person)})" if m.person else forste


def _merknadskoder(vurdering: Assessment) -> list[str]:
    return [f"{m.kode} ({m.person})" if m.person else m.kode for m in vurdering.merknader]


def forskjeller(for_: Assessment, etter: Assessment) -> tuple[Forskjell, ...]:
    """What differs between two assessments: per area, then the flags."""
    ut: list[Forskjell] = []
    for omrade in dict.fromkeys([*for_.vedtak, *etter.vedtak]):
        a, b = for_.vedtak.get(omrade), etter.vedtak.get(omrade)
        if a is None or b is None:
            ut.append(Forskjell(omrade, "vurdert", a is not None, b is not None))
            continue
        if a.utfall is not b.utfall:
            ut.append(Forskjell(omrade, "utfall", a.utfall, b.utfall))
        for nokkel in dict.fromkeys([*a.utdata, *b.utdata]):
            fra, til = a.utdata.get(nokkel), b.utdata.get(nokkel)
            if fra != til:
                ut.append(Forskjell(omrade, nokkel, fra, til))
        if a.mangler != b.mangler:
            ut.append(Forskjell(omrade, "mangler", a.mangler, b.mangler))
    fra_koder, til_koder = _merknadskoder(for_), _merknadskoder(etter)
    for kode in dict.fromkeys(fra_koder):
        if fra_koder.count(kode) > til_koder.count(kode):
            ut.append(Forskjell(None, "merknad", kode, None))
    for kode in dict.fromkeys(til_koder):
        if til_koder.count(kode) > fra_koder.count(kode):
            ut.append(Forskjell(None, "merknad", None, kode))
    return tuple(ut)


@frozen
class HvaOm:
    """The result of a what-if: the changes asked, the changed case, both assessments."""

    endringer: Mapping[str, Any]
    sak: Mapping[str, Any]  # the changed case, as contract JSON
    for_: Assessment
    etter: Assessment
    forskjeller: tuple[Forskjell, ...]

    def endret(self) -> dict[str, tuple[Any, Any]]:
        """The changes that change the case: ``{path: (value before, value after)}`` (a value
        absent before is None). A change to the value the case already has is not one."""
        ut = {}
        for sti, verdi in self.endringer.items():
            try:
                for_ = hent(self.for_.inndata, sti)
            except UgyldigSak:
                for_ = None
            if for_ != verdi or type(for_) is not type(verdi):
                ut[sti] = (for_, verdi)
        return ut

    def personer(self, sprak: str = "nb") -> dict[str, str]:
        """Each person as the working paper names them, by id and by place, before the change
        (a person the change adds, by the changed case)."""
        return {**personetiketter(self.etter, sprak), **personetiketter(self.for_, sprak)}

    def etiketter(self, sprak: str = "nb") -> dict[str, str]:
        """The areas' titles by key and the flags' names by code, for ``Forskjell.tekst``."""
        ut: dict[str, str] = {}
        personer = self.personer(sprak)
        for vurdering in (self.for_, self.etter):
            for navn, v in vurdering.vedtak.items():
                ut.setdefault(navn, v.tittel.get(sprak) or v.tittel.get("nb") or navn)
            for m, kode in zip(vurdering.merknader, _merknadskoder(vurdering), strict=True):
                ut.setdefault(kode, _merknadsnavn(m, sprak, personer))
        return ut

    def tekst(self, sprak: str = "nb") -> str:
        """A short account: what was changed in a copy of the case, and what that changed.

        «Endret» only when the copy differs from the case; a value the case already has is
        said to be unchanged.
        """

        ord_ = _ORD[sprak]
        personer = self.personer(sprak)
        inndata = self.for_.inndata
        endret = self.endret()
        uendret = [sti for sti in self.endringer if sti not in endret]
        linjer = []
        if endret:
            linjer.append(
                ord_["endret"]
                + "; ".join(
                    endringsnavn(sti, a, b, inndata, sprak, personer)
                    for sti, (a, b) in endret.items()
                )
            )
        if uendret:
            linjer.append(
                ord_["uendret"]
                + "; ".join(
                    f"{stinavn(les_sti(sti), inndata, sprak, personer)} "
                    f"{verdinavn(les_sti(sti), self.endringer[sti], inndata, sprak, personer)}"
                    for sti in uendret
                )
            )
        if not self.endringer:
            linjer.append(ord_["ingen_endring"])
        if not self.forskjeller:
            linjer.append(ord_["ingen_forskjell"])
        etiketter = self.etiketter(sprak)
        linjer += [f"  {f.tekst(sprak, etiketter, personer)}" for f in self.forskjeller]
        return "\n".join(linjer)

    def to_dict(self) -> dict[str, Any]:
        return {
            "endringer": dict(self.endringer),
            "forskjeller": [f.to_dict() for f in self.forskjeller],
            "etter": self.etter.to_dict(),
        }


def endringsnavn(
    sti: str, fra: Any, til: Any, inndata: Mapping[str, Any], sprak: str, personer: Personer
) -> str:
    """One change of the case in words: «beløp per måned (inntekten «Arbeidsinntekt») 9 000 kr
    → 4 000 kr», «en ny inntekt «Annen» på 100 kr (søkeren)», «boutgiften «Strøm» på 900 kr
    fjernet»; never the path itself (the JSON output keeps that)."""
    steg = les_sti(sti)
    if fra is None and isinstance(til, Mapping):  # a new line: it names itself
        return verdinavn(steg, til, inndata, sprak, personer)
    navn = stinavn(steg, inndata, sprak, personer)
    if til is None:
        return f"{navn} {_ORD[sprak]['fjernet']}"
    return (
        f"{navn} {verdinavn(steg, fra, inndata, sprak, personer)} → "
        f"{verdinavn(steg, til, inndata, sprak, personer)}"
    )


def endringstekst(vurdering: Assessment, endringer: Mapping[str, Any], sprak: str = "nb") -> str:
    """Changes to an assessed case (``Forslag.endringer``, a what-if's) in words, «; » between
    them: what a caseworker reads where a case system reads the paths."""
    personer = personetiketter(vurdering, sprak)
    ut = []
    for sti, til in endringer.items():
        try:
            fra = hent(vurdering.inndata, sti)
        except UgyldigSak:
            fra = None
        ut.append(endringsnavn(sti, fra, til, vurdering.inndata, sprak, personer))
    return "; ".join(ut)


def hva_om(
    vurdering: Assessment,
    endringer: Mapping[str, Any] | Iterable[tuple[str, Any]],
    *,
    regler: Regelbok | None = None,
) -> HvaOm:
    """Assess a changed copy of the assessed case (on its date, unless the changes move it).

    Raises ``UgyldigSak`` when a path cannot be followed or the changed case is rejected.
    ``regler``: the rulebook to use (the assessment does not keep one); default the shipped.
    """

    endringer = dict(endringer.items() if isinstance(endringer, Mapping) else endringer)
    ny = endre(vurdering.inndata, endringer)
    etter = vurder(ny, regler=regler)
    return HvaOm(endringer, ny, vurdering, etter, forskjeller(vurdering, etter))


# --- the income at which the § 18 amount reaches 0 ---------------------------------------------

_INNTEKTSINDEKS = re.compile(r"inntekter\[([0-9]+)\]")
EN_KRONE = Decimal(1)


@frozen
class Inntektsgrense:
    """Where the amount of an area reaches 0 as one income line grows, or would rise above 0.

    ``sti``: the income line's amount (``inntekter[i].belop_per_maned``); ``verdi``: the value
    at the threshold; ``naa``: its value now (None when the line would be new); ``endringer``:
    the change to make (a new line when the case has no counted income); ``medregnet_grense``:
    the total counted income at the threshold; ``bekreftet``: an assessment with the change
    gave what was claimed; ``metode``: ``beregning`` (the calculation's lines) or
    ``halvering`` (a bisection on ``assess``, when the lines did not predict it). For the
    text, per language: ``tittel``, the area's title; ``inntekt``, the income line as a
    person reads it («inntekten «Arbeidsinntekt» på 9 000 kr», «en ny inntekt
    «Arbeidsinntekt» (søkeren)»), never its path.
    """

    omrade: str
    sti: str
    verdi: Decimal
    naa: Decimal | None
    medregnet_grense: Decimal
    endringer: Mapping[str, Any]
    bekreftet: bool
    metode: str
    tittel: Mapping[str, str] = {}
    inntekt: Mapping[str, str] = {}

    def tekst(self, sprak: str = "nb") -> str:
        return _ORD[sprak]["grense"].format(
            omrade=self.tittel.get(sprak) or self.tittel.get("nb") or self.omrade,
            inntekt=self.inntekt.get(sprak) or self.inntekt.get("nb") or self.sti,
            verdi=kroner(self.verdi, sprak),
            medregnet=kroner(self.medregnet_grense, sprak),
        )


def _medregnede(vedtak: Vedtak) -> list[tuple[int, Decimal]]:
    """Counted income lines as (index in ``inntekter``, amount), largest first."""
    ut = []
    for linje in vedtak.beregning or ():
        if not linje.post.startswith("inntekt_") or linje.medregnet is not True:
            continue
        treff = _INNTEKTSINDEKS.search(linje.node_id or "")
        if treff and linje.grunnlag is not None:
            ut.append((int(treff.group(1)), linje.grunnlag))
    return sorted(ut, key=lambda t: -t[1])


def _behov(vedtak: Vedtak) -> Decimal:
    """The needs in the calculation: every line except counted income (rates, housing, …)."""
    return sum(
        (
            linje.belop
            for linje in vedtak.beregning or ()
            if not (linje.post.startswith("inntekt_") and linje.medregnet is True)
        ),
        Decimal(0),
    )


def _belop(vurdering: Assessment, omrade: str) -> Decimal | None:
    vedtak = vurdering.vedtak.get(omrade)
    return vedtak.beregnet_behov_per_maned if vedtak is not None else None


def break_even(
    vurdering: Assessment, omrade: str = "livsopphold", *, regler: Regelbok | None = None
) -> Inntektsgrense | None:
    """The income at which the area's monthly amount reaches 0 (for § 18: needs − income).

    From the calculation: the needs are the sum of every line that is not counted income; the
    amount reaches 0 when the counted income equals them. The largest counted income line is
    raised by the amount (or, with no counted income, an ``arbeidsinntekt`` line for the
    applicant is added), and the claim is checked by assessing it: the amount is 0 there and
    above 0 one krone below. If the lines did not predict it (a calculation that is not plain
    addition), a bisection on ``assess`` finds it instead. None when the amount cannot be
    computed or is already 0.
    """
    vedtak = vurdering.vedtak.get(omrade)
    if vedtak is None or vedtak.beregning is None:
        return None
    belop = vedtak.beregnet_behov_per_maned  # a refusal's computed amount too
    if belop is None or belop <= 0:
        return None
    linjer = _medregnede(vedtak)
    medregnet = sum((b for _, b in linjer), Decimal(0))
    if linjer:
        indeks, naa = linjer[0]
        sti = f"inntekter[{indeks}].belop_per_maned"

        def endring(verdi: Decimal) -> dict[str, Any]:
            return {sti: tall_til_json(verdi)}

        start: Decimal | None = naa
    else:
        inntekter = vurdering.inndata.get("inntekter") or []
        indeks = len(inntekter)
        sti = f"inntekter[{indeks}].belop_per_maned"
        soker = next(p["id"] for p in vurdering.inndata["personer"] if p["rolle"] == "soker")

        def endring(verdi: Decimal) -> dict[str, Any]:
            return {
                f"inntekter[{indeks}]": {
                    "person": soker,
                    "type": "arbeidsinntekt",
                    "belop_per_maned": tall_til_json(verdi),
                }
            }

        start, naa = Decimal(0), None
    assert start is not None
    verdi = start + belop  # the calculation: the amount falls krone for krone with the income
    grense = medregnet + belop

    def belop_med(v: Decimal) -> Decimal | None:
        try:
            return _belop(hva_om(vurdering, endring(v), regler=regler).etter, omrade)
        except UgyldigSak:
            return None

    tittel = {
        sprak: vedtak.tittel.get(sprak) or vedtak.tittel.get("nb") or omrade for sprak in SPRAK
    }
    inntekt = {}
    for sprak in SPRAK:
        personer = personetiketter(vurdering, sprak)
        ny = endring(start)
        inntekt[sprak] = elementnavn(
            vurdering.inndata,
            "inntekter",
            indeks,
            sprak,
            personer,
            med_belop=naa is not None,
            element=ny.get(f"inntekter[{indeks}]"),
        )

    ved, under = belop_med(verdi), belop_med(verdi - EN_KRONE)
    if ved == 0 and under is not None and under > 0:
        return Inntektsgrense(
            omrade, sti, verdi, naa, grense, endring(verdi), True, "beregning", tittel, inntekt
        )
    # The lines did not predict it: bisect on assess (the amount never rises with income).
    lav, hoy = start, max(verdi, start + EN_KRONE)
    for _ in range(64):
        hoyt = belop_med(hoy)
        if hoyt is not None and hoyt == 0:
            break
        hoy *= 2
    else:
        return None
    while hoy - lav > EN_KRONE:
        midt = ((lav + hoy) / 2).to_integral_value()
        midt_belop = belop_med(midt)
        if midt_belop is not None and midt_belop == 0:
            hoy = midt
        else:
            lav = midt
    return Inntektsgrense(
        omrade,
        sti,
        hoy,
        naa,
        medregnet + (hoy - start),
        endring(hoy),
        True,
        "halvering",
        tittel,
        inntekt,
    )


# --- why not ---------------------------------------------------------------------------------


@frozen
class Forslag:
    """A change of the facts that would turn an ``ikke_oppfylt`` decision, checked by assessing.

    ``regel``: the failed rule it answers (None for the calculation); ``tekst``: nb, nn, en;
    ``endringer``: the change as contract paths and values; ``utfall_etter``: the decision's
    outcome with the change; ``bekreftet``: the assessment with the change gave another
    outcome than ``ikke_oppfylt``.
    """

    omrade: str
    regel: str | None
    tekst: Mapping[str, str]
    endringer: Mapping[str, Any]
    utfall_etter: Utfall | None
    bekreftet: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "omrade": self.omrade,
            "regel": self.regel,
            "tekst": dict(self.tekst),
            "endringer": dict(self.endringer),
            "utfall_etter": self.utfall_etter.value if self.utfall_etter else None,
            "bekreftet": self.bekreftet,
        }


def why_not(vurdering: Assessment, *, regler: Regelbok | None = None) -> tuple[Forslag, ...]:
    """For each ``ikke_oppfylt`` decision, the smallest changes that would turn it.

    Only where the rule makes it computable, and each checked by assessing the changed case:

    * an amount of 0 (§ 18): the counted income must fall below the needs in the calculation's
      lines; the change lowers the largest counted income lines by the excess plus 1 krone;
    * a failed rule comparing an age with a number (``soker.alder >= 18``, ``kvp.alder >= 18
      og kvp.alder < 67``): the first later date on which a person in the case reaches the
      age that turns the rule (their birthday), as a change of ``vurderingsdato``.
    """
    ut: list[Forslag] = []
    for omrade, vedtak in vurdering.vedtak.items():
        if vedtak.utfall is not Utfall.IKKE_OPPFYLT:
            continue
        forslag = _inntekt_under_behov(vurdering, omrade, vedtak, regler)
        if forslag is not None:
            ut.append(forslag)
        ut.extend(_aldersdatoer(vurdering, omrade, vedtak, regler))
    return tuple(ut)


def _prov(
    vurdering: Assessment, omrade: str, endringer: Mapping[str, Any], regler: Regelbok | None
) -> tuple[Utfall | None, Assessment | None]:
    try:
        etter = hva_om(vurdering, endringer, regler=regler).etter
    except UgyldigSak:
        return None, None
    vedtak = etter.vedtak.get(omrade)
    return (vedtak.utfall if vedtak else None), etter


def _inntekt_under_behov(
    vurdering: Assessment, omrade: str, vedtak: Vedtak, regler: Regelbok | None
) -> Forslag | None:

    if vedtak.beregning is None or vedtak.beregnet_behov_per_maned != 0:
        return None
    linjer = _medregnede(vedtak)
    if not linjer:
        return None
    behov = _behov(vedtak)
    medregnet = sum((b for _, b in linjer), Decimal(0))
    rest = medregnet - behov + EN_KRONE  # lower the counted income by this, to 1 krone short
    if behov <= 0:
        return None
    endringer: dict[str, Any] = {}
    for indeks, belop in linjer:
        if rest <= 0:
            break
        kutt = min(belop, rest)
        endringer[f"inntekter[{indeks}].belop_per_maned"] = tall_til_json(belop - kutt)
        rest -= kutt
    utfall, _ = _prov(vurdering, omrade, endringer, regler)
    bekreftet = utfall is not None and utfall is not Utfall.IKKE_OPPFYLT
    grense = behov
    tekst = {
        sprak: _ORD[sprak]["under_behov"].format(
            hjemmel=vedtak_hjemmel(vedtak, sprak),
            grense=kroner(grense, sprak),
            naa=kroner(medregnet, sprak),
            forskjell=kroner(medregnet - grense + EN_KRONE, sprak),
        )
        for sprak in SPRAK
    }
    return Forslag(omrade, None, tekst, endringer, utfall, bekreftet)


def vedtak_hjemmel(vedtak: Vedtak, sprak: str) -> str:
    return "; ".join(h.tekst(sprak) for h in vedtak.hjemmel) or vedtak.omrade


_ALDERSVILKAR = re.compile(r"([A-Za-z_][\w.]*alder\w*)\s*(>=|>|<=|<)\s*([0-9]+)")


def innerste_feilede(vedtak: Vedtak) -> list[Node]:
    """The innermost failed rule nodes under the main rule: they say why."""
    ut = []
    for node in vedtak.hovednode().noder():
        if node.regel is None or node.utfall is not Utfall.IKKE_OPPFYLT or node.rolle == "unntak":
            continue
        if any(
            d is not node and d.regel and d.rolle != "unntak" and d.utfall is Utfall.IKKE_OPPFYLT
            for d in node.noder()
        ):
            continue
        ut.append(node)
    return ut


def _fodselsdag(fodt: date, alder: int) -> date:
    """The day a person born ``fodt`` turns ``alder`` (29 February: 1 March in other years)."""
    try:
        return fodt.replace(year=fodt.year + alder)
    except ValueError:
        return date(fodt.year + alder, 3, 1)


def _aldersdatoer(
    vurdering: Assessment, omrade: str, vedtak: Vedtak, regler: Regelbok | None
) -> list[Forslag]:

    dato = vurdering.vurderingsdato
    personer = [
        (i, p, date.fromisoformat(p["fodselsdato"]))
        for i, p in enumerate(vurdering.inndata.get("personer") or [])
        if isinstance(p.get("fodselsdato"), str)
    ]
    ut: list[Forslag] = []
    etiketter = {sprak: personetiketter(vurdering, sprak) for sprak in SPRAK}
    for node in innerste_feilede(vedtak):
        kandidater: dict[date, tuple[int, int]] = {}
        for leaf in node.noder():
            for fakta_navn, op, tall in _ALDERSVILKAR.findall(leaf.uttrykk or ""):
                grense = int(tall) + (1 if op == ">" else 0)
                if op not in (">=", ">"):
                    continue  # nobody grows younger: only a later birthday can turn it
                naa = leaf.fakta.get(fakta_navn)
                for i, _p, fodt in personer:
                    if isinstance(naa, int) and alder(fodt, dato) != naa:
                        continue  # not the person the fact is about
                    dag = _fodselsdag(fodt, grense)
                    if dag > dato:
                        kandidater.setdefault(dag, (i, grense))
        for dag in sorted(kandidater):
            i, grense = kandidater[dag]
            endringer = {"vurderingsdato": dag.isoformat()}
            utfall, etter = _prov(vurdering, omrade, endringer, regler)
            regel_etter = None
            if etter is not None and omrade in etter.vedtak:
                funnet = etter.vedtak[omrade].node.finn(node.id)
                regel_etter = funnet.utfall if funnet is not None else None
            if regel_etter is None or regel_etter is Utfall.IKKE_OPPFYLT:
                continue
            assert node.regel is not None
            tittel = node.regel.tittel
            ut.append(
                Forslag(
                    omrade,
                    node.regel.id,
                    {
                        sprak: _ORD[sprak]["alder"].format(
                            tittel=tittel.get(sprak) or tittel["nb"],
                            regel=utfallsord(regel_etter, sprak),
                            dag=formater(dag, sprak),
                            person=etiketter[sprak][f"personer[{i}]"],
                            alder=grense,
                            utfall=utfallsord(utfall, sprak)
                            if utfall
                            else _ORD[sprak]["ikke_vurdert_utfall"],
                        )
                        for sprak in SPRAK
                    },
                    endringer,
                    utfall,
                    utfall is not None and utfall is not Utfall.IKKE_OPPFYLT,
                )
            )
            break  # the first such date is the smallest change
    return ut


#: The names before the public API took one convention (see ``sosialregler.__doc__``).
hvorfor_ikke = why_not
inntekt_ved_null = break_even
