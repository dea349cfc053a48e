"""Reading one file of the law (a rule or rate file) from a folder that may be hostile.

Its own module so the rate tables (``rates``) and the loader (``load``, which reads the rate
tables) share it without importing each other (issue 17). ``load`` re-exports it.
"""

from __future__ import annotations

from pathlib import Path

#: A rule or rate file larger than this is refused unread (the law fits in far less).
MAKS_FILSTORRELSE = 2_000_000


def les_begrenset(fil: Path) -> bytes:
    """A rule file's bytes, refusing anything but a regular file of bounded size.

    A rules folder may be hostile: a ``*.toml`` that is a link to /dev/zero, or huge, must be a
    clear error, not a read until memory runs out.
    """
    if not fil.is_file():
        raise OSError(f"{fil.name} er ikke en vanlig fil")
    if fil.stat().st_size > MAKS_FILSTORRELSE:
        raise OSError(f"{fil.name} er større enn {MAKS_FILSTORRELSE} byte")
    with fil.open("rb") as f:
        data = f.read(MAKS_FILSTORRELSE + 1)
    if len(data) > MAKS_FILSTORRELSE:
        raise OSError(f"{fil.name} er større enn {MAKS_FILSTORRELSE} byte")
    return data
