"""Sentences and words of Persian news text.

Both functions take any text, raw or normalised (``ayneh.text.normalize``); they never change it, so the
spans and words they return are pieces of the text given.

Sentences end
- at a line break (a paragraph break always ends a sentence; CR, LS, PS and the like count too);
- after a run of «.» «؟» «?» «!» «…» that is followed by white space or the end of the text, together with
  the closing quotes and brackets that follow it («است.»» ends after the »);
- after «؟» «?» «!» directly followed by a letter, and after «.» directly followed by an Arabic-script letter
  when the word before it has two letters or more («است.او», a common missing space).

They do not end
- at a «.» between digits («2.5», «۱۴۰۰.۳.۱») or inside dotted abbreviations («ج.ا.ا», «ق.ظ»), web
  addresses and the like: a «.» followed directly by a letter or digit joins them;
- at a «.» after a one-letter initial («م. احمدی»);
- inside a «...» quotation closed on the same line: a statement quoted in several sentences is one unit
  for the quote finder; the sentence ends after its closing » if a terminator stands right before it.

Words are runs of letters and digits (with Arabic diacritics and tatweel, so raw text works too) joined by
ZWNJ («می‌شود» is one word), numbers with their decimal, thousand, date and time separators («2.5»,
«1,000», «1400/03/01», «10:30», «۲٫۵»), and dotted abbreviations («ج.ا.ا»). Punctuation is not a word.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Word characters: \w plus Arabic marks and tatweel, which \w does not include but raw text contains.
_WORD_CHAR = "[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]"
_ARABIC_LETTER = re.compile("[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff]")

WORD = re.compile(
    # a number with its separators; the digits of a group must follow a separator directly
    r"\d+(?:[.,/:٫٬]\d+)*(?!\w)"
    # a dotted abbreviation made of single letters
    f"|(?<!\\w){_WORD_CHAR}(?:\\.{_WORD_CHAR})+(?!\\w)"
    # a word, possibly joined by ZWNJ
    f"|{_WORD_CHAR}+(?:\u200c{_WORD_CHAR}+)*"
)

# A run of terminators with the closing quotes and brackets after it, and what directly follows.
_TERMINATOR = re.compile("[.!?؟…]+[»\"”')\\]]*")
_CLOSED_QUOTATION = re.compile("«[^«»\n]*»")
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
# Trimmed from sentence edges: every Unicode white space character, and the invisible ZWNJ and bidi marks.
_SPACE = "".join(char for char in map(chr, range(0x3001)) if char.isspace()) + "\u200c\u200e\u200f\ufeff"
# Latin titles that take a full stop mid-sentence (Persian abbreviations are dotted letters, handled above).
_LATIN_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Jr", "Sr", "St", "vs", "No"})
_WORD_BEFORE = re.compile("(\\w+)$")


def _is_initial(text: str, dot: int) -> bool:
    """The «.» at ``dot`` follows a one-letter word («م. احمدی»)."""
    return dot >= 1 and text[dot - 1].isalpha() and (dot == 1 or not text[dot - 2].isalnum())


def _is_latin_abbreviation(text: str, dot: int) -> bool:
    """The «.» at ``dot`` closes a Latin title such as «Dr.»."""
    match = _WORD_BEFORE.search(text, max(0, dot - 5), dot)
    return match is not None and match.group(1) in _LATIN_ABBREVIATIONS


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether the terminator run ``text[start:end]`` ends a sentence (see the module docstring)."""
    following = text[end] if end < len(text) else ""
    terminators = text[start:end].rstrip("»\"”')]")
    if not following or following.isspace():
        return not (terminators == "." and (_is_initial(text, start) or _is_latin_abbreviation(text, start)))
    if terminators[-1] in "!?؟" and following.isalpha():
        return True
    if terminators == "." and _ARABIC_LETTER.match(following):
        word_start = start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        return start - word_start >= 2
    return False


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` spans, in order, trimmed of surrounding white space;
    empty sentences are left out."""
    quotations = [(m.start(), m.end()) for m in _CLOSED_QUOTATION.finditer(text)] if "«" in text else []
    quotation_starts = [start for start, _ in quotations]
    cuts: list[int] = []
    for match in _TERMINATOR.finditer(text):
        start, end = match.span()
        if quotations:
            i = bisect_right(quotation_starts, start) - 1
            if i >= 0 and start < quotations[i][1] and end != quotations[i][1]:
                continue  # inside a quotation, and not the terminator that closes it
        if _ends_sentence(text, start, end):
            cuts.append(end)
    cuts.extend(m.start() for m in _LINE_BREAK.finditer(text))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in (*cuts, len(text)):
        piece = text[previous:cut]
        stripped = piece.strip(_SPACE)
        if stripped:
            start = previous + len(piece) - len(piece.lstrip(_SPACE))
            spans.append((start, start + len(stripped)))
        previous = cut
    return spans


def words(text: str) -> list[str]:
    """The words and numbers of ``text`` in order (see the module docstring); punctuation is left out."""
    return WORD.findall(text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``words(text)``."""
    return [m.span() for m in WORD.finditer(text)]
