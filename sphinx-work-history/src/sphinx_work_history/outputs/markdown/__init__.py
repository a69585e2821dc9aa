"""The CV as Markdown (the ``cv-markdown`` builder).
"""
