"""Shingles: three words of the folded text, blind to spelling variants, sensitive to the words."""

import json
from pathlib import Path

import numpy as np
import pytest

from ayneh.text.normalize import fold_for_index
from ayneh.text.shingles import shingle_batch, shingle_set


@pytest.mark.parametrize(
    ("written", "variant"),
    [
        ("وزیر کار گفت که این طرح اجرا می‌شود", "وزير كار گفت كه اين طرح اجرا مي‌شود"),  # Arabic letters
        ("در سال ۱۴۰۰ بیش از ۲۰ طرح", "در سال 1400 بیش از 20 طرح"),  # Persian and ASCII digits
        ("این طرح اجرا می‌شود و کتاب‌ها", "این طرح اجرا می شود و کتاب ها"),  # ZWNJ written as a space
        ("این طرح اجرا میشود و کتابها", "این طرح اجرا می‌شود و کتاب‌ها"),  # ZWNJ left out
        ("وزیر گفت: «طرح اجرا شد.»", "وزیر گفت، طرح اجرا شد"),  # punctuation
        ("مدیرِ کل گفت", "مدیر کل گفت"),  # diacritics
    ],
)
def test_spelling_variants_have_the_same_shingles(written: str, variant: str) -> None:
    assert shingle_set(written).tolist() == shingle_set(variant).tolist()


def test_shingles_follow_word_order() -> None:
    assert shingle_set("وزیر کار امروز گفت").tolist() != shingle_set("امروز وزیر کار گفت").tolist()


def test_a_text_of_n_words_has_n_minus_two_shingles() -> None:
    batch = shingle_batch(["یک دو سه چهار پنج", "یک دو", "یک", "", "« » ، :"])
    assert np.diff(batch.offsets).tolist() == [3, 1, 1, 0, 0]


def test_one_and_two_word_texts_differ_from_each_other() -> None:
    assert shingle_set("سلام").tolist() != shingle_set("سلام دنیا").tolist()


def test_a_text_has_the_shingles_of_its_folded_form_on_real_news(shared_data: Path) -> None:
    # Shingling folds token by token; folding the whole text first must give the same shingles.
    texts = [
        "\n".join([a["title"], a["abstract"], *a["paragraphs"]])
        for a in json.loads((shared_data / "fars-news" / "fars-news-1.json").read_text(encoding="utf-8"))
    ]
    same = sum(shingle_set(t).tolist() == shingle_set(fold_for_index(t)).tolist() for t in texts)
    assert same >= 0.99 * len(texts)


def test_the_words_do_not_depend_on_what_the_token_memo_remembers() -> None:
    from ayneh.text.shingles import _TokenTable  # the memo is private; its invariant is worth a test

    texts = ["خمینی(ره) گفت: کتاب ها را می خوانیم", "وزير كار گفت اين طرح اجرا مي شود", "است.او آمد"] * 2
    tiny, fresh = _TokenTable(max_tokens=3), _TokenTable()
    assert [tiny.word_hashes(t) for t in texts] == [fresh.word_hashes(t) for t in texts]
