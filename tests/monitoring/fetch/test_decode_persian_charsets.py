"""Pages in UTF-8, windows-1256 (declared or not) or under a wrong charset header decode to correct
Persian — or are refused with a reason; never mojibake."""

from __future__ import annotations

import codecs

import pytest

from ayneh.monitoring.fetch.decode import choose_encoding, decode_body
from ayneh.monitoring.fetch.errors import DecodeError

# windows-1256 has no Persian «ی» nor Persian digits: pages in it carry Arabic «ي» (normalised later).
TEXT_1256 = "رئيس روابط عمومي اداره کل تعاون، کار و رفاه اجتماعي استان خوزستان در گفت و گو با خبرنگاران گفت"
PAGE_1256 = f"<html><head><title>خبر</title></head><body><p>{TEXT_1256}</p></body></html>"
TEXT_UTF8 = "رئیس روابط عمومی اداره کل در گفت‌وگو با خبرنگاران گفت: ۱۴۰۰/۰۳/۰۱"
PAGE_UTF8 = f"<html><body><p>{TEXT_UTF8}</p></body></html>"


def test_an_undeclared_windows_1256_page_decodes_to_correct_persian() -> None:
    assert decode_body(PAGE_1256.encode("cp1256"), declared=None, content_type="text/html") == PAGE_1256


def test_a_windows_1256_page_declared_in_its_meta_decodes() -> None:
    page = PAGE_1256.replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    )

    assert TEXT_1256 in decode_body(page.encode("cp1256"))


@pytest.mark.parametrize("wrong", ["iso-8859-1", "windows-1252", "utf-8", "koi8-r", "no-such-charset"])
def test_a_windows_1256_page_under_a_wrong_header_still_decodes_to_persian(wrong: str) -> None:
    assert TEXT_1256 in decode_body(PAGE_1256.encode("cp1256"), declared=wrong, content_type="text/html")


@pytest.mark.parametrize("wrong", ["iso-8859-1", "windows-1256", "windows-1252"])
def test_a_utf8_page_under_a_single_byte_header_is_read_as_utf8(wrong: str) -> None:
    assert decode_body(PAGE_UTF8.encode(), declared=wrong) == PAGE_UTF8


def test_a_byte_order_mark_wins_and_is_removed() -> None:
    assert decode_body(codecs.BOM_UTF8 + PAGE_UTF8.encode(), declared="windows-1256") == PAGE_UTF8
    assert decode_body(codecs.BOM_UTF16_LE + PAGE_UTF8.encode("utf-16-le")) == PAGE_UTF8


def test_an_xml_declaration_is_read_for_a_feed() -> None:
    feed = f'<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>{TEXT_1256}</title></channel></rss>'

    assert choose_encoding(feed.encode("cp1256")) == "cp1256"


def test_a_french_latin_1_page_is_not_turned_into_arabic() -> None:
    page = "<p>Élection présidentielle : l'été à Téhéran, déjà très chaud.</p>"

    assert decode_body(page.encode("latin-1"), declared="iso-8859-1") == page


def test_binary_data_is_refused_with_a_reason() -> None:
    with pytest.raises(DecodeError, match=r"^binary data, not text"):
        decode_body(bytes(range(256)) * 4)
