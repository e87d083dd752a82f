"""Bytes to text for pages and feeds, so that Persian never comes out as mojibake.

The evidence, strongest first:

1. A byte-order mark.
2. The body is valid UTF-8 and not plain ASCII: then it is UTF-8, whatever the header says. Multi-byte
   UTF-8 sequences across a whole document do not happen by accident in a legacy encoding, while a wrong
   ``charset=windows-1252`` header is common.
3. The charset the HTTP header declared, then the one the document declares (``<meta charset>``, ``<meta
   http-equiv>``, or an XML declaration's ``encoding``), then ``charset_normalizer``'s detection.
4. Whichever of those is tried, a decode with no Arabic-script letters where windows-1256 gives mostly
   Arabic-script letters is taken as windows-1256: undeclared Persian pages are windows-1256, and detection
   has been seen to call them mac_cyrillic. (windows-1256 cannot write Persian «ی» or Persian digits, so such
   pages carry Arabic «ي» — normalisation downstream folds it.)

Bytes with NULs in them (an image saved as .html, UTF-16 without a BOM) are refused as binary. If nothing
gives readable text, ``DecodeError`` says so; nothing is decoded with replacement characters.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from charset_normalizer import from_bytes

from ayneh.monitoring.fetch.errors import DecodeError

__all__ = ["DecodeError", "choose_encoding", "decode_body", "iter_decoded"]

PERSIAN_LEGACY = "cp1256"
SNIFF_BYTES = 8192  # where <meta charset> and the XML declaration are looked for
SAMPLE_BYTES = 1024 * 1024  # how much a legacy-encoding guess is judged on
CHUNK_BYTES = 1024 * 1024
ARABIC_SHARE = 0.5  # share of non-ASCII characters that must be Arabic-script letters to call it windows-1256

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# WHATWG's encoding labels: what browsers decode these labels as.
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252"}
_UTF8_NAMES = frozenset({"utf-8", "utf_8"})


def decode_body(body: bytes, *, declared: str | None = None, content_type: str | None = None) -> str:
    """``body`` as text in the encoding ``choose_encoding`` picks, without a leading BOM.

    Raises ``DecodeError`` ("undecodable: ...") when no encoding gives readable text.
    """
    encoding = choose_encoding(body, declared=declared, content_type=content_type)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"undecodable as {encoding}: {error.reason} at byte {error.start}") from error
    return text.removeprefix("\ufeff")


def iter_decoded(body: bytes, encoding: str, *, chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """``body`` decoded in pieces (bounded memory for a large feed); raises ``DecodeError`` on a bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(body)
    try:
        for start in range(0, len(body), chunk_bytes):
            yield decoder.decode(view[start : start + chunk_bytes], final=start + chunk_bytes >= len(body))
    except UnicodeDecodeError as error:
        raise DecodeError(f"undecodable as {encoding}: {error.reason}") from error
    finally:
        view.release()


def choose_encoding(body: bytes, *, declared: str | None = None, content_type: str | None = None) -> str:
    """The Python codec name to decode ``body`` with (see the module docstring for the order).

    ``declared`` is the HTTP header's charset; ``content_type`` is accepted for symmetry with the header
    but the document's own declaration is looked for whatever the type (feeds are served as text/html too).
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return encoding
    if b"\x00" in body[:SAMPLE_BYTES]:
        raise DecodeError("binary data, not text (NUL bytes; UTF-16 without a byte-order mark is not read)")
    if body.isascii():
        return "utf-8"
    if _is_utf8(body):
        return "utf-8"
    sample = body[:SAMPLE_BYTES]
    tried: list[str] = []
    for label in (declared, _declared_in_document(body)):
        candidate = _codec_name(label)
        if candidate is None or candidate in _UTF8_NAMES or candidate in tried:
            continue  # a UTF-8 claim has already failed above
        tried.append(candidate)
        if (chosen := _readable_as(sample, candidate)) is not None:
            return chosen
    guess = from_bytes(sample).best()
    detected = _codec_name(guess.encoding) if guess is not None else None
    if detected is not None and detected not in tried and (chosen := _readable_as(sample, detected)) is not None:
        return chosen
    if _mostly_arabic(sample.decode(PERSIAN_LEGACY, errors="replace")):
        return PERSIAN_LEGACY
    named = ", ".join(tried) or "none"
    raise DecodeError(f"undecodable: not UTF-8, and no charset gives readable text (declared: {named})")


def _is_utf8(body: bytes) -> bool:
    """Whether the whole body is valid UTF-8, checked in pieces so no full copy is made."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(body)
    try:
        for start in range(0, len(body), CHUNK_BYTES):
            decoder.decode(view[start : start + CHUNK_BYTES], final=start + CHUNK_BYTES >= len(body))
    except UnicodeDecodeError:
        return False
    finally:
        view.release()
    return True


def _declared_in_document(body: bytes) -> str | None:
    head = body[:SNIFF_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    try:
        return codecs.lookup(_BROWSER_ALIASES.get(label, label)).name
    except LookupError:
        return None


def _readable_as(sample: bytes, encoding: str) -> str | None:
    """``encoding`` if the sample decodes with it into plausible text, windows-1256 if that is what it
    really is, None if it does not decode."""
    try:
        # A sample cut mid-character is fine: the incremental decoder keeps the tail back.
        text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    looks_mislabelled = encoding != PERSIAN_LEGACY and not _ARABIC_LETTER.search(text)
    if looks_mislabelled and _mostly_arabic(sample.decode(PERSIAN_LEGACY, errors="replace")):
        return PERSIAN_LEGACY
    return encoding


def _mostly_arabic(text: str) -> bool:
    """Whether most non-ASCII characters are Arabic-script letters (what Persian text in windows-1256 gives)."""
    non_ascii = len(_NON_ASCII.findall(text))
    return non_ascii > 0 and len(_ARABIC_LETTER.findall(text)) >= ARABIC_SHARE * non_ascii
