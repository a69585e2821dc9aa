"""The ``sphinx-work-history`` command: its subcommands, the files ``new`` writes, and
bad input as one line (file and where), exit status 2, no traceback."""

from __future__ import annotations

import json
import re
import runpy
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from sphinx_work_history import __version__
from sphinx_work_history.cli.command import main
from sphinx_work_history.cli.package_source import package_requirement
from sphinx_work_history.cli.scaffold import formats

TESTS = Path(__file__).resolve().parent
PACKAGE = Path(__file__).resolve().parent.parent

DATA = TESTS / "data"


def command(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx_work_history", *map(str, args)],
                          capture_output=True, text=True, check=False, cwd=cwd)


# conf.py run as Sphinx runs it (its __file__ set), in a process of its own in the folder
# that holds it; the values it sets, as JSON.
READ_CONF = """
import json, runpy, sys
names = sys.argv[2:]
values = runpy.run_path(sys.argv[1])
print(json.dumps({name: values[name] for name in names}))
"""
CONF_NAMES = ("project", "author", "copyright", "work_history_person", "BOOK_NAME",
              "work_history_cv_basename", "epub_basename", "latex_documents")


def read_conf(project: Path) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-c", READ_CONF, "conf.py", *CONF_NAMES],
                            cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    values: dict[str, Any] = json.loads(result.stdout)
    return values


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("args", [(), ("new",), ("import",)])
def test_help(args: tuple[str, ...]) -> None:
    result = command(*args, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: sphinx-work-history")
    if args:
        assert "DIR" in result.stdout


def test_version_is_pyprojects_one_version() -> None:
    """`--version` prints the version pyproject.toml declares, as the installed metadata
    and the package's __version__ hold it."""
    declared = tomllib.loads((PACKAGE / "pyproject.toml").read_text())["project"]["version"]
    result = command("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"sphinx-work-history {declared}\n"
    assert __version__ == version("sphinx-work-history") == declared


def test_the_changelog_has_a_section_for_the_version() -> None:
    changelog = (PACKAGE / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n")
    sections = re.findall(r"^## \[([^\]]+)\] - (\d{4}-\d{2}-\d{2}|Unreleased)$", changelog,
                          re.MULTILINE)
    assert sections[0][0] == __version__, sections
    assert f"[{__version__}]: " in changelog  # the heading's link


def test_console_script_is_declared() -> None:
    scripts = tomllib.loads((PACKAGE / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"sphinx-work-history": "sphinx_work_history.cli:main"}


def test_new_writes_a_project(tmp_path: Path) -> None:
    target = tmp_path / "cv"
    assert main(["new", str(target), "--name", "Ada Lovelace"]) == 0
    found = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    # The tests run from the source folder (an editable install): the project carries
    # the package's wheel, built from it.
    wheel = f"wheels/sphinx_work_history-{__version__}-py3-none-any.whl"
    assert found == [".gitignore", ".readthedocs.yaml", "Makefile", "README.md", "conf.py",
                     "index.md", "letters/example.md", "pages/education.md",
                     "pages/skills.md", "pages/work.md", "person.json", "requirements.txt", wheel]
    # One example letter, private (in no toctree), and its application.
    assert ":::{letter}" in (target / "letters/example.md").read_text()
    assert "letters/example" not in (target / "index.md").read_text()
    assert '"example": {"letter": "letters/example", ' in (target / "conf.py").read_text()
    assert json.loads((target / "person.json").read_text()) == {"name": "Ada Lovelace"}
    assert read_conf(target)["project"] == "Ada Lovelace"
    conf = (target / "conf.py").read_text()
    assert '"tableofcontents": ""' in conf
    assert '"printindex": ""' in conf
    assert "epub_use_index = False" in conf
    assert (target / "index.md").read_text().startswith("# Ada Lovelace\n")


def test_new_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    line = one_error_line(command("new", tmp_path, "--name", "Ada"))
    assert str(tmp_path) in line
    assert "not empty" in line
    assert "--force" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    result = command("new", tmp_path, "--name", "Ada", "--force")
    assert result.returncode == 0
    assert result.stderr == ""  # it replaced nothing
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "conf.py").exists()


def test_readthedocs_config_is_valid(tmp_path: Path) -> None:
    main(["new", str(tmp_path / "cv"), "--name", "Ada"])
    config = yaml.safe_load((tmp_path / "cv" / ".readthedocs.yaml").read_text())
    schema = json.loads((TESTS / "schemas" / "readthedocs-v2.schema.json").read_text())
    jsonschema.validate(config, schema)
    assert config["formats"] == ["epub", "pdf"]
    # Read the Docs' output is in the checkout, and holds the CV as Markdown once the
    # build copied it there: a later build (make applications) must not read it as a page.
    conf = runpy.run_path(str(tmp_path / "cv" / "conf.py"))
    assert "_readthedocs" in conf["exclude_patterns"]
    assert config["sphinx"]["fail_on_warning"] is True
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]
    # The PDF download is the CV through cv-pdf: Read the Docs needs no TeX for it.
    pdf = config["build"]["jobs"]["build"]["pdf"]
    assert "-b cv-pdf" in pdf[0]
    assert pdf[-1].endswith('"$READTHEDOCS_OUTPUT/pdf/"')
    assert not [p for p in config["build"]["apt_packages"] if "tex" in p]
    # The applications are built, to check them, outside what Read the Docs publishes.
    post_build = config["build"]["jobs"]["post_build"]
    assert "make applications" in post_build
    assert not [c for c in post_build if "application" in c and "READTHEDOCS_OUTPUT" in c]
    makefile = (tmp_path / "cv" / "Makefile").read_text()
    assert "all: $(FORMATS) applications\n" in makefile
    assert "-b $$builder . _build/applications " in makefile


def test_requirements_name_the_wheel_the_project_carries(tmp_path: Path) -> None:
    """Run from its source folder (an editable install, as the tests are), the command
    puts the package's wheel in the project and requires it by path, with the `all`
    extra; the other requirements are pinned as the package's docs pin them."""
    main(["new", str(tmp_path / "cv"), "--name", "Ada"])
    lines = [line for line in (tmp_path / "cv" / "requirements.txt").read_text().splitlines()
             if line and not line.startswith("#")]
    name = f"sphinx_work_history-{__version__}-py3-none-any.whl"
    assert lines[0] == f"./wheels/{name}[all]" == package_requirement().line
    with zipfile.ZipFile(tmp_path / "cv" / "wheels" / name) as wheel:
        metadata = wheel.read(f"sphinx_work_history-{__version__}.dist-info/METADATA")
        module = wheel.read("sphinx_work_history/cli/package_source.py")
    assert f"\nVersion: {__version__}\n".encode() in metadata
    assert module == (PACKAGE / "src/sphinx_work_history/cli/package_source.py").read_bytes()
    docs = dict(line.split("==") for line in (PACKAGE / "requirements" / "docs.txt")
                .read_text().splitlines() if "==" in line and not line.startswith("#"))
    for line in lines[1:]:
        name, pinned = line.split("==")
        assert docs[name] == pinned, line


def test_git_keeps_the_wheel_a_global_ignore_file_would_leave_out(tmp_path: Path) -> None:
    """Read the Docs installs from what the repository holds: the project's wheel is
    committed, even where the author's own ignore file leaves out every wheel."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("no git")
    main(["new", str(tmp_path / "cv"), "--name", "Ada"])
    (tmp_path / "global-ignore").write_text("*.whl\n_build/\n")
    subprocess.run([git, "init", "-q", "."], cwd=tmp_path / "cv", check=True)
    checked = subprocess.run(
        [git, "-c", f"core.excludesFile={tmp_path / 'global-ignore'}", "status",
         "--porcelain", "--untracked-files=all"], cwd=tmp_path / "cv", capture_output=True,
        text=True, check=True).stdout
    (wheel,) = (tmp_path / "cv" / "wheels").glob("*.whl")
    assert f"?? wheels/{wheel.name}" in checked.splitlines()


def test_the_readme_lists_every_make_target(tmp_path: Path) -> None:
    """The README names each target: `make all`'s formats (cv-pdf among them) and
    latexpdf, which is not one of them."""
    main(["new", str(tmp_path / "cv"), "--name", "Ada"])
    readme = (tmp_path / "cv" / "README.md").read_text()
    assert "cv-pdf" in formats()
    for target in [*formats(), "all", "latexpdf"]:
        assert f"`make {target}`" in readme, target


# -- bad input ------------------------------------------------------------------
def test_a_json_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "resume.json"
    text = '{\n  "basics": {"name": "Ada",}\n}\n'
    bad.write_text(text)
    # Where this Python's JSON reader stops: at the comma (3.13) or just after it (3.11).
    with pytest.raises(json.JSONDecodeError) as error:
        json.loads(text)
    assert error.value.lineno == 2
    assert error.value.colno in (27, 28)
    line = one_error_line(command("import", bad, tmp_path / "out"))
    assert re.search(rf"{re.escape(str(bad))}:2:{error.value.colno}: ", line), line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("document", "where"), [
    ({"work": [{"name": "A", "startDate": "2020/01"}]}, "work[0].startDate"),
    ({"work": [{"name": "A", "startDate": "2020-13"}]}, "work[0].startDate"),
    ({"basics": {"profiles": [{"url": 7}]}}, "basics.profiles[0].url"),
    ({"skills": [{"name": "SQL", "keywords": "SQL"}]}, "skills[0].keywords"),
    ({"education": {"institution": "U"}}, "education"),
])
def test_a_value_the_schema_refuses_gives_its_path(tmp_path: Path, document, where) -> None:
    bad = tmp_path / "resume.json"
    bad.write_text(json.dumps(document))
    line = one_error_line(command("import", bad, tmp_path / "out"))
    assert line.startswith(f"sphinx-work-history: {bad}: {where}: "), line


def test_a_yaml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "cv.yaml"
    bad.write_text("cv:\n  name: Ada\n  sections:\n    work: [a, b\n")
    line = one_error_line(command("import", bad, tmp_path / "out"))
    assert re.search(rf"{re.escape(str(bad))}:5:1: ", line), line


@pytest.mark.parametrize(("text", "message"), [
    ("- just a list\n", "no 'cv' mapping"),
    ("cv:\n  sections:\n    Work:\n      - {foo: bar}\n", "cv.sections.Work[0]: not one of"),
    ("cv:\n  sections: [a]\n", "cv.sections: not a mapping"),
])
def test_a_file_that_is_not_rendercv(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "cv.yml"
    bad.write_text(text)
    line = one_error_line(command("import", bad, tmp_path / "out"))
    assert message in line
    assert str(bad) in line


@pytest.mark.parametrize("name", ["cv.txt", "missing.json"])
def test_a_file_that_cannot_be_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".txt"):
        path.write_text("x")
    line = one_error_line(command("import", path, tmp_path / "out"))
    assert str(path) in line


def test_import_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "conf.py").write_text("# mine\n")
    line = one_error_line(command("import", DATA / "jsonresume" / "minimal.resume.json",
                                  tmp_path / "out"))
    assert "not empty" in line
    assert (tmp_path / "out" / "conf.py").read_text() == "# mine\n"


def test_basics_are_the_person_in_person_json(tmp_path: Path) -> None:
    path = DATA / "jsonresume" / "awkward.resume.json"
    assert main(["import", str(path), str(tmp_path / "cv")]) == 0
    text = (tmp_path / "cv" / "person.json").read_text(encoding="utf-8")
    person = json.loads(text)
    basics = json.loads(path.read_text())["basics"]
    assert person == {key: value for key, value in basics.items() if key != "summary"}
    assert text == json.dumps(person, ensure_ascii=False, indent=2) + "\n"
    # conf.py reads it: the name is the author, the rest the person.
    conf = read_conf(tmp_path / "cv")
    assert conf["author"] == conf["project"] == basics["name"]
    assert conf["work_history_person"] == {k: v for k, v in person.items() if k != "name"}
    # The summary is the home page's introduction.
    index = (tmp_path / "cv" / "index.md").read_text()
    assert index.startswith("# Ada \\*Star\\* Lovelace\\_\n\nI build \\*databases\\*, not "
                            "\\`toys\\`.\n\nSecond paragraph: ")


# -- the input is data, never code or markup --------------------------------------
HOSTILE_NAMES = [
    '"""; import os; os.system("touch PWNED") #',
    "'''; import os; os.system('touch PWNED') #",
    "\\N{x}",
    "\\x",
    "Ada \\",
    "{project} ${author} $$ }{ %s",
    "Ada\nimport os; os.system('touch PWNED')",
    "Ada\r\n# Lovelace",
    "Ada\x00 \x1b[31mLovelace\u2028",  # (no command line holds a NUL: main() takes it)
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_conf_py_holds_no_value_of_the_name(tmp_path: Path, name: str) -> None:
    plain, hostile = tmp_path / "plain", tmp_path / "hostile"
    assert main(["new", str(plain), "--name", "Ada Lovelace"]) == 0
    assert main(["new", str(hostile), "--name", name]) == 0
    conf = read_conf(hostile)
    assert conf["author"] == conf["project"] == conf["copyright"] == name
    assert json.loads((hostile / "person.json").read_text(encoding="utf-8")) == {"name": name}
    assert not list(tmp_path.rglob("PWNED"))
    # conf.py is the template's text: only the file name, letters and hyphens, differs.
    ours, theirs = ((folder / "conf.py").read_text().splitlines() for folder in (plain, hostile))
    assert [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b] in (
        [], [('BOOK_NAME = "ada-lovelace-cv"', f'BOOK_NAME = "{conf["BOOK_NAME"]}"')])
    assert re.fullmatch(r"[a-z0-9-]+", conf["BOOK_NAME"])


def test_conf_py_holds_no_value_of_an_imported_person(tmp_path: Path) -> None:
    hostile = '"""; import os; os.system("touch PWNED") #'
    document = {"basics": {"name": hostile, "label": hostile + " {x}", "email": "a@example.org",
                           "location": {"city": "\\N{x}"}}}
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(path), str(tmp_path / "cv")]) == 0
    conf = read_conf(tmp_path / "cv")
    assert conf["author"] == hostile
    assert conf["work_history_person"] == {k: v for k, v in document["basics"].items()
                                           if k != "name"}
    source = (tmp_path / "cv" / "conf.py").read_text()
    assert "PWNED" not in source
    assert "\\N{x}" not in source
    assert not list(tmp_path.rglob("PWNED"))


def test_a_name_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "sphinx_work_history", "new",
                             str(tmp_path / "cv"), "--name", b"Ada \xff"],
                            capture_output=True, text=True, check=False)
    assert one_error_line(result) == "sphinx-work-history: --name: not UTF-8 text"
    assert list(tmp_path.iterdir()) == []


def rendered(markdown: str) -> BeautifulSoup:
    """The HTML CommonMark makes of *markdown* (as GitHub shows a README; MyST reads
    inline markup as CommonMark does)."""
    return BeautifulSoup(MarkdownIt("commonmark").render(markdown), "html.parser")


@pytest.mark.parametrize("name", [
    "Ada [Lovelace](https://example.org/phish)",
    "Ada ![me](https://example.org/track.png)",
    "Ada <script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "Ada <https://example.org/>",
    "Ada\n# Injected\n<script>alert(1)</script>",
    "Ada\r[x](https://example.org/)",
    "  *Ada* {role}`x` $x$ & &amp; ",
])
def test_markdown_files_show_the_name_as_text(tmp_path: Path, name: str) -> None:
    target, plain = tmp_path / "cv", tmp_path / "plain"
    assert main(["new", str(target), "--name", name]) == 0
    assert main(["new", str(plain), "--name", "Ada Lovelace"]) == 0
    for page, heading in (("README.md", f"{name}'s CV"), ("index.md", name)):
        html, plain_html = (rendered((folder / page).read_text(encoding="utf-8"))
                            for folder in (target, plain))
        # The same elements, links and all, as with a plain name: the name adds none.
        assert ([(tag.name, tag.attrs) for tag in html.find_all(True)]
                == [(tag.name, tag.attrs) for tag in plain_html.find_all(True)]), page
        assert html.h1.get_text() == heading, page
    # The other files hold no value of the input.
    for other in (".readthedocs.yaml", "Makefile", "requirements.txt", ".gitignore"):
        assert (target / other).read_bytes() == (plain / other).read_bytes()


def test_a_long_name_makes_a_short_file_name(tmp_path: Path) -> None:
    name = " ".join(["Hubert", "Blaine", "Wolfeschlegelsteinhausenbergerdorff"] * 6)
    assert len(name) > 290
    target = tmp_path / "cv"
    assert main(["new", str(target), "--name", name]) == 0
    conf = read_conf(target)
    basename = conf["work_history_cv_basename"]
    assert basename == conf["epub_basename"] == conf["latex_documents"][0][1].removesuffix(
        ".tex")
    # Cut at a hyphen, at most 60 characters before "-cv": whole words of the name.
    stem = basename.removesuffix("-cv")
    assert stem == "hubert-blaine-wolfeschlegelsteinhausenbergerdorff-hubert"
    assert conf["author"] == name
    assert (target / "index.md").read_text().startswith(f"# {name}\n")


def test_the_makefile_gives_each_format_its_own_doctrees(tmp_path: Path) -> None:
    make = shutil.which("make")
    if make is None:
        pytest.skip("no make")
    target = tmp_path / "cv"
    assert main(["new", str(target), "--name", "Ada"]) == 0
    result = subprocess.run([make, "-n", "-j", "all"], cwd=target, capture_output=True,
                            text=True, check=True)
    commands = [line.split() for line in result.stdout.splitlines() if " -M " in line]
    assert sorted(command[command.index("-M") + 1] for command in commands) == sorted(formats())
    doctrees = [command[command.index("-d") + 1] for command in commands]
    assert sorted(doctrees) == sorted(f"_build/doctrees-{f}" for f in formats())
    # No format of `make all` needs TeX; Sphinx's LaTeX PDF is a target of its own.
    assert "latexpdf" not in formats()
    latexpdf = subprocess.run([make, "-n", "latexpdf"], cwd=target, capture_output=True,
                              text=True, check=True).stdout.split()
    assert latexpdf[latexpdf.index("-M") + 1] == "latexpdf"
