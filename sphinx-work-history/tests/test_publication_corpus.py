"""The publication readers over real-world files: the ``.bib`` files of pybtex's
and sphinxcontrib-bibtex's own test suites and CSL-JSON items of citeproc's and
citeproc-py's (`tests/data/README.md` names each file's source and licence).

Model level, no Sphinx build: every file reads without a traceback, every record
that has a title and a year becomes a work whose title's words survive, LaTeX
turned into the text it prints, and every problem names its line or JSON path.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pybtex.database.input.bibtex import Parser

from sphinx_work_history.model.bibliography import (
    STYLES,
    Selection,
    Work,
    authors_shown,
    groups,
    select,
)
from sphinx_work_history.model.bibtex import bib_text, read_bibtex
from sphinx_work_history.model.csl_json import read_csl_json

DATA = Path(__file__).parent / "data"
BIB_FILES = sorted((DATA / "bibtex").glob("*.bib"))
CSL_FILES = sorted((DATA / "csl").glob("*.json"))
#: The CSL files whose titles hold no rich text CSL-JSON reads (their title is as written).
UNMARKED_CSL = {path.name for path in CSL_FILES if not path.name.startswith("written-")}
#: A word of a source title that the reader must keep as is: letters and digits only.
PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")


def _bib_works(path: Path) -> tuple[list[Work], list[tuple[int, str]]]:
    text, problems = bib_text(path.read_bytes())
    works, found = read_bibtex(text, path.name)
    return works, problems + found


def _shown_in_every_style(works: list[Work]) -> None:
    for style in STYLES:
        for _, members in groups(select(works, Selection()), "year"):
            for work in members:
                authors_shown(work, style, ("Knuth, D. E.", "Díaz-León"))


def _survives(source_title: str, title: str) -> bool:
    words = [word for word in source_title.split()
             if PLAIN_WORD.fullmatch(word.strip("{}.,:;?!()'\""))]
    return all(word.strip("{}.,:;?!()'\"") in title for word in words)


def test_the_corpus_is_there():
    assert len(BIB_FILES) >= 10
    assert len(CSL_FILES) >= 4


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda path: path.name)
def test_every_bib_file_reads_into_works(path):
    works, problems = _bib_works(path)
    for line, what in problems:
        assert line > 0, (path.name, line, what)
    by_key = {work.key: work for work in works}
    source = Parser().parse_string(bib_text(path.read_bytes())[0])
    for key, entry in source.entries.items():
        work = by_key[key]
        assert work.source.startswith(f"{path.name}:")
        assert not work.source.endswith(":0"), work.source
        if "title" in entry.fields and "year" in entry.fields:
            assert work.title, key
            assert not re.search(r"[{}]|\\[A-Za-z]", work.title), (key, work.title)
            assert _survives(entry.fields["title"], work.title), (key, work.title)
    _shown_in_every_style(works)


@pytest.mark.parametrize("path", CSL_FILES, ids=lambda path: path.name)
def test_every_csl_file_reads_into_works(path):
    works, problems = read_csl_json(path.read_text(encoding="utf-8"), path.name)
    for where, what in problems:
        assert where.startswith("$["), (path.name, where, what)
    items = json.loads(path.read_text(encoding="utf-8"))
    assert [work.key for work in works] == [item["id"] for item in items]
    for item, work in zip(items, works, strict=True):
        if item.get("title") and item.get("issued") and path.name in UNMARKED_CSL:
            assert work.title == " ".join(item["title"].split())
            assert work.year == int(item["issued"]["date-parts"][0][0])
    _shown_in_every_style(works)


def test_a_csl_title_tag_left_open_stays_as_written():
    """citeproc's issue 19: an ``<i>`` never closed is the characters written."""
    work = _work("citeproc-issue_19.json", "diaz2016")
    assert work.title.startswith("<i>Wo> as a Politically Significant Term")
    assert work.title_runs == ()


def test_csl_rich_text_in_a_title_is_read_into_runs():
    work = _work("written-rich-text.json", "rich")
    assert work.title == ("The Drosophila genome in H2O at 103 K on the iPhone and Unix")
    assert work.title_runs == (
        ("The ", ""), ("Drosophila", "italic"), (" ", ""), ("genome", "bold"),
        (" in H", ""), ("2", "sub"), ("O at 10", ""), ("3", "sup"),
        (" K on the iPhone and Unix", ""))


def test_tags_csl_does_not_allow_stay_as_written():
    work = _work("written-rich-text.json", "hostile")
    assert work.title == ('<script>alert(1)</script> <i onclick="alert(2)">Click</i> '
                          "<b>open <i>unclosed")
    assert work.title_runs == ()


def _work(file: str, key: str) -> Work:
    path = DATA / ("bibtex" if file.endswith(".bib") else "csl") / file
    works = _bib_works(path)[0] if file.endswith(".bib") else read_csl_json(
        path.read_text(encoding="utf-8"), file)[0]
    return next(work for work in works if work.key == key)


@pytest.mark.parametrize(("file", "key", "title", "year", "author"), [
    # Accents, case braces, math, Cyrillic.
    ("pybtex-xampl.bib", "techreport-full", "An O(n log n / log log n) Sorting Algorithm",
     1988, "Térrific, T."),
    ("pybtex-xampl.bib", "mastersthesis-full", "Mastering Thesis Writing", 1988,
     "Masterly, É."),
    ("pybtex-extrafields.bib", "scikit-image", "scikit-image: image processing in Python",
     2014, "van der Walt, S."),
    ("pybtex-cyrillic.bib", "viktorov-metodoj",
     "Методы вычисления физико-химических величин и прикладные расчёты", 1977,
     "Викторов, М. М."),
    ("sphinxcontrib-bibtex-natbib.bib", "Astrom2005", "Bicycle Dynamics and Control", 2005,
     "Åström, K. J."),
    ("sphinxcontrib-bibtex-citation_label_special_chars.bib", "Serrano2009",
     "Extracting the multiscale backbone of complex weighted networks", 2009,
     "Serrano, M. Á."),
    # \noopsort{1973b}1981: a sort key that prints nothing.
    ("pybtex-xampl.bib", "book-full", "Seminumerical Algorithms", 1981, "Knuth, D. E."),
    # A crossref's fields fill those the entry lacks.
    ("pybtex-xampl.bib", "inproceedings-crossref",
     "On Notions of Information Transfer in VLSI Circuits", 1983, "Oaho, A. V."),
    ("sphinxcontrib-bibtex-bibfiles_crossref.bib", "srivastava+klassen_2016_statistical",
     "Statistical Modeling of Functional Data", 2016, "Srivastava, A."),
    # A Latin-1 file.
    ("sphinxcontrib-bibtex-bibfiles_encoding.bib", "Test", "Test", None, "Äpplé, M."),
    # CSL: an organisation, and string date parts.
    ("citeproc-issue_22.json", "tia232", "TIA-232 Interface Between Data Terminal Equipment "
     "and Data Circuit- Terminating Equipment Employing Serial Binary Data Interchange", 1997,
     "Telecommunications Industry Association"),
    ("citeproc-py-example.json", "ITEM-3", "His Anonymous Life", 1965, "Doe, J."),
])
def test_a_record_reads_as_it_prints(file, key, title, year, author):
    work = _work(file, key)
    assert (work.title, work.year) == (title, year)
    assert authors_shown(work, "author-year", ())[0] == author


def test_a_crossref_to_no_entry_is_a_located_problem():
    works, problems = read_bibtex("@comment{x}\n@inbook{part,\n crossref={gone},\n"
                                  " title={Part}, year=2001}\n", "refs.bib")
    assert [work.title for work in works] == ["Part"]
    assert problems == [(2, "part: crossref 'gone' is no entry of this file; its fields "
                         "are not taken")]


def test_a_file_that_is_not_utf8_is_read_as_latin1_with_a_problem():
    text, problems = bib_text("@misc{a,\n author={\xc4ppl\\'e}, title={T}}".encode("latin-1"))
    assert "\xc4ppl" in text
    assert problems == [(2, "is not UTF-8; it is read as Latin-1: save it as UTF-8 if a "
                         "letter looks wrong")]
