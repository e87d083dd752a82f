"""Resolve an office name as a news text writes it — typos and all — to an office of a Registry.

Contract: ``match_office(name, registry)`` returns an ``OfficeMatch(office, confidence, matched_name)`` or
None when no office scores at least ``MATCH_THRESHOLD`` (0–1). It survives the noise real republished
releases carry: Arabic letters, a dropped letter («تعان» for «تعاون»), an ASCII comma for «،», missing
or extra «استان», ZWNJ written as a space, and a leading channel such as «روابط عمومی» or «پایگاه
اطلاع‌رسانی» in front of the office's own name.

How it decides (and why):
- Names and aliases are folded once per Registry (``office_matcher`` caches the index per Registry object)
  to a token form: ``normalize`` + punctuation and ZWNJ to spaces + hamza forms to their bare letter.
- The province is a hard discriminator, not a score term: the 31 directorates differ only in their
  province, so a fuzzy score alone would let «... خوزستان» drift to «... فارس» on one typo. A name that
  mentions provinces is compared only with offices of those provinces; a name that mentions none only with
  offices that have no province (ministry, headquarters units, affiliated organisations). A provincial
  branch of a national organisation the registry does not list («تأمین اجتماعی استان خوزستان») is
  therefore refused rather than credited to the national office.
- The score is rapidfuzz's ``token_sort_ratio`` (edit distance over the sorted tokens), which forgives
  letter typos and word order, times a token coverage: the share of both sides' letters in words that have
  a close counterpart (ratio ≥ 75) on the other side. Coverage is what keeps a short alias from matching a
  different office that differs in one whole word («وزارت کشور» is not «وزارت کار», «اداره کل دامپزشکی
  خوزستان» is not «اداره کل کار خوزستان»), while a misspelt word («تعان») still counts as present.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ayneh.text.normalize import normalize
from ayneh.text.registry import OfficeEntry, Registry

MATCH_THRESHOLD = 0.85
"""Scores below this are refused. Chosen on tests/text/test_officematch*.py: misspelt real office names
score ≥ 0.88 (a word glued to the next: 0.88, the seed's «تعان,کار»: 0.99), other organisations of the same
province («اداره کل راه و شهرسازی», «اداره کل دامپزشکی») and near-miss names («وزارت کشور») ≤ 0.72."""
_SHORTLIST = 5  # best token_sort candidates re-scored with coverage
_RECENT_SIZE = 4096  # remembered match results per registry; cleared whole when full (simple, bounded)
_WORD_COUNTERPART_RATIO = 75
_MIN_GLUED_WORD = 4  # shorter words («کل», «کار») occur inside too many other words to count as glued
_NEUTRAL_WORDS = frozenset({"و", "استان"})  # present or absent without changing which office is meant

# Punctuation that separates words in a name but carries no meaning for the match; ZWNJ too, so that
# «اطلاع‌رسانی» and «اطلاع رسانی» fold alike.
_PUNCTUATION_TO_SPACE = str.maketrans(
    dict.fromkeys(
        "،,؛;:.-–—_()[]{}«»\"'“”/\\\u200c",
        " ",
    )
    | {"أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی", "ء": "", "\u0654": ""}
)
_SPACES = re.compile(r"\s+")

# Channels that stand in front of an office's name in a credit: the office is what follows them.
_CHANNEL_PREFIX = re.compile(
    r"^(?:"
    r"(?:اداره کل |اداره |دفتر |واحد |مرکز )?روابط عمو?م?ی(?: و (?:امور بین الملل|اطلاع رسانی))?"
    r"|(?:پایگاه|سایت|وب سایت|درگاه|پورتال)(?: (?:خبری|اطلاع رسانی|اینترنتی|رسمی))*"
    r"|ستاد خبری|واحد خبر|دفتر اطلاع رسانی|مرکز اطلاع رسانی"
    r") +"
)


def fold_office_name(text: str) -> str:
    """The token form both sides of a match are compared in (idempotent)."""
    folded = normalize(text).translate(_PUNCTUATION_TO_SPACE)
    return _SPACES.sub(" ", folded).strip()


@dataclass(frozen=True, slots=True)
class OfficeMatch:
    """An office a written name resolved to; ``matched_name`` is the registry name or alias that scored
    best, ``confidence`` the score in 0–1."""

    office: OfficeEntry
    confidence: float
    matched_name: str


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Folded names of a group of offices, parallel to the entries they belong to."""

    folded_names: tuple[str, ...]
    sorted_names: tuple[str, ...]  # each folded name's words sorted (what token_sort_ratio compares)
    entries: tuple[OfficeEntry, ...]
    names: tuple[str, ...]


class OfficeMatcher:
    """The match index of one Registry: folded names grouped by province, and a province finder built from
    the provinces that occur in the registry. Build it through ``office_matcher`` (cached)."""

    def __init__(self, registry: Registry) -> None:
        grouped: dict[str | None, list[tuple[str, OfficeEntry, str]]] = {}
        for entry in registry:
            for name in entry.names:
                folded = fold_office_name(name)
                if folded:
                    grouped.setdefault(entry.province, []).append((folded, entry, name))
        self._groups: dict[str | None, _Candidates] = {
            province: _Candidates(
                folded_names=tuple(f for f, _, _ in rows),
                sorted_names=tuple(_sorted_tokens(f) for f, _, _ in rows),
                entries=tuple(e for _, e, _ in rows),
                names=tuple(n for _, _, n in rows),
            )
            for province, rows in grouped.items()
        }
        self._recent: dict[tuple[str, float], OfficeMatch | None] = {}
        self._province_by_folded = {fold_office_name(p): p for p in grouped if p is not None}
        # Longest first, so «آذربایجان غربی» wins over a shorter province name it might contain.
        alternatives = sorted(self._province_by_folded, key=len, reverse=True)
        self._province_pattern = (
            re.compile(r"(?<!\S)(" + "|".join(map(re.escape, alternatives)) + r")(?!\S)") if alternatives else None
        )

    def provinces_in(self, folded_name: str) -> list[str]:
        """Registry provinces mentioned in an already folded name, in order of appearance, without repeats."""
        if self._province_pattern is None:
            return []
        found = (self._province_by_folded[m.group(1)] for m in self._province_pattern.finditer(folded_name))
        return list(dict.fromkeys(found))

    def match(self, name: str, *, threshold: float = MATCH_THRESHOLD) -> OfficeMatch | None:
        """The best office for ``name`` scoring at least ``threshold``, else None (see the module docstring).
        Results are remembered (a few thousand names): a news stream credits the same offices over and over."""
        key = (name, threshold)
        if key in self._recent:
            return self._recent[key]
        found = self._match(name, threshold)
        if len(self._recent) >= _RECENT_SIZE:
            self._recent.clear()
        self._recent[key] = found
        return found

    def _match(self, name: str, threshold: float) -> OfficeMatch | None:
        folded = fold_office_name(name)
        if not folded:
            return None
        provinces: list[str | None] = list(self.provinces_in(folded)) or [None]
        groups = [self._groups[p] for p in provinces if p in self._groups]
        best: OfficeMatch | None = None
        for query in _query_forms(folded):
            # token_sort_ratio is the ratio of the two names with their words sorted: the registry's names
            # are sorted once, in the index, rather than again for every query.
            sorted_query = _sorted_tokens(query)
            for group in groups:
                shortlist = process.extract(
                    sorted_query,
                    group.sorted_names,
                    scorer=fuzz.ratio,
                    limit=_SHORTLIST,
                    score_cutoff=threshold * 100,
                )
                for _, score, index in shortlist:
                    candidate = group.folded_names[index]
                    confidence = round(score / 100 * _token_coverage(query, candidate), 3)
                    if confidence >= threshold and (best is None or confidence > best.confidence):
                        best = OfficeMatch(
                            office=group.entries[index], confidence=confidence, matched_name=group.names[index]
                        )
        return best


def _sorted_tokens(name: str) -> str:
    """The words of a folded name in sorted order: ``fuzz.ratio`` of two such forms is ``token_sort_ratio``."""
    return " ".join(sorted(name.split()))


def _token_coverage(a: str, b: str) -> float:
    """Share of the letters of both folded names that sit in words with a close counterpart on the other
    side (neutral words such as «و» and «استان» left out of the count)."""
    a_words = [w for w in a.split() if w not in _NEUTRAL_WORDS]
    b_words = [w for w in b.split() if w not in _NEUTRAL_WORDS]
    total = sum(map(len, a_words)) + sum(map(len, b_words))
    if total == 0:
        return 0.0
    covered = _covered_letters(a_words, b_words) + _covered_letters(b_words, a_words)
    return covered / total


def _covered_letters(words: list[str], others: list[str]) -> int:
    covered = 0
    joined = "".join(others)
    for word in words:
        # A word glued to its neighbour («تعاونکار») still has its letters on the other side.
        if (len(word) >= _MIN_GLUED_WORD and word in joined) or process.extractOne(
            word, others, scorer=fuzz.ratio, score_cutoff=_WORD_COUNTERPART_RATIO
        ):
            covered += len(word)
    return covered


def _query_forms(folded: str) -> Iterable[str]:
    """The name as written, and without a leading channel («روابط عمومی ...») when it has one."""
    yield folded
    stripped = _CHANNEL_PREFIX.sub("", folded, count=1)
    if stripped and stripped != folded:
        yield stripped


_MATCHERS: weakref.WeakKeyDictionary[Registry, OfficeMatcher] = weakref.WeakKeyDictionary()


def office_matcher(registry: Registry) -> OfficeMatcher:
    """The (cached) match index of ``registry``; built once per Registry object, dropped with it."""
    matcher = _MATCHERS.get(registry)
    if matcher is None:
        matcher = OfficeMatcher(registry)
        _MATCHERS[registry] = matcher
    return matcher


def match_office(name: str, registry: Registry, *, threshold: float = MATCH_THRESHOLD) -> OfficeMatch | None:
    """Resolve a written office name against ``registry``; None when nothing scores ``threshold`` or more."""
    return office_matcher(registry).match(name, threshold=threshold)
