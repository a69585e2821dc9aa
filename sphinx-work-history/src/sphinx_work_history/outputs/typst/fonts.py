"""The fonts of the ``cv-pdf`` builder: fallback chains Typst can find.

Typst embeds Libertinus Serif, New Computer Modern and DejaVu Sans Mono,
which set Latin, Greek and Cyrillic (and Hebrew): with those alone a
machine with no system font makes the CV. Every other script comes from
fonts in ``work_history_pdf_font_paths`` (by default Debian's Noto and
Symbola folders, from fonts-noto-core, fonts-noto-cjk and fonts-symbola),
tried in the order of ``work_history_pdf_fonts``. System fonts are never
searched: the PDF depends on the configuration, not on the machine.

A family of the chain that Typst cannot find is left out of it. The glyph
check (glyphs.py) reads the cmap of each font file with fontTools; a font
Typst embeds has no file, so Typst itself is asked which characters it
cannot set in it (`probe`). The contact block's icons are no characters of
the text: they are images drawn from the icon fonts shipped with the package
(icons.py, which checks that each icon's glyph is in its font), so no chain
needs the icon fonts and Typst never searches for them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from sphinx.config import Config

from ...config.settings import work_history_config

# Text: Typst's serif, then every script; headings the same; code: Typst's mono.
SCRIPTS = (
    "Noto Serif", "Noto Serif Hebrew", "Noto Naskh Arabic", "Noto Serif Devanagari",
    "Noto Serif Thai", "Noto Serif CJK SC", "Noto Sans Math", "Noto Sans Symbols",
    "Noto Sans Symbols2", "Symbola",
)
DEFAULT_FONTS = {
    "text": ("Libertinus Serif", "New Computer Modern", *SCRIPTS),
    "headings": ("Libertinus Serif", "New Computer Modern", *SCRIPTS),
    "code": ("DejaVu Sans Mono", "Libertinus Serif", *SCRIPTS),
}
DEFAULT_PATHS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto",
                 "/usr/share/fonts/truetype/ancient-scripts")
FAMILIES = ("text", "headings", "code")


def font_paths(config: Config, confdir: str | Path) -> tuple[str, ...]:
    value = work_history_config(config).pdf_font_paths
    if value is None:
        return tuple(path for path in DEFAULT_PATHS if Path(path).is_dir())
    return tuple(str(Path(confdir, path)) for path in value if isinstance(path, str))


def configured_chains(config: Config) -> dict[str, tuple[str, ...]]:
    """``work_history_pdf_fonts`` as a chain for each of text, headings and code."""
    value = work_history_config(config).pdf_fonts
    if value is None:
        return dict(DEFAULT_FONTS)
    if isinstance(value, str):
        value = [value]
    if isinstance(value, dict):
        text = tuple(value.get("text", DEFAULT_FONTS["text"]))
        return {"text": text, "headings": tuple(value.get("headings", text)),
                "code": tuple(value.get("code", text))}
    return dict.fromkeys(FAMILIES, tuple(value))


@cache
def fonts(paths: tuple[str, ...]) -> Any:
    """Typst's own fonts and those in *paths* (searched once per process)."""
    import typst

    return typst.Fonts(include_system_fonts=False, font_paths=list(paths))


@cache
def available(paths: tuple[str, ...]) -> dict[str, tuple[str | None, int]]:
    """Every family Typst finds (its own and in *paths*): its regular font's file
    (None for an embedded one) and index in a collection."""
    found: dict[str, tuple[str | None, int]] = {}
    for info in fonts(paths).fonts():
        best = found.get(info.family)
        regular = info.style == "normal" and info.weight == 400
        if best is None or regular:
            found[info.family] = (info.path, info.index)
    return found


def chains(config: Config, confdir: str | Path) -> dict[str, tuple[str, ...]]:
    """The configured chains, each with only the families Typst can find."""
    found = available(font_paths(config, confdir))
    return {family: tuple(name for name in names if name in found)
            for family, names in configured_chains(config).items()}


def missing(config: Config, confdir: str | Path) -> tuple[str, ...]:
    """The families ``work_history_pdf_fonts`` names that Typst finds neither among its
    own fonts nor in the font folders (none when the setting is left to its default)."""
    if work_history_config(config).pdf_fonts is None:
        return ()
    named = dict.fromkeys(name for names in configured_chains(config).values()
                          for name in names)
    found = available(font_paths(config, confdir))
    return tuple(name for name in named if name not in found)


_NOT_SET = re.compile(r'the text `"((?:[^"\\]|\\.)*)"` could not be displayed with font '
                      r'`"((?:[^"\\]|\\.)*)"`')
_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]+)\}|\\(.)")


def _unescape(text: str) -> str:
    named = {"n": "\n", "r": "\r", "t": "\t"}
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else named.get(m[2], m[2]), text)


@cache
def embedded() -> frozenset[str]:
    """The families Typst embeds (found without searching any folder)."""
    return frozenset(fonts(()).families())


@cache
def _probe(family: str, wanted: tuple[str, ...]) -> frozenset[str]:
    import typst

    from .document import string

    source = "\n".join([
        '#set document(title: "glyphs")',
        f"#set text(font: {string(family)}, fallback: false)",
        *(f"#{string(char)} " for char in wanted), ""])
    try:
        typst.compile(source.encode(), format="pdf", font_paths=fonts(()),
                      ignore_system_fonts=True, pdf_standards="ua-1")
    except typst.TypstError as exc:
        text = str(getattr(exc, "diagnostic", "") or exc)
        return frozenset(char for found, font in _NOT_SET.findall(text)
                         for char in _unescape(found) if _unescape(font) == family)
    return frozenset()


# Asked about on a family's first probe: ASCII's printable characters, which the
# Typst source's markup is made of, and the punctuation the writer adds ("…").
_FIRST_ASKED = frozenset(map(chr, range(0x21, 0x7F))) | frozenset("–—‘’“”…·•")
# For each family probed: the characters asked about so far, and those it lacks.
_asked: dict[str, set[str]] = {}
_lacking: dict[str, set[str]] = {}


def probe(family: str, chars: Iterable[str]) -> frozenset[str]:
    """Which of *chars* Typst cannot set in *family*, one of the fonts it embeds (with
    no fallback): its PDF/UA-1 export refuses a character a font lacks, and names it.
    Typst is asked only about characters not asked about before, with _FIRST_ASKED's
    on the first ask: the glyph check asks about the text's, `plan` then about the
    Typst source's (the same, and markup), which then needs no compile of its own."""
    wanted = set(chars)
    asked = _asked.setdefault(family, set())
    if unknown := wanted - asked:
        unknown = (unknown | _FIRST_ASKED) - asked
        _lacking.setdefault(family, set()).update(_probe(family, tuple(sorted(unknown))))
        asked |= unknown
    return frozenset(wanted & _lacking.get(family, set()))


def plan(config: Config, confdir: str | Path, text: str
         ) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The chains and font folders to compile *text* with. When the fonts Typst embeds
    at the head of every chain set every character, they alone, and no folder is
    searched (the PDF is the same: no character reaches a later font); else every
    configured family Typst finds in the folders."""
    # Every character but spaces and controls (glyphs.py's check knows which format
    # characters need no glyph; one here at worst means searching the folders).
    chars = {char for char in set(text)
             if not char.isspace() and unicodedata.category(char) != "Cc"}
    lean = {}
    for family, names in configured_chains(config).items():
        head: list[str] = []
        for name in names:
            if name not in embedded():
                break
            head.append(name)
        remaining = set(chars)
        for name in head:
            remaining &= probe(name, remaining) if remaining else set()
        if remaining or not head:
            paths = font_paths(config, confdir)
            return chains(config, confdir), paths
        lean[family] = tuple(head)
    return lean, ()
