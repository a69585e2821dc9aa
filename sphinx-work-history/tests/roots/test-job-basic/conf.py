extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "job-basic"
author = "Test Author"
copyright = "Test Author"
version = release = "1"
work_history_today = "2026-11-27"
