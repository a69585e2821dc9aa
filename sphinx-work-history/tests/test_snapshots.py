"""Doctree snapshots of the snippets the documentation shows (docs/directives.md;
test_docs.py checks that each is shown there, beside its source).

Each file in tests/snippets/ is one page of a small project; the resolved
doctree of each page (pseudo-XML) must equal tests/snapshots/<name>.xml.
After a deliberate change, rewrite them with

    UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py

which fails, so that a person reviews the diff before the tests pass again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_work_history.testing import build, check_snapshot

TESTS = Path(__file__).resolve().parent
SNIPPETS = sorted((TESTS / "snippets").glob("*.md"))
SNAPSHOTS = TESTS / "snapshots"

CONF = '''\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "snippets"
work_history_today = "2026-11-27"
'''


@pytest.fixture(scope="module")
def pseudoxml(tmp_path_factory) -> Path:
    srcdir = tmp_path_factory.mktemp("snippets")
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    toctree = "\n".join(p.stem for p in SNIPPETS)
    (srcdir / "index.md").write_text(f"# Snippets\n\n```{{toctree}}\n{toctree}\n```\n",
                                     encoding="utf-8")
    for snippet in SNIPPETS:
        (srcdir / snippet.name).write_text(f"# {snippet.stem}\n\n" + snippet.read_text(
            encoding="utf-8"), encoding="utf-8")
    app = build(srcdir, "pseudoxml")
    assert app.warning.getvalue() == ""
    return app.outdir


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[p.stem for p in SNIPPETS])
def test_snippet_doctree(pseudoxml, snippet):
    got = (pseudoxml / f"{snippet.stem}.pseudoxml").read_text(encoding="utf-8")
    got = got.replace(str(pseudoxml.parent.parent), "<srcdir>")
    # docutils 0.22 writes a boolean attribute as 1 or 0, older ones as True or False.
    got = re.sub(r'(\w+)="(True|False)"', lambda m: f'{m[1]}="{int(m[2] == "True")}"', got)
    check_snapshot(SNAPSHOTS / f"{snippet.stem}.xml", got)

