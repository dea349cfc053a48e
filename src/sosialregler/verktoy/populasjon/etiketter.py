"""What a ministry analyst reads in ``sosialregler simuler``'s text: the names of outcomes,
areas and flags, and the bands of a change, instead of the codes of the JSON and Parquet.

The codes stay in ``--format json`` and the Parquet rows (the machine contract); only the text
for a person uses these names. Flags share the follow-up report's short names
(``oppfolging.KODENAVN``) where it has one, so each name is written once.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...vurdering.katalog import verdietikett
from ..oppfolging import KODENAVN

#: Short names of the flags the follow-up report does not name (a flag is raised per case with
#: a long text of its own; a total needs a short name).
_ANDRE_MERKNADER: Mapping[str, str] = {
    "AKTIVITETSVILKAR_PARTNER_VURDERES": "Ektefelle eller samboer under 30 – vurder vilkår om "
    "aktivitet (§ 20 a)",
    "BARNETRYGD_FRA_ANNEN_STAT_MEDREGNET": "Barnetrygd fra en annen stat regnet som inntekt (§ 18)",
    "BARNS_BEHOV_IKKE_VURDERT": "Barnas behov ikke vurdert (§ 18)",
    "BARN_I_MIDLERTIDIG_BOTILBUD": "Barn i midlertidig botilbud (§ 27)",
    "BOTILBUD_AVSLAG_VED_BEHOV": "Avslag på midlertidig botilbud til en som har krav på det (§ 27)",
    "BOTILBUD_IKKE_FORSVARLIG": "Midlertidig botilbud ikke forsvarlig (§ 27)",
    "BOTILBUD_UEGNET_FOR_BARN": "Midlertidig botilbud uegnet for barn (§ 27)",
    "HENVIST_TIL_A_FINNE_SELV": "Henvist til å finne overnatting selv (§ 27)",
    "HJELP_TIDSBEGRENSET": "Hjelp bare for en begrenset tid (uten lovlig opphold eller bopel)",
    "KVP_ARBEIDSINNTEKT_REDUKSJON_VURDERES": "Kvalifiseringsstønad – vurder reduksjon for "
    "arbeidsinntekt",
    "KVP_FORLENGELSE_UTEN_BEGRUNNELSE": "Kvalifiseringsprogram forlenget uten begrunnelse",
    "KVP_PROGRAM_IKKE_FULL_TID": "Kvalifiseringsprogram ikke på full tid",
    "KVP_PROGRAM_OVER_MAKSIMAL_LENGDE": "Kvalifiseringsprogram lengre enn tillatt",
    "KVP_SUPPLERENDE_STONAD_VURDERES": "Kvalifiseringsstønad under satsene for livsopphold – "
    "vurder stønad i tillegg",
    "KVP_TREKK_FOR_FRAVAER_UTEN_VARSEL": "Trekk for fravær i kvalifiseringsstønad uten "
    "forbehold i vedtaket",
    "KVP_TREKK_METODE_IKKE_VERIFISERT": "Trekk for fravær i kvalifiseringsstønad – "
    "beregningsmåten ikke bekreftet",
    "MANGLER_INDIVIDUELL_VURDERING": "Ingen individuell vurdering av stønaden registrert (§ 18)",
    "MINDREARIG_ALENE_BARNEVERN": "Bare barn under 18 år, ingen voksen (barnevernet)",
    "OMFANG_BEGRENSET": "Ikke omfattet av loven fullt ut (§ 2)",
    "REDUKSJON_RAMMER_BOUTGIFTER": "Reduksjon for brudd på vilkår ville ramme boutgiftene (§ 20)",
    "REDUKSJON_UTEN_VARSEL": "Reduksjon for brudd på vilkår uten varsel i vedtaket (§ 20)",
    "REGELENDRING_IKKE_BEKREFTET": "Regelen om barnetrygd ikke bekreftet for datoen",
    "RETTIGHETER_IKKE_KARTLAGT": "Andre økonomiske rettigheter ikke kartlagt",
    "SATSER_KAN_VAERE_UTDATERT": "Satsene er ikke bekreftet for vurderingsdatoen",
    "STONAD_SOM_LAN": "Stønad gitt som lån – skjønn (§ 21)",
    "UTBETALING_TIL_TREDJEPART_UTEN_GRUNNLAG": "Utbetaling til andre enn søkeren uten samtykke "
    "eller vedtak",
    "VILKAR_KAN_VAERE_ULOVLIG": "Vilkår som kan være ulovlig (§ 20)",
    "VILKAR_UTEN_VARSEL_OM_REDUKSJON": "Vilkår uten varsel om reduksjon ved brudd (§ 20)",
}

MERKNADSNAVN: Mapping[str, str] = {**KODENAVN, **_ANDRE_MERKNADER}


def merknadsnavn(kode: str) -> str:
    """A flag's short name; a flag without one (a new rule's) is spelt out from its code, so
    the text never shows ``SATSER_KAN_VAERE_UTDATERT``-style codes."""
    navn = MERKNADSNAVN.get(kode)
    if navn is not None:
        return navn
    return kode.replace("_", " ").lower().capitalize()


def utfallsnavn(utfall: str) -> str:
    """An outcome as the texts name it: «ikke oppfylt», «til skjønn»."""
    return verdietikett(utfall, "nb")


def omradenavn(omrade: str, titler: Mapping[str, str]) -> str:
    """An area by its title in the rulebook (``[omrade] tittel``), else spelt out."""
    return titler.get(omrade) or omrade.replace("_", " ").capitalize()
