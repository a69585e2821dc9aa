"""The glyph check: a character that no font of the PDF has is a work_history.glyph
warning at its file and line, in a LaTeX build (sphinx_work_history/glyphs.py).

Each test writes a small project and builds it with Sphinx's LaTeX builder;
the fonts are real files, found by kpsewhich as LuaTeX finds them.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util.console import strip_colors

from sphinx_work_history.outputs.glyphs import FontChain, fonts_used, needs_glyph
from sphinx_work_history.testing import Warning, build, require_fonts, work_history_warnings

PAGELLA = "texgyrepagella-regular.otf"  # Latin, no Hebrew
HEBREW = "NotoSerifHebrew-Regular.ttf"
CURSOR = "texgyrecursor-regular.otf"

CONF = """\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "glyphs"
author = copyright = "tests"
version = release = "1"
work_history_today = "2026-11-27"
latex_engine = "lualatex"
latex_documents = [("index", "glyphs.tex", "Glyphs", "tests", "howto")]
work_history_latex_fonts = {fonts!r}
"""

# Line 5 has a Hebrew word, the job's :org: (line 8's directive) and its
# text (line 12) an unassigned code point; line 14 only characters that need
# no glyph (a joiner, a direction mark, a no-break space, a thin space).
INDEX = """\
# Glyphs

A paragraph in Latin,
over three lines, with a Hebrew word
on the third: \u05e9\u05dc\u05d5\u05dd.

:::{job} Engineer
:org: Acme \u0378
:start: 2014
:end: 2015

Its text has \u0378 too.

a\u200db\u200fc\u00a0d\u2009e.
:::
"""


def project(tmp_path: Path, fonts, index: str = INDEX) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF.format(fonts=fonts), encoding="utf-8")
    (src / "index.md").write_text(index, encoding="utf-8")
    return src


def glyph_warnings(app) -> list[Warning]:
    return [w for w in work_history_warnings(app.warning.getvalue())
            if w.subtype in ("glyph", "bad_config")]


def test_a_character_no_font_has_is_a_warning_at_its_line(tmp_path):
    require_fonts(PAGELLA)
    app = build(project(tmp_path, [PAGELLA]), "latex")
    found = glyph_warnings(app)
    assert [(w.file, w.line, w.subtype) for w in found] == [
        ("index.md", 5, "glyph"), ("index.md", 7, "glyph"), ("index.md", 12, "glyph")]
    hebrew, org, text = (w.message for w in found)
    assert hebrew.startswith("U+05E9 HEBREW LETTER SHIN 'ש', U+05DC HEBREW LETTER LAMED 'ל', "
                             "U+05D5 HEBREW LETTER VAV 'ו', U+05DD HEBREW LETTER FINAL MEM 'ם': "
                             "no font of work_history_latex_fonts has them")
    assert org.startswith("U+0378 (unassigned): no font of work_history_latex_fonts has it, "
                          "so the PDF cannot show it")
    assert text == org


def test_every_family_must_have_every_character(tmp_path):
    require_fonts(PAGELLA, HEBREW, CURSOR)
    fonts = {"text": [PAGELLA, HEBREW], "code": [CURSOR]}
    found = glyph_warnings(build(project(tmp_path, fonts), "latex"))
    assert [(w.line, w.message.split(": ", 1)[1]) for w in found] == [
        (5, "no font of work_history_latex_fonts (code) has them, so the PDF cannot show them"),
        (7, "no font of work_history_latex_fonts (code, text) has it, so the PDF cannot show it"),
        (12, "no font of work_history_latex_fonts (code, text) has it, so the PDF cannot show it"),
    ]


def test_with_every_character_in_a_font_there_is_no_warning(tmp_path):
    require_fonts(PAGELLA, HEBREW)
    index = INDEX.replace("\u0378", "\u00e9")
    assert glyph_warnings(build(project(tmp_path, [PAGELLA, HEBREW], index), "latex")) == []


def test_only_the_latex_builder_checks(tmp_path):
    require_fonts(PAGELLA)
    assert glyph_warnings(build(project(tmp_path, [PAGELLA]), "html")) == []


def test_no_fonts_configured_no_check(tmp_path):
    assert glyph_warnings(build(project(tmp_path, []), "latex")) == []


def test_a_font_that_cannot_be_found_is_a_config_warning(tmp_path):
    require_fonts(PAGELLA)
    app = build(project(tmp_path, [PAGELLA, "NoSuchFont-Regular.otf"]), "latex")
    # Like the other configuration warnings, it has no file: conf.py names the font.
    lines = [line for line in strip_colors(app.warning.getvalue()).splitlines()
             if "work_history" in line]
    assert len(lines) == 1, lines
    assert lines[0].endswith("WARNING: work_history_latex_fonts: font not found: "
                             "NoSuchFont-Regular.otf; the PDF's text is not checked "
                             "[work_history.bad_config]")


def test_a_font_given_by_path_is_read(tmp_path):
    paths = require_fonts(PAGELLA, HEBREW)
    index = INDEX.replace("\u0378", "\u00e9")
    found = glyph_warnings(build(project(tmp_path, [paths[PAGELLA], paths[HEBREW]], index),
                                 "latex"))
    assert found == []


def test_a_font_that_cannot_be_read_is_a_config_warning(tmp_path):
    require_fonts(PAGELLA)
    src = project(tmp_path, [PAGELLA, "./broken.otf"])  # a path, from conf.py
    (src / "broken.otf").write_bytes(b"not a font")
    # Read only when a character is in no font before it: the Hebrew word.
    app = build(src, "latex")
    lines = [line for line in strip_colors(app.warning.getvalue()).splitlines()
             if "work_history" in line]
    assert len(lines) == 1, lines
    assert "work_history_latex_fonts: cannot read " in lines[0]
    assert lines[0].endswith("broken.otf: Not a TrueType or OpenType font (not enough data); "
                             "the PDF's text is not checked [work_history.bad_config]")


def test_spaces_controls_and_format_characters_need_no_glyph():
    assert not any(needs_glyph(c) for c in " \t\n\u00a0\u2009\u200b\u200d\u200e\u202e\ufe0f\u00ad")
    assert all(needs_glyph(c) for c in "a\u05d0\u0301\u0378😀")


def test_fonts_used_are_the_first_and_each_later_one_that_has_a_character():
    latin, hebrew, symbols = frozenset(map(ord, "abc")), frozenset(map(ord, "שלום")), \
        frozenset(map(ord, "★a"))
    chain = FontChain(("latin", "hebrew", "symbols"), ("", "", ""), (latin, hebrew, symbols))
    assert fonts_used({"text": chain}, "abc") == {"text": ["latin"]}
    assert fonts_used({"text": chain}, "a ש ★") == {"text": ["latin", "hebrew", "symbols"]}
    assert fonts_used({"text": chain}, "b \u0378") == {"text": ["latin"]}


def test_text_from_another_file_is_named_by_its_own_file_and_line(tmp_path):
    """LaTeX merges the pages into one tree: a warning still names the file the
    text is in, for a page of the toctree and for an included file."""
    require_fonts(PAGELLA)
    index = "# Glyphs\n\nIntro.\n\n```{toctree}\nwork\n```\n\n```{include} part.md\n```\n"
    src = project(tmp_path, [PAGELLA], index)
    (src / "work.md").write_text(
        "# Work\n\n:::{job} Engineer\n:org: Acme\n:start: 2014\n\nIts text has \u0378.\n:::\n",
        encoding="utf-8")
    (src / "part.md").write_text("Included,\nwith \u0378 on line two.\n", encoding="utf-8")
    found = glyph_warnings(build(src, "latex"))
    assert sorted((w.file, w.line) for w in found) == [("part.md", 2), ("work.md", 7)]
