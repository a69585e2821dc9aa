"""Parallel and incremental builds give what a serial clean build gives."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bs4 import BeautifulSoup

from sphinx_work_history.testing import (
    build,
    copy_root,
    sphinx_build,
    work_history_warnings,
)

ROOTS = Path(__file__).resolve().parent / "roots"



def html_pages(outdir: Path) -> dict[str, str]:
    return {str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
            for p in sorted(outdir.rglob("*.html"))}


def summary_orgs(outdir: Path, page: str = "index.html") -> list[str]:
    table = BeautifulSoup((outdir / page).read_text(encoding="utf-8"),
                          "html.parser").select_one("table.wh-summary")
    return [tr.select("td")[1].get_text() for tr in table.select("tbody tr")]


def serial_and_parallel(root: Path, tmp_path: Path) -> tuple[tuple[str, Path], ...]:
    """(warnings, output) of a serial and of a ``-j 2`` build of *root*."""
    builds = []
    for name, args in (("serial", ()), ("parallel", ("-j", "2"))):
        outdir = tmp_path / name / "_build"
        result = sphinx_build(copy_root(root, tmp_path / name), outdir, "html", "-q", *args,
                              strict=False, must_pass=True)
        builds.append((result.stderr, outdir))
    return tuple(builds)


def test_parallel_build_equals_serial(tmp_path):
    (serial_warnings, serial), (parallel_warnings, parallel) = serial_and_parallel(
        ROOTS / "test-history", tmp_path)
    assert parallel_warnings == serial_warnings == ""
    assert html_pages(parallel) == html_pages(serial)


def test_parallel_warnings_equal_serial(tmp_path):
    """Duplicates across documents are found the same whatever the read order."""
    builds = serial_and_parallel(ROOTS / "test-warnings", tmp_path)
    found = [sorted(work_history_warnings(warnings)) for warnings, _ in builds]
    assert found[0] == found[1]
    assert any(w.subtype == "duplicate_name" and w.file == "other.md" for w in found[0])


def _touch_later(path: Path, text: str) -> None:
    # Sphinx compares modification times: make sure the edit is seen as newer.
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def summary_roles(outdir: Path, page: str) -> list[str]:
    table = BeautifulSoup((outdir / page).read_text(encoding="utf-8"),
                          "html.parser").select_one("table.wh-summary")
    return [tr.select("td")[0].get_text() for tr in table.select("tbody tr")]


def test_incremental_summary_follows_an_edit_on_another_page(tmp_path):
    srcdir = copy_root(ROOTS / "test-history", tmp_path / "site")
    first = build(srcdir)
    assert summary_roles(first.outdir, "more.html") == ["Staff Engineer", "Engineer"]

    recent = srcdir / "recent.md"
    _touch_later(recent, recent.read_text(encoding="utf-8").replace(
        ":::{job} Staff Engineer", ":::{job} Principal Engineer"))
    second = build(srcdir)
    assert "0 added, 1 changed, 0 removed" in second.status.getvalue()
    assert second.warning.getvalue() == ""
    # more.md was not read again, but its page was written again with the change.
    assert summary_roles(second.outdir, "more.html") == ["Principal Engineer", "Engineer"]
    assert summary_roles(second.outdir, "index.html")[0] == "Principal Engineer"


def test_incremental_body_edit_leaves_summary_pages_alone(tmp_path):
    """Only what a summary shows makes its page be written again."""
    srcdir = copy_root(ROOTS / "test-history", tmp_path / "site")
    first = build(srcdir)
    written = (first.outdir / "more.html").stat().st_mtime_ns
    recent = srcdir / "recent.md"
    _touch_later(recent, recent.read_text(encoding="utf-8").replace(
        "Moved the catalogue to Aurora.", "Moved the product catalogue to Aurora."))
    second = build(srcdir)
    assert "the product catalogue" in (second.outdir / "recent.html").read_text(encoding="utf-8")
    assert (second.outdir / "more.html").stat().st_mtime_ns == written


def test_incremental_renamed_target_is_reported_where_it_is_used(tmp_path):
    srcdir = copy_root(ROOTS / "test-history", tmp_path / "site")
    build(srcdir)
    recent = srcdir / "recent.md"
    _touch_later(recent, recent.read_text(encoding="utf-8").replace(":org: Lyst", ":org: Lyst Ltd"))
    second = build(srcdir)
    [warning] = work_history_warnings(second.warning.getvalue())
    assert (warning.file, warning.subtype) == ("index.md", "unknown_ref")
    assert "Lyst Ltd" in summary_orgs(second.outdir)


def test_incremental_removed_page_leaves_the_summary(tmp_path):
    srcdir = copy_root(ROOTS / "test-history", tmp_path / "site")
    build(srcdir)
    (srcdir / "education.md").unlink()
    index = srcdir / "index.md"
    _touch_later(index, index.read_text(encoding="utf-8").replace("education\n", ""))
    second = build(srcdir)
    assert "0 added, 1 changed, 1 removed" in second.status.getvalue()
    assert "Code Club" not in summary_orgs(second.outdir)


def test_incremental_new_entry_reaches_a_summary_page_not_reread(tmp_path):
    srcdir = copy_root(ROOTS / "test-history", tmp_path / "site")
    build(srcdir)
    recent = srcdir / "recent.md"
    _touch_later(recent, recent.read_text(encoding="utf-8") + (
        "\n:::{job} Principal Engineer\n:org: Newest Co\n:start: 2025-01\n:::\n"))
    second = build(srcdir)
    assert "0 added, 1 changed, 0 removed" in second.status.getvalue()
    assert summary_orgs(second.outdir, "more.html") == ["Newest Co", "Nowco"]


def test_incremental_duplicate_is_reported_again_when_its_page_changes(tmp_path):
    srcdir = copy_root(ROOTS / "test-history", tmp_path / "site")
    build(srcdir)
    early = srcdir / "early.md"
    _touch_later(early, early.read_text(encoding="utf-8") + (
        "\n:::{job} Copy\n:org: Lyst\n:start: 2018\n:::\n"))
    second = build(srcdir)
    [warning] = work_history_warnings(second.warning.getvalue())
    # "early" sorts before "recent": the first holder by document is early's copy.
    assert (warning.file, warning.subtype) == ("recent.md", "duplicate_name")
