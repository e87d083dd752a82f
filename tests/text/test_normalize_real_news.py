"""Normalisation over the real Fars news articles in ../shared/data (skipped where absent)."""

import json
from pathlib import Path

from ayneh.text.normalize import normalize, normalize_with_offsets


def _articles(shared_data: Path) -> list[str]:
    texts = []
    for path in sorted((shared_data / "fars-news").glob("fars-news-*.json")):
        for article in json.loads(path.read_text(encoding="utf-8")):
            parts = [article.get("title") or "", article.get("abstract") or "", *article.get("paragraphs", [])]
            texts.append("\n".join(parts))
    return texts


def test_real_articles_normalise_idempotently_without_arabic_letter_forms(shared_data: Path) -> None:
    for text in _articles(shared_data)[:300]:
        normalized = normalize(text)
        assert normalize(normalized) == normalized
        assert not set("يكى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u064e\u0640") & set(normalized)


def test_the_seed_article_typo_is_read_with_a_persian_comma(shared_data: Path) -> None:
    seed = (shared_data / "seed-article.fa.txt").read_text(encoding="utf-8")
    normalized = normalize_with_offsets(seed)
    assert "تعان، کار" in normalized.text
    start = normalized.text.index("تعان، کار")
    original_start, original_end = normalized.to_original(start, start + len("تعان، کار"))
    assert normalize(seed[original_start:original_end]) == "تعان، کار"
