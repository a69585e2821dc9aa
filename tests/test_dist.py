"""`make dist`: the HTML, the PDF and the ePub in one folder, every link working.

The folder is what gets uploaded to a static host, so every local link and
asset in every page must resolve inside it, anchors included.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from site_testing import BOOK, CV_FILE_LABELS, PACKAGE_ROOTS, PROJECT, cv_pdfs
from sphinx_work_history.testing import SOURCE_DATE_EPOCH, copy_root, require_tool

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


# -- an application: built by `make cv`, never published -------------------------------

# Words of the letter of the package's test root (test-letters), which its CV lacks.
LETTER_WORDS = ("Babbage", "Dorset", "zebra", "Mathematics teacher")


def dist_text(path: Path) -> str:
    """What a reader of *path* reads: a PDF's text, every file of an ePub or a Word
    file, or the file itself."""
    if path.suffix == ".pdf":
        return subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
                              check=True, capture_output=True, text=True).stdout
    if path.suffix in (".epub", ".docx"):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace")
                             for name in archive.namelist())
    return path.read_bytes().decode("utf-8", "replace")


def test_make_dist_publishes_no_letter_nor_an_applications_cv(tmp_path):
    """`make dist` on a project with an application (the package's test-letters root,
    its one application "acme"): `make cv`'s folder holds the application's CV and
    letter beside the CVs, and the dist folder none of them, nor a word of the letter."""
    root = copy_root(PACKAGE_ROOTS / "test-letters", tmp_path / "src")
    for other in ("berlin", "cairo"):
        (root / "letters" / f"{other}.md").unlink()
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8")
    start = text.index("work_history_applications")
    conf.write_text(text[:start] + 'work_history_applications = {"acme": {"variant": '
                    '"teaching", "letter": "letters/acme"}}\n'
                    # What the ePub asks for, and its file name as the CV's.
                    'copyright = "2026, Ada Lovelace"\nversion = "1"\n'
                    'epub_basename = "ada"\n', encoding="utf-8")
    builddir = tmp_path / "build"
    result = subprocess.run(
        [require_tool("make"), "-C", str(PROJECT), "dist", f"SOURCEDIR={root}",
         f"BUILDDIR={builddir}", f"VENV={sys.prefix}", f"PYTHON={sys.executable}"],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, f"{result.stdout[-4000:]}\n{result.stderr[-3000:]}"
    made = sorted(p.name for p in (builddir / "cv").glob("*.pdf"))
    assert made == ["ada-cv-acme.pdf", "ada-letter-acme.pdf", "ada-teaching.pdf", "ada.pdf"]
    assert "Babbage" in dist_text(builddir / "cv" / "ada-letter-acme.pdf")
    dist = builddir / "dist"
    assert sorted(p.name for p in dist.glob("*.pdf")) == ["ada-teaching.pdf", "ada.pdf"]
    for path in dist.rglob("*"):
        if path.is_file():
            shown = dist_text(path)
            assert not [word for word in LETTER_WORDS if word in shown], path
    shutil.rmtree(builddir)
