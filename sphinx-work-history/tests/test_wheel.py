"""The sdist and the wheel, as the release workflow builds them (`python -m build`, with
the tools requirements/release.txt pins) and as PyPI checks them (`twine check
--strict`). The wheel, installed in a fresh virtual environment with nothing but Sphinx,
MyST-Parser and Furo (docs requirements), builds the README's example; a project its
command writes installs from its own requirements.txt in another fresh environment, and
builds every format of `make all` with no TeX.

Nothing is fetched: the release tools and every dependency come from a local
wheelhouse that `make wheelhouse` fills beforehand (WHEELHOUSE names another).
"""

from __future__ import annotations

import email.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from packaging.requirements import Requirement
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

from sphinx_work_history.testing import SOURCE_DATE_EPOCH, readme_example

PACKAGE = Path(__file__).resolve().parent.parent


WHEELHOUSE = Path(os.environ.get("WHEELHOUSE", PACKAGE / ".wheelhouse"))
DOCS_REQUIREMENTS = PACKAGE / "requirements" / "docs.txt"
ALL_REQUIREMENTS = PACKAGE / "requirements" / "all.txt"  # docs.txt and the `all` extra's
RELEASE_REQUIREMENTS = PACKAGE / "requirements" / "release.txt"  # build, twine
# The build backend pyproject.toml names, pinned: the wheel is built offline too.
BUILD_BACKEND = tomllib.loads((PACKAGE / "pyproject.toml").read_text(encoding="utf-8"))[
    "build-system"]["requires"][0]
ASSETS = PACKAGE / "src" / "sphinx_work_history" / "assets"

# The environment the wheel is installed in has its own pins (requirements/): these
# tests depend on the Python, not on the Sphinx that runs them (the matrix runs them once
# per Python).
# One worker (under --dist loadgroup) makes the module's environments and dists, once.
pytestmark = [pytest.mark.slow, pytest.mark.wheel, pytest.mark.xdist_group("wheel")]


def offline_env(**extra: str) -> dict[str, str]:
    """The environment with no pip configuration (no index, links or constraints
    of this machine's) and nothing of this test run on the module path."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1", **extra}


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True,
                            check=False, env=kwargs.pop("env", offline_env()), **kwargs)
    assert result.returncode == 0, f"{args}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def missing_wheels(wheelhouse: Path, wanted: set[str]) -> set[str]:
    """The pins (name==version) with no wheel in *wheelhouse* that this Python can install."""
    here = set(sys_tags())
    found = set()
    for path in wheelhouse.glob("*.whl"):
        name, version, _, tags = parse_wheel_filename(path.name)
        if tags & here:
            found.add(f"{name}=={version}")
    return {pin for pin in wanted if canonical_pin(pin) not in found}


def canonical_pin(pin: str) -> str:
    name, version = pin.split("==")
    return f"{canonicalize_name(name)}=={version}"


@pytest.fixture(scope="module")
def wheelhouse() -> Path:
    missing = missing_wheels(WHEELHOUSE, pins(ALL_REQUIREMENTS) | pins(RELEASE_REQUIREMENTS)
                             | {BUILD_BACKEND})
    if missing:
        message = (f"the wheelhouse {WHEELHOUSE} has no wheel for Python "
                   f"{sys.version.split()[0]} of {', '.join(sorted(missing))}: "
                   "`make wheelhouse PYTHON=...` downloads them")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return WHEELHOUSE


@pytest.fixture(scope="module")
def release_tools(wheelhouse, tmp_path_factory) -> Path:
    """A fresh environment with what requirements/release.txt pins: build and twine."""
    venv = tmp_path_factory.mktemp("release") / "env"
    run(sys.executable, "-m", "venv", venv)
    run(venv / "bin" / "python", "-m", "pip", "install", "--no-index", "--find-links",
        wheelhouse, "-r", RELEASE_REQUIREMENTS)
    return venv


@pytest.fixture(scope="module")
def dist(release_tools, wheelhouse, tmp_path_factory) -> Path:
    """The sdist and the wheel, as the release workflow builds them: `python -m build`,
    whose isolated environment takes the build backend from the wheelhouse."""
    dist = tmp_path_factory.mktemp("dist")
    run(release_tools / "bin" / "python", "-m", "build", "--outdir", dist, PACKAGE,
        env=offline_env(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse)))
    return dist


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    (built,) = dist.glob("*.whl")
    return built


def test_build_makes_the_sdist_and_the_wheel_twine_passes_strictly(dist, release_tools):
    version = tomllib.loads((PACKAGE / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["version"]
    built = sorted(path.name for path in dist.iterdir())
    assert built == [f"sphinx_work_history-{version}-py3-none-any.whl",
                     f"sphinx_work_history-{version}.tar.gz"]
    checked = run(release_tools / "bin" / "python", "-m", "twine", "check", "--strict",
                  *sorted(dist.iterdir()), env=offline_env(NO_COLOR="1"))
    assert checked.stdout.count("PASSED") == 2, checked.stdout
    assert "WARNING" not in checked.stdout + checked.stderr


def test_the_sdist_holds_the_source_the_changelog_docs_and_tests(dist):
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "Makefile",
            "requirements/release.txt", "docs/install.md", "tests/test_wheel.py",
            "src/sphinx_work_history/__init__.py",
            "src/sphinx_work_history/cli/package_source.py"} <= names
    assert not [name for name in names
                if "__pycache__" in name or name.startswith((".wheelhouse", ".venvs"))]


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def test_wheel_holds_the_package_its_assets_and_licence(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        package = {n for n in names if n.startswith("sphinx_work_history/")}
        assert {"sphinx_work_history/__init__.py", "sphinx_work_history/py.typed",
                "sphinx_work_history/assets/html/work_history.css",
                "sphinx_work_history/assets/latex/workhistory.sty",
                *(f"sphinx_work_history/assets/typst/{design}.typ"
                  for design in ("base", "typeset", "classic", "moderncv", "compact",
                                 "sidebar", "engineering")),
                # The contact block's icon fonts, with their licence.
                *(f"sphinx_work_history/assets/typst/icons/{name}"
                  for name in ("fa-solid-900.ttf", "fa-brands-400.ttf", "LICENSE.txt"))
                } <= package
        assert archive.read("sphinx_work_history/assets/html/work_history.css") == \
            (ASSETS / "html" / "work_history.css").read_bytes()
        (licence,) = [n for n in names if re.search(r"\.dist-info/(licenses/)?LICENSE$", n)]
        assert archive.read(licence) == (PACKAGE / "LICENSE").read_bytes()
        # Nothing else: no tests, documentation or test roots.
        assert names - package <= {n for n in names if ".dist-info/" in n}


def test_wheel_metadata_declares_the_supported_versions(wheel):
    meta = metadata(wheel)
    assert meta["Name"] == "sphinx-work-history"
    assert meta["Requires-Python"] == ">=3.11"
    # Sphinx, Babel (CLDR's dates) and MarkupSafe (names as text in the HTML templates),
    # and the optional extras: everything (all), Word output, the command's import, the
    # PDF through Typst, the glyph check, a new project.
    project = tomllib.loads((PACKAGE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert project["dependencies"] == ["sphinx>=8.2,<10", "babel>=2.13,<3", "MarkupSafe>=2.0,<4"]
    assert meta.get_all("Requires-Dist") == project["dependencies"] + [
        f'{pin} ; extra == "{extra}"' for extra in sorted(extras) for pin in extras[extra]]
    assert meta.get_all("Provides-Extra") == ["all", "docx", "import", "pdf", "pdf-fonts",
                                              "project", "publications"]
    assert meta["License-Expression"] == "MIT"
    classifiers = meta.get_all("Classifier")
    assert "Framework :: Sphinx :: Extension" in classifiers
    assert "Typing :: Typed" in classifiers
    assert meta.get_payload().startswith("# sphinx-work-history")  # the README


def test_the_all_extra_holds_every_other_extra_and_what_the_example_needs():
    extras = tomllib.loads((PACKAGE / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    everything = set(extras.pop("all"))
    for name, requirements in extras.items():
        assert set(requirements) <= everything, name
    # The README's example: Markdown pages and the Furo theme.
    names = {requirement.split("==")[0] for requirement in everything}
    assert {"myst-parser", "furo", "python-docx", "fonttools"} <= names
    # Each pinned exactly, to the version the tests run on.
    tested = pins(PACKAGE / "requirements" / "sphinx-9.0.txt")
    for requirement in everything:
        assert re.fullmatch(r"[\w.-]+==[\w.]+", requirement), requirement
        assert requirement.lower() in tested, requirement


def installed(venv: Path) -> set[str]:
    listed = run(venv / "bin" / "python", "-m", "pip", "list", "--format=json").stdout
    return {f"{p['name']}=={p['version']}".lower().replace("_", "-") for p in json.loads(listed)}


@pytest.fixture(scope="module")
def venv(wheel, wheelhouse, tmp_path_factory) -> Path:
    """A fresh environment: the wheel, and only what docs.txt pins, from the wheelhouse."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", venv)
    venv.joinpath("fresh.json").write_text(json.dumps(sorted(installed(venv))))
    run(venv / "bin" / "python", "-m", "pip", "install", "--no-index", "--find-links",
        wheelhouse, wheel, "-r", DOCS_REQUIREMENTS)
    return venv


def pins(path: Path) -> set[str]:
    """The name==version lines of a requirements file, and of the files it names (-r),
    that this Python installs (those whose marker it meets)."""
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    found: set[str] = set()
    for line in filter(None, lines):
        if line.startswith("-r "):
            found |= pins(path.parent / line.removeprefix("-r ").strip())
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            found.add(f"{requirement.name}{requirement.specifier}".lower().replace("_", "-"))
    return found


def test_the_environment_holds_only_the_wheel_and_the_docs_requirements(venv, wheel):
    fresh = set(json.loads(venv.joinpath("fresh.json").read_text()))  # pip, and its kin
    expected = pins(DOCS_REQUIREMENTS) | {f"sphinx-work-history=={metadata(wheel)['Version']}"}
    assert installed(venv) - fresh == expected


def test_version_is_the_metadata_version(venv, wheel):
    code = ("import sphinx_work_history as m; from importlib.metadata import version; "
            "print(m.__version__, version('sphinx-work-history'), m.__file__)")
    version, dist_version, module = run(venv / "bin" / "python", "-c", code).stdout.split()
    assert version == dist_version == metadata(wheel)["Version"]
    # Imported from the environment, not from this source tree.
    assert Path(module).is_relative_to(venv)


def test_the_readme_example_builds_strictly(venv, tmp_path):
    src = tmp_path / "cv"
    src.mkdir()
    for name, text in readme_example(PACKAGE / "README.md").items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "html"
    run(venv / "bin" / "python", "-m", "sphinx", "-W", "--keep-going", "-n", "-T", "-q",
        "-b", "html", src, out, cwd=tmp_path, env=offline_env(SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH))
    page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    positions = [a.select_one(".wh-position").get_text() for a in page.select("article.wh-job")]
    assert positions == ["Database Engineer", "Support Engineer", "Junior Developer"]
    assert len(page.select("table.wh-summary tbody tr")) == 3
    assert page.select_one('link[rel="stylesheet"][href*="work_history.css"]') is not None
    assert (out / "_static" / "work_history.css").read_bytes() == \
        (ASSETS / "html" / "work_history.css").read_bytes()
    assert (out / "resume.json").is_file()


def test_a_new_project_installs_from_its_requirements_and_builds_with_no_tex(
        venv, wheel, wheelhouse, tmp_path):
    """`new`, run where the package came from a wheel file (not an index, as its PEP 610
    direct_url.json says), puts that wheel in the project and names it in requirements.txt.
    A fresh environment installs that file alone, from a local index of the third-party
    wheels that does not hold this package, as Read the Docs would (in the project's
    folder); then `make all`, as the project's README says, builds every format with no
    TeX on the PATH. (What it installs is the `all` extra, from a wheel and no index, as
    the package's README has a user do: exactly its pins.)"""
    make = shutil.which("make")
    if make is None:
        pytest.skip("no make")
    project = tmp_path / "cv"
    run(venv / "bin" / "sphinx-work-history", "new", project, "--name", "Ada Lovelace")
    assert (project / "wheels" / wheel.name).read_bytes() == wheel.read_bytes()
    requirements = (project / "requirements.txt").read_text(encoding="utf-8")
    assert f"./wheels/{wheel.name}[all]" in requirements.splitlines()

    index = tmp_path / "index"  # the wheelhouse, less any wheel of this package
    index.mkdir()
    for source in wheelhouse.glob("*.whl"):
        if parse_wheel_filename(source.name)[0] != "sphinx-work-history":
            (index / source.name).symlink_to(source)
    fresh_venv = tmp_path / "env"
    run(sys.executable, "-m", "venv", fresh_venv)
    fresh = installed(fresh_venv)
    # --no-compile: Python compiles what the builds import, not every module installed.
    run(fresh_venv / "bin" / "python", "-m", "pip", "install", "--no-compile", "--no-index",
        "--find-links", index, "-r", "requirements.txt", cwd=project)
    assert installed(fresh_venv) - fresh == pins(ALL_REQUIREMENTS) | {
        f"sphinx-work-history=={metadata(wheel)['Version']}"}

    tools = tmp_path / "bin"  # make, and nothing of TeX's
    tools.mkdir()
    (tools / "make").symlink_to(make)
    path = os.pathsep.join([str(fresh_venv / "bin"), str(tools)])
    assert not [tex for tex in ("tex", "latex", "lualatex", "pdflatex", "xelatex", "latexmk")
                if shutil.which(tex, path=path)]
    run(make, "all", f"SPHINXBUILD={fresh_venv / 'bin' / 'python'} -m sphinx", cwd=project,
        env=offline_env(PATH=path, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH))
    built = project / "_build"
    assert "Ada Lovelace" in (built / "html" / "index.html").read_text(encoding="utf-8")
    for output in ("epub/ada-lovelace-cv.epub", "cv-pdf/ada-lovelace-cv.pdf",
                   "cv-docx/ada-lovelace-cv.docx", "cv-markdown/ada-lovelace-cv.md"):
        assert (built / output).is_file(), output
    assert (built / "cv-text" / "ada-lovelace-cv.txt").read_text(
        encoding="utf-8").startswith("Ada Lovelace\n")
    assert not (built / "latex").exists()
