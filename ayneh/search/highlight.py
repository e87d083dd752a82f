"""Matched words marked in the original text, and a snippet around the first match.

The text shown is the original (with its own ی/ي, digits and ZWNJ); whether a word matched is decided on
its folded tokens (ayneh.search.terms.tokens), exactly as the index decided it, so «كارگران» is marked for
the query «کارگر». A word here is a run of letters, digits and ZWNJ, so «می‌شود» is one word, as it is
one token once folded.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ayneh.search.terms import SearchQuery, parse_query, tokens

WORD_RE = re.compile(r"[^\W_](?:[^\W_]|\u200c)*")


def _matches(word: str, query: SearchQuery, exact: frozenset[str]) -> bool:
    for token in tokens(word):
        if token in exact:
            return True
        if any(token.startswith(w) if query.is_prefix(w) else token == w for w in query.words):
            return True
    return False


def highlight(text: str, raw_query: str) -> SafeString:
    """`text` escaped, with every word the query matches wrapped in <mark>."""
    query = parse_query(raw_query)
    if not query:
        return SafeString(escape(text))
    exact = frozenset(token for phrase in query.phrases for token in phrase)
    out: list[str] = []
    last = 0
    for match in WORD_RE.finditer(text):
        if _matches(match.group(), query, exact):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece of text above went through escape()


def snippet(text: str, raw_query: str, *, width: int = 280) -> SafeString:
    """About `width` characters of `text` around its first matched word (the start if none), highlighted,
    with «…» where it was cut."""
    query = parse_query(raw_query)
    exact = frozenset(token for phrase in query.phrases for token in phrase)
    start = 0
    if query:
        for match in WORD_RE.finditer(text):
            if _matches(match.group(), query, exact):
                start = max(0, match.start() - width // 3)
                break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    body = highlight(text[start:end], raw_query)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308
