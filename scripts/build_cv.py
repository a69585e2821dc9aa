#!/usr/bin/env python3
"""Build the CV's PDFs: the full CV and each variant of conf.py (`make cv`).

    scripts/build_cv.py [--builddir _build] [--outdir DIR]
                        [--variants NAME ... | --variants-only]
                        [--jobs N] [--python PYTHON] [--srcdir DIR]

For each, sphinx-work-history's ``cv-pdf`` builder (strict, as `make` runs
it; a variant with ``-D work_history_variant=NAME``): the CV through Typst,
in the Sphinx process, with no TeX program. The PDFs go to ``<builddir>/cv/``:
``BOOK.pdf`` and ``BOOK-NAME.pdf`` (or to --outdir), BOOK being
``work_history_cv_basename`` (scripts/site_config.py). Each build has its
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
from pathlib import Path

from site_config import PROJECT, book_name, pdf_name, read_conf, variants

STRICT = ["-W", "--keep-going", "-n", "-T", "-q"]


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
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--variants", nargs="*",
                        help="the variants to build (default: the full CV and every variant "
                             "in conf.py); '' is the full CV")
    chosen.add_argument("--variants-only", action="store_true",
                        help="every variant in conf.py, without the full CV")
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
