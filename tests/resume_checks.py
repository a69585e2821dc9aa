"""What the site's résumé tests share: the jobs as the site's pages write
them, and the package's readers for each export (resume.json, JSON-LD,
mf2), which reduce an entry to the same tuple so the three can be compared
with each other and with the sources.

The readers are the package's (sphinx_work_history.testing), whose tests
check the same exports on their own test roots.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
NOT_PAGES = {".venv", ".venv-3.13", "_build", "tests", "_ext", "_templates", "scripts", ".ci",
             "sphinx-work-history", "node_modules"}


# The package's readers of each export, shared with its own tests.
from sphinx_work_history.testing import (  # noqa: E402, F401 (re-exported)
    Entry,
    assert_inert,
    is_calendar_date,
    jsonld_blocks,
    jsonld_entries,
    jsonld_person,
    jsonresume_schema,
    mf2_contact,
    mf2_entries,
    mf2_extras,
    mf2_resumes,
    resume_entries,
    schema_errors,
    soup,
)

SCHEMA = jsonresume_schema()

_DIRECTIVE = re.compile(r"^(?P<fence>:{3,}|`{3,})\{job\}[ \t]*(?P<position>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")


def source_jobs(root: Path = PROJECT) -> list[dict[str, str]]:
    """Every MyST ``job`` directive in the site's pages, with its options as written."""
    jobs = []
    for path in sorted(root.rglob("*.md")):
        if NOT_PAGES & set(path.relative_to(root).parts) or path.name == "README.md":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = _DIRECTIVE.match(line.strip())
            if not match:
                continue
            job = {"position": " ".join(match["position"].split()), "file": path.name}
            for option in lines[number + 1:]:
                opt = _OPTION.match(option.strip())
                if not opt:
                    break
                job[opt["key"]] = opt["value"].strip()
            jobs.append(job)
    return jobs


def source_entry(job: dict[str, str]) -> tuple[str, str, str | None]:
    """(position, start, end) of a source job; the organisation may be inherited."""
    end = job.get("end", "")
    return job["position"], job["start"], None if end in ("", "present") else end
