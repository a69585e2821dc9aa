"""LaTeX: the CV header that replaces the title page.
"""
