"""read_jsonl: one record or one error per line; a bad line fails alone and the import goes on."""

from __future__ import annotations

import datetime as dt
import io
import json

from ayneh.monitoring.fetch.archives import ArchiveRecord, RecordError, read_jsonl


def _line(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode() + b"\n"


GOOD = _line(
    url="https://www.rahbaharestan.ir/news/1",
    title="نشست خبری",
    text="متن خبر",
    published="1400/03/01 10:00",
    outlet="راه بهارستان",
)


def test_a_good_line_becomes_a_record_with_a_jalali_date_read_as_jalali() -> None:
    (record,) = read_jsonl(io.BytesIO(GOOD))

    assert isinstance(record, ArchiveRecord)
    assert (record.position, record.url, record.title, record.text, record.outlet) == (
        1,
        "https://www.rahbaharestan.ir/news/1",
        "نشست خبری",
        "متن خبر",
        "راه بهارستان",
    )
    assert record.published == dt.datetime(2021, 5, 22, 5, 30, tzinfo=dt.UTC)


def test_bad_lines_fail_alone_with_their_line_numbers_and_reasons() -> None:
    archive = b"".join(
        [
            GOOD,
            b"{not json\n",
            b"\n",
            b"[1, 2]\n",
            _line(url="javascript:alert(1)", text="x"),
            _line(url="file:///etc/passwd", text="x"),
            _line(url="https://a.example/1", title="only a title"),
            _line(url="https://a.example/2", text=42),
            _line(url="https://a.example/3", text="x", published="دیروز عصر"),
            b'{"url": "https://a.example/4", "text": "\xff\xfe"}\n',
            GOOD,
        ]
    )

    items = list(read_jsonl(io.BytesIO(archive)))

    assert [type(item).__name__ for item in items] == ["ArchiveRecord"] + ["RecordError"] * 8 + ["ArchiveRecord"]
    errors = {item.position: item.reason for item in items if isinstance(item, RecordError)}
    assert errors == {
        2: "invalid JSON: Expecting property name enclosed in double quotes at column 2",
        4: "not a JSON object but a list",
        5: "url refused: scheme not allowed: javascript",
        6: "url refused: scheme not allowed: file",
        7: "neither 'text' nor 'html'",
        8: "'text' is not a string",
        9: "'published' cannot be read as a date: 'دیروز عصر'",
        10: "not UTF-8 (byte 40)",
    }
    assert items[-1].position == 11


def test_an_overlong_line_is_skipped_without_loading_it_and_reading_resumes_after_it() -> None:
    archive = _line(url="https://a.example/1", text="x" * 5000) + GOOD

    items = list(read_jsonl(io.BytesIO(archive), max_line_bytes=1000))

    assert isinstance(items[0], RecordError)
    assert items[0].reason == "line too long: over 1000 bytes"
    assert isinstance(items[1], ArchiveRecord)
    assert items[1].position == 2


def test_it_reads_a_path_and_a_unix_time(tmp_path) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_bytes(_line(url="https://a.example/1", html="<p>x</p>", published=1621668600))

    (record,) = read_jsonl(path)

    assert isinstance(record, ArchiveRecord)
    assert record.origin == "archive.jsonl:1"
    assert record.html == "<p>x</p>"
    assert record.published == dt.datetime(2021, 5, 22, 7, 30, tzinfo=dt.UTC)


def test_it_reads_a_text_stream_too() -> None:
    (record,) = read_jsonl(io.StringIO(GOOD.decode("utf-8")))

    assert isinstance(record, ArchiveRecord)
    assert record.title == "نشست خبری"
