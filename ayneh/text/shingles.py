"""Word 3-shingles of Persian text, as 64-bit hashes, for near-duplicate detection.

A shingle is three consecutive words of the text in its index form (``fold_for_index``: normalised letters
and digits, lower-case Latin, «آ» read as «ا», ZWNJ dropped, detached «می»/«ها» joined; words as
``ayneh.text.tokenize.words`` cuts them), so two copies that differ only in Arabic «ي ك», digits,
diacritics or ZWNJ have the same shingles. Punctuation is not a word, so «گفت:» and «گفت،» are the same
word. A text of one or two words has one shingle, of its words; a text without words has none.

Speed: folding a whole article costs more than everything else together, but news vocabulary is Zipfian,
so the text is split at white space and each distinct *token* is folded, tokenised and hashed once, then
remembered (``_TokenTable``). After a few hundred articles almost every token is a hit, and a text costs a
``str.split`` and one dictionary look-up per token. The rules of ``fold_for_index`` that look across a
space (a detached «می»/«نمی» prefix, a detached «ها»/«های»/«هایی» suffix) are applied by joining those
tokens to their neighbour before the look-up, so the words are those of ``words(fold_for_index(text))``
(up to freak cases such as a prefix alone at the end of a line).

Hashes are deterministic (BLAKE2b of each word, then a fixed mix of three word hashes): the same text has
the same shingles in every process, which keeps grouping reproducible.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ayneh.text.normalize import fold_for_index
from ayneh.text.tokenize import words

SHINGLE_WORDS = 3

# Odd 64-bit multipliers that weigh each position of a shingle differently (fixed: results must reproduce).
_POSITION_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
# The finaliser of MurmurHash3 (fmix64): every input bit affects every output bit.
_MIX_MULTIPLIER_1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX_MULTIPLIER_2 = np.uint64(0xC4CEB9FE1A85EC53)
_WORD_HASH_MASK = (1 << 62) - 1

# Folded words that ``fold_for_index`` joins to the next word (verb prefixes) or to the previous one
# (plural suffixes) when a space separates them.
_DETACHED_PREFIXES = frozenset({"می", "نمی"})
_DETACHED_SUFFIXES = frozenset({"ها", "های", "هایی"})

# Bits of ``_TokenTable.flags``: how a token may join its neighbours.
_IS_PREFIX = 1  # folds to «می» or «نمی», possibly after opening punctuation
_IS_SUFFIX = 2  # folds to «ها»/«های»/«هایی», possibly before closing punctuation
_STARTS_WITH_LETTER = 4  # an Arabic-script letter, as in fold_for_index's rules
_ENDS_WITH_LETTER = 8
# Tokens folded per ``fold_for_index`` call when many are new at once (``_TokenTable.learn_many``).
_FOLD_BLOCK = 512
_ARABIC_SCRIPT_LETTER = re.compile("[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff]")


def _word_hash(word: str) -> int:
    """62 bits of BLAKE2b of the word, never 0 (0 marks "no word" in ``_TokenTable.single``). 62 bits keep
    the Python ints in the fast path of their conversion to numpy, the conversion that costs most per word."""
    digest = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
    return (digest & _WORD_HASH_MASK) or 1


def _mix(values: np.ndarray) -> np.ndarray:
    """fmix64 of every element (a new array); multiplication wraps modulo 2**64 as intended."""
    h = values ^ (values >> np.uint64(33))
    h *= _MIX_MULTIPLIER_1
    h ^= h >> np.uint64(33)
    h *= _MIX_MULTIPLIER_2
    h ^= h >> np.uint64(33)
    return h


def _token_flags(folded: str, token_words: list[str]) -> int:
    if not token_words:
        return 0
    flags = 0
    if _ARABIC_SCRIPT_LETTER.match(folded):
        flags |= _STARTS_WITH_LETTER
    if _ARABIC_SCRIPT_LETTER.match(folded[-1]):
        flags |= _ENDS_WITH_LETTER
    if len(token_words) == 1:
        word = token_words[0]
        if word in _DETACHED_PREFIXES and folded.endswith(word):
            flags |= _IS_PREFIX
        if word in _DETACHED_SUFFIXES and folded.startswith(word):
            flags |= _IS_SUFFIX
    return flags


class _SingleHashes(dict[str, int]):
    """raw token → the hash of its one folded word (0 for a token without words), filled on first sight
    (``__missing__``) so that hits stay inside the C dictionary look-up."""

    def __init__(self, table: _TokenTable) -> None:
        super().__init__()
        self._table = table
        # While a batch is looked up (``_TokenTable.batch_hashes``), unseen tokens are collected here, to be
        # learnt together, instead of learnt one by one.
        self.unseen: list[str] | None = None

    def __missing__(self, token: str) -> int:
        if self.unseen is not None:
            self.unseen.append(token)
            return 0
        return self._table.learn(token)


class _TokenTable:
    """A bounded memo of ``fold_for_index`` + ``words`` + hashing per whitespace-separated token.

    Most tokens fold to exactly one word or to none (punctuation): ``single`` maps them to a hash or 0, and
    a text made only of such tokens costs one C-level ``map`` over its tokens. ``irregular`` holds the
    tokens that break this (two or more words, as in «خمینی(ره)» or «است.او», or a detached prefix or
    suffix); a text that contains one takes the slower path through ``hashes``. When ``max_tokens``
    distinct tokens have been seen the memo starts afresh: only speed depends on it, never results.
    """

    def __init__(self, max_tokens: int = 300_000) -> None:
        self.max_tokens = max_tokens
        self.single = _SingleHashes(self)
        self.hashes: dict[str, tuple[int, ...]] = {}
        self.flags: dict[str, int] = {}
        self.irregular: set[str] = set()

    def learn(self, token: str) -> int:
        """Fold, cut and hash ``token``, remember it, and return its ``single`` value."""
        return self._learn_folded(token, fold_for_index(token))

    def learn_many(self, tokens: Sequence[str]) -> None:
        """``learn`` every token, folding them ``_FOLD_BLOCK`` at a time in one ``fold_for_index`` call (its
        fixed cost per call is most of the cost of folding one token). The tokens of a block are joined by
        line breaks, which no rule of the fold looks across; a block where a token folds to nothing (a lone
        tatweel, diacritic or ZWNJ) comes back with fewer lines and is folded token by token instead."""
        for start in range(0, len(tokens), _FOLD_BLOCK):
            block = tokens[start : start + _FOLD_BLOCK]
            folded = fold_for_index("\n".join(block)).split("\n")
            if len(folded) != len(block):
                folded = [fold_for_index(token) for token in block]
            for token, token_folded in zip(block, folded, strict=True):
                self._learn_folded(token, token_folded)

    def make_room(self) -> None:
        """Start afresh when the memo is full (call between texts, never within one: a text's tokens must all
        be classified alike)."""
        if len(self.flags) >= self.max_tokens:
            self.single.clear()
            self.hashes.clear()
            self.flags.clear()
            self.irregular.clear()

    def _learn_folded(self, token: str, folded: str) -> int:
        token_words = words(folded)
        hashes = tuple(_word_hash(word) for word in token_words)
        flags = _token_flags(folded, token_words)
        self.hashes[token] = hashes
        self.flags[token] = flags
        self.single[token] = hashes[0] if hashes else 0
        if len(hashes) > 1 or flags & (_IS_PREFIX | _IS_SUFFIX):
            self.irregular.add(token)
        return self.single[token]

    def word_hashes(self, text: str) -> list[int]:
        """The hashes of the words of ``fold_for_index(text)`` in order, with a 0 wherever a token of the
        text has no word (callers drop them)."""
        self.make_room()
        return self.token_hashes(text.split())

    def token_hashes(self, tokens: list[str]) -> list[int]:
        """``word_hashes`` of a text given as its whitespace-separated tokens (no ``make_room``)."""
        hashes = list(map(self.single.__getitem__, tokens))  # learns every new token
        if self.irregular.isdisjoint(tokens):
            return hashes
        return self._word_hashes_with_irregular(tokens, hashes)

    def batch_hashes(self, texts: Sequence[str]) -> list[list[int]]:
        """``word_hashes`` of several texts, learning the tokens none of them has seen in one ``learn_many``:
        a first pass looks every text up and collects its unseen tokens; only the texts that had one are looked
        up again. (Each text is split and looked up at once: its fresh token strings are still in the CPU's
        cache then, which measurably beats splitting every text first.)"""
        self.make_room()
        unseen: list[str] = []
        results: list[list[int]] = []
        again: list[int] = []
        self.single.unseen = unseen
        try:
            for i, text in enumerate(texts):
                before = len(unseen)
                hashes = self.token_hashes(text.split())
                if len(unseen) > before:
                    again.append(i)
                results.append(hashes)
        finally:
            self.single.unseen = None
        if unseen:
            self.learn_many(sorted(set(unseen)))  # sorted: the same memo in every process
            for i in again:
                results[i] = self.token_hashes(texts[i].split())
        return results

    def _hashes_of(self, token: str) -> tuple[int, ...]:
        if token not in self.hashes:
            self.learn(token)
        return self.hashes[token]

    def _flags_of(self, token: str) -> int:
        if token not in self.flags:
            self.learn(token)
        return self.flags[token]

    def _word_hashes_with_irregular(self, tokens: list[str], singles: list[int]) -> list[int]:
        """``word_hashes`` for a text with irregular tokens: copy the regular stretches from ``singles``,
        splice in the words of each compound token, and join a detached «می»/«نمی» to the next token and a
        detached plural suffix to the previous one where ``fold_for_index`` would (a Persian letter on the
        other side of the space)."""
        out: list[int] = []
        done = 0  # tokens[:done] are in ``out``
        last_unit, last_unit_end = "", -1  # the last token (or joined tokens) spliced in, and where it ended
        for i in itertools.compress(range(len(tokens)), map(self.irregular.__contains__, tokens)):
            if i < done:
                continue  # already joined to a prefix before it
            out.extend(singles[done:i])
            token, flags = tokens[i], self.flags[tokens[i]]
            before = last_unit if last_unit_end == i else tokens[i - 1] if i else ""
            if flags & _IS_SUFFIX and before and self._flags_of(before) & _ENDS_WITH_LETTER:
                del out[len(out) - len(self._hashes_of(before)) :]
                unit, done = before + token, i + 1
            elif flags & _IS_PREFIX and i + 1 < len(tokens) and self._flags_of(tokens[i + 1]) & _STARTS_WITH_LETTER:
                unit, done = token + tokens[i + 1], i + 2
            else:
                unit, done = token, i + 1
            out.extend(self._hashes_of(unit))
            last_unit, last_unit_end = unit, done
        out.extend(singles[done:])
        return out


_TOKENS = _TokenTable()


@dataclass(frozen=True, slots=True)
class ShingleBatch:
    """The shingle hashes of several texts: text ``i`` has ``hashes[offsets[i]:offsets[i + 1]]``, in text
    order with repeats kept (none for a text without words)."""

    hashes: np.ndarray  # uint64
    offsets: np.ndarray  # int64, one more than the number of texts

    def __len__(self) -> int:
        return len(self.offsets) - 1


def shingle_batch(texts: Sequence[str]) -> ShingleBatch:
    """The shingle hashes of every text in ``texts``, combined in one vectorised pass."""
    all_words: list[int] = []
    token_ends = np.zeros(len(texts) + 1, dtype=np.int64)
    for i, text_hashes in enumerate(_TOKENS.batch_hashes(texts)):
        all_words.extend(text_hashes)
        token_ends[i + 1] = len(all_words)
    hashes = np.array(all_words, dtype=np.uint64)
    is_word = hashes != 0
    words_before = np.zeros(len(hashes) + 1, dtype=np.int64)
    np.cumsum(is_word, out=words_before[1:])
    word_starts = words_before[token_ends]  # where each text's words start in ``word_hashes``
    word_counts = np.diff(word_starts)
    word_hashes = hashes[is_word]

    # A text of n ≥ 3 words has n - 2 shingles; one of one or two words has one.
    shingle_counts = np.where(word_counts >= SHINGLE_WORDS, word_counts - (SHINGLE_WORDS - 1), word_counts > 0)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(shingle_counts, out=offsets[1:])
    total = int(offsets[-1])
    first_word = np.repeat(word_starts[:-1] - offsets[:-1], shingle_counts) + np.arange(total, dtype=np.int64)
    text_end = np.repeat(word_starts[1:], shingle_counts)

    # Padding lets a short text's shingle read past its last word; those positions count as zero.
    padded = np.concatenate([word_hashes, np.zeros(SHINGLE_WORDS, dtype=np.uint64)])
    combined = np.zeros(total, dtype=np.uint64)
    for position in range(SHINGLE_WORDS):
        index = first_word + position
        combined += np.where(index < text_end, padded[index], np.uint64(0)) * _POSITION_MULTIPLIERS[position]
    return ShingleBatch(hashes=_mix(combined), offsets=offsets)


def shingle_set(text: str) -> np.ndarray:
    """The distinct shingle hashes of ``text``, sorted (uint64; empty when the text has no words)."""
    return np.unique(shingle_batch([text]).hashes)
