"""Solar Hijri (and Gregorian) date expressions in Persian news, resolved to ISO dates.

``find_dates(text, reference=...)`` finds, in reading order and without overlaps:

- **digit dates** — «۱۴۰۰/۰۳/۰۱», «1400-3-1», «۰۱/۰۳/۱۴۰۰», «99/3/1» (two-digit years only with «/»),
  Gregorian «2021-05-22»; years 1200–1499 are Solar Hijri, 1800–2199 Gregorian.
- **word dates** — a day (digits, also glued to the month: «۳۰ خرداد», «30خرداد»; an ordinal: «یکم» «اول»
  «بیست و پنجم» «سی‌ام»; a cardinal: «سی» «بیست و پنج») and a month name («خرداد», «تیرماه», «دی ماه»,
  «امرداد»), optionally a year («۲۵ اردیبهشت ۱۴۰۰», «... سال ۱۴۰۰») or a relative year («... سال گذشته»،
  «امسال», «پارسال»), optionally after a weekday («روز شنبه یکم خرداد»). A range or pair of days before one
  month («از ۲۰ تا ۲۵ آبان», «۱۱ و ۱۲ تیر») gives both days; the first is in the second's month and year.
- **months** — a month with «ماه» or with a year («خرداد ۱۴۰۰», «اسفند ماه»): the whole month.
- **years** — «سال ۱۳۹۹», «سال ۹۹», «سال ۲۰۲۱ میلادی»: the whole year.
- **weekdays** — «شنبه», «روز سه‌شنبه», «شنبه گذشته», «شنبه آینده», «شنبه هفته گذشته», «شنبه این هفته».
- **relative** — «امروز» «امشب» «دیروز» «دیشب» «روز گذشته» «پریروز» «فردا» «پس‌فردا», «هفته/ماه/سال گذشته،
  جاری، آینده», «این هفته», «امسال», «پارسال», «۳ روز پیش», «۱۸ ماه دیگر», «۱۰ سال گذشته».

How they resolve against ``reference`` (the publication date when known):

- A mention of one day has ``date`` set and ``until`` None (``kind="day"``). A week, month or year has
  ``date`` = its first day and ``until`` = its last day (``kind`` "week", "month" or "year"); weeks run
  Saturday to Friday. «سال ۱۳۹۹» is 1399-01-01 … 1399-12-30. «۳ روز پیش» and «۳ روز دیگر» are days; «۱۸ ماه
  دیگر», «۲ هفته پیش», «۳ سال قبل» the whole month, week or year that far from the reference's, not one
  made-up day. «۱۰ سال گذشته» (``kind="span"``) runs from ten years before the reference to the reference;
  «۲ هفته آینده» from the reference two weeks on.
- A day and month without a year take the year, among the reference's Solar Hijri year and the years on
  either side, that puts the date nearest the reference; with a weekday, only years where the date falls on
  that weekday count («روز شنبه یکم خرداد» with reference 2021-05-24 is 1400-03-01 = 2021-05-22, since
  1 Khordad 1399 was a Thursday). If none matches, ``date`` is None and ``error`` says why.
- A bare weekday («روز شنبه») is the latest such day on or before the reference; «شنبه گذشته» the latest
  strictly before it, «شنبه آینده» the first strictly after it; «شنبه هفته گذشته/این هفته/هفته آینده» that
  day of the previous, current or next Saturday-to-Friday week.
- Without a reference, anything that needs one (relative phrases, year-less dates) has ``date`` None and
  ``error`` set. Results never depend on today's date.
- An impossible date («۳۰ اسفند ۱۴۰۰» in a common year, «۳۱ مهر») has ``date`` None and ``error`` set: it is
  reported, never moved to a neighbouring day. A stated weekday that contradicts a full date keeps the date
  and sets ``error``.
- Vague quantities («چند روز پیش») are not reported. Phrases that only look like dates are not matched:
  «روز روابط عمومی», «روز ملی ارتباطات» («روز» needs a weekday or a day number after it); «مسکن فردا», «نسل
  فردا» (names of the future, not tomorrow; «این شهر فردا» is tomorrow); «سی دی», «دو تیر» (a number in words
  before «تیر», «مهر», «دی» or «بهمن» is a day only with «ماه» or a year); «خرداد ۵۰ نفر» (a two-digit number
  that counts something is not the month's year; a four-digit one must be 1200–1499).

Matching runs on ``normalize(text)``; spans are mapped back, so ``start``/``end``/``text`` refer to the text
given. Pure Python; Jalali arithmetic by ``jdatetime``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import jdatetime

from ayneh.text.gazetteer import SPACE, Scan, fold_key
from ayneh.text.normalize import normalize_with_offsets

MONTHS: dict[str, int] = {
    "فروردین": 1,
    "اردیبهشت": 2,
    "خرداد": 3,
    "تیر": 4,
    "مرداد": 5,
    "امرداد": 5,
    "شهریور": 6,
    "مهر": 7,
    "آبان": 8,
    "آذر": 9,
    "دی": 10,
    "بهمن": 11,
    "اسفند": 12,
}
# jdatetime numbers weekdays from Saturday (0) to Friday (6). Keys are written without spaces or ZWNJ.
WEEKDAYS: dict[str, int] = {
    "شنبه": 0,
    "یکشنبه": 1,
    "دوشنبه": 2,
    "سهشنبه": 3,
    "چهارشنبه": 4,
    "پنجشنبه": 5,
    "جمعه": 6,
}
_UNIT_ORDINALS = {"یکم": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9}
_OTHER_ORDINALS = {
    "اول": 1,
    "دهم": 10,
    "یازدهم": 11,
    "دوازدهم": 12,
    "سیزدهم": 13,
    "چهاردهم": 14,
    "پانزدهم": 15,
    "پونزدهم": 15,
    "شانزدهم": 16,
    "هفدهم": 17,
    "هیفدهم": 17,
    "هجدهم": 18,
    "هیجدهم": 18,
    "نوزدهم": 19,
    "بیستم": 20,
    "سیام": 30,
}
# Day ordinals, keyed without spaces or ZWNJ: «بیست و پنجم» → «بیستوپنجم» → 25.
ORDINALS: dict[str, int] = {
    **_UNIT_ORDINALS,
    **_OTHER_ORDINALS,
    **{f"بیستو{word}": 20 + n for word, n in _UNIT_ORDINALS.items()},
    "سیویکم": 31,
}
_UNIT_CARDINALS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9}
_OTHER_CARDINALS = {
    "ده": 10,
    "یازده": 11,
    "دوازده": 12,
    "سیزده": 13,
    "چهارده": 14,
    "پانزده": 15,
    "پونزده": 15,
    "شانزده": 16,
    "هفده": 17,
    "هیفده": 17,
    "هجده": 18,
    "هیجده": 18,
    "نوزده": 19,
    "بیست": 20,
    "سی": 30,
}
# Days written as cardinal numbers, keyed like ORDINALS: «سی مرداد», «بیست و پنج اسفند» → «بیستوپنج» → 25.
CARDINALS: dict[str, int] = {
    **_UNIT_CARDINALS,
    **_OTHER_CARDINALS,
    **{f"بیستو{word}": 20 + n for word, n in _UNIT_CARDINALS.items()},
    "سیویک": 31,
}
_QUANTITIES = {**_UNIT_CARDINALS, "ده": 10}
_VAGUE_QUANTITY = "چند"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at ``text[start:end]`` of the text searched.

    ``date`` is the day (``kind="day"``) or the first day of the week, month, year or other span (``kind``
    "week", "month", "year", "span"), with ``until`` its last day; None when it could not be resolved, and
    then ``error`` says why. ``error`` is also set, with the date kept, when a stated weekday contradicts a full date.
    """

    text: str
    start: int
    end: int
    date: dt.date | None
    error: str | None = None
    until: dt.date | None = None
    kind: str = "day"


# --- Patterns (over normalised text: ASCII digits, Persian letters, single spaces). -------------------------
# Each finder looks for an anchor that starts with a fixed word (a month name, «شنبه», «سال», «امروز», …).
# The optional words before an anchor (a weekday, a day, a quantity) are then read backwards from it with a
# small pattern ending in «$», searched only in the few characters before the anchor. Scanning for patterns
# that may start with optional words would try every position of the text and is several times slower.
# Even an alternation of fixed words is tried at every position by the regex engine (~60 ns a character on
# Persian text, whose commonest letters start most anchors), so the patterns are tried only where an anchor
# occurs (``_matches_at``): positions found with ``str.find``, or, when the caller has the text's word scan,
# the words whose lookup key starts a match (``_FIRST_WORDS``), one set probe per word.

_B = "(?<![\\w\u200c])"  # start of a word
_E = "(?![\\w\u200c])"  # end of a word
_SEP = "[ \u200c]?"  # what may stand between the parts of «سه‌شنبه», «تیرماه», «سی‌ام»
_LOOK_BACK = 48  # characters before an anchor that may hold its prefix («روز چهارشنبه، مورخه بیست و پنجم »)


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WEEKDAY = f"(?:(?:یک|دو|سه|چهار|پنج){_SEP})?شنبه|جمعه"
_ORDINAL = (
    f"(?:بیست|سی){_SEP}و{_SEP}(?:{_alternatives(list(_UNIT_ORDINALS))})"
    f"|سی{_SEP}ام|{_alternatives([w for w in _OTHER_ORDINALS if w != 'سیام'] + list(_UNIT_ORDINALS))}"
)
_CARDINAL = (
    f"بیست{_SEP}و{_SEP}(?:{_alternatives(list(_UNIT_CARDINALS))})|سی{_SEP}و{_SEP}یک"
    f"|{_alternatives([*_OTHER_CARDINALS, *_UNIT_CARDINALS])}"
)
_PAST, _CURRENT, _NEXT = ("گذشته", "پیش", "قبل"), ("جاری",), ("آینده", "بعد", "دیگر")
_RELATIVE_YEAR = f"(?P<relyear>سال{_SEP}(?:{_alternatives([*_PAST, *_CURRENT, *_NEXT])})|امسال|پارسال)"
_WORD_GAP = re.compile("[ \u200c]")
_NOT_A_DATE_AFTER = "(?![\\w\u200c]|[/\\-.]\\d)"  # a number that goes on («1400/…», «1400.5») is not a year

# What a number counts when it follows a month name («خرداد ۵۰ نفر», «خرداد 30 میلیارد»): then it is no year.
_COUNTED = (
    *("نفر", "درصد", "هزار", "میلیون", "میلیارد", "تومان", "ریال", "دلار", "یورو", "تن", "کیلوگرم", "کیلو"),
    *("گرم", "کیلومتر", "متر", "هکتار", "لیتر", "مورد", "عدد", "دستگاه", "واحد", "نوع", "بار", "قلم", "رأس"),
    *("راس", "باب", "جلد", "نسخه"),
)  # not units of time: «چهارم فروردین ۹۵ ساعت ۱۳:۵۵» is a date and its hour
# «خرداد», «تیرماه», «اسفند ماه سال گذشته», «خرداد ۱۴۰۰», «دی ۹۹», «30خرداد»: the anchor of day and month
# mentions. A four-digit year after a Solar Hijri month is a Solar Hijri year (1200–1499); other numbers are
# not its year, nor is a two-digit number that counts something. The day may be glued to the month, so a
# digit may stand right before it (no other letter or digit may).
MONTH_ANCHORS = tuple(MONTHS)
MONTH = re.compile(
    f"(?<![^\\W\\d]|\u200c)(?P<month>{_alternatives(list(MONTHS))})(?P<mah>{_SEP}ماه)?"
    f"(?: (?:سال )?(?P<year>1[2-4]\\d\\d|\\d{{2}}(?! (?:{_alternatives(list(_COUNTED))}){_E})){_NOT_A_DATE_AFTER}"
    f"| {_RELATIVE_YEAR})?{_E}"
)
# Read backwards from a month: the day («۲۵ », «بیست و پنجم », «سی », or digits glued to the month: «30»).
DAY_BEFORE = re.compile(f"{_B}(?:(?P<day>\\d{{1,2}}(?:{_SEP}ام)?|{_ORDINAL}|{_CARDINAL}) |(?P<glued>\\d{{1,2}}))$")
# Month names that are also common words («تیر» arrow, «مهر» seal, «دی» in «سی دی», «بهمن» avalanche): a day
# in words before them («دو تیر», «سی دی») counts only with «ماه» or a year after the month.
_COMMON_WORD_MONTHS = frozenset({"تیر", "مهر", "دی", "بهمن"})
# Read backwards from a day before a month: the first day of a range or pair («از ۲۰ تا »، «۱۱ و »، «۲۰-»).
FIRST_DAY_BEFORE = re.compile(f"{_B}(?P<day>\\d{{1,2}}|{_ORDINAL}|{_CARDINAL})(?: (?:تا|الی|و) | ?- ?)$")
# Read backwards from a day or a digit date: «روز شنبه »، «شنبه، مورخ ».
WEEKDAY_BEFORE = re.compile(f"{_B}(?:روز )?(?P<weekday>{_WEEKDAY})[،,]? (?:مورخه? )?$")
# Every digit date starts with the digits before its first separator, and a separator between two digits
# starts each of these patterns with a fixed character the regex engine skips to fast (``_digit_date_starts``).
_DIGIT_PAIRS = tuple(re.compile(f"{re.escape(sep)}(?<=\\d{re.escape(sep)})\\d") for sep in "/-.")
DIGIT_DATE = re.compile(
    "(?<![\\w\u200c/.\\-])(?:"
    "(?P<y>\\d{4})(?P<s>[/\\-.])(?P<m>\\d{1,2})(?P=s)(?P<d>\\d{1,2})"
    "|(?P<d2>\\d{1,2})(?P<s2>[/\\-.])(?P<m2>\\d{1,2})(?P=s2)(?P<y2>\\d{4})"
    "|(?P<y3>\\d{2})/(?P<m3>\\d{1,2})/(?P<d3>\\d{1,2})"
    f"){_NOT_A_DATE_AFTER}"
)
# No «start of a word» check inside the pattern: starting with the fixed «سال » lets the regex engine skip
# through the text at memory speed; ``_years`` checks the character before instead.
YEAR = re.compile(
    f"سال (?P<year>\\d{{4}}|\\d{{2}}){_NOT_A_DATE_AFTER}"
    "(?: (?P<calendar>هجری شمسی|هجری قمری|شمسی|قمری|میلادی|ه\\.ش|ه\\.ق))?"
)
# «شنبه», «جمعه» and what may follow them; the rest of the weekday's name and «روز» are read backwards.
WEEKDAY_ANCHORS = ("شنبه", "جمعه")
WEEKDAY = re.compile(
    f"(?:شنبه|جمعه)(?: (?P<which>هفته (?:{_alternatives([*_PAST, *_NEXT])})|این هفته|هفته جاری|گذشته|آینده))?{_E}"
)
WEEKDAY_START = re.compile(f"{_B}(?P<day>روز )?(?P<count>(?:یک|دو|سه|چهار|پنج){_SEP})?$")
# Words before a weekday that make it a recurring day or a name, not a date: «هر شنبه», «روزهای یکشنبه»,
# «نماز جمعه», «امام جمعه».
NOT_A_WEEKDAY_BEFORE = re.compile(f"{_B}(?:هر|روزهای|نماز|امام|ائمه|امامان|خطیب|خطبه{_SEP}های|خطبه) $")
_UNITS = ("روز", "شب", "هفته", "ماه", "سال")
_DIRECTIONS = (*_PAST, *_CURRENT, *_NEXT, "اخیر")
_THIS = "این"
_THIS_UNITS = ("هفته", "ماه", "سال")
# Written with a space where a space, a ZWNJ or nothing may stand («پس فردا», «پس‌فردا», «پسفردا»).
_DAY_AND_YEAR_WORDS = (
    *("امروز", "امشب", "دیروز", "دیشب", "پریروز", "پریشب", "پس فردا", "فرداشب", "فردا"),
    *("امسال", "پارسال"),
)
RELATIVE = re.compile(
    f"{_B}(?:"
    f"(?P<unit>{'|'.join(_UNITS)}){_SEP}(?P<direction>{_alternatives(list(_DIRECTIONS))})"
    f"|{_THIS} (?P<this>{'|'.join(_THIS_UNITS)})"
    f"|(?P<word>{'|'.join(word.replace(' ', _SEP) for word in _DAY_AND_YEAR_WORDS)})"
    f"){_E}"
)
RELATIVE_ANCHORS = tuple(dict.fromkeys((*_UNITS, _THIS, *(word.split()[0] for word in _DAY_AND_YEAR_WORDS))))
# Read backwards from «فردا»: nouns with which it names something "of the future" («مسکن فردا», «نسل فردا»),
# unless a demonstrative makes the noun a subject («این شهر فردا ...» is tomorrow).
_FUTURE_NAMED = ("مسکن", "شهر", "نسل", "جهان", "دنیای", "مردان", "زنان", "مدیران", "رهبران", "کودکان", "جوانان")
NOT_TOMORROW_BEFORE = re.compile(f"{_B}(?:(?P<this>این|آن|همین|همان) )?(?:{_alternatives(list(_FUTURE_NAMED))}) $")
_TOMORROW = "فردا"
# Read backwards from «روز گذشته» and the like: «۳ », «دو », «چند ».
QUANTITY_BEFORE = re.compile(f"{_B}(?P<n>\\d{{1,3}}|{_alternatives([*_QUANTITIES, _VAGUE_QUANTITY])}) $")

_DAY_WORDS = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "پریروز": -2, "پریشب": -2, "فردا": 1, "فرداشب": 1}

# Which anchored pattern a word of the text can start a match of, by the word's lookup key
# (``gazetteer.fold_key``: «آبان» → «ابان», ZWNJ dropped), glued forms included («تیرماه», «روزگذشته»,
# «سهشنبه»). A weekday's anchor, «شنبه» or «جمعه», ends its word; the others start it.
_MONTH, _WEEKDAY, _RELATIVE = "month", "weekday", "relative"
_FIRST_WORDS: dict[str, str] = {
    **{fold_key(form): _MONTH for name in MONTHS for form in (name, name + "ماه")},
    **{fold_key(day): _WEEKDAY for day in WEEKDAYS},
    **{fold_key(unit + direction): _RELATIVE for unit in _UNITS for direction in ("", *_DIRECTIONS)},
    fold_key(_THIS): _RELATIVE,
    **{fold_key(form): _RELATIVE for word in _DAY_AND_YEAR_WORDS for form in (word.split()[0], word.replace(" ", ""))},
}
(_WEEKDAY_ANCHOR_LENGTH,) = {len(anchor) for anchor in WEEKDAY_ANCHORS}  # «شنبه» and «جمعه»: four letters each
_FEW_HITS = 8  # candidate words up to which each one's offset is worked out alone (``_positions_in_scan``)
# First words that start a match only when one of these words follows after a space: a unit («روز», «سال»)
# needs a direction, «این» a unit. They are the commonest first words («این» alone ~8 times an article), so
# the scan's next word rules most of them out before the pattern is tried.
_NEXT_WORDS: dict[str, frozenset[str]] = {
    **{fold_key(unit): frozenset(map(fold_key, _DIRECTIONS)) for unit in _UNITS},
    fold_key(_THIS): frozenset(map(fold_key, _THIS_UNITS)),
}


def _key(word: str) -> str:
    """A lookup key: spaces and ZWNJ removed («سه‌شنبه», «سه شنبه» → «سهشنبه»)."""
    return word.replace(" ", "").replace("\u200c", "")


def _direction(word: str) -> int:
    if word in _PAST:
        return -1
    if word in _NEXT:
        return 1
    return 0


# --- Calendar arithmetic. ----------------------------------------------------------------------------------


# jdatetime objects are slow to build (each reads locale settings), and the same few days and references come
# up again and again in a corpus, so the conversions are cached.
@lru_cache(maxsize=4096)
def _jalali(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Solar Hijri day, or None if that day does not exist."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _solar(day: dt.date) -> tuple[int, int, int]:
    """(year, month, day) in the Solar Hijri calendar."""
    j = jdatetime.date.fromgregorian(date=day)
    return j.year, j.month, j.day


@lru_cache(maxsize=1024)
def _first_day(year: int, month: int) -> dt.date:
    return jdatetime.date(year, month, 1).togregorian()


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return _first_day(year, month), _first_day(year + month // 12, month % 12 + 1) - dt.timedelta(days=1)


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return _first_day(year, 1), _first_day(year + 1, 1) - dt.timedelta(days=1)


def _shift_months(reference: dt.date, months: int) -> dt.date:
    """``reference`` moved by whole Solar Hijri months, the day clamped to the month's length."""
    ref_year, ref_month, ref_day = _solar(reference)
    year, month_index = divmod(ref_year * 12 + (ref_month - 1) + months, 12)
    first, last = _month_range(year, month_index + 1)
    return first + dt.timedelta(days=min(ref_day, (last - first).days + 1) - 1)


def _week_start(day: dt.date) -> dt.date:
    """The Saturday that starts ``day``'s week (Python numbers Saturday 5)."""
    return day - dt.timedelta(days=(day.weekday() - 5) % 7)


def _weekday_of(day: dt.date) -> int:
    """Saturday 0 … Friday 6, as in ``WEEKDAYS``."""
    return (day.weekday() - 5) % 7


def _two_digit_year(yy: int, reference: dt.date | None) -> int:
    """13yy or 14yy: the one nearer the reference's year; without a reference, 1350–1449."""
    if reference is None:
        return 1300 + yy if yy >= 50 else 1400 + yy
    ref_year = _solar(reference)[0]
    return min((1300 + yy, 1400 + yy), key=lambda y: abs(y - ref_year))


_NO_REFERENCE = "needs a reference date"
_WEEKDAY_NAMES = ("Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    date: dt.date | None
    error: str | None = None
    until: dt.date | None = None
    kind: str = "day"


def _resolve_day(
    day: int, month: int, year: int | None, weekday: int | None, reference: dt.date | None
) -> tuple[dt.date | None, str | None]:
    """A Solar Hijri day; ``year`` None means choose it (see the module docstring)."""
    if year is not None:
        date = _jalali(year, month, day)
        if date is None:
            return None, f"{year}/{month:02d}/{day:02d} does not exist in the Solar Hijri calendar"
        if weekday is not None and _weekday_of(date) != weekday:
            actual = _WEEKDAY_NAMES[_weekday_of(date)]
            return date, f"{year}/{month:02d}/{day:02d} is a {actual}, not a {_WEEKDAY_NAMES[weekday]}"
        return date, None
    if reference is None:
        return None, f"no year given and no reference date: {_NO_REFERENCE}"
    ref_year = _solar(reference)[0]
    candidates = [(y, _jalali(y, month, day)) for y in (ref_year - 1, ref_year, ref_year + 1)]
    if weekday is not None:
        matching = [date for _, date in candidates if date is not None and _weekday_of(date) == weekday]
        if not matching:
            return None, f"{month:02d}/{day:02d} is not a {_WEEKDAY_NAMES[weekday]} in the years around the reference"
        return min(matching, key=lambda date: (abs((date - reference).days), date > reference)), None
    # The nearest year by a day that exists in every month (the 29th), then the real day must exist in it.
    nearest = min(
        (y for y, _ in candidates),
        key=lambda y: (
            abs((_first_day(y, month) + dt.timedelta(days=min(day, 29) - 1) - reference).days),
            y > ref_year,
        ),
    )
    date = dict(candidates)[nearest]
    if date is None:
        return None, f"{nearest}/{month:02d}/{day:02d} does not exist in the Solar Hijri calendar"
    return date, None


def _year_of(m: re.Match[str], reference: dt.date | None) -> tuple[int | None, str | None]:
    """The Solar Hijri year a match names in its ``year`` or ``relyear`` group, or None if it names none."""
    if m["year"]:
        digits = m["year"]
        return (int(digits) if len(digits) == 4 else _two_digit_year(int(digits), reference)), None
    if not m["relyear"]:
        return None, None
    if reference is None:
        return None, f"«{m['relyear']}»: {_NO_REFERENCE}"
    offset = {"امسال": 0, "پارسال": -1}.get(m["relyear"])
    if offset is None:
        offset = _direction(_WORD_GAP.split(m["relyear"])[-1])
    return _solar(reference)[0] + offset, None


def _starts_word(text: str, index: int) -> bool:
    """No letter, digit, underscore or ZWNJ right before ``index`` (what ``_B`` checks inside patterns)."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "_\u200c")


def _positions(text: str, anchors: tuple[str, ...]) -> list[int]:
    """Every position where one of ``anchors`` occurs in ``text``, in order."""
    positions = []
    for anchor in anchors:
        position = text.find(anchor)
        while position != -1:
            positions.append(position)
            position = text.find(anchor, position + 1)
    positions.sort()
    return positions


def _positions_in_scan(words: Scan) -> dict[str, list[int]]:
    """The positions ``_positions`` would give that can start a match, per pattern (``_FIRST_WORDS``), from
    the text's word scan: a C-level probe per word instead of a search of the text per anchor, and a look at
    the next word for the common first words (``_NEXT_WORDS``)."""
    keys, gaps, last = words.keys, words.gaps, len(words) - 1
    hits = [
        i
        for i in words.positions(_FIRST_WORDS)
        if (following := _NEXT_WORDS.get(keys[i])) is None
        or (i < last and gaps[i] == SPACE and keys[i + 1] in following)
    ]
    # ``Scan.start(i)`` reads one word's offset from the scan's boundary array; a long text with many hits
    # turns the whole array into Python ints once instead.
    start: Callable[[int], int] = words.start
    end: Callable[[int], int] = words.end
    if len(hits) > _FEW_HITS:
        start, end = words.starts.__getitem__, words.ends.__getitem__
    found: dict[str, list[int]] = {_MONTH: [], _WEEKDAY: [], _RELATIVE: []}
    for i in hits:
        pattern = _FIRST_WORDS[keys[i]]
        found[pattern].append(end(i) - _WEEKDAY_ANCHOR_LENGTH if pattern == _WEEKDAY else start(i))
    return found


def _matches_at(pattern: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, given ``positions`` (sorted) that include the start of every
    match: the pattern is tried only there. Matches do not overlap, as with ``finditer``."""
    taken_until = 0
    for position in positions:
        if position < taken_until:
            continue
        found = pattern.match(text, position)
        if found is not None:
            taken_until = found.end()
            yield found


def _digit_date_starts(text: str) -> list[int]:
    """Where a digit date can start: the first digit of each run of digits that a separator («/», «-», «.»)
    and another digit follow. (A DIGIT_DATE match cannot start inside a run of digits.) Most texts have
    none, so the digit-date pattern is tried in few places."""
    starts = set()
    for pattern in _DIGIT_PAIRS:
        for pair in pattern.finditer(text):
            start = pair.start()
            while start > 0 and text[start - 1].isdigit():
                start -= 1
            starts.add(start)
    return sorted(starts)


def _look_back(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``pattern`` (ending in «$») matched so that it ends exactly at ``end``."""
    return pattern.search(text, max(0, end - _LOOK_BACK), end)


def _weekday_before(text: str, end: int) -> tuple[int, int | None]:
    """Where a mention starting at ``end`` really starts, with the weekday written before it, if any."""
    before = _look_back(WEEKDAY_BEFORE, text, end)
    if before is None:
        return end, None
    return before.start(), WEEKDAYS[_key(before["weekday"])]


def _months(text: str, reference: dt.date | None, positions: list[int]) -> Iterator[_Found]:
    """Day-and-month mentions («روز شنبه یکم خرداد», «۲۵ اردیبهشت ۱۴۰۰») and whole months («خرداد ۱۴۰۰»)."""
    for m in _matches_at(MONTH, text, positions):
        month = MONTHS[m["month"]]
        marked = bool(m["mah"] or m["year"] or m["relyear"])  # «ماه» or a year: certainly a month
        day_match = _look_back(DAY_BEFORE, text, m.start())
        if day_match is not None and not marked and _counts_things(m["month"], day_match):
            day_match = None
        if day_match is None and not marked:
            continue  # a bare «تیر», «مهر» or «دی» is as often a common word as a month
        year, error = _year_of(m, reference)
        if day_match is None:
            yield _month_mention(m, month, year, error, reference)
            continue
        second = _day_mention(text, day_match, m.end(), month, year, error, reference)
        yield second
        first = _look_back(FIRST_DAY_BEFORE, text, day_match.start())
        if first is not None:  # «از ۲۰ تا ۲۵ آبان»: the first day is in the second one's month and year
            if second.date is not None:
                year = _solar(second.date)[0]
            yield _day_mention(text, first, first.end("day"), month, year, error, reference)


def _counts_things(month_name: str, day_match: re.Match[str]) -> bool:
    """«سی دی», «دو تیر»: a number in words before a month name that is also a common word, with neither
    «ماه» nor a year after it, counts things."""
    return month_name in _COMMON_WORD_MONTHS and _key(day_match["day"] or "0") in CARDINALS


def _day_mention(
    text: str,
    day_match: re.Match[str],
    end: int,
    month: int,
    year: int | None,
    error: str | None,
    reference: dt.date | None,
) -> _Found:
    """The day a DAY_BEFORE or FIRST_DAY_BEFORE match names in ``month``, from the weekday written before it
    (if any) to ``end``."""
    start, weekday = _weekday_before(text, day_match.start())
    day = _day_number(day_match["day"] or day_match["glued"])
    if error is None and not 1 <= day <= 31:
        error = f"day {day} does not exist in any month"
    if error is not None:
        return _Found(start, end, None, error)
    date, error = _resolve_day(day, month, year, weekday, reference)
    return _Found(start, end, date, error)


def _day_number(written: str) -> int:
    """A day of the month as written: digits («۲۵», «۲۵ام»), an ordinal («بیست و پنجم») or a cardinal («سی»)."""
    if written[0].isdigit():
        return int(written.rstrip("ام \u200c"))
    key = _key(written)
    return ORDINALS[key] if key in ORDINALS else CARDINALS[key]


def _month_mention(
    m: re.Match[str], month: int, year: int | None, error: str | None, reference: dt.date | None
) -> _Found:
    """A whole month; without a year, the one of that name nearest the reference."""
    if error is None and year is None:
        if reference is None:
            error = f"no year given and no reference date: {_NO_REFERENCE}"
        else:
            ref_year = _solar(reference)[0]
            year = min(
                (ref_year - 1, ref_year, ref_year + 1),
                key=lambda y: abs((_month_range(y, month)[0] - reference).days),
            )
    if error is not None or year is None:
        return _Found(m.start(), m.end(), None, error, kind="month")
    first, last = _month_range(year, month)
    return _Found(m.start(), m.end(), first, until=last, kind="month")


def _digit_dates(text: str, reference: dt.date | None) -> Iterator[_Found]:
    for m in _matches_at(DIGIT_DATE, text, _digit_date_starts(text)):
        if m["y"]:
            year, month, day, separator = int(m["y"]), int(m["m"]), int(m["d"]), m["s"]
        elif m["y2"]:
            year, month, day, separator = int(m["y2"]), int(m["m2"]), int(m["d2"]), m["s2"]
        else:
            year, month, day, separator = _two_digit_year(int(m["y3"]), reference), int(m["m3"]), int(m["d3"]), "/"
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue  # a ratio, a phone number piece, a version: not shaped like a date
        start, weekday = _weekday_before(text, m.start())
        if 1200 <= year < 1500:
            date, error = _resolve_day(day, month, year, weekday, reference)
        elif 1800 <= year < 2200 and separator != ".":
            date, error = _gregorian(year, month, day)
        else:
            continue
        yield _Found(start, m.end(), date, error)


def _gregorian(year: int, month: int, day: int) -> tuple[dt.date | None, str | None]:
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, f"{year}-{month:02d}-{day:02d} does not exist in the Gregorian calendar"


def _years(text: str, reference: dt.date | None) -> Iterator[_Found]:
    for m in YEAR.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        calendar = m["calendar"] or ""
        digits = m["year"]
        if calendar in {"قمری", "هجری قمری", "ه.ق"}:
            yield _Found(m.start(), m.end(), None, "lunar Hijri years are not converted", kind="year")
            continue
        if len(digits) == 2:
            if calendar == "میلادی":
                continue
            year = _two_digit_year(int(digits), reference)
        else:
            year = int(digits)
        if calendar == "میلادی" or (1800 <= year < 2200 and not calendar):
            yield _Found(m.start(), m.end(), dt.date(year, 1, 1), until=dt.date(year, 12, 31), kind="year")
        elif 1200 <= year < 1500:
            first, last = _year_range(year)
            yield _Found(m.start(), m.end(), first, until=last, kind="year")


def _weekdays(text: str, reference: dt.date | None, positions: list[int]) -> Iterator[_Found]:
    for m in _matches_at(WEEKDAY, text, positions):
        head = _look_back(WEEKDAY_START, text, m.start())
        if head is None or _look_back(NOT_A_WEEKDAY_BEFORE, text, head.start()):
            continue  # inside another word, or a recurring day or a name («هر شنبه», «نماز جمعه»)
        if head["count"] and m.group().startswith("جمعه"):
            continue  # «دو جمعه»: two Fridays
        start = head.start()
        if reference is None:
            yield _Found(start, m.end(), None, f"a weekday {_NO_REFERENCE}")
            continue
        weekday = WEEKDAYS[_key(head["count"] or "") + m.group().split()[0]]
        yield _Found(start, m.end(), _resolve_weekday(weekday, m["which"] or "", reference))


def _resolve_weekday(weekday: int, which: str, reference: dt.date) -> dt.date:
    back = (_weekday_of(reference) - weekday) % 7  # days since the latest such day, 0 if it is today
    if which.startswith("هفته") or which == "این هفته":
        week = 0 if which in {"این هفته", "هفته جاری"} else _direction(which.split()[-1])
        return _week_start(reference) + dt.timedelta(days=7 * week + weekday)
    if which == "گذشته":
        return reference - dt.timedelta(days=back or 7)
    if which == "آینده":
        return reference + dt.timedelta(days=(7 - back) % 7 or 7)
    return reference - dt.timedelta(days=back)


def _relative(text: str, reference: dt.date | None, positions: list[int]) -> Iterator[_Found]:
    for m in _matches_at(RELATIVE, text, positions):
        if m["word"] == _TOMORROW and _names_the_future(text, m.start()):
            continue
        quantity = _look_back(QUANTITY_BEFORE, text, m.start()) if m["unit"] else None
        start = quantity.start() if quantity else m.start()
        n = quantity["n"] if quantity else None
        if n == _VAGUE_QUANTITY:
            yield _Found(start, m.end(), None, kind="vague")
            continue
        if reference is None:
            yield _Found(start, m.end(), None, f"«{text[start : m.end()]}» {_NO_REFERENCE}")
            continue
        found = _resolve_relative(m, n, reference)
        if found is not None:
            yield _Found(start, m.end(), *found)


def _names_the_future(text: str, tomorrow_start: int) -> bool:
    """Whether the «فردا» at ``tomorrow_start`` ends a name such as «مسکن فردا» (see NOT_TOMORROW_BEFORE)."""
    before = _look_back(NOT_TOMORROW_BEFORE, text, tomorrow_start)
    return before is not None and not before["this"]


def _resolve_relative(
    m: re.Match[str], quantity: str | None, reference: dt.date
) -> tuple[dt.date, None, dt.date | None, str] | None:
    """(date, error, until, kind) for a RELATIVE match, or None for a phrase that names no date."""
    word = m["word"]
    if word:
        key = _key(word)
        if key in {"امسال", "پارسال"}:
            unit, direction = "سال", (0 if key == "امسال" else -1)
        else:
            days = 2 if key == "پسفردا" else _DAY_WORDS[key]
            return reference + dt.timedelta(days=days), None, None, "day"
        return _calendar_unit(unit, direction, reference)
    if m["this"]:
        return _calendar_unit(m["this"], 0, reference)
    unit, direction_word = m["unit"], m["direction"]
    if quantity is None:
        if unit in {"روز", "شب"}:
            return (reference - dt.timedelta(days=1), None, None, "day") if direction_word == "گذشته" else None
        if direction_word == "اخیر":
            return None
        return _calendar_unit(unit, _direction(direction_word), reference)
    n = int(quantity) if quantity.isdigit() else _QUANTITIES[quantity]
    if direction_word in {"پیش", "قبل", "دیگر"}:  # «۳ روز پیش», «۳ روز دیگر»: three days before / from now
        offset = n if direction_word == "دیگر" else -n
        if unit in {"روز", "شب"}:
            return _shift(unit, offset, reference), None, None, "day"
        return _calendar_unit(unit, offset, reference)  # «۱۸ ماه دیگر»: that whole month, not one made-up day
    if direction_word in {"گذشته", "اخیر"}:
        return _shift(unit, -n, reference), None, reference, "span"
    if direction_word == "آینده":
        return reference, None, _shift(unit, n, reference), "span"
    return None  # «۳ روز بعد» counts from a moment in the story, not from the reference


def _shift(unit: str, n: int, reference: dt.date) -> dt.date:
    if unit in {"روز", "شب"}:
        return reference + dt.timedelta(days=n)
    if unit == "هفته":
        return reference + dt.timedelta(weeks=n)
    return _shift_months(reference, n * (12 if unit == "سال" else 1))


def _calendar_unit(unit: str, offset: int, reference: dt.date) -> tuple[dt.date, None, dt.date | None, str]:
    """The previous (-1), current (0) or next (+1) calendar week, Solar Hijri month or year."""
    if unit == "روز":
        return reference + dt.timedelta(days=offset), None, None, "day"
    if unit == "هفته":
        start = _week_start(reference) + dt.timedelta(weeks=offset)
        return start, None, start + dt.timedelta(days=6), "week"
    ref_year, ref_month, _ = _solar(reference)
    if unit == "ماه":
        year, month = divmod(ref_year * 12 + ref_month - 1 + offset, 12)
        first, last = _month_range(year, month + 1)
        return first, None, last, "month"
    first, last = _year_range(ref_year + offset)
    return first, None, last, "year"


def find_dates(text: str, *, reference: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``reference`` (see the module
    docstring). Spans and ``DateMention.text`` refer to ``text`` as given."""
    normalized = normalize_with_offsets(text)
    mentions = []
    for mention in find_dates_in_normalized(normalized.text, reference=reference):
        start, end = normalized.to_original(mention.start, mention.end)
        mentions.append(replace(mention, text=text[start:end], start=start, end=end))
    return mentions


def find_dates_in_normalized(
    text: str, *, reference: dt.date | None = None, words: Scan | None = None
) -> list[DateMention]:
    """``find_dates`` for text that already is ``normalize()`` output (saves normalising it again); spans
    refer to ``text``. Where two expressions overlap, the one that starts first wins, then the longer.

    ``words``: ``gazetteer.scan(text)``, when the caller has it at hand (``analyse`` does): the finders then
    take their candidate positions from its words instead of searching the text; the result is the same."""
    if words is None:
        months = _positions(text, MONTH_ANCHORS)
        weekdays = _positions(text, WEEKDAY_ANCHORS)
        relative = _positions(text, RELATIVE_ANCHORS)
    else:
        by_pattern = _positions_in_scan(words)
        months, weekdays, relative = by_pattern[_MONTH], by_pattern[_WEEKDAY], by_pattern[_RELATIVE]
    found = [
        *_months(text, reference, months),
        *_digit_dates(text, reference),
        *_years(text, reference),
        *_weekdays(text, reference, weekdays),
        *_relative(text, reference, relative),
    ]
    found.sort(key=lambda f: (f.start, -f.end))
    mentions: list[DateMention] = []
    taken_until = 0
    for f in found:
        if f.start < taken_until:
            continue
        taken_until = f.end
        if f.kind != "vague":
            mentions.append(DateMention(text[f.start : f.end], f.start, f.end, f.date, f.error, f.until, f.kind))
    return mentions
