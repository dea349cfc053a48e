"""Effective-dated rate tables («satstabeller»): the numbers the law refers to but does not contain.

Sosialtjenesteloven says *how* support is assessed; the amounts come from outside the act: the
state guideline rates for § 18 (a circular, changed every 1 January and sometimes mid-year), the
grunnbeløp G (changed every 1 May), the KVP factor (2 G, then 2.041 G from 1 July 2024) and the
KVP child supplement. Each lives in its own TOML file under ``rules/satser/`` so a legal expert can
read and correct it without touching code, and every row carries its source and a confidence tag.

Three design decisions follow from the state of the sources:

* **Rows are effective-dated, never "current".** A decision is made on a date, and the value that
  applied on that date is the one to use (mid-year changes exist: 2020, 2021, 2022, 2023).
* **A row knows how far the sources reach** (``kjent_gyldig_til``). The research found no rates
  for e.g. 2011 or 2025. A lookup in such a period still returns the last known row, because that
  is what a caseworker would start from, but it is flagged ``utdatert`` with a warning that says
  so, instead of silently passing an old number off as the current one.
* **A known change with unknown numbers is a row of its own** (``tall_ikke_funnet = true``). The
  sources show the state rates were price-adjusted in 2011, 2017 and 2025 without giving the
  numbers. A lookup there uses the last row with numbers (a caseworker's starting point) but is
  flagged in plain words: the rates changed on that date, the new ones are not in the library,
  the amount is not the guideline amount for the date, and the municipality's own rates (or the
  circular for the period) decide. A municipality's table, when given, replaces the state's and
  so decides without that flag.
* **Loading is strict.** A mistyped key, a missing source or a gap in the child age bands is a
  ``RegelFeil`` naming the file, the row and the field, with every problem of the file listed at
  once, so a broken file can never produce a plausible-looking but wrong amount.
* **A table the library reads must hold what it reads** (``KRAV``): every column the code looks
  up, in a plausible range, and child bands covering every age 0–17. A table that lacks one is
  refused at load naming what is missing, never found out on the first case that needs it.

Amounts are ``Decimal`` (TOML floats are read with ``parse_float=Decimal``, so 2.041 stays exact)
and fractions such as the under-25 share are written as the string ``"2/3"`` and read as
``Fraction``: neither may be rounded before the final krone amount.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from sosialregler.inndata.errors import RegelFeil
from sosialregler.lov.rulebook.lesing import les_begrenset
from sosialregler.lov.sprak import SPRAK

__all__ = [
    "BARN_HOYESTE_ALDER",
    "ENHETER",
    "KRAV",
    "LIVSOPPHOLD",
    "MAKS_VERDI",
    "MERKER",
    "TYPER",
    "Aldersgruppe",
    "Kolonnekrav",
    "SatsOppslag",
    "SatsRad",
    "Satser",
    "Satskilde",
    "Satstabell",
    "Tabellkrav",
    "last_satser",
    "last_satstabell",
    "sjekk_krav",
]

#: Confidence tags, as defined in the law notes (sosialtjenesteloven.md § 0).
MERKER: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "V": MappingProxyType(
            {
                "nb": "verifisert i kilden",
                "nn": "verifisert i kjelda",
                "en": "verified from the source",
            }
        ),
        "V2": MappingProxyType(
            {
                "nb": "verifisert, men bare i en sekundærkilde",
                "nn": "verifisert, men berre i ei sekundærkjelde",
                "en": "verified, but only from a secondary source",
            }
        ),
        "M": MappingProxyType(
            {
                "nb": "ikke bekreftet mot en offisiell kilde",
                "nn": "ikkje stadfesta mot ei offisiell kjelde",
                "en": "not confirmed against an official source",
            }
        ),
        "D": MappingProxyType(
            {
                "nb": "regnet ut, ikke et offisielt publisert tall",
                "nn": "rekna ut, ikkje eit offisielt publisert tal",
                "en": "derived by arithmetic, not an official published figure",
            }
        ),
    }
)

#: Tags whose value must not be presented as settled law.
USIKRE_MERKER = frozenset({"M", "D"})

#: Units a table may be in. The unit is data so that a municipality's replacement table cannot
#: silently be monthly where the state's is yearly (``Satser.med_tabell`` checks it).
ENHETER = ("kr_per_maned", "kr_per_ar", "faktor", "kr_per_dag")

#: ``statlig`` = published by the state; ``kommunal`` = a municipality's own rates.
TYPER = ("statlig", "kommunal")

_SPRAK_PAKREVD = ("nb", "en")
_SPRAK_KJENTE = SPRAK

_TOPP_FELT = ("tabell", "rad")
_TABELL_PAKREVD = ("id", "navn", "enhet", "type", "hjemmel")
_TABELL_VALGFRI = ("kommune",)
_RAD_PAKREVD = ("gyldig_fra", "kilde", "merke", "verifisert", "verdier")
_RAD_VALGFRI = ("kjent_gyldig_til", "lenke", "merknad", "barn", "tall_ikke_funnet")
#: A row that only records a change whose numbers were not found has no values of its own.
_HULLRAD_PAKREVD = ("gyldig_fra", "kilde", "merke", "verifisert", "merknad", "tall_ikke_funnet")
_HULLRAD_VALGFRI = ("kjent_gyldig_til", "lenke")
_BARN_PAKREVD = ("fra_alder", "til_alder", "belop")

_BROK = re.compile(r"([0-9]+)/([0-9]+)")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


def _heltall_nb(tall: Decimal) -> str:
    """A whole number as Norwegian writes it: 10 000 000."""
    return f"{int(tall):,}".replace(",", " ")


def _dato_nb(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def _les_kun(m: Mapping[str, Any]) -> Mapping[str, Any]:
    """Freeze a mapping: the tables are shared by every calculation and must not change."""
    return m if isinstance(m, MappingProxyType) else MappingProxyType(dict(m))


# --------------------------------------------------------------------------------------------
# Value classes
# --------------------------------------------------------------------------------------------


@frozen
class Aldersgruppe:
    """One child age band (inclusive years of age) and its monthly amount.

    The bands are data, not constants, because SIFO has proposed splitting 11–17 and a future
    circular may do so from a given date.
    """

    fra_alder: int
    til_alder: int
    belop: Decimal

    def omfatter(self, alder: int) -> bool:
        """Whether a child of ``alder`` full years falls in this band (both ends inclusive)."""
        return self.fra_alder <= alder <= self.til_alder


def _aldersgrupper(grupper: Iterable[Aldersgruppe]) -> tuple[Aldersgruppe, ...]:
    """``tuple`` with its element type: a bare ``converter=tuple`` tells the type checker only
    ``tuple[Any, ...]``."""
    return tuple(grupper)


def _rader(rader: Iterable[SatsRad]) -> tuple[SatsRad, ...]:
    """As `_aldersgrupper`, for a table's rows."""
    return tuple(rader)


@frozen
class SatsRad:
    """One row of a rate table: the values that apply from ``gyldig_fra``.

    ``kjent_gyldig_til`` is *not* an end date set by law: it is the last date a source confirms
    the row still applied. ``None`` means the next row follows without a gap in the sources.
    """

    gyldig_fra: date
    kjent_gyldig_til: date | None
    verdier: Mapping[str, Decimal | Fraction] = field(converter=_les_kun)
    barn: tuple[Aldersgruppe, ...] = field(converter=_aldersgrupper)
    kilde: str
    lenke: str | None
    merke: str
    verifisert: date
    merknad: str | None
    #: The sources show the rates changed on ``gyldig_fra`` but not to what: the row has no
    #: values, and a lookup in it uses the row before, flagged (``SatsOppslag.hull``).
    tall_ikke_funnet: bool = False


@frozen
class SatsOppslag:
    """The answer to "which value applies on this date", with what the caller must be told.

    The flags are computed once, here, so every rule that uses a rate reports the same caveat.
    """

    tabell: Satstabell
    rad: SatsRad
    dato: date
    #: ``dato`` is after ``rad.kjent_gyldig_til`` (and before the next row, if any): the sources
    #: do not reach this date, so a newer rate may apply.
    utdatert: bool
    #: The row is tagged M or D: not confirmed by a published source.
    usikker: bool
    #: The date falls in a row with ``tall_ikke_funnet``: the rates are known to have changed
    #: on ``hull.gyldig_fra``, so ``rad`` (the last row with numbers) is certainly not the
    #: rate for ``dato``. ``utdatert`` is then true as well.
    hull: SatsRad | None = None

    def verdi(self, navn: str) -> Decimal | Fraction:
        """The named value of the row; a missing name is a rule error, never a default of 0."""
        try:
            return self.rad.verdier[navn]
        except KeyError:
            kjente = ", ".join(sorted(self.rad.verdier)) or "(ingen)"
            raise RegelFeil(
                f"satstabellen '{self.tabell.id}' har ingen verdi '{navn}' i raden fra "
                f"{self.rad.gyldig_fra.isoformat()}; kjente verdier: {kjente}",
                fil=self.tabell.fil,
            ) from None

    def belop(self, navn: str) -> Decimal:
        """The named value as an amount. A rate file may write a share as a fraction ("2/3"),
        but a column the calculation reads as an amount must hold a number: a fraction there
        is a rule error naming the table, not a ``TypeError`` from ``Decimal``."""
        verdi = self.verdi(navn)
        if isinstance(verdi, Fraction):
            raise RegelFeil(
                f"satstabellen '{self.tabell.id}' har brøken {verdi} som '{navn}' i raden fra "
                f"{self.rad.gyldig_fra.isoformat()}; '{navn}' må være et tall, ikke en brøk",
                fil=self.tabell.fil,
            )
        return verdi

    def barnesats(self, alder: int) -> Aldersgruppe | None:
        """The child age band covering ``alder``, or ``None`` (table without bands, or too old)."""
        for gruppe in self.rad.barn:
            if gruppe.omfatter(alder):
                return gruppe
        return None

    def til_dict(self) -> dict[str, Any]:
        """The row used, as a decision record stores it: the table, the row, its source.

        A lookup in a period whose numbers are not in the library also names that period
        (``tall_ikke_funnet``), so the record shows the amount was not the rate for the date.

        Made once per table, row and caveat, and the same dict given to every assessment that
        uses the row (read, never changed): a kept assessment held its own copies, 6.8 of a
        kept KVP case's 62 KiB (issue 17).
        """
        nokkel = (id(self.rad), self.utdatert, id(self.hull))  # rows the table keeps alive
        lagret = self.tabell._som_dict
        rad = lagret.get(nokkel)
        if rad is None:
            rad = lagret[nokkel] = self._til_dict()
        return rad

    def _til_dict(self) -> dict[str, Any]:
        rad, tabell = self.rad, self.tabell
        hull = self.hull
        ekstra: dict[str, Any] = {}
        if hull is not None:
            ekstra["tall_ikke_funnet"] = {
                "gyldig_fra": hull.gyldig_fra.isoformat(),
                "kjent_gyldig_til": (
                    hull.kjent_gyldig_til.isoformat() if hull.kjent_gyldig_til else None
                ),
                "kilde": hull.kilde,
                "merke": hull.merke,
            }
        return {
            "tabell": tabell.id,
            "navn": dict(tabell.navn),
            "type": tabell.type,
            "kommune": tabell.kommune,
            "fil": tabell.fil,
            "gyldig_fra": rad.gyldig_fra.isoformat(),
            "kjent_gyldig_til": rad.kjent_gyldig_til.isoformat() if rad.kjent_gyldig_til else None,
            "kilde": rad.kilde,
            "merke": rad.merke,
            "verifisert": rad.verifisert.isoformat(),
            "utdatert": self.utdatert,
            "verdier": {k: str(v) for k, v in rad.verdier.items()},
            "barn": [
                {"fra_alder": g.fra_alder, "til_alder": g.til_alder, "belop": str(g.belop)}
                for g in rad.barn
            ],
            **ekstra,
        }

    def advarsel(self, sprak: str = "nb") -> str | None:
        """A warning to show with any amount built on this row, or ``None`` if there is none.

        For a person (the working paper, the letter's caseworker notes, the JSON's flag text):
        the row's source and its confidence tag stay in the record (``til_dict``), not in the
        words. Dates are dd.mm.yyyy in Norwegian and ISO in English.
        """
        if sprak not in SPRAK:
            raise ValueError(f"sprak må være en av {', '.join(SPRAK)}, ikke {sprak!r}")
        if not (self.utdatert or self.usikker):
            return None
        navn = self.tabell.navn.get(sprak) or self.tabell.navn["nb"]
        fmt = date.isoformat if sprak == "en" else _dato_nb
        rad = self.rad
        deler: list[str] = []
        if self.hull is not None:
            deler.append(self._hulltekst(sprak, navn, fmt))
        elif self.utdatert:
            assert rad.kjent_gyldig_til is not None
            til, fra = fmt(rad.kjent_gyldig_til), fmt(rad.gyldig_fra)
            deler.append(
                {
                    "nb": f"Satsene i «{navn}» er bare kjent gyldige til {til}; beregningen "
                    f"bruker satsene fra {fra}. Nyere satser kan gjelde.",
                    "nn": f"Satsane i «{navn}» er berre kjende gyldige til {til}; utrekninga "
                    f"bruker satsane frå {fra}. Nyare satsar kan gjelde.",
                    "en": f"The table «{navn}» is only known to be valid until {til}; the "
                    f"calculation uses its rates from {fra}. Newer rates may apply.",
                }[sprak]
            )
        if self.usikker:
            fra, beskrivelse = fmt(rad.gyldig_fra), MERKER[rad.merke][sprak]
            deler.append(
                {
                    "nb": f"Satsene fra {fra} i «{navn}» er {beskrivelse}; kontroller satsen "
                    "før den brukes i et vedtak.",
                    "nn": f"Satsane frå {fra} i «{navn}» er {beskrivelse}; kontroller satsen "
                    "før han blir brukt i eit vedtak.",
                    "en": f"The rates from {fra} in «{navn}» are {beskrivelse}; check the rate "
                    "before it is used in a decision.",
                }[sprak]
            )
        return " ".join(deler)

    def _hulltekst(self, sprak: str, navn: str, fmt: Any) -> str:
        """The plain-words warning for a date whose rates changed to numbers not found.

        The source stays in the record (``til_dict``), not in the text a caseworker reads.
        """
        hull, rad = self.hull, self.rad
        assert hull is not None
        kommune = self.tabell.id == LIVSOPPHOLD.id
        endret, fra, dag = fmt(hull.gyldig_fra), fmt(rad.gyldig_fra), fmt(self.dato)
        if sprak == "nb":
            avgjor = (
                "Kommunens egne satser, eller de statlige satsene for perioden, avgjør beløpet"
                if kommune
                else "Satsene for perioden avgjør beløpet"
            )
            return (
                f"Satsene i «{navn}» ble endret fra {endret}, men de nye satsene "
                "finnes ikke i biblioteket. Beløpet er regnet med satsene fra "
                f"{fra} og er derfor ikke den veiledende satsen som gjaldt "
                f"{dag}. {avgjor}: oppgi dem før vedtak."
            )
        if sprak == "nn":
            avgjer = (
                "Dei eigne satsane til kommunen, eller dei statlege satsane for perioden, avgjer "
                "beløpet"
                if kommune
                else "Satsane for perioden avgjer beløpet"
            )
            return (
                f"Satsane i «{navn}» vart endra frå {endret}, men dei nye satsane "
                "finst ikkje i biblioteket. Beløpet er rekna ut med satsane frå "
                f"{fra} og er difor ikkje den rettleiande satsen som galdt "
                f"{dag}. {avgjer}: oppgi dei før vedtak."
            )
        avgjor = (
            "The municipality's own rates, or the state rates for the period, decide the amount"
            if kommune
            else "The rates for the period decide the amount"
        )
        return (
            f"The rates in «{navn}» changed from {endret}, but the new rates are "
            "not in the library. The amount is computed with the rates from "
            f"{fra} and is therefore not the guideline rate in force on "
            f"{dag}. {avgjor}: supply them before a decision."
        )


def _sjekk_rader(instance: Satstabell, attribute: Any, rader: tuple[SatsRad, ...]) -> None:
    if not rader:
        raise RegelFeil(f"satstabellen '{instance.id}' har ingen rader", fil=instance.fil)
    if rader[0].tall_ikke_funnet:
        raise RegelFeil(
            f"satstabellen '{instance.id}': første rad kan ikke være uten tall "
            "(tall_ikke_funnet): det finnes ingen tidligere rad å regne med",
            fil=instance.fil,
        )
    for forrige, neste in pairwise(rader):
        if not forrige.gyldig_fra < neste.gyldig_fra:
            raise RegelFeil(
                f"satstabellen '{instance.id}': radene må være sortert etter gyldig_fra uten "
                f"duplikater ({forrige.gyldig_fra.isoformat()}, {neste.gyldig_fra.isoformat()})",
                fil=instance.fil,
            )


@frozen
class Satstabell:
    """One rate table (one file): metadata plus its rows, sorted by ``gyldig_fra``."""

    id: str
    navn: Mapping[str, str] = field(converter=_les_kun)
    enhet: str
    type: str
    kommune: str | None
    hjemmel: Mapping[str, str] = field(converter=_les_kun)
    fil: str
    rader: tuple[SatsRad, ...] = field(converter=_rader, validator=_sjekk_rader)

    @cached_property
    def _som_dict(self) -> dict[tuple[int, bool, int], dict[str, Any]]:
        """``SatsOppslag.til_dict`` of this table's rows, by row, caveat and gap."""
        return {}

    def oppslag(self, dato: date) -> SatsOppslag:
        """The row in force on ``dato``: the last row with ``gyldig_fra <= dato``.

        Before the first row there is no answer, and the caller must say so: returning the first
        row (or zero) would invent a rate for a period no source covers.
        """
        if isinstance(dato, datetime) or not isinstance(dato, date):
            raise TypeError(f"dato må være en datetime.date, ikke {type(dato).__name__}")
        i = bisect_right([r.gyldig_fra for r in self.rader], dato)
        if i == 0:
            forste = self.rader[0].gyldig_fra
            raise RegelFeil(
                f"Ingen sats i «{self.navn['nb']}» ({self.id}) før {_dato_nb(forste)}; "
                f"oppslaget gjaldt {_dato_nb(dato)}",
                fil=self.fil,
            )
        rad = self.rader[i - 1]
        if rad.tall_ikke_funnet:
            # The rates changed to numbers no source gives: the last row with numbers is the
            # starting point, flagged as certainly not the rate for the date.
            hull = rad
            while rad.tall_ikke_funnet:
                i -= 1
                rad = self.rader[i - 1]
            return SatsOppslag(
                tabell=self,
                rad=rad,
                dato=dato,
                utdatert=True,
                usikker=rad.merke in USIKRE_MERKER,
                hull=hull,
            )
        return SatsOppslag(
            tabell=self,
            rad=rad,
            dato=dato,
            utdatert=rad.kjent_gyldig_til is not None and dato > rad.kjent_gyldig_til,
            usikker=rad.merke in USIKRE_MERKER,
        )


@frozen
class Satser:
    """All rate tables in use, by id. A municipality's own table replaces the state's."""

    tabeller: Mapping[str, Satstabell] = field(converter=_les_kun)

    def __getitem__(self, id: str) -> Satstabell:
        try:
            return self.tabeller[id]
        except KeyError:
            kjente = ", ".join(sorted(self.tabeller)) or "(ingen)"
            raise RegelFeil(f"ukjent satstabell '{id}'; kjente tabeller: {kjente}") from None

    def __contains__(self, id: object) -> bool:
        return id in self.tabeller

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.tabeller))

    def __len__(self) -> int:
        return len(self.tabeller)

    def med_tabell(self, tabell: Satstabell) -> Satser:
        """A copy where ``tabell`` replaces the table with the same id.

        The id must already exist and the unit must match: a municipality file with a mistyped
        id, or in kr per year where the state's is per month, would otherwise be silently
        ignored or silently wrong by a factor of twelve.
        """
        gammel = self.tabeller.get(tabell.id)
        if gammel is None:
            kjente = ", ".join(sorted(self.tabeller)) or "(ingen)"
            raise RegelFeil(
                f"det finnes ingen satstabell '{tabell.id}' å erstatte; kjente tabeller: {kjente}",
                fil=tabell.fil,
            )
        if gammel.enhet != tabell.enhet:
            raise RegelFeil(
                f"satstabellen '{tabell.id}' har enhet '{tabell.enhet}', men tabellen den skal "
                f"erstatte ({gammel.fil}) har enhet '{gammel.enhet}'",
                fil=tabell.fil,
            )
        return Satser({**self.tabeller, tabell.id: tabell})


class Satskilde:
    """The rate tables a rule's lookup reads (``sats(...)``, ``barnesats(...)`` in ``expr``):
    the rulebook's tables, with a municipality's own table in place of the one it replaces.

    One per calculation: it remembers the row in force per table and date, so every lookup of
    the calculation reads the same row, and it keeps every lookup it made (``brukt``), so the
    calculation can record every rate row used. Not frozen on purpose: ``brukt`` grows as the
    rules read; nothing else changes.
    """

    __slots__ = ("_erstattet", "_oppslag", "satser")

    def __init__(
        self,
        satser: Satser,
        erstattet: Mapping[str, Satstabell] | None = None,
        kjente: Mapping[tuple[str, date], SatsOppslag] | None = None,
    ) -> None:
        """``kjente``: rows the calculation has looked up already, by (table id, date)."""
        self.satser = satser
        self._erstattet = dict(erstattet or {})
        self._oppslag: dict[tuple[str, date], SatsOppslag] = dict(kjente or {})

    def tabell(self, tabell_id: str) -> Satstabell:
        """The table a lookup of ``tabell_id`` reads: the municipality's when it replaces it."""
        erstatning = self._erstattet.get(tabell_id)
        return erstatning if erstatning is not None else self.satser[tabell_id]

    def oppslag(self, tabell_id: str, dato: date) -> SatsOppslag:
        """The row of ``tabell_id`` in force on ``dato`` (``Satstabell.oppslag``), once."""
        nokkel = (tabell_id, dato)
        funnet = self._oppslag.get(nokkel)
        if funnet is None:
            funnet = self._oppslag[nokkel] = self.tabell(tabell_id).oppslag(dato)
        return funnet

    @property
    def brukt(self) -> tuple[SatsOppslag, ...]:
        """Every row looked up, in the order first read."""
        return tuple(self._oppslag.values())

    def belop(self, tabell_id: str, kolonne: str, dato: date) -> Decimal:
        """The value of ``kolonne`` in the row in force on ``dato``, as an amount."""
        return self.oppslag(tabell_id, dato).belop(kolonne)

    def barnesats(self, tabell_id: str, alder: int, dato: date) -> Decimal:
        """The child rate of the age band covering ``alder`` in the row in force on ``dato``;
        0 for an age no band covers. The bands cover every child (0 to ``BARN_HOYESTE_ALDER``,
        checked when the table loads); a person older than the bands has no child rate."""
        gruppe = self.oppslag(tabell_id, dato).barnesats(alder)
        return _INGEN_BARNESATS if gruppe is None else gruppe.belop


_INGEN_BARNESATS = Decimal(0)


# --------------------------------------------------------------------------------------------
# What the library reads from a table
# --------------------------------------------------------------------------------------------

#: The largest value any rate table may hold. Not law: a guard against a typo or a hostile file
#: (``grunnbelop = 1e300``) that would otherwise overflow the arithmetic on the first case.
MAKS_VERDI = Decimal(10) ** 12

#: The oldest age with a child rate: a child is a person under 18 (vergemålsloven § 2, and the
#: guideline rates' last band «11–17 år»). Every age 0 to this must have a rate.
BARN_HOYESTE_ALDER = 17


@frozen
class Kolonnekrav:
    """A value the library's code reads from every row of a table, and its plausible range.

    The range is not law (the law is the rows' values): it is wide enough for any real rate and
    catches a value that can only be a mistake — zero days a year, a G of 10^300 — when the
    table loads instead of as a division by zero or an overflow on the first case.
    """

    navn: str
    beskrivelse: str  # what the value is, in Norwegian, for the message
    hoyst: Decimal  # inclusive; every value must also be greater than 0
    heltall: bool = False
    brok: bool = False  # a fraction "a/b" is allowed


@frozen
class Tabellkrav:
    """What the code reads from one table: its unit, its values and (for § 18) child bands."""

    id: str
    enhet: str
    kolonner: tuple[Kolonnekrav, ...]
    barn: bool = False  # every row must have child bands covering 0..BARN_HOYESTE_ALDER
    brukes_av: str = ""  # the calculation that reads it, for the message


def _kr(hoyst: int) -> Decimal:
    return Decimal(hoyst)


#: The § 18 guideline table, and any municipality's table that replaces it (``--satser``): the
#: columns the rule file's lookups read (``livsopphold.satssum``; a test keeps them equal) and
#: child bands for every child.
LIVSOPPHOLD = Tabellkrav(
    id="statlige-veiledende-satser",
    enhet="kr_per_maned",
    kolonner=(
        Kolonnekrav("enslig", "sats for enslige", _kr(1_000_000)),
        Kolonnekrav("par", "sats for ektepar/samboere", _kr(1_000_000)),
        Kolonnekrav("bofellesskap", "sats for person i bofellesskap", _kr(1_000_000)),
    ),
    barn=True,
    brukes_av="utmålingen etter § 18",
)

#: Every table the library's calculations read, by id.
KRAV: Mapping[str, Tabellkrav] = MappingProxyType(
    {
        LIVSOPPHOLD.id: LIVSOPPHOLD,
        "grunnbelop": Tabellkrav(
            "grunnbelop",
            "kr_per_ar",
            (Kolonnekrav("grunnbelop", "grunnbeløpet (G) i kr per år", _kr(10_000_000)),),
            brukes_av="kvalifiseringsstønaden",
        ),
        "kvalifiseringsstonad": Tabellkrav(
            "kvalifiseringsstonad",
            "faktor",
            (
                Kolonnekrav("faktor", "årlig stønad som antall G", Decimal(10)),
                Kolonnekrav(
                    "andel_under_25", "andelen for deltakere under 25 år", Decimal(1), brok=True
                ),
            ),
            brukes_av="kvalifiseringsstønaden",
        ),
        "kvp-parametre": Tabellkrav(
            "kvp-parametre",
            "faktor",
            (Kolonnekrav("alder_full_sats", "alderen for full sats", Decimal(120), heltall=True),),
            brukes_av="kvalifiseringsstønaden",
        ),
        "kvp-dagsats": Tabellkrav(
            "kvp-dagsats",
            "faktor",
            (Kolonnekrav("dager_per_ar", "stønadsdager per år", Decimal(366), heltall=True),),
            brukes_av="kvalifiseringsstønaden",
        ),
        "kvp-barnetillegg": Tabellkrav(
            "kvp-barnetillegg",
            "kr_per_dag",
            (Kolonnekrav("per_barn_per_dag", "barnetillegg per barn per dag", _kr(10_000)),),
            brukes_av="kvalifiseringsstønaden",
        ),
    }
)


def _krav_feil(
    krav: Tabellkrav, enhet: str, rader: list[tuple[int, SatsRad]], feil: _Feilliste
) -> None:
    """Report every way the rows fall short of what the code reads (``krav``)."""
    if enhet in ENHETER and enhet != krav.enhet:
        feil(
            _sted("[tabell]", "enhet"),
            f"{krav.brukes_av} leser tabellen i '{krav.enhet}', ikke '{enhet}'",
        )
    for i, rad in rader:
        if rad.tall_ikke_funnet:
            continue
        hvor = f"rad[{i}] (gyldig_fra {rad.gyldig_fra.isoformat()})"
        for k in krav.kolonner:
            verdi = rad.verdier.get(k.navn)
            sted = _sted(hvor, f"verdier.{k.navn}")
            if verdi is None:
                feil(
                    hvor,
                    f"mangler verdien '{k.navn}' ({k.beskrivelse}), som {krav.brukes_av} leser",
                )
            elif isinstance(verdi, Fraction) and not k.brok:
                feil(sted, f"må være et tall, ikke en brøk ({k.beskrivelse})")
            elif k.heltall and verdi != int(verdi):
                feil(sted, f"må være et helt tall ({k.beskrivelse}), ikke {verdi}")
            elif not 0 < verdi <= k.hoyst:
                feil(
                    sted,
                    f"{verdi} er utenfor det mulige for {k.beskrivelse}: må være større enn 0 "
                    f"og høyst {_heltall_nb(k.hoyst)}",
                )
        if krav.barn:
            _barn_dekker_alle(rad, hvor, feil)


def _barn_dekker_alle(rad: SatsRad, hvor: str, feil: _Feilliste) -> None:
    """Child bands must give every child (0..BARN_HOYESTE_ALDER) a rate above 0."""
    if not rad.barn:
        feil(
            _sted(hvor, "barn"),
            f"mangler barnesatser: alder 0–{BARN_HOYESTE_ALDER} år må ha en sats "
            "(barn = [{ fra_alder = 0, til_alder = …, belop = … }, …])",
        )
        return
    siste = rad.barn[-1].til_alder  # the bands are sorted, start at 0 and have no gaps
    if siste < BARN_HOYESTE_ALDER:
        feil(
            _sted(hvor, "barn"),
            f"aldersgruppene slutter på {siste} år: alder {siste + 1}–{BARN_HOYESTE_ALDER} "
            "mangler sats (alle barn under 18 år må ha en barnesats)",
        )
    for g in rad.barn:
        if g.belop <= 0 and g.fra_alder <= BARN_HOYESTE_ALDER:
            feil(
                _sted(hvor, "barn"),
                f"barnesatsen for {g.fra_alder}–{g.til_alder} år må være større enn 0",
            )


def sjekk_krav(tabell: Satstabell, krav: Tabellkrav) -> list[str]:
    """Every way ``tabell`` falls short of ``krav`` (empty if none), for a table loaded alone.

    A municipality's table (``--satser``) has its own id; the loader checks it against
    ``LIVSOPPHOLD`` because it replaces the guideline table in the § 18 calculation.
    """
    feil = _Feilliste()
    _krav_feil(krav, tabell.enhet, list(enumerate(tabell.rader)), feil)
    return feil.feil


# --------------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------------

_MANGLER = object()


def _typenavn(v: Any) -> str:
    if isinstance(v, bool):
        return "sann/usann (bool)"
    if isinstance(v, int):
        return "heltall"
    if isinstance(v, Decimal):
        return "desimaltall"
    if isinstance(v, str):
        return "tekst"
    if isinstance(v, datetime):
        return "dato med klokkeslett"
    if isinstance(v, date):
        return "dato"
    if isinstance(v, dict):
        return "tabell"
    if isinstance(v, list):
        return "liste"
    return type(v).__name__


class _Feilliste:
    """Collects every problem of one file, so the author can fix them in one pass."""

    def __init__(self) -> None:
        self.feil: list[str] = []

    def __call__(self, hvor: str, melding: str) -> None:
        self.feil.append(f"{hvor}: {melding}")

    def felt(
        self,
        d: dict[str, Any],
        pakrevd: tuple[str, ...],
        valgfri: tuple[str, ...],
        hvor: str,
    ) -> None:
        """Report unknown keys (listing the known ones) and missing required keys."""
        kjente = pakrevd + valgfri
        for nokkel in d:
            if nokkel not in kjente:
                self(hvor, f"ukjent felt '{nokkel}'; kjente felt: {', '.join(kjente)}")
        for nokkel in pakrevd:
            if nokkel not in d:
                self(hvor, f"mangler påkrevd felt '{nokkel}'")


def _sted(hvor: str, felt: str) -> str:
    return f"{hvor}, felt '{felt}'"


def _dato(v: Any, hvor: str, felt: str, feil: _Feilliste) -> date | None:
    if isinstance(v, date) and not isinstance(v, datetime):
        return v
    hint = " (skriv datoen uten anførselstegn)" if isinstance(v, str) else ""
    feil(_sted(hvor, felt), f"må være en TOML-dato som 2024-01-01, ikke {_typenavn(v)} {v!r}{hint}")
    return None


def _tekst(v: Any, hvor: str, felt: str, feil: _Feilliste) -> str | None:
    if isinstance(v, str) and v.strip():
        return v
    feil(_sted(hvor, felt), f"må være en ikke-tom tekst, ikke {_typenavn(v)} {v!r}")
    return None


def _belop(v: Any, hvor: str, felt: str, feil: _Feilliste) -> Decimal | None:
    if isinstance(v, bool) or not isinstance(v, int | Decimal):
        feil(_sted(hvor, felt), f"må være et tall, ikke {_typenavn(v)} {v!r}")
        return None
    tall = Decimal(v)
    if not tall.is_finite():
        feil(_sted(hvor, felt), f"må være et endelig tall, ikke {v!r}")
        return None
    if tall < 0:
        feil(_sted(hvor, felt), f"kan ikke være negativ ({v!r})")
        return None
    return tall


def _verdi(v: Any, hvor: str, felt: str, feil: _Feilliste) -> Decimal | Fraction | None:
    if isinstance(v, str):
        treff = _BROK.fullmatch(v)
        if treff is None or len(v) > 40 or int(treff[1]) == 0 or int(treff[2]) == 0:
            feil(
                _sted(hvor, felt),
                f'en brøk må skrives "a/b" med positive heltall (f.eks. "2/3"), ikke {v[:40]!r}',
            )
            return None
        return Fraction(int(treff[1]), int(treff[2]))
    return _belop(v, hvor, felt, feil)


def _alder(v: Any, hvor: str, felt: str, feil: _Feilliste) -> int | None:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        feil(_sted(hvor, felt), f"må være et ikke-negativt heltall (år), ikke {v!r}")
        return None
    return v


def _sprakfelt(v: Any, hvor: str, felt: str, feil: _Feilliste) -> dict[str, str] | None:
    if not isinstance(v, dict):
        feil(
            _sted(hvor, felt),
            f'må være en tabell som {{ nb = "...", en = "..." }}, ikke {_typenavn(v)} {v!r}',
        )
        return None
    sted = _sted(hvor, felt)
    for_feil = len(feil.feil)
    feil.felt(v, _SPRAK_PAKREVD, tuple(s for s in _SPRAK_KJENTE if s not in _SPRAK_PAKREVD), sted)
    ut: dict[str, str] = {}
    for sprak, tekst in v.items():
        if sprak in _SPRAK_KJENTE:
            t = _tekst(tekst, hvor, f"{felt}.{sprak}", feil)
            if t is not None:
                ut[sprak] = t
    return ut if len(feil.feil) == for_feil else None


def _les_barn(v: Any, hvor: str, feil: _Feilliste) -> tuple[Aldersgruppe, ...] | None:
    if not isinstance(v, list) or not v:
        feil(_sted(hvor, "barn"), f"må være en ikke-tom liste av aldersgrupper, ikke {v!r}")
        return None
    grupper: list[Aldersgruppe] = []
    ok = True
    for j, g in enumerate(v):
        sted = f"{hvor}, barn[{j}]"
        if not isinstance(g, dict):
            feil(sted, f"må være en tabell {{ fra_alder, til_alder, belop }}, ikke {g!r}")
            ok = False
            continue
        for_feil = len(feil.feil)
        feil.felt(g, _BARN_PAKREVD, (), sted)
        fra = _alder(g["fra_alder"], sted, "fra_alder", feil) if "fra_alder" in g else None
        til = _alder(g["til_alder"], sted, "til_alder", feil) if "til_alder" in g else None
        belop = _belop(g["belop"], sted, "belop", feil) if "belop" in g else None
        if belop is not None and belop > MAKS_VERDI:
            feil(_sted(sted, "belop"), f"{g['belop']} er urimelig stort")
            belop = None
        if fra is not None and til is not None and til < fra:
            feil(_sted(sted, "til_alder"), f"til_alder {til} er lavere enn fra_alder {fra}")
        if len(feil.feil) != for_feil or fra is None or til is None or belop is None:
            ok = False
            continue
        grupper.append(Aldersgruppe(fra, til, belop))
    if not ok:
        return None
    grupper.sort(key=lambda g: g.fra_alder)
    if grupper[0].fra_alder != 0:
        feil(
            _sted(hvor, "barn"),
            f"aldersgruppene må begynne på 0 år, ikke "
            f"{grupper[0].fra_alder} (barn under {grupper[0].fra_alder} år ville mangle sats)",
        )
        ok = False
    for a, b in pairwise(grupper):
        if b.fra_alder <= a.til_alder:
            feil(
                _sted(hvor, "barn"),
                f"aldersgruppene {a.fra_alder}–{a.til_alder} og "
                f"{b.fra_alder}–{b.til_alder} overlapper",
            )
            ok = False
        elif b.fra_alder > a.til_alder + 1:
            feil(
                _sted(hvor, "barn"),
                f"hull mellom aldersgruppene {a.fra_alder}–{a.til_alder} "
                f"og {b.fra_alder}–{b.til_alder} (alder {a.til_alder + 1}–{b.fra_alder - 1} "
                "mangler sats)",
            )
            ok = False
    return tuple(grupper) if ok else None


def _les_rad(r: Any, i: int, feil: _Feilliste) -> tuple[SatsRad | None, date | None]:
    """Parse one ``[[rad]]``; returns the row (or None on error) and its gyldig_fra if valid."""
    if not isinstance(r, dict):
        feil(f"rad[{i}]", f"må være en tabell ([[rad]]), ikke {_typenavn(r)}")
        return None, None
    gyldig_fra = None
    if "gyldig_fra" in r:
        gyldig_fra = _dato(r["gyldig_fra"], f"rad[{i}]", "gyldig_fra", feil)
    hvor = f"rad[{i}] (gyldig_fra {gyldig_fra.isoformat()})" if gyldig_fra else f"rad[{i}]"
    for_feil = len(feil.feil)
    hull = r.get("tall_ikke_funnet", False)
    if hull is not False and hull is not True:
        feil(_sted(hvor, "tall_ikke_funnet"), f"må være true eller false, ikke {hull!r}")
        hull = False
    if hull:
        feil.felt(r, _HULLRAD_PAKREVD, _HULLRAD_VALGFRI, hvor)
    else:
        feil.felt(r, _RAD_PAKREVD, _RAD_VALGFRI, hvor)

    def hent(navn: str, les: Any) -> Any:
        return les(r[navn], hvor, navn, feil) if navn in r else None

    kjent_til = hent("kjent_gyldig_til", _dato)
    kilde = hent("kilde", _tekst)
    lenke = hent("lenke", _tekst)
    if lenke is not None and not lenke.startswith(("https://", "http://")):
        feil(
            _sted(hvor, "lenke"), f"må være en nettadresse (http:// eller https://), ikke {lenke!r}"
        )
    merknad = hent("merknad", _tekst)
    verifisert = hent("verifisert", _dato)
    merke = r.get("merke", _MANGLER)
    if merke is not _MANGLER and merke not in MERKER:
        feil(_sted(hvor, "merke"), f"må være en av {', '.join(MERKER)}, ikke {merke!r}")
    if gyldig_fra and kjent_til and kjent_til < gyldig_fra:
        feil(
            _sted(hvor, "kjent_gyldig_til"),
            f"{kjent_til.isoformat()} er før gyldig_fra {gyldig_fra.isoformat()}",
        )

    verdier: dict[str, Decimal | Fraction] = {}
    if "verdier" in r:
        v = r["verdier"]
        if not isinstance(v, dict) or not v:
            feil(
                _sted(hvor, "verdier"),
                f"må være en ikke-tom tabell som {{ navn = 123 }}, ikke {v!r}",
            )
        else:
            for navn, verdi in v.items():
                tall = _verdi(verdi, hvor, f"verdier.{navn}", feil)
                if tall is not None and tall > MAKS_VERDI:
                    feil(
                        _sted(hvor, f"verdier.{navn}"),
                        f"{verdi} er urimelig stort (største tillatte verdi i en satstabell er "
                        f"{_heltall_nb(MAKS_VERDI)})",
                    )
                elif tall is not None:
                    verdier[navn] = tall
    barn: tuple[Aldersgruppe, ...] | None = ()
    if "barn" in r:
        barn = _les_barn(r["barn"], hvor, feil)

    if len(feil.feil) != for_feil or gyldig_fra is None:
        return None, gyldig_fra
    assert kilde is not None and verifisert is not None and barn is not None
    return (
        SatsRad(
            gyldig_fra=gyldig_fra,
            kjent_gyldig_til=kjent_til,
            verdier=verdier,
            barn=barn,
            kilde=kilde,
            lenke=lenke,
            merke=merke,
            verifisert=verifisert,
            merknad=merknad,
            tall_ikke_funnet=hull,
        ),
        gyldig_fra,
    )


def last_satstabell(path: Path) -> Satstabell:
    """Read and validate one rate file. Every problem in the file is reported in one RegelFeil."""
    path = Path(path)
    fil = str(path)
    try:
        tekst = les_begrenset(path).decode("utf-8")
    except OSError as e:
        raise RegelFeil(f"satsfilen kan ikke leses: {e.strerror or e}", fil=fil) from e
    except UnicodeDecodeError as e:
        raise RegelFeil(f"satsfilen er ikke gyldig UTF-8: {e}", fil=fil) from e
    try:
        data = tomllib.loads(tekst, parse_float=Decimal)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as e:
        raise RegelFeil(f"TOML-syntaksfeil: {e}", fil=fil) from e

    feil = _Feilliste()
    feil.felt(data, _TOPP_FELT, (), "filen")

    # [tabell]
    meta: dict[str, Any] = {}
    t = data.get("tabell")
    if t is not None and not isinstance(t, dict):
        feil("[tabell]", f"må være en tabell, ikke {_typenavn(t)}")
    elif isinstance(t, dict):
        feil.felt(t, _TABELL_PAKREVD, _TABELL_VALGFRI, "[tabell]")
        if "id" in t:
            meta["id"] = _tekst(t["id"], "[tabell]", "id", feil)
            if meta["id"] is not None and not _ID.fullmatch(meta["id"]):
                feil(
                    _sted("[tabell]", "id"),
                    f"bare små bokstaver, sifre, '-' og '_', ikke {meta['id']!r}",
                )
        for navn in ("navn", "hjemmel"):
            if navn in t:
                meta[navn] = _sprakfelt(t[navn], "[tabell]", navn, feil)
        if "enhet" in t and t["enhet"] not in ENHETER:
            feil(
                _sted("[tabell]", "enhet"),
                f"må være en av {', '.join(ENHETER)}, ikke {t['enhet']!r}",
            )
        if "type" in t and t["type"] not in TYPER:
            feil(_sted("[tabell]", "type"), f"må være en av {', '.join(TYPER)}, ikke {t['type']!r}")
        kommune = None
        if "kommune" in t:
            kommune = _tekst(t["kommune"], "[tabell]", "kommune", feil)
        if t.get("type") == "kommunal" and "kommune" not in t:
            feil(
                _sted("[tabell]", "kommune"),
                'en tabell med type = "kommunal" må si hvilken '
                'kommune den gjelder (kommune = "...")',
            )
        if t.get("type") == "statlig" and "kommune" in t:
            feil(
                _sted("[tabell]", "kommune"), 'bare en tabell med type = "kommunal" kan ha kommune'
            )
        meta["kommune"] = kommune

    # [[rad]]
    lest: list[tuple[int, SatsRad]] = []
    rader = data.get("rad")
    if rader is not None and not (isinstance(rader, list) and rader):
        feil("[[rad]]", "filen må ha minst én rad ([[rad]])")
    elif isinstance(rader, list):
        sett: dict[date, int] = {}
        for i, r in enumerate(rader):
            rad, gyldig_fra = _les_rad(r, i, feil)
            if gyldig_fra is not None:
                if gyldig_fra in sett:
                    feil(
                        f"rad[{i}] (gyldig_fra {gyldig_fra.isoformat()})",
                        f"gyldig_fra finnes allerede i rad[{sett[gyldig_fra]}]; to rader kan "
                        "ikke gjelde fra samme dato",
                    )
                else:
                    sett[gyldig_fra] = i
            if rad is not None:
                lest.append((i, rad))
        # Rows may be written in any order; they are used in date order.
        lest.sort(key=lambda p: p[1].gyldig_fra)
        for (i, rad), (_, neste) in pairwise(lest):
            til = rad.kjent_gyldig_til
            if til is not None and til >= neste.gyldig_fra:
                feil(
                    _sted(
                        f"rad[{i}] (gyldig_fra {rad.gyldig_fra.isoformat()})", "kjent_gyldig_til"
                    ),
                    f"{til.isoformat()} er ikke før neste rads gyldig_fra "
                    f"{neste.gyldig_fra.isoformat()}",
                )
        if lest and lest[0][1].tall_ikke_funnet:
            i, forste = lest[0]
            feil(
                _sted(f"rad[{i}] (gyldig_fra {forste.gyldig_fra.isoformat()})", "tall_ikke_funnet"),
                "den første raden må ha tall: det finnes ingen tidligere rad å regne med",
            )
        if lest and len(lest) == len(rader):
            i, siste = lest[-1]
            if siste.kjent_gyldig_til is None:
                feil(
                    _sted(
                        f"rad[{i}] (gyldig_fra {siste.gyldig_fra.isoformat()})", "kjent_gyldig_til"
                    ),
                    "mangler på siste rad: oppgi den siste datoen en kilde bekrefter at raden "
                    "fortsatt gjelder",
                )

    krav = KRAV.get(meta.get("id") or "")
    if krav is not None and isinstance(t, dict) and isinstance(rader, list):
        _krav_feil(krav, t.get("enhet", ""), lest, feil)
    if feil.feil:
        antall = len(feil.feil)
        raise RegelFeil(f"satsfilen har {antall} feil:\n  - " + "\n  - ".join(feil.feil), fil=fil)
    assert isinstance(t, dict)
    return Satstabell(
        id=meta["id"],
        navn=meta["navn"],
        enhet=t["enhet"],
        type=t["type"],
        kommune=meta["kommune"],
        hjemmel=meta["hjemmel"],
        fil=fil,
        rader=tuple(rad for _, rad in lest),
    )


def last_satser(mappe: Path) -> Satser:
    """Load every ``*.toml`` in ``mappe`` (not sub-folders). Two files with one id is an error.

    Problems in several files are reported together.
    """
    mappe = Path(mappe)
    if not mappe.is_dir():
        raise RegelFeil("satsmappen finnes ikke eller er ikke en mappe", fil=str(mappe))
    filer = sorted(mappe.glob("*.toml"))
    if not filer:
        raise RegelFeil("satsmappen inneholder ingen satsfiler (*.toml)", fil=str(mappe))
    tabeller: dict[str, Satstabell] = {}
    feil: list[RegelFeil] = []
    for fil in filer:
        try:
            tabell = last_satstabell(fil)
        except RegelFeil as e:
            feil.append(e)
            continue
        if tabell.id in tabeller:
            feil.append(
                RegelFeil(
                    f"tabell-id '{tabell.id}' er allerede brukt i {tabeller[tabell.id].fil}",
                    fil=str(fil),
                )
            )
            continue
        tabeller[tabell.id] = tabell
    if len(feil) == 1:
        raise feil[0]
    if feil:
        raise RegelFeil(
            f"{len(feil)} satsfiler har feil:\n" + "\n".join(str(e) for e in feil), fil=str(mappe)
        )
    return Satser(tabeller)
