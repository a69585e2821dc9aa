"""Every kind of entry: read into its record, chosen by variants, linked, and warned about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.model.kinds import PublicationRecord, marked
from sphinx_work_history.model.views import describe
from sphinx_work_history.sphinx.directives.entries import split_list
from sphinx_work_history.testing import build, directive_line, work_history_warnings

CONF = ('extensions = ["myst_parser", "sphinx_work_history"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'work_history_today = "2026-11-27"\n'
        'work_history_person = {"name": "Ada", "email": "ada@example.org", '
        '"url": "https://ada.example.org/"}\n')


def project(tmp_path: Path, pages: dict[str, str], conf: str = "") -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF + conf, encoding="utf-8")
    toctree = "\n".join(name for name in pages if name != "index")
    pages.setdefault("index", "")
    pages["index"] = f"# Ada\n\n{pages['index']}\n\n```{{toctree}}\n{toctree}\n```\n"
    for name, text in pages.items():
        (srcdir / f"{name}.md").write_text(text, encoding="utf-8")
    return srcdir


def resume(app) -> dict:
    return json.loads((Path(app.outdir) / "resume.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "items"), [
    ("Go, SQL", ("Go", "SQL")),
    ('Algebra, "Analysis, Real and Complex"', ("Algebra", "Analysis, Real and Complex")),
    ("  ", ()),
    ("one", ("one",)),
])
def test_a_list_option_splits_on_commas_outside_quotes(text, items):
    assert split_list(text) == items


@pytest.mark.parametrize(("item", "shown"), [
    ("Ada Lovelace", ("Ada Lovelace", False, False)),
    ("*Ada Lovelace*", ("Ada Lovelace", True, False)),
    ("**Ada Lovelace**", ("Ada Lovelace", False, True)),
    ("***Ada Lovelace***", ("Ada Lovelace", True, True)),
    ("*Ada* Lovelace", ("*Ada* Lovelace", False, False)),  # not the whole name
    ("**Ada*", ("**Ada*", False, False)),
    ("* Ada *", ("* Ada *", False, False)),
    ("*", ("*", False, False)),
    ("\\*Star*", ("*Star*", False, False)),  # a backslash keeps the star
    ("\\\\*Star*", ("\\*Star*", False, False)),
    ("a\\*b*", ("a\\*b*", False, False)),  # a backslash elsewhere is text
])
def test_an_author_in_italics_or_bold_is_marked_as_a_whole(item, shown):
    assert marked(item) == shown


def test_a_publications_authors_show_their_marks(tmp_path):
    record = PublicationRecord(name="p", docname="d", lineno=1, heading="On engines",
                               authors=("*Ada Lovelace*", "C. Babbage", "\\*Star*"))
    detail, = describe(record).details
    assert (detail.label, detail.text) == ("Authors", "Ada Lovelace, C. Babbage, *Star*")
    assert detail.parts == (("Ada Lovelace", True, False), ("C. Babbage", False, False),
                            ("*Star*", False, False))
    # Without a mark, the detail is its text alone.
    detail, = describe(PublicationRecord(name="p", docname="d", lineno=1,
                                         authors=("C. Babbage",))).details
    assert detail.parts == ()


def test_a_variant_chooses_among_every_kind(tmp_path):
    pages = {"work": """# Work

:::{job} Engineer
:org: Initech
:start: 2019
:tags: databases
:::

:::{job} Barista
:org: Cafe
:start: 2010
:end: 2012
:tags: coffee
:::

:::{volunteer} Mentor
:org: Code Club
:start: 2015
:::

:::{education} University of Edinburgh
:degree: MSc
:start: 2005
:end: 2006
:::

:::{skill} SQL
:keywords: PostgreSQL
:::

:::{skill} Latte art
:tags: coffee
:::

:::{project} Old tool
:start: 2000
:end: 2001
:::

:::{project} New tool
:start: 2020
:::
"""}
    conf = ('work_history_variants = {"db": {"tags": ["databases"]}, '
            '"recent": {"since": "2015", "kinds": ["job", "project", "skill"]}, '
            '"one": {"limit": 1}}\n')
    srcdir = project(tmp_path, pages, conf)

    def kept(variant: str) -> dict[str, list[str]]:
        app = build(srcdir, "html", builddir=tmp_path / variant,
                    confoverrides={"work_history_variant": variant} if variant else {})
        assert work_history_warnings(app._warning.getvalue()) == []
        data = resume(app)
        return {section: [item.get("name") or item.get("institution")
                          or item.get("organization") for item in data[section]]
                for section in data if isinstance(data[section], list) and data[section]}

    assert kept("") == {"work": ["Initech", "Cafe"], "volunteer": ["Code Club"],
                        "education": ["University of Edinburgh"],
                        "skills": ["SQL", "Latte art"], "projects": ["Old tool", "New tool"]}
    # Tags choose among the tagged entries; an untagged one is in every variant.
    assert kept("db") == {"work": ["Initech"], "volunteer": ["Code Club"],
                          "education": ["University of Edinburgh"], "skills": ["SQL"],
                          "projects": ["Old tool", "New tool"]}
    # The kinds it names, and of the dated ones those since 2015 (undated ones stay).
    assert kept("recent") == {"work": ["Initech"], "skills": ["SQL", "Latte art"],
                              "projects": ["New tool"]}
    # The newest of each kind.
    assert kept("one") == {"work": ["Initech"], "volunteer": ["Code Club"],
                           "education": ["University of Edinburgh"], "skills": ["SQL"],
                           "projects": ["New tool"]}


def test_an_employers_tenure_in_a_variant_counts_only_the_roles_it_keeps(tmp_path):
    pages = {"work": """# Work

::::{employer}
:org: Heroku
:::{job} Engineer
:start: 2010
:end: 2012
:tags: support
:::
:::{job} Lead Engineer
:start: 2014
:end: 2016
:tags: databases
:::
::::
"""}
    srcdir = project(tmp_path, pages, 'work_history_variants = {"db": {"tags": ["databases"]}}\n')
    full = build(srcdir, "html", builddir=tmp_path / "full")
    db = build(srcdir, "html", builddir=tmp_path / "db",
               confoverrides={"work_history_variant": "db"})

    def tenure(app) -> str:
        page = BeautifulSoup((Path(app.outdir) / "work.html").read_text(encoding="utf-8"),
                             "html.parser")
        return " ".join(page.select_one(".wh-tenure").get_text().split())

    assert tenure(full) == "2010 – 2016 · 6 yrs"
    assert tenure(db) == "2014 – 2016 · 2 yrs"


def test_a_publication_written_around_its_link_takes_its_name_from_it(tmp_path):
    sentence = ("[On replication lag](https://blog.example.org/lag), a post about what "
                "a replica's lag means.")
    pages = {"writing": f"# Writing\n\n:::{{publication}}\n{sentence}\n:::\n\n"
                        ":::{publication}\nNo link here.\n:::\n"}
    srcdir = project(tmp_path, pages)
    app = build(srcdir, "html")
    (warning,) = work_history_warnings(app._warning.getvalue())
    assert (warning.file, warning.line, warning.subtype) == (
        "writing.md", directive_line(srcdir / "writing.md", "No link here."), "missing_field")
    assert "no link to take it from" in warning.message
    first = resume(app)["publications"][0]
    assert first["name"] == "On replication lag"
    assert first["url"] == "https://blog.example.org/lag"
    assert first["summary"].startswith("On replication lag, a post about")
    # The page reads as written: the sentence, with its link, and no heading above it.
    page = BeautifulSoup((Path(app.outdir) / "writing.html").read_text(encoding="utf-8"),
                         "html.parser")
    article = page.select_one("article.wh-publication")
    assert article.select_one(".wh-entry-title") is None
    assert article.find("a", href="https://blog.example.org/lag").get_text() == \
        "On replication lag"


def test_references_reach_every_kind(tmp_path):
    pages = {"index": "See {entry}`flow-matic` and {entry}`english`, not {entry}`nothing`.",
             "more": """# More

:::{project} FLOW-MATIC
:name: flow-matic
:start: 1955
:::

:::{language} English
:name: english
:fluency: Native
:::
"""}
    srcdir = project(tmp_path, pages)
    app = build(srcdir, "html")
    (warning,) = work_history_warnings(app._warning.getvalue())
    assert warning.subtype == "unknown_ref"
    assert warning.message.startswith("{entry} reference to unknown entry 'nothing'")
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    links = {a.get_text(): a["href"] for a in page.select("a.reference.internal")}
    assert links["FLOW-MATIC"] == "more.html#flow-matic"
    assert links["English"] == "more.html#english"


def test_a_kinds_mistakes_are_located_warnings(tmp_path):
    pages = {"learning": """# Learning

:::{education}
:degree: BSc
:start: 2020-13
:grade: A
:url: ftp://example.org/
:::
"""}
    srcdir = project(tmp_path, pages)
    app = build(srcdir, "html")
    found = {(w.subtype, w.line) for w in work_history_warnings(app._warning.getvalue())}
    line = directive_line(srcdir / "learning.md", ":degree: BSc")
    assert found == {("missing_field", line), ("bad_date", line), ("unknown_option", line),
                     ("bad_url", line)}
    messages = " ".join(w.message for w in work_history_warnings(app._warning.getvalue()))
    assert "the institution (the directive's argument) is missing" in messages
    assert "known: start, end, area, degree, score, courses, url, location, tags, name" in (
        messages)
    # Still shown, with what could be read, and in resume.json.
    assert resume(app)["education"] == [{"studyType": "BSc"}]
