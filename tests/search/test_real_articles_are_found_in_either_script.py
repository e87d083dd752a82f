"""Real Fars articles (Arabic ي/ك, mixed digits and ZWNJ) are found by words typed on a Persian keyboard,
and by the same words in the articles' own Arabic forms."""

import json
import random
from pathlib import Path

import pytest

from ayneh.search.selectors import search_documents
from ayneh.search.terms import tokens
from tests.search.conftest import IndexDocument

ARTICLES = 150
QUERIES = 60
TO_PERSIAN_KEYBOARD = str.maketrans({"ي": "ی", "ك": "ک", **{str(d): "۰۱۲۳۴۵۶۷۸۹"[d] for d in range(10)}})
TO_ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك", **{str(d): "٠١٢٣٤٥٦٧٨٩"[d] for d in range(10)}})


@pytest.fixture
def real_articles(shared_data: Path, index_document: IndexDocument) -> list[tuple[str, str]]:
    items = json.loads((shared_data / "fars-news" / "fars-news-1.json").read_text(encoding="utf-8"))[:ARTICLES]
    articles = [(item["title"], "\n".join([item.get("abstract") or "", *item["paragraphs"]])) for item in items]
    for n, (title, body) in enumerate(articles):
        index_document(f"fars-{n}", title, body, hours=n)
    return articles


@pytest.mark.parametrize("script", [TO_PERSIAN_KEYBOARD, TO_ARABIC_FORMS], ids=["persian-keyboard", "arabic-forms"])
def test_every_title_word_finds_its_own_article(real_articles: list[tuple[str, str]], script: dict[int, str]) -> None:
    rng = random.Random(1400)
    missed = []
    for _ in range(QUERIES):
        n = rng.randrange(len(real_articles))
        # Words as the index sees them: «می رود» is one word («میرود»), so «رود» alone is not its word.
        candidates = [word for word in tokens(real_articles[n][0]) if len(word) > 2]
        if not candidates:
            continue
        query = rng.choice(candidates).translate(script)
        if f"fars-{n}" not in search_documents(query=query, limit=100).keys:
            missed.append((query, n))

    assert missed == []
