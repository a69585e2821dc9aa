"""HTML: the contact block and photo on the hub, and the microformats (h-resume).
"""
