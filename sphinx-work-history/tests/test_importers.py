"""The pages the importers write: MyST as a person writes it."""

from __future__ import annotations

from pathlib import Path

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


def test_markup_is_escaped_and_awkward_values_go_in_a_yaml_block() -> None:
    text = page(read_project(DATA / "jsonresume" / "awkward.resume.json"), "pages/work.md")
    assert ":::{job} Lead *engineer*\n---\norg: '''Quoted'' Ltd'\n" in text
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
    assert talks == "# Talks\n\n- 2\\. Indexes, PGConf 2022\n- 1\\. Caches, PGConf 2019\n"
    assert page(project, "pages/patents.md").endswith(
        "1. A method for indexes\n2. A method for caches\n")
    assert project.person["profiles"] == [
        {"network": "GitHub", "username": "zoe_ob"},
        {"network": "Blog", "url": "https://blog.zoe.example/"}]


def test_rendercv_titles_and_plain_text() -> None:
    assert section_title("selected_honors") == "Selected Honors"
    assert section_title("Work & Volunteering") == "Work & Volunteering"
    assert plain("**[FlashInfer](https://github.com/)** *x*") == (
        "FlashInfer x", "https://github.com/")
