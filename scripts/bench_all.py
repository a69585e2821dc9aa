#!/usr/bin/env python3
"""`make bench`: every benchmark in turn, and one verdict over all of them.

Each benchmark (bench.py, bench_live.py, bench_scale.py, bench_pages.py) prints its measures
against their budgets and ends on "OVER BUDGET: <measure>, ..." or "All within
budget."; each runs whatever the one before said. The last line here names every
measure over budget in any of them (and any benchmark that stopped without a
verdict), or says all are within; the exit status is 1 when one is over.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
BENCHMARKS = ("bench.py", "bench_live.py", "bench_scale.py", "bench_pages.py")
OVER = "OVER BUDGET: "
WITHIN = "All within budget."


def run(script: str) -> list[str]:
    """Run *script*, its output shown as it comes: the measures it found over budget."""
    lines = []
    with subprocess.Popen([sys.executable, str(SCRIPTS / script)], stdout=subprocess.PIPE,
                          text=True, bufsize=1) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            lines.append(line.rstrip("\n"))
    verdict = next((line for line in reversed(lines) if line.strip()), "")
    if verdict.startswith(OVER):
        return [verdict[len(OVER):]]
    if verdict == WITHIN and process.returncode == 0:
        return []
    return [f"{script} (stopped with status {process.returncode} before its verdict)"]


def main() -> int:
    over = []
    for script in BENCHMARKS:
        print(f"\n== {script}", flush=True)
        over += run(script)
    if over:
        print(f"\n{OVER}{', '.join(over)}")
        return 1
    print(f"\n{WITHIN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
