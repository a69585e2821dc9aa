"""The ``sphinx-work-history`` command: ``new``, ``import`` and ``live``.

* ``sphinx-work-history new DIR --name "Full Name"`` writes a CV project
  that builds, strictly, in every format;
* ``sphinx-work-history import FILE DIR`` writes the same project with its
  pages and person read from a JSON Resume (.json) or RenderCV (.yaml) file,
  and the photo the file names by its web address (importers/photo.py);
* ``sphinx-work-history live SOURCEDIR OUTDIR`` builds the CV, then again on each
  save, in one process (live.py);
* ``sphinx-work-history --version`` prints the package's version (pyproject.toml's,
  as the installed metadata holds it: ``__version__``).

Bad input is one line on standard error, naming the file and where in it
(line and column, or a JSON path), and the exit status 2; so is a folder
the project cannot go in, or a failure while writing it, which leaves the
folder as it was (the project is written whole or not at all). A folder
that holds anything is written into only with ``--force``, which names
each file it replaces and keeps it in a backup folder.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..importers import InputError, Project, read_project
from ..importers.photo import store_photo
from . import live
from .project_folder import BACKUP
from .scaffold import new_project, write_project

USAGE_ERROR = 2
INTERRUPTED = 130  # as a shell gives a command Ctrl-C stopped
FORCE_HELP = ("write into DIR even if it holds files: each file it replaces (one of the "
              f"project's names) is named, and moved into DIR/{BACKUP}/<time>/ first; the "
              "others stay as they are, and index.md's toctree lists every page there")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-work-history",
        description="Start a CV written in MyST Markdown and built by Sphinx.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "new", help="make a new CV project in DIR",
        description="Make a new CV project in DIR: person.json (the person, as data), "
                    "conf.py, index.md, a page per section, requirements.txt (and the "
                    "package's wheel in wheels/, when it was not installed from an index), "
                    ".readthedocs.yaml, a Makefile, a README and a .gitignore. It builds as "
                    "HTML, ePub, PDF, Word, text and Markdown.")
    new.add_argument("dir", metavar="DIR", type=Path, help="the folder to write (new or empty)")
    new.add_argument("--name", required=True, help="the full name the CV is about")
    new.add_argument("--force", action="store_true", help=FORCE_HELP)
    imp = commands.add_parser(
        "import", help="make a CV project in DIR from a JSON Resume, RenderCV or ORCID file",
        description="Make a CV project in DIR, as `new` does, with the person and the pages "
                    "read from FILE: JSON Resume v1 (.json), RenderCV 2 (.yaml, .yml) or an "
                    "ORCID record (.json, as ORCID's API v3.0 gives /{id}/record).")
    imp.add_argument("file", metavar="FILE", type=Path,
                     help="resume.json, a RenderCV YAML or an ORCID record")
    imp.add_argument("dir", metavar="DIR", type=Path, help="the folder to write (new or empty)")
    imp.add_argument("--force", action="store_true", help=FORCE_HELP)
    live.add_parser(commands)
    return parser


def _run(args: argparse.Namespace) -> Project:
    if args.command == "new":
        if not args.name.strip():
            raise InputError("--name: the name is empty")
        try:
            args.name.encode("utf-8")
        except UnicodeEncodeError:  # bytes the system could not read as text
            raise InputError("--name: not UTF-8 text") from None
        return new_project(args.name)
    project = read_project(args.file)
    store_photo(project)
    return project


def main(argv: Sequence[str] | None = None) -> int:
    # A path or a name the terminal's encoding cannot hold is shown escaped: no traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    if args.command == "live":
        return live.run(args)
    try:
        project = _run(args)
        written = write_project(project, args.dir, force=args.force)
    except InputError as exc:
        print(f"sphinx-work-history: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except OSError as exc:  # one the writing did not expect: said as the rest
        print(f"sphinx-work-history: {exc.filename or args.dir}: {exc.strerror or exc}; "
              "nothing written", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:  # the writing undid itself
        print(f"sphinx-work-history: {args.dir}: interrupted; nothing written",
              file=sys.stderr)
        return INTERRUPTED
    for note in project.notes + written.notes:
        print(f"sphinx-work-history: note: {note}", file=sys.stderr)
    for replaced in written.replaced:
        print(f"sphinx-work-history: note: replaced {args.dir / replaced.path}; the old one "
              f"is kept as {replaced.kept_as}", file=sys.stderr)
    print(f"Wrote a CV project in {args.dir}: build it with `make all` there "
          "(its README lists every format).")
    return 0
