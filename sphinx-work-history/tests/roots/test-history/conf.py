# A small work history over several pages: summaries, an employer,
# references, every builder.
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "history"
author = copyright = "Test Author"
version = release = "1"
work_history_today = "2026-11-27"
latex_documents = [("index", "history.tex", "History", "Test Author", "howto")]
