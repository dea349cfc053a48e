"""The estimate page's words in bokmål, nynorsk and English: data, not code.

Plain language for a person, not a caseworker: «du», short sentences, no rule ids, no field
names, no codes, no section numbers. Nynorsk is written as nynorsk. The names of income types,
housing costs and rates are the decision letter's (``vedtaksbrev.tekster``), written once there.
``{}`` are filled in by ``html``.

What the sentences rest on (not shown on the page; the rule files carry the sources):
- what the rates cover: «helt grunnleggende behov, som mat, klær, kommunikasjon,
  husholdningsartikler og hygiene med mer, og … fritid og sosiale behov»; housing, electricity
  and heating are not in the rates, «da dette er utgifter som varierer mye» [V2: statsforvalteren.no
  (Agder) «Veiledende retningslinjer for økonomisk stønad for 2024», publ. 08.01.2024, and
  (Vestfold og Telemark) «… 2022»]; the rates are a starting point for the office's discretion
  and may differ by municipality [V2: the same pages];
- the estimate is the guideline amount of sosialtjenesteloven § 18 first ledd as the library
  computes it (rates for the household, plus housing costs, less income that counts);
- child benefit is not income (§ 18 third ledd, from 2022-09-01);
- a cohabitant without shared economy: the applicant alone, at the shared-household rate
  (the library's `felles_okonomi`, README);
- savings that cover a month's need are to be used first (R35 4.18, as the library's
  `stl-18-1-formue` rule reads it);
- activity conditions for those under 30 (§ 20 a), children's needs weighed (R35 4.18.2.6);
- only the NAV office decides, after a concrete assessment (§ 18; R35 4.18.1.5).
"""

from __future__ import annotations

from collections.abc import Mapping

#: Where a person applies (NAV's page on financial assistance, in every language).
SOKNADSLENKE = "https://www.nav.no/okonomisk-sosialhjelp"

#: The name of each language, written in that language (for the language links).
SPRAKNAVN: Mapping[str, str] = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}

TEKSTER: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "tittel": "Hva kan du få i økonomisk sosialhjelp?",
        "sprakvalg": "Velg språk",
        "ingress": (
            "Her kan du regne ut et anslag over hvor mye økonomisk sosialhjelp til livsopphold "
            "husstanden din kan få per måned. Anslaget bygger på statens veiledende satser, det "
            "vil si beløpene staten anbefaler at NAV-kontorene bruker. Det er bare "
            "NAV-kontoret ditt som kan avgjøre om du får stønad, og hvor mye."
        ),
        "personvern": (
            "Svarene dine blir ikke lagret og ikke sendt videre. De brukes bare til å regne ut "
            "anslaget."
        ),
        "utfylling": (
            "Skriv beløp i hele kroner per måned, etter skatt. Et tomt beløpsfelt regnes som "
            "0 kroner."
        ),
        "husstand": "Hvem bor du med?",
        "husstand_alene": "Jeg bor alene",
        "husstand_bofellesskap": (
            "Jeg deler bolig med andre voksne, men ikke med ektefelle eller samboer"
        ),
        "husstand_ektefelle": "Jeg bor med ektefelle eller registrert partner",
        "husstand_samboer": "Jeg bor med samboer",
        "felles_okonomi": "Har du og samboeren din felles økonomi?",
        "felles_okonomi_hjelp": "Svar bare hvis du bor med samboer.",
        "ja": "Ja",
        "nei": "Nei",
        "personer": "Alder",
        "alder": "Alderen din (år)",
        "partner_alder": "Alderen til ektefellen eller samboeren din (år)",
        "partner_alder_hjelp": "Svar bare hvis du bor med ektefelle eller samboer.",
        "barn_alder": "Alderen til barn under 18 år som bor hos deg",
        "barn_alder_hjelp": (
            "Skriv alderen til hvert barn, skilt med komma, for eksempel 2, 7, 15. La feltet "
            "stå tomt hvis ingen barn bor hos deg."
        ),
        "inntekt_soker": "Inntekten din per måned",
        "inntekt_partner": "Inntekten til ektefellen eller samboeren din per måned",
        "inntekt_partner_hjelp": "Svar bare hvis du bor med ektefelle eller samboer.",
        "partner_annen": "Trygd, stønad og annen inntekt",
        "inntekt_husstand": "Annen støtte husstanden får per måned",
        "formue": "Sparepenger",
        "sparepenger": "Penger på konto og kontanter",
        "sparepenger_hjelp": "Det du har til sammen nå, ikke per måned.",
        "bolig": "Boutgifter per måned",
        "kroner": "kroner",
        "send": "Regn ut anslaget",
        "feil_tittel": "Rett opp dette før vi kan regne ut anslaget:",
        "feil_sidetittel": "Feil i skjemaet",
        "resultat": "Anslaget ditt",
        "belop": (
            "Etter de veiledende satsene kan husstanden din ha rett til omtrent {belop} per "
            "måned i økonomisk sosialhjelp til livsopphold."
        ),
        "belop_null": (
            "Etter de veiledende satsene dekker inntekten til husstanden det dere trenger. "
            "Anslaget er 0 kroner per måned."
        ),
        "ingen_inntekt": (
            "Etter de veiledende satsene er inntekten til husstanden ({inntekt}) større enn det "
            "dere trenger ({behov}). Derfor gir anslaget ikke noe beløp."
        ),
        "ingen_formue": (
            "Sparepengene dine ser ut til å dekke det husstanden trenger i minst én måned. Da "
            "må du som regel bruke dem før du kan få økonomisk sosialhjelp, og anslaget gir "
            "ikke noe beløp."
        ),
        "ingen_ukjent": (
            "Vi kunne ikke regne ut et anslag ut fra svarene dine. Ta kontakt med NAV-kontoret "
            "ditt."
        ),
        "likevel": ("Du kan likevel søke. NAV-kontoret ser alltid på hele situasjonen din."),
        "dato": "Anslaget bruker de statlige veiledende satsene som gjelder {dato}.",
        "dato_kommune": "Anslaget bruker satsene til {kommune} som gjelder {dato}.",
        "utregning": "Slik har vi regnet",
        "kolonne_hva": "Hva",
        "kolonne_belop": "Kroner per måned",
        "rad_behov": "Det husstanden trenger",
        "rad_inntekt": "Inntekt som trekkes fra",
        "rad_sum": "Anslag per måned",
        "rad_ikke_medregnet": "{navn}, {grunnlag} (regnes ikke med)",
        "rad_hvem": "{navn} ({hvem})",
        "hvem_du": "du",
        "hvem_partner": "ektefelle eller samboer",
        "hvem_husstand": "husstanden",
        "rad_grunn": "Grunn: {grunn}.",
        "grunner": "Hvorfor",
        "grunn_sats": (
            "Satsene skal dekke grunnleggende behov som mat, klær, telefon og internett, "
            "husholdningsartikler og hygiene, og noe til fritid. Satsen avhenger av hvem du bor "
            "med, og hvert barn får en sats etter alder. Boutgifter kommer i tillegg."
        ),
        "grunn_bolig": (
            "Boutgiftene er tatt med slik du oppga dem: {belop} per måned. NAV-kontoret "
            "vurderer om de er rimelige."
        ),
        "grunn_ingen_bolig": "Du har ikke oppgitt boutgifter, så de er ikke tatt med.",
        "grunn_inntekt": "Inntekt som regnes med, trekkes fra: {belop} per måned.",
        "grunn_barnetrygd": "Barnetrygd regnes ikke som inntekt, så den trekkes ikke fra.",
        "grunn_samboer": (
            "Du og samboeren din har ikke felles økonomi. Da blir du regnet som en voksen som "
            "deler bolig med andre, og inntekten til samboeren trekkes ikke fra."
        ),
        "grunn_formue_liten": (
            "Sparepengene dine er ikke trukket fra. NAV-kontoret kan likevel be deg bruke noe "
            "av dem først."
        ),
        "avhenger": "Hva anslaget avhenger av",
        "avhenger_riktig": (
            "Opplysningene må stemme. NAV-kontoret vil be deg vise papirer på dem, for "
            "eksempel kontoutskrifter og husleiekontrakt."
        ),
        "avhenger_andre": (
            "Du må først ha prøvd andre muligheter, for eksempel arbeid eller annen støtte du "
            "kan ha rett til, som bostøtte eller arbeidsavklaringspenger."
        ),
        "avhenger_bolig": "Boutgiftene må være rimelige for en husstand som din, der du bor.",
        "avhenger_kommune": "Kommunen din kan ha egne satser, som kan være høyere eller lavere.",
        "avhenger_skjonn": (
            "NAV-kontoret ser på hele situasjonen din. Satsene er bare et utgangspunkt, og "
            "beløpet kan bli høyere eller lavere."
        ),
        "endre": "Hva som kan endre anslaget",
        "endre_inntekt": (
            "Får du mer inntekt eller ny støtte, for eksempel bostøtte, blir anslaget lavere."
        ),
        "endre_husstand": "Flytter noen inn eller ut, endres satsene.",
        "endre_utgifter": (
            "Har du nødvendige utgifter som satsene ikke dekker, for eksempel til medisiner "
            "eller tannlege, kan NAV-kontoret ta dem med."
        ),
        "endre_barn": "NAV-kontoret skal legge særlig vekt på barnas behov.",
        "endre_under_30": (
            "Er du under 30 år, vil NAV-kontoret som regel kreve at du gjør noe aktivt for å "
            "få pengene, for eksempel søker jobber, går på kurs eller har arbeidstrening."
        ),
        "endre_satser": (
            "Satsene for denne datoen er ikke endelig bekreftet, så beløpet kan bli et annet."
        ),
        "bestemmer": "Det er NAV-kontoret som bestemmer",
        "bestemmer_tekst": (
            "Dette er bare et anslag, ikke et vedtak. Det er NAV-kontoret ditt som avgjør om du "
            "får økonomisk sosialhjelp, og hvor mye, etter å ha sett på hele situasjonen din."
        ),
        "sok": "Søk om økonomisk sosialhjelp på nav.no",
        "endre_svar": "Endre svarene",
        "for_stor": "Skjemaet er for stort. Fyll det ut på nytt.",
        "ukjent_feil": "Noe gikk galt hos oss. Prøv igjen senere.",
    },
    "nn": {
        "tittel": "Kva kan du få i økonomisk sosialhjelp?",
        "sprakvalg": "Vel språk",
        "ingress": (
            "Her kan du rekne ut eit overslag over kor mykje økonomisk sosialhjelp til "
            "livsopphald hushaldet ditt kan få kvar månad. Overslaget byggjer på dei statlege "
            "rettleiande satsane, det vil seie beløpa staten rår NAV-kontora til å bruke. Det "
            "er berre NAV-kontoret ditt som kan avgjere om du får stønad, og kor mykje."
        ),
        "personvern": (
            "Svara dine blir ikkje lagra og ikkje sende vidare. Dei blir berre brukte til å "
            "rekne ut overslaget."
        ),
        "utfylling": (
            "Skriv beløp i heile kroner kvar månad, etter skatt. Eit tomt beløpsfelt blir "
            "rekna som 0 kroner."
        ),
        "husstand": "Kven bur du saman med?",
        "husstand_alene": "Eg bur åleine",
        "husstand_bofellesskap": (
            "Eg deler bustad med andre vaksne, men ikkje med ektefelle eller sambuar"
        ),
        "husstand_ektefelle": "Eg bur saman med ektefelle eller registrert partnar",
        "husstand_samboer": "Eg bur saman med sambuar",
        "felles_okonomi": "Har du og sambuaren din felles økonomi?",
        "felles_okonomi_hjelp": "Svar berre dersom du bur saman med sambuar.",
        "ja": "Ja",
        "nei": "Nei",
        "personer": "Alder",
        "alder": "Alderen din (år)",
        "partner_alder": "Alderen til ektefellen eller sambuaren din (år)",
        "partner_alder_hjelp": "Svar berre dersom du bur saman med ektefelle eller sambuar.",
        "barn_alder": "Alderen til barn under 18 år som bur hos deg",
        "barn_alder_hjelp": (
            "Skriv alderen til kvart barn, skilde med komma, til dømes 2, 7, 15. La feltet "
            "stå tomt dersom ingen barn bur hos deg."
        ),
        "inntekt_soker": "Inntekta di kvar månad",
        "inntekt_partner": "Inntekta til ektefellen eller sambuaren din kvar månad",
        "inntekt_partner_hjelp": "Svar berre dersom du bur saman med ektefelle eller sambuar.",
        "partner_annen": "Trygd, stønad og anna inntekt",
        "inntekt_husstand": "Anna støtte hushaldet får kvar månad",
        "formue": "Sparepengar",
        "sparepenger": "Pengar på konto og kontantar",
        "sparepenger_hjelp": "Det du har til saman no, ikkje kvar månad.",
        "bolig": "Buutgifter kvar månad",
        "kroner": "kroner",
        "send": "Rekn ut overslaget",
        "feil_tittel": "Rett opp dette før vi kan rekne ut overslaget:",
        "feil_sidetittel": "Feil i skjemaet",
        "resultat": "Overslaget ditt",
        "belop": (
            "Etter dei rettleiande satsane kan hushaldet ditt ha rett på om lag {belop} kvar "
            "månad i økonomisk sosialhjelp til livsopphald."
        ),
        "belop_null": (
            "Etter dei rettleiande satsane dekkjer inntekta til hushaldet det de treng. "
            "Overslaget er 0 kroner kvar månad."
        ),
        "ingen_inntekt": (
            "Etter dei rettleiande satsane er inntekta til hushaldet ({inntekt}) større enn det "
            "de treng ({behov}). Overslaget gjev difor ikkje noko beløp."
        ),
        "ingen_formue": (
            "Sparepengane dine ser ut til å dekkje det hushaldet treng i minst éin månad. Då "
            "må du som regel bruke dei før du kan få økonomisk sosialhjelp, og overslaget gjev "
            "ikkje noko beløp."
        ),
        "ingen_ukjent": (
            "Vi kunne ikkje rekne ut eit overslag ut frå svara dine. Ta kontakt med "
            "NAV-kontoret ditt."
        ),
        "likevel": ("Du kan likevel søkje. NAV-kontoret ser alltid på heile situasjonen din."),
        "dato": "Overslaget brukar dei statlege rettleiande satsane som gjeld {dato}.",
        "dato_kommune": "Overslaget brukar satsane til {kommune} som gjeld {dato}.",
        "utregning": "Slik har vi rekna",
        "kolonne_hva": "Kva",
        "kolonne_belop": "Kroner kvar månad",
        "rad_behov": "Det hushaldet treng",
        "rad_inntekt": "Inntekt som blir trekt frå",
        "rad_sum": "Overslag kvar månad",
        "rad_ikke_medregnet": "{navn}, {grunnlag} (blir ikkje rekna med)",
        "rad_hvem": "{navn} ({hvem})",
        "hvem_du": "du",
        "hvem_partner": "ektefelle eller sambuar",
        "hvem_husstand": "hushaldet",
        "rad_grunn": "Grunn: {grunn}.",
        "grunner": "Kvifor",
        "grunn_sats": (
            "Satsane skal dekkje grunnleggjande behov som mat, klede, telefon og internett, "
            "hushaldsartiklar og hygiene, og noko til fritid. Satsen er avhengig av kven du bur "
            "saman med, og kvart barn får ein sats etter alder. Buutgifter kjem i tillegg."
        ),
        "grunn_bolig": (
            "Buutgiftene er tekne med slik du oppgav dei: {belop} kvar månad. NAV-kontoret "
            "vurderer om dei er rimelege."
        ),
        "grunn_ingen_bolig": "Du har ikkje oppgjeve buutgifter, så dei er ikkje tekne med.",
        "grunn_inntekt": "Inntekt som blir rekna med, blir trekt frå: {belop} kvar månad.",
        "grunn_barnetrygd": (
            "Barnetrygd blir ikkje rekna som inntekt, så ho blir ikkje trekt frå."
        ),
        "grunn_samboer": (
            "Du og sambuaren din har ikkje felles økonomi. Då blir du rekna som ein vaksen som "
            "deler bustad med andre, og inntekta til sambuaren blir ikkje trekt frå."
        ),
        "grunn_formue_liten": (
            "Sparepengane dine er ikkje trekte frå. NAV-kontoret kan likevel be deg bruke noko "
            "av dei først."
        ),
        "avhenger": "Kva overslaget er avhengig av",
        "avhenger_riktig": (
            "Opplysningane må stemme. NAV-kontoret vil be deg vise papir på dei, til dømes "
            "kontoutskrifter og husleigekontrakt."
        ),
        "avhenger_andre": (
            "Du må først ha prøvd andre moglegheiter, til dømes arbeid eller anna støtte du "
            "kan ha rett på, som bustøtte eller arbeidsavklaringspengar."
        ),
        "avhenger_bolig": "Buutgiftene må vere rimelege for eit hushald som ditt, der du bur.",
        "avhenger_kommune": "Kommunen din kan ha eigne satsar, som kan vere høgare eller lågare.",
        "avhenger_skjonn": (
            "NAV-kontoret ser på heile situasjonen din. Satsane er berre eit utgangspunkt, og "
            "beløpet kan bli høgare eller lågare."
        ),
        "endre": "Kva som kan endre overslaget",
        "endre_inntekt": (
            "Får du meir inntekt eller ny støtte, til dømes bustøtte, blir overslaget lågare."
        ),
        "endre_husstand": "Flyttar nokon inn eller ut, blir satsane endra.",
        "endre_utgifter": (
            "Har du naudsynte utgifter som satsane ikkje dekkjer, til dømes til medisinar "
            "eller tannlege, kan NAV-kontoret ta dei med."
        ),
        "endre_barn": "NAV-kontoret skal leggje særleg vekt på behova til barna.",
        "endre_under_30": (
            "Er du under 30 år, vil NAV-kontoret som regel krevje at du gjer noko aktivt for å "
            "få pengane, til dømes søkjer jobbar, går på kurs eller har arbeidstrening."
        ),
        "endre_satser": (
            "Satsane for denne datoen er ikkje endeleg stadfesta, så beløpet kan bli eit anna."
        ),
        "bestemmer": "Det er NAV-kontoret som avgjer",
        "bestemmer_tekst": (
            "Dette er berre eit overslag, ikkje eit vedtak. Det er NAV-kontoret ditt som "
            "avgjer om du får økonomisk sosialhjelp, og kor mykje, etter å ha sett på heile "
            "situasjonen din."
        ),
        "sok": "Søk om økonomisk sosialhjelp på nav.no",
        "endre_svar": "Endre svara",
        "for_stor": "Skjemaet er for stort. Fyll det ut på nytt.",
        "ukjent_feil": "Noko gjekk gale hos oss. Prøv igjen seinare.",
    },
    "en": {
        "tittel": "How much financial assistance could you get?",
        "sprakvalg": "Choose language",
        "ingress": (
            "Here you can work out an estimate of how much financial assistance for living "
            "costs (økonomisk sosialhjelp) your household could get each month. The estimate "
            "is based on the government's guideline rates: the amounts the government "
            "recommends NAV offices to use. Only your NAV office "
            "can decide whether you get assistance, and how much."
        ),
        "personvern": (
            "Your answers are not stored and not passed on. They are used only to work out the "
            "estimate."
        ),
        "utfylling": (
            "Enter amounts in whole kroner (NOK) per month, after tax. An empty amount field "
            "counts as NOK 0."
        ),
        "husstand": "Who do you live with?",
        "husstand_alene": "I live alone",
        "husstand_bofellesskap": (
            "I share a home with other adults, but not with a spouse or cohabitant"
        ),
        "husstand_ektefelle": "I live with my spouse or registered partner",
        "husstand_samboer": "I live with my cohabitant",
        "felles_okonomi": "Do you and your cohabitant share your finances?",
        "felles_okonomi_hjelp": "Answer only if you live with a cohabitant.",
        "ja": "Yes",
        "nei": "No",
        "personer": "Age",
        "alder": "Your age (years)",
        "partner_alder": "Your spouse's or cohabitant's age (years)",
        "partner_alder_hjelp": "Answer only if you live with a spouse or cohabitant.",
        "barn_alder": "Ages of the children under 18 who live with you",
        "barn_alder_hjelp": (
            "Enter each child's age, separated by commas, for example 2, 7, 15. Leave the "
            "field empty if no children live with you."
        ),
        "inntekt_soker": "Your income per month",
        "inntekt_partner": "Your spouse's or cohabitant's income per month",
        "inntekt_partner_hjelp": "Answer only if you live with a spouse or cohabitant.",
        "partner_annen": "Benefits and other income",
        "inntekt_husstand": "Other support your household gets per month",
        "formue": "Savings",
        "sparepenger": "Money in accounts and cash",
        "sparepenger_hjelp": "What you have in total now, not per month.",
        "bolig": "Housing costs per month",
        "kroner": "NOK",
        "send": "Calculate the estimate",
        "feil_tittel": "Please correct the following before we can calculate the estimate:",
        "feil_sidetittel": "Errors in the form",
        "resultat": "Your estimate",
        "belop": (
            "Based on the guideline rates, your household may be entitled to about {belop} "
            "per month in financial assistance for living costs."
        ),
        "belop_null": (
            "Based on the guideline rates, your household's income covers what you need. The "
            "estimate is NOK 0 per month."
        ),
        "ingen_inntekt": (
            "Based on the guideline rates, your household's income ({inntekt}) is more than "
            "what you need ({behov}), so the estimate comes to nothing."
        ),
        "ingen_formue": (
            "Your savings appear to cover what your household needs for at least one month. "
            "You will then usually have to use them before you can get financial assistance, "
            "so the estimate comes to nothing."
        ),
        "ingen_ukjent": (
            "We could not work out an estimate from your answers. Please contact your NAV office."
        ),
        "likevel": "You can still apply. The NAV office always looks at your whole situation.",
        "dato": "The estimate uses the government's guideline rates in force on {dato}.",
        "dato_kommune": "The estimate uses the rates of {kommune} in force on {dato}.",
        "utregning": "How we calculated it",
        "kolonne_hva": "Item",
        "kolonne_belop": "NOK per month",
        "rad_behov": "What the household needs",
        "rad_inntekt": "Income subtracted",
        "rad_sum": "Estimate per month",
        "rad_ikke_medregnet": "{navn}, {grunnlag} (not counted)",
        "rad_hvem": "{navn} ({hvem})",
        "hvem_du": "you",
        "hvem_partner": "spouse or cohabitant",
        "hvem_husstand": "household",
        "rad_grunn": "Reason: {grunn}.",
        "grunner": "Why",
        "grunn_sats": (
            "The rates are meant to cover basic needs such as food, clothes, phone and internet, "
            "household goods and hygiene, and some leisure. The rate depends on who you live "
            "with, and each child gets a rate by age. Housing costs come on top."
        ),
        "grunn_bolig": (
            "Your housing costs are included as you gave them: {belop} per month. The NAV "
            "office assesses whether they are reasonable."
        ),
        "grunn_ingen_bolig": "You gave no housing costs, so none are included.",
        "grunn_inntekt": "Income that counts is subtracted: {belop} per month.",
        "grunn_barnetrygd": "Child benefit does not count as income, so it is not subtracted.",
        "grunn_samboer": (
            "You and your cohabitant do not share your finances. You are then treated as an "
            "adult sharing a home with others, and your cohabitant's income is not subtracted."
        ),
        "grunn_formue_liten": (
            "Your savings are not subtracted. The NAV office may still ask you to use some of "
            "them first."
        ),
        "avhenger": "What the estimate depends on",
        "avhenger_riktig": (
            "The information must be correct. The NAV office will ask you for papers that show "
            "it, such as bank statements and your tenancy agreement."
        ),
        "avhenger_andre": (
            "You must first have tried other options, such as work or benefits you may be entitled "
            "to, like housing allowance or work assessment allowance."
        ),
        "avhenger_bolig": (
            "Your housing costs must be reasonable for a household like yours, where you live."
        ),
        "avhenger_kommune": (
            "Your municipality may have its own rates, which may be higher or lower."
        ),
        "avhenger_skjonn": (
            "The NAV office looks at your whole situation. The rates are only a starting "
            "point, and the amount may be higher or lower."
        ),
        "endre": "What could change the estimate",
        "endre_inntekt": (
            "If you get more income or a new benefit, such as housing allowance, the estimate "
            "goes down."
        ),
        "endre_husstand": "If someone moves in or out, the rates change.",
        "endre_utgifter": (
            "If you have necessary costs the rates do not cover, such as medicines or a "
            "dentist, the NAV office can include them."
        ),
        "endre_barn": "The NAV office must give particular weight to the children's needs.",
        "endre_under_30": (
            "If you are under 30, the NAV office will usually require you to do something "
            "active to get the money, such as applying for jobs, taking a course or work "
            "training."
        ),
        "endre_satser": (
            "The rates for this date are not yet finally confirmed, so the amount may differ."
        ),
        "bestemmer": "Only the NAV office decides",
        "bestemmer_tekst": (
            "This is only an estimate, not a decision. Your NAV office decides whether you get "
            "financial assistance, and how much, after looking at your whole situation."
        ),
        "sok": "Apply for financial assistance on nav.no",
        "endre_svar": "Change your answers",
        "for_stor": "The form is too large. Please fill it in again.",
        "ukjent_feil": "Something went wrong on our side. Please try again later.",
    },
}

#: Error messages by kind; ``{felt}`` is the field's label, ``{verdi}`` what was typed.
FEIL: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "husstand_mangler": "Velg hvem du bor med.",
        "felles_okonomi_mangler": "Svar på om du og samboeren din har felles økonomi.",
        "alder_mangler": "{felt}: skriv alderen i hele år.",
        "alder_ugyldig": "{felt}: skriv alderen som et helt tall, for eksempel 34.",
        "alder_utenfor": (
            "{felt}: alderen må være mellom {min_alder} og {maks_alder} år. Er noen i husstanden "
            "under 18 år "
            "og ikke et barn, ta kontakt med NAV-kontoret."
        ),
        "barn_ugyldig": (
            "{felt}: «{verdi}» er ikke en alder. Skriv hele tall skilt med komma, for eksempel "
            "2, 7, 15."
        ),
        "barn_utenfor": (
            "{felt}: «{verdi}» er ikke under 18 år. Barn som er 18 år eller eldre, regnes ikke "
            "med her."
        ),
        "for_mange_barn": "{felt}: skriv høyst {maks_barn} barn.",
        "belop_ugyldig": (
            "{felt}: «{verdi}» er ikke et beløp. Skriv hele kroner, for eksempel 12 500."
        ),
        "belop_negativ": "{felt}: beløpet kan ikke være mindre enn 0.",
        "belop_for_stort": "{felt}: beløpet er for stort. Skriv høyst {maks_belop}.",
        "partner_uten_partner": (
            "{felt}: du har skrevet inntekt for ektefelle eller samboer, men svart at du ikke "
            "bor med en. Endre svaret om hvem du bor med, eller la feltet stå tomt."
        ),
    },
    "nn": {
        "husstand_mangler": "Vel kven du bur saman med.",
        "felles_okonomi_mangler": "Svar på om du og sambuaren din har felles økonomi.",
        "alder_mangler": "{felt}: skriv alderen i heile år.",
        "alder_ugyldig": "{felt}: skriv alderen som eit heilt tal, til dømes 34.",
        "alder_utenfor": (
            "{felt}: alderen må vere mellom {min_alder} og {maks_alder} år. Er nokon i hushaldet "
            "under 18 år "
            "og ikkje eit barn, ta kontakt med NAV-kontoret."
        ),
        "barn_ugyldig": (
            "{felt}: «{verdi}» er ikkje ein alder. Skriv heile tal skilde med komma, til dømes "
            "2, 7, 15."
        ),
        "barn_utenfor": (
            "{felt}: «{verdi}» er ikkje under 18 år. Barn som er 18 år eller eldre, blir ikkje "
            "rekna med her."
        ),
        "for_mange_barn": "{felt}: skriv høgst {maks_barn} barn.",
        "belop_ugyldig": (
            "{felt}: «{verdi}» er ikkje eit beløp. Skriv heile kroner, til dømes 12 500."
        ),
        "belop_negativ": "{felt}: beløpet kan ikkje vere mindre enn 0.",
        "belop_for_stort": "{felt}: beløpet er for stort. Skriv høgst {maks_belop}.",
        "partner_uten_partner": (
            "{felt}: du har skrive inntekt for ektefelle eller sambuar, men svart at du ikkje "
            "bur saman med nokon. Endre svaret om kven du bur saman med, eller la feltet stå "
            "tomt."
        ),
    },
    "en": {
        "husstand_mangler": "Choose who you live with.",
        "felles_okonomi_mangler": "Answer whether you and your cohabitant share your finances.",
        "alder_mangler": "{felt}: enter the age in whole years.",
        "alder_ugyldig": "{felt}: enter the age as a whole number, for example 34.",
        "alder_utenfor": (
            "{felt}: the age must be between {min_alder} and {maks_alder}. If someone in the "
            "household is under "
            "18 and not a child, please contact the NAV office."
        ),
        "barn_ugyldig": (
            "{felt}: “{verdi}” is not an age. Enter whole numbers separated by commas, for "
            "example 2, 7, 15."
        ),
        "barn_utenfor": (
            "{felt}: “{verdi}” is not under 18. Children aged 18 or older are not counted here."
        ),
        "for_mange_barn": "{felt}: enter at most {maks_barn} children.",
        "belop_ugyldig": (
            "{felt}: “{verdi}” is not an amount. Enter whole kroner, for example 12500."
        ),
        "belop_negativ": "{felt}: the amount cannot be less than 0.",
        "belop_for_stort": "{felt}: the amount is too large. Enter at most {maks_belop}.",
        "partner_uten_partner": (
            "{felt}: you entered income for a spouse or cohabitant, but answered that you do "
            "not live with one. Change who you live with, or leave the field empty."
        ),
    },
}
