"""«فردا» after a noun of a name that means "of the future" («مسکن فردا») is not tomorrow."""

import datetime as dt

import pytest

from ayneh.text.dates import find_dates

MONDAY_3_KHORDAD_1400 = dt.date(2021, 5, 24)
TOMORROW = dt.date(2021, 5, 25)


@pytest.mark.parametrize("text", ["همایش مسکن فردا در تهران", "جشنواره نسل فردا برگزار شد", "کتاب جهان فردا"])
def test_farda_in_a_name_of_the_future_is_not_a_date(text: str) -> None:
    assert find_dates(text, reference=MONDAY_3_KHORDAD_1400) == []


@pytest.mark.parametrize(
    "text",
    ["مسابقات اسکواش فردا برگزار می‌شود", "مردم این شهر فردا رأی می‌دهند", "نشست فردا ساعت ۱۰ آغاز می‌شود"],
)
def test_farda_after_other_words_is_still_tomorrow(text: str) -> None:
    [mention] = find_dates(text, reference=MONDAY_3_KHORDAD_1400)
    assert (mention.text, mention.date) == ("فردا", TOMORROW)
