"""Editorial: the desk's decisions, kept as data and applied to every Story before it renders.

ids (stable ids from content) -> page (a story page read back by id) -> readback (differences
become decisions) -> decisions (one small file per story) -> apply (a Story with them applied).
"""
