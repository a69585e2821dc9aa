"""The MyST writer: what it writes, MyST reads back exactly (parsed by MyST itself)."""

from __future__ import annotations

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives
from hypothesis import given
from hypothesis import strategies as st
from myst_parser.parsers.docutils_ import Parser

from sphinx_work_history import myst_writer as mw

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


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
               min_size=1)
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
    assert "---" in mw.directive("probe", "", [("org", "'quoted'")])
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
