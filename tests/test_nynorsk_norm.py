"""Nynorsk is written in one norm, as nynorsk, in every place a nynorsk text lives.

Several people wrote the nynorsk texts (rule files, fact labels, the letter's phrases, the
calculation lines), and each chose forms of their own: «nødssituasjon» beside
«naudssituasjon», «saksbehandlaren» beside «sakshandsamaren», «oppgitt» beside «oppgjeve»,
«gir» beside «gjev», and a few bokmål words that are not nynorsk at all («forholdsmessig»,
«unnlatast»). The norm chosen (Nynorskordboka forms, the gje-forms throughout):

- «naudssituasjon», «naudhjelp» (Nynorskordboka: naud, naudssituasjon)
- «sakshandsamaren», «grunngjeving», «rådgjeving»
- «oppgjeve» / «oppgjevne», «gjev», «gjeve» / «gjeven»
- «søkjaren», «ikkje», «frå», «kvar», «månad», «buutgift», «hushald», «mellombels»

A form outside the norm in any nynorsk text fails here, with where it stands.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sosialregler import api
from sosialregler.utdata import explain
from sosialregler.utdata.vedtaksbrev import tekster
from sosialregler.vurdering import katalog

ROT = Path(__file__).resolve().parents[1]

#: form outside the norm -> the norm's form (what a fix writes instead)
UTANFOR_NORMEN = {
    "nødssituasjon": "naudssituasjon",
    "nødsituasjon": "naudssituasjon",
    "nødhjelp": "naudhjelp",
    "saksbehandlar": "sakshandsamar",
    "saksbehandlaren": "sakshandsamaren",
    "oppgitt": "oppgjeve",
    "oppgitte": "oppgjevne",
    "grunngiving": "grunngjeving",
    "grunngivinga": "grunngjevinga",
    "rådgiving": "rådgjeving",
    "gir": "gjev",
    "gitt": "gjeve / gjeven",
    "forholdsmessig": "i rimeleg forhold til",
    "unnlatast": "la vere å",
    "varigheit": "kor lenge han varer",
    "antaking": "føresetnad",
    "forsørgelsesplikt": "forsørgingsplikt",
    "forsørgjingsplikt": "forsørgingsplikt",
    "ikke": "ikkje",
    "fra": "frå",
    "hver": "kvar",
    "måned": "månad",
    "bare": "berre",
    "søker": "søkjar",
    "søkeren": "søkjaren",
    "boutgift": "buutgift",
    "boutgifter": "buutgifter",
    "husstand": "hushald",
    "husstanden": "hushaldet",
    "midlertidig": "mellombels",
    "alene": "åleine",
    "bofellesskap": "bufellesskap",
    "samboer": "sambuar",
}


def _nn_i(data: Any) -> Iterator[str]:
    """Every ``nn`` string in a parsed rule file."""
    if isinstance(data, dict):
        for nokkel, verdi in data.items():
            if nokkel == "nn" and isinstance(verdi, str):
                yield verdi
            else:
                yield from _nn_i(verdi)
    elif isinstance(data, list):
        for verdi in data:
            yield from _nn_i(verdi)


def _strenger(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for verdi in data.values():
            yield from _strenger(verdi)
    elif isinstance(data, (list, tuple)):
        for verdi in data:
            yield from _strenger(verdi)


def nynorske_tekster() -> list[tuple[str, str]]:
    """(where, text) for every nynorsk text the library renders."""
    ut: list[tuple[str, str]] = []
    # rules/tilsyn/ (the supervision audit points) too: the audit checklist is read in nynorsk
    for fil in sorted((ROT / "rules").rglob("*.toml")):
        for tekst in _nn_i(tomllib.loads(fil.read_text(encoding="utf-8"))):
            ut.append((str(fil.relative_to(ROT)), tekst))
    ut += [(f"katalog._NYNORSK[{k}]", v) for k, v in katalog._NYNORSK.items()]
    ut += [(f"katalog.VERDIER[{k}]", v[1]) for k, v in katalog.VERDIER.items()]
    ut += [(f"katalog.KATALOG[{k}]", v.nn) for k, v in katalog.KATALOG.items()]
    ut += [(f"explain.POSTER_NN[{k}]", v) for k, v in explain.POSTER_NN.items()]
    for navn in dir(tekster):
        tabell = getattr(tekster, navn)
        if isinstance(tabell, dict) and "nn" in tabell:
            ut += [(f"tekster.{navn}", t) for t in _strenger(tabell["nn"])]
    return ut


def test_nynorsk_i_ein_norm() -> None:
    funn = []
    for hvor, tekst in nynorske_tekster():
        uten_plassholdere = re.sub(r"\{[^{}]*\}", " ", tekst)
        for ord_ in re.findall(r"[A-Za-zÆØÅæøå]+", uten_plassholdere):
            if ord_.lower() in UTANFOR_NORMEN:
                funn.append(f"{hvor}: «{ord_}» (skriv «{UTANFOR_NORMEN[ord_.lower()]}»)")
    assert funn == []


@pytest.mark.parametrize("post", sorted(explain.POSTER))
def test_kvar_utrekningslinje_har_eigen_nynorsk(post: str) -> None:
    """A calculation line with no nynorsk label fell back to bokmål in the nynorsk paper
    («Annen voksen: ingen sats, ingen forsørgelsesplikt»)."""
    merkt = {k: (f"<nb {k}>", f"<en {k}>") for k in explain.POSTER}
    assert explain._tospraklig(merkt, post, "nn") != f"<nb {post}>"


def test_arbeidsnotatet_nemner_vilkaret_ikkje_med_id() -> None:
    """The case's id for a condition («v1») is not a word the caseworker reads."""
    vurdering = api.assess((ROT / "examples" / "familie.json").read_text(encoding="utf-8"))
    papir = vurdering.explain("nn").replace(vurdering.regler, "")
    assert "Vilkåret krev «Delta i jobbklubb tre dager i uken»" in papir
    assert not re.search(r"\bv1\b", papir)


#: A sentence that already says which fact the case does not give («Det er ikkje oppgjeve om
#: søkjaren har individuell plan») and then names it again through the missing fact's label
#: («(om søkjaren har individuell plan frå ein annan instans)»): the language review's finding.
_SEIER_KVA_SOM_MANGLAR = re.compile(r"(?:ikkje oppgjeve om|seier ikkje om)[^.]*\(\{mangler\}\)")


def test_nynorsk_nemner_ikkje_det_som_manglar_to_gonger() -> None:
    funn = [
        f"{hvor}: {tekst}"
        for hvor, tekst in nynorske_tekster()
        if _SEIER_KVA_SOM_MANGLAR.search(re.sub(r"\{(?!mangler\})[^{}]*\}", "…", tekst))
    ]
    assert funn == []
