"""The site as a visitor sees it, in Debian's Chromium over a local server."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from browsing import html_pages
from conftest import PROJECT, SOURCE_DATE_EPOCH

pytestmark = pytest.mark.browser


def test_every_page_loads_without_errors(site_html, open_page):
    pages = html_pages(site_html)
    assert {"index.html", "pages/work-history.html", "pages/writing.html", "search.html"} <= set(pages)
    for path in pages:
        visit = open_page(path)
        visit.page.wait_for_load_state("networkidle")
        visit.assert_clean()
        assert visit.page.title(), f"{path} has no title"
        assert visit.page.locator('meta[name="description"]').get_attribute("content")


def test_home_page_loads_only_what_it_uses(open_page):
    """lean_pages: no search or code-highlighting assets outside the pages that use them."""
    visit = open_page("index.html")
    visit.page.wait_for_load_state("networkidle")
    loaded = visit.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    names = {url.split("?")[0].rsplit("/", 1)[-1] for url in loaded}
    assert names == {"furo.css", "furo.js", "site.css", "print.css", "work_history.css"}, names
    visit.assert_clean()


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[float, ...], bg: tuple[float, ...]) -> float:
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def rgb(css_colour: str) -> tuple[float, ...]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css_colour)]
    assert len(numbers) >= 3 and (len(numbers) == 3 or numbers[3] == 1), \
        f"not an opaque colour: {css_colour}"
    return tuple(numbers[:3])


ENTRY_COLOURS = """() => {
  const bg = getComputedStyle(document.body).backgroundColor;
  return [...document.querySelectorAll(
      '.wh-job .wh-position, .wh-job .wh-org, .wh-job .wh-job-meta, .wh-job .wh-job-body p')]
    .map(el => [el.className || el.tagName, getComputedStyle(el).color, bg]);
}"""


def test_theme_toggle_switches_and_entries_stay_legible(open_page):
    visit = open_page("pages/work-history.html")
    page = visit.page
    backgrounds = {}
    # Furo cycles auto -> dark -> light (when the system prefers light).
    for _ in range(3):
        page.locator(".content .theme-toggle").click()
        theme = page.evaluate("document.body.dataset.theme")
        assert page.evaluate("localStorage.getItem('theme')") == theme
        backgrounds[theme] = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
        if theme in ("light", "dark"):
            colours = page.evaluate(ENTRY_COLOURS)
            assert len(colours) > 8
            for what, fg, bg in colours:
                ratio = contrast(rgb(fg), rgb(bg))
                assert ratio >= 4.5, f"{theme}: {what} {fg} on {bg} is {ratio:.2f}:1"
    assert {"light", "dark", "auto"} <= set(backgrounds)
    assert luminance(backgrounds["dark"]) < 0.1 < 0.8 < luminance(backgrounds["light"])
    # A reload keeps the reader's choice.
    page.reload()
    assert page.evaluate("document.body.dataset.theme") == theme
    visit.assert_clean()


@pytest.mark.parametrize("path", ["index.html", "pages/work-history.html", "pages/writing.html",
                                  "search.html"])
def test_phone_width_has_no_sideways_scroll_and_the_menu_opens(open_page, path):
    visit = open_page(path, width=375, height=740)
    page = visit.page
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{path} scrolls sideways at 375 px: {widths}"
    target, heading = (("pages/work-history.html", "Abridged Work History") if path.endswith("writing.html")
                       else ("pages/writing.html", "Writing and talks"))
    nav_link = page.locator(".sidebar-drawer a", has_text=heading).first
    drawer = page.locator(".sidebar-drawer")
    closed = drawer.bounding_box()
    assert closed["x"] + closed["width"] <= 0, f"the menu is open before a tap: {closed}"
    page.locator(".mobile-header .nav-overlay-icon").click()
    page.wait_for_function("document.querySelector('.sidebar-drawer')"
                           ".getBoundingClientRect().left >= 0")
    box = nav_link.bounding_box()
    assert box and 0 <= box["x"] < 375, f"menu link is off screen: {box}"
    nav_link.click()
    page.wait_for_url("**/" + target)
    assert page.locator("h1").first.inner_text().startswith(heading)
    visit.assert_clean()


def test_search_finds_heroku(open_page):
    visit = open_page("search.html?q=Heroku")
    page = visit.page
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(state="visible", timeout=15_000)
    # Search is done when it says so, and has fetched each result page for its excerpt
    # (a click before that aborts those fetches).
    page.locator(".search-summary", has_text="Search finished").wait_for()
    page.wait_for_load_state("networkidle")
    hits = results.all_inner_texts()
    assert any("Work History" in hit for hit in hits), hits
    assert "Heroku" in " ".join(hits)
    page.locator("#search-results ul.search li a").first.click()
    page.wait_for_load_state("load")
    assert "pages/work-history.html" in page.url
    visit.assert_clean()


def test_the_watch_catches_off_site_requests_and_script_errors(browser, tmp_path):
    """The guard every browser test relies on really fails a page."""
    from browsing import serve, watch

    (tmp_path / "bad.html").write_text(
        "<!doctype html><title>bad</title>"
        "<img src='https://example.invalid/x.png' alt=''>"
        "<link rel=stylesheet href='missing.css'>"
        "<script>console.error('boom'); undefinedFunction();</script>", encoding="utf-8")
    with serve(tmp_path) as url:
        context = browser.new_context()
        try:
            visit = watch(context.new_page(), url)
            visit.page.goto(url + "bad.html", wait_until="load")
            visit.page.wait_for_load_state("networkidle")
        finally:
            context.close()
    problems = "\n".join(visit.problems)
    assert "off the local server: https://example.invalid/x.png" in problems
    assert "HTTP 404" in problems and "missing.css" in problems
    assert "console error: boom" in problems
    assert "undefinedFunction" in problems
    with pytest.raises(AssertionError):
        visit.assert_clean()


def _dist_target() -> bool:
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    return re.search(r"^dist\s*:", makefile, re.MULTILINE) is not None


@pytest.mark.slow
@pytest.mark.skipif(not _dist_target(),
                    reason="NOT DONE: the Makefile has no `dist` target yet (the publishing work "
                           "adds it); this test runs as soon as it does")
def test_download_links_resolve_in_make_dist(browser, tmp_path):
    build = tmp_path / "build"
    result = subprocess.run(
        ["make", "dist", f"BUILDDIR={build}", f"VENV={sys.prefix}", f"PYTHON={sys.executable}"],
        cwd=PROJECT, capture_output=True, text=True, env={**os.environ,
                                                           "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
        check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    dists = [p.parent for p in build.rglob("index.html") if any(p.parent.glob("*.pdf"))]
    assert len(dists) == 1, f"no single folder with index.html and a PDF under {build}"
    from browsing import serve, watch

    with serve(dists[0]) as url:
        context = browser.new_context(accept_downloads=True)
        try:
            visit = watch(context.new_page(), url)
            hrefs = {".pdf": set(), ".epub": set(), ".docx": set(), ".txt": set(), ".md": set()}
            for path in html_pages(dists[0]):
                visit.page.goto(url + path, wait_until="load")
                for suffix in hrefs:
                    hrefs[suffix] |= set(visit.page.eval_on_selector_all(
                        f'a[href$="{suffix}"]', "links => links.map(a => a.href)"))
            links = {}
            for suffix, magic in ((".pdf", b"%PDF-"), (".epub", b"PK\x03\x04"),
                                  (".docx", b"PK\x03\x04"), (".txt", b"tef\n==="),
                                  (".md", b"# tef\n")):
                assert hrefs[suffix], f"no page of the site links to a {suffix} file"
                for href in hrefs[suffix]:
                    response = context.request.get(href)
                    assert response.status == 200, f"{href}: HTTP {response.status}"
                    assert response.body().startswith(magic), f"{href} is not a {suffix} file"
                    links[href] = (suffix, len(response.body()))
            visit.assert_clean()
        finally:
            context.close()
    # Whole files: a CV as text is smaller than one in a binary format.
    smallest = {".pdf": 10_000, ".epub": 10_000, ".docx": 10_000, ".txt": 2_000, ".md": 2_000}
    assert all(size > smallest[suffix] for suffix, size in links.values()), links
