"""The package's test helpers (sphinx-work-history/tests/support.py), for the
site's tests that build test roots of their own: one copy of that code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "sphinx-work-history" / "tests" / "support.py"
_spec = importlib.util.spec_from_file_location("package_support_helpers", _PATH)
assert _spec is not None
assert _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _module  # dataclasses look their module up
_spec.loader.exec_module(_module)

build = _module.build
copy_root = _module.copy_root
work_history_warnings = _module.work_history_warnings
line_of = _module.line_of
other_warnings = _module.other_warnings
check_snapshot = _module.check_snapshot
hypothesis_seed = _module.hypothesis_seed
draw_hypothesis_seed = _module.draw_hypothesis_seed
