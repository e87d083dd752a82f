"""read_html_folder: saved pages in a stable order, decoded, with their own address; links not followed."""

from __future__ import annotations

import shutil

import pytest

from ayneh.monitoring.fetch.archives import ArchiveRecord, RecordError, read_html_folder
from ayneh.monitoring.fetch.errors import InputError

PERSIAN_PAGE = (
    '<html><head><link rel="canonical" href="https://www.example.ir/news/1"></head>'
    "<body><p>گفت‌وگو با مدیر کل</p></body></html>"
)


def test_the_real_pages_are_read_in_order_with_their_canonical_addresses(pages_dir, tmp_path) -> None:
    shutil.copytree(pages_dir, tmp_path / "pages")

    records = list(read_html_folder(tmp_path / "pages"))

    assert [r.origin for r in records] == sorted(p.name for p in pages_dir.glob("*.html"))
    assert all(isinstance(r, ArchiveRecord) and r.html for r in records)
    urls = [r.url for r in records]
    assert urls[0] is not None
    assert urls[0].startswith("https://www.isna.ir/news/98030903723/")
    assert urls[1] is None  # Tasnim's og:url is relative and a saved page has no address to resolve it against
    assert urls[4] == "http://www.yjc.ir/fa/news/6919119"


def test_a_windows_1256_page_is_decoded_and_a_bad_file_fails_alone(tmp_path) -> None:
    (tmp_path / "a.html").write_bytes(PERSIAN_PAGE.replace("‌", " ").replace("ی", "ي").encode("cp1256"))
    (tmp_path / "b.htm").write_bytes(b"\x00\x81\x8d\x8f\x90\x9d" * 10)
    (tmp_path / "notes.txt").write_text("not a page")

    items = list(read_html_folder(tmp_path))

    assert [item.origin for item in items] == ["a.html", "b.htm"]
    assert isinstance(items[0], ArchiveRecord)
    assert "گفت وگو با مدير کل" in (items[0].html or "")
    assert isinstance(items[1], RecordError)
    assert items[1].reason.startswith("binary data, not text")


def test_symbolic_links_are_not_followed(tmp_path) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text(PERSIAN_PAGE, encoding="utf-8")
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "link.html").symlink_to(outside)

    (item,) = read_html_folder(archive)

    assert isinstance(item, RecordError)
    assert item.reason == "symbolic link not followed"


def test_a_path_that_is_not_a_folder_is_refused(tmp_path) -> None:
    with pytest.raises(InputError, match=r"^not a folder"):
        list(read_html_folder(tmp_path / "missing"))
