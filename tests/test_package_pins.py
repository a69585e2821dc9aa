"""The package's pinned environments agree with the site's.

CI (.ci/run) runs the package's tests on Sphinx 9.0 and Python 3.11 in the
site's own .venv (`make test`), and skips that environment of the package's
matrix: so the two must pin the same versions. The package's documentation and
its wheel test use the Sphinx, MyST-Parser and Furo the site builds with.
"""

from __future__ import annotations

from pathlib import Path

from site_testing import PROJECT

REQUIREMENTS = PROJECT / "sphinx-work-history" / "requirements"


def pins(*paths: Path) -> dict[str, str]:
    found = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if "==" in line:
                name, version = line.split("==")
                found[name.lower().replace("_", "-")] = version
    return found


def test_the_matrix_environment_ci_skips_pins_what_the_site_pins():
    site = pins(PROJECT / "requirements.txt", PROJECT / "requirements-test.txt")
    package = pins(REQUIREMENTS / "sphinx-9.0.txt")
    assert package["sphinx"].startswith("9.0.")
    assert {name: (version, site.get(name)) for name, version in package.items()
            if site.get(name) != version} == {}
    assert 'MATRIX="sphinx-8.2 sphinx-9-py313"' in (PROJECT / ".ci" / "run").read_text()


def test_the_docs_build_with_the_sites_sphinx_myst_and_furo():
    # The site's environment: its build's pins, and its tests' (the package's
    # documentation builds in its tests, with pybtex for the publications page).
    site = pins(PROJECT / "requirements.txt") | pins(PROJECT / "requirements-test.txt")
    docs = pins(REQUIREMENTS / "docs.txt")
    assert {name: (version, site.get(name)) for name, version in docs.items()
            if site.get(name) != version} == {}
