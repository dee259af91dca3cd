"""Ingest: the files under seeds/ -> RawDocument (decoded text, explicit metadata) or a Rejection."""
