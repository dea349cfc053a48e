"""The columns of a population run: what goes in (one case per row) and what comes out.

**In.** One case per row, in a column ``sak`` holding the case as contract JSON text (the same
document ``sosialregler vurder`` reads; see the README section «Befolkningskjøringer»).
Why JSON text and not a flat layout: a case is nested (persons, incomes per person, stays,
KVP), every case system and every analysis tool can write a JSON string per row (pandas
``to_json``, R ``jsonlite``, SQL ``json_object``), and the contract's own validation then names a
bad field by its JSON path, exactly as for one case. A flat layout would be a second contract
with its own checks. Every other input column (a municipality number, a weight, a register
key) is carried through to the output unchanged, so the analyst can group and weight.

**Out.** One row per household, in input order, in a schema fixed by the rulebook (so every
batch, every Dask partition and every Parquet row group has the same columns):

- ``rad`` (the row's number in the input, from 0), ``linje`` (JSON Lines: the line number,
  from 1; else null), ``sak_id``;
- ``<område>_utfall`` per area of the rulebook (null: the area does not concern the case);
- the amounts in ``BELOP`` as exact decimals (``decimal128(38, 8)``);
- ``merknader`` (the flags' codes), ``mangler`` (per area, the facts an ``uavklart`` lacks);
- ``feil`` (a rejected row: every problem as ``felt``, ``verdi`` as JSON text, ``melding``,
  worded as the per-case contract words them; null for an assessed row) and ``intern_feil``;
- ``motor``: which path decided the row, ``kolonne`` (the rules compiled to numpy) or
  ``persak`` (the per-case path); the same row either way.

A generated columnar evaluator (issue 17) must produce exactly this schema: it is the seam.
"""

from __future__ import annotations

from typing import Any

from ...inndata.errors import Feil, UgyldigSak

#: Which path decided a row (the output column ``motor``): the generated columnar code, or the
#: per-case path (``motor.PerSak``; also every row the columnar code leaves to it).
KOLONNE, PERSAK = "kolonne", "persak"

#: The input column holding each case as contract JSON text.
SAK = "sak"

#: The amounts a population run reports: (column, area, key in the area's contract output).
#: Payable amounts are null on a refusal (``assessment.utdata_etter_utfall``); the computed
#: need is kept beside them.
BELOP: tuple[tuple[str, str, str], ...] = (
    ("livsopphold_belop_per_maned", "livsopphold", "belop_per_maned"),
    ("livsopphold_beregnet_behov_per_maned", "livsopphold", "beregnet_behov_per_maned"),
    ("kvalifiseringsstonad_stonad_per_ar", "kvalifiseringsstonad", "stonad_per_ar"),
    ("kvalifiseringsstonad_barnetillegg_per_ar", "kvalifiseringsstonad", "barnetillegg_per_ar"),
    (
        "kvalifiseringsstonad_stonad_etter_reduksjon_per_ar",
        "kvalifiseringsstonad",
        "stonad_etter_reduksjon_per_ar",
    ),
)

#: Exact kroner: 30 digits before the decimal point and 8 after (an amount with more decimals
#: than that is a row error, never a rounded value).
DESIMALER = 8
PRESISJON = 38


def utfallkolonne(omrade: str) -> str:
    return f"{omrade}_utfall"


def utdata_skjema(omrader: tuple[str, ...], ekstra: Any = None) -> Any:
    """The output schema for a rulebook's areas (``ekstra``: the carried input columns)."""
    import pyarrow as pa

    belop = pa.decimal128(PRESISJON, DESIMALER)
    felter = [
        pa.field("rad", pa.int64(), nullable=False),
        pa.field("linje", pa.int64()),
        pa.field("sak_id", pa.string()),
        *(pa.field(utfallkolonne(o), pa.string()) for o in omrader),
        *(pa.field(kolonne, belop) for kolonne, _, _ in BELOP),
        pa.field("merknader", pa.list_(pa.string())),
        pa.field(
            "mangler",
            pa.list_(pa.struct([("omrade", pa.string()), ("faktum", pa.string())])),
        ),
        pa.field(
            "feil",
            pa.list_(
                pa.struct([("felt", pa.string()), ("verdi", pa.string()), ("melding", pa.string())])
            ),
        ),
        pa.field("intern_feil", pa.bool_(), nullable=False),
        pa.field("motor", pa.string()),
    ]
    navn = {f.name for f in felter}
    if ekstra is not None:
        for felt in ekstra:
            if felt.name in navn:
                raise UgyldigSak(
                    [
                        Feil(
                            felt.name,
                            None,
                            f"inndata har en kolonne «{felt.name}» som utdata bruker selv; "
                            "gi den et annet navn",
                        )
                    ]
                )
            felter.append(felt)
    return pa.schema(felter)
