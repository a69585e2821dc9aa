"""The CV as a tagged PDF/UA-1 file through Typst (the ``cv-pdf`` builder): the
Typst source (`document`), the font chains (`fonts`) and the builder.
"""
