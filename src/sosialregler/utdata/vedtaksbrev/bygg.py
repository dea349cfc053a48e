"""Build a decision letter from an assessment: what is decided, why, conditions, appeal.

Reads only what an assessment keeps (the evaluated areas and the case as contract JSON), so a
letter renders the same from a stored decision record. The order follows forvaltningsloven:
the decision first, then the reasons (§§ 24-25), conditions (sosialtjenesteloven §§ 20, 20 a),
appeal (§ 27 third ledd, §§ 29, 32) and access to the documents (§§ 18-19).

Nothing is decided here that the assessment or the caseworker did not decide: an area that is
``uavklart``, or ``skjonn`` without the caseworker's recorded conclusion
(``saksbehandler.konklusjoner``), turns the letter into a list of what to clarify first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, get_args

from ...inndata.facts import KonklusjonsOmrade
from ...lov.outcome import Utfall
from ...lov.sprak import SPRAK
from .format import belop, dato, tall
from .model import Avsnitt, Vedtaksbrev
from .tekster import FELT, LOV, OMRADER, RADER, SETNINGER, SITAT, TYPER

if TYPE_CHECKING:
    from ..assessment import Assessment, Vedtak

#: The areas a letter to the applicant speaks of: scope, and the areas a caseworker may record a
#: conclusion for (``facts.KonklusjonsOmrade``, written once there); the others (long-term
#: status, advice, individual plan) are the caseworker's and stay in the working paper.
BREVOMRADER: tuple[str, ...] = ("omfang", *get_args(KonklusjonsOmrade))

#: The section of sosialtjenesteloven each area decides under (for «{ref}» in the phrases).
_PARAGRAF = {
    "omfang": "2",
    "livsopphold": "18",
    "nodhjelp": "18",
    "saerlige_tilfeller": "19",
    "vilkar": "20",
    "reduksjon": "20",
    "aktivitetsplikt": "20 a",
    "midlertidig_botilbud": "27",
    "kvalifiseringsprogram": "29",
    "kvalifiseringsstonad": "35",
}

_LISTEINDEKS = re.compile(r"\[\d+\]")


class _Brevskriver:
    """Collects the sections and what must be clarified, for one assessment and language."""

    def __init__(self, vurdering: Assessment, sprak: str) -> None:
        if sprak not in SPRAK:
            raise ValueError(f"ukjent språk {sprak!r}; lovlige er: {', '.join(SPRAK)}")
        self.v = vurdering
        self.sprak = sprak
        self.inn: Mapping[str, Any] = vurdering.inndata
        self.sb: Mapping[str, Any] = self.inn.get("saksbehandler") or {}
        self.konklusjoner: dict[str, Mapping[str, Any]] = {
            k["omrade"]: k for k in self.sb.get("konklusjoner") or ()
        }
        self.vedtak_linjer: list[str] = []
        self.begrunnelse: list[str] = []
        self.vilkar: list[str] = []
        self.vilkar_tekst: list[str] = []
        self.vilkar_etter: list[str] = []
        self.beregning: Avsnitt | None = None
        self.avklar: list[str] = []
        self.stonad = False
        self.kvp = False

    # --- small helpers --------------------------------------------------------------------
    def s(self, nokkel: str, **verdier: Any) -> str:
        return SETNINGER[self.sprak][nokkel].format(**verdier)

    def ref(self, omrade: str, ledd: int | None = None, paragraf: str | None = None) -> str:
        """«sosialtjenesteloven § 18 tredje ledd» for an area (or ``paragraf``), in the language."""
        nokkel = f"stl_{ledd}" if ledd else "stl"
        return LOV[self.sprak][nokkel].format(p=paragraf or _PARAGRAF[omrade])

    def kr(self, verdi: Any) -> str:
        return belop(Decimal(str(verdi)), self.sprak)

    def d(self, verdi: str | date) -> str:
        return dato(date.fromisoformat(verdi) if isinstance(verdi, str) else verdi, self.sprak)

    def sitat(self, tekst: str) -> str:
        start, slutt = SITAT[self.sprak]
        return f"{start}{tekst.strip().rstrip('.')}{slutt}"

    def navn(self, omrade: str) -> str:
        return OMRADER[self.sprak][omrade]

    def type(self, nokkel: str) -> str:
        return TYPER[self.sprak].get(nokkel) or RADER[self.sprak]["annet"]

    def krev(self, omrade: str, nokkel: str, **verdier: Any) -> None:
        linje = self.s(nokkel, omrade=self.navn(omrade), **verdier)
        if linje not in self.avklar:
            self.avklar.append(linje)

    def utfall(self, omrade: str) -> str | None:
        """The area's outcome as decided: the caseworker's conclusion, or the rules' own.

        ``None`` when the area is not decided (the reason is added to ``avklar``) or absent.
        """
        vedtak = self.v.vedtak.get(omrade)
        if vedtak is None:
            return None
        konklusjon = self.konklusjoner.get(omrade)
        if vedtak.utfall is Utfall.UAVKLART:
            self._mangler(omrade, vedtak)
            return None
        if konklusjon is not None:
            if vedtak.utfall is Utfall.IKKE_OPPFYLT and konklusjon["utfall"] != "ikke_oppfylt":
                # The rules refuse where the caseworker grants: the letter takes neither side.
                self.krev(omrade, "avklar_motstrid")
                return None
            if konklusjon["utfall"] == "delvis" and (
                konklusjon.get("belop_per_maned") is None
                and konklusjon.get("belop_engangs") is None
            ):
                self.krev(omrade, "avklar_belop")
                return None
            return str(konklusjon["utfall"])
        if vedtak.utfall is Utfall.SKJONN:
            sporsmal = _sporsmal(vedtak, self.sprak)
            if sporsmal:
                for tekst in sporsmal:
                    self.krev(omrade, "avklar_sporsmal", sporsmal=tekst)
            else:
                self.krev(omrade, "avklar_skjonn")
            return None
        return vedtak.utfall.value

    def _mangler(self, omrade: str, vedtak: Vedtak) -> None:
        felt = []
        for sti in vedtak.mangler:
            deler = [d for d in _LISTEINDEKS.sub("", sti).split(".") if d]
            for del_ in reversed(deler):
                navn = FELT[self.sprak].get(del_)
                if navn:
                    felt.append(navn)
                    break
        felt = list(dict.fromkeys(felt))
        if felt:
            self.krev(omrade, "avklar_mangler", felt=", ".join(felt))
        else:
            self.krev(omrade, "avklar_mangler_uten_felt")

    def begrunn_med_konklusjon(self, omrade: str) -> None:
        konklusjon = self.konklusjoner.get(omrade)
        if konklusjon and str(konklusjon.get("begrunnelse") or "").strip():
            self.begrunnelse.append(
                self.s("b_konklusjon", sitat=self.sitat(konklusjon["begrunnelse"]))
            )

    # --- the areas ------------------------------------------------------------------------
    def omfang(self) -> None:
        self.utfall("omfang")  # only what must be clarified: the scope is not in the letter

    def livsopphold(self) -> None:
        utfall = self.utfall("livsopphold")
        vedtak = self.v.vedtak.get("livsopphold")
        if utfall is None or vedtak is None:
            return
        self.stonad = True
        konklusjon = self.konklusjoner.get("livsopphold") or {}
        veiledende = vedtak.belop_per_maned
        innvilget = konklusjon.get("belop_per_maned", veiledende)
        linjer = vedtak.beregning or ()
        self.begrunnelse.append(self.s("b_18", ref=self.ref("livsopphold")))
        if utfall == "ikke_oppfylt":
            self.vedtak_linjer.append(self.s("avslag"))
            # A refusal carries no payable amount; its computed need says whether income covers it.
            beregnet = vedtak.beregnet_behov_per_maned
            if beregnet is not None and Decimal(str(beregnet)) == 0 and not konklusjon:
                inntekt = -sum((ln.belop for ln in linjer if ln.belop < 0), Decimal(0))
                behov = sum((ln.belop for ln in linjer if ln.belop > 0), Decimal(0))
                self.begrunnelse.append(
                    self.s("b_18_dekket", inntekt=self.kr(inntekt), behov=self.kr(behov))
                )
            elif not konklusjon:
                self.krev("livsopphold", "avklar_avslag")
            self._fakta_18(linjer)
            self.begrunn_med_konklusjon("livsopphold")
            return
        fra, til = self.sb.get("periode_fra"), self.sb.get("periode_til")
        if innvilget is not None and Decimal(str(innvilget)) <= 0:
            innvilget = None  # «you get 0 kroner» is no grant: the amount must be decided
        if innvilget is None:
            self.krev("livsopphold", "avklar_belop")
        if not (fra and til):
            self.krev("livsopphold", "avklar_periode")
        if innvilget is None or not (fra and til):
            self._form_og_mottaker("livsopphold")  # says what else is missing, at once
            return
        nokkel = "delvis" if utfall == "delvis" else "innvilget"
        self.vedtak_linjer.append(
            self.s(nokkel, belop=self.kr(innvilget), fra=self.d(fra), til=self.d(til))
        )
        self._form_og_mottaker("livsopphold")
        # One paragraph on how the amount was found: only the steps this case had.
        utregning = [self.s("b_18_satser")]
        if any(ln.post.startswith("boutgift_") and ln.belop > 0 for ln in linjer):
            utregning.append(self.s("b_18_boutgifter"))
        if any(ln.post.startswith("inntekt_") and ln.belop < 0 for ln in linjer):
            utregning.append(self.s("b_18_inntekt"))
        husstand = self._husstand()
        if husstand:
            utregning.append(husstand)
        self.begrunnelse.append(" ".join(utregning))
        self._fakta_18(linjer)
        individuell = str(self.inn.get("individuell_vurdering") or "").strip()
        if individuell:
            self.begrunnelse.append(self.s("b_individuell", sitat=self.sitat(individuell)))
        self.begrunn_med_konklusjon("livsopphold")
        self.beregning = self._beregning(linjer, veiledende, innvilget)

    def _husstand(self) -> str | None:
        """Who the household is, as relied on; nothing when it has others than these."""
        roller = [p.get("rolle") for p in self.inn.get("personer") or ()]
        if set(roller) - {"soker", "ektefelle", "samboer", "barn"}:
            return None
        if roller == ["soker"]:
            return self.s("b_alene")
        hvem = [self.s("hvem_deg")]
        hvem += [self.s(f"hvem_{r}") for r in roller if r in ("ektefelle", "samboer")]
        barn = roller.count("barn")
        if barn:
            hvem.append(self.s("hvem_ett_barn") if barn == 1 else self.s("hvem_barn", n=barn))
        if len(hvem) == 1:
            return None
        liste = ", ".join(hvem[:-1]) + f" {self.s('og')} " + hvem[-1]
        return self.s("b_husstand", hvem=liste)

    def _form_og_mottaker(self, omrade: str) -> None:
        utbetaling = self.inn.get("utbetaling") or {}
        form = utbetaling.get("stonadsform")
        if form not in ("bidrag", "lan"):
            self.krev(omrade, "avklar_stonadsform", ref=self.ref(omrade, paragraf="21"))
        else:
            self.vedtak_linjer.append(self.s(form))
        mottaker = utbetaling.get("mottaker")
        if utbetaling.get("vedtak_etter_21_fjerde_ledd") is True:
            self.vedtak_linjer.append(self.s("varer_tjenester", ref=self.ref(omrade, 4, "21")))
        elif mottaker == "soker":
            self.vedtak_linjer.append(self.s("til_soker"))
        elif mottaker == "tredjepart" and utbetaling.get("samtykke_til_tredjepart") is True:
            self.vedtak_linjer.append(self.s("til_tredjepart"))
        else:
            self.krev(omrade, "avklar_mottaker", ref=self.ref(omrade, paragraf="22"))

    def _fakta_18(self, linjer: tuple[Any, ...]) -> None:
        rettigheter = {(r.get("type"), r.get("status")) for r in self.inn.get("rettigheter") or ()}
        for ln in linjer:
            if ln.post == "inntekt_barnetrygd" and ln.medregnet is False:
                setning = self.s("b_barnetrygd", ref=self.ref("livsopphold", 3))
            elif ln.post.startswith("inntekt_") and ln.medregnet is False:
                setning = self.s(
                    "b_ikke_medregnet", type=self.type(ln.post), belop=self.kr(ln.grunnlag or 0)
                )
            elif ln.post.startswith("formue_") and ln.medregnet is False and ln.grunnlag:
                setning = self.s("b_formue", type=self.type(ln.post), belop=self.kr(ln.grunnlag))
            elif ln.post.startswith("rettighet_") and (
                (ln.post.removeprefix("rettighet_"), "sokt") in rettigheter
            ):
                setning = self.s("b_rettighet_sokt", type=self.type(ln.post))
            else:
                continue
            if setning not in self.begrunnelse:
                self.begrunnelse.append(setning)

    def _beregning(
        self, linjer: tuple[Any, ...], veiledende: Any, innvilget: Any
    ) -> Avsnitt | None:
        rader = []
        for ln in linjer:
            if ln.belop == 0:
                continue
            if ln.post.startswith("sats_barn_"):
                alder = ln.post.removeprefix("sats_barn_").replace("_", "–")
                tekst = RADER[self.sprak]["sats_barn"].format(alder=alder)
            elif ln.post in RADER[self.sprak]:
                tekst = RADER[self.sprak][ln.post]
            else:
                tekst = self.type(ln.post)
            rader.append((tekst, _tall(ln.belop, self.sprak)))
        if not rader or veiledende is None:
            return None
        r = RADER[self.sprak]
        if Decimal(str(innvilget)) != Decimal(str(veiledende)):
            rader.append((r["veiledende_sum"], _tall(veiledende, self.sprak)))
            sumrad = (r["innvilget_sum"], _tall(innvilget, self.sprak))
        else:
            sumrad = (r["sum"], _tall(innvilget, self.sprak))
        return Avsnitt(
            id="beregning",
            overskrift=self.s("overskrift_beregning"),
            tabell=tuple(rader),
            tabellhode=(self.s("kolonne_post"), self.s("kolonne_belop")),
            sumrad=sumrad,
        )

    def nodhjelp(self) -> None:
        utfall = self.utfall("nodhjelp")
        if utfall not in ("oppfylt", "delvis"):
            return
        konklusjon = self.konklusjoner.get("nodhjelp") or {}
        nod = self.inn.get("nodsituasjon") or {}
        sum_ = konklusjon.get("belop_per_maned", nod.get("nodvendig_belop"))
        if sum_ is None:
            self.krev("nodhjelp", "avklar_belop")
            return
        self.stonad = True
        self.vedtak_linjer.append(self.s("nod_innvilget", belop=self.kr(sum_)))
        self.begrunnelse.append(self.s("b_nod", ref=self.ref("nodhjelp")))
        self.begrunn_med_konklusjon("nodhjelp")

    def saerlige_tilfeller(self) -> None:
        utfall = self.utfall("saerlige_tilfeller")
        if utfall is None:
            return
        self.stonad = True
        self.begrunnelse.append(self.s("b_19", ref=self.ref("saerlige_tilfeller")))
        if utfall == "ikke_oppfylt":
            self.vedtak_linjer.append(self.s("st_avslag", ref=self.ref("saerlige_tilfeller")))
            if "saerlige_tilfeller" not in self.konklusjoner:
                self.krev("saerlige_tilfeller", "avklar_avslag")
        else:
            konklusjon = self.konklusjoner.get("saerlige_tilfeller") or {}
            fra, til = self.sb.get("periode_fra"), self.sb.get("periode_til")
            if konklusjon.get("belop_engangs") is not None:
                belop_ = self.kr(konklusjon["belop_engangs"])
                self.vedtak_linjer.append(self.s("st_engangs", belop=belop_))
                if "livsopphold" not in self.v.vedtak:
                    self._form_og_mottaker("saerlige_tilfeller")
            elif konklusjon.get("belop_per_maned") is None:
                self.krev("saerlige_tilfeller", "avklar_belop")
            elif not (fra and til):
                self.krev("saerlige_tilfeller", "avklar_periode")
            else:
                self.vedtak_linjer.append(
                    self.s(
                        "st_innvilget",
                        belop=self.kr(konklusjon["belop_per_maned"]),
                        fra=self.d(fra),
                        til=self.d(til),
                    )
                )
                if "livsopphold" not in self.v.vedtak:
                    self._form_og_mottaker("saerlige_tilfeller")
        self.begrunn_med_konklusjon("saerlige_tilfeller")

    def vilkar_(self) -> None:
        utfall = self.utfall("vilkar")
        if utfall is None:
            return
        if utfall == "ikke_oppfylt":
            self.krev("vilkar", "avklar_ulovlig", ref=self.ref("vilkar"))
            return
        punkter = []
        for v in self.inn.get("vilkar") or ():
            beskrivelse = str(v.get("beskrivelse") or "").strip()
            if not beskrivelse:
                continue
            sitat = self.sitat(beskrivelse)
            deler = [
                self.s("vilkar_punkt", beskrivelse=sitat, frist=self.d(v["frist"]))
                if v.get("frist")
                else self.s("vilkar_punkt_uten_frist", beskrivelse=sitat)
            ]
            if str(v.get("begrunnelse") or "").strip():
                deler.append(self.s("vilkar_grunn", sitat=self.sitat(v["begrunnelse"])))
            if str(v.get("dokumentasjon") or "").strip():
                deler.append(self.s("vilkar_dokumentasjon", sitat=self.sitat(v["dokumentasjon"])))
            punkter.append(" ".join(deler))
        if punkter:
            self.vilkar_tekst.append(self.s("vilkar_innledning", ref=self.ref("vilkar")))
            self.vilkar.extend(punkter)
            self.vilkar_etter.append(self.s("vilkar_varsel", ref=self.ref("vilkar", 3)))

    def reduksjon(self) -> None:
        utfall = self.utfall("reduksjon")
        if utfall is None:
            return
        if utfall == "ikke_oppfylt":
            self.krev("reduksjon", "avklar_ulovlig", ref=self.ref("reduksjon"))
            return
        vilkar = {v.get("id"): v for v in self.inn.get("vilkar") or ()}
        reduksjoner = self.inn.get("reduksjoner") or ()
        if reduksjoner:
            self.begrunnelse.append(self.s("b_reduksjon", ref=self.ref("reduksjon", 3)))
            self.begrunn_med_konklusjon("reduksjon")
        for r in reduksjoner:
            beskrivelse = str((vilkar.get(r.get("vilkar")) or {}).get("beskrivelse") or "")
            if not beskrivelse.strip():
                continue
            self.vedtak_linjer.append(
                self.s(
                    "reduksjon",
                    belop=self.kr(r["belop_per_maned"]),
                    fra=self.d(r["dato"]),
                    sitat=self.sitat(beskrivelse),
                )
            )

    def aktivitetsplikt(self) -> None:
        utfall = self.utfall("aktivitetsplikt")
        if utfall is None:
            return
        if utfall == "ikke_oppfylt":
            self.krev("aktivitetsplikt", "avklar_ulovlig", ref=self.ref("aktivitetsplikt"))
            return
        if not _under_30(self.inn, self.v.vurderingsdato):
            return
        plikt = self.inn.get("aktivitetsplikt") or {}
        grunner = str(plikt.get("tungtveiende_grunner") or "").strip()
        ref = self.ref("aktivitetsplikt")
        if plikt.get("vilkar_satt") is True and self.vilkar:
            self.vilkar_etter.append(self.s("aktivitet_satt", ref=ref))
        elif grunner:
            self.vilkar_etter.append(self.s("aktivitet_unntak", ref=ref, sitat=self.sitat(grunner)))

    def botilbud(self) -> None:
        utfall = self.utfall("midlertidig_botilbud")
        if utfall != "oppfylt":
            return
        opphold = [b for b in self.inn.get("botilbud") or () if b.get("til") is None]
        for b in opphold[-1:]:
            self.begrunnelse.append(
                self.s(
                    "b_botilbud",
                    type=self.type(f"botilbud_{b.get('type')}"),
                    fra=self.d(b["fra"]),
                    ref=self.ref("midlertidig_botilbud"),
                )
            )

    def kvalifisering(self) -> None:
        program = self.utfall("kvalifiseringsprogram")
        stonad = self.utfall("kvalifiseringsstonad")
        kvp = self.inn.get("kvp") or {}
        if program is not None:
            self.kvp = True
            if program == "ikke_oppfylt":
                self.vedtak_linjer.append(self.s("kvp_avslag"))
                if "kvalifiseringsprogram" not in self.konklusjoner:
                    self.krev("kvalifiseringsprogram", "avklar_avslag")
            else:
                slutt = kvp.get("forlenget_til") or kvp.get("program_slutt")
                if not (kvp.get("program_start") and slutt):
                    self.krev("kvalifiseringsprogram", "avklar_kvp_periode")
                else:
                    self.vedtak_linjer.append(
                        self.s(
                            "kvp_innvilget",
                            fra=self.d(kvp["program_start"]),
                            til=self.d(slutt),
                        )
                    )
                    self.begrunnelse.append(self.s("b_kvp", ref=self.ref("kvalifiseringsprogram")))
            self.begrunn_med_konklusjon("kvalifiseringsprogram")
        vedtak = self.v.vedtak.get("kvalifiseringsstonad")
        if stonad in ("oppfylt", "delvis") and vedtak is not None and program != "ikke_oppfylt":
            self._kvalifiseringsstonad(vedtak, kvp)

    def _kvalifiseringsstonad(self, vedtak: Vedtak, kvp: Mapping[str, Any]) -> None:
        u = vedtak.utdata
        if u.get("stonad_per_ar") is None or u.get("dagsats") is None:
            self.krev("kvalifiseringsstonad", "avklar_belop")
            return
        self.vedtak_linjer.append(
            self.s("kvs_innvilget", belop=self.kr(u["stonad_per_ar"]), dag=self.kr(u["dagsats"]))
        )
        if u.get("barnetillegg_per_ar"):
            self.vedtak_linjer.append(
                self.s(
                    "kvs_barnetillegg",
                    dag=self.kr(u.get("barnetillegg_per_barn_per_dag") or 0),
                    belop=self.kr(u["barnetillegg_per_ar"]),
                )
            )
        if u.get("reduksjon_per_ar"):
            self.vedtak_linjer.append(self.s("kvs_reduksjon", belop=self.kr(u["reduksjon_per_ar"])))
        if u.get("faktor_g") is not None and u.get("grunnbelop") is not None:
            faktor = str(u["faktor_g"])
            self.begrunnelse.append(
                self.s(
                    "b_kvs",
                    faktor=faktor if self.sprak == "en" else faktor.replace(".", ","),
                    g=self.kr(u["grunnbelop"]),
                    ref=self.ref("kvalifiseringsstonad"),
                )
            )
        if any(ln.post == "kvp_reduksjon_under_25" for ln in vedtak.beregning or ()):
            self.begrunnelse.append(self.s("b_kvs_under_25"))
        if kvp.get("vedtak_varslet_trekk_ved_fravaer") is True:
            self.begrunnelse.append(self.s("b_kvp_fravaer"))
        self.begrunn_med_konklusjon("kvalifiseringsstonad")

    # --- the letter -----------------------------------------------------------------------
    def skriv(self) -> Vedtaksbrev:
        self.omfang()
        self.livsopphold()
        self.nodhjelp()
        self.saerlige_tilfeller()
        self.vilkar_()
        self.reduksjon()
        self.aktivitetsplikt()
        self.botilbud()
        self.kvalifisering()
        kontor = str(self.sb.get("kontor") or "").strip() or self.s("nav_kontoret")
        brevdato = self.sb.get("vedtaksdato") or self.v.vurderingsdato.isoformat()
        hva = [self.s("tittel_kvp")] if self.kvp else []
        if self.stonad or not hva:
            hva.insert(0, self.s("tittel_stonad"))
        tittel = self.s("tittel", hva=f" {self.s('og')} ".join(hva))
        if not self.avklar and not self.vedtak_linjer:
            self.avklar.append(self.s("avklar_ingenting"))  # a letter must decide something
        if self.avklar:
            return Vedtaksbrev(
                sprak=self.sprak,
                tittel=self.s("avklar_tittel"),
                dato=self.s("dato", dato=self.d(brevdato)),
                avsender=kontor,
                avsnitt=(),
                hilsen="",
                underskrift=(),
                maa_avklares=(self.s("avklar_innledning"), *self.avklar),
            )
        avsnitt = [Avsnitt("vedtak", self.s("overskrift_vedtak"), tekst=tuple(self.vedtak_linjer))]
        if self.beregning is not None:
            avsnitt.append(self.beregning)
        if self.begrunnelse:
            avsnitt.append(
                Avsnitt("begrunnelse", self.s("overskrift_begrunnelse"), tuple(self.begrunnelse))
            )
        if self.vilkar or self.vilkar_etter:
            avsnitt.append(
                Avsnitt(
                    "vilkar",
                    self.s("overskrift_vilkar"),
                    tekst=tuple(self.vilkar_tekst),
                    punkter=tuple(self.vilkar),
                    etter=tuple(self.vilkar_etter),
                )
            )
        telefon = str(self.sb.get("telefon") or "").strip()
        avsnitt += [
            Avsnitt(
                "klage",
                self.s("overskrift_klage"),
                (self.s("klage_1"), self.s("klage_2"), self.s("klage_3", kontor=kontor)),
            ),
            Avsnitt("innsyn", self.s("overskrift_innsyn"), (self.s("innsyn"),)),
            Avsnitt(
                "kontakt",
                self.s("overskrift_kontakt"),
                (
                    self.s("kontakt_telefon", kontor=kontor, telefon=telefon)
                    if telefon
                    else self.s("kontakt", kontor=kontor),
                ),
            ),
        ]
        underskrift = tuple(x for x in (str(self.sb.get("navn") or "").strip(), kontor) if x)
        return Vedtaksbrev(
            sprak=self.sprak,
            tittel=tittel,
            dato=self.s("dato", dato=self.d(brevdato)),
            avsender=kontor,
            avsnitt=tuple(avsnitt),
            hilsen=self.s("hilsen"),
            underskrift=underskrift,
        )


def _tall(verdi: Any, sprak: str) -> str:
    return tall(Decimal(str(verdi)), sprak)


def _under_30(inn: Mapping[str, Any], pa: date) -> bool:
    for p in inn.get("personer") or ():
        if p.get("rolle") == "soker" and p.get("fodselsdato"):
            f = date.fromisoformat(p["fodselsdato"])
            alder = pa.year - f.year - ((pa.month, pa.day) < (f.month, f.day))
            return alder < 30
    return False


def _apne(node: Any) -> Iterator[Any]:
    if node.sporsmal:
        yield node
    for barn in node.barn:
        if barn.utfall in (Utfall.SKJONN, Utfall.UAVKLART):
            yield from _apne(barn)


def _sporsmal(vedtak: Vedtak, sprak: str) -> list[str]:
    """The discretion questions of an area, in ``sprak`` only (none if not written in it)."""
    return list(dict.fromkeys(n.sporsmal[sprak] for n in _apne(vedtak.node) if sprak in n.sporsmal))


def lag_vedtaksbrev(vurdering: Assessment, sprak: str = "nb") -> Vedtaksbrev:
    """The decision letter for an assessment, in ``nb``, ``nn`` or ``en``."""
    return _Brevskriver(vurdering, sprak).skriv()
