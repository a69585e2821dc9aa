"""A RenderCV file's structure survives `import` into every format.

One small RenderCV file (tests/data/rendercv/structure.yaml) with nested highlights,
numbered and reverse-numbered entries, bold and italic (an author's too), social
networks, a locale, a theme and a paper size, imported once and built once per format
(each in a process of its own, as `make` builds). Each output is read back as a reader
meets it: the HTML and resume.json, the text and Markdown files (the Markdown rendered
as CommonMark), the Word file (python-docx, and pandoc for its numbers), and the PDF in
each design (pypdf: its text, where each piece stands, its fonts and its links).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from sphinx_work_history.cli.command import main
from sphinx_work_history.testing import require_tool, sphinx_build

SOURCE = Path(__file__).resolve().parent / "data" / "rendercv" / "structure.yaml"
TALKS = ["Indexes that last, PGConf 2024", "Caches that lie, FOSDEM 2023",
         "Merges, PyCon 2022", "Lists, EuroPython 2021"]
PATENTS = ["A method for sparse indexes", "A method for dense caches",
           "A method for fast merges"]
PARENT, NESTED = "Published research at top venues", ["ICML 2022 main conference paper",
                                                      "NeurIPS 2022 workshop paper"]
PROFILES = ["https://github.com/jnovak", "https://fosstodon.org/@jana",
            "https://scholar.google.com/citations?user=AbCdEf12"]
DESIGNS = ("classic", "moderncv", "compact")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("structure") / "cv"
    assert main(["import", str(SOURCE), str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def built(project: Path) -> Callable[..., Path]:
    """The output folder of *builder* (for cv-pdf, in *design*), built once."""
    outputs: dict[tuple[str, str], Path] = {}

    def out(builder: str, design: str = "") -> Path:
        if (builder, design) not in outputs:
            outdir = project / "_build" / f"{builder}{design}"
            sphinx_build(project, outdir, builder,
                         *(("-D", f"work_history_pdf_design={design}") if design else ()))
            outputs[builder, design] = outdir
        return outputs[builder, design]

    return out


def only(folder: Path, suffix: str) -> Path:
    found, = folder.glob(f"*{suffix}")
    return found


# -- the project ----------------------------------------------------------------------
def test_the_project_takes_the_language_design_and_paper(project: Path) -> None:
    conf = (project / "conf.py").read_text(encoding="utf-8")
    assert 'language = "de"' in conf
    assert 'work_history_pdf_design = "compact"' in conf  # sb2nov's nearest
    assert 'work_history_pdf_paper = "a4"' in conf
    talks = (project / "pages" / "talks.md").read_text(encoding="utf-8")
    assert talks == "# Talks\n\n{.reversed}\n\n" + "".join(
        f"{number}. {talk}\n" for number, talk in zip(range(4, 0, -1), TALKS, strict=True))


# -- HTML -----------------------------------------------------------------------------
def page(built: Callable[..., Path], name: str) -> BeautifulSoup:
    path = built("html") / "pages" / f"{name}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def numbered(ol: Tag) -> list[tuple[int, str]]:
    """The items of *ol*, each with the number a browser shows for it."""
    items = [li.get_text(" ", strip=True) for li in ol.find_all("li", recursive=False)]
    down = ol.has_attr("reversed")
    start = int(str(ol.get("start") or (len(items) if down else 1)))
    return [(start - i if down else start + i, text) for i, text in enumerate(items)]


def nested_in(soup: BeautifulSoup, parent: str) -> list[str]:
    """The texts of the list nested in the item whose own text starts with *parent*."""
    item = next(li for li in soup.find_all("li") if li.get_text(strip=True).startswith(parent))
    return [li.get_text(strip=True) for li in item.find("ul").find_all("li")]


def test_html_keeps_every_list_and_emphasis(built: Callable[..., Path]) -> None:
    talks, = page(built, "talks").find_all("ol")
    assert numbered(talks) == list(zip(range(4, 0, -1), TALKS, strict=True))
    patents, = page(built, "patents").find_all("ol")
    assert numbered(patents) == list(zip(range(1, 4), PATENTS, strict=True))
    experience = page(built, "experience")
    assert nested_in(experience, PARENT) == NESTED
    assert experience.find("strong", string="indexing") is not None
    assert experience.find("em", string="Rust") is not None
    authors = page(built, "publications").find(class_="wh-detail")
    assert authors.get_text() == "Autoren: Jana Nováková, Petr Svoboda, Eva Dvořáková"
    assert [(tag.name, tag.get_text()) for tag in authors.find_all(["em", "strong"])] == [
        ("em", "Jana Nováková"), ("strong", "Eva Dvořáková")]


def test_html_links_each_profile_and_speaks_the_language(built: Callable[..., Path]) -> None:
    hub = BeautifulSoup((built("html") / "index.html").read_text(encoding="utf-8"),
                        "html.parser")
    assert hub.html["lang"] == "de"
    links = {a["href"] for a in hub.find_all("a", href=True)}
    assert set(PROFILES) <= links


def test_resume_json_gives_each_item_its_own_highlight(built: Callable[..., Path]) -> None:
    resume = json.loads((built("html") / "resume.json").read_text(encoding="utf-8"))
    assert resume["work"][0]["highlights"] == [
        "Built the indexing service, in Rust", PARENT, *NESTED,
        "Kept a - b and x - y whole"]
    assert [p.get("url") for p in resume["basics"]["profiles"]] == PROFILES


# -- text and Markdown ----------------------------------------------------------------
def test_text_numbers_and_indents(built: Callable[..., Path]) -> None:
    text = only(built("cv-text"), ".txt").read_text(encoding="utf-8")
    assert "".join(f"{n}. {talk}\n" for n, talk in zip(range(4, 0, -1), TALKS,
                                                        strict=True)) in text
    assert "".join(f"{n}. {patent}\n" for n, patent in enumerate(PATENTS, 1)) in text
    assert f"* {PARENT}\n" + "".join(f"  * {item}\n" for item in NESTED) in text


def test_sphinx_text_builder_numbers_down_too(built: Callable[..., Path]) -> None:
    """Formats that count up only (Sphinx's text, LaTeX) give each item its number."""
    text = (built("text") / "pages" / "talks.txt").read_text(encoding="utf-8")
    assert re.findall(r"^(\d+)\. (.+)$", text, re.MULTILINE) == [
        (str(n), talk) for n, talk in zip(range(4, 0, -1), TALKS, strict=True)]


def test_markdown_renders_every_list_and_emphasis(built: Callable[..., Path]) -> None:
    markdown = only(built("cv-markdown"), ".md").read_text(encoding="utf-8")
    soup = BeautifulSoup(MarkdownIt("commonmark").render(markdown), "html.parser")
    lists = [numbered(ol) for ol in soup.find_all("ol")]
    shown = [item for found in lists for item in found]
    assert shown == [*zip(range(1, 4), PATENTS, strict=True),
                     *zip(range(4, 0, -1), TALKS, strict=True)]
    assert nested_in(soup, PARENT) == NESTED
    assert soup.find("strong", string="indexing") is not None
    assert soup.find("em", string="Rust") is not None
    # The facts line is in italics: the author in italics stands upright, the one in
    # bold is bold (and italic, as the line is), the commas between them italic.
    facts = soup.find(string=re.compile("Petr Svoboda")).find_parent("p")
    assert [(tag.name, tag.get_text()) for tag in facts.find_all(["em", "strong"])
            if "Svoboda" in tag.get_text() or "Dvořáková" in tag.get_text()] == [
        ("em", ", Petr Svoboda, Eva Dvořáková"), ("strong", "Eva Dvořáková")]
    assert facts.find("strong").find_parent("em") is not None
    assert "Jana Nováková" not in "".join(tag.get_text() for tag in facts.find_all("em"))
    assert {a["href"] for a in soup.find_all("a")} >= set(PROFILES)


# -- Word -----------------------------------------------------------------------------
def test_word_nests_numbers_and_styles(built: Callable[..., Path]) -> None:
    path = only(built("cv-docx"), ".docx")
    document = docx.Document(str(path))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert [("List Bullet", PARENT), *(("List Bullet 2", item) for item in NESTED)] == \
        styled[styled.index(("List Bullet", PARENT)):][:3]
    assert [text for style, text in styled if style == "List Number"] == [*PATENTS, *TALKS]
    runs = {run.text.strip(" ,"): run for p in document.paragraphs for run in p.runs}
    assert runs["indexing"].bold
    assert runs["Rust"].italic
    # The facts line is in italics: the author in italics upright, the bold one bold.
    assert not runs["Jana Nováková"].italic
    assert runs["Petr Svoboda"].italic
    assert runs["Eva Dvořáková"].bold
    assert runs["Eva Dvořáková"].italic
    hyperlinks = {link.url for p in document.paragraphs for link in p.hyperlinks}
    assert set(PROFILES) <= hyperlinks
    # Word's numbers, as pandoc reads them: the talks count down.
    plain = subprocess.run([require_tool("pandoc"), "-t", "plain", "--wrap=none", str(path)],
                           check=True, capture_output=True, text=True).stdout
    numbers = re.findall(r"^(\d+)\.\s+(.+)$", plain, re.MULTILINE)
    assert numbers == [(str(n), text) for n, text in (
        *zip(range(1, 4), PATENTS, strict=True), *zip(range(4, 0, -1), TALKS, strict=True))]


# -- PDF ------------------------------------------------------------------------------
def pieces(pdf: Path) -> list[tuple[str, float, str]]:
    """Each piece of text on the first page: its text, where it starts (x), its font."""
    found: list[tuple[str, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((text.strip(), float(tm[4]) * float(cm[0]) + float(cm[4]),
                          str(font.get("/BaseFont", "")) if font else ""))

    pypdf.PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("design", DESIGNS)
def test_every_design_numbers_nests_and_sets_emphasis(built: Callable[..., Path],
                                                      design: str) -> None:
    pdf = only(built("cv-pdf", design), ".pdf")
    found = pieces(pdf)
    texts = [text for text, _, _ in found]
    for number, talk in zip(range(4, 0, -1), TALKS, strict=True):
        at = texts.index(talk)
        assert texts[at - 1] == f"{number}.", (design, talk, texts[at - 1])
    assert [texts[texts.index(p) - 1] for p in PATENTS] == ["1.", "2.", "3."]
    # A nested item's bullet stands right of its parent's.
    x = {text: left for text, left, _ in found}
    parent_bullet = found[texts.index(PARENT) - 1]
    nested_bullets = [found[texts.index(item) - 1] for item in NESTED]
    assert all(bullet[1] > parent_bullet[1] + 3 for bullet in nested_bullets), design
    assert x[NESTED[0]] == x[NESTED[1]] > x[PARENT]
    fonts = {text: font for text, _, font in found}
    assert "Bold" in fonts["indexing"]
    assert "Italic" in fonts["Rust"]
    assert "Italic" in fonts["Jana Nováková"]
    assert "Bold" in fonts["Eva Dvořáková"]
    reader = pypdf.PdfReader(pdf)
    uris = {str(annotation.get_object()["/A"].get("/URI")) for annotation in
            reader.pages[0].get("/Annots", []) if "/A" in annotation.get_object()}
    assert set(PROFILES) <= uris
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4
