"""Errors raised by the graph store layer.

Kept in their own module so that the guard, the backends and the factory can
share them without importing each other.  Messages are Swedish because they are
shown to staff; `code` is a stable English key for programs (CLI exit paths,
HTTP status mapping).
"""

from __future__ import annotations


class StoreError(Exception):
    """A store operation failed; `message` is Swedish, `code` is machine-readable.

    Codes in use: locked, unreachable, bad_location, not_found, read_only,
    bad_query, refused, timeout, not_acceptable, invalid_data,
    unsupported_format, server_error, not_union, io.
    """

    def __init__(self, message: str, *, code: str = "error", message_en: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message  # English where it has been written, else the Swedish
        self.code = code

    def __str__(self) -> str:
        return self.message


class QueryRefused(StoreError):
    """A query or update was refused before reaching the store (e.g. SERVICE, LOAD)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="refused")
