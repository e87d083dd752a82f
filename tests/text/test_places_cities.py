"""find_cities: capitals and major cities, without the city names that are everyday words."""

from ayneh.text.places import find_cities


def test_it_finds_capitals_and_county_seats_once_each() -> None:
    assert find_cities("از اهواز تا دزفول و دوباره اهواز") == ["اهواز", "دزفول"]


def test_it_reads_multiword_and_joined_city_names() -> None:
    assert find_cities("بندر عباس، خرم‌آباد و تربت حیدریه") == ["بندرعباس", "خرم‌آباد", "تربت حیدریه"]


def test_it_leaves_out_city_names_that_are_everyday_words() -> None:
    assert find_cities("در میانه راه، نور بهار بر بافت قدیمی تابید") == []
