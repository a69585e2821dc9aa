"""Sphinx configuration for tef.computer."""

import os
import sys

sys.path.insert(0, os.path.abspath("_ext"))

# -- The site ----------------------------------------------------------------
project = "tef.computer"
author = "tef"
copyright = "tef"
# ePub needs a version; the site has no releases, so it names its edition.
version = release = "2026"
language = "en"

extensions = [
    "myst_parser",
    "work_history",
]

myst_enable_extensions = ["colon_fence", "attrs_block"]

# -- The person, for resume.json and the JSON-LD (see _ext/work_history/person.py)
# The one place for facts the pages do not show as entries. The summary is
# the home page's introduction and the roles are the pages' `job` entries;
# the publications are the links on the writing page.
work_history_person = {
    "name": "tef",
    "label": "Staff or principal engineer (DBA, SRE)",
    "email": "tef@printf.net",
    "url": "https://tef.computer/",
    "profiles": [
        {"network": "Blog", "url": "https://programmingisterrible.com/"},
    ],
}
work_history_publications = ["pages/writing"]
root_doc = "index"
templates_path = ["_templates"]
# conf.py sits at the top of the repository: read only the site's pages.
exclude_patterns = [
    ".venv-3.13",
    ".venv", "_build", "tests", "scripts", ".ci", "_ext", "_templates",
    "README.md", "Thumbs.db", ".DS_Store", ".pytest_cache", ".hypothesis",
]

# -- HTML ----------------------------------------------------------------------
html_theme = "furo"
html_title = "tef.computer"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "top_of_page_buttons": [],
}

# -- ePub ----------------------------------------------------------------------
epub_title = "tef.computer"
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_show_urls = "no"
