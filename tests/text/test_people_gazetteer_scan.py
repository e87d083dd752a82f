"""The shared word scan: keys, kinds, offsets on request, and phrase lookups over it."""

from ayneh.text import gazetteer as gz
from ayneh.text.gazetteer import Gap, Kind


def test_a_word_written_with_diacritics_stays_one_word_and_its_key_drops_them() -> None:
    words = gz.scan("مُحَمَّد رضایی")
    assert words.forms == ("مُحَمَّد", "رضایی")
    assert words.keys == ("محمد", "رضایی")


def test_stray_zwnj_in_raw_text_is_no_part_of_a_word() -> None:
    words = gz.scan("علی\u200c رضایی\u200c\u200c، \u200cگفت")
    assert words.forms == ("علی", "رضایی", "گفت")
    assert list(words.gaps[:2]) == [Gap.SPACE, Gap.COMMA]


def test_keys_fold_hamza_and_alef_madda_and_drop_zwnj() -> None:
    assert gz.scan("رئیس آموزش‌وپرورش").keys == ("رییس", "اموزشوپرورش")


def test_the_words_of_a_kind_are_found_without_visiting_every_word() -> None:
    words = gz.scan("به گزارش فارس، حسن نسیمی رئیس روابط عمومی اداره کل خوزستان گفت")
    assert [words.keys[i] for i in words.having(Kind.TITLE)] == ["رییس"]
    assert [words.keys[i] for i in words.having(Kind.SPEECH_VERB)] == ["گفت"]
    assert "حسن" in [words.keys[i] for i in words.having(Kind.GIVEN_NAME)]


def test_positions_of_a_key_and_of_a_prefix() -> None:
    words = gz.scan("نسیمی گفت نسیمی‌ها و سیدعلی و نسیمی")
    assert words.positions_of("نسیمی") == [0, 6]
    assert words.positions_starting_with("سید") == [4]


def test_offsets_on_request_match_the_callers_text() -> None:
    text = "«علي رضايي»، گفت: بله"
    words = gz.scan(text)
    assert [text[words.start(i) : words.end(i)] for i in range(len(words))] == ["علي", "رضايي", "گفت", "بله"]
    assert list(words.starts) == [words.start(i) for i in range(len(words))]
    start, end = words.span(0, 2)
    assert text[start:end] == "علي رضايي"


def test_a_phrase_index_reads_across_commas_only_when_asked() -> None:
    index = gz.PhraseIndex([("تعاون، کار و رفاه اجتماعی", "ministry"), ("تعاون", "word")])
    words = gz.scan("وزیر تعاون، کار و رفاه اجتماعی")
    assert index.match(words, 1) == (1, "word")
    assert index.match(words, 1, max_gap=Gap.COMMA) == (5, "ministry")


def test_a_phrase_written_joined_up_is_found_as_one_word() -> None:
    index = gz.PhraseIndex([("مدیر کل", "head")])
    assert index.match(gz.scan("مدیرکل"), 0) == (1, "head")
    assert index.match(gz.scan("مدیر‌کل"), 0) == (1, "head")
