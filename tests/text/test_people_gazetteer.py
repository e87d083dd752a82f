"""The word lists and the scan behind the people, place and organisation finders."""

from ayneh.text import gazetteer as gz
from ayneh.text.gazetteer import Gap


def test_lookup_keys_forgive_arabic_letters_hamza_and_zwnj() -> None:
    assert gz.fold_key("رئيس") == gz.fold_key("رییس")
    assert gz.fold_key("تأمين") == gz.fold_key("تامین")
    assert gz.fold_key("مدیر‌کل") == gz.fold_key("مدیرکل")
    assert gz.fold_key("مُحَمَّد") == "محمد"


def test_a_scan_keeps_the_callers_offsets_and_classifies_gaps() -> None:
    text = "علي، «رضا» گفت: بله\nنه"
    words = gz.scan(text)
    assert [words.word(i) for i in range(len(words))] == ["علی", "رضا", "گفت", "بله", "نه"]
    assert [text[s:e] for s, e in zip(words.starts, words.ends, strict=True)] == ["علي", "رضا", "گفت", "بله", "نه"]
    assert list(words.gaps) == [Gap.QUOTE, Gap.QUOTE, Gap.BREAK, Gap.BREAK, Gap.BREAK]
    assert gz.scan("علی، رضا").gaps[0] == Gap.COMMA


def test_the_first_names_come_from_the_package_less_everyday_words() -> None:
    names = gz.first_names()
    assert len(names) > 15_000
    assert {"محمد", "کیانوش", "فاطمه"} <= names
    assert not {"کشور", "وزیر", "دولت"} & names


def test_there_are_31_provinces_and_every_city_belongs_to_one() -> None:
    provinces = {p.name for p in gz.provinces()}
    assert len(provinces) == 31
    assert all(city.province in provinces for city in gz.cities())
    assert all(p.capital in {c.name for c in gz.cities()} for p in gz.provinces())


def test_a_phrase_index_finds_the_longest_phrase() -> None:
    index = gz.PhraseIndex([("وزارت", "short"), ("وزارت کار", "long")])
    words = gz.scan("وزارت کار و وزارت")
    assert list(index.find_all(words)) == [(0, 2, "long"), (3, 4, "short")]
