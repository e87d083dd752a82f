"""The limits every fetch and parse is held to, and how sizes are written in reasons."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Bounds on one fetch: bytes read (before and after decompression), feed items, seconds, redirects.

    ``timeout`` is a deadline for the whole fetch (connect, redirects and body), not per socket read, so
    a server that drips bytes slowly is cut off too.
    """

    max_bytes: int = 10 * MB
    max_items: int = 5000
    timeout: float = 20.0
    max_redirects: int = 5

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.max_items <= 0 or self.timeout <= 0 or self.max_redirects < 0:
            raise ValueError(f"limits must be positive: {self!r}")


def describe_size(n_bytes: int) -> str:
    """``10485760`` → ``"10 MB"``, ``1572864`` → ``"1.5 MB"``, ``2048`` → ``"2 KB"`` (binary units, as read)."""
    if n_bytes >= MB:
        return f"{n_bytes / MB:.1f}".removesuffix(".0") + " MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n_bytes} bytes"
