"""Population runs (issue 19): every row is the per-case path's answer, bad rows are rows.

The reference here is the contract JSON of ``assess(...).to_dict()``, a different road from the
one the run takes (``populasjon.rad`` reads the ``Assessment`` itself), so a column that drifts
from the contract fails here.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from sosialregler import assess  # noqa: E402
from sosialregler.api import regelbok  # noqa: E402
from sosialregler.inndata.errors import UgyldigSak  # noqa: E402
from sosialregler.verktoy.populasjon import forklar_rad, vurder, vurder_batcher  # noqa: E402
from sosialregler.verktoy.populasjon.generator import (  # noqa: E402
    KANTER,
    lag_populasjon,
    satsskifter,
    skriv_populasjon,
)
from sosialregler.verktoy.populasjon.motor import PerSak  # noqa: E402
from sosialregler.verktoy.populasjon.skjema import BELOP  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DATO = "2026-03-01"
OMRADER = tuple(o.id for o in regelbok().omrader)


def forventet_rad(sak: Any, dato: str | None) -> dict[str, Any]:
    """What the per-case path says about one case, read from its contract JSON."""
    try:
        svar = assess(sak, dato).to_dict()
    except UgyldigSak as exc:
        return {
            "feil": [
                {
                    "felt": f.felt,
                    "verdi": json.dumps(f.verdi, ensure_ascii=False, default=str),
                    "melding": f.melding,
                }
                for f in exc.feil
            ]
        }
    vedtak = svar["vedtak"]
    ut: dict[str, Any] = {"feil": None}
    for o in OMRADER:
        ut[f"{o}_utfall"] = vedtak[o]["utfall"] if o in vedtak else None
    for kolonne, omrade, nokkel in BELOP:
        verdi = vedtak.get(omrade, {}).get(nokkel)
        ut[kolonne] = Decimal(str(verdi)) if verdi is not None else None
    ut["merknader"] = [m["kode"] for m in svar["merknader"]]
    ut["mangler"] = [
        {"omrade": o, "faktum": f} for o, v in vedtak.items() for f in v.get("mangler", [])
    ]
    return ut


def sjekk_lik_per_sak(saker: list[str], tabell: Any, dato: str | None) -> None:
    rader = tabell.to_pylist()
    assert len(rader) == len(saker)
    for i, (sak, rad) in enumerate(zip(saker, rader, strict=True)):
        assert rad["rad"] == i
        forventet = forventet_rad(sak, dato)
        faktisk = {k: rad[k] for k in forventet}
        assert faktisk == forventet, f"rad {i}"
        assert rad["intern_feil"] is False


@pytest.fixture(scope="module")
def befolkning() -> list[str]:
    return list(lag_populasjon(2000, fro=19, andel_kanter=0.35, andel_feil=0.03))


def test_hver_rad_er_lik_per_sak_veien(befolkning: list[str]) -> None:
    tabell = vurder(pa.table({"sak": befolkning}), dato=DATO, batch=500)
    sjekk_lik_per_sak(befolkning, tabell, DATO)


def test_hver_rad_lik_med_sakens_egen_dato_over_satsskifter(befolkning: list[str]) -> None:
    """``dato=None``: each case on its own date, so the rate changes of the generator's
    edge cases (1 January, 1 May) are met on both sides of the day."""
    utvalg = befolkning[:600]
    tabell = vurder(pa.table({"sak": utvalg}), dato=None)
    sjekk_lik_per_sak(utvalg, tabell, None)
    datoer = {json.loads(s).get("vurderingsdato") for s in utvalg if s.endswith("}")}
    assert {d.isoformat() for d in satsskifter()} <= datoer


def test_befolkningen_har_kantene_gullsakene_dekker(befolkning: list[str]) -> None:
    """The generated population has what the equality test must cross: every outcome of
    § 18 incl. ``uavklart``, stays past three months, KVP, rejections of each kind."""
    tabell = vurder(pa.table({"sak": befolkning[:800]}), dato=DATO)
    d = tabell.to_pydict()
    assert set(d["livsopphold_utfall"]) >= {"oppfylt", "ikke_oppfylt", "uavklart", "skjonn"}
    assert "uavklart" in d["kvalifiseringsstonad_utfall"]
    merknader = Counter(m for ms in d["merknader"] if ms for m in ms)
    assert merknader["BOTILBUD_OVER_TRE_MANEDER"] and merknader["BOTILBUD_NAERMER_SEG_TRE_MANEDER"]
    assert any(v is not None for v in d["kvalifiseringsstonad_stonad_per_ar"])
    assert sum(f is not None for f in d["feil"]) >= 10
    # each kind of edge is drawn (the generator's list, not a sample of it)
    alder = {json.loads(s)["personer"][0].get("fodselsdato") for s in befolkning if s[-1] == "}"}
    assert "2008-03-01" in alder and "1996-03-01" in alder and "1959-03-01" in alder
    assert len(KANTER) >= 10


@pytest.mark.slow
def test_ti_tusen_husholdninger_lik_per_sak_veien() -> None:
    saker = list(lag_populasjon(10_000, fro=2026, andel_kanter=0.3, andel_feil=0.02))
    tabell = vurder(pa.table({"sak": saker}), dato=DATO, prosesser=2)
    sjekk_lik_per_sak(saker, tabell, DATO)


def test_to_prosesser_og_sma_batcher_gir_samme_tabell(befolkning: list[str]) -> None:
    utvalg = pa.table({"sak": befolkning[:400], "vekt": list(range(400))})
    en = vurder(utvalg, dato=DATO)
    assert vurder(utvalg, dato=DATO, prosesser=2).equals(en)
    assert vurder(utvalg, dato=DATO, batch=7).to_pylist() == en.to_pylist()


def test_kommunens_satser_gjelder_ogsa_i_arbeidsprosessene(befolkning: list[str]) -> None:
    satser = REPO / "examples" / "kommunale-satser-eksempel.toml"
    utvalg = pa.table({"sak": befolkning[:200]})
    en = vurder(utvalg, dato="2024-06-03", satser=satser)
    assert vurder(utvalg, dato="2024-06-03", satser=satser, prosesser=2).equals(en)
    assert not vurder(utvalg, dato="2024-06-03").equals(en)


def test_strommer_en_utbatch_per_innbatch(tmp_path: Path) -> None:
    """Streamed by row groups: the run yields one output batch per input batch, so it never
    holds more than a few batches (the memory curve is measured in benchmarks/)."""
    sti = tmp_path / "saker.parquet"
    skriv_populasjon(sti, 250, fro=4, radgruppe=50)
    batcher = list(vurder_batcher(sti, dato=DATO, batch=50))
    assert [b.num_rows for b in batcher] == [50] * 5
    assert [b.column("rad")[0].as_py() for b in batcher] == [0, 50, 100, 150, 200]


# --- bad rows --------------------------------------------------------------------------------


def _sak(**endring: Any) -> dict[str, Any]:
    sak = json.loads((REPO / "examples" / "enslig.json").read_text(encoding="utf-8"))
    sak.update(endring)
    return sak


def test_darlige_rader_meldes_med_rad_og_felt_og_stopper_ikke() -> None:
    god = json.dumps(_sak())
    umulig = _sak()
    umulig["personer"][0]["fodselsdato"] = "1999-02-30"
    ukjent = _sak()
    ukjent["inntekter"][0]["type"] = "lotto"
    saker = [god, json.dumps(umulig), None, "{ikke json", god, json.dumps(ukjent)]
    tabell = vurder(pa.table({"sak": saker}), dato="2024-06-03")
    rader = tabell.to_pylist()
    assert [r["feil"] is None for r in rader] == [True, False, False, False, True, False]
    assert rader[1]["feil"][0]["felt"] == "personer[0].fodselsdato"
    assert rader[1]["feil"][0]["verdi"] == '"1999-02-30"'
    assert "finnes ikke" in rader[1]["feil"][0]["melding"]
    assert rader[2]["feil"][0]["felt"] == "sak" and "tom" in rader[2]["feil"][0]["melding"]
    assert rader[3]["feil"][0]["felt"] == "$"
    assert rader[5]["feil"][0]["felt"] == "inntekter[0].type"
    assert rader[5]["rad"] == 5 and rader[4]["livsopphold_utfall"] == "oppfylt"
    # worded as the per-case contract words it
    with pytest.raises(UgyldigSak) as exc:
        assess(json.dumps(ukjent), "2024-06-03")
    assert [f.to_dict()["melding"] for f in exc.value.feil] == [
        f["melding"] for f in rader[5]["feil"]
    ]


def test_json_lines_gir_linjenummer_og_avviser_for_lange_linjer(tmp_path: Path) -> None:
    sti = tmp_path / "saker.jsonl"
    god = json.dumps(_sak())
    lang = json.dumps(_sak(individuell_vurdering="x" * 5000))
    sti.write_bytes(f"{god}\n\n{lang}\n".encode() + b"\xff\xfe\n" + f"{god}\n".encode())
    tabell = vurder(sti, dato="2024-06-03", grenser={"byte": 4000})
    rader = tabell.to_pylist()
    assert [r["rad"] for r in rader] == [0, 1, 2, 3]
    assert [r["linje"] for r in rader] == [1, 3, 4, 5]
    assert rader[0]["feil"] is None and rader[3]["feil"] is None
    assert "4 000" in rader[1]["feil"][0]["melding"] or "4000" in rader[1]["feil"][0]["melding"]
    assert "UTF-8" in rader[2]["feil"][0]["melding"]


def test_feil_i_inndata_som_helhet_er_en_avvisning(tmp_path: Path) -> None:
    with pytest.raises(UgyldigSak) as exc:
        vurder(pa.table({"saker": ["{}"]}), dato=DATO)
    assert exc.value.feil[0].felt == "sak" and "mangler" in exc.value.feil[0].melding
    with pytest.raises(UgyldigSak) as exc:
        vurder(pa.table({"sak": [1, 2]}), dato=DATO)
    assert "tekst" in exc.value.feil[0].melding
    with pytest.raises(UgyldigSak) as exc:
        vurder(pa.table({"sak": ["{}"], "feil": [1]}), dato=DATO)
    assert exc.value.feil[0].felt == "feil"
    with pytest.raises(UgyldigSak) as exc:
        vurder(tmp_path / "finnes-ikke.parquet", dato=DATO)
    assert exc.value.feil[0].felt == "SAKER"
    with pytest.raises(UgyldigSak) as exc:
        vurder(pa.table({"sak": ["{}"]}), dato="2026-13-01")
    assert exc.value.feil[0].felt == "--dato"


def test_andre_kolonner_folger_med_og_tom_tabell_har_skjemaet() -> None:
    tabell = vurder(
        pa.table({"kommune": ["0301"], "sak": [json.dumps(_sak())], "vekt": [2.5]}),
        dato="2024-06-03",
    )
    assert tabell.column("kommune").to_pylist() == ["0301"]
    assert tabell.column("vekt").to_pylist() == [2.5]
    tom = vurder(
        pa.table({"sak": pa.array([], pa.string()), "kommune": pa.array([], pa.string())}),
        dato=DATO,
    )
    assert (
        tom.num_rows == 0
        and "kommune" in tom.schema.names
        and "livsopphold_utfall" in (tom.schema.names)
    )


def test_forklar_rad_er_per_sak_veien(tmp_path: Path) -> None:
    sti = tmp_path / "saker.parquet"
    skriv_populasjon(sti, 120, fro=5, andel_feil=0.1, radgruppe=25)
    tabell = vurder(sti, dato=DATO)
    saker = pq.read_table(sti).column("sak").to_pylist()
    god = next(i for i, f in enumerate(tabell.column("feil").to_pylist()) if f is None and i > 60)
    vurdering = forklar_rad(sti, god, dato=DATO)
    assert vurdering.to_dict() == assess(saker[god], DATO).to_dict()
    assert "§ 18" in vurdering.explain()
    avvist = next(i for i, f in enumerate(tabell.column("feil").to_pylist()) if f is not None)
    with pytest.raises(UgyldigSak) as exc:
        forklar_rad(sti, avvist, dato=DATO)
    assert [f.felt for f in exc.value.feil] == [
        f["felt"] for f in tabell.column("feil")[avvist].as_py()
    ]
    with pytest.raises(UgyldigSak):
        forklar_rad(sti, 120, dato=DATO)


def test_kommunale_satser_gir_andre_belop_enn_statens() -> None:
    satser = REPO / "examples" / "kommunale-satser-eksempel.toml"
    sak = json.dumps(_sak())
    stat = vurder(pa.table({"sak": [sak]}), dato="2024-06-03")
    kommune = vurder(pa.table({"sak": [sak]}), dato="2024-06-03", satser=satser)
    forventet = assess(sak, "2024-06-03", regler=regelbok(satser=satser)).vedtak["livsopphold"]
    assert kommune.column("livsopphold_belop_per_maned")[0].as_py() == forventet.belop_per_maned
    assert stat.column("livsopphold_belop_per_maned") != kommune.column(
        "livsopphold_belop_per_maned"
    )


def test_motor_er_sommen_en_kolonnevis_motor_kan_ta() -> None:
    """``motor=`` is the seam for a generated columnar evaluator: whatever it yields is the
    run's output, and the per-case motor is the reference it will be held to."""
    kall: list[int] = []

    def motor(batcher: Any, **kw: Any) -> Any:
        for b in PerSak()(batcher, **kw):
            kall.append(b.num_rows)
            yield b

    tabell = vurder(pa.table({"sak": [json.dumps(_sak())] * 3}), dato="2024-06-03", motor=motor)
    assert kall == [3] and tabell.num_rows == 3


def test_generatoren_er_lik_for_samme_fro_og_syntetisk() -> None:
    a = list(lag_populasjon(50, fro=1))
    assert a == list(lag_populasjon(50, fro=1))
    assert a != list(lag_populasjon(50, fro=2))
    assert all(json.loads(s)["sak_id"].startswith("syntetisk-") for s in a)


def test_uten_tillegget_sier_feilen_hva_som_skal_installeres(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ImportError, match=r"sosialregler\[populasjon\]"):
        vurder("saker.parquet", dato=DATO)
    with pytest.raises(ImportError, match=r"sosialregler\[populasjon\]"):
        forklar_rad("saker.parquet", 0, dato=DATO)


def test_fremdrift_som_funksjon_far_antall_og_total() -> None:
    meldt: list[tuple[int, int | None]] = []
    saker = pa.table({"sak": [json.dumps(_sak())] * 5})
    list(
        vurder_batcher(
            saker, dato="2024-06-03", fremdrift=lambda n, t: meldt.append((n, t)), total=5
        )
    )
    assert meldt[-1] == (5, 5)


# --- the public name and the date's two names -----------------------------------------------


def test_sosialregler_populasjon_er_modulen_selv() -> None:
    """Issue 19 names the entry point ``sosialregler.populasjon.vurder``: the same module."""
    import sosialregler.populasjon as kort
    import sosialregler.verktoy.populasjon as lang

    assert kort is lang and kort.vurder is vurder


def test_on_er_datoens_engelske_navn() -> None:
    """``on=`` as ``assess`` calls it gives the same rows as ``dato=``; both, or neither, is a
    named error, never a silent default."""
    saker = list(lag_populasjon(40, fro=3))
    tabell = pa.table({"sak": saker})
    assert vurder(tabell, on="2025-03-01").equals(vurder(tabell, dato="2025-03-01"))
    with pytest.raises(UgyldigSak) as begge:
        vurder(tabell, dato="2025-03-01", on="2025-03-01")
    assert begge.value.feil[0].felt == "on" and "ikke begge" in begge.value.feil[0].melding
    with pytest.raises(UgyldigSak) as ingen:
        vurder(tabell)
    assert ingen.value.feil[0].felt == "dato" and "mangler" in ingen.value.feil[0].melding
