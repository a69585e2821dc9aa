"""What a new project's requirements.txt names for the package, by where it was installed
from (PEP 610's direct_url.json), and the wheel the project then carries.

Each case is an installed distribution made here as pip lays one out: a wheel (built
from this folder by flit_core, as an editable install's is) unpacked into a folder, with
what pip adds (INSTALLER, direct_url.json, compiled modules, the console script outside
it, all in RECORD).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tomllib
import zipfile
from importlib.metadata import Distribution
from pathlib import Path
from typing import Any

import pytest

from sphinx_work_history.cli.package_source import requirement_of
from sphinx_work_history.testing import require_module

PACKAGE = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((PACKAGE / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"]["version"]
WHEEL_NAME = f"sphinx_work_history-{VERSION}-py3-none-any.whl"
PINNED = f"sphinx-work-history[all]=={VERSION}"
EDITABLE = {"url": PACKAGE.as_uri(), "dir_info": {"editable": True}}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The wheel of this folder, as the command builds it for an editable install."""
    site = tmp_path_factory.mktemp("editable")
    made = requirement_of(installed(site, _flit_wheel(), EDITABLE))
    return made.files[f"wheels/{WHEEL_NAME}"]


def _flit_wheel() -> bytes:
    flit_wheel = require_module("flit_core.wheel")
    buffer = io.BytesIO()
    flit_wheel.WheelBuilder.from_ini_path(PACKAGE / "pyproject.toml", buffer).build(False)
    return buffer.getvalue()


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode().rstrip("=")
    return f"{name},sha256={digest},{len(data)}"


def installed(site: Path, wheel: bytes, direct_url: dict[str, Any] | None) -> Distribution:
    """*wheel* installed into *site* as pip does, from where *direct_url* says."""
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        archive.extractall(site)
    dist_info = next(site.glob("*.dist-info"))
    added = {f"{dist_info.name}/INSTALLER": b"pip\n",
             "sphinx_work_history/__pycache__/__init__.cpython-311.pyc": b"\x00compiled",
             "../../../bin/sphinx-work-history": b"#!/usr/bin/python\n"}
    if direct_url is not None:
        added[f"{dist_info.name}/direct_url.json"] = json.dumps(direct_url).encode()
    record = dist_info / "RECORD"
    lines = record.read_text(encoding="utf-8").splitlines()
    for name, data in added.items():
        if not name.startswith(".."):
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_bytes(data)
        lines.append(_record_line(name, data))
    record.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return Distribution.at(dist_info)


def members(wheel: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def record(files: dict[str, bytes]) -> set[str]:
    (name,) = [n for n in files if n.endswith(".dist-info/RECORD")]
    return set(files[name].decode().splitlines())


def test_from_an_index_the_project_pins_the_version(tmp_path: Path, wheel: bytes) -> None:
    made = requirement_of(installed(tmp_path, wheel, None))
    assert (made.line, made.files, made.notes) == (PINNED, {}, ())


def test_editable_the_wheel_is_built_from_the_source_folder(wheel: bytes) -> None:
    files = members(wheel)
    source = PACKAGE / "src" / "sphinx_work_history"
    assert files["sphinx_work_history/cli/package_source.py"] == \
        (source / "cli" / "package_source.py").read_bytes()
    assert files["sphinx_work_history/assets/project/conf.py.txt"] == \
        (source / "assets" / "project" / "conf.py.txt").read_bytes()
    metadata = files[f"sphinx_work_history-{VERSION}.dist-info/METADATA"].decode()
    assert "\nName: sphinx-work-history\n" in metadata
    assert f"\nVersion: {VERSION}\n" in metadata


def test_from_a_wheel_file_the_project_carries_that_file(tmp_path: Path, wheel: bytes) -> None:
    path = tmp_path / "dist" / WHEEL_NAME
    path.parent.mkdir()
    path.write_bytes(wheel)
    made = requirement_of(installed(tmp_path / "site", wheel, {
        "url": path.as_uri(), "archive_info": {"hashes": {"sha256": "..."}}}))
    assert made.line == f"./wheels/{WHEEL_NAME}[all]"
    assert made.files == {f"wheels/{WHEEL_NAME}": wheel}
    assert made.notes == ()


@pytest.mark.parametrize("direct_url", [
    {"url": PACKAGE.as_uri(), "dir_info": {}},  # pip install ./sphinx-work-history
    {"url": "https://example.org/sphinx_work_history-1.0.0.tar.gz", "archive_info": {}},
    {"url": "https://example.org/cv.git", "vcs_info": {"vcs": "git", "commit_id": "0" * 40}},
    {"url": "file:///nowhere/sphinx_work_history-1.0.0-py3-none-any.whl", "archive_info": {}},
    {"url": 42},  # not what PEP 610 writes: the installed files are all there is
], ids=["folder", "sdist-url", "vcs", "wheel-gone", "bad-json"])
def test_otherwise_the_installed_files_are_the_wheel_again(
        tmp_path: Path, wheel: bytes, direct_url: dict[str, Any]) -> None:
    """What pip added (INSTALLER, direct_url.json, compiled modules, the console script)
    is left out: the wheel holds the files the built one holds, byte for byte, and a
    RECORD that lists each with its hash."""
    made = requirement_of(installed(tmp_path, wheel, direct_url))
    assert made.line == f"./wheels/{WHEEL_NAME}[all]"
    assert made.notes == ()
    (repacked,) = made.files.values()
    original, again = members(wheel), members(repacked)
    assert sorted(again) == sorted(original)
    assert {name: data for name, data in again.items() if not name.endswith("RECORD")} == \
        {name: data for name, data in original.items() if not name.endswith("RECORD")}
    assert record(again) == record(original)
    # Made again, it is the same file.
    assert requirement_of(installed(tmp_path / "again", wheel, direct_url)).files == made.files


def test_a_wheel_file_that_holds_other_files_is_not_taken(tmp_path: Path, wheel: bytes) -> None:
    """The wheel file the package was installed from, built again since with other
    code: the project carries what is installed."""
    changed = members(wheel)
    changed["sphinx_work_history/cli/package_source.py"] += b"# changed\n"
    record_name = f"sphinx_work_history-{VERSION}.dist-info/RECORD"
    changed[record_name] = "".join(
        _record_line(name, data) + "\n" for name, data in changed.items()
        if name != record_name).encode()
    path = tmp_path / WHEEL_NAME
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in changed.items():
            archive.writestr(name, data)
    made = requirement_of(installed(tmp_path / "site", wheel, {
        "url": path.as_uri(), "archive_info": {}}))
    assert members(made.files[f"wheels/{WHEEL_NAME}"])[
        "sphinx_work_history/cli/package_source.py"] == \
        members(wheel)["sphinx_work_history/cli/package_source.py"]


def test_editable_without_flit_core_is_a_note_and_a_pin(
        tmp_path: Path, wheel: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "flit_core.wheel", None)  # as if not installed
    made = requirement_of(installed(tmp_path, wheel, EDITABLE))
    assert (made.line, made.files) == (PINNED, {})
    (note,) = made.notes
    assert note.startswith(f"requirements.txt pins {PINNED}, which only an index serving "
                           f"that version installs: sphinx-work-history runs from its "
                           f"source folder {PACKAGE} (an editable install), and flit_core")
    assert "pip install flit_core" in note


def test_an_editable_source_folder_gone_is_a_note_and_a_pin(tmp_path: Path,
                                                            wheel: bytes) -> None:
    gone = tmp_path / "gone"
    made = requirement_of(installed(tmp_path / "site", wheel,
                                    {"url": gone.as_uri(), "dir_info": {"editable": True}}))
    assert (made.line, made.files) == (PINNED, {})
    (note,) = made.notes
    assert f"its source folder {gone} (an editable install), which has no pyproject.toml" \
        in note


def test_the_environments_that_run_new_from_this_folder_have_its_build_backend() -> None:
    """The test environments install the package editable: each pins flit_core as
    pyproject.toml's build-system does, so `new` can build the wheel there."""
    backend = tomllib.loads((PACKAGE / "pyproject.toml").read_text(encoding="utf-8"))[
        "build-system"]["requires"]
    assert backend == ["flit_core==3.12.0"]
    for requirements in sorted((PACKAGE / "requirements").glob("sphinx-*.txt")):
        assert backend[0] in requirements.read_text(encoding="utf-8").splitlines(), \
            requirements.name
