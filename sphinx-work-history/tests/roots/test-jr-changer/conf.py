extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Sam O'Neill"
exclude_patterns = ["_build", "resume.json"]
work_history_today = "2026-11-27"
work_history_person = {
    "name": "Sam O'Neill",
    "label": "Data analyst (formerly a nurse)",
    "email": "sam@example.net",
    "phone": "(555) 010-4477",
    "location": {"city": "Toronto", "region": "Ontario", "countryCode": "CA"},
    "profiles": [{"network": "GitHub", "username": "samoneill"}],
}
