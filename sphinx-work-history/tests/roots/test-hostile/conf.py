"""Hostile input for the extension, built with the site's own LaTeX settings.

Each file in corpus/ is one case; its first line names the warning
subtypes it must produce: ``% expect: bad_date date_order``. To add a
case (job, employer, work-history, or a directive still to come), drop a
file in corpus/.
"""

import runpy
import sys
from pathlib import Path

_project = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(_project / "_ext"))
_site = runpy.run_path(str(_project / "conf.py"), init_globals={"tags": tags})  # noqa: F821
globals().update({k: v for k, v in _site.items() if k.startswith("latex_")})
latex_additional_files = [str(_project / f) for f in _site.get("latex_additional_files", [])]

project = "hostile"
# The site's own LaTeX pipeline: its extensions that shape the PDF.
extensions = [e for e in _site["extensions"] if e in ("myst_parser", "sphinx_work_history", "publishing")]
myst_enable_extensions = ["colon_fence"]
root_doc = "index"
latex_documents = [("index", "hostile.tex", "Hostile input", "tests", "howto")]
work_history_today = "2026-11-27"
# The CV prints no index. With one, pdflatex's makeindex splits a non-ASCII
# first letter (a tag like "עברית") in two: Sphinx's answer is xindy.
latex_elements = {**globals().get("latex_elements", {}), "makeindex": "", "printindex": ""}
