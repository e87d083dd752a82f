"""`ayneh analyze FILE|- [--published] [--offices] --json`: one JSON object, the analyse() contract."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ayneh.text.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
RELEASE = "به گزارش ایسنا به نقل از روابط عمومی سازمان تأمین اجتماعی، علی رضایی روز شنبه گفت: بیمه گسترش می‌یابد."


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_it_prints_the_canonical_answer_for_the_seed_article(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = shared_data / "seed-article.fa.txt"
    assert main(["analyze", str(seed), "--published", "2021-05-22", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["outlet"] == "راه بهارستان"
    assert result["source_office"] == "اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان"
    assert {p["name"] for p in result["persons"]} == {"حسن نسیمی", "محمد شریعتمداری"}
    assert len(result["quotes"]) == 9
    assert {q["speaker"] for q in result["quotes"]} == {"حسن نسیمی"}
    assert {"text": "روز شنبه یکم خرداد", "date": "2021-05-22"}.items() <= result["dates"][0].items()
    assert result["provinces"] == ["خوزستان"]


def test_it_reads_stdin_and_prints_one_compact_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, RELEASE)
    assert main(["analyze", "-", "--published", "2021-05-24", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    result = json.loads(out)
    assert result["source_office"] == "سازمان تأمین اجتماعی"
    assert result["dates"][0]["date"] == "2021-05-22"


def test_without_json_it_pretty_prints_the_same_object(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, RELEASE)
    assert main(["analyze", "-"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") > 5
    assert json.loads(out)["outlet"] == "ایسنا"


def test_it_credits_the_offices_of_the_registry_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = {
        "version": 1,
        "offices": [
            {
                "code": "tamin",
                "name": "تأمین اجتماعی (نمونه)",
                "tier": "affiliated",
                "aliases": ["سازمان تامین اجتماعی"],
            }
        ],
    }
    path = tmp_path / "offices.json"
    path.write_text(json.dumps(registry, ensure_ascii=False), encoding="utf-8")
    _stdin(monkeypatch, RELEASE)
    assert main(["analyze", "-", "--offices", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["source_office_code"] == "tamin"


def test_the_ayneh_command_hands_analyze_over_without_importing_django(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(RELEASE, encoding="utf-8")
    probe = (
        "import sys; from ayneh.cli import main; "
        f"code = main(['ayneh', 'analyze', {str(article)!r}, '--json']); "
        "print('django' in sys.modules, code, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(result.stdout)["outlet"] == "ایسنا"
    assert result.stderr.strip() == "False 0"


def test_the_module_runs_as_a_script(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(RELEASE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ayneh.text.cli", "analyze", str(article), "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["outlet"] == "ایسنا"
