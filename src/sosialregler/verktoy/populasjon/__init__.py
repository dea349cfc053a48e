"""Population runs (issue 19): the law over a whole population, one row per household.

>>> tabell = vurder("saker.parquet", dato="2025-03-01", prosesser=2)   # doctest: +SKIP
>>> tabell.column("livsopphold_utfall")                                # doctest: +SKIP

``vurder`` reads an Arrow table, a Parquet file or a JSON Lines file of cases (one case per
row, as contract JSON in a column ``sak``: see ``skjema``), streams it batch by batch, and
returns per household each area's outcome, the amounts, the flags and a row error column; a bad
row never stops the run. ``vurder_batcher`` yields the same as Arrow batches, for output that
is written as it is made (``sosialregler simuler --ut``). ``forklar_rad`` gives any row's full
assessment (and so its explanation) through the per-case path. ``totaler`` sums a run up;
``sammenlign`` sets two rate tables against each other; ``lag_populasjon`` makes a synthetic
population; ``fordelt.vurder_dask`` runs the same function on a Dask cluster.

Two engines give the same rows (``motor=``): ``persak`` (the default, ``motor.PerSak``) runs
every row through the library's per-case path, exact by construction; ``kolonne``
(``kolonne.Kolonne``) evaluates the area rules over the batch as numpy code generated from the
rulebook (``lov.kompilator.kolonne``), never a second copy of the law, and leaves any row it
cannot decide exactly to the per-case path. Needs the extra ``populasjon``
(``pip install 'sosialregler[populasjon]'``: pyarrow, numpy).
"""

from __future__ import annotations

from .kjoring import forklar_rad, regelbok_for, vurder, vurder_batcher

__all__ = ["forklar_rad", "regelbok_for", "vurder", "vurder_batcher"]
