"""The CV as plain text, for forms (the ``cv-text`` builder).
"""
