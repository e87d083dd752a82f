"""Provinces and cities named in Persian news.

Both finders return official names (as in data/provinces.tsv and data/cities.tsv), once each, in order of
first mention. Some province names are also ordinary words or the names of other things, and are only read as
the province where the words around them say so:

* «فارس» is mostly the news agency («خبرگزاری فارس»، «به گزارش فارس») or the gulf («خلیج فارس»), and
  «مرکزی» is mostly an adjective («بانک مرکزی»، «آسیای مرکزی»): both count only after «استان»،
  «استانداری»، «استاندار» or at the end of an office's name («اداره کل ... رفاه اجتماعی فارس»).
* «کردستان» is not the province in «اقلیم کردستان» or «کردستان عراق»; «گلستان» not in «کاخ گلستان» or
  «گلستان شهدا»; «البرز» not in «رشته‌کوه البرز» or «بیمه البرز».
* After a word for a town («شهر»، «شهرداری»، «شهردار»، «شهرستان»، «روستای» ...) a province name names a town
  of that name, which is the province only where the province's capital bears it («شهرداری تهران» is
  Tehran; «شهرداری گلستان» is the town of Golestan, whose province's capital is Gorgan).
* After a sports club's word (data/clubs.txt: «پرسپولیس تهران»، «استقلال خوزستان») it is the club's name.
  The words that also name an industry («نفت»، «فولاد»، «ذوب‌آهن» ...) count as a club only in a sentence
  about a team or a match («تیم»، «باشگاه»، «مقابل»، «بازی» ...).
"""

from __future__ import annotations

from functools import cache

from ayneh.text import gazetteer as gz
from ayneh.text.gazetteer import BREAK, SPACE, Gap, Scan

_PROVINCE_CUES = frozenset({"استان", "استانداری", "استاندار"})
_TOWN_WORDS = frozenset({"شهر", "شهری", "شهرداری", "شهردار", "شهرستان", "روستا", "روستای", "دهستان", "بخش"})
_TEAM_WORDS = frozenset({"تیم", "تیمهای", "باشگاه", "مقابل", "برابر", "بازی", "دیدار", "لیگ", "فوتبال", "والیبال"})
_TEAM_WINDOW = 12  # words looked back for them
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
        if _names_a_town(words, start, name) or _names_a_club(words, start):
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


def _names_a_town(words: Scan, start: int, name: str) -> bool:
    """«شهرداری گلستان»: a town word before a province name whose capital has another name."""
    previous = _previous_key(words, start)
    return previous is not None and previous in _TOWN_WORDS and name not in _capital_named_alike()


def _names_a_club(words: Scan, start: int) -> bool:
    """«نفت تهران»، «استقلال خوزستان»: a club's word (one or two words) right before the province name."""
    for size in (1, 2):
        first = start - size
        if first < 0 or max(words.gaps[first:start]) > SPACE:
            return False
        also_industry = _clubs().get(words.keys[first:start])
        if also_industry is not None:
            return not also_industry or _speaks_of_a_team(words, first)
    return False


def _speaks_of_a_team(words: Scan, i: int) -> bool:
    """Whether the sentence around word i, up to it, speaks of a team or a match («تیم»، «مقابل» ...)."""
    start = i
    while start > 0 and words.gaps[start - 1] != BREAK and i - start < _TEAM_WINDOW:
        start -= 1
    return any(key in _TEAM_WORDS for key in words.keys[start:i])


@cache
def _clubs() -> dict[tuple[str, ...], bool]:
    """data/clubs.txt: a club's word keys → whether they also name an industry or a company."""
    return {gz.phrase_keys(row[0]): row[1:] == ["industry"] for row in gz.tsv_rows("clubs.txt")}


@cache
def _capital_named_alike() -> frozenset[str]:
    """Provinces whose capital has the province's name (تهران، اصفهان، قم ...)."""
    return frozenset(p.name for p in gz.provinces() if p.capital == p.name)


def _has_cue(words: Scan, start: int, office_ends: set[int]) -> bool:
    """«استان فارس»، «استاندار مرکزی»، or right after a ministry's name: «... رفاه اجتماعی فارس»."""
    previous = _previous_key(words, start)
    return previous is not None and (previous in _PROVINCE_CUES or start in office_ends)
