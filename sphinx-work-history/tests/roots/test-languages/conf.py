extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Ada's CV"
author = "Ada Example"
copyright = "Ada Example"
version = release = "1"
language = "en"
locale_dirs = ["locale/"]
work_history_today = "2026-11-27"
work_history_person = {"email": "ada@example.org", "url": "https://ada.example.org/"}
exclude_patterns = ["_build"]
