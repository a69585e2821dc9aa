"""Transforms run when a page is written: the entries' headers from their records,
the text the exports capture, the fences a page's raw blocks are checked in.
"""
