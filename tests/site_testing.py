"""What the site's tests share, beside the package's helpers
(sphinx_work_history.testing): where the site is, what its conf.py names
the CV and its variants, building it as `make` does, and reading its PDF's
text and its ePub's epubcheck report."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from site_config import book_name, pdf_name, read_conf, variants
from sphinx_work_history.testing import epubcheck, require_tool, sphinx_build

PROJECT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
PACKAGE_ROOTS = PROJECT / "sphinx-work-history" / "tests" / "roots"

# conf.py names the CV's file name and its variants, and only conf.py
# (test_site_config.py checks): the tests read them as the scripts do.
CONF = read_conf(PROJECT)
BOOK = book_name(CONF)
VARIANTS: dict[str, dict[str, Any]] = variants(CONF)
# The CV as Word, plain text and Markdown, by extension, with the label of its
# download link (conf.py's CV_FILES); the ePub is beside them.
CV_FILE_LABELS = {"docx": "Word", "txt": "Text", "md": "Markdown"}


def cv_pdfs() -> dict[str, int]:
    """The CV's PDFs `make cv` writes, by file name, with each one's page
    budget: the full CV's, then each variant's."""
    return {pdf_name(BOOK, ""): CONF.work_history_pages,
            **{pdf_name(BOOK, name): spec["pages"] for name, spec in VARIANTS.items()}}


def variant_pdf_links(prefix: str = "") -> list[tuple[str, str]]:
    """(text, href) of each variant's download link, for a page *prefix* below the root."""
    return [(f"PDF, {spec.get('label', name)}", f"{prefix}{pdf_name(BOOK, name)}")
            for name, spec in VARIANTS.items()]


def cv_file_links(prefix: str = "") -> list[tuple[str, str]]:
    """(text, href) of the download links of the CV as Word, text and Markdown."""
    return [(label, f"{prefix}{BOOK}.{ext}") for ext, label in CV_FILE_LABELS.items()]


def build_site(builder: str, outdir: Path, *extra: str, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """Build the real site, as `make` does, into *outdir*; fail on any warning."""
    return sphinx_build(PROJECT, outdir, builder, *extra, env=env,
                        doctrees=outdir.parent / f"{outdir.name}.doctrees")


def squeeze(text: str) -> str:
    """Text without spaces or hyphens: line breaks and hyphenation in the PDF
    then cannot hide a phrase; quotes and dashes made plain."""
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"[\s\-]+", "", text)


def epubcheck_report(epub_file: Path, report_path: Path) -> dict[str, Any]:
    """epubcheck's JSON report on *epub_file*."""
    epubcheck(epub_file, "--json", str(report_path))
    assert report_path.is_file(), "epubcheck wrote no report"
    report: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    return report


def sphinx_latex(src: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """*src* as LaTeX, with the options *extra* (*STRICT or others): the result, whatever
    the exit status."""
    return sphinx_build(src, out, "latex", *extra, strict=False, must_pass=False,
                        doctrees=out.parent / "doctrees")


def latexmk(out: Path) -> subprocess.CompletedProcess:
    """The PDF, made as `make latexpdf` and Read the Docs make it."""
    (tex,) = out.glob("*.tex")
    return subprocess.run(
        [require_tool("latexmk"), "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
         "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=out, capture_output=True, text=True, check=False)
