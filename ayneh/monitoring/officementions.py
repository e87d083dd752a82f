"""Offices an article names in its text, credited or not («اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان
اعلام کرد ...»): the coverage an office earns without a release and without a credit line.

Which office a name means is decided in one place, the text library's office matcher
(`ayneh.text.officematch`), against the registry ingestion already loaded from the database — the same
rule and the same cached index that credit an article's «به گزارش روابط عمومی ...» line. The analysis
reads the organisation names (`Analysis.organizations`); this module only resolves them and places the
first mention of each office in the article's text.

Where: the analysis returns names, not spans, and a known organisation comes back under its canonical
name, which the text may write differently («اداره‌کل» or «اداره کل», «تامین» or «تأمین», with or without
«استان»). The name read, and the office's registry names and aliases, are looked for in the normalised text
with those differences allowed, the earliest hit wins, and its span is moved to the original text; a name
the text does not spell out at all («مدیرکل تعاون ... خوزستان» read as the directorate) keeps no span.
Exact spans belong in the text library (follow-up: organisations with their spans).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ayneh.text.analyze import Analysis
from ayneh.text.normalize import normalize_with_offsets
from ayneh.text.officematch import office_matcher
from ayneh.text.registry import OfficeEntry, Registry

MAX_NAME_CHARS = 300  # OfficeMention.text
# A word: what lies between spaces, ZWNJ and commas («اداره‌کل», «اداره کل» and «اداره کل،» are alike).
_WORD = re.compile(r"[^\s\u200c،,]+")
_LETTER_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ئ": "ی", "ؤ": "و"})
_OPTIONAL_WORDS = frozenset({"استان"})  # a directorate's name is written with or without it


@dataclass(frozen=True, slots=True)
class FoundMention:
    """An office (database id) named in an article: its first span in the article's text and the words
    there, or, when the text does not spell the name out, the name as the analysis read it and no span."""

    office_id: int
    text: str
    start: int | None
    end: int | None


def office_mentions_find(
    *, analysis: Analysis, text: str, registry: Registry, office_ids: dict[str, int]
) -> list[FoundMention]:
    """The registry's offices among the organisations `analysis` read from `text`, once each, in order of
    first mention (see the module docstring)."""
    matcher = office_matcher(registry)
    names: dict[int, tuple[str, OfficeEntry]] = {}
    for name in analysis.organizations:
        match = matcher.match(name)
        if match is None:
            continue
        office_id = office_ids.get(match.office.code)
        if office_id is not None and office_id not in names:
            names[office_id] = (name, match.office)
    if not names:
        return []
    normalized = normalize_with_offsets(text)
    found: list[FoundMention] = []
    for office_id, (name, office) in names.items():
        hit = _first_hit(normalized.text, (name, *office.names))
        if hit is None:
            found.append(FoundMention(office_id, name[:MAX_NAME_CHARS], None, None))
            continue
        start, end = normalized.to_original(*hit)
        found.append(FoundMention(office_id, text[start:end][:MAX_NAME_CHARS], start, end))
    return found


def _first_hit(text: str, names: tuple[str, ...]) -> tuple[int, int] | None:
    """The earliest span of `text` that writes one of `names` (the name read, then the office's registry
    names and aliases: the analysis reports a known organisation under its canonical name, «سازمان بهزیستی
    کشور», where the text may write an alias, «بهزیستی»)."""
    words = _Words(text)
    best: tuple[int, int] | None = None
    for name in dict.fromkeys(names):
        hit = words.find(_folded_words(name))
        if hit and (best is None or hit[0] < best[0]):
            best = hit
    return best


class _Words:
    """The words of a text with the spelling differences folded away (letter variants unified, «استان»
    left out), glued into one key string for ``str.find``, and where each word starts in the key and in the
    text. Plain string searches, no pattern per name: compiling a pattern per office name cost more than
    the rest of the mention finding together."""

    def __init__(self, text: str) -> None:
        folded = text.translate(_LETTER_FOLD)  # one letter for one: offsets unchanged
        self.text_starts: list[int] = []
        self.text_ends: list[int] = []
        self.key_starts: list[int] = []
        parts: list[str] = []
        length = 0
        for word in _WORD.finditer(folded):
            if word.group() in _OPTIONAL_WORDS:
                continue
            self.text_starts.append(word.start())
            self.text_ends.append(word.end())
            self.key_starts.append(length)
            parts.append(word.group())
            length += len(word.group())
        self.key = "".join(parts)
        ends = (start + len(part) for start, part in zip(self.key_starts, parts, strict=True))
        self._key_ends = {end: i for i, end in enumerate(ends)}

    def find(self, name_key: str) -> tuple[int, int] | None:
        """The text span of the first run of whole words whose key is `name_key`."""
        if not name_key:
            return None
        at = self.key.find(name_key)
        while at != -1:
            first = bisect_left(self.key_starts, at)
            last = self._key_ends.get(at + len(name_key))
            if first < len(self.key_starts) and self.key_starts[first] == at and last is not None:
                return self.text_starts[first], self.text_ends[last]
            at = self.key.find(name_key, at + 1)
        return None


@lru_cache(maxsize=4096)
def _folded_words(name: str) -> str:
    """`name` folded as `_Words` folds a text, its words glued."""
    return "".join(w for w in _WORD.findall(name.translate(_LETTER_FOLD)) if w not in _OPTIONAL_WORDS)
