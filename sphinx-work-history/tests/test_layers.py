"""The package's layers are its folders, and they import one way: each only from itself
and the layers below.

`LAYERS` is the one declaration: a layer is a folder of the package (or a module at its
top), lowest first. A module belongs to the layer of the folder it is in, so a new
module is placed by where it is saved, and a new folder at the top must be declared.
Imports are read from the source, those inside functions included, so a cycle cannot
hide in a function-local import. The model imports nothing of Sphinx or docutils at
run time, and `testing` none of the test-only packages. CONTRIBUTING.md's table of
the layers is this declaration, row for row.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "sphinx_work_history"
CONTRIBUTING = Path(__file__).resolve().parents[2] / "CONTRIBUTING.md"

#: (layer, the folders or top modules in it, what it holds); lowest first.
LAYERS: list[tuple[str, tuple[str, ...], str]] = [
    ("model", ("model",), "typed records of every kind, dates, the words of every "
     "language, what each entry shows, the CV as plain blocks; no Sphinx"),
    ("config", ("config",), "every configuration value, registered and checked once; the "
     "person, options, variants, page budgets; every warning"),
    ("sphinx", ("sphinx",), "nodes, the domain that keeps the records, the collector, "
     "the directives (`directives/`) and the transforms (`transforms/`)"),
    ("outputs", ("outputs",), "one folder or module per format: HTML, LaTeX, Typst, Word, "
     "text, Markdown, JSON Resume, JSON-LD, and the CV document they share"),
    ("setup", ("__init__",), "`setup()`: registers every part"),
    ("importers", ("importers",), "JSON Resume and RenderCV files read into pages of MyST, "
     "written by `myst_writer`"),
    ("command", ("cli", "__main__"), "`sphinx-work-history new` and `import`: the project's "
     "files, written whole"),
    ("testing", ("testing",), "what the test suites share; never imported by the rest"),
]
LAYER_OF = {top: rank for rank, (_, tops, _) in enumerate(LAYERS) for top in tops}
TEST_ONLY = {"pytest", "hypothesis", "bs4", "mf2py", "jsonschema", "html5lib"}


def modules() -> dict[str, Path]:
    """Every module of the package, by its dotted name under the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def layer_of(module: str) -> int:
    return LAYER_OF[module.split(".")[0]]


def _checking_only(tree: ast.Module) -> set[int]:
    return {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
            and ast.unparse(block.test) == "TYPE_CHECKING" for node in ast.walk(block)}


def imports(module: str) -> set[str]:
    """The package's modules *module* imports, wherever in it (TYPE_CHECKING aside)."""
    path = modules()[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = [] if module == "__init__" else module.split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    known = set(modules())
    found = set()
    skip = _checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.ImportFrom):
            continue
        parts = (node.module or "").split(".") if node.module else []
        if node.level:
            base = package[: len(package) - node.level + 1]
        elif parts[:1] == ["sphinx_work_history"]:
            base, parts = [], parts[1:]
        else:
            continue
        target = ".".join([*base, *parts])
        for alias in node.names:
            candidate = f"{target}.{alias.name}" if target else alias.name
            found.add(candidate if candidate in known else target or "__init__")
    return {name for name in found if name in known and name != module}


def third_party(module: str) -> set[str]:
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    skip = _checking_only(tree)
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_folder_and_top_module_has_a_layer():
    tops = {name.split(".")[0] for name in modules()}
    assert sorted(tops - set(LAYER_OF)) == []
    assert sorted(set(LAYER_OF) - tops) == []


def test_each_layer_imports_only_itself_and_the_layers_below():
    upward = [(module, imported, LAYERS[layer_of(imported)][0])
              for module in modules() for imported in imports(module)
              if layer_of(imported) > layer_of(module)]
    assert upward == []


def test_the_imports_are_read():
    # The map is not vacuous: the setup imports every layer below it, and the
    # CV document reads the model, the config and the domain.
    assert {layer_of(m) for m in imports("__init__")} >= {1, 2, 3}
    assert {"model.cv_model", "config.messages", "sphinx.domain"} <= imports(
        "outputs.cv.document")


def test_no_import_cycle():
    # A module's own package is initialised before it: importing it is no cycle.
    graph = {module: {i for i in imports(module) if not module.startswith(f"{i}.")}
             for module in modules()}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join(
                [*path[path.index(module):], module]))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, [*path, module])
        done.add(module)

    for module in graph:
        visit(module, [])


def test_the_model_imports_nothing_of_sphinx_or_docutils():
    found = {module: third_party(module) & {"sphinx", "docutils"} for module in modules()
             if layer_of(module) == 0}
    assert {module: names for module, names in found.items() if names} == {}


def test_no_module_but_testing_imports_a_test_only_package_at_import_time():
    found = {}
    for module, path in modules().items():
        if layer_of(module) == LAYER_OF["testing"]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {alias.name.split(".")[0] for node in tree.body if isinstance(node, ast.Import)
               for alias in node.names}
        top |= {node.module.split(".")[0] for node in tree.body
                if isinstance(node, ast.ImportFrom) and node.module and not node.level}
        if top & TEST_ONLY - {"jsonschema"}:  # the import extra's validator
            found[module] = top & TEST_ONLY
    assert found == {}


_ROW = re.compile(r"^\| (\d+)\. (\w+) \| (.+?) \| (.+?) \|$", re.MULTILINE)


def test_contributing_lists_the_layers_as_declared():
    rows = _ROW.findall(CONTRIBUTING.read_text(encoding="utf-8"))
    declared = [(str(rank), name, ", ".join(f"`{t}/`" if (PACKAGE / t).is_dir() else f"`{t}.py`"
                                            for t in tops), text)
                for rank, (name, tops, text) in enumerate(LAYERS, 1)]
    assert rows == declared
