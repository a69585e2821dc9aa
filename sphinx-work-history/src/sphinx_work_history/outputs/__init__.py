"""Every output, one folder (or module) per format: each holds its visitors, writer,
builder and assets.
"""
