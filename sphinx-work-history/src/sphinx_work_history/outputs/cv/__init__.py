"""The CV as one document of plain blocks (`document`), read once from the pages,
and the base of the builders that write it whole (`builder`).
"""
