"""gzip and deflate bodies are decoded with the size cap applied to the output: a bomb is an error."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest

from ayneh.monitoring.fetch.decompress import BoundedDecoder
from ayneh.monitoring.fetch.errors import FetchError
from ayneh.monitoring.fetch.http import fetch_url
from ayneh.monitoring.fetch.limits import MB, FetchLimits


def _gzip_of_zeros(n_bytes: int) -> bytes:
    """A gzip stream of n_bytes zero bytes, made without holding them: 100 MB packs into ~100 KB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    out = [packer.compress(block) for _ in range(n_bytes // MB)]
    out.append(packer.flush())
    return b"".join(out)


def test_a_gzip_bomb_is_stopped_at_the_limit_in_bounded_memory(local_server) -> None:
    bomb = _gzip_of_zeros(100 * MB)
    assert len(bomb) < MB
    url = local_server.route("/bomb", body=bomb, headers={"Content-Encoding": "gzip"})

    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=r"^too large: over 2 MB after decompression$"):
            fetch_url(url, allow_private=True, limits=FetchLimits(max_bytes=2 * MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 20 * MB


def test_a_gzip_page_within_the_limit_arrives_decoded(local_server) -> None:
    text = "<html><body><p>گفت‌وگو</p></body></html>".encode()
    url = local_server.route("/page", body=gzip.compress(text), headers={"Content-Encoding": "gzip"})

    assert fetch_url(url, allow_private=True).body == text


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw deflate"])
def test_deflate_is_read_whether_sent_with_a_zlib_header_or_raw(wbits: int) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = packer.compress(b"hello " * 1000) + packer.flush()
    decoder = BoundedDecoder("deflate", max_bytes=MB)

    assert decoder.feed(body[:10]) + decoder.feed(body[10:]) == b"hello " * 1000


def test_a_gzip_body_of_several_members_is_read_to_the_end() -> None:
    decoder = BoundedDecoder("gzip", max_bytes=MB)

    assert decoder.feed(gzip.compress(b"first ") + gzip.compress(b"second")) == b"first second"


def test_an_unsupported_or_corrupt_encoding_is_an_error_with_a_reason() -> None:
    with pytest.raises(FetchError, match=r"^unsupported content encoding: br$"):
        BoundedDecoder("br", max_bytes=MB)
    with pytest.raises(FetchError, match=r"^corrupt gzip body"):
        BoundedDecoder("gzip", max_bytes=MB).feed(b"this is not gzip at all")
    truncated = BoundedDecoder("gzip", max_bytes=MB)
    truncated.feed(gzip.compress(b"x" * 5000)[:-12])
    with pytest.raises(FetchError, match=r"^corrupt gzip body: truncated$"):
        truncated.finish()
