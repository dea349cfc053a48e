"""The catalogue of named facts that rules may read.

Rule files refer to facts by name (``soker.alder``). Every name a rule uses, in an expression
or in a text placeholder, must be here: the rulebook loader rejects unknown names, so a typo
in a rule file is a load error, not a rule that silently never fires.

Each entry says what the fact means (nb/en), its kind (used by the linter and to format values
in texts), and its scope: most facts belong to the case, some to one item being assessed (an
income line) and are only readable by rules that declare that scope.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen


@frozen
class FaktaInfo:
    navn: str
    type: str  # tall | belop | dato | tekst | sannhetsverdi | liste
    nb: str
    en: str
    omfang: str | None = None  # None: the case; "inntekt": one income line


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
]


def _katalog() -> dict[str, FaktaInfo]:
    from . import areas

    katalog: dict[str, FaktaInfo] = {}
    for info in (*_ALLE, *areas.fakta()):
        if info.navn in katalog:
            raise ValueError(f"faktumet {info.navn!r} er definert to ganger i katalogen")
        katalog[info.navn] = info
    return katalog


KATALOG: Mapping[str, FaktaInfo] = _katalog()


def kjent(navn: str, omfang: str | None = None) -> bool:
    """Whether a rule with the given scope may read ``navn``."""
    info = KATALOG.get(navn)
    return info is not None and (info.omfang is None or info.omfang == omfang)
