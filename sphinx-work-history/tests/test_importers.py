"""The pages the importers write: MyST as a person writes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sphinx_work_history.cli.command import main
from sphinx_work_history.importers import read_project
from sphinx_work_history.importers.jsonresume import project_of
from sphinx_work_history.importers.rendercv import plain, section_title

TESTS = Path(__file__).resolve().parent

DATA = TESTS / "data"


def page(project, path: str) -> str:
    return next(p.text for p in project.pages if p.path == path)


def test_a_job_reads_as_written_by_hand() -> None:
    project = read_project(DATA / "jsonresume" / "minimal.resume.json")
    assert [p.path for p in project.pages] == ["pages/work.md"]
    assert page(project, "pages/work.md") == (
        "# Work\n\n:::{job} Engineer\n:org: Acme\n:start: 2020\n:::\n")
    assert project.person == {"name": "Min Imal", "email": "min@example.org"}


def test_markup_is_escaped_and_awkward_values_are_quoted() -> None:
    text = page(read_project(DATA / "jsonresume" / "awkward.resume.json"), "pages/work.md")
    assert ":::{job} Lead *engineer*\n:org: \"'Quoted' Ltd\"\n" in text
    assert "\n- Cut costs by 40% (from \\$10k to \\$6k)\n- \\- not a nested list\n" in text
    assert "\n1\\. Not a list.\n" in text


def test_sections_and_lists() -> None:
    document = {"basics": {"name": "A", "email": "a@example.org"},
                "skills": [{"name": "Databases", "keywords": ["SQL", "C, C++"]}],
                "interests": [{"name": "Databases"}]}
    project = project_of(document, Path("resume.json"))
    assert page(project, "pages/skills.md") == (
        '# Skills\n\n:::{skill} Databases\n:keywords: SQL, "C, C++"\n:::\n')
    # The id the interest would make is the skill's: it gets its own.
    assert ":::{interest} Databases\n:name: interests-databases\n:::" in page(
        project, "pages/interests.md")


def test_what_has_no_place_is_named() -> None:
    document = {"basics": {"name": "A", "email": "a@example.org", "pronouns": "she"},
                "work": [{"name": "Acme", "startDate": "2020", "team": "DB",
                          "url": "acme.example"}], "hobbies": []}
    notes = project_of(document, Path("r.json")).notes
    assert notes == [
        "r.json: hobbies: not a JSON Resume section; not imported",
        "r.json: basics.pronouns: not imported (work_history_person has no place for it)",
        "r.json: work[0].team: not imported (the job directive has no place for it)",
        "r.json: work[0].url: 'acme.example' is not an http(s) address; not imported",
    ]


def test_rendercv_pages() -> None:
    project = read_project(DATA / "rendercv" / "awkward.yaml")
    work = page(project, "pages/work-volunteering.md")
    assert work.startswith("# Work & Volunteering\n\n:::{job} Staff Engineer\n:org: Acme\n")
    assert ":url: https://acme.example/\n\nRuns the **data** platform.\n" in work
    talks = page(project, "pages/talks.md")
    assert talks == "# Talks\n\n{.reversed}\n\n2. Indexes, PGConf 2022\n1. Caches, PGConf 2019\n"
    assert page(project, "pages/patents.md").endswith(
        "1. A method for indexes\n2. A method for caches\n")
    assert project.person["profiles"] == [
        {"network": "GitHub", "username": "zoe_ob", "url": "https://github.com/zoe_ob"},
        {"network": "Blog", "url": "https://blog.zoe.example/"}]


def test_rendercv_titles_and_plain_text() -> None:
    assert section_title("selected_honors") == "Selected Honors"
    assert section_title("Work & Volunteering") == "Work & Volunteering"
    assert plain("**[FlashInfer](https://github.com/)** *x*") == (
        "FlashInfer x", "https://github.com/")


# -- a JSON Resume's values are data ------------------------------------------------
LINE_BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028",
               "\u2029"]


def one_job(**fields: Any) -> dict[str, Any]:
    return {"basics": {"name": "A", "email": "a@example.org"},
            "work": [{"name": "Acme", "startDate": "2020", **fields}]}


@pytest.mark.parametrize("sep", LINE_BREAKS)
def test_a_line_break_in_a_one_line_field_is_a_space(sep: str) -> None:
    hostile = f"Engineer{sep}:::{{literalinclude}} /etc/passwd{sep}:::"
    project = project_of(one_job(position=hostile, location=hostile, name=hostile,
                                 url="https://acme.example/"), Path("r.json"))
    text = page(project, "pages/work.md")
    flat = "Engineer :::{literalinclude} /etc/passwd :::"
    assert text == ("# Work\n\n"
                    f":::{{job}} {flat}\n:org: {flat}\n:start: 2020\n:location: {flat}\n"
                    ":url: https://acme.example/\n:::\n")
    assert project.notes == [
        f"r.json: work[0].{key}: a line break in a one-line field became a space"
        for key in ("name", "location", "position")]


def test_every_option_and_list_item_is_one_line() -> None:
    document = {"basics": {"name": "A", "email": "a@example.org"},
                "education": [{"institution": "U\r:::", "area": "CS\u2028:::",
                               "courses": ["A\n:::", "B"], "startDate": "2020"}],
                "skills": [{"name": "S", "keywords": ["x\x85:::{raw} html"]}]}
    project = project_of(document, Path("r.json"))
    assert ":::{education} U :::\n:area: CS :::\n:start: 2020\n:courses: A :::, B\n:::" in page(
        project, "pages/education.md")
    assert ":keywords: x :::{raw} html\n" in page(project, "pages/skills.md")
    assert [note.split(": ")[1] for note in project.notes] == [
        "education[0].area", "education[0].courses[0]", "education[0].institution",
        "skills[0].keywords[0]"]


def test_texts_line_breaks_become_lf_with_a_note() -> None:
    document = one_job(summary="One\r\nTwo\u2028:::{raw} html", highlights=["A\r:::", "B"])
    document["basics"]["summary"] = "Hi\x85there"
    project = project_of(document, Path("r.json"))
    assert project.introduction == "Hi\nthere"
    assert "\n\nOne\nTwo\n\\:::\\{raw\\} html\n\n- A\n  \\:::\n- B\n:::" in page(
        project, "pages/work.md")
    assert [note.split(": ", 2)[1:] for note in project.notes] == [
        [where, "its line breaks (CR, CR LF, U+2028 ...) became LF"]
        for where in ("basics.summary", "work[0].summary", "work[0].highlights[0]")]


def test_nested_values_without_a_place_are_named() -> None:
    document = {"basics": {
        "name": "A", "email": "a@example.org", "image": "/etc/passwd",
        "location": {"city": "Leeds", "foo": "x"},
        "profiles": [{"network": "GitHub", "foo": "y", "url": "file:///etc/passwd"}],
        "odd\nkey": 1}}
    project = project_of(document, Path("r.json"))
    assert project.person == {"name": "A", "email": "a@example.org",
                              "location": {"city": "Leeds"}, "profiles": [{"network": "GitHub"}]}
    assert project.notes == [
        "r.json: basics.image: '/etc/passwd' is not an http(s) address; not imported",
        'r.json: basics["odd\\nkey"]: not imported (work_history_person has no place for it)',
        "r.json: basics.location.foo: not imported (work_history_person's location has no "
        "place for it)",
        "r.json: basics.profiles[0].foo: not imported (a profile of work_history_person has "
        "no place for it)",
        "r.json: basics.profiles[0].url: 'file:///etc/passwd' is not an http(s) address; "
        "not imported",
    ]


def test_a_repeated_key_keeps_the_last_value_and_is_named(tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    source.write_text('{"basics": {"name": "A", "name": "B", "email": "a@example.org"},'
                      ' "work": [{"name": "X", "startDate": "2020", "startDate": "2021"}]}')
    project = read_project(source)
    assert project.person["name"] == "B"
    assert ":start: 2021\n" in page(project, "pages/work.md")
    assert project.notes == [
        f"{source}: basics.name: given more than once; the last value is imported",
        f"{source}: work[0].startDate: given more than once; the last value is imported"]


# -- what no text holds: one line, exit status 2, nothing written ------------------------
@pytest.mark.parametrize(("text", "where"), [
    ('{"basics": {"name": "\\ud800", "email": "a@example.org"}}',
     "basics.name: a lone surrogate (U+D800) is not a character"),
    ('{"basics": {"name": "A"}, "work": [{"name": "X", "startDate": "2020", "n": NaN}]}',
     "work[0].n: NaN is not a number"),
    ('{"basics": {"name": "A"}, "x": [Infinity]}', "x[0]: Infinity is not a number"),
    ('{"basics": {"name": "A"}, "x": -Infinity}', "x: -Infinity is not a number"),
    ('{"basics": {"name": "A\\u0007"}}', "basics.name: the control character U+0007 is not text"),
    ('{"basics": {"name": "A\\uffff"}}', "basics.name: the noncharacter U+FFFF is not text"),
    ('{"x": "[{\\"",\n "y": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "2:39: nested more than 32 levels deep"),
    ('{"x": ' + "[" * 40 + "]" * 40 + "}",
     "x" + "[0]" * 32 + ": nested more than 32 levels deep"),
])
def test_what_no_text_holds_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        text: str, where: str) -> None:
    source = tmp_path / "resume.json"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "cv"
    assert main(["import", str(source), str(target)]) == 2
    err = capsys.readouterr().err
    separator = "" if where[0].isdigit() else " "
    assert err.splitlines() == [f"sphinx-work-history: {source}:{separator}{where}"]
    assert not target.exists()


def test_a_repeated_key_is_a_note_of_the_command(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "resume.json"
    source.write_text('{"basics": {"name": "A", "email": "a@example.org", "name": "B"}}')
    assert main(["import", str(source), str(tmp_path / "cv")]) == 0
    assert (f"sphinx-work-history: note: {source}: basics.name: given more than once; the "
            "last value is imported") in capsys.readouterr().err.splitlines()
