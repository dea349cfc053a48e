"""The totals of a population run: households, outcomes, what § 18 and KVP cost.

Summed batch by batch as the run streams (``Totaler.legg_til``), so the totals of ten million
households need no more memory than those of one batch. Amounts are summed as exact decimals.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from attrs import Factory, define

from .etiketter import merknadsnavn, omradenavn, utfallsnavn
from .skjema import KOLONNE, PERSAK, utfallkolonne

#: The ``sak_id`` prefix of the households ``generator`` makes up: the text says when a run's
#: population is synthetic, so no one reads its totals as real figures.
SYNTETISK = "syntetisk-"

#: The columns the totals read (a subset of ``skjema.utdata_skjema``).
BELOP_18 = "livsopphold_belop_per_maned"
KVP_STONAD = "kvalifiseringsstonad_stonad_per_ar"
KVP_BARNETILLEGG = "kvalifiseringsstonad_barnetillegg_per_ar"


@define
class Totaler:
    """A running sum (mutable on purpose: one accumulator fed batch after batch)."""

    omrader: tuple[str, ...]
    rader: int = 0
    vurdert: int = 0
    avvist: int = 0
    interne_feil: int = 0
    utfall: dict[str, Counter[str]] = Factory(dict)
    merknader: Counter[str] = Factory(Counter)
    livsopphold_husholdninger: int = 0  # with a payable § 18 amount
    livsopphold_per_maned: Decimal = Decimal(0)
    livsopphold_per_maned_etter_utfall: dict[str, Decimal] = Factory(dict)
    kvp_mottakere: int = 0
    kvp_stonad_per_ar: Decimal = Decimal(0)
    kvp_barnetillegg_per_ar: Decimal = Decimal(0)
    #: The areas' titles for the text (``[omrade] tittel``, nb); codes stay in ``to_dict``.
    titler: dict[str, str] = Factory(dict)
    syntetiske: int = 0  # households made up by ``generator`` (``sak_id`` «syntetisk-…»)
    #: Rows by the path that decided them (the column ``motor``: ``kolonne`` / ``persak``).
    motor: Counter[str] = Factory(Counter)

    def legg_til(self, batch: Any) -> None:
        """Add one output batch (``pyarrow.RecordBatch`` or ``Table``)."""
        kol = batch.to_pydict() if batch.num_rows else {}
        if not kol:
            return
        self.rader += batch.num_rows
        feil = kol["feil"]
        self.syntetiske += sum(
            1 for s in kol.get("sak_id", ()) if isinstance(s, str) and s.startswith(SYNTETISK)
        )
        self.motor.update(m for m in kol.get("motor", ()) if m is not None)
        intern = kol["intern_feil"]
        for f, i in zip(feil, intern, strict=True):
            if f is None:
                self.vurdert += 1
            elif i:
                self.interne_feil += 1
            else:
                self.avvist += 1
        for o in self.omrader:
            teller = self.utfall.setdefault(o, Counter())
            teller.update(u for u in kol[utfallkolonne(o)] if u is not None)
        for koder in kol["merknader"]:
            if koder:
                self.merknader.update(koder)
        for belop, utfall in zip(kol[BELOP_18], kol[utfallkolonne("livsopphold")], strict=True):
            if belop is not None:
                self.livsopphold_husholdninger += 1
                self.livsopphold_per_maned += belop
                forrige = self.livsopphold_per_maned_etter_utfall.get(utfall, Decimal(0))
                self.livsopphold_per_maned_etter_utfall[utfall] = forrige + belop
        for stonad, tillegg in zip(kol[KVP_STONAD], kol[KVP_BARNETILLEGG], strict=True):
            if stonad is not None:
                self.kvp_mottakere += 1
                self.kvp_stonad_per_ar += stonad
            if tillegg is not None:
                self.kvp_barnetillegg_per_ar += tillegg

    def to_dict(self) -> dict[str, Any]:
        """As JSON (amounts as numbers, exact: integers when whole)."""
        return {
            "husholdninger": self.rader,
            "vurdert": self.vurdert,
            "avvist": self.avvist,
            "interne_feil": self.interne_feil,
            "utfall": {
                o: dict(sorted(self.utfall.get(o, Counter()).items()))
                for o in self.omrader
                if self.utfall.get(o)
            },
            "livsopphold": {
                "husholdninger_med_belop": self.livsopphold_husholdninger,
                "belop_per_maned": tall(self.livsopphold_per_maned),
                "belop_per_maned_etter_utfall": {
                    u: tall(b) for u, b in sorted(self.livsopphold_per_maned_etter_utfall.items())
                },
            },
            "kvalifiseringsstonad": {
                "mottakere": self.kvp_mottakere,
                "stonad_per_ar": tall(self.kvp_stonad_per_ar),
                "barnetillegg_per_ar": tall(self.kvp_barnetillegg_per_ar),
            },
            "merknader": dict(sorted(self.merknader.items())),
            "motor": dict(sorted(self.motor.items())),
        }

    def tekst(self) -> str:
        """For a person: Norwegian, amounts in kroner with spaces between thousands, outcomes,
        areas and flags by name (the codes are ``to_dict``'s)."""
        linjer = []
        if self.syntetiske:
            hvor_mange = (
                "Alle"
                if self.syntetiske == self.rader
                else f"{kr(self.syntetiske)} av {kr(self.rader)}"
            )
            linjer += [
                f"NB: {hvor_mange} husholdninger er syntetiske (laget med --lag-populasjon). "
                "Tallene er ikke virkelige tall.",
                "",
            ]
        linjer += [
            f"Husholdninger: {kr(self.rader)} ({kr(self.vurdert)} vurdert, {kr(self.avvist)} "
            f"avvist for feil i inndata, {kr(self.interne_feil)} interne feil)",
            "",
            "Utfall per område (antall husholdninger):",
        ]
        for o in self.omrader:
            teller = self.utfall.get(o)
            if teller:
                deler = ", ".join(
                    f"{utfallsnavn(u)} {kr(n)}" for u, n in sorted(teller.items(), key=_rekkefolge)
                )
                linjer.append(f"  {omradenavn(o, self.titler)}: {deler}")
        linjer += [
            "",
            f"Livsopphold (§ 18): {kr(self.livsopphold_husholdninger)} husholdninger med beløp, "
            f"i alt {kr(self.livsopphold_per_maned)} kr per måned",
        ]
        for u, b in sorted(self.livsopphold_per_maned_etter_utfall.items(), key=_rekkefolge):
            linjer.append(f"  {utfallsnavn(u)}: {kr(b)} kr per måned")
        linjer.append(
            f"Kvalifiseringsstønad (§ 35): {kr(self.kvp_mottakere)} mottakere, "
            f"{kr(self.kvp_stonad_per_ar)} kr per år, barnetillegg "
            f"{kr(self.kvp_barnetillegg_per_ar)} kr per år"
        )
        if self.motor.get(KOLONNE):
            linjer += [
                "",
                f"Avgjort kolonnevis: {kr(self.motor[KOLONNE])}, per sak: "
                f"{kr(self.motor.get(PERSAK, 0))} husholdninger",
            ]
        if self.merknader:
            linjer += ["", "Merknader (antall):"]
            linjer += [
                f"  {merknadsnavn(k)}: {kr(n)}"
                for k, n in sorted(self.merknader.items(), key=lambda kn: merknadsnavn(kn[0]))
            ]
        return "\n".join(linjer)


#: The order outcomes are listed in: settled first, then discretion, then open.
_UTFALLSREKKE = ("oppfylt", "ikke_oppfylt", "skjonn", "uavklart")


def _rekkefolge(par: tuple[str, Any]) -> tuple[int, str]:
    u = par[0]
    return (_UTFALLSREKKE.index(u) if u in _UTFALLSREKKE else len(_UTFALLSREKKE), u)


def tall(belop: Decimal) -> int | float | str:
    """An exact amount for JSON: an integer when whole, else its decimal text (never a float
    that could round)."""
    belop = belop.normalize() if belop else Decimal(0)
    if belop == belop.to_integral_value():
        return int(belop)
    return str(belop)


def kr(belop: Decimal | int) -> str:
    """``1 234 567`` (or ``1 234,5``): a Norwegian number."""
    if isinstance(belop, Decimal):
        belop = belop.normalize() if belop else Decimal(0)
        if belop != belop.to_integral_value():
            heltall, _, desimaler = f"{belop:f}".partition(".")
            return f"{int(heltall):,}".replace(",", " ") + "," + desimaler
        belop = int(belop)
    return f"{belop:,}".replace(",", " ")
