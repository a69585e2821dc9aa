"""JSON Resume: the résumé as data (`data`) and ``resume.json`` (`export`).
"""
