"""What the tests of sphinx-work-history and of a site using it share.

One importable module (as ``sphinx_design/testing.py`` is for sphinx-design),
used by the package's suite and by the site's: build a project, read what it
wrote (warnings, resume.json, JSON-LD, microformats), and require a tool.
Nothing here runs unless a test calls it; pytest, and the readers' libraries
(BeautifulSoup, jsonschema, mf2py), are the test environments': each is imported
by the function that needs it, so this module imports with Sphinx alone (as the
wheel ships it), and test_testing.py checks that it does.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from bs4 import BeautifulSoup
    from sphinx.testing.util import SphinxTestApp

# A fixed date: durations of ongoing roles and the builds are reproducible.
SOURCE_DATE_EPOCH = "1795737600"  # 2026-11-27
# A warning is a bug: every build is strict, nitpicky and reports them all.
STRICT = ["-W", "--keep-going", "-n", "-T"]


# -- what a test needs -------------------------------------------------------------

def _missing(message: str) -> None:
    """Fail under CI, where every tool is installed; skip elsewhere."""
    import pytest

    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_tool(name: str) -> str:
    """The path of a command the test needs: fail under CI, skip elsewhere."""
    path = shutil.which(name)
    if path is None:
        _missing(f"{name} is not installed (CI installs it: see .ci/run)")
        raise AssertionError  # not reached: pytest.fail and pytest.skip raise
    return path


# A short run of the JVM (epubcheck, the HTML checker): its client compiler alone and
# one garbage-collector thread, about half the CPU of its defaults for a few seconds' check.
JAVA_SHORT_RUN = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def epubcheck(book: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Debian's epubcheck (``java -jar /usr/bin/epubcheck``) on *book*, its output as text."""
    java, jar = require_tool("java"), require_tool("epubcheck")
    return subprocess.run([java, *JAVA_SHORT_RUN, "-jar", jar, str(book), *args],
                          capture_output=True, text=True, check=False)


def require_fonts(*names: str) -> dict[str, str]:
    """The paths of font files kpathsea finds (as LuaTeX does): fail under CI,
    skip elsewhere, when one is missing."""
    kpsewhich = require_tool("kpsewhich")
    out = subprocess.run([kpsewhich, *names], capture_output=True, text=True, check=False).stdout
    paths = {Path(line).name: line for line in out.splitlines() if line}
    missing = [name for name in names if name not in paths]
    if missing:
        _missing(f"fonts not installed: {', '.join(missing)} (CI installs them: see .ci/run)")
    return paths


def require_module(name: str) -> ModuleType:
    """A module the test needs, imported: fail under CI, skip elsewhere.

    pytest.importorskip would skip under CI too, and a suite whose browser
    tests all skip would pass. Every test needing an optional module uses this.
    """
    try:
        return importlib.import_module(name)
    except ImportError as error:
        _missing(f"{name} cannot be imported ({error}; the test requirements install it)")
        raise AssertionError from error  # not reached


# -- the fast tier -------------------------------------------------------------------

def mark_fast(items: list[Any], tests: Path, names: frozenset[str]) -> None:
    """Mark ``fast`` the tests of the modules *names* of the folder *tests* (`make
    fast-test` runs those alone); a name that is no module there is an error, so a
    renamed module never leaves the fast tier unnoticed."""
    import pytest

    missing = sorted(names - {path.name for path in tests.glob("test_*.py")})
    if missing:
        raise pytest.UsageError(f"{tests}: no test module {', '.join(missing)} (FAST_MODULES)")
    for item in items:
        if item.path.parent == tests and item.path.name in names:
            item.add_marker(pytest.mark.fast)


# -- building a project ---------------------------------------------------------------

def long_groups_first(items: list[Any], groups: frozenset[str]) -> None:
    """The tests of *groups* (``xdist_group`` names: each runs on one worker, and runs
    long) before the others, in their order: under ``--dist loadgroup`` a worker takes
    each long group first and the short tests fill in, rather than one worker running
    a long group last while the other waits."""
    def long(item: Any) -> bool:
        return any(mark.args and mark.args[0] in groups
                   for mark in item.iter_markers("xdist_group"))

    items.sort(key=lambda item: not long(item))


def sphinx_build(srcdir: Path, outdir: Path, builder: str = "html", *args: str,
                 strict: bool = True, must_pass: bool | None = None,
                 doctrees: Path | None = None, env: dict[str, str] | None = None,
                 make_mode: bool = False) -> subprocess.CompletedProcess[str]:
    """Build *srcdir* with ``python -m sphinx`` in a process of its own, as `make` does:
    strict (``-W --keep-going -n``) unless told, on the fixed date (and with *env*), its
    doctrees in *doctrees* (by default *outdir*/.doctrees). Its exit status must be 0
    when *must_pass* (by default, when strict); the result holds its status, output and
    warnings (stderr). With *make_mode*, it runs as the README and Sphinx's Makefile do,
    ``-M builder srcdir outdir`` in *srcdir*: the output in *outdir*/<builder> (or
    /latex for latexpdf), the doctrees in *outdir*/doctrees.

    The tests' one way to build in a subprocess, beside `build` (in this process):
    for what a build in the test process cannot do. A parallel build (``-j``: Sphinx
    forks its workers, and forking the test process, where the browser tests leave
    threads running, can deadlock); a build in a fresh process (Python's gettext keeps
    a catalogue it loaded for the life of the process); sphinx-build's own exit
    status and output (a strict build that fails); and the README's own command.
    """
    flags = STRICT if strict else ["-T"]
    command = (["-M", builder, str(srcdir), str(outdir), *flags, *args] if make_mode else
               [*flags, "-b", builder, "-d", str(doctrees or outdir / ".doctrees"), *args,
                str(srcdir), str(outdir)])
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *command], cwd=srcdir if make_mode else None,
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})})
    if strict if must_pass is None else must_pass:
        assert result.returncode == 0, (f"{builder} build failed:\n{result.stdout[-2000:]}\n"
                                        f"{result.stderr[-4000:]}")
    return result


_WARNING = re.compile(
    r"^(?P<path>[^\n]+?):(?P<line>\d+): WARNING: (?P<message>.*) "
    r"\[work_history\.(?P<subtype>\w+)\]$", re.MULTILINE)


@dataclass(frozen=True, order=True)
class Warning:
    file: str  # the path's last component
    line: int
    subtype: str
    message: str


def work_history_warnings(stream: str) -> list[Warning]:
    """Every ``work_history.*`` warning in Sphinx's warning output."""
    return [Warning(Path(m["path"]).name, int(m["line"]), m["subtype"], m["message"])
            for m in _WARNING.finditer(strip_colors(stream))]


def other_warnings(stream: str) -> list[str]:
    """Warning lines that are not the extension's own."""
    return [line for line in strip_colors(stream).splitlines()
            if "WARNING" in line and "[work_history." not in line]


def directive_line(path: Path, marker: str) -> int:
    """The line of the directive fence that opens the block holding *marker*."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if marker in line)
    while not lines[index].lstrip(":").startswith("{"):
        index -= 1
    return index + 1


def line_of(path: Path, marker: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if marker in line)


def copy_root(root: Path, dest: Path) -> Path:
    """A writable copy of a test root (tests that edit or build twice need one)."""
    shutil.copytree(root, dest, dirs_exist_ok=True)
    return dest


def build(srcdir: Path, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build *srcdir* with Sphinx's test application, in this process (the tests' one
    way, but for `sphinx_build`'s cases and the ``app`` fixture of
    ``@pytest.mark.sphinx``); return the app (its output folder, its warnings)."""
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(builder, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


_README_FILE = re.compile(
    r"\*\*`(?P<name>[\w.]+)`\*\*:\s*\n\n(?P<fence>`{3,})\w*\n(?P<text>.*?)\n(?P=fence)\n", re.S)


def readme_example(readme: Path) -> dict[str, str]:
    """The files of the README's complete example, by name: each is a code block
    introduced by its name in bold (**`conf.py`**:)."""
    text = readme.read_text(encoding="utf-8")
    example = text.split("<!-- example: start -->")[1].split("<!-- example: end -->")[0]
    return {m["name"]: m["text"] + "\n" for m in _README_FILE.finditer(example)}
def check_snapshot(expected: Path, got: str) -> None:
    """*got* must equal the snapshot file *expected*.

    With ``UPDATE_SNAPSHOTS=1`` the snapshot is rewritten instead, and the
    test still fails: a rewritten snapshot passes only once a person has
    reviewed the diff and run the tests again without it.
    """
    import pytest

    if os.environ.get("UPDATE_SNAPSHOTS"):
        changed = not expected.exists() or expected.read_text(encoding="utf-8") != got
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(got, encoding="utf-8")
        pytest.fail(f"{'rewrote' if changed else 'kept'} {expected.name} (UPDATE_SNAPSHOTS): "
                    "review `git diff`, then run the tests without UPDATE_SNAPSHOTS",
                    pytrace=False)
    assert expected.exists(), f"no snapshot {expected.name}: run with UPDATE_SNAPSHOTS=1"
    assert got == expected.read_text(encoding="utf-8"), f"{expected.name} differs"


def hypothesis_seed() -> int | None:
    """The seed of the randomised hypothesis tests, or None: derandomised.

    ``HYPOTHESIS_SEED=<n>`` replays a run. Under CI, conftest.py draws a
    fresh seed for each run and prints it in the report's header; elsewhere
    the tests see the same inputs every time.
    """
    value = os.environ.get("HYPOTHESIS_SEED", "").strip()
    return int(value) if value else None


def draw_hypothesis_seed() -> int | None:
    """Under CI with no seed given, draw one (for the whole run); the seed in force."""
    if os.environ.get("CI") and hypothesis_seed() is None:
        import random

        os.environ["HYPOTHESIS_SEED"] = str(random.SystemRandom().randrange(2 ** 32))
    return hypothesis_seed()



def unwrapped_tex_log(log: str) -> str:
    """TeX's messages without its line wrapping (79 columns) and the
    continuation prefix of workhistory.sty's messages."""
    text = re.sub(r"\n\(workhistory\)\s+", " ", log)
    return re.sub(r"(?m)^(.{79})\n", r"\1", text)


def hypothesis_line() -> str:
    """The report's line naming the hypothesis seed of the run."""
    if (seed := hypothesis_seed()) is None:
        return "hypothesis: derandomised (HYPOTHESIS_SEED=<n> randomises it; CI always does)"
    return f"hypothesis: seed {seed} (HYPOTHESIS_SEED={seed} replays this run)"


# -- reading the exports ------------------------------------------------------------

# The JSON Resume schema ships with the package's tests (the repository and the sdist).
SCHEMA_FILE = (Path(__file__).resolve().parents[3] / "tests" / "schemas"
               / "jsonresume-v1.schema.json")


@functools.cache
def jsonresume_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema

# (position, organisation, start, end): end is None while the role is ongoing.
Entry = tuple[str, str, str, "str | None"]


# -- dates ---------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_calendar_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day."""
    match = _DATE.fullmatch(text)
    if not match:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return year > 0


def resume_dates(resume: dict[str, Any]) -> list[str]:
    dates = []
    for section in ("work", "volunteer", "education", "awards", "certificates",
                    "publications", "projects"):
        for item in resume.get(section, []):
            dates += [item[key] for key in ("startDate", "endDate", "releaseDate", "date")
                      if key in item]
    return dates


def schema_errors(resume: dict[str, Any]) -> list[str]:
    import jsonschema

    validator = jsonschema.Draft7Validator(jsonresume_schema(),
                                           format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(resume)]
    errors += [f"{date!r} is not a calendar date" for date in resume_dates(resume)
               if not is_calendar_date(date)]
    return errors


# -- the three exports, each reduced to Entry tuples -----------------------------

def resume_entries(resume: dict[str, Any]) -> list[Entry]:
    return [(w.get("position", ""), w["name"], w["startDate"], w.get("endDate"))
            for w in resume["work"]]


def jsonld_blocks(html: str) -> list[str]:
    """The raw text of each JSON-LD script, as an HTML tokenizer ends it."""
    return re.findall(r'<script type="application/ld\+json">(.*?)</script', html,
                      flags=re.S | re.I)


def assert_inert(html: str) -> str:
    """The page's one JSON-LD block, checked to be unable to leave its element."""
    from bs4 import BeautifulSoup

    (block,) = jsonld_blocks(html)
    assert not {"<", ">", "&"} & set(block), block
    # Browsers' tokenizer (html5lib) and Python's end the element in the same place,
    # and see no script the sources did not ask for.
    for parser in ("html5lib", "html.parser"):
        scripts = BeautifulSoup(html, parser).find_all("script")
        ld = [s for s in scripts if s.get("type") == "application/ld+json"]
        assert [s.string for s in ld] == [block]
        assert len(scripts) == len(re.findall(r"<script\b", html, flags=re.I))
    return block


def jsonld_person(html: str) -> dict[str, Any]:
    (block,) = jsonld_blocks(html)
    person: dict[str, Any] = json.loads(block)
    return person


def jsonld_entries(person: dict[str, Any]) -> list[Entry]:
    entries = []
    for prop in ("worksFor", "alumniOf"):
        for role in person.get(prop, []):
            assert role["@type"] == "EmployeeRole"
            assert ("endDate" in role) == (prop == "alumniOf")  # worksFor: ongoing
            org = role[prop]
            assert org["@type"] == "Organization"
            entries.append((role.get("roleName", ""), org["name"], role["startDate"],
                            role.get("endDate")))
    return entries


def mf2_resumes(html: str, url: str) -> list[dict[str, Any]]:
    import mf2py

    parsed = mf2py.parse(doc=html, url=url)
    return [item for item in parsed["items"] if "h-resume" in item["type"]]


def _one(props: dict[str, Any], key: str) -> str | None:
    values = props.get(key, [])
    assert len(values) <= 1, (key, values)
    if not values:
        return None
    value = values[0]
    return str(value["value"] if isinstance(value, dict) else value)


def mf2_entries(h_resume: dict[str, Any]) -> list[tuple[str | None, ...]]:
    entries: list[tuple[str | None, ...]] = []
    for event in h_resume["properties"].get("experience", []):
        assert "h-event" in event["type"]
        props = event["properties"]
        name, org = _one(props, "name"), _one(props, "org")
        # An entry without a position is named by its organisation.
        entries.append(("" if name == org else name, org, _one(props, "start"),
                        _one(props, "end")))
    return entries


def mf2_contact(h_resume: dict[str, Any]) -> dict[str, Any]:
    """The properties of the résumé's one p-contact h-card."""
    (card,) = h_resume["properties"]["contact"]
    assert card["type"] == ["h-card"]
    properties: dict[str, Any] = card["properties"]
    return properties


def mf2_extras(h_resume: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """(location, organisation url) of each entry."""
    extras = []
    for event in h_resume["properties"].get("experience", []):
        org = event["properties"].get("org", [{}])[0]
        url = org.get("properties", {}).get("url", [None])[0] if isinstance(org, dict) else None
        extras.append((_one(event["properties"], "location"), url))
    return extras


def soup(path: Path, parser: str = "html.parser") -> BeautifulSoup:
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), parser)


def pdf_struct_elements(reader: Any) -> Iterator[dict[str, Any]]:
    """The tagged PDF's structure elements, breadth first (*reader* is a
    ``pypdf.PdfReader``): each a dictionary with its ``/S`` role."""
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop(0)
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                if "/S" in kid:
                    yield kid
                todo.append(kid)

