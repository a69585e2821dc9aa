extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
latex_documents = [("index", "variants.tex", "Variants", "Ada", "howto", False)]
work_history_person = {"name": "Ada", "email": "ada@example.com"}
work_history_today = "2026-11-27"
work_history_pages = 3
work_history_variants = {
    "db": {"tags": ["databases"], "pages": 2, "label": "Databases"},
    "recent": {"since": "2015", "limit": 2},
    "one": {"pages": 1},
}
work_history_cv_basename = "variants"  # the CV files (cv-pdf: variants.pdf), as the .tex
