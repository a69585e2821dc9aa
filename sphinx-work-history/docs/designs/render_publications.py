"""The pictures of ``publications-from`` on the publications page (publications.md):
a page listing docs/examples/papers.bib, grouped by year, the example person's name
highlighted, in each style (``author-year``, ``numbered``), as the cv-pdf builder
prints it (page 1, ``pdftoppm -r 60``: ``publications-<style>-pdf.png``) and as the
html builder shows it with Furo, the docs' theme (Chromium, through Playwright:
``publications-<style>-html.png``).

Run it again when the directive or a design changes, and commit the pictures it
rewrites::

    python docs/designs/render_publications.py

It needs Debian's ``chromium`` (Playwright drives it; nothing is downloaded).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAPERS = HERE.parent / "examples" / "papers.bib"
STYLES = ("author-year", "numbered")

CONF = """\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Example Person"
author = copyright = "Example Person"
version = release = "1"
language = "en"
html_theme = "furo"
html_title = "Example Person"
work_history_today = "2026-12-01"
work_history_person = {"name": "Example Person", "email": "person@example.org",
                       "url": "https://example.org/"}
exclude_patterns = ["_build"]
"""

PAGE = """\
# Example Person

## Publications

:::{{publications-from}} papers.bib
:highlight: Example Person
:group: year
:style: {style}
:::
"""


def project(folder: Path, style: str) -> Path:
    """A one-page project listing the example papers in *style*."""
    source = folder / style
    source.mkdir()
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(PAGE.format(style=style), encoding="utf-8")
    shutil.copyfile(PAPERS, source / "papers.bib")
    return source


def sphinx(source: Path, builder: str) -> Path:
    out = source / "_build" / builder
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-n",
                    "-b", builder, str(source), str(out)], check=True)
    return out


def pdf_picture(pdf: Path, name: str) -> None:
    """Page 1 of *pdf*, its top half (where the list is), as ``<name>.png``."""
    target = HERE / name
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile",
                    "-H", "220", str(pdf), str(target)], check=True)


def html_picture(page: Path, name: str, browser: object) -> None:
    """The built *page*'s article, as ``<name>.png``: Chromium at 900×1000."""
    tab = browser.new_page(viewport={"width": 900, "height": 1000})  # type: ignore[attr-defined]
    tab.goto(page.as_uri())
    tab.wait_for_load_state("load")
    tab.locator("#furo-main-content").screenshot(path=str(HERE / f"{name}.png"))
    tab.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("render_publications.py needs Debian's chromium")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for style in STYLES:
            source = project(Path(folder), style)
            [pdf] = sphinx(source, "cv-pdf").glob("*.pdf")
            pdf_picture(pdf, f"publications-{style}-pdf")
            page = sphinx(source, "html") / "index.html"
            html_picture(page, f"publications-{style}-html", browser)
        browser.close()


if __name__ == "__main__":
    main()
