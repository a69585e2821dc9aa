"""The directives: ``job``, ``employer``, ``volunteer``, the generic entries of every
other kind, ``work-history`` and the summaries, and the entries' translations.
"""
