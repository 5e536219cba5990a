"""Error types shared by every layer."""

from __future__ import annotations


class UserError(Exception):
    """A failure the clerk can understand and act on.

    ``message`` is one plain Chinese sentence saying what went wrong and what to do;
    ``detail`` carries technical context for the log file only.
    """

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class TransitionError(UserError):
    """A status change the rules do not allow."""


class StoreLockedError(UserError):
    """Another copy of RectDesk is writing to the same store."""


class StoreDamagedError(UserError):
    """The store file failed its integrity check."""
