"""Publish: Story -> Markdown pages in content/, editors' work kept; export and status."""
