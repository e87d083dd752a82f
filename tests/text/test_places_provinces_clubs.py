"""A province name inside a sports club's name («نفت تهران»، «استقلال خوزستان») is not the province."""

from ayneh.text.places import find_provinces


def test_a_club_named_after_its_province_is_not_the_province() -> None:
    assert find_provinces("هواداران استقلال خوزستان و داماش گیلان به ورزشگاه آمدند.") == []
    assert find_provinces("تیم ذوب آهن اصفهان در خانه پیروز شد.") == []


def test_industry_words_are_a_club_only_where_the_sentence_speaks_of_a_team() -> None:
    assert find_provinces("تیم فوتبال ما در بازی دوستانه مقابل نفت تهران مساوی کرد.") == []
    assert find_provinces("پالایشگاه نفت تهران و صنایع فولاد خوزستان تعطیل شدند.") == ["تهران", "خوزستان"]
    assert find_provinces("تولید ذوب‌آهن اصفهان افزایش یافت.") == ["اصفهان"]


def test_the_province_named_elsewhere_in_the_text_still_counts() -> None:
    text = "سپاهان اصفهان قهرمان شد.\nاستاندار اصفهان به تیم تبریک گفت."
    assert find_provinces(text) == ["اصفهان"]
