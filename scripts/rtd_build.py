#!/usr/bin/env python3
"""Build the site the way Read the Docs does, to find its failures first.

Read the Docs clones the repository, reads .readthedocs.yaml, sets its
READTHEDOCS* variables, and runs, from the directory of conf.py:

    python -m sphinx -T -W --keep-going -b html -d _build/doctrees -D language=en \
        . $READTHEDOCS_OUTPUT/html
    python -m sphinx -T -W --keep-going -b epub -d _build/doctrees -D language=en \
        . $READTHEDOCS_OUTPUT/epub
    python -m sphinx -T -W --keep-going -b latex -d _build/doctrees -D language=en \
        . $READTHEDOCS_OUTPUT/pdf
    cd $READTHEDOCS_OUTPUT/pdf && latexmk -r latexmkrc -pdf -f -dvi- -ps- \
        -jobname=<slug> -interaction=nonstopmode

(in place of the last two, the commands of `build.jobs.build.pdf`, when it
is set: Read the Docs then takes the one PDF they leave in
$READTHEDOCS_OUTPUT/pdf/) and then each command of `build.jobs.post_build`
(and before the builds, `build.jobs.pre_build`), each in a shell, with the project's virtual
environment first on PATH (-W --keep-going only with
`sphinx.fail_on_warning`; epub and pdf as listed in `formats`). Read the
Docs first installs `build.apt_packages`; this script checks that they are
installed here (it installs nothing). This script does the same in a fresh copy of the project's
files (tracked, or new and not ignored: what a commit would hold), then
checks the outputs: the HTML home page, <slug>.epub and <slug>.pdf, and a
LaTeX log free of errors. Read the Docs accepts a PDF whatever latexmk's
exit status; this script does not.

    scripts/rtd_build.py [--output DIR] [--slug SLUG] [--version NAME]
                         [--python PYTHON | --install] [--project DIR]

By default it uses the running Python, whose environment holds the pinned
requirements (`make rtd` runs it from .venv); --install makes a new virtual
environment from the configuration's `python.install`, as Read the Docs does.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ".readthedocs.yaml"


def project_files(root: Path) -> list[Path]:
    """The files a clone would have: tracked, or untracked and not ignored (outside
    a Git repository, every file but the builds and the virtual environments)."""
    inside = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                            capture_output=True, text=True, check=False).stdout.strip()
    if not inside or Path(inside).resolve() != root.resolve():
        return [path.relative_to(root) for path in sorted(root.rglob("*"))
                if path.is_file() and not {"_build", ".venv"} & set(path.relative_to(root).parts)]
    out = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True, check=True,
    ).stdout
    names = [name for name in out.decode().split("\0") if name]
    return [Path(name) for name in names if (root / name).is_file()]


def checkout(root: Path, dest: Path) -> None:
    for rel in project_files(root):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, target)


def rtd_environment(project: Path, repo: Path, output: Path, slug: str, version: str,
                    language: str, venv: Path) -> dict[str, str]:
    """The variables Read the Docs sets for a build of a branch version."""
    commit = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    return {
        "READTHEDOCS": "True",
        "READTHEDOCS_PROJECT": slug,
        "READTHEDOCS_LANGUAGE": language,
        "READTHEDOCS_VERSION": version,
        "READTHEDOCS_VERSION_NAME": version,
        "READTHEDOCS_VERSION_TYPE": "branch",
        "READTHEDOCS_OUTPUT": f"{output}/",
        "READTHEDOCS_CANONICAL_URL": f"https://{slug}.readthedocs.io/{language}/{version}/",
        "READTHEDOCS_PRODUCTION_DOMAIN": "readthedocs.org",
        "READTHEDOCS_REPOSITORY_PATH": str(repo),
        "READTHEDOCS_VIRTUALENV_PATH": str(venv),
        "READTHEDOCS_GIT_IDENTIFIER": version,
        "READTHEDOCS_GIT_COMMIT_HASH": commit,
    }


class Build:
    def __init__(self, env: dict[str, str]):
        self.env = env
        self.timings: list[tuple[str, float]] = []

    def run(self, label: str, cmd: list[str], cwd: Path, env: dict[str, str] | None = None
            ) -> None:
        print(f"\n$ {shlex.join(cmd)}", flush=True)
        start = time.monotonic()
        result = subprocess.run(cmd, cwd=cwd, env=env or self.env, check=False)
        self.timings.append((label, time.monotonic() - start))
        if result.returncode != 0:
            raise SystemExit(f"rtd-build: failed ({result.returncode}): {shlex.join(cmd)}")


def sphinx_command(python: str, builder: str, outdir: Path, language: str,
                   fail_on_warning: bool) -> list[str]:
    strict = ["-W", "--keep-going"] if fail_on_warning else []
    return [python, "-m", "sphinx", "-T", *strict, "-b", builder, "-d", "_build/doctrees",
            "-D", f"language={language}", ".", str(outdir)]


def missing_apt_packages(packages: list[str]) -> list[str]:
    """Those of *packages* dpkg does not have installed (all of them without dpkg)."""
    if not shutil.which("dpkg-query"):
        return list(packages)
    return [package for package in packages
            if "install ok installed" not in subprocess.run(
                ["dpkg-query", "-W", "-f=${Status}", package],
                capture_output=True, text=True, check=False).stdout]


def latex_errors(log: Path) -> list[str]:
    """LaTeX's error lines ('! ...') in a log."""
    text = log.read_text(encoding="latin-1")
    return [line for line in text.splitlines() if line.startswith("! ")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path,
                        help="copy $READTHEDOCS_OUTPUT (html/, epub/, pdf/) here")
    parser.add_argument("--slug", default=os.environ.get("READTHEDOCS_PROJECT", "tef-computer"))
    parser.add_argument("--version", default="latest")
    parser.add_argument("--python", default=sys.executable,
                        help="the Python that has the requirements installed")
    parser.add_argument("--install", action="store_true",
                        help="make a fresh virtual environment from python.install")
    parser.add_argument("--project", type=Path, default=PROJECT,
                        help="the project to build (default: this site), such as one "
                             "that `sphinx-work-history new` wrote")
    args = parser.parse_args(argv)
    project = args.project.resolve()

    config = yaml.safe_load((project / CONFIG_FILE).read_text())
    sphinx_config = config.get("sphinx", {})
    formats = config.get("formats", [])
    if formats == "all":
        formats = ["htmlzip", "pdf", "epub"]
    unsupported = set(formats) - {"epub", "pdf"}
    if unsupported:
        raise SystemExit(f"rtd-build: formats {sorted(unsupported)} are not reproduced here")
    missing = missing_apt_packages(config.get("build", {}).get("apt_packages", []))
    if missing:
        raise SystemExit("rtd-build: Read the Docs installs these (build.apt_packages); "
                         f"install them here first: apt-get install {' '.join(missing)}")
    with tempfile.TemporaryDirectory(prefix="rtd-build-") as tmp:
        repo = Path(tmp) / "checkout"
        checkout(project, repo)
        output = repo / "_readthedocs"
        venv = Path(tmp) / "venv"
        python = args.python
        language = "en"
        env = {**os.environ,
               **rtd_environment(project, repo, output, args.slug, args.version, language,
                                  venv)}
        build = Build(env)

        if args.install:
            build.run("venv", [sys.executable, "-m", "venv", str(venv)], repo)
            python = str(venv / "bin" / "python")
            for item in config.get("python", {}).get("install", []):
                build.run("install", [python, "-m", "pip", "install", "--exists-action=w",
                           "-r", item["requirements"]], repo)

        conf_dir = repo / Path(sphinx_config.get("configuration", "conf.py")).parent
        fail_on_warning = bool(sphinx_config.get("fail_on_warning", False))
        print(f"rtd-build: building {args.slug} ({args.version}) in {repo}", flush=True)

        jobs = config.get("build", {}).get("jobs", {})
        unsupported_jobs = set(jobs) - {"pre_build", "build", "post_build"}
        overrides = jobs.get("build", {})
        if set(overrides) - {"pdf"}:
            raise SystemExit(f"rtd-build: build.jobs.build {sorted(overrides)}: only pdf is "
                             "reproduced here")
        if unsupported_jobs:
            raise SystemExit(f"rtd-build: build.jobs {sorted(unsupported_jobs)} are not "
                             "reproduced here")
        # Read the Docs runs the jobs with its environment's Python first on PATH.
        build.env["PATH"] = os.pathsep.join([str(Path(python).parent), build.env["PATH"]])
        for command in jobs.get("pre_build", []):
            build.run("pre_build", ["bash", "-c", command], repo)

        build.run("html",
                  sphinx_command(python, "html", output / "html", language, fail_on_warning),
                  conf_dir)
        if "epub" in formats:
            epub_dir = output / "epub"
            build.run("epub", sphinx_command(python, "epub", epub_dir, language, fail_on_warning),
                      conf_dir)
            books = sorted(epub_dir.glob("*.epub"))
            if len(books) != 1:
                raise SystemExit(f"rtd-build: expected one .epub, found {books}")
            books[0].rename(epub_dir / f"{args.slug}.epub")
        if "pdf" in formats and "pdf" in overrides:
            # build.jobs.build.pdf replaces the LaTeX build: Read the Docs takes the one
            # PDF its commands leave in $READTHEDOCS_OUTPUT/pdf/.
            pdf_dir = output / "pdf"
            for command in overrides["pdf"]:
                build.run("pdf", ["bash", "-c", command], repo)
            pdfs = sorted(pdf_dir.glob("*.pdf"))
            if len(pdfs) != 1:
                raise SystemExit(f"rtd-build: Read the Docs takes one PDF from {pdf_dir}; "
                                 f"found {pdfs}")
            pdfs[0].rename(pdf_dir / f"{args.slug}.pdf")
        elif "pdf" in formats:
            pdf_dir = output / "pdf"
            build.run("latex", sphinx_command(python, "latex", pdf_dir, language, fail_on_warning),
                      conf_dir)
            tex_files = sorted(pdf_dir.glob("*.tex"))
            if len(tex_files) != 1:
                raise SystemExit(f"rtd-build: Read the Docs builds one PDF; found {tex_files}")
            build.run("latexmk", ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-",
                       f"-jobname={args.slug}", "-interaction=nonstopmode"], pdf_dir)
            errors = latex_errors(pdf_dir / f"{args.slug}.log")
            if errors:
                raise SystemExit("rtd-build: LaTeX errors:\n" + "\n".join(errors))

        for command in jobs.get("post_build", []):
            build.run("post_build", ["bash", "-c", command], repo)

        expected = [output / "html" / "index.html"]
        expected += [output / "epub" / f"{args.slug}.epub"] if "epub" in formats else []
        expected += [output / "pdf" / f"{args.slug}.pdf"] if "pdf" in formats else []
        missing = [str(path) for path in expected if not path.is_file()]
        if missing:
            raise SystemExit(f"rtd-build: missing outputs: {missing}")

        print("\nrtd-build: outputs")
        for path in expected + sorted((output / "html").glob("*.pdf")):
            print(f"  {path.relative_to(output)}  {path.stat().st_size} bytes")
        print("rtd-build: seconds per step")
        for name, seconds in build.timings:
            print(f"  {name:<10} {seconds:6.1f}")
        if args.output:
            if args.output.exists():
                shutil.rmtree(args.output)
            shutil.copytree(output, args.output)
            print(f"rtd-build: outputs copied to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
