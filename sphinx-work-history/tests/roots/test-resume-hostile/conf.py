"""Entries and person data full of text that must not break the exports."""

extensions = ["sphinx_work_history"]
root_doc = "index"
project = "hostile"
author = "hostile"
copyright = "hostile"
version = release = "1"
work_history_today = "2026-11-27"
smartquotes = False  # the text in the exports is the text in the sources
work_history_person = {
    "name": 'Zoë "Z" </script><!-- & Ünïcode',
    "label": "Engineer </SCRIPT> & <b>friends</b>",
    "email": "zoe@example.org",
    "url": "https://example.org/~zoë/",
    "profiles": [{"network": "Blog", "username": "z&z", "url": "https://example.org/blog?a=1&b=2"}],
}
work_history_publications = ["writing"]
