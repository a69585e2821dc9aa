"""The documentation in docs/: it builds strictly, documents every config value and
warning, shows every snippet beside its source, and Read the Docs can build it."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_work_history.config.messages import SUBTYPES
from sphinx_work_history.testing import build, sphinx_build, work_history_warnings

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("docs")

TESTS = Path(__file__).resolve().parent
PACKAGE = Path(__file__).resolve().parent.parent

DOCS = PACKAGE / "docs"
SNIPPETS = sorted((TESTS / "snippets").glob("*.md"))
RTD_SCHEMA = TESTS / "schemas" / "readthedocs-v2.schema.json"


@pytest.fixture(scope="module")
def docs_html(tmp_path_factory) -> Path:
    """The documentation, built as Read the Docs and `make docs` build it."""
    out = tmp_path_factory.mktemp("docs") / "html"
    sphinx_build(DOCS, out, "html")
    return out


def page(docs_html: Path, name: str) -> BeautifulSoup:
    html = (docs_html / name).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one('article[role="main"]')


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def registered_config_values(tmp_path: Path) -> set[str]:
    """The config values the extension adds, as Sphinx sees them after setup()."""
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_work_history"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Index\n=====\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path)
    try:
        return {value.name for value in app.config if value.name.startswith("work_history")}
    finally:
        app.cleanup()


def test_every_config_value_is_documented(docs_html, tmp_path):
    names = registered_config_values(tmp_path)
    assert {"work_history_today", "work_history_durations", "work_history_exclude_docs",
            "work_history_person", "work_history_publications"} <= names
    config = page(docs_html, "config.html")
    documented = {code.get_text() for code in config.select("table td:first-child code")}
    assert names == documented


def test_every_warning_subtype_is_documented(docs_html):
    warnings = page(docs_html, "warnings.html")
    documented = {code.get_text() for code in warnings.select("table td:first-child code")}
    assert documented == {f"work_history.{subtype}" for subtype in SUBTYPES}


def test_the_warning_shown_is_the_one_sphinx_gives(docs_html, tmp_path):
    source = (DOCS / "warnings.md").read_text(encoding="utf-8")
    entry = re.search(r"```markdown\n(.*?)```", source, re.S)[1]
    shown = " ".join(re.search(r"```text\n(.*?)\n```", source, re.S)[1].split())
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_work_history"]\n'
        'myst_enable_extensions = ["colon_fence"]\n', encoding="utf-8")
    (tmp_path / "index.md").write_text("# CV\n\n```{toctree}\nwork-history\n```\n",
                                       encoding="utf-8")
    (tmp_path / "work-history.md").write_text(entry, encoding="utf-8")
    app = build(tmp_path)
    [warning] = work_history_warnings(app.warning.getvalue())
    assert shown == (f"{warning.file}:{warning.line}: WARNING: {warning.message} "
                     f"[work_history.{warning.subtype}]")
    # What the page says happens to the entry does.
    article = BeautifulSoup((app.outdir / "work-history.html").read_text(encoding="utf-8"),
                            "html.parser").select_one("article.wh-job")
    assert words(article.select_one(".wh-dates")) == "May 2020 – unknown"
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["work"] == []


def snippets_in_page_order(source: str) -> list[Path]:
    names = re.findall(r"\{literalinclude\} \.\./tests/snippets/(\S+)", source)
    return [TESTS / "snippets" / name for name in names]


def test_every_snippet_is_shown_beside_its_source(docs_html):
    source = (DOCS / "directives.md").read_text(encoding="utf-8")
    for snippet in SNIPPETS:
        assert f"{{literalinclude}} ../tests/snippets/{snippet.name}" in source
        assert f"{{include}} ../tests/snippets/{snippet.name}" in source
    directives = page(docs_html, "directives.html")
    sources = [block.get_text() for block in directives.select("div.highlight-markdown pre")]
    assert sources == [s.read_text(encoding="utf-8") for s in snippets_in_page_order(source)]
    rendered = directives.select(".wh-example")
    assert len(rendered) == len(SNIPPETS)
    assert rendered[0].select_one("article#example-widgets .wh-duration").get_text() == \
        "2 yrs 3 mos"
    assert rendered[2].select_one("section.wh-employer .wh-duration").get_text() == "3 yrs 1 mo"
    # The summary lists the documentation's own entries that match its options.
    rows = [[words(td) for td in tr.select("td")] for tr in rendered[3].select("tbody tr")]
    assert [row[:2] for row in rows] == [["Senior Widget Engineer", "Example Widgets Ltd"],
                                         ["Database Engineer", "Example Cloud Inc"]]
    links = [a["href"] for a in rendered[4].select("a.reference.internal")]
    assert links == ["#example-widgets", "#example-cloud-inc-2015"]


def test_quick_start_is_the_readme_example(docs_html):
    quickstart = page(docs_html, "quickstart.html")
    readme = (PACKAGE / "README.md").read_text(encoding="utf-8")
    example = readme.split("<!-- example: start -->")[1].split("<!-- example: end -->")[0]
    blocks = [block.get_text() for block in quickstart.select("div.highlight pre")]
    assert blocks, "the quick start shows no code"
    for block in blocks:
        assert block in example
    assert len(blocks) == (example.count("```python") + example.count("````markdown")
                           + example.count("```sh"))


def test_the_install_page_lists_every_extra_and_what_it_installs(docs_html):
    extras = tomllib.loads((PACKAGE / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    section = page(docs_html, "install.html").select_one("section#wh-extras")
    rows = {words(tr.select_one("td code")): words(tr.select("td")[1]).lower()
            for tr in section.select("table tbody tr")}
    assert sorted(rows) == sorted(extras)
    for extra, requirements in extras.items():
        if extra != "all":
            for requirement in requirements:
                assert requirement.split("==")[0].lower() in rows[extra], (extra, requirement)


def test_the_package_version_is_in_the_title(docs_html):
    from sphinx_work_history import __version__

    index = BeautifulSoup((docs_html / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert __version__ in index.title.get_text()


# -- Read the Docs ---------------------------------------------------------------

@pytest.fixture(scope="module")
def rtd_config() -> dict:
    return yaml.safe_load((PACKAGE / ".readthedocs.yaml").read_text(encoding="utf-8"))


def test_rtd_config_is_valid_against_read_the_docs_schema(rtd_config):
    schema = yaml.safe_load(RTD_SCHEMA.read_text(encoding="utf-8"))  # JSON is YAML
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(rtd_config)


def test_rtd_schema_rejects_what_read_the_docs_rejects():
    """The validation above can fail: a misspelt key or an unknown format is caught."""
    validator = jsonschema.Draft202012Validator(
        yaml.safe_load(RTD_SCHEMA.read_text(encoding="utf-8")))
    assert not validator.is_valid({"version": 2, "formats": ["pdf", "docx"]})
    assert not validator.is_valid({"version": 2, "sphinx": {"configuraton": "conf.py"}})


def test_rtd_builds_these_docs_strictly_from_pinned_requirements(rtd_config):
    # Read the Docs reads every path from the repository's root, whatever the
    # config file's own folder: the package is one folder of its repository.
    repository = PACKAGE.parent
    assert rtd_config["version"] == 2
    assert rtd_config["build"]["os"].startswith("ubuntu-")
    conf = repository / rtd_config["sphinx"]["configuration"]
    assert conf.resolve() == (DOCS / "conf.py").resolve()
    assert rtd_config["sphinx"]["fail_on_warning"] is True
    install = rtd_config["python"]["install"]
    [requirements] = [step["requirements"] for step in install if "requirements" in step]
    [package] = [step for step in install if "path" in step]
    assert (repository / package["path"]).resolve() == PACKAGE.resolve()
    assert package.get("method", "pip") == "pip"
    pins = [line.split("#")[0].strip()
            for line in (repository / requirements).read_text(encoding="utf-8").splitlines()]
    pins = [pin for pin in pins if pin]
    assert all(re.fullmatch(r"[\w.-]+==[\w.]+", pin) for pin in pins), pins
    names = {pin.split("==")[0].lower() for pin in pins}
    assert {"sphinx", "myst-parser", "furo"} <= names
