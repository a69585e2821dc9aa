"""Variants: one source, several tailored CVs (test root test-variants).

Each build picks a variant with -D work_history_variant=NAME: the entries
it leaves out are gone from the entries, the summaries, the exports, the
index and the references (plain text, without a warning), and its name is
a Sphinx tag for {only} blocks. A bad variant is a located warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.config.variants import is_tag_name
from sphinx_work_history.model.dates import PartialDate
from sphinx_work_history.model.selection import not_before
from sphinx_work_history.testing import copy_root, line_of, work_history_warnings
from sphinx_work_history.testing import sphinx_build as sphinx

ROOT = Path(__file__).resolve().parent / "roots" / "test-variants"
ORGS = ("Cloudy", "School", "Big Data Co", "Pipes")


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    """The root's HTML for the full CV and each variant."""
    builds = {}
    for variant in ("", "db", "recent", "one"):
        out = tmp_path_factory.mktemp(f"html-{variant or 'full'}")
        sphinx(ROOT, out, "html", *(["-D", f"work_history_variant={variant}"] if variant else []))
        builds[variant] = out
    return builds


def page(out: Path, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((out / name).read_text(encoding="utf-8"), "html.parser")


def entry_orgs(soup: BeautifulSoup) -> list[str]:
    return [" ".join(a.select_one(".wh-job-title").get_text(" ").split()).split(", ")[-1]
            for a in soup.select("article.wh-job")]


def summary_orgs(soup: BeautifulSoup) -> list[str]:
    return [row.select("td")[1].get_text(strip=True)
            for row in soup.select("table.wh-summary tbody tr")]


CHOSEN = {
    "": ["Cloudy", "School", "Big Data Co", "Pipes"],
    "db": ["Big Data Co", "Pipes"],  # tags: databases
    "recent": ["Cloudy", "School"],  # since 2015, the 2 newest
    "one": ["Cloudy", "School", "Big Data Co", "Pipes"],  # a budget only
}


@pytest.mark.parametrize(("variant"), list(CHOSEN))
def test_a_variant_shows_its_entries_in_entries_summaries_and_exports(html, variant):
    soup = page(html[variant])
    assert entry_orgs(soup) == CHOSEN[variant]
    assert summary_orgs(soup) == CHOSEN[variant]
    resume = json.loads((html[variant] / "resume.json").read_text(encoding="utf-8"))
    assert [work["name"] for work in resume["work"]] == CHOSEN[variant]
    jsonld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    roles = jsonld.get("worksFor", []) + jsonld.get("alumniOf", [])
    named = {role.get("worksFor", role.get("alumniOf"))["name"] for role in roles}
    assert named == set(CHOSEN[variant])
    # Nothing of a left-out entry is left: no heading, id, index entry or search object.
    left_out = set(ORGS) - set(CHOSEN[variant])
    genindex = page(html[variant], "genindex.html").get_text(" ")
    objects = (html[variant] / "searchindex.js").read_text(encoding="utf-8")
    for org in left_out:
        assert f", {org}" not in genindex
        assert f", {org}" not in objects
    ids = {tag["id"] for tag in soup.select("[id]")}
    gone = {"db": {"cloudy-2019", "school-2016"}, "recent": {"big-data-co-2012", "pipes-2010"}}
    assert not ids & gone.get(variant, set())


def test_a_reference_to_a_left_out_entry_is_plain_text(html):
    see = next(p for p in page(html["db"]).select("p") if p.get_text().startswith("See "))
    links = {a.get_text(): a["href"] for a in see.select("a")}
    assert links == {"Database Administrator, Big Data Co": "#big-data-co-2012"}
    assert "Teacher, School" in see.get_text()  # the title, as text
    see = next(p for p in page(html[""]).select("p") if p.get_text().startswith("See "))
    assert len(see.select("a")) == 2


@pytest.mark.parametrize(("variant", "shown", "hidden"), [
    ("", "An introduction for every CV but the one-page one.", "The one-page introduction."),
    ("one", "The one-page introduction.", "An introduction for every CV but the one-page one."),
])
def test_the_variant_is_a_tag_for_only_blocks(html, variant, shown, hidden):
    text = page(html[variant]).get_text(" ")
    assert shown in text
    assert hidden not in text
    long_paragraph = "A long paragraph only the longer CVs carry."
    entry = page(html[variant]).select_one("article#cloudy-2019").get_text(" ")
    assert (long_paragraph in entry) == (variant != "one")
    # The exports hold the text the build shows.
    resume = json.loads((html[variant] / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"]["summary"] == shown
    cloudy = resume["work"][0]
    assert cloudy["name"] == "Cloudy"
    assert (long_paragraph in cloudy["summary"]) == (variant != "one")


def test_text_builds_have_the_same_selection(tmp_path):
    out = tmp_path / "text"
    sphinx(ROOT, out, "text", "-D", "work_history_variant=recent")
    text = (out / "index.txt").read_text(encoding="utf-8").split("\nRoles\n", 1)[1]
    assert "Cloudy" in text
    assert "School" in text
    assert "Pipes" not in text
    assert "Big Data Co" not in text


# -- warnings -------------------------------------------------------------------

BAD_CONF = '''
work_history_variants = {
    "good": {"tags": ["databases"]},
    "not-a-tag": {"pages": 1},
    "and": {"pages": 1},
    "typo": {"page": 1,
             "since": "last year",
             "limit": 0},
}
'''


@pytest.fixture
def bad_root(tmp_path):
    root = copy_root(ROOT, tmp_path / "src")
    conf = root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + BAD_CONF, encoding="utf-8")
    return root


def test_bad_variants_are_located_warnings(bad_root, tmp_path):
    result = sphinx(bad_root, tmp_path / "out", "html", "-D", "work_history_variant=good",
                    strict=False)
    conf = bad_root / "conf.py"
    found = {(w.file, w.line, w.subtype): w.message
             for w in work_history_warnings(result.stderr)}
    expected = {
        line_of(conf, '"not-a-tag":'): "'not-a-tag' is not a valid Sphinx tag name",
        line_of(conf, '"and":'): "'and' is not a valid Sphinx tag name",
        line_of(conf, '"typo": {"page"'): "['typo']: unknown key 'page'",
        line_of(conf, '"since": "last year"'): "'since': 'last year' is not a date",
        line_of(conf, '"limit": 0'): "'limit' should be a positive whole number",
    }
    for line, words in expected.items():
        message = found.get(("conf.py", line, "bad_variant"))
        assert message is not None, (line, words, found)
        assert words in message, (line, words, found)
    assert len(found) == len(expected), found
    assert "Traceback" not in result.stderr


def test_an_unknown_variant_is_a_located_warning_and_builds_the_full_cv(tmp_path):
    result = sphinx(ROOT, tmp_path / "out", "html", "-D", "work_history_variant=dbb",
                    strict=False)
    (warning,) = work_history_warnings(result.stderr)
    assert warning.file == "conf.py"
    assert warning.subtype == "bad_variant"
    assert warning.line == line_of(ROOT / "conf.py", "work_history_variants")
    assert "unknown variant 'dbb'" in warning.message
    assert "db, one, recent" in warning.message
    assert entry_orgs(page(tmp_path / "out")) == CHOSEN[""]


@pytest.mark.parametrize(("variant", "gone"), [
    ("", set()),
    ("db", set()),
    # Its only entry is left out: the section and its words go.
    ("recent", {"Before 2011", "The early years."}),
    # Its {only} block leaves nothing but the heading: the heading goes.
    ("one", {"For the longer CVs"}),
])
def test_a_section_a_variant_leaves_empty_goes(html, variant, gone):
    text = page(html[variant]).select_one("[role=main]").get_text(" ")
    for words in {"Before 2011", "The early years.", "For the longer CVs"}:
        assert (words in text) == (words not in gone), (variant, words)


@pytest.mark.parametrize(("end", "since", "kept"), [
    ("2011", "2011-06", True),  # a year that holds the date
    ("2011-05", "2011-06", False),
    ("2011-06", "2011-06-30", True),
    ("2010", "2011", False),
    ("2012-01-01", "2011", True),
])
def test_since_compares_at_the_coarser_precision(end, since, kept):
    assert not_before(PartialDate.parse(end), PartialDate.parse(since)) is kept


@pytest.mark.parametrize(("name", "ok"), [
    ("short", True), ("dba", True), ("x1", True), ("not-a-tag", False), ("and", False),
    ("not", False), ("True", False), ("none", False), ("2col", False), ("", False),
    ("two words", False),
])
def test_tag_names(name, ok):
    assert is_tag_name(name) is ok
