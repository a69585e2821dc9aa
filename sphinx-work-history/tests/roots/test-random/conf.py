# Random job entries (tests/test_hostile_random.py writes index.md).
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "random"
smartquotes = False  # the test compares the text it wrote with the text shown
work_history_today = "2026-11-27"
