"""``python -m sosialregler``: the same as the ``sosialregler`` command."""

from .cli import main

raise SystemExit(main())
