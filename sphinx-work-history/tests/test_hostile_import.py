"""The hostile corpus (tests/data/hostile): files someone else wrote, imported, then built
strictly in every format. An imported file is data: nothing in it runs, reads a local
file, writes one, or reaches a page as markup; every text in it comes out as text.

Each ``bad-*`` file is refused: one line naming the file and the place, exit status 2,
nothing written. Every other file is imported into a sandbox that also holds a secret
file, and built as HTML, ePub, the CV files, the Typst PDF and LaTeX (a PDF through
LuaLaTeX where TeX is installed). ``@SECRET@``, ``@SECRET_REL@`` (its path from the
project) and ``@SANDBOX@`` in a corpus file stand for those paths.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from sphinx_work_history.testing import SOURCE_DATE_EPOCH, STRICT, require_tool

CORPUS = Path(__file__).resolve().parent / "data" / "hostile"
GOOD = sorted(p.name for p in CORPUS.iterdir() if not p.name.startswith("bad-"))
BAD = sorted(p.name for p in CORPUS.iterdir() if p.name.startswith("bad-"))
SECRET = "0a6f1c-SECRET-TEXT-of-the-machine-3d9e"
BUILDERS = ("html", "epub", "cv-pdf", "cv-docx", "cv-text", "cv-markdown", "latex")
# The files whose text LaTeX must set as written, compiled by LuaLaTeX.
LATEX_PDF = ("latex-name.json", "myst-body.json", "line-breaks.json")
# Every builder in one process (Sphinx imported once), each strict, each into its own
# folder; the exit status is the first failure's.
DRIVER = """
import sys
from sphinx.cmd.build import build_main, make_main
src, out, *builders = sys.argv[1:]
status = 0
for builder in builders:
    if builder == "latexpdf":
        code = make_main(["-M", "latexpdf", src, out + "/latexpdf", *STRICT])
    else:
        code = build_main([*STRICT, "-b", builder, "-d", out + "/doctrees-" + builder, src,
                           out + "/" + builder])
    print("built", builder, code, file=sys.stderr)
    status = status or code
sys.exit(status)
""".replace("*STRICT", "*" + repr(STRICT))


@dataclass
class Imported:
    sandbox: Path
    project: Path
    source: Any  # the corpus file as read, its placeholders filled
    before: set[Path]  # the sandbox's files before the import
    notes: str  # what the import said
    build_log: str


def placed(name: str, sandbox: Path) -> Path:
    """The corpus file *name* in *sandbox*, its placeholders filled."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    text = (text.replace("@SECRET_REL@", "../secret.png")
            .replace("@SECRET@", str(sandbox / "secret.png"))
            .replace("@SANDBOX@", str(sandbox)))
    path = sandbox / name
    path.write_text(text, encoding="utf-8")
    return path


def files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def command(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx_work_history", *map(str, args)],
                          capture_output=True, text=True, check=False, cwd=cwd)


# Each file's tests on one worker, so that its builds are made once.
@pytest.fixture(scope="module", params=[pytest.param(name, marks=pytest.mark.xdist_group(name))
                                        for name in GOOD])
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> Imported:
    name = request.param
    sandbox = tmp_path_factory.mktemp("sandbox")
    (sandbox / "secret.png").write_text(SECRET + "\n", encoding="utf-8")
    path = placed(name, sandbox)
    source = (json.loads if name.endswith(".json") else yaml.safe_load)(
        path.read_text(encoding="utf-8"))
    before = files_in(sandbox)
    result = command("import", path, sandbox / "project", cwd=sandbox)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    builders = list(BUILDERS)
    if name in LATEX_PDF:
        require_tool("lualatex")
        require_tool("latexmk")
        builders.append("latexpdf")
    build = subprocess.run(
        [sys.executable, "-c", DRIVER, "project", "project/_build", *builders],
        capture_output=True, text=True, check=False, cwd=sandbox,
        env={"PATH": "/usr/bin:/bin:" + str(Path(sys.executable).parent),
             "HOME": str(sandbox), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
             "LC_ALL": "C.UTF-8"})
    assert "Traceback" not in build.stderr, build.stderr[-4000:]
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-6000:]
    return Imported(sandbox, sandbox / "project", source, before, result.stderr,
                    build.stderr)


def output_texts(project: Path) -> dict[str, str]:
    """Each output file's text as a reader gets it: bytes as text, the members of a
    zip (Word, ePub), a PDF through pdftotext."""
    texts = {}
    for path in files_in(project / "_build"):
        if path.is_symlink():
            continue
        data = path.read_bytes()
        texts[str(path)] = data.decode("utf-8", "replace")
        if data.startswith(b"PK"):
            with zipfile.ZipFile(path) as book:
                for member in book.namelist():
                    texts[f"{path}!{member}"] = book.read(member).decode("utf-8", "replace")
        elif path.suffix == ".pdf":
            pdftotext = require_tool("pdftotext")
            texts[f"{path} (text)"] = subprocess.run(
                [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                check=True).stdout.decode("utf-8", "replace")
    return texts


def test_nothing_is_written_outside_the_project(imported: Imported) -> None:
    made = files_in(imported.sandbox) - imported.before
    outside = sorted(str(p) for p in made if not p.is_relative_to(imported.project))
    assert outside == []
    assert not [p for p in files_in(imported.sandbox) if "PWNED" in p.name]
    # Nothing in the project links out of it.
    for path in files_in(imported.project):
        assert not path.is_symlink(), path


def test_the_secret_is_in_no_output(imported: Imported) -> None:
    texts = output_texts(imported.project)
    assert any(name.endswith(".pdf (text)") for name in texts)
    assert [name for name, text in texts.items() if SECRET in text] == []
    # Nor in the project the import wrote.
    for path in files_in(imported.project):
        if "_build" not in path.parts:
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


def _markup(html: str, where: str) -> list[str]:
    found = []
    with warnings.catch_warnings():  # an ePub's XHTML, read as a browser reads HTML
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        elements = BeautifulSoup(html, "html.parser").find_all(True)
    for element in elements:
        for attribute, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on") or "javascript:" in text.lower():
                found.append(f"{where}: <{element.name} {attribute}={text!r}>")
        if element.name == "script" and element.get("type") == "application/ld+json":
            # Data, not script: JSON that cannot end its element.
            if set("<>&") & set(element.string or "") or not json.loads(element.string or ""):
                found.append(f"{where}: {str(element)[:120]}")
        elif element.name in ("script", "iframe", "object", "embed") and "alert" in str(element):
            found.append(f"{where}: {str(element)[:120]}")
        if element.name == "img" and element.get("src") == "x":
            found.append(f"{where}: {str(element)[:120]}")
    return found


def test_no_markup_from_the_input_reaches_a_page(imported: Imported) -> None:
    found = []
    for name, text in output_texts(imported.project).items():
        if re.search(r"\.(x?html|htm|xml|opf|ncx)$", name):
            found += _markup(text, name)
    assert found == []


def strings(value: Any, path: str = "") -> dict[str, str]:
    if isinstance(value, dict):
        return {p: s for k, v in value.items() for p, s in strings(v, f"{path}.{k}").items()}
    if isinstance(value, list):
        return {p: s for i, v in enumerate(value) for p, s in strings(v, f"{path}[{i}]").items()}
    return {path: value} if isinstance(value, str) else {}


def squeeze(text: str) -> str:
    return " ".join(text.split())


# Values that are not text a reader sees: addresses (shown as links), dates (shown as
# dates), the photo (an image, or left out).
NOT_SHOWN = re.compile(r"\.(url|email|image|photo|startDate|endDate|date|start_date|end_date)$")


def _site_text(project: Path) -> str:
    return squeeze(" ".join(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
                            .get_text(" ") for p in (project / "_build" / "html").rglob("*.html")))


def _cv_text(project: Path) -> str:
    (path,) = (project / "_build" / "cv-text").glob("*.txt")
    return squeeze(path.read_text(encoding="utf-8"))


def test_every_text_of_a_json_resume_is_shown_as_text(imported: Imported) -> None:
    if not isinstance(imported.source, dict) or "cv" in imported.source:
        pytest.skip("RenderCV's texts are Markdown: test_rendercv_markup_is_shown_as_text")
    shown = {"HTML": _site_text(imported.project), "cv-text": _cv_text(imported.project)}
    missing = []
    for path, value in strings(imported.source).items():
        if NOT_SHOWN.search(path) or not value.strip():
            continue
        for output, text in shown.items():
            if output == "HTML" and path == ".basics.label":
                continue  # the site shows no headline yet; resume.json and the CV files do
            if squeeze(value) not in text:
                missing.append(f"{output}: {path}: {value[:80]!r}")
    assert missing == []


def test_rendercv_markup_is_shown_as_text(imported: Imported) -> None:
    if "cv" not in imported.source:
        pytest.skip("a JSON Resume")
    site, cv = _site_text(imported.project), _cv_text(imported.project)
    for words in ("{include}", "<script>alert(2)</script>", "{raw}",
                  "<script>alert(1)</script>",  # in backticks: code, as RenderCV shows it
                  "<b onclick=alert(4)>Engines</b>", ":::{literalinclude}", "{eval-rst}",
                  ".. include::", "<img src=x onerror=alert(5)> kept", "{download}",
                  "{{ substitution }}", "(target)=", "% comment", "# A heading",
                  "> a quote"):
        assert words in site, words
        assert words in cv, words
    # RenderCV's own inline Markdown keeps its meaning.
    html = "".join(p.read_text(encoding="utf-8")
                   for p in (imported.project / "_build" / "html").rglob("*.html"))
    assert re.search(r"<strong>bold</strong>", html)
    assert re.search(r"<em>italic</em>", html)
    assert re.search(r'<a [^>]*href="https://example.org/?"', html)


def test_what_was_changed_or_left_out_is_noted(imported: Imported) -> None:
    breaks = [p for p, v in strings(imported.source).items()
              if re.search("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]", v)
              and re.search(r"\.(position|name|location|company|title)$", p)]
    for path in breaks:
        assert path.lstrip(".") in imported.notes, (path, imported.notes)
    if "photo" in str(imported.source) or "image" in str(imported.source):
        assert re.search(r"(basics\.image|cv\.photo)", imported.notes), imported.notes


def test_a_name_too_long_for_a_file_name_keeps_its_text(imported: Imported) -> None:
    name = (imported.source.get("basics") or imported.source.get("cv") or {}).get("name", "")
    if len(name) < 200:
        pytest.skip("a short name")
    for path in files_in(imported.project):
        assert len(path.name.encode()) <= 100, path.name
    assert squeeze(name) in _cv_text(imported.project)


# -- refused ----------------------------------------------------------------------------
WHERE = {
    "bad-surrogate.json": "basics.name",
    "bad-nan.json": "work[0].highlights[0]",
    "bad-control.json": "basics.url",
    "bad-rendercv-date.yaml": "cv.sections.experience[0].start_date",
    "bad-rendercv-surrogate.yaml": "cv.name",
}


def _refused(path: Path, sandbox: Path, where: str) -> None:
    result = command("import", path, sandbox / "project", cwd=sandbox)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert str(path) in line, line
    assert where in line, line
    assert not (sandbox / "project").exists()
    assert {p.name for p in sandbox.iterdir()} == {path.name}, "nothing else written"


@pytest.mark.parametrize("name", BAD)
def test_a_bad_file_is_one_line_and_nothing_written(name: str, tmp_path: Path) -> None:
    _refused(placed(name, tmp_path), tmp_path, WHERE[name])


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ('{"a": ', "}")])
def test_deep_nesting_is_one_line(opening: str, closing: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"basics": {"name": "Ada"}, "work": ' + opening * 100_000 + "1"
                    + closing * 100_000 + "}")
    _refused(path, tmp_path, "deep.json")


def test_deep_yaml_nesting_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("cv:\n  name: Ada\n  sections:\n    x: " + "[" * 100_000 + "]" * 100_000
                    + "\n")
    _refused(path, tmp_path, "deep.yaml")
