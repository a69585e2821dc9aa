#!/usr/bin/env python3
"""Build the CV's PDFs: the full CV and each variant of conf.py (`make cv`).

    scripts/build_cv.py [--builddir _build] [--outdir DIR] [--variants NAME ...]
                        [--jobs N] [--python PYTHON] [--srcdir DIR]

For each, sphinx-work-history's ``cv-pdf`` builder (strict, as `make` runs
it; a variant with ``-D work_history_variant=NAME``): the CV through Typst,
in the Sphinx process, with no TeX program. The PDFs go to ``<builddir>/cv/``:
``tef-cv.pdf`` and ``tef-cv-NAME.pdf`` (or to --outdir), named after
``work_history_cv_basename``. Each build has its own output and doctree
folders, so the builds can run side by side (--jobs). A PDF past its page
budget fails its build: the script prints the message, copies no PDF for it,
and exits 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sphinx.config import Config
from sphinx.util.tags import Tags

PROJECT = Path(__file__).resolve().parent.parent
STRICT = ["-W", "--keep-going", "-n", "-T", "-q"]


def read_conf(srcdir: Path = PROJECT) -> Config:
    """conf.py, read as Sphinx reads it (with no tags set), with the values
    this script uses: sphinx-work-history's are registered by its setup, which
    reading a configuration does not run."""
    config = Config.read(srcdir, overrides={}, tags=Tags())
    for name, default in (("work_history_cv_basename", ""), ("work_history_variants", {}),
                          ("work_history_pages", 0)):
        config.add(name, default, "env", frozenset({type(default)}))
    return config


def book_name(config: Config) -> str:
    """The file name of the PDFs, as the cv-pdf builder names its PDF
    (cv_builder.cv_basename): work_history_cv_basename, else the project's name."""
    from sphinx.util.osutil import make_filename_from_project

    return config.work_history_cv_basename or make_filename_from_project(config.project)


def pdf_name(book: str, variant: str) -> str:
    return f"{book}-{variant}.pdf" if variant else f"{book}.pdf"


def build_one(python: str, srcdir: Path, variant: str, book: str, work: Path, outdir: Path
              ) -> str | None:
    """Build one PDF; None when it worked, else what went wrong."""
    name = variant or "full"
    build_dir, doctrees = work / f"cv-pdf-{name}", work / f"doctrees-{name}"
    shutil.rmtree(build_dir, ignore_errors=True)
    (outdir / pdf_name(book, variant)).unlink(missing_ok=True)  # never a stale PDF
    override = ["-D", f"work_history_variant={variant}"] if variant else []
    sphinx = subprocess.run(
        [python, "-m", "sphinx", *STRICT, "-b", "cv-pdf", "-d", str(doctrees), *override,
         str(srcdir), str(build_dir)],
        cwd=srcdir, capture_output=True, text=True, check=False)
    if sphinx.returncode != 0:
        return f"{name}: the cv-pdf build failed\n{sphinx.stdout}{sphinx.stderr}"
    shutil.copyfile(build_dir / f"{book}.pdf", outdir / pdf_name(book, variant))
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--builddir", type=Path, default=PROJECT / "_build")
    parser.add_argument("--outdir", type=Path, help="where the PDFs go (default: BUILDDIR/cv)")
    parser.add_argument("--variants", nargs="*",
                        help="the variants to build (default: every one in conf.py); "
                             "'' is the full CV")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--srcdir", type=Path, default=PROJECT,
                        help="the Sphinx project (default: this site)")
    args = parser.parse_args(argv)

    srcdir = args.srcdir.resolve()
    conf = read_conf(srcdir)
    book = book_name(conf)
    declared = list(conf.work_history_variants)
    wanted = ["", *declared] if args.variants is None else args.variants
    unknown = [v for v in wanted if v and v not in declared]
    if unknown:
        parser.error(f"unknown variants {unknown}; conf.py declares {declared}")
    work = args.builddir / "cv"
    outdir = args.outdir or work
    work.mkdir(parents=True, exist_ok=True)
    outdir.mkdir(parents=True, exist_ok=True)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        failures = [f for f in pool.map(
            lambda v: build_one(args.python, srcdir, v, book, work, outdir), wanted) if f]
    for failure in failures:
        print(failure, file=sys.stderr)
    for variant in wanted:
        path = outdir / pdf_name(book, variant)
        if path.is_file():
            print(f"{variant or 'full CV':>8}: {path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
