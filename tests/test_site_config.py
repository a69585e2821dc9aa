"""conf.py names the CV's file name and its variants, once: the Makefile,
Read the Docs' jobs, the scripts and the tests read them through
scripts/site_config.py, and none of them writes them out."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from site_testing import BOOK, PACKAGE_ROOTS, PROJECT, VARIANTS
from sphinx_work_history.testing import require_tool

SCRIPT = PROJECT / "scripts" / "site_config.py"
# Everything that builds, publishes or tests the site, beside conf.py. README.md
# and the pages may name the files for the reader.
SITE_CODE = ["Makefile", ".readthedocs.yaml", ".ci", "_ext", "_latex", "_templates", "scripts",
             "tests"]
# Files whose comments start with "#": prose, where a variant's name may be an
# English word.
HASH_COMMENTS = re.compile(r"(^|\s)#.*$", re.MULTILINE)


def site_config(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          check=False)


def test_it_prints_the_file_name_and_the_variants_of_a_project():
    root = PACKAGE_ROOTS / "test-variants"  # work_history_cv_basename = "variants"
    book = site_config("--srcdir", str(root), "book")
    assert (book.returncode, book.stdout, book.stderr) == (0, "variants\n", "")
    names = site_config("--srcdir", str(root), "variants")
    assert (names.returncode, names.stdout, names.stderr) == (0, "db recent one\n", "")


def test_it_prints_the_sites_own_as_the_tests_read_them():
    assert site_config("book").stdout == f"{BOOK}\n"
    assert site_config("variants").stdout.split() == list(VARIANTS)


def test_a_folder_without_conf_py_is_one_line_and_no_traceback(tmp_path):
    result = site_config("--srcdir", str(tmp_path), "book")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"site_config: config directory doesn't contain a conf.py file ({tmp_path})"]


def code_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string of a Python source but its docstrings (prose)."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    strings = [node for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str)
               and id(node) not in docstrings]
    return [(node.lineno, node.value)
            for node in sorted(strings, key=lambda node: (node.lineno, node.col_offset))]


def named(name: str, text: str, book: str, variants: list[str]) -> list[str]:
    """Where the file *name*, whose text is *text*, writes out the CV's file name
    (anywhere: it is no English word) or a variant's name (in its code: a string of
    Python, or a line of any other file outside its "#" comments)."""
    found = [f"{name}:{text.count(chr(10), 0, match.start()) + 1}: {book}"
             for match in re.finditer(re.escape(book), text)]
    if name.endswith(".py"):
        code = code_strings(text)
    else:
        if not name.endswith((".md", ".json", ".html", ".sty")):
            text = HASH_COMMENTS.sub("", text)
        code = list(enumerate(text.splitlines(), start=1))
    words = re.compile(r"\b(" + "|".join(map(re.escape, variants)) + r")\b")
    found += [f"{name}:{line}: {word}" for line, string in code
              for word in words.findall(string)]
    return found


def test_only_conf_py_names_the_cv_and_its_variants():
    git = require_tool("git")
    files = subprocess.run(
        [git, "-C", str(PROJECT), "ls-files", "-z", "--cached", "--others", "--exclude-standard",
         "--", *SITE_CODE], capture_output=True, check=True).stdout.decode().split("\0")
    files = [name for name in files if name and (PROJECT / name).is_file()]
    assert "Makefile" in files
    assert ".readthedocs.yaml" in files
    found = [where for name in files
             for where in named(name, (PROJECT / name).read_text(encoding="utf-8"),
                                BOOK, list(VARIANTS))]
    assert found == [], "read them through scripts/site_config.py:\n" + "\n".join(found)
    conf = (PROJECT / "conf.py").read_text(encoding="utf-8")
    assert conf.count(f'"{BOOK}"') == 1
    assert all(conf.count(f'"{variant}":') == 1 for variant in VARIANTS)


def test_the_check_finds_a_name_written_out():
    """The check above can fail: each way of writing a name out is found, and prose is not."""
    makefile = ('# the alpha CV, in alpha\nBOOK ?= ada-cv\ncv:\n\tbuild --variants alpha beta'
                '  # alpha\n')
    assert named("Makefile", makefile, "ada-cv", ["alpha", "beta"]) == [
        "Makefile:2: ada-cv", "Makefile:4: alpha", "Makefile:4: beta"]
    python = ('"""An alpha docstring."""\n# an alpha comment\n'
              'NAMES = ["beta", f"{BOOK}-alpha.pdf", "work_history_variant=beta"]\n'
              'DOC = "ada-cv.pdf"\n')
    assert named("tests/test_x.py", python, "ada-cv", ["alpha", "beta"]) == [
        "tests/test_x.py:4: ada-cv", "tests/test_x.py:3: beta", "tests/test_x.py:3: alpha",
        "tests/test_x.py:3: beta"]
    yaml = 'jobs:\n  # the alpha ones\n  - cp "$OUT/ada-cv.pdf" . && build alpha\n'
    assert named(".readthedocs.yaml", yaml, "ada-cv", ["alpha"]) == [
        ".readthedocs.yaml:3: ada-cv", ".readthedocs.yaml:3: alpha"]
