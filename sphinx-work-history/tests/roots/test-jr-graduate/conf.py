extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Priya Raman"
exclude_patterns = ["_build", "resume.json"]
work_history_today = "2026-11-27"
work_history_person = {
    "name": "Priya Raman",
    "label": "Graduate software engineer",
    "image": "https://priya.example.org/photo.jpg",
    "email": "priya@example.org",
    "phone": "+44 7700 900123",
    "url": "https://priya.example.org/",
    "location": {"address": "12 Hill Street", "postalCode": "EH1 1AA", "city": "Edinburgh",
                 "countryCode": "GB", "region": "Scotland"},
    "profiles": [
        {"network": "GitHub", "username": "priyar", "url": "https://github.com/priyar"},
        {"network": "Mastodon", "username": "priya@hachyderm.io",
         "url": "https://hachyderm.io/@priya"},
    ],
}
