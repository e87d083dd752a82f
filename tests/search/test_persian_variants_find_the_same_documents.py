"""Persian written in any of its everyday variants finds the same documents (issue 2, search)."""

import pytest

from ayneh.search.selectors import search_documents
from tests.search.conftest import IndexDocument

ZWNJ = "\u200c"

# Written the way a Persian keyboard writes it: Persian ی/ک, Persian digits, ZWNJ inside words.
PERSIAN_FORM = (
    "برگزاری ویدئوکنفرانس مدیران کل استان" + ZWNJ + "ها",
    "شمار بیمه" + ZWNJ + "شدگان تأمین اجتماعی در سال ۱۴۰۰ افزایش یافت و گزارش آن منتشر می" + ZWNJ + "شود.",
)
# The same news as an Arabic-keyboard source (or a windows-1256 feed) writes it: ي/ك, Arabic-Indic digits,
# no ZWNJ, plus diacritics and tatweel a typesetter added.
ARABIC_FORM = (
    "برگزاري ويدئوكنفرانس مديران كل استانها",
    "شمار بيمهشدگان تأمين اجتماعي در سال ١٤٠٠ افزايش يافت و گزارش آن منتشـــر ميشَود.",
)
UNRELATED = ("دیدار استاندار با کارگران نمونه", "کارگران نمونه استان در سال ۱۳۹۹ معرفی شدند.")


@pytest.fixture
def corpus(index_document: IndexDocument) -> None:
    index_document("persian-form", *PERSIAN_FORM, hours=1)
    index_document("arabic-form", *ARABIC_FORM, hours=2)
    index_document("unrelated", *UNRELATED, hours=3)


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("ویدئوکنفرانس", id="persian-letters"),
        pytest.param("ويدئوكنفرانس", id="arabic-yeh-and-kaf"),
        pytest.param("بیمه" + ZWNJ + "شدگان", id="with-zwnj"),
        pytest.param("بیمهشدگان", id="without-zwnj"),
        pytest.param("بيمهشدگان", id="arabic-yeh-without-zwnj"),
        pytest.param("منتشر می" + ZWNJ + "شود", id="verb-with-zwnj"),
        pytest.param("منتشر میشود", id="verb-without-zwnj"),
        pytest.param("تأمین ۱۴۰۰", id="persian-digits"),
        pytest.param("تأمین 1400", id="latin-digits"),
        pytest.param("تأمین ١٤٠٠", id="arabic-indic-digits"),
        pytest.param("بیمـــه" + ZWNJ + "شدگان", id="tatweel"),
        pytest.param("تَأمینِ اجتماعیْ", id="diacritics"),
        pytest.param('"مدیران کل"', id="phrase"),
        pytest.param("«مديران كل»", id="phrase-in-guillemets-arabic-letters"),
    ],
)
def test_it_finds_the_news_whichever_way_either_side_wrote_it(corpus: None, query: str) -> None:
    page = search_documents(query=query)

    assert set(page.keys) == {"persian-form", "arabic-form"}
    assert page.total == 2


def test_it_does_not_match_a_different_year_written_in_another_script(corpus: None) -> None:
    assert search_documents(query="١٣٩٩").keys == ["unrelated"]
    assert search_documents(query="1399 ویدئوکنفرانس").keys == []
