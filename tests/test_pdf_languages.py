"""The PDF in another language: the package's words and CLDR's dates in Japanese.

tests/roots/test-scripts is built as the site's PDF is (its engine, fonts and
layout), with ``-D language=ja``: the summary's headings are the package's
Japanese words and every date and length is CLDR's Japanese, in the PDF's text.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest

from site_testing import ROOTS, latexmk, sphinx_latex
from sphinx_work_history.testing import STRICT, require_tool

pytestmark = pytest.mark.slow


def ideographs(text: str) -> str:
    """pdftotext's text with the Kangxi radicals and compatibility ideographs it
    reads some glyphs as (U+2F47 for 日) as the ideographs they show."""
    return "".join(unicodedata.normalize("NFKC", char)
                   if 0x2F00 <= ord(char) <= 0x2FDF or 0xF900 <= ord(char) <= 0xFAFF else char
                   for char in text)


def test_japanese_dates_and_words_are_in_the_pdf(tmp_path):
    require_tool("lualatex")
    pdftotext = require_tool("pdftotext")
    out = tmp_path / "latex"
    result = sphinx_latex(ROOTS / "test-scripts", out, *STRICT, "-D", "language=ja")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    made = latexmk(out)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-2000:]
    text = ideographs(subprocess.run([pdftotext, "-layout", str(out / "scripts.pdf"), "-"],
                                     capture_output=True, text=True, check=True).stdout)
    heading = next(line for line in text.splitlines() if "役職" in line)
    assert heading.split() == ["役職", "所属", "年月", "期間"]
    assert "2013年～2014年" in text
    assert "1 年" in text or "1年" in text
    assert not re.search(r"\b(yrs?|mos?|present|Role|Organisation|Dates|Length)\b", text)
