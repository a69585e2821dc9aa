#!/usr/bin/env python3
"""Build-time benchmark of the work_history extension (`make bench`).

Every number is a ratio between builds timed in this same run, on this
machine, so it means the same on a fast laptop and a busy CI box:

  1. clean build, 2,000 generated entries over 100 pages (a mix of kinds: roles,
     education, projects, skills), with the
     extension  vs  the same pages written as plain MyST          <= 1.3x
  2. the same with 4,000 entries  vs  2,000 entries                <= 2.2x
  3. incremental rebuild after editing one page  vs  clean build   <= 0.25x
  4. the real site  vs  its text as plain Sphinx + MyST + Furo     <= 1.2x
  5. the real site rebuilt a day later (lengths change, no source
     is read again)  vs  rebuilt with no change                   <= 2.0x
  6. the CV's PDF (Sphinx's LaTeX builder, then latexmk) with
     LuaLaTeX and the site's fonts  vs  the same site with the
     pdflatex settings it had before (TeX Gyre's Type 1 fonts)      <= 2.5x
     (and, for the record: the same in CPU time, and LuaLaTeX's first
     run with an empty font cache, as on a new machine: no budget)
  7. every PDF of the CV (the full one, each variant)  vs  the full
     one alone                                                    <= 4.5x
     (scripts/build_cv.py, `make cv`: the cv-pdf builder, clean)
  8. the CV's PDF through Typst (`-b cv-pdf`, clean)  vs  `make
     latexpdf` of the same site (LuaLaTeX, warm font cache)         <= 0.2x
  9. the CV's PDF through cv-pdf (clean)  vs  RenderCV 2.8
     rendering the same person (the site's resume.json in RenderCV's
     YAML, classic theme, `rendercv render`, PDF only)              <= 0.85x
     (and, for the record: Sphinx's own floor, a clean `-b text` build
     of an empty one-page project with no extension, vs the same
     RenderCV render: no budget. It is 0.45-0.5x: Sphinx starting, with
     its built-in builders, takes half RenderCV's time before a page is
     read, so a one-shot build cannot reach 0.5x; `make livecv`, which
     keeps Sphinx running, is the fast path: a few tenths of a second)
 10. RenderCV's own sample (`rendercv new`'s, the tests' data
     rendercv/rendercv-sample.yaml) imported by `sphinx-work-history
     import`, through cv-pdf (clean)  vs  `rendercv render` of the
     same file, PDF only                                            <= 0.85x
     (RenderCV for 9 and 10 in .venv-rendercv on Python 3.12, made from
     scripts/requirements-rendercv.txt; skipped, saying why, without
     Python 3.12 or when pip cannot install it. Both run offline: the
     Typst package RenderCV's template imports is a stand-in written
     here, and its check for a newer release is answered already)

"Plain MyST" holds the same words the extension renders (position,
organisation, dates, length, location, the role's text, the summary as a
Markdown table) with no directive. Each build runs in its own process;
the two sides of a comparison alternate, --runs (5) times each, and the
ratio is of their medians; each side's minimum, median and maximum are
printed beside it.
The last line names every measure over budget ("OVER BUDGET: ..."), or says
all are within; exit status 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

PROJECT = Path(__file__).resolve().parent.parent

from site_config import book_name, read_conf  # noqa: E402
from sphinx_work_history.model.dates import PartialDate, format_length  # noqa: E402
from sphinx_work_history.model.kinds import KINDS as ENTRY_KINDS  # noqa: E402

PYTHON = sys.executable
# Every build runs as on an author's machine, where Python keeps the bytecode it
# compiles (the package's, conf.py's, _ext's) for the next run. Some CI images set
# PYTHONDONTWRITEBYTECODE, which would make every build compile them again.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
# The CV's file name (conf.py's BOOK_NAME): the copies of the site keep it.
BOOK = book_name(read_conf(PROJECT))
SOURCE_DATE_EPOCH = "1795737600"  # 2026-11-27: the same "today" for every build
TODAY = PartialDate(2026, 11, 27, "day")
BUDGETS = {"extension": 1.3, "doubling": 2.2, "incremental": 0.25, "site": 1.2, "next_day": 2.0,
           "pdf": 2.5, "pdf-cpu": None, "pdf-cold": None, "variants": 4.5,
           "typst": 0.2, "rendercv": 0.85, "sphinx-floor": None, "rendercv-sample": 0.85}
# The PDF settings the site had before LuaLaTeX: the baseline of measure 6.
PDFLATEX_SETTINGS = r"""
# Benchmark baseline: the PDF as pdflatex made it, in TeX Gyre's Type 1 fonts.
latex_engine = "pdflatex"
latex_elements = {k: v for k, v in latex_elements.items() if k not in ("babel", "polyglossia")}
latex_elements["fontpkg"] = (r"\usepackage{tgpagella}\usepackage{tgheros}"
                              r"\renewcommand{\ttdefault}{txtt}")
work_history_latex_fonts = []
extensions = [e for e in extensions if e != "pdf_fonts"]
"""

CONF = '''\
project = "bench"
author = copyright = "bench"
version = release = "1"
extensions = {extensions!r}
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
exclude_patterns = ["_build"]
'''

LOREM = ("Kept the on-call rota sane, moved a catalogue between databases without downtime, "
         "and wrote down the footguns that remained for whoever came next.")


# -- generated projects ------------------------------------------------------------

# The generated entries are a mix of kinds: of every five, two roles, then an
# education, a project and a skill.
KINDS = ("job", "job", "education", "project", "skill")


def entry(n: int) -> dict[str, str]:
    start = PartialDate(2000 + n % 20, 1 + n % 12, 1, "month")
    end_year = start.year + 1 + n % 4
    end = None if n % 10 == 0 else PartialDate(end_year, 1 + (n * 7) % 12, 1, "month")
    kind = KINDS[n % len(KINDS)]
    return {"kind": kind, "position": f"Engineer {n}", "org": f"Organisation {n}",
            "start": start.iso() if kind != "skill" else "",
            "end": end.iso() if end and kind != "skill" else "",
            "location": ("Remote", "Berlin", "Glasgow")[n % 3],
            "tags": f"tag{n % 7}, tag{n % 11}", "body": f"{LOREM} Entry {n}."}


def job_markup(e: dict[str, str]) -> str:
    """The entry as the extension's directive of its kind."""
    end = f":end: {e['end']}\n" if e["end"] else ""
    if e["kind"] == "job":
        return (f":::{{job}} {e['position']}\n:org: {e['org']}\n:start: {e['start']}\n{end}"
                f":location: {e['location']}\n:tags: {e['tags']}\n\n{e['body']}\n:::\n")
    if e["kind"] == "education":
        return (f":::{{education}} {e['org']}\n:degree: MSc\n:area: {e['position']}\n"
                f":start: {e['start']}\n{end}:location: {e['location']}\n:tags: {e['tags']}\n\n"
                f"{e['body']}\n:::\n")
    if e["kind"] == "project":
        return (f":::{{project}} {e['position']}\n:entity: {e['org']}\n:start: {e['start']}\n"
                f"{end}:keywords: {e['tags']}\n:tags: {e['tags']}\n\n{e['body']}\n:::\n")
    return (f":::{{skill}} {e['position']}\n:level: Expert\n:keywords: {e['tags']}\n"
            f":tags: {e['tags']}\n:::\n")


def plain_markup(e: dict[str, str]) -> str:
    """The words the extension renders for an entry, as plain MyST."""
    if e["kind"] == "skill":
        return f"**{e['position']}**\n\nExpert · {e['tags']}\n"
    return f"**{e['position']}**, {e['org']}\n\n{meta_line(e)}\n\n{e['body']}\n"


def meta_line(e: dict[str, str]) -> str:
    start = PartialDate.parse(e["start"]) if e.get("start") else None
    end = PartialDate.parse(e["end"]) if e.get("end") else None
    if start is None:
        return ""
    dates = f"{start.display()} – {end.display() if end else 'present'}"
    if end == start:
        dates = start.display()
    parts = [dates, format_length(start, end or TODAY)]
    if e.get("location"):
        parts.append(e["location"])
    return " · ".join(parts)


def plain_table(entries: list[dict[str, str]]) -> str:
    def key(e: dict[str, str]) -> tuple[PartialDate, PartialDate]:
        end = PartialDate.parse(e["end"]) if e.get("end") else PartialDate(9999, 12, 31, "day")
        return (end, PartialDate.parse(e["start"]))

    rows = ["| Role | Organisation | Dates | Length |", "| --- | --- | --- | --- |"]
    for e in sorted((e for e in entries if e["kind"] == "job"), key=key, reverse=True):
        dates, _, rest = meta_line(e).partition(" · ")
        rows.append(f"| {e['position']} | {e['org']} | {dates} | {rest.split(' · ')[0]} |")
    return "\n".join(rows) + "\n"


def generate(root: Path, entries: int, pages: int, extension: bool) -> Path:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    exts = ["myst_parser", "sphinx_work_history"] if extension else ["myst_parser"]
    (root / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(PROJECT / '_ext')!r})\n"
        + CONF.format(extensions=exts), encoding="utf-8")
    per_page = entries // pages
    all_entries = []
    for p in range(pages):
        page_entries = [entry(p * per_page + i) for i in range(per_page)]
        all_entries += page_entries
        render = job_markup if extension else plain_markup
        (root / f"page{p:03d}.md").write_text(
            f"# Page {p}\n\n" + "\n".join(render(e) for e in page_entries), encoding="utf-8")
    toctree = "\n".join(f"page{p:03d}" for p in range(pages))
    summary = ":::{work-history}\n:::\n" if extension else plain_table(all_entries)
    (root / "index.md").write_text(
        f"# Bench\n\n```{{toctree}}\n:hidden:\n\n{toctree}\n```\n\n## Summary\n\n{summary}",
        encoding="utf-8")
    return root


# -- the real site as plain MyST -----------------------------------------------------

# Every kind of entry's directive, the employer and the summary.
_FENCE = re.compile(r"^(?P<colons>:{3,})\{(?P<name>" + "|".join(ENTRY_KINDS)
                    + r"|employer|work-history)\}[ \t]*(?P<arg>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")


def plain_site(text: str, entries: list[dict[str, str]]) -> str:
    """*text* with the extension's directives and role replaced by what they render."""
    lines, out, i = text.splitlines(), [], 0
    inherited: dict[str, str] = {}
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            if re.fullmatch(r":{3,}", lines[i]) and inherited.get("_colons") == lines[i]:
                inherited = {}  # the employer's closing fence
            else:
                out.append(lines[i])
            i += 1
            continue
        colons, name = match["colons"], match["name"]
        options, i = {}, i + 1
        while i < len(lines) and (m := _OPTION.match(lines[i])):
            options[m["key"]] = m["value"].strip()
            i += 1
        if name == "work-history":
            while lines[i] != colons:
                i += 1
            out.append(plain_table(entries))
        elif name == "employer":
            inherited = {**options, "_colons": colons}
            out.append(f"**{options.get('org', '')}**\n")
        else:
            body = []
            while lines[i] != colons:
                body.append(lines[i])
                i += 1
            e = {**{k: v for k, v in inherited.items() if k in ("org", "location")},
                 **options, "position": match["arg"].strip(),
                 "end": "" if options.get("end", "") == "present" else options.get("end", "")}
            title = ", ".join(part for part in (e["position"], e.get("org", "")) if part)
            out.append(f"**{title}**\n\n{meta_line(e)}\n" if title else f"{meta_line(e)}\n")
            out.extend(body)
        i += 1
    return re.sub(r"\{(?:job|entry)\}`([^`<]*?)(?:\s*<[^`]*>)?`", r"\1", "\n".join(out) + "\n")


def site_entries(sources: list[Path]) -> list[dict[str, str]]:
    found = []
    for source in sources:
        inherited: dict[str, str] = {}
        lines = source.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            match = _FENCE.match(line)
            if not match or match["name"] == "work-history":
                continue
            options = {}
            for following in lines[i + 1:]:
                if not (m := _OPTION.match(following)):
                    break
                options[m["key"]] = m["value"].strip()
            if match["name"] == "employer":
                inherited = options
                continue
            e = {**inherited, **options, "kind": match["name"], "position": match["arg"].strip()}
            if e.get("end") == "present":
                e["end"] = ""
            if e.get("start"):
                found.append(e)
    return found


def copy_site(dest: Path, plain: bool) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    ignore = shutil.ignore_patterns(".venv*", "_build", ".git", "tests", "scripts", ".ci",
                                    ".pytest_cache", ".hypothesis", "__pycache__", ".wheelhouse")
    shutil.copytree(PROJECT, dest, ignore=ignore)
    # The reference page includes the package's docs, which include its test snippets.
    snippets = Path("sphinx-work-history", "tests", "snippets")
    shutil.copytree(PROJECT / snippets, dest / snippets)
    if plain:
        sources = sorted(p for p in dest.rglob("*.md")
                         if "_ext" not in p.parts and p.name != "README.md")
        # The entries the site's summaries show: not the reference page's examples.
        entries = site_entries([p for p in sources if "sphinx-work-history" not in p.parts
                                and p.name != "work-history-markup.md"])
        for source in sources:
            source.write_text(plain_site(source.read_text(encoding="utf-8"), entries),
                              encoding="utf-8")
        with (dest / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write("\n# Benchmark baseline: the same site without the extension.\n"
                       "extensions = [e for e in extensions"
                       " if not e.startswith('sphinx_work_history')]\n")
    return dest


# -- timing ----------------------------------------------------------------------------

def sphinx_build(src: Path, out: Path, clean: bool = True, epoch: str = SOURCE_DATE_EPOCH
                 ) -> float:
    if clean:
        shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "sphinx", "-q", "-b", "html", "-d", str(out / "doctrees"),
         str(src), str(out / "html")], capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build of {src} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


# CPU seconds (user + system) of each PDF build, by source: on a busy machine
# they vary less than the wall-clock times the budget is on.
PDF_CPU: dict[Path, list[float]] = {}


def pdf_build(src: Path, out: Path, env: dict[str, str] | None = None) -> float:
    """`make latexpdf`, timed: the LaTeX builder, then latexmk with Sphinx's latexmkrc."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})}
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for cmd, cwd in (([PYTHON, "-m", "sphinx", "-q", "-b", "latex", "-d", str(out / "doctrees"),
                       str(src), str(out / "latex")], None),
                     (["latexmk", "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
                       "-interaction=nonstopmode", "-halt-on-error", "-silent", f"{BOOK}.tex"],
                      out / "latex")):
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0:
            sys.exit(f"PDF build of {src} failed:\n"
                     f"{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    elapsed = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    PDF_CPU.setdefault(src, []).append(cpu_after.ru_utime + cpu_after.ru_stime
                                       - cpu_before.ru_utime - cpu_before.ru_stime)
    if not (out / "latex" / f"{BOOK}.pdf").is_file():
        sys.exit(f"PDF build of {src} made no PDF")
    return elapsed


@dataclass
class Runs:
    """The times of one side of a comparison, in seconds."""

    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def spread(self) -> str:
        return f"{min(self.times):.2f}/{self.median:.2f}/{max(self.times):.2f}"


def alternate(a: Callable[[], float], b: Callable[[], float], runs: int) -> tuple[Runs, Runs]:
    """*runs* timings of each, a then b in turn, so drift in machine load hits both."""
    times_a, times_b = in_turn([a, b], runs)
    return times_a, times_b


def in_turn(builds: list[Callable[[], float]], runs: int) -> list[Runs]:
    """*runs* timings of each of *builds*, one after the other in turn."""
    times = [Runs() for _ in builds]
    for _ in range(runs):
        for build, runs_of in zip(builds, times, strict=True):
            runs_of.times.append(build())
    return times


def clean_build(src: Path, out: Path) -> Callable[[], float]:
    return lambda: sphinx_build(src, out)


def edit_and_rebuild(src: Path, out: Path) -> Callable[[], float]:
    """An author's edit to one page, then an incremental build of *out*."""
    page = sorted(src.glob("page*.md"))[len(list(src.glob("page*.md"))) // 2]
    edits = iter(range(1_000_000))

    def run() -> float:
        n = next(edits)
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"Engineer (\d+)[^\n]*\n", rf"Engineer \1 (edit {n})\n", text,
                               count=1), encoding="utf-8")
        later = time.time() + 2 + n
        os.utime(page, (later, later))
        return sphinx_build(src, out, clean=False)

    return run


def median_pair(a: tuple[Path, Path], b: tuple[Path, Path], runs: int,
                build: Callable[[Path, Path], float] = sphinx_build) -> tuple[Runs, Runs]:
    """*runs* builds of each, a then b in turn, so drift in machine load hits both."""
    return alternate(lambda: build(*a), lambda: build(*b), runs)


def pdf_measures(work: Path, runs: int) -> list[tuple[str, str, Runs, Runs]]:
    print(f"benchmark: the CV's PDF, LuaLaTeX vs pdflatex, median of {runs} runs", flush=True)
    lua = copy_site(work / "pdf-lualatex", plain=False)
    pdflatex = copy_site(work / "pdf-pdflatex", plain=False)
    with (pdflatex / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(PDFLATEX_SETTINGS)
    pdf_build(lua, work / "out-pdf-lualatex")  # warm LuaTeX's font cache first
    PDF_CPU.clear()
    t_lua, t_pdflatex = median_pair((lua, work / "out-pdf-lualatex"),
                                    (pdflatex, work / "out-pdf-pdflatex"), runs, build=pdf_build)
    cpu_lua, cpu_pdflatex = (Runs(PDF_CPU[src]) for src in (lua, pdflatex))
    # A new machine: LuaTeX writes its font cache (and font name list) first.
    cache = work / "empty-texmf-cache"
    t_cold = Runs([pdf_build(lua, work / "out-pdf-cold",
                             env={"TEXMFCACHE": str(cache), "TEXMFVAR": str(cache)})])
    return [
        ("pdf", "the CV's PDF: LuaLaTeX and its fonts vs pdflatex as before", t_lua, t_pdflatex),
        ("pdf-cpu", "the same, in CPU seconds (user + system)", cpu_lua, cpu_pdflatex),
        ("pdf-cold", "the same, LuaLaTeX's first run (empty font cache)", t_cold, t_pdflatex),
    ]


def next_day(src: Path, out: Path, runs: int) -> tuple[Runs, Runs]:
    """A rebuild on a later day (lengths change, no source does) and a rebuild
    with no change, alternating; the later day must read no document again."""
    status = subprocess.run(
        [PYTHON, "-m", "sphinx", "-b", "html", "-d", str(out / "doctrees"), str(src),
         str(out / "html")], capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(int(SOURCE_DATE_EPOCH) + 86400)}).stdout
    if "0 added, 0 changed, 0 removed" not in status:
        sys.exit(f"a rebuild on a later day read documents again:\n{status}")
    times_next, times_same = Runs(), Runs()
    for day in range(2, runs + 2):
        epoch = str(int(SOURCE_DATE_EPOCH) + 86400 * day)
        times_next.times.append(sphinx_build(src, out, clean=False, epoch=epoch))
        times_same.times.append(sphinx_build(src, out, clean=False, epoch=epoch))
    return times_next, times_same
def html_measures(work: Path, args: argparse.Namespace) -> list[tuple[str, str, Runs, Runs]]:
    n, pages, runs = args.entries, args.pages, args.runs
    print(f"benchmark: {n} and {2 * n} entries over {pages} pages, {runs} alternating runs "
          f"of each side, in {work}", flush=True)
    with_ext = generate(work / "with", n, pages, extension=True)
    plain = generate(work / "plain", n, pages, extension=False)
    doubled = generate(work / "doubled", 2 * n, pages, extension=True)
    site = copy_site(work / "site", plain=False)
    site_plain = copy_site(work / "site-plain", plain=True)

    results = []
    label = f"clean, {n} entries: with the extension vs plain MyST"
    results.append(("extension", label, *alternate(
        clean_build(with_ext, work / "out-with"), clean_build(plain, work / "out-plain"), runs)))
    label = f"clean, {2 * n} entries vs {n} entries"
    results.append(("doubling", label, *alternate(
        clean_build(doubled, work / "out-doubled"), clean_build(with_ext, work / "out-with"),
        runs)))
    sphinx_build(with_ext, work / "out-edited")  # what the edits are built on
    label = "one page edited: incremental vs clean"
    results.append(("incremental", label, *alternate(
        edit_and_rebuild(with_ext, work / "out-edited"),
        clean_build(with_ext, work / "out-with"), runs)))
    label = "the real site: with the extension vs plain Sphinx+MyST+Furo"
    results.append(("site", label, *alternate(
        clean_build(site, work / "out-site"), clean_build(site_plain, work / "out-site-plain"),
        runs)))
    label = "the real site rebuilt a day later vs rebuilt unchanged"
    results.append(("next_day", label, *next_day(site, work / "out-site", runs)))
    return results


def cv_build(builddir: Path, variants: list[str] | None) -> float:
    """A clean build of the CV's PDFs (every variant when *variants* is None)."""
    shutil.rmtree(builddir, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    chosen = [] if variants is None else ["--variants", *variants]
    started = time.perf_counter()
    result = subprocess.run([PYTHON, str(PROJECT / "scripts" / "build_cv.py"),
                             "--builddir", str(builddir), *chosen],
                            capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"CV build failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def cv_pdf_build(src: Path, out: Path, book: str = BOOK) -> float:
    """The CV's PDF (*book*.pdf) through Typst, timed: a clean `sphinx-build -b cv-pdf`."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "sphinx", "-q", "-b", "cv-pdf", "-d", str(out / "doctrees"), str(src),
         str(out / "cv-pdf")], capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or not (out / "cv-pdf" / f"{book}.pdf").is_file():
        sys.exit(f"cv-pdf build of {src} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def typst_measure(work: Path, runs: int) -> list[tuple[str, str, Runs, Runs]]:
    """Measure 8: the CV's PDF through Typst against `make latexpdf` of the same site."""
    print(f"benchmark: the CV's PDF, cv-pdf (Typst) vs latexpdf, median of {runs} runs",
          flush=True)
    site = copy_site(work / "pdf-typst", plain=False)
    pdf_build(site, work / "out-latexpdf")  # warm LuaTeX's font cache first
    cv_pdf_build(site, work / "out-cv-pdf")  # and both sides' bytecode
    return [("typst", "the CV's PDF through Typst (cv-pdf) vs make latexpdf", *alternate(
        lambda: cv_pdf_build(site, work / "out-cv-pdf"),
        lambda: pdf_build(site, work / "out-latexpdf"), runs))]


# -- measure 9: RenderCV -----------------------------------------------------------------

# RenderCV 2.8 and its dependencies, pinned, in a virtual environment of their own
# (RenderCV needs Python >= 3.12), made once and reused while the file is unchanged.
RENDERCV_REQUIREMENTS = PROJECT / "scripts" / "requirements-rendercv.txt"
RENDERCV_VENV = PROJECT / ".venv-rendercv"
# RenderCV's Typst template imports this package from Typst Universe, which Typst
# downloads while it compiles: the benchmark runs offline, and the real package's
# code is not ours to copy, so the benchmark writes a stand-in of its own (below).
FONTAWESOME = ("fontawesome", "0.6.0")
# Icon names RenderCV asks for that name no glyph in Font Awesome 7's fonts (older
# names, lib.typ's "external-link"), and the glyph each is: every other name
# RenderCV uses (connections.py's fontawesome_icons) is a glyph's.
FONTAWESOME_ALIASES = {"external-link": "arrow-up-right-from-square"}


def python_312() -> str | None:
    """A Python 3.12: pyenv's 3.12.1, else python3.12 on PATH."""
    pyenv = shutil.which("pyenv")
    if pyenv:
        prefix = subprocess.run([pyenv, "prefix", "3.12.1"], capture_output=True, text=True,
                                check=False).stdout.strip()
        if prefix and (Path(prefix) / "bin" / "python3.12").is_file():
            return str(Path(prefix) / "bin" / "python3.12")
    return shutil.which("python3.12")


def rendercv_venv() -> Path | str:
    """RenderCV's executable in its virtual environment, made when missing or out of
    date; or why there is none."""
    stamp = RENDERCV_VENV / "requirements-rendercv.txt"
    rendercv = RENDERCV_VENV / "bin" / "rendercv"
    pins = RENDERCV_REQUIREMENTS.read_text(encoding="utf-8")
    if rendercv.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == pins:
        return rendercv
    python = python_312()
    if python is None:
        return "no Python 3.12 (pyenv prefix 3.12.1, or python3.12 on PATH); RenderCV needs it"
    print(f"benchmark: making {RENDERCV_VENV.name} with {python} "
          f"from {RENDERCV_REQUIREMENTS.relative_to(PROJECT)}", flush=True)
    shutil.rmtree(RENDERCV_VENV, ignore_errors=True)
    for cmd in ([python, "-m", "venv", str(RENDERCV_VENV)],
                [str(RENDERCV_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
                 "--disable-pip-version-check", "-r", str(RENDERCV_REQUIREMENTS)]):
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            shutil.rmtree(RENDERCV_VENV, ignore_errors=True)
            return f"{' '.join(cmd[:4])} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    stamp.write_text(pins, encoding="utf-8")
    return rendercv


def fontawesome_icons(fonts: list[Path]) -> dict[str, tuple[tuple[int, str, int], ...]]:
    """Each icon's name in Font Awesome 7's fonts: its (codepoint, family, weight) in
    every font that has it, Regular first, then Brands, then Solid."""
    order = {400: 0, 900: 2}
    found: dict[str, list[tuple[int, int, str, int]]] = {}
    for path in fonts:
        font = TTFont(path)
        # Typst names a font by its family (name 1): "Font Awesome 7 Free Solid" for
        # the solid one, whose typographic family (name 16) is "Font Awesome 7 Free".
        family = font["name"].getDebugName(1) or path.stem
        # fontTools sets a table's fields from the font's data: mypy sees none of them.
        weight: int = font["OS/2"].usWeightClass  # type: ignore[attr-defined]
        rank = 1 if "Brands" in family else order.get(weight, 3)
        codepoints: dict[str, list[int]] = {}
        for code, glyph in (font.getBestCmap() or {}).items():
            codepoints.setdefault(glyph, []).append(code)
        for glyph, codes in codepoints.items():
            # A glyph's codepoints all show it: take one in the Private Use Area, where
            # it has one (some also sit on Unicode's, as ✉ for envelope).
            private = [c for c in codes if 0xE000 <= c <= 0xF8FF]
            found.setdefault(glyph, []).append((rank, min(private or codes), family, weight))
        font.close()
    icons = {name: tuple((code, family, weight) for _, code, family, weight in sorted(faces))
             for name, faces in found.items()
             if not name.startswith(".") and name not in ("space", "zero-width-space")}
    for alias, name in FONTAWESOME_ALIASES.items():
        icons[alias] = icons[name]
    return icons


def fontawesome_stand_in(cache: Path, fonts: list[Path]) -> Path:
    """Write the stand-in for Typst's @preview/fontawesome into *cache*'s Typst package
    cache ($XDG_CACHE_HOME/typst/packages, where Typst looks before it downloads)."""
    name, version = FONTAWESOME
    package = cache / "typst" / "packages" / "preview" / name / version
    package.mkdir(parents=True, exist_ok=True)
    (package / "typst.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "{version}"\nentrypoint = "lib.typ"\n'
        'authors = ["scripts/bench.py"]\nlicense = "MIT"\n'
        'description = "The benchmark\'s stand-in: Font Awesome 7 icons by name."\n',
        encoding="utf-8")
    table = "\n".join(
        f"  {json.dumps(icon)}: ("
        + "".join(f"({code:#x}, {json.dumps(family)}, {weight}), "
                  for code, family, weight in faces) + "),"
        for icon, faces in sorted(fontawesome_icons(fonts).items()))
    (package / "lib.typ").write_text(f"""\
// Written by scripts/bench.py: a stand-in for @preview/fontawesome:{version}, which
// RenderCV's template imports. An icon, by name, is its glyph in the Font Awesome 7
// fonts that RenderCV gives Typst (rendercv-fonts): (codepoint, family, weight)
// in each font that has it, the regular or brands one first.
#let icons = (
{table}
)

#let fa-icon(name, solid: false, ..args) = {{
  let faces = icons.at(name, default: none)
  if faces == none {{
    panic("no Font Awesome icon named " + repr(name))
  }}
  let face = if solid {{
    faces.find(f => f.at(2) == 900)
  }}
  let (code, family, weight) = if face == none {{ faces.first() }} else {{ face }}
  text(font: family, weight: weight, fallback: false, ..args, str.from-unicode(code))
}}
""", encoding="utf-8")
    return package


def rendercv_yaml(resume: dict[str, Any], today: str) -> dict[str, Any]:
    """The person of a JSON Resume document (the site's resume.json) in RenderCV's
    input schema, with its classic theme. JSON is YAML: RenderCV reads the dump."""
    basics = resume.get("basics", {})

    def dated(item: dict[str, Any], start: str = "startDate", end: str = "endDate"
              ) -> dict[str, Any]:
        dates: dict[str, Any] = {}
        if item.get(start):
            # JSON Resume's dates (YYYY, YYYY-MM, YYYY-MM-DD) are RenderCV's too.
            dates["start_date"] = item[start]
            dates["end_date"] = item.get(end) or "present"
        return dates

    def body(item: dict[str, Any], summary: str = "summary") -> dict[str, Any]:
        # RenderCV sets an entry's summary as one paragraph: a second one comes out
        # as code. The paragraphs join, as lines of one.
        text = "\n".join(p.strip() for p in item.get(summary, "").split("\n\n") if p.strip())
        return {k: v for k, v in (("summary", text),
                                  ("highlights", item.get("highlights"))) if v}

    cv: dict[str, Any] = {"name": basics["name"]}
    location = basics.get("location") or {}
    place = ", ".join(location[k] for k in ("city", "region", "countryCode") if location.get(k))
    for key, value in (("headline", basics.get("label")), ("location", place),
                       ("email", basics.get("email")), ("phone", basics.get("phone")),
                       ("website", basics.get("url"))):
        if value:
            cv[key] = value
    networks = {n.lower(): n for n in ("LinkedIn", "GitHub", "GitLab", "Mastodon", "ORCID",
                                       "StackOverflow", "YouTube", "X", "Bluesky")}
    for profile in basics.get("profiles", []):
        network = networks.get(profile.get("network", "").lower())
        if network and profile.get("username"):
            cv.setdefault("social_networks", []).append(
                {"network": network, "username": profile["username"]})
        elif profile.get("url"):
            cv.setdefault("custom_connections", []).append(
                {"placeholder": re.sub(r"^https?://|/$", "", profile["url"]),
                 "url": profile["url"], "fontawesome_icon": "link"})

    sections: dict[str, list[Any]] = {}
    if basics.get("summary"):
        sections["summary"] = [p.strip() for p in basics["summary"].split("\n\n") if p.strip()]
    for key, section in (("work", "experience"), ("volunteer", "volunteering")):
        sections[section] = [
            {"company": item.get("name") or item.get("organization", ""),
             # RenderCV needs a position; the site's roles may have none.
             "position": item.get("position", ""), **dated(item),
             **({"location": item["location"]} if item.get("location") else {}), **body(item)}
            for item in resume.get(key, [])]
    sections["education"] = [
        {"institution": item["institution"], "area": item.get("area", ""),
         **({"degree": item["studyType"]} if item.get("studyType") else {}), **dated(item),
         **({"highlights": item["courses"]} if item.get("courses") else {})}
        for item in resume.get("education", [])]
    sections["projects"] = [
        {"name": item["name"], **dated(item), **body(item, "description")}
        for item in resume.get("projects", [])]
    sections["awards"] = [
        {"name": ", ".join(v for v in (item.get("title"), item.get("awarder")) if v),
         **({"date": item["date"]} if item.get("date") else {}), **body(item)}
        for item in resume.get("awards", [])]
    sections["certificates"] = [
        {"name": ", ".join(v for v in (item.get("name"), item.get("issuer")) if v),
         **({"date": item["date"]} if item.get("date") else {})}
        for item in resume.get("certificates", [])]
    sections["publications"] = [
        {"title": item["name"], "authors": [basics["name"]],
         **{k: item[j] for k, j in (("journal", "publisher"), ("date", "releaseDate"),
                                    ("url", "url"), ("summary", "summary")) if item.get(j)}}
        for item in resume.get("publications", [])]
    for key, section in (("skills", "skills"), ("languages", "languages"),
                         ("interests", "interests")):
        sections[section] = [
            {"label": item.get("name") or item.get("language", ""),
             "details": ", ".join(item.get("keywords") or [item.get("level")
                                                           or item.get("fluency") or ""])}
            for item in resume.get(key, [])]
    cv["sections"] = {name: entries for name, entries in sections.items() if entries}
    return {"cv": cv, "design": {"theme": "classic"},
            "settings": {"current_date": today}}


def rendercv_build(rendercv: Path, source: Path, out: Path, cache: Path) -> float:
    """The CV's PDF through RenderCV, timed: a fresh `rendercv render`, PDF only."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started = time.perf_counter()
    result = subprocess.run(
        [str(rendercv), "render", str(source), "--output-folder", str(out), "--quiet",
         "--dont-generate-markdown", "--dont-generate-html", "--dont-generate-png"],
        capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or not list(out.glob("*.pdf")):
        sys.exit(f"RenderCV's render of {source} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def rendercv_offline(work: Path) -> Path:
    """RenderCV's cache folder (its XDG_CACHE_HOME) with Typst's package cache holding
    the stand-in for the icons package, and RenderCV's check for a newer release
    answered already, so nothing is downloaded."""
    cache = work / "rendercv-cache"
    fonts = sorted(RENDERCV_VENV.glob("lib/python3*/site-packages/rendercv_fonts/"
                                      "Font Awesome 7/*.otf"))
    fontawesome_stand_in(cache, fonts)
    (cache / "rendercv").mkdir(parents=True)
    (cache / "rendercv" / "version_check.json").write_text(
        json.dumps({"last_check": time.time(), "latest_version": "2.8"}), encoding="utf-8")
    return cache


def rendercv_pdf_text(out: Path) -> str:
    """The words of the PDF RenderCV wrote into *out*."""
    return " ".join(subprocess.run(["pdftotext", str(next(out.glob("*.pdf"))), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())


# Sphinx's floor: a project of one empty page, with no extension.
FLOOR_CONF = 'project = "floor"\n'
FLOOR_PAGE = "Floor\n=====\n"


def floor_build(src: Path, out: Path) -> float:
    """Sphinx starting up and building an empty project, timed: a clean `-b text`."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "sphinx", "-q", "-b", "text", "-d", str(out / "doctrees"), str(src),
         str(out / "text")], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"the empty project's build failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def rendercv_measure(work: Path, runs: int) -> list[tuple[str, str, Runs, Runs]]:
    """Measure 9: the owner's CV through cv-pdf against RenderCV rendering the same person,
    and Sphinx's floor against the same; measure 10: RenderCV's own sample, imported."""
    rendercv = rendercv_venv()
    if isinstance(rendercv, str):
        print(f"benchmark: measures 9 and 10 (cv-pdf vs RenderCV) skipped: {rendercv}",
              flush=True)
        return []
    print(f"benchmark: the CV's PDF, cv-pdf vs RenderCV 2.8, median of {runs} runs", flush=True)
    site = copy_site(work / "pdf-rendercv", plain=False)
    # The same person: the site's own resume.json (its HTML build writes it), in
    # RenderCV's schema.
    sphinx_build(site, work / "out-resume-json")
    resume = json.loads((work / "out-resume-json" / "html" / "resume.json").read_text(
        encoding="utf-8"))
    source = work / "rendercv" / "cv.yaml"
    source.parent.mkdir(parents=True)
    source.write_text(json.dumps(rendercv_yaml(resume, TODAY.iso()), ensure_ascii=False,
                                 indent=1), encoding="utf-8")
    cache = rendercv_offline(work)
    out = work / "out-rendercv"
    rendercv_build(rendercv, source, out, cache)
    text = rendercv_pdf_text(out)
    missing = [w for w in [resume["basics"]["name"]]
               + [v for role in resume.get("work", []) for v in (role.get("position"),
                                                               role.get("name")) if v]
               if w not in text]
    if missing:
        sys.exit(f"RenderCV's PDF of {source} lacks {missing}")
    floor = work / "floor"
    floor.mkdir()
    (floor / "conf.py").write_text(FLOOR_CONF, encoding="utf-8")
    (floor / "index.rst").write_text(FLOOR_PAGE, encoding="utf-8")
    floor_build(floor, work / "out-floor")  # Sphinx's bytecode, as on a second build
    # The three in turn: the floor's ratio is against the same runs of RenderCV.
    ours, theirs, bare = in_turn([
        lambda: cv_pdf_build(site, work / "out-cv-pdf-rendercv"),
        lambda: rendercv_build(rendercv, source, out, cache),
        lambda: floor_build(floor, work / "out-floor")], runs)
    return [("rendercv", "the CV's PDF: cv-pdf vs RenderCV 2.8 (same person, PDF only)",
             ours, theirs),
            ("sphinx-floor", "Sphinx's floor: an empty project (-b text) vs that RenderCV",
             bare, theirs),
            *rendercv_sample_measure(work, runs, rendercv, cache)]


# What `rendercv new` writes (its classic theme), as the tests keep it.
RENDERCV_SAMPLE = (PROJECT / "sphinx-work-history" / "tests" / "data" / "rendercv"
                   / "rendercv-sample.yaml")


def rendercv_sample_measure(work: Path, runs: int, rendercv: Path, cache: Path
                            ) -> list[tuple[str, str, Runs, Runs]]:
    """Measure 10: RenderCV's own sample, imported here and built by cv-pdf, against
    RenderCV rendering the file itself."""
    print(f"benchmark: RenderCV's sample, cv-pdf vs RenderCV 2.8, median of {runs} runs",
          flush=True)
    project = work / "rendercv-sample-project"
    result = subprocess.run([PYTHON, "-m", "sphinx_work_history", "import",
                             str(RENDERCV_SAMPLE), str(project)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"importing {RENDERCV_SAMPLE} failed:\n{result.stdout}\n{result.stderr}")
    book = book_name(read_conf(project))
    source = work / "rendercv-sample" / RENDERCV_SAMPLE.name
    source.parent.mkdir(parents=True)
    shutil.copyfile(RENDERCV_SAMPLE, source)
    out, ours = work / "out-rendercv-sample", work / "out-cv-pdf-rendercv-sample"
    rendercv_build(rendercv, source, out, cache)
    cv_pdf_build(project, ours, book)  # its bytecode, as on a second build
    text = rendercv_pdf_text(out)
    if "John Doe" not in text:
        sys.exit(f"RenderCV's PDF of {source} lacks the sample's name")
    return [("rendercv-sample", "RenderCV's sample (imported): cv-pdf vs RenderCV 2.8",
             *alternate(lambda: cv_pdf_build(project, ours, book),
                        lambda: rendercv_build(rendercv, source, out, cache), runs))]


def variants_measure(work: Path, runs: int) -> list[tuple[str, str, Runs, Runs]]:
    """Measure 7: every variant's PDF and the full CV's, against the full CV's alone."""
    return [("variants", "every PDF of the CV vs the full CV's PDF alone", *alternate(
        lambda: cv_build(work / "cv-all", None), lambda: cv_build(work / "cv-one", [""]),
        runs))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each side of a comparison")
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--pdf-only", action="store_true", help="measure the PDF build alone")
    parser.add_argument("--typst-only", action="store_true",
                        help="measure cv-pdf against make latexpdf alone")
    parser.add_argument("--rendercv-only", action="store_true",
                        help="measure cv-pdf against RenderCV alone (measures 9 and 10)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="wh-bench-"))
    try:
        alone = args.pdf_only or args.typst_only or args.rendercv_only
        results = [] if alone else html_measures(work, args)
        # A PDF build is a few seconds: more runs, for a steadier median.
        if not (args.typst_only or args.rendercv_only):
            results += pdf_measures(work, max(args.runs, 5))
            results += variants_measure(work, args.runs)
        if not args.rendercv_only:
            results += typst_measure(work, max(args.runs, 5))
        if not (args.pdf_only or args.typst_only):
            results += rendercv_measure(work, max(args.runs, 5))

        over = []
        print(f"\nmedian of {args.runs} (PDFs: at least 5); each side's time in seconds as "
              "min/median/max")
        print(f"{'measure':<62} {'measured':>17} {'against':>17} {'ratio':>7} {'budget':>7}")
        for key, label, numerator, denominator in results:
            ratio, budget = numerator.median / denominator.median, BUDGETS[key]
            spreads = f"{numerator.spread():>17} {denominator.spread():>17} {ratio:6.2f}x"
            if budget is None:
                print(f"{label:<62} {spreads} {'-':>7} (for the record)")
                continue
            ok = ratio <= budget
            if not ok:
                over.append(label)
            print(f"{label:<62} {spreads} {budget:6.2f}x {'ok' if ok else 'OVER BUDGET'}")
        # The last line, which `make bench` (bench_all.py) reads: every measure over budget.
        print(f"\nOVER BUDGET: {', '.join(over)}" if over else "\nAll within budget.")
        return 1 if over else 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
