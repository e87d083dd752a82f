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
from dataclasses import dataclass
from functools import lru_cache

from ayneh.text.analyze import Analysis
from ayneh.text.normalize import normalize_with_offsets
from ayneh.text.officematch import office_matcher
from ayneh.text.registry import OfficeEntry, Registry

MAX_NAME_CHARS = 300  # OfficeMention.text
_SEPARATOR = r"[\s\u200c،,]*"  # «اداره‌کل»/«اداره کل»/«اداره کل،»: spacing, ZWNJ and commas between words
_LETTER_VARIANTS = {"ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]", "آ": "[اأإآ]", "ی": "[یئ]", "ئ": "[یئ]", "و": "[وؤ]"}
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
    best: tuple[int, int] | None = None
    for name in dict.fromkeys(names):
        hit = _name_pattern(name).search(text)
        if hit and (best is None or hit.start() < best[0]):
            best = hit.span()
    return best


@lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    """`name` as a pattern that allows the spelling differences listed in the module docstring."""
    parts: list[str] = []
    for word in re.split(r"[\s\u200c،,]+", name):
        if not word:
            continue
        letters = "".join(_LETTER_VARIANTS.get(c, re.escape(c)) for c in word)
        parts.append(f"(?:{letters}{_SEPARATOR})?" if word in _OPTIONAL_WORDS else f"{letters}{_SEPARATOR}")
    if not parts:
        return re.compile(r"(?!)")
    # Whole words only: an alias must not match inside a longer word.
    return re.compile(r"(?<!\w)" + "".join(parts).removesuffix(_SEPARATOR) + r"(?!\w)")
