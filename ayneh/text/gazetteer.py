"""Word lists for reading Persian news, and the small machinery to look them up fast.

What lives here:

* ``fold_key`` — the lookup form of a word or phrase. It forgives what news writing varies on and the
  lists cannot enumerate: Arabic ي/ى/ك, hamza carriers (أ إ ؤ ئ → ا ا و ی, so «رئیس» = «رییس»,
  «تأمین» = «تامین»), آ → ا, ة/ۀ → ه, diacritics, tatweel and ZWNJ (so «مدیرکل» = «مدیر‌کل»).
* ``scan`` — one pass over a text giving its Persian words with their lookup keys and what separates each
  word from the next (space, comma, quote mark or a hard break); character offsets on request. Cached per
  text, so the people, places and organisations finders (and the quote finder) share one scan.
* ``Kind`` / ``word_kinds`` — every word that opens an entry of some list, with the lists it opens; a scan
  looks each of its words up there once (``Scan.kinds``) and the finders then visit only those hits
  (``Scan.having``), never every word again.
* ``PhraseIndex`` — longest-match lookup of multi-word phrases over a scan (a trie of words: one dict
  probe per word read).
* The lists themselves (``ayneh/text/data/*``, each file says where its facts come from) and the first
  names of the ``persian-gender-detection`` package, loaded lazily on first use and then kept.

Offsets are always offsets into the text the caller passed: the folding used for the scan maps one
character to one character. Callers normally pass ``ayneh.text.normalize.normalize`` output, but raw
news text works too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum, IntFlag, auto
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, compress, repeat
from pathlib import Path

import numpy as np

from ayneh.text.registry import Registry, load_registry

DATA_DIR = Path(__file__).resolve().parent / "data"
ZWNJ = "\u200c"

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
# Normalised text (ayneh.text.normalize) still has these, and often: folded by str.replace, which is cheaper
# still than a regex substitution. Everything else in _KEY_FOLD is absent from normalised text.
_COMMON_KEY_FOLDS = tuple((old, new) for old, new in _KEY_FOLD.items() if old in "آئأإؤةۀ")
_RARE_FOLD_RE = re.compile("[" + "".join(c for c in _KEY_FOLD if c not in "آئأإؤةۀ") + "]")
# A Persian/Arabic-script word: runs of letters (with diacritics or tatweel) joined by single ZWNJs; digits
# and punctuation (، ؛ ؟ « ») are not part of a word. No backtracking.
_LETTERS = "\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5"
WORD_RE = re.compile(f"[{_LETTERS}]+(?:{ZWNJ}[{_LETTERS}]+)*")
# The scan's split (the capturing group makes re.split return words and separators). The split is most of a
# scan's cost, and one character class in a loop is ~25% cheaper than WORD_RE's nested repeat; the two agree
# wherever every ZWNJ stands between two letters — always in normalised text, which folds ZWNJ runs and
# drops a ZWNJ next to a space or punctuation. Other text is split by WORD_RE.
_FAST_SPLIT_RE = re.compile(f"([{_LETTERS}][{_LETTERS}{ZWNJ}]*)")
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
_STRAY_ZWNJ_RE = re.compile(f"{ZWNJ}(?:(?![{_LETTERS}])|(?<![{_LETTERS}]{ZWNJ}))")
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


# The Gap values as plain ints, for hot loops: comparing a byte of ``Scan.gaps`` with an IntEnum member costs
# more than the comparison itself (the member lookup, then int-subclass dispatch).
SPACE, COMMA, QUOTE, HARD, BREAK = (gap.value for gap in Gap)


class Kind(IntFlag):
    """What a word can start, by the lists it opens an entry of (a word may be several at once).

    ``word_kinds()`` maps every such word's key to its kinds, and ``Scan.kinds`` looks up every word of a
    text in it once; a finder then visits only the words of the kinds it reads (``Scan.having``), never
    every word. One dictionary probe per word, shared by all finders, instead of one set probe per word
    per finder: the probes were most of the finders' time.
    """

    GIVEN_NAME = auto()  # first_names()
    COMMON_GIVEN_NAME = auto()  # strong_first_names()
    HONORIFIC = auto()  # first words of honorific_index()
    NAME_PREFIX = auto()  # name_prefixes(): سید، سیده، میر
    TITLE = auto()  # first words of title_index()
    ORG_HEAD = auto()  # first words of org_head_index()
    KNOWN_ORG = auto()  # first words of known_organization_index()
    PROVINCE = auto()  # first words of province_index()
    CITY = auto()  # first words of city_index()
    SPEECH_VERB = auto()  # first words of speech_verb_index()
    MINISTRY_COMPLEMENT = auto()  # first words of ministry_complements()


_PLACE_KINDS = (Kind.PROVINCE | Kind.CITY).value

_QUOTE_CHARS = frozenset("\"'«»“”„‘’")
_BREAK_CHARS = frozenset(".!?؟:؛;\n…")
_COMMA_CHARS = frozenset("،,")


def _classify_gap(gap: str) -> Gap:
    if not gap.replace(ZWNJ, "").strip():
        return Gap.BREAK if "\n" in gap else Gap.SPACE
    if not _BREAK_CHARS.isdisjoint(gap):
        return Gap.BREAK
    marks = set(gap) - {" ", "\t", "\u00a0", ZWNJ}
    if marks <= _COMMA_CHARS:
        return Gap.COMMA
    if marks <= _QUOTE_CHARS | _COMMA_CHARS:
        return Gap.QUOTE
    return Gap.HARD


class _GapTable(dict[str, int]):
    """Memoised ``_classify_gap`` as a plain int (a byte of ``Scan.gaps``): a text has few distinct
    separators (" ", "، ", ". " ...)."""

    def __missing__(self, gap: str) -> int:
        if len(self) > 10_000:
            self.clear()
        value = self[gap] = int(_classify_gap(gap))
        return value


_GAPS = _GapTable()
_LAST_GAP = bytes([Gap.BREAK])


class Scan:
    """The words of one text, split once and shared by every finder that reads the same text.

    ``keys[i]`` is word i's lookup key (``fold_key`` of it), ``forms[i]`` the word as written (Arabic ي/ك
    shown as ی/ک). ``gaps`` holds one byte per word, a ``Gap`` value: what separates word i from word i+1
    (BREAK after the last one). Bytes, not a tuple of Gap, so that questions like "is there a sentence end
    between words i and j" are C-level searches (``gaps.find(BREAK, i, j)``); ``gaps[i] == Gap.SPACE`` and
    ``max(gaps[i:j]) <= Gap.COMMA`` read as usual.

    Character offsets (``start``/``end`` of one word, or ``starts``/``ends`` of all) are into the caller's
    text. The scan knows them as one array of word boundaries; they become Python ints only when asked for.
    """

    __slots__ = (
        "_bounds",
        "_ends",
        "_forms",
        "_hits",
        "_joined_forms",
        "_joined_keys",
        "_kinds",
        "_starts",
        "gap_before_first",
        "gaps",
        "keys",
        "text",
    )

    def __init__(
        self, text: str, joined_forms: str, joined_keys: str, gaps: bytes, bounds: Sequence[int] | np.ndarray
    ) -> None:
        self.text = text  # the caller's text with Arabic ي/ك shown as Persian ی/ک; same length and offsets
        # The words as written are split apart only if someone asks for all of them (``forms``): the finders
        # read the few they report as slices of the text (``word``), and a split costs as much as the keys'.
        self._joined_forms = joined_forms
        self._forms: tuple[str, ...] | None = None
        self.keys: tuple[str, ...] = tuple(joined_keys.split("\n")) if joined_forms else ()
        # Every key between newlines (no key contains one): "\nk0\nk1\n...\n", for substring searches.
        self._joined_keys = f"\n{joined_keys}\n"
        self.gaps = gaps
        self.gap_before_first = Gap.BREAK  # the start of the text
        self._bounds = bounds  # start of word 0, end of word 0, start of word 1, ... (2 per word)
        self._starts: tuple[int, ...] | None = None
        self._ends: tuple[int, ...] | None = None
        self._kinds: list[int] | None = None
        self._hits: list[int] | None = None

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every word as written, split from the joined words on first use."""
        if self._forms is None:
            self._forms = tuple(self._joined_forms.split("\n")) if self._joined_forms else ()
        return self._forms

    def word(self, i: int) -> str:
        """Word i as written: the text between its offsets (tests/text/test_gazetteer_scan_paths.py)."""
        return self.text[self.start(i) : self.end(i)]

    def words(self, i: int, j: int) -> str:
        """Words i..j-1 joined by single spaces (punctuation between them dropped)."""
        return " ".join(map(self.word, range(i, j)))

    def gap_before(self, i: int) -> Gap:
        return self.gap_before_first if i == 0 else Gap(self.gaps[i - 1])

    def start(self, i: int) -> int:
        """Offset of word i's first character."""
        if self._starts is not None:
            return self._starts[i]
        return int(self._bounds[2 * i])

    def end(self, i: int) -> int:
        """Offset just after word i's last character."""
        if self._ends is not None:
            return self._ends[i]
        return int(self._bounds[2 * i + 1])

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets of words i..j-1 together: from word i's start to the end of word j-1."""
        return self.start(i), self.end(j - 1)

    @property
    def starts(self) -> tuple[int, ...]:
        """Every word's start offset, ascending (for bisect)."""
        if self._starts is None:
            self._starts = tuple(_as_ints(self._bounds[0::2]))
        return self._starts

    @property
    def ends(self) -> tuple[int, ...]:
        if self._ends is None:
            self._ends = tuple(_as_ints(self._bounds[1::2]))
        return self._ends

    def positions(self, vocabulary: Container[str]) -> list[int]:
        """Indices of the words whose key is in ``vocabulary``, ascending (C-level: no per-word Python code)."""
        return list(compress(range(len(self.keys)), map(vocabulary.__contains__, self.keys)))

    def positions_starting_with(self, prefix: str) -> list[int]:
        """Indices of the words whose key starts with ``prefix``, ascending. Found by substring search in the
        joined keys, so a rare prefix costs next to nothing."""
        joined, found, marker = self._joined_keys, [], "\n" + prefix
        index = counted = 0  # the newlines before ``counted``: counted on from the last hit, not from 0
        at = joined.find(marker)
        while at != -1:
            index += joined.count("\n", counted, at)
            counted = at
            found.append(index)
            at = joined.find(marker, at + 1)
        return found

    def positions_of(self, key: str) -> list[int]:
        """Indices of the words whose key is ``key``, ascending (substring search in the joined keys)."""
        joined, found, marker = self._joined_keys, [], f"\n{key}\n"
        # A newline before each word: the newlines before a hit are the word's index, counted on from the
        # last hit (a count from the start of the text every time was quadratic in the hits).
        index = counted = 0
        at = joined.find(marker)
        while at != -1:
            index += joined.count("\n", counted, at)
            counted = at
            found.append(index)
            at = joined.find(marker, at + len(key) + 1)
        return found

    @property
    def kinds(self) -> list[int]:
        """``word_kinds()`` of every word (0 for a word that opens nothing), looked up on first use."""
        if self._kinds is None:
            self._kinds = list(map(word_kinds().get, self.keys, repeat(0)))
        return self._kinds

    def having(self, kind: Kind) -> list[int]:
        """Indices of the words of any of the kinds in ``kind``, ascending (only the text's few hits are visited)."""
        kinds, wanted = self.kinds, int(kind)  # a plain int: IntFlag's «&» is Python code
        if self._hits is None:
            self._hits = list(compress(range(len(kinds)), kinds))
        return [i for i in self._hits if kinds[i] & wanted]

    def sentence_end(self, i: int, limit: int) -> int:
        """The first word k in [i, limit) followed by a sentence end (``gaps[k] == BREAK``), else -1."""
        return self.gaps.find(Gap.BREAK, i, limit)


@lru_cache(maxsize=8)
def scan(text: str) -> Scan:
    """Split ``text`` into words once; repeated calls with the same text (the analyser calls the
    people, place and organisation finders and the quote finder in turn) reuse the result.

    Normalised text (every ZWNJ between two letters) is split by array operations over its characters
    (``_vectorised_parts``): a word is a run of letters and ZWNJs, and what separates two words is judged by
    its strongest character. That builds no string per separator, and the word boundaries it finds are the
    offsets the finders ask for. Other text goes through the regex split, which gives the same result
    (tests/text/test_gazetteer_scan_paths.py checks that they agree). Either way the keys are folded in one
    string (the words joined by newlines, which no word contains) with a few C-level replaces, then split
    back apart.
    """
    codes = _codes(text)
    info = _CHAR_INFO.take(codes, mode="clip")
    rare = bool((info & _RARE).any())
    shown = _fold(text, _DISPLAY_FOLD_RE, _DISPLAY_FOLD) if rare else text
    bounds: Sequence[int] | np.ndarray
    if _STRAY_ZWNJ_RE.search(shown) or (info & _ODD).any():
        joined_forms, gaps, bounds = _parts_by_regex(shown)
    else:
        joined_forms, gaps, bounds = _vectorised_parts(_codes(shown) if rare else codes, info)
    joined = joined_forms
    if rare:
        joined = _fold(joined, _KEY_FOLD_RE, _KEY_FOLD)
    for old, new in _COMMON_KEY_FOLDS:
        if old in joined:
            joined = joined.replace(old, new)
    if ZWNJ in joined:
        joined = joined.replace(ZWNJ, "")
    return Scan(shown, joined_forms, joined, gaps, bounds)


def _codes(text: str) -> np.ndarray:
    """The text's characters as code points (lone surrogates kept as they are)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _vectorised_parts(codes: np.ndarray, info: np.ndarray) -> tuple[str, bytes, np.ndarray]:
    """The words joined by newlines, the gap bytes and the word boundaries, by array operations: for text
    whose every ZWNJ stands between letters and which has no whitespace beyond spaces, tabs, no-break
    spaces and line breaks (what ``scan`` checks first)."""
    in_word = np.zeros(len(codes) + 2, dtype=bool)
    np.bitwise_and(info, _WORD, out=in_word[1:-1], casting="unsafe")
    bounds = np.flatnonzero(in_word[1:] != in_word[:-1])  # start, end, start, end ... of every word
    if not len(bounds):
        return "", _LAST_GAP, bounds
    inner_gap_starts = bounds[1:-1:2]  # the end of each word but the last: where a separator begins
    keep = in_word[1:-1]
    keep[inner_gap_starts] = True
    kept = codes.copy()
    kept[inner_gap_starts] = 10  # each separator becomes one newline
    joined_forms = kept[keep].tobytes().decode("utf-32-le")
    # A separator's kind is its strongest character's (letters count as SPACE, the weakest): the maximum
    # over each separator and the word after it, the last word cut off.
    if len(inner_gap_starts):
        kinds = np.maximum.reduceat(info[: bounds[-2]] & _GAP_MASK, inner_gap_starts)
        gaps = kinds.tobytes() + _LAST_GAP
    else:
        gaps = _LAST_GAP
    return joined_forms, gaps, bounds


def _parts_by_regex(text: str) -> tuple[str, bytes, list[int]]:
    """What ``_vectorised_parts`` gives, by a regex split of the text (any text)."""
    parts = (_SPLIT_RE if _STRAY_ZWNJ_RE.search(text) else _FAST_SPLIT_RE).split(text)
    gaps = bytes(map(_GAPS.__getitem__, parts[2:-1:2])) + _LAST_GAP
    running = list(accumulate(map(len, parts)))
    return "\n".join(parts[1::2]), gaps, running[:-1]


def _as_ints(values: Sequence[int] | np.ndarray) -> list[int]:
    return values.tolist() if isinstance(values, np.ndarray) else list(values)


def _char_info() -> np.ndarray:
    """One byte per BMP character for ``scan``: its separator kind (a ``Gap`` value; 0 for letters), whether
    it belongs in a word, whether the key fold changes it, whether it is whitespace the vectorised split
    does not handle. Characters beyond the BMP read the last entry (a symbol: HARD)."""
    info = np.full(0x10000, Gap.HARD, dtype=np.uint8)
    for char in " \t\u00a0":
        info[ord(char)] = Gap.SPACE
    for chars, gap in ((_COMMA_CHARS, Gap.COMMA), (_QUOTE_CHARS - _COMMA_CHARS, Gap.QUOTE), (_BREAK_CHARS, Gap.BREAK)):
        for char in chars:
            info[ord(char)] = gap
    for code in range(0x10000):
        char = chr(code)
        if WORD_RE.fullmatch(char) or char == ZWNJ:
            info[code] = _WORD  # a letter: SPACE as a separator kind, never in one anyway
        elif char.isspace() and char not in " \t\u00a0\n":
            info[code] = _ODD
    for char in _KEY_FOLD:
        if char != ZWNJ and _RARE_FOLD_RE.match(char):
            info[ord(char)] |= _RARE
    return info


_GAP_MASK = 0x07  # the Gap value (0–4)
_WORD = 0x08
_RARE = 0x10
_ODD = 0x20
_CHAR_INFO = _char_info()


class PhraseIndex[V]:
    """Longest-match lookup of phrases (sequences of word keys) at a position of a ``Scan``.

    The phrases form a trie of words, so a lookup costs one dictionary probe per word of the text it reads,
    however many phrases share a first word (the office registry has hundreds starting «اداره کل»).
    ``firsts`` is the set of first words, so a caller can skip a word with one C-level set probe. A phrase's
    words may be separated by spaces only, or also by commas when the caller allows it («تعاون، کار و رفاه
    اجتماعی»); never by a hard break.
    """

    def __init__(self, phrases: Iterable[tuple[str, V]], *, kind: Kind | None = None) -> None:
        """``kind``: the word kind of this index's first words, when ``word_kinds()`` lists them (then
        ``find_all`` visits only the scan's words of that kind). The first value given for a phrase wins."""
        self.kind = kind
        self._root: dict[str, _Node[V]] = {}
        for phrase, value in phrases:
            words = phrase_keys(phrase)
            if not words:
                continue
            self._add(words, value)
            if len(words) > 1:
                self._add(("".join(words),), value)  # the same phrase written with ZWNJ or joined up
        self.firsts: frozenset[str] = frozenset(self._root)
        self._seconds = frozenset(second for node in self._root.values() for second in node.children)
        self._by_deletion: dict[str, set[str]] | None = None  # for match_misspelt, built on first use

    def _add(self, words: tuple[str, ...], value: V) -> None:
        children, node = self._root, None
        for word in words:
            node = children.get(word)
            if node is None:
                node = children[word] = _Node()
            children = node.children
        if node is not None and not node.has_value:
            node.value, node.has_value = value, True

    def __contains__(self, key: object) -> bool:
        """Whether some phrase starts with the word ``key`` (in hot loops use ``firsts``)."""
        return key in self.firsts

    def match(self, words: Scan, i: int, *, max_gap: Gap = Gap.SPACE) -> tuple[int, V] | None:
        """The longest phrase starting at word i, as (number of words, value), or None."""
        node = self._root.get(words.keys[i])
        if node is None:
            return None
        return self._longest(node, words, i, max_gap, (1, node.value) if node.has_value else None)

    def match_misspelt(self, words: Scan, i: int, *, max_gap: Gap = Gap.SPACE) -> tuple[int, V] | None:
        """The longest phrase of two or more words at word i whose first word is written with one letter
        missing, added or changed («تعان» for «تعاون»; first words of four letters or more) and whose other
        words are written exactly. Looser than ``match``: for the word right after one that announces such
        a phrase («اداره کل تعان، کار و ...»), not for every word."""
        keys = words.keys
        if i + 1 >= len(keys) or keys[i + 1] not in self._seconds:  # cheap: the next word must fit first
            return None
        best: tuple[int, V] | None = None
        for first in self._near_firsts(keys[i]):
            found = self._longest(self._root[first], words, i, max_gap, None)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best

    def _longest(
        self, node: _Node[V], words: Scan, i: int, max_gap: Gap, found: tuple[int, V] | None
    ) -> tuple[int, V] | None:
        """Walk the trie from ``node`` (word i's) over the words after i; the longest phrase ending on the way."""
        keys, gaps, n = words.keys, words.gaps, len(words.keys)
        j = i + 1
        while node.children and j < n and gaps[j - 1] <= max_gap:
            following = node.children.get(keys[j])
            if following is None:
                break
            node, j = following, j + 1
            if node.has_value:
                found = (j - i, node.value)
        return found

    def _near_firsts(self, key: str) -> set[str]:
        """First words of multi-word phrases one edit away from ``key`` (not ``key`` itself): two words are one
        edit apart when deleting one letter from one or both gives the same string."""
        if self._by_deletion is None:
            by_deletion: dict[str, set[str]] = {}
            for first, node in self._root.items():
                if node.children and len(first) >= 4:
                    for variant in {first, *_deletions(first)}:
                        by_deletion.setdefault(variant, set()).add(first)
            self._by_deletion = by_deletion
        near: set[str] = set()
        for variant in {key, *_deletions(key)}:
            near |= self._by_deletion.get(variant, set())
        near.discard(key)
        return near

    def find_all(self, words: Scan, *, max_gap: Gap = Gap.SPACE) -> Iterator[tuple[int, int, V]]:
        """Every non-overlapping longest match, left to right, as (first word, end word, value)."""
        after = 0
        for i in self._starts_in(words):
            if i < after:
                continue
            found = self.match(words, i, max_gap=max_gap)
            if found is not None:
                after = i + found[0]
                yield i, after, found[1]

    def _starts_in(self, words: Scan) -> list[int]:
        """Indices of the words that open some phrase, ascending: from the scan's word kinds for the shipped
        lists; for a small index built on the fly (a text's own people) by a substring search per first
        word, which is cheaper than probing every word of the text."""
        if self.kind:
            return words.having(self.kind)
        if len(self.firsts) <= _FEW_FIRST_WORDS:
            return sorted({i for first in self.firsts for i in words.positions_of(first)})
        return words.positions(self.firsts)


_FEW_FIRST_WORDS = 16


def _deletions(word: str) -> list[str]:
    """``word`` with one letter left out, at every position."""
    return [word[:k] + word[k + 1 :] for k in range(len(word))]


class _Node[V]:
    """A trie node of ``PhraseIndex``: the value of the phrase ending here, if one does, and what may follow."""

    __slots__ = ("children", "has_value", "value")

    def __init__(self) -> None:
        self.children: dict[str, _Node[V]] = {}
        self.has_value = False
        self.value: V = None  # type: ignore[assignment]


# --- the lists ------------------------------------------------------------------------------------------


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line for line in (raw.strip() for raw in lines) if line and not line.startswith("#")]


def tsv_rows(name: str) -> list[list[str]]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _key_set(name: str) -> frozenset[str]:
    return frozenset(fold_key(line) for line in data_lines(name))


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
    rows = tsv_rows("provinces.tsv")
    return tuple(
        Province(row[0], row[1], row[2], tuple(v for v in (row[3] if len(row) > 3 else "").split("|") if v))
        for row in rows
    )


@cache
def cities() -> tuple[City, ...]:
    """Provincial capitals and major county seats (data/cities.tsv)."""
    return tuple(
        City(row[0], row[1], tuple(v for v in (row[2] if len(row) > 2 else "").split("|") if v))
        for row in tsv_rows("cities.tsv")
    )


@cache
def province_index() -> PhraseIndex[str]:
    """Province names and variants → official name."""
    return PhraseIndex(((form, p.name) for p in provinces() for form in (p.name, *p.variants)), kind=Kind.PROVINCE)


@cache
def city_index() -> PhraseIndex[City]:
    return PhraseIndex(((form, c) for c in cities() for form in (c.name, *c.variants)), kind=Kind.CITY)


def _package_first_names() -> frozenset[str]:
    """The ~19K names shipped by persian-gender-detection (MIT), read from its CSV (keys, no gender)."""
    source = resources.files("persian_gender_detection").joinpath("gender", "iranianNamesDataset.csv")
    with source.open(encoding="utf-8") as handle:
        return frozenset(fold_key(row["Names"]) for row in csv.DictReader(handle) if row.get("Names"))


@cache
def strong_first_names() -> frozenset[str]:
    """Common given names that open a person name without further evidence (data/first_names.txt), and the
    common foreign ones (data/foreign_first_names.txt), whose surnames then need a title beside them."""
    return _key_set("first_names.txt") | _key_set("foreign_first_names.txt")


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
    return PhraseIndex(((t, t) for t in data_lines("titles.txt")), kind=Kind.TITLE)


@cache
def honorific_index() -> PhraseIndex[str]:
    """Honorifics (data/honorifics.txt) → "+" if any bare surname may follow («دکتر ظریف»), "~" if only a
    surname-shaped one («آقای روحانی», not «آقای گل»), "" if a given name must follow («شهید ...»)."""
    rows = tsv_rows("honorifics.txt")
    return PhraseIndex(((row[0], row[1].strip() if len(row) > 1 else "") for row in rows), kind=Kind.HONORIFIC)


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
    return PhraseIndex(((h, h) for h in data_lines("org_heads.txt")), kind=Kind.ORG_HEAD)


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
    for row in tsv_rows("organizations.tsv"):
        padded = [*row, "", ""]
        aliases = tuple(a for a in padded[2].split("|") if a)
        result.append(KnownOrganization(padded[0], padded[1], aliases))
    return tuple(result)


@cache
def known_organization_index() -> PhraseIndex[str]:
    """Every written form (name, alias, acronym) of every known organisation → its display name: the ministry
    network of the shipped office registry (ayneh/data/offices.json) and data/organizations.tsv."""
    return PhraseIndex(_known_organization_forms(load_registry()), kind=Kind.KNOWN_ORG)


@cache
def known_organization_displays() -> dict[str, str]:
    """``fold_key`` of each known form → the display name (for a ministry named through its minister)."""
    return {fold_key(form): display for form, display in _known_organization_forms(load_registry())}


def _known_organization_forms(registry: Registry) -> list[tuple[str, str]]:
    acronyms = {fold_key(org.name): org.acronym for org in known_organizations() if org.acronym}
    forms: list[tuple[str, str]] = []
    for office in registry:
        acronym = acronyms.get(fold_key(office.name), "")
        display = f"{office.name} ({acronym})" if acronym else office.name
        # Not the short name: it is written for display inside the ministry («حراست») and names nothing alone.
        forms += [(form, display) for form in (office.name, *office.aliases, acronym) if form]
    for org in known_organizations():
        forms += [(form, org.display) for form in (org.name, *org.aliases, org.acronym) if form]
    return forms


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
    complements = canonical_by_key.values()
    return PhraseIndex(((complement, complement) for complement in complements), kind=Kind.MINISTRY_COMPLEMENT)


@cache
def speech_verb_index() -> PhraseIndex[str]:
    """Verbs of saying (data/speech_verbs.txt), whole phrases: «اظهار کرد», not the noun «اظهار»."""
    return PhraseIndex(((v, v) for v in data_lines("speech_verbs.txt")), kind=Kind.SPEECH_VERB)


def place_name_length(words: Scan, j: int) -> int:
    """How many words the province or city name starting at word j has («خراسان شمالی»: 2), 0 if none does."""
    if not words.kinds[j] & _PLACE_KINDS:
        return 0
    longest = 0
    for index in (province_index(), city_index()):
        found = index.match(words, j)
        if found is not None:
            longest = max(longest, found[0])
    return longest


@cache
def name_final_words() -> frozenset[str]:
    """Words that end a role or an organisation's name («... استان اصفهان»، «... بهزیستی کشور»، «وزیر خارجه
    روسیه»): one-word place and country names, «ایران» and «کشور»."""
    return place_name_keys() | {"ایران", "کشور"}


@cache
def place_name_keys() -> frozenset[str]:
    """Keys of the one-word province, city and country names and variants (never a surname: «مقداد رشت»).
    Words of longer names are left out: «خمینی» of «خمینی‌شهر» is a surname."""
    forms = [f for p in provinces() for f in (p.name, *p.variants)]
    forms += [f for c in cities() for f in (c.name, *c.variants)]
    forms += data_lines("countries.txt")
    return frozenset(keys[0] for keys in map(phrase_keys, forms) if len(keys) == 1)


@cache
def word_kinds() -> dict[str, int]:
    """Every word that opens an entry of some list → its ``Kind`` flags (see ``Kind``)."""
    kinds: dict[str, int] = {}
    sources: list[tuple[Kind, Iterable[str]]] = [
        (Kind.GIVEN_NAME, first_names()),
        (Kind.COMMON_GIVEN_NAME, strong_first_names()),
        (Kind.HONORIFIC, honorific_index().firsts),
        (Kind.NAME_PREFIX, name_prefixes()),
        (Kind.TITLE, title_index().firsts),
        (Kind.ORG_HEAD, org_head_index().firsts),
        (Kind.KNOWN_ORG, known_organization_index().firsts),
        (Kind.PROVINCE, province_index().firsts),
        (Kind.CITY, city_index().firsts),
        (Kind.SPEECH_VERB, speech_verb_index().firsts),
        (Kind.MINISTRY_COMPLEMENT, ministry_complements().firsts),
    ]
    for kind, words in sources:
        for word in words:
            kinds[word] = kinds.get(word, 0) | kind.value  # plain ints: IntFlag's «&» is Python code
    return kinds


@cache
def named_after_words() -> frozenset[str]:
    """Words after which a name names a place or institution (data/named_after.txt), plus every word of
    an organisation head («دانشگاه شهید بهشتی»)."""
    heads = {key for line in data_lines("org_heads.txt") for key in phrase_keys(line)}
    return _key_set("named_after.txt") | heads
