"""A BibTeX or BibLaTeX file's records as `Work`s, through pybtex (pure: no Sphinx).

Fields are LaTeX: `latex_text` makes them Unicode text (``{\\"o}`` -> ö, ``--``
-> –, ``\\emph{x}`` -> x), drops the braces that protect case, and keeps math
readable (``$x^2 + \\alpha$`` -> ``x^2 + α``). Nothing becomes markup: the text
is the text a reader sees.

An entry's kind (`bibliography.KINDS`) comes from its type; a ``@misc`` whose
``howpublished`` starts with the word "talk" (``{Talk}``, ``{Talk at PyCon}``)
is a talk.

A field an entry lacks comes from the entry its ``crossref`` names, as BibTeX
takes it. ``\\noopsort{1973b}1981`` (the idiom of BibTeX's own examples, a
command that prints nothing and only sorts) is 1981. A file that is not UTF-8
is read as Latin-1 (what older tools write), with a warning.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any, cast

from .bibliography import Author, Work, one_line

#: Entry types -> kinds (`bibliography.KINDS`); any other type is "other".
TYPES = {
    "article": "article", "inproceedings": "paper", "conference": "paper",
    "incollection": "chapter", "inbook": "chapter", "book": "book", "booklet": "book",
    "proceedings": "book", "mvbook": "book", "collection": "book",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "techreport": "report", "report": "report",
}
#: Where each kind names its venue, the first field present.
VENUES = {
    "article": ("journaltitle", "journal"), "paper": ("booktitle", "eventtitle"),
    "chapter": ("booktitle", "publisher"), "book": ("publisher",),
    "thesis": ("school", "institution"), "report": ("institution", "publisher"),
    "talk": ("eventtitle", "organization", "address"),
    "other": ("howpublished", "publisher", "organization", "journal", "booktitle"),
}
MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
    ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
    ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}

_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,")
_MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*|\\(?=[^A-Za-z])")
_OPEN, _CLOSE, _DOLLAR = "\x00", "\x01", "\x02"
#: Commands that print nothing, with their argument: sort keys.
_SILENT = re.compile(r"\\noopsort\s*\{[^{}]*\}")


def latex_text(latex: str) -> str:
    """*latex* as the text it prints, on one line."""
    text = _SILENT.sub("", latex)
    text = text.replace("\\{", _OPEN).replace("\\}", _CLOSE).replace("\\$", _DOLLAR)
    parts = _MATH.split(text)  # even: text, odd: math
    shown = [_math(part) if index % 2 else _decoded(part) for index, part in enumerate(parts)]
    text = "".join(shown).replace("{", "").replace("}", "").replace("$", "")
    text = text.replace(_OPEN, "{").replace(_CLOSE, "}").replace(_DOLLAR, "$")
    return one_line(text.replace("\u00a0", " "))


_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
          "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
          "chi", "psi", "omega")


def _greek(name: str, case: str) -> str:
    return unicodedata.lookup(f"GREEK {case} LETTER {name.upper().replace('LAMBDA', 'LAMDA')}")


#: The math commands shown as their symbol; any other stays as written (``\\frac``).
SYMBOLS = {**{name: _greek(name, "SMALL") for name in _GREEK},
           **{name.capitalize(): _greek(name, "CAPITAL") for name in _GREEK},
           "times": "×", "cdot": "·", "pm": "±", "leq": "≤", "le": "≤", "geq": "≥",
           "ge": "≥", "neq": "≠", "ne": "≠", "infty": "∞", "to": "→", "rightarrow": "→",
           "approx": "≈", "in": "∈", "sum": "∑", "prod": "∏", "sqrt": "√", "partial": "∂",
           **{name: f"{name} " for name in ("log", "ln", "exp", "sin", "cos", "tan", "max",
                                             "min", "lim", "det")}}
_MATH_COMMAND = re.compile(r"\\([A-Za-z]+)")
_MATH_SPACE = re.compile(r"\\[!,:;]\s*")
_MATH_BOX = re.compile(r"\\(?:mbox|text|mathrm|textrm)\s*\{([^{}]*)\}")


def _math(part: str) -> str:
    """Math as its source, a known symbol's command as the symbol: ``x^2 + α``;
    a function's name as the name (``\\log n`` -> ``log n``), a box as its text."""
    part = _MATH_SPACE.sub(" ", _MATH_BOX.sub(r"\1", part))
    shown = _MATH_COMMAND.sub(
        lambda match: SYMBOLS[match[1]] if match[1] in SYMBOLS else match[0], part)
    shown = " ".join(shown.split())
    return shown.replace("{", _OPEN).replace("}", _CLOSE)  # math's braces are kept


def _decoded(part: str) -> str:
    import latexcodec  # noqa: F401 - registers the "ulatex" codec (pybtex depends on it)

    # The codec drops the spaces a piece starts with (the one after "$x$" in
    # "$x$ more"): they are kept here.
    body = part.strip()
    lead, trail = part[:len(part) - len(part.lstrip())], part[len(part.rstrip()):]
    try:
        text: str = cast(Any, codecs.decode)(body, "ulatex")  # str to str
    except Exception:
        text = body
    return lead + _COMMAND.sub("", text) + trail if body else part


def bib_text(data: bytes) -> tuple[str, list[tuple[int, str]]]:
    """A ``.bib`` file's *data* as text, and its problems as `read_bibtex` gives
    them: UTF-8, or Latin-1 (every byte a character) when it is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return data.decode("latin-1"), [(line, "is not UTF-8; it is read as Latin-1: save "
                                         "it as UTF-8 if a letter looks wrong")]


def entry_lines(text: str) -> dict[str, int]:
    """Each entry key's line in *text* (pybtex keeps none)."""
    lines: dict[str, int] = {}
    for match in _ENTRY.finditer(text):
        lines.setdefault(match[2], text.count("\n", 0, match.start()) + 1)
    return lines


def read_bibtex(text: str, filename: str) -> tuple[list[Work], list[tuple[int, str]]]:
    """The works of a ``.bib`` file's *text*, and its problems: (line, what)."""
    import pybtex.errors
    from pybtex.database import BibliographyData
    from pybtex.database.input.bibtex import Parser

    problems: list[tuple[int, str]] = []
    with pybtex.errors.capture() as errors:
        try:
            data: BibliographyData = Parser().parse_string(text)
        except Exception as exc:
            problems.append((getattr(exc, "lineno", 0) or 0, f"cannot be read: {exc}"))
            return [], problems
    for error in errors:
        problems.append((getattr(error, "lineno", 0) or 0, str(error)))
    lines = entry_lines(text)
    works = []
    for key, entry in data.entries.items():
        line = lines.get(key, 0)
        chain = _crossrefs(entry, data.entries)
        if "crossref" in entry.fields and len(chain) == 1:
            problems.append((line, f"{key}: crossref {entry.fields['crossref']!r} is no "
                             "entry of this file; its fields are not taken"))
        works.append(_work(key, chain, f"{filename}:{line}"))
    return works, problems


def _crossrefs(entry: Any, entries: Any) -> list[Any]:
    """*entry*, then the entry its ``crossref`` names, and so on (no loops)."""
    chain = [entry]
    while (target := chain[-1].fields.get("crossref")) and target in entries:
        referenced = entries[target]
        if any(referenced is seen for seen in chain):
            break
        chain.append(referenced)
    return chain


def _work(key: str, chain: list[Any], source: str) -> Work:
    """The work of *chain*'s first entry, a field it lacks taken from the next."""
    entry = chain[0]
    fields: dict[str, str] = {}
    for linked in chain:
        for name, value in linked.fields.items():
            fields.setdefault(name.lower(), latex_text(str(value)))
    kind = TYPES.get(entry.type.lower(), "other")
    if kind == "other" and re.match(r"talk\b", fields.get("howpublished", ""), re.I):
        kind = "talk"
    people: list[Any] = next((linked.persons.get(role) for role in ("author", "editor")
                   for linked in chain if linked.persons.get(role)), [])
    year, month, day = _date(fields)
    venue = next((fields[name] for name in VENUES[kind] if fields.get(name)), "")
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", fields.get("doi", ""), flags=re.I)
    keywords = tuple(word.strip() for word in re.split(r"[,;]", fields.get("keywords", ""))
                     if word.strip())
    return Work(key=key, kind=kind, source=source, title=fields.get("title", ""),
                authors=tuple(_author(person) for person in people), year=year, month=month,
                day=day, venue=venue, url=fields.get("url", ""), doi=doi.strip(),
                abstract=fields.get("abstract", ""), keywords=keywords, fields=fields)


def _author(person: Any) -> Author:
    def joined(*parts: list[str]) -> str:
        return latex_text(" ".join(name for part in parts for name in part))

    family = joined(person.prelast_names, person.last_names, person.lineage_names)
    return Author(given=joined(person.first_names, person.middle_names), family=family)


def _date(fields: dict[str, str]) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from ``date`` (BibLaTeX) or ``year`` and ``month``."""
    if match := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:/.*)?",
                             fields.get("date", "").strip()):
        return int(match[1]), int(match[2]) if match[2] else None, (
            int(match[3]) if match[3] else None)
    year = fields.get("year", "").strip()
    if not re.fullmatch(r"\d{4}", year):
        return None, None, None
    month_text = fields.get("month", "").strip().lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    return int(year), month if month and 1 <= month <= 12 else None, None
