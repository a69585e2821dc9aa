extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Ada Lovelace"
work_history_person = {"name": "Ada Lovelace", "label": "Analyst",
                       "email": "ada@example.com", "phone": "+44 20 7946 0000"}
work_history_today = "2026-11-27"
work_history_cv_basename = "ada"
work_history_variants = {
    # The roles left out: the CV of this variant holds its education only.
    "teaching": {"kinds": ["education"], "label": "Teaching"},
}
work_history_applications = {
    "acme": {"variant": "teaching", "letter": "letters/acme", "label": "Acme, teacher"},
    "berlin": {"letter": "letters/berlin", "language": "de"},
    "cairo": {"letter": "letters/cairo", "language": "ar"},
}
