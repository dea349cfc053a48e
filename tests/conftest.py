"""Shared test configuration: the hypothesis profiles.

Profiles, chosen with the environment variable ``HYPOTHESIS_PROFILE``:

* ``default`` (50 examples): the everyday run; the property file stays well under 30 s on a
  two-core machine.
* ``ci`` (100 examples): randomised on every run so CI keeps exploring new cases, and prints
  the reproduction blob of any failure so it can be replayed locally with ``@reproduce_failure``.
* ``slow`` (2000 examples): a long search before a release or after a change to the rules.

``deadline=None`` everywhere: an assessment's time varies with the machine and the size of the
generated household, and the performance targets are measured in ``benchmarks/``, not here.
The ``slow`` pytest marker is registered in ``pyproject.toml``, not here.
"""

from __future__ import annotations

import os

try:
    from hypothesis import settings
except ImportError:  # pragma: no cover - the property tests skip themselves without hypothesis
    settings = None

if settings is not None:
    settings.register_profile("default", max_examples=50, deadline=None)
    settings.register_profile(
        "ci", max_examples=100, deadline=None, derandomize=False, print_blob=True
    )
    settings.register_profile("slow", max_examples=2000, deadline=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
