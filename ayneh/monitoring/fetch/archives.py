"""Bulk archives, one record (or one record's error) at a time, so a bad line never stops an import.

- ``read_jsonl``: JSON Lines of ``{url, title, text or html, published, outlet}``. Lines are read with a
  length cap (a 2 GB line is skipped, not loaded); each bad line — not UTF-8, not JSON, not an object, a
  field of the wrong type, a non-http(s) ``url``, an unreadable ``published``, no ``text`` nor ``html`` —
  becomes a ``RecordError`` with its line number and the import goes on.
- ``read_html_folder``: saved pages (``*.html``, ``*.htm``, ``*.xhtml``) under a folder, in a stable order,
  decoded with ``decode.decode_body``; the page's own canonical link (or ``og:url``) is its address.
  Symbolic links are not followed, so an archive cannot point the reader at files outside it.

Records carry the text or page as given: extracting an article from ``html`` is the caller's step.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ayneh.monitoring.fetch.dates import parse_published
from ayneh.monitoring.fetch.decode import decode_body
from ayneh.monitoring.fetch.errors import InputError
from ayneh.monitoring.fetch.limits import FetchLimits, describe_size
from ayneh.monitoring.fetch.pagemeta import canonical_link, parse_page
from ayneh.monitoring.fetch.urls import fetchable_url

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_FIELDS = ("url", "title", "text", "html", "outlet")
_SKIP_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ArchiveRecord:
    """One article from an archive. ``position`` is the line number (JSONL) or the page's place in the
    folder's order; ``origin`` says where it came from ("archive.jsonl:12", "pages/a.html")."""

    position: int
    origin: str
    url: str | None
    title: str | None
    text: str | None
    html: str | None
    published: dt.datetime | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class RecordError:
    """A line or page that could not be read, and why; the reader goes on with the next one."""

    position: int
    origin: str
    reason: str
    url: str | None = None


type ArchiveItem = ArchiveRecord | RecordError


def read_jsonl(
    path_or_stream: str | Path | IO[bytes] | IO[str], *, max_line_bytes: int = FetchLimits().max_bytes
) -> Iterator[ArchiveItem]:
    """The records of a JSON Lines archive, in order; blank lines are skipped (but counted)."""
    if isinstance(path_or_stream, str | Path):
        with Path(path_or_stream).open("rb") as stream:
            yield from _read_lines(stream, Path(path_or_stream).name, max_line_bytes)
        return
    yield from _read_lines(_binary(path_or_stream), str(getattr(path_or_stream, "name", "stream")), max_line_bytes)


def _binary(stream: IO[bytes] | IO[str]) -> IO[bytes]:
    """The byte stream under a text stream (lines are capped in bytes); a StringIO is encoded whole."""
    if isinstance(stream, io.TextIOWrapper):
        return stream.buffer
    if isinstance(stream, io.TextIOBase):
        return io.BytesIO(stream.read().encode("utf-8"))
    return stream  # type: ignore[return-value]


def _read_lines(stream: IO[bytes], name: str, max_line_bytes: int) -> Iterator[ArchiveItem]:
    line_no = 0
    while True:
        line = stream.readline(max_line_bytes + 1)
        if not line:
            return
        line_no += 1
        origin = f"{name}:{line_no}"
        if len(line) > max_line_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield RecordError(line_no, origin, f"line too long: over {describe_size(max_line_bytes)}")
            continue
        if not line.strip():
            continue
        yield _record_from_line(line, line_no, origin)


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while chunk := stream.readline(_SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _record_from_line(line: bytes, line_no: int, origin: str) -> ArchiveItem:
    try:
        data = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return RecordError(line_no, origin, f"not UTF-8 (byte {error.start})")
    except json.JSONDecodeError as error:
        return RecordError(line_no, origin, f"invalid JSON: {error.msg} at column {error.colno}")
    if not isinstance(data, dict):
        return RecordError(line_no, origin, f"not a JSON object but a {type(data).__name__}")
    fields: dict[str, str | None] = {}
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return RecordError(line_no, origin, f"'{key}' is not a string")
        fields[key] = value if value and value.strip() else None
    url = fields["url"]
    if url is not None:
        try:
            url = fetchable_url(url)
        except InputError as error:
            return RecordError(line_no, origin, f"url refused: {error.reason}", url=None)
    if fields["text"] is None and fields["html"] is None:
        return RecordError(line_no, origin, "neither 'text' nor 'html'", url=url)
    published, problem = _published(data.get("published"))
    if problem:
        return RecordError(line_no, origin, problem, url=url)
    return ArchiveRecord(
        position=line_no,
        origin=origin,
        url=url,
        title=fields["title"],
        text=fields["text"],
        html=fields["html"],
        published=published,
        outlet=fields["outlet"],
    )


def _published(value: object) -> tuple[dt.datetime | None, str | None]:
    """An archive's date must be readable when given: a silently dropped date would misfile every record."""
    if value is None or value == "":
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC), None
        except (OverflowError, OSError, ValueError):
            return None, f"'published' is not a Unix time: {value!r}"
    if isinstance(value, str) and (moment := parse_published(value)) is not None:
        return moment, None
    return None, f"'published' cannot be read as a date: {str(value)[:80]!r}"


def read_html_folder(path: str | Path, *, max_bytes: int = FetchLimits().max_bytes) -> Iterator[ArchiveItem]:
    """The saved pages under ``path`` (recursively, sorted by relative path), decoded, with their address.

    Raises ``InputError`` if ``path`` is not a folder; a page that cannot be read is a ``RecordError``.
    """
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"not a folder: {root}")
    pages = sorted(p for p in root.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
    for position, page in enumerate(pages, start=1):
        origin = str(page.relative_to(root))
        if page.is_symlink() or any(parent.is_symlink() for parent in page.relative_to(root).parents if parent.name):
            yield RecordError(position, origin, "symbolic link not followed")
            continue
        if not page.is_file():
            continue
        yield _page_record(page, position, origin, max_bytes)


def _page_record(page: Path, position: int, origin: str, max_bytes: int) -> ArchiveItem:
    size = page.stat().st_size
    if size > max_bytes:
        return RecordError(position, origin, f"too large: over {describe_size(max_bytes)}")
    try:
        html = decode_body(page.read_bytes())
    except InputError as error:
        return RecordError(position, origin, error.reason)
    except OSError as error:
        return RecordError(position, origin, f"unreadable: {error.strerror}")
    return ArchiveRecord(
        position=position,
        origin=origin,
        url=page_address(html),
        title=None,
        text=None,
        html=html,
        published=None,
        outlet=None,
    )


def page_address(html: str) -> str | None:
    """The absolute http(s) address a saved page gives for itself (canonical link, then ``og:url``)."""
    try:
        return canonical_link(parse_page(html), None)
    except InputError:
        return None
