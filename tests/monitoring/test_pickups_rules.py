"""Each part of the pickup rule (ayneh.monitoring.pickups' docstring), on texts written for it: what makes an
article a pickup of a release, and what does not."""

import numpy as np

from ayneh.monitoring.pickups import (
    CREDITED_THRESHOLD,
    MIN_SHARED_SHINGLES,
    TEXT_THRESHOLD,
    judge,
    release_plain_text,
)
from ayneh.monitoring.versions import matching_sketches
from ayneh.text.normalize import normalize
from tests.monitoring import releases as sample

RELEASE = normalize(
    release_plain_text(title=sample.RELEASE_TITLE, lead=sample.RELEASE_LEAD, body_html=sample.RELEASE_BODY_HTML)
)

# Another release of another office: a library week in Isfahan.
LIBRARY_PARAGRAPHS = (
    "مدیرکل کتابخانه‌های عمومی استان اصفهان از برگزاری ویژه‌برنامه‌های هفته کتاب در ۴۸ کتابخانه استان خبر داد.",
    "رضا کاظمی روز دوشنبه در جمع خبرنگاران گفت: در این هفته عضویت در کتابخانه‌های عمومی برای دانش‌آموزان "
    "رایگان است و نشست‌های نقد کتاب با حضور نویسندگان استان برگزار می‌شود.",
    "وی افزود: نمایشگاه کتاب کودک و نوجوان نیز از چهارشنبه در کتابخانه مرکزی اصفهان برپا می‌شود و تا پایان "
    "هفته هر روز از ساعت ۹ تا ۱۸ پذیرای بازدیدکنندگان است.",
    "کاظمی با اشاره به طرح کتابخانه سیار روستایی تصریح کرد: امسال ۱۲ دستگاه خودروی کتابخانه سیار به ۱۵۰ روستای "
    "استان خدمت‌رسانی می‌کنند و شمار امانت کتاب در روستاها دو برابر شده است.",
)
LIBRARY = normalize("برگزاری هفته کتاب در کتابخانه‌های عمومی اصفهان\n" + "\n".join(LIBRARY_PARAGRAPHS))

# A reporter's own story on the rural jobs plan, quoting one sentence of the release.
OWN_REPORT = "\n".join(
    [
        "خبرنگار ما از روستاهای شهرستان شوش گزارش می‌دهد که جوانان زیادی منتظر آغاز طرح‌های اشتغال هستند.",
        "چند نفر از اهالی روستای حمیدیه می‌گویند سال گذشته هم وعده وام داده شده بود اما پرونده‌ها ماه‌ها در "
        "بانک ماند و بسیاری از متقاضیان از گرفتن تسهیلات منصرف شدند.",
        sample.RELEASE_PARAGRAPHS[1],
        "کارشناسان اقتصادی استان معتقدند بدون بهبود زیرساخت‌های آب و جاده، شغل‌های روستایی پایدار نمی‌ماند و "
        "مهاجرت به حاشیه شهرها ادامه پیدا می‌کند.",
        "یک کشاورز جوان در گفت‌وگو با خبرنگار ما گفت که برای راه‌اندازی گلخانه کوچک خود سه بار به بانک مراجعه کرده "
        "و هنوز پاسخی نگرفته است.",
    ]
)


def judged(article: str, *releases: tuple[int, str, bool]) -> list[tuple[int, float, int, bool]]:
    """The rule applied to `article` against (release id, release text, credited) candidates."""
    sketches = matching_sketches([normalize(article), *(text for _pk, text, _credited in releases)])
    candidates = [(pk, sketches.shingle_set(i + 1), credited) for i, (pk, _text, credited) in enumerate(releases)]
    return judge(sketches.shingle_set(0), candidates)


def test_a_copy_carrying_most_of_the_release_is_a_pickup_without_any_credit() -> None:
    copy = "\n".join([sample.REPUBLISHED_TITLE, *sample.RELEASE_PARAGRAPHS[:2], *sample.RELEASE_PARAGRAPHS[3:]])

    [(release_id, overlap, shared, _credited)] = judged(copy, (1, RELEASE, False))
    assert release_id == 1
    assert overlap >= TEXT_THRESHOLD
    assert shared >= MIN_SHARED_SHINGLES


def test_a_short_version_of_a_long_release_is_a_pickup() -> None:
    # The release runs on with eight more paragraphs; a ticker carries its headline and first paragraph.
    long_release = normalize("\n".join([RELEASE, *LIBRARY_PARAGRAPHS, *LIBRARY_PARAGRAPHS[::-1]]))
    short = "\n".join([sample.RELEASE_TITLE, sample.RELEASE_PARAGRAPHS[0]])

    assert [pk for pk, *_rest in judged(short, (1, long_release, False))] == [1]


def test_a_credit_lowers_the_bar_for_a_story_that_still_carries_passages() -> None:
    # The outlet's own opening and closing around two of the release's paragraphs.
    rewritten = "\n".join(
        [
            "طرح اشتغال روستایی خوزستان از این ماه کلید می‌خورد و جوانان روستایی امیدوارند.",
            sample.RELEASE_PARAGRAPHS[1],
            sample.RELEASE_PARAGRAPHS[3],
            "کارشناسان می‌گویند موفقیت این طرح به سرعت پرداخت وام‌ها و همکاری بانک‌ها بستگی دارد و تجربه سال‌های "
            "گذشته نشان داده که بسیاری از طرح‌های مشابه در مرحله پرداخت تسهیلات متوقف شده‌اند.",
            "مسئولان استانی هم وعده داده‌اند که گزارش پیشرفت طرح را هر ماه منتشر کنند.",
        ]
    )

    [(_pk, overlap, _shared, credited)] = judged(rewritten, (1, RELEASE, True))
    assert credited
    assert CREDITED_THRESHOLD <= overlap < TEXT_THRESHOLD
    assert judged(rewritten, (1, RELEASE, False)) == []  # the same text without the credit


def test_a_credit_without_shared_passages_is_a_mention_not_a_pickup() -> None:
    mention = sample.CREDIT + sample.UNRELATED_TEXT

    assert judged(mention, (1, RELEASE, True)) == []


def test_an_own_report_quoting_one_sentence_of_the_release_is_not_a_pickup() -> None:
    assert judged(OWN_REPORT, (1, RELEASE, False)) == []


def test_a_few_shared_words_are_no_evidence_even_with_a_credit() -> None:
    # A one-line brief: the release's headline and nothing else.
    brief = sample.RELEASE_TITLE + " (خبر کامل به زودی)"

    assert judged(brief, (1, RELEASE, True)) == []
    sketches = matching_sketches([normalize(brief), RELEASE])
    shared = len(np.intersect1d(sketches.shingle_set(0), sketches.shingle_set(1)))
    assert 0 < shared < MIN_SHARED_SHINGLES  # what it shares is real, and too little


def test_a_passage_counts_for_one_release_only() -> None:
    # A follow-up release of the same office repeats the first release's closing paragraph as background.
    follow_up = normalize(
        "\n".join(
            [
                "آغاز ثبت‌نام دوره‌های آموزشی طرح اشتغال روستایی",
                "ثبت‌نام دوره‌های آموزش مهارت ویژه اعضای تعاونی‌های روستایی خوزستان از امروز در سامانه مراکز فنی و "
                "حرفه‌ای آغاز شد و تا پایان ماه ادامه دارد.",
                "علی محمدی گفت: این دوره‌ها در رشته‌های پرورش قارچ، گلخانه، صنایع دستی و بسته‌بندی محصولات کشاورزی "
                "برگزار می‌شود و گواهی آن برای دریافت وام طرح لازم است.",
                sample.RELEASE_PARAGRAPHS[4],
            ]
        )
    )
    copy_of_follow_up = follow_up  # an outlet carries the follow-up whole, crediting the office

    assert [pk for pk, *_rest in judged(copy_of_follow_up, (1, RELEASE, True), (2, follow_up, True))] == [2]


def test_a_roundup_carrying_two_releases_is_a_pickup_of_both() -> None:
    roundup = "\n".join([RELEASE, LIBRARY])

    assert sorted(pk for pk, *_rest in judged(roundup, (1, RELEASE, False), (2, LIBRARY, False))) == [1, 2]
