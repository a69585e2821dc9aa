"""RenderCV's Markdown, read as data and written as MyST.

RenderCV's texts are Markdown, of which RenderCV shows an inline subset:
bold, italic, code and links. A text is read here with markdown-it (the
parser MyST itself uses), set to see nothing else: no raw HTML, no
entities, no block but the paragraph, an image's ``![`` as text. What it
reads as bold, italic, code, or a link to an http(s) or mailto address is
written as that markup; everything else (a directive's or role's braces,
HTML, ``$`` maths, a heading's ``#``, a quote's ``>``) is text, written
with each character MyST could read as markup escaped, so MyST shows the
characters as written and never reads them as source. A link to any other
address keeps its text; its address is left out, with a note.

No line of the MyST written holds a line break MyST or docutils knows
but its own: a directive's body is split with `str.splitlines`, so a
``U+2028`` left in it would start a line no escape had seen. Such a line
break (any but a newline) is read as a space, with a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from ..config.options import is_web_url
from . import LINE_BREAKS

# Escaped wherever they stand: each can open inline markup in MyST (emphasis,
# code, a role, maths, a link, raw HTML, a table cell, an escape).
_INLINE = frozenset("\\`*_{}[]<$|")
# Escaped at the start of a line, where each can open a block.
_LINE_START = frozenset("#>+-=:%~(")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?=\s|$)")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
#: The line breaks other than a newline (and CR, which markdown-it reads as one): a
#: directive's body is split at each, so MyST cannot hold one as it is, and markdown-it
#: decodes a reference to most of them as U+FFFD. Each is read as a space.
UNWRITABLE = "".join(char for char in LINE_BREAKS if char not in "\n\r")
_UNWRITABLE = re.compile("[" + UNWRITABLE + "]")
_BREAK = re.compile("[" + LINE_BREAKS + "]")


def _image_as_text(state: StateInline, silent: bool) -> bool:
    """``![``: text (RenderCV shows no images), so ``![a](b)`` reads as written."""
    if not state.src.startswith("![", state.pos):
        return False
    if not silent:
        state.pending += "!["
    state.pos += 2
    return True


class _LinkReader(MarkdownIt):
    """markdown-it reading every link as written, whatever its address: `_Writer`
    decides which are kept."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link


def _reader(entities: bool = False) -> MarkdownIt:
    md = _LinkReader("commonmark", {"html": False})
    md.block.ruler.enableOnly(["paragraph"])
    md.inline.ruler.enableOnly(["text", "newline", "escape", "backticks", "emphasis", "link",
                                "autolink", *(["entity"] if entities else [])])
    md.inline.ruler.before("link", "image_as_text", _image_as_text)
    return md


def _sub_item(state: StateInline, silent: bool) -> bool:
    """`` - `` in a highlight: where RenderCV starts a nested item (YAML folds
    ``- Main`` over indented ``- Sub`` lines into "Main - Sub"). As RenderCV
    finds them: left to right, a space not taken twice, none in code or an
    escape (``\\-``)."""
    pos = state.pos
    if (not state.src.startswith("- ", pos) or pos == 0 or state.src[pos - 1] != " "
            or pos - 1 < getattr(state, "sub_item_end", 0)):  # that space was taken
        return False
    if not silent:  # (a link's text is first scanned silently, then read)
        state.push("sub_item", "", 0)
        state.sub_item_end = pos + 2  # type: ignore[attr-defined]  # this paragraph's
    state.pos = pos + 2
    return True


_READER = _reader()
_HIGHLIGHT_READER = _reader()
_HIGHLIGHT_READER.inline.ruler.after("text", "sub_item", _sub_item)
# What MyST makes of the MyST written, as far as RenderCV's markup goes: the reader,
# with character references decoded, as MyST decodes them (the rest is escaped).
_CHECKER = _reader(entities=True)
_EMPHASIS = ("em_open", "em_close", "strong_open", "strong_close")


def inline_tokens(markdown: str, reader: MarkdownIt = _READER) -> list[list[Token]]:
    """Each paragraph of *markdown*, as its inline tokens."""
    return [token.children or [] for token in reader.parse(markdown)
            if token.type == "inline"]


def linkable(url: str) -> bool:
    """A link RenderCV's text may keep: to a web page (http, https) or an email address."""
    if is_web_url(url):
        return True
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return (parts.scheme == "mailto" and len(url) > len("mailto:")
            and not any(c.isspace() for c in url))


def plain_text(markdown: str) -> tuple[str, list[str]]:
    """(the text, each link's address) of inline Markdown shown as plain text: a link's
    text, code's characters; emphasis marks dropped; a line break a line break, and
paragraphs apart by a blank line."""
    parts: list[str] = []
    urls: list[str] = []
    for index, tokens in enumerate(inline_tokens(markdown)):
        if index:
            parts.append("\n\n")
        for token in tokens:
            if token.type in ("text", "code_inline"):
                parts.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif token.type == "link_open":
                urls.append(str(token.attrGet("href") or ""))
    return "".join(parts), urls


def plain(markdown: str) -> tuple[str, str]:
    """(text, the first link's address) of inline Markdown shown as plain text."""
    text, urls = plain_text(markdown)
    return text, urls[0] if urls else ""


# -- writing MyST ------------------------------------------------------------------
def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def escape_text(text: str, line_start: bool = False, line_end: bool = False) -> str:
    """*text* (a text token's, no line break in it) as MyST that shows exactly its
    characters, standing in a line of inline markup, at its start (*line_start*) or
    its end (*line_end*) too.

    White space needs little: markdown-it has already dropped what MyST would (at a
    paragraph's ends, a line's leading spaces and tabs), and keeps what is left, but
    for spaces at a line's end, written as references. A reference anywhere else would
    make a delimiter beside it flank differently."""
    out = []
    for index, char in enumerate(text):
        if char in _INLINE:
            out.append("\\" + char)
        elif char == "&" and _ENTITY.match(text, index):
            out.append("\\&")
        else:
            out.append(char)
    if text.endswith("!"):  # a link written next would be an image
        out[-1] = "\\!"
    if line_start and text:
        if text[0] in _LINE_START:
            out[0] = "\\" + text[0]
        elif match := _ORDERED.match(text):
            out[match.end(1)] = "\\" + match[2]
    if line_end:
        spaces = len(text) - len(text.rstrip(" "))
        out[len(text) - spaces:] = [_reference(" ")] * spaces
    return "".join(out)


def _code(content: str) -> str:
    """A code span showing *content* (which holds no line break)."""
    longest = max((len(run) for run in re.findall("`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = content.startswith("`") or content.endswith("`") or (
        content.startswith(" ") and content.endswith(" ") and content.strip(" "))
    return f"{fence} {content} {fence}" if pad else f"{fence}{content}{fence}"


def _escape_in_link(text: str, escaped: str) -> str:
    """*text* in a link's destination or title: each of *escaped* backslash-escaped, an
    ``&`` that would start a character reference too, a line break a reference."""
    out = []
    for index, char in enumerate(text):
        if char in escaped or (char == "&" and _ENTITY.match(text, index)):
            out.append("\\" + char)
        elif char in LINE_BREAKS:
            out.append(_reference(char))
        else:
            out.append(char)
    return "".join(out)


def _destination(url: str) -> str:
    """*url* (no white space in it) as a link's destination, in angle brackets."""
    return "<" + _escape_in_link(url, "\\<>") + ">"


def _title(title: str) -> str:
    return ' "' + _escape_in_link(title, '\\"') + '"'


def _shape(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """What *tokens* show, as written: the texts (a line break a newline), code, bold,
    italic, and the links kept."""
    shape: list[tuple[str, str]] = []
    kept: list[bool] = []
    for token in tokens:
        kind, value = token.type, ""
        if kind in ("text", "softbreak", "hardbreak"):
            kind, value = "text", token.content if kind == "text" else "\n"
            if not value:
                continue
            if shape and shape[-1][0] == "text":
                shape[-1] = ("text", shape[-1][1] + value)
                continue
        elif kind == "code_inline":
            value = _BREAK.sub(" ", token.content)
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
            kept.append(linkable(href))
            if not kept[-1]:
                continue
            value = f"{href} {token.attrGet('title') or ''}"
        elif kind == "link_close" and not kept.pop():
            continue
        shape.append((kind, value))
    return shape


class _Writer:
    """One paragraph's inline tokens as MyST lines, and the notes on what they lose."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.notes: list[str] = []
        self.out: list[str] = []
        self.kept: list[bool] = []  # for each open link: whether it is written as one
        self.link = ("", "")  # the open link's address and title

    def paragraph(self, tokens: Sequence[Token]) -> str:
        line_start = True
        for index, token in enumerate(tokens):
            if token.type == "text":
                following = tokens[index + 1].type if index + 1 < len(tokens) else "end"
                self.out.append(escape_text(token.content, line_start,
                                            following in ("softbreak", "end")))
            else:
                self._markup(token)
            line_start = token.type == "softbreak"
        return "".join(self.out)

    def _markup(self, token: Token) -> None:
        if token.type == "softbreak":
            self.out.append("\n")
        elif token.type == "hardbreak":
            # A line break in the text, as RenderCV's PDF shows it (MyST would write a
            # hard break as raw HTML and LaTeX), written where it stands: a line break
            # there could end the paragraph, or an emphasis beside it.
            self.out.append(_reference("\n"))
        elif token.type == "code_inline":
            content = _BREAK.sub(" ", token.content)
            if content != token.content:
                self.notes.append(f"{self.where}: a line break in code became a space")
            self.out.append(_code(content))
        elif token.type in _EMPHASIS:
            self.out.append(token.markup)
        elif token.type == "link_open":
            self._link_open(token)
        elif token.type == "link_close":
            self._link_close()
        else:  # pragma: no cover - the reader makes no other token
            raise ValueError(f"unexpected Markdown token {token.type!r}")

    def _link_open(self, token: Token) -> None:
        url = str(token.attrGet("href") or "")
        keep = linkable(url)
        self.kept.append(keep)
        if keep:
            self.out.append("[")
            self.link = (url, str(token.attrGet("title") or ""))
        else:
            self.notes.append(f"{self.where}: the link to {url!r} is not to an http(s) "
                              "or mailto address: its text is kept, the address is not "
                              "imported")

    def _link_close(self) -> None:
        if self.kept.pop():
            url, title = self.link
            self.out.append("](" + _destination(url) + (
                _title(title) if title else "") + ")")


def _writable(markdown: str, where: str, notes: list[str]) -> str:
    if match := _UNWRITABLE.search(markdown):
        notes.append(f"{where}: a line break other than a newline (U+{ord(match[0]):04X}) "
                     "became a space")
        markdown = _UNWRITABLE.sub(" ", markdown)
    return markdown


def myst_paragraphs(markdown: str, where: str, notes: list[str]) -> list[str]:
    """RenderCV's Markdown *markdown* as MyST paragraphs: its inline subset kept as
    markup, the rest as text. *where* names it in a note (a link not kept).

    Each paragraph written is read back: where an escaped ``*`` or ``_`` would change
    how the delimiters beside it pair up (a run such as ``***`` split), the paragraph's
    bold and italic marks are written as text, and a note says so."""
    return _myst(inline_tokens(_writable(markdown, where, notes)), where, notes)


def _trimmed(tokens: list[Token], end: int) -> list[Token]:
    """*tokens* without the white space, or the line break, at their start (*end*
    0) or their end (-1): a nested item's text stands apart from its neighbours'."""
    tokens = list(tokens)
    while tokens and tokens[end].type in ("softbreak", "hardbreak"):
        tokens.pop(end)
    if tokens and tokens[end].type == "text":
        text = tokens[end].content
        text = text.lstrip() if end == 0 else text.rstrip()
        if text:
            tokens[end] = Token("text", "", 0, content=text)
        else:
            tokens.pop(end)
            return _trimmed(tokens, end)
    return tokens


def highlight_items(markdown: str, where: str, notes: list[str]) -> list[list[str]]:
    """A RenderCV highlight as the MyST paragraphs of its own text, then of each item
    RenderCV nests in it (`_sub_item`). A " - " inside bold, italic or a link
    stays text: an item holds its markup whole."""
    parts: list[list[list[Token]]] = [[]]
    for tokens in inline_tokens(_writable(markdown, where, notes), _HIGHLIGHT_READER):
        paragraph: list[Token] = []
        depth = 0
        for token in tokens:
            depth += token.nesting
            if token.type != "sub_item":
                paragraph.append(token)
            elif depth:  # inside bold, italic or a link: text
                paragraph.append(Token("text", "", 0, content="- "))
            else:
                parts[-1].append(_trimmed(paragraph, -1))
                parts.append([])
                paragraph = []
        parts[-1].append(paragraph)
    items = []
    for index, part in enumerate(parts):
        if index:  # what follows a " - "
            part[0] = _trimmed(part[0], 0)
        items.append(_myst([tokens for tokens in part if tokens], where, notes))
    return items


def _myst(paragraph_tokens: list[list[Token]], where: str, notes: list[str]) -> list[str]:
    paragraphs = []
    for number, tokens in enumerate(paragraph_tokens, 1):
        writer = _Writer(where)
        text = writer.paragraph(tokens)
        if text and [_shape(t) for t in inline_tokens(text, _CHECKER)] != [_shape(tokens)]:
            writer = _Writer(where)
            text = writer.paragraph([Token("text", "", 0, content=t.markup)
                                     if t.type in _EMPHASIS else t for t in tokens])
            writer.notes.append(f"{where}: paragraph {number}: its bold and italic cannot be "
                                "written as they read; their marks are shown as text")
        notes += writer.notes
        if text:
            paragraphs.append(text)
    return paragraphs
