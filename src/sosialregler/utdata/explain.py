"""Texts from trees: the caseworker's working paper, in bokmål, nynorsk or English.

Rendering is separate from evaluation and reads only the evaluated data (tree, lines, flags),
so a stored decision record renders exactly as it did. Templates come from the rule files;
placeholders name facts, whose values were recorded on the node when it was evaluated.

The structure follows what forvaltningsloven §§ 24–25 and 27 ask of a decision: the outcome,
the rules applied and what they say, the facts relied on, the main considerations (and where
the law leaves discretion, that it does), and how to appeal. It is a working paper for the
caseworker: research notes and sources stay in the rule files, every code value is shown by its
label, each person by who they are in the case, and an unknown fact is listed once, under the
facts that are missing, rather than as «unknown» lines.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ..inndata.ukjent import Ukjent
from ..lov.outcome import Utfall
from ..lov.rates import USIKRE_MERKER
from ..lov.rulebook.model import RegelInfo
from ..lov.tree import Node
from ..vurdering.areas.reduksjon import REDUKSJONSLISTER, REDUKSJONSVILKAR
from ..vurdering.areas.vilkar import VILKARSID, VILKARSLISTER
from ..vurdering.engine import Merknad
from ..vurdering.etiketter import POSTER, TYPER
from ..vurdering.katalog import KATALOG, SKJULTE, TILSYNSFELT, VERDIER, verdietikett

if TYPE_CHECKING:
    from .assessment import Assessment, Vedtak

_PLASSHOLDER = re.compile(r"\{([^{}]*)\}")

#: Nynorsk labels for calculation lines that ``VERDIER`` (the code values) does not already give.
POSTER_NN = {
    "sats_enslig": "Sats for einsleg",
    "sats_ektepar": "Sats for ektepar/sambuarar",
    "sats_bofellesskap": "Sats for person i bufellesskap",
    "barn_uten_barnesats": "Barn over 18 år: ingen sats, eige behov er eit spørsmål nedanfor",
    "engangsstonad": "Eingongsstønad for månaden (utanom månadsbeløpet)",
    "voksen_uten_sats": "Annan vaksen: ingen sats, inga forsørgingsplikt",
    "sats_samboer_enkeltvis": "Sats for sambuar vurdert åleine (som person i bufellesskap)",
    "boutgift_annen": "Anna buutgift",
    "vilkar_aktivitet": "Vilkår om aktivitet",
    "vilkar_dokumentasjon": "Vilkår om dokumentasjon",
    "vilkar_bruk_av_formue": "Vilkår om bruk av formue",
    "vilkar_sok_annen_ytelse": "Vilkår om å søkje anna yting",
    "vilkar_okonomisk_radgivning": "Vilkår om økonomisk rådgjeving",
    "vilkar_flytting": "Vilkår om flytting",
    "vilkar_annen": "Anna vilkår",
    "varsel_om_reduksjon": "Varsel om reduksjon ved brot",
    "reduksjon": "Reduksjon for brot på vilkår",
    "utgift_annen": "Anna utgift",
    "engangsutgift_annen": "Anna utgift (eingongs)",
    "rettighet_annen": "Rett: Anna rett",
    "kvp_sats": "Kvalifiseringsstønad, full sats",
    "kvp_reduksjon_under_25": "Deltakar under 25 år: to tredjedelar",
    "kvp_barnetillegg": "Barnetillegg",
    "kvp_fravaer": "Fråvær",
}

#: Units of calculation lines.
ENHETER = {
    "kr_per_maned": ("kr per måned", "NOK per month"),
    "kr_per_ar": ("kr per år", "NOK per year"),
    "kr_per_dag": ("kr per dag", "NOK per day"),
    # Units that are not amounts: one assessment per item, shown without amounts or a sum.
    "per_vilkar": ("Vurdering av hvert vilkår", "Assessment of each condition"),
    "per_reduksjon": ("Vurdering av hver reduksjon", "Assessment of each reduction"),
    "per_radgivning": ("Vurdering av hvert registrerte råd", "Assessment of each advice record"),
}
ENHETER_NN = {
    "kr_per_maned": "kr per månad",
    "kr_per_ar": "kr per år",
    "kr_per_dag": "kr per dag",
    "per_vilkar": "Vurdering av kvart vilkår",
    "per_reduksjon": "Vurdering av kvar reduksjon",
    "per_radgivning": "Vurdering av kvart registrerte råd",
}

#: Rate tables by id, as the working paper names them (nb, nn, en); a municipality's own table
#: is named by its file.
SATSTABELLER = {
    "statlige-veiledende-satser": (
        "statlige veiledende satser",
        "statlege rettleiande satsar",
        "state guideline rates",
    ),
    "grunnbelop": ("grunnbeløpet (G)", "grunnbeløpet (G)", "the basic amount (G)"),
    "kvalifiseringsstonad": (
        "kvalifiseringsstønad i G",
        "kvalifiseringsstønad i G",
        "qualification benefit in G",
    ),
    "kvp-barnetillegg": (
        "barnetillegg til kvalifiseringsstønad",
        "barnetillegg til kvalifiseringsstønad",
        "child supplement to the qualification benefit",
    ),
    "kvp-dagsats": (
        "stønadsdager per år i kvalifiseringsstønaden",
        "stønadsdagar per år i kvalifiseringsstønaden",
        "benefit days per year",
    ),
    "kvp-parametre": (
        "aldersgrensen for full kvalifiseringsstønad",
        "aldersgrensa for full kvalifiseringsstønad",
        "age for the full qualification benefit",
    ),
}

#: Facts whose value names a rate table together with its source: texts show the table only.
KILDEFAKTA = frozenset({"livsopphold.satstabell"})

_INDEKS = {"nb": 0, "nn": 1, "en": 2}
#: Code values by their bokmål label: some derived facts hold a name, not a code.
_BOKMALSNAVN = {nb: kode for kode, (nb, _, _) in VERDIER.items() if nb != kode}

TITLER = {
    "nb": {
        "vurderingsdato": "Vurderingsdato",
        "sak": "Sak",
        "utfall": "Utfall",
        "belop": "Veiledende beløp",
        "per_maned": "per måned",
        "beregning": "Beregning",
        "sum": "Sum (aldri under 0)",
        "ikke_beregnet": "Beløpet kan ikke beregnes før opplysningene som mangler, er kjent.",
        "beregnet_avslag": "Beregnet behov (avslag: ingenting utbetales)",
        "begrunnelse": "Begrunnelse",
        "mangler": "Opplysninger som mangler",
        "merknader": "Merknader",
        "fakta": "Opplysninger lagt til grunn",
        "hjemmel": "Hjemmel",
        "regnes_med": "regnes med",
        "regnes_ikke_med": "regnes ikke med",
        "uavklart": "uavklart",
        "trekkes_ikke": "trekkes ikke fra",
        "ukjent": "ukjent",
        "ja": "ja",
        "nei": "nei",
        "skjonn": "Spørsmål til saksbehandlers skjønn",
        "ikke_i_kraft": "Ingen versjon av regelen gjelder på vurderingsdatoen.",
        "biblioteket": "Vurdert med sosialregler {bibliotek}, regelsett {regler}.",
        "kan_ikke": "kan ikke avgjøres før disse opplysningene er kjent: {mangler}.",
        "skjonn_regel": "beror på saksbehandlers skjønn.",
        "ovenfor": "se vurderingen ovenfor",
        "satser_fra": "Satser fra {dato}: {tabeller}",
        "frist": "frist",
        "alder": "{alder} år",
        "barn_alder": "Barn {fra}–{til} år",
        "soker": "søkeren",
        "barn_fodt": "barn født {ar}",
        "barn_nr": "barn nr. {nr}",
        "vilkar_nr": "vilkår nr. {nr}",
        "nr": "nr. {nr}",
        "voksen_fodt": "annen voksen født {ar}",
        "utdatert": "Satsene for {navn} er bare kjent gyldige til {til}; beregningen bruker "
        "satsene fra {fra}. Nyere satser kan gjelde.",
        "usikker": "Satsen for {navn} fra {fra} er ikke bekreftet i en offentlig kilde. "
        "Kontroller satsen før den brukes i et vedtak.",
    },
    "nn": {
        "vurderingsdato": "Vurderingsdato",
        "sak": "Sak",
        "utfall": "Utfall",
        "belop": "Rettleiande beløp",
        "per_maned": "per månad",
        "beregning": "Utrekning",
        "sum": "Sum (aldri under 0)",
        "ikke_beregnet": "Beløpet kan ikkje reknast ut før opplysningane som manglar, er kjende.",
        "beregnet_avslag": "Utrekna behov (avslag: ingenting blir utbetalt)",
        "begrunnelse": "Grunngjeving",
        "mangler": "Opplysningar som manglar",
        "merknader": "Merknader",
        "fakta": "Opplysningar lagde til grunn",
        "hjemmel": "Heimel",
        "regnes_med": "blir rekna med",
        "regnes_ikke_med": "blir ikkje rekna med",
        "uavklart": "uavklart",
        "trekkes_ikke": "blir ikkje trekt frå",
        "ukjent": "ukjend",
        "ja": "ja",
        "nei": "nei",
        "skjonn": "Spørsmål til skjønnet til sakshandsamaren",
        "ikke_i_kraft": "Ingen versjon av regelen gjeld på vurderingsdatoen.",
        "biblioteket": "Vurdert med sosialregler {bibliotek}, regelsett {regler}.",
        "kan_ikke": "kan ikkje avgjerast før desse opplysningane er kjende: {mangler}.",
        "skjonn_regel": "kjem an på skjønnet til sakshandsamaren.",
        "ovenfor": "sjå vurderinga ovanfor",
        "satser_fra": "Satsar frå {dato}: {tabeller}",
        "frist": "frist",
        "alder": "{alder} år",
        "barn_alder": "Barn {fra}–{til} år",
        "soker": "søkjaren",
        "barn_fodt": "barn fødd {ar}",
        "barn_nr": "barn nr. {nr}",
        "vilkar_nr": "vilkår nr. {nr}",
        "nr": "nr. {nr}",
        "voksen_fodt": "annan vaksen fødd {ar}",
        "utdatert": "Satsane for {navn} er berre kjende gyldige til {til}; utrekninga brukar "
        "satsane frå {fra}. Nyare satsar kan gjelde.",
        "usikker": "Satsen for {navn} frå {fra} er ikkje stadfesta i ei offentleg kjelde. "
        "Kontroller satsen før han blir brukt i eit vedtak.",
    },
    "en": {
        "vurderingsdato": "Assessment date",
        "sak": "Case",
        "utfall": "Outcome",
        "belop": "Guideline amount",
        "per_maned": "per month",
        "beregning": "Calculation",
        "sum": "Total (never below 0)",
        "ikke_beregnet": "The amount cannot be calculated until the missing facts are known.",
        "beregnet_avslag": "Computed need (refused: nothing is paid)",
        "begrunnelse": "Reasons",
        "mangler": "Missing facts",
        "merknader": "Flags",
        "fakta": "Facts relied on",
        "hjemmel": "Legal basis",
        "regnes_med": "counts",
        "regnes_ikke_med": "does not count",
        "uavklart": "undetermined",
        "trekkes_ikke": "not deducted",
        "ukjent": "unknown",
        "ja": "yes",
        "nei": "no",
        "skjonn": "Questions for the caseworker's discretion",
        "ikke_i_kraft": "No version of the rule applies on the assessment date.",
        "biblioteket": "Assessed with sosialregler {bibliotek}, rules {regler}.",
        "kan_ikke": "cannot be decided until these facts are known: {mangler}.",
        "skjonn_regel": "left to the caseworker's discretion.",
        "ovenfor": "see the assessment above",
        "satser_fra": "Rates from {dato}: {tabeller}",
        "frist": "due",
        "alder": "age {alder}",
        "barn_alder": "Child aged {fra}–{til}",
        "soker": "the applicant",
        "barn_fodt": "child born {ar}",
        "barn_nr": "child no. {nr}",
        "vilkar_nr": "condition no. {nr}",
        "nr": "no. {nr}",
        "voksen_fodt": "other adult born {ar}",
        "utdatert": "The rates for {navn} are only known to be valid until {til}; the "
        "calculation uses the rates from {fra}. Newer rates may apply.",
        "usikker": "The rate for {navn} from {fra} is not confirmed by a public source. Check "
        "it before it is used in a decision.",
    },
}

#: What a missing fact is called, by its path in the case (list indices left out); a path not
#: here is named by the catalogue's label for the same name, then by its last part.
MANGLER: Mapping[str, tuple[str, str, str]] = {
    "personer[].fodselsdato": ("fødselsdato", "fødselsdato", "date of birth"),
    "personer[].rolle": ("rolle i saken", "rolle i saka", "role in the case"),
    "personer[].felles_okonomi": (
        "om samboerne har felles økonomi",
        "om sambuarane har felles økonomi",
        "whether the cohabitants share their finances",
    ),
    "botilbud": ("midlertidig botilbud", "mellombels butilbod", "temporary accommodation"),
    "botilbud[].til": ("oppholdet sluttet", "opphaldet slutta", "the stay ended"),
    "individuell_plan.onsker_plan": (
        "om søkeren ønsker en individuell plan",
        "om søkjaren ønskjer ein individuell plan",
        "whether the applicant wants an individual plan",
    ),
    "inntekter[].person": ("hvem inntekten gjelder", "kven inntekta gjeld", "whose income"),
    "formue[].belop": ("beløp", "beløp", "amount"),
    "formue[].person": ("hvem formuen tilhører", "kven formuen høyrer til", "whose asset"),
    "individuell_vurdering": (
        "den individuelle vurderingen",
        "den individuelle vurderinga",
        "the individual assessment",
    ),
    "boutgifter": ("boutgiftene", "buutgiftene", "housing costs"),
    "inntekter": ("inntektene", "inntektene", "income"),
    "formue": ("formuen", "formuen", "assets"),
    "bofellesskap": (
        "om søkeren bor i bofellesskap",
        "om søkjaren bur i bufellesskap",
        "whether the applicant shares a household",
    ),
    "rettigheter": (
        "økonomiske rettigheter",
        "økonomiske rettar",
        "economic rights",
    ),
    "barns_behov_vurdert": (
        "om barnas behov er vurdert",
        "om behova til barna er vurderte",
        "whether the children's needs are assessed",
    ),
    "maneder_med_stonad": (
        "månedene med utbetalt stønad",
        "månadene med utbetalt stønad",
        "the months with support paid",
    ),
    "kommune.langtidsdefinisjon": (
        "definisjonen av langtidsmottaker kommunen bruker",
        "definisjonen av langtidsmottakar som kommunen brukar",
        "the municipality's definition of a long-term recipient",
    ),
    "personer[].opphold": (
        "opplysninger om opphold og bopel",
        "opplysningar om opphald og bustad",
        "residence facts",
    ),
    "personer[].opphold.norsk_statsborger": (
        "om personen er norsk statsborger",
        "om personen er norsk statsborgar",
        "whether a Norwegian citizen",
    ),
    "personer[].opphold.lovlig_opphold": (
        "om personen har lovlig opphold i Norge",
        "om personen har lovleg opphald i Noreg",
        "whether lawfully resident in Norway",
    ),
    "personer[].opphold.fast_bopel_i_norge": (
        "om personen har fast bopel i Norge",
        "om personen har fast bustad i Noreg",
        "whether permanently resident in Norway",
    ),
    "kvp.ytelser_folketrygd": (
        "ytelser til livsopphold etter folketrygdloven eller arbeidsmarkedsloven",
        "ytingar til livsopphald etter folketrygdlova eller arbeidsmarknadslova",
        "benefits for subsistence under the National Insurance or Labour Market Act",
    ),
    "kvp.vesentlig_nedsatt_arbeidsevne": (
        "om arbeids- og inntektsevnen er vesentlig nedsatt",
        "om arbeids- og inntektsevna er vesentleg nedsett",
        "whether the capacity for work and income is substantially reduced",
    ),
    "kvp.behov_for_tett_oppfolging": (
        "om søkeren trenger tett oppfølging",
        "om søkjaren treng tett oppfølging",
        "whether close follow-up is needed",
    ),
    "kvp.arbeidsevnevurdering_gjort": (
        "om det er gjort en arbeidsevnevurdering",
        "om det er gjort ei arbeidsevnevurdering",
        "whether a work capacity assessment is done",
    ),
    "kvp.hensiktsmessig_og_nodvendig": (
        "om programmet er hensiktsmessig og nødvendig",
        "om programmet er føremålstenleg og naudsynt",
        "whether the programme is appropriate and necessary",
    ),
    "kvp.program_kan_tilbys": (
        "om NAV-kontoret kan tilby et program",
        "om NAV-kontoret kan tilby eit program",
        "whether the office can offer a programme",
    ),
    "aktivitetsplikt.vilkar_satt": (
        "om det er satt vilkår om aktivitet",
        "om det er sett vilkår om aktivitet",
        "whether an activity condition is set",
    ),
    "botilbud_soknad.uten_overnatting_neste_dogn": (
        "om søkeren har et sted å sove det neste døgnet",
        "om søkjaren har ein stad å sove det neste døgnet",
        "whether the applicant has somewhere to sleep the next day and night",
    ),
}

UTFALLSORD = {
    "nb": {
        Utfall.OPPFYLT: "Oppfylt",
        Utfall.IKKE_OPPFYLT: "Ikke oppfylt",
        Utfall.UAVKLART: "Uavklart – opplysninger mangler",
        Utfall.SKJONN: "Skjønn – saksbehandler må vurdere",
    },
    "nn": {
        Utfall.OPPFYLT: "Oppfylt",
        Utfall.IKKE_OPPFYLT: "Ikkje oppfylt",
        Utfall.UAVKLART: "Uavklart – opplysningar manglar",
        Utfall.SKJONN: "Skjønn – sakshandsamaren må vurdere",
    },
    "en": {
        Utfall.OPPFYLT: "Met",
        Utfall.IKKE_OPPFYLT: "Not met",
        Utfall.UAVKLART: "Undetermined – facts are missing",
        Utfall.SKJONN: "Discretion – the caseworker must assess",
    },
}

_INDEKSER = re.compile(r"\[\d+\]")
#: A parenthesis naming a field path or a flag code, as rule versions written before issue 16
#: do (« (kommune.medregner_…)», « (OMFANG_BEGRENSET)»). Those versions keep their texts so
#: stored decisions still match them; the working paper leaves such a parenthesis out.
_KODEPARENTES = re.compile(r" ?\([^()]*(?:\b[A-Za-z0-9]+_[A-Za-z0-9_.]+\b|\[\])[^()]*\)")
_VALGFRITT = re.compile(r"\[([^\[\]]*)\]")
#: Types for ``isinstance`` as tuples, built once: ``list | tuple | frozenset`` in a test builds a
#: union object at every call, and ``formater`` runs for every value shown.
_SAMLINGER = (list, tuple, frozenset)
_HELE_ELLER_DESIMAL = (Decimal, int)
_PERSONSTI = re.compile(r"(personer\[\d+\])\.")


def _uten_koder(tekst: str) -> str:
    """``tekst`` without a code parenthesis (``_KODEPARENTES``); most texts have no «(» at
    all and skip the pattern, which ran on every rendered text."""
    return _KODEPARENTES.sub("", tekst) if "(" in tekst else tekst


#: Who each person is, by id and by place in the case (``personer[0]``), in one language.
Personer = Mapping[str, str]


def _sprak(sprak: str) -> str:
    if sprak not in TITLER:
        raise ValueError(f"ukjent språk {sprak!r}; velg nb, nn eller en")
    return sprak


def _stor(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _tospraklig(tabell: Mapping[str, tuple[str, str]], nokkel: str, sprak: str) -> str | None:
    """A label from a (nb, en) table; nynorsk from ``POSTER_NN``/``ENHETER_NN`` or the code
    value's own label."""
    par = tabell.get(nokkel)
    if par is None:
        return None
    if sprak != "nn":
        return par[0 if sprak == "nb" else 1]
    if nokkel in POSTER_NN:
        return POSTER_NN[nokkel]
    if nokkel in ENHETER_NN:
        return ENHETER_NN[nokkel]
    for prefiks, foran, bak in (
        ("boutgift_", "", ""),
        ("utgift_", "", ""),
        ("engangsutgift_", "", " (eingongs)"),
        ("rettighet_", "Rett: ", ""),
        ("radgivning_", "", ""),
        ("", "", ""),
    ):
        kode = nokkel.removeprefix(prefiks)
        if nokkel.startswith(prefiks) and kode in VERDIER:
            return foran + _stor(verdietikett(kode, "nn")) + bak
    return par[0]


def personetiketter(assessment: Assessment, sprak: str) -> dict[str, str]:
    """Each person as the working paper names them: «søkeren», «ektefellen», «barn født 2015».

    Keyed by id and by place in the case (``personer[1]``), so both a line's person and a
    missing fact's path name the same reader's label. Each condition (§ 20) is here too, under
    ``vilkar:<id>``: by its description, else by its place («vilkår nr. 2»), never by its id;
    and under ``vilkarnr:<id>`` its place alone («nr. 2»), for texts that say «Vilkår {vilkar.id}».
    """
    t = TITLER[sprak]
    lagret = assessment.lagret_inndata or {}
    if assessment.sak is not None:
        rader = [(p.id, p.rolle, p.fodselsdato) for p in assessment.sak.personer]
    else:
        rader = []
        for p in lagret.get("personer", ()):
            fodt = p.get("fodselsdato")
            rader.append((p["id"], p["rolle"], date.fromisoformat(fodt) if fodt else None))
    ar = [fodt.year for _, rolle, fodt in rader if rolle == "barn" and fodt is not None]
    ut: dict[str, str] = {}
    for indeks, (pid, rolle, fodt) in enumerate(rader, 1):
        if rolle == "soker":
            navn = t["soker"]
        elif rolle in ("barn", "annen_voksen"):
            if fodt is None:
                navn = (
                    t["barn_nr"].format(nr=indeks)
                    if rolle == "barn"
                    else verdietikett(rolle, sprak)
                )
            else:
                unik = rolle != "barn" or ar.count(fodt.year) == 1
                naar = str(fodt.year) if unik else formater(fodt, sprak)
                navn = t["barn_fodt" if rolle == "barn" else "voksen_fodt"].format(ar=naar)
        else:
            navn = verdietikett(rolle, sprak)
        ut[pid] = navn
        ut[f"personer[{indeks - 1}]"] = navn
    if assessment.sak is not None:
        vilkar = [(v.id, v.beskrivelse) for v in assessment.sak.vilkar or ()]
    else:
        vilkar = [(v["id"], v.get("beskrivelse")) for v in lagret.get("vilkar") or ()]
    for nr, (vid, beskrivelse) in enumerate(vilkar, 1):  # a key no person id can take
        tekst = (beskrivelse or "").strip()
        ut[f"vilkar:{vid}"] = f"«{tekst}»" if tekst else t["vilkar_nr"].format(nr=nr)
        ut[f"vilkarnr:{vid}"] = t["nr"].format(nr=nr)  # after «Vilkår» in a rule's text
    return ut


def formater(
    verdi: Any, sprak: str, type: str | None = None, personer: Personer | None = None
) -> str:
    """A fact value as a caseworker reads it: '12 345 kr', '01.03.2024', 'ja', 'bostøtte'.

    ``personer`` (each person's label, see ``personetiketter``) asks for the working paper's
    wording: code values and persons by their labels, lists as a sentence lists them. Without
    it a value is shown as recorded, as the contract's JSON texts have always shown it.
    """
    t = TITLER[sprak]
    # The commonest values first, by exact class (``type`` is a parameter here).
    if verdi is True or verdi is False:
        return t["ja"] if verdi else t["nei"]
    if verdi.__class__ is str and personer is None:
        return verdi
    if isinstance(verdi, Ukjent) or verdi is None:
        return t["ukjent"]
    if isinstance(verdi, bool):
        return t["ja"] if verdi else t["nei"]
    if isinstance(verdi, date):
        return verdi.strftime("%d.%m.%Y") if sprak != "en" else verdi.isoformat()
    if isinstance(verdi, _HELE_ELLER_DESIMAL) and type == "belop":
        return kroner(Decimal(verdi), sprak)
    if isinstance(verdi, Decimal):
        return tall(verdi, sprak)
    if isinstance(verdi, _SAMLINGER):
        deler = [formater(v, sprak, None, personer) for v in verdi]
        if personer is None:
            return ", ".join(deler) or "–"
        if len(deler) > 1:  # «søkeren og barn født 2017», as a sentence lists them
            return f"{', '.join(deler[:-1])} {'and' if sprak == 'en' else 'og'} {deler[-1]}"
        return deler[0] if deler else "–"
    if isinstance(verdi, str):
        if personer is None:
            return verdi
        if verdi in personer:
            return personer[verdi]
        if "(" in verdi:  # a derived list names its person: «uføretrygd (p1)»
            for pid, navn in personer.items():
                verdi = verdi.replace(f"({pid})", f"({navn})")
        if sprak != "nb":  # a name derived in bokmål («arbeidsavklaringspenger») in nn or en
            deler = [_BOKMALSNAVN.get(d, d) for d in verdi.split(", ")]
            verdi = ", ".join(verdietikett(d, sprak) for d in deler)
        return verdietikett(verdi, sprak)
    return str(verdi)


def tall(verdi: Decimal | int, sprak: str) -> str:
    d = verdi if type(verdi) is Decimal else Decimal(verdi)
    heltall = d == d.to_integral_value()
    tekst = f"{d:,.0f}" if heltall else f"{d:,.2f}"
    if tekst.startswith("-") and not tekst.strip("-0.,"):  # a zero is never «−0»
        tekst = tekst[1:]
    if sprak != "en":
        tekst = tekst.replace(",", " ").replace(".", ",")
    return tekst.replace("-", "−")


def kroner(verdi: Decimal, sprak: str) -> str:
    return f"{tall(verdi, sprak)} kr" if sprak != "en" else f"NOK {tall(verdi, sprak)}"


def tabellnavn(tabell: str, navn: Mapping[str, str], sprak: str) -> str:
    """A rate table as the working paper names it: its short label, or a municipality's name."""
    if tabell in SATSTABELLER:
        return SATSTABELLER[tabell][_INDEKS[sprak]]
    return navn.get(sprak) or navn.get("nb") or tabell


def _tabell_fra_kilde(verdi: str, sprak: str) -> str:
    """A rate-table fact ('<table name>; <source>') as its table's short label."""
    navn = verdi.split("; ", 1)[0]
    for tabell, etiketter in SATSTABELLER.items():
        if navn.lower().startswith(etiketter[0].split(" (")[0].lower()[:12]):
            return SATSTABELLER[tabell][_INDEKS[sprak]]
    return navn


_REDUKSJONSNAVN = re.compile(r"(.+) (\d{4}-\d\d-\d\d)(?: \(reduksjoner\[\d+\]\))?")


def _reduksjonsnavn(navn: str, sprak: str, personer: Personer) -> str:
    """A reduction as ``areas.reduksjon`` names it («v2 2024-03-15») by its condition's label."""
    treff = _REDUKSJONSNAVN.fullmatch(navn)
    if treff is None or f"vilkar:{treff.group(1)}" not in personer:
        return navn
    dato = formater(date.fromisoformat(treff.group(2)), sprak)
    return f"{personer[f'vilkar:{treff.group(1)}']} ({dato})"


#: A record of a list as an area names it in a derived list: its type, its date and its place
#: («individuell_veiledning 2024-03-15 (radgivning[0])», areas/radgivning.py).
_POSTNAVN = re.compile(r"([a-z][a-z_]*) (\d{4}-\d\d-\d\d) \([a-z_]+\[\d+\]\)")


def _postnavn(navn: str, sprak: str) -> str:
    """Such a record by its type's label and its date («individuell veiledning (22.11.2010)»):
    the reader knows the advice by what it was and when, not by its place in the case."""
    treff = _POSTNAVN.fullmatch(navn)
    if treff is None:
        return navn
    dato = formater(date.fromisoformat(treff.group(2)), sprak)
    return f"{verdietikett(treff.group(1), sprak)} ({dato})"


#: Facts holding one condition's id, which texts put after «Vilkår»/«vilkår»/«condition».
_ETT_VILKAR = VILKARSID | REDUKSJONSVILKAR


def faktumtekst(navn: str, verdi: Any, sprak: str, personer: Personer | None = None) -> str:
    """A named fact's value as texts show it (a rate table without its source)."""
    if navn in KILDEFAKTA and isinstance(verdi, str):
        return _tabell_fra_kilde(verdi, sprak)
    if navn in _ETT_VILKAR and personer is not None and isinstance(verdi, str):
        verdi = personer.get(f"vilkarnr:{verdi}", verdi)  # «vilkår nr. 1», not «vilkår v1»
    if navn in VILKARSLISTER and personer is not None and isinstance(verdi, list | tuple):
        verdi = [personer.get(f"vilkar:{v}", v) for v in verdi]  # by label, not by id
    if navn in REDUKSJONSLISTER and personer is not None and isinstance(verdi, list | tuple):
        verdi = [_reduksjonsnavn(str(v), sprak, personer) for v in verdi]
    elif personer is not None and isinstance(verdi, list | tuple):
        verdi = [_postnavn(v, sprak) if isinstance(v, str) and "[" in v else v for v in verdi]
    info = KATALOG.get(navn)
    return formater(verdi, sprak, info.type if info else None, personer)


def manglertekst(sti: str, sprak: str, personer: Personer | None = None) -> str:
    """A missing fact's path in the case ('personer[0].fodselsdato') as a reader names it."""
    person = None
    treff = _PERSONSTI.match(sti)
    if treff and personer:
        person = personer.get(treff.group(1))
    nokkel = _INDEKSER.sub("[]", sti)
    if nokkel.endswith("[]") and nokkel not in MANGLER and nokkel not in TILSYNSFELT:
        nokkel = nokkel.removesuffix("[]")  # an element without a name of its own: its list's
    if nokkel in MANGLER:
        tekst = MANGLER[nokkel][_INDEKS[sprak]]
    elif nokkel in TILSYNSFELT:  # the supervision facts, labelled where they are declared
        tekst = TILSYNSFELT[nokkel].etikett(sprak)
    else:
        bar = _INDEKSER.sub("", sti)
        liste, _, rest = bar.partition(".")
        kandidater = (
            bar,
            bar.replace("personer.", "", 1),
            f"{liste.removesuffix('er')}.{rest}",  # reduksjoner[0].x → reduksjon.x
            ".".join(bar.split(".")[-2:]),
        )
        info = next((KATALOG[k] for k in kandidater if k in KATALOG), None)
        if info is not None and info.type == "sannhetsverdi":
            tekst = {"nb": "om ", "nn": "om ", "en": "whether "}[sprak] + info.etikett(sprak)
        elif info is not None:
            tekst = info.etikett(sprak)
        else:
            tekst = bar.rsplit(".", 1)[-1].replace("_", " ")
    return f"{tekst} ({person})" if person else tekst


def _finn_verdi(navn: str, node: Node) -> tuple[bool, Any]:
    """The first value of ``navn`` on the node or below it, depth first (as ``Node.noder``),
    by a stack: a recursive generator per placeholder cost more than the search itself."""
    stabel = [node]
    while stabel:
        n = stabel.pop()
        if navn in n.fakta:
            return True, n.fakta[navn]
        stabel.extend(reversed(n.barn))
    return False, None


@lru_cache(maxsize=8192)
def _maldeler(mal: str) -> tuple[str, ...]:
    """A template split at its ``{fact}`` placeholders: the texts at even places, the facts'
    names at odd ones. Templates are the rules' texts and a few fixed ones, so the cache holds
    what the rulebook says, never a case's values."""
    return tuple(_PLASSHOLDER.split(mal))


def render(mal: str, node: Node, sprak: str, personer: Personer | None = None) -> str:
    """Fill ``{fact}`` placeholders from the values recorded on the node (and below it).

    A part in ``[ … ]`` is left out when a fact it names is not known, so a text never says
    «unknown» where it can say nothing.
    """
    if "[" in mal:
        mal = _VALGFRITT.sub(lambda treff: _valgfritt(treff, node), mal)
    if "{" in mal:
        deler = _maldeler(mal)  # text, name, text, name, …, text: parsed once per template
        biter = list(deler)
        for i in range(1, len(deler), 2):
            biter[i] = _verdi_av(deler[i], node, sprak, personer)
        tekst = "".join(biter)
    else:
        tekst = mal
    if personer is None:  # the contract's JSON: as the rule says it
        return tekst
    return _stor(_uten_koder(tekst))  # «søkeren …» starts a sentence: «Søkeren …»


def _kjent(navn: str, node: Node) -> bool:
    """Whether ``render`` knows the placeholder's value on ``node``."""
    if navn == "mangler":
        return bool(node.mangler)
    funnet, verdi = _finn_verdi(navn, node)
    return funnet and verdi is not None and not isinstance(verdi, Ukjent)


def _valgfritt(treff: re.Match[str], node: Node) -> str:
    """An optional part ``[ … ]``: kept (without brackets) only if all it names is known."""
    del_ = treff.group(1)
    return del_ if all(_kjent(p, node) for p in _PLASSHOLDER.findall(del_)) else ""


def _verdi_av(navn: str, node: Node, sprak: str, personer: Personer | None) -> str:
    """A placeholder's text in ``render`` (module functions, not closures made per call)."""
    if navn == "mangler":
        if personer is None:  # the contract's JSON names them by their paths
            return ", ".join(node.mangler) or "–"
        return ", ".join(manglertekst(m, sprak, personer) for m in node.mangler) or "–"
    funnet, verdi = _finn_verdi(navn, node)
    if funnet:
        return faktumtekst(navn, verdi, sprak, personer)
    return TITLER[sprak]["ukjent"]


def _tekst(kart: Mapping[str, str], sprak: str) -> str:
    """A text in the language asked for; a record stored before nynorsk falls back to bokmål."""
    return kart.get(sprak) or kart["nb"]


def regeltekst(node: Node, sprak: str, personer: Personer | None = None) -> str:
    """The text of a rule node for its outcome, with a generic fallback for undetermined."""
    regel = node.regel
    if regel is None:
        return ""
    t = TITLER[sprak]
    tittel = _tekst(regel.tittel, sprak)
    if node.rolle == "ikke_i_kraft":
        return f"{tittel}: {t['ikke_i_kraft']}"
    mal = regel.tekst(node.utfall._value_, sprak)  # (the enum's property is Python code)
    if mal is None and node.utfall is Utfall.UAVKLART:
        mal = f"{tittel}: {t['kan_ikke']}"
    if mal is None and node.utfall is Utfall.SKJONN:
        mal = f"{tittel}: {t['skjonn_regel']}"
    return render(mal or "", node, sprak, personer)


def hjemmeltekst(regel: RegelInfo, sprak: str) -> str:
    return regel.hjemmeltekst(sprak)


def _under(node: Node, hopp: Collection[str]) -> list[Node]:
    """This node and those below it, depth first, leaving out rules already shown (``hopp``):
    such a rule's node comes without its children.

    By a stack, not a recursive generator, which passed every node up through each level of
    a deep tree, twice per decision (the reasons and their «what would change it» lines).
    """
    ut: list[Node] = []
    stabel = [node]
    while stabel:
        n = stabel.pop()
        ut.append(n)
        for barn in reversed(n.barn):
            if barn.regel is not None and barn.regel.id in hopp:
                stabel.append(barn._replace(barn=()))
            else:
                stabel.append(barn)
    return ut


def _regelnoder(
    node: Node, hopp: Collection[str] = (), under: Iterable[Node] | None = None
) -> Iterable[Node]:
    """Rule nodes in reading order, each once; an exception shows only if it decided.

    ``under`` is ``_under(node, hopp)`` when the caller has walked it already.
    """
    sett: set[str] = set()
    for n in _under(node, hopp) if under is None else under:
        if n.regel is None or n.id in sett or n.rolle in ("beregning", "kontroll"):
            continue
        if n.rolle == "unntak" and n.utfall is not Utfall.OPPFYLT:
            continue
        sett.add(n.id)
        yield n


def begrunnelse(
    vedtak: Vedtak,
    sprak: str = "nb",
    personer: Personer | None = None,
    hopp: Collection[str] = (),
) -> str:
    """The reasons: the main rule's text, then each criterion's, with its reference.

    A rule in ``hopp`` (the main rule of a decision shown before) gets one line pointing to it.
    """
    return begrunnelser(vedtak, (sprak,), personer, hopp)[0]


def begrunnelser(
    vedtak: Vedtak,
    sprakene: Iterable[str],
    personer: Personer | None = None,
    hopp: Collection[str] = (),
) -> list[str]:
    """``begrunnelse`` in each of ``sprakene``, from one walk of the tree: the contract's
    JSON gives the reasons in bokmål and English, and the walk was a third of their cost."""
    sprakene = [_sprak(sprak) for sprak in sprakene]
    hoved = vedtak.hovednode()
    under = _under(hoved, hopp)  # walked once: for the reasons and for what would change them
    regelnoder = [n for n in _regelnoder(hoved, hopp, under) if not n.avgjort_av]
    # (a rule an exception decided is left out: the exception speaks for it)
    endres = (
        [n for n in under if n.regel and n.utfall is Utfall.IKKE_OPPFYLT and n.rolle != "unntak"]
        if vedtak.utfall is Utfall.IKKE_OPPFYLT
        else []
    )
    ut = []
    for sprak in sprakene:
        linjer = []
        for n in regelnoder:
            assert n.regel is not None
            if n.regel.id in hopp and n is not hoved:
                utfall = UTFALLSORD[sprak][n.utfall].split(" – ")[0].lower()
                tittel = _tekst(n.regel.tittel, sprak)
                linjer.append(f"{tittel}: {TITLER[sprak]['ovenfor']} ({utfall}).")
                continue
            tekst = regeltekst(n, sprak, personer)
            if tekst:
                linjer.append(f"{tekst} ({hjemmeltekst(n.regel, sprak)})")
        for n in endres:
            assert n.regel is not None
            endring = n.regel.tekst("endring", sprak)
            if endring:
                linjer.append(render(endring, n, sprak, personer))
        ut.append("\n".join(dict.fromkeys(linjer)))
    return ut


def merknadstekst(m: Merknad, sprak: str, personer: Personer | None = None) -> str:
    if m.tekst:
        return _tekst(m.tekst, sprak)
    if m.node is not None:
        return regeltekst(m.node, sprak, personer)
    return m.kode


def postetikett(post: str, sprak: str) -> str:
    """A calculation line's post (``inntekt_arbeidsinntekt``, ``boutgift_husleie``) as the
    working paper names it («Arbeidsinntekt», «Husleie»); what-if texts name a case's income,
    asset and housing-cost lines by the same words."""
    etikett = _tospraklig(POSTER, post, sprak)
    if etikett is None and post.startswith("sats_barn_"):
        fra, til = post.removeprefix("sats_barn_").split("_")
        etikett = TITLER[sprak]["barn_alder"].format(fra=fra, til=til)
    elif etikett is None and post.startswith(("inntekt_", "formue_")):
        type_ = post.split("_", 1)[1]
        etikett = _tospraklig(TYPER, type_, sprak) or _stor(verdietikett(type_, sprak))
    elif etikett is None:
        etikett = _stor(verdietikett(post, sprak))
    return etikett


def _linjetekst(linje: Any, sprak: str, personer: Personer | None) -> str:
    t = TITLER[sprak]
    post = linje.post
    etikett = postetikett(post, sprak)
    hvem = []
    if linje.person:
        hvem.append((personer or {}).get(linje.person, linje.person))
    if linje.alder is not None:
        hvem.append(t["alder"].format(alder=linje.alder))
    if hvem:
        etikett += f" ({', '.join(hvem)})"
    if post == "engangsstonad" and linje.kilde:  # its own month, not the monthly amount
        fra, til = (date.fromisoformat(d) for d in linje.kilde.split("/"))
        belop = kroner(linje.grunnlag, sprak) if linje.grunnlag is not None else "?"
        etikett += f" {belop}, {formater(fra, sprak)}–{formater(til, sprak)}"
    if linje.medregnet is not None or post.startswith("inntekt_"):
        grunnlag = kroner(linje.grunnlag, sprak) if linje.grunnlag is not None else ""
        if post.startswith("formue_"):
            status = t["trekkes_ikke"]
        elif linje.medregnet is True:
            status = t["regnes_med"]
        elif linje.medregnet is False:
            status = t["regnes_ikke_med"]
        else:
            status = t["uavklart"]
        etikett += f" {grunnlag}, {status}"
    return etikett


def _satslinjer(vedtak: Vedtak, sprak: str, satser: Iterable[Mapping[str, Any]]) -> list[str]:
    """One line per date of the rate tables the lines used, by the tables' short labels."""
    rader = [r for r in satser if r.get("kilde")]
    grupper: dict[Any, list[str]] = {}
    for linje in vedtak.beregning or ():
        if linje.gyldig_fra is None:
            continue
        navn = [
            tabellnavn(r.get("tabell", ""), r.get("navn") or {}, sprak)
            for r in rader
            if linje.kilde and r["kilde"] in linje.kilde
        ] or [_tabell_fra_kilde(linje.kilde or "", sprak)]
        for n in navn:
            if n not in grupper.setdefault(linje.gyldig_fra, []):
                grupper[linje.gyldig_fra].append(n)
    og = {"nb": " og ", "nn": " og ", "en": " and "}[sprak]
    return [
        "  " + TITLER[sprak]["satser_fra"].format(dato=formater(fra, sprak), tabeller=og.join(n))
        for fra, n in grupper.items()
    ]


def _beregning(
    vedtak: Vedtak,
    sprak: str,
    personer: Personer | None = None,
    satser: Iterable[Mapping[str, Any]] = (),
) -> list[str]:
    t = TITLER[sprak]
    enhet = _tospraklig(ENHETER, vedtak.enhet, sprak) or vedtak.enhet
    penger = vedtak.enhet.startswith("kr_")  # other units assess items one by one, no amounts
    ut = [f"{t['beregning']} ({enhet})" if penger else enhet]
    bredde = 62
    linjer = vedtak.beregning or ()
    noder = _nodeindeks(
        vedtak.node, {i for linje in linjer for i in (linje.node_id, linje.regel) if i}
    )
    for linje in linjer:
        etikett = _linjetekst(linje, sprak, personer)
        belop = (
            tall(linje.belop, sprak)
            if penger
            and (linje.belop or not linje.post.startswith(("inntekt_", "formue_", "engangs")))
            else ""
        )
        ut.append(f"  {etikett:<{bredde}} {belop:>10}".rstrip())
        begrunnet = _linjebegrunnelse(linje, noder, sprak, personer)
        if begrunnet:
            ut.append(f"      {begrunnet}")
    beregnet = vedtak.beregnet_behov_per_maned  # set apart from the payable amount on a refusal
    if vedtak.belop_per_maned is not None:
        ut.append(f"  {t['sum']:<{bredde}} {tall(vedtak.belop_per_maned, sprak):>10}")
    elif beregnet is not None:  # a refusal: the computed figure, said not to be payable
        ut.append(f"  {t['beregnet_avslag']:<{bredde}} {tall(beregnet, sprak):>10}")
    elif "belop_per_maned" in vedtak.utdata:  # areas without a monthly sum state theirs in text
        ut.append(f"  {t['ikke_beregnet']}")
    ut += _satslinjer(vedtak, sprak, satser)
    return ut


def _nodeindeks(rot: Node, trenger: Collection[str]) -> dict[str, Node]:
    """The nodes whose ids are in ``trenger``, each the first depth first (as ``Node.finn``),
    found in one walk: a search of the tree per calculation line made the text quadratic in
    the lines (issue 15). The walk stops when all are found, and indexes only those."""
    igjen = set(trenger)
    indeks: dict[str, Node] = {}
    stabel = [rot]
    while stabel and igjen:
        node = stabel.pop()
        if node.id in igjen:
            indeks[node.id] = node
            igjen.discard(node.id)
        if node.barn:
            stabel.extend(reversed(node.barn))
    return indeks


def _linjebegrunnelse(
    linje: Any, noder: Mapping[str, Node], sprak: str, personer: Personer | None = None
) -> str:
    if linje.node_id:
        node = noder.get(linje.node_id)
        if node is not None:
            kilde = node
            if node.avgjort_av:  # the exception that decided speaks for the line
                kilde = node.finn(node.avgjort_av) or node
            elif node.utfall in (Utfall.UAVKLART, Utfall.SKJONN):  # so does an open one
                kilde = next(
                    (b for b in node.barn if b.rolle == "unntak" and b.utfall is node.utfall), node
                )
            if kilde.regel:
                tekst = regeltekst(kilde, sprak, personer)
                return f"{tekst} ({hjemmeltekst(kilde.regel, sprak)})"
    if linje.regel and linje.post.startswith("formue_"):
        node = noder.get(linje.regel)
        if node is not None and node.regel:
            tekst = regeltekst(node, sprak, personer)
            return f"{tekst} ({hjemmeltekst(node.regel, sprak)})"
    return ""


def _baerende_noder(
    node: Node, med_kontroller: bool = True, hopp: Collection[str] = ()
) -> Iterable[Node]:
    """The nodes a decision rests on: what the text cites and whose facts it lists.

    Left out: an exception that did not apply (it was checked, but the decision does not rest
    on it), for the legal references a check that passed, and a rule shown under an earlier
    decision (``hopp``); all stay in the JSON tree.
    """
    return [n for n, hjemmel in _baerende(node, hopp) if med_kontroller or hjemmel]


def _baerende(node: Node, hopp: Collection[str] = ()) -> list[tuple[Node, bool]]:
    """Each bearing node in reading order (depth first), and whether the legal references
    count it (not when it is, or lies under, a check that passed).

    One walk without recursion serves both the facts and the legal references: a recursive
    generator per use walked deep trees several times per decision and passed every node up
    through each level, the text's largest cost after the facts' search (see ``_fakta``).
    """
    ut: list[tuple[Node, bool]] = []
    stabel: list[tuple[Node, bool]] = [(node, True)]
    while stabel:
        n, hjemmel = stabel.pop()
        if n.rolle == "unntak" and n.utfall is not Utfall.OPPFYLT:
            continue
        if hjemmel and n.rolle == "kontroll" and n.utfall is Utfall.OPPFYLT:
            hjemmel = False
        ut.append((n, hjemmel))
        for barn in reversed(n.barn):
            if not hopp or barn.regel is None or barn.regel.id not in hopp:
                stabel.append((barn, hjemmel))
    return ut


def _nevnt(tekst: str, allerede: str) -> bool:
    r"""Whether ``tekst`` stands in ``allerede`` as a whole amount or date: not right after a
    letter, digit, «_», «,» or «−», nor right before a letter, digit or «_».

    The same test as ``re.search(rf"(?<![\w,−]){re.escape(tekst)}(?!\w)", allerede)`` (``\w``
    is ``str.isalnum`` or «_»), by ``str.find``: a pattern built per fact cost ~25 µs each, a
    third of the working paper's time.
    """
    start = allerede.find(tekst)
    while start != -1:
        slutt = start + len(tekst)
        foran = allerede[start - 1] if start else ""
        bak = allerede[slutt] if slutt < len(allerede) else ""
        if not (foran and (foran in ",−_" or foran.isalnum())) and not (
            bak and (bak == "_" or bak.isalnum())
        ):
            return True
        start = allerede.find(tekst, start + 1)
    return False


_KATALOGREKKEFOLGE = {navn: i for i, navn in enumerate(KATALOG)}
#: Facts the list of facts never shows: hidden ones, and line facts (shown on their lines).
_IKKE_I_FAKTA = SKJULTE | {navn for navn, info in KATALOG.items() if info.omfang is not None}


@cache
def _faktaetikett(navn: str, sprak: str) -> str:
    """A catalogue fact's label as the list of facts starts it (the catalogue is fixed when the
    library loads, so each label is made once per language)."""
    return _stor(KATALOG[navn].etikett(sprak))


def _fakta(
    vedtak: Vedtak,
    sprak: str,
    personer: Personer | None = None,
    hopp: Collection[str] = (),
    allerede: str = "",
    noder: Iterable[Node] | None = None,
) -> list[str]:
    """The known facts the decision rests on, once each; unknown ones are listed as missing.

    An amount or a date the reasons above already state (``allerede``) is not listed again.
    ``noder`` are the bearing nodes when the caller has walked them already.
    """
    sett: dict[str, Any] = {}
    for n in noder if noder is not None else _baerende_noder(vedtak.node, hopp=hopp):
        if not n.fakta:
            continue
        for navn, verdi in n.fakta.items():
            # By name first: most nodes repeat facts an earlier node gave (the first known
            # value stands), and this loop sees every fact of every bearing node.
            if navn in sett or navn in _IKKE_I_FAKTA:
                continue
            if verdi is None or isinstance(verdi, Ukjent):
                continue
            if isinstance(verdi, _SAMLINGER) and not verdi:
                continue  # «none of them»: the count beside it says so
            sett[navn] = verdi
    ut = []
    for navn in sorted(sett, key=lambda n: _KATALOGREKKEFOLGE.get(n, 999)):
        info = KATALOG.get(navn)
        tekst = faktumtekst(navn, sett[navn], sprak, personer)
        if info is not None and info.type in ("belop", "dato") and _nevnt(tekst, allerede):
            continue
        beskrivelse = _faktaetikett(navn, sprak) if info else navn
        ut.append(f"  {beskrivelse}: {tekst}")
    return ut


def _apne_sporsmal(node: Node) -> Iterable[Mapping[str, str]]:
    """Discretion leaves that still matter: reached only through undecided nodes.

    A discretion question under a ``minst_en`` that another branch already satisfied does not
    bear on the outcome and is not put to the caseworker.
    """
    if node.sporsmal:
        yield node.sporsmal
    for barn in node.barn:
        if barn.utfall in (Utfall.SKJONN, Utfall.UAVKLART):
            yield from _apne_sporsmal(barn)


def _sporsmal(vedtak: Vedtak, sprak: str) -> list[str]:
    return list(
        dict.fromkeys(
            f"  - {_uten_koder(_tekst(sporsmal, sprak))}"
            for sporsmal in _apne_sporsmal(vedtak.node)
        )
    )


def forklar_vedtak(
    vedtak: Vedtak,
    sprak: str,
    personer: Personer | None = None,
    hopp: Collection[str] = (),
    satser: Iterable[Mapping[str, Any]] = (),
) -> list[str]:
    """One decision of the working paper; rules in ``hopp`` were shown under an earlier one."""
    t = TITLER[sprak]
    hoved_hjemmel = "; ".join(h.tekst(sprak) for h in vedtak.hjemmel)
    ut = [f"{_tekst(vedtak.tittel, sprak).upper()} ({hoved_hjemmel})", ""]
    ut.append(f"{t['utfall']}: {UTFALLSORD[sprak][vedtak.utfall]}")
    if vedtak.belop_per_maned is not None:
        ut.append(f"{t['belop']}: {kroner(vedtak.belop_per_maned, sprak)} {t['per_maned']}")
    ut.append("")
    # A calculation without lines or amount (one that evaluates items, e.g. § 27's stays)
    # has no table to show.
    if vedtak.beregning is not None and (vedtak.beregning or "belop_per_maned" in vedtak.utdata):
        ut += [*_beregning(vedtak, sprak, personer, satser), ""]
    grunner = begrunnelse(vedtak, sprak, personer, hopp)
    ut += [t["begrunnelse"], *("  " + linje for linje in grunner.splitlines())]
    sporsmal = _sporsmal(vedtak, sprak)
    if sporsmal:
        ut += ["", t["skjonn"], *sporsmal]
    baerende = _baerende(vedtak.node, hopp)  # walked once, for the facts and the references
    fakta = _fakta(vedtak, sprak, personer, hopp, "\n".join(ut), [n for n, _ in baerende])
    if fakta:
        ut += ["", t["fakta"], *fakta]
    ut += ["", t["hjemmel"]]
    # Nodes of one rule share its references, worded once per rule version and language.
    regler = {id(n.regel): n.regel for n, hjemmel in baerende if hjemmel and n.regel}
    par = dict.fromkeys(p for regel in regler.values() for p in regel.hjemmelpar(sprak))
    ut += [f"  {tekst}: {lenke}" for tekst, lenke in par]
    return ut


def _manglende(assessment: Assessment, sprak: str, personer: Personer) -> list[str]:
    """Every missing fact once, with the decisions that wait for it."""
    hvor: dict[str, list[str]] = {}
    for vedtak in assessment.vedtak.values():
        for sti in vedtak.mangler:
            navn = _stor(manglertekst(sti, sprak, personer))
            tittel = _tekst(vedtak.tittel, sprak)
            if tittel not in hvor.setdefault(navn, []):
                hvor[navn].append(tittel)
    return [f"  - {navn} – {', '.join(titler).lower()}" for navn, titler in hvor.items()]


def _satsmerknader(assessment: Assessment, sprak: str) -> list[str]:
    """Rate rows the amounts rest on that may be out of date or are not confirmed."""
    t = TITLER[sprak]
    ut = []
    for rad in assessment.satser:
        navn = tabellnavn(rad.get("tabell", ""), rad.get("navn") or {}, sprak)
        fra = formater(date.fromisoformat(str(rad["gyldig_fra"])), sprak)
        if rad.get("utdatert") and rad.get("kjent_gyldig_til"):
            til = formater(date.fromisoformat(str(rad["kjent_gyldig_til"])), sprak)
            ut.append(t["utdatert"].format(navn=navn, til=til, fra=fra))
        if rad.get("merke") in USIKRE_MERKER:
            ut.append(t["usikker"].format(navn=navn, fra=fra))
    return list(dict.fromkeys(ut))


def merknadstekster(assessment: Assessment, sprak: str, personer: Personer) -> list[str]:
    """Each flag once, as a person reads it: its text with its deadline, each person by who
    they are; the rate caveats from the rate rows used, in place of the rate flag's own text
    (records written before nynorsk hold that text in bokmål and English only, with the row's
    source; the rows speak every language). The working paper and the REPL list these."""
    t = TITLER[sprak]
    tekster = [
        merknadstekst(m, sprak, personer)
        + (f" ({t['frist']} {formater(m.frist, sprak)})" if m.frist else "")
        for m in assessment.merknader
        if not (m.kode == "SATSER_KAN_VAERE_UTDATERT" and m.node is None)
    ]
    return list(dict.fromkeys([*tekster, *_satsmerknader(assessment, sprak)]))


def forklar(assessment: Assessment, sprak: str = "nb") -> str:
    """The working paper: what is missing, each decision, the flags, appeal information."""
    _sprak(sprak)
    t = TITLER[sprak]
    personer = personetiketter(assessment, sprak)
    hode = f"{t['vurderingsdato']}: {formater(assessment.vurderingsdato, sprak)}"
    if assessment.sak_id:
        hode += f" · {t['sak']}: {assessment.sak_id}"
    ut = [hode, ""]
    mangler = _manglende(assessment, sprak, personer)
    if mangler:
        ut += [t["mangler"], *mangler, ""]
    vist: list[str] = []
    for vedtak in assessment.vedtak.values():
        ut += [*forklar_vedtak(vedtak, sprak, personer, vist, assessment.satser), ""]
        vist.append(vedtak.hovedregel)
    merknader = [f"  - {tekst}" for tekst in merknadstekster(assessment, sprak, personer)]
    if merknader:
        ut += [t["merknader"], *merknader, ""]
    if assessment.klage is not None:
        ut += [regeltekst(assessment.klage, sprak, personer), ""]
    ut.append(t["biblioteket"].format(bibliotek=assessment.bibliotek, regler=assessment.regler))
    return "\n".join(ut)
