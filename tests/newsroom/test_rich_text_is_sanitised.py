"""Release bodies keep basic formatting and lose everything that could run code or restyle the page."""

import pytest

from ayneh.accounts.models import User
from ayneh.core.sanitize import clean_html, html_to_text, paragraphs_to_html
from ayneh.offices.models import Office
from tests.newsroom.factories import release_make


def test_it_removes_script_elements_with_their_content() -> None:
    assert clean_html("<p>خبر<script>alert('x')</script></p>") == "<p>خبر</p>"


def test_it_removes_event_handler_attributes() -> None:
    cleaned = clean_html(
        '<p onclick="steal()">متن <strong onmouseover="x()">مهم</strong></p><img src=x onerror=alert(1)>'
    )
    assert cleaned == "<p>متن <strong>مهم</strong></p>"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>x</script>",
        "vbscript:x",
    ],
)
def test_it_drops_links_that_are_not_http_https_or_mailto(href: str) -> None:
    assert "href" not in clean_html(f'<a href="{href}">پیوند</a>')


def test_it_keeps_web_and_mail_links_and_makes_them_noopener() -> None:
    cleaned = clean_html(
        '<a href="https://mcls.gov.ir" target="_blank">وزارت</a> <a href="mailto:pr@mcls.gov.ir">ایمیل</a>'
    )
    assert '<a href="https://mcls.gov.ir" rel="noopener noreferrer">وزارت</a>' in cleaned
    assert '<a href="mailto:pr@mcls.gov.ir" rel="noopener noreferrer">ایمیل</a>' in cleaned


def test_it_removes_styles_and_style_elements() -> None:
    assert clean_html('<p style="color:red">متن</p><style>body{display:none}</style>') == "<p>متن</p>"


def test_it_keeps_the_basic_formatting_editors_use() -> None:
    markup = "<h2>عنوان</h2><p><strong>پررنگ</strong> <em>کج</em><br>خط</p><ul><li>یک</li></ul><ol><li>دو</li></ol><blockquote>نقل</blockquote><h3>زیر</h3>"
    assert clean_html(markup) == markup


def test_plain_paragraphs_become_html_paragraphs_with_text_escaped() -> None:
    assert paragraphs_to_html("بند اول\nادامه\n\nبند دوم <کد>") == "<p>بند اول<br>ادامه</p><p>بند دوم &lt;کد&gt;</p>"


def test_the_plain_text_of_a_body_separates_blocks_and_decodes_entities() -> None:
    assert html_to_text("<p>تعاون&nbsp;و کار</p><p>رفاه</p><script>x()</script>") == "تعاون و کار رفاه"


def test_a_saved_release_body_is_sanitised(khuzestan: Office, khuzestan_editor: User) -> None:
    release = release_make(
        office=khuzestan, actor=khuzestan_editor, body='<p>متن</p><script>x()</script><a href="javascript:x()">ب</a>'
    )
    assert release.body_html == '<p>متن</p><a rel="noopener noreferrer">ب</a>'
