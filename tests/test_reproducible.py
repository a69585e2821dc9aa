"""Two clean builds with SOURCE_DATE_EPOCH fixed are byte-identical, serial or -j 2."""

from __future__ import annotations

import hashlib
from pathlib import Path
from zipfile import ZipFile

import pytest

from site_testing import BOOK, VARIANTS, build_site

pytestmark = pytest.mark.slow


def tree(root: Path) -> dict[str, str]:
    """Every file under *root* (build bookkeeping included) with its digest."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def assert_same_tree(a: Path, b: Path) -> None:
    left, right = tree(a), tree(b)
    assert left.keys() == right.keys(), sorted(left.keys() ^ right.keys())
    differ = sorted(name for name in left if left[name] != right[name])
    assert not differ, f"{a.name} and {b.name} differ in: {differ}"


@pytest.mark.parametrize("builder", ["html", "epub"])
def test_clean_builds_are_identical_and_parallel_matches_serial(builder, tmp_path):
    # Two clean builds, each in a process of its own (its own hash seed), one serial
    # and one on two processes: the same bytes show both facts.
    first, parallel = tmp_path / "first", tmp_path / "parallel"
    build_site(builder, first)
    build_site(builder, parallel, "-j", "2")
    assert len(tree(first)) > 20
    assert_same_tree(first, parallel)
    if builder == "epub":
        (epub,) = first.glob("*.epub")
        with ZipFile(epub) as archive:
            names = archive.namelist()
            # Still a valid ePub container: mimetype first and stored.
            assert names[0] == "mimetype"
            assert archive.getinfo("mimetype").compress_type == 0
            assert {info.date_time for info in archive.infolist()} == {(2026, 11, 27, 0, 0, 0)}


@pytest.mark.parametrize("builder", ["cv-docx", "cv-text", "cv-markdown"])
def test_cv_files_are_identical_serial_or_parallel(builder, tmp_path):
    first, parallel = tmp_path / "first", tmp_path / "parallel"
    build_site(builder, first)
    build_site(builder, parallel, "-j", "2")
    (cv,) = first.glob(f"{BOOK}.*")
    assert cv.read_bytes() == (parallel / cv.name).read_bytes()
    if builder == "cv-docx":
        with ZipFile(cv) as archive:
            assert {info.date_time for info in archive.infolist()} == {(2026, 11, 27, 0, 0, 0)}
def test_a_variant_builds_identically(tmp_path):
    """A variant's build (entries left out, {only} blocks chosen) is as reproducible."""
    # The first of conf.py's variants that chooses its entries by their tags.
    variant = next(name for name, spec in VARIANTS.items() if spec.get("tags"))
    first, second = tmp_path / "first", tmp_path / "second"
    for outdir in (first, second):
        build_site("html", outdir, "-D", f"work_history_variant={variant}")
    assert len(tree(first)) > 20
    assert_same_tree(first, second)
    # It is the variant: a role it leaves out is not on the page.
    assert "Code Club" not in (first / "pages" / "work-history.html").read_text(encoding="utf-8")
