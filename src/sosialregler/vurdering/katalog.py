"""The catalogue of named facts that rules may read.

Rule files refer to facts by name (``soker.alder``). Every name a rule uses, in an expression
or in a text placeholder, must be here: the rulebook loader rejects unknown names, so a typo
in a rule file is a load error, not a rule that silently never fires.

Each entry says what the fact means (nb/nn/en), its kind (used by the linter and to format values
in texts), and its scope: most facts belong to the case, some to one item being assessed (an
income line) and are only readable by rules that declare that scope.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import evolve

from . import areas
from .faktainfo import FaktaInfo


def _f(navn: str, type: str, nb: str, en: str, omfang: str | None = None) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en, omfang)


_ALLE = [
    # The case
    _f("vurderingsdato", "dato", "vurderingsdato", "assessment date"),
    _f("sak.id", "tekst", "saksnummer", "case id"),
    _f("soker.id", "tekst", "søkerens id", "applicant's id"),
    _f("soker.fodselsdato", "dato", "søkerens fødselsdato", "applicant's date of birth"),
    _f("soker.alder", "tall", "søkerens alder på vurderingsdatoen", "applicant's age on the date"),
    _f(
        "bofellesskap",
        "sannhetsverdi",
        "søkeren bor i bofellesskap",
        "the applicant lives in a shared household",
    ),
    _f(
        "husstand.type",
        "tekst",
        "husstandstype (enslig, par eller bofellesskap)",
        "household type (single, couple or shared)",
    ),
    _f(
        "husstand.andre_voksne",
        "liste",
        "voksne i husstanden som ikke er søker, ektefelle eller samboer",
        "adults in the household who are not the applicant or a partner",
    ),
    _f(
        "husstand.antall_andre_voksne",
        "tall",
        "antall voksne i husstanden som ikke er søker, ektefelle eller samboer",
        "adults in the household who are not the applicant or a partner",
    ),
    _f(
        "husstand.har_partner",
        "sannhetsverdi",
        "søkeren har ektefelle eller samboer i saken",
        "the applicant has a spouse or cohabitant in the case",
    ),
    _f("husstand.antall_personer", "tall", "antall personer i saken", "persons in the case"),
    _f("husstand.antall_barn", "tall", "antall barn i husstanden", "children in the household"),
    _f("husstand.antall_barn_under_18", "tall", "antall barn under 18 år", "children under 18"),
    _f(
        "individuell_vurdering.registrert",
        "sannhetsverdi",
        "saksbehandlers individuelle vurdering er registrert",
        "the caseworker's individual assessment is recorded",
    ),
    _f(
        "individuell_vurdering.tekst",
        "tekst",
        "saksbehandlers individuelle vurdering",
        "the caseworker's individual assessment",
    ),
    _f("kommune.navn", "tekst", "kommunen", "the municipality"),
    _f(
        "kommune.holder_barnetrygd_utenfor",
        "sannhetsverdi",
        "kommunen har valgt å holde barnetrygd utenfor (før 01.09.2022)",
        "the municipality chose to leave child benefit out (before 2022-09-01)",
    ),
    _f(
        "inntekter.har_barnetrygd",
        "sannhetsverdi",
        "husstanden har barnetrygd",
        "the household receives child benefit",
    ),
    _f("formue.sum", "belop", "samlet formue", "total assets"),
    _f("formue.antall", "tall", "antall formuesposter", "number of assets"),
    # § 18 calculation (computed by areas/livsopphold.py before the rules are evaluated)
    _f("livsopphold.satssum", "belop", "sum veiledende satser", "sum of guideline rates"),
    _f("livsopphold.boutgifter", "belop", "boutgifter", "housing costs"),
    _f("livsopphold.inntekt_medregnet", "belop", "inntekt som regnes med", "income that counts"),
    _f(
        "livsopphold.inntekt_ikke_medregnet",
        "belop",
        "inntekt som ikke regnes med",
        "income that does not count",
    ),
    _f(
        "livsopphold.udekket_behov",
        "belop",
        "behov etter satser og boutgifter minus inntekt som regnes med",
        "need from rates and housing costs minus income that counts",
    ),
    _f(
        "livsopphold.belop_per_maned",
        "belop",
        "veiledende stønad per måned",
        "guideline support per month",
    ),
    _f("livsopphold.satstabell", "tekst", "satstabellen som er brukt", "rate table used"),
    _f(
        "livsopphold.sats_gyldig_fra",
        "dato",
        "satsenes gyldighetsdato",
        "the rates' effective date",
    ),
    # One income line (scope "inntekt")
    _f("inntekt.type", "tekst", "inntektstype", "income type", "inntekt"),
    _f("inntekt.belop_per_maned", "belop", "beløp per måned", "amount per month", "inntekt"),
    _f("inntekt.person.id", "tekst", "hvem inntekten tilhører", "whose income", "inntekt"),
    _f(
        "inntekt.person.rolle",
        "tekst",
        "rollen til den som har inntekten",
        "role of the earner",
        "inntekt",
    ),
    _f(
        "inntekt.person.alder",
        "tall",
        "alderen til den som har inntekten",
        "age of the earner",
        "inntekt",
    ),
    _f(
        "inntekt.person.uten_forsorgelsesplikt",
        "sannhetsverdi",
        "den som har inntekten, er en voksen uten plikt til å forsørge søkeren",
        "the earner is an adult with no duty to maintain the applicant",
        "inntekt",
    ),
    _f(
        "inntekt.person.samboer_uten_felles_okonomi",
        "sannhetsverdi",
        "den som har inntekten, er en samboer uten felles økonomi med søkeren",
        "the earner is a cohabitant with no joint economy with the applicant",
        "inntekt",
    ),
]


# --- Nynorsk ------------------------------------------------------------------------------------
#: Every fact's label in nynorsk, for the facts declared here and in ``areas/`` alike. Kept in one
#: table so area modules keep their (nb, en) declarations; ``_katalog`` fills ``FaktaInfo.nn``
#: from it, and a test requires an entry for every fact.
_NYNORSK: Mapping[str, str] = {
    "vurderingsdato": "vurderingsdato",
    "sak.id": "saksnummer",
    "soker.id": "søkjaren sin id",
    "soker.fodselsdato": "fødselsdatoen til søkjaren",
    "soker.alder": "alderen til søkjaren på vurderingsdatoen",
    "bofellesskap": "søkjaren bur i bufellesskap",
    "husstand.type": "hushaldstype",
    "husstand.har_partner": "søkjaren har ektefelle eller sambuar i saka",
    "husstand.antall_personer": "talet på personar i saka",
    "husstand.antall_barn": "talet på barn i hushaldet",
    "husstand.antall_barn_under_18": "talet på barn under 18 år",
    "individuell_vurdering.registrert": (
        "den individuelle vurderinga til sakshandsamaren er registrert"
    ),
    "individuell_vurdering.tekst": "den individuelle vurderinga til sakshandsamaren",
    "kommune.navn": "kommunen",
    "kommune.holder_barnetrygd_utenfor": (
        "kommunen har valt å halde barnetrygd utanfor (før 01.09.2022)"
    ),
    "inntekter.har_barnetrygd": "hushaldet har barnetrygd",
    "formue.sum": "samla formue",
    "formue.antall": "talet på formuespostar",
    "livsopphold.satssum": "sum rettleiande satsar",
    "livsopphold.boutgifter": "buutgifter",
    "livsopphold.inntekt_medregnet": "inntekt som blir rekna med",
    "livsopphold.inntekt_ikke_medregnet": "inntekt som ikkje blir rekna med",
    "livsopphold.udekket_behov": (
        "behov etter satsar og buutgifter minus inntekt som blir rekna med"
    ),
    "livsopphold.belop_per_maned": "rettleiande stønad per månad",
    "livsopphold.satstabell": "satstabellen som er brukt",
    "livsopphold.sats_gyldig_fra": "satsane gjeld frå",
    "inntekt.type": "inntektstype",
    "inntekt.belop_per_maned": "beløp per månad",
    "inntekt.person.id": "kven inntekta høyrer til",
    "inntekt.person.rolle": "rolla til den som har inntekta",
    "inntekt.person.alder": "alderen til den som har inntekta",
    "botilbud.nummer": "nummeret på opphaldet i saka",
    "botilbud.type": "type butilbod",
    "botilbud.fra": "opphaldet tok til",
    "botilbud.malt_til": "opphaldet er målt til",
    "botilbud.status": "status for opphaldet på vurderingsdatoen",
    "botilbud.personer": "personane i opphaldet",
    "botilbud.yngste_alder": "alderen til den yngste i opphaldet med kjend fødselsdato",
    "botilbud.eldste_alder": "alderen til den eldste i opphaldet med kjend fødselsdato",
    "botilbud.aldre_kjent": "alle i opphaldet har kjend fødselsdato",
    "botilbud.sammenhengende_fra": "start på den samanhengande perioden i mellombels butilbod",
    "botilbud.lengst_boende": "dei som har budd lengst samanhengande",
    "botilbud.dager": "dagar i den samanhengande perioden",
    "botilbud.maneder": "månader i den samanhengande perioden",
    "botilbud.grensedato": "datoen då opphaldet når grensa i rundskrivet",
    "botilbud.dager_til_grensen": "dagar frå vurderingsdatoen til grensa",
    "botilbud.tilgang_hele_dognet": "tilgang heile døgnet",
    "botilbud.mulighet_for_matlaging": "høve til å lage mat",
    "botilbud.toalett_og_bad": "toalett og bad",
    "botilbud.mulighet_for_rene_klaer": "høve til å halde kleda reine",
    "botilbud.brukes_av_personer_med_rusproblemer": "staden blir brukt av personar med rusproblem",
    "midlertidig_botilbud.har_opphold": "saka har opphald i mellombels butilbod",
    "midlertidig_botilbud.antall_pagaende": "talet på opphald som held fram på vurderingsdatoen",
    "midlertidig_botilbud.pagaende_typer": "typane butilbod som held fram",
    "midlertidig_botilbud.pagaende_sammenhengende_fra": (
        "start på den lengste samanhengande perioden som held fram"
    ),
    "midlertidig_botilbud.eldste_alder": "alderen til den eldste i saka med kjend fødselsdato",
    "midlertidig_botilbud.aldre_kjent": "alle i saka har kjend fødselsdato",
    "botilbud_soknad.foreligger": "saka har ein søknad om mellombels butilbod",
    "botilbud_soknad.uten_overnatting_neste_dogn": (
        "søkjaren har ikkje ein stad å sove og opphalde seg det neste døgnet"
    ),
    "botilbud_soknad.avgjorelse": "avgjerda",
    "botilbud_soknad.avgjort_ved_henvisning": (
        "søknaden er avgjord ved at søkjaren er vist til å finne ein stad sjølv"
    ),
    "botilbud_soknad.avgjort_ved_avslag": "søknaden er avslått",
    "botilbud_soknad.dato": "datoen for søknaden",
    "kvp.foreligger": "saka gjeld kvalifiseringsprogram",
    "kvp.person": "kven søknaden om kvalifiseringsprogram gjeld",
    "kvp.fodselsdato": "fødselsdatoen til deltakaren",
    "kvp.alder": "alderen til deltakaren på vurderingsdatoen",
    "kvp.vesentlig_nedsatt_arbeidsevne": "vesentleg nedsett arbeids- og inntektsevne",
    "kvp.ytelser": "ytingar til livsopphald etter folketrygdlova eller arbeidsmarknadslova",
    "kvp.har_ytelser": "søkjaren har slike ytingar",
    "kvp.ytelser_navn": "ytingane søkjaren har",
    "kvp.arbeidsevnevurdering_gjort": "arbeidsevnevurdering er gjord",
    "kvp.behov_for_tett_oppfolging": "behov for tett oppfølging",
    "kvp.hensiktsmessig_og_nodvendig": (
        "tett og koordinert bistand gjennom programmet er føremålstenleg og naudsynt"
    ),
    "kvp.program_kan_tilbys": "NAV-kontoret kan tilby eit program",
    "kvp.norsk_statsborger": "deltakaren er norsk statsborgar",
    "kvp.lovlig_opphold": "deltakaren har lovleg opphald i Noreg",
    "kvp.fast_bopel_i_norge": "deltakaren har fast bustad i Noreg",
    "kvp.program_start": "programmet tek til",
    "kvp.program_slutt": "programmet sluttar",
    "kvp.programlengde_ar": "lengda på programperioden, heile år",
    "kvp.programlengde_restdager": "lengda på programperioden, dagar ut over heile år",
    "kvp.har_forlengelse": "programmet er forlengt",
    "kvp.forlenget_til": "programmet er forlengt til",
    "kvp.forlengelse_ar": "lengda på forlenginga, heile år",
    "kvp.forlengelse_restdager": "lengda på forlenginga, dagar ut over heile år",
    "kvp.forlengelse_begrunnet": "grunngjeving for forlenginga er registrert",
    "kvp.forlengelse_begrunnelse": "grunngjevinga for forlenginga",
    "kvp.timer_per_uke": "timar per veke i programmet",
    "kvp.antall_barn": "talet på barn deltakaren forsørgjer",
    "kvp.har_ugyldig_fravaer": "deltakaren har ugyldig fråvær",
    "kvp.vedtak_varslet_trekk_ved_fravaer": "vedtaket tok atterhald om trekk ved ugyldig fråvær",
    "kvp.regnet_med_i_livsopphold": "kvalifiseringsstønaden er ført som inntekt i saka",
    "kvp.grunnbelop": "grunnbeløpet (G)",
    "kvp.grunnbelop_fra": "grunnbeløpet gjeld frå",
    "kvp.faktor_nb": "stønaden i G per år",
    "kvp.faktor_en": "stønaden i G per år",
    "kvp.alder_full_sats": "alder for full sats",
    "kvp.dato_full_sats": "datoen deltakaren når alderen for full sats",
    "kvp.stonad_full_per_ar": "full kvalifiseringsstønad per år",
    "kvp.stonad_under_25_per_ar": "kvalifiseringsstønad per år for deltakarar under 25 år",
    "kvp.stonad_per_ar": "kvalifiseringsstønaden til deltakaren per år",
    "kvp.dager_per_ar": "stønadsdagar per år",
    "kvp.dagsats": "kvalifiseringsstønad per dag",
    "kvp.barnetillegg_per_barn_per_dag": "barnetillegg per barn per dag",
    "kvp.barnetillegg_fra": "barnetilleggssatsen gjeld frå",
    "kvp.barnetillegg_per_dag": "barnetillegg per dag i alt",
    "kvp.barnetillegg_per_ar": "barnetillegg per år i alt",
    "kvp.reduksjon_per_ar": "reduksjon for dagpengar, sjukepengar og foreldrepengar per år",
    "kvp.stonad_etter_reduksjon_per_ar": "kvalifiseringsstønad per år etter reduksjon",
    "kvp.belop_per_maned": "kvalifiseringsstønad med barnetillegg per månad",
    "kvp.trekk_fravaer": "trekk for ugyldig fråvær i alt",
    "kvp_fravaer.fra": "fråværet tok til",
    "kvp_fravaer.til": "fråværet slutta",
    "kvp_fravaer.gyldig": "fråværet er gyldig",
    "kvp_fravaer.dager": "programdagar med fråvær",
    "kvp_fravaer.dagsats": "dagsats då fråværet tok til",
    "kvp_fravaer.trekk": "trekk for fråværet",
    "barns_behov.vurdert": "behova til barna er vurderte konkret",
    "kommune.holder_barnetrygd_fra_annen_stat_utenfor": (
        "kommunen har valt å halde barnetrygd frå ein annan stat utanfor"
    ),
    "inntekter.har_barnetrygd_fra_annen_stat": "hushaldet har barnetrygd frå ein annan stat",
    "boutgifter.antall_ikke_vurdert": "buutgifter utan registrert vurdering av om dei er rimelege",
    "rettigheter.registrert": "dei økonomiske rettane til hushaldet er kartlagde i saka",
    "rettigheter.antall_ikke_sokt": "talet på rettar det ikkje er søkt om",
    "rettigheter.ikke_sokt": "rettar det ikkje er søkt om",
    "utbetaling.stonadsform": "stønadsform (bidrag eller lån)",
    "utbetaling.mottaker": "kven stønaden blir utbetalt til",
    "utbetaling.til_tredjepart": "saka ber om utbetaling til ein tredjepart",
    "utbetaling.samtykke_til_tredjepart": "søkjaren har samtykt til utbetaling til tredjepart",
    "utbetaling.vedtak_etter_21_fjerde_ledd": (
        "det er gjort vedtak om varer og tenester etter § 21 fjerde ledd"
    ),
    "livsopphold.andre_utgifter": "andre naudsynte utgifter per månad",
    "livsopphold.engangsutgifter": "naudsynte eingongsutgifter (utanom månadsbeløpet)",
    "livsopphold.behov_dekket_av_inntekt": (
        "inntekta som blir rekna med, dekkjer behovet etter § 18"
    ),
    "inntekt.fra_annen_stat": "ytinga er betalt av ein annan stat",
    "boutgift.type": "buutgiftstype",
    "boutgift.belop_per_maned": "faktisk buutgift",
    "boutgift.vurdert_urimelig": "sakshandsamaren har vurdert buutgifta som ikkje rimeleg",
    "boutgift.vurdert_rimelig": "buutgifta er vurdert som rimeleg",
    "boutgift.godkjent_belop_per_maned": "godkjend buutgift",
    "utgift.type": "utgiftstype",
    "utgift.belop": "beløpet for utgifta",
    "utgift.hyppighet": "per månad eller eingongs",
    "utgift.beskrivelse": "skildring av utgifta",
    "rettighet.type": "rett",
    "rettighet.navn": "namnet på retten",
    "rettighet.navn_en": "namnet på retten",
    "rettighet.status": "status for retten",
    "rettighet.person.id": "kven retten gjeld",
    "nodhjelp.oppgitt": "saka seier noko om ein naudssituasjon",
    "nodhjelp.foreligger": "saka gjeld ein naudssituasjon",
    "nodhjelp.belop": (
        "det sakshandsamaren har vurdert at dei augeblikkelege behova kostar (naudhjelpsgrensa)"
    ),
    "nodhjelp.beskrivelse": "skildring av naudssituasjonen",
    "opphold.person": "personen",
    "opphold.rolle": "rolla til personen i saka",
    "opphold.norsk_statsborger": "norsk statsborgar",
    "opphold.lovlig_opphold": "lovleg opphald i Noreg (ein norsk statsborgar har alltid det)",
    "opphold.fast_bopel_i_norge": "fast bustad i Noreg",
    "opphold.asylsoker_med_statlig_innkvartering": (
        "har søkt vern og er i eller kan få statleg innkvartering"
    ),
    "opphold.avtale_eos_eller_nordisk": (
        "EØS-avtalen, nordisk konvensjon eller ein annan avtale gjev rettar"
    ),
    "opphold.offer_for_menneskehandel_refleksjonsperiode": (
        "truleg offer for menneskehandel med avgrensa opphaldsløyve (refleksjonsperiode)"
    ),
    "opphold.rett_til_opphold_under_oppholdssak": (
        "rett til å bli i landet medan ei sak om opphald blir handsama"
    ),
    "opphold.tilbud_om_plass_i_mottak": "har tilbod om plass i statleg mottak",
    "opphold.utenlands_uten_avtale": (
        "oppheld seg i utlandet utan at opphaldet er avtalt med NAV på førehand"
    ),
    "soker.omfang": "kor langt lova og forskrifta gjeld for søkjaren",
    "soker.omfang_om_kjent": "kor langt lova og forskrifta gjeld for søkjaren",
    "omfang.kvp_deltaker_om_kjent": (
        "kor langt lova gjeld for den som søkjer kvalifiseringsprogram"
    ),
    "soker.tilbud_om_plass_i_mottak": "søkjaren har tilbod om plass i statleg mottak",
    "omfang.antall_begrenset": "talet på personar i saka med avgrensa rettar",
    "omfang.personer_begrenset": "personar med avgrensa rettar",
    "langtid.maneder_oppgitt": "saka oppgjev månadene med utbetalt stønad",
    "langtid.definisjon": "definisjonen av langtidsmottakar som kommunen brukar",
    "langtid.kalenderar": "kalenderåret som blir talt",
    "langtid.maneder_i_kalenderaret": (
        "månader med stønad i kalenderåret til og med vurderingsmånaden"
    ),
    "langtid.maneder_pa_rad": "månader med stønad på rad, fram til og med siste månad med stønad",
    "langtid.siste_maned": "siste månad med stønad (til og med vurderingsmånaden)",
    "oppfolging.kvp_i_saken": "saka har opplysningar om kvalifiseringsprogram",
    "individuell_plan.oppgitt": "saka har opplysningar om individuell plan",
    "individuell_plan.behov_for_langvarige_koordinerte_tjenester": (
        "sakshandsamaren har vurdert at søkjaren treng langvarige og koordinerte tenester"
    ),
    "individuell_plan.behov_vurdert": (
        "sakshandsamaren har registrert om søkjaren treng langvarige og koordinerte tenester"
    ),
    "individuell_plan.tjenester": "tenestene søkjaren får",
    "individuell_plan.antall_tjenester": "talet på tenester søkjaren får",
    "individuell_plan.tilbudt": "søkjaren er tilboden individuell plan",
    "individuell_plan.onsker_ikke_plan": (
        "søkjaren har sagt at ho eller han ikkje ønskjer individuell plan"
    ),
    "individuell_plan.har_plan_fra_annen_instans": (
        "søkjaren har alt ein individuell plan frå ein annan instans"
    ),
    "radgivningene.finnes": "saka har registrert opplysning, råd eller rettleiing",
    "radgivningene.antall": "talet på registrerte råd",
    "radgivningene.ikke_oppfylt": "råd og rettleiing gjeve utan vedtak",
    "radgivningene.skjonn": "råd med spørsmål til skjønnet til sakshandsamaren",
    "radgivningene.avklart": "alle registrerte råd kan vurderast på opplysningane i saka",
    "radgivning.dato": "datoen rådet vart gjeve",
    "radgivning.type": "type råd eller rettleiing",
    "radgivning.person": "kven rådet vart gjeve til",
    "radgivning.vedtak_fattet": "det er gjort vedtak om tenesta",
    "reduksjonene.finnes": "saka har reduksjonar som skal vurderast",
    "reduksjonene.antall": "talet på reduksjonar",
    "reduksjonene.ikke_oppfylt": "reduksjonar som ikkje kan gjennomførast",
    "reduksjonene.skjonn": "reduksjonar med spørsmål til skjønnet til sakshandsamaren",
    "reduksjonene.avklart": "alle reduksjonar kan vurderast på opplysningane i saka",
    "reduksjon.vilkar": "vilkåret som er brote",
    "reduksjon.person": "kven vilkåret gjeld",
    "reduksjon.dato": "reduksjonen gjeld frå",
    "reduksjon.belop_per_maned": "reduksjon per månad",
    "reduksjon.arsak_til_brudd": "årsaka til brotet, slik ho er registrert",
    "reduksjon.forhandsvarslet": "stønadsmottakaren er varsla før reduksjonsvedtaket",
    "reduksjon.varslet_i_vedtaket": (
        "vedtaket som sette vilkåret, sa at brot kan føre til reduksjon"
    ),
    "reduksjon.stonad_for_reduksjon": "stønad til livsopphald per månad før reduksjonen",
    "reduksjon.stonad_etter_reduksjon": (
        "stønad til livsopphald per månad etter reduksjonen (aldri under 0)"
    ),
    "saerlige_tilfeller.oppgitt": "saka gjeld òg stønad i særlege tilfelle (§ 19)",
    "saerlige_tilfeller.livssituasjon": "livssituasjonen til søkjaren slik saka skildrar han",
    "saerlige_tilfeller.utgiftstyper": "utgifter det blir søkt stønad til etter § 19",
    "saerlige_tilfeller.sum_engangs": "eingongsutgifter det blir søkt om etter § 19",
    "saerlige_tilfeller.sum_per_maned": "løpande utgifter per månad det blir søkt om etter § 19",
    "vilkarene.finnes": "saka har vilkår som skal vurderast",
    "vilkarene.antall": "talet på vilkår",
    "vilkarene.ikke_oppfylt": "vilkår som ikkje oppfyller krava",
    "vilkarene.skjonn": "vilkår med spørsmål til skjønnet til sakshandsamaren",
    "vilkarene.avklart": "alle vilkår kan vurderast på opplysningane i saka",
    "aktivitetsplikt.vilkar_satt": "det er sett vilkår om aktivitet for søkjaren",
    "aktivitetsplikt.tungtveiende_grunner": (
        "tungtvegande grunnar mot vilkår om aktivitet, slik sakshandsamaren har registrert dei"
    ),
    "aktivitetsplikt.tungtveiende_grunner_registrert": (
        "tungtvegande grunnar mot vilkår om aktivitet er registrerte"
    ),
    "aktivitetsplikt.livsopphold_utfall": "utfallet av kravet på stønad til livsopphald",
    "vilkar.id": "vilkåret",
    "vilkar.person": "kven vilkåret gjeld",
    "vilkar.type": "vilkårstype",
    "vilkar.beskrivelse": "kva vilkåret krev",
    "vilkar.begrunnelse": "kvifor vilkåret blir sett",
    "vilkar.frist": "fristen i vilkåret",
    "vilkar.frist_oppgitt": "vilkåret har ein frist",
    "vilkar.dokumentasjon": "korleis vilkåret skal dokumenterast",
    "vilkar.varsel_om_reduksjon": "vedtaket seier at brot på vilkåret kan føre til reduksjon",
    "vilkar.naer_sammenheng_med_vedtaket": "vilkåret har nær samanheng med vedtaket",
    "vilkar.naer_sammenheng_med_vedtaket_vurdert": (
        "sakshandsamaren har registrert om vilkåret har nær samanheng med vedtaket"
    ),
    "vilkar.uforholdsmessig_byrdefullt": "vilkåret er uforholdsmessig tyngjande",
    "vilkar.uforholdsmessig_byrdefullt_vurdert": (
        "sakshandsamaren har registrert om vilkåret er uforholdsmessig tyngjande"
    ),
    "vilkar.urimelig_begrensning_av_handlefrihet": (
        "vilkåret avgrensar handle- og valfridomen på ein urimeleg måte"
    ),
    "vilkar.urimelig_begrensning_av_handlefrihet_vurdert": (
        "sakshandsamaren har registrert om vilkåret avgrensar handle- og valfridomen urimeleg"
    ),
    "vilkar.i_strid_med_annen_lov": "vilkåret er i strid med lova her eller andre lover",
    "vilkar.i_strid_med_annen_lov_vurdert": (
        "sakshandsamaren har registrert om vilkåret er i strid med lova her eller andre lover"
    ),
    # Issue 14 points 6, 8, 9, 10 (scope, KVP, reductions, long-term status, § 20 / § 20 a)
    "kvp.arbeidsevnevurdering_foreligger": (
        "det ligg føre ei arbeidsevnevurdering (elles må NAV gjere ho)"
    ),
    "kvp.ytelser_per_maned": "ytingane søkjaren har, per månad (frå inntektene i saka)",
    "kvp.ytelser_per_ar": "ytingane søkjaren har, per år (12 × per månad)",
    "langtid.vindu_fra": "første månad i vindauget på 12 månader som blir talt",
    "langtid.maneder_siste_12": "månader med stønad i dei 12 månadene til og med vurderingsmånaden",
    "reduksjon.boutgifter_per_maned": "godkjende buutgifter per månad i stønaden",
    "reduksjon.gulv_per_maned": (
        "stønaden per månad som trengst for at buutgiftene blir dekte "
        "(buutgifter minus inntekt som blir rekna med, aldri under 0)"
    ),
    "reduksjon.igjen_til_livsopphold": (
        "det som er att per månad til livsopphald utanom buutgiftene etter reduksjonen "
        "(stønad og inntekt minus buutgifter)"
    ),
    "vilkarene.uten_varsel": "vilkår der vedtaket ikkje seier at brot kan føre til reduksjon",
    "vilkarene.varsel_ikke_oppgitt": (
        "vilkår der det ikkje er opplyst om vedtaket varslar reduksjon"
    ),
    "aktivitetsplikt.soker_i_kvp": "søkjaren deltek i kvalifiseringsprogram på datoen",
    "aktivitetsplikt.partner": "ektefellen eller sambuaren til søkjaren",
    "aktivitetsplikt.partner_alder": "alderen til ektefellen eller sambuaren på datoen",
    "aktivitetsplikt.partner_under_30": "søkjaren har ektefelle eller sambuar under 30 år",
    "aktivitetsplikt.partner_vilkar_satt": (
        "det er stilt vilkår om aktivitet for ektefellen eller sambuaren"
    ),
    # Issue 14 points 1-4, 10 (who owes maintenance, other adults, one-off needs, § 18 questions)
    "husstand.andre_voksne": ("vaksne i hushaldet som ikkje er søkjar, ektefelle eller sambuar"),
    "husstand.antall_andre_voksne": (
        "talet på vaksne i hushaldet som ikkje er søkjar, ektefelle eller sambuar"
    ),
    "inntekt.person.uten_forsorgelsesplikt": (
        "den som har inntekta, er ein vaksen utan plikt til å forsørgje søkjaren"
    ),
    "inntekt.person.samboer_uten_felles_okonomi": (
        "den som har inntekta, er ein sambuar utan felles økonomi med søkjaren"
    ),
    "utgifter.gjeld": "nedbetaling av gjeld som saka oppgjev som utgift",
    "boutgifter.antall_redusert": "buutgifter som er vurderte som ikkje rimelege og sette ned",
    "inntekter.har_studiestotte": "hushaldet har lån eller stipend frå Lånekassen",
    "vurderingsdato.utenfor_laanekassens_undervisningsar": (
        "vurderingsdatoen er i sommarmånadene utanfor undervisningsåret til Lånekassen "
        "(16.06–15.08)"
    ),
    "soker.kjent_under_18": "saka viser at søkjaren er under 18 år",
    "livsopphold.formue_tilgjengelig": "formue som ikkje er halden utanfor",
    "livsopphold.formue_maneder": "heile månader av behovet som formuen dekkjer",
    "livsopphold.engangsstonad": (
        "naudsynte eingongsutgifter i månaden som inntekta ikkje dekkjer (eingongsstønad)"
    ),
    "livsopphold.engangsstonad_fra": "første dag i månaden eingongsstønaden gjeld",
    "livsopphold.engangsstonad_til": "siste dag i månaden eingongsstønaden gjeld",
}

#: Facts that are a helper form of another fact (the same value in another language, or with a
#: placeholder for unknown): rules read them, but the working paper lists the fact itself.
SKJULTE: frozenset[str] = frozenset(
    {
        "sak.id",
        "soker.id",
        "vurderingsdato",
        "kvp.faktor_en",
        "rettighet.navn_en",
        "soker.omfang_om_kjent",
        "omfang.kvp_deltaker_om_kjent",
        "inntekt.person.id",
        "rettighet.person.id",
        "botilbud.nummer",
    }
)

#: Code values in the case contract and in derived facts, as a reader names them (nb, nn, en).
#: A value not listed here is shown as given (free text such as a caseworker's assessment).
VERDIER: Mapping[str, tuple[str, str, str]] = {
    # roles
    "soker": ("søkeren", "søkjaren", "the applicant"),
    "ektefelle": ("ektefellen", "ektefellen", "the spouse"),
    "samboer": ("samboeren", "sambuaren", "the cohabitant"),
    "barn": ("barn", "barn", "child"),
    "annen_voksen": ("annen voksen", "annan vaksen", "other adult"),
    "tredjepart": ("en tredjepart", "ein tredjepart", "a third party"),
    # household and scope
    "enslig": ("enslig", "einsleg", "single"),
    "par": ("par", "par", "couple"),
    "bofellesskap": ("bofellesskap", "bufellesskap", "shared household"),
    "samboer_enkeltvis": (
        "samboer uten felles økonomi",
        "sambuar utan felles økonomi",
        "cohabitant without a joint economy",
    ),
    "full": ("fullt ut", "fullt ut", "in full"),
    "ikke_fastslatt": ("ikke fastslått", "ikkje fastslått", "not established"),
    "utenlands_uten_avtale": (
        "i utlandet uten avtale med NAV",
        "i utlandet utan avtale med NAV",
        "abroad without an agreement with NAV",
    ),
    "asylsoker_statlig_innkvartering": (
        "asylsøker med statlig innkvartering",
        "asylsøkjar med statleg innkvartering",
        "asylum seeker with state accommodation",
    ),
    "uten_lovlig_opphold": ("uten lovlig opphold", "utan lovleg opphald", "without lawful stay"),
    "uten_bopel": ("uten fast bopel i Norge", "utan fast bustad i Noreg", "no fixed residence"),
    # outcomes
    "oppfylt": ("oppfylt", "oppfylt", "met"),
    "ikke_oppfylt": ("ikke oppfylt", "ikkje oppfylt", "not met"),
    "uavklart": ("uavklart", "uavklart", "undetermined"),
    "skjonn": ("til skjønn", "til skjønn", "left to discretion"),
    "delvis": ("delvis oppfylt", "delvis oppfylt", "partly met"),
    # stays (§ 27)
    "pagar": ("pågår", "held fram", "ongoing"),
    "avsluttet": ("avsluttet", "avslutta", "ended"),
    "planlagt": ("planlagt", "planlagt", "planned"),
    "hospits": ("hospits", "hospits", "hostel"),
    "campingplass": ("campingplass", "campingplass", "campsite"),
    "hotell": ("hotell", "hotell", "hotel"),
    "pensjonat": ("pensjonat", "pensjonat", "boarding house"),
    "krisesenter": ("krisesenter", "krisesenter", "crisis centre"),
    "kommunal_midlertidig_bolig": (
        "kommunal midlertidig bolig",
        "kommunal mellombels bustad",
        "temporary municipal housing",
    ),
    "konkret_tilbud": ("konkret tilbud", "konkret tilbod", "a specific offer"),
    "henvist_til_a_finne_selv": (
        "henvist til å finne et sted selv",
        "vist til å finne ein stad sjølv",
        "referred to find a place themselves",
    ),
    "avslag": ("avslag", "avslag", "refusal"),
    # income, assets, rights (§ 18, § 29)
    "arbeidsinntekt": ("arbeidsinntekt", "arbeidsinntekt", "earnings from work"),
    "barnetrygd": ("barnetrygd", "barnetrygd", "child benefit"),
    "kontantstotte": ("kontantstøtte", "kontantstøtte", "cash-for-care benefit"),
    "bostotte": ("bostøtte", "bustøtte", "housing allowance"),
    "barnebidrag": ("barnebidrag", "barnebidrag", "child maintenance"),
    "aap": ("arbeidsavklaringspenger", "arbeidsavklaringspengar", "work assessment allowance"),
    "dagpenger": ("dagpenger", "dagpengar", "unemployment benefit"),
    "sykepenger": ("sykepenger", "sjukepengar", "sickness benefit"),
    "foreldrepenger": ("foreldrepenger", "foreldrepengar", "parental benefit"),
    "svangerskapspenger": ("svangerskapspenger", "svangerskapspengar", "pregnancy benefit"),
    "pleiepenger": ("pleiepenger", "pleiepengar", "care benefit"),
    "uforetrygd": ("uføretrygd", "uføretrygd", "disability benefit"),
    "pensjon": ("pensjon", "pensjon", "pension"),
    "alderspensjon": ("alderspensjon", "alderspensjon", "retirement pension"),
    "overgangsstonad": ("overgangsstønad", "overgangsstønad", "transitional benefit"),
    "omstillingsstonad": ("omstillingsstønad", "omstillingsstønad", "adjustment benefit"),
    "barnepensjon": ("barnepensjon", "barnepensjon", "children's pension"),
    "tiltakspenger": (
        "tiltakspenger",
        "tiltakspengar",
        "benefit during labour-market measures",
    ),
    "barns_arbeidsinntekt": ("barns arbeidsinntekt", "arbeidsinntekt for barn", "child's earnings"),
    "kvalifiseringsstonad": (
        "kvalifiseringsstønad",
        "kvalifiseringsstønad",
        "qualification benefit",
    ),
    "introduksjonsstonad": ("introduksjonsstønad", "introduksjonsstønad", "introduction benefit"),
    "studielan_stipend": ("studielån og stipend", "studielån og stipend", "student loan and grant"),
    "lanekassen": ("støtte fra Lånekassen", "støtte frå Lånekassen", "student support"),
    "kvalifiseringsprogram": (
        "kvalifiseringsprogram",
        "kvalifiseringsprogram",
        "qualification programme",
    ),
    "bankinnskudd": ("bankinnskudd", "bankinnskot", "bank deposit"),
    "kontanter": ("kontanter", "kontantar", "cash"),
    "aksjer_fond": ("aksjer og fond", "aksjar og fond", "shares and funds"),
    "kjoretoy": ("kjøretøy", "køyretøy", "vehicle"),
    "fast_eiendom": ("fast eiendom", "fast eigedom", "real property"),
    "annen": ("annen", "anna", "other"),
    "ikke_sokt": ("ikke søkt", "ikkje søkt", "not applied for"),
    "sokt": ("søkt", "søkt", "applied for"),
    "innvilget": ("innvilget", "innvilga", "granted"),
    "avslatt": ("avslått", "avslått", "refused"),
    # housing costs
    "husleie": ("husleie", "husleige", "rent"),
    "boliglan_renter": ("renter på boliglån", "renter på bustadlån", "mortgage interest"),
    "boliglan_avdrag": ("avdrag på boliglån", "avdrag på bustadlån", "mortgage repayment"),
    "kommunale_avgifter": ("kommunale avgifter", "kommunale avgifter", "municipal charges"),
    "strom": ("strøm", "straum", "electricity"),
    "oppvarming": ("oppvarming", "oppvarming", "heating"),
    "forsikring": ("forsikring", "forsikring", "insurance"),
    # other expenses (§§ 18, 19)
    "tannbehandling": ("tannbehandling", "tannbehandling", "dental treatment"),
    "medisiner": ("medisiner", "medisinar", "medicines"),
    "briller": ("briller", "briller", "glasses"),
    "helse_annet": ("andre helseutgifter", "andre helseutgifter", "other health costs"),
    "fritidsaktivitet_barn": (
        "fritidsaktivitet for barn",
        "fritidsaktivitet for barn",
        "children's leisure activity",
    ),
    "reise": ("reise", "reise", "travel"),
    "barnehage_sfo": ("barnehage og SFO", "barnehage og SFO", "kindergarten and after-school care"),
    "etablering": ("etablering", "etablering", "setting up a home"),
    "innbo_utstyr": ("innbo og utstyr", "innbu og utstyr", "furniture and equipment"),
    "gjeld": ("gjeld", "gjeld", "debt"),
    "per_maned": ("per måned", "per månad", "per month"),
    "engangs": ("engangs", "eingongs", "one-off"),
    # §§ 21-22, 20, 17, long-term recipients
    "bidrag": ("bidrag", "bidrag", "grant"),
    "lan": ("lån", "lån", "loan"),
    "aktivitet": ("aktivitet", "aktivitet", "activity"),
    "dokumentasjon": ("dokumentasjon", "dokumentasjon", "documentation"),
    "bruk_av_formue": ("bruk av formue", "bruk av formue", "use of assets"),
    "sok_annen_ytelse": ("søke annen ytelse", "søkje anna yting", "claim another benefit"),
    "okonomisk_radgivning": (
        "økonomisk rådgivning",
        "økonomisk rådgjeving",
        "financial counselling",
    ),
    "flytting": ("flytting", "flytting", "moving"),
    "generell_veiledning": ("generell veiledning", "generell rettleiing", "general guidance"),
    "individuell_veiledning": (
        "individuell veiledning",
        "individuell rettleiing",
        "individual guidance",
    ),
    "gjeldsradgivning": ("gjeldsrådgivning", "gjeldsrådgjeving", "debt counselling"),
    "motivasjon_og_endringsarbeid": (
        "motivasjons- og endringsarbeid",
        "motivasjons- og endringsarbeid",
        "motivation and change work",
    ),
    "kostra": ("KOSTRA", "KOSTRA", "KOSTRA"),
    "nav": ("NAV", "NAV", "NAV"),
}

_SPRAKINDEKS = {"nb": 0, "nn": 1, "en": 2}


def verdietikett(verdi: str, sprak: str) -> str:
    """A code value as a reader names it ('bostotte' → 'bostøtte'); other text unchanged."""
    etiketter = VERDIER.get(verdi)
    return verdi if etiketter is None else etiketter[_SPRAKINDEKS[sprak]]


def _katalog() -> dict[str, FaktaInfo]:
    katalog: dict[str, FaktaInfo] = {}
    for info in (*_ALLE, *areas.fakta()):
        if info.navn in katalog:
            raise ValueError(f"faktumet {info.navn!r} er definert to ganger i katalogen")
        if not info.nn and info.navn in _NYNORSK:
            info = evolve(info, nn=_NYNORSK[info.navn])
        katalog[info.navn] = info
    return katalog


KATALOG: Mapping[str, FaktaInfo] = _katalog()


def kjent(navn: str, omfang: str | None = None) -> bool:
    """Whether a rule with the given scope may read ``navn``."""
    info = KATALOG.get(navn)
    return info is not None and (info.omfang is None or info.omfang == omfang)


# --- The supervision facts' fields (tilsynsfakta) -------------------------------------------------
def _t(navn: str, type: str, nb: str, nn: str, en: str) -> FaktaInfo:
    return FaktaInfo(navn, type, nb, en, None, nn)


#: The fields of the supervision facts (``tilsynsfakta``, issue 18) as a reader names them, by
#: their path in the case with list places as ``[]``. Rules do not read these (they are not in
#: ``KATALOG``): the audit reads them, and its checklist and report name them by these labels.
TILSYNSFELT: Mapping[str, FaktaInfo] = {
    f.navn: f
    for f in (
        _t("personer[]", "tekst", "personer i saken", "personar i saka", "persons in the case"),
        _t(
            "oppfolgingssamtaler",
            "liste",
            "oppfølgingssamtaler",
            "oppfølgingssamtalar",
            "follow-up conversations",
        ),
        _t(
            "oppfolgingssamtaler[]",
            "tekst",
            "oppfølgingssamtale",
            "oppfølgingssamtale",
            "follow-up conversation",
        ),
        _t("oppfolgingssamtaler[].dato", "dato", "dato", "dato", "date"),
        _t("oppfolgingssamtaler[].initiativ", "tekst", "initiativ", "initiativ", "initiative"),
        _t("oppfolgingssamtaler[].gjennomfort", "sannhetsverdi", "holdt", "halden", "held"),
        _t(
            "samarbeid",
            "liste",
            "samarbeid med andre tjenester",
            "samarbeid med andre tenester",
            "cooperation with other services",
        ),
        _t("samarbeid[]", "tekst", "samarbeid", "samarbeid", "cooperation"),
        _t("samarbeid[].tjeneste", "tekst", "med", "med", "with"),
        _t("samarbeid[].dato", "dato", "dato", "dato", "date"),
        _t("samarbeid[].form", "tekst", "form", "form", "form"),
        _t("radgivning", "liste", "råd og veiledning", "råd og rettleiing", "advice and guidance"),
        _t("radgivning[]", "tekst", "råd", "råd", "advice"),
        _t("radgivning[].dato", "dato", "dato", "dato", "date"),
        _t("radgivning[].type", "tekst", "slag", "slag", "kind"),
        _t("radgivning[].person", "tekst", "gitt til", "gjeve til", "given to"),
        _t(
            "radgivning[].vedtak_fattet",
            "sannhetsverdi",
            "vedtak om rådet",
            "vedtak om rådet",
            "a decision on the advice",
        ),
        _t(
            "vedtak.opplysning_rad_veiledning",
            "tekst",
            "vedtak om råd og veiledning",
            "vedtak om råd og rettleiing",
            "the decision on advice and guidance",
        ),
        _t(
            "gjeldssignaler",
            "tekst",
            "tegn på gjeldsproblemer",
            "teikn på gjeldsproblem",
            "signs of debt problems",
        ),
        _t(
            "gjeldssignaler.husleierestanse",
            "sannhetsverdi",
            "husleierestanse",
            "husleigerestanse",
            "rent arrears",
        ),
        _t(
            "gjeldssignaler.stromrestanse",
            "sannhetsverdi",
            "strømrestanse",
            "straumrestanse",
            "electricity arrears",
        ),
        _t("gjeldssignaler.inkasso", "sannhetsverdi", "inkasso", "inkasso", "debt collection"),
        _t(
            "gjeldssignaler.betalingsanmerkninger",
            "sannhetsverdi",
            "betalingsanmerkninger",
            "betalingsmerknader",
            "payment remarks",
        ),
        _t(
            "gjeldssignaler.forbruksgjeld",
            "sannhetsverdi",
            "forbruksgjeld",
            "forbruksgjeld",
            "consumer debt",
        ),
        _t(
            "gjeldssignaler.utkastelsesvarsel",
            "sannhetsverdi",
            "varsel om utkastelse",
            "varsel om utkasting",
            "eviction notice",
        ),
        _t(
            "gjeldssignaler.radgivning_avslatt",
            "sannhetsverdi",
            "økonomisk rådgivning avslått av søkeren",
            "økonomisk rådgiving avslått av søkjaren",
            "economic advice declined by the applicant",
        ),
        _t(
            "vurdering_18",
            "tekst",
            "den konkrete vurderingen etter § 18",
            "den konkrete vurderinga etter § 18",
            "the concrete assessment under section 18",
        ),
        _t(
            "vurdering_18.forhold",
            "liste",
            "forhold vurdert etter § 18",
            "tilhøve vurderte etter § 18",
            "matters assessed under section 18",
        ),
        _t(
            "vurdering_18.kun_veiledende_sats",
            "sannhetsverdi",
            "bare veiledende sats brukt",
            "berre rettleiande sats brukt",
            "the guideline rate alone used",
        ),
        _t(
            "vurdering_18.saerlige_behov",
            "sannhetsverdi",
            "særlige behov (§ 19)",
            "særlege behov (§ 19)",
            "special needs (section 19)",
        ),
        _t(
            "vurdering_18.vurdert_etter_19",
            "sannhetsverdi",
            "vurdert etter § 19",
            "vurdert etter § 19",
            "considered under section 19",
        ),
        _t(
            "barns_behov",
            "liste",
            "kartleggingen av barnas behov",
            "kartlegginga av behova til borna",
            "the mapping of the children's needs",
        ),
        _t("barns_behov[]", "tekst", "barnets behov", "behova til barnet", "the child's needs"),
        _t("barns_behov[].person", "tekst", "barnet", "barnet", "the child"),
        _t("barns_behov[].forhold", "liste", "kartlagt", "kartlagt", "mapped"),
        _t("barns_behov[].vektlagt", "sannhetsverdi", "vektlagt", "vektlagt", "weighed"),
        _t(
            "varig_bolig",
            "tekst",
            "arbeid for varig bolig",
            "arbeid for varig bustad",
            "work towards permanent housing",
        ),
        _t(
            "varig_bolig.arbeid_startet",
            "sannhetsverdi",
            "arbeid for varig bolig startet",
            "arbeid for varig bustad starta",
            "work towards permanent housing started",
        ),
        _t("varig_bolig.dato", "dato", "dato", "dato", "date"),
        _t(
            "botilbud.pagaende",
            "sannhetsverdi",
            "pågående opphold i midlertidig botilbud",
            "pågåande opphald i mellombels butilbod",
            "an ongoing stay in temporary accommodation",
        ),
        _t(
            "saerlige_tilfeller",
            "sannhetsverdi",
            "søknad om stønad i særlige tilfeller (§ 19)",
            "søknad om stønad i særlege tilfelle (§ 19)",
            "an application for assistance in special cases (section 19)",
        ),
        _t(
            "individuell_plan",
            "tekst",
            "opplysninger om individuell plan",
            "opplysningar om individuell plan",
            "facts on an individual plan",
        ),
        _t(
            "kvp",
            "sannhetsverdi",
            "kvalifiseringsprogram i saken",
            "kvalifiseringsprogram i saka",
            "a qualification programme in the case",
        ),
        _t(
            "langtid_oppfolging",
            "tekst",
            "oppfølgingen av langtidsmottakeren",
            "oppfølginga av langtidsmottakaren",
            "the follow-up of the long-term recipient",
        ),
        _t(
            "langtid_oppfolging.kvp_vurdert",
            "sannhetsverdi",
            "vurdert for kvalifiseringsprogram",
            "vurdert for kvalifiseringsprogram",
            "assessed for the qualification programme",
        ),
        _t("langtid_oppfolging.dato", "dato", "dato", "dato", "date"),
        _t(
            "langtid_oppfolging.brukermedvirkning",
            "sannhetsverdi",
            "brukermedvirkning",
            "brukarmedverknad",
            "user participation",
        ),
        _t(
            "kvp_oppfolging",
            "tekst",
            "oppfølgingen i kvalifiseringsprogrammet",
            "oppfølginga i kvalifiseringsprogrammet",
            "the follow-up in the qualification programme",
        ),
        _t("kvp_oppfolging.programplan", "sannhetsverdi", "programplan", "programplan", "plan"),
        _t(
            "kvp_oppfolging.programplan_dato",
            "dato",
            "dato for programplanen",
            "dato for programplanen",
            "date of the programme plan",
        ),
        _t(
            "kvp_oppfolging.kontaktintervall_dager",
            "tall",
            "kontaktintervall i dager",
            "kontaktintervall i dagar",
            "contact interval in days",
        ),
        _t(
            "kvp_oppfolging.kontakter",
            "liste",
            "kontakter med deltakeren",
            "kontaktar med deltakaren",
            "contacts with the participant",
        ),
        _t(
            "kvp_oppfolging.evalueringer_planlagt",
            "liste",
            "planlagte evalueringer",
            "planlagde evalueringar",
            "planned evaluations",
        ),
        _t(
            "kvp_oppfolging.evalueringer",
            "liste",
            "evalueringer holdt",
            "evalueringar haldne",
            "evaluations held",
        ),
        _t(
            "kvp_oppfolging.arbeidsrettede_tiltak",
            "sannhetsverdi",
            "arbeidsrettede tiltak",
            "arbeidsretta tiltak",
            "work-directed measures",
        ),
        _t(
            "kvp_oppfolging.arbeidsrettede_tiltak_fra",
            "dato",
            "arbeidsrettede tiltak fra",
            "arbeidsretta tiltak frå",
            "work-directed measures from",
        ),
    )
}
