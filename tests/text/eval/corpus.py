"""The Fars news corpus in ../shared/data as the evaluation reads it: ids, texts, publication dates, and
the fixed rule that picks the labelled sample.

An article's id is the number in its link (``/news/8707060255`` → ``"8707060255"``); its text is the title,
the abstract and the paragraphs joined by newlines (the data README's rule); its publication date is the
Solar Hijri date the id starts with (``87/07/06`` → 1387-07-06, ``13911222...`` → 1391-12-22), converted
to the Gregorian calendar.

The sample rule (``sample_ids``): articles of 300–3,000 characters (the typical Fars article is ~1,400;
longer magazine pieces are not what PR monitoring reads, and a person must be able to label them), grouped
into strata by category — the province desks (``province`` and the per-province categories) form one
stratum, each of the nine largest national desks one more — and ``PER_STRATUM`` drawn from each stratum by
``random.Random(SEED)`` over the ids in sorted order.
"""

from __future__ import annotations

import datetime
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jdatetime

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
FARS_DIR = SHARED_DATA / "fars-news"
SEED_ARTICLE = SHARED_DATA / "seed-article.fa.txt"
SEED_ID = "seed"
SEED_PUBLISHED = datetime.date(2021, 5, 22)

SEED = 1400
HELD_OUT_SEED = 1401
PER_STRATUM = 4
MIN_CHARS, MAX_CHARS = 300, 3000
NATIONAL_DESKS = (
    "farsplus-magazine",
    "world",
    "politics",
    "social",
    "sports",
    "economy",
    "arts-media",
    "culture",
    "scientific-academic",
)
_OTHER_DESKS = frozenset({"", "viewpoint", "education", "other-media", "multimedia", "myfars", "last-clay"})
_OTHER_DESKS |= {"foreign-policy", "regional-offices"}
_NEWS_ID = re.compile(r"/news/(\d{10,14})")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    category: str
    text: str
    published: datetime.date | None


def fars_articles() -> Iterator[Article]:
    """Every Fars article with a readable id, in file order."""
    for path in sorted(FARS_DIR.glob("fars-news-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            found = _NEWS_ID.search(item.get("link", ""))
            if found is None:
                continue
            text = "\n".join([item["title"], item["abstract"], *item["paragraphs"]])
            yield Article(found.group(1), item.get("cat", ""), text, published_from_id(found.group(1)))


def published_from_id(news_id: str) -> datetime.date | None:
    """The publication date a Fars news id starts with (YYMMDD before 1390, YYYYMMDD after), or None."""
    try:
        if len(news_id) == 10:
            year, month, day = 1300 + int(news_id[:2]), int(news_id[2:4]), int(news_id[4:6])
        else:
            year, month, day = int(news_id[:4]), int(news_id[4:6]), int(news_id[6:8])
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def stratum(category: str) -> str | None:
    """The sampling stratum of a category: a national desk, "province", or None (not sampled)."""
    if category in NATIONAL_DESKS:
        return category
    if category in _OTHER_DESKS:
        return None
    return "province"  # "province" itself and the per-province desks ("khuzestan", "razavi", ...)


def sample_ids(*, seed: int = SEED, per_stratum: int = PER_STRATUM, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The labelled Fars sample (see the module docstring), in stratum order. The held-out sample is the
    same rule with ``HELD_OUT_SEED``, one article per stratum, the first sample excluded."""
    by_stratum: dict[str, list[str]] = {}
    seen: set[str] = set()
    for article in fars_articles():
        group = stratum(article.category)
        eligible = MIN_CHARS <= len(article.text) <= MAX_CHARS and article.id not in exclude
        if group is None or article.id in seen or not eligible:
            continue
        seen.add(article.id)
        by_stratum.setdefault(group, []).append(article.id)
    rng = random.Random(seed)
    picked: list[str] = []
    for group in ("province", *NATIONAL_DESKS):
        picked += rng.sample(sorted(by_stratum[group]), per_stratum)
    return picked


def held_out_ids() -> list[str]:
    """Ten more articles, labelled after the rules were frozen, to show how far the first sample's numbers
    carry over to articles nobody looked at while writing the rules."""
    return sample_ids(seed=HELD_OUT_SEED, per_stratum=1, exclude=frozenset(sample_ids()))


def articles_by_id() -> dict[str, Article]:
    """The Fars articles by id, plus the seed article under ``SEED_ID``."""
    found = {article.id: article for article in fars_articles()}
    found[SEED_ID] = Article(SEED_ID, "seed", SEED_ARTICLE.read_text(encoding="utf-8"), SEED_PUBLISHED)
    return found
