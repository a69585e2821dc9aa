"""pdf_fonts: the PDF's fonts, from one table: LuaLaTeX's preamble and the glyph check's list.

The CV is set by LuaLaTeX in TeX Gyre Pagella (the text), Heros (headings
and footer) and Cursor (code), as it was by pdflatex. What those fonts
lack, LuaTeX takes from the fonts after them, in order (luaotfload's
fallback chains), each shaped by HarfBuzz: Greek and Cyrillic, Hebrew and
Arabic (set right to left by babel's ``bidi=basic``), Devanagari, Thai,
Chinese, Japanese and Korean, symbols and emoji (in black and white).
(TeX Gyre itself is set in luaotfload's node mode, quicker to load.)

Each font is a file name that kpathsea finds, as luaotfload does: TeX's
own fonts and those under /usr/share/fonts. They come from Debian's (and
Ubuntu's) fonts-texgyre, fonts-noto-core, fonts-noto-mono, fonts-noto-cjk
and fonts-symbola; .ci/run and .readthedocs.yaml install them.

conf.py gives Sphinx the preamble that loads them all (`fontpkg`) and the
work history's glyph check the same fonts (`checked_fonts`), which warns,
with file and line, about a character that none of a chain's fonts has.
As an extension, this module then trims the preamble to what each PDF
needs: LuaTeX loads every font of a chain for each size it sets, so a CV
without Chinese should not load a Chinese font; and a text with nothing
written right to left needs no bidi.
"""

from __future__ import annotations

import contextlib
import unicodedata
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder

from sphinx_work_history.outputs.glyphs import (
    UnreadableFont,
    document_text,
    font_chains,
    fonts_used,
)


class Font(NamedTuple):
    regular: str
    bold: str
    # luaotfload features: the script HarfBuzz shapes the text as.
    features: str = ""


class Family(NamedTuple):
    command: str  # fontspec's
    regular: str
    bold: str
    italic: str
    bolditalic: str
    fallbacks: list[Font]


# Every script but Latin, in the family's own style.
_SERIF_SCRIPTS = [
    Font("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf"),  # Greek, Cyrillic, more Latin
    Font("NotoSerifHebrew-Regular.ttf", "NotoSerifHebrew-Bold.ttf", "script=hebr"),
    Font("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", "script=arab"),
    Font("NotoSerifDevanagari-Regular.ttf", "NotoSerifDevanagari-Bold.ttf", "script=dev2"),
    Font("NotoSerifThai-Regular.ttf", "NotoSerifThai-Bold.ttf", "script=thai"),
    Font("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc"),
]
_SANS_SCRIPTS = [
    Font("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    Font("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", "script=hebr"),
    Font("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "script=arab"),
    Font("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", "script=dev2"),
    Font("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", "script=thai"),
    Font("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),
]
# Last, for every family: mathematical letters, symbols, emoji.
_SYMBOLS = [
    Font("NotoSansMath-Regular.ttf", "NotoSansMath-Regular.ttf"),
    Font("NotoSansSymbols-Regular.ttf", "NotoSansSymbols-Bold.ttf"),
    Font("NotoSansSymbols2-Regular.ttf", "NotoSansSymbols2-Regular.ttf"),
    Font("Symbola_hint.ttf", "Symbola_hint.ttf"),
]

FAMILIES = {
    "serif": Family("setmainfont", "texgyrepagella-regular.otf", "texgyrepagella-bold.otf",
                    "texgyrepagella-italic.otf", "texgyrepagella-bolditalic.otf",
                    _SERIF_SCRIPTS + _SYMBOLS),
    "sans": Family("setsansfont", "texgyreheros-regular.otf", "texgyreheros-bold.otf",
                   "texgyreheros-italic.otf", "texgyreheros-bolditalic.otf",
                   _SANS_SCRIPTS + _SYMBOLS),
    "mono": Family("setmonofont", "texgyrecursor-regular.otf", "texgyrecursor-bold.otf",
                   "texgyrecursor-italic.otf", "texgyrecursor-bolditalic.otf",
                   [Font("NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf"), *_SANS_SCRIPTS[1:],
                    *_SYMBOLS]),
}


def checked_fonts() -> dict[str, list[str]]:
    """The chains, for the glyph check: each family's, regular and bold, the
    Latin font first. (An italic falls back as its upright does; TeX Gyre's
    italics have the same characters as their uprights.)"""
    chains = {}
    for name, family in FAMILIES.items():
        chains[name] = [family.regular, *(font.regular for font in family.fallbacks)]
        chains[f"{name} bold"] = [family.bold, *(font.bold for font in family.fallbacks)]
    return chains


def _lua_name(chain: str) -> str:
    return "tefcv" + chain.replace(" ", "")


def _fallback(chain: str, fonts: list[tuple[str, str]]) -> str:
    specs = ", ".join(f'"file:{file}:mode=harf;{features}"' for file, features in fonts)
    return f'luaotfload.add_fallback("{_lua_name(chain)}", {{{specs}}})'


def fontpkg(used: dict[str, list[str]] | None = None) -> str:
    """The LaTeX that loads the fonts: every fallback, or those *used* names
    for each chain (as `fonts_used` gives them)."""
    chains = {}
    for name, family in FAMILIES.items():
        chains[name] = [(font.regular, font.features) for font in family.fallbacks]
        chains[f"{name} bold"] = [(font.bold, font.features) for font in family.fallbacks]
    if used is not None:
        chains = {name: [font for font in fonts if font[0] in used.get(name, ())]
                  for name, fonts in chains.items()}
    lines = [
        "% The fonts: _ext/pdf_fonts.py says which and why.",
        # A character no font has stops the build instead of going missing.
        r"\tracinglostchars=3",
    ]
    if any(chains.values()):
        fallbacks = [_fallback(name, fonts) for name, fonts in chains.items() if fonts]
        lines += [r"\directlua{", *fallbacks, "}"]
    for name, family in FAMILIES.items():
        options = [f"BoldFont={family.bold}", f"ItalicFont={family.italic}",
                   f"BoldItalicFont={family.bolditalic}"]
        for shape, chain in (("Upright", name), ("Bold", f"{name} bold"),
                             ("Italic", name), ("BoldItalic", f"{name} bold")):
            if chains[chain]:
                options.append(f"{shape}Features={{RawFeature={{fallback={_lua_name(chain)}}}}}")
        lines.append(rf"\{family.command}{{{family.regular}}}[{', '.join(options)}]")
    return "\n".join(lines)


def _load_only_used_fonts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    builder = app.builder
    if builder.name != "latex" or not isinstance(builder, LaTeXBuilder) \
            or app.config.latex_engine != "lualatex":
        return
    chains = font_chains(app, quiet=True)
    if chains is None:
        return  # the glyph check says why; the preamble loads every font
    # The text of the document, and of the preamble (the title, the header).
    text = "".join(piece for piece, _ in document_text(doctree, docname))
    text += "".join(value for value in builder.context.values() if isinstance(value, str))
    # An unreadable font: the glyph check says so, and the preamble loads every font.
    with contextlib.suppress(UnreadableFont):
        builder.context["fontpkg"] = fontpkg(fonts_used(chains, text))
    # babel's bidi=basic sets right-to-left text; without any, it is only time.
    babel = app.config.latex_elements.get("babel", "")
    if "[bidi=basic]" in babel:
        rtl = any(unicodedata.bidirectional(char) in ("R", "AL") for char in set(text))
        builder.context["multilingual"] = babel if rtl else babel.replace("[bidi=basic]", "")


def setup(app: Sphinx) -> dict[str, Any]:
    # After the glyph check (priority 800), which reads the same fonts.
    app.connect("doctree-resolved", _load_only_used_fonts, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
