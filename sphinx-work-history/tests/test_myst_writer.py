"""The MyST writer: what it writes, MyST reads back exactly (parsed by MyST itself)."""

from __future__ import annotations

import re

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from myst_parser.parsers.docutils_ import Parser

from sphinx_work_history.importers import myst_writer as mw
from sphinx_work_history.testing import hypothesis_seed
from sphinx_work_history.testing.jsonresume import hostile_text

SETTINGS = {"myst_enable_extensions": ["colon_fence"], "report_level": 5,
            "halt_level": 5, "warning_stream": False}
READ: list[tuple[list[str], dict[str, str]]] = []


class Probe(Directive):
    """Records its argument and options, parses its body."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {  # noqa: RUF012 (docutils' own attribute)
        "org": directives.unchanged, "courses": directives.unchanged,
        "flag": directives.unchanged}

    def run(self):
        READ.append((self.arguments, self.options))
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def parse(source: str) -> nodes.document:
    # Registered each time: a Sphinx application run by another test restores
    # docutils' registry as it found it.
    directives.register_directive("probe", Probe)
    READ.clear()
    return publish_doctree(source, parser=Parser(), settings_overrides=SETTINGS)


def paragraph_texts(doctree: nodes.document) -> list[str]:
    return [p.astext() for p in doctree.findall(nodes.paragraph)]


# Text as people write it, and the characters Markdown would take as markup.
MARKUP = "*_{}[]<>$#\\`|~:%=+-().!&;'\"0123456789 \t\n"
text = st.text(alphabet=st.one_of(st.sampled_from(MARKUP), st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))), min_size=1)


@pytest.mark.parametrize("value", [
    "*not emphasis*", "_x_", "{role}`x`", "$x$", "# not a heading", "\\", "<b>raw</b>",
    "1. not a list", "2) nor this", "- nor this", "> nor a quote", "::: nor a fence",
    "% nor a comment", "(nor-a-target)=", "---", "a  \nb", "  indented", "trailing  ",
    "R&D &amp; more", "[a](b)", "`code`", "a | b", "~~~", "+++", "===", "x\n\n\ny",
    "tab\there", "line one\nline two", "\nlead", "trail\n",
])
def test_paragraphs_read_back(value: str) -> None:
    doctree = parse(mw.document(mw.paragraphs(value)))
    assert "\n\n".join(paragraph_texts(doctree)) == value
    assert not list(doctree.findall(nodes.system_message))


@given(text.filter(lambda t: "\n\n" not in t))
def test_any_paragraph_reads_back(value: str) -> None:
    assert paragraph_texts(parse(mw.paragraph(value) + "\n")) == [value]


@given(st.lists(text.filter(lambda t: "\n\n" not in t), min_size=1, max_size=4))
def test_list_items_read_back(items: list[str]) -> None:
    doctree = parse(mw.bullet_list(items) + "\n")
    found = [item.astext() for item in doctree.findall(nodes.list_item)]
    assert found == items


def test_escapes_are_readable() -> None:
    assert mw.paragraph("Built *fast* APIs in C# for $5") == "Built \\*fast\\* APIs in C# for \\$5"
    assert mw.heading(1, "Ada_Lovelace") == "# Ada\\_Lovelace"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
                       | st.sampled_from("\t\n\r\v\f\x1c\x1d\x1e\x85"), min_size=1)
       | st.sampled_from(["'x", '"q"', "a # b", "#x", "|x", ">", " lead", "trail ", "a\nb",
                          "yes", "null", "1.0", "~", "x: y"]))
def test_option_values_read_back(value: str) -> None:
    parse(mw.directive("probe", "Arg", [("org", value), ("flag", None)]) + "\n")
    (_, options), = READ
    assert options["org"] == value
    assert options["flag"] in ("", None)


def test_option_lines_when_they_keep_the_value() -> None:
    text = mw.directive("probe", "Engineer", [("org", "Acme"), ("flag", None)],
                        [mw.paragraph("Did *things*.")])
    assert text == ":::{probe} Engineer\n:org: Acme\n:flag:\n\nDid \\*things\\*.\n:::"
    assert mw.directive("probe", "", [("org", "'quoted'"), ("to", "B")]) == (
        ':::{probe}\n:org: "\'quoted\'"\n:to: B\n:::')
    assert mw.directive("probe", "", [("flag", None), ("org", "A"), ("courses", "")]) == (
        ":::{probe}\n:flag:\n:org: A\n:::")


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))),
                min_size=1, max_size=4))
def test_csv_lists_read_back(items: list[str]) -> None:
    import csv

    written = mw.csv_list(items)
    parse(mw.directive("probe", "", [("courses", written)]) + "\n")
    (_, options), = READ
    assert next(csv.reader([options["courses"]], skipinitialspace=True)) == items


# -- hostile text, with every extension of MyST-Parser on ---------------------------
# linkify is left out (it needs linkify-it-py, and keeps a link's text as written);
# smartquotes and replacements are typography, which changes text by design, and no
# project the package writes turns them on.
EVERY_EXTENSION = ["colon_fence", "deflist", "dollarmath", "amsmath", "substitution",
                   "html_image", "html_admonition", "fieldlist", "tasklist", "attrs_inline",
                   "attrs_block", "strikethrough"]
HOSTILE_SETTINGS = {**SETTINGS, "myst_enable_extensions": EVERY_EXTENSION,
                    "myst_substitutions": {"x": "SUBSTITUTED"}, "doctitle_xform": False}
SEED = hypothesis_seed()
many = settings(max_examples=300, deadline=None, derandomize=SEED is None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
seeded = seed(SEED) if SEED is not None else (lambda test: test)


def parse_hostile(source: str) -> nodes.document:
    directives.register_directive("probe", Probe)
    READ.clear()
    return publish_doctree(source, parser=Parser(), settings_overrides=HOSTILE_SETTINGS)


def only_text(doctree: nodes.document) -> list[str]:
    """The texts of *doctree*'s paragraphs, and that nothing else is in it: no
    element but the document, the probe's container and paragraphs of text alone."""
    kinds = {type(node) for node in doctree.findall(nodes.Element)}
    assert kinds <= {nodes.document, nodes.container, nodes.paragraph}, kinds
    for found in doctree.findall(nodes.paragraph):
        assert all(isinstance(child, nodes.Text) for child in found.children), found
    return paragraph_texts(doctree)


@many
@seeded
@given(hostile_text)
def test_a_hostile_paragraph_is_one_paragraph_of_its_text(value: str) -> None:
    want = [mw.lf_lines(value)] if value else []
    assert only_text(parse_hostile(mw.paragraph(value) + "\n")) == want
    # In a directive's body, which MyST splits at every line break Python knows.
    assert only_text(parse_hostile(mw.directive("probe", "A", [], [mw.paragraph(value)])
                                   + "\n")) == want


@many
@seeded
@given(hostile_text)
def test_hostile_paragraphs_give_back_their_text(value: str) -> None:
    doctree = parse_hostile(mw.directive("probe", "A", [], mw.paragraphs(value)) + "\n")
    assert "\n\n".join(only_text(doctree)) == mw.lf_lines(value)


@many
@seeded
@given(st.lists(hostile_text.filter(bool), min_size=1, max_size=4))
def test_hostile_list_items_are_one_paragraph_each(items: list[str]) -> None:
    doctree = parse_hostile(mw.directive("probe", "A", [], [mw.bullet_list(items)]) + "\n")
    found = [item.astext() for item in doctree.findall(nodes.list_item)]
    assert found == [mw.lf_lines(item) for item in items]
    assert [len(item.children) for item in doctree.findall(nodes.list_item)] == [1] * len(items)


@pytest.mark.parametrize("items", [["--", "0"], ["a--b", "c"], ["\\--"], ["*--*"],
                                   ["a---", "---"]])
def test_a_list_is_never_front_matter(items: list[str]) -> None:
    doctree = parse_hostile(mw.bullet_list(items) + "\n")
    assert [item.astext() for item in doctree.findall(nodes.list_item)] == items
    assert not list(doctree.findall(nodes.system_message))


@many
@seeded
@given(hostile_text.filter(bool))
def test_a_hostile_heading_is_one_line_of_text(value: str) -> None:
    doctree = parse_hostile("# Page\n\n" + mw.heading(2, value) + "\n\nEnd.\n")
    titles = [title.astext() for title in doctree.findall(nodes.title)]
    assert titles[1:] == [re.sub("\r\n|[" + mw.LINE_BREAKS + "]", " ", value)]
    assert paragraph_texts(doctree) == ["End."]


@pytest.mark.parametrize("value", [
    ":::{literalinclude} /etc/passwd", "```{raw} html", "~~~", "    indented", "~~struck~~",
    "$$\nx\n$$", "[^1]\n\n[^1]: note", "{{x}}", "[a]: http://x", "<http://x>",
    "<script>alert(1)</script>", "- [ ] task", "term\n: definition", ":field: body",
    "{#id}", "{.class}", "\\begin{align}x\\end{align}", "<img src=x>", "Use C #",
    "a\r\n:::", "a\u2028:::{raw} html", "a\x85# heading", "a\x0b> quote", "a\x1c(t)=",
    "a\x1d+++", "a\x1e^^^", "a\f---", "a\u2029%comment", "---\ntitle: x\n---",
])
def test_each_construct_is_text(value: str) -> None:
    doctree = parse_hostile(mw.directive("probe", "A", [], mw.paragraphs(value)) + "\n")
    assert "\n\n".join(only_text(doctree)) == mw.lf_lines(value)


def test_line_breaks_of_every_kind_are_lf() -> None:
    assert mw.paragraph("a\r\nb\rc\u2028d\x85e") == "a\nb\nc\nd\ne"
    assert mw.paragraphs("a\r\n\r\nb") == ["a", "b"]
    assert mw.heading(1, "A\u2028B\r\nC #") == "# A B C \\#"


@pytest.mark.parametrize("argument", ["A\nB", "A\rB", "A\u2028B", "A\x85B", "A\x0bB",
                                      "A\x0cB", "A\x1cB", "A\u2029B", "A\r\n"])
def test_an_argument_with_a_line_break_is_refused(argument: str) -> None:
    with pytest.raises(ValueError, match="one line"):
        mw.directive("probe", argument, [])


def test_an_option_name_must_be_a_name() -> None:
    with pytest.raises(ValueError, match="not a directive or option name"):
        mw.directive("probe", "", [("org\n:::{raw} html", "x")])


@pytest.mark.parametrize("value", [
    "a\nb", "a\r:::", "a\r\n:::{literalinclude} /etc/passwd", "a\u2028:::", "a\x85b",
    "a\x0bb", "a\x0cb", "a\x1cb\x1dc\x1ed", "a\u2029b", "tab\there", "\ttab", "x\n---\ny",
    ' "quoted" ', "back\\slash", "\\u2028", "\ufeffbom", "a #b", "null", "'", '"',
])
def test_options_read_back_exactly(value: str) -> None:
    text = mw.directive("probe", "Arg", [("org", value), ("flag", None)], [mw.paragraph("Body")])
    # A line break, a tab or white space at either end: a quoted value.
    assert ('\n:org: "' in text) == (not mw.line_keeps(value) or value.startswith('"'))
    assert "\n---\n" not in text
    assert text.count("\n") == 5  # no line break written
    doctree = parse(text + "\n")
    (arguments, options), = READ
    assert arguments == ["Arg"]
    assert options["org"] == value
    assert paragraph_texts(doctree) == ["Body"]


def test_a_body_with_fences_gets_a_longer_fence() -> None:
    inner = mw.directive("probe", "Inner", [], [mw.paragraph("In")])
    text = mw.directive("probe", "Outer", [], [inner, mw.paragraph("After")])
    assert text.startswith("::::{probe} Outer\n")
    assert text.endswith("\n::::")
    doctree = parse(text + "\n")
    assert [arguments for arguments, _ in READ] == [["Outer"], ["Inner"]]
    assert paragraph_texts(doctree) == ["In", "After"]


@pytest.mark.parametrize("argument", ["|", "a |", "| a", "a|b", "\\|"])
def test_an_argument_with_a_pipe_over_a_quoted_option_is_no_table(argument: str) -> None:
    # A first line holding one column's pipes over a '---' line is a table's head.
    text = mw.directive("probe", argument, [("org", "#"), ("courses", "'x'")],
                        [mw.paragraph("B")])
    doctree = parse(text + "\n")
    (arguments, options), = READ
    assert arguments == [argument]
    assert options == {"org": "#", "courses": "'x'"}
    assert paragraph_texts(doctree) == ["B"]
