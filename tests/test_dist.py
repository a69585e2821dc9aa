"""`make dist`: the HTML, the PDF and the ePub in one folder, every link working.

The folder is what gets uploaded to a static host, so every local link and
asset in every page must resolve inside it, anchors included.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from site_testing import BOOK, CV_FILE_LABELS, cv_pdfs

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dist")]


@pytest.fixture(scope="module")
def dist(site_dist: Path) -> Path:
    return site_dist / "dist"


# The full CV's PDF and each variant's (conf.py's), the ePub, and the CV as
# Word, text and Markdown: every one named after conf.py's BOOK_NAME.
CV_FILES = (*cv_pdfs(), f"{BOOK}.epub", *(f"{BOOK}.{ext}" for ext in CV_FILE_LABELS))


def test_dist_holds_site_and_every_format_of_the_cv(dist):
    for name in ("index.html", "pages/work-history.html", "404.html", *CV_FILES):
        assert (dist / name).is_file(), name
    # Each PDF within its budget (the cv-pdf build enforces it; this checks the result).
    for name, budget in cv_pdfs().items():
        assert 1 <= len(PdfReader(dist / name).pages) <= budget, name


def local_targets(page: Path, root: Path):
    """(tag, href, file, fragment) for every same-site link and asset in a page."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find_all(["a", "link", "script", "img"]):
        ref = tag.get("href") or tag.get("src")
        if not ref:
            continue
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc:
            continue  # another site, or mailto:
        if parts.path.startswith("/"):
            target = root / unquote(parts.path.lstrip("/"))  # the 404 page's absolute links
        elif parts.path:
            target = page.parent / unquote(parts.path)
        else:
            target = page
        yield tag.name, ref, target.resolve(), parts.fragment


def ids_of(page: Path) -> set[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return {tag["id"] for tag in soup.find_all(id=True)}


def test_every_local_link_in_dist_resolves(dist):
    pages = sorted(dist.rglob("*.html"))
    assert len(pages) >= 5
    broken = []
    checked = 0
    for page in pages:
        for tag, ref, target, fragment in local_targets(page, dist):
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(dist)}: <{tag}> {ref} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{page.relative_to(dist)}: <{tag}> {ref} (no #{fragment})")
    assert checked > 50
    assert not broken, "\n".join(broken)


def test_every_page_links_every_format_of_the_cv_beside_it(dist):
    for page in ("index.html", "pages/work-history.html", "pages/writing.html"):
        soup = BeautifulSoup((dist / page).read_text(encoding="utf-8"), "html.parser")
        targets = {(dist / page).parent.joinpath(a["href"]).resolve()
                   for a in soup.select(".site-downloads a")}
        assert targets == {(dist / name).resolve() for name in CV_FILES}


def test_the_link_checker_finds_a_broken_link(tmp_path):
    """The check above can fail: a page linking a missing file is reported."""
    (tmp_path / "index.html").write_text('<a href="missing.pdf">x</a><a href="#nowhere">y</a>')
    found = list(local_targets(tmp_path / "index.html", tmp_path))
    assert not found[0][2].is_file()
    assert found[1][3] not in ids_of(tmp_path / "index.html")
