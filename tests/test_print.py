"""A page printed from the browser: Chromium's print to PDF on A4, read back
as the text a reader sees on paper (pypdf)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest

from sphinx_work_history.testing import require_module

# Its module fixtures build once: every test of the module on one worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("print")]

A4 = (595.3, 841.9)  # points
PRINTABLE_HEIGHT_PX = (297 - 2 * 16) / 25.4 * 96  # site.css: @page margins 16 mm top and bottom
PRINTABLE_WIDTH_PX = (210 - 2 * 17) / 25.4 * 96
PRINTED = ["index.html", "pages/work-history.html", "pages/writing.html"]

# What the screen shows around the page's own text.
NAVIGATION = """() => {
  const own = document.querySelector("article[role=main]").innerText;
  const lines = [];
  for (const el of document.querySelectorAll(
      ".sidebar-drawer, .toc-drawer, .mobile-header, .related-pages, footer, .back-to-top, " +
      ".skip-to-content, .content-icon-container"))
    for (const line of el.innerText.split("\\n"))
      if (line.trim() && !own.includes(line.trim())) lines.push(line.trim());
  return [...new Set(lines)];
}"""

# Each entry's (and each summary row's) opening and closing words, and its
# height as printed.
ENTRIES = """() => [...document.querySelectorAll("article.wh-job, table.wh-summary tbody tr")]
  .map(el => { const words = el.innerText.split(/\\s+/).filter(Boolean);
               return {first: words.slice(0, 5).join(" "), last: words.slice(-5).join(" "),
                       height: el.getBoundingClientRect().height}; })"""

EXTERNAL_LINKS = """() => [...document.querySelectorAll("article[role=main] a[href^='http']")]
  .map(a => a.getAttribute("href"))"""


@dataclass
class Printed:
    sheets: list[str]  # each printed page's text
    sizes: list[tuple[float, float]]  # each printed page's size, in points
    navigation: list[str]  # lines the screen shows around the page's own text
    entries: list[dict]  # each entry's first and last words, and its printed height
    links: list[str]  # the addresses the page's text links to


def squeeze(text: str) -> str:
    """Text without whitespace: where lines break differs between screen and paper."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(browser, site_url):
    """path -> what it printed, and what its screen showed around its text."""
    pypdf = require_module("pypdf")
    results = {}
    context = browser.new_context(viewport={"width": round(PRINTABLE_WIDTH_PX), "height": 900})
    try:
        page = context.new_page()
        for path in PRINTED:
            page.goto(site_url + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            navigation = page.evaluate(NAVIGATION)
            page.emulate_media(media="print")
            entries, links = page.evaluate(ENTRIES), page.evaluate(EXTERNAL_LINKS)
            # As a reader prints it: A4 chosen, margins and page size as the site's CSS says.
            pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
            page.emulate_media(media="screen")
            results[path] = Printed([sheet.extract_text() for sheet in pdf.pages],
                                    [(float(sheet.mediabox.width), float(sheet.mediabox.height))
                                     for sheet in pdf.pages], navigation, entries, links)
    finally:
        context.close()
    return results


@pytest.mark.parametrize("path", PRINTED)
def test_printed_on_a4(printed, path):
    for size in printed[path].sizes:
        assert size == pytest.approx(A4, abs=1), f"{path}: a page of {size} pt is not A4"


@pytest.mark.parametrize("path", PRINTED)
def test_printed_page_has_no_navigation(printed, path):
    navigation = printed[path].navigation
    paper = squeeze(" ".join(printed[path].sheets))
    # Furo's navigation was found (the site's name is the home page's own text too,
    # in its contact block: so the skip link, which every page has).
    assert "Skip to content" in navigation
    shown = [line for line in navigation if squeeze(line) in paper]
    assert not shown, f"{path} prints its navigation: {shown}"


@pytest.mark.parametrize("path", ["index.html", "pages/work-history.html"])
def test_printed_entries_are_not_split_across_pages(printed, path):
    sheets, entries = printed[path].sheets, printed[path].entries
    assert entries, f"{path} has no entries"
    squeezed = [squeeze(sheet) for sheet in sheets]
    for entry in entries:
        if entry["height"] >= PRINTABLE_HEIGHT_PX:
            continue  # longer than a page: it has to break
        first = [n for n, sheet in enumerate(squeezed) if squeeze(entry["first"]) in sheet]
        last = [n for n, sheet in enumerate(squeezed) if squeeze(entry["last"]) in sheet]
        assert first, f"{path}: {entry['first']!r} is not on paper"
        assert set(first) & set(last), \
            f"{path}: the entry {entry['first']!r}...{entry['last']!r} is split over pages"
    if path == "pages/work-history.html":
        assert len(sheets) > 1  # the check above had pages to split across


@pytest.mark.parametrize("path", PRINTED)
def test_printed_links_show_where_they_go(printed, path):
    sheets, links = printed[path].sheets, printed[path].links
    if path != "pages/work-history.html":  # its entries name no organisation's site
        assert links, f"{path} has no web links to check"
    paper = squeeze(" ".join(sheets))
    for href in links:
        assert squeeze(f"<{href}>") in paper, \
            f"{path}: the link to {href} prints without its address"
