"""Timeline: dated events, the same event told by several sources merged into one row."""
