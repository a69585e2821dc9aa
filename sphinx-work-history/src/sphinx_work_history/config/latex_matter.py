"""A CV's PDF has no contents page and no index, unless the project asks.

Sphinx's LaTeX documents open with a table of contents and end with an index
(here, of the entries' tags, job.py's index entries). A CV wants neither: a
one-page CV would be three. Each of ``latex_elements``' ``tableofcontents``,
``makeindex`` and ``printindex`` that the project does not set is left empty;
a project that wants them sets them (``"printindex": r"\\printindex"``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

CV_MATTER = {"tableofcontents": "", "makeindex": "", "printindex": ""}


def _cv_matter(app: Sphinx, config: Config) -> None:
    config.latex_elements = {**CV_MATTER, **config.latex_elements}


def setup_latex_matter(app: Sphinx) -> None:
    app.connect("config-inited", _cv_matter, priority=600)
