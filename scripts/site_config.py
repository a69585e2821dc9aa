#!/usr/bin/env python3
"""What conf.py names: the CV's file name and its variants.

    scripts/site_config.py [--srcdir DIR] book       the CV's file name
    scripts/site_config.py [--srcdir DIR] variants   its variants' names, on one line
    scripts/site_config.py [--srcdir DIR] published  the PDFs `make dist` publishes, on
                                                     one line: the full CV's and each
                                                     variant's (never an application's)

The file name is work_history_cv_basename (the site's conf.py sets it to its
BOOK_NAME, as it does the ePub's and the LaTeX file's); the variants are
work_history_variants.

conf.py is the one place that names them; the Makefile, Read the Docs' jobs
(.readthedocs.yaml), the scripts and the tests read them here. conf.py is
read as Sphinx reads it (``Config.read``), with no tags set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.tags import Tags

from sphinx_work_history.outputs.cv.builder import default_basename

PROJECT = Path(__file__).resolve().parent.parent


def read_conf(srcdir: Path = PROJECT) -> Config:
    """conf.py, read as Sphinx reads it (with no tags set), with the values
    used here: sphinx-work-history's are registered by its setup, which
    reading a configuration does not run."""
    config = Config.read(srcdir, overrides={}, tags=Tags())
    for name, default in (("work_history_cv_basename", ""), ("work_history_variants", {}),
                          ("work_history_pages", 0),
                          ("work_history_applications", {})):
        config.add(name, default, "env", frozenset({type(default)}))
    return config


def book_name(config: Config) -> str:
    """The file name of the CV in every format, as the cv-pdf builder names
    its PDF (the same function): work_history_cv_basename, else the
    project's name."""
    name: str = config.work_history_cv_basename or default_basename(config.project)
    return name


def variants(config: Config) -> dict[str, dict[str, Any]]:
    """The tailored CVs (work_history_variants), by name, in conf.py's order."""
    declared: dict[str, dict[str, Any]] = config.work_history_variants
    return declared


def applications(config: Config) -> dict[str, dict[str, Any]]:
    """The applications (work_history_applications), by name, in conf.py's order."""
    declared: dict[str, dict[str, Any]] = config.work_history_applications
    return declared


def pdf_name(book: str, variant: str) -> str:
    """The file name of a CV's PDF: *book*.pdf, or *book*-NAME.pdf for a variant."""
    return f"{book}-{variant}.pdf" if variant else f"{book}.pdf"


def published_pdfs(config: Config) -> list[str]:
    """The PDFs of `make cv`'s folder that the site publishes: the full CV's and each
    variant's. An application's CV and letter are private: never one of them."""
    book = book_name(config)
    return [pdf_name(book, variant) for variant in ("", *variants(config))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--srcdir", type=Path, default=PROJECT,
                        help="the Sphinx project (default: this site)")
    parser.add_argument("value", choices=["book", "variants", "published"])
    args = parser.parse_args(argv)
    try:
        config = read_conf(args.srcdir.resolve())
    except ConfigError as error:
        print(f"site_config: {error}", file=sys.stderr)
        return 1
    if args.value == "book":
        print(book_name(config))
    else:
        print(" ".join(variants(config) if args.value == "variants" else published_pdfs(config)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
