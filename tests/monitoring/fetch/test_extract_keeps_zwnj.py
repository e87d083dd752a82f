"""Extraction keeps the Persian zero-width non-joiner, which trafilatura alone drops («گفت‌وگو» → «گفتوگو»)."""

from __future__ import annotations

from html import unescape

from ayneh.monitoring.fetch.extract import ZWNJ, extract_article

ARTICLE = """<html><head><title>گفت&zwnj;وگو</title></head><body>
<nav><a href="/">صفحه اصلی</a></nav>
<article><h1>گفت‌وگوی ویژه</h1>
<p>رئیس روابط عمومی در گفت‌وگو با خبرنگاران اظهار کرد: برنامه‌های این اداره کل در سال جاری ادامه می&#8204;یابد
و همکاری&#x200C;ها با رسانه‌ها گسترش پیدا می‌کند.</p>
<p>وی افزود: گزارش‌های ماهانه منتشر خواهد شد و نشست‌های خبری هر هفته برگزار می‌شود تا پرسش‌های
رسانه‌ها بی‌پاسخ نماند و اطلاع‌رسانی به‌موقع انجام شود.</p></article>
<footer>تمامی حقوق محفوظ است</footer></body></html>"""


def test_every_form_of_zwnj_survives_extraction() -> None:
    text = extract_article(ARTICLE).text

    for word in ("گفت‌وگو", "برنامه‌های", "می‌یابد", "همکاری‌ها", "اطلاع‌رسانی", "به‌موقع"):
        assert word in text
    assert "گفتوگو" not in text
    assert "\U00010330" not in text  # the stand-in never leaks


def test_the_zwnj_in_the_title_survives_too() -> None:
    assert ZWNJ in (extract_article(ARTICLE).title or "")


def test_isna_keeps_goftogu_with_its_zwnj(pages_dir) -> None:
    html = (pages_dir / "www.isna.ir__1558105248971.html").read_text(encoding="utf-8")

    text = extract_article(html).text

    assert "در گفت‌وگو با ایسنا" in text
    assert "گفتوگو" not in text


def test_every_zwnj_word_of_the_extracted_text_is_written_so_in_the_page(pages_dir) -> None:
    for page in sorted(pages_dir.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        text = extract_article(html).text
        zwnj_words = {word for word in text.split() if ZWNJ in word}
        written = unescape(html)  # YJC writes every letter as a character reference
        assert all(word.strip('«»()،.:؛!؟"') in written for word in zwnj_words), page.name
        assert page.name.startswith("www.varzesh3.com__1557406768847") or zwnj_words, page.name
