"""``python -m sphinx_work_history``: the ``sphinx-work-history`` command."""

from .cli import main

raise SystemExit(main())
