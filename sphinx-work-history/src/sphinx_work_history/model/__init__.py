"""The pure model: typed records of every kind of entry, dates, the words of every
language and the CV as plain blocks. Nothing here imports Sphinx or docutils.
"""
