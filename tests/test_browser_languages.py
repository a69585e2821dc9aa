"""A right-to-left CV as a visitor sees it, in Chromium: each entry runs right to left,
its rule on the right."""

from __future__ import annotations

import pytest

from local_server import serve
from site_testing import PROJECT
from sphinx_work_history.testing import sphinx_build

pytestmark = pytest.mark.browser

ROOT = PROJECT / "sphinx-work-history" / "tests" / "roots" / "test-languages"


def test_a_hebrew_entry_is_laid_out_right_to_left(browser, tmp_path):
    out = tmp_path / "html"
    sphinx_build(ROOT, out, "html", "-q", "-D", "language=he", "-D", "html_theme=furo",
                 doctrees=tmp_path / "doctrees")
    with serve(out) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(f"{url}/index.html")
            job = page.locator("article.wh-job").first
            style = job.evaluate("a => { const s = getComputedStyle(a); return [s.direction, "
                                 "s.borderRightWidth, s.borderLeftWidth]; }")
            assert style == ["rtl", "3px", "0px"]
            box = job.bounding_box()
            title = job.locator(".wh-position").bounding_box()
            # The position starts at the right, beside the rule, not at the left.
            assert box["x"] + box["width"] - (title["x"] + title["width"]) < 40
            assert title["x"] - box["x"] > 40
        finally:
            page.close()
