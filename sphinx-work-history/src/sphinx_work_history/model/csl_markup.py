"""CSL-JSON's rich text in a title, read as runs of text (pure: no Sphinx).

CSL-JSON allows a few HTML-like tags in its text fields: ``<i>``, ``<b>``,
``<sup>``, ``<sub>``, ``<span style="font-variant:small-caps;">`` and
``<span class="nocase">``. `runs` reads exactly these, when each is closed
where it should be: the text between them is a run marked ``italic``,
``bold``, ``sup`` or ``sub`` (small capitals and "no case" are plain text).
Anything else (another tag, a tag with attributes, a tag left open or closed
out of turn) is kept as the characters written: this is a whitelist over
text, never an HTML parser, and what it gives is text and marks, never markup.
"""

from __future__ import annotations

import re

#: A run: its text and its marks, space-separated ("", "italic", "bold italic").
Run = tuple[str, str]

_OPENERS = {"<i>": "italic", "<b>": "bold", "<sup>": "sup", "<sub>": "sub",
            '<span style="font-variant:small-caps;">': "", '<span class="nocase">': ""}
_CLOSERS = {"italic": "</i>", "bold": "</b>", "sup": "</sup>", "sub": "</sub>"}
_TAG = re.compile("|".join(re.escape(tag) for tag in (
    *_OPENERS, "</i>", "</b>", "</sup>", "</sub>", "</span>")))


def _closer(opener: str) -> str:
    mark = _OPENERS[opener]
    return _CLOSERS[mark] if mark else "</span>"


def runs(text: str) -> tuple[Run, ...]:
    """*text* as runs: the whitelisted tags that pair up read, every other
    character as written."""
    tags = list(_TAG.finditer(text))
    paired: set[int] = set()  # the tags that pair up, by their index in `tags`
    open_tags: list[int] = []
    for index, tag in enumerate(tags):
        if tag[0] in _OPENERS:
            open_tags.append(index)
        elif open_tags and _closer(tags[open_tags[-1]][0]) == tag[0]:
            paired.update((open_tags.pop(), index))
    found: list[Run] = []
    active: list[str] = []
    position = 0

    def add(piece: str) -> None:
        marks = " ".join(sorted({mark for mark in active if mark}))
        if not piece:
            return
        if found and found[-1][1] == marks:
            found[-1] = (found[-1][0] + piece, marks)
        else:
            found.append((piece, marks))

    for index, tag in enumerate(tags):
        if index not in paired:
            continue
        add(text[position:tag.start()])
        position = tag.end()
        if tag[0] in _OPENERS:
            active.append(_OPENERS[tag[0]])
        else:
            active.pop()
    add(text[position:])
    return tuple(found)


def plain(text: str) -> str:
    """*text* with its rich-text tags read: the words a reader sees."""
    return "".join(piece for piece, _ in runs(text))


def marked_runs(text: str) -> tuple[Run, ...]:
    """*text*'s runs when one of them is marked; () when it is plain text."""
    found = runs(text)
    return found if any(marks for _, marks in found) else ()
