"""Italics and bold in CommonMark, on exactly the text a line's runs mark.

A CommonMark reader (GitHub's, a gist's) takes a run of ``*`` or ``_`` for a
mark only where it flanks text (by the characters either side of it), joins
delimiters that touch into one run, pairs the runs by rules of its own (a run
of three is bold and italic; two runs whose lengths add up to a multiple of
three do not pair when one of them could both open and close), and shows any
delimiter it could not pair as the character. Marks written one run at a
time therefore overlap or show (``***Lovelace, A*.**``, ``**foo.**bar``).

`emphasised` writes a line's pieces with each mark as one span, nested, the
spaces at its ends outside it; each span with stars, else underscores, else
the HTML CommonMark allows (``<em>``, ``<strong>``): each choice is kept only
when pairing the delimiters as a reader does (`_read`) gives every piece its
marks and leaves no delimiter unpaired.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MARKS = ("emphasis", "strong")
#: How a span may be written, in the order tried: its opening and closing delimiters.
FORMS: dict[str, dict[str, tuple[str, str]]] = {
    "*": {"emphasis": ("*", "*"), "strong": ("**", "**")},
    "_": {"emphasis": ("_", "_"), "strong": ("__", "__")},
    "html": {"emphasis": ("<em>", "</em>"), "strong": ("<strong>", "</strong>")},
}
_WHITESPACE = " \t\n\r\f"


@dataclass(frozen=True)
class Piece:
    """Markdown already escaped (or a link, a code span), and its marks."""

    markdown: str
    emphasis: bool = False
    strong: bool = False

    @property
    def marks(self) -> frozenset[str]:
        return frozenset(mark for mark in MARKS if getattr(self, mark))


def _kind(char: str, symbols_punctuate: bool) -> str:
    """'space', 'punct' or 'other', as CommonMark's flanking rules class *char* (a
    Unicode symbol is punctuation in CommonMark 0.31, not in older readers)."""
    if char in _WHITESPACE or unicodedata.category(char) == "Zs":
        return "space"
    category = unicodedata.category(char)
    if char in string.punctuation or category.startswith("P") or (
            symbols_punctuate and category.startswith("S")):
        return "punct"
    return "other"


def _segments(pieces: Iterable[Piece]) -> list[tuple[str, frozenset[str]]]:
    """The pieces with the spaces at a mark's ends outside it (a space between two
    pieces keeps the marks both have), pieces of the same marks joined."""
    split: list[tuple[str, frozenset[str]]] = []
    for piece in pieces:
        text, marks = piece.markdown, piece.marks
        body = text.strip(_WHITESPACE)
        if not marks or not body:
            split.append((text, frozenset()))
            continue
        start = text.index(body)
        split += [(text[:start], frozenset()), (body, marks),
                  (text[start + len(body):], frozenset())]
    split = _joined(part for part in split if part[0])
    for index, (text, _) in enumerate(split):
        if not text.strip(_WHITESPACE) and 0 < index < len(split) - 1:
            split[index] = (text, split[index - 1][1] & split[index + 1][1])
    return _joined(split)


def _joined(parts: Iterable[tuple[str, frozenset[str]]]) -> list[tuple[str, frozenset[str]]]:
    """*parts*, those of the same marks side by side made one."""
    joined: list[tuple[str, frozenset[str]]] = []
    for text, marks in parts:
        if joined and joined[-1][1] == marks:
            joined[-1] = (joined[-1][0] + text, marks)
        else:
            joined.append((text, marks))
    return joined


@dataclass
class _Spans:
    marks: list[str] = field(default_factory=list)  # each span's mark
    # slots[i]: the delimiters before segment i (the last: after the line), each
    # (span, opens): the spans closing, innermost first, then those opening.
    slots: list[list[tuple[int, bool]]] = field(default_factory=list)


def _spans(segments: Sequence[tuple[str, frozenset[str]]]) -> _Spans:
    found = _Spans()
    stack: list[int] = []  # the open spans, outermost first
    for index in range(len(segments) + 1):
        wanted = segments[index][1] if index < len(segments) else frozenset()
        slot: list[tuple[int, bool]] = []
        # The outermost span that ends here closes, and every span inside it.
        depth = next((depth for depth, span in enumerate(stack)
                      if found.marks[span] not in wanted), len(stack))
        slot += [(span, False) for span in reversed(stack[depth:])]
        del stack[depth:]
        still = {found.marks[span] for span in stack}

        def reach(mark: str, start: int = index) -> int:
            return next((end for end in range(start, len(segments))
                         if mark not in segments[end][1]), len(segments))

        for mark in sorted((m for m in MARKS if m in wanted and m not in still),
                           key=lambda m: -reach(m)):  # the longer span outside
            found.marks.append(mark)
            stack.append(len(found.marks) - 1)
            slot.append((len(found.marks) - 1, True))
        found.slots.append(slot)
    return found


def _items(segments: Sequence[tuple[str, frozenset[str]]], spans: _Spans,
           forms: Sequence[str]) -> list[tuple[str, str, int]]:
    """The line as items (kind, markdown, segment): a segment's text ('text'), a
    delimiter ('mark') or an HTML tag ('html'); segment -1 for the last two."""
    items: list[tuple[str, str, int]] = []
    for index, slot in enumerate(spans.slots):
        for span, opens in slot:
            form = FORMS[forms[span]][spans.marks[span]]
            items.append(("html" if forms[span] == "html" else "mark",
                          form[0 if opens else 1], -1))
        if index < len(segments):
            items.append(("text", segments[index][0], index))
    return items


@dataclass
class _Run:
    """A delimiter run as a reader pairs it."""

    at: int  # its place among the nodes
    char: str
    length: int
    opens: bool
    closes: bool
    count: int = 0  # its delimiters not yet paired
    live: bool = True  # still on the reader's stack

    def __post_init__(self) -> None:
        self.count = self.length


def _read(items: Sequence[tuple[str, str, int]], symbols_punctuate: bool
          ) -> dict[int, frozenset[str]] | None:
    """The marks a CommonMark reader gives each segment, by pairing the delimiters
    as its emphasis algorithm does; None when a delimiter would show as itself."""
    nodes: list[tuple[str, str, int]] = []  # touching delimiters of one character: one run
    for kind, text, segment in items:
        if kind == "mark" and nodes and nodes[-1][0] == "mark" and nodes[-1][1][0] == text[0]:
            nodes[-1] = ("mark", nodes[-1][1] + text, -1)
        else:
            nodes.append((kind, text, segment))
    runs: list[_Run] = []
    for position, (kind, text, _) in enumerate(nodes):
        if kind != "mark":
            continue
        before = nodes[position - 1][1][-1] if position else " "
        after = nodes[position + 1][1][0] if position + 1 < len(nodes) else " "
        b, a = _kind(before, symbols_punctuate), _kind(after, symbols_punctuate)
        left = a != "space" and (a != "punct" or b != "other")
        right = b != "space" and (b != "punct" or a != "other")
        if text[0] == "_":  # no underscore opens or closes inside a word
            opens, closes = left and (not right or b == "punct"), right and (
                not left or a == "punct")
        else:
            opens, closes = left, right
        runs.append(_Run(position, text[0], len(text), opens, closes))
    matches: list[tuple[str, int, int]] = []
    for number, closer in enumerate(runs):
        while closer.closes and closer.count:
            opener = next((run for run in reversed(runs[:number])
                           if run.live and run.count and run.char == closer.char
                           and run.opens and not _odd(run, closer)), None)
            if opener is None:
                break
            use = 2 if min(opener.count, closer.count) >= 2 else 1
            matches.append(("strong" if use == 2 else "emphasis", opener.at, closer.at))
            opener.count -= use
            closer.count -= use
            for between in runs[runs.index(opener) + 1:number]:
                between.live = False
        if closer.count and not closer.opens:
            closer.live = False
    if any(run.count for run in runs):
        return None
    return {segment: frozenset(mark for mark, start, end in matches if start < position < end)
            for position, (kind, _, segment) in enumerate(nodes) if kind == "text"}


def _odd(opener: _Run, closer: _Run) -> bool:
    """CommonMark's rule of three: runs that could both open and close pair only
    when their lengths do not add up to a multiple of three (unless both are)."""
    total = opener.length + closer.length
    return ((opener.closes or closer.opens) and total % 3 == 0
            and not (opener.length % 3 == 0 and closer.length % 3 == 0))


def _shows(segments: Sequence[tuple[str, frozenset[str]]], spans: _Spans,
           forms: Sequence[str]) -> bool:
    """Whether a reader shows every segment with its marks, and no delimiter."""
    items = _items(segments, spans, forms)
    in_html: dict[int, frozenset[str]] = {}  # the marks written as HTML, by segment
    open_html: list[str] = []
    for kind, text, segment in items:
        if kind == "html":
            mark = "strong" if "strong" in text else "emphasis"
            if text.startswith("</"):
                open_html.remove(mark)
            else:
                open_html.append(mark)
        elif kind == "text":
            in_html[segment] = frozenset(open_html)
    for symbols_punctuate in (True, False):
        read = _read(items, symbols_punctuate)
        if read is None:
            return False
        for segment, marks in read.items():
            text, wanted = segments[segment]
            if text.strip(_WHITESPACE) and marks | in_html[segment] != wanted:
                return False
    return True


def _chosen(segments: Sequence[tuple[str, frozenset[str]]]) -> list[tuple[str, str, int]]:
    """*segments* as items, each span written the first way a reader shows right."""
    spans = _spans(segments)
    forms = ["html"] * len(spans.marks)  # always read as written
    for span in range(len(forms)):
        for form in ("*", "_"):
            tried = [*forms[:span], form, *forms[span + 1:]]
            if _shows(segments, spans, tried):
                forms = tried
                break
    return _items(segments, spans, forms)


def emphasised(pieces: Iterable[Piece]) -> str:
    """*pieces* as one line of CommonMark, each shown with exactly its marks."""
    segments = _segments(pieces)
    written: list[str] = []
    start = 0
    # Each stretch of marked text is written on its own, with the unmarked text
    # either side of it (what its delimiters flank): a reader pairs every
    # delimiter of one stretch before it reads the next.
    while start < len(segments):
        if not segments[start][1]:
            written.append(segments[start][0])
            start += 1
            continue
        end = next((end for end in range(start, len(segments)) if not segments[end][1]),
                   len(segments))
        before, after = segments[max(start - 1, 0):start], segments[end:end + 1]
        items = _chosen([*before, *segments[start:end], *after])
        written += [text for _, text, _ in items[len(before):len(items) - len(after)]]
        start = end
    return "".join(written)
