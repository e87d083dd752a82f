"""The comparison form of Persian text, with a map back to the original offsets.

``normalize(text)`` is what every other part of ``ayneh.text`` (and the search backends, through
``fold_for_index``) compares. Its rules, in the order they run:

1. **Composition.** Decomposed «ا» + maddah (U+0653) becomes «آ»; «ی/ي/ى» + hamza above (U+0654) becomes «ئ»,
   so the decomposed and precomposed spellings compare equal once the marks are dropped in step 2.
2. **One character table** (``str.translate``):
   - Arabic letters to Persian: «ي ى» → «ی», «ك ڪ» → «ک», «ة ۀ ە ھ ہ ۂ ۃ» → «ه» (the ezafe hamza of «ۀ» and the
     Arabic tā marbūṭa are spelling variants, not different words, in news text), «أ إ ٱ ٲ ٳ» → «ا»,
     «ؤ» → «و». «آ», «ئ» and «ء» are kept: they are real Persian letters («آب» is not «اب»).
   - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → their letters (NFKC), except the few
     phrase ligatures such as «ﷺ» that expand to several words: they are left alone.
   - Every decimal digit of the Basic Multilingual Plane (Persian «۰-۹», Arabic-Indic «٠-٩», full-width…)
     → ASCII ``0-9``; «٫» → «.», «٬» → «,», «٪» → «%».
   - Removed: Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks), tatweel
     «ـ», zero-width space/joiner, word joiner, BOM, soft hyphen, bidi controls (LRM, RLM, ALM, embeddings,
     overrides, isolates) and C0/C1 control characters.
   - Every space character (tab, NBSP, thin spaces…) → `` ``; every line break (CR, LS, PS, VT, FF, NEL) → ``\\n``.
   - Double quotes «" “ ” „ ‟ ″» → ``"``; single quotes «‘ ’ ‚ ‛ ′» → ``'``; dashes «‐ ‑ ‒ – — ― −» → ``-``;
     «…» → ``...``.
3. **Quotes.** Two ``"`` on one line become «...»; an unpaired one stays ``"``.
4. **ZWNJ.** Runs collapse to one; a ZWNJ is kept only between two Arabic-script letters where the first one
   joins to the left (after «ا د ذ ر ز ژ و» it is invisible, so «آرزو‌ها» and «آرزوها» compare equal); next
   to a space, punctuation, a digit or a Latin letter it is removed.
5. **Persian punctuation.** ``,`` and ``;`` between Arabic-script letters (spaces around allowed) become
   «، » and «؛ » («تعان,کار» → «تعان، کار»); ``?`` after an Arabic-script letter becomes «؟» (spaces before it
   dropped). Between digits or Latin words they are left alone («1,000»).
6. **Whitespace.** A run of spaces becomes one space; a run of spaces and line breaks with at least one line
   break becomes one ``\\n`` (a paragraph break); the text is stripped at both ends.

``normalize`` is idempotent and never raises. ``normalize_with_offsets`` returns the same text plus a map
from any span of it back to the original string. Everything is ``str.translate`` plus a few compiled
regular expressions, with cheap substring guards that skip rules that cannot apply.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

ZWNJ = "\u200c"

# Arabic-script letters (not tatweel U+0640, not marks, not digits). Used as "a Persian letter" in rules 4-5.
_LETTER = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"
)
# Letters that never join to the following letter: a ZWNJ after them changes nothing on screen.
_RIGHT_JOINING = (
    "\u0621-\u0625\u0627\u0629\u062f-\u0632\u0648\u0698\u0671-\u0673\u0675-\u0677\u0688-\u0699"
    "\u06c0\u06c3-\u06cb\u06cd\u06cf\u06d2\u06d3\u06d5"
)

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def _scan_basic_plane() -> tuple[dict[int, str], list[int]]:
    """One pass over the Basic Multilingual Plane: every non-ASCII decimal digit → its ASCII digit, and
    every invisible format character (Unicode category Cf) except ZWNJ."""
    digits: dict[int, str] = {}
    invisible: list[int] = []
    for code in range(0x80, 0x10000):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Nd":
            digits[code] = str(unicodedata.decimal(char))
        elif category == "Cf" and char != ZWNJ:
            invisible.append(code)
    return digits, invisible


_DIGITS_TO_ASCII, _INVISIBLE_FORMAT_CODES = _scan_basic_plane()
_DIGITS_TO_PERSIAN: dict[int, str] = {
    **{code: _PERSIAN_DIGITS[int(ascii_digit)] for code, ascii_digit in _DIGITS_TO_ASCII.items()},
    **{ord(str(d)): _PERSIAN_DIGITS[d] for d in range(10)},
}


def _base_table() -> dict[int, str]:
    """Rule 2 without the presentation forms: one entry per character that changes."""
    table: dict[int, str] = dict(_DIGITS_TO_ASCII)

    def put(chars: str, replacement: str) -> None:
        for char in chars:
            table[ord(char)] = replacement

    put("يى", "ی")
    put("كڪ", "ک")
    put("ةۀەھہۂۃ", "ه")
    put("أإٱٲٳ", "ا")
    put("ؤ", "و")
    put("٫", ".")
    put("٬", ",")
    put("٪", "%")
    # Arabic marks: every non-spacing mark in the Arabic blocks, plus tatweel.
    for start, end in ((0x0610, 0x061B), (0x064B, 0x0660), (0x0670, 0x0671), (0x06D6, 0x06EE), (0x08CA, 0x0900)):
        for code in range(start, end):
            if unicodedata.category(chr(code)) in {"Mn", "Cf"}:
                table[code] = ""
    put("\u0640", "")
    # Invisible format characters (ZWJ, bidi marks, embeddings and isolates, BOM, soft hyphen…) and control
    # characters. ZWNJ is not among them: rule 4 decides where it stays.
    for code in _INVISIBLE_FORMAT_CODES:
        table[code] = ""
    for code in (*range(0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)):
        table[code] = ""
    put("\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " ")
    put("\r\x0b\x0c\x85\u2028\u2029", "\n")
    put("“”„‟″", '"')
    put("‘’‚‛′", "'")
    put("‐‑‒–—―−", "-")
    put("…", "...")
    return table


def _character_table() -> dict[int, str]:
    """Rule 2: the base table plus Arabic presentation forms folded through NFKC and then the base table."""
    table = _base_table()
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        if folded == char:
            continue
        folded = folded.translate(table)
        if " " in folded.strip():
            continue  # a phrase ligature such as «ﷺ»: expanding it would invent words
        table[code] = folded
    return table


_CHARACTER_TABLE: dict[int, str] = _character_table()

# ``str.translate`` walks non-ASCII text one dictionary lookup per character (about 3 M chars/s), while
# ``in`` and ``str.replace`` for one character run at memory speed. So the characters that real Persian
# news contains are replaced one by one, and the whole table runs only when the text holds a rarer one.
# Applying the table after some replacements gives the same result because no replacement contains a key.
_FREQUENT = (
    "يىكةۀأإؤ"  # Arabic letter forms
    + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬٪"
    + "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0654\u0670\u0640"  # harakat, hamza above, tatweel
    + "\u200b\u200d\u200e\u200f\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"  # invisible controls
    + "\t\r\u00a0\u2009\u202f"  # spaces and CR
    + "“”‘’–—…"
)
_FREQUENT_REPLACEMENTS = tuple((char, _CHARACTER_TABLE[ord(char)]) for char in _FREQUENT)


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# For the offset map only the characters whose replacement is not exactly one character matter: a one-for-one
# substitution keeps every position where it was.
_DELETED = {chr(code) for code, repl in _CHARACTER_TABLE.items() if repl == ""}
_EXPANDED = {chr(code) for code, repl in _CHARACTER_TABLE.items() if len(repl) > 1}
# One edit per expanded character or run of deleted ones (an expanded character takes the deletions after it
# along). Written so that the pattern starts with a character class, which the regex engine scans for fast.
_RESIZED_BY_TABLE = re.compile(f"{_char_class(_DELETED | _EXPANDED)}{_char_class(_DELETED)}*")
_RARE_KEYS = {chr(code) for code in _CHARACTER_TABLE} - set(_FREQUENT)
_RARE_TABLE_KEY = re.compile(_char_class(_RARE_KEYS))
# Most news texts have neither (about four in five Fars articles): one scan for both, then each is looked
# for only from the first hit on.
_RESIZED_OR_RARE = re.compile(_char_class(_DELETED | _EXPANDED | _RARE_KEYS))


def _apply_character_table(text: str, *, rare_from: int | None = 0) -> str:
    """``text.translate(_CHARACTER_TABLE)``, several times faster on real news (see ``_FREQUENT``).
    ``rare_from``: where a rare table key may first occur (None: the caller knows there is none)."""
    for char, replacement in _FREQUENT_REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    if rare_from is not None and _RARE_TABLE_KEY.search(text, rare_from):
        text = text.translate(_CHARACTER_TABLE)
    return text


_COMPOSED = {"ا\u0653": "آ", "ي\u0654": "ئ", "ى\u0654": "ئ", "ی\u0654": "ئ"}


@dataclass(frozen=True, slots=True)
class _Rewrite:
    """One regex rule. ``guard``: substrings of which at least one must occur for the rule to apply (a fast
    ``in`` test saves a regex scan). ``keeps_length``: the replacement always has the length of the match,
    so it moves no offsets. ``guard_starts_every_match``: every match begins with one of the guard strings,
    so matches can be looked for only where those occur."""

    pattern: re.Pattern[str]
    replacement: str | Callable[[re.Match[str]], str]
    guard: tuple[str, ...] = ()
    keeps_length: bool = False
    guard_starts_every_match: bool = False

    def applies_to(self, text: str) -> bool:
        return not self.guard or any(map(text.__contains__, self.guard))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``. When every match starts with a guard string (a pattern such as
        ``[ \\n]{2,}`` that the regex engine cannot skip through fast), the pattern is tried only where
        one occurs."""
        if not self.guard_starts_every_match:
            yield from self.pattern.finditer(text)
            return
        candidates = sorted({i for guard in self.guard for i in _occurrences(text, guard)})
        taken_until = 0
        for candidate in candidates:
            if candidate >= taken_until and (found := self.pattern.match(text, candidate)) is not None:
                taken_until = found.end()
                yield found

    def replacement_for(self, match: re.Match[str]) -> str:
        if callable(self.replacement):
            return self.replacement(match)
        if "\\" not in self.replacement:
            return self.replacement  # a fixed string: Match.expand would parse it as a template every time
        return match.expand(self.replacement)

    def edits(self, text: str) -> list[tuple[int, int, str]]:
        """Every match as (start, end, replacement), in order."""
        return [(m.start(), m.end(), self.replacement_for(m)) for m in self.finditer(text)]

    def apply(self, text: str) -> str:
        """``pattern.sub(replacement, text)``, by way of ``finditer`` when that is the faster search."""
        if self.guard_starts_every_match:
            return _apply_edits(text, self.edits(text))
        return self.pattern.sub(self.replacement, text)


_COMPOSE = _Rewrite(re.compile("ا\u0653|[يىی]\u0654"), lambda m: _COMPOSED[m.group()], guard=("\u0653", "\u0654"))

_REWRITES: tuple[_Rewrite, ...] = (
    # Rule 3: pair double quotes on one line.
    _Rewrite(re.compile(r'"([^"\n]*)"'), r"«\1»", guard=('"',), keeps_length=True),
    # Rule 4: collapse ZWNJ runs, then drop every ZWNJ not between a left-joining letter and a letter. (Two
    # ZWNJ written out make a fixed prefix the regex engine skips to fast; «\u200c{2,}» would not.)
    _Rewrite(re.compile("\u200c\u200c+"), ZWNJ, guard=(ZWNJ,)),
    _Rewrite(
        re.compile(f"\u200c(?:(?<![{_LETTER}]\u200c)|(?<=[{_RIGHT_JOINING}]\u200c)|(?![{_LETTER}]))"),
        "",
        guard=(ZWNJ,),
    ),
    # Rule 5: Latin punctuation between Persian words.
    _Rewrite(re.compile(f"(?<=[{_LETTER}]) *, *(?=[{_LETTER}])"), "، ", guard=(",",)),
    _Rewrite(re.compile(f"(?<=[{_LETTER}]) *; *(?=[{_LETTER}])"), "؛ ", guard=(";",)),
    _Rewrite(re.compile(f"(?<=[{_LETTER}]) *\\?"), "؟", guard=("?",)),
    # Rule 6: whitespace runs (single spaces and single line breaks are already right).
    _Rewrite(
        re.compile("[ \n]{2,}"),
        lambda m: "\n" if "\n" in m.group() else " ",
        guard=("  ", " \n", "\n ", "\n\n"),
        guard_starts_every_match=True,
    ),
)


def _occurrences(text: str, substring: str) -> Iterator[int]:
    """Every index where ``substring`` occurs in ``text`` (overlapping ones too)."""
    position = text.find(substring)
    while position != -1:
        yield position
        position = text.find(substring, position + 1)


_STRIPPED = " \n"


def normalize(text: str) -> str:
    """The comparison form of ``text`` (see the module docstring for the rules). Idempotent; never raises."""
    if _COMPOSE.applies_to(text):
        text = _COMPOSE.pattern.sub(_COMPOSE.replacement, text)
    text = _apply_character_table(text)
    for rewrite in _REWRITES:
        if rewrite.applies_to(text):
            text = rewrite.apply(text)
    return text.strip(_STRIPPED)


@dataclass(frozen=True, slots=True)
class _Step:
    """The resizing edits of one normalisation step, as parallel sorted lists: the input span
    ``[in_starts[i], in_ends[i])`` became the output span ``[out_starts[i], out_ends[i])``. Text between edits
    was copied (or substituted one character for one), so it maps by a constant shift."""

    in_starts: list[int]
    in_ends: list[int]
    out_starts: list[int]
    out_ends: list[int]

    @classmethod
    def from_edits(cls, edits: list[tuple[int, int, str]]) -> _Step:
        step = cls([], [], [], [])
        shift = 0
        for start, end, replacement in edits:
            step.in_starts.append(start)
            step.in_ends.append(end)
            step.out_starts.append(start + shift)
            step.out_ends.append(start + shift + len(replacement))
            shift += len(replacement) - (end - start)
        return step

    def start_before(self, position: int) -> int:
        """Where a span starting at output ``position`` starts in the input. Text deleted just before it
        is left out; a span starting inside a replacement starts where the replaced text did."""
        i = bisect_right(self.out_starts, position) - 1
        if i < 0:
            return position
        if position < self.out_ends[i]:
            return self.in_starts[i]
        return position - self.out_ends[i] + self.in_ends[i]

    def end_before(self, position: int) -> int:
        """Where a span ending (exclusively) at output ``position`` > 0 ends in the input. Text deleted just
        after it is left out; a span ending inside a replacement ends where the replaced text did."""
        last = position - 1
        i = bisect_right(self.out_starts, last) - 1
        if i < 0:
            return position
        if last < self.out_ends[i]:
            return self.in_ends[i]
        return position - self.out_ends[i] + self.in_ends[i]


@dataclass(frozen=True, slots=True)
class Normalized:
    """``text`` is ``normalize(original)``; ``to_original`` maps its spans back to ``original``."""

    original: str
    text: str
    _steps: tuple[_Step, ...] = field(repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that the normalised span ``text[start:end]`` came from.

        Deleted characters (marks, controls, collapsed spaces) at the edges of the span are left out;
        a span edge inside a replaced piece (a ligature, a rewritten «, ») widens to the whole piece.
        An empty span maps to an empty span. Raises ``ValueError`` unless ``0 <= start <= end <= len(text)``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the normalised text of length {len(self.text)}")
        if start == end:
            for step in reversed(self._steps):
                start = step.start_before(start)
            return start, start
        for step in reversed(self._steps):
            start, end = step.start_before(start), step.end_before(end)
        return start, end


def normalize_with_offsets(text: str) -> Normalized:
    """``normalize(text)`` together with the map back to ``text``'s offsets. Never raises."""
    original = text
    steps: list[_Step] = []

    def record(edits: list[tuple[int, int, str]]) -> None:
        if edits:
            steps.append(_Step.from_edits(edits))

    def rewrite_tracked(rewrite: _Rewrite, text: str) -> str:
        edits = rewrite.edits(text)
        record(edits)
        return _apply_edits(text, edits)

    if _COMPOSE.applies_to(text):
        text = rewrite_tracked(_COMPOSE, text)
    special = _RESIZED_OR_RARE.search(text)
    if special is not None:
        resized = _RESIZED_BY_TABLE.finditer(text, special.start())
        record([(m.start(), m.end(), m.group().translate(_CHARACTER_TABLE)) for m in resized])
    text = _apply_character_table(text, rare_from=special.start() if special else None)
    for rewrite in _REWRITES:
        if not rewrite.applies_to(text):
            continue
        text = rewrite.apply(text) if rewrite.keeps_length else rewrite_tracked(rewrite, text)
    stripped = text.strip(_STRIPPED)
    if stripped != text:
        leading = len(text) - len(text.lstrip(_STRIPPED))
        trailing_start = leading + len(stripped)
        record([(0, leading, ""), (trailing_start, len(text), "")])
    return Normalized(original=original, text=stripped, _steps=tuple(steps))


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)`` of the sorted, non-overlapping ``edits`` applied."""
    if not edits:
        return text
    pieces: list[str] = []
    copied_to = 0
    for start, end, replacement in edits:
        pieces.append(text[copied_to:start])
        pieces.append(replacement)
        copied_to = end
    pieces.append(text[copied_to:])
    return "".join(pieces)


def to_ascii_digits(s: str) -> str:
    """Every decimal digit (Persian, Arabic-Indic, full-width…) as ASCII ``0-9``; nothing else changes."""
    return s.translate(_DIGITS_TO_ASCII)


def to_persian_digits(s: str) -> str:
    """Every decimal digit as Persian «۰-۹», for display; nothing else changes."""
    return s.translate(_DIGITS_TO_PERSIAN)


# fold_for_index: verb prefixes and plural suffixes that writers attach with a space instead of a ZWNJ.
_DETACHED_PREFIX = re.compile(f"(?<![{_LETTER}])(ن?می) (?=[{_LETTER}])")
_DETACHED_PLURAL = re.compile(f"(?<=[{_LETTER}]) (ها|های|هایی)(?![{_LETTER}])")


def fold_for_index(text: str) -> str:
    """The one form that search indexes store and queries are folded to (SQLite FTS5 and PostgreSQL alike).

    ``normalize(text)``, then: lower case; «آ» → «ا» (people type «اب» for «آب» in queries); the verb
    prefixes «می»/«نمی» and the plural suffixes «ها»/«های»/«هایی» written with a space instead of a ZWNJ are
    joined to their word; and every ZWNJ is dropped. So «می‌شود», «میشود» and «می شود» all fold to «میشود»,
    and «کتاب‌ها», «کتابها» and «کتاب ها» to «کتابها». A standalone «می» not followed by a Persian word is
    left alone. Idempotent.
    """
    text = normalize(text).lower().replace("آ", "ا")
    if "می " in text:
        text = _DETACHED_PREFIX.sub(r"\1", text)
    if " ها" in text:
        text = _DETACHED_PLURAL.sub(r"\1", text)
    return text.replace(ZWNJ, "")
