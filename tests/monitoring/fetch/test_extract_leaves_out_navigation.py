"""On the five real pages, menus, related-article boxes and footers stay out of the main text."""

from __future__ import annotations

from html import unescape

import pytest

from ayneh.monitoring.fetch.extract import extract_article

# Strings each page shows in its menus, related-news boxes or footer (read from the pages), and a phrase
# of the article itself that must be in.
PAGES = {
    "www.isna.ir__1558105248971.html": (
        ["درباره ایسنا", "تماس با ایسنا", "خط مشی", "حمله هوادار سپاهان به نشست خبری برانکو"],
        "کمیته انضباطی و فدراسیون فوتبال دخالت کنند",
    ),
    "www.tasnimnews.com__1558105248971.html": (
        ["پربیننده‌ترین اخبار", "آرشیو اخبار", "قیمت طلا، سکه و ارز", "کهگیلویه و بویراحمد"],
        "ژاوی هرناندز، اسطوره اسپانیایی تیم السد",
    ),
    "www.varzesh3.com__1557406768845.html": (
        ["جداول لیگ‌ها", "موافقت نامه کاربری", "حذف تلخ سرخابی ها از لیگ قهرمانان آسیا", "کارت شارژ"],
        "تراکتورسازی بعد از هفته‌های درخشانی",
    ),
    "www.varzesh3.com__1557406768847.html": (
        ["قوانین و مقررات", "جشن قهرمانی پرسپولیس در لیگ هجدهم", "ابزار توسعه دهندگان"],
        "برای نخستین بار توانست سه قهرمانی متوالی",
    ),
    "www.yjc.ir__1558105248971.html": (
        ["عناوین کل اخبار", "شهروند خبرنگار", "قیمت اقلام اساسی", "ازدواج و خانواده"],
        "گردهمایی رؤسای سازمان نظام دامپزشکی سراسر کشور",
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_article_is_in_and_the_navigation_is_out(pages_dir, name: str) -> None:
    html = (pages_dir / name).read_text(encoding="utf-8")
    navigation, article_phrase = PAGES[name]
    assert all(nav in unescape(html) for nav in navigation)  # they are on the page (YJC's as references) ...

    text = extract_article(html).text

    assert article_phrase in text
    assert [nav for nav in navigation if nav in text] == []  # ... but not in its main text
