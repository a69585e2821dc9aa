"""_ext/lean_pages.py and _templates/base.html: what each page links, and a
loud build when Sphinx renames an asset the pages load only where used."""

from __future__ import annotations

import re

from site_testing import PROJECT
from sphinx_work_history.testing import build, other_warnings

CONF = '''\
import sys
sys.path.insert(0, {ext!r})
extensions = ["myst_parser", "lean_pages"]
html_theme = "furo"
templates_path = [{templates!r}]
project = "lean"
RENAMED = {renamed!r}


def _rename(app, pagename, templatename, context, doctree):
    """As if Sphinx had renamed these files."""
    for key in ("css_files", "script_files"):
        context[key][:] = [asset for asset in context[key]
                           if str(asset.filename).split("?")[0].rsplit("/", 1)[-1] not in RENAMED]


def setup(app):
    app.connect("html-page-context", _rename, priority=800)  # before lean_pages (900)
'''

PAGES = {
    "index.md": "# Home\n\n```{toctree}\ncode\n```\n\nNo code here.\n",
    "code.md": "# Code\n\n```python\nprint('hi')\n```\n",
}


def project(tmp_path, renamed: set[str]):
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        CONF.format(ext=str(PROJECT / "_ext"), templates=str(PROJECT / "_templates"),
                    renamed=sorted(renamed)), encoding="utf-8")
    return build(tmp_path, "html")


def linked(html: str) -> set[str]:
    """The files a page links as it loads (a <template>'s content is inert)."""
    loaded = re.sub(r"<template\b.*?</template>", "", html, flags=re.S)
    return {href.split("?")[0].rsplit("/", 1)[-1]
            for href in re.findall(r'<(?:link rel="stylesheet"[^>]*href|script src)="([^"]+)"',
                                   loaded)}


def test_each_page_links_what_it_uses(tmp_path):
    app = project(tmp_path, renamed=set())
    assert other_warnings(app.warning.getvalue()) == []
    home = (app.outdir / "index.html").read_text(encoding="utf-8")
    code = (app.outdir / "code.html").read_text(encoding="utf-8")
    search = (app.outdir / "search.html").read_text(encoding="utf-8")
    assert "furo-extensions.css" not in linked(home) | linked(code)
    assert "pygments.css" not in linked(home)
    assert "pygments.css" in linked(code)
    assert {"doctools.js", "documentation_options.js", "furo.js"} <= linked(home)
    # Highlighting is loaded on demand outside the search page, up front on it.
    assert "sphinx_highlight.js" not in linked(home)
    assert "sphinx_highlight.js" in linked(search)
    inert = re.search(r'<template id="lean-on-demand">(.*?)</template>', home)
    assert inert
    assert linked(inert.group(1)) == {"sphinx_highlight.js"}
    assert '<script src="_static/sphinx_highlight.js?v=' in inert.group(1)
    assert re.search(r"<script>if \(localStorage\.sphinx_highlight_terms .*lean-on-demand", home)
    assert "lean-on-demand" not in search


def test_a_renamed_asset_fails_the_build_loudly(tmp_path):
    renamed = {"pygments.css", "sphinx_highlight.js"}
    app = project(tmp_path, renamed=renamed)
    warnings = other_warnings(app.warning.getvalue())
    named = {re.search(r"include '([^']+)'", line).group(1) for line in warnings
             if line.endswith("[lean_pages.asset_not_found]")}
    assert named == {"pygments.css", "sphinx_highlight.js"}, warnings
    assert len(warnings) == 2, warnings  # each once, not once a page
