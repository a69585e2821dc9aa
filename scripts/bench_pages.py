#!/usr/bin/env python3
"""Page weight and Lighthouse scores of the built site (`make bench`).

A benchmark, not a test: it prints numbers and ratios from this one run.
Each measure is taken --runs (5) times, alternating between what is
compared; the budget applies to the median, and the minimum, median and
maximum are printed.

1. Page weight: the home page loaded in Chromium (Playwright, Debian's
   ``chromium``) over a local server; every response is counted and
   gzipped. Budget: at most 22 KB gzip in at most 8 requests (plain
   Furo's count). Compared with the same text built by plain Sphinx +
   MyST + Furo in this run, and with the owner's original single page
   (5.6 KB in 1 request, the figure the project started from).
2. Lighthouse (npm, pinned in package.json) in mobile emulation, offline
   over loopback, on every page, the pages taken in turn each round:
   performance, accessibility, best practices and SEO, each budgeted
   at 100.

Exit status 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from local_server import QuietHandler, serve  # scripts/ is on sys.path when run
from sphinx_work_history.model.kinds import KINDS as ENTRY_KINDS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Response, Route

PROJECT = Path(__file__).resolve().parent.parent
SOURCE_DATE_EPOCH = "1795737600"  # 2026-11-27, as the tests use
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
BUDGET_BYTES, BUDGET_REQUESTS = 22 * 1024, 8
ORIGINAL = (5.6 * 1024, 1)  # the owner's original single page: 5.6 KB gzip in 1 request
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Failing audits accepted on purpose, with the reason printed beside them.
EXEMPT = {("search.html", "is-crawlable"):
          "Sphinx marks the search page noindex: a results page is not content to index"}

PLAIN_CONF = f'''\
import sys
sys.path.insert(0, {str(PROJECT / "_ext")!r})
project = "tef.computer"
author = copyright = "tef"
version = release = "2026"
language = "en"
# nested_includes only finds the files the reference page includes (as the site does).
extensions = ["myst_parser", "nested_includes"]
myst_enable_extensions = ["colon_fence", "attrs_block"]
html_theme = "furo"
html_title = "tef.computer"
# As the site: the package's pages are read only where the reference page includes them.
exclude_patterns = ["_build", "sphinx-work-history"]
'''


# -- building -------------------------------------------------------------------

def sphinx(src: Path, out: Path, *extra: str) -> None:
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", *extra, str(src), str(out)],
                   check=True, env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def site_pages() -> list[Path]:
    """The site's sources, and what its reference page includes: the package's
    documentation pages and the snippets they show."""
    package = PROJECT / "sphinx-work-history"
    return [PROJECT / "index.md", *sorted((PROJECT / "pages").glob("*.md")),
            *sorted((package / "docs").glob("*.md")),
            *sorted((package / "tests" / "snippets").glob("*.md"))]


DIRECTIVE = re.compile(r"^(?P<fence>:{3,}|`{3,})"
                       r"\{(?:work_history:)?(?P<name>" + "|".join(ENTRY_KINDS)
                       + r"|employer|work-history)\}\s*(?P<arg>.*)$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
# The extension's roles ({job}, {entry}, {resume-json}): plain Furo shows their text.
ROLE = re.compile(r"\{(?:work_history:)?(?:job|entry|resume-json)\}`([^`<]*?)\s*(?:<[^>]*>)?`")


def plain_markdown(text: str) -> str:
    """The page with the extension's markup turned into the words it shows."""
    out: list[str] = []
    lines = iter(text.splitlines())
    for line in lines:
        match = DIRECTIVE.match(line.strip())
        if not match:
            out.append(ROLE.sub(lambda m: m.group(1) or "a role", line))
            continue
        fields, body, in_options = {}, [], True
        for inner in lines:
            if inner.strip() == match["fence"]:
                break
            found = OPTION.match(inner.strip()) if in_options else None
            if found:
                fields[found["key"]] = found["value"]
                continue
            in_options = False
            body.append(inner)
        if match["name"] == "work-history":
            continue  # the summary table: plain Furo has none to show
        title = ", ".join(part for part in (match["arg"], fields.get("org", "")) if part)
        ends = (fields.get("start", ""), fields.get("end", ""))
        dates = " – ".join(part for part in ends if part)
        out += [f"**{title}**", "", dates, "", plain_markdown("\n".join(body))]
    return "\n".join(out) + "\n"


def build_plain_furo(work: Path) -> Path:
    src = work / "plain-src"
    for page in site_pages():
        target = src / page.relative_to(PROJECT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
    (src / "conf.py").write_text(PLAIN_CONF, encoding="utf-8")
    out = work / "plain-html"
    sphinx(src, out)
    return out


def build_site(work: Path) -> Path:
    out = work / "site-html"
    sphinx(PROJECT, out, "-d", str(work / "site-doctrees"))
    return out


# -- serving and measuring --------------------------------------------------------

class GzipHandler(QuietHandler):
    """Serves as the site's host does (Read the Docs compresses text): gzip
    when the browser accepts it, so Lighthouse's network model sees the
    real transfer sizes."""

    COMPRESSED = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in self.COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def page_weight(browser: Browser, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Requests and gzip bytes of one page load (scripts' own requests included)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    origin = urlsplit(url).netloc
    responses: list[Response] = []
    off_site: list[str] = []

    def route(route: Route) -> None:
        if urlsplit(route.request.url).netloc != origin:
            off_site.append(route.request.url)
            route.abort()
            return
        route.continue_()

    page.route("**/*", route)
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    sizes = []
    for response in responses:
        body = response.body() if response.status < 300 else b""
        sizes.append((urlsplit(response.url).path, len(gzip.compress(body, 9, mtime=0))))
    context.close()
    if off_site:
        raise SystemExit(f"the page asked for resources off the local server: {off_site}")
    return sum(size for _, size in sizes), sizes


Load = tuple[int, list[tuple[str, int]]]  # gzip bytes, and each response's path and size


def measure_weights(site: Path, plain: Path, runs: int) -> dict[str, list[Load]]:
    """*runs* loads of each home page, the site's and plain Furo's in turn."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[Load]] = {"site": [], "plain Furo": []}
    with sync_playwright() as playwright, serve(site, GzipHandler) as site_url, \
            serve(plain, GzipHandler) as plain_url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                for name, url in (("site", site_url), ("plain Furo", plain_url)):
                    results[name].append(page_weight(browser, url + "index.html"))
        finally:
            browser.close()
    return results


def lighthouse_once(binary: Path, url: str, work: Path) -> dict[str, Any]:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={work / 'lh-profile'}"])
    report = work / "lighthouse.json"
    subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
         f"--chrome-flags={flags}", "--disable-full-page-screenshot",
         "--max-wait-for-load=20000"],
        check=True, env=env, cwd=work)
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def lighthouse(site: Path, pages: list[str], work: Path, runs: int) -> dict[str, dict[str, Any]]:
    """Per page: each category's scores over *runs* rounds, and the audits costing points."""
    binary = PROJECT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (make bench does)")
    results: dict[str, dict[str, Any]] = {
        path: {"scores": {c: [] for c in CATEGORIES}, "failing": {}}
               for path in pages}
    with serve(site, GzipHandler) as url:
        for _ in range(runs):
            for path in pages:  # every page once a round, so drift hits them all
                data = lighthouse_once(binary, url + path, work)
                result = results[path]
                for category in CATEGORIES:
                    result["scores"][category].append(
                        round(100 * (data["categories"][category]["score"] or 0)))
                    # The audits that cost points: weighted in a category and not passed.
                    for ref in data["categories"][category]["auditRefs"]:
                        audit = data["audits"][ref["id"]]
                        if ref.get("weight", 0) > 0 and (audit.get("score") is not None
                                                         and audit["score"] < 1):
                            result["failing"].setdefault((category, ref["id"]), []).append(
                                audit["score"])
                for item in data["audits"]["errors-in-console"].get("details", {}).get("items", []):
                    source = item.get("sourceLocation", {}).get("url", "")
                    result["failing"].setdefault(
                        ("console", f"{item.get('description', '')[:120]} {source}"), []).append(0)
    return results


def spread(values: Sequence[float], unit: str = "") -> str:
    return "/".join(f"{v:g}{unit}" for v in (min(values), statistics.median(values), max(values)))


# -- report -------------------------------------------------------------------------

def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="page weight only")
    parser.add_argument("--runs", type=int, default=5, help="loads of each page (median)")
    parser.add_argument("--verbose", action="store_true", help="list every response")
    args = parser.parse_args()
    over = []
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        work = Path(tmp)
        site, plain = build_site(work), build_plain_furo(work)
        weights = measure_weights(site, plain, args.runs)
        median = {}
        print(f"Home page weight (gzip, every request of one load in Chromium; "
              f"min/median/max of {args.runs} loads)")
        for name in ("site", "plain Furo"):
            loads = weights[name]
            size = [total for total, _ in loads]
            count = [len(responses) for _, responses in loads]
            median[name] = (statistics.median(size), statistics.median(count))
            budget = (f"  (budget {kb(BUDGET_BYTES)} in {BUDGET_REQUESTS})" if name == "site"
                      else "")
            print(f"  {name + ':':<15} {spread([round(b / 1024, 1) for b in size], ' KB'):>22} in "
                  f"{spread(count)} requests{budget}")
        site_bytes, site_requests = median["site"]
        plain_bytes, plain_requests = median["plain Furo"]
        print(f"  ratio site/plain Furo: bytes {site_bytes / plain_bytes:.2f}x, "
              f"requests {site_requests / plain_requests:.2f}x")
        print(f"  owner's page:   {kb(ORIGINAL[0]):>9} in {ORIGINAL[1]} request   "
              f"ratio site/original: bytes {site_bytes / ORIGINAL[0]:.2f}x")
        if args.verbose:
            for path, response_bytes in weights["site"][0][1]:
                print(f"    {response_bytes:>7} B  {path or 'index.html'}")
        if site_bytes > BUDGET_BYTES or site_requests > BUDGET_REQUESTS:
            over.append("home page weight")
        if not args.no_lighthouse:
            pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                           if not p.relative_to(site).parts[0].startswith("_"))
            print(f"\nLighthouse, mobile emulation (performance / accessibility / best practices / "
                  f"SEO; median of {args.runs} rounds, budget 100 each; min/median/max where "
                  f"they differ)")
            for path, result in lighthouse(site, pages, work, args.runs).items():
                medians = {c: statistics.median(v) for c, v in result["scores"].items()}
                print(f"  {path:<31} " + " / ".join(f"{medians[c]:>3g}" for c in CATEGORIES))
                for category, values in result["scores"].items():
                    if min(values) != max(values):
                        print(f"    {category}: {spread(values)}")
                notes = []
                for (_category, audit), scores in result["failing"].items():
                    reason = EXEMPT.get((path, audit))
                    notes.append(f"{audit} {min(scores):.2f} in {len(scores)} of {args.runs}"
                                 + (f" (accepted: {reason})" if reason else ""))
                if notes:
                    print(f"    costing points: {', '.join(notes)}")
                # Under 100 is over budget unless every audit costing the points is accepted.
                for category, value in medians.items():
                    audits = [audit for cat, audit in result["failing"] if cat == category]
                    if value < 100 and not (audits and all((path, a) in EXEMPT for a in audits)):
                        over.append(f"Lighthouse {path} {category}")
    if over:
        print(f"\nOVER BUDGET: {', '.join(over)}")
        return 1
    print("\nAll within budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
