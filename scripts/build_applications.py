#!/usr/bin/env python3
"""Build each application's letter and CV (`make applications`).

    scripts/build_applications.py [--builddir _build] [--outdir DIR]
                                  [--applications NAME ...] [--python PYTHON]
                                  [--srcdir DIR]

For each application of conf.py (work_history_applications), sphinx-work-history's
``cv-pdf``, ``cv-docx``, ``cv-text`` and ``cv-markdown`` builders (strict, as
`make` runs them) with ``-D work_history_application=NAME``: the CV of its
variant, ``BOOK-cv-NAME``, and its letter, ``BOOK-letter-NAME``, in each format.
They go to ``<builddir>/applications/`` (or --outdir): never to the CV's folder
that `make dist` publishes. A build that fails prints its messages, copies
nothing, and the script exits 1.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from site_config import PROJECT, applications, book_name, read_conf
from sphinx_work_history.config.applications import application_file

STRICT = ["-W", "--keep-going", "-n", "-T", "-q"]
BUILDERS = {"cv-pdf": ".pdf", "cv-docx": ".docx", "cv-text": ".txt", "cv-markdown": ".md"}


def build_one(python: str, srcdir: Path, application: str, book: str, work: Path,
              outdir: Path) -> list[str]:
    """Every format of one application; what went wrong, if anything."""
    failures = []
    for builder, suffix in BUILDERS.items():
        build_dir = work / f"{builder}-{application}"
        shutil.rmtree(build_dir, ignore_errors=True)
        names = [application_file(book, part, application) + suffix for part in ("cv", "letter")]
        for name in names:
            (outdir / name).unlink(missing_ok=True)  # never a stale file
        sphinx = subprocess.run(
            [python, "-m", "sphinx", *STRICT, "-b", builder, "-d",
             str(work / f"doctrees-{application}"), "-D",
             f"work_history_application={application}", str(srcdir), str(build_dir)],
            cwd=srcdir, capture_output=True, text=True, check=False)
        if sphinx.returncode != 0:
            failures.append(f"{application} ({builder}): the build failed\n"
                            f"{sphinx.stdout}{sphinx.stderr}")
            continue
        for name in names:
            shutil.copyfile(build_dir / name, outdir / name)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--builddir", type=Path, default=PROJECT / "_build")
    parser.add_argument("--outdir", type=Path,
                        help="where the files go (default: BUILDDIR/applications)")
    parser.add_argument("--applications", nargs="*",
                        help="the applications to build (default: every one in conf.py)")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--srcdir", type=Path, default=PROJECT,
                        help="the Sphinx project (default: this site)")
    args = parser.parse_args(argv)

    srcdir = args.srcdir.resolve()
    conf = read_conf(srcdir)
    book = book_name(conf)
    declared = list(applications(conf))
    wanted = declared if args.applications is None else args.applications
    unknown = [name for name in wanted if name not in declared]
    if unknown:
        parser.error(f"unknown applications {unknown}; conf.py declares {declared}")
    work = args.builddir / "applications-work"
    outdir = args.outdir or args.builddir / "applications"
    work.mkdir(parents=True, exist_ok=True)
    outdir.mkdir(parents=True, exist_ok=True)
    failures = [f for name in wanted for f in build_one(args.python, srcdir, name, book,
                                                           work, outdir)]
    for failure in failures:
        print(failure, file=sys.stderr)
    if not wanted:
        print("conf.py declares no application (work_history_applications)")
    for name in wanted:
        print(f"{name}: {outdir}/{application_file(book, 'letter', name)}.* and "
              f"{application_file(book, 'cv', name)}.*")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
