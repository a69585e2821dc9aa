# Roles in every script, for the cv-pdf builder: its default fonts (Typst's own,
# then Noto and Symbola from the system's font folders).
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "scripts"
author = copyright = "Ada Example"
version = release = "1"
language = "en"
work_history_today = "2026-11-27"
work_history_person = {"name": "Ada Example", "email": "ada@example.org"}
exclude_patterns = ["_build"]
