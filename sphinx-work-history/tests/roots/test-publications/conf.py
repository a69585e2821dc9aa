extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Ada's CV"
author = "Ada Lovelace"
copyright = "Ada Lovelace"
version = release = "1"
language = "en"
work_history_today = "2026-11-27"
work_history_person = {"name": "Ada Lovelace", "email": "ada@example.org",
                       "url": "https://ada.example.org/"}
exclude_patterns = ["_build"]
