"""Properties of the audit points over generated cases (issue 18).

``sosialregler.verktoy.testing`` generates the supervision facts (follow-up conversations,
cooperation,
debt signals, the § 18 assessment, children's needs, permanent housing, long-term and KVP
follow-up), so these properties reach every point's logic: every case gets an outcome for all
ten points without error; an unresolved point names what is missing and only then; every text
renders in nb, nn and en and names no code.
"""

from __future__ import annotations

import os
import typing
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sosialregler import api
from sosialregler.verktoy import testing
from sosialregler.verktoy.tilsyn import last, vurder
from sosialregler.verktoy.tilsyn.etiketter import lesehjelp
from sosialregler.verktoy.tilsyn.regler import SPRAK, UTFALL
from sosialregler.verktoy.tilsyn.tekst import sjekkliste, tekst
from test_tilsyn_etiketter import problemer

EKSEMPLER = int(os.environ.get("TILSYN_EKSEMPLER", "60"))
INNSTILLINGER = settings(
    max_examples=EKSEMPLER, deadline=None, suppress_health_check=list(HealthCheck)
)


def _sjekk(sak: dict[str, typing.Any]) -> tuple[typing.Any, ...]:
    """Assess ``sak`` and check every point's answer; returns the findings."""
    m = last()
    vurdering = api.assess(sak)
    funn = vurder(vurdering, [p.id for p in m.punkter])
    assert [f.malepunkt for f in funn] == [p.id for p in m.punkter]
    assert len(funn) == 10
    lh = lesehjelp(vurdering)
    ider = [p["id"] for p in sak["personer"] if any(c.isdigit() for c in p["id"])]
    for f in funn:
        assert f.utfall in UTFALL
        assert (f.utfall == "uavklart") == bool(f.mangler), f
        if f.utfall in ("oppfylt", "brudd", "ikke_relevant"):
            assert f.grunner, f  # a decided point says why
        for sprak in SPRAK:
            assert problemer(tekst(m, f, sprak, lh), sprak, ider) == [], (f, sprak)
    for sprak in SPRAK:
        liste = sjekkliste(m, funn, None, vurdering.vurderingsdato, sprak, lh)
        assert problemer(liste, sprak, ider) == []
    return funn


@INNSTILLINGER
@given(
    sak=st.one_of(
        testing.saker(komplett=False, andre_omrader=True),
        testing.cases(komplett=False, andre_omrader=True),
    )
)
def test_hver_genererte_sak_far_svar_pa_alle_ti_punkter(sak: dict[str, typing.Any]) -> None:
    _sjekk(sak)


@INNSTILLINGER
@given(data=st.data(), sak=testing.cases(komplett=False, andre_omrader=True))
def test_hver_sak_med_tilsynsfakta_far_svar_pa_alle_ti_punkter(
    data: st.DataObject, sak: dict[str, typing.Any]
) -> None:
    ider = tuple(p["id"] for p in sak["personer"])
    barn = tuple(p["id"] for p in sak["personer"] if p["rolle"] == "barn")
    sak = {**sak, **data.draw(testing.tilsynsfakta(sak["vurderingsdato"], ider, barn))}
    _sjekk(sak)


def test_strategien_nar_hvert_punkts_logikk() -> None:
    """The generated facts reach beyond «unknown»: over a few hundred cases, every point is
    decided (met, breach or not relevant) at least once, and breaches occur."""
    sett: Counter[tuple[str, str]] = Counter()

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data(), sak=testing.cases(komplett=False, andre_omrader=True))
    def samle(data: st.DataObject, sak: dict[str, typing.Any]) -> None:
        ider = tuple(p["id"] for p in sak["personer"])
        barn = tuple(p["id"] for p in sak["personer"] if p["rolle"] == "barn")
        sak = {**sak, **data.draw(testing.tilsynsfakta(sak["vurderingsdato"], ider, barn))}
        for f in vurder(api.assess(sak), [p.id for p in last().punkter]):
            sett[(f.malepunkt, f.utfall)] += 1

    samle()
    for p in last().punkter:
        avgjort = sum(sett[(p.id, u)] for u in ("oppfylt", "brudd", "ikke_relevant"))
        assert avgjort, (p.id, sett)
    assert sum(n for (_, u), n in sett.items() if u == "brudd") > 0
