"""Helpers the tests share: reading warnings, finding lines, building test roots."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

_WARNING = re.compile(
    r"^(?P<path>[^\n]+?):(?P<line>\d+): WARNING: (?P<message>.*) "
    r"\[work_history\.(?P<subtype>\w+)\]$", re.MULTILINE)


@dataclass(frozen=True, order=True)
class Warning:
    file: str  # the path's last component
    line: int
    subtype: str
    message: str


def work_history_warnings(stream: str) -> list[Warning]:
    """Every ``work_history.*`` warning in Sphinx's warning output."""
    return [Warning(Path(m["path"]).name, int(m["line"]), m["subtype"], m["message"])
            for m in _WARNING.finditer(strip_colors(stream))]


def other_warnings(stream: str) -> list[str]:
    """Warning lines that are not the extension's own."""
    return [line for line in strip_colors(stream).splitlines()
            if "WARNING" in line and "[work_history." not in line]


def directive_line(path: Path, marker: str) -> int:
    """The line of the directive fence that opens the block holding *marker*."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if marker in line)
    while not lines[index].lstrip(":").startswith("{"):
        index -= 1
    return index + 1


def line_of(path: Path, marker: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if marker in line)


def copy_root(root: Path, dest: Path) -> Path:
    """A writable copy of a test root (tests that edit or build twice need one)."""
    shutil.copytree(root, dest, dirs_exist_ok=True)
    return dest


def build(srcdir: Path, builder: str = "html", **kwargs):
    """Build *srcdir* with Sphinx's test application; return the app (output, warnings)."""
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(builder, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def build_in_subprocess(srcdir: Path, outdir: Path, *args: str) -> str:
    """Build *srcdir* as html in a process of its own; return its warnings.

    For ``-j``: Sphinx forks its workers, and forking the test process
    (where the browser tests leave threads running) can deadlock.
    """
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-T", "-q", "-b", "html", *args, str(srcdir), str(outdir)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stderr


_README_FILE = re.compile(
    r"\*\*`(?P<name>[\w.]+)`\*\*:\s*\n\n(?P<fence>`{3,})\w*\n(?P<text>.*?)\n(?P=fence)\n", re.S)


def readme_example(readme: Path) -> dict[str, str]:
    """The files of the README's complete example, by name: each is a code block
    introduced by its name in bold (**`conf.py`**:)."""
    text = readme.read_text(encoding="utf-8")
    example = text.split("<!-- example: start -->")[1].split("<!-- example: end -->")[0]
    return {m["name"]: m["text"] + "\n" for m in _README_FILE.finditer(example)}
def check_snapshot(expected: Path, got: str) -> None:
    """*got* must equal the snapshot file *expected*.

    With ``UPDATE_SNAPSHOTS=1`` the snapshot is rewritten instead, and the
    test still fails: a rewritten snapshot passes only once a person has
    reviewed the diff and run the tests again without it.
    """
    if os.environ.get("UPDATE_SNAPSHOTS"):
        changed = not expected.exists() or expected.read_text(encoding="utf-8") != got
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(got, encoding="utf-8")
        pytest.fail(f"{'rewrote' if changed else 'kept'} {expected.name} (UPDATE_SNAPSHOTS): "
                    "review `git diff`, then run the tests without UPDATE_SNAPSHOTS",
                    pytrace=False)
    assert expected.exists(), f"no snapshot {expected.name}: run with UPDATE_SNAPSHOTS=1"
    assert got == expected.read_text(encoding="utf-8"), f"{expected.name} differs"


def hypothesis_seed() -> int | None:
    """The seed of the randomised hypothesis tests, or None: derandomised.

    ``HYPOTHESIS_SEED=<n>`` replays a run. Under CI, conftest.py draws a
    fresh seed for each run and prints it in the report's header; elsewhere
    the tests see the same inputs every time.
    """
    value = os.environ.get("HYPOTHESIS_SEED", "").strip()
    return int(value) if value else None


def draw_hypothesis_seed() -> int | None:
    """Under CI with no seed given, draw one (for the whole run); the seed in force."""
    if os.environ.get("CI") and hypothesis_seed() is None:
        import random

        os.environ["HYPOTHESIS_SEED"] = str(random.SystemRandom().randrange(2 ** 32))
    return hypothesis_seed()
