"""``publications-from``: a BibTeX and a CSL-JSON file's records in every format.

The test root `test-publications` lists three BibTeX records (an article with
LaTeX accents, case braces and math, a paper with markup in every field, a talk)
and two CSL-JSON items (an article, a speech), highlighting Ada Lovelace; it is
built once per builder for the module.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.model.bibliography import Author, Work, authors_shown
from sphinx_work_history.model.bibtex import latex_text, read_bibtex
from sphinx_work_history.model.csl_json import read_csl_json
from sphinx_work_history.testing import (
    build,
    copy_root,
    jsonld_person,
    require_tool,
    schema_errors,
    work_history_warnings,
)

ROOT = Path(__file__).parent / "roots" / "test-publications"
ENGINES = "On the Analytical Engine's Gödel–Numbering of x^2 + α"
HOSTILE = "Compilers for COBOL and <script>alert(1)</script> **Markup**"
HOSTILE_VENUE = "Proceedings of the ACM Conference on `Code' [Links](https://evil.example)"
# works.json writes it "... <b>Intelligence</b> ...": CSL-JSON's bold, read (csl_markup).
MIND = "Computing Machinery and {{ html }} Intelligence :role:`x`"
TITLES = (ENGINES, HOSTILE, "Poetical Science", MIND, "Engines and Poetry")
# The numbered style's first entry: its label leads it, as in a reference list.
NUMBERED = "[1] Engines and Poetry, Analytical Conference 2024"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    project = copy_root(ROOT, tmp_path_factory.mktemp("publications"))
    outputs: dict[str, Path] = {}

    def get(builder: str) -> Path:
        if builder not in outputs:
            app = build(project, builder)
            assert app._warning.getvalue() == "", app._warning.getvalue()
            outputs[builder] = Path(app.outdir)
        return outputs[builder]

    return get


# -- the model -----------------------------------------------------------------------
@pytest.mark.parametrize(("latex", "text"), [
    (r"{\"o}ber {\'E}tudes", "öber Études"),
    (r"1990--2000 --- {T}he {GPU}", "1990–2000 — The GPU"),
    (r"\emph{Bernoulli} \& 50\% \{x\}", "Bernoulli & 50% {x}"),
    (r"$x^2 + \alpha \leq \frac{1}{2}$", r"x^2 + α ≤ \frac{1}{2}"),
    ("two\n   lines", "two lines"),
    (r"$O(\log n)$ Lookups, {\"o} and $x$ more", "O(log n) Lookups, ö and x more"),
])
def test_latex_becomes_the_text_it_prints(latex, text):
    assert latex_text(latex) == text


def test_a_malformed_bib_names_its_line():
    text = "@article{good,\n title={Fine}, year=2020}\n\n@article{bad,\n title = {open\n"
    works, problems = read_bibtex(text, "refs.bib")
    assert [work.key for work in works] == ["good", "bad"]  # what pybtex could read
    assert [line for line, _ in problems] == [5]  # where the unclosed entry's file ends


def test_csl_problems_name_their_json_path():
    text = json.dumps([{"id": "a", "title": ["no"], "author": "x",
                        "issued": {"date-parts": [["?"]]}}, 3])
    works, problems = read_csl_json(text, "w.json")
    assert sorted(path for path, _ in problems) == [
        "$[0].author", "$[0].issued", "$[0].title", "$[1]"]
    assert [work.key for work in works] == ["a"]


def test_the_highlighted_name_matches_every_form_given():
    work = Work(key="k", kind="article", source="", authors=(
        Author("Ada Augusta", "Lovelace"), Author("Charles", "Babbage"),
        Author("", "*The Team*")))
    for form in ("Ada Lovelace", "Lovelace, Ada Augusta", "A. Lovelace", "lovelace, a. a."):
        assert authors_shown(work, "author-year", (form,)) == (
            "**Lovelace, A. A.**", "Babbage, C.", "\\*The Team*")
    assert authors_shown(work, "numbered", ()) == ("A. A. Lovelace", "C. Babbage",
                                                   "\\*The Team*")


# -- every format ------------------------------------------------------------------
def test_html_shows_every_record_as_text_with_the_name_in_bold(built):
    html = (built("html") / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert [h.get_text() for h in page.select(".wh-heading")] == [
        ENGINES, "Poetical Science", HOSTILE, "Engines and Poetry", MIND]
    assert [r.get_text() for r in page.select("p.rubric")] == ["2021", "2020", "2019"]
    assert not any("alert" in script.get_text() for script in page.select(
        "script:not([type='application/ld+json'])"))
    assert not page.select(".wh-heading b")
    for entry in page.select("article.wh-entry"):
        assert [b.get_text() for b in entry.select(".wh-detail strong")] in (
            ["Lovelace, A."], ["A. Lovelace"])
    assert HOSTILE_VENUE in page.get_text()
    assert "*Star* `code` <i>x</i>" in page.get_text()  # an author: text, its stars kept
    # The abstract, as text (the page's smart quotes aside; LaTeX's braces group only).
    assert '"https://evil.example"></iframe> **not bold** x' in page.get_text().replace(
        "\u201d", '"')
    assert not page.select("iframe, article i, article em")
    [mind] = [h for h in page.select(".wh-heading") if h.get_text() == MIND]
    assert [bold.get_text() for bold in mind.select("strong")] == ["Intelligence"]
    [talk] = page.select("article.wh-talk:has(.wh-heading)")[:1]
    assert talk.select_one(".wh-heading").get_text() == "Poetical Science"
    # The numbered style's label leads its entry's heading line, never among its facts.
    titles = [" ".join(t.get_text().split()).replace(" ,", ",")
              for t in page.select("article.wh-entry .wh-entry-title")]
    assert titles[-2] == NUMBERED
    assert titles[-1].startswith("[2] Computing Machinery")
    assert not any("[" in meta.get_text() for meta in page.select(".wh-job-meta"))


def test_resume_json_has_every_record_and_the_bib_fields_unchanged(built):
    resume = json.loads((built("html") / "resume.json").read_text(encoding="utf-8"))
    assert schema_errors(resume) == []
    found = {item["name"]: item for item in resume["publications"]}
    assert set(found) == set(TITLES)
    assert found[ENGINES] == {
        "name": ENGINES, "publisher": "Journal of Études Numériques",
        "url": "https://example.org/engines", "releaseDate": "2021-03",
        "summary": "Notes on the engine: Bernoulli numbers & loops."}
    assert found[HOSTILE]["publisher"] == HOSTILE_VENUE


def test_jsonld_has_scholarly_articles_with_their_authors(built):
    person = jsonld_person((built("html") / "index.html").read_text(encoding="utf-8"))
    articles = {work["name"]: work for work in person["@reverse"]["author"]}
    assert articles[ENGINES]["@type"] == "ScholarlyArticle"
    assert articles[ENGINES]["sameAs"] == "https://doi.org/10.1000/xyz123"
    assert [a["name"] for a in articles[ENGINES]["author"]] == [
        "Lovelace, A.", "Babbage, C.", "von Neumann, J."]
    talks = {work["name"] for work in person["@reverse"]["creator"]}
    assert talks == {"Poetical Science", "Engines and Poetry"}


def test_microformats_cite_every_record(built):
    import mf2py

    parsed = mf2py.parse(doc=(built("html") / "index.html").read_text(encoding="utf-8"),
                         url="https://ada.example.org/")
    cites: list[tuple[str, str]] = []

    def walk(items: list[dict]) -> None:
        for item in items:
            if "h-cite" in item["type"]:
                props = item["properties"]
                cites.append((props["name"][0], props["published"][0]))
            for values in item.get("properties", {}).values():
                walk([v for v in values if isinstance(v, dict) and "type" in v])
            walk(item.get("children", []))

    walk(parsed["items"])
    assert sorted(cites) == sorted([
        (ENGINES, "2021-03"), ("Poetical Science", "2020"), (HOSTILE, "2019"),
        ("Engines and Poetry", "2024-05-03"), (MIND, "1999-10")])


def _written(built: Callable[[str], Path], builder: str) -> str:
    [written] = [p for p in built(builder).iterdir() if p.suffix in (".txt", ".md")]
    return written.read_text(encoding="utf-8")


@pytest.mark.parametrize(("builder", "numbered"), [
    ("cv-text", NUMBERED),
    ("cv-markdown", "### " + NUMBERED.replace("[1]", r"\[1\]")),
])
def test_text_cvs_show_every_record(built, builder, numbered):
    text = _written(built, builder)
    for title in ("Gödel–Numbering", "Poetical Science", "Engines and Poetry", "COBOL"):
        assert title in text
    assert numbered in text.splitlines()
    assert "[1])" not in text
    assert "· [1]" not in text.replace("\\", "")


def test_markdown_cv_shows_the_name_in_bold_among_italic_facts(built):
    """Read as CommonMark, each paper's facts are the text CV's words, in italics, and
    bold on exactly the highlighted name (never ``***Lovelace, A*.**``)."""
    from markdown_it import MarkdownIt

    plain = " ".join(_written(built, "cv-text").split())
    facts = [line for line in _written(built, "cv-markdown").splitlines() if "Authors" in line]
    assert len(facts) == 5
    for line in facts:
        marks: list[str] = []
        shown: list[tuple[str, tuple[str, ...]]] = []
        for token in MarkdownIt("commonmark").parseInline(line)[0].children or []:
            if token.type.endswith("_open"):
                marks.append(token.tag)
            elif token.type.endswith("_close"):
                marks.remove(token.tag)
            else:
                shown.append((token.content, tuple(sorted(marks))))
        assert "".join(text for text, _ in shown) in plain
        assert "".join(text for text, marks in shown if "strong" in marks) in (
            "Lovelace, A.", "A. Lovelace")
        assert all("em" in marks for text, marks in shown if text.strip())


def test_docx_shows_every_record_and_the_name_in_bold(built):
    [docx] = built("cv-docx").glob("*.docx")
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    for title in ("Gödel–Numbering", "Poetical Science", "Engines and Poetry", "COBOL"):
        assert title in xml
    assert "<w:b/>" in xml.split("Lovelace, A.")[0].rsplit("<w:r>", 1)[-1]
    paragraphs = ["".join(re.findall(r"<w:t[^>]*>([^<]*)", p)) for p in xml.split("</w:p>")]
    assert NUMBERED in paragraphs


def test_latex_shows_every_record(built):
    [tex] = built("latex").glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    for title in ("Gödel\\textendash{}Numbering", "{Poetical Science}",
                  "COBOL"):
        assert title in source
    assert r"{\textmd{{[}1{]}} Engines and Poetry}{Analytical Conference 2024}" in source


def test_pdf_shows_every_record(built):
    [pdf] = built("cv-pdf").glob("*.pdf")
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for title in ("Gödel–Numbering", "Poetical Science", "Engines and Poetry", "COBOL"):
        assert title in " ".join(text.split())
    assert NUMBERED in [" ".join(line.split()) for line in text.splitlines()]
    assert "[1])" not in text


# -- bad files and many records ----------------------------------------------------
def test_bad_files_are_located_warnings(tmp_path):
    project = copy_root(ROOT, tmp_path / "bad")
    (project / "refs.bib").write_text(
        "@article{fine, title={Fine}, year=2020}\n@article{notitle, year=2021}\n"
        "@article{noyear, title={When}}\n@article{broken,\n title = {open\n",
        encoding="utf-8")
    (project / "works.json").write_text('[{"id": "x", "title": 5, "author": 7}]',
                                        encoding="utf-8")
    index = (project / "index.md").read_text(encoding="utf-8")
    (project / "index.md").write_text(index.replace(":style: numbered", ":style: numbered\n"
                                                    ":keys: x, nowhere"), encoding="utf-8")
    app = build(project, "html")
    found = work_history_warnings(app._warning.getvalue())
    messages = [(w.subtype, w.file, w.line, w.message) for w in found]
    assert ("bibliography", "refs.bib", 2, "publication notitle: has no title; it is listed "
            "by its venue") in messages, messages
    assert ("bibliography", "refs.bib", 3, "publication noyear: has no year; it is listed "
            "without a date") in messages
    assert any((w.file, w.line, w.subtype) == ("refs.bib", 5, "bibliography")
               for w in found), messages
    assert any("$[0].author is not a list" in w.message for w in found), messages
    assert any(w.message.endswith(":keys: 'nowhere' is in none of its files")
               for w in found), messages
    assert "Traceback" not in app._warning.getvalue()


def test_two_hundred_publications_build_strictly(tmp_path):
    project = copy_root(ROOT, tmp_path / "many")
    (project / "refs.bib").write_text("\n".join(
        f"@article{{paper{n},\n author = {{Lovelace, Ada and Author{n}, Some}},\n"
        f" title = {{Paper {n} on {{E}}ngines}},\n journal = {{Journal {n % 7}}},\n"
        f" year = {{{2000 + n % 25}}},\n doi = {{10.1000/{n}}}\n}}" for n in range(200)),
        encoding="utf-8")
    for builder in ("cv-text", "html", "cv-pdf", "cv-docx", "cv-markdown", "epub"):
        app = build(project, builder)
        assert app._warning.getvalue() == "", builder
    [text] = Path(project / "_build" / "cv-text").glob("*.txt")
    assert all(f"Paper {n} on Engines" in text.read_text(encoding="utf-8")
               for n in range(200))
