"""What changed between two versions of a story: sentences added, removed or edited, and the edited words.

``diff_versions(a, b)`` compares the sentences of ``a`` (the earlier version) and ``b`` (``tokenize.sentences``)
by their words in index form (``fold_for_index``), so changes of spelling only — Arabic «ي ك», digits,
ZWNJ, diacritics, punctuation — are not edits. Sentences are aligned with ``difflib``; inside a changed
stretch, a removed and an added sentence that share at least half their words (``EDITED_MIN_RATIO``, in
order) are one *edited* sentence, reported with its word-level changes. Everything is reported in the
texts' own spelling, with the spans where it stands, in reading order. Unchanged sentences are not
reported, so two versions that differ only in spelling give ``[]``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from ayneh.text.normalize import fold_for_index
from ayneh.text.tokenize import sentences, word_spans, words

EDITED_MIN_RATIO = 0.5


@dataclass(frozen=True, slots=True)
class WordEdit:
    """Words of an edited sentence: ``before`` (as in the earlier version) became ``after``; one of them is
    empty for a pure insertion or deletion."""

    kind: Literal["inserted", "deleted", "replaced"]
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One changed sentence. ``before``/``after`` are the sentence in ``a``/``b`` (``None`` for an added /
    removed sentence) and ``before_span``/``after_span`` where it stands there; ``words`` lists the word
    changes of an edited sentence."""

    kind: Literal["added", "removed", "edited"]
    before: str | None
    after: str | None
    before_span: tuple[int, int] | None
    after_span: tuple[int, int] | None
    words: tuple[WordEdit, ...] = ()


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    span: tuple[int, int]
    key: tuple[str, ...]  # its words in index form


def _sentences(text: str) -> list[_Sentence]:
    found = []
    for start, end in sentences(text):
        piece = text[start:end]
        found.append(_Sentence(piece, (start, end), tuple(words(fold_for_index(piece)))))
    return [s for s in found if s.key]  # a "sentence" of punctuation only is not content


_OPCODE_KINDS: dict[str, Literal["inserted", "deleted", "replaced"]] = {
    "insert": "inserted",
    "delete": "deleted",
    "replace": "replaced",
}


def _word_edits(before: str, after: str) -> tuple[WordEdit, ...]:
    """The word changes from ``before`` to ``after``, compared in index form, reported as written."""
    before_words = [before[s:e] for s, e in word_spans(before)]
    after_words = [after[s:e] for s, e in word_spans(after)]
    matcher = difflib.SequenceMatcher(
        None, [fold_for_index(w) for w in before_words], [fold_for_index(w) for w in after_words], autojunk=False
    )
    return tuple(
        WordEdit(_OPCODE_KINDS[tag], " ".join(before_words[i1:i2]), " ".join(after_words[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def _removed(sentence: _Sentence) -> DiffOp:
    return DiffOp("removed", sentence.text, None, sentence.span, None)


def _added(sentence: _Sentence) -> DiffOp:
    return DiffOp("added", None, sentence.text, None, sentence.span)


def _edited(before: _Sentence, after: _Sentence) -> DiffOp:
    return DiffOp("edited", before.text, after.text, before.span, after.span, _word_edits(before.text, after.text))


def _similarity(before: _Sentence, after: _Sentence) -> float:
    return difflib.SequenceMatcher(None, before.key, after.key, autojunk=False).ratio()


def _diff_changed_stretch(removed: list[_Sentence], added: list[_Sentence]) -> list[DiffOp]:
    """Pair the sentences of a changed stretch in order: each removed sentence is an edit of the first
    added sentence after the last pairing that it resembles enough (the most similar one), else removed."""
    ops: list[DiffOp] = []
    next_added = 0
    for before in removed:
        ratios = [_similarity(before, after) for after in added[next_added:]]
        best = max(range(len(ratios)), key=ratios.__getitem__, default=None)
        if best is None or ratios[best] < EDITED_MIN_RATIO:
            ops.append(_removed(before))
            continue
        ops.extend(_added(after) for after in added[next_added : next_added + best])
        ops.append(_edited(before, added[next_added + best]))
        next_added += best + 1
    ops.extend(_added(after) for after in added[next_added:])
    return ops


def diff_versions(a: str, b: str) -> list[DiffOp]:
    """The sentence changes that turn ``a`` into ``b``, in reading order (see the module docstring).
    Never raises."""
    before, after = _sentences(a), _sentences(b)
    matcher = difflib.SequenceMatcher(None, [s.key for s in before], [s.key for s in after], autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        ops.extend(_diff_changed_stretch(before[i1:i2], after[j1:j2]))
    return ops
