"""The package's modules import one way: each layer only from itself and the layers below.

Every module belongs to one layer (`LAYERS`); a module the table does not
name fails the test, so a new module is placed on purpose. Imports are read
from the source, those inside functions included, so a cycle cannot hide
in a function-local import. The pure model imports nothing of Sphinx or
docutils at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "sphinx_work_history"

#: Lowest first. A module may import from its own layer and the layers before it.
LAYERS: list[tuple[str, set[str]]] = [
    ("model", {"dates", "kinds", "model", "selection", "views", "cv_model", "l10n"}),
    ("config", {"messages", "options", "person", "variants", "config", "compat", "budget",
                "latex_matter", "catalogue"}),
    ("doctree", {"nodes", "text", "rawtext"}),
    ("domain", {"domain", "collector", "xref"}),
    ("directives", {"entries", "job", "employer", "summary", "translation"}),
    ("transforms", {"render", "microformats", "capture", "fences", "contact"}),
    ("outputs", {"export_resume", "resume_data", "jsonld", "cvheader", "glyphs",
                 "cv_document", "cv_builder", "cv_text", "cv_markdown", "cv_docx", "cv_typst",
                 "cv_pdf", "typst_fonts", "titles"}),
    ("setup", {"__init__"}),
    ("command", {"cli", "__main__", "scaffold", "project_folder", "myst_writer", "importers"}),
    # What the tests share (sphinx_design/testing.py's role): never imported by the rest.
    ("testing", {"testing", "testing_jsonresume"}),
]
LAYER_OF = {module: rank for rank, (_, modules) in enumerate(LAYERS) for module in modules}


def modules() -> list[str]:
    """The package's modules, a subpackage (importers/) counting as one."""
    return sorted([path.stem for path in PACKAGE.glob("*.py")]
                  + [path.parent.name for path in PACKAGE.glob("*/__init__.py")])


def sources(module: str) -> list[Path]:
    folder = PACKAGE / module
    return sorted(folder.glob("*.py")) if folder.is_dir() else [PACKAGE / f"{module}.py"]


def _trees(module: str) -> list[tuple[ast.Module, int]]:
    """Each source file of *module*, and the import level that reaches the package."""
    return [(ast.parse(path.read_text(encoding="utf-8")), 2 if path.parent != PACKAGE else 1)
            for path in sources(module)]


def imports(module: str) -> set[str]:
    """The package's modules *module* imports, wherever in it (TYPE_CHECKING aside)."""
    found = set()
    for tree, level in _trees(module):
        found |= _imports(tree, level)
    return found - {module}


def _imports(tree: ast.Module, level: int) -> set[str]:
    checking_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                     and ast.unparse(block.test) == "TYPE_CHECKING"
                     for node in ast.walk(block)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in checking_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == level:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "sphinx_work_history."):
            found.add(node.module.split(".")[1])
    return found


def third_party(module: str) -> set[str]:
    return {name for tree, _ in _trees(module) for name in _third_party(tree)}


def _third_party(tree: ast.Module) -> set[str]:
    checking_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                     and ast.unparse(block.test) == "TYPE_CHECKING"
                     for node in ast.walk(block)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in checking_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_module_has_a_layer():
    assert [module for module in modules() if module not in LAYER_OF] == []
    assert [module for module in LAYER_OF if module not in modules()] == []


def test_each_layer_imports_only_itself_and_the_layers_below():
    upward = [(module, imported, LAYERS[LAYER_OF[imported]][0])
              for module in modules() for imported in imports(module)
              if imported in LAYER_OF and LAYER_OF[imported] > LAYER_OF[module]]
    assert upward == []


def test_no_import_cycle():
    graph = {module: imports(module) & set(LAYER_OF) for module in modules()}
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
    model = LAYERS[0][1]
    assert {module: third_party(module) & {"sphinx", "docutils"} for module in model
            if third_party(module) & {"sphinx", "docutils"}} == {}
