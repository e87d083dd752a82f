"""The errors of the fetching layer: each carries a ``reason`` fit to show in a source's health view."""

from __future__ import annotations


class InputError(Exception):
    """Untrusted input could not be fetched or read; ``reason`` says why in one line.

    Callers that process a batch catch this (or a subclass), record ``reason`` against the one source,
    page or record it concerns, and go on with the rest.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FetchError(InputError):
    """A URL could not be fetched: refused (scheme, private address), too large, timed out or an HTTP error.

    ``status`` is the HTTP status when the server answered with an error status, else None.
    """

    def __init__(self, reason: str, *, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


class URLRefused(FetchError):
    """A link that may not be fetched or stored: not http/https, no host, credentials in it."""


class DecodeError(InputError):
    """A body whose character encoding could not be determined without producing mojibake."""


class FeedError(InputError):
    """A body that cannot be read as a feed at all: empty, not XML, not a feed, or refused (entities)."""


class ExtractError(InputError):
    """A page from which no main text can be extracted safely: empty, too large, too deeply nested, no text."""
