"""`ayneh analyze --jsonl`: one result per input line, in order, errors per line, progress on stderr."""

import json
from pathlib import Path
from typing import Any

import pytest

from ayneh.text import cli

TEXT = "به گزارش ایسنا، علی رضایی روز شنبه گفت: سلام."


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_it_writes_one_result_per_line_with_its_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_lines(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "a", "text": TEXT, "published": "2021-05-24"}, ensure_ascii=False),
            json.dumps({"id": 7, "text": "متن دوم"}, ensure_ascii=False),
        ],
    )
    assert cli.main(["analyze", "--jsonl", str(source)]) == 0
    first, second = _records(capsys.readouterr().out)
    assert first["id"] == "a"
    assert first["outlet"] == "ایسنا"
    assert first["dates"][0]["date"] == "2021-05-22"
    assert second["id"] == 7
    assert second["persons"] == []


def test_published_on_the_command_line_is_the_default_for_lines_without_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_lines(tmp_path / "in.jsonl", [json.dumps({"id": 1, "text": TEXT}, ensure_ascii=False)])
    assert cli.main(["analyze", "--jsonl", str(source), "--published", "2021-05-24"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["dates"][0]["date"] == "2021-05-22"


def test_a_malformed_line_yields_an_error_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_lines(
        tmp_path / "in.jsonl",
        [
            "{not json",
            json.dumps({"id": "no-text"}),
            json.dumps({"id": "bad-date", "text": TEXT, "published": "21/05/2021"}, ensure_ascii=False),
            "",
            json.dumps({"id": "good", "text": TEXT}, ensure_ascii=False),
        ],
    )
    assert cli.main(["analyze", "--jsonl", str(source)]) == 0
    captured = capsys.readouterr()
    records = _records(captured.out)
    assert [r["id"] for r in records] == [None, "no-text", "bad-date", "good"]
    assert records[0]["error"] == "line 1: not JSON (Expecting property name enclosed in double quotes)"
    assert records[1]["error"] == "line 2: 'text' must be a string"
    assert "line 3: 'published' is not a date" in str(records[2]["error"])
    assert records[3]["outlet"] == "ایسنا"
    assert "3 line(s) could not be read" in captured.err


def test_a_long_input_gets_a_progress_bar_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write_lines(tmp_path / "in.jsonl", [json.dumps({"id": 1, "text": TEXT}, ensure_ascii=False)])
    monkeypatch.setattr(cli, "LONG_INPUT_BYTES", 1)
    assert cli.main(["analyze", "--jsonl", str(source)]) == 0
    captured = capsys.readouterr()
    assert "B/s" in captured.err or "%" in captured.err
    assert len(_records(captured.out)) == 1


def test_a_short_input_to_a_pipe_gets_no_progress_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_lines(tmp_path / "in.jsonl", [json.dumps({"id": 1, "text": TEXT}, ensure_ascii=False)])
    assert cli.main(["analyze", "--jsonl", str(source)]) == 0
    assert capsys.readouterr().err == ""
