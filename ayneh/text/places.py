"""Provinces and cities named in Persian news.

Both finders return official names (as in data/provinces.tsv and data/cities.tsv), once each, in order of
first mention. Some province names are also ordinary words or the names of other things, and are only read as
the province where the words around them say so:

* «فارس» is mostly the news agency («خبرگزاری فارس»، «به گزارش فارس») or the gulf («خلیج فارس»), and
  «مرکزی» is mostly an adjective («بانک مرکزی»، «آسیای مرکزی»): both count only after «استان»،
  «استانداری»، «استاندار» or at the end of an office's name («اداره کل ... رفاه اجتماعی فارس»).
* «کردستان» is not the province in «اقلیم کردستان» or «کردستان عراق»; «گلستان» not in «کاخ گلستان» or
  «گلستان شهدا»; «البرز» not in «رشته‌کوه البرز» or «بیمه البرز».
"""

from __future__ import annotations

from ayneh.text import gazetteer as gz
from ayneh.text.gazetteer import SPACE, Gap, Scan

_PROVINCE_CUES = frozenset({"استان", "استانداری", "استاندار"})
_NEEDS_CUE = frozenset({"فارس", "مرکزی"})
_NOT_AFTER = {
    "کردستان": frozenset({"اقلیم", "منطقه"}),
    "گلستان": frozenset({"کاخ", "بوستان", "پارک", "گلزار"}),
    "البرز": frozenset({"کوه", "کوههای", "رشته", "رشتهکوه", "رشتهکوههای", "سلسله", "بیمه", "جبال"}),
}
_NOT_BEFORE = {
    "کردستان": frozenset({"عراق"}),
    "گلستان": frozenset({"شهدا", "سعدی"}),
}


def find_provinces(text: str) -> list[str]:
    """Official names of the provinces named in ``text``, in order of first mention."""
    words = gz.scan(text)
    found: dict[str, None] = {}
    office_ends: set[int] | None = None
    for start, end, name in gz.province_index().find_all(words):
        if name in found or _excluded_by_neighbours(words, start, end, name):
            continue
        if name in _NEEDS_CUE:
            if office_ends is None:
                office_ends = {e for _, e, _ in gz.ministry_complements().find_all(words, max_gap=Gap.COMMA)}
            if not _has_cue(words, start, office_ends):
                continue
        found[name] = None
    return list(found)


def find_cities(text: str) -> list[str]:
    """Names of the cities named in ``text`` (capitals and major county seats), in order of first mention.

    Cities whose names are everyday words (نور، بهار، میانه ...) are not in the list at all."""
    words = gz.scan(text)
    return list(dict.fromkeys(city.name for _, _, city in gz.city_index().find_all(words)))


def _previous_key(words: Scan, start: int) -> str | None:
    if start == 0 or words.gaps[start - 1] > SPACE:
        return None
    return words.keys[start - 1]


def _excluded_by_neighbours(words: Scan, start: int, end: int, name: str) -> bool:
    previous = _previous_key(words, start)
    if previous is not None and previous in _NOT_AFTER.get(name, ()):
        return True
    following = words.keys[end] if end < len(words) and words.gaps[end - 1] == SPACE else None
    return following is not None and following in _NOT_BEFORE.get(name, ())


def _has_cue(words: Scan, start: int, office_ends: set[int]) -> bool:
    """«استان فارس»، «استاندار مرکزی»، or right after a ministry's name: «... رفاه اجتماعی فارس»."""
    previous = _previous_key(words, start)
    return previous is not None and (previous in _PROVINCE_CUES or start in office_ends)
