"""What the site's tests share, beside the package's helpers
(sphinx_work_history.testing): where the site is, building it as `make`
does, and reading its PDF's text and its ePub's epubcheck report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from sphinx_work_history.testing import SOURCE_DATE_EPOCH, STRICT, epubcheck, require_tool

PROJECT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
PACKAGE_ROOTS = PROJECT / "sphinx-work-history" / "tests" / "roots"


def build_site(builder: str, outdir: Path, *extra: str, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """Build the real site, as `make` does, into *outdir*; fail on any warning."""
    run_env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})}
    doctrees = outdir.parent / f"{outdir.name}.doctrees"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *STRICT, "-b", builder, "-d", str(doctrees),
         *extra, str(PROJECT), str(outdir)],
        capture_output=True, text=True, env=run_env, check=False,
    )
    assert result.returncode == 0, f"{builder} build failed:\n{result.stdout}\n{result.stderr}"
    return result


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


def sphinx_latex(src: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *extra, "-b", "latex", "-d", str(out.parent / "doctrees"),
         str(src), str(out)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def latexmk(out: Path) -> subprocess.CompletedProcess:
    """The PDF, made as `make latexpdf` and Read the Docs make it."""
    (tex,) = out.glob("*.tex")
    return subprocess.run(
        [require_tool("latexmk"), "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
         "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=out, capture_output=True, text=True, check=False)
