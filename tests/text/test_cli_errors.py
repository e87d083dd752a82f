"""`ayneh analyze` refuses bad arguments and inputs clearly, with exit status 2."""

import json
from pathlib import Path

import pytest

from ayneh.text.cli import main


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert "no such file: nowhere.txt" in _fails(["analyze", "nowhere.txt", "--json"], capsys)


def test_a_bad_publication_date_is_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("متن", encoding="utf-8")
    err = _fails(["analyze", str(article), "--published", "1400-03-01x"], capsys)
    assert "not a date in the form YYYY-MM-DD: '1400-03-01x'" in err


def test_a_bad_registry_says_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("متن", encoding="utf-8")
    registry = tmp_path / "offices.json"
    registry.write_text(json.dumps({"version": 1, "offices": [{"code": "x"}]}), encoding="utf-8")
    err = _fails(["analyze", str(article), "--offices", str(registry)], capsys)
    assert "bad office registry" in err
    assert "'name'" in err


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("خبر".encode("cp1256"))
    assert "is not UTF-8 text" in _fails(["analyze", str(article)], capsys)


def test_it_wants_exactly_one_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "either FILE" in _fails(["analyze"], capsys)
    assert "either FILE" in _fails(["analyze", "a.txt", "--jsonl", "b.jsonl"], capsys)


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarise"]) == 2
    assert "invalid choice" in capsys.readouterr().err
