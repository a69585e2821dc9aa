"""nested_includes: a relative path in an included file is read from that file's folder.

MyST resolves the path of an ``include`` or ``literalinclude`` against the
document being built, even when the directive sits in a file that the
document includes. The markup reference page includes the documentation
pages of the sphinx-work-history package, whose examples are named relative
to those pages; as the included text is read (Sphinx's ``include-read``
event), such paths are rewritten to name the same files from the document.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

# A MyST directive fence naming a file: ":::{include} path" or "```{literalinclude} path".
_INCLUDE = re.compile(r"^(?P<head>[ \t]*(?::{3,}|`{3,})\{(?:include|literalinclude)\}[ \t]+)"
                      r"(?P<path>[^\s<][^\n]*?)[ \t]*$", re.MULTILINE)


def rebase_includes(text: str, included_dir: Path, doc_dir: Path) -> str:
    """*text*, read from *included_dir*, with its relative include paths made
    relative to *doc_dir* instead."""
    def rebase(match: re.Match[str]) -> str:
        path = match["path"]
        if path.startswith("/") or os.path.isabs(path):
            return match[0]  # srcdir-relative or absolute: the same from anywhere
        return match["head"] + Path(os.path.relpath(included_dir / path, doc_dir)).as_posix()

    return _INCLUDE.sub(rebase, text)


def _on_include_read(app: Sphinx, relative_path: Path, parent_docname: str,
                     content: list[str]) -> None:
    env = app.env
    included_dir = (Path(env.srcdir) / relative_path).parent
    doc_dir = Path(env.doc2path(env.docname)).parent
    if os.path.normpath(included_dir) != os.path.normpath(doc_dir):
        content[0] = rebase_includes(content[0], included_dir, doc_dir)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("include-read", _on_include_read)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
