"""Tokens folded many at a time (one fold per block) are remembered exactly as when folded one by one,
including tokens that fold to nothing, and shingles do not depend on which texts came before."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ayneh.text import shingles
from ayneh.text.shingles import _TokenTable, shingle_batch
from tests.text.neardup_stories import STORIES

# Letters, a ZWNJ, tatweel, diacritics, Arabic letters and digits, punctuation: what news tokens are made of.
TOKEN_CHARACTERS = "ابپتکگیيكهمیآ\u200c\u0640\u064e\u0650ـ۱۲1٢«»،.:؟()-ها"
TOKENS = st.lists(st.text(alphabet=TOKEN_CHARACTERS, min_size=1, max_size=8), max_size=60)


def remembered(table: _TokenTable) -> tuple[object, ...]:
    return table.hashes, table.flags, table.irregular, dict(table.single)


@given(TOKENS)
@settings(max_examples=200, deadline=None)
def test_folding_a_block_remembers_what_folding_each_token_does(tokens: list[str]) -> None:
    one_by_one, in_blocks = _TokenTable(), _TokenTable()
    for token in tokens:
        one_by_one.learn(token)
    in_blocks.learn_many(tokens)

    assert remembered(in_blocks) == remembered(one_by_one)


def test_tokens_that_fold_to_nothing_do_not_shift_their_neighbours() -> None:
    tokens = ["کتاب", "\u0640", "می", "\u200c", "شود", "\u064e", "ها"]
    one_by_one, in_blocks = _TokenTable(), _TokenTable()
    for token in tokens:
        one_by_one.learn(token)
    in_blocks.learn_many(tokens)

    assert remembered(in_blocks) == remembered(one_by_one)
    assert in_blocks.single["\u0640"] == 0
    assert in_blocks.single["کتاب"] != 0


def test_a_texts_shingles_do_not_depend_on_a_cold_or_warm_memo() -> None:
    saved = shingles._TOKENS
    try:
        shingles._TOKENS = _TokenTable()
        cold = shingle_batch(list(STORIES))
        warm = shingle_batch(list(STORIES))
        shingles._TOKENS = _TokenTable()
        alone = [shingle_batch([story]).hashes for story in STORIES]
    finally:
        shingles._TOKENS = saved

    np.testing.assert_array_equal(cold.hashes, warm.hashes)
    np.testing.assert_array_equal(cold.hashes, np.concatenate(alone))
