#!/usr/bin/env python3
"""A newcomer's first hour, replayed on the published samples, offline and without TeX.

The package is built as a wheel and installed, with its `all` extra, in a fresh
virtual environment from a local wheelhouse (`make wheelhouse`). Its command then
makes one project with `new` and one with `import` of each sample in
sphinx-work-history/tests/data (JSON Resume's and RenderCV's own files). Each
project gets a fresh virtual environment of its own, with only what its
requirements.txt names, from a wheelhouse that does not hold this package; then
`make all` runs with no TeX on PATH. The script prints a line per project and
exits 1 if any failed.

    scripts/try_samples.py [--wheelhouse DIR] [--keep DIR] [--rtd] [SAMPLE ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinx-work-history"
DATA = PACKAGE / "tests" / "data"
SAMPLES = [
    *sorted((DATA / "jsonresume").glob("jsonresume-*.resume.json")),
    DATA / "jsonresume" / "resume-schema-1.0.1-sample.resume.json",
    *sorted((DATA / "rendercv").glob("rendercv-*.yaml")),
]
# What `make all` must not find: TeX and its tools.
TEX = ("tex", "latex", "latexmk", "kpsewhich", "makeindex", "xindy", "mktexfmt", "dvipdf")


def offline_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "PIP_NO_INDEX": "1", **extra}


def run(args: list[str | Path], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          check=False, **kwargs)


def must(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode:
        sys.exit(f"{what} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def path_without_tex(scratch: Path) -> str:
    """PATH of links to every program on it but TeX's."""
    bin_dir = scratch / "bin-without-tex"
    bin_dir.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(folder):
            continue
        for entry in os.scandir(folder):
            name = entry.name
            if any(word in name for word in TEX) or (bin_dir / name).exists():
                continue
            (bin_dir / name).symlink_to(entry.path)
    return str(bin_dir)


def venv(where: Path) -> Path:
    must(run([sys.executable, "-m", "venv", where]), f"python -m venv {where}")
    return where / "bin" / "python"


def try_project(make: list[str | Path], project: Path, wheelhouse: Path,
                env: dict[str, str], no_tex: dict[str, str], rtd: bool) -> str:
    """Make *project*, install it from its requirements.txt, run `make all` without TeX
    (and, with *rtd*, Read the Docs' commands): '' or what failed."""
    venv_bin = project / ".venv" / "bin"
    steps: list[tuple[str, list[str | Path], dict[str, Any]]] = [
        ("make", make, {"env": env}),
        ("venv", [sys.executable, "-m", "venv", project / ".venv"], {}),
        ("install", [venv_bin / "python", "-m", "pip", "install", "--quiet", "--find-links",
                     wheelhouse, "-r", "requirements.txt"], {"cwd": project, "env": env}),
        ("make all", ["make", "all"],
         {"cwd": project, "env": {**no_tex, "PATH": f"{venv_bin}{os.pathsep}{no_tex['PATH']}"}}),
    ]
    if rtd:
        steps.append(("Read the Docs", [sys.executable, ROOT / "scripts" / "rtd_build.py",
                                        "--project", project, "--install", "--slug", "cv"],
                      {"env": {**no_tex, "PIP_FIND_LINKS": str(wheelhouse)}}))
    for step, command, options in steps:
        result = run(command, **options)
        if result.returncode:
            return f"{step}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheelhouse", type=Path, default=PACKAGE / ".wheelhouse")
    parser.add_argument("--keep", type=Path, help="make the projects here, and keep them")
    parser.add_argument("--rtd", action="store_true",
                        help="also replay Read the Docs' build of each (scripts/rtd_build.py)")
    parser.add_argument("samples", nargs="*", type=Path, default=SAMPLES)
    args = parser.parse_args()
    wheelhouse = args.wheelhouse.resolve()
    if any(wheelhouse.glob("sphinx_work_history-*")):
        sys.exit(f"{wheelhouse} holds sphinx-work-history: the projects must not find it there")

    scratch = Path(args.keep or tempfile.mkdtemp(prefix="try-samples-")).resolve()
    scratch.mkdir(parents=True, exist_ok=True)
    env = offline_env()
    dist = scratch / "dist"
    must(run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--find-links", wheelhouse,
              "-w", dist, PACKAGE], env=env), "building the wheel")
    wheel = next(dist.glob("sphinx_work_history-*.whl"))
    tool = venv(scratch / "tool-venv")
    must(run([tool, "-m", "pip", "install", "--quiet", "--find-links", wheelhouse,
              f"{wheel}[all]"], env=env), "installing the wheel")
    command = tool.parent / "sphinx-work-history"
    no_tex = {**env, "PATH": path_without_tex(scratch)}

    failed = []
    jobs: list[tuple[str, list[str | Path]]] = [("new", [command, "new", "--name", "Ada Lovelace"])]
    jobs += [(sample.stem, [command, "import", sample.resolve()]) for sample in args.samples]
    for name, make in jobs:
        project = scratch / "projects" / name
        start = time.monotonic()
        problem = try_project([*make, project], project, wheelhouse, env, no_tex, args.rtd)
        if problem:
            failed.append(name)
            print(f"FAIL {name}: {problem}")
            continue
        outputs = sorted(p.name for p in (project / "_build").rglob("*")
                         if p.suffix in {".pdf", ".epub", ".docx", ".txt", ".md", ".json"}
                         and "doctrees" not in p.parts)
        print(f"ok   {name}: {time.monotonic() - start:.0f} s, {len(outputs)} files: "
              f"{', '.join(dict.fromkeys(outputs))}", flush=True)
    if not args.keep:
        shutil.rmtree(scratch)
    print(f"{len(jobs) - len(failed)} of {len(jobs)} projects install and build `make all` "
          "without TeX" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
