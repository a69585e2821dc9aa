"""A CV's PDF has no contents page and no index unless the project asks for them
(sphinx_work_history/latex_matter.py): a one-page CV is one page."""

from __future__ import annotations

import os
import subprocess

from sphinx_work_history.testing import SOURCE_DATE_EPOCH, build, require_tool

CONF = """\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = author = "Ada Example"
copyright = "2026, Ada Example"
version = release = "1"
work_history_today = "2026-11-27"
latex_documents = [("index", "cv.tex", "Ada Example — CV", author, "howto")]
work_history_person = {"label": "Database engineer", "email": "ada@example.org"}
work_history_variants = {"short": {"pages": 1}}
"""

INDEX = """\
# Ada Example

I build and run databases.

:::{job} Database Engineer
:org: Example Cloud Inc
:start: 2021-05
:tags: databases, postgres

Runs the managed Postgres service.

- Cut failover time from minutes to seconds.
:::

:::{job} Support Engineer
:org: Example Cloud Inc
:start: 2019-01
:end: 2021-04
:tags: support
:::
"""


def project(tmp_path, conf: str = CONF):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.md").write_text(INDEX, encoding="utf-8")
    return src


def test_the_latex_has_no_contents_and_no_index(tmp_path):
    app = build(project(tmp_path), "latex")
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "cv.tex").read_text(encoding="utf-8")
    assert "\\index{databases" in tex  # the tags are still index entries ...
    for command in ("\\sphinxtableofcontents", "\\makeindex", "\\printindex"):
        assert command not in tex, command  # ... but no page lists them


def test_a_project_that_asks_for_contents_and_an_index_has_them(tmp_path):
    conf = CONF + ('latex_elements = {"tableofcontents": r"\\sphinxtableofcontents", '
                   '"makeindex": r"\\makeindex", "printindex": r"\\printindex"}\n')
    tex = (build(project(tmp_path, conf), "latex").outdir / "cv.tex").read_text(encoding="utf-8")
    for command in ("\\sphinxtableofcontents", "\\makeindex", "\\printindex"):
        assert command in tex, command


def test_a_one_page_variant_of_a_two_role_cv_is_one_page(tmp_path):
    latexmk = require_tool("latexmk")
    pdfinfo = require_tool("pdfinfo")
    app = build(project(tmp_path), "latex",
                confoverrides={"work_history_variant": "short"})
    assert app.warning.getvalue() == ""
    # The page budget (1) is enforced by the LaTeX run: over it, latexmk fails.
    result = subprocess.run([latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                             "cv.tex"], cwd=app.outdir, capture_output=True, text=True,
                            check=False, env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stdout[-3000:]
    info = subprocess.run([pdfinfo, "cv.pdf"], cwd=app.outdir, capture_output=True, text=True,
                          check=True).stdout
    assert "Pages:           1" in info, info
    text = subprocess.run([require_tool("pdftotext"), "cv.pdf", "-"], cwd=app.outdir,
                          capture_output=True, text=True, check=True).stdout
    assert "Database Engineer" in text
    assert "Support Engineer" in text
