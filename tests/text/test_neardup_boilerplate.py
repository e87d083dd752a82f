"""Shingles shared by more than max_postings indexed articles are boilerplate, not evidence of a version."""

from ayneh.text.neardup import NearDuplicateIndex
from tests.text.neardup_stories import filler_stories

# A closing paragraph that an outlet appends to every story.
BOILERPLATE = (
    "این خبرگزاری از همه مخاطبان گرامی دعوت می‌کند اخبار و گزارش‌های مردمی خود را از طریق سامانه پیام کوتاه "
    "و شبکه‌های اجتماعی رسمی برای ما ارسال کنند تا پس از بررسی کارشناسان منتشر شود."
)


def _index(max_postings: int) -> NearDuplicateIndex:
    index = NearDuplicateIndex(max_postings=max_postings)
    for i, body in enumerate(filler_stories(8, seed=11)):
        index.add(f"story-{i}", body[:300] + "\n" + BOILERPLATE)
    return index


def test_the_boilerplate_alone_matches_every_story_when_it_is_rare_enough_to_count() -> None:
    assert len(_index(max_postings=1_000).query(BOILERPLATE)) == 8


def test_the_boilerplate_alone_matches_nothing_once_more_articles_share_it_than_max_postings() -> None:
    assert _index(max_postings=5).query(BOILERPLATE) == []
