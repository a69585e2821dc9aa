"""The ``sphinx-work-history`` command: its subcommands, the files ``new`` writes, and
bad input as one line (file and where), exit status 2, no traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from sphinx_work_history import __version__
from sphinx_work_history.cli import main

TESTS = Path(__file__).resolve().parent
PACKAGE = Path(__file__).resolve().parent.parent

DATA = TESTS / "data"


def command(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx_work_history", *map(str, args)],
                          capture_output=True, text=True, check=False, cwd=cwd)


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


def test_console_script_is_declared() -> None:
    import tomllib

    scripts = tomllib.loads((PACKAGE / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"sphinx-work-history": "sphinx_work_history.cli:main"}


def test_new_writes_a_project(tmp_path: Path) -> None:
    target = tmp_path / "cv"
    assert main(["new", str(target), "--name", "Ada Lovelace"]) == 0
    found = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert found == [".gitignore", ".readthedocs.yaml", "Makefile", "README.md", "conf.py",
                     "index.md", "pages/education.md", "pages/skills.md", "pages/work.md",
                     "requirements.txt"]
    conf = (target / "conf.py").read_text()
    assert 'project = "Ada Lovelace"' in conf
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
    assert command("new", tmp_path, "--name", "Ada", "--force").returncode == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "conf.py").exists()


def test_readthedocs_config_is_valid(tmp_path: Path) -> None:
    main(["new", str(tmp_path / "cv"), "--name", "Ada"])
    config = yaml.safe_load((tmp_path / "cv" / ".readthedocs.yaml").read_text())
    schema = json.loads((TESTS / "schemas" / "readthedocs-v2.schema.json").read_text())
    jsonschema.validate(config, schema)
    assert config["formats"] == ["epub", "pdf"]
    assert config["sphinx"]["fail_on_warning"] is True


def test_requirements_are_pinned_as_the_package_pins(tmp_path: Path) -> None:
    main(["new", str(tmp_path / "cv"), "--name", "Ada"])
    lines = [line for line in (tmp_path / "cv" / "requirements.txt").read_text().splitlines()
             if line and not line.startswith("#")]
    assert lines[0] == f"sphinx-work-history[all]=={__version__}"
    docs = dict(line.split("==") for line in (PACKAGE / "requirements" / "docs.txt")
                .read_text().splitlines() if "==" in line and not line.startswith("#"))
    for line in lines[1:]:
        name, version = line.split("==")
        assert docs[name] == version, line


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


def test_basics_are_the_person_in_conf_py(tmp_path: Path) -> None:
    import ast

    path = DATA / "jsonresume" / "awkward.resume.json"
    assert main(["import", str(path), str(tmp_path / "cv")]) == 0
    tree = ast.parse((tmp_path / "cv" / "conf.py").read_text())
    person = next(ast.literal_eval(node.value) for node in tree.body
                  if isinstance(node, ast.Assign)
                  and getattr(node.targets[0], "id", "") == "work_history_person")
    basics = json.loads(path.read_text())["basics"]
    assert person == {key: value for key, value in basics.items() if key != "summary"}
    # The summary is the home page's introduction.
    index = (tmp_path / "cv" / "index.md").read_text()
    assert index.startswith("# Ada \\*Star\\* Lovelace\\_\n\nI build \\*databases\\*, not "
                            "\\`toys\\`.\n\nSecond paragraph: ")
