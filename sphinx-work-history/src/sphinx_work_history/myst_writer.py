"""MyST Markdown as a person writes it: headings, paragraphs, lists and directives.

Text is written so that MyST reads back exactly the characters given:

* inline markup characters (``*``, ``_``, ``{``, ``$``, ``\\``, ``<`` ...)
  are backslash-escaped wherever they stand, and those that start a block
  (``#``, ``>``, ``-``, ``1.``, ``:::`` ...) at the start of a line;
* what Markdown cannot hold as it is (spaces at either end of a line, a
  tab, more than one blank line) is written as a numeric character
  reference (``&#32;``), which MyST decodes back;
* an option value a ``:key: value`` line would change (a leading quote, a
  ``#`` comment, a line break, spaces at either end) puts the directive's
  options in a YAML block (``---``), where every value is quoted as YAML
  needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import yaml

# Escaped wherever they stand: each can open inline markup (emphasis, code,
# a role, maths, a link, raw HTML, a table cell, a hard line break).
_INLINE = frozenset("\\`*_{}[]<$|")
# Escaped at the start of a line, where each can open a block.
_LINE_START = frozenset("#>+-=:%~(")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# A value ':key: value' keeps as written (see MyST's option parser).
_QUOTES_OR_BLOCK = ("'", '"', "|", ">", "#")


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def _escape_line(line: str) -> str:
    out = []
    for char in line:
        out.append("\\" + char if char in _INLINE else char)
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
    """*text* as one paragraph: a line break stays a soft break between two lines
    that show something, and is a reference (``&#10;``) anywhere else."""
    first, *rest = text.split("\n")
    lines = [_escape_line(first)]
    for part in rest:
        if lines[-1] and part:
            lines.append(_escape_line(part))
        else:
            lines[-1] += _reference("\n") + _escape_line(part)
    return "\n".join(lines)


def paragraphs(text: str) -> list[str]:
    """*text* split at its blank lines, each part a paragraph."""
    return [paragraph(part) for part in text.split("\n\n")]


def bullet_list(items: Iterable[str], marker: str = "-") -> str:
    """A list, one item per text; an item's later lines and paragraphs are indented."""
    lines = []
    for item in items:
        indent = " " * (len(marker) + 1)
        body = "\n\n".join(paragraphs(item))
        first, *rest = body.split("\n")
        lines.append(f"{marker} {first}".rstrip())
        lines.extend(indent + line if line else "" for line in rest)
    return "\n".join(lines)


def heading(level: int, text: str) -> str:
    return "#" * level + " " + _escape_line(text)


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
    return (value == value.strip() and "\n" not in value and "\r" not in value
            and not value.startswith(_QUOTES_OR_BLOCK) and " #" not in value
            and "\t#" not in value)


Option = tuple[str, str | None]  # (name, value); None: a flag


def directive(name: str, argument: str, options: Sequence[Option], body: Sequence[str] = ()
              ) -> str:
    """A colon-fenced directive: ``:::{name} argument``, its options, then *body*'s
    blocks (already MyST), a blank line between them."""
    head = f":::{{{name}}}" + (f" {argument}" if argument else "")
    lines = [head]
    options = [(k, v) for k, v in options if v is None or v]  # an empty value is no value
    if all(value is None or line_keeps(value) for _, value in options):
        lines += [f":{key}:" + (f" {value}" if value else "") for key, value in options]
    else:
        data = {key: "" if value is None else value for key, value in options}
        lines += ["---", yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                        width=float("inf")).rstrip("\n"), "---"]
    if body:
        lines += ["", "\n\n".join(body)]
    lines.append(":::")
    return "\n".join(lines)


def document(blocks: Iterable[str]) -> str:
    """Blocks joined by blank lines, ending in one line break."""
    return "\n\n".join(block for block in blocks if block) + "\n"
