"""The PDF's glyph check: every character of its text is in one of its fonts.

A LaTeX engine sets a character only if a font it was given has it: else
the character is left out (or, with ``\\tracinglostchars=3``, the LaTeX
run fails far from the source). ``work_history_latex_fonts`` names the
fonts the PDF is set in, in the order the engine tries them: a list, or a
dict of such lists, one for each family (the text, the headings, code),
which must each have every character. When the LaTeX builder writes the
document, each character of its text that no font of a family has is a
``work_history.glyph`` warning at its file and line.

A font is named by a path (relative to the configuration directory) or
by a file name that ``kpsewhich`` finds, as LuaTeX's luaotfload does (TeX's
fonts and the system's). The fonts are read with fontTools: the
``pdf-fonts`` extra (``pip install sphinx-work-history[pdf-fonts]``).

`fonts_used` tells which of those fonts a document needs, so a preamble
can load only those (LuaTeX loads every font of a fallback chain for each
size, which is slow for large CJK fonts).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from ..config.messages import warn
from ..config.settings import work_history_config
from ..sphinx.nodes import employer_entry, job_entry

# Unicode's Default_Ignorable_Code_Point: format characters (joiners, bidi
# controls, variation selectors...) that a font need not have; HarfBuzz
# leaves them out of the PDF's text, having applied them.
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
# Entry fields the LaTeX writer prints from the node's attributes.
_NOT_TEXT = {"ids", "classes", "names", "dupnames", "backrefs", "url", "source", "datetime",
             "docname", "name", "index"}


@cache
def needs_glyph(char: str) -> bool:
    """Whether *char* is drawn: not a space, a control or a default-ignorable."""
    if char.isspace() or unicodedata.category(char) == "Cc":
        return False
    code = ord(char)
    return not any(low <= code <= high for low, high in _DEFAULT_IGNORABLE)


def describe(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name:
        return f"U+{ord(char):04X} (unassigned)" if unicodedata.category(char) == "Cn" \
            else f"U+{ord(char):04X}"
    return f"U+{ord(char):04X} {name} {char!r}"


# -- the fonts ----------------------------------------------------------------------

class UnreadableFont(Exception):
    """A font file fontTools cannot read."""


_cmaps: dict[tuple[str, int, float], frozenset[int]] = {}


def _cmap(path: str, number: int = 0) -> frozenset[int]:
    """The code points a font file maps (a collection's font *number*), cached."""
    key = (path, number, os.path.getmtime(path))
    if key not in _cmaps:
        from fontTools.ttLib import TTFont

        try:
            with TTFont(path, fontNumber=number, lazy=True) as font:
                _cmaps[key] = frozenset(font.getBestCmap() or ())
        except Exception as exc:  # fontTools raises many kinds on a damaged file
            raise UnreadableFont(f"cannot read {path}: {exc}") from exc
    return _cmaps[key]


def _resolve(names: list[str], confdir: str | os.PathLike[str]) -> dict[str, str | None]:
    """Each font name's path: a path as given, else what kpsewhich finds."""
    found: dict[str, str | None] = {}
    lookup = []
    for name in names:
        if os.sep in name or "/" in name:
            path = Path(confdir, name)
            found[name] = str(path) if path.is_file() else None
        else:
            lookup.append(name)
    kpsewhich = shutil.which("kpsewhich")
    if lookup and kpsewhich:
        out = subprocess.run([kpsewhich, *lookup], capture_output=True, text=True,
                             check=False).stdout
        paths = {Path(line).name: line for line in out.splitlines() if line}
        found.update({name: paths.get(name) for name in lookup})
    return {name: found.get(name) for name in names}


class FontChain:
    """One family's fonts, in the order the engine tries them. A font is read
    only when a character is in none of the fonts before it: a Latin text
    never opens the large CJK fonts at the end of a chain."""

    def __init__(self, names: tuple[str, ...], paths: tuple[str, ...],
                 cmaps: tuple[frozenset[int], ...] = (), numbers: tuple[int, ...] = (),
                 probe: Callable[[str, set[str]], frozenset[str]] | None = None,
                 locate: Callable[[str], tuple[str | None, int] | None] | None = None):
        self.names, self.paths = names, paths
        self.numbers = numbers or (0,) * len(paths)
        self._cmaps = list(cmaps)  # those read so far
        # A font with no file (path "", one Typst embeds) is asked, by *probe*,
        # which of the characters it is given it lacks: `prepare` gives them. A
        # font whose file is not known yet (path "?") is found by *locate*, only
        # when a character needs it (finding it means searching the font folders).
        self._probe, self._locate = probe, locate

    def _read(self, index: int, wanted: set[int] | None) -> frozenset[int]:
        path, number = self.paths[index], self.numbers[index]
        if path == "?":
            found = self._locate(self.names[index]) if self._locate else None
            if found is None:
                return frozenset()  # not to be had: as if it were not in the chain
            path, number = found[0] or "", found[1]
        if path:
            return _cmap(path, number)
        if wanted is None or self._probe is None:
            return frozenset()  # no character asked for it
        lacking = self._probe(self.names[index], {chr(c) for c in wanted})
        return frozenset(c for c in wanted if chr(c) not in lacking)

    def prepare(self, codes: set[int]) -> None:
        """Read the fonts *codes* need, probing those with no file for what they lack."""
        remaining = set(codes)
        for index in range(len(self.paths)):
            if not remaining:
                break
            if index >= len(self._cmaps):
                self._cmaps.append(self._read(index, remaining))
            remaining -= self._cmaps[index]

    def _cmap(self, index: int) -> frozenset[int]:
        while len(self._cmaps) <= index:
            self._cmaps.append(self._read(len(self._cmaps), None))
        return self._cmaps[index]

    def first_with(self, code: int) -> int | None:
        """The index of the first font that has *code*. Raises UnreadableFont."""
        return next((i for i in range(len(self.names)) if code in self._cmap(i)), None)


def font_chains(app: Sphinx, quiet: bool = False) -> dict[str, FontChain] | None:
    """The configured fonts, found; None if there are none, or (with a
    warning, unless *quiet*) if they cannot be found."""
    value = work_history_config(app.config).latex_fonts
    if isinstance(value, str):  # -D work_history_latex_fonts=name
        value = [value] if value else []
    if not value:
        return None
    families = value if isinstance(value, dict) else {"": value}

    def cannot(problem: str) -> None:
        if not quiet:
            warn("bad_config", f"work_history_latex_fonts: {problem}; the PDF's text is not "
                 "checked", None)

    try:
        import fontTools  # noqa: F401
    except ImportError:
        cannot("the glyph check needs fontTools (pip install sphinx-work-history[pdf-fonts])")
        return None
    names = sorted({name for fonts in families.values() for name in fonts})
    paths = {name: path for name, path in _resolve(names, app.confdir).items()
             if path is not None}
    missing = [name for name in names if name not in paths]
    if missing:
        cannot(f"font not found: {', '.join(missing)}")
        return None
    return {family: FontChain(tuple(fonts), tuple(paths[name] for name in fonts))
            for family, fonts in families.items()}


# -- the text -----------------------------------------------------------------------

@dataclass(frozen=True)
class Piece:
    """Some of the document's text, and where its first character is."""

    text: str
    docname: str
    line: int | None
    # The file the text was read from: in LaTeX's merged tree, an included page's
    # text may sit outside its start_of_file, so its docname would be the root's.
    source: str | None = None

    def line_of(self, offset: int) -> int | None:
        return None if self.line is None else self.line + self.text.count("\n", 0, offset)


def _docname(node: nodes.Node, default: str) -> str:
    """The document a node came from, in a tree that inlines others (LaTeX's)."""
    for ancestor in _ancestors(node):
        if isinstance(ancestor, addnodes.start_of_file):
            docname: str = ancestor["docname"]
            return docname
    return default


def _ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _skipped(node: nodes.Text) -> bool:
    """Text that is not set: comments, and raw markup for another format."""
    for ancestor in _ancestors(node):
        if isinstance(ancestor, (nodes.comment, nodes.substitution_definition)):
            return True
        if isinstance(ancestor, nodes.raw) and "latex" not in ancestor.get("format", "").split():
            return True
    return False


def _text_line(text: nodes.Text) -> int | None:
    """The line of *text*'s first character: its element's line, plus the
    line breaks of the text before it in that element."""
    element = next((a for a in _ancestors(text) if a.line), None)
    if element is None or element.line is None:
        return None
    before = 0
    for other in element.findall(nodes.Text):
        if other is text:
            break
        before += other.count("\n")
    return element.line + before


def document_text(doctree: nodes.document,
                  docname: str) -> Iterator[tuple[str, Callable[[], Piece]]]:
    """Every piece of text the LaTeX writer sets, with a callable that tells
    where it is (called only for a piece that needs telling)."""
    for node in doctree.findall(nodes.Text):
        if not _skipped(node):
            yield str(node), partial(_text_piece, node, docname)
    # The entries' headings, which the LaTeX writer prints from their attributes:
    # at the directive's line.
    for entry in doctree.findall(nodes.Element):
        if not isinstance(entry, (job_entry, employer_entry)):
            continue
        for key, value in entry.attributes.items():
            if key not in _NOT_TEXT and isinstance(value, str):
                yield value, partial(_attribute_piece, entry, value, docname)


def _source(node: nodes.Node) -> str | None:
    """The file *node*'s element (or its nearest ancestor that knows) was read from."""
    elements = (node, *_ancestors(node)) if isinstance(node, nodes.Element) else _ancestors(node)
    source = next((e.source for e in elements if e.source), None)
    return source if source and os.path.isfile(source) else None


def _text_piece(node: nodes.Text, docname: str) -> Piece:
    return Piece(str(node), _docname(node, docname), _text_line(node), _source(node))


def _attribute_piece(entry: nodes.Element, value: str, docname: str) -> Piece:
    line = entry.line or next((a.line for a in _ancestors(entry) if a.line), None)
    return Piece(value, _docname(entry, docname), line, _source(entry))


def fonts_used(chains: dict[str, FontChain], text: str) -> dict[str, list[str]]:
    """For each family, the fonts *text* needs: the first, and each later
    one that has a character no font before it has. Raises UnreadableFont."""
    codes = {ord(char) for char in set(text) if needs_glyph(char)}
    used = {}
    for family, chain in chains.items():
        wanted = {chain.first_with(code) for code in codes} - {None}
        used[family] = [name for i, name in enumerate(chain.names) if i == 0 or i in wanted]
    return used


def typst_chains(app: Sphinx) -> dict[str, FontChain] | None:
    """The cv-pdf builder's fonts (typst_fonts.py), as Typst finds them."""
    from .typst import fonts as typst_fonts

    try:
        import fontTools  # noqa: F401
        import typst  # noqa: F401
    except ImportError:
        return None  # the builder says what is missing
    paths = typst_fonts.font_paths(app.config, app.confdir)
    embedded = typst_fonts.embedded()

    def locate(name: str) -> tuple[str | None, int] | None:
        return typst_fonts.available(paths).get(name)

    return {family: FontChain(names, tuple("" if name in embedded else "?" for name in names),
                              probe=typst_fonts.probe, locate=locate)
            for family, names in typst_fonts.configured_chains(app.config).items()}


# -- the check ----------------------------------------------------------------------

def _check_glyphs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name == "cv-pdf":
        chains, setting = typst_chains(app), "work_history_pdf_fonts"
    elif app.builder.format == "latex":
        chains, setting = font_chains(app), "work_history_latex_fonts"
    else:
        return
    if not chains:
        return
    pieces = list(document_text(doctree, docname))
    codes = {ord(char) for char in set().union(*(text for text, _ in pieces))
             if needs_glyph(char)}
    lacking: dict[str, list[str]] = {}  # character -> the families without it
    # where (a file, else a docname; a line) -> the characters, in order
    found: dict[tuple[str, bool, int | None], dict[str, None]] = {}
    try:
        for chain in chains.values():
            chain.prepare(codes)
        for text, piece in pieces:
            for char in dict.fromkeys(text):
                if char not in lacking:
                    lacking[char] = [] if not needs_glyph(char) else [
                        family for family, chain in chains.items()
                        if chain.first_with(ord(char)) is None]
                if lacking[char]:
                    where = piece()
                    line = where.line_of(text.index(char))
                    key = ((where.source, True, line) if where.source and line
                           else (where.docname, False, line))
                    found.setdefault(key, {})[char] = None
    except UnreadableFont as exc:
        warn("bad_config", f"{setting}: {exc}; the PDF's text is not checked", None)
        return
    for (place, is_file, line), chars in found.items():
        named = sorted({family for char in chars for family in lacking[char] if family})
        families = f" ({', '.join(named)})" if named else ""
        them = "it" if len(chars) == 1 else "them"
        warn("glyph", f"{', '.join(map(describe, chars))}: no font of {setting}"
             f"{families} has {them}, so the PDF cannot show {them}",
             f"{place}:{line}" if is_file else (place, line) if line else place)


def setup_glyphs(app: Sphinx) -> None:
    # After the summaries are filled in (doctree-resolved, priority 500).
    app.connect("doctree-resolved", _check_glyphs, priority=800)
