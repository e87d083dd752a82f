"""Near-duplicates among the real Fars articles in ../shared/data (skipped where absent)."""

import json
import random
from pathlib import Path

from ayneh.text.neardup import NearDuplicateIndex, similarity
from ayneh.text.textdiff import diff_versions


def _articles(shared_data: Path) -> list[list[str]]:
    """Each article as its lines: title, abstract, paragraphs."""
    items = json.loads((shared_data / "fars-news" / "fars-news-2.json").read_text(encoding="utf-8"))
    return [[a["title"], a["abstract"], *a["paragraphs"]] for a in items if len(a["paragraphs"]) >= 3]


def _republished(lines: list[str], rng: random.Random) -> str:
    """A republisher's copy: Arabic letters, one paragraph dropped, the second half cut."""
    kept = lines[:]
    del kept[rng.randrange(2, len(kept))]
    text = "\n".join(kept).replace("ی", "ي").replace("ک", "ك")
    return text[: len(text) * 2 // 3]


def test_republished_copies_of_real_articles_find_their_original_first(shared_data: Path) -> None:
    articles = _articles(shared_data)
    index = NearDuplicateIndex()
    index.add_many((str(i), "\n".join(lines)) for i, lines in enumerate(articles))
    rng = random.Random(4)
    picked = rng.sample(range(len(articles)), 40)
    found = index.query_many([_republished(articles[i], rng) for i in picked])
    assert [answer[0][0] if answer else None for answer in found] == [str(i) for i in picked]


def test_real_articles_match_only_what_the_exact_score_confirms(shared_data: Path) -> None:
    articles = ["\n".join(lines) for lines in _articles(shared_data)]
    index = NearDuplicateIndex()
    index.add_many((str(i), text) for i, text in enumerate(articles[:150]))
    for text, answer in zip(articles[150:], index.query_many(articles[150:]), strict=True):
        for doc_id, _ in answer:
            assert similarity(text, articles[int(doc_id)]) >= 0.45


def test_the_diff_of_a_real_copy_names_its_dropped_paragraph(shared_data: Path) -> None:
    lines = _articles(shared_data)[7]
    copy = "\n".join(lines[:3] + lines[4:])
    removed = [op.before for op in diff_versions("\n".join(lines), copy) if op.kind == "removed"]
    assert " ".join(removed).split() == lines[3].split()
