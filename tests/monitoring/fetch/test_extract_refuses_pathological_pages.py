"""Empty, huge, absurdly nested and text-less pages raise ExtractError with a reason — never a silent ""."""

from __future__ import annotations

import time

import pytest

from ayneh.monitoring.fetch.errors import ExtractError
from ayneh.monitoring.fetch.extract import extract_article
from ayneh.monitoring.fetch.limits import MB

PARAGRAPH = "<p>" + "رئیس روابط عمومی اداره کل در نشست خبری گفت که برنامه‌ها ادامه دارد. " * 8 + "</p>"


@pytest.mark.parametrize("html", ["", "   \n\t  "])
def test_an_empty_page_is_refused(html: str) -> None:
    with pytest.raises(ExtractError, match=r"^empty page$"):
        extract_article(html)


def test_a_50_mb_page_is_refused_at_once() -> None:
    huge = "<html><body>" + PARAGRAPH * (50 * MB // len(PARAGRAPH)) + "</body></html>"
    started = time.perf_counter()

    with pytest.raises(ExtractError, match=r"^too large: over 10 MB$"):
        extract_article(huge)

    assert time.perf_counter() - started < 1.0


def test_a_page_nested_100000_deep_is_refused_with_a_reason() -> None:
    deep = "<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>"

    with pytest.raises(ExtractError, match=r"^nesting too deep: Excessive depth in document: 256"):
        extract_article(deep)


def test_a_page_of_menus_and_scripts_has_no_main_text() -> None:
    html = "<html><body><nav><a href='/'>صفحه اصلی</a></nav><script>var a = 1;</script></body></html>"

    with pytest.raises(ExtractError, match=r"^no main text found \(only 9 characters\)$"):
        extract_article(html)


def test_html_soup_with_unclosed_tags_still_yields_its_article() -> None:
    soup = "<html><body><div><table><tr><td>" + PARAGRAPH.replace("</p>", "") * 3 + "<b><i>پایان</div>"

    assert "رئیس روابط عمومی اداره کل" in extract_article(soup).text


def test_an_xhtml_page_with_an_xml_declaration_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><article>' + PARAGRAPH * 2 + "</article></body></html>"

    assert "نشست خبری" in extract_article(page).text
