"""Three people's JSON Resume files, written by hand into sites with the directives.

Each root (a new graduate, a senior engineer, a career changer) holds the
person's ``resume.json`` as they keep it, and the pages written from it
with every kind of entry. Built, the site's resume.json gives every value
back: the same document, its ``meta`` and ``$schema`` aside.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sphinx_work_history.testing import build, copy_root, schema_errors

ROOTS = Path(__file__).resolve().parent / "roots"

PEOPLE = ["test-jr-graduate", "test-jr-senior", "test-jr-changer"]


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every value of a JSON document, by its JSON path (``work[0].startDate``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    else:
        yield path, value


@pytest.mark.parametrize("root", PEOPLE)
def test_every_value_comes_back_in_resume_json(root, tmp_path):
    srcdir = copy_root(ROOTS / root, tmp_path / "src")
    app = build(srcdir, "html", warningiserror=False)
    assert app._warning.getvalue() == ""
    written = json.loads((srcdir / "resume.json").read_text(encoding="utf-8"))
    built = json.loads((Path(app.outdir) / "resume.json").read_text(encoding="utf-8"))
    assert schema_errors(built) == []
    built.pop("meta", None)
    built.pop("$schema", None)
    expected, found = dict(leaves(written)), dict(leaves(built))
    kept = [path for path, value in expected.items() if found.get(path) == value]
    print(f"{root}: {len(kept)} of {len(expected)} values come back")
    assert {path: (value, found.get(path)) for path, value in expected.items()
            if found.get(path) != value} == {}
    assert sorted(set(found) - set(expected)) == []  # nothing added
