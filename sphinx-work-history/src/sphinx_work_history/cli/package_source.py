"""What a new project's requirements.txt names for this package, and the wheel it carries.

pip records where a package came from when it was not an index (PEP 610): the installed
distribution then holds ``direct_url.json``. From an index, the project pins the version
(``sphinx-work-history[all]==1.0.0``), which an index serving it installs anywhere.
Otherwise no index may serve it, so the project carries the package's wheel in
``wheels/`` and its requirements.txt names that file (``./wheels/<wheel>[all]``), which
pip reads from the project's folder, as Read the Docs does from the repository's root.
The wheel is:

* installed from a wheel file that is still there, and holds what is installed: that file;
* installed editable, from the source folder: a wheel built from that folder by flit_core,
  the build backend its pyproject.toml names;
* otherwise (a folder, a source archive, a URL, a version control system): the installed
  files, packed again into the wheel pip unpacked (its RECORD lists them and their hashes).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib
import io
import json
import stat
import zipfile
from dataclasses import dataclass, field
from importlib.metadata import Distribution, distribution
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

DIST_NAME = "sphinx-work-history"
EXTRA = "all"
WHEELS = "wheels"
# What pip adds to a wheel's files when it installs it: never part of the wheel.
_INSTALLER_FILES = frozenset({"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"})
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the wheels' reproducible time stamp, as zip's earliest


@dataclass(frozen=True)
class PackageRequirement:
    line: str  # requirements.txt's line for the package
    files: dict[str, bytes] = field(default_factory=dict)  # the wheel, by relative path
    notes: tuple[str, ...] = ()  # what the author should know, one line each


def package_requirement() -> PackageRequirement:
    """The requirement of the running package, its wheel made once per process."""
    return _running()


@functools.cache
def _running() -> PackageRequirement:
    return requirement_of(distribution(DIST_NAME))


def requirement_of(dist: Distribution) -> PackageRequirement:
    """What a project requires for *dist*, an installed distribution of this package."""
    pinned = f"{DIST_NAME}[{EXTRA}]=={dist.version}"
    source = dist.read_text("direct_url.json")
    if source is None:  # from an index
        return PackageRequirement(pinned)
    try:
        direct = json.loads(source)
        url = str(direct["url"])
    except (ValueError, KeyError, TypeError):
        direct, url = {}, ""
    path = _local_path(url)
    dir_info = direct.get("dir_info")
    if isinstance(dir_info, dict) and dir_info.get("editable"):
        name, data, note = _built_from(path)
    elif path is not None and path.suffix == ".whl" and _holds_what_is_installed(path, dist):
        name, data, note = path.name, path.read_bytes(), None
    else:
        name, data, note = _repacked(dist)
    if data is None:
        return PackageRequirement(pinned, notes=(
            f"requirements.txt pins {pinned}, which only an index serving that version "
            f"installs: {note}",))
    return PackageRequirement(f"./{WHEELS}/{name}[{EXTRA}]", {f"{WHEELS}/{name}": data})


def _local_path(url: str) -> Path | None:
    """The path a ``file:`` URL names, or None for any other URL."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(url2pathname(unquote(parts.path)))


def _holds_what_is_installed(wheel: Path, dist: Distribution) -> bool:
    """*wheel* is there, and every file it lists is installed with the same hash."""
    try:
        with zipfile.ZipFile(wheel) as archive:
            record = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
            listed = _record_lines(archive.read(record).decode("utf-8"))
    except (OSError, zipfile.BadZipFile, StopIteration, UnicodeDecodeError):
        return False
    installed = _record_lines(dist.read_text("RECORD") or "")
    return bool(listed) and listed <= installed


def _record_lines(text: str) -> set[tuple[str, str]]:
    """RECORD's files and their hashes (those it lists without one are left out)."""
    rows = (line.split(",") for line in text.splitlines())
    return {(row[0], row[1]) for row in rows if len(row) == 3 and row[1]}


def _built_from(folder: Path | None) -> tuple[str, bytes | None, str | None]:
    """The wheel flit_core builds from the source folder of an editable install."""
    where = f"{DIST_NAME} runs from its source folder {folder} (an editable install)"
    pyproject = folder / "pyproject.toml" if folder is not None else None
    if pyproject is None or not pyproject.is_file():
        return "", None, f"{where}, which has no pyproject.toml to build its wheel from"
    try:
        flit_wheel = importlib.import_module("flit_core.wheel")
    except ImportError:
        return "", None, (f"{where}, and flit_core, which builds its wheel, is not "
                          f"installed (pip install flit_core, then run again with --force)")
    buffer = io.BytesIO()
    try:
        builder = flit_wheel.WheelBuilder.from_ini_path(pyproject, buffer)
        builder.build(False)
    except Exception as exc:  # flit_core's own errors: said, as the rest
        return "", None, f"{where}, and flit_core could not build its wheel: {exc}"
    return str(builder.wheel_filename), buffer.getvalue(), None


def _repacked(dist: Distribution) -> tuple[str, bytes | None, str | None]:
    """The installed files, packed into the wheel they were unpacked from."""
    files = dist.files or []
    metadata = next((f for f in files if f.name == "METADATA"
                     and f.parent.name.endswith(".dist-info")), None)
    if metadata is None:
        return "", None, f"the installed {DIST_NAME} lists none of its files (no RECORD)"
    dist_info = PurePosixPath(metadata.parent.as_posix())
    members: dict[str, bytes] = {}
    for file in files:
        path = PurePosixPath(file.as_posix())
        if (".." in path.parts or "__pycache__" in path.parts or path.suffix == ".pyc"
                or (path.parent == dist_info and path.name in _INSTALLER_FILES)):
            continue
        try:
            members[str(path)] = Path(str(dist.locate_file(file))).read_bytes()
        except OSError as exc:
            return "", None, f"{exc.filename}: {exc.strerror}"
    tags = [line.split(":", 1)[1].strip() for line in members.get(
        f"{dist_info}/WHEEL", b"").decode("utf-8").splitlines() if line.startswith("Tag:")]
    if not tags:
        return "", None, f"the installed {DIST_NAME} has no WHEEL file naming its tags"
    name = f"{dist_info.name.removesuffix('.dist-info')}-{_compressed(tags)}.whl"
    return name, _wheel(members, f"{dist_info}/RECORD"), None


def _compressed(tags: list[str]) -> str:
    """The wheel file name's tag of several tags: each part's values joined by dots."""
    parts = [tag.split("-") for tag in tags]
    return "-".join(".".join(dict.fromkeys(tag[i] for tag in parts)) for i in range(3))


def _wheel(members: dict[str, bytes], record: str) -> bytes:
    """A wheel of *members*: the package's files first, its .dist-info's last, RECORD
    written anew; every member dated alike, so the same files make the same bytes."""
    lines = []
    buffer = io.BytesIO()
    order = sorted(members, key=lambda name: (".dist-info/" in name, name))
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in order:
            _add(archive, name, members[name])
            digest = base64.urlsafe_b64encode(hashlib.sha256(members[name]).digest())
            lines.append(f"{name},sha256={digest.decode('ascii').rstrip('=')},"
                         f"{len(members[name])}")
        lines.append(f"{record},,")
        _add(archive, record, "".join(line + "\n" for line in lines).encode("utf-8"))
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)

