"""`sphinx-work-history new`, then a strict build of every format: each one passes, and
shows the person's name."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from sphinx_work_history.cli.command import main
from sphinx_work_history.cli.scaffold import formats
from sphinx_work_history.testing import SOURCE_DATE_EPOCH, epubcheck, require_tool, sphinx_build

pytestmark = pytest.mark.slow
NAME = "Ada Lovelace"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new") / "cv"
    assert main(["new", str(folder), "--name", NAME]) == 0
    return folder


def make(project: Path, builder: str) -> Path:
    """``sphinx -M builder``, strictly (the project's Makefile's command); its output folder."""
    result = sphinx_build(project, project / "_build", builder, "-q", make_mode=True)
    assert result.stderr == "", result.stderr
    return project / "_build" / ("latex" if builder == "latexpdf" else builder)


def test_every_format_is_in_the_makefile(project: Path) -> None:
    line = next(line for line in (project / "Makefile").read_text().splitlines()
                if line.startswith("FORMATS"))
    assert line.split("=", 1)[1].split() == list(formats())


def test_html(project: Path) -> None:
    out = make(project, "html")
    assert f"<h1>{NAME}" in (out / "index.html").read_text()
    for page in ("work", "education", "skills"):
        assert (out / "pages" / f"{page}.html").exists()


def test_epub_passes_epubcheck(project: Path) -> None:
    require_tool("java")
    out = make(project, "epub")
    book, = out.glob("*.epub")
    assert book.name == "ada-lovelace-cv.epub"
    with zipfile.ZipFile(book) as epub:
        assert not [n for n in epub.namelist() if "genindex" in n]
    result = epubcheck(book)
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr, result.stdout


def test_latex_pdf_has_no_contents_or_index(project: Path) -> None:
    require_tool("lualatex")
    require_tool("latexmk")
    pdftotext = require_tool("pdftotext")
    out = make(project, "latexpdf")
    tex = (out / "ada-lovelace-cv.tex").read_text()
    assert "\\tableofcontents" not in tex
    assert "\\printindex" not in tex
    text = subprocess.run([pdftotext, str(out / "ada-lovelace-cv.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert NAME in text
    assert "Contents" not in text
    assert "Index" not in text


@pytest.mark.parametrize(("builder", "suffix"), [
    ("cv-docx", "docx"), ("cv-text", "txt"), ("cv-markdown", "md")])
def test_cv_files(project: Path, builder: str, suffix: str) -> None:
    out = make(project, builder)
    path = out / f"ada-lovelace-cv.{suffix}"
    assert path.exists()
    if suffix != "docx":
        assert NAME in path.read_text()


def test_cv_pdf(project: Path) -> None:
    out = make(project, "cv-pdf")
    assert list(out.glob("*.pdf"))


def test_a_plain_epub_build_keeps_its_doctrees_out_of_the_book(project: Path) -> None:
    """`sphinx-build -W -b epub . OUT`, with no -d: Sphinx keeps its doctrees in
    OUT/.doctrees, which conf.py leaves out of the book (the ePub builder would warn of
    each, so fail the strict build)."""
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "epub", ".",
                             "OUT"], cwd=project, capture_output=True, text=True, check=False,
                            env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert (result.returncode, result.stderr) == (0, "")
    assert (project / "OUT" / ".doctrees" / "environment.pickle").is_file()
    with zipfile.ZipFile(project / "OUT" / "ada-lovelace-cv.epub") as epub:
        names = epub.namelist()
    assert "index.xhtml" in names
    assert not [name for name in names if "doctree" in name or name.endswith(".pickle")]


def test_make_j_builds_formats_side_by_side(tmp_path: Path) -> None:
    """Two builds at once, each in its own doctrees: both pass, strictly."""
    make = require_tool("make")
    folder = tmp_path / "cv"
    assert main(["new", str(folder), "--name", NAME]) == 0
    result = subprocess.run(
        [make, "-j2", "html", "cv-text", f"SPHINXBUILD={sys.executable} -m sphinx",
         "STRICT=-W --keep-going -n -T -q"], cwd=folder, capture_output=True, text=True,
        check=False, env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert result.stderr == ""
    assert f"<h1>{NAME}" in (folder / "_build" / "html" / "index.html").read_text()
    assert NAME in (folder / "_build" / "cv-text" / "ada-lovelace-cv.txt").read_text()
    assert sorted(p.name for p in (folder / "_build").glob("doctrees*")) == [
        "doctrees-cv-text", "doctrees-html"]


def test_a_forced_project_builds_with_the_authors_pages(tmp_path: Path) -> None:
    """`new --force` twice over a folder with pages of the author's: every page is in the
    toctree, the backups are no pages, and the build is strict."""
    folder = tmp_path / "cv"
    for relative, text in {"index.md": "# Mine\n", "talks.md": "# Talks\n",
                           "pages/blog.md": "# Blog\n", "notes/README.md": "# Notes\n",
                           ".github/ISSUE.md": "# Not a page\n"}.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text)
    assert main(["new", str(folder), "--name", NAME, "--force"]) == 0
    assert main(["new", str(folder), "--name", "Ada King", "--force"]) == 0
    out = make(folder, "html")
    for page in ("talks", "pages/blog", "notes/README"):
        assert (out / f"{page}.html").exists()
    assert not (out / ".sphinx-work-history-backup").exists()


def test_hostile_names_build_as_written(tmp_path: Path) -> None:
    name = '"""; import os; os.system("touch PWNED") # [x](y) <b>'
    folder = tmp_path / "cv"
    assert main(["new", str(folder), "--name", name]) == 0
    text = (make(folder, "cv-text") / "import-os-os-system-touch-pwned-x-y-b-cv.txt").read_text()
    assert text.startswith(name + "\n")
    assert not list(tmp_path.rglob("PWNED"))


def test_make_livecv_rebuilds_the_pdf_on_a_save(tmp_path: Path) -> None:
    """The README's preview: `make livecv` writes the CV's PDF, and again, with the new
    words, when a page is saved; Ctrl-C stops it."""
    make, pdftotext = require_tool("make"), require_tool("pdftotext")
    folder = tmp_path / "cv"
    assert main(["new", str(folder), "--name", NAME]) == 0
    pdf = folder / "_build" / "cv-live" / "ada-lovelace-cv.pdf"
    live = subprocess.Popen(
        [make, "livecv", f"SPHINXBUILD={sys.executable} -m sphinx"], cwd=folder,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    try:
        def shows(words: str) -> bool:
            return pdf.is_file() and words in subprocess.run(
                [pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout

        def wait_for(words: str) -> None:
            deadline = time.monotonic() + 60
            while not shows(words):
                assert live.poll() is None, live.communicate()[0]
                assert time.monotonic() < deadline, f"no PDF showing {words!r}"
                time.sleep(0.2)

        wait_for(NAME)
        with (folder / "pages" / "work.md").open("a", encoding="utf-8") as page:
            page.write("\n:::{job} Analyst\n:org: Analytical Engines\n:start: 2021-03\n\n"
                       "Wrote the notes.\n:::\n")
        wait_for("Analytical Engines")
    finally:
        os.killpg(live.pid, signal.SIGINT)
        output = live.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
