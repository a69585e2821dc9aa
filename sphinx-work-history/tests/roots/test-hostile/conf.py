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

# LuaLaTeX, with its default fonts: the corpus's escaping is what is tested
# here (the site's tests build it with the site's fonts and glyph check too).
latex_engine = "lualatex"
latex_documents = [("index", "hostile.tex", "Hostile input", "tests", "howto")]
latex_elements = {
    "papersize": "a4paper",
    # No index: with one, makeindex splits a non-ASCII first letter (a tag
    # like "עברית") in two; Sphinx's answer is xindy.
    "makeindex": "",
    "printindex": "",
}
