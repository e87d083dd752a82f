"""A province name after a word for a town names a town; it is the province only where its capital bears it."""

from ayneh.text.places import find_provinces


def test_a_town_named_like_a_province_is_not_the_province() -> None:
    assert find_provinces("شهردار گلستان از آغاز طرح خبر داد.") == []
    assert find_provinces("اعضای شورای شهر البرز و شهرداری گلستان دیدار کردند.") == []
    assert find_provinces("مدیریت شهری گلستان پروژه را پیش برد.") == []


def test_a_capital_that_shares_its_provinces_name_still_counts() -> None:
    assert find_provinces("شهرداری تهران و شهرستان اصفهان طرح را اجرا کردند.") == ["تهران", "اصفهان"]


def test_the_province_itself_is_still_read_beside_the_town() -> None:
    assert find_provinces("شهردار گلستان گفت در استان گلستان نیز چنین است.") == ["گلستان"]
