"""Where ``new`` and ``import`` write: the project whole or not at all, a folder it cannot
go in said in one line, and ``--force`` keeping each file it replaces and every page."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sphinx_work_history.cli.command import main
from sphinx_work_history.cli.scaffold import write_project
from sphinx_work_history.importers import InputError, Project

BACKUP = ".sphinx-work-history-backup"
NOTE = "sphinx-work-history: note: "


def command(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx_work_history", *map(str, args)],
                          capture_output=True, text=True, check=False)


def one_error_line(code: int, stderr: str) -> str:
    assert code == 2
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def snapshot(folder: Path) -> dict[str, Any]:
    """Everything under *folder*: each path's kind and content (a link's target)."""
    out: dict[str, Any] = {}
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(root, name)
            key = str(path.relative_to(folder))
            if path.is_symlink():
                out[key] = ("link", os.readlink(path))
            elif path.is_dir():
                out[key] = ("folder",)
            else:
                out[key] = ("file", path.read_bytes(), path.stat().st_mtime_ns)
    return out


# -- folders the project cannot go in ---------------------------------------------
def _file(tmp: Path) -> Path:
    (tmp / "cv").write_text("mine")
    return tmp / "cv"


def _dangling_link(tmp: Path) -> Path:
    (tmp / "cv").symlink_to(tmp / "elsewhere")
    return tmp / "cv"


def _link_to_a_file(tmp: Path) -> Path:
    (tmp / "notes.txt").write_text("mine")
    (tmp / "cv").symlink_to(tmp / "notes.txt")
    return tmp / "cv"


def _under_a_file(tmp: Path) -> Path:
    (tmp / "notes.txt").write_text("mine")
    return tmp / "notes.txt" / "cv"


def _under_a_dangling_link(tmp: Path) -> Path:
    (tmp / "gone").symlink_to(tmp / "elsewhere")
    return tmp / "gone" / "sub" / "cv"


def _name_too_long(tmp: Path) -> Path:
    return tmp / ("x" * 300)


@pytest.mark.parametrize(("make", "says"), [
    (_file, "not a folder"),
    (_dangling_link, "which is not there"),
    (_link_to_a_file, "not a folder"),
    (_under_a_file, "notes.txt is not a folder"),
    (_under_a_dangling_link, "which is not there"),
    (_name_too_long, "File name too long"),
], ids=lambda value: getattr(value, "__name__", "")[1:] or None)
def test_a_folder_the_project_cannot_go_in(tmp_path: Path, make: Callable[[Path], Path],
                                           says: str) -> None:
    target = make(tmp_path)
    before = snapshot(tmp_path)
    result = command("new", target, "--name", "Ada")
    line = one_error_line(result.returncode, result.stderr)
    assert line.startswith(f"sphinx-work-history: {target}") or str(tmp_path) in line, line
    assert says in line
    assert snapshot(tmp_path) == before


def as_someone_else() -> list[str]:
    """The command's prefix that runs it as a user a folder's mode stops: none for any
    user but root; root's, as nobody."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root writes into a folder whatever its mode, and there is no setpriv "
                    "to run the command as another user")
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import sphinx_work_history"],
                           capture_output=True, text=True, check=False)
    if probe.returncode:  # an interpreter under root's home (pyenv's shared libpython)
        pytest.skip(f"this Python cannot run as nobody: {probe.stderr.strip()[:200]}")
    return prefix


@pytest.mark.parametrize("where", ["parent", "folder"])
def test_a_folder_that_cannot_be_written(where: str) -> None:
    prefix = as_someone_else()
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o777)  # nobody may read it, and write into it
        locked = Path(tmp, "locked")
        locked.mkdir(mode=0o555)
        locked.chmod(0o555)
        target = locked / "cv" if where == "parent" else locked
        result = subprocess.run([*prefix, sys.executable, "-m", "sphinx_work_history", "new",
                                 str(target), "--name", "Ada"],
                                capture_output=True, text=True, check=False)
        line = one_error_line(result.returncode, result.stderr)
        assert line == (f"sphinx-work-history: {locked}: Permission denied; nothing written")
        assert list(locked.iterdir()) == []
        assert sorted(os.listdir(tmp)) == ["locked"]


def test_a_permission_error_is_one_line(tmp_path: Path, monkeypatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """As a folder that cannot be written gives it to anyone but root (the tests' user
    may be root, whom no mode stops)."""
    real_mkdir = os.mkdir

    def mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if str(tmp_path) in os.fsdecode(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    assert main(["new", str(tmp_path / "a" / "cv"), "--name", "Ada"]) == 2
    line = one_error_line(2, capsys.readouterr().err)
    assert re.fullmatch(rf"sphinx-work-history: {re.escape(str(tmp_path / 'a'))}: Permission "
                        "denied; nothing written", line), line
    assert list(tmp_path.iterdir()) == []


def test_missing_parents_are_made(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "a" / "b" / "cv"), "--name", "Ada"]) == 0
    assert (tmp_path / "a" / "b" / "cv" / "conf.py").is_file()


def test_a_link_to_an_empty_folder_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "cv").symlink_to(tmp_path / "real")
    assert main(["new", str(tmp_path / "cv"), "--name", "Ada"]) == 0
    assert (tmp_path / "cv").is_symlink()
    assert (tmp_path / "real" / "conf.py").is_file()


# -- whole or not at all ----------------------------------------------------------
def failing_writes(monkeypatch, after: int, error: BaseException) -> None:
    """Opening a file to write raises *error* once *after* files have been written."""
    real_open = io.open
    count = [0]

    def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(m in mode for m in "wxa"):
            count[0] += 1
            if count[0] > after:
                if isinstance(error, OSError):
                    error.filename = os.fsdecode(file)
                raise error
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", open_)


def test_a_full_disk_leaves_no_half_project(tmp_path: Path, monkeypatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new" / "cv"
    failing_writes(monkeypatch, 4, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert main(["new", str(target), "--name", "Ada"]) == 2
    line = one_error_line(2, capsys.readouterr().err)
    assert re.fullmatch(rf"sphinx-work-history: {re.escape(str(target))}/\S+: No space left "
                        "on device; nothing written", line), line
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    # Nothing is left to make the next run say "not empty".
    assert main(["new", str(target), "--name", "Ada"]) == 0


def test_an_empty_folder_stays_empty(tmp_path: Path, monkeypatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    failing_writes(monkeypatch, 2, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert main(["new", str(tmp_path), "--name", "Ada"]) == 2
    one_error_line(2, capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    assert main(["new", str(tmp_path), "--name", "Ada"]) == 0


def test_an_exception_leaves_no_half_project(tmp_path: Path, monkeypatch) -> None:
    failing_writes(monkeypatch, 3, RuntimeError("a bug"))
    with pytest.raises(RuntimeError):
        main(["new", str(tmp_path / "cv"), "--name", "Ada"])
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_leaves_no_half_project(tmp_path: Path, monkeypatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    failing_writes(monkeypatch, 3, KeyboardInterrupt())
    assert main(["new", str(tmp_path / "cv"), "--name", "Ada"]) == 130
    assert capsys.readouterr().err == (f"sphinx-work-history: {tmp_path / 'cv'}: interrupted; "
                                       "nothing written\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("how", ["new", "import"])
def test_a_lone_surrogate_leaves_no_half_project(tmp_path: Path, how: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON escape (or bytes a system could not read as UTF-8) can give a string a
    character UTF-8 cannot hold."""
    target = tmp_path / "out" / "cv"
    if how == "new":
        with pytest.raises(InputError) as error:
            write_project(Project(name="Ada \udcff", person={}), target)
        line = str(error.value)
        assert line.startswith(f"{target / 'person.json'}: U+DCFF cannot be written as UTF-8")
    else:
        source = tmp_path / "resume.json"
        source.write_text('{"basics": {"name": "Ada", "label": "x \\udcff"}}')
        assert main(["import", str(source), str(target)]) == 2
        line = one_error_line(2, capsys.readouterr().err)
        assert str(source) in line or str(target) in line
    assert not (tmp_path / "out").exists()


def test_a_forced_write_that_fails_leaves_the_folder_as_it_was(
        tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text("# mine\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "work.md").write_text("# My work\n")
    (tmp_path / "notes.md").write_text("# Notes\n")
    before = snapshot(tmp_path)
    # Each file is in the staging folder by now; one of the moves into place fails.
    real_rename = os.rename
    count = [0]

    def rename(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        count[0] += 1
        if count[0] == 6:
            raise OSError(errno.EIO, os.strerror(errno.EIO), os.fsdecode(source))
        real_rename(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    assert main(["new", str(tmp_path), "--name", "Ada", "--force"]) == 2
    one_error_line(2, capsys.readouterr().err)
    assert count[0] > 6  # the moves done were undone
    assert snapshot(tmp_path) == before


# -- --force ----------------------------------------------------------------------
MINE = {
    "conf.py": "# my configuration\n",
    "index.md": "# My home\n\n```{toctree}\ntalks\n```\n",
    "pages/work.md": "# My work\n",
    "Makefile": "# my Makefile\n",
}
UNTOUCHED = {
    "talks.md": "# Talks\n",
    "pages/blog.md": "# Blog\n",
    "writing/essays/one.md": "# One\n",
    "writing/README.md": "# About my writing\n",
    "notes.txt": "mine\n",
    "README.md": "# My README, not a page\n",
    "_build/html/x.md": "built\n",
    ".venv/lib/x.md": "a package's\n",
    ".github/ISSUE.md": "hidden\n",
}


@pytest.fixture
def forced(tmp_path: Path) -> tuple[Path, int, str, dict[str, Any]]:
    """A folder of the author's files, then ``new --force`` into it: the folder, the exit
    status, standard error and the untouched files' snapshot before."""
    folder = tmp_path / "cv"
    for relative, text in {**MINE, **UNTOUCHED}.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text)
    before = snapshot(folder)
    result = command("new", folder, "--name", "Ada", "--force")
    return folder, result.returncode, result.stderr, before


def test_force_names_each_file_it_replaces_and_keeps_it(forced) -> None:
    folder, code, stderr, _ = forced
    assert code == 0
    kept = {}
    for line in stderr.splitlines():
        found = re.fullmatch(rf"{NOTE}replaced {re.escape(str(folder))}/(\S+); the old one is "
                             rf"kept as {re.escape(str(folder))}/({BACKUP}/[^/]+/\S+)", line)
        assert found, line
        kept[found[1]] = found[2]
    # README.md is one of the project's files too.
    assert sorted(kept) == sorted([*MINE, "README.md"])
    for relative, backup in kept.items():
        assert backup.endswith("/" + relative)
        assert (folder / backup).read_text() == {**MINE, **UNTOUCHED}[relative]
        assert (folder / relative).read_text() != (folder / backup).read_text()


def test_force_leaves_the_other_files_untouched(forced) -> None:
    folder, code, _, before = forced
    assert code == 0
    after = snapshot(folder)
    for relative in UNTOUCHED:
        if relative != "README.md":
            assert after[relative] == before[relative], relative


def test_force_keeps_every_page_in_the_toctree(forced) -> None:
    folder, code, _, _ = forced
    assert code == 0
    index = (folder / "index.md").read_text()
    entries = index.split(":hidden:\n\n")[1].split("\n:::")[0].splitlines()
    assert entries == ["pages/work", "pages/education", "pages/skills",
                       "pages/blog", "talks", "writing/README", "writing/essays/one"]


def test_force_twice(forced) -> None:
    """The second run finds its own files: it replaces only what differs, and the first
    run's backups are no pages."""
    folder, code, _, _ = forced
    assert code == 0
    first = (folder / "index.md").read_text()
    result = command("new", folder, "--name", "Ada", "--force")
    assert result.returncode == 0
    assert result.stderr == ""
    assert (folder / "index.md").read_text() == first
    result = command("new", folder, "--name", "Ada Lovelace", "--force")
    assert result.returncode == 0
    replaced = sorted(re.findall(r"replaced \S+/([^/\s]+);", result.stderr))
    assert replaced == ["README.md", "conf.py", "index.md", "person.json"]
    assert len(list((folder / BACKUP).iterdir())) == 2
