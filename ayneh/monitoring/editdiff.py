"""How an outlet edited a release, for a person to read: the article's text in order, with what it added
marked as inserted, what it dropped from the release marked as deleted, and its credit line marked.

The sentence alignment and the pairing of edited sentences are `ayneh.text.textdiff`'s (spelling-only
changes — Arabic «ي ك», digits, ZWNJ, punctuation — are not edits). This module places those changes in the
article's running text: unchanged sentences are kept as written by the outlet, a dropped release sentence
is shown where it would have stood, and an edited sentence is shown word by word. Segments that come from
the article keep their offsets in it, so the credit line (offsets from the analysis) is marked wherever it
falls — inside an unchanged sentence or an added one.
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass
from typing import Literal

from ayneh.text.normalize import fold_for_index
from ayneh.text.textdiff import diff_versions
from ayneh.text.tokenize import sentences, word_spans, words

SegmentKind = Literal["same", "inserted", "deleted"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the shown text. `credit` marks the article's credit line («به نقل از روابط عمومی ...»)."""

    kind: SegmentKind
    text: str
    credit: bool = False


@dataclass(frozen=True, slots=True)
class EditSummary:
    """How much the outlet changed: the share of the release's words it kept, and the words it added and
    dropped (compared in index form)."""

    kept_share: float
    release_words: int
    words_added: int
    words_dropped: int
    sentences_added: int
    sentences_dropped: int
    sentences_edited: int

    @property
    def edited_share(self) -> float:
        """How much of the two texts is not shared: words added and dropped over all words of both (0 for
        a verbatim copy, 1 for a different text). An outlet that keeps every word of the release but adds
        as many of its own has edited half of it."""
        kept = self.release_words - self.words_dropped
        total = self.release_words + kept + self.words_added
        return 1.0 - 2 * kept / total if total else 0.0


@dataclass(frozen=True, slots=True)
class EditDiff:
    segments: list[Segment]
    summary: EditSummary


# (kind, text, start in the article or None for text only in the release)
_Piece = tuple[SegmentKind, str, int | None]


def _key(text: str) -> tuple[str, ...]:
    return tuple(words(fold_for_index(text)))


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end in sentences(text) if _key(text[start:end])]


def _word_pieces(before: str, after: str, after_start: int) -> list[_Piece]:
    """An edited sentence, word by word: the article's sentence with removed words of the release's shown
    where they stood. Everything between words (spaces, punctuation) is the article's."""
    before_spans, after_spans = word_spans(before), word_spans(after)
    matcher = difflib.SequenceMatcher(
        None,
        [fold_for_index(before[s:e]) for s, e in before_spans],
        [fold_for_index(after[s:e]) for s, e in after_spans],
        autojunk=False,
    )
    pieces: list[_Piece] = []
    cursor = 0  # in `after`
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            dropped = " ".join(before[s:e] for s, e in before_spans[i1:i2])
            if j1 < len(after_spans) and tag == "replace":
                start = after_spans[j1][0]
                pieces.append(("same", after[cursor:start], after_start + cursor))
                cursor = start
            pieces.append(("deleted", dropped, None))
        if tag in ("insert", "replace", "equal") and j2 > j1:
            start, end = after_spans[j1][0], after_spans[j2 - 1][1]
            pieces.append(("same", after[cursor:start], after_start + cursor))
            kind: SegmentKind = "same" if tag == "equal" else "inserted"
            pieces.append((kind, after[start:end], after_start + start))
            cursor = end
    pieces.append(("same", after[cursor:], after_start + cursor))
    return pieces


def _stretch_pieces(
    release: str, article: str, a_span: tuple[int, int], b_span: tuple[int, int], counts: dict[str, int]
) -> list[_Piece]:
    """A changed stretch: textdiff's operations on the stretch, placed in the article's text (and counted
    in `counts` by kind)."""
    a_text = release[a_span[0] : a_span[1]]
    b_text = article[b_span[0] : b_span[1]]
    pieces: list[_Piece] = []
    cursor = 0  # in b_text
    for op in diff_versions(a_text, b_text):
        counts[op.kind] += 1
        if op.kind == "removed" or op.after_span is None:
            pieces.append(("deleted", (op.before or "").strip(), None))
            continue
        start, end = op.after_span
        pieces.append(("same", b_text[cursor:start], b_span[0] + cursor))
        if op.kind == "added":
            pieces.append(("inserted", b_text[start:end], b_span[0] + start))
        else:
            pieces.extend(_word_pieces(op.before or "", b_text[start:end], b_span[0] + start))
        cursor = end
    pieces.append(("same", b_text[cursor:], b_span[0] + cursor))
    return pieces


def _credited(pieces: list[_Piece], credit: tuple[int, int] | None) -> list[Segment]:
    """Pieces as segments, split where the credit line begins and ends; empty pieces dropped."""
    segments: list[Segment] = []
    for kind, text, start in pieces:
        if not text:
            continue
        if credit is None or start is None or start + len(text) <= credit[0] or start >= credit[1]:
            segments.append(Segment(kind, text))
            continue
        cuts = sorted({0, len(text), *(c - start for c in credit if 0 < c - start < len(text))})
        for left, right in itertools.pairwise(cuts):
            inside = credit[0] <= start + left and start + right <= credit[1]
            segments.append(Segment(kind, text[left:right], inside))
    return _merged(segments)


def _merged(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and (merged[-1].kind, merged[-1].credit) == (segment.kind, segment.credit):
            merged[-1] = Segment(segment.kind, merged[-1].text + segment.text, segment.credit)
        else:
            merged.append(segment)
    return merged


def edit_diff(release: str, article: str, *, credit: tuple[int, int] | None = None) -> EditDiff:
    """The article (`article`) against the release text it carries (`release`), as segments in the
    article's order, and a summary. `credit` is the credit line's span in `article`, if it has one."""
    before, after = _sentence_spans(release), _sentence_spans(article)
    matcher = difflib.SequenceMatcher(
        None,
        [_key(release[s:e]) for s, e in before],
        [_key(article[s:e]) for s, e in after],
        autojunk=False,
    )
    pieces: list[_Piece] = []
    cursor = 0  # in article
    counts = {"added": 0, "removed": 0, "edited": 0}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if j2 > j1:
            b_span = (after[j1][0], after[j2 - 1][1])
        else:  # only dropped sentences: shown where the next kept sentence begins
            at = after[j1][0] if j1 < len(after) else len(article)
            b_span = (at, at)
        pieces.append(("same", article[cursor : b_span[0]], cursor))
        if i2 > i1:
            a_span = (before[i1][0], before[i2 - 1][1])
            pieces.extend(_stretch_pieces(release, article, a_span, b_span, counts))
        else:
            pieces.append(("inserted", article[b_span[0] : b_span[1]], b_span[0]))
            counts["added"] += j2 - j1
        cursor = b_span[1]
    pieces.append(("same", article[cursor:], cursor))

    release_words, article_words = _key(release), _key(article)
    words_matcher = difflib.SequenceMatcher(None, release_words, article_words, autojunk=False)
    kept = sum(block.size for block in words_matcher.get_matching_blocks())
    summary = EditSummary(
        kept_share=kept / len(release_words) if release_words else 1.0,
        release_words=len(release_words),
        words_added=len(article_words) - kept,
        words_dropped=len(release_words) - kept,
        sentences_added=counts["added"],
        sentences_dropped=counts["removed"],
        sentences_edited=counts["edited"],
    )
    return EditDiff(_credited(pieces, credit), summary)
