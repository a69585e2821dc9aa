"""Random option values give warnings, never an exception."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_work_history.config.options import is_web_url
from sphinx_work_history.model.dates import DateError, PartialDate
from sphinx_work_history.sphinx.nodes import summary_placeholder
from sphinx_work_history.testing import work_history_warnings

CONF = '''\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
work_history_today = "2026-11-27"
'''

# Values a person might type: letters, digits and punctuation dates and
# addresses use, but nothing MyST's option block reads as YAML syntax.
value = st.text(alphabet="abcxyzAZ0123456789-/.:@ _~%&", max_size=20)
dateish = st.one_of(value, st.from_regex(r"\A[0-9]{1,5}(-[0-9]{1,3}){0,2}\Z"),
                    st.sampled_from(["present", "Present", "2020", "2020-02-29", "2021-02-29"]))
option_names = st.sampled_from(["org", "start", "end", "location", "url", "tags", "name",
                                "no-duration", "colour", "since", "limit", "x-y"])


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    srcdir: Path = tmp_path_factory.mktemp("fuzz")
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text("# Index\n\n```{toctree}\nfuzz\n```\n", encoding="utf-8")
    (srcdir / "fuzz.md").write_text("# Fuzz\n", encoding="utf-8")  # each example rewrites it
    app = SphinxTestApp("html", srcdir=srcdir)
    app.build()
    yield app
    app.cleanup()


def parse(app, text: str):
    """Read *text* as the document ``fuzz``, then resolve it, as a rebuild of an
    edited page does (the builder's own reading, so any Sphinx version)."""
    (app.srcdir / "fuzz.md").write_text(text, encoding="utf-8")
    app.events.emit("env-purge-doc", app.env, "fuzz")
    app.env.clear_doc("fuzz")
    app.builder.read_doc("fuzz")
    doctree = app.env.get_doctree("fuzz")
    app.env.apply_post_transforms(doctree, "fuzz")  # then emits doctree-resolved
    return doctree


def is_date(text: str) -> bool:
    try:
        PartialDate.parse(text)
    except DateError:
        return False
    return True


def directive(name: str, argument: str, options: dict[str, str]) -> str:
    lines = [f":::{{{name}}} {argument}".rstrip()]
    lines += [f":{key}: {val}".rstrip() for key, val in options.items()]
    return "\n".join([*lines, "", "Text.", ":::", ""])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=value, options=st.dictionaries(option_names, value, max_size=6),
       start=st.one_of(st.none(), dateish), end=st.one_of(st.none(), dateish))
def test_job_options_warn_never_raise(app, position, options, start, end):
    if start is not None:
        options["start"] = start
    if end is not None:
        options["end"] = end
    app.warning.seek(0)
    app.warning.truncate()
    parse(app, "# Fuzz\n\n" + directive("job", position, options))
    warnings = work_history_warnings(app.warning.getvalue())
    subtypes = {w.subtype for w in warnings}
    assert all(w.file == "fuzz.md" for w in warnings)
    # Whatever was wrong is said.
    unknown = set(options) - {"org", "start", "end", "location", "url", "tags", "name",
                              "no-duration"}
    if unknown:
        assert "unknown_option" in subtypes
    start_text = options.get("start", "").strip()
    if not is_date(start_text):
        assert subtypes & {"missing_field", "bad_date", "date_order"}
    url = options.get("url", "").strip()
    if url and not is_web_url(url):
        assert "bad_url" in subtypes
    # The position is optional; the organisation is not.
    if not options.get("org", "").strip():
        assert "missing_field" in subtypes
    if not warnings:
        assert not re.search(r"WARNING", app.warning.getvalue())


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(options=st.dictionaries(option_names, value, max_size=4))
def test_summary_options_warn_never_raise(app, options):
    app.warning.seek(0)
    app.warning.truncate()
    job = directive("job", "Engineer", {"org": "Acme", "start": "2020", "tags": "a, b"})
    doctree = parse(app, "# Fuzz\n\n" + job + directive("work-history", "", options))
    subtypes = {w.subtype for w in work_history_warnings(app.warning.getvalue())}
    assert not list(doctree.findall(summary_placeholder))
    if set(options) - {"tags", "since", "limit"}:
        assert "unknown_option" in subtypes
    since = options.get("since", "").strip()
    if ("since" in options and not re.fullmatch(r"[0-9]{4}", since)) or since == "0000":
        assert "bad_option" in subtypes
    limit = options.get("limit", "").strip()
    if "limit" in options and not (limit.isdigit() and int(limit) > 0):
        assert "bad_option" in subtypes
