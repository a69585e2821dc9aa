"""A CV with an entry of every kind (tests/roots/test-kinds), in every format.

What each output must show is read from the root's own sources: every
directive's argument, options and body, every heading, and the person of
conf.py. So a value added to the root is checked everywhere at once.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import runpy
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.model.dates import PartialDate
from sphinx_work_history.model.kinds import KINDS, option_fields
from sphinx_work_history.model.records import JobRecord, VolunteerRecord
from sphinx_work_history.testing import (
    build,
    copy_root,
    epubcheck,
    jsonld_person,
    line_of,
    require_tool,
    schema_errors,
    sphinx_build,
    work_history_warnings,
)

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("kinds-outputs")

TESTS = Path(__file__).resolve().parent
ROOTS = Path(__file__).resolve().parent / "roots"

ROOT = ROOTS / "test-kinds"
BUILDERS = ("html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo",
            "xml", "pseudoxml", "cv-docx", "cv-text", "cv-markdown")
NOT_SHOWN = {"tags", "name"}  # options that are no fact of the entry's
DATES = {"start", "end", "date"}
FENCE = re.compile(r"^(?P<colons>:{3,})\{(?P<kind>[\w-]+)\}\s*(?P<argument>.*)$")
OPTION = re.compile(r"^:(?P<name>[\w-]+):\s*(?P<value>.*)$")
ROLE = re.compile(r"\{[\w-]+\}`[^`]*`")


@dataclass
class Written:
    """One entry as its source writes it."""

    kind: str
    argument: str
    options: dict[str, str] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)  # its lines' text, list markers off

    def items(self, option: str) -> list[str]:
        value = self.options.get(option, "")
        return [i.strip() for i in next(csv.reader([value], skipinitialspace=True), [])
                if i.strip()]

    @property
    def texts(self) -> list[str]:
        """Every text the entry shows as written: argument, options, body."""
        found = [self.argument] if self.argument else []
        for name, value in self.options.items():
            if name in NOT_SHOWN | DATES or name == "url":
                continue
            found += self.items(name) if "," in value else [value]
        return found + self.body


def written_entries() -> list[Written]:
    entries = []
    for path in sorted(ROOT.glob("*.md")):
        current: Written | None = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if current is None:
                if m := FENCE.match(line):
                    current = Written(m["kind"], m["argument"].strip())
                continue
            if re.fullmatch(r":{3,}", line.strip()):
                entries.append(current)
                current = None
            elif (m := OPTION.match(line)) and not current.body:
                current.options[m["name"]] = m["value"].strip()
            elif text := line.strip().removeprefix("- "):
                current.body.append(text)
    return entries


def headings() -> list[str]:
    return [line.lstrip("#").strip() for path in sorted(ROOT.glob("*.md"))
            for line in path.read_text(encoding="utf-8").splitlines()
            if re.match(r"#{1,6} ", line)]


def person() -> dict:
    return runpy.run_path(str(ROOT / "conf.py"))["work_history_person"]


def person_texts() -> list[str]:
    found = person()
    texts = [found[key] for key in ("name", "label", "email", "phone")]
    texts += list(found["location"].values())
    for profile in found["profiles"]:  # its username, where it has one
        texts += [profile["network"], profile.get("username") or profile["url"].split("://")[1]]
    return texts


def words(text: str) -> str:
    return " ".join(text.split())


ENTRIES = written_entries()


def test_the_root_has_an_entry_of_every_kind():
    assert {e.kind for e in ENTRIES} == {*KINDS, "job", "volunteer"}


def _build(srcdir: Path, outdir: Path, builder: str, *args: str) -> subprocess.CompletedProcess:
    # The doctrees beside the output, which the tests read whole.
    return sphinx_build(srcdir, outdir, builder, "-q", *args,
                        doctrees=outdir.parent / f".doctrees-{builder}{''.join(args)}")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The root built strictly by *builder*, once."""
    srcdir = copy_root(ROOT, tmp_path_factory.mktemp("kinds") / "src")
    outputs: dict[str, Path] = {}

    def get(builder: str) -> Path:
        if builder not in outputs:
            outdir = srcdir.parent / "out" / builder
            result = _build(srcdir, outdir, builder)
            assert result.returncode == 0, result.stderr[-3000:]
            assert not result.stderr, result.stderr[-3000:]
            outputs[builder] = outdir
        return outputs[builder]

    return get


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_builds_strictly(built, builder):
    built(builder)


def html_text(outdir: Path, suffix: str = ".html") -> tuple[str, BeautifulSoup]:
    pages = [BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
             for p in sorted(outdir.glob(f"*{suffix}"))
             if p.stem not in ("genindex", "search", "nav")]
    mains = [p.select_one('[role="main"]') or p.body for p in pages]
    soup = BeautifulSoup("".join(str(m) for m in mains), "html.parser")
    return words(soup.get_text(" ")), soup


@pytest.mark.parametrize(("builder", "suffix"), [("html", ".html"), ("epub", ".xhtml")])
def test_html_and_epub_show_every_value_written(built, builder, suffix):
    text, soup = html_text(built(builder), suffix)
    hrefs = {unquote(a.get("href", "")) for a in soup.select("a")}  # Sphinx cloaks mailto:
    times = {t.get("datetime") for t in soup.select("time")}
    for entry in ENTRIES:
        for value in entry.texts:
            assert words(value) in text, (entry.kind, value)
        if url := entry.options.get("url"):
            assert url in hrefs, (entry.kind, url)
        for option in DATES & entry.options.keys():
            if entry.options[option] != "present":
                assert PartialDate.parse(entry.options[option]).iso() in times
    for value in person_texts():
        # Sphinx cloaks the email in the text (its link is checked).
        if value != person()["email"]:
            assert words(value) in text, value
    assert f"mailto:{person()['email']}" in hrefs


def test_each_kind_has_its_own_layout_class(built):
    _, soup = html_text(built("html"))
    for entry in ENTRIES:
        assert soup.select(f"article.wh-{entry.kind}"), entry.kind
    css = (built("html") / "_static" / "work_history_kinds.css").read_text(encoding="utf-8")
    for page, linked in (("learning.html", True), ("more.html", True), ("work.html", False)):
        soup = BeautifulSoup((built("html") / page).read_text(encoding="utf-8"), "html.parser")
        links = {link["href"].split("?")[0] for link in soup.select('link[rel="stylesheet"]')}
        assert ("_static/work_history_kinds.css" in links) is linked, page
    for kind in ("education", "project", "award", "certificate", "publication", "talk",
                 "skill", "language", "interest", "reference"):
        assert f".wh-{kind}" in css


def test_the_hub_shows_the_contact_block_under_its_title(built):
    for builder, page in (("html", "index.html"), ("epub", "index.xhtml")):
        soup = BeautifulSoup((built(builder) / page).read_text(encoding="utf-8"),
                             "html.parser")
        block = soup.select_one("h1 + .wh-contact-block")
        assert block is not None, builder
        assert block.select_one("p.wh-headline").get_text() == person()["label"]
        links = {unquote(a["href"]) for a in block.select("p.wh-contact a")}
        found = person()
        assert {f"mailto:{found['email']}", "tel:+15550100", found["url"],
                found["profiles"][0]["url"]} <= links
        photo = block.select_one("img.wh-contact-photo")
        assert photo["alt"] == f"Photo of {found['name']}"
        assert (built(builder) / photo["src"]).read_bytes() == (ROOT / "photo.png").read_bytes()


@pytest.fixture(scope="module")
def pdf_text(built) -> str:
    """The LaTeX build made a PDF, as pdftotext reads it."""
    outdir = built("latex")
    latexmk = require_tool("latexmk")
    [tex] = outdir.glob("*.tex")
    result = subprocess.run([latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                             tex.name], cwd=outdir, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    return subprocess.run([require_tool("pdftotext"), tex.with_suffix(".pdf").name, "-"],
                          cwd=outdir, capture_output=True, text=True, check=True).stdout


def test_the_pdf_shows_every_entry_and_the_contact_details(built, pdf_text):
    outdir = built("latex")
    text = words(pdf_text)
    for entry in ENTRIES:
        for value in entry.texts:
            assert words(value) in text, (entry.kind, value)
    for value in person_texts():
        assert words(value) in text, value
    # The header (between the name and the label): each profile after its network,
    # a username alone too.
    header = words(pdf_text.split(person()["name"], 1)[1].split(person()["label"], 1)[0])
    assert "GitHub: grace" in header
    assert "LinkedIn: ghopper" in header
    tex = next(outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\workhistorycvheader[workhistory-photo.png]" in tex
    assert tex.count(r"\workhistorycompact{") == sum(
        e.kind in ("skill", "language", "interest") and not e.body for e in ENTRIES)


def tidy(text: str) -> str:
    """*text*'s words, with no space before punctuation (BeautifulSoup's get_text
    puts one between nodes)."""
    return re.sub(r" (?=[,.:;])", "", words(text))


def test_the_pdf_shows_each_heading_and_facts_line_once(built, pdf_text):
    """Each entry's heading, dates, location and facts line are in the PDF as often
    as on the HTML pages: once, and again where a cross-reference names the entry."""
    html, soup = html_text(built("html"))
    html, pdf = tidy(html), tidy(pdf_text)
    checked = []
    for entry in soup.select("article"):
        title = entry.select_one(".wh-entry-title, .wh-job-title")
        facts = [tidy(title.get_text(" "))] if title else []
        # A role's dates wrap in the PDF's narrow column (and were always set once).
        dates = ".wh-location" if "wh-job" in entry["class"] else ".wh-dates, .wh-location"
        facts += [tidy(part.get_text(" ")) for part in entry.select(dates)]
        if details := [tidy(d.get_text(" ")) for d in entry.select(".wh-detail")]:
            facts.append(" · ".join(details))
        for fact in facts:
            assert pdf.count(fact) == html.count(fact), (entry["class"], fact)
        checked += facts
    assert "Score: summa cum laude · Courses: Algebra, Analysis, Real and Complex" in checked
    assert {"Yale University, PhD, Mathematics", "Jun 1955", "Howard Aiken"} <= set(checked)


def test_the_epub_passes_epubcheck(built):
    require_tool("java")
    [book] = built("epub").glob("*.epub")
    result = epubcheck(book)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout
    with zipfile.ZipFile(book) as archive:
        assert "EPUB/_images/photo.png" in archive.namelist() or any(
            name.endswith("_images/photo.png") for name in archive.namelist())


def test_resume_json_validates_and_holds_every_value_written(built):
    resume = json.loads((built("html") / "resume.json").read_text(encoding="utf-8"))
    assert schema_errors(resume) == []
    jsonschema.validate(resume, json.loads(
        (TESTS / "schemas" / "jsonresume-v1.schema.json").read_text(encoding="utf-8")))
    for entry in ENTRIES:
        kind = {**KINDS, "job": JobRecord, "volunteer": VolunteerRecord}[entry.kind]
        section = kind.JSON_SECTION
        heading_key = kind.JSON_HEADING
        [item] = [i for i in resume[section] if i.get(heading_key) == entry.argument]
        values = json.dumps(item, ensure_ascii=False)
        for name, value in entry.options.items():
            if name in NOT_SHOWN:
                continue
            if name in DATES:
                assert PartialDate.parse(value).iso() in values, (entry.kind, name)
            elif entry.kind in ("job", "volunteer"):
                if name != "location" or entry.kind == "job":  # volunteer has no location
                    assert value in values, (entry.kind, name)
            else:
                json_key = next(f.metadata["json"] for f in option_fields(KINDS[entry.kind])
                                if f.metadata["option"] == name)
                if json_key:
                    got = item[json_key]
                    assert got == (entry.items(name) if isinstance(got, list) else value)
        if kind.JSON_SUMMARY:  # JSON Resume has a place for the text
            for line in entry.body:
                assert ROLE.sub("", line).strip() in values, (entry.kind, line)
    basics = resume["basics"]
    found = person()
    assert basics["image"] == found["url"] + "_images/photo.png"
    assert basics["phone"] == found["phone"]
    assert basics["location"] == found["location"]


def test_jsonld_uses_schema_org_terms(built):
    data = jsonld_person((built("html") / "index.html").read_text(encoding="utf-8"))
    found = person()
    assert data["telephone"] == found["phone"]
    assert data["image"] == found["url"] + "_images/photo.png"
    assert data["address"]["@type"] == "PostalAddress"
    assert data["address"]["addressLocality"] == found["location"]["city"]
    alumni = {(o["@type"], o.get("name")) for o in data["alumniOf"]}
    assert ("EducationalOrganization", "Yale University") in alumni
    credentials = {(c["credentialCategory"], c["name"]) for c in data["hasCredential"]}
    assert credentials == {("degree", "PhD, Mathematics"),
                           ("certificate", "Certified Programmer")}
    assert data["award"] == ["Defense Distinguished Service Medal, US Department of Defense"]
    assert data["knowsLanguage"] == [{"@type": "Language", "name": "English"}]
    assert {"Compilers", "COBOL", "Nanoseconds"} <= set(data["knowsAbout"])
    # Works are given on the page that shows them (the hub stays small).
    assert "@reverse" not in data
    works = jsonld_person((built("html") / "more.html").read_text(encoding="utf-8"))
    [paper] = works["@reverse"]["author"]
    assert (paper["name"], paper["datePublished"], paper["publisher"]["name"],
            paper["identifier"]["value"]) == ("The Education of a Computer", "1952-05-02",
                                              "ACM", "10.1145/609784.609818")
    assert {w["name"] for w in works["@reverse"]["creator"]} == {"FLOW-MATIC",
                                                                 "Future Possibilities"}
    # Volunteering is membership, never employment.
    [member] = data["memberOf"]
    assert (member["@type"], member["memberOf"]["name"]) == ("OrganizationRole",
                                                             "Open Standards Group")
    employers = [r.get("worksFor", r.get("alumniOf", {})).get("name")
                 for r in data.get("worksFor", []) + data["alumniOf"]
                 if r["@type"] == "EmployeeRole"]
    assert employers == ["Remington Rand"]


def test_microformats_file_education_skills_and_affiliations_under_the_resume(built):
    import mf2py

    def resume(page: str) -> dict:
        html = (built("html") / page).read_text(encoding="utf-8")
        [found] = [i for i in mf2py.parse(doc=html)["items"] if "h-resume" in i["type"]]
        return found["properties"]

    [education] = resume("learning.html")["education"]
    assert education["type"] == ["h-event"]
    assert education["properties"]["name"] == ["Yale University"]
    assert education["properties"]["start"] == ["1930"]
    more = resume("more.html")
    assert more["skill"] == ["Compilers"]
    assert more["name"] == ["More"]  # no entry's name is the résumé's
    work = resume("work.html")
    [affiliation] = work["affiliation"]
    assert affiliation["properties"]["name"] == ["Open Standards Group"]
    assert affiliation["properties"]["role"] == ["Reviewer"]
    [experience] = work["experience"]
    assert experience["properties"]["name"] == ["Senior Programmer"]
    [contact] = work["contact"]
    assert contact["properties"]["tel"] == [person()["phone"]]
    assert contact["properties"]["adr"][0]["properties"]["locality"] == ["Arlington"]


def docx_text(path: Path) -> tuple[str, bool]:
    import docx

    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    return text, bool(document.inline_shapes)


@pytest.mark.parametrize("builder", ["cv-docx", "cv-text", "cv-markdown"])
def test_every_cv_file_shows_every_entry_and_section(built, builder):
    [path] = [p for p in built(builder).iterdir() if p.suffix in (".docx", ".txt", ".md")]
    if builder == "cv-docx":
        text, has_photo = docx_text(path)
        assert has_photo
    else:
        text = path.read_text(encoding="utf-8")
        if builder == "cv-markdown":
            assert "](<workhistory-photo.png>)" in text
            text = re.sub(r"\\(.)", r"\1", text)  # Markdown's escapes
    text = words(text)
    for heading in headings()[1:]:  # the root's title is the CV's name
        assert heading in text, (builder, heading)
    for entry in ENTRIES:
        for value in entry.texts:
            assert words(ROLE.sub("", value)).strip() in text, (builder, entry.kind, value)
    for value in person_texts():
        assert value in text, (builder, value)


def test_serial_and_parallel_builds_are_byte_identical(tmp_path):
    digests = []
    for name, args in (("serial", ()), ("parallel", ("-j", "2"))):
        srcdir = copy_root(ROOT, tmp_path / name / "src")
        outdir = tmp_path / name / "out"
        result = _build(srcdir, outdir, "html", *args)
        assert result.returncode == 0, result.stderr
        assert not result.stderr, result.stderr
        digests.append({str(p.relative_to(outdir)): hashlib.sha256(p.read_bytes()).hexdigest()
                        for p in sorted(outdir.rglob("*")) if p.is_file()
                        and p.name != ".buildinfo"})
    assert digests[0] == digests[1]


def test_the_docs_table_lists_every_option_and_its_json_resume_key():
    source = (TESTS.parent / "docs" / "directives.md").read_text(encoding="utf-8")
    rows = {}
    for line in source.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`") and cells[1].startswith("`"):
            rows[cells[0].strip("`")] = cells
    assert set(rows) == {*KINDS, "job", "volunteer"}
    for name, kind in KINDS.items():
        _, section, argument, options, keys = rows[name]
        assert section == f"`{kind.JSON_SECTION}`"
        assert argument == f"`{kind.JSON_HEADING}`"
        dates = ["start", "end"] if kind.SPAN else ["date"] if kind.DATED else []
        fields = option_fields(kind)
        expected = [*dates, *(f.metadata["option"] for f in fields)]
        written = re.findall(r"`:([\w-]+):`", options)
        assert written == expected, name
        json_keys = [kind.JSON_START, kind.JSON_END][:len(dates)] + [
            f.metadata["json"] for f in fields]
        shown = [k.strip().strip("`") for k in keys.split("·")] if written else []
        assert shown == [k or "–" for k in json_keys], name


def test_a_photo_that_is_not_there_is_a_located_warning(tmp_path):
    srcdir = copy_root(ROOT, tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"photo.png"', '"nowhere.png"'),
                    encoding="utf-8")
    app = build(srcdir, "html")
    (warning,) = work_history_warnings(app.warning.getvalue())
    assert (warning.file, warning.subtype) == ("conf.py", "photo")
    assert warning.line == line_of(conf, "work_history_person")
    assert "no file 'nowhere.png'" in warning.message
    assert "image" not in json.loads((app.outdir / "resume.json").read_text(
        encoding="utf-8"))["basics"]
    hub = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert hub.select_one("img.wh-contact-photo") is None
    assert hub.select_one(".wh-contact a[href^='tel:']") is not None
