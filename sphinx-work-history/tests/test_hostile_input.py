"""Bad input in tests/roots/test-hostile/corpus: warnings with file and line, never a
traceback; nothing reaches HTML or LaTeX unescaped; the PDF still builds.

Each corpus file is one case. Its first line lists the warning subtypes it
must produce (``% expect: bad_date date_order``); add a case by adding a file.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.testing import SOURCE_DATE_EPOCH, require_tool, sphinx_build

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("hostile-input")

ROOTS = Path(__file__).resolve().parent / "roots"


CORPUS = ROOTS / "test-hostile" / "corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.md"))
WARNING = re.compile(r"^(?P<file>[^\n]+?\.md):(?P<line>\d+): (?:WARNING|ERROR|CRITICAL): "
                     r"(?P<msg>.*?)(?: \[(?P<type>[\w.]+)\])?$", re.MULTILINE)
# Control words the corpus writes; each must reach LaTeX as text, never as a command.
HOSTILE_TEX = [r"\input{", r"\write18", r"\def\x", r"\catcode`\%", r"\end{document} ",
               r"\end{workhistoryentry} "]


def expected_subtypes(case: str) -> set[str]:
    """``bad_date`` is ours (work_history.bad_date); a dotted name is another's type."""
    first = (CORPUS / f"{case}.md").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("% expect:"), f"{case}.md must start with '% expect: subtypes'"
    return set(first.removeprefix("% expect:").split())


def build_corpus(builder: str, src: Path, out: Path) -> tuple[str, str]:
    """Build without -W (the corpus warns on purpose); return (warnings, stderr)."""
    warnings = out.parent / f"{builder}-warnings.txt"
    result = sphinx_build(src, out, builder, "--keep-going", "-n", "-w", str(warnings),
                          strict=False, must_pass=True)
    assert "Traceback" not in result.stderr, result.stderr
    assert "Exception occurred" not in result.stderr, result.stderr
    return warnings.read_text(encoding="utf-8"), result.stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    src = ROOTS / "test-hostile"  # read in place: Sphinx writes only to *base*
    builds = {}
    for builder in ("html", "latex", "text"):
        builds[builder] = (base / builder, *build_corpus(builder, src, base / builder))
    return src, builds


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_every_warning_names_a_file_and_line_in_the_corpus(hostile, builder):
    src, builds = hostile
    _, warnings, _ = builds[builder]
    lines = [line for line in warnings.splitlines() if line.strip()]
    assert lines, "the corpus gave no warnings at all"
    found = list(WARNING.finditer(warnings))
    unplaced = [line for line in lines if not WARNING.match(line)]
    assert not unplaced, "warnings without file:line:\n" + "\n".join(unplaced[:20])
    for match in found:
        path = Path(match["file"])
        assert path.is_relative_to(src), match.group(0)
        length = len(path.read_text(encoding="utf-8").splitlines())
        assert 1 <= int(match["line"]) <= length, match.group(0)[:300]
        # Ours, or MyST's own reading of the directive's options.
        assert match["type"], match.group(0)[:300]
        assert match["type"].startswith(("work_history.", "myst.")), match.group(0)[:300]


@pytest.mark.parametrize("case", CASES)
def test_each_case_gives_its_warnings(hostile, case):
    _, builds = hostile
    _, warnings, _ = builds["html"]
    got = {m["type"].removeprefix("work_history.") for m in WARNING.finditer(warnings)
           if Path(m["file"]).stem == case and m["type"]}
    assert expected_subtypes(case) <= got, f"{case}: expected {expected_subtypes(case)}, got {got}"


def test_html_shows_markup_as_text(hostile):
    _, builds = hostile
    out = builds["html"][0]
    for page in (out / "corpus").glob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("[role=main]")
        injected = article.find_all(["script", "img", "b"])
        assert not injected, f"{page.name}: markup from input became elements: {injected[:3]}"
        handlers = [(el.name, a) for el in article.find_all(True) for a in el.attrs
                    if a.lower().startswith("on")]
        assert not handlers, f"{page.name}: event handler attributes {handlers}"
        hrefs = [a["href"] for a in article.find_all("a", href=True)]
        assert not [h for h in hrefs if urlsplit(h).scheme not in ("", "http", "https")], hrefs
    specials = BeautifulSoup(
        (out / "corpus" / "job-html-specials.html").read_text(encoding="utf-8"), "html.parser")
    plain = str.maketrans("“”‘’", "\"\"''")  # Sphinx's smart quotes, made plain
    positions = [p.get_text().translate(plain) for p in specials.select(".wh-position")]
    assert '<script>alert("position")</script>' in positions
    assert specials.select_one(".wh-org").get_text().translate(plain) == \
        '<img src=x onerror=alert("org")>'
    assert '<div onclick="alert(1)">' in specials.get_text().translate(plain)
    assert "AT&T <Labs>" in [o.get_text() for o in specials.select(".wh-org")]


def test_latex_shows_specials_as_text_and_the_pdf_builds(hostile):
    _, builds = hostile
    out = builds["latex"][0]
    (tex,) = out.glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    body = source[source.index(r"\begin{document}"):]
    for command in HOSTILE_TEX:
        assert command not in body, f"{command!r} reached LaTeX as a command"
    assert r"\textbackslash{}input\{/etc/passwd\}" in body
    require_tool("latexmk")
    result = subprocess.run(["make", "-C", str(out), "all-pdf", "LATEXMKOPTS=-silent"],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    log = "\n".join(p.read_text(encoding="utf-8", errors="replace")[-3000:]
                    for p in out.glob("*.log"))
    assert result.returncode == 0, result.stdout[-2000:] + log
    pdf = tex.with_suffix(".pdf")
    assert pdf.stat().st_size > 10_000
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(text.split())
    for shown in ("input{/etc/passwd}", "% comment? # hash", "AT&T", "}}}}{{{{ %%%%"):
        assert shown in text, shown


def test_text_output_keeps_the_words(hostile):
    _, builds = hostile
    text = (builds["text"][0] / "corpus" / "job-latex-specials.txt").read_text(encoding="utf-8")
    assert r"\input{/etc/passwd}" in text
