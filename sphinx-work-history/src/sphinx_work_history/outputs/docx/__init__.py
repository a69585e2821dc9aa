"""The CV as a Word document (the ``cv-docx`` builder).
"""
