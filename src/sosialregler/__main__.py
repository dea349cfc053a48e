"""``python -m sosialregler``: the same as the ``sosialregler`` command."""

from .verktoy.cli import main

raise SystemExit(main())
