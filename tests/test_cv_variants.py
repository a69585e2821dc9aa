"""The owner's tailored CVs: `make cv` builds one PDF per variant of conf.py.

What each PDF should hold is read from the sources, not written here: a
variant's entries are those with any of its tags (conf.py), and an
``{only}`` block of the pages is in a PDF exactly when its condition holds
for that variant's tag (and its entry is chosen). The PDFs are read back
with pypdf, as a reader's copy-paste would.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sphinx.util.tags import Tags

from resume_checks import source_jobs
from site_config import pdf_name
from site_testing import BOOK, CONF, PROJECT, VARIANTS, squeeze
from sphinx_work_history.testing import SOURCE_DATE_EPOCH

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dist")]

NAMES = ["", *VARIANTS]  # "" is the full CV
# The variants of one page, and those that choose their entries by their tags.
ONE_PAGE = [name for name, spec in VARIANTS.items() if spec["pages"] == 1]
TAGGED = [name for name, spec in VARIANTS.items() if spec.get("tags")]


def build_cvs(builddir: Path) -> Path:
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "build_cv.py"), "--builddir", str(builddir)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    return builddir / "cv"


@pytest.fixture(scope="module")
def cv_dir(site_dist: Path) -> Path:
    """The PDFs `make dist` built (with scripts/build_cv.py, as `make cv`)."""
    return site_dist / "cv"


def pdf_path(cv_dir: Path, variant: str) -> Path:
    return cv_dir / pdf_name(BOOK, variant)


def pdf_text(cv_dir: Path, variant: str) -> str:
    return squeeze("\n".join(page.extract_text() for page in
                             PdfReader(pdf_path(cv_dir, variant)).pages))


# -- what the sources say each CV holds ---------------------------------------------

def chosen_orgs(variant: str) -> set[str]:
    jobs = [job for job in source_jobs() if job["file"] != "work-history-markup.md"]
    spec = VARIANTS.get(variant, {})
    assert set(spec) <= {"tags", "pages", "label"}, "this test reads tags only"
    wanted = {tag.casefold() for tag in spec.get("tags", [])}
    return {job["org"] for job in jobs
            if not wanted or wanted & {t.strip().casefold()
                                       for t in job.get("tags", "").split(",")}}


_FENCE = re.compile(r"^(?P<fence>:{3,}|`{3,}|~{3,})(?:\{(?P<name>[\w-]+)\}\s*(?P<arg>.*))?$")
_ROLE = re.compile(r"\{\w+\}`([^`<]*?)(?:\s*<[^`]*>)?`")


def _paragraph_in_only(stack: list[tuple[str, str, str]], org: str | None,
                       paragraph: list[str]) -> tuple[str, str | None, str] | None:
    """The paragraph, when the blocks it is in include an {only}: (condition, org, text)."""
    conditions = [arg for _, name, arg in stack if name == "only"]
    if not (paragraph and conditions):
        return None
    text = _ROLE.sub(r"\1", " ".join(paragraph))
    return " and ".join(f"({c})" for c in conditions), org, text


def only_blocks() -> list[tuple[str, str | None, str]]:
    """(condition, the organisation of the entry around it or None, a paragraph)
    for every paragraph of every {only} block in the pages."""
    found = []
    # The pages of the CV (not the markup reference, which is not in it).
    for path in (PROJECT / "index.md", *sorted((PROJECT / "pages").glob("*.md"))):
        if path.name == "work-history-markup.md":
            continue
        stack: list[tuple[str, str, str]] = []  # (fence, directive, argument)
        org = None
        paragraph: list[str] = []
        ends = []  # each paragraph as it ends: what it was in, and its lines
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _FENCE.match(line.strip())
            if match:
                ends.append(_paragraph_in_only(stack, org, paragraph))
                paragraph = []
                if match["name"]:
                    stack.append((match["fence"], match["name"], match["arg"].strip()))
                elif stack and stack[-1][0] == match["fence"] and stack.pop()[1] == "job":
                    org = None
                continue
            if stack and stack[-1][1] == "job" and line.startswith(":org:"):
                org = line.split(":", 2)[2].strip()
            if not line.strip() or line.startswith((":", "<!--", "#")) or (
                    stack and stack[-1][1] in ("toctree", "work-history")):
                ends.append(_paragraph_in_only(stack, org, paragraph))
                paragraph = []
                continue
            paragraph.append(line.strip())
        ends.append(_paragraph_in_only(stack, org, paragraph))
        found += [end for end in ends if end is not None]
    return found


def test_the_pages_have_only_blocks_to_check():
    blocks = only_blocks()
    assert len(blocks) >= 15
    assert any(org == "Heroku" for _, org, _ in blocks)
    assert any(org is None for _, org, _ in blocks)


# -- the PDFs ----------------------------------------------------------------------------

@pytest.mark.parametrize("variant", NAMES)
def test_each_pdf_is_within_its_page_budget(cv_dir, variant):
    budget = VARIANTS[variant]["pages"] if variant else CONF.work_history_pages
    assert 1 <= len(PdfReader(pdf_path(cv_dir, variant)).pages) <= budget


@pytest.mark.parametrize("variant", NAMES)
def test_each_pdf_holds_exactly_its_entries(cv_dir, variant):
    text = pdf_text(cv_dir, variant)
    chosen = chosen_orgs(variant)
    jobs = [job for job in source_jobs() if job["file"] != "work-history-markup.md"]
    for job in jobs:
        heading = f"{job['position']}, {job['org']}" if job["position"] else job["org"]
        assert (squeeze(heading) in text) == (job["org"] in chosen), (variant, heading)


@pytest.mark.parametrize("variant", NAMES)
def test_each_pdf_holds_exactly_its_only_blocks(cv_dir, variant):
    text = pdf_text(cv_dir, variant)
    # The cv-pdf builder sets its own tags too.
    tags = Tags(["cv", "format_cv", "builder_cv-pdf", *([variant] if variant else [])])
    chosen = chosen_orgs(variant)
    for condition, org, paragraph in only_blocks():
        shown = tags.eval_condition(condition) and (org is None or org in chosen)
        assert (squeeze(paragraph) in text) == shown, (variant, condition, paragraph[:60])


def test_conf_py_has_a_one_page_cv_and_two_that_choose_by_tags():
    """The tests below read these from conf.py: without them they would check nothing."""
    assert ONE_PAGE
    assert len(TAGGED) >= 2


@pytest.mark.parametrize("variant", ONE_PAGE)
def test_the_one_page_cv_names_every_organisation_and_has_the_contact(cv_dir, variant):
    (page,) = PdfReader(pdf_path(cv_dir, variant)).pages
    text = squeeze(page.extract_text())
    for job in source_jobs():
        if job["file"] != "work-history-markup.md":
            assert squeeze(job["org"]) in text
    assert text.startswith("tef")
    assert "tef@printf.net" in text
    assert "tef.computer" in text


@pytest.mark.parametrize(("one", "other"), list(itertools.combinations(TAGGED, 2)))
def test_the_cvs_chosen_by_tags_choose_differently(one, other):
    assert chosen_orgs(one) != chosen_orgs(other)
    assert len(chosen_orgs(one)) >= 2
    assert len(chosen_orgs(other)) >= 2


def test_the_pdfs_are_reproducible(cv_dir, tmp_path):
    again = build_cvs(tmp_path / "again")
    for variant in NAMES:
        first, second = pdf_path(cv_dir, variant), pdf_path(again, variant)
        assert hashlib.sha256(first.read_bytes()).hexdigest() == \
            hashlib.sha256(second.read_bytes()).hexdigest(), variant
