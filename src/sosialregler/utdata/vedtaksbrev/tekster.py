"""The decision letter's phrases in bokmål, nynorsk and English: data, not code.

Every phrase is written for its language (nynorsk as nynorsk, not bokmål with words swapped)
and in plain language: «du», short sentences. Placeholders in ``{}`` are filled by ``bygg``.
The letter never cites its sources; they are noted here, beside the phrase they support.

Sources (checked 2026-12; V = the law's text or an authority quoting it, V2 = secondary):

- Forvaltningsloven (LOV-1967-02-10) § 24-25: a decision is reasoned at the same time; the
  reasons name the rules applied, the facts relied on and the main considerations where
  discretion was used [V: juridika.no/lov/1967-02-10; regjeringen.no H-1294].
- § 27 third ledd: «I underretningen skal videre gis opplysning om klageadgang, klagefrist,
  klageinstans og den nærmere fremgangsmåte ved klage» [V: regjeringen.no, Lovavdelingen
  24.08.2016 «§ 27 - Om kravet etter forvaltningsloven til informasjon om klageadgang»], and
  about the right to see the case documents (§§ 18-19) [V2: the same page; NAV R36 ch. V].
- § 29: three weeks from when the notice reached the party [V2: narvik.kommune.no «Klage på
  vedtak»; regjeringen.no 10.02.2004 «§ 29 - Forslag om endring …» on «treukersfristen»].
- § 32: the appeal goes to the body that made the decision, in writing, signed, naming the
  decision and the change wanted [V2: narvik.kommune.no; helsetilsynet.no, veileder i
  behandling av klagesaker etter sosialtjenesteloven (2023) pt. 4: «En klage skal leveres til
  det forvaltningsorgan som har truffet vedtaket … Det er Nav-kontoret som fatter vedtak»].
- § 33 / sosialtjenesteloven ch. 5: if the NAV office keeps its decision it sends the appeal to
  Statsforvalteren, who decides [V2: helsetilsynet.no veileder 2023 pt. 6; narvik.kommune.no].
- Sosialtjenesteloven (LOV-2009-12-18-131), as shared/law/sosialtjenesteloven.md tags it:
  § 18 first ledd (who cannot support themselves by work or by claiming financial rights is
  entitled to support) and § 19 (support in special cases, to overcome or adapt to a difficult
  life situation) [V: S1, ks.no quoting the Act]; § 18 third ledd (child benefit is not income,
  from 2022-09-01) [V: the rule file stl-18-livsopphold.toml]; § 20 (lawful conditions; third
  ledd: breach may reduce the support, which the decision must say) [V: S3, LOV-2015-04-24-20];
  a reduction never goes below what an emergency needs: the emergency claim holds whatever the
  cause [V: S55 sivilombudet.no; R35's own wording M, as stl-20-3-reduksjon.toml says];
  § 20 a (activity condition for under-30s, unless weighty reasons) [V: S4, S5, S85]; § 21
  (bidrag or lån; fourth ledd goods and services) and § 22 (paid to the applicant; to others
  with consent or after a § 21 fourth-ledd decision) [V: S58]; § 27 temporary accommodation,
  the office works towards a permanent home [V: helsetilsynet.no «Midlertidig botilbud»,
  addendum-2026-11 A6.1]; § 29 eligibility [V: S34, S25] and § 35 benefit, two thirds under 25
  [V: S89]; unlawful absence from the programme reduces the benefit [V: S29, nav.no;
  addendum-2026-11]. The letter's § 29 sentence paraphrases the eligibility criteria the rules
  found met (stl-29-kvalifiseringsprogram.toml); it is written only when they are.
- Nynorsk names: «sosialtenestelova», «mellombels butilbod», «Statsforvaltaren»
  [V2: vinje.kommune.no «Klage på vedtak» (nn); the nynorsk text of the Act's titles].
"""

from __future__ import annotations

from collections.abc import Mapping

MANEDER: Mapping[str, tuple[str, ...]] = {
    "nb": (
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ),
    "nn": (
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

#: Quotation marks around what the caseworker wrote (kept verbatim, in their words).
SITAT: Mapping[str, tuple[str, str]] = {"nb": ("«", "»"), "nn": ("«", "»"), "en": ("“", "”")}

#: References as the letter writes them (a law's name differs between the written standards).
LOV: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "stl": "sosialtjenesteloven § {p}",
        "stl_3": "sosialtjenesteloven § {p} tredje ledd",
        "stl_4": "sosialtjenesteloven § {p} fjerde ledd",
    },
    "nn": {
        "stl": "sosialtenestelova § {p}",
        "stl_3": "sosialtenestelova § {p} tredje ledd",
        "stl_4": "sosialtenestelova § {p} fjerde ledd",
    },
    "en": {
        "stl": "section {p} of the Social Services Act",
        "stl_3": "section {p}, third paragraph, of the Social Services Act",
        "stl_4": "section {p}, fourth paragraph, of the Social Services Act",
    },
}

OMRADER: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "omfang": "Hvem loven gjelder for",
        "livsopphold": "Stønad til livsopphold",
        "nodhjelp": "Nødhjelp",
        "saerlige_tilfeller": "Stønad i særlige tilfeller",
        "vilkar": "Vilkår for stønaden",
        "reduksjon": "Reduksjon av stønaden",
        "aktivitetsplikt": "Vilkår om aktivitet",
        "midlertidig_botilbud": "Midlertidig botilbud",
        "kvalifiseringsprogram": "Kvalifiseringsprogram",
        "kvalifiseringsstonad": "Kvalifiseringsstønad",
    },
    "nn": {
        "omfang": "Kven lova gjeld for",
        "livsopphold": "Stønad til livsopphald",
        "nodhjelp": "Naudhjelp",
        "saerlige_tilfeller": "Stønad i særlege tilfelle",
        "vilkar": "Vilkår for stønaden",
        "reduksjon": "Reduksjon av stønaden",
        "aktivitetsplikt": "Vilkår om aktivitet",
        "midlertidig_botilbud": "Mellombels butilbod",
        "kvalifiseringsprogram": "Kvalifiseringsprogram",
        "kvalifiseringsstonad": "Kvalifiseringsstønad",
    },
    "en": {
        "omfang": "Who the Act applies to",
        "livsopphold": "Financial assistance for living costs",
        "nodhjelp": "Emergency help",
        "saerlige_tilfeller": "Assistance in special cases",
        "vilkar": "Conditions for the support",
        "reduksjon": "Reduction of the support",
        "aktivitetsplikt": "Activity condition",
        "midlertidig_botilbud": "Temporary accommodation",
        "kvalifiseringsprogram": "Qualification programme",
        "kvalifiseringsstonad": "Qualification benefit",
    },
}

#: Income, asset, housing-cost, right and expense types as the reader names them.
TYPER: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "inntekt_arbeidsinntekt": "Arbeidsinntekt",
        "inntekt_barnetrygd": "Barnetrygd",
        "inntekt_kontantstotte": "Kontantstøtte",
        "inntekt_bostotte": "Bostøtte",
        "inntekt_barnebidrag": "Barnebidrag",
        "inntekt_aap": "Arbeidsavklaringspenger",
        "inntekt_dagpenger": "Dagpenger",
        "inntekt_sykepenger": "Sykepenger",
        "inntekt_foreldrepenger": "Foreldrepenger",
        "inntekt_uforetrygd": "Uføretrygd",
        "inntekt_pensjon": "Pensjon",
        "inntekt_barns_arbeidsinntekt": "Barns arbeidsinntekt",
        "inntekt_kvalifiseringsstonad": "Kvalifiseringsstønad",
        "inntekt_introduksjonsstonad": "Introduksjonsstønad",
        "inntekt_studielan_stipend": "Studielån og stipend",
        "inntekt_annen": "Annen inntekt",
        "boutgift_husleie": "Husleie",
        "boutgift_boliglan_renter": "Renter på boliglån",
        "boutgift_boliglan_avdrag": "Avdrag på boliglån",
        "boutgift_kommunale_avgifter": "Kommunale avgifter",
        "boutgift_strom": "Strøm",
        "boutgift_oppvarming": "Oppvarming",
        "boutgift_forsikring": "Forsikring",
        "boutgift_annen": "Annen boutgift",
        "formue_bankinnskudd": "bankinnskudd",
        "formue_kontanter": "kontanter",
        "formue_aksjer_fond": "aksjer og fond",
        "formue_kjoretoy": "kjøretøy",
        "formue_fast_eiendom": "fast eiendom",
        "formue_annen": "annen formue",
        "rettighet_aap": "arbeidsavklaringspenger",
        "rettighet_uforetrygd": "uføretrygd",
        "rettighet_dagpenger": "dagpenger",
        "rettighet_sykepenger": "sykepenger",
        "rettighet_foreldrepenger": "foreldrepenger",
        "rettighet_alderspensjon": "alderspensjon",
        "rettighet_overgangsstonad": "overgangsstønad",
        "rettighet_tiltakspenger": "tiltakspenger",
        "rettighet_bostotte": "bostøtte",
        "rettighet_barnebidrag": "barnebidrag",
        "rettighet_barnetrygd": "barnetrygd",
        "rettighet_kontantstotte": "kontantstøtte",
        "rettighet_lanekassen": "støtte fra Lånekassen",
        "rettighet_kvalifiseringsprogram": "kvalifiseringsprogram",
        "rettighet_annen": "en annen ytelse",
        "utgift_tannbehandling": "Tannbehandling",
        "utgift_medisiner": "Medisiner",
        "utgift_briller": "Briller",
        "utgift_helse_annet": "Andre helseutgifter",
        "utgift_fritidsaktivitet_barn": "Fritidsaktivitet for barn",
        "utgift_reise": "Reise",
        "utgift_barnehage_sfo": "Barnehage og SFO",
        "utgift_etablering": "Etablering",
        "utgift_innbo_utstyr": "Innbo og utstyr",
        "utgift_gjeld": "Gjeld",
        "utgift_annen": "Annen utgift",
        "botilbud_hospits": "et hospits",
        "botilbud_campingplass": "en campingplass",
        "botilbud_hotell": "et hotell",
        "botilbud_pensjonat": "et pensjonat",
        "botilbud_krisesenter": "et krisesenter",
        "botilbud_kommunal_midlertidig_bolig": "en kommunal midlertidig bolig",
        "botilbud_annen": "et midlertidig botilbud",
    },
    "nn": {
        "inntekt_arbeidsinntekt": "Arbeidsinntekt",
        "inntekt_barnetrygd": "Barnetrygd",
        "inntekt_kontantstotte": "Kontantstøtte",
        "inntekt_bostotte": "Bustøtte",
        "inntekt_barnebidrag": "Barnebidrag",
        "inntekt_aap": "Arbeidsavklaringspengar",
        "inntekt_dagpenger": "Dagpengar",
        "inntekt_sykepenger": "Sjukepengar",
        "inntekt_foreldrepenger": "Foreldrepengar",
        "inntekt_uforetrygd": "Uføretrygd",
        "inntekt_pensjon": "Pensjon",
        "inntekt_barns_arbeidsinntekt": "Arbeidsinntekt til barn",
        "inntekt_kvalifiseringsstonad": "Kvalifiseringsstønad",
        "inntekt_introduksjonsstonad": "Introduksjonsstønad",
        "inntekt_studielan_stipend": "Studielån og stipend",
        "inntekt_annen": "Anna inntekt",
        "boutgift_husleie": "Husleige",
        "boutgift_boliglan_renter": "Renter på bustadlån",
        "boutgift_boliglan_avdrag": "Avdrag på bustadlån",
        "boutgift_kommunale_avgifter": "Kommunale avgifter",
        "boutgift_strom": "Straum",
        "boutgift_oppvarming": "Oppvarming",
        "boutgift_forsikring": "Forsikring",
        "boutgift_annen": "Anna utgift til bustaden",
        "formue_bankinnskudd": "bankinnskot",
        "formue_kontanter": "kontantar",
        "formue_aksjer_fond": "aksjar og fond",
        "formue_kjoretoy": "køyretøy",
        "formue_fast_eiendom": "fast eigedom",
        "formue_annen": "anna formue",
        "rettighet_aap": "arbeidsavklaringspengar",
        "rettighet_uforetrygd": "uføretrygd",
        "rettighet_dagpenger": "dagpengar",
        "rettighet_sykepenger": "sjukepengar",
        "rettighet_foreldrepenger": "foreldrepengar",
        "rettighet_alderspensjon": "alderspensjon",
        "rettighet_overgangsstonad": "overgangsstønad",
        "rettighet_tiltakspenger": "tiltakspengar",
        "rettighet_bostotte": "bustøtte",
        "rettighet_barnebidrag": "barnebidrag",
        "rettighet_barnetrygd": "barnetrygd",
        "rettighet_kontantstotte": "kontantstøtte",
        "rettighet_lanekassen": "støtte frå Lånekassen",
        "rettighet_kvalifiseringsprogram": "kvalifiseringsprogram",
        "rettighet_annen": "ei anna yting",
        "utgift_tannbehandling": "Tannbehandling",
        "utgift_medisiner": "Medisinar",
        "utgift_briller": "Briller",
        "utgift_helse_annet": "Andre helseutgifter",
        "utgift_fritidsaktivitet_barn": "Fritidsaktivitet for barn",
        "utgift_reise": "Reise",
        "utgift_barnehage_sfo": "Barnehage og SFO",
        "utgift_etablering": "Etablering",
        "utgift_innbo_utstyr": "Innbu og utstyr",
        "utgift_gjeld": "Gjeld",
        "utgift_annen": "Anna utgift",
        "botilbud_hospits": "eit hospits",
        "botilbud_campingplass": "ein campingplass",
        "botilbud_hotell": "eit hotell",
        "botilbud_pensjonat": "eit pensjonat",
        "botilbud_krisesenter": "eit krisesenter",
        "botilbud_kommunal_midlertidig_bolig": "ein kommunal mellombels bustad",
        "botilbud_annen": "eit mellombels butilbod",
    },
    "en": {
        "inntekt_arbeidsinntekt": "Earnings from work",
        "inntekt_barnetrygd": "Child benefit",
        "inntekt_kontantstotte": "Cash-for-care benefit",
        "inntekt_bostotte": "Housing allowance",
        "inntekt_barnebidrag": "Child maintenance",
        "inntekt_aap": "Work assessment allowance",
        "inntekt_dagpenger": "Unemployment benefit",
        "inntekt_sykepenger": "Sickness benefit",
        "inntekt_foreldrepenger": "Parental benefit",
        "inntekt_uforetrygd": "Disability benefit",
        "inntekt_pensjon": "Pension",
        "inntekt_barns_arbeidsinntekt": "Children's earnings",
        "inntekt_kvalifiseringsstonad": "Qualification benefit",
        "inntekt_introduksjonsstonad": "Introduction benefit",
        "inntekt_studielan_stipend": "Student loan and grant",
        "inntekt_annen": "Other income",
        "boutgift_husleie": "Rent",
        "boutgift_boliglan_renter": "Mortgage interest",
        "boutgift_boliglan_avdrag": "Mortgage repayments",
        "boutgift_kommunale_avgifter": "Municipal charges",
        "boutgift_strom": "Electricity",
        "boutgift_oppvarming": "Heating",
        "boutgift_forsikring": "Insurance",
        "boutgift_annen": "Other housing cost",
        "formue_bankinnskudd": "bank deposits",
        "formue_kontanter": "cash",
        "formue_aksjer_fond": "shares and funds",
        "formue_kjoretoy": "a vehicle",
        "formue_fast_eiendom": "real property",
        "formue_annen": "other assets",
        "rettighet_aap": "work assessment allowance",
        "rettighet_uforetrygd": "disability benefit",
        "rettighet_dagpenger": "unemployment benefit",
        "rettighet_sykepenger": "sickness benefit",
        "rettighet_foreldrepenger": "parental benefit",
        "rettighet_alderspensjon": "retirement pension",
        "rettighet_overgangsstonad": "transitional benefit",
        "rettighet_tiltakspenger": "benefit during labour market measures",
        "rettighet_bostotte": "housing allowance",
        "rettighet_barnebidrag": "child maintenance",
        "rettighet_barnetrygd": "child benefit",
        "rettighet_kontantstotte": "cash-for-care benefit",
        "rettighet_lanekassen": "student support from Lånekassen",
        "rettighet_kvalifiseringsprogram": "the qualification programme",
        "rettighet_annen": "another benefit",
        "utgift_tannbehandling": "Dental treatment",
        "utgift_medisiner": "Medicines",
        "utgift_briller": "Glasses",
        "utgift_helse_annet": "Other health costs",
        "utgift_fritidsaktivitet_barn": "Children's leisure activities",
        "utgift_reise": "Travel",
        "utgift_barnehage_sfo": "Kindergarten and after-school care",
        "utgift_etablering": "Setting up a home",
        "utgift_innbo_utstyr": "Furniture and equipment",
        "utgift_gjeld": "Debt",
        "utgift_annen": "Other expense",
        "botilbud_hospits": "a hostel",
        "botilbud_campingplass": "a campsite",
        "botilbud_hotell": "a hotel",
        "botilbud_pensjonat": "a boarding house",
        "botilbud_krisesenter": "a crisis centre",
        "botilbud_kommunal_midlertidig_bolig": "temporary municipal housing",
        "botilbud_annen": "temporary accommodation",
    },
}

#: The letter's sentences. Keys name what the sentence says; ``{}`` are filled in by ``bygg``.
SETNINGER: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "tittel": "Vedtak om {hva}",
        "tittel_stonad": "økonomisk stønad",
        "tittel_kvp": "kvalifiseringsprogram",
        "og": "og",
        "dato": "Dato: {dato}",
        "nav_kontoret": "NAV-kontoret",
        "overskrift_vedtak": "Vedtak",
        "overskrift_beregning": "Slik har vi regnet ut stønaden",
        "overskrift_begrunnelse": "Begrunnelse",
        "overskrift_vilkar": "Vilkår for stønaden",
        "overskrift_klage": "Du har rett til å klage",
        "overskrift_innsyn": "Du har rett til å se dokumentene i saken",
        "overskrift_kontakt": "Har du spørsmål?",
        "kolonne_post": "Post",
        "kolonne_belop": "Kroner per måned",
        "innvilget": (
            "Du får {belop} i økonomisk stønad til livsopphold per måned fra {fra} til {til}."
        ),
        "delvis": (
            "Du får delvis innvilget søknaden din om økonomisk stønad til livsopphold. "
            "Du får {belop} per måned fra {fra} til {til}."
        ),
        "avslag": "Du får ikke økonomisk stønad til livsopphold. Søknaden din er avslått.",
        "bidrag": "Stønaden er et bidrag. Du skal ikke betale den tilbake.",
        "lan": "Stønaden er et lån. Det betyr at du må betale den tilbake.",
        "til_soker": "Vi betaler stønaden til deg.",
        "til_tredjepart": (
            "Etter avtale med deg betaler vi stønaden direkte til den du har gitt samtykke til."
        ),
        "varer_tjenester": ("Vi har bestemt at du får stønaden som varer eller tjenester ({ref})."),
        "st_innvilget": (
            "Du får {belop} per måned i stønad i særlige tilfeller fra {fra} til {til}."
        ),
        "st_avslag": "Du får ikke stønad i særlige tilfeller etter {ref}.",
        "st_engangs": "Du får {belop} i stønad i særlige tilfeller. Dette er en engangsstønad.",
        "nod_innvilget": "Du får nødhjelp på {belop}.",
        "kvp_innvilget": "Du får delta i kvalifiseringsprogram fra {fra} til {til}.",
        "kvp_avslag": "Du får ikke delta i kvalifiseringsprogram.",
        "kvs_innvilget": "Du får kvalifiseringsstønad på {belop} i året. Det er {dag} per dag.",
        "kvs_barnetillegg": (
            "I tillegg får du barnetillegg på {dag} per dag for hvert barn du forsørger, "
            "til sammen {belop} i året."
        ),
        "kvs_reduksjon": "Stønaden er redusert med {belop} i året på grunn av fravær.",
        "b_18": (
            "Vi har vurdert søknaden din etter {ref}. Du har rett til økonomisk stønad hvis du "
            "ikke kan forsørge deg selv. Først må du bruke det du kan tjene på arbeid, og andre "
            "penger du har rett til, for eksempel trygd."
        ),
        "b_18_satser": "Vi har brukt de veiledende satsene for økonomisk stønad.",
        "b_18_boutgifter": "Vi har lagt til boutgiftene dine.",
        "b_18_inntekt": "Vi har trukket fra inntekten vi regner med.",
        "b_18_dekket": (
            "Inntekten vi regner med, er {inntekt} per måned. Etter satsene og boutgiftene dine "
            "trenger du {behov} per måned. Inntekten din er altså nok til å dekke det du trenger."
        ),
        "b_husstand": "Vi har lagt til grunn at husstanden består av {hvem}.",
        "b_alene": "Vi har lagt til grunn at du bor alene.",
        "hvem_deg": "deg",
        "hvem_ektefelle": "ektefellen din",
        "hvem_samboer": "samboeren din",
        "hvem_ett_barn": "ett barn",
        "hvem_barn": "{n} barn",
        "b_barnetrygd": "Barnetrygd regner vi ikke som inntekt ({ref}).",
        "b_ikke_medregnet": "{type} på {belop} per måned har vi ikke regnet som inntekt.",
        "b_formue": "Du har {type} på {belop}. Dette har vi ikke trukket fra stønaden.",
        "b_rettighet_sokt": (
            "Du har søkt om {type}. Gi beskjed til NAV-kontoret når du får svar på søknaden."
        ),
        "b_individuell": "Vi har vurdert situasjonen din konkret: {sitat}.",
        "b_konklusjon": "Vurderingen vår: {sitat}.",
        "b_19": (
            "Vi har vurdert om du kan få stønad etter {ref}. NAV-kontoret kan i særlige "
            "tilfeller gi stønad som hjelper deg med å komme over eller tilpasse deg en "
            "vanskelig livssituasjon."
        ),
        "b_nod": (
            "Du er i en nødssituasjon. Da har du rett til hjelp til det du trenger akkurat nå "
            "({ref})."
        ),
        "b_botilbud": (
            "Du har bodd i {type} siden {fra}. Dette er et midlertidig botilbud etter {ref}. "
            "Et midlertidig botilbud skal bare vare en kort tid. Vi vil hjelpe deg med å finne "
            "en varig bolig."
        ),
        "b_kvp": (
            "Vi har vurdert søknaden din etter {ref}. Du har vesentlig nedsatt arbeids- og "
            "inntektsevne og ingen eller svært begrensede ytelser fra folketrygden. Vi mener at "
            "programmet kan gjøre det lettere for deg å komme i arbeid."
        ),
        "b_kvs": (
            "Kvalifiseringsstønaden for ett år er {faktor} ganger grunnbeløpet i folketrygden "
            "({ref}). Grunnbeløpet er {g}."
        ),
        "b_kvs_under_25": "Fordi du er under 25 år, får du to tredjedeler av full stønad.",
        "b_kvp_fravaer": (
            "Hvis du er borte fra programmet uten gyldig grunn, blir stønaden redusert."
        ),
        "vilkar_innledning": "Vi har satt disse vilkårene for stønaden ({ref}):",
        "vilkar_punkt": "{beskrivelse} innen {frist}.",
        "vilkar_punkt_uten_frist": "{beskrivelse}.",
        "vilkar_grunn": "Grunnen er {sitat}.",
        "vilkar_dokumentasjon": "Som dokumentasjon vil vi ha {sitat}.",
        "vilkar_varsel": (
            "Hvis du ikke oppfyller vilkårene, kan stønaden din bli redusert ({ref})."
        ),
        "reduksjon": (
            "Stønaden din er redusert med {belop} per måned fra {fra}, fordi du ikke har "
            "oppfylt vilkåret {sitat}."
        ),
        "b_reduksjon": (
            "Når du ikke oppfyller et vilkår, kan NAV-kontoret redusere stønaden ({ref}). "
            "Du skal likevel alltid få det du trenger i en nødssituasjon."
        ),
        "aktivitet_satt": (
            "Du er under 30 år. Da skal NAV-kontoret som hovedregel sette vilkår om aktivitet "
            "når du får økonomisk stønad ({ref}). Vilkåret står ovenfor."
        ),
        "aktivitet_unntak": (
            "Du er under 30 år. Da skal NAV-kontoret som hovedregel sette vilkår om aktivitet "
            "når du får økonomisk stønad ({ref}). Vi har ikke gjort det, fordi {sitat}."
        ),
        "klage_1": (
            "Du kan klage på vedtaket innen tre uker fra den dagen du fikk det. "
            "Klagen må være skriftlig."
        ),
        "klage_2": (
            "Skriv hvilket vedtak du klager på, og hva du mener bør endres. Skriv gjerne "
            "hvorfor. Husk å skrive under klagen."
        ),
        "klage_3": (
            "Send klagen til {kontor}. Hvis vi ikke gir deg medhold, sender vi klagen videre "
            "til Statsforvalteren. Det er Statsforvalteren som avgjør klagen."
        ),
        "innsyn": (
            "Du har rett til å se dokumentene i saken din. Ta kontakt med oss hvis du vil se dem."
        ),
        "kontakt": "Ta kontakt med {kontor} hvis du har spørsmål.",
        "kontakt_telefon": "Ta kontakt med {kontor} på telefon {telefon} hvis du har spørsmål.",
        "hilsen": "Med vennlig hilsen",
        "avklar_tittel": "Vedtaksbrevet kan ikke skrives ennå",
        "avklar_innledning": (
            "Et vedtak kan bare si det som er avgjort. Saksbehandleren må først gjøre dette:"
        ),
        "avklar_mangler": "{omrade}: Hent inn opplysningene som mangler: {felt}.",
        "avklar_mangler_uten_felt": "{omrade}: Hent inn opplysningene som mangler.",
        "avklar_skjonn": "{omrade}: Vurder saken, og skriv ned konklusjonen og begrunnelsen.",
        "avklar_sporsmal": "{omrade}: Ta stilling til dette spørsmålet: {sporsmal}",
        "avklar_periode": "{omrade}: Bestem hvilken periode stønaden gjelder for.",
        "avklar_belop": "{omrade}: Bestem hvor mye stønaden skal være per måned.",
        "avklar_stonadsform": "{omrade}: Bestem om stønaden er et bidrag eller et lån ({ref}).",
        "avklar_mottaker": "{omrade}: Bestem hvem stønaden skal betales til ({ref}).",
        "avklar_avslag": "{omrade}: Skriv ned begrunnelsen for avslaget.",
        "avklar_ulovlig": "{omrade}: Endre det som ikke oppfyller kravene i {ref}.",
        "avklar_kvp_periode": "{omrade}: Bestem når programmet starter og slutter.",
        "avklar_ingenting": (
            "Saken har ingen søknad som kan avgjøres. Registrer hva søknaden gjelder."
        ),
        "avklar_motstrid": (
            "{omrade}: Konklusjonen sier innvilget, men reglene gir avslag. Se arbeidsnotatet, "
            "og rett konklusjonen eller opplysningene."
        ),
    },
    "nn": {
        "tittel": "Vedtak om {hva}",
        "tittel_stonad": "økonomisk stønad",
        "tittel_kvp": "kvalifiseringsprogram",
        "og": "og",
        "dato": "Dato: {dato}",
        "nav_kontoret": "NAV-kontoret",
        "overskrift_vedtak": "Vedtak",
        "overskrift_beregning": "Slik har vi rekna ut stønaden",
        "overskrift_begrunnelse": "Grunngjeving",
        "overskrift_vilkar": "Vilkår for stønaden",
        "overskrift_klage": "Du har rett til å klage",
        "overskrift_innsyn": "Du har rett til å sjå dokumenta i saka",
        "overskrift_kontakt": "Har du spørsmål?",
        "kolonne_post": "Post",
        "kolonne_belop": "Kroner kvar månad",
        "innvilget": (
            "Du får {belop} i økonomisk stønad til livsopphald kvar månad frå {fra} til {til}."
        ),
        "delvis": (
            "Du får ein del av det du søkte om i økonomisk stønad til livsopphald. "
            "Du får {belop} kvar månad frå {fra} til {til}."
        ),
        "avslag": "Du får ikkje økonomisk stønad til livsopphald. Søknaden din er avslått.",
        "bidrag": "Stønaden er eit bidrag. Du skal ikkje betale han tilbake.",
        "lan": "Stønaden er eit lån. Det betyr at du må betale han tilbake.",
        "til_soker": "Vi betaler stønaden til deg.",
        "til_tredjepart": (
            "Etter avtale med deg betaler vi stønaden direkte til den du har gjeve samtykke til."
        ),
        "varer_tjenester": ("Vi har bestemt at du får stønaden som varer eller tenester ({ref})."),
        "st_innvilget": (
            "Du får {belop} kvar månad i stønad i særlege tilfelle frå {fra} til {til}."
        ),
        "st_avslag": "Du får ikkje stønad i særlege tilfelle etter {ref}.",
        "st_engangs": "Du får {belop} i stønad i særlege tilfelle. Dette er ein eingongsstønad.",
        "nod_innvilget": "Du får naudhjelp på {belop}.",
        "kvp_innvilget": "Du får delta i kvalifiseringsprogram frå {fra} til {til}.",
        "kvp_avslag": "Du får ikkje delta i kvalifiseringsprogram.",
        "kvs_innvilget": "Du får kvalifiseringsstønad på {belop} i året. Det er {dag} per dag.",
        "kvs_barnetillegg": (
            "I tillegg får du barnetillegg på {dag} per dag for kvart barn du forsørgjer, "
            "til saman {belop} i året."
        ),
        "kvs_reduksjon": "Stønaden er redusert med {belop} i året på grunn av fråvær.",
        "b_18": (
            "Vi har vurdert søknaden din etter {ref}. Du har rett til økonomisk stønad viss du "
            "ikkje kan forsørgje deg sjølv. Først må du bruke det du kan tene på arbeid, og andre "
            "pengar du har rett til, til dømes trygd."
        ),
        "b_18_satser": "Vi har brukt dei rettleiande satsane for økonomisk stønad.",
        "b_18_boutgifter": "Vi har lagt til utgiftene til bustaden.",
        "b_18_inntekt": "Vi har trekt frå inntekta vi reknar med.",
        "b_18_dekket": (
            "Inntekta vi reknar med, er {inntekt} kvar månad. Etter satsane og utgiftene til "
            "bustaden treng du {behov} kvar månad. Inntekta di er altså nok til å dekkje det du "
            "treng."
        ),
        "b_husstand": "Vi har lagt til grunn at hushaldet består av {hvem}.",
        "b_alene": "Vi har lagt til grunn at du bur åleine.",
        "hvem_deg": "deg",
        "hvem_ektefelle": "ektefellen din",
        "hvem_samboer": "sambuaren din",
        "hvem_ett_barn": "eitt barn",
        "hvem_barn": "{n} barn",
        "b_barnetrygd": "Barnetrygd reknar vi ikkje som inntekt ({ref}).",
        "b_ikke_medregnet": "{type} på {belop} kvar månad har vi ikkje rekna som inntekt.",
        "b_formue": "Du har {type} på {belop}. Dette har vi ikkje trekt frå stønaden.",
        "b_rettighet_sokt": (
            "Du har søkt om {type}. Sei frå til NAV-kontoret når du får svar på søknaden."
        ),
        "b_individuell": "Vi har vurdert situasjonen din konkret: {sitat}.",
        "b_konklusjon": "Vurderinga vår: {sitat}.",
        "b_19": (
            "Vi har vurdert om du kan få stønad etter {ref}. NAV-kontoret kan i særlege "
            "tilfelle gje stønad som hjelper deg med å kome over eller tilpasse deg ein vanskeleg "
            "livssituasjon."
        ),
        "b_nod": (
            "Du er i ein naudssituasjon. Då har du rett til hjelp til det du treng akkurat no "
            "({ref})."
        ),
        "b_botilbud": (
            "Du har budd i {type} sidan {fra}. Dette er eit mellombels butilbod etter {ref}. "
            "Eit mellombels butilbod skal berre vare ei kort tid. Vi vil hjelpe deg med å finne "
            "ein varig bustad."
        ),
        "b_kvp": (
            "Vi har vurdert søknaden din etter {ref}. Du har vesentleg nedsett arbeids- og "
            "inntektsevne og ingen eller svært avgrensa ytingar frå folketrygda. Vi meiner at "
            "programmet kan gjere det lettare for deg å kome i arbeid."
        ),
        "b_kvs": (
            "Kvalifiseringsstønaden for eitt år er {faktor} gonger grunnbeløpet i folketrygda "
            "({ref}). Grunnbeløpet er {g}."
        ),
        "b_kvs_under_25": "Fordi du er under 25 år, får du to tredjedelar av full stønad.",
        "b_kvp_fravaer": (
            "Viss du er borte frå programmet utan gyldig grunn, blir stønaden redusert."
        ),
        "vilkar_innledning": "Vi har sett desse vilkåra for stønaden ({ref}):",
        "vilkar_punkt": "{beskrivelse} innan {frist}.",
        "vilkar_punkt_uten_frist": "{beskrivelse}.",
        "vilkar_grunn": "Grunnen er {sitat}.",
        "vilkar_dokumentasjon": "Som dokumentasjon vil vi ha {sitat}.",
        "vilkar_varsel": (
            "Viss du ikkje oppfyller vilkåra, kan stønaden din bli redusert ({ref})."
        ),
        "reduksjon": (
            "Stønaden din er redusert med {belop} kvar månad frå {fra}, fordi du ikkje har "
            "oppfylt vilkåret {sitat}."
        ),
        "b_reduksjon": (
            "Når du ikkje oppfyller eit vilkår, kan NAV-kontoret redusere stønaden ({ref}). "
            "Du skal likevel alltid få det du treng i ein naudssituasjon."
        ),
        "aktivitet_satt": (
            "Du er under 30 år. Då skal NAV-kontoret som hovudregel setje vilkår om aktivitet "
            "når du får økonomisk stønad ({ref}). Vilkåret står ovanfor."
        ),
        "aktivitet_unntak": (
            "Du er under 30 år. Då skal NAV-kontoret som hovudregel setje vilkår om aktivitet "
            "når du får økonomisk stønad ({ref}). Vi har ikkje gjort det, fordi {sitat}."
        ),
        "klage_1": (
            "Du kan klage på vedtaket innan tre veker frå den dagen du fekk det. "
            "Klaga må vere skriftleg."
        ),
        "klage_2": (
            "Skriv kva vedtak du klagar på, og kva du meiner bør endrast. Skriv gjerne kvifor. "
            "Hugs å skrive under klaga."
        ),
        "klage_3": (
            "Send klaga til {kontor}. Viss vi ikkje gjev deg medhald, sender vi klaga vidare til "
            "Statsforvaltaren. Det er Statsforvaltaren som avgjer klaga."
        ),
        "innsyn": (
            "Du har rett til å sjå dokumenta i saka di. Ta kontakt med oss viss du vil sjå dei."
        ),
        "kontakt": "Ta kontakt med {kontor} viss du har spørsmål.",
        "kontakt_telefon": "Ta kontakt med {kontor} på telefon {telefon} viss du har spørsmål.",
        "hilsen": "Med venleg helsing",
        "avklar_tittel": "Vedtaksbrevet kan ikkje skrivast enno",
        "avklar_innledning": (
            "Eit vedtak kan berre seie det som er avgjort. Sakshandsamaren må først gjere dette:"
        ),
        "avklar_mangler": "{omrade}: Hent inn opplysningane som manglar: {felt}.",
        "avklar_mangler_uten_felt": "{omrade}: Hent inn opplysningane som manglar.",
        "avklar_skjonn": "{omrade}: Vurder saka, og skriv ned konklusjonen og grunngjevinga.",
        "avklar_sporsmal": "{omrade}: Ta stilling til dette spørsmålet: {sporsmal}",
        "avklar_periode": "{omrade}: Bestem kva periode stønaden gjeld for.",
        "avklar_belop": "{omrade}: Bestem kor mykje stønaden skal vere kvar månad.",
        "avklar_stonadsform": "{omrade}: Bestem om stønaden er eit bidrag eller eit lån ({ref}).",
        "avklar_mottaker": "{omrade}: Bestem kven stønaden skal betalast til ({ref}).",
        "avklar_avslag": "{omrade}: Skriv ned grunngjevinga for avslaget.",
        "avklar_ulovlig": "{omrade}: Endre det som ikkje oppfyller krava i {ref}.",
        "avklar_kvp_periode": "{omrade}: Bestem når programmet startar og sluttar.",
        "avklar_ingenting": (
            "Saka har ingen søknad som kan avgjerast. Registrer kva søknaden gjeld."
        ),
        "avklar_motstrid": (
            "{omrade}: Konklusjonen gjev stønad, men reglane gjev avslag. Sjå arbeidsnotatet, "
            "og rett konklusjonen eller opplysningane."
        ),
    },
    "en": {
        "tittel": "Decision on {hva}",
        "tittel_stonad": "financial assistance",
        "tittel_kvp": "the qualification programme",
        "og": "and",
        "dato": "Date: {dato}",
        "nav_kontoret": "the NAV office",
        "overskrift_vedtak": "Decision",
        "overskrift_beregning": "How we calculated the support",
        "overskrift_begrunnelse": "Reasons",
        "overskrift_vilkar": "Conditions for the support",
        "overskrift_klage": "You have the right to appeal",
        "overskrift_innsyn": "You have the right to see the case documents",
        "overskrift_kontakt": "Questions?",
        "kolonne_post": "Item",
        "kolonne_belop": "NOK per month",
        "innvilget": (
            "You will receive {belop} a month in financial assistance for living costs from "
            "{fra} to {til}."
        ),
        "delvis": (
            "Your application for financial assistance for living costs is partly granted. "
            "You will receive {belop} a month from {fra} to {til}."
        ),
        "avslag": (
            "You will not receive financial assistance for living costs. Your application is "
            "refused."
        ),
        "bidrag": "The support is a grant. You do not have to pay it back.",
        "lan": "The support is a loan. This means that you must pay it back.",
        "til_soker": "We pay the support to you.",
        "til_tredjepart": (
            "As agreed with you, we pay the support directly to the person or company you "
            "have consented to."
        ),
        "varer_tjenester": (
            "We have decided that you receive the support as goods or services ({ref})."
        ),
        "st_innvilget": (
            "You will receive {belop} a month in assistance in special cases from {fra} to {til}."
        ),
        "st_avslag": "You will not receive assistance in special cases under {ref}.",
        "st_engangs": "You will receive {belop} in assistance in special cases, paid once.",
        "nod_innvilget": "You will receive emergency help of {belop}.",
        "kvp_innvilget": "You may take part in the qualification programme from {fra} to {til}.",
        "kvp_avslag": "You may not take part in the qualification programme.",
        "kvs_innvilget": (
            "You will receive a qualification benefit of {belop} a year. That is {dag} a day."
        ),
        "kvs_barnetillegg": (
            "You also receive a child supplement of {dag} a day for each child you support, "
            "{belop} a year in all."
        ),
        "kvs_reduksjon": "The benefit is reduced by {belop} a year because of absence.",
        "b_18": (
            "We have assessed your application under {ref}. You are entitled to financial "
            "assistance if you cannot support yourself. First you must use what you can earn "
            "by working, and other money you are entitled to, such as benefits."
        ),
        "b_18_satser": "We have used the guideline rates for financial assistance.",
        "b_18_boutgifter": "We have added your housing costs.",
        "b_18_inntekt": "We have deducted the income we count.",
        "b_18_dekket": (
            "The income we count is {inntekt} a month. Under the rates and your housing costs, "
            "you need {behov} a month. Your income is therefore enough to cover what you need."
        ),
        "b_husstand": "We have based this on a household of {hvem}.",
        "b_alene": "We have based this on you living alone.",
        "hvem_deg": "you",
        "hvem_ektefelle": "your spouse",
        "hvem_samboer": "your cohabitant",
        "hvem_ett_barn": "one child",
        "hvem_barn": "{n} children",
        "b_barnetrygd": "We do not count child benefit as income ({ref}).",
        "b_ikke_medregnet": "We have not counted {type} of {belop} a month as income.",
        "b_formue": "You have {type} of {belop}. We have not deducted this from the support.",
        "b_rettighet_sokt": (
            "You have applied for {type}. Tell the NAV office when you get an answer."
        ),
        "b_individuell": "We have assessed your situation individually: {sitat}.",
        "b_konklusjon": "Our assessment: {sitat}.",
        "b_19": (
            "We have assessed whether you can receive assistance under {ref}. In special cases "
            "the NAV office can give assistance that helps you overcome or adapt to a difficult "
            "situation in life."
        ),
        "b_nod": (
            "You are in an emergency. You then have the right to help with what you need right "
            "now ({ref})."
        ),
        "b_botilbud": (
            "You have been living in {type} since {fra}. This is temporary accommodation under "
            "{ref}. Temporary accommodation is meant to last only a short time. We will help "
            "you find a permanent home."
        ),
        "b_kvp": (
            "We have assessed your application under {ref}. Your ability to work and earn is "
            "significantly reduced, and you have no or very limited benefits from the National "
            "Insurance scheme. We believe the programme can make it easier for you to find work."
        ),
        "b_kvs": (
            "The qualification benefit for one year is {faktor} times the National Insurance "
            "basic amount ({ref}). The basic amount is {g}."
        ),
        "b_kvs_under_25": "Because you are under 25, you receive two thirds of the full benefit.",
        "b_kvp_fravaer": (
            "If you are absent from the programme without a valid reason, the benefit is reduced."
        ),
        "vilkar_innledning": "We have set these conditions for the support ({ref}):",
        "vilkar_punkt": "{beskrivelse} by {frist}.",
        "vilkar_punkt_uten_frist": "{beskrivelse}.",
        "vilkar_grunn": "The reason is {sitat}.",
        "vilkar_dokumentasjon": "As documentation we need {sitat}.",
        "vilkar_varsel": (
            "If you do not meet the conditions, your support may be reduced ({ref})."
        ),
        "reduksjon": (
            "Your support is reduced by {belop} a month from {fra}, because you have not met "
            "the condition {sitat}."
        ),
        "b_reduksjon": (
            "When you do not meet a condition, the NAV office can reduce the support ({ref}). "
            "You will still always get what you need in an emergency."
        ),
        "aktivitet_satt": (
            "You are under 30. As a rule, the NAV office must then set a condition of activity "
            "when you receive financial assistance ({ref}). The condition is set out above."
        ),
        "aktivitet_unntak": (
            "You are under 30. As a rule, the NAV office must then set a condition of activity "
            "when you receive financial assistance ({ref}). We have not done so, because {sitat}."
        ),
        "klage_1": (
            "You can appeal against this decision within three weeks of the day you received "
            "it. The appeal must be in writing."
        ),
        "klage_2": (
            "Say which decision you are appealing against and what you think should be "
            "changed. You may also say why. Remember to sign the appeal."
        ),
        "klage_3": (
            "Send the appeal to {kontor}. If we do not change the decision, we send your appeal "
            "on to the County Governor (Statsforvalteren), who decides it."
        ),
        "innsyn": (
            "You have the right to see the documents in your case. Contact us if you want to "
            "see them."
        ),
        "kontakt": "Contact {kontor} if you have any questions.",
        "kontakt_telefon": "Contact {kontor} on {telefon} if you have any questions.",
        "hilsen": "Yours sincerely",
        "avklar_tittel": "The decision letter cannot be written yet",
        "avklar_innledning": (
            "A decision can only state what has been decided. The caseworker must first do this:"
        ),
        "avklar_mangler": "{omrade}: Obtain the missing information: {felt}.",
        "avklar_mangler_uten_felt": "{omrade}: Obtain the missing information.",
        "avklar_skjonn": "{omrade}: Assess the case, and record the conclusion and the reasons.",
        "avklar_sporsmal": "{omrade}: Decide this question: {sporsmal}",
        "avklar_periode": "{omrade}: Decide the period the support covers.",
        "avklar_belop": "{omrade}: Decide how much the support is a month.",
        "avklar_stonadsform": "{omrade}: Decide whether the support is a grant or a loan ({ref}).",
        "avklar_mottaker": "{omrade}: Decide who the support is paid to ({ref}).",
        "avklar_avslag": "{omrade}: Record the reasons for the refusal.",
        "avklar_ulovlig": "{omrade}: Change what does not meet the requirements of {ref}.",
        "avklar_kvp_periode": "{omrade}: Decide when the programme starts and ends.",
        "avklar_ingenting": "The case has no application to decide. Record what it is for.",
        "avklar_motstrid": (
            "{omrade}: The conclusion grants, but the rules refuse. See the working paper, and "
            "correct the conclusion or the facts."
        ),
    },
}

#: Rows of the calculation table that are not a type: rates and the total.
RADER: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "sats_enslig": "Veiledende sats for enslig",
        "sats_ektepar": "Veiledende sats for ektepar og samboere",
        "sats_bofellesskap": "Veiledende sats for person i bofellesskap",
        "sats_barn": "Sats for barn {alder} år",
        "sum": "Stønad per måned",
        "veiledende_sum": "Veiledende beløp per måned",
        "innvilget_sum": "Innvilget beløp per måned",
        "annet": "Annet",
    },
    "nn": {
        "sats_enslig": "Rettleiande sats for einsleg",
        "sats_ektepar": "Rettleiande sats for ektepar og sambuarar",
        "sats_bofellesskap": "Rettleiande sats for person i bufellesskap",
        "sats_barn": "Sats for barn {alder} år",
        "sum": "Stønad kvar månad",
        "veiledende_sum": "Rettleiande beløp kvar månad",
        "innvilget_sum": "Beløpet du får kvar månad",
        "annet": "Anna",
    },
    "en": {
        "sats_enslig": "Guideline rate, single person",
        "sats_ektepar": "Guideline rate, couple",
        "sats_bofellesskap": "Guideline rate, shared household",
        "sats_barn": "Rate for a child aged {alder}",
        "sum": "Support per month",
        "veiledende_sum": "Guideline amount per month",
        "innvilget_sum": "Amount granted per month",
        "annet": "Other",
    },
}

#: Missing facts, named by the field at the end of the contract's JSON path (or its list).
FELT: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "fodselsdato": "fødselsdato",
        "opphold": "oppholdet i Norge",
        "lovlig_opphold": "lovlig opphold",
        "fast_bopel_i_norge": "fast bosted i Norge",
        "norsk_statsborger": "statsborgerskap",
        "bofellesskap": "om søkeren bor i bofellesskap",
        "inntekter": "inntekter",
        "formue": "formue",
        "boutgifter": "boutgifter",
        "vurdert_rimelig": "om boutgiftene er rimelige",
        "rettigheter": "økonomiske rettigheter",
        "barns_behov_vurdert": "om barnas behov er vurdert",
        "utbetaling": "stønadsform og mottaker",
        "stonadsform": "stønadsform",
        "mottaker": "mottaker av stønaden",
        "vilkar": "vilkår",
        "aktivitetsplikt": "vilkår om aktivitet",
        "botilbud": "botilbud",
        "kvp": "kvalifiseringsprogrammet",
        "nodsituasjon": "nødssituasjonen",
        "saerlige_tilfeller": "søknaden om stønad i særlige tilfeller",
        "uten_overnatting_neste_dogn": "om søkeren står uten overnatting neste døgn",
        "botilbud_soknad": "behovet for et midlertidig botilbud",
        "holder_barnetrygd_utenfor": "om kommunen holdt barnetrygden utenfor",
        "kommune": "kommunens valg",
        "reduksjoner": "reduksjonen av stønaden",
        "arsak_til_brudd": "hvorfor vilkåret ikke ble oppfylt",
        "forhandsvarslet": "om reduksjonen ble varslet på forhånd",
        "nodvendig_belop": "hva de nødvendige utgiftene koster",
        "foreligger": "om det er en nødssituasjon",
        "livssituasjon": "livssituasjonen",
        "utgifter": "utgiftene",
        "fravaer": "fraværet",
        "maneder_med_stonad": "hvilke måneder søkeren har fått stønad",
    },
    "nn": {
        "fodselsdato": "fødselsdato",
        "opphold": "opphaldet i Noreg",
        "lovlig_opphold": "lovleg opphald",
        "fast_bopel_i_norge": "fast bustad i Noreg",
        "norsk_statsborger": "statsborgarskap",
        "bofellesskap": "om søkjaren bur i bufellesskap",
        "inntekter": "inntekter",
        "formue": "formue",
        "boutgifter": "utgifter til bustaden",
        "vurdert_rimelig": "om utgiftene til bustaden er rimelege",
        "rettigheter": "økonomiske rettar",
        "barns_behov_vurdert": "om behova til barna er vurderte",
        "utbetaling": "stønadsform og mottakar",
        "stonadsform": "stønadsform",
        "mottaker": "mottakar av stønaden",
        "vilkar": "vilkår",
        "aktivitetsplikt": "vilkår om aktivitet",
        "botilbud": "butilbod",
        "kvp": "kvalifiseringsprogrammet",
        "nodsituasjon": "naudssituasjonen",
        "saerlige_tilfeller": "søknaden om stønad i særlege tilfelle",
        "uten_overnatting_neste_dogn": "om søkjaren står utan overnatting neste døgn",
        "botilbud_soknad": "behovet for eit mellombels butilbod",
        "holder_barnetrygd_utenfor": "om kommunen held barnetrygda utanfor",
        "kommune": "vala til kommunen",
        "reduksjoner": "reduksjonen av stønaden",
        "arsak_til_brudd": "kvifor vilkåret ikkje vart oppfylt",
        "forhandsvarslet": "om reduksjonen vart varsla på førehand",
        "nodvendig_belop": "kva dei naudsynte utgiftene kostar",
        "foreligger": "om det er ein naudssituasjon",
        "livssituasjon": "livssituasjonen",
        "utgifter": "utgiftene",
        "fravaer": "fråværet",
        "maneder_med_stonad": "kva månader søkjaren har fått stønad",
    },
    "en": {
        "fodselsdato": "date of birth",
        "opphold": "residence in Norway",
        "lovlig_opphold": "lawful residence",
        "fast_bopel_i_norge": "permanent residence in Norway",
        "norsk_statsborger": "citizenship",
        "bofellesskap": "whether the applicant shares a home",
        "inntekter": "income",
        "formue": "assets",
        "boutgifter": "housing costs",
        "vurdert_rimelig": "whether the housing costs are reasonable",
        "rettigheter": "financial rights",
        "barns_behov_vurdert": "whether the children's needs are assessed",
        "utbetaling": "form of support and recipient",
        "stonadsform": "form of support",
        "mottaker": "recipient of the support",
        "vilkar": "conditions",
        "aktivitetsplikt": "activity condition",
        "botilbud": "accommodation",
        "kvp": "the qualification programme",
        "nodsituasjon": "the emergency",
        "saerlige_tilfeller": "the application for assistance in special cases",
        "uten_overnatting_neste_dogn": "whether the applicant has nowhere to stay the next night",
        "botilbud_soknad": "the need for temporary accommodation",
        "holder_barnetrygd_utenfor": "whether the municipality left child benefit out",
        "kommune": "the municipality's choices",
        "reduksjoner": "the reduction of the support",
        "arsak_til_brudd": "why the condition was not met",
        "forhandsvarslet": "whether the reduction was notified in advance",
        "nodvendig_belop": "what the necessary expenses cost",
        "foreligger": "whether there is an emergency",
        "livssituasjon": "the situation in life",
        "utgifter": "the expenses",
        "fravaer": "the absence",
        "maneder_med_stonad": "the months with support",
    },
}
