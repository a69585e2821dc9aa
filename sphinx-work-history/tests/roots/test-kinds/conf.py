extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Grace's CV"
author = "Grace Hopper"
copyright = "Grace Hopper"
version = release = "1"
language = "en"
work_history_today = "2026-11-27"
work_history_person = {
    "name": "Grace Hopper",
    "label": "Computer scientist",
    "email": "grace@example.org",
    "phone": "+1 555 0100",
    "image": "photo.png",  # a 16-pixel square of one colour, made for these tests
    "url": "https://grace.example.org/",
    "location": {"address": "1 Navy Way", "postalCode": "20001", "city": "Arlington",
                 "region": "Virginia", "countryCode": "US"},
    "profiles": [{"network": "GitHub", "username": "grace",
                  "url": "https://github.com/grace"},
                 {"network": "LinkedIn", "username": "ghopper"}],  # a username alone
}
work_history_variants = {
    "teaching": {"kinds": ["job", "education", "skill"], "label": "Teaching"},
}
exclude_patterns = ["_build"]
epub_show_urls = "no"
