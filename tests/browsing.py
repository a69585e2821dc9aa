"""A real browser over the built site: one server, one Chromium per session.

Loaded by conftest.py as a pytest plugin. Debian's ``chromium`` is driven
by Playwright (never ``playwright install``). Every request a page makes
must go to the local server: anything else is aborted *and* recorded as a
problem, so an asset fetched from a CDN cannot hide behind a passing test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from local_server import serve
from sphinx_work_history.testing import require_module, require_tool

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=require_tool("chromium"),
                                      headless=True, args=CHROMIUM_ARGS)


def html_pages(site: Path) -> list[str]:
    """Every page of the site, as paths relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).parts[0].startswith("_"))


@dataclass
class Visit:
    """A page open in the browser, and everything that went wrong loading it."""

    page: object
    problems: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def watch(page, base_url: str) -> Visit:
    """Record console errors, script errors, failed and off-site requests."""
    visit = Visit(page)
    origin = urlsplit(base_url).netloc

    def route(route):
        url = route.request.url
        if urlsplit(url).netloc != origin:
            visit.problems.append(f"request off the local server: {url}")
            return route.abort()
        return route.continue_()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and visit.problems.append(
        f"console error: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: visit.problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: visit.problems.append(
        f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and visit.problems.append(
        f"HTTP {r.status}: {r.url}"))
    return visit


@pytest.fixture(scope="session")
def site_url(site_html) -> Iterator[str]:
    with serve(site_html) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    playwright_api = require_module("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, site_url):
    """``open_page(path, width=1280, theme=None)`` -> a `Visit`, loaded.

    Each call gets a page of its own (a tab, with its own listeners); the calls of one
    test with the same screen and theme share a browser context (storage and cache), as
    one reader's visits do, and no other test's: a context is a new renderer process,
    three times the cost of the page. *theme* ("light"/"dark") is stored where Furo
    keeps it before the page loads.
    """
    contexts = {}

    def open_(path: str = "", *, width: int = 1280, height: int = 900,
              theme: str | None = None, base: str | None = None) -> Visit:
        base = base or site_url
        key = (width, height, theme)
        if key not in contexts:
            context = browser.new_context(viewport={"width": width, "height": height})
            context.set_default_timeout(15_000)
            if theme:
                context.add_init_script(f"localStorage.setItem('theme', {theme!r})")
            contexts[key] = context
        page = contexts[key].new_page()
        visit = watch(page, base)
        page.goto(base + path, wait_until="load")
        return visit

    yield open_
    for context in contexts.values():
        context.close()
