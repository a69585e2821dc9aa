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

myst_enable_extensions = ["colon_fence"]
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
