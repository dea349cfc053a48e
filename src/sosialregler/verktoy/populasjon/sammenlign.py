"""Two rate tables set against each other over the same households: the cost, and who gains.

``sammenlign`` reads two streams of output batches over the same input, row for row (``A``: the
rates of today, ``B``: the proposal), and sums the difference in the payable § 18 amount per
month: in total, and per household as gains and losses in bands of kroner. A household whose
§ 18 claim is refused has no payable amount (0 kr); a household that is rejected or whose § 18
outcome is ``uavklart`` under either table is not compared (its amount is unknown), and counted
as such. KVP benefit per year is compared in total as well (the guideline rates do not touch
it, so a difference there says the tables differ in more than § 18).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from attrs import Factory, define

from .etiketter import utfallsnavn
from .totaler import BELOP_18, KVP_STONAD, kr, tall

#: The bands of a change per household, in kroner per month (upper bounds; the last is open).
#: A presentation choice, not law: pass ``band=`` for others.
BAND: tuple[int, ...] = (100, 500, 1000, 2000, 5000)

_LIVSOPPHOLD = "livsopphold_utfall"


@define
class Differanse:
    """The running difference B − A (mutable on purpose: fed batch after batch)."""

    band: tuple[int, ...] = BAND
    husholdninger: int = 0
    sammenlignet: int = 0
    ikke_sammenlignet: int = 0
    per_maned: Decimal = Decimal(0)  # B − A, § 18 payable amounts
    a_per_maned: Decimal = Decimal(0)
    b_per_maned: Decimal = Decimal(0)
    kvp_per_ar: Decimal = Decimal(0)
    vinnere: int = 0
    tapere: int = 0
    uendret: int = 0
    vinner_sum: Decimal = Decimal(0)
    taper_sum: Decimal = Decimal(0)
    vinnere_band: Counter[str] = Factory(Counter)
    tapere_band: Counter[str] = Factory(Counter)
    overganger: Counter[str] = Factory(Counter)  # "ikke_oppfylt → oppfylt": households

    def legg_til(self, a: Any, b: Any) -> None:
        """Add one pair of output batches over the same rows."""
        ka, kb = a.to_pydict(), b.to_pydict()
        if ka["rad"] != kb["rad"]:
            raise ValueError("sammenlign: radene i de to kjøringene er ikke de samme")
        self.husholdninger += a.num_rows
        for i in range(a.num_rows):
            ua, ub = ka[_LIVSOPPHOLD][i], kb[_LIVSOPPHOLD][i]
            if ka["feil"][i] is not None or kb["feil"][i] is not None or "uavklart" in (ua, ub):
                self.ikke_sammenlignet += 1
                continue
            self.sammenlignet += 1
            if ua != ub:
                self.overganger[f"{ua} → {ub}"] += 1
            ba = ka[BELOP_18][i] or Decimal(0)
            bb = kb[BELOP_18][i] or Decimal(0)
            self.a_per_maned += ba
            self.b_per_maned += bb
            endring = bb - ba
            self.per_maned += endring
            if endring > 0:
                self.vinnere += 1
                self.vinner_sum += endring
                self.vinnere_band[self.bandnavn(endring)] += 1
            elif endring < 0:
                self.tapere += 1
                self.taper_sum += -endring
                self.tapere_band[self.bandnavn(-endring)] += 1
            else:
                self.uendret += 1
            self.kvp_per_ar += (kb[KVP_STONAD][i] or Decimal(0)) - (ka[KVP_STONAD][i] or Decimal(0))

    def bandnavn(self, belop: Decimal) -> str:
        """The band a positive change falls in: «0–100», …, «over 5000» (upper bound in it)."""
        nedre = 0
        for ovre in self.band:
            if belop <= ovre:
                return f"{nedre}–{ovre}"
            nedre = ovre
        return f"over {nedre}"

    def bandrekke(self) -> list[str]:
        nedre, navn = 0, []
        for ovre in self.band:
            navn.append(f"{nedre}–{ovre}")
            nedre = ovre
        return [*navn, f"over {nedre}"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "husholdninger": self.husholdninger,
            "sammenlignet": self.sammenlignet,
            "ikke_sammenlignet": self.ikke_sammenlignet,
            "livsopphold_per_maned": {
                "a": tall(self.a_per_maned),
                "b": tall(self.b_per_maned),
                "endring": tall(self.per_maned),
                "endring_per_ar": tall(self.per_maned * 12),
            },
            "kvalifiseringsstonad_endring_per_ar": tall(self.kvp_per_ar),
            "vinnere": {
                "antall": self.vinnere,
                "sum_per_maned": tall(self.vinner_sum),
                "band_kr_per_maned": {n: self.vinnere_band[n] for n in self.bandrekke()},
            },
            "tapere": {
                "antall": self.tapere,
                "sum_per_maned": tall(self.taper_sum),
                "band_kr_per_maned": {n: self.tapere_band[n] for n in self.bandrekke()},
            },
            "uendret": self.uendret,
            "overganger_livsopphold": dict(sorted(self.overganger.items())),
        }

    def bandtekst(self) -> list[str]:
        """The bands for a person, bounds said in words: «til og med 100 kr», «over 100 til og
        med 500 kr», …, «over 5 000 kr» (the JSON keys stay ``bandrekke``'s «0–100»)."""
        nedre, navn = 0, []
        for ovre in self.band:
            fra = f"over {kr(nedre)} " if nedre else ""
            navn.append(f"{fra}til og med {kr(ovre)} kr")
            nedre = ovre
        return [*navn, f"over {kr(nedre)} kr"]

    def tekst(self) -> str:
        """For a person: outcomes by name, bands in words, households counted as such."""
        linjer = [
            f"Sammenligning av satser, B (--mot-satser) mot A (--satser, ellers statens "
            f"veiledende satser), over {kr(self.husholdninger)} husholdninger:",
            f"  {kr(self.sammenlignet)} sammenlignet; {kr(self.ikke_sammenlignet)} ikke "
            "sammenlignet (avvist for feil i inndata, eller livsopphold uavklart med én av "
            "satstabellene)",
            f"Livsopphold (§ 18) per måned: A {kr(self.a_per_maned)} kr, B {kr(self.b_per_maned)}"
            f" kr, endring B − A {_fortegn(self.per_maned)} kr (per år "
            f"{_fortegn(self.per_maned * 12)} kr)",
            f"Kvalifiseringsstønad per år: endring B − A {_fortegn(self.kvp_per_ar)} kr",
            "",
            f"Får mer med B: {kr(self.vinnere)} husholdninger, i alt {kr(self.vinner_sum)} kr "
            "per måned. Økning per husholdning per måned:",
        ]
        linjer += [
            f"  {t}: {kr(self.vinnere_band[n])} husholdninger"
            for n, t in zip(self.bandrekke(), self.bandtekst(), strict=True)
        ]
        linjer.append(
            f"Får mindre med B: {kr(self.tapere)} husholdninger, i alt {kr(self.taper_sum)} kr "
            "per måned. Nedgang per husholdning per måned:"
        )
        linjer += [
            f"  {t}: {kr(self.tapere_band[n])} husholdninger"
            for n, t in zip(self.bandrekke(), self.bandtekst(), strict=True)
        ]
        linjer.append(f"Uendret: {kr(self.uendret)} husholdninger")
        if self.overganger:
            linjer += ["", "Endret utfall for livsopphold, fra A til B (antall husholdninger):"]
            linjer += [f"  {_overgang(o)}: {kr(n)}" for o, n in sorted(self.overganger.items())]
        return "\n".join(linjer)


def _overgang(nokkel: str) -> str:
    """«ikke_oppfylt → oppfylt» (the JSON key) as «ikke oppfylt → oppfylt»."""
    fra, _, til = nokkel.partition(" → ")
    return f"{utfallsnavn(fra)} → {utfallsnavn(til)}"


def _fortegn(belop: Decimal) -> str:
    return ("+" if belop > 0 else "−" if belop < 0 else "") + kr(abs(belop))


def sammenlign(a: Iterable[Any], b: Iterable[Any], band: tuple[int, ...] = BAND) -> Differanse:
    """The difference B − A over two runs' output batches (same input, same batching)."""
    diff = Differanse(band=band)
    for ba, bb in zip(a, b, strict=True):
        diff.legg_til(ba, bb)
    return diff
