"""A RenderCV file is data: its texts reach the pages as text (RenderCV's bold, italic,
code and links as markup), never as MyST source; what has no place is named; a value no
text holds, or a date that is not one, stops the import in one line."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from myst_parser.parsers.docutils_ import Parser

from sphinx_work_history.cli.command import main
from sphinx_work_history.cli.scaffold import write_project
from sphinx_work_history.importers import LINE_BREAKS, Project, read_project
from sphinx_work_history.importers import myst_writer as mw
from sphinx_work_history.importers.rendercv import plain, section_title
from sphinx_work_history.importers.rendercv_markdown import (
    UNWRITABLE,
    highlight_items,
    inline_tokens,
    linkable,
    myst_paragraphs,
)
from sphinx_work_history.model.kinds import marked
from sphinx_work_history.sphinx.directives.entries import split_list
from sphinx_work_history.testing import build

SETTINGS = {"myst_enable_extensions": ["colon_fence", "attrs_block"], "report_level": 5,
            "halt_level": 5, "warning_stream": False}
BREAK = re.compile("[" + LINE_BREAKS + "]")
NO_MYST = re.compile("[" + UNWRITABLE + "]")
MYST = MarkdownIt()
MARKS = str.maketrans("", "", "*_ ")
GERMAN = Path(__file__).parent / "data" / "rendercv" / "rendercv-new-german.yaml"


def write(tmp_path: Path, document: Any, name: str = "cv.yaml") -> Path:
    """*document* as a YAML file: a text as it is, data as JSON (which is YAML, with
    every character other than ASCII's written as an escape)."""
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document, indent=1),
                    encoding="utf-8")
    return path


def imported(tmp_path: Path, document: Any) -> Project:
    return read_project(write(tmp_path, document))


def page(project: Project, path: str) -> str:
    return next(p.text for p in project.pages if p.path == path)


def job(**fields: Any) -> dict[str, Any]:
    return {"cv": {"name": "Ada", "sections": {"experience": [
        {"company": "Acme", "position": "Engineer", "start_date": "2020", **fields}]}}}


# -- what MyST reads back -----------------------------------------------------------
class Probe(Directive):
    """An entry's directive: parses its body as the package's directives do."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {"org": directives.unchanged,  # noqa: RUF012 (docutils' own attribute)
                   "keywords": directives.unchanged, "authors": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        # The options, which a directive shows as plain text, after the body.
        options = [nodes.paragraph("", "", nodes.Text(value))
                   for value in self.options.values()]
        return [node, *options]


def doctree(source: str) -> nodes.document:
    directives.register_directive("probe", Probe)
    return publish_doctree(source, parser=Parser(), settings_overrides=SETTINGS)


def _add_text(shape: list[Any], text: str) -> None:
    if shape and isinstance(shape[-1], str):
        shape[-1] += text
    else:
        shape.append(text)


def read_shape(markdown: str, as_text: frozenset[int] = frozenset()) -> list[list[Any]]:
    """What RenderCV's text says, as read: each paragraph's text, bold and italic (as
    text in the paragraphs numbered in *as_text*), code, and links kept (to http(s) and
    mailto addresses); a line break MyST cannot hold is a space."""
    paragraphs = []
    for number, tokens in enumerate(inline_tokens(NO_MYST.sub(" ", markdown)), 1):
        if number in as_text:  # the marks as text
            tokens = [Token("text", "", 0, content=t.markup) if t.type in (
                "em_open", "em_close", "strong_open", "strong_close") else t for t in tokens]
        root: list[Any] = []
        stack, links = [root], []
        for token in tokens:
            if token.type == "text":
                _add_text(stack[-1], token.content)
            elif token.type in ("softbreak", "hardbreak"):
                _add_text(stack[-1], "\n")
            elif token.type == "code_inline":
                stack[-1].append(("code", BREAK.sub(" ", token.content)))
            elif token.type in ("em_open", "strong_open"):
                stack[-1].append((token.type[:-5], children := []))
                stack.append(children)
            elif token.type == "link_open":
                href = str(token.attrGet("href"))
                links.append(linkable(href))
                if links[-1]:  # as MyST writes any address (percent-encoded)
                    stack[-1].append(("link", MYST.normalizeLink(href), children := []))
                    stack.append(children)
            elif token.type != "link_close" or links.pop():
                stack.pop()
        if root:
            paragraphs.append(root)
    return paragraphs


def node_shape(node: nodes.Element) -> list[Any]:
    shape: list[Any] = []
    for child in node.children:
        if isinstance(child, nodes.Text):
            _add_text(shape, str(child))
        elif isinstance(child, nodes.strong | nodes.emphasis):
            shape.append(("strong" if isinstance(child, nodes.strong) else "em",
                          node_shape(child)))
        elif isinstance(child, nodes.literal):
            shape.append(("code", child.astext()))
        elif isinstance(child, nodes.reference):
            shape.append(("link", child["refuri"], node_shape(child)))
        else:
            shape.append((child.tagname, child.astext()))
    return shape


def shown_shape(element: nodes.Element) -> list[list[Any]]:
    """Each paragraph of *element*'s body, as MyST read it; anything but paragraphs (a
    heading, a list, a code block, a directive's output) is there as its own tag."""
    found: list[Any] = []
    for child in element.children:
        found.append(node_shape(child) if isinstance(child, nodes.paragraph) else (
            child.tagname, child.astext()))
    return found


# Markdown, MyST and HTML, as pieces: what a hostile or an ordinary text is made of.
PIECES = ["a", "b", "word", " ", "  ", "\n", "\n\n", "*", "**", "_", "__", "`", "``",
          "[", "]", "(", ")", "<", ">", "!", "\\", "{", "}", "$", "#", ":", ":::", "-",
          "+", "=", "|", "&", "&amp;", "&#60;", ";", "1.", "2)", "\t", "\u2028", "\x85",
          "\x0b", "\x0c", "\x1e", "\u3000", "https://x.example/p?q=1&r", "mailto:a@b.example",
          "javascript:x", '"', "'", "~~~", "```", "%", "(t)=", "+++", "^", "{eval-rst}",
          "{raw} html", "<script>", "{{x}}", "---", "    ", "\\\n", "  \n", "***",
          '[t](https://x.example/ "t")']
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_what_a_text_says_is_what_myst_shows(text: str) -> None:
    notes: list[str] = []
    paragraphs = myst_paragraphs(text, "cv.yaml: here", notes)
    # Bold and italic marks are text in a paragraph, saying so, only where escaping
    # would change how the delimiters pair up.
    as_text = frozenset(int(n) for note in notes for n in re.findall(
        r"paragraph (\d+): its bold and italic cannot", note))
    want = read_shape(text, as_text)
    # On a page, in an entry's body, and as an item of a highlight list in one.
    on_page = doctree("\n\n".join(paragraphs) + "\n")
    assert shown_shape(on_page) == want
    entry = doctree(mw.directive("probe", "Role", [("org", "Acme")], paragraphs) + "\n")
    container, = entry.findall(nodes.container)
    assert shown_shape(container) == want
    item = doctree(mw.directive("probe", "Role", [], ["- " + "\n\n".join(paragraphs).replace(
        "\n", "\n  ")]) + "\n") if paragraphs else None
    if item is not None:
        list_item, = item.findall(nodes.list_item)
        assert shown_shape(list_item) == want


def _flat(shape: Any) -> str:
    """A shape's words, on one line, as a reader reads them."""
    if isinstance(shape, str):
        return shape
    if isinstance(shape, tuple):
        return "".join(_flat(part) for part in shape[1:])
    return "".join(_flat(part) for part in shape)


def _words(text: str) -> str:
    return " ".join(text.split())


def _joined(items: list[list[list[Any]]]) -> list[list[Any]]:
    """The paragraphs of nested items as one highlight: each item's first paragraph
    after the last of the item before, and " - " between them."""
    out: list[list[Any]] = []
    for index, paragraphs in enumerate(items):
        first, *rest = paragraphs or [[]]
        if index and out:
            out[-1] = [*out[-1], " - ", *first]
        else:
            out.append(list(first))
        out += rest
    return out


def _merged(paragraph: list[Any]) -> list[Any]:
    """A paragraph's shape with adjacent texts as one, each run of white space a space."""
    out: list[Any] = []
    for part in paragraph:
        if isinstance(part, str):
            part = re.sub(r"\s+", " ", part)
            if out and isinstance(out[-1], str):
                out[-1] = re.sub(r"\s+", " ", out[-1] + part)
            elif part:
                out.append(part)
        elif part[0] in ("em", "strong"):
            out.append((part[0], _merged(part[1])))
        elif part[0] == "link":
            out.append((part[0], part[1], _merged(part[2])))
        else:
            out.append(part)
    return out


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_highlight_nests_what_follows_each_dash(text: str) -> None:
    """RenderCV nests what follows each " - " of a highlight: each item reads back as
    text (its markup whole), and the items, joined by " - ", say what the highlight
    says."""
    notes: list[str] = []
    items = highlight_items(text, "cv.yaml: here", notes)
    shown = []
    for paragraphs in items:
        if not paragraphs:
            shown.append([])
            continue
        tree = doctree(mw.directive("probe", "", [], ["- " + "\n\n".join(paragraphs).replace(
            "\n", "\n  ")]) + "\n")
        kinds = {node.tagname for node in tree.findall(nodes.Element)}
        assert kinds <= {"document", "paragraph", "bullet_list", "list_item", "container",
                         "emphasis", "strong", "literal", "reference"}, (text, paragraphs)
        list_item, = tree.findall(nodes.list_item)
        shown.append(shown_shape(list_item))
    want = read_shape(text)
    got_words, want_words = (_words(" ".join(_flat(p) for p in shape))
                             for shape in (_joined(shown), want))
    if any("bold and italic cannot" in note for note in notes):
        # Bold and italic marks shown as text, saying so: the rest as it reads.
        assert got_words.translate(MARKS) == want_words.translate(MARKS)
    else:
        assert got_words == want_words
        assert [m for p in _joined(shown) if (m := _merged(p))] == [
            m for p in want if (m := _merged(p))]


def authors_read(tmp_path: Path, authors: list[str]) -> list[tuple[str, bool, bool]]:
    """*authors* imported, then read as the publication directive reads them."""
    document = {"cv": {"name": "Ada", "sections": {"papers": [
        {"title": "On engines", "authors": authors}]}}}
    text = page(imported(tmp_path, document), "pages/papers.md")
    line = next((line for line in text.splitlines() if line.startswith(":authors:")), "")
    if not line:
        return []
    tree = doctree(f":::{{probe}}\n{line}\n:::\n")
    option, = tree.findall(nodes.paragraph)
    return [marked(item) for item in split_list(option.astext())]


@pytest.mark.parametrize(("author", "shown"), [
    ("*Ada Lovelace*", ("Ada Lovelace", True, False)),
    ("_Ada Lovelace_", ("Ada Lovelace", True, False)),
    ("**Ada Lovelace**", ("Ada Lovelace", False, True)),
    ("***Ada, Countess***", ("Ada, Countess", True, True)),
    ("C. Babbage", ("C. Babbage", False, False)),
    ("\\*Star\\*", ("*Star*", False, False)),  # stars as text stay text
    ("\\*\\*Star", ("**Star", False, False)),
    ("\\\\*x*", ("\\x", False, False)),  # a backslash, then x in italics: a part
    ("[*Ada*](https://ada.example/)", ("Ada", False, False)),  # a link's text is the name
])
def test_an_author_keeps_its_italics_or_bold(tmp_path: Path, author: str,
                                             shown: tuple[str, bool, bool]) -> None:
    assert authors_read(tmp_path, [author]) == [shown]


def test_emphasis_on_part_of_an_authors_name_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, {"cv": {"name": "Ada", "sections": {"papers": [
        {"title": "On engines", "authors": ["Ada *Lovelace*"]}]}}})
    project = read_project(path)
    assert ":authors: Ada Lovelace\n" in page(project, "pages/papers.md")
    assert project.notes == [f"{path}: cv.sections.papers[0].authors[0]: its bold or italic "
                             "is not imported (an author's name is in italics or bold as a "
                             "whole, or not)"]


AUTHOR_PIECES = ["Ada", "Lovelace", " ", "*", "**", "_", "\\", ",", '"', "`", "&", ":",
                 "#", "{x}", "-", "[t](https://x.example/)", "\u2028"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(AUTHOR_PIECES), min_size=1, max_size=8).map(
    "".join), min_size=1, max_size=3))
def test_every_author_keeps_its_name(tmp_path_factory: pytest.TempPathFactory,
                                     authors: list[str]) -> None:
    """Whatever an author's text, the directive reads back the name RenderCV shows."""
    names = [BREAK.sub(" ", plain(author)[0].replace("\r\n", " ")).strip()
             for author in authors if author.strip()]
    read = authors_read(tmp_path_factory.mktemp("a"), authors)
    assert [name for name, _, _ in read] == [name for name in names if name]


@pytest.mark.parametrize(("text", "items"), [
    ("Main - one - two", [["Main"], ["one"], ["two"]]),
    # YAML's folded lines, and a block scalar's kept ones.
    ("Main\n  - one\n  - two", [["Main"], ["one"], ["two"]]),
    ("**a - b** - `c - d` - [e - f](https://x.example/)",
     [["**a - b**"], ["`c - d`"], ["[e - f](<https://x.example/>)"]]),
    ("a \\- b - c", [["a - b"], ["c"]]),  # an escaped dash is text
    ("a - - b", [["a"], ["\\- b"]]),  # as RenderCV: a space is taken once
    ("x-y -z - w", [["x-y -z"], ["w"]]),
    ("[a - b", [["\\[a"], ["b"]]),  # a bracket that opens no link is text
])
def test_a_highlights_nested_items(text: str, items: list[list[str]]) -> None:
    assert highlight_items(text, "", []) == items


def test_rendercv_markdown_is_kept_as_markup() -> None:
    text = ("**Bold** and *it* and _it_, `a ``b`` c`, [site](https://x.example/a_b) "
            "[mail](mailto:ada@example.org)")
    assert myst_paragraphs(text, "", []) == [
        "**Bold** and *it* and _it_, ```a ``b`` c```, [site](<https://x.example/a_b>) "
        "[mail](<mailto:ada@example.org>)"]


def test_emphasis_escaping_would_change_is_left_out_saying_so() -> None:
    """In ``_*__*a***`` the last ``*`` is text: escaped, it would split the run ``***``,
    and the first ``*`` would no longer pair with the others."""
    notes: list[str] = []
    paragraphs = myst_paragraphs("**ok**\n\n_*__*a***", "cv.yaml: s", notes)
    assert paragraphs == ["**ok**", "\\_\\*\\_\\_\\*a\\*\\*\\*"]
    assert notes == ["cv.yaml: s: paragraph 2: its bold and italic cannot be written as "
                     "they read; their marks are shown as text"]
    assert shown_shape(doctree("\n\n".join(paragraphs))) == [
        ["", ("strong", ["ok"]), ""], ["_*__*a***"]]


def test_a_link_keeps_its_title() -> None:
    paragraphs = myst_paragraphs('[a](https://x.example/<b> "T\nitle &amp; \\"q\\"&#1;")',
                                 "", [])
    assert paragraphs == ['[a](<https://x.example/\\<b\\>> "T&#10;itle & \\"q\\"\\&#1;")']
    reference = doctree(paragraphs[0]).next_node(nodes.reference)
    assert (reference["refuri"], reference["reftitle"]) == (
        "https://x.example/%3Cb%3E", 'T\nitle & "q"&#1;')


@pytest.mark.parametrize("text", [
    "```{include} /etc/passwd",
    "```{literalinclude} secret.txt",
    "```{eval-rst}",
    ":::{raw} html",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "$x^2$ and $$y$$",
    "# A heading",
    "> a quote",
    "![a photo](https://x.example/p.png)",
    "| a | b |\n|---|---|",
    "[^1] and (target)=",
])
def test_markdown_beyond_rendercv_is_text(text: str) -> None:
    """Read as written: no directive, role, HTML, maths, heading, quote, image or table."""
    paragraphs = myst_paragraphs(text, "", [])
    shown = shown_shape(doctree(mw.directive("probe", "", [], paragraphs)).next_node(
        nodes.container))
    assert shown == [[text]]


def test_a_role_is_its_name_then_code() -> None:
    paragraphs = myst_paragraphs("{raw}`<b>` and {eval-rst}`x`", "", [])
    assert paragraphs == ["\\{raw\\}`<b>` and \\{eval-rst\\}`x`"]
    assert shown_shape(doctree(paragraphs[0])) == [
        ["{raw}", ("code", "<b>"), " and {eval-rst}", ("code", "x")]]


def test_a_link_to_another_address_keeps_its_text() -> None:
    notes: list[str] = []
    assert myst_paragraphs("[click](javascript:alert(1)) <vbscript:x> [f](file:///etc)",
                           "cv.yaml: cv.sections.s[0]", notes) == ["click vbscript:x f"]
    assert notes == [f"cv.yaml: cv.sections.s[0]: the link to {url!r} is not to an http(s) "
                     "or mailto address: its text is kept, the address is not imported"
                     for url in ("javascript:alert(1)", "vbscript:x", "file:///etc")]


def test_headings_show_plain_text() -> None:
    assert plain("**[FlashInfer](https://github.com/)** *x* `y` <b>") == (
        "FlashInfer x y <b>", "https://github.com/")
    assert section_title("selected_honors") == "Selected Honors"


# -- the pages ----------------------------------------------------------------------
HOSTILE = [
    "```{literalinclude} /etc/passwd",
    "```{eval-rst}",
    "{raw}`<script>alert(1)</script>`",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
]


def test_every_text_of_rendercv_is_text_on_the_page(tmp_path: Path) -> None:
    document = job(summary=HOSTILE[0], highlights=HOSTILE, date="Fall 2023")
    document["cv"]["sections"] |= {
        "bullets": [{"bullet": text} for text in HOSTILE],
        "numbers": [{"number": text} for text in HOSTILE],
        "down": [{"reversed_number": text} for text in HOSTILE],
        "texts": HOSTILE,
        "skills": [{"label": "Tools", "details": text} for text in HOSTILE],
    }
    document["cv"]["sections"]["experience"][0].pop("start_date")
    project = imported(tmp_path, document)
    for source in project.pages:
        tree = doctree(source.text.replace(":::{job}", ":::{probe}").replace(
            ":::{skill}", ":::{probe}"))
        # MyST read no directive, role or HTML: only paragraphs, lists, the entries.
        kinds = {node.tagname for node in tree.findall(nodes.Element)}
        assert kinds <= {"document", "section", "title", "paragraph", "bullet_list",
                         "enumerated_list", "list_item", "container", "literal"}, source.path
        shown = tree.astext()
        for text in HOSTILE:
            assert plain(text)[0] in shown, (source.path, text)
    # The list numbered down is one, of its class, from its number.
    down, = doctree(page(project, "pages/down.md")).findall(nodes.enumerated_list)
    assert (down["classes"], down.get("start"), len(down.children)) == (
        ["reversed"], len(HOSTILE), len(HOSTILE))


@pytest.mark.parametrize("key", ["company", "position", "location"])
@pytest.mark.parametrize("line_break", [*LINE_BREAKS, "\r\n"])
def test_a_line_break_in_a_one_line_value_is_a_space(tmp_path: Path, key: str,
                                                     line_break: str) -> None:
    document = job(**{key: f"one{line_break}:::{{eval-rst}}"})
    project = imported(tmp_path, document)
    text = page(project, "pages/experience.md")
    assert text.splitlines() == text.split("\n")[:-1]  # no line break MyST sees but \n
    assert "one :::{eval-rst}" in text
    assert f"{tmp_path / 'cv.yaml'}: cv.sections.experience[0].{key}: a line break in a " \
        "one-line field became a space" in project.notes


@pytest.mark.parametrize("line_break", ["\n", "\u2028", "\x85"])
def test_no_one_line_value_holds_a_line_break(tmp_path: Path, line_break: str) -> None:
    broken = f"x{line_break}# y"
    document = {"cv": {"name": broken, "headline": broken, "sections": {
        broken: [{"title": broken, "journal": broken, "authors": [broken], "date": "2020"},
                 {"institution": broken, "area": broken, "degree": broken},
                 {"label": broken, "details": "a, b"},
                 {"name": broken, "location": broken}]}}}
    project = imported(tmp_path, document)
    for source in project.pages:
        assert source.text.splitlines() == source.text.split("\n")[:-1]
    assert project.name == project.person["name"] == project.person["label"] == "x # y"
    for where in ("cv.name", "cv.headline", "cv.sections["):
        assert any(note.startswith(f"{tmp_path / 'cv.yaml'}: {where}") for note in
                   project.notes), where


# -- what has no place ------------------------------------------------------------
def test_what_has_no_place_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, """\
cv:
  name: Ada
  name: Ada Lovelace
  photo: ../secret.png
  sections:
    experience:
      - company: Acme
        position: Engineer
        start_date: 2020
        summary: [one, two]
        highlights: {a: b}
        team: Databases
        company: Acme Ltd
    publications:
      - title: On engines
        authors: [Ada, [nested]]
        url: ftp://example.org/engines
        start_date: 2020
design:
  theme: classic
locale:
  language: english
settings:
  current_date: today
theme: dark
""")
    project = read_project(path)
    assert project.notes == [f"{path}: {note}" for note in [
        "cv.name: given twice (lines 2 and 3); the one on line 3 is imported",
        "cv.sections.experience[0].company: given twice (lines 7 and 13); the one on line "
        "13 is imported",
        "settings: not imported (RenderCV's own settings)",
        "theme: not a RenderCV key; not imported",
        "cv.photo: '../secret.png' is not an http(s) address; not imported (copy the photo "
        "into the project and name it as work_history_person's image in conf.py)",
        "cv.sections.experience[0].team: not imported (the job directive has no place for "
        "it)",
        "cv.sections.experience[0].summary: a list, not a text; not imported",
        "cv.sections.experience[0].highlights: a mapping, not a list of texts; not "
        "imported",
        "cv.sections.publications[0].start_date: not imported (the publication directive "
        "has no place for it)",
        "cv.sections.publications[0].url: 'ftp://example.org/engines' is not an http(s) "
        "address; not imported",
        "cv.sections.publications[0].authors[1]: a list, not a text; not imported",
    ]]
    assert project.person == {"name": "Ada Lovelace"}
    assert ":org: Acme Ltd\n" in page(project, "pages/experience.md")
    # What it says of its look has a place: conf.py's language, the PDF's design and paper.
    assert (project.language, project.pdf_design, project.pdf_paper) == (
        "en", "classic", "us-letter")


# -- what RenderCV links, and how it looks ----------------------------------------------
@pytest.mark.parametrize(("network", "username", "url"), [
    ("LinkedIn", "ada-lovelace", "https://linkedin.com/in/ada-lovelace"),
    ("GitHub", "ada_", "https://github.com/ada_"),
    ("Mastodon", "@ada@mastodon.social", "https://mastodon.social/@ada"),
    ("StackOverflow", "12345/ada", "https://stackoverflow.com/users/12345/ada"),
    ("Google Scholar", "AbC-12", "https://scholar.google.com/citations?user=AbC-12"),
    ("YouTube", "ada", "https://youtube.com/@ada"),
    ("Twitter", "ada", "https://x.com/ada"),  # RenderCV 1's name for X
    ("GitHub", "a b?c#d", "https://github.com/a%20b%3Fc%23d"),  # a username is a path
    ("Mastodon", "ada", ""),  # not @user@host
    ("Myspace", "ada", ""),  # not in RenderCV's table
])
def test_a_username_links_to_its_profile(tmp_path: Path, network: str, username: str,
                                         url: str) -> None:
    project = imported(tmp_path, {"cv": {"name": "Ada", "social_networks": [
        {"network": network, "username": username}]}})
    profile, = project.person["profiles"]
    assert profile == {"network": network, "username": username} | (
        {"url": url} if url else {})


@pytest.mark.parametrize(("locale", "language", "notes"), [
    ({"language": "german"}, "de", []),
    ({"language": "mandarin_chinese"}, "zh_CN", []),
    ({"language": "norwegian_bokmål"}, "nb_NO", []),
    ({"language": "pt-BR"}, "pt_BR", []),
    ({"language": "fr"}, "fr", []),
    ({"language": "english", "present": "now", "month": "mo"}, "en",
     ["locale: present, month: not imported (the package's own words and date formats "
      "for the language are used)"]),
    ({"language": 'en"; import os #'}, "",
     ["locale.language: 'en\"; import os #' is not a language RenderCV names, or a "
      "language code; conf.py's language is 'en'"]),
    ("german", "", ["locale: a text, not a mapping; not imported"]),
])
def test_the_locale_is_the_projects_language(tmp_path: Path, locale: Any, language: str,
                                             notes: list[str]) -> None:
    path = write(tmp_path, {"cv": {"name": "Ada"}, "locale": locale})
    project = read_project(path)
    assert project.language == language
    assert project.notes == [f"{path}: {note}" for note in notes]
    write_project(project, tmp_path / "cv")
    conf = (tmp_path / "cv" / "conf.py").read_text(encoding="utf-8")
    assert f'\nlanguage = "{language or "en"}"\n' in conf
    assert "import os" not in conf


def test_an_imported_german_cv_s_home_page_is_in_german(tmp_path: Path) -> None:
    """RenderCV's German sample: the home page's own words are German, as the CV's
    headings and dates are, and so is the book's title."""
    write_project(read_project(GERMAN), tmp_path / "cv")
    index = (tmp_path / "cv" / "index.md").read_text(encoding="utf-8")
    assert ":::{rubric} Rollen im Überblick\n" in index
    assert ":::{rubric} Weiterlesen\n" in index
    assert ("- {resume-json}`resume.json`: der Lebenslauf als Daten im Format "
            "[JSON Resume](https://jsonresume.org/schema)\n") in index
    assert ":::{cv-downloads} Lebenslauf herunterladen:\n" in index
    for english in ("glance", "Read more", "Download", "the CV as data", "format"):
        assert english not in index
    conf = (tmp_path / "cv" / "conf.py").read_text(encoding="utf-8")
    assert 'project = author or "Lebenslauf"\n' in conf
    assert 'BOOK_TITLE = f"{project} — Lebenslauf"\n' in conf


@pytest.mark.parametrize(("language", "roles", "more", "downloads"), [
    ("english", "Roles at a glance", "Read more", "Download the CV:"),
    # No catalogue in Finnish: the words stay English, as a build's do.
    ("fi", "Roles at a glance", "Read more", "Download the CV:"),
    # Brazilian Portuguese has Portuguese's catalogue, as a build has.
    ("pt-BR", "Resumo dos cargos", "Leia mais", "Baixar o currículo:"),
    ("mandarin_chinese", "职位一览", "阅读更多", "下载简历："),
])
def test_the_home_page_s_words_are_the_catalogue_s_or_english(
        tmp_path: Path, language: str, roles: str, more: str, downloads: str) -> None:
    write_project(imported(tmp_path, job() | {"locale": {"language": language}}),
                  tmp_path / "cv")
    index = (tmp_path / "cv" / "index.md").read_text(encoding="utf-8")
    rubrics = re.findall(r"^:::\{rubric\} (.*)$", index, re.MULTILINE)
    assert rubrics == [roles, more]
    assert f"\n:::{{cv-downloads}} {downloads}\n" in index


@pytest.mark.parametrize(("design", "look", "notes"), [
    (None, ("classic", "us-letter"), []),  # RenderCV's own
    ({"theme": "moderncv", "page": {"size": "a4"}}, ("moderncv", "a4"), []),
    ({"theme": "sb2nov"}, ("compact", "us-letter"),
     ["design.theme: 'sb2nov': the PDF's design is 'compact', the nearest "
      "(work_history_pdf_design in conf.py)"]),
    ({"theme": "harvard", "page": {"size": "a5", "top_margin": "1in"},
      "colors": {"name": "red"}}, ("classic", "a4"),
     ["design.theme: 'harvard': the PDF's design is 'classic', the nearest "
      "(work_history_pdf_design in conf.py)",
      "design.page.size: 'a5': the PDF's paper is 'a4', the nearest (work_history_pdf_paper "
      "in conf.py)",
      "design: colors, page.top_margin: not imported (the PDF's design and conf.py's "
      "work_history_pdf_* settings set the look)"]),
    ({"theme": "mine", "page": {"size": "b5"}}, ("classic", "us-letter"),
     ["design.theme: 'mine' is not one of RenderCV's themes; the PDF's design is 'classic'",
      "design.page.size: 'b5' is not one of RenderCV's page sizes; the PDF's paper is "
      "'us-letter'"]),
])
def test_the_theme_and_page_are_the_pdfs_design_and_paper(
        tmp_path: Path, design: Any, look: tuple[str, str], notes: list[str]) -> None:
    path = write(tmp_path, {"cv": {"name": "Ada"}} | ({"design": design} if design else {}))
    project = read_project(path)
    assert (project.pdf_design, project.pdf_paper) == look
    assert project.notes == [f"{path}: {note}" for note in notes]
    write_project(project, tmp_path / "cv")
    conf = (tmp_path / "cv" / "conf.py").read_text(encoding="utf-8")
    assert f'work_history_pdf_design = "{look[0]}"' in conf
    assert f'work_history_pdf_paper = "{look[1]}"' in conf


# -- what stops the import ----------------------------------------------------------
def error_line(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["import", str(path), str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()
    return err.removeprefix("sphinx-work-history: ").rstrip("\n")


@pytest.mark.parametrize(("fields", "where", "message"), [
    ({"start_date": "2023-13"}, "start_date",
     "'2023-13' is not a calendar date (month must be in 1..12)"),
    ({"end_date": "2023-02-30"}, "end_date",
     "'2023-02-30' is not a calendar date (day is out of range for month)"),
    ({"start_date": "present"}, "start_date",
     "'present' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"),
    ({"end_date": "soon"}, "end_date", "'soon' is not a date (write YYYY, YYYY-MM or "
     "YYYY-MM-DD)"),
    ({"date": "2023-13"}, "date", "'2023-13' is not a calendar date (month must be in "
     "1..12)"),
])
def test_a_date_that_is_not_one_stops_the_import(tmp_path: Path, capsys, fields, where,
                                                 message) -> None:
    path = write(tmp_path, job(**fields))
    assert error_line(path, tmp_path, capsys) == (
        f"{path}: cv.sections.experience[0].{where}: {message}")


def test_a_date_in_words_is_shown_as_written(tmp_path: Path) -> None:
    project = imported(tmp_path, job(date="Fall *2023*", start_date=""))
    assert ":::{job} Engineer\n:org: Acme\n\nFall *2023*\n:::" in page(
        project, "pages/experience.md")


@pytest.mark.parametrize(("text", "message"), [
    ('cv:\n  name: "\\ud800"\n', ": cv.name: a lone surrogate (U+D800) is not a character"),
    ('cv:\n  name: "a\\x01"\n', ": cv.name: the control character U+0001 is not text"),
    ('cv:\n  "a\\x07": b\n', ": cv: a key: the control character U+0007 is not text"),
    ("cv:\n  name: a\x07\n", ":2:10: the character U+0007 is not allowed in YAML"),
    ("cv:\n  sections:\n    s: " + "[" * 40 + "]" * 40 + "\n",
     ": cv.sections.s" + "[0]" * 30 + ": nested more than 32 levels deep"),
])
def test_a_value_no_text_holds_stops_the_import(tmp_path: Path, capsys, text: str,
                                                message: str) -> None:
    path = write(tmp_path, text)
    assert error_line(path, tmp_path, capsys) == f"{path}{message}"


def test_nesting_past_the_parser_stops_the_import(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "cv:\n  sections:\n    s: " + "[" * 5000 + "]" * 5000 + "\n")
    assert re.fullmatch(rf"{re.escape(str(path))}(:\d+:\d+)?: (\S+: )?nested more than 32 "
                        "levels deep", error_line(path, tmp_path, capsys))


def test_aliases_that_repeat_without_end_stop_the_import(tmp_path: Path, capsys) -> None:
    lines = ['a0: &a0 ["' + "x" * 1000 + '"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    path = write(tmp_path, "\n".join(lines) + "\ncv:\n  sections:\n    s: *a8\n")
    assert "the file holds more than 200,000 values or 20,000,000 characters" in (
        error_line(path, tmp_path, capsys))


# -- built --------------------------------------------------------------------------
def build_html(project: Project, folder: Path) -> tuple[Path, str]:
    write_project(project, folder)
    app = build(folder, status=StringIO(), warning=StringIO(), freshenv=True)
    return Path(app.outdir), app.warning.getvalue()


def test_a_german_cv_s_home_page_reads_in_german(tmp_path: Path) -> None:
    """What a reader of the site sees: the home page's headings and the links to the
    CV's files in German."""
    folder = tmp_path / "cv"
    write_project(imported(tmp_path, job() | {"locale": {"language": "german"}}), folder)
    pdf = folder / "_build" / "cv-pdf" / "ada-cv.pdf"  # as `make cv-pdf` leaves it
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.7\n")
    app = build(folder, status=StringIO(), warning=StringIO(), freshenv=True)
    assert app.warning.getvalue() == ""
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert [h.get_text() for h in soup.select("h2.rubric")] == [
        "Rollen im Überblick", "Weiterlesen"]
    assert "resume.json: der Lebenslauf als Daten im Format JSON Resume" in " ".join(
        soup.get_text().split())
    assert " ".join(soup.select_one("p.wh-downloads").get_text().split()) == (
        "Lebenslauf herunterladen: PDF")


@pytest.mark.slow
def test_a_hostile_rendercv_file_builds_to_its_text(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE\n")
    texts = [f"```{{literalinclude}} {secret}", f"```{{include}} {secret}",
             "```{eval-rst}\n.. raw:: html\n\n   <script>alert(1)</script>\n```",
             "<script>alert(2)</script>", "<img src=x onerror=alert(3)>",
             "{raw}`<b>x</b>`", "[click](javascript:alert(4))",
             "a\u2028:::\u2028```{raw} html\u2028<script>alert(5)</script>",
             "**bold** *italic* `code` [link](https://example.org/)"]
    document = job(summary=texts[0], highlights=texts,
                   location="Kraków\u2028```{raw} html")
    document["cv"] |= {"headline": "<script>alert(6)</script>", "email": "ada@example.org"}
    document["cv"]["sections"] |= {"texts": texts,
                                   "honours": [{"bullet": text} for text in texts]}
    project = imported(tmp_path, document)
    outdir, warnings = build_html(project, tmp_path / "site")
    assert warnings == ""
    html = "".join(p.read_text(encoding="utf-8") for p in outdir.rglob("*.html"))
    assert "TOP-SECRET-LINE" not in html
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):  # code, or JSON-LD: data, whole
        if script.get("type") == "application/ld+json":
            json.loads(script.get_text())
        else:
            assert "alert" not in script.get_text()
    assert not [tag for tag in soup.find_all(True) if any(
        name.startswith("on") for name in tag.attrs)]
    assert not soup.find_all("a", href=re.compile("^javascript", re.I))
    shown = " ".join(soup.get_text().split())
    for text in texts:
        words = " ".join(BREAK.sub(" ", plain(text)[0]).split())
        assert words in shown, words
    experience = BeautifulSoup((outdir / "pages" / "experience.html").read_text(), "html.parser")
    assert experience.find("strong", string="bold")
    assert experience.find("em", string="italic")
    assert experience.find("a", href="https://example.org/", string="link")
