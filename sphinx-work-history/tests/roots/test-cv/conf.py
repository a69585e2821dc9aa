extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Ada's CV"
author = "Ada Example"
copyright = "Ada Example"
version = release = "1"
language = "en"
work_history_today = "2026-11-27"
work_history_publications = ["writing"]
work_history_person = {
    "label": "Database engineer",
    "email": "ada@example.org",
    "url": "https://ada.example.org/",
    "profiles": [{"network": "Blog", "url": "https://blog.example.org/"}],
}
exclude_patterns = ["_build"]
