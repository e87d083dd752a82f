"""From text to search terms: the one tokenisation both search backends share.

Both backends index and query the *same* token stream, produced here in Python, so SQLite FTS5 and
PostgreSQL full text return the same hits for the same query:

1. `fold_for_index` (ayneh.text.normalize) makes Persian variants one form: ي/ی, ك/ک, Persian, Arabic and
   Latin digits, diacritics, tatweel and ZWNJ («می‌شود» and «میشود» fold alike).
2. A token is a run of letters and digits (Unicode categories L* and N*, what FTS5's unicode61 tokenizer
   treats as token characters by default); everything else separates tokens. Latin letters lose their
   accents (café → cafe), as unicode61 with remove_diacritics does.
3. Tokens are lower-cased. Neither backend stems or drops stop words: Persian has no stemmer in either
   engine, and a missing stop list keeps "و" searchable inside phrases.

Query language (deliberately small; nothing a user types is ever passed through as engine syntax):

- Words are ANDed: every word must occur.
- A bare word of two or more characters matches as a *prefix*, because Persian attaches suffixes:
  «کارگر» finds «کارگران» and «کارگری»; «کتاب» finds «کتابها» (from «کتاب‌ها»). A one-character word
  must match exactly (otherwise «و» would match almost everything).
- Text in double quotes ("...", “...” or «...») is a *phrase*: its words must occur next to each other,
  in order, each matched exactly (no prefix).
- Everything else is literal: `NEAR`, `AND`, `OR`, `NOT`, `*`, `-`, `^`, `:`, parentheses and stray quotes
  are either plain words or separators. A query can never raise a syntax error.

Filters ride in the same index as *facet tokens* («k_article», «o_dg_fars», «p_خوزستان»): a field letter,
an underscore, and the value's tokens joined by underscores. A word token never contains an underscore
(TOKEN_RE excludes it), so nothing a person types can match a facet, and a filter is one more term the
engine intersects in its inverted index — no join, no row-by-row check, and newest-first early termination
keeps working with filters on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ayneh.text.normalize import fold_for_index

# A run of letters or digits. `[^\W_]` is \w without the underscore: Unicode letters and numbers.
TOKEN_RE = re.compile(r"[^\W_]+")
# Latin letters that carry accents in precomposed form (Latin-1 Supplement through Latin Extended-B).
ACCENTED_LATIN_RE = re.compile(r"[\u00c0-\u024f]")
ACCENTED_LATIN_WORD_RE = re.compile(r"[^\W_]*[\u00c0-\u024f][^\W_]*")
# Phrases the user quoted, with ASCII, curly or Persian guillemet quotes.
PHRASE_RE = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»')

# Bounds that keep one query cheap and keep both engines inside their limits.
MAX_QUERY_CHARS = 256
MAX_QUERY_WORDS = 16
MAX_TOKEN_CHARS = 100  # PostgreSQL refuses lexemes over 2,047 bytes; real words are far shorter.
MAX_INDEXED_TOKENS = 16383  # PostgreSQL's highest tsvector position: past it phrase positions would blur.
MIN_PREFIX_CHARS = 2
FACET_SEPARATOR = "_"


def _strip_latin_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """The search tokens of `text`, in order, as both backends index and query them."""
    folded = fold_for_index(text).lower()
    # Accented Latin is rare in Persian news: decompose only the words that carry it.
    if ACCENTED_LATIN_RE.search(folded):
        folded = ACCENTED_LATIN_WORD_RE.sub(lambda match: _strip_latin_accents(match.group()), folded)
    return [token for token in TOKEN_RE.findall(folded) if len(token) <= MAX_TOKEN_CHARS]


def index_tokens(*parts: str) -> list[str]:
    """The tokens one document is indexed under (title, then body), capped at MAX_INDEXED_TOKENS."""
    result: list[str] = []
    for part in parts:
        result.extend(tokens(part))
    return result[:MAX_INDEXED_TOKENS]


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: words matched as prefixes (or exactly, when one character) and exact phrases."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    @staticmethod
    def is_prefix(word: str) -> bool:
        return len(word) >= MIN_PREFIX_CHARS


def parse_query(raw: str) -> SearchQuery:
    """Parse what a person typed into a search box. Never raises; an empty result means "no query"."""
    raw = raw[:MAX_QUERY_CHARS]
    budget = MAX_QUERY_WORDS
    phrases: list[tuple[str, ...]] = []
    for match in PHRASE_RE.finditer(raw):
        phrase_tokens = tuple(tokens(next(group for group in match.groups() if group is not None)))[:budget]
        if not phrase_tokens:
            continue
        budget -= len(phrase_tokens)
        # A one-word phrase is just an exact word; keeping it a phrase keeps it exact (no prefix).
        phrases.append(phrase_tokens)
    outside = PHRASE_RE.sub(" ", raw)
    words: list[str] = []
    for token in tokens(outside):
        if budget <= 0:
            break
        if token not in words:
            words.append(token)
            budget -= 1
    return SearchQuery(words=tuple(words), phrases=tuple(dict.fromkeys(phrases)))


def facet(field: str, value: str) -> str:
    """The facet token for `field` = `value`: «facet("p", "خراسان رضوی")» → «p_خراسان_رضوی».

    `field` is a short Latin name ("k" kind, "o" office, "p" province, "t" tier, "u" outlet); `value` is
    folded like any text, so «كرمان» and «کرمان» are one facet. Raises ValueError for a value with no
    letters or digits (it could never be told apart from another such value).
    """
    parts = tokens(value)
    if not parts or not field.isascii() or not field.isalpha():
        raise ValueError(f"no facet for {field!r}={value!r}")
    return FACET_SEPARATOR.join([field.lower(), *parts])
