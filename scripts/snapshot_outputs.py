#!/usr/bin/env python3
"""Build the site and the package's test roots in every format into one folder, so that
two versions of the code can be compared byte for byte (a refactoring changes no output).

    scripts/snapshot_outputs.py OUT [--src PACKAGE_SRC] [--roots NAME ...] [--no-site]
    diff -r OUT-before OUT-after

Each project is copied to the same temporary path before it is built, so that two runs
from different checkouts see the same paths; builds are strict where the project is
(the site and the test roots that build cleanly) and use a fixed SOURCE_DATE_EPOCH.
--src puts another checkout's package first on the path (PYTHONPATH), so one
environment builds both versions. Doctrees and Sphinx's build info are left out: they
record the build, not what a reader gets; an ePub or a Word file is unpacked into a
folder of its members (the zip's dates are its files' times, unless the project's build
sets them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROOTS = REPO / "sphinx-work-history" / "tests" / "roots"
SOURCE_DATE_EPOCH = "1795737600"  # 2026-11-27, as the test suites
BUILDERS = ("html", "epub", "latex", "text", "cv-text", "cv-markdown", "cv-docx", "cv-pdf")
# Test roots built on purpose with warnings (their tests read the warnings).
WARNS = {"test-hostile", "test-warnings", "test-resume-hostile", "test-random"}
WORK = Path("/tmp/snapshot-outputs-src")
LEFT_OUT = {".doctrees", ".buildinfo", ".buildinfo.bak", "__pycache__"}


def build(name: str, src: Path, out: Path, env: dict[str, str], strict: bool) -> list[str]:
    """Build a copy of *src* (at a fixed path) with every builder into out/name/."""
    copy = WORK / name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build", ".venv*", ".git",
                                                             "node_modules", ".venvs"))
    failed = []
    for builder in BUILDERS:
        target = out / name / builder
        flags = ["-W", "--keep-going", "-n"] if strict else []
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-T", "-q", *flags, "-b", builder,
             "-d", str(WORK / f"{name}.doctrees-{builder}"), str(copy), str(target)],
            capture_output=True, text=True, env=env, check=False)
        if result.returncode:
            failed.append(f"{name} {builder}: {result.stderr.strip().splitlines()[-1:]}")
        for path in sorted(target.rglob("*"), reverse=True):
            if path.name in LEFT_OUT:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            elif path.suffix in (".epub", ".docx") and zipfile.is_zipfile(path):
                # Compared by their members: a zip dates each from the file it was made of.
                with zipfile.ZipFile(path) as archive:
                    archive.extractall(path.with_name(path.name + ".members"))
                path.unlink()
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--src", type=Path, help="the package's src folder to build with")
    parser.add_argument("--roots", nargs="*", help="test roots to build (default: all)")
    parser.add_argument("--no-site", action="store_true", help="leave the site out")
    args = parser.parse_args()
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "LC_ALL": "C.UTF-8"}
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    shutil.rmtree(args.out, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    failed = []
    names = args.roots or sorted(p.name for p in ROOTS.iterdir() if (p / "conf.py").is_file())
    for name in names:
        failed += build(name, ROOTS / name, args.out, env, strict=name not in WARNS)
    if not args.no_site:
        failed += build("site", REPO, args.out, env, strict=True)
    for line in failed:
        print("failed:", line)
    print(f"{len(names) + (not args.no_site)} projects built into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
