"""What Sphinx reads and keeps: the doctree's nodes, the domain that holds the
records (merged for parallel reads), the collector, and, in `directives` and
`transforms`, the directives and the transforms that fill the pages.
"""
