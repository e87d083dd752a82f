"""``fetch_url``: one conditional GET of an untrusted http(s) URL, bounded in every direction.

- Only http/https; every redirect target is checked again (a redirect to ``file://`` is refused).
- The SSRF check runs at connect time on every resolved address (``addresses.open_checked_connection``),
  through urllib3 connection classes whose only change is how the socket is opened; TLS verification and
  SNI use the host name as usual. No proxy from the environment is used.
- The body is read with ``read1`` (one socket read at a time) against a deadline for the whole fetch, so a
  server that drips bytes is cut off; it is capped at ``max_bytes`` before and after gzip/deflate decoding.
- ``ETag``/``Last-Modified`` make it conditional: a 304 comes back as ``not_modified=True`` with no body.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit, urlunsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError, SSLError
from urllib3.util import Timeout

from ayneh.monitoring.fetch.addresses import open_checked_connection
from ayneh.monitoring.fetch.decompress import SUPPORTED_ENCODINGS, BoundedDecoder
from ayneh.monitoring.fetch.errors import FetchError
from ayneh.monitoring.fetch.limits import FetchLimits, describe_size
from ayneh.monitoring.fetch.urls import ascii_host, fetchable_url

__all__ = ["FetchError", "FetchResult", "fetch_url"]

USER_AGENT = "Ayneh/0.1 (media monitoring)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
READ_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one fetch returned. ``body`` is decoded from gzip/deflate but not from its charset.

    ``content_type`` is the media type alone, lower case ("application/rss+xml"); ``charset`` the one the
    header declared, if any — a claim, not a fact (``decode.decode_body`` checks it).
    """

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool


def fetch_url(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),  # noqa: B008 - frozen dataclass, safe as a shared default
    allow_private: bool = False,
    ca_file: str | None = None,
) -> FetchResult:
    """GET ``url`` (conditionally when ``etag``/``last_modified`` are given), following redirects.

    Raises ``FetchError`` with a reason: "scheme not allowed: file", "refused: private address 10.0.0.1",
    "too large: over 10 MB", "timeout", "too many redirects (over 5)", "HTTP 404 Not Found" (with
    ``status``), "TLS error: ...". ``allow_private`` lets loopback/private addresses through (tests serving
    on 127.0.0.1); ``ca_file`` trusts that CA bundle instead of the system's.
    """
    deadline = time.monotonic() + limits.timeout
    current = fetchable_url(url)
    headers = _request_headers(etag=etag, last_modified=last_modified)
    for _hop in range(limits.max_redirects + 1):
        parts = urlsplit(current)
        pool = _pool_for(parts.scheme.lower(), ascii_host(parts.hostname or ""), parts.port, allow_private, ca_file)
        target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        try:
            response = _request(pool, target, headers, deadline, limits)
            try:
                location = response.headers.get("Location")
                if response.status in REDIRECT_STATUSES and location:
                    current = fetchable_url(location, base=current)
                    continue
                return _result(url, current, response, deadline, limits, etag, last_modified)
            finally:
                response.release_conn()
        finally:
            pool.close()
    raise FetchError(f"too many redirects (over {limits.max_redirects})")


def _request_headers(*, etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ", ".join(SUPPORTED_ENCODINGS)}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _request(
    pool: HTTPConnectionPool, target: str, headers: dict[str, str], deadline: float, limits: FetchLimits
) -> urllib3.BaseHTTPResponse:
    """Sends the GET for ``target`` (path and query; urllib3 percent-encodes raw Persian in it)."""
    remaining = _remaining(deadline)
    try:
        return pool.urlopen(
            "GET",
            target,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=False,
            assert_same_host=False,
            timeout=Timeout(connect=remaining, read=min(remaining, limits.timeout)),
        )
    except (TimeoutError, urllib3.exceptions.TimeoutError) as error:
        raise FetchError("timeout") from error
    except SSLError as error:
        raise FetchError(f"TLS error: {error}") from error
    except (HTTPError, OSError) as error:
        raise FetchError(f"cannot connect: {error}") from error


def _result(
    url: str,
    final_url: str,
    response: urllib3.BaseHTTPResponse,
    deadline: float,
    limits: FetchLimits,
    etag: str | None,
    last_modified: str | None,
) -> FetchResult:
    content_type, charset = _media_type(response.headers.get("Content-Type"))
    new_etag = response.headers.get("ETag") or etag
    new_last_modified = response.headers.get("Last-Modified") or last_modified
    if response.status == 304:
        return FetchResult(url, final_url, 304, b"", content_type, charset, new_etag, new_last_modified, True)
    if not 200 <= response.status < 300:
        raise FetchError(f"HTTP {response.status} {response.reason or ''}".rstrip(), status=response.status)
    body = _read_body(response, deadline, limits)
    return FetchResult(url, final_url, response.status, body, content_type, charset, new_etag, new_last_modified, False)


def _read_body(response: urllib3.BaseHTTPResponse, deadline: float, limits: FetchLimits) -> bytes:
    """The body, decoded from its Content-Encoding, or ``FetchError`` past the size limit or the deadline."""
    declared_length = response.headers.get("Content-Length", "")
    if declared_length.isdigit() and int(declared_length) > limits.max_bytes:
        raise FetchError(f"too large: over {describe_size(limits.max_bytes)} (Content-Length {declared_length})")
    decoder = BoundedDecoder(response.headers.get("Content-Encoding"), max_bytes=limits.max_bytes)
    received = 0
    body = bytearray()
    try:
        while True:
            _set_read_timeout(response, _remaining(deadline))
            chunk = response.read1(READ_CHUNK, decode_content=False)
            if not chunk:
                break
            received += len(chunk)
            if received > limits.max_bytes:
                raise FetchError(f"too large: over {describe_size(limits.max_bytes)}")
            body += decoder.feed(chunk)
    except (TimeoutError, urllib3.exceptions.TimeoutError) as error:
        raise FetchError("timeout") from error
    except (HTTPError, OSError) as error:
        raise FetchError(f"connection broken: {error}") from error
    decoder.finish()
    return bytes(body)


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError("timeout")
    return remaining


def _set_read_timeout(response: urllib3.BaseHTTPResponse, seconds: float) -> None:
    """Shrinks the socket timeout to what is left of the deadline, so one slow read cannot outlast it."""
    connection = getattr(response, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        sock.settimeout(seconds)


def _media_type(header: str | None) -> tuple[str | None, str | None]:
    """``"text/html; charset=UTF-8"`` → ``("text/html", "utf-8")``."""
    if not header:
        return None, None
    message = Message()
    message["Content-Type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), (charset.strip().lower() if isinstance(charset, str) and charset else None)


# --- urllib3 wiring: the only change is how the socket is opened. ---------------------------------------


class _CheckedHTTPConnection(HTTPConnection):
    """An HTTP connection whose socket goes through ``open_checked_connection``."""

    def __init__(self, *args: object, allow_private: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.allow_private = allow_private

    def _new_conn(self) -> socket.socket:
        return open_checked_connection(
            self._dns_host,
            self.port,
            timeout=self.timeout,
            allow_private=self.allow_private,
            socket_options=self.socket_options,
        )


class _CheckedHTTPSConnection(HTTPSConnection):
    """An HTTPS connection whose socket goes through ``open_checked_connection``; TLS as urllib3 does it."""

    def __init__(self, *args: object, allow_private: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.allow_private = allow_private

    _new_conn = _CheckedHTTPConnection._new_conn


class _CheckedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


def _pool_for(scheme: str, host: str, port: int | None, allow_private: bool, ca_file: str | None) -> HTTPConnectionPool:
    """A one-connection pool for this hop: no proxy, no retries, connections checked at connect time."""
    if scheme == "https":
        return _CheckedHTTPSConnectionPool(
            host,
            port,
            maxsize=1,
            retries=False,
            allow_private=allow_private,
            ca_certs=ca_file,
            cert_reqs="CERT_REQUIRED",
        )
    return _CheckedHTTPConnectionPool(host, port, maxsize=1, retries=False, allow_private=allow_private)
