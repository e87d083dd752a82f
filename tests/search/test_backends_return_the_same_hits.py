"""One corpus, one table of queries and the exact hits they must return, newest first.

The suite runs on SQLite (FTS5 backend) and on PostgreSQL (full-text backend); because every row of this
table must hold on both, the two backends return the same hits for the same queries. Each row also pins
one piece of the query language documented in ayneh.search.terms.
"""

import pytest

from ayneh.search.selectors import search_documents
from tests.search.conftest import IndexDocument

CORPUS = [
    # key, office, hours after the base time, title, body
    (
        "ahvaz-conference",
        "dg-khuzestan",
        1,
        "ویدئوکنفرانس وزیر با مدیران کل",
        "<p>حسن نسیمی، رئیس <strong>روابط عمومی</strong> اداره کل تعاون، کار و رفاه اجتماعی خوزستان گفت: "
        "گزارش عملکرد سال ۱۳۹۹ ارائه شد.</p>",
    ),
    (
        "ahvaz-workers",
        "dg-khuzestan",
        2,
        "تجلیل از کارگران نمونه خوزستان",
        "کارگران نمونه استان در آیین روز کارگر تجلیل شدند.",
    ),
    (
        "shiraz-insurance",
        "dg-fars",
        3,
        "بیمه کارگران ساختمانی فارس",
        "مدیر کل تعاون، کار و رفاه اجتماعی فارس از بیمه ۱۲۰۰ کارگر ساختمانی خبر داد.",
    ),
    ("shiraz-relations", "dg-fars", 4, "نشست پرسش و پاسخ", "عمومی ترین پرسش ها درباره روابط کار پاسخ داده شد."),
    (
        "english-note",
        "dg-fars",
        5,
        "Café meeting near Shiraz",
        "A short English note: NEAR and AND are plain words here.",
    ),
    (
        "ahvaz-cooperatives",
        "dg-khuzestan",
        6,
        "تعاونی های خوزستان",
        "نمایشگاه تعاونی ها و کارآفرینان در اهواز گشایش یافت و وزیر از آن بازدید کرد.",
    ),
]


@pytest.fixture
def corpus(index_document: IndexDocument) -> None:
    for key, office, hours, title, body in CORPUS:
        index_document(key, title, body, hours=hours, office_code=office)


@pytest.mark.parametrize(
    ("query", "office", "expected"),
    [
        # Words are ANDed and match as prefixes: «کارگر» finds «کارگران» and «کارگر».
        ("کارگر", None, ["shiraz-insurance", "ahvaz-workers"]),
        ("کارگر خوزستان", None, ["ahvaz-workers"]),
        # The office filter.
        ("کارگر", "dg-fars", ["shiraz-insurance"]),
        ("کارگر", "dg-unknown", []),
        # Title and body are both searched.
        ("ویدئوکنفرانس", None, ["ahvaz-conference"]),
        ("نسیمی", None, ["ahvaz-conference"]),
        # A prefix is the start of a word, never its middle: «کار» does not find «ساختمانی»'s inside.
        ("مانی", None, []),
        # A quoted phrase: adjacent words, in order, exact (no prefix).
        ('"روابط عمومی"', None, ["ahvaz-conference"]),
        ('"عمومی روابط"', None, []),
        ('"روابط عموم"', None, []),
        # Unquoted, the same two words need not be adjacent.
        ("روابط عمومی", None, ["shiraz-relations", "ahvaz-conference"]),
        # Markup in the body is not text: «strong» is not a word of the release.
        ("strong", None, []),
        # Digits in any script; a prefix of a number.
        ("1399", None, ["ahvaz-conference"]),
        ("۱۲", None, ["shiraz-insurance"]),
        # Latin: case and accents folded; engine keywords are plain words.
        ("cafe", None, ["english-note"]),
        ("CAFÉ", None, ["english-note"]),
        ("NEAR", None, ["english-note"]),
        ("near AND", None, ["english-note"]),
        # A one-character word matches exactly, not as a prefix of every word that starts with it.
        ("و وزیر", None, ["ahvaz-cooperatives", "ahvaz-conference"]),
        ("A", None, ["english-note"]),
        # Operators are not operators: «-» and «OR» do not exclude or widen anything.
        ("-تعاونی", None, ["ahvaz-cooperatives"]),
        ("نسیمی OR کارآفرینان", None, []),
    ],
)
def test_each_query_returns_exactly_its_hits_newest_first(
    corpus: None, query: str, office: str | None, expected: list[str]
) -> None:
    page = search_documents(query=query, office_code=office)

    assert page.keys == expected
    assert page.total == len(expected)
