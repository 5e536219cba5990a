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


class StoreBusyError(UserError):
    """Another process is writing to the store right now; it is not damaged."""


class StoreMissingError(UserError):
    """The store file named does not exist (and the command may not create one)."""


class StoreForeignError(UserError):
    """The file is another program's database, not a RectDesk store."""


class StoreEmptyError(StoreDamagedError):
    """The store file is empty (0 bytes) while sound backups of it exist."""
