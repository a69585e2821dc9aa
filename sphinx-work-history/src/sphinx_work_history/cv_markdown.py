"""``cv-markdown``: the CV in CommonMark, as GitHub, a gist or a mail client renders it.

Text is escaped, so what an entry says is never read as markup: every
character that makes Markdown (CommonMark's, and GitHub's strikethrough,
tables and math) is backslash-escaped where it would (CommonMark allows
escaping any ASCII punctuation), raw HTML included. Links keep their
address (in ``<…>``, so parentheses in it are safe); inline code is a code
span whose fence is longer than any run of backticks it holds.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from sphinx.application import Sphinx

from .cv_builder import CVBuilder
from .cv_document import CV, Block, BulletList, Paragraph, Run
from .l10n import word

# Markup wherever it stands (GitHub's too: ~strike~, $math$, tables).
_SPECIAL = re.compile(r"([\\`*_\[\]<>#~|$])")
# Markup in some contexts only: an entity (&amp;), an emoji code (:tada:).
_ENTITY = re.compile(r"&(?=#?\w+;)")
_EMOJI = re.compile(r":(?=[\w+-]+:)")
# What opens a block at the start of a line: a list, a heading underline, a quote.
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return _EMOJI.sub(r"\\:", _ENTITY.sub(r"\\&", text))


def line_start(markdown: str) -> str:
    """*markdown* made safe to stand at the start of a line."""
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}",
                           markdown, count=1)


def _url(url: str) -> str:
    # In <…> an address may hold anything but <, > and line ends.
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~-._")


def _code(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _run(run: Run) -> str:
    text = run.text
    match = re.match(r"(\s*)(.*?)(\s*)$", text, re.DOTALL)
    assert match is not None  # the pattern matches any text
    lead, body, trail = match.groups()
    if not body:
        return text
    shown = _code(body) if run.literal else escape(body)
    if run.emphasis and not run.literal:
        shown = f"*{shown}*"
    if run.strong and not run.literal:
        shown = f"**{shown}**"
    if run.url:
        shown = f"[{shown}](<{_url(run.url)}>)"
    return f"{lead}{shown}{trail}"


def inline(paragraph: Paragraph) -> str:
    return line_start("".join(_run(run) for run in paragraph.runs))


def blocks(items: tuple[Block, ...]) -> list[str]:
    lines: list[str] = []
    for block in items:
        if isinstance(block, BulletList):
            lines += [f"{'  ' * depth}- {inline(item)}" for depth, item in block.items]
        else:
            lines.append(inline(block))
        lines.append("")
    return lines


def cv_markdown(cv: CV) -> str:
    lines = [f"# {escape(cv.name)}", ""] if cv.name else []
    if cv.label:
        lines += [f"**{escape(cv.label)}**", ""]
    contacts = []
    for contact in cv.contacts:
        shown = escape(contact.text)
        if contact.url:
            shown = f"[{shown}](<{_url(contact.url)}>)"
        contacts.append(line_start(f"{escape(contact.label)}: {shown}"))
    if contacts:
        # A backslash at the end of a line is a line break.
        lines += [" \\\n".join(contacts), ""]
    lines += blocks(cv.introduction)
    if cv.entries:
        lines += [f"## {word(cv.EXPERIENCE)}", ""]
        for entry in cv.entries:
            org = escape(entry.org)
            if entry.org_url and org:
                org = f"[{org}](<{_url(entry.org_url)}>)"
            title = (f"{escape(entry.position)}, {org}" if entry.position and org
                     else escape(entry.position) or org)
            lines += [f"### {title}", ""]
            if entry.meta:
                lines += [f"*{escape(entry.meta)}*", ""]
            lines += blocks(entry.body)
    if cv.publications:
        lines += [f"## {word(cv.PUBLICATIONS)}", ""]
        lines += blocks((BulletList(tuple((0, p.paragraph) for p in cv.publications)),))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


class CVMarkdownBuilder(CVBuilder):
    name = "cv-markdown"
    suffix = ".md"

    def write_cv(self, cv: CV, path: Path) -> None:
        path.write_text(cv_markdown(cv), encoding="utf-8")


def setup_cv_markdown(app: Sphinx) -> None:
    app.add_builder(CVMarkdownBuilder)
