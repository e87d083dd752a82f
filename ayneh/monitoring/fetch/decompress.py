"""Content-Encoding decoding that can never produce more than a set number of bytes (bomb-safe).

A 1 MB gzip body can inflate to 1 GB. Each ``feed`` asks zlib for at most the bytes still allowed plus one,
so memory stays bounded by the limit whatever the ratio, and going over it is an error, not a truncation.
"""

from __future__ import annotations

import zlib

from ayneh.monitoring.fetch.errors import FetchError
from ayneh.monitoring.fetch.limits import describe_size

SUPPORTED_ENCODINGS = ("gzip", "deflate")  # what we send in Accept-Encoding
_IDENTITY = frozenset({"", "identity"})
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_ZLIB_WBITS = zlib.MAX_WBITS
_RAW_DEFLATE_WBITS = -zlib.MAX_WBITS


class BoundedDecoder:
    """Decodes a body sent with ``content_encoding`` (identity, gzip, x-gzip or deflate) chunk by chunk.

    Raises ``FetchError`` for an unsupported encoding, a corrupt stream, or more than ``max_bytes`` of
    decoded output ("too large: over 10 MB after decompression").
    """

    def __init__(self, content_encoding: str | None, *, max_bytes: int) -> None:
        encoding = (content_encoding or "").strip().lower()
        if encoding == "x-gzip":
            encoding = "gzip"
        if encoding not in _IDENTITY and encoding not in SUPPORTED_ENCODINGS:
            raise FetchError(f"unsupported content encoding: {encoding}")
        self._encoding = "" if encoding in _IDENTITY else encoding
        self._max_bytes = max_bytes
        self._produced = 0
        self._inflater: zlib._Decompress | None = None
        self._started = False

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes ``chunk`` yields; raises ``FetchError`` when the total would pass the limit."""
        if not self._encoding:
            return self._count(chunk)
        out = bytearray()
        data = chunk
        while data:
            if self._inflater is None:
                self._inflater = self._new_inflater(data)
            try:
                piece = self._inflater.decompress(data, self._max_bytes - self._produced + 1)
            except zlib.error as error:
                raise FetchError(f"corrupt {self._encoding} body: {error}") from error
            out += self._count(piece)
            if self._inflater.unconsumed_tail:  # only when max_length was reached, which _count refuses
                raise FetchError(self._too_large())
            data = self._inflater.unused_data if self._inflater.eof else b""
            if self._inflater.eof:
                self._inflater = None  # a gzip body may hold several members, one after another
        return bytes(out)

    def finish(self) -> None:
        """Checks the stream ended where it should (no truncated gzip member)."""
        if self._inflater is not None and not self._inflater.eof and self._encoding == "gzip":
            raise FetchError("corrupt gzip body: truncated")

    def _new_inflater(self, first: bytes) -> zlib._Decompress:
        self._started = True
        if self._encoding == "gzip":
            return zlib.decompressobj(_GZIP_WBITS)
        # HTTP "deflate" means a zlib stream, but some servers send raw deflate; a zlib header says which.
        is_zlib = len(first) >= 2 and (first[0] & 0x0F) == 8 and (first[0] << 8 | first[1]) % 31 == 0
        return zlib.decompressobj(_ZLIB_WBITS if is_zlib else _RAW_DEFLATE_WBITS)

    def _count(self, data: bytes) -> bytes:
        self._produced += len(data)
        if self._produced > self._max_bytes:
            raise FetchError(self._too_large())
        return data

    def _too_large(self) -> str:
        suffix = " after decompression" if self._encoding else ""
        return f"too large: over {describe_size(self._max_bytes)}{suffix}"
