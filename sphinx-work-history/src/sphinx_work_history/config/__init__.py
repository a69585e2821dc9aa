"""Configuration: every ``work_history_*`` value registered and checked once, the
person, options, variants, page budgets, and every warning (`messages`).
"""
