"""The ``sphinx-work-history`` command: ``new`` and ``import``.

* ``sphinx-work-history new DIR --name "Full Name"`` writes a CV project
  that builds, strictly, in every format;
* ``sphinx-work-history import FILE DIR`` writes the same project with its
  pages and person read from a JSON Resume (.json) or RenderCV (.yaml) file.

Bad input is one line on standard error, naming the file and where in it
(line and column, or a JSON path), and the exit status 2; a folder that
holds anything is written into only with ``--force``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .importers import InputError, Project, read_project
from .scaffold import new_project, write_project

USAGE_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-work-history",
        description="Start a CV written in MyST Markdown and built by Sphinx.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "new", help="make a new CV project in DIR",
        description="Make a new CV project in DIR: conf.py, index.md, a page per section, "
                    "requirements.txt, .readthedocs.yaml, a Makefile, a README and a "
                    ".gitignore. It builds as HTML, ePub, PDF, Word, text and Markdown.")
    new.add_argument("dir", metavar="DIR", type=Path, help="the folder to write (new or empty)")
    new.add_argument("--name", required=True, help="the full name the CV is about")
    new.add_argument("--force", action="store_true",
                     help="write into DIR even if it holds files (replacing those of the "
                          "same name)")
    imp = commands.add_parser(
        "import", help="make a CV project in DIR from a JSON Resume or RenderCV file",
        description="Make a CV project in DIR, as `new` does, with the person and the pages "
                    "read from FILE: JSON Resume v1 (.json) or RenderCV 2 (.yaml, .yml).")
    imp.add_argument("file", metavar="FILE", type=Path, help="resume.json or a RenderCV YAML")
    imp.add_argument("dir", metavar="DIR", type=Path, help="the folder to write (new or empty)")
    imp.add_argument("--force", action="store_true",
                     help="write into DIR even if it holds files (replacing those of the "
                          "same name)")
    return parser


def _run(args: argparse.Namespace) -> Project:
    if args.command == "new":
        if not args.name.strip():
            raise InputError("--name: the name is empty")
        return new_project(args.name)
    return read_project(args.file)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        project = _run(args)
        write_project(project, args.dir, force=args.force)
    except InputError as exc:
        print(f"sphinx-work-history: {exc}", file=sys.stderr)
        return USAGE_ERROR
    for note in project.notes:
        print(f"sphinx-work-history: note: {note}", file=sys.stderr)
    print(f"Wrote a CV project in {args.dir}: build it with `make html` there "
          "(its README lists every format).")
    return 0
