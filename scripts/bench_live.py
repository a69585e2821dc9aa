#!/usr/bin/env python3
"""Save → new PDF in `make livecv` (`sphinx-work-history live`), on the owner's site.

A copy of the site is built by `python -m sphinx_work_history live -b cv-pdf -W -n`,
as `make livecv` runs it; then each of --edits (20) edits changes the text of one of
the CV's pages (in turn, so each edit is of another page than the one before) and
waits for the PDF to be replaced; the last PDF must be a clean build's, byte for
byte. The time of an edit is the PDF's mtime less the
page's: what an author sees between saving and the viewer reloading. The median
and the 90th percentile are printed, the median against its budget (0.5 s).

--autobuild measures the same with sphinx-autobuild running `sphinx-build -b cv-pdf`
on each save, as `make livecv` did before (for the record: no budget).

A benchmark, not a test: on a loaded machine the numbers say so. The last line
names the measure when it is over budget ("OVER BUDGET: ..."), or says all are
within; exit status 1 when over.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import BOOK, PROJECT, SOURCE_DATE_EPOCH, copy_site
from site_config import read_conf

BUDGET = 0.5  # seconds, the median from save to new PDF
LABEL = "live PDF: save -> new PDF (make livecv), median"
STARTUP = 180.0  # seconds the first build may take on a loaded machine
TIMEOUT = 30.0  # seconds an edit may take before the run gives up
# A line of prose of a page (not a directive, an option, a heading or markup).
PROSE = re.compile(r"^[A-Z][^:`{}|<>]*[a-z.]$")


def cv_pages(site: Path) -> list[Path]:
    """The pages the CV reads: the root, and the site's pages but those the CV leaves
    out (work_history_exclude_docs)."""
    config = read_conf(site)
    config.add("work_history_exclude_docs", [], "env", frozenset({list}))
    left_out = set(config.work_history_exclude_docs)
    pages = [site / "index.md", *sorted((site / "pages").glob("*.md"))]
    return [page for page in pages
            if page.relative_to(site).with_suffix("").as_posix() not in left_out]


def prose_line(text: str) -> int:
    lines = text.splitlines()
    return next(i for i, line in enumerate(lines) if PROSE.match(line))


def edited(original: str, n: int) -> str:
    """*original* with its first line of prose ending on another word each time."""
    lines = original.splitlines(keepends=True)
    i = prose_line(original)
    lines[i] = lines[i].rstrip("\n") + f" Edit {n}.\n"
    return "".join(lines)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def live_command(site: Path, out: Path, autobuild: bool) -> list[str]:
    if autobuild:
        return [sys.executable, "-m", "sphinx_autobuild", "-b", "cv-pdf", str(site), str(out),
                "-W", "--keep-going", "-n", "-T", "--port", str(free_port()),
                "--host", "127.0.0.1"]
    return [sys.executable, "-m", "sphinx_work_history", "live", "-b", "cv-pdf", "-W", "-n",
            str(site), str(out)]


def mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def wait_for(pdf: Path, after: int, limit: float, process: subprocess.Popen[bytes],
             log: Path) -> int:
    """The PDF's mtime once it is newer than *after*."""
    deadline = time.monotonic() + limit
    while (now := mtime(pdf)) <= after:
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"benchmark: no new {pdf.name} within {limit:.0f} s; the live build "
                     f"said:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")
        time.sleep(0.005)
    return now


def measure(work: Path, edits: int, autobuild: bool) -> list[float]:
    """Seconds from each save to the new PDF."""
    site = copy_site(work / ("site-autobuild" if autobuild else "site"), plain=False)
    out = work / ("out-autobuild" if autobuild else "out")
    pdf, log = out / f"{BOOK}.pdf", work / f"live{'-autobuild' if autobuild else ''}.log"
    pages = cv_pages(site)
    originals = {page: page.read_text(encoding="utf-8") for page in pages}
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    with log.open("wb") as said:
        process = subprocess.Popen(live_command(site, out, autobuild), stdout=said,
                                   stderr=subprocess.STDOUT, env=env)
    try:
        last = wait_for(pdf, 0, STARTUP, process, log)
        time.sleep(1.0)  # the watcher settled after the first build
        last = mtime(pdf)
        times = []
        for n in range(edits):
            page = pages[n % len(pages)]
            page.write_text(edited(originals[page], n), encoding="utf-8")
            saved = page.stat().st_mtime_ns
            last = wait_for(pdf, last, TIMEOUT, process, log)
            times.append((last - saved) / 1e9)
            time.sleep(0.2)  # as an author does not save twice in a blink
    finally:
        process.terminate()
        process.wait(timeout=30)
    same_as_clean(site, pdf, work / "clean", env)
    return times


def same_as_clean(site: Path, pdf: Path, clean: Path, env: dict[str, str]) -> None:
    """The last PDF is the one a clean `sphinx-build -b cv-pdf` makes of the edited pages."""
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "cv-pdf", str(site), str(clean)],
                   env=env, check=True, capture_output=True)
    if pdf.read_bytes() != (clean / pdf.name).read_bytes():
        sys.exit(f"benchmark: {pdf} differs from a clean build's ({clean / pdf.name})")
    shutil.rmtree(clean)


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--autobuild", action="store_true",
                        help="also measure sphinx-autobuild (the livecv before), for the record")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wh-bench-live-"))
    try:
        print(f"benchmark: save -> new PDF over {args.edits} edits of the CV's pages "
              f"({', '.join(p.name for p in cv_pages(PROJECT))})",
              flush=True)
        rows: list[tuple[str, list[float], float | None]] = [
            (LABEL, measure(work, args.edits, autobuild=False), BUDGET)]
        if args.autobuild:
            rows.append(("the same through sphinx-autobuild (make livecv before)",
                         measure(work, args.edits, autobuild=True), None))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    over = []
    print(f"{'measure':<58} {'min':>6} {'median':>7} {'p90':>6} {'max':>6} {'budget':>7}")
    for label, times, budget in rows:
        median = statistics.median(times)
        verdict = ("(for the record)" if budget is None
                   else "ok" if median <= budget else "OVER BUDGET")
        print(f"{label:<58} {min(times):5.2f}s {median:6.2f}s {percentile(times, 0.9):5.2f}s "
              f"{max(times):5.2f}s {'-' if budget is None else f'{budget:.2f}s':>7} {verdict}")
        if budget is not None and median > budget:
            over.append(label)
    if over:
        print(f"\nOVER BUDGET: {', '.join(over)}")
        return 1
    print("\nAll within budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
