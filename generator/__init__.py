"""Explainer: one cited, extractive explainer page per news story, from many outlets' articles."""

__version__ = "0.1.0"
