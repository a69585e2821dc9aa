"""Publications read from a bibliography file, and how a list of them is cited (pure model).

A `Work` is one record of a BibTeX or CSL-JSON file as plain Unicode text
(`bibtex.py` and `csl_json.py` read them): its kind (`KINDS`), title, authors,
date, venue, identifiers and abstract. `select` filters and sorts a list of
works, `groups` cuts it by year or by kind, and a `Style` writes each work's
authors and its label:

* ``author-year``: authors as "Lovelace, A. A." (family name first, initials),
  no label (the entry's date is its year);
* ``numbered``: authors as "A. A. Lovelace" and a label "[1]", "[2]"... in the
  order the list shows them.

The styles are written here, not taken from CSL through citeproc-py: an entry
of the CV shows its title, venue, date and authors in fields of its own (the
same in every output), so a style has only the authors' form and the label
to decide; a CSL processor would format a whole reference as one string,
which every output would then have to show as is.

The person's own name is bold among the authors (`highlighted`), in any of
the forms they give: "Ada Lovelace", "Lovelace, Ada", "A. Lovelace" all match
the author Lovelace, Ada A.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

#: The kinds of work a file's types become, in the order `group` "type" lists them.
KINDS = ("article", "paper", "chapter", "book", "thesis", "report", "talk", "other")
STYLES = ("author-year", "numbered")


@dataclass(frozen=True)
class Author:
    given: str  # "Ada A." ("" for an organisation)
    family: str  # "Lovelace", with its particle: "von Neumann"

    def forms(self) -> set[str]:
        """The ways a person may write this name (compared by `name_key`)."""
        if not self.given:
            return {name_key(self.family)}
        initials = " ".join(initial(part) for part in self.given.split())
        first = initial(self.given.split()[0])
        return {name_key(form) for form in (
            f"{self.given} {self.family}", f"{self.family}, {self.given}",
            f"{initials} {self.family}", f"{self.family}, {initials}",
            f"{first} {self.family}", f"{self.family}, {first}",
            f"{self.given.split()[0]} {self.family}")}

    def written(self, style: str) -> str:
        if not self.given:
            return self.family
        initials = " ".join(initial(part) for part in self.given.split())
        if style == "numbered":
            return f"{initials} {self.family}"
        return f"{self.family}, {initials}"


def initial(name: str) -> str:
    """"Ada" -> "A.", "Jean-Luc" -> "J.-L."."""
    parts = [part for part in name.split("-") if part]
    return "-".join(f"{part[0]}." for part in parts) if parts else name


def name_key(text: str) -> str:
    """A name compared without case, accents' forms, dots or extra spaces."""
    text = unicodedata.normalize("NFC", text).casefold().replace(".", " ")
    return " ".join(text.replace(",", " , ").split())


@dataclass(frozen=True)
class Work:
    key: str  # the BibTeX key or the CSL id
    kind: str  # one of KINDS
    source: str  # what a warning names: "refs.bib:12" or "refs.json: [3]"
    title: str = ""
    authors: tuple[Author, ...] = ()
    year: int | None = None
    month: int | None = None
    day: int | None = None
    venue: str = ""  # the journal, the proceedings, the publisher, the event
    url: str = ""
    doi: str = ""
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    fields: dict[str, str] = field(default_factory=dict, compare=False)
    #: The title's runs when some are in italics, bold, superscript or subscript
    #: (CSL-JSON's rich text: `csl_markup`): (text, marks) each; () when plain.
    title_runs: tuple[tuple[str, str], ...] = ()

    @property
    def date(self) -> str:
        """ISO, at the precision the file gives ("" without a year)."""
        if self.year is None:
            return ""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


def highlighted(author: Author, forms: Iterable[str]) -> bool:
    return bool(author.forms() & {name_key(form) for form in forms})


def authors_shown(work: Work, style: str, highlight: Sequence[str]) -> tuple[str, ...]:
    """The authors as the `publication` kind's ``authors`` list holds them: the
    highlighted person ``**in bold**``; a name that starts with a star keeps it
    (escaped, so it is never read as a mark)."""
    shown = []
    for author in work.authors:
        text = author.written(style)
        if highlight and highlighted(author, highlight) and "*" not in text:
            text = f"**{text}**"
        elif text.startswith("*"):
            text = "\\" + text
        shown.append(text)
    return tuple(shown)


@dataclass(frozen=True)
class Selection:
    keys: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: int | None = None
    sort: str = "date"  # "date" (newest first) or "type" (then newest first)


def select(works: Iterable[Work], selection: Selection) -> list[Work]:
    """The works *selection* keeps, in its order."""
    wanted_keywords = {keyword.casefold() for keyword in selection.keywords}
    kept = [work for work in works
            if (not selection.keys or work.key in selection.keys)
            and (not wanted_keywords
                 or wanted_keywords & {keyword.casefold() for keyword in work.keywords})
            and (not selection.kinds or work.kind in selection.kinds)
            and (selection.since is None
                 or (work.year is not None and work.year >= selection.since))]

    def newest(work: Work) -> tuple[int, int, int]:
        return (-(work.year or 0), -(work.month or 0), -(work.day or 0))

    if selection.sort == "type":
        return sorted(kept, key=lambda work: (KINDS.index(work.kind), newest(work)))
    return sorted(kept, key=newest)


def groups(works: Sequence[Work], by: str) -> list[tuple[str, list[Work]]]:
    """*works* cut by ``year`` (newest first; "" for undated) or ``type`` (the
    publications, then the talks: the CV's own sections); ``""``: one group."""
    if not by:
        return [("", list(works))]
    found: dict[str, list[Work]] = {}
    if by == "type":
        found["publication"] = [work for work in works if work.kind != "talk"]
        found["talk"] = [work for work in works if work.kind == "talk"]
    else:
        for work in sorted(works, key=lambda work: -(work.year or 0)):
            found.setdefault(str(work.year) if work.year else "", []).append(work)
    return [(name, members) for name, members in found.items() if members]


_SPACES = re.compile(r"\s+")


def one_line(text: str) -> str:
    """*text* with every run of white space (new lines too) one space."""
    return _SPACES.sub(" ", text).strip()
