#!/usr/bin/env python3
"""How each builder grows with a CV's entries (issue 30's "every builder linear").

Writes Sphinx projects of generated CVs (every kind of entry, mixed, over
--pages pages: a doubling doubles each page's entries, as `make bench`'s
measure 2 does, so the time measured grows with the entries, not with
Sphinx's per-page navigation) of each --sizes count, builds each with every --builders builder in a
process of its own, clean, --runs (3) times, the sizes interleaved, and prints
the fastest run's wall-clock seconds and the peak
memory (maximum resident set size) of each build, and each doubling's ratio
(budget: 2.2x; on wall-clock time, with the CPU time's beside it, which a
machine shared with other work disturbs less); and a 5,000-entry cv-docx
build within 20 s. `make bench` runs it (scripts/bench_all.py); `make test`
does not. The last line names every measure over budget ("OVER BUDGET: ...")
or says all are within; exit status 1 when one is over.

    .venv/bin/python scripts/bench_scale.py --sizes 1250 2500 5000
    .venv/bin/python scripts/bench_scale.py --sizes 1250 --builders cv-docx --profile
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

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SOURCE_DATE_EPOCH = "1795737600"  # 2026-11-27
BUILDERS = ("html", "cv-pdf", "cv-docx", "cv-text", "cv-markdown", "epub")
PAGES = 50
DOUBLING_BUDGET = 2.2
# Builds with a budget of their own, in seconds: (builder, entries) -> seconds.
SECONDS_BUDGET = {("cv-docx", 5000): 20.0}

CONF = '''\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Scale"
author = copyright = "Ada Scale"
version = release = "1"
language = "en"
exclude_patterns = ["_build"]
epub_show_urls = "no"
work_history_today = "2026-11-27"
work_history_person = {
    "name": "Ada Scale", "label": "Engineer", "email": "ada@example.org",
    "phone": "+44 20 7946 0000", "url": "https://ada.example.org/",
    "location": {"city": "Glasgow", "countryCode": "GB"},
    "profiles": [{"network": "GitHub", "username": "ada",
                  "url": "https://github.com/ada"}],
}
'''

BODY = ("Kept the on-call rota sane, moved a catalogue between databases without downtime, "
        "and wrote down what remained for whoever came next.")


def date(n: int, years: int = 0) -> str:
    return f"{2000 + n % 20 + years}-{1 + n % 12:02d}"


def entry(n: int) -> str:
    """The *n*th entry: each kind in turn, with the options tests/roots/test-kinds uses."""
    kinds = (job, job, education, project, volunteer, certificate, award, publication, talk,
             skill, language, interest, reference)
    return kinds[n % len(kinds)](n)


def job(n: int) -> str:
    end = "" if n % 10 == 0 else f":end: {date(n, 2)}\n"
    return (f":::{{job}} Engineer {n}\n:org: Organisation {n}\n:start: {date(n)}\n{end}"
            f":location: {('Remote', 'Berlin', 'Glasgow')[n % 3]}\n:tags: t{n % 7}, t{n % 11}\n\n"
            f"{BODY}\n\n- Shipped release {n}.\n- Wrote the runbook of {n}.\n:::\n")


def volunteer(n: int) -> str:
    return (f":::{{volunteer}} Reviewer {n}\n:org: Group {n}\n:start: {date(n)}\n"
            f":end: {date(n, 1)}\n\nReviewed drafts {n}.\n\n- Reviewed eight drafts.\n:::\n")


def education(n: int) -> str:
    return (f":::{{education}} University {n}\n:degree: MSc\n:area: Subject {n}\n"
            f":start: {date(n)}\n:end: {date(n, 2)}\n:score: distinction\n"
            f":courses: Algebra, Analysis\n:location: Glasgow\n\nThesis {n}.\n:::\n")


def project(n: int) -> str:
    return (f":::{{project}} Project {n}\n:start: {date(n)}\n:end: {date(n, 1)}\n"
            f":url: https://p{n}.example.org/\n:roles: Designer, Lead\n:entity: Entity {n}\n"
            f":keywords: compilers, tools\n\nA project numbered {n}.\n\n- Ran on {n} hosts.\n:::\n")


def certificate(n: int) -> str:
    return f":::{{certificate}} Certificate {n}\n:date: {date(n)}\n:issuer: Issuer {n}\n:::\n"


def award(n: int) -> str:
    return (f":::{{award}} Award {n}\n:date: {date(n)}\n:awarder: Awarder {n}\n\n"
            f"For work {n}.\n:::\n")


def publication(n: int) -> str:
    return (f":::{{publication}} Paper {n}\n:publisher: Publisher {n}\n:date: {date(n)}-02\n"
            f":authors: Ada Scale\n\nOn topic {n}.\n:::\n")


def talk(n: int) -> str:
    return f":::{{talk}} Talk {n}\n:publisher: Venue {n}\n:date: {date(n)}\n:::\n"


def skill(n: int) -> str:
    return f":::{{skill}} Skill {n}\n:level: Expert\n:keywords: a{n}, b{n}\n:::\n"


def language(n: int) -> str:
    return f":::{{language}} Language {n}\n:fluency: Fluent\n:::\n"


def interest(n: int) -> str:
    return f":::{{interest}} Interest {n}\n:keywords: x{n}, y{n}\n:::\n"


def reference(n: int) -> str:
    return f":::{{reference}} Referee {n}\nA reference numbered {n}.\n:::\n"


def generate(root: Path, entries: int, pages: int = PAGES) -> Path:
    """A project of *entries* entries over *pages* pages, and a summary on the index."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    per_page = (entries + pages - 1) // pages
    for p in range(pages):
        numbers = range(p * per_page, min(entries, (p + 1) * per_page))
        (root / f"page{p:04d}.md").write_text(
            f"# Page {p}\n\n" + "\n".join(entry(n) for n in numbers), encoding="utf-8")
    toctree = "\n".join(f"page{p:04d}" for p in range(pages))
    (root / "index.md").write_text(
        f"# Ada Scale\n\nI build things.\n\n```{{toctree}}\n:hidden:\n\n{toctree}\n```\n\n"
        "## Summary\n\n:::{work-history}\n:::\n", encoding="utf-8")
    return root


def build(src: Path, out: Path, builder: str, profile: Path | None = None
          ) -> tuple[float, float, float]:
    """A clean build: (seconds, CPU seconds, peak resident memory in MB)."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    prefix = [PYTHON, "-m", "cProfile", "-o", str(profile)] if profile else [PYTHON]
    script = ["-m", "sphinx"] if not profile else [str(Path(sys.prefix) / "bin" / "sphinx-build")]
    # /usr/bin/time reports the child's own CPU time and peak; getrusage
    # (RUSAGE_CHILDREN) would give the largest peak of every child so far.
    started = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", *prefix, *script, "-q", "-W", "--keep-going", "-b",
         builder, "-d", str(out / "doctrees"), str(src), str(out / builder)],
        capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{builder} build of {src} failed:\n{result.stdout}\n{result.stderr[-4000:]}")
    user, system, peak_kb = result.stderr.strip().splitlines()[-1].split()
    return elapsed, float(user) + float(system), int(peak_kb) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1250, 2500, 5000])
    parser.add_argument("--builders", nargs="+", default=list(BUILDERS))
    parser.add_argument("--pages", type=int, default=PAGES, help="pages of every CV")
    parser.add_argument("--work", type=Path, help="keep the projects here (default: temporary)")
    parser.add_argument("--runs", type=int, default=3,
                        help="builds of each builder and size, the sizes interleaved")
    parser.add_argument("--profile", action="store_true",
                        help="write each build's cProfile statistics beside its output")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    # Each build's fastest run (seconds, CPU seconds) and largest peak: a machine shared
    # with other work only ever adds time, and the runs interleave the sizes, so a slow
    # stretch of the machine's falls on every size alike.
    times: dict[tuple[str, int], float] = {}
    cpus: dict[tuple[str, int], float] = {}
    peaks: dict[tuple[str, int], float] = {}
    try:
        sources = {size: generate(work / f"cv{size}", size, args.pages) for size in args.sizes}
        for run in range(1, args.runs + 1):
            print(f"run {run} of {args.runs}", flush=True)
            for size, src in sources.items():
                for builder in args.builders:
                    out = work / f"out{size}-{builder}"
                    profile = (work / f"{builder}-{size}.prof"
                               if args.profile and run == 1 else None)
                    seconds, cpu, peak = build(src, out, builder, profile)
                    key = (builder, size)
                    times[key] = min(seconds, times.get(key, seconds))
                    cpus[key] = min(cpu, cpus.get(key, cpu))
                    peaks[key] = max(peak, peaks.get(key, peak))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nfastest of {args.runs} runs; peak memory the largest")
    over = []
    for size in args.sizes:
        for builder in args.builders:
            key = (builder, size)
            line = (f"{builder:<12} {size:>6} entries {times[key]:8.2f} s {cpus[key]:8.2f} s CPU "
                    f"{peaks[key]:7.0f} MB")
            smaller = (builder, size // 2)
            if smaller in times:
                ratio = times[key] / times[smaller]
                line += f"   x{ratio:.2f} of {size // 2} (CPU x{cpus[key] / cpus[smaller]:.2f})"
                if ratio > DOUBLING_BUDGET:
                    over.append(f"{builder} {size // 2} -> {size} entries x{ratio:.2f}")
            if (budget := SECONDS_BUDGET.get(key)) is not None:
                line += f"   (budget {budget:.0f} s)"
                if times[key] > budget:
                    over.append(f"{builder} {size} entries {times[key]:.1f} s")
            print(line, flush=True)
    # The last line, which `make bench` (bench_all.py) reads.
    print(f"\nOVER BUDGET: {', '.join(over)}" if over else "\nAll within budget.")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
