"""Word lists for reading Persian news, and the small machinery to look them up fast.

What lives here:

* ``fold_key`` — the lookup form of a word or phrase. It forgives what news writing varies on and the
  lists cannot enumerate: Arabic ي/ى/ك, hamza carriers (أ إ ؤ ئ → ا ا و ی, so «رئیس» = «رییس»,
  «تأمین» = «تامین»), آ → ا, ة/ۀ → ه, diacritics, tatweel and ZWNJ (so «مدیرکل» = «مدیر‌کل»).
* ``scan`` — one pass over a text giving its Persian words with their offsets, lookup keys and what
  separates each word from the next (space, comma, quote mark or a hard break). Cached per text, so the
  people, places and organisations finders share one scan of the same article.
* ``PhraseIndex`` — longest-match lookup of multi-word phrases over a scan (one dict probe per word).
* The lists themselves (``ayneh/text/data/*``, each file says where its facts come from) and the first
  names of the ``persian-gender-detection`` package, loaded lazily on first use and then kept.

Offsets are always offsets into the text the caller passed: the folding used for the scan maps one
character to one character. Callers normally pass ``ayneh.text.normalize.normalize`` output, but raw
news text works too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
ZWNJ = "\u200c"

# One character for one character, so offsets in the scanned text are offsets in the caller's text.
# One character for one character, so offsets in the scanned text are offsets in the caller's text.
_DISPLAY_FOLD = {"ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ە": "ه"}
# The lookup form, still one-for-one (diacritics and tatweel become ZWNJ, dropped from keys later).
_KEY_FOLD = {
    **_DISPLAY_FOLD,
    "ئ": "ی",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ھ": "ه",
    "ہ": "ه",
    "\u0640": ZWNJ,
    **{chr(c): ZWNJ for c in range(0x064B, 0x0660)},
    "\u0670": ZWNJ,
}
_KEY_TABLE = str.maketrans(_KEY_FOLD)
# str.translate costs ~150 ns a character on Persian text, and normalised text has few characters to
# fold: substituting just those is ~50x faster on a typical article.
_DISPLAY_FOLD_RE = re.compile("[" + "".join(_DISPLAY_FOLD) + "]")
_KEY_FOLD_RE = re.compile("[" + "".join(_KEY_FOLD) + "]")
# A Persian/Arabic-script word: runs of letters (with diacritics or tatweel) joined by single ZWNJs; digits
# and punctuation (، ؛ ؟ « ») are not part of a word. No backtracking: this regex is most of a scan's cost.
# The capturing group makes re.split return words and separators.
_LETTERS = "\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5"
WORD_RE = re.compile(f"[{_LETTERS}]+(?:{ZWNJ}[{_LETTERS}]+)*")
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
_SPACES_RE = re.compile(r"\s+")


def fold_key(text: str) -> str:
    """The lookup key of a word or phrase: letter variants folded, ZWNJ/diacritics dropped, spaces single."""
    return _SPACES_RE.sub(" ", text.translate(_KEY_TABLE).replace(ZWNJ, "")).strip()


def _fold(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    """``text`` with the characters of ``table`` replaced one for one (same length)."""
    return pattern.sub(lambda m: table[m.group()], text) if pattern.search(text) else text


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The word keys of a phrase, punctuation dropped: «تعاون، کار» → ("تعاون", "کار")."""
    return tuple(w.replace(ZWNJ, "") for w in WORD_RE.findall(phrase.translate(_KEY_TABLE)))


class Gap(IntEnum):
    """What separates a word from the next one, from weakest to strongest."""

    SPACE = 0  # whitespace only, on one line
    COMMA = 1  # a comma («،» or «,») and spaces
    QUOTE = 2  # quote marks (and commas) and spaces: «“محمد شریعتمداری” وزیر ...»
    HARD = 3  # anything else inside a sentence: brackets, digits, other symbols
    BREAK = 4  # a sentence or clause ends: . ! ? ؟ : ؛ a line break, the start or end of the text


_QUOTE_CHARS = frozenset("\"'«»“”„‘’")
_BREAK_CHARS = frozenset(".!?؟:؛;\n…")
_COMMA_CHARS = frozenset("،,")


def _classify_gap(gap: str) -> Gap:
    if not gap.strip():
        return Gap.BREAK if "\n" in gap else Gap.SPACE
    if not _BREAK_CHARS.isdisjoint(gap):
        return Gap.BREAK
    marks = set(gap) - {" ", "\t", "\u00a0", ZWNJ}
    if marks <= _COMMA_CHARS:
        return Gap.COMMA
    if marks <= _QUOTE_CHARS | _COMMA_CHARS:
        return Gap.QUOTE
    return Gap.HARD


class _GapTable(dict[str, Gap]):
    """Memoised ``_classify_gap``: a text has few distinct separators (" ", "، ", ". " ...)."""

    def __missing__(self, gap: str) -> Gap:
        if len(self) > 10_000:
            self.clear()
        value = self[gap] = _classify_gap(gap)
        return value


_GAPS = _GapTable()


@dataclass(frozen=True, slots=True)
class Scan:
    """The words of one text. ``gaps[i]`` separates word i from word i+1 (the last one is BREAK)."""

    text: str  # the caller's text with Arabic ي/ك shown as Persian ی/ک; same length and offsets
    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    gaps: tuple[Gap, ...]
    gap_before_first: Gap

    def __len__(self) -> int:
        return len(self.keys)

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def words(self, i: int, j: int) -> str:
        """Words i..j-1 joined by single spaces (punctuation between them dropped)."""
        return " ".join(self.text[self.starts[k] : self.ends[k]] for k in range(i, j))

    def gap_before(self, i: int) -> Gap:
        return self.gap_before_first if i == 0 else self.gaps[i - 1]


@lru_cache(maxsize=8)
def scan(text: str) -> Scan:
    """Split ``text`` into words once; repeated calls with the same text (the analyser calls the
    people, place and organisation finders in turn) reuse the result."""
    keyed = _fold(text, _KEY_FOLD_RE, _KEY_FOLD)
    # parts = [separator, word, separator, word, ..., separator]; running lengths give every offset.
    parts = _SPLIT_RE.split(keyed)
    bounds = list(accumulate(map(len, parts)))
    words = parts[1::2]
    # Keys drop ZWNJ; a ZWNJ between letters is always inside a word, so dropping them all before a second
    # split yields the same words (C-level, faster than cleaning word by word).
    keys = tuple(WORD_RE.findall(keyed.replace(ZWNJ, ""))) if ZWNJ in keyed else tuple(words)
    gaps = list(map(_GAPS.__getitem__, parts[2:-1:2]))
    gaps.append(Gap.BREAK)
    first_gap = _GAPS["\n" + parts[0]]
    shown = _fold(text, _DISPLAY_FOLD_RE, _DISPLAY_FOLD)
    return Scan(shown, keys, tuple(bounds[0:-1:2]), tuple(bounds[1::2]), tuple(gaps), first_gap)


class PhraseIndex[V]:
    """Longest-match lookup of phrases (sequences of word keys) at a position of a ``Scan``.

    Each phrase is stored under its first word; ``firsts`` is the set of those words, so a caller can skip
    a word with one C-level set probe. A phrase's words may be separated by spaces only, or also by commas
    when the caller allows it («تعاون، کار و رفاه اجتماعی»); never by a hard break.
    """

    def __init__(self, phrases: Iterable[tuple[str, V]]) -> None:
        by_first: dict[str, dict[tuple[str, ...], V]] = {}
        for phrase, value in phrases:
            words = phrase_keys(phrase)
            if not words:
                continue
            variants = {words}
            if len(words) > 1:
                variants.add(("".join(words),))  # the same phrase written with ZWNJ or joined up
            for variant in variants:
                by_first.setdefault(variant[0], {}).setdefault(variant, value)
        # Longest first; each entry is (rest of the phrase after its first word, value).
        self._by_first: dict[str, tuple[tuple[tuple[str, ...], V], ...]] = {
            first: tuple((phrase[1:], value) for phrase, value in sorted(entries.items(), key=lambda e: -len(e[0])))
            for first, entries in by_first.items()
        }
        self.firsts: frozenset[str] = frozenset(self._by_first)

    def __contains__(self, key: object) -> bool:
        """Whether some phrase starts with the word ``key`` (in hot loops use ``firsts``)."""
        return key in self.firsts

    def match(self, words: Scan, i: int, *, max_gap: Gap = Gap.SPACE) -> tuple[int, V] | None:
        """The longest phrase starting at word i, as (number of words, value), or None."""
        candidates = self._by_first.get(words.keys[i])
        if candidates is None:
            return None
        keys, gaps = words.keys, words.gaps
        for rest, value in candidates:
            size = len(rest) + 1
            if not rest:
                return 1, value
            if tuple(keys[i + 1 : i + size]) == rest and max(gaps[i : i + size - 1]) <= max_gap:
                return size, value
        return None

    def find_all(self, words: Scan, *, max_gap: Gap = Gap.SPACE) -> Iterator[tuple[int, int, V]]:
        """Every non-overlapping longest match, left to right, as (first word, end word, value)."""
        firsts, after = self.firsts, 0
        for i in [i for i, key in enumerate(words.keys) if key in firsts]:
            if i < after:
                continue
            found = self.match(words, i, max_gap=max_gap)
            if found is not None:
                after = i + found[0]
                yield i, after, found[1]


# --- the lists ------------------------------------------------------------------------------------------


def _data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line for line in (raw.strip() for raw in lines) if line and not line.startswith("#")]


def _tsv_rows(name: str) -> list[list[str]]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _key_set(name: str) -> frozenset[str]:
    return frozenset(fold_key(line) for line in _data_lines(name))


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # official name, as in the office registry
    slug: str
    capital: str
    variants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class City:
    name: str
    province: str
    variants: tuple[str, ...]


@cache
def provinces() -> tuple[Province, ...]:
    """The 31 provinces (data/provinces.tsv)."""
    rows = _tsv_rows("provinces.tsv")
    return tuple(
        Province(row[0], row[1], row[2], tuple(v for v in (row[3] if len(row) > 3 else "").split("|") if v))
        for row in rows
    )


@cache
def cities() -> tuple[City, ...]:
    """Provincial capitals and major county seats (data/cities.tsv)."""
    return tuple(
        City(row[0], row[1], tuple(v for v in (row[2] if len(row) > 2 else "").split("|") if v))
        for row in _tsv_rows("cities.tsv")
    )


@cache
def province_index() -> PhraseIndex[str]:
    """Province names and variants → official name."""
    return PhraseIndex((form, p.name) for p in provinces() for form in (p.name, *p.variants))


@cache
def city_index() -> PhraseIndex[City]:
    return PhraseIndex((form, c) for c in cities() for form in (c.name, *c.variants))


def _package_first_names() -> frozenset[str]:
    """The ~19K names shipped by persian-gender-detection (MIT), read from its CSV (keys, no gender)."""
    source = resources.files("persian_gender_detection").joinpath("gender", "iranianNamesDataset.csv")
    with source.open(encoding="utf-8") as handle:
        return frozenset(fold_key(row["Names"]) for row in csv.DictReader(handle) if row.get("Names"))


@cache
def strong_first_names() -> frozenset[str]:
    """Common given names that open a person name without further evidence (data/first_names.txt)."""
    return _key_set("first_names.txt")


@cache
def first_names() -> frozenset[str]:
    """Every known given name: the package's list and ours, less words that are names only on paper
    (data/not_first_names.txt) and less function words."""
    excluded = _key_set("not_first_names.txt") | stopwords()
    return (_package_first_names() - excluded) | strong_first_names()


@cache
def not_surnames() -> frozenset[str]:
    """Adjectives and nouns in «ی» that a rare given name before them does not make a name
    (data/not_surnames.txt)."""
    return _key_set("not_surnames.txt")


@cache
def stopwords() -> frozenset[str]:
    """Function words, common verbs and time words (data/stopwords.txt)."""
    return _key_set("stopwords.txt")


@cache
def title_index() -> PhraseIndex[str]:
    """Role heads (data/titles.txt) → the head as written in the list."""
    return PhraseIndex((t, t) for t in _data_lines("titles.txt"))


@cache
def honorific_index() -> PhraseIndex[str]:
    """Honorifics (data/honorifics.txt) → "+" if any bare surname may follow («دکتر ظریف»), "~" if only a
    surname-shaped one («آقای روحانی», not «آقای گل»), "" if a given name must follow («شهید ...»)."""
    return PhraseIndex((row[0], row[1].strip() if len(row) > 1 else "") for row in _tsv_rows("honorifics.txt"))


@cache
def name_prefixes() -> frozenset[str]:
    """Descent titles kept as part of a name (سید، سیده، میر)."""
    return _key_set("name_prefixes.txt")


@cache
def surname_parts() -> frozenset[str]:
    """Second words of spaced two-word surnames (نژاد، زاده، پور ...)."""
    return _key_set("surname_parts.txt")


@cache
def org_head_index() -> PhraseIndex[str]:
    """Words that open an organisation's name (data/org_heads.txt)."""
    return PhraseIndex((h, h) for h in _data_lines("org_heads.txt"))


@dataclass(frozen=True, slots=True)
class KnownOrganization:
    name: str
    acronym: str
    aliases: tuple[str, ...]

    @property
    def display(self) -> str:
        """How the organisation is reported: its full name, with its acronym when it has one."""
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


@cache
def known_organizations() -> tuple[KnownOrganization, ...]:
    """Organisations known by name (data/organizations.tsv) — the ministry network is added by
    organizations.py from the office registry."""
    result = []
    for row in _tsv_rows("organizations.tsv"):
        padded = [*row, "", ""]
        aliases = tuple(a for a in padded[2].split("|") if a)
        result.append(KnownOrganization(padded[0], padded[1], aliases))
    return tuple(result)


@cache
def ministry_complements() -> PhraseIndex[str]:
    """What follows «وزارت» / «وزیر» in each known ministry's name («تعاون، کار و رفاه اجتماعی»), mapped to
    its canonical spelling: inside a role or organisation name such a phrase is read whole, commas and
    «و» included, and shown in that spelling."""
    names: list[str] = []
    for org in known_organizations():
        names += [org.name, *org.aliases]
    names += ["وزارت تعاون، کار و رفاه اجتماعی", "وزارت رفاه و تأمین اجتماعی", "وزارت کار و امور اجتماعی"]
    canonical_by_key: dict[str, str] = {}
    for name in names:
        if name.startswith("وزارت "):
            complement = name.removeprefix("وزارت ")
            canonical_by_key.setdefault(fold_key(complement), complement)
    return PhraseIndex((complement, complement) for complement in canonical_by_key.values())


@cache
def speech_verb_index() -> PhraseIndex[str]:
    """Verbs of saying (data/speech_verbs.txt), whole phrases: «اظهار کرد», not the noun «اظهار»."""
    return PhraseIndex((v, v) for v in _data_lines("speech_verbs.txt"))


@cache
def name_final_words() -> frozenset[str]:
    """Words that end a role or an organisation's name («... استان اصفهان»، «... بهزیستی کشور»): one-word
    place names, «ایران» and «کشور»."""
    return place_name_keys() | {"ایران", "کشور"}


@cache
def place_name_keys() -> frozenset[str]:
    """Keys of the one-word province and city names and variants (never a surname: «مقداد رشت»). Words of
    longer names are left out: «خمینی» of «خمینی‌شهر» is a surname."""
    forms = [f for p in provinces() for f in (p.name, *p.variants)]
    forms += [f for c in cities() for f in (c.name, *c.variants)]
    return frozenset(keys[0] for keys in map(phrase_keys, forms) if len(keys) == 1)


@cache
def named_after_words() -> frozenset[str]:
    """Words after which a name names a place or institution (data/named_after.txt), plus every word of
    an organisation head («دانشگاه شهید بهشتی»)."""
    heads = {key for line in _data_lines("org_heads.txt") for key in phrase_keys(line)}
    return _key_set("named_after.txt") | heads
