"""Sphinx configuration for the sphinx-work-history documentation.

Build it with ``python -m sphinx -W --keep-going -n docs docs/_build/html``
(``make docs`` in the package folder); Read the Docs builds it from
../.readthedocs.yaml.
"""

from sphinx_work_history import __version__

project = "sphinx-work-history"
author = "tef"
copyright = "tef"
version = release = __version__
language = "en"

extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
# As -n: every reference must resolve (Read the Docs passes -W, but not -n).
nitpicky = True

html_theme = "furo"
html_title = f"sphinx-work-history {release}"
html_show_sourcelink = False

# The entries on these pages are examples. The exports (resume.json, the
# JSON-LD) are about a person: an example one, not the package's author.
# The example person's contact details head the page of examples, not the home page.
work_history_hub = "directives"
work_history_person = {
    "name": "Example Person",
    "email": "person@example.org",
    "summary": "The person of the example entries in the sphinx-work-history documentation.",
}
exclude_patterns += ["_generated"]


# -- The pictures of the PDF's designs (pdf.md) ------------------------------------
# Rendered by Typst from an example CV each time the documentation is built, into
# _generated/ (not kept in git), before Sphinx reads the pages that show them.
def _render_designs(app, config) -> None:
    from pathlib import Path

    import typst

    from sphinx_work_history.model.cv_model import (
        CV,
        BulletList,
        Contact,
        Entry,
        Paragraph,
        Run,
        Section,
    )
    from sphinx_work_history.outputs.typst.builder import DESIGN_DIR, DESIGNS, ICON_DIR
    from sphinx_work_history.outputs.typst.document import Footer, Settings, document
    from sphinx_work_history.outputs.typst.fonts import DEFAULT_FONTS
    from sphinx_work_history.outputs.typst.icons import write_icons

    def para(*runs):
        return Paragraph(tuple(Run(r) if isinstance(r, str) else r for r in runs))

    cv = CV(
        name="Example Person", label="Database engineer", language="en",
        contacts=(Contact("Email", "person@example.org", "mailto:person@example.org",
                          "email"),
                  Contact("Web", "https://example.org/", "https://example.org/", "web"),
                  Contact("GitHub", "https://github.com/example", "https://github.com/example",
                          "profile")),
        sections=(
            Section("", 0, (para("I build databases that stay up, and write about it."),)),
            Section("Work history", 1, (
                Entry("job", "Staff Engineer", "Example Co", "https://example.org/",
                      "Apr 2019 – present", "7 yrs 7 mos", "Remote", (
                          para("Ran the ", Run("replication", strong=True), " work."),
                          BulletList(((0, para("Cut failover from minutes to seconds.")),
                                      (0, para("Mentored two engineers."))))),),
                Entry("job", "Engineer", "Widgets Ltd", "", "2015 – Mar 2019", "4 yrs",
                      "Berlin",
                      (para("Wrote the order system, with ", Run("care", emphasis=True), "."),)),
            )),
            Section("Education", 1, (
                Entry("education", "Example University", "BSc, Computer Science", "",
                      "2011 – 2015", "", "Leeds", ()),)),
        ))
    out = Path(app.confdir, "_generated")
    work = out / "typst"
    (work / DESIGN_DIR).mkdir(parents=True, exist_ok=True)
    for template in DESIGNS.glob("*.typ"):
        (work / DESIGN_DIR / template.name).write_bytes(template.read_bytes())
    icons = tuple(f"{ICON_DIR}/{name}" for name in write_icons(
        cv.contacts, work / DESIGN_DIR / ICON_DIR, "#1f4e79"))
    for design in ("classic", "moderncv", "compact"):
        settings = Settings(title="Example CV", author="Example Person", design=design,
                            fonts=DEFAULT_FONTS["text"][:2], mono_fonts=("DejaVu Sans Mono",),
                            icons=icons, footer=Footer("Example Person", "page {page} of {pages}"))
        source = work / f"{design}.typ"
        source.write_text(document(cv, settings, f"{DESIGN_DIR}/{design}.typ"), encoding="utf-8")
        png = typst.compile(str(source), format="png", ppi=90, root=str(work),
                            ignore_system_fonts=True)
        page = png[0] if isinstance(png, list) else png
        target = out / f"design-{design}.png"
        if not target.is_file() or target.read_bytes() != page:
            target.write_bytes(page)


def setup(app):
    app.connect("config-inited", _render_designs)
