"""The CV as one file: the cv-text, cv-markdown and cv-docx builders on the test roots."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from sphinx_work_history.testing import require_tool

# The roles of test-cv, in the order the CV gives them (the page's).
ROLES = [("Staff Engineer, Initech", "Apr 2019 – present · 7 yrs 7 mos · Remote"),
         ("Acme Widgets", "2015 – Mar 2019 · 4 yrs")]


def fits(line: str) -> bool:
    """At most 80 columns, unless the line is one word (an address) after its bullet."""
    words = line.split()
    return len(line) <= 80 or len(words) == 1 or (len(words) == 2 and words[0] == "*")


def render_markdown(text: str) -> BeautifulSoup:
    """As GitHub would: CommonMark with tables and strikethrough, raw HTML allowed."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return BeautifulSoup(md.render(text), "html.parser")


def docx_to_pdf_text(path: Path, workdir: Path) -> str:
    """The DOCX as LibreOffice opens it, converted to PDF, as pdftotext reads it."""
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(workdir),
                    str(path)], env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                   check=True, capture_output=True, timeout=180)
    pdf = workdir / (path.stem + ".pdf")
    return subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.mark.sphinx("cv-text", testroot="cv")
def test_text_cv_reads_in_order_and_fits_80_columns(app):
    app.build()
    assert app._warning.getvalue() == ""
    text = (app.outdir / "adascv.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:6] == ["Ada Example", "===========", "Database engineer",
                         "Email: ada@example.org", "Web: https://ada.example.org/",
                         "Blog: https://blog.example.org/"]
    for title, meta in ROLES:
        at = lines.index(title)
        assert lines[at + 1] == "-" * len(title)
        assert lines[at + 2] == meta
    assert lines.index(ROLES[0][0]) < lines.index(ROLES[1][0])
    # Links keep their address; lists their nesting; inline code its text.
    assert "(https://initech.example.com/notes?a=1&b=2)" in text
    assert "* Cut failover from minutes to pg_ctl promote seconds.\n* Mentored:\n" \
           "  * two juniors;\n  * one intern.\n" in text
    # `only` blocks follow the builder's tags.
    assert "Shown only in the CV files." in text
    assert "web" not in text
    # The table of contents is navigation, not text: the page it names comes in its place.
    assert "Writing\n=======\n\n* On replication lag (https://blog.example.org/lag): what a " \
        "replica’s lag means.\n\n\nRoles\n=====\n" in text
    assert text.count("On replication lag") == 1
    assert all(fits(line) for line in lines)


@pytest.mark.sphinx("cv-markdown", testroot="cv")
def test_markdown_cv_renders_with_its_links(app):
    app.build()
    assert app._warning.getvalue() == ""
    soup = render_markdown((app.outdir / "adascv.md").read_text(encoding="utf-8"))
    assert soup.h1.get_text() == "Ada Example"
    assert [h.get_text() for h in soup.find_all("h2")] == ["Writing", "Roles"]
    assert [h.get_text() for h in soup.find_all("h3")] == [title for title, _ in ROLES]
    assert soup.h3.a["href"] == "https://initech.example.com/"
    assert [h.find_next("p").get_text() for h in soup.find_all("h3")] == [m for _, m in ROLES]
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links["design notes"] == "https://initech.example.com/notes?a=1&b=2"
    assert links["ada@example.org"] == "mailto:ada@example.org"
    assert links["On replication lag"] == "https://blog.example.org/lag"
    assert soup.find("strong", string="replication") is not None
    assert soup.find("em", string="care") is not None
    assert soup.find("code", string="pg_ctl promote") is not None
    nested = soup.find(string="two juniors;").find_parent("ul")
    assert nested.find_parent("li").get_text().startswith("Mentored:")
    assert "Shown only in the CV files." in soup.get_text()
    assert "web" not in soup.get_text()


@pytest.mark.sphinx("cv-docx", testroot="cv")
def test_docx_cv_uses_word_styles_and_hyperlinks(app, tmp_path):
    app.build()
    assert app._warning.getvalue() == ""
    path = app.outdir / "adascv.docx"
    document = docx.Document(str(path))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[:2] == [("Title", "Ada Example"), ("Subtitle", "Database engineer")]
    assert [text for style, text in styled if style == "Heading 1"] == ["Writing", "Roles"]
    assert [text for style, text in styled if style == "Heading 2"] == [t for t, _ in ROLES]
    assert ("List Bullet", "Cut failover from minutes to pg_ctl promote seconds.") in styled
    assert ("List Bullet 2", "two juniors;") in styled
    assert "Shown only in the CV files." in [text for _, text in styled]
    assert not document.tables
    assert not document.inline_shapes
    hyperlinks = {link.text: link.url for p in document.paragraphs for link in p.hyperlinks}
    assert hyperlinks["design notes"] == "https://initech.example.com/notes?a=1&b=2"
    assert hyperlinks["ada@example.org"] == "mailto:ada@example.org"
    runs = {run.text: run for p in document.paragraphs for run in p.runs}
    assert runs["replication"].bold
    assert runs["care"].italic
    properties = document.core_properties
    assert (properties.title, properties.author, properties.language) == (
        "Ada's CV", "Ada Example", "en")
    # LibreOffice opens it: its text, in order.
    text = " ".join(docx_to_pdf_text(path, tmp_path).split())
    order = [text.index(part) for part in ("ada@example.org", "On replication lag",
                                           ROLES[0][0], "Apr 2019", ROLES[1][0], "Mar 2019")]
    assert order == sorted(order)


HOSTILE_TEXT = ['<script>alert("position")</script>', "AT&T <Labs>"]


@pytest.mark.parametrize("builder", ["cv-text", "cv-markdown", "cv-docx"])
def test_hostile_corpus_comes_out_as_text(builder, rootdir, tmp_path):
    from sphinx_work_history.testing import build

    app = build(rootdir / "test-hostile", builder, builddir=tmp_path / "build")
    out = Path(app.outdir)
    if builder == "cv-text":
        text = (out / "hostile.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            assert fits(line), line
    elif builder == "cv-markdown":
        source = (out / "hostile.md").read_text(encoding="utf-8")
        md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        tokens = [t for block in md.parse(source) for t in (block, *(block.children or ()))]
        assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
        rendered = render_markdown(source)
        assert not rendered.find_all(["script", "img", "article", "div"])
        text = rendered.get_text()
    else:
        path = out / "hostile.docx"
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        pdf_text = docx_to_pdf_text(path, tmp_path)
        assert "alert" in pdf_text
    for expected in HOSTILE_TEXT:
        assert expected in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]", text)


def test_a_cv_file_name_with_a_folder_is_refused(rootdir, tmp_path):
    from sphinx_work_history.testing import build, copy_root, work_history_warnings

    srcdir = copy_root(rootdir / "test-cv", tmp_path / "src")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('work_history_cv_basename = "../outside"\n')
    app = build(srcdir, "cv-text", builddir=tmp_path / "build")
    (warning,) = work_history_warnings(app._warning.getvalue())
    assert (warning.file, warning.subtype) == ("conf.py", "bad_config")
    assert "'../outside' is not a file name" in warning.message
    assert (Path(app.outdir) / "adascv.txt").is_file()
    assert not (Path(app.outdir).parent / "outside.txt").exists()


def test_cv_docx_without_python_docx_is_one_line_naming_the_extra(rootdir, tmp_path):
    """As a user without the ``docx`` extra runs it: one warning, no crash report."""
    import os
    import sys

    from sphinx_work_history.testing import SOURCE_DATE_EPOCH

    run = ("import sys; sys.modules['docx'] = None\n"  # as if python-docx were not installed
           "from sphinx.cmd.build import main\n"
           "sys.exit(main(sys.argv[1:]))")
    result = subprocess.run(
        [sys.executable, "-c", run, "-W", "--keep-going", "-q", "-N", "-b", "cv-docx",
         str(rootdir / "test-cv"), str(tmp_path / "out"), "-d", str(tmp_path / "doctrees")],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_COLOR": "1"})
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [('WARNING: the cv-docx builder needs python-docx, which is not '
                        'installed: pip install "sphinx-work-history[docx]"; no Word file is '
                        'written [work_history.bad_config]')]
    assert result.returncode == 1  # -W: the build fails, without a traceback
    assert not list((tmp_path / "out").glob("*.docx"))


EXAMPLES_PAGE = """\
---
orphan: true
---

# Examples

:::{job} Example Position
:org: Example Corp
:start: 2001
:end: 2002
:::
"""


@pytest.mark.parametrize("builder", ["cv-text", "cv-markdown", "cv-docx", "cv-pdf"])
def test_the_cv_builders_do_not_read_the_pages_the_cv_leaves_out(builder, rootdir, tmp_path):
    """A page of work_history_exclude_docs is not read for the CV; a {doc} link to it
    is its text, with no warning; an HTML build reads and links it."""
    from sphinx_work_history.testing import build, copy_root

    srcdir = copy_root(rootdir / "test-cv", tmp_path / "src")
    (srcdir / "examples.md").write_text(EXAMPLES_PAGE, encoding="utf-8")
    with (srcdir / "index.md").open("a", encoding="utf-8") as index:
        index.write("\nThe {doc}`markup examples <examples>` are fictional.\n")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('work_history_exclude_docs = ["examples"]\n')

    app = build(srcdir, builder, builddir=tmp_path / "build")
    assert app._warning.getvalue() == ""
    assert "examples" not in app.env.found_docs
    out = Path(app.outdir)
    if builder == "cv-docx":
        text = "\n".join(p.text for p in docx.Document(str(out / "adascv.docx")).paragraphs)
    elif builder == "cv-pdf":
        text = subprocess.run([require_tool("pdftotext"), str(out / "adascv.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
    else:
        text = next(out.glob("adascv.*")).read_text(encoding="utf-8")
    assert "The markup examples are fictional." in " ".join(text.split())
    assert "Example Corp" not in text

    html = build(srcdir, "html", builddir=tmp_path / "html")
    assert html._warning.getvalue() == ""
    assert "examples" in html.env.found_docs
    page = (Path(html.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'href="examples.html"' in page
