"""The CV as the builders that write it as one file read it (the pure model: no Sphinx).

The person (name, label, contact details, photo), then the sections of
the CV's pages in page order, each with its own prose (paragraphs,
lists, asides) and its entries of every kind, employers' roles grouped.
Text is in `Run` s: text with emphasis, strong, literal or a link.
cv_document.py reads it from the pages; each builder (cv_text.py,
cv_markdown.py, cv_docx.py, cv_typst.py) sets it in its own format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .kinds import lead, subtitle_leads
from .l10n import word
from .views import Detail

# What XML 1.0 (and so a DOCX) cannot hold, and what no reader wants.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _UNWANTED.sub("", text)


@dataclass(frozen=True)
class Run:
    text: str
    emphasis: bool = False
    strong: bool = False
    literal: bool = False
    url: str = ""  # a web or mail address: the run is a link


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


#: The class of an enumerated list numbered down (HTML's ``<ol reversed>``): in MyST,
#: ``{.reversed}`` before the list (the attrs_block extension).
REVERSED = "reversed"


@dataclass(frozen=True)
class BulletList:
    """A list, with the lists nested in its items: each item at its depth (from 0),
    after the item it stands in. An item of a numbered list has its number (the
    items of a list numbered down count down); a bullet's is None."""

    items: tuple[tuple[int, Paragraph], ...]  # (depth from 0, the item's text)
    numbers: tuple[int | None, ...] = ()  # each item's number; (): every item a bullet

    def number(self, index: int) -> int | None:
        return self.numbers[index] if index < len(self.numbers) else None

    @property
    def lists(self) -> tuple[ItemList, ...]:
        """The list as a tree: its lists at depth 0, each item holding the lists
        nested in it (`ItemList`)."""
        return _lists(self)


@dataclass(frozen=True)
class ListItem:
    text: Paragraph  # empty for an item that only holds a list (a depth skipped)
    number: int | None = None  # None: a bullet
    lists: tuple[ItemList, ...] = ()  # the lists nested in it


@dataclass(frozen=True)
class ItemList:
    """One list: bullets, or items numbered up or down from `start`."""

    items: tuple[ListItem, ...]

    @property
    def numbered(self) -> bool:
        return self.items[0].number is not None

    @property
    def start(self) -> int:
        number = self.items[0].number
        return 1 if number is None else number

    @property
    def reversed(self) -> bool:
        """Numbered down (RenderCV's reversed-numbered entries, an ``ol reversed``)."""
        first, *rest = self.items
        return bool(rest) and first.number is not None and rest[0].number == first.number - 1


def _continues(items: list[ListItem], number: int | None) -> bool:
    """Whether an item numbered *number* (None: a bullet) goes on the list of *items*:
    bullets after bullets, or the next number counting the list's way."""
    last = items[-1].number
    if last is None or number is None:
        return last is None and number is None
    if len(items) == 1:
        return number in (last + 1, last - 1)
    before = items[-2].number
    return before is not None and number - last == last - before


def _lists(block: BulletList) -> tuple[ItemList, ...]:
    flat = [(depth, block.number(index), text) for index, (depth, text) in
            enumerate(block.items)]

    def level(index: int, depth: int) -> tuple[tuple[ItemList, ...], int]:
        lists: list[list[ListItem]] = []
        while index < len(flat):
            item_depth, number, text = flat[index]
            if item_depth < depth:
                break
            if item_depth > depth:  # deeper than its parent allows: under the last item
                inner, index = level(index, item_depth)
                if not lists:
                    lists.append([ListItem(Paragraph(()))])
                last = lists[-1][-1]
                lists[-1][-1] = ListItem(last.text, last.number, last.lists + inner)
                continue
            if not lists or not _continues(lists[-1], number):
                lists.append([])
            lists[-1].append(ListItem(text, number))
            index += 1
        return tuple(ItemList(tuple(items)) for items in lists), index

    return level(0, flat[0][0] if flat else 0)[0]


@dataclass(frozen=True)
class Aside:
    """An admonition, a sidebar or a topic: a titled box of its own blocks."""

    title: str
    blocks: tuple[Block, ...]


Block = Paragraph | BulletList | Aside


@dataclass(frozen=True)
class Contact:
    label: str  # what it is, in the CV's language: "Email", "Phone", "Web", "Location",
    # or a profile's network
    text: str  # as shown
    url: str = ""
    kind: str = ""  # "email", "phone", "web", "location" or "profile"


def web_shown(url: str) -> str:
    """A web address as a reader writes it: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def location_text(location: dict[str, str]) -> str:
    """Street, city, region and postal code, country: as an address is written."""
    region = " ".join(location[key] for key in ("region", "postalCode") if location.get(key))
    parts = (location.get("address"), location.get("city"), region, location.get("countryCode"))
    return ", ".join(part for part in parts if part)


def contacts_of(person: dict[str, Any]) -> tuple[Contact, ...]:
    """The person's contact details, in the order every format shows them:
    email, phone, web address, location, then each profile (its username where
    the file gives one, else its address; a link to its address)."""
    contacts = []
    if email := person.get("email"):
        contacts.append(Contact(word("Email"), email, f"mailto:{email}", "email"))
    if phone := person.get("phone"):
        contacts.append(Contact(word("Phone"), phone, "tel:" + re.sub(r"[^0-9+]", "", phone),
                                "phone"))
    if url := person.get("url"):
        contacts.append(Contact(word("Web"), url, url, "web"))
    if where := location_text(person.get("location") or {}):
        contacts.append(Contact(word("Location"), where, "", "location"))
    for profile in person.get("profiles", ()):
        # The username, when the file gives one: an address may name no one (a
        # network's home page), and a username is what a reader looks for.
        shown = profile.get("username") or profile.get("url", "")
        if shown:
            contacts.append(Contact(profile.get("network") or word("Profile"), shown,
                                    profile.get("url", ""), "profile"))
    return tuple(Contact(clean(c.label), clean(c.text), c.url, c.kind) for c in contacts)


@dataclass(frozen=True)
class Entry:
    """An entry of any kind, as its view (views.py) describes it."""

    kind: str
    position: str  # the heading: a position, an institution, a name
    org: str  # who or where: the organisation, the awarder, the publisher
    org_url: str
    dates: str
    length: str
    location: str
    body: tuple[Block, ...]
    url: str = ""  # the heading's own address (a project's, a paper's)
    details: tuple[Detail, ...] = ()
    headed: bool = True  # False: the body shows the heading (a sentence around its link)
    compact_kind: bool = False  # its kind is a line in a list of its kind (kinds.COMPACT)
    label: str = ""  # its label in a numbered list ("[3]"), before its heading

    @property
    def labelled(self) -> str:
        """The label and a space before the heading ('' without a label or a heading)."""
        return f"{self.label} " if self.label and self.headed and any(self.lead) else ""

    @property
    def heading(self) -> str:
        """The position, and the organisation after it; without a position, the
        organisation; after the entry's label, if it has one."""
        return self.labelled + ", ".join(part for part in self.lead if part)

    @property
    def lead(self) -> tuple[str, str]:
        """What heads the entry, and what follows it (kinds.lead)."""
        return lead(self.position, self.org)

    @property
    def lead_urls(self) -> tuple[str, str]:
        """The addresses of what heads the entry and of what follows it."""
        if subtitle_leads(self.position):
            return self.url or self.org_url, ""
        return self.url, self.org_url

    @property
    def leading_label(self) -> str:
        """The label when no heading line shows it (it then leads the facts)."""
        return self.label if self.label and not self.labelled else ""

    @property
    def meta(self) -> str:
        details = (f"{d.label}: {d.text}" if d.label else d.text for d in self.details)
        return " · ".join(part for part in (self.leading_label, self.dates, self.length,
                                            self.location, *details) if part)

    @property
    def meta_runs(self) -> tuple[Run, ...]:
        """`meta` as runs: the items of a detail set in italics or bold (the CV's own
        name among a paper's authors) as they are set."""
        facts: list[tuple[Run, ...]] = [(Run(part),) for part in (
            self.leading_label, self.dates, self.length, self.location) if part]
        for detail in self.details:
            label = (Run(f"{detail.label}: "),) if detail.label else ()
            if not detail.parts:
                facts.append((*label, Run(detail.text)))
                continue
            items: list[Run] = []
            for text, italic, bold in detail.parts:
                items += [Run(", ")] if items else []
                items.append(Run(text, emphasis=italic, strong=bold))
            facts.append((*label, *items))
        runs: list[Run] = []
        for index, fact in enumerate(facts):
            for run in ((Run(" · "),) if index else ()) + fact:
                if runs and (runs[-1].emphasis, runs[-1].strong) == (run.emphasis, run.strong):
                    runs[-1] = Run(runs[-1].text + run.text, run.emphasis, run.strong)
                else:
                    runs.append(run)
        return tuple(runs)

    @property
    def styled_meta(self) -> bool:
        """Whether a part of `meta` is in italics or bold."""
        return any(detail.parts for detail in self.details)

    @property
    def compact(self) -> bool:
        """A kind shown on one line, in a list of its kind (a skill, a language)."""
        return self.compact_kind and not self.body

    @property
    def line(self) -> str:
        """A compact entry's one line: its heading, then its facts."""
        return f"{self.heading}: {self.meta}" if self.meta else self.heading


@dataclass(frozen=True)
class EmployerGroup:
    """Several roles at one organisation, under its header."""

    org: str
    org_url: str
    dates: str
    length: str
    location: str
    entries: tuple[Entry, ...]

    @property
    def meta(self) -> str:
        return " · ".join(part for part in (self.dates, self.length, self.location) if part)


Item = Paragraph | BulletList | Aside | Entry | EmployerGroup


@dataclass(frozen=True)
class Section:
    """A heading of the CV's pages and what follows it up to the next heading.

    *depth* 0 is the CV's own start (the root page's title, which the CV's
    name stands for); 1 a page's title; 2 and on its subsections.
    """

    title: str
    depth: int
    items: tuple[Item, ...]


@dataclass(frozen=True)
class PublicationItem:
    title: str
    url: str
    summary: str  # the paragraph the link stands in, which often holds the title

    @property
    def paragraph(self) -> Paragraph:
        """The summary with the title in it as the link, or the link then the summary."""
        link = Run(self.title, url=self.url)
        runs: tuple[Run, ...]
        before, found, after = self.summary.partition(self.title)
        if found and self.title:
            runs = (Run(before), link, Run(after))
        elif self.summary:
            runs = (link, Run(f": {self.summary}"))
        else:
            runs = (link,)
        return Paragraph(tuple(run for run in runs if run.text))


@dataclass(frozen=True)
class CV:
    name: str
    label: str
    language: str
    contacts: tuple[Contact, ...]
    sections: tuple[Section, ...]
    image: str = ""  # the person's photo: a path in the output folder, or a web address

    @property
    def introduction(self) -> tuple[Block, ...]:
        """The blocks before the first heading after the CV's start."""
        first = self.sections[0] if self.sections else None
        if first is None or first.depth:
            return ()
        return tuple(item for item in first.items
                     if isinstance(item, (Paragraph, BulletList, Aside)))

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in page order (an employer's roles in its place)."""
        return tuple(entry for section in self.sections for item in section.items
                     for entry in (item.entries if isinstance(item, EmployerGroup)
                                   else (item,) if isinstance(item, Entry) else ()))


def is_link(url: str) -> bool:
    return url.startswith(("http://", "https://", "mailto:"))




def compact_lists(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """*items* with each run of compact entries (skills, languages, interests)
    as one bullet list: a line each, its heading in bold, then its facts."""
    out: list[Item] = []
    run: list[tuple[int, Paragraph]] = []
    for item in (*items, None):
        if isinstance(item, Entry) and item.compact:
            runs = [Run(item.heading, strong=True)]
            if item.meta:
                runs.append(Run(f": {item.meta}"))
            run.append((0, Paragraph(tuple(runs))))
            continue
        if run:
            out.append(BulletList(tuple(run)))
            run = []
        if item is not None:
            out.append(item)
    return tuple(out)
