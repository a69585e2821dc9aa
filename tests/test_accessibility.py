"""axe-core finds no WCAG 2.1 A/AA violation on any page, light or dark."""

from __future__ import annotations

import pytest

from browsing import html_pages
from sphinx_work_history.testing import require_module

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = node["failureSummary"].splitlines()[-1]
            lines.append(f"    {' '.join(node['target'])}: {summary}")
    return "\n".join(lines)


# Both themes on a desktop, and each again on a small and a common phone.
@pytest.mark.parametrize(("theme", "width"), [("light", 1280), ("dark", 1280), ("light", 320),
                                              ("dark", 390)])
def test_no_wcag_violations_on_any_page(site_html, open_page, theme, width):
    axe_api = require_module("axe_playwright_python.sync_playwright")
    axe = axe_api.Axe()
    found = {}
    for path in html_pages(site_html):
        visit = open_page(path, theme=theme, width=width, height=800 if width < 800 else 900)
        page = visit.page
        # Loaded (styles and images), with its fonts: what axe reads. (That no request
        # fails, even a late one, is test_browser's check.)
        page.evaluate("document.fonts.ready.then(() => true)")
        assert page.evaluate("document.body.dataset.theme") == theme
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA},
                                         "resultTypes": ["violations"]})
        violations = results.response["violations"]
        if violations:
            found[path] = describe(violations)
        visit.assert_clean()
    assert not found, "\n".join(f"{path}:\n{text}" for path, text in found.items())


def test_axe_reports_a_known_violation(browser, tmp_path):
    """The rule set is live: a page with low contrast and an unlabelled image fails."""
    from axe_playwright_python.sync_playwright import Axe

    from browsing import serve

    (tmp_path / "bad.html").write_text(
        "<!doctype html><html lang=en><title>bad</title><main>"
        "<p style='color:#777;background:#888'>faint</p><img src='data:,'></main>",
        encoding="utf-8")
    with serve(tmp_path) as url:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(url + "bad.html")
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        finally:
            context.close()
    assert {"color-contrast", "image-alt"} <= {v["id"] for v in results.response["violations"]}
