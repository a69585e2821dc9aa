"""``sphinx-work-history live``: the CV rebuilt in one process on each save, equal to a
clean build's, and kept as it was when a build fails."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

from sphinx_work_history.cli.command import main
from sphinx_work_history.cli.live import LiveBuild
from sphinx_work_history.testing import (
    SOURCE_DATE_EPOCH,
    line_of,
    require_tool,
    sphinx_build,
)

ROOTS = Path(__file__).resolve().parent / "roots"
PDF = "adascv.pdf"  # test-cv's project, "Ada's CV", as a file name


@pytest.fixture(autouse=True)
def _docutils_as_it_was():
    """LiveBuild makes a real Sphinx application, which registers its nodes, roles and
    directives in docutils for the whole process: the next test's application would
    find them there (sphinx.testing's applications undo theirs the same way)."""
    yield
    from sphinx.testing.util import _clean_up_global_state

    _clean_up_global_state()


def edit(page: Path, old: str, new: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")


def test_a_save_rebuilds_the_pdf_as_a_clean_build_and_a_failed_one_keeps_it(
        tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    srcdir = shutil.copytree(ROOTS / "test-cv", tmp_path / "src")
    out, said = tmp_path / "live", io.StringIO()
    live = LiveBuild(srcdir, out, overrides={"nitpicky": True}, strict=True, warning=said)
    assert live.build() == [out / PDF]
    first = (out / PDF).read_bytes()
    assert not live.changed()

    edit(srcdir / "index.md", "Ran the **replication** work", "Ran the **sharding** work")
    assert live.changed() == [srcdir / "index.md"]
    assert live.build() == [out / PDF]
    assert not live.changed()
    edited = (out / PDF).read_bytes()
    assert edited != first
    text = subprocess.run([require_tool("pdftotext"), str(out / PDF), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Ran the sharding work" in text
    assert "Ran the replication work" not in text
    sphinx_build(srcdir, tmp_path / "clean", "cv-pdf")
    assert edited == (tmp_path / "clean" / PDF).read_bytes()
    assert not list(out.glob(".*.part"))

    # A date no one can read: the warning names the page and line; the PDF stays.
    edit(srcdir / "index.md", ":start: 2019-04", ":start: 2019-13")
    assert live.build() is None
    line = line_of(srcdir / "index.md", ":::{job} Staff Engineer")
    terminal = strip_colors(said.getvalue())
    assert (f"index.md:{line}: WARNING: job Staff Engineer at Initech: :start: '2019-13' is "
            "not a calendar date") in terminal
    assert "the build failed (above); the last good CV stays" in terminal
    assert (out / PDF).read_bytes() == edited


def test_live_builds_cv_builders_only(tmp_path, capsys):
    srcdir = shutil.copytree(ROOTS / "test-cv", tmp_path / "src")
    assert main(["live", str(srcdir), str(tmp_path / "out"), "-b", "html", "--once"]) == 1
    said = capsys.readouterr().err
    assert "live builds a CV builder (cv-pdf, cv-docx, cv-text, cv-markdown), not 'html'" \
        in said
    assert "Traceback" not in said
