"""Import, then build: resume.json gives back the imported JSON Resume, and the HTML
shows every text of an imported RenderCV file under its section's title."""

from __future__ import annotations

import json
import re
import subprocess
from io import StringIO
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, seed, settings

from sphinx_work_history.cli.scaffold import write_project
from sphinx_work_history.importers import Project, read_project
from sphinx_work_history.importers.jsonresume import project_of
from sphinx_work_history.importers.rendercv import plain, section_title
from sphinx_work_history.testing import (
    build,
    epubcheck,
    hypothesis_seed,
    require_tool,
    sphinx_build,
)
from sphinx_work_history.testing.jsonresume import hostile_resume, resume

TESTS = Path(__file__).resolve().parent

DATA = TESTS / "data"
JSON_RESUMES = sorted((DATA / "jsonresume").glob("*.json"))
# (structure.yaml is built, and read back in every format, by test_rendercv_structure.py.
# rendercv new's three themes hold rendercv-sample.yaml's texts, word for word, with
# another `design`: test_rendercv_import.py checks the table of themes; try_samples.py
# builds each in every format.)
THEMES = {f"rendercv-new-{theme}.yaml" for theme in ("engineeringresumes", "moderncv", "sb2nov")}
RENDERCV = sorted(path for path in (DATA / "rendercv").glob("*.yaml")
                  if path.name != "structure.yaml" and path.name not in THEMES)
# rendercv new's German sample holds rendercv-sample.yaml's `cv`, word for word (in
# German dates): LaTeX sets those texts once, from rendercv-sample.yaml.
LATEX_RENDERCV = [path for path in RENDERCV if path.name != "rendercv-new-german.yaml"]
SCHEMA = json.loads((TESTS / "schemas" / "jsonresume-v1.schema.json").read_text())
# About the file, not the person: the export writes its own.
ASIDE = ("meta", "$schema")


def build_html(project: Project, folder: Path, extra: dict[str, str] | None = None
               ) -> tuple[Path, str]:
    """Write *project* (and the *extra* files, path -> text) and build it as HTML, in this
    process; (output, warnings)."""
    write_project(project, folder)
    for relative, text in (extra or {}).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    app = build(folder, status=StringIO(), warning=StringIO(), freshenv=True)
    return Path(app.outdir), app.warning.getvalue()


def without_empties(value: Any) -> Any:
    """An empty string, list or object is no value: JSON Resume's themes show nothing."""
    if isinstance(value, dict):
        kept = {k: without_empties(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", [], {})}
    if isinstance(value, list):
        return [v for v in map(without_empties, value) if v not in ("", [], {})]
    return value


def expected(document: dict[str, Any]) -> dict[str, Any]:
    return without_empties({k: v for k, v in document.items() if k not in ASIDE})


def exported(outdir: Path) -> dict[str, Any]:
    data = json.loads((outdir / "resume.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    return {k: v for k, v in data.items() if k not in ASIDE}


# The values of the corpus the import leaves out, saying so: a link that is not an
# http(s) address (the build shows links to web pages only).
LEFT_OUT = {
    "resume-schema-1.0.1-sample.resume.json": {".projects[0].url"},
}


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        return {p: v for k, item in value.items() for p, v in leaves(item, f"{path}.{k}").items()}
    if isinstance(value, list):
        return {p: v for i, item in enumerate(value) for p, v in leaves(item, f"{path}[{i}]")
                .items()}
    return {path: value}


@pytest.mark.slow
@pytest.mark.parametrize("path", JSON_RESUMES, ids=lambda p: p.name)
def test_json_resume_round_trips(path: Path, tmp_path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    project = read_project(path)
    outdir, warnings = build_html(project, tmp_path / "cv")
    assert warnings == ""
    want, got = leaves(expected(document)), leaves(exported(outdir))
    # What the import said it leaves out, and nothing else, is not there.
    noted = {"." + note.split(": ")[1] for note in project.notes}
    assert noted == LEFT_OUT.get(path.name, set())
    want = {p: v for p, v in want.items() if p not in noted}
    assert {p: got.get(p) for p in want if got.get(p) != want[p]} == {}, "values changed"
    assert sorted(set(got) - set(want)) == [], "values added"


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(resume)
def test_generated_json_resumes_round_trip(tmp_path_factory: pytest.TempPathFactory,
                                           document: dict[str, Any]) -> None:
    jsonschema.validate(document, SCHEMA)
    folder = tmp_path_factory.mktemp("generated") / "cv"
    outdir, warnings = build_html(project_of(document, Path("resume.json")), folder)
    assert warnings == ""
    # The export always has a work section, if empty: an empty list is no value.
    assert without_empties(exported(outdir)) == expected(document)


# -- hostile values ----------------------------------------------------------------
LINE_BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028",
               "\u2029"]
SECRET = "SECRET-OF-THE-MACHINE"
# In the project, where "/etc/passwd" (a path from the source folder) finds it.
SECRET_FILES = {"etc/passwd": SECRET + "\n"}
SCRIPT = "<script>alert(1)</script>"


def main_of(page: Path) -> Any:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
        attrs={"role": "main"})


def test_line_breaks_in_one_line_fields_make_no_markup(tmp_path: Path) -> None:
    def hostile(text: str, sep: str) -> str:
        return f"{text}{sep}:::{{literalinclude}} /etc/passwd{sep}:::{sep}:::{{raw}} html{sep}" \
               f"{SCRIPT}{sep}:::"

    work = [{"name": f"Acme {index}", "startDate": str(2000 + index),
             "position": hostile("Engineer", sep), "location": hostile("Remote", sep),
             "summary": hostile("Did", sep), "highlights": [hostile("Led", sep), "Shipped"]}
            for index, sep in enumerate(LINE_BREAKS)]
    document = {"basics": {"name": "Ada", "email": "ada@example.org"}, "work": work}
    project = project_of(document, Path("resume.json"))
    outdir, warnings = build_html(project, tmp_path / "cv", SECRET_FILES)
    assert warnings == ""
    html = "".join(page.read_text(encoding="utf-8") for page in outdir.rglob("*.html"))
    resume_json = (outdir / "resume.json").read_text(encoding="utf-8")
    assert SECRET not in html + resume_json
    main = main_of(outdir / "pages" / "work.html")
    assert main.find_all(["script", "pre"]) == []
    flat = {key: f"{key} :::{{literalinclude}} /etc/passwd ::: :::{{raw}} html {SCRIPT} :::"
            for key in ("Engineer", "Remote")}
    assert [a.select_one(".wh-position").get_text() for a in main.select("article.wh-job")
            ][::-1] == [flat["Engineer"]] * len(LINE_BREAKS)
    # Newest first in resume.json, as in the file when its dates go down.
    exported_work = sorted(exported(outdir)["work"], key=lambda job: job["startDate"])
    assert [(job["position"], job["location"]) for job in exported_work] == [
        (flat["Engineer"], flat["Remote"])] * len(LINE_BREAKS)
    assert [(job["summary"], job["highlights"]) for job in exported_work] == [
        (hostile("Did", "\n"), [hostile("Led", "\n"), "Shipped"])] * len(LINE_BREAKS)
    assert len(project.notes) == 2 * len(LINE_BREAKS) + 2 * (len(LINE_BREAKS) - 1)


def test_a_cr_and_a_fence_in_a_summary_keep_the_entry_whole(tmp_path: Path) -> None:
    document = {"basics": {"name": "Ada", "email": "ada@example.org"},
                "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020",
                          "summary": "Text\r:::\r# Injected", "highlights": ["One", "Two"]}]}
    outdir, warnings = build_html(project_of(document, Path("resume.json")), tmp_path / "cv")
    assert warnings == ""
    job, = exported(outdir)["work"]
    assert job["summary"] == "Text\n:::\n# Injected"
    assert job["highlights"] == ["One", "Two"]
    main = main_of(outdir / "pages" / "work.html")
    assert [h.get_text().rstrip("¶") for h in main.find_all(["h1", "h2", "h3"])] == ["Work"]


def normalised(document: dict[str, Any]) -> dict[str, Any]:
    """What resume.json gives back for *document*, as docs/import.md says: a text of
    paragraphs (a summary, a description, a reference, a highlight) with its line
    breaks LF; a one-line value with each line break a space, then without white space
    at either end (an entry's heading: each run of white space one space); the person's
    values one-line values too, but the postal address, a text."""
    def text(value: str) -> str:
        return re.sub("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]", "\n", value)

    def line(value: str) -> str:
        return text(value).replace("\n", " ").strip()

    out: dict[str, Any] = {}
    for section, items in expected(document).items():
        if section == "basics":
            out[section] = {
                key: text(value) if key == "summary"
                else line(value).replace("\t", " ").strip() if key in ("email", "phone")
                else line(value) if isinstance(value, str)
                else {k: text(v).strip() if k == "address" else line(v)
                      for k, v in value.items()} if isinstance(value, dict)
                else [{k: line(v) for k, v in profile.items()} for profile in value]
                for key, value in items.items()}
            continue
        out[section] = [{
            key: [text(v) for v in value] if key == "highlights"
            else [line(v) for v in value] if isinstance(value, list)
            else text(value) if key in LONG_TEXTS.get(section, ())
            else " ".join(value.split()) if key == HEADINGS[section]
            else line(value)
            for key, value in item.items()} for item in items]
    return out


HEADINGS = {"work": "position", "volunteer": "position", "education": "institution",
            "projects": "name", "awards": "title", "certificates": "name",
            "publications": "name", "skills": "name", "languages": "language",
            "interests": "name", "references": "name"}
LONG_TEXTS = {"work": ("summary",), "volunteer": ("summary",), "projects": ("description",),
              "awards": ("summary",), "publications": ("summary",),
              "references": ("reference",)}
SEED = hypothesis_seed()


# One build an example: each is a whole project (its person is its conf.py's). Random
# under CI, with the seed in the report's header; the same documents every run elsewhere.
@settings(max_examples=10, deadline=None, derandomize=SEED is None, database=None,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@(seed(SEED) if SEED is not None else lambda test: test)
@given(hostile_resume)
def test_hostile_json_resumes_round_trip(tmp_path_factory: pytest.TempPathFactory,
                                         document: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("hostile") / "cv"
    outdir, warnings = build_html(project_of(document, Path("resume.json")), folder,
                                  SECRET_FILES)
    assert warnings == ""
    want, got = leaves(normalised(document)), leaves(without_empties(exported(outdir)))
    assert {path: (want.get(path), got.get(path)) for path in {*want, *got}
            if want.get(path) != got.get(path)} == {}
    html = "".join(page.read_text(encoding="utf-8") for page in outdir.rglob("*.html"))
    assert SECRET not in html
    for page in outdir.rglob("*.html"):
        assert main_of(page).find_all("script") == [], page


# -- RenderCV ---------------------------------------------------------------------
DATE_KEYS = {"date", "start_date", "end_date"}
# A RenderCV entry's type (the first of its keys found here) and its JSON Resume section.
RENDERCV_SECTIONS = [("institution", "education"), ("company", "work"),
                     ("authors", "publications"), ("name", "projects"), ("label", "skills")]


def texts_of(entry: Any, key: str = "") -> list[str]:
    """Every text of a RenderCV entry but its dates, as plain text; a highlight's
    own, and each item nested in it (after a " - ")."""
    if isinstance(entry, str):
        text = plain(entry)[0]
        return text.split(" - ") if key == "highlights" else [text]
    if isinstance(entry, list):
        return [t for item in entry for t in texts_of(item, key)]
    if isinstance(entry, dict):
        return [t for key, value in entry.items() if key not in DATE_KEYS
                for t in texts_of(value, key)]
    return []


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("path", RENDERCV, ids=lambda p: p.name)
def test_rendercv_texts_are_shown_under_their_sections(path: Path, tmp_path: Path) -> None:
    cv = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["cv"]
    outdir, warnings = build_html(read_project(path), tmp_path / "cv")
    assert warnings == ""
    pages, links = {}, {}
    for page in (outdir / "pages").glob("*.html"):
        main = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
            attrs={"role": "main"}) or BeautifulSoup(page.read_text(), "html.parser")
        title = squeeze(main.find("h1").get_text()).rstrip("¶#").strip()
        pages[title] = squeeze(main.get_text())
        links[title] = {a.get("href") for a in main.find_all("a")}
    missing = []
    for key, entries in cv["sections"].items():
        shown = pages[section_title(key)]
        for text in texts_of(entries):
            words = squeeze(re.sub(r"^\s*- ", "", text))
            if words not in shown and words not in links[section_title(key)]:
                missing.append((key, words))
    assert missing == []
    # resume.json holds every entry JSON Resume has a section for.
    data = exported(outdir)
    kinds = [next((section for key, section in RENDERCV_SECTIONS if key in entry), "")
             for entries in cv["sections"].values() for entry in entries
             if isinstance(entry, dict)]
    for section in {k for k in kinds if k}:
        assert len(data.get(section, [])) == kinds.count(section), section


def make(project: Path, builder: str) -> Path:
    """``sphinx -M builder``, strictly, in a process of its own; its output folder."""
    result = sphinx_build(project, project / "_build", builder, "-q", make_mode=True)
    assert result.stderr == ""
    return project / "_build" / ("latex" if builder == "latexpdf" else builder)


def letters(text: str) -> str:
    """*text* without white space or hyphens: LaTeX breaks lines, and words at hyphens."""
    return re.sub(r"[\s\-‐]", "", text)


def test_the_german_sample_holds_the_samples_cv() -> None:
    """What LATEX_RENDERCV leaves out is set by LaTeX through rendercv-sample.yaml."""
    def cv(name: str) -> Any:
        return yaml.safe_load((DATA / "rendercv" / name).read_text(encoding="utf-8"))["cv"]
    assert cv("rendercv-new-german.yaml") == cv("rendercv-sample.yaml")


@pytest.mark.slow
@pytest.mark.parametrize("path", LATEX_RENDERCV, ids=lambda p: p.name)
def test_rendercv_texts_are_in_the_pdf(path: Path, tmp_path: Path) -> None:
    require_tool("lualatex")
    pdftotext = require_tool("pdftotext")
    cv = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["cv"]
    write_project(read_project(path), tmp_path / "cv")
    out = make(tmp_path / "cv", "latexpdf")
    pdf, = out.glob("*.pdf")
    shown = letters(subprocess.run([pdftotext, str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout)
    texts = [t for t in texts_of(cv["sections"]) if not t.startswith("http")]
    assert [t for t in texts if letters(re.sub(r"^\s*- ", "", t)) not in shown] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ["awkward.resume.json", "scripts.resume.json"])
def test_an_imported_json_resume_is_an_epub_epubcheck_accepts(name: str, tmp_path: Path
                                                               ) -> None:
    require_tool("java")
    write_project(read_project(DATA / "jsonresume" / name), tmp_path / "cv")
    book, = make(tmp_path / "cv", "epub").glob("*.epub")
    result = epubcheck(book)
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr, result.stdout
