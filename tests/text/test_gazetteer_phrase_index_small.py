"""A small phrase index built on the fly (a text's own people) finds its first words by substring search in
the scan's joined keys; it must find exactly what a probe of every word finds."""

from ayneh.text import gazetteer as gz


def _by_probing_every_word(index: gz.PhraseIndex[str], words: gz.Scan) -> list[tuple[int, int, str]]:
    found, after = [], 0
    for i in words.positions(index.firsts):
        if i >= after and (match := index.match(words, i)) is not None:
            after = i + match[0]
            found.append((i, after, match[1]))
    return found


def test_small_index_finds_every_mention_once_and_longest_first() -> None:
    index = gz.PhraseIndex([("حسن نسیمی", "نسیمی"), ("نسیمی", "نسیمی"), ("علی رضایی", "رضایی"), ("رضایی", "رضایی")])
    words = gz.scan("حسن نسیمی گفت: نسیمی‌ها نه، اما نسیمی و علی رضایی و رضایی‌نژاد و رضایی آمدند. حسن نسیمی")
    assert list(index.find_all(words)) == [
        (0, 2, "نسیمی"),
        (6, 7, "نسیمی"),
        (8, 10, "رضایی"),
        (13, 14, "رضایی"),
        (15, 17, "نسیمی"),
    ]
    assert list(index.find_all(words)) == _by_probing_every_word(index, words)


def test_an_index_with_many_first_words_gives_the_same_as_a_small_one() -> None:
    firsts = [f"{stem}{chr(0x0628 + i)}" for stem in ("نام", "واژه") for i in range(18)]  # 36 first words
    phrases = [(f"{first} رضایی", first) for first in firsts] + [("رضایی", "r")]
    words = gz.scan(f"{firsts[3]} رضایی و رضایی و {firsts[35]} رضایی و {firsts[35]}")
    found = list(gz.PhraseIndex(phrases).find_all(words))
    assert found == [(0, 2, firsts[3]), (3, 4, "r"), (5, 7, firsts[35])]
    assert found == _by_probing_every_word(gz.PhraseIndex(phrases), words)
