# Every warning the extension gives, each from a known file and line.
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "warnings"
work_history_today = "2026-11-27"
