#!/usr/bin/env python3
"""Build the CV's PDFs: the full CV, each variant and each application of conf.py
(`make cv`).

    scripts/build_cv.py [--builddir _build] [--outdir DIR]
                        [--variants NAME ... | --variants-only]
                        [--applications [NAME ...]]
                        [--jobs N] [--python PYTHON] [--srcdir DIR]

For each, sphinx-work-history's ``cv-pdf`` builder (strict, as `make` runs
it; a variant with ``-D work_history_variant=NAME``, an application with
``-D work_history_application=NAME``): the CV through Typst, in the Sphinx
process, with no TeX program. The PDFs go to ``<builddir>/cv/``:
``BOOK.pdf`` and ``BOOK-NAME.pdf`` (or to --outdir), BOOK being
``work_history_cv_basename`` (scripts/site_config.py), and for each
application (work_history_applications) its CV and its letter,
``BOOK-cv-NAME.pdf`` and ``BOOK-letter-NAME.pdf``. The applications are built
when no variant is chosen (--variants, --variants-only), or as --applications
names them (none: every one). They are private: `make dist` copies the full
CV and the variants only (site_config.py's ``published``). Each build has its
own output and doctree folders, so the builds can run side by side (--jobs).
A PDF past its page budget fails its build: the script prints the message,
copies no PDF for it, and exits 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from site_config import PROJECT, applications, book_name, pdf_name, read_conf, variants
from sphinx_work_history.config.applications import application_file

STRICT = ["-W", "--keep-going", "-n", "-T", "-q"]


@dataclass(frozen=True)
class Build:
    """One cv-pdf build: its name, its -D override, and the PDFs it makes, each as
    (the builder's file name, the name it is copied to)."""

    name: str
    override: tuple[str, ...]
    pdfs: tuple[tuple[str, str], ...]

    @classmethod
    def of_variant(cls, book: str, variant: str) -> Build:
        """The full CV ('') or a variant: the builder writes BOOK.pdf."""
        override = ("-D", f"work_history_variant={variant}") if variant else ()
        return cls(variant or "full", override, ((f"{book}.pdf", pdf_name(book, variant)),))

    @classmethod
    def of_application(cls, book: str, application: str) -> Build:
        """An application: the builder writes its CV and its letter, each named after it."""
        names = (application_pdf(book, part, application) for part in ("cv", "letter"))
        return cls(f"application-{application}",
                   ("-D", f"work_history_application={application}"),
                   tuple((name, name) for name in names))


def application_pdf(book: str, part: str, application: str) -> str:
    """The file name of an application's CV (*part* "cv") or letter ("letter")."""
    return application_file(book, part, application) + ".pdf"


def build_one(python: str, srcdir: Path, build: Build, work: Path, outdir: Path
              ) -> str | None:
    """Build one CV (and an application's letter); None when it worked, else what
    went wrong."""
    build_dir, doctrees = work / f"cv-pdf-{build.name}", work / f"doctrees-{build.name}"
    shutil.rmtree(build_dir, ignore_errors=True)
    for _, copy in build.pdfs:
        (outdir / copy).unlink(missing_ok=True)  # never a stale PDF
    sphinx = subprocess.run(
        [python, "-m", "sphinx", *STRICT, "-b", "cv-pdf", "-d", str(doctrees),
         *build.override, str(srcdir), str(build_dir)],
        cwd=srcdir, capture_output=True, text=True, check=False)
    if sphinx.returncode != 0:
        return f"{build.name}: the cv-pdf build failed\n{sphinx.stdout}{sphinx.stderr}"
    for made, copy in build.pdfs:
        shutil.copyfile(build_dir / made, outdir / copy)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--builddir", type=Path, default=PROJECT / "_build")
    parser.add_argument("--outdir", type=Path, help="where the PDFs go (default: BUILDDIR/cv)")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--variants", nargs="*",
                        help="the variants to build (default: the full CV and every variant "
                             "in conf.py); '' is the full CV")
    chosen.add_argument("--variants-only", action="store_true",
                        help="every variant in conf.py, without the full CV")
    parser.add_argument("--applications", nargs="*",
                        help="the applications to build, each its CV and its letter "
                             "(default: every one in conf.py, unless variants are chosen; "
                             "no name: every one)")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--srcdir", type=Path, default=PROJECT,
                        help="the Sphinx project (default: this site)")
    args = parser.parse_args(argv)

    srcdir = args.srcdir.resolve()
    conf = read_conf(srcdir)
    book = book_name(conf)
    declared = list(variants(conf))
    if args.variants is not None:
        wanted = args.variants
    else:
        wanted = declared if args.variants_only else ["", *declared]
    unknown = [v for v in wanted if v and v not in declared]
    if unknown:
        parser.error(f"unknown variants {unknown}; conf.py declares {declared}")
    letters = list(applications(conf))
    if args.applications:
        chosen_letters = args.applications
    elif args.applications is not None or (args.variants is None and not args.variants_only):
        chosen_letters = letters
    else:
        chosen_letters = []
    if unknown := [a for a in chosen_letters if a not in letters]:
        parser.error(f"unknown applications {unknown}; conf.py declares {letters}")
    builds = [*(Build.of_variant(book, v) for v in wanted),
              *(Build.of_application(book, a) for a in chosen_letters)]
    work = args.builddir / "cv"
    outdir = args.outdir or work
    work.mkdir(parents=True, exist_ok=True)
    outdir.mkdir(parents=True, exist_ok=True)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        failures = [f for f in pool.map(
            lambda build: build_one(args.python, srcdir, build, work, outdir), builds) if f]
    for failure in failures:
        print(failure, file=sys.stderr)
    for build in builds:
        for _, copy in build.pdfs:
            if (outdir / copy).is_file():
                print(f"{build.name if build.name != 'full' else 'full CV':>8}: {outdir / copy}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
