"""MyST Markdown as a person writes it: headings, paragraphs, lists and directives.

What it writes is data, never markup: MyST reads back the characters given,
whatever they are, with every extension of MyST-Parser on.

* Inline markup characters (``*``, ``_``, ``{``, ``$``, ``\\``, ``<``, ``~~``
  ...) are backslash-escaped wherever they stand, those that start a block
  (``#``, ``>``, ``-``, ``1.``, ``:::`` ...) at the start of a line, and ``&``
  where it would start a character reference.
* What Markdown cannot hold as it is (white space at either end of a line, a
  tab, more than one blank line) is a numeric character reference
  (``&#32;``), which MyST decodes back.
* A paragraph's line breaks are LF: each of `LINE_BREAKS` (CR LF as one)
  becomes one, since MyST ends a line at all of them and markdown-it decodes
  a reference to most (VT, FS, GS, RS, NEL) as U+FFFD. A heading's are spaces.
* A directive's argument, and each ``:key: value`` line, is one line: a line
  break in either raises ValueError. An option value a ``:key: value`` line
  would change (a leading quote, a ``#`` comment, a tab, a line break,
  white space at either end) is written quoted (``:org: "a\\tb"``),
  every value there a double-quoted string with each character it could
  misread escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: The characters MyST ends a line at: markdown-it at LF and CR, and a
#: directive's body and options, split by Python's str.splitlines, at these too.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile("\r\n|[" + LINE_BREAKS + "]")
# Escaped wherever they stand: each can open inline markup (emphasis, code,
# a role, maths, a link, a footnote, a substitution, raw HTML, an autolink,
# a table cell, attributes, a hard line break).
_INLINE = frozenset("\\`*_{}[]<$|")
# Escaped at the start of a line, where each can open a block: a heading, a
# quote, a list, a setext underline, a fence, a definition, a field, a comment,
# a target, a block break.
_LINE_START = frozenset("#>+-=:%~(^")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# A value ':key: value' keeps as written (see MyST's option parser).
_QUOTES_OR_BLOCK = ("'", '"', "|", ">", "#")
_OPTION_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
_FENCE = re.compile(r"[ \t]*(:{3,})")


def lf_lines(text: str) -> str:
    """*text* with each of `LINE_BREAKS` (CR LF as one) an LF."""
    return _LINE_BREAK.sub("\n", text)


def has_line_break(text: str) -> bool:
    return _LINE_BREAK.search(text) is not None


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def _escape_line(line: str) -> str:
    out = []
    for index, char in enumerate(line):
        # '~~' is strikethrough; one '~' is a character like any other.
        doubled = char == "~" and "~" in line[max(index - 1, 0):index] + line[index + 1:index + 2]
        out.append("\\" + char if char in _INLINE or doubled else char)
    text = _ENTITY.sub(r"\\&", "".join(out))
    if text and text[0] in _LINE_START:
        text = "\\" + text
    text = _ORDERED.sub(r"\1\\\2", text)
    # Markdown drops white space (any, as str.strip sees it) at a line's ends.
    stripped = text.lstrip()
    lead = "".join(_reference(c) for c in text[: len(text) - len(stripped)])
    body = stripped.rstrip()
    trail = "".join(_reference(c) for c in stripped[len(body):])
    return lead + body.replace("\t", _reference("\t")) + trail


def paragraph(text: str) -> str:
    """*text* as one paragraph: its line breaks LF (`lf_lines`), each a soft break
    between two lines that show something, and a reference (``&#10;``) anywhere else."""
    first, *rest = lf_lines(text).split("\n")
    lines = [_escape_line(first)]
    for part in rest:
        if lines[-1] and part:
            lines.append(_escape_line(part))
        else:
            lines[-1] += _reference("\n") + _escape_line(part)
    return "\n".join(lines)


def paragraphs(text: str) -> list[str]:
    """*text* (its line breaks LF) split at each blank line between two lines that
    show something, each part a paragraph: joined by blank lines, their texts are
    *text*. A part of white space alone stays in the paragraph before it (or after),
    where a reader keeps it."""
    parts: list[str] = []
    for part in re.split(r"(?<=[^\n])\n\n(?=[^\n])", lf_lines(text)):
        if parts and not (part.strip() and parts[-1].strip()):
            parts[-1] += "\n\n" + part
        else:
            parts.append(part)
    return [paragraph(part) for part in parts]


def bullet_list(items: Iterable[str], marker: str = "-") -> str:
    """A list, one item per text, each item one paragraph (`paragraph`: a blank line
    in it is a reference), its later lines indented."""
    lines = []
    for item in items:
        indent = " " * (len(marker) + 1)
        first, *rest = paragraph(item).split("\n")
        if first[1:3] == "--":
            # MyST's front matter rule, on the first line of a text that starts with
            # '-', counts dashes from an item's second character: '- a--' would be
            # front matter, and the item gone.
            first = "\\-\\" + first[2:] if first[0] == "\\" else first[0] + "\\" + first[1:]
        lines.append(f"{marker} {first}".rstrip())
        lines.extend(indent + line if line else "" for line in rest)
    return "\n".join(lines)


def heading(level: int, text: str) -> str:
    """A heading: one line, so each line break in *text* is a space."""
    line = _escape_line(_LINE_BREAK.sub(" ", text))
    if line.endswith("#"):  # not a closing sequence
        line = line[:-1] + "\\#"
    return "#" * level + " " + line


def csv_list(items: Sequence[str]) -> str:
    """``"Data, Structures", Compilers``: an item holding a comma, a quote or spaces at
    either end is quoted, CSV-style (a quote doubled)."""
    def one(item: str) -> str:
        if not item or "," in item or '"' in item or item != item.strip():
            return '"' + item.replace('"', '""') + '"'
        return item
    return ", ".join(one(item) for item in items)


def line_keeps(value: str) -> bool:
    """Whether a ``:key: value`` line gives back *value* exactly."""
    return (value == value.strip() and not has_line_break(value)
            and "\t" not in value and "\0" not in value
            and not value.startswith(_QUOTES_OR_BLOCK) and " #" not in value)


def _quoted(value: str) -> str:
    """*value* as a double-quoted string of MyST's option block: a quote and a
    backslash escaped, and every character but a space that is not printable
    (a line break, a tab, a format character) as its code."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char == " " or (char.isprintable() and char not in LINE_BREAKS):
            out.append(char)
        elif (code := ord(char)) < 0x100:
            out.append(f"\\x{code:02X}")
        else:
            out.append(f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


Option = tuple[str, str | None]  # (name, value); None: a flag


def directive(name: str, argument: str, options: Sequence[Option], body: Sequence[str] = ()
              ) -> str:
    """A colon-fenced directive: ``:::{name} argument``, its options, then *body*'s
    blocks (already MyST), a blank line between them. The fence is longer than any
    colon fence starting a line of *body*.

    Raises ValueError for a line break in *argument* (a directive's argument is
    the rest of its first line) or for a name that is not one."""
    if has_line_break(argument):
        raise ValueError(f"a directive's argument is one line: {argument!r}")
    options = [(k, v) for k, v in options if v is None or v]  # an empty value is no value
    for key in (name, *(key for key, _ in options)):
        if not _OPTION_NAME.match(key):
            raise ValueError(f"not a directive or option name: {key!r}")
    text = "\n\n".join(body)
    inner = max((len(m[1]) for line in text.splitlines() if (m := _FENCE.match(line))),
                default=0)
    fence = ":" * max(3, inner + 1)
    lines = [f"{fence}{{{name}}}" + (f" {argument}" if argument else "")]
    # A value a ``:key: value`` line would change is quoted, never put in a ``---``
    # block: a first line holding one '|' over a ``---`` line reads as a table.
    lines += [f":{key}:" + ("" if not value else f" {value}" if line_keeps(value)
                            else f" {_quoted(value)}") for key, value in options]
    if any(has_line_break(line) for line in lines):  # the last guard: no option ends early
        raise ValueError(f"a line break in the options of {name!r}")
    if body:
        lines += ["", text]
    lines.append(fence)
    return "\n".join(lines)


def document(blocks: Iterable[str]) -> str:
    """Blocks joined by blank lines, ending in one line break."""
    return "\n\n".join(block for block in blocks if block) + "\n"
