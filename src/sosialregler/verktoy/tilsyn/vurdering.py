"""Each audit point's logic: read one assessment, answer oppfylt / brudd / ikke_relevant / uavklart.

The law an audit point rests on is decided once, by the areas and their rules: this module reads
their decisions (``Assessment.vedtak``) and flags (``Assessment.merknader``) — § 17 advice without a
decision, § 18's individual assessment and children, § 20 and § 20 a, § 27's three months and
children, § 28's right to a plan, long-term status — and adds only what an audit asks beyond
them, from the facts of ``tilsynsfakta``. Texts are in ``rules/tilsyn/malepunkter.toml``; each
``Funn`` carries reason codes with their values, the evidence it used (a JSON path, a decision
or a flag, and its value) and, when unresolved, exactly the missing fields.

No number that is law lives here: the only arithmetic is counting days between dates and
halving a programme's period («halvveis», forskrift § 1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from attrs import frozen

from ...inndata.facts import Sak
from ...inndata.tilsynsfakta import SIGNALER
from ...lov.outcome import Utfall
from ...utdata.assessment import Assessment, Vedtak

OPPFYLT, BRUDD, UAVKLART, IKKE_RELEVANT = "oppfylt", "brudd", "uavklart", "ikke_relevant"


@frozen
class Grunn:
    """Why: a reason code (a text in the rule file) and the values its text names."""

    kode: str
    verdier: tuple[tuple[str, str | tuple[str, ...]], ...] = ()  # a list: codes, in words

    def to_dict(self) -> dict[str, Any]:
        return {
            "kode": self.kode,
            **{k: list(v) if isinstance(v, tuple) else v for k, v in self.verdier},
        }


@frozen
class Funn:
    """One audit point's answer for one case."""

    malepunkt: str
    utfall: str
    grunner: tuple[Grunn, ...] = ()
    bevis: tuple[tuple[str, Any], ...] = ()  # (where: JSON path, vedtak.X or merknad.X; value)
    mangler: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "malepunkt": self.malepunkt,
            "utfall": self.utfall,
            "grunner": [g.to_dict() for g in self.grunner],
            "bevis": [{"felt": f, "verdi": v} for f, v in self.bevis],
            "mangler": list(self.mangler),
        }


def _g(kode: str, **verdier: Any) -> Grunn:
    return Grunn(kode, tuple((k, _vis(v)) for k, v in verdier.items()))


def _vis(verdi: Any) -> str | tuple[str, ...]:
    if isinstance(verdi, date):
        return verdi.strftime("%d.%m.%Y")
    if isinstance(verdi, list | tuple):
        return tuple(str(v) for v in verdi)
    return str(verdi)


def _json(verdi: Any) -> Any:
    """Evidence values as JSON: dates as ISO text, tuples as lists, classes as their fields."""
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, tuple | list):
        return [_json(v) for v in verdi]
    if hasattr(verdi, "__attrs_attrs__"):
        return {
            a.name: _json(getattr(verdi, a.name))
            for a in verdi.__attrs_attrs__
            if getattr(verdi, a.name) is not None
        }
    return verdi


class _Bygger:
    """Collects one point's reasons, evidence and missing facts, then decides its outcome."""

    def __init__(self, malepunkt: str) -> None:
        self.malepunkt = malepunkt
        self.brudd: list[Grunn] = []
        self.ok: list[Grunn] = []
        self.bevis: list[tuple[str, Any]] = []
        self.mangler: list[str] = []

    def se(self, felt: str, verdi: Any) -> None:
        self.bevis.append((felt, _json(verdi)))

    def mangel(self, felt: str) -> None:
        if felt not in self.mangler:
            self.mangler.append(felt)

    def svar(self) -> Funn:
        """Any breach decides; else a missing fact leaves it unresolved; else met."""
        if self.brudd:
            utfall, grunner = BRUDD, self.brudd
        elif self.mangler:
            utfall, grunner = UAVKLART, self.ok
        else:
            utfall, grunner = OPPFYLT, self.ok
        return Funn(
            self.malepunkt,
            utfall,
            tuple(grunner),
            tuple(self.bevis),
            tuple(self.mangler) if utfall == UAVKLART else (),
        )

    def ikke_relevant(self, kode: str) -> Funn:
        return Funn(self.malepunkt, IKKE_RELEVANT, (_g(kode),), tuple(self.bevis))

    def uavklart(self, *mangler: str) -> Funn:
        for m in mangler:
            self.mangel(m)
        return Funn(self.malepunkt, UAVKLART, (), tuple(self.bevis), tuple(self.mangler))


def _flagg(a: Assessment, *koder: str) -> list[Any]:
    return [m for m in a.merknader if m.kode in koder]


def _mangler_i(v: Vedtak, omrade: str) -> tuple[str, ...]:
    """What a decision lacks; a question put to the caseworker (skjønn) is named as such."""
    if v.mangler:
        return tuple(v.mangler)
    return (f"vedtak.{omrade} ({v.utfall.value})",)


# --- 1 ------------------------------------------------------------------------------------------


def familie_oppfolging(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("familie-oppfolging")
    barn = [(i, p) for i, p in enumerate(sak.personer) if p.rolle == "barn"]
    if not barn:
        b.se("personer[].rolle", sorted({p.rolle for p in sak.personer}))
        return b.ikke_relevant("ingen_barn")
    for i, p in barn:
        b.se(f"personer[{i}].rolle", p.rolle)
    for i, s in enumerate(sak.oppfolgingssamtaler or ()):
        b.se(f"oppfolgingssamtaler[{i}]", s)
        b.ok.append(_g("samtale", dato=s.dato, initiativ=s.initiativ or "–"))
    for i, sam in enumerate(sak.samarbeid or ()):
        b.se(f"samarbeid[{i}]", sam)
        b.ok.append(_g("samarbeid", tjeneste=sam.tjeneste))
    uklare = []
    for i, r in enumerate(sak.radgivning or ()):
        if r.vedtak_fattet is True:
            b.se(f"radgivning[{i}].vedtak_fattet", True)
            b.ok.append(_g("vedtak_17", dato=r.dato))
        elif r.vedtak_fattet is None:
            uklare.append(f"radgivning[{i}].vedtak_fattet")
    if b.ok:
        return b.svar()
    for felt in ("oppfolgingssamtaler", "samarbeid", "radgivning"):
        verdi = getattr(sak, felt)
        if verdi is None:
            b.mangel(felt)
        else:
            b.se(felt, verdi if felt == "radgivning" else [])
    for felt in uklare:
        b.mangel(felt)
    if not b.mangler:
        b.brudd.append(_g("ingen_oppfolging"))
    return b.svar()


# --- 2 ------------------------------------------------------------------------------------------


def radgivning_vedtak(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("radgivning-vedtak")
    if sak.radgivning is None:
        return b.uavklart("radgivning")
    individuelle = [(i, r) for i, r in enumerate(sak.radgivning) if r.type != "generell_veiledning"]
    if not individuelle:
        b.se("radgivning", sak.radgivning)
        return b.ikke_relevant("bare_generell")
    v = a.vedtak.get("opplysning_rad_veiledning")  # assessed whenever radgivning[] is not empty
    if v is None:  # another rules folder without the § 17 area
        return b.uavklart("vedtak.opplysning_rad_veiledning")
    b.se("vedtak.opplysning_rad_veiledning", v.utfall.value)
    if v.utfall is Utfall.IKKE_OPPFYLT:
        for m in _flagg(a, "RADGIVNING_UTEN_VEDTAK"):
            b.se("merknad", m.kode)
            break
        for i, r in individuelle:
            if r.vedtak_fattet is False:
                b.se(f"radgivning[{i}]", r)
                b.brudd.append(_g("uten_vedtak", dato=r.dato, type=r.type))
        return b.svar()
    if v.utfall is Utfall.OPPFYLT:
        b.ok.append(_g("med_vedtak", antall=len(individuelle)))
        return b.svar()
    return b.uavklart(*_mangler_i(v, "opplysning_rad_veiledning"))


# --- 3 ------------------------------------------------------------------------------------------

_OKONOMISK = ("okonomisk_radgivning", "gjeldsradgivning")


def forebygging_gjeld(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("forebygging-gjeld")
    gs = sak.gjeldssignaler
    if gs is None:
        return b.uavklart("gjeldssignaler")
    signaler = [s for s in SIGNALER if getattr(gs, s) is True]
    if not signaler:
        ukjente = [s for s in SIGNALER if getattr(gs, s) is None]
        b.se("gjeldssignaler", gs)
        if ukjente:
            return b.uavklart(*(f"gjeldssignaler.{s}" for s in ukjente))
        return b.ikke_relevant("ingen_signaler")
    for s in signaler:
        b.se(f"gjeldssignaler.{s}", True)
    tekst = tuple(signaler)
    if sak.radgivning is None:
        if gs.radgivning_avslatt is True:
            b.se("gjeldssignaler.radgivning_avslatt", True)
            b.ok.append(_g("avslatt"))
            return b.svar()
        return b.uavklart("radgivning")
    okonomiske = [(i, r) for i, r in enumerate(sak.radgivning) if r.type in _OKONOMISK]
    vedtatt = [(i, r) for i, r in okonomiske if r.vedtak_fattet is True]
    if vedtatt:
        i, r = vedtatt[0]
        b.se(f"radgivning[{i}]", r)
        b.ok.append(_g("radgivning_vedtatt", dato=r.dato))
    elif gs.radgivning_avslatt is True:
        b.se("gjeldssignaler.radgivning_avslatt", True)
        b.ok.append(_g("avslatt"))
    elif any(r.vedtak_fattet is None for _, r in okonomiske):
        for i, r in okonomiske:
            if r.vedtak_fattet is None:
                b.mangel(f"radgivning[{i}].vedtak_fattet")
    elif okonomiske:
        for i, r in okonomiske:
            b.se(f"radgivning[{i}]", r)
        b.brudd.append(_g("uten_vedtak", signaler=tekst))
    else:
        b.se("radgivning", sak.radgivning)
        if gs.radgivning_avslatt is None:
            b.se("gjeldssignaler.radgivning_avslatt", None)
        b.brudd.append(_g("ikke_tilbudt", signaler=tekst))
    return b.svar()


# --- 4 ------------------------------------------------------------------------------------------


def individuell_vurdering(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("individuell-vurdering")
    if "livsopphold" not in a.vedtak:
        return b.ikke_relevant("ikke_vurdert_18")
    b.se("vedtak.livsopphold", a.vedtak["livsopphold"].utfall.value)
    flagg = {
        m.kode: m for m in _flagg(a, "MANGLER_INDIVIDUELL_VURDERING", "BARNS_BEHOV_IKKE_VURDERT")
    }
    if "MANGLER_INDIVIDUELL_VURDERING" in flagg:
        b.se("merknad", "MANGLER_INDIVIDUELL_VURDERING")
        b.brudd.append(_g("ingen_vurdering"))
    v18 = sak.vurdering_18
    if v18 is None:
        if "MANGLER_INDIVIDUELL_VURDERING" not in flagg:
            b.mangel("vurdering_18")
    else:
        if v18.kun_veiledende_sats is True:
            b.se("vurdering_18.kun_veiledende_sats", True)
            b.brudd.append(_g("kun_sats"))
        elif v18.kun_veiledende_sats is None:
            b.mangel("vurdering_18.kun_veiledende_sats")
        if v18.forhold is None:
            b.mangel("vurdering_18.forhold")
        elif not v18.forhold:
            b.se("vurdering_18.forhold", [])
            b.brudd.append(_g("ingen_forhold"))
        else:
            b.se("vurdering_18.forhold", v18.forhold)
            b.ok.append(_g("vurdert", forhold=v18.forhold))
    behov = {bb.person: (j, bb) for j, bb in enumerate(sak.barns_behov or ())}
    barn_ikke_vurdert = flagg.get("BARNS_BEHOV_IKKE_VURDERT")
    for p in sak.personer:
        if p.rolle != "barn":
            continue
        if p.id not in behov:
            if (
                barn_ikke_vurdert is not None
                and barn_ikke_vurdert.node is not None
                and barn_ikke_vurdert.node.utfall is Utfall.IKKE_OPPFYLT
            ):
                b.se("barns_behov_vurdert", sak.barns_behov_vurdert)
                b.brudd.append(_g("barn_ikke_kartlagt", person=p.id))
            else:
                b.mangel(f"barns_behov (person {p.id})")
            continue
        j, bb = behov[p.id]
        if bb.forhold is None:
            b.mangel(f"barns_behov[{j}].forhold")
        elif not bb.forhold:
            b.se(f"barns_behov[{j}].forhold", [])
            b.brudd.append(_g("barn_ikke_kartlagt", person=p.id))
            continue
        if bb.vektlagt is False:
            b.se(f"barns_behov[{j}].vektlagt", False)
            b.brudd.append(_g("barn_ikke_vektlagt", person=p.id))
        elif bb.vektlagt is None:
            b.mangel(f"barns_behov[{j}].vektlagt")
        elif bb.forhold:
            b.se(f"barns_behov[{j}]", bb)
            b.ok.append(_g("barn_vurdert", person=p.id, forhold=bb.forhold))
    return b.svar()


# --- 5 ------------------------------------------------------------------------------------------

_VILKARSFLAGG = {
    "VILKAR_KAN_VAERE_ULOVLIG": "vilkar_ulovlig",
    "VILKAR_UTEN_VARSEL_OM_REDUKSJON": "vilkar_uten_varsel",
    "AKTIVITETSVILKAR_MANGLER": "aktivitetsvilkar_mangler",
    "REDUKSJON_UTEN_VARSEL": "reduksjon_uten_varsel",
    "REDUKSJON_UNDER_NODHJELP": "reduksjon_under_nodhjelp",
}
_VILKARSOMRADER = ("vilkar", "aktivitetsplikt", "reduksjon")


def vilkar(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("vilkar")
    omrader = [(o, a.vedtak[o]) for o in _VILKARSOMRADER if o in a.vedtak]
    if not omrader:
        return b.ikke_relevant("ingen_vilkar")
    for o, v in omrader:
        b.se(f"vedtak.{o}", v.utfall.value)
    sett: set[str] = set()
    for m in _flagg(a, *_VILKARSFLAGG):
        if m.kode not in sett:
            sett.add(m.kode)
            b.se("merknad", m.kode)
            b.brudd.append(_g(_VILKARSFLAGG[m.kode]))
    vv = a.vedtak.get("vilkar")
    if (
        vv is not None
        and vv.utfall is Utfall.IKKE_OPPFYLT
        and not sett & {"VILKAR_KAN_VAERE_ULOVLIG", "VILKAR_UTEN_VARSEL_OM_REDUKSJON"}
    ):
        b.brudd.append(_g("vilkar_ikke_konkret"))
    for o, v in omrader:
        if v.utfall in (Utfall.UAVKLART, Utfall.SKJONN):
            for m in _mangler_i(v, o):
                b.mangel(m)
    if not b.brudd and not b.mangler:
        b.ok.append(_g("lovlige"))
    return b.svar()


# --- 6 ------------------------------------------------------------------------------------------


def saerlige_tilfeller(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("saerlige-tilfeller")
    v18 = sak.vurdering_18
    soknad = sak.saerlige_tilfeller is not None
    behov = v18.saerlige_behov if v18 is not None else None
    if soknad:
        b.se("saerlige_tilfeller", True)
    if behov is not None:
        b.se("vurdering_18.saerlige_behov", behov)
    if not soknad and behov is not True:
        if behov is None:
            return b.uavklart("vurdering_18.saerlige_behov")
        return b.ikke_relevant("ingen_saerlige_behov")
    vurdert = v18.vurdert_etter_19 if v18 is not None else None
    if vurdert is None:
        return b.uavklart("vurdering_18.vurdert_etter_19")
    b.se("vurdering_18.vurdert_etter_19", vurdert)
    (b.ok if vurdert else b.brudd).append(_g("vurdert" if vurdert else "ikke_vurdert"))
    return b.svar()


# --- 7 ------------------------------------------------------------------------------------------

_BOTILBUDSFLAGG = {
    "BOTILBUD_OVER_TRE_MANEDER": "over_tre_maneder",
    "BARN_I_MIDLERTIDIG_BOTILBUD": "barn_i_botilbud",
}


def midlertidig_botilbud(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("midlertidig-botilbud")
    v = a.vedtak.get("midlertidig_botilbud")
    pagaende = v.node.finn("stl-27-pagaende-botilbud") if v is not None else None
    if pagaende is None or pagaende.utfall is not Utfall.OPPFYLT:
        if sak.botilbud is not None:
            b.se("botilbud.pagaende", False)
        return b.ikke_relevant("ingen_opphold")
    b.se("botilbud.pagaende", True)
    sett: set[str] = set()
    for m in _flagg(a, *_BOTILBUDSFLAGG):
        if m.kode not in sett:
            sett.add(m.kode)
            b.se("merknad", m.kode)
            b.brudd.append(_g(_BOTILBUDSFLAGG[m.kode]))
    vb = sak.varig_bolig
    if vb is None or vb.arbeid_startet is None:
        b.mangel("varig_bolig.arbeid_startet")
    elif vb.arbeid_startet is False:
        b.se("varig_bolig.arbeid_startet", False)
        b.brudd.append(_g("ingen_varig_bolig"))
    else:
        b.se("varig_bolig", vb)
        b.ok.append(_g("varig_bolig"))
    return b.svar()


# --- 8 ------------------------------------------------------------------------------------------


def individuell_plan(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("individuell-plan")
    v = a.vedtak.get("individuell_plan")
    if v is None:
        return b.uavklart("individuell_plan")
    b.se("vedtak.individuell_plan", v.utfall.value)
    if _flagg(a, "INDIVIDUELL_PLAN_IKKE_TILBUDT"):
        b.se("merknad", "INDIVIDUELL_PLAN_IKKE_TILBUDT")
        b.brudd.append(_g("ikke_tilbudt"))
        return b.svar()
    rett = v.node.finn("stl-28-rett-til-individuell-plan")
    if rett is not None and rett.utfall is Utfall.IKKE_OPPFYLT:
        return b.ikke_relevant("ikke_behov")
    if v.utfall is Utfall.OPPFYLT:
        b.ok.append(_g("tilbudt"))
        return b.svar()
    return b.uavklart(*_mangler_i(v, "individuell_plan"))


# --- 9 ------------------------------------------------------------------------------------------


def langtidsmottaker(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("langtidsmottaker")
    v = a.vedtak.get("langtidsmottaker")
    if v is None:
        return b.uavklart("maneder_med_stonad")
    b.se("vedtak.langtidsmottaker", v.utfall.value)
    if v.utfall is Utfall.IKKE_OPPFYLT:
        return b.ikke_relevant("ikke_langtid")
    if v.utfall is not Utfall.OPPFYLT:
        return b.uavklart(*_mangler_i(v, "langtidsmottaker"))
    lo = sak.langtid_oppfolging
    if sak.kvp is not None:
        b.se("kvp", True)
    elif lo is not None and lo.kvp_vurdert is not None:
        b.se("langtid_oppfolging.kvp_vurdert", lo.kvp_vurdert)
        if lo.kvp_vurdert is False:
            b.brudd.append(_g("kvp_ikke_vurdert"))
    else:
        if _flagg(a, "LANGTIDSMOTTAKER_VURDER_KVP"):
            b.se("merknad", "LANGTIDSMOTTAKER_VURDER_KVP")
        b.mangel("langtid_oppfolging.kvp_vurdert")
    medvirkning = lo.brukermedvirkning if lo is not None else None
    if medvirkning is None:
        b.mangel("langtid_oppfolging.brukermedvirkning")
    else:
        b.se("langtid_oppfolging.brukermedvirkning", medvirkning)
        if medvirkning is False:
            b.brudd.append(_g("uten_brukermedvirkning"))
    if not b.brudd:
        b.ok.append(_g("kvp_vurdert"))
    return b.svar()


# --- 10 -----------------------------------------------------------------------------------------


def lengste_opphold(start: date, slutt: date, kontakter: Iterable[date]) -> tuple[int, date]:
    """The longest stretch without contact from ``start`` to ``slutt`` (days, and where it ends).

    The programme's start counts as a contact (the plan is made with the participant); contacts
    outside the period are ignored.
    """
    punkter = sorted({start, slutt, *(k for k in kontakter if start <= k <= slutt)})
    lengst, ved = 0, start
    for fra, til in pairwise(punkter):
        if (til - fra).days > lengst:
            lengst, ved = (til - fra).days, til
    return lengst, ved


def halvveis(start: date, slutt: date) -> date:
    """The programme's midpoint: start plus half the period first granted (days rounded down)."""
    return start + timedelta(days=(slutt - start).days // 2)


def kvp_oppfolging(a: Assessment, sak: Sak, dato: date) -> Funn:
    b = _Bygger("kvp-oppfolging")
    kvp = sak.kvp
    if kvp is None or kvp.program_start is None or kvp.program_start > dato:
        return b.ikke_relevant("ikke_deltaker")
    start = kvp.program_start
    b.se("kvp.program_start", start)
    slutt = kvp.forlenget_til or kvp.program_slutt
    horisont = min(dato, slutt) if slutt is not None else dato
    ko = sak.kvp_oppfolging
    if ko is None:
        return b.uavklart("kvp_oppfolging")
    # The programme plan.
    if ko.programplan is None:
        b.mangel("kvp_oppfolging.programplan")
    elif ko.programplan is False:
        b.se("kvp_oppfolging.programplan", False)
        b.brudd.append(_g("ingen_programplan"))
    else:
        b.se("kvp_oppfolging.programplan", True)
    # Close follow-up: no stretch without contact longer than the office's own interval.
    if ko.kontaktintervall_dager is None:
        b.mangel("kvp_oppfolging.kontaktintervall_dager")
    if ko.kontakter is None:
        b.mangel("kvp_oppfolging.kontakter")
    if ko.kontaktintervall_dager is not None and ko.kontakter is not None:
        b.se("kvp_oppfolging.kontaktintervall_dager", ko.kontaktintervall_dager)
        b.se("kvp_oppfolging.kontakter", ko.kontakter)
        dager, ved = lengste_opphold(start, horisont, ko.kontakter)
        if dager > ko.kontaktintervall_dager:
            b.brudd.append(
                _g(
                    "kontakt_for_sjelden",
                    dager=dager,
                    dato=ved,
                    intervall=ko.kontaktintervall_dager,
                )
            )
    # Evaluation at the times the programme states.
    if ko.evalueringer_planlagt is None:
        b.mangel("kvp_oppfolging.evalueringer_planlagt")
    elif not ko.evalueringer_planlagt:
        b.se("kvp_oppfolging.evalueringer_planlagt", [])
        b.brudd.append(_g("ingen_evalueringstidspunkt"))
    else:
        forfalt = sorted(d for d in ko.evalueringer_planlagt if d < horisont)
        if forfalt:
            if ko.evalueringer is None:
                b.mangel("kvp_oppfolging.evalueringer")
            else:
                holdt = sum(1 for d in ko.evalueringer if d <= horisont)
                b.se("kvp_oppfolging.evalueringer_planlagt", ko.evalueringer_planlagt)
                b.se("kvp_oppfolging.evalueringer", ko.evalueringer)
                if holdt < len(forfalt):
                    b.brudd.append(_g("evaluering_mangler", dato=forfalt[holdt]))
    # Work-directed measures always from halfway (forskrift § 1).
    if kvp.program_slutt is None:
        b.mangel("kvp.program_slutt")
    else:
        midt = halvveis(start, kvp.program_slutt)
        if midt <= horisont:
            if ko.arbeidsrettede_tiltak is None:
                b.mangel("kvp_oppfolging.arbeidsrettede_tiltak")
            elif ko.arbeidsrettede_tiltak is False:
                b.se("kvp_oppfolging.arbeidsrettede_tiltak", False)
                b.brudd.append(_g("ingen_arbeidsrettet", dato=midt))
            elif ko.arbeidsrettede_tiltak_fra is not None and ko.arbeidsrettede_tiltak_fra > midt:
                b.se("kvp_oppfolging.arbeidsrettede_tiltak_fra", ko.arbeidsrettede_tiltak_fra)
                b.brudd.append(
                    _g("arbeidsrettet_for_sent", dato=midt, fra=ko.arbeidsrettede_tiltak_fra)
                )
    if not b.brudd and not b.mangler:
        b.ok.append(_g("fulgt_opp"))
    return b.svar()


#: Every flag an audit point reads as evidence (the rule file gives each a short label).
LESTE_FLAGG = frozenset(
    {
        "RADGIVNING_UTEN_VEDTAK",
        "MANGLER_INDIVIDUELL_VURDERING",
        "BARNS_BEHOV_IKKE_VURDERT",
        *_VILKARSFLAGG,
        *_BOTILBUDSFLAGG,
        "INDIVIDUELL_PLAN_IKKE_TILBUDT",
        "LANGTIDSMOTTAKER_VURDER_KVP",
    }
)

#: Each audit point's logic by its id in the rule file (``regler.les`` checks they match).
LOGIKK: dict[str, Callable[[Assessment, Sak, date], Funn]] = {
    "familie-oppfolging": familie_oppfolging,
    "radgivning-vedtak": radgivning_vedtak,
    "forebygging-gjeld": forebygging_gjeld,
    "individuell-vurdering": individuell_vurdering,
    "vilkar": vilkar,
    "saerlige-tilfeller": saerlige_tilfeller,
    "midlertidig-botilbud": midlertidig_botilbud,
    "individuell-plan": individuell_plan,
    "langtidsmottaker": langtidsmottaker,
    "kvp-oppfolging": kvp_oppfolging,
}


def vurder(a: Assessment, rekkefolge: Iterable[str]) -> tuple[Funn, ...]:
    """Every audit point for one assessed case, in the rule file's order."""
    if a.sak is None:
        raise ValueError("tilsyn trenger saken selv, ikke et gjengitt vedtaksgrunnlag")
    return tuple(LOGIKK[p](a, a.sak, a.vurderingsdato) for p in rekkefolge)
