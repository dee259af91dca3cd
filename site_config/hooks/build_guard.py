"""MkDocs hook: refuse to publish pages with unresolved merge-conflict markers.

(Placeholder; the full guard is being written.)
"""
