"""find_provinces: the 31 provinces under their official names, and the words that only look like one."""

import pytest

from ayneh.text.places import find_provinces


def test_it_returns_official_names_once_in_order_of_first_mention() -> None:
    text = "سفر به خوزستان و سپس به سیستان و بلوچستان؛ خوزستان میزبان بود."
    assert find_provinces(text) == ["خوزستان", "سیستان و بلوچستان"]


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("آذربایجان‌شرقی", "آذربایجان شرقی"),
        ("آذربايجان غربي", "آذربایجان غربی"),
        ("کهگیلویه و بویر احمد", "کهگیلویه و بویراحمد"),
        ("چهار محال و بختیاری", "چهارمحال و بختیاری"),
        ("خراسان‌رضوی", "خراسان رضوی"),
    ],
)
def test_it_reads_the_common_variant_spellings(written: str, official: str) -> None:
    assert find_provinces(f"مسئولان استان {written} گفتند.") == [official]


def test_fars_the_news_agency_or_the_gulf_is_not_the_province() -> None:
    assert find_provinces("به گزارش خبرگزاری فارس، نفتکش در خلیج فارس توقیف شد. فارس گزارش داد.") == []


def test_fars_after_a_province_word_or_an_office_name_is_the_province() -> None:
    assert find_provinces("استاندار فارس گفت") == ["فارس"]
    assert find_provinces("مدیرکل فرهنگ و ارشاد اسلامی فارس گفت") == ["فارس"]


def test_markazi_the_adjective_is_not_the_province() -> None:
    assert find_provinces("بانک مرکزی و آسیای مرکزی") == []
    assert find_provinces("در استان مرکزی باران آمد") == ["مرکزی"]


def test_kurdistan_of_iraq_golestan_palace_and_the_alborz_mountains_are_not_provinces() -> None:
    assert find_provinces("اقلیم کردستان عراق، کاخ گلستان و رشته کوه البرز") == []
    assert find_provinces("استان‌های کردستان، گلستان و البرز") == ["کردستان", "گلستان", "البرز"]
