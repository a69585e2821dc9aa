"""``python -m sphinx_work_history``: the ``sphinx-work-history`` command."""

from .cli.command import main

raise SystemExit(main())
