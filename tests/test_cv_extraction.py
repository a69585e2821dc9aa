"""Every format of the CV reads cleanly in a parser, as an applicant tracking system reads it.

The text of each format is extracted as such a system would: the PDF with
pdftotext (the PDF of `make cv`, through Typst); the Word file converted to
PDF by LibreOffice, then pdftotext,
and also read by pandoc; the plain text as it is; the Markdown as a
CommonMark renderer shows it. In each, the owner's contact address and
every role (its heading, organisation and dates) appear in the order of
the sources; no ligature, replacement or private-use character stands in
for a letter; and no heading or organisation is hyphenated across lines.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from cv_pages import CV_TAGS, SMART_QUOTES, directive_bodies, prose
from resume_checks import source_jobs
from site_testing import BOOK
from sphinx_work_history.testing import require_tool

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dist")]

EMAIL = "tef@printf.net"  # conf.py's work_history_person
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# Ligatures (U+FB00–FB06), the replacement character, private-use characters.
UNREADABLE = re.compile("[\ufb00-\ufb06\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")


def shown_date(iso: str) -> str:
    year, _, month = iso.partition("-")
    return f"{MONTHS[int(month[:2]) - 1]} {year}" if month else year


def source_roles() -> list[tuple[str, str, str]]:
    """(heading, organisation, dates) of each role in the owner's pages, in their order."""
    roles = []
    for job in source_jobs():
        if job["file"] == "work-history-markup.md":  # examples: not in the CV
            continue
        start, end = shown_date(job["start"]), job.get("end", "present")
        end = end if end == "present" else shown_date(end)
        dates = start if start == end else f"{start} – {end}"
        roles.append((job["position"] or job["org"], job["org"], dates))
    return roles


def pdftotext(pdf: Path) -> str:
    return subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def cv_files(site_dist: Path) -> dict[str, Path]:
    """The CV as Word, text and Markdown, as `make dist` built them."""
    return {builder: site_dist / builder / f"{BOOK}{suffix}"
            for builder, suffix in (("cv-docx", ".docx"), ("cv-text", ".txt"),
                                    ("cv-markdown", ".md"))}


@pytest.fixture(scope="module")
def extracted(site_dist, cv_files, tmp_path_factory) -> dict[str, str]:
    """Each format's text, as a parser extracts it."""
    texts = {"pdf (pdftotext)": pdftotext(site_dist / "cv" / f"{BOOK}.pdf")}
    docx = cv_files["cv-docx"]
    workdir = tmp_path_factory.mktemp("soffice")
    (workdir / "home").mkdir()
    subprocess.run([require_tool("soffice"), "--headless", "--convert-to", "pdf",
                    "--outdir", str(workdir), str(docx)],
                   env={"HOME": str(workdir / "home"), "PATH": "/usr/bin:/bin"},
                   check=True, capture_output=True, timeout=300)
    texts["docx (LibreOffice, pdftotext)"] = pdftotext(workdir / f"{BOOK}.pdf")
    texts["docx (pandoc)"] = subprocess.run(
        [require_tool("pandoc"), "-f", "docx", "-t", "plain", "--wrap=auto", str(docx)],
        check=True, capture_output=True, text=True).stdout
    texts["txt"] = cv_files["cv-text"].read_text(encoding="utf-8")
    markdown = cv_files["cv-markdown"].read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    texts["md (rendered)"] = BeautifulSoup(html, "html.parser").get_text()
    return texts


def test_the_roles_are_read_from_the_sources():
    roles = source_roles()
    assert len(roles) >= 8
    assert any(heading == org for heading, org, _ in roles)  # roles without a position


def test_every_format_has_the_contact_and_every_role_in_order(extracted):
    roles = source_roles()
    for name, text in extracted.items():
        flat = " ".join(text.split())
        assert EMAIL in flat, name
        at = 0
        for role in roles:
            # Within a role, formats differ (the PDF sets the dates first);
            # the roles follow one another as in the sources.
            found = [flat.find(part, at) for part in role]
            assert min(found) >= 0, f"{name}: {role} is missing or out of order"
            at = max(f + len(part) for f, part in zip(found, role, strict=True))


CV_PAGES = ("index", "pages/work-history", "pages/writing")


def line_breaks_undone(text: str) -> str:
    """*text* on one line, plain quotes, as a line break may leave it: pdftotext
    drops a hyphen that ends a line (ad-|hoc: adhoc), and a dash that starts
    or ends one is apart from its word; the text CV's links give their address
    after them."""
    text = " ".join(text.translate(SMART_QUOTES).split())
    text = re.sub(r" \((?:https?://|mailto:)[^)\s]*\)", "", text)  # the text CV's addresses
    return re.sub(r"\s*—\s*", "—", text.replace("-", ""))


def test_every_cv_file_holds_the_pages_own_words(extracted):
    """The prose of every page the CV is made of, its asides and its publications:
    every paragraph the CV files' tags show, in each of them."""
    said = [paragraph for page in CV_PAGES
            for paragraph in (*prose(page, CV_TAGS), *directive_bodies(page, "admonition", CV_TAGS),
                              *directive_bodies(page, "publication", CV_TAGS),
                              *directive_bodies(page, "talk", CV_TAGS))]
    assert len(said) >= 20
    assert any(p.startswith("If you aren't a third party recruiter") for p in said)
    assert "Mid-level, entry level roles" in said
    for name, text in extracted.items():
        if name.startswith("pdf"):
            continue  # the PDF's own tests read its text
        flat = line_breaks_undone(text)
        missing = [p for p in said if line_breaks_undone(p) not in flat]
        assert not missing, f"{name} lacks: {missing}"


def test_no_format_has_a_title_the_owner_never_wrote(extracted):
    """The three early roles have no title on the owner's page: none is made up."""
    for name, text in extracted.items():
        assert "Mid-level or entry level role" not in " ".join(text.split()), name


def test_no_format_has_unreadable_characters(extracted):
    for name, text in extracted.items():
        bad = sorted({f"U+{ord(c):04X}" for c in UNREADABLE.findall(text)})
        assert not bad, f"{name}: {bad}"


def test_no_heading_or_organisation_is_hyphenated_across_lines(extracted):
    names = {part for heading, org, _ in source_roles() for part in (heading, org)}
    for name, text in extracted.items():
        for phrase in names:
            for word in phrase.split():
                for cut in range(1, len(word)):
                    pattern = re.escape(word[:cut]) + r"-\s*\n\s*" + re.escape(word[cut:])
                    assert not re.search(pattern, text), f"{name}: {word!r} is hyphenated"
