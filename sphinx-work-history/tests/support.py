"""Helpers the tests share: reading warnings, finding lines, building test roots."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

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
