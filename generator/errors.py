"""A small error hierarchy: each error carries what a user needs to fix the problem."""

from __future__ import annotations


class ExplainerError(Exception):
    """Base of every error the CLI reports as one line, without a traceback."""


class ConfigError(ExplainerError):
    """A setting or front-matter key is invalid; the message names the file and the key."""


class InputRejected(ExplainerError):
    """An input file cannot be used as an article; the message says why."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class LockHeld(ExplainerError):
    """Another generate run holds the content lock."""


class ExitCode:
    """Documented exit statuses of every command."""

    OK = 0
    SOME_REJECTED = 1  # pages written, but some inputs were rejected (each named on stderr)
    USAGE = 2  # bad command line or settings
    CONFLICT = 3  # something an editor must resolve: a conflict, an edit no decision holds (file:line named)
    FAILED = 4  # nothing could be done (no model, lock held, build failed)
