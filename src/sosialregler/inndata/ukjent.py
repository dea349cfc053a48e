"""``Ukjent``: a fact that is not known, naming the input fields that would make it known.

Its own module because nearly everything reads it (facts, conditions, the tree, the engine,
the texts, the records) while it reads nothing: kept in ``derived`` it tied all of those to the
area code that ``derived`` runs (issue 17: a house without circles). ``derived`` re-exports it.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class Ukjent:
    """An unknown fact, naming the input fields that would make it known."""

    mangler: tuple[str, ...]

    def __bool__(self) -> bool:  # an unknown must never pass as false by accident
        raise TypeError("Ukjent har ingen sannhetsverdi; sjekk med isinstance(…, Ukjent)")
