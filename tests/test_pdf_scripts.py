"""Every script the HTML shows reaches the PDF, and a character no font has stops it.

tests/roots/test-scripts holds roles written in Latin, Greek, Cyrillic,
Chinese, Japanese, Korean, Hebrew, Arabic, Devanagari and Thai, and symbols
and emoji. It is built as the site's PDF is (the site's engine, fonts and
layout; latexmk with Sphinx's latexmkrc, as `make latexpdf` and Read the
Docs run it), and pdftotext's reading of the PDF is compared with the
source: every character, and every phrase in logical order (right-to-left
ones included).
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from site_testing import ROOTS, latexmk, sphinx_latex
from sphinx_work_history.testing import (
    STRICT,
    build,
    copy_root,
    require_tool,
    work_history_warnings,
)

# Its module fixtures build once: every test of the module on one worker.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pdf-scripts")]

ROOT = ROOTS / "test-scripts"
SCRIPTS = {  # a letter of each, to be sure the source holds them all
    "Greek": "λ", "Cyrillic": "Я", "Chinese": "级", "Japanese": "ソ", "Korean": "서",
    "Hebrew": "ש", "Arabic": "ب", "Devanagari": "ड", "Thai": "ท", "emoji": "😀",
}
# Markup that is not text: directive fences, dates, and MyST's inline marks.
_FENCE = re.compile(r"^:{3,}(\{[\w-]+\}\s*)?")
_DATES = re.compile(r"^:(start|end):.*$")
_OPTION = re.compile(r"^:[\w-]+:\s*")
_INLINE = re.compile(r"[`*]")
_PHRASE_BREAK = re.compile(r"[,.;:()。、]")


def copy_scripts_root(dest: Path) -> Path:
    """A writable copy of the root, whose conf.py runs the root's own (which
    finds the site from where it is)."""
    copy_root(ROOT, dest)
    (dest / "conf.py").write_text(
        "import runpy\n"
        f"globals().update(runpy.run_path({str(ROOT / 'conf.py')!r},"
        " init_globals={'tags': tags}))\n",
        encoding="utf-8")
    return dest


def source_text(path: Path) -> list[str]:
    """The lines of text a reader sees, markup taken out. (The page's title
    is the PDF's title, in its metadata: the CV's header shows the author.)"""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if _DATES.match(line) or line.startswith("# "):
            continue
        line = _INLINE.sub("", _OPTION.sub("", _FENCE.sub("", line.lstrip("#")))).strip()
        if line:
            lines.append(line)
    return lines


def plain(text: str) -> str:
    """pdftotext's text as characters: its embedding marks (U+202B...) out,
    and Arabic presentation forms (the shaped glyphs' code points) as the
    letters they show. Then NFC, as the source."""
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = "".join(unicodedata.normalize("NFKC", char)
                   if 0xFB50 <= ord(char) <= 0xFDFF or 0xFE70 <= ord(char) <= 0xFEFF else char
                   for char in text)
    return unicodedata.normalize("NFC", text)


def squeeze(text: str) -> str:
    """No white space: line breaks, and the spaces pdftotext puts between the
    glyphs of Devanagari and Thai clusters, cannot hide a phrase."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def scripts_pdf(tmp_path_factory) -> tuple[Path, str]:
    require_tool("lualatex")
    pdftotext = require_tool("pdftotext")
    out = tmp_path_factory.mktemp("scripts") / "latex"
    result = sphinx_latex(ROOT, out, *STRICT)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    made = latexmk(out)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-2000:]
    pdf = out / "scripts.pdf"
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return out, text


def test_the_source_has_every_script():
    text = "".join(source_text(ROOT / "index.md"))
    for script, letter in SCRIPTS.items():
        assert letter in text, script


def test_every_character_of_the_source_is_in_the_pdf_text(scripts_pdf):
    _, text = scripts_pdf
    shown = set(plain(text))
    source = unicodedata.normalize("NFC", "".join(source_text(ROOT / "index.md")))
    missing = sorted({char for char in source if not char.isspace()} - shown)
    assert not missing, [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing]


def test_every_phrase_is_in_the_pdf_text_in_logical_order(scripts_pdf):
    _, text = scripts_pdf
    shown = squeeze(plain(text))
    phrases = [squeeze(phrase) for line in source_text(ROOT / "index.md")
               for phrase in _PHRASE_BREAK.split(unicodedata.normalize("NFC", line))]
    missing = [phrase for phrase in phrases if phrase and phrase not in shown]
    assert not missing, missing
    # The check can fail: a right-to-left phrase read in visual order is not found.
    assert squeeze("מהנדס תשתיות ראשי") in shown
    assert squeeze("מהנדס תשתיות ראשי")[::-1] not in shown


def test_every_role_is_in_the_summary_whatever_its_script(tmp_path):
    """An organisation with no letter an id can hold still gets an id (job-<year>),
    so its role is in the summary table and can be linked to."""
    from bs4 import BeautifulSoup


    app = build(copy_scripts_root(tmp_path / "src"), "html")
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    positions = [article.select_one(".wh-position").get_text()
                 for article in soup.select("article")]
    linked = [link.get_text() for link in soup.select("table a")]
    assert len(positions) == 13
    assert sorted(linked) == sorted(positions)
    assert soup.find("article", id="job-2004").select_one(".wh-position").get_text() == "高级工程师"


def test_the_pdf_log_has_no_missing_character_error_or_overfull_box(scripts_pdf):
    out, _ = scripts_pdf
    log = (out / "scripts.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    assert not [line for line in log.splitlines() if line.startswith("! ")]
    assert not re.findall(r"^Overfull \\[hv]box", log, re.MULTILINE)


def test_the_pdf_is_set_in_tex_gyre_with_a_font_for_each_script(scripts_pdf):
    out, _ = scripts_pdf
    fonts = subprocess.run([require_tool("pdffonts"), str(out / "scripts.pdf")],
                           capture_output=True, text=True, check=True).stdout
    for name in ("TeXGyrePagella-Regular", "TeXGyreHeros-Bold", "NotoSerif-Regular",
                 "NotoSerifHebrew-Regular", "NotoNaskhArabic-Regular",
                 "NotoSerifDevanagari-Regular",
                 "NotoSerifThai-Regular", "NotoSerifCJK", "Symbola"):
        assert name in fonts, name


def test_an_unassigned_code_point_is_a_located_warning_and_stops_the_pdf(tmp_path):
    require_tool("lualatex")
    src = copy_scripts_root(tmp_path / "src")
    index = src / "index.md"
    lines = index.read_text(encoding="utf-8").splitlines()
    body = lines.index("负责数据库运维和值班。")
    lines[body] = "负责数据库运维\u0378和值班。"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")

    strict = sphinx_latex(src, tmp_path / "strict", *STRICT)
    assert strict.returncode != 0  # -W: the warning fails the build
    out = tmp_path / "latex"
    result = sphinx_latex(src, out, "-T", "--keep-going")
    assert result.returncode == 0, result.stderr[-3000:]
    found = [w for w in work_history_warnings(result.stderr) if w.subtype == "glyph"]
    assert [(w.file, w.line) for w in found] == [("index.md", body + 1)]
    assert found[0].message.startswith("U+0378 (unassigned): no font of work_history_latex_fonts")

    # Nothing is replaced in silence: LaTeX stops at the character too.
    made = latexmk(out)
    assert made.returncode != 0
    log = (out / "scripts.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character: There is no \u0378 (U+0378)" in log
