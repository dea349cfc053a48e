"""The contract's JSON reader (``contract.les_json``) reads with one decoder made once.

``json.loads`` with a hook builds a new decoder and scanner for every call (~1.2 of ~9 µs
of reading a case); ``les_json`` calls the shared decoder's ``decode`` instead. These tests
hold it to ``json.loads`` with the same hooks, value for value and error for error, and count
that no decoder is made per case.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosialregler.inndata import contract
from sosialregler.inndata.errors import UgyldigSak


def _som_for(tekst: str) -> Any:
    """What ``les_json`` did before: ``json.loads`` with the contract's hooks, its errors as
    the same rejection."""
    if tekst.startswith("\ufeff"):
        tekst = tekst[1:]
    try:
        return (
            "ok",
            json.loads(
                tekst,
                parse_float=float,
                parse_constant=contract._avvis_konstant,
                object_pairs_hook=contract._objekt_uten_doble_nokler,
            ),
        )
    except contract._Avvist as exc:
        return ("avvist", exc.felt, str(exc))
    except json.JSONDecodeError as exc:
        return ("feil", contract.json_feil(exc))
    except RecursionError:
        return ("dyp",)
    except ValueError as exc:
        return ("tall", contract._tallfeil(exc))


def _som_na(tekst: str) -> Any:
    try:
        return ("ok", contract.les_json(tekst))
    except UgyldigSak as exc:
        return [f.to_dict() for f in exc.feil]


def _sammenlign(tekst: str) -> None:
    for_ = _som_for(tekst)
    na = _som_na(tekst)
    if for_[0] == "ok":
        assert na == for_
        return
    (feil,) = na
    melding = feil["melding"]
    if for_[0] == "avvist":
        assert (feil["felt"], melding) == (for_[1], for_[2])
    elif for_[0] == "feil":
        assert melding == for_[1]
    elif for_[0] == "tall":
        assert melding == f"ikke gyldig JSON: {for_[1]}"
    else:
        assert melding == "JSON-dokumentet er for dypt nøstet"


@pytest.mark.parametrize(
    "tekst",
    [
        '{"a": 1}',
        '\ufeff{"a": 1.5}',
        '\ufeff\ufeff{"a": 1}',  # a second byte order mark: json.loads' own refusal
        '  {"a": [1, 2.0, -0, 1e400, "x"]}  ',
        '{"a": 1, "a": 2}',
        '{"a": {"b": 1, "b": 1}}',
        '{"a": NaN}',
        '{"a": -Infinity}',
        '{"a": 1} x',
        '{"a": 1,}',
        "",
        "   ",
        "[1, 2",
        '{"a": "\\ud800"}',
        '{"a": ' + "1" * 5000 + "}",
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_leser_som_json_loads_med_krokene(tekst: str) -> None:
    _sammenlign(tekst)


_VERDI = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda barn: (
        st.lists(barn, max_size=3) | st.dictionaries(st.text(max_size=3), barn, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(
    _VERDI,
    st.sampled_from(["", "\ufeff", " ", "\ufeff\ufeff"]),
    st.sampled_from(["", " ", "x", "}"]),
)
def test_leser_som_json_loads_for_alle_tekster(verdi: Any, foran: str, bak: str) -> None:
    tekst = foran + json.dumps(verdi) + bak
    _sammenlign(tekst)
    _sammenlign(tekst.replace("}", ', "k": 1, "k": 2}', 1))  # a key twice, when there is an object


def test_ingen_ny_dekoder_per_sak(monkeypatch: pytest.MonkeyPatch) -> None:
    """A case is read by the decoder made once (``json.loads`` with hooks made one per call)."""
    laget = []
    opprinnelig = json.JSONDecoder.__init__

    def tell(self: json.JSONDecoder, *args: Any, **kwargs: Any) -> None:
        laget.append(1)
        opprinnelig(self, *args, **kwargs)

    monkeypatch.setattr(json.JSONDecoder, "__init__", tell)
    for _ in range(3):
        contract.les_json('{"sak_id": "s1", "personer": []}')
    assert laget == []
