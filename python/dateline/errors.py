"""Exceptions raised by :mod:`dateline`.

Every exception carries the crate's message as its ``str()``; corpus errors
also carry where (``document``, ``line``, ``byte``) and gazetteer errors
``line`` and ``column``. Operating-system failures (a missing file) raise the
built-in :class:`OSError` subclasses (``FileNotFoundError``, ...).
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error the crate reports."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CorpusError(DatelineError, ValueError):
    """Malformed corpus text, with its position.

    ``document`` is the name of the document being read (``None`` before the
    first header), ``line`` is 1-based, ``byte`` a 0-based offset into the
    input. ``line`` and ``byte`` are 0 for a document given as a dict.
    """

    def __init__(self, message: str, document: str | None = None, line: int = 0, byte: int = 0) -> None:
        super().__init__(message)
        self.document = document
        self.line = line
        self.byte = byte

    @property
    def position(self) -> tuple[str | None, int, int]:
        """``(document, line, byte)``."""
        return (self.document, self.line, self.byte)


class GazetteerError(DatelineError, ValueError):
    """Malformed gazetteer TSV: 1-based ``line`` and ``column`` (0 when not about one)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class ConfigError(DatelineError, ValueError):
    """A configuration value out of range (or an index that cannot be loaded)."""


__all__ = ["DatelineError", "CorpusError", "GazetteerError", "ConfigError"]
