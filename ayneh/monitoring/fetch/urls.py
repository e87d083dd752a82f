"""Which links may be fetched or stored, and their canonical form.

Only ``http`` and ``https`` URLs with a host are ever fetched, parsed or stored: ``file://``, local paths,
``javascript:``, ``data:``, ``ftp:`` and the rest are refused here, before anything reads them. Browsers
ignore tabs and line breaks inside a URL («java\\nscript:»), so those are removed before the scheme is read.

``canonical_url`` is the key under which an article is "stored once": the same page reached through
differently written links (upper-case host, a fragment, ``utm_*`` tracking parameters, another parameter
order, raw or percent-encoded Persian in the path) gets one key.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from ayneh.monitoring.fetch.errors import URLRefused

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only say where a click came from; they never change the page.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga"}
)
TRACKING_PREFIXES = ("utm_",)

# WHATWG URL parsing drops ASCII tab and newlines anywhere and C0 controls/space at both ends.
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
# RFC 3986: characters a path may carry unescaped besides the unreserved ones quote() always keeps.
_PATH_SAFE = "/:@!$&'()*+,;=%~"
_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def fetchable_url(url: str, *, base: str | None = None) -> str:
    """The absolute http(s) URL that ``url`` names (resolved against ``base`` if relative).

    Raises ``URLRefused`` with the reason ("scheme not allowed: file", "not a URL: a local path", "no host",
    "credentials in URL") for anything else. The URL is returned as written, not canonicalised.
    """
    cleaned = _IGNORED_INSIDE.sub("", url).strip(_C0_AND_SPACE)
    if base is not None:
        cleaned = urljoin(fetchable_url(base), cleaned)
    try:
        parts = urlsplit(cleaned)
        port = parts.port
    except ValueError as error:
        raise URLRefused(f"malformed URL: {error}") from error
    scheme = parts.scheme.lower()
    if not scheme:
        raise URLRefused("not a URL: a local path" if cleaned.startswith(("/", ".", "~")) else "not a URL: no scheme")
    if scheme not in ALLOWED_SCHEMES:
        raise URLRefused(f"scheme not allowed: {scheme}")
    if not parts.hostname:
        raise URLRefused("no host")
    if parts.username is not None or parts.password is not None:
        raise URLRefused("credentials in URL")
    if port == 0:
        raise URLRefused("port 0")
    return cleaned


def safe_link(href: str | None, *, base: str | None = None) -> str | None:
    """The http(s) URL a link points at, or None for ``javascript:``, ``data:``, local paths and other refusals."""
    if not href or not href.strip():
        return None
    try:
        return fetchable_url(href, base=base)
    except URLRefused:
        return None


def canonical_url(url: str) -> str:
    """The key one page is stored under: lower-case scheme and host, no default port, no fragment, no
    tracking parameters (``utm_*``, ``fbclid`` ...), query sorted, percent-encoding made uniform.

    Raises ``URLRefused`` for anything ``fetchable_url`` refuses.
    """
    parts = urlsplit(fetchable_url(url))
    scheme = parts.scheme.lower()
    host = ascii_host(parts.hostname or "")
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None and parts.port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    path = _canonical_escapes(quote(parts.path or "/", safe=_PATH_SAFE))
    pairs = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(key)]
    query = urlencode(sorted(pairs), quote_via=quote)
    return urlunsplit((scheme, netloc, path, query, ""))


def ascii_host(hostname: str) -> str:
    """Lower case, no trailing dot, an internationalised name in its ASCII (punycode) form for DNS and keys."""
    host = hostname.lower().rstrip(".")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _canonical_escapes(path: str) -> str:
    """Upper-case percent escapes, unescape the unreserved characters, escape a '%' that starts none."""
    path = _STRAY_PERCENT.sub("%25", path)

    def one(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _PERCENT_ESCAPE.sub(one, path)


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)
