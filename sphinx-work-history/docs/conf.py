"""Sphinx configuration for the sphinx-work-history documentation.

Build it with ``python -m sphinx -W --keep-going -n docs docs/_build/html``
(``make docs`` in the package folder); Read the Docs builds it from
../.readthedocs.yaml.
"""

from sphinx_work_history import __version__

project = "sphinx-work-history"
author = "tef"
copyright = "tef"
version = release = __version__
language = "en"

extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
# As -n: every reference must resolve (Read the Docs passes -W, but not -n).
nitpicky = True

html_theme = "furo"
html_title = f"sphinx-work-history {release}"
html_show_sourcelink = False

# The entries on these pages are examples. The exports (resume.json, the
# JSON-LD) are about a person: an example one, not the package's author.
# The example person's contact details head the page of examples, not the home page.
work_history_hub = "directives"
work_history_person = {
    "name": "Example Person",
    "email": "person@example.org",
    "summary": "The person of the example entries in the sphinx-work-history documentation.",
}
