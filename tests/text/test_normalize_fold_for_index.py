"""fold_for_index: the single form that search indexes store and queries are folded to."""

import pytest

from ayneh.text.normalize import ZWNJ, fold_for_index


@pytest.mark.parametrize("spelling", [f"می{ZWNJ}شود", "میشود", "می شود", "مي‌شود"])
def test_every_spelling_of_a_prefixed_verb_folds_to_one_form(spelling: str) -> None:
    assert fold_for_index(spelling) == "میشود"


@pytest.mark.parametrize("spelling", [f"نمی{ZWNJ}شود", "نمیشود", "نمی شود"])
def test_the_negative_prefix_folds_the_same_way(spelling: str) -> None:
    assert fold_for_index(spelling) == "نمیشود"


@pytest.mark.parametrize("spelling", [f"کتاب{ZWNJ}ها", "کتابها", "کتاب ها", "كتاب‌ها"])
def test_every_spelling_of_a_plural_folds_to_one_form(spelling: str) -> None:
    assert fold_for_index(spelling) == "کتابها"


def test_it_keeps_a_standalone_mi_that_prefixes_no_persian_word() -> None:
    assert fold_for_index("می 2") == "می 2"


def test_it_lower_cases_latin_and_reads_alef_madda_as_alef() -> None:
    assert fold_for_index("Ayneh آینه") == "ayneh اینه"


def test_it_is_idempotent_on_a_phrase() -> None:
    folded = fold_for_index("مي شود کتاب ها را خواند")
    assert fold_for_index(folded) == folded == "میشود کتابها را خواند"
