"""Roles in every script the HTML shows, built with the site's own PDF settings.

The LaTeX engine, the fonts (_ext/pdf_fonts.py) and the glyph check's font
list are the site's, so this root's PDF is set as the CV would be.
"""

import runpy
import sys
from pathlib import Path

_project = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(_project / "_ext"))
_site = runpy.run_path(str(_project / "conf.py"), init_globals={"tags": tags})  # noqa: F821
globals().update({k: v for k, v in _site.items() if k.startswith("latex_")})
latex_additional_files = [str(_project / f) for f in _site.get("latex_additional_files", [])]
work_history_latex_fonts = _site["work_history_latex_fonts"]

project = "scripts"
author = copyright = "tests"
version = release = "1"
extensions = [e for e in _site["extensions"]
              if e in ("myst_parser", "sphinx_work_history", "publishing", "pdf_fonts")]
myst_enable_extensions = ["colon_fence"]
root_doc = "index"
latex_documents = [("index", "scripts.tex", "Every script", "tests", "howto")]
work_history_today = "2026-11-27"
