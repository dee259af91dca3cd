"""Store: caches and state files on disk, and the project lock."""
