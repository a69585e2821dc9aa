"""The CV as its pages' sources say it, for the site tests to compare with
what the built site shows: editing the CV needs no edit to the tests.

The sources are read as text, and lengths are worked out by the rule the
reference page documents, with nothing imported from the extension: a
mistake in the extension cannot hide behind the same mistake here.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SOURCE_DATE_EPOCH = 1795737600  # as conftest.py builds the site: 2026-11-27
TODAY = dt.datetime.fromtimestamp(SOURCE_DATE_EPOCH, dt.UTC).date()

_OPEN = re.compile(r"^(?P<fence>:{3,}|`{3,}|~{3,})(?:\{(?P<name>[\w:-]+)\})?[ \t]*(?P<arg>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):(?:[ \t]+(?P<value>.*))?$")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SMART_QUOTES = str.maketrans("‘’“”", "''\"\"")


# -- dates, and the length rule of pages/work-history-markup.md ------------------

@dataclass(frozen=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> Date:
        parts = [int(part) for part in text.strip().split("-")]
        return cls(*parts)

    @property
    def precision(self) -> int:  # 1 year, 2 month, 3 day
        return 1 + (self.month is not None) + (self.day is not None)

    def key(self) -> tuple[int, int, int]:
        return self.year, self.month or 0, self.day or 0

    def shown(self) -> str:
        """2014, Mar 2014, 2 Mar 2014: the precision it is written in."""
        text = str(self.year)
        if self.month:
            text = f"{_MONTHS[self.month - 1]} {text}"
        if self.day:
            text = f"{self.day} {text}"
        return text


def length(start: Date, end: Date) -> str:
    """Both dates at the coarser precision of the two; whole years at year
    precision ("< 1 yr" under one), else years and months, a month counting
    at day precision once its day of the month is reached."""
    precision = min(start.precision, end.precision)
    if precision == 1:
        years = end.year - start.year
        return plural(years, "yr") if years > 0 else "< 1 yr"
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if precision == 3 and end.day < start.day:
        months -= 1
    years, months = divmod(max(months, 0), 12)
    words = [plural(n, unit) for n, unit in ((years, "yr"), (months, "mo")) if n]
    return " ".join(words) or "< 1 mo"


def plural(count: int, unit: str) -> str:
    return f"{count} {unit}" + ("" if count == 1 else "s")


def today_at(precision: int) -> Date:
    return Date(*(TODAY.year, TODAY.month, TODAY.day)[:precision])


# -- the entries -----------------------------------------------------------------

@dataclass
class Job:
    position: str
    org: str
    start: str
    end: str | None  # None: ongoing
    page: str  # the page it is shown on, as a docname
    options: dict[str, str] = field(default_factory=dict)  # with "employer" when in one
    paragraphs: list[str] = field(default_factory=list)  # its text, as a reader sees it

    def dates(self) -> str:
        start = Date.parse(self.start)
        if self.end is None:
            return f"{start.shown()} – present"
        end = Date.parse(self.end)
        return start.shown() if end == start else f"{start.shown()} – {end.shown()}"

    def length(self) -> str:
        if "no-duration" in self.options:
            return ""
        start = Date.parse(self.start)
        end = Date.parse(self.end) if self.end else today_at(start.precision)
        return length(start, end)

    def newest_first(self) -> tuple:
        """Ongoing first, then by end, then by start: later sorts higher."""
        end = Date.parse(self.end) if self.end else Date(9999)
        return end.key(), Date.parse(self.start).key()


def _closing(lines: list[str], start: int, fence: str) -> int:
    """The index of the line closing the fence opened at lines[start]."""
    char = fence[0]
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped and set(stripped) == {char} and len(stripped) >= len(fence):
            return index
    return len(lines)


def _options(body: list[str]) -> tuple[dict[str, str], list[str]]:
    options = {}
    for index, line in enumerate(body):
        match = _OPTION.match(line.strip())
        if not match:
            return options, body[index:]
        options[match["key"]] = (match["value"] or "").strip()
    return options, []


def plain(markdown: str) -> str:
    """A paragraph's text as a reader sees it: links, roles and markup gone."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\{[\w:-]+\}`([^`<]*?)\s*<[^>]*>`", r"\1", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text)
    text = re.sub(r"(\*\*|\*|`)", "", text)
    return " ".join(text.translate(SMART_QUOTES).split())


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")


def paragraphs(lines: list[str]) -> list[str]:
    """The prose paragraphs (and list items) of *lines*, as a reader sees them.

    Left out: headings, directives, comments, and paragraphs with a role
    whose words only the build knows (``{doc}`page```).
    """
    chunks, current = [], []
    for line in [*lines, ""]:
        if re.fullmatch(r"\s*\{[.#][^}]*\}\s*", line):
            continue  # an attribute block: {.hero-lead}
        if not line.strip() or line.startswith("#") or _LIST_ITEM.match(line):
            chunks.append(current)
            current = [line] if line.strip() else []
            continue
        current.append(line)
    found = []
    for chunk in chunks:
        text = "\n".join(chunk)
        if not text.strip() or re.match(r"\s*(?:[:`~]{3}|<!--|#)", text) \
                or re.search(r"\{[\w:-]+\}`[^`<]*`", text):
            continue
        found.append(plain(text))
    return found


# The tags of the HTML build the site tests read: an ``only`` block shows when
# its expression holds for these (the full CV: no variant's tag is set).
HTML_TAGS = frozenset({"html", "format_html", "builder_html"})
LATEX_TAGS = frozenset({"latex", "format_latex", "builder_latex"})
# The CV files' builders (cv-docx, cv-text, cv-markdown): their format, ``cv``.
CV_TAGS = frozenset({"cv", "format_cv"})


def shown_only(lines: list[str], tags: frozenset[str] = HTML_TAGS) -> list[str]:
    """*lines* with each ``only`` block replaced by its content where its
    expression holds for *tags*, and left out where it does not."""
    out, index = [], 0
    while index < len(lines):
        match = _OPEN.match(lines[index].strip())
        if not match or (match["name"] or "").rsplit(":", 1)[-1] != "only":
            out.append(lines[index])
            index += 1
            continue
        end = _closing(lines, index, match["fence"])
        expression = re.sub(r"[A-Za-z_][\w-]*",
                            lambda m: m[0] if m[0] in ("and", "or", "not") else
                            str(m[0] in tags), match["arg"])
        if eval(expression, {"__builtins__": {}}):  # only True, False, and, or, not
            out += shown_only(lines[index + 1:end], tags)
        index = end + 1
    return out


def _read(lines: list[str], docname: str, inherited: dict[str, str], base: Path,
          tags: frozenset[str] = HTML_TAGS):
    lines = shown_only(lines, tags)
    index = 0
    while index < len(lines):
        match = _OPEN.match(lines[index].strip())
        if not match:
            index += 1
            continue
        end = _closing(lines, index, match["fence"])
        name = (match["name"] or "").rsplit(":", 1)[-1]
        options, content = _options(lines[index + 1:end])
        arg = " ".join(match["arg"].split())
        if name == "job":
            merged = {**inherited, **options}
            ends = merged.get("end", "")
            yield Job(arg, merged.get("org", ""), merged["start"],
                      None if ends in ("", "present") else ends, docname, merged,
                      paragraphs(content))
        elif name == "employer":
            shared = {key: value for key, value in options.items()
                      if key in ("org", "url", "location")}
            employer = {"org": arg, **shared}
            yield from _read(content, docname, {**inherited, **employer,
                                                "employer": employer["org"]}, base, tags)
        elif name == "include":
            included = (base / arg).resolve()
            yield from _read(included.read_text(encoding="utf-8").splitlines(), docname,
                             inherited, included.parent, tags)
        elif match["name"] and name not in ("literalinclude", "code-block", "toctree"):
            yield from _read(content, docname, inherited, base, tags)  # admonition, ...
        index = end + 1


def page_source(docname: str) -> Path:
    return PROJECT / f"{docname}.md"


def jobs(docname: str, tags: frozenset[str] = HTML_TAGS) -> list[Job]:
    """The page's entries, in the order it shows them (in a build with *tags*)."""
    source = page_source(docname)
    return list(_read(source.read_text(encoding="utf-8").splitlines(), docname, {},
                      source.parent, tags))


def site_pages() -> list[str]:
    return ["index", *(f"pages/{p.stem}" for p in sorted((PROJECT / "pages").glob("*.md")))]


def excluded_pages() -> list[str]:
    """conf.py's work_history_exclude_docs: pages whose entries summaries leave out."""
    tree = ast.parse((PROJECT / "conf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        names = [getattr(target, "id", "") for target in getattr(node, "targets", [])]
        if isinstance(node, ast.Assign) and "work_history_exclude_docs" in names:
            return list(ast.literal_eval(node.value))
    return []


def summary_jobs() -> list[Job]:
    """What the home page's table lists: every entry but the excluded pages', newest first."""
    found = [job for page in site_pages() if page not in excluded_pages() for job in jobs(page)]
    return sorted(found, key=lambda job: job.newest_first(), reverse=True)


def web_links(docname: str) -> list[tuple[str, str]]:
    """(text, address) of each Markdown web link of the page, in order."""
    text = page_source(docname).read_text(encoding="utf-8")
    return [(" ".join(title.split()), url)
            for title, url in re.findall(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", text)]


def prose(docname: str, tags: frozenset[str] = HTML_TAGS) -> list[str]:
    """The page's own paragraphs (outside any directive), as a reader sees them."""
    lines = page_source(docname).read_text(encoding="utf-8").splitlines()
    if lines and lines[0] == "---":  # front matter
        lines = lines[lines.index("---", 1) + 1:]
    lines = shown_only(lines, tags)
    outside, index = [], 0
    while index < len(lines):
        match = _OPEN.match(lines[index].strip())
        if match:
            index = _closing(lines, index, match["fence"]) + 1
            continue
        outside.append(lines[index])
        index += 1
    return paragraphs(outside)


def tenure(roles: list[Job]) -> str:
    """An employer's length: its earliest start to its latest end (ongoing if any is)."""
    start = min((Date.parse(job.start) for job in roles), key=Date.key)
    ends = [Date.parse(job.end) if job.end else None for job in roles]
    end = today_at(start.precision) if None in ends else max(ends, key=Date.key)
    return length(start, end)


def directive_bodies(docname: str, name: str, tags: frozenset[str] = HTML_TAGS) -> list[str]:
    """The paragraphs inside the page's *name* directives (an admonition, a
    publication), as a reader sees them."""
    lines = shown_only(page_source(docname).read_text(encoding="utf-8").splitlines(), tags)
    found, index = [], 0
    while index < len(lines):
        match = _OPEN.match(lines[index].strip())
        if not match:
            index += 1
            continue
        end = _closing(lines, index, match["fence"])
        if (match["name"] or "") == name:
            body = [line for line in lines[index + 1:end] if not _OPTION.match(line)]
            found += paragraphs(body)
        index = end + 1
    return found
