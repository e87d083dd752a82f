"""A ministry's name misspelt by one letter right after a head word is read as the ministry's name."""

from ayneh.text.organizations import find_organizations


def test_a_ministrys_name_misspelt_by_a_letter_after_a_head_is_read_whole() -> None:
    text = "اداره کل تعان، کار و رفاه اجتماعی استان یزد جلسه‌ای برگزار کرد."
    assert find_organizations(text) == ["اداره کل تعاون، کار و رفاه اجتماعی استان یزد"]


def test_a_word_two_letters_away_is_not_taken_for_the_ministry() -> None:
    assert find_organizations("اداره کل تعامل، کار و رفاه اجتماعی") == ["اداره کل تعامل"]


def test_the_misspelt_first_word_alone_is_not_the_ministry() -> None:
    assert find_organizations("اداره کل تعان برگزار کرد.") == ["اداره کل تعان"]
