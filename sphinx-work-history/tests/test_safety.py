"""What conf.py holds is data, never code, in every output: names are text, a photo is
a file of the project or a web address, an address with a control character is
refused, a CV file is never half-written, a long name is not a file name, and a year
out of range is not a date."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from sphinx_work_history.testing import (
    SOURCE_DATE_EPOCH,
    build,
    line_of,
    other_warnings,
    require_module,
    require_tool,
    soup,
    work_history_warnings,
)

INDEX = """\
# Home

The introduction.

:::{job} Engineer
:org: Acme
:start: 2019
:end: 2021
Built the order system.
:::
"""


def project(tmp_path: Path, conf: str, index: str = INDEX, **values: Any) -> Path:
    """A small project in *tmp_path*/src: conf.py of *conf* and *values* (each on its
    own line, written as Python), and index.md."""
    srcdir = tmp_path / "src"
    srcdir.mkdir(parents=True, exist_ok=True)
    lines = ['extensions = ["myst_parser", "sphinx_work_history"]',
             'myst_enable_extensions = ["colon_fence"]', 'language = "en"',
             'work_history_today = "2026-11-27"', 'exclude_patterns = ["_build"]', conf]
    lines += [f"{name} = {value!r}" for name, value in values.items()]
    (srcdir / "conf.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (srcdir / "index.md").write_text(index, encoding="utf-8")
    return srcdir


def bytes_of(path: Path) -> list[bytes]:
    """The file's bytes, and each member's of a ZIP archive (a Word file, an ePub)."""
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return [data]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [data, *(archive.read(name) for name in archive.namelist())]


# -- names are text ------------------------------------------------------------------

HOSTILE_NAME = '<img src=x onerror="alert(1)"> A & B <i>x</i>'


@pytest.mark.parametrize("title", [HOSTILE_NAME, ""], ids=["html_title", "project"])
def test_furo_shows_the_name_as_written(tmp_path, title):
    """Furo prints html_title (and, without one, project) unescaped; no element and no
    attribute of the name reaches a page, and its text is the name."""
    require_module("furo")
    srcdir = project(tmp_path, 'html_theme = "furo"', project=HOSTILE_NAME, html_title=title,
                     author="Ada")
    app = build(srcdir, "html", builddir=tmp_path / "build")
    assert other_warnings(app.warning.getvalue()) == []
    for page, title_text in (("index", title or "Home"), ("search", f"Search - {title}"),
                             ("genindex", f"Index - {title}")):
        html = soup(app.outdir / f"{page}.html")
        assert not html.find_all(attrs={"onerror": True}), page
        assert not [img for img in html.find_all("img") if img.get("src") == "x"], page
        assert html.head.title.get_text() == title_text, page
        brands = html.select(".sidebar-brand-text, .header-center .brand")
        assert len(brands) == 2, page
        for brand in brands:
            assert brand.find_all(True) == [], f"{page}: markup in the brand: {brand}"
            assert brand.get_text() == HOSTILE_NAME, page


HOSTILE_TITLE = r"\directlua{os.exit(1)} Ada & Co: 100% #1 ~ ^ {x} \def\x{y}"
HOSTILE_AUTHOR = r"\input{/etc/passwd} Ada_Example"


def test_latex_documents_title_and_author_are_text(tmp_path):
    srcdir = project(tmp_path, "", project="CV", author="Ada", latex_engine="lualatex",
                     latex_documents=[("index", "cv.tex", HOSTILE_TITLE, HOSTILE_AUTHOR,
                                       "howto", False)])
    app = build(srcdir, "latex", builddir=tmp_path / "build")
    source = (app.outdir / "cv.tex").read_text(encoding="utf-8")
    for command in (r"\directlua{", r"\input{/etc/passwd}", r"\def\x"):
        assert command not in source, f"{command!r} reached LaTeX as a command"
    assert (r"\title{\textbackslash{}directlua\{os.exit(1)\} Ada \& Co: 100\% \#1 "
            r"\textasciitilde{} \textasciicircum{} \{x\} \textbackslash{}def\textbackslash{}x\{y\}}"
            in source)
    assert r"\author{\textbackslash{}input\{/etc/passwd\} Ada\_Example}" in source

    # Sphinx escapes its own default entry: it is not escaped again.
    srcdir = project(tmp_path / "default", "", project="Ada & Co", author="Ada {Example}")
    app = build(srcdir, "latex", builddir=tmp_path / "default" / "build")
    source = (app.outdir / "adaco.tex").read_text(encoding="utf-8")
    assert r"\title{Ada \& Co}" in source
    assert r"\author{Ada \{Example\}}" in source


@pytest.mark.slow
def test_lualatex_prints_the_title_and_author_as_written(tmp_path):
    require_tool("latexmk")
    pdftotext = require_tool("pdftotext")
    srcdir = project(tmp_path, "work_history_latex_header = False", project="CV",
                     author="Ada", latex_engine="lualatex",
                     latex_documents=[("index", "cv.tex", HOSTILE_TITLE, HOSTILE_AUTHOR,
                                       "howto", False)])
    app = build(srcdir, "latex", builddir=tmp_path / "build")
    result = subprocess.run(["make", "-C", str(app.outdir), "all-pdf", "LATEXMKOPTS=-silent"],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stdout[-3000:]
    text = subprocess.run([pdftotext, str(app.outdir / "cv.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(text.split())
    assert HOSTILE_TITLE in text
    assert HOSTILE_AUTHOR in text


# -- the photo -----------------------------------------------------------------------

SECRET = b"\x89PNG\r\n\x1a\n not a photo: the secret 7f3c9a2e"
PHOTO_BUILDERS = ["html", "epub", "latex", "cv-docx", "cv-text", "cv-markdown", "cv-pdf"]


def photo_values(tmp_path: Path, srcdir: Path) -> dict[str, str]:
    """Each way to name the secret (outside the project) as the photo."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.png"
    secret.write_bytes(SECRET)
    (srcdir / "images").mkdir()
    (srcdir / "images" / "link.png").symlink_to(secret)
    return {
        "absolute": str(secret),
        "up": "../outside/secret.png",
        "link": "images/link.png",
        "file-url": secret.as_uri(),
        "data-url": "data:image/png;base64," + base64.b64encode(SECRET).decode(),
        "javascript": "javascript:alert(1)",
        "not-an-image": "conf.py",
    }


@pytest.mark.parametrize("case", ["absolute", "up", "link", "file-url", "data-url",
                                  "javascript", "not-an-image"])
def test_a_photo_outside_the_project_is_refused_and_copied_nowhere(tmp_path, case):
    person = {"name": "Ada Example", "email": "ada@example.org", "phone": "+44 1234"}
    srcdir = project(tmp_path, "", project="Photo", author="Ada", copyright="Ada",
                     version="1", release="1")
    image = photo_values(tmp_path, srcdir)[case]
    conf = srcdir / "conf.py"
    with conf.open("a", encoding="utf-8") as file:
        file.write(f"work_history_person = {{**{person!r}, 'image': {image!r}}}\n")
    for builder in PHOTO_BUILDERS:
        app = build(srcdir, builder, builddir=tmp_path / "build" / builder)
        warnings = work_history_warnings(app.warning.getvalue())
        assert [(w.file, w.line, w.subtype) for w in warnings] == [
            ("conf.py", line_of(conf, "work_history_person"), "photo")], builder
        assert "the photo is left out" in warnings[0].message
        assert other_warnings(app.warning.getvalue()) == [], builder
    conf_bytes = conf.read_bytes()
    for path in (tmp_path / "build").rglob("*"):
        if path.is_file():
            for data in bytes_of(path):
                assert SECRET not in data, path
                if case == "not-an-image":
                    assert conf_bytes not in data, path
    html = soup(tmp_path / "build" / "html" / "html" / "index.html")
    assert html.select_one("img.wh-contact-photo") is None
    assert html.select_one(".wh-contact a[href^='tel:']") is not None  # the rest is shown
    word = docx.Document(str(tmp_path / "build" / "cv-docx" / "cv-docx" / "photo.docx"))
    assert not word.inline_shapes
    assert "Ada Example" in [p.text for p in word.paragraphs]


def test_a_photo_that_is_not_an_image_is_left_out_of_the_word_file(tmp_path):
    srcdir = project(tmp_path, "", project="Ada")
    (srcdir / "ada.png").write_bytes(SECRET)  # a PNG's signature, then no image
    conf = srcdir / "conf.py"
    with conf.open("a", encoding="utf-8") as file:
        file.write("work_history_person = {'email': 'ada@example.org', 'image': 'ada.png'}\n")
    app = build(srcdir, "cv-docx", builddir=tmp_path / "build")  # a traceback fails the test
    (warning,) = work_history_warnings(app.warning.getvalue())
    assert (warning.file, warning.line, warning.subtype) == (
        "conf.py", line_of(conf, "work_history_person"), "photo")
    assert "'ada.png' cannot be read as an image; the Word file has no photo" in warning.message
    word = docx.Document(str(app.outdir / "ada.docx"))
    assert not word.inline_shapes
    assert "Engineer, Acme" in [p.text for p in word.paragraphs]


# -- control characters in addresses -----------------------------------------------------

CONTROL_INDEX = """\
# Home

The introduction.

:::{job} Engineer
:org: Acme
:url: https://acme.example/\x01x
:start: 2019
:end: 2021
Built the order system.
:::

:::{project} Tool
:url: https://tool.example/\x7fx
:start: 2020
A tool.
:::

:::{job} Analyst
:org: Initech
:url: https://initech.example/\x9bx
:start: 2015
:end: 2019
Counted things.
:::
"""
CONTROL_PERSON = {"name": "Ada Example", "email": "ada\x00@example.org", "phone": "+44\u2028 1234",
                  "url": "https://ada.example/\x85x", "location": {"city": "London"},
                  "profiles": [{"network": "Blog", "url": "https://blog.example/\x1b[31m"},
                               {"network": "Code", "url": "https://code.example/ada"}]}


@pytest.mark.parametrize("builder", ["cv-docx", "html"])
def test_addresses_with_a_control_character_are_refused(tmp_path, builder):
    srcdir = project(tmp_path, "", CONTROL_INDEX, project="Ada\x01 CV",
                     work_history_person=CONTROL_PERSON)
    index, conf = srcdir / "index.md", srcdir / "conf.py"
    app = build(srcdir, builder, builddir=tmp_path / "build")  # a traceback fails the test
    stream = app.warning.getvalue()
    assert other_warnings(stream) == []
    warnings = work_history_warnings(stream)
    person = line_of(conf, "work_history_person")
    # The three entries' :url: at their lines; the email, the phone, the web address and
    # the first profile in conf.py (and, without its email, the person has none).
    assert sorted((w.file, w.line, w.subtype) for w in warnings) == sorted([
        *(("conf.py", person, "bad_config"),) * 5,
        *(("index.md", line_of(index, marker), "bad_url")
          for marker in ("{job} Engineer", "{project} Tool", "{job} Analyst"))])
    messages = [w.message for w in warnings]
    for control in ("U+0001", "U+007F", "U+009B", "U+0000", "U+2028", "U+0085", "U+001B"):
        assert sum(f"holds a control character ({control})" in m for m in messages) == 1, (
            control, messages)
    if builder == "cv-docx":
        word = docx.Document(str(app.outdir / "adacv.docx"))
        text = "\n".join(p.text for p in word.paragraphs)
        for shown in ("Ada Example", "Engineer, Acme", "Built the order system.", "Tool",
                      "Analyst, Initech", "code.example/ada", "London"):
            assert shown in text, shown
        targets = [rel.target_ref for rel in word.part.rels.values() if rel.is_external]
        assert targets == ["https://code.example/ada"]
    else:
        html = soup(app.outdir / "index.html")
        hrefs = [a["href"] for a in html.find_all("a", href=True)]
        assert not [h for h in hrefs if re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", h)]
        assert "https://code.example/ada" in hrefs
        text = html.select_one("[role=main]").get_text()
        for shown in ("Engineer", "Acme", "Built the order system.", "Tool", "Analyst",
                      "London"):
            assert shown in text, shown


# -- a CV file is written whole, or not at all ---------------------------------------------

class DiskFull(OSError):
    pass


def half_write_text(original):
    def write_text(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
        if self.suffix in (".txt", ".md") and "ada" in self.name:
            original(self, data[:len(data) // 2], *args, **kwargs)
            raise DiskFull(28, "No space left on device")
        return original(self, data, *args, **kwargs)
    return write_text


def half_zip(original):
    def writestr(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if self.filename and "ada" in str(self.filename) and len(self.namelist()) == 3:
            raise DiskFull(28, "No space left on device")
    return writestr


class HalfPdfCompiler:
    """Typst's compiler, as if the disk filled up halfway through the PDF."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def compile(self, *args: Any, output: str = "", **kwargs: Any) -> None:
        Path(output).write_bytes(b"%PDF-1.7\n% half a PDF")
        raise DiskFull(28, "No space left on device")


@pytest.mark.parametrize("builder", ["cv-text", "cv-markdown", "cv-docx", "cv-pdf"])
def test_a_failed_write_leaves_the_last_complete_cv(tmp_path, monkeypatch, builder):
    srcdir = project(tmp_path, "", project="Ada", work_history_person={
        "email": "ada@example.org"})
    out = tmp_path / "build"
    first = build(srcdir, builder, builddir=out)
    target = Path(first.builder.target)
    complete = target.read_bytes()

    if builder in ("cv-text", "cv-markdown"):
        monkeypatch.setattr(Path, "write_text", half_write_text(Path.write_text))
    elif builder == "cv-docx":
        monkeypatch.setattr(zipfile.ZipFile, "writestr", half_zip(zipfile.ZipFile.writestr))
    else:
        monkeypatch.setattr(require_module("typst"), "Compiler", HalfPdfCompiler)
    with pytest.raises(DiskFull):
        build(srcdir, builder, builddir=out)
    assert target.read_bytes() == complete
    assert [p.name for p in first.outdir.iterdir() if ".part" in p.name] == []

    target.unlink()
    with pytest.raises(DiskFull):
        build(srcdir, builder, builddir=out)
    assert not target.exists()


# -- long names --------------------------------------------------------------------------

LONG_NAME = " ".join(f"Name{n:05d}" for n in range(30))  # 299 characters, 270 in a file name


@pytest.mark.parametrize("builder", ["cv-text", "cv-markdown", "cv-docx", "cv-pdf"])
def test_a_long_name_is_cut_in_the_file_name_only(tmp_path, builder):
    srcdir = project(tmp_path, "", project=LONG_NAME, work_history_person={
        "name": LONG_NAME, "email": "ada@example.org"})
    app = build(srcdir, builder, builddir=tmp_path / "build")
    assert app.warning.getvalue() == ""
    written = Path(app.builder.target)
    # Whole words of the name, as many as fit in 60 characters.
    assert written.stem == "".join(f"name{n:05d}" for n in range(6))
    if builder == "cv-pdf":
        text = subprocess.run([require_tool("pdftotext"), str(written), "-"],
                              capture_output=True, text=True, check=True).stdout
    elif builder != "cv-docx":
        text = written.read_text(encoding="utf-8")
    else:
        word = docx.Document(str(written))
        # A document property holds 255 characters: the name's words that fit, and "…".
        title = word.core_properties.title
        assert len(title) <= 255
        assert title.endswith(" Name00024…")
        assert LONG_NAME.startswith(title.removesuffix("…"))
        text = "\n".join(p.text for p in word.paragraphs)
    assert LONG_NAME in " ".join(text.split())


def test_a_cv_file_name_too_long_is_refused(tmp_path):
    srcdir = project(tmp_path, "", project="Ada", work_history_cv_basename="é" * 101)
    app = build(srcdir, "cv-text", builddir=tmp_path / "build")
    (warning,) = work_history_warnings(app.warning.getvalue())
    assert (warning.file, warning.subtype) == ("conf.py", "bad_config")
    assert "is longer than 200 bytes; the project's name is used instead" in warning.message
    assert (app.outdir / "ada.txt").is_file()
