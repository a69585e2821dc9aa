extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Tomás Ortega"
exclude_patterns = ["_build", "resume.json"]
work_history_today = "2026-11-27"
work_history_person = {
    "name": "Tomás Ortega",
    "label": "Principal engineer, distributed storage",
    "email": "tomas@example.com",
    "url": "https://tomas.example.com/",
    "location": {"city": "Madrid", "countryCode": "ES"},
    "profiles": [{"network": "LinkedIn", "username": "tortega",
                  "url": "https://www.linkedin.com/in/tortega"}],
}
