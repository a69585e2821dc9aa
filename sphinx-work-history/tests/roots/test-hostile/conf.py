"""Hostile input for the extension, built to HTML, text and a PDF.

Each file in corpus/ is one case; its first line names the warning
subtypes it must produce: ``% expect: bad_date date_order``. To add a
case (job, employer, work-history, or a directive still to come), drop a
file in corpus/.
"""

project = "hostile"
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
root_doc = "index"
work_history_today = "2026-11-27"

# pdflatex, as Read the Docs and most CVs use: the engine that lacks glyphs
# for much of the corpus (workhistory.sty shows those as a boxed "?").
latex_engine = "pdflatex"
latex_documents = [("index", "hostile.tex", "Hostile input", "tests", "howto")]
latex_elements = {
    "papersize": "a4paper",
    # No index: with one, makeindex splits a non-ASCII first letter (a tag
    # like "עברית") in two; Sphinx's answer is xindy.
    "makeindex": "",
    "printindex": "",
}
